"""Element-level rare-earth networks: a country's REO split by its deposits' distributions.

Only group-level splits are sourced (FACTS.md section A); full element distributions were
NOT FOUND. So each deposit type's distribution is a curated table whose rows say whether
they are ``recalled`` (with the FACTS row) or an ``assumption`` (with a low/high range).
What this module does with them is arithmetic:

- mining of element ``e`` in country ``c`` = REO mined in ``c`` x the share of ``e`` in
  ``c``'s deposit mix;
- separation of ``e`` in ``c`` = REO separated in ``c`` x the share of ``e`` in ``c``'s
  separation feed (China's feed is the mining-weighted mix of its own ore and the ore tied
  to it; Malaysia separates Australian ore; others their own ore, else the light default);
- metal and magnet capacities are the REO network's, as a fraction of world separated REO,
  times the element's world separated output (nothing finer is known: F-B16, F-B17 NOT
  FOUND).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import numpy as np
import pandas as pd

from critmin.network.graph import Network, Provenance

#: The 17 rare-earth elements, atomic-number order (Sc, Y, then La..Lu).
RARE_EARTH_ELEMENTS: tuple[str, ...] = (
    "scandium", "yttrium", "lanthanum", "cerium", "praseodymium", "neodymium", "promethium",
    "samarium", "europium", "gadolinium", "terbium", "dysprosium", "holmium", "erbium",
    "thulium", "ytterbium", "lutetium",
)
LIGHT = ("lanthanum", "cerium", "praseodymium", "neodymium", "promethium", "samarium")
HEAVY = tuple(e for e in RARE_EARTH_ELEMENTS if e not in LIGHT and e != "scandium")

DEFAULT = "*"


def distribution(
    distributions: pd.DataFrame, deposit_type: str, column: str = "share"
) -> dict[str, float]:
    """Element -> fraction of TREO for one deposit type (``column`` low/share/high)."""
    rows = distributions[distributions["deposit_type"] == deposit_type]
    return {str(r.element): float(getattr(r, column)) for r in rows.itertuples(index=False)}


def country_mix(deposit_mix: pd.DataFrame, country: str) -> dict[str, float]:
    """Deposit type -> share of a country's output (the ``*`` default if not listed)."""
    rows = deposit_mix[deposit_mix["country"] == country]
    if rows.empty:
        rows = deposit_mix[deposit_mix["country"] == DEFAULT]
    return {str(r.deposit_type): float(r.share) for r in rows.itertuples(index=False)}


def element_share(
    mix: Mapping[str, float], dists: Mapping[str, Mapping[str, float]], element: str
) -> float:
    """Share of ``element`` in a deposit mix [fraction of TREO]."""
    return sum(w * dists.get(t, {}).get(element, 0.0) for t, w in mix.items())


def _feed_share(
    reo: Network, country: str, element: str, feed: pd.DataFrame,
    share_of: Mapping[str, float],
) -> tuple[float, str]:
    rows = feed[feed["country"] == country]
    if not rows.empty:
        source = str(rows.iloc[0]["feed_from"])
        if source == "*tied":
            origins = [country] + [
                c for (c, _stage), dests in reo.ties.items() if country in dests
            ]
            weights = np.array([reo.cap(c, reo.stages[0]) for c in origins])
            if weights.sum() <= 0:
                return share_of.get(country, share_of[DEFAULT]), "own ore"
            mixed = sum(w * share_of.get(c, share_of[DEFAULT])
                        for c, w in zip(origins, weights, strict=True)) / weights.sum()
            return float(mixed), "mining-weighted mix of " + ", ".join(origins)
        return share_of.get(source, share_of[DEFAULT]), f"ore from {source}"
    if country in share_of and reo.cap(country, reo.stages[0]) > 0:
        return share_of[country], "own ore"
    return share_of[DEFAULT], "default (light) distribution"


def element_network(
    reo: Network,
    element: str,
    distributions: pd.DataFrame,
    deposit_mix: pd.DataFrame,
    separation_feed: pd.DataFrame,
    *,
    column: str = "share",
) -> Network:
    """The network of one element, derived from the rare-earth (REO) network.

    Parameters
    ----------
    reo
        Rare-earth network in t REO (mining first).
    element
        Element slug, e.g. ``dysprosium``.
    distributions, deposit_mix, separation_feed
        Curated tables (see :mod:`critmin.data.importers.curated`).
    column
        ``share`` for central values, ``low``/``high`` for the ends of the ranges.
    """
    dists = {
        t: distribution(distributions, t, column) for t in distributions["deposit_type"].unique()
    }
    countries = set(reo.countries) | {DEFAULT}
    share_of = {c: element_share(country_mix(deposit_mix, c), dists, element) for c in countries}
    cap = np.zeros_like(reo.capacity)
    notes: dict[tuple[str, str], str] = {}
    first = reo.stages[0]
    sep = "refining" if "refining" in reo.stages else None
    for i, country in enumerate(reo.countries):
        cap[i, 0] = reo.capacity[i, 0] * share_of[country]
        notes[(country, first)] = f"{share_of[country]:.4%} of REO ({column} of deposit mix)"
        if sep is not None:
            j = reo.stages.index(sep)
            frac, why = _feed_share(reo, country, element, separation_feed, share_of)
            cap[i, j] = reo.capacity[i, j] * frac
            notes[(country, sep)] = f"{frac:.4%} of separated REO ({why})"
    if sep is not None:
        j = reo.stages.index(sep)
        total = cap[:, j].sum()
        for k in range(j + 1, len(reo.stages)):
            separated = reo.capacity[:, j].sum()
            if separated > 0:
                # the same fraction of separated output as in the REO network, so a stage
                # that the REO network caps (new separation, metal unchanged) caps here too
                cap[:, k] = reo.capacity[:, k] / separated * total
                for country in reo.countries:
                    notes[(country, reo.stages[k])] = (
                        f"REO {reo.stages[k]} capacity / world separated REO x world "
                        f"separated {element}"
                    )
    provenance = tuple(
        Provenance(
            p.country, p.stage,
            float(cap[reo.countries.index(p.country), reo.stages.index(p.stage)]),
            "assumption", p.source_id,
            f"{notes.get((p.country, p.stage), '')} x REO figure {p.value:,.0f} "
            f"({p.basis}, {p.source_id})", p.year,
        )
        for p in reo.provenance
    )
    return replace(reo, commodity=element, unit=f"{reo.unit} ({element} oxide)", capacity=cap,
                   provenance=provenance)


def group_totals(reo: Network, distributions: pd.DataFrame, deposit_mix: pd.DataFrame,
                 stage: str = "mining") -> dict[str, float]:
    """Light and heavy group totals [t REO] at a stage, from the central distributions."""
    dists = {t: distribution(distributions, t) for t in distributions["deposit_type"].unique()}
    j = reo.stages.index(stage)
    light = heavy = 0.0
    for i, country in enumerate(reo.countries):
        mix = country_mix(deposit_mix, country)
        light += reo.capacity[i, j] * sum(element_share(mix, dists, e) for e in LIGHT)
        heavy += reo.capacity[i, j] * sum(element_share(mix, dists, e) for e in HEAVY)
    return {"light": light, "heavy": heavy}
