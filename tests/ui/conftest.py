"""Fixtures for driving the app: a real demo database per test (copied from one built once),
the app with its browser opener recorded instead of launched, and a helper that waits until
every background worker is done."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import textual.constants
from textual import events
from textual.app import App
from textual.content import Content
from textual.pilot import Pilot

from reader.app import ReaderApp
from reader.config import Settings
from reader.demo import demo_settings, fill_demo
from reader.library import Library
from reader.screens.main import MainScreen


@pytest.fixture(autouse=True, scope="session")
def _utc() -> Iterator[None]:
    """Dates on screen are local time: pin the zone so screens read the same everywhere."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    library = Library.open(demo_settings(Settings(db_path=path), path))
    fill_demo(library)
    library.close()
    return path


@pytest.fixture
def demo_library(demo_template: Path, tmp_path: Path) -> Iterator[Library]:
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    library = Library.open(demo_settings(Settings(db_path=path), path))
    yield library
    library.close()


@pytest.fixture
def empty_library(tmp_path: Path) -> Iterator[Library]:
    library = Library.open(Settings(db_path=tmp_path / "empty.db"))
    yield library
    library.close()


class BrowserRecorder:
    def __init__(self) -> None:
        self.opened: list[str] = []

    def __call__(self, url: str) -> None:
        self.opened.append(url)


@pytest.fixture
def browser() -> BrowserRecorder:
    return BrowserRecorder()


@pytest.fixture
def app(demo_library: Library, browser: BrowserRecorder) -> ReaderApp:
    return ReaderApp(demo_library, open_link=browser)


WIDE = (160, 48)
NARROW = (80, 24)


@pytest.fixture(autouse=True)
def _instant_scrolling(monkeypatch: pytest.MonkeyPatch) -> None:
    """No scroll animations: a key's effect is complete when the key press returns, and the
    pilot does not sit out each animation."""
    monkeypatch.setattr(textual.constants, "TEXTUAL_ANIMATIONS", "none")


def main(app: App) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen), f"expected the main screen, got {screen!r}"
    return screen


def plain(text: object) -> str:
    return text.plain if isinstance(text, Content) else str(text)


def notes(app: App) -> list[str]:
    """Every notification the app raised (and that has not timed out yet)."""
    return [plain(n.message) for n in app._notifications]


async def settle(pilot: Pilot) -> None:
    """Wait for the app's workers (database reads, refreshes) and the screen updates they
    cause. Workers can start workers, so wait until none is left."""
    for _ in range(20):
        await pilot.pause()
        workers = [w for w in pilot.app.workers if not w.is_finished]
        if not workers:
            break
        await pilot.app.workers.wait_for_complete(workers)
    await pilot.pause()


async def paste(pilot: Pilot, text: str) -> None:
    """Paste ``text`` into the focused widget, as a terminal does: one Paste event, not a key
    press per letter (each Pilot key press costs a tenth of a second)."""
    focused = pilot.app.focused
    assert focused is not None
    focused.post_message(events.Paste(text))
    await settle(pilot)
