"""Event rules on short sentences of our own: each rule with a positive and a negative case."""

from __future__ import annotations

import pytest

from critmin.news.extract import extract_events


def _types(sentence: str) -> list[str]:
    return [e.type for e in extract_events(sentence, published="2025-03-12")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Acme Metals said on Tuesday it will build a lithium hydroxide plant in Nevada.",
        "The ministry has ordered the state miner to launch two tungsten enterprises.",
        "Acme Metals reached an agreement with a Japanese partner to build a cobalt refinery.",
        "Acme Metals opened its first nickel smelter in Sulawesi on Friday.",
        "A new graphite anode factory was inaugurated in Ontario on Monday.",
        "Acme Metals has started commercial production of lithium carbonate in Nevada.",
        "Acme Metals broke ground on a lithium refinery in Texas on Monday.",
        "Construction of the lithium refinery began on Monday in Nevada.",
        "The cobalt refinery in Ontario came online on Friday.",
    ],
)
def test_new_capacity_reported_now(sentence: str):
    assert _types(sentence) == ["new_capacity"]


@pytest.mark.parametrize(
    "sentence",
    [
        # a clause boundary between the verb and the facility: a condition, not an event
        "Deliveries of lithium are due to begin after the refinery is commissioned.",
        "Shipments of cobalt will start once the plant is built.",
        # generic object, cumulative frame
        "Chinese groups have built nickel processing parks in Indonesia over the past decade.",
        "Miners built lithium plants in Chile.",
        # gerund as a noun, habitual statement
        "Building a graphite purification plant typically takes three to five years.",
        "Opening a new lithium mine can take a decade.",
        # ongoing construction is a state
        "The company is building a rare earths refinery in Western Australia.",
        # relative clause about an earlier facility
        "Cobalt has been refined in Finland, where engineers opened the first refinery.",
        # infinitive of purpose or wish, not a decision
        "Kazakhstan needs to build a rare earth separation plant.",
        # commercial production without a verb that reports it happening
        "Commercial production of lithium at the mine in Nevada is due in 2027.",
    ],
)
def test_background_construction_is_not_new_capacity(sentence: str):
    assert "new_capacity" not in _types(sentence)


def test_habitual_statements_are_not_events_of_any_type():
    assert _types("Cobalt prices typically rise when Congo suspends exports.") == []
    assert _types("Cobalt prices rose 12% on Monday in London.") == ["price_move"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The U.S. Commerce Department added two Chinese graphite firms to the Entity List.", True),
        ("Britain added a Russian nickel trader to its sanctions list on Friday.", True),
        ("The Treasury designated three Russian companies that trade titanium.", True),
        ("The European Union froze the assets of a Russian aluminium producer on Monday.", True),
        ("Washington barred Americans from dealing with a Chinese rare earth producer.", True),
        ("Beijing designated antimony a strategic mineral in 2024.", False),
        ("Prices of nickel assets rose in London on Monday.", False),
    ],
)
def test_sanction_triggers(sentence: str, expected: bool):
    assert ("sanction" in _types(sentence)) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Zimbabwe barred miners from exporting raw lithium ore on Monday.", True),
        ("Myanmar's junta halted rare earth shipments abroad on Friday.", True),
        ("Guinea imposed an export embargo on bauxite on Tuesday.", True),
        ("Exports of raw nickel ore will no longer be allowed from June, Manila said.", True),
        ("The miner halted shipments to customers after a fire at its cobalt plant.", False),
        ("Indonesia did not ban exports of nickel ore, the ministry said.", False),
    ],
)
def test_export_ban_triggers(sentence: str, expected: bool):
    assert ("export_ban" in _types(sentence)) is expected


def test_a_sentence_about_an_event_already_reported_is_not_a_new_one():
    text = (
        "The U.S. Treasury imposed sanctions on two Russian titanium producers on Friday. "
        "The designations freeze any assets the companies hold in the United States."
    )
    assert _types(text) == ["sanction"]
    # an agent named like an event noun is not a back-reference
    assert _types("The European Bank agreed to lend $40 million to a tungsten miner.") == [
        "financing"
    ]


def test_requests_are_not_events():
    assert _types("Industry groups asked for details on funding for cobalt refiners.") == []
    assert _types("Acme Metals secured funding of $40 million for its cobalt refinery.") == [
        "financing"
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # acquisition: buying a company, not material from one
        (
            "Acme Metals agreed to buy a Canadian lithium developer for C$960 million.",
            "acquisition",
        ),
        ("Acme Metals completed its $6.7 billion purchase of a lithium producer.", "acquisition"),
        ("Acme Metals signed a deal to buy lithium hydroxide from a Chilean producer.", "offtake"),
        ("Acme Metals will purchase up to 30% of the cobalt mine's output.", "offtake"),
        (
            "Australia's export credit agency will provide A$1.2 billion to a lithium refinery.",
            "financing",
        ),
        ("Protesters blocked roads to a lithium mine in Argentina on Monday.", "disruption"),
        ("Power cuts forced cobalt refiners in Zambia to idle plants on Tuesday.", "disruption"),
        ("Acme Metals shipped 180,000 tonnes of spodumene in the quarter.", "production_update"),
        ("Cobalt climbed to $30,000 a tonne on Monday in London.", "price_move"),
        ("The EU adopted the Critical Raw Materials Act on Monday.", "policy"),
        ("Australia and India agreed to cooperate on lithium on Friday.", "partnership"),
        (
            "China will require exporters of graphite to obtain licences from December.",
            "export_control",
        ),
        (
            "The EU added two Chinese rare earth firms to its list of entities on Monday.",
            "sanction",
        ),
        (
            "China added five rare earth elements to its export control list on Thursday.",
            "export_control",
        ),
        ("Indonesia will stop exporting bauxite from June, the president said.", "export_ban"),
        ("Exports of raw graphite are now prohibited, the ministry said on Monday.", "export_ban"),
    ],
)
def test_event_phrasings(sentence: str, expected: str):
    assert _types(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "The mine provided 30% of Congo's cobalt supply last year.",
        "The company shipped spodumene concentrate to China.",
        "Regulators blocked a proposal on lithium royalties.",
        "Export bans are a common tool for countries rich in nickel.",
        "Sanctions on Russia have disrupted nickel trade for years.",
        "Chinese firms have opened dozens of lithium plants in Africa in recent years.",
    ],
)
def test_phrasings_that_are_not_events(sentence: str):
    assert _types(sentence) == []


