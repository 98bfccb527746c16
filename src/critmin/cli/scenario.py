"""``critmin scenario run|compare|solve|list`` and ``critmin risk`` (issue 3).

Thin adapters: read the scenario file, fetch frames from the store, call
:mod:`critmin.scenarios`, print. Output is printed only once everything has been computed,
so a failing run prints one error line and nothing else.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from critmin.cli._output import (
    DbOption,
    Format,
    FormatOption,
    console,
    fmt_number,
    fmt_share,
    print_csv,
    print_json,
    rich_table,
)
from critmin.errors import CritminError

log = logging.getLogger(__name__)

ScenarioFile = Annotated[
    str, typer.Argument(help="Scenario YAML file, or the name of a shipped scenario.")
]


def _db(db: Any) -> Any:
    return str(db) if db else None


def _run(name: str, db: Any) -> Any:
    from critmin.scenarios import api

    return api.run(name, _db(db))


def _print_result(result: Any) -> None:
    data = result.to_dict()
    console.print(f"[bold]{data['name']}[/]: {data['commodity']} to {data['target']}, "
                  f"{data['base_year']} figures, shocks at {data['year']}")
    for key in data["scenario"]:
        base, new = data["baseline"][key], data["scenario"][key]
        rows = []
        for stage in new["stages"]:
            change = data["delta"][key]["delivered"][stage]
            shares = new["shares"][stage]
            top = max(shares, key=lambda c: shares[c]) if shares else ""
            rows.append({
                "stage": stage, "baseline": base["delivered_t"].get(stage, 0.0),
                "scenario": new["delivered_t"][stage],
                "change": change["change_pct"],
                "top": f"{top} {fmt_share(shares[top])}" if top else "",
            })
        console.print(rich_table(
            rows, [("stage", "stage"), ("baseline", f"baseline [{new['unit']}]"),
                   ("scenario", "scenario"), ("change", "change %"), ("top", "largest")],
            title=f"{key}: deliverable to {data['target']}",
            formatters={"baseline": fmt_number, "scenario": fmt_number,
                        "change": lambda v: f"{v:+.1f}"},
        ))
        moves = []
        for stage in new["stages"]:
            for c, d in data["delta"][key]["shares"][stage].items():
                if abs(d) >= 5e-5:
                    before = base["shares"].get(stage, {}).get(c, 0.0)
                    moves.append(f"{c} {stage} {fmt_share(before)} -> {fmt_share(before + d)}")
        if moves:
            console.print("  share changes: " + "; ".join(moves[:8]), highlight=False)
        neck = data["bottleneck"][key]
        cut = ", ".join(f"{c['stage']} {c['country']} ({c['kind']}) {fmt_number(c['capacity_t'])}"
                        for c in neck["tightest_stage_cut"][:4])
        console.print(f"  bottleneck: tightest stage [bold]{neck['tightest_stage']}[/] "
                      f"({fmt_number(neck['tightest_stage_delivered_t'])} t): {cut}")
    for name, stages in data.get("groups_t", {}).items():
        for stage, g in stages.items():
            console.print(f"  {name} {stage} by group (element split, assumptions): light "
                          f"{fmt_number(g['light'])} t, heavy {fmt_number(g['heavy'])} t")
    for t in data.get("what_would_it_take", []):
        need = t["capacity_needed_t"]
        console.print(f"  what would it take: {t['metric']} {t['direction']} {t['threshold']:g} "
                      f"needs {'unreachable' if need is None else fmt_number(need) + ' t/yr'} "
                      f"(scenario: {fmt_number(t['capacity_in_scenario_t'])} t/yr, metric "
                      f"{t['metric_without_shock']:.3f} -> {t['metric_in_scenario']:.3f})")
    console.print(f"\n[bold]assumptions[/] ({len(data['assumptions'])}; all in --format json):")
    for a in data["assumptions"]:
        if a["basis"] in ("assumption", "gap"):
            console.print(f"  - [yellow]{a['basis']}[/] {a['what']}: "
                          f"{str(a.get('note', ''))[:110]}", highlight=False)


def register(app: typer.Typer) -> None:
    """Attach the scenario and risk commands to the top-level app."""
    group = typer.Typer(help="Scenarios: run, compare, size what it would take.",
                        no_args_is_help=True)
    app.add_typer(group, name="scenario")

    @group.command("list")
    def list_(fmt: FormatOption = Format.table) -> None:
        """The scenarios shipped with critmin."""
        from critmin.scenarios.load import SCENARIO_DIR
        from critmin.scenarios.spec import load_scenario

        rows = []
        for path in sorted(SCENARIO_DIR.glob("*.yaml")):
            sc = load_scenario(path)
            rows.append({"name": path.stem, "commodity": sc.commodity, "target": sc.target,
                         "shocks": len(sc.shocks), "horizon": sc.horizon})
        if fmt == Format.json:
            print_json(rows)
        elif fmt == Format.csv:
            print_csv(rows)
        else:
            console.print(rich_table(rows, [(k, k) for k in rows[0]] if rows else []))

    @group.command("run")
    def run(file: ScenarioFile, db: DbOption = None, fmt: FormatOption = Format.table) -> None:
        """Run a scenario: deliverable volume per stage before/after, bottleneck, assumptions."""
        result = _run(file, db)
        if fmt == Format.json:
            print_json(result.to_dict())
        elif fmt == Format.csv:
            data = result.to_dict()
            print_csv([
                {"network": k, "stage": s, "baseline_t": data["baseline"][k]["delivered_t"][s],
                 "scenario_t": v, **data["delta"][k]["delivered"][s]}
                for k, state in data["scenario"].items()
                for s, v in state["delivered_t"].items()
            ])
        else:
            _print_result(result)

    @group.command("compare")
    def compare_(a: ScenarioFile, b: ScenarioFile, db: DbOption = None,
                 fmt: FormatOption = Format.table) -> None:
        """Compare two scenarios' deliverable volumes, network by network."""
        from critmin.scenarios.run import compare

        out = compare(_run(a, db), _run(b, db))
        if fmt == Format.json:
            print_json(out)
            return
        rows = [{"network": k, "stage": s, **v} for k, stages in out["networks"].items()
                for s, v in stages.items()]
        if fmt == Format.csv:
            print_csv(rows)
            return
        if not rows:
            console.print("the two scenarios share no network")
            return
        console.print(rich_table(
            rows, [("network", "network"), ("stage", "stage"), ("a_t", out["a"]),
                   ("b_t", out["b"]), ("b_minus_a_t", "b - a")],
            formatters={"a_t": fmt_number, "b_t": fmt_number, "b_minus_a_t": fmt_number}))

    @group.command("solve")
    def solve(
        file: ScenarioFile,
        metric: Annotated[str, typer.Option(
            "--metric", help="share:CN:refining, or delivered[:stage]; add @element for an "
            "element network (delivered:refining@dysprosium).")],
        threshold: Annotated[float, typer.Option(
            "--threshold", help="Share (0-1) to go below, or tonnes per year to reach.")],
        shock: Annotated[int | None, typer.Option(
            "--shock", help="Index of the new_capacity shock to size (default: first at the "
            "metric's stage).")] = None,
        db: DbOption = None,
        fmt: FormatOption = Format.table,
    ) -> None:
        """What would it take: the capacity that brings a metric to a threshold."""
        from critmin.scenarios import api

        solution = api.solve(file, metric, threshold, shock=shock, db=_db(db))
        out = solution.to_dict()
        if fmt == Format.json:
            print_json(out)
            return
        if fmt == Format.csv:
            print_csv([out])
            return
        need = out["capacity_needed_t"]
        console.print(f"{metric} {out['direction']} {threshold:g}: without the shock "
                      f"{out['metric_without_shock']:.4g}, with the scenario's "
                      f"{fmt_number(out['capacity_in_scenario_t'])} t "
                      f"{out['metric_in_scenario']:.4g}")
        if need is None:
            console.print("[red]not reachable[/] by this shock (up to 1e9 t/yr, or not started "
                          "by the horizon)")
        else:
            console.print(f"capacity needed (shock {out['shock']}): [bold]{fmt_number(need)}[/] "
                          "t/yr at full ramp")

    @app.command("risk")
    def risk(
        commodity: Annotated[str, typer.Argument(
            help="Commodity or rare-earth element slug (rare-earths, dysprosium, cobalt...).")],
        draws: Annotated[int, typer.Option("--draws", "-n", help="Number of draws.")] = 100_000,
        seed: Annotated[int, typer.Option("--seed", help="Seed; same seed, same numbers.")] = 0,
        workers: Annotated[int | None, typer.Option(
            "--workers", help="Run on a local Dask cluster of this many workers.")] = None,
        scheduler: Annotated[str | None, typer.Option(
            "--scheduler", help="Run on the Dask scheduler at this address.")] = None,
        target: Annotated[str, typer.Option(
            "--target", help="world, non-CN, a bloc (EU) or a country.")] = "world",
        scenario_file: Annotated[str | None, typer.Option(
            "--scenario", help="Apply this scenario's shocks (with their ranges).")] = None,
        year: Annotated[int | None, typer.Option(
            "--year", help="Base year (default: latest with figures).")] = None,
        check_lp: Annotated[int, typer.Option(
            "--check-lp", help="Also solve this many sampled draws with HiGHS and report "
            "the largest gap.")] = 0,
        db: DbOption = None,
        fmt: FormatOption = Format.table,
    ) -> None:
        """Monte Carlo supply-at-risk: distribution of deliverable volume, P(shortfall), ES95."""
        from critmin.scenarios import api
        from critmin.scenarios.montecarlo import check_against_lp

        if workers is not None and scheduler is not None:
            raise CritminError("give --workers or --scheduler, not both")
        model = api.risk_model_for(commodity, target=target, scenario=scenario_file, year=year,
                                   db=_db(db))
        result = _simulate(model, draws, seed, model.base.commodity, workers, scheduler,
                           quiet=fmt != Format.table)
        out = result.to_dict()
        out["classes"] = ["+".join(c) for c in model.classes]
        out["cuts"] = int(model.cuts.matrix.shape[1]) if model.cuts is not None else 0
        if check_lp:
            out["lp_check"] = {"draws": check_lp,
                               "max_abs_gap_t": check_against_lp(model, check_lp, seed)}
        if fmt == Format.json:
            print_json(out)
            return
        if fmt == Format.csv:
            print_csv(out["contributions"])
            return
        console.print(f"[bold]{out['network']}[/] to {out['target']}: {out['draws']:,} draws, "
                      f"seed {seed}; reference {fmt_number(out['reference_t'])} {out['unit']}")
        console.print(f"  mean {fmt_number(out['mean_t'])}, p5 "
                      f"{fmt_number(out['percentiles_t']['p5'])}, p50 "
                      f"{fmt_number(out['percentiles_t']['p50'])}; expected shortfall (95%) "
                      f"{fmt_number(out['expected_shortfall_95_t'])} t")
        console.print("  P(shortfall > x of reference): " + ", ".join(
            f"{k}: {v:.3f}" for k, v in out["p_shortfall_over"].items()))
        console.print(rich_table(
            out["contributions"][:10],
            [("country", "country"), ("p_disrupt", "P(disrupt)/yr"),
             ("mean_shortfall_when_disrupted_t", "shortfall if disrupted [t]"),
             ("contribution", "share of shortfall")],
            formatters={"p_disrupt": fmt_share, "contribution": fmt_share,
                        "mean_shortfall_when_disrupted_t": fmt_number},
            caption="Disruption probability from WGI political stability via an assumed "
                    "logistic mapping (see --format json: disruption_mapping).",
        ))
        if check_lp:
            console.print(f"  HiGHS check on {check_lp} draws: largest gap "
                          f"{out['lp_check']['max_abs_gap_t']:.3g} t")


def _simulate(model: Any, draws: int, seed: int, key: str, workers: int | None,
              scheduler: str | None, *, quiet: bool) -> Any:
    from critmin.scenarios.distributed import dask_client, simulate_on
    from critmin.scenarios.montecarlo import simulate

    progress = Progress(TextColumn("draws"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=console, transient=True, disable=quiet)
    with progress:
        task = progress.add_task("draws", total=draws)

        def advance(n: int) -> None:
            progress.advance(task, n)

        if workers is None and scheduler is None:
            return simulate(model, draws, seed, key=key, progress=advance)
        with dask_client(scheduler, workers) as client:
            return simulate_on(client, model, draws, seed, key=key, progress=advance)
