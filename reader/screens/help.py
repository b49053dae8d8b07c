"""The ? screen: every key binding, read from the bindings themselves so it cannot drift."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

KEY_NAMES = {
    "down": "↓",
    "up": "↑",
    "left": "←",
    "right": "→",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "escape": "esc",
    "question_mark": "?",
    "slash": "/",
    "shift+space": "shift+space",
}

HelpSection = tuple[str, Sequence[Binding]]


def key_label(keys: str) -> str:
    return " ".join(KEY_NAMES.get(key, key) for key in keys.split(","))


def help_text(sections: Iterable[HelpSection]) -> Content:
    lines: list[Content] = []
    for title, bindings in sections:
        if lines:
            lines.append(Content(""))
        lines.append(Content.styled(title, "bold underline"))
        for binding in bindings:
            keys = key_label(binding.key)
            lines.append(Content.styled(f"  {keys:<22}", "bold") + Content(binding.description))
    return Content("\n").join(lines)


class HelpModal(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close")]

    def __init__(self, sections: Sequence[HelpSection]) -> None:
        super().__init__()
        self._sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help-dialog"):
            yield Static(Content.styled("Keys", "bold"), classes="dialog-title")
            yield Static(help_text(self._sections), id="help-text")
            yield Static(
                Content.styled(
                    "ctrl+p opens the command palette with every action · esc closes", "dim"
                )
            )

    def action_close(self) -> None:
        self.dismiss(None)
