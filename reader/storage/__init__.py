"""The SQLite store: one file, one ``Storage`` object holding a small store per domain."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.errors import StorageError
from reader.storage.app_state import AppStateStore
from reader.storage.articles import ArticleStore, UpdateCounts
from reader.storage.batch import WriteBatch, write_batch
from reader.storage.cleaning import CleaningStore
from reader.storage.connection import ConnectionPool, explain_database_error
from reader.storage.feeds import FeedStore, FetchSuccess
from reader.storage.schema import SCHEMA_VERSION, migrate
from reader.storage.search import HIGHLIGHT_END, HIGHLIGHT_START, SearchStore
from reader.storage.sqlite import sqlite3
from reader.storage.tags import CompanyNotFoundError, TagStore

__all__ = [
    "HIGHLIGHT_END",
    "HIGHLIGHT_START",
    "SCHEMA_VERSION",
    "CompanyNotFoundError",
    "FetchSuccess",
    "Storage",
    "UpdateCounts",
    "WriteBatch",
]


class Storage:
    """Opens (creating or upgrading) the database at ``path``. Safe to use from several threads:
    each thread gets its own connection."""

    def __init__(self, path: Path):
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StorageError(f"cannot create the folder for {path}: {err.strerror}") from err
        self.pool = ConnectionPool(path)
        try:
            migrate(self.pool.get(), path)
        except sqlite3.DatabaseError as err:  # a damaged file can open and fail on first read
            self.pool.close()
            raise StorageError(explain_database_error(path, err)) from err
        except BaseException:
            self.pool.close()
            raise
        self.feeds = FeedStore(self.pool)
        self.articles = ArticleStore(self.pool, self.feeds)
        self.search = SearchStore(self.pool)
        self.tags = TagStore(self.pool)
        self.cleaning = CleaningStore(self.pool)
        self.app_state = AppStateStore(self.pool)

    @contextmanager
    def write_batch(self) -> Iterator[WriteBatch]:
        """One transaction for many feeds' refresh writes (see ``storage.batch``)."""
        with write_batch(self.pool, self.feeds, self.articles) as batch:
            yield batch

    def close(self) -> None:
        self.pool.close()

    def __enter__(self) -> Storage:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
