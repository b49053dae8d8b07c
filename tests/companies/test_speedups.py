"""The shortcuts detection takes for speed give what the plain code gives: the quick
constructors of its records, the narrowed windows of its expressions, the lead found without
splitting the text, role words looked for mark by mark and company words read as runs of
letters."""

from __future__ import annotations

import re
from dataclasses import fields

from reader.companies import evidence, frames
from reader.companies.detect import (
    _LEAD_WORDS,
    Detection,
    Evidence,
    _evidence,
    _lead_end,
    _new_detection,
)


def test_the_quick_constructors_make_the_same_records() -> None:
    assert [f.name for f in fields(Evidence)] == ["text", "where", "offset"]
    assert [f.name for f in fields(Detection)] == [
        "name", "salience", "known", "confidence", "reason", "evidence"
    ]  # fmt: skip
    made = _evidence("Acme", "lead", 12)
    assert made == Evidence("Acme", "lead", 12)
    assert hash(made) == hash(Evidence("Acme", "lead", 12))
    assert repr(made) == repr(Evidence("Acme", "lead", 12))
    detection = _new_detection("Acme", "subject", False, 0.6, "legal form", (made,))
    assert detection == Detection("Acme", "subject", False, 0.6, "legal form", (made,))
    assert repr(detection) == repr(Detection("Acme", "subject", False, 0.6, "legal form", (made,)))


def test_a_phrase_before_an_anchor_is_read_as_far_back_as_it_can_reach() -> None:
    """A phrase's ``reach`` is at least the longest text its pattern matches (re's own parser
    measures it), so reading no further back finds every phrase the 60 characters would."""
    parser = re._parser  # type: ignore[attr-defined]
    for name, value in vars(frames).items():
        if isinstance(value, frames._Before):
            longest = parser.parse(value.pattern.pattern).getwidth()[1]
            assert min(longest, 60) <= value.reach, name


def test_a_name_before_an_anchor_is_found_as_in_the_whole_window() -> None:
    texts = [
        "Shares rose. Acme Robotics Inc. said",
        "(Zorbix) Acme, Inc.",
        "He said: Foo Bar’s, Inc.",
        'the "Acme Co." and Globex Corp',
        "on Monday, my6sense Ltd",
        "A.B. Dick, Foo-Bar of America Holdings",
        "Amazon.com Inc",
        "x\nAcme \n Inc",
    ]
    for text in texts:
        for anchor in range(len(text) + 1):
            whole = evidence._NAME_BEFORE.search(text, max(0, anchor - evidence._BEFORE), anchor)
            narrowed = evidence._NAME_BEFORE.search(
                text, evidence._name_window_start(text, anchor), anchor
            )
            assert (whole and whole.span()) == (narrowed and narrowed.span()), (text, anchor)


def test_company_words_are_read_as_the_expression_reads_them() -> None:
    windows = [
        "the company's shares rose as investors cheered",
        "its chief executive said the firm's ceo_x and _shares",
        "the chief-executive and the chief executiveship, revenue2 and quarterly",
        "Café: the brand’s devices and apps",
        "",
    ]
    for window in windows:
        window = window.casefold()
        assert evidence.company_context_words(window) == set(
            evidence.COMPANY_CONTEXT_WORDS.findall(window)
        ), window


def test_the_lead_ends_after_the_paragraph_of_its_last_word() -> None:
    def by_paragraphs(body: str) -> int:  # the plain reading: paragraph by paragraph
        end = words = 0
        for paragraph in body.split("\n\n"):
            end += len(paragraph) + 2
            words += len(paragraph.split())
            if words >= _LEAD_WORDS:
                break
        return end

    sixty = " ".join(["word"] * 60)
    bodies = [
        "",
        "One short paragraph.",
        f"{sixty}\n\nSecond.",
        f"Ten words here and there, and more words to come.\n\n{sixty}\n\nThird.",
        f"  {sixty}",
        f"{' '.join(['w'] * 59)}\n\n\nlast\tword\n\nafter",
        f"{' '.join(['w'] * 30)}\n\n{' '.join(['w'] * 29)}\u00a0x\n\ny",
    ]
    for body in bodies:
        assert _lead_end(body) == by_paragraphs(body), body


def test_role_words_after_a_break_are_found_as_one_expression_finds_them() -> None:
    one = re.compile(r"[\n(“\"‘'/]" + frames._ROLE_WORD_HERE.pattern)
    texts = [
        "Silicon Valley\nfirm Benchmark and (startup Zorbix) and “maker Quibblo”",
        "'label Big Machine' / brand Acme / app Zorbix",
        "no role word here\n\nat all (none)",
    ]
    for text in texts:
        found = [m.span() for m in frames._role_words_after_break(text)]
        assert found == [m.span() for m in one.finditer(text)], text
