"""The commodity catalogue: fixed slugs, USGS labels, critical lists, the 17 REEs."""

from __future__ import annotations

import csv

import pytest

from critmin.data import shipped
from critmin.data.catalogue import commodities, commodity, find_commodity, rare_earth_elements
from critmin.data.catalogue.commodities import normalise_label
from critmin.errors import UnknownNameError

FIXED_SLUGS = [
    "rare-earths", "copper", "cobalt", "lithium", "nickel", "graphite-natural",
    "graphite-synthetic", "gallium", "germanium", "antimony", "tungsten", "titanium",
    "titanium-sponge", "ilmenite", "rutile", "chromium", "uranium", "beryllium", "tantalum",
    "niobium", "manganese", "platinum-group-metals", "magnesium", "scandium", "yttrium",
    "magnet-rare-earths", "ndpr",
]
LIGHT = ["lanthanum", "cerium", "praseodymium", "neodymium", "promethium", "samarium"]
HEAVY = ["europium", "gadolinium", "terbium", "dysprosium", "holmium", "erbium", "thulium",
         "ytterbium", "lutetium", "yttrium"]


def _rows(path, encoding):
    with open(path, encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("slug", FIXED_SLUGS + LIGHT + HEAVY)
def test_fixed_slugs_exist(slug):
    assert commodity(slug).slug == slug


def test_sorted_unique_and_parents_known():
    items = commodities()
    slugs = [c.slug for c in items]
    assert slugs == sorted(slugs)
    assert len(set(slugs)) == len(slugs)
    assert all(c.parent in set(slugs) for c in items if c.parent)


def test_titanium_subproducts_have_parent_titanium():
    for slug in ("titanium-sponge", "ilmenite", "rutile", "titanium-dioxide-pigment"):
        assert commodity(slug).parent == "titanium"


def test_rare_earth_elements():
    elements = rare_earth_elements()
    assert len(elements) == 17
    numbers = [e.atomic_number for e in elements]
    assert numbers == sorted(numbers)
    assert {e.symbol for e in elements} >= {"Sc", "Y", "La", "Lu", "Nd", "Dy", "Tb", "Pr"}
    assert all(e.parent == "rare-earths" for e in elements)
    assert [e.slug for e in elements if e.group == "light-ree"] == LIGHT
    assert sorted(e.slug for e in elements if e.group == "heavy-ree") == sorted(HEAVY)
    assert commodity("scandium").group == "scandium"


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Rare Earths", "rare-earths"),
        ("Rare earths", "rare-earths"),
        ("rare earths 2", "rare-earths"),
        ("REEs", "rare-earths"),
        ("rare-earth elements", "rare-earths"),
        ("heavy rare earths", "heavy-rare-earths"),
        ("Rare Earths (Heavy)", "heavy-rare-earths"),
        ("NdPr", "ndpr"),
        ("Dy", "dysprosium"),
        ("dy", "dysprosium"),
        ("Gemanium", "germanium"),
        ("TiO2 Pigment", "titanium-dioxide-pigment"),
        ("Tio2 Pigment", "titanium-dioxide-pigment"),
        ("Copper ", "copper"),
        ("Niobium (Columbium)", "niobium"),
        ("Magnesium metal", "magnesium"),
        ("Graphite (Natural)", "graphite-natural"),
        ("Nitrogen(fixed) - Ammonia", "nitrogen-fixed-ammonia"),
        ("rare earths", "rare-earths"),
    ],
)
def test_resolves_names(name, slug):
    assert commodity(name).slug == slug


def test_unknown_name_suggests():
    with pytest.raises(UnknownNameError) as info:
        commodity("Lithum")
    assert info.value.kind == "commodity"
    assert "lithium" in info.value.suggestions
    assert find_commodity("Lithum") is None


def test_every_usgs_label_resolves():
    labels = {r["Commodity"] for r in _rows(shipped.MCS2026_CSV, "cp1252")}
    labels |= {r["COMMODITY"] for r in _rows(shipped.MCS2025_CSV, "utf-8-sig")}
    labels |= {r["Type"].split(",")[0] for r in _rows(shipped.MCS2024_REE_CSV, "utf-8-sig")
               if r["Type"]}
    assert [label for label in labels if find_commodity(label) is None] == []


def test_critical_us_2025_matches_mcs2026_column():
    flags: dict[str, set[str]] = {}
    for row in _rows(shipped.MCS2026_CSV, "cp1252"):
        value = row["Is critical mineral 2025"]
        if value in ("Yes", "No"):
            flags.setdefault(commodity(row["Commodity"]).slug, set()).add(value)
    for slug, values in flags.items():
        assert len(values) == 1, slug
        assert commodity(slug).critical_us_2025 is (values == {"Yes"}), slug
    assert commodity("uranium").critical_us_2025 is None


def test_normalise_label():
    assert normalise_label("World total (rounded) 10") == "world total (rounded)"
    assert normalise_label("Fuller\u2019s\u00a0earth ") == "fuller's earth"
