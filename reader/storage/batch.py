"""Several feeds' refresh writes in one transaction.

SQLite (WAL and the FTS5 index alike) does much better with a few large commits than with one
small commit per feed: grouping a refresh's writes this way cut the store time of 10,000 new
articles by more than half. Each feed's writes still form one unit: they run inside their own
savepoint, so a write that fails rolls back alone, and the commit makes every feed's update
durable at once or none of them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING

from reader.errors import StorageError
from reader.storage.articles import ArticleStore, UpdateCounts, index_articles
from reader.storage.cleaning import write_page, write_texts
from reader.storage.connection import ConnectionPool, savepoint, write_transaction
from reader.storage.feeds import FeedStore, FetchSuccess
from reader.storage.sqlite import sqlite3

if TYPE_CHECKING:
    from reader.models import ArticleDraft, CleanedText


class WriteBatch:
    def __init__(self, conn: sqlite3.Connection, feeds: FeedStore, articles: ArticleStore):
        self._conn = conn
        self._feeds = feeds
        self._articles = articles
        self._unindexed: list[tuple[int, str, str]] = []

    def store(
        self, feed_id: int, drafts: Iterable[ArticleDraft], fetch: FetchSuccess, now: datetime
    ) -> UpdateCounts:
        rows: list[tuple[int, str, str]] = []
        with savepoint(self._conn):
            counts = self._articles.write_update(
                self._conn, feed_id, drafts, fetch, now, index_later=rows
            )
        self._unindexed.extend(rows)  # only once this feed's writes are sure to stay
        return counts

    def index_new_articles(self) -> None:
        """The search index rows of every stored feed, in one go before the commit."""
        if not self._conn.in_transaction:  # SQLite rolled it all back (a full disk does)
            raise StorageError("the refresh's writes were abandoned after an error")
        index_articles(self._conn, self._unindexed)
        self._unindexed = []

    def not_modified(self, feed_id: int, fetch: FetchSuccess, now: datetime) -> None:
        with savepoint(self._conn):
            self._feeds.write_success(self._conn, feed_id, fetch, now)

    def failed(
        self,
        feed_id: int,
        *,
        error: str,
        http_status: int | None,
        now: datetime,
        next_fetch_at: datetime | None,
    ) -> None:
        with savepoint(self._conn):
            self._feeds.write_failure(
                self._conn,
                feed_id,
                error=error,
                http_status=http_status,
                now=now,
                next_fetch_at=next_fetch_at,
            )

    def page(
        self,
        article_id: int,
        url: str,
        now: datetime,
        *,
        html: str | None,
        text: CleanedText | None = None,
        error: str | None = None,
    ) -> None:
        """An article page fetched for full text, with the article's new text; or why not."""
        with savepoint(self._conn):
            write_page(self._conn, article_id, url, now, html=html, error=error)
            if text is not None:
                write_texts(self._conn, [text])

    def moved(self, feed_id: int, url: str) -> None:
        with savepoint(self._conn):
            self._feeds.write_url(self._conn, feed_id, url)


@contextmanager
def write_batch(
    pool: ConnectionPool, feeds: FeedStore, articles: ArticleStore
) -> Iterator[WriteBatch]:
    conn = pool.get()
    with write_transaction(conn):
        batch = WriteBatch(conn, feeds, articles)
        yield batch
        batch.index_new_articles()
