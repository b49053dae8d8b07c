"""The transport's kept-alive connections: reused while the server keeps them open, replaced
once the server has closed them (the pool asks the transport's streams whether an idle socket
is readable, which for an idle HTTP connection means the server hung up)."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from reader.fetching.lean_httpx import httpx
from reader.fetching.transport import QuickAckTransport

BODY = b"ok"


@dataclass
class KeepAliveServer:
    """An HTTP/1.1 server on 127.0.0.1 that answers one request per connection and then either
    keeps the connection open for more or closes it without saying so (no "Connection: close",
    as a server whose keep-alive timed out does)."""

    close_after_response: bool
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
                head = f"HTTP/1.1 200 OK\r\nContent-Length: {len(BODY)}\r\n\r\n".encode()
                conn.sendall(head + BODY)
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
