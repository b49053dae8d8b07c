"""Finding companies in an article: known names from the directory, decided by context when a
name is also an ordinary word, and unknown companies proposed from strong evidence.

Every detection says why (the text it matched and where) and how central the company is to the
article: a *subject* (in the headline, the lead, or named again and again) or a *mention*."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import NamedTuple

from reader.companies.directory import CompanyEntry, Directory
from reader.companies.evidence import (
    CITATION_AFTER,
    COPYRIGHT_BEFORE,
    GENERIC_WORDS,
    LEGAL_SUFFIX_AFTER,
    NAME_WORDS,
    NOT_COMPANY_WORDS,
    ORGANISATION_WORDS,
    SECTOR_CUES,
    Proposal,
    bought_by_known,
    buys_something,
    cited_before,
    company_context_words,
    has_phrase,
    owners_of_known,
    propose_unknown,
    ticker_mentions,
)
from reader.companies.frames import BUSINESS_PLURALS, product_after
from reader.companies.people import GIVEN_NAMES, a_persons_name
from reader.companies.places import DEMONYMS, PLACES, STATE_AFTER, after_place_possessive

SUBJECT = "subject"
MENTION = "mention"

_LEAD_WORDS = 60
"""The lead: the first paragraph, or the first paragraphs up to this many words."""
_REPEATS_FOR_SUBJECT = 3
_FEW_NAMES = 64
_WINDOW = 160  # characters of context either side of an ambiguous name
_LIST_SEPARATOR = r"(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+|\s*[&/]\s*|:\s*)"
_LIST_ITEM = r"[A-Z][\w.&'’+-]*(?: [A-Z][\w.&'’+-]*){0,2}"
_LISTED_WITH = re.compile(rf"(?:\s+[\w.+-]+){{0,2}}?{_LIST_SEPARATOR}")
"""What separates companies named in a list, each perhaps with a product: "Google, Microsoft
and Apple", "Google Stadia, Microsoft xCloud, Apple Arcade"."""
_LISTED_AMONG = re.compile(rf"{_LIST_SEPARATOR}(?:{_LIST_ITEM}{_LIST_SEPARATOR}){{1,3}}")
"""Other names between two of a list's items: "Tory Burch, Juicy Couture, Lululemon"."""
_LIST_ITEM_BEFORE = re.compile(r"(?:^|, |,? and |: |\n)$")
_MODEL_NUMBER = re.compile(r"\s\d")  # "RTX 2060": a product
_CJK = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef"
"""Chinese, Japanese and Korean script, which runs into a Latin name with no space between
("Amazonが", "楽天Kobo"): a word boundary, though Python counts its characters as word
characters."""
_CANDIDATE = re.compile(rf"[A-Z0-9][^\W{_CJK}]*+(?:[&'’.-][^\W{_CJK}]*+)*+")
"""A capitalised word: a capital or a digit, then word characters and the marks inside names
("AT&T", "Amazon.com's"). Written as runs of word characters between marks, each taken whole
(``*+``), which the regex engine reads faster than one alternation per character."""
_ASCII_CANDIDATE = re.compile(r"[A-Z0-9][\w&'.-]*+", re.ASCII)
"""_CANDIDATE in a text of ASCII, where it reads the same words with one class of characters,
a table the engine reads faster still."""
_POSSESSIVE = ("'s", "’s", "'", "’")
_WRITTEN_ENDINGS = ("", *_POSSESSIVE, ".", ",")
"""What a capitalised word of a text may end in, as the candidate scan reads it."""
_COMPOUND = re.compile(
    r"-(?:owned|backed|affiliated|led|funded|made|built|branded|run|operated|controlled"
    r"|designed|supplied|sponsored|financed"
    r"|(?<=[A-Za-z]-)(?=(?P<paired>[A-Z][\w&.]*(?:-[A-Z][\w&.]*)?)))"
)
"""After a hyphen, what makes a company's name part of a word ("the NBC-affiliated station",
"a Toyota-backed startup"), or another name paired with the one before ("Renault-Nissan",
"NFL-Verizon: a four-year deal")."""
_COMPOUND_HEAD = re.compile(r"(?<![\w&.-])[A-Z][\w&.]*$")
_PAIRED_BEFORE = re.compile(r"(?<![\w&.-])[A-Z][\w&.]*-$")
"""A capitalised word and a hyphen right before a name: the name is paired with it."""
_WORD_CHAR = re.compile(rf"[^\W{_CJK}]|&")
_BREAKS = frozenset(' \n\t("“‘/,;:')
"""The commonest characters before a name, none of which glues it to the word before (see
_joined): a set to test first, quicker than the expression."""
_NAME_ENDS = frozenset(("", " ", ",", ".", "'", "’", "\n", ")", ":", ";", "-", '"', "”", "!", "?"))
"""The commonest characters after a name (or none: the end of the text), none of which
_WORD_CHAR matches: a set to test first, quicker than the expression."""
_PERSON_BEFORE = re.compile(r"(?:^|[^\w.!?:;\"“])([A-Z][a-z]+|[A-Z]\.)[ \t]+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“(]\s*|\n[ \t]*(?:[-•*][ \t]+)?)\s*$")
"""Before a sentence's first word: a full stop, a line break, or a list's bullet ("- Did
Google really ...")."""


@dataclass(frozen=True, slots=True)
class Evidence:
    text: str  # as written in the article
    where: str  # "title", "lead" or "body"
    offset: int  # character offset in the title or the body


@dataclass(frozen=True, slots=True)
class Detection:
    name: str
    salience: str  # SUBJECT or MENTION
    known: bool  # in the directory; False: proposed from evidence in the text
    confidence: float
    reason: str
    evidence: tuple[Evidence, ...]


# Detection makes a dozen Evidence and a few Detection an article. A frozen dataclass's __init__
# sets each field through object.__setattr__ (it must get past the __setattr__ that freezes
# it); setting the slots themselves, as below, makes the same objects in half the time.
_new = object.__new__
_set_text, _set_where, _set_offset = (
    Evidence.__dict__[f].__set__ for f in ("text", "where", "offset")
)
_set_name, _set_salience, _set_known, _set_confidence, _set_reason, _set_evidence = (
    Detection.__dict__[f].__set__
    for f in ("name", "salience", "known", "confidence", "reason", "evidence")
)


def _evidence(text: str, where: str, offset: int) -> Evidence:
    """Evidence(text, where, offset), made quicker (see above)."""
    evidence = _new(Evidence)
    _set_text(evidence, text)
    _set_where(evidence, where)
    _set_offset(evidence, offset)
    return evidence


def _new_detection(
    name: str,
    salience: str,
    known: bool,
    confidence: float,
    reason: str,
    evidence: tuple[Evidence, ...],
) -> Detection:
    """Detection(name, salience, known, confidence, reason, evidence), made quicker (see
    above)."""
    detection = _new(Detection)
    _set_name(detection, name)
    _set_salience(detection, salience)
    _set_known(detection, known)
    _set_confidence(detection, confidence)
    _set_reason(detection, reason)
    _set_evidence(detection, evidence)
    return detection


_NO_EVIDENCE: Mapping[tuple[str, int], int] = MappingProxyType({})
_ANOTHER_NAME_WORD = re.compile(r"\s[A-Z0-9]")


_Name = tuple[str, str, CompanyEntry]
"""A name of the directory as it is looked for: as written, lower-cased, and its company."""


class _Start(NamedTuple):
    """What a capitalised word of a text may start: the names of the directory to try there."""

    first: str  # the names' first word ("Ford" for "Ford's")
    shouting: bool  # in capitals: the capitalised form's names too, compared in any case
    names: list[_Name]  # longest first (then the capitalised form's, when shouting)
    longest: int  # the length of the longest name
    by_second: dict[str, list[_Name]] | None  # names by their second word: see _narrowed


@dataclass(slots=True)
class _Found:
    entry: CompanyEntry | None
    name: str
    occurrences: list[tuple[str, int, int, str]] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


def _inner_capital(name: str) -> bool:
    """A name written with a capital inside ("KeyCorp", "SoftBank", "PayPal"), which news also
    writes with one capital ("Keycorp", "Softbank", "Paypal")."""
    return len(name) >= 6 and name[1].islower() and not name[1:].islower()


_NOT_WRITTEN_SO = GIVEN_NAMES | {
    "Blackberry", "Indigo", "Leapfrog", "Overdrive", "Kobold", "Lacroix", "Dupont", "Mcintosh",
    "Minimax", "Redbird", "Silverstone", "Costar", "Defacto", "Pocketbook", "Masterclass",
    "Newsbreak", "Lifeproof", "Mastercraft", "Sandridge",
}  # fmt: skip
"""Names with one capital that are words, places or people before they are these companies
(a fruit, a colour, Silverstone's circuit, Christian Lacroix)."""


def _written_forms(names: Sequence[str]) -> Iterable[str]:
    """A company's names as news writes them: "&" for "and" and the other way round, "& Co."
    for "& Company" ("Bain & Co."), with typographic apostrophes and quotes as well as
    straight ones ("McDonald’s", 'Toys “R” Us'), and one word in capitals of five letters or
    more, or with a capital inside, also with one capital ("POSCO" as "Posco", "KeyCorp" as
    "Keycorp"; shorter ones are initials, "BASF", and a name that is also a word or a given
    name is not: "JOANN", "BlackBerry"); a name in lower case also capitalised, as a sentence
    opens with it ("Voestalpine"), a legal form without its full stop ("EQT Corp") and
    "Companies" shortened ("Related Cos.")."""
    for name in names:
        yield name
        for sign, word in ((" & ", " and "), (" and ", " & ")):
            if sign in name and not name.endswith((" & Company", " and Company")):
                other = name.replace(sign, word)  # "Oklahoma Gas & Electric", "Procter and Gamble"
                if other not in names:
                    yield other
        for company in (" & Company", " and Company"):
            if name.endswith(company):
                short = f"{name.removesuffix(company)}{company.removesuffix('Company')}Co."
                if short not in names:
                    yield short
        if "'" in name or "’" in name:
            other = name.replace("'", "’") if "'" in name else name.replace("’", "'")
            if other not in names:
                yield other
        if name.islower() and name[:1].isalpha():  # "voestalpine" opening a sentence
            opening = name[0].upper() + name[1:]
            if opening not in names and opening not in _NOT_WRITTEN_SO:
                yield opening
        if name.endswith((" Corp.", " Inc.", " Co.", " Ltd.")) and name[:-1] not in names:
            yield name[:-1]  # "EQT Corp." as "EQT Corp"
        if name.endswith(" Companies"):  # "Related Companies" as "Related Cos."
            stem = name.removesuffix("Companies")
            for short in (f"{stem}Cos.", f"{stem}Cos"):
                if short not in names:
                    yield short
        if name.count('"') == 2:  # 'Toys "R" Us' as 'Toys “R” Us'
            curly = name.replace('"', "“", 1).replace('"', "”", 1)
            if curly not in names:
                yield curly
        if len(name) >= 5 and name.isalpha() and (name.isupper() or _inner_capital(name)):
            capitalised = name.capitalize()
            if capitalised not in _NOT_WRITTEN_SO and capitalised not in names:
                yield capitalised


_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})


def _plain_hyphens(text: str) -> str:
    """The text with typographic hyphens as "-" ("Coca\u2011Cola" with a non-breaking hyphen
    is Coca-Cola); one character for one, so that every offset stays where it was."""
    if "\u2010" in text or "\u2011" in text:
        return text.translate(_HYPHENS)
    return text


