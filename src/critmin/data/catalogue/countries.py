"""Countries (ISO 3166 via pycountry), publisher spellings, demonyms, capitals, leaders, blocs.

Every importer turns a publisher's country label into an ISO alpha-2 code through
:func:`find_country`, so this module is where "Burma", "Congo (Kinshasa)", "Korea, Rep." and
"Canada1" all become one code. The lookups are built once into dictionaries keyed by a
normalised spelling (:func:`normalise_name`), so resolving a label is one dictionary hit.

Data files next to this module:

``country_aliases.csv``
    ``alpha2, kind, term, source``: preferred display names (``name``), publishers' codes
    (``code``, e.g. the World Bank's ``ZAR`` and ``ROM``), publishers' spellings (``alias``),
    and demonyms and capitals (``demonym``, ``capital``) for about 90 countries that matter
    to mineral supply chains, for matching news text; ``term`` rows are words used only for
    news matching, never to resolve a label ("Congo" in news often means the DRC, while in
    ISO and in :func:`country` it is the Republic of the Congo). A term listed for two countries
    ("Congolese", "Korean") is ambiguous and is recorded as such in :func:`country_terms`.
``leaders.csv``
    Heads of state and government with years, ``basis: recalled`` (general knowledge, with the
    as-of month in the file), for the countries that matter to critical minerals.
``blocs.yaml``
    EU, OECD, G7, SCO, BRICS, NATO, ASEAN and C5 memberships, each with its as-of date and
    basis (recalled general knowledge).

Kosovo is included as ``XK``/``XKX`` (a code reserved for user assignment, used by the European
Commission and the World Bank) because publishers report it and pycountry does not list it.
Rows that are not one country ("World total", "Other countries", "United States and Canada",
"China, Germany, and Russia") deliberately resolve to nothing.
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import pycountry
import yaml

from critmin.errors import DataError, UnknownNameError

__all__ = [
    "Bloc",
    "Country",
    "bloc",
    "blocs",
    "countries",
    "country",
    "country_terms",
    "find_country",
    "normalise_name",
]

_HERE = Path(__file__).resolve().parent
ALIASES_CSV = _HERE / "country_aliases.csv"
LEADERS_CSV = _HERE / "leaders.csv"
BLOCS_YAML = _HERE / "blocs.yaml"

#: Countries pycountry does not list but publishers report: alpha-2, alpha-3, name.
_EXTRA_COUNTRIES: tuple[tuple[str, str, str], ...] = (("XK", "XKX", "Kosovo"),)


@dataclass(frozen=True, slots=True)
class Country:
    """A country as critmin knows it."""

    alpha2: str
    alpha3: str
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    #: (name, from_year, to_year or None) of heads of state/government, for text matching
    leaders: tuple[tuple[str, int, int | None], ...] = ()
    blocs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Bloc:
    """A group of countries (EU, OECD, SCO, G7, BRICS...) with its members' alpha-2 codes."""

    code: str
    name: str
    members: frozenset[str]
    aliases: tuple[str, ...] = ()
    #: where the membership list comes from, and as of when
    note: str = ""


# --- normalisation -------------------------------------------------------------------------

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u0060": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2011": "-",
    }
)
_SPACES = re.compile(r"\s+")
_FOOTNOTE = re.compile(r"\s*\d+$")
_TRAILING_PARENS = re.compile(r"\s*\([^()]*\)$")


def normalise_name(text: str, *, strip_footnotes: bool = True) -> str:
    """Fold a label to the key the lookup dictionaries use.

    Case, runs of whitespace (including non-breaking spaces), curly quotes and dashes,
    diacritics ("Côte" = "Cote", "Türkiye" = "Turkiye"), a leading "The"/trailing ", The",
    trailing full stops and trailing footnote digits ("Canada1", "World total (rounded) 10")
    are all ignored, because publishers vary in exactly these ways.

    Parameters
    ----------
    text
        The label as published.
    strip_footnotes
        Drop trailing digits. Off for bloc codes such as ``G7`` and ``C5``.

    Returns
    -------
    str
        The normalised key ("" for an empty label).
    """
    folded = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = _SPACES.sub(" ", folded.casefold()).strip()
    if strip_footnotes:
        folded = _FOOTNOTE.sub("", folded)
    folded = folded.rstrip(" .")
    if folded.startswith("the "):
        folded = folded[4:]
    if folded.endswith(", the"):
        folded = folded[:-5]
    return folded.strip()


# --- loading -------------------------------------------------------------------------------


def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    except OSError as exc:
        raise DataError(f"cannot read catalogue file: {exc}", file=str(path)) from exc


