"""reader.fetching.http against real servers on 127.0.0.1: pytest-httpserver for exact responses,
the shared feedserver for faults, and raw sockets where a fault needs byte-level control."""

from __future__ import annotations

import asyncio
import email.utils
import gzip
import socket
import struct
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import Gauge
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.errors import FetchError
from reader.fetching.http import (
    FEED_ACCEPT,
    Fetcher,
    FetchResult,
    FetchSettings,
    parse_retry_after,
)

CORPUS_FILE = "feed-rs--rss_2.0_nightvale.xml"
MB = 1024 * 1024


async def fetch(url: str, settings: FetchSettings | None = None, **kwargs: str) -> FetchResult:
    async with Fetcher(settings or FetchSettings()) as fetcher:
        return await fetcher.fetch(url, **kwargs)


async def fetch_error(url: str, settings: FetchSettings | None = None, **kwargs: str) -> FetchError:
    with pytest.raises(FetchError) as info:
        await fetch(url, settings, **kwargs)
    return info.value


@contextmanager
def raw_server(serve: Callable[[socket.socket], None]) -> Iterator[str]:
    """A one-connection TCP server on 127.0.0.1 running ``serve`` on the accepted socket."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def run() -> None:
        conn, _ = listener.accept()
        with conn:
            _read_request(conn)
            serve(conn)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/feed.xml"
    finally:
        listener.close()
        thread.join(timeout=5)


def _read_request(conn: socket.socket) -> None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            return
        data += chunk


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---------------------------------------------------------------------------------------------
# Successful responses.
# ---------------------------------------------------------------------------------------------


async def test_200_returns_body_bytes_and_lowercased_headers(httpserver: HTTPServer) -> None:
    body = "<rss><channel><title>Café</title></channel></rss>".encode("iso-8859-1")
    httpserver.expect_request("/feed.xml").respond_with_data(
        body,
        content_type="application/rss+xml; charset=iso-8859-1",
        headers={"ETag": '"v1"', "Last-Modified": "Wed, 01 Jan 2025 00:00:00 GMT", "X-Extra": "1"},
    )
    url = httpserver.url_for("/feed.xml")
    result = await fetch(url)
    assert result.status == 200
    assert result.body == body
    assert (result.url, result.final_url, result.permanent_url) == (url, url, None)
    assert result.etag == '"v1"'
    assert result.last_modified == "Wed, 01 Jan 2025 00:00:00 GMT"
    assert result.content_type == "application/rss+xml; charset=iso-8859-1"
    assert result.headers["x-extra"] == "1"
    assert result.headers["content-type"] == result.content_type


async def test_request_sends_user_agent_accept_and_encodings(httpserver: HTTPServer) -> None:
    seen: list[Request] = []

    def handler(request: Request) -> Response:
        seen.append(request)
        return Response("ok")

    httpserver.expect_request("/feed.xml").respond_with_handler(handler)
    settings = FetchSettings(user_agent="test-agent/9")
    await fetch(httpserver.url_for("/feed.xml"), settings)
    headers = seen[0].headers
    assert headers["User-Agent"] == "test-agent/9"
    assert headers["Accept"] == FEED_ACCEPT
    assert headers["Accept-Encoding"] == "gzip, deflate"
    assert "If-None-Match" not in headers
    assert "If-Modified-Since" not in headers


async def test_conditional_get_with_etag_returns_304_without_body(feedserver: str) -> None:
    url = f"{feedserver}/{CORPUS_FILE}"
    first = await fetch(url)
    assert first.status == 200
    assert first.body
    assert first.etag
    second = await fetch(url, etag=first.etag)
    assert second.status == 304
    assert second.body is None
    assert second.etag == first.etag


async def test_conditional_get_with_last_modified_returns_304(feedserver: str) -> None:
    url = f"{feedserver}/{CORPUS_FILE}"
    first = await fetch(url)
    assert first.last_modified
    second = await fetch(url, last_modified=first.last_modified)
    assert second.status == 304
    assert second.body is None


async def test_304_keeps_the_sent_validators_when_the_server_omits_them(
    httpserver: HTTPServer,
) -> None:
    httpserver.expect_request("/feed.xml", headers={"If-None-Match": '"abc"'}).respond_with_data(
        b"", status=304
    )
    result = await fetch(
        httpserver.url_for("/feed.xml"), etag='"abc"', last_modified="Wed, 01 Jan 2025 00:00:00 GMT"
    )
    assert result.status == 304
    assert result.body is None
    assert result.etag == '"abc"'
    assert result.last_modified == "Wed, 01 Jan 2025 00:00:00 GMT"


async def test_gzip_response_is_decoded(feedserver: str, feed_corpus: Path) -> None:
    result = await fetch(f"{feedserver}/{CORPUS_FILE}")
    assert result.etag is not None
    assert result.etag.endswith('-gz"'), "the feedserver only marks gzip responses with -gz"
    assert result.body == (feed_corpus / CORPUS_FILE).read_bytes()
    assert "content-encoding" not in result.headers


@pytest.mark.parametrize(
    ("encoding", "compress"),
    [
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw deflate, as some servers send
        ("gzip", lambda data: gzip.compress(data[:10]) + gzip.compress(data[10:])),
        ("gzip, gzip", lambda data: gzip.compress(gzip.compress(data))),
    ],
    ids=["deflate-zlib", "deflate-raw", "gzip-two-members", "gzip-twice"],
)
async def test_compressed_bodies_are_decoded(
    httpserver: HTTPServer, encoding: str, compress: Callable[[bytes], bytes]
) -> None:
    body = b"<rss>" + b"entry " * 50_000 + b"</rss>"
    httpserver.expect_request("/feed.xml").respond_with_data(
        compress(body), headers={"Content-Encoding": encoding}
    )
    result = await fetch(httpserver.url_for("/feed.xml"))
    assert result.body == body


async def test_corrupt_gzip_is_a_fetch_error(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(
        b"\x1f\x8b\x08\x00garbage-not-deflate", headers={"Content-Encoding": "gzip"}
    )
    error = await fetch_error(httpserver.url_for("/feed.xml"))
    assert error.reason == "could not decompress the response (corrupt data)"


async def test_unknown_content_encoding_is_a_fetch_error(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(
        b"\x00\x01", headers={"Content-Encoding": "br"}
    )
    error = await fetch_error(httpserver.url_for("/feed.xml"))
    assert error.reason == "unsupported Content-Encoding 'br'"


# ---------------------------------------------------------------------------------------------
# Status codes.
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "message"),
    [(404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error"), (410, "HTTP 410 Gone")],
)
async def test_error_status_becomes_a_sentence(feedserver: str, code: int, message: str) -> None:
    error = await fetch_error(f"{feedserver}/_status/{code}")
    assert error.reason == message
    assert error.http_status == code
    assert error.retry_after is None


async def test_429_with_retry_after_seconds(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "120"}
    )
    error = await fetch_error(httpserver.url_for("/feed.xml"))
    assert error.reason == "HTTP 429 Too Many Requests, retry after 120 s"
    assert error.http_status == 429
    assert error.retry_after == 120


async def test_503_with_retry_after_http_date(httpserver: HTTPServer) -> None:
    when = datetime.now(UTC) + timedelta(seconds=300)
    header = email.utils.format_datetime(when, usegmt=True)
    httpserver.expect_request("/feed.xml").respond_with_data(
        "maintenance", status=503, headers={"Retry-After": header}
    )
    error = await fetch_error(httpserver.url_for("/feed.xml"))
    assert error.http_status == 503
    assert error.retry_after is not None
    assert 295 <= error.retry_after <= 300
    assert error.reason == f"HTTP 503 Service Unavailable, retry after {error.retry_after:g} s"


async def test_429_without_retry_after_has_none(feedserver: str) -> None:
    # The feedserver always sends "Retry-After: 1"; pytest-httpserver sends none.
    error = await fetch_error(f"{feedserver}/_status/429")
    assert (error.reason, error.retry_after) == ("HTTP 429 Too Many Requests, retry after 1 s", 1)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0", 0.0),
        ("86400", 86400.0),
        ("99999999999999999999999", 7 * 24 * 3600.0),
        ("Wed, 01 Jan 2025 00:02:00 GMT", 120.0),
        ("Tue, 31 Dec 2024 23:00:00 GMT", 0.0),
        ("soon", None),
        ("-5", None),
        ("", None),
        (None, None),
    ],
)
def test_retry_after_parses_seconds_and_dates(value: str | None, expected: float | None) -> None:
    now = datetime(2025, 1, 1, tzinfo=UTC)
    assert parse_retry_after(value, now=now) == expected


# ---------------------------------------------------------------------------------------------
# Redirects.
# ---------------------------------------------------------------------------------------------


async def test_redirect_chain_of_three_is_followed(feedserver: str) -> None:
    url = f"{feedserver}/_redirect/3/_gen/1.xml?entries=2"
    result = await fetch(url)
    assert result.status == 200
    assert result.body is not None
    assert b"<rss" in result.body
    assert result.url == url
    assert result.final_url == f"{feedserver}/_redirect/0/_gen/1.xml?entries=2"
    assert result.permanent_url is None


async def test_all_permanent_redirects_set_permanent_url(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/old").respond_with_data(
        "", status=301, headers={"Location": "/middle"}
    )
    httpserver.expect_request("/middle").respond_with_data(
        "", status=308, headers={"Location": httpserver.url_for("/new")}
    )
    httpserver.expect_request("/new").respond_with_data("<rss/>")
    result = await fetch(httpserver.url_for("/old"))
    assert result.body == b"<rss/>"
    assert result.final_url == httpserver.url_for("/new")
    assert result.permanent_url == httpserver.url_for("/new")


async def test_a_temporary_hop_leaves_permanent_url_unset(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/old").respond_with_data(
        "", status=301, headers={"Location": "/middle"}
    )
    httpserver.expect_request("/middle").respond_with_data(
        "", status=302, headers={"Location": "/new"}
    )
    httpserver.expect_request("/new").respond_with_data("<rss/>")
    result = await fetch(httpserver.url_for("/old"))
    assert result.final_url == httpserver.url_for("/new")
    assert result.permanent_url is None


async def test_redirect_loop_stops_after_max_redirects(feedserver: str) -> None:
    error = await fetch_error(f"{feedserver}/_redirect-loop")
    assert error.reason == "too many redirects (more than 5)"


async def test_exactly_max_redirects_is_allowed(feedserver: str) -> None:
    settings = FetchSettings(max_redirects=2)
    result = await fetch(f"{feedserver}/_redirect/2/_gen/1.xml?entries=1", settings)
    assert result.status == 200
    error = await fetch_error(f"{feedserver}/_redirect/3/_gen/1.xml?entries=1", settings)
    assert error.reason == "too many redirects (more than 2)"


@pytest.mark.parametrize("location", ["file:///etc/passwd", "ftp://example.com/feed.xml"])
async def test_redirect_to_a_non_http_scheme_is_refused(
    httpserver: HTTPServer, location: str
) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(
        "", status=302, headers={"Location": location}
    )
    error = await fetch_error(httpserver.url_for("/feed.xml"))
    scheme = location.split(":")[0]
    assert error.reason == f"redirected to an unsupported URL scheme '{scheme}'"


# ---------------------------------------------------------------------------------------------
# Size cap.
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
async def test_oversized_body_is_refused(httpserver: HTTPServer, chunked: bool) -> None:
    body = b"x" * (2 * MB)
    if chunked:
        response = Response(iter([body[i : i + 65536] for i in range(0, len(body), 65536)]))
    else:
        response = Response(body)
    httpserver.expect_request("/feed.xml").respond_with_response(response)
    error = await fetch_error(httpserver.url_for("/feed.xml"), FetchSettings(max_bytes=MB))
    assert error.reason == "response larger than 1 MB limit"


async def test_body_of_exactly_max_bytes_is_accepted(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(b"x" * MB)
    result = await fetch(httpserver.url_for("/feed.xml"), FetchSettings(max_bytes=MB))
    assert result.body is not None
    assert len(result.body) == MB


async def test_gzip_bomb_is_capped_with_bounded_memory(feedserver: str) -> None:
    """256 KB on the wire, 256 MiB inflated (1 GiB behaves the same but takes the server seconds
    to build). Peak Python allocations must stay near the 20 MB cap: inflating a whole 64 KiB
    network read at once, as httpx's aiter_bytes does, allocates 64 MB (peak 143 MB)."""
    tracemalloc.start()
    try:
        error = await fetch_error(f"{feedserver}/_gzipbomb?mib=256")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error.reason == "response larger than 20 MB limit"
    assert peak < 48 * MB, f"peak {peak / MB:.0f} MB"


