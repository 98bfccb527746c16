"""Monte Carlo supply-at-risk: many draws of disruptions and uncertain shocks, vectorised.

Each draw samples

- a disruption of each country, with an annual probability from its WGI political
  stability estimate (``pv``) through :class:`DisruptionMapping` (a documented, tunable
  assumption), and a share of capacity lost when disrupted;
- whether each scenario shock happens (its ``probability``, else always);
- each shock's value within its ``low``/``high`` range (uniform), else its central value.

The deliverable volume per draw is the network's maximum flow to the target, computed in
closed form (:mod:`critmin.scenarios.cuts`) over an aggregated graph: countries with the same
role (same target membership, no tie, no block of their own, same place in every block's
destination list) are merged into one node per stage, which leaves the maximum flow
unchanged because trade between them is unlimited. :func:`check_against_lp` solves sampled
draws with HiGHS on the full, country-level network and compares.

Draws are split into partitions of a fixed size; partition ``i`` draws from
``SeedSequence(seed).spawn(n)[i]``. Results are concatenated in partition order, so the
same seed gives the same numbers whether partitions run here or on a Dask cluster.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import numpy.typing as npt

from critmin.errors import CritminError
from critmin.network.graph import Block, Network, Target
from critmin.network.solve import CAPACITY, DEMAND, EXPORT, FlowGraph, flow_graph, max_flow
from critmin.scenarios.cuts import CutSet, enumerate_cuts

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

#: Draws per partition. Fixed, so results do not depend on how many workers run them.
PARTITION_SIZE = 50_000


@dataclass(frozen=True)
class DisruptionMapping:
    """Annual disruption probability from WGI political stability, and the loss if disrupted.

    ``p(pv) = p_max / (1 + exp(slope * (pv - midpoint)))``: a logistic curve falling from
    ``p_max`` for the least stable countries (WGI ``pv`` near -2.5) towards zero for the most
    stable (+2.5). With the defaults p(-2) = 0.18, p(-1) = 0.10, p(0) = 0.024, p(1) = 0.004.
    These are assumptions, not estimates: no source relates WGI scores to supply disruptions.
    A disrupted country loses a uniform share in [``loss_low``, ``loss_high``] of every stage.
    Countries without a WGI score (``OTHER``) get ``p(missing_pv)``.
    """

    p_max: float = 0.2
    slope: float = 1.5
    midpoint: float = -1.0
    loss_low: float = 0.1
    loss_high: float = 0.5
    missing_pv: float = 0.0

    def probability(self, pv: npt.ArrayLike) -> FloatArray:
        """Disruption probability per year for WGI ``pv`` estimates."""
        x = np.asarray(pv, dtype=float)
        return self.p_max / (1.0 + np.exp(self.slope * (x - self.midpoint)))

    def to_dict(self) -> dict[str, float]:
        """Parameters for reports."""
        return {
            "p_max": self.p_max, "slope": self.slope, "midpoint": self.midpoint,
            "loss_low": self.loss_low, "loss_high": self.loss_high,
            "missing_pv": self.missing_pv,
        }


@dataclass(frozen=True)
class Uncertain:
    """A shock's value: central, range, and the chance it happens at all."""

    central: float
    low: float | None = None
    high: float | None = None
    probability: float | None = None
    label: str = ""

    def sample(self, rng: np.random.Generator, n: int) -> FloatArray:
        """Values for ``n`` draws, zero where the shock does not happen."""
        happens = rng.random(n) < (1.0 if self.probability is None else self.probability)
        if self.low is not None and self.high is not None and self.high > self.low:
            value = rng.uniform(self.low, self.high, n)
        else:
            value = np.full(n, self.central)
        return np.where(happens, value, 0.0)


