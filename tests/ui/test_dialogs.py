"""The dialogs: tagging (t), removing a tag (T), the company picker (c), help (?), and the small
prompt, confirm and message dialogs the other screens build on."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content
from textual.events import Key
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from reader.app import ReaderApp
from reader.library import Library
from reader.models import ArticleFilter, TagSource, TagState
from reader.screens.company_picker import CompanyPickerModal
from reader.screens.dialogs import ConfirmModal, MessageModal, PromptModal
from reader.screens.help import HelpModal, key_label
from reader.screens.main import MainScreen
from reader.screens.tagging import TagModal, UntagModal
from reader.views import View, ViewKind
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView
from tests.ui.conftest import NARROW, WIDE, main, notes, paste, plain, settle


def options(app: App, selector: str) -> list[str]:
    """The ids of the options a dialog's list offers, in order."""
    choices = app.screen.query_one(selector, OptionList)
    return [choices.get_option_at_index(i).id or "" for i in range(choices.option_count)]


def tags(library: Library, article_id: int) -> dict[str, tuple[TagState, TagSource]]:
    return {tag.company: (tag.state, tag.source) for tag in library.tags(article_id)}


def first_article(library: Library) -> int:
    return library.articles(ArticleFilter(), limit=1)[0].id


async def open_dialog(app: ReaderApp, pilot: Pilot, key: str, kind: type) -> None:
    await pilot.press(key)
    await settle(pilot)
    assert isinstance(app.screen, kind), f"{key} opens {kind.__name__}, not {app.screen!r}"


# -- TagModal ----------------------------------------------------------------------------------


async def test_t_offers_the_detected_companies_a_digit_or_enter_accepts_one_esc_cancels(
    app: ReaderApp, demo_library: Library
) -> None:
    article = first_article(demo_library)
    detected = [found.name for found in demo_library.suggestions(article)]
    assert len(detected) >= 2, "the first demo article names companies it is not tagged with"
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await open_dialog(app, pilot, "t", TagModal)
        assert options(app, "#tag-choices") == detected[:9]
        assert app.screen.query_one("#tag-choices", OptionList).has_focus
        await pilot.press("9")  # no ninth company: nothing happens
        assert isinstance(app.screen, TagModal)
        await pilot.press("2")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert tags(demo_library, article)[detected[1]] == (TagState.ACTIVE, TagSource.MANUAL)
        row = main(app).articles.current
        assert row is not None
        assert detected[1] in row.companies, "the list row shows the new tag"
        reading = main(app).query_one(ArticleView).shown
        assert reading is not None
        assert detected[1] in [tag.company for tag in reading.tags], "so does the article"
        before = tags(demo_library, article)
        await open_dialog(app, pilot, "t", TagModal)
        assert detected[1] not in options(app, "#tag-choices"), "a tagged company is not offered"
        await pilot.press(*"sony")
        name_box = app.screen.query_one("#tag-input", Input)
        assert name_box.has_focus, "typing a letter over the list moves to the name box"
        assert name_box.value == "sony", "keeping every letter typed"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert tags(demo_library, article) == before, "esc tags nothing"
        await open_dialog(app, pilot, "t", TagModal)
        await pilot.press("enter")
        await settle(pilot)
        assert tags(demo_library, article)[detected[0]] == (TagState.ACTIVE, TagSource.MANUAL)


def undetected_article(library: Library) -> int:
    """The newest article that names no company it is not already tagged with: its tag
    dialog opens on the name box."""
    for article in library.articles(ArticleFilter(), limit=100):
        if not library.suggestions(article.id):
            return article.id
    raise AssertionError("every demo article has suggestions")


