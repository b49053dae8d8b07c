"""A refresh run by a child process (`reader fetch --progress-json`), for the app.

In a thread of the app's own interpreter, the refresh (HTTP streams, the writer, progress) shared
the GIL with the screen: keys waited ~100 ms while 200 feeds came in. In a child process the app
only reads one JSON line per feed and reloads its list."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader import models
from reader.config import CONFIG_ENV, Settings
from reader.errors import ReaderError

CHILD_NICENESS = 10

if TYPE_CHECKING:
    from reader.models import RefreshReport
    from reader.refresh import ProgressCallback


def refresh_in_child(
    settings: Settings,
    feed_ids: Sequence[int] | None,
    on_progress: ProgressCallback,
) -> RefreshReport:
    """Refresh ``feed_ids`` (all feeds when None; named feeds are fetched even when backing
    off, as `reader fetch FEED` does) with the same database and config as ``settings``."""
    from reader.output import outcome_from_json

    command = [sys.executable, "-m", "reader", "--db", str(settings.db_path), "fetch"]
    command.append("--progress-json")
    if not settings.fetch.full_text:
        command.append("--no-pages")
    command.extend(str(feed_id) for feed_id in feed_ids or ())
    env = dict(os.environ)
    if settings.config_path is not None:
        env[CONFIG_ENV] = str(settings.config_path)
    report: RefreshReport | None = None
    with tempfile.TemporaryFile(mode="w+") as errors:
        child = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=errors, stdin=subprocess.DEVNULL,
            text=True, env=env, preexec_fn=_lower_priority,
        )  # fmt: skip
        assert child.stdout is not None
        for line in child.stdout:
            data = json.loads(line)
            if "progress" in data:
                step = data["progress"]
                on_progress(outcome_from_json(step["outcome"]), step["done"], step["total"])
            elif "report" in data:
                outcomes = data["report"]["feeds"]
                report = models.RefreshReport(tuple(outcome_from_json(item) for item in outcomes))
        child.wait()
        if report is None:
            errors.seek(0)
            last = errors.read().strip().splitlines()[-1:] or ["no report"]
            raise ReaderError(f"the refresh stopped: {last[0]}")
    return report


def _lower_priority() -> None:
    """In the child, before it runs: on a busy machine the screen gets the CPU first."""
    os.nice(CHILD_NICENESS)
