"""The edge that fetches a run's inputs: observation frames from the store, curated tables.

This is the only module of :mod:`critmin.scenarios` that does I/O; the rest take frames.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from critmin.data.importers.curated import CURATED_DIR, read_tables
from critmin.errors import UnknownNameError
from critmin.scenarios.run import Inputs

if TYPE_CHECKING:
    from critmin.query import Critmin

#: Where the shipped scenario files live inside the package.
SCENARIO_DIR = Path(__file__).resolve().parent / "files"

#: Extra commodities a network needs: rare-earth separation shares come from the IEA's
#: magnet rare-earth refining figures.
COMPANIONS: dict[str, tuple[str, ...]] = {"rare-earths": ("magnet-rare-earths",)}


def fetch_inputs(db: Critmin, commodities: Iterable[str], curated: Path = CURATED_DIR) -> Inputs:
    """Observations of the commodities (and their companions) plus the curated tables."""
    frames = []
    wanted: list[str] = []
    for c in commodities:
        wanted += [c, *COMPANIONS.get(c, ())]
    for c in dict.fromkeys(wanted):
        try:
            frames.append(db.observations(commodity=c, measure="production"))
        except UnknownNameError:
            continue  # an element: derived from rare-earths, not read from the store
    frame = pd.concat([f for f in frames if not f.empty], ignore_index=True) if frames else (
        pd.DataFrame()
    )
    return Inputs(observations=frame, curated=read_tables(curated))


def shipped_scenario(name: str) -> Path:
    """Path of a scenario shipped with the package, by file name or stem."""
    stem = name.removesuffix(".yaml")
    return SCENARIO_DIR / f"{stem}.yaml"
