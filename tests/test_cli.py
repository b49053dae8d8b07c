"""The `reader` command as a script would use it: real SQLite files, real HTTP on 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import build_parser, main, opens_the_app
from reader.output import marked_snippet
from reader.storage.search import HIGHLIGHT_END, HIGHLIGHT_START

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Car News</title><link>https://cars.example/</link>
<item><title>Honda and Nissan plan joint US models</title><link>https://cars.example/1</link>
<guid>cars-1</guid><pubDate>Mon, 02 Jun 2025 10:00:00 +0000</pubDate>
<description>&lt;p&gt;Honda and Nissan are working together on powertrains.&lt;/p&gt;
</description></item>
<item><title>BYD cuts prices again</title><link>https://cars.example/2</link>
<guid>cars-2</guid><pubDate>Sun, 01 Jun 2025 10:00:00 +0000</pubDate>
<description>&lt;p&gt;Chinese automaker BYD lowered prices in Europe.&lt;/p&gt;</description></item>
</channel></rss>"""


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "reader.db"


def run(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_json(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> object:
    code, out, err = run(db, *args, "--json", capsys=capsys)
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def cars_feed(httpserver: HTTPServer) -> str:
    httpserver.expect_request("/feed.xml").respond_with_data(
        RSS, content_type="application/rss+xml"
    )
    return httpserver.url_for("/feed.xml")


def test_help_names_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for command in (
        "add",
        "remove",
        "feeds",
        "fetch",
        "import-opml",
        "export-opml",
        "list",
        "show",
        "search",
        "mark-read",
        "mark-unread",
        "star",
        "unstar",
    ):
        assert command in out


@pytest.mark.parametrize(
    "argv",
    [[], ["--db", "x.db"], ["--db=x.db", "-v"], ["-vv", "--demo"], ["--db", "list"]],
)
def test_options_that_open_the_app_read_the_same_without_the_commands(argv: list[str]) -> None:
    """The app's start skips building the commands' parsers; it must not change a meaning."""
    assert opens_the_app(argv)
    short = build_parser(with_commands=False).parse_args(argv)
    assert vars(short) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv", [["--help"], ["list"], ["--db", "x.db", "feeds"], ["--db"], ["-x"], ["--version"]]
)
def test_anything_else_gets_the_whole_parser(argv: list[str]) -> None:
    assert not opens_the_app(argv)


def test_unknown_option_is_a_usage_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(db), "list", "--bogus"])
    assert exit_info.value.code == 2