class Detector:
    """Detects the companies of a directory (and unknown ones) in titles and texts. Build once:
    the index costs a few milliseconds; detection then takes well under a millisecond."""

    def __init__(self, directory: Directory, *, propose: bool = True):
        """``propose=False`` finds only the directory's companies: with a small directory (a
        watch list) that is fast enough to run on every fetched article."""
        self.directory = directory
        self._propose = propose
        self._by_first: dict[str, list[_Name]] = defaultdict(list)
        # names of several words, by first word and then by second word (lower-cased): a common
        # first word ("The", "China", "General") leads to few candidates once the next is read
        self._by_second: dict[str, dict[str, list[_Name]]] = {}
        # "TSE:7203" and, when only one company has it, the bare "7203" (Toyota in Tokyo and
        # Elm in Riyadh share it: a ticker on an exchange the directory does not name decides
        # nothing then), for exchanges the directory names no ticker on ("Euronext: ADYEN");
        # on one it does, only its own tickers count ("NYSE:SGP" is not Stockland's ASX:SGP)
        self._symbols: dict[str, CompanyEntry] = {}
        self._exchanges: set[str] = set()
        # companies with a name of initials ("TSB"), which an article may spell out otherwise
        self._with_initials = {
            entry.name
            for entry in directory.entries
            if any(
                2 <= len(name) <= 5 and name.isupper() and name.isalpha() for name in entry.names
            )
        }
        # companies that run stock exchanges, named also as the place shares trade
        self._exchange_operators = {
            entry.name for entry in directory.entries if _EXCHANGE_NAME.search(entry.name)
        }
        bare: dict[str, CompanyEntry | None] = {}
        for entry in directory.entries:
            for name in _written_forms(entry.names):
                first = name.split()[0].rstrip(",") if name.split() else ""  # "Keefe, Bruyette"
                first = first.partition("/")[0]  # "RE/MAX", "M/I Homes": a text's words end at "/"
                if first:
                    self._by_first[first].append((name, name.lower(), entry))
            for ticker in entry.tickers:
                self._symbols.setdefault(ticker.upper(), entry)
                self._exchanges.add(ticker.partition(":")[0].upper())
                symbol = ticker.split(":", 1)[-1].upper()
                bare[symbol] = entry if bare.get(symbol, entry) is entry else None
        for symbol, owner in bare.items():
            if owner is not None:
                self._symbols.setdefault(symbol, owner)
        for first, names in self._by_first.items():
            names.sort(key=lambda item: len(item[0]), reverse=True)
            if len(names) > 3:
                by_second: dict[str, list[_Name]] = defaultdict(list)
                for item in names:
                    words = item[0].split(maxsplit=2)
                    # a name whose first word has a "/" goes on from inside a word of the text:
                    # it is tried where no second word is read, with the one-word names
                    two = len(words) > 1 and "/" not in words[0]
                    second = _second_word_key(words[1]) if two else ""
                    by_second[second].append(item)
                one_word = by_second.get("", [])
                # each list already ends with the one-word names: no list is made per lookup
                self._by_second[first] = {
                    second: items if not second else items + one_word
                    for second, items in by_second.items()
                }
        # every written form of a name's first word: possessive, full stop, comma, capitals;
        # the endings only where a name is that one word ("Toyota's"; "China." starts none)
        forms: set[str] = set()
        for first, names in self._by_first.items():
            variants = [first]
            if len(first) > 2 and not first.isupper():
                variants.append(first.upper())
            one_word = any(" " not in name for name, _, _ in names)
            endings = _WRITTEN_ENDINGS if one_word else ("",)
            for variant in variants:
                forms.update(variant + suffix for suffix in endings)
        self._form_set = frozenset(forms)
        self._lower_case_firsts = _by_capital_part(self._by_first)
        self._starts: dict[str, _Start] = {}

    def detect(self, title: str, body: str) -> list[Detection]:
        parts = {"title": _plain_hyphens(title or ""), "body": _plain_hyphens(body or "")}
        lead_end = _lead_end(parts["body"])
        found: dict[str, _Found] = {}
        certain_spans: dict[str, list[tuple[int, int]]] = {"title": [], "body": []}
        for part, text in parts.items():
            for entry, start, end in self._known(text):
                if not entry.ambiguous:
                    certain_spans[part].append((start, end))
                where = _where(part, start, lead_end)
                key = entry.name.casefold()
                item = found.get(key)
                if item is None:
                    item = found[key] = _Found(entry, entry.name)
                item.occurrences.append((part, start, end, where))
        buying = {part for part, text in parts.items() if buys_something(text)}
        proposals = (
            [
                _past_a_person_of(p)
                for p in propose_unknown(
                    parts, self.directory, certain_spans, buying, a_persons_name
                )
            ]
            if self._propose
            else []
        )
        evidence_at: dict[tuple[str, int], int] = {}
        for proposal in proposals:
            at = (proposal.part, proposal.start)
            evidence_at[at] = min(proposal.end, evidence_at.get(at, proposal.end))
        accepted = self._decide(found, parts, evidence_at)
        for symbol_entry, part, start, end in self._tickers(parts):
            key = symbol_entry.name.casefold()
            item = accepted.setdefault(key, _Found(symbol_entry, symbol_entry.name))
            item.occurrences.append((part, start, end, _where(part, start, lead_end)))
            item.reasons.append("ticker")
        known_at = {
            (part, start): (item, end)
            for item in accepted.values()
            for part, start, end, _ in item.occurrences
        }
        known_ends = {(part, end) for (part, _), (_, end) in known_at.items()}
        known_spans: dict[str, list[tuple[int, int]]] | None = None  # made when first needed
        if self._propose:
            for part, text in parts.items():
                owned = " owner " in text or " parent " in text
                if part in buying or owned:
                    ends = [end for (at, end) in known_ends if at == part]
                    if part in buying:
                        proposals.extend(bought_by_known(text, part, ends, self.directory))
                    if owned:
                        proposals.extend(owners_of_known(text, part, ends, self.directory))
        units = {p.name for p in proposals if _a_group_of_a_company(p, parts)}
        for proposal in proposals:
            if proposal.decides_only:
                continue
            known = known_at.get((proposal.part, proposal.start))
            if known is not None:
                if not _names_a_sibling(proposal, *known):
                    continue
                _drop_occurrence(known[0], proposal.part, proposal.start)
            elif (proposal.part, proposal.end) in known_ends:
                ending = _known_name_ending(proposal, known_at, parts)
                if ending is None:
                    continue  # a known name read with a word before it ("Ousted WeWork CEO ...")
                _drop_occurrences_after(ending[0], proposal, ending[1], parts)  # "Phelps Dodge"
            elif _inside_a_known_name(
                proposal, (known_spans := known_spans or _spans_by_part(known_at))[proposal.part]
            ):
                continue  # 'Us Inc' of 'Toys "R" Us Inc.'
            elif proposal.name in units:
                continue
            key = proposal.name.casefold()
            if key in accepted:
                continue
            known_entry = self.directory.find(proposal.name)
            if known_entry is not None:
                key = known_entry.name.casefold()
                if proposal.reason in _NAMING_EVIDENCE and (
                    key not in found or (known_entry.ambiguous and key not in accepted)
                ):  # written otherwise than the directory does: "MasterCard Inc."; or a
                    # name that is also a word, which its legal form decides: "Salomon Inc"
                    item = accepted.setdefault(key, _Found(known_entry, known_entry.name))
                    where = _where(proposal.part, proposal.start, lead_end)
                    item.occurrences.append((proposal.part, proposal.start, proposal.end, where))
                    item.reasons.append(proposal.reason)
                continue
            owner = _named_by_initials(proposal.name, accepted, parts)
            if owner is not None:  # "Sierra Nevada Corporation (SNC)" ... "at SNC"
                where = _where(proposal.part, proposal.start, lead_end)
                owner.occurrences.append((proposal.part, proposal.start, proposal.end, where))
                continue
            if proposal.reason not in _NAMING_EVIDENCE and (
                a_persons_name(proposal.name) or _a_persons_surname(proposal.name, parts)
            ):
                continue  # "acquired by Jeff Bezos", "Netflix, Hulu and Eric Pope", "Trump"
            if proposal.reason == "sponsor" and proposal.name in GIVEN_NAMES:
                continue  # "- Casey: I still like the old one." after the sponsors' lines
            item = accepted.setdefault(key, _Found(None, proposal.name))
            where = (  # a sponsor's line is an advertisement, whatever its place
                "body"
                if proposal.reason == "sponsor"
                else _where(proposal.part, proposal.start, lead_end)
            )
            item.occurrences.append((proposal.part, proposal.start, proposal.end, where))
            item.reasons.append(proposal.reason)
        if self._propose:
            _add_listed_neighbours(accepted, parts, lead_end, self.directory)
        _merge_shortened(accepted, parts)
        _take_initials_defined_here(accepted, parts)
        _add_repeats(accepted, parts, lead_end)
        for key in [key for key, item in accepted.items() if _a_data_firm_cited(item, parts)]:
            del accepted[key]
        return sorted(
            (_detection(item, parts) for item in accepted.values() if item.occurrences),
            key=lambda d: (d.salience != SUBJECT, -len(d.evidence), d.name.casefold()),
        )

    # -- known names --------------------------------------------------------------------------

    def _known(self, text: str) -> Iterable[tuple[CompanyEntry, int, int]]:
        """Directory names in ``text``: case-sensitive (an all-capitals word also matches its
        capitalised form), whole words, possessives allowed, the longest name first.

        Capitalised words are collected in one pass; only the few that can start a name are
        then looked for, so the cost grows with the names present, not with the text."""
        starts: list[tuple[int, int, str]] = []
        for word in self._words_to_look_for(text):
            index = text.find(word)
            while index >= 0:
                if (
                    not index
                    or text[index - 1] in _BREAKS
                    or not _joined(text[index - 1])
                    or (text[index - 1] == "-" and _PAIRED_BEFORE.search(text, 0, index))
                ):
                    starts.append((index, -len(word), word))  # the longer word first
                index = text.find(word, index + 1)
        position = 0
        partners = " & " in text
        for start, _, word in sorted(starts):
            if start < position:
                continue  # inside a longer name already found
            hit = self._match_at(text, start, word)
            if hit is not None:
                entry, end = hit
                position = end
                if (
                    partners
                    and text.startswith(" & ", end)
                    and self._another_partner(text, end + 3)
                ):
                    continue  # "Babcock & Brown" is not Babcock
                yield entry, start, end

    def _another_partner(self, text: str, index: int) -> bool:
        """A capitalised word after "&" that starts no name of the directory there: the name
        is one partner of a firm named after two ("Babcock & Brown"), not a company joined to
        another ("Apple & Google")."""
        following = _NEXT_WORD.match(text, index - 1, index + 40)
        if following is None or not following.group(1)[:1].isupper():
            return False
        word = _first_word(following.group(1).rstrip(".,;:!?)"))
        if word in _FIRM_ENDINGS:
            return False  # "KKR & Co LP", "Johnson & Son": the firm's own name goes on
        return word not in self._by_first or self._match_at(text, index, word) is None

    def _words_to_look_for(self, text: str) -> Iterable[str]:
        """The capitalised words of the text that can start a name. A short list of names (a
        watch list) is looked for directly instead of collecting every capitalised word."""
        if len(self._by_first) <= _FEW_NAMES:
            return [word for word in self._by_first if word in text]
        candidate = _ASCII_CANDIDATE if text.isascii() else _CANDIDATE
        words = set(candidate.findall(text))
        found = words & self._form_set  # iterates the smaller set
        for compound in _COMPOUND.finditer(text):
            head = _COMPOUND_HEAD.search(text, max(0, compound.start() - 40), compound.start())
            if head is not None and head.group() in self._form_set:
                found.add(head.group())  # "NBC-affiliated", "Toyota-backed", "NBA-Bacardi"
            paired = compound.group("paired")
            if paired is not None:  # "NFL-Verizon", "Renault-Nissan", "NFL-Anheuser-Busch"
                for name in (paired, paired.partition("-")[0]):
                    if name in self._form_set:
                        found.add(name)
                        break
        for capital_part in words & self._lower_case_firsts.keys():
            found.add(self._lower_case_firsts[capital_part])
        return found

    def _starting(self, word: str) -> _Start:
        """What a written word may start (see _Start). Kept per word: the same words come back
        in article after article."""
        start = self._starts.get(word)
        if start is None:
            first = word if word in self._by_first else _first_word(word)
            candidates = self._by_first.get(first, [])
            shouting = len(first) > 2 and first.isupper()
            if shouting:
                candidates = candidates + self._by_first.get(first.capitalize(), [])
            by_second = None if shouting else self._by_second.get(first)
            if word != first:  # "China.", "Toyota's": no name goes on past these endings
                candidates = [c for c in candidates if " " not in c[0] or c[0].startswith(word)]
                by_second = None
            longest = max((len(name) for name, _, _ in candidates), default=0)
            start = self._starts[word] = _Start(first, shouting, candidates, longest, by_second)
        return start

    def _match_at(self, text: str, start: int, word: str) -> tuple[CompanyEntry, int] | None:
        starting = self._starts.get(word) or self._starting(word)
        first, shouting, candidates, longest, by_second = starting
        if by_second is not None:
            candidates = _narrowed(by_second, text, start + len(first))
            longest = len(candidates[0][0]) if candidates else 0  # the longest comes first
        if not candidates:
            return None
        # case matters, except in capitals or past a name's first word: compare lower-cased
        # text once per position (and only when a name is not written exactly)
        lowered = ""
        same_length = True
        for name, lowered_name, entry in candidates:
            end = start + len(name)
            if not text.startswith(name, start):
                if not (shouting or " " in name):
                    continue
                if not lowered:
                    written = text[start : start + longest]
                    lowered = written.lower()
                    same_length = len(lowered) == len(written)
                if same_length:
                    if not lowered.startswith(lowered_name):
                        continue
                elif text[start:end].casefold() != name.casefold():
                    continue
                if _lower_case_end(text[start:end], name):
                    continue  # "U.S. bank" is any American bank, "U.S. Bank" the company
            if text[end : end + 1] not in _NAME_ENDS and _WORD_CHAR.match(text, end):
                continue  # the word goes on (a possessive does not: "'" is no word character)
            return entry, end
        return None

    def _tickers(self, parts: dict[str, str]) -> Iterable[tuple[CompanyEntry, str, int, int]]:
        for part, text in parts.items():
            for exchange, symbol, start, end in ticker_mentions(text):
                entry = self._symbols.get(f"{exchange}:{symbol}")
                if entry is None and exchange not in self._exchanges:
                    entry = self._symbols.get(symbol)
                if entry is not None and not entry.ambiguous:
                    yield entry, part, start, end

    # -- ambiguous names ----------------------------------------------------------------------

    def _decide(
        self,
        found: dict[str, _Found],
        parts: dict[str, str],
        evidence_at: Mapping[tuple[str, int], int] = _NO_EVIDENCE,
    ) -> dict[str, _Found]:
        """Keep unambiguous companies; keep an ambiguous one when some occurrence has context
        that means the company and none of them means the ordinary word (one sense per
        article); a name that is also someone's who speaks in the article needs such context
        too (see _apart_from_people). Drop a news outlet that is only ever cited as a source.
        ``evidence_at``: where phrases around a name show a company ("Get it at Dell for
        $549")."""
        accepted: dict[str, _Found] = {}
        certain: list[tuple[str, int, int]] | None = None  # made when a name needs context
        for key, item in found.items():
            entry = item.entry
            assert entry is not None
            outlet = entry.sector == "news"
            occurrences, speaks = _apart_from_people(
                item.occurrences,
                parts,
                entry.name,
                entry.name in GIVEN_NAMES,
                things=not outlet,
                ambiguous=entry.ambiguous,
            )
            if occurrences and entry.name in self._exchange_operators:
                occurrences = [o for o in occurrences if not _a_venue(parts[o[0]], o[1])]
            if (
                occurrences
                and entry.name in self._with_initials
                and _defined_otherwise(occurrences[0], parts, entry, self.directory)
            ):
                continue
            if not occurrences:
                continue
            if outlet and _acts_in_the_headline(occurrences, parts):
                item.reasons.append("outlet acting in the headline")
            elif entry.ambiguous or speaks or _needs_context(entry, occurrences, parts):
                # a person, a place or a device of the name in the article: then repeating
                # the name shows nothing
                repetition_counts = not speaks and len(occurrences) == len(item.occurrences)
                if certain is None:
                    certain = _certain_occurrences(found)
                occurrences, reason = _ambiguous_sense(
                    entry, occurrences, parts, certain, evidence_at, repetition_counts
                )
                if not occurrences:
                    continue
                item.reasons.append(reason)
            if not occurrences or (outlet and _only_cited(occurrences, parts, evidence_at)):
                continue
            if entry.sector == "research" and _only_cited_for_figures(occurrences, parts):
                continue
            item.occurrences = occurrences
            if not item.reasons:
                item.reasons.append("name")
            accepted[key] = item
        return accepted


