"""Build a Monte Carlo :class:`~critmin.scenarios.montecarlo.RiskModel` from a scenario.

Capacity shocks become additions (a per-tonne delta found by differencing the networks with
the shock at its central value and at zero, so element splits and ramps carry over) or
losses; export controls and sanctions keep their block with an uncertain share.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np

from critmin.errors import CritminError
from critmin.network.elements import RARE_EARTH_ELEMENTS
from critmin.network.graph import Network
from critmin.scenarios.montecarlo import (
    DisruptionMapping,
    RiskModel,
    Uncertain,
    compile_model,
    disruption_probabilities,
)
from critmin.scenarios.run import (
    Inputs,
    _applies,
    keys_of,
    resolve_target,
    shocked_networks,
)
from critmin.scenarios.spec import (
    CapacityLoss,
    ExportControl,
    NewCapacity,
    Sanction,
    Scenario,
    TradeBlock,
)


def baseline_scenario(commodity: str, year: int, target: str = "world",
                      element: str | None = None) -> Scenario:
    """A scenario without shocks, for ``critmin risk COMMODITY``."""
    return Scenario(name=f"{element or commodity} baseline", base_year=year, horizon=year,
                    target=target, commodity=commodity,
                    elements=[element] if element else [])


def _aligned(net: Network, countries: tuple[str, ...]) -> np.ndarray:
    out = np.zeros((len(countries), len(net.stages)))
    for i, c in enumerate(net.countries):
        out[countries.index(c)] = net.capacity[i]
    return out


def _distribution_components(
    scenario: Scenario, inputs: Inputs, key: str, zero: Mapping[int, float],
    countries: tuple[str, ...], base_cap: np.ndarray,
) -> tuple[tuple[np.ndarray, Uncertain], ...]:
    """An element's capacities as a sum over deposit types of (its share x unit network).

    The element split is linear in each deposit type's share of the element (mining, the
    separation feed mixes and the downstream scaling all are), so the capacities with the
    shares drawn from their low/high ranges are ``sum_t share_t * network(share_t = 1)``.
    New capacity keeps the central shares (it is added separately).
    """
    if scenario.commodity != "rare-earths" or key not in RARE_EARTH_ELEMENTS:
        return ()
    dist = inputs.curated["element_distributions"]
    rows = dist[dist["element"] == key]
    if rows.empty:
        return ()
    out = []
    for r in rows.itertuples(index=False):
        unit = dist.copy()
        mask = unit["element"] == key
        unit.loc[mask, "share"] = (unit.loc[mask, "deposit_type"] == r.deposit_type).astype(float)
        unit_inputs = Inputs(inputs.observations, {**inputs.curated, "element_distributions": unit})
        net = shocked_networks(scenario, unit_inputs, scenario.horizon, values=zero, only=key)[key]
        out.append((_aligned(net, countries), Uncertain(float(r.share), float(r.low),
                                                        float(r.high), None,
                                                        f"{key} in {r.deposit_type}")))
    rebuilt = sum((u.central * c for c, u in out), np.zeros_like(base_cap))
    if not np.allclose(rebuilt, base_cap, rtol=1e-9, atol=1e-9):
        raise CritminError(f"{key}: the element split is not linear in the distributions")
    return tuple(out)


def risk_model(
    scenario: Scenario, inputs: Inputs, pv: Mapping[str, float], *,
    key: str | None = None, mapping: DisruptionMapping | None = None,
) -> RiskModel:
    """The compiled risk model of one network (``key``, default the scenario's commodity)."""
    mapping = mapping or DisruptionMapping()
    key = key or scenario.commodity
    if key not in keys_of(scenario):
        raise CritminError(f"{scenario.name} does not report {key!r}; it reports "
                           f"{', '.join(keys_of(scenario))}")
    year = scenario.horizon
    capacity_shocks = [i for i, s in enumerate(scenario.shocks)
                       if isinstance(s, NewCapacity | CapacityLoss) and s.active(year)
                       and _applies(s, key, scenario)]
    zero = {i: 0.0 for i in capacity_shocks}
    full = shocked_networks(scenario, inputs, year, values=None, only=key)[key]
    base = shocked_networks(scenario, inputs, year, values=zero, only=key)[key]
    countries = full.countries
    base_cap = _aligned(base, countries)
    additions, losses = [], []
    for i in capacity_shocks:
        s = scenario.shocks[i]
        if isinstance(s, NewCapacity):
            central = s.capacity.tonnes
            one = shocked_networks(scenario, inputs, year, values={**zero, i: central},
                                   only=key)[key]
            delta = (_aligned(one, countries) - base_cap) / central if central > 0 else (
                np.zeros_like(base_cap))
            factor = central / s.capacity.value if s.capacity.value else 1.0
            additions.append((delta, Uncertain(
                central, None if s.low is None else s.low * factor,
                None if s.high is None else s.high * factor, s.probability, f"shock {i}")))
        elif isinstance(s, CapacityLoss):
            mask = np.zeros_like(base_cap, dtype=bool)
            if s.country in countries:
                for st in s.stages or full.stages:
                    if st in full.stages:
                        mask[countries.index(s.country), full.stages.index(st)] = True
            losses.append((mask, Uncertain(s.share_lost, s.low, s.high, s.probability,
                                           f"shock {i}")))
    blocks = []
    for b in full.blocks:
        match = re.match(r"shock (\d+)", b.label)
        if not match:
            raise CritminError(f"block without a shock label: {b}")
        s = scenario.shocks[int(match.group(1))]
        if isinstance(s, ExportControl | Sanction):
            blocks.append(Uncertain(s.share_blocked, s.low, s.high, s.probability, b.label))
        elif isinstance(s, TradeBlock):
            blocks.append(Uncertain(s.share_blocked, None, None, s.probability, b.label))
    components = _distribution_components(scenario, inputs, key, zero, countries, base_cap)
    base_net = Network(full.commodity, full.year, full.unit, full.stages, countries, base_cap,
                       ties=full.ties, blocks=full.blocks, demand=full.demand,
                       provenance=full.provenance)
    model = RiskModel(
        base=base_net, target=resolve_target(scenario.target),
        p_disrupt=disruption_probabilities(countries, pv, mapping), mapping=mapping,
        additions=tuple(additions), losses=tuple(losses), blocks=tuple(blocks),
        components=components,
        demand=full.demand,
    )
    return compile_model(model)
