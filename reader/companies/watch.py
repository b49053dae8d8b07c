"""The watch list: the companies a user follows, tagged automatically on every fetched article.

Only these companies are looked for at fetch time (a handful of names: microseconds an article);
the full directory and the unknown-company proposals run when an article is opened or on
`reader retag`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from reader.companies.detect import Detector
from reader.companies.directory import CompanyEntry, Directory, builtin_directory


def watch_entries(watched: Iterable[tuple[str, tuple[str, ...]]]) -> tuple[CompanyEntry, ...]:
    """Directory entries for watched companies (name, aliases): the built-in entry, with its
    cues for ambiguous names, when the directory knows the company; else the user's own."""
    directory = builtin_directory()
    entries = []
    for name, aliases in watched:
        known = directory.find(name)
        if known is not None:
            own = {n.casefold() for n in known.names}
            extra = tuple(alias for alias in aliases if alias.casefold() not in own)
            entries.append(replace(known, aliases=known.aliases + extra))
        else:
            entries.append(CompanyEntry(name=name, aliases=aliases, user_defined=True))
    return tuple(sorted(entries, key=lambda entry: entry.name.casefold()))


@lru_cache(maxsize=8)
def watch_detector(entries: tuple[CompanyEntry, ...]) -> Detector:
    """One detector per watch list in a process (parse workers see the same list per refresh)."""
    return Detector(Directory(entries), propose=False)


@lru_cache(maxsize=4)
def full_detector(stored: tuple[CompanyEntry, ...]) -> Detector:
    """The built-in directory with the user's companies, proposing unknown ones too: what
    suggestions use. Building it indexes ~4,000 companies (~60 ms), so it is kept while the
    user's companies stay the same."""
    return Detector(builtin_directory().with_entries(stored))
