"""JSON Feed: the spec's fields, and survival of every field having the wrong type."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.errors import ParseError
from reader.fetching.jsonfeed import parse_json_feed
from reader.fetching.parse import parse_document

URL = "https://example.org/feed.json"


def _feed(**fields: object) -> bytes:
    document = {"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": []}
    document.update(fields)
    return json.dumps(document).encode()


def test_full_item() -> None:
    body = _feed(
        home_page_url="https://example.org/",
        items=[
            {
                "id": "1",
                "url": "/posts/1",
                "title": "Fish &amp; chips",
                "content_html": "<p>Hello</p>",
                "summary": "Short",
                "date_published": "2024-03-01T10:00:00+02:00",
                "date_modified": "2024-03-02T00:00:00Z",
                "authors": [{"name": "Ann"}, {"name": "Bob"}],
                "tags": ["a", "b", "a", 3],
                "attachments": [{"url": "/a.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 10}],
            }
        ],
    )
    feed = parse_json_feed(body, url=URL)
    assert (feed.title, feed.site_url, feed.format, feed.parser) == (
        "T",
        "https://example.org/",
        "json11",
        "jsonfeed",
    )
    (entry,) = feed.entries
    assert entry.guid == "1"
    assert entry.url == "https://example.org/posts/1"
    assert entry.title == "Fish &amp; chips"  # JSON Feed titles are plain text, kept as given
    assert entry.content_html == "<p>Hello</p>"
    assert entry.summary_html == "<p>Short</p>"
    assert entry.published == datetime(2024, 3, 1, 8, 0, tzinfo=UTC)
    assert entry.updated == datetime(2024, 3, 2, tzinfo=UTC)
    assert entry.author == "Ann, Bob"
    assert entry.categories == ("a", "b")
    assert entry.enclosures[0].url == "https://example.org/a.mp3"
    assert entry.enclosures[0].length == 10


def test_content_text_becomes_escaped_paragraphs() -> None:
    body = _feed(items=[{"id": "1", "content_text": "a < b\n\nsecond\nline"}])
    (entry,) = parse_json_feed(body, url=URL).entries
    assert entry.content_html == "<p>a &lt; b</p><p>second<br>line</p>"


def test_version_1_0_author_and_feed_author_inheritance() -> None:
    body = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1",
            "author": {"name": "Feed Author"},
            "items": [{"id": "1", "author": {"name": "Item Author"}}, {"id": "2"}],
        }
    ).encode()
    feed = parse_json_feed(body, url=URL)
    assert feed.format == "json10"
    assert [e.author for e in feed.entries] == ["Item Author", "Feed Author"]


def test_numeric_ids_and_external_url() -> None:
    body = _feed(items=[{"id": 42, "external_url": "https://elsewhere.example/x"}])
    (entry,) = parse_json_feed(body, url=URL).entries
    assert entry.guid == "42"
    assert entry.url == "https://elsewhere.example/x"


def test_invalid_json_reports_the_line() -> None:
    with pytest.raises(ParseError, match=r"not a feed: invalid JSON at line 3"):
        parse_json_feed(b'{\n"version": "x",\n"items": [', url=URL)


@pytest.mark.parametrize(
    "body",
    [b'{"rss": {"channel": {}}}', b"[1, 2]", b'{"version": 1, "items": []}', b'"text"'],
)
def test_json_that_is_not_a_json_feed(body: bytes) -> None:
    with pytest.raises(ParseError, match="JSON but not a JSON Feed"):
        parse_json_feed(body, url=URL)


def test_every_field_with_the_wrong_type(feed_corpus: Path) -> None:
    body = (feed_corpus / "reader--invalid.json").read_bytes()
    feed = parse_json_feed(body, url=URL)
    assert feed.title is None
    assert len(feed.entries) == 8
    first = feed.entries[0]
    assert (first.title, first.url, first.content_html, first.summary_html) == (None,) * 4
    assert first.published is None
    assert first.updated is None
    assert feed.entries[1].guid == "3.1415"
    assert feed.entries[-1].author == "Jane"


@pytest.mark.parametrize(
    "item",
    [
        {"id": None, "title": None},
        {"id": True, "tags": "nope", "attachments": {"url": 1}},
        {"id": "x", "authors": [None, 1, "a", {"name": 5}]},
        {"id": "x", "date_published": 20240101, "date_modified": ["2024"]},
        {"id": "x", "url": "http://[broken"},
    ],
)
def test_hostile_items_do_not_crash(item: dict[str, object]) -> None:
    parse_json_feed(_feed(items=[item]), url=URL)


def test_items_that_are_not_objects_are_skipped() -> None:
    body = _feed(items=["string", 3, None, {"id": "ok"}])
    assert [e.guid for e in parse_json_feed(body, url=URL).entries] == ["ok"]


def test_parse_document_sniffs_json_with_bom_and_whitespace() -> None:
    body = b"\xef\xbb\xbf  \n" + _feed(items=[{"id": "1", "title": "t"}])
    feed = parse_document(body, url=URL, headers={"Content-Type": "text/html"})
    assert feed.parser == "jsonfeed"
    assert feed.entries[0].title == "t"
