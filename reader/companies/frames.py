"""Phrases around a name that show it is a company, as news writes them everywhere: trade
("Get it at Zorbix for $20", "booked through Zorbix"), ownership ("acquired by Zorbix", "the
owner of the Daily Planet, the Gotham Gazette and ..."), company lists ("retailers such as
Zorbix and Quibblo"), jobs and analysts ("CEO at Zorbix", "analysts at Zorbix", "analysts
surveyed by Zorbix"), a company introduced after what it does ("The label that owns her music,
Zorbix, says") and a name right before the kind of product it makes ("a Zorbix sedan", "Zorbix
Nimbus 4K Smart HDTV for $499").

Every phrase is found from one scan of a single regular expression (see _ANCHOR); the words
before the anchor then say which frame it is, and the name is read right after (or before) it,
so the cost grows with the text and not with the number of frames. A frame is *strong* when it
is enough to propose an unknown name, *weak* ("on Amazon for $5") when it only decides a known
name that is also a word. Products decide known names by their sector (product_after)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from reader.companies.places import DEMONYMS, PLACES, STATES

_WORD = r"[\w&-]*(?:['’](?!s\b)[\w&-]+|\.[\w&-]+)*"
_JOIN = r"(?:&|\+|of|de|du|la|von|van)"
NAME = rf"(?:St\. |Mt\. )?[A-Z]{_WORD}(?:[ -]{_JOIN}?[ ]?[A-Z0-9]{_WORD}){{0,3}}"
"""Up to four capitalised words, perhaps joined by "&", "+" or "of": a proper name (as in
evidence.py, and "St. Martin's", "Alice + Olivia")."""

_NAME_HERE = re.compile(rf"(?:the\s+|(?P<the>The\s+))?(?P<name>{NAME})")
_CAPITALISED_NAME_HERE = re.compile(rf"(?P<name>{NAME})")
_NEXT_IN_LIST = re.compile(
    rf"(?:['’]s)?(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)(?:the\s+|(?P<the>The\s+))?"
    rf"(?P<name>{NAME})"
)
"""The next item of a list of names: "the Chicago Tribune, New York Daily News and ..."."""
_NAME_ENDS_HERE = re.compile(rf"(?P<name>{NAME})(?:\s+via\s+{NAME})?$")
_PREPOSITION_AND_NAME_HERE = re.compile(rf"\b(?P<prep>at|from|on|via) (?P<name>{NAME})$")

LEGAL_FORMS = (
    "Inc.", "Inc", "Incorporated", "Corp.", "Corp", "Corporation", "Ltd.", "Ltd", "Limited",
    "LLC", "L.L.C.", "LLP", "L.P.", "LP", "GmbH", "AG", "S.A.", "S.p.A.", "N.V.", "B.V.", "PLC",
    "plc", "Plc", "Sdn Bhd", "Sdn. Bhd.", "Bhd", "Bhd.", "Berhad", "A/S", "ASA", "Oyj", "SpA",
    "SA", "AB", "Co., Ltd.",
    "Co., Ltd", "Co.", "Co",
)  # fmt: skip
"""Legal forms after a company's name ("Acme Inc.", "Acme Co., Ltd.")."""
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

BUSINESS_PLURALS = frozenset(
    {"companies", "firms", "retailers", "customers", "newspapers",
     "publications", "chains", "carmakers", "automakers", "airlines", "carriers", "banks",
     "lenders", "insurers", "publishers", "studios", "labels", "startups", "start-ups",
     "sponsors", "advertisers", "suppliers", "manufacturers", "makers", "platforms",
     "stores", "brokerages", "developers", "giants", "conglomerates", "chipmakers",
     "drugmakers", "vendors", "exchanges", "operators", "corporations", "multinationals",
     "employers", "producers", "subsidiaries"}
)  # fmt: skip
"""Kinds of companies, in the plural: "retailers such as ..." lists companies (but not
"brands such as", as often products, "Goldfish, Kettle Chips and Pop Secret", nor
"rivals such as", which in sport lists clubs, "clients including", often people, nor "services
like", as often a protocol or a piece of software as a company)."""

ROLE_WORDS = (
    "startup", "start-up", "carmaker", "automaker", "chipmaker", "retailer", "lender", "insurer",
    "airline", "carrier", "manufacturer", "supplier", "conglomerate", "brokerage", "drugmaker",
    "biotech", "subsidiary", "company", "firm", "maker", "brand", "label", "chain", "operator",
    "provider", "platform", "service", "app", "developer", "publisher", "studio", "outfit",
    "brewer", "beermaker", "winemaker", "distiller", "bottler", "toymaker", "watchmaker",
    "planemaker", "phonemaker", "streamer", "broadcaster", "grocer", "miner", "telecom", "telco",
    "fintech", "utility", "e-tailer", "network", "marketplace", "lessor", "refiner",
    "shipbuilder", "steelmaker", "homebuilder", "wholesaler", "distributor", "consultancy",
    "insurtech", "proptech", "edtech", "medtech", "healthtech", "unicorn", "joint venture",
    "franchisee", "forwarder", "investment bank", "asset manager", "fund manager", "hedge fund",
    "franchisor", "dealership", "railroad", "trucker", "shipper", "exporter", "importer",
    "processor", "jeweler", "jeweller", "outfitter", "reinsurer", "credit union",
    *(f"{trade} group" for trade in (
        "auto", "media", "investment", "retail", "hotel", "restaurant", "insurance", "banking",
        "financial", "industrial", "mining", "luxury", "fashion", "food", "drinks", "beverage",
        "brewing", "technology", "tech", "telecoms", "healthcare", "publishing", "newspaper",
        "dealer", "engineering", "construction", "chemicals", "steel", "shipping", "travel",
        "energy", "utility", "property", "private equity",
    )),
)  # fmt: skip
"""A word that, right before a capitalised name, says what kind of company it is ("the startup
Zorbix", "ride-hailing company Grab", "record label Big Machine", "budget carrier Zorbix",
"auto group Tameron Gulf Coast"; a group of no trade may be a band or a charity)."""
_OPENING_ROLE_WORDS = (
    "Startup", "Start-up", "Carmaker", "Automaker", "Chipmaker", "Drugmaker", "Retailer",
    "Lender", "Insurer", "Conglomerate", "Brokerage", "Franchisee", "Lessor", "Brewer",
    "Bottler", "Toymaker", "Planemaker", "Fintech", "Biotech", "Operator", "Producer", "Parent",
    "Consultancy", "Subsidiary", "Supplier", "Manufacturer", "Miner", "Grocer",
)  # fmt: skip
_OPENING_ROLE_WORD = re.compile(
    rf"(?:{'|'.join(_OPENING_ROLE_WORDS)}) (?P<name>{NAME})(?= [a-z][a-z]+ )"
)
"""A kind of company that opens a line before a name, with the sentence going on in lower case:
"Franchisee CFRA Holdings closed all 49" (not a heading in title case: "Retailer Earnings
Preview"). Only at a line's start, where _role_words_after_break looks anyway: looked for after
every full stop, these words would cost more than a hundredth of all detection."""
ROLES = ("chief executive", "CEO", "chairman", "chairwoman", "co-founder", "founder")
_STAKES = ("stake", "stakes", "interest")
_INTEREST_KINDS = ("majority ", "minority ", "controlling ", "equity ", "ownership ")
"""A stake in a company: "a 20% stake in", "its majority interest in" (an "interest" of these
kinds only)."""
_STAKE_NAME_CLOSED = re.compile(
    r"(?=[,.;:)]| (?:for|in|from|and|last|this|earlier|on|at|over|after|with|to|via|—|–)\b"
    r"|[ \t]*\n|$)"
)
"""After the name a stake is in: the sentence goes on, so the name is the company's, not a
word before what is owned ("a stake in Haynesville shale midstream joint venture", "a stake
in Kylie Jenner's cosmetics company")."""
_OPENING_ROLES = frozenset({"shares", "investors", "customers", "employees", "subscribers"})
"""Roles of _ROLE_OF_ENDS that open sentences too, capitalised: "Shares of Acme fell",
"Investors in Acme include"."""
_ROLE_OF_ENDS = (
    *ROLES, "shares", "investors", "executive officer", "operating officer",
    "financial officer", "technology officer", "marketing officer", "customers", "employees",
    "subscribers", *_STAKES,
)  # fmt: skip
"""Before "of" or "in" and a name: "chief executive of Acme", "shares in Acme", "customers of
Acme", "a 20% stake in Acme", "its majority interest in Acme"."""
_ROLE_OF_ENDS_WRITTEN = (*_ROLE_OF_ENDS, *(role.capitalize() for role in _OPENING_ROLES))


