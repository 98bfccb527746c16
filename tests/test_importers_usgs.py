"""USGS MCS importers: value cells, the real shipped files, and broken files."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from critmin.data import shipped
from critmin.data.importers._values import parse_value
from critmin.data.importers.usgs_mcs import (
    read_mcs2024_rare_earths,
    read_mcs2025,
    read_mcs2026,
)
from critmin.errors import DataError
from critmin.model import STAGES, ParseResult

BROKEN = Path(__file__).parent / "data" / "usgs"


# --- value cells -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "value", "flag"),
    [
        ("270,000", 270000.0, ""),
        ("  45,500 ", 45500.0, ""),
        ("1500", 1500.0, ""),
        ("0.5", 0.5, ""),
        ("W", None, "W"),
        ("NA", None, "NA"),
        ("\u2014", 0.0, ""),
        ("--", 0.0, ""),
        ("-", 0.0, ""),
        (">85,000,000", 85_000_000.0, ">"),
        ("<1", 1.0, "<"),
        ("<200,000", 200_000.0, "<"),
        ("330 - 390", 360.0, "range"),
        ("10,000 - 15,000", 12_500.0, "range"),
        ("Large", None, "qualitative"),
        ("Moderate to large", None, "qualitative"),
        ("XX", None, "qualitative"),
        ("s", None, "qualitative"),
        ("", None, "blank"),
    ],
)
def test_parse_value(cell, value, flag):
    parsed = parse_value(cell)
    assert parsed.ok
    assert (parsed.value, parsed.flag) == (value, flag)
    assert parsed.text == cell.strip()


@pytest.mark.parametrize("cell", ["lots", "12a", "1,23", "390 - 330", ">", "1..2"])
def test_parse_value_rejects(cell):
    assert not parse_value(cell).ok


@given(st.integers(min_value=0, max_value=10**12))
def test_thousands_separators_round_trip(number):
    assert parse_value(f"{number:,}").value == number
    assert parse_value(f" {number} ").value == number


@given(st.integers(0, 10**9), st.integers(0, 10**9))
def test_ranges_give_the_midpoint(a, b):
    low, high = sorted((a, b))
    parsed = parse_value(f"{low:,} - {high:,}")
    assert parsed.flag == "range"
    assert parsed.value == (low + high) / 2


@given(st.text(max_size=12))
def test_parse_value_never_raises(text):
    parsed = parse_value(text)
    assert parsed.ok or parsed.value is None


# --- real files --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mcs2026() -> ParseResult:
    return read_mcs2026(shipped.MCS2026_CSV)


@pytest.fixture(scope="module")
def mcs2025() -> ParseResult:
    return read_mcs2025(shipped.MCS2025_CSV)


@pytest.fixture(scope="module")
def mcs2024() -> ParseResult:
    return read_mcs2024_rare_earths(shipped.MCS2024_REE_CSV)


def _pick(result, **where):
    return [o for o in result.observations if all(getattr(o, k) == v for k, v in where.items())]


def _one(result, **where):
    found = _pick(result, **where)
    assert len(found) == 1, (where, found)
    return found[0]


def test_mcs2026_rare_earths(mcs2026):
    ree = dict(commodity="rare-earths", stage="mining", measure="production", year=2024)
    china = _one(mcs2026, country="CN", **ree)
    assert china.value == 270_000 and china.unit == "t" and china.basis == "estimated"
    assert _one(mcs2026, country="US", **ree).value == 45_500
    rows = [o for o in _pick(mcs2026, **ree) if o.country != "WORLD"]
    assert sum(o.value or 0 for o in rows) == 384_000
    assert "OTHER" in {o.country for o in rows}
    world = _one(mcs2026, country="WORLD", **ree)
    assert world.value == 380_000 and world.detail == "Mine production: rounded"
    reserves = _one(
        mcs2026, commodity="rare-earths", country="WORLD", measure="reserves", year=2025
    )
    assert (reserves.value, reserves.flag, reserves.value_text) == (85e6, ">", ">85,000,000")
    assert reserves.stage == "mining"
    assert china.line == 6076 and china.file == "usgs_mcs2026/MCS2026_Commodities_Data.csv"


def test_mcs2026_units_and_subproducts(mcs2026):
    copper = _one(
        mcs2026, commodity="copper", country="KZ", stage="mining", year=2024, measure="production"
    )
    assert copper.value == 724_000  # "724" thousand metric tons
    assert (
        _one(
            mcs2026,
            commodity="copper",
            country="KZ",
            stage="refining",
            year=2024,
            measure="production",
        ).value
        == 498_000
    )
    gallium = _one(mcs2026, commodity="gallium", country="WORLD", year=2025, measure="production")
    assert gallium.unit == "t" and gallium.stage == "production"
    assert _pick(mcs2026, commodity="ilmenite", country="WORLD", year=2024)
    assert _pick(mcs2026, commodity="palladium", measure="production")


def test_mcs2026_kazakhstan(mcs2026):
    kz = {(o.commodity, o.stage, o.measure) for o in _pick(mcs2026, country="KZ")}
    assert ("antimony", "mining", "production") in kz
    assert ("copper", "mining", "production") in kz
    assert ("copper", "refining", "production") in kz
    assert ("tungsten", "mining", "production") in kz
    assert ("chromium", "mining", "production") in kz
    assert ("titanium-sponge", "metal", "production") in kz
    assert ("titanium-sponge", "metal", "capacity") in kz
    tungsten = _one(mcs2026, commodity="tungsten", country="KZ", year=2024, measure="production")
    assert (tungsten.value, tungsten.value_text) == (0.0, "\u2014")
    assert (
        _one(mcs2026, commodity="tungsten", country="KZ", year=2025, measure="production").value
        == 2_400
    )


def test_mcs2025_rare_earths(mcs2025):
    ree = dict(commodity="rare-earths", country="CN", stage="mining", measure="production")
    e2024 = _one(mcs2025, year=2024, **ree)
    assert e2024.value == 270_000 and e2024.basis == "estimated"
    assert _one(mcs2025, year=2023, **ree).value == 255_000
    world = _one(mcs2025, commodity="rare-earths", country="WORLD", measure="reserves")
    assert (world.value, world.flag) == (90e6, ">")


def test_mcs2025_germanium_and_titanium(mcs2025):
    # "Gemanium" resolves, but every germanium value cell in MCS 2025 is blank
    assert not [i for i in mcs2025.issues if "commodity" in i.reason]
    assert not _pick(mcs2025, commodity="germanium")
    ilmenite = _one(mcs2025, commodity="ilmenite", country="WORLD", year=2023, measure="production")
    assert ilmenite.value == 8_840_000  # labelled "metric tons" in the file; see UNIT_CORRECTIONS


def test_mcs2024_rare_earths(mcs2024):
    china = _one(mcs2024, commodity="rare-earths", country="CN", year=2023, measure="production")
    assert china.value == 240_000 and china.basis == "estimated"
    assert (
        _one(
            mcs2024, commodity="rare-earths", country="WORLD", year=2023, measure="production"
        ).value
        == 350_000
    )


@pytest.mark.parametrize("name", ["mcs2026", "mcs2025", "mcs2024"])
def test_provenance_is_complete(name, request):
    result: ParseResult = request.getfixturevalue(name)
    source_ids = {s.id for s in result.sources}
    assert result.observations
    for obs in result.observations:
        assert obs.source_id in source_ids
        assert obs.stage in STAGES
        assert obs.release == name
        assert obs.line >= 2
    for source in result.sources:
        assert source.publisher == "U.S. Geological Survey"
        assert source.url.startswith("https://doi.org/10.5066/")
        assert source.id.startswith(f"usgs-{name}:")
    keys = Counter(
        (o.commodity, o.country, o.stage, o.year, o.measure) for o in result.observations
    )
    duplicated = {k for k, n in keys.items() if n > 1}
    # MCS 2025 lists U.S. helium twice (from natural gas; from the Cliffside Field)
    assert {k[0] for k in duplicated} <= {"helium"}


def test_known_issues_only(mcs2026, mcs2025, mcs2024):
    assert mcs2026.issues == ()
    assert mcs2024.issues == ()
    assert [(i.line, i.reason) for i in mcs2025.issues] == [
        (3, "country label 'United\\xa0States and Canada' is not one country")
    ]


def test_mcs2026_source_id(mcs2026):
    assert "usgs-mcs2026:rare-earths:world-mine-production-and-reserves" in {
        s.id for s in mcs2026.sources
    }


# --- broken files ------------------------------------------------------------------------------


def test_broken_rows_become_issues():
    result = read_mcs2026(BROKEN / "mcs2026_broken.csv")
    reasons = {i.line: i.reason for i in result.issues}
    assert "not a number" in reasons[3]
    assert "not one country" in reasons[4]
    assert "truncated" in reasons[5]
    assert "unknown commodity" in reasons[6]
    assert "unknown unit" in reasons[7]
    assert all(i.file.endswith("mcs2026_broken.csv") for i in result.issues)
    assert [o.line for o in result.observations] == [2]  # line 8 is a salient row: skipped


def test_bad_encoding_names_file_and_line():
    with pytest.raises(DataError) as info:
        read_mcs2026(BROKEN / "mcs2026_bad_encoding.csv")
    assert info.value.line == 2
    assert "mcs2026_bad_encoding.csv" in str(info.value)


def test_missing_column():
    with pytest.raises(DataError, match="PROD_EST_ 2024"):
        read_mcs2025(BROKEN / "mcs2025_missing_column.csv")


def test_missing_file():
    path = BROKEN / "no_such_file.csv"
    with pytest.raises(DataError) as info:
        read_mcs2024_rare_earths(path)
    assert str(path) in str(info.value)


def test_parenthesised_country_names_are_names_not_qualifiers(mcs2026):
    # "Congo (Kinshasa)" is the DRC; stripping "(Kinshasa)" as a qualifier would give the
    # Republic of the Congo (CG), which mines no cobalt.
    cobalt = {o.country for o in mcs2026.observations if o.commodity == "cobalt"}
    assert "CD" in cobalt
    assert "CG" not in cobalt
