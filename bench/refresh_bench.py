"""Refresh, search and list benchmarks for ``reader``, with newsboat as the yardstick.

What it measures (every timing is wall-clock; "whole process" includes interpreter start):

* refresh A: 200 feeds x 50 entries. Per run: a fresh database, ``reader import-opml`` (not
  timed), then ``reader fetch -q`` COLD (everything new) and again WARM (nothing changed, every
  feed answers 304). Median/min/max over ``--runs`` runs, plus peak memory of the fetch.
* refresh B: 1,000 feeds x 20 entries, the same way (target: peak memory under 300 MB).
* newsboat: scenario A with ``newsboat -x reload`` (``reload-threads 8``, and once with the
  default single thread), a fresh cache each cold run; the cache's ``rss_item`` count is checked.
* search: a 100,000-article database (1,000 feeds x 100 entries x 150 words, built once through
  ``reader fetch`` and cached as bench/results/big-100k.db), then ``reader search`` and
  ``reader list`` whole-process times (hyperfine), ``Library.search`` in-process times, and raw
  FTS5 times for the same MATCH to show what our layer adds.

Feeds come from ../shared/tools/feedserver.py on 127.0.0.1. ``--source gen`` (the default) uses
its ``/_gen/`` URLs, which regenerate the feed in Python on every request, 304s included (about
20 ms of server CPU per 50-entry feed, on the same 2 cores as the client). ``--source static``
serves the same bytes pre-generated and pre-gzipped from files, so the server costs almost
nothing and the numbers are the client's. The server's CPU seconds are reported per phase.

Memory: ``max_rss`` is ru_maxrss from ``os.wait4`` (exact; the largest single process of the tree,
reader's parse workers included); ``tree_pss``/``tree_rss`` are the peak of the sum over the
process tree, sampled from /proc every 100 ms (PSS splits shared pages fairly between processes).

Rerun:
    /work/venv/bin/python bench/refresh_bench.py                 # everything, 5 runs
    /work/venv/bin/python bench/refresh_bench.py --quick         # smoke test
    /work/venv/bin/python bench/refresh_bench.py --only search --rebuild
Results: a table on stdout and bench/results/<timestamp>.json."""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

# The SQLite reader runs on (a bundled current one where pysqlite3-binary is installed), so
# that the raw FTS5 timings beside reader's are of the same engine.
from reader.storage.sqlite import sqlite3

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results"
BIN = Path(sys.executable).parent
READER = BIN / "reader"
SAMPLE_INTERVAL = 0.1  # seconds between RSS samples (/proc/<pid>/statm: microseconds each)
PSS_INTERVAL = 1.0
"""Seconds between PSS samples. Reading /proc/<pid>/smaps_rollup walks the whole address space
of each process under its memory-map lock: 11 ms of CPU per sample of reader's refresh tree
(~1 ms of newsboat). Every 100 ms, the sampler took 0.3 s of CPU from a 200-feed cold refresh
on 2 busy cores and made it ~6% slower (3.12 s -> 3.31 s, 9 interleaved runs each). A
refresh's memory rises to a plateau that lasts most of the run: a sample a second finds its
peak."""
ONLY_CHOICES = ("refresh", "newsboat", "search")


# -- small helpers ------------------------------------------------------------------------------


def log(message: str) -> None:
    print(f"[{datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def summary(values: Sequence[float]) -> dict[str, float]:
    """Median, min, max (and the raw values) of a list of numbers."""
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "n": len(values),
        "values": [round(v, 6) for v in values],
    }


def mib(kib: float) -> float:
    return kib / 1024


# -- process measurement ------------------------------------------------------------------------


@dataclass
class Measured:
    """One child process: wall time, exit code, peak memory (KiB)."""

    seconds: float
    cpu_seconds: float  # user + system, the process and all its waited-for descendants
    returncode: int
    max_rss_kib: int
    tree_rss_kib: int
    tree_pss_kib: int
    processes_seen: int
    load_before: float  # 1-minute load average just before the start (other work on the box)
    steal_seconds: float  # CPU time the hypervisor took from this machine's cores meanwhile
    stdout: str = field(repr=False)
    stderr: str = field(repr=False)


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found.extend(int(c) for c in handle.read().split())
    except OSError:
        pass
    return found


def _process_tree(root: int) -> list[int]:
    pids, queue = [], [root]
    while queue:
        pid = queue.pop()
        pids.append(pid)
        queue.extend(_children(pid))
    return pids


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * _PAGE_KIB
    except (OSError, ValueError, IndexError):
        return 0


_PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class TreeSampler(threading.Thread):
    """Samples the summed RSS and PSS of a process and its descendants until stopped."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_rss = 0
        self.peak_pss = 0
        self.seen: set[int] = set()
        self._stop_event = threading.Event()

    def run(self) -> None:
        started = time.monotonic()
        next_pss = started + PSS_INTERVAL / 4
        while not self._stop_event.is_set():
            pids = _process_tree(self.pid)
            self.seen.update(pids)
            self.peak_rss = max(self.peak_rss, sum(_rss_kib(pid) for pid in pids))
            now = time.monotonic()
            if now >= next_pss:
                self.peak_pss = max(self.peak_pss, sum(_pss_kib(pid) for pid in pids))
                # four times as often in the first interval, for runs shorter than one
                step = PSS_INTERVAL / 4 if now - started < PSS_INTERVAL else PSS_INTERVAL
                next_pss = now + step
            self._stop_event.wait(SAMPLE_INTERVAL)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def stolen_seconds() -> float:
    """CPU seconds the hypervisor has taken from this virtual machine since boot, all cores
    (the "steal" column of /proc/stat; 0 where there is none). On this box a burst of steal
    makes one run 30% slower than the next: the JSON keeps it per run so such runs show."""
    try:
        with open("/proc/stat") as handle:
            fields = handle.readline().split()
        return int(fields[8]) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def run_measured(cmd: Sequence[str | Path], env: dict[str, str] | None = None) -> Measured:
    """Run ``cmd`` to completion; time it and take its peak memory (wait4 + /proc sampling)."""
    load_before = round(os.getloadavg()[0], 2)
    steal_before = stolen_seconds()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen([str(c) for c in cmd], stdout=out, stderr=err, env=env)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        sampler.stop()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Measured(
            seconds=seconds,
            cpu_seconds=usage.ru_utime + usage.ru_stime,
            returncode=proc.returncode,
            max_rss_kib=usage.ru_maxrss,
            tree_rss_kib=sampler.peak_rss,
            tree_pss_kib=sampler.peak_pss,
            processes_seen=len(sampler.seen),
            load_before=load_before,
            steal_seconds=round(stolen_seconds() - steal_before, 2),
            stdout=out.read().decode(errors="replace"),
            stderr=err.read().decode(errors="replace"),
        )


def run_quiet(cmd: Sequence[str | Path], env: dict[str, str] | None = None) -> None:
    result = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise RuntimeError(f"{cmd} failed ({result.returncode}): {result.stderr.strip()[-500:]}")


# -- the feed server ----------------------------------------------------------------------------


def find_shared(explicit: Path | None) -> Path:
    for candidate in (explicit, REPO.parent / "shared", REPO / "shared"):
        if candidate and (candidate / "tools" / "feedserver.py").is_file():
            return candidate.resolve()
    sys.exit("cannot find shared/tools/feedserver.py; pass --shared PATH")


def load_feedserver(shared: Path) -> ModuleType:
    """The feed server as a module, for its deterministic ``gen_feed``."""
    spec = importlib.util.spec_from_file_location("feedserver", shared / "tools" / "feedserver.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _proc_cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class FeedServer:
    """feedserver.py in a child process: its base URL, request stats and CPU time."""

    def __init__(self, shared: Path, root: Path, lifetime: int):
        script = shared / "tools" / "feedserver.py"
        cmd = [sys.executable, str(script), str(root), "--port", "0"]
        cmd += ["--lifetime", str(lifetime), "--quiet"]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        first = self.proc.stdout.readline().split()
        if len(first) != 2 or first[0] != "PORT":
            self.proc.kill()
            raise RuntimeError(f"feedserver did not start: {first}")
        self.base = f"http://127.0.0.1:{first[1]}"

    def stats(self, reset: bool = False) -> dict[str, Any]:
        url = f"{self.base}/_stats{'?reset=1' if reset else ''}"
        with urllib.request.urlopen(url, timeout=10) as response:
            return json.load(response)

    def status_counts(self) -> dict[str, int]:
        """Responses by status since the last call (stats requests themselves excluded)."""
        counts = dict(self.stats(reset=True)["status"])
        counts["200"] = counts.get("200", 0) - 1  # the /_stats request of the previous reset
        return {k: v for k, v in counts.items() if v}

    def cpu_seconds(self) -> float:
        return _proc_cpu_seconds(self.proc.pid)

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


# -- feed sets ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scenario:
    name: str
    feeds: int
    entries: int
    words: int | None = None  # None: the generator's default (300)

    @property
    def query(self) -> str:
        return f"entries={self.entries}" + (f"&words={self.words}" if self.words else "")

    @property
    def label(self) -> str:
        words = f" x {self.words} words" if self.words else ""
        return f"{self.feeds} feeds x {self.entries} entries{words}"


def _write_static_feed(args: tuple[str, int, int, int, str]) -> None:
    shared, index, entries, words, path = args
    body = load_feedserver(Path(shared)).gen_feed(index, entries, words)
    Path(path).write_bytes(gzip.compress(body, compresslevel=6, mtime=0))


def prepare_static(shared: Path, root: Path, scenario: Scenario) -> str:
    """Pre-generate the scenario's feeds as .xml.gz files under ``root`` (cached between runs);
    returns their URL folder."""
    folder = f"static/{scenario.feeds}x{scenario.entries}x{scenario.words or 300}"
    target = root / folder
    done = target / ".complete"
    if not done.exists():
        target.mkdir(parents=True, exist_ok=True)
        log(f"pre-generating {scenario.label} as gzip files in {target}")
        jobs = [
            (str(shared), i, scenario.entries, scenario.words or 300, str(target / f"{i}.xml.gz"))
            for i in range(scenario.feeds)
        ]
        with ProcessPoolExecutor() as pool:
            list(pool.map(_write_static_feed, jobs, chunksize=16))
        done.touch()
    return folder


class FeedServers:
    """Several feedservers on their own ports, so that feeds sit on several hosts as real
    subscriptions do (reader allows at most 4 requests at once to one host; newsboat has no
    per-host limit). The interface is FeedServer's, summed over the group."""

    def __init__(self, shared: Path, root: Path, lifetime: int, count: int):
        self.servers = [FeedServer(shared, root, lifetime) for _ in range(count)]

    @property
    def bases(self) -> list[str]:
        return [server.base for server in self.servers]

    def status_counts(self) -> dict[str, int]:
        total: dict[str, int] = {}
        for server in self.servers:
            for status, count in server.status_counts().items():
                total[status] = total.get(status, 0) + count
        return total

    def cpu_seconds(self) -> float:
        return sum(server.cpu_seconds() for server in self.servers)

    def close(self) -> None:
        for server in self.servers:
            server.close()


