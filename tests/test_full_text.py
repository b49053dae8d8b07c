"""Full text: new articles whose feed gives only a teaser are read from their web page, politely,
and the page's story (not its furniture) becomes the article's text, search included."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Gauge
from pytest_httpserver import HTTPServer

from reader.config import Settings
from reader.library import Library
from reader.models import FullText, RefreshReport

STORY = [
    "The harbour authority approved the new ferry terminal on Tuesday after two years of "
    "public hearings and a contested environmental review of the northern quay.",
    "Construction will begin in the spring and the first sailings are planned for the summer "
    "of next year, the authority said in a statement after the vote.",
    "Residents of the old town welcomed the decision but asked for limits on evening traffic "
    "along the seafront, where the access road to the terminal will run.",
]


def teaser_feed(base: str, count: int, *, content: bool = False, link: str = "/article") -> str:
    items = []
    for n in range(count):
        body = (
            "<content:encoded><![CDATA[" + "".join(f"<p>{p}</p>" for p in STORY) + "]]>"
            "</content:encoded>"
            if content
            else ""
        )
        items.append(
            f"<item><title>Ferry terminal approved {n}</title>"
            f"<link>{base}{link}/{n}</link><guid>item-{n}</guid>"
            f"<pubDate>Tue, 0{n + 1} Sep 2026 10:00:00 GMT</pubDate>"
            f"<description>The harbour authority approved the terminal …</description>{body}</item>"
        )
    return (
        '<?xml version="1.0"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>Harbour News</title><link>{base}/</link>{''.join(items)}</channel></rss>"
    )


def article_page(title: str) -> str:
    story = "".join(f"<p>{p}</p>" for p in STORY)
    return (
        f"<!DOCTYPE html><html><head><title>{title} | Harbour News</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/local'>Local</a></nav></header>"
        f"<main><article><h1>{title}</h1>{story}"
        "<div class='sharedaddy'><h3>Share this:</h3><ul><li><a href='#'>Twitter</a></li>"
        "<li><a href='#'>Facebook</a></li></ul></div></article>"
        "<section id='comments'><h3>Leave a Reply</h3><form><textarea></textarea></form>"
        "</section></main><footer>© Harbour News</footer></body></html>"
    )


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library.open(Settings(db_path=tmp_path / "reader.db"))
    yield lib
    lib.close()


def subscribe(library: Library, url: str, mode: FullText | None = None) -> int:
    feed = library.storage.feeds.add(url)
    if mode is not None:
        library.storage.feeds.set_full_text(feed.id, mode)
    return feed.id


def refresh(library: Library) -> RefreshReport:
    return asyncio.run(library.refresh(force=True))


def subscribe_to_teasers(library: Library, httpserver: HTTPServer, count: int) -> str:
    """A feed of ``count`` teasers whose article pages are served; returns the server's base."""
    base = httpserver.url_for("")[:-1]
    httpserver.expect_request("/feed.xml").respond_with_data(teaser_feed(base, count))
    serve_pages(httpserver, count)
    subscribe(library, f"{base}/feed.xml")
    return base


def texts(library: Library) -> list[str]:
    return [library.article(a.id).clean_text for a in library.articles()]


def serve_pages(httpserver: HTTPServer, count: int, gauge: Gauge | None = None) -> None:
    for n in range(count):
        page = article_page(f"Ferry terminal approved {n}")
        route = httpserver.expect_request(f"/article/{n}")
        if gauge is None:
            route.respond_with_data(page, content_type="text/html")
        else:
            gauge.body, gauge.content_type = page, "text/html"
            route.respond_with_handler(gauge.handler)


def test_teaser_items_are_read_from_their_page_without_its_furniture(
    library: Library, httpserver: HTTPServer
) -> None:
    subscribe_to_teasers(library, httpserver, 3)

    report = refresh(library)

    assert (report.new_articles, report.pages, report.pages_failed) == (3, 3, 0)
    for text in texts(library):
        assert all(paragraph in text for paragraph in STORY)
        for junk in ("Share this", "Leave a Reply", "Home", "Harbour News"):
            assert junk not in text
    hits = library.search("seafront").hits
    assert len(hits) == 3


def test_pages_are_fetched_at_most_two_at_a_time_per_host(
    library: Library, httpserver: HTTPServer, gauge: Gauge
) -> None:
    base = httpserver.url_for("")[:-1]
    httpserver.expect_request("/feed.xml").respond_with_data(teaser_feed(base, 6))
    serve_pages(httpserver, 6, gauge)
    subscribe(library, f"{base}/feed.xml")

    report = refresh(library)

    assert report.pages == 6
    assert gauge.peak == 2


