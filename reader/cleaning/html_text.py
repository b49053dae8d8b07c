"""Feed HTML as readable plain text for the terminal.

This is what the reader shows until a boilerplate-aware cleaner exists, and it is also the form in
which the fast XML path and the feedparser path are compared, so it must depend only on what a
person would see (text and block structure), never on attribute order or sanitiser details.
"""

from __future__ import annotations

import re
from html import unescape

from selectolax.lexbor import LexborHTMLParser, LexborNode

from reader.cleaning.sanitize import collapse_spaces, strip_control

_DROPPED = frozenset(
    {"script", "style", "noscript", "template", "iframe", "svg", "head", "object", "embed",
     "canvas", "select", "textarea", "math", "-comment", "-doctype", "title", "noembed",
     "noframes", "xmp", "plaintext"}
)  # fmt: skip
"""Never shown as text. ``noembed``, ``noframes``, ``xmp`` and ``plaintext`` are raw text to the
HTML parser: their content would come out as literal tags (``<noembed><p>`` gives "<p>")."""

_BLOCKS = frozenset(
    {"p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "figure",
     "figcaption", "address", "details", "summary", "dl", "dt", "dd", "table", "thead", "tbody",
     "tfoot", "caption", "tr", "form", "fieldset", "legend", "center", "hgroup", "body", "html",
     "h1", "h2", "h3", "h4", "h5", "h6", "hr", "picture", "video", "audio"}
)  # fmt: skip

_LISTS = frozenset({"ul", "ol", "menu", "dir"})
_CELLS = frozenset({"td", "th"})

_BR = "\x00"
"""Stands for a <br> inside a paragraph while whitespace is collapsed. NUL never survives the
HTML tokenizer, so it cannot collide with text."""

_HTML_HINT = re.compile(
    r"<(?:[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>]*)?/?|/[a-zA-Z][a-zA-Z0-9:-]*\s*)>"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});"
)


def looks_like_html(text: str) -> bool:
    """True when a text field contains a tag or an entity reference, i.e. it would read wrongly
    if shown verbatim. "1 < 2" and "R&D" are not HTML."""
    if "<" not in text and "&" not in text:
        return False
    return _HTML_HINT.search(text) is not None


class _Blocks:
    """Paragraphs of output plus the inline text of the paragraph being built."""

    __slots__ = ("blocks", "inline")

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.inline: list[str] = []

    def flush(self) -> None:
        if not self.inline:
            return
        raw = "".join(self.inline)
        self.inline = []
        lines = (
            [collapse_spaces(line) for line in raw.split(_BR)]
            if _BR in raw
            else [collapse_spaces(raw)]
        )
        while lines and not lines[0]:
            lines.pop(0)
        while lines and not lines[-1]:
            lines.pop()
        if lines:
            self.blocks.append("\n".join(lines))

    def finish(self) -> list[str]:
        self.flush()
        return self.blocks


def _walk(node: LexborNode | None, out: _Blocks) -> None:
    while node is not None:
        tag = node.tag
        if tag == "-text":
            out.inline.append(node.text_content or "")
        elif tag in _DROPPED or tag is None:
            pass
        elif tag in _BLOCKS:
            out.flush()
            _walk(node.first_child, out)
            out.flush()
        elif tag == "br":
            out.inline.append(_BR)
        elif tag in _LISTS:
            out.flush()
            _render_list(node, tag == "ol", out)
        elif tag == "blockquote":
            out.flush()
            _render_quote(node, out)
        elif tag == "pre":
            out.flush()
            _render_pre(node, out)
        elif tag in _CELLS:
            out.inline.append(" ")
            _walk(node.first_child, out)
            out.inline.append(" ")
        elif tag == "li":
            out.flush()
            _walk(node.first_child, out)
            out.flush()
        else:
            _walk(node.first_child, out)
        node = node.next


def _render_list(node: LexborNode, ordered: bool, out: _Blocks) -> None:
    items: list[str] = []
    number = 0
    child = node.first_child
    while child is not None:
        tag = child.tag
        if tag == "li":
            number += 1
            marker = f"{number}. " if ordered else "- "
            inner = _Blocks()
            _walk(child.first_child, inner)
            lines = "\n".join(inner.finish()).split("\n")
            if lines == [""]:
                lines = []
            if lines:
                indent = " " * len(marker)
                items.append(marker + lines[0])
                items.extend(indent + line if line else line for line in lines[1:])
        elif tag not in _DROPPED and tag is not None:
            inner = _Blocks()
            if tag == "-text":
                inner.inline.append(child.text_content or "")
            else:
                _walk(child.first_child, inner)
            items.extend(inner.finish())
        child = child.next
    if items:
        out.blocks.append("\n".join(items))


def _render_quote(node: LexborNode, out: _Blocks) -> None:
    inner = _Blocks()
    _walk(node.first_child, inner)
    for block in inner.finish():
        out.blocks.append("\n".join("> " + line for line in block.split("\n")))


def _pre_text(node: LexborNode, parts: list[str]) -> None:
    """The text of a <pre> as laid out, without what is never shown: a <script> or <textarea>
    inside it would otherwise come out as code or as literal tags."""
    child = node.first_child
    while child is not None:
        tag = child.tag
        if tag == "-text":
            parts.append(child.text_content or "")
        elif tag == "br":
            parts.append("\n")
        elif tag is not None and tag not in _DROPPED:
            _pre_text(child, parts)
        child = child.next


