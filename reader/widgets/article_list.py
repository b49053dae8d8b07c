"""The article list: a line-API widget that draws only the rows on screen.

A DataTable or OptionList holding 100,000 rows freezes the app for 5-8 s while it fills; this
widget holds a ``Listing`` (rows fetched from SQLite a block at a time) and renders the visible
lines from it, so it opens at once whatever the size of the archive."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.cleaning.sanitize import one_line
from reader.models import ArticleSummary
from reader.views import Listing
from reader.widgets.virtual_size import set_virtual_size

FEED_WIDTH = 16
DATE_WIDTH = 6
CHIP_LIMIT = 3
TITLE_ROOM = 24  # columns a title keeps before company chips give way
FEED_COLUMN_FROM = 60  # narrower lists leave the feed name to the reading pane


def list_date(moment: datetime | None) -> str:
    """ "Nov 24": short and the same whatever day it is now (a list is read by its order)."""
    if moment is None:
        return ""
    return moment.astimezone().strftime("%b %d")


class ArticleList(ScrollView, can_focus=True):
    """Rows of the current view; calls ``on_highlight`` as the cursor moves and posts
    ``Opened`` on enter or a click on the row under the cursor."""

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False),
        Binding("k,up", "cursor_up", "Up", show=False),
        Binding("g,home", "first", "Top", show=False),
        Binding("G,end", "last", "Bottom", show=False),
        Binding("pagedown,ctrl+f", "page_down", "Page down", show=False),
        Binding("pageup,ctrl+b", "page_up", "Page up", show=False),
        Binding("enter", "open", "Open", show=False),
    ]

    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--unread",
        "article-list--read",
        "article-list--mark",
        "article-list--star",
        "article-list--date",
        "article-list--feed",
        "article-list--chip",
        "article-list--pending",
    }

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Opened(Message):
        """The user asked to read the article under the cursor."""

        def __init__(self, summary: ArticleSummary) -> None:
            super().__init__()
            self.summary = summary

    def __init__(
        self,
        *,
        id: str | None = None,
        on_highlight: Callable[[ArticleSummary], None] | None = None,
    ) -> None:
        """``on_highlight`` is called (not messaged) as the cursor reaches an article, so what
        the screen shows for it is drawn in the same frame as the cursor."""
        super().__init__(id=id)
        self._on_highlight = on_highlight
        self.listing: Listing | None = None
        self._wanted: set[tuple[int, int]] = set()  # (listing id, block) being fetched
        self._line_cache: LRUCache[tuple[int, int, int, bool], Strip] = LRUCache(1024)
        self._styles: dict[str, Style] = {}

    # -- contents ----------------------------------------------------------------------------

    def show(self, listing: Listing, cursor: int = 0) -> None:
        """Show a listing, the cursor on row ``cursor`` (clamped)."""
        self.listing = listing
        self._wanted.clear()
        set_virtual_size(self, Size(self.size.width, listing.count))
        self._line_cache.clear()
        self.cursor = max(0, min(cursor, listing.count - 1))
        self.refresh()
        self.call_after_refresh(self._read_ahead_the_end)

    def _read_ahead_the_end(self) -> None:
        """``G`` is a common key: the last rows are read once the list is drawn, so the first
        jump to the end answers as fast as the next ones (~30 ms, not ~100 ms at 100,000)."""
        listing = self.listing
        if listing is not None and listing.count and listing.row(listing.count - 1) is None:
            self._request(listing.block_of(listing.count - 1))

    def update_row(self, summary: ArticleSummary) -> None:
        if self.listing is not None:
            self.listing.replace_row(summary)
            self._line_cache.clear()
            self.refresh()

    @property
    def current(self) -> ArticleSummary | None:
        if self.listing is None or not self.listing.count:
            return None
        return self.listing.row(self.cursor)

    # -- cursor ------------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        top = round(self.scroll_y)
        self._scroll_cursor_into_view()
        if round(self.scroll_y) == top:
            # Only the rows the cursor left and reached are drawn again.
            self.refresh_line(old)
            self.refresh_line(new)
        else:
            self.refresh()
        summary = self.current
        if summary is not None:
            self._highlight(summary)
        elif self.listing is not None and self.listing.count:
            self._request(self.listing.block_of(new))

    def _scroll_cursor_into_view(self) -> None:
        height = max(self.scrollable_content_region.height, 1)
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def move_to(self, index: int) -> None:
        if self.listing is not None and self.listing.count:
            self.cursor = max(0, min(index, self.listing.count - 1))

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1)

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        if self.listing is not None:
            self.move_to(self.listing.count - 1)

    def action_page_down(self) -> None:
        self.move_to(self.cursor + max(self.scrollable_content_region.height - 1, 1))

    def action_page_up(self) -> None:
        self.move_to(self.cursor - max(self.scrollable_content_region.height - 1, 1))

    def _highlight(self, summary: ArticleSummary) -> None:
        if self._on_highlight is not None:
            self._on_highlight(summary)

    def action_open(self) -> None:
        summary = self.current
        if summary is not None:
            self.post_message(self.Opened(summary))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or self.listing is None:
            return
        index = round(self.scroll_y) + offset.y
        if index >= self.listing.count:
            return
        if index == self.cursor or event.chain > 1:
            self.cursor = index
            self.action_open()
        else:
            self.cursor = index

    # -- loading -----------------------------------------------------------------------------

    def _request(self, block: int) -> None:
        listing = self.listing
        if listing is None or (id(listing), block) in self._wanted:
            return
        self._wanted.add((id(listing), block))
        self._load(listing, block)

    @work(thread=True, group="article-list-blocks")
    def _load(self, listing: Listing, block: int) -> None:
        listing.load(block)
        self.app.call_from_thread(self._arrived, listing)

    def _arrived(self, listing: Listing) -> None:
        if listing is not self.listing:
            return
        self._line_cache.clear()
        self.refresh()
        summary = self.current
        if summary is not None:
            self._highlight(summary)

    # -- drawing -----------------------------------------------------------------------------

    def on_resize(self) -> None:
        if self.listing is not None:
            set_virtual_size(self, Size(self.size.width, self.listing.count))
        self._line_cache.clear()
        self._scroll_cursor_into_view()

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_y) + y
        width = self.scrollable_content_region.width
        listing = self.listing
        if listing is None or index >= listing.count:
            return Strip.blank(width, self._part("article-list--read"))
        key = (id(listing), index, width, index == self.cursor)
        cached = self._line_cache.get(key)
        if cached is not None:
            return cached
        summary = listing.row(index)
        if summary is None:
            self._request(listing.block_of(index))
            style = self._part("article-list--pending")
            return Strip([Segment("  …".ljust(width), style)], width)
        strip = self._render_row(summary, width, index == self.cursor)
        self._line_cache[key] = strip
        return strip

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._line_cache.clear()

    def on_focus(self) -> None:
        self._styles.clear()
        self._line_cache.clear()

    def on_blur(self) -> None:
        self.on_focus()

    def _part(self, name: str) -> Style:
        """A component style, looked up once per theme and focus change (the lookup walks
        the DOM, and a screen of rows asks for ~400)."""
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(name)
        return style

    def _render_row(self, summary: ArticleSummary, width: int, under_cursor: bool) -> Strip:
        """One row as segments built directly (a Rich Text per row, truncated and rendered,
        cost ~1 ms a row: a screen of rows took 45 ms to draw)."""
        part = self._part
        base = part("article-list--read" if summary.read else "article-list--unread")
        cursor = part("article-list--cursor") if under_cursor else None
        segments = [
            ("● " if not summary.read else "  ", base + part("article-list--mark")),
            ("★ " if summary.starred else "  ", base + part("article-list--star")),
            (
                list_date(summary.sort_time).ljust(DATE_WIDTH) + "  ",
                base + part("article-list--date"),
            ),
        ]
        if width >= FEED_COLUMN_FROM:
            feed = fit(one_line(summary.feed_title), FEED_WIDTH)
            segments.append((feed + "  ", base + part("article-list--feed")))
        used = sum(cell_len(text) for text, _ in segments)
        chip_style = base + part("article-list--chip")
        shown = CHIP_LIMIT
        chips = _chips(summary, chip_style, base, shown)
        while shown and width - used - _cells(chips) < TITLE_ROOM:
            shown -= 1  # the title comes first: fewer chips, and "+n" for the rest
            chips = _chips(summary, chip_style, base, shown)
        title_width = max(width - used - _cells(chips), 8)
        segments.append((fit(one_line(summary.title or "(untitled)"), title_width), base))
        segments.extend(chips)
        if cursor is not None:
            segments = [(text, style + cursor) for text, style in segments]
        strip = Strip([Segment(text, style) for text, style in segments])
        return strip.crop_extend(0, width, base + cursor if cursor else base)


def fit(text: str, width: int) -> str:
    """``text`` in exactly ``width`` cells: padded, or cut with an ellipsis."""
    size = cell_len(text)
    if size <= width:
        return text + " " * (width - size)
    return set_cell_size(text, width - 1) + "…"


def _cells(segments: list[tuple[str, Style]]) -> int:
    return sum(cell_len(text) for text, _ in segments)


def _chips(
    summary: ArticleSummary, style: Style, base: Style, limit: int
) -> list[tuple[str, Style]]:
    chips: list[tuple[str, Style]] = []
    for name in summary.companies[:limit]:
        chips.append((" ", base))
        chips.append((f" {one_line(name)} ", style))
    extra = len(summary.companies) - limit
    if extra > 0:
        chips.append((f" +{extra}", style))
    return chips
