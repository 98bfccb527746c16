"""The one module that owns DuckDB connections.

The store is a single DuckDB file built from the shipped data. Building is atomic: the new
store is written next to the old one and moved over it only when complete, so a failed build
leaves the previous store intact. Tables holding what a user added (see
:data:`critmin.data.migrations.USER_TABLES`) are carried over.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from critmin.data.migrations import MIGRATIONS, USER_TABLES
from critmin.errors import StoreError
from critmin.model import ImportIssue, Observation, Source

log = logging.getLogger(__name__)

_OBS_COLUMNS = [f.name for f in fields(Observation)]
_SOURCE_COLUMNS = [f.name for f in fields(Source)]


def connect(path: Path | str, *, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """Open a DuckDB file, translating DuckDB's errors into :class:`StoreError`."""
    path = Path(path)
    if read_only and not path.exists():
        raise StoreError(f"no store at {path}; run `critmin data build` first")
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        raise StoreError(f"cannot open store {path}: {exc}") from exc
    except duckdb.Error as exc:
        raise StoreError(f"store {path} is not a readable DuckDB file: {exc}") from exc


def applied_migrations(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Names of the migrations recorded in a store, oldest first."""
    has = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchone()
    if not has or not has[0]:
        return []
    return [r[0] for r in con.execute("SELECT name FROM schema_migrations ORDER BY seq").fetchall()]


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply the migrations a store lacks, in order; return the names applied."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "seq INTEGER PRIMARY KEY, name VARCHAR UNIQUE NOT NULL, applied_at TIMESTAMP)"
    )
    done = set(applied_migrations(con))
    applied = []
    for seq, migration in enumerate(MIGRATIONS):
        if migration.name in done:
            continue
        con.execute("BEGIN")
        try:
            con.execute(migration.sql)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, current_timestamp)",
                [seq, migration.name],
            )
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"migration {migration.name} failed: {exc}") from exc
        applied.append(migration.name)
    return applied


def schema_is_current(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether every known migration has been applied."""
    return applied_migrations(con) == [m.name for m in MIGRATIONS]


@dataclass(frozen=True, slots=True)
class StoreContents:
    """Everything a build writes, already parsed and validated."""

    sources: Sequence[Source]
    observations: Sequence[Observation]
    issues: Sequence[ImportIssue]
    tables: dict[str, list[dict[str, Any]]]
    info: dict[str, str]


def _frame(records: Sequence[Any], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame([asdict(r) for r in records], columns=columns)


def _insert_frame(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    if frame.empty:
        return
    con.register("_incoming", frame)
    try:
        cols = ", ".join(f'"{c}"' for c in frame.columns)
        con.execute(f'INSERT INTO "{table}" ({cols}) SELECT {cols} FROM _incoming')
    finally:
        con.unregister("_incoming")


def write_contents(con: duckdb.DuckDBPyConnection, contents: StoreContents) -> None:
    """Write a build's contents into a freshly migrated store, in one transaction."""
    con.execute("BEGIN")
    try:
        _insert_frame(con, "sources", _frame(contents.sources, _SOURCE_COLUMNS))
        _insert_frame(con, "observations", _frame(contents.observations, _OBS_COLUMNS))
        _insert_frame(
            con,
            "import_issues",
            pd.DataFrame(
                [asdict(i) for i in contents.issues], columns=["file", "line", "reason", "raw"]
            ),
        )
        for table, rows in contents.tables.items():
            _insert_frame(con, table, pd.DataFrame(rows))
        _insert_frame(
            con,
            "build_info",
            pd.DataFrame(sorted(contents.info.items()), columns=["key", "value"]),
        )
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"writing the store failed: {exc}") from exc


def _carry_over_user_tables(con: duckdb.DuckDBPyConnection, previous: Path) -> None:
    """Copy what users added from the previous store into the new one."""
    if not USER_TABLES or not previous.exists():
        return
    try:
        con.execute(f"ATTACH '{previous}' AS prev (READ_ONLY)")
    except duckdb.Error as exc:
        log.warning("previous store %s unreadable, user tables not carried over: %s", previous, exc)
        return
    try:
        present = {
            r[0]
            for r in con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_catalog = 'prev'"
            ).fetchall()
        }
        for table in USER_TABLES:
            if table in present:
                con.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM prev."{table}"')
    finally:
        con.execute("DETACH prev")


def replace_store(path: Path, contents: StoreContents) -> None:
    """Build a new store at ``path`` atomically from ``contents``.

    The new file is written beside ``path`` and renamed over it only once complete and
    checked; on any error the previous store is left as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        con = duckdb.connect(str(tmp))
        try:
            migrate(con)
            write_contents(con, contents)
            _carry_over_user_tables(con, path)
            check_integrity(con)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        with contextlib.suppress(FileNotFoundError):
            tmp.with_name(tmp.name + ".wal").unlink()
        raise


def check_integrity(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Problems that make a store untrustworthy; raise if there are any.

    Every observation, governance row and export control must cite a source that resolves.
    """
    problems = []
    for table in ("observations", "governance", "export_controls"):
        row = con.execute(
            f'SELECT count(*), min(t.source_id) FROM "{table}" t '
            "LEFT JOIN sources s ON s.id = t.source_id WHERE s.id IS NULL"
        ).fetchone()
        if row and row[0]:
            problems.append(f"{row[0]} rows of {table} cite unknown sources (e.g. {row[1]!r})")
    if problems:
        raise StoreError("; ".join(problems))
    return problems


@contextlib.contextmanager
def opened(path: Path | str, *, read_only: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open a store for the duration of a ``with`` block, checking its schema."""
    con = connect(path, read_only=read_only)
    try:
        if read_only and not schema_is_current(con):
            raise StoreError(
                f"store {path} was built by another version of critmin; "
                "run `critmin data build` to rebuild it"
            )
        if not read_only:
            migrate(con)
        yield con
    finally:
        con.close()
