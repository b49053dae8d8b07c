"""Phrases around a name that show it is a company (reader/companies/frames.py and the rules
that use them in evidence.py and detect.py). Each kind of evidence is specified both ways: a
sentence where it finds the company and a look-alike sentence where it must find nothing.

Invented names (Zorbix, Quibblo, Velmora) stand for companies no directory knows."""

from __future__ import annotations

import pytest

from reader.companies.detect import Detection, Detector
from reader.companies.directory import builtin_directory


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(builtin_directory())


def detected(detector: Detector, body: str, title: str = "") -> dict[str, Detection]:
    return {d.name: d for d in detector.detect(title, body)}


def names(detector: Detector, body: str, title: str = "") -> set[str]:
    return set(detected(detector, body, title))


# -- trade ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Zorbix Nimbus R6700 Router for $67.77\n\nGet it at Zorbix for $67.77",
        "The best price we have seen.\n\nSee it now: Zorbix",
        "The thermostat is available from Zorbix this week.",
        "MacBook models from $700 at Zorbix.",
    ],
)
def test_a_shop_named_where_things_are_sold_is_a_company(detector: Detector, body: str) -> None:
    result = detected(detector, body)
    assert "Zorbix" in result
    assert not result["Zorbix"].known


@pytest.mark.parametrize(
    "body",
    [
        "He bought it at Christmas for $20 and sold it on Monday.",
        "Get them at Black Friday for $5 while they last.",
        "The tickets are available at Madison Square Garden and at the door.",
        "The game is on Steam for $20 and on Quibblo for $30.",
    ],
)
def test_seasons_venues_and_platforms_are_not_shops(detector: Detector, body: str) -> None:
    assert names(detector, body) == set()


def test_a_shop_phrase_decides_a_known_name_that_is_also_a_word(detector: Detector) -> None:
    body = "This is the lowest price yet.\n\nGet it at Dell for $549\n\nGet it on Amazon for $39.99"
    assert {"Dell", "Amazon"} <= names(detector, body)


@pytest.mark.parametrize(
    "body",
    [
        "Visitors who booked their tickets through Zorbix came to the theatre.",
        "Booking through Zorbix was really easy.",
    ],
)
def test_a_name_things_are_booked_through_is_a_company(detector: Detector, body: str) -> None:
    assert "Zorbix" in names(detector, body)


def test_walking_through_a_place_is_not_booking(detector: Detector) -> None:
    assert names(detector, "They walked through Zorbix Valley and through Quibblo.") == set()


def test_tickets_on_sale_via_a_company_are_not_a_citation(detector: Detector) -> None:
    body = "Tickets go on sale Friday, December 6th, at 10 a.m. local time via Live Nation."
    assert "Live Nation" in names(detector, body)


def test_a_seller_offering_a_product_for_a_price_is_a_company(detector: Detector) -> None:
    body = "Zorbix Express via Quibblo is offering the Apple iPad Pro 12.9-inch for $799."
    assert "Zorbix Express" in names(detector, body)


def test_an_offer_without_a_price_proposes_no_seller(detector: Detector) -> None:
    body = "Mayor Velmora is offering a deal to the unions before the vote."
    assert names(detector, body) == set()


# -- ownership --------------------------------------------------------------------------------


def test_what_a_company_acquired_and_who_acquired_it_are_companies(detector: Detector) -> None:
    body = (
        "WeWork is cutting jobs at Quibblo, which it acquired for $200 million in 2017. "
        "Zorbix, which had been recently acquired by Velmora Holdings, published the book."
    )
    assert {"Quibblo", "Zorbix", "Velmora Holdings"} <= names(detector, body)


def test_a_house_bought_by_a_person_is_not_a_company(detector: Detector) -> None:
    body = "The house, which was bought by John Smith in 2010, was bought by Jane Doe in 2019."
    assert names(detector, body) == set()


