"""Article cleaning: each boilerplate rule family both ways (junk dropped, story kept), the block
model, numbered links, and hostile input."""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.cleaning import CLEANER_VERSION, Block, CleanArticle, clean_fragment, clean_page
from reader.cleaning.boilerplate import learn_site_lines, normalise
from reader.cleaning.sources import clean_item

STORY = (
    "<p>The city council approved the new budget on Tuesday after a debate that lasted well "
    "into the night, with members split over funding for public transport.</p>"
    "<p>Supporters said the plan would cut commuting times for thousands of residents, while "
    "critics warned that it relied on optimistic forecasts of fare revenue.</p>"
)
STORY_END = "critics warned that it relied on optimistic forecasts of fare revenue."


def texts(html: str, **kwargs: Any) -> list[str]:
    return [block.plain() for block in clean_fragment(html, **kwargs).blocks]


def assert_story_only(html: str, **kwargs: Any) -> None:
    blocks = texts(html, **kwargs)
    assert len(blocks) == 2, blocks
    assert blocks[1].endswith(STORY_END)


# ----------------------------------------------------------------------------- comments


@pytest.mark.parametrize(
    "tail",
    [
        "<h3>Leave a Reply</h3><p>Your email address will not be published.</p>",
        "<h2>3 Comments</h2><p>Great article!</p><p>I disagree with the council.</p>",
        "<h3>Post a comment</h3>",
        "<h2>5 thoughts on “Council approves budget”</h2><p>Nice.</p>",
    ],
)
def test_comment_section_is_cut(tail: str) -> None:
    assert_story_only(STORY + tail)


def test_paragraph_mentioning_comments_stays() -> None:
    html = STORY + "<p>Comments from residents poured in after the vote.</p>"
    assert texts(html)[-1] == "Comments from residents poured in after the vote."
    html = "<h2>Comments</h2>" + STORY + STORY  # a heading early on is not the comment section
    assert len(texts(html)) == 4


# ----------------------------------------------------------------------------- share / follow


@pytest.mark.parametrize(
    "row",
    [
        "<p>Share this: <a href='https://facebook.com/x'>Facebook</a> "
        "<a href='https://twitter.com/x'>Twitter</a></p>",
        "<ul><li><a href='https://t.co/1'>Share on Twitter</a></li>"
        "<li><a href='https://fb.com/1'>Share on Facebook</a></li></ul>",
        "<p>Follow us on Twitter and Facebook.</p>",
        "<p>Click to share on LinkedIn (Opens in new window)</p>",
    ],
)
def test_share_and_follow_rows_are_dropped(row: str) -> None:
    assert_story_only(STORY + row)


def test_story_about_sharing_stays() -> None:
    line = "She shared the video on Facebook, where it was viewed two million times."
    assert texts(STORY + f"<p>{line}</p>")[-1] == line


# ----------------------------------------------------------------------------- related


@pytest.mark.parametrize(
    "block",
    [
        "<h3>Related posts</h3><ul><li><a href='https://e.example/a'>Budget row deepens</a>"
        "</li><li><a href='https://e.example/b'>Mayor faces vote</a></li></ul>",
        "<p>Read more: <a href='https://e.example/c'>Why the budget matters</a></p>",
        "<h2>You may also like</h2><p><a href='https://e.example/d'>Ten parks to visit</a></p>",
        "<p>RELATED: <a href='https://e.example/e'>Council to vote on transport plan</a></p>",
    ],
)
def test_related_and_read_more_are_dropped(block: str) -> None:
    assert_story_only(STORY + block)
    assert_story_only(
        STORY[: STORY.index("<p>Supporters")] + block + STORY[STORY.index("<p>Sup") :]
    )


def test_sentence_starting_with_more_stays() -> None:
    line = "More than 300 people attended the meeting, the largest crowd in a decade."
    assert texts(STORY + f"<p>{line}</p>")[-1] == line


# ----------------------------------------------------------------------------- prompts


@pytest.mark.parametrize(
    "prompt",
    [
        "<p>Sign up for our daily newsletter</p>",
        "<p>Subscribe to our newsletter to get the latest news in your inbox.</p>",
        "<p>We use cookies to improve your experience. By continuing to use this site you "
        "accept our use of cookies.</p>",
        "<p>Advertisement</p>",
        "<p>ADVERTISEMENT</p>",
        "<p>Story continues below advertisement</p>",
    ],
)
def test_newsletter_cookie_and_ad_prompts_are_dropped(prompt: str) -> None:
    assert_story_only(
        STORY[: STORY.index("<p>Supporters")] + prompt + STORY[STORY.index("<p>Sup") :]
    )


