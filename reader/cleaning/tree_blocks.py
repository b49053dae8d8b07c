"""An lxml tree (HTML, or trafilatura's XML body) turned into reading blocks with numbered links."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml import etree

from reader.cleaning.blocks import Block
from reader.cleaning.sanitize import collapse_spaces, strip_control

_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "iframe", "svg", "object", "embed", "canvas",
     "select", "textarea", "math", "button", "input", "form", "nav", "figcaption", "graphic",
     "img", "picture", "video", "audio", "title", "meta", "link", "source", "label", "option",
     "noembed", "noframes", "xmp", "plaintext"}
)  # fmt: skip
"""The last four are raw text to the HTML parser, which takes an unclosed one to the end of the
input: with lxml's fragment wrapper, ``<noembed>`` alone came out as the text "</body></html>"."""
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_LISTS = frozenset({"ul", "ol", "list", "menu", "dir", "dl"})
_ITEMS = frozenset({"li", "item", "dt", "dd"})
_QUOTES = frozenset({"blockquote", "quote"})
_ROWS = frozenset({"tr", "row"})
_CELLS = frozenset({"td", "th", "cell"})
_BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "header", "footer", "main", "aside", "figure", "address",
     "details", "summary", "table", "thead", "tbody", "tfoot", "caption", "center", "hgroup",
     "body", "html", "hr", "fieldset", "legend", "done"}
)  # fmt: skip

_BOILERPLATE_ATTR = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|sharedaddy|social|related|jp-relatedposts|toc|ez-toc"
    r"|table-of-contents|newsletter|subscribe|subscription|advert|advertisement|ads?|promo"
    r"|author-box|author-bio|about-author|comments?|respond|comment-respond|wp-caption-text"
    r"|caption|credit|cookie|consent|read-more|more-link|breadcrumbs?|tags|post-tags)(?:$|[\s_-])",
    re.IGNORECASE,
)
"""Class/id words of boilerplate containers, used only for feed fragments (page extraction has
its own, stronger signals)."""

_START, _END, _BR = "\ue000", "\ue001", "\ue002"
_PRIVATE = re.compile("[\ue000-\ue002]")
_ANCHOR = re.compile("\ue000([^\ue000\ue001]*)\ue001")
_TEI_LEVEL = re.compile(r"h([1-6])")


def is_boilerplate_names(names: str) -> bool:
    """Whether an element's class and id words name page furniture."""
    return _BOILERPLATE_ATTR.search(names) is not None


