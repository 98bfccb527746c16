"""Run a scenario: build the networks, apply the shocks at the horizon, compare with the baseline.

Pure: takes the scenario, an observations frame and the curated tables (the edges fetch
them, see :mod:`critmin.scenarios.load`), and returns a frozen :class:`ScenarioResult` whose
:meth:`~ScenarioResult.to_dict` is what ``critmin scenario run --format json`` prints.

A rare-earth scenario reports the REO network and one network per element that the shocks
or the file name (dysprosium, terbium...). Capacity shocks act on the REO network before the
element split (new KZ capacity adds to each element by KZ's deposit mix); export controls act
on the element networks they name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from critmin.data.catalogue import bloc, find_country
from critmin.errors import CritminError, NoDataError, UnknownNameError
from critmin.network.elements import RARE_EARTH_ELEMENTS, element_network, group_totals
from critmin.network.graph import Network, Target, build_network, stage_rows
from critmin.network.shocks import (
    add_capacity,
    block_exports,
    lose_capacity,
    ramp_factor,
    scale_demand,
)
from critmin.network.solve import FlowResult, max_flow
from critmin.scenarios.spec import (
    CapacityLoss,
    DemandChange,
    ExportControl,
    NewCapacity,
    Sanction,
    Scenario,
    Shock,
    TradeBlock,
)

#: Stages of the rare-earth chain (others use the stages their figures have).
RARE_EARTH_STAGES = ("mining", "refining", "metal", "magnet")

#: Model assumptions every result lists.
MODEL_ASSUMPTIONS: tuple[str, ...] = (
    "capacity = observed output in the base year (no spare capacity figures are open)",
    "stages with only curated shares are scaled to the world total of the stage before "
    "(mass balance, no stocks)",
    "trade between any two countries is unlimited unless a tie or a shock restricts it",
)


@dataclass(frozen=True)
class Inputs:
    """What the edges fetch for a run: observations and the curated tables."""

    observations: pd.DataFrame
    curated: Mapping[str, pd.DataFrame]


def resolve_target(name: str) -> Target:
    """``world``, ``non-XX``, a bloc code or an alpha-2 code as a :class:`Target`."""
    if name == "world":
        return Target("world")
    if name.lower().startswith("non-"):
        return Target(name, exclude=frozenset({name[4:].upper()}))
    return Target(name, include=_members(name))


def _members(code: str) -> frozenset[str]:
    found = find_country(code)
    if found is not None and len(code) == 2:
        return frozenset({found.alpha2})
    try:
        return frozenset(bloc(code).members)
    except UnknownNameError:
        if found is not None:
            return frozenset({found.alpha2})
        raise


def _ties(curated: Mapping[str, pd.DataFrame], commodity: str) -> dict[tuple[str, str], frozenset[
    str
]]:
    ties = curated.get("ties")
    if ties is None or ties.empty:
        return {}
    rows = ties[ties["commodity"] == commodity]
    out: dict[tuple[str, str], frozenset[str]] = {}
    for r in rows.itertuples(index=False):
        key = (str(r.country), str(r.stage))
        out[key] = out.get(key, frozenset()) | {str(r.to)}
    return out


def _iea_separation_shares(inputs: Inputs, year: int) -> pd.DataFrame | None:
    """Rare-earth separation shares from the IEA's magnet rare-earth refining by country.

    The IEA reports refining of the magnet rare earths (Nd, Pr, Dy, Tb) only; applying its
    country shares to all separated REO is an assumption the provenance note states.
    """
    obs = inputs.observations
    if obs.empty or "commodity" not in obs.columns:
        return None
    rows = stage_rows(obs, "magnet-rare-earths", "refining", year)
    rows = rows[rows["value"] > 0]
    if rows.empty:
        return None
    total = float(rows["value"].sum())
    return pd.DataFrame({
        "commodity": "rare-earths", "stage": "refining", "country": rows["country"],
        "share": rows["value"] / total, "basis": rows["basis"], "source_id": rows["source_id"],
        "year": rows["year"],
        "note": [f"IEA magnet rare-earth refining {v:,.0f} of {total:,.0f} t; its country share "
                 "applied to all separated REO (assumption)" for v in rows["value"]],
    })


def base_network(inputs: Inputs, commodity: str, year: int) -> Network:
    """The commodity's network in the base year, with curated shares and ties."""
    shares = inputs.curated.get("stage_shares")
    if commodity == "rare-earths" and shares is not None:
        iea = _iea_separation_shares(inputs, year)
        if iea is not None:
            keep = shares[~((shares["commodity"] == "rare-earths")
                            & (shares["stage"] == "refining"))]
            shares = pd.concat([keep, iea], ignore_index=True)
    stages = RARE_EARTH_STAGES if commodity == "rare-earths" else None
    unit = "t REO" if commodity == "rare-earths" else "t"
    return build_network(
        inputs.observations, commodity, year, stages=stages, stage_shares=shares,
        ties=_ties(inputs.curated, commodity), unit=unit,
    )


