"""The demo: a separate database filled from feeds bundled with the package, no network needed.

The feeds are local files, so a refresh in the demo re-reads them; full-text fetching is off,
since their links point at example domains."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from pathlib import Path

import platformdirs

from reader.config import APP_NAME, Settings
from reader.library import Library

FEEDS_DIR = Path(__file__).parent / "feeds"
WATCHED = ("Honda", "Nissan", "BYD", "Toyota", "Ford", "Tesla", "Apple", "Shell", "Nvidia")


def demo_db_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME)) / "demo.db"


def demo_settings(settings: Settings, path: Path | None = None) -> Settings:
    return replace(
        settings,
        db_path=path or demo_db_path(),
        fetch=replace(settings.fetch, full_text=False),
    )


def bundled_feeds() -> list[tuple[Path, str]]:
    """(file, folder) for each bundled feed, in the manifest's order."""
    manifest = json.loads((FEEDS_DIR / "manifest.json").read_text(encoding="utf-8"))
    return [(FEEDS_DIR / item["file"], item["folder"]) for item in manifest]


def open_demo(settings: Settings) -> Library:
    """The demo library, filled on first use (an existing demo database is reused as is, so
    what the user did in it stays)."""
    library = Library.open(settings)
    if not library.has_feeds():
        fill_demo(library)
    return library


def fill_demo(library: Library) -> None:
    async def subscribe() -> None:
        for path, folder in bundled_feeds():
            await library.add_feed(str(path), folder=folder)

    asyncio.run(subscribe())
    for name in WATCHED:
        library.watch(name)
