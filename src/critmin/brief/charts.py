"""Inline SVG charts for the HTML brief: no JavaScript, no network, numbers footnoted.

Charts are drawn here rather than with a plotting library so that the brief is one small
self-contained file that renders offline, and so that every number printed on a chart can
carry its footnote (``data-fn``) like the numbers in the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

PALETTE = ("#1f5f8b", "#d9822b", "#3c9d5d", "#a23b72", "#6c757d", "#c0392b", "#8e6c8a")
BEFORE, AFTER = "#9fb6c8", "#1f5f8b"


def _num_text(
    x: float, y: float, label: str, fn: str, anchor: str = "start", size: int = 11
) -> str:
    return (
        f'<a href="#{fn}"><text x="{x:.1f}" y="{y:.1f}" font-size="{size}" '
        f'text-anchor="{anchor}" data-fn="{fn}">{escape(label)}</text></a>'
    )


def _label(x: float, y: float, label: str, anchor: str = "end", size: int = 11) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}">'
        f"{escape(label)}</text>"
    )


def _svg(width: int, height: int, body: list[str], title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'font-family="system-ui, sans-serif"><title>{escape(title)}</title>'
        + "".join(body)
        + "</svg>"
    )


def share_bars(
    rows: Sequence[dict[str, Any]], title: str, *, width: int = 560, bar: int = 12
) -> str:
    """Grouped horizontal bars of shares before and after a scenario.

    ``rows``: ``{"label", "before": cell, "after": cell}`` with cells ``{"value", "fn"}`` as
    fractions (0-1); ``after`` may be None for a single series.
    """
    left, right = 150, 70
    span = width - left - right
    height = 30 + len(rows) * (2 * bar + 10) + 20
    body = [_label(8, 16, title, anchor="start", size=13)]
    y = 30.0
    for row in rows:
        body.append(_label(left - 6, y + bar + 3, str(row["label"])))
        for cell, colour, dy in ((row.get("before"), BEFORE, 0), (row.get("after"), AFTER, bar)):
            if not cell or cell.get("value") is None:
                continue
            w = max(0.0, float(cell["value"])) * span
            body.append(
                f'<rect class="bar" x="{left}" y="{y + dy:.1f}" width="{w:.1f}" '
                f'height="{bar - 1}" fill="{colour}"/>'
            )
            body.append(
                _num_text(left + w + 4, y + dy + bar - 2, f"{float(cell['value']) * 100:.1f}%",
                          cell["fn"])
            )
        y += 2 * bar + 10
    body.append(
        f'<rect x="{left}" y="{height - 14}" width="10" height="8" fill="{BEFORE}"/>'
        + _label(left + 14, height - 6, "before", anchor="start", size=10)
        + f'<rect x="{left + 70}" y="{height - 14}" width="10" height="8" fill="{AFTER}"/>'
        + _label(left + 84, height - 6, "after", anchor="start", size=10)
    )
    return _svg(width, height, body, title)


def ranked_bars(
    rows: Sequence[dict[str, Any]], title: str, *, width: int = 560, bar: int = 16
) -> str:
    """Ranked horizontal bars of producers' volumes (``{"label", "cell", "share": cell}``)."""
    left, right = 150, 150
    span = width - left - right
    top = max((float(r["cell"]["value"] or 0) for r in rows), default=0.0) or 1.0
    height = 30 + len(rows) * (bar + 6) + 6
    body = [_label(8, 16, title, anchor="start", size=13)]
    y = 30.0
    for i, row in enumerate(rows):
        value = float(row["cell"]["value"] or 0)
        w = value / top * span
        body.append(_label(left - 6, y + bar - 4, str(row["label"])))
        body.append(
            f'<rect class="bar" x="{left}" y="{y:.1f}" width="{w:.1f}" height="{bar}" '
            f'fill="{PALETTE[i % len(PALETTE)]}"/>'
        )
        text = f"{value:,.0f} {row['cell']['unit']}"
        body.append(_num_text(left + w + 4, y + bar - 4, text, row["cell"]["fn"]))
        if row.get("share"):
            body.append(
                _num_text(width - 4, y + bar - 4, f"{float(row['share']['value']) * 100:.1f}%",
                          row["share"]["fn"], anchor="end")
            )
        y += bar + 6
    return _svg(width, height, body, title)


