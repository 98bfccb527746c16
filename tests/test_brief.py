"""The main job end to end: article -> brief, equal to the individual commands, reproducible."""

import json
from pathlib import Path

import pytest

from critmin.brief.audit import unfootnoted_numbers
from critmin.brief.compose import compose_brief
from critmin.brief.write import write_brief
from critmin.scenarios import api as scenarios
from tests.browser import page
from tests.helpers import run_cli

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "examples" / "kazakhstan-rare-earth-enterprises.md"
DRAWS, SEED = 20_000, 7


@pytest.fixture(scope="module")
def kz(built_db, tmp_path_factory):
    import critmin

    out = tmp_path_factory.mktemp("brief")
    with critmin.open(str(built_db), build=False) as db:
        run = compose_brief(ARTICLE, db, draws=DRAWS, seed=SEED)
        paths = write_brief(run, out)
    return run, paths


def test_kazakhstan_article_events_and_questions(kz):
    run, _ = kz
    brief = run.brief
    first = brief["events"][0]
    assert (first["type"], first["countries"], first["commodities"]) == (
        "new_capacity", ["KZ"], ["rare-earths"]
    )
    assert first["quantity"]["value"] == 3 and first["date"] == "2025-09-08"
    statuses = {q["key"]: q["status"] for q in brief["development"]["questions"]}
    assert statuses["financing"] == "open"  # the article does not say who pays
    assert statuses["elements"] == "inferred"
    for q in brief["development"]["questions"]:
        assert q["status"] == "open" or q["fn"] in {n["id"] for n in brief["footnotes"]}


def test_brief_numbers_equal_the_individual_commands(kz, built_db):
    run, paths = kz
    brief = run.brief
    # the scenario the brief built is written out; running it alone gives the same network
    alone = scenarios.run(paths["scenario"], built_db).to_dict()
    for row in brief["network"]["deliverable"]:
        assert row["baseline"]["value"] == alone["baseline"][row["key"]]["delivered_t"][
            row["stage"]]
        assert row["scenario"]["value"] == alone["scenario"][row["key"]]["delivered_t"][
            row["stage"]]
    for st in brief["stages"]:
        leader = st["largest_code"]
        assert st["largest_share_after"]["value"] == alone["scenario"]["rare-earths"][
            "shares"][st["stage"]][leader]
    # the Monte Carlo equals `critmin risk` with the same inputs and seed
    risk = run.risk_commodity
    cli = json.loads(run_cli("risk", risk, "--draws", str(DRAWS), "--seed", str(SEED),
                             "--target", run.risk_target, "--scenario", str(paths["scenario"]),
                             "--format", "json", db=built_db).stdout)
    assert brief["risk"]["scenario"]["mean"]["value"] == cli["mean_t"]
    assert brief["risk"]["scenario"]["es95"]["value"] == cli["expected_shortfall_95_t"]
    # the producers chart equals `critmin commodity`
    com = json.loads(run_cli("commodity", "rare-earths", "--stage", "mining", "--year", "2024",
                             "--format", "json", db=built_db).stdout)
    assert [r["cell"]["value"] for r in brief["producers"]["rows"]] == [
        p["value"] for p in com["producers"] if p["value"] > 0][:8]


def test_same_inputs_same_bytes(kz, built_db, tmp_path):
    import critmin

    _, paths = kz
    with critmin.open(str(built_db), build=False) as db:
        again = write_brief(compose_brief(ARTICLE, db, draws=DRAWS, seed=SEED), tmp_path)
    assert again["json"].read_bytes() == paths["json"].read_bytes()


def test_every_number_in_the_html_is_footnoted(kz):
    _, paths = kz
    html = paths["html"].read_text(encoding="utf-8")
    assert unfootnoted_numbers(html) == []
    assert "<script" not in html.lower()


def test_brief_renders_in_chromium(kz, tmp_path):
    _, paths = kz
    with page() as (pg, errors, requests):
        pg.goto(paths["html"].as_uri())
        pg.wait_for_load_state("load")
        pg.screenshot(path=str(tmp_path / "brief.png"), full_page=True)
        drawn = pg.evaluate(
            "() => Array.from(document.querySelectorAll('svg.chart rect.bar, svg.chart rect.node,"
            " svg.chart path.link')).filter(e => { const r = e.getBoundingClientRect();"
            " return r.width > 0 && r.height > 0; }).length"
        )
        charts = pg.evaluate("() => document.querySelectorAll('svg.chart').length")
    assert errors == []
    assert requests == [paths["html"].as_uri()]
    assert charts >= 6  # shares per stage, Sankey, producers, Monte Carlo
    assert drawn > 40
    assert (tmp_path / "brief.png").stat().st_size > 50_000


def test_article_without_event_gives_a_short_brief(built_db, tmp_path):
    article = tmp_path / "quiet.txt"
    article.write_text(
        "Rare earths in the classroom\n\nA museum in Oslo opened an exhibition on the history "
        "of the periodic table on Tuesday, with a room on the lanthanides and their colours.\n",
        encoding="utf-8",
    )
    out = run_cli("brief", str(article), "--out", str(tmp_path / "b"), "--draws", "1000",
                  db=built_db)
    assert out.returncode == 0, out.stderr
    brief = json.loads((tmp_path / "b" / "brief.json").read_text())
    assert brief["events"] == []
    assert "No supply-chain event" in brief["message"]
    assert "risk" not in brief
    assert unfootnoted_numbers((tmp_path / "b" / "brief.html").read_text()) == []


def test_unreadable_input_is_a_clear_error(built_db, tmp_path):
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40)
    out = run_cli("brief", str(binary), "--out", str(tmp_path / "b"), db=built_db)
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert "photo.jpg" in out.stderr
    assert not (tmp_path / "b" / "brief.html").exists()


def test_brief_of_a_scenario_file(built_db, tmp_path):
    scenario = ROOT / "scenarios" / "china-2025-rare-earth-export-controls.yaml"
    out = run_cli("brief", str(scenario), "--out", str(tmp_path / "b"), "--draws", "5000",
                  db=built_db)
    assert out.returncode == 0, out.stderr
    brief = json.loads((tmp_path / "b" / "brief.json").read_text())
    assert brief["input"]["kind"] == "scenario"
    dy = [r for r in brief["network"]["deliverable"] if r["key"] == "dysprosium"]
    assert dy and min(r["delta"]["value"] for r in dy) < 0
