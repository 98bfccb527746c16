"""``critmin data build|sources|check``: the store and its provenance."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from critmin.cli._output import (
    DbOption,
    Format,
    FormatOption,
    console,
    emit,
    err_console,
    print_csv,
    print_json,
    rich_table,
)
from critmin.settings import default_db_path

RawDirOption = Annotated[
    Path | None,
    typer.Option(
        "--raw-dir",
        help="Read the publishers' files from this folder (same layout as the shipped "
        "src/critmin/data/raw) instead of the shipped copies.",
        exists=True,
        file_okay=False,
    ),
]

data_app = typer.Typer(help="Build the store from the shipped data and inspect its sources.")


def _path(db: Path | None) -> Path:
    return db or default_db_path()


@data_app.command("build")
def build(
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    raw_dir: RawDirOption = None,
) -> None:
    """Build (or rebuild) the DuckDB store from the shipped public files.

    Idempotent and atomic: a failed build leaves the previous store intact. News a user
    ingested is carried over.
    """
    from critmin.data.build import build_store, default_importers

    path = _path(db)
    with err_console.status("building the store") as status:
        report = build_store(
            path,
            default_importers(raw_dir),
            progress=lambda step: status.update(f"reading {step}"),
        )
    rows = [
        {
            "source": f.name,
            "file": f.file,
            "observations": f.observations,
            "records": ", ".join(f"{k} {v}" for k, v in f.records.items()),
            "issues": f.issues,
        }
        for f in report.files
    ]
    if fmt is Format.json:
        print_json({"path": str(path), "observations": report.observations, "files": rows})
    elif fmt is Format.csv:
        print_csv(rows)
    else:
        console.print(
            rich_table(
                rows,
                [("source", "Source"), ("file", "File"), ("observations", "Figures"),
                 ("records", "Other records"), ("issues", "Rows not used")],
                title=f"Store built at {path}",
                caption="Rows not used are listed, with file and line, by `critmin data check`.",
            )
        )


@data_app.command("sources")
def sources(db: DbOption = None, fmt: FormatOption = Format.table) -> None:
    """List every source in the store with the number of figures citing it."""
    import critmin

    with critmin.open(str(db) if db else None) as cm:
        rows = cm.sources().to_dict(orient="records")
    emit(
        rows,
        fmt,
        [("id", "Source id"), ("publisher", "Publisher"), ("title", "Title"),
         ("year", "Year"), ("table", "Table"), ("figures", "Figures")],
        title="Sources",
        formatters={"figures": str, "year": str},
    )


@data_app.command("check")
def check(
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    strict: bool = typer.Option(False, help="Exit non-zero if any row was not used."),
) -> None:
    """Check the store: every figure's source resolves; list the rows importers could not use."""
    import critmin
    from critmin.data.store import check_integrity

    with critmin.open(str(db) if db else None) as cm:
        check_integrity(cm.con)
        issues = cm.issues().to_dict(orient="records")
        counts = cm.sql(
            "SELECT (SELECT count(*) FROM observations) AS observations, "
            "(SELECT count(*) FROM sources) AS sources, "
            "(SELECT count(*) FROM governance) AS governance, "
            "(SELECT count(*) FROM export_controls) AS export_controls"
        ).to_dict(orient="records")[0]
    if fmt is Format.json:
        print_json({"ok": True, "counts": counts, "issues": issues})
    elif fmt is Format.csv:
        print_csv(issues, ["file", "line", "reason", "raw"])
    else:
        console.print(
            f"[green]ok[/]: {counts['observations']:,} figures, {counts['sources']} sources, "
            f"{counts['governance']:,} governance rows, {counts['export_controls']} export "
            "controls; every figure cites a source that resolves."
        )
        if issues:
            console.print(
                rich_table(
                    issues,
                    [("file", "File"), ("line", "Line"), ("reason", "Why not used")],
                    title=f"{len(issues)} rows not used",
                )
            )
    if strict and issues:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Attach ``critmin data`` to the top-level app."""
    app.add_typer(data_app, name="data")
