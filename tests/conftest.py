"""Shared fixtures: paths to the shared corpora and a real feed server on 127.0.0.1."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.models import ArticleDraft

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FEED_CORPUS = SHARED / "corpus" / "feeds"
FEEDSERVER = SHARED / "tools" / "feedserver.py"
ARTICLE_TIME = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


def article_draft(n: int, *, text: str = "Honda and Nissan", **changes: object) -> ArticleDraft:
    """Article ``n`` of a test feed, an hour older than article ``n - 1``, its text ``text``
    and its number; ``changes`` replace any other field."""
    base = ArticleDraft(
        dedupe_key=f"guid:{n}",
        url=f"https://example.com/{n}",
        title=f"Article {n}",
        author="Reporter",
        published=ARTICLE_TIME - timedelta(hours=n),
        updated=None,
        summary_html=None,
        content_html=f"<p>{text} {n}</p>",
        clean_text=f"{text} {n}",
        content_hash=f"hash-{n}-{text}",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def _threaded_server() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def httpserver(_threaded_server: HTTPServer) -> Iterator[HTTPServer]:
    """A threaded pytest-httpserver on 127.0.0.1 (the plugin's own serves one request at a
    time, which would make the concurrency tests pass whatever the fetcher does)."""
    _threaded_server.clear()
    yield _threaded_server
    _threaded_server.clear()


class Gauge:
    """Counts requests a server is handling at once."""

    def __init__(self, body: str = "<rss/>", content_type: str = "text/plain") -> None:
        self.body = body
        self.content_type = content_type
        self._lock = threading.Lock()
        self._now = 0
        self.peak = 0

    def handler(self, request: Request) -> Response:
        with self._lock:
            self._now += 1
            self.peak = max(self.peak, self._now)
        time.sleep(0.2)
        with self._lock:
            self._now -= 1
        return Response(self.body, content_type=self.content_type)


@pytest.fixture
def gauge() -> Gauge:
    """A request handler that counts how many requests the server handles at once."""
    return Gauge()


def _require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is missing (the shared/ folder sits beside the repository)")
    return path


@pytest.fixture(scope="session")
def feed_corpus() -> Path:
    return _require(FEED_CORPUS)


@pytest.fixture(scope="session")
def feedserver() -> Iterator[str]:
    """Base URL ("http://127.0.0.1:PORT") of shared/tools/feedserver.py serving the feed corpus."""
    script = _require(FEEDSERVER)
    corpus = _require(FEED_CORPUS)
    proc = subprocess.Popen(
        [sys.executable, str(script), str(corpus), "--port", "0", "--lifetime", "600", "--quiet"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    first_line = proc.stdout.readline().split()
    assert first_line[:1] == ["PORT"], f"feedserver did not start: {first_line}"
    try:
        yield f"http://127.0.0.1:{first_line[1]}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
