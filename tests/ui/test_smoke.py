from __future__ import annotations

from reader.app import ReaderApp
from reader.screens.main import MainScreen
from reader.widgets.article_list import ArticleList
from tests.ui.conftest import settle


async def test_main_screen_lists_the_demo(app: ReaderApp) -> None:
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        articles = app.screen.query_one(ArticleList)
        assert articles.listing is not None
        assert articles.listing.count == 34
