"""Property and fuzz tests for everything that takes input from outside: the search box, feed
HTML, OPML files, and the sequence of refetches and user actions the store lives through.

Each property states what must hold for *any* input a generator can build, so a failure prints
the smallest input Hypothesis found (rerun with ``--hypothesis-seed`` or paste the example).
Everything runs on real parts: real SQLite files, the real parser and cleaner."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from reader.cleaning.blocks import CleanArticle
from reader.cleaning.extract import clean_fragment, clean_page
from reader.cleaning.html_text import html_to_text
from reader.cleaning.sources import clean_item
from reader.companies.watch import watch_entries
from reader.config import Settings
from reader.errors import ImportFormatError, ParseError, ReaderError
from reader.fetching.parse import prepare_feed
from reader.importing.opml import read_newsboat_urls, read_opml
from reader.library import Library
from reader.models import ArticleDraft, ArticleFilter, TagSource
from reader.storage import HIGHLIGHT_END, HIGHLIGHT_START, FetchSuccess, Storage
from tests.conftest import article_draft

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)

# What must never reach a terminal: C0 controls but newline and tab, DEL, C1 controls (ESC and
# the 8-bit CSI among them), bidi embeddings/overrides/isolates and the invisible marks that
# spoof text direction, and the line/paragraph separators (which the cleaner turns into "\n").
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069"
    "\ufeff]"
)
_MARKUP = re.compile(r"<[a-zA-Z/!?]")


def _unsafe(text: str) -> list[str]:
    """The offending characters, so a failure says which one got through."""
    return _UNSAFE.findall(text)


# =============================================================================================
# Search: any string typed in the search box is safe, end to end
# =============================================================================================


def _draft(n: int, title: str, text: str, *, hours: int = 0) -> ArticleDraft:
    return article_draft(
        n,
        title=title,
        url=f"https://cars.example/{n}",
        author=None,
        published=NOW - timedelta(hours=hours or n),
        content_html=None,
        clean_text=text,
    )


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """A small real library: two feeds, a handful of articles, read/starred state and tags, so
    every filter of the query syntax has something to select or exclude."""
    path = tmp_path_factory.mktemp("search") / "reader.db"
    storage = Storage(path)
    cars = storage.feeds.add("https://cars.example/feed", title="Cars")
    blog = storage.feeds.add("https://df.example/feed", title="Daring Fireball")
    storage.articles.apply_update(
        cars.id,
        [
            _draft(1, "Honda and Nissan agree", "The carmakers will share platforms."),
            _draft(2, "Honda-Nissan talks collapse", "Talks ended on Thursday. 🤔"),
            _draft(3, "Toyota recalls hybrids", "The recall covers 1,000 cars.", hours=2000),
        ],
        FetchSuccess(),
        NOW,
    )
    storage.articles.apply_update(
        blog.id,
        [
            _draft(4, "Café culture", "Crème brûlée and coffee; or, not and near."),
            _draft(5, "title: body: NEAR(x y)", 'Quotes " and stars * and AND/OR/NOT.'),
        ],
        FetchSuccess(),
        NOW,
    )
    storage.articles.set_read([1, 4], True)
    storage.articles.set_starred([2], True)
    storage.tags.tag(1, "Honda")
    storage.tags.tag(2, "Honda")
    storage.tags.tag(3, "Toyota")
    storage.tags.untag(2, "Honda")
    library = Library(storage, Settings(db_path=path))
    yield library
    library.close()


_FILTER_KEYS = ["feed", "company", "is", "before", "after", "Feed", "IS", "title", "body", "rank"]
_FILTER_VALUES = [
    "", "cars", "Cars", "1", "2", "999999999999999999999", "https://cars.example/feed",
    '"Daring Fireball"', '"unterminated', '""', "%", "_", "'", "honda", "Honda", "toyota",
    "unread", "read", "starred", "unstarred", "new", "2025-01-01", "2025-13-45", "0001-01-01",
    "9999-12-31", "0000-00-00", "２０２５-01-01", "2025-1-1", "-", ":", "*",
]  # fmt: skip
_filter = st.builds(
    lambda negated, key, value: f"{'-' if negated else ''}{key}:{value}",
    st.booleans(),
    st.sampled_from(_FILTER_KEYS),
    st.sampled_from(_FILTER_VALUES) | st.text(max_size=5),
)
_fts_syntax = st.sampled_from(
    ['"', "-", "*", "OR", "AND", "NOT", "NEAR", "NEAR(", "(", ")", ":", "^", "+", "{", "}",
     "honda", "Honda*", "-nissan", "'", "\\", ";", "--", "/*", "%", "\x00", "\ud800", "🤔",
     "—", "é", "\u202e", "\x1b[31m", "[bold]", "rowid", "SELECT", "'; DROP TABLE articles;--"]
)  # fmt: skip
_query_text = st.one_of(
    st.text(st.characters(), max_size=60),
    st.lists(
        _filter | _fts_syntax | st.text(st.characters(), max_size=4) | st.just(" "),
        max_size=20,
    ).map(" ".join),
    st.lists(_filter | _fts_syntax | st.just(" "), max_size=20).map("".join),
)
_base = st.builds(
    ArticleFilter,
    read=st.none() | st.booleans(),
    starred=st.none() | st.booleans(),
    feed_ids=st.sampled_from([(), (1,), (2,), (1, 2), (99,)]),
    companies=st.sampled_from([(), ("Honda",), ("nobody",)]),
    exclude_companies=st.sampled_from([(), ("Toyota",)]),
)


def _search_checked(library: Library, text: str, **kwargs: object) -> None:
    """Search, allowing only the reader's own errors; check the hits obey the query's flags and
    that snippets carry nothing but the highlight marks."""
    try:
        result = library.search(text, **kwargs)  # type: ignore[arg-type]
    except ReaderError:
        return
    for hit in result.hits:
        if result.query.read is not None:
            assert hit.article.read is result.query.read
        if result.query.starred is not None:
            assert hit.article.starred is result.query.starred
        snippet = hit.snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")
        assert not _unsafe(snippet)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_query_text, base=_base, snippets=st.booleans())
def test_any_search_string_runs_against_the_database_without_an_sqlite_error(
    library: Library, text: str, base: ArticleFilter, snippets: bool
) -> None:
    """The search box takes anything a person can type or paste: FTS5 operators, column
    filters, stray quotes, NUL, lone surrogates, filters with nonsense values. Parsing and the
    real FTS5 query behind it must never raise an ``sqlite3`` error (or anything else that is not
    a ``ReaderError`` with a message for the user)."""
    _search_checked(library, text, base=base, snippets=snippets)


@pytest.mark.parametrize(
    "shape",
    [
        "word{i}",
        "word{i}*",
        "word OR word{i}",
        "-word{i}",
        '"two words{i}"',
        "company:Company{i}",
        "-company:Company{i}",
        "feed:Feed{i}",
        "-feed:Feed{i}",
        "is:read after:2025-01-01",
        "before:2025-{i}-01",
    ],
)
def test_a_pasted_query_of_a_thousand_terms_or_filters_still_runs(
    library: Library, shape: str
) -> None:
    """SQLite limits an expression to a depth of 1000 and FTS5 slows down with every term: a
    pasted wall of text or filters must still give an answer (or a clear ``ReaderError``)."""
    text = " ".join(shape.format(i=i) for i in range(1100))
    _search_checked(library, text)
    _search_checked(library, text, snippets=False, base=ArticleFilter(companies=("Honda",)))


# =============================================================================================
# Cleaning: any HTML gives terminal-safe text without markup
# =============================================================================================

_ELEMENTS = [
    "p", "div", "span", "a", "b", "em", "h1", "h2", "h3", "ul", "ol", "li", "blockquote", "pre",
    "code", "table", "tr", "td", "th", "br", "img", "figure", "figcaption", "section", "nav",
    "aside", "header", "footer", "article", "main", "body", "html", "head",
    # elements whose content is never shown, or is raw text to the HTML parser
    "script", "style", "iframe", "svg", "math", "noscript", "template", "textarea", "title",
    "noembed", "noframes", "object", "embed", "select", "option", "button", "form", "video",
]  # fmt: skip
_ATTRIBUTES = [
    "", " class='share'", " class=\"post-content\"", " id=comments", " href='https://e.example/x'",
    " href=\"javascript:alert(1)\"", " href='#top'", " href=\"https://e.example/\x1b[2J\u202e\"",
    " href='//e.example/p'", " href=relative/path", " href='data:text/html,<b>x</b>'",
    " alt='A rather long caption for an image'", " title=\"&#27;]0;pwned&#7;\"",
    " onclick='alert(1)'", " style='display:none'", " src=x onerror=alert(1)", " hidden",
    " data-x='<b>not a tag</b>'", " lang=ar dir=rtl",
]  # fmt: skip
_HOSTILE_TEXT = [
    "word", "Story text about Honda.", " ", "  ", "\n", "\t", "\r\n", "\xa0",
    # entities: named, numeric (decimal, hex, no semicolon), and ones naming control characters
    "&amp;", "&eacute;", "&nbsp;", "&#8217;", "&#x2014;", "&foo;", "&", "&amp", "&#65",
    "&#0;", "&#1;", "&#7;", "&#9;", "&#11;", "&#13;", "&#27;", "&#x1b;", "&#x1B;[31m", "&#127;",
    "&#128;", "&#133;", "&#x85;", "&#155;", "&#x9b;2J", "&#x9f;", "&#x202e;", "&#x2066;",
    "&#8232;", "&#x200b;", "&#xfeff;", "&#xd800;", "&#xfffe;", "&#x110000;", "&#99999999;",
    "&#xe000;", "&#57345;",
    # raw control characters and terminal escape sequences
    "\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9b", "\x9d",
    "\x1b[31m", "\x1b[2J\x1b[H", "\x1b]52;c;aGVsbG8=\x07", "\x1b]0;title\x1b\\", "\x1bP+q\x1b\\",
    "\x1b(B", "\x1bc", "\x9b31m", "\x1b[?1049h",
    # bidi and invisible characters
    "\u202e", "\u202d", "\u2066", "\u2069", "\u200e", "\u200f", "\u200b", "\ufeff", "\u2028",
    "\u2029", "\u200d",
    # Rich / Textual markup, which must stay text (the widgets escape it)
    "[bold]", "[/bold]", "[/]", "[@click=app.quit]", "[link=https://e.example]x[/link]",
    "[red on white]",
    # the cleaner's own marker characters
    "\ue000", "\ue001", "\ue002",
]  # fmt: skip
_SPECIAL_NODES = [
    "<!-- a comment -->", "<!-- <p>hidden</p> -->", "<!---->", "<!-- -- -->", "<!--",
    "<![CDATA[<b>cdata</b>]]>", "<![CDATA[x", "<?php echo 1; ?>", "<!DOCTYPE html>",
    "</p>", "</div>", "</li>", "<p>", "<br/>", "<hr>", "<img src=x>", "<unknown-tag>",
    "<a href='https://e.example/open'>", "</a>", "<svg><style>s{}</style><text>t</text></svg>",
    "<math><mtext>m</mtext></math>",
]  # fmt: skip

_text_piece = st.sampled_from(_HOSTILE_TEXT) | st.text(
    st.characters(blacklist_characters="<&"), max_size=12
)


@st.composite
def _hostile_html(draw: st.DrawFn, depth: int = 0) -> str:
    """HTML from a small grammar: nested elements with attributes, comments, CDATA, stray and
    unclosed tags, and text full of entities, control characters and escape sequences. Text
    never holds a literal "<", so a "<" in the output can only be markup that survived."""
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        choice = draw(st.integers(0, 9))
        if choice < 3 and depth < 4:
            tag = draw(st.sampled_from(_ELEMENTS))
            attrs = "".join(draw(st.lists(st.sampled_from(_ATTRIBUTES), max_size=2)))
            close = "" if draw(st.integers(0, 5)) == 0 else f"</{tag}>"
            parts.append(f"<{tag}{attrs}>{draw(_hostile_html(depth + 1))}{close}")
        elif choice == 3:
            parts.append(draw(st.sampled_from(_SPECIAL_NODES)))
        else:
            parts.append(draw(_text_piece))
    return "".join(parts)


def _assert_clean_article(article: CleanArticle) -> None:
    for form in (article.text(), article.text(link_numbers=False), article.markdown()):
        assert not _unsafe(form), form
        assert not _MARKUP.search(form.replace("<https://", "").replace("<http://", "")), form
    assert not re.search("[\ue000-\ue002]", article.text()), "the cleaner's markers leaked"
    for block in article.blocks:
        assert block.text.strip()
        assert not _unsafe(block.text)
    title = article.title or ""
    assert not _unsafe(title)
    assert "\n" not in title
    assert "\t" not in title
    for link in article.links:
        assert urlsplit(link).scheme in ("http", "https"), link
        assert not _unsafe(link), link
        assert " " not in link, link


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html=_hostile_html(), title=st.none() | _text_piece)
def test_any_feed_item_html_cleans_to_safe_text_without_markup(
    html: str, title: str | None
) -> None:
    """A feed item's HTML is untrusted and lands on a terminal: whatever it holds, the cleaned
    blocks, text, markdown, title and links carry no control character, escape sequence or bidi
    override, no tag survives as text, and cleaning never raises."""
    _assert_clean_article(clean_fragment(html, url="https://e.example/post", title_hint=title))
    site_lines = frozenset({"word", "story text about honda"})
    _assert_clean_article(clean_item(html, url=None, title=title, site_lines=site_lines))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=_hostile_html(), head=_hostile_html())
def test_any_web_page_cleans_to_safe_text_without_markup(body: str, head: str) -> None:
    """The same for a whole fetched page (main-content extraction, title detection), as a str
    and as undecoded bytes. Fewer examples: trafilatura takes ~10 ms a page."""
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    _assert_clean_article(clean_page(page, url="https://e.example/post"))
    _assert_clean_article(clean_page(page.encode("utf-8", "surrogatepass")))


@settings(max_examples=300, deadline=None)
@given(html=_hostile_html())
def test_any_html_renders_to_safe_plain_text(html: str) -> None:
    """``html_to_text`` (feed titles given as HTML) obeys the same rules."""
    rendered = html_to_text(html)
    assert not _unsafe(rendered)
    assert not _MARKUP.search(rendered), rendered


def _rss(items: list[str], *, title: str = "Feed") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://e.example/</link>"
        + "".join(items)
        + "</channel></rss>"
    ).encode("utf-8", "surrogatepass")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html=_hostile_html(), title=_text_piece, cdata=st.booleans())
def test_any_feed_item_is_stored_as_safe_text(html: str, title: str, cdata: bool) -> None:
    """End to end from feed bytes to the draft that is stored: the title, author and clean text
    of every entry are terminal-safe whatever the item's HTML, or the document is refused with
    a ``ParseError`` (raw control characters are not XML). Only safety is checked here, not the
    no-markup rule: see the xfail test below for the one way markup text gets through."""
    body = f"<![CDATA[{html.replace(']]>', ']]]]><![CDATA[>')}]]>" if cdata else escape(html)
    item = (
        f"<item><title>{escape(title)}</title><guid>g1</guid><author>{escape(title)}</author>"
        f"<description>{body}</description></item>"
    )
    try:
        prepared = prepare_feed(_rss([item], title=title), "https://e.example/feed")
    except ParseError:
        return
    for draft in prepared.drafts:
        for value in (draft.title, draft.author or "", draft.clean_text):
            assert not _unsafe(value), value
        assert "\n" not in draft.title
    assert not _unsafe(prepared.title or "")


@pytest.mark.xfail(
    strict=True,
    reason="feedparser's sanitizer (reader/fetching/feedparser_path.py) escapes an unterminated "
    "'<![CDATA[' in item HTML into the text '&lt;![CDATA[x', which the cleaner then shows; an "
    "HTML parser reads it as a bogus comment and shows nothing",
)
def test_an_unterminated_cdata_in_feed_item_html_is_not_shown_as_text() -> None:
    """Found by the property above (``html='<![CDATA[x'``); kept as the minimal example."""
    html = escape("<![CDATA[x")
    item = f"<item><title>t</title><guid>g1</guid><description>{html}</description></item>"
    prepared = prepare_feed(_rss([item]), "https://e.example/feed")
    assert prepared.drafts[0].clean_text == ""


# =============================================================================================
# OPML: any file gives subscriptions or the importer's own error
# =============================================================================================


def _assert_fetchable(url: str) -> None:
    """What the importer promises: a feed it can fetch, http(s) with a host or a local file."""
    parts = urlsplit(url)
    assert parts.scheme.lower() in ("http", "https", "file"), url
    if parts.scheme.lower() == "file":
        assert parts.path, url
    else:
        assert parts.netloc, url
    assert url == url.strip()


def _read_opml_checked(data: bytes) -> None:
    try:
        subscriptions = read_opml(data)
    except ImportFormatError:
        return
    urls = [s.url for s in subscriptions]
    assert len(urls) == len(set(urls))
    for subscription in subscriptions:
        _assert_fetchable(subscription.url)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=200).map(str.encode))
def test_any_bytes_read_as_opml_give_subscriptions_or_an_import_error(data: bytes) -> None:
    """An OPML file comes from elsewhere: any bytes give a list of subscriptions or an
    ``ImportFormatError``, never an lxml, Unicode or value error."""
    _read_opml_checked(data)


_URLS = [
    "https://e.example/feed", "http://e.example/rss?x=1&y=2", "HTTPS://E.EXAMPLE/feed",
    "file:///tmp/feed.xml", "file:relative.xml", "file:", "file://", "http:", "https://",
    "http:///path", "http://[::1", "http://[bad]/", " https://padded.example/ ", "feed://e.example/",
    "javascript:alert(1)", "data:text/xml,<rss/>", "ftp://e.example/f", "query:unread",
    "exec:~/bin/x", "", " ", "e.example/feed", "//e.example/feed", "https://e.example/\u202e",
    "http://e.example/\x85", "https://e.example/\t/x",
]  # fmt: skip
_opml_text = st.sampled_from(_HOSTILE_TEXT) | st.text(max_size=10)


_OUTLINE_NAMES = ["xmlUrl", "xmlurl", "XMLURL", "text", "title", "type", "htmlUrl", "category"]
_OUTLINE_VALUES = {
    "url": st.sampled_from(_URLS),
    "type": st.sampled_from(["rss", "RSS", "atom", "link", "include", ""]) | _opml_text,
    "text": _opml_text,
}
_attribute = st.sampled_from(_OUTLINE_NAMES).flatmap(
    lambda name: st.tuples(
        st.just(name),
        _OUTLINE_VALUES[
            "url" if name.lower() in ("xmlurl", "htmlurl") else "type" if name == "type" else "text"
        ],
    )
)


@st.composite
def _outline(draw: st.DrawFn, depth: int = 0) -> str:
    attributes = dict(draw(st.lists(_attribute, max_size=4)))
    rendered = "".join(f" {name}={quoteattr(value)}" for name, value in attributes.items())
    children = draw(st.lists(_outline(depth + 1), max_size=3)) if depth < 2 else []
    if not children:
        return f"<outline{rendered}/>"
    return f"<outline{rendered}>{''.join(children)}</outline>"


@st.composite
def _opml_document(draw: st.DrawFn) -> bytes:
    """A roughly OPML-shaped document: nested outlines with any URLs and titles, namespaces,
    comments, declared encodings (right and wrong), the odd DOCTYPE or garbage tail."""
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "latin-1", "ascii", "utf-32"]))
    declared = draw(st.sampled_from([encoding, "utf-8", "UTF-16", "bogus-charset", None]))
    prolog = f'<?xml version="1.0" encoding="{declared}"?>' if declared else ""
    doctype = draw(st.sampled_from(["", "", "", "<!DOCTYPE opml>"]))
    root = draw(st.sampled_from(["opml", "OPML", "x:opml", "rss"]))
    namespace = ' xmlns:x="http://e.example/ns"' if root.startswith("x:") else ""
    outlines = "".join(draw(st.lists(_outline(), max_size=4)))
    body = draw(st.sampled_from(["body", "Body", "head"]))
    tail = draw(st.sampled_from(["", "", "<!-- c -->", "<?pi x?>", "garbage", "\x00"]))
    text = (
        f"{prolog}{doctype}<{root}{namespace} version='2.0'><head><title>t</title></head>"
        f"<{body}>{outlines}</{body}></{root}>{tail}"
    )
    return text.encode(encoding, "replace")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_opml_document())
def test_any_opml_document_gives_fetchable_feeds_or_an_import_error(data: bytes) -> None:
    """Structured fuzzing reaches the outline walk: every subscription read is a feed the
    reader can fetch (http or https with a host, or a local file) and appears once."""
    _read_opml_checked(data)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_URLS) | _opml_text, max_size=8).map(" ".join))
def test_any_newsboat_line_gives_fetchable_feeds(line: str) -> None:
    """The newsboat reader shares the URL rule with OPML: what it keeps can be fetched, the
    rest is reported as skipped."""
    for subscription in read_newsboat_urls(line).subscriptions:
        _assert_fetchable(subscription.url)


# =============================================================================================
# Store: no sequence of refetches and user actions loses what the user did
# =============================================================================================

_GUIDS = 8
_VARIANTS = 3
_COMPANIES = ("Honda", "Toyota", "Acme")
_WATCHED = "Honda"


def _item_title(guid: int, variant: int) -> str:
    return f"Story {guid} version {variant}"


def _item(guid: int, variant: int) -> str:
    """Variant 1 names the watched company, so new articles sometimes arrive auto-tagged."""
    text = "Honda recalls its hybrids." if variant == 1 else f"Plain news number {variant}."
    return (
        f"<item><title>{_item_title(guid, variant)}</title><guid isPermaLink='false'>g{guid}"
        f"</guid><link>https://e.example/{guid}</link>"
        f"<description>{escape(f'<p>{text}</p>')}</description></item>"
    )


@dataclass
class _Expected:
    """What the model says one stored article must look like."""

    article_id: int
    title: str
    read: bool = False
    starred: bool = False
    tags: dict[str, tuple[TagSource, str]] = field(default_factory=dict)  # name -> source, state


class StoreMachine(RuleBasedStateMachine):
    """Refetches (through the real parser and the refresh's write batch) interleaved with
    marking, starring, tagging, untagging and an automatic re-tag, on a real SQLite file,
    checked after every step against a plain model of what the user did."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="reader-store-machine-"))
        self.storage = Storage(self.folder / "reader.db")
        self.feed_ids = [self.storage.feeds.add(f"https://e{n}.example/feed").id for n in (1, 2)]
        for company in _COMPANIES:  # so a tag typed in lower case finds the company
            self.storage.tags.ensure_company(company)
        self.storage.tags.set_watched(_WATCHED, True)
        self.watchlist = watch_entries([(_WATCHED, ())])
        self.model: dict[tuple[int, int], _Expected] = {}  # (feed id, guid) -> expected
        self.ever_stored: set[int] = set()
        self.clock = NOW

    def teardown(self) -> None:
        self.storage.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # ----------------------------------------------------------------------------- rules

    @rule(
        feed=st.integers(0, 1),
        entries=st.lists(
            st.tuples(st.integers(0, _GUIDS - 1), st.integers(0, _VARIANTS - 1)),
            max_size=6,
            unique_by=lambda entry: entry[0],
        ),
    )
    def fetch(self, feed: int, entries: list[tuple[int, int]]) -> None:
        """A refetch: new guids are stored, known ones with changed content are rewritten, and
        guids missing from this document are simply not mentioned."""
        feed_id = self.feed_ids[feed]
        prepared = prepare_feed(
            _rss([_item(g, v) for g, v in entries]), f"https://e{feed}.example/feed", None,
            self.watchlist,
        )  # fmt: skip
        self.clock += timedelta(minutes=5)
        with self.storage.write_batch() as batch:
            counts = batch.store(
                feed_id, prepared.drafts, FetchSuccess(title=prepared.title), self.clock
            )
        new_ids = dict(counts.new_ids)
        for guid, variant in entries:
            key = (feed_id, guid)
            expected = self.model.get(key)
            if expected is None:
                article_id = new_ids.pop(f"guid:g{guid}")
                expected = self.model[key] = _Expected(article_id, _item_title(guid, variant))
                if variant == 1:  # names the watched company: tagged as it is stored
                    expected.tags[_WATCHED] = (TagSource.AUTO, "active")
                self.ever_stored.add(article_id)
            else:
                expected.title = _item_title(guid, variant)
        assert not new_ids, f"stored articles the document did not hold: {new_ids}"

    def _pick(self, data: st.DataObject) -> _Expected:
        return self.model[data.draw(st.sampled_from(sorted(self.model)), label="article")]

    @precondition(lambda self: self.model)
    @rule(data=st.data(), read=st.booleans())
    def mark(self, data: st.DataObject, read: bool) -> None:
        expected = self._pick(data)
        self.storage.articles.set_read([expected.article_id], read)
        expected.read = read

    @precondition(lambda self: self.model)
    @rule(data=st.data(), starred=st.booleans())
    def star(self, data: st.DataObject, starred: bool) -> None:
        expected = self._pick(data)
        self.storage.articles.set_starred([expected.article_id], starred)
        expected.starred = starred

    @precondition(lambda self: self.model)
    @rule(data=st.data(), company=st.sampled_from(_COMPANIES), lower=st.booleans())
    def tag(self, data: st.DataObject, company: str, lower: bool) -> None:
        """A manual tag, in any letter case, wins over an earlier removal."""
        expected = self._pick(data)
        self.storage.tags.tag(expected.article_id, company.lower() if lower else company)
        expected.tags[company] = (TagSource.MANUAL, "active")

    @precondition(lambda self: self.model)
    @rule(data=st.data(), company=st.sampled_from(_COMPANIES))
    def untag(self, data: st.DataObject, company: str) -> None:
        """Removing a tag keeps it, rejected, so detection never brings it back."""
        expected = self._pick(data)
        removed = self.storage.tags.untag(expected.article_id, company)
        current = expected.tags.get(company)
        assert removed == (current is not None and current[1] == "active")
        if removed and current is not None:
            expected.tags[company] = (current[0], "rejected")

    @precondition(lambda self: self.model)
    @rule()
    def retag(self) -> None:
        """The watch list's re-tag over everything stored adds automatic tags where the title
        names the company, and leaves every tag the user set or removed as it is."""
        self.storage.tags.retag(lambda title, _text: [_WATCHED] if "Story 1 " in title else [])
        for expected in self.model.values():
            if expected.title.startswith("Story 1 ") and _WATCHED not in expected.tags:
                expected.tags[_WATCHED] = (TagSource.AUTO, "active")

    # ----------------------------------------------------------------------------- invariants

    @invariant()
    def article_count_matches_the_model(self) -> None:
        assert self.storage.articles.count() == len(self.model)

    @invariant()
    def no_article_ever_stored_disappears(self) -> None:
        assert self.storage.articles.existing_ids(self.ever_stored) == self.ever_stored

    @invariant()
    def user_state_and_content_match_the_model(self) -> None:
        for expected in self.model.values():
            article = self.storage.articles.get(expected.article_id)
            assert (article.title, article.read, article.starred) == (
                expected.title,
                expected.read,
                expected.starred,
            )
            stored = {
                tag.company: (tag.source, tag.state.value)
                for tag in self.storage.tags.tags_for(expected.article_id)
            }
            assert stored == expected.tags
            active = sorted(name for name, (_, state) in expected.tags.items() if state == "active")
            assert list(article.companies) == active


StoreMachine.TestCase.settings = settings(
    max_examples=40,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestRefetchesAndUserActionsKeepUserState = StoreMachine.TestCase
