"""Build the store from the shipped files: run every importer, then write atomically."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from critmin import __version__
from critmin.data import shipped
from critmin.data.catalogue import commodities, countries
from critmin.data.store import StoreContents, replace_store
from critmin.errors import DataError
from critmin.model import ImportIssue, Observation, ParseResult, Source

log = logging.getLogger(__name__)

Reader = Callable[[Path], ParseResult]

#: Tables of ``ParseResult.tables`` the store keeps. Others (an importer's diagnostics, such
#: as its read counts) are counted in the build report but not written.
STORED_TABLES = frozenset({"countries", "commodities", "governance", "export_controls"})


@dataclass(frozen=True, slots=True)
class Importer:
    """A shipped file and the reader that parses it."""

    name: str
    path: Path
    reader: Reader


def default_importers(raw_dir: Path | None = None) -> list[Importer]:
    """The shipped public files and their readers, in the order they are built.

    ``raw_dir`` replaces the shipped raw folder with one of the same layout, e.g. a folder
    where a user put a newer download of the same publishers' files.
    """
    from critmin.data.importers import curated, iea_cmde, usgs_mcs, usgs_t4, worldbank_wgi

    importers = [
        Importer("USGS MCS 2026", shipped.MCS2026_CSV, usgs_mcs.read_mcs2026),
        Importer("USGS MCS 2025", shipped.MCS2025_CSV, usgs_mcs.read_mcs2025),
        Importer("USGS MCS 2024 rare earths", shipped.MCS2024_REE_CSV,
                 usgs_mcs.read_mcs2024_rare_earths),
        Importer("USGS MCS 2026 T4 export controls", shipped.MCS2026_T4_CSV,
                 usgs_t4.read_export_controls),
        Importer("World Bank WGI 2024", shipped.WGI_XLSX, worldbank_wgi.read_wgi),
        Importer("IEA Critical Minerals Data Explorer 2024", shipped.IEA_XLSX,
                 iea_cmde.read_iea_supply),
        Importer("critmin curated stage shares", curated.SHARES_CSV, curated.read_curated),
    ]
    if raw_dir is None:
        return importers
    return [
        Importer(i.name, raw_dir / i.path.relative_to(shipped.RAW_DIR), i.reader)
        if i.path.is_relative_to(shipped.RAW_DIR)
        else i
        for i in importers
    ]


@dataclass(frozen=True, slots=True)
class FileReport:
    """What one importer yielded."""

    name: str
    file: str
    observations: int
    records: dict[str, int]
    issues: int


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build wrote, file by file."""

    path: Path
    files: list[FileReport] = field(default_factory=list)
    issues: list[ImportIssue] = field(default_factory=list)

    @property
    def observations(self) -> int:
        """Observations written in all."""
        return sum(f.observations for f in self.files)


def _fingerprint(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def catalogue_tables() -> dict[str, list[dict[str, Any]]]:
    """The catalogues as rows for the store's reference tables."""
    return {
        "countries": [
            {"alpha2": c.alpha2, "alpha3": c.alpha3, "name": c.name, "blocs": list(c.blocs)}
            for c in countries()
        ],
        "commodities": [
            {
                "slug": c.slug,
                "name": c.name,
                "parent": c.parent,
                "group": c.group,
                "basis_of_measure": c.basis_of_measure,
                "critical_us_2025": c.critical_us_2025,
                "critical_eu_2023": c.critical_eu_2023,
                "symbol": c.symbol,
            }
            for c in commodities()
        ],
    }


def collect(
    importers: list[Importer], *, progress: Callable[[str], None] | None = None
) -> tuple[StoreContents, list[FileReport]]:
    """Run the importers and gather their results (pure apart from reading the files)."""
    sources: dict[str, Source] = {}
    observations: list[Observation] = []
    issues: list[ImportIssue] = []
    tables: dict[str, list[dict[str, Any]]] = catalogue_tables()
    reports = []
    for importer in importers:
        if progress:
            progress(importer.name)
        if not importer.path.exists():
            raise DataError("shipped data file is missing", file=str(importer.path))
        result = importer.reader(importer.path)
        for source in result.sources:
            sources.setdefault(source.id, source)
        observations.extend(result.observations)
        issues.extend(result.issues)
        for name, rows in result.tables.items():
            if name in STORED_TABLES:
                tables.setdefault(name, []).extend(rows)
        reports.append(
            FileReport(
                name=importer.name,
                file=shipped.relative(importer.path),
                observations=len(result.observations),
                records={name: len(rows) for name, rows in result.tables.items()},
                issues=len(result.issues),
            )
        )
    info = {
        "critmin_version": __version__,
        "data_fingerprint": _fingerprint([i.path for i in importers]),
    }
    contents = StoreContents(
        sources=list(sources.values()),
        observations=observations,
        issues=issues,
        tables=tables,
        info=info,
    )
    return contents, reports


def build_store(
    path: Path,
    importers: list[Importer] | None = None,
    *,
    progress: Callable[[str], None] | None = None,
) -> BuildReport:
    """Build (or rebuild) the store at ``path`` from the shipped files.

    Idempotent: the same files give the same store. Atomic: on failure the previous store
    is left intact.
    """
    contents, reports = collect(importers or default_importers(), progress=progress)
    if progress:
        progress("writing store")
    replace_store(path, contents)
    log.info("built %s: %d observations", path, len(contents.observations))
    return BuildReport(path=path, files=reports, issues=list(contents.issues))
