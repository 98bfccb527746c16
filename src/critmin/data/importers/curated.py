"""Curated figures no open file gives by country: stage shares, deposit element distributions.

Every row is ``basis: recalled`` with its FACTS.md row id and the named public source, or
``basis: assumption`` with the reasoning in its note and a low/high range. The files live in
``critmin/data/curated/``:

- ``stage_shares.csv``: a country's share of world output at a stage (rare-earth separation,
  metal, magnets);
- ``element_distributions.csv``: the element split (fraction of TREO) of each deposit type;
- ``deposit_mix.csv``: which deposit types a country's rare-earth output comes from;
- ``ties.csv``: flows tied as data (a country's ore is separated in one other country);
- ``separation_feed.csv``: whose ore a separator processes;
- ``sources.csv``: the sources the rows cite.

:func:`read_curated` yields the stage shares as observations of measure ``share`` (unit
``fraction``) so the store keeps them beside the publishers' figures; :func:`read_tables`
returns every file as a frame for the network builder.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from critmin.model import ImportIssue, Observation, ParseResult, Source
from critmin.model.records import BASES

CURATED_DIR = Path(__file__).resolve().parent.parent / "curated"
SHARES_CSV = CURATED_DIR / "stage_shares.csv"

TABLES: tuple[str, ...] = (
    "stage_shares",
    "element_distributions",
    "deposit_mix",
    "ties",
    "separation_feed",
    "sources",
)


def _rows(text: str) -> list[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    return [(n + 2, row) for n, row in enumerate(reader)]


def parse_sources(text: str, file: str = "sources.csv") -> list[Source]:
    """Sources the curated rows cite."""
    return [
        Source(
            id=row["id"],
            publisher=row["publisher"],
            title=row["title"],
            year=int(row["year"] or 0),
            table=row["table"],
            url=row["url"],
            licence=row["licence"],
            release="curated",
            file=f"curated/{file}",
        )
        for _, row in _rows(text)
    ]


def parse_stage_shares(text: str, file: str = "stage_shares.csv") -> ParseResult:
    """Stage shares as observations (measure ``share``, unit ``fraction``)."""
    observations: list[Observation] = []
    issues: list[ImportIssue] = []
    for line, row in _rows(text):
        try:
            share = float(row["share"])
        except ValueError:
            issues.append(ImportIssue(file, line, f"share {row['share']!r} is not a number"))
            continue
        if row["basis"] not in BASES or not 0.0 <= share <= 1.0:
            issues.append(ImportIssue(file, line, "basis unknown or share outside [0, 1]"))
            continue
        observations.append(
            Observation(
                commodity=row["commodity"],
                country=row["country"],
                stage=row["stage"],
                year=int(row["year"]),
                measure="share",
                value=share,
                unit="fraction",
                source_id=row["source_id"],
                basis=row["basis"],
                note=f"{row['fact_id']}: {row['note']} (range {row['low']}-{row['high']})",
                flag="range" if row["low"] != row["high"] else "",
                value_text=row["share"],
                file=f"curated/{file}",
                line=line,
                release="curated",
            )
        )
    return ParseResult(observations=tuple(observations), issues=tuple(issues))


def read_curated(path: Path = CURATED_DIR) -> ParseResult:
    """Read the curated folder (or any file in it): stage-share observations and sources."""
    folder = path if path.is_dir() else path.parent
    shares = parse_stage_shares((folder / "stage_shares.csv").read_text(encoding="utf-8"))
    sources = parse_sources((folder / "sources.csv").read_text(encoding="utf-8"))
    return ParseResult(
        observations=shares.observations, sources=tuple(sources), issues=shares.issues
    )


def read_tables(folder: Path = CURATED_DIR) -> dict[str, pd.DataFrame]:
    """Every curated file as a frame, keyed by table name (see :data:`TABLES`)."""
    out: dict[str, pd.DataFrame] = {}
    for name in TABLES:
        out[name] = pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)
    for name, cols in {
        "stage_shares": ("share", "low", "high"),
        "element_distributions": ("share", "low", "high"),
        "deposit_mix": ("share", "low", "high"),
    }.items():
        for col in cols:
            out[name][col] = out[name][col].astype(float)
    out["stage_shares"]["year"] = out["stage_shares"]["year"].astype(int)
    return out
