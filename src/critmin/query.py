"""The Python API: answers from the store as pandas DataFrames and frozen result records.

``critmin.open()`` returns a :class:`Critmin`. The CLI, the HTTP API and the brief call the
same methods, so they give the same answers. This module composes the store (data) with the
pure metrics; it does no arithmetic of its own beyond choosing which figures to use.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from critmin import metrics
from critmin.data import catalogue, store
from critmin.data.catalogue import Commodity
from critmin.errors import CritminError, NoDataError
from critmin.model import STAGES
from critmin.model.records import OTHER, WORLD
from critmin.settings import default_db_path

log = logging.getLogger(__name__)

#: When several publishers report the same commodity, stage and year, use the first listed.
#: USGS covers the most commodities and countries; the IEA covers refining where USGS is silent.
PUBLISHER_PREFERENCE: tuple[str, ...] = (
    "U.S. Geological Survey",
    "International Energy Agency",
)

_WGI_INDICATORS = ("va", "pv", "ge", "rq", "rl", "cc")


def _stage(stage: str) -> str:
    aliases = {"separation": "refining", "mine": "mining", "refinery": "refining"}
    value = aliases.get(stage.strip().lower(), stage.strip().lower())
    if value not in STAGES:
        raise CritminError(f"unknown stage {stage!r}; known: {', '.join(STAGES)}")
    return value


@dataclass(frozen=True, slots=True)
class Producer:
    """One country's figure and share in a commodity profile."""

    country: str
    name: str
    value: float
    share: float
    source_id: str
    basis: str
    flag: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class CommodityProfile:
    """Who produces a commodity at a stage in a year, how concentrated, and from which sources.

    ``share`` is each producer's share of ``country_sum``: the sum of the country figures
    plus the publisher's "other countries" remainder (not of the rounded world total).
    """

    commodity: str
    name: str
    stage: str
    year: int
    unit: str
    content: str
    publisher: str
    producers: list[Producer]
    country_sum: float
    other_countries: float | None
    world_total: float | None
    world_total_flag: str
    hhi: float
    top3_share: float
    largest_share: float
    governance_weighted_hhi: float | None
    reserves: list[dict[str, Any]] = field(default_factory=list)
    world_reserves: float | None = None
    world_reserves_flag: str = ""
    reserve_life_years: float | None = None
    withheld: list[str] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    years_available: list[int] = field(default_factory=list)
    #: slug of the part of the commodity the figures are for, when not the commodity itself
    measured_as: str | None = None
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the CLI's ``--format json`` contract)."""
        return {
            "commodity": self.commodity,
            "name": self.name,
            "stage": self.stage,
            "year": self.year,
            "unit": self.unit,
            "content": self.content,
            "measured_as": self.measured_as or self.commodity,
            "note": self.note,
            "publisher": self.publisher,
            "hhi": round(self.hhi, 1),
            "top3_share": round(self.top3_share, 4),
            "largest_share": round(self.largest_share, 4),
            "governance_weighted_hhi": (
                None
                if self.governance_weighted_hhi is None
                else round(self.governance_weighted_hhi, 3)
            ),
            "world_total": self.world_total,
            "world_total_flag": self.world_total_flag,
            "country_sum": self.country_sum,
            "other_countries": self.other_countries,
            "share_basis": "share of the sum of country figures incl. 'other countries'",
            "producers": [
                {
                    "country": p.country,
                    "name": p.name,
                    "value": p.value,
                    "share": round(p.share, 6),
                    "source_id": p.source_id,
                    "basis": p.basis,
                    **({"flag": p.flag} if p.flag else {}),
                }
                for p in self.producers
            ],
            "withheld": self.withheld,
            "reserves": self.reserves,
            "world_reserves": self.world_reserves,
            "world_reserves_flag": self.world_reserves_flag,
            "reserve_life_years": (
                None if self.reserve_life_years is None else round(self.reserve_life_years, 1)
            ),
            "sources": self.sources,
        }


