"""The fast path: well-formed RSS 2.0, RSS 1.0 and Atom 1.0 read with lxml.

feedparser stays the reference. This module reproduces its results for the documents it is sure
about and returns None ("unsure, ask feedparser") for everything else: ill-formed XML, DOCTYPEs,
xml:base, encodings other than UTF-8, HTML-typed titles, xhtml content, and any element that
feedparser would map onto an entry field that this module does not handle. Where feedparser has a
quirk (a guid used as the link, relative guids resolved, the last date element winning), the quirk
is reproduced on purpose so that both paths store the same article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from contextlib import suppress
from datetime import UTC, datetime, timedelta
from html.entities import name2codepoint
from typing import Any

from lxml import etree

from reader.fetching.feedparser_path import join_url
from reader.fetching.feedparser_tables import feedparser_tables
from reader.fetching.normalize import (
    is_phantom,
    parse_length,
    struct_to_datetime,
    text_to_html,
    unique_enclosures,
    unique_terms,
)
from reader.fetching.parsed import Enclosure, ParsedEntry, ParsedFeed

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    huge_tree=False,
    load_dtd=False,
    dtd_validation=False,
    remove_comments=True,
    remove_pis=True,
    strip_cdata=True,
    recover=False,
    # Fewer text nodes to build. Safe: every read of ``.text`` strips it, ``.tail`` is never
    # read, and libxml2 only drops a blank run with no text node before it in its element.
    remove_blank_text=True,
)

_ATOM = "http://www.w3.org/2005/Atom"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RSS10 = "http://purl.org/rss/1.0/"

_XML_DECL = re.compile(rb"^<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([^\s;\"']+)", re.I)
_C1_IN_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
_UTF8_NAMES = frozenset({"utf-8", "utf8"})
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_LINK_ENTITY = re.compile(r"&([A-Za-z0-9_]+);")
_ENTITY_REF = re.compile(r"&([a-zA-Z][-.a-zA-Z0-9]*);")
_SANITIZER_ENTITIES = frozenset(name2codepoint) | {"apos"}
_ODD_MARKUP = re.compile(r"<(?![A-Za-z]|/[A-Za-z]|!--)")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ENTITY_WITH_NON_ASCII = re.compile(r"&[^\s&;<]*[^\x00-\x7f][^\s&;<]*;")
"""In a title: "&" and ";" around letters beyond ASCII ("&Ã©;"). feedparser decides whether the
title is HTML before it repairs mis-decoded text and this path after, so the two can disagree
("&Ã©;&amp;" is HTML to one, "&é;&amp;" plain text to the other): feedparser reads such a
title, as it is the reference."""

_MATCH_NAMESPACES, _HANDLED = feedparser_tables()


def _looks_like_html(value: str) -> bool:
    """feedparser's test, for the rare title with markup in it (feedparser is imported then)."""
    from feedparser.mixin import _FeedParserMixin

    return _FeedParserMixin.looks_like_html(value)


def feedparser_parse_date(value: str) -> Any:
    """feedparser's date parser, for dates of neither common shape (imported then)."""
    from feedparser.datetimes import _parse_date

    return _parse_date(value)


class _Unsure(Exception):
    """Raised deep inside the walk to abandon the fast path for this document."""


