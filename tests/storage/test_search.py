"""Search ranks by relevance, highlights matches, and stays fast on words found everywhere."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.models import ArticleDraft, ArticleFilter
from reader.query import FTS5_TOKENIZE, parse_query
from reader.storage import HIGHLIGHT_END, HIGHLIGHT_START, FetchSuccess, Storage
from reader.storage import search as search_module
from tests.conftest import article_draft

NOW = datetime(2025, 6, 1, tzinfo=UTC)


def draft(n: int, title: str, text: str) -> ArticleDraft:
    return article_draft(
        n,
        title=title,
        url=None,
        author=None,
        published=NOW - timedelta(hours=n),
        content_html=None,
        clean_text=text,
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Storage]:
    storage = Storage(tmp_path / "reader.db")
    yield storage
    storage.close()


def search(store: Storage, text: str, **kwargs: object) -> list[str]:
    query = parse_query(text)
    hits = store.search.search(query.match, excluded=query.excluded_match, **kwargs)  # type: ignore[arg-type]
    return [hit.article.title for hit in hits]


def test_index_uses_the_tokenizer_the_query_parser_assumes(store: Storage) -> None:
    sql = (
        store.pool.get()
        .execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'")
        .fetchone()[0]
    )
    assert FTS5_TOKENIZE in sql


def test_a_match_in_the_title_ranks_above_one_in_the_text(store: Storage) -> None:
    feed = store.feeds.add("https://example.com/feed")
    store.articles.apply_update(
        feed.id,
        [
            draft(1, "Markets today", "Toyota shares rose after the recall was settled."),
            draft(2, "Toyota recall widens", "The carmaker widened it to more models."),
        ],
        FetchSuccess(),
        NOW,
    )
    assert search(store, "toyota") == ["Toyota recall widens", "Markets today"]


def test_snippets_mark_the_matched_words(store: Storage) -> None:
    feed = store.feeds.add("https://example.com/feed")
    store.articles.apply_update(
        feed.id,
        [draft(1, "Cars", "Nissan and Honda merge their powertrain work.")],
        FetchSuccess(),
        NOW,
    )
    hit = store.search.search('"powertrain"')[0]
    assert f"{HIGHLIGHT_START}powertrain{HIGHLIGHT_END}" in hit.snippet


def test_updated_article_is_found_by_its_new_text_only(store: Storage) -> None:
    feed = store.feeds.add("https://example.com/feed")
    store.articles.apply_update(feed.id, [draft(1, "Cars", "old words")], FetchSuccess(), NOW)
    changed = replace(draft(1, "Cars", "fresh words"), content_hash="changed")
    store.articles.apply_update(feed.id, [changed], FetchSuccess(), NOW)
    assert search(store, "fresh") == ["Cars"]
    assert search(store, "old") == []


def test_a_word_in_most_articles_lists_the_latest_first(
    store: Storage, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_module, "RANKING_LIMIT", 10)
    feed = store.feeds.add("https://example.com/feed")
    drafts = [draft(n, f"Story {n}", "the spokesman said so" * (1 + n % 3)) for n in range(30)]
    store.articles.apply_update(feed.id, drafts, FetchSuccess(), NOW)
    hits = store.search.search('"said"', limit=5)
    # The five stored last, shown newest published first.
    assert [hit.article.title for hit in hits] == [f"Story {n}" for n in range(25, 30)]
    assert all(hit.rank == 0.0 for hit in hits)
    assert all(HIGHLIGHT_START in hit.snippet for hit in hits)
    starred = store.articles.page(limit=1)[0].id
    store.articles.set_starred([starred], True)
    filtered = store.search.search('"said"', article_filter=ArticleFilter(starred=True))
    assert [hit.article.id for hit in filtered] == [starred]
