"""The multi-stage supply network of one commodity or element, built from observation frames.

A network is a table of capacities: one row per country, one column per stage (upstream
first), in tonnes per year. Material moves from a country's stage ``s`` to any country's
stage ``s + 1`` (domestically or by trade) unless a *tie* restricts where it may go (Myanmar's
concentrate is separated in China) or a *block* (an export control, a sanction) limits the
share that may leave. Capacities are the base year's observed output: we have no
open figures for spare capacity, so "capacity = output in the base year" is an assumption
every result lists.

The builder is a pure function of a pandas frame shaped like
:meth:`critmin.query.Critmin.observations`; it never opens the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

import numpy as np
import numpy.typing as npt
import pandas as pd

from critmin.errors import NoDataError
from critmin.model.records import STAGES, WORLD

FloatArray = npt.NDArray[np.float64]

#: Countries that are not a destination anyone can name: the publisher's remainder.
OTHER = "OTHER"


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where one capacity figure came from."""

    country: str
    stage: str
    value: float
    basis: str
    source_id: str
    note: str = ""
    year: int = 0


@dataclass(frozen=True, slots=True)
class Block:
    """A limit on what may leave ``country``'s ``stage``: ``share`` of its capacity is blocked.

    ``destinations`` is ``None`` for "all foreign destinations", else the alpha-2 codes the
    block applies to. Exports from the stage to those destinations together may not exceed
    ``(1 - share) * capacity``.
    """

    country: str
    stage: str
    share: float
    destinations: frozenset[str] | None = None
    label: str = ""


