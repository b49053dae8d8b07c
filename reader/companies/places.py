"""Places that news writes in the possessive before a company's name ("Japan's Rakuten",
"Kazakhstan's Air Astana", "South Korea's Zorbix"): they say where the company is from and are
no part of its name, so a name read from a list or a phrase starts after them. Likewise a town
and its state after a company's name ("Ford Motor Co., Dearborn, Mich.") say where it is
based."""

from __future__ import annotations

import re

_COUNTRIES = (
    "Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan "
    "Bahamas Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia "
    "Botswana Brazil Britain Brunei Bulgaria Burundi Cambodia Cameroon Canada Chad Chile China "
    "Colombia Congo Croatia Cuba Cyprus Czechia Denmark Djibouti Dominica Ecuador Egypt England "
    "Eritrea Estonia Eswatini Ethiopia Europe Fiji Finland France Gabon Gambia Georgia Germany "
    "Ghana Greece Greenland Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland India "
    "Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kiribati "
    "Korea Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein "
    "Lithuania Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius "
    "Mexico Moldova Monaco Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nauru Nepal "
    "Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan Palau Palestine Panama Paraguay "
    "Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Samoa Scotland Senegal Serbia "
    "Seychelles Singapore Slovakia Slovenia Somalia Spain Sudan Suriname Sweden Switzerland "
    "Syria Taiwan Tajikistan Tanzania Thailand Togo Tonga Tunisia Turkey Turkmenistan Tuvalu "
    "Uganda Ukraine Uruguay Uzbekistan Vanuatu Venezuela Vietnam Wales Yemen Zambia Zimbabwe "
    "America Africa Asia Scandinavia Bavaria Catalonia Quebec Ontario California Texas Florida"
)
_CITIES = (
    "Beijing Shanghai Shenzhen Tokyo Osaka Seoul Mumbai Delhi Bangalore Bengaluru London Paris "
    "Berlin Munich Milan Madrid Amsterdam Stockholm Zurich Geneva Dubai Moscow Toronto Sydney "
    "Melbourne Detroit Chicago Seattle Boston Atlanta Dallas Houston Denver Brooklyn Manhattan"
)
_SEVERAL_WORDS = (
    "South Korea", "North Korea", "South Africa", "Saudi Arabia", "New Zealand", "Hong Kong",
    "Sri Lanka", "Costa Rica", "El Salvador", "Puerto Rico", "Czech Republic",
    "Dominican Republic", "Ivory Coast", "Sierra Leone", "Papua New Guinea", "United States",
    "United Kingdom", "United Arab Emirates", "Abu Dhabi", "Latin America", "North America",
    "South America", "Southeast Asia", "Silicon Valley", "Wall Street", "Wall St", "New York",
    "Los Angeles", "San Francisco", "Las Vegas", "Tel Aviv", "Sao Paulo", "São Paulo",
    "Kuala Lumpur", "Mexico City", "Cape Town",
)  # fmt: skip
_INITIALS = ("U.S.", "U.S", "US", "USA", "UK", "U.K.", "U.K", "EU")
PLACES = frozenset((*_COUNTRIES.split(), *_CITIES.split(), *_SEVERAL_WORDS, *_INITIALS))
_CITIES_OF_SEVERAL_WORDS = (
    "Los Angeles", "San Francisco", "Las Vegas", "Tel Aviv", "Sao Paulo", "São Paulo",
    "Kuala Lumpur", "Mexico City", "Cape Town", "Abu Dhabi",
)  # fmt: skip
CITIES = frozenset((*_CITIES.split(), *_CITIES_OF_SEVERAL_WORDS))
"""Cities, which a company's name seldom ends with ("Acme Holdings of Toronto" is where Acme
Holdings is; but "Bank of New York", "Aluminum Co of America")."""
_POSSESSIVES = ("'s", "’s")
_LONGEST_PLACE = max(len(place.split()) for place in PLACES)


def after_place_possessive(name: str) -> int:
    """How many characters of ``name`` a place in the possessive takes, with the space after
    it (0 when it does not start with one, or when nothing would be left)."""
    words = name.split(" ")
    for count in range(1, min(_LONGEST_PLACE, len(words) - 1) + 1):
        last = words[count - 1]
        if last.endswith(_POSSESSIVES):
            place = " ".join((*words[: count - 1], last[:-2]))
            return len(place) + 3 if place in PLACES else 0
    return 0


_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia"
    "|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts"
    "|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey"
    "|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania"
    "|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington"
    "|West Virginia|Wisconsin|Wyoming|Ontario|Quebec|British Columbia|Alberta"
)
_STATE_ABBREVIATIONS = (
    r"Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo"
    r"|Mont|Neb|Nev|N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|Okla|Ore|Pa|R\.I|S\.C|S\.D|Tenn|Vt|Va"
    r"|Wash|W\.Va|Wis|Wyo|D\.C"
)
STATES = frozenset(_STATES.split("|"))
STATE_AFTER = re.compile(rf",\s+(?:(?:{_STATE_ABBREVIATIONS})\.|(?:{_STATES})\b)")
"""A state after a name and a comma: the name is a town ("Dearborn, Mich.", "Lawrenceville,
N.J.", "Palo Alto, California"), as American papers write where a company is based."""

DEMONYMS = frozenset(
    {"American", "British", "Canadian", "Mexican", "Brazilian", "Chinese", "Japanese", "Korean",
     "Indian", "Taiwanese", "German", "French", "Dutch", "Belgian", "Swiss", "Austrian",
     "Italian", "Spanish", "Portuguese", "Swedish", "Norwegian", "Danish", "Finnish", "Irish",
     "Polish", "Czech", "Hungarian", "Israeli", "Turkish", "Australian", "Singaporean",
     "European"}
)  # fmt: skip
"""A country's adjective, which news writes before "-based" as it writes the country's name
("Czech-based Key 6 Business Solutions")."""
