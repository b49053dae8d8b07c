"""kill -9 in the middle of a refresh: the database stays consistent and nothing stored is lost."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

FEEDS_BEFORE = 20
FEEDS_DURING = 120
ENTRIES = 50


def reader(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "reader", "--db", str(db), *args]


def write_opml(path: Path, urls: list[str]) -> None:
    outlines = "".join(f'<outline type="rss" text="f" xmlUrl="{u}"/>' for u in urls)
    path.write_text(f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>')


def count(db: Path, sql: str) -> int:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


@pytest.mark.slow
def test_kill_during_fetch_keeps_database_consistent_and_user_state(
    tmp_path: Path, feedserver: str
) -> None:
    db = tmp_path / "reader.db"
    urls = [
        f"{feedserver}/_gen/{i}.xml?entries={ENTRIES}" for i in range(FEEDS_BEFORE + FEEDS_DURING)
    ]
    write_opml(tmp_path / "before.opml", urls[:FEEDS_BEFORE])
    write_opml(tmp_path / "all.opml", urls)
    subprocess.run(
        reader(db, "import-opml", str(tmp_path / "before.opml")), check=True, capture_output=True
    )
    subprocess.run(reader(db, "fetch", "-q"), check=True, capture_output=True, timeout=120)
    stored_before = count(db, "SELECT count(*) FROM articles")
    assert stored_before == FEEDS_BEFORE * ENTRIES
    conn = sqlite3.connect(db)
    conn.execute("UPDATE articles SET read = 1 WHERE id % 3 = 0")
    conn.execute("UPDATE articles SET starred = 1 WHERE id % 7 = 0")
    conn.commit()
    conn.close()
    read_before = count(db, "SELECT count(*) FROM articles WHERE read = 1")
    starred_before = count(db, "SELECT count(*) FROM articles WHERE starred = 1")

    subprocess.run(
        reader(db, "import-opml", str(tmp_path / "all.opml")), check=True, capture_output=True
    )
    fetch = subprocess.Popen(
        reader(db, "fetch", "-q", "--force"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while count(db, "SELECT count(*) FROM articles") < stored_before + 5 * ENTRIES:
        assert fetch.poll() is None, "fetch finished before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    os.kill(fetch.pid, signal.SIGKILL)
    fetch.wait()

    assert count(db, "SELECT count(*) FROM articles") < len(urls) * ENTRIES, "killed too late"
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    per_feed = conn.execute(
        "SELECT f.last_status, count(a.id) FROM feeds f"
        " LEFT JOIN articles a ON a.feed_id = f.id GROUP BY f.id"
    ).fetchall()
    conn.close()
    for status, articles in per_feed:
        # A feed's update is one transaction: all of its entries with its new status, or none.
        assert (status, articles) in {("ok", ENTRIES), ("not-modified", ENTRIES), ("never", 0)}
    assert count(db, "SELECT count(*) FROM articles WHERE read = 1") == read_before
    assert count(db, "SELECT count(*) FROM articles WHERE starred = 1") == starred_before

    subprocess.run(reader(db, "fetch", "-q"), check=True, capture_output=True, timeout=180)
    assert count(db, "SELECT count(*) FROM articles") == len(urls) * ENTRIES
    assert count(db, "SELECT count(*) FROM articles WHERE read = 1") == read_before


def test_parse_workers_do_not_outlive_a_killed_fetch(tmp_path: Path, feedserver: str) -> None:
    import psutil

    db = tmp_path / "reader.db"
    urls = [f"{feedserver}/_slow/3000/_gen/{i}.xml?entries=5" for i in range(8)]
    write_opml(tmp_path / "slow.opml", urls)
    subprocess.run(reader(db, "import-opml", str(tmp_path / "slow.opml")), check=True)
    fetch = subprocess.Popen(reader(db, "fetch", "-q"), stdout=subprocess.DEVNULL)
    parent = psutil.Process(fetch.pid)
    deadline = time.monotonic() + 30
    while len(parent.children()) < 2:
        assert time.monotonic() < deadline, "the parse pool never started"
        time.sleep(0.05)
    workers = parent.children()
    os.kill(fetch.pid, signal.SIGKILL)
    fetch.wait()
    _gone, alive = psutil.wait_procs(workers, timeout=10)
    assert alive == []
