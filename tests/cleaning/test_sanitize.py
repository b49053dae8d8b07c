"""Text from feeds must not be able to act on the terminal."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.cleaning.sanitize import one_line, strip_control


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("plain text", "plain text"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("bell\x07 and null\x00", "bell and null"),
        ("del\x7f", "del"),
        ("c1\x85\x9b\x80", "c1"),
        ("a\u202eevil\u202c b", "aevil b"),
        ("iso\u2066late\u2069", "isolate"),
        ("zero\u200bwidth\u200e\u200f\ufeff", "zerowidth"),
        ("family 👨\u200d👩\u200d👧", "family 👨\u200d👩\u200d👧"),
        ("windows\r\nline\rends", "windows\nline\nends"),
    ],
)
def test_strip_control(raw: str, clean: str) -> None:
    assert strip_control(raw) == clean


@pytest.mark.parametrize(
    "sequence",
    ["\x1b]0;owned\x07", "\x1b[2J", "\x1b[31;1m", "\x1b]8;;http://evil/\x1b\\", "\x1bc", "\x9b2J"],
)
def test_escape_sequences_are_removed_whole(sequence: str) -> None:
    cleaned = strip_control(f"before{sequence}after")
    assert cleaned == "beforeafter"


def test_one_line_collapses_all_whitespace() -> None:
    assert one_line("  Breaking:\n\n  news \t here \u2028 now ") == "Breaking: news here now"
    assert one_line("\x1b[2Jtitle") == "title"


@given(st.text())
def test_no_control_characters_survive(text: str) -> None:
    cleaned = strip_control(text)
    assert "\x1b" not in cleaned
    assert all(ch in "\n\t" or (ord(ch) >= 0x20 and not 0x7F <= ord(ch) <= 0x9F) for ch in cleaned)
    assert not any(0x202A <= ord(ch) <= 0x202E or 0x2066 <= ord(ch) <= 0x2069 for ch in cleaned)
    assert strip_control(cleaned) == cleaned
    assert "\n" not in one_line(text)
