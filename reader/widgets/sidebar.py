"""The sidebar: the fixed views, companies (watched first) and feeds by folder, each with its
unread count; a feed whose last fetch failed carries a warning mark."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.models import FetchStatus
from reader.views import View, ViewKind
from reader.widgets.safe_text import line

if TYPE_CHECKING:
    from reader.models import CompanyOverview, Feed

FEW_CHANGES = 8  # more changed counts than this (a refresh): one rebuild is cheaper
FIXED_VIEWS = (View(ViewKind.ALL), View(ViewKind.UNREAD), View(ViewKind.STARRED))


@dataclass(frozen=True, slots=True)
class SidebarData:
    """What the sidebar lists, read from the library in a worker."""

    unread: int
    starred: int
    total: int
    companies: tuple[CompanyOverview, ...]
    feeds: tuple[Feed, ...]


def _entry(label: Content, count: int, indent: int = 1) -> Content:
    counted = Content.styled(f" {count}", "dim") if count else Content("")
    return Content(" " * indent) + label + counted


def view_id(view: View) -> str:
    return f"{view.kind.value}:{view.value}"


def _feed_label(feed: Feed) -> Content:
    title = line(feed.display_title)
    if feed.last_status is FetchStatus.FAILED:
        return Content.styled("⚠ ", "bold red") + title
    return title


class Sidebar(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "Top", show=False),
        Binding("G", "last", "Bottom", show=False),
    ]

    class Chosen(Message):
        """The user picked a view in the sidebar."""

        def __init__(self, view: View) -> None:
            super().__init__()
            self.view = view

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._views: dict[str, View] = {}

    def fill(self, data: SidebarData, current: View) -> None:
        options: list[Option | None] = []
        self._views.clear()

        def add(view: View, label: Content, count: int, indent: int = 1) -> None:
            key = view_id(view)
            self._views[key] = view
            options.append(Option(_entry(label, count, indent), id=key))

        add(FIXED_VIEWS[0], Content("All"), data.total)
        add(FIXED_VIEWS[1], Content("Unread"), data.unread)
        add(FIXED_VIEWS[2], Content("Starred"), data.starred)
        if data.companies:
            options.append(Option(Content.styled("Companies", "bold"), disabled=True))
            for company in data.companies:
                mark = "◆ " if company.watched else ""
                label = Content.styled(mark, "bold") + line(company.name)
                add(View(ViewKind.COMPANY, company.name), label, company.unread)
        options.append(Option(Content.styled("Feeds", "bold"), disabled=True))
        folder: str | None = None
        for feed in data.feeds:
            if feed.folder and feed.folder != folder:
                folder = feed.folder
                unread = sum(f.unread_count for f in data.feeds if f.folder == folder)
                add(View(ViewKind.FOLDER, folder), line(f"▾ {folder}", "italic"), unread)
            indent = 3 if feed.folder else 1
            view = View(ViewKind.FEED, str(feed.id), feed.display_title)
            add(view, _feed_label(feed), feed.unread_count, indent)
        if self._same_entries(options):
            changed = [
                option
                for option in options
                if option is not None
                and option.id is not None
                and self.get_option(option.id).prompt != option.prompt
            ]
            if len(changed) <= FEW_CHANGES:
                # Only a few counts changed (an article was read): redraw those prompts.
                for option in changed:
                    self.replace_option_prompt(option.id or "", option.prompt)
                return
        highlighted = self.highlighted
        self.set_options(options)
        key = view_id(current)
        if key in self._views:
            self.highlighted = self.get_option_index(key)
        elif highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted

    def _same_entries(self, options: list[Option | None]) -> bool:
        """The same views in the same order (headers included), whatever their counts."""
        if self.option_count != len(options):
            return False
        for index, option in enumerate(options):
            current = self.get_option_at_index(index)
            if option is None or option.id != current.id:
                return False
            if option.id is None and option.prompt != current.prompt:
                return False
        return True

    def highlighted_view(self) -> View | None:
        if self.highlighted is None:
            return None
        return self._views.get(self.get_option_at_index(self.highlighted).id or "")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        view = self._views.get(event.option_id or "")
        if view is not None:
            self.post_message(self.Chosen(view))