def test_full_content_items_are_not_fetched_unless_the_feed_says_always(
    library: Library, httpserver: HTTPServer
) -> None:
    base = httpserver.url_for("")[:-1]
    httpserver.expect_request("/full.xml").respond_with_data(teaser_feed(base, 2, content=True))
    serve_pages(httpserver, 2)
    auto = subscribe(library, f"{base}/full.xml")

    assert refresh(library).pages == 0
    assert not [r for r, _ in httpserver.log if r.path.startswith("/article")]

    library.storage.feeds.remove(auto)
    subscribe(library, f"{base}/full.xml", FullText.ALWAYS)
    report = refresh(library)
    assert report.pages_failed == 2  # the pages hold no more text than the items
    assert report.pages == 0


def test_never_means_no_page_request(library: Library, httpserver: HTTPServer) -> None:
    base = httpserver.url_for("")[:-1]
    httpserver.expect_request("/feed.xml").respond_with_data(teaser_feed(base, 2))
    serve_pages(httpserver, 2)
    subscribe(library, f"{base}/feed.xml", FullText.NEVER)

    report = refresh(library)

    assert (report.new_articles, report.pages) == (2, 0)
    assert not [r for r, _ in httpserver.log if r.path.startswith("/article")]
    assert all(
        text.startswith("The harbour authority approved the terminal") for text in texts(library)
    )


def test_a_missing_page_keeps_the_feed_text_and_records_why(
    library: Library, httpserver: HTTPServer
) -> None:
    base = httpserver.url_for("")[:-1]
    httpserver.expect_request("/feed.xml").respond_with_data(teaser_feed(base, 1))
    httpserver.expect_request("/article/0").respond_with_data("gone", status=404)
    subscribe(library, f"{base}/feed.xml")

    report = refresh(library)

    assert (report.new_articles, report.pages, report.pages_failed) == (1, 0, 1)
    assert report.failed == ()  # the feed itself is fine
    assert texts(library) == ["The harbour authority approved the terminal …"]
    with sqlite3.connect(library.storage.path) as conn:
        (error,) = conn.execute("SELECT error FROM article_pages").fetchone()
    assert "404" in error


def test_links_that_are_not_web_pages_are_never_opened(
    library: Library, httpserver: HTTPServer, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.html"
    secret.write_text("<p>" + "private words " * 200 + "</p>")
    base = httpserver.url_for("")[:-1]
    feed = teaser_feed("", 1, link=f"file://{secret}").replace(
        f"file://{secret}/0", secret.as_uri()
    )
    httpserver.expect_request("/feed.xml").respond_with_data(feed)
    subscribe(library, f"{base}/feed.xml", FullText.ALWAYS)

    report = refresh(library)

    assert (report.new_articles, report.pages, report.pages_failed) == (1, 0, 0)
    assert "private" not in texts(library)[0]


def test_a_refetch_keeps_the_page_text_and_reads_no_page_again(
    library: Library, httpserver: HTTPServer
) -> None:
    base = subscribe_to_teasers(library, httpserver, 2)
    refresh(library)
    page_requests = len([r for r, _ in httpserver.log if r.path.startswith("/article")])

    # the feed edits its teasers: the article is updated, but keeps the text read from its page
    httpserver.clear()
    edited = teaser_feed(base, 2).replace("terminal …", "terminal, officials said …")
    httpserver.expect_request("/feed.xml").respond_with_data(edited)
    report = refresh(library)

    assert (report.updated_articles, report.pages) == (2, 0)
    assert not [r for r, _ in httpserver.log if r.path.startswith("/article")]
    assert page_requests == 2
    assert all(STORY[2] in text for text in texts(library))


def test_reading_view_numbers_the_page_links(library: Library, httpserver: HTTPServer) -> None:
    base = httpserver.url_for("")[:-1]
    httpserver.expect_request("/feed.xml").respond_with_data(teaser_feed(base, 1))
    story = "".join(f"<p>{p}</p>" for p in STORY)
    linked = story.replace("public hearings", "<a href='/hearings'>public hearings</a>")
    page = article_page("Ferry terminal approved 0").replace(story, linked)
    httpserver.expect_request("/article/0").respond_with_data(page, content_type="text/html")
    subscribe(library, f"{base}/feed.xml")
    refresh(library)
    (summary,) = library.articles()

    reading = library.reading(summary.id)

    assert "public hearings [1]" in reading.clean.text()
    assert reading.clean.links == (f"{base}/hearings",)


def test_the_cut_off_pre_check_never_hides_an_ending_the_expression_finds() -> None:
    from reader.fetching.pages import _CUT_OFF, _may_be_cut_off

    endings = [
        "...", "…", "[...]", "[…]", "(more...)", "Read more", "READ MORE »", "Continue reading",
        "keep Reading →", "Read the full story at Example News", "read the rest of this entry",
    ]  # fmt: skip
    texts = [f"The plant opens next year and {ending}" for ending in endings]
    texts += [f"{text} ." for text in texts] + ["Shares rose 3%.", "He said so: more to come"]
    for text in texts:
        tail = text[-200:]
        assert _may_be_cut_off(tail) or _CUT_OFF.search(tail) is None, text
    assert sum(_CUT_OFF.search(text[-200:]) is not None for text in texts) >= len(endings)
