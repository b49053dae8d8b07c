"""Companies and the company tags on articles.

A tag is manual or automatic, active or rejected. Removing a tag does not delete it: it becomes
'rejected', which is what keeps automatic detection from adding it back on the next refetch."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from reader.errors import ArticleNotFoundError, ReaderError
from reader.models import Company, CompanyTag, TagSource, TagState
from reader.storage.connection import ConnectionPool, to_db_time, utc_now, write_transaction


class CompanyNotFoundError(ReaderError):
    """No company or alias has that name."""


class TagStore:
    def __init__(self, pool: ConnectionPool):
        self._pool = pool

    def ensure_company(self, name: str, aliases: Iterable[str] = ()) -> Company:
        conn = self._pool.get()
        with write_transaction(conn):
            company_id = self._company_id(conn, name)
            if company_id is None:
                cursor = conn.execute(
                    "INSERT INTO companies (name, created_at) VALUES (?, ?)",
                    (name, to_db_time(utc_now())),
                )
                company_id = int(cursor.lastrowid or 0)
            conn.executemany(
                "INSERT OR IGNORE INTO company_aliases (company_id, alias) VALUES (?, ?)",
                [(company_id, alias) for alias in aliases if alias.strip()],
            )
        return self.company(name)

    def company(self, name: str) -> Company:
        conn = self._pool.get()
        company_id = self._company_id(conn, name)
        if company_id is None:
            raise CompanyNotFoundError(f"no company named {name!r}")
        row = conn.execute(
            "SELECT id, name, watched FROM companies WHERE id = ?", (company_id,)
        ).fetchone()
        aliases = tuple(
            alias
            for (alias,) in conn.execute(
                "SELECT alias FROM company_aliases WHERE company_id = ? ORDER BY alias",
                (company_id,),
            )
        )
        return Company(id=row[0], name=row[1], aliases=aliases, watched=bool(row[2]))

    def tag(self, article_id: int, company: str, source: TagSource = TagSource.MANUAL) -> None:
        """Tag an article. A manual tag overrides an earlier rejection; an automatic one never
        does, and never downgrades a manual tag."""
        company_id = self.ensure_company(company).id
        conn = self._pool.get()
        with write_transaction(conn):
            self._require_article(conn, article_id)
            if source is TagSource.MANUAL:
                conn.execute(
                    "INSERT INTO article_companies VALUES (?, ?, 'manual', 'active', ?)"
                    " ON CONFLICT (article_id, company_id)"
                    " DO UPDATE SET source = 'manual', state = 'active'",
                    (article_id, company_id, to_db_time(utc_now())),
                )
            else:
                conn.execute(
                    "INSERT OR IGNORE INTO article_companies VALUES (?, ?, 'auto', 'active', ?)",
                    (article_id, company_id, to_db_time(utc_now())),
                )

    def untag(self, article_id: int, company: str) -> bool:
        """Returns False when the article had no such tag."""
        conn = self._pool.get()
        company_id = self._company_id(conn, company)
        if company_id is None:
            return False
        with write_transaction(conn):
            cursor = conn.execute(
                "UPDATE article_companies SET state = 'rejected'"
                " WHERE article_id = ? AND company_id = ? AND state = 'active'",
                (article_id, company_id),
            )
        return cursor.rowcount > 0

    def tags_for(self, article_id: int) -> list[CompanyTag]:
        rows = self._pool.get().execute(
            "SELECT ac.article_id, c.name, ac.source, ac.state FROM article_companies ac"
            " JOIN companies c ON c.id = ac.company_id WHERE ac.article_id = ? ORDER BY c.name",
            (article_id,),
        )
        return [
            CompanyTag(
                article_id=row[0], company=row[1], source=TagSource(row[2]), state=TagState(row[3])
            )
            for row in rows
        ]

    @staticmethod
    def _company_id(conn: sqlite3.Connection, name: str) -> int | None:
        row = conn.execute(
            "SELECT id FROM companies WHERE name = ? COLLATE NOCASE"
            " UNION ALL SELECT company_id FROM company_aliases WHERE alias = ? COLLATE NOCASE"
            " LIMIT 1",
            (name, name),
        ).fetchone()
        return int(row[0]) if row else None

    @staticmethod
    def _require_article(conn: sqlite3.Connection, article_id: int) -> None:
        if not conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
            raise ArticleNotFoundError(f"no article with id {article_id}")
