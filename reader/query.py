"""The search syntax shared by the CLI and the app, turned into a safe FTS5 expression plus filters.

Syntax: words (all must match), ``"exact phrases"``, ``-word`` / ``-"phrase"`` (must not match),
``a OR b`` (uppercase, between two terms; ``a OR b c`` is ``(a OR b) AND c``), ``prefix*``, and
the filters ``feed:NAME``, ``company:NAME`` (values may be quoted: ``feed:"Daring Fireball"``),
``is:unread``/``is:read``/``is:starred``/``is:unstarred``, ``before:YYYY-MM-DD`` and
``after:YYYY-MM-DD``. ``-feed:`` and ``-company:`` exclude.

Anything typed is safe: the FTS5 expression is built only from strings this module quotes
itself, so FTS5 keywords, column filters, parentheses and stray quotes are searched as words.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import Enum, auto
from functools import cache, lru_cache

from reader.storage.sqlite import sqlite3

# The tokenizer of the search index. Storage creates its FTS5 table with this so that the query
# side's idea of what is a token (see ``_is_token_char``) is the index's.
FTS5_TOKENIZE = "porter unicode61 remove_diacritics 2"

_FILTER = re.compile(r"(feed|company|is|before|after):", re.IGNORECASE)
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
_IS_VALUES = {
    "unread": ("read", False),
    "read": ("read", True),
    "starred": ("starred", True),
    "unstarred": ("starred", False),
}
# NUL ends an FTS5 query early ("unterminated string"); lone surrogates (from undecodable
# command-line bytes) cannot be encoded for SQLite at all.
_UNSAFE_CHARS = re.compile("[\x00\ud800-\udfff]")
# Each company filter is one more condition ANDed into the SQL, and SQLite refuses an expression
# deeper than 1000 ("Expression tree is too large"): a pasted wall of company: filters is cut
# here, with a warning, rather than fail in the database.
MAX_COMPANY_FILTERS = 100


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A parsed search.

    ``match`` is a safe FTS5 MATCH expression for the positive terms (negative terms are folded
    in with ``NOT``), or None when there is no positive term. FTS5 cannot run a query that only
    excludes, so then the negative terms are in ``excluded`` (each a safe FTS5 expression) and
    storage filters with ``rowid NOT IN (SELECT rowid FROM fts WHERE fts MATCH :excluded_match)``;
    ``excluded`` is empty whenever ``match`` is set.
    """

    match: str | None
    terms: tuple[
        str, ...
    ]  # positive words/phrases, lower-case, for highlighting ("hond*" → "hond")
    feeds: tuple[str, ...] = ()  # feed title substring, exact URL or id; several = any of them
    companies: tuple[str, ...] = ()  # several = tagged with each
    read: bool | None = None
    starred: bool | None = None
    before: date | None = None  # published before that day (exclusive)
    after: date | None = None  # published on or after that day
    warnings: tuple[str, ...] = ()  # what was ignored and why, for the status line
    excluded: tuple[str, ...] = ()
    excluded_feeds: tuple[str, ...] = ()  # -feed:NAME
    excluded_companies: tuple[str, ...] = ()  # -company:NAME
    text: str = ""  # the full-text part, normalised for display: 'honda OR toyota -nissan'

    @property
    def excluded_match(self) -> str | None:
        """``excluded`` as one FTS5 expression: the articles to leave out."""
        return " OR ".join(self.excluded) or None

    @property
    def is_empty(self) -> bool:
        """True when the query selects every article (nothing searched, nothing filtered)."""
        return self == SearchQuery(match=None, terms=(), warnings=self.warnings)


# ---------------------------------------------------------------------------------------------
# Lexing
# ---------------------------------------------------------------------------------------------


class _Kind(Enum):
    WORD = auto()
    PHRASE = auto()
    OR = auto()
    FILTER = auto()


