"""Turn scenario, network and risk results into brief sections whose numbers carry footnotes.

Each ``add_*`` takes the results the other layers return (their ``to_dict`` forms, the same
the CLI prints) and writes one section of the brief dict; no number is computed here except
the HHI of a stage's shares and the histogram bins, each said so in its footnote.
"""

from __future__ import annotations

from typing import Any

from critmin.brief.notes import Notes, cell
from critmin.data.catalogue import country as resolve_country
from critmin.errors import CritminError, NoDataError
from critmin.query import Critmin

#: Stages shown in bar charts and the Sankey: the largest producers, the rest as "other".
TOP = 5


def country_name(code: str) -> str:
    """A country's name for text, or the code if it is not a country (``OTHER``)."""
    if code == "OTHER":
        return "other countries"
    try:
        return resolve_country(code).name
    except CritminError:
        return code


def hhi_of(shares: dict[str, float]) -> float:
    """HHI over the listed producers' shares of the whole stage [0-10,000].

    Not renormalised: the shares are of the stage's total, and the producers not listed
    (each below the smallest listed) add little, so this is a close lower bound.
    """
    return float(sum((100.0 * v) ** 2 for v in shares.values() if v > 0))


def _assumption_note(notes: Notes, entry: dict[str, Any]) -> str:
    text = f"{entry.get('what', '')}: {entry.get('note', '')}".strip(": ")
    if entry.get("source"):
        text += f" Source: {entry['source']}".rstrip()
    basis = str(entry.get("basis") or "assumption")
    return notes.assumption(f"{entry.get('what')}|{entry.get('note')}", text, basis=basis)


def add_scenario(
    notes: Notes, brief: dict[str, Any], scenario: Any, result: dict[str, Any]
) -> None:
    """The scenario and every assumption it (and the network) used, with ranges."""
    fn = notes.assumption(
        f"scenario:{scenario.name}",
        f"Scenario “{scenario.name}”: target {scenario.target}, base year figures of "
        f"{scenario.base_year}, shocks evaluated at {scenario.horizon}. Each shock's basis "
        "is listed with it.",
        basis="scenario",
    )
    rows = []
    for entry in result.get("assumptions", []):
        efn = _assumption_note(notes, entry)
        row: dict[str, Any] = {"text": str(entry.get("what", "")), "fn": efn,
                               "basis": entry.get("basis", "")}
        value = entry.get("value")
        what = str(entry.get("what", ""))
        if what.startswith("shock "):
            index = int(what.split()[1].rstrip(":"))
            shock = scenario.shocks[index]
            capacity = getattr(shock, "capacity", None)
            unit = capacity.unit if capacity is not None else "share"
            if capacity is not None:
                value = capacity.value
            elif getattr(shock, "share_blocked", None) is not None:
                value = shock.share_blocked
            elif getattr(shock, "share_lost", None) is not None:
                value = shock.share_lost
            row["text"] = f"{what} ({_shock_label(shock)})"
        else:
            unit = "share" if isinstance(value, float) and 0 <= value <= 1 else ""
            if entry.get("note") and not isinstance(value, (int, float)):
                row["text"] = f"{what}: {entry['note']}"
        if isinstance(value, (int, float)):
            row["value"] = cell(value, unit, efn)
        for bound in ("low", "high"):
            if isinstance(entry.get(bound), (int, float)):
                row[bound] = cell(entry[bound], unit, efn)
        rows.append(row)
    brief["scenario"] = {
        "name": scenario.name,
        "description": scenario.description.strip(),
        "fn": fn,
        "target": scenario.target,
        "commodity": scenario.commodity,
        "base_year": cell(scenario.base_year, "year", fn),
        "horizon": cell(scenario.horizon, "year", fn),
        "assumptions": rows,
    }


def _shock_label(shock: Any) -> str:
    where = getattr(shock, "country", None) or getattr(shock, "from_", None) or ""
    if isinstance(where, list):
        where = ", ".join(where)
    stage = getattr(shock, "stage", None) or ", ".join(getattr(shock, "stages", None) or [])
    what = getattr(shock, "commodity", None) or ", ".join(
        getattr(shock, "elements", None) or getattr(shock, "commodities", None) or []
    )
    return " ".join(p for p in (shock.kind.replace("_", " "), where, what, stage) if p)


