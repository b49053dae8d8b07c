"""The parse workers of a refresh: started early when a refresh is sure to parse, and the only
processes that load the parsing stack."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import psutil

from reader.models import Feed, FetchStatus
from reader.parse_pool import POOL_THRESHOLD, open_parse_pool

PARSING_STACK = ("lxml", "feedparser", "selectolax", "reader.fetching.parse")


def a_feed(feed_id: int, *, etag: str | None = None) -> Feed:
    return Feed(
        id=feed_id,
        url=f"http://127.0.0.1:1/{feed_id}.xml",
        title="",
        site_url=None,
        folder=None,
        etag=etag,
        last_modified=None,
        last_fetched_at=None,
        last_status=FetchStatus.NEVER,
        last_error=None,
        consecutive_failures=0,
        next_fetch_at=None,
    )


def children() -> set[psutil.Process]:
    return set(psutil.Process().children())


def started_since(before: set[psutil.Process], timeout: float) -> set[psutil.Process]:
    """The processes this one started since ``before`` (a test session has others, such as
    its feed server), once there are two or ``timeout`` has passed."""
    deadline = time.monotonic() + timeout
    while len(children() - before) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    return children() - before


def test_new_feeds_start_the_workers_before_any_document_arrives() -> None:
    feeds = [a_feed(i) for i in range(POOL_THRESHOLD)]
    before = children()
    with open_parse_pool(feeds, workers=2) as pool:
        assert isinstance(pool, ProcessPoolExecutor)
        assert len(started_since(before, timeout=10)) == 2


def test_feeds_that_may_answer_304_start_no_worker_until_a_document_arrives() -> None:
    feeds = [a_feed(i, etag=f'"v{i}"') for i in range(POOL_THRESHOLD)]
    before = children()
    with open_parse_pool(feeds, workers=2) as pool:
        assert not isinstance(pool, ThreadPoolExecutor)
        assert started_since(before, timeout=0.5) == set()
        assert pool.submit(len, "four").result(timeout=30) == 4
        assert len(started_since(before, timeout=10)) == 2


def test_a_handful_of_feeds_parse_on_a_thread() -> None:
    feeds = [a_feed(i) for i in range(POOL_THRESHOLD - 1)]
    with open_parse_pool(feeds, workers=2) as pool:
        assert isinstance(pool, ThreadPoolExecutor)


def fetch_and_list_modules(db: Path, modules: tuple[str, ...]) -> list[str]:
    """Run ``reader fetch`` in a new process; which of ``modules`` it loaded."""
    code = (
        "import json, sys\n"
        "from reader.cli import main\n"
        f"main(['--db', {str(db)!r}, 'fetch', '-q'])\n"
        f"print(json.dumps(sorted(m for m in {modules!r} if m in sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return json.loads(result.stdout)


def test_a_refresh_loads_the_parsing_stack_only_in_its_workers(
    tmp_path: Path, feedserver: str
) -> None:
    db = tmp_path / "reader.db"
    urls = [f"{feedserver}/_gen/{i}.xml?entries=5" for i in range(POOL_THRESHOLD * 2)]
    outlines = "".join(f'<outline type="rss" text="f" xmlUrl="{u}"/>' for u in urls)
    opml = tmp_path / "feeds.opml"
    opml.write_text(f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>')
    subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(db), "import-opml", str(opml)], check=True
    )
    assert fetch_and_list_modules(db, PARSING_STACK) == []
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(urls) * 5
    finally:
        conn.close()
    # again: every feed answers 304, no document is parsed, and no pool is even built
    assert fetch_and_list_modules(db, ("multiprocessing", *PARSING_STACK)) == []


FETCHING_STACK = ("httpx", "httpcore", "reader.refresh", "reader.fetching.http", "sqlite3")


def test_a_parse_job_loads_nothing_of_the_fetching_stack_into_its_worker(feedserver: str) -> None:
    """A worker unpickles a job's function by importing the module it is defined in; the job
    must not bring httpx and the storage layer into processes that only parse."""
    url = f"{feedserver}/_gen/1.xml?entries=5"
    ask = f"sorted(m for m in {FETCHING_STACK!r} if m in __import__('sys').modules)"
    code = f"""
import json, urllib.request
from types import SimpleNamespace
from reader.parse_pool import open_parse_pool, prepare_in_pool
body = urllib.request.urlopen({url!r}).read()
new_feeds = [SimpleNamespace(etag=None, last_modified=None)] * 8
with open_parse_pool(new_feeds, workers=2) as pool:
    jobs = [pool.submit(prepare_in_pool, body, {url!r}, {{}}, ()) for _ in range(8)]
    assert all(len(job.result(timeout=60).drafts) == 5 for job in jobs)
    print(json.dumps([pool.submit(eval, {ask!r}).result(timeout=60) for _ in range(4)]))
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert json.loads(result.stdout) == [[], [], [], []]