def test_newspapers_that_are_owned_are_companies(detector: Detector) -> None:
    body = (
        "The firm bid for Tribune, the owner of the Chicago Tribune, New York Daily News, "
        "Baltimore Sun and Hartford Courant. Alden Capital, which owns the Orange County "
        "Register and Denver Post, also bid."
    )
    expected = {
        "Chicago Tribune",
        "New York Daily News",
        "Baltimore Sun",
        "Hartford Courant",
        "Orange County Register",
        "Denver Post",
    }
    assert expected <= names(detector, body)


def test_a_newspaper_that_is_only_quoted_is_not_proposed(detector: Detector) -> None:
    body = "According to the Denver Post, the mayor said the Baltimore Sun was wrong."
    assert names(detector, body) == set()


# -- lists of companies -----------------------------------------------------------------------


def test_names_listed_after_a_kind_of_company_are_companies(detector: Detector) -> None:
    body = (
        "McClatchy, a chain of 30 newspapers including the Sacramento Bee, Miami Herald and "
        "Kansas City Star, reported a loss. Retailers such as Zorbix, Quibblo and Velmora "
        "cut prices."
    )
    found = names(detector, body)
    assert {"Sacramento Bee", "Miami Herald", "Kansas City Star"} <= found
    assert {"Zorbix", "Quibblo", "Velmora"} <= found


@pytest.mark.parametrize(
    "body",
    [
        "Countries such as France, Germany and Italy objected.",
        "Rivals such as Real Madrid and Barcelona bid for the striker.",
        "Cities including Kansas City and Orange County voted.",
        "Firms such as these rarely survive a downturn.",
        "Credential checking services like Zorbix make these attacks more effective.",
    ],
)
def test_lists_of_places_clubs_or_nothing_are_not_companies(detector: Detector, body: str) -> None:
    assert names(detector, body) == set()


# -- jobs and analysts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "body", "company"),
    [
        ("Introducing Jane Doe, New CEO at Zorbix", "We are thrilled.", "Zorbix"),
        ("", "Posted by the performance analysts at Quibblo Labs on Monday.", "Quibblo Labs"),
        ("", '"Growth is back," said Tom Lee, Head of Research at Velmora Securities.', None),
        ("", "Analysts surveyed by Zorbix were expecting $2.52 a share.", "Zorbix"),
    ],
)
def test_where_executives_and_analysts_work_is_a_company(
    detector: Detector, title: str, body: str, company: str | None
) -> None:
    assert (company or "Velmora Securities") in names(detector, body, title)


@pytest.mark.parametrize(
    "body",
    [
        "Economists at the Federal Reserve said inflation was easing.",
        "Economists polled by Reuters expected growth of 2 percent.",
        "She was a professor at Zorbix before she joined the board.",
    ],
)
def test_public_bodies_news_agencies_and_other_jobs_are_not_employers_here(
    detector: Detector, body: str
) -> None:
    assert names(detector, body) == set()


# -- a company introduced by what it does -----------------------------------------------------


def test_a_name_after_what_the_company_does_is_a_company(detector: Detector) -> None:
    body = (
        "The group that owns most of her music, Zorbix, says she may play. The company that "
        "runs the awards, Quibblo Productions, denies it."
    )
    assert {"Zorbix", "Quibblo Productions"} <= names(detector, body)


def test_a_group_that_does_not_trade_is_not_a_company(detector: Detector) -> None:
    body = "The group that organised the protest, Extinction Rebellion, said it would return."
    assert names(detector, body) == set()