@dataclass(frozen=True, slots=True)
class _Token:
    """One piece of a search query as the tokenizer read it."""

    kind: _Kind
    text: str
    negated: bool = False
    prefix: bool = False
    key: str = ""

    @property
    def is_positive_term(self) -> bool:
        return self.kind in (_Kind.WORD, _Kind.PHRASE) and not self.negated


def _lex(text: str) -> Iterator[_Token]:
    index = 0
    while index < len(text):
        if text[index].isspace():
            index += 1
            continue
        token, index = _lex_one(text, index)
        yield token


def _lex_one(text: str, index: int) -> tuple[_Token, int]:
    negated = text[index] == "-" and index + 1 < len(text) and not text[index + 1].isspace()
    start = index + 1 if negated else index
    if text[start] == '"':
        phrase, end = _read_quoted(text, start)
        prefix = text.startswith("*", end)
        return _Token(_Kind.PHRASE, phrase, negated, prefix), end + 1 if prefix else end
    filter_key = _FILTER.match(text, start)
    if filter_key is not None:
        value, end = _read_value(text, filter_key.end())
        return _Token(_Kind.FILTER, value, negated, key=filter_key.group(1).lower()), end
    end = _word_end(text, start)
    word = text[start:end]
    if word == "OR" and not negated:
        return _Token(_Kind.OR, word), end
    if len(word) > 1 and word.endswith("*"):
        return _Token(_Kind.WORD, word[:-1], negated, prefix=True), end
    return _Token(_Kind.WORD, word, negated), end


def _word_end(text: str, index: int) -> int:
    while index < len(text) and not text[index].isspace():
        index += 1
    return index


def _read_quoted(text: str, index: int) -> tuple[str, int]:
    """``index`` is at the opening quote; an unbalanced quote takes the rest of the text."""
    close = text.find('"', index + 1)
    if close == -1:
        return text[index + 1 :], len(text)
    return text[index + 1 : close], close + 1


def _read_value(text: str, index: int) -> tuple[str, int]:
    if text.startswith('"', index):
        value, end = _read_quoted(text, index)
        return value.strip(), end
    end = _word_end(text, index)
    return text[index:end], end


# ---------------------------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Builder:
    """Collects what the tokens say before it is frozen into a SearchQuery."""

    groups: list[list[_Token]] = field(default_factory=list)
    negatives: list[_Token] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    companies: list[str] = field(default_factory=list)
    excluded_feeds: list[str] = field(default_factory=list)
    excluded_companies: list[str] = field(default_factory=list)
    flags: dict[str, bool] = field(default_factory=dict)
    before: date | None = None
    after: date | None = None
    warnings: list[str] = field(default_factory=list)


def parse_query(text: str) -> SearchQuery:
    """Parse what the user typed. Never raises: what cannot be understood is searched as words
    or ignored with a warning."""
    builder = _Builder()
    tokens = _resolve_or(list(_lex(_UNSAFE_CHARS.sub(" ", text))))
    joined_by_or = False
    for token in tokens:
        if token.kind is _Kind.OR:
            joined_by_or = True
            continue
        if token.kind is _Kind.FILTER:
            _apply_filter(builder, token)
        elif token.negated:
            builder.negatives.append(token)
        elif joined_by_or:
            builder.groups[-1].append(token)
        else:
            builder.groups.append([token])
        joined_by_or = False
    return _freeze(_drop_unsearchable(builder))


def _resolve_or(tokens: list[_Token]) -> list[_Token]:
    """An OR is an operator only between two positive terms; anywhere else it is the word."""
    resolved = []
    for index, token in enumerate(tokens):
        if token.kind is _Kind.OR:
            before = tokens[index - 1] if index > 0 else None
            after = tokens[index + 1] if index + 1 < len(tokens) else None
            if not (before and before.is_positive_term and after and after.is_positive_term):
                token = _Token(_Kind.WORD, token.text)
        resolved.append(token)
    return resolved


