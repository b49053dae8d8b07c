"""Textual evidence that a name is a company, for companies no directory knows ("Acme Robotics
Inc.", "(NASDAQ: ACME)", "the startup Foo", "Foo's chief executive") and for deciding names
that are also ordinary words. Proposals from here are suggestions of lower confidence; the
phrases around a name that news uses for companies ("Get it at Foo for $20", "acquired by Foo",
"retailers such as Foo") are read in frames.py."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Set
from typing import NamedTuple

from reader.companies.directory import CompanyEntry, Directory
from reader.companies.frames import (
    LEGAL_FORMS,
    MONTHS,
    NAME,
    REUTERS_CODE,
    ROLES,
    WHERE_BASED,
    alternation,
    frames,
)
from reader.companies.places import CITIES, DEMONYMS, PLACES, STATES, after_place_possessive

_WORD = r"[\w&-]*(?:['’](?!s\b)[\w&-]+|\.[\w&-]+)*"
"""The rest of a name's word: dots and apostrophes only inside it ("Amazon.com", "L'Oréal"), so
a name stops before a possessive ("Tequila Works' Gylt") or a full stop."""
_NAME = rf"[A-Z]{_WORD}(?:[ -](?:&|\+|of|de|du|la|von|van)?[ ]?[A-Z0-9]{_WORD}){{0,3}}"
"""Up to four capitalised words (with the odd "of", "&" or "+" between): a proper name."""

EXCHANGES = (
    "NYSE American|NYSE Arca|NYSE|NASDAQ|Nasdaq|LSE|LON|TSX|TSXV|ASX|HKEX|HKG|HK|TSE|TYO|SIX"
    "|Euronext|EPA|ETR|XETRA|FRA|OTC|OTCQX|OTCQB|BSE|NSE|KRX|KOSDAQ|SGX|JSE|SZSE|SSE|TWSE|BIT"
)
_TICKER = re.compile(rf"\((?P<exchange>{EXCHANGES})\s*:\s*(?P<symbol>[A-Z0-9][A-Z0-9.\-]*)\)")
_WIRE_CODE = re.compile(
    r" \((?:[A-Z0-9]{1,6}\.[A-Z]{1,3}|[A-Z]{1,5}(?=\),? (?:rose|fell|gained|lost|climbed"
    r"|slipped|dropped|jumped|added|eased|shed|advanced|declined|rallied|slid|tumbled|surged"
    r"|sank|was up|was down)\b))\)"
)
"""A news agency's code for a company's shares after its name ("Fluor Corp (FLR.N)",
"Matsushita Electric Industrial Co Ltd (6752.T)"), or a bare symbol before a price move
("U.S. Tobacco (UBO) rose")."""
_PUBLIC_CORPORATIONS = frozenset(
    {"Commodity Credit", "Overseas Private Investment", "International Finance",
     "Federal Deposit Insurance", "Federal Savings and Loan Insurance", "Pension Benefit Guaranty",
     "Export Development", "Export Credits Guarantee"}
)  # fmt: skip
"""Public bodies named as corporations ("Commodity Credit Corp", "International Finance
Corp", the World Bank's), whose names hold no word of public bodies."""
_LEGAL_FORMS_BEFORE = frozenset({"NV", "N.V.", "AB", "A/S", "SA", "S.A."})
"""Legal forms written before the name ("NV Philips Gloeilampenfabrieken", "AB Volvo")."""
_INDEX_WORDS = frozenset({"Index", "index", "Composite", "Average", "average"})
LEGAL_SUFFIX_AFTER = re.compile(
    r",?\s+(?:Inc\b|Incorporated|Corp\b|Corporation|Ltd\b|Limited|LLC|L\.L\.C\.|GmbH|AG\b|SE\b"
    r"|S\.A\.|SA\b|S\.p\.A\.|N\.V\.|NV\b|B\.V\.|PLC|[Pp]lc|Bhd\b|Berhad|Co\.|Holdings|Motor Co"
    r"|Motor Company|Motors?\b|Group\b)"
)
_LOWER_NAME = r"[a-z]+(?:\d|[A-Z])[\w&-]*"
"""A name written in lower case but for a digit or a capital inside ("my6sense", "eBay")."""
_NAME_BEFORE = re.compile(rf"(?P<name>{_NAME}|{_LOWER_NAME})(?:'s|’s)?,?\s*$")
_INITIALS_BEFORE = re.compile(r" \([A-Z][A-Z0-9&]{1,7}\)$")
"""A name's initials in brackets before an appositive ("Sea Energy Renewables (SER), a
subsidiary of"): the name is read before them."""

# Each kind of evidence is found by a cheap anchor first; the name is then read next to it.
NAME_WORDS = (
    "Holdings", "Technologies", "Robotics", "Therapeutics", "Pharmaceuticals", "Biosciences",
    "Airlines", "Airways", "Productions", "Securities", "Studios", "Studio", "Records",
    "Entertainment", "Games", "Media", "Motors", "Steel", "Foods", "Brands", "Labs", "Software",
    "Networks", "Logistics", "Insurance", "Capital", "Partners", "Ventures", "Design", "Books",
    "Publishing", "Pictures", "Group", "Industries", "Systems", "Semiconductor", "Electronics",
    "Energy", "Resources", "Mining", "Financial", "Equities", "Pharma", "Materials", "Bancorp",
    "Bancshares", "Bankshares", "Company", "Brewing", "Brewery", "Winery", "Distillery",
    "Aerospace", "Management", "Apparel", "Transportation", "Trucking", "Bakery", "Dairy",
    "Creamery", "Farms", "Construction", "Outfitters", "Consulting", "Consultants", "Advisory",
    "Advisors", "Metals", "Minerals", "Shipbuilding", "Homes", "Wholesalers", "Distributors",
)  # fmt: skip
_LEGAL_FORM_SET = frozenset(form for form in LEGAL_FORMS if " " not in form)
_NAMED_ALREADY_BEFORE_CODES = _LEGAL_FORM_SET | _INDEX_WORDS
_LEGAL_ANCHOR = re.compile(
    "(?P<suffix>" + alternation(dict.fromkeys((*LEGAL_FORMS, *NAME_WORDS), r"(?![\w&-])")) + ")"
)
"""A legal form or a word companies' names end with, after a name ("Acme Inc.", "Acme
Robotics"), as a tree of letters (see frames.alternation)."""
_NAME_WORD_SUFFIXES = frozenset(NAME_WORDS)
_ENDS_OF_NAMES = _NAME_WORD_SUFFIXES | {f.rstrip(".") for f in LEGAL_FORMS} | {"Enterprises"}
"""Words a company's whole name ends with: a place after them and "of" says where it is."""
_NAME_WORD_TAIL = re.compile(
    r"(?: (?:International|Worldwide|Global|USA|America|Americas)(?![\w&-])"
    r"| & (?:Restaurant|Grill|Kitchen|Taproom|Pub|Eatery|Cafe|Café|Bar)(?![\w&-]))+"
)
"""Words that go on after a name word and belong to the name: "United Surgical Partners
International", "Iron Hill Brewery & Restaurant"."""
_BANK_WORDS = frozenset({"Bancorp", "Bancshares", "Bankshares"})
"""Name words of banks' holding companies, whose names often hold a word of public bodies
("Fidelity Federal Bancorp", "First State Bancshares", "Union Bankshares")."""
_COMPANY_ONLY_WORDS = frozenset(
    {"Bancorp", "Bancshares", "Bankshares", "Therapeutics", "Pharmaceuticals", "Biosciences",
     "Holdings"}
)  # fmt: skip
"""Name words that, capitalised after a name, only companies' names have: "First Fidelity
Bancorp", written once, is a company."""
_AGENCY_TRADES = (
    r"(?:advertising|ad|design|creative|marketing|digital|PR|talent|travel|recruitment|staffing"
    r"|real estate|branding|media|communications|public relations)"
)
_TRADE_AGENCY = rf"{_AGENCY_TRADES}(?: and {_AGENCY_TRADES})? agency"
"""An agency of a trade, not a government's: "advertising agency", "advertising and design
agency"."""
_DESCRIPTION_WORDS = r"(?:(?!(?:that|which|who|whose) )[\w’'-]+,? (?:and [\w-]+ )?){0,4}?"
"""Up to four words (each may be a pair joined by "and": "Spokane and Seattle", or a town and
its state: "Reston, Virginia-based") before the kind of company ("the world’s largest
third-party hotel operator")."""
_NEW_CLAUSE = re.compile(
    r" (?:said|says|announced|added|reported|will|would|has|had|is|was|plans|expects|must|can"
    r"|could|should|may|might|did|does|also|then|now|still|needs|faces|remains|continues)\b"
)
"""After "the company": maybe the verb of a new clause ("According to FoodDive, the company
announced"), not an appositive's."""
_SERVICE_TRADES = (
    r"servicer|(?:investment|property) manager|(?:investing|investment|restaurant|hotel|media)"
    r" group|(?:restaurant|dining|breakfast|burger|pizza|chicken|coffee|food) concept"
)
"""Kinds of company that an appositive or "is a" names as well as the trades: "LNR, a special
servicer", "Vicious Biscuit, an emerging breakfast concept"; not "a group" alone ("Kosmos, a
group co-founded by a footballer")."""
_APPOSITIVE = (
    rf" (?:a|an|the) ['‘]?{_DESCRIPTION_WORDS}(?:company|firm|startup|start-up|chain|maker"
    r"|manufacturer|retailer|publisher|operator|provider|developer|brand|bank|lender|insurer"
    r"|airline|carmaker|automaker|conglomerate|subsidiary|studio|label|supplier|group that"
    r"|joint venture|railroad|railway|carrier|forwarder|wholesaler|distributor|dealership"
    r"|refiner|utility|brewery|winery|distillery|bakery|grocer|supermarket|brokerage"
    r"|asset manager|fund manager|investment bank|hedge fund|consultancy|exporter|importer"
    r"|homebuilder|shipbuilder|steelmaker|chipmaker|drugmaker|biotech|telecom|telco|fintech"
    rf"|store|{_SERVICE_TRADES}|(?:team|unit) acquired by|(?:unit|arm|division) of"
    rf"|{_TRADE_AGENCY})\b(?!['’]s)"
)
_SELF_DESCRIBED = r"(?: which (?:describes|calls|bills) itself(?: as)?)?"
_APPOSITIVE_ANCHOR = re.compile(f",{_SELF_DESCRIBED}{_APPOSITIVE}")
_DASHED_APPOSITIVE_ANCHOR = re.compile(f" (?:—|–|--|-){_APPOSITIVE}")
"""A name explained right after it: "McClatchy, a chain of 30 newspapers", "Zorbix, a startup",
"Zorbix, a Spokane and Seattle advertising and design agency", "Zorbix — a deep learning team
acquired by Microsoft", "Sherborne Investors, which describes itself as a 'turnaround investment
firm'"; but not "Marco Villa, the company's chief operating officer", a person at the company."""
_COPULA_ANCHOR = re.compile(
    rf" is (?:a|an|the) {_DESCRIPTION_WORDS}(?:company|startup|start-up|manufacturer|carmaker"
    r"|automaker|retailer|conglomerate|supplier|insurer|lender|airline|firm(?! believer)"
    r"|marketplace|chain|brewer|distributor|wholesaler|consultancy|franchisee|joint venture"
    rf"|{_SERVICE_TRADES}|(?:provider|developer|maker|publisher|operator) of"
    rf"|{_TRADE_AGENCY})\b(?!['’]s)"
)
"""A sentence that opens with a name and says what kind of company it is, as press releases
and profiles do: "Zorbix is a leading provider of ...", "Zorbix is a Berlin-based startup".
The kinds that people are too ("a developer", "a maker") count only with "of" after them."""
_ACTOR_VERB = (
    r" (?:announces|launches|unveils|acquires|to acquire|buys|partners with|raises|completes"
    r"|introduces|expands|signs|opens|recalls|invests|reports (?:record|first|second|third"
    r"|fourth|quarterly|annual)"
    r"|Partners With|Teams Up With|Acquires|To Acquire|Raises \$)\b"
)
_TITLE_ACTOR = re.compile(rf"(?P<name>{_NAME}){_ACTOR_VERB}")
"""A headline that opens with a company doing what companies do: "Ascom announces ...",
"Zorbix raises $20 million". In a headline in title case only the verbs that people and
governments rarely have ("Virgin Mobile Partners With Apple"; not "Biden Signs ...")."""
_TITLE_VERB = re.compile(_ACTOR_VERB)
"""The verb of _TITLE_ACTOR anywhere: looked for first, as _TITLE_ACTOR tries every way to
read a name at the start of a headline before it fails."""
_BEFORE = 80  # characters read before an anchor for the name

CITATION_BEFORE = re.compile(
    r"(?:(?<=[,”\"] )(?:reported|reports|wrote|writes)"
    r"|according to|told|telling|tells|speaking to|spoke to|speaks to|reported by|interview"
    r" with|cited by|citing|via|per|wrote in|writes in|wrote for|writes for|writing for|reporting"
    r" for|reports for|first reported by|obtained by|seen by|reviewed by"
    r"|a report (?:by|in|from)|reports? from|confirmed to|said to|published (?:by|in)"
    r"|(?:story|article|piece|op-ed|column|essay|editorial|tale|preview|review|profile|feature"
    r"|investigation|write-up) (?:by|in|at)|(?:calculations|analysis|data|figures|estimates"
    r"|research|a survey|a poll) (?:by|from))\s+(?:the\s+)?"
    r"(?:(?:[\w-]+,? ){0,5}?(?:news site|website|newspaper|magazine|publication|blog|outlet"
    r"|news service|news agency|wire service|broadcaster)\s+)?$",
    re.IGNORECASE,
)
_CITATION_LAST_WORDS = frozenset(
    {"to", "told", "telling", "tells", "by", "with", "citing", "via", "per", "in", "for",
     "reported", "reports", "wrote", "writes",
     "from", "at", "the", "site", "website", "newspaper", "magazine", "publication", "blog",
     "outlet", "service", "agency", "broadcaster"}
)  # fmt: skip
"""The words every CITATION_BEFORE phrase ends with: a cheap test that rules most names out
before the regular expression, which tries its phrases at every position, runs."""


def cited_before(before: str) -> bool:
    """``before`` (the text up to a name) ends with a citation ("according to", "told the")."""
    if not before[-1:].isspace():
        return False
    words = before[-24:].rsplit(None, 1)  # the last word is all that is read
    return (
        bool(words)
        and words[-1].lower() in _CITATION_LAST_WORDS
        and (CITATION_BEFORE.search(before) is not None)
    )


CITATION_AFTER = re.compile(
    r"(?:'s|’s)?\s*(?:(?:has |had |have )?(?:just |first |also |previously |exclusively )?"
    r"reported|reports|said in a report|wrote|writes|reporters?|journalists?|columnist|editor"
    r"|news|newsroom|article|story|piece|report|analysis|investigation|editorial|op-ed|poll)\b",
    re.IGNORECASE,
)

COMPANY_CONTEXT = (
    "shares", "stock", "investors", "ceo", "chief executive", "company", "revenue", "earnings",
    "quarter", "quarterly", "profit", "analysts", "billion", "million", "acquisition", "deal",
    "customers", "sales", "market", "launched", "announced", "automaker", "carmaker", "recall",
    "brand", "products", "employees", "headquarters", "startup", "firm", "subsidiary",
    "valuation", "ipo", "listed", "nasdaq", "nyse", "device", "devices", "app", "platform",
    "smartphone", "software", "service", "stores", "retailer", "bank", "fund", "automakers",
    "vehicles", "factory",
    "carmakers", "companies", "firms", "brands", "rivals", "competitors", "retailers",
)  # fmt: skip
_TECH = (
    "software", "chips", "chip", "cloud computing", "computers", "servers", "printers", "PC",
    "semiconductor", "data center",
)  # fmt: skip
_ENERGY = ("oil", "crude", "drilling", "refinery", "barrels", "LNG", "pipeline", "gas", "energy")
_CONSUMER = ("brands", "products", "consumers", "beverages", "snacks", "beer", "drinks", "food")
SECTOR_CUES: dict[str, tuple[str, ...]] = {
    "automotive": (
        "vehicles", "cars", "EV", "SUV", "sedan", "pickup", "dealers", "dealerships", "battery",
        "models", "plant",
    ),
    "auto-parts": (
        "vehicles", "automakers", "carmakers", "parts", "tires", "components", "supplier",
    ),
    "banking": ("loans", "lender", "deposits", "mortgage", "banks", "branches", "credit"),
    "finance": ("investors", "fund", "asset manager", "brokerage", "trading", "payments", "card"),
    "insurance": ("insurer", "premiums", "policyholders", "claims", "insurance"),
    "pharma": ("drug", "FDA", "vaccine", "clinical", "trial", "patients", "drugmaker"),
    "health": ("patients", "hospitals", "pharmacy", "medical", "clinics", "health care"),
    "retail": ("stores", "shoppers", "retailer", "e-commerce", "pharmacy"),
    "technology": _TECH,
    "software": _TECH,
    "internet": _TECH,
    "semiconductors": _TECH,
    "telecom": ("wireless", "subscribers", "mobile", "broadband", "5G", "network"),
    "utilities": ("electricity", "power", "utility", "outages", "grid", "ratepayers"),
    "oil-gas": _ENERGY,
    "energy": _ENERGY,
    "transport": ("flights", "airline", "passengers", "aircraft", "rail", "shipping", "fleet"),
    "aerospace-defense": (
        "aircraft", "jets", "engines", "defense", "Pentagon", "missile", "satellites",
    ),
    "chemicals": ("chemicals", "paint", "coatings", "glass", "plastics"),
    "materials": ("steel", "aluminum", "cement", "glass", "paper", "chemicals"),
    "consumer": _CONSUMER,
    "food-beverage": _CONSUMER,
    "media": ("studio", "films", "streaming", "channels", "TV", "broadcaster"),
    "logistics": ("shipping", "deliveries", "freight", "parcels", "warehouses"),
    "industrials": ("industrial", "factory", "engines", "machinery", "turbines"),
    "conglomerate": ("industrial", "factory", "engines", "turbines", "appliances"),
    "construction": ("construction", "contractor", "projects", "builder"),
    "mining": ("mine", "mining", "copper", "gold", "ore", "iron ore"),
    "real-estate": ("properties", "property", "tenants", "REIT", "developer"),
}  # fmt: skip
"""Words of a company's trade, which decide initials that stand for many things ("GM" near
"battery" and "vehicles", "PPG's glass plants") when the directory gives no cues of its own."""
COMPANY_CONTEXT_WORDS = re.compile(
    r"(?<![^\W_])" + alternation(dict.fromkeys(COMPANY_CONTEXT, r"(?![^\W_])"))
)
"""Any of COMPANY_CONTEXT as a whole word, in lower-cased text: one scan of a window instead
of one search for each word, as a tree of letters (see frames.alternation)."""
_CONTEXT_WORDS = frozenset(word for word in COMPANY_CONTEXT if word.isalnum())
_CONTEXT_PHRASES = tuple(word for word in COMPANY_CONTEXT if not word.isalnum())
_SPACE_FOR_NOT_ALNUM = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})