# ---------------------------------------------------------------------------------------------
# Network failures.
# ---------------------------------------------------------------------------------------------


async def test_read_timeout_uses_the_configured_number(feedserver: str) -> None:
    started = time.monotonic()
    error = await fetch_error(
        f"{feedserver}/_slow/3000/_gen/1.xml?entries=1", FetchSettings(read_timeout=0.5)
    )
    assert error.reason == "timed out after 0.5 s"
    assert time.monotonic() - started < 2.5


async def test_total_timeout_covers_a_body_that_trickles(httpserver: HTTPServer) -> None:
    """Each byte arrives well within the read timeout; only the total deadline can stop it."""

    def trickle(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n")
        for _ in range(30):
            try:
                conn.sendall(b"x")
            except OSError:
                return
            time.sleep(0.1)

    started = time.monotonic()
    with raw_server(trickle) as url:
        error = await fetch_error(url, FetchSettings(read_timeout=5, total_timeout=0.6))
    assert error.reason == "timed out after 0.6 s"
    assert time.monotonic() - started < 2.5


async def test_connect_timeout_uses_the_configured_number() -> None:
    """A listener whose accept queue is full drops further SYNs, so connecting hangs."""
    with socket.create_server(("127.0.0.1", 0), backlog=0) as listener:
        port = listener.getsockname()[1]
        fillers = [socket.socket() for _ in range(4)]
        for filler in fillers:
            filler.setblocking(False)
            filler.connect_ex(("127.0.0.1", port))
        try:
            settings = FetchSettings(connect_timeout=0.3, read_timeout=1)
            error = await fetch_error(f"http://127.0.0.1:{port}/feed.xml", settings)
        finally:
            for filler in fillers:
                filler.close()
    assert error.reason == "could not connect: timed out after 0.3 s"


async def test_connection_refused() -> None:
    error = await fetch_error(f"http://127.0.0.1:{_closed_port()}/feed.xml")
    assert error.reason == "could not connect: connection refused"


async def test_unresolvable_host() -> None:
    error = await fetch_error("http://example.invalid/feed.xml")
    assert error.reason == "could not resolve host example.invalid"


async def test_connection_reset_mid_body_is_a_dropped_connection() -> None:
    def reset_halfway(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + b"x" * 50_000)
        time.sleep(0.3)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))

    with raw_server(reset_halfway) as url:
        error = await fetch_error(url)
    assert error.reason == "connection dropped while reading the response"


