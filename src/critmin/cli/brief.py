"""``critmin brief ARTICLE_OR_SCENARIO``: the main job, with progress and a compact summary."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.panel import Panel

from critmin.cli._output import DbOption, console, err_console, fmt_share, rich_table


def _value(c: dict[str, Any] | None) -> str:
    if not c or c.get("value") is None:
        return ""
    v, unit = c["value"], c.get("unit", "")
    if unit in ("share", "probability"):
        return fmt_share(v)
    if unit == "HHI":
        return f"{v:,.0f}"
    return f"{v:,.0f} {unit}".strip()


def show_summary(brief: dict[str, Any], paths: dict[str, Path]) -> None:
    """The compact terminal summary of a brief."""
    console.rule(f"[bold]{brief['title']}")
    events = brief.get("events") or []
    if events:
        console.print(
            rich_table(
                [{**e, "quantity": _value(e.get("quantity")),
                  "date": (e.get("date") or "") + (" (article)" if e.get("date_basis") == "article"
                                                   else ""),
                  "countries": ", ".join(e["countries"]),
                  "commodities": ", ".join(e["commodities"])} for e in events],
                [("type", "Event"), ("countries", "Country"), ("commodities", "Commodity"),
                 ("quantity", "Quantity"), ("date", "Date")],
                title="Events (evidence in brief.html)",
            )
        )
    else:
        console.print(Panel(brief.get("message", "No supply-chain event found."),
                            title="No event", expand=False))
    questions = (brief.get("development") or {}).get("questions") or []
    if questions:
        console.print(
            rich_table(
                [{"q": q["question"], "status": q["status"], "answer": q.get("answer", "")}
                 for q in questions],
                [("q", "Investor question"), ("status", "Status"), ("answer", "Answer")],
                title="Investor questions",
            )
        )
    stages = brief.get("stages") or []
    if stages:
        console.print(
            rich_table(
                [{"stage": s["stage"], "largest": s["largest"],
                  "before": _value(s["largest_share_before"]),
                  "after": _value(s["largest_share_after"]),
                  "hhi_before": _value(s["hhi_before"]), "hhi_after": _value(s["hhi_after"])}
                 for s in stages],
                [("stage", "Stage"), ("largest", "Largest"), ("before", "Share before"),
                 ("after", "Share after"), ("hhi_before", "HHI before"),
                 ("hhi_after", "HHI after")],
                title=f"Scenario {brief['scenario']['name']} "
                f"(target {brief['scenario']['target']})",
            )
        )
    net = brief.get("network") or {}
    lines = []
    if net.get("bottleneck"):
        lines.append(f"Bottleneck: {net['bottleneck']['text']}")
    for w in net.get("what_it_takes") or []:
        lines.append(f"What it would take: {w['text']} {_value(w['capacity'])} "
                     f"(scenario has {_value(w['in_scenario'])})")
    risk = brief.get("risk")
    if risk:
        b, s = risk["baseline"], risk["scenario"]
        lines.append(
            f"Supply at risk ({risk['title']}, {brief['draws']:,} draws, seed {brief['seed']}): "
            f"P(shortfall > 10%) {_value(b['p_shortfall'])} -> {_value(s['p_shortfall'])}; "
            f"expected shortfall at 95% {_value(b['es95'])} -> {_value(s['es95'])}"
        )
    if lines:
        console.print(Panel("\n".join(lines), title="Network and risk", expand=False))
    assumptions = len((brief.get("scenario") or {}).get("assumptions") or [])
    if assumptions:
        console.print(f"[yellow]{assumptions} assumptions are listed, with ranges, in the brief.")
    console.print("Wrote " + ", ".join(str(p) for p in paths.values()))


def _brief(
    source: Annotated[
        Path, typer.Argument(help="An article (text, Markdown, HTML, RSS/Atom, JSON) or a "
                             "scenario file (.yaml).", exists=True, dir_okay=False)
    ],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Folder for brief.html/json/md "
                                  "(default: out/<input name>).")
    ] = None,
    draws: Annotated[int, typer.Option(help="Monte Carlo draws.", min=1)] = 100_000,
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same numbers).")] = 0,
    db: DbOption = None,
) -> None:
    """Turn an article or scenario into a quantified, sourced impact brief."""
    import critmin
    from critmin.brief.compose import compose_brief
    from critmin.brief.write import write_brief

    target = out or Path("out") / source.stem
    with critmin.open(str(db) if db else None) as cm, err_console.status("brief") as status:
        run = compose_brief(source, cm, draws=draws, seed=seed,
                            progress=lambda step: status.update(step))
        paths = write_brief(run, target)
    show_summary(run.brief, paths)


def register(app: typer.Typer) -> None:
    """Attach ``critmin brief``."""
    app.command("brief")(_brief)
