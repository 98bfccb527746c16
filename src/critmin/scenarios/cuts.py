"""Closed-form maximum flow for many draws: enumerate the cuts of a small aggregated graph.

By the max-flow min-cut theorem the most a network can deliver is the smallest total
capacity over its cuts. When only the finite capacities change from draw to draw (the
structure is fixed), the cuts can be listed once, and every draw's maximum flow is

    flow[d] = min over cuts c of  sum over arcs a in c of  capacity[d, a]

which is one matrix product and one row minimum: no LP per draw. Listing the cuts is
exponential in the number of nodes, so it is done on the aggregated graph (countries that
behave alike merged into one node per stage; see :mod:`critmin.scenarios.montecarlo`),
keeping only cuts that cross no unlimited arc and are not supersets of another cut.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from critmin.errors import CritminError
from critmin.network.solve import FlowGraph

FloatArray = npt.NDArray[np.float64]

#: Refuse to enumerate more closed sets than this (the graph is too fine to aggregate).
MAX_CLOSED_SETS = 2_000_000


@dataclass(frozen=True)
class CutSet:
    """The minimal finite cuts: ``matrix[a, c]`` is 1 if finite arc ``a`` is in cut ``c``.

    ``arcs`` indexes the graph's arcs that are finite (the rows of ``matrix``).
    """

    arcs: npt.NDArray[np.int64]
    matrix: FloatArray

    def flow(self, capacities: FloatArray) -> FloatArray:
        """Maximum flow per draw from finite-arc capacities ``(draws, len(arcs))`` [t/yr]."""
        if self.matrix.shape[1] == 0:
            raise CritminError("the graph has no finite cut: its flow is unbounded")
        return np.min(capacities @ self.matrix, axis=1)


def _topological(graph: FlowGraph) -> list[int]:
    n = len(graph.nodes)
    indegree = np.zeros(n, dtype=int)
    np.add.at(indegree, graph.heads, 1)
    succ: list[list[int]] = [[] for _ in range(n)]
    for t, h in zip(graph.tails, graph.heads, strict=True):
        succ[int(t)].append(int(h))
    order, stack = [], [k for k in range(n) if indegree[k] == 0]
    while stack:
        u = stack.pop()
        order.append(u)
        for v in succ[u]:
            indegree[v] -= 1
            if indegree[v] == 0:
                stack.append(v)
    if len(order) != n:
        raise CritminError("the flow graph has a cycle; cut enumeration needs a DAG")
    return order


def enumerate_cuts(graph: FlowGraph) -> CutSet:
    """All minimal cuts of a DAG that cross only finite arcs.

    A cut is a node set ``S`` holding the source but not the sink; it must be closed under
    unlimited arcs (else its capacity is infinite). Nodes are decided in topological order,
    so a node whose unlimited predecessor is in ``S`` is forced into ``S``; every other node
    branches. Arc sets that are supersets of another are dropped (never smaller).
    """
    n = len(graph.nodes)
    inf = np.isinf(graph.caps)
    inf_pred: list[list[int]] = [[] for _ in range(n)]
    for a in np.flatnonzero(inf):
        inf_pred[int(graph.heads[a])].append(int(graph.tails[a]))
    order = [v for v in _topological(graph) if v not in (graph.source, graph.sink)]
    leaves: list[int] = []
    source_bit = 1 << graph.source

    def visit(i: int, members: int) -> None:
        if len(leaves) > MAX_CLOSED_SETS:
            raise CritminError("too many cuts to enumerate; aggregate the network further")
        if i == len(order):
            if not any(members >> p & 1 for p in inf_pred[graph.sink]):
                leaves.append(members)
            return
        v = order[i]
        if any(members >> p & 1 for p in inf_pred[v]):
            visit(i + 1, members | (1 << v))
            return
        visit(i + 1, members)
        visit(i + 1, members | (1 << v))

    visit(0, source_bit)
    finite = np.flatnonzero(~inf)
    in_s = np.array([[(m >> k) & 1 for k in range(n)] for m in leaves], dtype=bool)
    crossing = in_s[:, graph.tails[finite]] & ~in_s[:, graph.heads[finite]]
    masks = sorted({int(sum(1 << j for j in np.flatnonzero(row))) for row in crossing},
                   key=lambda m: (m.bit_count(), m))
    minimal: list[int] = []
    for m in masks:
        if not any(k & m == k for k in minimal):
            minimal.append(m)
    matrix = np.array([[(m >> j) & 1 for m in minimal] for j in range(len(finite))],
                      dtype=float).reshape(len(finite), len(minimal))
    return CutSet(arcs=finite.astype(np.int64), matrix=matrix)
