"""Every file of the shared real-world corpus through ``parse_document``: the right number of
entries, the right first title, and a readable reason for everything that is not a feed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from _feed_corpus_manifest import FEED_URL, CorpusFile, manifest_rows

from reader.cleaning.html_text import html_to_text
from reader.cleaning.sanitize import one_line
from reader.errors import ParseError
from reader.fetching.parse import parse_document, prepare_feed

ROWS = manifest_rows()
MANIFEST_TITLE_LIMIT = 120  # MANIFEST.tsv cuts longer titles

EXPECTED_COUNT_OVERRIDES = {
    # feedparser counts 10 phantom entries made of stray nested <item/> elements.
    "node-feedparser--illegally-nested.xml": 10,
}

EXPECTED_ERRORS = {
    "rsparser--DaringFireball.html": "HTML page",
    "node-feedparser--notafeed.html": "HTML page",
    "rss-parser--unrecognized.rss": "HTML page",
    "newsboat--empty.xml": "empty",
    "feed-rs--rss_2.0_invalid_1.xml": "XML error at line",
    "feedparser--aaa_illformed.xml": "XML error at line",
    # feedparser's single "entry" here is an empty phantom cut off inside <title><![CD.
    "feedparser--rss_incomplete_cdata.xml": "XML error at line",
    "rsparser--allthis-partial.json": "invalid JSON",
    "rsparser--ScriptingNews.json": "not a JSON Feed",
}


def _expected_error(row: CorpusFile) -> str | None:
    return EXPECTED_ERRORS.get(row.file)


def _expected_count(row: CorpusFile) -> int:
    if row.file in EXPECTED_COUNT_OVERRIDES:
        return EXPECTED_COUNT_OVERRIDES[row.file]
    if row.json_items.isdigit():
        return int(row.json_items)
    return row.fp_entries


# The manifest records feedparser without chardet, which turns these undeclared encodings into
# mojibake; reader depends on chardet, so they decode to the real titles.
CHARDET_TITLES = {
    "feedparser--koi8r.xml": "Как пережить новогоднюю ночь",
    "feedparser--shiftjis.xml": "DrecomRSSに記事投稿が反映されない…",
}


def _decode_manifest_text(text: str) -> str:
    """MANIFEST writes control characters as \\xNN."""
    return re.sub(r"\\x([0-9a-fA-F]{2})", lambda m: chr(int(m.group(1), 16)), text)


def test_manifest_is_covered(feed_corpus: Path) -> None:
    assert len(ROWS) == 78
    not_feeds = {row.file for row in ROWS if row.fp_version == "-" and not row.json_items.isdigit()}
    assert not_feeds <= set(EXPECTED_ERRORS)


@pytest.mark.parametrize("row", ROWS, ids=[row.file for row in ROWS])
def test_corpus_file(feed_corpus: Path, row: CorpusFile) -> None:
    body = row.body(feed_corpus)
    reason = _expected_error(row)
    if reason is not None:
        with pytest.raises(ParseError, match=reason):
            parse_document(body, url=FEED_URL, headers={})
        return

    feed = parse_document(body, url=FEED_URL, headers={})
    assert len(feed.entries) == _expected_count(row)
    if not feed.entries:
        return
    first = feed.entries[0]
    manifest_title = row.json_first_title if row.json_items.isdigit() else row.fp_first_title
    if row.file == "reader--invalid.json":
        assert first.title is None  # its title is the number 1000: a wrong type is ignored
    elif manifest_title in ("<no title element>", "<empty title>", ""):
        assert first.title is None
    else:
        expected = CHARDET_TITLES.get(row.file) or _decode_manifest_text(manifest_title)
        # feedparser marks HTML-looking RSS titles as text/html; those are shown as their text.
        candidates = {one_line(expected), one_line(html_to_text(expected))}
        title = one_line(first.title or "")
        if len(expected) >= MANIFEST_TITLE_LIMIT:
            assert any(title.startswith(c) for c in candidates)
        else:
            assert title in candidates


@pytest.mark.parametrize("row", ROWS, ids=[row.file for row in ROWS])
def test_prepare_feed_never_duplicates_keys(feed_corpus: Path, row: CorpusFile) -> None:
    if _expected_error(row) is not None:
        return
    prepared = prepare_feed(row.body(feed_corpus), FEED_URL, {})
    keys = [draft.dedupe_key for draft in prepared.drafts]
    assert len(keys) == len(set(keys))
    for draft in prepared.drafts:
        assert draft.title
        assert "\n" not in draft.title
        assert "\x1b" not in draft.clean_text


def test_craigslist_double_escaped_title_is_shown_as_text(feed_corpus: Path) -> None:
    row = next(r for r in ROWS if r.file == "rss-parser--craigslist.rss")
    feed = parse_document(row.body(feed_corpus), url=FEED_URL)
    assert feed.entries[0].title is not None
    assert "$4300" in feed.entries[0].title
    assert "<sup>" not in feed.entries[0].title


def test_utf16_feed_level_only_files_parse_to_no_entries(feed_corpus: Path) -> None:
    for name in ("feedparser--utf-16le-bom.xml", "feedparser--utf-16be.xml"):
        row = next(r for r in ROWS if r.file == name)
        assert parse_document(row.body(feed_corpus), url=FEED_URL).entries == ()


def test_relative_links_resolve_against_feed_url(feed_corpus: Path) -> None:
    row = next(r for r in ROWS if r.file == "reader--relative.rss")
    entry = parse_document(row.body(feed_corpus), url=FEED_URL).entries[0]
    assert entry.url is not None
    assert entry.url.startswith("http://example.com/")
    assert all(e.url.startswith("http://example.com/") for e in entry.enclosures)
