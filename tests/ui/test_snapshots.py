"""What the screens that matter look like, at 80x24 (narrow: one pane at a time) and 160x48
(wide: list and article side by side). Each SVG under __snapshots__ was looked at before it
was accepted; `pytest --snapshot-update` rewrites them after a deliberate change."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from reader.app import ReaderApp
from reader.library import Library
from tests.ui.conftest import settle

SIZES = {"narrow": (80, 24), "wide": (160, 48)}


def steps(*keys: str) -> Callable[[Pilot], Awaitable[None]]:
    """Press ``keys`` one at a time, letting background work finish after each."""

    async def run(pilot: Pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        for box in pilot.app.screen.query(Input):
            box.cursor_blink = False
        await pilot.pause()

    return run


@pytest.mark.parametrize("size", SIZES)
def test_main_screen(snap_compare, app: ReaderApp, size: str) -> None:
    assert snap_compare(app, terminal_size=SIZES[size], run_before=steps())


@pytest.mark.parametrize("size", SIZES)
def test_article_view_of_the_seed_article(snap_compare, app: ReaderApp, size: str) -> None:
    # The seed article (Honda, Nissan, BYD) is the fourth newest in the demo.
    assert snap_compare(app, terminal_size=SIZES[size], run_before=steps("j", "j", "j", "enter"))


@pytest.mark.parametrize("size", SIZES)
def test_tag_dialog(snap_compare, app: ReaderApp, size: str) -> None:
    assert snap_compare(app, terminal_size=SIZES[size], run_before=steps("j", "j", "j", "t"))


@pytest.mark.parametrize("size", SIZES)
def test_search_as_you_type(snap_compare, app: ReaderApp, size: str) -> None:
    keys = ("slash", "n", "i", "s", "s", "a", "n")
    assert snap_compare(app, terminal_size=SIZES[size], run_before=steps(*keys))


@pytest.mark.parametrize("size", SIZES)
def test_help_screen(snap_compare, app: ReaderApp, size: str) -> None:
    assert snap_compare(app, terminal_size=SIZES[size], run_before=steps("question_mark"))


@pytest.mark.parametrize("size", SIZES)
def test_welcome_screen(snap_compare, empty_library: Library, size: str) -> None:
    app = ReaderApp(empty_library)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=steps())