@dataclass(frozen=True)
class RiskModel:
    """Everything a draw needs, fixed before sampling.

    ``base`` holds country capacities without the scenario's capacity shocks; each addition
    adds ``value * delta`` (``delta`` per tonne of the shock, element splits and ramps
    included); each loss multiplies the masked capacities by ``1 - share``; ``blocks`` give
    each of ``base.blocks`` its uncertain share.
    """

    base: Network
    target: Target
    p_disrupt: FloatArray
    mapping: DisruptionMapping
    additions: tuple[tuple[FloatArray, Uncertain], ...] = ()
    #: optional: base capacity as ``sum(value * component)`` with uncertain values (an
    #: element's share of each deposit type); empty means ``base.capacity`` as it is
    components: tuple[tuple[FloatArray, Uncertain], ...] = ()
    losses: tuple[tuple[BoolArray, Uncertain], ...] = ()
    blocks: tuple[Uncertain, ...] = ()
    demand: float | None = None
    # derived by compile_model
    classes: tuple[tuple[str, ...], ...] = ()
    membership: FloatArray = field(default_factory=lambda: np.zeros((0, 0)))
    graph: FlowGraph | None = None
    cuts: CutSet | None = None
    arc_stage: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, np.int64))
    arc_class: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, np.int64))
    arc_block: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, np.int64))
    arc_const: FloatArray = field(default_factory=lambda: np.zeros(0))
    term_matrix: FloatArray = field(default_factory=lambda: np.zeros((0, 0)))
    reference: float = 0.0


def _class_key(net: Network, target: Target, country: str) -> tuple[Any, ...]:
    origins = {b.country for b in net.blocks}
    tie_dests = {d for dests in net.ties.values() for d in dests}
    unique = country if country in origins or country in tie_dests else ""
    ties = tuple(sorted((s, tuple(sorted(d))) for (c, s), d in net.ties.items() if c == country))
    in_dests = tuple(b.destinations is not None and country in b.destinations
                     for b in net.blocks)
    return (target.contains(country), unique, ties, in_dests)


def _aggregate(net: Network, target: Target, possible: FloatArray) -> tuple[
    tuple[tuple[str, ...], ...], FloatArray, Network, Target
]:
    keys: dict[tuple[Any, ...], list[str]] = {}
    for i, c in enumerate(net.countries):
        if possible[i].sum() > 0:
            keys.setdefault(_class_key(net, target, c), []).append(c)
    classes = tuple(tuple(v) for v in keys.values())
    labels = tuple("+".join(m) for m in classes)
    label_of = {c: labels[k] for k, members in enumerate(classes) for c in members}
    membership = np.zeros((len(net.countries), len(classes)))
    for k, members in enumerate(classes):
        for c in members:
            membership[net.countries.index(c), k] = 1.0
    structure = (possible.T @ membership).T > 0
    ties = {(label_of[c], s): frozenset(label_of[d] for d in dests if d in label_of)
            for (c, s), dests in net.ties.items() if c in label_of}
    # Names of countries outside the classes (no capacity: they only receive) are kept as
    # they are in block destinations and in the target, so that "does this block cover the
    # target" reads the same on the class graph as on the country graph.
    blocks = tuple(
        Block(label_of[b.country], b.stage, 0.5,
              None if b.destinations is None
              else frozenset(label_of.get(d, d) for d in b.destinations), b.label)
        for b in net.blocks if b.country in label_of
    )
    agg = Network(net.commodity, net.year, net.unit, net.stages, labels,
                  structure.astype(float), ties=ties, blocks=blocks)
    # keep the target's form (member list or world-minus) so that blocks cover it alike
    if target.include is None:
        agg_target = Target(target.name, exclude=frozenset(
            labels[k] for k, m in enumerate(classes) if not target.contains(m[0])
        ) | frozenset(c for c in target.exclude if c not in label_of))
    else:
        agg_target = Target(target.name, include=frozenset(
            labels[k] for k, m in enumerate(classes) if target.contains(m[0])
        ) | frozenset(c for c in target.include if c not in label_of))
    return classes, membership, agg, agg_target


