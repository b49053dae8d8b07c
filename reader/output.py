"""How the CLI prints: aligned tables for people, a stable JSON shape for scripts, and a progress
line on stderr. Every string from a feed goes through ``strip_control`` on its way out, so nothing
a feed sent can drive the terminal even if it slipped past ingest.

JSON shapes (documented in the README; fields are only ever added, never renamed):
- feed: id, url, title, folder, site_url, last_fetched_at, last_status, last_http_status?,
  last_error, consecutive_failures, next_fetch_at, articles, unread
- article: id, feed_id, feed, title, url, author, published, read, starred, companies
  (``show`` adds updated, fetched_at, text, numbered_text (links as "anchor [n]"), links,
  cleaner_version, summary_html, content_html)
- search hit: article fields plus snippet (plain text), highlights (matched words), rank
- fetch report: new, updated, not_modified, failed, skipped, pages, pages_failed, feeds: [{id,
  url, outcome, new, updated, error, http_status, seconds, pages, pages_failed}] (pages: new
  articles read from their web page; pages_failed: pages that could not be had)
Times are ISO 8601 in UTC with a trailing Z, or null."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, TextIO

from reader import models
from reader.cleaning.sanitize import one_line, strip_control
from reader.models import Article, ArticleSummary, OutcomeKind
from reader.storage import HIGHLIGHT_END, HIGHLIGHT_START

if TYPE_CHECKING:
    from reader.cleaning.blocks import CleanArticle
    from reader.companies.detect import Detection
    from reader.models import CompanyOverview, Feed, FeedOutcome, RefreshReport, SearchHit


def iso(moment: datetime | None) -> str | None:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


def print_json(value: Any, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


def feed_json(feed: Feed) -> dict[str, Any]:
    return {
        "id": feed.id,
        "url": feed.url,
        "title": feed.display_title,
        "folder": feed.folder,
        "site_url": feed.site_url,
        "last_fetched_at": iso(feed.last_fetched_at),
        "last_status": feed.last_status.value,
        "last_error": feed.last_error,
        "consecutive_failures": feed.consecutive_failures,
        "next_fetch_at": iso(feed.next_fetch_at),
        "articles": feed.article_count,
        "unread": feed.unread_count,
    }


def article_json(article: ArticleSummary | Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "feed_id": article.feed_id,
        "feed": article.feed_title,
        "title": article.title,
        "url": article.url,
        "author": article.author,
        "published": iso(article.published),
        "read": article.read,
        "starred": article.starred,
        "companies": list(article.companies),
    }


def full_article_json(article: Article, clean: CleanArticle) -> dict[str, Any]:
    return {
        **article_json(article),
        "updated": iso(article.updated),
        "fetched_at": iso(article.fetched_at),
        "text": article.clean_text,
        "numbered_text": clean.text(),
        "links": list(clean.links),
        "cleaner_version": article.clean_version,
        "summary_html": article.summary_html,
        "content_html": article.content_html,
    }


def hit_json(hit: SearchHit) -> dict[str, Any]:
    return {
        **article_json(hit.article),
        "snippet": plain_snippet(hit.snippet),
        "highlights": highlights(hit.snippet),
        "rank": hit.rank,
    }


def outcome_json(o: FeedOutcome) -> dict[str, Any]:
    return {
        "id": o.feed_id,
        "url": o.url,
        "outcome": o.kind.value,
        "new": o.new,
        "updated": o.updated,
        "error": o.error,
        "http_status": o.http_status,
        "seconds": o.seconds,
        "pages": o.pages,
        "pages_failed": o.pages_failed,
    }


def outcome_from_json(data: dict[str, Any]) -> FeedOutcome:
    """The other way (the app reads a `reader fetch --progress-json` child's lines)."""
    return models.FeedOutcome(
        feed_id=int(data["id"]),
        url=str(data["url"]),
        kind=OutcomeKind(data["outcome"]),
        new=int(data["new"]),
        updated=int(data["updated"]),
        error=data["error"],
        http_status=data["http_status"],
        seconds=float(data["seconds"]),
        pages=int(data["pages"]),
        pages_failed=int(data["pages_failed"]),
    )


def report_json(report: RefreshReport) -> dict[str, Any]:
    return {
        "new": report.new_articles,
        "updated": report.updated_articles,
        "not_modified": report.count(OutcomeKind.NOT_MODIFIED),
        "failed": report.count(OutcomeKind.FAILED),
        "skipped": report.count(OutcomeKind.SKIPPED),
        "pages": report.pages,
        "pages_failed": report.pages_failed,
        "feeds": [outcome_json(o) for o in report.outcomes],
    }


COMPANY_HEADERS = ("company", "watched", "articles", "unread", "last seen")


def company_json(company: CompanyOverview) -> dict[str, Any]:
    return {
        "name": company.name,
        "watched": company.watched,
        "articles": company.articles,
        "unread": company.unread,
        "last_seen": iso(company.last_seen),
    }


def company_rows(companies: Iterable[CompanyOverview]) -> list[tuple[str, ...]]:
    return [
        (
            one_line(c.name),
            "yes" if c.watched else "",
            str(c.articles),
            str(c.unread),
            short_time(c.last_seen),
        )
        for c in companies
    ]


def detection_json(detection: Detection) -> dict[str, Any]:
    return {
        "name": detection.name,
        "salience": detection.salience,
        "known": detection.known,
        "confidence": detection.confidence,
        "reason": detection.reason,
        "evidence": [
            {"text": e.text, "where": e.where, "offset": e.offset} for e in detection.evidence
        ],
    }


def detection_line(detection: Detection) -> str:
    """ "Honda  subject  known  title: Honda; lead: Honda Motor; +3" """
    shown = [f"{e.where}: {one_line(e.text)}" for e in detection.evidence[:3]]
    more = len(detection.evidence) - len(shown)
    kind = "known" if detection.known else "suggested"
    return (
        f"{one_line(detection.name):<28} {detection.salience:<8} {kind:<9} "
        + "; ".join(shown)
        + (f"; +{more}" if more > 0 else "")
    )


def plain_snippet(snippet: str) -> str:
    return one_line(snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, ""))