def company_context_words(window: str) -> Set[str]:
    """The words of COMPANY_CONTEXT in a lower-cased window, as COMPANY_CONTEXT_WORDS finds
    them. A window of ASCII is cut into its runs of letters and digits instead, the whole
    words the expression would find (and its phrases, "chief executive", looked for as
    such): twice as quick as the expression, which is tried at every position."""
    if not window.isascii():
        return set(COMPANY_CONTEXT_WORDS.findall(window))
    words = _CONTEXT_WORDS.intersection(window.translate(_SPACE_FOR_NOT_ALNUM).split())
    phrases = [p for p in _CONTEXT_PHRASES if p in window and has_phrase(window, p)]
    return words.union(phrases) if phrases else words


def has_phrase(window: str, phrase: str) -> bool:
    """The phrase is in the window as whole words: no letter or digit right before or after."""
    index = window.find(phrase)
    while index >= 0:
        before = window[index - 1] if index else " "
        after_index = index + len(phrase)
        after = window[after_index] if after_index < len(window) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        index = window.find(phrase, index + 1)
    return False


_LEADING_NOISE = frozenset(
    {"The", "A", "An", "And", "But", "Or", "So", "Yet", "On", "In", "At", "By", "For", "From",
     "With", "To", "Of", "As", "If", "When", "While", "After", "Before", "Since", "Last", "This",
     "That", "These", "Those", "Its", "Their", "His", "Her", "Our", "Your", "My", "Meanwhile",
     "However", "Yesterday", "Today", "Tomorrow", "Monday", "Tuesday", "Wednesday", "Thursday",
     "Friday", "Saturday", "Sunday", "Then", "Now", "Also", "Both", "Even", "Still", "Why",
     "Later", "Earlier", "How", "What", "Who", "Where", "Under", "Over", "Like", "Unlike",
     "Including", "Despite", "More", "Most", "Latest", "Related", "Private", "Public",
     "Though", "Although", "Because", "Other", "Rival", "Japanese", "American", "Chinese",
     "German", "French", "British", "Korean", "Indian", "European", "Swedish", "Italian",
     "Dutch", "Swiss", "Spanish", "Canadian", "Australian", "Israeli", "Taiwanese", *MONTHS,
     "Startup", "Start-up", "Carmaker", "Automaker", "Chipmaker",
     "Drugmaker", "Retailer", "Lender", "Insurer", "Manufacturer", "Supplier", "Conglomerate",
     "Brokerage", "Subsidiary", "Franchisee", "Competitor", "Lessor", "Brewer", "Miner",
     "Grocer", "Broadcaster", "Streamer", "Fintech", "Biotech", "Bottler", "Toymaker",
     "Planemaker", "Regardless", "Instead", "Nevertheless", "Nonetheless", "Overall",
     "Ultimately", "Separately", "Similarly", "Additionally", "Indeed", "Moreover",
     "Furthermore", "Notably", "Previously", "Currently", "Recently", "Historically",
     "Ironically", "Specifically", "Finally", "Initially", "Eventually", "Importantly",
     "Interestingly", "Unfortunately", "Fortunately", "Clearly", "Obviously", "Apparently",
     "Certainly", "Altogether", "Likewise", "Otherwise", "Elsewhere", "Lastly", "Till",
     "Until", "Parent", "Having", "Being"}
)  # fmt: skip

_PARTS_OF_DAY = frozenset({"Morning", "Afternoon", "Evening", "Night"})
"""After a day's name, a part of the day is read with it ("Tuesday Morning", the retailer)."""
_NATIONALITIES = _LEADING_NOISE & DEMONYMS
"""The nationalities of _LEADING_NOISE, which also open companies' own names."""
_STORMS = ("Hurricane ", "Typhoon ", "Cyclone ", "Tropical Storm ", "Storm ")
"""How a storm's name opens ("Hurricane Sandy"), which no company's does."""
_NAMES_AT_HOME = frozenset({"American", "British", "Canadian", "Australian", "Irish", "Scottish"})
"""Nationalities that companies of English-speaking countries take as their name's first word,
so that before a legal form they are the name's ("American Tissue Inc."); an English text
calls a Japanese company "Japanese" only to say where it is from ("Japanese Zorbix Corp.")."""

_ROLE_WORDS = frozenset(
    {"Shares", "Stock", "Unit", "Units", "Subsidiary", "Owner", "Parent", "Maker", "Makers",
     "Head", "Chief", "CEO", "Division", "Investors", "Founder", "Co-founder", "Chairman",
     "President", "Boss", "Executives", "Employees", "Customers"}
)  # fmt: skip

_ORGANISATIONS = (
    r"University|College|School|Institute|Ministry|Department|Agency|Commission|Council"
    r"|Committee|Court|Parliament|Congress|Senate|House|Government|Police|Army|Navy|Party"
    r"|Union|Federation|Association|Foundation|Society|Museum|Hospital|Church|Reserve"
    r"|Authority|Administration|Bureau|Office|Board|Republic|Kingdom|State|States|City"
    r"|County|Province|Nations|Organization|Organisation|Fund for|World Bank|Central Bank"
    r"|Federal|National Guard"
)
ORGANISATION_WORDS = frozenset(word for word in _ORGANISATIONS.split("|") if " " not in word)
"""The one-word names of _ORGANISATIONS ("Board", "Agency", "Ministry" ...)."""
_OUTLETS = r"Times|News|Post|Journal|Daily|Magazine|Press|Reuters|Bloomberg|Nikkei|Associated"
NOT_COMPANY_WORDS = re.compile(rf"\b(?:{_ORGANISATIONS}|{_OUTLETS})\b")
"""Words of organisations that are not companies (and of news outlets, which articles cite)."""
NOT_COMPANY_ORGANISATIONS = re.compile(rf"\b(?:{_ORGANISATIONS})\b")
"""The same without the news outlets: a newspaper that is bought, owned or listed among
companies ("the owner of the Chicago Tribune, New York Daily News and ...") is a business."""

