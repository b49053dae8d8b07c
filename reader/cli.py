"""The ``reader`` command: every sub-command is a thin call into ``Library``.

Exit codes: 0 success, 1 something failed (a feed did not update, a file could not be read),
2 usage error (bad arguments, or naming a feed or article that does not exist)."""

from __future__ import annotations

import argparse
import gc
import json
import logging
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from reader import __version__
from reader.cleaning.sanitize import one_line
from reader.config import CONFIG_KEYS, load_settings
from reader.errors import (
    ArticleNotFoundError,
    FeedExistsError,
    FeedNotFoundError,
    ReaderError,
    UsageError,
)
from reader.library import Library
from reader.models import ArticleFilter, FullText, OutcomeKind
from reader.output import (
    ARTICLE_HEADERS,
    COMPANY_HEADERS,
    FEED_HEADERS,
    article_json,
    article_rows,
    article_text,
    company_json,
    company_rows,
    detection_json,
    detection_line,
    feed_json,
    feed_rows,
    full_article_json,
    hit_json,
    marked_snippet,
    outcome_json,
    outcome_line,
    print_json,
    report_json,
    short_time,
    table,
)
from reader.storage.connection import explain_database_error
from reader.storage.sqlite import sqlite3
from reader.storage.tags import CompanyNotFoundError

if TYPE_CHECKING:
    from reader.fetching.discovery import DiscoveredFeed
    from reader.models import Feed, FeedOutcome, RefreshReport

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
USAGE_ERRORS = (
    FeedNotFoundError,
    ArticleNotFoundError,
    FeedExistsError,
    CompanyNotFoundError,
    UsageError,
)

