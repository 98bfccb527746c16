"""The main job: one article (or scenario file) in, one quantified, sourced brief out.

Steps, each reported to ``progress``: read the input; extract events and developments;
build the scenario the events support (or load the given one); run baseline and scenario on
the supply network with "what would it take"; run the Monte Carlo supply-at-risk for both;
answer the investor questions from the evidence and the data. The result is one JSON-ready
dict (see :mod:`critmin.brief.render`) in which every number carries a footnote.

This module is an orchestrator: it calls the Python API of the other layers (the same
functions the individual commands call, so the numbers agree) and only arranges results.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from critmin import __version__
from critmin.brief.notes import Notes, cell
from critmin.brief.questions import answer_questions
from critmin.query import Critmin

Progress = Callable[[str], None]

#: Shares below which a stage stops counting as dependent on one country, for the generic
#: "what would it take" question on a proposed scenario. Our choice, shown as an assumption.
DEFAULT_SHARE_THRESHOLD = 0.8

SCENARIO_SUFFIXES = (".yaml", ".yml")

#: Elements a proposed rare-earth scenario reports besides the REO total: the magnet rare
#: earths, which the IEA tracks as a group (Nd, Pr light; Dy, Tb heavy).
MAGNET_ELEMENTS = ("neodymium", "praseodymium", "dysprosium", "terbium")


@dataclass
class BriefRun:
    """What a brief computed, besides the brief dict itself (for the CLI and the tests)."""

    brief: dict[str, Any]
    scenario_yaml: str | None = None
    risk_commodity: str | None = None
    risk_target: str | None = None
    risk_year: int | None = None
    extras: dict[str, Any] = field(default_factory=dict)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _events_section(notes: Notes, events: list[Any], articles: dict[str, Any]) -> list[dict]:
    out = []
    for e in events:
        fn = notes.article(articles[e.article_id]) if e.article_id in articles else (
            notes.assumption("unknown-article", "evidence from an article without an id")
        )
        q = e.quantity
        out.append(
            {
                "type": e.type,
                "countries": list(e.countries),
                "commodities": list(e.commodities),
                "companies": list(e.companies),
                "stage": e.stage,
                "quantity": cell(q.value, q.unit, fn) if q is not None else None,
                "date": e.date,
                # "stated" in the sentence or its dateline, or "article": only the article's date
                "date_basis": e.date_basis,
                "evidence": e.evidence,
                "confidence": e.confidence,
                "fn": fn,
            }
        )
    return out


def _scenario_from_events(developments: tuple[Any, ...]) -> tuple[dict[str, Any], Any] | None:
    from critmin.news import propose_scenario
    from critmin.news.developments import NoScenarioError

    for dev in developments:
        try:
            return propose_scenario(dev), dev
        except NoScenarioError:
            continue
    return None


def _with_thresholds(spec: dict[str, Any], baseline: dict[str, Any]) -> dict[str, Any]:
    """Add a "what would it take" threshold per stage a new-capacity shock touches.

    The metric is the share of the stage's largest producer in the baseline; the threshold
    is :data:`DEFAULT_SHARE_THRESHOLD`, flagged as our choice in the note.
    """
    if spec.get("thresholds"):
        return spec
    commodity = spec["commodity"]
    shares = baseline.get(commodity, {}).get("shares", {})
    thresholds = []
    for i, shock in enumerate(spec.get("shocks", [])):
        if shock.get("kind") != "new_capacity":
            continue
        stage = {"separation": "refining"}.get(shock["stage"], shock["stage"])
        ranked = sorted(
            ((c, s) for c, s in shares.get(stage, {}).items() if c not in ("OTHER",)),
            key=lambda cs: -cs[1],
        )
        if not ranked or ranked[0][1] <= DEFAULT_SHARE_THRESHOLD:
            continue
        leader = ranked[0][0]
        thresholds.append(
            {
                "metric": f"share:{leader}:{stage}",
                "value": DEFAULT_SHARE_THRESHOLD,
                "shock": i,
                "note": (
                    f"Capacity of this shock that would take {leader}'s share of {stage} below "
                    f"{DEFAULT_SHARE_THRESHOLD:.0%} (threshold chosen by critmin: an assumption)."
                ),
            }
        )
    extra: dict[str, Any] = {}
    if commodity == "rare-earths" and not spec.get("elements"):
        # the magnet rare earths, light and heavy, so the brief tells Nd from Dy and Tb
        extra["elements"] = list(MAGNET_ELEMENTS)
    return {**spec, **extra, "thresholds": thresholds}


def _risk_key(scenario: Any) -> str:
    """What the Monte Carlo runs on: the scenario's first named element, else its commodity."""
    for shock in scenario.shocks:
        elements = getattr(shock, "elements", None)
        if elements:
            return str(elements[0])
    return str(scenario.commodity)


