"""Quality regression: the cleaner on the dev half of the article-extraction benchmark.

Scored with the benchmark's own metric (imported from ../shared/tools/extract_eval.py); the
bars are issue 3's. Skipped when the shared corpus is not beside the repository.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from reader.cleaning import clean_page

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus" / "extraction"
SCORER = SHARED / "tools" / "extract_eval.py"


def _scorer() -> ModuleType:
    if not (CORPUS / "ground-truth.json").is_file() or not SCORER.is_file():
        pytest.skip(f"{CORPUS} or {SCORER} is missing")
    spec = importlib.util.spec_from_file_location("extract_eval", SCORER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("extract_eval", module)
    spec.loader.exec_module(module)
    return module


def test_dev_corpus_f1_precision_and_no_empty_page() -> None:
    scorer = _scorer()
    pages = scorer.load_corpus(CORPUS, None)
    scores = []
    empty = []
    for page in pages:
        text = clean_page(page.read_html(), url=page.url).text(link_numbers=False)
        if not scorer.tokenize(text):
            empty.append(page.url)
        scores.append(scorer.score_page(page.truth, text))
    stats = scorer.aggregate(scores)
    assert not empty
    assert stats["precision"] >= 0.96, stats
    assert stats["f1"] >= 0.970, stats
