"""Web page or feed-item HTML to a clean article: main content, minus boilerplate, as blocks."""

from __future__ import annotations

import logging
import re
from html import unescape

import lxml.html
from lxml import etree

from reader.cleaning.blocks import Block, CleanArticle
from reader.cleaning.boilerplate import normalise, strip_boilerplate
from reader.cleaning.sanitize import one_line
from reader.cleaning.simple_blocks import build_simple
from reader.cleaning.tree_blocks import BlockBuilder

log = logging.getLogger(__name__)

CLEANER_VERSION = 3
"""Stored with every cleaned text; bump whenever the output for some input changes, so that
`reader reclean` knows which articles to redo."""

_OG_TITLE = re.compile(
    r"<meta\s[^>]*(?:property|name)\s*=\s*[\"'](?:og:title|twitter:title)[\"'][^>]*>", re.I
)
_CONTENT_ATTR = re.compile(r"content\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", re.I)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.I | re.S)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)


def decode_html(html: str | bytes) -> str:
    """A page's text: UTF-8 (with or without BOM), else the charset its <meta> declares, else
    Windows-1252, which decodes any byte."""
    if isinstance(html, str):
        return html
    if html.startswith(b"\xef\xbb\xbf"):
        return html[3:].decode("utf-8", errors="replace")
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        match = _CHARSET.search(html[:4096])
        if match:
            try:
                return html.decode(match.group(1).decode("ascii"), errors="replace")
            except LookupError:
                pass
        return html.decode("cp1252", errors="replace")


def _text_of(fragment: str) -> str:
    return one_line(unescape(_TAG.sub(" ", fragment)))


def _title_candidates(html: str) -> tuple[list[str], str | None]:
    """og:title / twitter:title, <title> and the first <h1>: the forms in which pages repeat
    their headline. Regex on the raw page: cheaper than a second parse."""
    found: list[str] = []
    for meta in _OG_TITLE.findall(html[:200_000]):
        content = _CONTENT_ATTR.search(meta)
        if content:
            found.append(one_line(unescape(content.group(1) or content.group(2) or "")))
    match = _TITLE.search(html[:200_000])
    if match:
        found.append(_text_of(match.group(1)))
    h1 = None
    match = _H1.search(html)
    if match:
        h1 = _text_of(match.group(1))
        found.append(h1)
    return [title for title in found if title], h1


def _pick_title(title_hint: str | None, candidates: list[str], h1: str | None) -> str | None:
    """The feed's title when given; else the page's <h1> when it reads like a headline (a
    one-word h1 is usually the site logo), else og:title or <title> without the site name."""
    if title_hint and title_hint.strip():
        return one_line(title_hint)
    others = [c for c in candidates if c != h1]
    if h1 and len(h1.split()) <= 40:
        key = normalise(h1)
        if len(h1.split()) >= 4 or (key and any(key in normalise(c) for c in others)):
            return h1
    if not others:
        return h1 or None
    return _without_site_name(others[0])


def _without_site_name(title: str) -> str:
    """ "Headline | Site" or "Site - Headline": the longest part."""
    for separator in (" | ", " - ", " – ", " — ", " :: ", " · "):
        if separator in title:
            return max(title.split(separator), key=len).strip()
    return title


_NEVER_CONTENT = (
    "script", "style", "noscript", "template", "svg", "iframe", "embed", "object", "canvas",
    "map", "video", "audio", "picture", "head", "button", "datalist", "applet", "aside",
    "footer", "nav", "menu", "menuitem", "fencedframe", "area", "blink", "dialog", "frame",
    "frameset", "link", "marquee", "noindex", "param", "progress", "source", "track", "use",
    "title", "textarea", "noembed", "noframes", "xmp", "plaintext",
)  # fmt: skip
"""Elements trafilatura deletes anyway (its MANUALLY_CLEANED list, less the form-related ones
it treats specially): removing them right after parsing shrinks the tree its XPath passes walk.
The last six are never page text: a <title> or <textarea> in the body, and the elements the HTML
parser reads as raw text (their content would come out as literal tags)."""

_PARSER = lxml.html.HTMLParser(
    collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
    remove_pis=True,
)  # fmt: skip
"""trafilatura's own parser settings; bytes in, because libxml2 parses UTF-8 bytes faster
than a Python str."""