def _evidence_here(
    evidence_at: Mapping[tuple[str, int], int], text: str, part: str, start: int, end: int
) -> bool:
    """A phrase shows a company named at ``start`` (``evidence_at``: where each such name
    starts and ends), and that name is this one, not a longer one that goes on with more
    words ("Denmark-based consultancy Sea Intelligence" shows no Sea Limited)."""
    evidence_end = evidence_at.get((part, start))
    return evidence_end is not None and not _ANOTHER_NAME_WORD.search(text, end, evidence_end)


def _certain_occurrences(found: dict[str, _Found]) -> list[tuple[str, int, int]]:
    """Where the article names unambiguous companies: a name listed with them is a company
    too ("Google, Microsoft and Apple")."""
    return [
        (part, start, end)
        for item in found.values()
        if item.entry is not None and not item.entry.ambiguous and len(item.entry.name) > 3
        for part, start, end, _ in item.occurrences
    ]


_SISTER_COMPANY_WORDS = frozenset(
    {"Steel", "Securities", "Equities", "Insurance", "Financial", "Energy", "Mining",
     "Resources", "Logistics", "Airlines", "Airways", "Capital", "Ventures", "Partners",
     "Pharmaceuticals", "Therapeutics", "Biosciences"}
)  # fmt: skip
"""Words that end the name of a group's separate business ("Tata Steel", "Kotak Securities").
Not "Group", "Motors" or "Holdings" (the company itself) nor "Studios", "Pictures" or "Media"
(a division that news names along with its parent: "Amazon Studios")."""
_TRADE_WORDS_OF_SECTORS = {
    "mining": {"Mining", "Resources"},
    "materials": {"Steel", "Mining", "Resources"},
    "oil-gas": {"Energy", "Resources"},
    "energy": {"Energy", "Resources"},
    "insurance": {"Insurance", "Financial"},
    "transport": {"Airlines", "Airways"},
    "pharma": {"Pharmaceuticals", "Therapeutics"},
    "health": {"Pharmaceuticals", "Therapeutics", "Biosciences"},
}
"""The words of a known company's own trade, which its name may go on with ("Newmont Mining
Corp" is Newmont, a miner): no sister company then."""


_NAMING_EVIDENCE = frozenset({"legal form", "ticker"})
"""Evidence that a name is a company's own ("Peter Jones Ltd", "(NASDAQ: ACME)"), which a
name that looks like a person's still gets proposed on."""


def _named_by_initials(
    name: str, accepted: dict[str, _Found], parts: dict[str, str]
) -> _Found | None:
    """The company whose initials ``name`` are: given in brackets right after its name or
    its legal form ("Sierra Nevada Corporation (SNC)", "Arab Banking Corp (ABC)"), or the
    first letters of its name's words, of three words or more ("Foundation Building Materials
    Inc." ... "FBM has grown")."""
    if not (2 <= len(name) <= 5 and name.isupper() and name.isalpha()):
        return None
    brackets = f" ({name})"
    for item in accepted.values():
        for part, _, end, _ in item.occurrences:
            text = parts[part]
            legal_form = LEGAL_SUFFIX_AFTER.match(text, end)  # "Arab Banking Corp (ABC)"
            if text.startswith(brackets, end if legal_form is None else legal_form.end()):
                return item
    if len(name) >= 3:
        for item in accepted.values():
            words = [w for w in item.name.split() if w not in _NOT_IN_INITIALS]
            if len(words) == len(name) and all(w[0] == c for w, c in zip(words, name, strict=True)):
                return item
    return None


def _take_initials_defined_here(accepted: dict[str, _Found], parts: dict[str, str]) -> None:
    """A known company named only by initials that are also a word or another's name, which
    the article gives to a company it names in full ("Arab Banking Corp (ABC) ... ABC said"
    is no ABC, the broadcaster): its mentions are the other company's. (Initials of a company
    that is not ambiguous are most often its own: "Broken Hill Pty Co Ltd (BHP)".)"""
    for item in accepted.values():
        if item.entry is None or not item.entry.ambiguous or not item.occurrences:
            continue
        written = {parts[part][start:end] for part, start, end, _ in item.occurrences}
        if len(written) != 1:
            continue
        initials = written.pop()
        owner = _named_by_initials(initials, accepted, parts)
        if owner is not None and owner is not item and owner.entry is None:
            at = {(part, start) for part, start, _, _ in owner.occurrences}
            owner.occurrences.extend(o for o in item.occurrences if (o[0], o[1]) not in at)
            item.occurrences = []


_NOT_IN_INITIALS = frozenset({"of", "and", "&", "the", "Inc", "Inc.", "LLC", "Ltd", "Ltd."})


def _past_a_person_of(proposal: Proposal) -> Proposal:
    """A name read over "of" from a person to a company ("Debora Babin Katz of TrucBrush
    Corp."): the company is the part after "of", as it is not in "Bank of America"."""
    if " of " not in proposal.name:
        return proposal
    person, _, company = proposal.name.partition(" of ")
    if not company or not a_persons_name(person):
        return proposal
    return proposal._replace(name=company, start=proposal.start + len(person) + 4)


def _spans_by_part(
    known_at: dict[tuple[str, int], tuple[_Found, int]],
) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {"title": [], "body": []}
    for (part, start), (_, end) in known_at.items():
        spans[part].append((start, end))
    for part_spans in spans.values():
        part_spans.sort()
    return spans


def _inside_a_known_name(proposal: Proposal, spans: list[tuple[int, int]]) -> bool:
    """The proposal starts inside a known company's name as written (read from a word in
    the middle of it); ``spans``: where the part names known companies, in order."""
    index = bisect_right(spans, (proposal.start, proposal.start)) - 1
    return index >= 0 and spans[index][0] < proposal.start < spans[index][1]


def _known_name_ending(
    proposal: Proposal,
    known_at: dict[tuple[str, int], tuple[_Found, int]],
    parts: dict[str, str],
) -> tuple[_Found, int] | None:
    """The known name that ends a longer name with a legal form ("Phelps Dodge Corp", "Metal
    Box Plc", "RJR Nabisco Inc"): the longer name is the company, and the known one (Dodge,
    Box, Nabisco) is not named there. Its item and where it starts. A name that
    is not also a word is kept when a nationality or a place opens the longer one ("American
    Honda Motor Co")."""
    if proposal.reason != "legal form" or " of " in proposal.name:  # "Auditors of Brunswick"
        return None
    for (part, start), (item, end) in known_at.items():
        if (
            part == proposal.part
            and end == proposal.end
            and start > proposal.start
            and item.entry is not None
        ):
            opening = parts[part][proposal.start : start].split()
            if item.entry.ambiguous or not any(
                word in PLACES or word in DEMONYMS or not word[:1].isupper() for word in opening
            ):
                return item, start
    return None


