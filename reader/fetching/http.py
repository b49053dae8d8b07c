"""Fetching feeds and pages over HTTP(S), or from a local file the user named.

Everything that can go wrong on the network ends as a ``FetchError`` whose message is a short
sentence fit to show on a feed ("HTTP 404 Not Found", "timed out after 20 s"); no httpx exception
leaves this module. Bodies are returned as bytes, undecoded, because feed parsers sniff the
character encoding from the bytes and the Content-Type together."""

from __future__ import annotations

import asyncio
import email.utils
import math
import mimetypes
import re
import socket
import ssl
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TypeVar
from urllib.parse import urlsplit
from urllib.request import url2pathname

import reader
from reader.errors import FetchError
from reader.fetching.hosts import HostLimiter
from reader.fetching.lean_httpx import httpx
from reader.fetching.transport import QuickAckTransport

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
    "application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
HTML_ACCEPT = "text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.8"

# Only encodings we can inflate with a bound on every output piece (see _Inflater). Brotli is
# left out on purpose even when importable: its decoders have no output limit per call.
ACCEPT_ENCODING = "gzip, deflate"

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PERMANENT_REDIRECTS = frozenset({301, 308})
_RETRY_AFTER_STATUSES = frozenset({429, 503})
_MAX_RETRY_AFTER = 7 * 24 * 3600.0
_PIECE = 64 * 1024
_GZIP_WBITS = 16 + zlib.MAX_WBITS
_E = TypeVar("_E", bound=BaseException)
# Describe the wire, not the body we return (which is already decompressed).
_WIRE_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """Limits for one Fetcher. ``max_bytes`` counts decompressed bytes, because that is what
    lands in memory and in the parser; ``total_timeout`` bounds a whole request including its
    body, which a server trickling one byte at a time would otherwise stretch forever."""

    concurrency: int = 16
    per_host: int = 4
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = f"reader-tui/{reader.__version__} (+https://pypi.org/project/reader-tui/)"


@dataclass(frozen=True, slots=True)
class FetchResult:
    """One successful fetch. ``status`` is a 2xx code (almost always 200) or 304, in which case
    ``body`` is None. ``permanent_url`` is the URL to store instead of ``url``: it is only set
    when every redirect hop was permanent (301/308), because a temporary hop anywhere means the
    old URL is still the right one to ask next time."""

    url: str
    final_url: str
    permanent_url: str | None
    status: int
    body: bytes | None
    etag: str | None
    last_modified: str | None
    content_type: str | None
    headers: dict[str, str]


@dataclass(frozen=True, slots=True)
class _Reply:
    """A final (non-redirect) response of one hop, before the chain's knowledge is added."""

    status: int
    body: bytes | None
    headers: dict[str, str]


@dataclass(frozen=True, slots=True)
class _Redirect:
    status: int
    location: httpx.URL


