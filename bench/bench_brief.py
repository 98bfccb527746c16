"""Time the whole brief of one article (the main job) against its parts, in one run.

    .venv/bin/python bench/bench_brief.py [--draws 100000] [--repeat 3]

Reports the wall time of ``compose_brief`` + rendering for the Kazakhstan example article,
the time of each step (from the progress callback), and the same run's bare Monte Carlo
(``critmin risk`` for the same network, draws and seed) as the baseline the brief is compared
with. Not part of the test suite: speed is never asserted in tests.
"""

from __future__ import annotations

import argparse
import platform
import tempfile
import time
from pathlib import Path

import critmin
from critmin.brief.compose import compose_brief
from critmin.brief.write import write_brief
from critmin.scenarios import api as scenarios

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "examples" / "kazakhstan-rare-earth-enterprises.md"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--draws", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "critmin.duckdb"
        t0 = time.perf_counter()
        db = critmin.open(str(db_path))
        build = time.perf_counter() - t0
        best_total, best_steps = float("inf"), {}
        for _ in range(args.repeat):
            steps: dict[str, float] = {}
            last = [time.perf_counter(), "start"]

            def progress(step: str, steps=steps, last=last) -> None:
                now = time.perf_counter()
                steps[str(last[1])] = steps.get(str(last[1]), 0.0) + now - float(last[0])
                last[0], last[1] = now, step

            t0 = time.perf_counter()
            run = compose_brief(ARTICLE, db, draws=args.draws, seed=0, progress=progress)
            progress("write")
            write_brief(run, Path(tmp) / "out")
            progress("end")
            total = time.perf_counter() - t0
            if total < best_total:
                best_total, best_steps = total, steps
        best_mc = float("inf")
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            scenarios.risk(run.risk_commodity or "rare-earths", args.draws, seed=0,
                           target=run.risk_target or "world", year=run.risk_year, db=db)
            best_mc = min(best_mc, time.perf_counter() - t0)
        db.close()
    print(f"machine: {platform.platform()}, {platform.processor() or platform.machine()}")
    print(f"store build (once): {build:.2f} s")
    print(f"brief, {args.draws:,} draws, best of {args.repeat}: {best_total:.2f} s")
    for step, seconds in best_steps.items():
        if step != "start":
            print(f"  {step}: {seconds:.2f} s")
    print(f"baseline, one bare Monte Carlo of {args.draws:,} draws: {best_mc:.2f} s "
          f"-> brief = {best_total / best_mc:.1f}x one Monte Carlo")


if __name__ == "__main__":
    main()
