"""Feed text is shown as sent and never acts: no markup is interpreted, no click runs an
action, no escape sequence reaches the terminal, and only http(s) links are opened."""

from __future__ import annotations

import json
import os
import pty
import select
import sys
import time
from pathlib import Path

import pytest

from reader.app import ReaderApp
from reader.config import Settings
from reader.library import Library
from reader.screens.main import MainScreen
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView
from reader.widgets.sidebar import Sidebar
from tests.ui.conftest import BrowserRecorder, settle

CLICK_QUIT = "[@click=app.quit]click me[/]"
STRAY_CLOSE = "[/foo] stray close tag"
THEME_VARIABLE = "[$accent]theme variable[/]"
TITLE_ESCAPE = "\x1b]0;PWNED\x07"
CLIPBOARD = "\x1b]52;c;ZXZpbA==\x07"


def hostile_feed(path: Path) -> Path:
    items = [
        {
            "id": "1",
            "url": "javascript:alert(1)",
            "title": f"{CLICK_QUIT} {TITLE_ESCAPE}",
            "authors": [{"name": f"{STRAY_CLOSE}\x1b[31m"}],
            "date_published": "2026-11-20T10:00:00Z",
            "content_html": (
                f"<p>{THEME_VARIABLE} and {CLICK_QUIT}</p><p>{CLIPBOARD}bell\x07 "
                "\x1b[2Jcleared? \u202edesrever\u202c zero\u200bwidth</p>"
            ),
        },
        {
            "id": "2",
            "url": "https://example.org/a;$(touch /tmp/pwned)`id`",
            "title": f"{STRAY_CLOSE} and {THEME_VARIABLE}",
            "date_published": "2026-11-19T10:00:00Z",
            "content_html": "<p>A shell metacharacter link.</p>",
        },
        {
            "id": "3",
            "url": "file:///etc/passwd",
            "title": "A file link",
            "date_published": "2026-11-18T10:00:00Z",
            "content_html": "<p>Should never be opened.</p>",
        },
    ]
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": f"Feed {CLICK_QUIT} {STRAY_CLOSE}",
        "items": items,
    }
    path.write_text(json.dumps(feed), encoding="utf-8")
    return path


@pytest.fixture
def hostile_library(tmp_path: Path) -> Library:
    import asyncio

    library = Library.open(Settings(db_path=tmp_path / "hostile.db"))
    asyncio.run(library.add_feed(str(hostile_feed(tmp_path / "hostile.json"))))
    return library


def screen_text(app: ReaderApp) -> str:
    list_widget = app.screen.query_one(ArticleList)
    rows = [
        "".join(segment.text for segment in list_widget.render_line(y)._segments) for y in range(3)
    ]
    return "\n".join(rows) + "\n" + app.screen.query_one(ArticleView).text


async def test_markup_in_titles_and_bodies_shows_literally(hostile_library: Library) -> None:
    app = ReaderApp(hostile_library, open_link=BrowserRecorder())
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        shown = screen_text(app)
        assert CLICK_QUIT in shown
        assert THEME_VARIABLE in shown
        sidebar = app.screen.query_one(Sidebar)
        labels = [str(sidebar.get_option_at_index(i).prompt) for i in range(sidebar.option_count)]
        assert any(STRAY_CLOSE in label for label in labels)


async def test_no_control_character_reaches_the_screen(hostile_library: Library) -> None:
    app = ReaderApp(hostile_library, open_link=BrowserRecorder())
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        shown = screen_text(app)
        assert not any(ord(c) < 32 and c not in "\n" for c in shown)
        assert "PWNED" not in shown
        assert "ZXZpbA" not in shown
        assert "\u202e" not in shown
        assert "\u200b" not in shown
        assert "cleared?" in shown  # the text around a removed sequence stays


async def test_clicking_a_title_with_click_markup_runs_nothing(hostile_library: Library) -> None:
    app = ReaderApp(hostile_library, open_link=BrowserRecorder())
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        list_widget = app.screen.query_one(ArticleList)
        for column in range(20, 60, 5):
            await pilot.click(list_widget, offset=(column, 0))
            await settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, MainScreen)


async def test_only_http_links_are_opened(hostile_library: Library) -> None:
    browser = BrowserRecorder()
    app = ReaderApp(hostile_library, open_link=browser)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        for _ in range(3):
            await pilot.press("o")
            await settle(pilot)
            await pilot.press("j")
            await settle(pilot)
    assert browser.opened == ["https://example.org/a;$(touch /tmp/pwned)`id`"]
    assert not Path("/tmp/pwned").exists()


def test_the_terminal_receives_no_escape_sequence_from_a_feed(
    hostile_library: Library, tmp_path: Path
) -> None:
    """The installed command under a real pseudo-terminal: the bytes written to the terminal
    hold none of the feed's sequences (window title, clipboard, clear screen)."""
    db = hostile_library.settings.db_path
    hostile_library.close()
    reader = Path(sys.executable).with_name("reader")
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(
            str(reader), [str(reader), "--db", str(db)], {**os.environ, "TERM": "xterm-256color"}
        )
    written = bytearray()

    def read_for(seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                try:
                    written.extend(os.read(fd, 65536))
                except OSError:
                    return

    try:
        read_for(4)
        os.write(fd, b"\r")  # open the hostile article
        read_for(1.5)
        os.write(fd, b"\x11")  # ctrl+q
        read_for(1)
    finally:
        os.waitpid(pid, 0)
        os.close(fd)
    assert b"click me" in written  # the app did draw the hostile title
    assert b"PWNED" not in written
    assert b"\x1b]52" not in written
    assert b"ZXZpbA" not in written
    assert "\u202e".encode() not in written  # bidi override
    assert "\u200b".encode() not in written  # zero-width space
