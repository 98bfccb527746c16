"""Maximum deliverable flow to a target, solved as an LP with HiGHS, and its minimum cut.

The network (:class:`critmin.network.graph.Network`) is turned into a directed graph:

- each (country, stage) becomes two nodes joined by an arc of the stage's capacity
  (node splitting, so a capacity is an arc the minimum cut can name);
- the source feeds every mining node; material moves from a stage's out-node to the next
  stage's in-node of the same country (domestic) or any other country (trade), unless a tie
  restricts the destinations;
- a block (export control, sanction) routes the blocked destinations through an export hub
  whose one arc carries ``(1 - share) * capacity``;
- the last stage's out-nodes deliver to the sink when the country is in the target, or by
  export (blocked or not) when it is not.

The LP is built by small ``define_*`` helpers and solved by HiGHS through
:func:`scipy.optimize.linprog`. The minimum cut is read from the residual graph of the
optimal flow (the source side is what the source can still reach), which by the max-flow
min-cut theorem has the same value as the flow; it names the bottleneck.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse
from scipy.optimize import linprog

from critmin.errors import CritminError
from critmin.network.graph import WORLD_TARGET, Network, Target

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

#: Arc kinds, for naming the cut.
SUPPLY, CAPACITY, TRADE, EXPORT, DELIVER, DEMAND = (
    "supply", "capacity", "trade", "export", "deliver", "demand"
)


@dataclass(frozen=True, slots=True)
class Arc:
    """What an arc of the flow graph stands for."""

    kind: str
    country: str = ""
    stage: str = ""
    to: str = ""
    label: str = ""


@dataclass(frozen=True)
class FlowGraph:
    """A directed graph with arc capacities (``inf`` for unlimited)."""

    nodes: tuple[str, ...]
    tails: IntArray
    heads: IntArray
    caps: FloatArray
    arcs: tuple[Arc, ...]
    source: int
    sink: int


@dataclass(frozen=True, slots=True)
class CutArc:
    """One arc of the minimum cut: a saturated capacity or export limit."""

    kind: str
    country: str
    stage: str
    capacity: float
    to: str = ""
    label: str = ""


@dataclass(frozen=True)
class FlowResult:
    """The solved flow: its value [t/yr], arc flows, the minimum cut and its stage."""

    value: float
    flows: FloatArray
    cut: tuple[CutArc, ...]
    graph: FlowGraph

    @property
    def bottleneck_stage(self) -> str:
        """The stage holding most of the cut's capacity ("" when the cut is empty)."""
        by_stage: dict[str, float] = {}
        for arc in self.cut:
            by_stage[arc.stage] = by_stage.get(arc.stage, 0.0) + arc.capacity
        return max(by_stage, key=lambda s: by_stage[s]) if by_stage else ""

    def throughput(self, kind: str = CAPACITY) -> dict[tuple[str, str], float]:
        """Flow through each (country, stage) capacity arc [t/yr]."""
        out: dict[tuple[str, str], float] = {}
        for arc, flow in zip(self.graph.arcs, self.flows, strict=True):
            if arc.kind == kind:
                out[(arc.country, arc.stage)] = out.get((arc.country, arc.stage), 0.0) + flow
        return out


class _Builder:
    def __init__(self) -> None:
        self.names: dict[str, int] = {}
        self.tails: list[int] = []
        self.heads: list[int] = []
        self.caps: list[float] = []
        self.arcs: list[Arc] = []

    def node(self, name: str) -> int:
        return self.names.setdefault(name, len(self.names))

    def arc(self, tail: str, head: str, cap: float, arc: Arc) -> None:
        self.tails.append(self.node(tail))
        self.heads.append(self.node(head))
        self.caps.append(cap)
        self.arcs.append(arc)


def _block_share(network: Network, country: str, stage: str, dest: str) -> float:
    shares = [
        b.share for b in network.blocks
        if b.country == country and b.stage == stage
        and (b.destinations is None or dest in b.destinations)
    ]
    return max(shares, default=0.0)


