"""Two versions of reader refreshing the same feeds in turn: is a change faster?

    git worktree add /tmp/before <commit>
    python bench/ab_refresh.py /tmp/before . --pairs 10           # cold refreshes
    python bench/ab_refresh.py /tmp/before . --pairs 12 --warm    # all-304 refreshes

Each tree is a checkout of reader, run as ``python -m reader`` with ``PYTHONPATH=<tree>``. The
feeds are refresh_bench's scenario A (200 feeds x 50 entries, pre-generated with ``--source
static``), served by ../shared/tools/feedserver.py on 127.0.0.1. This machine's speed drifts by
a tenth within minutes, so two versions measured one after the other in separate sittings can
differ by more than a change does: here every pair runs back to back, in alternating order, and
the report gives each side's median wall and CPU time and in how many pairs B was faster."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import refresh_bench as rb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tree_a", type=Path)
    parser.add_argument("tree_b", type=Path)
    parser.add_argument("--pairs", type=int, default=10)
    parser.add_argument("--warm", action="store_true", help="time the all-304 refresh instead")
    args = parser.parse_args()
    trees = [args.tree_a.resolve(), args.tree_b.resolve()]
    opts = rb.parse_args(["--source", "static"])
    rb.use_bytecode_cache()
    with rb.feed_server(opts) as server:
        urls = rb.scenario_urls(server, rb.Scenario("A", 200, 50), opts)
        times: dict[Path, list[tuple[float, float]]] = {tree: [] for tree in trees}
        for pair in range(args.pairs):
            for tree in trees if pair % 2 == 0 else trees[::-1]:
                times[tree].append(refresh(tree, urls, warm=args.warm))
    for name, tree in zip("AB", trees, strict=True):
        walls, cpus = zip(*times[tree], strict=True)
        print(
            f"{name} {tree}: wall {statistics.median(walls):.3f} s "
            f"[{min(walls):.2f}-{max(walls):.2f}], CPU {statistics.median(cpus):.3f} s"
        )
    a, b = times[trees[0]], times[trees[1]]
    faster = sum(after[0] < before[0] for before, after in zip(a, b, strict=True))
    ratio = statistics.median(t[0] for t in b) / statistics.median(t[0] for t in a)
    print(f"B/A {ratio:.3f}; B faster in {faster} of {args.pairs} pairs")


def refresh(tree: Path, urls: list[str], *, warm: bool) -> tuple[float, float]:
    """Wall and CPU seconds (the process and its parse workers) of one refresh into a new
    database; with ``warm``, of the second refresh, where every feed answers 304."""
    with tempfile.TemporaryDirectory(prefix="reader-ab-") as tmp:
        home = Path(tmp)
        env = {**rb.reader_env(home, None), "PYTHONPATH": str(tree)}
        opml, db = home / "feeds.opml", home / "ab.db"
        rb.write_opml(urls, opml)
        # run from the temporary folder: ``python -m`` puts the working directory first on
        # sys.path, where a checkout of reader would win over PYTHONPATH
        command = [sys.executable, "-m", "reader", "--db", str(db)]
        quiet = {"env": env, "cwd": home, "check": True, "stdout": subprocess.DEVNULL}
        subprocess.run([*command, "import-opml", str(opml)], **quiet)
        if warm:
            subprocess.run([*command, "fetch", "-q"], **quiet)
        started = time.perf_counter()
        process = subprocess.Popen([*command, "fetch", "-q"], env=env, cwd=home)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        if status != 0:
            sys.exit(f"{tree}: reader fetch failed (wait status {status})")
        return wall, usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()
