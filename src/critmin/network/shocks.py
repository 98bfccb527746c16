"""Shocks as pure transformations of a network: capacities change, exports are blocked.

Each function returns a new :class:`~critmin.network.graph.Network`; nothing is mutated.
The scenario layer maps scenario-file shocks onto these.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from critmin.errors import CritminError
from critmin.network.graph import Block, Network


def ramp_factor(year: int, start_year: int, ramp_years: int) -> float:
    """Share of a new capacity available in ``year`` [0-1].

    Linear ramp: nothing before ``start_year``, ``1 / ramp_years`` in the first year, full
    capacity from ``start_year + ramp_years - 1`` on. ``ramp_years <= 1`` means full at once.
    """
    if year < start_year:
        return 0.0
    if ramp_years <= 1:
        return 1.0
    return min(1.0, (year - start_year + 1) / ramp_years)


def _check_stage(network: Network, stage: str) -> None:
    if stage not in network.stages:
        raise CritminError(
            f"{network.commodity} has no stage {stage!r}; "
            f"its stages are {', '.join(network.stages)}"
        )


def add_capacity(network: Network, country: str, stage: str, value: float) -> Network:
    """Add ``value`` [t/yr] of capacity at a country's stage (a new mine, plant...)."""
    _check_stage(network, stage)
    if value < 0:
        raise CritminError(f"new capacity must not be negative, got {value}")
    return network.with_capacity(country, stage, network.cap(country, stage) + value)


def lose_capacity(network: Network, country: str, stages: Iterable[str], share: float) -> Network:
    """Remove ``share`` [0-1] of a country's capacity at the given stages."""
    if not 0.0 <= share <= 1.0:
        raise CritminError(f"share lost must be within [0, 1], got {share}")
    out = network
    for stage in stages:
        if stage in out.stages and country in out.countries:
            out = out.with_capacity(country, stage, out.cap(country, stage) * (1.0 - share))
    return out


def block_exports(
    network: Network,
    country: str,
    stages: Iterable[str],
    share: float,
    destinations: frozenset[str] | None = None,
    label: str = "",
) -> Network:
    """Block ``share`` [0-1] of a country's exports at the given stages to ``destinations``.

    ``destinations=None`` blocks to every foreign country (an export control "to all").
    Stages the network lacks are skipped, so one export-control shock can name the stages of
    several commodities.
    """
    if not 0.0 <= share <= 1.0:
        raise CritminError(f"share blocked must be within [0, 1], got {share}")
    new = tuple(
        Block(country, stage, share, destinations, label)
        for stage in stages if stage in network.stages
    )
    return replace(network, blocks=network.blocks + new)


def scale_demand(network: Network, factor: float) -> Network:
    """Scale the target's demand (no effect when the network has no demand figure)."""
    if network.demand is None:
        return network
    return replace(network, demand=network.demand * factor)