def test_a_carrier_before_a_name_is_an_airline_unless_it_is_a_warship(
    detector: Detector,
) -> None:
    assert "Zorbix" in names(detector, "Bids came from Turkish-based carrier Zorbix.")
    assert names(detector, "The aircraft carrier Nimitz sailed on Monday.") == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Rival bids came from Toyota, Germany's Volkswagen and China's Zorbix Motors.",
         {"Toyota", "Volkswagen", "Zorbix Motors"}),
        ("Shares of South Korea's Zorbix Corp. rose 5 percent.", {"Zorbix"}),
        ("Fast-food chains Wendy's, Joe's Crab Shack and Arby's raised prices.",
         {"Wendy's", "Joe's Crab Shack", "Arby's"}),
    ],
)  # fmt: skip
def test_a_place_in_the_possessive_is_no_part_of_the_name_after_it(
    detector: Detector, body: str, expected: set[str]
) -> None:
    """ "Germany's Volkswagen" is Volkswagen; "Joe's Crab Shack" is a name of its own."""
    assert names(detector, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Boston-based beermaker Zorbix aims to find out.",
        "The streamer Zorbix raised its prices again.",
        "Shares of miner Zorbix fell 4 percent.",
    ],
)
def test_a_trade_written_as_one_word_before_a_name_shows_a_company(
    detector: Detector, body: str
) -> None:
    assert names(detector, body) == {"Zorbix"}


def test_a_trade_word_before_a_lower_case_word_proposes_nothing(detector: Detector) -> None:
    assert names(detector, "The brewer said the grocer and the miner would wait.") == set()


def test_how_a_company_is_listed_or_held_shows_a_company(detector: Detector) -> None:
    body = "Nasdaq-listed Zorbix and privately held Quibblo agreed; Hong Kong-listed Velmora too."
    assert {"Zorbix", "Quibblo", "Velmora"} <= names(detector, body)


@pytest.mark.parametrize(
    "body",
    [
        "UNESCO-listed Old Town drew tourists all summer.",
        "Iran-backed Houthis attacked a ship, state-owned media said.",
        "He privately held views he never shared.",
    ],
)
def test_heritage_lists_backers_and_state_media_are_not_company_evidence(
    detector: Detector, body: str
) -> None:
    assert names(detector, body) == set()


def test_a_post_on_a_social_network_names_the_network(detector: Detector) -> None:
    assert "Zorbix" in names(detector, "In a Zorbix post at the time she described it.")
    assert names(detector, "In a Christmas post and a blog post she thanked fans.") == set()


def test_a_sponsor_a_deal_is_brought_by_is_a_company(detector: Detector) -> None:
    assert "Zorbix" in names(detector, "This sponsored deal is brought to you by Zorbix.")
    assert names(detector, "The letter was brought to him by Jane Doe.") == set()


def test_a_brand_showroom_names_the_brand(detector: Detector) -> None:
    assert "Zorbix" in names(detector, "This week the Zorbix Showroom in Milan shows lamps.")
    assert names(detector, "A new showroom opened in Milan this week.") == set()


# -- products ---------------------------------------------------------------------------------


def test_a_carmaker_before_a_vehicle_is_the_carmaker(detector: Detector) -> None:
    body = "A family friend spotted Webb's Ford sedan and called 911."
    assert "Ford" in names(detector, body)


def test_an_actor_before_a_vehicle_is_not_the_carmaker(detector: Detector) -> None:
    body = "Harrison Ford drove his truck to the set on Monday."
    assert not any("Ford" in name for name in names(detector, body))


def test_a_maker_before_its_product_and_model_number_is_the_maker(detector: Detector) -> None:
    body = '45% Off 65" LG 65UM7300 4K Smart HDTV, Now $549'
    found = names(detector, body)
    assert "LG Electronics" in found
    assert "Smart" not in found  # a word of the product's name, not the carmaker


def test_a_word_before_a_product_of_another_sector_decides_nothing(detector: Detector) -> None:
    assert names(detector, "Smart TVs and smart speakers sold well this year.") == set()


def test_the_first_name_of_a_shopping_line_is_the_maker(detector: Detector) -> None:
    body = "Deals of the day\n\nZorbix Nimbus R6700 AC1700 Router for $67.77\n\nA fast router."
    assert "Zorbix" in names(detector, body)


@pytest.mark.parametrize(
    ("body", "makers"),
    [
        ("Linode : Fast SSD cloud servers starting at just $5/month", {"Linode"}),
        ("Deals\n\nGet Pokemon Shield for $58.56\n\nSmart Wireless Earbuds for $20", set()),
    ],
)
def test_adjectives_and_verbs_starting_a_shopping_line_are_not_makers(
    detector: Detector, body: str, makers: set[str]
) -> None:
    assert names(detector, body) == makers


