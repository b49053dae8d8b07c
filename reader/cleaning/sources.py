"""An article's reading text from whatever it was made of: the fetched web page when there is
one, else the feed item's HTML. Ingest, `reader show` and `reader reclean` all go through here,
so the text a person reads, the text that is searched and the text that is re-made agree."""

from __future__ import annotations

from reader.cleaning.blocks import CleanArticle
from reader.cleaning.extract import clean_fragment, clean_page
from reader.models import ArticleSource


def clean_item(
    html: str, *, url: str | None, title: str | None, site_lines: frozenset[str] = frozenset()
) -> CleanArticle:
    """A feed item's HTML without boilerplate. The feed's learnt lines are dropped unless that
    leaves nothing (a feed whose every item is the same teaser keeps its teaser)."""
    article = clean_fragment(html, url=url, title_hint=title, site_lines=site_lines)
    if article.blocks or not site_lines:
        return article
    return clean_fragment(html, url=url, title_hint=title)


def clean_source(source: ArticleSource) -> CleanArticle:
    if source.page_html is not None:
        return clean_page(source.page_html, url=source.url, title_hint=source.title)
    return clean_item(
        source.content_html or source.summary_html or "",
        url=source.url,
        title=source.title,
        site_lines=source.site_lines,
    )
