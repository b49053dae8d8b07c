"""Companies the user tags or watches, and the tags on articles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reader.models.enums import TagSource, TagState


@dataclass(frozen=True, slots=True)
class Company:
    """A company the user has tagged, watched or added, with the aliases they gave it."""

    id: int
    name: str
    aliases: tuple[str, ...] = ()
    watched: bool = False


@dataclass(frozen=True, slots=True)
class CompanyOverview:
    """A company as `reader companies` lists it."""

    name: str
    watched: bool
    articles: int
    unread: int
    last_seen: datetime | None


@dataclass(frozen=True, slots=True)
class CompanyTag:
    """One company on one article: who put it there and whether the user kept it."""

    article_id: int
    company: str
    source: TagSource
    state: TagState
