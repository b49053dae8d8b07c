"""The schema as numbered forward migrations keyed on ``PRAGMA user_version``.

A database made by any older version opens and is upgraded in place: each step runs in its own
transaction, and a copy of the file is taken before the first step touches an existing database.
Never edit a step that has shipped; add a new one."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from reader.errors import StorageError
from reader.storage.connection import write_transaction
from reader.storage.sqlite import sqlite3

log = logging.getLogger(__name__)

Migration = Callable[[sqlite3.Connection], None]


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: ``executescript`` would COMMIT the open transaction first,
    and a migration must land whole or not at all."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement in migration: {statement!r}")


def _create_feeds_and_articles(conn: sqlite3.Connection) -> None:
    _run_script(
        conn,
        """
        CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            user_title TEXT,
            site_url TEXT,
            folder TEXT,
            etag TEXT,
            last_modified TEXT,
            last_fetched_at TEXT,
            last_status TEXT NOT NULL DEFAULT 'never',
            last_http_status INTEGER,
            last_error TEXT,
            consecutive_failures INTEGER NOT NULL DEFAULT 0,
            next_fetch_at TEXT,
            added_at TEXT NOT NULL
        );

        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
            dedupe_key TEXT NOT NULL,
            url TEXT,
            title TEXT NOT NULL,
            author TEXT,
            published TEXT,
            updated TEXT,
            fetched_at TEXT NOT NULL,
            -- published, but never later than when we first saw it: a feed dating its items in
            -- the far future must not pin them to the top of every list.
            sort_time TEXT NOT NULL,
            summary_html TEXT,
            content_html TEXT,
            clean_text TEXT NOT NULL DEFAULT '',
            content_hash TEXT NOT NULL,
            read INTEGER NOT NULL DEFAULT 0,
            starred INTEGER NOT NULL DEFAULT 0,
            UNIQUE (feed_id, dedupe_key)
        );
        CREATE INDEX articles_by_time ON articles (sort_time DESC, id DESC);
        CREATE INDEX articles_by_feed_time ON articles (feed_id, sort_time DESC, id DESC);

        -- External-content FTS5 index over what the reader shows; triggers keep it in sync.
        CREATE VIRTUAL TABLE articles_fts USING fts5 (
            title, clean_text,
            content = 'articles', content_rowid = 'id',
            tokenize = 'porter unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, clean_text)
            VALUES (new.id, new.title, new.clean_text);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, clean_text)
            VALUES ('delete', old.id, old.title, old.clean_text);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, clean_text ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, clean_text)
            VALUES ('delete', old.id, old.title, old.clean_text);
            INSERT INTO articles_fts (rowid, title, clean_text)
            VALUES (new.id, new.title, new.clean_text);
        END;
        """,
    )


def _create_companies_and_tags(conn: sqlite3.Connection) -> None:
    _run_script(
        conn,
        """
        CREATE TABLE companies (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            watched INTEGER NOT NULL DEFAULT 0,
            user_defined INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL
        );
        CREATE TABLE company_aliases (
            company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
            alias TEXT NOT NULL COLLATE NOCASE,
            PRIMARY KEY (company_id, alias)
        );
        -- A tag the user removed stays as state 'rejected' so detection never brings it back.
        CREATE TABLE article_companies (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
            source TEXT NOT NULL CHECK (source IN ('manual', 'auto')),
            state TEXT NOT NULL CHECK (state IN ('active', 'rejected')),
            created_at TEXT NOT NULL,
            PRIMARY KEY (article_id, company_id)
        ) WITHOUT ROWID;
        CREATE INDEX article_companies_by_company
            ON article_companies (company_id, state, article_id);
        """,
    )


def _index_unread_and_starred(conn: sqlite3.Connection) -> None:
    """Partial indexes: "unread" and "starred" listings stay fast at 100,000 articles."""
    _run_script(
        conn,
        """
        CREATE INDEX articles_unread_by_time
            ON articles (sort_time DESC, id DESC) WHERE read = 0;
        CREATE INDEX articles_starred_by_time
            ON articles (sort_time DESC, id DESC) WHERE starred = 1;
        """,
    )


def _index_new_articles_in_bulk(conn: sqlite3.Connection) -> None:
    """New articles are added to the FTS index by the code that inserts them, one statement per
    batch (``articles.write_update``): through a per-row trigger, indexing cost 2.5x as much."""
    _run_script(conn, "DROP TRIGGER articles_fts_insert;")


def _merge_index_segments_less_often(conn: sqlite3.Connection) -> None:
    """FTS5 merges its index segments after every 4 by default; at 8, storing a refresh's new
    articles took a quarter less time, and a search still reads at most 8 segments a level."""
    conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 8)")


def _store_cleaning_state(conn: sqlite3.Connection) -> None:
    """What the cleaner needs to redo its work later: the version of the cleaner that made each
    article's text (``reader reclean`` redoes older ones), each feed's full-text setting and
    learnt boilerplate lines, and the article pages fetched for full text, compressed (a page is
    the raw input of its cleaned text, as content_html is for feed items)."""
    _run_script(
        conn,
        """
        ALTER TABLE articles ADD COLUMN clean_version INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE feeds ADD COLUMN full_text TEXT NOT NULL DEFAULT 'auto'
            CHECK (full_text IN ('auto', 'always', 'never'));
        ALTER TABLE feeds ADD COLUMN site_lines TEXT;
        CREATE TABLE article_pages (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            url TEXT NOT NULL,
            fetched_at TEXT NOT NULL,
            html BLOB,
            error TEXT
        );
        CREATE INDEX articles_by_clean_version ON articles (clean_version);
        """,
    )


def _remember_app_state(conn: sqlite3.Connection) -> None:
    """What the app restores at start (the last view and article): kept with the data it points
    into, so a demo database and the user's own each remember their own place."""
    _run_script(
        conn,
        """
        CREATE TABLE app_state (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX article_companies_by_time ON article_companies (created_at);
        """,
    )


