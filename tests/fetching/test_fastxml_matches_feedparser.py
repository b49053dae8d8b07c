"""The fast lxml path against the feedparser path: wherever the fast path answers, it must store
the same articles. HTML fields are compared as users see them (``html_to_text``), because
feedparser sanitises markup and the fast path does not have to reproduce that byte for byte."""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path

import pytest
from _feed_corpus_manifest import FEED_URL, manifest_rows
from feedparser.datetimes import _parse_date as feedparser_parse_date
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reader.cleaning.html_text import html_to_text
from reader.errors import ParseError
from reader.fetching.fastxml import _date as fast_date
from reader.fetching.fastxml import parse_fast
from reader.fetching.feedparser_path import parse_with_feedparser
from reader.fetching.normalize import struct_to_datetime
from reader.fetching.parse import parse_document
from reader.fetching.parsed import ParsedFeed

ROWS = manifest_rows()

HEADER_VARIANTS = [
    {},
    {"Content-Type": "application/rss+xml; charset=utf-8"},
    {"Content-Type": "text/xml"},
]

EXPECTED_FAST = {
    "rsparser--scriptingNews.rss",
    "rsparser--russcox.atom",
    "rss-parser--guardian.rss",
    "rss-parser--heise.atom",
    "rss-parser--feedburner.atom",
    "node-feedparser--tpm.atom",
    "newsboat--rss10_1.xml",
}
"""A sample of files that must keep taking the fast path (a regression guard, not the full list)."""


def _shown(html: str | None) -> str:
    return " ".join(html_to_text(html or "").split())


def assert_same_feed(fast: ParsedFeed, reference: ParsedFeed) -> None:
    assert fast.parser == "fastxml"
    assert (fast.title, fast.site_url, fast.format) == (
        reference.title,
        reference.site_url,
        reference.format,
    )
    assert len(fast.entries) == len(reference.entries)
    for index, (mine, theirs) in enumerate(zip(fast.entries, reference.entries, strict=True)):
        where = f"entry {index}"
        assert mine.guid == theirs.guid, where
        assert mine.url == theirs.url, where
        assert mine.title == theirs.title, where
        assert mine.author == theirs.author, where
        assert mine.published == theirs.published, where
        assert mine.updated == theirs.updated, where
        assert mine.categories == theirs.categories, where
        assert [e.url for e in mine.enclosures] == [e.url for e in theirs.enclosures], where
        assert _shown(mine.summary_html) == _shown(theirs.summary_html), where
        assert _shown(mine.content_html) == _shown(theirs.content_html), where


def _fast_or_none(body: bytes, headers: dict[str, str]) -> ParsedFeed | None:
    return parse_fast(body, url=FEED_URL, headers=headers)


@pytest.mark.parametrize("headers", HEADER_VARIANTS, ids=["no-headers", "rss-utf8", "text-xml"])
@pytest.mark.parametrize("row", ROWS, ids=[row.file for row in ROWS])
def test_fast_path_agrees_with_feedparser(feed_corpus: Path, row, headers) -> None:
    body = row.body(feed_corpus)
    fast = _fast_or_none(body, headers)
    if fast is None:
        return
    reference = parse_with_feedparser(body, url=FEED_URL, headers=headers)
    assert_same_feed(fast, reference)


def test_fast_path_coverage(feed_corpus: Path) -> None:
    taken = {row.file for row in ROWS if _fast_or_none(row.body(feed_corpus), {}) is not None}
    fell_back = len(ROWS) - len(taken)
    print(f"fast path: {len(taken)} corpus files, fallback: {fell_back}")
    assert taken >= EXPECTED_FAST


def test_non_utf8_http_charset_falls_back(feed_corpus: Path) -> None:
    body = (feed_corpus / "rss-parser--guardian.rss").read_bytes()
    assert _fast_or_none(body, {"Content-Type": "text/xml; charset=iso-8859-1"}) is None


