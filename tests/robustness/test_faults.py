"""Faults and concurrency with real processes, real files and real signals: kill -9 during a
migration and during bulk tagging, the app and a cron ``reader fetch`` on one database, two
fetches at once, a read-only database, a full disk, and damaged database files.

(kill -9 during ``reader fetch`` is in tests/test_crash_safety.py.)"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest

from reader.cli import main
from reader.storage import SCHEMA_VERSION, FetchSuccess, Storage
from reader.storage.connection import open_connection
from reader.storage.schema import migrate
from tests.conftest import article_draft

OLD_SCHEMA = 2  # feeds, articles and tags exist; unread indexes, page and app-state tables not
OLD_ARTICLES = 30_000
OLD_FEEDS = 20
WORDS = "Honda Nissan Toyota electric battery market sales quarter profit plant recall dealer"
WORDS += " engine hybrid factory"
CORRUPT_MESSAGE = "is not a readable reader database"


# -- helpers -----------------------------------------------------------------------------------


def reader(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "reader", "--db", str(db), *args]


def run(db: Path, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        reader(db, *args),
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,  # type: ignore[arg-type]
    )


def rows(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def execute(db: Path, sql: str) -> None:
    conn = sqlite3.connect(db, timeout=30)
    try:
        with conn:
            conn.execute(sql)
    finally:
        conn.close()


def count(db: Path, sql: str) -> int:
    return int(rows(db, sql)[0][0])


def version(db: Path) -> int:
    return count(db, "PRAGMA user_version")


def assert_whole(db: Path) -> None:
    """SQLite's check of every page and index, and the search index against its articles."""
    conn = sqlite3.connect(db, timeout=30)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], db
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    finally:
        conn.close()


def user_state(db: Path) -> dict[str, set]:
    """Everything the user did: read and starred articles, tags set by hand, tags removed."""
    return {
        "read": set(rows(db, "SELECT id FROM articles WHERE read = 1")),
        "starred": set(rows(db, "SELECT id FROM articles WHERE starred = 1")),
        "tags": set(
            rows(
                db,
                "SELECT ac.article_id, c.name, ac.source, ac.state FROM article_companies ac"
                " JOIN companies c ON c.id = ac.company_id"
                " WHERE ac.source = 'manual' OR ac.state = 'rejected'",
            )
        ),
    }


def auto_tagged(db: Path) -> list[int]:
    return [
        article_id
        for (article_id,) in rows(
            db,
            "SELECT article_id FROM article_companies"
            " WHERE source = 'auto' AND state = 'active' ORDER BY article_id",
        )
    ]


def wait_for(sign: Callable[[], bool], proc: subprocess.Popen, what: str) -> None:
    """Poll (not sleep) until the process shows ``sign``; it must still be running."""
    deadline = time.monotonic() + 60
    while not sign():
        assert proc.poll() is None, f"the process ended before {what}"
        assert time.monotonic() < deadline, f"no sign of {what} in 60 s"
        time.sleep(0.002)


def kill(proc: subprocess.Popen, what: str) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, f"{what}: the process finished before the kill"