async def test_t_tags_with_a_typed_name_its_completion_or_a_match_picked_from_the_list(
    app: ReaderApp, demo_library: Library
) -> None:
    article = undetected_article(demo_library)
    demo_library.remember("article", str(article))  # the app opens on it
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        current = main(app).articles.current
        assert current is not None
        assert current.id == article
        await open_dialog(app, pilot, "t", TagModal)
        name_box = app.screen.query_one("#tag-input", Input)
        assert name_box.has_focus, "nothing detected: the dialog opens on the name box"
        await pilot.press(*"Acme", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert tags(demo_library, article)["Acme"] == (TagState.ACTIVE, TagSource.MANUAL)
        current = main(app).articles.current
        assert current is not None
        assert "Acme" in current.companies, "the list row shows the new tag"
        await open_dialog(app, pilot, "t", TagModal)
        await paste(pilot, "Sony")
        offered = options(app, "#tag-choices")
        assert offered[0] == "Sony", "the exact name first"
        assert {"Sony Ericsson", "Sony Honda Mobility"} <= set(offered)
        assert all(name.startswith("Sony") for name in offered[:5]), "names starting so first"
        await paste(pilot, " H")
        await pilot.press("right")
        name_box = app.screen.query_one("#tag-input", Input)
        assert name_box.value == "Sony Honda Mobility", "→ takes the completion"
        await pilot.press("ctrl+u")
        await paste(pilot, "Panas")
        await pilot.press("tab")
        assert name_box.value == "Panasonic", "so does tab"
        await pilot.press("enter")
        await settle(pilot)
        assert tags(demo_library, article)["Panasonic"] == (TagState.ACTIVE, TagSource.MANUAL)
        assert demo_library.count(ArticleFilter(companies=("Panasonic",))) == 1
        await open_dialog(app, pilot, "t", TagModal)
        await paste(pilot, "qualc")
        await pilot.press("down")
        choices = app.screen.query_one("#tag-choices", OptionList)
        assert choices.has_focus, "↓ goes to the matching companies"
        assert options(app, "#tag-choices") == ["Qualcomm"]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen), "enter takes the highlighted match"
        assert tags(demo_library, article)["Qualcomm"] == (TagState.ACTIVE, TagSource.MANUAL)


async def test_a_name_typed_in_one_burst_with_t_goes_to_the_tag_dialog(
    app: ReaderApp, demo_library: Library
) -> None:
    """As a terminal delivers "tsony" typed fast: every key is queued before the dialog opens,
    and the letters are the company's name, not the list's s (star) and o (open)."""
    article = undetected_article(demo_library)
    demo_library.remember("article", str(article))
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        for character in "tsony":
            app.post_message(Key(character, character))
        await settle(pilot)
        assert isinstance(app.screen, TagModal)
        assert app.screen.query_one("#tag-input", Input).value == "sony"
        assert not demo_library.article(article).starred
        assert not demo_library.article(article).read, "o did not open it"


# -- UntagModal --------------------------------------------------------------------------------


async def test_T_removes_a_tag_and_it_stays_rejected(app: ReaderApp, demo_library: Library) -> None:
    article = first_article(demo_library)
    tagged = tags(demo_library, article)
    assert list(tagged) == ["Apple"], "the first demo article carries one automatic tag"
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await open_dialog(app, pilot, "T", UntagModal)
        assert options(app, "#untag-choices") == ["Apple"]
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen), "q cancels"
        await open_dialog(app, pilot, "T", UntagModal)
        await pilot.press("escape")
        await settle(pilot)
        assert tags(demo_library, article) == tagged, "esc cancels"
        await open_dialog(app, pilot, "T", UntagModal)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert tags(demo_library, article)["Apple"][0] is TagState.REJECTED
        row = main(app).articles.current
        assert row is not None
        assert "Apple" not in row.companies
        assert "Apple" not in [d.name for d in demo_library.suggestions(article)]
        await pilot.press("T")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen), "nothing left to remove"
        assert "This article has no tags" in notes(app)
        await pilot.press("R")
        await settle(pilot)
        assert any(note.startswith("Refreshed 4 feeds") for note in notes(app))
    demo_library.retag()
    assert tags(demo_library, article)["Apple"][0] is TagState.REJECTED, "retagging keeps it off"
    assert article not in [
        a.id for a in demo_library.articles(ArticleFilter(companies=("Apple",)), limit=100)
    ]