def test_a_plural_cue_also_counts_in_the_singular(detector: Detector) -> None:
    # the directory's cue for Dell is "laptops"
    assert "Dell" in names(detector, "The Dell G3 laptop is a good buy this week.")
    assert "Dell" not in names(detector, "The farmer in the dell sang on.")


def test_a_numbered_series_is_a_product_not_an_event(detector: Detector) -> None:
    body = "Score the Apple Watch Series 3 right now for the lowest price ever."
    assert "Apple" in names(detector, body)
    assert "Toyota" not in names(detector, "He won at the Toyota Center on Sunday.")


# -- names --------------------------------------------------------------------------------------


def test_a_known_name_with_a_company_word_after_it_is_a_sister_company(
    detector: Detector,
) -> None:
    body = (
        '"The market is higher," said Rusmik Oza, Head of Fundamental Research at Kotak '
        "Securities. Kotak Securities expects more gains."
    )
    found = names(detector, body)
    assert "Kotak Securities" in found
    assert "Kotak Mahindra Bank" not in found


@pytest.mark.parametrize(
    ("body", "company"),
    [
        ("Toyota Motors said sales rose. Toyota Motors shares rose.", "Toyota"),
        ("Microsoft Studios made the game. Microsoft Studios said so.", "Microsoft"),
    ],
)
def test_a_known_name_with_its_own_group_or_division_word_is_the_known_company(
    detector: Detector, body: str, company: str
) -> None:
    assert names(detector, body) == {company}


def test_initials_with_a_company_word_are_a_company_even_once(detector: Detector) -> None:
    body = '"We see growth coming back," said Sanjiv Bhasin, Director, IIFL Securities.'
    assert "IIFL Securities" in names(detector, body)


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("MDM Software Would Have Unlocked the Phone", "The county owned the phone."),
        ("", "Part 2: Original iPhone Software Team Leader in conversation. The iPhone shipped."),
    ],
)
def test_a_company_word_after_headline_initials_or_a_product_is_not_a_company(
    detector: Detector, title: str, body: str
) -> None:
    """A headline capitalises every word, and a product's team is not a company."""
    assert names(detector, body, title) == set()


@pytest.mark.parametrize(
    "body",
    [
        "It relies on Picture Archiving and Communication Systems (PACS) in hospitals.",
        "Milan Design Week opens today; Milan Design fans are everywhere.",
    ],
)
def test_company_words_inside_terms_and_events_are_not_companies(
    detector: Detector, body: str
) -> None:
    assert names(detector, body) == set()


def test_two_known_companies_joined_by_a_hyphen_are_a_deal_not_a_company(
    detector: Detector,
) -> None:
    body = "Public companies such as Gannett and the Gannett-Gatehouse merger were discussed."
    found = names(detector, body)
    assert "Gannett" in found
    assert not any("-" in name for name in found)


def test_a_shortened_known_name_is_the_known_company(detector: Detector) -> None:
    body = (
        "The new additions - Blue Origin, Sierra Nevada Corporation and SpaceX - are notable. "
        '"There are big players, SpaceX and Blue Origin, Sierra Nevada and Tyvak," he said.'
    )
    found = names(detector, body)
    assert "Sierra Nevada Corporation" in found
    assert "Sierra Nevada" not in found


def test_a_new_executive_of_a_lower_case_brand_names_the_brand(detector: Detector) -> None:
    body = "said Ivan Braiker, my6sense’s new Chief Strategy Officer, on Tuesday."
    assert "my6sense" in names(detector, body)
    assert names(detector, "France's new president met the press on Tuesday.") == set()


# -- found on articles outside the labelled set ------------------------------------------------