def _stage_sources(notes: Notes, db: Critmin, commodity: str, stage: str, year: int,
                   result: dict[str, Any]) -> list[str]:
    """Footnotes for where a stage's capacities come from: store sources and curated rows."""
    fns: list[str] = []
    try:
        profile = db.producers(commodity, stage=stage, year=year)
    except NoDataError:
        try:
            profile = db.producers(commodity, stage=stage)
        except NoDataError:
            profile = None
    if profile is not None:
        fns += [notes.source({**s, "basis": "reported"}) for s in profile.sources]
    for entry in result.get("assumptions", []):
        if entry.get("what") == f"{commodity} {stage} capacities":
            fns.append(_assumption_note(notes, entry))
    return fns


def add_stages(
    notes: Notes, db: Critmin, brief: dict[str, Any], scenario: Any, result: dict[str, Any]
) -> None:
    """Shares and HHI per stage, before and after, for the scenario's commodity."""
    key = scenario.commodity
    base, after = result["baseline"][key], result["scenario"][key]
    rows = []
    for stage in base["stages"]:
        sources = _stage_sources(notes, db, key, stage, scenario.base_year, result)
        fn = notes.computed(
            f"stage:{key}:{stage}",
            f"Shares of {stage} capacity in the {key} supply network (baseline: base-year "
            f"figures; after: with the scenario's shocks at the horizon), from the notes "
            f"cited here; HHI is the sum of squared percentage shares of the producers listed "
            f"(the largest producers and the countries the scenario names), a close lower "
            f"bound of the full stage's HHI.",
            sources,
        )
        b_shares, a_shares = base["shares"].get(stage, {}), after["shares"].get(stage, {})
        ranked = sorted(b_shares, key=lambda c: -b_shares[c])
        leader = ranked[0] if ranked else ""
        named = [c for c in a_shares if c not in ranked[:TOP]]
        bars = [
            {"label": country_name(c), "before": cell(b_shares.get(c, 0.0), "share", fn),
             "after": cell(a_shares.get(c, 0.0), "share", fn)}
            for c in ranked[:TOP] + named
        ]
        rows.append(
            {
                "stage": stage,
                "label": stage.capitalize(),
                "largest": country_name(leader),
                "largest_code": leader,
                "largest_share_before": cell(b_shares.get(leader, 0.0), "share", fn),
                "largest_share_after": cell(a_shares.get(leader, 0.0), "share", fn),
                "hhi_before": cell(round(hhi_of(b_shares), 1), "HHI", fn),
                "hhi_after": cell(round(hhi_of(a_shares), 1), "HHI", fn),
                "bars": bars,
                "fn": fn,
            }
        )
    brief["stages"] = rows


def add_network(notes: Notes, brief: dict[str, Any], scenario: Any, result: Any,
                result_dict: dict[str, Any]) -> None:
    """Deliverable volume per network and stage, the bottleneck, what it would take, flows."""
    stage_fns = {s["stage"]: s["fn"] for s in brief.get("stages", [])}
    fn = notes.computed(
        "network",
        f"Maximum flow to the target ({scenario.target}) through the multi-stage network, "
        "solved by linear programming (HiGHS); the bottleneck is the minimum cut.",
        list(stage_fns.values()),
    )
    deliverable = []
    for key, state in result_dict["scenario"].items():
        base = result_dict["baseline"][key]
        for stage in state["stages"]:
            b = base["delivered_t"].get(stage, 0.0)
            v = state["delivered_t"][stage]
            deliverable.append(
                {
                    "label": f"{key}, {stage}",
                    "key": key,
                    "stage": stage,
                    "baseline": cell(b, "t", fn),
                    "scenario": cell(v, "t", fn),
                    "delta": cell(round(v - b, 3), "t", fn),
                }
            )
    net: dict[str, Any] = {"deliverable": deliverable, "target": scenario.target}
    key = scenario.commodity
    bottleneck = result_dict["bottleneck"][key]
    cut_countries = [c["country"] for c in bottleneck["cut"] if c.get("country")][:TOP]
    net["bottleneck"] = {
        "stage": bottleneck["stage"],
        "countries": cut_countries,
        "text": (
            f"the minimum cut of the {key} chain to {scenario.target} lies at the "
            f"{bottleneck['stage'] or 'no'} stage"
            + (f", in {', '.join(country_name(c) for c in cut_countries)}" if cut_countries else "")
            + f"; the tightest stage is {bottleneck['tightest_stage']}."
        ),
        "fn": fn,
    }
    takes = []
    for t in result_dict.get("what_would_it_take", []):
        tfn = notes.computed(
            f"take:{t['metric']}",
            f"“What would it take”: {t.get('why', '').strip()} Solved by bisection on the "
            f"network flow; {t.get('note', '')}.",
            [fn],
        )
        takes.append(
            {
                "text": f"{t['metric']} {t['direction']} {t['threshold']:.0%}: "
                f"capacity needed" + ("" if t.get("reachable") else " (not reachable)"),
                "fn": tfn,
                "capacity": cell(t["capacity_needed_t"], "t", tfn),
                "in_scenario": cell(t["capacity_in_scenario_t"], "t", tfn),
                "metric": t["metric"],
            }
        )
    net["what_it_takes"] = takes
    net["flows"] = _flows(notes, result, key, fn)
    brief["network"] = net