@pytest.mark.parametrize(
    "body",
    [
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x "y">]><rss version="2.0"></rss>',
        b'<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel/></rss>',
        b'<rss version="2.0"><channel xml:base="http://a/"><item><link>x</link></item>'
        b"</channel></rss>",
        b'<feed xmlns="http://purl.org/atom/ns#" version="0.3"></feed>',
        b'<rss version="2.0"><channel><item><title type="html">&lt;b&gt;x</title></item>'
        b"</channel></rss>",
        b'<rss version="2.0"><channel><item><title>A &amp;amp; B</title></item></channel></rss>',
        b'<rss version="2.0"><channel><item><title>x</item></channel></rss>',
        b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="xhtml">'
        b'<div xmlns="http://www.w3.org/1999/xhtml">x</div></content></entry></feed>',
    ],
    ids=[
        "doctype",
        "latin1",
        "xml-base",
        "atom03",
        "html-title",
        "entity-title",
        "broken",
        "xhtml",
    ],
)
def test_fast_path_declines_what_it_cannot_be_sure_of(body: bytes) -> None:
    assert _fast_or_none(body, {}) is None


@pytest.mark.parametrize(
    "date",
    [
        "Wed, 02 Oct 2002 13:00:00 GMT",
        "Wed, 02 Oct 2002 15:00:00 +0200",
        "02 Oct 2002 13:00:00 -0500",
        "Wed, 02 Oct 2002 13:00:00 EST",
        "Wed, 31 Feb 2002 13:00:00 GMT",
        "2002-10-02T13:00:00Z",
        "2002-10-02T13:00:00.123+05:30",
        "2002-10-02",
        "Seg, 24 Set 2018 10:00:00 -0300",
        "2020/1/10 14:33:00",
        "not a date",
    ],
)
def test_dates_match_feedparser(date: str) -> None:
    body = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
        f"<item><title>x</title><pubDate>{date}</pubDate><guid>g</guid></item></channel></rss>"
    ).encode()
    fast = _fast_or_none(body, {})
    assert fast is not None
    assert_same_feed(fast, parse_with_feedparser(body, url=FEED_URL, headers={}))


@pytest.mark.parametrize(
    ("title", "shown"), [("&amp;Ã©;&lt;/b&gt;", "&é;"), ("&amp;Ã©;&amp;amp;", "&é;&")]
)
def test_a_title_with_an_entity_of_other_letters_reads_as_feedparser_reads_it(
    title: str, shown: str
) -> None:
    """Found by Hypothesis: feedparser tells HTML from text before it repairs mis-decoded
    letters, so "&Ã©;&amp;" is HTML to it; the fast path leaves such a title to it."""
    body = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
        f"<item><title>{title}</title><guid>g</guid></item></channel></rss>"
    ).encode()
    assert _fast_or_none(body, {}) is None
    feed = parse_document(body, url=FEED_URL)
    assert (feed.parser, feed.entries[0].title) == ("feedparser", shown)


def test_generated_feed_takes_fast_path_and_matches(feedserver: str) -> None:
    url = f"{feedserver}/_gen/1.xml?entries=50"
    with urllib.request.urlopen(url, timeout=10) as response:
        body = response.read()
        headers = dict(response.headers.items())
    feed = parse_document(body, url=url, headers=headers)
    assert feed.parser == "fastxml"
    assert len(feed.entries) == 50
    assert_same_feed(feed, parse_with_feedparser(body, url=url, headers=headers))


def test_fallback_still_reports_errors() -> None:
    with pytest.raises(ParseError, match="XML error at line"):
        parse_document(b'<?xml version="1.0"?>\n<rss version="2.0"><channel><item>', url=FEED_URL)


_TOKENS = [*"ab Z9/:?#.;=é€\u2019-_\n\t", "&amp;", "&#38;", "&lt;", "&gt;", "&lt;b&gt;",
           "&lt;/b&gt;", "&amp;amp;", "&amp;#8217;", "Ã©", "&quot;"]  # fmt: skip
