"""Watched companies are tagged on every fetched article and on `watch` over what is stored; a
tag the user removed never comes back; `reader companies` counts articles and unread ones."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections.abc import Iterator
from html import escape
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.config import FetchConfig, Settings
from reader.library import Library
from reader.models import ArticleFilter, TagState

STORIES = [
    ("Honda recalls hybrids", "Honda said on Monday it would recall 300,000 hybrid cars."),
    ("Harrison Ford's new film", "Harrison Ford, 82, returns in a thriller shot in Spain."),
    ("Ford cuts prices", "Ford Motor said its dealers would cut F-150 prices as sales slowed."),
    ("Weather", "Rain is expected across the north on Tuesday."),
]


def feed(stories: list[tuple[str, str]]) -> str:
    items = "".join(
        f"<item><title>{escape(title)}</title><guid>s{n}</guid>"
        f"<description>{escape(body)}</description></item>"
        for n, (title, body) in enumerate(stories)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'
    )


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    settings = Settings(db_path=tmp_path / "reader.db", fetch=FetchConfig(full_text=False))
    lib = Library.open(settings)
    yield lib
    lib.close()


def fetch(library: Library, httpserver: HTTPServer, stories: list[tuple[str, str]]) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(feed(stories))
    if not library.feeds():
        library.storage.feeds.add(httpserver.url_for("/feed.xml"))
    asyncio.run(library.refresh(force=True))


def tagged(library: Library, company: str) -> set[str]:
    return {a.title for a in library.articles(ArticleFilter(companies=(company,)))}


def test_watched_companies_are_tagged_when_articles_arrive(
    library: Library, httpserver: HTTPServer
) -> None:
    library.watch("Honda")
    library.watch("Ford")
    fetch(library, httpserver, STORIES)

    assert tagged(library, "Honda") == {"Honda recalls hybrids"}
    assert tagged(library, "Ford") == {"Ford cuts prices"}  # not Harrison Ford's film
    assert tagged(library, "Ford Motor") == {"Ford cuts prices"}  # an alias names it too


def test_watching_tags_the_stored_articles_at_once(
    library: Library, httpserver: HTTPServer
) -> None:
    fetch(library, httpserver, STORIES)
    assert tagged(library, "Honda") == set()

    company, count = library.watch("honda motor")

    assert (company.name, count) == ("Honda", 1)
    assert tagged(library, "Honda") == {"Honda recalls hybrids"}


def test_a_removed_tag_never_comes_back(library: Library, httpserver: HTTPServer) -> None:
    library.watch("Honda")
    fetch(library, httpserver, STORIES)
    (article,) = library.articles(ArticleFilter(companies=("Honda",)))

    assert library.untag(article.id, "Honda")
    httpserver.clear()
    edited = [(t, b + " Updated.") for t, b in STORIES]
    fetch(library, httpserver, edited)  # the article is updated
    library.retag()

    assert tagged(library, "Honda") == set()
    (tag,) = library.tags(article.id)
    assert tag.state is TagState.REJECTED


def test_companies_lists_counts_and_the_cli_speaks_json(
    library: Library, httpserver: HTTPServer, tmp_path: Path
) -> None:
    library.watch("Honda")
    fetch(library, httpserver, STORIES)
    weather = next(a for a in library.articles() if a.title == "Weather")
    library.tag(weather.id, "Acme Weather Co")
    library.mark_read([weather.id])

    out = subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(library.storage.path), "companies", "--json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    rows = {row["name"]: row for row in json.loads(out)}
    assert rows["Honda"]["watched"] is True
    assert (rows["Honda"]["articles"], rows["Honda"]["unread"]) == (1, 1)
    assert (rows["Acme Weather Co"]["articles"], rows["Acme Weather Co"]["unread"]) == (1, 0)
    assert next(iter(rows)) == "Honda"  # watched first


def test_show_suggests_companies_the_article_is_not_tagged_with(
    library: Library, httpserver: HTTPServer
) -> None:
    library.watch("Honda")
    fetch(
        library,
        httpserver,
        [("Honda and Toyota talk", "Honda and Toyota said they would share batteries.")],
    )
    (article,) = library.articles()

    suggested = {d.name: d for d in library.suggestions(article.id)}

    assert "Toyota" in suggested
    assert "Honda" not in suggested  # already a tag
    assert suggested["Toyota"].salience == "subject"
    library.untag(article.id, "Honda")
    assert "Honda" not in {d.name for d in library.suggestions(article.id)}  # removed stays out


def test_a_company_of_your_own_is_detected_and_watched_like_a_built_in_one(
    library: Library, httpserver: HTTPServer
) -> None:
    library.add_company("Zorblax", aliases=["Zorblax Mobility"])
    fetch(library, httpserver, [("Zorblax Mobility expands", "The scooter firm hired 40 people.")])
    (article,) = library.articles()
    assert "Zorblax" in {d.name for d in library.suggestions(article.id)}

    _, tagged_now = library.watch("zorblax mobility")

    assert tagged_now == 1
    assert tagged(library, "Zorblax") == {"Zorblax Mobility expands"}
