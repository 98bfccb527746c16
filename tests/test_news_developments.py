"""Developments, investor questions and proposed scenarios."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from critmin.news.developments import NoScenarioError, group_developments, propose_scenario
from critmin.news.extract import extract_events
from critmin.news.read import read_articles

DATA = Path(__file__).parent / "data" / "news" / "dev"


def developments_of(*names: str):
    articles = [a for n in names for a in read_articles(DATA / n)]
    events = [e for a in articles for e in extract_events(a)]
    return group_developments(events, {a.id: a for a in articles})


def test_tokayev_development_has_the_four_investor_questions_open():
    (dev,) = developments_of("d01-kazakhstan-rare-earth-enterprises.md")
    assert dev.id == "kz-rare-earths-supply"
    for question in ("elements", "financing", "downstream", "partners"):
        assert question in dev.open_questions
    assert {e.type for e in dev.events} == {"new_capacity", "discovery"}


def test_questions_answered_with_evidence_and_article():
    devs = {d.id: d for d in developments_of("d33-sareco-html.html")}
    dev = devs["kz-rare-earths-supply"]
    answers = {q.question: q for q in dev.questions}
    assert answers["partners"].status == "answered"
    assert "joint venture" in answers["partners"].evidence
    assert answers["downstream"].status == "answered"
    assert answers["timeline_capacity"].status == "answered"
    assert answers["partners"].article_id == dev.events[0].article_id


def test_elements_answered_light_heavy_or_both():
    devs = {d.id: d for d in developments_of("d08-kazakhstan-deposit-discovery.md")}
    answer = {q.question: q for q in devs["kz-rare-earths-supply"].questions}["elements"]
    assert answer.status == "answered" and answer.answer.startswith("both")


def test_developments_span_articles():
    devs = {d.id: d for d in developments_of(
        "d01-kazakhstan-rare-earth-enterprises.md", "d08-kazakhstan-deposit-discovery.md"
    )}  # fmt: skip
    dev = devs["kz-rare-earths-supply"]
    assert len({e.article_id for e in dev.events}) == 2
    assert "elements" not in dev.open_questions  # the second article names the elements


def test_proposed_scenario_flags_every_assumption():
    (dev,) = developments_of("d01-kazakhstan-rare-earth-enterprises.md")
    scenario = propose_scenario(dev)
    (shock,) = scenario["shocks"]
    assert shock["kind"] == "new_capacity" and shock["country"] == "KZ"
    assert shock["basis"] == "assumption"
    assert "three enterprises (reported)" in shock["note"]
    assert "assumptions.yaml" in shock["note"]
    assert shock["capacity"] == {"value": 6000, "unit": "t/yr"}
    assert scenario["target"] == "non-CN" and scenario["commodity"] == "rare-earths"


def test_reported_capacity_goes_in_as_reported():
    devs = {d.id: d for d in developments_of("d11-mp-dod-deal.md")}
    scenario = propose_scenario(devs["us-rare-earths-supply"])
    reported = [s for s in scenario["shocks"] if s["basis"] == "reported"]
    assert reported and reported[0]["capacity"] == {"value": 10000.0, "unit": "t/yr"}
    assert "10,000 tonnes a year" in reported[0]["source"]


def test_no_capacity_invented_without_a_basis():
    devs = {d.id: d for d in developments_of("d09-boguty-tungsten-plant.md")}
    with pytest.raises(NoScenarioError, match="no default"):
        propose_scenario(devs["kz-tungsten-supply"])


def test_not_a_new_capacity_development():
    devs = developments_of("d02-china-gallium-germanium-controls.md")
    with pytest.raises(NoScenarioError):
        propose_scenario(devs[0])


def test_proposed_scenarios_validate_against_the_scenario_schema():
    spec = pytest.importorskip("critmin.scenarios.spec")
    for name in ("d01-kazakhstan-rare-earth-enterprises.md", "d11-mp-dod-deal.md",
                 "d33-sareco-html.html", "d14-neo-narva.md"):  # fmt: skip
        for dev in developments_of(name):
            try:
                scenario = propose_scenario(dev)
            except NoScenarioError:
                continue
            text = yaml.safe_dump(scenario, sort_keys=False)
            parsed = spec.parse_scenario(text, file=f"<{dev.id}>")
            assert parsed.shocks