def _parse_page(html: str) -> lxml.html.HtmlElement | None:
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None
    if tree is None:
        return None
    etree.strip_elements(tree, *_NEVER_CONTENT, with_tail=False)
    return tree


_SHORT_ARTICLE_WORDS = 200
"""Below this, a precision-first extraction is suspected of having cut the story short."""
_WIDER_GAIN = 1.3


def _trafilatura_body(
    tree: lxml.html.HtmlElement, url: str | None, *, focus: str
) -> etree._Element | None:
    import trafilatura  # imported on first use: it pulls in a large dependency tree

    document = trafilatura.bare_extraction(
        tree,
        url=url,
        fast=True,
        favor_precision=focus == "precision",
        favor_recall=focus == "recall",
        include_comments=False,
        include_tables=True,
        include_formatting=True,
        include_links=True,
        include_images=False,
        output_format="xml",
    )
    if document is None:
        return None
    return document.body  # type: ignore[union-attr,no-any-return]


def _blocks_from_tree(
    tree: etree._Element, url: str | None, *, tei: bool, drop_attrs: bool
) -> tuple[list[Block], list[str]]:
    builder = BlockBuilder(url, tei=tei, drop_boilerplate_attrs=drop_attrs)
    builder.walk(tree, "paragraph", 0, 0)
    return builder.finish(), builder.links


def _page_hints(tree: lxml.html.HtmlElement) -> tuple[list[str], list[str]]:
    """Image alt texts and figure captions, and texts of in-page links (TOC entries), which
    trafilatura's output no longer shows."""
    captions: list[str] = []
    toc_entries: list[str] = []
    for el in tree.iter("img", "figcaption", "a"):
        if el.tag == "img":
            alt = el.get("alt")
            if alt and len(alt) > 12:
                captions.append(alt)
        elif el.tag == "figcaption":
            captions.append(el.text_content())
        else:
            href = el.get("href")
            if href and href.startswith("#") and len(href) > 1:
                toc_entries.append(el.text_content())
    return captions, toc_entries


def _renumber(blocks: list[Block], links: list[str]) -> tuple[tuple[Block, ...], tuple[str, ...]]:
    """Links of dropped blocks go; the rest are numbered again in reading order."""
    if not any(block.anchors for block in blocks):
        return tuple(blocks), ()  # no link left, the common case
    mapping: dict[int, int] = {}
    kept: list[str] = []
    out: list[Block] = []
    for block in blocks:
        if not block.anchors:
            out.append(block)
            continue
        parts: list[str] = []
        anchors: list[tuple[int, int, int]] = []
        pos = 0
        for start, end, number in block.anchors:
            new = mapping.get(number)
            if new is None:
                kept.append(links[number - 1])
                new = mapping[number] = len(kept)
            parts.append(block.text[pos:end])
            length = sum(len(p) for p in parts)
            anchors.append((length - (end - start), length, new))
            parts.append(f" [{new}]")
            pos = end + len(f" [{number}]")
        parts.append(block.text[pos:])
        out.append(Block(block.kind, "".join(parts), block.level, tuple(anchors)))
    return tuple(out), tuple(kept)


def _finish(
    blocks: list[Block],
    links: list[str],
    titles: list[str | None],
    title: str | None,
    hints: tuple[list[str], list[str]] = ([], []),
    site_lines: frozenset[str] = frozenset(),
) -> CleanArticle:
    captions, toc_entries = hints
    cleaned = strip_boilerplate(
        blocks, titles=titles, captions=captions, toc_entries=toc_entries, site_lines=site_lines
    )
    final_blocks, final_links = _renumber(cleaned, links)
    return CleanArticle(final_blocks, final_links, title)


def _whole_page_blocks(
    root: lxml.html.HtmlElement, url: str | None
) -> tuple[list[Block], list[str]]:
    """Last resort when no main content is found: every block of the page body."""
    body = root.find("body")
    return _blocks_from_tree(body if body is not None else root, url, tei=False, drop_attrs=True)


