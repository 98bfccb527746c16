"""IEA Critical Minerals Data Explorer (May 2024): mining and refining supply by country.

The sheet ``2 Total supply for key minerals`` is laid out for reading, not for machines: a row of
years (2023, 2030, 2035, 2040) above side-by-side blocks, each titled ``<Mineral> - <Stage>``
(``Copper - Mining`` in column A, ``Copper - Refining`` in column G) and listing the top
countries, ``Rest of world``, ``Total`` and ``Top 3 share``. We find the blocks by their titles
and read each down to its end, so the parser does not depend on fixed rows.

What becomes what:

- Figures are in kt and are stored in t (x 1000), measure ``production``.
- 2023 is observed (``scenario=""``, ``basis="reported"``: as the IEA publishes it). 2030, 2035
  and 2040 are the IEA's base-case projections (``scenario="iea-base-case"``,
  ``basis="estimated"``); their ``note`` quotes the sheet's own notes on how the base case is
  built (the project pipeline weighted by its probability of coming online).
- ``Rest of world`` -> country ``OTHER``; ``Total`` -> ``WORLD``. The cobalt refining block
  labels its total ``Total clean technologies``; it sums the block's rows like every other
  ``Total`` and is read as ``WORLD`` too (the label is kept in ``detail``).
- ``Top 3 share`` rows are derived from the other rows (share of the three largest), so they
  are skipped on purpose; they are not issues.
- Every observation records the block and row label in ``detail``, the cell reference
  (``'2 Total supply for key minerals'!C12``) at the start of ``note``, and the row in ``line``.
- A block whose countries and ``Rest of world`` do not add up to its ``Total`` yields an issue
  per year (the figures are kept as published). In the May 2024 workbook the nickel and
  graphite blocks with six named countries count the sixth in ``Rest of world`` too.
- A block is read from its title down to its ``Top 3 share`` row, the next title, the notes,
  or two blank labels (a block with fewer countries than its neighbour leaves one blank row).

Block -> (commodity slug, stage), see :data:`BLOCKS`: mining blocks are stage ``mining``;
``Refining`` blocks, ``Lithium - Chemicals`` (lithium chemicals) and ``Graphite - Battery grade``
(battery-grade graphite, natural and synthetic) are stage ``refining``. ``Graphite - Mining
(natural)`` is ``graphite-natural``; battery-grade graphite is ``graphite-battery-grade``.
The magnet rare earth blocks (Nd, Pr, Dy, Tb as the workbook's notes define them) are
``magnet-rare-earths``.
``content`` for lithium (Li content) and magnet rare earths (Nd, Pr, Dy, Tb) follows the notes
of the workbook's demand sheet; the supply sheet itself only says "kt".
A block title not in :data:`BLOCKS` is reported as an issue so a new edition's minerals are seen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from critmin.data.catalogue.countries import find_country
from critmin.data.importers._xlsx import Rows, cell_ref, read_sheet
from critmin.errors import DataError
from critmin.model.records import OTHER, WORLD, ImportIssue, Observation, ParseResult, Source

__all__ = ["BLOCKS", "SCENARIO", "SHEET", "parse_iea_supply", "read_iea_supply"]

SHEET = "2 Total supply for key minerals"
SCENARIO = "iea-base-case"
OBSERVED_YEAR = 2023
URL = "https://www.iea.org/data-and-statistics/data-tools/critical-minerals-data-explorer"


@dataclass(frozen=True, slots=True)
class Block:
    """What one titled block of the supply sheet holds."""

    commodity: str
    stage: str
    #: what the quantities are of, from the workbook's notes ("" where it does not say)
    content: str = ""


#: Block titles as published -> commodity slug and stage.
BLOCKS: dict[str, Block] = {
    "Copper - Mining": Block("copper", "mining"),
    "Copper - Refining": Block("copper", "refining"),
    "Cobalt - Mining": Block("cobalt", "mining"),
    "Cobalt - Refining": Block("cobalt", "refining"),
    "Lithium - Mining": Block("lithium", "mining", "lithium (Li) content"),
    "Lithium - Chemicals": Block("lithium", "refining", "lithium (Li) content, chemicals"),
    "Nickel - Mining": Block("nickel", "mining"),
    "Nickel - Refining": Block("nickel", "refining"),
    "Graphite - Mining (natural)": Block("graphite-natural", "mining", "natural graphite"),
    "Graphite - Battery grade": Block(
        "graphite-battery-grade", "refining", "battery-grade graphite"
    ),
    "Magnet rare earth elements - Mining": Block(
        "magnet-rare-earths", "mining", "Nd, Pr, Dy and Tb"
    ),
    "Magnet rare earth elements - Refining": Block(
        "magnet-rare-earths", "refining", "Nd, Pr, Dy and Tb"
    ),
}

_TITLE = re.compile(r"^\S.* - \S.*$")
_DERIVED = "top 3 share"
_OTHER_LABELS = frozenset({"rest of world", "rest of the world", "others", "other"})
_TOTAL_PREFIX = "total"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _source(block: Block, file: str, title: str) -> Source:
    return Source(
        id=f"iea-cmde-2024:supply:{block.commodity}:{block.stage}",
        publisher="International Energy Agency",
        title="Critical Minerals Data Explorer",
        year=2024,
        table=f"{SHEET}: {title}",
        url=URL,
        licence="CC BY 4.0",
        release="iea-cmde-2024",
        published="2024-05",
        file=file,
    )


def _text(value: object) -> str:
    return "" if value is None else " ".join(str(value).split())


def _year(value: object) -> int | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        year = int(value)
        return year if 1990 <= year <= 2100 else None
    return None


def _notes(rows: Rows) -> str:
    """The sheet's notes (column A from the ``Notes:`` row on), as one line."""
    found: list[str] = []
    for row in rows:
        text = _text(row[0] if row else None)
        if text.lower().startswith("notes:"):
            found.append(text[len("notes:") :].strip())
        elif found and text:
            found.append(text)
    return " ".join(found)


