"""What a feed document turns into, before it is stored: RSS, Atom, RDF and JSON Feed parse
into these alike. Only the fetching package uses them, so the app does not pay for them at start."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Enclosure:
    url: str
    media_type: str | None = None
    length: int | None = None


@dataclass(frozen=True, slots=True)
class ParsedEntry:
    """One item of a feed, normalised across RSS, Atom, RDF and JSON Feed.

    Text fields are plain text (entities decoded, no markup); ``summary_html`` and
    ``content_html`` are HTML as the feed sent it, with relative URLs resolved. Datetimes are
    timezone-aware UTC or None when the feed gave none (or none that parses).
    """

    guid: str | None
    url: str | None
    title: str | None
    author: str | None
    published: datetime | None
    updated: datetime | None
    summary_html: str | None
    content_html: str | None
    categories: tuple[str, ...] = ()
    enclosures: tuple[Enclosure, ...] = ()


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed document after parsing. ``format`` names what the body really was ("rss20",
    "atom10", "rss10", "json11" ...), whatever the URL or Content-Type claimed."""

    title: str | None
    site_url: str | None
    format: str
    entries: tuple[ParsedEntry, ...]
    parser: str = "feedparser"
