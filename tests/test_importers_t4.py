"""USGS MCS 2026 table T4 (country export controls): list grammar, real file, broken files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from critmin.data import shipped
from critmin.data.importers.usgs_t4 import (
    parse_export_controls,
    read_export_controls,
    split_commodity_list,
)
from critmin.errors import DataError

DATA = Path(__file__).parent / "data" / "t4"


def _pairs(text):
    return [(item.item, item.year) for item in split_commodity_list(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quartz and gypsum (2024).", [("Quartz", 2024), ("gypsum", 2024)]),
        ("Cobalt (2025).", [("Cobalt", 2025)]),
        (
            "Bauxite (2023), copper concentrates (2023), and nickel ore (2020).",
            [("Bauxite", 2023), ("copper concentrates", 2023), ("nickel ore", 2020)],
        ),
        (
            "Steel waste and scrap, tungsten scrap, and enriched uranium (2022).",
            [("Steel waste and scrap", 2022), ("tungsten scrap", 2022), ("enriched uranium", 2022)],
        ),
        (
            "Copper (refined and alloys) and aluminum ingots (2025).",
            [("Copper (refined and alloys)", 2025), ("aluminum ingots", 2025)],
        ),
        (
            "Ferrous ingot and ferrous metal waste and scrap (2023) and catalysts and waste "
            "containing precious metals (2025).",
            [
                ("Ferrous ingot", 2023),
                ("ferrous metal waste and scrap", 2023),
                ("catalysts and waste containing precious metals", 2025),
            ],
        ),
        ("Copper (grade (a) only) (2021)", [("Copper (grade (a) only)", 2021)]),
        ("Tin and tungsten", [("Tin", None), ("tungsten", None)]),
        ("Tin (2020), tungsten", [("Tin", 2020), ("tungsten", None)]),
    ],
)
def test_split_commodity_list(text, expected):
    assert _pairs(text) == expected


def test_head_phrase_is_distributed():
    items = split_commodity_list(
        "Ores and concentrates of cobalt, graphite, lithium, manganese, and rare earths (2023)."
    )
    assert [i.item for i in items] == ["cobalt", "graphite", "lithium", "manganese", "rare earths"]
    assert items[0].text == "Ores and concentrates of cobalt"
    assert {i.year for i in items} == {2023}
    laos = split_commodity_list("Raw minerals, including copper, gold, and zinc (2024).")
    assert [i.text for i in laos] == [
        "Raw minerals including copper",
        "Raw minerals including gold",
        "Raw minerals including zinc",
    ]


@pytest.mark.parametrize("text", ["Lithium (2024", "Lithium 2024)", "", " (2024)."])
def test_split_rejects_unreadable(text):
    with pytest.raises(ValueError):
        split_commodity_list(text)


@pytest.fixture(scope="module")
def real():
    return read_export_controls(shipped.MCS2026_T4_CSV)


def test_real_file_counts(real):
    rows = real.tables["export_controls"]
    assert real.issues == ()
    assert len({r["line"] for r in rows}) == 19  # every data row yields records
    assert len(rows) == 67
    assert all(r["country"] and r["commodity_text"] and r["source_id"] for r in rows)
    (source,) = real.sources
    assert source.url == "https://doi.org/10.5066/P1WKQ63T"
    assert source.file == "usgs_mcs2026/MCS2026_T4_Country_Export_Control.csv"


def test_real_file_china(real):
    china = {
        (r["commodity_text"], r["year"]): r
        for r in real.tables["export_controls"]
        if r["country"] == "CN"
    }
    # USGS list as quoted in FACTS.md F-E11
    for text, year in [
        ("rare earths", 2025),
        ("gallium", 2023),
        ("germanium", 2023),
        ("graphite", 2023),
        ("Antimony", 2024),
        ("tungsten", 2025),
        ("bismuth", 2025),
        ("synthesized diamond", 2025),
        ("indium", 2025),
        ("magnesium materials", 2024),
        ("molybdenum", 2025),
        ("silver", 2026),
        ("tellurium", 2025),
    ]:
        assert (text, year) in china, text
    assert china[("rare earths", 2025)]["commodity"] == "rare-earths"
    assert china[("gallium", 2023)]["commodity"] == "gallium"
    assert china[("Antimony", 2024)]["commodity"] == "antimony"
    assert china[("tungsten", 2025)]["commodity"] == "tungsten"
    row = china[("rare earths", 2025)]
    assert row["control_type"] == "Export licensing requirement for materials and technologies"
    assert row["url"] == "https://www.mofcom.gov.cn/zwgk/zcfb/index.html"
    assert row["line"] == 15
    assert row["note"].startswith("Excludes past export controls")


def test_real_file_other_rows(real):
    rows = real.tables["export_controls"]

    def of(country):
        return [(r["commodity"], r["year"]) for r in rows if r["country"] == country]

    assert of("ID") == [("bauxite", 2023), ("copper", 2023), ("nickel", 2020)]
    assert of("CD") == [("cobalt", 2025)]
    assert ("rare-earths", 2023) in of("NA")
    assert ("lithium", 2022) in of("ZW")
    # trailing space in "Temporary export ban " is stripped
    assert {r["control_type"] for r in rows if r["country"] == "KG"} == {"Temporary export ban"}
    # no catalogue commodity: kept as text, commodity None, not an issue
    metal = [r for r in rows if r["country"] == "TJ"]
    assert metal[0]["commodity"] is None
    assert metal[0]["commodity_text"] == "Metal waste and scrap"


def test_row_keys_match_store_columns(real):
    assert set(real.tables["export_controls"][0]) == {
        "country",
        "control_type",
        "commodity_text",
        "commodity",
        "year",
        "url",
        "note",
        "source_id",
        "line",
    }


def test_small_file_with_bad_rows():
    result = read_export_controls(DATA / "small.csv")
    rows = result.tables["export_controls"]
    assert [(i.line, i.file) for i in result.issues] == [
        (2, str(DATA / "small.csv")),
        (5, str(DATA / "small.csv")),
        (6, str(DATA / "small.csv")),
    ]
    reasons = [i.reason for i in result.issues]
    assert "unknown country 'Atlantis'" in reasons[0]
    assert "parenthesis" in reasons[1]
    assert "Control_Type" in reasons[2]
    # Indonesia starts on line 3 (its note spans two lines); Kazakhstan on line 7
    assert [(r["country"], r["line"]) for r in rows] == [
        ("ID", 3),
        ("ID", 3),
        ("ID", 3),
        ("KZ", 7),
        ("KZ", 7),
    ]
    assert [r["year"] for r in rows if r["country"] == "KZ"] == [None, None]
    assert [r["commodity"] for r in rows if r["country"] == "KZ"] == ["tungsten", "rare-earths"]
    assert rows[3]["url"] is None


def test_missing_columns():
    with pytest.raises(DataError, match=r"missing_columns\.csv:1: missing column\(s\)"):
        read_export_controls(DATA / "missing_columns.csv")


def test_missing_file_names_path(tmp_path):
    with pytest.raises(DataError, match=re.escape(str(tmp_path / "absent.csv"))):
        read_export_controls(tmp_path / "absent.csv")


def test_empty_text():
    with pytest.raises(DataError, match="empty"):
        parse_export_controls("", "x.csv")


def test_bad_encoding(tmp_path):
    path = tmp_path / "t4.csv"
    path.write_bytes(
        b"Country,Control_Type,Commodity_Year,Data_source,Notes\nC\xf4te,a,b (2020),,\n"
    )
    with pytest.raises(DataError, match=r"t4\.csv:2: not valid UTF-8"):
        read_export_controls(path)
