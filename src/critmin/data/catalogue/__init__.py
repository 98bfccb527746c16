"""Reference catalogues: countries, blocs, commodities and the rare-earth elements.

Contract (other layers rely on these names; see each function's docstring):

- ``country(name_or_code) -> Country`` raises :class:`critmin.errors.UnknownNameError` with
  suggestions; ``find_country(name) -> Country | None`` never raises.
- ``commodity(name_or_slug) -> Commodity`` / ``find_commodity`` likewise.
- ``countries()``, ``commodities()``, ``rare_earth_elements()``, ``blocs()``, ``bloc(code)``.
"""

from critmin.data.catalogue.commodities import (
    Commodity,
    commodities,
    commodity,
    find_commodity,
    rare_earth_elements,
)
from critmin.data.catalogue.countries import (
    Bloc,
    Country,
    bloc,
    blocs,
    countries,
    country,
    find_country,
)

__all__ = [
    "Bloc",
    "Commodity",
    "Country",
    "bloc",
    "blocs",
    "commodities",
    "commodity",
    "countries",
    "country",
    "find_commodity",
    "find_country",
    "rare_earth_elements",
]
