"""Refreshing feeds: fetch concurrently, parse on every core, store each feed in one transaction.

The three kinds of work each get the resource they need: fetches share one event loop (bounded by
the fetcher's global and per-host limits), parsing runs in a process pool so a big refresh uses
all cores instead of one, and writes go through a single writer thread so SQLite never sees two
writers from this process. One feed's failure is recorded on that feed and never stops another."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, TypeVar

from reader.errors import FetchError, ParseError, StorageError
from reader.fetching.http import HTML_ACCEPT, Fetcher, FetchResult, FetchSettings
from reader.fetching.pages import PAGE_PER_HOST, PageText, pages_to_read, read_page
from reader.models import (
    ArticleDraft,
    CleanedText,
    Feed,
    FeedOutcome,
    FullText,
    OutcomeKind,
    RefreshReport,
)
from reader.parse_pool import prepare_in_pool
from reader.storage import FetchSuccess, Storage, WriteBatch
from reader.storage.connection import utc_now
from reader.writer import BatchWriter

if TYPE_CHECKING:
    from reader.companies.directory import CompanyEntry
    from reader.models import PreparedFeed

log = logging.getLogger(__name__)
T = TypeVar("T")

ProgressCallback = Callable[[FeedOutcome, int, int], None]
"""Called after each feed with (outcome, feeds done, feeds in total)."""

MAX_BACKOFF = timedelta(hours=24)
FIRST_BACKOFF = timedelta(minutes=15)
MAX_UNWRITTEN_FEEDS = 48


@dataclass(frozen=True, slots=True)
class RefreshOptions:
    """How one refresh runs: what the CLI flags and the app ask of it."""

    force: bool = False  # ignore back-off and Retry-After
    read_pages: bool = True  # full text: read new articles from their page as feeds ask
    watchlist: tuple[CompanyEntry, ...] = ()  # companies tagged automatically on new articles


def backoff_delay(consecutive_failures: int, retry_after: float | None) -> timedelta | None:
    """When to try a failing feed again. A server's Retry-After wins; otherwise one failure is
    forgiven (networks blip) and repeated failures wait 15 min, 30 min, 1 h ... up to a day."""
    if retry_after is not None:
        return min(timedelta(seconds=max(retry_after, 0)), MAX_BACKOFF)
    if consecutive_failures < 2:
        return None
    return min(FIRST_BACKOFF * 2 ** (consecutive_failures - 2), MAX_BACKOFF)


class Refresher:
    def __init__(self, storage: Storage, settings: FetchSettings, options: RefreshOptions):
        self._storage = storage
        self._settings = settings
        self._options = options

    async def run(
        self,
        feeds: Sequence[Feed],
        parse_pool: Executor,
        on_progress: ProgressCallback | None = None,
    ) -> RefreshReport:
        """Refresh ``feeds``, parsing in ``parse_pool`` (``reader.parse_pool``), which the
        caller opened before this module's imports and shuts down after."""
        now = utc_now()
        outcomes: list[FeedOutcome] = []
        # Feeds that have yet to hand the writer their result: while any has, it waits for
        # them to make bigger commits (see ``reader.writer``).
        unwritten_feeds = {feed.id for feed in feeds}
        writer = BatchWriter(self._storage, more_expected=lambda: bool(unwritten_feeds))
        try:
            async with (
                Fetcher(self._settings) as fetcher,
                PageReader(
                    self._settings,
                    parse_pool,
                    _store_with(writer),
                    enabled=self._options.read_pages,
                ) as pages,
            ):
                job = _Job(
                    fetcher, parse_pool, writer, pages, now, self._options.watchlist,
                    unwritten_feeds,
                )  # fmt: skip
                tasks = [asyncio.create_task(self._one(job, feed)) for feed in feeds]
                for task in asyncio.as_completed(tasks):
                    outcome = await task
                    outcomes.append(outcome)
                    if on_progress is not None:
                        on_progress(outcome, len(outcomes), len(feeds))
        finally:
            await writer.close()
        order = {feed.id: index for index, feed in enumerate(feeds)}
        outcomes.sort(key=lambda outcome: order[outcome.feed_id])
        return RefreshReport(tuple(outcomes))

    async def _one(self, job: _Job, feed: Feed) -> FeedOutcome:
        try:
            return await self._update_one(job, feed)
        finally:
            job.unwritten_feeds.discard(feed.id)

    async def _update_one(self, job: _Job, feed: Feed) -> FeedOutcome:
        if not self._options.force and feed.next_fetch_at and feed.next_fetch_at > job.now:
            return FeedOutcome(
                feed.id,
                feed.url,
                OutcomeKind.SKIPPED,
                error=f"backing off until {feed.next_fetch_at:%Y-%m-%d %H:%M} UTC "
                f"after {feed.consecutive_failures} failure(s): {feed.last_error}",
            )
        started = time.perf_counter()
        try:
            outcome = await job.update(feed)
        except (FetchError, ParseError) as err:
            retry_after = err.retry_after if isinstance(err, FetchError) else None
            status = err.http_status if isinstance(err, FetchError) else None
            await job.record_failure(feed, str(err), status, retry_after)
            outcome = FeedOutcome(
                feed.id, feed.url, OutcomeKind.FAILED, error=str(err), http_status=status
            )
        except StorageError as err:
            outcome = FeedOutcome(feed.id, feed.url, OutcomeKind.FAILED, error=str(err))
        except Exception as err:  # a bug must cost one feed, not the refresh
            log.exception("unexpected error refreshing %s", feed.url)
            reason = f"internal error: {type(err).__name__}: {err}"
            await job.record_failure(feed, reason, None, None)
            outcome = FeedOutcome(feed.id, feed.url, OutcomeKind.FAILED, error=reason)
        return replace(outcome, seconds=round(time.perf_counter() - started, 3))


