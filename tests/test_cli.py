"""The CLI as a user meets it: the JSON contract, the must-show figures, one-line errors."""

import json

import pytest

from tests.helpers import run_cli


def test_rare_earths_mining_2024_json_contract(built_db):
    out = run_cli("commodity", "rare-earths", "--stage", "mining", "--year", "2024",
                  "--format", "json", db=built_db)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    for key in ("commodity", "stage", "year", "unit", "hhi", "world_total", "producers"):
        assert key in data
    assert (data["commodity"], data["stage"], data["year"], data["unit"]) == (
        "rare-earths", "mining", 2024, "t"
    )
    top = data["producers"][0]
    assert set(top) >= {"country", "name", "value", "share", "source_id", "basis"}
    # USGS MCS 2026: China 270,000 t REO of a country sum of 384,000 (incl. other countries).
    assert top["country"] == "CN"
    assert top["value"] == 270_000
    assert top["share"] == pytest.approx(270_000 / 384_000, abs=1e-4)
    assert data["hhi"] == pytest.approx(5192, abs=5)
    assert data["world_total"] == 380_000
    values = [p["value"] for p in data["producers"]]
    assert values == sorted(values, reverse=True)
    source_ids = {s["id"]: s for s in data["sources"]}
    for p in data["producers"]:
        assert source_ids[p["source_id"]]["title"].startswith("Mineral Commodity Summaries 2026")


def test_rare_earths_refining_2023_from_iea(built_db):
    out = run_cli("commodity", "rare-earths", "--stage", "refining", "--year", "2023",
                  "--format", "json", db=built_db)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    top = data["producers"][0]
    assert top["country"] == "CN"
    assert top["share"] == pytest.approx(0.9, abs=0.03)
    assert data["sources"][0]["publisher"] == "International Energy Agency"


def test_country_kz_lists_what_kazakhstan_produces(built_db):
    out = run_cli("country", "KZ", "--format", "json", db=built_db)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["name"] == "Kazakhstan"
    produced = {row["commodity"] for row in data["production"]}
    assert {"antimony", "copper", "chromium"} <= produced
    assert any(c.startswith("titanium") or c in {"ilmenite", "titanium-sponge"} for c in produced)
    for row in data["production"]:
        assert row["rank"] >= 1
        assert 0 < row["share"] <= 1
    assert {g["indicator"] for g in data["governance"]} == {"va", "pv", "ge", "rq", "rl", "cc"}


@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_other_formats(built_db, fmt):
    out = run_cli("commodity", "rare-earths", "--format", fmt, db=built_db)
    assert out.returncode == 0, out.stderr
    assert "CN" in out.stdout


def test_unknown_commodity_is_one_line_with_suggestion(built_db):
    out = run_cli("commodity", "rare-erths", db=built_db)
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert "unknown commodity 'rare-erths'" in out.stderr
    assert "rare-earths" in out.stderr


def test_unknown_country_is_one_line_with_suggestion(built_db):
    out = run_cli("country", "Kazakstan", db=built_db)
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert "unknown country 'Kazakstan'" in out.stderr
    assert "Kazakhstan" in out.stderr


def test_year_without_figures_says_which_years_exist(built_db):
    out = run_cli("commodity", "rare-earths", "--year", "1990", db=built_db)
    assert out.returncode == 1
    assert "1990" in out.stderr and "2024" in out.stderr


def test_corrupt_store_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"\x00garbage" * 1000)
    out = run_cli("commodity", "rare-earths", db=bad)
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert "bad.duckdb" in out.stderr


def test_data_check_and_sources(built_db):
    out = run_cli("data", "check", "--format", "json", db=built_db)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["ok"] is True
    for issue in data["issues"]:
        assert issue["file"] and issue["line"] >= 1 and issue["reason"]
    out = run_cli("data", "sources", "--format", "json", db=built_db)
    assert out.returncode == 0, out.stderr
    ids = {s["id"] for s in json.loads(out.stdout)}
    assert any(i.startswith("usgs-mcs2026") for i in ids)
    assert any(i.startswith("iea") for i in ids)


def test_commodities_lists_catalogue(built_db):
    out = run_cli("commodities", "--format", "json", db=built_db)
    assert out.returncode == 0, out.stderr
    slugs = {c["slug"] for c in json.loads(out.stdout)}
    assert {"rare-earths", "dysprosium", "antimony", "graphite-natural"} <= slugs


def _copy_raw(tmp_path):
    import shutil

    from critmin.data import shipped

    raw = tmp_path / "raw"
    shutil.copytree(shipped.RAW_DIR, raw)
    return raw


def test_corrupt_data_file_names_the_file_and_keeps_previous_store(tmp_path, built_db):
    import shutil

    db = tmp_path / "s.duckdb"
    shutil.copy(built_db, db)
    before = db.read_bytes()
    raw = _copy_raw(tmp_path)
    (raw / "worldbank_wgi" / "wgidataset.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    out = run_cli("data", "build", "--raw-dir", str(raw), db=db)
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert "wgidataset.xlsx" in out.stderr
    assert db.read_bytes() == before


def test_missing_data_file_names_the_path(tmp_path):
    raw = _copy_raw(tmp_path)
    (raw / "usgs_mcs2025" / "MCS2025_World_Data.csv").unlink()
    out = run_cli("data", "build", "--raw-dir", str(raw), db=tmp_path / "s.duckdb")
    assert out.returncode == 1
    assert "MCS2025_World_Data.csv" in out.stderr
    assert not (tmp_path / "s.duckdb").exists()


def test_bad_row_is_reported_with_file_and_line(tmp_path):
    raw = _copy_raw(tmp_path)
    csv_path = raw / "usgs_mcs2024" / "mcs2024-raree_world-1.csv"
    lines = csv_path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[4].startswith("MCS2024,Burma,")
    lines[4] = lines[4].replace(",12000,", ",twelve thousand,", 1)
    csv_path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    db = tmp_path / "s.duckdb"
    assert run_cli("data", "build", "--raw-dir", str(raw), db=db).returncode == 0
    out = run_cli("data", "check", "--format", "json", db=db)
    issues = json.loads(out.stdout)["issues"]
    mine = [i for i in issues if i["file"].endswith("mcs2024-raree_world-1.csv")]
    assert mine and mine[0]["line"] == 5
    assert "twelve thousand" in (mine[0]["raw"] + mine[0]["reason"])


def test_release_precedence_and_override(built_db):
    # MCS 2026 revised the 2024 world total MCS 2025 had estimated (380,000 vs 390,000).
    newest = json.loads(run_cli("commodity", "rare-earths", "--year", "2024", "--format",
                                "json", db=built_db).stdout)
    older = json.loads(run_cli("commodity", "rare-earths", "--year", "2024", "--release",
                               "mcs2025", "--format", "json", db=built_db).stdout)
    assert newest["world_total"] == 380_000
    assert older["world_total"] == 390_000
    assert {p["source_id"].split(":")[0] for p in older["producers"]} == {"usgs-mcs2025"}
    assert all(p["basis"] == "estimated" for p in older["producers"] if p["country"] == "CN")


def test_a_bad_option_value_is_a_usage_error_not_an_internal_one():
    # typer ships its own click; its usage errors must still read as usage errors
    result = run_cli("commodity", "rare-earths", "--format", "xml")
    assert result.returncode == 2
    assert "Invalid value for '--format'" in result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
