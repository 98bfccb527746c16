"""Commodities with slug ids, aliases, basis of measure, critical-list membership; the 17 REEs.

STUB: to be implemented (issue 2). The signatures below are the contract.
"""

from __future__ import annotations

from dataclasses import dataclass


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


def commodities() -> tuple[Commodity, ...]:
    """All commodities, sorted by slug."""
    raise NotImplementedError


def commodity(name_or_slug: str) -> Commodity:
    """Resolve a slug, name, alias, symbol or publisher label; raise with suggestions."""
    raise NotImplementedError


def find_commodity(name_or_slug: str) -> Commodity | None:
    """Like :func:`commodity` but return ``None`` for unknown names."""
    raise NotImplementedError


def rare_earth_elements() -> tuple[Commodity, ...]:
    """The 17 rare-earth elements (15 lanthanides, Sc, Y) in atomic-number order."""
    raise NotImplementedError