def parse_iea_supply(
    rows: Rows, file: str = "iea_critical_minerals_data_explorer/iea_cm_data_explorer_2024.xlsx"
) -> ParseResult:
    """Parse the rows of the ``2 Total supply for key minerals`` sheet into observations.

    Parameters
    ----------
    rows
        Cell values per row, row 1 first, column A first (as :func:`read_sheet` gives them).
    file
        File name recorded in observations, issues and sources.

    Returns
    -------
    ParseResult
        Production observations [t] by country, stage and year; one source per block; issues
        for unknown countries, unknown blocks and unreadable cells.

    Raises
    ------
    DataError
        If the sheet has no row of years or no ``<Mineral> - <Stage>`` block titles.
    """
    year_rows: list[tuple[int, dict[int, int]]] = []
    titles: list[tuple[int, int, str]] = []
    for r, row in enumerate(rows, start=1):
        found = {c: y for c, cell in enumerate(row, start=1) if (y := _year(cell)) is not None}
        if found and not any(isinstance(cell, str) and cell.strip() for cell in row):
            year_rows.append((r, found))
            continue
        if any(isinstance(cell, int | float) for cell in row):
            continue  # a data row; titles stand on rows of text only
        for c, cell in enumerate(row, start=1):
            if _TITLE.match(text := _text(cell)):
                titles.append((r, c, text))
    missing = []
    if not year_rows:
        missing.append("a header row of years (2023, 2030, ...)")
    if not titles:
        missing.append("block titles such as 'Copper - Mining'")
    if missing:
        raise DataError(f"sheet {SHEET!r} lacks {' and '.join(missing)}", file=file)

    notes = _notes(rows)
    projection_note = f"IEA base case. {notes}" if notes else "IEA base case"
    observations: list[Observation] = []
    issues: list[ImportIssue] = []
    sources: dict[str, Source] = {}

    for r0, c0, title in titles:
        block = BLOCKS.get(title)
        if block is None:
            issues.append(ImportIssue(file, r0, f"unknown block {title!r} in {SHEET!r}", title))
            continue
        header = [ys for rr, ys in year_rows if rr < r0]
        if not header:
            issues.append(ImportIssue(file, r0, f"no row of years above block {title!r}", title))
            continue
        above = header[-1]
        years: dict[int, int] = {}
        while (c0 + 1 + len(years)) in above:  # the years right of the label column
            years[c0 + 1 + len(years)] = above[c0 + 1 + len(years)]
        source = sources.setdefault(title, _source(block, file, title))
        found_obs, found_issues = _read_block(
            rows, r0, c0, years, title, block, source, file, projection_note
        )
        observations.extend(found_obs)
        issues.extend(found_issues)
        issues.extend(_check_total(found_obs, title, file))
    return ParseResult(
        observations=tuple(observations),
        sources=tuple(sources.values()),
        issues=tuple(sorted(issues, key=lambda issue: issue.line)),
    )


