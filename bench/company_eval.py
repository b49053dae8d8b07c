"""Company detection against hand labels: precision, recall and speed.

    /work/venv/bin/python bench/company_eval.py               # scores on tests/data/companies
    /work/venv/bin/python bench/company_eval.py --errors      # every miss and false alarm
    /work/venv/bin/python bench/company_eval.py --speed 100000  # articles/s over N articles
    /work/venv/bin/python bench/company_eval.py --labels DIR DIR  # pooled labels folders

Labels (``tests/data/companies/labels-*.json``) name every company each article names (an
article of ``../shared/corpus/extraction``, or of a labels folder's own ``articles.json``), with
the forms it is written in and whether the article is about it. A detection is right when its
name or any text it matched is one of the label's forms (case, possessive and legal form aside);
each label is matched at most once, and as many as can be (a maximum matching). Micro
precision and recall run over all companies; subject recall over the companies an article is
about."""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.companies.detect import SUBJECT, Detection, Detector  # noqa: E402
from reader.companies.directory import Directory, builtin_directory, parse_rows  # noqa: E402

SHARED = REPO.parent / "shared"
LABELS = REPO / "tests" / "data" / "companies"
_SUFFIX = re.compile(
    r"[,\s]+(?:inc|incorporated|corp|corporation|ltd|limited|llc|plc|co|company|group|holdings"
    r"|ag|sa|se|nv|bv|gmbh|bhd|berhad|sdn|pty|spa|kk|ab|asa)\.?$"
)


def key(text: str) -> str:
    text = text.casefold().replace("’", "'").strip(" .,'\"#@!")
    text = text.removesuffix("'s").removesuffix("'")
    text = re.sub(r"\s+(?:co|corp|inc|ltd)\.? of [\w .]+$", "", text)  # "... Trust Co of New York"
    text = text.removesuffix(" s.a.").removesuffix(" n.v.").removeprefix("n.v. ")
    while (shorter := _SUFFIX.sub("", text).removesuffix(" and").removesuffix(" &")) != text:
        text = shorter.strip(" .,")  # "Honda Motor Co., Ltd.", "Morgan Stanley and Co"
    text = text.removeprefix("the ")
    return re.sub(r"\s+", " ", text).strip()


def load_labels(where: Path = LABELS) -> list[dict]:
    """The labelled articles of a folder (``labels-*.json``) or of one file."""
    paths = sorted(where.glob("labels-*.json")) if where.is_dir() else [where]
    articles: list[dict] = []
    for path in paths:
        articles.extend(json.loads(path.read_text(encoding="utf-8")))
    return articles


def load_truth(labels: Path = LABELS) -> dict:
    """The texts the labels were made on: the extraction corpus's articles, and a labels
    folder's own ``articles.json`` when it has one (feed items, as reader stored them)."""
    with (SHARED / "corpus" / "extraction" / "ground-truth.json").open(encoding="utf-8") as f:
        truth = json.load(f)
    own = (labels if labels.is_dir() else labels.parent) / "articles.json"
    if own.exists():
        truth.update(json.loads(own.read_text(encoding="utf-8")))
    return truth


def article_text(article_id: str, truth: dict) -> str:
    return truth[article_id]["articleBody"]


def detection_keys(detection: Detection) -> set[str]:
    return {key(detection.name), *(key(e.text) for e in detection.evidence)}


def match_labels(detections: list[Detection], label_keys: list[set[str]]) -> dict[int, Detection]:
    """The most detections matched to labels, each label at most once (a maximum matching:
    a detection that could be either of two labels takes the one no other detection can)."""
    candidates = [
        [i for i, forms in enumerate(label_keys) if detection_keys(d) & forms] for d in detections
    ]
    owner: dict[int, int] = {}

    def assign(index: int, seen: set[int]) -> bool:
        for label in candidates[index]:
            if label not in seen:
                seen.add(label)
                if label not in owner or assign(owner[label], seen):
                    owner[label] = index
                    return True
        return False

    for index in range(len(detections)):
        assign(index, set())
    return {label: detections[index] for label, index in owner.items()}


