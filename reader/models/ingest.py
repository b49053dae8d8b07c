"""An entry on its way into the store, and the material its reading text is made from."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from operator import attrgetter
from typing import Any


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

    def __reduce__(self) -> tuple[type[ArticleDraft], tuple[Any, ...]]:
        # Parse workers send drafts back pickled, 10,000 in a cold refresh of 200 feeds. By
        # default a slots dataclass pickles a dict of its fields and unpickles by setting them
        # one at a time; as its constructor's arguments it takes a third less time both ways.
        return (ArticleDraft, _draft_fields(self))


_draft_fields = attrgetter(*(field.name for field in fields(ArticleDraft)))


@dataclass(frozen=True, slots=True)
class PreparedFeed:
    """What a refresh stores for one fetched document: feed metadata and the entries as drafts.
    It is made in a parse worker and travels back pickled: it lives here, and not beside
    ``prepare_feed``, so that unpickling it never loads the parsing stack.

    ``site_lines`` is the boilerplate learnt from this document's entries (None when it has too
    few entries to tell, and what was learnt before stays)."""

    title: str | None
    site_url: str | None
    format: str
    parser: str
    drafts: tuple[ArticleDraft, ...]
    site_lines: frozenset[str] | None = None


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