@pytest.mark.parametrize(
    "line",
    [
        "The newsletter, which reaches 2,000 subscribers, first reported the plan.",
        "Advertising revenue fell 5% in the quarter, the company said.",
        "Cookies sold at the fair raised $4,000 for the school.",
    ],
)
def test_story_about_newsletters_ads_and_cookies_stays(line: str) -> None:
    assert texts(STORY + f"<p>{line}</p>")[-1] == line


# ----------------------------------------------------------------------------- author box


def test_author_box_is_dropped() -> None:
    html = STORY + (
        "<h4>About the author</h4><p>Jane Doe covers city politics. She has worked at the "
        "paper since 2015.</p>"
    )
    assert_story_only(html)


def test_author_follow_line_at_the_end_is_dropped() -> None:
    html = STORY + "<p>Jane Doe covers city hall. Follow her on Twitter @janedoe.</p>"
    assert_story_only(html)


# ----------------------------------------------------------------------------- feed endings


def test_appeared_first_on_is_dropped() -> None:
    html = STORY + (
        "<p>The post <a href='https://e.example/budget'>Council approves budget</a> appeared "
        "first on <a href='https://e.example'>City News</a>.</p>"
    )
    article = clean_fragment(html)
    assert [b.plain() for b in article.blocks][-1].endswith(STORY_END)
    assert article.links == ()


def test_appeared_first_on_glued_to_the_last_paragraph_is_trimmed() -> None:
    html = STORY.replace(
        "fare revenue.</p>", "fare revenue. The post Budget appeared first on City News.</p>"
    )
    assert texts(html)[-1].endswith(STORY_END)


@pytest.mark.parametrize(
    "tail",
    [
        "<p><a href='https://e.example/budget#more'>Continue reading →</a></p>",
        "<p><a href='https://e.example/budget'>Read more…</a></p>",
        "<p>Continue reading <a href='https://e.example/budget'>Council approves budget</a></p>",
    ],
)
def test_continue_reading_is_dropped(tail: str) -> None:
    assert_story_only(STORY + tail)


def test_continue_reading_glued_to_the_paragraph_is_trimmed() -> None:
    html = STORY.replace("fare revenue.</p>", "fare revenue. [&hellip;] Continue reading</p>")
    assert texts(html)[-1].endswith(STORY_END)


def test_sentence_about_reading_on_stays() -> None:
    line = "Continue reading the report, the mayor told the council."
    assert texts(STORY + f"<p>{line}</p>")[-1] == line


# ----------------------------------------------------------------------------- headline, TOC


def test_headline_repeated_in_the_body_is_dropped() -> None:
    title = "Council approves budget after all-night debate"
    html = f"<h1>{title}</h1>" + STORY + f"<p><strong>{title}</strong></p>"
    assert_story_only(html, title_hint=title)


def test_line_repeated_as_caption_and_link_is_dropped() -> None:
    line = "Transport Plan Splits The Council"
    html = (
        f"<figure><img src='a.jpg' alt='{line}'><figcaption>{line}</figcaption></figure>"
        + STORY[: STORY.index("<p>Supporters")]
        + f"<p><a href='https://e.example/plan'>{line}</a></p>"
        + STORY[STORY.index("<p>Sup") :]
    )
    assert_story_only(html)


def test_sentence_mentioning_the_headline_stays() -> None:
    title = "Council approves budget"
    line = "Council approves budget, read the front page of every paper on Wednesday."
    assert texts(STORY + f"<p>{line}</p>", title_hint=title)[-1] == line


def test_table_of_contents_is_dropped() -> None:
    html = (
        "<ul><li><a href='#vote'>The vote</a></li><li><a href='#money'>The money</a></li></ul>"
        + STORY[: STORY.index("<p>Supporters")]
        + "<h2 id='vote'>The vote</h2>"
        + STORY[STORY.index("<p>Sup") :]
        + "<h2 id='money'>The money</h2><p>Spending rises by 4% to $1.2bn.</p>"
    )
    blocks = texts(html)
    assert blocks[0].startswith("The city council")
    assert blocks.count("The vote") == 1
    assert blocks.count("The money") == 1


