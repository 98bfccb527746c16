"""World Bank WGI importer: the shipped workbook and small broken ones."""

from __future__ import annotations

import re
import time
from pathlib import Path

import openpyxl
import pytest

from critmin.data import shipped
from critmin.data.importers.worldbank_wgi import INDICATORS, parse_wgi, read_wgi
from critmin.errors import DataError

DATA = Path(__file__).parent / "data" / "wgi"
HEADER = (
    "codeindyr",
    "code",
    "countryname",
    "year",
    "indicator",
    "estimate",
    "stddev",
    "nsource",
    "pctrank",
    "pctranklower",
    "pctrankupper",
)


@pytest.fixture(scope="module")
def real():
    start = time.perf_counter()
    result = read_wgi(shipped.WGI_XLSX)
    elapsed = time.perf_counter() - start
    assert elapsed < 30, f"reading the WGI workbook took {elapsed:.1f} s"
    return result


def _row(rows, country, year, indicator):
    hits = [
        r
        for r in rows
        if r["country"] == country and r["year"] == year and r["indicator"] == indicator
    ]
    assert len(hits) == 1
    return hits[0]


def test_real_file_counts(real):
    rows = real.tables["governance"]
    # 32,100 rows = 214 economies x 6 indicators x 25 years; the Netherlands Antilles (ANT,
    # dissolved 2010) is not a current ISO country: its 150 rows are issues
    assert len(rows) + len(real.issues) == 32_100
    assert len(real.issues) == 150
    assert {i.reason for i in real.issues} == {
        "economy 'ANT' (Netherlands Antilles (former)) is not a known country"
    }
    assert all(i.file == "worldbank_wgi/wgidataset.xlsx" and i.line > 1 for i in real.issues)
    assert len({r["country"] for r in rows}) == 213
    assert {r["indicator"] for r in rows} == set(INDICATORS)
    assert {r["year"] for r in rows} == {1996, 1998, 2000, *range(2002, 2024)}
    assert real.observations == ()


def test_real_file_sanity_figures(real):
    rows = real.tables["governance"]
    cn = _row(rows, "CN", 2023, "pv")
    assert cn["estimate"] == pytest.approx(-0.51, abs=0.005)
    assert cn["pctrank"] == pytest.approx(25.1, abs=0.05)
    assert _row(rows, "CN", 2023, "ge")["estimate"] == pytest.approx(0.68, abs=0.005)
    assert _row(rows, "MM", 2023, "pv")["estimate"] == pytest.approx(-2.13, abs=0.005)
    assert _row(rows, "MM", 2023, "ge")["pctrank"] == pytest.approx(3.8, abs=0.05)


def test_real_file_world_bank_codes(real):
    countries = {r["country"] for r in real.tables["governance"]}
    # ZAR, ROM, TMP, WBG, ADO, KSV, JEY are World Bank codes; they map to ISO alpha-2
    assert {"CD", "RO", "TL", "PS", "AD", "XK", "JE"} <= countries


def test_real_file_missing_values_are_none_not_issues(real):
    rows = real.tables["governance"]
    # ".." cells (e.g. American Samoa 1996) become None
    asm = _row(rows, "AS", 1996, "cc")
    assert asm["estimate"] is None
    assert asm["nsource"] is None
    assert sum(1 for r in rows if r["estimate"] is None) > 0


def test_real_file_source(real):
    (source,) = real.sources
    assert source.publisher == "World Bank"
    assert source.title == "Worldwide Governance Indicators, 2024 update"
    assert source.year == 2024
    assert source.table == "wgidataset.xlsx Sheet1"
    assert source.licence == "CC BY 4.0"
    assert source.url.startswith("https://www.worldbank.org/")
    assert all(r["source_id"] == source.id for r in real.tables["governance"])


def test_row_keys_match_store_columns(real):
    assert set(real.tables["governance"][0]) == {
        "country",
        "year",
        "indicator",
        "estimate",
        "stddev",
        "nsource",
        "pctrank",
        "pctranklower",
        "pctrankupper",
        "source_id",
    }


def test_parse_bad_rows_become_issues():
    rows = [
        HEADER,
        ("KAZpv2023", "KAZ", "Kazakhstan", 2023, "pv", -0.1, 0.2, 8, 40.0, 30.0, 50.0),
        ("XXXpv2023", "XXX", "Atlantis", 2023, "pv", 0.1, 0.2, 8, 40.0, 30.0, 50.0),
        ("KAZzz2023", "KAZ", "Kazakhstan", 2023, "zz", 0.1, 0.2, 8, 40.0, 30.0, 50.0),
        ("KAZge2023", "KAZ", "Kazakhstan", 2023, "ge", "high", 0.2, 8, 40.0, 30.0, 50.0),
        ("KAZpv2023", "KAZ", "Kazakhstan", 2023, "pv", -0.1, 0.2, 8, 40.0, 30.0, 50.0),
        ("ZARrl2023", "ZAR", "Congo, Dem. Rep.", 2023, "rl", "..", "", None, "..", "..", ".."),
        (None,) * 11,
    ]
    result = parse_wgi(rows, "test.xlsx")
    good = result.tables["governance"]
    assert [(r["country"], r["indicator"]) for r in good] == [("KZ", "pv"), ("CD", "rl")]
    assert good[1]["estimate"] is None and good[1]["nsource"] is None
    assert [(i.file, i.line) for i in result.issues] == [
        ("test.xlsx", 3),
        ("test.xlsx", 4),
        ("test.xlsx", 5),
        ("test.xlsx", 6),
    ]
    reasons = [i.reason for i in result.issues]
    assert "Atlantis" in reasons[0]
    assert "unknown indicator" in reasons[1]
    assert "estimate" in reasons[2]
    assert "duplicate" in reasons[3]


def test_missing_file_names_path(tmp_path):
    path = tmp_path / "nope.xlsx"
    with pytest.raises(DataError, match=re.escape(str(tmp_path / "nope.xlsx"))):
        read_wgi(path)


def test_corrupt_workbook_names_file():
    with pytest.raises(DataError, match=r"corrupt\.xlsx.*not a readable \.xlsx workbook"):
        read_wgi(DATA / "corrupt.xlsx")


def _workbook(path, sheet, rows):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(list(row))
    book.save(path)
    return path


def test_missing_sheet(tmp_path):
    path = _workbook(tmp_path / "w.xlsx", "Data", [HEADER])
    with pytest.raises(DataError, match=r"w\.xlsx.*sheet 'Sheet1' not found"):
        read_wgi(path)


def test_missing_columns_name_sheet_and_columns(tmp_path):
    path = _workbook(tmp_path / "w.xlsx", "Sheet1", [("code", "countryname", "year")])
    with pytest.raises(DataError) as info:
        read_wgi(path)
    message = str(info.value)
    assert "Sheet1" in message
    assert "indicator" in message and "estimate" in message
    assert "w.xlsx" in message


def test_small_workbook_round_trip(tmp_path):
    rows = [
        HEADER,
        ("CHNpv2023", "CHN", "China", 2023, "pv", -0.51, 0.21, 8, 25.1, 16.6, 40.3),
        (
            "ANTpv2023",
            "ANT",
            "Netherlands Antilles (former)",
            2023,
            "pv",
            "..",
            "..",
            "..",
            "..",
            "..",
            "..",
        ),
    ]
    result = read_wgi(_workbook(tmp_path / "w.xlsx", "Sheet1", rows))
    assert [r["country"] for r in result.tables["governance"]] == ["CN"]
    (issue,) = result.issues
    assert issue.line == 3
    assert issue.file.endswith("w.xlsx")