GENERIC_WORDS = frozenset(
    {"New", "Old", "Big", "Next", "First", "Global", "National", "International", "Local",
     "Inc", "Corp", "Company", "Group", "Holdings", "Technologies", "Airlines", "CEO", "I",
     "We", "He", "She", "It", "They", "Us", "You", "Mr", "Ms", "Mrs", "Dr", "Chief", "Executive",
     "CEOs", "CFOs", "Executives", "Interim", "Acting", "Former", "Deputy", "Incoming",
     "Outgoing", "Founding", "More", "Others"}
)  # fmt: skip


class Proposal(NamedTuple):
    """A name the text shows to be a company, where and why. A named tuple: made for every
    name read, it costs a fraction of a frozen dataclass."""

    name: str
    part: str
    start: int
    end: int
    reason: str
    decides_only: bool = False  # weak evidence: decides a known name that is also a word


def ticker_mentions(text: str) -> Iterable[tuple[str, str, int, int]]:
    """(exchange, symbol, start, end) of "(NASDAQ: ACME)"-style mentions, the exchange under
    the directory's code ("TYO: 7203" is "TSE:7203")."""
    for match in _TICKER.finditer(text):
        exchange = match.group("exchange").upper()
        yield _EXCHANGE_CODES.get(exchange, exchange), match.group("symbol"), *match.span()


_EXCHANGE_CODES = {
    "TYO": "TSE", "LON": "LSE", "HKG": "HKEX", "HK": "HKEX", "ETR": "XETRA", "FRA": "XETRA",
    "KOSDAQ": "KRX",
}  # fmt: skip
"""Other names news gives the exchanges, by the codes the directory's tickers use."""


def propose_unknown(
    parts: dict[str, str],
    directory: Directory,
    known: dict[str, list[tuple[int, int]]] | None = None,
    buying: Set[str] = frozenset(),
    persons_name: Callable[[str], bool] = lambda name: False,
) -> Iterable[Proposal]:
    """Names that the text itself shows to be companies. Each kind of evidence is found by an
    anchor that starts with a literal (so the regex engine skips through the text), and the
    name is then read right before or after it. A name word inside a name already known for
    certain (``known``: its spans by part; "Motors" in "General Motors") is not read again;
    buyers are looked for only in the parts with a word of buying (``buying``, see
    buys_something), and what a buyer buys only when ``persons_name`` says the buyer's name
    is no person's ("Elon Musk bought Zorbix": people buy companies and houses alike)."""
    title = parts.get("title", "")
    actor = _TITLE_ACTOR.match(title) if _TITLE_VERB.search(title) else None
    if actor is not None:
        proposal = _proposal(actor, "name", "title", "headline actor", directory)
        if proposal is not None:
            yield proposal
    for part, text in parts.items():
        for match in _TICKER.finditer(text):
            yield from _name_before(text, match.start(), part, "ticker", directory)
        if " (" in text:
            for match in _WIRE_CODE.finditer(text):  # a literal " (" first: fast to skip to
                before = text[match.start() - 1 : match.start()]
                if not (before.isalnum() or before == "."):
                    continue  # the code follows a name's last word
                code = match.start() + 1
                last_word = text[max(0, code - 12) : code].split()[-1:]
                if last_word and last_word[0].rstrip(".,") in _NAMED_ALREADY_BEFORE_CODES:
                    continue  # "Fluor Corp (FLR.N)" is named by its legal form already;
                    # "Kospi Index (KOSPI) fell" is no company
                yield from _name_before(text, code, part, "ticker", directory)
        spans = known.get(part, ()) if known else ()
        copyright_line = "opyright" in text or "©" in text or "(c)" in text
        for match in _LEGAL_ANCHOR.finditer(text):
            if spans and any(s < match.start() < e for s, e in spans):
                continue
            start = _after_name(text, match.start())
            if start is None:
                yield from _name_with_country_in_brackets(text, match.start(), part, directory)
                continue
            initials = _INITIALS_ENDING.search(text, max(0, start - 12), start)
            if initials is not None:  # "Revco D.S. Inc", "Zorbix U.S.A. Inc"
                before = initials.start() - 1
                for proposal in _name_before(text, before, part, "legal form", directory):
                    if directory.find(proposal.name) is None:
                        name = f"{proposal.name} {initials.group()}"
                        proposal = proposal._replace(name=name, end=start)
                    yield proposal  # "Chevron U.S.A. Inc" is Chevron's
                continue
            suffix = match.group("suffix").rstrip(".")
            if suffix == "LP" and not _a_partnership(text, start, match.end()):
                continue
            extra = None
            if suffix in _NAME_WORD_SUFFIXES:
                tail = _NAME_WORD_TAIL.match(text, match.end())
                extra = match.end() if tail is None else tail.end()
            if copyright_line and COPYRIGHT_BEFORE.search(text, max(0, start - 60), start):
                continue  # "Copyright 2022 Alliance News Ltd.": the publisher's own line
            if (
                suffix in ("Co", "Company")
                and text.endswith(" and ", 0, match.start())
                and LEGAL_SUFFIX_AFTER.match(text, match.end()) is None
            ):
                yield from _partners_and_company(text, match, part, directory)
                continue
            for proposal in _name_before(
                text, start, part, "legal form", directory, extra,
                organisation_words=(extra is not None and suffix not in _BANK_WORDS)
                or suffix in _PUBLIC_BODIES_FORMS,
            ):  # fmt: skip
                if not _no_legal_form(suffix, text, proposal.start, match.end()):
                    yield proposal
        for match in _appositive_anchors(text):
            anchor = match.start()
            if text.endswith(")", 0, anchor):
                initials = _INITIALS_BEFORE.search(text, max(0, anchor - 12), anchor)
                anchor = anchor if initials is None else initials.start()
            if anchor and (text[anchor - 1].isalnum() or text[anchor - 1] in ".’'"):
                proposals = _name_before(text, anchor, part, "described as a company", directory)
                if _NEW_CLAUSE.match(text, match.end()):
                    proposals = (p for p in proposals if not _clause_before(text, p.start))
                yield from (p for p in proposals if not _an_opening_adverb(text, p))
        for match in _COPULA_ANCHOR.finditer(text):
            yield from _sentence_subject(text, match.start(), part, directory)
        for index in _role_after_names(text):
            start = _before_role(text, index)
            if start is not None:
                yield from _name_before(text, start, part, "company role", directory)
        if " & " in text:
            yield from _ampersand_firms(text, part, directory)
        if part in buying:
            yield from deals_to_buy(text, part, directory)
            yield from sellers(text, part, directory)
            yield from bought_having(text, part, directory)
            for match in _BUYS_A_BUSINESS.finditer(text):
                buyers = list(_name_before(text, match.start(), part, "ownership", directory))
                yield from buyers
                if any(_a_buyer(buyer, spans, persons_name) for buyer in buyers):
                    # and what it buys: "Sinclair Broadcasting acquired The Tennis Channel"
                    yield from _bought_at(text, match.start(), part, directory)
        if any(word in text for word in _MEMBER_BANK_WORDS):
            yield from _member_banks(text, part, directory)
        yield from _named_units(text, part, directory)
        yield from _unit_deals(text, part, directory)
        yield from _stock_moves(text, part, directory)
        yield from _affiliate_stations(text, part, directory)
        if "-backed " in text or "-funded " in text:
            yield from _backed_by_known(text, part, directory)
        yield from _cuts_jobs(text, part, directory)
        yield from _opens_its_outlets(text, part, directory)
        yield from _funding_rounds(text, part, directory)
        if " contract" in text:
            for match in _WINS_A_CONTRACT.finditer(text):
                yield from _name_before(text, match.start(), part, "contractor", directory)
        if " for " in text and ("filed for " in text or "files for " in text):
            for match in _FILES_FOR_BANKRUPTCY.finditer(text):
                yield from _name_before(text, match.start(), part, "bankruptcy", directory)
        for index in _analysts_speaking(text):
            if index and text[index - 1].isalnum():
                for proposal in _name_before(text, index, part, "company role", directory):
                    if not _opens_sentence(text, proposal.start):
                        yield proposal  # "WoodMac analysts said"; not "Energy analysts said"
        yield from _frame_proposals(text, part, directory)
        yield from _about_sections(text, part, directory)
        if " code" in text or " off" in text or " trial" in text:
            yield from _sponsor_lines(text, part, directory)
        if part == "body":
            yield from _headed_sections(text, directory)


_WORD_OF_A_LONGER_NAME = re.compile(r" [A-Z]")


def _no_legal_form(suffix: str, text: str, name_start: int, end: int) -> bool:
    """Words that are legal forms elsewhere: "the Capitol Limited" is a train, "Limited to" a
    verb, "Ovens, Co Cork" a place."""
    if suffix == "Limited":
        return text.endswith("the ", 0, name_start) or text.startswith(" to ", end)
    return suffix == "Co" and _IRISH_COUNTY.match(text, end) is not None


COPYRIGHT_BEFORE = re.compile(r"(?:[Cc]opyright|©|\(c\))[^\n]{0,50}$")
_IRISH_COUNTY = re.compile(
    r"\.? (?:Antrim|Armagh|Carlow|Cavan|Clare|Cork|Derry|Donegal|Down|Dublin|Fermanagh|Galway"
    r"|Kerry|Kildare|Kilkenny|Laois|Leitrim|Limerick|Longford|Louth|Mayo|Meath|Monaghan|Offaly"
    r"|Roscommon|Sligo|Tipperary|Tyrone|Waterford|Westmeath|Wexford|Wicklow)\b"
)
"""After "Co": an Irish county ("Ovens, Co Cork"), not a company's legal form."""
_MEMBER_BANK = re.compile(r" (?:Federal )?(?:Credit Union|FCU)\b| (?:State|Savings) Bank\b")
_MEMBER_BANK_WORDS = (" Credit Union", " FCU", " State Bank", " Savings Bank")
"""The cheap test before _MEMBER_BANK."""


_LONE_GENERIC_WORD_BEFORE = re.compile(r"(?<![\w&'’.] )(?<![\w&'’.-])([A-Z][a-z]+)$")


def _member_banks(text: str, part: str, directory: Directory) -> Iterable[Proposal]:
    """Credit unions and small banks, named by what they are ("Sandia Laboratory Federal
    Credit Union", "Noel State Bank"): a word of public bodies may open the name ("Navy
    Federal Credit Union")."""
    for match in _MEMBER_BANK.finditer(text):
        if _WORD_OF_A_LONGER_NAME.match(text, match.end()):
            continue  # "MIDFLORIDA Credit Union Amphitheatre": a venue named for its sponsor
        lone = _LONE_GENERIC_WORD_BEFORE.search(text, max(0, match.start() - 20), match.start())
        if lone is not None and lone.group(1) in GENERIC_WORDS:
            name = text[lone.start(1) : match.end()].replace(" FCU", " Federal Credit Union")
            yield Proposal(name, part, lone.start(1), match.end(), "legal form")
            continue  # "Global Federal Credit Union": a word too common to be a name alone
        for proposal in _name_before(
            text, match.start() + 1, part, "legal form", directory, organisation_words=False
        ):
            name = text[proposal.start : match.end()].replace(" FCU", " Federal Credit Union")
            known = directory.find(name)
            yield proposal._replace(name=known.name if known else name, end=match.end())


_AMPERSAND_FIRM = re.compile(
    r" & (?:Co\b\.?|Company|Sons|Associates|Partners)(?![\w&-]| [A-Z][a-z])"
)
"""The end of a firm named after its founders: "Killik & Co", "Hoffman & Associates", "Tomlin
& Sons" (the name before "&" is read on its own: the "&" is no part of a name word); but not
words that go on in a heading's capitals ("Yahoo! Finance & Company Press Releases")."""


_CUT_BEFORE = re.compile(r"(?:[A-Z]\.|[A-Z][\w-]*,) $")
"""Before a name's last word: the words a name read back to "&" missed ("J.P. Morgan & Co.",
"Goldman, Sachs & Co.")."""


def _ampersand_firms(text: str, part: str, directory: Directory) -> Iterable[Proposal]:
    for match in _AMPERSAND_FIRM.finditer(text):
        for proposal in _name_before(text, match.start(), part, "legal form", directory):
            if _CUT_BEFORE.search(text, max(0, proposal.start - 30), proposal.start):
                continue
            end = match.end() - text.endswith(".", 0, match.end())
            yield proposal._replace(name=text[proposal.start : end], end=end)


_PUBLIC_BODIES_FORMS = frozenset({"Corp", "Corporation"})
"""Legal forms that public bodies have too ("Federal Deposit Insurance Corp"): a name before
them is still ruled out by the words of organisations, unlike one before "Inc." or "Ltd"."""
_FUND_WORD_BEFORE = re.compile(
    r"\b(?:Capital|Partners|Management|Holdings|Group|Energy|Investments|Advisors|Equity|Fund"
    r"|Ventures|Midstream|Pipeline|Resources|Infrastructure)$"
)


