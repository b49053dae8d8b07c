"""Refusing XML that attacks its parser, before the permissive parser (feedparser) sees it.

No parser here ever expands a hostile entity or reads an external one: the fast path refuses any
DOCTYPE, feedparser strips entity declarations it does not consider safe and tells expat not to
load external entities. But "not expanded" is not the same as "handled": left alone, a billion
laughs document was stored as an article titled "&lol9;", and a document nested 100,000 levels
deep kept feedparser busy for 8 to 12 s. This module turns those documents into a clear reason
on the feed instead, and costs nothing for a document without a DOCTYPE (one ``find``) beyond a
libxml2 pass with no tree (~20 ms for 18 MB) for the depth.

What is refused, and why it is safe to refuse: feeds have no use for external entities,
parameter entities or entities defined through other entities (real feeds declare at most a few
character entities such as ``<!ENTITY nbsp "&#160;">``), and no real feed nests 256 elements
deep (libxml2's own default limit). An external DTD (``<!DOCTYPE rss SYSTEM "http://...">``, as
RSS 0.91 feeds carry) is not refused: nothing ever fetches it.
"""

from __future__ import annotations

import re
from contextlib import suppress

from lxml import etree

from reader.errors import ParseError

MAX_XML_DEPTH = 256
"""Deepest element nesting accepted: libxml2's limit without XML_PARSE_HUGE, which the fast path
already lives with."""
MAX_ENTITY_EXPANSION = 1024 * 1024
"""Characters all references to the declared entities may add to the document together, so a
quadratic blow-up (a 50 kB entity referenced 200,000 times) is refused before any parser runs."""

EXTERNAL_ENTITY = (
    "unsafe XML refused: it declares an external entity (an attempt to read a file or URL)"
)
PARAMETER_ENTITY = "unsafe XML refused: its DTD uses parameter entities"
NESTED_ENTITIES = (
    "unsafe XML refused: entities defined through other entities (an entity-expansion attack)"
)
EXPANSION = (
    f"unsafe XML refused: its entities would expand to more than "
    f"{MAX_ENTITY_EXPANSION // (1024 * 1024)} MB (an entity-expansion attack)"
)
TOO_DEEP = f"unsafe XML refused: elements nested more than {MAX_XML_DEPTH} levels deep"

# One token of a DTD's internal subset: quoted strings and comments may hold "]" or ">".
_SUBSET_TOKEN = re.compile(
    r"\"[^\"]*\"?|'[^']*'?|<!--.*?(?:-->|$)|<\?.*?(?:\?>|$)|\]|%[^\s;%\"'<>]+;|[^\"'<\]%]+|[<%]",
    re.S,
)
_ENTITY_DECL = re.compile(
    r"<!ENTITY\s+(%\s*)?([^\s\"'<>%]+)\s*((?:\"[^\"]*\"|'[^']*'|[^\"'>])*)>?", re.S
)
_GENERAL_REF = re.compile(r"&([^\s&;#<>\"']+);")


class _NoTree:
    """A parser target with no callbacks: libxml2 checks the document and builds nothing."""

    def close(self) -> None:
        return None


def refuse_hostile_xml(body: bytes) -> None:
    """Raise ParseError with the reason when ``body`` carries an XML attack (entity expansion,
    external or parameter entities, excessive nesting); return quietly otherwise."""
    _check_entities(body)
    _check_depth(body)


def _check_entities(body: bytes) -> None:
    codec = _wide_codec(body)
    if codec is None and b"<!DOCTYPE" not in body:
        return
    text = body.decode(codec, errors="replace") if codec else body.decode("latin-1")
    subset, rest = _internal_subset(text)
    if not subset:
        return
    values: dict[str, str] = {}
    for token in _SUBSET_TOKEN.findall(subset):
        if token.startswith("%") and len(token) > 1:
            raise ParseError(PARAMETER_ENTITY)
    for parameter, name, definition in _ENTITY_DECL.findall(subset):
        definition = definition.strip()
        if definition.startswith(("SYSTEM", "PUBLIC")):
            raise ParseError(EXTERNAL_ENTITY)
        if parameter:
            raise ParseError(PARAMETER_ENTITY)
        value = definition[1:-1] if definition[:1] in ("'", '"') else definition
        if _GENERAL_REF.search(value):
            raise ParseError(NESTED_ENTITIES)
        values[name] = value
    if not values:
        return
    expansion = 0
    for match in _GENERAL_REF.finditer(rest):
        expansion += len(values.get(match.group(1), ""))
        if expansion > MAX_ENTITY_EXPANSION:
            raise ParseError(EXPANSION)


def _wide_codec(body: bytes) -> str | None:
    """The codec of a UTF-16 or UTF-32 body (which must be decoded so an attack cannot hide
    behind them); None for everything else, which is read byte for byte, since markup is ASCII
    in every ASCII-compatible encoding."""
    head = body[:4]
    for marker, codec in (
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\x00\x00\x00<", "utf-32-be"),
        (b"<\x00\x00\x00", "utf-32-le"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
        (b"\x00<\x00", "utf-16-be"),
        (b"<\x00", "utf-16-le"),
    ):
        if head.startswith(marker):
            return codec
    return None


def _internal_subset(text: str) -> tuple[str, str]:
    """(the DOCTYPE's internal subset, the document after it); ("", "") when the prolog has no
    DOCTYPE with one. Only the prolog counts: a "<!DOCTYPE" quoted in an article's CDATA is
    text, not a declaration."""
    bom = next((b for b in ("\ufeff", "\xef\xbb\xbf") if text.startswith(b)), "")
    position = _skip_prolog_items(text, len(bom))
    if not text.startswith("<!DOCTYPE", position):
        return "", ""
    index = position + len("<!DOCTYPE")
    quote = ""
    while index < len(text):
        char = text[index]
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == ">":
            return "", ""
        elif char == "[":
            break
        index += 1
    start = index + 1
    index = start
    while index < len(text):
        match = _SUBSET_TOKEN.match(text, index)
        if match is None:
            break
        if match.group() == "]":
            return text[start:index], text[index:]
        index = match.end()
    return text[start:], ""


def _skip_prolog_items(text: str, position: int) -> int:
    """The position after the XML declaration, processing instructions, comments and
    whitespace that may come before the DOCTYPE."""
    while True:
        while position < len(text) and text[position] in " \t\r\n":
            position += 1
        if text.startswith("<?", position):
            end = text.find("?>", position)
        elif text.startswith("<!--", position):
            end = text.find("-->", position)
        else:
            return position
        if end < 0:
            return len(text)
        position = end + 2 if text[end] == "?" else end + 3


def _check_depth(body: bytes) -> None:
    """libxml2 stops at MAX_XML_DEPTH even in recovery mode, so one pass without a tree tells,
    for well-formed and broken documents alike."""
    parser = etree.XMLParser(
        target=_NoTree(),
        recover=True,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    with suppress(etree.XMLSyntaxError, ValueError):
        etree.fromstring(body, parser)
    for error in parser.error_log:
        if error.type_name == "ERR_RESOURCE_LIMIT" and "depth" in error.message.lower():
            raise ParseError(TOO_DEEP)
