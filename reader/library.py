"""The façade the CLI and the app both call: subscriptions, refresh, articles, search, tags.

Nothing above this layer writes SQL or speaks HTTP. Blocking methods are plain functions (the app
calls them from thread workers); network work is ``async`` (the app awaits it in async workers,
the CLI through ``asyncio.run``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from reader import models
from reader.config import Settings
from reader.errors import (
    DiscoveryError,
    FeedExistsError,
    FetchError,
    ParseError,
    ReaderError,
    UsageError,
)
from reader.models import ArticleFilter, ArticleSummary, FullText
from reader.storage import Storage
from reader.storage.connection import explain_database_error, utc_now
from reader.storage.sqlite import sqlite3

if TYPE_CHECKING:
    from reader.companies.detect import Detection
    from reader.companies.directory import CompanyEntry, Directory
    from reader.fetching.discovery import DiscoveredFeed
    from reader.fetching.http import Fetcher, FetchResult, FetchSettings
    from reader.importing.opml import Subscription
    from reader.models import (
        AddedFeed,
        Article,
        ArticleReading,
        Company,
        CompanyOverview,
        CompanyTag,
        Feed,
        ImportReport,
        PageCursor,
        PreparedFeed,
        RefreshReport,
        SearchResult,
    )
    from reader.query import SearchQuery
    from reader.refresh import ProgressCallback

# The network and parsing stack (asyncio, httpx, lxml, feedparser) is imported only by the
# methods that need it: it costs ~0.3 s, and `reader list` or `reader search` should start in a
# blink.

ChooseFeed = Callable[[Sequence["DiscoveredFeed"]], "DiscoveredFeed | None"]


def fetch_settings(settings: Settings, *, concurrency: int | None = None) -> FetchSettings:
    from reader.fetching.http import FetchSettings

    config = settings.fetch
    return FetchSettings(
        concurrency=concurrency or config.concurrency,
        per_host=config.per_host,
        connect_timeout=config.connect_timeout,
        read_timeout=config.read_timeout,
        total_timeout=config.total_timeout,
        max_bytes=int(config.max_size_mb * 1024 * 1024),
    )


def normalise_feed_url(text: str) -> str:
    """What the user typed, as a URL: an existing file path becomes an absolute path (local
    feeds), a bare host gets https://."""
    text = text.strip()
    if "://" in text:
        return text
    path = Path(text).expanduser()
    if path.exists():
        return str(path.resolve())
    return f"https://{text}"