Handler = Callable[[Library, argparse.Namespace], int]
T = TypeVar("T")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(with_commands=not opens_the_app(argv))
    args, extras = parser.parse_known_args(argv)
    if extras and args.command != "search":
        parser.error(f"unrecognized arguments: {' '.join(extras)}")
    if args.command == "search":
        args.query = _search_words(argv, args.query, extras)
        if not args.query:
            parser.error("search needs a query")
    logging.basicConfig(
        level=logging.DEBUG
        if args.verbose > 1
        else logging.INFO
        if args.verbose
        else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if args.verbose < 2:  # trafilatura warns about every page without an article
        logging.getLogger("trafilatura").setLevel(logging.ERROR)
    if args.command in (None, "demo"):
        return start_app(args)
    if args.command == "extract":  # works on a file or URL alone, without a database
        return _guarded(lambda: cmd_extract(args))
    if args.command == "companies" and args.action == "detect":  # no database either
        return _guarded(lambda: cmd_detect(args))
    if args.command == "check":  # reads the file as it is: no migration, works on a damaged one
        return _guarded(lambda: cmd_check(args))
    try:
        library = Library.open(load_settings(args.db))
    except ReaderError as err:
        return fail(str(err), EXIT_FAILED)
    try:
        return args.handler(library, args)
    except USAGE_ERRORS as err:
        return fail(str(err), EXIT_USAGE)
    except ReaderError as err:
        return fail(str(err), EXIT_FAILED)
    except sqlite3.DatabaseError as err:  # a damaged page met after the file opened fine
        return fail(explain_database_error(library.storage.path, err), EXIT_FAILED)
    except KeyboardInterrupt:
        return fail("interrupted; everything stored before this point is kept", 130)
    finally:
        library.close()


def _search_words(argv: list[str], words: list[str], extras: list[str]) -> list[str]:
    """``reader search honda -nissan``: argparse takes ``-nissan`` for an option it does not
    know; put such words back into the query, in the order they were typed."""
    wanted = list(words) + list(extras)
    ordered: list[str] = []
    for token in argv[argv.index("search") + 1 :]:
        if token in wanted:
            wanted.remove(token)
            ordered.append(token)
    return ordered


def _guarded(command: Callable[[], int]) -> int:
    try:
        return command()
    except UsageError as err:
        return fail(str(err), EXIT_USAGE)
    except ReaderError as err:
        return fail(str(err), EXIT_FAILED)


def fail(message: str, code: int) -> int:
    print(f"reader: {one_line(message)}", file=sys.stderr)
    return code


def start_app(args: argparse.Namespace) -> int:
    """Open the Textual app. It is imported here (the other commands never pay for it), and
    only once the first rows are being read: SQLite works while Textual loads."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        # without a terminal to read keys from, the app would spin on an empty input for ever
        return fail(
            "the app needs a terminal to run in (standard input and output are not one); "
            "in scripts use the commands: reader --help",
            EXIT_USAGE,
        )
    # Loading Textual and drawing the first frame allocate a million objects, and the cyclic
    # garbage collector would scan them again and again (0.1 s); the app turns it back on.
    gc.disable()
    from reader.demo import demo_settings, open_demo
    from reader.views import read_opening_ahead

    try:
        settings = load_settings(args.db)
        if getattr(args, "demo", False):
            library = open_demo(demo_settings(settings))
        else:
            library = Library.open(settings)
    except ReaderError as err:
        return fail(str(err), EXIT_FAILED)
    try:
        opening = (
            read_opening_ahead(library, settings.app.show_read) if library.has_feeds() else None
        )
        from reader.app import ReaderApp

        app = ReaderApp(
            library, opening=opening, open_demo=lambda: open_demo(demo_settings(settings))
        )
        app.run()
    finally:
        library.close()
    return EXIT_OK


# -- parser -------------------------------------------------------------------------------------


def opens_the_app(argv: Sequence[str]) -> bool:
    """Whether ``argv`` holds only the options that open the app (``--db PATH``, ``-v``,
    ``--demo``). Then the parser is built without its commands, which take 10 ms of the app's
    start; anything else (a command, ``--help``, a typo) gets the whole parser."""
    tokens = iter(argv)
    for token in tokens:
        if token == "--db":
            if next(tokens, None) is None:
                return False
        elif not (token.startswith("--db=") or token in APP_OPTIONS):
            return False
    return True


APP_OPTIONS = frozenset({"--demo", "--verbose", "-v", "-vv", "-vvv"})


def build_parser(*, with_commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="A fast terminal news reader. With no command, opens the app.",
        epilog="Database: --db, else $READER_DB, else the user data folder. "
        "Config keys: " + "; ".join(f"{k}: {v}" for k, v in CONFIG_KEYS.items()),
    )
    parser.add_argument("--version", action="version", version=f"reader-tui {__version__}")
    parser.add_argument(
        "--db", metavar="PATH", help="database file (default: $READER_DB or the user data folder)"
    )
    parser.add_argument(
        "-v", "--verbose", action="count", default=0, help="log more (-vv for debug)"
    )
    parser.add_argument(
        "--demo", action="store_true", help="open the app on the demo database (as `reader demo`)"
    )
    parser.set_defaults(command=None)
    if not with_commands:
        return parser
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(command=name, handler=handler)
        return sub

    sub = command(
        "demo", cmd_demo, "open the app on a demo database of bundled feeds (no network needed)"
    )
    sub.set_defaults(demo=True)
    sub = command("add", cmd_add, "subscribe to a feed (a web page's feed is found for you)")
    sub.add_argument("url", help="feed URL, web page URL, or a local file path")
    sub.add_argument("--title", help="your own title for the feed")
    sub.add_argument("--folder", help="folder (category) to put it in")
    sub.add_argument(
        "--first", action="store_true", help="when a page links several feeds, take the first"
    )
    sub.add_argument("--no-fetch", action="store_true", help="subscribe without fetching now")
    _json_flag(sub)

    sub = command("remove", cmd_remove, "unsubscribe from a feed and delete its articles")
    sub.add_argument("feed", help="feed id, URL or title")
    sub.add_argument("-y", "--yes", action="store_true", help="do not ask for confirmation")

    sub = command("rename", cmd_rename, "give a feed your own title (empty to restore the feed's)")
    sub.add_argument("feed", help="feed id, URL or title")
    sub.add_argument("title")

    sub = command("move", cmd_move, "put a feed in a folder (empty for none)")
    sub.add_argument("feed", help="feed id, URL or title")
    sub.add_argument("folder")

    sub = command("feeds", cmd_feeds, "list feeds with their status, last error and counts")
    _json_flag(sub)

    sub = command("fetch", cmd_fetch, "fetch feeds now (all of them by default)")
    sub.add_argument("feeds", nargs="*", metavar="FEED", help="feed ids, URLs or titles")
    sub.add_argument(
        "--concurrency", type=_positive_int, help="requests in flight at once (default 16)"
    )
    sub.add_argument(
        "--force", action="store_true", help="ignore back-off after failures and Retry-After"
    )
    sub.add_argument("-q", "--quiet", action="store_true", help="no progress, print only failures")
    sub.add_argument(
        "--no-pages", action="store_true", help="do not read article pages this time (full text)"
    )
    sub.add_argument(
        "--progress-json",
        action="store_true",
        help="for programs: a JSON line per feed as it finishes ({progress: {done, total, "
        "outcome}}), then {report: ...} (the app runs refreshes this way)",
    )
    _json_flag(sub)

    sub = command("import-opml", cmd_import_opml, "subscribe to every feed of an OPML file")
    sub.add_argument("file", type=Path)
    _json_flag(sub)

    sub = command(
        "import-newsboat", cmd_import_newsboat, "subscribe to every feed of a newsboat urls file"
    )
    sub.add_argument("file", type=Path)
    _json_flag(sub)

    sub = command("export-opml", cmd_export_opml, "write all subscriptions as OPML")
    sub.add_argument("file", nargs="?", type=Path, help="output file (default: standard output)")

    sub = command("list", cmd_list, "list articles, newest first")
    sub.add_argument("--unread", action="store_true", help="only unread articles")
    sub.add_argument("--starred", action="store_true", help="only starred articles")
    sub.add_argument("--feed", action="append", default=[], help="only this feed (repeatable)")
    sub.add_argument(
        "--company", action="append", default=[], help="only articles tagged with this company"
    )
    sub.add_argument("--since", type=_date, help="published on or after YYYY-MM-DD")
    sub.add_argument("--limit", type=_positive_int, default=50, help="how many (default 50)")
    _json_flag(sub)

    sub = commands.add_parser(
        "extract",
        help="print the cleaned article of one web page (a URL, or a local .html/.html.gz)",
        description="Print the cleaned article of one web page, boilerplate removed. Needs no "
        "database.",
    )
    sub.set_defaults(command="extract")
    sub.add_argument("page", help="a URL, or a local .html or .html.gz file")
    sub.add_argument(
        "--format",
        choices=("text", "numbered", "markdown"),
        default="text",
        help="text: plain paragraphs (default); numbered: links as 'anchor [n]' with the list "
        "of links at the end; markdown: links as [anchor][n] with references",
    )
    sub.add_argument("--url", help="the page's address, for a local file (resolves links)")

    sub = command(
        "show", cmd_show, "print an article's cleaned text, with its links numbered at the end"
    )
    sub.add_argument("id", type=int)
    sub.add_argument("--raw", action="store_true", help="the feed item's HTML instead")
    _json_flag(sub)

    sub = command(
        "companies",
        cmd_companies,
        "companies with article and unread counts; `companies detect FILE` finds the companies "
        "in an article (title on the first line, a blank line, then the text; - for standard "
        "input), with salience and evidence",
    )
    sub.add_argument("action", nargs="?", choices=["detect"], help="detect: see above")
    sub.add_argument("file", nargs="?", help="the article file for detect")
    _json_flag(sub)

    sub = command(
        "company",
        cmd_company,
        "`company add NAME [--alias A ...]`: a company of your own, or more aliases for one",
    )
    sub.add_argument("action", choices=["add"])
    sub.add_argument("name")
    sub.add_argument("--alias", action="append", default=[], help="another name (repeatable)")

    sub = command("watch", cmd_watch, "follow a company: tag its articles, stored and new")
    sub.add_argument("company", help="a name or alias (the built-in directory's, or your own)")
    sub = command("unwatch", cmd_unwatch, "stop following a company (its tags stay)")
    sub.add_argument("company")
    sub = command("tag", cmd_tag, "tag an article with a company")
    sub.add_argument("id", type=int)
    sub.add_argument("company")
    sub = command(
        "untag", cmd_untag, "remove a company tag (remembered: detection never adds it back)"
    )
    sub.add_argument("id", type=int)
    sub.add_argument("company")
    command("retag", cmd_retag, "look for the watched companies in every stored article again")
    command(
        "check",
        lambda _library, args: cmd_check(args),
        "check that the database file is whole (SQLite's integrity check and the search "
        "index's); when it is not, say how to restore the backup made before each upgrade "
        "(DB.bak-vN) or salvage the rest with `sqlite3 DB .recover`. Exit code 1 when damaged",
    )

    sub = command(
        "reclean",
        cmd_reclean,
        "re-make stored article texts with this version's cleaner (after an upgrade)",
    )
    sub.add_argument(
        "--all", action="store_true", help="every article, not only those an older cleaner made"
    )

    sub = command(
        "full-text",
        cmd_full_text,
        "show or set when a feed's articles are read from their web page: auto (when the feed "
        "gives only a summary; the default), always, or never",
    )
    sub.add_argument("feed", help="feed id, URL or title")
    sub.add_argument("mode", nargs="?", choices=[mode.value for mode in FullText])

    sub = command(
        "search",
        cmd_search,
        'search articles: words, "phrases", -word, a OR b, prefix*, feed:NAME, company:NAME, '
        "is:unread|read|starred, before:YYYY-MM-DD, after:YYYY-MM-DD",
    )
    sub.add_argument("query", nargs="*", help="a leading -word excludes it (no need for --)")
    sub.add_argument("--limit", type=_positive_int, default=20, help="how many (default 20)")
    _json_flag(sub)

    for name, handler, text in (
        ("mark-read", cmd_mark_read, "mark articles read"),
        ("mark-unread", cmd_mark_unread, "mark articles unread"),
        ("star", cmd_star, "star articles"),
        ("unstar", cmd_unstar, "unstar articles"),
    ):
        sub = command(name, handler, text)
        sub.add_argument("ids", nargs="+", type=int, metavar="ID")
    return parser


def _json_flag(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--json", action="store_true", help="print JSON (shape documented in the README)"
    )


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _date(text: str) -> datetime:
    try:
        return datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None


# -- feeds --------------------------------------------------------------------------------------


def cmd_add(library: Library, args: argparse.Namespace) -> int:
    chooser = None if args.first else _ask_which_feed
    import asyncio

    added = asyncio.run(
        library.add_feed(
            args.url, title=args.title, folder=args.folder, choose=chooser, fetch=not args.no_fetch
        )
    )
    if args.json:
        print_json(
            {
                **feed_json(added.feed),
                "new": added.new_articles,
                "discovered_from": added.discovered_from,
            }
        )
        return EXIT_OK
    found = f" (found on {added.discovered_from})" if added.discovered_from else ""
    print(
        f"added {added.feed.display_title} <{added.feed.url}>{found}: {added.new_articles} articles"
    )
    return EXIT_OK


def _ask_which_feed(candidates: Sequence[DiscoveredFeed]) -> DiscoveredFeed | None:
    if len(candidates) == 1:
        return candidates[0]
    if not sys.stdin.isatty():
        listing = "; ".join(c.url for c in candidates)
        raise ReaderError(
            f"the page links {len(candidates)} feeds ({listing}): add one of them, or pass --first"
        )
    print("This page links several feeds:", file=sys.stderr)
    for number, candidate in enumerate(candidates, 1):
        label = one_line(candidate.title or candidate.media_type or "")
        print(f"  {number}. {candidate.url}  {label}", file=sys.stderr)
    answer = input(f"Which one? [1-{len(candidates)}, enter for 1, q to cancel] ").strip()
    if answer.lower() == "q":
        return None
    index = int(answer) - 1 if answer.isdigit() else 0
    return candidates[index] if 0 <= index < len(candidates) else None


def cmd_remove(library: Library, args: argparse.Namespace) -> int:
    feed = library.find_feed(args.feed)
    if not args.yes and sys.stdin.isatty():
        answer = input(f"Remove {feed.display_title} and its {feed.article_count} articles? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("kept")
            return EXIT_OK
    library.remove_feed(str(feed.id))
    print(f"removed {feed.display_title} ({feed.article_count} articles)")
    return EXIT_OK


def cmd_rename(library: Library, args: argparse.Namespace) -> int:
    feed = library.rename_feed(args.feed, args.title)
    print(f"feed {feed.id} is now titled {feed.display_title}")
    return EXIT_OK


def cmd_move(library: Library, args: argparse.Namespace) -> int:
    feed = library.move_feed(args.feed, args.folder)
    print(f"feed {feed.display_title} is now in {feed.folder or 'no folder'}")
    return EXIT_OK


def _print_listing(
    items: Sequence[T],
    args: argparse.Namespace,
    to_json: Callable[[T], dict],
    rows: Callable[[Sequence[T]], list],
    headers: Sequence[str],
    empty: str,
) -> int:
    """A listing as JSON, as a table, or as a hint of what to do when there is nothing."""
    if args.json:
        print_json([to_json(item) for item in items])
    elif not items:
        print(empty)
    else:
        table(rows(items), headers)
    return EXIT_OK


def cmd_feeds(library: Library, args: argparse.Namespace) -> int:
    return _print_listing(
        library.feeds(),
        args,
        feed_json,
        feed_rows,
        FEED_HEADERS,
        "no feeds yet: `reader add URL` subscribes to one, `reader import-opml FILE` to many",
    )


# -- fetch --------------------------------------------------------------------------------------


class ProgressLine:
    """One self-rewriting line on stderr, only when stderr is a terminal."""

    def __init__(self, total: int, titles: dict[int, str], enabled: bool):
        self.total = total
        self.titles = titles
        self.enabled = enabled and sys.stderr.isatty()
        self.failed = 0
        self.started = time.perf_counter()

    def __call__(self, outcome: FeedOutcome, done: int, total: int) -> None:
        if outcome.kind is OutcomeKind.FAILED:
            self.failed += 1
        if not self.enabled:
            return
        width = 24
        filled = width * done // max(total, 1)
        bar = "#" * filled + "." * (width - filled)
        title = self.titles.get(outcome.feed_id, outcome.url)[:40]
        line = f"\r[{bar}] {done}/{total} feeds · {self.failed} failed · {title}"
        sys.stderr.write(line.ljust(100)[:100])
        sys.stderr.flush()

    def finish(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 100 + "\r")
            sys.stderr.flush()


def cmd_fetch(library: Library, args: argparse.Namespace) -> int:
    feeds: list[Feed] = [library.find_feed(ident) for ident in args.feeds] or library.feeds()
    if not feeds:
        print("no feeds to fetch: `reader add URL` subscribes to one")
        return EXIT_OK
    titles = {feed.id: one_line(feed.display_title) for feed in feeds}
    quiet = args.quiet or args.json or args.progress_json
    progress = ProgressLine(len(feeds), titles, enabled=not quiet)
    started = time.perf_counter()
    import asyncio

    try:
        report = asyncio.run(
            library.refresh(
                feeds,
                force=args.force or bool(args.feeds),
                concurrency=args.concurrency,
                on_progress=_progress_lines if args.progress_json else progress,
                read_pages=False if args.no_pages else None,
            )
        )
    finally:
        progress.finish()
    if args.progress_json:
        _json_line({"report": report_json(report)})
    elif args.json:
        print_json(report_json(report))
    else:
        _print_report(report, titles, time.perf_counter() - started, quiet=args.quiet)
        if not args.quiet:
            _suggest_reclean(library)
    return EXIT_FAILED if report.failed else EXIT_OK


def _progress_lines(outcome: FeedOutcome, done: int, total: int) -> None:
    _json_line({"progress": {"done": done, "total": total, "outcome": outcome_json(outcome)}})


def _json_line(data: dict) -> None:
    sys.stdout.write(json.dumps(data) + "\n")
    sys.stdout.flush()


def _print_report(
    report: RefreshReport, titles: dict[int, str], seconds: float, *, quiet: bool
) -> None:
    for outcome in report.outcomes:
        if outcome.kind in (OutcomeKind.FAILED, OutcomeKind.SKIPPED):
            print(outcome_line(outcome, titles.get(outcome.feed_id, outcome.url)))
    if quiet:
        return
    print(
        f"{len(report.outcomes)} feeds in {seconds:.1f} s: {report.new_articles} new articles, "
        f"{report.updated_articles} updated, "
        f"{report.count(OutcomeKind.NOT_MODIFIED)} not modified, "
        f"{report.count(OutcomeKind.FAILED)} failed, {report.count(OutcomeKind.SKIPPED)} skipped"
    )
    if report.pages or report.pages_failed:
        print(
            f"full text: {report.pages} article(s) read from their web page"
            + (f", {report.pages_failed} page(s) not usable" if report.pages_failed else "")
        )


def _suggest_reclean(library: Library) -> None:
    """After an upgrade, stored texts made by an older cleaner are re-made on request."""
    stale = library.stale_text_count()
    if stale:
        print(
            f"{stale} article(s) have text from an older cleaner: `reader reclean` re-makes it",
            file=sys.stderr,
        )


# -- import / export ----------------------------------------------------------------------------


def cmd_import_opml(library: Library, args: argparse.Namespace) -> int:
    return _print_import(library.import_opml(_read_bytes(args.file)), args.json)


def cmd_import_newsboat(library: Library, args: argparse.Namespace) -> int:
    text = _read_bytes(args.file).decode("utf-8", errors="replace")
    return _print_import(library.import_newsboat(text), args.json)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise ReaderError(f"cannot read {path}: {err.strerror}") from err


def _print_import(report, as_json: bool) -> int:
    if as_json:
        print_json(
            {
                "added": [feed_json(feed) for feed in report.added],
                "already_subscribed": list(report.already_subscribed),
                "skipped": list(report.skipped),
            }
        )
        return EXIT_OK
    print(f"added {len(report.added)} feeds, {len(report.already_subscribed)} already subscribed")
    for line in report.skipped:
        print(f"  skipped (not a feed URL): {one_line(line)}")
    if report.added:
        print("run `reader fetch` to fetch them")
    return EXIT_OK


def cmd_export_opml(library: Library, args: argparse.Namespace) -> int:
    data = library.export_opml()
    if args.file:
        args.file.write_bytes(data)
        print(f"wrote {len(library.feeds())} feeds to {args.file}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
    return EXIT_OK


# -- articles -----------------------------------------------------------------------------------


def cmd_list(library: Library, args: argparse.Namespace) -> int:
    feed_ids = tuple(library.find_feed(ident).id for ident in args.feed)
    article_filter = ArticleFilter(
        read=False if args.unread else None,
        starred=True if args.starred else None,
        feed_ids=feed_ids,
        companies=tuple(args.company),
        since=args.since,
    )
    articles = library.articles(article_filter, limit=args.limit)
    if args.json:
        print_json([article_json(a) for a in articles])
    elif not articles:
        print(
            "no articles match"
            if library.feeds()
            else "no feeds yet: `reader add URL` subscribes to one"
        )
    else:
        table(article_rows(articles), ARTICLE_HEADERS)
    return EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    from reader.cleaning import clean_page

    html, url = _read_page(args.page)
    article = clean_page(html, url=args.url or url)
    if args.format == "markdown":
        out = article.markdown()
    elif args.format == "numbered":
        out = article.text()
        if article.links:
            out += "\n\n" + "\n".join(f"[{n}] {link}" for n, link in enumerate(article.links, 1))
    else:
        out = article.text(link_numbers=False)
    sys.stdout.write(out + "\n" if out else "")
    return EXIT_OK


def _read_page(page: str) -> tuple[bytes, str | None]:
    """A page's bytes from a local file (gunzipped if need be) or over HTTP, with the size cap
    and timeouts of any fetch."""
    if "://" in page and not page.startswith("file://"):
        import asyncio

        from reader.fetching.http import HTML_ACCEPT, Fetcher, FetchSettings

        async def fetch() -> bytes:
            async with Fetcher(FetchSettings()) as fetcher:
                result = await fetcher.fetch(page, accept=HTML_ACCEPT)
            return result.body or b""

        return asyncio.run(fetch()), page
    path = Path(page.removeprefix("file://"))
    data = _read_bytes(path)
    if data[:2] == b"\x1f\x8b":
        import gzip

        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as err:
            raise ReaderError(f"{path} is not a readable gzip file: {err}") from err
    return data, None


def cmd_demo(library: Library, args: argparse.Namespace) -> int:
    """Never reached: `reader demo` opens the app before a library is opened (see ``main``)."""
    return start_app(args)


def cmd_show(library: Library, args: argparse.Namespace) -> int:
    if args.raw:
        article = library.article(args.id)
        print(article.content_html or article.summary_html or "")
        return EXIT_OK
    reading = library.reading(args.id)
    suggested = library.suggestions(args.id)
    if args.json:
        shown = full_article_json(reading.article, reading.clean)
        print_json({**shown, "suggested_companies": [detection_json(d) for d in suggested]})
    else:
        sys.stdout.write(article_text(reading.article, reading.clean))
        if suggested:
            names = ", ".join(f"{d.name} ({d.salience})" for d in suggested)
            print(f"\nSuggested companies (reader tag {args.id} NAME): {one_line(names)}")
    return EXIT_OK


def cmd_companies(library: Library, args: argparse.Namespace) -> int:
    return _print_listing(
        library.companies(),
        args,
        company_json,
        company_rows,
        COMPANY_HEADERS,
        "no companies yet: `reader watch NAME` follows one, `reader tag ID NAME` tags",
    )


def cmd_company(library: Library, args: argparse.Namespace) -> int:
    company = library.add_company(args.name, args.alias)
    aliases = f" (aliases: {', '.join(company.aliases)})" if company.aliases else ""
    print(f"company {company.name}{aliases}: `reader watch` follows it")
    return EXIT_OK


def cmd_watch(library: Library, args: argparse.Namespace) -> int:
    company, tagged = library.watch(args.company)
    print(f"watching {company.name}; {tagged} stored article(s) tagged")
    return EXIT_OK


def cmd_unwatch(library: Library, args: argparse.Namespace) -> int:
    company = library.unwatch(args.company)
    print(f"no longer watching {company.name} (its tags stay)")
    return EXIT_OK


def cmd_tag(library: Library, args: argparse.Namespace) -> int:
    library.tag(args.id, args.company)
    print(f"tagged article {args.id} with {args.company}")
    return EXIT_OK


def cmd_untag(library: Library, args: argparse.Namespace) -> int:
    if not library.untag(args.id, args.company):
        print(f"article {args.id} has no tag {args.company}")
        return EXIT_OK
    print(f"removed {args.company} from article {args.id}; it will not be added back")
    return EXIT_OK


def cmd_retag(library: Library, args: argparse.Namespace) -> int:
    added = library.retag()
    print(f"{added} tag(s) added for watched companies")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from reader.storage.check import check_database  # only this command needs it

    report = check_database(load_settings(args.db).db_path)
    if not report.ok:
        problems = "; ".join(report.problems)
        return fail(f"{report.path} is damaged: {problems}. {report.advice()}", EXIT_FAILED)
    print(
        f"{report.path} is whole: schema {report.schema}, {report.feeds or 0} feeds, "
        f"{report.articles or 0} articles"
    )
    if report.backup is not None:
        print(f"newest backup: {report.backup}")
    return EXIT_OK


def cmd_detect(args: argparse.Namespace) -> int:
    from reader.companies.detect import Detector
    from reader.companies.directory import builtin_directory

    if not args.file:
        raise UsageError("companies detect needs a FILE (or - for standard input)")
    text = sys.stdin.read() if args.file == "-" else _read_bytes(Path(args.file)).decode("utf-8")
    title, _, body = text.partition("\n\n") if "\n\n" in text else (text, "", "")
    detections = Detector(builtin_directory()).detect(one_line(title), body.strip())
    if args.json:
        print_json([detection_json(d) for d in detections])
    else:
        for detection in detections:
            print(detection_line(detection))
    return EXIT_OK


def cmd_reclean(library: Library, args: argparse.Namespace) -> int:
    total = library.stale_text_count(everything=args.all)
    if not total:
        print("every article's text is already made by the current cleaner")
        return EXIT_OK
    show = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show:
            sys.stderr.write(f"\rcleaning {done}/{total} articles".ljust(60))
            sys.stderr.flush()

    done = library.reclean(everything=args.all, on_progress=progress)
    if show:
        sys.stderr.write("\r" + " " * 60 + "\r")
    print(f"re-made the text of {done} article(s)")
    return EXIT_OK


def cmd_full_text(library: Library, args: argparse.Namespace) -> int:
    if args.mode is None:
        feed = library.find_feed(args.feed)
    else:
        feed = library.set_full_text(args.feed, FullText(args.mode))
    print(f"{one_line(feed.display_title)}: full text {feed.full_text.value}")
    return EXIT_OK


def cmd_search(library: Library, args: argparse.Namespace) -> int:
    result = library.search(" ".join(args.query), limit=args.limit)
    for warning in result.query.warnings:
        print(f"reader: {warning}", file=sys.stderr)
    if args.json:
        print_json([hit_json(hit) for hit in result.hits])
        return EXIT_OK
    if not result.hits:
        print("no matches")
        return EXIT_OK
    color = sys.stdout.isatty()
    for hit in result.hits:
        a = hit.article
        print(
            f"{a.id:>7}  {short_time(a.published or a.sort_time)}  "
            f"{one_line(a.feed_title)[:24]}  {one_line(a.title)}"
        )
        if hit.snippet:
            print(f"         {marked_snippet(hit.snippet, color=color)}")
    return EXIT_OK


def _set_flag(setter: Callable[[Sequence[int]], int], ids: Sequence[int], done: str) -> int:
    count = setter(ids)
    print(f"{done} {count} article{'s' if count != 1 else ''}")
    return EXIT_OK


def cmd_mark_read(library: Library, args: argparse.Namespace) -> int:
    return _set_flag(lambda ids: library.mark_read(ids, True), args.ids, "marked read:")


def cmd_mark_unread(library: Library, args: argparse.Namespace) -> int:
    return _set_flag(lambda ids: library.mark_read(ids, False), args.ids, "marked unread:")


def cmd_star(library: Library, args: argparse.Namespace) -> int:
    return _set_flag(lambda ids: library.star(ids, True), args.ids, "starred:")


def cmd_unstar(library: Library, args: argparse.Namespace) -> int:
    return _set_flag(lambda ids: library.star(ids, False), args.ids, "unstarred:")
