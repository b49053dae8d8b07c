"""Blocks from the common feed-item HTML without building a tree.

Most feed items are paragraphs, headings, links, emphasis, images and line breaks, properly
nested and closed. For those, scanning the tags with a regular expression and feeding a
``BlockBuilder`` the same calls its tree walk would make gives the same blocks several times
faster than parsing with lxml and walking the tree. Anything outside that subset (lists, tables,
comments, unknown tags, a block inside a paragraph, an entity libxml2 might read differently,
furniture class names ...) returns False, and the caller parses the fragment with lxml instead,
so which way ran never shows in the result (tests compare both on every corpus feed item).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from html.entities import name2codepoint

from reader.cleaning.blocks import Block
from reader.cleaning.sanitize import collapse_spaces, strip_control
from reader.cleaning.tree_blocks import (
    _BR,
    _END,
    _HEADINGS,
    _PRIVATE,
    _START,
    BlockBuilder,
    is_boilerplate_names,
)

_TAG = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9]*)"
    r"((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'=<>`]+))?)*)"
    r"\s*/?>"
)
_ATTR = re.compile(
    r"([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:\"([^\"<>]*)\"|'([^'<>]*)'|([^\s\"'=<>`]+)))?"
)
_REFERENCE = re.compile(r"&(?:#([0-9]{1,7});|#[xX]([0-9a-fA-F]{1,6});|([a-zA-Z][a-zA-Z0-9]*);)?")
_UNSAFE_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f<]")
_C0_TO_NUL = bytes(0 if c < 0x09 or 0x0B <= c < 0x20 or c == 0x7F else c for c in range(256))
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
_MARKS = (_START, _END, _BR)

_INLINE = frozenset(
    {"span", "b", "i", "em", "strong", "u", "s", "small", "sub", "sup", "code", "abbr", "cite",
     "mark", "time", "font", "strike", "del", "ins", "big", "tt", "kbd", "var", "dfn", "q"}
)  # fmt: skip
_CONTAINERS = frozenset({"div", "blockquote", "figure"})
"""Blocks that may hold other blocks without the HTML parser closing anything."""
_BLOCKS = frozenset({"p", "div", "blockquote", "figure", *_HEADINGS})
_VOID = frozenset({"br", "img", "hr", "wbr"})
_PARAGRAPH_TAGS = frozenset({"p", "br", "wbr", *_INLINE})
_PARAGRAPH_BREAK, _LINE_BREAK = "\x00", "\x01"  # never in text: _UNSAFE_TEXT turns it away
_PARAGRAPH_SEPARATORS = {"p": _PARAGRAPH_BREAK, "br": _LINE_BREAK} | dict.fromkeys(
    _PARAGRAPH_TAGS - {"p", "br"}, ""
)


@dataclass(slots=True)
class _Open:
    tag: str
    kind: str  # what the element's children are walked as
    level: int
    saved: tuple[str, int] | None = None  # the builder's block before this one (blocks only)
    link: int = 0  # the link number of an <a>, 0 for none
    collected: list[str] | None = None  # text of a TOC link or a figcaption


def build_simple(html: str, builder: BlockBuilder) -> bool:
    """Feed ``builder`` the fragment's blocks, as ``BlockBuilder.walk`` on the fragment parsed
    into a <div> would. False when the HTML is outside the simple subset; the builder must then
    be thrown away."""
    if _has_declaration(html) or "\r" in html or not _references_are_plain(html):
        return False
    pieces = _bare_paragraphs(html)
    if pieces is not None:
        if "&" in html or (not html.isascii() and any(mark in html for mark in _MARKS)):
            _add_text(builder, _PARAGRAPH_BREAK.join(pieces))  # decoded on the whole text
        else:
            builder.flush(*builder._current)
            _add_paragraphs(builder, pieces, html)
        return True
    pieces = _TAG.split(html)
    if _paragraphs_only(pieces, builder):
        return True
    scan = _Scan(builder)
    for index in range(0, len(pieces), 4):
        text = pieces[index]
        if text and not scan.text(text):
            return False
        if index + 1 >= len(pieces):
            break
        tag = pieces[index + 2].lower()
        if pieces[index + 1] == "/":
            if not scan.close(tag):
                return False
        elif not scan.open(tag, _attributes(pieces[index + 3])):
            return False
    return scan.finish()


def _has_declaration(html: str) -> bool:
    """A comment, doctype, CDATA section or processing instruction ("<!", "<?"). The single
    characters are looked for first, which is many times faster and rules out most items."""
    return ("!" in html and "<!" in html) or ("?" in html and "<?" in html)


def _bare_paragraphs(html: str) -> list[str] | None:
    """The text between the tags of an item made of nothing but "<p>" and "</p>" in turn, the
    commonest item of all: what ``_paragraphs_only`` would find, with string methods instead of
    the tag expression, whose split cost several times as much. None for anything else (and
    for text that ``_unsafe_text`` turns away), which goes the general way."""
    # every "</p>" is preceded by a "<p>" since the previous one, and no other "<" is left:
    # no other tag, no "<" in the text, and every <p> closed before the next one opens
    chunks = html.split("</p>")
    last = chunks.pop()
    if "<" in last:
        return None
    pieces: list[str] = []
    for chunk in chunks:
        outside, found, inside = chunk.partition("<p>")
        if not found or "<" in outside or "<" in inside:
            return None
        pieces.append(outside)
        pieces.append(inside)
    pieces.append(last)
    if _has_controls(html):  # the tags have none: this is ``_unsafe_text`` on the text
        return None
    return pieces


def _paragraphs_only(pieces: list[str], builder: BlockBuilder) -> bool:
    """Attribute-free paragraphs of emphasised text and line breaks (bare ``<p>`` items are
    caught earlier by ``_bare_paragraphs``), with string operations instead of a call per tag.
    Each <p> is opened after the previous one is closed, so every <p> and </p> is a block
    boundary however the parser nests the rest; False (nothing done) for anything else."""
    names = pieces[2::4]
    if any(pieces[3::4]) or not {name.lower() for name in set(names)} <= _PARAGRAPH_TAGS:
        return False
    slashes = pieces[1::4]
    closing = [slash for slash, name in zip(slashes, names, strict=True) if name in ("p", "P")]
    # every <p> closed before the next one opens, and the last one closed
    if len(closing) % 2 or any(closing[0::2]) or not all(closing[1::2]):
        return False
    texts = pieces[0::4]
    if _unsafe_text("".join(texts)):
        return False
    parts: list[str] = [""] * (2 * len(texts) - 1)
    parts[0::2] = texts
    parts[1::2] = map(_PARAGRAPH_SEPARATORS.__getitem__, map(str.lower, names))
    _add_text(builder, "".join(parts))
    return True


def _add_text(builder: BlockBuilder, full: str) -> None:
    """The blocks of ``full``, the raw text of a paragraphs-only item with its breaks marked."""
    if "&" in full:
        full = unescape(full)
    if not full.isascii() and any(mark in full for mark in _MARKS):
        full = _PRIVATE.sub("", full)  # as ``BlockBuilder.text`` does with each piece
    builder.flush(*builder._current)
    _add_paragraphs(builder, full.split(_PARAGRAPH_BREAK), full)


def _unsafe_text(text: str) -> bool:
    """``_UNSAFE_TEXT.search(text)``, several times faster on long text: a "<", and control
    characters looked for in the UTF-8 bytes (C0 through a byte table, C1 as its two bytes)."""
    return "<" in text or _has_controls(text)


def _has_controls(text: str) -> bool:
    """Whether ``text`` holds a character of ``_UNSAFE_TEXT`` other than "<"."""
    data = text.encode("utf-8", "surrogatepass")
    # int needles: a bytes one is first tried as an int, at the cost of an exception each time
    if 0 in data.translate(_C0_TO_NUL):
        return True
    return 0xC2 in data and _C1_UTF8.search(data) is not None


def _add_paragraphs(builder: BlockBuilder, paragraphs: list[str], full: str) -> None:
    """The blocks of an item's ``paragraphs`` (pieces of its text ``full``, in which the
    paragraphs are separated by ``_PARAGRAPH_BREAK`` or tags, lines by ``_LINE_BREAK``), as the
    builder would make them from its text, line breaks and flushes. Its control-character and
    space clean-up runs per block; when the whole text is printable (nothing to remove, and no
    spaces but " ", newline and tab) that is a strip, or a split and join where spaces repeat."""
    printable = full.isascii() or _printable(full)
    spaced = "  " in full or "\n" in full or "\t" in full
    line_breaks = _LINE_BREAK in full
    blocks = builder.blocks
    for paragraph in paragraphs:
        if not paragraph:
            continue  # between "</p>" and "<p>": half the pieces
        if line_breaks and _LINE_BREAK in paragraph:
            builder._inline.append(paragraph.replace(_LINE_BREAK, _BR))
            builder.flush("paragraph", 0)
            continue
        if not printable:
            text = collapse_spaces(strip_control(paragraph))
        elif spaced and ("  " in paragraph or "\n" in paragraph or "\t" in paragraph):
            text = " ".join(paragraph.split())
        else:
            text = paragraph.strip()
        if text:
            blocks.append(Block("paragraph", text, 0))


def _printable(full: str) -> bool:
    """Whether ``strip_control`` leaves every paragraph of ``full`` as it is and its only
    whitespace is the space, newline and tab (an ASCII ``full`` is, once ``_unsafe_text``
    passed: references to control characters were turned away before)."""
    for mark in (_PARAGRAPH_BREAK, _LINE_BREAK, "\n", "\t"):
        if mark in full:
            full = full.replace(mark, " ")
    return full.isprintable()


class _Scan:
    """The open elements while the tags go by, and what the tree walk would do at each."""

    def __init__(self, builder: BlockBuilder) -> None:
        self.builder = builder
        self.root = _Open("div", "paragraph", 0, saved=builder._current)
        self.stack = [self.root]
        # Counts over the stack below the root, kept as frames come and go: scanning the stack
        # at every tag instead made deeply nested HTML quadratic.
        self.inside_non_containers = 0
        self.inside_links = 0
        self.collecting: list[list[str]] = []  # text sinks of open TOC links and figcaptions
        self.caption_depth = 0  # inside a figcaption, nothing is reading text
        builder.flush(*builder._current)
        builder._current = ("paragraph", 0)

    def finish(self) -> bool:
        if len(self.stack) != 1:
            return False
        self.builder.flush("paragraph", 0)
        self.builder._current = self.root.saved or ("paragraph", 0)
        return True

    def text(self, raw: str) -> bool:
        if _UNSAFE_TEXT.search(raw):
            return False
        value = unescape(raw) if "&" in raw else raw
        for sink in self.collecting:
            sink.append(value)
        if not self.caption_depth:
            self.builder.text(value)
        return True

    def open(self, tag: str, attrs: dict[str, str]) -> bool:
        if attrs:
            names = attrs.get("class", "") + " " + attrs.get("id", "")
            if names.strip() and is_boilerplate_names(names):
                return False
        parent = self.stack[-1]
        if tag in _INLINE:
            self._push(_Open(tag, parent.kind, parent.level))
            return True
        if tag == "img":
            alt = attrs.get("alt")
            if alt and not self.caption_depth:
                self.builder.captions.append(alt)
            return True
        if tag in ("br", "wbr"):
            if tag == "br" and not self.caption_depth:
                self.builder._inline.append(_BR)
            return True
        if tag == "a":
            return self._open_link(attrs)
        if self.caption_depth:
            return False
        if tag == "figcaption":
            if parent.tag != "figure":
                return False
            sink: list[str] = []
            caption = _Open(tag, parent.kind, parent.level, collected=sink)
            self.collecting.append(sink)
            self.caption_depth += 1
            self._push(caption)
            return True
        if tag in _BLOCKS or tag == "hr":
            if self.inside_non_containers:
                return False  # a block inside a paragraph, heading or inline element
            self._open_block(tag)
            return True
        return False

    def _open_link(self, attrs: dict[str, str]) -> bool:
        if self.inside_links:
            return False
        parent = self.stack[-1]
        if self.caption_depth:  # the tree walk never enters a figcaption
            self._push(_Open("a", parent.kind, parent.level))
            return True
        href = attrs.get("href")
        number = self.builder._link(href)
        if number:
            self.builder._inline.append(_START)
            self.builder._pending.append(number)
        link = _Open("a", parent.kind, parent.level, link=number)
        if href and href.startswith("#") and len(href) > 1:
            link.collected = []
            self.collecting.append(link.collected)
        self._push(link)
        return True

    def _open_block(self, tag: str) -> None:
        parent = self.stack[-1]
        if tag in _HEADINGS:
            kind, level = "heading", _HEADINGS[tag]
        elif tag == "blockquote":
            kind, level = "quote", parent.level
        else:
            kind, level = parent.kind, parent.level
        builder = self.builder
        saved = builder._current
        builder.flush(*saved)
        builder._current = (kind, level)
        if tag == "hr":
            builder.flush(kind, level)
            builder._current = saved
            return
        self._push(_Open(tag, kind, level, saved=saved))

    def _push(self, frame: _Open) -> None:
        self.stack.append(frame)
        self.inside_non_containers += frame.tag not in _CONTAINERS
        self.inside_links += frame.tag == "a"

    def _pop(self) -> None:
        frame = self.stack.pop()
        self.inside_non_containers -= frame.tag not in _CONTAINERS
        self.inside_links -= frame.tag == "a"

    def close(self, tag: str) -> bool:
        if tag in _VOID:
            return False  # "</br>" is a line break to the HTML parser; not worth imitating
        frame = self.stack[-1]
        if len(self.stack) == 1 or frame.tag != tag:
            return False
        self._pop()
        if frame.collected is not None:
            self.collecting.pop()  # sinks nest like their elements: this one is the last
        if tag == "a":
            if frame.collected is not None:
                self.builder.toc_entries.append("".join(frame.collected))
            if frame.link:
                self.builder._inline.append(_END)
        elif tag == "figcaption":
            self.caption_depth -= 1
            self.builder.captions.append("".join(frame.collected or ()))
        elif frame.saved is not None:
            self.builder.flush(frame.kind, frame.level)
            self.builder._current = frame.saved
        return True


def _attributes(raw: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    if not raw:
        return attrs
    for match in _ATTR.finditer(raw):
        name = match.group(1).lower()
        value = match.group(2) or match.group(3) or match.group(4) or ""
        attrs.setdefault(name, unescape(value) if "&" in value else value)
    return attrs


def _references_are_plain(html: str) -> bool:
    """Every "&" starts a reference that libxml2 and ``html.unescape`` read alike: a named one
    from HTML 4 (libxml2's table) or a numeric one to an ordinary character."""
    if "&" not in html:
        return True
    for match in _REFERENCE.finditer(html):
        decimal, hexadecimal, name = match.groups()
        if name is not None:
            if name not in name2codepoint:
                return False
        elif decimal is not None or hexadecimal is not None:
            value = int(decimal) if decimal is not None else int(hexadecimal, 16)
            if not _plain_code_point(value):
                return False
        else:
            return False  # a bare "&"
    return True


def _plain_code_point(value: int) -> bool:
    return (
        0x20 <= value < 0x7F
        or 0xA0 <= value < 0xD800
        or 0xE000 <= value < 0xFDD0
        or (0xFDEF < value <= 0x10FFFF and (value & 0xFFFE) != 0xFFFE)
        or value in (0x09, 0x0A)
    )