def parse_fast(body: bytes, *, url: str, headers: Mapping[str, str]) -> ParsedFeed | None:
    """Parse ``body`` if it is a plain RSS 2.0 / RSS 1.0 / Atom 1.0 document; otherwise None."""
    if not _safe_bytes(body, headers):
        return None
    try:
        root = etree.fromstring(body, _PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return None
    if root.getroottree().docinfo.doctype:
        return None
    try:
        return _dispatch(root, url)
    except _Unsure:
        return None


def _safe_bytes(body: bytes, headers: Mapping[str, str]) -> bool:
    """UTF-8 only, no DTD, no xml:base, no C1 characters (which feedparser remaps to cp1252)."""
    if body.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in body:
        return False
    head = body[3:] if body.startswith(b"\xef\xbb\xbf") else body
    declared = _XML_DECL.match(head)
    if declared and declared.group(1).decode("ascii").lower() not in _UTF8_NAMES:
        return False
    if not _http_charset_ok(headers, body, declared is not None):
        return False
    if b"<!DOCTYPE" in body or b"<!ENTITY" in body or b"xml:base" in body:
        return False
    # the byte search is many times faster than the regex, which most bodies never need
    return b"\xc2" not in body or _C1_IN_UTF8.search(body) is None


def _http_charset_ok(headers: Mapping[str, str], body: bytes, declared_utf8: bool) -> bool:
    content_type = ""
    for key, value in headers.items():
        if key.lower() == "content-type":
            content_type = value
    if not content_type:
        return True
    charset = _CHARSET.search(content_type)
    if charset:
        return charset.group(1).lower() in _UTF8_NAMES
    # RFC 3023: text/* without a charset means US-ASCII to feedparser, which then falls back to
    # the declared encoding; an undeclared non-ASCII body would go to its guesswork.
    if content_type.strip().lower().startswith("text/"):
        return declared_utf8 or body.isascii()
    return True


_RSS_VERSIONS = {"2.0": "rss20", "0.92": "rss092", "0.93": "rss093", "0.94": "rss094"}
"""RSS 0.91 is left to feedparser: it tells the Netscape and UserLand variants apart by DTD."""


def _dispatch(root: Any, url: str) -> ParsedFeed | None:
    tag = root.tag
    if tag == "rss":
        version = _RSS_VERSIONS.get(root.get("version") or "")
        if version is None or None in root.nsmap:
            return None
        return _parse_rss(root, url, version)
    if tag == f"{{{_RDF}}}RDF":
        return _parse_rdf(root, url)
    if tag == f"{{{_ATOM}}}feed":
        return _parse_atom(root, url)
    return None


# ---------------------------------------------------------------------------------------------
# Element names as feedparser sees them ("dc_creator", "content_encoded", "pubdate").
# ---------------------------------------------------------------------------------------------

_NAME_CACHE: dict[tuple[str, str | None], str] = {}
_PLAIN_NAMES: dict[str, str] = {}
"""Tags whose feedparser name does not depend on the prefix the document chose."""


def _fp_name(element: Any) -> str:
    """The handler name feedparser derives for an element: mapped prefix + lowercased local name."""
    tag = element.tag
    name = _PLAIN_NAMES.get(tag)
    if name is not None:
        return name
    key = (tag, element.prefix)
    name = _NAME_CACHE.get(key)
    if name is None:
        qname = etree.QName(element)
        namespace = (qname.namespace or "").lower()
        if "backend.userland.com/rss" in namespace:
            namespace = "http://backend.userland.com/rss"
        prefix = _MATCH_NAMESPACES.get(namespace, element.prefix or "")
        local = qname.localname.lower()
        name = f"{prefix}_{local}" if prefix else local
        _NAME_CACHE[key] = name
        if namespace in _MATCH_NAMESPACES or not namespace:
            _PLAIN_NAMES[tag] = name
    return name


_HARMLESS = frozenset(
    {"comments", "itunes_image", "itunes_link", "itunes_explicit", "itunes_block",
     "media_content", "media_thumbnail", "media_player", "media_rating", "media_restriction",
     "media_license", "media_credit", "psc_chapters", "psc_chapter", "cc_license",
     "creativecommons_license", "language", "dc_language", "dc_rights", "rights", "copyright",
     "dc_publisher", "georss_point", "georss_line", "georss_polygon", "georss_box",
     "georss_where", "width", "height", "created", "dcterms_created", "expirationdate",
     "dcterms_valid", "generator", "cloud", "itunes_subtitle"}
)  # fmt: skip
"""Elements feedparser has a handler for that cannot change any field we read."""


def _is_neutral(name: str) -> bool:
    return name in _HARMLESS or name not in _HANDLED


_NEUTRAL_CACHE: dict[str, bool] = {}


def _check_neutral(element: Any) -> None:
    """Abandon the fast path if feedparser would act on this element (or anything inside it)."""
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        name = _fp_name(node)
        neutral = _NEUTRAL_CACHE.get(name)
        if neutral is None:
            neutral = _NEUTRAL_CACHE[name] = _is_neutral(name)
        if not neutral:
            raise _Unsure(name)


# ---------------------------------------------------------------------------------------------
# Text as feedparser's pop() leaves it.
# ---------------------------------------------------------------------------------------------


def _raw_text(element: Any) -> str:
    """Element text, stripped: what feedparser keeps for elements it pushes without
    ``expecting_text`` (an Atom author's name and email)."""
    if len(element):
        raise _Unsure("markup inside a text element")
    return (element.text or "").strip()


def _text(element: Any) -> str:
    """Element text, stripped, with feedparser's fix for UTF-8 read as Latin-1 applied. (The
    check of ``_raw_text`` is repeated here: this runs for nearly every element.)"""
    if len(element):
        raise _Unsure("markup inside a text element")
    value = (element.text or "").strip()
    if value and not value.isascii():
        with suppress(UnicodeEncodeError, UnicodeDecodeError):
            value = value.encode("iso-8859-1").decode("utf-8")
    return value


def _lower_attrs(element: Any) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for key, value in element.items():
        if key.startswith("{"):
            continue
        lowered = key.lower()
        attrs[lowered] = value.lower() if lowered in ("rel", "type") else value
    return attrs


_SHORT_TYPES = {"text": "text/plain", "plain": "text/plain", "html": "text/html",
                "xhtml": "application/xhtml+xml"}  # fmt: skip


def _map_type(media_type: str) -> str:
    media_type = media_type.lower()
    return _SHORT_TYPES.get(media_type, media_type)


# ---------------------------------------------------------------------------------------------
# Dates.
# ---------------------------------------------------------------------------------------------

_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, 1)}
_RFC822 = re.compile(
    r"(?:(?i:mon|tue|wed|thu|fri|sat|sun),\s+)?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) "
    r"(\d{2}):(\d{2}):(\d{2}) "
    r"(?:GMT|UTC|\+0000|([+-])(\d{2})(\d{2}))"
)
_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|([+-])(\d{2}):(\d{2}))"
)


