"""The app's refresh runs `reader fetch --progress-json` in a child process and reads it back."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from reader.config import Settings
from reader.errors import ReaderError
from reader.library import Library
from reader.models import FeedOutcome, OutcomeKind
from reader.refresh_process import refresh_in_child

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>
<item><guid>a</guid><title>First</title><description>Text one.</description></item>
<item><guid>b</guid><title>Second</title><description>Text two.</description></item>
</channel></rss>"""


def test_a_child_refresh_reports_each_feed_and_stores_its_articles(tmp_path: Path) -> None:
    feed_file = tmp_path / "feed.xml"
    feed_file.write_text(RSS, encoding="utf-8")
    settings = Settings(db_path=tmp_path / "r.db")
    library = Library.open(settings)
    asyncio.run(library.add_feed(str(feed_file), fetch=False))
    seen: list[tuple[FeedOutcome, int, int]] = []

    report = refresh_in_child(settings, None, lambda o, done, total: seen.append((o, done, total)))

    assert [(o.kind, done, total) for o, done, total in seen] == [(OutcomeKind.UPDATED, 1, 1)]
    assert report.new_articles == 2
    assert library.count() == 2
    library.close()


def test_a_child_that_cannot_run_says_why(tmp_path: Path) -> None:
    settings = Settings(db_path=tmp_path / "missing-dir" / "file.txt" / "r.db")
    (tmp_path / "missing-dir").mkdir()
    (tmp_path / "missing-dir" / "file.txt").write_text("not a folder")
    with pytest.raises(ReaderError, match="the refresh stopped"):
        refresh_in_child(settings, None, lambda *_: None)
