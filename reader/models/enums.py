"""Kinds of things, as stored in the database: a feed's full-text mode and fetch status, a tag's
source and state, a refresh outcome's kind."""

from __future__ import annotations

from enum import StrEnum


class FullText(StrEnum):
    """When a feed's articles are read from their web page instead of the feed item: ``auto``
    when the item carries only a summary, ``always``, or ``never``."""

    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


class FetchStatus(StrEnum):
    """The last outcome of fetching a feed, as stored on the feed row."""

    NEVER = "never"
    OK = "ok"
    NOT_MODIFIED = "not-modified"
    FAILED = "failed"


class TagSource(StrEnum):
    MANUAL = "manual"
    AUTO = "auto"


class TagState(StrEnum):
    ACTIVE = "active"
    REJECTED = "rejected"


class OutcomeKind(StrEnum):
    UPDATED = "updated"
    NOT_MODIFIED = "not-modified"
    FAILED = "failed"
    SKIPPED = "skipped"  # backing off after failures or a Retry-After
