"""Parse one value cell of a publisher's table into a number, a flag and the text as published.

USGS (and other publishers) write numbers as text: ``"1,234"``, ``"W"`` (withheld to avoid
disclosing company data), ``"NA"``, an em dash for zero, bounds (``">85,000,000"``), ranges
(``"330 - 390"``) and qualitative words (``"Large"``). Every importer uses :func:`parse_value` so
that these conventions are read the same way everywhere. It is pure and never raises: a cell it
cannot read comes back with ``ok=False`` and the importer turns that into an ``ImportIssue``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Words that mean "zero" in USGS tables (em dash, en dash, double and single hyphen).
ZERO_MARKS: frozenset[str] = frozenset({"\u2014", "\u2013", "--", "-"})
#: Qualitative cells, case-insensitive. "XX" = not applicable, "s" = small (USGS conventions).
QUALITATIVE: frozenset[str] = frozenset(
    {"large", "moderate", "moderate to large", "small", "very small", "xx", "s"}
)

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_NUMBER_RE = re.compile(rf"(?:{_NUMBER})")
_BOUND_RE = re.compile(rf"([<>])\s*({_NUMBER})")
_RANGE_RE = re.compile(rf"({_NUMBER})\s*[-\u2013\u2014]\s*({_NUMBER})")


@dataclass(frozen=True, slots=True)
class CellValue:
    """A parsed cell.

    ``value`` is ``None`` for withheld, unavailable, qualitative and blank cells; ``flag`` says
    which (``W``, ``NA``, ``qualitative``, ``blank``), or is ``>``/``<``/``range`` for bounds and
    ranges, or ``""`` for a plain number (including USGS zero). ``ok`` is False when the cell is
    none of these; ``text`` is the cell as published, stripped.
    """

    value: float | None
    flag: str
    text: str
    ok: bool = True


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def parse_value(cell: str | None) -> CellValue:
    """Read one value cell.

    Parameters
    ----------
    cell
        The cell text as published (``None`` is treated as blank).

    Returns
    -------
    CellValue
        ``flag == "blank"`` for an empty cell (the caller decides whether blank means "not
        reported" or is an error); ``ok == False`` for anything unreadable.

    Examples
    --------
    >>> parse_value(" 1,234 ")
    CellValue(value=1234.0, flag='', text='1,234', ok=True)
    >>> parse_value(">85,000,000").flag
    '>'
    >>> parse_value("330 - 390").value
    360.0
    """
    text = (cell or "").replace("\u00a0", " ").strip()
    if not text:
        return CellValue(None, "blank", text)
    upper = text.upper()
    if upper == "W":
        return CellValue(None, "W", text)
    if upper == "NA":
        return CellValue(None, "NA", text)
    if text in ZERO_MARKS:
        return CellValue(0.0, "", text)
    if text.casefold() in QUALITATIVE:
        return CellValue(None, "qualitative", text)
    if _NUMBER_RE.fullmatch(text):
        return CellValue(_number(text), "", text)
    bound = _BOUND_RE.fullmatch(text)
    if bound:
        return CellValue(_number(bound.group(2)), bound.group(1), text)
    span = _RANGE_RE.fullmatch(text)
    if span:
        low, high = _number(span.group(1)), _number(span.group(2))
        if low <= high:
            return CellValue((low + high) / 2, "range", text)
    return CellValue(None, "", text, ok=False)
