"""Company detection on the built-in directory: names that are also words or people's names are
decided by context, both ways; unknown companies are proposed from evidence; every detection
says where it was found and whether the article is about the company."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.companies.detect import MENTION, SUBJECT, Detection, Detector
from reader.companies.directory import CompanyEntry, Directory, builtin_directory

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "article.txt"
SEED_TITLE = "Honda and Nissan are preparing a large-scale project for the American market"


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(builtin_directory())


def names(detections: list[Detection]) -> set[str]:
    return {d.name for d in detections}


def found(detector: Detector, title: str, body: str) -> dict[str, Detection]:
    return {d.name: d for d in detector.detect(title, body)}


def test_the_directory_is_big_and_covers_the_car_industry() -> None:
    directory = builtin_directory()
    assert len(directory) >= 2000
    for name in ("Honda", "Nissan", "Toyota", "BYD", "Rivian", "Lucid", "Nio", "Xpeng", "Geely",
                 "Denso", "Bosch", "Tesla", "Hyundai", "Kia", "Tata Motors"):  # fmt: skip
        assert directory.find(name) is not None, name


def test_seed_article_has_honda_and_nissan_as_subjects_byd_as_mention_and_no_nikkei(
    detector: Detector,
) -> None:
    if not SEED.is_file():
        pytest.skip(f"{SEED} is missing")
    result = found(detector, SEED_TITLE, SEED.read_text(encoding="utf-8"))

    assert result["Honda"].salience == SUBJECT
    assert result["Nissan"].salience == SUBJECT
    assert result["BYD"].salience == MENTION
    assert not any("Nikkei" in name for name in result)


@pytest.mark.parametrize(
    ("title", "body", "company"),
    [
        (
            "Apple unveils a thinner iPhone",
            "Apple said the iPhone would ship in September.",
            "Apple",
        ),
        (
            "Ford recalls 500,000 F-150 pickups",
            "Ford Motor said dealers would fix the trucks.",
            "Ford",
        ),
        (
            "Shell profit jumps",
            "Shell said quarterly profit rose as oil and gas prices climbed.",
            "Shell",
        ),
        (
            "Target cuts forecast",
            "Target, the retailer, said shoppers cut spending at its stores.",
            "Target",
        ),
        ("Amazon expands Prime", "Amazon said Prime members would get faster delivery.", "Amazon"),
        (
            "Kindle for PC",
            "Kindle for PCのショートカットキー。Amazonがあまり力を入れていない。",
            "Amazon",
        ),
        ("Visa and Mastercard settle", "Visa said card fees would fall for merchants.", "Visa"),
        ("Smart speakers", "It sounds better than an Amazon Echo or a Google Home.", "Amazon"),
        ("Phones", "In my experience Sprint is the worst of the U.S. carriers.", "Sprint"),
        ("Sponsors", "Away: travel essentials. Their carry-on suitcase has a battery.", "Away"),
        ("Comey's op-ed on the Apple/Encryption case", "The FBI director wrote it.", "Apple"),
        ("Casper raises money", "Casper, the mattress startup, will open 200 stores.", "Casper"),
        (
            "Medium changes its paywall",
            "Medium, the blogging platform founded by Ev Williams, will pay writers more.",
            "Medium",
        ),
        ("Show notes", "- Apple to use its own CPUs in Macs?", "Apple"),
        ("Connectors", "Android phones use USB-C, unlike Apple’s Lightning connector.", "Apple"),
        (
            "Casey's tops estimates",
            "Casey's said inside sales at its convenience stores rose.",
            "Casey's General Stores",
        ),
        ("Tomato seasoning", "Heinz may no longer call its condiment ketchup.", "Kraft Heinz"),
    ],
)
def test_ambiguous_names_with_company_context_are_detected(
    detector: Detector, title: str, body: str, company: str
) -> None:
    assert company in names(detector.detect(title, body))


@pytest.mark.parametrize(
    ("title", "body", "word"),
    [
        (
            "Harrison Ford returns as Indiana Jones",
            "Harrison Ford, 80, said the film was his last.",
            "Ford",
        ),
        (
            "The best apple pie",
            "Apple pie needs tart fruit. Apple season starts in the orchard.",
            "Apple",
        ),
        (
            "Fires spread in the Amazon",
            "The Amazon rainforest lost trees as the Amazon basin dried.",
            "Amazon",
        ),
        ("Veterans and shell shock", "Shell shock was the name soldiers gave it in 1915.", "Shell"),
        ("Hitting the target", "The archer said her target was to win gold in Paris.", "Target"),
        ("Rain returns", "Calls echo through the Amazon as the rainforest recovers.", "Amazon"),
        ("Track", "The carrier pigeon won the final sprint to the loft.", "Sprint"),
        ("Away game blues", "Away from home, the team lost again. Away fans sang.", "Away"),
        ("FBI in New York", "The FBI office in the Big Apple opened a cold case.", "Apple"),
        ("Snow in Wyoming", "Casper, Wyoming, got a foot of snow. Casper dug out.", "Casper"),
        ("How to cook steak", "Medium rare is best. Medium heat keeps the crust even.", "Medium"),
        ("Show notes", "- Casey's car charger\n- Marco's fancy mount", "Casey's"),
        ("Steelers win", "Heinz Field was loud. Teresa Heinz watched from a box.", "Heinz"),
    ],
)
def test_ambiguous_names_in_their_ordinary_sense_are_not_companies(
    detector: Detector, title: str, body: str, word: str
) -> None:
    assert not any(word in name for name in names(detector.detect(title, body)))


def test_a_name_in_the_headline_the_story_writes_again_and_again_is_the_company(
    detector: Detector,
) -> None:
    body = (
        "He used Gogo on a flight. The problem was not with Gogo: in the end Gogo is far "
        "from perfect, but it was not at fault."
    )
    assert "Gogo" in names(detector.detect("Gogo Wi-Fi and Email Security", body))


@pytest.mark.parametrize(
    ("title", "body", "word"),
    [
        (
            "Casper speaks out",
            "Jane Casper testified on Thursday. Senators said Casper was credible, and asked "
            "whether Casper would return.",
            "Casper",
        ),
        (
            "Casper speaks out",
            "Senators heard from Jane Casper on Thursday. They said Casper was credible, and "
            "asked whether Casper would return.",
            "Casper",
        ),
        (
            "Face ID on the iPhone X",
            "The iPhone X unlocks by face. Buyers of an iPhone X get Face ID, and the iPhone X "
            "ships in November.",
            "X",
        ),
        (
            "Apple harvest",
            "Pick a Granny Smith Apple early; a Bramley Apple later; a Cox Apple last.",
            "Apple",
        ),
    ],
)
def test_repeating_a_name_shows_nothing_where_it_is_a_person_or_inside_another_name(
    detector: Detector, title: str, body: str, word: str
) -> None:
    assert word not in names(detector.detect(title, body))


@pytest.mark.parametrize(
    ("body", "company"),
    [
        ("eBay said it would cut 1,000 jobs.", "eBay"),
        ("The phone is hard to repair, iFixit's teardown found.", "iFixit"),
        ("Fares fell at easyJet and a16z led the round.", "easyJet"),
        ("Größere Märkte: eBay wächst.", "eBay"),
    ],
)
def test_names_that_start_in_lower_case_are_found(
    detector: Detector, body: str, company: str
) -> None:
    assert company in names(detector.detect("News", body))


def test_a_lower_case_name_is_found_only_as_written(detector: Detector) -> None:
    assert names(detector.detect("Ebay", "An ebay of spare parts; the Bay Area.")) == set()


@pytest.mark.parametrize(
    "body",
    [
        'Just search for "Zorbix Motors" in your settings.',
        "The brand (Zorbix Motors) grew; “Zorbix Motors” is its name; Zorbix Motors' plant.",
    ],
)
def test_a_name_in_quotes_or_brackets_is_found_among_names_with_the_same_first_word(
    body: str,
) -> None:
    """More than three names start with "Zorbix": the word after it picks the candidates, and
    a closing quote or bracket is no part of that word."""
    family = ("Zorbix Motors", "Zorbix Bank", "Zorbix Air", "Zorbix Labs", "Zorbix Foods")
    detector = Detector(Directory(tuple(CompanyEntry(name=name) for name in family)))
    assert names(detector.detect("News", body)) == {"Zorbix Motors"}


def test_possessives_and_longest_names_match(detector: Detector) -> None:
    result = found(
        detector,
        "Toyota's profit rises",
        "Toyota Motor Corp. said on Friday that Toyota's hybrids sold well.",
    )
    toyota = result["Toyota"]
    assert [e.text for e in toyota.evidence] == ["Toyota", "Toyota Motor Corp.", "Toyota"]
    assert toyota.salience == SUBJECT


def test_unknown_companies_are_proposed_from_evidence(detector: Detector) -> None:
    body = (
        "Zorblax Robotics Inc. raised $20 million on Monday. Shares of Quintera (NASDAQ: QNTR) "
        "rose 5 percent, and the startup Velmora said it would hire 40 engineers."
    )
    result = found(detector, "Funding round", body)
    for name in ("Zorblax Robotics", "Quintera", "Velmora"):
        assert name in result
        assert not result[name].known
        assert result[name].confidence < 0.9


def test_a_name_in_lower_case_but_for_a_capital_is_proposed_and_a_product_line_is_not(
    detector: Detector,
) -> None:
    body = (
        "Our partner: zQ Systems. zQ Systems makes content software. iPhone Software is the "
        "team that ships iPhone Software updates."
    )
    result = found(detector, "Partners", body)
    assert "zQ Systems" in result
    assert not any(name.startswith("iPhone") for name in result)


def test_a_ticker_finds_its_company_under_the_exchange_names_news_uses() -> None:
    """Toyota in Tokyo and a company in Riyadh share the number 7203; "TYO" is the Tokyo Stock
    Exchange's. Toyota among the user's companies comes last in the directory, as in the app."""
    riyadh = CompanyEntry(name="Zorbix Arabia", tickers=("TADAWUL:7203",), country="SA")
    toyota = builtin_directory().find("Toyota")
    assert toyota is not None
    detector = Detector(Directory((riyadh, toyota)))
    body = "Shares of the carmaker (TYO: 7203) rose 1.4% in Tokyo."
    assert names(detector.detect("Batteries", body)) == {"Toyota"}
    assert (
        names(detector.detect("Batteries", "It also trades over the counter (OTC: 7203).")) == set()
    )


def test_government_bodies_and_places_are_not_proposed(detector: Detector) -> None:
    body = (
        "The chief executive of the Federal Reserve Bank of New York spoke. The president of "
        "France met the Ministry of Finance, and the University of Tokyo Holdings office closed. "
        "India’s primary market is set for its busiest week. The Department of Energy’s Vehicle "
        "Technologies Office listed 13 battery plants; Vehicle sales rose."
    )
    assert names(detector.detect("Officials meet", body)) == set()


def test_a_name_word_written_once_names_a_company_among_words_of_business(
    detector: Detector,
) -> None:
    body = (
        "IBM have acquired Zorblax Technologies, a privately held cloud group, for $2bn. "
        "Also, Quintera Ventures raises $700m in two funds. Vantrix’s Snack Foods started a "
        "$5 million expansion that added 93,000 square feet to its plant."
    )
    assert {"Zorblax Technologies", "Quintera Ventures", "Vantrix’s Snack Foods"} <= names(
        detector.detect("Deals", body)
    )
    closures = (
        "Franchisee QRFA Holdings closed all 49 of its units after filing for bankruptcy. A "
        "proposed sale to Plombix Brands would reopen 35 of its locations."
    )
    assert names(detector.detect("Closures", closures)) == {"QRFA Holdings", "Plombix Brands"}
    headings = (
        "Sports Technology Software/Firmware Updates This Week: new firmware and apps.\n"
        "- Referencing Software\n- What's your favourite shelf app for software sales?\n"
        "Rob Pike's article, Go at Google: Language Design in the Service of Software "
        "Engineering, sold well to investors."
    )
    assert names(detector.detect("Links", headings)) == {"Alphabet"}


def test_names_joined_to_other_words_as_news_joins_them(detector: Detector) -> None:
    body = (
        "Sales will grow, according to consultancy Bain & Co. WPSD-TV, the NBC-affiliated "
        "station, and a Toyota-backed startup joined."
    )
    assert {"Bain & Company", "NBC", "Toyota"} <= names(detector.detect("Deals", body))


def test_names_paired_by_a_hyphen_are_each_found(detector: Detector) -> None:
    body = (
        "NFL-Verizon: Four-year deal valued at $720 million. NFL-Anheuser-Busch: the league’s "
        "top ad spender. Renault-Nissan’s new venture "
        "builds cars; Mercedes-Benz and Rolls-Royce do not. Dolphins-Sun Life Financial: a "
        "naming-rights deal. Boeing Chief Financial Officer Greg Smith will serve as CEO."
    )
    result = found(detector, "Sponsorships", body)
    assert set(result) == {
        "Verizon", "AB InBev", "Renault", "Nissan", "Mercedes-Benz", "Rolls-Royce",
        "Sun Life Financial", "Boeing",
    }  # fmt: skip
    assert [e.text for e in result["Mercedes-Benz"].evidence] == ["Mercedes-Benz"]
    assert [e.text for e in result["Boeing"].evidence] == ["Boeing"]


def test_a_stock_exchange_where_shares_trade_is_a_venue(detector: Detector) -> None:
    body = "SingTel is the largest company listed on the Singapore Exchange by value."
    assert "Singapore Exchange" not in names(detector.detect("Telecoms", body))
    acting = "The Singapore Exchange said it would cut trading fees for small companies."
    assert names(detector.detect("Fees", acting)) == {"Singapore Exchange"}


def test_a_known_company_written_otherwise_is_found_by_its_legal_form(
    detector: Detector,
) -> None:
    body = "The defendants include Visa International, MasterCard Inc., Bank of America Corp."
    assert {"Mastercard", "Bank of America"} <= names(detector.detect("Fees", body))
    assert names(detector.detect("Toys", 'Toys "R" Us Inc., the chain, filed.')) == {"Toys R Us"}


def test_initials_spelled_out_as_an_organisation_are_not_a_company(detector: Detector) -> None:
    body = "The Technology Strategy Board (TSB) is investing up to £5m. The TSB said so."
    assert names(detector.detect("Grants", body)) == set()
    ships = "The yard of China State Shipbuilding Corp (CSSC) will deliver them; CSSC said so."
    assert names(detector.detect("Ships", ships)) == {"China CSSC Holdings"}


def test_a_ticker_on_another_exchange_is_not_the_company(detector: Detector) -> None:
    body = "Schering-Plough (NYSE:SGP) presented data for its drug."
    assert "Stockland" not in names(detector.detect("Drugs", body))


def test_a_sentence_connector_is_no_company(detector: Detector) -> None:
    body = "Regardless, the company surely knows a thing or two about phones."
    assert names(detector.detect("Phones", body)) == set()


def test_a_name_with_a_comma_is_found_whole(detector: Detector) -> None:
    body = "Merrill Lynch and Keefe, Bruyette & Woods Inc. were the top bank merger advisers."
    assert "Keefe, Bruyette & Woods" in names(detector.detect("Advisers", body))


def test_a_name_that_is_one_partner_of_a_firm_is_not_that_company(detector: Detector) -> None:
    """Babcock is Babcock International; "Babcock & Brown" is another firm."""
    body = (
        "NextEra bought three wind farms from Babcock & Brown. Apple & Google team up. Bain "
        "Capital and KKR & Co LP own the toy seller."
    )
    assert names(detector.detect("Wind farms", body)) == {
        "NextEra Energy", "Babcock & Brown", "Apple", "Alphabet", "Bain Capital", "KKR",
    }  # fmt: skip


def test_a_known_name_carries_the_unit_it_is_written_in(detector: Detector) -> None:
    result = found(detector, "Robots", "Agility Robotics and Amazon Robotics build robots.")
    assert [e.text for e in result["Amazon"].evidence] == ["Amazon Robotics"]


def test_a_persons_surname_and_title_are_not_companies(detector: Detector) -> None:
    body = (
        "President Donald Trump met steel executives. Tim Timken, chairman and president of "
        "Timken Steel, and executives from Nucor, AK Steel and Trump attended."
    )
    result = names(detector.detect("Tariffs", body))
    assert "Trump" not in result
    listed = "From left, John Ferriola of Nucor, Trump, and Dave Burritt of AK Steel."
    assert names(detector.detect("President Trump met steel executives", listed)) == {
        "Nucor",
        "AK Steel",
    }
    assert "Timken" not in result
    assert {"Nucor", "AK Steel"} <= result


def test_an_outlets_article_or_calculations_are_a_citation(detector: Detector) -> None:
    body = (
        "A recent Politico article noted that Pfizer seeks approval. Losses reached $20bn, "
        "according to calculations by the Financial Times."
    )
    assert names(detector.detect("Vaccines", body)) == {"Pfizer"}


def test_a_kind_of_company_before_a_name_says_it_is_one(detector: Detector) -> None:
    body = (
        "Next-generation social network Zorbix, founded in 2012, grew. The plane maker took an "
        "order from lessor Quibblo Capital Group for 12 jets."
    )
    result = found(detector, "Orders", body)
    assert set(result) == {"Zorbix", "Quibblo Capital Group"}
    assert [e.text for e in result["Quibblo Capital Group"].evidence] == ["Quibblo Capital Group"]


def test_what_a_known_company_buys_is_a_company(detector: Detector) -> None:
    body = (
        "IBM have acquired Zorblax Technologies, a privately held cloud group, for $2bn. "
        "Salesforce, who have bought Quintera, a marketing service, paid $2.5bn."
    )
    assert {"Zorblax Technologies", "Quintera"} <= names(detector.detect("Cloud deals", body))
    things = "Microsoft bought Apple's shares. Amazon acquired Greenland. Nvidia bought Bitcoin."
    assert names(detector.detect("Buys", things)) == {"Microsoft", "Apple", "Amazon", "Nvidia"}


def test_a_photo_credit_is_not_a_company_named(detector: Detector) -> None:
    credits = (
        "The challenge is demand.\n\nFeatured Image: Johannes Eisele/Getty Images\n\n"
        "Retail sales rose.\nGetty Images\nShoppers returned. (Photo: Shutterstock)"
    )
    assert names(detector.detect("Retail earnings", credits)) == set()
    story = "Getty Images sued Stability AI over its photos; Shutterstock said it would not."
    assert {"Getty Images", "Shutterstock"} <= names(detector.detect("Lawsuit", story))


def test_a_companys_name_in_lower_case_is_a_common_noun(detector: Detector) -> None:
    assert names(detector.detect("U.S. bank CEO resigns amid fake accounts scandal", "")) == set()
    assert names(detector.detect("U.S. Bank CEO resigns", "")) == {"U.S. Bancorp"}


def test_a_roundups_heading_over_a_kind_of_company_is_that_company(detector: Detector) -> None:
    body = (
        "These retailers closed stores this year.\n\nZorbix Shoes\n\nThe New Jersey-based "
        "footwear company filed for bankruptcy.\n\nQuibblo\n\nA fashion brand known for its "
        "edgy offerings, it shut 110 stores.\n\nThe Outlook\n\nThe company said more may close."
    )
    assert names(detector.detect("Store closures", body)) == {"Zorbix Shoes", "Quibblo"}


def test_a_kind_of_company_is_not_a_company(detector: Detector) -> None:
    body = "The deals reflect a strong run by publicly traded SaaS companies this year."
    assert names(detector.detect("Cloud deals", body)) == set()


def test_the_company_that_starts_a_new_clause_describes_no_name(detector: Detector) -> None:
    body = "According to FoodDive, the company announced it will add 75 markets."
    assert names(detector.detect("Delivery", body)) == set()
    assert names(detector.detect("Delivery", "Zorbix, the company behind Quibz, grew.")) == {
        "Zorbix"
    }


def test_names_are_found_as_news_writes_them(detector: Detector) -> None:
    """A typographic apostrophe ("McDonald’s") and a name in capitals written with one capital
    ("Posco"); not a given name that a name in capitals also is ("JOANN", "Joann Smith")."""
    body = (
        "McDonald’s and Macy’s reported sales. Other chaebols, such as LG, SK and Posco, signed "
        "deals with carmakers. Joann Smith, a shopper, was not surprised. Efficiency improved "
        "at the newly formed Keycorp. Silverstone hosts the race; Blackberry jam sold out."
    )
    result = names(detector.detect("Earnings", body))
    assert {"McDonald's", "Macy's", "POSCO Holdings", "KeyCorp"} <= result
    assert not {"BlackBerry", "SilverStone Technology"} & result
    assert not any(name.upper().startswith("JOANN") for name in result)


def test_evidence_says_where_each_match_is(detector: Detector) -> None:
    lead = "Honda said on Tuesday that it would recall cars. " + "The fault is rare. " * 15
    body = lead + "\n\nLater, Honda added that no one was hurt."
    (honda,) = detector.detect("Honda recalls cars", body)
    assert [(e.where, e.offset) for e in honda.evidence] == [
        ("title", 0),
        ("lead", 0),
        ("body", body.index("Honda added")),
    ]
    assert honda.salience == SUBJECT


def test_cli_detect_reads_a_file_without_a_database(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Nissan and Honda talk\n\nNissan and Honda said they would share parts.\n")
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "--db",
            str(tmp_path / "none" / "x.db"),
            "companies",
            "detect",
            str(article),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    detections = json.loads(out)
    assert {d["name"] for d in detections} == {"Nissan", "Honda"}
    assert all({"name", "salience", "evidence"} <= d.keys() for d in detections)
    assert not (tmp_path / "none").exists()


def test_a_name_listed_after_known_companies_is_suggested(detector: Detector) -> None:
    result = found(
        detector,
        "Streaming prices rise",
        "Netflix, Spotify and Quibblo all raised prices this year, analysts said.",
    )
    assert {"Netflix", "Spotify", "Quibblo"} <= set(result)
    assert not result["Quibblo"].known
    assert result["Quibblo"].reason == "listed with companies"


@pytest.mark.parametrize(
    "body",
    [
        "Guests: John Drake from Harmonix, Eric Pope and Justin McElroy.",
        "Zorbix was acquired by Peter Quill in 2019.",
        "Sentris developer Samantha Kalman drops by to chat with us about GaymerX2.",
    ],
)
def test_a_persons_name_read_like_a_companys_is_not_suggested(
    detector: Detector, body: str
) -> None:
    result = found(detector, "Podcast", body)
    assert not {"Eric Pope", "Justin McElroy", "Peter Quill", "Samantha Kalman"} & set(result)


def test_a_persons_name_with_a_legal_form_or_a_company_word_is_still_a_company(
    detector: Detector,
) -> None:
    result = found(
        detector,
        "Retail",
        "Peter Quill Ltd. cut prices. Netflix, Spotify and Alden Capital all raised theirs.",
    )
    assert {"Peter Quill", "Alden Capital"} <= set(result)


@pytest.mark.parametrize(
    "body",
    [
        "Quintera is a leading provider of payroll software for restaurants.",
        "It was a busy year. Quintera is a Berlin-based startup that sells solar roofs.",
        "Jeff Sanborn, president of Quintera, a Spokane and Seattle advertising and design "
        "agency, said the campaign worked.",
        "The results were released on Monday.\n\nAbout quintera\n\nquintera offers a native "
        "advertising platform for publishers.",
    ],
)
def test_a_company_that_says_what_it_is_is_proposed(detector: Detector, body: str) -> None:
    result = found(detector, "News", body)
    assert [name.casefold() for name in result] == ["quintera"]
    assert not next(iter(result.values())).known


@pytest.mark.parametrize(
    "body",
    [
        "Jane Quintera is a developer in Ohio who writes about tools.",
        "Jane Quintera is a firm believer in tests.",
        "Jane Quintera, who runs it, is a startup founder.",
        "The film opens on Friday.\n\nAbout Time\n\nTime is a film about a family.",
    ],
)
def test_people_and_titles_that_say_what_they_are_are_not_companies(
    detector: Detector, body: str
) -> None:
    assert names(detector.detect("News", body)) == set()


@pytest.mark.parametrize(
    "body",
    [
        "Amy Davidson, writing for The New Yorker:\n\n> It is essential to this story.",
        "Tim Bradshaw, reporting for the Financial Times:\n\n> The company's sales and profit "
        "fell.",
        "The Financial Times has just reported that the company's sales and profit fell.",
        "The sale is off.\n\nFrom the FT …\n\n> The company's sales and profit fell.",
        "In the letter, obtained by The New York Times, investors said the company needed a new "
        "chief executive.",
        "Politico followed up on the report, Politico noted, citing Politico's Michael Calderone.",
        "Romain Dillet has a good preview at TechCrunch too.",
        "Update: TechCrunch says it's just a deal expiring.",
        "Steven Petrow published a scary first-hand tale in USA Today about his hacked email.",
    ],
)
def test_an_outlet_a_writer_reports_for_or_a_quote_comes_from_is_a_source(
    detector: Detector, body: str
) -> None:
    assert names(detector.detect("A deal", body)) == set()


def test_an_outlet_acting_in_its_headline_is_the_subject(detector: Detector) -> None:
    body = "After the elections, Fox News appeared to seek bliss in ignorance, its hosts said."
    result = found(detector, "Fox News Buries Its Head In The Sand", body)
    assert result["Fox News"].salience == SUBJECT


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Reuters reports record profits", "Reuters said the figures were final."),
        ("Nikkei falls 2% as yen rises", "The Nikkei fell for a third day."),
        ("Bloomberg Says Stocks Rise", "Bloomberg data show it."),
    ],
)
def test_an_outlet_citing_or_an_index_in_a_headline_is_not_a_company(
    detector: Detector, title: str, body: str
) -> None:
    assert names(detector.detect(title, body)) == set()


def test_someones_own_app_is_a_product_not_a_company(detector: Detector) -> None:
    body = "Marco Arment has pulled his content-blocking app Peace from the store."
    assert "Peace" not in names(detector.detect("Apps", body))
    assert "Zorbix" in names(detector.detect("Apps", "The ride-hailing app Zorbix raised $9m."))


def test_a_company_whose_analysis_is_cited_is_still_a_company(detector: Detector) -> None:
    body = (
        "Randy Nelson, writing for the Sensor Tower blog:\n\n> According to Sensor Tower's "
        "analysis, the space apps need has grown tenfold."
    )
    assert names(detector.detect("Apps grow", body)) == {"Sensor Tower"}


@pytest.mark.parametrize(
    ("body", "company"),
    [
        ("According to Netflix, viewers watched 2 billion hours.", "Netflix"),
        ("Sales doubled, according to Nintendo.", "Nintendo"),
        ("We talk about the passing of Nintendo's Satoru Iwata.", "Nintendo"),
    ],
)
def test_a_media_company_that_is_not_a_news_outlet_is_a_company_when_cited(
    detector: Detector, body: str, company: str
) -> None:
    assert company in names(detector.detect("Streaming", body))


def test_a_car_model_is_not_its_makers_name(detector: Detector) -> None:
    body = "The player lost control of his Range Rover, which hit a wall."
    assert names(detector.detect("Crash", body)) == set()


def test_a_makers_name_written_as_a_thing_is_the_device_not_the_company(
    detector: Detector,
) -> None:
    device = "The BlackBerry was arguably the first hit smartphone. It had a keyboard."
    assert names(detector.detect("Phones", device)) == set()
    company = "BlackBerry said it had sold its patents. The BlackBerry deal closed."
    assert names(detector.detect("Patents", company)) == {"BlackBerry"}


def test_a_group_inside_a_known_company_is_not_a_company(detector: Detector) -> None:
    body = (
        "Brett Bilbrey, the former head of Apple's Advanced Technology Group, says so. The "
        "Advanced Technology Group was an R&D division at Apple, before the iPhone."
    )
    assert names(detector.detect("Phil Schiller", body)) == {"Apple"}
    assert "Zorbix Group" in names(detector.detect("Deal", "Zorbix Group Ltd. bought it."))


def test_a_companys_handle_is_the_company_and_an_email_address_is_not(
    detector: Detector,
) -> None:
    tweet = "> Anyone can log in as root with an empty password. Are you aware of it @Apple?"
    assert names(detector.detect("A security flaw", tweet)) == {"Apple"}
    email = "Send your apple pie recipes to pies@Apple.org before Friday."
    assert names(detector.detect("Recipes", email)) == set()


def test_a_name_ending_in_a_word_only_companies_have_is_a_company_when_written_once(
    detector: Detector,
) -> None:
    body = "He meant First Fidelity Bancorp, which saw a 6% jump in loans, and Orna Therapeutics."
    assert names(detector.detect("Quarter", body)) == {
        "First Fidelity Bancorp",
        "Orna Therapeutics",
    }


def test_a_town_written_after_a_company_as_its_home_is_not_a_company(detector: Detector) -> None:
    body = (
        "Ford Motor Co., Dearborn, Mich., said sales rose. Private equity firm Arclight "
        "Capital Partners LLC, Boston, had acquired Pride."
    )
    assert names(detector.detect("Deals", body)) == {"Ford", "Arclight Capital Partners LLC"}


def test_a_name_listed_after_a_company_written_with_its_legal_form_is_a_company(
    detector: Detector,
) -> None:
    body = (
        "Logan Bus Corp, Consolidated Bus Transit and Pioneer Transportation Corp were the major"
        " school bus companies facing disruption."
    )
    assert "Consolidated Bus Transit" in names(detector.detect("Strike", body))


def test_a_name_whose_second_word_ends_with_a_full_stop_is_read_in_full(
    detector: Detector,
) -> None:
    body = "He tried to buy Warner Bros. Discovery for months. Warner Bros. made the film."
    detection = found(detector, "Merger", body)["Warner Bros. Discovery"]
    assert [e.text for e in detection.evidence] == ["Warner Bros. Discovery", "Warner Bros."]


def test_a_person_of_a_company_is_not_part_of_its_name(detector: Detector) -> None:
    body = "Host Michael Freeze talks with Jane Smith of Zorbix Corp. Hear a snippet."
    assert names(detector.detect("Podcast", body)) == {"Zorbix"}
    assert names(detector.detect("Banks", "Bank of America Corp. said profits rose.")) == {
        "Bank of America"
    }


def test_a_heading_that_offers_more_news_is_not_a_company(detector: Detector) -> None:
    body = (
        "Home Industries Banking & Finance More Financial News\n\nMore Financial News\n\n"
        "Mayfair Mall owner files for bankruptcy"
    )
    assert names(detector.detect("", body)) == set()


def test_a_name_after_a_kind_of_company_and_a_comma_is_a_company(detector: Detector) -> None:
    body = (
        "Aurora bought Hempco a day after its merger with another medical marijuana company, "
        "MedReleaf. The combined company is big."
    )
    assert "MedReleaf" in names(detector.detect("Cannabis", body))
    assert (
        names(detector.detect("Deal", "It was a big deal for the company, Zorbix said.")) == set()
    )


def test_companies_are_found_by_the_short_names_news_gives_them(detector: Detector) -> None:
    body = (
        "Gilead is reducing the headcount at its cell therapy unit. Carlyle bought a stake in "
        "Lithia, and Mitsubishi Heavy won an order."
    )
    assert names(detector.detect("Deals", body)) == {
        "Gilead Sciences",
        "Carlyle Group",
        "Lithia Motors",
        "Mitsubishi Heavy Industries",
    }


def test_a_limited_partnership_is_a_company_and_a_record_is_not(detector: Detector) -> None:
    body = "Avolon agreed to buy Castlelake LP’s aircraft leasing unit. Flom LLP advised."
    assert names(detector.detect("Leasing", body)) >= {"Castlelake", "Flom"}
    record = "She found a Taylor Swift LP and a Beatles LP at the store."
    assert names(detector.detect("Vinyl", record)) == set()


def test_a_name_that_is_also_a_word_is_a_company_in_a_list_of_companies(
    detector: Detector,
) -> None:
    body = (
        "Polo Ralph Lauren Corp., Eileen Fisher, Tory Burch, Juicy Couture, Lululemon, Theory "
        "and Urban Outfitters, to name a few, have several things in common."
    )
    assert {"Tory Burch", "Juicy Couture"} <= names(detector.detect("Founders", body))
    game = "This week's show has No Man's Sky, The Division, Microsoft studio closures and more."
    assert names(detector.detect("Podcast", game)) == {"Microsoft"}


def test_square_is_block_only_with_its_context(detector: Detector) -> None:
    pay = "I wrote about Square Cash, my favourite way to send money. Square upped its bonus."
    assert names(detector.detect("Payments", pay)) == {"Block"}
    place = "Toys R Us lives on\n\nTimes Square store on Black Friday, as shares fell."
    assert names(detector.detect("Retail", place)) == {"Toys R Us"}


def test_a_card_network_listed_with_another_is_a_company(detector: Detector) -> None:
    body = "When they used Visa or MasterCard abroad they were charged three percent extra."
    assert names(detector.detect("Fees", body)) == {"Visa", "Mastercard"}


def test_a_sports_coach_is_not_the_handbag_maker(detector: Detector) -> None:
    game = "Coach Smith said the team played well. Coach Bill Belichick agreed."
    assert names(detector.detect("Game", game)) == set()
    bags = "Coach raised its sales forecast as demand for its luxury handbags grew."
    assert names(detector.detect("Handbags", bags)) == {"Tapestry"}


def test_initials_are_the_company_when_words_of_its_trade_are_near(detector: Detector) -> None:
    title = "GM needs far more battery capacity to convert its passenger vehicles to electricity"
    assert names(detector.detect(title, "The governor praised the project.")) == {"General Motors"}
    body = "We toured one of PPG’s glass plants with PPG’s communications manager."
    assert names(detector.detect("A plant visit", body)) == {"PPG Industries"}
    assert names(detector.detect("Awards", "He won the GM award for chess in 2019.")) == set()


def test_initials_the_article_spells_out_as_another_company_are_that_company(
    detector: Detector,
) -> None:
    body = "Japan’s Mitsui OSK Lines (MOL) has ordered four LNG carriers. MOL paid cash."
    assert names(detector.detect("Ships", body)) == {"Mitsui O.S.K. Lines"}


def test_a_photo_credit_after_a_long_caption_is_not_a_company(detector: Detector) -> None:
    body = (
        "Two JetBlue aircraft taxi at JFK, where flights will be cut by 19 percent from typical "
        "levels. Photographer: Daniel Acker/Bloomberg via Getty Images\n\nAvolon agreed to buy "
        "the unit."
    )
    assert names(detector.detect("Leasing", body)) == {"Avolon", "JetBlue"}


def test_words_that_name_companies_only_in_business_news_stay_words(
    detector: Detector,
) -> None:
    assert names(detector.detect("Phones", "Social media is everywhere. Snap! There it goes.")) == (
        set()
    )
    crash = (
        "The stock market crashed. Dow briefly dropped more than 2,000 points as investors fled."
    )
    assert names(detector.detect("Markets", crash)) == set()
    mine = "South32 sued IGO over the Tropicana gold mine, the companies said. IGO denied it."
    assert "Tropicana Brands Group" not in names(detector.detect("Royalty", mine))


def test_names_joined_by_a_plus_are_one_name(detector: Detector) -> None:
    body = "He invested in founder-run companies including Alice + Olivia and Rag & Bone."
    assert names(detector.detect("Founders", body)) == {"Alice + Olivia", "Rag & Bone"}


def test_a_word_glued_to_a_web_address_ending_is_no_listed_name(detector: Detector) -> None:
    body = "Spotify paid less than Deezer, Pandora, Ra.dio and others."
    assert names(detector.detect("Royalties", body)) == {"Spotify", "Deezer", "Pandora"}


def test_companies_listed_after_their_kind_and_a_short_clause_are_companies(
    detector: Detector,
) -> None:
    body = (
        "The firm is the latest of the small energy suppliers to go bust, including National "
        "Gas and Power and Usio Energy."
    )
    assert names(detector.detect("Suppliers", body)) == {"National Gas and Power", "Usio Energy"}


def test_motorcycle_makers_by_their_short_names_and_not_a_city_or_a_piano(
    detector: Detector,
) -> None:
    bikes = "New bikes: Yamaha revealed the SCR900 and Kawasaki got into the micro-bike segment."
    assert names(detector.detect("Motorcycles", bikes)) == {"Yamaha Motor", "Kawasaki Motors"}
    city = "The Kawasaki Frontale striker scored twice in Kawasaki on Sunday."
    assert names(detector.detect("Football", city)) == set()
    piano = "She played a Yamaha grand piano at the concert."
    assert names(detector.detect("Concert", piano)) == set()


def test_an_employer_after_a_title_of_several_words_is_a_company(detector: Detector) -> None:
    body = "“We will see,” said Farrah Felten, vice-president of marketing and sales at Klinker "
    body += "Brick Winery in Lodi."
    assert names(detector.detect("Wine exports", body)) == {"Klinker Brick Winery"}


def test_initials_given_in_brackets_after_a_company_are_that_company(detector: Detector) -> None:
    body = (
        "NASA picked Sierra Nevada Corporation (SNC) and SpaceX. “We build satellites,” said "
        "John Roth, vice president of business development at SNC."
    )
    assert names(detector.detect("Moon landers", body)) == {"Sierra Nevada Corporation", "SpaceX"}


def test_a_name_in_quotes_is_found_in_typographic_quotes(detector: Detector) -> None:
    body = "Toy retail brand Toys “R” Us will open new flagship stores for the holidays."
    assert names(detector.detect("Holidays", body)) == {"Toys R Us"}


def test_words_that_open_a_clause_or_a_title_are_no_companies(detector: Detector) -> None:
    clause = "Chapter 7 means liquidation. Consequently, the company must cease operations."
    assert names(detector.detect("Bankruptcy", clause)) == set()
    title = "“He fits,” said CCE Chairman and Interim Chief Executive Officer Lowry Kline."
    assert "Interim" not in names(detector.detect("New CEO", title))
    places = (
        "Hertz partnered with smart USA, a subsidiary of Penske. SoftBank owns U.S. carrier Sprint."
    )
    assert not {"USA", "U.S"} & names(detector.detect("Rentals", places))


def test_a_heading_of_a_trade_the_text_writes_in_lower_case_is_no_company(
    detector: Detector,
) -> None:
    body = (
        "Life Insurance\n\nMergers pick back up in a life insurance space that began 2020 in "
        "doubt. Empower will buy the unit of Massachusetts Mutual Life Insurance Co."
    )
    assert "Life Insurance" not in names(detector.detect("To buy or to sell?", body))


def test_a_firm_whose_analysts_speak_is_a_company(detector: Detector) -> None:
    body = "Deals could reach a high this year, WoodMac analysts said. Energy analysts said more."
    assert names(detector.detect("Oil deals", body)) == {"WoodMac"}


def test_names_listed_after_corporations_like_are_companies(detector: Detector) -> None:
    body = "Tech workers lost jobs, including layoffs at large corporations like Google and Meta."
    assert names(detector.detect("Layoffs", body)) == {"Alphabet", "Meta"}


def test_a_firms_name_goes_on_past_its_name_word(detector: Detector) -> None:
    body = (
        "The hedge fund Cantillon Capital Management lost money for investors in the quarter, "
        "and Holt Capital Advisors raised a new fund from investors."
    )
    assert names(detector.detect("Funds", body)) == {
        "Cantillon Capital Management",
        "Holt Capital Advisors",
    }
    index = "The Philadelphia Stock Exchange Semiconductor Index fell 2% as investors sold."
    assert names(detector.detect("Chips", index)) == set()


def test_a_name_with_a_word_of_organisations_before_inc_is_a_company(detector: Detector) -> None:
    body = "It will pay $75 million for Corn States Hybrid Service Inc. of Des Moines."
    assert names(detector.detect("Seeds", body)) == {"Corn States Hybrid Service"}
    agency = "The Federal Deposit Insurance Corp. took over the failed bank on Friday."
    assert names(detector.detect("Banks", agency)) == set()


def test_a_company_described_by_its_town_and_state_is_a_company(detector: Detector) -> None:
    body = "It was a return for International Launch Services, the Reston, Virginia-based company."
    assert names(detector.detect("Launches", body)) == {"International Launch Services"}


def test_breweries_and_their_companies_are_companies_when_deals_are_near(
    detector: Detector,
) -> None:
    body = (
        "Tilray Brands agreed to acquire Breckenridge Brewery, Shock Top, 10 Barrel Brewing "
        "Company, Widmer Brothers Brewing and HiBall Energy."
    )
    assert {"Breckenridge Brewery", "10 Barrel Brewing Company", "Widmer Brothers Brewing"} <= (
        names(detector.detect("Beer deal", body))
    )
    heading = "Private Company Edition: nine new venture rounds were raised by investors."
    assert names(detector.detect("Funds", heading)) == set()


def test_an_officer_of_a_company_names_it(detector: Detector) -> None:
    body = (
        "Brock was chief executive officer of InBev and chief operating officer of Zorbix Brands."
    )
    assert names(detector.detect("New CEO", body)) == {"AB InBev", "Zorbix Brands"}


def test_an_owners_name_that_starts_a_company_with_a_legal_form_is_part_of_it(
    detector: Detector,
) -> None:
    body = "Monsanto will pay $945 million for privately held Holden’s Foundation Seeds Inc."
    assert names(detector.detect("Seeds", body)) == {"Monsanto", "Holden’s Foundation Seeds"}
    headline = "Fast Fashion: Lawsuits at Zara, Shein and More"
    assert "More" not in names(detector.detect(headline, "The earliest fashion record is old."))


def test_an_exchange_where_trading_happens_is_a_venue_not_a_company(detector: Detector) -> None:
    halted = "Trading at the New York Stock Exchange was briefly halted as the market crashed."
    assert names(detector.detect("Crash", halted)) == set()
    metal = "Copper for delivery in three months on the London Metal Exchange rose 2%."
    assert names(detector.detect("Copper", metal)) == set()
    acting = "The New York Stock Exchange said it would list more companies this year."
    assert names(detector.detect("Listings", acting)) == {"New York Stock Exchange"}


def test_a_name_the_text_describes_as_a_business_is_a_company(detector: Detector) -> None:
    described = (
        "Kelvar Investors, which describes itself as a 'turnaround investment firm', has built "
        "up its stake."
    )
    assert names(detector.detect("Stake", described)) == {"Kelvar Investors"}
    venture = "Two makers plan a joint venture. The venture, Zorbsemi, will be based in Hsinchu."
    assert names(detector.detect("Chips", venture)) == {"Zorbsemi"}
    kind = "Yale Zhang, head of Shanghai-based consultancy Quorbit Foresight, said sales fell."
    assert names(detector.detect("Sales", kind)) == {"Quorbit Foresight"}


def test_what_a_name_makes_shows_a_company_but_running_a_service_does_not(
    detector: Detector,
) -> None:
    maker = "This year, Stellar Quorza, which makes pizza using robotics, laid off staff."
    assert names(detector.detect("Layoffs", maker)) == {"Stellar Quorza"}
    public = "For example, the MTA, which runs the buses and subway, is run by the state."
    assert names(detector.detect("Transit", public)) == set()


def test_a_kind_of_company_that_opens_a_line_names_the_company_after_it(
    detector: Detector,
) -> None:
    body = (
        "Franchisee Quorlo Diners closed 15 locations in March.\n\n"
        "Operator Zorbuzz has ordered 159 electric buses."
    )
    assert names(detector.detect("Closures", body)) == {"Quorlo Diners", "Zorbuzz"}
    heading = "Retailer Earnings Preview\nSales rose at most chains."
    assert names(detector.detect("Retail", heading)) == set()


def test_a_group_of_a_trade_is_a_company_but_a_group_of_no_trade_may_not_be(
    detector: Detector,
) -> None:
    dealer = "The store was sold on July 31 to growing auto group Tameron Gulf Coast."
    assert names(detector.detect("Dealers", dealer)) == {"Tameron Gulf Coast"}
    band = "The crowd cheered when the group Quorlo Lights took the stage."
    assert names(detector.detect("Concert", band)) == set()


def test_a_firm_named_after_its_founders_ends_with_an_ampersand_and_a_partnership_word(
    detector: Detector,
) -> None:
    body = (
        "Quorlik & Co said in its daily note that fees fell. The development is led by Hoffbar "
        "& Associates, and Tomlin & Sons built it."
    )
    assert names(detector.detect("Notes", body)) == {
        "Quorlik & Co", "Hoffbar & Associates", "Tomlin & Sons",
    }  # fmt: skip
    known = "Goldman, Sachs & Co. and J.P. Morgan & Co. advised on the deal."
    assert not {"Sachs & Co", "Morgan & Co"} & names(detector.detect("Advisers", known))


def test_a_sentence_that_says_a_name_is_a_marketplace_or_a_chain_names_a_company(
    detector: Detector,
) -> None:
    body = "Sellers left Quorbay. Quorbay is a San Francisco-based online marketplace for shoes."
    assert names(detector.detect("Fakes", body)) == {"Quorbay"}
    chain = "Zorbucks is a chain of 300 coffee shops in Ohio."
    assert names(detector.detect("Coffee", chain)) == {"Zorbucks"}


def test_initials_in_brackets_do_not_hide_the_name_an_appositive_describes(
    detector: Detector,
) -> None:
    body = "Kalgoorlie Quorbit Mines (KQM), a joint venture of two miners, was sold."
    assert names(detector.detect("Mines", body)) == {"Kalgoorlie Quorbit Mines"}


def test_the_company_after_a_town_and_its_state_is_the_one_whose_shares_are_bought(
    detector: Detector,
) -> None:
    body = (
        "The buyer completed its acquisition of all outstanding shares of Ponte Vedra, "
        "Florida-based Quorlo Disposal."
    )
    assert names(detector.detect("Deal", body)) == {"Quorlo Disposal"}


def test_aerospace_ends_a_company_name(detector: Detector) -> None:
    body = "Quorbit Aerospace will lease a spacecraft. Quorbit has a deal with Zorbix."
    assert "Quorbit Aerospace" in names(detector.detect("Space", body))


def test_an_outlet_cited_after_a_description_of_it_is_a_source(detector: Detector) -> None:
    body = (
        "The cuts were reported by startup and technology news site TechCrunch. Layoffs were "
        "also reported by TechCrunch."
    )
    assert names(detector.detect("Edtech layoffs", body)) == set()


def test_a_headings_ampersand_is_no_firms_name(detector: Detector) -> None:
    body = "Source: Quorbit Finance & Company Press Releases\n\nBanks beat estimates."
    assert names(detector.detect("Banks", body)) == set()


def test_a_name_that_buys_a_business_is_a_company_but_a_person_who_does_is_not(
    detector: Detector,
) -> None:
    mill = "Quorlo Mills purchased the old Avondale operation in 2006. Quorlo Mills will close."
    assert names(detector.detect("Mill closing", mill)) == {"Quorlo Mills"}
    person = "Elon Musk bought Zorbix in 2022. Musk bought a house. The city purchased the land."
    assert names(detector.detect("Deals", person)) == set()


def test_a_person_of_a_company_with_a_less_common_given_name_is_not_part_of_its_name(
    detector: Detector,
) -> None:
    body = "The host talks with Debora Babin Katz of TrucBrush Corp. about trucks."
    assert names(detector.detect("Podcast", body)) == {"TrucBrush"}


def test_a_list_of_companies_goes_on_past_a_name_found_by_its_place_in_it(
    detector: Detector,
) -> None:
    body = "Platforms that cut staff include Unacademy, Vedantu, Quorbly and Zorbixa, among others."
    assert {"Quorbly", "Zorbixa"} <= names(detector.detect("Layoffs", body))
    topics = "This week we talk about Gatorade, Quorbly, Zorbixa, and more!"
    assert "Zorbixa" not in names(detector.detect("Podcast", topics))


def test_a_headline_in_a_list_of_other_stories_is_read_on_its_own(detector: Detector) -> None:
    body = (
        "Related news\n"
        "Chipmaker Profit Jumps on Gaming and Image Sensors, Full-Year Outlook Raised\n"
        "SpaceX Prioritizes Moon Mission Before Mars as Starship Development Accelerates\n"
        "Retail Stocks Rally as Investors Cheer Strong Holiday Sales Revenue Figures\n"
    )
    assert "Mars" not in names(detector.detect("Markets", body))


def test_a_name_that_wins_a_contract_is_a_contractor(detector: Detector) -> None:
    body = "Quorlex was awarded a $4.6 billion follow-on contract to deliver support to the Army."
    assert names(detector.detect("Contracts", body)) == {"Quorlex"}
    person = "The striker Zed Quorlo signed a new contract with the club."
    assert names(detector.detect("Football", person)) == set()


def test_management_ends_a_firms_name_after_two_words_but_names_a_trade_after_one(
    detector: Detector,
) -> None:
    firm = "A liquidation was announced by Quorl Investment Management. Quorl Investment said so."
    assert names(detector.detect("Funds", firm)) == {"Quorl Investment Management"}
    trade = "Risk Management is key. Content Management tools grew. Asset Management firms grew."
    assert names(detector.detect("Trends", trade)) == set()
    agency = "The Federal Emergency Management Agency said the Federal Emergency teams came."
    assert names(detector.detect("Storm", agency)) == set()


def test_a_name_after_a_place_and_based_is_a_company_but_not_after_a_technology(
    detector: Detector,
) -> None:
    body = "The plants suit Denver-based GCC of Quorbia. Toronto-based AI chip startup Zorbtron."
    assert names(detector.detect("Cement", body)) == {"GCC of Quorbia", "Zorbtron"}
    tech = "The Intel-based MacBook and RSS-based APIs were web-based UI tools."
    assert names(detector.detect("Macs", tech)) == set()


def test_more_ways_of_naming_a_company_by_what_it_is(detector: Detector) -> None:
    body = (
        "That chain, Quorpanda, has more tea shops. When the banking giant acquired Zorbell "
        "Securities in October for $1.2 billion, bankers doubted it. Partners include New "
        "Zealand producers such as Meadow Quorbs, Kiwi Zorba and Hemp Quorla."
    )
    assert {
        "Quorpanda", "Zorbell Securities", "Meadow Quorbs", "Kiwi Zorba", "Hemp Quorla",
    } <= names(detector.detect("Deals", body))  # fmt: skip


def test_a_list_that_a_kind_of_company_opens_ends_however_the_sentence_goes_on(
    detector: Detector,
) -> None:
    body = "Forecasts came from major chipmakers Texas Instruments and Zorbilinx earlier this week."
    assert names(detector.detect("Chips", body)) == {"Texas Instruments", "Zorbilinx"}


def test_a_name_with_a_slash_is_read_whole(detector: Detector) -> None:
    body = "Builders reporting: Meritage Homes, M/I Homes and RE/MAX. Toyota/Lexus dealers waited."
    assert {"M/I Homes", "RE/MAX", "Toyota", "Lexus"} <= names(detector.detect("Homes", body))


def test_an_officer_at_a_company_works_for_a_company_but_a_police_officer_need_not(
    detector: Detector,
) -> None:
    body = "said Jane Roe, chief development officer at Quorbic Campus Living."
    assert names(detector.detect("Housing", body)) == {"Quorbic Campus Living"}
    police = "said Bob Roe, a police officer at Grand Quorbic station."
    assert names(detector.detect("Crime", police)) == set()


def test_a_nationality_opens_a_companys_name_after_a_preposition_or_before_a_name_word(
    detector: Detector,
) -> None:
    deal = "Lowe's is buying the firm from Swiss Capital LLC and CD&R."
    assert "Swiss Capital" in names(detector.detect("Deal", deal))
    job = "said Jane Roe, chief development officer at American Quorb Communities."
    assert names(detector.detect("Housing", job)) == {"American Quorb Communities"}
    adjective = "The unit was sold to Japanese Zorbix Corp. last year."
    assert names(detector.detect("Deal", adjective)) == {"Zorbix"}


def test_initials_that_spell_a_named_companys_words_are_that_company(detector: Detector) -> None:
    body = "The buyer took Quorbic Building Materials Inc. private. QBM's chief executive said so."
    result = found(detector, "Deal", body)
    assert set(result) == {"Quorbic Building Materials"}
    assert "QBM" in {e.text for e in result["Quorbic Building Materials"].evidence}


def test_a_country_adjective_before_based_places_a_company(detector: Detector) -> None:
    body = "It acquired 75 per cent of Czech-based Quorb 6 Business Solutions."
    assert names(detector.detect("Deal", body)) == {"Quorb 6 Business Solutions"}


def test_the_customers_a_company_includes_are_companies(detector: Detector) -> None:
    body = "Its customers include Walmart, Zorbix Robotics and Quibblo."
    assert names(detector.detect("Clients", body)) == {"Walmart", "Zorbix Robotics", "Quibblo"}


def test_more_photo_credits_are_not_companies(detector: Detector) -> None:
    body = (
        "The mayor speaks on Tuesday in Houston. Brett Coomer/Houston Chronicle via Getty Images"
        "\n\nCities are cutting budgets.\nCourtesy Adobe Stock\n\nHomebuilders gained."
    )
    assert names(detector.detect("Budgets", body)) == set()


def test_a_data_company_cited_for_its_figures_is_a_source_not_a_company(
    detector: Detector,
) -> None:
    cited = (
        "Sales rose 5%, according to FactSet. Grocery inflation fell, Kantar said. Analysts "
        "polled by Refinitiv expected more. Data from PitchBook show fewer deals."
    )
    assert names(detector.detect("Markets", cited)) == set()
    more = (
        "There were 120 bank sales, S&P Global Market Intelligence data show. The sector is "
        "worth $21 billion, according to research firm IBISWorld Inc. Refinitiv put the "
        "target at 430,000. Sales grew 5%, Kantar\nWorldpanel said."
    )
    assert names(detector.detect("Supermarket sales up 3.6 pct - Kantar Worldpanel", more)) == set()
    acting = "FactSet acquired Quorbix for $20 million. Kantar's chief executive resigned."
    assert {"FactSet", "Kantar"} <= names(detector.detect("Deals", acting))
    employer = "said Jane Doe, an economist at Oxford Economics."
    assert names(detector.detect("Economy", employer)) == {"Oxford Economics"}


def test_what_an_unknown_company_buys_is_a_company_but_not_what_a_product_acquires(
    detector: Detector,
) -> None:
    deal = "Quorb Broadcasting has acquired The Zorb Channel for $350 million."
    assert names(detector.detect("Deal", deal)) == {"Quorb Broadcasting", "Zorb Channel"}
    watch = "I waited for the Samsung Gear Sport to acquire GPS, which took minutes."
    assert "GPS" not in names(detector.detect("Review", watch))


def test_a_company_called_or_named_so_is_a_company_but_not_whom_a_company_named(
    detector: Detector,
) -> None:
    body = "The merger created a company called Quorbergy. She founded a new venture named Zorbixo."
    assert names(detector.detect("Utilities", body)) == {"Quorbergy", "Zorbixo"}
    hire = "The company named Quorb Smithers its chief executive. A developer named Ngan Vo sued."
    assert names(detector.detect("Hires", hire)) == set()


def test_a_longer_name_that_starts_with_a_known_word_name_is_another_company(
    detector: Detector,
) -> None:
    body = "An assessment by Denmark-based consultancy Sea Intelligence shows shipping profits."
    assert names(detector.detect("Shipping", body)) == {"Sea Intelligence"}
    same = "Tesla Inc, Volkswagen and Stellantis NV were named. Tesla sold more cars."
    assert "Tesla Inc" not in names(detector.detect("EVs", same))


def test_a_place_and_based_before_a_listed_name_is_not_part_of_it(detector: Detector) -> None:
    body = "These startups include Nanjing-based Quorb Epic and Hefei-based Zorbix Software."
    assert names(detector.detect("EDA", body)) == {"Quorb Epic", "Zorbix Software"}


def test_an_analyst_with_a_firm_works_for_a_company(detector: Detector) -> None:
    body = "according to Robert Stallard, analyst with Quorbical Research Partners."
    assert names(detector.detect("Engines", body)) == {"Quorbical Research Partners"}


def test_initials_a_text_spells_out_as_a_thing_are_not_a_company(detector: Detector) -> None:
    body = "Amtrak wants better on-time performance (OTP). The OTP of its trains fell again."
    assert "OTP Bank" not in names(detector.detect("Rail", body))


def test_and_and_ampersand_write_the_same_name(detector: Detector) -> None:
    body = "Oklahoma Gas & Electric bought a plant. Procter and Gamble raised prices."
    assert {"OGE Energy", "Procter & Gamble"} <= names(detector.detect("Deals", body))


def test_research_groups_that_estimate_together_are_cited(detector: Detector) -> None:
    body = "Research groups Gartner and IDC estimate that PC shipments grew."
    assert names(detector.detect("PCs", body)) == set()


def test_union_opening_a_name_with_a_legal_form_is_a_company(detector: Detector) -> None:
    body = "Quorb Planters Corp. agreed to merge. Union Quorbers Corp. and the Union Corp. too."
    assert "Union Quorbers" in names(detector.detect("Banks", body))
    agency = "The Federal Deposit Insurance Corp. said so."
    assert names(detector.detect("Banks", agency)) == set()


def test_a_longer_name_that_starts_with_known_initials_is_another_company(
    detector: Detector,
) -> None:
    body = "Raines bought HP Hotels, a full-service, third-party management company, in March."
    assert "HP" not in names(detector.detect("Hotels", body))
    held = "The stake is held by KKR & Co LP (NYSE:KKR)."
    assert names(detector.detect("Deals", held)) == {"KKR"}


def test_brands_listed_are_products_as_often_as_companies(detector: Detector) -> None:
    body = "It owns snack brands such as Quorbfish, Zorb Chips and Pop Quorbet."
    assert names(detector.detect("Snacks", body)) == set()


def test_a_heading_that_the_paragraph_under_it_uses_as_a_word_is_a_topic(
    detector: Detector,
) -> None:
    body = "Airline mergers\n\nDomestic\nThe domestic airline industry has seen many mergers."
    assert "Domestic" not in names(detector.detect("Mergers", body))


def test_a_name_that_files_for_bankruptcy_is_a_company(detector: Detector) -> None:
    body = (
        "Quorbzhou Glory Real Estate filed for relief from its creditors. Zorbix Coal has "
        "filed for Chapter 11. Parent Quorbfirst Global Restaurants filed for bankruptcy."
    )
    assert names(detector.detect("Filings", body)) == {
        "Quorbzhou Glory Real Estate", "Zorbix Coal", "Quorbfirst Global Restaurants",
    }  # fmt: skip


def test_more_ways_a_text_says_what_a_company_does(detector: Detector) -> None:
    body = (
        "Its US group, Quorbits & Surveys - a company predicted to grow, was sold. Quorbin "
        "Real Estate, which was developing a tower, failed. Capital One Financial announced "
        "plans to acquire Zorbicard in a $35.3 billion deal."
    )
    assert {"Quorbits & Surveys", "Quorbin Real Estate", "Zorbicard"} <= names(
        detector.detect("Deals", body)
    )


def test_more_descriptions_and_makers_show_a_company(detector: Detector) -> None:
    body = (
        "Quorbridge Hospitality, the world’s largest third-party hotel operator, merged. "
        "Zorbova, the sustainable investment unit of France's Natixis, bought it. Goods "
        "manufactured by Quorbtom were banned. The line is operated by Zorbtrans."
    )
    assert {"Quorbridge Hospitality", "Zorbova", "Quorbtom", "Zorbtrans"} <= names(
        detector.detect("Deals", body)
    )
    agency = "the Insolvency Quorbice, the government agency that overlooks company failures"
    assert names(detector.detect("Insolvency", agency)) == set()


def test_no_company_is_read_from_inside_a_name_too_long_to_read_whole(
    detector: Detector,
) -> None:
    body = (
        'Toys "R" Us Inc., the once-dominant specialty toy retailer, filed. It extended a deal '
        "with Oak Quorb Real Estate Capital, a division of Blue Owl Capital. Till 2011, the "
        "world's largest airline held the record."
    )
    found_names = names(detector.detect("Deals", body))
    assert "Us Inc" not in found_names
    assert "Quorb Real Estate Capital" not in found_names
    assert "2011" not in found_names


def test_credit_unions_and_small_banks_are_companies_by_what_they_are(
    detector: Detector,
) -> None:
    body = (
        "Quorbia Laboratory FCU and six other credit unions opened branches, including one "
        "home of Quorbia Laboratory Federal Credit Union. Navy Federal Credit Union grew. The "
        "store used to be the Zorbel State Bank. Tampa, FL @ QUORBFLORIDA Credit Union "
        "Amphitheatre hosts the tour."
    )
    found_names = names(detector.detect("Credit unions", body))
    assert {
        "Quorbia Laboratory Federal Credit Union", "Navy Federal Credit Union",
        "Zorbel State Bank",
    } <= found_names  # fmt: skip
    assert "Quorbia Laboratory FCU" not in found_names  # the same credit union, written out
    assert not any(name.startswith("QUORBFLORIDA") for name in found_names)  # a venue


def test_a_trade_or_a_nationality_before_a_name_word_keeps_the_whole_name(
    detector: Detector,
) -> None:
    body = (
        "Jane Roe, founder and CEO of digital freight forwarder Quorbifl, discussed rates. "
        "Acme sold its wood flooring business to private equity firm American Quorbial "
        "Partners for $100 million. Zorbwood Transportation officially closed its operations; "
        "Zorbwood Transportation cited insurance costs."
    )
    found_names = names(detector.detect("Freight", body))
    assert {"Quorbifl", "American Quorbial Partners", "Zorbwood Transportation"} <= found_names
    assert "Quorbial Partners" not in found_names


def test_an_outlet_after_an_inverted_attribution_is_only_cited(detector: Detector) -> None:
    body = (
        "Many were owed money, reported San Francisco Chronicle (March 25). The startup closed, "
        "writes TechCrunch."
    )
    assert names(detector.detect("Grocery", body)) == set()


def test_a_purchase_or_a_late_buyer_shows_the_companies_in_a_deal(detector: Detector) -> None:
    body = (
        "Quorbflex Products, the buyer of bankrupt Zorbstrong Flooring, was acquired in "
        "February by Quorbline Equity. The purchase of Zorbanti Commerce will bring its 20 "
        "employees. The purchase of Treasury bonds rose. Meta's purchase of the Quorbulus Rift, "
        "a headset, closed."
    )
    found_names = names(detector.detect("Deals", body))
    assert {"Zorbstrong Flooring", "Quorbline Equity", "Zorbanti Commerce"} <= found_names
    assert not {"Treasury", "Quorbulus Rift"} & found_names


def test_more_trades_in_an_appositive_show_a_company(detector: Detector) -> None:
    body = (
        "ZFM, the Mexican railroad, had all positive numbers. Jane Roe of Quorbfax Consulting "
        "notes that smaller firms struggle; Quorbfax Consulting advises them. Typically, a "
        "small carrier with a clean history pays less."
    )
    found_names = names(detector.detect("Rail", body))
    assert {"ZFM", "Quorbfax Consulting"} <= found_names
    assert "Typically" not in found_names


def test_stores_servicers_investment_groups_and_restaurant_concepts_show_a_company(
    detector: Detector,
) -> None:
    body = (
        "Boxer bought the building from QRN, a special servicer that foreclosed on it. The "
        "money came from the Zorbfield Innovation Fund, an Ohio-based investing group. Crispy "
        "Gravel, an emerging breakfast concept, signed a 10-unit agreement. According to the "
        "blog, Zorbgregg, a consumer electronics store, is closing. Kosmos, a group co-founded by "
        "a footballer, paid for it. Zorbic Eats is a fast-growing breakfast concept."
    )
    found_names = names(detector.detect("Deals", body))
    expected = {"QRN", "Zorbfield Innovation Fund", "Crispy Gravel", "Zorbgregg", "Zorbic Eats"}
    assert expected <= found_names
    assert "Kosmos" not in found_names  # "a group" alone says too little


def test_a_known_name_given_to_a_thing_or_numbering_a_version_is_no_company(
    detector: Detector,
) -> None:
    body = (
        'Zorbched is developing a specialized processor called "Sohu" to run transformer '
        "models. The Navy awarded a contract for ten Block IV Virginia-class submarines; U.S. "
        "Naval Sea Systems Command said so."
    )
    found_names = names(detector.detect("Chips", body))
    assert not {"Sohu", "Block", "Naval Sea Systems"} & found_names


def test_a_data_company_cited_after_a_figure_is_a_source(detector: Detector) -> None:
    body = "E-commerce could be 9 percent of all retail sales by 2016 says Forrester Research."
    assert names(detector.detect("Retail", body)) == set()


def test_a_company_s_regional_unit_is_in_its_evidence(detector: Detector) -> None:
    body = "Sean Waters, Daimler Truck North America vice president, called the plan tough."
    (detection,) = detector.detect("Trucks", body)
    assert detection.name == "Daimler Truck"
    assert detection.evidence[0].text == "Daimler Truck North America"


def test_a_name_in_lower_case_or_without_its_full_stop_is_still_found(
    detector: Detector,
) -> None:
    body = (
        "Voestalpine shares fell. Appalachian natural gas producer EQT Corp agreed to sell a "
        "gas pipeline in Kentucky."
    )
    assert {"voestalpine", "EQT Corporation"} <= names(detector.detect("Deals", body))


def test_funding_rounds_customers_and_people_in_deals(detector: Detector) -> None:
    body = (
        "Quorbject44’s recent $202 million Series E is one such round. Zorbcart has closed a "
        "$5 million Series A. The buyer took 585,000 customers of Quorbantic Tele-Network. "
        "Stelco was acquired by CEO Alan Kestenbaum in 2017. Huey Magoo's signed a deal with "
        "new franchisee Buck Harris, who will open restaurants. The World Series drew fans."
    )
    found_names = names(detector.detect("Deals", body))
    assert {"Quorbject44", "Zorbcart", "Quorbantic Tele-Network"} <= found_names
    assert not {"CEO Alan Kestenbaum", "Buck Harris", "World", "The World"} & found_names


def test_places_verbs_bodies_and_photo_ids_that_look_like_companies(
    detector: Detector,
) -> None:
    body = (
        "EMC built a plant in Ovens, Co Cork. Big Biotech M&As Have Not Been Limited to Big "
        "Pharma. Amazon invested in Boston-based Beth Israel Deaconess Medical Center and "
        "Boston-based Brigham and Women's Hospital. Tubes of crisps; Shutterstock ID 2451150057"
    )
    found_names = names(detector.detect("Health", body))
    assert not {"Ovens", "M&As Have Not Been", "Beth Israel Deaconess Medical", "Brigham"} & (
        found_names
    )
    assert "Shutterstock" not in found_names


def test_a_merger_or_a_business_opening_its_stores_shows_a_company(detector: Detector) -> None:
    body = (
        "Gran Quorbia terminated the planned merger with Gold Zorb. Zorbadon will be shuttering "
        "its business operations. Quorbcorp Metals raised its offer, and Quorbcorp Metals won. "
        "Springfield closed its pools."
    )
    found_names = names(detector.detect("Gold", body))
    assert {"Gold Zorb", "Zorbadon", "Quorbcorp Metals"} <= found_names
    assert "Springfield" not in found_names


def test_a_short_name_of_a_known_company_s_old_name_is_that_company(
    detector: Detector,
) -> None:
    detections = detector.detect(
        "Natural Gas Companies Merger: Chesapeake, Southwestern",
        "Chesapeake Energy, one of the largest natural gas producers, is buying Southwestern "
        "Energy in a $7.4 billion deal.",
    )
    assert names(detections) == {"Expand Energy", "Southwestern Energy"}


def test_a_name_word_alone_or_a_surname_of_someone_who_acts_is_no_company(
    detector: Detector,
) -> None:
    body = (
        "Jane Roe, a principal at Cayman Islands–based dms Management, a director-placement "
        "firm, spoke. Management’s lesser-known powers include gates. Huey Magoo's signed a "
        "deal with new franchisee Buck Quorbis, who will open restaurants. Quorbis is a former "
        "Chick-fil-A franchisee."
    )
    found_names = names(detector.detect("Funds", body))
    assert not {"Management", "Quorbis", "Buck Quorbis"} & found_names


def test_a_firm_of_partners_a_copyright_line_and_a_national_name_with_its_legal_form(
    detector: Detector,
) -> None:
    body = (
        "The suit was brought by New York law firm Kasowitz, Benson, Torres & Friedman LLP. "
        "Its parent company, American Quorbue Inc., filed for bankruptcy.\n"
        "Copyright 2022 Zorbiance News Ltd. All Rights Reserved."
    )
    found_names = names(detector.detect("Law", body))
    assert {"Kasowitz", "American Quorbue"} <= found_names
    assert not {"Benson", "Torres & Friedman", "Quorbue"} & found_names
    assert not any("Zorbiance" in name for name in found_names)


def test_money_raised_from_investors_shows_a_startup(detector: Detector) -> None:
    body = (
        "Quorbline raised $6.8 million two weeks ago from Zorb America Capital, its second "
        "round. Senator Jane Doe raised $2 million from donors."
    )
    found_names = names(detector.detect("Funding", body))
    assert "Quorbline" in found_names
    assert not any("Doe" in name for name in found_names)


def test_cutting_jobs_or_running_stores_shows_a_business(detector: Detector) -> None:
    body = (
        "Only last week, Quorbsell announced it was shedding 50 staff. Zorb Plains Radio "
        "Network, which operated 18 radio stations in Texas, filed. Springfield will add 30 "
        "jobs. The MTA, which runs 472 subway stations, spoke."
    )
    found_names = names(detector.detect("Jobs", body))
    assert {"Quorbsell", "Zorb Plains Radio Network"} <= found_names
    assert not {"Springfield", "MTA"} & found_names


def test_a_subsidiary_a_franchisee_and_trade_agreements_show_companies(
    detector: Detector,
) -> None:
    body = (
        "Aqua America announced that its subsidiary, Quorba Pennsylvania, reached a deal. Papa "
        "Johns signed a 50-unit agreement with its largest domestic franchisee, The Zorbco "
        "Group. Guy Fieri’s Chicken Guy signed a 10-unit agreement with Quorbdi Hospitality "
        "Group. Zorbtex, which specializes in interventional oncology, suffered setbacks."
    )
    assert {
        "Quorba Pennsylvania", "The Zorbco Group", "Quorbdi Hospitality Group", "Zorbtex",
    } <= names(detector.detect("Deals", body))  # fmt: skip


def test_a_company_named_like_a_town_in_its_state_or_credited_after_a_caption_is_neither(
    detector: Detector,
) -> None:
    body = (
        "Standard is buying WYDC-TV in Corning, New York. The chain's parent company has been "
        "one of the year's biggest strategic acquisitions./Photograph: Shutterstock\n\nMore."
    )
    assert not {"Corning", "Shutterstock"} & names(detector.detect("Stations", body))
    unit = "Electric Boat builds it with Huntington Ingalls Industries Newport News Shipbuilding."
    evidence = {e.text for d in detector.detect("Subs", unit) for e in d.evidence}
    assert "Huntington Ingalls Industries" in evidence


def test_typographic_hyphens_footers_and_data_companies_databases(detector: Detector) -> None:
    assert names(detector.detect("Council", "It approved the Coca\u2011Cola supply.")) == {
        "Coca-Cola"
    }
    footer = "Call Family Dollar’s customer service.\n©2022 Cox Media Group"
    assert names(detector.detect("Recall", footer)) == {"Family Dollar"}
    database = "CNBC parsed through the FactSet database and found few such surges."
    assert "FactSet" not in names(detector.detect("Stocks", database))
    wholesaler = (
        "Variety Wholesalers, which runs Maxway, will take over 200 locations. Variety "
        "Wholesalers may employ the associates."
    )
    assert names(detector.detect("Stores", wholesaler)) >= {"Variety Wholesalers"}
    assert "Variety" not in names(detector.detect("Stores", wholesaler))


def test_the_town_before_based_is_not_the_company_bought_and_codes_are_not_names(
    detector: Detector,
) -> None:
    body = (
        "Quorbend acquired Greenville, South Carolina-based Zorbicated Transport Solutions "
        "weeks later. Schneider grew with the acquisition of Ohio-based truckload carrier "
        "Quorbwest Logistics Systems. China's battery maker Zorbatl 300750.SZ said it agreed. "
        "On Thursday, Omaha, Neb.-headquartered Quorb Final Mile acquired the assets. "
        "Zorbmart, which filed for bankruptcy, closed. Drew went to an aircraft carrier, "
        "Ridiculous Fishing and more."
    )
    found_names = names(detector.detect("Trucks", body))
    assert {
        "Zorbicated Transport Solutions", "Quorbwest Logistics Systems", "Zorbatl",
        "Quorb Final Mile", "Zorbmart",
    } <= found_names  # fmt: skip
    assert not {"Greenville", "Ohio-based", "Ridiculous Fishing"} & found_names


def test_a_storm_is_no_company(detector: Detector) -> None:
    body = "Hurt by the ravages of Hurricane Quorbdy, the company said revenue fell 3%."
    assert names(detector.detect("Casino", body)) == set()


def test_a_sponsors_line_in_show_notes_names_a_company_that_is_only_mentioned(
    detector: Detector,
) -> None:
    body = (
        "- Follow-up: the new keyboards\n"
        "  - Marco tries a standing desk\n"
        "- Zorbweldon: Better than whatever you're wearing. Get 20% off with code ATP.\n"
        "- Quibblestone: Unlimited cloud backup. Start your 15-day free trial today.\n"
        "- Casey: I still like the old one."
    )
    detections = {d.name: d for d in detector.detect("306: My Watch Has Ended", body)}
    assert {"Zorbweldon", "Quibblestone"} <= detections.keys()
    assert detections["Zorbweldon"].salience == MENTION
    assert "Casey" not in detections  # a host's line, with no offer in it


def test_the_owner_named_after_a_known_company_is_a_company(detector: Detector) -> None:
    body = (
        "The fund has invested in Taco Bell Corp. and KFC owner Zorbmac Holdings. Zara owner "
        "Quibbletex said sales rose. Google parent Zorbabet reported a profit."
    )
    assert {"Zorbmac Holdings", "Quibbletex", "Zorbabet"} <= names(detector.detect("PE", body))


def test_companies_shortened_to_cos_is_the_same_company(detector: Detector) -> None:
    body = "New York City-based Related Cos. has its eye on a 62-acre section of Queens."
    assert "Related Companies" in names(detector.detect("Projects", body))


def test_a_name_that_is_also_a_word_before_a_surname_that_speaks_is_a_person(
    detector: Detector,
) -> None:
    body = (
        "Monster Beverage shares rose. Hilton Schlosberg said the company has no plans to "
        "launch an alcohol product. Shell Energy said prices rose."
    )
    found_names = names(detector.detect("Drinks", body))
    assert "Hilton" not in found_names
    assert "Shell Energy" in found_names or "Shell" in found_names


def test_a_model_number_after_a_name_that_is_also_a_word_shows_the_maker(
    detector: Detector,
) -> None:
    body = (
        "- Follow-up: Casey's WAF-F20 waffle maker\n"
        "- Marco's new camera\n"
        "  - Canon 5D Mark IV\n"
        "  - Breville Smart 4-Slice\n"
        "- Is the Dell UP3218K worth it?"
    )
    found_names = names(detector.detect("256: A Heroic Threshold", body))
    assert {"Canon", "Dell"} <= found_names
    assert not {"Smart", "Casey's General Stores"} & found_names


def test_words_after_a_name_word_that_belong_to_the_name_are_read_with_it(
    detector: Detector,
) -> None:
    body = (
        "Zorbhill Brewery & Restaurant closed all 16 of its brewpubs; Zorbhill Brewery & "
        "Restaurant had been a staple since the '90s. Tenet Healthcare, parent "
        "company of Quibble Surgical Partners International, agreed to sell its stake in "
        "Quibble Surgical Partners International to investors for $1 billion."
    )
    found_names = names(detector.detect("Beer and deals", body))
    assert {"Zorbhill Brewery & Restaurant", "Quibble Surgical Partners International"} <= (
        found_names
    )


def test_what_a_company_says_it_will_buy_is_a_company_even_with_a_possessive_in_its_name(
    detector: Detector,
) -> None:
    body = (
        "BurgerFi announced plans to buy Zorbony’s Coal Fired Pizza & Wings for $161.3 million. "
        "Quibble Bank of Iowa announced that it will acquire Zorblegacy Bank."
    )
    found_names = names(detector.detect("Deals", body))
    assert {"Zorbony’s Coal Fired Pizza & Wings", "Quibble Bank of Iowa"} <= found_names


def test_what_a_deal_or_an_offer_is_to_buy_is_a_company(detector: Detector) -> None:
    body = (
        "HireQuest said it had struck a deal to acquire Zorbelling Staffing, which is also "
        "based in Texas. It has an agreement to acquire Plano, Texas-based Zorbcent "
        "Constructors, a move into water. He has plans to buy Tesla stock."
    )
    found_names = names(detector.detect("Deals", body))
    assert {"Zorbelling Staffing", "Zorbcent Constructors"} <= found_names
    assert "Plano" not in found_names


def test_subsidiaries_such_as_a_list_are_companies(detector: Detector) -> None:
    body = (
        "Given the name recognition of Furniture Brands and its subsidiaries - such as "
        "Zorbville, Quibble Heritage and Maitland-Zorb - the factory is boosting exports."
    )
    found_names = names(detector.detect("Furniture", body))
    assert {"Zorbville", "Quibble Heritage", "Maitland-Zorb"} <= found_names


def test_a_list_of_companies_each_in_its_town_goes_on_past_the_towns(
    detector: Detector,
) -> None:
    body = (
        "We spoke with three firms with new offices, including Zorbler Cooper in Houston, "
        "Quibble Design in Chicago, and Quadrangle Zorbitects in Toronto."
    )
    found_names = names(detector.detect("Offices", body))
    assert {"Zorbler Cooper", "Quibble Design", "Quadrangle Zorbitects"} <= found_names


def test_a_name_before_filed_for_bankruptcy_in_brackets_is_a_company(detector: Detector) -> None:
    body = "Already, Zorbots (filed for Chapter 11 bankruptcy protection in February) has closed."
    assert "Zorbots" in names(detector.detect("Retail", body))


def test_names_listed_right_after_a_kind_of_company_in_the_plural_are_companies(
    detector: Detector,
) -> None:
    body = (
        "ADL Final Mile, itself a result of a merger between delivery firms Zorbel Delivery "
        "and Quibble Express in 2022, says it has capital. For retailers Black Friday matters."
    )
    found_names = names(detector.detect("Logistics", body))
    assert {"Zorbel Delivery", "Quibble Express"} <= found_names
    assert "Black Friday" not in found_names


def test_what_a_buyer_is_having_acquired_is_a_company_but_having_is_no_buyer(
    detector: Detector,
) -> None:
    body = (
        "This came in a year in which BBQ has been a regular buyer, having acquired Zorbage Inn "
        "and Quibblers Square. Having acquired Apple stock, she sold it."
    )
    found_names = names(detector.detect("Restaurants", body))
    assert {"Zorbage Inn", "Quibblers Square"} <= found_names
    assert "Having" not in found_names


def test_a_word_that_opens_a_bulleted_line_is_no_given_name(detector: Detector) -> None:
    body = (
        "- Follow-up on keyboards\n"
        "  - Did Google really cripple Edge's performance?\n"
        "  - Will Apple ever make backlit desktop keyboards?\n"
        "- Dropping Dropbox"
    )
    found_names = names(detector.detect("306: My Watch Has Ended", body))
    assert {"Alphabet", "Apple", "Dropbox"} <= found_names


def test_a_question_word_before_a_name_is_no_given_name(detector: Detector) -> None:
    title = "Why Did Google Kill Reader? What Nvidia Should Do Next"
    found_names = names(detector.detect(title, "Readers are still upset about it."))
    assert {"Alphabet", "Nvidia"} <= found_names


def test_a_headline_verb_before_a_name_is_no_given_name(detector: Detector) -> None:
    title = "High-Profile Attorney Ted Olson Joins Apple’s Fight Against FBI"
    assert "Apple" in names(detector.detect(title, "The brief was filed on Thursday."))


def test_the_lines_of_a_sponsors_block_name_companies_but_a_shows_segments_do_not(
    detector: Detector,
) -> None:
    body = (
        "- Post-show Neutral: Casey's walk of shame.\n"
        "- Creative Zorblection: An inside account of a creative process.\n"
        "- Betterment: Rethink what your money can do.\n"
        "- Squarespace: Make your next move. Use code ATP for 10% off your first order.\n"
        "- Zorbacture: Your photos, printed beautifully directly on glass.\n"
        "- JAMF Now: Set up, manage and protect your Apple devices.\n"
    )
    detections = {d.name: d for d in detector.detect("290: A Weird Sandwich", body)}
    assert {"Betterment", "Squarespace", "Zorbacture", "Jamf"} <= detections.keys()
    assert detections["Zorbacture"].salience == MENTION
    assert not {"Neutral", "Post-show Neutral", "Creative Zorblection", "JAMF Now"} & (
        detections.keys()
    )


def test_a_name_that_is_also_a_word_acting_inside_a_sentence_is_the_company(
    detector: Detector,
) -> None:
    body = "It was clear as soon as Apple announced they were going with Qi charging."
    assert "Apple" in names(detector.detect("Wireless charging", body))
    pie = "Bake the pie until the Apple slices are soft, as my grandmother announced."
    assert "Apple" not in names(detector.detect("Pie", pie))


def test_the_last_name_of_a_list_is_read_up_to_the_preposition_after_it(
    detector: Detector,
) -> None:
    body = (
        "Weekley Homes partnered with Pulte Group, The Drees Co., and Zorbland Homes to buy "
        "1,000 lots. Disney, Pixar and Star Wars movies are on the service. Tips go from "
        "Workflow to IFTTT, and Zorbomator to AppleScript."
    )
    found_names = names(detector.detect("Lots", body))
    assert "Zorbland Homes" in found_names
    assert not {"Star Wars", "Zorbomator"} & found_names


def test_what_a_company_buys_in_a_heading_line_is_a_company(detector: Detector) -> None:
    body = "2. United Zorbfood acquires Quibble Petfood Group\nIn January, the deal was signed."
    assert "Quibble Petfood Group" in names(detector.detect("Pet food deals", body))


def test_shares_of_a_company_opening_a_sentence_show_the_company(detector: Detector) -> None:
    body = "Shares of Zorbix Biotherapeutics fell 70% on Monday after a failed trial."
    assert "Zorbix Biotherapeutics" in names(detector.detect("Biotech stock crashes", body))


def test_a_company_written_with_and_without_its_legal_form_is_one_company(
    detector: Detector,
) -> None:
    body = "Bally’s Corp. announced Tuesday that it was buying a casino. Bally’s will run it."
    assert [d.name for d in detector.detect("Bally's Corp Buys Las Vegas Casino", body)] == [
        "Bally's"
    ]


def test_a_day_before_a_part_of_the_day_is_read_as_part_of_the_name(detector: Detector) -> None:
    body = "February brought the demise of Tuesday Morning, which filed for bankruptcy again."
    found_names = names(detector.detect("Furniture bankruptcies", body))
    assert "Tuesday Morning" in found_names
    assert "Morning" not in found_names


def test_a_brands_factory_store_names_the_brand_and_is_no_venue(
    detector: Detector,
) -> None:
    body = "The outlet centre adds an Ann Taylor Factory Store and a Brooks Brothers Factory Store."
    assert {"Ann Taylor", "Brooks Brothers"} <= names(detector.detect("Outlets", body))


def test_a_networks_affiliate_shows_the_network_as_a_business(detector: Detector) -> None:
    body = "Standard is buying Fox and NBC affiliate WGBC-TV and CBS affiliate KJNB-LD."
    assert {"NBC", "CBS"} <= names(detector.detect("Stations sold", body))
    assert "NBC" not in names(detector.detect("Fire", "The fire spread, NBC reported."))


def test_a_name_backed_by_a_known_company_is_a_company_but_not_one_backed_by_a_country(
    detector: Detector,
) -> None:
    found_names = names(
        detector.detect(
            "Funding",
            "SoftBank-backed Zorbix raised new money. Iran-backed Houthis attacked ships.",
        )
    )
    assert "Zorbix" in found_names
    assert "Houthis" not in found_names


def test_investors_or_customers_of_a_name_opening_a_sentence_show_a_company(
    detector: Detector,
) -> None:
    body = "Investors in Zorbix include pension funds. Customers of Quibble Bank lost access."
    assert {"Zorbix", "Quibble Bank"} <= names(detector.detect("Funds", body))


def test_a_stations_call_sign_after_a_networks_affiliate_is_a_company(detector: Detector) -> None:
    body = "Standard is buying Fox affiliate WHPM-LD in Hattiesburg and ABC affiliate WPBY-LD."
    assert {"WHPM-LD", "WPBY-LD"} <= names(detector.detect("Stations sold", body))


def test_a_research_firm_known_only_from_the_text_and_only_cited_for_figures_is_left_out(
    detector: Detector,
) -> None:
    cited = (
        "A new national survey by retail intelligence company Zorbix Insights reveals that "
        "86% of shoppers switched. According to a new report from research firm Quibble "
        "Intelligence, profits rose."
    )
    assert not {"Zorbix Insights", "Quibble Intelligence"} & names(detector.detect("Brands", cited))
    acting = "Research firm Zorbix Data was acquired by Quibble Group for $20 million."
    assert "Zorbix Data" in names(detector.detect("Deals", acting))


def test_whom_a_business_was_bought_from_is_a_company_but_not_a_person_or_a_place(
    detector: Detector,
) -> None:
    body = (
        "The trust made the purchase from Zorbwine Cellars, majority-owned by a family. "
        "He bought the house from John Smith last year. The firm acquired a plant from China."
    )
    found_names = names(detector.detect("Vineyard sold", body))
    assert "Zorbwine Cellars" in found_names
    assert not {"John Smith", "China"} & found_names


def test_a_stake_in_a_name_shows_a_company_but_not_a_stake_in_what_a_name_qualifies(
    detector: Detector,
) -> None:
    body = (
        "Mars took a minority stake in Zorbind via a partnership. Tenet sold its majority "
        "interest in Quibble Health for $910 million. Petrohawk sold its stake in Zorbville "
        "shale midstream joint venture. Coty took a majority stake in Kylie Jenner's company."
    )
    found_names = names(detector.detect("Deals", body))
    assert {"Zorbind", "Quibble Health"} <= found_names
    assert not {"Zorbville", "Kylie Jenner"} & found_names


def test_a_name_whose_stock_moved_or_that_lost_a_share_of_its_value_is_a_company(
    detector: Detector,
) -> None:
    body = (
        "Zorbix stock fell 20% on Monday. Quibblemax lost nearly 93 percent of its value. "
        "Common stock rose 2%."
    )
    found_names = names(detector.detect("Biotech stocks", body))
    assert {"Zorbix", "Quibblemax"} <= found_names
    assert "Common" not in found_names


def test_a_credit_union_named_with_a_common_word_is_read_whole(detector: Detector) -> None:
    body = "New branches:\n- Global Federal Credit Union of Anchorage, Alaska, opened its eighth."
    assert "Global Federal Credit Union" in names(detector.detect("CU branches", body))


def test_a_business_or_a_unit_called_by_its_name_is_a_company(detector: Detector) -> None:
    body = (
        "The shutdown does not include the Zorbix Express business that is based in Ohio. "
        "The Quibblescan unit earned $1.5 billion. The MVNO business grew. It is not the best "
        "thing for the South Dakota brand, or for the North American unit."
    )
    found_names = names(detector.detect("Trucking", body))
    assert {"Zorbix Express", "Quibblescan"} <= found_names
    assert not {"MVNO", "South Dakota", "North American"} & found_names


def test_a_bank_holding_company_named_with_a_word_of_public_bodies_is_a_company(
    detector: Detector,
) -> None:
    body = "The deal closed in 2022. Zorbity Federal Bancorp purchased the Quibble State Bank."
    assert "Zorbity Federal Bancorp" in names(detector.detect("Bank deals", body))


def test_a_name_that_signs_a_deal_for_a_number_of_units_is_a_company(detector: Detector) -> None:
    body = (
        "Guy Fieri's Zorbchick Guy signed a 10-unit agreement. "
        "Quibble Wings inked a 25-unit development deal."
    )
    assert {"Zorbchick Guy", "Quibble Wings"} <= names(detector.detect("Franchising", body))


def test_country_initials_open_a_name_with_a_legal_form_unless_they_qualify_it(
    detector: Detector,
) -> None:
    body = (
        "Stuart Zorbman founded U.S. Quibble Systems, Inc., which sells tarot decks. "
        "The group sold its U.S. Zorbix Inc. unit last year."
    )
    found_names = names(detector.detect("Tarot", body))
    assert "U.S. Quibble Systems" in found_names
    assert "Zorbix" in found_names
    assert "U.S. Zorbix" not in found_names


def test_an_agency_credited_after_a_dash_under_a_photo_is_a_credit(detector: Detector) -> None:
    body = (
        "Protesters in Cairo.\n\nAshraf Shazly/Agence France-Presse — Getty Images\n\n"
        "LONDON — After nearly 20 years of hostile relations, the talks resumed."
    )
    assert "Getty Images" not in names(detector.detect("Talks resume", body))


def test_an_outlet_opening_the_line_that_dates_the_story_is_its_publisher(
    detector: Detector,
) -> None:
    body = (
        "Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13 | Par Martin "
        "Untersinger\n\nLe texte a été adopté par l'Assemblée nationale."
    )
    assert "Le Monde" not in names(detector.detect("Le projet de loi", body))


def test_bild_is_the_german_word_for_picture_unless_the_tabloid_is_meant(
    detector: Detector,
) -> None:
    credit = "1Password scannt auch QR-Codes.\n\n(Bild: Hersteller)\n\nDas Feature ist da."
    assert "Bild" not in names(detector.detect("1Password für Mac", credit))
    paper = "Axel Springer's tabloid Bild hired a new editor-in-chief, the publisher said."
    assert "Bild" in names(detector.detect("Springer names editor", paper))


def test_plc_and_berhad_written_in_title_case_are_legal_forms(detector: Detector) -> None:
    body = (
        "Zorvana Group Plc, defending itself against a bid from Quillet Hovis Plc, forecast "
        "higher profits. Its Malaysian partner Kembara Motor Works Bhd kept its stake."
    )
    found_names = names(detector.detect("Zorvana defence document", body))
    assert {"Zorvana Group", "Quillet Hovis", "Kembara Motor Works"} <= found_names


def test_a_firm_named_after_its_partners_keeps_the_and_in_its_name(detector: Detector) -> None:
    body = (
        "Talks with Harbin and Rowe Publishers Inc stalled, so Zorbix retained S.G. Quarburg "
        "and Co Inc. Shares of Cable and Quireless Plc rose."
    )
    found_names = names(detector.detect("Bid stalls", body))
    assert {"Harbin and Rowe Publishers", "S.G. Quarburg and Co", "Cable and Quireless"} <= (
        found_names
    )
    assert not {"Rowe Publishers", "Co", "Quireless"} & found_names


def test_two_companies_listed_with_and_are_not_one_name(detector: Detector) -> None:
    body = (
        "The partnership includes Wagner and Browne and AFX Industries Inc. "
        "Ford and Zorbix Motor Corp signed the deal, as did Chemical Bank and Marine Quidland "
        "Banks Corp. Kappa and Radiation Zystems Inc also bid; Radiation Zystems said no. "
        "It services the F-16 and Quonnell Douglas Corp jets. First National Bank in Mount "
        "Quemens and Bankers Zife Insurance Co are its units."
    )
    found_names = names(detector.detect("Deals", body))
    assert {"AFX Industries", "Zorbix Motor", "Radiation Zystems", "Quonnell Douglas"} <= (
        found_names
    )
    assert not any(" and " in name for name in found_names)


def test_a_public_corporation_named_with_and_is_no_company(detector: Detector) -> None:
    body = "The Federal Savings and Loan Insurance Corp said it would close the thrift."
    found_names = names(detector.detect("Thrift closed", body))
    assert not any("Insurance" in name for name in found_names)


def test_saint_opens_a_companys_name(detector: Detector) -> None:
    body = "Fluor owns 90 pct of St. Jove Gold Corp, a unit of Fluor's St. Jove Minerals unit."
    found_names = names(detector.detect("Fluor to assess gold unit", body))
    assert {"St. Jove Gold Corp", "St. Jove Minerals"} <= found_names
    assert not any(name.startswith("Jove") for name in found_names)


def test_the_city_after_a_companys_name_is_where_it_is(detector: Detector) -> None:
    body = (
        "Breslone Enterprises of Toronto bought the plant from Quantel Holdings PLC of London. "
        "Zorbix Motor Co of Canada, a unit of Zorbix, supplied it."
    )
    found_names = names(detector.detect("Plant sold", body))
    assert {"Breslone Enterprises", "Zorbix Motor Co of Canada"} <= found_names
    assert any(name.startswith("Quantel Holdings") for name in found_names)
    assert not any(name.endswith(("of Toronto", "of London")) for name in found_names)


def test_a_firm_of_partners_and_co_with_no_legal_form_after_it(detector: Detector) -> None:
    body = (
        "Brokers at Laurie Quilbank and Co said the shares rose. Kidder, Quabody and Co "
        "managed the offering with Edward A. Zviner and Co Inc."
    )
    found_names = names(detector.detect("Shares rise", body))
    assert {"Laurie Quilbank and Co", "Kidder, Quabody and Co", "Edward A. Zviner and Co"} <= (
        found_names
    )
    assert names(detector.detect("Sales", "Tiffany and Co said sales rose.")) == {"Tiffany & Co."}


def test_standard_and_poors_is_sp_global(detector: Detector) -> None:
    body = "Standard and Poor's Corp said it lowered Zorbix Inc's senior debt to BB."
    assert "S&P Global" in names(detector.detect("Zorbix debt downgraded", body))


def test_a_legal_form_decides_a_name_that_is_also_a_word(detector: Detector) -> None:
    body = "Salomon Inc said it received a subpoena. Brunswick Corp filed for a shelf offering."
    assert {"Salomon", "Brunswick"} <= names(detector.detect("Subpoena", body))
    assert "Brunswick" not in names(detector.detect("Trip", "We drove to Brunswick, Maine."))


def test_a_unit_named_in_full_with_a_legal_form_is_its_own_company(detector: Detector) -> None:
    body = (
        "said a deputy manager of Nomura Investment Trust and Management Co Ltd. Toyota Motor "
        "Manufacturing USA Inc will build the plant, Toyota Motor Corp said."
    )
    found_names = names(detector.detect("Plans", body))
    assert {"Nomura Investment Trust and Management Co", "Toyota Motor Manufacturing USA"} <= (
        found_names
    )
    assert "Toyota" in found_names
    assert "Tesla" in names(detector.detect("Cars", "Tesla Inc said deliveries rose."))


def test_a_wire_code_after_a_name_shows_a_company(detector: Detector) -> None:
    body = (
        "Zorvex Bankverein (ZBVV.VI) bought the stake. Quantum Tobacco (QTB) rose 7/8 while "
        "South Korea's Kospi Index (KOSPI) fell 0.5%."
    )
    found_names = names(detector.detect("Markets", body))
    assert {"Zorvex Bankverein", "Quantum Tobacco"} <= found_names
    assert not any("Kospi" in name for name in found_names)


def test_a_longer_name_with_a_legal_form_wins_over_a_known_word_inside_it(
    detector: Detector,
) -> None:
    body = "Phelps Dodge Corp said copper output rose. Metal Box Plc bought the plant."
    found_names = names(detector.detect("Output", body))
    assert {"Phelps Dodge", "Metal Box Plc"} <= found_names
    assert not {"Dodge", "Box"} & found_names
    parent = "RJR Nabisco Inc rose 2 to 57, and Hoechst Celanese Corp fell."
    assert {"RJR Nabisco", "Hoechst Celanese"} <= names(detector.detect("Stocks", parent))
    assert "Honda" in names(detector.detect("Sales", "American Honda Motor Co said sales rose."))
    auditors = "Auditors of Brunswick Corp lifted a qualification on its accounts."
    assert "Brunswick" in names(detector.detect("Auditors", auditors))


def test_a_rating_or_an_owner_before_a_name_is_no_part_of_it(detector: Detector) -> None:
    body = (
        "S&P cut B-minus Hyponex Corp's debt. Privately-held Rapid-American Corp agreed. "
        "Dai-ichi Kangyo Bank Ltd lent the money."
    )
    found_names = names(detector.detect("Debt", body))
    assert {"Hyponex", "Rapid-American"} <= found_names
    assert not any(name.startswith(("B-minus", "Privately")) for name in found_names)
    assert any(name.startswith("Dai-ichi Kangyo") for name in found_names)


def test_nordic_and_continental_legal_forms(detector: Detector) -> None:
    body = (
        "Zorbi Industri A/S bought a stake in Quarsk Oljeselskap ASA, while Kvantti Oyj, "
        "Zelmina SpA, Quorbel SA and Fermenzo AB kept theirs. Swiss Bank Corp led the deal."
    )
    found_names = names(detector.detect("Stakes", body))
    expected = {"Zorbi Industri", "Kvantti", "Zelmina", "Quorbel", "Fermenzo", "Swiss Bank"}
    assert expected <= found_names
    assert any(name.startswith("Quarsk Oljeselskap") for name in found_names)


def test_initials_given_in_the_text_are_not_another_company_of_those_initials(
    detector: Detector,
) -> None:
    body = (
        "The facility was arranged by co-lead manager Arab Banking Corp (ABC), the bank said. "
        "ABC said the deal had been mandated for 50 mln dlrs, and shares of the lender rose."
    )
    found_names = names(detector.detect("Facility", body))
    assert any(name.startswith("Arab Banking") for name in found_names)
    assert "ABC" not in found_names


def test_partners_named_alone_only_when_no_other_name_holds_them(detector: Detector) -> None:
    body = "Quorvin Ink and Chemicals Inc agreed to buy Zelhold Chemicals Inc, the maker of resins."
    assert "Quorvin Ink and Chemicals" in names(detector.detect("Deal", body))


def test_public_corporations_are_not_companies(detector: Detector) -> None:
    body = (
        "The Commodity Credit Corporation accepted a bid for an export bonus, and the "
        "International Finance Corp lent 10 mln dlrs to Zorbix Inc."
    )
    assert names(detector.detect("Bonus", body)) == {"Zorbix"}


def test_a_rating_agency_that_has_placed_a_rating_acts(detector: Detector) -> None:
    body = "Standard and Poor's Corp said it has placed Zorbix Chemicals Inc's debt on watch."
    assert "S&P Global" in names(detector.detect("Zorbix on watch", body))


def test_an_analyst_named_after_a_firm_speaks_for_it(detector: Detector) -> None:
    body = '"Demand is weak," Quorvest Securities analyst Lawrence Adelman said.'
    assert "Quorvest Securities" in names(detector.detect("Tobacco stocks", body))


def test_a_groups_company_in_a_country_is_named_with_the_country(detector: Detector) -> None:
    body = "Zorbix Corp's listed unit, Zorbix (Australia) Ltd, and Quantel Finance (Asia) Ltd."
    found_names = names(detector.detect("Units", body))
    assert {"Zorbix (Australia)", "Quantel Finance (Asia)"} <= found_names


def test_a_known_company_named_with_its_own_trade_is_itself(detector: Detector) -> None:
    body = "Newmont Mining Corp said gold output rose. Tata Steel Ltd raised prices."
    found_names = names(detector.detect("Output", body))
    assert "Newmont" in found_names
    assert "Newmont Mining" not in found_names


def test_initials_may_end_a_name_before_its_legal_form(detector: Detector) -> None:
    body = "Quevco D.S. Inc agreed to a buyout, and Chevron U.S.A. Inc sold its stake."
    found_names = names(detector.detect("Buyout", body))
    assert {"Quevco D.S.", "Chevron"} <= found_names


def test_jp_morgan_is_the_bank_unless_the_financier_is_meant(detector: Detector) -> None:
    assert "JPMorgan Chase" in names(detector.detect("Jobs", "J.P. Morgan said it would cut jobs."))
    history = "The financier J.P. Morgan built the library in 1906."
    assert "JPMorgan Chase" not in names(detector.detect("Library", history))
