"""Small conversions shared by every parser path, so that the fast path and the feedparser path
cannot drift apart on the details (how categories are deduplicated, how plain text becomes HTML)."""

from __future__ import annotations

import html
import time
from collections.abc import Iterable
from datetime import UTC, datetime

from reader.fetching.parsed import Enclosure, ParsedEntry


def unique_terms(terms: Iterable[str | None]) -> tuple[str, ...]:
    """Non-empty category terms in document order, each once: feeds repeat categories and
    feedparser only drops exact (term, scheme, label) duplicates."""
    seen: dict[str, None] = {}
    for term in terms:
        if term:
            seen.setdefault(term, None)
    return tuple(seen)


def unique_enclosures(enclosures: Iterable[Enclosure]) -> tuple[Enclosure, ...]:
    """Enclosures with a URL, each URL once."""
    seen: dict[str, Enclosure] = {}
    for enclosure in enclosures:
        if enclosure.url:
            seen.setdefault(enclosure.url, enclosure)
    return tuple(seen.values())


def parse_length(value: object) -> int | None:
    """Enclosure lengths are often "", "0" or junk; only a positive integer is information."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if value > 0 else None
    if isinstance(value, str):
        value = value.strip()
        if value.isdigit():
            number = int(value)
            return number if number > 0 else None
    return None


def struct_to_datetime(value: time.struct_time | None) -> datetime | None:
    """feedparser's UTC struct_time as an aware datetime; None if absent or out of range."""
    if value is None:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)
    except (ValueError, TypeError, OverflowError):
        return None


def text_to_html(text: str) -> str:
    """Plain text as HTML paragraphs, so every ``*_html`` field really holds HTML."""
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(
        "<p>" + html.escape(p, quote=False).replace("\n", "<br>") + "</p>" for p in paragraphs if p
    )


def is_phantom(entry: ParsedEntry) -> bool:
    """An entry with nothing to show or identify it, like the ones feedparser makes of a stray
    nested <item/>; storing it would give the user an empty "(untitled)" article."""
    return not (entry.title or entry.url or entry.guid or entry.summary_html or entry.content_html)
