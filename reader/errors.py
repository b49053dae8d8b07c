"""One exception tree, so callers catch ``ReaderError`` and show its message to the user.

Every message is written for a person: it says what went wrong and, where there is one, what to
do about it."""

from __future__ import annotations


class ReaderError(Exception):
    """Base of every error the reader raises on purpose."""


class StorageError(ReaderError):
    """The database could not be opened, read or written."""


class FeedNotFoundError(ReaderError):
    """No stored feed matches what the user named."""


class FeedExistsError(ReaderError):
    """The feed is already subscribed."""


class ArticleNotFoundError(ReaderError):
    """No stored article has that id."""


class FetchError(ReaderError):
    """A feed or page could not be fetched; the message is the reason shown on the feed."""

    def __init__(
        self, reason: str, *, http_status: int | None = None, retry_after: float | None = None
    ):
        super().__init__(reason)
        self.reason = reason
        self.http_status = http_status
        self.retry_after = retry_after


class ParseError(ReaderError):
    """A body was fetched but is not a feed we can read ("not a feed: got an HTML page")."""


class DiscoveryError(ReaderError):
    """An HTML page was given where a feed was expected and no feed link could be found on it."""


class ImportFormatError(ReaderError):
    """An OPML or urls file could not be read."""


class UsageError(ReaderError):
    """A command was given arguments that cannot work together (exit code 2)."""
