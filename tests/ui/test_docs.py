"""The README's key table and the ? screen cover every key the main screen binds."""

from __future__ import annotations

from pathlib import Path

from reader.screens.help import help_text, key_label
from reader.screens.main import MainScreen, help_sections
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView

README = Path(__file__).resolve().parents[2] / "README.md"
SHOWN_AS = {"slash": "/", "question_mark": "?", "escape": "esc", "down": "↓", "up": "↑"}


def bound_keys() -> set[str]:
    keys: set[str] = set()
    for widget in (MainScreen, ArticleList, ArticleView):
        for binding in widget.BINDINGS:
            keys.update(binding.key.split(","))
    return keys


def test_the_readme_names_every_key() -> None:
    readme = README.read_text(encoding="utf-8")
    table = readme[readme.index("## The app") : readme.index("## Using it from the shell")]
    missing = [
        key
        for key in bound_keys()
        if f"`{SHOWN_AS.get(key, key)}`" not in table
        and key not in {"home", "end", "shift+space", "pagedown", "pageup"}
    ]
    assert missing == []


def test_the_help_screen_lists_every_binding() -> None:
    text = help_text(help_sections()).plain
    for widget in (MainScreen, ArticleList, ArticleView):
        for binding in widget.BINDINGS:
            assert key_label(binding.key) in text
            assert binding.description in text
