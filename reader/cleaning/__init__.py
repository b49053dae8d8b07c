"""Text cleaning: terminal-safe text, HTML to text, and article extraction without boilerplate.

The extraction API is loaded on first use (``from reader.cleaning import clean_page``), so
importing ``reader.cleaning.sanitize`` for a quick command does not pull in lxml.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.cleaning.blocks import Block, CleanArticle
    from reader.cleaning.extract import CLEANER_VERSION, clean_fragment, clean_page

__all__ = ["CLEANER_VERSION", "Block", "CleanArticle", "clean_fragment", "clean_page"]

_LAZY = {
    "Block": "reader.cleaning.blocks",
    "CleanArticle": "reader.cleaning.blocks",
    "CLEANER_VERSION": "reader.cleaning.extract",
    "clean_fragment": "reader.cleaning.extract",
    "clean_page": "reader.cleaning.extract",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'reader.cleaning' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