def _drop_occurrences_after(
    item: _Found, proposal: Proposal, known_start: int, parts: dict[str, str]
) -> None:
    """Forget a known name wherever it follows the words that open the longer name it ends
    ("Phelps Dodge Corp" ... "Phelps Dodge, which ranks" ... "PHELPS DODGE")."""
    opening = parts[proposal.part][proposal.start : known_start].casefold()
    item.occurrences = [
        (part, start, end, where)
        for part, start, end, where in item.occurrences
        if parts[part][max(0, start - len(opening)) : start].casefold() != opening
    ]


def _names_a_sibling(proposal: Proposal, known: _Found, known_end: int) -> bool:
    """Evidence for a longer name that starts with a known one and ends in a word of a
    separate business ("Kotak Securities" where the directory knows "Kotak", "Essar Steel" for
    "Essar"): a sister company of the known one, not the known one itself; or one that starts
    with a known name that is also a word, or initials, and goes on with words not its own
    ("consultancy Sea Intelligence" is no Sea Limited, "HP Hotels, a management company" no HP)."""
    if proposal.end <= known_end or known.entry is None:
        return False
    if proposal.name.casefold() in (name.casefold() for name in known.entry.names):
        return False
    words = proposal.name.split()
    while len(words) > 1 and words[-1] in _LEGAL_FORM_WORDS:
        words.pop()  # "Kotak Securities Ltd"
    if " ".join(words).casefold() in (name.casefold() for name in known.entry.names):
        return False  # "Nomura Securities Co" of the directory's Nomura Securities
    if words[-1] in _SISTER_COMPANY_WORDS:
        return words[-1] not in _TRADE_WORDS_OF_SECTORS.get(known.entry.sector, ())
    rest = proposal.name[known_end - proposal.start :]
    if proposal.reason == "legal form" and len(_words_not_its_own(rest, known.entry)) > 1:
        return True  # "Nomura Investment Trust and Management Co Ltd", a unit of Nomura's
    written = proposal.name[: known_end - proposal.start]
    a_word_or_initials = known.entry.ambiguous or (written.isupper() and len(written) <= 4)
    return a_word_or_initials and not _its_own_words(
        proposal.name[known_end - proposal.start :], known.entry
    )


def _its_own_words(words: str, entry: CompanyEntry) -> bool:
    """Every word is of the company's own names, a legal form or the word of its trade that
    a name may go on with ("Dole Food", "JP Morgan Chase", "Bonza Airline", "Tesla Inc")."""
    return not _words_not_its_own(words, entry)


def _words_not_its_own(words: str, entry: CompanyEntry) -> list[str]:
    own = {word for name in entry.names for word in name.split()}
    return [
        word
        for word in words.replace(".", "").replace("&", " ").split()
        if word not in own
        and word not in _LEGAL_FORM_WORDS
        and word not in _OWN_TRADE_WORDS
        and word not in ("and", "of", "the")
    ]


_OWN_TRADE_WORDS = frozenset(
    {"Airline", "Airlines", "Airways", "Air", "Food", "Foods", "Motor", "Motors", "Bank",
     "Company", "International", "Global", "Brands", "Stores", "Energy", "Pharma"}
)  # fmt: skip


_THING_AFTER = re.compile(r" (?:was|is|had|has|were|are)\b")


def _a_thing_of_its_make(occurrence: tuple[str, int, int, str], parts: dict[str, str]) -> bool:
    """A one-word maker's name written as a thing, with "the" before it and a verb after it
    ("The BlackBerry was arguably the first hit smartphone"): the device, not the company."""
    part, start, end, _ = occurrence
    text = parts[part]
    if start < 4 or text[start - 4 : start] not in ("the ", "The ") or " " in text[start:end]:
        return False
    if start > 4 and text[start - 5].isalnum():
        return False
    return _THING_AFTER.match(text, end) is not None


def _in_a_copyright_line(text: str, start: int) -> bool:
    """The name follows "©" or "Copyright" on its line: the publisher's own footer."""
    line = text[max(0, start - 40) : start].rpartition("\n")[2]
    return ("©" in line or "opyright" in line) and COPYRIGHT_BEFORE.search(line) is not None


_PLACE_PREPOSITIONS = (" in ", " near ", " from ", " outside ", " of ")
_GIVEN_TO_A_THING = re.compile(r"\b(?:called|named|dubbed|code-?named|christened) [\"“]$")
"""Before a name in quotes: a name given to a thing, which a company's name may be too."""


def _apart_from_people(
    occurrences: Sequence[tuple[str, int, int, str]],
    parts: dict[str, str],
    name: str,
    given_name: bool,
    things: bool = True,
    ambiguous: bool = False,
) -> tuple[list[tuple[str, int, int, str]], bool]:
    """The occurrences that are neither part of a person's name nor of a place's, nor a
    photo's credit, nor (with ``things``) a device of the maker's, and whether one of those
    people speaks ("Kirstjen Nielsen said"): then the name's other mentions ("Nielsen's
    comment") are mostly that person too. A full name found once is that person wherever it
    is written, also where a line starts with it ("Hala Ayala and ..."). A company named like
    a given name (``given_name``) is a person before a surname ("Joann Smith"), and a name
    that is also a word (``ambiguous``) is one before a surname that speaks ("Hilton
    Schlosberg said")."""
    kept = []
    speaks = False
    first_names: set[str] = set()
    for occurrence in occurrences:
        part, start, end, _ = occurrence
        text = parts[part]
        if (
            _person_name(text, start, end)
            or (given_name and _given_name_before_surname(text, start, end))
            or (ambiguous and _before_a_speaking_surname(text, end))
        ):
            speaks = speaks or _SPEAKS_AFTER.match(text, end) is not None
            first_names.add(_word_before(text, start))
        elif _names_a_place(text, end):
            continue
        elif (
            text[end : end + 1] in _CREDIT_ENDS or text.startswith(_STOCK_PHOTOS, end)
        ) and _a_credit(text, start, end, name):
            continue  # the cheap test first: a credit ends its line or its parenthesis
        elif (
            text[end : end + 1] == ","
            and STATE_AFTER.match(text, end)
            and text.endswith(_PLACE_PREPOSITIONS, 0, start)
        ):
            continue  # "in Corning, New York" is the town
        elif _in_a_copyright_line(text, start):
            continue  # "©2022 Cox Media Group": the publisher's own footer
        elif name in _PHOTO_AGENCIES and text.startswith(" ID ", end):
            continue  # "Shutterstock ID 2451150057" under a photo
        elif things and _a_thing_of_its_make(occurrence, parts):
            continue
        elif (
            start
            and text[start - 1] in '"“'
            and _GIVEN_TO_A_THING.search(text, max(0, start - 14), start)
        ):
            continue  # a processor called "Sohu" is a chip, not the Chinese company
        else:
            kept.append(occurrence)
    first_names.discard("")
    if first_names:
        kept = [o for o in kept if _word_before(parts[o[0]], o[1]) not in first_names]
    return kept, speaks


def _defined_otherwise(
    occurrence: tuple[str, int, int, str],
    parts: dict[str, str],
    entry: CompanyEntry,
    directory: Directory,
) -> bool:
    """Initials the article spells out as an organisation's name ("the Technology Strategy Board
    (TSB)" is no TSB Bank), as another company's ("Mitsui OSK Lines (MOL)" is no MOL Group) or
    as a thing's ("on-time performance (OTP)" is no OTP Bank); not as an unknown company's
    ("China State Shipbuilding Corp (CSSC)")."""
    part, start, end, _ = occurrence
    written = parts[part][start:end]
    if not (2 <= len(written) <= 5 and written.isupper() and written.isalpha()):
        return False
    for text in parts.values():
        index = text.find(f" ({written})")
        if index > 0:
            words = text[max(0, index - 80) : index].replace("-", " ").split()[-len(written) :]
            initials = "".join(w[:1] for w in words)
            if len(words) != len(written) or initials.upper() != written:
                continue
            if initials.islower():
                return True  # a thing's initials: "on-time performance (OTP)"
            if initials != written:
                continue
            if words[-1] in ORGANISATION_WORDS:
                return True
            other = directory.find(" ".join(words))
            if other is not None and other is not entry:
                return True
    return False


_EXCHANGE_NAME = re.compile(r"Exchange|Börse|Boerse|Bourse|Nasdaq|NYSE|Euronext|Cboe|TMX")
_VENUE_BEFORE = re.compile(
    r"\b(?:(?:listed|listing|list|trades?|traded|trading|debut(?:ed|s)?|IPO|floated|float|"
    r"delisted|delisting|quoted|shares)\s+(?:on|in)|[Tt]rading at|on|at)\s+(?:the\s+)?$"
)


def _a_venue(text: str, start: int) -> bool:
    """A stock exchange named as where shares trade ("listed on the Singapore Exchange",
    "shares traded on Nasdaq", "Trading at the New York Stock Exchange was halted", "copper on
    the London Metal Exchange"), not as a company that does something."""
    return _VENUE_BEFORE.search(text, max(0, start - 30), start) is not None


_PERSONS_TITLES = frozenset(
    {"Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Dr", "Dr.", "Sen.", "Gov.", "Rep.", "President",
     "Senator", "Governor", "Judge", "Secretary", "Minister", "Chancellor", "Prince", "King",
     "Queen", "Pope", "Justice"}
)  # fmt: skip


_A_PERSON_AFTER = re.compile(r",? who\b| (?:said|says|told)\b")


def _a_persons_surname(name: str, parts: dict[str, str]) -> bool:
    """One word that the article writes after a given name or a person's title somewhere
    ("President Donald Trump", "Mr. Trump"), or after another name where a person's words
    follow ("Buck Harris, who"): a person's surname, not a company."""
    if " " in name:
        return False
    for text in parts.values():
        index = text.find(name)
        while index >= 0:
            if index > 1 and text[index - 1] == " ":
                before = text[text.rfind(" ", max(0, index - 25), index - 1) + 1 : index - 1]
                end = index + len(name)
                a_job = text[end + 1 : end + 2].isupper()  # "President Ascom North America"
                if not a_job and (before in GIVEN_NAMES or before in _PERSONS_TITLES):
                    return True
                if before[:1].isupper() and before.isalpha() and _A_PERSON_AFTER.match(text, end):
                    return True  # "new franchisee Buck Harris, who will open ..."
            index = text.find(name, index + 1)
    return False


_SURNAME_AFTER = re.compile(r" [A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")


def _given_name_before_surname(text: str, start: int, end: int) -> bool:
    """A company named like a given name, written before a surname: "Joann Smith", "Dana
    Perino" (but not "Dana Holding": a company word)."""
    surname = _SURNAME_AFTER.match(text, end)
    return surname is not None and a_persons_name(text[start : surname.end()])


def _before_a_speaking_surname(text: str, end: int) -> bool:
    """A capitalised word after the name that is no word of companies' names, and then "said"
    or ", who": the name is a person's given name ("Hilton Schlosberg said"; not "Shell
    Energy said")."""
    surname = _SURNAME_AFTER.match(text, end)
    return (
        surname is not None
        and surname.group()[1:] not in NAME_WORDS
        and _SPEAKS_AFTER.match(text, surname.end()) is not None
    )


def _a_group_of_a_company(proposal: Proposal, parts: dict[str, str]) -> bool:
    """A "Group" that a named owner has ("Apple's Advanced Technology Group"): a unit of that
    company, not a company of its own, though "Group" is also a legal form. Once named so,
    it is that unit wherever the article names it."""
    if not proposal.name.endswith(" Group"):
        return False
    before = parts[proposal.part][max(0, proposal.start - 40) : proposal.start]
    return _OWNER_BEFORE.search(before) is not None


_OWNER_BEFORE = re.compile(r"\b[A-Z][\w&.-]*(?:'s|’s) $")


def _drop_occurrence(item: _Found, part: str, start: int) -> None:
    """Forget a known name's occurrence that is part of a longer company's name."""
    item.occurrences = [o for o in item.occurrences if (o[0], o[1]) != (part, start)]