class BlockBuilder:
    """Walks an lxml element tree, collecting blocks and link targets.

    ``tei`` is True for trafilatura's output vocabulary (head/list/item/quote/ref/lb/hi), where
    ``head`` is a heading rather than the HTML document head.
    """

    def __init__(self, base_url: str | None, *, tei: bool, drop_boilerplate_attrs: bool) -> None:
        self.base_url = base_url
        self.tei = tei
        self.drop_attrs = drop_boilerplate_attrs
        self.blocks: list[Block] = []
        self.links: list[str] = []
        self._link_numbers: dict[str, int] = {}
        self._inline: list[str] = []
        self._pending: list[int] = []  # link numbers of the anchors in the inline buffer
        self._current: tuple[str, int] = ("paragraph", 0)  # kind and level of the open block
        self.toc_entries: list[str] = []  # texts of links to a place in the same page
        self.captions: list[str] = []  # image alt texts and figure captions

    # ----------------------------------------------------------------- output

    def flush(self, kind: str, level: int) -> None:
        if not self._inline:
            return
        # control characters go before spaces are collapsed, so none leaves a double space
        raw = strip_control("".join(self._inline))
        numbers = self._pending
        self._inline = []
        self._pending = []
        if not numbers and (_START in raw or _END in raw):
            # the rest of a link whose start went out with an earlier block ("<a href><p>"):
            # without a number the marks mean nothing, and must not reach the text
            raw = raw.replace(_START, "").replace(_END, "")
        if not numbers and _BR not in raw:  # the common paragraph: plain text, one line
            plain = collapse_spaces(raw)
            if plain:
                self.blocks.append(Block(kind, plain, level))
            return
        lines = [collapse_spaces(line) for line in raw.split(_BR)]
        while lines and not lines[0].strip(_START + _END + " "):
            lines.pop(0)
        while lines and not lines[-1].strip(_START + _END + " "):
            lines.pop()
        if not lines:
            return
        text = "\n".join(line for line in lines)
        if _END in text and _START not in text:  # its start was on a line dropped as empty
            text = "\n".join(collapse_spaces(line) for line in text.replace(_END, "").split("\n"))
        anchors: list[tuple[int, int, int]] = []
        if _START in text:
            out: list[str] = []
            pos = 0
            length = 0
            for index, match in enumerate(_ANCHOR.finditer(text)):
                before = text[pos : match.start()]
                out.append(before)
                length += len(before)
                anchor = match.group(1)
                stripped = anchor.strip()
                number = numbers[index] if index < len(numbers) else 0
                if stripped and number:
                    lead = anchor[: len(anchor) - len(anchor.lstrip())]
                    trail = anchor[len(anchor.rstrip()) :]
                    out.append(lead)
                    length += len(lead)
                    start = length
                    marker = f" [{number}]"
                    out.append(stripped + marker + trail)
                    anchors.append((start, start + len(stripped), number))
                    length += len(stripped) + len(marker) + len(trail)
                else:
                    out.append(anchor)
                    length += len(anchor)
                pos = match.end()
            out.append(text[pos:])
            text = "".join(out).replace(_START, "").replace(_END, "")
            # whitespace next to an anchor may now be doubled or at the ends
            if "  " in text or text != text.strip():
                text, anchors = _normalise_spaces(text, anchors)
        if text.strip():
            self.blocks.append(Block(kind, text, level, tuple(anchors)))

    def _link(self, href: str | None) -> int:
        if not href:
            return 0
        href = href.strip()
        if href.startswith("#"):
            return 0
        try:  # "http://[bad" raises in urljoin as in urlsplit: the link is dropped, not the item
            url = urljoin(self.base_url, href) if self.base_url else href
            parts = urlsplit(url)
        except ValueError:
            return 0
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return 0
        url = strip_control(url).replace(" ", "%20")
        number = self._link_numbers.get(url)
        if number is None:
            self.links.append(url)
            number = len(self.links)
            self._link_numbers[url] = number
        return number

    # ----------------------------------------------------------------- walk

    def text(self, value: str | None) -> None:
        if value:
            # our marker characters must not come from the page
            if not value.isascii() and _PRIVATE.search(value):
                value = _PRIVATE.sub("", value)
            self._inline.append(value)

    def walk_children(self, element: etree._Element, kind: str, level: int, depth: int) -> None:
        for child in element:
            self.walk(child, kind, level, depth)
            self.text(child.tail)

    def walk(self, el: etree._Element, kind: str, level: int, depth: int) -> None:
        tag = el.tag
        if not isinstance(tag, str):
            return
        tag = tag.lower()
        if tag in _SKIPPED:
            if tag == "img":
                alt = el.get("alt")
                if alt:
                    self.captions.append(alt)
            elif tag == "figcaption":
                self.captions.append("".join(el.itertext()))
            return
        if self.drop_attrs and self._is_boilerplate_container(el):
            return
        if tag == "head":
            if not self.tei:
                return
            match = _TEI_LEVEL.match(el.get("rend") or "")
            self._block(el, "heading", int(match.group(1)) if match else 2, depth)
        elif tag in _HEADINGS:
            self._block(el, "heading", _HEADINGS[tag], depth)
        elif tag in ("br", "lb"):
            self._inline.append(_BR)
            self.text(el.text)
        elif tag in ("a", "ref"):
            href = el.get("target" if tag == "ref" else "href")
            if href and href.startswith("#") and len(href) > 1:
                self.toc_entries.append("".join(el.itertext()))
            number = self._link(href)
            if number:
                self._inline.append(_START)
                self._pending.append(number)
            self.text(el.text)
            self.walk_children(el, kind, level, depth)
            if number:
                self._inline.append(_END)
        elif tag in _LISTS:
            self.flush(kind, level)
            self._list_depth_walk(el, kind, depth)
        elif tag in _ITEMS:
            self._block(el, "list_item", max(depth, 1), depth)
        elif tag in _QUOTES:
            self._block(el, "quote" if kind != "list_item" else kind, level, depth)
        elif tag == "pre" or (tag == "code" and self.tei and self._is_block_code(el)):
            self.flush(kind, level)
            self._pre(el)
        elif tag in _ROWS:
            self.flush(kind, level)
            cells_before = len(self._inline)
            self.text(el.text)
            for child in el:
                if isinstance(child.tag, str) and child.tag.lower() in _CELLS:
                    if len(self._inline) > cells_before:
                        self._inline.append(" | ")
                    self.text(child.text)
                    self.walk_children(child, kind, level, depth)
                else:
                    self.walk(child, kind, level, depth)
                self.text(child.tail)
            self.flush(kind, level)
        elif tag in _BLOCK_TAGS or tag == "p":
            self._block(el, kind, level, depth)
        else:
            self.text(el.text)
            self.walk_children(el, kind, level, depth)

    def _block(self, el: etree._Element, kind: str, level: int, depth: int) -> None:
        outer_kind, outer_level = self._current
        self.flush(outer_kind, outer_level)
        self._current = (kind, level)
        self.text(el.text)
        self.walk_children(el, kind, level, depth)
        self.flush(kind, level)
        self._current = (outer_kind, outer_level)

    def _list_depth_walk(self, el: etree._Element, kind: str, depth: int) -> None:
        outer = self._current
        for child in el:
            self.walk(child, kind, 0, depth + 1)
            # text between items belongs to no item
            if child.tail and child.tail.strip():
                self.text(child.tail)
                self.flush(*outer)
        self._current = outer

    def _is_block_code(self, el: etree._Element) -> bool:
        text = el.text or ""
        return "\n" in text or el.getparent() is None or el.getparent().tag == "body"

    def _pre(self, el: etree._Element) -> None:
        parts: list[str] = []
        _pre_text(el, parts)
        raw = strip_control(_PRIVATE.sub("", "".join(parts)))
        lines = [line.rstrip() for line in raw.expandtabs(4).split("\n")]
        while lines and not lines[0]:
            lines.pop(0)
        while lines and not lines[-1]:
            lines.pop()
        if lines:
            self.blocks.append(Block("preformatted", strip_control("\n".join(lines))))

    def _is_boilerplate_container(self, el: etree._Element) -> bool:
        names = (el.get("class") or "") + " " + (el.get("id") or "")
        return bool(names.strip()) and is_boilerplate_names(names)

    def finish(self) -> list[Block]:
        self.flush(*self._current)
        return self.blocks