def score(articles: list[dict], truth: dict, detector: Detector, show_errors: bool) -> dict:
    tp = fp = fn = 0
    subjects = subjects_found = subjects_as_subject = 0
    for article in articles:
        detections = detector.detect(article.get("title", ""), article_text(article["id"], truth))
        labels = article["companies"]
        label_keys = [{key(c["name"]), *(key(s) for s in c.get("surface", []))} for c in labels]
        matched = match_labels(detections, label_keys)
        tp += len(matched)
        for detection in detections:
            if not any(d is detection for d in matched.values()):
                fp += 1
                if show_errors:
                    print(f"  FP {article['id'][:16]} {detection.name!r} ({detection.reason})")
        for i, company in enumerate(labels):
            if i not in matched:
                fn += 1
                if show_errors:
                    subject = " SUBJECT" if company.get("subject") else ""
                    print(f"  FN {article['id'][:16]} {company['name']!r}{subject}")
            if company.get("subject"):
                subjects += 1
                if i in matched:
                    subjects_found += 1
                    subjects_as_subject += matched[i].salience == SUBJECT
    return {
        "articles": len(articles),
        "labelled companies": tp + fn,
        "detections": tp + fp,
        "precision": tp / max(tp + fp, 1),
        "recall": tp / max(tp + fn, 1),
        "subject recall": subjects_found / max(subjects, 1),
        "subject recall as subject": subjects_as_subject / max(subjects, 1),
    }


def speed(truth: dict, detector: Detector, count: int, runs: int) -> dict:
    texts = [(v.get("title", ""), v["articleBody"]) for v in truth.values()]
    batch = (texts * (count // len(texts) + 1))[:count]
    rates = []
    for _ in range(runs):
        started = time.perf_counter()
        for title, body in batch:
            detector.detect(title, body)
        rates.append(count / (time.perf_counter() - started))
    return {"articles": count, "median articles/s": statistics.median(rates), "runs": rates}


def stored_speed(db: Path, detector: Detector, runs: int, limit: int) -> dict:
    """Detection over the articles of a reader database (title and stored clean text), as
    `reader retag` and the suggestions see them."""
    import sqlite3

    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        rows = conn.execute(
            "SELECT title, clean_text FROM articles ORDER BY id LIMIT ?", (limit,)
        ).fetchall()
    rates = []
    for _ in range(runs):
        started = time.perf_counter()
        for title, text in rows:
            detector.detect(title, text)
        rates.append(len(rows) / (time.perf_counter() - started))
    words = sum(len(text.split()) for _, text in rows) / max(len(rows), 1)
    return {"articles": len(rows), "words": words, "median articles/s": statistics.median(rates)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list misses and false alarms")
    parser.add_argument("--speed", type=int, default=0, help="time detection over N articles")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--stored", type=Path, help="also time detection over the articles of this database"
    )
    parser.add_argument("--limit", type=int, default=100_000, help="articles read from --stored")
    parser.add_argument("--directory", type=Path, help="a companies.tsv instead of the built-in")
    parser.add_argument(
        "--labels",
        type=Path,
        nargs="+",
        default=[LABELS],
        help="labels files or folders instead of the tests' (several are scored as one pool)",
    )
    args = parser.parse_args()
    truth = {}
    for where in args.labels:
        truth.update(load_truth(where))
    started = time.perf_counter()
    directory = (
        Directory(tuple(parse_rows(args.directory.read_text(encoding="utf-8").splitlines())))
        if args.directory
        else builtin_directory()
    )
    detector = Detector(directory)
    seconds = time.perf_counter() - started
    print(f"directory: {len(detector.directory)} companies, index built in {seconds:.2f} s")
    articles = [article for where in args.labels for article in load_labels(where)]
    if articles:
        result = score(articles, truth, detector, args.errors)
        for name, value in result.items():
            print(f"{name:28s} {value:.3f}" if isinstance(value, float) else f"{name:28s} {value}")
    if args.speed:
        result = speed(truth, detector, args.speed, args.runs)
        print(f"speed: {result['median articles/s']:.0f} articles/s (median of {args.runs})")
    if args.stored:
        result = stored_speed(args.stored, detector, args.runs, args.limit)
        print(
            f"stored: {result['articles']} articles of {result['words']:.0f} words on average, "
            f"{result['median articles/s']:.0f} articles/s (median of {args.runs})"
        )


if __name__ == "__main__":
    main()
