"""Market concentration of supply: shares, Herfindahl-Hirschman index, top-n shares.

All functions take producers' quantities (any unit, any order) and are invariant to both.
Shares are of the sum of the quantities given: pass the country figures (and an "other
countries" remainder if the publisher gives one), not a rounded world total.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from critmin.errors import CritminError

FloatArray = npt.NDArray[np.float64]


def _as_quantities(values: Iterable[float] | npt.ArrayLike) -> FloatArray:
    arr = np.asarray(values if isinstance(values, np.ndarray) else list(values), dtype=float)  # type: ignore[arg-type]
    if arr.ndim != 1:
        raise CritminError(f"quantities must be one-dimensional, got shape {arr.shape}")
    if np.isnan(arr).any():
        raise CritminError("quantities contain NaN; drop withheld or missing figures first")
    if (arr < 0).any():
        raise CritminError("quantities must not be negative")
    return arr


def shares(values: Iterable[float] | npt.ArrayLike) -> FloatArray:
    """Each producer's share of the total [fraction, 0-1].

    Parameters
    ----------
    values
        Non-negative quantities, one per producer.

    Returns
    -------
    numpy.ndarray
        Shares summing to 1, or all zeros when the total is zero.
    """
    arr = _as_quantities(values)
    total = arr.sum()
    if total == 0:
        return np.zeros_like(arr)
    return arr / total


def hhi(values: Iterable[float] | npt.ArrayLike) -> float:
    """Herfindahl-Hirschman index of the quantities [0-10,000].

    The sum of squared percentage shares: 10,000 for a single producer, 10,000/n for n equal
    producers. The U.S. DOJ/FTC 2023 Merger Guidelines call a market above 1,800 highly
    concentrated. Zero when there is no supply.
    """
    s = shares(values) * 100.0
    return float(np.sum(s * s))


def top_n_share(values: Iterable[float] | npt.ArrayLike, n: int = 3) -> float:
    """Combined share of the ``n`` largest producers [fraction]."""
    if n < 1:
        raise CritminError(f"n must be at least 1, got {n}")
    s = np.sort(shares(values))[::-1]
    return float(s[:n].sum())


def dependency_on_largest(values: Iterable[float] | npt.ArrayLike) -> float:
    """Share of the largest producer [fraction]: how much depends on one country."""
    s = shares(values)
    return float(s.max()) if s.size else 0.0
