"""The Python API gives the CLI's answers, as DataFrames and records."""

import json

import pandas as pd
import pytest

import critmin
from critmin.errors import NoDataError, UnknownNameError
from tests.helpers import run_cli


def test_api_equals_cli(db, built_db):
    api = db.producers("rare-earths", stage="mining", year=2024).to_dict()
    cli = json.loads(run_cli("commodity", "rare-earths", "--stage", "mining", "--year", "2024",
                             "--format", "json", db=built_db).stdout)
    assert json.loads(json.dumps(api)) == cli


def test_frames_and_names(db):
    frame = db.observations("Rare Earths", country="Burma", stage="mining", year=2024)
    assert isinstance(frame, pd.DataFrame)
    assert frame["country"].unique().tolist() == ["MM"]
    assert frame["value"].iloc[0] == 27_000
    assert set(frame.columns) >= {"source_id", "basis", "unit", "release"}
    every = db.observations("rare-earths", country="CN", year=2024, all_releases=True)
    assert sorted(every["release"].unique()) == ["mcs2025", "mcs2026"]


def test_profile_kz_matches_producer_ranking(db):
    kz = db.country_profile("Kazakhstan")
    row = kz.production.set_index(["commodity", "stage"]).loc[("antimony", "mining")]
    profile = db.producers("antimony", stage="mining", year=int(row["year"]))
    ranked = [p.country for p in profile.producers]
    assert ranked.index("KZ") + 1 == row["rank"]


def test_errors_are_typed(db):
    with pytest.raises(UnknownNameError) as info:
        db.producers("lithum")
    assert "lithium" in info.value.suggestions
    with pytest.raises(NoDataError, match="stages with figures"):
        db.producers("rare-earths", stage="magnet")


def test_open_builds_a_missing_store(tmp_path, monkeypatch):
    path = tmp_path / "fresh" / "critmin.duckdb"
    monkeypatch.setenv("CRITMIN_DB", str(path))
    with critmin.open() as handle:
        assert handle.path == path
        assert handle.producers("cobalt").producers[0].country == "CD"
