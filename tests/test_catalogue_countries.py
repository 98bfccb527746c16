"""Countries catalogue: codes, publisher spellings, blocs, terms for news matching."""

from __future__ import annotations

import csv

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from critmin.data import shipped
from critmin.data.catalogue.countries import (
    bloc,
    blocs,
    countries,
    country,
    country_terms,
    find_country,
    normalise_name,
)
from critmin.errors import UnknownNameError

ISO = sorted(pycountry.countries, key=lambda c: c.alpha_2)


@given(st.sampled_from(ISO))
def test_every_iso_code_round_trips(record):
    assert country(record.alpha_2).alpha2 == record.alpha_2
    assert country(record.alpha_3).alpha2 == record.alpha_2
    assert country(record.alpha_2.lower()).alpha3 == record.alpha_3
    assert country(record.name).alpha2 == record.alpha_2


@given(st.sampled_from(ISO), st.sampled_from(["", " ", "  ", "\u00a0", "1", " 2"]))
def test_padding_and_footnotes_are_ignored(record, suffix):
    assert find_country(record.name.upper() + suffix).alpha2 == record.alpha_2


def test_count_and_order():
    items = countries()
    assert len(items) == len(pycountry.countries) + 1  # + Kosovo
    assert [c.alpha2 for c in items] == sorted(c.alpha2 for c in items)


