"""The search field above the article list."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class SearchBox(Input):
    """An Input whose scroll range changes without a layout. Input sets ``virtual_size`` on
    every keystroke, and the base reactive lays out the whole screen each time (a third of a
    search key press at 160x48); the box's own size never depends on what is typed."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
