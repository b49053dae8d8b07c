"""The reference parser: feedparser, which reads almost anything (ill-formed XML, odd encodings,
RSS 0.9x to Atom 0.3) and is the yardstick the fast path is checked against."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import urljoin

from reader.cleaning.html_text import html_to_text
from reader.errors import ParseError
from reader.fetching.normalize import (
    is_phantom,
    parse_length,
    struct_to_datetime,
    text_to_html,
    unique_enclosures,
    unique_terms,
)
from reader.fetching.parsed import Enclosure, ParsedEntry, ParsedFeed

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|(?:html|head|body)[\s>])", re.I | re.S
)
_HTML_TAG_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:title|meta|div|p|h[1-6]|script|style|link|center|table)[\s>/]",
    re.I | re.S,
)
_URI_FIXER = re.compile(r"^([A-Za-z][A-Za-z0-9+-.]*://)(/*)(.*?)")

MAX_CATEGORIES_PER_ENTRY = 100
"""Categories feedparser collects per entry (or feed). It checks each new one against all the
earlier ones, so 10,000 categories on one entry cost 4.4 s and 100,000 about 440 s (measured
2,000: 0.3 s, 10,000: 4.4 s); past the cap the rest are skipped at no cost. No real feed comes
near 100, and categories are not stored anyway."""


OUT_OF_TIME = "gave up parsing: the document is too big or too complex to read in time"


class _OutOfTime(Exception):
    """Raised from inside feedparser's element handler when the parse deadline has passed."""


_deadline = threading.local()


_loading = threading.Lock()
_loaded: dict[str, Any] = {}


def _feedparser() -> Any:
    """feedparser with its guards, imported at the first document that needs it: a parse
    worker whose documents all take the fast path never loads it (see feedparser_tables)."""
    with _loading:
        if "feedparser" not in _loaded:
            import feedparser
            from feedparser.mixin import _FeedParserMixin

            _install_guards(_FeedParserMixin)
            _loaded["feedparser"] = feedparser
        return _loaded["feedparser"]


def _install_guards(mixin: Any) -> None:
    """Bound feedparser's work: a deadline checked at every start tag (a pure-Python parser is
    ~1 ms per entry, so a 20 MB document of small entries would take minutes) and the
    category cap above. Both wrap feedparser's own methods; the deadline is per thread and
    only set by ``parse_with_feedparser``, so other callers of feedparser are unaffected."""
    start_tag = mixin.unknown_starttag
    add_tag = mixin._add_tag

    def unknown_starttag(self: Any, tag: str, attrs: Any) -> Any:
        deadline = getattr(_deadline, "at", None)
        if deadline is not None and time.thread_time() > deadline:
            raise _OutOfTime
        return start_tag(self, tag, attrs)

    def _add_tag(self: Any, term: Any, scheme: Any, label: Any) -> None:
        tags = self._get_context().get("tags")
        if tags is not None and len(tags) >= MAX_CATEGORIES_PER_ENTRY:
            return
        add_tag(self, term, scheme, label)

    mixin.unknown_starttag = unknown_starttag
    mixin._add_tag = _add_tag


def parse_with_feedparser(
    body: bytes,
    *,
    url: str,
    headers: Mapping[str, str],
    deadline: float | None = None,
) -> ParsedFeed:
    """Parse ``body`` with feedparser; raise ParseError when it is not a feed at all, or when
    parsing is still going at ``deadline`` (a ``time.thread_time()`` value: CPU seconds).

    The body is passed as bytes, never as a URL, so feedparser does no network access; the
    ``content-location`` header makes relative links resolve against the feed's own URL.
    """
    response_headers = {key.lower(): value for key, value in headers.items()}
    response_headers["content-location"] = url
    # Headers without a Content-Type make feedparser decode undeclared bodies as ISO-8859-1
    # (RFC 3023); a generic XML type gives the same decoding as passing no headers at all.
    response_headers.setdefault("content-type", "application/xml")
    feedparser = _feedparser()
    _deadline.at = deadline
    try:
        result = feedparser.parse(
            body, response_headers=response_headers, resolve_relative_uris=True, sanitize_html=True
        )
    except _OutOfTime:
        raise ParseError(OUT_OF_TIME) from None
    finally:
        _deadline.at = None
    if not result.get("version") and not result.entries:
        raise ParseError(_not_a_feed_reason(body, result))
    entries = tuple(
        entry for entry in (_entry(raw, url) for raw in result.entries) if not is_phantom(entry)
    )
    if not entries and _is_xml_error(result.get("bozo_exception")):
        # A truncated or broken document that yielded nothing: storing "0 entries, OK" would hide
        # the breakage from the user.
        raise ParseError(_not_a_feed_reason(body, result))
    feed = result.feed
    return ParsedFeed(
        title=_title(feed),
        site_url=feed.get("link") or None,
        format=result.get("version") or "unknown",
        entries=entries,
        parser="feedparser",
    )