@dataclass(frozen=True, slots=True)
class CountryProfile:
    """What a country produces, its world rank and share per commodity, and its governance."""

    country: str
    alpha3: str
    name: str
    blocs: list[str]
    production: pd.DataFrame
    governance: pd.DataFrame
    governance_year: int | None
    export_controls: pd.DataFrame

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "country": self.country,
            "alpha3": self.alpha3,
            "name": self.name,
            "blocs": self.blocs,
            "production": _records(self.production),
            "governance_year": self.governance_year,
            "governance": _records(self.governance),
            "export_controls": _records(self.export_controls),
        }


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for row in frame.to_dict(orient="records"):
        clean = {}
        for k, v in row.items():
            if isinstance(v, float) and np.isnan(v):
                v = None
            elif isinstance(v, np.generic):
                v = v.item()
            clean[str(k)] = v
        out.append(clean)
    return out


class Critmin:
    """A handle on the store with the questions critmin answers.

    Open with :func:`critmin.open`. Methods return DataFrames or frozen records.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path) -> None:
        self.con = con
        self.path = path

    @classmethod
    def open(cls, db: str | Path | None = None, *, build: bool = True) -> Critmin:
        """Open the store at ``db`` or the default path.

        With ``build`` (the default), a missing store is built from the shipped data, and a
        store of an older schema is rebuilt (atomically, keeping ingested news); without it,
        either is a :class:`~critmin.errors.StoreError`.
        """
        from critmin.data.build import build_store

        path = Path(db) if db else default_db_path()
        if not path.exists() and build:
            log.info("no store at %s; building it from the shipped data", path)
            build_store(path)
        con = store.connect(path, read_only=True)
        if not store.schema_is_current(con):
            con.close()
            if not build:
                raise store.StoreError(
                    f"store {path} was built by another version of critmin; "
                    "run `critmin data build` to rebuild it"
                )
            log.info("store %s has an older schema; rebuilding it", path)
            build_store(path)
            con = store.connect(path, read_only=True)
        return cls(con, path)

    def close(self) -> None:
        """Close the connection."""
        self.con.close()

    def __enter__(self) -> Critmin:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- raw tables ---------------------------------------------------------------------

    def sql(self, query: str, params: list[Any] | None = None) -> pd.DataFrame:
        """Run a read-only SQL query against the store."""
        return self.con.execute(query, params or []).df()

    def observations(
        self,
        commodity: str | None = None,
        country: str | None = None,
        stage: str | None = None,
        year: int | None = None,
        measure: str | None = "production",
        publisher: str | None = None,
        scenario: str = "",
        *,
        all_releases: bool = False,
        release: str | None = None,
    ) -> pd.DataFrame:
        """Figures from the store, newest release per publisher unless told otherwise.

        ``all_releases`` returns every release's figures; ``release`` (e.g. ``"mcs2025"``)
        returns only that release's.

        Names are resolved through the catalogues (so ``"Rare earths"`` and ``"KZ"`` work);
        unknown names raise :class:`critmin.errors.UnknownNameError` with suggestions.
        """
        all_releases = all_releases or release is not None
        table = "observations o JOIN sources s ON s.id = o.source_id" if all_releases else (
            "latest_observations o"
        )
        select = "o.*, s.publisher" if all_releases else "o.*"
        where: list[str] = ["o.scenario = ?"]
        params: list[Any] = [scenario]
        if commodity is not None:
            where.append("o.commodity = ?")
            params.append(catalogue.commodity(commodity).slug)
        if country is not None:
            where.append("o.country = ?")
            params.append(_country_code(country))
        if stage is not None:
            where.append("o.stage = ?")
            params.append(_stage(stage))
        if year is not None:
            where.append("o.year = ?")
            params.append(int(year))
        if measure is not None:
            where.append("o.measure = ?")
            params.append(measure)
        if publisher is not None:
            where.append("o.publisher = ?" if not all_releases else "s.publisher = ?")
            params.append(publisher)
        if release is not None:
            where.append("o.release = ?")
            params.append(release)
        q = f"SELECT {select} FROM {table} WHERE {' AND '.join(where)} "
        # A total order, so that equal inputs give equal outputs byte for byte.
        order = "ORDER BY o.value DESC NULLS LAST, o.country, o.year, o.stage, o.source_id, o.line"
        return self.con.execute(f"{q} {order}", params).df()

    def sources(self) -> pd.DataFrame:
        """Every source, with the number of figures citing it."""
        return self.sql(
            'SELECT s.id, s.publisher, s.title, s.year, s."table", s.url, s.licence, s.release, '
            "s.published, s.file, count(o.source_id) AS figures FROM sources s "
            "LEFT JOIN observations o ON o.source_id = s.id GROUP BY ALL ORDER BY s.id"
        )

    def source(self, source_id: str) -> dict[str, Any]:
        """One source by id."""
        frame = self.sql("SELECT * FROM sources WHERE id = ?", [source_id])
        if frame.empty:
            raise NoDataError(f"no source with id {source_id!r}")
        return _records(frame)[0]

    def issues(self) -> pd.DataFrame:
        """Rows the importers could not use, with file, line and reason."""
        return self.sql("SELECT * FROM import_issues ORDER BY file, line")

    def commodities(self) -> pd.DataFrame:
        """The commodity catalogue with the stages and years the store has figures for."""
        return self.sql(
            'SELECT c.slug, c.name, c.parent, c."group", c.basis_of_measure, c.critical_us_2025, '
            "c.critical_eu_2023, string_agg(DISTINCT o.stage, ',' ORDER BY o.stage) AS stages, "
            "min(o.year) AS first_year, max(o.year) AS last_year, count(o.value) AS figures "
            "FROM commodities c LEFT JOIN observations o ON o.commodity = c.slug "
            "AND o.measure = 'production' AND o.scenario = '' GROUP BY ALL ORDER BY c.slug"
        )

    def governance(self, year: int | None = None, country: str | None = None) -> pd.DataFrame:
        """WGI estimates by country, year and indicator (latest year if ``year`` is None)."""
        where: list[str] = []
        params: list[Any] = []
        if year is None:
            where.append("year = (SELECT max(year) FROM governance)")
        else:
            where.append("year = ?")
            params.append(int(year))
        if country is not None:
            where.append("country = ?")
            params.append(_country_code(country))
        return self.sql(
            f"SELECT * FROM governance WHERE {' AND '.join(where)} ORDER BY country, indicator",
            params,
        )

    def export_controls(
        self, country: str | None = None, commodity: str | None = None
    ) -> pd.DataFrame:
        """Export controls in force (USGS MCS 2026 table T4)."""
        where: list[str] = ["TRUE"]
        params: list[Any] = []
        if country is not None:
            where.append("country = ?")
            params.append(_country_code(country))
        if commodity is not None:
            where.append("commodity = ?")
            params.append(catalogue.commodity(commodity).slug)
        return self.sql(
            f"SELECT * FROM export_controls WHERE {' AND '.join(where)} ORDER BY country, line",
            params,
        )

    # -- answers --------------------------------------------------------------------------

    def wgi_scores(self, year: int | None = None) -> dict[str, float]:
        """Each country's mean of the six WGI estimates rescaled to 0-10 (10 worst)."""
        frame = self.governance(year=year)
        if frame.empty:
            return {}
        mean = frame.dropna(subset=["estimate"]).groupby("country")["estimate"].mean()
        return {str(k): float(metrics.wgi_scaled(v)) for k, v in mean.items()}

    def producers(
        self,
        commodity: str,
        stage: str | None = None,
        year: int | None = None,
        publisher: str | None = None,
        release: str | None = None,
    ) -> CommodityProfile:
        """Producers of a commodity at a stage in a year, with shares, HHI and reserves.

        ``stage`` defaults to the most upstream stage with figures; ``year`` to the latest
        year with figures; ``publisher`` to the first of :data:`PUBLISHER_PREFERENCE` that
        has figures for that commodity, stage and year; ``release`` (e.g. ``"mcs2025"``) to
        the newest release of that publisher.
        """
        item = catalogue.commodity(commodity)
        frame = self.observations(item.slug, stage=stage, measure="production", release=release)
        measured_as = None
        if frame.empty and stage is not None:
            # No figures for the commodity itself at this stage: fall back to the part of it
            # that a publisher does report (IEA reports rare-earth separation only for the
            # magnet rare earths), and say so in the profile.
            for child in _children(item.slug):
                child_frame = self.observations(
                    child.slug, stage=stage, measure="production", release=release
                )
                if not child_frame.empty:
                    frame, measured_as = child_frame, child
                    break
        if frame.empty:
            have = self.sql(
                "SELECT DISTINCT stage FROM latest_observations WHERE commodity = ? AND "
                "measure = 'production' AND scenario = '' ORDER BY 1",
                [item.slug],
            )["stage"].tolist()
            hint = f"; stages with figures: {', '.join(have)}" if have else ""
            where = f" at stage {stage!r}" if stage else ""
            raise NoDataError(f"no production figures for {item.slug}{where}{hint}")
        if stage is None:
            stage = min(frame["stage"].unique(), key=STAGES.index)
            frame = frame[frame["stage"] == stage]
        stage = _stage(stage)
        years = sorted(int(y) for y in frame["year"].unique())
        if year is None:
            year = years[-1]
        frame = frame[frame["year"] == int(year)]
        if frame.empty:
            raise NoDataError(
                f"no {stage} figures for {item.slug} in {year}; years with figures: "
                f"{', '.join(map(str, years))}"
            )
        publishers = list(frame["publisher"].unique())
        if publisher is None:
            ranked = [p for p in PUBLISHER_PREFERENCE if p in publishers]
            publisher = ranked[0] if ranked else sorted(publishers)[0]
        frame = frame[frame["publisher"] == publisher]
        # A chapter may report several products for a stage (ilmenite and rutile); one unit
        # and one content basis at a time.
        detail_counts = frame.groupby(["detail", "unit"], dropna=False).size()
        if len(detail_counts) > 1:
            main = frame[frame["country"] == WORLD]
            pick = main.iloc[0] if not main.empty else frame.iloc[0]
            frame = frame[(frame["unit"] == pick["unit"]) & (frame["content"] == pick["content"])]
        profile = self._profile(item, stage, int(year), publisher, frame, years, release)
        if measured_as is not None:
            profile = replace(
                profile,
                measured_as=measured_as.slug,
                note=(
                    f"No {stage} figures for {item.name} as a whole; these are the figures for "
                    f"{measured_as.name} ({measured_as.slug}), the part the publisher reports."
                ),
            )
        return profile

    def _profile(
        self,
        item: Commodity,
        stage: str,
        year: int,
        publisher: str,
        frame: pd.DataFrame,
        years: list[int],
        release: str | None = None,
    ) -> CommodityProfile:
        countries = frame[~frame["country"].isin([WORLD, OTHER])]
        known = countries[countries["value"].notna()].sort_values(
            ["value", "country"], ascending=[False, True]
        )
        withheld = sorted(countries[countries["value"].isna()]["country"].tolist())
        other = frame[frame["country"] == OTHER]["value"].dropna()
        other_value = float(other.sum()) if not other.empty else None
        world = frame[frame["country"] == WORLD]
        world_total = None if world.empty or pd.isna(world.iloc[0]["value"]) else float(
            world.iloc[0]["value"]
        )
        values = known["value"].to_numpy(float)
        country_sum = float(values.sum() + (other_value or 0.0))
        share = values / country_sum if country_sum > 0 else np.zeros_like(values)
        names = {c.alpha2: c.name for c in catalogue.countries()}
        producers = [
            Producer(
                country=str(r.country),
                name=names.get(str(r.country), str(r.country)),
                value=float(r.value),
                share=float(s),
                source_id=str(r.source_id),
                basis=str(r.basis),
                flag=str(r.flag or ""),
                note=str(r.note or ""),
            )
            for r, s in zip(known.itertuples(), share, strict=True)
        ]
        quantities = np.append(values, other_value) if other_value else values
        wgi = self.wgi_scores()
        if producers and all(p.country in wgi for p in producers):
            # "Other countries" is many small producers; weighting it by the median score
            # would invent a country, so it only enters the shares' denominator.
            gw = metrics.governance_weighted_hhi(
                np.append(values, other_value) if other_value else values,
                [wgi[p.country] for p in producers] + ([0.0] if other_value else []),
            )
        else:
            gw = None
        reserves_frame = self.observations(
            item.slug, measure="reserves", publisher=publisher, release=release
        )
        if not reserves_frame.empty:
            last = int(reserves_frame["year"].max())
            reserves_frame = reserves_frame[reserves_frame["year"] == last]
        world_res = reserves_frame[reserves_frame["country"] == WORLD]
        world_reserves = (
            None
            if world_res.empty or pd.isna(world_res.iloc[0]["value"])
            else float(world_res.iloc[0]["value"])
        )
        reserves = [
            {
                "country": str(r.country),
                "year": int(r.year),
                "value": None if pd.isna(r.value) else float(r.value),
                "flag": str(r.flag or ""),
                "source_id": str(r.source_id),
            }
            for r in reserves_frame[~reserves_frame["country"].isin([WORLD, OTHER])].itertuples()
        ]
        # Reserve life: world reserves over the year's world production, as USGS states them.
        production_for_life = world_total or country_sum
        life = (
            world_reserves / production_for_life
            if world_reserves and production_for_life and stage == "mining"
            else None
        )
        source_ids = sorted(
            set(frame["source_id"]) | set(reserves_frame["source_id"] if reserves else [])
        )
        sources = [self.source(s) for s in source_ids]
        unit = str(frame["unit"].iloc[0])
        content = str(frame["content"].dropna().iloc[0]) if frame["content"].notna().any() else ""
        world_flag = "" if world.empty else str(world.iloc[0]["flag"] or "")
        world_res_flag = "" if world_res.empty else str(world_res.iloc[0]["flag"] or "")
        return CommodityProfile(
            commodity=item.slug,
            name=item.name,
            stage=stage,
            year=year,
            unit=unit,
            content=content,
            publisher=publisher,
            producers=producers,
            country_sum=country_sum,
            other_countries=other_value,
            world_total=world_total,
            world_total_flag=world_flag,
            hhi=metrics.hhi(quantities) if quantities.size else 0.0,
            top3_share=metrics.top_n_share(quantities, 3) if quantities.size else 0.0,
            largest_share=float(share.max()) if share.size else 0.0,
            governance_weighted_hhi=gw,
            reserves=reserves,
            world_reserves=world_reserves,
            world_reserves_flag=world_res_flag,
            reserve_life_years=life,
            withheld=withheld,
            sources=sources,
            years_available=years,
        )

    def country_profile(self, name_or_code: str, year: int | None = None) -> CountryProfile:
        """What a country produces: per commodity and stage its value, world rank and share.

        Uses each commodity's latest year (or ``year``) and the preferred publisher, the same
        figures :meth:`producers` uses, so ranks and shares agree with it.
        """
        c = catalogue.country(name_or_code)
        mine = self.observations(country=c.alpha2, year=year, measure="production")
        mine = mine[mine["value"].notna() & (mine["value"] > 0)]
        rows = []
        for (slug, stage), _ in mine.groupby(["commodity", "stage"], sort=True):
            try:
                profile = self.producers(str(slug), stage=str(stage), year=year)
            except NoDataError:
                continue
            ranked = [p.country for p in profile.producers]
            if c.alpha2 not in ranked:
                continue
            p = profile.producers[ranked.index(c.alpha2)]
            rows.append(
                {
                    "commodity": profile.commodity,
                    "stage": profile.stage,
                    "year": profile.year,
                    "value": p.value,
                    "unit": profile.unit,
                    "rank": ranked.index(c.alpha2) + 1,
                    "producers": len(ranked),
                    "share": p.share,
                    "basis": p.basis,
                    "source_id": p.source_id,
                }
            )
        production = pd.DataFrame(
            rows,
            columns=[
                "commodity", "stage", "year", "value", "unit", "rank", "producers", "share",
                "basis", "source_id",
            ],
        )
        if not production.empty:
            production = production.sort_values(["rank", "share"], ascending=[True, False])
            production = production.reset_index(drop=True)
        gov = self.governance(country=c.alpha2)
        gov_year = int(gov["year"].iloc[0]) if not gov.empty else None
        if not gov.empty:
            gov = gov[["indicator", "estimate", "pctrank", "source_id"]].copy()
            gov["scaled_0_10"] = metrics.wgi_scaled(gov["estimate"].to_numpy(float))
            order = {k: i for i, k in enumerate(_WGI_INDICATORS)}
            gov = gov.sort_values("indicator", key=lambda s: s.map(order)).reset_index(drop=True)
        controls = self.export_controls(country=c.alpha2)
        return CountryProfile(
            country=c.alpha2,
            alpha3=c.alpha3,
            name=c.name,
            blocs=list(c.blocs),
            production=production,
            governance=gov,
            governance_year=gov_year,
            export_controls=controls,
        )


def _country_code(name: str) -> str:
    if name.upper() in (WORLD, OTHER):
        return name.upper()
    return catalogue.country(name).alpha2


def _children(slug: str) -> list[Commodity]:
    return [c for c in catalogue.commodities() if c.parent == slug]
