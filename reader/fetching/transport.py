"""An httpx transport whose kept-alive connections never wait out a delayed ACK.

A server that writes a response's headers and body in two send() calls with Nagle's algorithm on
(Python's http.server does) holds the body back until the client acknowledges the headers; on a
kept-alive connection Linux delays that ACK by up to 40 ms, so every response waits 40 ms. 200
feeds from one such host took 2.4 s instead of 0.65 s. Fresh connections do not stall (a new
socket acknowledges at once), but they cost a TCP and TLS handshake each, which keep-alive is
there to save. So connections are kept alive and, after every read, the socket is asked to
acknowledge at once (TCP_QUICKACK, which Linux clears by itself). Elsewhere this is a no-op."""

from __future__ import annotations

import select
import socket
from collections.abc import Iterable
from typing import Any

import httpcore

from reader.fetching import trust
from reader.fetching.lean_httpx import httpx

_QUICKACK = getattr(socket, "TCP_QUICKACK", None)


class QuickAckTransport(httpx.AsyncHTTPTransport):
    def __init__(self, limits: httpx.Limits) -> None:
        ssl_context = trust.ssl_context()  # one for the transport and its pool
        super().__init__(verify=ssl_context, limits=limits)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_QuickAckBackend(),
        )


class _QuickAckBackend(httpcore.AsyncNetworkBackend):
    def __init__(self) -> None:
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        return _QuickAckStream(stream)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        return await self._inner.connect_unix_socket(path, timeout, socket_options)

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class _QuickAckStream(httpcore.AsyncNetworkStream):
    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner
        self._raw_socket: socket.socket | None = inner.get_extra_info("socket")
        self._socket = self._raw_socket if _QUICKACK is not None else None

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        data = await self._inner.read(max_bytes, timeout)
        if self._socket is not None and data:
            try:
                self._socket.setsockopt(socket.IPPROTO_TCP, _QUICKACK, 1)
            except OSError:
                self._socket = None
        return data

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        upgraded = await self._inner.start_tls(ssl_context, server_hostname, timeout)
        return _QuickAckStream(upgraded)

    def get_extra_info(self, info: str) -> Any:
        """The pool asks "is_readable" of every idle connection each time a request starts or
        ends; anyio answers it by building a dict of all socket attributes, a getpeername()
        call included (40 us a time, 70 ms of a 200-feed refresh). The socket is known here."""
        if info == "is_readable":
            return _readable(self._raw_socket)
        if info == "socket":
            return self._raw_socket
        return self._inner.get_extra_info(info)


def _readable(sock: socket.socket | None) -> bool:
    """Whether reading would not block: for an idle HTTP connection, the server has hung up
    (or sent what it should not). A closed or missing socket counts as readable, as in
    httpcore's own check, whose module is private."""
    if sock is None or sock.fileno() < 0:
        return True
    poller = select.poll()
    poller.register(sock, select.POLLIN)
    return bool(poller.poll(0))
