"""Stored articles: a list's rows, how a list is filtered and paged, and a whole article."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


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
