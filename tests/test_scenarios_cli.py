"""The scenario and risk commands on the store built from the shipped data (the must-shows)."""

import json
from pathlib import Path

import pytest

from tests.helpers import run_cli

ROOT = Path(__file__).resolve().parents[1]


def test_china_2025_controls_json(built_db):
    path = ROOT / "scenarios" / "china-2025-rare-earth-export-controls.yaml"
    out = run_cli("scenario", "run", str(path), "--format", "json", db=built_db)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert {"baseline", "scenario", "delta", "bottleneck", "assumptions"} <= set(data)
    assert data["target"] == "non-CN"
    for element in ("dysprosium", "terbium"):
        delta = data["delta"][element]["delivered"]
        assert delta["refining"]["change_pct"] < -60, delta
        neck = data["bottleneck"][element]
        assert neck["tightest_stage"] == "refining"
        first = neck["tightest_stage_cut"][0]
        assert (first["country"], first["stage"], first["kind"]) == ("CN", "refining", "export")
    # China's separation share comes from the IEA's 2023 figures: 70.3 of 76.3 kt
    share = data["baseline"]["rare-earths"]["shares"]["refining"]["CN"]
    assert share == pytest.approx(70_300 / 76_300, abs=1e-4)
    bases = {a["basis"] for a in data["assumptions"]}
    assert "assumption" in bases and "recalled" in bases


def test_kazakhstan_shares_and_what_it_would_take(built_db):
    out = run_cli("scenario", "run", "kazakhstan-rare-earth-enterprises", "--format", "json",
                  db=built_db)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    mining = data["delta"]["rare-earths"]["shares"]["mining"]["CN"]
    assert mining == pytest.approx(270_000 / 387_000 - 270_000 / 384_000, abs=2e-5)
    assert data["delta"]["rare-earths"]["shares"]["refining"]["CN"] < 0
    shocks = [a for a in data["assumptions"] if a["what"].startswith("shock")]
    assert len(shocks) == 2 and all(a["basis"] == "assumption" for a in shocks)
    solved = run_cli("scenario", "solve", "kazakhstan-rare-earth-enterprises", "--metric",
                     "share:CN:refining", "--threshold", "0.8", "--format", "json", db=built_db)
    assert solved.returncode == 0, solved.stderr
    need = json.loads(solved.stdout)["capacity_needed_t"]
    # closed form: China separates 70.3/76.3 of 384,000 t; below 80% needs
    # 353,798 / 0.8 - 384,000 = 58,248 t of new separation capacity
    assert need == pytest.approx(70_300 / 76_300 * 384_000 / 0.8 - 384_000, rel=1e-4)


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        ("name: x\nbase_year: 2024\nhorizon: 2030\ncommodity: rare-earths\nshocks: [\n", 5, ""),
        ("name: x\nbase_year: 2024\nhorizon: 2030\ncommodity: rare-earths\nshocks:\n"
         "  - kind: nationalise\n    country: KZ\n", 6, "shocks[0].kind"),
        ("name: x\nbase_year: 2024\nhorizon: 2030\ncommodity: rare-earths\nshocks:\n"
         "  - kind: capacity_loss\n    country: Narnia\n    share_lost: 0.5\n    note: a\n", 7,
         "shocks[0].country"),
        ("name: x\nbase_year: 2024\nhorizon: 2030\ncommodity: rare-earths\nshocks:\n"
         "  - kind: new_capacity\n    country: KZ\n    stage: mining\n"
         "    capacity: {value: -1, unit: t}\n    note: a\n", 9, "shocks[0].capacity.value"),
    ],
)
def test_malformed_scenario_exits_nonzero_with_file_line_field(tmp_path, built_db, text, line,
                                                                field):
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    out = run_cli("scenario", "run", str(path), "--format", "json", db=built_db)
    assert out.returncode == 1
    assert out.stdout == ""
    assert f"{path}:" in out.stderr
    if field:
        assert f"{path}:{line}: {field}:" in out.stderr
    else:
        assert "not valid YAML" in out.stderr


def test_risk_same_seed_same_numbers(built_db):
    args = ("risk", "terbium", "--draws", "20000", "--seed", "5", "--target", "non-CN",
            "--format", "json")
    a, b = run_cli(*args, db=built_db), run_cli(*args, db=built_db)
    assert a.returncode == 0, a.stderr
    assert json.loads(a.stdout) == json.loads(b.stdout)
    data = json.loads(a.stdout)
    assert data["draws"] == 20_000 and data["network"] == "terbium"
    assert "disruption_mapping" in data


@pytest.mark.dask
def test_risk_on_two_local_workers_equals_single_process(built_db):
    args = ("risk", "dysprosium", "--draws", "60000", "--seed", "3", "--scenario",
            "china-2025-rare-earth-export-controls", "--format", "json")
    single = run_cli(*args, db=built_db)
    spread = run_cli(*args, "--workers", "2", db=built_db)
    assert single.returncode == 0, single.stderr
    assert spread.returncode == 0, spread.stderr
    assert json.loads(single.stdout) == json.loads(spread.stdout)