def test_table_of_contents_repeating_headings_without_links_is_dropped() -> None:
    html = (
        "<p>Contents</p><ul><li>The vote</li><li>The money</li></ul>"
        + STORY
        + "<h2>The vote</h2><p>It passed 7-5.</p><h2>The money</h2><p>It rises by 4%.</p>"
    )
    assert texts(html)[0].startswith("The city council")


def test_ordinary_list_stays() -> None:
    html = STORY + "<ul><li>Buses every 10 minutes</li><li>Two new tram lines</li></ul>"
    article = clean_fragment(html)
    assert [(b.kind, b.text) for b in article.blocks[-2:]] == [
        ("list_item", "Buses every 10 minutes"),
        ("list_item", "Two new tram lines"),
    ]


# ----------------------------------------------------------------------------- captions


@pytest.mark.parametrize(
    "credit",
    [
        "<p>Photo: Jane Doe/Getty Images</p>",
        "<p>(Photo by John Smith/AFP via Getty Images)</p>",
        "<p>Image credit: City Council</p>",
        "<figure><img src='x.jpg'><figcaption>The council chamber.</figcaption></figure>",
    ],
)
def test_image_credits_and_captions_are_dropped(credit: str) -> None:
    assert_story_only(
        STORY[: STORY.index("<p>Supporters")] + credit + STORY[STORY.index("<p>Sup") :]
    )


def test_sentence_about_a_photo_agency_stays() -> None:
    line = "Getty Images, the photo agency, said it would move 200 jobs to the city next year."
    assert texts(STORY + f"<p>{line}</p>")[-1] == line


# ----------------------------------------------------------------------------- per-site learning

BLURB = (
    "City News is an independent newsroom covering local government, transport and schools "
    "since 1998."
)


def test_lines_repeating_across_a_feed_are_learnt_and_dropped() -> None:
    articles = [
        clean_fragment(
            f"<p>Story number {n} about the council and its plans for {n} parks.</p><p>{BLURB}</p>"
        )
        for n in range(6)
    ]
    site_lines = learn_site_lines(a.blocks for a in articles)
    assert site_lines == {normalise(BLURB)}
    html = STORY + f"<p>{BLURB}</p>"
    assert len(texts(html)) == 3
    assert_story_only(html, site_lines=site_lines)


def test_too_few_articles_teach_nothing() -> None:
    articles = [clean_fragment(STORY) for _ in range(3)]
    assert learn_site_lines(a.blocks for a in articles) == frozenset()


# ----------------------------------------------------------------------------- model, links


def test_blocks_links_text_and_markdown() -> None:
    html = (
        "<h2>Plan</h2><p>See <a href='/budget.pdf'>the budget</a> and "
        "<a href='https://e.example/map'>the map</a>; <a href='mailto:x@e.example'>mail</a> "
        "and <a href='https://e.example/map'>map again</a>.</p>"
        "<blockquote><p>We did it.</p></blockquote><ul><li>one</li><li>two<ul><li>deep</li>"
        "</ul></li></ul><pre>x = 1\n  y = 2</pre>"
    )
    article = clean_fragment(html, url="https://city.example/news/item")
    assert article.links == ("https://city.example/budget.pdf", "https://e.example/map")
    kinds = [(b.kind, b.level) for b in article.blocks]
    assert kinds == [
        ("heading", 2),
        ("paragraph", 0),
        ("quote", 0),
        ("list_item", 1),
        ("list_item", 1),
        ("list_item", 2),
        ("preformatted", 0),
    ]
    paragraph = article.blocks[1]
    assert paragraph.text == "See the budget [1] and the map [2]; mail and map again [2]."
    assert paragraph.plain() == "See the budget and the map; mail and map again."
    assert article.text() == (
        "Plan\n\nSee the budget [1] and the map [2]; mail and map again [2].\n\n> We did it."
        "\n\n- one\n- two\n  - deep\n\nx = 1\n  y = 2"
    )
    assert article.markdown() == (
        "## Plan\n\nSee [the budget][1] and [the map][2]; mail and [map again][2].\n\n"
        "> We did it.\n\n- one\n- two\n  - deep\n\n```\nx = 1\n  y = 2\n```\n\n"
        "[1]: <https://city.example/budget.pdf>\n[2]: <https://e.example/map>"
    )


