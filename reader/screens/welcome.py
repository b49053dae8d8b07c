"""What an empty database opens on: how to add a feed, import OPML, or try the demo."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from reader.screens.dialogs import PromptModal

WELCOME = Content.assemble(
    ("Welcome to reader", "bold"),
    "\n\nA keyboard-first news reader with clean article text and company tracking.\n"
    "There are no feeds yet. To start:\n\n",
    ("  a  ", "bold"),
    "add a feed: its URL, or a site's address (its feed is found)\n",
    ("  i  ", "bold"),
    "import an OPML file exported from another reader\n",
    ("  d  ", "bold"),
    "open the demo: bundled news about Honda, Nissan, BYD ...\n",
    ("  q  ", "bold"),
    "quit\n\nFrom a shell: ",
    ("reader add URL", "bold"),
    ", ",
    ("reader import-opml FILE", "bold"),
    ", ",
    ("reader demo", "bold"),
    ". Press ? for every key.",
)


class WelcomeScreen(Screen[None]):
    BINDINGS = [
        Binding("a", "add_feed", "Add feed"),
        Binding("i", "import_opml", "Import OPML"),
        Binding("d", "demo", "Demo"),
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
    ]

    def __init__(self) -> None:
        super().__init__(id="welcome-screen")

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="welcome"):
            yield Static(WELCOME, id="welcome-text")
        yield Footer()

    def action_add_feed(self) -> None:
        self.app.ask_for_feed()  # type: ignore[attr-defined]

    def action_import_opml(self) -> None:
        def load(path: str | None) -> None:
            if path:
                self.app.import_opml(path)  # type: ignore[attr-defined]

        self.app.push_screen(
            PromptModal("Import subscriptions from an OPML file", placeholder="~/feeds.opml"), load
        )

    def action_demo(self) -> None:
        self.app.open_demo()  # type: ignore[attr-defined]

    def action_quit(self) -> None:
        self.app.exit()

    def action_help(self) -> None:
        from reader.screens.help import HelpModal

        self.app.push_screen(HelpModal([("Welcome screen", list(self.BINDINGS))]))
