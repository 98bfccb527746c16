"""What would it take: the capacity of one new-capacity shock that brings a metric to a threshold.

Metrics (text form, as the CLI takes them):

- ``share:CN:refining`` -- a country's share of world capacity at a stage [fraction];
- ``delivered:refining`` -- deliverable volume to the scenario's target at a stage [t/yr]
  (``delivered`` alone: the last stage);

optionally suffixed ``@dysprosium`` to evaluate an element's network. Both metrics move
monotonically with a new capacity (a share falls as others add capacity; deliverable volume
cannot fall when capacity is added), so bisection on the capacity finds the crossing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from critmin.errors import CritminError
from critmin.network.shocks import ramp_factor
from critmin.network.solve import max_flow
from critmin.scenarios.run import Inputs, keys_of, resolve_target, shocked_networks
from critmin.scenarios.spec import NewCapacity, Scenario, _stage

#: Largest capacity the search tries [t/yr] before calling a threshold unreachable.
MAX_CAPACITY = 1e9


@dataclass(frozen=True, slots=True)
class Metric:
    """A parsed metric."""

    kind: str
    stage: str
    country: str = ""
    key: str = ""

    @classmethod
    def parse(cls, text: str, scenario: Scenario) -> Metric:
        """Parse ``share:CN:refining[@key]`` or ``delivered[:stage][@key]``."""
        body, _, key = text.partition("@")
        parts = body.split(":")
        key = key or scenario.commodity
        if key not in keys_of(scenario):
            raise CritminError(f"metric network {key!r} is not in the scenario; it reports "
                               f"{', '.join(keys_of(scenario))}")
        try:
            if parts[0] == "share" and len(parts) == 3:
                return cls("share", _stage(parts[2]), parts[1].upper(), key)
            if parts[0] == "delivered" and len(parts) <= 2:
                return cls("delivered", _stage(parts[1]) if len(parts) == 2 else "", "", key)
        except ValueError as exc:
            raise CritminError(str(exc)) from exc
        raise CritminError(f"unknown metric {text!r}; use share:CC:STAGE or delivered[:STAGE]"
                           ", optionally @element")

    def evaluate(self, scenario: Scenario, inputs: Inputs, values: dict[int, float]) -> float:
        """The metric at the horizon with shock values overridden by ``values``."""
        net = shocked_networks(scenario, inputs, scenario.horizon, values=values,
                               only=self.key)[self.key]
        if self.kind == "share":
            return net.share(self.country, self.stage)
        return max_flow(net, resolve_target(scenario.target), upto=self.stage or None).value


@dataclass(frozen=True)
class Solution:
    """The capacity that brings the metric to the threshold, or why none does."""

    shock: int
    metric: str
    threshold: float
    direction: str
    capacity_t: float | None
    metric_at_zero: float
    metric_at_central: float
    central_capacity_t: float
    ramp: float
    evaluations: int
    reachable: bool

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "shock": self.shock, "metric": self.metric, "threshold": self.threshold,
            "direction": self.direction,
            "capacity_needed_t": None if self.capacity_t is None else round(self.capacity_t, 1),
            "capacity_in_scenario_t": self.central_capacity_t,
            "metric_without_shock": round(self.metric_at_zero, 6),
            "metric_in_scenario": round(self.metric_at_central, 6),
            "ramp_factor_at_horizon": round(self.ramp, 4),
            "reachable": self.reachable, "evaluations": self.evaluations,
            "note": "capacity is nameplate (full-ramp) capacity; the horizon sees "
                    "capacity x ramp factor",
        }


def what_would_it_take(
    scenario: Scenario, inputs: Inputs, metric: str, threshold: float, *,
    shock: int | None = None, rel_tol: float = 1e-5,
) -> Solution:
    """Bisect one new-capacity shock's capacity until the metric crosses ``threshold``.

    Parameters
    ----------
    scenario, inputs
        The scenario and its inputs.
    metric
        See the module docstring.
    threshold
        Value to reach: a fraction for ``share``, tonnes per year for ``delivered``.
    shock
        Index of the ``new_capacity`` shock to vary; default: the first one at the metric's
        stage, else the first one.
    rel_tol
        Relative tolerance on the capacity.
    """
    m = Metric.parse(metric, scenario)
    candidates = [i for i, s in enumerate(scenario.shocks) if isinstance(s, NewCapacity)]
    if not candidates:
        raise CritminError(f"{scenario.name} has no new_capacity shock to size")
    if shock is None:
        at_stage = [i for i in candidates if scenario.shocks[i].stage == m.stage]  # type: ignore[union-attr]
        shock = (at_stage or candidates)[0]
    if shock not in candidates:
        raise CritminError(f"shock {shock} is not a new_capacity shock")
    spec = scenario.shocks[shock]
    assert isinstance(spec, NewCapacity)
    if m.kind == "share" and spec.country == m.country:
        raise CritminError("adding capacity in the metric's own country raises its share")
    below = m.kind == "share"
    direction = "below" if below else "above"
    evaluations = 0

    def f(value: float) -> float:
        nonlocal evaluations
        evaluations += 1
        return m.evaluate(scenario, inputs, {shock: value})

    def met(x: float) -> bool:
        return x < threshold if below else x >= threshold

    at_zero, at_central = f(0.0), f(spec.capacity.tonnes)
    ramp = ramp_factor(scenario.horizon, spec.start_year, spec.ramp_years)

    def solution(capacity: float | None, reachable: bool) -> Solution:
        return Solution(shock, metric, threshold, direction, capacity, at_zero, at_central,
                        spec.capacity.tonnes, ramp, evaluations, reachable)

    if ramp <= 0:
        return solution(None, False)
    if met(at_zero):
        return solution(0.0, True)
    low, high = 0.0, max(spec.capacity.tonnes, 1.0)
    while not met(f(high)):
        low, high = high, high * 2.0
        if high > MAX_CAPACITY:
            return solution(None, False)
    while high - low > rel_tol * high:
        mid = 0.5 * (low + high)
        if met(f(mid)):
            high = mid
        else:
            low = mid
    return solution(high, True)
