"""What a refresh stores as an article's text is the cleaner's: the seed feed item without its
junk, a feed's repeated lines learnt and dropped; `reader reclean` re-makes old texts and search
follows; `reader show` prints the text with its links numbered."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from html import escape
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cleaning import CLEANER_VERSION
from reader.config import Settings
from reader.library import Library

DATA = Path(__file__).resolve().parent / "data" / "cleaning"
HEADLINE = "Honda and Nissan are preparing a large-scale project for the American market"
SIGN_OFF = "Follow Harbour News on Mastodon for the latest from the waterfront."


def rss(items: list[tuple[str, str]], base: str = "https://news.example") -> str:
    body = "".join(
        f"<item><title>{escape(title)}</title><link>{base}/{n}</link><guid>g{n}</guid>"
        f"<content:encoded><![CDATA[{html}]]></content:encoded></item>"
        for n, (title, html) in enumerate(items)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>Test</title><link>{base}/</link>{body}</channel></rss>"
    )


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library.open(Settings(db_path=tmp_path / "reader.db"))
    yield lib
    lib.close()


def fetch(library: Library, httpserver: HTTPServer, feed: str) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(feed)
    library.storage.feeds.add(httpserver.url_for("/feed.xml"))
    report = asyncio.run(library.refresh(force=True))
    assert report.failed == ()


def test_the_seed_feed_item_is_stored_without_its_junk(
    library: Library, httpserver: HTTPServer
) -> None:
    item = (DATA / "seed-feed-item.html").read_text(encoding="utf-8")
    fetch(library, httpserver, rss([(HEADLINE, item)]))
    (summary,) = library.articles()
    article = library.article(summary.id)

    assert "appeared first on" in (article.content_html or "")
    assert "appeared first on" not in article.clean_text
    assert article.clean_text.split("\n\n")[-1].startswith("These negotiations are taking place")
    assert article.clean_version == CLEANER_VERSION
    assert library.search('"appeared first"').hits == ()
    assert library.search("negotiations").hits


def test_lines_a_feed_repeats_in_every_item_are_dropped(
    library: Library, httpserver: HTTPServer
) -> None:
    stories = [
        f"<p>Story number {n} tells of the ferry, the harbour and the town council's vote on "
        f"the {n}th amendment to the waterfront plan.</p><p>{SIGN_OFF}</p>"
        for n in range(6)
    ]
    fetch(library, httpserver, rss([(f"Story {n}", html) for n, html in enumerate(stories)]))

    texts = [library.article(a.id).clean_text for a in library.articles()]
    assert len(texts) == 6
    assert all("waterfront plan" in text and "Mastodon" not in text for text in texts)
    (feed,) = library.feeds()
    assert any("mastodon" in line for line in feed.site_lines)


def test_reclean_remakes_texts_of_an_older_cleaner_and_search_follows(
    library: Library, httpserver: HTTPServer
) -> None:
    item = "<p>The council approved the ferry terminal.</p><p>Share this:</p>"
    fetch(library, httpserver, rss([("Ferry", item)]))
    (summary,) = library.articles()
    with sqlite3.connect(library.storage.path) as conn:  # as an old cleaner would have left it
        conn.execute(
            "UPDATE articles SET clean_text = 'stale words from an old cleaner', clean_version = 0"
        )
    assert library.search("stale").hits
    assert library.stale_text_count() == 1

    assert library.reclean() == 1

    article = library.article(summary.id)
    assert (article.clean_text, article.clean_version) == (
        "The council approved the ferry terminal.",
        CLEANER_VERSION,
    )
    assert library.search("stale").hits == ()
    assert library.search("ferry").hits
    assert library.stale_text_count() == 0
    assert library.reclean() == 0
    assert library.reclean(everything=True) == 1


def test_show_prints_the_text_with_numbered_links(
    library: Library, httpserver: HTTPServer, tmp_path: Path
) -> None:
    item = (
        "<p>The <a href='https://port.example/plan'>harbour plan</a> was approved by the "
        "council on Tuesday.</p><p>The post Ferry appeared first on Harbour News.</p>"
    )
    fetch(library, httpserver, rss([("Ferry", item)]))
    (summary,) = library.articles()

    shown = subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "--db",
            str(library.storage.path),
            "show",
            str(summary.id),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    assert "The harbour plan [1] was approved by the council on Tuesday." in shown
    assert "Links:\n[1] https://port.example/plan" in shown
    assert "appeared first" not in shown
