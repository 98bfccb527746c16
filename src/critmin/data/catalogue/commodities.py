"""Commodities with slug ids, aliases, basis of measure, critical-list membership; the 17 REEs.

The catalogue is data, not code: ``commodities.yaml`` next to this module holds one entry per
commodity, sub-product or element, with the publishers' labels it answers to and where each
critical-list flag comes from. This module loads it once, checks it (unique slugs, known parents,
no name that means two commodities) and resolves names.

Names are matched after :func:`normalise_label`: case-insensitive, Unicode-normalised, curly
apostrophes and non-breaking spaces made plain, whitespace collapsed, and trailing footnote digits
removed, because the USGS files write "Copper ", "Russia " and "World total (rounded) 10".
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from critmin.errors import DataError, UnknownNameError

#: The catalogue data file.
CATALOGUE_YAML = Path(__file__).resolve().with_name("commodities.yaml")

#: Groups an entry may belong to.
GROUPS: tuple[str, ...] = (
    "",
    "light-ree",
    "heavy-ree",
    "scandium",
    "magnet-ree",
    "battery-metal",
    "pgm",
)

_KEYS = frozenset(
    {
        "slug",
        "name",
        "labels",
        "aliases",
        "parent",
        "group",
        "basis",
        "critical_us_2025",
        "critical_eu_2023",
        "symbol",
        "atomic_number",
    }
)
_FOOTNOTE = re.compile(r"(?:\s+\d{1,2})+$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Commodity:
    """A commodity or a rare-earth element."""

    slug: str
    name: str
    aliases: tuple[str, ...] = ()
    #: slug of the parent commodity (``neodymium`` -> ``rare-earths``) or ""
    parent: str = ""
    #: "light-ree", "heavy-ree", "battery-metal", ... or ""
    group: str = ""
    #: what quantities are of: "REO equivalent", "contained metal", "gross weight", "Li content"...
    basis_of_measure: str = ""
    #: True/False where a list says so; None where we have no list to go by
    critical_us_2025: bool | None = None
    critical_eu_2023: bool | None = None
    #: chemical symbol for elements ("Dy")
    symbol: str = ""
    #: the publishers' labels that mean this commodity (USGS chapter names, IEA names)
    publisher_labels: tuple[str, ...] = ()
    #: atomic number for elements, 0 otherwise
    atomic_number: int = 0


def normalise_label(text: str) -> str:
    """Reduce a name or publisher label to the key used for matching.

    Parameters
    ----------
    text
        A slug, name, alias or publisher label, e.g. ``"Copper "`` or ``"Rare Earths 2"``.

    Returns
    -------
    str
        Case-folded, NFKC-normalised text with plain apostrophes and spaces, collapsed
        whitespace and trailing footnote digits removed (``"copper"``, ``"rare earths"``).
    """
    key = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u00a0", " ")
    key = _SPACES.sub(" ", key).strip()
    key = _FOOTNOTE.sub("", key)
    return key.casefold()


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return (str(value),)


def _optional_bool(entry: dict[str, Any], key: str) -> bool | None:
    value = entry.get(key)
    if value is None or isinstance(value, bool):
        return value
    raise DataError(
        f"{entry.get('slug')!r}: {key} must be true, false or null", file=str(CATALOGUE_YAML)
    )


def _build(entries: list[dict[str, Any]]) -> tuple[Commodity, ...]:
    items: list[Commodity] = []
    for entry in entries:
        unknown = set(entry) - _KEYS
        if unknown or "slug" not in entry or not isinstance(entry.get("name"), str):
            raise DataError(
                f"bad entry {entry.get('slug')!r}: unknown keys {sorted(unknown)} or no name",
                file=str(CATALOGUE_YAML),
            )
        items.append(
            Commodity(
                slug=str(entry["slug"]),
                name=str(entry["name"]),
                aliases=_tuple(entry.get("aliases")),
                parent=str(entry.get("parent") or ""),
                group=str(entry.get("group") or ""),
                basis_of_measure=str(entry.get("basis") or ""),
                critical_us_2025=_optional_bool(entry, "critical_us_2025"),
                critical_eu_2023=_optional_bool(entry, "critical_eu_2023"),
                symbol=str(entry.get("symbol") or ""),
                publisher_labels=_tuple(entry.get("labels")),
                atomic_number=int(entry.get("atomic_number") or 0),
            )
        )
    return tuple(sorted(items, key=lambda c: c.slug))


def _check(items: tuple[Commodity, ...]) -> dict[str, Commodity]:
    """Index the catalogue by every name key, failing loudly on a name that means two things."""
    where = str(CATALOGUE_YAML)
    slugs = {c.slug for c in items}
    if len(slugs) != len(items):
        raise DataError("duplicate slug in commodity catalogue", file=where)
    index: dict[str, Commodity] = {}
    for item in items:
        if item.parent and item.parent not in slugs:
            raise DataError(f"{item.slug!r}: unknown parent {item.parent!r}", file=where)
        if item.group not in GROUPS:
            raise DataError(f"{item.slug!r}: unknown group {item.group!r}", file=where)
        names = (item.slug, item.slug.replace("-", " "), item.name, item.symbol)
        for name in (*names, *item.aliases, *item.publisher_labels):
            if not name:
                continue
            key = normalise_label(name)
            other = index.setdefault(key, item)
            if other.slug != item.slug:
                raise DataError(
                    f"name {name!r} means both {other.slug!r} and {item.slug!r}", file=where
                )
    return index


@cache
def _catalogue() -> tuple[tuple[Commodity, ...], dict[str, Commodity]]:
    try:
        raw = yaml.safe_load(CATALOGUE_YAML.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        where = str(CATALOGUE_YAML)
        raise DataError(f"cannot read commodity catalogue: {exc}", file=where) from exc
    if not isinstance(raw, list):
        raise DataError("commodity catalogue must be a list of entries", file=str(CATALOGUE_YAML))
    items = _build(raw)
    return items, _check(items)


def commodities() -> tuple[Commodity, ...]:
    """All commodities, sorted by slug."""
    return _catalogue()[0]


def find_commodity(name_or_slug: str) -> Commodity | None:
    """Like :func:`commodity` but return ``None`` for unknown names."""
    index = _catalogue()[1]
    key = normalise_label(name_or_slug)
    return index.get(key) or index.get(key.replace("-", " "))


def commodity(name_or_slug: str) -> Commodity:
    """Resolve a slug, name, alias, symbol or publisher label; raise with suggestions.

    Parameters
    ----------
    name_or_slug
        E.g. ``"rare-earths"``, ``"Rare Earths"``, ``"REEs"``, ``"Dy"``, ``"Gemanium"`` or
        ``"Copper 2"`` (a USGS label with a footnote digit).

    Returns
    -------
    Commodity

    Raises
    ------
    UnknownNameError
        When nothing matches; ``suggestions`` holds up to three close names (difflib).
    """
    found = find_commodity(name_or_slug)
    if found is not None:
        return found
    index = _catalogue()[1]
    close = difflib.get_close_matches(normalise_label(name_or_slug), list(index), n=3, cutoff=0.6)
    suggestions = list(dict.fromkeys(index[key].slug for key in close))
    raise UnknownNameError("commodity", name_or_slug, suggestions)


def rare_earth_elements() -> tuple[Commodity, ...]:
    """The 17 rare-earth elements (15 lanthanides, Sc, Y) in atomic-number order."""
    elements = [
        c for c in commodities() if c.parent == "rare-earths" and c.atomic_number and c.symbol
    ]
    return tuple(sorted(elements, key=lambda c: c.atomic_number))
