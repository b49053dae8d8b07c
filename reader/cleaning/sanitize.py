"""Make feed text safe to put on a terminal.

Feeds are untrusted input that ends up on a terminal: a stray ESC can move the cursor or retitle
the window, a C1 byte can do the same on some terminals, and bidi overrides can make a title read
differently from what it says. Every text field from a feed goes through ``strip_control`` (or
``one_line`` for single-line fields) at ingest, so nothing downstream has to think about it.
"""

from __future__ import annotations

import re

_ZERO_WIDTH_SPOOFERS = (0x200B, 0x200E, 0x200F, 0x2060, 0xFEFF)
"""Invisible characters with no typographic job. ZWJ (U+200D) builds emoji sequences and ZWNJ
(U+200C) is needed by Persian and Indic scripts, so both are kept."""

_BIDI_CONTROLS = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {cp: None for cp in range(0x20) if cp not in (0x09, 0x0A)}
    table[0x0D] = "\n"
    table[0x7F] = None
    table.update({cp: None for cp in range(0x80, 0xA0)})
    table.update({cp: None for cp in _BIDI_CONTROLS})
    table.update({cp: None for cp in _ZERO_WIDTH_SPOOFERS})
    table[0x2028] = "\n"
    table[0x2029] = "\n"
    return table


_TABLE = _build_table()

_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: cursor movement, colours, clearing
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window titles, hyperlinks
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[ -/]*[0-~]"  # other escapes: ESC c (reset), ESC ( B (character sets) ...
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)


_ASCII_CONTROLS_TO_NUL = bytes(
    0 if (c < 0x20 and c not in (0x09, 0x0A)) or c == 0x7F else c for c in range(256)
)
"""A byte table turning the ASCII characters ``_TABLE`` removes or changes into NUL."""


def _nothing_to_remove(text: str) -> bool:
    """The common case, answered by C-speed string methods: everything removed here is a
    Unicode "Other" or "Separator" character, which ``isprintable`` rejects, so printable text
    (once its newlines and tabs are set aside) has nothing to remove. ASCII text (most of it)
    is checked as bytes through a table instead, in a third of the time."""
    if text.isascii():
        # an int needle: a bytes one is first tried as an int, at the cost of an exception
        return 0 not in text.encode("ascii").translate(_ASCII_CONTROLS_TO_NUL)
    probe = text
    if "\n" in probe:
        probe = probe.replace("\n", " ")
    if "\t" in probe:
        probe = probe.replace("\t", " ")
    return probe.isprintable()


def collapse_spaces(text: str) -> str:
    """``" ".join(text.split())`` without splitting when there is nothing to collapse: printable
    text has no whitespace but the ASCII space, so without double spaces a strip does it."""
    if "  " not in text and text.isprintable():
        return text.strip()
    return " ".join(text.split())


def strip_control(text: str) -> str:
    """Remove characters that would act on the terminal instead of being shown.

    Whole escape sequences go (not just the ESC), so no "[2J" debris is left behind. Line breaks
    are normalised to "\\n"; tabs stay.
    """
    if _nothing_to_remove(text):
        return text
    if "\x1b" in text or "\x9b" in text:
        text = _ESCAPE_SEQUENCE.sub("", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    return text.translate(_TABLE)


def one_line(text: str) -> str:
    """``strip_control`` plus every run of whitespace (newlines included) as one space: for
    titles, authors and feed names, which a list row shows on one line."""
    return collapse_spaces(strip_control(text))
