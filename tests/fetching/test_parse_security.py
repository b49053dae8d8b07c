"""Hostile XML: entity expansion and external entities must never be resolved, whichever parser
ends up reading the document."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.errors import ParseError
from reader.fetching.fastxml import parse_fast
from reader.fetching.parse import parse_document, prepare_feed

URL = "http://example.com/feed.xml"

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>t</title>
<item><title>&lol9;</title><description>&lol9;</description><guid>1</guid></item>
</channel></rss>
"""


def _external_entity_feed(target: Path) -> bytes:
    return f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{target}">]>
<rss version="2.0"><channel><title>t</title>
<item><title>leak &xxe;</title><description>&xxe;</description><guid>1</guid></item>
</channel></rss>
""".encode()


def _all_text(body: bytes) -> str:
    try:
        prepared = prepare_feed(body, URL, {})
    except ParseError:
        return ""
    return " ".join(
        f"{d.title} {d.summary_html} {d.content_html} {d.clean_text}" for d in prepared.drafts
    )


def test_billion_laughs_is_not_expanded() -> None:
    assert parse_fast(BILLION_LAUGHS, url=URL, headers={}) is None
    assert "lollollol" not in _all_text(BILLION_LAUGHS)


def test_external_entity_is_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    body = _external_entity_feed(secret)
    assert parse_fast(body, url=URL, headers={}) is None
    assert "TOP-SECRET-CONTENT" not in _all_text(body)


def test_etc_passwd_is_not_read() -> None:
    passwd = Path("/etc/passwd")
    if not passwd.exists():
        pytest.skip("no /etc/passwd here")
    body = _external_entity_feed(passwd)
    assert "root:" not in _all_text(body)


def test_external_dtd_is_not_fetched(tmp_path: Path) -> None:
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY leak "DTD-WAS-LOADED">')
    body = (
        f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "file://{dtd}">'
        '<rss version="2.0"><channel><item><title>&leak;</title><guid>1</guid></item>'
        "</channel></rss>"
    ).encode()
    assert "DTD-WAS-LOADED" not in _all_text(body)


def test_parse_document_returns_or_raises_cleanly_for_hostile_documents() -> None:
    for body in (BILLION_LAUGHS, _external_entity_feed(Path("/etc/passwd"))):
        try:
            feed = parse_document(body, url=URL)
        except ParseError:
            continue
        assert feed.parser == "feedparser"
