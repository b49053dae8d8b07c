"""Odd but legal feeds, fetched over HTTP and fetched again: every entry is kept once, nothing
the user did is lost, and nothing odd breaks the order of the article list."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.config import FetchConfig, Settings
from reader.fetching.parse import MAX_LINE_CHARS
from reader.library import Library
from reader.models import ArticleFilter, ArticleSummary, OutcomeKind, RefreshReport


class Site:
    """Feeds served from a dict, so a test can change what the next fetch gets."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.bodies: dict[str, str] = {}

    def serve(self, path: str, body: str) -> str:
        self.bodies[path] = body
        self.server.expect_request(path).respond_with_handler(self._answer)
        return self.server.url_for(path)

    def _answer(self, request: Request) -> Response:
        return Response(self.bodies[request.path], content_type="application/rss+xml")


def rss(title: str, *items: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>https://odd.example/</link>{''.join(items)}"
        "</channel></rss>"
    )


def item(
    *,
    title: str | None = None,
    guid: str | None = None,
    link: str | None = None,
    date: str | None = "Mon, 23 Nov 2026 10:00:00 +0000",
    text: str = "Some text.",
    categories: int = 0,
) -> str:
    parts = [
        f"<title>{title}</title>" if title is not None else "",
        f"<guid>{guid}</guid>" if guid is not None else "",
        f"<link>{link}</link>" if link is not None else "",
        f"<pubDate>{date}</pubDate>" if date is not None else "",
        f"<description>{text}</description>",
        "".join(f"<category>topic {n}</category>" for n in range(categories)),
    ]
    return f"<item>{''.join(parts)}</item>"


@pytest.fixture
def site(httpserver: HTTPServer) -> Site:
    return Site(httpserver)


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library.open(Settings(db_path=tmp_path / "odd.db", fetch=FetchConfig(full_text=False)))
    yield lib
    lib.close()


def subscribe(library: Library, url: str) -> None:
    asyncio.run(library.add_feed(url))


def refetch(library: Library) -> RefreshReport:
    report = asyncio.run(library.refresh(force=True))
    failed = [o for o in report.outcomes if o.kind is OutcomeKind.FAILED]
    assert failed == []
    return report


def titles(library: Library) -> list[str]:
    return [row.title for row in library.articles()]


def by_title(library: Library, title: str) -> ArticleSummary:
    return next(row for row in library.articles() if row.title == title)


def test_one_guid_for_different_items_keeps_each_item_and_its_state(
    library: Library, site: Site
) -> None:
    first = item(title="First use of the guid", guid="same", text="One story.")
    body = rss(
        "Reused guids",
        first,
        item(title="Second use of the guid", guid="same", text="Another story."),
        first,  # an exact repeat is the same item
    )
    subscribe(library, site.serve("/guids.xml", body))
    assert sorted(titles(library)) == ["First use of the guid", "Second use of the guid"]

    second = by_title(library, "Second use of the guid")
    library.star([second.id])
    library.mark_read([second.id])
    refetch(library)

    assert sorted(titles(library)) == ["First use of the guid", "Second use of the guid"]
    again = by_title(library, "Second use of the guid")
    assert (again.id, again.starred, again.read) == (second.id, True, True)


def test_the_same_article_in_two_feeds_is_listed_under_each_with_its_own_state(
    library: Library, site: Site
) -> None:
    shared = item(title="Shared story", guid="https://odd.example/shared")
    subscribe(library, site.serve("/one.xml", rss("One", shared)))
    subscribe(library, site.serve("/two.xml", rss("Two", shared)))
    rows = library.articles()
    assert sorted(row.feed_title for row in rows) == ["One", "Two"]

    library.mark_read([rows[0].id])
    refetch(library)
    assert sorted(row.read for row in library.articles()) == [False, True]


@pytest.mark.parametrize(
    "date",
    [
        "Fri, 31 Dec 9999 23:59:59 +0000",
        "Mon, 32 Foo 2026 25:61:00 +0000",
        "not a date at all",
        "",
        "Thu, 01 Jan 1970 00:00:00 +0000",
    ],
)
def test_odd_dates_are_stored_and_never_sort_above_news_fetched_after_them(
    library: Library, site: Site, date: str
) -> None:
    """A date in the future counts as the moment the article was fetched: it cannot pin the
    article to the top of the list above everything that comes later."""
    subscribe(library, site.serve("/dates.xml", rss("Dates", item(title="Odd", date=date))))
    fetched = datetime.now(UTC)
    [odd] = library.articles()
    assert odd.sort_time <= fetched

    soon = (datetime.now(UTC) + timedelta(hours=1)).strftime("%a, %d %b %Y %H:%M:%S +0000")
    subscribe(library, site.serve("/later.xml", rss("Later", item(title="Later", date=soon))))
    assert titles(library) == ["Later", "Odd"]


def test_entries_missing_title_link_or_guid_are_kept_once_across_fetches(
    library: Library, site: Site
) -> None:
    body = rss(
        "Sparse",
        item(guid="no-title", text="A story that came without a title of its own."),
        item(title="No link", guid="no-link"),
        item(title="No guid", link="https://odd.example/no-guid"),
        item(title="Nothing but a title and text", date=None),
        item(text="Only text, no title, link, guid or date.", date=None),
    )
    subscribe(library, site.serve("/sparse.xml", body))
    first = sorted(titles(library))
    assert len(first) == 5
    assert "A story that came without a title of its own." in first
    assert "Only text, no title, link, guid or date." in first

    library.star([row.id for row in library.articles()])
    refetch(library)
    refetch(library)
    assert sorted(titles(library)) == first
    assert library.count(ArticleFilter(starred=True)) == 5


def test_an_entry_with_ten_thousand_categories_is_stored_without_holding_up_the_feed(
    library: Library, site: Site
) -> None:
    body = rss(
        "Tag soup",
        item(title="Ten thousand categories", guid="soup", categories=10_000),
        item(title="A plain neighbour", guid="plain"),
    )
    started = time.perf_counter()
    subscribe(library, site.serve("/soup.xml", body))
    took = time.perf_counter() - started
    assert sorted(titles(library)) == ["A plain neighbour", "Ten thousand categories"]
    assert took < 10, f"a 10,000-category entry took {took:.1f} s"


def test_megabyte_titles_and_guids_are_cut_to_a_line_and_stay_one_article(
    library: Library, site: Site
) -> None:
    huge_title = "Headline " * 120_000
    body = rss(
        "Long lines",
        item(title=huge_title, guid="g" * 1_000_000),
        item(title="Short", guid="short"),
    )
    subscribe(library, site.serve("/long.xml", body))
    refetch(library)
    rows = library.articles()
    assert len(rows) == 2
    long_title = next(row.title for row in rows if row.title != "Short")
    assert len(long_title) == MAX_LINE_CHARS
    assert long_title.startswith("Headline Headline")
    assert long_title.endswith("…")