def _flows(notes: Notes, result: Any, key: str, fn: str) -> dict[str, Any]:
    """Sankey data: capacity-arc throughput per (stage, country) and trade between stages."""
    from critmin.network.solve import CAPACITY, TRADE

    state = result.shocked[key]
    last = state.stages[-1]
    flow = state.cuts[last]
    ffn = notes.computed(
        f"flows:{key}",
        "One optimal routing of the maximum flow (the LP may have others of equal volume); "
        "countries beyond the largest few at each stage are grouped as other.",
        [fn],
    )
    through: dict[tuple[str, str], float] = {}
    links: dict[tuple[str, str, str], float] = {}
    for arc, value in zip(flow.graph.arcs, flow.flows, strict=True):
        if value <= 1e-9:
            continue
        if arc.kind == CAPACITY:
            through[(arc.stage, arc.country)] = through.get((arc.stage, arc.country), 0.0) + value
        elif arc.kind == TRADE and arc.to:
            k = (arc.stage, arc.country, arc.to)
            links[k] = links.get(k, 0.0) + float(value)
    keep: dict[str, set[str]] = {}
    for stage in state.stages:
        ranked = sorted((c for s, c in through if s == stage), key=lambda c: -through[(stage, c)])
        keep[stage] = set(ranked[:TOP])

    def node(stage: str, c: str) -> str:
        return f"{stage}:{c if c in keep.get(stage, set()) else 'other'}"

    nodes: dict[str, float] = {}
    for (stage, c), v in through.items():
        nodes[node(stage, c)] = nodes.get(node(stage, c), 0.0) + v
    agg: dict[tuple[str, str], float] = {}
    stages = list(state.stages)
    for (stage, c, to), v in links.items():
        if stage not in stages or stages.index(stage) + 1 >= len(stages):
            continue
        nxt = stages[stages.index(stage) + 1]
        k2 = (node(stage, c), node(nxt, to))
        agg[k2] = agg.get(k2, 0.0) + v
    return {
        "title": f"{key}: one optimal routing of the maximum flow",
        "stages": stages,
        "nodes": [
            {"id": n, "stage": n.split(":")[0], "label": country_name(n.split(":")[1])
             if n.split(":")[1] != "other" else "other",
             "cell": cell(round(v, 3), "t", ffn)}
            for n, v in sorted(nodes.items())
        ],
        "links": [
            {"source": a, "target": b, "cell": cell(round(v, 3), "t", ffn)}
            for (a, b), v in sorted(agg.items())
        ],
    }


