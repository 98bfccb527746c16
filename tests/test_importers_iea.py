"""IEA Critical Minerals Data Explorer supply sheet: the shipped workbook and broken ones."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from critmin.data import shipped
from critmin.data.catalogue import find_commodity
from critmin.data.importers.iea_cmde import (
    BLOCKS,
    SCENARIO,
    SHEET,
    parse_iea_supply,
    read_iea_supply,
)
from critmin.errors import DataError
from critmin.model import STAGES

DATA = Path(__file__).parent / "data" / "iea"


@pytest.fixture(scope="module")
def real():
    return read_iea_supply(shipped.IEA_XLSX)


def _value(result, commodity, stage, country, year):
    hits = [
        o
        for o in result.observations
        if (o.commodity, o.stage, o.country, o.year) == (commodity, stage, country, year)
    ]
    assert len(hits) == 1, hits
    return hits[0]


def test_real_file_counts(real):
    assert len(real.sources) == 12  # 6 minerals x (mining, refining)
    assert len(real.observations) == 340
    per_block = Counter((o.commodity, o.stage) for o in real.observations)
    assert set(per_block) == {(b.commodity, b.stage) for b in BLOCKS.values()}
    # every block has its Rest of world and Total rows, for each of the 4 years
    for key in per_block:
        countries = {o.country for o in real.observations if (o.commodity, o.stage) == key}
        assert {"OTHER", "WORLD"} <= countries, key
    assert {o.year for o in real.observations} == {2023, 2030, 2035, 2040}
    assert all(o.stage in STAGES and o.unit == "t" for o in real.observations)


def test_real_file_issues_are_the_double_counted_rows(real):
    # in the nickel and graphite blocks "Rest of world" = Total - top five, so the sixth
    # named country is counted twice; 15 block-years (graphite mining 2023 has Tanzania = 0)
    assert len(real.issues) == 15
    assert all("seems counted twice" in i.reason for i in real.issues)
    named = Counter(i.reason.split("'")[3] for i in real.issues)
    assert named == {"Australia": 4, "Canada": 4, "Tanzania": 3, "Germany": 4}


def test_magnet_rare_earths_sanity(real):
    ree = "magnet-rare-earths"
    assert _value(real, ree, "mining", "WORLD", 2023).value == pytest.approx(72_400)
    assert _value(real, ree, "mining", "CN", 2023).value == pytest.approx(44_300)
    assert _value(real, ree, "mining", "MM", 2023).value == pytest.approx(10_800)
    world = _value(real, ree, "refining", "WORLD", 2023).value
    china = _value(real, ree, "refining", "CN", 2023).value
    assert world == pytest.approx(76_300)
    assert china == pytest.approx(70_300)
    assert china / world == pytest.approx(0.92, abs=0.005)


def test_other_sanity_figures(real):
    assert _value(real, "cobalt", "mining", "WORLD", 2023).value == pytest.approx(239_800)
    assert _value(real, "cobalt", "mining", "CD", 2023).value == pytest.approx(157_000)
    assert _value(real, "lithium", "mining", "WORLD", 2023).value == pytest.approx(193_800)
    assert _value(real, "nickel", "mining", "ID", 2023).value == pytest.approx(1_787_000)
    # "Total clean technologies" labels the cobalt refining total; it is the block's sum
    total = _value(real, "cobalt", "refining", "WORLD", 2023)
    assert total.detail == "Cobalt - Refining: Total clean technologies"
    parts = [
        o.value
        for o in real.observations
        if (o.commodity, o.stage, o.year) == ("cobalt", "refining", 2023) and o.country != "WORLD"
    ]
    assert sum(parts) == pytest.approx(total.value)


def test_blocks_sum_to_their_totals_unless_flagged(real):
    flagged = {(i.reason.split(" 20")[0], int(i.reason.split(":")[0][-4:])) for i in real.issues}
    for title, block in BLOCKS.items():
        for year in (2023, 2030, 2035, 2040):
            rows = [
                o
                for o in real.observations
                if (o.commodity, o.stage, o.year) == (block.commodity, block.stage, year)
            ]
            total = sum(o.value for o in rows if o.country == "WORLD")
            parts = sum(o.value for o in rows if o.country != "WORLD")
            assert (parts == pytest.approx(total, rel=1e-6)) != ((title, year) in flagged)


def test_observed_and_projected(real):
    observed = _value(real, "copper", "mining", "CL", 2023)
    assert (observed.scenario, observed.basis) == ("", "reported")
    assert observed.value == pytest.approx(5_311_300)
    assert observed.value_text == "5311.3"
    projected = _value(real, "copper", "mining", "CL", 2040)
    assert (projected.scenario, projected.basis) == (SCENARIO, "estimated")
    assert "probability of coming online" in projected.note


def test_provenance(real):
    o = _value(real, "magnet-rare-earths", "refining", "CN", 2023)
    assert o.note == f"'{SHEET}'!H60"
    assert o.line == 60
    assert o.detail == "Magnet rare earth elements - Refining: China"
    assert o.file == "iea_critical_minerals_data_explorer/iea_cm_data_explorer_2024.xlsx"
    assert o.source_id == "iea-cmde-2024:supply:magnet-rare-earths:refining"
    source = next(s for s in real.sources if s.id == o.source_id)
    assert source.publisher == "International Energy Agency"
    assert source.title == "Critical Minerals Data Explorer"
    assert source.year == 2024
    assert source.licence == "CC BY 4.0"
    assert source.url == (
        "https://www.iea.org/data-and-statistics/data-tools/critical-minerals-data-explorer"
    )
    assert SHEET in source.table and "Magnet rare earth elements - Refining" in source.table


def test_rest_of_world_and_no_top3(real):
    countries = {o.country for o in real.observations}
    assert "OTHER" in countries and "WORLD" in countries
    assert not any("Top 3" in o.detail for o in real.observations)


def test_slugs_are_in_the_commodity_catalogue():
    unknown = {b.commodity for b in BLOCKS.values() if find_commodity(b.commodity) is None}
    assert unknown == set()


def _sheet(path, rows, title=SHEET):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = title
    for row in rows:
        ws.append(list(row))
    book.save(path)
    return path


def test_small_sheet_with_bad_rows(tmp_path):
    rows = [
        ("Total supply (kt)",),
        (None, 2023, 2030, None, None, None, 2023, 2030),
        ("Cobalt - Mining", None, None, None, None, "Unobtainium - Mining"),
        ("Atlantis", 1, 2, None, None, "China", 5, 6),
        ("Kazakhstan", "n/a", 3),
        ("Rest of world", 1, None),
        ("Total", 1, 3),
        ("Top 3 share", 0.9, 0.9),
    ]
    result = read_iea_supply(_sheet(tmp_path / "iea.xlsx", rows))
    assert [(i.line, i.reason.split(":")[0]) for i in result.issues] == [
        (3, "unknown block 'Unobtainium - Mining' in '2 Total supply for key minerals'"),
        (4, "Cobalt - Mining"),
        (5, "'2 Total supply for key minerals'!B5"),
    ]
    got = {(o.country, o.year): (o.value, o.flag) for o in result.observations}
    assert got == {
        ("KZ", 2030): (3000.0, ""),
        ("OTHER", 2023): (1000.0, ""),
        ("OTHER", 2030): (None, "NA"),
        ("WORLD", 2023): (1000.0, ""),
        ("WORLD", 2030): (3000.0, ""),
    }


def test_totals_that_do_not_add_up_are_issues():
    rows = [
        (None, 2023),
        ("Nickel - Mining",),
        ("Indonesia", 10.0),
        ("Australia", 2.0),
        ("Rest of world", 3.0),
        ("Total", 13.0),
        ("Top 3 share", 0.9),
    ]
    result = parse_iea_supply(rows, "x.xlsx")
    (issue,) = result.issues
    assert issue.line == 6
    assert "rows sum to 15.0 kt but 'Total' is 13.0 kt" in issue.reason
    assert "'Australia' row" in issue.reason
    assert len(result.observations) == 4


def test_missing_file_names_path(tmp_path):
    with pytest.raises(DataError, match=re.escape(str(tmp_path / "gone.xlsx"))):
        read_iea_supply(tmp_path / "gone.xlsx")


def test_corrupt_workbook_names_file():
    with pytest.raises(DataError, match=r"truncated\.xlsx.*not a readable \.xlsx workbook"):
        read_iea_supply(DATA / "truncated.xlsx")


def test_missing_sheet(tmp_path):
    path = _sheet(tmp_path / "iea.xlsx", [("x",)], title="Cover")
    with pytest.raises(DataError, match=r"iea\.xlsx.*'2 Total supply for key minerals' not found"):
        read_iea_supply(path)


def test_sheet_without_headers_names_sheet_and_what_is_missing(tmp_path):
    path = _sheet(tmp_path / "iea.xlsx", [("Some text",), ("China", 1.0, 2.0)])
    with pytest.raises(DataError) as info:
        read_iea_supply(path)
    message = str(info.value)
    assert SHEET in message
    assert "row of years" in message and "block titles" in message
    assert "iea.xlsx" in message


def test_parse_is_pure():
    rows = [(None, 2023), ("Nickel - Mining",), ("Indonesia", 1787.0)]
    result = parse_iea_supply(rows, "x.xlsx")
    (o,) = result.observations
    assert (o.commodity, o.country, o.value, o.file, o.line) == (
        "nickel",
        "ID",
        1_787_000.0,
        "x.xlsx",
        3,
    )
