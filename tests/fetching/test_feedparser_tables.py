"""The fast path reads feedparser's namespace and handler tables from copies, so that a parse
worker imports feedparser only for a document that leaves the fast path."""

from __future__ import annotations

import json
import subprocess
import sys

import feedparser
import pytest
from feedparser.mixin import _FeedParserMixin

from reader.fetching.feedparser_tables import (
    COPIED_FROM,
    HANDLED,
    NAMESPACES,
    feedparser_tables,
    read_tables,
)


def test_the_tables_in_use_are_the_installed_feedparsers() -> None:
    assert feedparser_tables() == read_tables(_FeedParserMixin)


def test_the_copies_are_the_tables_of_the_version_they_name() -> None:
    if feedparser.__version__ != COPIED_FROM:
        pytest.skip(f"feedparser {feedparser.__version__} installed; copies of {COPIED_FROM}")
    assert read_tables(_FeedParserMixin) == (NAMESPACES, HANDLED)


def loads_feedparser_to_parse(document: bytes) -> tuple[bool, int]:
    """In a new process: parse ``document``; whether feedparser got imported, and how many
    entries came out."""
    code = (
        "import json, sys\n"
        "from reader.fetching.parse import parse_document\n"
        f"feed = parse_document({document!r}, url='http://example.com/feed.xml')\n"
        "print(json.dumps(['feedparser' in sys.modules, len(feed.entries)]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    loaded, entries = json.loads(result.stdout)
    return loaded, entries


PLAIN_RSS = (
    b'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>'
    b"<item><title>One</title><link>http://example.com/1</link>"
    b"<pubDate>Wed, 01 May 2024 12:00:00 GMT</pubDate><description>Hi</description></item>"
    b"</channel></rss>"
)


def test_a_feed_on_the_fast_path_is_read_without_importing_feedparser() -> None:
    assert loads_feedparser_to_parse(PLAIN_RSS) == (False, 1)


def test_a_feed_the_fast_path_declines_still_gets_feedparser() -> None:
    ill_formed = PLAIN_RSS.replace(b"</channel>", b"")
    assert loads_feedparser_to_parse(ill_formed) == (True, 1)