"""Already XML-escaped pieces: the generated documents are well-formed by construction."""
_TEXT = st.lists(st.sampled_from(_TOKENS), max_size=12).map("".join)
_TAG_CUT_SHORT = re.compile(r"&lt;[A-Za-z]\w*/&lt;")
"""A start tag cut short by the next tag ("<a/</b>"), where feedparser's sanitiser and an HTML
parser part ways: see the xfail test below. The properties leave it to that test."""
_URLISH = st.one_of(
    _TEXT,
    st.sampled_from(
        [
            "http://a.example/x?a=1&amp;b=2",
            "http://a.example/x?a=1&amp;amp;b=2",
            "/rel/path",
            "rel",
            "https://b.example/",
        ]
    ),
)


@st.composite
def _rss_items(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 3))):
        fields = []
        if draw(st.booleans()):
            fields.append(f"<title>{draw(_TEXT)}</title>")
        if draw(st.booleans()):
            fields.append(f"<link>{draw(_URLISH)}</link>")
        if draw(st.booleans()):
            permalink = draw(st.sampled_from(["", ' isPermaLink="false"', ' isPermaLink="true"']))
            fields.append(f"<guid{permalink}>{draw(_URLISH)}</guid>")
        for _ in range(draw(st.integers(0, 2))):
            tag = draw(st.sampled_from(["author", "dc:creator", "itunes:author"]))
            fields.append(f"<{tag}>{draw(_TEXT)}</{tag}>")
        for _ in range(draw(st.integers(0, 2))):
            fields.append(f"<category>{draw(_TEXT)}</category>")
        if draw(st.booleans()):
            fields.append(f"<description>{draw(_TEXT)}</description>")
        if draw(st.booleans()):
            fields.append(f"<content:encoded><![CDATA[<p>{draw(_TEXT)}</p>]]></content:encoded>")
        if draw(st.booleans()):
            href = draw(_URLISH).replace("&quot;", "")
            fields.append(f'<enclosure url="{href}"/>')
        fields = draw(st.permutations(fields))
        parts.append("<item>" + "".join(fields) + "</item>")
    return "".join(parts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_rss_items())
def test_generated_rss_agrees_with_feedparser(items: str) -> None:
    assume(not _TAG_CUT_SHORT.search(items))
    body = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>T</title>'
        f"<link>http://site.example/</link>{items}</channel></rss>"
    ).encode()
    fast = _fast_or_none(body, {})
    if fast is None:
        return
    assert_same_feed(fast, parse_with_feedparser(body, url=FEED_URL, headers={}))


@st.composite
def _atom_entries(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 3))):
        fields = []
        if draw(st.booleans()):
            kind = draw(st.sampled_from(["", ' type="text"', ' type="html"']))
            fields.append(f"<title{kind}>{draw(_TEXT)}</title>")
        if draw(st.booleans()):
            fields.append(f"<id>{draw(_URLISH)}</id>")
        for _ in range(draw(st.integers(0, 3))):
            rel = draw(st.sampled_from(["", ' rel="alternate"', ' rel="enclosure"', ' rel="self"']))
            kind = draw(st.sampled_from(["", ' type="text/html"', ' type="audio/mpeg"']))
            href = draw(_URLISH).replace("&quot;", "")
            fields.append(f'<link{rel}{kind} href="{href}"/>')
        for _ in range(draw(st.integers(0, 2))):
            name = draw(st.sampled_from(["", f"<name>{draw(_TEXT)}</name>"]))
            email = draw(st.sampled_from(["", "<email>a@b.example</email>", "<email>Ã©</email>"]))
            uri = draw(st.sampled_from(["", "<uri>http://me.example/</uri>"]))
            fields.append(f"<author>{name}{email}{uri}</author>")
        for tag in ("published", "updated"):
            if draw(st.booleans()):
                date = draw(
                    st.sampled_from(
                        ["2024-05-01T12:00:00Z", "2024-05-01T12:00:00+02:00", "2024-05-01", "x"]
                    )
                )
                fields.append(f"<{tag}>{date}</{tag}>")
        for _ in range(draw(st.integers(0, 2))):
            fields.append(f'<category term="{draw(_TEXT).replace("&quot;", "")}"/>')
        for tag in ("summary", "content"):
            if draw(st.booleans()):
                kind = draw(st.sampled_from(["", ' type="text"', ' type="html"']))
                fields.append(f"<{tag}{kind}>{draw(_TEXT)}</{tag}>")
        fields = draw(st.permutations(fields))
        parts.append("<entry>" + "".join(fields) + "</entry>")
    return "".join(parts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_atom_entries())
