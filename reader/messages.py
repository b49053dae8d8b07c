"""Messages the app sends its screens about work that runs in the background.

Messages are plain classes, not dataclasses: a dataclass costs ~2 ms to create at import, and
everything imported before the first frame delays it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from reader.models import FeedOutcome, RefreshReport


class RefreshProgressed(Message):
    """One feed of a background refresh is done: the status bar counts it."""

    def __init__(self, outcome: FeedOutcome, done: int, total: int, failed: int) -> None:
        super().__init__()
        self.outcome = outcome
        self.done = done
        self.total = total
        self.failed = failed


class RefreshFinished(Message):
    """A background refresh is done: the app reports failures and watched news."""

    def __init__(self, report: RefreshReport, watched_news: list[tuple[str, int]]) -> None:
        super().__init__()
        self.report = report
        self.watched_news = watched_news


class LibraryChanged(Message):
    """Feeds or articles changed outside the main screen (the feeds screen, a refresh)."""
