"""Shared CLI options and output: one place for ``--db`` and ``--format`` and error exits."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

console = Console()
err_console = Console(stderr=True)


class Format(StrEnum):
    """Output formats every command accepts."""

    table = "table"
    json = "json"
    csv = "csv"


DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="DuckDB store path (default: user data dir, or CRITMIN_DB)."),
]
FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="Output format: table, json or csv.")
]


def _default(obj: Any) -> Any:
    if hasattr(obj, "item"):
        return obj.item()
    if hasattr(obj, "isoformat"):
        return obj.isoformat()
    if isinstance(obj, (set, frozenset, tuple)):
        return list(obj)
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")


def print_json(data: Any) -> None:
    """Write JSON to stdout (plain, so it pipes cleanly)."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=_default) + "\n")


def _cell(value: Any) -> Any:
    """A CSV cell: empty for None, a list as "a;b" (not Python's repr)."""
    if value is None:
        return ""
    if isinstance(value, list | tuple | set | frozenset):
        return ";".join(str(v) for v in value)
    return value


def print_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> None:
    """Write rows as CSV to stdout."""
    cols = list(columns or (rows[0].keys() if rows else []))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in cols})
    sys.stdout.write(buf.getvalue())


def rich_table(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[tuple[str, str]],
    *,
    title: str | None = None,
    formatters: dict[str, Callable[[Any], str]] | None = None,
    caption: str | None = None,
) -> Table:
    """A Rich table of ``rows`` with ``columns`` given as (key, header)."""
    formatters = formatters or {}
    table = Table(title=title, caption=caption, caption_justify="left")
    for key, header in columns:
        numeric = key in formatters
        table.add_column(header, justify="right" if numeric else "left")
    for row in rows:
        cells = []
        for key, _ in columns:
            value = row.get(key)
            if value is None:
                cells.append("")
            elif key in formatters:
                cells.append(formatters[key](value))
            else:
                cells.append(str(value))
        table.add_row(*cells)
    return table


def emit(
    rows: Sequence[dict[str, Any]],
    fmt: Format,
    columns: Sequence[tuple[str, str]],
    *,
    title: str | None = None,
    formatters: dict[str, Callable[[Any], str]] | None = None,
    caption: str | None = None,
) -> None:
    """Print rows as JSON, CSV (all fields) or a Rich table of ``columns``.

    The one place a listing command's ``--format`` goes through.
    """
    if fmt is Format.json:
        print_json(list(rows))
    elif fmt is Format.csv:
        print_csv(rows)
    else:
        console.print(
            rich_table(rows, columns, title=title, formatters=formatters, caption=caption)
        )


def fmt_number(value: Any) -> str:
    """12,345 or 12.3 or 0.123, whichever reads best."""
    v = float(value)
    if abs(v) >= 100 or v == int(v):
        return f"{v:,.0f}"
    return f"{v:,.3g}"


def fmt_share(value: Any) -> str:
    """A fraction as a percentage."""
    return f"{float(value) * 100:.1f}%"


def fail(message: str, code: int = 1) -> None:
    """Print one clear line to stderr and exit non-zero."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)
