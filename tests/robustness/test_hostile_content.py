"""Hostile text in feeds, end to end: served over HTTP, fetched by `reader fetch`, then printed
by every command that shows feed text. What a feed sends is shown as plain text: no escape
sequence, bell, C1 control, bidirectional override or zero-width spoofer reaches the terminal,
Rich/Textual markup is printed literally, and no link runs anything.

(The app's side of the same promise is in tests/ui/test_hostile_text.py.)"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main

MARKUP = "[bold red]loud[/] [@click=app.quit]quit[/]"
# In the escaped HTML of a valid XML feed: the HTML parser decodes them to ESC, BEL and friends.
CSI_CLEAR = "&amp;#27;[2J"
OSC_TITLE = "&amp;#x1b;]0;PWNED&amp;#7;"
OSC_CLIPBOARD = "&amp;#27;]52;c;ZXZpbA==&amp;#7;"
OSC_LINK = "&amp;#27;]8;;https://evil.example/&amp;#27;\\click&amp;#27;]8;;&amp;#27;\\"
BIDI = "\u202egnp.exe\u202c"
ZERO_WIDTH = "pay\u200bpal"

VALID_RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Feed {MARKUP} {BIDI}</title><link>https://hostile.example/</link>
<item>
  <title>Title {MARKUP} {BIDI} {ZERO_WIDTH}</title>
  <link>https://hostile.example/a;$(touch PWNED_FILE)`id`</link>
  <guid>hostile-1</guid>
  <dc:creator>Author {MARKUP}</dc:creator>
  <pubDate>Mon, 23 Nov 2026 10:00:00 +0000</pubDate>
  <description>&lt;p&gt;Body {CSI_CLEAR} cleared {OSC_TITLE} titled {OSC_CLIPBOARD} copied
  {OSC_LINK} linked, {MARKUP}, {BIDI}, {ZERO_WIDTH}.&lt;/p&gt;
  &lt;p&gt;Links: &lt;a href="javascript:alert(1)"&gt;script&lt;/a&gt;,
  &lt;a href="file:///etc/passwd"&gt;file&lt;/a&gt;,
  &lt;a href="data:text/html,&amp;lt;script&amp;gt;alert(1)"&gt;data&lt;/a&gt;,
  &lt;a href="https://ok.example/real"&gt;real&lt;/a&gt;.&lt;/p&gt;</description>
</item>
</channel></rss>"""

# Raw control bytes make the XML ill-formed; the lenient parser still reads it, so they must be
# stripped there too.
RAW_CONTROL_RSS = (
    b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
    b"<title>Raw \x1b]0;PWNED\x07 feed</title><link>https://raw.example/</link>"
    b"<item><title>Raw \x1b[31mred\x1b[0m \x9b2J \x07bell title</title>"
    b"<link>https://raw.example/1</link><guid>raw-1</guid>"
    b"<pubDate>Mon, 23 Nov 2026 09:00:00 +0000</pubDate>"
    b"<description>Raw body \x1b[2J with \x00 a NUL and \x1b]52;c;ZXZpbA==\x07 a clipboard "
    b"write.</description></item></channel></rss>"
)

JSON_FEED = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "JSON \u001b[5mblink\u001b[0m feed",
    "items": [
        {
            "id": "json-1",
            "url": "data:text/html,<script>alert(1)</script>",
            "title": f"JSON {MARKUP} \u001b]0;PWNED\u0007",
            "date_published": "2026-11-23T08:00:00Z",
            "content_html": f"<p>JSON body \u001b[2J {BIDI} {ZERO_WIDTH}</p>",
        }
    ],
}

FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
)
"""What must never be printed: C0 controls but newline and tab, DEL, C1 controls, zero-width
spoofers and bidirectional controls."""


def forbidden_characters(text: str) -> list[str]:
    return sorted({f"U+{ord(char):04X}" for char in FORBIDDEN.findall(text)})