def test_links_of_dropped_blocks_are_renumbered_away() -> None:
    html = "<p>Share: <a href='https://fb.example/s'>Facebook</a></p>" + STORY.replace(
        "budget", "<a href='https://e.example/budget'>budget</a>", 1
    )
    article = clean_fragment(html)
    assert article.links == ("https://e.example/budget",)
    assert "budget [1]" in article.blocks[0].text


def test_clean_page_finds_the_article_in_a_page() -> None:
    page = (
        "<html><head><title>Council approves budget | City News</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/politics'>Politics</a></nav>"
        "<article><h1>Council approves budget</h1>" + STORY * 3 + "</article>"
        "<footer>© 2025 City News. All rights reserved.</footer></body></html>"
    )
    article = clean_page(page, url="https://city.example/budget")
    assert article.title == "Council approves budget"
    assert article.blocks
    assert all("Home" not in b.text and "©" not in b.text for b in article.blocks)
    assert article.blocks[0].text.startswith("The city council")


def test_clean_page_of_nothing_is_empty_not_an_error() -> None:
    for html in ("", b"", "<html></html>", "   ", b"\xff\xfe\x00"):
        article = clean_page(html)
        assert isinstance(article, CleanArticle)
        assert article.text() == "".join(b.text for b in article.blocks)


def test_cleaner_version_is_a_positive_int() -> None:
    assert isinstance(CLEANER_VERSION, int)
    assert CLEANER_VERSION >= 1
    assert Block("paragraph", "x") == Block("paragraph", "x", 0, ())


# ----------------------------------------------------------------------------- hostile input

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_TAGS = ["p", "div", "a", "b", "h2", "ul", "li", "blockquote", "pre", "table", "tr", "td",
         "span", "br", "script", "style", "figure", "figcaption", "section", "nav"]  # fmt: skip
_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="<&"),
    max_size=40,
)


@st.composite
def _html(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 3 and draw(st.booleans()):
            tag = draw(st.sampled_from(_TAGS))
            attrs = draw(st.sampled_from(["", " href='https://e.example/x'", " class='share'"]))
            parts.append(f"<{tag}{attrs}>{draw(_html(depth + 1))}</{tag}>")
        else:
            parts.append(draw(_text))
    return "".join(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_html(), st.sampled_from(["text", "markdown", "plain"]))
def test_any_html_gives_text_without_control_characters_or_tags(html: str, form: str) -> None:
    for article in (clean_fragment(html), clean_page(f"<html><body>{html}</body></html>")):
        if form == "markdown":
            out = article.markdown()
        else:
            out = article.text(link_numbers=form == "text")
        assert not _CONTROL.search(out)
        assert "<" not in out.replace("<https://", "")
        for block in article.blocks:
            assert block.text.strip()
            assert not _CONTROL.search(block.text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_string_is_safe(html: str) -> None:
    for article in (clean_fragment(html), clean_page(html)):
        assert not _CONTROL.search(article.text())
        assert not _CONTROL.search(article.title or "")


# ----------------------------------------------------------------------------- module entry


@pytest.mark.parametrize("compressed", [False, True])
def test_reader_extract_prints_the_clean_text_of_a_local_page(
    tmp_path: Path, compressed: bool
) -> None:
    page = (
        "<html><head><title>Council approves budget | City News</title></head><body>"
        "<article><h1>Council approves budget</h1>" + STORY * 3 + "</article></body></html>"
    ).encode()
    path = tmp_path / ("page.html.gz" if compressed else "page.html")
    path.write_bytes(gzip.compress(page) if compressed else page)
    result = subprocess.run(
        [sys.executable, "-m", "reader", "extract", str(path)],
        capture_output=True,
        check=True,
        timeout=60,
    )
    out = result.stdout.decode()
    assert out.startswith("The city council approved")
    assert out.rstrip().endswith(STORY_END)
    assert "Council approves budget" not in out


def test_a_link_no_url_parser_can_read_is_dropped_and_the_item_kept() -> None:
    html = '<p>Story text.</p><p>See <a href="http://[bad">this</a> and <a href="/ok">that</a>.</p>'
    article = clean_item(html, url="https://example.com/a", title="A title")
    assert article.text() == "Story text.\n\nSee this and that [1]."
    assert article.links == ("https://example.com/ok",)
