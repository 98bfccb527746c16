"""USGS Mineral Commodity Summaries 2026, table T4: country export controls.

One row per country and control type, with the controlled commodities and the year each took
effect written as an English sentence::

    "Bauxite (2023), copper concentrates (2023), and nickel ore (2020)."
    "Ores and concentrates of cobalt, graphite, lithium, manganese, and rare earths (2023)."
    "Copper (refined and alloys) and aluminum ingots (2025)."

:func:`split_commodity_list` reads that grammar and :func:`parse_export_controls` yields one
record per (country, control type, commodity, year) in ``ParseResult.tables["export_controls"]``.

The grammar, as the USGS writes it:

1. A parenthesised year, ``(2023)``, closes a *clause*; the year applies to everything in the
   clause. Clauses are separated by ``,``/``, and``/``and``. Other parentheses
   (``(refined and alloys)``) belong to the item and may nest.
2. A clause may open with a head phrase and a link word (``Ores and concentrates of ...``,
   ``Raw minerals, including ...``, ``items related to ...``); the head is distributed over
   the list that follows, so each record's ``commodity_text`` stands on its own
   ("Ores and concentrates of cobalt").
3. The list is split at top-level commas and at ``and``, except inside fixed phrases that name
   one thing (``waste and scrap``, ``ores and concentrates``, ``catalysts and waste``).

``commodity`` is the catalogue slug (via :func:`critmin.data.catalogue.find_commodity`) of the
item, tried as written, without its parentheses, without form words (ore, concentrates,
scrap, raw...) and singular; ``None`` when the catalogue has no such commodity ("metal waste
and scrap"), which is not an issue: ``commodity_text`` keeps what the USGS wrote.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from critmin.data.catalogue import find_commodity
from critmin.data.catalogue.countries import find_country
from critmin.data.shipped import relative
from critmin.errors import DataError
from critmin.model.records import ImportIssue, ParseResult, Source

__all__ = [
    "COLUMNS",
    "ControlItem",
    "parse_export_controls",
    "read_export_controls",
    "split_commodity_list",
]

#: The publisher's columns, in file order.
COLUMNS: tuple[str, ...] = ("Country", "Control_Type", "Commodity_Year", "Data_source", "Notes")

SOURCE_ID = "usgs-mcs2026:t4:country-export-controls"

#: Phrases whose "and" joins two words naming one thing; never split there.
PROTECTED: tuple[str, ...] = ("waste and scrap", "ores and concentrates", "catalysts and waste")
#: Words that say what form the commodity is in; dropped to find the commodity.
FORM_WORDS: frozenset[str] = frozenset(
    {
        "raw",
        "ore",
        "ores",
        "concentrate",
        "concentrates",
        "scrap",
        "waste",
        "ingot",
        "ingots",
        "material",
        "materials",
        "anode",
        "and",
    }
)
#: Qualifiers dropped in a last attempt ("artificial graphite" -> "graphite").
QUALIFIERS: frozenset[str] = frozenset(
    {
        "artificial",
        "synthesized",
        "synthetic",
        "natural",
        "refined",
        "enriched",
        "deeply",
        "processed",
        "ferrous",
    }
)

#: Words the USGS uses where the catalogue has another ("artificial graphite").
SYNONYMS: dict[str, str] = {"artificial": "synthetic", "synthesized": "synthetic"}

_YEAR = re.compile(r"^\s*(\d{4})\s*$")
_LINK = re.compile(r"^(?P<head>.+?),?\s+(?P<link>of|including|related to)\s+(?P<rest>.+)$", re.I)


@dataclass(frozen=True, slots=True)
class ControlItem:
    """One controlled commodity read from a ``Commodity_Year`` sentence."""

    #: the item as a self-standing phrase, head distributed ("Ores and concentrates of cobalt")
    text: str
    #: the item alone, for finding the commodity ("cobalt")
    item: str
    year: int | None


def _segments(text: str) -> list[tuple[str, str]]:
    """Split into top-level ("text", ...) and ("paren", inner) segments; nesting kept inside.

    Raises
    ------
    ValueError
        If the parentheses do not balance.
    """
    out: list[tuple[str, str]] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch == "(":
            if depth == 0:
                out.append(("text", text[start:i]))
                start = i + 1
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise ValueError(f"unbalanced ')' at character {i + 1}")
            if depth == 0:
                out.append(("paren", text[start:i]))
                start = i + 1
    if depth:
        raise ValueError("unbalanced '(': a parenthesis is not closed")
    out.append(("text", text[start:]))
    return out


def _split_top(text: str, pattern: re.Pattern[str]) -> list[str]:
    """Split at matches of ``pattern`` that are outside parentheses."""
    parts: list[str] = []
    depth = 0
    start = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0 and (match := pattern.match(text, i)):
            parts.append(text[start:i])
            start = i = match.end()
            continue
        i += 1
    parts.append(text[start:])
    return parts


_COMMA = re.compile(r",\s*(?:and\s+)?")
_AND = re.compile(r"\s+and\s+")
_LEADING = re.compile(r"^[\s,;]*(?:and\s+)?", re.I)


def _split_and(text: str) -> list[str]:
    """Split at top-level "and", except inside :data:`PROTECTED` phrases."""
    shielded = text
    for phrase in PROTECTED:
        shielded = re.sub(
            re.escape(phrase), lambda m: m.group(0).replace(" and ", " \0 "), shielded, flags=re.I
        )
    return [part.replace(" \0 ", " and ") for part in _split_top(shielded, _AND)]


def _tidy(text: str) -> str:
    return " ".join(_LEADING.sub("", text).split()).strip(" ,;.")


def split_commodity_list(text: str) -> list[ControlItem]:
    """Read a T4 ``Commodity_Year`` sentence into items with their years.

    Parameters
    ----------
    text
        e.g. ``"Quartz and gypsum (2024)."``

    Returns
    -------
    list of ControlItem
        In the order written; an item after the last year has ``year=None``.

    Raises
    ------
    ValueError
        If the parentheses do not balance or no item can be read.

    Examples
    --------
    >>> [(i.item, i.year) for i in split_commodity_list("Bauxite (2023) and nickel ore (2020).")]
    [('Bauxite', 2023), ('nickel ore', 2020)]
    """
    clauses: list[tuple[str, int | None]] = []
    pending = ""
    for kind, part in _segments(text.strip().rstrip(".")):
        if kind == "paren" and (stamp := _YEAR.match(part)):
            clauses.append((pending, int(stamp.group(1))))
            pending = ""
        elif kind == "paren":
            pending += f"({part})"
        else:
            pending += part
    if _tidy(pending):
        clauses.append((pending, None))

    items: list[ControlItem] = []
    for clause, year in clauses:
        clause = _tidy(clause)
        if not clause:
            continue
        head, link, rest = "", "", clause
        if (linked := _LINK.match(clause)) and "(" not in linked.group("head"):
            head, link, rest = linked.group("head"), linked.group("link"), linked.group("rest")
        for piece in _split_top(rest, _COMMA):
            for part in _split_and(piece):
                item = _tidy(part)
                if not item:
                    continue
                phrase = f"{head} {link} {item}" if head else item
                items.append(ControlItem(text=phrase, item=item, year=year))
    if not items:
        raise ValueError("no commodity could be read")
    return items


def _candidates(item: str) -> list[str]:
    """Spellings to try in the commodity catalogue, most specific first."""
    bare = " ".join(re.sub(r"\([^()]*\)", " ", item).split())
    words = bare.lower().split()
    formless = [w for w in words if w not in FORM_WORDS]
    synonyms = [SYNONYMS.get(w, w) for w in formless]
    plain = [w for w in formless if w not in QUALIFIERS]
    found = [item, bare, " ".join(formless), " ".join(synonyms), " ".join(plain)]
    found += [w[:-1] for w in found if w.endswith("s") and not w.endswith("ss")]
    return [c for c in dict.fromkeys(found) if c]


def _commodity(item: str) -> str | None:
    """The catalogue slug for an item, or ``None``."""
    for candidate in _candidates(item):
        if (found := find_commodity(candidate)) is not None:
            return found.slug
    return None


def t4_source(file: str) -> Source:
    """The :class:`Source` for table T4 (facts from the folder's SOURCE.md)."""
    return Source(
        id=SOURCE_ID,
        publisher="U.S. Geological Survey",
        title="Mineral Commodity Summaries 2026 Data Release",
        year=2026,
        table="Table 4. Country export controls (MCS2026_T4_Country_Export_Control.csv)",
        url="https://doi.org/10.5066/P1WKQ63T",
        licence="Public domain (U.S. Government work); cite USGS",
        release="mcs2026",
        published="2026-02-06",
        file=file,
    )


def parse_export_controls(
    text: str, file: str = "usgs_mcs2026/MCS2026_T4_Country_Export_Control.csv"
) -> ParseResult:
    """Parse table T4 into export-control records.

    Parameters
    ----------
    text
        The CSV text (BOM already removed).
    file
        File name recorded in records, issues and the source.

    Returns
    -------
    ParseResult
        ``tables["export_controls"]``: dicts with ``country`` (alpha-2), ``control_type``,
        ``commodity_text``, ``commodity`` (slug or ``None``), ``year`` (or ``None``), ``url``,
        ``note``, ``source_id`` and ``line`` (1-based, header is line 1); one source; an issue
        for each row whose country is unknown or whose commodity sentence cannot be read.

    Raises
    ------
    DataError
        If the file is empty or lacks one of :data:`COLUMNS`.
    """
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = next(reader, None)
    if header is None:
        raise DataError("file is empty", file=file)
    header = [h.strip() for h in header]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise DataError(f"missing column(s) {missing}", file=file, line=1)
    at = {c: header.index(c) for c in COLUMNS}

    source = t4_source(file)
    records: list[dict[str, object]] = []
    issues: list[ImportIssue] = []
    line = reader.line_num + 1
    for row in reader:
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        raw = ",".join(row)
        cells = {c: (row[i].strip() if i < len(row) else "") for c, i in at.items()}
        found = find_country(cells["Country"])
        if found is None:
            issues.append(ImportIssue(file, start, f"unknown country {cells['Country']!r}", raw))
            continue
        if not cells["Control_Type"]:
            issues.append(ImportIssue(file, start, "empty Control_Type", raw))
            continue
        try:
            items = split_commodity_list(cells["Commodity_Year"])
        except ValueError as exc:
            issues.append(ImportIssue(file, start, f"Commodity_Year: {exc}", raw))
            continue
        for item in items:
            records.append(
                {
                    "country": found.alpha2,
                    "control_type": cells["Control_Type"],
                    "commodity_text": item.text,
                    "commodity": _commodity(item.item),
                    "year": item.year,
                    "url": cells["Data_source"] or None,
                    "note": cells["Notes"],
                    "source_id": source.id,
                    "line": start,
                }
            )
    return ParseResult(sources=(source,), issues=tuple(issues), tables={"export_controls": records})


def read_export_controls(path: Path) -> ParseResult:
    """Read ``MCS2026_T4_Country_Export_Control.csv`` (UTF-8 with BOM); see the parser.

    Raises
    ------
    DataError
        If the file is missing or not UTF-8, or lacks the table's columns.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read file: {exc.strerror or exc}", file=str(path)) from exc
    file = relative(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(f"not valid UTF-8 at byte {exc.start}", file=file, line=line) from exc
    return parse_export_controls(text, file)
