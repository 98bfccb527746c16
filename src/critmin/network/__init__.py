"""The multi-stage supply network: capacities by country and stage, shocks, max flow, min cut."""

from critmin.network.graph import Block, Network, Provenance, Target, build_network
from critmin.network.solve import CutArc, FlowResult, max_flow

__all__ = [
    "Block",
    "CutArc",
    "FlowResult",
    "Network",
    "Provenance",
    "Target",
    "build_network",
    "max_flow",
]
