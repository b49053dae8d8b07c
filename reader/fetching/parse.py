"""Entry point from fetched bytes to article drafts.

The body is sniffed, never trusted by extension or Content-Type (both lie in practice). All the
CPU work of a refresh happens in ``prepare_feed``, a pure function with picklable arguments and
result, so the caller can run it in a process pool.

What one document may cost is bounded here (the bytes are bounded before, by the fetcher's
``max_bytes``): at most ``MAX_ENTRIES_PER_DOCUMENT`` entries are kept, parsing and cleaning stop
after ``PARSE_TIME_LIMIT`` seconds of CPU, and XML attacks are refused by ``xml_guard``. The
other caps live beside the code they bound: ``MAX_CATEGORIES_PER_ENTRY`` in feedparser_path,
``MAX_XML_DEPTH`` and ``MAX_ENTITY_EXPANSION`` in xml_guard, ``MAX_INFLATED_BYTES`` below.
"""

from __future__ import annotations

import hashlib
import re
import time
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from reader.cleaning.blocks import CleanArticle
from reader.cleaning.boilerplate import learn_site_lines, site_key
from reader.cleaning.extract import CLEANER_VERSION
from reader.cleaning.sanitize import one_line, strip_control
from reader.cleaning.sources import clean_item
from reader.errors import ParseError
from reader.fetching.fastxml import parse_fast
from reader.fetching.feedparser_path import looks_like_html_page, parse_with_feedparser
from reader.fetching.jsonfeed import parse_json_feed
from reader.fetching.parsed import ParsedEntry, ParsedFeed
from reader.fetching.xml_guard import refuse_hostile_xml
from reader.models import ArticleDraft, PreparedFeed

if TYPE_CHECKING:
    from reader.companies.directory import CompanyEntry

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_TITLE_FALLBACK_CHARS = 80
# A gzip body sent without Content-Encoding is inflated up to the default response cap.
MAX_INFLATED_BYTES = 20 * 1024 * 1024

MAX_ENTRIES_PER_DOCUMENT = 2000
"""Entries kept from one fetched document, the newest first (see ``newest_entries``). A
50,000-entry feed (10 MB) cost 14 s to clean and store in full; kept to 2,000 it costs what
any big feed does. Real feeds carry 10 to 100 entries; the biggest in the corpus ~1,000."""
PARSE_TIME_LIMIT = 20.0
"""Seconds of CPU (of the parsing thread, so a busy machine does not count against a feed)
one document may take to parse and clean. feedparser reads ~1 ms per entry, so a 20 MB
document of small entries in an encoding the fast path leaves to it would take minutes: past
the limit it fails with a reason. Cleaning is checked between entries: past the limit the
entries cleaned so far (the newest, in the order of ``newest_entries``) are kept."""

MAX_LINE_CHARS = 1_000
"""Longest title, author or feed name kept (longer ones end in "…"; a longer guid is kept as its
hash): a list row shows a hundred characters, and a megabyte-long title, legal XML, would
otherwise be stored, indexed and drawn whole."""

# Files that servers hand out where a feed should be, by their first bytes.
_BINARY_SIGNATURES = (
    (b"\x89PNG", "an image (PNG)"),
    (b"\xff\xd8\xff", "an image (JPEG)"),
    (b"GIF8", "an image (GIF)"),
    (b"BM", "an image (BMP)"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"ID3", "an audio file (MP3)"),
    (b"OggS", "an audio or video file (Ogg)"),
    (b"\x1a\x45\xdf\xa3", "a video file (WebM/Matroska)"),
)
_MEDIA_TYPES = ("image/", "audio/", "video/", "font/")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f]")


def parse_document(
    body: bytes,
    *,
    url: str,
    headers: Mapping[str, str] | None = None,
    deadline: float | None = None,
) -> ParsedFeed:
    """Parse a fetched body into a ParsedFeed, or raise ParseError with a reason for the user.
    ``deadline`` (a ``time.thread_time()`` value) bounds the slow path, feedparser."""
    headers = headers or {}
    body = _gunzip_mislabelled(body)
    start = _content_start(body)
    if not start:
        raise ParseError("not a feed: the response was empty")
    binary = _binary_kind(start, headers)
    if binary:
        raise ParseError(f"not a feed: got {binary}")
    if start.startswith(b"{") or start.startswith(b"["):
        return parse_json_feed(body, url=url)
    if looks_like_html_page(start):
        raise ParseError("not a feed: got an HTML page")
    fast = parse_fast(body, url=url, headers=headers)
    if fast is not None:
        return fast
    refuse_hostile_xml(body)
    return parse_with_feedparser(body, url=url, headers=headers, deadline=deadline)