def _a_partnership(text: str, name_end: int, end: int) -> bool:
    """ "LP" after a name is a limited partnership's ("Castlelake LP's unit", "Energy Transfer
    Partners LP") or a long-playing record's ("a Taylor Swift LP"): a partnership's when a
    possessive follows or the name ends with a word of funds and firms."""
    return text.startswith(("’s", "'s"), end) or (
        _FUND_WORD_BEFORE.search(text, max(0, name_end - 20), name_end) is not None
    )


def _clause_before(text: str, start: int) -> bool:
    """The name before ", the company said" is a clause of its own: a source ("According to
    FoodDive, the company announced") or a word that opens the sentence ("Normally, the
    company says"); mid-sentence it is the company ("sent to Navistone, the company said")."""
    return cited_before(text[max(0, start - 40) : start]) or _opens_sentence(text, start)


_SAID_IT = r"(?:said|says|announced|announces)(?: that)? it"
_BOUGHT_NAME_CLOSED = (
    r"(?=[,.;:)]| (?:for|in|from|and|last|this|earlier|on|at|over|after|with|—|–)\b|[ \t]*\n|$)"
)
"""After the name of what is bought: the sentence goes on, so the name is closed (not "bought
Spanish wine", "acquired Apple's shares")."""
_BUYS_AFTER = re.compile(
    r"(?:,? (?:who|which|that))?(?: (?:has|have|had|will|would|is|was|also|agreed to|plans to"
    rf"|is set to|to|{_SAID_IT}|completed its|announced plans to|announced a deal to))*"
    r" (?:acquired|acquires|acquiring|acquire|bought|buys|buying|buy|purchased|purchases)"
    rf" (?P<name>{NAME}(?:['’]s(?: (?:&|and) [A-Z][\w-]*| [A-Z][\w-]*){{1,4}})?)"
    + _BOUGHT_NAME_CLOSED
)
"""After a known company: buying a company ("IBM have acquired SoftLayer Technologies for",
"Oracle agreed to acquire Quibblo,"): what it buys is a company when the sentence goes on
after its name, not a thing ("bought Spanish wine", "acquired Apple's shares"); a name may
hold a possessive ("announced plans to buy Anthony’s Coal Fired Pizza & Wings for")."""
_BUSINESS_BOUGHT = (
    r"company|business|operations?|stake|assets|division|unit|brand|chain|plant|factory|maker"
    r"|firm|startup|start-up|rights|portfolio|subsidiary|retailer|brewery|mill|mine|stores"
)
_BUYS_A_BUSINESS = re.compile(
    r"(?<=[\w.’'])(?: (?:has|had|have|will|would|also|recently|previously|agreed to|plans to"
    rf"|is set to|{_SAID_IT}))*"
    r" (?:acquired|acquires|purchased|purchases|bought|buys"
    r"|(?:to|will|would) (?:acquire|buy|purchase))"
    rf" (?:(?:the|a|an|its|their) (?:[\w-]+ ){{0,4}}(?:{_BUSINESS_BOUGHT})\b|[A-Z])"
)
"""A name before buying a business ("Parkdale Mills purchased the old Avondale Mills
operation", "Zorbix has acquired the startup") or a name ("Zorbix bought Quorlo"): a buyer of
companies (people who buy companies are ruled out by their names)."""

_FILES_FOR_BANKRUPTCY = re.compile(
    r"(?<=[\w.’'])(?:,? which| \()?(?: (?:has|had|have|also|recently|just|officially|formally))*"
    r" ?(?:filed|files) for (?:Chapter (?:11|7|15)|bankruptcy|insolvency|creditor protection"
    r"|administration|receivership|relief from its creditors)"
)
"""A name before filing for bankruptcy ("Hangzhou Glory Real Estate filed for relief from its
creditors"): a company (a person's own filing is "personal bankruptcy", and people's names are
ruled out anyway)."""
_CUTS_BEFORE_JOBS = re.compile(
    r"(?<=[\w.’'])(?: (?:has|had|have|will|would|also|now|plans to|is set to|is|was|said it"
    r"|announced(?: that)? it|(?:is|was) to))*"
    r" (?:cut|cuts|cutting|shed|sheds|shedding|lay off|lays off|laying off|laid off|eliminate"
    r"|eliminates|eliminating|eliminated)"
    r"(?: about| some| nearly| more than| up to| around| another)? \d[\d,]*(?: new)?$"
)
_JOBS = (" jobs", " staff", " workers", " employees", " positions")
"""A name before cutting jobs ("Maunsell announced it was shedding 50 staff"): an employer
that is a business (places and public bodies are ruled out by their names; not before adding
jobs, which towns and states do in the news as often). Read back from the jobs, a rare word
after a number, as a pattern that starts with the verb would be tried at every word."""
_OPENS_BEFORE_ITS = re.compile(
    r"(?<=[\w.’'])(?: (?:has|had|have|will|would|also|now|plans to|is set to|is|was|be|been"
    r"|officially))*"
    r" (?:open|opens|opened|opening|expand|expands|expanded|expanding|close|closes|closed"
    r"|closing|shutter|shutters|shuttered|shuttering|relocate|relocates|relocated)$"
)
_OUTLETS_AFTER_ITS = re.compile(
    r" its(?: [\w-]+){0,3}? (?:stores?|locations?|restaurants?|shops?|outlets?|plants?|factory"
    r"|factories|footprint|warehouses?|showrooms?|dealerships?|franchises?|business operations"
    r"|operations|headquarters)\b"
)
"""A name before opening or closing its stores, plants or operations ("Rally House will expand
its footprint", "Fleetwood Transportation officially closed its operations"): a business (a
person's is "his" or "her"; a city's or a government's names are ruled out as places and
bodies). Read from each "its", a literal the engine skips to."""


_STATION_AFTER_AFFILIATE = re.compile(
    r" affiliates? (?P<name>[KW][A-Z]{2,3}-(?:TV|LD|DT|CD|CA|FM|AM)|[KW][A-Z]{2,3}(?=[ ,.;]))"
)
"""A station's call sign after a network's "affiliate" ("Fox affiliate WHPM-LD in Hattiesburg",
"NBC affiliate WNBJ-LD"): a broadcaster, bought and sold as a business."""


def _affiliate_stations(text: str, part: str, directory: Directory) -> Iterable[Proposal]:
    index = text.find(" affiliate")
    while index >= 0:
        match = _STATION_AFTER_AFFILIATE.match(text, index)
        proposal = match and _proposal(match, "name", part, "station", directory)
        if proposal:
            yield proposal
        index = text.find(" affiliate", index + 1)


_MOVES = (
    r"(?:fell|rose|jumped|plunged|gained|lost|dropped|slid|tumbled|soared|surged|climbed"
    r"|sank|plummeted|rallied|declined|advanced|shed|added)"
)
_STOCK_MOVED = re.compile(
    rf" stock (?:has |had )?{_MOVES}(?: by)?(?: nearly| almost| about| more than| over)? \$?\d"
)
_STOCK_CLASSES = ("Common", "Preferred", "Ordinary")
_LOST_BEFORE_OF_ITS = re.compile(
    rf"(?<=[\w.’'])(?: (?:has|had))? {_MOVES}(?: nearly| almost| about| more than| over)?"
    r" \d[\d.,]*(?: ?%| percent| per cent)$"
)
_OF_ITS_VALUE = (" of its value", " of its market value")
"""A name whose stock moved by a figure ("Zorbix stock fell 20%"; not a class of shares,
"Common stock rose 2%") or that lost a share of its value ("Affymax lost nearly 93 percent of
its value"): a listed company (an index or a currency has no stock and no value of its own).
Read from " stock " and " of its ", literals the engine skips to."""


def _stock_moves(text: str, part: str, directory: Directory) -> Iterable[Proposal]:
    index = text.find(" stock ")
    while index >= 0:
        if _STOCK_MOVED.match(text, index) and not text.endswith(_STOCK_CLASSES, 0, index):
            yield from _name_before(text, index, part, "stock", directory)
        index = text.find(" stock ", index + 1)
    index = text.find(" of its ")
    while index >= 0:
        if text.startswith(_OF_ITS_VALUE, index):
            moved = _LOST_BEFORE_OF_ITS.search(text, max(0, index - 60), index)
            if moved is not None:
                yield from _name_before(text, moved.start(), part, "stock", directory)
        index = text.find(" of its ", index + 1)


_UNIT_WORDS = (" business", " unit", " subsidiary", " brand")
_UNIT_CLOSED = re.compile(
    r"[,.;:)]| (?:that|which|to|was|is|has|had|earned|of|in|for|and|from|will|would)\b|$"
)
_THE_NAME_BEFORE = re.compile(rf"\b[Tt]he (?P<name>{NAME})$")
"""A business, a unit or a brand called by its name ("does not include the Taylor Express
business that is headquartered", "The LifeScan unit earned $1.5 billion", "under the Oath
brand,"): a company, or one a company owns (not "the MVNO business", initials of a trade, nor
a place's or a nationality's; not "the Whole Foods business model"). Read back from the word
of the unit, rarer than "the"."""


def _named_units(text: str, part: str, directory: Directory) -> Iterable[Proposal]:
    for word in _UNIT_WORDS:
        index = text.find(word)
        while index >= 0:
            end = index + len(word)
            named = _UNIT_CLOSED.match(text, end) and text[index - 1 : index].isalnum()
            match = named and _THE_NAME_BEFORE.search(text, max(0, index - 60), index)
            if match:
                name = match.group("name")
                if not (name.isupper() or name in STATES or name.rpartition(" ")[2] in DEMONYMS):
                    proposal = _proposal(match, "name", part, "a named business", directory)
                    if proposal is not None:
                        yield proposal
            index = text.find(word, end)


_SIGNS_BEFORE_UNITS = re.compile(
    r"(?<=[\w.’'])(?: (?:has|had|have|also|recently|just))* (?:signed|signs|inked|inks|struck"
    r"|strikes|announced) an? (?:\d+|[a-z]+)$"
)
_UNITS = ("-unit ", "-store ", "-restaurant ", "-location ")
_DEAL_AFTER_UNITS = re.compile(r"(?:[a-z]+ ){0,2}(?:agreement|deal|contract)\b")
"""A name before signing a franchise deal for a number of units ("Slim Chickens inked a
25-unit agreement", "Chicken Guy signed a 10-unit development deal"): a restaurant brand or
its franchisee, both businesses. Read from "-unit " and its kin, rare literals."""


def _unit_deals(text: str, part: str, directory: Directory) -> Iterable[Proposal]:
    for units in _UNITS:
        index = text.find(units)
        while index >= 0:
            if _DEAL_AFTER_UNITS.match(text, index + len(units)):
                verb = _SIGNS_BEFORE_UNITS.search(text, max(0, index - 60), index)
                if verb is not None:
                    yield from _name_before(text, verb.start(), part, "franchise deal", directory)
            index = text.find(units, index + 1)


_BACKED = ("-backed ", "-funded ")
_BACKER_BEFORE = re.compile(rf"(?:^|(?<=[\s(“\"]))(?P<name>{_NAME})$")
_BACKED_NAME = re.compile(rf"(?P<name>{NAME})(?=[,.;:)]| [a-z]|$)")


def _backed_by_known(text: str, part: str, directory: Directory) -> Iterable[Proposal]:
    """A name after a known company and "-backed" ("SoftBank-backed Zorbix raised", "a
    Toyota-funded Quibblo"): a startup or a company that the known one invests in (not after
    a country's or a state's name: "Iran-backed Houthis")."""
    for suffix in _BACKED:
        index = text.find(suffix)
        while index >= 0:
            backer = _BACKER_BEFORE.search(text, max(0, index - 40), index)
            after = index + len(suffix)
            if backer is not None and directory.find(backer.group("name")) is not None:
                backed = _BACKED_NAME.match(text, after)
                if backed is not None:
                    proposal = _proposal(backed, "name", part, "backed by a company", directory)
                    if proposal is not None:
                        yield proposal
            index = text.find(suffix, after)


def _cuts_jobs(text: str, part: str, directory: Directory) -> Iterable[Proposal]:
    for noun in _JOBS:
        index = text.find(noun)
        while index >= 0:
            if text[index - 1 : index].isdigit() or text.endswith(" new", 0, index):
                verb = _CUTS_BEFORE_JOBS.search(text, max(0, index - 80), index)
                if verb is not None:
                    yield from _name_before(text, verb.start(), part, "employer", directory)
            index = text.find(noun, index + 1)