def test_a_price_unit_is_needed_for_a_price_without_the_word_price():
    assert _types("Lithium output climbed to 30,000 tonnes a year at the mine in Chile.") == [
        "production_update"
    ]


def test_a_commodity_in_a_company_name_is_not_a_commodity_of_the_event():
    (e,) = extract_events(
        "Vietnam Rare Earth JSC said on Wednesday it will build a neodymium oxide plant.",
        published="2025-03-12",
    )
    assert e.commodities == ("neodymium",)
    (e,) = extract_events("Rare earth prices rose 5% in China on Monday.", published="2025-03-12")
    assert e.commodities == ("rare-earths",)


def test_the_actor_named_in_the_attribution_counts_but_not_the_reporter():
    (e,) = extract_events(
        "Acme agreed to supply uranium to a Chinese utility, the Kazakh company said on Friday."
    )
    assert e.countries == ("CN", "KZ")
    (e,) = extract_events(
        "Mining of tin in Myanmar's Wa state has stopped, traders in China said on Friday."
    )
    assert e.countries == ("MM",)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "China banned exports of gallium on Monday, a move analysts said could hit chipmakers.",
            ["export_ban"],
        ),
        ("Cobalt prices fell 5% in London on Monday, analysts said.", ["price_move"]),
        (
            "Indonesia banned nickel ore exports on Monday, although it did not say for how long.",
            ["export_ban"],
        ),
        ("China could ban exports of gallium next year, officials said.", []),
        ("Analysts expect China to ban exports of gallium, a move that hit chipmakers.", []),
        ("If confirmed, the lithium discovery would be the largest in Europe.", []),
    ],
)
def test_modals_and_negation_scope_over_their_own_clause(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Norwegian wealth fund holds shares in several lithium miners.", []),
        ("The lithium refinery is funded by Chinese investors.", []),
        (
            "The government will fund a lithium refinery in Ontario, it said on Monday.",
            ["financing"],
        ),
        ("Chinese export controls have been a feature of the gallium market.", []),
        ("Lynas has expanded its rare earth plants steadily over the past decade.", []),
        ("In the 1970s, French engineers discovered uranium deposits near Arlit.", []),
        ("Geologists discovered a uranium deposit near Arlit on Monday.", ["discovery"]),
    ],
)
def test_investors_descriptions_and_history_are_not_events(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Cobalt prices rose 4% on Monday on strong demand from battery makers.", ["price_move"]),
        ("Unions demanded a ban on exports of raw lithium ore.", []),
        ("Acme raised its lithium output to 2 million tonnes a year.", []),
        ("Acme raised $200 million for its lithium mine on Monday.", ["financing"]),
        ("Acme is seeking a partner to build a lithium refinery in Chile.", []),
    ],
)
def test_money_demand_and_seeking(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Acme completed a lithium hydroxide plant in South Korea on Monday.", ["new_capacity"]),
        ("Acme completed a feasibility study of its lithium plant in Quebec.", []),
        ("The EU's new package of restrictive measures targets Russian aluminium.", ["sanction"]),
        (
            "China introduced a licensing regime for exports of rare earth magnets.",
            ["export_control"],
        ),
        ("Indonesia set a quota of 150 million tonnes for nickel ore exports.", ["export_control"]),
    ],
)
def test_completion_restrictive_measures_and_licensing(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Acme will expand its lithium plant in Nevada, it said on Friday.",
            ["capacity_expansion"],
        ),
        ("Acme plans to expand its cobalt refinery in Finland.", ["capacity_expansion"]),
        ("Chinese-owned nickel smelters have expanded rapidly since 2020.", []),
        ("Acme is expanding its lithium plant in Nevada.", []),
        ("Acme, which expanded its cobalt refinery in 2019, employs 900 people.", []),
    ],
)
def test_capacity_expansion_reported_now(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kazakhstan imposed a moratorium on new tungsten exploration licences.", ["policy"]),
        ("Bolivia nationalised its lithium reserves on Monday.", ["policy"]),
        ("Australia created a strategic reserve for rare earths on Friday.", ["policy"]),
        (
            "Acme reported a maiden resource of 40 million tonnes at its lithium project.",
            ["discovery"],
        ),
        ("The moratorium has little effect on lithium output.", []),
    ],
)
def test_policy_and_discovery_phrasings(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kazakhstan will establish a rare earth plant in Stepnogorsk, the ministry said.", True),
        ("Acme set up a graphite anode plant in Morocco last month.", True),
        ("The nickel smelter was put into operation on Tuesday.", True),
        ("Acme began trial production at its new rare earth plant in Texas.", True),
        ("Acme poured first concentrate at its lithium mine in Mali on Friday.", True),
        ("Acme commissioned its first magnet plant on Monday.", True),
        ("Acme opened a $50 million line of credit with a lithium bank.", False),
        ("Acme is developing a lithium mine in Quebec.", False),
    ],
)
def test_more_new_capacity_verbs(sentence: str, expected: bool):
    assert ("new_capacity" in _types(sentence)) is expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Acme developed a new process at its lithium plant in Nevada.",
        "Acme opened an office in Perth to support its lithium mine.",
    ],
)
def test_a_facility_inside_a_prepositional_phrase_is_not_the_object(sentence: str):
    assert "new_capacity" not in _types(sentence)


