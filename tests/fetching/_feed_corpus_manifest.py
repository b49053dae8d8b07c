"""Reading the shared feed corpus: its MANIFEST.tsv rows and file bodies (gzip files unpacked)."""

from __future__ import annotations

import csv
import gzip
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "feeds"
FEED_URL = "http://example.com/feeds/main.xml"


@dataclass(frozen=True)
class CorpusFile:
    file: str
    fp_version: str
    fp_bozo: str
    fp_entries: int
    fp_first_title: str
    json_items: str
    json_first_title: str

    def body(self, corpus: Path) -> bytes:
        data = (corpus / self.file).read_bytes()
        return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def manifest_rows() -> list[CorpusFile]:
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.exists():
        return []
    with manifest.open(encoding="utf-8", newline="") as handle:
        return [
            CorpusFile(
                file=row["file"],
                fp_version=row["fp_version"],
                fp_bozo=row["fp_bozo"],
                fp_entries=int(row["fp_entries"] or 0),
                fp_first_title=row["fp_first_title"],
                json_items=row["json_items"],
                json_first_title=row["json_first_title"],
            )
            for row in csv.DictReader(handle, delimiter="\t")
        ]