def sankey(
    stages: Sequence[str],
    nodes: Sequence[dict[str, Any]],
    links: Sequence[dict[str, Any]],
    title: str,
    *,
    width: int = 760,
    height: int = 360,
) -> str:
    """A flow diagram: nodes in one column per stage, bands as wide as the flow.

    ``nodes``: ``{"id", "stage", "label", "cell"}``; ``links``: ``{"source", "target", "cell"}``
    (node ids; cells carry the flow and its footnote).
    """
    top, bottom, pad, node_w = 28, 10, 8, 14
    columns = {s: i for i, s in enumerate(stages)}
    col_x = {
        s: 20 + i * (width - 180 - node_w) / max(1, len(stages) - 1) for s, i in columns.items()
    }
    by_stage: dict[str, list[dict[str, Any]]] = {s: [] for s in stages}
    for n in nodes:
        if n["stage"] in by_stage and float(n["cell"]["value"] or 0) > 0:
            by_stage[n["stage"]].append(n)
    totals = [sum(float(n["cell"]["value"]) for n in ns) for ns in by_stage.values()]
    max_total = max(totals, default=1.0) or 1.0
    crowded = max((len(ns) for ns in by_stage.values()), default=0)
    scale = (height - top - bottom - pad * crowded) / max_total
    pos: dict[str, list[float]] = {}
    body = [_label(8, 16, title, anchor="start", size=13)]
    for stage, ns in by_stage.items():
        x = col_x[stage]
        body.append(_label(x, top - 4, stage, anchor="start", size=11))
        y = float(top + 4)
        for i, n in enumerate(sorted(ns, key=lambda n: -float(n["cell"]["value"]))):
            h = max(1.0, float(n["cell"]["value"]) * scale)
            pos[n["id"]] = [x, y, h, y, y]  # x, y, height, next out-offset, next in-offset
            body.append(
                f'<rect class="node" x="{x:.1f}" y="{y:.1f}" width="{node_w}" height="{h:.1f}" '
                f'fill="{PALETTE[i % len(PALETTE)]}"/>'
            )
            body.append(_label(x + node_w + 3, y + min(h, 14) - 2, str(n["label"]),
                               anchor="start", size=10))
            y += h + pad
    for link in sorted(links, key=lambda lk: -float(lk["cell"]["value"] or 0)):
        if link["source"] not in pos or link["target"] not in pos:
            continue
        value = float(link["cell"]["value"] or 0)
        if value <= 0:
            continue
        src, dst = pos[link["source"]], pos[link["target"]]
        h = max(0.8, value * scale)
        x0, y0 = src[0] + node_w, src[3]
        x1, y1 = dst[0], dst[4]
        src[3] += h
        dst[4] += h
        mid = (x0 + x1) / 2
        body.append(
            f'<path class="link" data-fn="{link["cell"]["fn"]}" d="M{x0:.1f},{y0:.1f} '
            f"C{mid:.1f},{y0:.1f} {mid:.1f},{y1:.1f} {x1:.1f},{y1:.1f} "
            f"L{x1:.1f},{y1 + h:.1f} C{mid:.1f},{y1 + h:.1f} {mid:.1f},{y0 + h:.1f} "
            f'{x0:.1f},{y0 + h:.1f} Z" fill="#1f5f8b" fill-opacity="0.25"/>'
        )
    return _svg(width, height, body, title)


def histogram(
    series: Sequence[dict[str, Any]], title: str, *, width: int = 560, height: int = 220
) -> str:
    """Overlaid histograms of Monte Carlo outcomes.

    ``series``: ``{"label", "edges": [...], "counts": [...], "fn"}``; bins share ``edges``
    within a series. Axis labels carry the series' footnote.
    """
    left, bottom, top = 50, 40, 28
    span_x, span_y = width - left - 20, height - top - bottom
    lo = min((s["edges"][0] for s in series), default=0.0)
    hi = max((s["edges"][-1] for s in series), default=1.0)
    hi = hi if hi > lo else lo + 1.0
    peak = max((max(s["counts"]) / max(1, sum(s["counts"])) for s in series if s["counts"]),
               default=1.0) or 1.0
    body = [_label(8, 16, title, anchor="start", size=13)]
    for i, s in enumerate(series):
        total = max(1, sum(s["counts"]))
        colour = (BEFORE, AFTER)[i % 2]
        for a, b, c in zip(s["edges"][:-1], s["edges"][1:], s["counts"], strict=True):
            x = left + (a - lo) / (hi - lo) * span_x
            w = max(0.5, (b - a) / (hi - lo) * span_x)
            h = c / total / peak * span_y
            body.append(
                f'<rect class="bar" x="{x:.1f}" y="{top + span_y - h:.1f}" width="{w:.1f}" '
                f'height="{h:.1f}" fill="{colour}" fill-opacity="0.7"/>'
            )
        body.append(
            f'<rect x="{left + 150 * i}" y="{height - 14}" width="10" height="8" fill="{colour}"/>'
            + _label(left + 14 + 150 * i, height - 6, str(s["label"]), anchor="start", size=10)
        )
    fn = series[0]["fn"] if series else ""
    unit = series[0].get("unit", "") if series else ""
    for frac in (0.0, 0.5, 1.0):
        v = lo + frac * (hi - lo)
        body.append(_num_text(left + frac * span_x, top + span_y + 14, f"{v:,.0f} {unit}".strip(),
                              fn, anchor="middle", size=10))
    body.append(
        f'<line x1="{left}" y1="{top + span_y}" x2="{left + span_x}" y2="{top + span_y}" '
        'stroke="#333"/>'
    )
    return _svg(width, height, body, title)