def _date(value: str) -> datetime | None:
    """The two shapes nearly every feed uses are parsed here; anything else goes to feedparser's
    own date parser, so the result is the same as on the feedparser path either way."""
    if not value:
        return None
    match = _RFC822.fullmatch(value)
    if match:
        day, month, year, hh, mm, ss, sign, oh, om = match.groups()
        month_number = _MONTHS.get(month.lower())
        if month_number is not None:
            built = _build(year, month_number, day, hh, mm, ss, sign, oh, om)
            if built is not None:
                return built
    match = _ISO.fullmatch(value)
    if match:
        year, month, day, hh, mm, ss, sign, oh, om = match.groups()
        built = _build(year, int(month), day, hh, mm, ss, sign, oh, om)
        if built is not None:
            return built
    return struct_to_datetime(feedparser_parse_date(value))


def _build(
    year: str, month: int, day: str, hh: str, mm: str, ss: str,
    sign: str | None, oh: str | None, om: str | None,
) -> datetime | None:  # fmt: skip
    """None (let feedparser decide) for anything out of the ordinary: invalid fields, odd
    offsets, or years where feedparser's struct_time handling has edge cases of its own."""
    if not 1971 <= int(year) <= 2200:
        return None
    try:
        moment = datetime(int(year), month, int(day), int(hh), int(mm), int(ss), tzinfo=UTC)
    except ValueError:
        return None
    if sign:
        if int(oh) > 14 or int(om) > 59:
            return None
        offset = timedelta(hours=int(oh), minutes=int(om))
        moment = moment - offset if sign == "+" else moment + offset
    return moment


# ---------------------------------------------------------------------------------------------
# Entries: one mutable builder per item, filled by per-element handlers.
# ---------------------------------------------------------------------------------------------


class _Entry:
    __slots__ = (
        "author",
        "base",
        "categories",
        "content",
        "enclosures",
        "guid",
        "guid_link",
        "is_atom",
        "link",
        "published",
        "summary",
        "title",
        "updated",
    )  # fmt: skip

    def __init__(self, base: str, is_atom: bool) -> None:
        self.base = base
        self.is_atom = is_atom
        self.guid: str | None = None
        self.guid_link: str | None = None
        self.link: str | None = None
        self.title: str | None = None
        self.author: str | None = None
        self.published: datetime | None = None
        self.updated: datetime | None = None
        self.summary: str | None = None
        self.content: list[str] = []
        self.categories: list[str] = []
        self.enclosures: list[Enclosure] = []

    def finish(self) -> ParsedEntry:
        link = self.link if self.link is not None else self.guid_link
        content = max(self.content, key=len) if self.content else None
        summary = self.summary if self.summary is not None else _first(self.content)
        return ParsedEntry(
            guid=self.guid or None,
            url=link or None,
            title=self.title or None,
            author=self.author or None,
            published=self.published,
            updated=self.updated,
            summary_html=summary or None,
            content_html=content or None,
            categories=unique_terms(self.categories),
            enclosures=unique_enclosures(self.enclosures),
        )


