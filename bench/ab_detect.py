"""Two versions of company detection over the same stored articles in one process: is a change
faster?

    git worktree add /tmp/before <commit>
    python bench/ab_detect.py /tmp/before . --articles 20000 --rounds 3

Both trees' ``reader`` packages are imported side by side (each with its own directory and
detector), and batches of 1,000 stored articles of ``bench/results/big-100k.db`` run through
one and then the other, the order alternating, timed in CPU time. This machine's speed drifts by
a tenth within minutes, which separate runs cannot tell from a change; batch by batch, the same
tree against itself gives 0.98-1.03 over all (medians 1.00-1.01), so only a change of 3% or more
shows. The report gives each side's articles a second, B's speed over A's (median of the
batches' ratios and over all), and in how many batches B was faster."""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Protocol

REPO = Path(__file__).resolve().parents[1]
BATCH = 1000


class Detects(Protocol):
    def detect(self, title: str, body: str) -> list: ...


def load_detector(tree: Path) -> Detects:
    """A Detector of the built-in directory from ``tree``'s package, which is then taken out of
    sys.modules so that the other tree's package can be imported under the same name."""
    sys.path.insert(0, str(tree))
    try:
        from reader.companies.detect import Detector
        from reader.companies.directory import builtin_directory

        return Detector(builtin_directory())
    finally:
        sys.path.remove(str(tree))
        for name in [n for n in sys.modules if n == "reader" or n.startswith("reader.")]:
            del sys.modules[name]


def stored_articles(db: Path, count: int) -> list[tuple[str, str]]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return conn.execute(
            "SELECT title, clean_text FROM articles ORDER BY id LIMIT ?", (count,)
        ).fetchall()


def seconds(detector: Detects, batch: list[tuple[str, str]]) -> float:
    started = time.process_time()
    for title, text in batch:
        detector.detect(title, text)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tree_a", type=Path)
    parser.add_argument("tree_b", type=Path)
    parser.add_argument("--db", type=Path, default=REPO / "bench" / "results" / "big-100k.db")
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    a, b = load_detector(args.tree_a.resolve()), load_detector(args.tree_b.resolve())
    rows = stored_articles(args.db, args.articles)
    for title, text in rows[:500]:  # warm both: caches of words and cues fill on first sight
        a.detect(title, text)
        b.detect(title, text)
    ratios: list[float] = []
    total_a = total_b = 0.0
    for round_number in range(args.rounds):
        for index in range(0, len(rows), BATCH):
            batch = rows[index : index + BATCH]
            a_first = (index // BATCH + round_number) % 2 == 0
            if a_first:
                time_a, time_b = seconds(a, batch), seconds(b, batch)
            else:
                time_b, time_a = seconds(b, batch), seconds(a, batch)
            ratios.append(time_a / time_b)
            total_a += time_a
            total_b += time_b
    articles = args.rounds * len(rows)
    print(f"A {articles / total_a:.0f} articles/s, B {articles / total_b:.0f} articles/s")
    print(
        f"speed B/A: median {statistics.median(ratios):.3f}, over all {total_a / total_b:.3f}; "
        f"B faster in {sum(r > 1 for r in ratios)} of {len(ratios)} batches"
    )


if __name__ == "__main__":
    main()
