"""What the wheel must carry besides Python: the app's CSS (from the top-level styles/, put
into the package by hatch's force-include) and the demo's bundled feeds. Checked by hand with
`pip wheel --no-deps .` + `python -m zipfile -l`; here, that the sources it packs are there."""

from __future__ import annotations

import tomllib
from pathlib import Path

from reader.app import styles_dir
from reader.demo import bundled_feeds

REPO = Path(__file__).resolve().parents[1]


def test_the_app_finds_its_css() -> None:
    assert (styles_dir() / "app.tcss").is_file()


def test_the_wheel_packs_the_styles_into_the_package() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    wheel = config["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert wheel["force-include"] == {"styles": "reader/styles"}
    assert wheel["packages"] == ["reader"]


def test_every_bundled_demo_feed_exists() -> None:
    feeds = bundled_feeds()
    assert len(feeds) == 4
    assert all(path.is_file() and path.stat().st_size > 1000 for path, _ in feeds)
