"""Concurrency limits for outgoing requests: a global cap and a smaller cap per host.

Refreshing hundreds of feeds at once must not hammer one server that hosts many of them (a
single blog platform often serves dozens of a user's feeds), nor open more sockets than the
connection pool allows."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from reader.fetching.lean_httpx import httpx

_DEFAULT_PORTS = {"http": 80, "https": 443}


def host_key(url: httpx.URL) -> str:
    """``host:port`` with the scheme's default port filled in, so that ``http://a/`` and
    ``http://a:80/`` share one limit while ``https://a/`` (another connection pool) does not."""
    port = url.port or _DEFAULT_PORTS.get(url.scheme, 0)
    return f"{url.host}:{port}"


class HostLimiter:
    """Hands out request slots: at most ``per_host`` at once to one host and ``total`` overall.

    The host slot is taken first so that requests queued behind a busy host do not sit on global
    slots that requests to idle hosts could use."""

    def __init__(self, *, total: int, per_host: int) -> None:
        if total < 1 or per_host < 1:
            raise ValueError("concurrency limits must be at least 1")
        self._total = asyncio.Semaphore(total)
        self._per_host = per_host
        self._hosts: dict[str, asyncio.Semaphore] = {}

    @asynccontextmanager
    async def slot(self, url: httpx.URL) -> AsyncIterator[None]:
        key = host_key(url)
        host = self._hosts.get(key)
        if host is None:
            host = self._hosts[key] = asyncio.Semaphore(self._per_host)
        async with host, self._total:
            yield
