from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from reader.errors import ImportFormatError
from reader.importing.opml import (
    NewsboatImport,
    Subscription,
    read_newsboat_urls,
    read_opml,
    write_opml,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "opml"


def test_feedly_export_folders_and_duplicate_across_categories() -> None:
    subscriptions = read_opml((DATA / "feedly.opml").read_bytes())

    assert subscriptions == [
        Subscription("https://jalopnik.com/rss", "Jalopnik", "Cars", "https://jalopnik.com"),
        Subscription("https://electrek.co/feed/", "Electrek", "Cars", "https://electrek.co"),
        Subscription(
            "https://feeds.arstechnica.com/arstechnica/index",
            "Ars Technica",
            "Tech & Science",
            "https://arstechnica.com",
        ),
        Subscription(
            "https://asia.nikkei.com/rss/feed/nar",
            "Nikkei Asia — Business",
            "Tech & Science",
            "https://asia.nikkei.com",
        ),
    ]


def test_miniflux_export_categories_without_type() -> None:
    subscriptions = read_opml((DATA / "miniflux.opml").read_bytes())

    assert [(s.folder, s.title) for s in subscriptions] == [
        ("All", "Daring Fireball"),
        ("All", "Miniflux"),
        ("Automotive", "Honda Global News"),
        ("Automotive", "Toyota Times"),
    ]
    assert subscriptions[2].url == "https://global.honda/en/newsroom/rss.xml?lang=en&type=all"
    assert subscriptions[2].site_url == "https://global.honda/en/newsroom/"


def test_newsboat_export_is_flat_and_keeps_file_urls() -> None:
    subscriptions = read_opml((DATA / "newsboat.opml").read_bytes())

    assert [s.title for s in subscriptions] == [
        "LWN.net",
        "heise online News",
        "Rust Blog",
        "Local test feed",
    ]
    assert all(s.folder is None for s in subscriptions)
    assert subscriptions[3] == Subscription("file:///home/jane/feeds/local.xml", "Local test feed")


def test_nested_folders_are_joined_and_title_falls_back_to_text() -> None:
    data = b"""<?xml version="1.0" encoding="UTF-8"?>
    <opml version="2.0"><head/><body>
      <outline text="Tech">
        <outline title="Cars" text="ignored">
          <outline type="atom" text="Only text" xmlUrl="https://a.example/atom"/>
        </outline>
        <outline xmlUrl="https://b.example/rss" title="  Spaced  "/>
      </outline>
      <outline text="" ><outline type="RSS" xmlUrl="https://c.example/"/></outline>
    </body></opml>"""

    assert read_opml(data) == [
        Subscription("https://a.example/atom", "Only text", "Tech/Cars"),
        Subscription("https://b.example/rss", "Spaced", "Tech"),
        Subscription("https://c.example/"),
    ]


def test_unfetchable_schemes_and_non_feed_types_are_skipped() -> None:
    data = b"""<opml version="1.0"><body>
      <outline text="js" xmlUrl="javascript:alert(1)"/>
      <outline text="ftp" xmlUrl="ftp://example.com/feed"/>
      <outline text="link" type="link" xmlUrl="https://example.com/page"/>
      <outline text="include" type="include" xmlUrl="https://example.com/more.opml"/>
      <outline text="bad" xmlUrl="http://[::1"/>
      <outline text="ok" xmlurl="HTTPS://example.com/feed"/>
    </body></opml>"""

    assert read_opml(data) == [Subscription("HTTPS://example.com/feed", "ok")]


def test_opml_with_utf16_encoding_and_namespace() -> None:
    text = (
        '<?xml version="1.0" encoding="UTF-16"?>'
        '<opml xmlns="http://example.com/ns" version="2.0"><body>'
        '<outline text="Économie" xmlUrl="https://lesechos.example/rss"/></body></opml>'
    )

    assert read_opml(text.encode("utf-16")) == [
        Subscription("https://lesechos.example/rss", "Économie")
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<opml><body><outline></body></opml>", "not an OPML file: XML error at line 1"),
        (
            b"<opml>\n<body>\n<outline text='a'\n</body></opml>",
            "not an OPML file: XML error at line 4",
        ),
        (b"", "not an OPML file: XML error at line 1"),
        (b"<html><body/></html>", "not an OPML file"),
        (b"<opml version='2.0'><head/></opml>", "not an OPML file"),
        (b"<rss><channel/></rss>", "not an OPML file"),
    ],
)
def test_invalid_documents(data: bytes, message: str) -> None:
    with pytest.raises(ImportFormatError) as caught:
        read_opml(data)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x "boom">]>'
        b'<opml><body><outline text="&x;" xmlUrl="https://a/"/></body></opml>',
        b'<!DOCTYPE opml SYSTEM "http://127.0.0.1:1/evil.dtd"><opml><body/></opml>',
        b'<!DOCTYPE opml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b'<opml><body><outline text="&xxe;" xmlUrl="https://a/"/></body></opml>',
        b'<!DOCTYPE lolz [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><opml><body><outline text="&c;"/></body></opml>',
        b'<!DOCTYPE opml SYSTEM "/dev/zero"><opml><body/></opml>',
        b'<!DOCTYPE opml SYSTEM "/etc/passwd"><opml><body/></opml>',
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE opml SYSTEM "/dev/zero"><opml/>'.encode(
            "utf-16"
        ),
        '<!DOCTYPE opml SYSTEM "/dev/zero"><opml/>'.encode("utf-16-be"),
        '<!DOCTYPE opml SYSTEM "/dev/zero"><opml/>'.encode("utf-32"),
    ],
)
def test_doctype_is_rejected(data: bytes) -> None:
    with pytest.raises(ImportFormatError, match="DOCTYPE"):
        read_opml(data)


