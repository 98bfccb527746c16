"""Paths of the public files critmin ships, each folder with its SOURCE.md."""

from __future__ import annotations

from pathlib import Path

RAW_DIR = Path(__file__).resolve().parent / "raw"

MCS2026_CSV = RAW_DIR / "usgs_mcs2026" / "MCS2026_Commodities_Data.csv"
MCS2026_T4_CSV = RAW_DIR / "usgs_mcs2026" / "MCS2026_T4_Country_Export_Control.csv"
MCS2025_CSV = RAW_DIR / "usgs_mcs2025" / "MCS2025_World_Data.csv"
MCS2024_REE_CSV = RAW_DIR / "usgs_mcs2024" / "mcs2024-raree_world-1.csv"
WGI_XLSX = RAW_DIR / "worldbank_wgi" / "wgidataset.xlsx"
IEA_XLSX = RAW_DIR / "iea_critical_minerals_data_explorer" / "iea_cm_data_explorer_2024.xlsx"


def relative(path: Path) -> str:
    """A shipped file's path relative to the raw folder, as used in provenance fields."""
    try:
        return path.resolve().relative_to(RAW_DIR).as_posix()
    except ValueError:
        return str(path)