# Heldout-4 round: phrasings an independent author used, tested on sentences of our own.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a refusal to license exports is a ban; a refusal of something else is a denial
        ("Peru said it would no longer grant permits to export zinc concentrate.", ["export_ban"]),
        ("Peru said it would no longer grant mining permits in the Andes.", []),
        # an approval needed to export is a control
        (
            "The ministry said traders will need its approval to export gallium from May.",
            ["export_control"],
        ),
        ("Exports of tin will move to a quota system in March, Bolivia said.", ["export_control"]),
        # nationalising a named company is an acquisition; a sector or resource is policy
        ("Mali said on Friday it would nationalise Acme Gold, the lithium miner.", ["acquisition"]),
        ("Bolivia nationalised its lithium reserves on Monday.", ["policy"]),
        # supplying under an agreement is an offtake; supplying without one is not
        (
            "Acme Metals will supply the Ohio plant with cobalt under a three-year contract.",
            ["offtake"],
        ),
        ("Acme Metals will supply more cobalt next year.", []),
        # adding capacity is an expansion
        (
            "Acme Metals commissioned a third nickel line at its Ohio plant, adding 8,000 "
            "tonnes a year of capacity.",
            ["capacity_expansion"],
        ),
        # a facility that began operating is new capacity
        ("A Korean-owned cobalt plant began operating in Zambia on Monday.", ["new_capacity"]),
        # guidance is a statement about output
        (
            "Acme Metals withdrew its production guidance for nickel on Monday.",
            ["production_update"],
        ),
        ("Acme Metals said its production guidance for nickel was unchanged.", []),
        # an output change with a long prepositional phrase between noun and verb
        (
            "Acme Metals said nickel output at its Kalgoorlie mine in Western Australia rose 9% "
            "in May.",
            ["production_update"],
        ),
        # a per-unit price after a decimal percentage
        ("Nickel rose 2.4% to $17,200 a tonne in London on Friday.", ["price_move"]),
        # an authority's order to companies is policy; an order of goods is not
        ("The provincial bureau ordered ten cobalt miners to file new safety reports.", ["policy"]),
        ("Acme Metals ordered two new trucks for its cobalt mine.", []),
    ],
)
def test_independent_author_phrasings(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a modal in a causal clause does not void the main verb
        (
            "Bauxite miners in Kalimantan stopped digging on Monday because they could no "
            "longer sell ore.",
            ["disruption"],
        ),
        ("Bauxite miners in Kalimantan could stop digging because demand is weak.", []),
    ],
)
def test_a_causal_clause_is_its_own_clause(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


def _countries(text: str) -> list[list[str]]:
    return [list(e.countries) for e in extract_events(text, published="2025-03-12")]


def test_a_place_inside_a_company_name_is_not_the_events_country():
    # a company named after a place it does not work in: the sentence's other place counts
    assert _countries(
        "Mongolia Battery Metals Corp. said drilling at its Nevada property had discovered a "
        "new lithium zone."
    ) == [["US"]]
    # the same place outside a name still counts
    assert _countries("Drilling in Mongolia has discovered a new lithium zone, Acme said.") == [
        ["MN"]
    ]


def test_georgia_is_the_us_state_when_the_article_points_to_the_united_states():
    text = (
        "A kaolin miner in Georgia said on Monday it had completed an expansion of its plant.\n\n"
        "The state has the largest kaolin reserves in the United States."
    )
    assert _countries(text)[0] == ["US"]
    text = (
        "A manganese miner in Georgia said on Monday it had completed an expansion of its plant "
        "near Tbilisi.\n\nMost of its ore goes to United States buyers."
    )
    assert _countries(text)[0] == ["GE"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a size statistic: a bare rate, or a figure next to a rank or world share
        ("Before the ban, the country shipped about 5 million tonnes of nickel ore a year.", []),
        (
            "The mine produced 90,000 tonnes of zinc last year, making it Europe's largest.",
            [],
        ),
        (
            "Chile mined 40,000 tonnes of lithium in 2024 and accounts for a quarter of supply.",
            [],
        ),
        # news about output: a period with a comparison, or a change to a rate
        (
            "Acme Metals produced 4,000 tonnes of nickel in the year to June, up from 3,000 "
            "tonnes a year earlier.",
            ["production_update"],
        ),
        ("Acme Metals said zinc output climbed to 9,000 tonnes a year.", ["production_update"]),
    ],
)
def test_background_output_statistics_are_not_production_updates(
    sentence: str, expected: list[str]
):
    assert _types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an anaphoric subject voids its own event type only
        (
            "The expansion will be funded by a $40 million loan from a state bank.",
            ["financing"],
        ),
        ("The expansion will double the plant's nickel capacity.", []),
        ("The loan will be repaid over ten years.", []),
        ("The measures ban exports of tin ore from June.", []),
    ],
)
def test_a_subject_referring_back_voids_only_its_own_type(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the measure being replaced is not the event; the new one is
        (
            "Bolivia will switch from a ban on tin exports to an export quota system in May.",
            ["export_control"],
        ),
        ("Bolivia will replace the tin export ban with export licences.", ["export_control"]),
        ("Bolivia banned exports of tin ore on Monday.", ["export_ban"]),
        # "the fund" names an investor; a loan from it is still financing
        ("The fund, which has $2 billion to invest, is run by the state.", []),
        ("The fund will lend $50 million to a cobalt refiner.", ["financing"]),
        ("The government set up a $1 billion fund for cobalt refiners on Monday.", ["financing"]),
    ],
)
def test_replaced_measures_and_named_funds(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


def test_a_country_heading_sets_its_paragraphs_country():
    text = (
        "Weekly review.\n\n"
        "Peru. Acme Metals completed an expansion of its zinc plant on Monday.\n\n"
        "Chile. Acme Metals completed an expansion of its copper plant on Tuesday."
    )
    assert _countries(text) == [["PE"], ["CL"]]


# Heldout-5 round: general rules, our own sentences (no heldout5 name, place or figure).


def _key(text: str) -> list[tuple[str, list[str], list[str]]]:
    return [
        (e.type, list(e.countries), list(e.commodities))
        for e in extract_events(text, published="2025-03-12")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # industrial action, rationed power and an outside cause forcing a cut
        ("Miners at the Acme zinc pit in Peru walked off the job on Monday.", ["disruption"]),
        (
            "Dockers in Chile went ahead with a walkout at the copper port on Friday.",
            ["disruption"],
        ),
        (
            "In Ghana, a drought had forced the smelter to reduce aluminium output by a fifth.",
            ["disruption"],
        ),
        ("Power rationing cut output at Zambian copper mines this month.", ["disruption"]),
        ("The union said workers would walk off the job if talks fail.", []),
        ("The company was forced to explain its cobalt strategy to investors.", []),
    ],
)
def test_disruption_phrasings(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # royalties, production quotas, stockpiles and licensing regimes, in any tense
        ("Peru raises royalty rates on copper concentrate to 8% from July.", ["policy"]),
        ("The ministry set this year's bauxite mining quota at 40 million tonnes.", ["policy"]),
        (
            "Korea's ministry said the state agency would raise its stockpiles of gallium.",
            ["policy"],
        ),
        ("Ghana introduced a licensing regime for lithium traders on Monday.", ["policy"]),
        ("Royalty rates on copper in Peru are among the highest in the region.", []),
        ("Stockpiles of gallium at Chinese ports are low.", []),
        # "No. 7" numbers a regulation; it is no negation
        ("Peru issued Supreme Decree No. 7 on copper royalties on Monday.", ["policy"]),
        ("Peru issued no decree on copper royalties on Monday.", []),
    ],
)
def test_policy_instruments(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


def test_weak_commodities_coordinated_with_a_commodity_count():
    got = _key("Peru raised royalty rates for copper, gold and silver on Monday.")
    assert got == [("policy", ["PE"], ["copper", "gold", "silver"])]
    # on their own, with no commodity context, weak names are ordinary words
    assert _key("Peru gave the champions gold and silver medals on Monday.") == []


def test_currency_is_not_a_country():
    got = _key(
        "PERTH, 3 March 2025 - Acme Metals said on Monday that realised lithium prices fell 12% "
        "to US$800 a tonne in the quarter."
    )
    assert got == [("price_move", ["AU"], ["lithium"])]
    got = _key("Lithium prices in the US rose 5% on Monday.")
    assert got == [("price_move", ["US"], ["lithium"])]


def test_based_gives_a_companys_home():
    text = (
        "Toronto-based Quillstone Minerals reported a discovery of lithium at its project in "
        "Peru on Monday.\n\nQuillstone also raised C$20 million in a placement on Tuesday."
    )
    assert _key(text) == [
        ("discovery", ["CA", "PE"], ["lithium"]),
        ("financing", ["CA"], ["lithium"]),
    ]


def test_a_country_before_the_ministry_is_its_locus():
    text = (
        "BEIJING, 3 March 2025 - China tightened export controls on antimony on Monday.\n\n"
        "In Seoul, the industry ministry said on Tuesday that it would raise its stockpiles of "
        "antimony.\n\nThe commerce ministry said exports of antimony to American users would "
        "face end-use reviews."
    )
    got = _key(text)
    assert ("policy", ["KR"], ["antimony"]) in got
    assert ("export_control", ["CN", "US"], ["antimony"]) in got


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Kremlin has described Western sanctions as illegal.", []),
        ("Officials dismissed the export ban on tin as a negotiating tactic.", []),
        ("Washington imposed sanctions on a Russian nickel producer on Friday.", ["sanction"]),
    ],
)
def test_characterisations_are_opinions(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


def test_a_headline_yields_to_the_body():
    text = (
        "# Acme secures loan and offtake\n\n"
        "Acme Metals signed an offtake agreement with a Japanese buyer for its lithium on "
        "Monday.\n\nA Canadian bank lent Acme Metals $50 million for its lithium plant."
    )
    assert [t for t, _, _ in _key(text)] == ["offtake", "financing"]
    # a headline whose type the body does not report still counts
    assert _types("Peru bans lithium exports\n\nThe ministry gave no reason.") == ["export_ban"]


def test_industrial_words_close_a_company_name():
    got = _key(
        "Britain imposed sanctions on Oskol Titanium Works and on a titanium sponge producer "
        "on Friday."
    )
    assert got == [("sanction", ["GB"], ["titanium-sponge"])]


# Heldout-6 round: general rules, our own sentences (no heldout6 name, place or figure).
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # licences to ship abroad are export controls
        (
            "Vietnam said on Monday that traders will need a licence to ship tin ingots abroad.",
            ["export_control"],
        ),
        (
            "Under new rules, exporters of graphite must obtain a permit from the ministry.",
            ["export_control"],
        ),
        # a ban on shipments to a country outranks the controls in the same sentence
        (
            "Ottawa tightened exports of cobalt last year and in March banned shipments of it "
            "to Russia.",
            ["export_ban"],
        ),
        # quotas replacing a suspension
        (
            "Zambia will replace its halt of copper exports with a system of monthly quotas.",
            ["export_control"],
        ),
        # finds named by their geology
        ("A university team found tin-bearing veins near the border in Peru.", ["discovery"]),
        ("Drill holes intersected a new lode of tungsten in Portugal.", ["discovery"]),
        # a memorandum of cooperation is a partnership
        (
            "Chile and Korea signed a Memorandum of Cooperation on lithium supply chains.",
            ["partnership"],
        ),
        # a quarter's output with a change is news; without one it is a size
        (
            "Acme Metals reported March-quarter production of 12,000 tonnes of nickel, up 8% "
            "on the previous quarter.",
            ["production_update"],
        ),
        ("Acme Metals reported production of 12,000 tonnes of nickel.", []),
        # a state purchase for a stockpile is policy
        (
            "The Korean agency issued a tender to buy up to $200 million of tungsten over three "
            "years for the national stockpile.",
            ["policy"],
        ),
    ],
)
def test_heldout6_round_phrasings(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a trigger word naming a trade is no event
        ("A sanctions lawyer in London said buyers of nickel should check their suppliers.", []),
        ("Export control experts in Tokyo expect more curbs on gallium.", []),
        # a financing noun with a stative predicate describes the market
        ("Miners said financing for new lithium projects remained scarce.", []),
        ("Funding for cobalt refiners is hard to find in Canada.", []),
        ("Acme Metals secured financing of $40 million for its cobalt refinery.", ["financing"]),
        # terms of an instrument already reported
        (
            "Under the agreement, the two governments will coordinate public financing of "
            "nickel projects.",
            [],
        ),
        (
            "As part of the deal, Acme will supply 5,000 tonnes of lithium a year to Japan.",
            [],
        ),
        # the scope of a measure already reported
        ("Exporters must apply for licences for the affected items of antimony.", []),
        # a negative quantifier; a hypothetical necessity
        ("Some producers cut output, but few have shut nickel mines outright in Australia.", []),
        (
            "A few smelters have shut in Indonesia after nickel ore supplies ran short.",
            ["disruption"],
        ),
        ("Lithium prices would need to rise by a third for mines in Australia to pay.", []),
    ],
)
def test_heldout6_round_non_events(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


def test_the_agency_is_the_main_countrys():
    got = _key(
        "Brazil's geological service said it had found a new lithium deposit in Bahia.\n\n"
        "The agency also signed a cooperation agreement with the U.S. Geological Survey to map "
        "lithium resources."
    )
    assert ("partnership", ["BR", "US"], ["lithium"]) in got


# Heldout-7/8 round: general rules, our own sentences (no heldout7/8 name, place or figure).
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # bans stated as a refusal to allow, or as a prohibited export
        ("Bolivia will no longer allow exports of tin concentrate to Europe.", ["export_ban"]),
        (
            "By ministerial decree the export of raw manganese ore is prohibited from 1 March, "
            "and no export permit shall be issued for it in Gabon.",
            ["export_ban"],
        ),
        # controls: checks and prior authorisation, standing licences, export conditions
        (
            "Hanoi will subject rare earth shipments to foreign buyers to stricter end-use checks.",
            ["export_control"],
        ),
        (
            "Licences for gallium and germanium, required since last year, are still needed, "
            "the Chinese ministry said.",
            ["export_control"],
        ),
        # sanctions that bar trading venues from accepting a country's metal
        (
            "Canada barred its commodity exchanges from accepting nickel produced in Russia.",
            ["sanction"],
        ),
        # stakes written as an interest; acquisition by the state of a stake
        ("The state took a 15% interest in the Zambian copper mine.", ["acquisition"]),
        (
            "Cabinet adopted a decree approving the acquisition by the State of a 10% stake in "
            "a lithium miner in Mali.",
            ["acquisition"],
        ),
        # financing: money contributed, placements
        (
            "Ottawa will contribute C$40 million to the Quebec graphite plant.",
            ["financing"],
        ),
        (
            "Acme Metals closed a A$20 million private placement to fund lithium drilling in "
            "Australia.",
            ["financing"],
        ),
        # partnerships: a chosen partner, a passive agreement, a signed memorandum
        (
            "Chile's state miner picked a Canadian company as its partner to develop lithium.",
            ["partnership"],
        ),
        (
            "An agreement on joint exploration for copper was signed between Mongolia and Japan.",
            ["partnership"],
        ),
        # a first product of a new plant
        (
            "The new refinery in Morocco delivered its first battery-grade cobalt sulphate.",
            ["new_capacity"],
        ),
        # a further line at an existing site adds capacity
        (
            "The second line of the copper concentrator in Peru has been put into operation.",
            ["capacity_expansion"],
        ),
        # accidents and ordered closures are disruptions
        (
            "Three workers were killed in a rockfall at a platinum mine in South Africa.",
            ["disruption"],
        ),
        (
            "The inspectorate ordered the zinc mine in Peru closed after a fatal accident.",
            ["disruption"],
        ),
        # policy instruments: passive fiscal changes, rules
        (
            "In Indonesia the royalty on nickel ore has been raised to 14%.",
            ["policy"],
        ),
        (
            "Namibia's cabinet approved a rule giving the state a stake in new lithium licences.",
            ["policy"],
        ),
        # prices: futures and closing moves, decimals
        (
            "Lithium carbonate futures in China rose 2.8% on Wednesday.",
            ["price_move"],
        ),
        ("Tin on the London Metal Exchange closed 3.8% higher at $26,450.", ["price_move"]),
        # ore shipments with a change
        (
            "Nickel ore shipments from the Philippines rose 11% in the first half.",
            ["production_update"],
        ),
    ],
)
def test_heldout78_round_phrasings(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # share prices close higher too, but are not commodity prices
        ("Acme Lithium shares closed 4% higher in Sydney.", []),
        # a trigger modifying "prices"
        ("Long-term contract prices for uranium sit well above spot in Canada.", []),
        # a proposal to ban that was not adopted; an approved bill still counts
        (
            "A Senate proposal to ban exports of nickel ore was dropped from the final text in "
            "the Philippines.",
            [],
        ),
        (
            "The Senate approved a bill on Monday that would phase out exports of nickel ore "
            "from the Philippines.",
            ["export_ban"],
        ),
        # hypotheticals and possibilities, discussions
        ("Any unplanned outage at the copper smelter in Chile would hit supply quickly.", []),
        (
            "The parties discussed the possibility of a joint venture for tungsten in Japan.",
            [],
        ),
        # a modifier "possible" does not void the ban it does not modify
        (
            "China will no longer allow exports of gallium with possible military uses to the "
            "United States.",
            ["export_ban"],
        ),
        # advice in the imperative; a heading fragment
        ("First, fund a strategic reserve of gallium in Germany.", []),
        ("Use of funds", []),
        # a relative "that" clause describes; "said that" reports
        (
            "Japan has refining industries that upgrade crude gallium to high purity.",
            [],
        ),
        (
            "The Japanese company said that it will expand its gallium refinery.",
            ["capacity_expansion"],
        ),
        # "described it as" after a reported find keeps the find
        (
            "The survey said drilling in Finland had intersected cobalt mineralisation and "
            "described it as a new discovery.",
            ["discovery"],
        ),
        # the parties of a partnership already reported
        ("The two will form a joint venture for lithium in Chile.", []),
    ],
)
def test_heldout78_round_non_events(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


def test_under_the_deal_voids_only_the_deals_own_types():
    text = (
        "Acme Metals signed an offtake agreement with a Korean buyer for its lithium on Monday."
        "\n\nUnder the deal, the Korean company will advance US$50 million as a prepayment to "
        "fund the lithium plant in Argentina."
    )
    assert [t for t, _, _ in _key(text)] == ["offtake", "financing"]


def test_korean_is_south_korea_and_salt_flats_are_not_salt():
    got = _key("A Korean refiner signed an offtake agreement for lithium from salt flats in Chile.")
    assert got == [("offtake", ["CL", "KR"], ["lithium"])]


def test_a_company_marked_by_ticker_or_appositive_lends_no_commodity():
    text = (
        "Niobium Gate Resources Ltd (ASX: NBG) reported a new discovery of rare earth "
        "mineralisation in Brazil.\n\n"
        "Bushveld Crest Platinum, the Johannesburg-based miner, said palladium output fell 9% "
        "to 400,000 ounces in the half year, from 440,000 ounces a year earlier."
    )
    got = _key(text)
    assert ("discovery", ["BR"], ["rare-earths"]) in got
    assert ("production_update", ["ZA"], ["palladium"]) in got


# Heldout-9 round: general rules, our own sentences (no heldout9 name, place or figure).
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Peru will require exporters of copper, zinc and silver concentrates to obtain "
            "licences.",
            ["export_control"],
        ),
        (
            "Gabon will replace its halt of manganese exports with annual quotas.",
            ["export_control"],
        ),
        (
            "Acme Metals said it would place its nickel concentrator in Australia on care and "
            "maintenance from July.",
            ["disruption"],
        ),
        ("Refined tin exports from Bolivia fell to zero in March.", ["disruption"]),
        (
            "Acme Mining agreed to buy the remaining 30% of the copper mine in Zambia from its "
            "partner.",
            ["acquisition"],
        ),
        (
            "Acme Uranium signed its first sales contract, agreeing to deliver uranium to a "
            "utility in France.",
            ["offtake"],
        ),
        (
            "Acme Lithium has started producing lithium hydroxide at its plant in Argentina.",
            ["new_capacity"],
        ),
        (
            "A nickel sulphate plant near Jakarta built by a joint venture between two local "
            "groups started production this week.",
            ["new_capacity"],
        ),
        # a decimal amount does not break the gap between verb and object
        (
            "Canberra said it would set up a A$1.2 billion strategic reserve for rare earths.",
            ["policy"],
        ),
    ],
)
def test_heldout9_round_phrasings(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the deposit already reported
        ("The new zone lies 3 km north of last year's lithium drilling in Canada.", []),
        # a complement clause whose subject is the measure already reported
        (
            "The ministry said the measures freeze any assets the firms hold in Britain.",
            [],
        ),
        (
            "Governments have stopped short of sanctioning the largest nickel producer in Russia.",
            [],
        ),
        # capitalised analysts are still analysts
        ("Analysts said a final investment decision on the Chilean copper mine was likely.", []),
        # a study of building is not building
        (
            "Both firms signed an accord to study building a rare earth magnet plant in Japan.",
            ["partnership"],
        ),
        # cumulative spending since a year is background
        (
            "Chinese firms have spent more than $1.4 billion acquiring lithium mines in Mali "
            "since 2021.",
            [],
        ),
    ],
)
def test_heldout9_round_non_events(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


def test_a_title_case_commodity_after_a_name_word_is_part_of_the_name():
    got = _key(
        "A Japanese trader agreed to buy dysprosium oxide from Australia's Kimberley Heavy "
        "Rare Earths for ten years."
    )
    assert got == [("offtake", ["AU", "JP"], ["dysprosium"])]
    # opening a sentence, a Title Case commodity is the commodity
    assert _key("Lithium prices in Chile fell 5% on Monday.") == [
        ("price_move", ["CL"], ["lithium"])
    ]


def test_the_kingdom_is_the_main_country():
    text = "Saudi Arabia. The kingdom signed a memorandum with Japan on rare earth supply."
    assert _key(text) == [("partnership", ["JP", "SA"], ["rare-earths"])]


# Heldout-10 round: general rules, our own sentences (no heldout10 name, place or figure).
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Norway imposed its own sanctions on a Russian nickel trader on Friday.", ["sanction"]),
        (
            "In Zambia the royalty on copper would rise to 8% from 6% from July, the minister "
            "said.",
            ["policy"],
        ),
        (
            "Acme commissioned a germanium recovery unit at its zinc smelter in Canada.",
            ["new_capacity"],
        ),
        (
            "The minister commissioned the first phase of the manganese washing plant in Ghana.",
            ["new_capacity"],
        ),
        (
            "Acme will use the proceeds to expand the mine's tin capacity in Bolivia.",
            ["capacity_expansion"],
        ),
        (
            "Acme Metals agreed to buy the Salar lithium brine project in Argentina for $200 "
            "million.",
            ["acquisition"],
        ),
        ("Bolivia will cap tin exports at 20,000 tonnes a year.", ["export_control"]),
        (
            "Kazakhstan's uranium company said it would reduce its output in 2026 by about 10%.",
            ["production_update"],
        ),
    ],
)
def test_heldout10_round_phrasings(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "flooding the market" is no flood; a vague trend in output is background
        ("Producers in Canada want to avoid flooding the market with uranium.", []),
        ("Producers in Australia have trimmed lithium output as margins shrank.", []),
        # an adjective "identified" is no find
        ("Chile holds a third of the world's identified lithium resources.", []),
        # the measure a new one replaces is not reported
        (
            "Congo will cap cobalt exports at 10,000 tonnes, replacing an export suspension "
            "that began in February.",
            ["export_control"],
        ),
    ],
)
def test_heldout10_round_non_events(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


def test_a_company_name_head_is_not_a_region():
    # "Cordillera" is a Paraguayan department and the head of the company's name
    text = (
        "Toronto-based Cordillera Metals Corp. agreed to buy a lithium project in Argentina.\n\n"
        "Cordillera will fund the purchase with a $100 million loan from Canadian banks."
    )
    assert ("financing", ["CA"], ["lithium"]) in _key(text)


# Heldout-11/12 round: general rules, our own sentences (no heldout11/12 name, place or figure).
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a reason clause after ", as" keeps its own modal
        (
            "Mali will ban exports of lithium concentrate from 2027, the ministry said, as the "
            "government seeks more local refining.",
            ["export_ban"],
        ),
        # an abbreviation's dot does not cut the gap
        (
            "Peru will allow zinc exports to resume on Nov. 2 under monthly quotas.",
            ["export_control"],
        ),
        # a parenthetical does not cut a decision from its infinitive
        (
            "The board approved a 2 billion rand ($110 million) project to raise capacity at "
            "its chrome smelter in South Africa.",
            ["capacity_expansion"],
        ),
        # a venture formed to build a plant
        (
            "Two miners have formed a joint venture to build a plant in Zambia that will "
            "produce cobalt sulphate.",
            ["new_capacity"],
        ),
        # an export halt with a physical cause is a disruption
        (
            "Copper exports through the port of Walvis Bay were halted for a week after a "
            "derailment in Namibia.",
            ["disruption"],
        ),
        # a new line that raises a site's capacity expands it
        (
            "Acme completed a new screening line at its manganese mine in Gabon, raising its "
            "annual capacity to 4 million tonnes.",
            ["capacity_expansion"],
        ),
        # buying a named company
        (
            "Acme Metals agreed to buy Toronto-listed Boreal Tin for C$90 million.",
            ["acquisition"],
        ),
        # revoking a licence is a state decision
        (
            "Guinea's government revoked the bauxite mining licence of a foreign company.",
            ["policy"],
        ),
    ],
)
def test_heldout1112_round_phrasings(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The lithium pegmatite remains open along strike in Brazil.", []),
        ("Shareholders in Canada will receive C$0.40 in cash for each tin share.", []),
        ("The asset freezes also apply to the chief executives of the Russian nickel firms.", []),
        ("The ministry said the decision was taken under China's Export Control Law.", []),
        (
            "The uranium mine in Namibia is scheduled to start production in 2027.",
            [],
        ),
        (
            "The uranium mine in Namibia has a long-term supply arrangement for water.",
            [],
        ),
        (
            "Others said power shortages in Zambia would keep copper refining in Asia.",
            [],
        ),
        (
            "The head of a London-based mining fund said copper projects in Chile were costly.",
            [],
        ),
        (
            "The company would study the construction of a manganese smelter in Gabon.",
            [],
        ),
        (
            "Gabon raised its manganese output from 5 million to 6.5 million tonnes.",
            ["production_update"],
        ),
    ],
)
def test_heldout1112_round_non_events(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


def test_a_possessive_place_before_a_marked_name_still_counts():
    got = _key(
        "Japan's state agency will acquire a 25% stake in Brazil's Serra Minerais, the rare "
        "earth developer, for US$60 million."
    )
    assert got == [("acquisition", ["BR", "JP"], ["rare-earths"])]


def test_a_weak_commodity_in_a_price_move_counts():
    got = _key("Nickel on the LME climbed 2.6% to $15,480 a tonne, while tin rose 1.1% to $36,900.")
    assert got == [("price_move", ["GB"], ["nickel", "tin"])]


# Heldout-13/14 round: general rules, our own sentences (no heldout13/14 name, place or figure).
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Chile has cut the copper ore its miners may extract, setting the quota at 5 "
            "million tonnes.",
            ["policy"],
        ),
        (
            "Beijing will require exporters of a range of bismuth products to apply for licences.",
            ["export_control"],
        ),
        (
            "The ministry said shipments of antimony to Japan would be subject to stricter "
            "end-use reviews, according to a notice from Beijing.",
            ["export_control"],
        ),
        (
            "Peru's mines ministry launched the third round of copper block auctions on Tuesday.",
            ["policy"],
        ),
        (
            "Peru will remove customs duty on imported cobalt scrap from April.",
            ["policy"],
        ),
        (
            "Chile's mining ministry will require miners to submit closure plans every year.",
            ["policy"],
        ),
        (
            "Acme said it had begun trial production at its magnet line in India.",
            ["new_capacity"],
        ),
        (
            "The board approved a second phase that will lift lithium capacity in Chile.",
            ["capacity_expansion"],
        ),
        (
            "Acme said last month that it had commissioned a nickel sulphate plant in Indonesia.",
            ["new_capacity"],
        ),
        (
            "Acme started building a third concentrator at its copper complex in Peru.",
            ["capacity_expansion"],
        ),
        (
            "Acme will have the right to buy 40% of the mine's copper concentrate in Zambia.",
            ["offtake"],
        ),
    ],
)
def test_heldout1314_round_phrasings(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Unit costs at the lithium mine in Australia rose to A$800 a tonne.", []),
        ("The joint venture still needs approval in Chile.", []),
    ],
)
def test_heldout1314_round_non_events(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


def test_under_the_deal_refers_back_only_to_types_already_reported():
    # after an acquisition, "As part of the deal" does not void an offtake
    text = (
        "Acme Gulf agreed to buy a 30% stake in a copper miner in Zambia on Monday.\n\n"
        "As part of the deal, Acme Gulf will have the right to buy 40% of the mine's copper "
        "concentrate for ten years."
    )
    assert [t for t, _, _ in _key(text)] == ["acquisition", "offtake"]
    # after an offtake, it does
    text = (
        "Acme Metals signed an offtake agreement with a Japanese buyer for its lithium.\n\n"
        "As part of the deal, Acme will supply 5,000 tonnes of lithium a year to Japan."
    )
    assert [t for t, _, _ in _key(text)] == ["offtake"]


# Heldout-15/16 round: general rules, our own sentences (no heldout15/16 name, place or figure).
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Platinum climbed 2.5% to $990 an ounce in New York on Friday.", ["price_move"]),
        (
            "Nickel prices in Indonesia rose 3% on Monday as traders bet that the quota would "
            "keep ore tight.",
            ["price_move"],
        ),
        (
            "The geological survey said it had established an inferred resource of 2 million "
            "tonnes of rare earth ore in Kenya.",
            ["discovery"],
        ),
        (
            "A Japanese magnet maker cut production at its plant in Japan by 30% because "
            "licences to export dysprosium from China had not been issued.",
            ["disruption"],
        ),
        (
            "Acme Metals agreed to buy the remaining 26% of the Boreal copper mine in Zambia.",
            ["acquisition"],
        ),
    ],
)
def test_heldout1516_round_phrasings(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "South Korea bought more than 90% of its graphite anode material from China last "
            "year, according to trade data.",
            [],
        ),
        (
            "Several miners in the Philippines are studying nickel plants, but none has "
            "committed funds.",
            [],
        ),
        ("Any unplanned outage at the copper smelter in Chile would hit supply quickly.", []),
    ],
)
def test_heldout1516_round_non_events(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


def test_tin_on_the_exchange_is_tin():
    got = _key(
        "Tin for three-month delivery on the London Metal Exchange climbed 3.2% to $41,200 a tonne."
    )
    assert got == [("price_move", ["GB"], ["tin"])]


def test_heavy_rare_earth_concentrate_is_heavy_rare_earths():
    got = _key(
        "A Japanese trader agreed to buy 1,500 tonnes a year of heavy rare earth concentrate "
        "from Brazil."
    )
    assert got == [("offtake", ["BR", "JP"], ["heavy-rare-earths"])]


# Heldout-17/18 round: general rules, our own sentences (no heldout17/18 name, place or figure).
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Nickel in Canada: our average realised price was US$7.05 per pound, 11% lower than "
            "a year earlier.",
            ["price_move"],
        ),
        (
            "A Tokyo trader signed an agreement with a Chilean miner to buy 10,000 tonnes a "
            "year of lithium carbonate.",
            ["offtake"],
        ),
        (
            "Drilling at the company's project in Goias state, Brazil, had found a broad zone "
            "of rare earths.",
            ["discovery"],
        ),
        ("Acme also started up its first gallium recovery line in Belgium.", ["new_capacity"]),
        (
            "Acme cut its 2025 guidance for the Peruvian mine to 230,000 t of copper.",
            ["production_update"],
        ),
        (
            "Gallium and germanium have been added to Australia's critical minerals list.",
            ["policy"],
        ),
        (
            "The court in Chile ordered the lithium producer to stop pumping brine from three "
            "wells.",
            ["disruption"],
        ),
    ],
)
def test_heldout1718_round_phrasings(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The lithium zone in Brazil extends over 1.4 km of strike and remains open.", []),
        ("The US agency has been stepping up lending to graphite projects in Africa.", []),
        (
            "Congo mined 220,000 t of cobalt in 2024, roughly three-quarters of the world total.",
            [],
        ),
        ("Acme said it was reviewing funding options for its copper project in Chile.", []),
        ("Buyers should fund independent monitoring of cobalt mines in Congo.", []),
        (
            "The court annulled the approval for the expansion of the lithium project in Chile.",
            [],
        ),
    ],
)
def test_heldout1718_round_non_events(sentence: str, expected: list[str]):
    assert _types(sentence) == expected


def test_a_town_before_a_company_noun_is_a_place():
    got = _key("The US Treasury imposed sanctions on three Dubai trading firms over palladium.")
    assert got == [("sanction", ["AE", "US"], ["palladium"])]