def alternation(branches: dict[str, str]) -> str:
    """A regular expression that matches any of the words, each followed by its own pattern,
    written as a tree of their letters ("a(?:s|t)" for "as" and "at"): the engine then reads
    a few letters at each position instead of trying every word. Where one word starts
    another, the longer is tried first."""
    by_first: dict[str, dict[str, str]] = {}
    for word, tail in branches.items():
        by_first.setdefault(word[:1], {})[word[1:]] = tail
    options = []
    for first, rests in sorted(by_first.items()):
        if not first:
            continue
        end = rests.pop("", None)
        inner = [alternation(rests)] if rests else []
        if end is not None:
            inner.append(end)
        body = inner[0] if len(inner) == 1 else f"(?:{'|'.join(inner)})"
        options.append(re.escape(first) + body)
    return options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"


_HELD = ("publicly traded", "publicly listed", "privately held", "family-owned", "bankrupt")
"""Before a name, how a company is owned: "privately held Zorbix" (not "state-owned", said as
often of a broadcaster or an agency)."""
_ROLE_WORD_SET = frozenset((*ROLE_WORDS, *_HELD))
_PLURAL_ROLE_WORDS = (
    "companies", "firms", "startups", "start-ups", "retailers", "carmakers", "automakers",
    "chipmakers", "drugmakers", "lenders", "insurers", "airlines", "carriers", "publishers",
    "brewers", "grocers", "conglomerates", "operators", "suppliers", "manufacturers",
)  # fmt: skip
"""A kind of company in the plural, right before the names of some ("delivery firms ADL
Delivery and Capital Express", "automakers Toyota and Honda"): narrower than BUSINESS_PLURALS,
which a list word follows ("customers include ..."), as "customers" or "platforms" right before
a name are as often people or products."""
_LISTED_ON = (
    "NYSE", "Nasdaq", "NASDAQ", "LSE", "AIM", "ASX", "TSX", "TSXV", "HKEX", "SGX", "JSE",
    "U.S.", "US", "Hong Kong", "London", "New York", "Shanghai", "Shenzhen", "Tokyo", "Seoul",
    "Frankfurt", "Paris", "Amsterdam", "Zurich", "Stockholm", "Oslo", "Toronto", "Sydney",
    "Mumbai", "Singapore", "Taipei", "Tel Aviv", "Johannesburg", "Sao Paulo", "Madrid", "Milan",
    "dual", "publicly", "privately",
)  # fmt: skip
"""Before "-listed" and a company: where its shares trade ("Nasdaq-listed Zorbix", "Hong
Kong-listed Zorbix"), not a heritage list ("UNESCO-listed Old Town")."""
_SHOPS = ("Showroom", "Boutique", "Dealership")
"""After a name: the brand's own shop ("the Flos Showroom")."""
_BEFORE_NAME = r"(?= (?:[A-Z]|[Tt]he [A-Z]))"
_PREPOSITIONS = (
    "at", "on", "from", "via", "through", "by", "of", "in", "as", "including", "like",
    "especially", "notably", "owns", "now:", "include", "includes", "with",
)  # fmt: skip
_OWN_BUSINESSES = (
    "company", "business", "firm", "startup", "start-up", "agency", "studio", "label",
    "consultancy", "venture", "chain", "subsidiary", "franchisee", "forwarder", "retailer",
    "carrier", "manufacturer", "supplier", "lender", "insurer", "distributor", "wholesaler",
    "brokerage",
)  # fmt: skip
"""Before a comma and a name, someone's own business or one the text points to ("my business,
Zorbix Design.", "The venture, XSemi,")."""


@dataclass(frozen=True, slots=True)
class _Before:
    """A phrase that ends right before an anchor: the words it may end with (a test in C that
    rules out nearly every anchor) and then the pattern itself, read in the 60 characters
    before, or in as many as the longest phrase it matches (``reach``): the engine tries the
    pattern at every one of them."""

    endings: tuple[str, ...]
    pattern: re.Pattern[str]
    reach: int = 60

    def ends(self, text: str, index: int) -> bool:
        return (
            text.endswith(self.endings, 0, index)
            and self.pattern.search(text, max(0, index - self.reach), index) is not None
        )


