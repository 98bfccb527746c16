"""Dates stated in a sentence, resolved against the article's date ("on Monday").

Pure: text and an optional reference date in, ISO dates out.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from critmin.news.prefilter import LiteralGate

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

_MONTH = (
    r"(January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\s+{_MONTH}(?:,)?\s+(\d{{4}})\b")
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}}),?\s+(\d{{4}})\b")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\s+{_MONTH}\b(?!\s+\d{{4}})")
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})\b(?!,?\s+\d{{4}})(?!\d)")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WEEKDAY = re.compile(
    r"\b(?:on|last|this)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_RELATIVE = re.compile(r"\b(yesterday|today)\b", re.IGNORECASE)


@cache
def _gate() -> LiteralGate:
    """The required words of the date patterns, for one scan per text (built once)."""
    return LiteralGate(
        [_ISO, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _DAY_MONTH, _MONTH_DAY, _WEEKDAY, _RELATIVE]
    )


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_iso(value: str | None) -> date | None:
    """A ``date`` from an ISO string, or ``None``."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def find_dates(text: str, reference: date | None = None) -> list[tuple[int, date, bool]]:
    """Dates stated in ``text`` as ``(offset, date, introduced_by_on)``, in text order.

    Dates without a year take the reference's year; weekdays ("on Monday") resolve to the most
    recent such day on or before the reference; "yesterday"/"today" likewise.
    """
    found: list[tuple[int, date, bool]] = []
    taken: list[tuple[int, int]] = []
    may = _gate().scan(text)  # patterns whose words (a month, a weekday...) are absent: skipped

    def add(start: int, end: int, value: date | None, on: bool = False) -> None:
        if value is None or any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        before = text[max(0, start - 4) : start].lower()
        found.append((start, value, on or before.endswith("on ")))

    for m in _ISO.finditer(text) if _ISO in may else ():
        add(m.start(), m.end(), _safe(int(m[1]), int(m[2]), int(m[3])))
    for m in _DAY_MONTH_YEAR.finditer(text) if _DAY_MONTH_YEAR in may else ():
        add(m.start(), m.end(), _safe(int(m[3]), _month(m[2]), int(m[1])))
    for m in _MONTH_DAY_YEAR.finditer(text) if _MONTH_DAY_YEAR in may else ():
        add(m.start(), m.end(), _safe(int(m[3]), _month(m[1]), int(m[2])))
    if reference is not None:
        for m in _DAY_MONTH.finditer(text) if _DAY_MONTH in may else ():
            add(m.start(), m.end(), _safe(reference.year, _month(m[2]), int(m[1])))
        for m in _MONTH_DAY.finditer(text) if _MONTH_DAY in may else ():
            if m[1] == "May" and not re.match(r"\s+\d", text[m.end(1) :]):
                continue
            add(m.start(), m.end(), _safe(reference.year, _month(m[1]), int(m[2])))
        for m in _WEEKDAY.finditer(text) if _WEEKDAY in may else ():
            back = (reference.weekday() - WEEKDAYS[m[1].lower()]) % 7
            on = m.group(0).lower().startswith("on ")
            add(m.start(), m.end(), reference - timedelta(days=back), on)
        for m in _RELATIVE.finditer(text) if _RELATIVE in may else ():
            shift = 1 if m[1].lower() == "yesterday" else 0
            add(m.start(), m.end(), reference - timedelta(days=shift))
    found.sort(key=lambda f: f[0])
    return found


def sentence_date(text: str, reference: date | None = None) -> date | None:
    """The date a sentence reports its news on: one introduced by "on", else the first stated."""
    dates = find_dates(text, reference)
    if not dates:
        return None
    for _, value, on in dates:
        if on:
            return value
    return dates[0][1]
