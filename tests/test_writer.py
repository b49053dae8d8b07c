"""The refresh's single writer makes few, large commits, without making a lone write wait."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.storage import FetchSuccess, Storage, WriteBatch
from reader.writer import LINGER_SECONDS, BatchWriter
from tests.conftest import article_draft

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


class CountingStorage(Storage):
    """A real store that counts its transactions."""

    commits = 0

    @contextmanager
    def write_batch(self) -> Iterator[WriteBatch]:
        with super().write_batch() as batch:
            yield batch
        self.commits += 1


@pytest.fixture
def store(tmp_path: Path) -> Iterator[CountingStorage]:
    storage = CountingStorage(tmp_path / "reader.db")
    yield storage
    storage.close()


def store_article(feed_id: int, n: int) -> Callable[[WriteBatch], object]:
    return lambda batch: batch.store(feed_id, [article_draft(n)], FetchSuccess(), NOW)


class Producer:
    """Hands writes 10 ms apart (a twentieth of the linger, so a loaded machine still fits them
    in), as parse workers do, and knows how many are to come."""

    def __init__(self, writes: list[Callable[[WriteBatch], object]]):
        self.writes = writes
        self.handed = 0

    def more_to_come(self) -> bool:
        return self.handed < len(self.writes)

    async def run(self, writer: BatchWriter) -> None:
        pending = []
        for write in self.writes:
            pending.append(asyncio.ensure_future(self._hand(writer, write)))
            await asyncio.sleep(0.01)
        await asyncio.gather(*pending)

    async def _hand(self, writer: BatchWriter, write: Callable[[WriteBatch], object]) -> None:
        # counted in the same step as the write is queued, as the refresh does: counted
        # earlier, the writer could see no more to come and commit without this write
        self.handed += 1
        await writer.write(write)


async def test_writes_that_come_while_more_are_expected_share_a_commit(
    store: CountingStorage,
) -> None:
    feed = store.feeds.add("https://example.com/feed")
    producer = Producer([store_article(feed.id, n) for n in range(5)])
    writer = BatchWriter(store, more_expected=producer.more_to_come)
    await producer.run(writer)
    await writer.close()
    assert store.commits == 1
    assert store.articles.count() == 5


async def test_writes_are_committed_at_once_when_no_more_are_expected(
    store: CountingStorage,
) -> None:
    feed = store.feeds.add("https://example.com/feed")
    producer = Producer([store_article(feed.id, n) for n in range(3)])
    writer = BatchWriter(store, more_expected=lambda: False)
    await producer.run(writer)
    await writer.close()
    assert store.commits == 3
    assert store.articles.count() == 3


async def test_a_write_waits_for_company_no_longer_than_the_linger(
    store: CountingStorage,
) -> None:
    feed = store.feeds.add("https://example.com/feed")
    writer = BatchWriter(store, more_expected=lambda: True)
    started = time.monotonic()
    await writer.write(store_article(feed.id, 1))
    waited = time.monotonic() - started
    await writer.close()
    assert LINGER_SECONDS <= waited < LINGER_SECONDS + 1
    assert store.commits == 1
