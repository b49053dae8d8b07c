"""The CA certificates for TLS, loaded on a thread of their own ahead of the first fetch.

Loading the bundle takes ~40 ms, a twentieth of a refresh where every feed answers 304, and it
is work OpenSSL does without the GIL: started as a refresh begins, it is done by the time the
imports and the database have been dealt with. Each loaded context is handed out once; a second
fetcher in the same run loads its own, as httpx would."""

from __future__ import annotations

import os
import ssl
import threading


class _Loading:
    def __init__(self) -> None:
        self.context: ssl.SSLContext | None = None
        self.error: BaseException | None = None
        self.locations = _ca_locations()  # read here: the environment belongs to the caller
        self.thread = threading.Thread(target=self._load, name="reader-ca", daemon=True)
        self.thread.start()

    def _load(self) -> None:
        try:
            self.context = ssl.create_default_context(**self.locations)
        except BaseException as err:  # raised again to whoever asks for the context
            self.error = err

    def result(self) -> ssl.SSLContext:
        self.thread.join()
        if self.error is not None:
            raise self.error
        assert self.context is not None
        return self.context


_ahead: _Loading | None = None
_lock = threading.Lock()


def load_ahead() -> None:
    """Start loading a context for the next ``ssl_context()`` call, unless one is loading."""
    global _ahead
    with _lock:
        if _ahead is None:
            _ahead = _Loading()


def ssl_context() -> ssl.SSLContext:
    """A client context that verifies certificates and host names against the CA bundle httpx
    would use: ``SSL_CERT_FILE`` or ``SSL_CERT_DIR`` when set, else certifi's."""
    global _ahead
    with _lock:
        loading, _ahead = _ahead, None
    return (loading or _Loading()).result()


def _ca_locations() -> dict[str, str]:
    """As ``httpx.create_ssl_context`` picks them."""
    if os.environ.get("SSL_CERT_FILE"):
        return {"cafile": os.environ["SSL_CERT_FILE"]}
    if os.environ.get("SSL_CERT_DIR"):
        return {"capath": os.environ["SSL_CERT_DIR"]}
    import certifi

    return {"cafile": certifi.where()}
