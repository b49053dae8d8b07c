"""Article rows: storing a feed's entries without ever touching what the user did, and reading
them back in keyset-paged lists.

User state (read, starred, tags) lives in columns and tables that the update path never writes:
a refetch inserts new entries and rewrites the content of changed ones, nothing else. An entry
that drops out of its feed is simply not mentioned, so it stays."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from reader.errors import ArticleNotFoundError
from reader.models import Article, ArticleFilter, ArticleSummary, PageCursor
from reader.storage.connection import (
    ConnectionPool,
    from_db_time,
    to_db_time,
    write_transaction,
)
from reader.storage.feeds import FeedStore, FetchSuccess
from reader.storage.sqlite import sqlite3
from reader.storage.tags import write_auto_tags

if TYPE_CHECKING:
    from reader.models import ArticleDraft

SUMMARY_COLUMNS = """
    a.id, a.feed_id, coalesce(f.user_title, nullif(f.title, ''), f.url), a.title, a.url,
    a.author, a.published, a.sort_time, a.read, a.starred,
    (SELECT group_concat(c.name, char(31)) FROM article_companies ac
       JOIN companies c ON c.id = ac.company_id
      WHERE ac.article_id = a.id AND ac.state = 'active')
"""

_INSERT = """
    INSERT INTO articles (id, feed_id, dedupe_key, url, title, author, published, updated,
        fetched_at, sort_time, summary_html, content_html, clean_text, content_hash,
        clean_version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""

_INDEX = "INSERT INTO articles_fts (rowid, title, clean_text) VALUES (?, ?, ?)"

_UPDATE_CONTENT = """
    UPDATE articles SET url = ?, title = ?, author = ?, published = coalesce(?, published),
        updated = ?, summary_html = ?, content_html = ?, content_hash = ?,
        -- text read from the article's page outlives changes to the feed item's summary
        clean_text = CASE WHEN id IN (SELECT article_id FROM article_pages WHERE html IS NOT NULL)
            THEN clean_text ELSE ? END,
        clean_version = CASE WHEN id IN (SELECT article_id FROM article_pages
            WHERE html IS NOT NULL) THEN clean_version ELSE ? END
    WHERE feed_id = ? AND dedupe_key = ?
"""


_TAGGED_WITH = """
    SELECT 1 FROM article_companies ac JOIN companies c ON c.id = ac.company_id
    LEFT JOIN company_aliases ca ON ca.company_id = c.id
    WHERE ac.article_id = {alias}.id AND ac.state = 'active'
      AND (c.name = ? COLLATE NOCASE OR ca.alias = ? COLLATE NOCASE)
"""


@dataclass(frozen=True, slots=True)
class UpdateCounts:
    """What storing one feed's drafts did, for its refresh outcome."""

    new: int
    updated: int
    new_ids: dict[str, int] = field(default_factory=dict)  # dedupe key -> id of new articles


def _companies(packed: str | None) -> tuple[str, ...]:
    return tuple(sorted(packed.split("\x1f"))) if packed else ()


def row_to_summary(row: Sequence) -> ArticleSummary:
    return ArticleSummary(
        id=row[0],
        feed_id=row[1],
        feed_title=row[2],
        title=row[3],
        url=row[4],
        author=row[5],
        published=from_db_time(row[6]),
        sort_time=from_db_time(row[7]) or datetime.min,
        read=bool(row[8]),
        starred=bool(row[9]),
        companies=_companies(row[10]),
    )


def filter_clause(
    article_filter: ArticleFilter, *, alias: str = "a"
) -> tuple[list[str], list[object]]:
    """SQL conditions for an ArticleFilter, shared by listings and search."""
    where: list[str] = []
    params: list[object] = []
    if article_filter.read is not None:
        where.append(f"{alias}.read = ?")
        params.append(int(article_filter.read))
    if article_filter.starred is not None:
        where.append(f"{alias}.starred = ?")
        params.append(int(article_filter.starred))
    if article_filter.feed_ids:
        marks = ",".join("?" * len(article_filter.feed_ids))
        where.append(f"{alias}.feed_id IN ({marks})")
        params.extend(article_filter.feed_ids)
    if article_filter.exclude_feed_ids:
        marks = ",".join("?" * len(article_filter.exclude_feed_ids))
        where.append(f"{alias}.feed_id NOT IN ({marks})")
        params.extend(article_filter.exclude_feed_ids)
    for company in article_filter.companies:
        where.append(f"EXISTS ({_TAGGED_WITH.format(alias=alias)})")
        params.extend([company, company])
    for company in article_filter.exclude_companies:
        where.append(f"NOT EXISTS ({_TAGGED_WITH.format(alias=alias)})")
        params.extend([company, company])
    if article_filter.since is not None:
        where.append(f"{alias}.sort_time >= ?")
        params.append(to_db_time(article_filter.since))
    if article_filter.until is not None:
        where.append(f"{alias}.sort_time < ?")
        params.append(to_db_time(article_filter.until))
    return where, params


class ArticleStore:
    def __init__(self, pool: ConnectionPool, feeds: FeedStore):
        self._pool = pool
        self._feeds = feeds

    def apply_update(
        self,
        feed_id: int,
        drafts: Iterable[ArticleDraft],
        fetch: FetchSuccess,
        now: datetime,
    ) -> UpdateCounts:
        """Store one feed's fetched entries and its new fetch state in one transaction."""
        conn = self._pool.get()
        with write_transaction(conn):
            return self.write_update(conn, feed_id, drafts, fetch, now)

    def write_update(
        self,
        conn: sqlite3.Connection,
        feed_id: int,
        drafts: Iterable[ArticleDraft],
        fetch: FetchSuccess,
        now: datetime,
        *,
        index_later: list[tuple[int, str, str]] | None = None,
    ) -> UpdateCounts:
        """``apply_update`` inside a transaction the caller holds. The articles and the feed's
        new ETag land together: a crash never leaves an ETag claiming articles we lack.

        With ``index_later`` the new articles' search-index rows are appended to it instead of
        indexed now, for the caller to index in the same transaction with ``index_articles``:
        FTS5 writes its pending terms out as a new segment at every savepoint, so indexing
        many feeds' articles in one statement after their savepoints costs half as much."""
        fetched_at = to_db_time(now)
        known = dict(
            conn.execute(
                "SELECT dedupe_key, content_hash FROM articles WHERE feed_id = ?", (feed_id,)
            ).fetchall()
        )
        new: list[ArticleDraft] = []
        numbered: list[tuple[int, ArticleDraft]] = []
        updates: list[tuple] = []
        for draft in drafts:
            stored_hash = known.get(draft.dedupe_key)
            if stored_hash is None:
                new.append(draft)
            elif stored_hash != draft.content_hash:
                updates.append(_update_params(feed_id, draft))
            known[draft.dedupe_key] = draft.content_hash
        if new:
            # The ids SQLite would pick (max + 1 onwards; we hold the write lock), given
            # explicitly so the index is fed from these values instead of reading the rows back.
            (last_id,) = conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()
            numbered = list(enumerate(new, last_id + 1))
            conn.executemany(
                _INSERT, [_insert_params(i, feed_id, d, now, fetched_at) for i, d in numbered]
            )
            rows = [(i, d.title, d.clean_text) for i, d in numbered]
            if index_later is None:
                index_articles(conn, rows)
            else:
                index_later.extend(rows)
        conn.executemany(_UPDATE_CONTENT, updates)
        self._feeds.write_success(conn, feed_id, fetch, now)
        write_auto_tags(conn, ((i, name) for i, d in numbered for name in d.companies), now)
        new_ids = {draft.dedupe_key: article_id for article_id, draft in numbered}
        return UpdateCounts(new=len(new), updated=len(updates), new_ids=new_ids)

    def get(self, article_id: int) -> Article:
        row = (
            self._pool.get()
            .execute(
                f"SELECT {SUMMARY_COLUMNS}, a.dedupe_key, a.updated, a.fetched_at,"
                " a.summary_html, a.content_html, a.clean_text, a.clean_version"
                " FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?",
                (article_id,),
            )
            .fetchone()
        )
        if row is None:
            raise ArticleNotFoundError(f"no article with id {article_id}")
        summary = row_to_summary(row)
        return Article(
            id=summary.id,
            feed_id=summary.feed_id,
            feed_title=summary.feed_title,
            dedupe_key=row[11],
            url=summary.url,
            title=summary.title,
            author=summary.author,
            published=summary.published,
            updated=from_db_time(row[12]),
            fetched_at=from_db_time(row[13]) or summary.sort_time,
            summary_html=row[14],
            content_html=row[15],
            clean_text=row[16],
            read=summary.read,
            starred=summary.starred,
            companies=summary.companies,
            clean_version=row[17],
        )

    def page(
        self,
        article_filter: ArticleFilter = ArticleFilter(),
        *,
        after: PageCursor | None = None,
        limit: int = 200,
        oldest_first: bool = False,
        offset: int = 0,
    ) -> list[ArticleSummary]:
        """One page of a newest-first listing. Keyset paging on (sort_time, id) costs the same
        for the first page and the thousandth, which OFFSET does not: ``offset`` is for a jump
        to an arbitrary row (a scrollbar drag), ``after`` for everything else."""
        where, params = filter_clause(article_filter)
        if after is not None:
            op = ">" if oldest_first else "<"
            where.append(f"(a.sort_time, a.id) {op} (?, ?)")
            params.extend([to_db_time(after.sort_time), after.article_id])
        order = f"ORDER BY a.sort_time {'ASC' if oldest_first else 'DESC'}, a.id"
        order += " ASC" if oldest_first else " DESC"
        condition = f"WHERE {' AND '.join(where)}" if where else ""
        if offset:
            # Skip rows in the index alone, then build only the rows wanted: building the
            # skipped ones too (feed title, tags) made a jump to row 50,000 take 0.2 s.
            condition = (
                f"WHERE a.id IN (SELECT a.id FROM articles a {condition} {order} LIMIT ? OFFSET ?)"
            )
            params.extend([limit, offset])
        sql = (
            f"SELECT {SUMMARY_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id"
            f" {condition} {order} LIMIT ?"
        )
        rows = self._pool.get().execute(sql, (*params, limit))
        return [row_to_summary(row) for row in rows]

    def position(self, article_filter: ArticleFilter, article_id: int) -> int | None:
        """Where an article stands in the newest-first listing (0 is the newest), or None when
        the listing does not hold it."""
        where, params = filter_clause(article_filter)
        found = (
            self._pool.get()
            .execute(
                f"SELECT sort_time FROM articles a WHERE {' AND '.join([*where, 'a.id = ?'])}",
                (*params, article_id),
            )
            .fetchone()
        )
        if found is None:
            return None
        where.append("(a.sort_time, a.id) > (?, ?)")
        sql = "SELECT count(*) FROM articles a WHERE " + " AND ".join(where)
        return int(self._pool.get().execute(sql, (*params, found[0], article_id)).fetchone()[0])

    def count(self, article_filter: ArticleFilter = ArticleFilter()) -> int:
        where, params = filter_clause(article_filter)
        sql = "SELECT count(*) FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
        return int(self._pool.get().execute(sql, params).fetchone()[0])

    def set_read(self, article_ids: Iterable[int], read: bool) -> int:
        return self._set_flag("read", article_ids, read)

    def set_starred(self, article_ids: Iterable[int], starred: bool) -> int:
        return self._set_flag("starred", article_ids, starred)

    def mark_all_read(self, article_filter: ArticleFilter) -> int:
        where, params = filter_clause(article_filter)
        where.append("a.read = 0")
        conn = self._pool.get()
        with write_transaction(conn):
            cursor = conn.execute(
                f"UPDATE articles SET read = 1 WHERE id IN"
                f" (SELECT a.id FROM articles a WHERE {' AND '.join(where)})",
                params,
            )
        return cursor.rowcount

    def existing_ids(self, article_ids: Iterable[int]) -> set[int]:
        ids = list(article_ids)
        if not ids:
            return set()
        marks = ",".join("?" * len(ids))
        rows = self._pool.get().execute(f"SELECT id FROM articles WHERE id IN ({marks})", ids)
        return {row[0] for row in rows}

    def _set_flag(self, column: str, article_ids: Iterable[int], value: bool) -> int:
        ids = list(article_ids)
        missing = set(ids) - self.existing_ids(ids)
        if missing:
            raise ArticleNotFoundError(
                f"no article with id {', '.join(str(i) for i in sorted(missing))}"
            )
        conn = self._pool.get()
        with write_transaction(conn):
            conn.executemany(
                f"UPDATE articles SET {column} = ? WHERE id = ?", [(int(value), i) for i in ids]
            )
        return len(ids)


def index_articles(conn: sqlite3.Connection, rows: Iterable[tuple[int, str, str]]) -> None:
    """Add new articles (id, title, clean text) to the search index."""
    conn.executemany(_INDEX, rows)


def _insert_params(
    article_id: int, feed_id: int, draft: ArticleDraft, now: datetime, fetched_at: str | None
) -> tuple:
    published = draft.published or draft.updated
    sort_time = min(published, now) if published else now
    return (
        article_id,
        feed_id,
        draft.dedupe_key,
        draft.url,
        draft.title,
        draft.author,
        to_db_time(draft.published),
        to_db_time(draft.updated),
        fetched_at,
        to_db_time(sort_time),
        draft.summary_html,
        draft.content_html,
        draft.clean_text,
        draft.content_hash,
        draft.clean_version,
    )


def _update_params(feed_id: int, draft: ArticleDraft) -> tuple:
    return (
        draft.url,
        draft.title,
        draft.author,
        to_db_time(draft.published),
        to_db_time(draft.updated),
        draft.summary_html,
        draft.content_html,
        draft.content_hash,
        draft.clean_text,
        draft.clean_version,
        feed_id,
        draft.dedupe_key,
    )
