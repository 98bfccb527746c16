"""Governance-weighted concentration, as in the EU critical raw materials method.

The EU method (European Commission, *Methodology for establishing the EU list of critical
raw materials*, 2017, section on supply risk) weights each supplier country's squared share
by its World Bank WGI score rescaled to 0-10 (10 = worst governance):

    HHI_WGI = sum_i s_i^2 * WGI_i,   s_i in [0, 1],  WGI_i in [0, 10]

so HHI_WGI lies in [0, 10].
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from critmin.errors import CritminError
from critmin.metrics.concentration import shares

#: The WGI estimates run roughly from -2.5 (worst) to +2.5 (best).
WGI_MIN, WGI_MAX = -2.5, 2.5


def wgi_scaled(estimate: float | npt.ArrayLike) -> npt.NDArray[np.float64]:
    """Rescale WGI estimates [-2.5, 2.5] to [0, 10] with 10 the worst, clipping outliers.

    ``scaled = (WGI_MAX - estimate) / (WGI_MAX - WGI_MIN) * 10``.
    """
    est = np.asarray(estimate, dtype=float)
    return np.clip((WGI_MAX - est) / (WGI_MAX - WGI_MIN) * 10.0, 0.0, 10.0)


def governance_weighted_hhi(
    values: Iterable[float] | npt.ArrayLike, wgi_0_10: Iterable[float] | npt.ArrayLike
) -> float:
    """Governance-weighted HHI [0-10]: squared shares weighted by WGI rescaled to 0-10.

    Parameters
    ----------
    values
        Producers' quantities (any unit).
    wgi_0_10
        Each producer's governance score on the 0-10 scale (10 worst), e.g. from
        :func:`wgi_scaled` of the mean of the six WGI estimates.
    """
    s = shares(values)
    w = np.asarray(wgi_0_10 if isinstance(wgi_0_10, np.ndarray) else list(wgi_0_10), float)  # type: ignore[arg-type]
    if w.shape != s.shape:
        raise CritminError(f"{s.size} quantities but {w.size} governance scores")
    if np.isnan(w).any():
        raise CritminError("governance scores contain NaN; impute or drop those producers first")
    return float(np.sum(s * s * w))
