"""Brief rendering: every number footnoted, hostile text inert, charts drawn in Chromium."""

from critmin.brief.audit import unfootnoted_numbers
from critmin.brief.notes import Notes, cell
from critmin.brief.render import to_html, to_json, to_markdown
from tests.browser import page


def synthetic_brief() -> dict:
    notes = Notes()
    usgs = notes.source(
        {
            "id": "usgs-mcs2026:rare-earths:world",
            "publisher": "U.S. Geological Survey",
            "title": "Mineral Commodity Summaries 2026",
            "year": 2026,
            "table": "World Mine Production",
            "url": "https://doi.org/10.5066/P1WKQ63T",
        }
    )
    art = notes.source(
        {
            "id": "article:abc",
            "publisher": "Example Wire",
            "title": "Tokayev orders",
            "year": 2025,
            "table": "article",
        }
    )
    ass = notes.assumption(
        "kz-mining", "KZ mining capacity of 5,000 t REO a year is our assumption"
    )
    calc = notes.computed("shares", "shares of the country sum", [usgs, ass])
    return {
        "title": "critmin brief: Kazakhstan rare earths",
        "events": [
            {
                "type": "new_capacity",
                "countries": ["KZ"],
                "commodities": ["rare-earths"],
                "quantity": cell(3, "enterprises", art),
                "date": "2025-09-08",
                "evidence": "Tokayev ordered at least three enterprises <script>alert(1)</script>",
                "fn": art,
            }
        ],
        "development": {
            "title": "KZ rare earths",
            "questions": [
                {"question": "Which elements?", "status": "open", "answer": "", "fn": None}
            ],
        },
        "scenario": {
            "name": "kz",
            "description": "New capacity from 2027",
            "fn": ass,
            "assumptions": [
                {
                    "text": "KZ mining capacity",
                    "fn": ass,
                    "value": cell(5000, "t", ass),
                    "low": cell(2000, "t", ass),
                    "high": cell(10000, "t", ass),
                }
            ],
        },
        "stages": [
            {
                "label": "Mining",
                "largest": "China",
                "largest_share_before": cell(0.703, "share", calc),
                "largest_share_after": cell(0.694, "share", calc),
                "hhi_before": cell(5192, "HHI", calc),
                "hhi_after": cell(5050, "HHI", calc),
                "bars": [
                    {
                        "label": "China",
                        "before": cell(0.703, "share", calc),
                        "after": cell(0.694, "share", calc),
                    }
                ],
            }
        ],
        "network": {
            "deliverable": [
                {
                    "label": "Mining to non-CN",
                    "baseline": cell(114000, "t", calc),
                    "scenario": cell(119000, "t", calc),
                    "delta": cell(5000, "t", calc),
                }
            ],
            "bottleneck": {"text": "refining in CN", "fn": calc},
            "flows": {
                "stages": ["mining", "refining"],
                "nodes": [
                    {
                        "id": "m:CN",
                        "stage": "mining",
                        "label": "CN",
                        "cell": cell(270000, "t", usgs),
                    },
                    {
                        "id": "r:CN",
                        "stage": "refining",
                        "label": "CN",
                        "cell": cell(270000, "t", calc),
                    },
                ],
                "links": [{"source": "m:CN", "target": "r:CN", "cell": cell(270000, "t", calc)}],
            },
        },
        "producers": {
            "title": "Mine production",
            "rows": [
                {
                    "label": "China",
                    "cell": cell(270000, "t", usgs),
                    "share": cell(0.703, "share", calc),
                }
            ],
        },
        "risk": {
            "fn": calc,
            "baseline": {
                "mean": cell(380000, "t", calc),
                "p05": cell(300000, "t", calc),
                "p_shortfall": cell(0.1, "probability", calc),
                "es95": cell(90000, "t", calc),
                "hist": {
                    "label": "baseline",
                    "edges": [0, 1, 2],
                    "counts": [3, 5],
                    "fn": calc,
                    "unit": "t",
                },
            },
            "scenario": {
                "mean": cell(385000, "t", calc),
                "p05": cell(310000, "t", calc),
                "p_shortfall": cell(0.08, "probability", calc),
                "es95": cell(85000, "t", calc),
                "hist": {
                    "label": "scenario",
                    "edges": [0, 1, 2],
                    "counts": [2, 6],
                    "fn": calc,
                    "unit": "t",
                },
            },
        },
        "footnotes": notes.entries,
    }


def test_every_number_has_a_footnote_and_scripts_are_inert():
    html = to_html(synthetic_brief())
    assert unfootnoted_numbers(html) == []
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_audit_catches_a_bare_number_and_a_missing_footnote():
    html = to_html(synthetic_brief())
    bad = html.replace("<h2>What happened</h2>", "<h2>What happened in 2025</h2>")
    assert any("2025" in p for p in unfootnoted_numbers(bad))
    bad = html.replace('id="n1"', 'id="x1"')
    assert any("'n1'" in p for p in unfootnoted_numbers(bad))


def test_json_is_canonical_and_markdown_has_footnotes():
    brief = synthetic_brief()
    assert to_json(brief) == to_json(synthetic_brief())
    md = to_markdown(brief)
    assert "[^1]:" in md and "70.3%" in md


def test_renders_in_headless_chromium(tmp_path):
    path = tmp_path / "brief.html"
    path.write_text(to_html(synthetic_brief()), encoding="utf-8")
    with page() as (pg, errors, requests):
        pg.goto(path.as_uri())
        pg.wait_for_load_state("load")
        shot = tmp_path / "brief.png"
        pg.screenshot(path=str(shot), full_page=True)
        drawn = pg.evaluate(
            "() => Array.from(document.querySelectorAll('svg.chart .bar, svg.chart .node'))"
            ".filter(e => e.getBoundingClientRect().width > 0).length"
        )
        charts = pg.evaluate("() => document.querySelectorAll('svg.chart').length")
    assert errors == []
    assert requests == [path.as_uri()]
    assert charts == 4
    assert drawn >= 4
    assert shot.stat().st_size > 10_000
