"""The processes a refresh parses and cleans its documents in, started before anything else.

A refresh spends its first third of a second on one core: imports, the database, the first
requests. Workers started then import the parsing stack (lxml, selectolax, the cleaner: ~0.1 s
of CPU) on the core that is idle anyway, and the refresh's own process never loads it: what
they send back unpickles with ``reader.models`` alone. Forked then, before the refresh's
threads (the writer, the CA loader) exist, a worker also inherits no lock another thread held.

Only a refresh sure to parse starts them this early: one where some feed has no validators to
answer 304 with. Otherwise (every feed answering 304 is the common case) they start at the
first document, as a pool always does."""

from __future__ import annotations

import ctypes
import gc
import os
import signal
import sys
from collections.abc import Mapping, Sequence
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from reader.companies.directory import CompanyEntry
    from reader.models import Feed, PreparedFeed

# Below this many feeds a process pool costs more to start than it saves.
POOL_THRESHOLD = 4
PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>


def open_parse_pool(feeds: Sequence[Feed], workers: int | None = None) -> Executor:
    """The executor a refresh of ``feeds`` parses in; ``workers`` processes (None: one per
    core), or one thread for a handful of feeds. The caller shuts it down."""
    count = workers or os.cpu_count() or 1
    if len(feeds) < POOL_THRESHOLD or count < 2:
        return ThreadPoolExecutor(max_workers=1, thread_name_prefix="reader-parse")
    if any(_sure_to_send_a_document(feed) for feed in feeds):
        pool = _process_pool(count)
        pool.submit(int)  # a pool starts its workers at the first job: this one does nothing
        return pool
    return _PoolAtFirstJob(count)


def prepare_in_pool(
    body: bytes, url: str, headers: Mapping[str, str], watchlist: tuple[CompanyEntry, ...]
) -> PreparedFeed:
    """The parse job. A worker finds a job's function by importing its module: here, where
    workers have it already, rather than in ``reader.refresh``, which would load the fetching
    stack (httpx and ~130 other modules, 0.1 s of CPU) into every worker on its first job. The
    thread a handful of feeds parse on loads the parsing stack here, so that a refresh where
    every feed answers 304 never pays for it."""
    from reader.fetching.parse import prepare_feed

    return prepare_feed(body, url, headers, watchlist)


def _sure_to_send_a_document(feed: Feed) -> bool:
    return feed.etag is None and feed.last_modified is None


def _process_pool(count: int) -> Executor:
    from concurrent.futures import ProcessPoolExecutor

    # What is loaded by now lives until the process ends: frozen out of the garbage
    # collector's sight, its collections no longer walk it, and forked workers no longer copy
    # the memory pages it sits on by touching it.
    gc.freeze()
    return ProcessPoolExecutor(max_workers=count, initializer=_start_parse_worker)


class _PoolAtFirstJob(Executor):
    """A process pool made at its first job. A refresh where every feed answers 304 (the
    common case) sends none, and so never imports multiprocessing (~15 ms of a 0.8 s warm
    refresh) nor builds the pool's queues and pipes."""

    def __init__(self, workers: int) -> None:
        self._workers = workers
        self._pool: Executor | None = None

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        if self._pool is None:
            self._pool = _process_pool(self._workers)
        return self._pool.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=wait, cancel_futures=cancel_futures)


def _start_parse_worker() -> None:
    """Parse workers run at the lowest priority: the single writer thread is what bounds a big
    refresh, and it must keep its core while parsing fills the gaps (cold refresh of 200 feeds
    4.57 s -> 4.11 s, medians of 5)."""
    os.nice(19)
    _exit_with_parent()
    import reader.fetching.parse  # noqa: F401  (before the first document, not during it)


def _exit_with_parent() -> None:
    """Parse workers wait on a queue and would outlive a parent killed with SIGKILL (a user's
    kill -9, an OOM kill). On Linux, ask the kernel to end them with it."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before prctl took effect
        os._exit(0)
