"""What the cleaner reads and writes: an article's raw inputs, its cleaned text and the version of
the cleaner that made it, and the article pages fetched for full text (kept compressed, because a
page is the raw input of its article's text and ``reader reclean`` needs it again)."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from reader import models
from reader.errors import ArticleNotFoundError
from reader.storage.connection import ConnectionPool, to_db_time, write_transaction
from reader.storage.sqlite import sqlite3

if TYPE_CHECKING:
    from reader.models import ArticleSource, CleanedText

_SOURCE_COLUMNS = """
    a.id, a.feed_id, a.title, a.url, a.summary_html, a.content_html, p.html, f.site_lines
"""
_SOURCE_FROM = """
    FROM articles a JOIN feeds f ON f.id = a.feed_id
    LEFT JOIN article_pages p ON p.article_id = a.id
"""


def _source(row: tuple) -> ArticleSource:
    return models.ArticleSource(
        article_id=row[0],
        feed_id=row[1],
        title=row[2],
        url=row[3],
        summary_html=row[4],
        content_html=row[5],
        page_html=zlib.decompress(row[6]).decode("utf-8") if row[6] else None,
        site_lines=frozenset(json.loads(row[7])) if row[7] else frozenset(),
    )


class CleaningStore:
    def __init__(self, pool: ConnectionPool):
        self._pool = pool

    def source(self, article_id: int) -> ArticleSource:
        row = (
            self._pool.get()
            .execute(f"SELECT {_SOURCE_COLUMNS} {_SOURCE_FROM} WHERE a.id = ?", (article_id,))
            .fetchone()
        )
        if row is None:
            raise ArticleNotFoundError(f"no article with id {article_id}")
        return _source(row)

    def stale_sources(
        self, version: int, *, after_id: int = 0, limit: int = 200, everything: bool = False
    ) -> list[ArticleSource]:
        """The next articles (by id, after ``after_id``) whose text an older cleaner made, or
        all of them with ``everything``."""
        condition = "a.id > ?" if everything else "a.id > ? AND a.clean_version < ?"
        params: tuple = (after_id, limit) if everything else (after_id, version, limit)
        rows = self._pool.get().execute(
            f"SELECT {_SOURCE_COLUMNS} {_SOURCE_FROM} WHERE {condition} ORDER BY a.id LIMIT ?",
            params,
        )
        return [_source(row) for row in rows]

    def count_stale(self, version: int, *, everything: bool = False) -> int:
        sql = "SELECT count(*) FROM articles"
        if not everything:
            sql += " WHERE clean_version < ?"
        params = () if everything else (version,)
        return int(self._pool.get().execute(sql, params).fetchone()[0])

    def write_texts(self, texts: Iterable[CleanedText]) -> None:
        conn = self._pool.get()
        with write_transaction(conn):
            write_texts(conn, texts)


def write_texts(conn: sqlite3.Connection, texts: Iterable[CleanedText]) -> None:
    """New cleaned texts (the search index follows through the update trigger)."""
    conn.executemany(
        "UPDATE articles SET clean_text = ?, clean_version = ? WHERE id = ?",
        [(t.text, t.version, t.article_id) for t in texts],
    )


def write_page(
    conn: sqlite3.Connection,
    article_id: int,
    url: str,
    now: datetime,
    *,
    html: str | None,
    error: str | None,
) -> None:
    """Keep a fetched article page (or why it could not be had), replacing an earlier one."""
    blob = zlib.compress(html.encode("utf-8"), 6) if html is not None else None
    conn.execute(
        "INSERT INTO article_pages (article_id, url, fetched_at, html, error)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET url = excluded.url,"
        " fetched_at = excluded.fetched_at, html = excluded.html, error = excluded.error",
        (article_id, url, to_db_time(now), blob, error),
    )