def write_opml(path: Path, urls: list[str]) -> Path:
    outlines = "".join(f'<outline type="rss" text="f" xmlUrl={quoteattr(u)}/>' for u in urls)
    path.write_text(f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>')
    return path


def subscribe(db: Path, opml: Path) -> None:
    result = run(db, "import-opml", str(opml))
    assert result.returncode == 0, result.stderr


def feed_articles(db: Path) -> list[tuple[str, str, int]]:
    """(url, last status, stored articles) of every feed."""
    return rows(
        db,
        "SELECT f.url, f.last_status, count(a.id) FROM feeds f"
        " LEFT JOIN articles a ON a.feed_id = f.id GROUP BY f.id ORDER BY f.id",
    )


def assert_clear_failure(result: subprocess.CompletedProcess[str], *words: str) -> None:
    """Exit code 1 and one line on stderr that says what happened: never a traceback."""
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.startswith("reader: "), result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


# -- an old database, big enough that migrating it takes a measurable time ---------------------


def build_old_database(path: Path) -> None:
    """A schema-2 database as an older reader left it, with read, starred, hand-set and removed
    tags. Rows go in with SQL (the reader of that day is gone); the search index is filled in
    one statement, as its trigger would have, so FTS integrity holds."""
    conn = open_connection(path)
    migrate(conn, path, target=OLD_SCHEMA)
    words = WORDS.split()
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO feeds (url, title, added_at) VALUES (?, ?, '2024-01-01 00:00:00')",
        [(f"http://127.0.0.1:9/feed-{n}.xml", f"Feed {n}") for n in range(OLD_FEEDS)],
    )
    padding = "<p>" + "lorem ipsum dolor " * 80 + "</p>"
    conn.execute("DROP TRIGGER articles_fts_insert")
    conn.executemany(
        "INSERT INTO articles (id, feed_id, dedupe_key, title, fetched_at, sort_time,"
        " content_html, clean_text, content_hash, read, starred)"
        " VALUES (?, ?, ?, ?, '2024-01-01 00:00:00', ?, ?, ?, ?, ?, ?)",
        [
            (
                n,
                1 + n % OLD_FEEDS,
                f"guid:{n}",
                f"Article {n}",
                f"2024-01-{1 + n % 28:02d} 00:00:00",
                padding,
                " ".join(words[(n * 7 + k * 3) % len(words)] for k in range(12)),
                f"hash-{n}",
                int(n % 3 == 0),
                int(n % 7 == 0),
            )
            for n in range(1, OLD_ARTICLES + 1)
        ],
    )
    conn.execute(
        "INSERT INTO articles_fts (rowid, title, clean_text) SELECT id, title, clean_text"
        " FROM articles"
    )
    conn.execute(
        "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
        " INSERT INTO articles_fts (rowid, title, clean_text)"
        " VALUES (new.id, new.title, new.clean_text); END"
    )
    conn.executemany(
        "INSERT INTO companies (id, name, created_at) VALUES (?, ?, '2024-01-01 00:00:00')",
        [(1, "Honda"), (2, "Toyota")],
    )
    conn.executemany(
        "INSERT INTO article_companies VALUES (?, ?, 'manual', ?, '2024-01-01 00:00:00')",
        [(n, 2, "active") for n in range(11, OLD_ARTICLES, 11)]
        # Honda taken off by hand: detection must never put it back.
        + [(n, 1, "rejected") for n in range(3, OLD_ARTICLES, 39)],
    )
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


@pytest.fixture(scope="module")
def old_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("old") / "old.db"
    build_old_database(path)
    return path