def _first(values: list[str]) -> str | None:
    return values[0] if values else None


def _on_title(entry: _Entry, element: Any) -> None:
    attrs = _lower_attrs(element)
    value = _text(element)
    media_type = _map_type(attrs.get("type", "text/plain"))
    if media_type != "text/plain":
        raise _Unsure("typed title")
    if ("<" in value or "&" in value) and (entry.is_atom is False and _looks_like_html(value)):
        raise _Unsure("HTML-looking title")
    if "&" in value and _ENTITY_WITH_NON_ASCII.search(value):
        raise _Unsure("an entity-like run of other letters in a title")
    entry.title = value


def _on_link(entry: _Entry, element: Any) -> None:
    attrs = _lower_attrs(element)
    if "url" in attrs and "href" not in attrs:
        attrs["href"] = attrs.pop("url")
    rel = attrs.setdefault("rel", "alternate")
    attrs.setdefault("type", "application/atom+xml" if rel == "self" else "text/html")
    if "href" in attrs:
        if len(element) or (element.text or "").strip():
            raise _Unsure("link with both href and text")
        href = join_url(entry.base, attrs["href"])
        if rel == "alternate" and _map_type(attrs["type"]) in _HTML_TYPES:
            entry.link = href
        elif rel == "enclosure":
            entry.enclosures.append(
                Enclosure(href, attrs.get("type") or None, parse_length(attrs.get("length")))
            )
        return
    value = _text(element)
    if value:
        value = join_url(entry.base, value)
    if "&" in value:
        value = _LINK_ENTITY.sub(r"&\g<1>", value.replace("&amp;", "&"))
    entry.link = value


def _on_guid(entry: _Entry, element: Any) -> None:
    attrs = _lower_attrs(element)
    is_link = attrs.get("ispermalink", "true") == "true"
    value = _text(element)
    if value and is_link:
        value = join_url(entry.base, value)
    entry.guid = value
    if is_link and entry.link is None and entry.guid_link is None:
        entry.guid_link = value


def _on_summary(entry: _Entry, element: Any) -> None:
    entry.summary = _body(entry, element, "text/html" if not entry.is_atom else "text/plain")


def _on_content(entry: _Entry, element: Any) -> None:
    entry.content.append(_body(entry, element, "text/html" if not entry.is_atom else "text/plain"))


def _body(entry: _Entry, element: Any, default_type: str) -> str:
    attrs = _lower_attrs(element)
    if "src" in attrs or "mode" in attrs:
        raise _Unsure("out-of-line or moded content")
    media_type = _map_type(attrs.get("type", default_type))
    value = _text(element)
    if media_type == "text/html":
        if "&" in value:
            _check_entities(value)
        # "!" first: a one-character search, which most bodies fail
        commented = "!" in value and "<!--" in value
        if _ODD_MARKUP.search(_COMMENT.sub("", value) if commented else value):
            raise _Unsure("markup feedparser's sgmllib sanitiser reads differently")
        return value
    if media_type == "text/plain":
        return text_to_html(value) if value else ""
    raise _Unsure(f"content type {media_type}")


def _check_entities(html: str) -> None:
    """feedparser's sanitiser rewrites an entity reference it does not know ("&foo;", even the
    HTML5 "&AMP;") to "&amp;foo", losing the semicolon from the visible text."""
    for name in _ENTITY_REF.findall(html):
        if name not in _SANITIZER_ENTITIES:
            raise _Unsure(f"entity &{name};")


def _on_published(entry: _Entry, element: Any) -> None:
    entry.published = _date(_text(element))


def _on_updated(entry: _Entry, element: Any) -> None:
    entry.updated = _date(_text(element))


