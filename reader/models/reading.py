"""What is read and found: an article with its cleaned text, search hits and results."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.cleaning.blocks import CleanArticle
    from reader.models.articles import Article, ArticleSummary
    from reader.query import SearchQuery


@dataclass(frozen=True, slots=True)
class ArticleReading:
    """An article with its cleaned text, ready to be read."""

    article: Article
    clean: CleanArticle


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A search result: the listing row, its highlighted snippet and its bm25 rank."""

    article: ArticleSummary
    snippet: str
    rank: float


@dataclass(frozen=True, slots=True)
class SearchResult:
    """The parsed query (so callers can say what was searched) and its hits."""

    query: SearchQuery
    hits: tuple[SearchHit, ...]
