"""The main screen: sidebar of views, the article list and the reading pane.

Dialogs are imported where they open: the first paint should not wait for them.

Wide terminals show list and article side by side; narrow ones (under ``WIDE`` columns) show one
at a time and hide the sidebar until ``v``. All library calls run in thread workers; their
results come back through ``call_from_thread``."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.cache import LRUCache
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Key, Resize
from textual.screen import Screen
from textual.widget import AwaitMount
from textual.widgets import Input, Static
from textual.worker import Worker, WorkerState

from reader.library import Library
from reader.messages import LibraryChanged, RefreshFinished, RefreshProgressed
from reader.models import ArticleFilter, ArticleSummary, TagState
from reader.screens.library_work import ReportsLibraryErrors, library_work
from reader.views import (
    SEARCH_LIMIT,
    TYPING_LIMIT,
    Listing,
    SearchListing,
    View,
    ViewKind,
    as_you_type,
    view_filter,
)
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView, Reading
from reader.widgets.search_box import SearchBox
from reader.widgets.sidebar import Sidebar, SidebarData
from reader.widgets.status_bar import StatusBar

WIDE = 110
READ_AHEAD = 4  # rows below the cursor whose preview is read before the cursor gets there
READ_BEHIND = 2
PREVIEWS_KEPT = 64
RELOAD_EVERY = 2.0  # seconds between list reloads while a refresh brings articles
PROGRESS_EVERY = 0.1  # seconds between redraws of the refresh progress
SEARCH_HINT = 'search: words, "a phrase", -word, prefix*, company:NAME, feed:NAME, is:unread'
KEY_HINTS = Content.assemble(
    *(
        part
        for key, what in (
            ("q", "quit"),
            ("j/k", "move"),
            ("enter", "open"),
            ("n", "next unread"),
            ("s", "star"),
            ("t", "tag"),
            ("/", "search"),
            ("c", "company"),
            ("f", "feeds"),
            ("R", "refresh"),
            ("?", "help"),
            ("^p", "palette"),
        )
        for part in ((key, "bold"), f" {what}  ")
    )
)
"""One line of the most used keys: the Footer widget costs a dozen widgets to style at start."""


class MainScreen(ReportsLibraryErrors, Screen[None]):
    BINDINGS = [
        Binding("q", "back_or_quit", "Quit"),
        Binding("escape", "back", "Back", show=False),
        Binding("n", "next_unread", "Next unread"),
        Binding("p", "previous_unread", "Previous unread", show=False),
        Binding("m", "toggle_read", "Toggle read", show=False),
        Binding("A", "mark_all_read", "Mark all in view read", show=False),
        Binding("s", "toggle_star", "Star", show=False),
        Binding("o", "open_in_browser", "Open in browser", show=False),
        Binding("y", "copy_link", "Copy link", show=False),
        Binding("t", "tag", "Tag"),
        Binding("T", "untag", "Remove a tag", show=False),
        Binding("slash", "search", "Search"),
        Binding("c", "choose_company", "Company"),
        Binding("f", "feeds", "Feeds"),
        Binding("r", "refresh_feed", "Refresh feed", show=False),
        Binding("R", "refresh_all", "Refresh all"),
        Binding("a", "add_feed", "Add feed", show=False),
        Binding("l", "toggle_show_read", "Show/hide read", show=False),
        Binding("v", "toggle_sidebar", "Show/hide sidebar", show=False),
        Binding("question_mark", "help", "Help"),
    ]

    AUTO_FOCUS = "#article-list"

    def __init__(self, library: Library) -> None:
        super().__init__(classes=width_class(self.app.size.width))  # before the first layout
        self.library = library
        self.view = View.from_json(library.remembered("view"))
        self.show_read = library.settings.app.show_read
        self._before_search: View | None = None
        self._restore_article = _int_or_none(library.remembered("article"))
        self._reload_pending = False
        self._previews: LRUCache[int, Reading] = LRUCache(PREVIEWS_KEPT)
        self._shown_view: View | None = None  # the view whose rows the list holds
        self._progress_drawn = 0.0
        self._first_frame_drawn = False
        self._search_box = SearchBox(placeholder=SEARCH_HINT, id="search-input")
        self._search_box_mounted: AwaitMount | None = None
        self._keys_for_dialog: list[Key] | None = None  # see hold_key

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            yield Sidebar(id="sidebar")
            with Vertical(id="list-pane"):
                yield ArticleList(id="article-list", on_highlight=self._highlighted)
            yield ArticleView(id="article-view")
        yield StatusBar(id="status")
        yield Static(KEY_HINTS, id="key-hints")

    @property
    def articles(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def sidebar(self) -> Sidebar:
        return self.query_one(Sidebar)

    @property
    def search_box(self) -> Input:
        return self._search_box

    def _mount_search_box(self) -> AwaitMount:
        """The search box joins the screen after the first frame, or at the first / if that
        comes sooner: a hidden Input costs the first frame 13 ms of CSS and layout."""
        if self._search_box_mounted is None:
            self._search_box_mounted = self.query_one("#list-pane").mount(
                self._search_box, before=self.articles
            )
        return self._search_box_mounted

    def on_mount(self) -> None:
        opening = self.app.take_opening()  # type: ignore[attr-defined]
        if opening is not None and (opening.view, opening.show_read) == (self.view, self.show_read):
            self._show_listing(opening.view, opening.listing, opening.cursor)
        else:
            self.load_view(self.view, keep=self._restore_article)
        self.set_interval(RELOAD_EVERY, self._reload_if_pending)

    def on_resize(self, event: Resize) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        self.set_class(width >= WIDE, "-wide")
        self.set_class(width < WIDE, "-narrow")

    @property
    def wide(self) -> bool:
        return self.has_class("-wide")

    # -- loading views -------------------------------------------------------------------------

    def load_view(self, view: View, *, keep: int | None = None, typing: bool = False) -> None:
        """Show ``view``, the cursor on article ``keep`` when the view holds it. While a search
        is ``typing``, only its first results are fetched."""
        self.view = view
        self._fill_list(view, self.show_read, keep, typing)

    @library_work(group="listing", exclusive=True)
    def _fill_list(self, view: View, show_read: bool, keep: int | None, typing: bool) -> None:
        base = view_filter(self.library, view, show_read=show_read)
        if view.kind is ViewKind.SEARCH:
            limit = TYPING_LIMIT if typing else SEARCH_LIMIT
            listing: Listing = SearchListing.run(self.library, view.value, base, limit)
        else:
            listing = Listing.open(self.library, base)
        index = listing.index_of(keep) if keep is not None else None
        self.app.call_from_thread(self._show_listing, view, listing, index or 0)

    def _show_listing(self, view: View, listing: Listing, index: int) -> None:
        if view != self.view:
            return
        first = self.articles.listing is None
        current = self.articles.current
        if current is not None and view == self._shown_view:
            # A reload: the cursor may have moved on while the rows were read.
            moved_to = listing.loaded_index(current.id)
            index = index if moved_to is None else moved_to
        self._shown_view = view
        self.articles.show(listing, index)
        if first:
            self.call_after_refresh(self._after_first_frame)
        if not listing.count:
            empty = (
                "No articles here" if self.show_read else "No unread articles here (l shows all)"
            )
            self.article_view.clear(empty)
        self._update_status()

    def reload(self, *, sidebar: bool = True) -> None:
        """Fetch the current view again, keeping the cursor on the same article."""
        current = self.articles.current
        self.load_view(self.view, keep=current.id if current else None)
        if sidebar:
            self.load_sidebar()

    def _reload_if_pending(self) -> None:
        """While a refresh runs: the list, not the sidebar, whose counts are redrawn when it
        ends (rebuilding a sidebar of a thousand feeds every two seconds stalled the keys)."""
        if self._reload_pending:
            self._reload_pending = False
            self.reload(sidebar=False)

    @library_work(group="sidebar", exclusive=True)
    def load_sidebar(self) -> None:
        library = self.library
        data = SidebarData(
            unread=library.count(ArticleFilter(read=False)),
            starred=library.count(ArticleFilter(starred=True)),
            total=library.count(),
            companies=tuple(library.companies()),
            feeds=tuple(library.feeds()),
        )
        self.app.call_from_thread(self.sidebar.fill, data, self.view)

    def _update_status(self) -> None:
        listing = self.articles.listing
        count = listing.count if listing else 0
        self.query_one(StatusBar).show_place(
            self.view.title, self.articles.cursor, count, self.show_read
        )

    def on_sidebar_chosen(self, event: Sidebar.Chosen) -> None:
        self._remember_view(event.view)
        self.load_view(event.view)
        self.articles.focus()

    def remember_place(self) -> None:
        """Store the view and article now (the app is closing: a worker could be too late)."""
        if self._before_search is None:
            self.library.remember("view", self.view.to_json())
        current = self.articles.current
        if current is not None:
            self.library.remember("article", str(current.id))

    def _remember_view(self, view: View) -> None:
        if view.kind is not ViewKind.SEARCH or view.value:
            self._remember("view", view.to_json())

    @library_work(group="remember")
    def _remember(self, key: str, value: str) -> None:
        self.library.remember(key, value)

    # -- reading -------------------------------------------------------------------------------

    def _after_first_frame(self) -> None:
        """The sidebar and the preview wait for the first frame: their workers would share
        the GIL with it and slow it down."""
        self._first_frame_drawn = True
        self._mount_search_box()
        self.load_sidebar()
        current = self.articles.current
        if current is not None:
            self._highlighted(current)

    def _highlighted(self, summary: ArticleSummary) -> None:
        """The cursor reached an article (called by the list as it moves, so the status line
        and the preview land in the same frame as the cursor)."""
        self._update_status()
        # No preview while a search is typed: each key would redraw the whole reading pane.
        if not self.wide or self.search_box.has_focus or not self._first_frame_drawn:
            return
        preview = self._previews.get(summary.id)
        if preview is None:
            self._read(summary, mark_read=False, suggest=False)
        else:
            self.article_view.show(preview)
        self._read_ahead(self._neighbours())

    def _neighbours(self) -> list[ArticleSummary]:
        listing = self.articles.listing
        if listing is None:
            return []
        cursor = self.articles.cursor
        rows = (listing.row(i) for i in range(cursor - READ_BEHIND, cursor + READ_AHEAD + 1))
        return [row for row in rows if row is not None and row.id not in self._previews]

    @library_work(group="read-ahead", exclusive=True)
    def _read_ahead(self, summaries: list[ArticleSummary]) -> None:
        """Previews of the rows around the cursor, read before the cursor gets there: then
        moving shows the next article at once, with no database work on the UI thread."""
        for summary in summaries:
            preview = Reading(
                self.library.reading(summary.id), tuple(self.library.tags(summary.id)), ()
            )
            self.app.call_from_thread(self._previews.set, summary.id, preview)

    def on_article_list_opened(self, event: ArticleList.Opened) -> None:
        self.open_article(event.summary)

    def open_article(self, summary: ArticleSummary) -> None:
        self._read(summary, mark_read=True, suggest=True)
        self.add_class("-reading")
        self.article_view.focus()
        self._remember("article", str(summary.id))

    @library_work(group="reading", exclusive=True)
    def _read(self, summary: ArticleSummary, *, mark_read: bool, suggest: bool) -> None:
        """Load an article into the reading pane. A preview (the cursor passing by in the
        wide layout) leaves it unread and skips company suggestions, which are for an article
        the user opened."""
        library = self.library
        if mark_read and not summary.read:
            library.mark_read([summary.id])
            summary = replace(summary, read=True)
        reading = Reading(
            library.reading(summary.id),
            tuple(library.tags(summary.id)),
            tuple(library.suggestions(summary.id)) if suggest else (),
        )
        self.app.call_from_thread(self._show_reading, reading, summary, mark_read)

    def _show_reading(self, reading: Reading, summary: ArticleSummary, marked: bool) -> None:
        self._previews.set(reading.article_id, replace(reading, suggestions=()))
        current = self.articles.current
        if current is None or current.id != reading.article_id:
            return
        self.article_view.show(reading)
        if marked:
            self.articles.update_row(summary)
            self.load_sidebar()

    def on_article_view_end_reached(self) -> None:
        self.action_next_unread()

    # -- moving between panes ------------------------------------------------------------------

    def action_back(self) -> None:
        if self.search_box.has_focus:
            self._cancel_search()
        elif self.has_class("-reading") or self.article_view.has_focus:
            self.remove_class("-reading")
            self.articles.focus()
        elif self.sidebar.has_focus:
            self.articles.focus()

    def action_back_or_quit(self) -> None:
        if self.has_class("-reading") or self.article_view.has_focus:
            self.action_back()
        else:
            self.app.exit()

    def action_toggle_sidebar(self) -> None:
        self.toggle_class("-sidebar-toggled")
        self.call_after_refresh(self._focus_sidebar_if_shown)

    def _focus_sidebar_if_shown(self) -> None:
        """After the layout: whether the sidebar shows depends on the width and the toggle."""
        if self.sidebar.region.width:
            self.sidebar.focus()
        else:
            self.articles.focus()

    def action_help(self) -> None:
        from reader.screens.help import HelpModal

        self.app.push_screen(HelpModal(help_sections()))

    # -- article actions -----------------------------------------------------------------------

    def action_next_unread(self) -> None:
        self._find_unread(forward=True)

    def action_previous_unread(self) -> None:
        self._find_unread(forward=False)

    @library_work(group="find-unread", exclusive=True)
    def _find_unread(self, forward: bool) -> None:
        listing = self.articles.listing
        if listing is None or not listing.count:
            return
        cursor = self.articles.cursor
        index = _next_unread_index(self.library, listing, cursor, forward)
        self.app.call_from_thread(self._go_to_unread, listing, index)

    def _go_to_unread(self, listing: Listing, index: int | None) -> None:
        if listing is not self.articles.listing:
            return
        if index is None:
            self.notify("No more unread articles in this view", timeout=3)
            return
        self.articles.move_to(index)
        summary = listing.row(index)
        if summary is not None:
            self.open_article(summary)

    def action_toggle_read(self) -> None:
        summary = self.articles.current
        if summary is not None:
            self._set_flags(summary, read=not summary.read)

    def action_toggle_star(self) -> None:
        summary = self.articles.current
        if summary is not None:
            self._set_flags(summary, starred=not summary.starred)

    @library_work(group="flags")
    def _set_flags(
        self, summary: ArticleSummary, *, read: bool | None = None, starred: bool | None = None
    ) -> None:
        if read is not None:
            self.library.mark_read([summary.id], read)
            summary = replace(summary, read=read)
        if starred is not None:
            self.library.star([summary.id], starred)
            summary = replace(summary, starred=starred)
        self.app.call_from_thread(self._row_changed, summary)

    def _row_changed(self, summary: ArticleSummary) -> None:
        self.articles.update_row(summary)
        self.load_sidebar()

    @library_work(group="flags")
    def action_mark_all_read(self) -> None:
        listing = self.articles.listing
        if listing is None:
            return
        if isinstance(listing, SearchListing):
            marked = self.library.mark_read([row.id for row in listing.loaded() if not row.read])
        else:
            marked = self.library.mark_all_read(listing.filter)
        self.app.call_from_thread(self._marked_all, marked)

    def _marked_all(self, marked: int) -> None:
        self.notify(f"Marked {marked} articles read", timeout=3)
        self.reload()

    def action_open_in_browser(self) -> None:
        summary = self.articles.current
        if summary is None:
            return
        opened = self.app.open_url_safely(summary.url)  # type: ignore[attr-defined]
        if opened and not summary.read:
            self._set_flags(summary, read=True)

    def action_copy_link(self) -> None:
        summary = self.articles.current
        if summary is None or not summary.url:
            self.notify("This article has no link", severity="warning", timeout=3)
            return
        self.app.copy_to_clipboard(summary.url)
        self.notify(Content("Copied ") + Content(summary.url), timeout=3)

    # -- tags ----------------------------------------------------------------------------------

    def hold_key(self, event: Key) -> bool:
        """Keep a key typed while a dialog is being prepared (t and T read the article's
        companies first, which can take a moment): it belongs to the dialog, and would
        otherwise reach the list (s stars, o opens the browser). The app asks this of every
        key that no widget took."""
        if self._keys_for_dialog is None:
            return False
        self._keys_for_dialog.append(Key(event.key, event.character))
        return True

    def _push_dialog(self, dialog: Screen[Any], callback: Callable[[Any], None]) -> None:
        """Open ``dialog`` and hand it the keys kept for it, once it has focused its box."""
        kept, self._keys_for_dialog = self._keys_for_dialog or [], None
        self.app.push_screen(dialog, callback)
        for key in kept:
            dialog.call_after_refresh(self.app.post_message, key)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A tag worker that fails or is cancelled opens no dialog: the keys kept for it go.
        (Textual calls ``ReportsLibraryErrors``'s handler too, which reports the error.)"""
        if event.worker.group == "tag" and event.state in (
            WorkerState.ERROR,
            WorkerState.CANCELLED,
        ):
            self._keys_for_dialog = None

    def action_tag(self) -> None:
        summary = self.articles.current
        if summary is not None:
            self._keys_for_dialog = []
            self._read_tag_choices(summary)

    @library_work(group="tag", exclusive=True)
    def _read_tag_choices(self, summary: ArticleSummary) -> None:
        detected = self.library.suggestions(summary.id)
        known = self.app.company_names()  # type: ignore[attr-defined]
        self.app.call_from_thread(self._ask_tag, summary, detected, known)

    def _ask_tag(self, summary: ArticleSummary, detected: list, known: list[str]) -> None:
        from reader.screens.tagging import TagModal

        def tag(name: str | None) -> None:
            if name:
                self._change_tag(summary, name, add=True)

        self._push_dialog(TagModal(summary.title, detected, known), tag)

    def action_untag(self) -> None:
        summary = self.articles.current
        if summary is not None:
            self._keys_for_dialog = []
            self._read_tags(summary)

    @library_work(group="tag", exclusive=True)
    def _read_tags(self, summary: ArticleSummary) -> None:
        tags = [t.company for t in self.library.tags(summary.id) if t.state is TagState.ACTIVE]
        self.app.call_from_thread(self._ask_untag, summary, tags)

    def _ask_untag(self, summary: ArticleSummary, tags: list[str]) -> None:
        from reader.screens.tagging import UntagModal

        if not tags:
            self._keys_for_dialog = None
            self.notify("This article has no tags", timeout=3)
            return

        def untag(name: str | None) -> None:
            if name:
                self._change_tag(summary, name, add=False)

        self._push_dialog(UntagModal(summary.title, tags), untag)

    @library_work(group="tag-change")
    def _change_tag(self, summary: ArticleSummary, company: str, *, add: bool) -> None:
        if add:
            self.library.tag(summary.id, company)
        else:
            self.library.untag(summary.id, company)
        companies = tuple(
            sorted(t.company for t in self.library.tags(summary.id) if t.state is TagState.ACTIVE)
        )
        self.app.call_from_thread(self._row_changed, replace(summary, companies=companies))
        self._read(summary, mark_read=False, suggest=True)

    # -- views ---------------------------------------------------------------------------------

    def action_toggle_show_read(self) -> None:
        self.show_read = not self.show_read
        self.notify("Showing all articles" if self.show_read else "Hiding read articles", timeout=2)
        self.reload()

    @library_work(group="companies", exclusive=True)
    def action_choose_company(self) -> None:
        companies = self.library.companies()
        self.app.call_from_thread(self._ask_company, companies)

    def _ask_company(self, companies: list) -> None:
        from reader.screens.company_picker import CompanyPickerModal

        def chosen(name: str | None) -> None:
            if name:
                view = View(ViewKind.COMPANY, name)
                self._remember_view(view)
                self.load_view(view)
                self.load_sidebar()
                self.articles.focus()

        self.app.push_screen(CompanyPickerModal(companies), chosen)

    def action_feeds(self) -> None:
        from reader.screens.feeds import FeedsScreen

        self.app.push_screen(FeedsScreen(self.library))

    def on_library_changed(self, _: LibraryChanged) -> None:
        self.reload()

    # -- search --------------------------------------------------------------------------------

    async def action_search(self) -> None:
        if self._before_search is None:
            self._before_search = self.view
        await self._mount_search_box()
        # Shown through its own style, not a screen class (a class is applied at the next
        # refresh), and focused at once, not through focus() (which waits for the messages
        # already queued): keys typed right after / must reach the box, not the list.
        self.search_box.display = True
        self.remove_class("-reading")
        self.set_focus(self.search_box)

    @on(Input.Changed, "#search-input")
    def _search_as_you_type(self, event: Input.Changed) -> None:
        query = as_you_type(event.value.strip())
        if query:
            self.load_view(View(ViewKind.SEARCH, query), typing=True)
        elif self._before_search is not None:
            self.load_view(self._before_search)

    @on(Input.Submitted, "#search-input")
    def _keep_search(self, event: Input.Submitted) -> None:
        event.stop()
        self._before_search = None
        self.search_box.display = False
        self._remember_view(self.view)
        self.articles.focus()
        current = self.articles.current
        if self.view.kind is ViewKind.SEARCH:  # all the results, not only the first ones
            self.load_view(self.view, keep=current.id if current else None)
        if current is not None and self.wide:
            self._read(current, mark_read=False, suggest=False)

    def _cancel_search(self) -> None:
        previous = self._before_search or View()
        self._before_search = None
        self.search_box.value = ""
        self.search_box.display = False
        self.load_view(previous)
        self.articles.focus()

    # -- feeds and refresh ---------------------------------------------------------------------

    def action_refresh_all(self) -> None:
        self.app.start_refresh(None)  # type: ignore[attr-defined]

    @library_work(group="refresh-feed")
    def action_refresh_feed(self) -> None:
        summary = self.articles.current
        highlighted = self.sidebar.highlighted_view() if self.sidebar.has_focus else None
        if highlighted is not None and highlighted.kind is ViewKind.FEED:
            feed_id = int(highlighted.value)
        elif summary is not None:
            feed_id = summary.feed_id
        else:
            self.app.call_from_thread(self.notify, "Choose an article or a feed first", timeout=3)
            return
        feed = self.library.find_feed(str(feed_id))
        self.app.call_from_thread(self.app.start_refresh, [feed])  # type: ignore[attr-defined]

    def action_add_feed(self) -> None:
        self.app.ask_for_feed()  # type: ignore[attr-defined]

    def on_refresh_progressed(self, event: RefreshProgressed) -> None:
        """Progress is drawn at most ten times a second: a thousand feeds would otherwise
        cost a thousand frames."""
        now = time.monotonic()
        if now - self._progress_drawn >= PROGRESS_EVERY or event.done == event.total:
            self._progress_drawn = now
            self.query_one(StatusBar).show_progress(event.done, event.total, event.failed)
        if event.outcome.new:
            self._reload_pending = True

    def on_refresh_finished(self, event: RefreshFinished) -> None:
        self.query_one(StatusBar).show_activity("")
        self._reload_pending = False
        self.reload()