_PRICE = r"\$\d[\d,]*(?:\.\d\d)?"
_DIGITS = tuple("0123456789")
_SHOP = _Before(
    ("it", "them", "one", "this", "these", "now", "here", "today", "vailable", "old", "elling",
     "etail", "etails", "stock", "sale", "exclusively", "only", "online", *_DIGITS),
    re.compile(
        r"(?:\b(?:[Gg]et|[Bb]uy|[Ss]hop|[Ss]ee|[Oo]rder|[Gg]rab) (?:it|them|one|this|these)"
        r"(?: now| here| today)?|\b(?:[Aa]vailable|[Ss]old|[Ss]elling|[Rr]etails?|[Ii]n stock"
        rf"|[Oo]n sale)(?: exclusively| now| only| today| online)?|{_PRICE})$"
    ),
)  # fmt: skip
"""Before "at", "from" or "via": "Get it at", "available from", "$139 at"."""
_SHOP_ON = _Before(
    ("it", "them", "one", *_DIGITS), re.compile(rf"(?:\b[Gg]et (?:it|them|one)|{_PRICE})$")
)
"""Before "on": "Get it on", "$200 on" (weak: "on Steam", "on Blu-ray" are not shops)."""
_THROUGH = _Before(
    ("ook", "ooked", "ooking", "ooks", "rder", "rdered", "rdering", "rders", "ought", "urchased",
     "eserved", "ickets", "ticket", "their", "your", "my", "our", "his", "her", "the", "seat",
     "seats", "room", "rooms", "it", "them", "online", "are", "is", "go", "on", "sale",
     "available"),
    re.compile(
        r"\b(?:[Bb]ook(?:ed|ing|s)?|[Oo]rder(?:ed|ing|s)?|[Bb]ought|[Pp]urchased|[Rr]eserved"
        r"|[Tt]ickets)(?: (?:their|your|my|our|his|her|the|tickets?|seats?|rooms?|it|them"
        r"|online|are|is|go|on|sale|available)){0,4}$"
    ),
    reach=49,
)  # fmt: skip
"""Before "through" or "via": "booked their tickets through", "Tickets are available via"."""
_JOB = _Before(
    ("CEO", "CFO", "COO", "CTO", "xecutive", "ounder", "nalyst", "nalysts", "trategist",
     "trategists", "conomist", "conomists", "xecutives", "mployees", "anager", "anagers",
     "irector", "irectors", "artner", "artners", "resident", "fficer"),
    re.compile(
        r"\b(?:CEO|CFO|COO|CTO|[Cc]hief [Ee]xecutive|[Cc]o-?[Ff]ounder|[Ff]ounder|[Aa]nalysts?"
        r"|[Vv]ice[- ][Pp]resident|[Cc]hief(?: [A-Za-z-]{1,20}){1,2} [Oo]fficer"
        r"|[Ss]trategists?|[Ee]conomists?|[Ee]xecutives?|[Ee]mployees"
        r"|(?:[Pp]ortfolio|[Ff]und) [Mm]anagers?|[Mm]anaging [Dd]irectors?"
        r"|(?:[Gg]eneral|[Mm]anaging|[Ss]enior) [Pp]artners?)$"
    ),
    reach=56,
)  # fmt: skip
"""Before "at": "CEO at", "analysts at", "portfolio manager at", "managing director at",
"chief development officer at" (not any officer: "a police officer at")."""
_HEAD_OF = re.compile(
    r"\b(?:[Hh]ead of [A-Z][\w&]*(?: [A-Z][\w&]*){0,3}"
    r"|, (?:head|director|(?:senior |executive )?vice[- ]president|manager) of(?: [\w&-]+){1,4})$"
)


def _head_of_before(text: str, index: int) -> bool:
    """Before "at": "Head of Fundamental Research at", "Jane Doe, vice-president of marketing
    and sales at" (its words first looked for in C)."""
    start = max(0, index - 60)
    if text.find(" of ", start, index) < 0:
        return False
    return _HEAD_OF.search(text, start, index) is not None


_ACQUIRED_BY = _Before(
    ("cquired", "aken over", "anufactured", "perated", "year", *MONTHS),
    re.compile(
        r"\b(?:[Aa]cquired|[Tt]aken over|[Mm]anufactured|[Oo]perated)"
        r"(?: (?:in|last|this) (?:year|[A-Z][a-z]{2,8}))?$"
    ),
    reach=30,
)
"""Before "by": "acquired by", "manufactured by", "operated by" (but not "bought by" nor "made
by", which people are as often as companies)."""
_SURVEYED_BY = _Before(
    ("urveyed", "olled"),
    re.compile(r"\b(?:[Aa]nalysts|[Ee]conomists|[Ss]trategists) (?:surveyed|polled)$"),
    reach=20,
)
"""Before "by": "analysts surveyed by" a data company (a news agency's poll is a citation)."""
_PART_OF = _Before(
    ("ubsidiary", "ivision", "unit", "cquisition", "cquisitions", "akeover", "uyout"),
    re.compile(r"\b(?:subsidiary|division|unit|[Aa]cquisitions?|[Tt]akeover|[Bb]uyout)$"),
    reach=12,
)
_PURCHASE_OF = _Before(("urchase",), re.compile(r"\b[Pp]urchase$"), reach=9)
"""Before "of": "the purchase of Avanti Commerce will bring ..." (see _a_business_bought)."""
_SENTENCE_GOES_ON = re.compile(
    r"(?:'s|’s)?(?:[,.;:)]| (?:will|would|is|was|has|had|for|by|in|from|and|gives|gave|brings"
    r"|brought|adds|added|last|this|earlier|on|at|over|after|with|—|–)\b|$)"
)
_OWNER_OF = _Before(
    ("owner", "owners", "parent", "shareholder", "shareholders"),
    re.compile(r"\b(?:owners?|parent|shareholders?)$"),
    reach=12,
)
_OWNS = _Before(
    ("which", "that", "who", "also", "now", "still"),
    re.compile(r"\b(?:which|that|who)(?: also| now| still)?$"),
    reach=11,
)
_LIST_WORDS = frozenset({"including", "like", "especially", "notably", "include", "includes"})
"""Before a list of names, after a kind of company: "retailers including", "Its customers
include Walmart and Target"."""
_WHICH_WAS_BOUGHT = re.compile(
    r"(?:(?:it|we|they|the company|the firm|the group) (?:had )?(?:acquired|bought|purchased)"
    r"|(?:was|had been|has been|is|were) (?:\w+ )?(?:acquired|bought|purchased|owned)(?= by))\b"
)
"""After ", which": "Meetup, which it acquired", "Tor, which had been recently acquired by"."""
_WHICH_TRADES = re.compile(
    r"(?:also |now |still )?(?:makes|manufactures|produces|sells|designs|distributes|supplies"
    r"|markets|develops|(?:is|was) developing|speciali[sz]es in"
    r"|(?:operates|operated|owns|owned|runs|ran)"
    r" (?:more than |about |nearly |some )?\d[\d,]* (?:[\w-]+ )?(?:stores|restaurants|hotels"
    r"|locations|plants|mills|casinos|dealerships|outlets|clinics|newspapers|theaters|theatres"
    r"|gyms|franchises|(?:radio|television|TV|gas) stations))\b"
)
"""After ", which": what a company does ("Stellar Pizza, which makes pizza using robotics",
"High Plains Radio Network, which operated 18 radio stations"); not what public bodies do too
("the MTA, which runs the buses", "which runs 472 subway stations")."""
_COMPANY_NOUN = _Before(
    ("company", "firm", "group", "label", "startup", "business", "chain", "retailer",
     "publisher", "studio", "maker", "brand", "carrier", "airline", "bank", "lender",
     "developer", "operator"),
    re.compile(
        r"\b[Tt]he (?:company|firm|group|label|startup|business|chain|retailer|publisher|studio"
        r"|maker|brand|carrier|airline|bank|lender|developer|operator)$"
    ),
    reach=13,
)  # fmt: skip
_TRADE_VERB = re.compile(
    r"(?:\w+ )?(?:owns|owned|runs|ran|makes|made|sells|sold|operates|operated|bought|acquired"
    r"|publishes|published|manufactures|produces|controls|built|builds|develops|developed)\b"
)
"""After "The group that": what a company does ("owns most of her music"); a group that
"organised the protest" or "sang the hit" is not one."""
_CLAUSE_THEN_NAME = re.compile(r"[^,.;:!?\n]{3,80}?, (?=[A-Z])")
"""After "The company that": the clause, then the name ("runs the AMAs, Dick Clark ...")."""