def _opens_its_outlets(text: str, part: str, directory: Directory) -> Iterable[Proposal]:
    index = text.find(" its ")
    while index >= 0:
        if _OUTLETS_AFTER_ITS.match(text, index):
            verb = _OPENS_BEFORE_ITS.search(text, max(0, index - 60), index)
            if verb is not None:
                yield from _name_before(text, verb.start(), part, "its outlets", directory)
        index = text.find(" its ", index + 1)


_ROUND_BEFORE_SERIES = re.compile(
    r"(?<=[\w.’'])(?:['’]s (?:recent |latest |new |\$)| (?:has |have |had |just |recently )*"
    r"(?:raised|closed|secured|landed|announced|completed) (?:a |an |its |\$))[^.!?\n]{0,40}$"
)
_RAISED = (" raised ", " secured ", " landed ")
_RAISED_BEFORE = re.compile(r"(?<=[\w.’'])(?: (?:has|have|had|just|recently))*$")
_RAISED_AFTER = re.compile(
    r"[\d.,]+ ?(?:million|billion|[MB])\b(?: [\w-]+){0,3}? (?:in (?:a |its |new )?(?:seed"
    r"|funding|financing|venture|growth)|led by|from [A-Z])"
)
"""A name before its funding round ("Project44’s recent $202 million Series E", "Zorbix raised
$20 million in a Series B", "Mainline raised $6.8 million two weeks ago from Work America
Capital"): a startup (people raise money too, but in no Series, and not from a capitalised
name or in funding; people's names are ruled out anyway). Read from the literals " Series "
and " raised $", which the engine skips to."""


def _funding_rounds(text: str, part: str, directory: Directory) -> Iterable[Proposal]:
    index = text.find(" Series ")
    while index >= 0:
        if text[index + 8 : index + 9] in "ABCDEFGH" and not text[index + 9 : index + 10].isalnum():
            found = _ROUND_BEFORE_SERIES.search(text, max(0, index - 90), index)
            if found is not None:
                yield from _name_before(text, found.start(), part, "funding round", directory)
        index = text.find(" Series ", index + 1)
    for verb in _RAISED:
        index = text.find(verb)
        while index >= 0:
            after = index + len(verb)
            if text.startswith("US$", after):
                after += 2
            if text.startswith("$", after) and _RAISED_AFTER.match(text, after + 1):
                found = _RAISED_BEFORE.search(text, max(0, index - 30), index)
                if found is not None:
                    yield from _name_before(text, found.start(), part, "funding round", directory)
            index = text.find(verb, index + 1)


_WINS_A_CONTRACT = re.compile(
    r"(?<=[\w.’'])(?: (?:has|had|have|also|successfully|recently|just))*"
    r" (?:won|wins|secured|secures|landed|lands|clinched|bagged|was awarded|has been awarded"
    r"|have been awarded|had been awarded|is awarded)"
    r" (?:a|an|the|two|three|its|another|\$)(?:[^.\n]|\.\d){0,60}? contracts?\b"
)
"""A name before winning a contract ("Jacobs was awarded a $4.6 billion follow-on contract",
"ASRC Federal successfully secured a mammoth $1.18 billion contract"): a contractor."""
_NOT_BOUGHT_COMPANIES = PLACES | {"Bitcoin", "Ether", "Ethereum", "Dogecoin", "Solana", "XRP"}
"""What companies buy that is named like one: places and coins."""


def buys_something(text: str) -> bool:
    """A word of buying in the text: the cheap test before bought_by_known."""
    return " acqui" in text or " bought " in text or " buy" in text or " purchase" in text


_BUYER_KIND = re.compile(
    r"\b[Tt]he (?:[\w-]+ ){0,2}(?:giant|company|firm|group|bank|lender|insurer|retailer|maker"
    r"|conglomerate|chain|carrier|airline|publisher|automaker|carmaker|chipmaker|drugmaker)"
    r"(?= (?:has |had |also |then |later |eventually |agreed to )?(?:acquired|bought|purchased"
    r"|acquire|buy) )"
)
"""A buyer that the text names by its kind ("When the banking giant acquired Montgomery
Securities in October"): what it buys is a company as after a known one."""


def _a_buyer(
    buyer: Proposal, known_spans: Iterable[tuple[int, int]], persons_name: Callable[[str], bool]
) -> bool:
    """A buyer that is a company: no person ("Elon Musk bought ...") and no thing of a known
    company ("the Samsung Gear Sport to acquire GPS")."""
    return not persons_name(buyer.name) and not any(
        start <= buyer.start < end for start, end in known_spans
    )


def bought_by_known(
    text: str, part: str, known_ends: Iterable[int], directory: Directory
) -> Iterable[Proposal]:
    """Companies that a known company (ending at each of ``known_ends``), or one the text
    names by its kind (_BUYER_KIND), buys."""
    kind_ends = [match.end() for match in _BUYER_KIND.finditer(text)]
    for end in (*known_ends, *kind_ends):
        yield from _bought_at(text, end, part, directory)


_OWNER_AFTER = re.compile(
    rf"(?:['’]s)? (?:owner|parent(?: company| group| firm)?) (?P<name>{NAME})"
    r"(?=[,.;:)]| (?:said|says|is|was|has|had|have|will|would|reported|reports|posted|agreed"
    r"|announced|plans|and|for|in|on|to|which|that)\b|$)"
)
"""After a known company: its owner, as headlines name one by the other ("KFC owner K-Mac
Holdings", "Zara owner Inditex said", "Google parent Alphabet reported")."""


def owners_of_known(
    text: str, part: str, known_ends: Iterable[int], directory: Directory
) -> Iterable[Proposal]:
    """The owners named right after a known company (ending at each of ``known_ends``)."""
    for end in known_ends:
        owner = _OWNER_AFTER.match(text, end, end + 120)
        if owner is not None:
            proposal = _proposal(owner, "name", part, "owner", directory)
            if proposal is not None:
                yield proposal


_DEAL_TO_BUY = re.compile(
    r"\b(?:deal|agreement|offer|bid|plans?|proposal) to (?:acquire|buy|purchase)"
    rf" (?P<name>{NAME})" + _BOUGHT_NAME_CLOSED
)
_TO_BUY = (" to acquire ", " to buy ", " to purchase ")


def deals_to_buy(text: str, part: str, directory: Directory) -> Iterable[Proposal]:
    """What a deal, an agreement or an offer is to buy, when a name closed by punctuation or a
    word of the deal ("struck a deal to acquire Snelling Staffing, which", "an offer to buy
    Zorbix for $2 billion"): a company, whoever the buyer is. Read back from each "to
    acquire", a literal the engine skips to."""
    for verb in _TO_BUY:
        index = text.find(verb)
        while index >= 0:
            deal = _DEAL_TO_BUY.search(text, max(0, index - 12), index + len(verb) + 120)
            if deal is not None and deal.group("name") not in _NOT_BOUGHT_COMPANIES:
                town = _TOWN_BASED_AFTER.match(text, deal.end("name"))
                if town is not None:  # "to acquire Plano, Texas-based Crescent Constructors"
                    deal = town
                name = _without_legal_form(deal.group("name"))
                start, end = deal.start("name"), deal.start("name") + len(name)
                proposal = _proposal_at(name, start, end, part, "ownership", directory)
                if proposal is not None:
                    yield proposal
            index = text.find(verb, index + 1)


_BOUGHT_BEFORE_FROM = re.compile(
    r"\b(?:purchase|acquisition|acquired|bought|buy|buying|acquire|acquires|purchased|buys"
    r"|acquiring)\b[^.;:!?\n]{0,60}$"
)
_SELLER_AFTER_FROM = re.compile(rf" from (?:the )?(?P<name>{NAME}){_BOUGHT_NAME_CLOSED}")


def sellers(text: str, part: str, directory: Directory) -> Iterable[Proposal]:
    """Whom something was bought from ("made the purchase from Crew Wine Company, majority-
    owned by", "acquired the brand from Zorbix Holdings for $20 million"): a company selling
    a business (a person's name, a place or a public body is ruled out by its name)."""
    index = text.find(" from ")
    while index >= 0:
        named = text[index + 6 : index + 7].isupper() or text.startswith("the ", index + 6)
        if named and _BOUGHT_BEFORE_FROM.search(text, max(0, index - 80), index) is not None:
            seller = _SELLER_AFTER_FROM.match(text, index)
            if seller is not None:
                name = _without_legal_form(seller.group("name"))  # "from Swiss Capital LLC"
                start = seller.start("name")
                proposal = _proposal_at(name, start, start + len(name), part, "seller", directory)
                if proposal is not None:
                    yield proposal
        index = text.find(" from ", index + 1)


_HAVING_BOUGHT = re.compile(rf"having (?:acquired|bought|purchased) (?P<name>{NAME})")
_AND_NEXT_NAME = re.compile(rf"(?:, and |, | and )(?P<name>{NAME})")
_BOUGHT_LIST_ENDS = re.compile(_BOUGHT_NAME_CLOSED)


def bought_having(text: str, part: str, directory: Directory) -> Iterable[Proposal]:
    """What a buyer named earlier in the sentence is "having acquired": companies, when the
    list of names is closed by punctuation or a word of the deal ("a regular buyer, having
    acquired Village Inn and Bakers Square.")."""
    index = text.find("having ")
    while index >= 0:
        first = _HAVING_BOUGHT.match(text, index)
        if first is not None:
            names = [first]
            while (more := _AND_NEXT_NAME.match(text, names[-1].end())) is not None:
                names.append(more)
            if _BOUGHT_LIST_ENDS.match(text, names[-1].end()):
                for found in names:
                    if found.group("name") not in _NOT_BOUGHT_COMPANIES:
                        proposal = _proposal(found, "name", part, "ownership", directory)
                        if proposal is not None:
                            yield proposal
        index = text.find("having ", index + 1)


def _without_legal_form(name: str) -> str:
    """The name without the legal form NAME read with it ("Chantecaille Beaute Inc"): the
    company goes by the rest."""
    head, _, last = name.rpartition(" ")
    return head.rstrip(",") if head and last in _LEGAL_FORM_SET else name


_TOWN_BASED_AFTER = re.compile(
    rf",(?: [A-Z][\w.]*){{1,3}}-(?:based|headquartered) (?P<name>{NAME})"
)


def _bought_at(text: str, end: int, part: str, directory: Directory) -> Iterable[Proposal]:
    """The company bought by the buyer whose name ends at ``end``."""
    bought = _BUYS_AFTER.match(text, end, end + 160)
    if bought is not None and bought.group("name") not in _NOT_BOUGHT_COMPANIES:
        town = _TOWN_BASED_AFTER.match(text, bought.end("name"))
        if town is not None:  # "acquired Greenville, South Carolina-based Dedicated ..."
            bought = town
        proposal = _proposal(bought, "name", part, "ownership", directory)
        if proposal is not None:
            yield proposal


def _appositive_anchors(text: str) -> Iterable[re.Match[str]]:
    yield from _APPOSITIVE_ANCHOR.finditer(text)
    if "—" in text or "–" in text or " -" in text:  # the dashed kind is rare: look only then
        yield from _DASHED_APPOSITIVE_ANCHOR.finditer(text)


def _sentence_subject(
    text: str, anchor: int, part: str, directory: Directory
) -> Iterable[Proposal]:
    """The name before " is a ... company" when it opens its sentence (not "Jane Doe, who
    ... is a startup")."""
    for proposal in _name_before(text, anchor, part, "described as a company", directory):
        if _opens_sentence(text, proposal.start):
            yield proposal


def _an_opening_adverb(text: str, proposal: Proposal) -> bool:
    """ "Typically, a small carrier ...": a sentence's first word, not a company described."""
    return (
        proposal.name.endswith("ly")
        and " " not in proposal.name
        and proposal.name == text[proposal.start : proposal.end]
        and _opens_sentence(text, proposal.start)
    )


def _opens_sentence(text: str, start: int) -> bool:
    """Nothing but quotes and spaces between ``start`` and the end of the sentence before."""
    before = text[max(0, start - 40) : start].rstrip(" \t\"“‘'")
    return not before or before[-1] in ".!?:\n"


_ABOUT_LINE = re.compile(rf"About (?P<name>{_NAME}|{_LOWER_NAME}|[a-z][\w&-]+)[ \t]*\n")
"""A press release's closing section: "About Zorbix" on a line of its own, then the company
describing itself ("Zorbix is a provider of ...", "my6sense offers a platform ...")."""
_SELF_DESCRIPTION_WORDS = frozenset(
    {*_CONTEXT_WORDS, "founded", "headquartered", "provider", "solutions", "leader", "leading"}
)


