"""What an article list shows: a view (all, unread, starred, a company, a feed, a folder or a
search) and the paged rows behind it. No Textual here: the app's list widget asks a ``Listing``
for rows by index and the listing fetches them from the library a block at a time."""

from __future__ import annotations

import json
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from enum import StrEnum

from reader.library import Library
from reader.models import ArticleFilter, ArticleSummary

BLOCK = 200
SEARCH_LIMIT = 1000  # results kept as a list
TYPING_LIMIT = 150  # results while the query is typed: a screenful and more, in ~20 ms
PREFIX_FROM = 3  # letters the last word needs before it is searched as a prefix


class ViewKind(StrEnum):
    ALL = "all"
    UNREAD = "unread"
    STARRED = "starred"
    COMPANY = "company"
    FEED = "feed"
    FOLDER = "folder"
    SEARCH = "search"


@dataclass(frozen=True, slots=True)
class View:
    """What the article list shows: a sidebar entry or a search, and its name."""

    kind: ViewKind = ViewKind.ALL
    value: str = ""  # the company, feed id, folder or query the view is about
    label: str = ""  # how the sidebar names it (a feed's title)

    @property
    def title(self) -> str:
        if self.kind is ViewKind.SEARCH:
            return f"Search: {self.value}"
        if self.kind in (ViewKind.ALL, ViewKind.UNREAD, ViewKind.STARRED):
            return self.kind.value.capitalize()
        return self.label or self.value

    def to_json(self) -> str:
        return json.dumps({"kind": self.kind.value, "value": self.value, "label": self.label})

    @classmethod
    def from_json(cls, text: str | None) -> View:
        """The stored view, or All when there is none or it cannot be read."""
        try:
            data = json.loads(text or "")
            return cls(ViewKind(data["kind"]), str(data["value"]), str(data.get("label", "")))
        except (ValueError, KeyError, TypeError):
            return cls()


def as_you_type(query: str) -> str:
    """The query to run while it is being typed: its last word as a prefix, so "hon" already
    finds Honda (from three letters on). Filters (company:, feed:), exclusions and phrases are
    left as typed."""
    words = query.split()
    if not words or query[-1].isspace():
        return query
    last = words[-1]
    if len(last) < PREFIX_FROM:  # "h*" is every word starting with h: slow, and no help
        return query
    if ":" in last or last[0] in '-"' or last.endswith(("*", '"')) or last.upper() == "OR":
        return query
    return query + "*"


def view_filter(library: Library, view: View, *, show_read: bool = True) -> ArticleFilter:
    """The articles a view shows; with ``show_read`` off, only the unread ones."""
    base = ArticleFilter() if show_read else ArticleFilter(read=False)
    if view.kind is ViewKind.UNREAD:
        return replace(base, read=False)
    if view.kind is ViewKind.STARRED:
        return replace(base, starred=True)
    if view.kind is ViewKind.COMPANY:
        return replace(base, companies=(view.value,))
    if view.kind is ViewKind.FEED:
        return replace(base, feed_ids=(int(view.value),))
    if view.kind is ViewKind.FOLDER:
        return replace(base, feed_ids=library.folder_feed_ids(view.value) or (-1,))
    return base


