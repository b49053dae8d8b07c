"""Shared fixtures: paths to the shared corpora and a real feed server on 127.0.0.1."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FEED_CORPUS = SHARED / "corpus" / "feeds"
FEEDSERVER = SHARED / "tools" / "feedserver.py"


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