def _deliver_share(network: Network, country: str, stage: str, target: Target) -> float:
    shares = [
        b.share for b in network.blocks
        if b.country == country and b.stage == stage and target.covered_by(b.destinations)
    ]
    return max(shares, default=0.0)


def define_capacities(b: _Builder, network: Network, last: int) -> None:
    """Capacity arcs in(c, s) -> out(c, s), and the source's arcs to the first stage."""
    for i, country in enumerate(network.countries):
        for j in range(last + 1):
            cap = float(network.capacity[i, j])
            if cap <= 0:
                continue
            stage = network.stages[j]
            b.arc(f"in:{country}:{stage}", f"out:{country}:{stage}", cap,
                  Arc(CAPACITY, country, stage))
            if j == 0:
                b.arc("source", f"in:{country}:{stage}", np.inf, Arc(SUPPLY, country, stage))


def define_trade(b: _Builder, network: Network, last: int) -> None:
    """Arcs from each stage to the next: domestic, free trade, and blocked exports via hubs."""
    inf = np.inf
    for j in range(last):
        stage, nxt = network.stages[j], network.stages[j + 1]
        for i, country in enumerate(network.countries):
            cap = float(network.capacity[i, j])
            if cap <= 0:
                continue
            allowed = network.ties.get((country, stage))
            hubs: dict[float, list[str]] = {}
            for k, dest in enumerate(network.countries):
                if network.capacity[k, j + 1] <= 0:
                    continue
                if allowed is not None and dest not in allowed:
                    continue
                tail = f"out:{country}:{stage}"
                if dest == country:
                    b.arc(tail, f"in:{dest}:{nxt}", inf, Arc(TRADE, country, stage, dest))
                    continue
                share = _block_share(network, country, stage, dest)
                if share <= 0:
                    b.arc(tail, f"in:{dest}:{nxt}", inf, Arc(TRADE, country, stage, dest))
                else:
                    hubs.setdefault(share, []).append(dest)
            for share, dests in sorted(hubs.items()):
                hub = f"hub:{country}:{stage}:{share:g}"
                b.arc(f"out:{country}:{stage}", hub, (1.0 - share) * cap,
                      Arc(EXPORT, country, stage, ",".join(dests), f"{share:.0%} blocked"))
                for dest in dests:
                    b.arc(hub, f"in:{dest}:{nxt}", inf, Arc(TRADE, country, stage, dest))


def define_delivery(
    b: _Builder, network: Network, last: int, target: Target, demand: float | None
) -> None:
    """Arcs from the last stage's out-nodes to the target (the sink)."""
    stage = network.stages[last]
    sink = "deliver" if demand is not None else "sink"
    for i, country in enumerate(network.countries):
        cap = float(network.capacity[i, last])
        if cap <= 0:
            continue
        tail = f"out:{country}:{stage}"
        if target.contains(country):
            b.arc(tail, sink, np.inf, Arc(DELIVER, country, stage, target.name))
            continue
        share = _deliver_share(network, country, stage, target)
        if share <= 0:
            b.arc(tail, sink, np.inf, Arc(DELIVER, country, stage, target.name))
        else:
            b.arc(tail, sink, (1.0 - share) * cap,
                  Arc(EXPORT, country, stage, target.name, f"{share:.0%} blocked"))
    if demand is not None:
        b.arc("deliver", "sink", float(demand), Arc(DEMAND, "", stage, target.name))


def flow_graph(
    network: Network, target: Target = WORLD_TARGET, *, upto: str | None = None,
    demand: float | None = None,
) -> FlowGraph:
    """Assemble the flow graph of a network delivering stage ``upto`` (default: the last)."""
    last = network.stages.index(upto) if upto is not None else len(network.stages) - 1
    b = _Builder()
    b.node("source")
    b.node("sink")
    define_capacities(b, network, last)
    define_trade(b, network, last)
    define_delivery(b, network, last, target, demand if upto is None else None)
    return FlowGraph(
        nodes=tuple(b.names),
        tails=np.asarray(b.tails, dtype=np.int64),
        heads=np.asarray(b.heads, dtype=np.int64),
        caps=np.asarray(b.caps, dtype=float),
        arcs=tuple(b.arcs),
        source=b.names["source"],
        sink=b.names["sink"],
    )