def width_class(width: int) -> str:
    """``-wide`` shows list and article side by side, ``-narrow`` one pane at a time."""
    return "-wide" if width >= WIDE else "-narrow"


def _int_or_none(text: str | None) -> int | None:
    try:
        return int(text) if text else None
    except ValueError:
        return None


def _next_unread_index(
    library: Library, listing: Listing, cursor: int, forward: bool
) -> int | None:
    """The row of the next unread article after (or before) the cursor. Loaded rows are looked
    at first; past them the store is asked, by keyset from the cursor's row."""
    if isinstance(listing, SearchListing):
        rows = listing.loaded()
        order = range(cursor + 1, len(rows)) if forward else range(cursor - 1, -1, -1)
        return next((i for i in order if not rows[i].read), None)
    here = listing.row(cursor)
    if here is None:
        return None
    unread = replace(listing.filter, read=False)
    found = library.articles(unread, after=here.cursor, limit=1, oldest_first=not forward)
    if not found:
        return None
    return listing.index_of(found[0].id)


def help_sections() -> list[tuple[str, list[Binding]]]:
    return [
        ("Article list", list(ArticleList.BINDINGS)),
        ("Reading", list(ArticleView.BINDINGS)),
        ("Everywhere on the main screen", list(MainScreen.BINDINGS)),
        (
            "App",
            [
                Binding("ctrl+p", "command_palette", "Command palette: every action by name"),
                Binding("tab", "focus_next", "Next pane (sidebar, list, article)"),
                Binding("ctrl+q", "quit", "Quit from anywhere"),
            ],
        ),
    ]