def keys_of(scenario: Scenario) -> list[str]:
    """Networks a scenario reports: its commodity, named elements, shocked commodities."""
    keys = [scenario.commodity]
    for e in scenario.elements:
        keys.append(e)
    for s in scenario.shocks:
        if scenario.commodity == "rare-earths":
            for e in getattr(s, "elements", None) or []:
                keys.append(e)
        for c in getattr(s, "commodities", None) or []:
            keys.append(c)
    seen: list[str] = []
    for k in keys:
        if k not in seen and k != "scandium":
            seen.append(k)
    return seen


def _applies(shock: Shock, key: str, scenario: Scenario) -> bool:
    elements = getattr(shock, "elements", None)
    commodities = getattr(shock, "commodities", None)
    commodity = getattr(shock, "commodity", None)
    if elements:
        return key in elements
    if commodities:
        return key in commodities or (key in RARE_EARTH_ELEMENTS and "rare-earths" in commodities)
    if commodity:
        return key == commodity or (commodity == "rare-earths" and key in RARE_EARTH_ELEMENTS)
    return True


def _destinations(to: str | list[str]) -> frozenset[str] | None:
    if to == "all":
        return None
    out: set[str] = set()
    for place in to:
        out |= _members(place)
    return frozenset(out)


def apply_capacity_shocks(
    network: Network, scenario: Scenario, year: int, key: str,
    values: Mapping[int, float] | None = None,
) -> Network:
    """New capacity and capacity losses in force in ``year`` (``values`` override by index)."""
    values = values or {}
    net = network
    for i, s in enumerate(scenario.shocks):
        if not s.active(year) or not _applies(s, key, scenario):
            continue
        if isinstance(s, NewCapacity):
            if s.stage not in net.stages:
                raise CritminError(f"shock {i}: {key} has no stage {s.stage!r} "
                                   f"(stages: {', '.join(net.stages)})")
            tonnes = values.get(i, s.capacity.tonnes)
            net = add_capacity(net, s.country, s.stage,
                               tonnes * ramp_factor(year, s.start_year, s.ramp_years))
        elif isinstance(s, CapacityLoss):
            share = values.get(i, s.share_lost)
            net = lose_capacity(net, s.country, s.stages or net.stages, share)
    return net


def apply_trade_shocks(
    network: Network, scenario: Scenario, year: int, key: str,
    values: Mapping[int, float] | None = None,
) -> Network:
    """Export controls, sanctions, trade blocks and demand changes in force in ``year``."""
    values = values or {}
    net = network
    for i, s in enumerate(scenario.shocks):
        if not s.active(year) or not _applies(s, key, scenario):
            continue
        label = f"shock {i} ({s.kind})"
        if isinstance(s, ExportControl | Sanction):
            net = block_exports(net, s.from_, s.stages or net.stages,
                                values.get(i, s.share_blocked), _destinations(s.to), label)
        elif isinstance(s, TradeBlock):
            for origin in s.from_:
                net = block_exports(net, origin, s.stages or net.stages,
                                    values.get(i, s.share_blocked), _destinations(s.to), label)
        elif isinstance(s, DemandChange):
            net = scale_demand(net, 1.0 + values.get(i, s.change))
    return net


