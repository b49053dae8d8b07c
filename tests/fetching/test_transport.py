"""The transport's kept-alive connections: reused while the server keeps them open (after a
304 too), replaced once the server has closed them (the pool asks the transport's streams
whether an idle socket is readable, which for an idle HTTP connection means the server hung
up)."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from reader.errors import FetchError
from reader.fetching.http import Fetcher, FetchSettings
from reader.fetching.lean_httpx import httpx
from reader.fetching.transport import QuickAckTransport

BODY = b"ok"


@dataclass
class KeepAliveServer:
    """An HTTP/1.1 server on 127.0.0.1 that answers one request per connection and then either
    keeps the connection open for more or closes it without saying so (no "Connection: close",
    as a server whose keep-alive timed out does)."""

    close_after_response: bool
    response: bytes = b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%b" % (len(BODY), BODY)
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
    server = KeepAliveServer(close_after_response=request.param)
    server.start()
    yield server
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
    server = KeepAliveServer(
        close_after_response=False, response=b'HTTP/1.1 304 Not Modified\r\nETag: "v1"\r\n\r\n'
    )
    server.start()

    async def fetch_three_times() -> list[int]:
        async with Fetcher(FetchSettings()) as fetcher:
            url = f"http://127.0.0.1:{server.port}/feed.xml"
            return [(await fetcher.fetch(url, etag='"v1"')).status for _ in range(3)]

    try:
        assert asyncio.run(fetch_three_times()) == [304, 304, 304]
        assert server.connections == 1
    finally:
        server.stop()


NOT_FOUND = b"<html>Not Found</html>"
MOVED = b"<html>Moved</html>"


@pytest.mark.parametrize(
    ("response", "reason"),
    [
        (
            b"HTTP/1.1 404 Not Found\r\nContent-Length: %d\r\n\r\n%b" % (len(NOT_FOUND), NOT_FOUND),
            "HTTP 404 Not Found",
        ),
        (
            b"HTTP/1.1 302 Found\r\nLocation: /feed.xml\r\nContent-Length: %d\r\n\r\n%b"
            % (len(MOVED), MOVED),
            "too many redirects (more than 5)",
        ),
    ],
    ids=["error", "redirect"],
)
def test_redirects_and_errors_with_a_small_body_keep_their_connection(
    response: bytes, reason: str
) -> None:
    server = KeepAliveServer(close_after_response=False, response=response)
    server.start()

    async def fetch_twice() -> list[str]:
        reasons = []
        async with Fetcher(FetchSettings()) as fetcher:
            for _ in range(2):
                with pytest.raises(FetchError) as failure:
                    await fetcher.fetch(f"http://127.0.0.1:{server.port}/feed.xml")
                reasons.append(failure.value.reason)
        return reasons

    try:
        assert asyncio.run(fetch_twice()) == [reason, reason]
        assert server.connections == 1
    finally:
        server.stop()
