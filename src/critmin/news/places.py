"""Provinces, states and regions of every country, from ISO 3166-2 (via pycountry).

News places events by region far more often than by country ("in Lualaba", "a mine in the
Copperbelt", "Sonora's lithium"), and no hand list keeps up with the places a wire story
names. ISO 3166-2 names every first-level subdivision of every country; pycountry ships it,
so the gazetteer gets them without a download.

What is left out, because it would name the wrong country more often than the right one:

- municipalities, cities, parishes and other fine-grained units (their names repeat
  ordinary words and surnames);
- names shared by subdivisions of two countries ("Amazonas" is in Brazil, Colombia, Peru
  and Venezuela);
- names made only of compass and generic words ("North-Western", "Central", "Coast");
- names of fewer than four letters, and the lexicon's ``place_stopwords``: subdivision
  names that are also ordinary English words, firms or better-known places elsewhere
  ("Delta", "Santander", "Victoria", "Toledo");
- names the catalogues already give another meaning (a country, capital or demonym: "Niger"
  the Nigerian state is not Niger the country; "Taiwan" is not a Chinese province here).

Local-language suffixes are dropped so the name reads as English news writes it ("Jiangxi
Sheng" -> "Jiangxi", "Qaraghandy oblysy" -> "Qaraghandy"), and an accent-free spelling is
added ("Ömnögovĭ" -> "Omnogovi").
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources

import pycountry

#: Subdivision types too fine-grained to place a mining event (ISO 3166-2 ``type``).
_SKIPPED_TYPES = frozenset(
    {
        "Municipality",
        "Local council",
        "City",
        "Quarter",
        "Parish",
        "Commune",
        "Urban municipality",
        "Island council",
        "Administrative atoll",
        "City with county rights",
        "Special municipality",
        "Metropolitan city",
        "State city",
        "Town council",
        "Borough",
        "Council area",
        "Unitary authority",
        "Two-tier county",
        "London borough",
        "Metropolitan district",
        "District council area",
    }
)
#: Parentheticals and local-language suffixes: "Cagayan Valley (Region II)", "Jiangxi Sheng",
#: "Komi, Respublika", "Pavlodar oblysy".
_SUFFIX = re.compile(
    r"\s*\([^)]*\)$|,\s*Respublika$|\s+(?:Sheng|Shi|Zizhiqu|Zhuangzu|Huizu|Uygur|SAR|oblysy|"
    r"oblast'|kray|avtonomnyy okrug|avtonomnaya oblast')$"
)
#: Words that alone do not name a place.
_GENERIC = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "centre",
        "center",
        "upper",
        "lower",
        "far",
        "middle",
        "coast",
        "coastal",
        "region",
        "province",
        "district",
        "territory",
        "capital",
        "national",
        "island",
        "islands",
        "river",
        "lake",
        "lakes",
        "bay",
        "gulf",
        "sea",
        "area",
        "est",
        "nord",
        "sud",
        "ouest",
        "and",
        "of",
        "the",
    }
)


def _name(raw: str) -> str:
    name, previous = raw, ""
    while name != previous:
        previous, name = name, _SUFFIX.sub("", name).strip()
    return name


def ascii_fold(name: str) -> str:
    """``name`` without accents ("Ömnögovĭ" -> "Omnogovi"); other characters kept."""
    if name.isascii():
        return name
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _generic(name: str) -> bool:
    words = re.split(r"[\s-]+", name.casefold())
    return all(w in _GENERIC for w in words if w)


@cache
def _subdivisions() -> tuple[tuple[str, str], ...]:
    """(name, ISO alpha-2) of each first-level subdivision named by one country only."""
    owners: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code or sub.type in _SKIPPED_TYPES:
            continue
        owners.setdefault(_name(sub.name), set()).add(sub.country_code)
    return tuple(sorted((n, next(iter(c))) for n, c in owners.items() if len(c) == 1))


def subdivision_places(
    taken: Iterable[str] = (), stopwords: Iterable[str] = ()
) -> list[tuple[str, str]]:
    """(surface, ISO alpha-2) for the subdivisions news can place an event by.

    Parameters
    ----------
    taken
        Surfaces (any case) the gazetteer already gives a meaning; these are skipped.
    stopwords
        Subdivision names that are ordinary words or better-known places elsewhere.
    """
    skip = {s.casefold() for s in taken} | {s.casefold() for s in stopwords}
    out: list[tuple[str, str]] = []
    for name, code in _subdivisions():
        letters = sum(c.isalpha() for c in name)
        if letters < 4 or _generic(name):
            continue
        for surface in dict.fromkeys((name, ascii_fold(name))):
            if surface.casefold() not in skip:
                out.append((surface, code))
    return out


#: Words joining the parts of a place or firm name ("Poços de Caldas", "Minas del Rey").
_CONNECTORS = frozenset({"de", "do", "da", "del", "dos", "das", "di", "du", "la", "le", "von"})
#: Words that may follow a region's name without making it part of another name.
_REGION_NOUNS = frozenset(
    {
        "province",
        "provinces",
        "state",
        "states",
        "region",
        "regions",
        "department",
        "territory",
        "oblast",
        "district",
        "governorate",
        "prefecture",
        "county",
    }
)
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'\u2019.-]*)\s+$")
_WORD_AFTER = re.compile(r"\s+([^\W\d_][\w'\u2019-]*)")
_OPENING = re.compile(r"(?:^|[.!?\n:;\"\u201c(\u2014\u2013-])\s*$")


def embedded(text: str, start: int, end: int) -> bool:
    """Whether the region name at ``text[start:end]`` is part of a longer proper name.

    "Seis Lagos", "Poços de Caldas" and "Nevada Copper Corp." contain a subdivision's name
    but name a place elsewhere or a firm; "Lualaba Province", "Brazil's Amazonas" and a name
    opening a sentence ("Sonora will ...") do not.
    """
    before = _WORD_BEFORE.search(text, max(0, start - 60), start)
    if before is not None:
        word = before.group(1)
        if word.casefold() in _CONNECTORS:
            earlier = _WORD_BEFORE.search(text, max(0, before.start() - 60), before.start())
            if earlier is not None and earlier.group(1)[:1].isupper():
                return True
        elif (
            word[:1].isupper()
            and not word.endswith(("'s", "\u2019s", "s'"))
            and not _OPENING.search(text, max(0, before.start() - 5), before.start())
        ):
            return True
    after = _WORD_AFTER.match(text, end)
    if after is not None:
        word = after.group(1)
        if word.casefold() in _CONNECTORS:
            return True
        if word[:1].isupper() and word.casefold() not in _REGION_NOUNS:
            return True
    return False


@cache
def _cities() -> tuple[tuple[str, str], ...]:
    """(name, ISO alpha-2) from ``cities.csv`` (GeoNames; see ``scripts/make_cities.py``)."""
    text = resources.files("critmin.news").joinpath("cities.csv").read_text(encoding="utf-8")
    return tuple((row["name"], row["alpha2"]) for row in csv.DictReader(text.splitlines()))


def city_places(taken: Iterable[str] = (), stopwords: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(surface, ISO alpha-2) for towns and cities of 15,000 people or more.

    A city's name places an event only where the text uses it as a place (see
    :func:`city_context`): many are also surnames or firms.
    """
    skip = {s.casefold() for s in taken} | {s.casefold() for s in stopwords}
    out: list[tuple[str, str]] = []
    for name, code in _cities():
        for surface in dict.fromkeys((name, ascii_fold(name))):
            if surface.casefold() not in skip:
                out.append((surface, code))
    return out


#: What makes a capitalised name a place: a locative preposition before it ("in Goma", "the
#: town of Kolwezi", "outside Townsville") or "-based" after it ("a Detroit-based maker").
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|around|from|to|via|(?:city|town|port|province|district|region|"
    r"municipality) of)\s+(?:the\s+)?(?:(?:north|south|east|west|northern|southern|eastern|"
    r"western|central)(?:ern)?\s+)?$",
    re.IGNORECASE,
)
_BASED_AFTER = re.compile(
    r"-(?:based|listed|headquartered)\b|\s+(?:trading |mining |metals? )?(?:firms?|companies|"
    r"company|traders?|miners?|producers?|refiners?|groups?|banks?|smelters?)\b"
)


def city_context(text: str, start: int, end: int) -> bool:
    """Whether the city name at ``text[start:end]`` is used as a place here."""
    if _BASED_AFTER.match(text, end):
        return True
    if embedded(text, start, end):
        return False
    return bool(_LOCATIVE_BEFORE.search(text, max(0, start - 40), start))
