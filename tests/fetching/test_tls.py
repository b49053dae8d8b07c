"""HTTPS feeds: certificates are verified against the CA bundle, loaded ahead of the fetch."""

from __future__ import annotations

import ssl
from collections.abc import Iterator

import pytest
import trustme
from pytest_httpserver import HTTPServer

from reader.errors import FetchError
from reader.fetching import trust
from reader.fetching.http import Fetcher

RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def https_server(ca: trustme.CA) -> Iterator[HTTPServer]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    server = HTTPServer(host="127.0.0.1", port=0, ssl_context=context)
    server.start()
    server.expect_request("/feed.xml").respond_with_data(RSS, content_type="application/rss+xml")
    yield server
    server.stop()


async def fetch(url: str) -> bytes | None:
    async with Fetcher() as fetcher:
        return (await fetcher.fetch(url)).body


async def test_a_feed_whose_certificate_a_trusted_ca_signed_is_fetched(
    ca: trustme.CA, https_server: HTTPServer, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    trust.load_ahead()
    assert await fetch(https_server.url_for("/feed.xml")) == RSS


async def test_a_certificate_no_trusted_ca_signed_is_refused(https_server: HTTPServer) -> None:
    trust.load_ahead()
    with pytest.raises(FetchError) as caught:
        await fetch(https_server.url_for("/feed.xml"))
    assert caught.value.reason.startswith("TLS error: ")
    assert "certificate" in caught.value.reason, caught.value.reason


def test_the_context_loaded_ahead_is_handed_out_once() -> None:
    trust.load_ahead()
    first, second = trust.ssl_context(), trust.ssl_context()
    assert first is not second
    for context in (first, second):
        assert context.verify_mode is ssl.CERT_REQUIRED
        assert context.check_hostname