class Frame(NamedTuple):
    """A name (as written, at ``start``:``end`` of the text) that a phrase shows to be a
    company, and which phrase. A named tuple: made for every name read, it costs a fraction
    of a frozen dataclass."""

    name: str
    start: int
    end: int
    reason: str
    strong: bool  # enough to propose an unknown name; else it only decides a known one
    trade: bool = False  # the name is bought, owned or listed: a news outlet counts too
    read_loosely: bool = False  # may start with words that are not the name's ("The", "Shares of")
    after_preposition: bool = False  # read right after "at", "by", "of" ...: "at American Tower"


_ANALYSTS_WITH = (" analyst", " analysts", " economist", " strategist", " researcher")
"""Before "with" and a name: "Robert Stallard, analyst with Vertical Research Partners"."""
_MERGERS_WITH = (
    " merger", " merge", " merged", " merging", " combination", " tie-up", "-unit agreement",
    " franchise agreement", " development agreement", " licensing agreement",
    " supply agreement", " distribution agreement",
)  # fmt: skip
"""Before "with" and a name: "the planned merger with Gold X", "agreed to merge with Zorbix",
"inked a 25-unit agreement with Mid-Atlantic Restaurant Group" (agreements of trade: a plain
"agreement with" is as often with a union, a country or a city)."""
_KINDS_CALLED = (
    " company", " firm", " startup", " start-up", " business", " brand", " chain", " label",
    " venture", " studio", " agency", " retailer", " subsidiary", " entity", " outfit",
    " consultancy", " fund", " manufacturer", " supplier",
)  # fmt: skip
"""Before "called", "named" or "dubbed" and a name: "a company called Cinergy" (not "a
developer named" nor "a filmmaker named": people as often)."""
_INDEFINITE_KIND_BEFORE = re.compile(r"\b(?:[Aa]n?|[Nn]ew)(?: [\w-]+){0,3}$")
"""Before the kind: "a", "an" or "new" ("a new venture named Zorbix"), not "the company named
Jane Doe its chief executive"."""
_GATES: dict[str, tuple[str, ...]] = {
    "in": _ROLE_OF_ENDS,
    "of": (*_ROLE_OF_ENDS, *_PART_OF.endings, *_PURCHASE_OF.endings, *_OWNER_OF.endings),
    "on": _SHOP_ON.endings,
    "from": _SHOP.endings,
    "as": (" such",),
    "by": (*_ACQUIRED_BY.endings, *_SURVEYED_BY.endings, " brought to you"),
    "owns": _OWNS.endings,
    "which": (",", *_COMPANY_NOUN.endings),
    "that": (",", *_COMPANY_NOUN.endings),
    **dict.fromkeys(("called", "named", "dubbed"), _KINDS_CALLED),
    "with": (*_ANALYSTS_WITH, *_MERGERS_WITH),
}
"""For the commonest anchors, every way the text before them can end in some frame. _ANCHOR
reads them as lookbehinds, so that nearly all of the "in", "of", "on", "that" of running text
(a dozen anchors an article) never reach Python. Each tuple holds every ending its frames
below accept."""


def _gated(word: str, tail: str) -> str:
    """An anchor's pattern after its word: its tail, then, for a word of _GATES, one of the
    endings its frames accept right before it."""
    endings = _GATES.get(word)
    if endings is None:
        return tail
    before = "|".join(
        _lookbehind(f"{ending} {word}", either_case=ending in _OPENING_ROLES) for ending in endings
    )
    return f"{tail}(?:{before})"


def _lookbehind(phrase: str, either_case: bool) -> str:
    """A lookbehind for the phrase; with ``either_case``, its first letter in either case (one
    lookbehind for "shares of" and "Shares of")."""
    if not either_case:
        return f"(?<={re.escape(phrase)})"
    return f"(?<=[{phrase[0].upper()}{phrase[0]}]{re.escape(phrase[1:])})"


_ANCHOR_WORDS = {
    **dict.fromkeys(_PREPOSITIONS, _BEFORE_NAME),
    "for $": r"\d",
    "offering ": "",
    "post": r"\b",
    "which": "(?= )",
    "that": "(?= )",
    **dict.fromkeys(_SHOPS, r"\b"),
    **dict.fromkeys((*ROLE_WORDS, *_HELD), "(?= [A-Z])"),
    **dict.fromkeys(_PLURAL_ROLE_WORDS, "(?= [A-Z])"),
    **dict.fromkeys((f"{noun}," for noun in _OWN_BUSINESSES), "(?= [A-Z])"),
    **dict.fromkeys(("called", "named", "dubbed"), "(?= [A-Z])"),
}
"""The words of _ANCHOR, each with what must come after it."""
_ANCHOR = re.compile(
    " " + alternation({word: _gated(word, tail) for word, tail in _ANCHOR_WORDS.items()})
)
"""Where a frame may be: a preposition before a capitalised word, a price, "offering", "post",
"which" and "that". Every branch starts with a space, a literal the engine skips to, and leaves
the space after it to the next anchor ("which owns the ..."); what comes before the anchor
then says which frame it is, if any (for the words of _GATES, the engine has already ruled
out most)."""