def highlights(snippet: str) -> list[str]:
    found: list[str] = []
    for piece in snippet.split(HIGHLIGHT_START)[1:]:
        word = piece.split(HIGHLIGHT_END, 1)[0]
        if word and word not in found:
            found.append(word)
    return found


def marked_snippet(snippet: str, *, color: bool) -> str:
    """Highlights as bold on a terminal, as [brackets] in a pipe."""
    start, end = ("\x1b[1m", "\x1b[0m") if color else ("[", "]")
    # one_line strips control characters, so the markers cross it as private-use characters
    # (any the article itself holds are dropped first: they must not fake a highlight).
    text = snippet.replace("\ue000", "").replace("\ue001", "")
    text = text.replace(HIGHLIGHT_START, "\ue000").replace(HIGHLIGHT_END, "\ue001")
    return one_line(text).replace("\ue000", start).replace("\ue001", end)


def table(rows: Sequence[Sequence[str]], headers: Sequence[str], out: TextIO | None = None) -> None:
    """Columns sized to their content; the last column takes what is left of the terminal."""
    out = out or sys.stdout
    if not rows:
        return
    cells = [[one_line(str(c)) for c in row] for row in [headers, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers) - 1)]
    total = shutil.get_terminal_size((120, 24)).columns
    last_width = max(total - sum(widths) - 2 * len(widths), 20)
    for index, row in enumerate(cells):
        parts = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        parts.append(_truncate(row[-1], last_width))
        line = "  ".join(parts).rstrip()
        out.write(line + "\n")
        if index == 0:
            out.write("  ".join("-" * len(p) for p in parts).rstrip() + "\n")


def _truncate(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 1)] + "…"


def short_time(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else "-"


def feed_rows(feeds: Iterable[Feed]) -> list[list[str]]:
    rows = []
    for feed in feeds:
        status = feed.last_status.value
        if feed.last_error:
            status = f"failed ×{feed.consecutive_failures}: {feed.last_error}"
        rows.append(
            [
                str(feed.id),
                str(feed.unread_count),
                str(feed.article_count),
                short_time(feed.last_fetched_at),
                feed.folder or "",
                f"{feed.display_title}  ({status})" if feed.last_error else feed.display_title,
            ]
        )
    return rows


FEED_HEADERS = ("id", "unread", "articles", "last fetch", "folder", "title")


def article_rows(articles: Iterable[ArticleSummary]) -> list[list[str]]:
    return [
        [
            str(a.id),
            ("N" if not a.read else " ") + ("*" if a.starred else " "),
            short_time(a.published or a.sort_time),
            _truncate(a.feed_title, 24),
            a.title + (f"  [{', '.join(a.companies)}]" if a.companies else ""),
        ]
        for a in articles
    ]


ARTICLE_HEADERS = ("id", "st", "published", "feed", "title")


def outcome_line(outcome: FeedOutcome, title: str) -> str:
    if outcome.kind is OutcomeKind.FAILED:
        return f"  failed   {title}: {outcome.error}"
    if outcome.kind is OutcomeKind.SKIPPED:
        return f"  skipped  {title}: {outcome.error}"
    return f"  {outcome.kind.value:<8} {title}"


def article_text(article: Article, clean: CleanArticle | None = None) -> str:
    """The article for reading on a terminal: a header, the cleaned text with links as
    "anchor [n]", and the numbered links at the end."""
    header = [
        article.title,
        f"{article.feed_title} · {short_time(article.published)}"
        + (f" · {article.author}" if article.author else ""),
    ]
    if article.url:
        header.append(article.url)
    if article.companies:
        header.append("Companies: " + ", ".join(article.companies))
    body = strip_control(clean.text() if clean is not None else article.clean_text)
    if clean is not None and clean.links:
        body += "\n\nLinks:\n" + "\n".join(
            f"[{n}] {strip_control(link)}" for n, link in enumerate(clean.links, 1)
        )
    return "\n".join(strip_control(line) for line in header) + "\n\n" + body + "\n"
