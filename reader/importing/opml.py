"""Subscriptions in and out: OPML (what every reader exports) and newsboat's plain ``urls`` file.

Import is lenient about what real exporters write (Feedly, Miniflux, newsboat, ...) but strict
about safety: the XML parser never resolves entities, never touches the network and refuses
documents that carry a DOCTYPE, because an OPML file is untrusted input from somewhere else."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree

from reader.errors import ImportFormatError

FEED_SCHEMES = frozenset({"http", "https", "file"})

# Outline types that carry an xmlUrl but are not feeds. Anything else with an xmlUrl (rss, atom,
# "RSS", missing, ...) is taken as a feed, because exporters disagree on the spelling.
_NOT_FEED_TYPES = frozenset({"link", "include"})

# Characters XML 1.0 cannot carry even escaped; they are dropped on export instead of failing.
_NOT_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_DOCTYPE = "<!DOCTYPE"
_SKIPPED_URL_PREFIXES = ("query:", "exec:", "filter:")


@dataclass(frozen=True, slots=True)
class Subscription:
    url: str
    title: str | None = None
    folder: str | None = None
    site_url: str | None = None


@dataclass(frozen=True, slots=True)
class NewsboatImport:
    """The feeds of a newsboat ``urls`` file, and the lines that are not feeds we can fetch
    (``query:``, ``exec:``, ``filter:`` or not a URL at all), so the caller can tell the user."""

    subscriptions: list[Subscription]
    skipped: list[str]


# ---------------------------------------------------------------------------------------------
# OPML import
# ---------------------------------------------------------------------------------------------


def read_opml(data: bytes) -> list[Subscription]:
    """Every feed in an OPML 1.0/2.0 document, in document order, first occurrence of a URL
    winning (Feedly lists a feed once per category it is in)."""
    body = _opml_body(_parse_xml(data))
    found: dict[str, Subscription] = {}
    for subscription in _walk(body, folder=None):
        found.setdefault(subscription.url, subscription)
    return list(found.values())


def _hardened_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )


def _parse_xml(data: bytes) -> etree._Element:
    if _DOCTYPE in _ascii_view(data).upper():
        raise ImportFormatError("not an OPML file: DOCTYPE declarations are not allowed")
    try:
        root = etree.fromstring(data, parser=_hardened_parser())
    except etree.XMLSyntaxError as exc:
        raise ImportFormatError(f"not an OPML file: XML error at line {exc.lineno}") from exc
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise ImportFormatError("not an OPML file: DOCTYPE declarations are not allowed")
    return root


def _ascii_view(data: bytes) -> str:
    """The document's markup as ASCII, whatever its encoding. The DOCTYPE is refused before lxml
    sees it because libxml2 still opens a local external DTD subset with ``load_dtd=False``.
    Dropping NUL bytes turns UTF-16/32 markup into ASCII; every other encoding libxml2 reads is
    ASCII-compatible for markup."""
    return data.replace(b"\x00", b"").decode("latin-1")


def _local_name(element: etree._Element) -> str:
    return etree.QName(element).localname.lower() if isinstance(element.tag, str) else ""


def _opml_body(root: etree._Element) -> etree._Element:
    if _local_name(root) == "opml":
        for child in root:
            if _local_name(child) == "body":
                return child
    raise ImportFormatError("not an OPML file")


def _attributes(outline: etree._Element) -> dict[str, str]:
    """Attribute names lower-cased: exporters write xmlUrl, xmlurl and XMLURL."""
    return {str(name).lower(): value.strip() for name, value in outline.attrib.items()}


def _walk(parent: etree._Element, folder: str | None) -> Iterator[Subscription]:
    for outline in parent:
        if _local_name(outline) != "outline":
            continue
        attributes = _attributes(outline)
        name = attributes.get("title") or attributes.get("text") or None
        if attributes.get("xmlurl"):
            subscription = _subscription(attributes, name, folder)
            if subscription is not None:
                yield subscription
        else:
            yield from _walk(outline, _join_folder(folder, name))


def _subscription(
    attributes: dict[str, str], title: str | None, folder: str | None
) -> Subscription | None:
    url = attributes["xmlurl"]
    if attributes.get("type", "").lower() in _NOT_FEED_TYPES or not _is_feed_url(url):
        return None
    return Subscription(
        url=url, title=title, folder=folder, site_url=attributes.get("htmlurl") or None
    )


def _is_feed_url(url: str) -> bool:
    """A URL a refresh can fetch: http(s) with a host, or a local file with a path ("http:" or
    "file:" alone would be subscribed and then fail on every refresh)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError for a port that is not a number
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme not in FEED_SCHEMES:
        return False
    return bool(parts.path) if scheme == "file" else bool(parts.hostname)