def frames(text: str) -> Iterator[Frame]:
    """The names that phrases around them show to be companies."""
    for match in _ANCHOR.finditer(text):
        start = match.start()
        word = match.group()[1:]
        if word.startswith("for $"):
            yield from _seller_before_price(text, start)
            yield from _deal_brand(text, start)
        elif word == "offering ":
            yield from _offering(text, start, match.end())
        elif word == "post":
            yield from _platform_post(text, start)
        elif word in ("which", "that"):
            yield from _clause(text, start, match.end() + 1)
        elif word in ("called", "named", "dubbed"):
            yield from _kind_called(text, start, match.end() + 1)
        elif word.endswith(","):
            yield from _own_business(text, start, match.end() + 1)
        elif word in _SHOPS:
            yield from _shop_of(text, start)
        elif word in _ROLE_WORD_SET:
            yield from _after_role_word(text, start, match.end() + 1)
        elif word in _PLURAL_ROLE_WORD_SET:
            yield from _after_plural_role_word(text, start, match.end() + 1)
        else:
            yield from _after_preposition(text, word, start, match.end() + 1)
    for match in _role_words_after_break(text):
        if text[match.start() + 1].isupper():
            yield from _after_opening_role_word(text, match.start() + 1)
        else:
            yield from _after_role_word(text, match.start() + 1, match.end() + 1)
    if text.startswith(_OPENING_ROLE_WORDS):
        yield from _after_opening_role_word(text, 0)
    if text[:1].islower() and (first := _ROLE_WORD_HERE.match(text)) is not None:
        yield from _after_role_word(text, 0, first.end() + 1)
    index = text.find("-listed ")
    while index >= 0:
        if text[index + 8 : index + 9].isupper() and text.endswith(_LISTED_ON, 0, index):
            yield from _after_role_word(text, index, index + 8)
        index = text.find("-listed ", index + 1)
    index = text.find("-based ")
    while index >= 0:
        if (
            text[index + 7 : index + 8].isupper()
            and _a_place_before(text, index)
            and not _a_trade_of_the_kind_after(text, index + 7)
            and not _a_public_body_after(text, index + 7)
        ):
            yield from _after_role_word(text, index, index + 7)  # "Denver-based GCC of America"
        index = text.find("-based ", index + 1)
    index = text.find(": ")
    while index >= 0:
        if text[index + 2 : index + 3].isupper() and _kinds_of_company_lead_to(text, index):
            yield from _listed_after(text, index + 2, "listed as companies")
        index = text.find(": ", index + 1)


_OWNER_OR_ARTICLE_BEFORE = re.compile(
    r"\b(?:[Mm]y|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Aa]nother|[Aa]n?|[Tt]he|[Tt]hat|[Tt]his)"
    r"(?: (?!the\b|of\b|for\b|to\b|with\b|in\b|at\b|by\b)[\w-]+){0,4}$"
)
_CLOSED_NAME_HERE = re.compile(rf"(?P<the>)(?P<name>{NAME})(?=[,.;)]| and | which | where |$)")


def _own_business(text: str, start: int, end: int) -> Iterator[Frame]:
    """Someone's own business, or a business of some kind, named after it: "my design and
    marketing business, Zurek Design.", "another medical marijuana company, MedReleaf.", "The
    venture, XSemi, will", "That chain, ChaPanda, which" (the name closed by punctuation or a
    clause, so that "his company, Zorbix Chief Jane Doe ..." is not read as a name)."""
    if text.endswith("aircraft", 0, start):
        return  # "Drew's trip to an aircraft carrier, Ridiculous Fishing, ..."
    if _OWNER_OR_ARTICLE_BEFORE.search(text, max(0, start - 50), start) is None:
        return
    found = _CLOSED_NAME_HERE.match(text, end)
    if found is not None:
        frame = _frame(text, found, "described as a company", True)
        if frame is not None:
            yield frame


def _a_trade_of_the_kind_after(text: str, start: int) -> bool:
    """The capitalised word at ``start`` names the trade of a kind of company after it
    ("Toronto-based AI chip startup Tenstorrent"): the company is named later."""
    space = text.find(" ", start)
    return space >= 0 and _KIND_AFTER_A_WORD.match(text, space) is not None


