"""Benchmark the Monte Carlo supply-at-risk and the scenario LPs; print markdown rows.

Run: ``.venv/bin/python bench/bench_montecarlo.py [--draws N]``. Never asserted in tests.

What it measures, each beside a baseline from the same run (these machines are noisy):

- Monte Carlo draws per second on one core (the process is pinned to one CPU and BLAS/OpenMP
  threads are set to 1 before numpy loads), for the dysprosium network of the China 2025
  export-control scenario (the largest aggregated graph we ship); baseline: numpy's memory
  bandwidth (a large array copy) turned into a bound on draws per second from the bytes a
  draw must at least write and read (its country x stage capacity matrix, once each);
- HiGHS LP time: one max-flow LP on the full country-level dysprosium network, and each
  shipped scenario's whole run (one LP per network per stage, baseline and shocked);
- Dask: the same ensemble on a LocalCluster of 1 and 2 worker processes (cluster start-up
  excluded), against the single-process run.

Figures are the real ones the store holds (USGS MCS 2026 mine production 2024, IEA 2023
magnet rare-earth refining), built here so the benchmark needs no store.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import platform  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from critmin.data.importers.curated import read_tables  # noqa: E402
from critmin.network.solve import max_flow  # noqa: E402
from critmin.scenarios.load import SCENARIO_DIR, shipped_scenario  # noqa: E402
from critmin.scenarios.montecarlo import simulate  # noqa: E402
from critmin.scenarios.risk import risk_model  # noqa: E402
from critmin.scenarios.run import Inputs, run_scenario, shocked_networks  # noqa: E402
from critmin.scenarios.spec import load_scenario  # noqa: E402

USGS_2024 = {"CN": 270000, "US": 45500, "AU": 29000, "MM": 27000, "IN": 2900, "RU": 2600,
             "TH": 2100, "NG": 1500, "MG": 1400, "OTHER": 1000, "BR": 560, "VN": 300, "MY": 140}
IEA_2023_REFINING = {"CN": 70300, "MY": 4000, "OTHER": 1800, "US": 200}
#: WGI 2023 political stability is read from the store in real runs; the benchmark's speed
#: does not depend on the values, so every country gets the mapping's missing-score default.
PV: dict[str, float] = {}


def _inputs() -> Inputs:
    rows = [dict(commodity="rare-earths", country=c, stage="mining", year=2024,
                 measure="production", value=float(v), unit="t", source_id="usgs",
                 basis="estimated", publisher="USGS", scenario="") for c, v in USGS_2024.items()]
    rows += [dict(commodity="magnet-rare-earths", country=c, stage="refining", year=2023,
                  measure="production", value=float(v), unit="t", source_id="iea",
                  basis="reported", publisher="IEA", scenario="")
             for c, v in IEA_2023_REFINING.items()]
    return Inputs(pd.DataFrame(rows), read_tables())


def _best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def bandwidth_gbs(n_bytes: int = 256 * 2**20) -> float:
    """Copy bandwidth of numpy [GB/s]: read + write of a large float64 array."""
    src = np.ones(n_bytes // 8)
    dst = np.empty_like(src)
    seconds = _best(lambda: np.copyto(dst, src), 5)
    return 2 * n_bytes / seconds / 1e9


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--draws", type=int, default=1_000_000)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    inputs = _inputs()
    scenario = load_scenario(shipped_scenario("china-2025-rare-earth-export-controls"))
    model = risk_model(scenario, inputs, PV, key="dysprosium")
    simulate(model, 50_000, seed=0)  # warm up
    seconds = _best(lambda: simulate(model, args.draws, seed=1), 3)
    rate = args.draws / seconds
    gbs = bandwidth_gbs()
    n, s = model.base.capacity.shape
    bytes_per_draw = 2 * n * s * 8
    bound = gbs * 1e9 / bytes_per_draw

    net = shocked_networks(scenario, inputs, scenario.horizon, only="dysprosium")["dysprosium"]
    target = model.target
    lp = _best(lambda: max_flow(net, target), 20)

    print(f"date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC")
    print(f"machine: `{platform.uname().system} {platform.uname().release} "
          f"{platform.uname().machine}`; "
          + subprocess.run(["sh", "-c", "lscpu | grep -E 'Model name|^CPU\\(s\\)' | "
                                        "tr -s ' ' | paste -sd ';'"],
                           capture_output=True, text=True, check=False).stdout.strip())
    print(f"numpy {np.__version__}, one core (pinned), BLAS threads 1\n")
    print("| measure | value | baseline (same run) | ratio |")
    print("|---|---|---|---|")
    print(f"| Monte Carlo, dysprosium to non-CN (China 2025 controls), {args.draws:,} draws, "
          f"{len(model.classes)} classes x {s} stages, {model.cuts.matrix.shape[1]} cuts "
          f"| {rate:,.0f} draws/s | numpy copy {gbs:.1f} GB/s -> bound {bound:,.0f} draws/s "
          f"at {bytes_per_draw} B/draw | {rate / bound:.1%} of the bandwidth bound |")
    print(f"| One HiGHS max-flow LP, country-level dysprosium network ({n} countries) "
          f"| {lp * 1e3:.2f} ms | Monte Carlo: {1e3 / rate * 1e3:.3f} us/draw "
          f"| one LP = {lp * rate:,.0f} draws |")
    for path in sorted(SCENARIO_DIR.glob("*.yaml")):
        sc = load_scenario(path)
        if sc.commodity != "rare-earths":
            continue
        t = _best(lambda sc=sc: run_scenario(sc, inputs), 3)
        print(f"| `scenario run {path.stem}` (all networks, LPs per stage) | {t:.2f} s "
              f"| one LP {lp * 1e3:.2f} ms | {t / lp:,.0f} LPs' time |")

    from critmin.scenarios.distributed import dask_client, simulate_on

    for workers in (1, 2):
        if hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, set(range(os.cpu_count() or 1)))
        with dask_client(workers=workers) as client:
            simulate_on(client, model, 100_000, seed=0)  # warm up the workers
            t = _best(lambda client=client: simulate_on(client, model, args.draws, seed=1), 3)
            check = simulate_on(client, model, 200_000, seed=9)
        same = np.array_equal(check.values, simulate(model, 200_000, seed=9).values)
        print(f"| Dask LocalCluster, {workers} worker process(es), {args.draws:,} draws "
              f"| {args.draws / t:,.0f} draws/s | single process {rate:,.0f} draws/s "
              f"| {args.draws / t / rate:.2f}x; identical to single process: {same} |")


if __name__ == "__main__":
    main()