def test_empty_database_says_how_to_add_feeds(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(db, "feeds", capsys=capsys)
    assert code == 0
    assert "reader add URL" in out


def test_add_stores_the_first_fetch(
    db: Path, cars_feed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    added = run_json(db, "add", cars_feed, "--folder", "Cars", capsys=capsys)
    assert added["title"] == "Car News"
    assert added["folder"] == "Cars"
    assert added["new"] == 2
    articles = run_json(db, "list", capsys=capsys)
    assert [a["title"] for a in articles] == [
        "Honda and Nissan plan joint US models",
        "BYD cuts prices again",
    ]
    assert set(articles[0]) >= {
        "id",
        "feed_id",
        "feed",
        "title",
        "url",
        "author",
        "published",
        "read",
        "starred",
        "companies",
    }
    assert articles[0]["published"] == "2025-06-02T10:00:00Z"


def test_add_finds_the_feed_linked_from_a_web_page(
    db: Path, httpserver: HTTPServer, cars_feed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    page = b'<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml">'
    page += b"</head></html>"
    httpserver.expect_request("/").respond_with_data(page, content_type="text/html")
    added = run_json(db, "add", httpserver.url_for("/"), capsys=capsys)
    assert added["url"] == cars_feed
    assert added["discovered_from"] == httpserver.url_for("/")


def test_page_with_several_feeds_needs_a_choice_when_not_interactive(
    db: Path, httpserver: HTTPServer, cars_feed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    page = (
        b'<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml">'
        b'<link rel="alternate" type="application/atom+xml" href="/atom.xml"></head></html>'
    )
    httpserver.expect_request("/").respond_with_data(page, content_type="text/html")
    code, _, err = run(db, "add", httpserver.url_for("/"), capsys=capsys)
    assert code == 1
    assert "--first" in err
    code, out, _ = run(db, "add", httpserver.url_for("/"), "--first", capsys=capsys)
    assert code == 0
    assert cars_feed in out


def test_adding_the_same_feed_twice_is_a_usage_error(
    db: Path, cars_feed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db, "add", cars_feed, capsys=capsys)[0] == 0
    code, _, err = run(db, "add", cars_feed, capsys=capsys)
    assert code == 2
    assert "already subscribed" in err


def test_fetch_reports_each_failure_and_exits_1(
    db: Path, httpserver: HTTPServer, cars_feed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    httpserver.expect_request("/gone.xml").respond_with_data("gone", status=404)
    httpserver.expect_request("/page.html").respond_with_data(
        "<html><body>hello</body></html>", content_type="text/html"
    )
    for url in (cars_feed, httpserver.url_for("/gone.xml"), httpserver.url_for("/page.html")):
        assert run(db, "add", url, "--no-fetch", capsys=capsys)[0] == 0
    code, out, _ = run(db, "fetch", "--json", capsys=capsys)
    assert code == 1
    report = json.loads(out)
    assert (report["new"], report["failed"]) == (2, 2)
    errors = {f["url"].rsplit("/", 1)[1]: f["error"] for f in report["feeds"]}
    assert errors["gone.xml"].startswith("HTTP 404")
    assert "HTML page" in errors["page.html"]
    assert errors["feed.xml"] is None
    feeds = {f["url"].rsplit("/", 1)[1]: f for f in run_json(db, "feeds", capsys=capsys)}
    assert feeds["gone.xml"]["last_status"] == "failed"
    assert feeds["gone.xml"]["last_error"].startswith("HTTP 404")
    assert feeds["feed.xml"]["unread"] == 2


def test_second_fetch_of_an_unchanged_feed_is_not_modified(
    db: Path, feedserver: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db, "add", f"{feedserver}/reader--full.rss", capsys=capsys)[0] == 0
    report = run_json(db, "fetch", capsys=capsys)
    assert report["not_modified"] == 1
    assert report["feeds"][0]["outcome"] == "not-modified"


def test_show_prints_text_raw_html_and_json(
    db: Path, cars_feed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    run(db, "add", cars_feed, capsys=capsys)
    first = run_json(db, "list", capsys=capsys)[0]["id"]
    code, out, _ = run(db, "show", str(first), capsys=capsys)
    assert code == 0
    assert "Honda and Nissan are working together on powertrains." in out
    assert "<p>" not in out
    code, out, _ = run(db, "show", str(first), "--raw", capsys=capsys)
    assert "<p>Honda and Nissan" in out
    full = run_json(db, "show", str(first), capsys=capsys)
    assert full["text"].strip() == "Honda and Nissan are working together on powertrains."


def test_unknown_article_is_a_usage_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(db, "show", "999", capsys=capsys)
    assert code == 2
    assert "no article with id 999" in err


def test_mark_and_star_change_listings(
    db: Path, cars_feed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    run(db, "add", cars_feed, capsys=capsys)
    ids = [a["id"] for a in run_json(db, "list", capsys=capsys)]
    assert run(db, "mark-read", str(ids[0]), capsys=capsys)[0] == 0
    assert run(db, "star", str(ids[1]), capsys=capsys)[0] == 0
    assert [a["id"] for a in run_json(db, "list", "--unread", capsys=capsys)] == [ids[1]]
    assert [a["id"] for a in run_json(db, "list", "--starred", capsys=capsys)] == [ids[1]]
    run(db, "mark-unread", str(ids[0]), capsys=capsys)
    run(db, "unstar", str(ids[1]), capsys=capsys)
    assert len(run_json(db, "list", "--unread", capsys=capsys)) == 2
    assert run_json(db, "list", "--starred", capsys=capsys) == []


def test_search_ranks_highlights_and_filters(
    db: Path, cars_feed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    run(db, "add", cars_feed, capsys=capsys)
    hits = run_json(db, "search", "powertrains", capsys=capsys)
    assert [h["title"] for h in hits] == ["Honda and Nissan plan joint US models"]
    assert hits[0]["highlights"] == ["powertrains"]
    assert "powertrains" in hits[0]["snippet"]
    assert run_json(db, "search", "automaker", "-BYD", capsys=capsys) == []
    assert len(run_json(db, "search", "feed:car", "is:unread", capsys=capsys)) == 2
    assert run_json(db, "search", "feed:nothing-like-this", capsys=capsys) == []


@pytest.mark.parametrize(
    "query", ['"unbalanced', "OR", "-", "AND NOT", "NEAR(", "a:b:c", "*", '""']
)
def test_search_never_fails_on_odd_input(
    db: Path, cars_feed: str, query: str, capsys: pytest.CaptureFixture[str]
) -> None:
    run(db, "add", cars_feed, capsys=capsys)
    code, _, err = run(db, "search", query, capsys=capsys)
    assert code == 0, err


def test_opml_export_then_import_round_trips(
    tmp_path: Path, db: Path, cars_feed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    run(db, "add", cars_feed, "--folder", "Cars/Japan", "--title", "My cars", capsys=capsys)
    opml = tmp_path / "subs.opml"
    assert run(db, "export-opml", str(opml), capsys=capsys)[0] == 0
    other = tmp_path / "other.db"
    imported = run_json(other, "import-opml", str(opml), capsys=capsys)
    assert [(f["url"], f["title"], f["folder"]) for f in imported["added"]] == [
        (cars_feed, "My cars", "Cars/Japan")
    ]


def test_newsboat_urls_file_is_imported(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    urls = tmp_path / "urls"
    urls.write_text(
        '# my feeds\nhttps://a.example/feed.xml cars "~A Title"\n'
        'https://b.example/rss\n"query:Unread:unread = \\"yes\\""\n'
    )
    report = run_json(db, "import-newsboat", str(urls), capsys=capsys)
    assert [(f["url"], f["title"], f["folder"]) for f in report["added"]] == [
        ("https://a.example/feed.xml", "A Title", "cars"),
        ("https://b.example/rss", "https://b.example/rss", None),
    ]
    assert len(report["skipped"]) == 1


def test_remove_deletes_the_feed_and_its_articles(
    db: Path, cars_feed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    run(db, "add", cars_feed, capsys=capsys)
    code, out, _ = run(db, "remove", "Car News", "--yes", capsys=capsys)
    assert code == 0
    assert "2 articles" in out
    assert run_json(db, "list", capsys=capsys) == []


def test_reader_db_environment_variable_chooses_the_database(
    tmp_path: Path,
    cars_feed: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "from-env.db"
    monkeypatch.setenv("READER_DB", str(target))
    monkeypatch.setenv("READER_CONFIG", str(tmp_path / "missing.toml"))
    assert main(["add", cars_feed, "--no-fetch"]) == 0
    assert target.exists()


def test_installed_entry_point_runs(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "reader"
    if not script.exists():
        pytest.skip("the reader script is not installed in this environment")
    result = subprocess.run(
        [str(script), "--db", str(tmp_path / "x.db"), "feeds", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


@pytest.mark.parametrize("command", [[], ["demo"]])
def test_the_app_without_a_terminal_says_so_and_exits_at_once(
    tmp_path: Path, command: list[str]
) -> None:
    """Run from a script or a pipe, the app would spin on an input that never comes."""
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(tmp_path / "x.db"), *command],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "needs a terminal" in result.stderr
    assert "reader --help" in result.stderr


def test_a_snippet_cannot_fake_a_highlight_with_the_marks_the_printer_uses() -> None:
    snippet = f"\ue000fake\ue001 and {HIGHLIGHT_START}real{HIGHLIGHT_END}"
    assert marked_snippet(snippet, color=False) == "fake and [real]"
    assert marked_snippet(snippet, color=True) == "fake and \x1b[1mreal\x1b[0m"