def _binary_kind(start: bytes, headers: Mapping[str, str]) -> str | None:
    """What a binary body is ("an image (PNG)"), or None for text. Without this an image
    reached feedparser and came back as "XML error at line 2: not well-formed"."""
    for signature, kind in _BINARY_SIGNATURES:
        if start.startswith(signature):
            return kind
    if start[:4] == b"RIFF" and start[8:12] == b"WEBP":
        return "an image (WebP)"
    if start[:2] in (b"<\x00", b"\x00<") or start.startswith(_BOMS[1:]):
        return None  # UTF-16: NUL bytes are expected
    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
    media_type = content_type.split(";")[0].strip().lower()
    if media_type.startswith(_MEDIA_TYPES) and not start.startswith((b"<", b"{")):
        return f"a file of type {media_type}"
    head = start[:512]
    if len(_CONTROL_BYTES.findall(head)) > len(head) // 10:
        return "binary data"
    return None


def _gunzip_mislabelled(body: bytes, limit: int = MAX_INFLATED_BYTES) -> bytes:
    """Some servers send a .gz file as the feed without ``Content-Encoding: gzip``; the body
    then starts with gzip's magic bytes. Inflate it, within the same cap as any response."""
    if not body.startswith(b"\x1f\x8b"):
        return body
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        inflated = inflater.decompress(body, limit + 1)
    except zlib.error as err:
        raise ParseError(f"not a feed: a damaged gzip file ({err})") from err
    if len(inflated) > limit:
        raise ParseError(f"not a feed: gzip file inflates past {limit // (1024 * 1024)} MB")
    return inflated


def prepare_feed(
    body: bytes,
    url: str,
    headers: Mapping[str, str] | None = None,
    watchlist: tuple[CompanyEntry, ...] = (),
    *,
    time_limit: float | None = None,
) -> PreparedFeed:
    """Parse, clean and turn every entry into a draft: the unit of work for a parse worker.
    Each draft names the watched companies found in it, to be tagged as it is stored.

    At most ``MAX_ENTRIES_PER_DOCUMENT`` entries are kept and the work stops after
    ``time_limit`` seconds of CPU (``PARSE_TIME_LIMIT`` when None): see those constants."""
    limit = PARSE_TIME_LIMIT if time_limit is None else time_limit
    deadline = time.thread_time() + limit
    feed = parse_document(
        body, url=url, headers=dict(headers) if headers else None, deadline=deadline
    )
    entries = [_entry_input(entry) for entry in newest_entries(feed.entries)]
    articles: list[CleanArticle] = []
    for entry in entries:
        if articles and time.thread_time() > deadline:
            entries = entries[: len(articles)]
            break
        articles.append(_clean(entry))
    site_lines = learn_site_lines(a.blocks for a in articles) if len(articles) >= 4 else None
    if site_lines:
        articles = [
            _without_site_lines(entry, article, site_lines)
            for entry, article in zip(entries, articles, strict=True)
        ]
    return PreparedFeed(
        title=_capped(_clean_line(feed.title)),
        site_url=_clean_line(feed.site_url),
        format=feed.format,
        parser=feed.parser,
        drafts=tuple(
            _with_companies(
                _unique(_draft(e, a) for e, a in zip(entries, articles, strict=True)), watchlist
            )
        ),
        site_lines=site_lines,
    )


def _with_companies(
    drafts: list[ArticleDraft], watchlist: tuple[CompanyEntry, ...]
) -> list[ArticleDraft]:
    if not watchlist:
        return drafts
    # Imported here: the detector's expressions cost a parse worker ~70 ms to load, and most
    # people watch no company.
    from reader.companies.watch import watch_detector

    detector = watch_detector(watchlist)
    return [
        replace(
            draft, companies=tuple(d.name for d in detector.detect(draft.title, draft.clean_text))
        )
        for draft in drafts
    ]


def to_drafts(feed: ParsedFeed) -> list[ArticleDraft]:
    """The drafts of a parsed feed, cleaned without learnt boilerplate."""
    entries = [_entry_input(entry) for entry in newest_entries(feed.entries)]
    return _unique(_draft(entry, _clean(entry)) for entry in entries)


def newest_entries(
    entries: Sequence[ParsedEntry], limit: int = MAX_ENTRIES_PER_DOCUMENT
) -> Sequence[ParsedEntry]:
    """The entries to keep from one document: all of them, in document order, up to ``limit``;
    past it the ``limit`` newest by date (published, else updated), newest first, with undated
    entries after the dated ones in document order. Dated entries go first because a date is
    the only evidence of recency a document gives; among undated ones, document order is the
    convention feeds follow (newest at the top), so the first ones are the ones to keep."""
    if len(entries) <= limit:
        return entries
    dated = [entry for entry in entries if _date_of(entry) is not None]
    dated.sort(key=_date_of, reverse=True)  # type: ignore[arg-type]  # stable: ties keep order
    undated = (entry for entry in entries if _date_of(entry) is None)
    return [*dated[:limit], *undated][:limit]