def feed_urls(server: FeedServers, scenario: Scenario, static_folder: str | None) -> list[str]:
    """Feed i is on server i mod N."""
    bases = server.bases
    if static_folder:
        return [
            f"{bases[i % len(bases)]}/{static_folder}/{i}.xml.gz" for i in range(scenario.feeds)
        ]
    return [f"{bases[i % len(bases)]}/_gen/{i}.xml?{scenario.query}" for i in range(scenario.feeds)]


def write_opml(urls: Sequence[str], path: Path) -> None:
    from xml.sax.saxutils import quoteattr

    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0"><head><title>bench</title></head><body>',
        *(
            f'<outline type="rss" text="feed {i}" xmlUrl={quoteattr(u)}/>'
            for i, u in enumerate(urls)
        ),
        "</body></opml>",
    ]
    path.write_text("\n".join(lines) + "\n")


# -- reader -------------------------------------------------------------------------------------


def reader_env(home: Path, per_host: int | None) -> dict[str, str]:
    """An environment that reads no user config (or only ours, to set fetch.per_host)."""
    config = home / "reader-config.toml"
    config.write_text(f"[fetch]\nper_host = {per_host}\n" if per_host else "")
    return {**os.environ, "READER_CONFIG": str(config), "HOME": str(home)}


def count_rows(db: Path, sql: str) -> int:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return int(conn.execute(sql).fetchone()[0])


def phase_record(server: FeedServers, measured: Measured, cpu_before: float) -> dict[str, Any]:
    return {
        "seconds": measured.seconds,
        "cpu_s": measured.cpu_seconds,
        "load_before": measured.load_before,
        "steal_s": measured.steal_seconds,
        "returncode": measured.returncode,
        "max_rss_mib": mib(measured.max_rss_kib),
        "tree_rss_mib": mib(measured.tree_rss_kib),
        "tree_pss_mib": mib(measured.tree_pss_kib),
        "processes": measured.processes_seen,
        "server_cpu_s": server.cpu_seconds() - cpu_before,
        "server_status": server.status_counts(),
        "stderr_tail": measured.stderr.strip()[-300:],
    }


def timed_fetch(server: FeedServers, db: Path, env: dict[str, str], extra: Sequence[str]) -> dict:
    server.status_counts()
    cpu_before = server.cpu_seconds()
    measured = run_measured([READER, "--db", db, "fetch", "-q", *extra], env)
    return phase_record(server, measured, cpu_before)


def reader_refresh_runs(
    server: FeedServers,
    urls: Sequence[str],
    scenario: Scenario,
    runs: int,
    opts: argparse.Namespace,
) -> dict[str, Any]:
    records = [reader_refresh_run(server, urls, scenario, opts, run, runs) for run in range(runs)]
    return reader_result(scenario, records)


def reader_result(scenario: Scenario, records: list[dict[str, Any]]) -> dict[str, Any]:
    return {"scenario": asdict(scenario), "runs": records, **summarise_phases(records)}


def reader_refresh_run(
    server: FeedServers,
    urls: Sequence[str],
    scenario: Scenario,
    opts: argparse.Namespace,
    run: int,
    runs: int,
) -> dict[str, Any]:
    """One cold refresh into an empty database, then one warm refresh of the same feeds."""
    extra = ["--concurrency", str(opts.concurrency)] if opts.concurrency else []
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        home = Path(tmp)
        env = reader_env(home, opts.per_host)
        opml, db = home / "feeds.opml", home / "bench.db"
        write_opml(urls, opml)
        run_quiet([READER, "--db", db, "import-opml", opml], env)
        cold = timed_fetch(server, db, env, extra)
        cold["articles"] = count_rows(db, "SELECT count(*) FROM articles")
        warm = timed_fetch(server, db, env, extra)
    log(
        f"  reader {scenario.name} run {run + 1}/{runs}: cold {cold['seconds']:.2f} s "
        f"({cold['articles']} articles, {cold['tree_pss_mib']:.0f} MiB PSS, "
        f"steal {cold['steal_s']:.2f} s), "
        f"warm {warm['seconds']:.2f} s {warm['server_status']}"
    )
    return {"cold": cold, "warm": warm}


