"""Records that cross module boundaries: what storage takes and returns, what the library's
operations and a refresh report. Plain frozen dataclasses so the CLI, the app and the tests share
one vocabulary. (What a feed document parses into is in ``reader.fetching.parsed``: only
fetching uses it.)

Every record is imported from here (``from reader.models import Feed``), and the module of its
subject is loaded the first time one of its names is asked for (PEP 562). Python compiles a
dataclass's methods when the class is made, about 1.5 ms a record, and the app's first frame
needs only the article list's records: modules on the app's start path name the others as
``models.Feed`` where they use them, so that they are made when first used.
``tests/test_architecture.py`` checks which subjects the start path loads."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from reader.models.enums import FetchStatus, FullText, OutcomeKind, TagSource, TagState

_SUBJECT_OF = {
    "ArticleDraft": "ingest",
    "ArticleSource": "ingest",
    "CleanedText": "ingest",
    "PreparedFeed": "ingest",
    "ArticleSummary": "articles",
    "PageCursor": "articles",
    "ArticleFilter": "articles",
    "Article": "articles",
    "Feed": "feeds",
    "AddedFeed": "feeds",
    "ImportReport": "feeds",
    "Company": "companies",
    "CompanyOverview": "companies",
    "CompanyTag": "companies",
    "ArticleReading": "reading",
    "SearchHit": "reading",
    "SearchResult": "reading",
    "FeedOutcome": "refresh",
    "RefreshReport": "refresh",
}

__all__ = [
    "AddedFeed",
    "Article",
    "ArticleDraft",
    "ArticleFilter",
    "ArticleReading",
    "ArticleSource",
    "ArticleSummary",
    "CleanedText",
    "Company",
    "CompanyOverview",
    "CompanyTag",
    "Feed",
    "FeedOutcome",
    "FetchStatus",
    "FullText",
    "ImportReport",
    "OutcomeKind",
    "PageCursor",
    "PreparedFeed",
    "RefreshReport",
    "SearchHit",
    "SearchResult",
    "TagSource",
    "TagState",
]


def __getattr__(name: str) -> Any:
    subject = _SUBJECT_OF.get(name)
    if subject is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    record = getattr(importlib.import_module(f"{__name__}.{subject}"), name)
    globals()[name] = record
    return record


if TYPE_CHECKING:
    from reader.models.articles import Article, ArticleFilter, ArticleSummary, PageCursor
    from reader.models.companies import Company, CompanyOverview, CompanyTag
    from reader.models.feeds import AddedFeed, Feed, ImportReport
    from reader.models.ingest import ArticleDraft, ArticleSource, CleanedText, PreparedFeed
    from reader.models.reading import ArticleReading, SearchHit, SearchResult
    from reader.models.refresh import FeedOutcome, RefreshReport
