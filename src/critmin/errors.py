"""The exceptions critmin raises.

One base class, grouped subclasses. Lower-level errors (DuckDB, openpyxl, YAML) are
translated into these at the boundary so that the CLI can print one clear line.
"""

from __future__ import annotations


class CritminError(Exception):
    """Base of every error critmin raises on purpose."""


class DataError(CritminError):
    """A data file is missing, unreadable or malformed."""

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None) -> None:
        self.file = file
        self.line = line
        where = ""
        if file is not None:
            where = f"{file}:{line}: " if line is not None else f"{file}: "
        super().__init__(f"{where}{message}")


class UnknownNameError(CritminError, LookupError):
    """A country, commodity, element or bloc name that the catalogues do not know."""

    def __init__(self, kind: str, name: str, suggestions: list[str] | None = None) -> None:
        self.kind = kind
        self.name = name
        self.suggestions = list(suggestions or [])
        hint = ""
        if self.suggestions:
            hint = f"; did you mean {', '.join(repr(s) for s in self.suggestions)}?"
        super().__init__(f"unknown {kind} {name!r}{hint}")


class StoreError(CritminError):
    """The DuckDB store is missing, locked, corrupt or of an unknown schema."""


class NoDataError(CritminError):
    """A query is well formed but the store holds no figures for it."""
