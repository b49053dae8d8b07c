"""reader runs on the bundled SQLite of pysqlite3-binary where it has wheels, and on Python's own
everywhere else: both work end to end, and one library serves every module."""

from __future__ import annotations

import json
import platform
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LIBRARY_MODULE = REPO / "reader" / "storage" / "sqlite.py"

# Run the command line with pysqlite3 made unimportable, as on a platform without its wheels.
_STANDARD_LIBRARY_ONLY = (
    "import sys; sys.modules['pysqlite3'] = None; from reader.cli import main; "
    "raise SystemExit(main(sys.argv[1:]))"
)
_AS_INSTALLED = "import sys; from reader.cli import main; raise SystemExit(main(sys.argv[1:]))"

FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Motoring</title><link>https://example.com/</link>
<item><title>Honda recalls hybrids</title><guid>a1</guid>
<description>Honda said the recall covers 20,000 hybrids.</description></item>
<item><title>Weather</title><guid>a2</guid><description>Rain all week.</description></item>
</channel></rss>"""


def _reader(bootstrap: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", bootstrap, *map(str, args)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )


@pytest.mark.parametrize("bootstrap", [_STANDARD_LIBRARY_ONLY, _AS_INSTALLED])
def test_subscribe_fetch_search_and_mark_work_on_either_library(
    tmp_path: Path, bootstrap: str
) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(FEED)
    db = tmp_path / "reader.db"
    assert _reader(bootstrap, "--db", db, "add", feed).returncode == 0
    assert _reader(bootstrap, "--db", db, "fetch").returncode == 0
    found = _reader(bootstrap, "--db", db, "search", "recall", "--json")
    hits = json.loads(found.stdout)
    assert [hit["title"] for hit in hits] == ["Honda recalls hybrids"]
    assert _reader(bootstrap, "--db", db, "mark-read", str(hits[0]["id"])).returncode == 0
    unread = json.loads(_reader(bootstrap, "--db", db, "list", "--unread", "--json").stdout)
    assert [article["title"] for article in unread] == ["Weather"]


@pytest.mark.parametrize("bootstrap", [_STANDARD_LIBRARY_ONLY, _AS_INSTALLED])
def test_a_damaged_file_is_explained_on_either_library(tmp_path: Path, bootstrap: str) -> None:
    """The errors SQLite raises are caught by class: a class from the other library would let a
    traceback through."""
    db = tmp_path / "damaged.db"
    db.write_bytes(b"this is not a database" * 100)
    result = _reader(bootstrap, "--db", db, "feeds")
    assert result.returncode != 0
    assert "not a readable reader database" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(
    not (sys.platform == "linux" and platform.machine() == "x86_64"),
    reason="pysqlite3-binary has wheels for Linux on x86-64 only",
)
def test_linux_on_x86_64_runs_on_the_bundled_sqlite() -> None:
    """pyproject.toml asks for pysqlite3-binary here: its SQLite ranks FTS5 matches faster."""
    from reader.storage.sqlite import sqlite3

    assert sqlite3.__name__ == "pysqlite3.dbapi2"
    assert tuple(map(int, sqlite3.sqlite_version.split("."))) >= (3, 51, 0)


def test_no_module_imports_sqlite3_but_the_one_that_chooses_the_library() -> None:
    direct = re.compile(r"^\s*(import sqlite3\b|from sqlite3\b)", re.MULTILINE)
    offenders = [
        str(path.relative_to(REPO))
        for path in (REPO / "reader").rglob("*.py")
        if path != LIBRARY_MODULE and direct.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
