"""Countries (ISO 3166 via pycountry), their publisher spellings, demonyms, capitals, leaders, blocs.

STUB: to be implemented (issue 2). The signatures below are the contract.
"""

from __future__ import annotations

from dataclasses import dataclass


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


def countries() -> tuple[Country, ...]:
    """All countries, sorted by alpha-2."""
    raise NotImplementedError


def country(name_or_code: str) -> Country:
    """Resolve an ISO alpha-2/alpha-3 code, a name or a publisher spelling; raise with suggestions."""
    raise NotImplementedError


def find_country(name_or_code: str) -> Country | None:
    """Like :func:`country` but return ``None`` for unknown names."""
    raise NotImplementedError


def blocs() -> tuple[Bloc, ...]:
    """All blocs."""
    raise NotImplementedError


def bloc(code: str) -> Bloc:
    """A bloc by code or alias (``EU``, ``European Union``); raise with suggestions."""
    raise NotImplementedError