def strings_in(value: object) -> Iterator[str]:
    """Every string inside decoded JSON, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Three hostile feeds subscribed and fetched through the CLI (once for the module: the
    tests only read), from a working directory where a shell-injected `touch PWNED_FILE`
    would leave a trace."""
    folder = tmp_path_factory.mktemp("hostile")
    served = {
        "/valid.xml": (VALID_RSS.encode(), "application/rss+xml"),
        "/raw.xml": (RAW_CONTROL_RSS, "application/rss+xml"),
        "/feed.json": (json.dumps(JSON_FEED).encode(), "application/feed+json"),
    }
    db = folder / "hostile.db"
    with HTTPServer(host="127.0.0.1") as server, pytest.MonkeyPatch.context() as patch:
        for path, (body, content_type) in served.items():
            server.expect_request(path).respond_with_data(body, content_type=content_type)
        patch.chdir(folder)
        with contextlib.redirect_stdout(io.StringIO()):
            for path in served:
                assert main(["--db", str(db), "add", server.url_for(path)]) == 0
            assert main(["--db", str(db), "fetch", "--no-pages"]) == 0
        yield db
    assert not (folder / "PWNED_FILE").exists()


def output_of(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(["--db", str(db), *args])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out + captured.err


def article_ids(db: Path, capsys: pytest.CaptureFixture[str]) -> list[int]:
    rows = json.loads(output_of(db, capsys, "list", "--json"))
    return [row["id"] for row in rows]


def test_all_three_hostile_feeds_are_stored(
    hostile_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert len(article_ids(hostile_db, capsys)) == 3


@pytest.mark.parametrize(
    "command",
    [
        ("list",),
        ("list", "--json"),
        ("feeds",),
        ("feeds", "--json"),
        ("search", "body"),
        ("search", "body", "--json"),
        ("export-opml",),
        ("companies",),
    ],
    ids=" ".join,
)
def test_listing_commands_print_no_control_character(
    hostile_db: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    out = output_of(hostile_db, capsys, *command)
    assert forbidden_characters(out) == []
    if "--json" in command:
        decoded = "\n".join(strings_in(json.loads(out)))
        assert forbidden_characters(decoded) == []


def test_show_prints_every_article_without_control_characters(
    hostile_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for article in article_ids(hostile_db, capsys):
        for extra in ((), ("--json",)):
            out = output_of(hostile_db, capsys, "show", str(article), *extra)
            assert forbidden_characters(out) == [], (article, extra)
            if extra:
                assert forbidden_characters("\n".join(strings_in(json.loads(out)))) == []


def test_escape_sequences_go_whole_leaving_no_debris(
    hostile_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shown = "\n".join(
        output_of(hostile_db, capsys, "show", str(article))
        for article in article_ids(hostile_db, capsys)
    )
    assert "Body cleared titled copied click linked" in shown
    for debris in ("[2J", "]52;", "]8;;", "]0;PWNED", "ZXZpbA"):
        assert debris not in shown


def test_markup_is_printed_literally(
    hostile_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # titles are cut to the terminal's width
    listed = output_of(hostile_db, capsys, "list")
    assert MARKUP in listed
    assert "Feed [bold red]loud[/]" in output_of(hostile_db, capsys, "feeds")


def test_bidi_overrides_and_zero_width_characters_are_gone_from_titles(
    hostile_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = json.loads(output_of(hostile_db, capsys, "list", "--json"))
    title = next(row["title"] for row in rows if row["title"].startswith("Title"))
    assert "gnp.exe" in title
    assert "paypal" in title


def test_only_web_links_are_listed_under_an_article(
    hostile_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = json.loads(output_of(hostile_db, capsys, "list", "--json"))
    article = next(row["id"] for row in rows if row["title"].startswith("Title"))
    shown = output_of(hostile_db, capsys, "show", str(article))
    assert "https://ok.example/real" in shown
    for scheme in ("javascript:", "file:", "data:"):
        assert scheme not in shown


def test_a_link_with_shell_metacharacters_is_stored_as_text(
    hostile_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = json.loads(output_of(hostile_db, capsys, "list", "--json"))
    urls = {row["url"] for row in rows}
    assert "https://hostile.example/a;$(touch PWNED_FILE)`id`" in urls