def compile_model(model: RiskModel) -> RiskModel:
    """Aggregate the network, build its graph, enumerate its cuts, map arcs to capacities."""
    net = model.base
    possible = net.capacity.copy()
    for component, _ in model.components:
        possible = possible + np.abs(component)
    for delta, _ in model.additions:
        possible = possible + np.abs(delta)
    if len({(b.country, b.stage) for b in net.blocks}) != len(net.blocks):
        raise CritminError("the Monte Carlo supports one block per country and stage")
    classes, membership, agg, agg_target = _aggregate(net, model.target, possible)
    graph = flow_graph(agg, agg_target, demand=model.demand)
    cuts = enumerate_cuts(graph)
    labels = agg.countries
    arc_stage, arc_class, arc_block, arc_const = [], [], [], []
    block_index = {(b.country, b.stage): i for i, b in enumerate(agg.blocks)}
    for a in cuts.arcs:
        arc = graph.arcs[int(a)]
        if arc.kind == DEMAND:
            arc_stage.append(0)
            arc_class.append(0)
            arc_block.append(-1)
            arc_const.append(float(graph.caps[int(a)]))
            continue
        if arc.kind not in (CAPACITY, EXPORT):
            raise CritminError(f"unexpected finite arc {arc}")
        arc_stage.append(net.stages.index(arc.stage))
        arc_class.append(labels.index(arc.country))
        arc_block.append(block_index[(arc.country, arc.stage)] if arc.kind == EXPORT else -1)
        arc_const.append(np.nan)
    compiled = replace(
        model, classes=classes, membership=membership, graph=graph, cuts=cuts,
        arc_stage=np.asarray(arc_stage, np.int64), arc_class=np.asarray(arc_class, np.int64),
        arc_block=np.asarray(arc_block, np.int64), arc_const=np.asarray(arc_const),
    )
    terms = capacity_terms(compiled)  # (J, N, S) -> (J * N, S * K)
    term_matrix = np.einsum("jns,nk->jnsk", terms, membership).reshape(
        terms.shape[0] * terms.shape[1], -1)
    compiled = replace(compiled, term_matrix=term_matrix)
    central = central_network(compiled)
    return replace(compiled, reference=max_flow(central, model.target,
                                                demand=model.demand).value)


def central_network(model: RiskModel) -> Network:
    """The network with every shock at its central value and no disruption."""
    cap = model.base.capacity.copy()
    for delta, u in model.additions:
        cap = cap + u.central * delta
    for mask, u in model.losses:
        cap = cap * np.where(mask, 1.0 - u.central, 1.0)
    blocks = tuple(replace(b, share=u.central) for b, u in zip(model.base.blocks, model.blocks,
                                                                strict=True))
    return replace(model.base, capacity=cap, blocks=blocks)


@dataclass(frozen=True)
class Draws:
    """The random part of ``n`` draws.

    ``weights[:, j]`` multiplies capacity term ``j`` (see :func:`capacity_terms`); ``keep`` is
    each country's remaining share after a disruption (1 when not disrupted).
    """

    weights: FloatArray
    losses: FloatArray
    shares: FloatArray
    disrupted: BoolArray
    keep: FloatArray


def capacity_terms(model: RiskModel) -> FloatArray:
    """Country capacity terms ``(terms, countries, stages)``: base (or components), additions.

    A draw's capacities before losses and disruptions are ``sum_j weights[j] * terms[j]``.
    """
    parts = [c for c, _ in model.components] or [model.base.capacity]
    parts += [delta for delta, _ in model.additions]
    return np.stack(parts)


def draw(model: RiskModel, rng: np.random.Generator, n: int) -> Draws:
    """Sample ``n`` draws.

    The order of the random streams is fixed: components, additions, losses, blocks,
    disruptions (so the same seed gives the same draws).
    """
    weights = [u.sample(rng, n) for _, u in model.components] or [np.ones(n)]
    weights += [u.sample(rng, n) for _, u in model.additions]
    losses = [u.sample(rng, n) for _, u in model.losses]
    shares = [u.sample(rng, n) for u in model.blocks]
    disrupted = rng.random((n, len(model.p_disrupt))) < model.p_disrupt[None]
    loss = rng.uniform(model.mapping.loss_low, model.mapping.loss_high, disrupted.shape)
    return Draws(
        weights=np.stack(weights, axis=1),
        losses=np.stack(losses, axis=1) if losses else np.zeros((n, 0)),
        shares=np.stack(shares, axis=1) if shares else np.zeros((n, 0)),
        disrupted=disrupted,
        keep=1.0 - np.where(disrupted, loss, 0.0),
    )


def capacities(model: RiskModel, d: Draws) -> FloatArray:
    """Country capacities ``(n, countries, stages)`` of the draws [t/yr]."""
    cap = np.einsum("dj,jns->dns", d.weights, capacity_terms(model))
    for i, (mask, _) in enumerate(model.losses):
        cap *= 1.0 - d.losses[:, i, None, None] * mask[None]
    return cap * d.keep[:, :, None]