def _by_capital_part(by_first: dict[str, list[_Name]]) -> dict[str, str]:
    """First words that start in lower case ("eBay", "iFixit", "easyJet", "a16z"), by the part
    from their first capital or digit on, with the endings a capitalised word is read with
    ("Bay", "Bay's", "Fixit."): the capitalised words of a text hold that part, and only then
    is the whole word looked for."""
    parts: dict[str, str] = {}
    for first in by_first:
        if not first[:1].islower():
            continue
        capital = next((i for i, char in enumerate(first) if char.isupper() or char.isdigit()), 0)
        if capital:
            for suffix in _WRITTEN_ENDINGS:
                parts.setdefault(first[capital:] + suffix, first)
    return parts


def _joined(char: str) -> bool:
    """A character that glues a word to the one before it, as _CANDIDATE reads words (a name
    must not start inside a word: "eBay" holds no "Bay")."""
    return char in "'’.-" or _WORD_CHAR.match(char) is not None


def _lower_case_end(written: str, name: str) -> bool:
    """A name's last word written in lower case where the name capitalises it."""
    last = written.rsplit(" ", 1)[-1]
    return last.islower() and not name.rsplit(" ", 1)[-1].islower()


def _narrowed(by_second: dict[str, list[_Name]], text: str, index: int) -> list[_Name]:
    """The names whose second word is the text's next word (after ``index``, where the first
    word ends), and the one-word name, longest first."""
    following = _NEXT_WORD.match(text, index, index + 48)
    if following is not None:
        names = by_second.get(_second_word_key(following.group(1)))
        if names is not None:
            return names
    return by_second.get("", [])


@functools.lru_cache(maxsize=8192)
def _second_word_key(word: str) -> str:
    """A name's second word as names are told apart by it: lower case, without trailing
    punctuation, quotes or a possessive ("Motor's," and 'Insider"' are "motor" and "insider").
    Cached: the words after a name's first word are few and come back in every article."""
    word = word.rstrip(".,;:!?)]\"”’'»").removesuffix("'s").removesuffix("’s")
    if word[:1] in _QUOTES:
        word = word.lstrip(_QUOTES)
    return word.lower()


_FIRM_ENDINGS = frozenset({"Co", "Company", "Cie", "Son", "Sons", "Partners", "Associates"})
_QUOTES = "\"“”‘’'«»"
"""Quotes a name's word may stand in ("Toys "R" Us"), left out when names are told apart by
their second word."""
_NEXT_WORD = re.compile(r"\s+(\S+)")
"""The word after the spaces at a position, read within 48 characters."""


def _first_word(word: str) -> str:
    """A capitalised word as a name's first word: without a possessive or trailing full stop."""
    first = word.rstrip(".,")
    if first.endswith(_POSSESSIVE):
        first = first.rstrip("'’").removesuffix("'s").removesuffix("’s").rstrip("'’")
    return first


class _Cue(NamedTuple):
    text: str  # as looked for (see _has_cue)
    needle: str  # text that every match contains: the singular of a plural cue
    written: bool  # has capitals: looked for as written, in the window not lower-cased


@functools.cache
def _cue_forms(
    cues: tuple[str, ...], anti_cues: tuple[str, ...]
) -> tuple[tuple[_Cue, ...], tuple[str, ...]]:
    """The cues as they are looked for: one with capitals is a name ("Coach", "Tim Cook") and
    must be written so; others may come in any case, so they are compared lower-cased."""
    return (
        tuple(_cue(cue if cue != cue.lower() else cue.casefold()) for cue in cues),
        tuple(cue.casefold() for cue in anti_cues),
    )


def _cue(text: str) -> _Cue:
    if text != text.lower():
        return _Cue(text, text, True)
    plural = len(text) > 4 and text.endswith("s")
    return _Cue(text, text[:-1] if plural else text, False)


def _first_cue(cues: Iterable[_Cue], raw_window: str, window: str) -> str:
    """The first of the cues in the window around a name (see _has_cue), or "". A substring
    test rules out nearly every cue before any is read as a phrase."""
    for cue in cues:
        if cue.needle in (raw_window if cue.written else window) and _has_cue(
            raw_window, window, cue.text
        ):
            return cue.text
    return ""


def _has_any_phrase(window: str, phrases: Iterable[str]) -> bool:
    """Any of the phrases in the window as whole words (see has_phrase); a substring test
    first, which rules out nearly all of them."""
    for phrase in phrases:  # noqa: SIM110 -- a loop: no generator is set up for every window
        if phrase in window and has_phrase(window, phrase):
            return True
    return False


def _ambiguous_sense(
    entry: CompanyEntry,
    occurrences: list[tuple[str, int, int, str]],
    parts: dict[str, str],
    certain: Sequence[tuple[str, int, int]] = (),
    evidence_at: Mapping[tuple[str, int], int] = _NO_EVIDENCE,
    repetition_counts: bool = False,
) -> tuple[list[tuple[str, int, int, str]], str]:
    """The occurrences that mean the company, and why; none when nothing in the article
    says so. Company context: a phrase around the name that shows a company (``evidence_at``),
    the kind of product it makes right after it ("a Ford sedan"), a legal form after the
    name, its social-media handle ("@Apple"), a cue of this company (for initials the
    directory gives no cues for, a word of its trade: SECTOR_CUES), two generic business
    words nearby, or another (unambiguous) company named close by ("Google, Microsoft and
    Apple"). With ``repetition_counts`` (no person, place or device of the name in the
    article), also a name in the headline that the story writes as a name again and again
    (see _named_again_and_again)."""
    own_cues = entry.cues or (() if entry.ambiguous else SECTOR_CUES.get(entry.sector, ()))
    cues, anti = _cue_forms(own_cues, entry.anti_cues)
    confirmed = ""
    kept = []
    for occurrence in occurrences:
        part, start, end, _ = occurrence
        text = parts[part]
        raw_window = text[max(0, start - _WINDOW) : end + _WINDOW]
        window = raw_window.casefold()
        if _has_any_phrase(window, anti):
            continue
        kept.append(occurrence)
        if confirmed:
            continue
        heading = _heading_line(text, start, end)
        if heading is not None:  # a headline among others: its own words only
            raw_window, window = heading, heading.casefold()
        after = text[end : end + 40]
        if _evidence_here(evidence_at, text, part, start, end):
            confirmed = "company evidence"
        elif LEGAL_SUFFIX_AFTER.match(after):
            confirmed = "legal suffix"
        elif _handle(text, start, end):
            confirmed = "its account"
        elif entry.sector == "news" and (
            after.startswith(_NETWORK_AFFILIATE)
            or _OUTLET_AS_EMPLOYER.search(_sentence_around(text, start, end))
        ):
            confirmed = "the outlet as a business"
        elif cue := _first_cue(cues, raw_window, window):
            confirmed = f"context: {cue}"
        elif _makes_product(entry, text, start, end):
            confirmed = "product"
        elif _acts_mid_sentence(entry, text, start, end):
            confirmed = "acts as a company"
        elif (
            _MODEL_AFTER.match(text, end)
            and not text.endswith(_POSSESSIVE, start, end)  # "Casey's WAF-F20 waffle maker"
            and not _CAPITALISED_WORD_BEFORE.search(text, max(0, start - 24), start)
        ):
            confirmed = "model number"
        elif len(company_context_words(window)) >= 2:
            confirmed = "company context"
        elif _listed_with(text, part, start, end, certain):
            confirmed = "listed with other companies"
    if not confirmed and repetition_counts and _named_again_and_again(kept, parts):
        confirmed = "named again and again"
    if not confirmed:
        return [], ""
    return kept, f"ambiguous name, {confirmed}"


def _heading_line(text: str, start: int, end: int) -> str | None:
    """The line around a name when it is a headline in title case of its own ("SpaceX
    Prioritizes Moon Mission Before Mars as Starship Development Accelerates", in a list of
    other stories' headlines): the words of the lines around it say nothing of it."""
    line_start = text.rfind("\n", max(0, start - _WINDOW), start) + 1
    line_end = text.find("\n", end, end + _WINDOW)
    if line_end < 0 and end + _WINDOW >= len(text):
        line_end = len(text)
    if (line_start == 0 and start >= _WINDOW) or line_end < 0:
        return None  # a line longer than a headline
    line = text[line_start:line_end]
    if ". " in line:
        return None  # sentences
    words = line.split()
    if len(words) < 7:  # a headline, not an item of a list ("Canon Pixma MX870 Wireless")
        return None
    if any(len(word) > 3 and not word[0].isupper() for word in words):
        return None
    return line


def _named_again_and_again(
    occurrences: Sequence[tuple[str, int, int, str]], parts: dict[str, str]
) -> bool:
    """In the headline, and written as a name inside the story's sentences again and again,
    never right after another capitalised word ("Jane Casper", "iPhone X": then it is also
    part of someone's or something's name)."""
    if not any(part == "title" for part, _, _, _ in occurrences):
        return False
    inside = 0
    for part, start, _, _ in occurrences:
        if part != "body":
            continue
        text = parts[part]
        if _after_a_name(text, start):
            return False
        if not _SENTENCE_START.search(text, max(0, start - 4), start):
            inside += 1
    return inside >= 2


def _after_a_name(text: str, start: int) -> bool:
    """Right after a word with a capital ("iPhone X", "Harrison Ford"): part of a longer name."""
    before = _word_before(text, start)
    return before != before.lower()