def looks_like_html_page(body: bytes) -> bool:
    """An HTML document rather than a feed (an error page, a home page)."""
    head = body[:2048].lstrip(b"\xef\xbb\xbf")
    return _HTML_START.match(head) is not None


def _not_a_feed_reason(body: bytes, result: Any) -> str:
    if not body.strip():
        return "not a feed: the response was empty"
    head = body[:2048].lstrip(b"\xef\xbb\xbf")
    if looks_like_html_page(head) or _HTML_TAG_START.match(head):
        return "not a feed: got an HTML page"
    error = result.get("bozo_exception")
    get_line = getattr(error, "getLineNumber", None)
    message = getattr(error, "getMessage", None)
    if callable(get_line) and callable(message):
        return f"XML error at line {get_line()}: {message()}"
    if error is not None:
        return f"not a feed: {error}"
    return "not a feed: no RSS, Atom or RDF element found"


def _is_xml_error(error: object) -> bool:
    return callable(getattr(error, "getLineNumber", None))


def _title(detail_owner: Any) -> str | None:
    title = detail_owner.get("title")
    if not title:
        return None
    detail = detail_owner.get("title_detail") or {}
    if detail.get("type") in _HTML_TYPES:
        return html_to_text(title) or None
    return title


def _html(value: str | None, media_type: str | None) -> str | None:
    if not value:
        return None
    if media_type in _HTML_TYPES or media_type is None:
        return value
    return text_to_html(value)


def _content(raw: Any) -> str | None:
    """The longest HTML content; plain-text content only when there is no HTML one."""
    contents = raw.get("content") or []
    html_parts = [c for c in contents if c.get("type") in _HTML_TYPES and c.get("value")]
    if html_parts:
        return max(html_parts, key=lambda c: len(c["value"]))["value"]
    text_parts = [c for c in contents if c.get("value")]
    if text_parts:
        best = max(text_parts, key=lambda c: len(c["value"]))
        return _html(best["value"], best.get("type"))
    return None


_PLAIN_ABSOLUTE = re.compile(r"https?://[^/?#\s;\[\]\\]")
_NEEDS_URLJOIN = re.compile(r"[\s;\[\]\x00-\x1f\x7f]|\?#|[?#]$")


def join_url(base: str, uri: str) -> str:
    """feedparser's URL join (extra slashes after the scheme dropped), so both paths agree.

    An ordinary absolute http(s) URL comes back from urljoin unchanged; recognising it up front
    saves most of the cost of a fast-path entry.
    """
    if _PLAIN_ABSOLUTE.match(uri) and not _NEEDS_URLJOIN.search(uri):
        return uri
    uri = _URI_FIXER.sub(r"\1\3", uri)
    try:
        return urljoin(base, uri)
    except ValueError:
        return ""


def _enclosures(raw: Any, url: str) -> tuple[Enclosure, ...]:
    found = []
    for link in raw.get("links") or []:
        if link.get("rel") != "enclosure" or not link.get("href"):
            continue
        found.append(
            Enclosure(
                url=join_url(url, link["href"]),
                media_type=link.get("type") or None,
                length=parse_length(link.get("length")),
            )
        )
    return unique_enclosures(found)


def _summary_type(raw: Any) -> str | None:
    """feedparser copies a missing summary from the content without its type; find it there."""
    detail = raw.get("summary_detail")
    if detail:
        return detail.get("type")
    summary = raw.get("summary")
    for content in raw.get("content") or []:
        if content.get("value") == summary:
            return content.get("type")
    return None


def _entry(raw: Any, url: str) -> ParsedEntry:
    return ParsedEntry(
        guid=raw.get("id") or None,
        url=raw.get("link") or None,
        title=_title(raw),
        author=raw.get("author") or None,
        published=struct_to_datetime(dict.get(raw, "published_parsed")),
        updated=struct_to_datetime(dict.get(raw, "updated_parsed")),
        summary_html=_html(raw.get("summary"), _summary_type(raw)),
        content_html=_content(raw),
        categories=unique_terms(tag.get("term") for tag in raw.get("tags") or []),
        enclosures=_enclosures(raw, url),
    )