def aggregated(model: RiskModel, d: Draws) -> FloatArray:
    """Class capacities ``(n, stages, classes)`` of the draws [t/yr].

    Without capacity losses this is one matrix product: the (term weight x country keep)
    products times the precomputed terms summed into classes; no country-level array.
    """
    if model.losses or model.term_matrix.size == 0:
        return np.einsum("dns,nk->dsk", capacities(model, d), model.membership, optimize=True)
    n = d.keep.shape[0]
    x = (d.weights[:, :, None] * d.keep[:, None, :]).reshape(n, -1)
    s_, k_ = model.base.capacity.shape[1], model.membership.shape[1]
    return (x @ model.term_matrix).reshape(n, s_, k_)


def sample(model: RiskModel, rng: np.random.Generator, n: int) -> tuple[
    FloatArray, FloatArray, BoolArray
]:
    """Country capacities ``(n, countries, stages)``, block shares ``(n, blocks)``, disruptions."""
    d = draw(model, rng, n)
    return capacities(model, d), d.shares, d.disrupted


def flows_from_classes(model: RiskModel, agg: FloatArray, shares: FloatArray) -> FloatArray:
    """Maximum flow per draw from class capacities ``(n, stages, classes)`` [t/yr]."""
    if model.cuts is None:
        raise CritminError("compile the model first (compile_model)")
    arc_cap = agg[:, model.arc_stage, model.arc_class]
    export = model.arc_block >= 0
    if export.any():
        arc_cap[:, export] *= 1.0 - shares[:, model.arc_block[export]]
    const = ~np.isnan(model.arc_const)
    if const.any():
        arc_cap[:, const] = model.arc_const[const]
    return model.cuts.flow(arc_cap)


def flows(model: RiskModel, cap: FloatArray, shares: FloatArray) -> FloatArray:
    """Maximum deliverable flow per draw [t/yr] from country capacities, in closed form."""
    agg = np.einsum("dns,nk->dsk", cap, model.membership, optimize=True)
    return flows_from_classes(model, agg, shares)


@dataclass(frozen=True)
class Partition:
    """One partition's draws and its per-country sums for contributions."""

    values: FloatArray
    shortfall_if_disrupted: FloatArray
    disrupted: npt.NDArray[np.int64]


def run_partition(model: RiskModel, seed: np.random.SeedSequence, n: int) -> Partition:
    """Draw ``n`` times from a partition's own seed."""
    rng = np.random.default_rng(seed)
    d = draw(model, rng, n)
    values = flows_from_classes(model, aggregated(model, d), d.shares)
    shortfall = np.clip(model.reference - values, 0.0, None)
    return Partition(values, shortfall @ d.disrupted,
                     d.disrupted.sum(axis=0).astype(np.int64))


def partition_sizes(draws: int, size: int = PARTITION_SIZE) -> list[int]:
    """Sizes of the partitions of ``draws`` (all ``size`` but the last)."""
    if draws < 1:
        raise CritminError("draws must be at least 1")
    full, rest = divmod(draws, size)
    return [size] * full + ([rest] if rest else [])


def partition_seeds(seed: int, n: int) -> list[np.random.SeedSequence]:
    """Independent child seeds, one per partition."""
    return np.random.SeedSequence(seed).spawn(n)