_NETWORK_AFFILIATE = (" affiliate", "-affiliated")
"""After a network's name: the stations it has deals with ("Standard is buying Fox and NBC
affiliate WGBC-TV"), the network as a business and not a source."""
_OUTLET_AS_EMPLOYER = re.compile(
    r"\b(?:hired|hires|fired|fires|ousted|contract with|spokes(?:person|man|woman)|layoffs"
    r"|advertisers|parent company|sale of|(?:was|were|is being|has been) (?:acquired|bought|sold)"
    r"|(?:acquired|bought) by)\b"
)
"""Words in a news outlet's sentence that show the business, not a source: it hires and
fires, has a spokesperson, advertisers and a parent, and is bought and sold ("Fox News star
host Sean Hannity announced that the network has hired ...", "The Washington Post was
acquired by Jeff Bezos")."""


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) the name at ``start:end`` stands in, within _WINDOW of it."""
    head = text[max(0, start - _WINDOW) : start]
    tail = text[end : end + _WINDOW]
    cut = max(head.rfind(". "), head.rfind("\n"))
    stops = [i for i in (tail.find(". "), tail.find("\n")) if i >= 0]
    return head[cut + 1 :] + text[start:end] + tail[: min(stops, default=len(tail))]


def _handle(text: str, start: int, end: int) -> bool:
    """The name as a social-media handle ("Are you aware of it @Apple?"): the company's own
    account, not a word. An e-mail address ("press@Shell.com") is not one."""
    if not start or text[start - 1] != "@" or (start >= 2 and text[start - 2].isalnum()):
        return False
    following = text[end : end + 2]
    return not (following[:1].isalnum() or (following[:1] == "." and following[1:].isalnum()))


_INSIDE_PRODUCT_NAME = re.compile(
    r"(?:[A-Z]{2,}|\w*\d[A-Za-z]\w*|\w*[A-Za-z]\d\w*|[a-z]+[A-Z]\w*)[ ]+$"
)


_ACTS_AFTER = re.compile(
    r"(?:['’]s)? (?:announced|announces|launched|launches|unveiled|unveils|released|releases"
    r"|removed|removes|confirmed|confirms|introduced|introduces|acquired|acquires|reported"
    r"|reports|provides|provided|needs to|plans to|is developing|has pushed|sets|ends|ended"
    r"|shipped|ships|sued|sues|hired|hires|laid off|lays off)\b"
)
"""What companies do, right after their name (a person says, an apple is eaten)."""
_LOWER_WORD_BEFORE = re.compile(r"(?:^|\s)[a-z][a-z’'-]*,? $")
"""A word in lower case (not "iPhone") right before a name: the name is inside a sentence."""


def _acts_mid_sentence(entry: CompanyEntry, text: str, start: int, end: int) -> bool:
    """A name capitalised inside a sentence (a lower-case word before it) that then acts as
    companies do (_ACTS_AFTER: "as soon as Apple announced", "In recent years, Apple has
    pushed"): the company, unless the name is also a given name."""
    return (
        entry.name not in GIVEN_NAMES
        and _ACTS_AFTER.match(text, end) is not None
        and _LOWER_WORD_BEFORE.search(text, max(0, start - 30), start) is not None
    )


_MODEL_AFTER = re.compile(r" (?=[\w-]*\d)(?=[\w-]*[A-Z])[A-Z0-9][A-Za-z0-9-]{1,9}\b(?!['’])")
"""A model number right after a name, with a digit and a capital in it ("Canon 5D Mark IV",
"Dell UP3218K", "Polar M460", "Intel X99"): the maker's product."""
_CAPITALISED_WORD_BEFORE = re.compile(r"\b[A-Z][\w-]* $")
"""A capitalised word before the name: it is one word of a longer name ("Breville Smart
4-Slice", a toaster)."""


def _makes_product(entry: CompanyEntry, text: str, start: int, end: int) -> bool:
    """The name starts the name of a product of its sector ("Webb's Ford sedan", "LG 65UM7300
    4K Smart HDTV"). After a model number, initials or a product name ("4K Smart HDTV",
    "iPhone X camera") it is a word of the product's name, not its maker."""
    pattern = product_after(entry.sector)
    return (
        pattern is not None
        and pattern.match(text, end) is not None
        and _INSIDE_PRODUCT_NAME.search(text, max(0, start - 16), start) is None
    )


def _has_cue(raw_window: str, window: str, cue: str) -> bool:
    """A cue in the window around a name: written so when it has capitals, in any case
    otherwise; a plural cue also in the singular ("laptops": "a Dell laptop"), and a named
    product also in the plural ("Apple ... its own CPUs in Macs", "new iPhones")."""
    if cue != cue.lower():
        return has_phrase(raw_window, cue) or has_phrase(raw_window, cue + "s")
    if has_phrase(window, cue):
        return True
    return len(cue) > 4 and cue.endswith("s") and has_phrase(window, cue[:-1])


_NEXT_LISTED_NAME = (
    r"(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?P<name>[A-Z][\w&'’-]*(?:\s[A-Z][\w&'’-]*){0,2})"
)
"""A comma, "and" or "or", then a name of up to three capitalised words."""
_LIST_NEIGHBOUR_AFTER = re.compile(
    _NEXT_LISTED_NAME + r"(?=[,;:]|\.(?!\w)|\s+(?:and|or|are|were|have|had|all|both)\b|\s*$)"
)


def _a_kind_before(text: str, start: int) -> bool:
    """A kind of company in the plural right before ``start`` ("chipmakers Intel")."""
    if not text.endswith(" ", 0, start):
        return False
    word_start = text.rfind(" ", max(0, start - 20), start - 1) + 1
    return text[word_start : start - 1] in BUSINESS_PLURALS


_LAST_LISTED_BEFORE_A_PREPOSITION = re.compile(
    r"(?:,\s+|\s+)(?:and|or)\s+(?P<name>[A-Z][\w&'’-]*(?:\s[A-Z][\w&'’-]*){0,2})"
    r"(?<!['’]s)(?=\s+(?:to|in|for|at|on|from|with|by|as|last|earlier|recently)\s+[a-z\d])"
)
"""The last name of a list, where the sentence goes on with a preposition ("sold Mandalay Bay
to the Blackstone Group and MGM Growth Properties in 2019", "partnered with MHI, The Drees
Co., and Highland Homes to buy 1,000 lots"): a name ends there, unlike before a noun ("Disney,
Pixar and Star Wars movies") or another name ("from Workflow to IFTTT, and Automator to
AppleScript")."""

_LISTED_AFTER_A_KIND = re.compile(_NEXT_LISTED_NAME + r"(?=\s+[a-z])")
"""After a list that a kind of company opens ("chipmakers Texas Instruments and Xilinx earlier
this week"), a name ends the list however the sentence goes on."""


_PARTNERS_FIRM_AFTER = re.compile(
    r"(?:, [A-Z][a-z]+)*,? (?:&|and) [A-Z][a-z]+,? (?:LLP|LLC|PLLC|P\.C\.|PC)\b"
)
"""After a name listed with a known firm: the rest of a firm of partners ("Kasowitz, Benson,
Torres & Friedman LLP"), whose names are people's."""


def _add_listed_neighbours(
    accepted: dict[str, _Found], parts: dict[str, str], lead_end: int, directory: Directory
) -> None:
    """A name listed right after known companies ("Netflix, Hulu and Amazon", "Spotify and
    Pandora") or after one written with its legal form ("Logan Bus Corp, Consolidated Bus
    Transit and ...") is most likely a company too: offered as a suggestion of lower
    confidence. A name so found counts as known for the next in the list when two companies
    came before it ("Eruditus, Vedantu, FrontRow and Udayy"; not "about Gatorade, HD-DVD, GDC,
    and more")."""
    known = [o for item in accepted.values() if item.entry is not None for o in item.occurrences]
    known += [
        _past_legal_form(occurrence, parts)
        for item in accepted.values()
        if item.entry is None and "legal form" in item.reasons
        for occurrence in item.occurrences
    ]
    known_starts: set[tuple[str, int]] | None = None  # made for the first name listed
    known_ends: set[tuple[str, int]] | None = None  # made for the first list that goes on
    for part, before, end, _ in known:
        text = parts[part]
        after = text[end : end + 2]  # a comma, or spaces and "and" or "or", or no list
        if after[:1] != "," and not (
            after[:1].isspace() and (after[1:] in ("a", "o") or after[1:].isspace())
        ):
            continue
        match = _LIST_NEIGHBOUR_AFTER.match(text, end) or _LAST_LISTED_BEFORE_A_PREPOSITION.match(
            text, end
        )
        if match is None and _a_kind_before(text, before):
            match = _LISTED_AFTER_A_KIND.match(text, end)  # "chipmakers Intel and Xilinx earlier"
        if match is None:
            continue
        if known_starts is None:
            known_starts = {(p, s) for p, s, _, _ in known}
        cut = after_place_possessive(match.group("name"))  # "China's Zorbix" is Zorbix
        name, start = match.group("name")[cut:], match.start("name") + cut
        if (
            (part, start) in known_starts  # "Volkswagen and Stellantis N.V."
            or name.split()[0] in _LEGAL_FORM_WORDS  # "Samsung Electronics Co., Ltd."
            or _abbreviated(name, text, match.end("name"))
            or _PARTNERS_FIRM_AFTER.match(text, match.end("name")) is not None
            or name in PLACES  # "Arclight Capital Partners LLC, Boston, had acquired"
            or STATE_AFTER.match(text, match.end("name")) is not None  # "Dearborn, Mich."
            or directory.find(name) is not None
            or name.casefold() in accepted
            or name in GENERIC_WORDS
            or NOT_COMPANY_WORDS.search(name)
            or a_persons_name(name)  # "Hello Games, Eric Pope, Alex Rigopulos"
            or _a_persons_surname(name, parts)  # "John Ferriola of Nucor, Trump, and ..."
        ):
            continue
        item = accepted.setdefault(name.casefold(), _Found(None, name))
        occurrence = (part, start, match.end("name"), _where(part, start, lead_end))
        item.occurrences.append(occurrence)
        item.reasons.append("listed with companies")
        if not text.endswith(", ", 0, before):
            continue
        if known_ends is None:
            known_ends = {(p, e) for p, _, e, _ in known}
        if (part, before - 2) in known_ends:
            known.append(occurrence)  # "Eruditus, Vedantu, FrontRow and Udayy"
            known_starts.add((part, start))
            known_ends.add((part, occurrence[2]))


def _past_legal_form(
    occurrence: tuple[str, int, int, str], parts: dict[str, str]
) -> tuple[str, int, int, str]:
    """The occurrence of a name read up to the end of the legal form after it ("Logan Bus"
    to "Logan Bus Corp")."""
    part, start, end, where = occurrence
    suffix = LEGAL_SUFFIX_AFTER.match(parts[part], end)
    if suffix is None:
        return occurrence
    end = suffix.end()
    return part, start, end + (parts[part][end : end + 1] == "."), where


_LEGAL_FORM_WORDS = frozenset(
    {"Inc", "Ltd", "Co", "Corp", "LLC", "PLC", "Plc", "AG", "SE", "SA", "NV", "BV", "GmbH",
     "Limited", "Incorporated", "Corporation", "Holdings", "Group", "KK", "AB", "ASA", "Oyj",
     "LP", "LLP"}
)  # fmt: skip


def _abbreviated(name: str, text: str, end: int) -> bool:
    """The name ends in a one-letter word cut at a full stop ("Stellantis N" of "N.V."): the
    list pattern stopped inside an abbreviation."""
    return len(name.split()[-1]) == 1 and text[end : end + 1] == "."


def _listed_with(
    text: str, part: str, start: int, end: int, certain: Sequence[tuple[str, int, int]]
) -> bool:
    """Named in a list with a company that is not in doubt: "Google, Microsoft and Apple", or
    with other names between them when the name is an item of its own ("Tory Burch, Juicy
    Couture, Lululemon"; not "No Man's Sky, The Division, Microsoft")."""
    item = None  # whether the name starts a list's item: read when first needed
    for other_part, other_start, other_end in certain:
        if other_part != part:
            continue
        if other_end <= start:
            between, listed = (other_end, start), _LISTED_WITH.fullmatch(text, other_end, start)
        elif end <= other_start:
            between, listed = (end, other_start), _LISTED_WITH.fullmatch(text, end, other_start)
        else:
            continue
        if listed:
            return True
        if between[1] - between[0] > 80:
            continue
        if item is None:
            item = _LIST_ITEM_BEFORE.search(text, max(0, start - 6), start) is not None
        if item and _LISTED_AMONG.fullmatch(text, *between):
            return True
    return False


_OUTLET_NAME = re.compile(
    r"\b(?:News|Times|Post|Journal|Herald|Tribune|Press|Reuters|Bloomberg"
    r"|Nikkei|Gazette|Chronicle|Telegraph|Guardian|Daily)\b"
)
_OUTLET_AFTER = re.compile(
    r"\s+(?:News|Sports|Radio|Television|TV|Asia|Business|Insider|Online|Money)\b"
)


_HEADLINE_VERB = re.compile(r" (?:[A-Z][a-z]+|[a-z]+)s\b(?<!ss)(?<!'s)")
_NOT_ACTING_VERBS = frozenset(
    {"Says", "Reports", "Finds", "Reveals", "Notes", "Writes", "Explains", "Rises", "Falls",
     "Climbs", "Drops", "Gains", "Slips", "Ends", "Closes", "Hits", "Jumps", "Tumbles", "Slides",
     "Surges", "Sinks", "Edges", "Extends", "Rallies", "Retreats", "Advances", "Declines",
     "Opens", "Rebounds", "Dips", "Plunges", "Soars", "Touches", "Posts"}
)  # fmt: skip
"""Verbs after an outlet's name that cite it ("Reuters reports") or move an index named after
it ("Nikkei falls 2%")."""


def _acts_in_the_headline(
    occurrences: Sequence[tuple[str, int, int, str]], parts: dict[str, str]
) -> bool:
    """A news outlet that opens the headline with a verb of its own ("Fox News Buries Its Head
    ...", "CNN fires anchor") and comes back in the story is what the story is about, not a
    source ("Reuters reports ...", "Nikkei: ...")."""
    title = parts["title"]
    for part, start, end, _ in occurrences:
        if part == "title" and start == 0:
            verb = _HEADLINE_VERB.match(title, end)
            return (
                verb is not None
                and verb.group().strip().capitalize() not in _NOT_ACTING_VERBS
                and title[:end] in parts["body"]
            )
    return False


def _as_outlet(entry: CompanyEntry, text: str, end: int) -> bool:
    """A media company named as a news outlet ("CBS Sports", "Nikkei Asia", "Fox News", "the
    BBC": a broadcaster's initials)."""
    return (
        bool(_OUTLET_NAME.search(entry.name))
        or (entry.name.isupper() and len(entry.name) <= 4)
        or _OUTLET_AFTER.match(text, end) is not None
    )


def _needs_context(
    entry: CompanyEntry, occurrences: list[tuple[str, int, int, str]], parts: dict[str, str]
) -> bool:
    """Initials stand for many things ("HP" is also a lung disease, "NIU" a university, "RTX" a
    graphics card) and a news outlet's name is mostly a citation ("CBS Sports reported"): such
    names need company context in the article, like a name that is also a word."""
    if entry.sector == "news" and all(_as_outlet(entry, parts[p], e) for p, _, e, _ in occurrences):
        return True
    for part, start, end, _ in occurrences:
        text = parts[part]
        written = text[start:end].rstrip("'’s")
        if len(written) > 4:
            return False  # neither short nor a model's number
        is_alias = written.casefold() != entry.name.casefold()
        short = len(written) <= (3 if is_alias else 2)
        model = written.isupper() and len(written) <= 4 and _MODEL_NUMBER.match(text, end)
        if not short and not model:
            return False
    return True


def _person_name(text: str, start: int, end: int) -> bool:
    """A capitalised word right before the name, mid-sentence ("Harrison Ford", "Tom Ford"):
    the name is part of a person's name, not the company. At a sentence's start only an
    initial ("Z. Nielsen 1 goal") or a title after it ("Rob Goldman, President of ...") says
    so: "Rival Ford" or "Shares Ford" start sentences too."""
    if not (start and text[start - 1].isspace()):
        return False  # the cheap tests first: a space, then a capitalised word right before
    words = text[max(0, start - 24) : start].rsplit(None, 1)
    if not words or not words[-1][:1].isupper() or words[-1] in _NOT_FIRST_NAMES:
        return False
    before = text[max(0, start - 40) : start]
    match = _PERSON_BEFORE.search(before)
    if match is None or match.group(1) in _NOT_FIRST_NAMES:
        return False
    if not _SENTENCE_START.search(before[: match.start(1)]):
        return True
    return match.group(1).endswith(".") or _TITLE_AFTER.match(text, end) is not None


def _word_before(text: str, start: int) -> str:
    """The word one space before ``start`` ("Hala" before "Ayala"), or ""."""
    head = text[max(0, start - 24) : start - 1]
    if text[start - 1 : start] != " " or not head or head[-1].isspace():
        return ""
    return head.split()[-1]


_SPEAKS_AFTER = re.compile(
    r",? (?:said|says|told|tells|wrote|writes|added|asked|argued|noted|explained|testified"
    r"|insisted|denied|acknowledged|who)\b"
)
"""What follows a person's name, not a company's: "Kirstjen Nielsen said", "..., who"."""


_TITLE_AFTER = re.compile(
    r", (?:the )?(?:President|CEO|Chief|Director|Chairman|Chairwoman|Founder|Co-founder"
    r"|Managing|Head|Vice|Senior|Partner|president|chief|chairman|chairwoman|founder"
    r"|co-founder|managing director|head of|vice president|senior vice)\b"
)
"""A person's title after the name: "Rob Goldman, President Ascom North America, says"."""


_NOT_FIRST_NAMES = frozenset(
    {"The", "A", "An", "At", "In", "On", "By", "For", "From", "With", "To", "Of", "And", "Or",
     "But", "Rival", "Both", "Like", "Unlike", "Than", "As", "Its", "Their", "His", "Her",
     "Japanese", "American", "Chinese", "German", "French", "Korean", "Indian", "British",
     "European", "US", "U.S.", "UK", "EU", "New", "Former", "Said", "Says", "Including",
     "Via", "Versus", "Vs", "Against", "About", "After", "Before", "Over", "Under", "While",
     "Did", "Does", "Do", "Is", "Are", "Was", "Were", "Has", "Have", "Had", "Can", "Could",
     "Should", "Would", "Why", "How", "When", "Where", "What", "Which", "Whether", "If",
     "Into", "Onto", "Upon", "Toward", "Towards", "Off", "Be", "Accepts", "Joins", "Seek",
     "Seeks", "Sues", "Buys", "Sells", "Force", "Forces", "Support", "Supports", "Supporting",
     "Backs", "Blocks", "Rejects", "Hires", "Fires", "Stole", "Steals", "Takes", "Leaves",
     "Quits", "Warns", "Wins", "Loses", "Plans", "Calls", "Tells", "Asks", "Sees", "Hits",
     "Slams", "Ditches", "Drops", "Picks", "Signs", "Urges", "Helps", "Meets", "Beats"}
)  # fmt: skip
"""Capitalised words before a name that are no given names: sentence openers, question words,
and the verbs and prepositions of headlines in title case ("Sharp Accepts Foxconn Takeover
Bid", "Ted Olson Joins Apple’s Fight")."""


_PLACE_AFTER = re.compile(
    r"(?:\s+[A-Z][\w&'’.-]*){0,2}\s+(?:Arena|Center|Centre|Stadium|Field|Park|Amphitheat(?:er|re)|Pavilion|Theat(?:er|re)"
    r"|Hall|Bowl|Dome|Gardens?|Speedway|Raceway|Cup|Open|Championships?|Series|Classic"
    r"|Invitational|Grand Prix|Factory(?! (?:Stores?|Outlets?|Shops?)\b)|Live|Ballpark|Coliseum"
    r"|Forum|Plaza|Tower|Building"
    r"|Cup Series|Festival|Awards?|Marathon|Bowl Game)\b"
)


def _names_a_place(text: str, end: int) -> bool:
    """A sponsor's name inside a venue's or an event's ("Bridgestone Arena", "Toyota Center",
    "Xfinity Series"): the story is about the place, not the company. A numbered series is a
    product's generation ("Apple Watch Series 3"), not an event."""
    if not (text[end : end + 1].isspace() and text[end : end + 12].lstrip()[:1].isupper()):
        return False  # the cheap test first: a place's name goes on with a capital
    place = _PLACE_AFTER.match(text, end)
    if place is None:
        return False
    numbered = text[place.end() : place.end() + 2].strip()[:1].isdigit()
    return not (numbered and place.group().endswith("Series"))


_CREDIT_BEFORE = re.compile(
    r"(?:^|[\n(]|\.[ \t]|\./)[ \t]*(?:(?:Featured |Top |Header |Lead )?"
    r"(?:[Pp]hoto(?:graph)?(?:er)?s?|[Ii]mages?|[Pp]icture|[Ii]llustration|[Cc]redit|[Ss]ource"
    r"|[Cc]ourtesy(?: of)?)"
    r"(?: credit)?(?: by)?[ \t]*:?[ \t]*"
    r"(?:[^\n/:]{0,40}/[^\n/]{0,30}?(?: via)?[ \t]*)?"
    r"|[^\n/]{0,60}[A-Za-z.]/(?:[^\n/]{0,30}?(?: via| —| –))?[ \t]*)$"
)
"""Before a photo's credit on its line or after a caption's sentence: "Featured Image: Johannes
Eisele/", "(Photo by Jane Doe/", "(Image credit: Jane Doe/LightRocket via ", "Photo: ", "Jane
Doe/", "... levels. Photographer: Daniel Acker/Bloomberg via ", "Courtesy ", "... in Houston.
Brett Coomer/Houston Chronicle via ", "Jane Doe/Agence France-Presse — "."""
_STOCK_PHOTOS = (" Stock\n", " Stock)", " Stock.\n")
"""After a company's name, its library of photos credited ("Courtesy Adobe Stock")."""
_PHOTO_AGENCIES = frozenset({"Getty Images", "Shutterstock", "Alamy", "iStock"})
"""Agencies whose name on a line of its own (under a photo's caption) is a credit."""


_CREDIT_ENDS = frozenset(("", "\n", ")", "\r"))


def _a_credit(text: str, start: int, end: int, name: str) -> bool:
    """The name credits a photo ("Featured Image: Johannes Eisele/Getty Images", "Photo:
    Tesla"): the article does not name the company for anything it does."""
    line_start = text.rfind("\n", 0, start) + 1
    if start - line_start > 80:  # a long caption: the credit follows its last sentence
        line_start = max(text.rfind(". ", line_start, start), text.rfind("./", line_start, start))
        if line_start < 0 or start - line_start > 80:
            return False
    before = text[line_start:start]
    if not before.strip():
        return name in _PHOTO_AGENCIES and text.startswith("\n", end) and line_start > 0
    return _CREDIT_BEFORE.search(before) is not None


def _only_cited(
    occurrences: Sequence[tuple[str, int, int, str]],
    parts: dict[str, str],
    evidence_at: Mapping[tuple[str, int], int] = _NO_EVIDENCE,
) -> bool:
    """Every occurrence of a news outlet is a citation ("according to Reuters", "Nikkei Asia
    reported", "as Gizmodo explained"), and none is in a phrase that shows a business ("tickets
    go on sale via Live Nation"). Research and data companies cited for their figures are left
    out too (see _only_cited_for_figures); any other company whose filing or statement is cited
    ("according to Tesla's filing") is still named as a company."""
    for part, start, end, _ in occurrences:
        text = parts[part]
        if _evidence_here(evidence_at, text, part, start, end):
            return False
        before = text[max(0, start - 70) : start]
        if not (
            cited_before(before)
            or CITATION_AFTER.match(text, end, end + 40)
            or _dateline(before, text, end)
            or _publication_line(before, text, end)
            or _introduces_a_quote(before, text, end)
            or _OUTLET_CITED_AFTER.match(text, end, end + 40) is not None
        ):
            return False
    return True


_DATA_FIRM_BEFORE = re.compile(
    r"\b(?:research|data|analytics|intelligence|insights|survey|polling|consulting"
    r"|market research) (?:firm|company|group|provider|house|specialist) $"
)
"""What a firm known only from the text is, when it is a source of figures ("retail
intelligence company RDSolutions", "research firm Zorbix Intelligence")."""


def _a_data_firm_cited(item: _Found, parts: dict[str, str]) -> bool:
    """A name known only from the text, described as a research or data firm, whose every
    mention cites its figures ("a new national survey by retail intelligence company
    RDSolutions reveals"): left out like a data company of the directory cited so (see
    _only_cited_for_figures)."""
    if item.entry is not None or not item.occurrences:
        return False
    part, start, _, _ = item.occurrences[0]
    text = parts[part]
    return _DATA_FIRM_BEFORE.search(text, max(0, start - 40), start) is not None and (
        _only_cited_for_figures(item.occurrences, parts)
    )


def _only_cited_for_figures(
    occurrences: Sequence[tuple[str, int, int, str]], parts: dict[str, str]
) -> bool:
    """Every occurrence of a research or data company cites its figures ("according to
    FactSet", "data from PitchBook", "Kantar said", "estimates compiled by Refinitiv"): like
    a news outlet cited, the article does not name it for anything it does. Its analyst quoted
    ("said Jane Doe, an economist at Oxford Economics") still names it, as any employer."""
    for part, start, end, _ in occurrences:
        text = parts[part]
        if _RATES_AFTER.match(text, end, end + 60) is not None:
            return False  # "S&P said it lowered Acme's debt": a rating agency acts
        before = text[max(0, start - 70) : start]
        if not (
            _FIGURES_FROM_BEFORE.search(before) is not None
            or _FIGURES_AFTER.match(text, end, end + 60) is not None
            or (
                before.endswith((" - ", " – ", " — "))
                and _SOURCE_AFTER_A_DASH.match(text, end, end + 60) is not None
            )
        ):
            return False
    return True


_RATES_AFTER = re.compile(
    r"(?:'s|’s)?(?: Corp\.?| Ratings| Investors Service)?,?"
    r"(?: said(?: on \w+)? it(?: has| had)?| has| had| on \w+)? "
    r"(?:lowered|cut|raised|upgraded|downgraded|affirmed|revised|assigned|withdrew|placed"
    r"|lowers|cuts|raises|upgrades|downgrades|affirms|revises|assigns|places)\b"
)
"""After a rating agency that acts on a company's rating: "Standard and Poor's Corp said it
lowered", "Moody's downgraded"."""
_FIGURES_FROM_BEFORE = re.compile(
    r"(?:\b(?:data|figures|estimates|numbers|statistics|research|forecasts?|projections?"
    r"|survey|analysis|rankings?|reports?|study|poll)"
    r"(?: (?:compiled|provided|published|released|gathered))?"
    r" (?:from|by|of)|\b(?:compiled|polled|surveyed|tracked|provided|calculated|estimated"
    r"|measured) by|\baccording(?: to)?|\bper|\bsource:?|\bcited|\banalysts at"
    r"|\d[^.!?\n]{0,80} (?:says|said|predicts|estimates|forecasts))"
    r"(?: the)?(?: [a-z][\w-]*){0,4} $",
    re.IGNORECASE,
)
"""Before a data company cited for its figures: "according to", "data from", "a report from",
"estimates compiled by", "analysts polled by", "Source: ", "Analysts at", a figure and then "says"
("sales could reach 9 percent by 2016, says Forrester Research"), perhaps with what it is in
between ("data from app intelligence firm"); not "writing for the Sensor Tower blog" (its
writer works there) nor "an analyst at" (an employer of someone quoted)."""
_FIGURES_AFTER = re.compile(
    r"(?:\s[A-Z][\w&.-]*){0,3}(?:\s(?:and|&)\s[A-Z][\w&.-]*)?(?:'s|’s)?"
    r"\s(?:data|figures|estimates?|estimated|numbers|statistics|research|survey|surveys|study"
    r"|reports?|reported|analysis|forecasts?|forecasted|projections?|projects|predicts|expects?"
    r"|index|tracker|found|finds?|shows?|showed|said|says?|noted|counted|calculated|recorded"
    r"|tallied|ranked|rankings?|consensus|put|puts|PMI|database)\b"
)
"""After a data company cited for its figures, perhaps past the name of its unit or another
company's: "FactSet data", "Kantar said", "Gartner's survey", "Gartner and IDC estimate",
"S&P Global Market Intelligence data show",
"Refinitiv put the target at" (but not "Gartner analyst Jane Doe" nor "Gartner acquired")."""
_SOURCE_AFTER_A_DASH = re.compile(r"(?: [A-Z][\w&.-]*){0,3}[ \t]*(?:\n|$)")
"""After a data company named as a headline's source, past a dash: "British supermarket sales
up 3.6 pct - Kantar Worldpanel"."""


_OUTLET_CITED_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:(?:very\s+)?(?:recently|first|previously|also|earlier|exclusively)\s+)?"
    r"(?:explained|noted|found|revealed|reported|wrote|learned|confirmed|followed up|says)\b"
    r"|(?:'s|’s) [A-Z][a-z]+ [A-Z][a-z]+\b"
)
"""After an outlet's name: "as Gizmodo very recently explained", "Wired found", "Politico
followed up"; or one of its journalists: "Politico's Michael Calderone"."""