def _on_rss_author(entry: _Entry, element: Any) -> None:
    """Plain-text authors: the last one wins, as in feedparser."""
    entry.author = _text(element)


def _on_atom_author(entry: _Entry, element: Any) -> None:
    if entry.author is not None:
        raise _Unsure("several authors, which feedparser merges")
    if (element.text or "").strip():
        raise _Unsure("text directly inside an Atom author")
    name = email = None
    for child in element:
        if not isinstance(child.tag, str):
            continue
        child_name = _fp_name(child)
        if child_name == "name":
            name = _raw_text(child)
        elif child_name == "email":
            email = _raw_text(child)
        elif child_name in ("uri", "url", "homepage"):
            _text(child)
        else:
            _check_neutral(child)
    if name and email:
        entry.author = f"{name} ({email})"
    else:
        entry.author = name or email or ""


def _on_category(entry: _Entry, element: Any) -> None:
    attrs = _lower_attrs(element)
    if "term" in attrs:
        if (element.text or "").strip():
            raise _Unsure("category with both term and text")
        entry.categories.append(attrs["term"])
        return
    entry.categories.append(_text(element))


def _on_enclosure(entry: _Entry, element: Any) -> None:
    attrs = _lower_attrs(element)
    href = attrs.get("url") or attrs.get("href")
    if len(element) or (element.text or "").strip():
        raise _Unsure("enclosure with content")
    if href:
        entry.enclosures.append(
            Enclosure(join_url(entry.base, href), attrs.get("type") or None,
                      parse_length(attrs.get("length")))
        )  # fmt: skip


def _ignore(entry: _Entry, element: Any) -> None:
    _check_neutral(element)


_Handler = Callable[[_Entry, Any], None]

_COMMON_HANDLERS: dict[str, _Handler] = {
    "title": _on_title,
    "link": _on_link,
    "category": _on_category,
    "dc_subject": _on_category,
    "pubdate": _on_published,
    "published": _on_published,
    "dcterms_issued": _on_published,
    "updated": _on_updated,
    "dc_date": _on_updated,
    "dcterms_modified": _on_updated,
    "lastbuilddate": _on_updated,
    "content_encoded": _on_content,
}

_RSS_HANDLERS: dict[str, _Handler] = {
    **_COMMON_HANDLERS,
    "guid": _on_guid,
    "description": _on_summary,
    "author": _on_rss_author,
    "dc_creator": _on_rss_author,
    "dc_author": _on_rss_author,
    "itunes_author": _on_rss_author,
    "enclosure": _on_enclosure,
}

_ATOM_HANDLERS: dict[str, _Handler] = {
    **_COMMON_HANDLERS,
    "id": _on_guid,
    "summary": _on_summary,
    "content": _on_content,
    "author": _on_atom_author,
}


_HANDLER_CACHES: dict[int, dict[str, _Handler]] = {id(_RSS_HANDLERS): {}, id(_ATOM_HANDLERS): {}}
"""Per handler table, the handler resolved for each prefix-independent tag: one dict lookup per
element instead of two."""


def _parse_entry(item: Any, base: str, handlers: dict[str, _Handler], is_atom: bool) -> ParsedEntry:
    cache = _HANDLER_CACHES[id(handlers)]
    entry = _Entry(base, is_atom)
    if item.attrib and not is_atom:
        raise _Unsure("attributes on an item")
    for child in item:
        tag = child.tag  # lxml makes a new string at each read
        if not isinstance(tag, str):
            continue
        handler = cache.get(tag)
        if handler is None:
            handler = handlers.get(_fp_name(child), _ignore)
            if tag in _PLAIN_NAMES:
                cache[tag] = handler
        handler(entry, child)
    return entry.finish()


# ---------------------------------------------------------------------------------------------
# Documents.
# ---------------------------------------------------------------------------------------------


def _real(entries: Iterable[ParsedEntry]) -> tuple[ParsedEntry, ...]:
    return tuple(entry for entry in entries if not is_phantom(entry))


def _channel_text(channel: Any, tag: str) -> str | None:
    """The last plain (attribute-less) child with this tag, as feedparser keeps the last one."""
    found = None
    for child in channel:
        if child.tag == tag and not child.attrib:
            found = _text(child)
    return found or None


