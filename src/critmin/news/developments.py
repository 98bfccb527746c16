"""Developments: events grouped by country, commodity family and initiative.

Each development keeps the investor questions open until an article answers them, and a
new-capacity development can be turned into a proposed scenario.

Pure: events (and optionally the articles they came from) in, records and dicts out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Any

import yaml

from critmin.errors import CritminError
from critmin.news.extract import NEGATION, SPECULATIVE, split_sentences
from critmin.news.gazetteer import default_gazetteer
from critmin.news.records import Answer, Article, Development, Event

#: The investor questions, in the order a brief lists them.
QUESTIONS: tuple[tuple[str, str], ...] = (
    ("elements", "Which elements: light, heavy or both?"),
    ("financing", "Who finances it, and how (state-owned, joint venture, foreign partner)?"),
    ("downstream", "Is downstream processing (separation, metal, magnets) planned?"),
    ("partners", "Which partners, and what sanctions exposure?"),
    ("timeline_capacity", "What timeline and what capacity?"),
)

INITIATIVES: dict[str, str] = {
    "new_capacity": "supply",
    "capacity_expansion": "supply",
    "discovery": "supply",
    "financing": "supply",
    "offtake": "supply",
    "partnership": "supply",
    "acquisition": "supply",
    "export_control": "trade",
    "export_ban": "trade",
    "sanction": "trade",
    "disruption": "market",
    "production_update": "market",
    "price_move": "market",
    "policy": "market",
}

_FINANCE = re.compile(
    r"\b(?:state-owned|state company|national (?:mining )?company|joint venture|loans?|lend\w*|"
    r"financ\w*|fund(?:s|ed|ing)?|invest\w*|budget|equity|stake|grant|letter of interest)\b",
    re.I,
)
_DOWNSTREAM = re.compile(
    r"\b(?:separation|separat(?:e|ed|ing)|refin\w+|metal(?:lurgical)? plant|metallisation|"
    r"alloys?|magnets?|oxides?)\b",
    re.I,
)
_PARTNER = re.compile(
    r"\b(?:partners?|partnership|joint venture|memorandum|offtake|consortium|together with)\b",
    re.I,
)
_TIMELINE = re.compile(
    r"\b(?:by|in|from|within|until|before)\s+(?:(?:the )?(?:end of )?(?:19|20)\d\d|"
    r"(?:two|three|four|five|\d) years)\b",
    re.I,
)
_YEAR = re.compile(r"\b(20\d\d)\b")


def _family(slug: str) -> str:
    from critmin.data.catalogue import find_commodity

    seen = set()
    current = find_commodity(slug)
    while current is not None and current.parent and current.slug not in seen:
        seen.add(current.slug)
        parent = find_commodity(current.parent)
        if parent is None:
            break
        current = parent
    return current.slug if current is not None else slug


def group_developments(
    events: Iterable[Event], articles: Mapping[str, Article] | None = None
) -> tuple[Development, ...]:
    """Group events into developments and answer each one's investor questions.

    An event belongs to the development of each of its countries and commodity families
    (a Kazakh-US joint venture is part of both countries' tungsten developments).

    Parameters
    ----------
    events
        Events, from any number of articles.
    articles
        The articles by id, so that answers can come from sentences that are not events;
        without them only the events' evidence is searched.
    """
    groups: dict[tuple[str, str, str], list[Event]] = {}
    for event in events:
        initiative = INITIATIVES.get(event.type, "market")
        families = sorted({_family(c) for c in event.commodities}) or ["unspecified"]
        for country in event.countries or ("unspecified",):
            for family in families:
                groups.setdefault((country, family, initiative), []).append(event)
    out = []
    for (country, family, initiative), members in sorted(groups.items()):
        members.sort(key=lambda e: (e.date or "", e.article_id, e.sentence))
        questions = answer_questions(members, articles) if initiative == "supply" else ()
        out.append(
            Development(
                id=f"{country}-{family}-{initiative}".lower(),
                country=country,
                family=family,
                initiative=initiative,
                events=tuple(members),
                questions=questions,
            )
        )
    return tuple(out)


def _sentences(
    events: list[Event], articles: Mapping[str, Article] | None
) -> list[tuple[str, str]]:
    """(sentence, article id) pairs to search: the events' articles, else their evidence."""
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for event in events:
        article = (articles or {}).get(event.article_id)
        if article is not None and article.id not in seen:
            seen.add(article.id)
            out.extend((s.text, article.id) for s in split_sentences(article.text))
        elif article is None:
            out.append((event.evidence, event.article_id))
    return [(s, a) for s, a in out if not (NEGATION.search(s) or SPECULATIVE.search(s))]


def answer_questions(
    events: list[Event], articles: Mapping[str, Article] | None = None
) -> tuple[Answer, ...]:
    """Each investor question ``answered`` with the first sentence that answers it, or ``open``."""
    from critmin.data.catalogue import find_commodity

    sentences = _sentences(events, articles)
    gaz = default_gazetteer()
    found: dict[str, tuple[str, str, str]] = {}

    for text, article_id in sentences:
        if "elements" not in found:
            groups = set()
            names = []
            for m in gaz.find(text):
                if m.kind != "commodity":
                    continue
                c = find_commodity(m.id)
                if c is not None and c.group in ("light-ree", "heavy-ree", "magnet-ree"):
                    groups.add("heavy" if c.group == "heavy-ree" else "light")
                    names.append(c.slug)
            if groups:
                kind = "both" if len(groups) == 2 else groups.pop()
                listed = ", ".join(dict.fromkeys(names))
                found["elements"] = (f"{kind}: {listed}", text, article_id)
        finance = _FINANCE.search(text)
        if "financing" not in found and finance:
            found["financing"] = (finance.group(0), text, article_id)
        downstream = _DOWNSTREAM.search(text)
        if "downstream" not in found and downstream:
            found["downstream"] = (downstream.group(0), text, article_id)
        if "partners" not in found and _PARTNER.search(text):
            found["partners"] = (
                "partner named; sanctions exposure not assessed by the extractor",
                text,
                article_id,
            )
        if "timeline_capacity" not in found:
            rate = any(
                e.quantity is not None and e.quantity.unit == "t/yr" and e.evidence == text
                for e in events
            )
            sized = re.search(r"\b(?:tonnes|tons|t/yr|capacity)\b", text)
            if rate or (_TIMELINE.search(text) and sized):
                found["timeline_capacity"] = ("stated", text, article_id)

    for event in events:  # events themselves answer some questions
        if event.type == "financing" and "financing" not in found:
            found["financing"] = (event.type, event.evidence, event.article_id)
        if event.type in ("partnership", "offtake") and "partners" not in found:
            found["partners"] = (
                "partner named; sanctions exposure not assessed by the extractor",
                event.evidence,
                event.article_id,
            )
    answers = []
    for name, text in QUESTIONS:
        if name in found:
            answer, evidence, article_id = found[name]
            answers.append(Answer(name, text, "answered", answer, evidence, article_id))
        else:
            answers.append(Answer(name, text, "open"))
    return tuple(answers)


@cache
def assumptions() -> dict[str, Any]:
    """The scenario assumptions (``assumptions.yaml``), all ``basis: assumption``."""
    raw = resources.files("critmin.news").joinpath("assumptions.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(raw)
    return data if isinstance(data, dict) else {}


class NoScenarioError(CritminError):
    """A development cannot be turned into a scenario (not new capacity, or no basis for one)."""


def propose_scenario(development: Development) -> dict[str, Any]:
    """A scenario (the :mod:`critmin.scenarios.spec` schema) for a new-capacity development.

    Capacities the text states ("10,000 tonnes per year") go in with ``basis: reported`` and the
    evidence; anything else (a per-plant size, the stage, the start year, the ramp) is taken
    from ``assumptions.yaml`` and marked ``basis: assumption`` with its reasoning.

    Raises
    ------
    NoScenarioError
        If the development has no new-capacity or expansion event, or the text gives no capacity
        and there is no assumption for the commodity and stage.
    """
    build = [e for e in development.events if e.type in ("new_capacity", "capacity_expansion")]
    if not build:
        raise NoScenarioError(f"development {development.id} has no new-capacity event")
    conf = assumptions()
    shocks = []
    years = []
    for event in build:
        year = int((event.date or "2025")[:4])
        years.append(year)
        stated_years = [int(y) for y in _YEAR.findall(event.evidence) if int(y) >= year]
        assumed: list[str] = []
        stage = event.stage if event.stage in ("mining", "refining", "metal", "magnet") else None
        if stage is None:
            stage = str(conf.get("default_stage", "refining"))
            assumed.append(f"stage {stage} (the text names none)")
        q = event.quantity
        if q is not None and q.unit == "t/yr":
            capacity = {"value": q.value, "unit": "t/yr"}
            low = high = None
            basis = "reported"
        else:
            default = (conf.get("plant_capacity") or {}).get(development.family, {}).get(stage)
            if not default:
                raise NoScenarioError(
                    f"{development.id}: the text states no capacity and assumptions.yaml has no "
                    f"default for {development.family} at stage {stage}; write the scenario by hand"
                )
            plants = q.value if q is not None and q.unit not in ("%",) and q.value < 100 else 1
            capacity = {"value": default["value"] * plants, "unit": default["unit"]}
            low, high = default["low"] * plants, default["high"] * plants
            basis = "assumption"
            count = f"{q.text} (reported) x " if q is not None and plants != 1 else ""
            assumed.append(
                f"capacity {count}{default['value']} {default['unit']} per plant "
                f"({default['reasoning'].strip()})"
            )
        if stated_years:
            start = stated_years[0]
        else:
            start = year + int(conf.get("lead_years", 2))
            assumed.append(f"start year {start} (announcement + {conf.get('lead_years', 2)} years)")
        ramp = int(conf.get("ramp_years", 3))
        assumed.append(f"ramp {ramp} years")
        shock: dict[str, Any] = {
            "kind": "new_capacity",
            "country": development.country,
            "commodity": development.family,
            "stage": stage,
            "capacity": capacity,
            "start_year": start,
            "ramp_years": ramp,
            "basis": basis,
            "source": f'article {event.article_id}: "{event.evidence}"',
            "note": "Assumptions (critmin/news/assumptions.yaml): " + "; ".join(assumed) + ".",
        }
        if low is not None:
            shock["low"], shock["high"] = low, high
        shocks.append(shock)
    base = min(years) - 1
    horizon = max(s["start_year"] + s["ramp_years"] for s in shocks)
    target = "non-CN" if development.family == "rare-earths" else "world"
    return {
        "name": f"news-{development.id}",
        "description": (
            f"Proposed from news: {len(build)} new-capacity event(s) in {development.country} "
            f"({development.family}). Shocks marked basis: assumption use critmin's defaults, "
            "not the text; open questions: "
            + (", ".join(development.open_questions) or "none")
            + "."
        ),
        "base_year": base,
        "horizon": max(horizon, base + 1),
        "target": target,
        "commodity": development.family,
        "shocks": shocks,
    }
