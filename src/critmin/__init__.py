"""critmin: critical-minerals supply-chain intelligence with the source of every figure.

>>> import critmin
>>> db = critmin.open()                      # doctest: +SKIP
>>> db.producers("rare-earths", stage="mining", year=2024).hhi   # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

from critmin.errors import (
    CritminError,
    DataError,
    NoDataError,
    StoreError,
    UnknownNameError,
)


def open(db: str | None = None, *, build: bool = True) -> Critmin:
    """Open the store (building it from the shipped data if it does not exist yet).

    Parameters
    ----------
    db
        Path of the DuckDB store; default: the setting ``db`` (``CRITMIN_DB``) or the user
        data directory.
    build
        Build the store first if there is none at that path.
    """
    from critmin.query import Critmin

    return Critmin.open(db, build=build)


if TYPE_CHECKING:
    from critmin.query import Critmin

__all__ = [
    "CritminError",
    "DataError",
    "NoDataError",
    "StoreError",
    "UnknownNameError",
    "__version__",
    "open",
]