def shocked_networks(
    scenario: Scenario, inputs: Inputs, year: int, *, shocked: bool = True,
    values: Mapping[int, float] | None = None,
    base: Mapping[str, Network] | None = None,
    only: str | None = None,
) -> dict[str, Network]:
    """Every reported network at ``year``, with the shocks (or none for the baseline).

    ``only`` builds just that network (and the rare-earth network it derives from).
    """
    curated = inputs.curated
    nets: dict[str, Network] = {}
    reo: Network | None = None
    for key in keys_of(scenario):
        if only is not None and key not in (only, scenario.commodity):
            continue
        is_element = scenario.commodity == "rare-earths" and key in RARE_EARTH_ELEMENTS
        if is_element:
            if reo is None:
                raise CritminError("element networks need the rare-earths network first")
            net = element_network(reo, key, curated["element_distributions"],
                                  curated["deposit_mix"], curated["separation_feed"])
        else:
            if base and key in base:
                net = base[key]
            else:
                try:
                    net = base_network(inputs, key, scenario.base_year)
                except NoDataError:
                    if key == scenario.commodity:
                        raise
                    continue  # a shocked commodity without figures: listed as a gap
            if shocked:
                net = apply_capacity_shocks(net, scenario, year, key, values)
            if key == scenario.commodity:
                reo = net
        if shocked:
            net = apply_trade_shocks(net, scenario, year, key, values)
        nets[key] = net
    return nets


def _cut_dict(result: FlowResult) -> list[dict[str, Any]]:
    return [
        {"stage": c.stage, "country": c.country, "kind": c.kind, "capacity_t": round(c.capacity, 3),
         **({"to": c.to} if c.to else {}), **({"limit": c.label} if c.label else {})}
        for c in sorted(result.cut, key=lambda c: -c.capacity)
    ]


@dataclass(frozen=True)
class NetworkState:
    """A network's deliverable volumes, shares and minimum cuts."""

    key: str
    unit: str
    stages: tuple[str, ...]
    delivered: dict[str, float]
    shares: dict[str, dict[str, float]]
    totals: dict[str, float]
    cuts: dict[str, FlowResult] = field(repr=False)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "unit": self.unit,
            "stages": list(self.stages),
            "delivered_t": {s: round(v, 3) for s, v in self.delivered.items()},
            "world_capacity_t": {s: round(v, 3) for s, v in self.totals.items()},
            "shares": {s: {c: round(v, 5) for c, v in d.items()} for s, d in self.shares.items()},
        }


def evaluate(key: str, network: Network, target: Target, *, top: int = 6,
             named: tuple[str, ...] = ()) -> NetworkState:
    """Deliverable volume per stage (network truncated there), shares and cuts."""
    delivered: dict[str, float] = {}
    cuts: dict[str, FlowResult] = {}
    shares: dict[str, dict[str, float]] = {}
    totals: dict[str, float] = {}
    for stage in network.stages:
        res = max_flow(network, target, upto=stage)
        delivered[stage] = res.value
        cuts[stage] = res
        totals[stage] = network.stage_total(stage)
        ranked = sorted(network.countries, key=lambda c: -network.cap(c, stage))
        keep = [c for c in ranked[:top] if network.cap(c, stage) > 0]
        keep += [c for c in named if c not in keep]
        shares[stage] = {c: network.share(c, stage) for c in keep}
    return NetworkState(key, network.unit, network.stages, delivered, shares, totals, cuts)


