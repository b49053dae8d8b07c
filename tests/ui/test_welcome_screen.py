"""The welcome screen an empty library opens on: a adds a feed, i imports OPML, d opens the demo,
? lists these keys, q quits. Adding anything switches to the main screen."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Static

from reader.app import ReaderApp
from reader.config import Settings
from reader.demo import demo_settings
from reader.library import Library
from reader.screens.dialogs import PromptModal
from reader.screens.help import HelpModal, key_label
from reader.screens.main import MainScreen
from reader.screens.welcome import WelcomeScreen
from tests.ui.conftest import notes, paste, plain, settle

SIZE = (100, 30)


@pytest.fixture
def local_feed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A two-item RSS file, reachable from the working directory as ``f.xml`` (short to type)."""
    path = tmp_path / "f.xml"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Parish News</title>'
        "<link>https://parish.example/</link>"
        "<item><title>Fete on Saturday</title><link>https://parish.example/fete</link>"
        "<guid>fete</guid><pubDate>Mon, 10 Jan 2000 10:00:00 GMT</pubDate>"
        "<description>Cakes and a tombola.</description></item>"
        "<item><title>Bell ringers wanted</title><link>https://parish.example/bells</link>"
        "<guid>bells</guid><pubDate>Sun, 09 Jan 2000 10:00:00 GMT</pubDate>"
        "<description>Practice on Thursdays.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    return path


@pytest.fixture
def demo_copies() -> Iterator[list[Library]]:
    """What ``open_demo`` opened, closed after the test."""
    opened: list[Library] = []
    yield opened
    for library in opened:
        library.close()


def listed_titles(app: ReaderApp) -> list[str]:
    screen = app.screen
    assert isinstance(screen, MainScreen), f"expected the main screen, got {screen!r}"
    listing = screen.articles.listing
    assert listing is not None
    return [row.title for row in listing.loaded()]


async def test_an_empty_library_opens_on_the_welcome_screen_whose_help_lists_its_keys(
    empty_library: Library,
) -> None:
    app = ReaderApp(empty_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        assert app.main is None
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpModal)
        text = plain(app.screen.query_one("#help-text", Static).content)
        for binding in WelcomeScreen.BINDINGS:
            assert key_label(binding.key) in text  # type: ignore[union-attr]
            assert binding.description in text  # type: ignore[union-attr]
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen), "no demo to open in this app"
        assert "Run `reader demo` to open the demo" in notes(app)
        await pilot.press("q")
        await settle(pilot)
        assert app.return_code == 0
        assert not app.is_running


async def test_a_adds_a_feed_and_switches_to_its_articles(
    empty_library: Library, local_feed: Path
) -> None:
    app = ReaderApp(empty_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        assert isinstance(app.screen, PromptModal)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen), "esc adds nothing"
        await pilot.press("a")
        await paste(pilot, "f.xml")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert listed_titles(app) == ["Fete on Saturday", "Bell ringers wanted"]
        assert "Added Parish News: 2 articles" in notes(app)
        assert [feed.url for feed in empty_library.feeds()] == [str(local_feed)]
        await pilot.press("q")
        await settle(pilot)
        assert app.return_code == 0, "q on the list quits, there is no welcome screen to go to"


async def test_i_imports_an_opml_file_and_fetches_its_feeds(
    empty_library: Library, local_feed: Path
) -> None:
    Path("s.opml").write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>'
        f'<outline text="Parish" type="rss" xmlUrl="{local_feed.as_uri()}"/></body></opml>',
        encoding="utf-8",
    )
    app = ReaderApp(empty_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await paste(pilot, "s.opml")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert "Imported 1 feeds; fetching them now" in notes(app)
        assert any(note.startswith("Refreshed 1 feeds: 2 new articles") for note in notes(app))
        assert listed_titles(app) == ["Fete on Saturday", "Bell ringers wanted"]


async def test_d_opens_the_demo_when_the_app_has_one(
    empty_library: Library, demo_template: Path, tmp_path: Path, demo_copies: list[Library]
) -> None:
    def open_demo() -> Library:
        path = tmp_path / "opened-demo.db"
        shutil.copy(demo_template, path)
        library = Library.open(demo_settings(Settings(db_path=path), path))
        demo_copies.append(library)
        return library

    app = ReaderApp(empty_library, open_demo=open_demo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.library is demo_copies[0]
        assert len(listed_titles(app)) == 34
        assert "Opening the demo …" in notes(app)
        assert len(app.library.feeds()) == 4
