"""``reader check``: is a database file whole, and if not, how to get the articles back.

It never creates, migrates or repairs anything: it reads the file as it is (opening it the way
SQLite must to read a WAL database) and reports."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.errors import StorageError
from reader.storage.connection import newest_backup, recovery_advice
from reader.storage.sqlite import sqlite3

MAX_PROBLEMS = 5


@dataclass(frozen=True, slots=True)
class CheckReport:
    path: Path
    problems: tuple[str, ...]  # empty when the file is whole
    schema: int | None = None
    feeds: int | None = None
    articles: int | None = None
    backup: Path | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def advice(self) -> str:
        return recovery_advice(self.path)


def check_database(path: Path) -> CheckReport:
    """SQLite's own integrity check of every page and index, then the search index's check
    against the articles it indexes."""
    if not path.exists():
        raise StorageError(f"{path} does not exist: there is nothing to check")
    backup = newest_backup(path)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=30)
    except sqlite3.Error as err:
        raise StorageError(f"cannot open {path}: {err}") from err
    try:
        try:
            rows = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
        except sqlite3.DatabaseError as err:
            return CheckReport(path, (str(err),), backup=backup)
        if rows != ["ok"]:
            return CheckReport(path, tuple(rows[:MAX_PROBLEMS]), backup=backup)
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
        problems: list[str] = []
        if "articles_fts" in tables:
            try:
                conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as err:
                problems.append(f"the search index does not match the articles ({err})")
        counts = [
            int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            if table in tables
            else None
            for table in ("feeds", "articles")
        ]
        schema = int(conn.execute("PRAGMA user_version").fetchone()[0])
        return CheckReport(path, tuple(problems), schema, counts[0], counts[1], backup)
    except sqlite3.DatabaseError as err:
        return CheckReport(path, (str(err),), backup=backup)
    finally:
        conn.close()
