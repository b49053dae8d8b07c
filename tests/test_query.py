from __future__ import annotations

import sqlite3
import string
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.query import FTS5_TOKENIZE, SearchQuery, describe, parse_query

DOCS = {
    1: ("Honda and Nissan agree on joint development", "The carmakers will share platforms."),
    2: ("Honda-Nissan merger talks collapse", "Talks ended on Thursday."),
    3: ("Toyota recalls hybrids", "Toyota said the recall covers 1,000 cars."),
    4: ("Nissan posts loss", "A weak quarter."),
    5: ("Café culture", "Crème brûlée and coffee."),
    6: ("A grammar lesson", "The words or, not and near are short."),
    7: ("foo fighters", "A band."),
    8: ("Markup", "The title foo appears in the body."),
    9: ("Thinking face", "Readers replied 🤔 to the news."),
    10: ("Hondamatic transmissions", "An old Honda gearbox."),
}
ALL = set(DOCS)


def _index(docs: dict[int, tuple[str, str]]) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute(f"CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize='{FTS5_TOKENIZE}')")
    db.executemany(
        "INSERT INTO fts(rowid, title, body) VALUES (?, ?, ?)",
        [(rowid, title, body) for rowid, (title, body) in docs.items()],
    )
    return db


@pytest.fixture(scope="module")
def db() -> Iterator[sqlite3.Connection]:
    connection = _index(DOCS)
    yield connection
    connection.close()


def _search(db: sqlite3.Connection, query: SearchQuery) -> set[int]:
    """What storage is meant to do with a SearchQuery's text part."""
    sql = "SELECT rowid FROM fts WHERE 1"
    params = []
    if query.match is not None:
        sql += " AND fts MATCH ?"
        params.append(query.match)
    if query.excluded_match is not None:
        sql += " AND rowid NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)"
        params.append(query.excluded_match)
    return {rowid for (rowid,) in db.execute(sql, params)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("honda", {1, 2, 10}),
        ("HONDA", {1, 2, 10}),
        ("honda nissan", {1, 2}),
        ("honda -nissan", {10}),
        ('"joint development"', {1}),
        ('"development joint"', set()),
        ('-"joint development" honda', {2, 10}),
        ("hond*", {1, 2, 10}),
        ("hon* -nis*", {10}),
        ("honda OR toyota", {1, 2, 3, 10}),
        ("honda OR toyota recall", {3}),
        ("recall honda OR toyota", {3}),
        ("nissan OR toyota OR café", {1, 2, 3, 4, 5}),
        ("Honda-Nissan", {2}),
        ('"Honda-Nissan"', {2}),
        ("honda-nis*", {2}),
        ("AND", {1, 5, 6}),
        ("OR", {6}),
        ("NOT", {6}),
        ("NEAR", {6}),
        ("honda AND nissan", {1}),
        ("honda AND toyota", set()),
        ("a OR OR b", set()),
        ("OR toyota", set()),
        ("toyota OR", set()),
        ('"joint development', {1}),
        ('honda "joint', {1}),
        ("-", ALL),
        ("*", ALL),
        ("-*", ALL),
        ("NEAR(honda nissan)", set()),
        ("(honda)", {1, 2, 10}),
        ("honda)", {1, 2, 10}),
        ("^honda", {1, 2, 10}),
        ("+nissan", {1, 2, 4}),
        ("*honda", {1, 2, 10}),
        ("title:foo", {8}),
        ("{title}:honda", set()),
        ("body:honda", set()),
        ("foo:bar", set()),
        ("http://foo", set()),
        ('"honda""nissan"', {1, 2}),
        ('hon"da', set()),
        ("🤔", {9}),
        ("cafe", {5}),
        ("CRÈME brulee", {5}),
        ("recalled", {3}),
        ("1,000", {3}),
        ("—", ALL),
        ("!!! honda", {1, 2, 10}),
        ("honda OR —", {1, 2, 10}),
        ("-honda", ALL - {1, 2, 10}),
        ("-honda -nissan", ALL - {1, 2, 4, 10}),
        ("-hond*", ALL - {1, 2, 10}),
        ('-"joint development"', ALL - {1}),
        ("", ALL),
        ("   ", ALL),
        ("is:unread feed:cars", ALL),
        ("honda\x00nissan", {1, 2}),
        ("honda \udcff", {1, 2, 10}),
    ],
)
def test_queries_against_fts5(db: sqlite3.Connection, text: str, expected: set[int]) -> None:
    assert _search(db, parse_query(text)) == expected


