"""The tree-free block builder gives exactly what the lxml tree walk gives, on every item of the
feed corpus and on generated HTML, whenever it takes an input at all."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from reader.cleaning.simple_blocks import build_simple
from reader.cleaning.tree_blocks import BlockBuilder
from reader.fetching.parse import parse_document

URL = "https://news.example/2026/story"


def by_tree(html: str) -> tuple | None:
    builder = BlockBuilder(URL, tei=False, drop_boilerplate_attrs=True)
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return None
    builder.walk(root, "paragraph", 0, 0)
    return builder.finish(), builder.links, builder.captions, builder.toc_entries


def by_scan(html: str) -> tuple | None:
    builder = BlockBuilder(URL, tei=False, drop_boilerplate_attrs=True)
    if not build_simple(html, builder):
        return None
    return builder.finish(), builder.links, builder.captions, builder.toc_entries


def corpus_fragments(corpus: Path) -> list[str]:
    fragments = []
    for path in sorted(corpus.iterdir()):
        if path.suffix in (".tsv", ".md"):
            continue
        try:
            feed = parse_document(path.read_bytes(), url="https://feed.example/")
        except Exception:
            continue
        for entry in feed.entries:
            fragments += [h for h in (entry.summary_html, entry.content_html) if h]
    return fragments


def test_every_corpus_item_the_scan_takes_gives_the_tree_walks_blocks(feed_corpus: Path) -> None:
    fragments = corpus_fragments(feed_corpus)
    taken = 0
    for html in fragments:
        scanned = by_scan(html)
        if scanned is None:
            continue
        taken += 1
        assert scanned == by_tree(html), html[:200]
    assert taken >= 0.7 * len(fragments)  # the common case really is common


_PIECES = [
    "<p>", "</p>", "<b>", "</b>", "<em>", "</em>", "<br>", "<br/>", "<h2>", "</h2>",
    "<blockquote>", "</blockquote>", "<div>", "</div>", "<a href='/x'>", "<a href='#s'>",
    "<a href='https://o.example/y?a=1&amp;b=2'>", "</a>", "<img alt='A caption'>",
    "<figure>", "</figure>", "<figcaption>", "</figcaption>", "<span class='share'>", "</span>",
    "<ul>", "<li>", "</li>", "</ul>", "&amp;", "&eacute;", "&#8217;", "&foo;", " ", "  ", "\n",
    "Word", "Another sentence.", "\ue000", "<", ">", "&", "<!-- c -->",
]  # fmt: skip


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=24))
def test_generated_html_the_scan_takes_gives_the_tree_walks_blocks(pieces: list[str]) -> None:
    html = "".join(pieces)
    scanned = by_scan(html)
    if scanned is not None:
        assert scanned == by_tree(html)


@pytest.mark.parametrize(
    "html",
    ["<p>a<div>b</div></p>", "<p>a</p></p>", "<!-- x --><p>a</p>", "a &foo; b", "<p>a<p>b"],
)
def test_what_the_parser_would_restructure_is_left_to_the_tree_walk(html: str) -> None:
    assert by_scan(html) is None


def test_emphasis_across_paragraphs_only_needs_the_paragraph_boundaries() -> None:
    html = "<b>x<p>y</p></b>"
    assert by_scan(html) == by_tree(html)