def summarise_phases(
    records: Sequence[dict[str, Any]], phases: Sequence[str] = ("cold", "warm")
) -> dict[str, Any]:
    out: dict[str, Any] = {"phases": list(phases)}
    for phase in phases:
        rows = [r[phase] for r in records]
        out[phase] = {
            key: summary([row[key] for row in rows])
            for key in (
                "seconds",
                "cpu_s",
                "max_rss_mib",
                "tree_rss_mib",
                "tree_pss_mib",
                "server_cpu_s",
                "steal_s",
            )
        }
        out[phase]["failed_runs"] = sum(1 for row in rows if row["returncode"] != 0)
        out[phase]["server_status_last"] = rows[-1]["server_status"]
        if "articles" in rows[-1]:
            out[phase]["articles"] = [row["articles"] for row in rows]
    return out


# -- newsboat -----------------------------------------------------------------------------------


def newsboat_runs(
    server: FeedServers, urls: Sequence[str], threads: int, runs: int
) -> dict[str, Any]:
    if not shutil.which("newsboat"):
        return {"error": "newsboat not installed"}
    records = [newsboat_run(server, urls, threads, run, runs) for run in range(runs)]
    return newsboat_result(threads, records)


def newsboat_result(threads: int, records: list[dict[str, Any]]) -> dict[str, Any]:
    phases = ("cold", "second", "warm")
    return {"threads": threads, "runs": records, **summarise_phases(records, phases)}


def newsboat_run(
    server: FeedServers, urls: Sequence[str], threads: int, run: int, runs: int
) -> dict[str, Any]:
    """newsboat's first, second and third reload of the feeds, from an empty cache."""
    newsboat = shutil.which("newsboat")
    assert newsboat is not None
    with tempfile.TemporaryDirectory(prefix="newsboat-bench-") as tmp:
        home = Path(tmp)
        (home / "urls").write_text("\n".join(urls) + "\n")
        # A config with nothing but the thread count (1 is newsboat's default).
        (home / "config").write_text(f"reload-threads {threads}\n" if threads != 1 else "")
        env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")}
        env["XDG_DATA_HOME"] = str(home / ".local/share")
        cmd = [newsboat, "-u", home / "urls", "-c", home / "cache.db"]
        cmd += ["-C", home / "config", "-x", "reload"]
        server.status_counts()
        cpu = server.cpu_seconds()
        cold = phase_record(server, run_measured(cmd, env), cpu)
        cold["articles"] = count_rows(home / "cache.db", "SELECT count(*) FROM rss_item")
        # newsboat keeps a feed's ETag/Last-Modified only from its second download on, so
        # its second reload downloads everything again; the third is the all-304 one.
        cpu = server.cpu_seconds()
        second = phase_record(server, run_measured(cmd, env), cpu)
        cpu = server.cpu_seconds()
        warm = phase_record(server, run_measured(cmd, env), cpu)
    log(
        f"  newsboat {threads} thread(s) run {run + 1}/{runs}: "
        f"cold {cold['seconds']:.2f} s ({cold['articles']} rss_item, "
        f"steal {cold['steal_s']:.2f} s), "
        f"second {second['seconds']:.2f} s {second['server_status']}, "
        f"warm {warm['seconds']:.2f} s {warm['server_status']}"
    )
    return {"cold": cold, "second": second, "warm": warm}


def interleaved_a(
    server: FeedServers, urls: Sequence[str], scenario: Scenario, opts: argparse.Namespace
) -> dict[str, Any]:
    """reader's and newsboat's (8 threads) runs of scenario A in turn. This machine's speed
    drifts by a third within the hour and its hypervisor steals CPU in bursts: run one tool's
    runs and then the other's, and the ratio of their medians also measures the drift."""
    reader: list[dict[str, Any]] = []
    newsboat: list[dict[str, Any]] = []
    for run in range(max(opts.runs, opts.newsboat_runs)):
        if run < opts.runs:
            reader.append(reader_refresh_run(server, urls, scenario, opts, run, opts.runs))
        if run < opts.newsboat_runs:
            newsboat.append(newsboat_run(server, urls, 8, run, opts.newsboat_runs))
    return {
        "reader_A": reader_result(scenario, reader),
        "newsboat_A_8": newsboat_result(8, newsboat),
    }


# -- the 100k database and search ---------------------------------------------------------------


def big_db_path(scenario: Scenario) -> Path:
    total = scenario.feeds * scenario.entries
    return RESULTS / (f"big-{total // 1000}k.db" if total >= 1000 else f"big-{total}.db")