def fetch_success(prepared: PreparedFeed, result: FetchResult) -> FetchSuccess:
    """What a fetched and parsed feed tells us about itself, to store with its articles."""
    return FetchSuccess(
        title=prepared.title,
        site_url=prepared.site_url,
        etag=result.etag,
        last_modified=result.last_modified,
        http_status=result.status,
        site_lines=prepared.site_lines,
    )


StorePage = Callable[[int, str, "PageText | None", str | None], Awaitable[None]]
"""Persist an article page: (article id, final URL, the page and its text or None, error)."""


class PageReader:
    """Reads new articles from their web pages (full text), at most ``PAGE_PER_HOST`` requests
    at once per host, with the size caps and timeouts of feed fetches. Its HTTP client starts on
    the first page, so a refresh that needs none pays nothing."""

    def __init__(
        self, settings: FetchSettings, parse_pool: Executor, store: StorePage, *, enabled: bool
    ):
        self._settings = replace(settings, per_host=min(settings.per_host, PAGE_PER_HOST))
        self._parse_pool = parse_pool
        self._store = store
        self._enabled = enabled
        self._fetcher: Fetcher | None = None
        self._starting = asyncio.Lock()

    async def __aenter__(self) -> PageReader:
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._fetcher is not None:
            await self._fetcher.__aexit__(None, None, None)
            self._fetcher = None

    async def read_new(
        self, mode: FullText, drafts: Sequence[ArticleDraft], new_ids: Mapping[str, int]
    ) -> tuple[int, int]:
        """Read the pages of the new articles the feed's setting asks for; (read, failed)."""
        if not self._enabled or not new_ids:
            return 0, 0
        wanted = pages_to_read(mode, drafts, new_ids)
        if not wanted:
            return 0, 0
        results = await asyncio.gather(*(self._read(i, draft) for i, draft in wanted))
        read = sum(results)
        return read, len(results) - read

    async def _read(self, article_id: int, draft: ArticleDraft) -> bool:
        url = draft.url or ""
        try:
            fetcher = await self._client()
            result = await fetcher.fetch(url, accept=HTML_ACCEPT)
            if not result.body:
                raise FetchError("the page was empty")
            page: PageText = await asyncio.get_running_loop().run_in_executor(
                self._parse_pool, read_page, result.body, result.final_url, draft.title
            )
        except (FetchError, ParseError) as err:
            await self._store(article_id, url, None, str(err))
            return False
        except Exception as err:  # a bug must cost one page, never the feed
            log.exception("unexpected error reading the page %s", url)
            await self._store(article_id, url, None, f"internal error: {type(err).__name__}")
            return False
        if len(page.text.split()) <= len(draft.clean_text.split()):
            reason = "the page has no more text than the feed item"
            await self._store(article_id, result.final_url, None, reason)
            return False
        await self._store(article_id, result.final_url, page, None)
        return True

    async def _client(self) -> Fetcher:
        async with self._starting:
            if self._fetcher is None:
                fetcher = Fetcher(self._settings)
                self._fetcher = await fetcher.__aenter__()
        return self._fetcher