@pytest.mark.parametrize(
    ("body", "company"),
    [
        ("Zorbix, a Spokane advertising agency, ran the campaign.", "Zorbix"),
        ("Teens love Apple's AirPods more than ever.", "Apple"),
        ("Ousted WeWork CEO Adam Neumann can still name directors.", "WeWork"),
    ],
)
def test_an_agency_of_a_trade_a_product_and_a_known_name_with_a_word_before_it(
    detector: Detector, body: str, company: str
) -> None:
    assert names(detector, body) == {company}


@pytest.mark.parametrize(
    "body",
    [
        "Marco Villa, the company's chief operating officer, said the craft is ready.",
        "Tax rules changed, a government agency said on Monday.",
        "An apple pie and apple juice, with AirPods in.",
    ],
)
def test_a_person_at_a_company_or_a_government_agency_is_not_a_company(
    detector: Detector, body: str
) -> None:
    assert names(detector, body) == set()


def test_the_outlet_credited_in_a_dateline_is_a_source(detector: Detector) -> None:
    dateline = "HONG KONG (CNN Business) Stock markets fell as company earnings disappointed."
    assert "CNN" not in names(detector, dateline)
    as_a_business = "Hong Kong (CNN Business) CNN cut 100 jobs as revenue fell, the company said."
    assert names(detector, as_a_business) == {"CNN"}


def test_companies_listed_after_a_colon_are_companies(detector: Detector) -> None:
    body = (
        "They join the nine companies NASA selected a year ago: Zorbix, Quibblo Systems, "
        "Velmora and Lockheed Martin."
    )
    assert {"Zorbix", "Quibblo Systems", "Velmora"} <= names(detector, body)


@pytest.mark.parametrize(
    "body",
    [
        "Firefox 13 for developers: Support for the new border radius.",
        "Parity requires 15 operators: W XOR X XOR Y XOR Z.",
        "Paperback: 154 pages. Publications: English Edition.",
    ],
)
def test_a_colon_after_people_symbols_or_book_details_lists_no_company(
    detector: Detector, body: str
) -> None:
    assert names(detector, body) == set()


def test_a_name_runs_into_japanese_text_without_a_space(detector: Detector) -> None:
    body = "ソニーの決算。Sonyは増益で、Toyotaの販売も伸びた。"
    assert {"Sony", "Toyota"} <= names(detector, body)


@pytest.mark.parametrize(
    "body",
    [
        "Jane Doe, a portfolio manager at Zorbix Asset Management, expects more deals.",
        "Jane Doe, managing director at Zorbix, expects more deals.",
        "Back in 2009 I was running my design and marketing business, Zorbix Design.",
        "She sold her company, Zorbix, in 2019.",
    ],
)
def test_a_job_at_a_firm_or_someones_own_business_names_a_company(
    detector: Detector, body: str
) -> None:
    assert any(name.startswith("Zorbix") for name in names(detector, body))


@pytest.mark.parametrize(
    "body",
    [
        "Jane Doe, a project manager at the hospital, agreed.",
        "His company, the family said, was small.",
        "Her business, Selling Online Made Simple Chief Jane Doe said, grew.",
    ],
)
def test_a_job_or_a_business_without_a_closed_name_is_not_a_company(
    detector: Detector, body: str
) -> None:
    assert names(detector, body) == set()


@pytest.mark.parametrize(
    "body",
    [
        "Viera (4-0): K. Hupfer 1 goal. Z. Nielsen 1 goal. J. Anasa 1 assist.",
        "The system filters alarms.\n\nRob Goldman, President Ascom North America, says it works.",
    ],
)
def test_a_person_at_the_start_of_a_sentence_is_not_the_company(
    detector: Detector, body: str
) -> None:
    found = names(detector, body)
    assert "Nielsen" not in found
    assert "Goldman Sachs" not in found


def test_a_company_at_the_start_of_a_sentence_is_still_found(detector: Detector) -> None:
    body = "Analysts cut targets.\n\nGoldman Sachs, the bank, raised its forecast for Nielsen."
    assert "Goldman Sachs" in names(detector, body)