@pytest.mark.parametrize(
    ("label", "alpha2"),
    [
        ("KZ", "KZ"),
        ("KAZ", "KZ"),
        ("Kazakhstan", "KZ"),
        ("kazakhstan ", "KZ"),
        ("Burma", "MM"),
        ("Myanmar", "MM"),
        ("Congo (Kinshasa)", "CD"),
        ("Democratic Republic of Congo", "CD"),
        ("Congo, Dem. Rep.", "CD"),
        ("ZAR", "CD"),
        ("Congo (Brazzaville)", "CG"),
        ("Congo, Rep.", "CG"),
        ("Korea, Republic of", "KR"),
        ("Korea, Rep.", "KR"),
        ("Korea, North", "KP"),
        ("Côte d’Ivoire", "CI"),
        ("Cote d'Ivoire", "CI"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("Laos", "LA"),
        ("Lao PDR", "LA"),
        ("Vietnam", "VN"),
        ("Viet Nam", "VN"),
        ("Iran", "IR"),
        ("Iran, Islamic Rep.", "IR"),
        ("Syria", "SY"),
        ("Tanzania", "TZ"),
        ("Bolivia", "BO"),
        ("Czechia", "CZ"),
        ("Czech Republic", "CZ"),
        ("Kosovo", "XK"),
        ("XKX", "XK"),
        ("KSV", "XK"),
        ("ROM", "RO"),
        ("TMP", "TL"),
        ("WBG", "PS"),
        ("ADO", "AD"),
        ("JEY", "JE"),
        ("The Bahamas", "BS"),
        ("Bahamas, The", "BS"),
        ("Canada1", "CA"),
        ("Russia ", "RU"),
        ("United\u00a0States (kyanite)", "US"),
        ("United States (includes Puerto Rico)", "US"),
        ("Brazil (beneficiated, marketable)", "BR"),
        ("USA", "US"),
        ("UK", "GB"),
    ],
)
def test_publisher_spellings_resolve(label, alpha2):
    assert country(label).alpha2 == alpha2


@pytest.mark.parametrize(
    "label",
    [
        "United States and Canada",
        "United\u00a0States and Canada",
        "World total",
        "World total (rounded) 10",
        "Other countries",
        "Other Countries",
        "Other countries (rounded)",
        "China, Germany, and Russia",
        "Rest of world",
        "Total",
        "",
        "   ",
        "ANT",  # Netherlands Antilles, dissolved 2010: not a current ISO country
    ],
)
def test_non_countries_do_not_resolve(label):
    assert find_country(label) is None


def test_unknown_name_raises_with_suggestions():
    with pytest.raises(UnknownNameError) as info:
        country("Kazakstan")
    assert info.value.kind == "country"
    assert info.value.name == "Kazakstan"
    assert "Kazakhstan" in info.value.suggestions
    assert "did you mean" in str(info.value)


def test_unknown_name_is_a_lookup_error():
    with pytest.raises(LookupError):
        country("Atlantis")


def test_country_fields():
    kz = country("Kazakhstan")
    assert (kz.alpha2, kz.alpha3, kz.name) == ("KZ", "KAZ", "Kazakhstan")
    assert {"Kazakh", "Kazakhstani"} <= set(kz.demonyms)
    assert "Astana" in kz.capitals
    assert ("Kassym-Jomart Tokayev", 2019, None) in kz.leaders
    assert {"SCO", "C5"} <= set(kz.blocs)
    assert ("Xi Jinping", 2013, None) in country("CN").leaders
    assert country("MM").name == "Myanmar"
    assert "Burma" in country("MM").aliases


@pytest.mark.parametrize(
    "alpha2",
    [
        "KZ",
        "CN",
        "US",
        "RU",
        "AU",
        "CD",
        "ID",
        "CL",
        "AR",
        "BO",
        "MM",
        "ZA",
        "CA",
        "BR",
        "IN",
        "JP",
        "KR",
        "VN",
        "MY",
        "UZ",
        "MN",
        "GL",
        "DK",
        "SA",
    ],
)
def test_leaders_recorded_for_critical_mineral_countries(alpha2):
    assert country(alpha2).leaders


def test_terms_for_news_matching():
    terms = country_terms()
    assert terms["kazakh"] == ("KZ",)
    assert terms["kazakhstani"] == ("KZ",)
    assert terms["astana"] == ("KZ",)
    assert terms["chinese"] == ("CN",)
    assert terms["beijing"] == ("CN",)
    assert terms["tokayev".join(["kassym-jomart ", ""])] == ("KZ",)
    # ambiguity is recorded, not guessed
    assert set(terms["congolese"]) == {"CD", "CG"}
    assert set(terms["congo"]) == {"CD", "CG"}
    assert set(terms["korean"]) == {"KP", "KR"}
    # ... while label resolution follows ISO
    assert country("Congo").alpha2 == "CG"


def test_normalise_name():
    assert normalise_name("  Côte d’Ivoire 1") == "cote d'ivoire"
    assert normalise_name("The  Bahamas") == "bahamas"
    assert normalise_name("G7", strip_footnotes=False) == "g7"


def _labels(path, encoding, column):
    with path.open(encoding=encoding, newline="") as handle:
        return {row[column] for row in csv.DictReader(handle)}


#: rows in the shipped USGS files that combine several countries
COMBINED = {"united states and canada", "china, germany, and russia"}


def _is_aggregate(label):
    key = normalise_name(label)
    return not key or key.startswith(("world", "other")) or key in COMBINED


@pytest.mark.parametrize(
    ("path", "encoding", "column"),
    [
        (shipped.MCS2026_CSV, "cp1252", "Country"),
        (shipped.MCS2025_CSV, "utf-8-sig", "COUNTRY"),
        (shipped.MCS2024_REE_CSV, "utf-8-sig", "Country"),
        (shipped.MCS2026_T4_CSV, "utf-8-sig", "Country"),
    ],
)
def test_every_shipped_usgs_country_label_resolves(path, encoding, column):
    labels = _labels(path, encoding, column)
    countries_only = {label for label in labels if not _is_aggregate(label)}
    assert len(countries_only) > 10
    assert [label for label in sorted(countries_only) if find_country(label) is None] == []
    aggregates = labels - countries_only
    assert [label for label in sorted(aggregates) if find_country(label) is not None] == []


def test_codes_win_over_names():
    # every alpha-2 and alpha-3 code maps to its own country, never to another's name
    for item in countries():
        assert find_country(item.alpha2) is item
        assert find_country(item.alpha3) is item


def test_blocs():
    codes = {b.code for b in blocs()}
    assert {"EU", "OECD", "G7", "SCO", "BRICS", "NATO", "ASEAN", "C5"} <= codes
    assert len(bloc("EU").members) == 27
    assert "GB" not in bloc("EU").members
    assert len(bloc("OECD").members) == 38
    assert len(bloc("G7").members) == 7
    assert "BY" in bloc("SCO").members
    assert {"EG", "ET", "IR", "AE"} <= bloc("BRICS").members
    assert "SA" not in bloc("BRICS").members
    assert "ID" not in bloc("BRICS").members
    assert len(bloc("NATO").members) == 32
    assert len(bloc("ASEAN").members) == 10
    assert bloc("C5").members == {"KZ", "KG", "TJ", "TM", "UZ"}
    assert bloc("European Union") is bloc("eu")
    for group in blocs():
        assert "As of" in group.note
        assert "recalled" in group.note
        assert all(find_country(member) is not None for member in group.members)


def test_unknown_bloc_raises():
    with pytest.raises(UnknownNameError) as info:
        bloc("BRIC")
    assert info.value.kind == "bloc"
    assert "BRICS" in info.value.suggestions


def test_lookup_is_fast():
    import time

    find_country("Kazakhstan")
    start = time.perf_counter()
    for _ in range(10_000):
        find_country("Kazakhstan")
    assert (time.perf_counter() - start) / 10_000 < 5e-6
