"""Concentration, dependency and governance-weighted risk: pure functions over arrays."""

from critmin.metrics.concentration import (
    dependency_on_largest,
    hhi,
    shares,
    top_n_share,
)
from critmin.metrics.governance import (
    governance_weighted_hhi,
    wgi_scaled,
)

__all__ = [
    "dependency_on_largest",
    "governance_weighted_hhi",
    "hhi",
    "shares",
    "top_n_share",
    "wgi_scaled",
]
