"""JSON Feed 1.0 / 1.1 (https://www.jsonfeed.org/version/1.1/), which feedparser 6 cannot read.

Every field is checked for its type before use: JSON Feeds are hand-built by many small scripts
and a wrong type in one field must cost that field, not the whole feed.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from reader.errors import ParseError
from reader.fetching.feedparser_path import join_url
from reader.fetching.normalize import parse_length, text_to_html, unique_enclosures, unique_terms
from reader.fetching.parsed import Enclosure, ParsedEntry, ParsedFeed

_VERSION_PREFIX = "https://jsonfeed.org/version/"


def parse_json_feed(body: bytes, *, url: str) -> ParsedFeed:
    """Parse a JSON Feed document; ParseError when it is not JSON or not a JSON Feed."""
    try:
        document = json.loads(body.decode("utf-8-sig", errors="replace"))
    except json.JSONDecodeError as error:
        raise ParseError(f"not a feed: invalid JSON at line {error.lineno}") from None
    except RecursionError:
        raise ParseError("not a feed: invalid JSON (nested too deeply)") from None
    if not _is_json_feed(document):
        raise ParseError("not a feed: JSON but not a JSON Feed")
    home = _string(document.get("home_page_url"))
    base = join_url(url, home) if home else url
    feed_authors = _authors(document)
    items = document.get("items")
    entries = (
        tuple(_entry(item, base, feed_authors) for item in items if isinstance(item, dict))
        if isinstance(items, list)
        else ()
    )
    return ParsedFeed(
        title=_string(document.get("title")),
        site_url=base if home else None,
        format=_format(document["version"]),
        entries=entries,
        parser="jsonfeed",
    )


def _is_json_feed(document: object) -> bool:
    if not isinstance(document, dict):
        return False
    version = document.get("version")
    return isinstance(version, str) and version.startswith(_VERSION_PREFIX)


def _format(version: str) -> str:
    number = version.removeprefix(_VERSION_PREFIX).strip("/").replace(".", "")
    if not number.isdigit():
        return "json"
    return f"json{number}0" if len(number) == 1 else f"json{number}"


def _string(value: object) -> str | None:
    """A non-empty string, or None for anything else (lists, numbers, dicts, "")."""
    if isinstance(value, str) and value.strip():
        return value
    return None


def _date(value: object) -> datetime | None:
    text = _string(value)
    if text is None:
        return None
    try:
        parsed = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _authors(owner: dict[str, Any]) -> str | None:
    """Names of ``authors`` (1.1) or ``author`` (1.0), comma-separated."""
    candidates = owner.get("authors")
    if not isinstance(candidates, list):
        single = owner.get("author")
        candidates = [single] if isinstance(single, dict) else []
    names = [
        name
        for name in (
            _string(author.get("name")) for author in candidates if isinstance(author, dict)
        )
        if name
    ]
    return ", ".join(dict.fromkeys(names)) or None


def _guid(item: dict[str, Any]) -> str | None:
    value = item.get("id")
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return str(value)
    return _string(value)


def _link(item: dict[str, Any], base: str) -> str | None:
    for key in ("url", "external_url"):
        value = _string(item.get(key))
        if value:
            return join_url(base, value.strip()) or None
    return None


def _content(item: dict[str, Any]) -> str | None:
    html = _string(item.get("content_html"))
    if html:
        return html
    text = _string(item.get("content_text"))
    return text_to_html(text) if text else None


def _enclosures(item: dict[str, Any], base: str) -> tuple[Enclosure, ...]:
    attachments = item.get("attachments")
    if not isinstance(attachments, list):
        return ()
    found = []
    for attachment in attachments:
        if not isinstance(attachment, dict):
            continue
        href = _string(attachment.get("url"))
        if not href:
            continue
        found.append(
            Enclosure(
                url=join_url(base, href.strip()),
                media_type=_string(attachment.get("mime_type")),
                length=parse_length(attachment.get("size_in_bytes")),
            )
        )
    return unique_enclosures(found)


def _entry(item: dict[str, Any], base: str, feed_authors: str | None) -> ParsedEntry:
    tags = item.get("tags")
    summary = _string(item.get("summary"))
    return ParsedEntry(
        guid=_guid(item),
        url=_link(item, base),
        title=_string(item.get("title")),
        author=_authors(item) or feed_authors,
        published=_date(item.get("date_published")),
        updated=_date(item.get("date_modified")),
        summary_html=text_to_html(summary) if summary else None,
        content_html=_content(item),
        categories=unique_terms(t for t in tags if isinstance(t, str))
        if isinstance(tags, list)
        else (),
        enclosures=_enclosures(item, base),
    )