def _about_sections(text: str, part: str, directory: Directory) -> Iterable[Proposal]:
    if part != "body" or "About " not in text:
        return
    for index in _find_all(text, ("\nAbout ",)):
        line = _ABOUT_LINE.match(text, index + 1)
        if line is None:
            continue
        name = line.group("name")
        section = text[line.end() :].lstrip()
        if section.startswith(name) and _describes_a_company(section[: section.find(".")]):
            proposal = _proposal_at(
                name, line.start("name"), line.end("name"), part, "press release", directory
            )
            if proposal is not None:
                yield proposal


_HEADING = re.compile(rf"(?:^|\n)(?P<name>{_NAME})[ \t]*\n[ \t]*\n?$")
_SECTION_KIND = re.compile(
    r"(?:The|A|An) (?:[\w'’-]+ ){0,5}?(?:company|chain|retailer|brand|maker|firm|startup"
    r"|start-up|manufacturer|lender|bank|airline|carrier|operator|insurer|group|label)\b"
)


_HEADING_WORDS = frozenset(
    {*GENERIC_WORDS, "The", "A", "An", "What", "Why", "How", "Who", "When", "Where", "Our",
     "Background", "Conclusion", "Summary", "Update", "Updates", "Related", "Advertisement",
     "Read", "See", "Share", "Comments", "Results", "Overview", "Introduction"}
)  # fmt: skip


def _headed_sections(text: str, directory: Directory) -> Iterable[Proposal]:
    """A roundup's heading that is a name, over a paragraph that opens by saying what kind of
    company it is ("Aerosoles" over "The New Jersey-based women’s footwear company filed for
    bankruptcy", "American Apparel" over "A fashion brand known for its edgy offerings")."""
    for index in _find_all(text, ("\nThe ", "\nA ", "\nAn ")):
        line_end = index - 1 if text[index - 1 : index] == "\n" else index  # a blank line
        if not text[line_end - 1 : line_end].isalnum():
            continue  # the cheap test first: a heading ends in a letter, not "." or ":"
        if not _SECTION_KIND.match(text, index + 1, index + 80):
            continue
        heading = _HEADING.search(text, max(0, index - 60), index + 1)
        if heading is None:
            continue
        name = heading.group("name")
        if name.split()[0] in _HEADING_WORDS or name in PLACES or NOT_COMPANY_WORDS.search(name):
            continue  # "The Results", "Background", "Asia"
        if f" {name.lower()} " in text[index : index + 40]:
            continue  # a topic: "Domestic" over "The domestic airline industry"
        known = directory.find(name)
        yield Proposal(
            known.name if known is not None else name,
            "body",
            heading.start("name"),
            heading.end("name"),
            "heading",
        )


_OFFER_LINE = re.compile(
    rf"(?:^|\n)(?:[-•*] )?(?P<name>{_NAME}|{_LOWER_NAME}): [^\n]*?(?:(?:promo|coupon|offer|discount"
    r"|with|use) code\b|free trial\b|\d% off\b|\$\d+ off\b)"
)
"""A sponsor's line in a podcast's or a newsletter's notes: "- Mack Weldon: Better than whatever
you're wearing. Get 20% off your first order with code ATP", "Backblaze: ... Start your 15-day
free trial": only a business sells with a code or a trial."""


_SPONSOR_LINE = re.compile(rf"[ \t]*(?:[-•*] )?(?P<name>{_NAME}|{_LOWER_NAME}): [A-Z]")
"""A line that names a sponsor as the offers' lines do, with no offer of its own ("- Fracture:
Your photos, printed beautifully directly on glass.")."""


def _sponsor_lines(text: str, part: str, directory: Directory) -> Iterable[Proposal]:
    """Sponsors' lines with an offer, and the lines of the same shape after them, up to a line
    of another shape: a podcast lists its sponsors together. The lines before them only decide
    known names ("- Betterment: Rethink what your money can do."): a show's own segments and
    books come before its sponsors in the same shape ("- Post-show Neutral: ...")."""
    if part != "body" or ": " not in text:
        return
    for offer in _OFFER_LINE.finditer(text):
        for line, weak in (
            (offer, False),
            *((line, False) for line in _same_shape_lines(text, offer.start("name"), 1)),
            *((line, True) for line in _same_shape_lines(text, offer.start("name"), -1)),
        ):
            proposal = _proposal(line, "name", part, "sponsor", directory)
            if proposal is not None and not _a_product_of_a_known_name(proposal.name, directory):
                yield proposal._replace(decides_only=weak)


def _a_product_of_a_known_name(name: str, directory: Directory) -> bool:
    """A name of words after a known company's ("JAMF Now", "Audible Careers") or its site
    ("Audible.com"): its product, unit or shop, which the company’s own name stands for."""
    first, space, _ = name.partition(" ")
    if space:
        return directory.find(first) is not None
    return name.endswith(".com") and directory.find(name.removesuffix(".com")) is not None


def _same_shape_lines(text: str, index: int, step: int) -> Iterable[re.Match[str]]:
    """The lines of _SPONSOR_LINE's shape after (``step`` 1) or before (-1) the line at
    ``index``, up to one of another shape."""
    line_start = text.rfind("\n", 0, index) + 1
    line_end = text.find("\n", index)
    while True:
        if step > 0:
            if line_end < 0:
                return
            line_start, line_end = line_end + 1, text.find("\n", line_end + 1)
        else:
            if line_start == 0:
                return
            line_start = text.rfind("\n", 0, line_start - 1) + 1
        line = _SPONSOR_LINE.match(text, line_start)
        if line is None:
            return
        yield line


def _describes_a_company(sentence: str) -> bool:
    words = sentence.lower().translate(_SPACE_FOR_NOT_ALNUM).split()
    return not _SELF_DESCRIPTION_WORDS.isdisjoint(words)


def _frame_proposals(text: str, part: str, directory: Directory) -> Iterable[Proposal]:
    """Names that trade, ownership, lists, jobs and products show to be companies (see
    frames.py); a name seen twice in one frame is proposed once."""
    seen: set[int] = set()
    for frame in frames(text):
        if frame.start in seen:
            continue
        seen.add(frame.start)
        if frame.read_loosely:
            proposal = _proposal_at(
                frame.name,
                frame.start,
                frame.end,
                part,
                frame.reason,
                directory,
                keep_nationality=frame.after_preposition,
            )
            if proposal is not None:
                yield proposal
            continue
        name = _without_place_after(frame.name)
        excluded = NOT_COMPANY_ORGANISATIONS if frame.trade else NOT_COMPANY_WORDS
        if (
            name in GENERIC_WORDS
            or name in _NAME_WORD_SUFFIXES
            or name in PLACES
            or name in _LEADING_NOISE
            or len(name) < 2
            or _occasion_or_place(name)
            or excluded.search(_after_place(name.removeprefix("The ")))
            or _joins_known_names(name, directory)
        ):
            continue
        known = directory.find(name)
        if known is None and text.startswith(("'s", "’s"), frame.end):
            known = directory.find(f"{name}'s")  # "Macy’s": the name has the apostrophe
        yield Proposal(
            known.name if known is not None else name,
            part,
            frame.start,
            frame.end if name == frame.name else frame.start + len(name),
            frame.reason,
            decides_only=not frame.strong,
        )


_OCCASIONS = frozenset(
    {"Christmas", "Easter", "Thanksgiving", "Halloween", "Hanukkah", "Diwali", "Ramadan", "Eid",
     "Valentine's", "Black Friday", "Cyber Monday", "Prime Day", "Singles Day", "Boxing Day",
     "New Year", "New Year's", "Christmas Eve", "Memorial Day", "Labor Day", "Presidents Day"}
)  # fmt: skip
_PLACE_LAST_WORDS = frozenset(
    {"Arena", "Center", "Centre", "Stadium", "Field", "Park", "Garden", "Gardens", "Hall",
     "Theater", "Theatre", "Airport", "Station", "Square", "Street", "Avenue", "Road", "Mall",
     "Museum", "Church", "Cathedral", "Palace", "Castle", "Bridge", "Island", "Beach"}
)  # fmt: skip


def _occasion_or_place(name: str) -> bool:
    """ "at Christmas for $20", "available at Madison Square Garden", "in a Christmas post": a
    season or a place where things are sold or said, not a seller."""
    return name in _OCCASIONS or name.rsplit(" ", 1)[-1] in _PLACE_LAST_WORDS


_PLACE_WORD = re.compile(r"^.*\b(?:City|County|State|Province) (?=[A-Z])")


def _after_place(name: str) -> str:
    """A name without the place it starts with: "Kansas City Star" is a newspaper and "Orange
    County Register" is too, though "Kansas City" and "Orange County" are not companies."""
    return _PLACE_WORD.sub("", name, count=1)


def _joins_known_names(name: str, directory: Directory) -> bool:
    """ "the Gannett-Gatehouse merger": two companies joined by a hyphen name their deal, not a
    third company."""
    if "-" not in name or directory.find(name) is not None:
        return False
    return any(directory.find(piece) is not None for piece in name.split("-"))


_EXECUTIVES = (
    *ROLES, "chief financial officer", "chief operating officer", "chief technology officer",
    "chief strategy officer", "chief marketing officer", "chief product officer", "CFO", "COO",
    "CTO",
)  # fmt: skip
_POSSESSIVE_ROLES = (
    "shares", "stock", "share price", "board", "shareholders", "revenue", "profit", "quarterly",
    *(
        f"{modifier}{role}"
        for modifier in ("", "new ", "former ", "interim ", "acting ", "then-")
        for role in (*_EXECUTIVES, *(role.title() for role in _EXECUTIVES if role.islower()))
    ),
)  # fmt: skip
"""After "'s": "Acme's chief executive", "Acme's new Chief Strategy Officer"."""
_TITLES_AFTER = (" CEO ", " Chief Executive ", " co-founder ")
_ANALYSTS_AFTER = (
    " analysts said", " analysts say", " analysts wrote", " analysts write", " analysts expect",
    " analysts estimate", " analysts noted", " analyst said", " analyst wrote",
)  # fmt: skip
"""After a firm's name mid-sentence: its analysts speak for it ("WoodMac analysts said")."""
_ANALYST_NAMED_AFTER = (" analyst ", " economist ", " strategist ")
_PERSON_THEN_SAYS = re.compile(
    r" (?:analyst|economist|strategist) [A-Z][a-z]+(?: [A-Z]\.)? [A-Z][a-z]+(?:-[A-Z][a-z]+)?"
    r",? (?:said|says|wrote|writes|noted|told)\b"
)
"""After a firm's name: one of its analysts, named, speaks ("Warburg Securities analyst Jane
Doe said")."""


def _analysts_speaking(text: str) -> Iterable[int]:
    """Where a firm's analysts speak for it, right after its name: "WoodMac analysts said",
    "Warburg Securities analyst Jane Doe said"."""
    yield from _find_all(text, _ANALYSTS_AFTER)
    for index in _find_all(text, _ANALYST_NAMED_AFTER):
        if _PERSON_THEN_SAYS.match(text, index):
            yield index


_SHARE_MOVES = tuple(
    f" shares {verb}"
    for verb in ("rose", "fell", "jumped", "dropped", "gained", "slid", "climbed", "tumbled",
                 "surged", "sank")
)  # fmt: skip