_DATELINE_BEFORE = re.compile(r"(?:^|\n)[A-Z][\w.,'’ -]{0,30} \($")
_DATELINE_AFTER = re.compile(r"(?: [A-Z][a-z]+)?\)")


def _dateline(before: str, text: str, end: int) -> bool:
    """The outlet credited at the start of a story: "HONG KONG (CNN Business) -", "LONDON
    (Reuters) -": a source, like "according to". ``before`` is the text before the name, which
    ends at ``end`` of ``text``."""
    return (
        before.endswith(" (")
        and _DATELINE_BEFORE.search(before) is not None
        and _DATELINE_AFTER.match(text, end, end + 40) is not None
    )


_PUBLICATION_LINE_AFTER = re.compile(r"[ \t]*[|•·][ \t]*\d")


def _publication_line(before: str, text: str, end: int) -> bool:
    """The outlet opening the line that dates the story ("Le Monde | 04.05.2015 à 13h36 • Mis
    à jour ..."): the page's own publisher, a source like a dateline's; ``before`` is the text
    before the name, which ends at ``end`` of ``text``."""
    return (not before or before.endswith("\n")) and _PUBLICATION_LINE_AFTER.match(
        text, end
    ) is not None


_QUOTE_INTRO_AFTER = re.compile(r"[ \t]*(?:…|\.\.\.|:)?[ \t]*\n")