def build_big_db(
    server: FeedServers, urls: Sequence[str], db: Path, opts: argparse.Namespace
) -> dict[str, Any]:
    """Fetch every feed once into ``db`` through ``reader fetch`` and time it."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        home = Path(tmp)
        env = reader_env(home, opts.per_host)
        write_opml(urls, home / "feeds.opml")
        run_quiet([READER, "--db", db, "import-opml", home / "feeds.opml"], env)
        extra = ["--concurrency", str(opts.concurrency)] if opts.concurrency else []
        record = timed_fetch(server, db, env, extra)
    record["articles"] = count_rows(db, "SELECT count(*) FROM articles")
    record["db_mib"] = db.stat().st_size / 2**20
    record["built_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    db.with_suffix(".json").write_text(json.dumps(record, indent=1))
    return record


def vocabulary(feedserver: ModuleType) -> list[str]:
    """Every plain word the generator can write (its templates and lists)."""
    texts = [
        *feedserver.COMPANIES,
        *feedserver.VERBS,
        *feedserver.OBJECTS,
        *feedserver.SENTENCES,
        *feedserver.DAYS,
        *feedserver.BANKS,
        *feedserver.BOILERPLATE,
    ]
    words = set()
    for text in texts:
        for raw in text.replace("{", " {").split():
            word = raw.strip(".,:;*()").lower()
            if word.isalpha() and len(word) >= 3:
                words.add(word)
    return sorted(words)


def document_frequencies(db: Path, words: Sequence[str]) -> dict[str, int]:
    """Articles matching each word, plus every number token the index holds (from fts5vocab)."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        sql = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
        freqs = {w: int(conn.execute(sql, (f'"{w}"',)).fetchone()[0]) for w in words}
        conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, 'articles_fts', 'row')")
        for term, docs in conn.execute("SELECT term, doc FROM temp.vocab"):
            if term.isdigit():
                freqs[term] = int(docs)
    return freqs


@dataclass(frozen=True)
class ChosenWords:
    typical: str  # a word in 1-10% of the articles (or the rarest word above 1%, see note)
    common: str  # the most frequent word (>= 70% expected)
    rare: str  # a number token in < 1% of the articles
    note: str


def choose_words(freqs: dict[str, int], total: int) -> ChosenWords:
    share = {w: n / total for w, n in freqs.items()}
    words = [w for w in share if w.isalpha()]
    in_range = [w for w in words if 0.01 <= share[w] <= 0.10]
    note = ""
    if in_range:
        typical = min(in_range, key=lambda w: abs(share[w] - 0.05))
    else:
        typical = min((w for w in words if share[w] >= 0.01), key=lambda w: (share[w], w))
        note = (
            f"no word of the generator's vocabulary is in 1-10% of the articles; the rarest "
            f"one above 1% stands in ({typical!r}, {share[typical]:.1%})"
        )
    common = min(words, key=lambda w: (-share[w], len(w) < 4, w))
    if share[common] < 0.70:
        note += f"; the most common word {common!r} is only in {share[common]:.0%}"
    numbers = [w for w in share if w.isdigit() and share[w] < 0.01] or [typical]
    rare = max(numbers, key=lambda w: (share[w], w))
    return ChosenWords(typical, common, rare, note)


