"""Where the database lives and the user's settings.

The database is in the platform's user data folder for ``reader-tui`` (on Linux
``~/.local/share/reader-tui/reader.db``) unless ``--db PATH`` or ``READER_DB`` says otherwise. The
optional config file is TOML in the user config folder (``~/.config/reader-tui/config.toml``,
or ``READER_CONFIG``). Every key is listed in ``CONFIG_KEYS`` and in the README."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

from reader.errors import ReaderError

APP_NAME = "reader-tui"
DB_ENV = "READER_DB"
CONFIG_ENV = "READER_CONFIG"


class ConfigError(ReaderError):
    """The config file cannot be read or holds a value of the wrong kind."""


@dataclass(frozen=True, slots=True)
class FetchConfig:
    """The ``[fetch]`` table of the config file: how hard and how long a refresh may try."""

    concurrency: int = 16
    per_host: int = 4
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    max_size_mb: float = 20.0
    full_text: bool = True


@dataclass(frozen=True, slots=True)
class AppConfig:
    """The ``[app]`` table of the config file: what the Textual app starts with."""

    auto_refresh_minutes: int = 0
    theme: str = "textual-dark"
    show_read: bool = True


@dataclass(frozen=True, slots=True)
class Settings:
    """Where the database lives and the config that came with it, resolved once per command."""

    db_path: Path
    fetch: FetchConfig = field(default_factory=FetchConfig)
    app: AppConfig = field(default_factory=AppConfig)
    config_path: Path | None = None


CONFIG_KEYS: dict[str, str] = {
    "db": "path of the database file (overridden by READER_DB and --db)",
    "fetch.concurrency": "requests in flight at once during a refresh (default 16)",
    "fetch.per_host": "requests in flight at once to one host (default 4)",
    "fetch.connect_timeout": "seconds to wait for a connection (default 10)",
    "fetch.read_timeout": "seconds to wait for data once connected (default 20)",
    "fetch.total_timeout": "seconds one whole request may take (default 60)",
    "fetch.max_size_mb": "largest response accepted, after decompression, in MB (default 20)",
    "fetch.full_text": "read new articles from their web page as each feed's full-text setting "
    "asks (`reader full-text FEED auto|always|never`; default true; false: never for any feed)",
    "app.auto_refresh_minutes": "refresh all feeds every N minutes while the app runs (0 = off)",
    "app.theme": "Textual theme name (default textual-dark)",
    "app.show_read": "show read articles in lists (default true; `l` toggles)",
}


def default_config_path() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME)) / "reader.db"


def load_settings(
    db_override: str | os.PathLike[str] | None = None, config_path: Path | None = None
) -> Settings:
    """Settings from the config file (if any), with the database path decided in order:
    ``--db``, then ``READER_DB``, then the file's ``db`` key, then the user data folder."""
    path = config_path or default_config_path()
    raw = _read_toml(path)
    fetch = _section(FetchConfig, raw.get("fetch", {}), "fetch")
    app = _section(AppConfig, raw.get("app", {}), "app")
    unknown = set(raw) - {"db", "fetch", "app"}
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) {', '.join(sorted(unknown))}")
    db = db_override or os.environ.get(DB_ENV) or raw.get("db")
    db_path = Path(db).expanduser() if db else default_db_path()
    return Settings(
        db_path=db_path, fetch=fetch, app=app, config_path=path if path.exists() else None
    )


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return {}  # the common case, which then never pays for importing the TOML parser
    except OSError as err:
        raise ConfigError(f"cannot read {path}: {err.strerror}") from err
    import tomllib

    try:
        with handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path} is not valid TOML: {err}") from err
    except OSError as err:
        raise ConfigError(f"cannot read {path}: {err.strerror}") from err


def _section(cls: type, values: Mapping[str, Any], name: str) -> Any:
    if not isinstance(values, Mapping):
        raise ConfigError(f"[{name}] in the config file must be a table")
    known = {f.name: f for f in fields(cls)}
    kwargs: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(f"unknown config key {name}.{key}; known: {', '.join(known)}")
        expected = type(getattr(cls(), key))
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise ConfigError(f"config key {name}.{key} must be {expected.__name__}, got {value!r}")
        kwargs[key] = value
    return cls(**kwargs)