def _role_after_names(text: str) -> Iterable[int]:
    """Where "'s chief executive", " CEO ", " shares fell" ... follow a name: the few
    possessives and titles are found first, then checked for what follows."""
    for mark in ("'s ", "’s "):
        if mark in text:
            for index in _find_all(text, (mark,)):
                if text.startswith(_POSSESSIVE_ROLES, index + 3):
                    yield index
    yield from _find_all(text, _TITLES_AFTER)
    if " shares " in text:
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
    *,
    organisation_words: bool = True,
) -> Iterable[Proposal]:
    found = _NAME_BEFORE.search(text, _name_window_start(text, anchor), anchor)
    if found is None or (found.start() and text[found.start() - 1].isalnum()):
        return  # none, or it starts inside a word: "eGT New Energy" is no "GT New Energy"
    if _cut_from_a_longer_name(text, found.start()):
        return  # "Oak Street Real Estate Capital" read as "Street Real Estate Capital"
    proposal = _proposal_at(
        found.group("name"), found.start("name"), found.end("name"), part, reason, directory,
        organisation_words=organisation_words, keep_nationality=extend_to is not None,
        with_legal_form=reason == "legal form",
    )  # fmt: skip
    if proposal is None:
        return
    if " & " in proposal.name:  # "Keefe, Bruyette & Woods Inc.": partners named before
        partners = _PARTNERS_BEFORE.search(text, max(0, proposal.start - 60), proposal.start)
        words = partners.group("partners").split(", ")[:-1] if partners is not None else []
        first = directory.find(words[0]) if words else None
        if first is not None:  # "Kasowitz, Benson, Torres & Friedman LLP": a known firm
            proposal = proposal._replace(name=first.name, start=partners.start("partners"))
        elif words and not any(
            w in PLACES or w in _LEADING_NOISE or directory.find(w) is not None for w in words
        ):
            start = partners.start("partners")
            proposal = proposal._replace(name=text[start : proposal.end], start=start)
    ordinal = _ORDINAL_BEFORE.search(text, max(0, proposal.start - 8), proposal.start)
    if ordinal is not None:  # "21st Century Fox": a name may start with a number ...
        if _DETERMINER_BEFORE.search(text, max(0, ordinal.start() - 8), ordinal.start()):
            return  # ... but "his 3rd Acme Inc. job" is a count of Acme's
        name = f"{ordinal.group(1)} {proposal.name}"
        proposal = proposal._replace(name=name, start=ordinal.start(1))
    if reason in ("legal form", "ticker") and _country_initials_before(text, proposal.start):
        start = proposal.start - len("U.S. ")  # "U.S. Games Systems, Inc.": initials open it
        proposal = proposal._replace(
            name=f"{text[start : proposal.start]}{proposal.name}", start=start
        )
    if _saint_before(text, proposal.start):
        start = proposal.start - len("St. ")  # "St. Joe Minerals Corp"
        proposal = proposal._replace(name=f"St. {proposal.name}", start=start)
    if (
        reason == "legal form" or proposal.name.rpartition(" ")[2] in _LEGAL_FORM_SET
    ) and directory.find(proposal.name) is None:
        start = _partner_before(text, proposal.start, proposal.name, directory)
        if start is not None:  # "Cable and Wireless Plc", "S.G. Warburg and Co Inc"
            if organisation_words and NOT_COMPANY_WORDS.search(text, start, proposal.start):
                return  # "Federal Savings and Loan Insurance Corp": a public body's name
            proposal = proposal._replace(
                name=f"{text[start : proposal.start]}{proposal.name}", start=start
            )
    if proposal.name in _LEGAL_FORM_SET:
        return  # "... and Co Inc" after no name that could be read
    if reason == "legal form" and directory.find(proposal.name) is None:
        owner = _OWNER_IN_NAME.search(text, max(0, proposal.start - 30), proposal.start)
        if (
            owner is not None
            and owner.group(1) not in _LEADING_NOISE
            and owner.group(1)[:-2] not in PLACES
            and owner.group(1)[:-2] not in _LEGAL_FORM_SET  # "Acme Corp's Zorbix Labs"
            and directory.find(owner.group(1)[:-2]) is None  # "Apple’s Software Group"
        ):  # "Shearer’s Snack Foods", "Holden’s Foundation Seeds Inc."
            start = owner.start(1)
            name = text[start : proposal.end] if extend_to is None else proposal.name
            proposal = proposal._replace(name=name.rstrip(" ,"), start=start)
    if extend_to is not None:  # "Acme Robotics": the suffix word is part of the name
        written = text[proposal.start : anchor].rstrip(" ,")
        if text[anchor:extend_to].strip(" ,") in _AFTER_TWO_WORDS and " " not in written:
            return  # "Content Management", "Risk Management": a trade, not a firm
        if written.partition(" ")[0] in _PRODUCT_LINES or not _named_with_name_word(
            text,
            written,
            proposal.start,
            extend_to,
            initials_suffice=part != "title",
            once_suffices=text[anchor:extend_to].strip(" ,") in _COMPANY_ONLY_WORDS,
        ):
            return  # "iPhone Software" is a product's team; a headline capitalises every word
        tail = _FIRM_TAIL.match(text, extend_to)
        if tail is not None:  # "Cantillon Capital Management", "Holt Capital Advisors"
            extend_to = tail.end()
        name = f"{written} {text[anchor:extend_to].strip(' ,')}"
        proposal = Proposal(name, part, proposal.start, extend_to, reason)
    yield proposal


_COUNTRY_INITIALS = ("U.S. ", "U.K. ")
_QUALIFIERS = ("the ", "The ", "its ", "their ", "a ", "an ", "his ", "her ")


def _country_initials_before(text: str, start: int) -> bool:
    """Whether "U.S." or "U.K." before a name with a legal form opens the name ("U.S. Games
    Systems, Inc.", whose name regex cannot read initials that end with a dot), and does not
    qualify it ("its U.S. Zorbix Inc. unit")."""
    initials = start - len("U.S. ")
    return (
        initials >= 0
        and text.startswith(_COUNTRY_INITIALS, initials)
        and (initials == 0 or not text[initials - 1].isalnum())
        and not text.endswith(_QUALIFIERS, 0, initials)
    )


def _saint_before(text: str, start: int) -> bool:
    """Whether "St." opens the name ("St. Joe Gold Corp", "St. Jude Medical"), whose name
    regex cannot read a word that ends with a dot; not a street's ("Main St. Acme Corp")."""
    saint = start - len("St. ")
    return (
        saint >= 0
        and text.startswith("St. ", saint)
        and (saint == 0 or not text[saint - 1].isalnum())
        and _WORD_OF_A_NAME_BEFORE.search(text, max(0, saint - 30), saint) is None
    )


_PARTNER_BEFORE = re.compile(
    r"(?:^|(?<=[\s(“\"]))(?P<partner>(?:(?:[A-Z]\.)+ )?[A-Z][\w-]*(?: (?:[A-Z]\.)+)?"
    r"(?: [A-Z][\w-]*){0,2}) and $"
)
"""Partners' names and "and" before a firm's name with a legal form: "Harper and Row
Publishers Inc", "S.G. Warburg and Co Inc", "Edward A. Viner and Co Inc", "Pacific Gas and
Electric Co"."""


def _written_as_the_directory_may(name: str) -> tuple[str, ...]:
    """ "Tiffany and Co" as "Tiffany & Co." and so on."""
    ampersand = name.replace(" and ", " & ")
    return name, f"{name}.", ampersand, f"{ampersand}."


_INITIALS_OPENING = re.compile(r"(?:^|(?<=[\s(“\"]))(?:[A-Z][a-z]+ )?(?:[A-Z]\.)+ $")
"""Initials that open a partner's name, which the name's words stop at: "S.G. Warburg",
"Edward A. Viner"."""


_INITIALS_ENDING = re.compile(r"(?<=[A-Za-z] )(?:[A-Z]\.){2,4}$")
"""Initials that end a name before its legal form ("Revco D.S. Inc"), which the name's words
cannot end with."""
_COUNTRY_IN_BRACKETS = re.compile(r" \((?P<place>[A-Z][\w .]{1,24})\),? ?$")


def _name_with_country_in_brackets(
    text: str, anchor: int, part: str, directory: Directory
) -> Iterable[Proposal]:
    """A group's company in a country, named with the country in brackets before its legal
    form ("Borg-Warner (Australia) Ltd", "Nestle (Malaysia) Bhd")."""
    brackets = _COUNTRY_IN_BRACKETS.search(text, max(0, anchor - 30), anchor)
    if brackets is None or brackets.group("place") not in PLACES:
        return
    for proposal in _name_before(text, brackets.start(), part, "legal form", directory):
        end = brackets.start() + len(f" ({brackets.group('place')})")
        name = f"{text[proposal.start : brackets.start()]} ({brackets.group('place')})"
        yield Proposal(name, part, proposal.start, end, "legal form")


def _partners_and_company(
    text: str, anchor: re.Match[str], part: str, directory: Directory
) -> Iterable[Proposal]:
    """A firm named after its partners and "Co" with no legal form after it ("Laurie Milbank
    and Co said"): the partners' names read before "and", with it; none when they are a
    company's own ("Goldman Sachs and Co": Goldman Sachs is found by its name). Partners
    named before with commas are part of it ("Kidder, Peabody and Co")."""
    partner_end = anchor.start() - len(" and ")
    for proposal in _name_before(text, partner_end, part, "legal form", directory):
        if directory.find(proposal.name) is not None:
            continue
        start = proposal.start
        initials = _INITIALS_OPENING.search(text, max(0, start - 20), start)
        if initials is not None:
            start = initials.start()
        partners = _PARTNERS_BEFORE.search(text, max(0, start - 60), start)
        if partners is not None:  # "Kidder, Peabody and Co", but not "Sears, Roebuck and Co"
            words = partners.group("partners").split(", ")[:-1]
            if any(w in PLACES or w in _LEADING_NOISE or directory.find(w) for w in words):
                continue
            start = partners.start("partners")
        name = text[start : anchor.end()].rstrip(".")
        known = directory.find(text[start:partner_end]) or next(
            filter(None, map(directory.find, _written_as_the_directory_may(name))), None
        )  # "J.P. Morgan and Co", "Tiffany and Co"
        yield Proposal(known.name if known else name, part, start, anchor.end(), "legal form")


def _partner_before(text: str, start: int, name: str, directory: Directory) -> int | None:
    """Where a name of partners joined by "and" starts, which the name's words stop at; None
    when what comes before "and" is a name of its own (a company of the directory: "Ford and
    Acme Motor Corp"; a place; a legal form: "Lazard and Co and Acme Corp") or the end of a
    list ("Lotus, Ashton and ...")."""
    found = _PARTNER_BEFORE.search(text, max(0, start - 60), start)
    if found is None:
        return None
    begin = found.start("partner")
    words = found.group("partner").split()
    if words[0] in ("The", "Both") or _ADJECTIVE.fullmatch(words[0]):
        begin += len(words.pop(0)) + 1  # "The Peninsular and Oriental ...", "Privately-held"
    partner = " ".join(words)
    if directory.find(f"{partner} and {name}") is not None:
        return begin  # "Pacific Gas and Electric", as the directory knows it
    if (
        not partner
        or partner in PLACES
        or partner in DEMONYMS
        or words[-1] in _LEGAL_FORM_SET
        or words[0] in _ROLE_WORDS  # "Director and Vice Chairman of Acme Corp"
        or directory.find(partner) is not None
        or any(character.isdigit() for character in partner)  # "the F-16 and Acme Corp"
        or text[max(0, begin - 4) : begin].rstrip().endswith(",")  # "Lotus, Ashton and Tate"
        or text.endswith(" in ", 0, begin)  # "First National Bank in Mount Clemens and ..."
    ):
        return None
    if name.split()[0] in _PARTNERS_FIRM_WORDS:
        return begin  # "N.M. Rothschild and Sons", "Shearson Inc and S.G. Warburg and Co Inc"
    if text[max(0, begin - 8) : begin].rstrip().endswith(" and"):
        return None  # "Wagner and Brown and AFG Industries Inc"
    if (
        words[-1] in _NAME_WORD_SUFFIXES  # "Steinhardt Partners and Acme Partners LP"
        or _ACRONYM.fullmatch(partner)  # "ITJ and Acme Planning Corp"
        or _ACRONYM.fullmatch(name.split()[0])  # "Redstone and MCV Holdings Inc"
        or _INITIAL_AND_SURNAME.fullmatch(partner)  # "T. Sosnoff and MTS Acquisition Corp"
        or _written_alone(text, name)  # "Kappa and Radiation Systems Inc" ... "Radiation Systems"
        or len(words) + _words_of_name(name) > 4  # "Chemical Bank and Marine Midland Banks"
    ):
        return None  # two companies, or a person and a company
    return begin


_PARTNERS_FIRM_WORDS = frozenset({"Co", "Company", "Sons", "Son", "Associates", "Partners"})
"""What follows "and" in a firm named after its partners: "S.G. Warburg and Co"."""
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]+")
_INITIAL_AND_SURNAME = re.compile(r"[A-Z]\. [A-Z][a-z]+")
_ADJECTIVE = re.compile(
    r"[A-Z][\w]*-(?:held|owned|listed|based|controlled|backed|run|minus|plus|registered)"
)
"""A capitalised word made with a hyphen and a word that makes it an adjective:
"Privately-held", "British-listed", "BB-minus" (not "Dai-ichi")."""


def _words_of_name(name: str) -> int:
    return sum(1 for word in name.split() if word not in _LEGAL_FORM_SET)


def _written_alone(text: str, name: str) -> bool:
    """Whether the text writes ``name`` without "X and" before it: then it is a company of its
    own that was listed after another ("Kappa and Radiation Systems Inc ... Radiation Systems
    said")."""
    index = text.find(name)
    while index >= 0:
        if (
            not text.endswith(" and ", 0, index)
            and _WORD_OF_A_NAME_BEFORE.search(text, max(0, index - 30), index) is None
            and not text[index - 1 : index].isalnum()
        ):
            return True  # alone: not "Dainippon Ink and Chemicals" ... "Reichhold Chemicals"
        index = text.find(name, index + 1)
    return False