@pytest.mark.parametrize(
    ("text", "match", "excluded"),
    [
        ("honda", '"honda"', ()),
        ("honda -nissan", '"honda" NOT "nissan"', ()),
        ("a b -c -d", '("a" AND "b") NOT ("c" OR "d")', ()),
        ("a OR b c", '("a" OR "b") AND "c"', ()),
        ("hond*", '"hond"*', ()),
        ('"joint dev"*', '"joint dev"*', ()),
        ('foo"bar', '"foo""bar"', ()),
        ("AND", '"AND"', ()),
        ("-honda", None, ('"honda"',)),
        ("-honda -nis*", None, ('"honda"', '"nis"*')),
        ("", None, ()),
        ("is:starred", None, ()),
    ],
)
def test_match_expressions(text: str, match: str | None, excluded: tuple[str, ...]) -> None:
    query = parse_query(text)
    assert (query.match, query.excluded) == (match, excluded)


def test_terms_are_lower_case_positive_and_unique() -> None:
    query = parse_query('Honda "Joint  Development" hond* -Nissan honda OR Toyota')

    assert query.terms == ("honda", "joint development", "hond", "toyota")


def test_filters() -> None:
    query = parse_query(
        'feed:cars Feed:"Daring Fireball" feed:cars company:"Honda Motor" company:Toyota '
        "-company:Apple -feed:spam is:unread is:starred before:2025-03-01 after:2025-01-15 "
        "honda"
    )

    assert query == SearchQuery(
        match='"honda"',
        terms=("honda",),
        feeds=("cars", "Daring Fireball"),
        companies=("Honda Motor", "Toyota"),
        read=False,
        starred=True,
        before=date(2025, 3, 1),
        after=date(2025, 1, 15),
        excluded_feeds=("spam",),
        excluded_companies=("Apple",),
        text="honda",
    )


@pytest.mark.parametrize(
    ("text", "read", "starred"),
    [
        ("is:unread", False, None),
        ("is:read", True, None),
        ("is:starred", None, True),
        ("is:unstarred", None, False),
        ("IS:UNREAD", False, None),
        ("-is:read", False, None),
        ("-is:unread", True, None),
        ("-is:starred", None, False),
        ("is:read is:unread", False, None),
    ],
)
def test_flags(text: str, read: bool | None, starred: bool | None) -> None:
    query = parse_query(text)
    assert (query.read, query.starred, query.match) == (read, starred, None)


def test_dates_take_the_tightest_bound() -> None:
    query = parse_query("after:2025-01-01 after:2025-02-01 before:2025-06-01 before:2025-05-01")
    assert (query.after, query.before) == (date(2025, 2, 1), date(2025, 5, 1))


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ("after:2025-13-01", "ignored after:2025-13-01: not a date (use YYYY-MM-DD)"),
        ("before:yesterday", "ignored before:yesterday: not a date (use YYYY-MM-DD)"),
        ("before:20250101", "ignored before:20250101: not a date (use YYYY-MM-DD)"),
        ("before:２０２５-01-01", "ignored before:２０２５-01-01: not a date (use YYYY-MM-DD)"),
        ("-after:2025-01-01", "ignored -after:2025-01-01: use before: instead"),
        ("is:new", "ignored is:new: use is:unread, is:read, is:starred or is:unstarred"),
        ("feed:", 'ignored feed:: give a value, e.g. feed:"Daring Fireball"'),
        ('company:""', 'ignored company:: give a value, e.g. feed:"Daring Fireball"'),
        ("—", "ignored —: no letters or digits to search for"),
        ('-"!!"', 'ignored -"!!": no letters or digits to search for'),
    ],
)
def test_warnings(text: str, warning: str) -> None:
    query = parse_query(text)
    assert query.warnings == (warning,)
    assert (query.match, query.before, query.after, query.read) == (None, None, None, None)


