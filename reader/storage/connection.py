"""Opening the SQLite file: pragmas, one connection per thread, explicit write transactions.

sqlite3 connections are bound to the thread that made them, and Textual runs blocking work on
worker threads, so every thread gets its own connection to the same file (lemon24/reader does the
same). WAL lets readers go on while one writer writes; ``busy_timeout`` makes a second writer (say
``reader fetch`` from cron while the app is open) wait instead of failing with "database is
locked"."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from reader.errors import StorageError
from reader.storage.sqlite import sqlite3

BUSY_TIMEOUT_MS = 30_000


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def to_db_time(moment: datetime | None) -> str | None:
    """Times are stored as UTC text 'YYYY-MM-DD HH:MM:SS': it sorts, and SQLite's date functions
    read it."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "seconds")


def from_db_time(text: str | None) -> datetime | None:
    """Read back what ``to_db_time`` wrote (fromisoformat: strptime cost 5 ms a page of rows)."""
    if not text:
        return None
    return datetime.fromisoformat(f"{text}+00:00")


def open_connection(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode: writes happen only inside ``write_transaction``."""
    try:
        # check_same_thread=False only so that close() can close every thread's connection; each
        # connection is still used by the one thread that opened it.
        conn = sqlite3.connect(
            path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        journal = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if journal.lower() != "wal" and str(path) != ":memory:":
            raise StorageError(f"could not switch {path} to WAL mode (got {journal})")
        # In WAL mode NORMAL never corrupts the file on a crash; it may lose the last commits on
        # power loss only, which a feed reader can re-fetch.
        conn.execute("PRAGMA synchronous = NORMAL")
        # 32 MB of page cache (default 2 MB): the FTS index pages a refresh touches stay in it.
        conn.execute("PRAGMA cache_size = -32768")
        # SQLite's temporary storage in memory. Each feed's writes run in a savepoint, whose
        # journal (the pages as they were before it) otherwise goes to a temporary file a page
        # per system call: a cold refresh wrote 33,000 of them. Nothing reader runs needs more
        # than a few megabytes of it (a feed's savepoint, ranking 100,000 search hits); reader
        # never runs VACUUM, which would build its copy of the database there.
        conn.execute("PRAGMA temp_store = MEMORY")
    except sqlite3.DatabaseError as err:
        raise StorageError(_explain_open_error(path, err)) from err
    return conn


def _explain_open_error(path: Path, err: sqlite3.DatabaseError) -> str:
    message = str(err)
    if "readonly" in message:
        return (
            f"cannot open {path}: it or its folder is read-only ({message}). SQLite writes "
            "its -wal and -shm files beside the database: make both writable, or copy the "
            "database to a writable folder"
        )
    if "unable to open" in message:
        return f"cannot open {path}: check that its folder exists and is writable ({message})"
    return explain_database_error(path, err)


def is_corruption(err: sqlite3.DatabaseError) -> bool:
    """SQLite's words for a file that is not, or no longer, a whole database."""
    message = str(err)
    return any(
        words in message
        for words in ("file is not a database", "malformed", "database corruption", "corrupt")
    )


def newest_backup(path: Path) -> Path | None:
    """The newest ``<db>.bak-v<N>`` beside the database (made before every migration)."""
    backups = [
        candidate
        for candidate in path.parent.glob(f"{path.name}.bak-v*")
        if candidate.name.removeprefix(f"{path.name}.bak-v").isdigit()
    ]
    return max(backups, key=lambda backup: backup.stat().st_mtime, default=None)


def recovery_advice(path: Path) -> str:
    """What to do about a damaged database: restore the newest backup, or salvage the rows."""
    backup = newest_backup(path)
    restore = (
        f"restore the backup made before the last upgrade: mv {backup} {path}"
        if backup is not None
        else "no backup (*.bak-v*) of it exists"
    )
    return (
        f"{restore}; or salvage what is readable with `sqlite3 {path} .recover | sqlite3 "
        f"{path}.recovered` and use that file; or move it aside to start a new one. "
        "`reader check` tells whether a file is whole"
    )


def explain_database_error(path: Path, err: sqlite3.DatabaseError) -> str:
    """A message for a database error met while opening or reading: for a damaged file, what
    to do about it."""
    if is_corruption(err):
        return (
            f"{path} is not a readable reader database ({err}): it is damaged or not a "
            f"database. {recovery_advice(path)}"
        )
    if isinstance(err, sqlite3.OperationalError):
        written = _explain_write_error(err)
        if not written.startswith("database write failed"):
            return written
    return f"cannot use {path}: {err}"


class ConnectionPool:
    """One connection per thread to one database file."""

    def __init__(self, path: Path):
        self.path = path
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    def get(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = open_connection(self.path)
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def close(self) -> None:
        """Close every thread's connection. Only call when no other thread uses the pool."""
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE takes the write lock up front, so a busy database makes us wait here (up
    to the busy timeout) rather than fail halfway through an update. All of one feed's writes
    go through one of these: a crash leaves either all of them or none."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as err:
        raise StorageError(_explain_write_error(err)) from err
    try:
        yield conn
    except sqlite3.OperationalError as err:
        _rollback(conn)
        raise StorageError(_explain_write_error(err)) from err
    except BaseException:
        _rollback(conn)
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.OperationalError as err:
        _rollback(conn)
        raise StorageError(_explain_write_error(err)) from err


def _rollback(conn: sqlite3.Connection) -> None:
    """Undo the open transaction, if SQLite has not done it already: after "database or disk
    is full" (and some I/O errors) it rolls the whole transaction back itself, and a ROLLBACK
    then fails with "no transaction is active", hiding the error that matters."""
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def _explain_write_error(err: sqlite3.OperationalError) -> str:
    message = str(err)
    if "locked" in message or "busy" in message:
        return (
            "the database stayed locked by another reader process for "
            f"{BUSY_TIMEOUT_MS // 1000} s; try again when it has finished"
        )
    if "readonly" in message:
        return (
            "the database is read-only, nothing was changed: make the database file and its "
            "folder writable (check their permissions and owner), then try again"
        )
    if "disk" in message and "full" in message:
        return "the disk is full: nothing was written; free some space and try again"
    if "disk I/O error" in message:
        return f"the disk failed to write ({message}): nothing was written; check the disk"
    return f"database write failed: {message}"


@contextmanager
def savepoint(conn: sqlite3.Connection, name: str = "op") -> Iterator[None]:
    """A nested unit inside an open transaction: on error only its own writes are undone.

    When SQLite has already rolled back the whole enclosing transaction (a full disk does
    that), the unit refuses to start: outside a transaction a SAVEPOINT would begin and
    commit a transaction of its own, out of step with the batch it belongs to."""
    if not conn.in_transaction:
        raise StorageError(
            "the database write was abandoned after an earlier error; nothing of it was stored"
        )
    conn.execute(f"SAVEPOINT {name}")
    try:
        yield
    except BaseException as err:
        if conn.in_transaction:
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
        if isinstance(err, sqlite3.OperationalError):
            raise StorageError(_explain_write_error(err)) from err
        raise
    conn.execute(f"RELEASE {name}")