class Library:
    def __init__(self, storage: Storage, settings: Settings):
        self.storage = storage
        self.settings = settings

    @classmethod
    def open(cls, settings: Settings) -> Library:
        return cls(Storage(settings.db_path), settings)

    def close(self) -> None:
        self.storage.close()

    def describe_error(self, error: BaseException) -> str | None:
        """What to tell the user about an error from this library: a full disk, a read-only or
        damaged file, a feed that cannot be found. None for anything else, which is a bug."""
        if isinstance(error, ReaderError):
            return str(error)
        if isinstance(error, sqlite3.DatabaseError):
            return explain_database_error(self.settings.db_path, error)
        return None

    # -- feeds ---------------------------------------------------------------------------------

    def feeds(self) -> list[Feed]:
        return self.storage.feeds.list()

    def has_feeds(self) -> bool:
        return self.storage.feeds.any()

    def find_feed(self, ident: str) -> Feed:
        return self.storage.feeds.find(ident)

    def remove_feed(self, ident: str) -> Feed:
        feed = self.find_feed(ident)
        self.storage.feeds.remove(feed.id)
        return feed

    def rename_feed(self, ident: str, title: str | None) -> Feed:
        return self.storage.feeds.rename(self.find_feed(ident).id, title or None)

    def move_feed(self, ident: str, folder: str | None) -> Feed:
        return self.storage.feeds.move(self.find_feed(ident).id, folder or None)

    def set_full_text(self, ident: str, mode: FullText) -> Feed:
        """When this feed's new articles are read from their web page (see ``FullText``)."""
        return self.storage.feeds.set_full_text(self.find_feed(ident).id, mode)

    async def add_feed(
        self,
        url: str,
        *,
        title: str | None = None,
        folder: str | None = None,
        choose: ChooseFeed | None = None,
        fetch: bool = True,
    ) -> AddedFeed:
        """Subscribe to ``url``. When it is a web page, find the feeds it links to and take the
        one ``choose`` picks (the first when no chooser is given). The first fetch is stored
        right away, so the new feed is never empty."""
        from asyncio import to_thread

        from reader.fetching.http import Fetcher

        url = normalise_feed_url(url)
        self._refuse_duplicate(url)
        if not fetch:
            return models.AddedFeed(self.storage.feeds.add(url, title=title, folder=folder), 0)
        async with Fetcher(fetch_settings(self.settings)) as fetcher:
            feed_url, result, prepared, page = await _probe(fetcher, url, choose)
        self._refuse_duplicate(feed_url)
        feed = self.storage.feeds.add(feed_url, title=title, folder=folder)
        counts = await to_thread(self._store_first_fetch, feed, result, prepared)
        return models.AddedFeed(self.storage.feeds.get(feed.id), counts, discovered_from=page)

    def _store_first_fetch(self, feed: Feed, result: FetchResult, prepared: PreparedFeed) -> int:
        from reader.refresh import fetch_success

        fetch = fetch_success(prepared, result)
        return self.storage.articles.apply_update(feed.id, prepared.drafts, fetch, utc_now()).new

    def _refuse_duplicate(self, url: str) -> None:
        if any(feed.url == url for feed in self.storage.feeds.list(with_counts=False)):
            raise FeedExistsError(f"already subscribed to {url}")

    # -- refresh -------------------------------------------------------------------------------

    async def refresh(
        self,
        feeds: Sequence[Feed] | None = None,
        *,
        force: bool = False,
        concurrency: int | None = None,
        on_progress: ProgressCallback | None = None,
        read_pages: bool | None = None,
    ) -> RefreshReport:
        """``read_pages`` overrides the config's ``fetch.full_text`` for this refresh."""
        from reader.fetching import trust
        from reader.parse_pool import open_parse_pool

        targets = list(feeds) if feeds is not None else self.storage.feeds.list(with_counts=False)
        with open_parse_pool(targets) as parse_pool:  # first: see reader.parse_pool
            trust.load_ahead()  # while the fetching stack imports
            from reader.refresh import Refresher, RefreshOptions

            refresher = Refresher(
                self.storage,
                fetch_settings(self.settings, concurrency=concurrency),
                RefreshOptions(
                    force=force,
                    read_pages=self.settings.fetch.full_text if read_pages is None else read_pages,
                    watchlist=self._watchlist(),
                ),
            )
            return await refresher.run(targets, parse_pool, on_progress)

    # -- articles ------------------------------------------------------------------------------

    def articles(
        self,
        article_filter: ArticleFilter = ArticleFilter(),
        *,
        after: PageCursor | None = None,
        limit: int = 200,
        offset: int = 0,
        oldest_first: bool = False,
    ) -> list[ArticleSummary]:
        return self.storage.articles.page(
            article_filter, after=after, limit=limit, offset=offset, oldest_first=oldest_first
        )

    def position(self, article_filter: ArticleFilter, article_id: int) -> int | None:
        return self.storage.articles.position(article_filter, article_id)

    def count(self, article_filter: ArticleFilter = ArticleFilter()) -> int:
        return self.storage.articles.count(article_filter)

    def article(self, article_id: int) -> Article:
        return self.storage.articles.get(article_id)

    def reading(self, article_id: int) -> ArticleReading:
        """The article with its reading form: blocks, and links numbered as the text cites
        them. Made from the stored sources each time (a millisecond for a feed item, ~20 ms for
        a page), so it never disagrees with the cleaner that made the stored text."""
        from reader.cleaning.sources import clean_source

        article = self.storage.articles.get(article_id)
        return models.ArticleReading(
            article, clean_source(self.storage.cleaning.source(article_id))
        )

    def add_company(self, name: str, aliases: Sequence[str] = ()) -> Company:
        """A company of your own (or more aliases for a known one): detection and the watch
        list treat it like the built-in ones."""
        name = name.strip()
        if not name:
            raise UsageError("a company needs a name")
        return self.storage.tags.ensure_company(name, [a.strip() for a in aliases if a.strip()])

    def _stored_entries(self) -> tuple[CompanyEntry, ...]:
        from reader.companies.watch import watch_entries

        stored = self.storage.tags.all_companies()
        return watch_entries((company.name, company.aliases) for company in stored)

    def _directory(self) -> Directory:
        """The built-in directory plus the companies and aliases stored by the user."""
        from reader.companies.directory import builtin_directory

        return builtin_directory().with_entries(self._stored_entries())

    def company_names(self) -> list[str]:
        """Every company the reader knows (built-in and the user's), for completion."""
        return sorted({entry.name for entry in self._directory().entries}, key=str.casefold)

    def suggestions(self, article_id: int) -> list[Detection]:
        """Companies the article names that it is not tagged with (nor had a tag removed):
        the full directory and evidence for unknown ones, for the user to accept or ignore."""
        from reader.companies.watch import full_detector

        article = self.storage.articles.get(article_id)
        decided = {tag.company.casefold() for tag in self.storage.tags.tags_for(article_id)}
        detector = full_detector(self._stored_entries())
        detections = detector.detect(article.title, article.clean_text)
        return [d for d in detections if d.name.casefold() not in decided]

    def stale_text_count(self, *, everything: bool = False) -> int:
        from reader.cleaning import CLEANER_VERSION

        return self.storage.cleaning.count_stale(CLEANER_VERSION, everything=everything)

    def reclean(
        self,
        *,
        everything: bool = False,
        on_progress: Callable[[int, int], None] | None = None,
        batch_size: int = 500,
    ) -> int:
        """Re-make the text of articles that an older cleaner made (or of every article), so an
        improved cleaner reaches what is already stored; search follows. Returns how many."""
        from reader.cleaning import CLEANER_VERSION
        from reader.recleaning import reclean_batches

        total = self.stale_text_count(everything=everything)
        done = 0
        cleaning = self.storage.cleaning
        for texts in reclean_batches(
            lambda after: cleaning.stale_sources(
                CLEANER_VERSION, after_id=after, limit=batch_size, everything=everything
            ),
            parallel=total > 2 * batch_size,
        ):
            cleaning.write_texts(texts)
            done += len(texts)
            if on_progress is not None:
                on_progress(done, total)
        return done

    def mark_read(self, article_ids: Sequence[int], read: bool = True) -> int:
        return self.storage.articles.set_read(article_ids, read)

    def star(self, article_ids: Sequence[int], starred: bool = True) -> int:
        return self.storage.articles.set_starred(article_ids, starred)

    def mark_all_read(self, article_filter: ArticleFilter) -> int:
        return self.storage.articles.mark_all_read(article_filter)

    # -- search --------------------------------------------------------------------------------

    def search(
        self,
        text: str,
        *,
        limit: int = 50,
        base: ArticleFilter = ArticleFilter(),
        snippets: bool = True,
    ) -> SearchResult:
        """Run a query in the shared syntax (words, "phrases", -word, OR, prefix*, feed:,
        company:, is:, before:, after:) within ``base`` (the view the user is in)."""
        from reader.query import parse_query  # imported on first use: the app starts sooner

        query = parse_query(text)
        article_filter = self._filter_for(query, base)
        if article_filter is None:
            return models.SearchResult(query, ())
        hits = self.storage.search.search(
            query.match,
            excluded=query.excluded_match,
            article_filter=article_filter,
            limit=limit,
            snippets=snippets,
        )
        return models.SearchResult(query, tuple(hits))

    def _filter_for(self, query: SearchQuery, base: ArticleFilter) -> ArticleFilter | None:
        """The query's filters merged into ``base``; None when they can match nothing (a
        ``feed:`` naming no feed)."""
        feed_ids = base.feed_ids
        if query.feeds:
            named = {i for name in query.feeds for i in self.storage.feeds.matching_ids(name)}
            feed_ids = tuple(sorted(named & set(feed_ids) if feed_ids else named))
            if not feed_ids:
                return None
        excluded_feeds = {
            i for name in query.excluded_feeds for i in self.storage.feeds.matching_ids(name)
        }
        return ArticleFilter(
            read=query.read if query.read is not None else base.read,
            starred=query.starred if query.starred is not None else base.starred,
            feed_ids=feed_ids,
            companies=base.companies + query.companies,
            since=_later(base.since, _day_start(query.after)),
            until=_earlier(base.until, _day_start(query.before)),
            exclude_feed_ids=base.exclude_feed_ids + tuple(sorted(excluded_feeds)),
            exclude_companies=base.exclude_companies + query.excluded_companies,
        )

    # -- companies -----------------------------------------------------------------------------

    def tag(self, article_id: int, company: str) -> None:
        """Tag by hand. A name the directory knows, in any case or as an alias ("sony",
        "Honda Motor Co."), is stored under the company's own name."""
        known = self._directory().find(company.strip())
        if known is None:
            self.storage.tags.tag(article_id, company.strip())
            return
        self.storage.tags.ensure_company(known.name, known.aliases)  # company:ALIAS finds it
        self.storage.tags.tag(article_id, known.name)

    def untag(self, article_id: int, company: str) -> bool:
        return self.storage.tags.untag(article_id, company)

    def companies(self) -> list[CompanyOverview]:
        return self.storage.tags.overview()

    def watched_news(self, since: datetime) -> list[tuple[str, int]]:
        """Watched companies with how many articles stored since ``since`` were tagged with
        them: what to announce after a refresh."""
        return self.storage.tags.watched_news(since)

    def folder_feed_ids(self, folder: str) -> tuple[int, ...]:
        feeds = self.storage.feeds.list(with_counts=False)
        return tuple(feed.id for feed in feeds if feed.folder == folder)

    # -- what the app remembers between runs ---------------------------------------------------

    def remembered(self, key: str) -> str | None:
        return self.storage.app_state.get(key)

    def remember(self, key: str, value: str) -> None:
        self.storage.app_state.set(key, value)

    def watch(self, name: str) -> tuple[Company, int]:
        """Follow a company: its articles are tagged from now on, and the stored ones at once.
        A company the directory knows is stored under its own name and aliases. Returns the
        company and how many stored articles were tagged."""
        from reader.companies.directory import builtin_directory

        known = builtin_directory().find(name)
        canonical, aliases = (known.name, known.aliases) if known else (name.strip(), ())
        company = self.storage.tags.set_watched(canonical, True, aliases)
        return company, self.retag(only=company.name)

    def unwatch(self, name: str) -> Company:
        company = self.storage.tags.company(name)
        return self.storage.tags.set_watched(company.name, False)

    def retag(
        self, *, only: str | None = None, on_progress: Callable[[int, int], None] | None = None
    ) -> int:
        """Look for the watched companies (or only one) in every stored article and tag them.
        Tags the user removed stay removed. Returns how many tags were added."""
        from reader.companies.watch import watch_detector

        watchlist = self._watchlist()
        if only is not None:
            watchlist = tuple(e for e in watchlist if e.name.casefold() == only.casefold())
        if not watchlist:
            return 0
        detector = watch_detector(watchlist)
        return self.storage.tags.retag(
            lambda title, text: [d.name for d in detector.detect(title, text)], on_progress
        )

    def _watchlist(self) -> tuple[CompanyEntry, ...]:
        watched = self.storage.tags.watched()
        if not watched:
            return ()
        from reader.companies.watch import watch_entries

        return watch_entries((company.name, company.aliases) for company in watched)

    def tags(self, article_id: int) -> list[CompanyTag]:
        self.storage.articles.get(article_id)
        return self.storage.tags.tags_for(article_id)

    # -- import / export -----------------------------------------------------------------------

    def import_opml(self, data: bytes) -> ImportReport:
        from reader.importing.opml import read_opml

        return self._subscribe_all(read_opml(data), ())

    def import_newsboat(self, text: str) -> ImportReport:
        from reader.importing.opml import read_newsboat_urls

        parsed = read_newsboat_urls(text)
        return self._subscribe_all(parsed.subscriptions, tuple(parsed.skipped))

    def export_opml(self) -> bytes:
        from reader.importing.opml import Subscription, write_opml

        return write_opml(
            Subscription(
                url=feed.url,
                title=feed.display_title,
                folder=feed.folder,
                site_url=feed.site_url,
            )
            for feed in self.storage.feeds.list(with_counts=False)
        )

    def _subscribe_all(
        self, subscriptions: Sequence[Subscription], skipped: tuple[str, ...]
    ) -> ImportReport:
        known = {feed.url for feed in self.storage.feeds.list(with_counts=False)}
        added: list[Feed] = []
        existing: list[str] = []
        for sub in subscriptions:
            if sub.url in known:
                existing.append(sub.url)
                continue
            added.append(
                self.storage.feeds.add(
                    sub.url, title=sub.title, folder=sub.folder, site_url=sub.site_url
                )
            )
            known.add(sub.url)
        return models.ImportReport(tuple(added), tuple(existing), skipped)