@dataclass(frozen=True)
class ScenarioResult:
    """Baseline and shocked states of each network, and what the run assumed."""

    scenario: Scenario
    target: Target
    year: int
    baseline: dict[str, NetworkState]
    shocked: dict[str, NetworkState]
    assumptions: tuple[dict[str, Any], ...]
    groups: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)
    thresholds: tuple[dict[str, Any], ...] = ()

    def bottleneck(self, key: str) -> dict[str, Any]:
        """Minimum cut of the full chain, and the tightest stage with its own cut."""
        state = self.shocked[key]
        last = state.stages[-1]
        # the most upstream stage at the minimum (ties within solver noise go upstream)
        least = min(state.delivered[s] for s in state.stages)
        tight = next(s for s in state.stages
                     if state.delivered[s] <= least + 1e-6 * max(1.0, abs(least)))
        full = state.cuts[last]
        return {
            "stage": full.bottleneck_stage,
            "cut": _cut_dict(full),
            "tightest_stage": tight,
            "tightest_stage_delivered_t": round(state.delivered[tight], 3),
            "tightest_stage_cut": _cut_dict(state.cuts[tight]),
        }

    def delta(self, key: str) -> dict[str, Any]:
        """Change of delivered volume per stage, absolute [t] and relative."""
        base, shock = self.baseline[key], self.shocked[key]
        out: dict[str, Any] = {}
        for stage in shock.stages:
            b = base.delivered.get(stage, 0.0)
            v = shock.delivered[stage]
            out[stage] = {"change_t": round(v - b, 3),
                          "change_pct": round(100.0 * (v - b) / b, 2) if b > 0 else None}
        share_change = {
            stage: {c: round(shock.shares[stage].get(c, 0.0) - base.shares.get(stage, {}).get(
                c, 0.0), 5) for c in shock.shares[stage]}
            for stage in shock.stages
        }
        return {"delivered": out, "shares": share_change}

    def to_dict(self) -> dict[str, Any]:
        """The JSON the CLI prints: baseline, scenario, delta, bottleneck, assumptions."""
        sc = self.scenario
        return {
            "name": sc.name,
            "description": sc.description,
            "commodity": sc.commodity,
            "target": self.target.name,
            "base_year": sc.base_year,
            "year": self.year,
            "baseline": {k: v.to_dict() for k, v in self.baseline.items()},
            "scenario": {k: v.to_dict() for k, v in self.shocked.items()},
            "delta": {k: self.delta(k) for k in self.shocked},
            "bottleneck": {k: self.bottleneck(k) for k in self.shocked},
            "assumptions": list(self.assumptions),
            **({"groups_t": self.groups} if self.groups else {}),
            **({"what_would_it_take": list(self.thresholds)} if self.thresholds else {}),
        }


def _named_countries(scenario: Scenario) -> tuple[str, ...]:
    names: list[str] = []
    for s in scenario.shocks:
        for attr in ("country", "from_"):
            v = getattr(s, attr, None)
            if isinstance(v, str):
                names.append(v)
            elif isinstance(v, list):
                names.extend(v)
    if scenario.target.lower().startswith("non-"):
        names.append(scenario.target[4:])
    return tuple(dict.fromkeys(names))


