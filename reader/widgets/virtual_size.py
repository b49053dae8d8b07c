"""Changing a line-API widget's scroll range without laying out the whole screen."""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView


def set_virtual_size(view: ScrollView, size: Size) -> None:
    """Assigning ``virtual_size`` lays out the whole screen (~30 ms at 160x48 on a slow
    machine) though only this widget's scroll range changed; its own size does not depend on
    it. So set it quietly and update the scrollbars, which is all a layout would do for it."""
    if size != view.virtual_size:
        view.set_reactive(ScrollView.virtual_size, size)
        view._scroll_update(size)
    view.refresh()
