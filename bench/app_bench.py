"""How fast the app answers at 100,000 articles, measured as a person sees it: the installed
`reader` runs in a real pseudo-terminal, keys are written to it, and a latency is the time from
writing a key to the moment the terminal output shows its effect.

    python bench/app_bench.py                      # uses bench/results/big-100k.db
    python bench/app_bench.py --db PATH --runs 9 --keys 25

The database is copied first (the app writes to it). Build the 100k database with
`python bench/refresh_bench.py --only search --rebuild` if it is missing. Needs `pyte` (a
terminal emulator: Textual rewrites only the changed part of a line, so the output stream alone
does not say what is on screen): `pip install pyte`.

What is timed (medians over runs, with min and max):
* first paint: process start to the first screen showing the list and its status line, and
  beside it the first paint of a bare one-line Textual app run just before (the floor);
* cursor: `j` to the status line showing the new position;
* open: `j` to the reading pane showing that article (wide layout previews as the cursor moves),
  and `enter` to the article opened;
* `G`: to the status line showing the last row; `g` back to the first;
* search: each key typed after `/` to the list showing that query's results;
* memory: peak resident memory (VmHWM) of the app process at the end;
* during a refresh (`--refresh-feeds N`, needs ../shared/tools/feedserver.py): the database with
  N more feeds on a local server (50 entries of 300 words each; the database's own feeds point
  at a closed port and fail at once), the app on its Starred view (100 articles a refresh does
  not move), `R` pressed, and while the refresh runs, `j` and `k` timed over and over.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import queue
import shutil
import signal
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

import pyte

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DB = REPO / "bench" / "results" / "big-100k.db"
BARS = {
    "first_paint_s": 0.6,
    "cursor_ms": 50,
    "open_ms": 50,
    "end_ms": 100,
    "search_ms": 100,
    "key_during_refresh_ms": 50,
}
SHARED = REPO.parent / "shared"
STARRED = 100  # articles of the view the refresh benchmark moves in
QUIET = 0.03  # seconds without output that end a burst of screen updates


class Terminal:
    """The app under a pty of a fixed size. A thread reads its output and stamps each chunk
    with its arrival time; a terminal emulator (pyte) turns the chunks into the screen, and a
    latency is the arrival time of the chunk that put the expected text on screen (the
    emulator's own work, done later, is not counted)."""

    def __init__(self, argv: list[str], columns: int, rows: int, env: dict[str, str]) -> None:
        self.started = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execvpe(argv[0], argv, env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.chunks: queue.Queue[tuple[float, bytes]] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        while True:
            try:
                chunk = os.read(self.fd, 1 << 16)
            except OSError:
                return
            if not chunk:
                return
            self.chunks.put((time.perf_counter(), chunk))

    def _next(self, timeout: float) -> float | None:
        """Feed the next chunk to the screen; its arrival time, or None after ``timeout``."""
        try:
            arrived, chunk = self.chunks.get(timeout=timeout)
        except queue.Empty:
            return None
        self.stream.feed(chunk)
        return arrived

    def shows(self, text: str) -> bool:
        return any(text in line for line in self.screen.display)

    def expect(self, text: str, timeout: float = 10.0) -> float:
        """The moment the output that put ``text`` on screen arrived."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            arrived = self._next(0.05)
            if arrived is not None and self.shows(text):
                return arrived
        raise TimeoutError(f"{text!r} not on screen after {timeout} s:\n" + self.dump())

    def press(self, key: bytes, wait_for: str) -> float:
        self.drain()
        sent = time.perf_counter()
        os.write(self.fd, key)
        return self.expect_after(wait_for, sent)

    def expect_after(self, text: str, sent: float) -> float:
        return self.expect_all_after([text], sent)[0]

    def expect_all_after(self, texts: list[str], sent: float) -> list[float]:
        """Seconds from ``sent`` to the arrival of the output that put each text on screen.

        Chunks are only collected while the app writes (the emulator runs once the output has
        paused for ``QUIET`` s), so emulating the screen does not slow down the thread that
        stamps the chunks' arrival."""
        found: dict[str, float] = {}
        deadline = sent + 10
        while time.perf_counter() < deadline:
            burst = self._burst()
            for arrived, chunk in burst:
                self.stream.feed(chunk)
                for text in texts:
                    if text not in found and self.shows(text):
                        found[text] = arrived - sent
            if len(found) == len(texts):
                return [found[text] for text in texts]
        missing = [text for text in texts if text not in found]
        raise TimeoutError(f"{missing} not on screen after a key press:\n" + self.dump())

    def _burst(self) -> list[tuple[float, bytes]]:
        """The chunks written until the app pauses (none when nothing comes in 50 ms)."""
        burst: list[tuple[float, bytes]] = []
        try:
            burst.append(self.chunks.get(timeout=0.05))
            while True:
                burst.append(self.chunks.get(timeout=QUIET))
        except queue.Empty:
            return burst

    def drain(self, quiet: float = 0.15) -> None:
        """Take in output until the app has written nothing for ``quiet`` seconds."""
        while self._next(quiet) is not None:
            pass

    def peak_rss_mib(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def close(self) -> None:
        os.write(self.fd, b"\x11")  # ctrl+q
        deadline = time.time() + 5
        while time.time() < deadline:
            done, _ = os.waitpid(self.pid, os.WNOHANG)
            if done:
                break
            time.sleep(0.05)
        else:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)

    def dump(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)


def stats(values: list[float]) -> dict[str, float]:
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "runs": len(values),
    }


def article_urls(db: Path, count: int) -> tuple[list[str], int]:
    """The URLs of the newest ``count`` articles in list order, and how many there are."""
    from reader.config import Settings
    from reader.library import Library

    library = Library.open(Settings(db_path=db))
    try:
        rows = library.articles(limit=count)
        return [row.url or "" for row in rows], library.count()
    finally:
        library.close()


BARE_TEXTUAL_APP = """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("1/1 articles")

Bare().run()
"""


def textual_floor(env: dict[str, str]) -> float:
    """First paint of a Textual app with one line of text: the floor under any Textual app on
    this machine at this moment (quoted beside ours, as the machine's speed drifts)."""
    term = Terminal([sys.executable, "-c", BARE_TEXTUAL_APP], 160, 48, env)
    try:
        return term.expect("1/1 articles", timeout=30) - term.started
    finally:
        term.close()


def compile_bytecode() -> None:
    """An editable install runs from source, and PYTHONDONTWRITEBYTECODE may keep Python from
    caching the bytecode: compile it, as installing a wheel does, so start-up is measured as a
    user meets it."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(REPO / "reader")],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def reader_command(db: Path) -> list[str]:
    return [str(Path(sys.executable).with_name("reader")), "--db", str(db)]


def forget_place(db: Path) -> None:
    """Every session starts on the first article of All, whatever the last one left."""
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM app_state")


def one_session(db: Path, args: argparse.Namespace, urls: list[str], total: int) -> dict:
    forget_place(db)
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "", "LINES": ""}
    env.pop("COLUMNS")
    env.pop("LINES")
    result: dict[str, list[float] | float] = {"textual_floor_s": textual_floor(env)}
    term = Terminal(reader_command(db), 160, 48, env)
    try:
        painted = term.expect(f"1/{total} articles", timeout=30)
        result["first_paint_s"] = painted - term.started
        term.expect(_short(urls[0]), timeout=10)  # the reading pane previews the first one
        cursor, opened = [], []
        for index in range(1, args.keys + 1):
            term.drain()
            sent = time.perf_counter()
            os.write(term.fd, b"j")
            moved, shown = term.expect_all_after(
                [f"{index + 1}/{total} articles", _short(urls[index])], sent
            )
            cursor.append(moved)
            opened.append(shown)
        result["cursor_ms"] = [s * 1000 for s in cursor]
        result["open_ms"] = [s * 1000 for s in opened]
        ends, tops = [], []
        for _ in range(args.jumps):
            ends.append(term.press(b"G", f"{total}/{total} articles") * 1000)
            tops.append(term.press(b"g", f"1/{total} articles") * 1000)
        result["end_ms"] = ends
        result["top_ms"] = tops
        searches = []
        for _ in range(args.jumps):
            term.press(b"/", "search:")
            typed = ""
            for char in args.query:
                typed += char
                if char == " ":
                    os.write(term.fd, b" ")
                    continue
                searches.append(term.press(char.encode(), f"Search: {typed.strip()}") * 1000)
            term.press(b"\x1b", f"All · 1/{total}")
        result["search_ms"] = searches
        result["peak_rss_mib"] = term.peak_rss_mib()
    finally:
        term.close()
    return result


def refresh_session(args: argparse.Namespace, db: Path) -> dict:
    """Keys answered while the app refreshes: the 100k database plus ``args.refresh_feeds``
    new feeds on a local server (50 entries of 300 words each), the app open on a view the
    refresh does not change (100 starred articles), `R` pressed, and while it runs, `j` and `k`
    timed to the status line showing the new position."""
    from reader.config import Settings
    from reader.library import Library
    from reader.views import View, ViewKind

    server = subprocess.Popen(
        [sys.executable, str(SHARED / "tools" / "feedserver.py"), str(db.parent), "--port", "0",
         "--lifetime", "600", "--quiet"],
        stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    work = db.with_name(f"refresh-{time.monotonic_ns()}.db")
    try:
        port = int(server.stdout.readline().split()[1])  # type: ignore[union-attr]
        with sqlite3.connect(db) as source, sqlite3.connect(work) as target:
            source.backup(target)
        library = Library.open(Settings(db_path=work))
        starred = [row.id for row in library.articles(limit=STARRED)]
        library.star(starred)
        library.remember("view", View(ViewKind.STARRED).to_json())
        library.remember("article", str(starred[0]))
        for index in range(args.refresh_feeds):
            url = f"http://127.0.0.1:{port}/_gen/{index}.xml?entries=50&words=300&bench=refresh"
            library.storage.feeds.add(url, title=None, folder=None)
        library.close()
        env = {**os.environ, "TERM": "xterm-256color"}
        term = Terminal(reader_command(work), 160, 48, env)
        latencies: list[float] = []
        try:
            term.expect(f"1/{STARRED} articles", timeout=30)
            term.drain()
            started = time.perf_counter()
            os.write(term.fd, b"R")
            term.expect("Refreshing", timeout=10)
            while not term.shows("Refreshed") and time.perf_counter() - started < 180:
                latencies.append(term.press(b"j", f"2/{STARRED} articles") * 1000)
                latencies.append(term.press(b"k", f"1/{STARRED} articles") * 1000)
            refresh_s = time.perf_counter() - started
        finally:
            term.close()
        return {"key_during_refresh_ms": latencies, "refresh_s": refresh_s}
    finally:
        server.terminate()
        work.unlink(missing_ok=True)


def _short(url: str) -> str:
    """The start of a URL as the reading pane shows it (long ones wrap)."""
    return url[:56]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--runs", type=int, default=7, help="app sessions (default 7)")
    parser.add_argument("--keys", type=int, default=20, help="j presses per session")
    parser.add_argument("--jumps", type=int, default=3, help="G/g pairs and searches per session")
    parser.add_argument("--query", default="honda recall")
    parser.add_argument("--output", type=Path)
    parser.add_argument(
        "--refresh-feeds", type=int, default=0, help="also time keys during a refresh of N feeds"
    )
    args = parser.parse_args()
    if not args.db.exists():
        print(f"{args.db} is missing: build it with bench/refresh_bench.py --only search --rebuild")
        return 2
    compile_bytecode()
    with tempfile.TemporaryDirectory() as scratch:
        db = Path(scratch) / "bench.db"
        shutil.copy(args.db, db)
        urls, total = article_urls(db, args.keys + 1)  # also upgrades the copy's schema
        sessions = []
        for run in range(args.runs):
            sessions.append(one_session(db, args, urls, total))
            print(
                f"run {run + 1}/{args.runs}: first paint {sessions[-1]['first_paint_s']:.3f} s"
                f" (a bare Textual app: {sessions[-1]['textual_floor_s']:.3f} s)"
            )
        refreshes = []
        for run in range(args.runs if args.refresh_feeds else 0):
            refreshes.append(refresh_session(args, db))
            print(f"refresh run {run + 1}/{args.runs}: {refreshes[-1]['refresh_s']:.1f} s")
    summary = {
        "articles": total,
        "first_paint_s": stats([s["first_paint_s"] for s in sessions]),
        "textual_floor_s": stats([s["textual_floor_s"] for s in sessions]),
        "peak_rss_mib": stats([s["peak_rss_mib"] for s in sessions]),
    }
    for key in ("cursor_ms", "open_ms", "end_ms", "top_ms", "search_ms"):
        summary[key] = stats([value for s in sessions for value in s[key]])
    if refreshes:
        summary["key_during_refresh_ms"] = stats(
            [value for r in refreshes for value in r["key_during_refresh_ms"]]
        )
        summary["refresh_s"] = stats([r["refresh_s"] for r in refreshes])
    print(f"\n{total:,} articles, {args.runs} sessions at 160x48")
    for key, values in summary.items():
        if isinstance(values, dict):
            bar = BARS.get(key)
            verdict = "" if bar is None else ("  ok" if values["median"] <= bar else "  OVER")
            print(
                f"  {key:<15} median {values['median']:8.3f}  [{values['min']:.3f}-"
                f"{values['max']:.3f}]  n={values['runs']}"
                + (f"  (bar {bar}){verdict}" if bar else "")
            )
    stamp = time.strftime("%Y%m%d-%H%M%S")
    output = args.output or REPO / "bench" / "results" / f"app-{stamp}.json"
    output.write_text(
        json.dumps({"summary": summary, "sessions": sessions, "refreshes": refreshes}, indent=1)
    )
    print(f"\nwrote {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
