"""Provinces and states from ISO 3166-2 as gazetteer places (critmin.news.places)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from critmin.news.extract import extract_events
from critmin.news.gazetteer import default_gazetteer
from critmin.news.places import ascii_fold, city_context, embedded, subdivision_places


def _countries(text: str) -> list[tuple[str, str]]:
    return [
        (text[m.start : m.end], m.id) for m in default_gazetteer().find(text) if m.kind == "country"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Power cuts hit mines in the Copperbelt this week.", [("Copperbelt", "ZM")]),
        ("The mine lies in Lualaba province.", [("Lualaba", "CD")]),
        ("Output rose in Jiangxi and Ningxia.", [("Jiangxi", "CN"), ("Ningxia", "CN")]),
        ("A lithium clay project in Sonora.", [("Sonora", "MX")]),
        ("Brine wells in Catamarca.", [("Catamarca", "AR")]),
    ],
)
def test_subdivision_names_place_the_event(text: str, expected: list[tuple[str, str]]) -> None:
    assert _countries(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Oil output in the Delta fell.",  # a stopword: an ordinary word
        "Victoria said the deal was done.",  # a given name as often as the state
        "The Amazonas find was confirmed.",  # four countries have an Amazonas
        "Exports from Taiwan rose.",  # TW, never a Chinese province
    ],
)
def test_ambiguous_or_common_subdivision_names_are_not_regions(text: str) -> None:
    assert all(m.via != "region" for m in default_gazetteer().find(text))


def test_taiwan_and_niger_keep_their_catalogue_meaning() -> None:
    assert _countries("Niger and Taiwan") == [("Niger", "NE"), ("Taiwan", "TW")]


@pytest.mark.parametrize(
    ("text", "name", "inside"),
    [
        ("in the Seis Lagos area", "Lagos", True),
        ("near Poços de Caldas in Brazil", "Caldas", True),
        ("Sonora Lithium Ltd said", "Sonora", True),
        ("in Lualaba Province", "Lualaba", False),
        ("Brazil's Amazonas", "Amazonas", False),
        ("Sonora will host the plant", "Sonora", False),
        ("The company said. In Lualaba, output fell", "Lualaba", False),
        ("mines in Salta, Jujuy and Catamarca", "Jujuy", False),
    ],
)
def test_embedded_names(text: str, name: str, inside: bool) -> None:
    start = text.index(name)
    assert embedded(text, start, start + len(name)) is inside


def test_region_inside_a_longer_name_gives_no_country() -> None:
    text = "The agency identified a niobium deposit in the Seis Lagos area of Brazil."
    events = extract_events(text, published="2025-03-19")
    assert [e.countries for e in events] == [("BR",)]


def test_accent_free_spelling_is_added() -> None:
    assert ascii_fold("Ömnögovĭ") == "Omnogovi"
    surfaces = {s for s, _ in subdivision_places()}
    assert {"Ömnögovĭ", "Omnogovi"} <= surfaces


def test_taken_and_stopword_names_are_skipped() -> None:
    surfaces = {s for s, _ in subdivision_places(taken=["copperbelt"], stopwords=["Lualaba"])}
    assert "Copperbelt" not in surfaces and "Lualaba" not in surfaces
    assert "Catamarca" in surfaces


@given(st.text(max_size=60))
def test_embedded_never_fails_on_any_text(text: str) -> None:
    for i in range(len(text) + 1):
        embedded(text, i, min(len(text), i + 3))


def test_a_heading_on_its_own_line_heads_the_paragraphs_after_it() -> None:
    text = (
        "Weekly round-up.\n\nChile.\n\nThe government published a decree on lithium royalties.\n\n"
        "Zambia.\n\nPower cuts forced two mines to cut copper output this week.\n"
    )
    events = extract_events(text, published="2025-08-29")
    assert [(e.type, e.countries) for e in events] == [
        ("policy", ("CL",)),
        ("disruption", ("ZM",)),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a Detroit-based maker of battery cells", [("Detroit", "US")]),
        ("Artisanal mining resumed near Kolwezi on Monday.", [("Kolwezi", "CD")]),
        ("the port of Antofagasta", [("Antofagasta", "CL")]),
    ],
)
def test_city_names_place_an_event_where_used_as_places(
    text: str, expected: list[tuple[str, str]]
) -> None:
    events_text = text
    found = [
        (events_text[m.start : m.end], m.id)
        for m in default_gazetteer().find(events_text)
        if m.kind == "country" and (m.via != "city" or city_context(events_text, m.start, m.end))
    ]
    assert found == expected


def test_a_city_name_used_otherwise_is_no_place() -> None:
    # "Goma" as a word not used as a place (no locative, no "-based", no dateline)
    text = "Goma Copper said output rose."
    m = next(m for m in default_gazetteer().find(text) if m.via == "city")
    assert not city_context(text, m.start, m.end)


def test_a_dateline_city_gives_the_country() -> None:
    text = "GOMA, 21 February - Rebels seized the tin mine, halting output, officials said."
    events = extract_events(text, published="2025-02-21")
    assert [e.countries for e in events] == [("CD",)]


def test_cities_file_is_unique_and_well_formed() -> None:
    from critmin.news.places import _cities

    rows = _cities()
    assert len(rows) > 20_000
    assert len({name for name, _ in rows}) == len(rows)
    assert all(len(code) == 2 and code.isupper() for _, code in rows)
