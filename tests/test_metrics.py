"""Concentration and governance metrics against hand-computed values and invariants."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from critmin.errors import CritminError
from critmin.metrics import (
    dependency_on_largest,
    governance_weighted_hhi,
    hhi,
    shares,
    top_n_share,
    wgi_scaled,
)

quantities = st.lists(
    st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False),
    min_size=1,
    max_size=40,
).filter(lambda xs: sum(xs) > 1e-6)


def test_hhi_hand_computed():
    # 50/30/20 -> 2500 + 900 + 400
    assert hhi([50, 30, 20]) == pytest.approx(3800)
    assert hhi([1]) == pytest.approx(10_000)
    assert hhi([5, 5, 5, 5]) == pytest.approx(2500)
    assert hhi([0, 0]) == 0.0


def test_rare_earths_2024_country_figures_usgs_mcs2026():
    # USGS MCS 2026, rare earths, mine production 2024, t REO: the country rows and
    # "Other countries" (1,000). Hand computed: China 270,000 / 384,000 = 0.703.
    values = [270_000, 45_500, 29_000, 27_000, 2_900, 2_600, 2_100, 1_500, 1_400, 560, 300, 140,
              1_000]
    assert sum(values) == 384_000
    assert shares(values)[0] == pytest.approx(0.7031, abs=1e-4)
    assert hhi(values) == pytest.approx(5192.4, abs=0.5)
    assert top_n_share(values, 3) == pytest.approx((270_000 + 45_500 + 29_000) / 384_000)
    assert dependency_on_largest(values) == pytest.approx(270_000 / 384_000)


@given(quantities)
def test_hhi_bounds_and_shares_sum(xs):
    h = hhi(xs)
    positive = sum(1 for x in xs if x > 0)
    assert 10_000 / len(xs) - 1e-6 <= h <= 10_000 + 1e-6
    assert h >= 10_000 / positive - 1e-6
    assert math.isclose(float(shares(xs).sum()), 1.0, rel_tol=1e-9)


@given(quantities, st.floats(min_value=1e-3, max_value=1e6), st.randoms(use_true_random=False))
def test_invariant_to_units_and_order(xs, factor, rnd):
    shuffled = list(xs)
    rnd.shuffle(shuffled)
    assert hhi(shuffled) == pytest.approx(hhi(xs), rel=1e-9, abs=1e-9)
    assert hhi([x * factor for x in xs]) == pytest.approx(hhi(xs), rel=1e-6, abs=1e-6)
    assert top_n_share(shuffled, 2) == pytest.approx(top_n_share(xs, 2), rel=1e-9)


def test_bad_inputs_raise():
    with pytest.raises(CritminError, match="negative"):
        hhi([1, -1])
    with pytest.raises(CritminError, match="NaN"):
        shares([1, float("nan")])
    with pytest.raises(CritminError, match="at least 1"):
        top_n_share([1, 2], 0)


def test_wgi_scaling_endpoints():
    assert wgi_scaled(2.5) == pytest.approx(0.0)
    assert wgi_scaled(-2.5) == pytest.approx(10.0)
    assert wgi_scaled(0.0) == pytest.approx(5.0)
    assert wgi_scaled(-3.1) == pytest.approx(10.0)  # clipped
    np.testing.assert_allclose(wgi_scaled([-0.51, 1.0]), [6.02, 3.0])


def test_governance_weighted_hhi_hand_computed():
    # shares 0.8 and 0.2, scores 6 and 2 -> 0.64*6 + 0.04*2 = 3.92
    assert governance_weighted_hhi([80, 20], [6, 2]) == pytest.approx(3.92)
    with pytest.raises(CritminError, match="2 quantities but 1"):
        governance_weighted_hhi([1, 2], [3])


@given(quantities)
def test_governance_weighted_hhi_bounds(xs):
    scores = np.linspace(0, 10, len(xs))
    assert 0 <= governance_weighted_hhi(xs, scores) <= 10 + 1e-9