def test_generated_atom_agrees_with_feedparser(entries: str) -> None:
    assume(not _TAG_CUT_SHORT.search(entries))
    body = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        '<title>T</title><id>urn:x</id><link href="http://site.example/"/>'
        f"{entries}</feed>"
    ).encode()
    fast = _fast_or_none(body, {})
    if fast is None:
        return
    assert_same_feed(fast, parse_with_feedparser(body, url=FEED_URL, headers={}))


@pytest.mark.xfail(
    strict=True,
    reason="feedparser's sanitiser reads a start tag cut short by the next tag, '<a/</b>', as "
    "'<a><</a>b>' and shows the text '<b>'; an HTML parser, and the fast path, read one tag "
    "and show nothing",
)
def test_a_start_tag_cut_short_by_the_next_shows_the_same_on_both_paths() -> None:
    """Found by the RSS property above (2026-11-27); kept as the minimal example."""
    body = (
        b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
        b"<link>http://site.example/</link>"
        b"<item><description>&lt;a/&lt;/b&gt;</description></item></channel></rss>"
    )
    fast = parse_fast(body, url=FEED_URL, headers={})
    assert fast is not None
    reference = parse_with_feedparser(body, url=FEED_URL, headers={})
    assert _shown(fast.entries[0].summary_html) == _shown(reference.entries[0].summary_html)


_TWO_DIGITS = st.integers(0, 99).map(lambda n: f"{n:02d}")
_YEARS = st.sampled_from([1, 99, 1899, 1969, 1970, 1971, 2000, 2024, 2038, 2200, 2201, 9999])


@st.composite
def _rfc822_dates(draw: st.DrawFn) -> str:
    weekday = draw(st.sampled_from(["", "Wed, ", "Xyz, ", "Mon,", "sun,  ", "Monday, "]))
    month = draw(st.sampled_from(["Jan", "Feb", "oct", "Dec", "Xyz", "MAY"]))
    zone = draw(
        st.sampled_from(["GMT", "UTC", "+0000", "-0500", "+0530", "+9999", "-2400", "+1459"])
    )
    clock = f"{draw(_TWO_DIGITS)}:{draw(_TWO_DIGITS)}:{draw(_TWO_DIGITS)}"
    return f"{weekday}{draw(st.integers(0, 40)):02d} {month} {draw(_YEARS):04d} {clock} {zone}"


@st.composite
def _iso_dates(draw: st.DrawFn) -> str:
    day = f"{draw(_YEARS):04d}-{draw(st.integers(0, 13)):02d}-{draw(st.integers(0, 32)):02d}"
    clock = f"{draw(_TWO_DIGITS)}:{draw(_TWO_DIGITS)}:{draw(_TWO_DIGITS)}"
    fraction = draw(st.sampled_from(["", ".5", ".123456", ".1234567891"]))
    zone = draw(st.sampled_from(["Z", "+00:00", "-05:00", "+05:30", "+99:99", "-23:59", "+14:00"]))
    return f"{day}T{clock}{fraction}{zone}"


@settings(max_examples=1000)
@given(st.one_of(_rfc822_dates(), _iso_dates()))
def test_fast_date_parser_agrees_with_feedparser(date: str) -> None:
    assert fast_date(date) == struct_to_datetime(feedparser_parse_date(date))
