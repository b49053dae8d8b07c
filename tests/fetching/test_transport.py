"""The transport's kept-alive connections: reused while the server keeps them open (after a
304 too), replaced once the server has closed them (the pool asks the transport's streams
whether an idle socket is readable, which for an idle HTTP connection means the server hung
up)."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest

from reader.errors import FetchError
from reader.fetching.http import Fetcher, FetchSettings
from reader.fetching.lean_httpx import httpx
from reader.fetching.transport import QuickAckTransport

BODY = b"ok"


def http_response(status: str, body: bytes = b"", headers: str = "") -> bytes:
    """One HTTP/1.1 response as it goes on the wire, framed by its Content-Length."""
    return f"HTTP/1.1 {status}\r\n{headers}Content-Length: {len(body)}\r\n\r\n".encode() + body


@dataclass
class KeepAliveServer:
    """An HTTP/1.1 server on 127.0.0.1 that answers one request per connection and then either
    keeps the connection open for more or closes it without saying so (no "Connection: close",
    as a server whose keep-alive timed out does)."""

    close_after_response: bool
    response: bytes = http_response("200 OK", BODY)
    connections: int = 0
    port: int = 0
    _listener: socket.socket = field(default_factory=socket.socket)

    def start(self) -> None:
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen()
        self.port = self._listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def stop(self) -> None:
        self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            while self._read_request(conn):
                conn.sendall(self.response)
                if self.close_after_response:
                    return

    @staticmethod
    def _read_request(conn: socket.socket) -> bool:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(4096)
            if not chunk:
                return False
            data += chunk
        return True


@pytest.fixture(params=[False, True], ids=["kept-open", "closed-by-server"])
def server(request: pytest.FixtureRequest) -> Iterator[KeepAliveServer]:
    with serving(KeepAliveServer(close_after_response=request.param)) as server:
        yield server


@contextmanager
def serving(server: KeepAliveServer) -> Iterator[KeepAliveServer]:
    server.start()
    try:
        yield server
    finally:
        server.stop()


async def _get_twice(url: str) -> list[bytes]:
    transport = QuickAckTransport(httpx.Limits(max_connections=4))
    async with httpx.AsyncClient(transport=transport) as client:
        bodies = []
        for _ in range(2):
            response = await client.get(url)
            bodies.append(response.content)
            await asyncio.sleep(0.05)  # the server's close reaches the client's socket
        return bodies


def test_an_idle_connection_is_reused_while_open_and_replaced_once_closed(
    server: KeepAliveServer,
) -> None:
    bodies = asyncio.run(_get_twice(f"http://127.0.0.1:{server.port}/feed.xml"))

    assert bodies == [BODY, BODY]
    assert server.connections == (2 if server.close_after_response else 1)


def test_not_modified_answers_keep_their_connection() -> None:
    """A 304 has no body; its connection goes back to the pool all the same (closed unread, it
    cost a new connection per feed: 200 for a refresh of 200 unchanged feeds on one host)."""
    not_modified = http_response("304 Not Modified", headers='ETag: "v1"\r\n')

    async def fetch_three_times(port: int) -> list[int]:
        async with Fetcher(FetchSettings()) as fetcher:
            url = f"http://127.0.0.1:{port}/feed.xml"
            return [(await fetcher.fetch(url, etag='"v1"')).status for _ in range(3)]

    with serving(KeepAliveServer(close_after_response=False, response=not_modified)) as server:
        assert asyncio.run(fetch_three_times(server.port)) == [304, 304, 304]
        assert server.connections == 1


@pytest.mark.parametrize(
    ("response", "reason"),
    [
        (http_response("404 Not Found", b"<html>Not Found</html>"), "HTTP 404 Not Found"),
        (
            http_response("302 Found", b"<html>Moved</html>", "Location: /feed.xml\r\n"),
            "too many redirects (more than 5)",
        ),
    ],
    ids=["error", "redirect"],
)
def test_redirects_and_errors_with_a_small_body_keep_their_connection(
    response: bytes, reason: str
) -> None:
    async def fetch_twice(port: int) -> list[str]:
        reasons = []
        async with Fetcher(FetchSettings()) as fetcher:
            for _ in range(2):
                with pytest.raises(FetchError) as failure:
                    await fetcher.fetch(f"http://127.0.0.1:{port}/feed.xml")
                reasons.append(failure.value.reason)
        return reasons

    with serving(KeepAliveServer(close_after_response=False, response=response)) as server:
        assert asyncio.run(fetch_twice(server.port)) == [reason, reason]
        assert server.connections == 1
