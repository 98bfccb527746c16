"""Companies and government agencies named in critical-minerals news.

Read from ``companies.yaml`` next to this module. An ``agency`` (a ministry, customs service,
state bank) implies its country wherever the text names it; a company's ``home`` is where it is
headquartered. Listings and ownership are ``basis: recalled`` (see the data file's header).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from critmin.errors import DataError, UnknownNameError

_FILE = "companies.yaml"


@dataclass(frozen=True, slots=True)
class Company:
    """A company or a government agency."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    #: "company" or "agency"
    kind: str = "company"
    #: ISO alpha-2 of the home country
    home: str = ""
    #: "exchange:ticker"
    listings: tuple[str, ...] = ()
    state_owned: bool = False
    #: commodity slugs the company is known for
    commodities: tuple[str, ...] = ()
    basis: str = "recalled"
    note: str = ""


@cache
def companies() -> tuple[Company, ...]:
    """All companies and agencies, sorted by id."""
    text = resources.files("critmin.data.catalogue").joinpath(_FILE).read_text(encoding="utf-8")
    try:
        rows = yaml.safe_load(text) or []
    except yaml.YAMLError as exc:
        raise DataError(f"invalid YAML: {exc}", file=_FILE) from exc
    out = []
    for n, row in enumerate(rows, start=1):
        try:
            out.append(
                Company(
                    id=str(row["id"]),
                    name=str(row["name"]),
                    aliases=tuple(str(a) for a in row.get("aliases") or ()),
                    kind=str(row.get("kind") or "company"),
                    home=str(row.get("home") or ""),
                    listings=tuple(str(s) for s in row.get("listings") or ()),
                    state_owned=bool(row.get("state_owned")),
                    commodities=tuple(str(s) for s in row.get("commodities") or ()),
                    basis=str(row.get("basis") or "recalled"),
                    note=str(row.get("note") or ""),
                )
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise DataError(f"company entry {n} is malformed: {exc}", file=_FILE) from exc
    return tuple(sorted(out, key=lambda c: c.id))


@cache
def _index() -> dict[str, Company]:
    index: dict[str, Company] = {}
    for c in companies():
        for key in (c.id, c.name, *c.aliases):
            index.setdefault(key.casefold(), c)
    return index


def find_company(name_or_id: str) -> Company | None:
    """A company by id, name or alias (case-insensitive), or ``None``."""
    return _index().get(name_or_id.strip().casefold())


def company(name_or_id: str) -> Company:
    """A company by id, name or alias; raise :class:`UnknownNameError` with suggestions."""
    found = find_company(name_or_id)
    if found is None:
        close = difflib.get_close_matches(name_or_id.casefold(), list(_index()), n=3)
        raise UnknownNameError("company", name_or_id, [_index()[c].name for c in close])
    return found