def _store_with(writer: BatchWriter) -> StorePage:
    async def store(article_id: int, url: str, page: PageText | None, error: str | None) -> None:
        now = utc_now()
        text = CleanedText(article_id, page.text, page.version) if page else None
        html = page.html if page else None
        await writer.write(
            lambda batch: batch.page(article_id, url, now, html=html, text=text, error=error)
        )

    return store


class _Job:
    """The shared resources of one refresh run."""

    def __init__(
        self,
        fetcher: Fetcher,
        parse_pool: Executor,
        writer: BatchWriter,
        pages: PageReader,
        now: datetime,
        watchlist: tuple[CompanyEntry, ...],
        unwritten_feeds: set[int],
    ):
        self.watchlist = watchlist
        self.unwritten_feeds = unwritten_feeds
        self.fetcher = fetcher
        self.parse_pool = parse_pool
        self.writer = writer
        self.pages = pages
        self.now = now
        # Fetching and parsing can outrun the single writer; without a bound, parsed feeds
        # pile up in memory (443 MB at 100,000 entries). This keeps a few batches' worth.
        self.unwritten = asyncio.Semaphore(MAX_UNWRITTEN_FEEDS)

    async def update(self, feed: Feed) -> FeedOutcome:
        result = await self.fetcher.fetch(
            feed.url, etag=feed.etag, last_modified=feed.last_modified
        )
        new_url = result.permanent_url
        if new_url and new_url != feed.url:
            await self.writer.write(lambda batch: batch.moved(feed.id, new_url))
        if result.status == 304 or result.body is None:
            fetch = FetchSuccess(
                etag=result.etag or feed.etag,
                last_modified=result.last_modified or feed.last_modified,
                http_status=304,
            )
            await self.write_result(
                feed, lambda batch: batch.not_modified(feed.id, fetch, self.now)
            )
            return FeedOutcome(feed.id, feed.url, OutcomeKind.NOT_MODIFIED, http_status=304)
        async with self.unwritten:
            prepared: PreparedFeed = await asyncio.get_running_loop().run_in_executor(
                self.parse_pool,
                prepare_in_pool,
                result.body,
                result.final_url,
                result.headers,
                self.watchlist,
            )
            fetch = fetch_success(prepared, result)
            counts = await self.write_result(
                feed, lambda batch: batch.store(feed.id, prepared.drafts, fetch, self.now)
            )
        read, failed = await self.pages.read_new(feed.full_text, prepared.drafts, counts.new_ids)
        return FeedOutcome(
            feed.id,
            feed.url,
            OutcomeKind.UPDATED,
            new=counts.new,
            updated=counts.updated,
            http_status=result.status,
            pages=read,
            pages_failed=failed,
        )

    async def write_result(self, feed: Feed, write: Callable[[WriteBatch], T]) -> T:
        """A feed's last write of its update. Once it is handed over the writer stops waiting
        for this feed before it commits."""
        self.unwritten_feeds.discard(feed.id)
        return await self.writer.write(write)

    async def record_failure(
        self, feed: Feed, reason: str, http_status: int | None, retry_after: float | None
    ) -> None:
        delay = backoff_delay(feed.consecutive_failures + 1, retry_after)
        next_fetch_at = self.now + delay if delay else None
        await self.write_result(
            feed,
            lambda batch: batch.failed(
                feed.id,
                error=reason,
                http_status=http_status,
                now=self.now,
                next_fetch_at=next_fetch_at,
            ),
        )
