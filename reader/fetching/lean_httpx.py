"""httpx, imported without its command-line client.

httpx's ``__init__`` imports its CLI (click, rich, pygments) whenever those are installed, and
here they always are (sqlite-utils needs click, textual needs rich): about 0.1 s at the start of
every command that fetches, a tenth of a whole warm refresh. Registering a stand-in under the
CLI's module name first makes that import free; nothing of ours uses the CLI. Import httpx from
here, never directly."""

from __future__ import annotations

import sys
import types


def _cli_unavailable() -> None:
    raise SystemExit("the httpx command-line client is not available inside reader")


if "httpx" not in sys.modules:
    _stand_in = types.ModuleType("httpx._main")
    _stand_in.main = _cli_unavailable  # type: ignore[attr-defined]
    sys.modules.setdefault("httpx._main", _stand_in)

import httpx  # noqa: E402

__all__ = ["httpx"]
