"""Parse throughput on one core: ``prepare_feed`` (fast path + drafts + html_to_text) against the
feedparser path alone, over 200 generated feeds of 50 entries each (the feedserver's /_gen bodies).

Times are CPU seconds of this process (``time.process_time``), so other load on the machine
inflates them less than wall-clock time would; pin to one core with ``taskset -c 0`` for stable
numbers.

Run: /work/venv/bin/python bench/parse_speed.py [--feeds 200] [--entries 50] [--runs 5]
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FEEDSERVER = REPO.parent / "shared" / "tools" / "feedserver.py"
sys.path.insert(0, str(REPO))

from reader.cleaning.html_text import html_to_text  # noqa: E402
from reader.fetching.feedparser_path import parse_with_feedparser  # noqa: E402
from reader.fetching.parse import parse_document, prepare_feed  # noqa: E402


def load_generator() -> Callable[[int, int, int], bytes]:
    spec = importlib.util.spec_from_file_location("feedserver", FEEDSERVER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {FEEDSERVER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.gen_feed


def median_seconds(work: Callable[[], object], runs: int) -> float:
    timings = []
    for _ in range(runs):
        start = time.process_time()
        work()
        timings.append(time.process_time() - start)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    gen_feed = load_generator()
    bodies = [gen_feed(i, args.entries, args.words) for i in range(args.feeds)]
    urls = [f"http://127.0.0.1/_gen/{i}.xml" for i in range(args.feeds)]
    total = args.feeds * args.entries
    megabytes = sum(map(len, bodies)) / 1e6
    print(
        f"{args.feeds} feeds x {args.entries} entries ({megabytes:.1f} MB), median of {args.runs}"
    )

    parsers = {prepare_feed(b, u).parser for b, u in zip(bodies, urls, strict=True)}
    print(f"prepare_feed used: {', '.join(sorted(parsers))}")

    def run_prepare() -> None:
        for body, url in zip(bodies, urls, strict=True):
            prepare_feed(body, url)

    def run_parse_only() -> None:
        for body, url in zip(bodies, urls, strict=True):
            parse_document(body, url=url)

    def run_feedparser() -> None:
        for body, url in zip(bodies, urls, strict=True):
            parse_with_feedparser(body, url=url, headers={})

    sample = [
        e.content_html or ""
        for e in parse_with_feedparser(bodies[0], url=urls[0], headers={}).entries
    ]
    html_runs = max(1, 5000 // len(sample))

    def run_html() -> None:
        for _ in range(html_runs):
            for html in sample:
                html_to_text(html)

    html_seconds = median_seconds(run_html, args.runs)
    html_count = html_runs * len(sample)
    average = sum(map(len, sample)) / len(sample)
    rate = html_count / html_seconds
    print(f"html_to_text:           {rate:10,.0f} bodies/s (avg {average:,.0f} chars)")
    parse_only = median_seconds(run_parse_only, args.runs)
    print(f"parse_document only:    {total / parse_only:10,.0f} entries/s ({parse_only:.2f} s)")
    fast = median_seconds(run_prepare, args.runs)
    print(f"prepare_feed:           {total / fast:10,.0f} entries/s ({fast:.2f} s)")
    slow = median_seconds(run_feedparser, max(1, min(args.runs, 3)))
    print(f"feedparser path alone:  {total / slow:10,.0f} entries/s ({slow:.2f} s)")
    print(f"speed-up:               {slow / fast:10.1f}x")


if __name__ == "__main__":
    main()
