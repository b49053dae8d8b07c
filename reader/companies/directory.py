"""The company directory: the built-in list shipped as package data, plus the user's own.

The built-in list is ``data/companies.tsv`` (one company a line: name, aliases, tickers, country,
sector, whether the name is also an ordinary word, and the words that decide it either way), so
it can be read and corrected without touching code."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

DATA_FILE = "companies.tsv"
COLUMNS = ("name", "aliases", "tickers", "country", "sector", "ambiguous", "cues", "anti_cues")


@dataclass(frozen=True, slots=True)
class CompanyEntry:
    name: str
    aliases: tuple[str, ...] = ()
    tickers: tuple[str, ...] = ()  # "NYSE:F", "TSE:7267"
    country: str = ""
    sector: str = ""
    ambiguous: bool = False  # the name is also a word or a person's name (Apple, Ford)
    cues: tuple[str, ...] = ()  # nearby words that mean the company
    anti_cues: tuple[str, ...] = ()  # nearby words that mean the ordinary sense
    user_defined: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def symbols(self) -> tuple[str, ...]:
        """Bare ticker symbols ("F", "7267")."""
        return tuple(ticker.split(":", 1)[-1] for ticker in self.tickers)


@dataclass(frozen=True)
class Directory:
    entries: tuple[CompanyEntry, ...]
    by_name: dict[str, CompanyEntry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, CompanyEntry] = {}
        for entry in self.entries:
            for name in entry.names:
                index.setdefault(name.casefold(), entry)
        object.__setattr__(self, "by_name", index)

    def find(self, name: str) -> CompanyEntry | None:
        """A company by its name or one of its aliases, any case."""
        return self.by_name.get(name.casefold())

    def with_entries(self, extra: Iterable[CompanyEntry]) -> Directory:
        """This directory plus the user's companies; a user's entry replaces a built-in one of
        the same name."""
        extra = tuple(extra)
        replaced = {entry.name.casefold() for entry in extra}
        kept = tuple(e for e in self.entries if e.name.casefold() not in replaced)
        return Directory(kept + extra)

    def __len__(self) -> int:
        return len(self.entries)


@cache
def builtin_directory() -> Directory:
    """The shipped directory, read once per process."""
    text = resources.files("reader.companies").joinpath("data", DATA_FILE).read_text("utf-8")
    return Directory(tuple(parse_rows(text.splitlines())))


def parse_rows(lines: Iterable[str]) -> Iterable[CompanyEntry]:
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if header is None or tuple(header) != COLUMNS:
        raise ValueError(f"{DATA_FILE}: the header must be the columns {', '.join(COLUMNS)}")
    for number, row in enumerate(reader, start=2):
        if not row or not row[0].strip():
            continue
        if len(row) != len(COLUMNS):
            raise ValueError(f"{DATA_FILE} line {number}: {len(row)} fields, not {len(COLUMNS)}")
        name, aliases, tickers, country, sector, ambiguous, cues, anti_cues = row
        yield CompanyEntry(
            name=name.strip(),
            aliases=_split(aliases),
            tickers=_split(tickers),
            country=country.strip(),
            sector=sector.strip(),
            ambiguous=ambiguous.strip().lower() == "yes",
            cues=_split(cues),
            anti_cues=_split(anti_cues),
        )


def _split(field_text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in field_text.split("|") if part.strip())
