"""Messages the app sends its screens about work that runs in the background."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from reader.models import FeedOutcome, RefreshReport


@dataclass
class RefreshProgressed(Message):
    outcome: FeedOutcome
    done: int
    total: int
    failed: int


@dataclass
class RefreshFinished(Message):
    report: RefreshReport
    watched_news: list[tuple[str, int]]


class LibraryChanged(Message):
    """Feeds or articles changed outside the main screen (the feeds screen, a refresh)."""
