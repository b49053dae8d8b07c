"""The seed article (../shared/seed): story kept whole, the junk a naive extractor leaves dropped.

The HTML around it is ours (tests/data/cleaning): a WordPress page with an "Easy TOC" block,
the headline repeated as an image caption and as a related-story link, share and related rows,
an author box and the comment form; and the same content as a feed item ending in "The post ...
appeared first on ...".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cleaning import CleanArticle, clean_fragment, clean_page

DATA = Path(__file__).resolve().parents[1] / "data" / "cleaning"
SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "article.txt"
URL = "https://carnewsdaily.example/2025/10/honda-nissan-us/"
HEADLINE = "Honda and Nissan are preparing a large-scale project for the American market"
REPEATED = "Honda And Nissan Are Planning Something Big For America"
TOC = ("Key negotiation points", "New stage of cooperation")
SUBHEADINGS = (
    "Progress of negotiations",
    "Impact of tariffs on strategy",
    "Shared resources and competitiveness",
    "Partnership beyond software",
    "Nissan’s plans and the future of cooperation",
)
QUOTES = (
    "We are discussing how we can collaborate in the US,",
    "We are not discussing integration or capital union,",
    "We have many options to explore.",
)
ATTRIBUTIONS = ("— he emphasized.", "— noted Espinosa.")


def _seed_story() -> list[str]:
    """Every block of the story: the seed's paragraphs minus the listed junk."""
    if not SEED.is_file():
        pytest.skip(f"{SEED} is missing (the shared/ folder sits beside the repository)")
    parts = [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    junk = {HEADLINE, REPEATED, "Leave a Reply", *TOC}
    return [p for p in parts if p not in junk]


def _page() -> CleanArticle:
    html = (DATA / "seed-wordpress-page.html").read_bytes()
    return clean_page(html, url=URL)


def _feed_item() -> CleanArticle:
    html = (DATA / "seed-feed-item.html").read_text(encoding="utf-8")
    return clean_fragment(html, url=URL, title_hint=HEADLINE)


@pytest.fixture(params=["wordpress_page", "feed_item"])
def article(request: pytest.FixtureRequest) -> CleanArticle:
    return _page() if request.param == "wordpress_page" else _feed_item()


def test_story_is_kept_whole_and_in_order(article: CleanArticle) -> None:
    story = _seed_story()
    assert [block.plain() for block in article.blocks] == story


def test_subheadings_and_quotes_keep_their_roles(article: CleanArticle) -> None:
    kinds = {block.plain(): block.kind for block in article.blocks}
    for heading in SUBHEADINGS:
        assert kinds[heading] == "heading"
    for quote in QUOTES:
        assert kinds[quote] == "quote"
    for attribution in ATTRIBUTIONS:
        assert kinds[attribution] == "paragraph"
    assert "> We are not discussing integration or capital union,\n\n— he emphasized." in (
        article.text()
    )


def test_junk_is_dropped(article: CleanArticle) -> None:
    text = article.text()
    for junk in (*TOC, REPEATED, "Leave a Reply", "Contents", "appeared first on", "Share this"):
        assert junk not in text
    assert HEADLINE not in text  # the headline is the title, not a block
    assert article.title == HEADLINE


def test_feed_item_drops_the_appeared_first_line() -> None:
    raw = (DATA / "seed-feed-item.html").read_text(encoding="utf-8")
    assert "appeared first on" in raw
    article = _feed_item()
    assert article.blocks[-1].text.startswith("These negotiations are taking place")
    assert article.links == ()  # the dropped lines took their links with them


def test_page_drops_comment_form_author_box_and_related_posts() -> None:
    text = _page().text()
    for junk in ("Your email address", "About the author", "Related", "Recent Posts", "Twitter"):
        assert junk not in text