def _apply_filter(builder: _Builder, token: _Token) -> None:
    shown = f"{'-' if token.negated else ''}{token.key}:{token.text}"
    if not token.text:
        builder.warnings.append(f'ignored {shown}: give a value, e.g. feed:"Daring Fireball"')
    elif token.key in ("feed", "company"):
        _apply_name_filter(builder, token)
    elif token.key == "is":
        _apply_flag(builder, token, shown)
    else:
        _apply_date(builder, token, shown)


def _apply_name_filter(builder: _Builder, token: _Token) -> None:
    target = {
        ("feed", False): builder.feeds,
        ("feed", True): builder.excluded_feeds,
        ("company", False): builder.companies,
        ("company", True): builder.excluded_companies,
    }[(token.key, token.negated)]
    if token.text in target:
        return
    if token.key == "company" and (
        len(builder.companies) + len(builder.excluded_companies) >= MAX_COMPANY_FILTERS
    ):
        warning = f"ignored company filters after the first {MAX_COMPANY_FILTERS}"
        if warning not in builder.warnings:
            builder.warnings.append(warning)
        return
    target.append(token.text)


def _apply_flag(builder: _Builder, token: _Token, shown: str) -> None:
    known = _IS_VALUES.get(token.text.lower())
    if known is None:
        builder.warnings.append(
            f"ignored {shown}: use is:unread, is:read, is:starred or is:unstarred"
        )
        return
    name, value = known
    builder.flags[name] = value != token.negated


def _apply_date(builder: _Builder, token: _Token, shown: str) -> None:
    if token.negated:
        builder.warnings.append(f"ignored {shown}: use {_opposite(token.key)}: instead")
        return
    day = _parse_day(token.text)
    if day is None:
        builder.warnings.append(f"ignored {shown}: not a date (use YYYY-MM-DD)")
    elif token.key == "before":
        builder.before = day if builder.before is None else min(builder.before, day)
    else:
        builder.after = day if builder.after is None else max(builder.after, day)


def _opposite(key: str) -> str:
    return "after" if key == "before" else "before"


def _parse_day(value: str) -> date | None:
    if not _ISO_DAY.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _drop_unsearchable(builder: _Builder) -> _Builder:
    """Terms the tokenizer reduces to nothing ("—", "!!!", a lone "-") would make FTS5 match
    nothing at all, so they are left out, with a warning so the user knows."""
    dropped = [
        token
        for token in [*(t for group in builder.groups for t in group), *builder.negatives]
        if not _has_tokens(token.text)
    ]
    for token in dropped:
        builder.warnings.append(f"ignored {_display(token)}: no letters or digits to search for")
    builder.groups = [
        kept for group in builder.groups if (kept := [t for t in group if _has_tokens(t.text)])
    ]
    builder.negatives = [token for token in builder.negatives if _has_tokens(token.text)]
    return builder


def _freeze(builder: _Builder) -> SearchQuery:
    positive = _and(builder.groups)
    negative = [_fts(token) for token in builder.negatives]
    match = _with_not(positive, negative, group=len(builder.groups) > 1) if positive else None
    terms = dict.fromkeys(_term(token) for group in builder.groups for token in group)
    return SearchQuery(
        match=match,
        terms=tuple(terms),
        feeds=tuple(builder.feeds),
        companies=tuple(builder.companies),
        read=builder.flags.get("read"),
        starred=builder.flags.get("starred"),
        before=builder.before,
        after=builder.after,
        warnings=tuple(builder.warnings),
        excluded=() if positive else tuple(negative),
        excluded_feeds=tuple(builder.excluded_feeds),
        excluded_companies=tuple(builder.excluded_companies),
        text=_text(builder),
    )


# ---------------------------------------------------------------------------------------------
# FTS5 expression
# ---------------------------------------------------------------------------------------------


