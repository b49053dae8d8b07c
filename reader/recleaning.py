"""Re-making stored article texts with the current cleaner, in batches, on every core when
there are many: 100,000 articles are a few minutes of work on one core."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor

from reader.models import ArticleSource, CleanedText

NextBatch = Callable[[int], list[ArticleSource]]
"""Given the last article id done, the next sources in id order (empty at the end)."""


def reclean_batches(next_batch: NextBatch, *, parallel: bool) -> Iterator[list[CleanedText]]:
    """The new texts, one batch at a time, in id order. Each batch is read after the previous
    one was handed out, so the caller may write it before asking for more."""
    workers = os.cpu_count() or 1
    if not parallel or workers < 2:
        yield from _batches(next_batch, lambda sources: [_clean(s) for s in sources])
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from _batches(
            next_batch, lambda sources: list(pool.map(_clean, sources, chunksize=25))
        )


def _batches(
    next_batch: NextBatch, clean_all: Callable[[list[ArticleSource]], list[CleanedText]]
) -> Iterator[list[CleanedText]]:
    after = 0
    while sources := next_batch(after):
        yield clean_all(sources)
        after = sources[-1].article_id


def _clean(source: ArticleSource) -> CleanedText:
    from reader.cleaning import CLEANER_VERSION
    from reader.cleaning.sources import clean_source

    text = clean_source(source).text(link_numbers=False)
    return CleanedText(source.article_id, text, CLEANER_VERSION)
