"""Feed rows: subscribe, rename, move, remove, and the fetch bookkeeping stored on each feed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from reader import models
from reader.errors import FeedExistsError, FeedNotFoundError
from reader.models import FetchStatus, FullText
from reader.storage.connection import (
    ConnectionPool,
    from_db_time,
    to_db_time,
    utc_now,
    write_transaction,
)
from reader.storage.sqlite import sqlite3

if TYPE_CHECKING:
    from reader.models import Feed

_FEED_COLUMNS = """
    f.id, f.url, f.title, f.site_url, f.folder, f.etag, f.last_modified, f.last_fetched_at,
    f.last_status, f.last_error, f.consecutive_failures, f.next_fetch_at, f.user_title,
    f.full_text, f.site_lines
"""

_COUNTS = """
    (SELECT count(*) FROM articles a WHERE a.feed_id = f.id) AS article_count,
    (SELECT count(*) FROM articles a WHERE a.feed_id = f.id AND a.read = 0) AS unread_count
"""


@dataclass(frozen=True, slots=True)
class FetchSuccess:
    """Feed-level facts learnt from a successful fetch (200 or 304)."""

    title: str | None = None
    site_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    http_status: int = 200
    site_lines: frozenset[str] | None = None  # None: keep what was learnt before


def _row_to_feed(row: sqlite3.Row | tuple) -> Feed:
    counts = (row[15], row[16]) if len(row) > 15 else (0, 0)
    return models.Feed(
        id=row[0],
        url=row[1],
        title=row[2],
        site_url=row[3],
        folder=row[4],
        etag=row[5],
        last_modified=row[6],
        last_fetched_at=from_db_time(row[7]),
        last_status=FetchStatus(row[8]),
        last_error=row[9],
        consecutive_failures=row[10],
        next_fetch_at=from_db_time(row[11]),
        user_title=row[12],
        article_count=counts[0],
        unread_count=counts[1],
        full_text=FullText(row[13]),
        site_lines=frozenset(json.loads(row[14])) if row[14] else frozenset(),
    )


class FeedStore:
    def __init__(self, pool: ConnectionPool):
        self._pool = pool

    def add(
        self,
        url: str,
        *,
        title: str | None = None,
        folder: str | None = None,
        site_url: str | None = None,
    ) -> Feed:
        conn = self._pool.get()
        with write_transaction(conn):
            if conn.execute("SELECT 1 FROM feeds WHERE url = ?", (url,)).fetchone():
                raise FeedExistsError(f"already subscribed to {url}")
            cursor = conn.execute(
                "INSERT INTO feeds (url, user_title, folder, site_url, added_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (url, title, folder, site_url, to_db_time(utc_now())),
            )
        return self.get(int(cursor.lastrowid or 0))

    def get(self, feed_id: int) -> Feed:
        row = (
            self._pool.get()
            .execute(f"SELECT {_FEED_COLUMNS}, {_COUNTS} FROM feeds f WHERE f.id = ?", (feed_id,))
            .fetchone()
        )
        if row is None:
            raise FeedNotFoundError(f"no feed with id {feed_id}")
        return _row_to_feed(row)

    def any(self) -> bool:
        return self._pool.get().execute("SELECT 1 FROM feeds LIMIT 1").fetchone() is not None

    def list(self, *, with_counts: bool = True) -> list[Feed]:
        columns = f"{_FEED_COLUMNS}, {_COUNTS}" if with_counts else _FEED_COLUMNS
        rows = self._pool.get().execute(
            f"SELECT {columns} FROM feeds f"
            " ORDER BY coalesce(f.folder, ''), lower(coalesce(f.user_title, nullif(f.title, ''),"
            " f.url))"
        )
        return [_row_to_feed(row) for row in rows]

    def find(self, ident: str) -> Feed:
        """A feed named the way a user would: its id, its URL, or its title (exact, then a
        unique case-insensitive substring)."""
        conn = self._pool.get()
        if ident.isdigit():
            row = conn.execute("SELECT id FROM feeds WHERE id = ?", (int(ident),)).fetchone()
            if row:
                return self.get(row[0])
        row = conn.execute("SELECT id FROM feeds WHERE url = ?", (ident,)).fetchone()
        if row:
            return self.get(row[0])
        title = "coalesce(user_title, nullif(title, ''), url)"
        rows = conn.execute(
            f"SELECT id FROM feeds WHERE lower({title}) = lower(?)", (ident,)
        ).fetchall()
        if not rows:
            rows = conn.execute(
                f"SELECT id FROM feeds WHERE instr(lower({title}), lower(?)) > 0", (ident,)
            ).fetchall()
        if len(rows) == 1:
            return self.get(rows[0][0])
        if len(rows) > 1:
            raise FeedNotFoundError(
                f"{ident!r} matches {len(rows)} feeds; use the feed's id (see `reader feeds`)"
            )
        raise FeedNotFoundError(f"no feed matches {ident!r}; `reader feeds` lists them")

    def matching_ids(self, ident: str) -> tuple[int, ...]:
        """Every feed a search filter ``feed:IDENT`` means: id, URL or title substring."""
        title = "coalesce(user_title, nullif(title, ''), url)"
        rows = self._pool.get().execute(
            f"SELECT id FROM feeds WHERE CAST(id AS TEXT) = ?1 OR url = ?1"
            f" OR instr(lower({title}), lower(?1)) > 0",
            (ident,),
        )
        return tuple(row[0] for row in rows)

    def remove(self, feed_id: int) -> None:
        conn = self._pool.get()
        with write_transaction(conn):
            cursor = conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))
        if cursor.rowcount == 0:
            raise FeedNotFoundError(f"no feed with id {feed_id}")

    def rename(self, feed_id: int, title: str | None) -> Feed:
        self._update(feed_id, "user_title = ?", (title,))
        return self.get(feed_id)

    def set_full_text(self, feed_id: int, mode: FullText) -> Feed:
        self._update(feed_id, "full_text = ?", (mode.value,))
        return self.get(feed_id)

    def move(self, feed_id: int, folder: str | None) -> Feed:
        self._update(feed_id, "folder = ?", (folder or None,))
        return self.get(feed_id)

    def change_url(self, feed_id: int, url: str) -> None:
        conn = self._pool.get()
        with write_transaction(conn):
            self.write_url(conn, feed_id, url)

    @staticmethod
    def write_url(conn: sqlite3.Connection, feed_id: int, url: str) -> None:
        """After a permanent redirect. If another feed already has that URL, keep the old one."""
        taken = conn.execute("SELECT 1 FROM feeds WHERE url = ?", (url,)).fetchone()
        if not taken:
            conn.execute("UPDATE feeds SET url = ? WHERE id = ?", (url, feed_id))

    def due(self, now: datetime) -> list[Feed]:
        """Feeds whose back-off (after failures or a Retry-After) has expired."""
        rows = self._pool.get().execute(
            f"SELECT {_FEED_COLUMNS} FROM feeds f"
            " WHERE f.next_fetch_at IS NULL OR f.next_fetch_at <= ? ORDER BY f.id",
            (to_db_time(now),),
        )
        return [_row_to_feed(row) for row in rows]

    @staticmethod
    def write_success(
        conn: sqlite3.Connection, feed_id: int, fetch: FetchSuccess, now: datetime
    ) -> None:
        """A successful fetch (200 or 304), inside a transaction the caller holds."""
        status = FetchStatus.NOT_MODIFIED if fetch.http_status == 304 else FetchStatus.OK
        if fetch.site_lines is not None:
            conn.execute(
                "UPDATE feeds SET site_lines = ? WHERE id = ?",
                (json.dumps(sorted(fetch.site_lines)) if fetch.site_lines else None, feed_id),
            )
        conn.execute(
            "UPDATE feeds SET title = coalesce(?, title), site_url = coalesce(?, site_url),"
            " etag = ?, last_modified = ?, last_fetched_at = ?, last_status = ?,"
            " last_http_status = ?, last_error = NULL, consecutive_failures = 0,"
            " next_fetch_at = NULL WHERE id = ?",
            (
                fetch.title or None,
                fetch.site_url,
                fetch.etag,
                fetch.last_modified,
                to_db_time(now),
                status.value,
                fetch.http_status,
                feed_id,
            ),
        )

    def record_not_modified(self, feed_id: int, fetch: FetchSuccess, now: datetime) -> None:
        conn = self._pool.get()
        with write_transaction(conn):
            self.write_success(conn, feed_id, fetch, now)

    def record_failure(
        self,
        feed_id: int,
        *,
        error: str,
        http_status: int | None,
        now: datetime,
        next_fetch_at: datetime | None,
    ) -> None:
        conn = self._pool.get()
        with write_transaction(conn):
            self.write_failure(
                conn,
                feed_id,
                error=error,
                http_status=http_status,
                now=now,
                next_fetch_at=next_fetch_at,
            )

    @staticmethod
    def write_failure(
        conn: sqlite3.Connection,
        feed_id: int,
        *,
        error: str,
        http_status: int | None,
        now: datetime,
        next_fetch_at: datetime | None,
    ) -> None:
        conn.execute(
            "UPDATE feeds SET last_fetched_at = ?, last_status = ?, last_http_status = ?,"
            " last_error = ?, consecutive_failures = consecutive_failures + 1,"
            " next_fetch_at = ? WHERE id = ?",
            (
                to_db_time(now),
                FetchStatus.FAILED.value,
                http_status,
                error,
                to_db_time(next_fetch_at),
                feed_id,
            ),
        )

    def _update(self, feed_id: int, assignment: str, params: tuple) -> None:
        conn = self._pool.get()
        with write_transaction(conn):
            cursor = conn.execute(f"UPDATE feeds SET {assignment} WHERE id = ?", (*params, feed_id))
        if cursor.rowcount == 0:
            raise FeedNotFoundError(f"no feed with id {feed_id}")