def _join_folder(parent: str | None, name: str | None) -> str | None:
    if not name:
        return parent
    return f"{parent}/{name}" if parent else name


# ---------------------------------------------------------------------------------------------
# OPML export
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _FolderNode:
    """A folder while building the export tree; children keep first-seen order."""

    folders: dict[str, _FolderNode] = field(default_factory=dict)
    order: list[Subscription | str] = field(default_factory=list)

    def folder(self, name: str) -> _FolderNode:
        if name not in self.folders:
            self.folders[name] = _FolderNode()
            self.order.append(name)
        return self.folders[name]

    def add(self, subscription: Subscription) -> None:
        self.order.append(subscription)


def write_opml(
    subscriptions: Iterable[Subscription], *, title: str = "reader subscriptions"
) -> bytes:
    """OPML 2.0 in UTF-8. Folders ("Tech/Cars") become nested outlines; within each folder feeds
    and subfolders keep the order in which they were first seen, so a list read back from the
    file is the same list whenever the input was already grouped by folder."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = _xml_safe(title)
    _write_folder(etree.SubElement(root, "body"), _build_tree(subscriptions))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _build_tree(subscriptions: Iterable[Subscription]) -> _FolderNode:
    tree = _FolderNode()
    for subscription in subscriptions:
        node = tree
        for part in _folder_parts(subscription.folder):
            node = node.folder(part)
        node.add(subscription)
    return tree


def _folder_parts(folder: str | None) -> list[str]:
    return [part.strip() for part in (folder or "").split("/") if part.strip()]


def _write_folder(parent: etree._Element, node: _FolderNode) -> None:
    for item in node.order:
        if isinstance(item, str):
            name = _xml_safe(item)
            outline = etree.SubElement(parent, "outline", text=name, title=name)
            _write_folder(outline, node.folders[item])
        else:
            _write_feed(parent, item)


def _write_feed(parent: etree._Element, subscription: Subscription) -> None:
    outline = etree.SubElement(parent, "outline", type="rss")
    title = _xml_safe(subscription.title or "")
    outline.set("text", title)
    if title:
        outline.set("title", title)
    outline.set("xmlUrl", _xml_safe(subscription.url))
    if subscription.site_url:
        outline.set("htmlUrl", _xml_safe(subscription.site_url))


def _xml_safe(text: str) -> str:
    return _NOT_XML_CHARS.sub("", text)


# ---------------------------------------------------------------------------------------------
# newsboat urls file
# ---------------------------------------------------------------------------------------------


def read_newsboat_urls(text: str) -> NewsboatImport:
    """Parse newsboat's ``urls`` file: ``URL [tag ...]`` per line, where a ``"~Title"`` tag names
    the feed, a leading ``!`` on a tag only hides the feed in newsboat (ignored here), and the
    first plain tag becomes the folder since we have one folder per feed, not many tags."""
    subscriptions: dict[str, Subscription] = {}
    skipped: list[str] = []
    for line in text.lstrip("\ufeff").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        subscription = _newsboat_line(stripped)
        if subscription is None:
            skipped.append(stripped)
        else:
            subscriptions.setdefault(subscription.url, subscription)
    return NewsboatImport(subscriptions=list(subscriptions.values()), skipped=skipped)


def _newsboat_line(line: str) -> Subscription | None:
    words = _split_quoted(line)
    if not words:
        return None
    url, tags = words[0], words[1:]
    if url.startswith(_SKIPPED_URL_PREFIXES) or not _is_feed_url(url):
        return None
    title: str | None = None
    folder: str | None = None
    for raw_tag in tags:
        tag = raw_tag.removeprefix("!").strip()
        if tag.startswith("~"):
            title = title or tag[1:].strip() or None
        elif tag and folder is None:
            folder = tag
    return Subscription(url=url, title=title, folder=folder)


def _split_quoted(line: str) -> list[str]:
    """Split like newsboat does: on whitespace, double quotes group words, backslash escapes
    inside quotes, and an unquoted ``#`` starts a comment."""
    words: list[str] = []
    index = 0
    while index < len(line):
        char = line[index]
        if char.isspace():
            index += 1
        elif char == '"':
            word, index = _read_quoted(line, index + 1)
            words.append(word)
        elif char == "#":
            break
        else:
            end = index
            while end < len(line) and not line[end].isspace():
                end += 1
            words.append(line[index:end])
            index = end
    return words


def _read_quoted(line: str, index: int) -> tuple[str, int]:
    chars: list[str] = []
    while index < len(line):
        char = line[index]
        if char == "\\" and index + 1 < len(line):
            chars.append(line[index + 1])
            index += 2
            continue
        index += 1
        if char == '"':
            break
        chars.append(char)
    return "".join(chars), index