def test_quoted_filter_values() -> None:
    assert parse_query('feed:"Daring Fireball" fireball').feeds == ("Daring Fireball",)
    assert parse_query('company:"Honda Motor').companies == ("Honda Motor",)
    assert parse_query('feed:"  spaced  "').feeds == ("spaced",)


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("is:unread feed:cars honda", "unread · feed:cars · honda"),
        ("", "all articles"),
        ("-", "all articles"),
        (
            'honda OR Toyota -nissan "Joint dev"* is:read is:unstarred',
            'read · unstarred · honda OR toyota "joint dev"* -nissan',
        ),
        (
            'feed:"Daring Fireball" company:Honda -company:Apple -feed:x',
            'feed:"Daring Fireball" · -feed:x · company:Honda · -company:Apple',
        ),
        ("before:2025-02-01 after:2025-01-01", "after:2025-01-01 · before:2025-02-01"),
    ],
)
def test_describe(text: str, description: str) -> None:
    assert describe(parse_query(text)) == description


def test_is_empty() -> None:
    assert parse_query("").is_empty
    assert parse_query("— after:nope").is_empty
    assert not parse_query("-honda").is_empty
    assert not parse_query("is:unread").is_empty


def test_long_queries_stay_valid(db: sqlite3.Connection) -> None:
    words = [f"w{i}" for i in range(2000)]
    for text in (" ".join(words), " OR ".join(words), "honda " + " ".join(f"-{w}" for w in words)):
        query = parse_query(text)
        assert query.match is not None
        _search(db, query)


def _tokens_in(text: str) -> int:
    db = _index({1: ("", text)})
    db.execute("CREATE VIRTUAL TABLE terms USING fts5vocab(fts, 'instance')")
    (count,) = db.execute("SELECT count(*) FROM terms").fetchone()
    return count


@pytest.mark.parametrize(
    "char",
    [
        *(c for c in string.printable if not c.isspace() and c != '"'),
        *"é中—…€🤔😀\u0301\u19b0ǅ٣\u200b\U0001f3fd",
    ],
)
def test_token_characters_agree_with_fts5(char: str) -> None:
    assert (parse_query(char).match is not None) == (_tokens_in(char) > 0)
    assert (parse_query(f"-{char}").excluded != ()) == (_tokens_in(char) > 0)


_anything = st.text(st.characters(), max_size=60)


@given(_anything)
def test_any_text_parses_and_runs(text: str) -> None:
    query = parse_query(text)
    describe(query)
    db = _index(DOCS)
    _search(db, query)
    for expression in query.excluded:
        db.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (expression,)).fetchall()


_syntax = st.lists(
    st.sampled_from(['"', "-", "*", "OR", "AND", "NOT", "NEAR", "(", ")", ":", "^", "{", "}"])
    | st.sampled_from(["feed:", "is:", "company:", "before:", "title:", "honda", "é", "🤔", "—"])
    | st.text(st.characters(), max_size=3)
    | st.just(" "),
    max_size=25,
).map("".join)


@given(_syntax)
def test_operator_soup_parses_and_runs(text: str) -> None:
    query = parse_query(text)
    describe(query)
    _search(_index(DOCS), query)


_word = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=8).filter(
    lambda w: (
        not any(c.isspace() or c in '"\x00:' for c in w)
        and not w.startswith("-")
        and not w.endswith("*")
        and w != "OR"
    )
)


@given(_word)
def test_a_word_matches_a_document_made_of_it(word: str) -> None:
    """Exactness of the dropped-term rule, both ways, for any character."""
    query = parse_query(word)
    db = _index({1: ("", word)})
    if query.match is None:
        assert _tokens_in(word) == 0
    else:
        assert _search(db, query) == {1}


def test_parsing_from_many_threads_at_once() -> None:
    """The tokenizer probe behind parse_query is shared; the app and workers parse concurrently."""
    texts = [f"ü{chr(0x4E00 + i)} Ω{chr(0x0400 + i)} -ß{i}" for i in range(200)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        queries = list(pool.map(parse_query, texts))
    assert all(query.match is not None and not query.warnings for query in queries)
