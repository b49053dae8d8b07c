"""The feeds screen: every subscription with its folder, counts and last fetch; add (with
discovery), rename, move to a folder, remove (after confirmation), refresh, show the last error."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from reader.library import Library
from reader.messages import LibraryChanged
from reader.models import Feed, FetchStatus
from reader.screens.dialogs import ConfirmModal, MessageModal, PromptModal
from reader.screens.library_work import ReportsLibraryErrors, library_work
from reader.widgets.safe_text import line, rich_line

COLUMNS = ("", "Feed", "Folder", "Unread", "Articles", "Last fetch", "Status")


def status_text(feed: Feed) -> Text:
    if feed.last_status is FetchStatus.FAILED:
        return rich_line(f"failed ×{feed.consecutive_failures}: {feed.last_error or ''}", "red")
    return rich_line(feed.last_status.value, "dim")


def feed_row(feed: Feed) -> tuple[Text, ...]:
    fetched = (
        feed.last_fetched_at.astimezone().strftime("%b %d %H:%M")
        if feed.last_fetched_at
        else "never"
    )
    return (
        Text("⚠", "bold red") if feed.last_status is FetchStatus.FAILED else Text(" "),
        rich_line(feed.display_title),
        rich_line(feed.folder or ""),
        Text(str(feed.unread_count), justify="right"),
        Text(str(feed.article_count), justify="right"),
        Text(fetched),
        status_text(feed),
    )


class FeedsScreen(ReportsLibraryErrors, Screen[None]):
    BINDINGS = [
        Binding("escape,q", "close", "Back"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("a", "add", "Add"),
        Binding("e", "rename", "Rename"),
        Binding("M", "move", "Move to folder"),
        Binding("d", "remove", "Remove"),
        Binding("r", "refresh", "Refresh"),
        Binding("enter", "details", "Last error"),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self._feeds: list[Feed] = []

    def compose(self) -> ComposeResult:
        yield Static(Content.styled("Feeds", "bold"), id="feeds-title")
        yield DataTable(id="feeds-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        table.focus()
        self.load()

    @library_work(group="feeds", exclusive=True)
    def load(self) -> None:
        feeds = self.library.feeds()
        self.app.call_from_thread(self._fill, feeds)

    def _fill(self, feeds: list[Feed]) -> None:
        """Show the feeds, the cursor staying on the feed it was on (renaming or moving a
        feed changes where it sorts)."""
        table = self.query_one(DataTable)
        row = table.cursor_row
        selected = self.selected
        self._feeds = feeds
        table.clear()
        for feed in feeds:
            table.add_row(*feed_row(feed), key=str(feed.id))
        if selected is not None:
            row = next((i for i, feed in enumerate(feeds) if feed.id == selected.id), row)
        if feeds:
            table.move_cursor(row=min(row, len(feeds) - 1))
        title = f"Feeds · {len(feeds)}" + (" · a adds one" if not feeds else "")
        self.query_one("#feeds-title", Static).update(Content.styled(title, "bold"))

    @property
    def selected(self) -> Feed | None:
        table = self.query_one(DataTable)
        if not self._feeds or table.cursor_row >= len(self._feeds):
            return None
        return self._feeds[table.cursor_row]

    def action_cursor_down(self) -> None:
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()

    def action_close(self) -> None:
        self.app.pop_screen()
        self.app.screen.post_message(LibraryChanged())

    def action_add(self) -> None:
        self.app.ask_for_feed(on_done=self.load)  # type: ignore[attr-defined]

    def action_rename(self) -> None:
        feed = self.selected
        if feed is None:
            return

        def rename(title: str | None) -> None:
            if title is not None:
                self._change(lambda: self.library.rename_feed(str(feed.id), title or None))

        self.app.push_screen(
            PromptModal(
                Content("Rename ")
                + line(feed.display_title, "bold")
                + Content(" (empty: the feed's own title)"),
                feed.user_title or "",
            ),
            rename,
        )

    def action_move(self) -> None:
        feed = self.selected
        if feed is None:
            return

        def move(folder: str | None) -> None:
            if folder is not None:
                self._change(lambda: self.library.move_feed(str(feed.id), folder or None))

        self.app.push_screen(
            PromptModal(
                Content("Move ")
                + line(feed.display_title, "bold")
                + Content(" to folder (empty: none)"),
                feed.folder or "",
            ),
            move,
        )

    def action_remove(self) -> None:
        feed = self.selected
        if feed is None:
            return

        def remove(yes: bool | None) -> None:
            if yes:
                self._change(lambda: self.library.remove_feed(str(feed.id)))

        question = (
            Content("Remove ")
            + line(feed.display_title, "bold")
            + Content(f" and its {feed.article_count} articles?")
        )
        self.app.push_screen(ConfirmModal(question), remove)

    @library_work(group="feed-change")
    def _change(self, change) -> None:  # type: ignore[no-untyped-def]
        change()
        self.app.call_from_thread(self.load)

    def action_refresh(self) -> None:
        feed = self.selected
        if feed is not None:
            self.app.start_refresh([feed], on_done=self.load)  # type: ignore[attr-defined]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on the table (which binds enter itself) shows the feed's details."""
        event.stop()
        self.action_details()

    def action_details(self) -> None:
        feed = self.selected
        if feed is None:
            return
        facts = [
            f"URL: {feed.url}",
            f"Site: {feed.site_url or '-'}",
            f"Status: {feed.last_status.value}",
            f"Last error: {feed.last_error or 'none'}",
            f"Failures in a row: {feed.consecutive_failures}",
            f"Full text: {feed.full_text.value}",
        ]
        self.app.push_screen(
            MessageModal(
                line(feed.display_title, "bold"), Content("\n").join(line(f) for f in facts)
            )
        )