def hyperfine(cmd: Sequence[str | Path], runs: int, warmup: int) -> dict[str, Any]:
    """Whole-process wall time of ``cmd`` (hyperfine when installed, else a plain loop)."""
    words = [str(c) for c in cmd]
    if shutil.which("hyperfine"):
        with tempfile.NamedTemporaryFile(suffix=".json") as export:
            subprocess.run(
                [
                    "hyperfine",
                    "-N",
                    "--warmup",
                    str(warmup),
                    "--runs",
                    str(runs),
                    "--export-json",
                    export.name,
                    subprocess.list2cmdline(words),
                ],
                check=True,
                capture_output=True,
            )
            times = json.loads(Path(export.name).read_text())["results"][0]["times"]
        return {"tool": "hyperfine", **summary(times)}
    for _ in range(warmup):
        subprocess.run(words, capture_output=True, check=True)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(words, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return {"tool": "loop", **summary(times)}


def time_calls(call: Callable[[], object], runs: int, warmup: int) -> dict[str, Any]:
    for _ in range(warmup):
        call()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return summary(times)


def in_process_search(db: Path, queries: dict[str, str], runs: int) -> dict[str, Any]:
    """``Library.search(q, limit=20)`` in this process, and the bare FTS5 query beside it."""
    from reader.config import load_settings
    from reader.library import Library
    from reader.query import parse_query

    library = Library.open(load_settings(db))
    raw = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    fts_sql = (
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
        " ORDER BY bm25(articles_fts) LIMIT 20"
    )
    out: dict[str, Any] = {}
    try:
        for label, text in queries.items():
            match = parse_query(text).match
            hits = len(library.search(text, limit=20).hits)
            entry = {
                "query": text,
                "match": match,
                "hits": hits,
                "library": time_calls(lambda t=text: library.search(t, limit=20), runs, 3),
            }
            if match:
                entry["raw_fts5"] = time_calls(
                    lambda m=match: raw.execute(fts_sql, (m,)).fetchall(), runs, 3
                )
            out[label] = entry
        out["list_200"] = {
            "query": "Library.articles(limit=200)",
            "library": time_calls(lambda: library.articles(limit=200), runs, 3),
        }
    finally:
        library.close()
        raw.close()
    return out


def search_bench(
    server: FeedServers | None, urls: Sequence[str], scenario: Scenario, opts: argparse.Namespace
) -> dict[str, Any]:
    db = big_db_path(scenario)
    meta = db.with_suffix(".json")
    if opts.rebuild or not db.exists() or not meta.exists():
        assert server is not None
        log(f"building {db} ({scenario.label}) through `reader fetch`")
        build = {**build_big_db(server, urls, db, opts), "cached": False}
    else:
        build = {**json.loads(meta.read_text()), "cached": True}
    total = count_rows(db, "SELECT count(*) FROM articles")
    freqs = document_frequencies(db, vocabulary(load_feedserver(opts.shared)))
    chosen = choose_words(freqs, total)
    typical, common = chosen.typical, chosen.common
    for kind, word in (("typical", typical), ("common", common), ("rare", chosen.rare)):
        log(f"{kind} word {word!r} in {freqs[word] / total:.2%} of {total} articles")
    if chosen.note:
        log(f"note: {chosen.note}")
    hf_runs = 3 if opts.quick else 10
    whole = {
        "startup (reader --version)": hyperfine([READER, "--version"], hf_runs, 2),
        f"search {typical}": hyperfine(
            [READER, "--db", db, "search", typical, "--limit", "20"], hf_runs, 2
        ),
        f"search {common}": hyperfine(
            [READER, "--db", db, "search", common, "--limit", "20"], hf_runs, 2
        ),
        "list --limit 200": hyperfine([READER, "--db", db, "list", "--limit", "200"], hf_runs, 2),
    }
    queries = {
        "typical": typical,
        "common": common,
        "rare": chosen.rare,
        "two words": f"{typical} recall",
        "phrase": '"hybrid lineup"',
        "filtered": "honda is:unread",
    }
    inproc = in_process_search(db, queries, 10 if opts.quick else 30)
    return {
        "db": str(db),
        "sqlite": sqlite3.sqlite_version,
        "articles": total,
        "build": build,
        "words": {"typical": typical, "common": common, "rare": chosen.rare},
        "words_note": chosen.note,
        "frequencies": dict(sorted(freqs.items(), key=lambda kv: -kv[1])),
        "whole_process": whole,
        "in_process": inproc,
    }


# -- report -------------------------------------------------------------------------------------


def fmt_range(s: dict[str, float], scale: float = 1.0, unit: str = "s", digits: int = 2) -> str:
    return (
        f"{s['median'] * scale:.{digits}f} {unit} "
        f"[{s['min'] * scale:.{digits}f}-{s['max'] * scale:.{digits}f}]"
    )


CALM_STEAL = 0.1
"""Seconds of stolen CPU under which a run counts as undisturbed by the hypervisor."""


def paired_ratio(
    reader_runs: Sequence[dict], newsboat_runs: Sequence[dict]
) -> dict[str, Any] | None:
    """reader's cold time over newsboat's, run by run, for runs made one after the other (see
    interleaved_a): each ratio meets the machine in one state."""
    ratios = [
        r["cold"]["seconds"] / n["cold"]["seconds"]
        for r, n in zip(reader_runs, newsboat_runs, strict=False)
    ]
    return {"pairs": len(ratios), **summary(ratios)} if ratios else None


def calm_ratio(reader_runs: Sequence[dict], newsboat_runs: Sequence[dict]) -> dict | None:
    """The cold ratio over the runs the hypervisor left alone (steal under ``CALM_STEAL``), or
    None when either side has no such run: steal comes in bursts and lands on whichever runs it
    lands on, so the plain medians also measure luck."""
    reader = [r["cold"]["seconds"] for r in reader_runs if r["cold"]["steal_s"] < CALM_STEAL]
    newsboat = [r["cold"]["seconds"] for r in newsboat_runs if r["cold"]["steal_s"] < CALM_STEAL]
    if not reader or not newsboat:
        return None
    return {
        "ratio": statistics.median(reader) / statistics.median(newsboat),
        "reader_runs": len(reader),
        "newsboat_runs": len(newsboat),
    }


def print_refresh_table(title: str, result: dict[str, Any]) -> None:
    print(f"\n{title}")
    print(
        f"  {'phase':<6} {'wall median [min-max]':<26} {'CPU':>7} {'PSS tree':>10} "
        f"{'max RSS':>9} {'RSS tree':>10} {'server CPU':>11} {'steal':>7}  checks"
    )
    for phase in result["phases"]:
        p = result[phase]
        checks = f"server {p['server_status_last']}"
        if "articles" in p:
            checks += f", items {p['articles']}"
        if p["failed_runs"]:
            checks += f", {p['failed_runs']} run(s) exited non-zero"
        print(
            f"  {phase:<6} {fmt_range(p['seconds']):<26} {p['cpu_s']['median']:>5.2f} s "
            f"{p['tree_pss_mib']['max']:>6.0f} MiB {p['max_rss_mib']['max']:>5.0f} MiB "
            f"{p['tree_rss_mib']['max']:>6.0f} MiB {p['server_cpu_s']['median']:>9.2f} s "
            f"{p['steal_s']['median']:>5.2f} s  {checks}"
        )


def print_search_table(result: dict[str, Any]) -> None:
    build = result["build"]
    engine = f", SQLite {result['sqlite']}" if "sqlite" in result else ""
    print(f"\nsearch on {result['articles']} articles ({result['db']}){engine}")
    cached = " (cached build)" if build.get("cached") else ""
    print(
        f"  bulk fetch of {build['articles']} entries{cached}: {build['seconds']:.1f} s "
        f"(CPU {build.get('cpu_s', 0):.1f} s), "
        f"PSS tree {build['tree_pss_mib']:.0f} MiB, max RSS {build['max_rss_mib']:.0f} MiB, "
        f"db {build['db_mib']:.0f} MiB"
    )
    freqs, total = result["frequencies"], result["articles"]
    for kind, word in result["words"].items():
        print(f"  {kind} word: {word!r} in {freqs[word]} articles ({freqs[word] / total:.1%})")
    if result.get("words_note"):
        print(f"  note: {result['words_note']}")
    print("  whole process (median [min-max] of hyperfine runs):")
    for label, s in result["whole_process"].items():
        print(f"    {label:<34} {fmt_range(s, 1000, 'ms', 0)}")
    print("  in process (median [min-max]):      Library          raw FTS5   hits")
    for label, entry in result["in_process"].items():
        raw = fmt_range(entry["raw_fts5"], 1000, "ms", 1) if "raw_fts5" in entry else "-"
        hits = entry.get("hits", "")
        print(
            f"    {label:<8} {entry['query']:<22} {fmt_range(entry['library'], 1000, 'ms', 1):<22} "
            f"{raw:<22} {hits}"
        )


def print_report(results: dict[str, Any]) -> None:
    print(f"\n=== reader refresh benchmark ({results['source']} feeds) ===")
    for key, value in results.items():
        if isinstance(value, dict) and "error" in value:
            print(f"\n{key}: FAILED: {value['error']}")
    for key in ("reader_A", "reader_B"):
        if "cold" in results.get(key, {}):
            r = results[key]
            print_refresh_table(f"reader, {Scenario(**r['scenario']).label}", r)
    for key in ("newsboat_A_8", "newsboat_A_1"):
        if key in results and "cold" in results[key]:
            print_refresh_table(
                f"newsboat {results[key]['threads']} thread(s), scenario A", results[key]
            )
    if "ratio_cold_vs_newsboat8" in results:
        print(
            f"\nreader cold / newsboat cold (8 threads), scenario A: "
            f"{results['ratio_cold_vs_newsboat8']:.2f} (target <= 0.5)"
        )
    paired = results.get("ratio_cold_vs_newsboat8_paired")
    if paired:
        print(
            f"  median of the ratios of runs made one after the other: {paired['median']:.2f} "
            f"[{paired['min']:.2f}-{paired['max']:.2f}] over {paired['pairs']} pairs"
        )
    calm = results.get("ratio_cold_vs_newsboat8_calm")
    if calm:
        print(
            f"  the same over runs with under {CALM_STEAL} s of steal: {calm['ratio']:.2f} "
            f"({calm['reader_runs']} reader and {calm['newsboat_runs']} newsboat runs)"
        )
    if "in_process" in results.get("search", {}):
        print_search_table(results["search"])


# -- main ---------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time `reader fetch` (cold and warm, with peak memory) against newsboat, "
        "and `reader search`/`list` on 100,000 articles. Writes bench/results/<timestamp>.json.",
    )
    parser.add_argument("--runs", type=int, help="runs per refresh scenario (default 5; 1 quick)")
    parser.add_argument(
        "--only",
        action="append",
        choices=ONLY_CHOICES,
        help="run only this part (repeatable; default all)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke test: 1 run, fewer search repetitions, a 10k-article db",
    )
    parser.add_argument(
        "--source",
        choices=("gen", "static"),
        default="gen",
        help="gen: the server's /_gen/ URLs (regenerated per request); "
        "static: the same feeds pre-generated as .xml.gz files",
    )
    parser.add_argument("--shared", type=Path, help="the shared/ folder (default: ../shared)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the 100k search db")
    parser.add_argument(
        "--big-feeds",
        type=int,
        help="feeds (x100 entries) in the search db (default 1000; 100 quick)",
    )
    parser.add_argument("--concurrency", type=int, help="pass --concurrency N to reader fetch")
    parser.add_argument(
        "--per-host", type=int, help="set fetch.per_host in a config file (reader's default is 4)"
    )
    parser.add_argument(
        "--hosts",
        type=int,
        default=1,
        help="feedservers on separate ports, feeds spread over them round-robin (default 1: "
        "every feed on one host, where reader's 4-per-host limit caps it at 4 requests)",
    )
    parser.add_argument(
        "--newsboat-runs", type=int, help="runs of newsboat with 8 threads (default: --runs)"
    )
    parser.add_argument("--output", type=Path, help="JSON file (default bench/results/<time>.json)")
    opts = parser.parse_args(argv)
    opts.runs = opts.runs or (1 if opts.quick else 5)
    opts.newsboat_runs = opts.newsboat_runs or opts.runs
    opts.big_feeds = opts.big_feeds or (100 if opts.quick else 1000)
    opts.only = set(opts.only or ONLY_CHOICES)
    opts.shared = find_shared(opts.shared)
    return opts


