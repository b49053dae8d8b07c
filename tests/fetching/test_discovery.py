from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.fetching.discovery import DiscoveredFeed, find_feed_links


def _daring_fireball(feed_corpus: Path) -> bytes:
    return (feed_corpus / "rsparser--DaringFireball.html").read_bytes()


def test_daring_fireball_homepage(feed_corpus: Path) -> None:
    found = find_feed_links(_daring_fireball(feed_corpus), base_url="https://daringfireball.net/")

    assert found == [
        DiscoveredFeed("https://daringfireball.net/feeds/main", None, "application/atom+xml")
    ]


def test_daring_fireball_without_link_falls_back_to_anchors(feed_corpus: Path) -> None:
    html = re.sub(rb'<link rel="alternate"[^>]*>', b"", _daring_fireball(feed_corpus))

    found = find_feed_links(html, base_url="https://daringfireball.net/")

    assert found == [
        DiscoveredFeed("https://daringfireball.net/feeds/", "RSS Feed", None, guessed=True),
        DiscoveredFeed(
            "https://daringfireball.net/feeds/sponsors/", "Sponsorship", None, guessed=True
        ),
    ]


def test_several_feeds_in_document_order_with_titles_and_tokens() -> None:
    html = """<html><head>
      <link rel="stylesheet" href="/style.css">
      <link rel="alternate" type="application/rss+xml" title=" News  (RSS) " href="/news.rss">
      <link rel="Alternate Feed" type="Application/Atom+XML; charset=utf-8" href="atom.xml">
      <link rel="alternate" type="application/feed+json" href="https://cdn.example.org/f.json">
      <link rel="alternate" type="application/json" href="/api.json">
      <link rel="alternate" type="application/rdf+xml" href="/index.rdf">
      <link rel="alternate" type="text/xml" href="/legacy.xml">
      <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
      <link rel="alternate" href="/no-type.rss">
      <link rel="feed" type="application/rss+xml" href="/not-alternate.rss">
      <link rel="alternate" type="application/rss+xml" href="/news.rss#dup">
    </head><body><a href="/other.rss">ignored: declared feeds exist</a></body></html>"""

    found = find_feed_links(html, base_url="https://example.com/blog/post")

    assert found == [
        DiscoveredFeed("https://example.com/news.rss", "News (RSS)", "application/rss+xml"),
        DiscoveredFeed("https://example.com/blog/atom.xml", None, "application/atom+xml"),
        DiscoveredFeed("https://cdn.example.org/f.json", None, "application/feed+json"),
        DiscoveredFeed("https://example.com/api.json", None, "application/json"),
        DiscoveredFeed("https://example.com/index.rdf", None, "application/rdf+xml"),
        DiscoveredFeed("https://example.com/legacy.xml", None, "text/xml"),
    ]


def test_base_tag_is_used_for_relative_hrefs() -> None:
    html = b"""<head><base href="https://static.example.net/site/">
      <base href="https://ignored.example/">
      <link rel=alternate type=application/rss+xml href=feed.xml>
      <link rel=alternate type=application/atom+xml href="/root.atom"></head>"""

    found = find_feed_links(html, base_url="https://example.com/page")

    assert [feed.url for feed in found] == [
        "https://static.example.net/site/feed.xml",
        "https://static.example.net/root.atom",
    ]


def test_relative_base_tag_and_non_web_base_tag() -> None:
    link = '<link rel="alternate" type="application/rss+xml" href="rss">'
    relative = f'<base href="/sub/">{link}'
    javascript = f'<base href="javascript:void(0)">{link}'

    assert find_feed_links(relative, base_url="http://example.com/a/b")[0].url == (
        "http://example.com/sub/rss"
    )
    assert find_feed_links(javascript, base_url="http://example.com/a/b")[0].url == (
        "http://example.com/a/rss"
    )


def test_non_web_hrefs_are_ignored() -> None:
    html = """
      <link rel="alternate" type="application/rss+xml" href="javascript:alert('x')">
      <link rel="alternate" type="application/rss+xml" href="  JavaScript:alert(1)">
      <link rel="alternate" type="application/rss+xml" href="data:text/xml,<rss/>">
      <link rel="alternate" type="application/rss+xml" href="feed://example.com/rss">
      <link rel="alternate" type="application/rss+xml" href="mailto:rss@example.com">
      <link rel="alternate" type="application/rss+xml" href="http://[::1">
      <link rel="alternate" type="application/rss+xml" href="  /ok.rss  ">"""

    assert find_feed_links(html, base_url="https://example.com/") == [
        DiscoveredFeed("https://example.com/ok.rss", None, "application/rss+xml")
    ]


def test_no_feeds() -> None:
    html = '<html><head><title>x</title></head><body><a href="/about">About</a></body></html>'

    assert find_feed_links(html, base_url="https://example.com/") == []
    assert find_feed_links(b"", base_url="https://example.com/") == []
    assert find_feed_links(b"\x00\xff\xfe garbage <<<", base_url="https://example.com/") == []


def test_anchor_fallback_rules() -> None:
    html = """<body>
      <a href="/feed/">Subscribe</a>
      <a href="/posts.atom"><img alt="">  </a>
      <a href="/blog/comments/feed" title="Comments feed"></a>
      <a href="/export?format=RSS">Export</a>
      <a href="https://rss.example.org/about">host only</a>
      <a href="/feed/">duplicate</a>
      <a href="javascript:openFeed('rss')">js</a>
      <a href="mailto:feed@example.com">mail</a>
      <a href="/about">about</a>
      <a href="#rss">fragment of this page</a>
    </body>"""

    found = find_feed_links(html, base_url="https://example.com/")

    assert found == [
        DiscoveredFeed("https://example.com/feed/", "Subscribe", None, guessed=True),
        DiscoveredFeed("https://example.com/posts.atom", None, None, guessed=True),
        DiscoveredFeed(
            "https://example.com/blog/comments/feed", "Comments feed", None, guessed=True
        ),
        DiscoveredFeed("https://example.com/export?format=RSS", "Export", None, guessed=True),
    ]


def test_charset_from_meta_is_honoured_for_titles() -> None:
    html = (
        '<meta charset="windows-1252"><link rel="alternate" type="application/rss+xml" '
        'title="Café" href="/f">'
    ).encode("cp1252")

    assert find_feed_links(html, base_url="https://example.com/")[0].title == "Café"


@pytest.mark.parametrize("html", ["<link rel=alternate type=application/rss+xml>", "<a>rss</a>"])
def test_elements_without_href(html: str) -> None:
    assert find_feed_links(html, base_url="https://example.com/") == []
