"""Subscriptions: a stored feed, a feed just added, and what an import added."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reader.models.enums import FetchStatus, FullText


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
class AddedFeed:
    """A feed just subscribed to, with how many articles its first fetch stored."""

    feed: Feed
    new_articles: int
    discovered_from: str | None = None  # the page URL, when the feed was found on an HTML page


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an OPML or newsboat import did, so the CLI can say it line by line."""

    added: tuple[Feed, ...]
    already_subscribed: tuple[str, ...]
    skipped: tuple[str, ...] = ()  # lines or entries that are not fetchable feeds