async def _probe(
    fetcher: Fetcher, url: str, choose: ChooseFeed | None
) -> tuple[str, FetchResult, PreparedFeed, str | None]:
    """Fetch ``url`` and make sure it is a feed, following a web page's feed links if needed."""
    from asyncio import to_thread

    from reader.fetching.discovery import find_feed_links
    from reader.fetching.parse import prepare_feed

    result = await fetcher.fetch(url)
    assert result.body is not None
    try:
        prepared = await to_thread(prepare_feed, result.body, result.final_url, result.headers)
        return result.final_url, result, prepared, None
    except ParseError as err:
        if "HTML page" not in str(err):
            raise
    candidates = find_feed_links(result.body, base_url=result.final_url)
    if not candidates:
        raise DiscoveryError(
            f"{url} is a web page that links to no feed; look for an RSS or Atom link on the "
            "site and add that URL"
        )
    chosen = choose(candidates) if choose else candidates[0]
    if chosen is None:
        raise DiscoveryError("no feed chosen")
    feed_result = await fetcher.fetch(chosen.url)
    assert feed_result.body is not None
    try:
        prepared = await to_thread(
            prepare_feed, feed_result.body, feed_result.final_url, feed_result.headers
        )
    except ParseError as err:
        raise FetchError(f"{chosen.url} (linked from {url}): {err}") from err
    return feed_result.final_url, feed_result, prepared, result.final_url


def _day_start(day: date | None) -> datetime | None:
    return datetime.combine(day, time.min, tzinfo=UTC) if day else None


def _later(a: datetime | None, b: datetime | None) -> datetime | None:
    return max(x for x in (a, b) if x) if (a or b) else None


def _earlier(a: datetime | None, b: datetime | None) -> datetime | None:
    return min(x for x in (a, b) if x) if (a or b) else None
