"""The one settings table: name, default and help. Unknown names raise.

Values resolve as: the call's argument, then the environment (``CRITMIN_<NAME>``), then the
default here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from critmin.errors import CritminError


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting: its default and what it does."""

    name: str
    default: str
    help: str


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting(
            "db",
            "",
            "Path of the DuckDB store; empty means <user data dir>/critmin/critmin.duckdb.",
        ),
        Setting(
            "max_article_bytes",
            str(20 * 1024 * 1024),
            "Largest article file the news reader accepts, in bytes.",
        ),
    )
}


def get(name: str) -> str:
    """Return a setting's value from the environment or its default."""
    if name not in SETTINGS:
        raise CritminError(f"unknown setting {name!r}; known: {', '.join(sorted(SETTINGS))}")
    return os.environ.get(f"CRITMIN_{name.upper()}", SETTINGS[name].default)


def default_db_path() -> Path:
    """Where the store lives unless ``--db`` or ``CRITMIN_DB`` says otherwise."""
    configured = get("db")
    if configured:
        return Path(configured).expanduser()
    return Path(platformdirs.user_data_dir("critmin", appauthor=False)) / "critmin.duckdb"
