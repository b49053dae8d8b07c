"""Textual evidence that a name is a company, for companies no directory knows ("Acme Robotics
Inc.", "(NASDAQ: ACME)", "the startup Foo", "Foo's chief executive") and for deciding names
that are also ordinary words. Proposals from here are suggestions of lower confidence."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from reader.companies.directory import Directory

_WORD = r"[\w&-]*(?:['’](?!s\b)[\w&-]+|\.[\w&-]+)*"
"""The rest of a name's word: dots and apostrophes only inside it ("Amazon.com", "L'Oréal"), so
a name stops before a possessive ("Tequila Works' Gylt") or a full stop."""
_NAME = rf"[A-Z]{_WORD}(?:[ -](?:&|of|de|du|la|von|van)?[ ]?[A-Z0-9]{_WORD}){{0,3}}"
"""Up to four capitalised words (with the odd "of"/"&" between): a proper name."""

EXCHANGES = (
    "NYSE American|NYSE Arca|NYSE|NASDAQ|Nasdaq|LSE|LON|TSX|TSXV|ASX|HKEX|HKG|HK|TSE|TYO|SIX"
    "|Euronext|EPA|ETR|XETRA|FRA|OTC|OTCQX|OTCQB|BSE|NSE|KRX|KOSDAQ|SGX|JSE|SZSE|SSE|TWSE|BIT"
)
_TICKER = re.compile(rf"\((?P<exchange>{EXCHANGES})\s*:\s*(?P<symbol>[A-Z0-9][A-Z0-9.\-]*)\)")
LEGAL_SUFFIX_AFTER = re.compile(
    r",?\s+(?:Inc\b|Incorporated|Corp\b|Corporation|Ltd\b|Limited|LLC|L\.L\.C\.|GmbH|AG\b|SE\b"
    r"|S\.A\.|SA\b|S\.p\.A\.|N\.V\.|NV\b|B\.V\.|PLC|plc|Co\.|Holdings|Motor Co|Motor Company"
    r"|Motors?\b|Group\b)"
)
_NAME_BEFORE = re.compile(rf"(?P<name>{_NAME})(?:'s|’s)?,?\s*$")
_NAME_AFTER = re.compile(rf"\s+(?P<name>{_NAME})")

# Each kind of evidence is found by a cheap anchor first; the name is then read next to it.
_LEGAL_ANCHOR = re.compile(
    r"(?P<suffix>Inc\.?|Incorporated|Corp\.?|Corporation|Ltd\.?|Limited|LLC|L\.L\.C\.|GmbH|AG"
    r"|S\.A\.|S\.p\.A\.|N\.V\.|B\.V\.|PLC|plc|Co\., Ltd\.?|Co\.|Holdings|Technologies|Robotics"
    r"|Therapeutics|Pharmaceuticals|Biosciences|Airlines|Airways|Productions|Securities|Studios?"
    r"|Records|Entertainment|Games|Media|Motors|Steel|Foods|Brands|Labs|Software|Networks"
    r"|Logistics|Insurance|Capital|Partners|Ventures|Design|Books|Publishing|Pictures|Group"
    r"|Industries|Systems|Semiconductor|Electronics|Energy|Resources|Mining|Financial)(?![\w&])"
)
_NAME_WORD_SUFFIXES = frozenset(
    {"Holdings", "Technologies", "Robotics", "Therapeutics", "Pharmaceuticals", "Biosciences",
     "Airlines", "Airways", "Productions", "Securities", "Studio", "Studios", "Records",
     "Entertainment", "Games", "Media", "Motors", "Steel", "Foods", "Brands", "Labs",
     "Software", "Networks", "Logistics", "Insurance", "Capital", "Partners", "Ventures",
     "Design", "Books", "Publishing", "Pictures", "Group", "Industries", "Systems",
     "Semiconductor", "Electronics", "Energy", "Resources", "Mining", "Financial"}
)  # fmt: skip
_ROLE_WORDS_BEFORE = frozenset(
    {"startup", "start-up", "carmaker", "automaker", "chipmaker", "retailer", "lender", "insurer",
     "airline", "manufacturer", "supplier", "conglomerate", "brokerage", "drugmaker", "biotech",
     "subsidiary", "company", "firm", "maker", "brand", "label", "chain", "operator", "provider",
     "platform", "service", "app", "developer", "publisher", "studio", "outfit"}
)  # fmt: skip
"""A word that, right before a capitalised name, says what kind of company it is ("the startup
Zorbix", "ride-hailing company Grab", "record label Big Machine")."""
_ROLES = ("chief executive", "CEO", "chairman", "chairwoman", "co-founder", "founder")
_ROLE_OF_PHRASES = tuple(
    f"{role} {link} " for role in (*_ROLES, "shares", "investors") for link in ("of", "in")
)
"""Before a name: "chief executive of Acme", "shares in Acme"."""
_APPOSITIVE_ANCHOR = re.compile(
    r", (?:a|an|the) (?:[\w-]+ ){0,3}?(?:company|firm|startup|start-up|chain|maker|manufacturer"
    r"|retailer|publisher|operator|provider|developer|brand|bank|lender|insurer|airline|carmaker"
    r"|automaker|conglomerate|subsidiary|studio|label|supplier|group that)\b"
)
"""A name explained right after it: "McClatchy, a chain of 30 newspapers", "Zorbix, a startup"."""
_TITLE_ACTOR = re.compile(
    rf"(?P<name>{_NAME}) (?:announces|launches|unveils|acquires|to acquire|buys|partners with"
    r"|raises|completes|introduces|expands|signs|opens|recalls|invests|reports (?:record|first"
    r"|second|third|fourth|quarterly|annual))\b"
)
"""A headline that opens with a company doing what companies do: "Ascom announces ...",
"Zorbix raises $20 million"."""
_BEFORE = 80  # characters read before an anchor for the name

CITATION_BEFORE = re.compile(
    r"(?:according to|told|telling|tells|speaking to|spoke to|speaks to|reported by|interview"
    r" with|cited by|citing|via|per|wrote in|writes in|wrote for|writes for|first reported by"
    r"|a report (?:by|in|from)|reports? from|confirmed to|said to|published (?:by|in)|a story"
    r" (?:by|in)|an article (?:by|in)|an op-ed in|a column in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_CITATION_LAST_WORDS = frozenset(
    {"to", "told", "telling", "tells", "by", "with", "citing", "via", "per", "in", "for",
     "from", "the"}
)  # fmt: skip
"""The words every CITATION_BEFORE phrase ends with: a cheap test that rules most names out
before the regular expression, which tries its phrases at every position, runs."""


def cited_before(before: str) -> bool:
    """``before`` (the text up to a name) ends with a citation ("according to", "told the")."""
    if not before[-1:].isspace():
        return False
    words = before[-24:].split()
    return (
        bool(words)
        and words[-1].lower() in _CITATION_LAST_WORDS
        and (CITATION_BEFORE.search(before) is not None)
    )


CITATION_AFTER = re.compile(
    r"(?:'s|’s)?\s*(?:reported|reports|said in a report|first reported|has reported|wrote"
    r"|writes|reporters?|journalists?|columnist|editor|news|newsroom)\b",
    re.IGNORECASE,
)

COMPANY_CONTEXT = (
    "shares", "stock", "investors", "ceo", "chief executive", "company", "revenue", "earnings",
    "quarter", "quarterly", "profit", "analysts", "billion", "million", "acquisition", "deal",
    "customers", "sales", "market", "launched", "announced", "automaker", "carmaker", "recall",
    "brand", "products", "employees", "headquarters", "startup", "firm", "subsidiary",
    "valuation", "ipo", "listed", "nasdaq", "nyse", "device", "devices", "app", "platform",
    "smartphone", "software", "service", "stores", "retailer", "bank", "fund", "automakers",
    "carmakers", "companies", "firms", "brands", "rivals", "competitors", "retailers",
)  # fmt: skip
COMPANY_CONTEXT_WORDS = re.compile(
    r"(?<![^\W_])(?:"
    + "|".join(re.escape(word) for word in sorted(COMPANY_CONTEXT, key=len, reverse=True))
    + r")(?![^\W_])"
)
"""Any of COMPANY_CONTEXT as a whole word, in lower-cased text: one scan of a window instead
of one search for each word."""

_LEADING_NOISE = frozenset(
    {"The", "A", "An", "And", "But", "Or", "So", "Yet", "On", "In", "At", "By", "For", "From",
     "With", "To", "Of", "As", "If", "When", "While", "After", "Before", "Since", "Last", "This",
     "That", "These", "Those", "Its", "Their", "His", "Her", "Our", "Your", "My", "Meanwhile",
     "However", "Yesterday", "Today", "Tomorrow", "Monday", "Tuesday", "Wednesday", "Thursday",
     "Friday", "Saturday", "Sunday", "Then", "Now", "Also", "Both", "Even", "Still", "Why",
     "How", "What", "Who", "Where", "Under", "Over", "Like", "Unlike", "Including", "Despite",
     "Though", "Although", "Because", "Other", "Rival", "Japanese", "American", "Chinese",
     "German", "French", "British", "Korean", "Indian", "European", "Swedish", "Italian",
     "Dutch", "Swiss", "Spanish", "Canadian", "Australian", "Israeli", "Taiwanese", "January",
     "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"}
)  # fmt: skip

_ROLE_WORDS = frozenset(
    {"Shares", "Stock", "Unit", "Units", "Subsidiary", "Owner", "Parent", "Maker", "Makers",
     "Head", "Chief", "CEO", "Division", "Investors", "Founder", "Co-founder", "Chairman",
     "President", "Boss", "Executives", "Employees", "Customers"}
)  # fmt: skip

NOT_COMPANY_WORDS = re.compile(
    r"\b(?:University|College|School|Institute|Ministry|Department|Agency|Commission|Council"
    r"|Committee|Court|Parliament|Congress|Senate|House|Government|Police|Army|Navy|Party"
    r"|Union|Federation|Association|Foundation|Society|Museum|Hospital|Church|Reserve"
    r"|Authority|Administration|Bureau|Office|Board|Republic|Kingdom|State|States|City"
    r"|County|Province|Nations|Organization|Organisation|Fund for|World Bank|Central Bank"
    r"|Federal|National Guard|Times|News|Post|Journal|Daily|Magazine|Press|Reuters"
    r"|Bloomberg|Nikkei|Associated)\b"
)
"""Words of organisations that are not companies (and of news outlets, which articles cite)."""

GENERIC_WORDS = frozenset(
    {"New", "Old", "Big", "Next", "First", "Global", "National", "International", "Local",
     "Inc", "Corp", "Company", "Group", "Holdings", "Technologies", "Airlines", "CEO", "I",
     "We", "He", "She", "It", "They", "Mr", "Ms", "Mrs", "Dr", "Chief", "Executive"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Proposal:
    name: str
    part: str
    start: int
    end: int
    reason: str


def ticker_mentions(text: str) -> Iterable[tuple[str, str, int, int]]:
    """(exchange, symbol, start, end) of "(NASDAQ: ACME)"-style mentions."""
    for match in _TICKER.finditer(text):
        exchange = match.group("exchange").upper().replace("NASDAQ", "NASDAQ")
        yield exchange, match.group("symbol"), match.start(), match.end()


def propose_unknown(parts: dict[str, str], directory: Directory) -> Iterable[Proposal]:
    """Names that the text itself shows to be companies. Each kind of evidence is found by an
    anchor that starts with a literal (so the regex engine skips through the text), and the
    name is then read right before or after it."""
    title = parts.get("title", "")
    actor = _TITLE_ACTOR.match(title)
    if actor is not None:
        proposal = _proposal(actor, "name", "title", "headline actor", directory)
        if proposal is not None:
            yield proposal
    for part, text in parts.items():
        for match in _TICKER.finditer(text):
            yield from _name_before(text, match.start(), part, "ticker", directory)
        for match in _LEGAL_ANCHOR.finditer(text):
            start = _after_name(text, match.start())
            if start is None:
                continue
            suffix = match.group("suffix").rstrip(".")
            extra = match.end() if suffix in _NAME_WORD_SUFFIXES else None
            yield from _name_before(text, start, part, "legal form", directory, extra)
        for match in _APPOSITIVE_ANCHOR.finditer(text):
            if match.start() and (
                text[match.start() - 1].isalnum() or text[match.start() - 1] in ".’'"
            ):
                yield from _name_before(
                    text, match.start(), part, "described as a company", directory
                )
        for index in _role_after_names(text):
            start = _before_role(text, index)
            if start is not None:
                yield from _name_before(text, start, part, "company role", directory)
        for role_end in _role_words_before_capitals(text):
            found = _NAME_AFTER.match(text, role_end)
            if found is not None:
                proposal = _proposal(found, "name", part, "described as a company", directory)
                if proposal is not None:
                    yield proposal
        for phrase_end in _phrase_ends(text, _ROLE_OF_PHRASES):
            found = _NAME_AFTER.match(text, phrase_end - 1)
            if found is not None:
                proposal = _proposal(found, "name", part, "company role", directory)
                if proposal is not None:
                    yield proposal


_POSSESSIVE_ROLES = (
    *_ROLES, "shares", "stock", "share price", "board", "shareholders", "revenue", "profit",
    "quarterly",
)  # fmt: skip
_TITLES_AFTER = (" CEO ", " Chief Executive ", " co-founder ")
_SHARE_MOVES = tuple(
    f" shares {verb}"
    for verb in ("rose", "fell", "jumped", "dropped", "gained", "slid", "climbed", "tumbled",
                 "surged", "sank")
)  # fmt: skip


def _role_after_names(text: str) -> Iterable[int]:
    """Where "'s chief executive", " CEO ", " shares fell" ... follow a name: the few
    possessives and titles are found first, then checked for what follows."""
    for mark in ("'s ", "’s "):
        for index in _find_all(text, (mark,)):
            if text.startswith(_POSSESSIVE_ROLES, index + 3):
                yield index
    yield from _find_all(text, _TITLES_AFTER)
    for index in _find_all(text, (" shares ",)):
        if text.startswith(_SHARE_MOVES, index):
            yield index


def _find_all(text: str, phrases: Iterable[str]) -> Iterable[int]:
    """Where each phrase occurs (plain substring search, fast in C)."""
    for phrase in phrases:
        index = text.find(phrase)
        while index >= 0:
            yield index
            index = text.find(phrase, index + 1)


def _phrase_ends(text: str, phrases: Iterable[str]) -> Iterable[int]:
    """Ends of phrases that start a word."""
    for phrase in phrases:
        for index in _find_all(text, (phrase,)):
            if not (index and text[index - 1].isalnum()):
                yield index + len(phrase)


def _role_words_before_capitals(text: str) -> Iterable[int]:
    """Ends of role words followed by a capitalised word. Plain substring search per word: a
    regex alternation of them would try every word at every position of the text."""
    for word in _ROLE_WORDS_BEFORE:
        index = text.find(word)
        while index >= 0:
            end = index + len(word)
            if (
                end + 1 < len(text)
                and text[end] == " "
                and text[end + 1].isupper()
                and not (index and (text[index - 1].isalnum() or text[index - 1] == "-"))
            ):
                yield end
            index = text.find(word, end)


def _before_role(text: str, anchor: int) -> int | None:
    """Where the name before "'s chief executive" or " CEO" ends. "Acme CEO" counts, "Jane
    Doe, CEO" does not: after a comma the name is a person's."""
    if text[anchor] in "'’":
        return (
            anchor if anchor and (text[anchor - 1].isalnum() or text[anchor - 1] == ".") else None
        )
    if anchor < 1 or not text[anchor - 1].isalnum():
        return None  # the phrase starts with its space: a comma before it means a person
    return anchor


def _after_name(text: str, anchor: int) -> int | None:
    """Where the name before an anchor ends: the anchor must follow a word and a space or a
    comma ("Acme Inc", "Acme, Inc."), never sit inside a word."""
    index = anchor
    while index > 0 and text[index - 1] in " ,":
        index -= 1
    if index == anchor or index == 0 or not (text[index - 1].isalnum() or text[index - 1] in ".’'"):
        return None
    return index


def _name_before(
    text: str,
    anchor: int,
    part: str,
    reason: str,
    directory: Directory,
    extend_to: int | None = None,
) -> Iterable[Proposal]:
    window_start = max(0, anchor - _BEFORE)
    found = _NAME_BEFORE.search(text, window_start, anchor)
    if found is None:
        return
    proposal = _proposal(found, "name", part, reason, directory)
    if proposal is None:
        return
    if extend_to is not None:  # "Acme Robotics": the suffix word is part of the name
        name = f"{proposal.name} {text[anchor:extend_to].strip(' ,')}"
        # a name word alone ("Communication Systems") is weak evidence: the name must come back
        if text.count(proposal.name) < 2:
            return
        proposal = Proposal(name, part, proposal.start, extend_to, reason)
    yield proposal


def _proposal(
    match: re.Match[str], group: str, part: str, reason: str, directory: Directory
) -> Proposal | None:
    name = match.group(group)
    start = match.start(group)
    end = match.end(group)
    words = name.split()
    if "of" in words and all(w in _ROLE_WORDS or w == "and" for w in words[: words.index("of")]):
        cut = words.index("of") + 1  # "Shares of Globex", "CEO and Founder of Acme" -> the name
        start += len(" ".join(words[:cut])) + 1
        words = words[cut:]
    while words and (words[0] in _LEADING_NOISE or words[0].endswith("-based")):
        start += len(words[0]) + 1
        words = words[1:]
    name = " ".join(words).rstrip(".,'’")
    for suffix in ("'s", "’s"):
        name = name.removesuffix(suffix)
    if (
        not name
        or name in GENERIC_WORDS
        or name in _LEADING_NOISE
        or len(name) < 2
        or NOT_COMPANY_WORDS.search(name)
    ):
        return None
    known = directory.find(name)
    if known is not None:
        name = known.name
    return Proposal(name, part, start, max(end, start + 1), reason)
