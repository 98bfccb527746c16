"""World Bank Worldwide Governance Indicators (WGI), 2024 update: ``wgidataset.xlsx``.

The workbook is one long sheet, one row per economy, indicator and year, with the six
dimensions ``va`` (voice and accountability), ``pv`` (political stability and absence of
violence/terrorism), ``ge`` (government effectiveness), ``rq`` (regulatory quality), ``rl``
(rule of law) and ``cc`` (control of corruption). Estimates are in standard normal units
(roughly -2.5 to +2.5, higher is better governance); ranks are percentiles 0-100.

The figures go to ``ParseResult.tables["governance"]`` rather than to observations: they are
scores about a country, not quantities of a commodity. Economies are keyed by ISO alpha-2
through the countries catalogue, which knows the World Bank's own codes (``ZAR`` Congo DR,
``ROM`` Romania, ``TMP`` Timor-Leste, ``WBG`` West Bank and Gaza, ``ADO`` Andorra, ``KSV``
Kosovo). An economy the catalogue cannot place (``ANT``, the Netherlands Antilles, dissolved in
2010) yields one :class:`ImportIssue` per row, with the row number, and is not imported.

Missing values are published as ``..`` (or an empty cell); they become ``None`` and are not
issues, because the World Bank simply has no estimate for that economy and year.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from critmin.data.catalogue.countries import find_country
from critmin.data.importers._xlsx import read_sheet
from critmin.errors import DataError
from critmin.model.records import ImportIssue, ParseResult, Source

__all__ = ["INDICATORS", "SHEET", "parse_wgi", "read_wgi", "wgi_source"]

SHEET = "Sheet1"

#: Indicator codes as published, with their names.
INDICATORS: dict[str, str] = {
    "va": "Voice and Accountability",
    "pv": "Political Stability and Absence of Violence/Terrorism",
    "ge": "Government Effectiveness",
    "rq": "Regulatory Quality",
    "rl": "Rule of Law",
    "cc": "Control of Corruption",
}

#: The publisher's columns this importer needs; the other (``codeindyr``) is derived.
COLUMNS: tuple[str, ...] = (
    "code",
    "countryname",
    "year",
    "indicator",
    "estimate",
    "stddev",
    "nsource",
    "pctrank",
    "pctranklower",
    "pctrankupper",
)
_FLOATS = ("estimate", "stddev", "pctrank", "pctranklower", "pctrankupper")
#: Cell texts that mean "no value".
_MISSING = frozenset({"", "..", "#N/A", "NA"})

SOURCE_ID = "wgi-2024"


def wgi_source(file: str) -> Source:
    """The :class:`Source` for the 2024 update (facts from the folder's SOURCE.md)."""
    return Source(
        id=SOURCE_ID,
        publisher="World Bank",
        title="Worldwide Governance Indicators, 2024 update",
        year=2024,
        table=f"wgidataset.xlsx {SHEET}",
        url="https://www.worldbank.org/en/publication/worldwide-governance-indicators",
        licence="CC BY 4.0",
        release="wgi2024",
        file=file,
    )


class _BadCell(ValueError):
    """A cell that is neither a number nor a missing-value mark."""


def _number(value: object, column: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise _BadCell(f"{column} is {value!r}, not a number")
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip()
    if text in _MISSING:
        return None
    try:
        return float(text.replace(",", ""))
    except ValueError:
        raise _BadCell(f"{column} is {text!r}, not a number") from None


def _integer(value: object, column: str) -> int | None:
    number = _number(value, column)
    if number is None:
        return None
    if not number.is_integer():
        raise _BadCell(f"{column} is {number!r}, not a whole number")
    return int(number)


def parse_wgi(
    rows: Iterable[Sequence[object]], file: str = "worldbank_wgi/wgidataset.xlsx"
) -> ParseResult:
    """Parse the WGI sheet's rows (header first) into governance rows.

    Parameters
    ----------
    rows
        Cell values per row, as read from the sheet; row 1 is the header.
    file
        File name recorded in issues and in the source.

    Returns
    -------
    ParseResult
        ``tables["governance"]``: dicts with ``country`` (alpha-2), ``year``, ``indicator``,
        ``estimate``, ``stddev``, ``nsource``, ``pctrank``, ``pctranklower``, ``pctrankupper``
        and ``source_id``; one source; issues for rows that cannot be used (unknown economy,
        unknown indicator, unreadable number, duplicate), each with its 1-based row number.

    Raises
    ------
    DataError
        If the sheet is empty or its header lacks one of :data:`COLUMNS`.
    """
    iterator = iter(rows)
    header_row = next(iterator, None)
    if header_row is None:
        raise DataError(f"sheet {SHEET!r} is empty", file=file)
    header = [str(cell).strip().lower() if cell is not None else "" for cell in header_row]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise DataError(f"sheet {SHEET!r} lacks column(s) {missing}", file=file, line=1)
    at = {column: header.index(column) for column in COLUMNS}
    width = max(at.values()) + 1

    source = wgi_source(file)
    out: list[dict[str, object]] = []
    issues: list[ImportIssue] = []
    seen: set[tuple[str, int, str]] = set()
    economies: dict[tuple[str, str], str | None] = {}

    for line, raw_row in enumerate(iterator, start=2):
        row = tuple(raw_row) + (None,) * (width - len(raw_row))
        if all(cell is None or str(cell).strip() == "" for cell in row):
            continue
        raw = ",".join("" if cell is None else str(cell) for cell in row[:width])
        code = str(row[at["code"]] or "").strip()
        name = str(row[at["countryname"]] or "").strip()
        key = (code, name)
        if key not in economies:
            found = find_country(code) if code else None
            if found is None and name:
                found = find_country(name)
            economies[key] = None if found is None else found.alpha2
        alpha2 = economies[key]
        if alpha2 is None:
            issues.append(
                ImportIssue(file, line, f"economy {code!r} ({name}) is not a known country", raw)
            )
            continue
        indicator = str(row[at["indicator"]] or "").strip().lower()
        if indicator not in INDICATORS:
            issues.append(ImportIssue(file, line, f"unknown indicator {indicator!r}", raw))
            continue
        try:
            year = _integer(row[at["year"]], "year")
            if year is None:
                raise _BadCell("year is missing")
            values: dict[str, object] = {c: _number(row[at[c]], c) for c in _FLOATS}
            values["nsource"] = _integer(row[at["nsource"]], "nsource")
        except _BadCell as exc:
            issues.append(ImportIssue(file, line, str(exc), raw))
            continue
        ident = (alpha2, year, indicator)
        if ident in seen:
            issues.append(
                ImportIssue(file, line, f"duplicate {indicator} {year} for {alpha2} ({code})", raw)
            )
            continue
        seen.add(ident)
        out.append(
            {
                "country": alpha2,
                "year": year,
                "indicator": indicator,
                "estimate": values["estimate"],
                "stddev": values["stddev"],
                "nsource": values["nsource"],
                "pctrank": values["pctrank"],
                "pctranklower": values["pctranklower"],
                "pctrankupper": values["pctrankupper"],
                "source_id": source.id,
            }
        )
    return ParseResult(sources=(source,), issues=tuple(issues), tables={"governance": out})


def read_wgi(path: Path) -> ParseResult:
    """Read ``wgidataset.xlsx``; see :func:`parse_wgi`.

    Takes about 4 s for the 32,100-row shipped workbook (openpyxl, read-only mode).

    Raises
    ------
    DataError
        If the file is missing, not a workbook, lacks ``Sheet1`` or its columns.
    """
    file, rows = read_sheet(path, SHEET)
    return parse_wgi(rows, file)