def clean_page(
    html: str | bytes,
    *,
    url: str | None = None,
    title_hint: str | None = None,
    site_lines: frozenset[str] = frozenset(),
) -> CleanArticle:
    """A whole web page (an article's link): find the main content and drop boilerplate.

    Main-content detection is trafilatura's, in fast mode and precision first; when that
    finds fewer than ``_SHORT_ARTICLE_WORDS`` words (often a story cut short), its recall-mode
    result is taken if clearly longer, and when nothing is found at all, every block of the
    page body. The block structure, links, headline detection and boilerplate rules are ours.
    Never raises on bad HTML; an empty article means the page has no text. ``site_lines``
    is the feed's learnt boilerplate (``boilerplate.learn_site_lines``).
    """
    text = decode_html(html)
    candidates, h1 = _title_candidates(text)
    title = _pick_title(title_hint, candidates, h1)
    titles: list[str | None] = [title_hint, *candidates]
    try:
        tree = _parse_page(text)
    except (etree.ParserError, ValueError):
        tree = None
    if tree is None:
        return CleanArticle((), (), title)
    hints = _page_hints(tree)
    best: CleanArticle | None = None
    best_words = 0
    for focus in ("precision", "recall"):
        if best is not None and best_words >= _SHORT_ARTICLE_WORDS:
            break
        try:
            body = _trafilatura_body(tree, url, focus=focus)
        except Exception:  # a library bug on one page must not lose the article: fall back
            log.exception("main-content extraction failed for %s", url or "<page>")
            body = None
        if body is None:
            continue
        blocks, links = _blocks_from_tree(body, url, tei=True, drop_attrs=False)
        article = _finish(
            _drop_leading_headline(blocks, titles), links, titles, title, hints, site_lines
        )
        words = sum(len(block.text.split()) for block in article.blocks)
        # a short precise extraction is often a cut-off one: keep the wider one when it is
        # clearly longer
        if words and (best is None or words > best_words * _WIDER_GAIN):
            best, best_words = article, words
    if best is not None:
        return best
    blocks, links = _whole_page_blocks(tree, url)
    return _finish(_drop_leading_headline(blocks, titles), links, titles, title, hints, site_lines)


def _drop_leading_headline(blocks: list[Block], titles: list[str | None]) -> list[Block]:
    """The headline (and nothing else) when the extraction starts with it as a heading."""
    keys = {normalise(t) for t in titles if t}
    keys.discard("")
    out = list(blocks)
    for index, block in enumerate(out[:3]):
        if block.kind != "heading":
            continue
        key = normalise(block.plain())
        if key in keys or (len(key.split()) >= 3 and any(key in k for k in keys)):
            del out[index]
            # a long heading right under the headline, before any paragraph, is its deck
            # (subtitle), which belongs with the headline, not the story
            if (
                index < len(out) - 1
                and out[index].kind == "heading"
                and len(out[index].text.split()) >= 6
                and all(b.kind == "heading" for b in out[:index])
            ):
                del out[index]
            break
    return out


def clean_fragment(
    html: str,
    *,
    url: str | None = None,
    title_hint: str | None = None,
    site_lines: frozenset[str] = frozenset(),
) -> CleanArticle:
    """The HTML a feed item carries (content:encoded, content, summary): no main-content
    detection, the same boilerplate rules, plus containers whose class/id name furniture
    (share rows, related posts, TOC, captions)."""
    title = one_line(title_hint) if title_hint and title_hint.strip() else None
    if not html or not html.strip():
        return CleanArticle((), (), title)
    builder = BlockBuilder(url, tei=False, drop_boilerplate_attrs=True)
    if not build_simple(html, builder):
        try:
            root = lxml.html.fragment_fromstring(html, create_parent="div")
        # lxml asserts that a fragment starting "<html>" parses to one <body>: "<html>" alone
        # (no body at all) raised AssertionError, or IndexError under python -O
        except (etree.ParserError, ValueError, AssertionError, IndexError):
            return CleanArticle((), (), title)
        builder = BlockBuilder(url, tei=False, drop_boilerplate_attrs=True)
        builder.walk(root, "paragraph", 0, 0)
    blocks = builder.finish()
    hints = (builder.captions, builder.toc_entries)
    return _finish(
        _drop_leading_headline(blocks, [title]), builder.links, [title], title, hints, site_lines
    )
