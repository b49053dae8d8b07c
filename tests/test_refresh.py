"""Refreshing through the library: every real-world corpus feed from a local server, failures
isolated and explained, back-off, redirects."""

from __future__ import annotations

import asyncio
import csv
from datetime import timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.config import FetchConfig, Settings
from reader.library import Library
from reader.models import ArticleFilter, FetchStatus, OutcomeKind, RefreshReport
from reader.refresh import backoff_delay

NOT_FEEDS = {
    "rsparser--DaringFireball.html": "HTML page",
    "node-feedparser--notafeed.html": "HTML page",
    "rss-parser--unrecognized.rss": "HTML page",
    "newsboat--empty.xml": "empty",
    "feed-rs--rss_2.0_invalid_1.xml": "XML error",
    "feedparser--aaa_illformed.xml": "XML error",
    # Cut off inside its only item: feedparser "recovers" one empty entry, which is no article.
    "feedparser--rss_incomplete_cdata.xml": "XML error",
    "rsparser--ScriptingNews.json": "not a JSON Feed",
    "rsparser--allthis-partial.json": "invalid JSON",
}
PHANTOM_ENTRIES = {"node-feedparser--illegally-nested.xml": 10}


def manifest_rows(corpus: Path) -> list[dict[str, str]]:
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def expected_entries(row: dict[str, str]) -> int:
    if row["json_items"].isdigit():
        return int(row["json_items"])
    return int(row["fp_entries"]) - PHANTOM_ENTRIES.get(row["file"], 0)


@pytest.fixture
def library(tmp_path: Path) -> Library:
    # The corpus items link to real sites and tests reach only 127.0.0.1, so articles are not
    # read from their pages here (tests/test_full_text.py covers that, on a local server).
    settings = Settings(db_path=tmp_path / "reader.db", fetch=FetchConfig(full_text=False))
    lib = Library.open(settings)
    yield lib
    lib.close()


def refresh(library: Library, **kwargs: object) -> RefreshReport:
    return asyncio.run(library.refresh(**kwargs))  # type: ignore[arg-type]


def test_every_corpus_feed_is_stored_with_its_entry_count_or_fails_with_a_reason(
    library: Library, feedserver: str, feed_corpus: Path
) -> None:
    rows = manifest_rows(feed_corpus)
    for row in rows:
        library.storage.feeds.add(f"{feedserver}/{row['file']}")
    report = refresh(library)
    by_url = {outcome.url.rsplit("/", 1)[1]: outcome for outcome in report.outcomes}
    counts = {feed.url.rsplit("/", 1)[1]: feed.article_count for feed in library.feeds()}
    for row in rows:
        name = row["file"]
        outcome = by_url[name]
        if name in NOT_FEEDS:
            assert outcome.kind is OutcomeKind.FAILED, name
            assert NOT_FEEDS[name] in (outcome.error or ""), (name, outcome.error)
            assert counts[name] == 0
        else:
            assert outcome.kind is OutcomeKind.UPDATED, (name, outcome.error)
            assert counts[name] == expected_entries(row), name
    assert len(report.failed) == len(NOT_FEEDS)


def test_refetching_the_corpus_is_all_not_modified_and_keeps_user_state(
    library: Library, feedserver: str, feed_corpus: Path
) -> None:
    for name in (
        "rss-parser--guardian.rss",
        "rsparser--DaringFireball.json",
        "rss-parser--heise.atom",
    ):
        library.storage.feeds.add(f"{feedserver}/{name}")
    refresh(library)
    first = library.articles(limit=5)
    library.mark_read([a.id for a in first])
    library.star([first[0].id])
    library.tag(first[0].id, "Guardian Media Group")

    report = refresh(library)

    assert report.count(OutcomeKind.NOT_MODIFIED) == 3
    assert library.count(ArticleFilter(read=True)) == 5
    assert library.article(first[0].id).starred
    assert library.article(first[0].id).companies == ("Guardian Media Group",)