def test_a_surname_is_the_person_again_once_the_person_has_spoken(detector: Detector) -> None:
    body = (
        "At her hearing, Kirstjen Nielsen said she could not determine the cause.\n\n"
        "Nielsen's comment contradicts the science. As head of the department, Nielsen would "
        "oversee the response."
    )
    assert "Nielsen" not in names(detector, body)


def test_a_company_sharing_a_speakers_surname_is_found_with_company_context(
    detector: Detector,
) -> None:
    body = (
        "Kirstjen Nielsen said she would review the contract.\n\n"
        "Nielsen, the ratings company, reported higher quarterly revenue and its shares rose."
    )
    assert "Nielsen" in names(detector, body)


def test_a_title_cased_line_before_a_name_is_not_a_first_name(detector: Detector) -> None:
    body = (
        "The kit sold out fast.\n\nStory Timeline\n\nAudi e-tron GT Concept First Drive\n\n"
        "ANT+ Gear Shifting | No | No\n\nShimano Di2 Shifting | No | Yes"
    )
    assert {"Audi", "Shimano"} <= names(detector, body)


def test_a_full_name_is_the_person_also_where_a_line_starts_with_it(detector: Detector) -> None:
    body = (
        "Virginia also elected its first two Latina delegates when Democrats Hala Ayala and "
        "Elizabeth Guzman won their races.\n\nHala Ayala and Elizabeth Guzman\n\nBoth ran "
        "on health care."
    )
    assert "Ayala Corporation" not in names(detector, body)
    assert "Ayala Corporation" in names(detector, "Ayala Corporation shares rose on Monday.")


@pytest.mark.parametrize(
    ("title", "company"),
    [
        ("Virgin Mobile Partners With Apple to Go iPhone-Only", "Virgin Mobile"),
        ("Quibblo Raises $20 Million for Its Delivery Robots", "Quibblo"),
    ],
)
def test_a_title_case_headline_opening_with_a_company_deal_names_it(
    detector: Detector, title: str, company: str
) -> None:
    assert company in names(detector, "The deal was announced on Tuesday.", title)


@pytest.mark.parametrize(
    "title",
    ["Hannity Announces Gorka Will Join The Network", "Biden Signs Infrastructure Bill"],
)
def test_a_title_case_headline_of_a_person_acting_names_no_company(
    detector: Detector, title: str
) -> None:
    assert names(detector, "The news came on Tuesday.", title) == set()


def test_a_name_may_start_with_an_ordinal_but_not_after_a_determiner(detector: Detector) -> None:
    body = "A spokeswoman for 21st Century Fox, the parent company, declined to comment."
    assert "21st Century Fox" in names(detector, body)
    assert names(detector, "It was his 3rd Acme Inc. job in a year.") == set()


def test_a_news_outlet_that_hires_is_a_business(detector: Detector) -> None:
    body = "Fox News star host Sean Hannity announced that the network has hired Sebastian Gorka."
    assert "Fox News" in names(detector, body, "Hannity Announces Gorka Hire")


def test_a_news_outlet_that_is_bought_is_a_business(detector: Detector) -> None:
    body = "The Washington Post was acquired by Jeff Bezos in 2013."
    assert names(detector, body, "A newspaper changes hands") == {"Washington Post"}
    cited = "First reported by the Washington Post, the firm was acquired by a rival."
    assert "Washington Post" not in names(detector, cited, "A deal")


def test_a_news_outlet_told_something_beside_a_hiring_is_still_a_source(
    detector: Detector,
) -> None:
    body = (
        "The agency has hired Gorka for that position.\n\nGorka claimed to the Associated "
        "Press that he resigned."
    )
    assert "Associated Press" not in names(detector, body, "Gorka Hired")


def test_a_name_explained_between_dashes_is_a_company(detector: Detector) -> None:
    body = "Quibblo — a deep learning team acquired by Microsoft in January — built the system."
    assert "Quibblo" in names(detector, body)
    assert names(detector, "Velmora — a team player to the end — scored twice.") == set()
