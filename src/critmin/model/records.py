"""Records every importer produces and the store keeps.

These are frozen dataclasses: the pure parsers return them, the store writes them,
and nothing mutates them in between.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Stages of a supply chain, upstream first. ``refining`` is separation into oxides for
#: rare earths; ``smelting`` is kept apart where the publisher reports it apart (copper);
#: ``production`` is a publisher's undifferentiated "production" (e.g. gallium primary output).
STAGES: tuple[str, ...] = (
    "mining",
    "smelting",
    "refining",
    "metal",
    "magnet",
    "production",
    "recycling",
)

#: What a figure measures.
MEASURES: tuple[str, ...] = ("production", "reserves", "capacity", "demand", "imports", "exports")

#: How the figure is known. ``reported``/``estimated`` are as the publisher says; ``recalled`` is
#: a published figure we could not check against a shipped file; ``assumption`` is ours.
BASES: tuple[str, ...] = ("reported", "estimated", "recalled", "assumption")

#: Country codes for the rows that are not one country.
WORLD = "WORLD"
OTHER = "OTHER"


@dataclass(frozen=True, slots=True)
class Source:
    """A publication a figure comes from, down to the table.

    ``id`` is stable and human readable, e.g. ``usgs-mcs2026:rare-earths:world-mine-production``.
    """

    id: str
    publisher: str
    title: str
    year: int
    table: str
    url: str
    licence: str
    #: release key used for precedence between editions, e.g. ``mcs2026``
    release: str = ""
    #: ISO date of publication of the release, used to pick the newest release per year
    published: str = ""
    #: the shipped file the figures were read from, relative to the raw data folder
    file: str = ""


@dataclass(frozen=True, slots=True)
class Observation:
    """One figure: a commodity, a country, a stage, a year, a measure, a value and its source.

    ``value`` is ``None`` when the publisher withheld it (``W``) or did not have it (``NA``);
    ``flag`` then says which. A lower/upper bound (``>85,000,000``) keeps the number in ``value``
    with flag ``>``/``<``. Values are in ``unit``; masses are normalised to metric tons (``t``).
    """

    commodity: str
    country: str
    stage: str
    year: int
    measure: str
    value: float | None
    unit: str
    source_id: str
    basis: str
    note: str = ""
    #: W, NA, >, <, range, qualitative, or "" for a plain number
    flag: str = ""
    #: the cell as published
    value_text: str = ""
    #: what the quantity is of: "REO equivalent", "contained cobalt", "gross weight"...
    content: str = ""
    #: the publisher's own label for the row (e.g. "Mine production: Ilmenite")
    detail: str = ""
    #: file and 1-based line (or sheet!cell) the figure was read from
    file: str = ""
    line: int = 0
    release: str = ""
    #: "" for observed figures; a projection names its scenario (e.g. "iea-base-case")
    scenario: str = ""


@dataclass(frozen=True, slots=True)
class ImportIssue:
    """A row an importer could not use, and why. Nothing is dropped silently."""

    file: str
    line: int
    reason: str
    raw: str = ""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ParseResult:
    """What a pure parser returns: figures, their sources and the rows it could not use."""

    observations: tuple[Observation, ...] = ()
    sources: tuple[Source, ...] = ()
    issues: tuple[ImportIssue, ...] = ()
    #: other tables an importer yields (governance, export controls), name -> list of row dicts
    tables: dict[str, list[dict[str, object]]] = field(default_factory=dict)
