"""A single writer thread that groups the writes of a refresh into few transactions.

Coroutines hand it a write (a function of a ``WriteBatch``) and await the result. The thread
takes every write that is waiting, runs them in one transaction (each in its own savepoint, see
``storage.batch``) and answers each caller only after the commit, so a caller that was told
"stored" can rely on it.

A commit costs far more than a write inside it: SQLite rewrites the pages every commit touches
and FTS5 writes a new index segment it must later merge. Parsing hands feeds over one by one,
so taking only what is waiting made a cold refresh of 200 feeds 136 commits, mostly of one
feed; in batches of 8, storing them takes half the CPU. So the writer waits a little for more
while the caller says more are coming (``more_expected``), and never when none are: the last
feed of a refresh, or a lone one, is committed at once."""

from __future__ import annotations

import asyncio
import queue
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from reader.storage import Storage, WriteBatch

T = TypeVar("T")
Write = Callable[[WriteBatch], Any]

MAX_WRITES_PER_BATCH = 64
ENOUGH_WRITES = 8
"""A batch this big is committed without waiting for more: larger ones save little more."""
LINGER_SECONDS = 0.2
"""How long the first write of a batch may wait for others; bounds the delay it adds."""


def _never() -> bool:
    return False


class BatchWriter:
    def __init__(self, storage: Storage, more_expected: Callable[[], bool] = _never):
        self._storage = storage
        self._more_expected = more_expected
        self._queue: queue.SimpleQueue[tuple[Write, asyncio.Future[Any]] | None] = (
            queue.SimpleQueue()
        )
        self._loop = asyncio.get_running_loop()
        self._thread = threading.Thread(target=self._run, name="reader-writer", daemon=True)
        self._thread.start()

    async def write(self, write: Callable[[WriteBatch], T]) -> T:
        future: asyncio.Future[T] = self._loop.create_future()
        self._queue.put((write, future))
        return await future

    async def close(self) -> None:
        self._queue.put(None)
        await asyncio.to_thread(self._thread.join)

    def _run(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            pending = [first]
            stop = self._gather(pending)
            self._commit(pending)
            if stop:
                return

    def _gather(self, pending: list[tuple[Write, asyncio.Future[Any]]]) -> bool:
        """Add what else is waiting, and what comes within the linger while more writes are
        expected and the batch is small; True when the close marker was among it."""
        deadline = time.monotonic() + LINGER_SECONDS
        while len(pending) < MAX_WRITES_PER_BATCH:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                wait = deadline - time.monotonic()
                if len(pending) >= ENOUGH_WRITES or wait <= 0 or not self._more_expected():
                    return False
                try:
                    item = self._queue.get(timeout=min(wait, 0.01))
                except queue.Empty:
                    continue
            if item is None:
                return True
            pending.append(item)
        return False

    def _commit(self, pending: list[tuple[Write, asyncio.Future[Any]]]) -> None:
        outcomes: list[tuple[bool, Any]] = []
        try:
            with self._storage.write_batch() as batch:
                for write, _ in pending:
                    try:
                        outcomes.append((True, write(batch)))
                    except Exception as err:  # this write rolled back alone; tell its caller
                        outcomes.append((False, err))
        except Exception as err:  # the commit itself failed: nothing of this batch is stored
            outcomes = [(False, err)] * len(pending)
        for (_, future), (ok, value) in zip(pending, outcomes, strict=True):
            self._loop.call_soon_threadsafe(_settle, future, ok, value)


def _settle(future: asyncio.Future[Any], ok: bool, value: Any) -> None:
    if future.cancelled():
        return
    if ok:
        future.set_result(value)
    else:
        future.set_exception(value)