_AFTER_TWO_WORDS = frozenset({"Management"})
"""Name words that end a firm's name only after two words or more ("Ivy Investment
Management"): after one they name a trade ("Asset Management", "Content Management")."""
_FIRM_TAIL = re.compile(
    r"(?: (?:Management|Advisors|Advisers|Partners|Investments|Associates|Shipping|Services))+"
    r"(?![\w&-])"
)
"""Words that go on a firm's name after its name word: "Capital Management"."""


_OWNER_IN_NAME = re.compile(r"(?:^|(?<=[\s(“\"]))([A-Z][\w&-]*['’]s) $")
"""A possessive that starts a company's name before its name word ("Shearer’s Snack Foods",
"Dillard’s Holdings"), which the name's words stop at."""
_PRODUCT_LINES = frozenset(
    {"iPhone", "iPad", "iPod", "iMac", "iOS", "iPadOS", "macOS", "watchOS", "tvOS", "visionOS",
     "iCloud", "iTunes", "iMessage", "iWork", "iBooks", "eBook", "eBooks", "eReader"}
)  # fmt: skip
"""Products written in lower case but for a capital inside, which a team or a category is
named after ("iPhone Software", "iOS Games"): unlike "eZ Systems" or "nCino Labs", no
company's name."""


_PARTNERS_BEFORE = re.compile(r"(?:^|(?<=[\s(“\"]))(?P<partners>(?:[A-Z][a-z]+, ){1,3})$")
"""Partners' surnames with commas before "X & Y", that the name's words stop at."""
_ORDINAL_BEFORE = re.compile(r"(?<![\w.,])(\d+(?:st|nd|rd|th)|(?<=, )\d{1,3}) $")
"""A number that starts a name: an ordinal ("21st Century Fox"), or a small number as a list's
item ("..., 10 Barrel Brewing Company")."""
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|his|her|its|their|our|my|your) $", re.I)


_LAST_NOT_IN_NAMES = re.compile(r'(?s:.*)(?:,|\. |\n|:|"|“)')
"""Up to the last text that no name of _NAME_BEFORE holds (its full stops are inside words:
"Amazon.com"), of the commonest such text: a comma, a full stop and a space, a line break..."""


def _cut_from_a_longer_name(text: str, start: int) -> bool:
    """The name read back from an anchor (four words at most) starts right after another
    word of a name: the name is longer than can be read, and its tail is no company's."""
    before = _WORD_OF_A_NAME_BEFORE.search(text, max(0, start - 30), start)
    if before is None:
        return False
    word = before.group(1)
    return not (word in _LEADING_NOISE or word.endswith("-based") or word in PLACES)


_WORD_OF_A_NAME_BEFORE = re.compile(r"(?<![.!?:] )(?<!^)\b([A-Z][a-z][\w&-]*) $")
"""A capitalised word right before a name, not one that opens the text or a sentence (there a
capital says nothing)."""


def _name_window_start(text: str, anchor: int) -> int:
    """Where _NAME_BEFORE is looked for before ``anchor``: _BEFORE characters back, or after
    the last of _LAST_NOT_IN_NAMES there, before which no name that ends at the anchor can
    start (the expression is tried at every letter of the window, and again at every word of
    a long name). Only a possessive, a comma and spaces may follow the name."""
    start = max(0, anchor - _BEFORE)
    end = anchor
    while end > start and text[end - 1].isspace():
        end -= 1
    name_end = end - 3  # at most a possessive and a comma come between the name and the spaces
    last = _LAST_NOT_IN_NAMES.match(text, start, name_end) if name_end > start else None
    return start if last is None else last.end()


_EVENT_AFTER = re.compile(
    r"\s+(?:Week|Festival|Awards?|Conference|Summit|Fair|Expo|Show|Prize|Forum|Day)\b"
)
_OFFICE_AFTER = re.compile(
    r"\s+(?:Office|Officer|Program|Programme|Division|Department|Directorate|Agency|Administration"
    r"|Bureau|Committee|Council|Initiative|Act|Task Force|Index|Average|ETF|Command)\b"
)
"""After "<name> Technologies": the office of a government or a body named after a field
("the Department of Energy's Vehicle Technologies Office"), or a stock index ("Philadelphia
Stock Exchange Semiconductor Index")."""
_ACRONYM_AFTER = re.compile(r"\s+\((?P<acronym>[A-Z]{2,8})\)")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{2,5}")


def _names_an_event(text: str, name: str) -> bool:
    """Somewhere in the text the name goes on as an event's ("Milan Design Week")."""
    index = text.find(name)
    while index >= 0:
        if _EVENT_AFTER.match(text, index + len(name)):
            return True
        index = text.find(name, index + 1)
    return False


_BUSINESS_WINDOW = 100
_TITLE_GOES_ON = re.compile(r"/|[ \t]*\n|(?: (?:in|of|for|and|the|to|on|at|with|a|an))+ [A-Z]")
"""After a name word: a heading's or a title's words go on ("Software/Firmware Updates",
"Language Design in the Service of ...") or the line ends there ("- Referencing Software")."""


def _in_company_context(text: str, start: int, end: int) -> bool:
    """A name with a name word, written once, among the words of business ("IBM acquired
    SoftLayer Technologies for $2bn", "Versant Ventures raises $700m"), in a sentence and not
    in a heading or a title, whose words are all capitalised."""
    if _TITLE_GOES_ON.match(text, end):
        return False
    before = text[max(0, start - _BUSINESS_WINDOW) : start]
    window = f"{before} {text[end : end + _BUSINESS_WINDOW]}".lower()
    words = window.translate(_SPACE_FOR_NOT_ALNUM).split()
    if not window.isascii():
        return len(company_context_words(window)) + len(_DEAL_WORDS.intersection(words)) >= 2
    found = len(_BUSINESS_WORDS.intersection(words))
    return found >= 2 or found + sum(has_phrase(window, p) for p in _CONTEXT_PHRASES) >= 2


_DEAL_WORDS = frozenset(
    {"acquired", "acquire", "acquires", "bought", "buys", "sold", "sells", "raised", "raises",
     "funding", "invested", "invests", "investment", "investors", "order", "orders", "stake",
     "merger", "contract", "lessor", "partnership", "portfolio", "backed", "venture", "sale",
     "bankruptcy", "franchisee", "franchisees", "takeover", "bid", "shareholders", "creditors"}
)  # fmt: skip
"""Words of deals, which only companies and investors make, besides COMPANY_CONTEXT."""
_BUSINESS_WORDS = _DEAL_WORDS | _CONTEXT_WORDS


def _named_with_name_word(
    text: str,
    written: str,
    start: int,
    end: int,
    *,
    initials_suffice: bool = True,
    once_suffices: bool = False,
) -> bool:
    """Whether "<written> Systems" (a name word that is also an ordinary word) is a company's
    name. Alone it is weak evidence (unless ``once_suffices``: a word such as "Bancorp" that
    only companies' names have), so the name must come back in the text or be initials
    ("IIFL Securities", "OGE Group"; not in a headline, whose words are all capitalised:
    "MDM Software Would Have Unlocked ..."); never when the text writes it in lower case too
    ("Life Insurance" over "the life insurance space"), nor when it is an event's name anywhere
    in the text ("Milan Design Week"), an office's ("Vehicle Technologies Office"), or part of
    a longer term that initials stand for ("Picture Archiving and Communication Systems
    (PACS)": more initials than words)."""
    if (
        not once_suffices
        and text.count(written) < 2
        and not (initials_suffice and _ACRONYM.fullmatch(written) is not None)
        and not _in_company_context(text, start, end)
    ):
        return False  # the cheap test first
    if _names_an_event(text, text[start:end]) or _OFFICE_AFTER.match(text, end):
        return False
    lower = text[start:end].lower()
    plural = f"{lower[:-1]}ies" if lower.endswith("y") else f"{lower}s"
    if has_phrase(text, lower) or has_phrase(text, plural):
        return False  # a trade's heading: the text also writes "life insurance", "tech companies"
    acronym = _ACRONYM_AFTER.match(text, end)
    return acronym is None or len(acronym.group("acronym")) <= len(written.split()) + 1


def _proposal(
    match: re.Match[str], group: str, part: str, reason: str, directory: Directory
) -> Proposal | None:
    return _proposal_at(
        match.group(group), match.start(group), match.end(group), part, reason, directory
    )


def _proposal_at(
    name: str,
    start: int,
    end: int,
    part: str,
    reason: str,
    directory: Directory,
    *,
    organisation_words: bool = True,
    keep_nationality: bool = False,
    with_legal_form: bool = False,
) -> Proposal | None:
    """The name read at ``start`` as a company, without the words before it that are not part
    of it ("Shares of", "The", "Tokyo-based"); None when what is left is not a company's. A
    word of organisations ("States", "Board") rules a name out unless a legal form follows it
    (``organisation_words`` False: "Corn States Hybrid Service Inc."); "Union" opening a name
    is a company's word ("Union Planters Corp.", "Union Carbide"). A nationality that
    opens the name stays when a word of company names follows it or ends the name ("American
    Securities", "American Industrial Partners"), with ``keep_nationality``, where a
    preposition comes right before ("chief development officer at American Campus
    Communities": not "at Japanese Zorbix"), and ``with_legal_form`` for the nationalities of
    _NAMES_AT_HOME ("American Tissue Inc.")."""
    cut = after_place_possessive(name)  # "Japan's Zorbix Corp."
    name, start = name[cut:], start + cut
    words = name.split()
    if "of" in words and all(w in _ROLE_WORDS or w == "and" for w in words[: words.index("of")]):
        cut = words.index("of") + 1  # "Shares of Globex", "CEO and Founder of Acme" -> the name
        start += len(" ".join(words[:cut])) + 1
        words = words[cut:]
    if len(words) > 1 and REUTERS_CODE.fullmatch(words[-1]):
        words = words[:-1]  # "CATL 300750.SZ said"
    while words and (
        words[0] in _LEADING_NOISE
        or (len(words) > 1 and words[0] in _LEGAL_FORMS_BEFORE)  # "NV Philips"
        or words[0].endswith(WHERE_BASED)
        or (len(words) > 1 and _ADJECTIVE.fullmatch(words[0]))  # "B-minus Hyponex Corp"
    ):
        if words[1:] and words[1] in _PARTS_OF_DAY:
            break  # "Tuesday Morning, which filed for bankruptcy": a day is no name of its own
        if (
            words[0] in _NATIONALITIES
            and len(words) > 1
            and (
                keep_nationality
                or words[1] in _NAME_WORD_SUFFIXES
                or words[-1] in _NAME_WORD_SUFFIXES
                or (with_legal_form and words[0] in _NAMES_AT_HOME)
                or (with_legal_form and words[1] in ("Bank", "Banking"))  # "Swiss Bank Corp"
            )
        ):
            break
        start += len(words[0]) + 1
        words = words[1:]
    name = " ".join(words).rstrip(".,'’")
    for suffix in ("'s", "’s"):
        name = name.removesuffix(suffix)
    if (cut := _without_place_after(name)) != name:
        name, end = cut, start + len(cut)
    if (
        not name
        or name.isdigit()  # "Till 2011, the world's largest airline"
        or name in GENERIC_WORDS
        or name in _PUBLIC_CORPORATIONS  # "Commodity Credit Corp"
        or name in _NAME_WORD_SUFFIXES  # "Management’s lesser-known powers"
        or name.startswith(_STORMS)  # "the ravages of Hurricane Sandy, the company said"
        or name in _LEADING_NOISE
        or name in PLACES  # "India's primary market", "investors in China"
        or len(name) < 2
        or (organisation_words and NOT_COMPANY_WORDS.search(name.removeprefix("Union ")))
    ):
        return None
    known = directory.find(name) or _known_with_legal_form(name, directory)
    if known is not None:
        name = known.name
    elif _joins_known_names(name, directory):
        return None  # "Dolphins-Sun Life Financial: a naming-rights deal"
    return Proposal(name, part, start, max(end, start + 1), reason)


def _without_place_after(name: str) -> str:
    """The name without "of" and a city after a word that ends companies' names: "Breslube
    Enterprises of Toronto", "Reuters Holdings PLC of London" (but "Bank of Montreal", "Ford
    Motor Co of Canada")."""
    head, of, place = name.rpartition(" of ")
    if of and place in CITIES and head.rpartition(" ")[2] in _ENDS_OF_NAMES:
        return head
    return name


def _known_with_legal_form(name: str, directory: Directory) -> CompanyEntry | None:
    """A company of the directory written with a legal form it does not list ("IBISWorld
    Inc")."""
    head, _, last = name.rpartition(" ")
    return directory.find(head.rstrip(",")) if head and last in _LEGAL_FORM_SET else None
