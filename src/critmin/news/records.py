"""The news layer's records: articles, mentions, quantities, events, developments.

Frozen dataclasses, as everywhere in the core. ``to_dict`` gives the JSON shape the CLI prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Event types, in the precedence used when one sentence supports several (highest first).
EVENT_TYPES: tuple[str, ...] = (
    "export_ban",
    "export_control",
    "sanction",
    "acquisition",
    "offtake",
    "financing",
    "discovery",
    "capacity_expansion",
    "new_capacity",
    "partnership",
    "disruption",
    "production_update",
    "price_move",
    "policy",
)


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read from a file, with its cleaned text.

    ``id`` is a content hash of the cleaned text (see :func:`critmin.news.read.article_id`), so
    the same article read twice has the same id.
    """

    id: str
    text: str
    title: str = ""
    #: ISO date of publication ("" if unknown)
    published: str = ""
    publisher: str = ""
    url: str = ""
    #: the file (and for feeds/JSONL, ``file#n``) it was read from
    source: str = ""
    #: "text", "markdown", "html", "feed", "json"
    format: str = "text"


@dataclass(frozen=True, slots=True)
class Mention:
    """A gazetteer match: ``text[start:end]`` names entity ``id`` of ``kind``.

    ``kind`` is one of ``country``, ``commodity``, ``company``, ``bloc``. ``via`` says how the
    surface names the entity (``name``, ``demonym``, ``capital``, ``place``, ``leader``,
    ``agency``, ``alias``...).
    """

    start: int
    end: int
    kind: str
    id: str
    surface: str
    via: str = "name"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit as the text states it ("at least three enterprises")."""

    value: float
    unit: str
    #: "at least", "up to", "about", "more than" or ""
    qualifier: str = ""
    #: the words it was read from
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        """``{value, unit}``; integers stay integers."""
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": value, "unit": self.unit}


@dataclass(frozen=True, slots=True)
class Event:
    """Something an article reports, with the sentence that supports it.

    ``countries`` are ISO alpha-2 codes, ``commodities`` catalogue slugs, ``companies`` ids from
    :mod:`critmin.data.catalogue.companies`; all sorted. ``date`` is ISO or ``None``;
    ``date_basis`` says whether the sentence states it (``stated``) or it is the article's date
    (``article``). ``confidence`` is in [0, 1].
    """

    type: str
    countries: tuple[str, ...]
    commodities: tuple[str, ...]
    companies: tuple[str, ...]
    stage: str | None
    quantity: Quantity | None
    date: str | None
    evidence: str
    confidence: float
    article_id: str = ""
    sentence: int = 0
    date_basis: str = ""

    @property
    def key(self) -> tuple[str, frozenset[str], frozenset[str]]:
        """What the evaluation compares: type, country set, commodity set."""
        return (self.type, frozenset(self.countries), frozenset(self.commodities))

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: plain lists, the quantity as ``{value, unit}`` or ``None``."""
        return {
            "type": self.type,
            "countries": list(self.countries),
            "commodities": list(self.commodities),
            "companies": list(self.companies),
            "stage": self.stage,
            "quantity": self.quantity.to_dict() if self.quantity else None,
            "date": self.date,
            "evidence": self.evidence,
            "confidence": round(self.confidence, 2),
            "article_id": self.article_id,
        }


@dataclass(frozen=True, slots=True)
class Answer:
    """An investor question of a development: ``answered`` with evidence, or ``open``."""

    question: str
    text: str
    status: str
    answer: str = ""
    evidence: str = ""
    article_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for JSON."""
        return {
            "question": self.question,
            "text": self.text,
            "status": self.status,
            "answer": self.answer,
            "evidence": self.evidence,
            "article_id": self.article_id,
        }


@dataclass(frozen=True, slots=True)
class Development:
    """Events that belong together: one country, one commodity family, one initiative.

    ``initiative`` is ``supply`` (new capacity, expansions, discoveries, their financing and
    partners), ``trade`` (export controls, bans, sanctions) or ``market`` (prices, output,
    disruptions, policy).
    """

    id: str
    country: str
    family: str
    initiative: str
    events: tuple[Event, ...]
    questions: tuple[Answer, ...] = field(default_factory=tuple)

    @property
    def first_date(self) -> str | None:
        """Earliest event date."""
        dates = sorted(e.date for e in self.events if e.date)
        return dates[0] if dates else None

    @property
    def open_questions(self) -> tuple[str, ...]:
        """Names of the questions still open."""
        return tuple(q.question for q in self.questions if q.status == "open")

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for JSON."""
        return {
            "id": self.id,
            "country": self.country,
            "family": self.family,
            "initiative": self.initiative,
            "first_date": self.first_date,
            "events": [e.to_dict() for e in self.events],
            "questions": [q.to_dict() for q in self.questions],
        }