def guarded(results: dict[str, Any], key: str, part: Callable[[], dict[str, Any]]) -> None:
    """Run one part of the benchmark; a failure is recorded and the other parts still run."""
    try:
        results[key] = part()
    except Exception as err:
        log(f"{key} failed:\n{traceback.format_exc()}")
        results[key] = {"error": f"{type(err).__name__}: {err}"}


@contextmanager
def feed_server(opts: argparse.Namespace) -> Iterator[FeedServers]:
    root = RESULTS / "feeds"  # static feeds are cached here; /_gen needs no files
    root.mkdir(parents=True, exist_ok=True)
    server = FeedServers(opts.shared, root, lifetime=4 * 3600, count=opts.hosts)
    try:
        yield server
    finally:
        server.close()


def scenario_urls(server: FeedServers, scenario: Scenario, opts: argparse.Namespace) -> list[str]:
    folder = None
    if opts.source == "static":
        folder = prepare_static(opts.shared, RESULTS / "feeds", scenario)
    return feed_urls(server, scenario, folder)


def sources_fingerprint() -> str:
    """A hash of reader/'s Python files, to tell which code a result came from (the tree may
    hold uncommitted work)."""
    digest = hashlib.sha1()
    for path in sorted((REPO / "reader").rglob("*.py")):
        digest.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def environment() -> dict[str, Any]:
    nb = (
        subprocess.run(["newsboat", "-v"], capture_output=True, text=True)
        if shutil.which("newsboat")
        else None
    )
    return {
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
        "machine": platform.platform(),
        "cpus": os.cpu_count(),
        "pycache_prefix": os.environ.get("PYTHONPYCACHEPREFIX"),
        "newsboat": nb.stdout.splitlines()[0] if nb and nb.stdout else None,
        "reader": str(READER),
        "reader_sources_sha1": sources_fingerprint(),
        "git_dirty": bool(
            subprocess.run(
                ["git", "-C", str(REPO), "status", "--porcelain", "reader"],
                capture_output=True,
                text=True,
            ).stdout.strip()
        ),
        "git": subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
        ).stdout.strip(),
    }


