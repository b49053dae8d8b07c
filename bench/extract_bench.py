"""Article-cleaner quality and speed on the extraction corpus, beside trafilatura and readability.

Runs ``reader.cleaning.clean_page`` in-process over ``../shared/corpus/extraction`` (91 dev pages
with true article bodies) and scores it with the benchmark's metric, imported from
``../shared/tools/extract_eval.py`` (4-token shingles; P averaged over non-empty extractions, R
over all pages, F1 their harmonic mean). Speed is pages per second of the extraction alone
(HTML already in memory), the median of ``--runs`` passes, pinned to one CPU.

    /work/venv/bin/python bench/extract_bench.py               # reader + trafilatura + readability
    /work/venv/bin/python bench/extract_bench.py --only reader --runs 5 --worst 10
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("extract_eval", path)
    if spec is None or spec.loader is None:
        sys.exit(f"error: cannot load the scorer from {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["extract_eval"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def reader_extractor() -> Callable[[str, str], str]:
    from reader.cleaning import clean_page

    # the benchmark's truth has no link references: compare the text without " [n]" markers
    return lambda html, url: clean_page(html, url=url or None).text(link_numbers=False)


def extractors(scorer: ModuleType) -> dict[str, Callable[[], Callable[[str, str], str]]]:
    def readability() -> Callable[[str, str], str]:
        from readability import Document

        from reader.cleaning.html_text import html_to_text

        return lambda html, url: html_to_text(Document(html).summary(html_partial=True))

    return {
        "reader": reader_extractor,
        "trafilatura": scorer.make_trafilatura,
        "readability": readability,
    }


def run(
    extract: Callable[[str, str], str], pages: list, htmls: dict[str, str], runs: int
) -> tuple[dict[str, str], list[float]]:
    texts: dict[str, str] = {}
    seconds: list[float] = []
    for number in range(runs):
        start = time.perf_counter()
        for page in pages:
            text = extract(htmls[page.page_id], page.url) or ""
            if number == 0:
                texts[page.page_id] = text
        seconds.append(time.perf_counter() - start)
    return texts, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, default=SHARED / "corpus" / "extraction")
    parser.add_argument("--scorer", type=Path, default=SHARED / "tools" / "extract_eval.py")
    parser.add_argument("--runs", type=int, default=3, help="timed passes (speed = median)")
    parser.add_argument("--only", action="append", help="reader, trafilatura, readability")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages (reader)")
    parser.add_argument("--cpu", type=int, default=None, help="CPU to pin to (default: the last)")
    parser.add_argument("--json", type=Path, help="write the summary (and per-page scores) here")
    args = parser.parse_args(argv)

    if hasattr(os, "sched_setaffinity"):
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {args.cpu if args.cpu is not None else cpus[-1]})
    scorer = load_scorer(args.scorer)
    pages = scorer.load_corpus(args.pages, None)
    htmls = {page.page_id: page.read_html() for page in pages}
    available = extractors(scorer)
    names = args.only or list(available)

    results = []
    for name in names:
        try:
            extract = available[name]()
        except ImportError as exc:
            print(f"skipped {name}: {exc}", file=sys.stderr)
            continue
        extract(htmls[pages[0].page_id], pages[0].url)  # imports and caches outside the timing
        texts, seconds = run(extract, pages, htmls, args.runs)
        scores = {p.page_id: scorer.score_page(p.truth, texts[p.page_id]) for p in pages}
        stats = scorer.aggregate(list(scores.values()))
        empty = sum(1 for text in texts.values() if not scorer.tokenize(text))
        median = statistics.median(seconds)
        results.append(
            {
                "extractor": name,
                "version": _version(name),
                **{k: stats[k] for k in ("precision", "recall", "f1", "f1_page_mean")},
                "empty": empty,
                "pages": len(pages),
                "pages_per_s": len(pages) / median,
                "pages_per_s_runs": [len(pages) / s for s in seconds],
                "per_page": {pid: s.f1 for pid, s in scores.items()},
            }
        )
        if name == "reader" and args.worst:
            worst = sorted(pages, key=lambda p: scores[p.page_id].f1)[: args.worst]
            for page in worst:
                s = scores[page.page_id]
                print(
                    f"  F1 {s.f1:.3f} P {s.precision or 0:.3f} R {s.recall or 0:.3f}"
                    f"  {page.page_id[:12]} {page.url[:70]}",
                    file=sys.stderr,
                )

    print(f"{len(pages)} pages, {args.runs} timed runs, one CPU\n")
    print(
        f"{'extractor':<13}{'version':<9}{'P':>7}{'R':>7}{'F1':>7}{'pageF1':>8}{'empty':>7}{'pages/s':>9}"
    )
    for r in results:
        print(
            f"{r['extractor']:<13}{r['version'][:8]:<9}{r['precision']:7.3f}{r['recall']:7.3f}"
            f"{r['f1']:7.3f}{r['f1_page_mean']:8.3f}{r['empty']:>7}{r['pages_per_s']:9.1f}"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


def _version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    dist = {"reader": "", "trafilatura": "trafilatura", "readability": "readability-lxml"}[name]
    if not dist:
        from reader.cleaning import CLEANER_VERSION

        return f"v{CLEANER_VERSION}"
    try:
        return version(dist)
    except PackageNotFoundError:
        return "?"


if __name__ == "__main__":
    sys.exit(main())
