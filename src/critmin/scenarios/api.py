"""The scenario and risk answers from Python, the same functions the CLI calls.

>>> from critmin.scenarios import api
>>> result = api.run("china-2025-rare-earth-export-controls")      # doctest: +SKIP
>>> result.to_dict()["delta"]["dysprosium"]["delivered"]["refining"]  # doctest: +SKIP
>>> api.risk("dysprosium", draws=100_000, target="non-CN", seed=1).to_dict()  # doctest: +SKIP

Each function takes ``db``: an open :class:`critmin.query.Critmin`, a store path, or
``None`` for the default store. This module is an edge (it reads files and the store); the
computations are the pure functions of :mod:`critmin.scenarios.run`, ``solve`` and
``montecarlo``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from critmin.errors import CritminError, NoDataError
from critmin.network.elements import RARE_EARTH_ELEMENTS
from critmin.scenarios.load import fetch_inputs, shipped_scenario
from critmin.scenarios.montecarlo import (
    PARTITION_SIZE,
    DisruptionMapping,
    RiskModel,
    RiskResult,
    simulate,
)
from critmin.scenarios.risk import baseline_scenario, risk_model
from critmin.scenarios.run import Inputs, ScenarioResult, keys_of, run_scenario
from critmin.scenarios.run import compare as compare_results
from critmin.scenarios.solve import Solution, what_would_it_take
from critmin.scenarios.spec import Scenario, load_scenario


@contextmanager
def _handle(db: Any) -> Iterator[Any]:
    if db is not None and hasattr(db, "observations"):
        yield db
        return
    import critmin

    handle = critmin.open(str(db) if db else None)
    try:
        yield handle
    finally:
        handle.close()


def scenario_path(name: str | Path) -> Path:
    """A scenario file by path, or a shipped scenario by name."""
    path = Path(name)
    if path.exists():
        return path
    shipped = shipped_scenario(str(name))
    return shipped if shipped.exists() else path


def load(name: str | Path | Scenario) -> Scenario:
    """Read and validate a scenario file or shipped scenario (a Scenario passes through)."""
    if isinstance(name, Scenario):
        return name
    return load_scenario(scenario_path(name))


def inputs_for(scenario: Scenario, db: Any = None) -> Inputs:
    """Fetch the frames a scenario needs from the store."""
    commodities = [k for k in keys_of(scenario) if k not in RARE_EARTH_ELEMENTS]
    with _handle(db) as handle:
        return fetch_inputs(handle, commodities)


def run(name: str | Path | Scenario, db: Any = None) -> ScenarioResult:
    """Run a scenario against the store: baseline, shocked, delta, bottleneck, assumptions."""
    scenario = name if isinstance(name, Scenario) else load(name)
    return run_scenario(scenario, inputs_for(scenario, db))


def compare(a: str | Path, b: str | Path, db: Any = None) -> dict[str, Any]:
    """Two scenarios' deliverable volumes side by side."""
    return compare_results(run(a, db), run(b, db))


def solve(name: str | Path, metric: str, threshold: float, *, shock: int | None = None,
          db: Any = None) -> Solution:
    """The capacity of a new-capacity shock that brings ``metric`` to ``threshold``."""
    scenario = load(name)
    return what_would_it_take(scenario, inputs_for(scenario, db), metric, threshold,
                              shock=shock)


def _latest_year(handle: Any, commodity: str) -> int:
    frame = handle.observations(commodity=commodity, measure="production")
    if frame.empty:
        raise NoDataError(f"no production figures for {commodity!r} in the store")
    return int(frame["year"].max())


def risk(
    commodity: str,
    draws: int = 100_000,
    *,
    seed: int = 0,
    target: str = "world",
    scenario: str | Path | Scenario | None = None,
    year: int | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    mapping: DisruptionMapping | None = None,
    partition_size: int = PARTITION_SIZE,
    progress: Callable[[int], None] | None = None,
    db: Any = None,
) -> RiskResult:
    """Monte Carlo supply-at-risk of a commodity or rare-earth element to a target.

    With ``scenario`` the scenario's shocks (and their ranges and probabilities) apply and
    its target is used; otherwise the network is the base year's. ``workers`` runs on a new
    Dask LocalCluster, ``scheduler`` on an existing cluster; the result is the same.
    """
    if workers is not None and scheduler is not None:
        raise CritminError("give workers or scheduler, not both")
    model = risk_model_for(commodity, target=target, scenario=scenario, year=year,
                           mapping=mapping, db=db)
    key = model.base.commodity
    if workers is None and scheduler is None:
        return simulate(model, draws, seed, key=key, partition_size=partition_size,
                        progress=progress)
    from critmin.scenarios.distributed import dask_client, simulate_on

    with dask_client(scheduler, workers) as client:
        return simulate_on(client, model, draws, seed, key=key, partition_size=partition_size,
                           progress=progress)


def risk_model_for(commodity: str, *, target: str = "world",
                   scenario: str | Path | Scenario | None = None,
                   year: int | None = None, mapping: DisruptionMapping | None = None,
                   db: Any = None) -> RiskModel:
    """The compiled risk model of a commodity or element (see :func:`risk`)."""
    element = commodity if commodity in RARE_EARTH_ELEMENTS else None
    network_commodity = "rare-earths" if element else commodity
    with _handle(db) as handle:
        if scenario is not None:
            sc = load(scenario)
            if element and element not in keys_of(sc):
                sc = sc.model_copy(update={"elements": [*sc.elements, element]})
        else:
            sc = baseline_scenario(network_commodity, year or _latest_year(
                handle, network_commodity), target, element)
        inputs = fetch_inputs(handle, [k for k in keys_of(sc) if k not in RARE_EARTH_ELEMENTS])
        gov = handle.governance()
        pv = {str(r.country): float(r.estimate) for r in gov.itertuples()
              if r.indicator == "pv" and r.estimate == r.estimate}
    return risk_model(sc, inputs, pv, key=element or network_commodity, mapping=mapping)
