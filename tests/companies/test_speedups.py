"""The shortcuts detection takes for speed give what the plain code gives: the quick
constructors of its records, the narrowed windows of its expressions and the quick reading of
company words."""

from __future__ import annotations

import re
from dataclasses import fields

from reader.companies import evidence, frames
from reader.companies.detect import Detection, Evidence, _evidence, _new_detection


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