def assumptions_of(scenario: Scenario, networks: Mapping[str, Network],
                   curated: Mapping[str, pd.DataFrame]) -> tuple[dict[str, Any], ...]:
    """Every assumption a run used: shocks, curated rows, the model's own."""
    out: list[dict[str, Any]] = []
    for i, s in enumerate(scenario.shocks):
        row = {"what": f"shock {i}: {s.kind}", "basis": s.basis, "source": s.source,
               "note": s.note}
        for f in ("low", "high", "probability"):
            if getattr(s, f, None) is not None:
                row[f] = getattr(s, f)
        out.append(row)
    seen: set[tuple[str, str, str]] = set()
    for key, net in networks.items():
        for p in net.provenance:
            flagged = p.basis in ("assumption", "recalled") or "(assumption)" in p.note
            if flagged and (p.stage, p.source_id, key) not in seen:
                if key in RARE_EARTH_ELEMENTS and p.stage != "mining":
                    continue
                seen.add((p.stage, p.source_id, key))
                out.append({"what": f"{key} {p.stage} capacities", "basis": p.basis,
                            "source": p.source_id, "note": p.note})
    if scenario.commodity == "rare-earths":
        dist = curated.get("element_distributions")
        if dist is not None:
            for key in networks:
                rows = dist[(dist["element"] == key) & (dist["basis"] == "assumption")]
                for r in rows.itertuples(index=False):
                    out.append({"what": f"{key} share of {r.deposit_type} TREO", "basis": r.basis,
                                "value": r.share, "low": r.low, "high": r.high, "note": r.note})
        for r in curated.get("deposit_mix", pd.DataFrame()).itertuples(index=False):
            if r.basis == "assumption":
                out.append({"what": f"deposit mix {r.country}: {r.deposit_type}",
                            "basis": r.basis, "value": r.share, "low": r.low, "high": r.high,
                            "note": r.note})
        for r in curated.get("ties", pd.DataFrame()).itertuples(index=False):
            out.append({"what": f"tie: {r.country} {r.stage} -> {r.to}", "basis": r.basis,
                        "source": r.source_id, "note": r.note})
    if any(s.kind == "demand_change" for s in scenario.shocks) and all(
            n.demand is None for n in networks.values()):
        out.append({"what": "demand_change not modelled", "basis": "gap",
                    "note": "no demand figure for the target is in the store, so deliverable "
                            "volume is not capped by demand and a demand change has no effect"})
    for key in keys_of(scenario):
        if key not in networks and key != "scandium":
            out.append({"what": f"{key} not modelled", "basis": "gap",
                        "note": f"the store has no production figures for {key} at or before "
                                f"{scenario.base_year}; shocks on it have no effect here"})
    for text in MODEL_ASSUMPTIONS:
        out.append({"what": "model", "basis": "assumption", "note": text})
    return tuple(out)


def run_scenario(scenario: Scenario, inputs: Inputs, *, year: int | None = None) -> ScenarioResult:
    """Baseline (no shocks) and scenario networks at ``year`` (default: the horizon)."""
    year = year or scenario.horizon
    target = resolve_target(scenario.target)
    named = _named_countries(scenario)
    base_nets = shocked_networks(scenario, inputs, year, shocked=False)
    shock_nets = shocked_networks(scenario, inputs, year, shocked=True)
    groups: dict[str, dict[str, dict[str, float]]] = {}
    if scenario.commodity == "rare-earths" and "element_distributions" in inputs.curated:
        for name, nets in (("baseline", base_nets), ("scenario", shock_nets)):
            reo = nets[scenario.commodity]
            groups[name] = {
                stage: {k: round(v, 1) for k, v in group_totals(
                    reo, inputs.curated["element_distributions"], inputs.curated["deposit_mix"],
                    stage).items()}
                for stage in ("mining",)
            }
    thresholds: list[dict[str, Any]] = []
    if scenario.thresholds:
        from critmin.scenarios.solve import what_would_it_take

        for t in scenario.thresholds:
            solved = what_would_it_take(scenario, inputs, t.metric, t.value, shock=t.shock)
            thresholds.append({**solved.to_dict(), "why": t.note})
    return ScenarioResult(
        scenario=scenario,
        target=target,
        year=year,
        baseline={k: evaluate(k, n, target, named=named) for k, n in base_nets.items()},
        shocked={k: evaluate(k, n, target, named=named) for k, n in shock_nets.items()},
        assumptions=assumptions_of(scenario, shock_nets, inputs.curated),
        groups=groups,
        thresholds=tuple(thresholds),
    )


def compare(a: ScenarioResult, b: ScenarioResult) -> dict[str, Any]:
    """Delivered volumes of two scenarios side by side, for the networks both report."""
    out: dict[str, Any] = {"a": a.scenario.name, "b": b.scenario.name, "networks": {}}
    for key in a.shocked:
        if key not in b.shocked:
            continue
        sa, sb = a.shocked[key], b.shocked[key]
        out["networks"][key] = {
            stage: {"a_t": round(sa.delivered[stage], 3), "b_t": round(sb.delivered.get(stage, 0),
                                                                        3),
                    "b_minus_a_t": round(sb.delivered.get(stage, 0) - sa.delivered[stage], 3)}
            for stage in sa.stages
        }
    return out
