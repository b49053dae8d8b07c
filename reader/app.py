"""The Textual app: opens the library, shows the welcome or main screen, and runs the work
several screens share (refresh, adding feeds, the demo) in background workers."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.events import Key
from textual.screen import Screen
from textual.widgets import Input

from reader.errors import ReaderError
from reader.library import Library
from reader.messages import LibraryChanged, RefreshFinished, RefreshProgressed
from reader.models import OutcomeKind
from reader.refresh_process import refresh_in_child
from reader.screens.main import MainScreen
from reader.storage.sqlite import sqlite3
from reader.views import Opening, read_opening_ahead

if TYPE_CHECKING:
    from reader.models import Feed, FeedOutcome, RefreshReport

LINK_SCHEMES = ("http://", "https://")
OPENING_WAIT = 2.0  # seconds the main screen waits for the rows read at start


def styles_dir() -> Path:
    """``reader/styles`` in an installed wheel; the repository's ``styles/`` in an editable
    install, where hatch's force-include does not apply."""
    packaged = Path(__file__).parent / "styles"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "styles"


def refresh_summary(report: RefreshReport) -> str:
    failed = report.count(OutcomeKind.FAILED)
    text = f"Refreshed {len(report.outcomes)} feeds: {report.new_articles} new articles"
    if failed:
        text += f"; {failed} failed (f shows why)"
    return text