@cache
def _alias_rows() -> tuple[tuple[str, str, str], ...]:
    """(alpha2, kind, term) rows of ``country_aliases.csv``."""
    return tuple(
        (row["alpha2"].strip(), row["kind"].strip(), row["term"].strip())
        for row in _read_csv(ALIASES_CSV)
    )


@cache
def _leaders() -> dict[str, tuple[tuple[str, int, int | None], ...]]:
    """Leaders by alpha-2, in file order."""
    found: dict[str, list[tuple[str, int, int | None]]] = defaultdict(list)
    for row in _read_csv(LEADERS_CSV):
        to_year = row["to_year"].strip()
        found[row["alpha2"].strip()].append(
            (row["name"].strip(), int(row["from_year"]), int(to_year) if to_year else None)
        )
    return {code: tuple(items) for code, items in found.items()}


@cache
def _blocs() -> tuple[Bloc, ...]:
    try:
        with BLOCS_YAML.open(encoding="utf-8") as handle:
            raw = yaml.safe_load(handle)
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"cannot read bloc file: {exc}", file=str(BLOCS_YAML)) from exc
    found = []
    for code, spec in raw.items():
        bad = [m for m in spec["members"] if not (isinstance(m, str) and len(m) == 2)]
        if bad:  # e.g. an unquoted NO (Norway) that YAML reads as False
            raise DataError(
                f"bloc {code}: members must be alpha-2 strings, got {bad}", file=str(BLOCS_YAML)
            )
        note = " ".join(str(spec.get("note", "")).split())
        note = f"As of {spec['as_of']}; basis: {spec['basis']}. {note}".strip()
        found.append(
            Bloc(
                code=str(code),
                name=str(spec["name"]),
                members=frozenset(str(m) for m in spec["members"]),
                aliases=tuple(str(a) for a in spec.get("aliases", ())),
                note=note,
            )
        )
    return tuple(sorted(found, key=lambda b: b.code))


def _pycountry_names(record: object) -> list[str]:
    """The name, common name and official name pycountry gives, in that order."""
    names = []
    for attr in ("common_name", "name", "official_name"):
        value = getattr(record, attr, None)
        if isinstance(value, str) and value:
            names.append(value)
    return names


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


@cache
def _catalogue() -> tuple[tuple[Country, ...], dict[str, str], dict[str, tuple[str, ...]]]:
    """Build the countries, the name index and the news-matching terms, once.

    Returns
    -------
    tuple
        Countries sorted by alpha-2; normalised code/name/alias -> alpha-2 (codes first, so a
        code always wins over a name); normalised demonym/capital/leader/name -> alpha-2 codes.
    """
    base: dict[str, tuple[str, list[str]]] = {}
    for record in pycountry.countries:
        base[record.alpha_2] = (record.alpha_3, _pycountry_names(record))
    for alpha2, alpha3, name in _EXTRA_COUNTRIES:
        base[alpha2] = (alpha3, [name])

    display: dict[str, str] = {}
    extra_codes: dict[str, list[str]] = defaultdict(list)
    aliases: dict[str, list[str]] = defaultdict(list)
    demonyms: dict[str, list[str]] = defaultdict(list)
    capitals: dict[str, list[str]] = defaultdict(list)
    news_terms: dict[str, list[str]] = defaultdict(list)
    for alpha2, kind, term in _alias_rows():
        if alpha2 not in base:
            raise DataError(f"unknown alpha-2 code {alpha2!r}", file=str(ALIASES_CSV))
        if kind == "name":
            display[alpha2] = term
        elif kind == "code":
            extra_codes[alpha2].append(term)
        elif kind == "alias":
            aliases[alpha2].append(term)
        elif kind == "demonym":
            demonyms[alpha2].append(term)
        elif kind == "capital":
            capitals[alpha2].append(term)
        elif kind == "term":
            news_terms[alpha2].append(term)
        else:
            raise DataError(f"unknown kind {kind!r} for {alpha2}", file=str(ALIASES_CSV))

    membership: dict[str, list[str]] = defaultdict(list)
    for group in _blocs():
        for member in group.members:
            membership[member].append(group.code)
    leaders = _leaders()

    built: list[Country] = []
    for alpha2 in sorted(base):
        alpha3, names = base[alpha2]
        name = display.get(alpha2, names[0])
        built.append(
            Country(
                alpha2=alpha2,
                alpha3=alpha3,
                name=name,
                aliases=tuple(a for a in _unique([*names, *aliases[alpha2]]) if a != name),
                demonyms=_unique(demonyms[alpha2]),
                capitals=_unique(capitals[alpha2]),
                leaders=leaders.get(alpha2, ()),
                blocs=tuple(sorted(membership[alpha2])),
            )
        )

    index: dict[str, str] = {}

    def add(term: str, alpha2: str) -> None:
        key = normalise_name(term)
        if key:
            index.setdefault(key, alpha2)

    for item in built:
        add(item.alpha2, item.alpha2)
    for item in built:
        add(item.alpha3, item.alpha2)
    for alpha2, codes in extra_codes.items():
        for code in codes:
            add(code, alpha2)
    for item in built:
        for term in (item.name, *item.aliases):
            add(term, item.alpha2)

    terms: dict[str, list[str]] = defaultdict(list)
    for item in built:
        words = [item.name, *item.aliases, *item.demonyms, *item.capitals]
        words += [leader[0] for leader in item.leaders] + news_terms[item.alpha2]
        for word in words:
            key = normalise_name(word)
            if key and item.alpha2 not in terms[key]:
                terms[key].append(item.alpha2)
    return tuple(built), index, {key: tuple(codes) for key, codes in terms.items()}


