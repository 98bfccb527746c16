"""Quantities stated in text: "at least three enterprises", "10,000 tonnes per year", "$1.2bn".

Pure: text in, :class:`~critmin.news.records.Quantity` records (with their kind and offset)
out. Masses are normalised to metric tons (``t``; ``t/yr`` for rates); money keeps its currency
(``USD``, ``AUD``...); counts keep the noun as the unit ("enterprises").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from critmin.news.records import Quantity

WORD_NUMBERS: dict[str, float] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "fifty": 50, "a dozen": 12, "a hundred": 100,
}  # fmt: skip
MULTIPLIERS: dict[str, float] = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9,
    "bn": 1e9, "b": 1e9, "trillion": 1e12,
}  # fmt: skip
CURRENCIES: dict[str, str] = {
    "us$": "USD", "$": "USD", "a$": "AUD", "c$": "CAD", "€": "EUR", "£": "GBP", "¥": "CNY",
    "rmb": "CNY", "yuan": "CNY", "roubles": "RUB", "rubles": "RUB", "dollars": "USD",
    "euros": "EUR", "yen": "JPY", "tenge": "KZT",
}  # fmt: skip
COUNT_NOUNS = (
    "enterprises|plants|factories|refineries|mines|projects|deposits|facilities|lines|"
    "smelters|companies|sites|enterprise|plant|factory|refinery|mine|project|deposit|facility"
)

_QUAL = (
    r"(?P<qual>at least|up to|about|around|approximately|roughly|more than|over|nearly|almost|"
    r"as much as|some)?\s*"
)
_CUR = r"(?P<cur>US\$|A\$|C\$|\$|€|£|¥|RMB\s?)?"
_NUM = (
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
    + r")"
)
_MULT = r"(?:\s*-?\s*(?P<mult>million|billion|trillion|thousand|bn|mn|m|b|k)\b)?"
_NUMBER = re.compile(rf"(?<![\w.,]){_QUAL}{_CUR}{_NUM}{_MULT}", re.IGNORECASE)

_MASS = re.compile(
    r"\s*(?P<unit>metric tons|metric tonnes|tonnes|tonne|tons|ton|kilotonnes|kt|t|mt)\b"
    r"(?P<rate>\s*(?:a|per|each)\s+(?:year|annum)|\s*/\s*(?:yr|y|year)|\s+annually|\s*pa\b)?",
    re.IGNORECASE,
)
_RATE_UNIT = re.compile(r"\s*(?P<unit>ktpa|tpa|t/y|t/yr|mtpa)\b", re.IGNORECASE)
_LATE_RATE = re.compile(r"^[^.;]{0,60}?\b(?:a|per)\s+(?:year|annum)\b|^[^.;]{0,60}?\bannually\b")
_CURRENCY_AFTER = re.compile(r"\s*(?P<cur>roubles|rubles|yuan|dollars|euros|yen|tenge)\b", re.I)
_PERCENT = re.compile(r"\s*(?:%|percent\b|per cent\b)", re.IGNORECASE)
_COUNT = re.compile(rf"\s+(?:[a-z-]+\s+){{0,2}}?(?P<noun>{COUNT_NOUNS})\b", re.IGNORECASE)


_PLURALS = {"refinery": "refineries", "factory": "factories", "facility": "facilities"}


@dataclass(frozen=True, slots=True)
class Found:
    """A quantity with where it was found and what kind it is."""

    start: int
    end: int
    #: "rate" (t/yr), "mass" (t), "money", "percent", "count"
    kind: str
    quantity: Quantity


def _number(text: str) -> float | None:
    key = text.lower()
    if key in WORD_NUMBERS:
        return WORD_NUMBERS[key]
    try:
        return float(key.replace(",", ""))
    except ValueError:
        return None


def find_quantities(text: str) -> list[Found]:
    """All quantities in ``text`` in order (numbers without a unit are skipped, as are years)."""
    out: list[Found] = []
    for m in _NUMBER.finditer(text):
        value = _number(m["num"])
        if value is None:
            continue
        qual = (m["qual"] or "").lower()
        mult_word = (m["mult"] or "").lower()
        # "5 m" is metres more often than millions without a currency sign
        if mult_word in ("m", "b", "k") and not m["cur"] and not _MASS.match(text, m.end()):
            mult_word = ""
        rest_at = m.end() if mult_word else m.end("num")
        factor = MULTIPLIERS.get(mult_word, 1.0)
        words = text[m.start() : m.end()].strip()
        if m["cur"]:
            cur = CURRENCIES.get(m["cur"].strip().lower(), "USD")
            q = Quantity(value * factor, cur, qual, words)
            out.append(Found(m.start(), m.end(), "money", q))
            continue
        after = _CURRENCY_AFTER.match(text, rest_at)
        if after:
            cur = CURRENCIES[after["cur"].lower()]
            q = Quantity(value * factor, cur, qual, text[m.start() : after.end()].strip())
            out.append(Found(m.start(), after.end(), "money", q))
            continue
        pct = _PERCENT.match(text, rest_at)
        if pct:
            q = Quantity(value, "%", qual, text[m.start() : pct.end()].strip())
            out.append(Found(m.start(), pct.end(), "percent", q))
            continue
        rate_unit = _RATE_UNIT.match(text, rest_at)
        if rate_unit:
            scale = {"ktpa": 1e3, "mtpa": 1e6}.get(rate_unit["unit"].lower(), 1.0)
            q = Quantity(value * factor * scale, "t/yr", qual, text[m.start() : rate_unit.end()])
            out.append(Found(m.start(), rate_unit.end(), "rate", q))
            continue
        mass = _MASS.match(text, rest_at)
        if mass:
            unit = mass["unit"].lower()
            if unit == "mt" and mass["unit"] == "mt":
                continue  # lower-case "mt" is rarely megatonnes
            scale = {"kt": 1e3, "kilotonnes": 1e3, "mt": 1e6}.get(unit, 1.0)
            end = mass.end()
            is_rate = bool(mass["rate"])
            if not is_rate:
                late = _LATE_RATE.match(text[end:])
                is_rate = bool(late)
            kind = "rate" if is_rate else "mass"
            q = Quantity(
                value * factor * scale, "t/yr" if is_rate else "t", qual, text[m.start() : end]
            )
            out.append(Found(m.start(), end, kind, q))
            continue
        count = _COUNT.match(text, rest_at)
        if count and not mult_word and value < 1000:
            noun = count["noun"].lower()
            if not noun.endswith("s"):
                if value != 1:
                    continue
                noun = _PLURALS.get(noun, noun + "s")
            q = Quantity(value, noun, qual, text[m.start() : count.end()])
            out.append(Found(m.start(), count.end(), "count", q))
    return out


#: Which kinds of quantity each event type reports, in preference order.
PREFERRED: dict[str, tuple[str, ...]] = {
    "new_capacity": ("rate", "count", "mass"),
    "capacity_expansion": ("rate", "mass", "count"),
    "financing": ("money",),
    "acquisition": ("money", "percent"),
    "offtake": ("rate", "mass", "money"),
    "discovery": ("mass",),
    "production_update": ("mass", "rate"),
    "price_move": ("percent", "money"),
    "export_control": (),
    "export_ban": (),
    "sanction": (),
    "partnership": ("money",),
    "disruption": ("rate", "mass"),
    "policy": (),
}


def event_quantity(event_type: str, text: str) -> Quantity | None:
    """The quantity that best measures an event of ``event_type`` in ``text``, or ``None``."""
    kinds = PREFERRED.get(event_type, ())
    if not kinds:  # bans, controls, sanctions, policy: no quantity measures them
        return None
    found = find_quantities(text)
    for kind in kinds:
        for f in found:
            if f.kind == kind:
                return f.quantity
    return None
