"""The reading pane: an article's header, its company tags and its cleaned text.

The text is drawn from the cleaner's blocks (headings, quotes, list items, paragraphs), with
each link's anchor underlined and its number in brackets, and the numbered links listed at the
end, the way `reader show` prints them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.models import TagState
from reader.widgets.safe_text import line, plain
from reader.widgets.virtual_size import set_virtual_size

if TYPE_CHECKING:
    from reader.cleaning.blocks import Block, CleanArticle
    from reader.companies.detect import Detection
    from reader.models import ArticleReading, CompanyTag


@dataclass(frozen=True, slots=True)
class Reading:
    """Everything the pane shows for one article, gathered off the UI thread."""

    reading: ArticleReading
    tags: tuple[CompanyTag, ...]
    suggestions: tuple[Detection, ...]

    @property
    def article_id(self) -> int:
        return self.reading.article.id


def long_date(reading: ArticleReading) -> str:
    moment = reading.article.published or reading.article.fetched_at
    return moment.astimezone().strftime("%a %d %b %Y %H:%M")


def header(reading: Reading) -> Content:
    article = reading.reading.article
    meta = [article.feed_title, article.author or "", long_date(reading.reading)]
    return Content("\n").join(
        [
            line(article.title or "(untitled)", "bold"),
            line(" · ".join(part for part in meta if part), "dim"),
            line(article.url or "", "underline dim"),
        ]
    )


def tag_line(reading: Reading) -> Content:
    """Accepted tags as chips, then the detected companies the user can accept with t."""
    active = [tag.company for tag in reading.tags if tag.state is TagState.ACTIVE]
    parts: list[Content] = []
    if active:
        parts.append(Content.styled("Tags ", "bold"))
        parts.extend(line(f" {name} ", "reverse") + Content(" ") for name in active)
    if reading.suggestions:
        parts.append(Content.styled("Suggested ", "bold dim"))
        parts.append(
            Content(", ").join(
                line(f"{found.name} ({found.salience})", "italic") for found in reading.suggestions
            )
        )
        parts.append(Content.styled("  t to tag", "dim"))
    return Content("").join(parts) if parts else Content.styled("No company tags", "dim")


def render_block(block: Block) -> Content:
    body = plain(block.text)
    for start, end, number in block.anchors:
        body = body.stylize("underline", start, end)
        marker_end = end + len(f" [{number}]")
        body = body.stylize("dim", end, marker_end)
    if block.kind == "heading":
        return body.stylize("bold")
    if block.kind == "quote":
        return Content("\n").join(
            Content.styled("▌ ", "dim") + part.stylize("italic") for part in body.split("\n")
        )
    if block.kind == "list_item":
        indent = "  " * max(block.level - 1, 0)
        return Content(f"{indent}• ") + body
    if block.kind == "preformatted":
        return body.stylize("dim")
    return body


def body(clean: CleanArticle) -> Content:
    parts: list[Content] = []
    previous: Block | None = None
    for block in clean.blocks:
        if parts:
            together = previous is not None and previous.kind == block.kind == "list_item"
            parts.append(Content("\n" if together else "\n\n"))
        parts.append(render_block(block))
        previous = block
    if not parts:
        return Content.styled("This article has no text. Press o to open it in the browser.", "dim")
    return Content("").join(parts)


def link_list(clean: CleanArticle) -> Content:
    if not clean.links:
        return Content("")
    lines = [Content.styled("Links", "bold")]
    lines.extend(
        Content.styled(f"[{number}] ", "dim") + line(url, "underline")
        for number, url in enumerate(clean.links, 1)
    )
    return Content("\n").join(lines)


def article_content(reading: Reading) -> Content:
    """The whole pane as one Content: header, tags, text and links."""
    parts = [header(reading), tag_line(reading), body(reading.reading.clean)]
    links = link_list(reading.reading.clean)
    if links.plain:
        parts.append(links)
    return Content("\n\n").join(parts)


class ArticleView(ScrollView, can_focus=True):
    """Scrolls like less: j/k a line, space a page (and on to the next unread at the end).

    A line-API widget: the article is wrapped once per article and width, and only the lines
    on screen are drawn. Static widgets in a scroll container made every article change a
    relayout of the whole screen (~30 ms a key press at 160 columns)."""

    BINDINGS = [
        Binding("j,down", "scroll_down", "Scroll down", show=False),
        Binding("k,up", "scroll_up", "Scroll up", show=False),
        Binding("space", "page_or_next", "Page down / next unread", show=False),
        Binding("b,shift+space", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("g,home", "scroll_home", "Top", show=False),
        Binding("G,end", "scroll_end", "Bottom", show=False),
    ]

    class EndReached(Message):
        """Space was pressed with the end of the article on screen."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown: Reading | None = None
        self._content = Content.styled("No article selected", "dim")
        self._lines: list[Strip] = []
        self._blank = Strip.blank(0)
        self._wrapped_at = 0

    @property
    def text(self) -> str:
        """What the pane shows, as plain text (for tests and copying)."""
        return self._content.plain

    def show(self, reading: Reading) -> None:
        same = self.shown is not None and self.shown.article_id == reading.article_id
        self.shown = reading
        self._set(article_content(reading), keep_place=same)

    def clear(self, message: str = "No article selected") -> None:
        self.shown = None
        self._set(Content.styled(message, "dim"), keep_place=False)

    def _set(self, content: Content, *, keep_place: bool) -> None:
        self._content = content
        self._wrap()
        if not keep_place:
            self.scroll_to(y=0, animate=False, immediate=True)

    def _wrap(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            self._lines = []
            return
        style = self.visual_style
        background = self.rich_style
        self._lines = [
            Strip(line.render_segments(style), line.cell_length).extend_cell_length(
                width, background
            )
            for line in self._content.wrap(width)
        ]
        self._blank = Strip.blank(width, background)
        self._wrapped_at = width
        set_virtual_size(self, Size(width, len(self._lines)))

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._wrapped_at:
            self._wrap()

    def notify_style_update(self) -> None:
        """A theme change: the lines hold colours, wrap them again."""
        super().notify_style_update()
        if self._wrapped_at:
            self._wrap()

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_y) + y
        return self._lines[index] if index < len(self._lines) else self._blank

    def action_page_or_next(self) -> None:
        if self.scroll_y >= self.max_scroll_y:
            self.post_message(self.EndReached())
        else:
            self.scroll_page_down(animate=False)

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def action_scroll_down(self) -> None:
        self.scroll_relative(y=1, animate=False)

    def action_scroll_up(self) -> None:
        self.scroll_relative(y=-1, animate=False)