def _introduces_a_quote(before: str, text: str, end: int) -> bool:
    """A line of its own that hands over to a quoted passage: "From the FT …", as a blog
    introduces what it quotes; ``before`` is the text before the name."""
    if not before.endswith(("From ", "From the ")):
        return False
    line_start = before.rfind("\n") + 1
    return (
        before[line_start:] in ("From ", "From the ")
        and _QUOTE_INTRO_AFTER.match(text, end) is not None
    )


def _where(part: str, start: int, lead_end: int) -> str:
    """Where an occurrence is: the title, the lead, or the rest of the body."""
    if part != "body":
        return part
    return "lead" if start < lead_end else "body"


def _lead_end(body: str) -> int:
    """Where the lead ends: after the first paragraph, extended while under _LEAD_WORDS words,
    that is after the paragraph of the _LEAD_WORDS-th word (paragraphs end at a blank line)."""
    words = paragraph_start = 0
    while (paragraph_end := body.find("\n\n", paragraph_start)) >= 0:
        words += len(body[paragraph_start:paragraph_end].split())
        if words >= _LEAD_WORDS:
            return paragraph_end + 2
        paragraph_start = paragraph_end + 2
    return len(body) + 2


def _merge_shortened(accepted: dict[str, _Found], parts: dict[str, str]) -> None:
    """An unknown company named in full once and shortened elsewhere ("New Media Investment
    Group" ... "New Media's chief executive") is one company, under its full name; so is one
    that shortens a known company named in the article ("Sierra Nevada" after "Sierra Nevada
    Corporation"; "Chesapeake" after "Chesapeake Energy", an old name of Expand Energy), or its
    owner's name ("Holden" in "Holden’s Foundation Seeds Inc.")."""
    unknown = [item for item in accepted.values() if item.entry is None]
    named = [item for item in accepted.values() if item.occurrences]
    for short in unknown:
        words = [_first_word(w) for w in short.name.split()]  # "St. Joe" as "St Joe"
        longer = [
            item
            for item in named
            if item is not short
            and any(_shortens(words, name) for name in _names_written(item, parts))
        ]
        if longer:
            target = max(longer, key=lambda item: len(item.name))
            at = {(part, start) for part, start, _, _ in target.occurrences}
            target.occurrences.extend(o for o in short.occurrences if (o[0], o[1]) not in at)
            short.occurrences = []  # the same mention read two ways is one piece of evidence


def _names_written(item: _Found, parts: dict[str, str]) -> set[str]:
    """A company's name and, when it is known, the names the article writes it with."""
    if item.entry is None:
        return {item.name}
    return {item.name, *(parts[part][start:end] for part, start, end, _ in item.occurrences)}


def _shortens(words: list[str], name: str) -> bool:
    """Whether ``words`` open ``name``; not the name of a group's company in a country
    ("Borg-Warner (Australia)"), which the group's own name does not shorten."""
    longer = name.split()
    return (
        len(longer) > len(words)
        and not name.endswith(")")
        and [_first_word(w) for w in longer[: len(words)]] == words
    )


def _add_repeats(accepted: dict[str, _Found], parts: dict[str, str], lead_end: int) -> None:
    """Unknown companies found by evidence once are counted wherever else they are named."""
    for item in accepted.values():
        if item.entry is not None or not item.occurrences:
            continue
        seen = {(part, start) for part, start, _, _ in item.occurrences}
        size = len(item.name)
        for part, text in parts.items():
            for start in _whole_word_at(text, item.name):
                if (part, start) in seen:
                    continue
                where = _where(part, start, lead_end)
                item.occurrences.append((part, start, start + size, where))


def _whole_word_at(text: str, name: str) -> Iterable[int]:
    """Where ``name`` is written as whole words (plain substring search: faster than a regular
    expression made for each name)."""
    index = text.find(name)
    while index >= 0:
        end = index + len(name)
        if (index and _in_word(text[index - 1])) or (end < len(text) and _in_word(text[end])):
            index = text.find(name, index + 1)
        else:
            yield index
            index = text.find(name, end)


def _in_word(char: str) -> bool:
    return char.isalnum() or char in "_&"


def _central(occurrences: Iterable[tuple[str, int, int, str]]) -> bool:
    """Some occurrence is in the title or the lead."""
    for _, _, _, where in occurrences:  # noqa: SIM110 -- a loop: no generator to set up
        if where != "body":
            return True
    return False


_UNIT_AFTER = re.compile(r"(?: [A-Z][\w&-]*){1,3}")
_UNIT_WORDS = frozenset(
    (*NAME_WORDS, "Company", "Bank", "Banking", "Services", "Solutions", "Airline", "Alliance",
     "Consulting", "Pharma", "Corp", "Corporation", "Inc", "Ltd", "Limited", "LLC",
     "USA", "America", "Americas", "Canada", "Europe", "UK", "India", "China", "Japan", "Kong",
     "Ratings")
)  # fmt: skip
"""Words a unit's name ends with after its company's ("Amazon Robotics", "Kotak Investment
Banking"): narrower than people.COMPANY_WORDS ("Digital", "Global" ...), which would read a
product's or a region's words as a unit."""


_TITLE_WORDS = frozenset({"Chief", "Executive", "Officer", "President", "Vice", "Head"})


def _unit_after(text: str, end: int) -> str:
    """The words of a company's unit after its known name, as the evidence shows them
    ("Amazon Robotics", "GE Energy Financial Services", "Kotak Investment Banking"), so that
    it says which part of the company the article names; "" when none."""
    unit = _UNIT_AFTER.match(text, end)
    if unit is None or text[:end].rsplit(None, 1)[-1] in _UNIT_WORDS:
        return ""  # "Huntington Ingalls Industries Newport News Shipbuilding": two names
    words = unit.group().split()
    if not _TITLE_WORDS.isdisjoint(words):
        return ""  # "Boeing Chief Financial Officer" is a person's title
    while words and words[-1] not in _UNIT_WORDS:
        words.pop()
    return f" {' '.join(words)}" if words else ""


def _detection(item: _Found, parts: dict[str, str]) -> Detection:
    occurrences = item.occurrences
    if len(occurrences) > 1:
        occurrences = sorted(occurrences, key=lambda o: (o[0] != "title", o[1]))
    known = item.entry is not None
    evidence = [
        _evidence(
            parts[part][start:end] + _unit_after(parts[part], end)
            if known and parts[part][end + 1 : end + 2].isupper()  # the cheap test first
            else parts[part][start:end],
            where,
            start,
        )
        for part, start, end, where in occurrences
    ]
    subject = len(evidence) >= _REPEATS_FOR_SUBJECT or _central(occurrences)
    confidence = 0.95 if known else 0.6
    if known and item.entry is not None and item.entry.ambiguous:
        confidence = 0.8
    reason = item.reasons[0] if item.reasons else "name"
    salience = SUBJECT if subject else MENTION
    return _new_detection(item.name, salience, known, confidence, reason, tuple(evidence))
