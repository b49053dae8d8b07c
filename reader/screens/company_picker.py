"""Choose a company to view: the companies with articles or on the watch list, filtered as you
type."""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.models import CompanyOverview
from reader.widgets.safe_text import line


def company_option(company: CompanyOverview) -> Option:
    mark = "◆ " if company.watched else "  "
    counts = f"  {company.articles} articles, {company.unread} unread"
    return Option(
        Content.styled(mark, "bold") + line(company.name) + Content.styled(counts, "dim"),
        id=company.name,
    )


class CompanyPickerModal(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, companies: Sequence[CompanyOverview]) -> None:
        super().__init__()
        self._companies = list(companies)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="company-dialog"):
            yield Static(Content.styled("Company view", "bold"), classes="dialog-title")
            yield Input(placeholder="filter companies", id="company-filter")
            yield OptionList(*map(company_option, self._companies), id="company-choices")
            if not self._companies:
                yield Static(
                    Content.styled(
                        "No company has articles yet. Tag one with t, or follow one with "
                        "`reader watch NAME`.",
                        "dim",
                    )
                )
            yield Static(Content.styled("◆ watched · ↓ to the list · enter views", "dim"))

    def on_mount(self) -> None:
        self.query_one("#company-filter", Input).focus()
        if self._companies:
            self.query_one("#company-choices", OptionList).highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        wanted = event.value.strip().casefold()
        shown = [c for c in self._companies if wanted in c.name.casefold()]
        choices = self.query_one("#company-choices", OptionList)
        choices.set_options(map(company_option, shown))
        if shown:
            choices.highlighted = 0

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        choices = self.query_one("#company-choices", OptionList)
        if choices.highlighted is not None:
            option = choices.get_option_at_index(choices.highlighted)
            self.dismiss(option.id)

    def on_key(self, event: events.Key) -> None:
        if event.key == "down" and self.query_one("#company-filter", Input).has_focus:
            event.stop()
            self.query_one("#company-choices", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_id)

    def action_cancel(self) -> None:
        self.dismiss(None)
