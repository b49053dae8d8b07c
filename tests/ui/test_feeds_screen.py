"""The feeds screen (f): every subscription in a table; j/k move, a adds, e renames, M moves to
a folder, d removes after a y/n question, r refreshes, enter shows the details, esc/q go back
to the articles, which then show the change."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from reader.app import ReaderApp
from reader.library import Library
from reader.models import ArticleFilter, FetchStatus
from reader.screens.dialogs import ConfirmModal, MessageModal, PromptModal
from reader.screens.feeds import FeedsScreen
from reader.screens.main import MainScreen
from tests.ui.conftest import notes, plain, settle

SIZE = (100, 30)  # narrow: the main screen underneath stays cheap
DEMO_ARTICLES = 34


def feeds_screen(app: ReaderApp) -> FeedsScreen:
    screen = app.screen
    assert isinstance(screen, FeedsScreen), f"expected the feeds screen, got {screen!r}"
    return screen


def table(app: ReaderApp) -> DataTable:
    return feeds_screen(app).query_one(DataTable)


def rows(app: ReaderApp) -> list[list[str]]:
    """The table as text: one list of cells per feed."""
    grid = table(app)
    return [[str(cell) for cell in grid.get_row_at(i)] for i in range(grid.row_count)]


def titles(app: ReaderApp) -> list[str]:
    return [row[1] for row in rows(app)]


def selected_title(app: ReaderApp) -> str:
    selected = feeds_screen(app).selected
    assert selected is not None
    return selected.display_title


def listed(app: ReaderApp) -> int:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    listing = screen.articles.listing
    assert listing is not None
    return listing.count


async def open_feeds(app: ReaderApp, pilot: Pilot) -> FeedsScreen:
    await settle(pilot)
    await pilot.press("f")
    await settle(pilot)
    return feeds_screen(app)


async def answer(app: ReaderApp, pilot: Pilot, text: str) -> None:
    """Replace what the open prompt holds with ``text`` (pasted: one event, where a Pilot key
    press per letter costs a tenth of a second each) and press enter."""
    prompt = app.screen
    assert isinstance(prompt, PromptModal)
    box = prompt.query_one(Input)
    if box.value:
        await pilot.press("end", "ctrl+u")  # delete the whole line
    if text:
        box.post_message(events.Paste(text))
        await settle(pilot)
        assert box.value == text
    await pilot.press("enter")
    await settle(pilot)


def write_rss(path: Path, title: str, count: int) -> Path:
    items = "".join(
        f"<item><title>{title} story {n}</title><link>https://local.example/{n}</link>"
        f"<guid>{title}-{n}</guid><pubDate>{10 + n:02d} Jan 2000 10:00:00 GMT</pubDate>"
        f"<description>Story {n}.</description></item>"
        for n in range(count)
    )
    path.write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>https://local.example/</link>{items}</channel></rss>",
        encoding="utf-8",
    )
    return path


async def test_f_lists_the_feeds_j_k_move_a_adds_one_and_esc_or_q_go_back(
    app: ReaderApp, demo_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feeds = demo_library.feeds()
    write_rss(tmp_path / "n.xml", "Neighbourhood", 3)
    monkeypatch.chdir(tmp_path)  # so the prompt takes a short relative path
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_feeds(app, pilot)
        assert titles(app) == [feed.display_title for feed in feeds]
        first = rows(app)[0]
        assert first[2:5] == [feeds[0].folder, str(feeds[0].unread_count), "10"]
        assert first[6] == "ok"
        assert "Feeds · 4" in plain(screen.query_one("#feeds-title", Static).content)
        assert app.focused is table(app)
        await pilot.press("j", "j")
        assert selected_title(app) == feeds[2].display_title
        await pilot.press("k")
        assert selected_title(app) == feeds[1].display_title
        await pilot.press("k", "k")
        assert table(app).cursor_row == 0, "k stops at the first feed"
        await pilot.press("a")
        await answer(app, pilot, "n.xml")
        assert "Added Neighbourhood: 3 articles" in notes(app)
        assert "Neighbourhood" in titles(app)
        added = rows(app)[titles(app).index("Neighbourhood")]
        assert added[3:5] == ["3", "3"], "3 unread of 3 articles"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert listed(app) == DEMO_ARTICLES + 3, "the articles show the new feed's"
        await pilot.press("f")
        await settle(pilot)
        assert len(rows(app)) == 5
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen), "q goes back, it does not quit"
        assert app.return_code is None
    assert demo_library.count() == DEMO_ARTICLES + 3


async def test_e_renames_and_M_moves_the_selected_feed_keeping_the_cursor_on_it(
    app: ReaderApp, demo_library: Library
) -> None:
    second = demo_library.feeds()[1]
    async with app.run_test(size=SIZE) as pilot:
        await open_feeds(app, pilot)
        await pilot.press("j", "e")
        prompt = app.screen
        assert isinstance(prompt, PromptModal)
        assert prompt.query_one(Input).value == "", "no title of the user's own yet"
        await answer(app, pilot, "Wire")
        assert demo_library.find_feed(str(second.id)).user_title == "Wire"
        assert titles(app)[1] == "Wire"
        await pilot.press("e")
        assert app.screen.query_one(Input).value == "Wire"
        await answer(app, pilot, "")
        assert demo_library.find_feed(str(second.id)).user_title is None
        assert titles(app)[1] == second.title, "an empty name gives back the feed's own title"
        await pilot.press("M")
        assert app.screen.query_one(Input).value == second.folder
        await answer(app, pilot, "Zz")
        assert demo_library.find_feed(str(second.id)).folder == "Zz"
        assert titles(app)[-1] == second.title, "the table is sorted by folder: Zz comes last"
        assert rows(app)[-1][2] == "Zz"
        assert selected_title(app) == second.title, "the cursor follows the feed it moved"


async def test_r_refreshes_enter_details_and_d_removes_the_selected_feed_after_y_not_n(
    app: ReaderApp, demo_library: Library
) -> None:
    feeds = demo_library.feeds()
    third = feeds[2]
    async with app.run_test(size=SIZE) as pilot:
        await open_feeds(app, pilot)
        await pilot.press("j", "j", "r")
        await settle(pilot)
        assert "Refreshed 1 feeds: 0 new articles" in notes(app)
        statuses = {feed.id: feed.last_status for feed in demo_library.feeds()}
        assert statuses.pop(third.id) is FetchStatus.NOT_MODIFIED
        assert set(statuses.values()) == {FetchStatus.OK}, "only the selected feed"
        assert rows(app)[2][6] == "not-modified", "the table shows the new status"
        assert table(app).cursor_row == 2
        await pilot.press("enter")
        await settle(pilot)
        details = app.screen
        assert isinstance(details, MessageModal), "enter shows the feed's details"
        text = "\n".join(plain(static.content) for static in details.query(Static))
        assert third.display_title in text
        assert f"URL: {third.url}" in text
        assert "Status: not-modified" in text
        assert "Last error: none" in text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, FeedsScreen)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, FeedsScreen)
        assert len(rows(app)) == 4, "n keeps the feed"
        assert third.id in [feed.id for feed in demo_library.feeds()]
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert third.display_title not in titles(app)
        assert len(rows(app)) == 3
        assert third.id not in [feed.id for feed in demo_library.feeds()]
        assert demo_library.count(ArticleFilter(feed_ids=(third.id,))) == 0
        await pilot.press("escape")
        await settle(pilot)
        assert listed(app) == DEMO_ARTICLES - third.article_count, "the articles went with it"
    assert demo_library.count() == DEMO_ARTICLES - third.article_count