def test_encodings_are_decoded_right(library: Library, feedserver: str) -> None:
    russian = "В Бузулуке главные стройплощадки – детсад и Ледовый дворец"
    expected = {
        "node-feedparser--iconv.xml": russian,
        "rss-parser--encoding.rss": "Mãe de utente é a nova presidente da Raríssimas",
        "rsparser--kc0011.rss": "建国35周年纪念，华表，和平鸽",
        "node-feedparser--compressed.xml": russian,
    }
    for name in expected:
        library.storage.feeds.add(f"{feedserver}/{name}")
    refresh(library)
    titles = {a.title for a in library.articles(limit=500)}
    assert set(expected.values()) <= titles


def test_one_broken_feed_never_stops_the_others(library: Library, feedserver: str) -> None:
    good = library.storage.feeds.add(f"{feedserver}/reader--full.rss")
    for path in (
        "_status/500",
        "_drop/reader--full.atom",
        "_truncated/reader--full.json",
        "missing.xml",
    ):
        library.storage.feeds.add(f"{feedserver}/{path}")
    report = refresh(library)
    assert report.count(OutcomeKind.UPDATED) == 1
    assert library.storage.feeds.get(good.id).article_count == 5
    reasons = sorted(outcome.error or "" for outcome in report.failed)
    assert len(reasons) == 4
    assert any(reason.startswith("HTTP 500") for reason in reasons)
    assert any(reason.startswith("HTTP 404") for reason in reasons)
    assert any("dropped" in reason or "ended early" in reason for reason in reasons)


def test_retry_after_backs_the_feed_off_until_forced(library: Library, feedserver: str) -> None:
    feed = library.storage.feeds.add(f"{feedserver}/_status/429")
    first = refresh(library)
    assert first.outcomes[0].kind is OutcomeKind.FAILED
    assert "429" in (first.outcomes[0].error or "")
    stored = library.storage.feeds.get(feed.id)
    assert stored.last_status is FetchStatus.FAILED
    assert stored.next_fetch_at is not None
    assert stored.last_fetched_at is not None
    assert stored.next_fetch_at - stored.last_fetched_at <= timedelta(seconds=2)


def test_backoff_grows_with_failures_and_honours_retry_after() -> None:
    assert backoff_delay(1, None) is None
    assert backoff_delay(2, None) == timedelta(minutes=15)
    assert backoff_delay(3, None) == timedelta(minutes=30)
    assert backoff_delay(30, None) == timedelta(hours=24)
    assert backoff_delay(1, 120) == timedelta(seconds=120)
    assert backoff_delay(1, 10**9) == timedelta(hours=24)


def test_repeatedly_failing_feed_is_skipped_while_backing_off(
    library: Library, feedserver: str
) -> None:
    feed = library.storage.feeds.add(f"{feedserver}/_status/500")
    refresh(library)
    refresh(library)
    third = refresh(library)
    assert third.outcomes[0].kind is OutcomeKind.SKIPPED
    assert "backing off" in (third.outcomes[0].error or "")
    assert library.storage.feeds.get(feed.id).consecutive_failures == 2
    forced = refresh(library, force=True)
    assert forced.outcomes[0].kind is OutcomeKind.FAILED


def test_permanent_redirect_updates_the_stored_url(
    library: Library, httpserver: HTTPServer, feed_corpus: Path
) -> None:
    body = (feed_corpus / "reader--full.rss").read_bytes()
    httpserver.expect_request("/new.xml").respond_with_data(
        body, content_type="application/rss+xml"
    )
    httpserver.expect_request("/old.xml").respond_with_data(
        "", status=301, headers={"Location": httpserver.url_for("/new.xml")}
    )
    httpserver.expect_request("/temp.xml").respond_with_data(
        "", status=302, headers={"Location": httpserver.url_for("/new.xml")}
    )
    moved = library.storage.feeds.add(httpserver.url_for("/old.xml"))
    temporary = library.storage.feeds.add(httpserver.url_for("/temp.xml"))
    refresh(library)
    assert library.storage.feeds.get(moved.id).url == httpserver.url_for("/new.xml")
    assert library.storage.feeds.get(temporary.id).url == httpserver.url_for("/temp.xml")
    assert library.storage.feeds.get(moved.id).article_count == 5


def test_local_file_feed_is_read_from_disk(library: Library, feed_corpus: Path) -> None:
    added = asyncio.run(library.add_feed(str(feed_corpus / "reader--full.atom")))
    assert added.new_articles == 5
    assert added.feed.url == str((feed_corpus / "reader--full.atom").resolve())