@dataclass(frozen=True)
class Network:
    """Capacities by country and stage, with ties and blocks.

    Attributes
    ----------
    commodity
        Commodity or element slug, e.g. ``rare-earths`` or ``dysprosium``.
    year
        Base year the capacities are for.
    unit
        Unit of every capacity, e.g. ``t REO``.
    stages
        Stage names, upstream first.
    countries
        Alpha-2 codes (and ``OTHER``), one per row of ``capacity``.
    capacity
        Array ``(len(countries), len(stages))`` [t/yr]; 0 where a country has no such stage.
    ties
        ``(country, stage) -> allowed countries`` for the next stage.
    blocks
        Export limits in force.
    demand
        Target's demand at the last stage [t/yr], or ``None`` when no figure is known.
    provenance
        One record per non-zero capacity.
    """

    commodity: str
    year: int
    unit: str
    stages: tuple[str, ...]
    countries: tuple[str, ...]
    capacity: FloatArray
    ties: Mapping[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    blocks: tuple[Block, ...] = ()
    demand: float | None = None
    provenance: tuple[Provenance, ...] = ()

    def cap(self, country: str, stage: str) -> float:
        """Capacity of one country at one stage [t/yr] (0 if absent)."""
        if country not in self.countries or stage not in self.stages:
            return 0.0
        return float(self.capacity[self.countries.index(country), self.stages.index(stage)])

    def stage_total(self, stage: str) -> float:
        """World capacity at a stage [t/yr]."""
        return float(self.capacity[:, self.stages.index(stage)].sum())

    def share(self, country: str, stage: str) -> float:
        """A country's share of world capacity at a stage [fraction]."""
        total = self.stage_total(stage)
        return self.cap(country, stage) / total if total > 0 else 0.0

    def with_capacity(self, country: str, stage: str, value: float) -> Network:
        """A copy with one capacity set (adding the country row if new)."""
        net = self if country in self.countries else self._with_country(country)
        cap = net.capacity.copy()
        cap[net.countries.index(country), net.stages.index(stage)] = max(0.0, float(value))
        return replace(net, capacity=cap)

    def _with_country(self, country: str) -> Network:
        cap = np.vstack([self.capacity, np.zeros((1, len(self.stages)))])
        return replace(self, countries=(*self.countries, country), capacity=cap)


def _pick_publisher(rows: pd.DataFrame) -> pd.DataFrame:
    """Of several publishers for one stage and year, keep the one reporting most countries."""
    if "publisher" not in rows.columns or rows["publisher"].nunique() <= 1:
        return rows
    counts = rows.groupby("publisher")["country"].nunique().sort_values(ascending=False)
    return rows[rows["publisher"] == counts.index[0]]


def stage_rows(frame: pd.DataFrame, commodity: str, stage: str, year: int) -> pd.DataFrame:
    """Country rows of one stage: the latest year at or before ``year`` that has figures.

    World totals are dropped (we sum countries); withheld figures (no value) are dropped.
    """
    rows = frame[(frame["commodity"] == commodity) & (frame["stage"] == stage)]
    if "measure" in rows.columns:
        rows = rows[rows["measure"] == "production"]
    if "scenario" in rows.columns:
        rows = rows[rows["scenario"].fillna("") == ""]
    rows = rows[(rows["country"] != WORLD) & rows["value"].notna() & (rows["year"] <= year)]
    if rows.empty:
        return rows
    latest = int(rows["year"].max())
    return _pick_publisher(rows[rows["year"] == latest])


def build_network(
    frame: pd.DataFrame,
    commodity: str,
    year: int,
    *,
    stages: Iterable[str] | None = None,
    stage_shares: pd.DataFrame | None = None,
    ties: Mapping[tuple[str, str], frozenset[str]] | None = None,
    unit: str = "t",
) -> Network:
    """Build a commodity's network for a base year from observations and curated shares.

    Parameters
    ----------
    frame
        Observations with columns commodity, country, stage, year, measure, value, unit,
        source_id, basis (and optionally publisher, scenario, note).
    commodity
        Commodity slug.
    year
        Base year; each stage uses its latest year at or before it.
    stages
        Stages to include, upstream first; default: the stages with figures, in
        :data:`critmin.model.records.STAGES` order.
    stage_shares
        Curated shares for stages no file gives by country: columns commodity, stage,
        country, share (fraction), basis, source_id, note. A stage with observations in
        ``frame`` ignores these. Shares are turned into tonnes by multiplying with the world
        total of the stage before (mass balance: an assumption the result lists).
    ties
        ``(country, stage) -> allowed next-stage countries``.
    unit
        Unit label of the capacities.

    Raises
    ------
    NoDataError
        If no stage has any figure.
    """
    curated = stage_shares if stage_shares is not None else pd.DataFrame(
        columns=["commodity", "stage", "country", "share", "basis", "source_id", "note"]
    )
    curated = curated[curated["commodity"] == commodity]
    if stages is None:
        present = set(frame.loc[frame["commodity"] == commodity, "stage"]) | set(curated["stage"])
        stage_list = [s for s in STAGES if s in present]
    else:
        stage_list = list(stages)
    per_stage: list[dict[str, tuple[float, Provenance]]] = []
    previous_total = 0.0
    for stage in stage_list:
        rows = stage_rows(frame, commodity, stage, year)
        entries: dict[str, tuple[float, Provenance]] = {}
        if not rows.empty:
            for row in rows.itertuples(index=False):
                value = float(row.value)
                country = str(row.country)
                old = entries.get(country, (0.0, None))[0]
                entries[country] = (
                    old + value,
                    Provenance(country, stage, old + value, str(row.basis), str(row.source_id),
                               str(getattr(row, "note", "") or ""), int(row.year)),
                )
        else:
            shares = curated[curated["stage"] == stage]
            for row in shares.itertuples(index=False):
                value = float(row.share) * previous_total
                country = str(row.country)
                note = (f"{float(row.share):.1%} of the {stage_list[len(per_stage) - 1]} total "
                        f"{previous_total:,.0f}; {row.note}") if per_stage else str(row.note)
                entries[country] = (
                    value,
                    Provenance(country, stage, value, str(row.basis), str(row.source_id), note,
                               int(getattr(row, "year", year) or year)),
                )
        per_stage.append(entries)
        previous_total = sum(v for v, _ in entries.values())
    if not any(per_stage):
        raise NoDataError(f"no production figures for {commodity!r} at or before {year}")
    keep = [i for i, e in enumerate(per_stage) if e]
    stage_list = [stage_list[i] for i in keep]
    per_stage = [per_stage[i] for i in keep]
    countries = sorted({c for entries in per_stage for c, (v, _) in entries.items() if v > 0})
    cap = np.zeros((len(countries), len(stage_list)))
    provenance: list[Provenance] = []
    for j, entries in enumerate(per_stage):
        for country, (value, prov) in entries.items():
            if value <= 0:
                continue
            cap[countries.index(country), j] = value
            provenance.append(prov)
    return Network(
        commodity=commodity,
        year=year,
        unit=unit,
        stages=tuple(stage_list),
        countries=tuple(countries),
        capacity=cap,
        ties=dict(ties or {}),
        provenance=tuple(provenance),
    )


@dataclass(frozen=True, slots=True)
class Target:
    """Who the material is delivered to: the world, a bloc, a country, or the world minus some.

    ``include`` is ``None`` for "everyone not excluded"; else the member alpha-2 codes.
    """

    name: str
    include: frozenset[str] | None = None
    exclude: frozenset[str] = frozenset()

    def contains(self, country: str) -> bool:
        """Whether a country (or ``OTHER``) is part of the target."""
        if country in self.exclude:
            return False
        return self.include is None or country in self.include

    @property
    def is_world(self) -> bool:
        """True for the whole world (nothing excluded, no member list)."""
        return self.include is None and not self.exclude

    def covered_by(self, destinations: frozenset[str] | None) -> bool:
        """Whether a block's destination list covers every member of the target."""
        if destinations is None:
            return True
        if self.include is None:
            return False
        return self.include <= destinations

    def overlaps(self, destinations: frozenset[str] | None) -> bool:
        """Whether a block's destination list names at least one member of the target."""
        if destinations is None:
            return True
        return any(self.contains(d) for d in destinations)


WORLD_TARGET = Target("world")
