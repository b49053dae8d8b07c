"""The layers stay apart and the code stays clean: checked on every test run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CORE_MODULES = [
    "reader.cli",
    "reader.library",
    "reader.refresh",
    "reader.storage",
    "reader.fetching.http",
    "reader.fetching.parse",
    "reader.cleaning.html_text",
    "reader.importing.opml",
    "reader.query",
]


def test_core_modules_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {module}\n" for module in CORE_MODULES)
        + "print('textual' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_ruff_check_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "."],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "--no-cache", "."],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_app_start_path_makes_only_the_article_list_records() -> None:
    """Making a dataclass costs ~1.5 ms (see ``reader.models``): what the app imports before
    its first frame loads the records of one subject, the article list's."""
    code = (
        "import sys\n"
        "import reader.cli, reader.app, reader.screens.main, reader.views, reader.demo\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('reader.models.'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["reader.models.articles", "reader.models.enums"]


def test_every_record_is_found_where_reader_models_says() -> None:
    import reader.models

    for name in reader.models.__all__:
        record = getattr(reader.models, name)
        assert record.__name__ == name
        assert record.__module__.startswith("reader.models.")