def _count_unread_from_an_index(conn: sqlite3.Connection) -> None:
    """Unread counts (the sidebar's, per feed and in all) read this index alone: through the
    partial unread index SQLite still visited every row, 0.4 s at 100,000 articles."""
    conn.execute("CREATE INDEX articles_by_read_feed ON articles (read, feed_id)")


def _count_unread_from_a_partial_index(conn: sqlite3.Connection) -> None:
    """The (read, feed_id) index misled SQLite's planner: without statistics it took ``read = 0``
    for a selective test and sorted every unread row to list the newest (0.2-0.4 s at 100,000
    unread articles) instead of walking ``articles_unread_by_time``. An index of the unread rows
    alone still answers the unread counts by itself, and is no cheaper a way to list them."""
    _run_script(
        conn,
        """
        DROP INDEX articles_by_read_feed;
        CREATE INDEX articles_unread_by_feed ON articles (feed_id, read) WHERE read = 0;
        """,
    )


MIGRATIONS: tuple[Migration, ...] = (
    _create_feeds_and_articles,  # -> version 1
    _create_companies_and_tags,  # -> version 2
    _index_unread_and_starred,  # -> version 3
    _index_new_articles_in_bulk,  # -> version 4
    _merge_index_segments_less_often,  # -> version 5
    _store_cleaning_state,  # -> version 6
    _remember_app_state,  # -> version 7
    _count_unread_from_an_index,  # -> version 8
    _count_unread_from_a_partial_index,  # -> version 9
)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, path: Path | None, *, target: int = SCHEMA_VERSION) -> int:
    """Bring the database up to ``target``; returns the version it started at.

    A database newer than this program is refused rather than misread."""
    start = schema_version(conn)
    if start > SCHEMA_VERSION:
        raise StorageError(
            f"the database was written by a newer reader (schema {start}, this one knows "
            f"{SCHEMA_VERSION}): upgrade reader-tui"
        )
    if start >= target:
        return start
    if start > 0 and path is not None:
        _backup(conn, path, start)
    for version in range(start, target):
        with write_transaction(conn):
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
        log.info("database migrated to schema %d", version + 1)
    return start


def _backup(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Copy the whole database (through SQLite's backup API, so the copy is consistent even with
    WAL) before upgrading it: an interrupted or buggy migration can always be undone.

    The copy is made under a temporary name and renamed when complete, so a ``.bak-v<N>`` file
    is always a whole database, even if the process is killed while copying."""
    backup_path = path.with_name(f"{path.name}.bak-v{version}")
    partial = path.with_name(f"{backup_path.name}.partial")
    try:
        for leftover in (partial, partial.with_name(f"{partial.name}-journal")):
            leftover.unlink(missing_ok=True)
        target = sqlite3.connect(partial)
        try:
            conn.backup(target)
        finally:
            target.close()
        os.replace(partial, backup_path)
    except (OSError, sqlite3.Error) as err:
        partial.unlink(missing_ok=True)
        raise StorageError(
            f"cannot back up {path} to {backup_path} before upgrading it to this version's "
            f"schema ({err}); nothing was changed. Make its folder writable and free some "
            "space, then try again"
        ) from err
    log.info("backed up %s to %s before migrating", path, backup_path)