class Listing:
    """The rows of one view, fetched on demand in blocks of ``BLOCK``.

    ``load`` is blocking (run it in a worker thread); everything else answers from memory, so
    the list widget can draw any row at once and ask for the blocks it lacks. Blocks next to a
    loaded one are fetched by keyset (the row after the last one we have), so scrolling costs
    the same at row 100,000 as at row 1; only a jump into the unknown uses OFFSET."""

    def __init__(self, library: Library, article_filter: ArticleFilter, count: int):
        self._library = library
        self.filter = article_filter
        self.count = count
        self._blocks: dict[int, list[ArticleSummary]] = {}
        self._lock = threading.Lock()

    @classmethod
    def open(cls, library: Library, article_filter: ArticleFilter) -> Listing:
        listing = cls(library, article_filter, library.count(article_filter))
        listing.load(0)
        return listing

    def row(self, index: int) -> ArticleSummary | None:
        block = self._blocks.get(index // BLOCK)
        if block is None or index % BLOCK >= len(block):
            return None
        return block[index % BLOCK]

    def block_of(self, index: int) -> int:
        return index // BLOCK

    def load(self, block: int) -> None:
        if block in self._blocks or block * BLOCK >= max(self.count, 1):
            return
        rows = self._fetch(block)
        with self._lock:
            self._blocks[block] = rows

    def _fetch(self, block: int) -> list[ArticleSummary]:
        start = block * BLOCK
        size = min(BLOCK, self.count - start)
        previous = self._blocks.get(block - 1)
        following = self._blocks.get(block + 1)
        last_block = (self.count - 1) // BLOCK
        if previous:
            return self._library.articles(self.filter, after=previous[-1].cursor, limit=size)
        if following:
            older_first = self._library.articles(
                self.filter, after=following[0].cursor, limit=size, oldest_first=True
            )
            return older_first[::-1]
        if block == last_block:
            return self._library.articles(self.filter, limit=size, oldest_first=True)[::-1]
        return self._library.articles(self.filter, offset=start, limit=size)

    def index_of(self, article_id: int) -> int | None:
        """The row of an article: from memory when its block is loaded, else from the store."""
        found = self.loaded_index(article_id)
        return found if found is not None else self._library.position(self.filter, article_id)

    def loaded_index(self, article_id: int) -> int | None:
        """The row of an article among the rows already fetched (no database work)."""
        for number, rows in list(self._blocks.items()):
            for offset, summary in enumerate(rows):
                if summary.id == article_id:
                    return number * BLOCK + offset
        return None

    def replace_row(self, summary: ArticleSummary) -> None:
        """Show a change the user made (read, starred, tags) without fetching again."""
        for rows in self._blocks.values():
            for offset, row in enumerate(rows):
                if row.id == summary.id:
                    rows[offset] = summary
                    return

    def loaded(self) -> list[ArticleSummary]:
        return [row for _, rows in sorted(self._blocks.items()) for row in rows]


class SearchListing(Listing):
    """Search results: ranked, not date-ordered, and few enough to hold whole."""

    def __init__(self, library: Library, rows: list[ArticleSummary]):
        super().__init__(library, ArticleFilter(), len(rows))
        for number in range(0, len(rows), BLOCK):
            self._blocks[number // BLOCK] = rows[number : number + BLOCK]

    @classmethod
    def run(
        cls, library: Library, query: str, base: ArticleFilter, limit: int = SEARCH_LIMIT
    ) -> SearchListing:
        result = library.search(query, limit=limit, base=base, snippets=False)
        return cls(library, [hit.article for hit in result.hits])

    def load(self, block: int) -> None:
        return None

    def index_of(self, article_id: int) -> int | None:
        for index, row in enumerate(self.loaded()):
            if row.id == article_id:
                return index
        return None


@dataclass(frozen=True, slots=True)
class Opening:
    """Where the app opens: the remembered view, its first rows and the remembered article's
    row in it."""

    view: View
    show_read: bool
    listing: Listing
    cursor: int


def remembered_opening(library: Library, show_read: bool) -> Opening:
    view = View.from_json(library.remembered("view"))
    listing = (
        SearchListing.run(library, view.value, view_filter(library, view, show_read=show_read))
        if view.kind is ViewKind.SEARCH
        else Listing.open(library, view_filter(library, view, show_read=show_read))
    )
    article = library.remembered("article")
    cursor = listing.index_of(int(article)) if article and article.isdigit() else None
    return Opening(view, show_read, listing, cursor or 0)


def read_opening_ahead(library: Library, show_read: bool) -> Future[Opening]:
    """Start reading the opening rows in a thread: SQLite works while Textual starts up (the
    first frame then already shows the list, ~0.2 s sooner than a worker started on mount)."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="opening")
    future = pool.submit(remembered_opening, library, show_read)
    pool.shutdown(wait=False)
    return future
