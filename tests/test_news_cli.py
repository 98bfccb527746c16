"""``critmin news ...`` wiring: JSON contract, errors as one line, the store round trip."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.helpers import run_cli

DATA = Path(__file__).parent / "data" / "news"
EXAMPLE = Path(__file__).parents[1] / "examples" / "kazakhstan-rare-earth-enterprises.md"


def test_extract_prints_events_json():
    result = run_cli("news", "extract", str(EXAMPLE))
    assert result.returncode == 0, result.stderr
    events = json.loads(result.stdout)["events"]
    assert events[0]["type"] == "new_capacity"
    assert events[0]["quantity"] == {"value": 3, "unit": "enterprises"}


def test_extract_table():
    result = run_cli("news", "extract", str(EXAMPLE), "--format", "table")
    assert result.returncode == 0 and "new_capacity" in result.stdout


def test_hostile_file_is_one_line_error(tmp_path: Path):
    bad = tmp_path / "x.txt"
    bad.write_bytes(b"\x00\xff" * 1000)
    result = run_cli("news", "extract", str(bad))
    assert result.returncode == 1
    assert "binary" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_evaluate_prints_per_type_scores():
    result = run_cli("news", "evaluate", str(DATA / "heldout"), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["articles"] == len(list((DATA / "heldout").glob("*.labels.yaml")))
    assert {"precision", "recall", "f1"} <= set(data["overall"])


def test_ingest_events_developments_round_trip(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder)
    db = tmp_path / "s.duckdb"
    ingest = run_cli("news", "ingest", str(folder), "--db", str(db))
    assert ingest.returncode == 0, ingest.stderr
    assert "1 new" in ingest.stdout
    events = run_cli("news", "events", "--country", "KZ", "--db", str(db), "--format", "json")
    assert json.loads(events.stdout)["events"][0]["type"] == "new_capacity"
    devs = run_cli("news", "developments", "--db", str(db), "--format", "json", "--scenarios")
    (dev,) = json.loads(devs.stdout)["developments"]
    assert [q["status"] for q in dev["questions"]][:4] == ["open"] * 4
    assert dev["scenario"]["shocks"][0]["basis"] == "assumption"


def test_events_without_a_store_is_one_line_error(tmp_path: Path):
    result = run_cli("news", "events", "--db", str(tmp_path / "none.duckdb"))
    assert result.returncode == 1 and "no store" in result.stderr
    assert not (tmp_path / "none.duckdb").exists()


def test_evaluate_on_a_missing_folder(tmp_path: Path):
    result = run_cli("news", "evaluate", str(tmp_path / "nope"))
    assert result.returncode == 1 and "not a folder" in result.stderr


def test_evaluate_errors_lists_misses_and_false_alarms(tmp_path: Path):
    # one labelled event the extractor finds, one it cannot (no such sentence), and a
    # sentence it reports that is not labelled
    (tmp_path / "a.md").write_text(
        "Peru banned exports of copper concentrate on Monday.\n\n"
        "Chile raised its royalty on lithium sales on Tuesday.\n",
        encoding="utf-8",
    )
    (tmp_path / "a.labels.yaml").write_text(
        "events:\n"
        "  - {type: export_ban, countries: [PE], commodities: [copper]}\n"
        "  - {type: sanction, countries: [RU], commodities: [nickel]}\n",
        encoding="utf-8",
    )
    result = run_cli("news", "evaluate", str(tmp_path), "--errors", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["overall"]["tp"], data["overall"]["fp"], data["overall"]["fn"]) == (1, 1, 1)
    errors = {(e["error"], e["type"]): e for e in data["errors"]}
    assert set(errors) == {("missed", "sanction"), ("false alarm", "policy")}
    assert errors[("false alarm", "policy")]["evidence"].startswith("Chile raised its royalty")
    assert errors[("missed", "sanction")]["countries"] == ["RU"]
    table = run_cli("news", "evaluate", str(tmp_path), "--errors")
    assert table.returncode == 0 and "Misses and false alarms" in table.stdout


def test_evaluate_errors_as_csv_join_lists(tmp_path: Path):
    (tmp_path / "a.md").write_text("Chile raised its royalty on lithium sales on Tuesday.\n")
    (tmp_path / "a.labels.yaml").write_text(
        "events:\n  - {type: sanction, countries: [RU, US], commodities: [nickel]}\n"
    )
    result = run_cli("news", "evaluate", str(tmp_path), "--errors", "--format", "csv")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "file,error,type,countries,commodities,evidence"
    assert any(",missed,sanction,RU;US,nickel," in line for line in lines)
    assert "['" not in result.stdout
