"""The installed `reader` command in a real terminal (tmux), driven as a person would: start,
move, tag, search, quit. This is what tests the entry point itself."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.config import Settings
from reader.library import Library
from reader.models import ArticleFilter

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Tmux:
    def __init__(self, socket: str) -> None:
        self.socket = socket

    def run(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        return done.stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "reader")

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "reader", *keys)

    def wait_for(self, text: str, timeout: float = 15) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen:\n{self.screen()}")

    def wait_until_gone(self, text: str, timeout: float = 15) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text not in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never went away; the screen:\n{self.screen()}")


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    session = Tmux(f"reader-test-{uuid.uuid4().hex[:8]}")
    yield session
    session.run("kill-server")


def test_start_move_tag_search_and_quit(tmux: Tmux, demo_template: Path, tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    shutil.copy(demo_template, db)
    reader = Path(sys.executable).with_name("reader")
    tmux.run(
        "new-session", "-d", "-s", "reader", "-x", "120", "-y", "40",
        f"TERM=xterm-256color {reader} --db {db}; sleep 30",
    )  # fmt: skip
    tmux.wait_for("1/34 articles")

    tmux.keys("j")
    tmux.wait_for("2/34 articles")

    tmux.keys("t")
    tmux.wait_for("company name")
    tmux.keys("S", "o", "f", "t", "B", "a", "n", "k", "Enter")
    tmux.wait_until_gone("1-9 or enter accepts")

    tmux.keys("/")
    tmux.wait_for("search: words")  # the search box, waiting for a query
    tmux.keys("n", "i", "s", "s", "a", "n")
    screen = tmux.wait_for("Search: nissan")
    assert "2 articles" in screen or "/2 articles" in screen
    tmux.keys("Enter")
    tmux.wait_until_gone("▊  nissan")  # the search box closes; the results stay as the list

    tmux.keys("q")
    tmux.wait_until_gone("articles")  # the app is gone; the shell's sleep remains

    library = Library.open(Settings(db_path=db))
    try:
        tagged = library.articles(ArticleFilter(companies=("SoftBank",)))
        assert len(tagged) == 1
        assert tagged[0].title.startswith("SoftBank")
        assert library.remembered("view") is not None  # the search was kept as the view
    finally:
        library.close()
