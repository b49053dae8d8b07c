"""Tagging dialogs: tag an article with a company (detected ones first, one key each; any known
company by name, with completion) and remove one of its tags."""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.companies.detect import Detection
from reader.widgets.safe_text import line

MATCH_LIMIT = 40


def matching(names: Sequence[str], typed: str, limit: int = MATCH_LIMIT) -> list[str]:
    """Names starting with what was typed first, then names containing it."""
    wanted = typed.strip().casefold()
    if not wanted:
        return []
    starts = [name for name in names if name.casefold().startswith(wanted)]
    contains = [name for name in names if wanted in name.casefold() and name not in starts]
    return (starts + contains)[:limit]


class TagModal(ModalScreen[str | None]):
    """Opens on the detected companies: 1-9 or enter accepts one; typing a letter moves to the
    name box, which completes over every known company (tab or → takes the completion)."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("tab", "complete", "Complete the name", show=False, priority=True),
    ]

    def __init__(self, title: str, detected: Sequence[Detection], known: Sequence[str]) -> None:
        super().__init__()
        self._title = title
        self._detected = list(detected)
        self._known = list(known)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="tag-dialog"):
            yield Static(Content("Tag ") + line(self._title, "bold"), classes="dialog-title")
            yield Input(
                placeholder="company name (tab completes)",
                suggester=SuggestFromList(self._known, case_sensitive=False),
                select_on_focus=False,
                id="tag-input",
            )
            yield OptionList(*self._detected_options(), id="tag-choices")
            yield Static(
                Content.styled(
                    "1-9 or enter accepts a detected company · type to search · esc cancels", "dim"
                )
            )

    def _detected_options(self) -> list[Option]:
        return [
            Option(
                Content.styled(f"{number} ", "bold")
                + line(found.name)
                + Content.styled(f"  {found.salience}, {found.reason}", "dim"),
                id=found.name,
            )
            for number, found in enumerate(self._detected[:9], 1)
        ]

    def on_mount(self) -> None:
        choices = self.query_one("#tag-choices", OptionList)
        choices.display = bool(self._detected)
        if self._detected:
            choices.highlighted = 0
            choices.focus()
        else:
            self.query_one("#tag-input", Input).focus()

    def on_key(self, event: events.Key) -> None:
        choices = self.query_one("#tag-choices", OptionList)
        if not choices.has_focus:
            if event.key == "down" and choices.option_count:
                event.stop()
                choices.focus()
            return
        if event.character and event.character.isdigit() and event.character != "0":
            number = int(event.character)
            if number <= len(self._detected):
                event.stop()
                self.dismiss(self._detected[number - 1].name)
        elif event.character and event.character.isprintable() and event.key not in ("space",):
            event.stop()
            name_box = self.query_one("#tag-input", Input)
            name_box.focus()
            name_box.insert_text_at_cursor(event.character)

    def on_input_changed(self, event: Input.Changed) -> None:
        choices = self.query_one("#tag-choices", OptionList)
        names = matching(self._known, event.value)
        if event.value.strip():
            choices.set_options([Option(line(name), id=name) for name in names])
        else:
            choices.set_options(self._detected_options())
        choices.display = choices.option_count > 0
        if choices.option_count:
            choices.highlighted = 0

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        typed = event.value.strip()
        if typed:
            self.dismiss(typed)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_id)

    def action_complete(self) -> None:
        """Tab in the name box: the first known company that starts with (or contains) what
        was typed."""
        name_box = self.query_one("#tag-input", Input)
        if not name_box.has_focus:
            self.focus_next()
            return
        found = matching(self._known, name_box.value, limit=1)
        if found:
            name_box.value = found[0]
            name_box.cursor_position = len(found[0])

    def action_cancel(self) -> None:
        self.dismiss(None)


class UntagModal(ModalScreen[str | None]):
    """The article's tags; enter removes the highlighted one (it will not come back)."""

    BINDINGS = [Binding("escape,q", "cancel", "Cancel")]

    def __init__(self, title: str, tags: Sequence[str]) -> None:
        super().__init__()
        self._title = title
        self._tags = list(tags)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content("Remove a tag from ") + line(self._title, "bold"))
            yield OptionList(*[Option(line(t), id=t) for t in self._tags], id="untag-choices")
            yield Static(Content.styled("enter removes · esc cancels", "dim"))

    def on_mount(self) -> None:
        choices = self.query_one("#untag-choices", OptionList)
        choices.highlighted = 0
        choices.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_id)

    def action_cancel(self) -> None:
        self.dismiss(None)