@cache
def _by_alpha2() -> dict[str, Country]:
    return {item.alpha2: item for item in _catalogue()[0]}


@cache
def _suggestion_keys() -> dict[str, str]:
    """Normalised names and aliases (not codes) -> display name, for "did you mean"."""
    by_code = _by_alpha2()
    return {key: by_code[code].name for key, code in _catalogue()[1].items() if len(key) > 3}


# --- public API ----------------------------------------------------------------------------


def countries() -> tuple[Country, ...]:
    """All countries, sorted by alpha-2.

    The 249 ISO 3166-1 entries pycountry lists, plus Kosovo (``XK``).
    """
    return _catalogue()[0]


def find_country(name_or_code: str) -> Country | None:
    """Like :func:`country` but return ``None`` for unknown names.

    A trailing parenthetical qualifier the publisher added is dropped if the whole label is
    not known ("Canada (shipments)", "United States (includes Puerto Rico)" -> the country),
    so such rows resolve; labels that name several countries or a total do not.

    Parameters
    ----------
    name_or_code
        An alpha-2 or alpha-3 code (ISO, or a World Bank code such as ``ZAR``), a name or a
        publisher's spelling.

    Returns
    -------
    Country or None
        The country, or ``None`` if the label is not one country.
    """
    code = _lookup(name_or_code)
    return None if code is None else _by_alpha2()[code]


@lru_cache(maxsize=16384)
def _lookup(text: str) -> str | None:
    """Alpha-2 code for a label; cached per raw label, so repeated labels cost one dict hit."""
    index = _catalogue()[1]
    key = normalise_name(text)
    code = index.get(key)
    if code is None and key.endswith(")"):
        code = index.get(_TRAILING_PARENS.sub("", key))
    return code


def country(name_or_code: str) -> Country:
    """Resolve an ISO alpha-2/alpha-3 code, a name or a publisher spelling; raise with suggestions.

    Parameters
    ----------
    name_or_code
        See :func:`find_country`.

    Returns
    -------
    Country
        The country.

    Raises
    ------
    UnknownNameError
        If the label is not one country; ``suggestions`` holds close names ("Kazakstan" ->
        "Kazakhstan").
    """
    found = find_country(name_or_code)
    if found is not None:
        return found
    keys = _suggestion_keys()
    close = difflib.get_close_matches(normalise_name(name_or_code), list(keys), n=5, cutoff=0.75)
    raise UnknownNameError("country", name_or_code, list(_unique([keys[k] for k in close]))[:3])


def country_terms() -> dict[str, tuple[str, ...]]:
    """Words that point to a country in text, for news matching.

    Returns
    -------
    dict
        Normalised term (see :func:`normalise_name`) -> alpha-2 codes. Names, aliases,
        demonyms, capitals and leaders' names. A term with more than one code is ambiguous
        ("congolese" -> ``("CD", "CG")``, "korean" -> ``("KP", "KR")``): the caller must
        decide from context rather than guess.
    """
    return _catalogue()[2]


def blocs() -> tuple[Bloc, ...]:
    """All blocs, sorted by code."""
    return _blocs()


@cache
def _bloc_index() -> dict[str, Bloc]:
    index: dict[str, Bloc] = {}
    for group in _blocs():
        for term in (group.code, group.name, *group.aliases):
            index.setdefault(normalise_name(term, strip_footnotes=False), group)
    return index


def bloc(code: str) -> Bloc:
    """A bloc by code or alias (``EU``, ``European Union``); raise with suggestions.

    Raises
    ------
    UnknownNameError
        If no bloc has this code, name or alias.
    """
    index = _bloc_index()
    key = normalise_name(code, strip_footnotes=False)
    if key in index:
        return index[key]
    close = difflib.get_close_matches(key, list(index), n=3, cutoff=0.6)
    raise UnknownNameError("bloc", code, list(_unique([index[k].code for k in close])))
