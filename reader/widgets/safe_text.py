"""The one way feed text reaches the screen.

Textual parses a plain ``str`` given to Label, Static or OptionList as markup: a title such as
``[@click=app.quit]x[/]`` becomes a live action and ``[/foo]`` crashes the widget. And Textual
writes escape sequences it is given to the terminal unchanged. So every piece of text that came
from a feed is stripped of control characters (again: ingest already did, but a database may be
older than that rule) and wrapped in ``Content`` or ``Text``, which are never parsed."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from reader.cleaning.sanitize import one_line, strip_control


def plain(text: str | None, style: str = "") -> Content:
    """Feed text as Content: shown as sent, never interpreted."""
    return Content.styled(strip_control(text or ""), style)


def line(text: str | None, style: str = "") -> Content:
    """A single-line field (a title, a feed name): newlines and runs of spaces collapsed."""
    return Content.styled(one_line(text or ""), style)


def rich_line(text: str | None, style: str = "") -> Text:
    """The same for places that take Rich renderables (DataTable cells, line-API rows)."""
    return Text(one_line(text or ""), style=style, no_wrap=True, end="")
