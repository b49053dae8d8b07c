"""Records that cross module boundaries: what storage takes and returns, what a refresh
reports. Plain frozen dataclasses so the CLI, the app and the tests share one vocabulary. (What
a feed document parses into is in ``reader.fetching.parsed``: only fetching uses it.)"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

# ---------------------------------------------------------------------------------------------
# Ingest: an entry on its way into the store.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ArticleDraft:
    """An entry ready to be written: its dedupe key and the plain-text rendering are computed in
    the parse worker so that all CPU work of a refresh happens off the event loop."""

    dedupe_key: str
    url: str | None
    title: str
    author: str | None
    published: datetime | None
    updated: datetime | None
    summary_html: str | None
    content_html: str | None
    clean_text: str
    content_hash: str
    clean_version: int = 0
    companies: tuple[str, ...] = ()  # watched companies found in it, tagged when stored


@dataclass(frozen=True, slots=True)
class ArticleSource:
    """Everything an article's cleaned text is made from: the feed item's HTML, the fetched page
    (when the text was read from the article's web page) and the feed's learnt boilerplate."""

    article_id: int
    feed_id: int
    title: str
    url: str | None
    summary_html: str | None
    content_html: str | None
    page_html: str | None
    site_lines: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class CleanedText:
    """An article's reading text as re-made by a newer cleaner (``reader reclean``)."""

    article_id: int
    text: str
    version: int


# ---------------------------------------------------------------------------------------------
# Stored records.
# ---------------------------------------------------------------------------------------------


class FullText(StrEnum):
    """When a feed's articles are read from their web page instead of the feed item: ``auto``
    when the item carries only a summary, ``always``, or ``never``."""

    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


class FetchStatus(StrEnum):
    """The last outcome of fetching a feed, as stored on the feed row."""

    NEVER = "never"
    OK = "ok"
    NOT_MODIFIED = "not-modified"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Feed:
    """A subscription and what its last fetch left: the conditional-GET validators, the
    outcome a person sees in `reader feeds`, and when it may be fetched again."""

    id: int
    url: str
    title: str
    site_url: str | None
    folder: str | None
    etag: str | None
    last_modified: str | None
    last_fetched_at: datetime | None
    last_status: FetchStatus
    last_error: str | None
    consecutive_failures: int
    next_fetch_at: datetime | None
    user_title: str | None = None
    article_count: int = 0
    unread_count: int = 0
    full_text: FullText = FullText.AUTO  # when to fetch the article page for the text
    site_lines: frozenset[str] = frozenset()  # this feed's learnt boilerplate

    @property
    def display_title(self) -> str:
        return self.user_title or self.title or self.url


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """A row of an article list: everything a listing shows, nothing it does not (no bodies)."""

    id: int
    feed_id: int
    feed_title: str
    title: str
    url: str | None
    author: str | None
    published: datetime | None
    sort_time: datetime
    read: bool
    starred: bool
    companies: tuple[str, ...] = ()

    @property
    def cursor(self) -> PageCursor:
        return PageCursor(self.sort_time, self.id)


@dataclass(frozen=True, slots=True)
class PageCursor:
    """Keyset position in a list ordered newest first: the next page starts after this row."""

    sort_time: datetime
    article_id: int


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    """Which articles a listing shows. None means "either"; empty tuples mean "any"."""

    read: bool | None = None
    starred: bool | None = None
    feed_ids: tuple[int, ...] = ()
    companies: tuple[str, ...] = ()  # every one of them must be an active tag
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive
    exclude_feed_ids: tuple[int, ...] = ()
    exclude_companies: tuple[str, ...] = ()  # none of them may be an active tag


@dataclass(frozen=True, slots=True)
class Article:
    """A stored article with everything a reading view or `reader show` needs."""

    id: int
    feed_id: int
    feed_title: str
    dedupe_key: str
    url: str | None
    title: str
    author: str | None
    published: datetime | None
    updated: datetime | None
    fetched_at: datetime
    summary_html: str | None
    content_html: str | None
    clean_text: str
    read: bool
    starred: bool
    companies: tuple[str, ...] = ()
    clean_version: int = 0


class TagSource(StrEnum):
    MANUAL = "manual"
    AUTO = "auto"


class TagState(StrEnum):
    ACTIVE = "active"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class Company:
    """A company the user has tagged, watched or added, with the aliases they gave it."""

    id: int
    name: str
    aliases: tuple[str, ...] = ()
    watched: bool = False


@dataclass(frozen=True, slots=True)
class CompanyOverview:
    """A company as `reader companies` lists it."""

    name: str
    watched: bool
    articles: int
    unread: int
    last_seen: datetime | None


@dataclass(frozen=True, slots=True)
class CompanyTag:
    """One company on one article: who put it there and whether the user kept it."""

    article_id: int
    company: str
    source: TagSource
    state: TagState


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A search result: the listing row, its highlighted snippet and its bm25 rank."""

    article: ArticleSummary
    snippet: str
    rank: float


# ---------------------------------------------------------------------------------------------
# Refresh outcomes.
# ---------------------------------------------------------------------------------------------


class OutcomeKind(StrEnum):
    UPDATED = "updated"
    NOT_MODIFIED = "not-modified"
    FAILED = "failed"
    SKIPPED = "skipped"  # backing off after failures or a Retry-After


@dataclass(frozen=True, slots=True)
class FeedOutcome:
    """What happened to one feed in one refresh. ``error`` is a sentence a person can act on."""

    feed_id: int
    url: str
    kind: OutcomeKind
    new: int = 0
    updated: int = 0
    error: str | None = None
    http_status: int | None = None
    seconds: float = 0.0
    pages: int = 0  # new articles read from their web page (full text)
    pages_failed: int = 0  # pages that could not be had; those articles keep the feed's text


@dataclass(frozen=True, slots=True)
class RefreshReport:
    """Every feed's outcome of one refresh, summed the way the CLI and the app report it."""

    outcomes: tuple[FeedOutcome, ...] = field(default_factory=tuple)

    def count(self, kind: OutcomeKind) -> int:
        return sum(1 for outcome in self.outcomes if outcome.kind is kind)

    @property
    def new_articles(self) -> int:
        return sum(outcome.new for outcome in self.outcomes)

    @property
    def updated_articles(self) -> int:
        return sum(outcome.updated for outcome in self.outcomes)

    @property
    def pages(self) -> int:
        return sum(outcome.pages for outcome in self.outcomes)

    @property
    def pages_failed(self) -> int:
        return sum(outcome.pages_failed for outcome in self.outcomes)

    @property
    def failed(self) -> tuple[FeedOutcome, ...]:
        return tuple(o for o in self.outcomes if o.kind is OutcomeKind.FAILED)
