"""The cleaned article: reading blocks, numbered link references, and their text/markdown forms."""

from __future__ import annotations

from dataclasses import dataclass

BLOCK_KINDS = frozenset({"paragraph", "heading", "quote", "list_item", "preformatted"})
_AS_IS = frozenset({"paragraph", "heading", "preformatted"})
"""Kinds whose plain text is the block's text, without prefix or marker."""


@dataclass(frozen=True, slots=True, init=False)
class Block:
    """One block of reading text.

    ``text`` is plain text in which a link reads "anchor text [3]" (3 is the 1-based index into
    ``CleanArticle.links``). ``anchors`` records, for each such link, the span of its anchor text
    in ``text`` and its number, so renderers can drop the markers (``plain``) or turn them into
    markdown references without guessing which "[3]" came from the page.
    """

    kind: str
    text: str
    level: int = 0
    anchors: tuple[tuple[int, int, int], ...] = ()

    def __init__(
        self,
        kind: str,
        text: str,
        level: int = 0,
        anchors: tuple[tuple[int, int, int], ...] = (),
    ) -> None:
        # One is made for every paragraph of every feed item. The generated __init__ of a frozen
        # dataclass calls object.__setattr__ per field; the slots' own setters take a third less.
        _set_kind(self, kind)
        _set_text(self, text)
        _set_level(self, level)
        _set_anchors(self, anchors)

    def plain(self) -> str:
        """The text without link-number markers."""
        if not self.anchors:
            return self.text
        parts = []
        pos = 0
        for _start, end, number in self.anchors:
            parts.append(self.text[pos:end])
            pos = end + len(f" [{number}]")
        parts.append(self.text[pos:])
        return "".join(parts)

    def markdown_inline(self) -> str:
        if not self.anchors:
            return _md_escape(self.text)
        parts = []
        pos = 0
        for start, end, number in self.anchors:
            parts.append(_md_escape(self.text[pos:start]))
            parts.append(f"[{_md_escape(self.text[start:end])}][{number}]")
            pos = end + len(f" [{number}]")
        parts.append(_md_escape(self.text[pos:]))
        return "".join(parts)


_set_kind = Block.__dict__["kind"].__set__
_set_text = Block.__dict__["text"].__set__
_set_level = Block.__dict__["level"].__set__
_set_anchors = Block.__dict__["anchors"].__set__


def _md_escape(text: str) -> str:
    """Escape only what would change meaning inside a line: brackets (reference syntax),
    backslashes, emphasis markers and backticks."""
    if not any(c in text for c in "\\[]*_`<"):
        return text
    out = []
    for char in text:
        if char in "\\[]*_`<":
            out.append("\\")
        out.append(char)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class CleanArticle:
    """What the reading view shows: blocks in order, link targets, and the detected headline."""

    blocks: tuple[Block, ...]
    links: tuple[str, ...]
    title: str | None

    def text(self, *, link_numbers: bool = True) -> str:
        """Plain text: blocks separated by blank lines, quotes prefixed "> ", list items "- ".

        With ``link_numbers=False`` the " [n]" markers are left out (for comparing with text
        that has no references, such as extraction benchmarks)."""
        if all(block.kind in _AS_IS and not block.anchors for block in self.blocks):
            return "\n\n".join([block.text for block in self.blocks])  # most feed items
        out: list[str] = []
        previous: Block | None = None
        for block in self.blocks:
            body = block.text if link_numbers else block.plain()
            if block.kind == "quote":
                rendered = _quoted(body)
            elif block.kind == "list_item":
                rendered = _list_item(body, block.level)
            else:
                rendered = body
            # consecutive list items (and quote lines) stay together as one visual block
            if previous is not None and previous.kind == block.kind == "list_item":
                out.append("\n")
            elif out:
                out.append("\n\n")
            out.append(rendered)
            previous = block
        return "".join(out)

    def markdown(self) -> str:
        """Markdown with links as ``[text][n]`` and the reference list at the end."""
        out: list[str] = []
        previous: Block | None = None
        for block in self.blocks:
            body = block.markdown_inline()
            if block.kind == "heading":
                rendered = "#" * min(max(block.level, 1), 6) + " " + body.replace("\n", " ")
            elif block.kind == "quote":
                rendered = _quoted(body)
            elif block.kind == "list_item":
                rendered = _list_item(body, block.level)
            elif block.kind == "preformatted":
                fence = "````" if "```" in block.text else "```"
                rendered = f"{fence}\n{block.text}\n{fence}"
            else:
                rendered = body.replace("\n", "  \n")
            if previous is not None and previous.kind == block.kind == "list_item":
                out.append("\n")
            elif out:
                out.append("\n\n")
            out.append(rendered)
            previous = block
        if self.links:
            out.append("\n\n")
            out.append("\n".join(f"[{n}]: <{url}>" for n, url in enumerate(self.links, 1)))
        return "".join(out)


def _quoted(body: str) -> str:
    return "\n".join("> " + line if line else ">" for line in body.split("\n"))


def _list_item(body: str, level: int) -> str:
    """A bullet, nested two spaces a level, continuation lines aligned under its text."""
    indent = "  " * max(level - 1, 0)
    first, *rest = body.split("\n")
    return "\n".join([indent + "- " + first, *(indent + "  " + line for line in rest)])
