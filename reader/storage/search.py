"""Full-text search over title and clean text with FTS5: bm25 ranking, highlighted snippets.

The MATCH expressions come from ``reader.query``, which quotes everything a user typed, so no
input can make FTS5 raise. Ranking and snippets are two queries on purpose: ranking has to look at
every match, but ``snippet()`` is costly and only the rows shown need one.

A query that matches more than ``RANKING_LIMIT`` articles (a word found in most of a large
archive) is listed most recently stored first instead: bm25 then has to score every match (200 ms
at 100,000 articles) and says little, since such a word barely tells articles apart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader import models
from reader.models import ArticleFilter
from reader.storage.articles import SUMMARY_COLUMNS, filter_clause, row_to_summary
from reader.storage.connection import ConnectionPool

if TYPE_CHECKING:
    from reader.models import SearchHit

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
"""Snippets mark matched words with these two control characters (which clean text never holds:
it is stripped of control characters at ingest); the CLI and the app turn them into styling."""

_TITLE_WEIGHT = 5.0
_TEXT_WEIGHT = 1.0
RANKING_LIMIT = 20_000


class SearchStore:
    def __init__(self, pool: ConnectionPool):
        self._pool = pool

    def search(
        self,
        match: str | None,
        *,
        excluded: str | None = None,
        article_filter: ArticleFilter = ArticleFilter(),
        limit: int = 50,
        snippets: bool = True,
    ) -> list[SearchHit]:
        """Best matches first (by bm25, the title counting more than the body); with no MATCH
        expression (a query of filters or exclusions only), newest first. Snippets cost most
        of a large search (0.3 s for 1,000 hits): the app's list, which shows none, skips them."""
        where, params = filter_clause(article_filter)
        if excluded:
            where.append("a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(excluded)
        if match is None:
            return self._newest(where, params, limit)
        if self._matches_more_than(match, RANKING_LIMIT):
            rows = self._latest_matching(match, where, params, limit)
        else:
            rows = self._ranked(match, where, params, limit)
        return self._with_snippets(match, rows) if snippets else _without_snippets(rows)

    def _matches_more_than(self, match: str, count: int) -> bool:
        """Walking a doclist without scoring is cheap (2 ms for 20,000 rows)."""
        row = (
            self._pool.get()
            .execute(
                "SELECT count(*) FROM (SELECT rowid FROM articles_fts"
                " WHERE articles_fts MATCH ? LIMIT ?)",
                (match, count + 1),
            )
            .fetchone()
        )
        return int(row[0]) > count

    def _latest_matching(self, match: str, where: list[str], params: list, limit: int) -> list:
        return (
            self._pool.get()
            .execute(
                f"WITH best AS (SELECT articles_fts.rowid AS id FROM articles_fts"
                f"{_joined(where)} ORDER BY articles_fts.rowid DESC LIMIT ?)"
                f" SELECT {SUMMARY_COLUMNS}, 0.0 FROM best"
                " JOIN articles a ON a.id = best.id JOIN feeds f ON f.id = a.feed_id"
                " ORDER BY a.sort_time DESC, a.id DESC",
                (match, *params, limit),
            )
            .fetchall()
        )

    def _ranked(self, match: str, where: list[str], params: list, limit: int) -> list:
        conn = self._pool.get()
        # Rank first, touching only the index (and articles, when filtered), then join the
        # winners to build their rows: joining feeds and tags for every match costs 3x.
        return conn.execute(
            f"WITH best AS (SELECT articles_fts.rowid AS id,"
            f" bm25(articles_fts, {_TITLE_WEIGHT}, {_TEXT_WEIGHT}) AS score"
            f" FROM articles_fts{_joined(where)} ORDER BY score LIMIT ?)"
            f" SELECT {SUMMARY_COLUMNS}, best.score FROM best"
            " JOIN articles a ON a.id = best.id JOIN feeds f ON f.id = a.feed_id"
            " ORDER BY best.score",
            (match, *params, limit),
        ).fetchall()

    def _with_snippets(self, match: str, rows: list) -> list[SearchHit]:
        snippets = self._snippets(match, [row[0] for row in rows])
        return [
            models.SearchHit(
                article=row_to_summary(row), snippet=snippets.get(row[0], ""), rank=row[-1]
            )
            for row in rows
        ]

    def _snippets(self, match: str, article_ids: list[int]) -> dict[int, str]:
        if not article_ids:
            return {}
        marks = ",".join("?" * len(article_ids))
        rows = self._pool.get().execute(
            "SELECT rowid, snippet(articles_fts, 1, ?, ?, '…', 16),"
            " snippet(articles_fts, 0, ?, ?, '…', 16)"
            f" FROM articles_fts WHERE articles_fts MATCH ? AND rowid IN ({marks})",
            (
                HIGHLIGHT_START,
                HIGHLIGHT_END,
                HIGHLIGHT_START,
                HIGHLIGHT_END,
                match,
                *article_ids,
            ),
        )
        return {row[0]: row[1] if HIGHLIGHT_START in row[1] else row[1] or row[2] for row in rows}

    def _newest(self, where: list[str], params: list, limit: int) -> list[SearchHit]:
        rows = (
            self._pool.get()
            .execute(
                f"SELECT {SUMMARY_COLUMNS}, substr(a.clean_text, 1, 200)"
                " FROM articles a JOIN feeds f ON f.id = a.feed_id"
                f" {'WHERE ' + ' AND '.join(where) if where else ''}"
                " ORDER BY a.sort_time DESC, a.id DESC LIMIT ?",
                (*params, limit),
            )
            .fetchall()
        )
        return [
            models.SearchHit(article=row_to_summary(row), snippet=_first_words(row[-1]), rank=0.0)
            for row in rows
        ]


def _without_snippets(rows: list) -> list[SearchHit]:
    return [models.SearchHit(article=row_to_summary(row), snippet="", rank=row[-1]) for row in rows]


def _first_words(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) < 160 else flat[:160].rsplit(" ", 1)[0] + "…"


def _joined(where: list[str]) -> str:
    """The FROM tail of a match query: the MATCH, plus the article filters when there are any."""
    if not where:
        return " WHERE articles_fts MATCH ?"
    return (
        " JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ? AND "
        + " AND ".join(where)
    )
