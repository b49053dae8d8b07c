"""Feed HTML rendered as the plain text the reader shows."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.cleaning.html_text import _render_dom, _render_simple, html_to_text, looks_like_html
from reader.cleaning.sanitize import strip_control


def test_paragraphs_and_line_breaks() -> None:
    html = "<p>First   paragraph\n spans lines.</p><p>Second<br>with a break.</p>"
    assert html_to_text(html) == "First paragraph spans lines.\n\nSecond\nwith a break."


def test_headings_are_their_own_paragraph() -> None:
    assert html_to_text("intro<h2>Heading</h2>body") == "intro\n\nHeading\n\nbody"


def test_lists() -> None:
    html = "<ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul><ol><li>a</li><li>b</li></ol>"
    assert html_to_text(html) == "- one\n- two\n  - nested\n\n1. a\n2. b"


def test_blockquote_lines_are_prefixed() -> None:
    html = "<p>He said:</p><blockquote><p>line one<br>line two</p></blockquote>"
    assert html_to_text(html) == "He said:\n\n> line one\n> line two"


def test_scripts_styles_and_embeds_are_dropped() -> None:
    html = (
        "<p>keep</p><script>alert('x')</script><style>p{}</style><noscript>no</noscript>"
        "<template>t</template><iframe src=x>frame</iframe><svg><text>s</text></svg><p>also</p>"
    )
    assert html_to_text(html) == "keep\n\nalso"


def test_entities_are_decoded() -> None:
    assert html_to_text("<p>Fish &amp; chips &#8211; &lt;b&gt; &eacute;&nbsp;x</p>") == (
        "Fish & chips – <b> é x"  # no-break spaces collapse like any whitespace
    )


def test_pre_keeps_its_lines() -> None:
    assert html_to_text("<pre>a  b\n  c</pre>") == "a  b\n  c"


def test_plain_text_passes_through() -> None:
    assert html_to_text("just   words\nhere") == "just words here"
    assert html_to_text("") == ""


def test_control_characters_from_entities_are_removed() -> None:
    # &#x9b; is "›" by the HTML spec's Windows-1252 rule; escape sequences go whole, even when
    # their ESC was written as a character reference.
    assert html_to_text("<p>a&#27;[2Jb&#x9b;c\x1b]0;t\x07</p>") == "ab›c"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<p>x</p>", True),
        ("a <b>bold</b>", True),
        ("Fish &amp; chips", True),
        ("&#8217;", True),
        ("1 < 2", False),
        ("R&D", False),
        ("a<b", False),
        ("plain", False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


_PIECES = st.sampled_from(
    ["<p>", "</p>", "<div>", "</div>", "<h3>", "</h3>", "<section>", "</section>", "<br>", "<br/>",
     "</br>", "<b>", "</b>", "<a href=\"x\">", "</a>", "<em>", "</em>", "<h2>", "</h2>", "<hr>",
     "<img src='i' alt=\"a\">", "<span class=c>",
     "&amp;", "&lt;", "&#8217;", "&eacute;", "&foo;", "&", " ", "  ", "\n", "\t", "word", "Wörd",
     "&#11;", "&#1;", "&#x9f;", "&#xFFFE;", "&#65;", "&#12;", "&#13;", "<P>", "</BR>", "\xa0",
     "\x01", "&amp", "&lt",
     "<ul>", "<li>", "</li>", "</ul>", "<script>", "</script>", "<!-- c -->", "\x00", "\x1b", "<"]
)  # fmt: skip


@settings(max_examples=1500)
@given(st.lists(_PIECES, max_size=25).map("".join))
def test_simple_renderer_agrees_with_dom_walk(html: str) -> None:
    simple = _render_simple(html)
    if simple is not None:
        assert simple == _render_dom(html)


_TAG = re.compile(r"<[a-zA-Z/!]")


@settings(max_examples=500)
@given(st.text())
def test_output_never_has_control_characters_or_markup(text: str) -> None:
    html = f"<p>{text.replace('<', '&lt;')}</p>"
    rendered = html_to_text(html)
    assert all(ch == "\n" or ch == "\t" or ord(ch) >= 0x20 for ch in rendered)
    assert not any(0x7F <= ord(ch) <= 0x9F for ch in rendered)
    # A "<x" in the output can only be the user's own escaped text, never a tag.
    assert _TAG.search(rendered) is None or _TAG.search(" ".join(strip_control(text).split()))


@settings(max_examples=500)
@given(st.lists(_PIECES, max_size=25).map("".join))
def test_markup_never_survives(html: str) -> None:
    rendered = html_to_text(html)
    for tag in ("<p>", "<div>", "<b>", "<a ", "<br", "<script", "<ul>", "<li>", "<!--"):
        assert tag not in rendered