@pytest.fixture(scope="module")
def current_database(old_database: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The old database, migrated by a real ``reader`` run."""
    path = tmp_path_factory.mktemp("current") / "current.db"
    shutil.copy(old_database, path)
    result = run(path, "feeds")
    assert result.returncode == 0, result.stderr
    rows(path, "PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def backups(db: Path) -> list[Path]:
    return sorted(
        p for p in db.parent.glob(f"{db.name}.bak-v*") if p.name.split("-v")[-1].isdigit()
    )


def assert_backup_whole(backup: Path, scratch: Path, expected: dict[str, set]) -> None:
    """A backup as a user would restore it: the file alone, no journal beside it."""
    alone = scratch / f"restored-{backup.name}"
    shutil.copy(backup, alone)
    assert_whole(alone)
    assert version(alone) == int(backup.name.split("-v")[-1])
    assert count(alone, "SELECT count(*) FROM articles") == OLD_ARTICLES
    assert user_state(alone) == expected
    alone.unlink()


# -- kill -9 during a migration ----------------------------------------------------------------


@pytest.mark.slow
def test_kill_during_migration_keeps_database_and_backup_whole_and_next_run_finishes(
    old_database: Path, tmp_path: Path
) -> None:
    """Each step of a migration is one transaction and the backup is renamed into place only
    when complete: killed at any moment, the database is at some whole schema version with
    everything the user did, any backup file is a whole database, and the next run goes on."""
    db = tmp_path / "reader.db"
    shutil.copy(old_database, db)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    before = user_state(db)
    assert before["read"]
    assert before["starred"]
    assert before["tags"]
    kill_points: list[tuple[str, Callable[[], bool]]] = [
        ("the backup being written", lambda: any(db.parent.glob(f"{db.name}.bak-v*"))),
        ("schema 3 committed", lambda: version(db) >= 3),
        ("schema 6 committed", lambda: version(db) >= 6),
    ]
    landed: list[int] = []
    for what, sign in kill_points:
        proc = subprocess.Popen(
            reader(db, "feeds"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        wait_for(sign, proc, what)
        kill(proc, what)
        landed.append(version(db))
        assert_whole(db)
        assert user_state(db) == before, f"killed at {what}"
        for backup in backups(db):
            assert_backup_whole(backup, scratch, before)
    assert landed == sorted(landed), "a migration never goes back"
    assert any(OLD_SCHEMA < v < SCHEMA_VERSION for v in landed), f"no kill mid-way: {landed}"

    finished = run(db, "feeds")
    assert finished.returncode == 0, finished.stderr
    assert version(db) == SCHEMA_VERSION
    assert_whole(db)
    assert user_state(db) == before
    assert count(db, "SELECT count(*) FROM articles") == OLD_ARTICLES
    assert (tmp_path / f"reader.db.bak-v{OLD_SCHEMA}").exists()
    for backup in backups(db):
        assert_backup_whole(backup, scratch, before)
    assert not list(tmp_path.glob("*.partial*")), "no half-made backup is left behind"


# -- kill -9 during bulk tagging ---------------------------------------------------------------


@pytest.mark.slow
def test_kill_during_watch_and_retag_keeps_whole_batches_and_every_tag_the_user_set(
    current_database: Path, tmp_path: Path
) -> None:
    """Tagging stored articles commits a batch at a time, in id order: after a kill the tags
    added are exactly those of the first batches, the user's own tags and removals are all
    there, and ``reader retag`` completes the job without reviving a removed tag."""
    db = tmp_path / "reader.db"
    shutil.copy(current_database, db)
    before = user_state(db)
    assert auto_tagged(db) == []

    partial: list[list[int]] = []
    for command in (("watch", "Honda"), ("retag",)):
        already = len(partial[-1]) if partial else 0
        proc = subprocess.Popen(
            reader(db, *command), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        wait_for(lambda already=already: len(auto_tagged(db)) > already, proc, f"{command} tagging")
        kill(proc, " ".join(command))
        assert_whole(db)
        assert user_state(db) == before
        partial.append(auto_tagged(db))
    assert rows(db, "SELECT watched FROM companies WHERE name = 'Honda'") == [(1,)]

    finished = run(db, "retag")
    assert finished.returncode == 0, finished.stderr
    complete = auto_tagged(db)
    added = len(complete) - len(partial[-1])
    assert f"{added} tag(s) added" in finished.stdout
    for tagged in partial:
        assert 0 < len(tagged) < len(complete), "killed mid-way"
        assert tagged == complete[: len(tagged)], "only whole batches, in id order"
    assert_whole(db)
    assert user_state(db) == before, "removed Honda tags stay removed"
    rejected = {article for article, company, _, _ in before["tags"] if company == "Honda"}
    assert rejected
    assert not rejected & set(complete)
    mentions = count(db, "SELECT count(*) FROM articles WHERE clean_text LIKE '%Honda%'")
    assert len(complete) == mentions - len(rejected)


# -- the app and a cron fetch on one database; two fetches at once -----------------------------


def gen_urls(feedserver: str, first: int, feeds: int, entries: int) -> list[str]:
    return [f"{feedserver}/_gen/{n}.xml?entries={entries}" for n in range(first, first + feeds)]


@pytest.mark.slow
async def test_app_and_a_cron_fetch_share_the_database_without_errors_or_lost_actions(
    tmp_path: Path, feedserver: str
) -> None:
    """The app marks, stars and tags (through its worker threads) while a ``reader fetch``
    process writes thousands of articles to the same file: the busy timeout makes each wait
    its turn, so no "database is locked" reaches the user and nothing either did is lost."""
    from reader.app import ReaderApp
    from reader.config import Settings
    from reader.library import Library
    from reader.screens.tagging import TagModal
    from tests.ui.conftest import WIDE, main, settle

    db = tmp_path / "reader.db"
    subscribe(db, write_opml(tmp_path / "first.opml", gen_urls(feedserver, 0, 4, 30)))
    first = run(db, "fetch", "-q", "--no-pages")
    assert first.returncode == 0, first.stdout + first.stderr
    stored = count(db, "SELECT count(*) FROM articles")
    assert stored == 4 * 30
    cron_urls = gen_urls(feedserver, 300, 12, 100)
    subscribe(db, write_opml(tmp_path / "cron.opml", cron_urls))

    library = Library.open(Settings(db_path=db))
    app = ReaderApp(library, open_link=lambda url: None)
    read: set[int] = set()
    starred: set[int] = set()
    tagged: dict[int, str] = {}
    cron = subprocess.Popen(
        reader(db, "fetch", "-q", "--no-pages"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        async with app.run_test(size=WIDE) as pilot:
            await settle(pilot)
            screen = main(app)
            deadline = time.monotonic() + 60
            while count(db, "SELECT count(*) FROM articles") < stored + 200:
                assert cron.poll() is None, "the fetch ended before the app did anything"
                assert time.monotonic() < deadline
                await pilot.pause(0.02)
            during = count(db, "SELECT count(*) FROM articles")
            for row in range(8):
                current = screen.articles.current
                assert current is not None
                if row % 4 == 3:
                    suggestions = library.suggestions(current.id)
                    assert suggestions, "generated articles name companies"
                    await pilot.press("t")
                    await settle(pilot)
                    assert isinstance(app.screen, TagModal)
                    await pilot.press("1")
                    tagged[current.id] = suggestions[0].name
                else:
                    await pilot.press("m", "s")
                    read.add(current.id)
                    starred.add(current.id)
                await settle(pilot)
                await pilot.press("j")
            await settle(pilot)
            errors = [n for n in app._notifications if n.severity == "error"]
            assert errors == [], [str(n.message) for n in errors]
        out, err = cron.communicate(timeout=120)
    finally:
        if cron.poll() is None:
            cron.kill()
        library.close()
    assert cron.returncode == 0, out + err
    assert "locked" not in out + err
    assert during < len(cron_urls) * 100 + stored, "the fetch was still writing as the app did"
    assert count(db, "SELECT count(*) FROM articles") == stored + len(cron_urls) * 100
    for article_id in read:
        assert rows(db, f"SELECT read, starred FROM articles WHERE id = {article_id}") == [(1, 1)]
    for article_id, company in tagged.items():
        assert rows(
            db,
            "SELECT ac.source, ac.state FROM article_companies ac JOIN companies c"
            f" ON c.id = ac.company_id WHERE ac.article_id = {article_id}"
            f" AND c.name = '{company}'",
        ) == [("manual", "active")]
    assert read
    assert tagged
    assert starred == read
    assert_whole(db)


@pytest.mark.slow
def test_two_fetches_at_once_both_succeed_and_store_every_article_once(
    tmp_path: Path, feedserver: str
) -> None:
    """Two cron jobs overlapping: the second writer waits for the first (busy timeout), both
    exit 0, and each article is stored once."""
    db = tmp_path / "reader.db"
    urls = gen_urls(feedserver, 500, 10, 60)
    subscribe(db, write_opml(tmp_path / "feeds.opml", urls))
    fetches = [
        subprocess.Popen(
            reader(db, "fetch", "-q", "--no-pages", "--force"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [proc.communicate(timeout=120) for proc in fetches]
    for proc, (out, err) in zip(fetches, outputs, strict=True):
        assert proc.returncode == 0, out + err
        assert "locked" not in out + err
    assert count(db, "SELECT count(*) FROM articles") == len(urls) * 60
    assert {(status, n) for _, status, n in feed_articles(db)} == {("ok", 60)}
    assert_whole(db)


# -- a read-only database ----------------------------------------------------------------------

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


def small_database(path: Path, articles: int = 5) -> Path:
    """A current database with one feed (on a closed local port) and a few articles."""
    with Storage(path) as storage:
        feed = storage.feeds.add("http://127.0.0.1:9/feed.xml", title="Local")
        drafts = [
            article_draft(
                n,
                text=f"Honda and Nissan {WORDS}",
                url=f"http://127.0.0.1:9/{n}",
                title=f"Honda and Nissan news {n}",
                published=NOW - timedelta(hours=n),
            )
            for n in range(articles)
        ]
        storage.articles.apply_update(feed.id, drafts, FetchSuccess(), NOW)
        storage.pool.get().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def _without_root_file_access() -> None:
    """Root passes every permission check through CAP_DAC_OVERRIDE: dropping it (and
    CAP_DAC_READ_SEARCH) from the bounding set before exec leaves the new process with
    neither, so the kernel applies the file's mode bits to it as to any user."""
    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop, cap_dac_override, cap_dac_read_search = 24, 1, 2
    for cap in (cap_dac_override, cap_dac_read_search):
        if libc.prctl(pr_capbset_drop, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def run_unprivileged(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    preexec = _without_root_file_access if os.geteuid() == 0 else None
    return subprocess.run(
        reader(db, *args), capture_output=True, text=True, timeout=60, preexec_fn=preexec
    )


def digest(paths: list[Path]) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths if p.exists()}


WRITES = [
    ("mark-read", "1"),
    ("star", "2"),
    ("tag", "3", "Toyota"),
    ("watch", "Honda"),
    ("rename", "1", "Renamed"),
    ("remove", "-y", "1"),
    ("add", "--no-fetch", "http://127.0.0.1:9/other.xml"),
    ("fetch", "-q"),
]


@pytest.mark.slow
def test_read_only_database_refuses_every_write_clearly_and_changes_nothing(
    tmp_path: Path,
) -> None:
    """A database file without write permission (its folder writable): reading still works,
    and every command that would write says the database is read-only and what to do, exits 1,
    and leaves the file as it was. A read-only folder as well: a clear message on open."""
    db = small_database(tmp_path / "reader.db")
    run_unprivileged(db, "feeds")  # lets SQLite make its -wal and -shm files
    db.chmod(0o444)
    files = [db, *tmp_path.glob("reader.db-*")]
    before = digest(files)
    probe = run_unprivileged(db, "list")
    assert probe.returncode == 0, probe.stderr
    assert "Honda and Nissan news 0" in probe.stdout
    for command in WRITES:
        result = run_unprivileged(db, *command)
        assert_clear_failure(result, "read-only", "writable")
        assert digest(files) == before, f"{command} changed the file"
    assert count(db, "SELECT count(*) FROM articles WHERE read = 1 OR starred = 1") == 0

    locked_folder = tmp_path / "locked"
    locked_folder.mkdir()
    locked = small_database(locked_folder / "reader.db")
    locked.chmod(0o444)
    locked_folder.chmod(0o555)
    try:
        for command in (("list",), ("mark-read", "1")):
            result = run_unprivileged(locked, *command)
            assert_clear_failure(result, "read-only", "writable")
        assert sorted(p.name for p in locked_folder.iterdir()) == ["reader.db"]
    finally:
        locked_folder.chmod(0o755)


def test_read_only_old_database_is_not_half_migrated(old_database: Path, tmp_path: Path) -> None:
    """An upgrade that cannot write stops cleanly: the database stays at its old version, whole,
    and the message says it is read-only."""
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "reader.db"
    conn = open_connection(db)
    migrate(conn, db, target=OLD_SCHEMA)
    conn.close()
    db.chmod(0o444)
    folder.chmod(0o555)
    try:
        result = run_unprivileged(db, "feeds")
    finally:
        folder.chmod(0o755)
    assert_clear_failure(result, "read-only")
    assert version(db) == OLD_SCHEMA


# -- a full disk -------------------------------------------------------------------------------


WHOLE_OR_UNTOUCHED = {("ok", 40), ("not-modified", 40), ("never", 0)}


@contextlib.contextmanager
def small_filesystem(path: Path, size: str) -> Iterator[Path]:
    """A real tmpfs of ``size``: writes past it fail with ENOSPC, as on a full disk."""
    path.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(path)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here (needs root): {mounted.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


@pytest.mark.slow
def test_full_disk_during_fetch_says_so_and_leaves_each_feed_whole_or_untouched(
    tmp_path: Path, feedserver: str
) -> None:
    """The disk fills during a refresh: the user is told the disk is full and to free space
    (exit 1, no traceback, no "internal error"), every feed has either all of its articles
    or none and its old status, what was read stays read, and once there is room the next
    fetch completes."""
    with small_filesystem(tmp_path / "small", "3m") as mount:
        db = mount / "reader.db"
        urls = [f"{u}&words=200" for u in gen_urls(feedserver, 700, 30, 40)]
        subscribe(db, write_opml(tmp_path / "first.opml", urls[:2]))
        first = run(db, "fetch", "-q", "--no-pages")
        assert first.returncode == 0, first.stdout + first.stderr
        execute(db, "UPDATE articles SET read = 1 WHERE id % 2 = 0")
        read_before = count(db, "SELECT count(*) FROM articles WHERE read = 1")
        subscribe(db, write_opml(tmp_path / "all.opml", urls))

        full = run(db, "fetch", "-q", "--no-pages")
        assert full.returncode == 1, full.stdout + full.stderr
        report = full.stdout + full.stderr
        for words in ("the disk is full", "free some space"):
            assert words in report, report
        for words in ("Traceback", "internal error"):
            assert words not in report, report
        per_feed = feed_articles(db)
        assert any(n == 0 for _, _, n in per_feed), "the disk never filled"
        for url, status, n in per_feed:
            assert (status, n) in WHOLE_OR_UNTOUCHED, (url, status, n)
        assert_whole(db)
        assert count(db, "SELECT count(*) FROM articles WHERE read = 1") == read_before

        subprocess.run(["mount", "-o", "remount,size=64m", str(mount)], check=True)
        again = run(db, "fetch", "-q", "--no-pages")
        assert again.returncode == 0, again.stdout + again.stderr
        assert {n for _, _, n in feed_articles(db)} == {40}
        assert {status for _, status, _ in feed_articles(db)} <= {"ok", "not-modified"}
        assert count(db, "SELECT count(*) FROM articles WHERE read = 1") == read_before
        assert_whole(db)


def fill(mount: Path) -> Path:
    """Take every free byte of ``mount``."""
    filler = mount / "filler"
    with filler.open("wb") as handle, contextlib.suppress(OSError):
        while True:
            handle.write(b"\0" * 65536)
            handle.flush()
    return filler


@pytest.mark.slow
async def test_a_full_disk_in_the_app_is_a_notification_and_the_app_goes_on(
    tmp_path: Path, feedserver: str
) -> None:
    """Starring on a full disk: the app says the disk is full and keeps running (it used to
    end with a traceback from the worker), and the same key works once there is room."""
    from reader.app import ReaderApp
    from reader.config import Settings
    from reader.library import Library
    from tests.ui.conftest import WIDE, main, settle

    with small_filesystem(tmp_path / "small", "4m") as mount:
        db = mount / "reader.db"
        subscribe(db, write_opml(tmp_path / "feeds.opml", gen_urls(feedserver, 800, 2, 20)))
        assert run(db, "fetch", "-q", "--no-pages").returncode == 0
        library = Library.open(Settings(db_path=db))
        app = ReaderApp(library, open_link=lambda url: None)
        try:
            async with app.run_test(size=WIDE) as pilot:
                await settle(pilot)
                screen = main(app)
                filler = fill(mount)
                await pilot.press("s", "j", "s", "j", "s")
                await settle(pilot)
                errors = [str(n.message) for n in app._notifications if n.severity == "error"]
                assert errors, "no notification for a write that failed"
                assert all("the disk is full" in error for error in errors), errors
                assert app.is_running

                filler.unlink()
                current = screen.articles.current
                assert current is not None
                await pilot.press("s")
                await settle(pilot)
        finally:
            library.close()
        assert rows(db, f"SELECT starred FROM articles WHERE id = {current.id}") == [(1,)]
        assert_whole(db)


# -- damaged database files --------------------------------------------------------------------


def truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def garbage_in_the_middle(data: bytes) -> bytes:
    """Pages past the schema overwritten: the file opens, queries on those pages fail."""
    page = 4096
    start = (len(data) // page // 3) * page
    return data[:start] + bytes(range(256)) * (page * 8 // 256) + data[start + page * 8 :]


def not_sqlite(data: bytes) -> bytes:
    return b"id,title\n1,not a database\n" * 400


def garbage_over_the_schema_page(data: bytes) -> bytes:
    return data[:100] + b"\xa5" * (4096 - 100) + data[4096:]


DAMAGE = [truncated, garbage_in_the_middle, not_sqlite, garbage_over_the_schema_page]

COMMANDS = [
    ("list",),
    ("feeds",),
    ("search", "honda"),
    ("show", "1"),
    ("mark-read", "1"),
    ("mark-unread", "1"),
    ("star", "1"),
    ("unstar", "1"),
    ("tag", "1", "Honda"),
    ("untag", "1", "Honda"),
    ("watch", "Honda"),
    ("unwatch", "Honda"),
    ("retag",),
    ("companies",),
    ("company", "add", "Acme"),
    ("rename", "1", "X"),
    ("move", "1", "Folder"),
    ("full-text", "1"),
    ("remove", "-y", "1"),
    ("fetch", "-q"),
    ("export-opml",),
    ("reclean",),
    ("add", "--no-fetch", "http://127.0.0.1:9/new.xml"),
    ("check",),
]


@pytest.fixture(scope="module")
def healthy_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough articles that the file has pages well past its schema."""
    return small_database(tmp_path_factory.mktemp("healthy") / "reader.db", articles=400)


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda damage: damage.__name__)
def test_damaged_database_gives_every_command_a_clear_message_never_a_traceback(
    damage: Callable[[bytes], bytes],
    healthy_database: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Every command that touches the database, on a damaged file: either it never needs the
    damaged pages and works, or it exits 1 saying the file is damaged and how to recover (the
    backup by name, ``sqlite3 .recover``). An uncaught exception would fail the test."""
    db = tmp_path / "reader.db"
    db.write_bytes(damage(healthy_database.read_bytes()))
    backup = tmp_path / "reader.db.bak-v7"
    shutil.copy(healthy_database, backup)
    failed = 0
    for command in COMMANDS:
        code = main(["--db", str(db), *command])
        err = capsys.readouterr().err
        if code == 0 and command != ("check",):
            continue
        if command[0] == "fetch" and code == 1 and not err:
            continue  # the feed's own failure (its port is closed), reported on stdout
        failed += 1
        assert code == 1, (command, err)
        assert err.startswith("reader: "), (command, err)
        assert err.count("\n") == 1, (command, err)
        for words in ("damaged", f"mv {backup} {db}", ".recover"):
            assert words in err, (command, err)
    assert failed >= (len(COMMANDS) if damage is not garbage_in_the_middle else 3)
    if damage is not garbage_in_the_middle:  # there, writes to whole pages may succeed
        assert db.read_bytes() == damage(healthy_database.read_bytes()), "nothing was rewritten"


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda damage: damage.__name__)
def test_damaged_database_gives_the_real_command_one_clear_line(
    damage: Callable[[bytes], bytes], healthy_database: Path, tmp_path: Path
) -> None:
    """The same through ``python -m reader``: exit code 1 and one line on stderr."""
    db = tmp_path / "reader.db"
    db.write_bytes(damage(healthy_database.read_bytes()))
    result = run(db, "check")
    assert_clear_failure(result, "damaged", ".recover", "no backup")
    assert result.stderr.count("\n") == 1


def test_check_reports_a_whole_database_and_names_the_newest_backup(
    healthy_database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "reader.db"
    shutil.copy(healthy_database, db)
    older, newer = tmp_path / "reader.db.bak-v5", tmp_path / "reader.db.bak-v7"
    for backup, age in ((older, 100), (newer, 10)):
        shutil.copy(healthy_database, backup)
        os.utime(backup, (time.time() - age, time.time() - age))
    assert main(["--db", str(db), "check"]) == 0
    out = capsys.readouterr().out
    assert f"schema {SCHEMA_VERSION}, 1 feeds, 400 articles" in out
    assert f"newest backup: {newer}" in out


def test_zero_length_file_is_a_new_empty_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """SQLite defines an empty file as an empty database (it is what ``touch`` makes): the
    reader initialises it rather than calling it damaged."""
    db = tmp_path / "reader.db"
    db.write_bytes(b"")
    assert main(["--db", str(db), "feeds"]) == 0
    assert "no feeds yet" in capsys.readouterr().out
    assert version(db) == SCHEMA_VERSION
    assert main(["--db", str(db), "check"]) == 0