def _render_pre(node: LexborNode, out: _Blocks) -> None:
    parts: list[str] = []
    _pre_text(node, parts)
    lines = [line.rstrip() for line in "".join(parts).expandtabs(4).split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    if lines:
        out.blocks.append("\n".join(lines))


_SIMPLE_TAG = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9]*)"
    r"((?:\s+[a-zA-Z_][-a-zA-Z0-9_.]*(?:\s*=\s*(?:\"[^\"<>&]*\"|'[^'<>&]*'))?)*)\s*/?>"
)
_SIMPLE_ENTITY_OR_AMP = re.compile(
    r"&(?!(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]*);)"
)
_SIMPLE_INLINE = frozenset(
    {"a", "b", "i", "em", "strong", "span", "u", "s", "small", "sub", "sup", "code", "abbr",
     "cite", "mark", "time", "font", "strike", "del", "ins", "big", "tt", "kbd", "var", "dfn",
     "img", "wbr"}
)  # fmt: skip
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SIMPLE_BLOCKS = frozenset(
    {"p", "div", "section", "article", "header", "footer", "main", "aside", "figure",
     "figcaption", "address", "center", "h1", "h2", "h3", "h4", "h5", "h6", "hr"}
)  # fmt: skip


_NUMERIC_REF = re.compile(r"&#([xX]?)([0-9a-fA-F]+);")
_PARAGRAPH = "\x01"
_SEPARATORS = {"p": _PARAGRAPH, "br": _BR} | dict.fromkeys(_SIMPLE_INLINE, "")


def _numeric_refs_are_plain(html: str) -> bool:
    """Python's ``unescape`` drops references to control characters and noncharacters, which the
    HTML tree builder keeps (and VT then separates words), so those go to the DOM walk."""
    for hexadecimal, digits in _NUMERIC_REF.findall(html):
        value = int(digits, 16 if hexadecimal else 10)
        if (
            value < 0x20
            or 0x7F <= value <= 0x9F
            or 0xD800 <= value <= 0xDFFF
            or 0xFDD0 <= value <= 0xFDEF
            or (value & 0xFFFE) == 0xFFFE
            or value > 0x10FFFF
        ):
            return False
    return True


def _render_simple(html: str) -> str | None:
    """The common feed body (paragraphs, links, emphasis, <br>, well-formed entities) rendered
    without building a DOM; None when anything else appears, and the DOM walk takes over.

    For the inputs it accepts it gives exactly what the walk gives (a hypothesis test checks),
    so which branch ran never shows in the output.
    """
    if "\x00" in html or "\x01" in html or _SIMPLE_ENTITY_OR_AMP.search(html):
        return None
    if "&#" in html and not _numeric_refs_are_plain(html):
        return None
    pieces = _SIMPLE_TAG.split(html)
    texts = pieces[0::4]
    joined = "".join(texts)
    if "<" in joined or ">" in joined:
        return None
    names = pieces[2::4]
    if {name.lower() for name in set(names)} <= _SEPARATORS.keys():
        return _render_paragraphs(texts, names)
    return _render_simple_blocks(pieces)


def _render_paragraphs(texts: list[str], names: list[str]) -> str:
    """Only <p>, <br> and inline tags: every <p> or </p> is a paragraph boundary, so the text
    can be assembled with string operations instead of a per-tag loop. Entities never straddle
    a tag (every "&" starts a complete reference), so decoding after joining is safe."""
    parts: list[str] = [""] * (2 * len(texts) - 1)
    parts[0::2] = texts
    parts[1::2] = [_SEPARATORS.get(name) or _SEPARATORS[name.lower()] for name in names]
    full = "".join(parts)
    if "&" in full:
        full = unescape(full)
    blocks = []
    for paragraph in full.split(_PARAGRAPH):
        if _BR in paragraph:
            lines = [collapse_spaces(line) for line in paragraph.split(_BR)]
            while lines and not lines[0]:
                lines.pop(0)
            while lines and not lines[-1]:
                lines.pop()
            text = "\n".join(lines)
        else:
            text = collapse_spaces(paragraph)
        if text:
            blocks.append(text)
    return "\n\n".join(blocks)


def _render_simple_blocks(pieces: list[str]) -> str | None:
    out = _Blocks()
    inline = out.inline
    open_blocks: dict[str, int] = {}
    for index in range(0, len(pieces), 4):
        text = pieces[index]
        if text:
            if "<" in text or ">" in text:
                return None
            inline.append(unescape(text) if "&" in text else text)
        if index + 1 >= len(pieces):
            break
        name = pieces[index + 2].lower()
        if name in _SIMPLE_INLINE:
            continue
        if name == "br":
            inline.append(_BR)
        elif name in _SIMPLE_BLOCKS:
            if _is_block_boundary(name, pieces[index + 1] == "/", open_blocks):
                out.flush()
                inline = out.inline
        else:
            return None
    return "\n\n".join(out.finish())


def _is_block_boundary(name: str, closing: bool, open_blocks: dict[str, int]) -> bool:
    """Whether a block tag splits paragraphs the way the HTML tree builder would: start tags
    always do; an end tag only closes something that is open, except </p>, which the parser
    turns into an empty paragraph when none is open. Headings close each other, so they share
    one counter."""
    group = "h" if name in _HEADINGS else name
    if not closing:
        if name != "hr":
            open_blocks[group] = open_blocks.get(group, 0) + 1
        return True
    if name == "p":
        return True
    count = open_blocks.get(group, 0)
    if count == 0:
        return False
    open_blocks[group] = count - 1
    return True


def _render_dom(html: str) -> str:
    out = _Blocks()
    _walk(LexborHTMLParser(html).root, out)
    return "\n\n".join(out.finish())


def html_to_text(html: str) -> str:
    """Render HTML as paragraphs separated by blank lines, with list markers and quote prefixes.

    Plain text without any markup skips the parser: most summaries are short plain strings.
    """
    if not html:
        return ""
    rendered = _render_simple(html)
    if rendered is None:
        rendered = _render_dom(html)
    return strip_control(rendered)