class Fetcher:
    """Owns one httpx.AsyncClient plus the global and per-host semaphores.

    Use as ``async with Fetcher(settings) as f:``. ``transport`` lets tests swap the network for
    an ``httpx.MockTransport``."""

    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.settings = settings or FetchSettings()
        self._transport = transport
        self._limiter = HostLimiter(
            total=self.settings.concurrency, per_host=self.settings.per_host
        )
        self._client: httpx.AsyncClient | None = None
        self._sender: httpx.AsyncBaseTransport | None = None

    async def __aenter__(self) -> Fetcher:
        s = self.settings
        self._sender = self._transport or QuickAckTransport(
            httpx.Limits(max_connections=s.concurrency, max_keepalive_connections=s.concurrency)
        )
        self._client = httpx.AsyncClient(
            transport=self._sender,
            follow_redirects=False,
            timeout=httpx.Timeout(
                connect=s.connect_timeout,
                read=s.read_timeout,
                write=s.read_timeout,
                pool=s.total_timeout,
            ),
            headers={"User-Agent": s.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
        )
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = FEED_ACCEPT,
    ) -> FetchResult:
        """Fetch ``url`` (http, https, file: or a filesystem path); raise FetchError otherwise."""
        path = _local_path(url)
        if path is not None:
            return await asyncio.to_thread(_read_local, url, path, self.settings.max_bytes, etag)
        start = _parse_url(url)
        headers = _request_headers(accept, etag, last_modified)
        return await self._follow(url, start, headers, etag, last_modified)

    async def _follow(
        self,
        url: str,
        start: httpx.URL,
        headers: dict[str, str],
        etag: str | None,
        last_modified: str | None,
    ) -> FetchResult:
        """Follow redirects by hand: each hop takes the slot of its own host, may only lead to
        http(s), and its status decides whether the final URL is worth storing."""
        loop = asyncio.get_running_loop()
        deadline: float | None = None
        hops: list[int] = []
        current = start
        while True:
            async with self._limiter.slot(current):
                if deadline is None:
                    deadline = loop.time() + self.settings.total_timeout
                outcome = await self._hop_within(current, headers, deadline)
            if isinstance(outcome, _Reply):
                return _finish(outcome, url, current, hops, etag, last_modified)
            hops.append(outcome.status)
            if len(hops) > self.settings.max_redirects:
                raise FetchError(f"too many redirects (more than {self.settings.max_redirects})")
            current = outcome.location

    async def _hop_within(
        self, url: httpx.URL, headers: dict[str, str], deadline: float
    ) -> _Reply | _Redirect:
        try:
            async with asyncio.timeout_at(deadline):
                return await self._hop(url, headers)
        except TimeoutError:
            raise FetchError(f"timed out after {_secs(self.settings.total_timeout)} s") from None
        except httpx.HTTPError as exc:
            raise _transport_error(exc, url, self.settings) from None
        except httpx.InvalidURL as exc:
            raise FetchError(f"invalid URL: {exc}") from None

    async def _hop(self, url: httpx.URL, headers: dict[str, str]) -> _Reply | _Redirect:
        if self._client is None or self._sender is None:
            raise RuntimeError("use Fetcher as `async with Fetcher(settings) as fetcher:`")
        request = self._client.build_request("GET", url, headers=headers)
        try:
            # Straight to the transport: the client's send would add cookie handling, auth and
            # redirect bookkeeping that a feed fetch never uses (a fifth of a warm refresh).
            response = await self._sender.handle_async_request(request)
            response.request = request
        except UnicodeError:
            # Even with follow_redirects=False, httpx parses every Location header and lets
            # IDNA errors in its host out as bare exceptions.
            raise FetchError("redirected to an invalid URL") from None
        try:
            return await self._handle(response)
        finally:
            await response.aclose()

    async def _handle(self, response: httpx.Response) -> _Reply | _Redirect:
        status = response.status_code
        if status in _REDIRECTS and "location" in response.headers:
            redirect = _Redirect(status, _redirect_target(response))
            await _drain_small_body(response)
            return redirect
        if status == 304:
            await _drain_small_body(response)
            return _reply(response, None)
        if 200 <= status < 300:
            return _reply(response, await _read_body(response, self.settings.max_bytes))
        error = _status_error(response)
        await _drain_small_body(response)
        raise error


# ---------------------------------------------------------------------------------------------
# Requests and results.
# ---------------------------------------------------------------------------------------------