_CHANNEL_TITLE_LIKE = frozenset({"title", "dc_title", "media_title"})


def _check_channel(channel: Any, skip: frozenset[str], core: str = "") -> None:
    """Feed-level elements that would change feedparser's idea of the feed title or link.
    ``core`` is the namespace of the format's own elements (RSS 1.0 has one, RSS 2.0 none)."""
    for child in channel:
        if not isinstance(child.tag, str):
            continue
        name = _fp_name(child)
        if name in skip:
            continue
        if name in _CHANNEL_TITLE_LIKE and (child.tag != core + "title" or child.attrib):
            raise _Unsure("namespaced or typed channel title")
        if name == "link" and child.tag != core + "link":
            probe = _Entry("", True)
            _on_link(probe, child)
            if probe.link is not None:
                raise _Unsure("alternate atom:link on a channel")
        elif name == "link" and child.attrib:
            raise _Unsure("channel link with attributes")


def _parse_rss(root: Any, url: str, version: str) -> ParsedFeed | None:
    channels = [c for c in root if c.tag == "channel"]
    if len(channels) != 1 or any(c.tag == "item" for c in root):
        return None
    channel = channels[0]
    _check_channel(channel, frozenset({"item", "image", "textinput"}))
    items = [c for c in channel if c.tag == "item"]
    if sum(1 for _ in channel.iter("item")) != len(items):
        return None
    entries = _real(_parse_entry(item, url, _RSS_HANDLERS, False) for item in items)
    site = _channel_text(channel, "link")
    return ParsedFeed(
        title=_channel_text(channel, "title"),
        site_url=join_url(url, site) if site else None,
        format=version,
        entries=entries,
        parser="fastxml",
    )


def _parse_rdf(root: Any, url: str) -> ParsedFeed | None:
    channel_tag = f"{{{_RSS10}}}channel"
    item_tag = f"{{{_RSS10}}}item"
    channels = [c for c in root if c.tag == channel_tag]
    if len(channels) != 1:
        return None
    channel = channels[0]
    core = f"{{{_RSS10}}}"
    _check_channel(channel, frozenset({"items", "image", "textinput"}), core)
    items = [c for c in root if c.tag == item_tag]
    if sum(1 for _ in root.iter(item_tag)) != len(items):
        return None
    entries = []
    for item in items:
        about = item.get(f"{{{_RDF}}}about")
        entry = _parse_rdf_item(item, url, about)
        entries.append(entry)
    site = _channel_text(channel, core + "link")
    return ParsedFeed(
        title=_channel_text(channel, core + "title"),
        site_url=join_url(url, site) if site else None,
        format="rss10",
        entries=_real(entries),
        parser="fastxml",
    )


def _parse_rdf_item(item: Any, url: str, about: str | None) -> ParsedEntry:
    entry = _Entry(url, False)
    if about:
        entry.guid = about
    for child in item:
        if not isinstance(child.tag, str):
            continue
        handler = _RSS_HANDLERS.get(_fp_name(child), _ignore)
        handler(entry, child)
    return entry.finish()


def _parse_atom(root: Any, url: str) -> ParsedFeed | None:
    entry_tag = f"{{{_ATOM}}}entry"
    title = None
    site = site_from_id = None
    for child in root:
        if not isinstance(child.tag, str) or child.tag == entry_tag:
            continue
        name = _fp_name(child)
        if name == "title":
            if _map_type(_lower_attrs(child).get("type", "text")) != "text/plain":
                return None
            title = _text(child) or None
        elif name == "link":
            probe = _Entry(url, True)
            _on_link(probe, child)
            if probe.link is not None:
                site = probe.link
        elif name == "id" and site_from_id is None:
            probe = _Entry(url, True)
            _on_guid(probe, child)
            site_from_id = probe.guid_link
    entries = [c for c in root if c.tag == entry_tag]
    if sum(1 for _ in root.iter(entry_tag)) != len(entries):
        return None
    return ParsedFeed(
        title=title,
        site_url=(site if site is not None else site_from_id) or None,
        format="atom10",
        entries=_real(_parse_entry(e, url, _ATOM_HANDLERS, True) for e in entries),
        parser="fastxml",
    )