def _histograms(values_a: np.ndarray, values_b: np.ndarray, bins: int = 30) -> tuple[list, ...]:
    lo = float(min(values_a.min(), values_b.min()))
    hi = float(max(values_a.max(), values_b.max()))
    if hi <= lo:
        hi = lo + 1.0
    edges = np.linspace(lo, hi, bins + 1)
    ca, _ = np.histogram(values_a, bins=edges)
    cb, _ = np.histogram(values_b, bins=edges)
    return [round(float(e), 3) for e in edges], [int(c) for c in ca], [int(c) for c in cb]


def compose_brief(
    path: Path,
    db: Critmin,
    *,
    draws: int = 100_000,
    seed: int = 0,
    progress: Progress | None = None,
) -> BriefRun:
    """Compose the brief of one article or scenario file (see the module docstring)."""
    from critmin.brief import sections
    from critmin.news import extract_events, group_developments, read_articles
    from critmin.scenarios import api as scenarios
    from critmin.scenarios.run import run_scenario
    from critmin.scenarios.spec import Scenario, load_scenario

    say = progress or (lambda _step: None)
    path = Path(path)
    notes = Notes()
    brief: dict[str, Any] = {
        "critmin_version": __version__,
        "input": {"file": path.name, "sha256": _sha256(path) if path.is_file() else ""},
        "draws": draws,
        "seed": seed,
    }
    run = BriefRun(brief=brief)
    scenario: Scenario | None = None
    development = None
    events: list[Any] = []
    articles: dict[str, Any] = {}

    if path.suffix.lower() in SCENARIO_SUFFIXES:
        say("reading the scenario")
        scenario = load_scenario(path)
        brief["input"]["kind"] = "scenario"
        brief["events"] = []
        title_subject = scenario.name
    else:
        say("reading the article")
        found = read_articles(path)
        brief["input"]["kind"] = "article"
        articles = {a.id: a for a in found}
        say("extracting events")
        for a in found:
            events.extend(extract_events(a))
        developments = group_developments(events, articles)
        brief["events"] = _events_section(notes, events, articles)
        title_subject = found[0].title if found and found[0].title else path.stem
        if not events:
            brief["message"] = (
                "No supply-chain event was found in this article: it mentions no production, "
                "capacity, trade measure, financing or disruption that critmin can quantify."
            )
        proposed = _scenario_from_events(developments)
        if proposed is not None:
            spec, development = proposed
        elif developments:
            development = developments[0]
        if development is not None:
            brief["development"] = {
                "id": development.id,
                "title": development.id,
                "fn": brief["events"][0]["fn"] if brief["events"] else None,
            }
        if proposed is not None:
            say("building the scenario the events support")
            draft = Scenario.model_validate(spec)
            first = scenarios.run(draft, db)
            spec = _with_thresholds(spec, first.to_dict()["baseline"])
            run.scenario_yaml = yaml.safe_dump(spec, sort_keys=False, allow_unicode=True)
            scenario = Scenario.model_validate(spec)

    brief["title"] = f"critmin brief: {title_subject}"
    brief["title_fn"] = (
        brief["events"][0]["fn"] if brief.get("events") else notes.assumption(
            "input", f"input file {path.name}", basis="input"
        )
    )
    if scenario is None:
        say("no scenario: writing the short brief")
        if development is not None:
            brief["development"]["questions"] = answer_questions(
                notes, db, development, None, None, articles
            )
        brief["footnotes"] = notes.entries
        return run

    say("running baseline and scenario on the supply network")
    inputs = scenarios.inputs_for(scenario, db)
    result = run_scenario(scenario, inputs)  # what scenarios.run does, keeping the inputs
    result_dict = result.to_dict()
    run.extras["scenario_result"] = result_dict
    sections.add_scenario(notes, brief, scenario, result_dict)
    sections.add_stages(notes, db, brief, scenario, result_dict)
    sections.add_network(notes, brief, scenario, result, result_dict)
    sections.add_producers(notes, db, brief, scenario)

    key = _risk_key(scenario)
    target = scenario.target
    say(f"Monte Carlo supply-at-risk: {draws:,} draws, baseline")
    base_risk = scenarios.risk(key, draws, seed=seed, target=target, year=scenario.base_year,
                               db=db)
    say(f"Monte Carlo supply-at-risk: {draws:,} draws, scenario")
    scen_risk = scenarios.risk(key, draws, seed=seed, target=target, scenario=scenario, db=db)
    run.risk_commodity, run.risk_target, run.risk_year = key, target, scenario.base_year
    edges, cb, cs = _histograms(base_risk.values, scen_risk.values)
    risks = {"baseline": base_risk.to_dict(), "scenario": scen_risk.to_dict()}
    sections.add_risk(notes, brief, risks["baseline"], risks["scenario"], edges, cb, cs)
    run.extras["risk"] = risks

    if development is not None:
        say("answering the investor questions")
        brief["development"]["questions"] = answer_questions(
            notes, db, development, scenario, result_dict, articles, dict(inputs.curated)
        )
    brief["summary"] = sections.summary(notes, brief, scenario)
    brief["footnotes"] = notes.entries
    return run
