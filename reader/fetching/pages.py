"""Full text: which new articles are read from their web page, and reading one.

A feed that gives only a teaser ("The council voted on Tuesday to …") makes a poor reading view
and a poor search index; the article's own page has the story. Pages are fetched politely (at
most ``PAGE_PER_HOST`` at once per host, with the feed fetches' size caps and timeouts) and only
over http(s): a feed cannot make the reader open a local file."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from reader.models import ArticleDraft, FullText

PAGE_PER_HOST = 2
MAX_PAGES_PER_REFRESH = 10
"""Pages read per feed and refresh, newest articles first: subscribing to a feed of 200
teasers must not mean 200 page fetches before it shows up."""
TEASER_WORDS = 120
"""An item without full content whose text is shorter than this is taken for a summary."""

_NO_DATE = datetime.min.replace(tzinfo=UTC)
_CUT_OFF = re.compile(
    r"(?:\.\.\.|…|\[(?:\.\.\.|…)\]|\(more\.\.\.\)|read more|continue reading|keep reading"
    r"|read the (?:full|rest)[^.]*)\W*$",
    re.IGNORECASE,
)


def pages_to_read(
    mode: FullText, drafts: Sequence[ArticleDraft], new_ids: Mapping[str, int]
) -> list[tuple[int, ArticleDraft]]:
    """(article id, draft) of the new articles whose page should be read, newest first."""
    wanted = [
        (new_ids[draft.dedupe_key], draft)
        for draft in drafts
        if draft.dedupe_key in new_ids and wants_page(draft, mode)
    ]
    wanted.sort(key=lambda item: item[1].published or _NO_DATE, reverse=True)
    return wanted[:MAX_PAGES_PER_REFRESH]


def wants_page(draft: ArticleDraft, mode: FullText) -> bool:
    """Whether this new article should be read from its page under the feed's setting. The
    URL is looked at last: parsing it costs more than the teaser test that rules most out."""
    if mode is FullText.NEVER:
        return False
    if mode is FullText.AUTO and not looks_like_teaser(draft):
        return False
    return is_web_url(draft.url)


def looks_like_teaser(draft: ArticleDraft) -> bool:
    """A summary rather than the story: no full content and short, or cut off mid-way."""
    text = draft.clean_text.strip()
    if not text:
        return True
    tail = text[-200:]
    if _may_be_cut_off(tail) and _CUT_OFF.search(tail):
        return True
    return draft.content_html is None and len(text.split()) < TEASER_WORDS


def _may_be_cut_off(tail: str) -> bool:
    """False when ``_CUT_OFF`` cannot match: every ending it knows holds "...", "…" or "read"
    (in any case). Looked for first: the expression is tried at every position of the tail of
    every new article."""
    lower = tail.lower()
    return "..." in lower or "…" in lower or "read" in lower


def is_web_url(url: str | None) -> bool:
    if not url:
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


@dataclass(frozen=True, slots=True)
class PageText:
    """A fetched page, decoded, the article text found on it and the cleaner that found it."""

    html: str
    text: str
    version: int


def read_page(body: bytes, url: str, title: str | None) -> PageText:
    """The parse worker's job for a page: decode it and extract the article's text."""
    from reader.cleaning.extract import CLEANER_VERSION, clean_page, decode_html

    html = decode_html(body)
    article = clean_page(html, url=url, title_hint=title)
    return PageText(html, article.text(link_numbers=False), CLEANER_VERSION)