def _fts(token: _Token) -> str:
    """One term as an FTS5 string: inside double quotes FTS5 treats every character literally
    and tokenizes the content into a phrase ("Honda-Nissan" → the phrase honda nissan)."""
    quoted = '"' + token.text.replace('"', '""') + '"'
    return quoted + "*" if token.prefix else quoted


def _and(groups: list[list[_Token]]) -> str | None:
    """Explicit AND and parentheses: in FTS5 implicit AND binds tighter than OR."""
    parts = [_or(group) for group in groups]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else " AND ".join(parts)


def _or(group: list[_Token]) -> str:
    atoms = [_fts(token) for token in group]
    return atoms[0] if len(atoms) == 1 else "(" + " OR ".join(atoms) + ")"


def _with_not(positive: str, negative: list[str], *, group: bool) -> str:
    if not negative:
        return positive
    excluded = negative[0] if len(negative) == 1 else "(" + " OR ".join(negative) + ")"
    return f"({positive}) NOT {excluded}" if group else f"{positive} NOT {excluded}"


# ---------------------------------------------------------------------------------------------
# What the tokenizer keeps
# ---------------------------------------------------------------------------------------------


def _has_tokens(text: str) -> bool:
    return any(_is_token_char(char) for char in text)


@lru_cache(maxsize=8192)
def _is_token_char(char: str) -> bool:
    """Asks SQLite itself. unicode61 classifies characters by Unicode 6.1, Python's
    ``unicodedata`` by a newer version; they disagree on about 3,200 code points (for example
    "🤔" is a token to FTS5 and a symbol to Python 3.11), so no Python rule is exact."""
    if char.isascii():
        return char.isalnum()
    with _probe_lock:
        probe = _probe()
        probe.execute("INSERT INTO probe(rowid, body) VALUES (1, ?)", (char,))
        try:
            (count,) = probe.execute("SELECT count(*) FROM probe_terms").fetchone()
        finally:
            probe.execute("DELETE FROM probe WHERE rowid = 1")
    return bool(count)


_probe_lock = threading.Lock()


@cache
def _probe() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
    connection.execute(f"CREATE VIRTUAL TABLE probe USING fts5(body, tokenize='{FTS5_TOKENIZE}')")
    connection.execute("CREATE VIRTUAL TABLE probe_terms USING fts5vocab(probe, 'row')")
    return connection


# ---------------------------------------------------------------------------------------------
# Display
# ---------------------------------------------------------------------------------------------


def _term(token: _Token) -> str:
    return " ".join(token.text.lower().split())


def _display(token: _Token) -> str:
    term = _term(token)
    shown = f'"{term}"' if token.kind is _Kind.PHRASE or not term else term
    return f"{'-' if token.negated else ''}{shown}{'*' if token.prefix else ''}"


def _text(builder: _Builder) -> str:
    groups = [" OR ".join(_display(token) for token in group) for group in builder.groups]
    return " ".join([*groups, *(_display(token) for token in builder.negatives)])


def _quote_value(value: str) -> str:
    return f'"{value}"' if any(char.isspace() for char in value) else value


def describe(query: SearchQuery) -> str:
    """A short line for status bars, e.g. ``unread · feed:cars · honda -nissan``."""
    parts = []
    if query.read is not None:
        parts.append("read" if query.read else "unread")
    if query.starred is not None:
        parts.append("starred" if query.starred else "unstarred")
    parts.extend(f"feed:{_quote_value(name)}" for name in query.feeds)
    parts.extend(f"-feed:{_quote_value(name)}" for name in query.excluded_feeds)
    parts.extend(f"company:{_quote_value(name)}" for name in query.companies)
    parts.extend(f"-company:{_quote_value(name)}" for name in query.excluded_companies)
    if query.after is not None:
        parts.append(f"after:{query.after.isoformat()}")
    if query.before is not None:
        parts.append(f"before:{query.before.isoformat()}")
    if query.text:
        parts.append(query.text)
    return " · ".join(parts) or "all articles"
