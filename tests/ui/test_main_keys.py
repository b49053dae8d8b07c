"""The main screen, key by key: what every binding of MainScreen, ArticleList, ArticleView and
the Sidebar does, at the wide size (sidebar, list and article side by side) and the narrow one
(one pane at a time). Assertions look at the widgets and at the library behind them.

Each Pilot key press costs a tenth of a second, so a test walks through a few related keys in
one run of the app rather than starting the app once per key."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.events import Key
from textual.pilot import Pilot
from textual.widget import Widget

from reader.app import ReaderApp
from reader.library import Library
from reader.models import ArticleFilter, FetchStatus
from reader.screens.company_picker import CompanyPickerModal
from reader.screens.dialogs import PromptModal
from reader.screens.main import MainScreen
from reader.storage import FetchSuccess
from reader.views import BLOCK, View, ViewKind
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView
from reader.widgets.sidebar import Sidebar
from reader.widgets.status_bar import StatusBar
from tests.conftest import ARTICLE_TIME, article_draft
from tests.ui.conftest import (
    NARROW,
    WIDE,
    BrowserRecorder,
    main,
    notes,
    paste,
    plain,
    settle,
)

DEMO_ARTICLES = 34
UNREAD = ArticleFilter(read=False)
STARRED = ArticleFilter(starred=True)
NO_MORE_UNREAD = "No more unread articles in this view"


# -- helpers ---------------------------------------------------------------------------------


def cursor(app: ReaderApp) -> int:
    return main(app).articles.cursor


def current_id(app: ReaderApp) -> int:
    current = main(app).articles.current
    assert current is not None
    return current.id


def count(app: ReaderApp) -> int:
    listing = main(app).articles.listing
    assert listing is not None
    return listing.count


def listed_ids(app: ReaderApp) -> list[int]:
    listing = main(app).articles.listing
    assert listing is not None
    return [row.id for row in listing.loaded()]


def shown_id(app: ReaderApp) -> int | None:
    """The article in the reading pane."""
    shown = main(app).article_view.shown
    return shown.article_id if shown else None


def status_text(app: ReaderApp) -> str:
    return plain(main(app).query_one(StatusBar).content)


def sidebar_entry(app: ReaderApp, index: int) -> str:
    return plain(main(app).sidebar.get_option_at_index(index).prompt)


def shows(widget: Widget) -> bool:
    """Displayed and given room on screen by the layout."""
    return widget.display and widget.region.width > 0 and widget.region.height > 0


def demo_order(library: Library) -> list[int]:
    """The demo's article ids as the All view lists them, newest first."""
    return [a.id for a in library.articles(ArticleFilter(), limit=100)]


def write_rss(path: Path, title: str, items: list[tuple[str, str]]) -> Path:
    """A small RSS file: ``items`` are (title, link), newest first, all dated long ago (so they
    list after the demo's articles)."""
    entries = "".join(
        f"<item><title>{name}</title><link>{link}</link><guid>{path.stem}-{name}</guid>"
        f"<pubDate>{10 + n:02d} Jan 2000 10:00:00 GMT</pubDate>"
        f"<description>{name}: a short text for the test.</description></item>"
        for n, (name, link) in enumerate(reversed(items))
    )
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>https://local.example/</link>{entries}"
        "</channel></rss>",
        encoding="utf-8",
    )
    return path


async def start(app: ReaderApp, pilot: Pilot) -> MainScreen:
    await settle(pilot)
    return main(app)


# -- the list: ArticleList bindings ------------------------------------------------------------


async def test_list_keys_move_the_cursor_and_preview_without_marking_read_when_wide(
    app: ReaderApp, demo_library: Library
) -> None:
    order = demo_order(demo_library)
    async with app.run_test(size=WIDE) as pilot:
        screen = await start(app, pilot)
        assert screen.view == View(), "a first start opens on All"
        assert count(app) == DEMO_ARTICLES
        assert cursor(app) == 0
        assert app.focused is screen.articles
        assert shows(screen.sidebar)
        assert shows(screen.articles)
        assert shows(screen.article_view)
        assert "All · 1/34 articles" in status_text(app)
        assert shown_id(app) == order[0], "the wide layout previews the highlighted article"
        steps = [
            ("j", 1),
            ("down", 2),
            ("k", 1),
            ("up", 0),
            ("k", 0),  # already at the top
            ("G", DEMO_ARTICLES - 1),
            ("j", DEMO_ARTICLES - 1),  # already at the bottom
            ("g", 0),
            ("end", DEMO_ARTICLES - 1),
            ("home", 0),
        ]
        for key, row in steps:
            await pilot.press(key)
            assert cursor(app) == row, f"{key} moves to row {row}"
            if key in ("down", "G"):
                await settle(pilot)
                assert shown_id(app) == order[row], f"after {key} the preview follows"
                assert f"{row + 1}/34" in status_text(app)
        await settle(pilot)
        assert shown_id(app) == order[0]
        assert app.focused is screen.articles, "previewing leaves the focus on the list"
    assert demo_library.count(UNREAD) == DEMO_ARTICLES, "a preview marks nothing read"