def _pre_text(el: etree._Element, parts: list[str]) -> None:
    """Text of a <pre> as laid out, without what is never shown (a <script> inside it)."""
    if el.text:
        parts.append(el.text)
    for child in el:
        tag = child.tag
        if isinstance(tag, str):
            tag = tag.lower()
            if tag in ("br", "lb"):
                parts.append("\n")
            elif tag not in _SKIPPED or tag in ("img", "label"):
                _pre_text(child, parts)
        if child.tail:
            parts.append(child.tail)


def _normalise_spaces(
    text: str, anchors: list[tuple[int, int, int]]
) -> tuple[str, list[tuple[int, int, int]]]:
    """Collapse runs of spaces (per line) and trim, moving anchor spans with the text."""
    keep: list[bool] = []
    previous_space = True  # drops leading spaces
    for char in text:
        is_space = char == " "
        keep.append(not (is_space and previous_space))
        previous_space = is_space or char == "\n"
    # trailing spaces before a newline or the end
    for i in range(len(text) - 1, -1, -1):
        if text[i] == " " and keep[i] and (i == len(text) - 1 or text[i + 1] == "\n"):
            keep[i] = False
    new_index = []
    count = 0
    for flag in keep:
        new_index.append(count)
        count += flag
    new_index.append(count)
    result = "".join(c for c, flag in zip(text, keep, strict=True) if flag)
    moved = [(new_index[s], new_index[e], n) for s, e, n in anchors]
    return result, moved