def use_bytecode_cache() -> None:
    """Let every child Python keep compiled bytecode, as an installed reader would: this box
    sets PYTHONDONTWRITEBYTECODE, which would make each `reader` process recompile its own
    modules. The cache goes under bench/results (git-ignored), not next to the sources."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(RESULTS / "pycache")


def main(argv: Sequence[str] | None = None) -> int:
    opts = parse_args(argv)
    if not READER.exists():
        sys.exit(f"{READER} not found: install reader into this venv (pip install -e .)")
    RESULTS.mkdir(parents=True, exist_ok=True)
    use_bytecode_cache()
    started = datetime.now(UTC)
    results: dict[str, Any] = {
        "started": started.isoformat(timespec="seconds"),
        "source": opts.source,
        "options": {k: str(v) if isinstance(v, (Path, set)) else v for k, v in vars(opts).items()},
        "environment": environment(),
    }
    scenario_a = Scenario("A", 200, 50)
    scenario_b = Scenario("B", 1000, 20)
    big = Scenario("big", opts.big_feeds, 100, 150)
    with feed_server(opts) as server:
        urls_a = scenario_urls(server, scenario_a, opts)
        both = "refresh" in opts.only and "newsboat" in opts.only and shutil.which("newsboat")
        if both:
            log(f"reader and newsboat (8 threads) in turn, {scenario_a.label}")
            results["interleaved"] = True
            guarded(results, "A", lambda: interleaved_a(server, urls_a, scenario_a, opts))
            part = results.pop("A")
            results.update({"reader_A": part, "newsboat_A_8": part} if "error" in part else part)
        elif "refresh" in opts.only:
            log(f"reader refresh A: {scenario_a.label}, {opts.runs} run(s)")
            guarded(
                results,
                "reader_A",
                lambda: reader_refresh_runs(server, urls_a, scenario_a, opts.runs, opts),
            )
        if "refresh" in opts.only:
            log(f"reader refresh B: {scenario_b.label}, {opts.runs} run(s)")
            guarded(
                results,
                "reader_B",
                lambda: reader_refresh_runs(
                    server, scenario_urls(server, scenario_b, opts), scenario_b, opts.runs, opts
                ),
            )
        if "newsboat" in opts.only:
            if not both:
                log(f"newsboat, scenario A: 8 threads x {opts.newsboat_runs}")
                guarded(
                    results,
                    "newsboat_A_8",
                    lambda: newsboat_runs(server, urls_a, 8, opts.newsboat_runs),
                )
            log("newsboat, scenario A: 1 thread x 1")
            guarded(results, "newsboat_A_1", lambda: newsboat_runs(server, urls_a, 1, 1))
        if "search" in opts.only:
            need_build = opts.rebuild or not big_db_path(big).exists()
            guarded(
                results,
                "search",
                lambda: search_bench(
                    server, scenario_urls(server, big, opts) if need_build else [], big, opts
                ),
            )
    nb = results.get("newsboat_A_8", {}).get("cold")
    if "cold" in results.get("reader_A", {}) and nb:
        ratio = results["reader_A"]["cold"]["seconds"]["median"] / nb["seconds"]["median"]
        results["ratio_cold_vs_newsboat8"] = ratio
        if "interleaved" in results:
            results["ratio_cold_vs_newsboat8_paired"] = paired_ratio(
                results["reader_A"]["runs"], results["newsboat_A_8"]["runs"]
            )
        calm = calm_ratio(results["reader_A"]["runs"], results["newsboat_A_8"]["runs"])
        if calm is not None:
            results["ratio_cold_vs_newsboat8_calm"] = calm
    results["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
    output = opts.output or RESULTS / f"{started:%Y%m%d-%H%M%S}.json"
    output.write_text(json.dumps(results, indent=1))
    print_report(results)
    print(f"\nJSON: {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