_PUBLIC_BODY_WORDS = re.compile(
    r"\b(?:Hospital|University|College|School|Institute|Medical Center|Health System|Museum"
    r"|Foundation|Department|Agency|Commission|Council|Authority|Society|Association)\b"
)
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.-]*(?:,? (?:(?:and|of|&|for) )?[A-Z][\w'’.-]*)*")


def _a_public_body_after(text: str, index: int) -> bool:
    """After "Boston-based", a hospital, a university or another body, however long its name
    ("Beth Israel Deaconess Medical Center", "Brigham and Women's Hospital")."""
    run = _CAPITALISED_RUN.match(text, index)
    return run is not None and _PUBLIC_BODY_WORDS.search(run.group()) is not None


def _a_place_before(text: str, index: int) -> bool:
    """A country, a big city or a state before "-based" ("Denver-based", "San
    Francisco-based"), not a technology ("Intel-based MacBooks", "RSS-based")."""
    words = text[max(0, index - 30) : index].split()
    return bool(words) and (
        words[-1] in PLACES
        or words[-1] in STATES
        or words[-1] in DEMONYMS
        or " ".join(words[-2:]) in PLACES
    )


def _kinds_of_company_lead_to(text: str, colon: int) -> bool:
    """The clause before a colon names a kind of company in the plural ("the nine companies
    NASA selected a year ago: Astrobotic, Draper and ..."), but not in a quotation's or a
    heading's words: only the clause's own sentence is read."""
    start = max(text.rfind(". ", 0, colon), text.rfind("\n", 0, colon), colon - 120, 0)
    words = text[start:colon].split()[-8:]
    return any(word.strip("(),").lower() in _COMPANY_PLURALS for word in words)


_COMPANY_PLURALS = frozenset(
    {"companies", "firms", "startups", "start-ups", "retailers", "carmakers", "automakers",
     "airlines", "banks", "lenders", "insurers", "brands", "chains", "chipmakers", "drugmakers",
     "manufacturers", "suppliers", "vendors", "conglomerates", "publishers", "brokerages"}
)  # fmt: skip
"""The plurals that name only companies (not "developers", "operators" or "publications",
which before a colon introduce people, symbols or a book's details as often)."""


_ROLE_WORD_HERE = re.compile(alternation(dict.fromkeys(ROLE_WORDS, "(?= [A-Z])")))
_KIND_AFTER_A_WORD = re.compile(rf"(?: [a-z][\w-]*)? {_ROLE_WORD_HERE.pattern}")
"""After a word: a kind of company, for which that word was a trade ("Toronto-based AI chip
startup Tenstorrent")."""
_ROLE_OR_OPENING_ROLE_WORD_HERE = alternation(
    dict.fromkeys((*ROLE_WORDS, *_OPENING_ROLE_WORDS), "(?= [A-Z])")
)
_BREAK_MARKS = "\n(“\"‘'/"
"""A line break, an opening bracket or quote, or a slash: a role word may follow right after."""


@functools.cache
def _role_word_after(mark: str) -> re.Pattern[str]:
    """A role word right after ``mark`` (after a line break also one that opens the line:
    _OPENING_ROLE_WORD); made the first time a text has the mark."""
    if mark == "\n":
        return re.compile("\n" + _ROLE_OR_OPENING_ROLE_WORD_HERE)
    return re.compile(re.escape(mark) + _ROLE_WORD_HERE.pattern)


def _role_words_after_break(text: str) -> list[re.Match[str]]:
    """A role word at the start of a line or after an opening bracket or quote ("Silicon Valley
    \nfirm Benchmark"): the anchors above all start with a space. Each mark is looked for on
    its own, and only in a text that has it: an expression that starts with one character
    skips through a text many times as fast as one that starts with a class of them. No two
    matches overlap (a role word holds no mark), so in order they are the matches of one
    expression for all the marks."""
    matches = [
        match
        for mark in _BREAK_MARKS
        if mark in text
        for match in _role_word_after(mark).finditer(text)
    ]
    if len(matches) > 1:
        matches.sort(key=lambda match: match.start())
    return matches


def _after_opening_role_word(text: str, start: int) -> Iterator[Frame]:
    """ "Franchisee CFRA Holdings closed ...": see _OPENING_ROLE_WORD."""
    found = _OPENING_ROLE_WORD.match(text, start)
    if found is not None:
        name = found.group("name")
        yield Frame(name, found.start("name"), found.end("name"), "described as a company", True)


def _shop_of(text: str, index: int) -> Iterator[Frame]:
    """ "the Flos Showroom", "the Chanel Boutique": a brand's own shop."""
    found = _NAME_ENDS_HERE.search(text, max(0, index - 80), index)
    if found is not None:
        yield Frame(found.group("name"), found.start("name"), found.end("name"), "shop", True)


_PRODUCT_ROLE_WORDS = ("app", "platform", "service")
_OWNER_WORDS = frozenset({"my", "his", "her", "their", "our", "your"})


_KINDS_AFTER = tuple(
    f" {kind}"
    for kind in ("companies", "firms", "businesses", "startups", "start-ups", "stocks", "brands",
                 "providers", "vendors", "players", "makers")
)  # fmt: skip
"""After a capitalised word, what makes it a kind of company, not one: "publicly traded SaaS
companies", "privately held Chinese firms"."""


def _after_role_word(text: str, start: int, end: int) -> Iterator[Frame]:
    """ "the startup Zorbix", "ride-hailing company Grab" (but not an "aircraft carrier", nor
    someone's own app: "his content-blocking app Peace" is a product)."""
    if text.endswith("aircraft", 0, start):
        return
    if text[start:end].strip() in _PRODUCT_ROLE_WORDS and not _OWNER_WORDS.isdisjoint(
        text[max(0, start - 40) : start].lower().split()[-3:]
    ):
        return
    found = _CAPITALISED_NAME_HERE.match(text, end)
    if (
        found is not None
        and not text.startswith(_KINDS_AFTER, found.end())
        and _WHO_AFTER.match(text, found.end()) is None
    ):
        name = found.group("name")
        yield Frame(name, found.start(), found.end(), "described as a company", True, False, True)


_PLURAL_ROLE_WORD_SET = frozenset(_PLURAL_ROLE_WORDS)
_LIST_ENDS = re.compile(r"[,.;:)]|\s+[a-z]|\s*$")


def _after_plural_role_word(text: str, start: int, end: int) -> Iterator[Frame]:
    """ "delivery firms ADL Delivery and Capital Express in 2022": the names listed after a
    kind of company in the plural, in a sentence (a lower-case word before the kind), when the
    list is closed by punctuation or a lower-case word."""
    before = text[max(0, start - 20) : start].rsplit(None, 1)
    if not before or not before[-1][:1].islower():
        return
    frames = list(_listed_after(text, end, "listed as companies"))
    if frames and _LIST_ENDS.match(text, frames[-1].end):
        yield from frames


_STATE_BASED_AFTER = re.compile(r",(?: [A-Z][\w.]*){1,3}-based (?=[A-Z])")
"""After a town: its state and "-based", then the company ("shares of Ponte Vedra,
Florida-based Advanced Disposal")."""


def _role_of(text: str, start: int, end: int) -> Iterator[Frame]:
    """ "chief executive of Acme", "shares in Acme": a role or a stake that only a company
    has (read as the name's words allow: "CEO of The Acme Group")."""
    for role in _ROLE_OF_ENDS:
        phrase_start = start - len(role)
        if text.startswith(role, phrase_start) or (
            role in _OPENING_ROLES and text.startswith(role.capitalize(), phrase_start)
        ):
            if phrase_start and text[phrase_start - 1].isalnum():
                return
            if role == "interest" and not text.endswith(_INTEREST_KINDS, 0, phrase_start):
                return
            found = _CAPITALISED_NAME_HERE.match(text, end)
            if found is not None:
                based = _STATE_BASED_AFTER.match(text, found.end())
                if based is not None:  # the town was the company's, not the company
                    found = _CAPITALISED_NAME_HERE.match(text, based.end())
            if found is not None and (
                role not in _STAKES or _STAKE_NAME_CLOSED.match(text, found.end())
            ):
                name = found.group("name")
                yield Frame(
                    name, found.start(), found.end(), "company role", True, False, True, True
                )
            return


def _after_preposition(text: str, word: str, start: int, end: int) -> Iterator[Frame]:
    """A preposition before a name: what precedes it says whether the name is a shop, an
    owner, an employer or one of a list of companies."""
    if word in ("of", "in") and text.endswith(_ROLE_OF_ENDS_WRITTEN, 0, start):
        yield from _role_of(text, start, end)
    elif word in ("at", "from", "via") and _SHOP.ends(text, start):
        yield from _after(text, end, "sold at", strong=True)
    elif word == "on" and _SHOP_ON.ends(text, start):
        yield from _after(text, end, "sold at", strong=False)
    elif word == "now:" and text.endswith(("ee it", "uy it", "hop it"), 0, start):
        yield from _after(text, end, "sold at", strong=True)
    elif word in ("via", "through") and (
        _THROUGH.ends(text, start) or _on_sale_before(text, start)
    ):
        yield from _after(text, end, "sold through", strong=True)
    elif word == "with" and text.endswith(_MERGERS_WITH, 0, start):
        yield from _after(text, end, "merger", strong=True)
    elif word == "with" or (  # the gate let only "analyst with" ... through
        word == "at" and (_JOB.ends(text, start) or _head_of_before(text, start))
    ):
        yield from _after(text, end, "company role", strong=True)
    elif word == "by" and _ACQUIRED_BY.ends(text, start):
        yield from _after(text, end, "ownership", strong=True, trade=True)
    elif word == "by" and _SURVEYED_BY.ends(text, start):
        yield from _after(text, end, "company role", strong=True)
    elif word == "by" and text.endswith(" brought to you", 0, start):
        yield from _after(text, end, "sponsor", strong=True)
    elif word == "of" and _PART_OF.ends(text, start):
        yield from _after(text, end, "ownership", strong=True, trade=True)
    elif word == "of" and _PURCHASE_OF.ends(text, start):
        yield from _a_business_bought(text, end)
    elif (word == "of" and _OWNER_OF.ends(text, start)) or (
        word == "owns" and _OWNS.ends(text, start)
    ):
        yield from _listed_after(text, end, "ownership")
    elif (
        word in _LIST_WORDS or (word == "as" and text.endswith(" such", 0, start))
    ) and _kind_of_company_before(text, start):
        yield from _listed_after(text, end, "listed as companies")


def _a_business_bought(text: str, end: int) -> Iterator[Frame]:
    """What a purchase is of: a company when the sentence goes on after its name, not a thing
    ("the purchase of Treasury bonds", "Facebook's purchase of the Oculus Rift")."""
    if text.startswith(("the ", "The "), end):
        return
    for frame in _after(text, end, "ownership", strong=True, trade=True):
        if _SENTENCE_GOES_ON.match(text, frame.end):
            yield frame


def _kind_called(text: str, start: int, end: int) -> Iterator[Frame]:
    """ "a company called Cinergy", "a new startup dubbed Zorbix" (the kind is right before
    the anchor: _GATES made sure of it)."""
    kind_start = text.rfind(" ", 0, start)
    if _INDEFINITE_KIND_BEFORE.search(text, max(0, kind_start - 40), max(kind_start, 0)):
        yield from _after(text, end, "described as a company", strong=True)


def _on_sale_before(text: str, index: int) -> bool:
    """ "Tickets go on sale Friday at 10 a.m. via Live Nation": "on sale" earlier in the line."""
    line_start = text.rfind("\n", max(0, index - 100), index) + 1
    return "on sale" in text[max(line_start, index - 100) : index]


def _clause(text: str, start: int, end: int) -> Iterator[Frame]:
    """ "Meetup, which it acquired", "Tor, which was acquired by St. Martin's" and "The company
    that runs the AMAs, Dick Clark Productions, denies"."""
    if text.startswith(", which ", start - 1):
        if _WHICH_TRADES.match(text, end) is not None:
            yield from _name_before(text, start - 1, "described as a company")
            return
        bought = _WHICH_WAS_BOUGHT.match(text, end)
        if bought is not None:
            yield from _name_before(text, start - 1, "ownership")
            if text.startswith(" by ", bought.end()) and bought.group().endswith("acquired"):
                yield from _after(text, bought.end() + 4, "ownership", strong=True, trade=True)
    elif _COMPANY_NOUN.ends(text, start):
        clause = _CLAUSE_THEN_NAME.match(text, end)
        if clause is not None and (
            not text.endswith("group", 0, start) or _TRADE_VERB.match(text, end) is not None
        ):
            yield from _described(text, clause.end())


_WRAPPED = re.compile(r"[ ]*\n[ ]*[A-Z]")


REUTERS_CODE = re.compile(r"\d{3,6}\.[A-Z]{1,2}")
"""A Reuters code after a name ("CATL 300750.SZ"): not a word of the name."""
WHERE_BASED = ("-based", "-headquartered")
"""Where a company is, as the word before its name ends ("Ohio-based", "Neb.-headquartered")."""
_LEGAL_ENDINGS = frozenset(form.rstrip(".") for form in LEGAL_FORMS if " " not in form)
"""The one-word legal forms as a name read here ends with them (without the full stop)."""
_TITLES = frozenset({"CEO", "Chairman", "Chairwoman", "President", "Founder", "Chief", "Mr."})
_WHO_AFTER = re.compile(r",? who\b")


def _frame(
    text: str, found: re.Match[str], reason: str, strong: bool, trade: bool = False
) -> Frame | None:
    """The frame of a name read after its phrase. A capitalised "The" in mid-sentence before a
    one-word name is part of it ("the former owner of The Times"); none when that name goes on
    past a line break ("The Washington\nPost"), where it cannot be read whole."""
    start = found.start("name")
    name = found.group("name")
    head, _, last = name.rpartition(" ")
    if head and (last in _LEGAL_ENDINGS or REUTERS_CODE.fullmatch(last)):
        name = head  # "its parent company, American Tissue Inc., filed", "CATL 300750.SZ"
    first, space, rest = name.partition(" ")
    if first.endswith(WHERE_BASED) and not space:
        return None  # "the acquisition of Ohio-based truckload carrier ...": a place
    if first in _TITLES or _WHO_AFTER.match(text, found.end("name")):
        return None  # "acquired by CEO Alan Kestenbaum", "franchisee Buck Harris, who will"
    if first.endswith(WHERE_BASED) and space:  # "Nanjing-based X-Epic": where, then the name
        start += len(first) + 1
        name = rest
    elif found.group("the") and " " not in name:
        if _WRAPPED.match(text, found.end("name")):
            return None
        start = found.start("the")
        name = f"The {name}"
    return Frame(name, start, found.end("name"), reason, strong, trade)


def _after(
    text: str, index: int, reason: str, *, strong: bool, trade: bool = False
) -> Iterator[Frame]:
    found = _NAME_HERE.match(text, index)
    if found is not None and (based := _STATE_BASED_AFTER.match(text, found.end())):
        found = _NAME_HERE.match(text, based.end())  # "acquired Greenville, South
        # Carolina-based Dedicated Transport Solutions": the town was the company's
    frame = None if found is None else _frame(text, found, reason, strong, trade)
    if frame is not None:
        yield frame


def _listed_after(text: str, index: int, reason: str) -> Iterator[Frame]:
    """The name after the phrase and every name listed with it ("X, Y and Z")."""
    found = _NAME_HERE.match(text, index)
    while found is not None:
        frame = _frame(text, found, reason, True, True)
        if frame is None:
            return
        trade = _AND_TRADE.match(text, frame.end)
        if trade is not None:  # "National Gas and Power": one name, not two
            frame = frame._replace(name=text[frame.start : trade.end()], end=trade.end())
        yield frame
        place = _IN_A_PLACE.match(text, frame.end)
        found = _NEXT_IN_LIST.match(text, frame.end if place is None else place.end())


_IN_A_PLACE = re.compile(r" in [A-Z][\w.]*(?: [A-Z][\w.]*)?(?=,| and )")
"""Where each listed company is ("including Ziegler Cooper in Houston, Cannon Design in
Chicago, and Quadrangle Architects in Toronto"): the list goes on after it."""
_AND_TRADE = re.compile(
    r" and (?:Power|Light|Electric|Gas|Water|Telephone|Telegraph|Steel|Coal|Iron)\b"
    r"(?=[,.;:)]| and |$)"
)
"""The rest of a utility's or an old industrial firm's name after "and" ("National Gas and
Power", "Pacific Gas and Electric", "Tennessee Coal and Iron"), where a list would go on."""


def _name_before(text: str, index: int, reason: str) -> Iterator[Frame]:
    found = _NAME_ENDS_HERE.search(text, max(0, index - 80), index)
    if found is not None:
        yield Frame(found.group("name"), found.start("name"), found.end("name"), reason, True, True)


def _seller_before_price(text: str, index: int) -> Iterator[Frame]:
    """ "at Dell for $549", "on Amazon for $58.99": the shop before a price; "on" is weak (a
    game is "on Steam for $20", a film "on Blu-ray for $15")."""
    found = _PREPOSITION_AND_NAME_HERE.search(text, max(0, index - 60), index)
    if found is not None:
        strong = found.group("prep") in ("at", "from")
        yield Frame(found.group("name"), found.start("name"), found.end("name"), "sold at", strong)


_IS_BEFORE = re.compile(r" is(?: currently| now)?$")


def _offering(text: str, start: int, end: int) -> Iterator[Frame]:
    """ "Electronic Express is offering the iPad Pro for $799": a seller, when a price follows
    in the sentence."""
    verb = _IS_BEFORE.search(text, max(0, start - 16), start)
    if verb is None or not text.startswith(("the ", "a ", "an ", "its "), end):
        return
    sentence_end = text.find(". ", end + 1, end + 200)
    if "$" not in text[end : sentence_end if sentence_end > 0 else end + 200]:
        return
    line_start = text.rfind("\n", 0, verb.start()) + 1
    found = _NAME_ENDS_HERE.search(text, max(line_start, verb.start() - 80), verb.start())
    if found is not None:
        yield Frame(found.group("name"), found.start("name"), found.end("name"), "sells", True)


def _kind_of_company_before(text: str, index: int) -> bool:
    """One of the five words before "such as" or "including" is a kind of company in the
    plural ("newspapers including", "advertisers as clients including", "Platforms (DSPs) such
    as", "energy suppliers to go bust, including")."""
    words = text[max(0, index - 60) : index].split()[-5:]
    return any(word.strip("(),").lower() in BUSINESS_PLURALS for word in words)


def _described(text: str, index: int) -> Iterator[Frame]:
    """ "The company that runs the AMAs, Dick Clark Productions, denies": the name must be
    closed by a comma."""
    found = _NAME_HERE.match(text, index)
    if found is not None and text.startswith(",", found.end("name")):
        frame = _frame(text, found, "described as a company", True)
        if frame is not None:
            yield frame


_POST_BY = re.compile(r"\b(?:an?|her|his|their|its|my|our|your) (?P<name>[A-Z][\w]*[a-z][\w]*) $")


def _platform_post(text: str, index: int) -> Iterator[Frame]:
    """ "In a Tumblr post", "her Instagram post": a social network (but "a blog post" is not
    one, and "the Washington Post" is a newspaper)."""
    found = _POST_BY.search(text, max(0, index - 30), index + 1)
    if found is not None:
        name = found.group("name")
        yield Frame(name, found.start("name"), found.end("name"), "platform", True)


# -- products ---------------------------------------------------------------------------------

VEHICLES = (
    "sedan", "SUV", "pickup", "truck", "hatchback", "coupe", "minivan", "crossover", "wagon",
    "convertible", "roadster",
)  # fmt: skip
DEVICES = (
    "laptop", "notebook", "Chromebook", "desktop", "PC", "computer", "tablet", "smartphone",
    "phone", "handset", "smartwatch", "watch", "earbuds", "earphones", "headphones", "headset",
    "speaker", "soundbar", "TV", "HDTV", "television", "monitor", "router", "modem", "console",
    "controller", "camera", "cam", "webcam", "printer", "projector", "thermostat", "doorbell",
    "vacuum", "sensor", "keyboard", "charger", "drone", "processor", "CPU", "GPU", "chip",
    "chipset", "graphics card", "SSD", "hard drive",
)  # fmt: skip
GOODS = ("starter kit", "cosmetics", "supplements", "sneakers", "password manager")
"""Kinds of products, each also in the plural: vehicles, devices and other goods."""


def _product_after(words: tuple[str, ...]) -> re.Pattern[str]:
    """After a name: up to five product-name words or model numbers on the same line, then the
    kind of product ("Ford sedan", "Apple AirPods 2 Wireless Earphones", "LG 65UM7300 4K Smart
    HDTV")."""
    kinds = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:[ ]+(?:[A-Z0-9][\w.+/&'’\"”-]*|&)){{0,5}}?[ ]+(?i:{kinds})(?:e?s)?\b")


PRODUCT_AFTER = _product_after(VEHICLES + DEVICES + GOODS)
_VEHICLE_AFTER = _product_after(VEHICLES)
_DEVICE_AFTER = _product_after(DEVICES)
_SECTOR_PRODUCTS = {
    "automotive": _VEHICLE_AFTER,
    "auto-parts": _VEHICLE_AFTER,
    "technology": _DEVICE_AFTER,
    "semiconductors": _DEVICE_AFTER,
    "telecom": _DEVICE_AFTER,
    "internet": _DEVICE_AFTER,
    "software": _DEVICE_AFTER,
}


def product_after(sector: str) -> re.Pattern[str] | None:
    """The products a company of this sector makes, as read after its name: a carmaker's name
    before "sedan" is the carmaker, but "Smart" before "TV" is a kind of TV."""
    return _SECTOR_PRODUCTS.get(sector)


_DEAL_LINE = re.compile(
    r"(?:[^\n:]*:\s+)?(?:\d+% [Oo]ff\s+)?(?:\d+(?:\.\d+)?(?:\"|”|-inch|in\.?)?\s+)?"
    rf"(?P<name>[A-Z][\w&'’-]*[a-z][\w&'’-]*)(?={PRODUCT_AFTER.pattern})"
)
"""A shopping line: "70" Element 4K UHD Smart HDTV with Roku for $499.99": the maker's name
first (after a "Deal:" label, a discount or a size), then the product."""
_DEAL_NOISE = frozenset(
    {"Get", "Buy", "Save", "Score", "Shop", "Best", "Free", "Black", "Cyber", "Deal", "Deals",
     "Sale", "Price", "Now", "Only", "Just", "Plus", "Up", "Off", "Refurbished", "Renewed",
     "Used", "Open", "Wireless", "Smart", "Portable", "Gaming", "Mini", "Pro", "Ultra", "Super",
     "Deluxe", "Premium", "Limited", "Edition", "Pack", "Bundle", "Kids", "Two", "Three",
     "Four", "Certified", "Latest", "Classic", "Digital", "Electric", "Indoor", "Outdoor",
     "Home", "Video", "Bluetooth", "Curved", "Ultrawide", "Unlocked", "Wi-Fi", "Apple's",
     "Pair", "Set", "Daily", "Lowest", "Huge", "Massive", "Hot", "Top", "Cheap", "Cheapest"}
)  # fmt: skip


def _deal_brand(text: str, index: int) -> Iterator[Frame]:
    """The maker named first on a short line that offers a product for a price: the way
    shopping posts list their deals ("Netgear Nighthawk R6700 AC1700 Router for $67.77")."""
    line_start = text.rfind("\n", max(0, index - 160), index) + 1
    line_end = text.find("\n", index, index + 160)
    if line_end < 0:
        line_end = len(text)
    if (line_start == 0 and index > 160) or line_end > index + 160:
        return  # not a short line
    found = _DEAL_LINE.match(text, line_start, line_end)
    if found is not None and found.group("name") not in _DEAL_NOISE:
        name = found.group("name")
        yield Frame(name, found.start("name"), found.end("name"), "sells products", True)
