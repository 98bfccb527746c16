"""Shared fixtures: one store built from the shipped data per test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import critmin
from critmin.data.build import build_store


@pytest.fixture(scope="session")
def built_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built from the real shipped files (USGS, World Bank, IEA)."""
    path = tmp_path_factory.mktemp("store") / "critmin.duckdb"
    build_store(path)
    return path


@pytest.fixture
def db(built_db: Path) -> Iterator[critmin.query.Critmin]:  # type: ignore[name-defined]
    """An open API handle on the session store, closed after the test."""
    handle = critmin.open(str(built_db), build=False)
    try:
        yield handle
    finally:
        handle.close()