def collect_garbage_again() -> None:
    """After the first frame: the objects made so far live as long as the app, so they are
    set aside for good (``gc.freeze``) before the collector, turned off for the start by
    ``reader``, runs again."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


class ReaderApp(App[None]):
    TITLE = "reader"
    CSS_PATH = [styles_dir() / "app.tcss"]
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", show=False, priority=True)]

    def __init__(
        self,
        library: Library,
        *,
        open_link: Callable[[str], None] | None = None,
        open_demo: Callable[[], Library] | None = None,
        opening: Future[Opening] | None = None,
    ) -> None:
        """``opening`` is the first screen's rows, already being read (``reader`` starts that
        before it imports Textual); without it they are read from ``on_load``."""
        super().__init__()
        self.library = library
        self._open_link = open_link
        self._open_demo = open_demo
        self._refreshing = False
        self._company_names: list[str] | None = None
        self.main: MainScreen | None = None
        self._opening = opening

    def on_load(self) -> None:
        """Before the first screen is built: its theme (set once the screen is composed, it
        would restyle every widget again) and, unless ``reader`` started that already, the
        reading of its rows."""
        theme = self.library.settings.app.theme
        if theme in self.available_themes:
            self.theme = theme
        if self._opening is None and self.library.has_feeds():
            self._opening = read_opening_ahead(self.library, self.library.settings.app.show_read)

    def get_default_screen(self) -> Screen:
        """The main screen is the first screen, so that Textual's first frame already shows it."""
        if self._opening is not None:
            self.main = MainScreen(self.library)
            return self.main
        return super().get_default_screen()

    def on_mount(self) -> None:
        self.call_after_refresh(collect_garbage_again)
        if self.main is None:
            from reader.screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen())
        minutes = self.library.settings.app.auto_refresh_minutes
        if minutes > 0:
            self.set_interval(minutes * 60, lambda: self.start_refresh(None, quiet=True))

    def on_key(self, event: Key) -> None:
        """A key no widget took. Keys that arrive in one burst ("/honda" or "tsony" typed fast
        or pasted) are each handed to the focused widget before the first is handled, so the
        letters meant for the box that the first key opens reach the list and come up to here:
        while the main screen prepares a dialog it keeps them for it, and an Input, which takes
        every printable key it gets, is given the printable ones (not the list's n, o or s)."""
        if self.main is not None and self.screen is self.main and self.main.hold_key(event):
            event.stop()
            event.prevent_default()
        elif isinstance(self.focused, Input) and event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            self.focused.post_message(Key(event.key, event.character))

    def take_opening(self) -> Opening | None:
        """The first rows read while the app started (once; None when they are not there)."""
        future, self._opening = self._opening, None
        if future is None:
            return None
        try:
            return future.result(timeout=OPENING_WAIT)
        except (TimeoutError, ReaderError, sqlite3.Error):
            return None  # the main screen reads them again in a worker and reports failures

    def show_main(self) -> None:
        self.main = MainScreen(self.library)
        if self.screen.id == "welcome-screen":
            self.switch_screen(self.main)
        else:
            self.push_screen(self.main)

    def exit(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def, override]
        """Remember where the user was, so the next start opens on the same article."""
        if self.main is not None and self.main.is_mounted:
            self.main.remember_place()
        super().exit(*args, **kwargs)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette offers every action the screen has a key for."""
        yield from super().get_system_commands(screen)
        for binding in screen.BINDINGS:
            if isinstance(binding, Binding) and binding.description:
                action = binding.action

                def run(action: str = action) -> None:
                    self.call_later(screen.run_action, action)

                yield SystemCommand(binding.description, f"key: {binding.key}", run)

    # -- shared work ---------------------------------------------------------------------------

    def company_names(self) -> list[str]:
        """Every known company, for tag completion (read once, in a worker thread)."""
        if self._company_names is None:
            self._company_names = self.library.company_names()
        return self._company_names

    def open_url_safely(self, url: str | None) -> bool:
        """Open an article link in the browser (Python's webbrowser module, no shell); only
        http(s) links, whatever a feed puts in its items."""
        if not url or not url.lower().startswith(LINK_SCHEMES):
            self.notify("Only http and https links are opened", severity="warning", timeout=3)
            return False
        (self._open_link or self.open_url)(url)
        return True

    def start_refresh(
        self,
        feeds: Sequence[Feed] | None,
        *,
        on_done: Callable[[], None] | None = None,
        quiet: bool = False,
    ) -> None:
        if self._refreshing:
            if not quiet:
                self.notify("A refresh is already running", timeout=3)
            return
        self._refreshing = True
        self._refresh(feeds, on_done)

    @work(thread=True, group="refresh", exit_on_error=False)
    def _refresh(self, feeds: Sequence[Feed] | None, on_done: Callable[[], None] | None) -> None:
        """The refresh runs in a child process (`reader fetch --progress-json`), watched from
        a worker thread: in the app's own interpreter it made key presses wait."""
        started = datetime.now(UTC)
        failed = 0

        def progress(outcome: FeedOutcome, done: int, total: int) -> None:
            nonlocal failed
            failed += outcome.kind is OutcomeKind.FAILED
            self._tell_main(RefreshProgressed(outcome, done, total, failed))

        try:
            ids = None if feeds is None else [feed.id for feed in feeds]
            report = refresh_in_child(self.library.settings, ids, progress)
            news = self.library.watched_news(started)
        except ReaderError as err:
            self.call_from_thread(
                self.notify, str(err), title="Refresh failed", severity="error", markup=False
            )
            return
        finally:
            self._refreshing = False
        self.call_from_thread(self._refreshed, report, news, on_done)

    def _refreshed(
        self,
        report: RefreshReport,
        news: list[tuple[str, int]],
        on_done: Callable[[], None] | None,
    ) -> None:
        failures = report.count(OutcomeKind.FAILED)
        self.notify(
            refresh_summary(report),
            severity="warning" if failures else "information",
            markup=False,
            timeout=5,
        )
        if news:
            about = ", ".join(f"{name} ({count})" for name, count in news)
            self.notify(f"New about {about}", title="Watched companies", markup=False, timeout=8)
        self._tell_main(RefreshFinished(report, news))
        if on_done is not None:
            on_done()

    def _tell_main(self, message: RefreshProgressed | RefreshFinished | LibraryChanged) -> None:
        if self.main is not None:
            self.main.post_message(message)

    def ask_for_feed(self, *, on_done: Callable[[], None] | None = None) -> None:
        """The add-feed prompt every screen opens with `a`; the feed is added in the background."""
        from reader.screens.dialogs import PromptModal

        def add(url: str | None) -> None:
            if url:
                self.add_feed(url, on_done=on_done)

        question = "Add a feed: its URL, or a web page that links to one"
        self.push_screen(PromptModal(question, placeholder="https://"), add)

    def add_feed(self, url: str, *, on_done: Callable[[], None] | None = None) -> None:
        self.notify(f"Adding {url} …", markup=False, timeout=3)
        self._add_feed(url, on_done)

    @work(group="add-feed", exit_on_error=False)
    async def _add_feed(self, url: str, on_done: Callable[[], None] | None) -> None:
        try:
            added = await self.library.add_feed(url)
        except ReaderError as err:
            self.notify(f"{err}", title="Could not add the feed", severity="error", markup=False)
            return
        found = f" (found on {added.discovered_from})" if added.discovered_from else ""
        self.notify(
            f"Added {added.feed.display_title}{found}: {added.new_articles} articles",
            markup=False,
        )
        self._library_changed()
        if on_done is not None:
            on_done()

    def import_opml(self, path: str) -> None:
        self._import_opml(path)

    @work(thread=True, group="import", exit_on_error=False)
    def _import_opml(self, path: str) -> None:
        try:
            data = Path(path).expanduser().read_bytes()
            report = self.library.import_opml(data)
        except (OSError, ReaderError) as err:
            self.call_from_thread(
                self.notify, f"Cannot import {path}: {err}", severity="error", markup=False
            )
            return
        self.call_from_thread(self._imported, len(report.added))

    def _imported(self, added: int) -> None:
        self.notify(f"Imported {added} feeds; fetching them now", timeout=5)
        self._library_changed()
        self.start_refresh(None)

    def _library_changed(self) -> None:
        if self.main is None:
            self.show_main()
        else:
            self._tell_main(LibraryChanged())

    def open_demo(self) -> None:
        if self._open_demo is None:
            self.notify("Run `reader demo` to open the demo", markup=False)
            return
        self.notify("Opening the demo …", timeout=3)
        self._load_demo()

    @work(thread=True, group="demo", exit_on_error=False)
    def _load_demo(self) -> None:
        assert self._open_demo is not None
        try:
            library = self._open_demo()
        except ReaderError as err:
            self.call_from_thread(self.notify, str(err), severity="error", markup=False)
            return
        self.call_from_thread(self._switch_library, library)

    def _switch_library(self, library: Library) -> None:
        self.library.close()
        self.library = library
        self._company_names = None
        self.show_main()
