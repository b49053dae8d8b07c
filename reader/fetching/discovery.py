"""Feed autodiscovery: the feeds an HTML page points to, for when a user pastes a site's address
instead of its feed's.

Declared feeds (``<link rel="alternate" type=...>``) are what the site says; anchors whose URL
merely looks like a feed are a guess, offered only when the page declares nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

FEED_MEDIA_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/feed+json",
        "application/json",
        "application/rdf+xml",
        "text/xml",
    }
)

_WEB_SCHEMES = frozenset({"http", "https"})
_FEED_LIKE_SUFFIXES = (".rss", ".xml", ".atom", "feed", "feed/")
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class DiscoveredFeed:
    """A feed found on a page. ``guessed`` is True for an ``<a href>`` that only looks like a
    feed URL, as opposed to a feed the page declares with ``<link rel="alternate">``."""

    url: str
    title: str | None
    media_type: str | None
    guessed: bool = False


def find_feed_links(html: bytes | str, *, base_url: str) -> list[DiscoveredFeed]:
    """Feeds linked from ``html`` in document order, without duplicates, as absolute http(s)
    URLs resolved against ``base_url`` and the page's ``<base href>``."""
    page = LexborHTMLParser(html, encoding=True)
    base = _document_base(page, base_url)
    declared = _unique(_declared_feeds(page, base))
    if declared:
        return declared
    return _unique(_guessed_feeds(page, base, page_url=base_url))


def _document_base(page: LexborHTMLParser, base_url: str) -> str:
    """HTML uses only the first ``<base href>``; one that is not http(s) is ignored."""
    node = page.css_first("base[href]")
    if node is None:
        return base_url
    resolved = _resolve(base_url, node.attributes.get("href"))
    return resolved or base_url


def _declared_feeds(page: LexborHTMLParser, base: str) -> list[DiscoveredFeed]:
    feeds = []
    for node in page.css("link[rel][href]"):
        attributes = node.attributes
        rel_tokens = (attributes.get("rel") or "").lower().split()
        media_type = _media_type(attributes.get("type"))
        url = _resolve(base, attributes.get("href"))
        if "alternate" in rel_tokens and media_type in FEED_MEDIA_TYPES and url:
            feeds.append(DiscoveredFeed(url, _clean(attributes.get("title")), media_type))
    return feeds


def _guessed_feeds(page: LexborHTMLParser, base: str, *, page_url: str) -> list[DiscoveredFeed]:
    page_itself = urldefrag(page_url).url
    feeds = []
    for node in page.css("a[href]"):
        url = _resolve(base, node.attributes.get("href"))
        if url and url != page_itself and _looks_like_feed(url):
            feeds.append(DiscoveredFeed(url, _anchor_title(node), None, guessed=True))
    return feeds


def _looks_like_feed(url: str) -> bool:
    """Judged on path and query only, so a host like ``rss.example.com`` does not count."""
    parts = urlsplit(url)
    path = parts.path.lower()
    tail = f"{path}?{parts.query.lower()}"
    return path.endswith(_FEED_LIKE_SUFFIXES) or "/feed" in path or "rss" in tail


def _anchor_title(node: LexborNode) -> str | None:
    return _clean(node.text(deep=True)) or _clean(node.attributes.get("title"))


def _media_type(value: str | None) -> str | None:
    """``type="Application/RSS+XML; charset=utf-8"`` → ``application/rss+xml``."""
    if not value:
        return None
    return value.split(";", 1)[0].strip().lower() or None


def _resolve(base: str, href: str | None) -> str | None:
    if href is None:
        return None
    try:
        url = urldefrag(urljoin(base, href.strip())).url
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in _WEB_SCHEMES else None


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    return _WHITESPACE.sub(" ", text).strip() or None


def _unique(feeds: list[DiscoveredFeed]) -> list[DiscoveredFeed]:
    seen: set[str] = set()
    unique = []
    for feed in feeds:
        if feed.url not in seen:
            seen.add(feed.url)
            unique.append(feed)
    return unique