def _request_headers(accept: str, etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {"Accept": accept}
    if etag := _validator(etag):
        headers["If-None-Match"] = etag
    if last_modified := _validator(last_modified):
        headers["If-Modified-Since"] = last_modified
    return headers


def _validator(value: str | None) -> str | None:
    """A stored validator that cannot be sent as-is (non-ASCII or control characters, which
    httpx refuses) is dropped: an unconditional GET beats failing the feed forever."""
    if value and value.isascii() and value.isprintable():
        return value
    return None


def _parse_url(text: str) -> httpx.URL:
    """An http(s) URL httpx can request, checked up front because httpx reports a missing host
    as an unsupported protocol and lets IDNA errors out as bare ValueErrors."""
    try:
        url = httpx.URL(text)
        host, port = url.host, url.port
    except (httpx.InvalidURL, ValueError) as exc:
        raise FetchError(f"invalid URL: {exc}") from None
    if url.scheme not in ("http", "https"):
        raise FetchError(f"unsupported URL scheme {url.scheme!r}")
    if not host:
        raise FetchError("invalid URL: no host name")
    if port is not None and not 0 < port < 65536:
        raise FetchError(f"invalid URL: port {port} is out of range")
    return url


def _redirect_target(response: httpx.Response) -> httpx.URL:
    try:
        target = str(response.url.join(response.headers["location"]))
    except (httpx.InvalidURL, ValueError):
        raise FetchError("redirected to an invalid URL") from None
    try:
        return _parse_url(target)
    except FetchError as exc:
        raise FetchError(f"redirected to an {exc.reason}") from None


def _reply(response: httpx.Response, body: bytes | None) -> _Reply:
    headers = {k: v for k, v in response.headers.items() if k not in _WIRE_HEADERS}
    return _Reply(response.status_code, body, headers)


def _finish(
    reply: _Reply,
    url: str,
    final: httpx.URL,
    hops: list[int],
    etag: str | None,
    last_modified: str | None,
) -> FetchResult:
    """Fill in what only the whole redirect chain knows. A 304 keeps the validators that were
    sent when the server did not repeat them, so the caller can store the result as-is."""
    permanent = None
    if hops and all(h in _PERMANENT_REDIRECTS for h in hops):
        downgrade = urlsplit(url).scheme == "https" and final.scheme == "http"
        permanent = None if downgrade else str(final)
    not_modified = reply.status == 304
    return FetchResult(
        url=url,
        final_url=str(final) if hops else url,
        permanent_url=permanent,
        status=reply.status,
        body=reply.body,
        etag=reply.headers.get("etag") or (etag if not_modified else None),
        last_modified=reply.headers.get("last-modified")
        or (last_modified if not_modified else None),
        content_type=reply.headers.get("content-type"),
        headers=reply.headers,
    )


# ---------------------------------------------------------------------------------------------
# Bodies: decompressed by us, a bounded piece at a time.
# ---------------------------------------------------------------------------------------------


class _Inflater:
    """Undoes one gzip or deflate layer, never producing more than _PIECE bytes per step.

    httpx's own decoders inflate a whole network read in one call, so a 64 KiB read of a gzip
    bomb becomes a 64 MiB allocation before any size cap can look at it."""

    def __init__(self, encoding: str) -> None:
        self._gzip = encoding in ("gzip", "x-gzip")
        self._pending = b""
        self._z = zlib.decompressobj(_GZIP_WBITS) if self._gzip else None

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._z is None:
            # "deflate" is zlib-wrapped by the spec but sent raw by some servers; the first two
            # bytes tell which.
            self._pending += data
            if len(self._pending) < 2:
                return
            data, self._pending = self._pending, b""
            wbits = zlib.MAX_WBITS if _is_zlib_header(data) else -zlib.MAX_WBITS
            self._z = zlib.decompressobj(wbits)
        yield from self._inflate(self._z, data)

    def _inflate(self, z: zlib._Decompress, data: bytes) -> Iterator[bytes]:
        while True:
            out = z.decompress(data, _PIECE)
            if out:
                yield out
            if z.eof:
                data = z.unused_data
                if not (data and self._gzip):
                    return
                z = self._z = zlib.decompressobj(_GZIP_WBITS)  # another gzip member follows
                continue
            data = z.unconsumed_tail
            if not data and len(out) < _PIECE:
                return


def _is_zlib_header(data: bytes) -> bool:
    cmf, flg = data[0], data[1]
    return cmf & 0x0F == 8 and cmf >> 4 <= 7 and (cmf << 8 | flg) % 31 == 0


class _BodyDecoder:
    """All Content-Encoding layers of a response, undone in reverse order of application."""

    def __init__(self, content_encoding: str) -> None:
        names = [e.strip().lower() for e in content_encoding.split(",")]
        names = [n for n in names if n and n != "identity"]
        for name in names:
            if name not in ("gzip", "x-gzip", "deflate"):
                raise FetchError(f"unsupported Content-Encoding {name!r}")
        self._layers = [_Inflater(n) for n in reversed(names)]

    def feed(self, data: bytes) -> Iterator[bytes]:
        pieces: Iterator[bytes] = iter((data,))
        for layer in self._layers:
            pieces = _through(layer, pieces)
        try:
            yield from pieces
        except zlib.error:
            raise FetchError("could not decompress the response (corrupt data)") from None


def _through(layer: _Inflater, pieces: Iterator[bytes]) -> Iterator[bytes]:
    for piece in pieces:
        yield from layer.feed(piece)


_DRAINED = 64 * 1024
"""The largest body of a redirect or an error that is read only to keep its connection."""


async def _drain_small_body(response: httpx.Response) -> None:
    """Read the (empty or small) body of a 304, a redirect or an error: the connection goes back
    to the pool only once its response has been read to the end. Closed unread, every 304 cost
    a new connection (200 in a refresh of 200 unchanged feeds on one host). A body without a
    length or longer than ``_DRAINED`` is left to be cut off with its connection."""
    declared = response.headers.get("content-length", "0" if response.status_code == 304 else "")
    if not (declared.isdigit() and int(declared) <= _DRAINED):
        return
    try:
        async for _ in response.aiter_raw():
            pass
    except httpx.HTTPError:
        return  # the connection is closed with the response; the answer itself stands


async def _read_body(response: httpx.Response, limit: int) -> bytes:
    """Stream the body, stopping as soon as the decompressed size, or the size on the wire,
    passes ``limit``. The wire needs its own count: a stream of empty gzip members (or empty
    deflate blocks) inflates to nothing, and would otherwise run until the total timeout."""
    encoding = response.headers.get("content-encoding", "")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(_too_large(limit))
    decoder = _BodyDecoder(encoding)
    body = bytearray()
    wire = 0
    async for raw in response.aiter_raw():
        wire += len(raw)
        if wire > limit:
            raise FetchError(_too_large(limit))
        for piece in decoder.feed(raw):
            if len(body) + len(piece) > limit:
                raise FetchError(_too_large(limit))
            body += piece
    return bytes(body)


def _too_large(limit: int) -> str:
    return f"response larger than {_mb(limit)} MB limit"


def _mb(limit: int) -> str:
    return f"{limit / (1024 * 1024):g}"


# ---------------------------------------------------------------------------------------------
# Errors.
# ---------------------------------------------------------------------------------------------


def _status_error(response: httpx.Response) -> FetchError:
    status = response.status_code
    reason = f"HTTP {status} {_reason_phrase(response)}".rstrip()
    retry_after = None
    if status in _RETRY_AFTER_STATUSES:
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        if retry_after is not None:
            reason += f", retry after {retry_after:g} s"
    return FetchError(reason, http_status=status, retry_after=retry_after)


def _reason_phrase(response: httpx.Response) -> str:
    """The standard phrase when there is one: servers send odd ones ("OK" on a 404)."""
    standard = httpx.codes.get_reason_phrase(response.status_code)
    if standard:
        return standard
    sent = response.reason_phrase
    return sent[:60] if sent.isprintable() else ""


_DIGITS = re.compile(r"[0-9]+")


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delay-seconds or an HTTP date), rounded up
    and capped at a week so a broken header cannot park a feed forever."""
    if not value:
        return None
    value = value.strip()
    if _DIGITS.fullmatch(value):
        seconds = float(min(int(value), int(_MAX_RETRY_AFTER)))
    else:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    return float(min(max(math.ceil(seconds), 0), _MAX_RETRY_AFTER))


def _transport_error(exc: httpx.HTTPError, url: httpx.URL, settings: FetchSettings) -> FetchError:
    """One short sentence per kind of failure; the underlying OS or TLS error decides which."""
    if isinstance(exc, httpx.ConnectTimeout):
        return FetchError(f"could not connect: timed out after {_secs(settings.connect_timeout)} s")
    if isinstance(exc, httpx.ReadTimeout):
        return FetchError(f"timed out after {_secs(settings.read_timeout)} s")
    if isinstance(exc, httpx.WriteTimeout):
        return FetchError(f"timed out after {_secs(settings.read_timeout)} s sending the request")
    if isinstance(exc, httpx.PoolTimeout):
        return FetchError("timed out waiting for a free connection")
    tls = _cause(exc, ssl.SSLError)
    if tls is not None:
        return FetchError(f"TLS error: {_tls_reason(tls)}")
    if isinstance(exc, httpx.ConnectError):
        return _connect_error(exc, url)
    if isinstance(exc, httpx.ReadError):
        return FetchError("connection dropped while reading the response")
    if isinstance(exc, httpx.WriteError):
        return FetchError("connection dropped while sending the request")
    if isinstance(exc, httpx.RemoteProtocolError):
        return _protocol_error(exc)
    if isinstance(exc, httpx.UnsupportedProtocol):
        return FetchError(f"unsupported URL scheme {url.scheme!r}")
    if isinstance(exc, httpx.ProxyError):
        return FetchError(f"proxy error: {exc}")
    return FetchError(f"network error: {exc or type(exc).__name__}")


def _connect_error(exc: httpx.ConnectError, url: httpx.URL) -> FetchError:
    if _cause(exc, socket.gaierror) is not None:
        return FetchError(f"could not resolve host {url.host}")
    if _cause(exc, ConnectionRefusedError) is not None:
        return FetchError("could not connect: connection refused")
    os_error = _innermost(exc, OSError)
    detail = (os_error.strerror or str(os_error)) if os_error else str(exc)
    return FetchError(f"could not connect: {(detail or 'unknown error').lower()}")


def _protocol_error(exc: httpx.RemoteProtocolError) -> FetchError:
    text = str(exc)
    if "complete message body" in text:
        return FetchError("response ended early (incomplete body)")
    if "location header" in text.lower():
        return FetchError("redirected to an invalid URL")
    if "without sending a response" in text:
        return FetchError("the server closed the connection without sending a response")
    return FetchError("the server sent an invalid HTTP response")


def _tls_reason(error: ssl.SSLError) -> str:
    if isinstance(error, ssl.SSLCertVerificationError) and error.verify_message:
        return error.verify_message
    if error.reason:
        return error.reason.replace("_", " ").lower()
    return str(error)


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _cause(exc: BaseException, kind: type[_E]) -> _E | None:
    return next((e for e in _chain(exc) if isinstance(e, kind)), None)


def _innermost(exc: BaseException, kind: type[_E]) -> _E | None:
    found = [e for e in _chain(exc) if isinstance(e, kind)]
    return found[-1] if found else None


def _secs(value: float) -> str:
    return f"{value:g}"


# ---------------------------------------------------------------------------------------------
# Local files.
# ---------------------------------------------------------------------------------------------


def _local_path(url: str) -> Path | None:
    """The file a ``file:`` URL or plain path names; None for http(s). Other schemes fail here,
    before any request, so nothing but http(s) ever reaches the network."""
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise FetchError(f"invalid URL: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        return None
    if scheme == "file":
        if parts.netloc not in ("", "localhost"):
            raise FetchError(f"cannot read a file on another host: {parts.netloc}")
        return Path(url2pathname(parts.path))
    if not scheme or len(scheme) == 1:  # no scheme, or a Windows drive letter
        return Path(url).expanduser()
    raise FetchError(f"unsupported URL scheme {scheme!r}")


def _read_local(url: str, path: Path, limit: int, etag: str | None) -> FetchResult:
    """Read a file with the same size cap as the network. Its mtime and size act as an ETag so
    an unchanged file answers 304 and is not parsed again on every refresh."""
    try:
        stat = path.stat()
        tag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
        body = None if etag == tag else _read_capped(path, limit)
    except FileNotFoundError:
        raise FetchError(f"file not found: {path}") from None
    except IsADirectoryError:
        raise FetchError(f"not a file: {path}") from None
    except PermissionError:
        raise FetchError(f"permission denied: {path}") from None
    except OSError as exc:
        raise FetchError(f"could not read {path}: {exc.strerror or exc}") from None
    return FetchResult(
        url=url,
        final_url=url,
        permanent_url=None,
        status=304 if body is None else 200,
        body=body,
        etag=tag,
        last_modified=None,
        content_type=mimetypes.guess_type(path.name)[0],
        headers={},
    )


def _read_capped(path: Path, limit: int) -> bytes:
    with path.open("rb") as fh:
        if path.suffix.lower() != ".gz":
            body = fh.read(limit + 1)
            if len(body) > limit:
                raise FetchError(_too_large(limit))
            return body
        decoder = _BodyDecoder("gzip")
        out = bytearray()
        while chunk := fh.read(_PIECE):
            for piece in decoder.feed(chunk):
                if len(out) + len(piece) > limit:
                    raise FetchError(_too_large(limit))
                out += piece
        return bytes(out)
