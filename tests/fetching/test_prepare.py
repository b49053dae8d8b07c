"""From a parsed feed to article drafts: dedupe keys, fallbacks, hashes, and the process-pool
contract of ``prepare_feed``."""

from __future__ import annotations

import gzip
import pickle
from concurrent.futures import ProcessPoolExecutor
from dataclasses import fields, replace
from datetime import UTC, datetime

import pytest

from reader.errors import ParseError
from reader.fetching.parse import (
    PreparedFeed,
    _gunzip_mislabelled,
    parse_document,
    prepare_feed,
    to_drafts,
)
from reader.fetching.parsed import ParsedEntry, ParsedFeed
from reader.models import ArticleDraft

URL = "http://example.com/feed.xml"
WHEN = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def _entry(**fields: object) -> ParsedEntry:
    base = {
        "guid": None,
        "url": None,
        "title": None,
        "author": None,
        "published": None,
        "updated": None,
        "summary_html": None,
        "content_html": None,
    }
    base.update(fields)
    return ParsedEntry(**base)  # type: ignore[arg-type]


def _feed(*entries: ParsedEntry) -> ParsedFeed:
    return ParsedFeed(title="F", site_url=None, format="rss20", entries=entries)


def test_dedupe_key_prefers_guid_then_link_then_hash() -> None:
    drafts = to_drafts(
        _feed(
            _entry(guid="g1", url="http://a/1", title="one"),
            _entry(url="http://a/2", title="two"),
            _entry(title="three", published=WHEN),
        )
    )
    assert drafts[0].dedupe_key == "guid:g1"
    assert drafts[1].dedupe_key == "link:http://a/2"
    assert drafts[2].dedupe_key.startswith("hash:")
    assert len(drafts[2].dedupe_key) == len("hash:") + 40


def test_exact_repeat_of_an_entry_is_dropped() -> None:
    drafts = to_drafts(_feed(_entry(guid="g", title="same"), _entry(guid="g", title="same")))
    assert [d.title for d in drafts] == ["same"]


def test_reused_guid_with_different_content_keeps_both_under_stable_keys() -> None:
    feed = _feed(_entry(guid="g", title="first"), _entry(guid="g", title="second"))
    drafts = to_drafts(feed)
    assert [d.title for d in drafts] == ["first", "second"]
    assert drafts[0].dedupe_key == "guid:g"
    assert drafts[1].dedupe_key.startswith("guid:g#")
    assert [d.dedupe_key for d in to_drafts(feed)] == [d.dedupe_key for d in drafts]


def test_title_fallbacks() -> None:
    long_text = "word " * 40
    drafts = to_drafts(
        _feed(
            _entry(guid="1", summary_html=f"<p>{long_text}</p>"),
            _entry(guid="2", content_html="<p>Short body</p>"),
            _entry(guid="3"),
        )
    )
    assert drafts[0].title.endswith("…")
    assert len(drafts[0].title) <= 81
    assert drafts[1].title == "Short body"
    assert drafts[2].title == "(untitled)"


def test_text_fields_are_sanitised() -> None:
    (draft,) = to_drafts(
        _feed(
            _entry(
                guid="1",
                title="Evil\x1b]0;pwned\x07 title\n  here\u202e",
                author="Ann\x00 Bee",
                content_html="<p>body\x1b[2J text</p>",
            )
        )
    )
    assert draft.title == "Evil title here"
    assert draft.author == "Ann Bee"
    assert draft.clean_text == "body text"
    assert draft.content_html == "<p>body text</p>"


def test_content_hash_tracks_visible_changes() -> None:
    entry = _entry(guid="1", title="t", content_html="<p>a</p>")
    (before,) = to_drafts(_feed(entry))
    (same,) = to_drafts(_feed(entry))
    (after,) = to_drafts(_feed(replace(entry, content_html="<p>b</p>")))
    assert before.content_hash == same.content_hash
    assert before.content_hash != after.content_hash


def test_prepare_feed_result_pickles() -> None:
    body = (
        b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
        b"<link>http://example.com/</link><item><title>x</title><guid>1</guid>"
        b"<pubDate>Wed, 01 May 2024 12:00:00 GMT</pubDate></item></channel></rss>"
    )
    prepared = prepare_feed(body, URL, {})
    assert isinstance(prepared, PreparedFeed)
    assert (prepared.title, prepared.site_url, prepared.format) == (
        "T",
        "http://example.com/",
        "rss20",
    )
    assert pickle.loads(pickle.dumps(prepared)) == prepared
    assert prepared.drafts[0].published == WHEN


def test_a_draft_comes_back_from_a_parse_worker_with_every_field() -> None:
    draft = ArticleDraft(
        dedupe_key="guid:1",
        url="http://example.com/1",
        title="Title",
        author="Author",
        published=WHEN,
        updated=WHEN.replace(hour=13),
        summary_html="<p>summary</p>",
        content_html="<p>content</p>",
        clean_text="content",
        content_hash="abc",
        clean_version=7,
        companies=("Honda", "Nissan"),
    )
    # a field the pickling forgot would come back as its default
    assert all(getattr(draft, f.name) != f.default for f in fields(ArticleDraft))
    assert pickle.loads(pickle.dumps(draft, protocol=pickle.HIGHEST_PROTOCOL)) == draft


def test_prepare_feed_runs_in_a_process_pool() -> None:
    body = (
        b'<rss version="2.0"><channel><title>T</title><item><guid>1</guid></item></channel></rss>'
    )
    with ProcessPoolExecutor(max_workers=1) as pool:
        prepared = pool.submit(prepare_feed, body, URL, {}).result(timeout=60)
    # feedparser resolves a permalink guid like a URL; both parser paths keep that quirk.
    assert [d.dedupe_key for d in prepared.drafts] == ["guid:http://example.com/1"]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (b"<!DOCTYPE html><html><body>hi</body></html>", "HTML page"),
        (b"\xef\xbb\xbf<html lang=en><head>", "HTML page"),
        (b"<!-- hi --><HTML>", "HTML page"),
        (b"{not json", "invalid JSON"),
        (b"<?xml version='1.0'?>\n<rss>\n<channel>\n<item><title>x", "XML error at line"),
    ],
)
def test_parse_document_reasons(body: bytes, reason: str) -> None:
    with pytest.raises(ParseError, match=reason):
        parse_document(body, url=URL)


def test_gzip_body_without_content_encoding_is_inflated() -> None:
    rss = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        b"<item><guid>a</guid><title>Zipped</title></item></channel></rss>"
    )
    prepared = prepare_feed(gzip.compress(rss), "http://example.com/feed.xml")
    assert [d.title for d in prepared.drafts] == ["Zipped"]


def test_gzip_body_inflating_past_the_cap_is_refused() -> None:
    with pytest.raises(ParseError, match="inflates past"):
        _gunzip_mislabelled(gzip.compress(b" " * 5000), limit=1000)