async def test_feedserver_drop_is_reported_as_a_broken_body(feedserver: str) -> None:
    # The feedserver's /_drop shuts down its write side (FIN) before the reset, so the client
    # may see either the FIN (an early end) or the reset first.
    error = await fetch_error(f"{feedserver}/_drop")
    assert error.reason in {
        "connection dropped while reading the response",
        "response ended early (incomplete body)",
    }


async def test_truncated_body(feedserver: str) -> None:
    error = await fetch_error(f"{feedserver}/_truncated")
    assert error.reason == "response ended early (incomplete body)"


async def test_server_closing_without_a_response() -> None:
    with raw_server(lambda conn: None) as url:
        error = await fetch_error(url)
    assert error.reason == "the server closed the connection without sending a response"


async def test_garbage_instead_of_http() -> None:
    with raw_server(lambda conn: conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\n\r\n")) as url:
        error = await fetch_error(url)
    assert error.reason == "the server sent an invalid HTTP response"


async def test_tls_to_a_plain_http_port_is_a_tls_error(feedserver: str) -> None:
    error = await fetch_error(feedserver.replace("http://", "https://") + "/feed.xml")
    assert error.reason.startswith("TLS error: ")
    assert "_" not in error.reason


@pytest.mark.parametrize(
    ("url", "scheme"),
    [
        ("ftp://example.com/feed.xml", "ftp"),
        ("javascript:alert(1)", "javascript"),
        ("data:text/xml,<rss/>", "data"),
        ("FTP://example.com/feed.xml", "ftp"),
    ],
)
async def test_unsupported_scheme(url: str, scheme: str) -> None:
    error = await fetch_error(url)
    assert error.reason == f"unsupported URL scheme '{scheme}'"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http:///feed.xml", "invalid URL: no host name"),
        ("http://example.com:99999/", "invalid URL: port 99999 is out of range"),
        ("http://[::1/feed.xml", "invalid URL: "),
        ("http://xn--a.com/", "invalid URL: "),
    ],
)
async def test_invalid_url_is_a_fetch_error(url: str, message: str) -> None:
    error = await fetch_error(url)
    assert error.reason.startswith(message)