def test_undefined_entity_is_an_xml_error() -> None:
    with pytest.raises(ImportFormatError, match="XML error at line 1"):
        read_opml(b'<opml><body><outline text="&nbsp;" xmlUrl="https://a/"/></body></opml>')


def test_write_opml_structure_and_escaping() -> None:
    data = write_opml(
        [
            Subscription("https://a.example/rss?x=1&y=2", 'A & "B" <C>', "Tech/Cars", "https://a/"),
            Subscription("https://b.example/feed"),
        ],
        title="Jane's feeds",
    )

    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    root = etree.fromstring(data)
    assert root.get("version") == "2.0"
    assert root.findtext("head/title") == "Jane's feeds"
    tech = root.find("body/outline")
    assert tech is not None
    assert (tech.get("text"), tech.get("title"), tech.get("xmlUrl")) == ("Tech", "Tech", None)
    feed = tech.find("outline/outline")
    assert feed is not None
    assert dict(feed.attrib) == {
        "type": "rss",
        "text": 'A & "B" <C>',
        "title": 'A & "B" <C>',
        "xmlUrl": "https://a.example/rss?x=1&y=2",
        "htmlUrl": "https://a/",
    }
    untitled = root.findall("body/outline")[1]
    assert dict(untitled.attrib) == {"type": "rss", "text": "", "xmlUrl": "https://b.example/feed"}


def test_write_opml_groups_folders_in_first_seen_order() -> None:
    subscriptions = [
        Subscription("https://1/", "one", "B"),
        Subscription("https://2/", "two"),
        Subscription("https://3/", "three", "A"),
        Subscription("https://4/", "four", "B"),
    ]

    assert [s.url for s in read_opml(write_opml(subscriptions))] == [
        "https://1/",
        "https://4/",
        "https://2/",
        "https://3/",
    ]


def test_write_opml_drops_characters_xml_cannot_carry() -> None:
    data = write_opml([Subscription("https://a/", "bell\x07 and\x00 nul\ud800")])

    assert read_opml(data) == [Subscription("https://a/", "bell and nul")]


def test_round_trip_of_sample_files() -> None:
    for name in ("feedly.opml", "miniflux.opml", "newsboat.opml"):
        subscriptions = read_opml((DATA / name).read_bytes())
        assert read_opml(write_opml(subscriptions)) == subscriptions


_xml_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
    min_size=1,
    max_size=20,
).filter(lambda text: text == text.strip())
_folder_part = _xml_text.filter(lambda text: "/" not in text)
_subscription = st.builds(
    Subscription,
    url=st.from_regex(r"\Ahttps?://[a-z0-9.-]{1,20}/[a-zA-Z0-9/?=&%._~-]{0,20}\Z"),
    title=st.none() | _xml_text,
    folder=st.none() | st.lists(_folder_part, min_size=1, max_size=3).map("/".join),
    site_url=st.none() | st.just("https://example.com/"),
)


@given(st.lists(_subscription, max_size=12, unique_by=lambda s: s.url))
def test_round_trip_property(subscriptions: list[Subscription]) -> None:
    result = read_opml(write_opml(subscriptions))

    assert sorted(result, key=lambda s: s.url) == sorted(subscriptions, key=lambda s: s.url)
    for folder in {s.folder for s in subscriptions}:
        assert [s for s in result if s.folder == folder] == [
            s for s in subscriptions if s.folder == folder
        ]


def test_newsboat_urls_file() -> None:
    result = read_newsboat_urls((DATA / "urls").read_text(encoding="utf-8"))

    assert result == NewsboatImport(
        subscriptions=[
            Subscription("https://lwn.net/headlines/rss", "LWN", "linux"),
            Subscription("https://www.heise.de/rss/heise-atom.xml", None, "tech news"),
            Subscription("https://blog.rust-lang.org/feed.xml", 'Rust "official" blog', "rust"),
            Subscription("https://example.org/feed"),
        ],
        skipped=[
            '"query:Unread Articles:unread = \\"yes\\""',
            "exec:~/bin/weather-feed",
            "filter:~/bin/clean.py:https://example.com/messy.xml",
            "not a url at all",
        ],
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("https://a/", Subscription("https://a/")),
        ("  https://a/  ", Subscription("https://a/")),
        (
            'https://a/ "~Title with spaces" tag',
            Subscription("https://a/", "Title with spaces", "tag"),
        ),
        ('https://a/ ! "~T"', Subscription("https://a/", "T")),
        ('https://a/ "unterminated tag', Subscription("https://a/", None, "unterminated tag")),
        ("https://a/ ~ first second", Subscription("https://a/", None, "first")),
        ("\ufeffhttps://a/", Subscription("https://a/")),
        ("file:///tmp/feed.xml", Subscription("file:///tmp/feed.xml")),
    ],
)
def test_newsboat_line_forms(line: str, expected: Subscription) -> None:
    assert read_newsboat_urls(line).subscriptions == [expected]


def test_newsboat_empty_and_comments() -> None:
    assert read_newsboat_urls("\n# only a comment\n   \n") == NewsboatImport([], [])


@given(st.text())
def test_newsboat_never_raises(text: str) -> None:
    result = read_newsboat_urls(text)
    assert all(
        s.url.split(":", 1)[0].lower() in {"http", "https", "file"} for s in result.subscriptions
    )
