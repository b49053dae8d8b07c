"""The status line: which view, how many articles, where the cursor is, and refresh progress."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from reader.widgets.safe_text import line

BAR_WIDTH = 12


def progress_bar(done: int, total: int) -> str:
    filled = round(BAR_WIDTH * done / total) if total else BAR_WIDTH
    return "█" * filled + "░" * (BAR_WIDTH - filled)


class StatusBar(Static):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self._place = Content("")
        self._activity = Content("")

    def show_place(self, title: str, position: int, count: int, show_read: bool) -> None:
        where = f"{position + 1}/{count}" if count else "empty"
        hidden = "" if show_read else " · unread only"
        self._place = line(title, "bold") + Content(f" · {where} articles{hidden}")
        self._redraw()

    def show_progress(self, done: int, total: int, failed: int) -> None:
        failures = f" · {failed} failed" if failed else ""
        self._activity = Content(f"Refreshing {done}/{total} {progress_bar(done, total)}{failures}")
        self._redraw()

    def show_activity(self, text: str) -> None:
        self._activity = line(text)
        self._redraw()

    def _redraw(self) -> None:
        gap = Content("   ") if self._activity.plain else Content("")
        self.update(self._place + gap + self._activity.stylize("italic"), layout=False)
