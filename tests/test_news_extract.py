"""Event extraction: the must-show case, rule behaviour, and measured F1 on the labelled set."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from critmin.news.dates import sentence_date
from critmin.news.evaluate import evaluate, score
from critmin.news.extract import extract_events, split_sentences
from critmin.news.quantities import find_quantities
from critmin.news.read import read_articles
from critmin.news.records import EVENT_TYPES

DATA = Path(__file__).parent / "data" / "news"
EXAMPLE = Path(__file__).parents[1] / "examples" / "kazakhstan-rare-earth-enterprises.md"
TOKAYEV = (
    "President Kassym-Jomart Tokayev has ordered the government to launch at least three "
    "enterprises for rare earth metals and critical materials."
)


@pytest.mark.parametrize(
    "path", [DATA / "dev" / "d01-kazakhstan-rare-earth-enterprises.md", EXAMPLE]
)
def test_tokayev_article_yields_the_new_capacity_event(path: Path):
    (article,) = read_articles(path)
    events = extract_events(article)
    first = events[0].to_dict()
    assert first["type"] == "new_capacity"
    assert first["countries"] == ["KZ"]
    assert first["commodities"] == ["rare-earths"]
    assert first["quantity"] == {"value": 3, "unit": "enterprises"}
    assert first["date"] == "2025-09-08"
    assert first["evidence"] == TOKAYEV
    assert TOKAYEV in article.text


def test_leader_alone_implies_the_country_and_on_monday_resolves():
    events = extract_events(
        "Tokayev on Monday ordered the launch of two rare earth plants.", published="2025-09-10"
    )
    (e,) = events
    assert e.countries == ("KZ",) and e.date == "2025-09-08" and e.date_basis == "stated"
    assert e.quantity is not None and (e.quantity.value, e.quantity.unit) == (2, "plants")


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts expect China to ban exports of gallium next year.",
        "Kazakhstan could build a rare earth refinery.",
        "Lynas is considering an expansion of its Malaysian plant.",
        "Will China ban exports of antimony?",
        "China did not impose export controls on lithium.",
        "The company may open a new plant in Texas.",
    ],
)
def test_speculation_questions_and_denials_give_nothing(sentence: str):
    assert extract_events(sentence, published="2025-01-01") == ()


def test_a_month_named_may_is_not_speculation():
    (e,) = extract_events("China banned exports of antimony to the United States on 3 May 2025.")
    assert e.type == "export_ban" and e.date == "2025-05-03"


def test_comparison_countries_are_not_parties():
    (e,) = extract_events(
        "Solvay opened the largest rare earth separation plant outside China in France."
    )
    assert e.countries == ("FR",)


def test_context_supplies_the_missing_country_and_commodity():
    text = (
        "ASTANA, 2 April 2025 - Kazakhstan has discovered a large tungsten deposit.\n\n"
        "The ministry said it will build a processing plant near the site."
    )
    events = extract_events(text)
    assert [(e.type, e.countries, e.commodities) for e in events] == [
        ("discovery", ("KZ",), ("tungsten",)),
        ("new_capacity", ("KZ",), ("tungsten",)),
    ]


def test_one_event_per_distinct_key_in_an_article():
    text = "China banned exports of gallium. China banned exports of gallium again, officials said."
    assert len(extract_events(text)) == 1


def test_sentences_keep_abbreviations_together():
    parts = [s.text for s in split_sentences("The U.S. Treasury acted. Mr. Li said no. Next one.")]
    assert parts == ["The U.S. Treasury acted.", "Mr. Li said no.", "Next one."]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("at least three enterprises", 3, "enterprises"),
        ("10,000 tonnes per year", 10_000, "t/yr"),
        ("$1.2 billion", 1.2e9, "USD"),
        ("A$200 million", 2e8, "AUD"),
        ("17.5 ktpa", 17_500, "t/yr"),
        ("more than 20 million tonnes", 2e7, "t"),
        ("rose 25%", 25, "%"),
    ],
)
def test_quantities(text: str, value: float, unit: str):
    (q,) = [f.quantity for f in find_quantities(text)]
    assert (q.value, q.unit) == (pytest.approx(value), unit)


def test_dates():
    from datetime import date

    assert sentence_date("said on Friday", date(2025, 4, 4)) == date(2025, 4, 4)
    assert sentence_date("from 1 August, it said on Monday", date(2023, 7, 5)) == date(2023, 7, 3)
    assert sentence_date("until November 10, 2026") == date(2026, 11, 10)
    assert sentence_date("no date here") is None


def test_score_counts_each_label_once():
    k = ("export_ban", frozenset({"CN"}), frozenset({"gallium"}))
    rows = score([((k,), (k, k))])
    assert (rows[-1].tp, rows[-1].fp, rows[-1].fn) == (1, 1, 0)


def test_labelled_set_size_and_negatives():
    labels = sorted(DATA.rglob("*.labels.yaml"))
    assert len(labels) >= 40
    negatives = [p for p in labels if "events: []" in p.read_text()]
    assert len(negatives) >= 8


#: Floors a little under today's figures (none of them blind any more; the honest figures
#: are each batch's first run, in tests/data/news/README.md). Held-out 1-3 is at 0.89 since a
#: further line at an existing plant became a capacity expansion (the convention's reading in
#: heldout4 and heldout8), which h01 labels as new capacity.
FLOORS = {
    "dev": 0.95,
    "heldout": 0.85,
    "heldout4": 0.95,
    "heldout5": 0.9,
    "heldout6": 0.95,
    "heldout7": 0.9,
    "heldout8": 0.9,
    "heldout9": 0.9,
    "heldout10": 0.85,
    "heldout11": 0.9,
    "heldout12": 0.95,
    "heldout13": 0.85,
    "heldout14": 0.9,
    "heldout15": 0.85,
    "heldout16": 0.85,
    "heldout17": 0.85,
    "heldout18": 0.75,
    # heldout19/20: their blind first runs (0.80, 0.74) on b6921b1, untouched since
    "heldout19": 0.75,
    "heldout20": 0.7,
}


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_f1_on_the_labelled_set(part: str):
    report = evaluate(DATA / part)
    # a regression guard, not an estimate of accuracy on unseen text
    assert report.overall.f1 >= FLOORS[part], report.to_dict()


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "China banned exports of gallium",
                "Tokayev ordered three rare earth plants",
                "on Monday",
                "at least 10,000 tonnes a year",
                "$1.2 billion",
                "could",
                "?",
                ".",
                "\n\n",
                "ASTANA, 8 September 2025 (Interfax-Kazakhstan) — ",
                "the discovery",
                "Georgia",
                "â€™",
                "\u00ad",
                "U.S.",
            ]
        )
        | st.text(max_size=20),
        max_size=30,
    ),
    st.sampled_from(["", "2025-09-08", "not a date"]),
)
def test_extraction_never_crashes(parts: list[str], published: str):
    for event in extract_events(" ".join(parts), published=published):
        assert event.type in EVENT_TYPES
        assert 0.0 <= event.confidence <= 1.0
        assert event.evidence
