"""Render a brief (a JSON-ready dict) as JSON, Markdown and one self-contained HTML file.

The dict is the single source: HTML and Markdown only format what it holds, so their numbers
equal ``brief.json``'s. Every number printed in the HTML sits in an element whose ``data-fn``
names a footnote (a source, an assumption or a computation) listed at the end.
"""

from __future__ import annotations

import json
import math
from html import escape
from typing import Any

from critmin.brief import charts

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:980px;margin:2em auto;
padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;
margin-top:1.6em}table{border-collapse:collapse;margin:.6em 0}td,th{border-bottom:1px solid #eee;
padding:.25em .6em;text-align:left;vertical-align:top}td.n{text-align:right;white-space:nowrap}
.num sup{font-size:.7em}.num a{text-decoration:none;color:#1f5f8b}
blockquote{margin:.4em 0 .4em 1em;padding-left:.8em;border-left:3px solid #ccd;color:#444}
.open{color:#b35900;font-weight:600}.answered{color:#2e7d32;font-weight:600}
.inferred{color:#1f5f8b;font-weight:600}.assumed{color:#8a6d00;font-weight:600}
.assumption{background:#fff6e0}.kind{font-size:.8em;color:#666;text-transform:uppercase}
ol.notes li{margin:.2em 0;font-size:.9em}svg.chart{display:block;margin:.8em 0;max-width:100%}
.muted{color:#666;font-size:.9em}
"""


def _fmt_value(value: Any, unit: str) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, bool):
        return "yes" if value else "no"
    v = float(value)
    if unit in ("share", "fraction", "probability"):
        return f"{v * 100:.1f}%"
    if unit == "HHI":
        return f"{v:,.0f}"
    if not math.isfinite(v):
        return str(v)
    text = f"{v:,.0f}" if abs(v) >= 100 or v == int(v) else f"{v:,.3g}"
    if unit in ("year", ""):
        text = f"{v:.0f}" if unit == "year" else text
        return text
    return f"{text} {unit}"


def num(cell: dict[str, Any] | None) -> str:
    """One number with its footnote marker, as HTML."""
    if not cell:
        return '<span class="muted">n/a</span>'
    fn = escape(str(cell["fn"]))
    label = escape(_fmt_value(cell.get("value"), str(cell.get("unit", ""))))
    marker = fn.lstrip("n")
    return (
        f'<span class="num" data-fn="{fn}">{label}<sup><a href="#{fn}">{marker}</a></sup></span>'
    )


def to_json(brief: dict[str, Any]) -> str:
    """Canonical JSON: sorted keys, fixed float rounding, so equal inputs give equal bytes."""
    return json.dumps(_round(brief), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _round(obj: Any) -> Any:
    if isinstance(obj, float):
        if not math.isfinite(obj):
            return None
        return float(f"{obj:.6g}") if abs(obj) < 1e6 else round(obj, 1)
    if isinstance(obj, dict):
        return {str(k): _round(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_round(v) for v in obj]
    return obj


def _text_with_fn(text: str, fn: str) -> str:
    return f'<span data-fn="{escape(fn)}">{escape(text)}</span>'


def _events_html(brief: dict[str, Any]) -> list[str]:
    events = brief.get("events") or []
    out = ["<h2>What happened</h2>"]
    if not events:
        out.append(f"<p>{escape(brief.get('message', 'No supply-chain event found.'))}</p>")
        return out
    out.append("<table><tr><th>Event</th><th>Where</th><th>What</th><th>Quantity</th>"
               "<th>Date</th></tr>")
    for e in events:
        q = num(e["quantity"]) if e.get("quantity") else ""
        date = ""
        if e.get("date"):
            label = e["date"] if e.get("date_basis") != "article" else f"{e['date']} (article date)"
            date = _text_with_fn(label, e["fn"])
        out.append(
            f"<tr><td>{escape(e['type'])}</td><td>{escape(', '.join(e.get('countries', [])))}"
            f"</td><td>{escape(', '.join(e.get('commodities', [])))}</td><td>{q}</td>"
            f"<td>{date}</td></tr>"
            f'<tr><td colspan="5"><blockquote data-fn="{escape(e["fn"])}">'
            f"{escape(e['evidence'])}</blockquote></td></tr>"
        )
    out.append("</table>")
    return out


def _questions_html(brief: dict[str, Any]) -> list[str]:
    dev = brief.get("development") or {}
    questions = dev.get("questions") or []
    if not questions:
        return []
    title = dev.get("title", "")
    heading = _text_with_fn(title, dev["fn"]) if dev.get("fn") else escape(title)
    out = [f"<h2>Investor questions: {heading}</h2><table>"]
    for q in questions:
        status = escape(q["status"])
        answer = escape(q.get("answer") or "")
        if q.get("fn"):
            answer = f'<span data-fn="{escape(q["fn"])}">{answer}</span>'
        evidence = (
            f'<blockquote data-fn="{escape(q["fn"])}">{escape(q["evidence"])}</blockquote>'
            if q.get("evidence") and q.get("fn")
            else ""
        )
        out.append(
            f"<tr><td>{escape(q['question'])}</td><td class=\"{status}\">{status}</td>"
            f"<td>{answer}{evidence}</td></tr>"
        )
    out.append("</table>")
    return out


def _scenario_html(brief: dict[str, Any]) -> list[str]:
    sc = brief.get("scenario")
    if not sc:
        return []
    out = [f"<h2>Scenario: {_text_with_fn(sc.get('name', ''), sc['fn'])}</h2>"]
    if sc.get("description"):
        out.append(f"<p>{_text_with_fn(sc['description'], sc['fn'])}</p>")
    assumptions = sc.get("assumptions") or []
    if assumptions:
        out.append("<table><tr><th>Assumption</th><th>Value</th><th>Range</th></tr>")
        for a in assumptions:
            rng = ""
            if a.get("low") and a.get("high"):
                rng = f"{num(a['low'])} – {num(a['high'])}"
            value = num(a["value"]) if a.get("value") else ""
            out.append(
                f'<tr class="assumption"><td>{_text_with_fn(a["text"], a["fn"])}</td>'
                f"<td class=\"n\">{value}</td><td class=\"n\">{rng}</td></tr>"
            )
        out.append("</table>")
    return out


def _stages_html(brief: dict[str, Any]) -> list[str]:
    stages = brief.get("stages") or []
    if not stages:
        return []
    out = ["<h2>Concentration before and after</h2><table><tr><th>Stage</th>"
           "<th>Largest producer</th><th>Share before</th><th>Share after</th>"
           "<th>HHI before</th><th>HHI after</th></tr>"]
    for st in stages:
        out.append(
            f"<tr><td>{escape(st['label'])}</td><td>{escape(st.get('largest', ''))}</td>"
            f"<td class=\"n\">{num(st.get('largest_share_before'))}</td>"
            f"<td class=\"n\">{num(st.get('largest_share_after'))}</td>"
            f"<td class=\"n\">{num(st.get('hhi_before'))}</td>"
            f"<td class=\"n\">{num(st.get('hhi_after'))}</td></tr>"
        )
    out.append("</table>")
    for st in stages:
        rows = st.get("bars") or []
        if rows:
            out.append(charts.share_bars(rows, f"{st['label']}: shares before and after"))
    return out


def _network_html(brief: dict[str, Any]) -> list[str]:
    net = brief.get("network")
    if not net:
        return []
    out = ["<h2>What can still be delivered</h2><table>"]
    for row in net.get("deliverable", []):
        out.append(
            f"<tr><td>{escape(row['label'])}</td><td class=\"n\">{num(row.get('baseline'))}</td>"
            f"<td class=\"n\">{num(row.get('scenario'))}</td>"
            f"<td class=\"n\">{num(row.get('delta'))}</td></tr>"
        )
    out.insert(1, "<tr><th>Delivered to target</th><th>Baseline</th><th>Scenario</th>"
                  "<th>Change</th></tr>")
    out.append("</table>")
    if net.get("bottleneck"):
        b = net["bottleneck"]
        out.append(f"<p><b>Bottleneck:</b> {_text_with_fn(b['text'], b['fn'])}</p>")
    for w in net.get("what_it_takes") or []:
        out.append(f"<p><b>What it would take:</b> {_text_with_fn(w['text'], w['fn'])} "
                   f"{num(w.get('capacity'))} (this scenario: {num(w.get('in_scenario'))})</p>")
    flows = net.get("flows")
    if flows:
        out.append(charts.sankey(flows["stages"], flows["nodes"], flows["links"],
                                 flows.get("title", "Flows by stage")))
    return out


def _producers_html(brief: dict[str, Any]) -> list[str]:
    prod = brief.get("producers")
    if not prod or not prod.get("rows"):
        return []
    return ["<h2>Producers</h2>", charts.ranked_bars(prod["rows"], prod["title"])]


def _risk_html(brief: dict[str, Any]) -> list[str]:
    risk = brief.get("risk")
    if not risk:
        return []
    out = ["<h2>Supply at risk (Monte Carlo)</h2><table><tr><th></th><th>Baseline</th>"
           "<th>Scenario</th></tr>"]
    for key, label in (("mean", "Mean delivered"), ("p05", "5th percentile"),
                       ("p_shortfall", "P(shortfall > threshold)"),
                       ("es95", "Expected shortfall at 95%")):
        # the labels name the method's parameters, so they cite the method's note
        out.append(
            f"<tr><td>{_text_with_fn(label, risk['fn'])}</td>"
            f"<td class=\"n\">{num(risk['baseline'].get(key))}</td>"
            f"<td class=\"n\">{num(risk['scenario'].get(key))}</td></tr>"
        )
    out.append("</table>")
    series = [h for h in (risk["baseline"].get("hist"), risk["scenario"].get("hist")) if h]
    if series:
        out.append(charts.histogram(series, risk.get("title", "Deliverable volume")))
    return out


def _footnotes_html(brief: dict[str, Any]) -> list[str]:
    out = ['<h2>Sources and assumptions</h2><ol class="notes" id="footnotes">']
    for n in brief.get("footnotes", []):
        link = f' <a href="{escape(n["url"])}">{escape(n["url"])}</a>' if n.get("url") else ""
        out.append(
            f'<li id="{escape(n["id"])}"><span class="kind">{escape(n.get("basis", ""))}</span> '
            f"{escape(n['text'])}{link}</li>"
        )
    out.append("</ol>")
    return out


def to_html(brief: dict[str, Any]) -> str:
    """One self-contained HTML page: inline CSS and SVG, no scripts, no external requests."""
    head = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">"
        "<title>critmin brief</title>"
        f"<style>{CSS}</style></head><body>"
    )
    title = brief.get("title", "critmin brief")
    heading = _text_with_fn(title, brief["title_fn"]) if brief.get("title_fn") else escape(title)
    parts = [head, f"<h1>{heading}</h1>"]
    if brief.get("summary"):
        summary = brief["summary"]
        parts.append(f'<p class="lead">{_text_with_fn(summary["text"], summary["fn"])}</p>')
    for section in (_events_html, _questions_html, _scenario_html, _stages_html,
                    _network_html, _producers_html, _risk_html, _footnotes_html):
        parts.extend(section(brief))
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _md_value(cell: dict[str, Any] | None, notes: dict[str, int]) -> str:
    if not cell:
        return "n/a"
    return f"{_fmt_value(cell.get('value'), str(cell.get('unit', '')))}[^{notes[cell['fn']]}]"


def to_markdown(brief: dict[str, Any]) -> str:
    """The brief as Markdown with footnotes (``[^n]``)."""
    notes = {n["id"]: i + 1 for i, n in enumerate(brief.get("footnotes", []))}
    lines = [f"# {brief.get('title', 'critmin brief')}", ""]
    if brief.get("summary"):
        lines += [brief["summary"]["text"], ""]
    events = brief.get("events") or []
    lines += ["## What happened", ""]
    if not events:
        lines += [brief.get("message", "No supply-chain event found."), ""]
    for e in events:
        q = f", {_md_value(e['quantity'], notes)}" if e.get("quantity") else ""
        lines.append(
            f"- **{e['type']}** {', '.join(e.get('countries', []))} / "
            f"{', '.join(e.get('commodities', []))}{q} ({e.get('date') or 'no date'})"
            f" — > {e['evidence']} [^{notes[e['fn']]}]"
        )
    dev = brief.get("development") or {}
    if dev.get("questions"):
        lines += ["", f"## Investor questions: {dev.get('title', '')}", ""]
        for q in dev["questions"]:
            ans = f": {q['answer']}" if q.get("answer") else ""
            ref = f" [^{notes[q['fn']]}]" if q.get("fn") else ""
            lines.append(f"- {q['question']} — **{q['status']}**{ans}{ref}")
    if brief.get("stages"):
        lines += ["", "## Concentration before and after", "",
                  "| stage | largest | share before | share after | HHI before | HHI after |",
                  "|---|---|---|---|---|---|"]
        for st in brief["stages"]:
            lines.append(
                f"| {st['label']} | {st.get('largest', '')} | "
                f"{_md_value(st.get('largest_share_before'), notes)} | "
                f"{_md_value(st.get('largest_share_after'), notes)} | "
                f"{_md_value(st.get('hhi_before'), notes)} | "
                f"{_md_value(st.get('hhi_after'), notes)} |"
            )
    net = brief.get("network")
    if net:
        lines += ["", "## What can still be delivered", ""]
        for row in net.get("deliverable", []):
            lines.append(
                f"- {row['label']}: {_md_value(row.get('baseline'), notes)} → "
                f"{_md_value(row.get('scenario'), notes)} "
                f"(change {_md_value(row.get('delta'), notes)})"
            )
        if net.get("bottleneck"):
            lines.append(f"- Bottleneck: {net['bottleneck']['text']}")
        for w in net.get("what_it_takes") or []:
            lines.append(f"- What it would take: {w['text']} {_md_value(w.get('capacity'), notes)}")
    risk = brief.get("risk")
    if risk:
        lines += ["", "## Supply at risk (Monte Carlo)", "", "| | baseline | scenario |",
                  "|---|---|---|"]
        for key in ("mean", "p05", "p_shortfall", "es95"):
            lines.append(f"| {key} | {_md_value(risk['baseline'].get(key), notes)} | "
                         f"{_md_value(risk['scenario'].get(key), notes)} |")
    lines += ["", "## Sources and assumptions", ""]
    for n in brief.get("footnotes", []):
        url = f" {n['url']}" if n.get("url") else ""
        lines.append(f"[^{notes[n['id']]}]: ({n.get('basis', '')}) {n['text']}{url}")
    return "\n".join(lines) + "\n"