async def test_redirect_to_an_invalid_url_is_refused(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(
        "", status=302, headers={"Location": "http://xn--a.com/feed.xml"}
    )
    error = await fetch_error(httpserver.url_for("/feed.xml"))
    assert error.reason.startswith("redirected to an invalid URL")


# ---------------------------------------------------------------------------------------------
# Local files.
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("as_url", [False, True], ids=["path", "file-url"])
async def test_local_file_is_read(tmp_path: Path, as_url: bool) -> None:
    path = tmp_path / "my feed.xml"
    path.write_bytes(b"<rss/>")
    url = path.as_uri() if as_url else str(path)
    result = await fetch(url)
    assert (result.status, result.body, result.url, result.final_url) == (200, b"<rss/>", url, url)
    assert result.content_type == "application/xml"


async def test_gzipped_local_file_is_decompressed(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml.gz"
    path.write_bytes(gzip.compress(b"<rss>" + b" " * 100_000 + b"</rss>"))
    result = await fetch(str(path))
    assert result.body == b"<rss>" + b" " * 100_000 + b"</rss>"


@pytest.mark.parametrize("gzipped", [False, True], ids=["plain", "gz"])
async def test_local_file_over_the_cap_is_refused(tmp_path: Path, gzipped: bool) -> None:
    data = b" " * (2 * MB)
    path = tmp_path / ("big.xml.gz" if gzipped else "big.xml")
    path.write_bytes(gzip.compress(data) if gzipped else data)
    error = await fetch_error(str(path), FetchSettings(max_bytes=MB))
    assert error.reason == "response larger than 1 MB limit"


async def test_missing_local_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.xml"
    error = await fetch_error(path.as_uri())
    assert error.reason == f"file not found: {path}"


async def test_unchanged_local_file_answers_304(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(b"<rss/>")
    first = await fetch(str(path))
    second = await fetch(str(path), etag=first.etag)
    assert (second.status, second.body) == (304, None)
    path.write_bytes(b"<rss>changed</rss>")
    third = await fetch(str(path), etag=first.etag)
    assert (third.status, third.body) == (200, b"<rss>changed</rss>")


# ---------------------------------------------------------------------------------------------
# Concurrency.
# ---------------------------------------------------------------------------------------------


async def test_per_host_concurrency_never_exceeds_the_limit(
    httpserver: HTTPServer, gauge: Gauge
) -> None:
    httpserver.expect_request("/slow").respond_with_handler(gauge.handler)
    url = httpserver.url_for("/slow")
    async with Fetcher(FetchSettings(per_host=2, concurrency=16)) as fetcher:
        results = await asyncio.gather(*(fetcher.fetch(url) for _ in range(10)))
    assert all(r.body == b"<rss/>" for r in results)
    assert gauge.peak == 2


async def test_global_concurrency_caps_requests_across_hosts(
    httpserver: HTTPServer, gauge: Gauge
) -> None:
    # 127.0.0.1 and localhost are two hosts to the limiter but one server to the gauge.
    httpserver.expect_request("/slow").respond_with_handler(gauge.handler)
    ip_url = httpserver.url_for("/slow")
    urls = [ip_url, ip_url.replace("127.0.0.1", "localhost")] * 4
    async with Fetcher(FetchSettings(per_host=4, concurrency=3)) as fetcher:
        await asyncio.gather(*(fetcher.fetch(u) for u in urls))
    assert gauge.peak == 3
