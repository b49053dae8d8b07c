"""What a refresh did, feed by feed."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.models.enums import OutcomeKind


@dataclass(frozen=True, slots=True)
class FeedOutcome:
    """What happened to one feed in one refresh. ``error`` is a sentence a person can act on."""

    feed_id: int
    url: str
    kind: OutcomeKind
    new: int = 0
    updated: int = 0
    error: str | None = None
    http_status: int | None = None
    seconds: float = 0.0
    pages: int = 0  # new articles read from their web page (full text)
    pages_failed: int = 0  # pages that could not be had; those articles keep the feed's text


@dataclass(frozen=True, slots=True)
class RefreshReport:
    """Every feed's outcome of one refresh, summed the way the CLI and the app report it."""

    outcomes: tuple[FeedOutcome, ...] = field(default_factory=tuple)

    def count(self, kind: OutcomeKind) -> int:
        return sum(1 for outcome in self.outcomes if outcome.kind is kind)

    @property
    def new_articles(self) -> int:
        return sum(outcome.new for outcome in self.outcomes)

    @property
    def updated_articles(self) -> int:
        return sum(outcome.updated for outcome in self.outcomes)

    @property
    def pages(self) -> int:
        return sum(outcome.pages for outcome in self.outcomes)

    @property
    def pages_failed(self) -> int:
        return sum(outcome.pages_failed for outcome in self.outcomes)

    @property
    def failed(self) -> tuple[FeedOutcome, ...]:
        return tuple(o for o in self.outcomes if o.kind is OutcomeKind.FAILED)