def add_producers(notes: Notes, db: Critmin, brief: dict[str, Any], scenario: Any) -> None:
    """Ranked bars of the base year's mine producers, each with its source."""
    try:
        profile = db.producers(scenario.commodity, stage="mining", year=scenario.base_year)
    except NoDataError:
        return
    fns = [notes.source({**s, "basis": "reported"}) for s in profile.sources]
    share_fn = notes.computed(
        f"producer-shares:{profile.commodity}:{profile.year}",
        "Share of the sum of the country figures (including the publisher's other countries).",
        fns,
    )
    by_source = {s["id"]: f for s, f in zip(profile.sources, fns, strict=True)}
    rows = [
        {
            "label": p.name,
            "country": p.country,
            "cell": cell(p.value, profile.unit, by_source.get(p.source_id, fns[0])),
            "share": cell(round(p.share, 6), "share", share_fn),
        }
        for p in profile.producers[:8]
        if p.value > 0
    ]
    brief["producers"] = {
        "title": f"{profile.name}: mine production in the base year",
        "year": cell(profile.year, "year", fns[0]),
        "rows": rows,
        "hhi": cell(round(profile.hhi, 1), "HHI", share_fn),
    }


def add_risk(notes: Notes, brief: dict[str, Any], base: dict[str, Any], scen: dict[str, Any],
             edges: list[float], counts_base: list[int], counts_scen: list[int]) -> None:
    """Monte Carlo supply-at-risk, baseline and scenario, with the method's note."""
    mapping = base.get("disruption_mapping", {})
    fn = notes.computed(
        f"risk:{base['network']}",
        f"Monte Carlo supply-at-risk of {base['network']} to {base['target']}: {base['draws']:,} "
        f"draws, seed {base['seed']}; each draw disrupts countries with an annual probability "
        f"mapped from WGI political stability ({mapping}), samples the scenario's ranges and "
        "shock probabilities, and computes the deliverable volume. Shortfall is measured "
        "against the undisrupted deliverable volume; expected shortfall at 95% is the mean "
        "shortfall of the worst 5% of draws. Histogram bins are equal-width.",
        [],
    )

    def side(r: dict[str, Any], counts: list[int], label: str) -> dict[str, Any]:
        return {
            "mean": cell(r["mean_t"], "t", fn),
            "p05": cell(r["percentiles_t"]["p5"], "t", fn),
            "p_shortfall": cell(r["p_shortfall_over"]["10%"], "probability", fn),
            "es95": cell(r["expected_shortfall_95_t"], "t", fn),
            "reference": cell(r["reference_t"], "t", fn),
            "contributions": [
                {"country": c["country"], "share": cell(c["contribution"], "share", fn)}
                for c in r["contributions"][:TOP]
            ],
            "hist": {"label": label, "edges": edges, "counts": counts, "fn": fn, "unit": "t"},
        }

    brief["risk"] = {
        "fn": fn,
        "title": f"{base['network']} deliverable to {base['target']}",
        "threshold": "10%",
        "baseline": side(base, counts_base, "baseline"),
        "scenario": side(scen, counts_scen, "scenario"),
    }


def summary(notes: Notes, brief: dict[str, Any], scenario: Any) -> dict[str, Any]:
    """One paragraph with the headline numbers, citing the notes they come from."""
    parts = []
    deps = []
    for st in brief.get("stages", [])[:2]:
        before = st["largest_share_before"]["value"]
        after = st["largest_share_after"]["value"]
        parts.append(
            f"{st['largest']}'s share of {st['stage']} goes from {before:.1%} to {after:.1%}"
        )
        deps.append(st["fn"])
    net = brief.get("network", {})
    for t in net.get("what_it_takes", [])[:1]:
        parts.append(
            f"taking {t['metric'].split(':')[1]}'s share of {t['metric'].split(':')[2]} below "
            f"the threshold would need about {t['capacity']['value']:,.0f} t a year of such "
            "capacity"
        )
        deps.append(t["fn"])
    risk = brief.get("risk")
    if risk:
        parts.append(
            f"the chance of a shortfall over 10% to {scenario.target} moves from "
            f"{risk['baseline']['p_shortfall']['value']:.1%} to "
            f"{risk['scenario']['p_shortfall']['value']:.1%}"
        )
        deps.append(risk["fn"])
    text = (f"In the scenario “{scenario.name}” at {scenario.horizon}, " + "; ".join(parts)
            + ". Assumptions are listed below with their ranges.")
    return {"text": text, "fn": notes.computed("summary", "Headline figures of this brief.", deps)}