async def test_page_keys_move_the_list_cursor_a_screenful(app: ReaderApp) -> None:
    async with app.run_test(size=NARROW) as pilot:
        screen = await start(app, pilot)
        articles = screen.articles
        page = articles.scrollable_content_region.height - 1
        assert 0 < page < DEMO_ARTICLES
        await pilot.press("pagedown")
        assert cursor(app) == page
        await pilot.press("ctrl+f", "pagedown")
        assert cursor(app) == DEMO_ARTICLES - 1, "paging stops at the last article"
        assert articles.scroll_y > 0, "the list scrolls to keep the cursor on screen"
        await pilot.press("pageup")
        assert cursor(app) == DEMO_ARTICLES - 1 - page
        await pilot.press("ctrl+b", "pageup")
        assert cursor(app) == 0
        assert articles.scroll_y == 0
        await settle(pilot)


async def test_enter_marks_the_article_read_and_focuses_it_beside_the_list_when_wide(
    app: ReaderApp, demo_library: Library
) -> None:
    order = demo_order(demo_library)
    async with app.run_test(size=WIDE) as pilot:
        screen = await start(app, pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        assert demo_library.article(order[1]).read
        assert demo_library.count(UNREAD) == DEMO_ARTICLES - 1
        assert app.focused is screen.article_view
        assert shown_id(app) == order[1]
        assert shows(screen.articles), "the list stays on screen beside the article"
        assert shows(screen.sidebar)
        row = screen.articles.current
        assert row is not None
        assert row.read, "the list row shows the article read"
        assert "Unread 33" in sidebar_entry(app, 1)
        await pilot.press("escape")
        assert app.focused is screen.articles, "esc goes back to the list"
        await pilot.press("enter", "q")
        await settle(pilot)
        assert app.return_code is None, "q in the article goes back, it does not quit"
        assert app.focused is screen.articles
        await pilot.press("q")
        await settle(pilot)
        assert app.return_code == 0, "q on the list quits"
        assert not app.is_running


async def test_enter_switches_to_the_article_when_narrow_and_esc_or_q_goes_back(
    app: ReaderApp, demo_library: Library
) -> None:
    order = demo_order(demo_library)
    async with app.run_test(size=NARROW) as pilot:
        screen = await start(app, pilot)
        assert shows(screen.articles)
        assert not shows(screen.article_view), "narrow: the list alone"
        assert not shows(screen.sidebar)
        await pilot.press("j", "j")
        await settle(pilot)
        assert demo_library.count(UNREAD) == DEMO_ARTICLES, "moving in the list reads nothing"
        await pilot.press("enter")
        await settle(pilot)
        assert shows(screen.article_view)
        assert not shows(screen.articles), "narrow: the article alone"
        assert app.focused is screen.article_view
        assert shown_id(app) == order[2]
        assert demo_library.article(order[2]).read
        for back in ("escape", "q"):
            await pilot.press(back)
            await settle(pilot)
            assert app.return_code is None, f"{back} in an article goes back, it does not quit"
            assert shows(screen.articles)
            assert not shows(screen.article_view)
            assert app.focused is screen.articles
            assert cursor(app) == 2, "back on the same row"
            if back == "escape":
                await pilot.press("enter")
                await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert shown_id(app) == order[3], "n opens the next unread article"
        assert shows(screen.article_view)
        await pilot.press("q", "q")
        await settle(pilot)
        assert app.return_code == 0, "q on the list quits"
        assert not app.is_running


# -- reading: ArticleView bindings -------------------------------------------------------------


async def open_a_long_article(app: ReaderApp, pilot: Pilot) -> ArticleView:
    """Narrow, so the first demo article is longer than the screen."""
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    view = main(app).article_view
    assert app.focused is view
    assert view.max_scroll_y > 5, "the test needs an article longer than the screen"
    return view


async def test_reading_keys_scroll_the_article(app: ReaderApp, demo_library: Library) -> None:
    first = demo_order(demo_library)[0]
    async with app.run_test(size=NARROW) as pilot:
        view = await open_a_long_article(app, pilot)
        await pilot.press("j", "j")
        assert view.scroll_y == 2
        await pilot.press("k")
        assert view.scroll_y == 1
        await pilot.press("down", "up", "up")
        assert view.scroll_y == 0
        for down, up in (("pagedown", "pageup"), ("space", "b"), ("space", "shift+space")):
            await pilot.press(down)
            assert view.scroll_y > 2, f"{down} pages down"
            await pilot.press(up)
            assert view.scroll_y == 0, f"{up} pages back up"
        for end, home in (("G", "g"), ("end", "home")):
            await pilot.press(end)
            assert view.scroll_y == view.max_scroll_y, f"{end} goes to the end"
            await pilot.press(home)
            assert view.scroll_y == 0, f"{home} goes to the top"
        await settle(pilot)
        assert shown_id(app) == current_id(app) == first, "scrolling stays in the article"
        assert app.focused is view


async def test_space_pages_through_the_article_then_moves_on_to_the_next_unread(
    app: ReaderApp, demo_library: Library
) -> None:
    order = demo_order(demo_library)
    demo_library.mark_read([order[1]])
    async with app.run_test(size=NARROW) as pilot:
        view = await open_a_long_article(app, pilot)
        pages = 0
        while view.scroll_y < view.max_scroll_y:
            await pilot.press("space")
            pages += 1
            assert pages < 20
        assert pages >= 1
        await settle(pilot)
        assert shown_id(app) == order[0], "paging does not leave the article early"
        await pilot.press("space")
        await settle(pilot)
        assert cursor(app) == 2, "the next unread one, skipping a read article"
        assert shown_id(app) == order[2]
        assert view.scroll_y == 0, "the next article opens at its top"
        assert demo_library.article(order[2]).read
        assert shows(view)
        assert app.focused is view


# -- next / previous unread, read and star -----------------------------------------------------


async def test_n_and_p_open_the_next_and_previous_unread_article(
    app: ReaderApp, demo_library: Library
) -> None:
    order = demo_order(demo_library)
    demo_library.mark_read(order[1:3])
    async with app.run_test(size=NARROW) as pilot:
        screen = await start(app, pilot)
        await pilot.press("n")
        await settle(pilot)
        assert cursor(app) == 3, "read articles are skipped"
        assert shown_id(app) == order[3]
        assert demo_library.article(order[3]).read, "n opens the article, which reads it"
        assert app.focused is screen.article_view
        await pilot.press("p")
        await settle(pilot)
        assert cursor(app) == 0
        assert demo_library.article(order[0]).read
        assert NO_MORE_UNREAD not in notes(app)
        await pilot.press("p")
        await settle(pilot)
        assert cursor(app) == 0
        assert NO_MORE_UNREAD in notes(app)


async def test_m_toggles_read_and_s_toggles_the_star_and_both_survive_reopen(
    app: ReaderApp, demo_library: Library, browser: BrowserRecorder
) -> None:
    order = demo_order(demo_library)
    async with app.run_test(size=NARROW) as pilot:
        screen = await start(app, pilot)
        await pilot.press("j", "m")
        await settle(pilot)
        assert demo_library.article(order[1]).read
        row = screen.articles.current
        assert row is not None
        assert row.read, "the row shows it read"
        assert "Unread 33" in sidebar_entry(app, 1)
        await pilot.press("j", "m", "k", "m")
        await settle(pilot)
        assert not demo_library.article(order[1]).read, "m again marks it unread"
        assert demo_library.article(order[2]).read
        await pilot.press("s")
        await settle(pilot)
        assert demo_library.article(order[1]).starred
        assert demo_library.count(STARRED) == 1
        row = screen.articles.current
        assert row is not None
        assert row.starred
        assert "Starred 1" in sidebar_entry(app, 2)
        assert not demo_library.article(order[1]).read, "starring does not read"
        await pilot.press("s")
        await settle(pilot)
        assert not demo_library.article(order[1]).starred, "s again takes the star off"
        assert demo_library.count(STARRED) == 0
        await pilot.press("s", "q")
        await settle(pilot)
    reopened = ReaderApp(demo_library, open_link=browser)
    async with reopened.run_test(size=NARROW) as pilot:
        await settle(pilot)
        listing = main(reopened).articles.listing
        assert listing is not None
        rows = listing.loaded()[:3]
        assert [row.read for row in rows] == [False, False, True]
        assert [row.starred for row in rows] == [False, True, False]


async def test_A_marks_every_article_in_the_view_read_and_no_other(
    app: ReaderApp, demo_library: Library
) -> None:
    demo_library.remember("view", View(ViewKind.COMPANY, "Toyota").to_json())
    toyota = demo_library.count(ArticleFilter(companies=("Toyota",)))
    nissan = {hit.article.id for hit in demo_library.search("nissan", limit=1000).hits}
    async with app.run_test(size=NARROW) as pilot:
        await start(app, pilot)
        assert count(app) == toyota == 3
        await pilot.press("A")
        await settle(pilot)
        assert f"Marked {toyota} articles read" in notes(app)
        assert demo_library.count(ArticleFilter(companies=("Toyota",), read=False)) == 0
        assert demo_library.count(UNREAD) == DEMO_ARTICLES - toyota
        assert count(app) == toyota, "the view shows read articles too"
        assert all(demo_library.article(i).read for i in listed_ids(app))
        unread_before = demo_library.count(UNREAD)
        unread_hits = [i for i in nissan if not demo_library.article(i).read]
        await pilot.press("slash")
        await paste(pilot, "nissan")
        await pilot.press("enter")
        await settle(pilot)
        assert set(listed_ids(app)) == nissan
        await pilot.press("A")
        await settle(pilot)
        assert f"Marked {len(unread_hits)} articles read" in notes(app)
    assert all(demo_library.article(i).read for i in nissan)
    assert demo_library.count(UNREAD) == unread_before - len(unread_hits)


# -- links -------------------------------------------------------------------------------------


async def test_o_opens_only_http_links_and_marks_them_read_and_y_copies_the_link(
    demo_library: Library, browser: BrowserRecorder, tmp_path: Path
) -> None:
    odd = write_rss(tmp_path / "odd.xml", "Odd Links", [("A file link", "ftp://files.example/x")])
    await demo_library.add_feed(str(odd))
    first = demo_order(demo_library)[0]
    url = demo_library.article(first).url
    assert url is not None
    assert url.startswith("https://")
    app = ReaderApp(demo_library, open_link=browser)
    async with app.run_test(size=NARROW) as pilot:
        screen = await start(app, pilot)
        await pilot.press("G", "o")
        await settle(pilot)
        ftp = screen.articles.current
        assert ftp is not None
        assert ftp.url == "ftp://files.example/x"
        assert browser.opened == [], "an ftp: link is not handed to the browser"
        assert "Only http and https links are opened" in notes(app)
        assert not demo_library.article(ftp.id).read
        await pilot.press("g", "y")
        await settle(pilot)
        assert app.clipboard == url
        assert f"Copied {url}" in notes(app)
        assert not demo_library.article(first).read, "copying the link does not read it"
        await pilot.press("o")
        await settle(pilot)
        assert browser.opened == [url]
        assert demo_library.article(first).read, "opening it in the browser does"
        row = screen.articles.current
        assert row is not None
        assert row.read


# -- search ------------------------------------------------------------------------------------


async def test_slash_searches_as_you_type_and_enter_keeps_the_results_as_the_view(
    app: ReaderApp, demo_library: Library
) -> None:
    honda = {hit.article.id for hit in demo_library.search("honda", limit=1000).hits}
    assert 0 < len(honda) < DEMO_ARTICLES
    async with app.run_test(size=NARROW) as pilot:
        screen = await start(app, pilot)
        await pilot.press("slash")
        assert screen.search_box.has_focus
        await pilot.press(*"hon")
        await settle(pilot)
        assert shows(screen.search_box)
        assert screen.view.kind is ViewKind.SEARCH
        assert 0 < count(app) < DEMO_ARTICLES, "the list follows the half-typed word"
        assert honda <= set(listed_ids(app)), '"hon" already finds Honda'
        await pilot.press(*"da")
        await settle(pilot)
        assert set(listed_ids(app)) == honda
        assert "Search: honda" in status_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.view.kind is ViewKind.SEARCH
        assert set(listed_ids(app)) == honda, "enter keeps the results as the view"
        assert app.focused is screen.articles
        assert not shows(screen.search_box)
        assert demo_library.remembered("view") == screen.view.to_json()


async def test_letters_typed_in_one_burst_with_the_slash_go_to_the_search_box(
    app: ReaderApp, demo_library: Library
) -> None:
    """As a terminal delivers "/honda" typed fast or pasted: every key is queued before the
    first is handled, so the letters were meant for the box, not for the list's n, o, a."""
    honda = {hit.article.id for hit in demo_library.search("honda", limit=1000).hits}
    async with app.run_test(size=NARROW) as pilot:
        screen = await start(app, pilot)
        first = screen.articles.current
        for key, character in [("slash", "/"), *((c, c) for c in "honda")]:
            app.post_message(Key(key, character))
        await settle(pilot)
        assert screen.search_box.value == "honda"
        assert set(listed_ids(app)) == honda
        assert first is not None
        assert not demo_library.article(first.id).read, "o did not open it"


async def test_esc_or_an_emptied_search_box_restores_the_previous_view(
    app: ReaderApp, demo_library: Library
) -> None:
    toyota = View(ViewKind.COMPANY, "Toyota")
    demo_library.remember("view", toyota.to_json())
    async with app.run_test(size=NARROW) as pilot:
        screen = await start(app, pilot)
        assert count(app) == 3
        await pilot.press("slash")
        await paste(pilot, "zzyzx")
        assert screen.view.kind is ViewKind.SEARCH
        assert count(app) == 0, "nothing matches"
        assert screen.articles.current is None
        assert shown_id(app) is None
        assert "empty" in status_text(app)
        await pilot.press("ctrl+u")  # delete everything left of the cursor
        await settle(pilot)
        assert screen.view == toyota, "an empty box shows the view the search started from"
        assert count(app) == 3
        await paste(pilot, "solid")
        assert screen.view.kind is ViewKind.SEARCH
        await pilot.press("escape")
        await settle(pilot)
        assert screen.view == toyota
        assert count(app) == 3
        assert screen.search_box.value == ""
        assert not shows(screen.search_box)
        assert app.focused is screen.articles
    assert demo_library.remembered("view") == toyota.to_json()


# -- views: l, v and the sidebar ---------------------------------------------------------------


async def test_l_hides_read_articles_keeping_the_cursor_and_shows_them_again(
    app: ReaderApp, demo_library: Library
) -> None:
    order = demo_order(demo_library)
    demo_library.mark_read(order[:2])
    async with app.run_test(size=NARROW) as pilot:
        await start(app, pilot)
        assert count(app) == DEMO_ARTICLES
        await pilot.press("j", "j", "j", "l")
        await settle(pilot)
        assert count(app) == DEMO_ARTICLES - 2
        assert current_id(app) == order[3], "the cursor stays on the same article"
        assert cursor(app) == 1
        assert order[0] not in listed_ids(app)
        assert "unread only" in status_text(app)
        assert "Hiding read articles" in notes(app)
        await pilot.press("l")
        await settle(pilot)
        assert count(app) == DEMO_ARTICLES
        assert current_id(app) == order[3]
        assert "unread only" not in status_text(app)


async def test_v_hides_and_shows_the_sidebar_at_both_sizes_focusing_it_when_shown(
    app: ReaderApp,
) -> None:
    async with app.run_test(size=WIDE) as pilot:
        screen = await start(app, pilot)
        assert shows(screen.sidebar)
        await pilot.press("v")
        await settle(pilot)
        assert not shows(screen.sidebar)
        assert app.focused is screen.articles
        await pilot.press("v")
        await settle(pilot)
        assert shows(screen.sidebar)
        assert app.focused is screen.sidebar, "the sidebar v shows gets the focus"
        await pilot.press("escape")
        await pilot.resize_terminal(*NARROW)
        await settle(pilot)
        assert screen.has_class("-narrow")
        assert not shows(screen.sidebar), "narrow hides the sidebar"
        await pilot.press("v")
        await settle(pilot)
        assert shows(screen.sidebar), "until v shows it"
        assert shows(screen.articles), "beside the list"
        assert app.focused is screen.sidebar, "j/k and enter then choose a view"
        await pilot.press("v")
        await settle(pilot)
        assert not shows(screen.sidebar)
        assert app.focused is screen.articles


async def focus_the_sidebar(app: ReaderApp, pilot: Pilot) -> Sidebar:
    await settle(pilot)
    await pilot.press("shift+tab")
    sidebar = main(app).sidebar
    assert app.focused is sidebar
    return sidebar


async def test_sidebar_j_k_g_G_move_over_the_views_and_enter_chooses_one(
    app: ReaderApp, demo_library: Library
) -> None:
    feeds = demo_library.feeds()
    last = feeds[-1]
    demo_library.mark_read(demo_order(demo_library)[:4])
    async with app.run_test(size=WIDE) as pilot:
        sidebar = await focus_the_sidebar(app, pilot)
        assert sidebar.highlighted_view() == View(), "the current view, All, is highlighted"
        await pilot.press("j")
        assert sidebar.highlighted_view() == View(ViewKind.UNREAD)
        await pilot.press("j", "j")
        company = sidebar.highlighted_view()
        assert company is not None
        assert company.kind is ViewKind.COMPANY, "j skips the Companies heading"
        await pilot.press("k")
        assert sidebar.highlighted_view() == View(ViewKind.STARRED)
        await pilot.press("G")
        bottom = sidebar.highlighted_view()
        assert bottom is not None
        assert (bottom.kind, bottom.value) == (ViewKind.FEED, str(last.id))
        await pilot.press("g")
        assert sidebar.highlighted_view() == View()
        assert main(app).view == View(), "moving in the sidebar does not change the view"
        await pilot.press("j", "enter")
        await settle(pilot)
        screen = main(app)
        assert screen.view == View(ViewKind.UNREAD)
        assert count(app) == DEMO_ARTICLES - 4
        assert app.focused is screen.articles, "choosing a view goes to its list"
        assert demo_library.remembered("view") == View(ViewKind.UNREAD).to_json()
        await pilot.press("shift+tab", "escape")
        assert app.focused is screen.articles, "esc in the sidebar goes back to the list"
        await pilot.press("shift+tab", "G", "enter")
        await settle(pilot)
        assert (screen.view.kind, screen.view.value) == (ViewKind.FEED, str(last.id))
        assert count(app) == last.article_count
        assert last.display_title in status_text(app)
        await pilot.press("shift+tab", "k", "enter")
        await settle(pilot)
        assert screen.view == View(ViewKind.FOLDER, last.folder or "")
        assert count(app) == last.article_count


# -- remembered between runs -------------------------------------------------------------------


async def test_the_last_view_and_article_are_remembered(
    app: ReaderApp, demo_library: Library, browser: BrowserRecorder
) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await start(app, pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CompanyPickerModal)
        await paste(pilot, "toy")
        await pilot.press("enter")
        await settle(pilot)
        assert main(app).view == View(ViewKind.COMPANY, "Toyota")
        await pilot.press("j")
        await settle(pilot)
        chosen = current_id(app)
        await pilot.press("q")
        await settle(pilot)
        assert app.return_code == 0
    reopened = ReaderApp(demo_library, open_link=browser)
    async with reopened.run_test(size=WIDE) as pilot:
        screen = await start(reopened, pilot)
        assert screen.view == View(ViewKind.COMPANY, "Toyota")
        assert count(reopened) == 3
        assert cursor(reopened) == 1
        assert current_id(reopened) == chosen
        assert shown_id(reopened) == chosen
        assert "Toyota · 2/3" in status_text(reopened)


# -- refresh and adding feeds ------------------------------------------------------------------


async def test_r_refreshes_one_feed_and_R_every_feed_listing_the_new_articles(
    demo_library: Library, browser: BrowserRecorder, tmp_path: Path
) -> None:
    path = write_rss(tmp_path / "local.xml", "Local News", [("First", "https://a.example/1")])
    await demo_library.add_feed(str(path))
    app = ReaderApp(demo_library, open_link=browser)

    def not_modified() -> list[int]:
        return sorted(
            f.id for f in demo_library.feeds() if f.last_status is FetchStatus.NOT_MODIFIED
        )

    async with app.run_test(size=WIDE) as pilot:
        screen = await start(app, pilot)
        article_feed = screen.articles.current.feed_id  # type: ignore[union-attr]
        await pilot.press("r")
        await settle(pilot)
        assert "Refreshed 1 feeds: 0 new articles" in notes(app)
        assert not_modified() == [article_feed], "r fetched the feed of the article"
        sidebar = await focus_the_sidebar(app, pilot)
        await pilot.press("G", "k", "k")
        view = sidebar.highlighted_view()
        assert view is not None
        assert view.kind is ViewKind.FEED
        assert int(view.value) != article_feed
        await pilot.press("r")
        await settle(pilot)
        assert not_modified() == sorted([article_feed, int(view.value)]), "and now that feed"
        assert count(app) == DEMO_ARTICLES + 1
        write_rss(
            path,
            "Local News",
            [("Second", "https://a.example/2"), ("First", "https://a.example/1")],
        )
        await pilot.press("R")
        await settle(pilot)
        assert "Refreshed 5 feeds: 1 new articles" in notes(app)
        assert "Refreshing" not in status_text(app), "the status shows the refresh finished"
        assert count(app) == DEMO_ARTICLES + 2, "the new article is listed"
    statuses = {feed.title: feed.last_status for feed in demo_library.feeds()}
    assert statuses.pop("Local News") is FetchStatus.OK
    assert set(statuses.values()) == {FetchStatus.NOT_MODIFIED}, "R fetched every feed"


async def test_a_asks_for_a_feed_and_adds_it_and_esc_adds_nothing(
    app: ReaderApp, demo_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_rss(tmp_path / "a.xml", "Added Feed", [("One", "https://x.example/1")])
    monkeypatch.chdir(tmp_path)  # so a short relative path names the file
    async with app.run_test(size=NARROW) as pilot:
        await start(app, pilot)
        await pilot.press("a", "escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert len(demo_library.feeds()) == 4
        assert not any(note.startswith("Adding") for note in notes(app))
        await pilot.press("a")
        assert isinstance(app.screen, PromptModal)
        await paste(pilot, "a.xml")
        await pilot.press("enter")
        await settle(pilot)
        assert "Added Added Feed: 1 articles" in notes(app)
        assert count(app) == DEMO_ARTICLES + 1
        assert [f.url for f in demo_library.feeds() if f.title == "Added Feed"] == [
            str(tmp_path / "a.xml")
        ]
        sidebar = main(app).sidebar
        entries = [sidebar_entry(app, i) for i in range(sidebar.option_count)]
        assert any("Added Feed" in entry for entry in entries)


def test_every_main_screen_binding_has_a_test() -> None:
    """A guard: a key added to MainScreen fails here until it gets a test (t and T are in
    test_dialogs.py, f in test_feeds_screen.py, ? in test_dialogs.py)."""
    tested = {
        "q", "escape", "n", "p", "m", "A", "s", "o", "y", "t", "T", "slash", "c", "f",
        "r", "R", "a", "l", "v", "question_mark",
    }  # fmt: skip
    assert {binding.key for binding in MainScreen.BINDINGS} == tested  # type: ignore[union-attr]


async def test_the_command_palette_offers_every_main_screen_action(app: ReaderApp) -> None:
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        for binding in MainScreen.BINDINGS:
            assert binding.description in titles
        star = next(c for c in app.get_system_commands(app.screen) if c.title == "Star")
        first = app.screen.query_one(ArticleList).current
        assert first is not None
        star.callback()
        await settle(pilot)
        assert app.library.article(first.id).starred


async def test_the_end_of_a_long_list_is_read_ahead_so_the_first_G_is_instant(
    empty_library: Library, browser: BrowserRecorder
) -> None:
    """Rows come from the store in blocks; ``G`` must not wait for the last block on its first
    press, so it is read as soon as the list is drawn."""
    library = empty_library
    feed = library.storage.feeds.add("https://example.com/feed")
    drafts = [article_draft(n, text="Story") for n in range(3 * BLOCK + 7)]
    library.storage.articles.apply_update(feed.id, drafts, FetchSuccess(), ARTICLE_TIME)
    app = ReaderApp(library, open_link=browser)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        listing = main(app).articles.listing
        assert listing is not None
        assert listing.count == len(drafts)
        assert listing.row(listing.count - 1) is not None, "the last rows are already read"
        assert listing.row(BLOCK + 1) is None, "the middle is not"
        await pilot.press("G")
        assert main(app).articles.current.title == f"Article {len(drafts) - 1}"