def solve_lp(graph: FlowGraph) -> tuple[float, FloatArray]:
    """Maximise the flow into the sink with HiGHS; return (value, arc flows).

    Variables are arc flows within [0, capacity]; every node but the source and the sink
    conserves mass.
    """
    n_arcs = len(graph.arcs)
    if n_arcs == 0:
        return 0.0, np.zeros(0)
    inner = [k for k in range(len(graph.nodes)) if k not in (graph.source, graph.sink)]
    row = {node: r for r, node in enumerate(inner)}
    data, rows, cols = [], [], []
    for a in range(n_arcs):
        t, h = int(graph.tails[a]), int(graph.heads[a])
        if h in row:
            rows.append(row[h])
            cols.append(a)
            data.append(1.0)
        if t in row:
            rows.append(row[t])
            cols.append(a)
            data.append(-1.0)
    a_eq = sparse.csr_array((data, (rows, cols)), shape=(len(inner), n_arcs))
    c = -(graph.heads == graph.sink).astype(float) + (graph.tails == graph.sink).astype(float)
    bounds = [(0.0, None if np.isinf(cap) else float(cap)) for cap in graph.caps]
    res = linprog(c, A_eq=a_eq, b_eq=np.zeros(len(inner)), bounds=bounds, method="highs")
    if res.status == 3:
        raise CritminError("the flow is unbounded: a path from source to sink has no capacity")
    if res.status != 0:
        raise CritminError(f"HiGHS did not solve the flow LP: {res.message}")
    flows = np.clip(np.asarray(res.x, dtype=float), 0.0, None)
    return float(-res.fun), flows


def min_cut(graph: FlowGraph, flows: FloatArray, *, tol: float = 1e-7) -> tuple[CutArc, ...]:
    """Arcs from the source side to the sink side of the residual graph of a maximum flow."""
    n = len(graph.nodes)
    scale = max(1.0, float(np.max(flows, initial=0.0)))
    adjacency: list[list[int]] = [[] for _ in range(n)]
    for a in range(len(graph.arcs)):
        t, h = int(graph.tails[a]), int(graph.heads[a])
        if flows[a] < graph.caps[a] - tol * scale:
            adjacency[t].append(h)
        if flows[a] > tol * scale:
            adjacency[h].append(t)
    seen = np.zeros(n, dtype=bool)
    seen[graph.source] = True
    queue = deque([graph.source])
    while queue:
        u = queue.popleft()
        for v in adjacency[u]:
            if not seen[v]:
                seen[v] = True
                queue.append(v)
    cut = []
    for a, arc in enumerate(graph.arcs):
        if seen[graph.tails[a]] and not seen[graph.heads[a]]:
            cut.append(CutArc(arc.kind, arc.country, arc.stage, float(graph.caps[a]), arc.to,
                              arc.label))
    return tuple(cut)


def max_flow(
    network: Network, target: Target = WORLD_TARGET, *, upto: str | None = None,
    demand: float | None = None,
) -> FlowResult:
    """Most material [t/yr] the network can deliver to ``target``, with the minimum cut.

    Parameters
    ----------
    network
        Capacities, ties and blocks.
    target
        Who receives the last stage's output (``upto``'s output if given).
    upto
        Deliver this stage's product instead of the last stage's.
    demand
        Cap on what the target takes [t/yr]; ``None`` for no cap.
    """
    graph = flow_graph(network, target, upto=upto, demand=demand)
    value, flows = solve_lp(graph)
    return FlowResult(value=value, flows=flows, cut=min_cut(graph, flows), graph=graph)