def _date_of(entry: ParsedEntry) -> datetime | None:
    return entry.published or entry.updated


def _unique(all_drafts: Iterable[ArticleDraft]) -> list[ArticleDraft]:
    """One draft per distinct entry. An exact repeat is dropped; but feeds do reuse one guid for
    different items (every duplicate guid in the real-world corpus is such a case), so a repeat
    whose content differs is kept under a key made unique by its own title and link, which stays
    the same on the next fetch."""
    drafts: dict[str, ArticleDraft] = {}
    for draft in all_drafts:
        first = drafts.get(draft.dedupe_key)
        if first is None:
            drafts[draft.dedupe_key] = draft
        elif first.content_hash != draft.content_hash:
            suffix = _hash(draft.title, draft.url or "", draft.content_hash)[:12]
            draft = replace(draft, dedupe_key=f"{draft.dedupe_key}#{suffix}")
            drafts.setdefault(draft.dedupe_key, draft)
    return list(drafts.values())


def _content_start(body: bytes) -> bytes:
    """The body from its first meaningful byte (after BOM and whitespace), ASCII-only bodies
    assumed for the sniff; UTF-16 bodies are left whole for the XML parsers."""
    for bom in _BOMS:
        if body.startswith(bom):
            if bom != _BOMS[0]:
                return body
            body = body[len(bom) :]
            break
    if body[:2] in (b"<\x00", b"\x00<"):
        return body
    return body.lstrip()


def _clean_line(text: str | None) -> str | None:
    if text is None:
        return None
    return one_line(text) or None


def _capped(line: str | None) -> str | None:
    if line is None or len(line) <= MAX_LINE_CHARS:
        return line
    return line[: MAX_LINE_CHARS - 1] + "…"


def _clean_text(text: str | None) -> str | None:
    if text is None:
        return None
    return strip_control(text) or None


class _EntryInput(NamedTuple):
    """An entry's fields made safe for the terminal, before cleaning. A named tuple: one is
    made for every entry, several times faster than a frozen dataclass."""

    entry: ParsedEntry
    url: str | None
    title: str | None
    author: str | None
    summary_html: str | None
    content_html: str | None


def _entry_input(entry: ParsedEntry) -> _EntryInput:
    return _EntryInput(
        entry=entry,
        url=_clean_line(entry.url),
        title=_clean_line(entry.title),
        author=_clean_line(entry.author),
        summary_html=_clean_text(entry.summary_html),
        content_html=_clean_text(entry.content_html),
    )


def _clean(entry: _EntryInput, site_lines: frozenset[str] = frozenset()) -> CleanArticle:
    return clean_item(
        entry.content_html or entry.summary_html or "",
        url=entry.url,
        title=entry.title,
        site_lines=site_lines,
    )


def _without_site_lines(
    entry: _EntryInput, article: CleanArticle, site_lines: frozenset[str]
) -> CleanArticle:
    """The article cleaned again without the feed's repeated lines (``clean_item``'s rule),
    skipping the work for articles that have none of them."""
    if not any(site_key(block) in site_lines for block in article.blocks):
        return article
    return _clean(entry, site_lines)


def _draft(entry: _EntryInput, article: CleanArticle) -> ArticleDraft:
    clean_text = article.text(link_numbers=False)
    title = _capped(entry.title) or _title_from_text(clean_text)
    published = entry.entry.published
    published_iso = published.isoformat() if published else ""
    summary_html, content_html = entry.summary_html, entry.content_html
    return ArticleDraft(
        dedupe_key=_dedupe_key(entry.entry, entry.url, title, published_iso),
        url=entry.url,
        title=title,
        author=_capped(entry.author),
        published=published,
        updated=entry.entry.updated,
        summary_html=summary_html,
        content_html=content_html,
        clean_text=clean_text,
        content_hash=_hash(
            title, entry.url or "", entry.author or "", summary_html or "", content_html or ""
        ),
        clean_version=CLEANER_VERSION,
    )


def _dedupe_key(entry: ParsedEntry, url: str | None, title: str, published_iso: str) -> str:
    guid = _clean_line(entry.guid)
    if guid and len(guid) > MAX_LINE_CHARS:
        return "guid-sha1:" + _hash(guid)
    if guid:
        return "guid:" + guid
    if url:
        return "link:" + url
    return "hash:" + _hash(title, published_iso)


def _title_from_text(text: str) -> str:
    line = " ".join(text.split())
    if not line:
        return "(untitled)"
    if len(line) <= _TITLE_FALLBACK_CHARS:
        return line
    cut = line[:_TITLE_FALLBACK_CHARS].rsplit(" ", 1)[0] or line[:_TITLE_FALLBACK_CHARS]
    return cut + "…"


def _hash(*parts: str) -> str:
    """SHA-1 over the parts with a separator that cannot occur in them (NUL is stripped)."""
    return hashlib.sha1("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