@dataclass(frozen=True)
class RiskResult:
    """The distribution of deliverable volume and its summaries."""

    key: str
    target: str
    unit: str
    reference: float
    values: FloatArray
    countries: tuple[str, ...]
    p_disrupt: FloatArray
    disrupted: npt.NDArray[np.int64]
    shortfall_if_disrupted: FloatArray
    seed: int
    mapping: DisruptionMapping
    thresholds: tuple[float, ...] = (0.05, 0.1, 0.25, 0.5)

    @property
    def shortfall(self) -> FloatArray:
        """Reference minus deliverable, floored at zero [t/yr]."""
        return np.clip(self.reference - self.values, 0.0, None)

    def disruption_effects(self) -> FloatArray:
        """Each country's contribution to the mean shortfall [t/yr].

        ``P(disrupted) * (E[shortfall | disrupted] - E[shortfall | not disrupted])`` from the
        draws: what a country's disruptions add, net of shortfalls other causes (uncertain
        shocks, other countries) produce anyway. Contribution shares normalise the positive
        effects to 1.
        """
        n = self.values.size
        k = self.disrupted.astype(float)
        total = float(self.shortfall.sum())
        with np.errstate(invalid="ignore", divide="ignore"):
            when = np.where(k > 0, self.shortfall_if_disrupted / np.maximum(k, 1), 0.0)
            rest = np.where(n - k > 0, (total - self.shortfall_if_disrupted)
                            / np.maximum(n - k, 1), 0.0)
        return np.where((k > 0) & (n - k > 0), k / n * (when - rest), 0.0)

    def expected_shortfall(self, level: float = 0.95) -> float:
        """Mean shortfall in the worst ``1 - level`` of draws [t/yr] (CVaR)."""
        s = np.sort(self.shortfall)
        k = max(1, math.ceil((1.0 - level) * s.size))
        return float(s[-k:].mean())

    def to_dict(self) -> dict[str, Any]:
        """Summary for JSON and tables."""
        v, s, ref = self.values, self.shortfall, self.reference
        effects = self.disruption_effects()
        total = float(np.clip(effects, 0.0, None).sum())
        contrib: list[dict[str, Any]] = [
            {"country": c, "p_disrupt": round(float(p), 5),
             "disrupted_share": round(float(k) / v.size, 5),
             "mean_shortfall_when_disrupted_t": round(float(sh / k), 3) if k else 0.0,
             "expected_shortfall_added_t": round(float(e), 3),
             "contribution": round(max(0.0, float(e)) / total, 5) if total > 0 else 0.0}
            for c, p, k, sh, e in zip(self.countries, self.p_disrupt, self.disrupted,
                                      self.shortfall_if_disrupted, effects, strict=True)
        ]
        contrib.sort(key=lambda r: -float(r["contribution"]))
        return {
            "network": self.key, "target": self.target, "unit": self.unit, "draws": int(v.size),
            "seed": self.seed, "reference_t": round(ref, 3),
            "mean_t": round(float(v.mean()), 3), "std_t": round(float(v.std()), 3),
            "percentiles_t": {f"p{q}": round(float(np.percentile(v, q)), 3)
                              for q in (1, 5, 50, 95)},
            "p_shortfall_over": {f"{x:.0%}": round(float(np.mean(s > x * ref)), 5)
                                 for x in self.thresholds},
            "expected_shortfall_95_t": round(self.expected_shortfall(0.95), 3),
            "contributions": contrib,
            "disruption_mapping": self.mapping.to_dict(),
        }


def combine(model: RiskModel, key: str, parts: Sequence[Partition], seed: int) -> RiskResult:
    """Concatenate partitions in order into one result."""
    return RiskResult(
        key=key, target=model.target.name, unit=model.base.unit, reference=model.reference,
        values=np.concatenate([p.values for p in parts]),
        countries=model.base.countries, p_disrupt=model.p_disrupt,
        disrupted=np.sum([p.disrupted for p in parts], axis=0),
        shortfall_if_disrupted=np.sum([p.shortfall_if_disrupted for p in parts], axis=0),
        seed=seed, mapping=model.mapping,
    )


def simulate(
    model: RiskModel, draws: int, seed: int, *, key: str = "",
    partition_size: int = PARTITION_SIZE, progress: Callable[[int], None] | None = None,
) -> RiskResult:
    """Run the ensemble in this process, partition by partition."""
    sizes = partition_sizes(draws, partition_size)
    seeds = partition_seeds(seed, len(sizes))
    parts = []
    for n, s in zip(sizes, seeds, strict=True):
        parts.append(run_partition(model, s, n))
        if progress:
            progress(n)
    return combine(model, key or model.base.commodity, parts, seed)


def check_against_lp(model: RiskModel, n: int = 20, seed: int = 0) -> float:
    """Largest absolute gap between the closed form and HiGHS on ``n`` sampled draws [t/yr]."""
    rng = np.random.default_rng(seed)
    draws = draw(model, rng, n)
    cap, shares = capacities(model, draws), draws.shares
    closed = flows_from_classes(model, aggregated(model, draws), shares)
    worst = 0.0
    for d in range(n):
        blocks = tuple(replace(b, share=float(shares[d, i]))
                       for i, b in enumerate(model.base.blocks))
        net = replace(model.base, capacity=cap[d], blocks=blocks)
        lp = max_flow(net, model.target, demand=model.demand).value
        worst = max(worst, abs(lp - float(closed[d])))
    return worst


def disruption_probabilities(
    countries: Sequence[str], pv: Mapping[str, float], mapping: DisruptionMapping
) -> FloatArray:
    """Each country's annual disruption probability from its WGI ``pv`` estimate."""
    x = np.array([pv.get(c, mapping.missing_pv) for c in countries], dtype=float)
    return mapping.probability(x)
