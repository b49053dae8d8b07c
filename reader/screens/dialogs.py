"""Small modal dialogs: ask for a line of text, confirm an action, show a message."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class PromptModal(ModalScreen[str | None]):
    """One line of text; enter gives it (stripped), esc gives None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: Content | str, value: str = "", placeholder: str = "") -> None:
        super().__init__()
        self._question = Content(question) if isinstance(question, str) else question
        self._value = value
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self._question, classes="dialog-title")
            yield Input(self._value, placeholder=self._placeholder, id="prompt-input")
            yield Static(Content.styled("enter to confirm · esc to cancel", "dim"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmModal(ModalScreen[bool]):
    """Yes or no: y/enter confirms, n/esc declines."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape,q", "answer(False)", "No"),
    ]

    def __init__(self, question: Content) -> None:
        super().__init__()
        self._question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self._question, classes="dialog-title")
            yield Static(Content.styled("y to confirm · n to cancel", "dim"))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class MessageModal(ModalScreen[None]):
    """A longer text to read (a feed's last error), closed with any of esc, q or enter."""

    BINDINGS = [Binding("escape,q,enter", "close", "Close")]

    def __init__(self, title: Content, text: Content) -> None:
        super().__init__()
        self._title = title
        self._text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self._title, classes="dialog-title")
            yield Static(self._text)
            yield Static(Content.styled("esc to close", "dim"))

    def action_close(self) -> None:
        self.dismiss(None)
