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