def _read_block(
    rows: Rows,
    r0: int,
    c0: int,
    years: dict[int, int],
    title: str,
    block: Block,
    source: Source,
    file: str,
    projection_note: str,
) -> tuple[list[Observation], list[ImportIssue]]:
    """Read one block, titled at row ``r0`` column ``c0``, down to its end."""
    observations: list[Observation] = []
    issues: list[ImportIssue] = []
    blanks = 0
    for r in range(r0 + 1, len(rows) + 1):
        row = rows[r - 1]
        label = _text(row[c0 - 1]) if len(row) >= c0 else ""
        if not label:
            # a block with fewer countries than its neighbour has a gap before "Rest of
            # world"; two blank labels in a row end it
            blanks += 1
            if blanks == 2:
                break
            continue
        blanks = 0
        key = label.lower()
        if _TITLE.match(label) or key.startswith("notes:"):
            break
        if key == _DERIVED:
            break  # the block's last row; derived, so not imported
        if key in _OTHER_LABELS:
            code = OTHER
        elif key.startswith(_TOTAL_PREFIX):
            code = WORLD
        else:
            found = find_country(label)
            if found is None:
                raw = ",".join(_text(v) for v in row[c0 - 1 : c0 + len(years)])
                issues.append(
                    ImportIssue(file, r, f"{title}: {label!r} is not a known country", raw)
                )
                continue
            code = found.alpha2
        for c, year in sorted(years.items()):
            cell = row[c - 1] if len(row) >= c else None
            ref = f"'{SHEET}'!{cell_ref(r, c)}"
            note = ref if year == OBSERVED_YEAR else f"{ref}; {projection_note}"
            made = _observation(cell, block, code, year, source, file, r, note, label, title)
            if isinstance(made, str):
                issues.append(ImportIssue(file, r, f"{ref}: {made}", _text(cell)))
                continue
            observations.append(made)
    return observations, issues


def _check_total(observations: list[Observation], title: str, file: str) -> list[ImportIssue]:
    """Flag block-years whose rows do not add up to the block's ``Total``.

    The figures are kept as published; the issue says by how much they disagree and, when the
    gap equals one country's row, which row seems to be counted twice.
    """
    issues = []
    for year in sorted({o.year for o in observations}):
        rows = [o for o in observations if o.year == year and o.value is not None]
        totals = [o for o in rows if o.country == WORLD]
        parts = [o for o in rows if o.country != WORLD]
        if len(totals) != 1 or not parts:
            continue
        total = totals[0]
        if total.value is None:
            continue
        gap = sum(o.value for o in parts if o.value is not None) - total.value
        if abs(gap) <= 100 * len(parts):  # rounding of 0.1 kt per row
            continue
        same = [o.detail.split(": ", 1)[1] for o in parts if o.value and abs(o.value - gap) < 1]
        why = f", equal to the {same[0]!r} row, which seems counted twice" if same else ""
        issues.append(
            ImportIssue(
                file,
                total.line,
                f"{title} {year}: rows sum to {(total.value + gap) / 1000:.1f} kt but "
                f"'Total' is {total.value / 1000:.1f} kt (gap {gap / 1000:.1f} kt{why}); "
                "figures kept as published",
                total.value_text,
            )
        )
    return issues


def _observation(
    cell: object,
    block: Block,
    country: str,
    year: int,
    source: Source,
    file: str,
    line: int,
    note: str,
    label: str,
    title: str,
) -> Observation | str:
    """One figure, or the reason the cell cannot be used."""
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        value: float | None = None
        flag = "NA"
    elif isinstance(cell, int | float) and not isinstance(cell, bool):
        value = round(float(cell) * 1000, 6)
        flag = ""
    else:
        return f"{_text(cell)!r} is not a number"
    projected = year != OBSERVED_YEAR
    return Observation(
        commodity=block.commodity,
        country=country,
        stage=block.stage,
        year=year,
        measure="production",
        value=value,
        unit="t",
        source_id=source.id,
        basis="estimated" if projected else "reported",
        note=note,
        flag=flag,
        value_text="" if cell is None else _text(cell),
        content=block.content,
        detail=f"{title}: {label}",
        file=file,
        line=line,
        release=source.release,
        scenario=SCENARIO if projected else "",
    )


def read_iea_supply(path: Path) -> ParseResult:
    """Read the IEA workbook's supply sheet; see :func:`parse_iea_supply`.

    Raises
    ------
    DataError
        If the file is missing, not a workbook, lacks the sheet or its years and blocks.
    """
    file, rows = read_sheet(path, SHEET)
    return parse_iea_supply(rows, file)