# -- CompanyPickerModal ------------------------------------------------------------------------


async def test_c_filters_the_companies_as_you_type_and_enter_shows_that_companys_articles(
    app: ReaderApp, demo_library: Library
) -> None:
    companies = [company.name for company in demo_library.companies()]
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await open_dialog(app, pilot, "c", CompanyPickerModal)
        assert options(app, "#company-choices") == companies
        assert app.screen.query_one("#company-filter", Input).has_focus
        await pilot.press("escape")
        await settle(pilot)
        assert main(app).view == View(), "esc keeps the view"
        await open_dialog(app, pilot, "c", CompanyPickerModal)
        await pilot.press(*"ni")
        assert options(app, "#company-choices") == [c for c in companies if "ni" in c.lower()]
        await pilot.press("s")
        assert options(app, "#company-choices") == ["Nissan"]
        await pilot.press("enter")
        await settle(pilot)
        screen = main(app)
        assert screen.view == View(ViewKind.COMPANY, "Nissan")
        nissan = demo_library.articles(ArticleFilter(companies=("Nissan",)), limit=100)
        listing = screen.articles.listing
        assert listing is not None
        assert [row.id for row in listing.loaded()] == [a.id for a in nissan]
        assert app.focused is screen.articles


# -- HelpModal ---------------------------------------------------------------------------------


async def test_question_mark_lists_every_key_of_the_main_screen(app: ReaderApp) -> None:
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        for close in ("escape", "q", "question_mark"):
            await open_dialog(app, pilot, "question_mark", HelpModal)
            text = plain(app.screen.query_one("#help-text", Static).content)
            lines = text.splitlines()
            for widget in (MainScreen, ArticleList, ArticleView):
                for binding in widget.BINDINGS:
                    wanted = key_label(binding.key)  # type: ignore[union-attr]
                    described = binding.description  # type: ignore[union-attr]
                    assert any(
                        line.split() and line.strip().startswith(wanted) and described in line
                        for line in lines
                    ), f"help lacks {wanted!r}: {described}"
            await pilot.press(close)
            await settle(pilot)
            assert isinstance(app.screen, MainScreen), f"{close} closes the help"
        assert app.return_code is None


# -- PromptModal, ConfirmModal, MessageModal ---------------------------------------------------


class Host(App[None]):
    """An empty app that opens one dialog and records what it gave back."""

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[object] = []

    def compose(self) -> ComposeResult:
        yield Static("host")

    def ask(self, dialog: object) -> None:
        self.push_screen(dialog, self.answers.append)  # type: ignore[arg-type]


async def test_prompt_confirm_and_message_dialogs_answer_their_keys() -> None:
    host = Host()
    async with host.run_test() as pilot:
        host.ask(PromptModal("Name?", value="  old"))
        await pilot.pause()
        assert host.screen.query_one("#prompt-input", Input).value == "  old"
        await pilot.press("end", *"er", "space", "enter")
        host.ask(PromptModal(Content("Name?"), placeholder="type here"))
        await pilot.pause()
        await pilot.press("x", "escape")
        assert host.answers == ["older", None], "prompt: stripped text on enter, None on esc"
        host.answers.clear()
        for key in ("y", "enter", "n", "escape", "q"):
            host.ask(ConfirmModal(Content("Sure?")))
            await pilot.pause()
            assert isinstance(host.screen, ConfirmModal)
            await pilot.press(key)
        assert host.answers == [True, True, False, False, False], "confirm: y/enter yes, n/esc/q no"
        host.answers.clear()
        for key in ("escape", "q", "enter"):
            host.ask(MessageModal(Content("Title"), Content("Some text")))
            await pilot.pause()
            assert isinstance(host.screen, MessageModal)
            await pilot.press(key)
        await pilot.pause()
        assert host.answers == [None, None, None], "message: esc, q and enter close it"
        assert not isinstance(host.screen, MessageModal)
        assert host.return_code is None, "q in a dialog answers it, it does not quit"
