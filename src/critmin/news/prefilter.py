r"""Skip regular expressions that cannot match: required literals, found in one scan.

Most of the extractor's patterns (triggers, speculation, generic statements, dates) need some
fixed words to match at all: ``\bexport bans?\b`` needs "export ban", ``\bban\w*\b[^.;]{0,50}
\bexports?\b`` needs "ban" and "export". :func:`required_clauses` reads them off the parsed
pattern; a :class:`LiteralGate` puts the words of many patterns into one Aho-Corasick
automaton, so one scan of a sentence says which patterns may match (:meth:`LiteralGate.scan`)
and, in the same pass, which stem lists find a stem (:class:`WordStarts`). A pattern missing
any of its words is not searched. The analysis is conservative (what it cannot read, such as
``\w`` or ``\d``, requires nothing), so results are exactly those of searching every pattern;
only the time changes. :func:`required_chars` does the same for characters (used to skip
ftfy's badness test).

Soundness: literals are compared on a folded copy of the text (:func:`fold`: lower case, white
space as a plain space). A case-insensitive pattern's letter matches a character whose
``str.lower`` is that letter, except for the three letters in :data:`_FOLD` (checked over all
of Unicode for the characters allowed in literals, :data:`_SAFE`); ``\s`` matches exactly the
characters of :data:`_SPACES` (tested). The parser is CPython's own (``re._parser``); a node
it does not know gives no requirement.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from itertools import product
from typing import Any

import ahocorasick

#: Characters a literal may contain: printable ASCII. For each of them, every character that
#: ``re`` matches with or without IGNORECASE lower-cases to it, except the ones in ``_FOLD``.
_SAFE = frozenset(chr(c) for c in range(0x20, 0x7F))
_ASCII = frozenset(chr(c) for c in range(0x80))
#: Every character ``re``'s ``\s`` matches (``str.isspace``; none lies beyond U+3000: tested).
_SPACES = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
#: Characters that ``re`` matches case-insensitively to an ASCII letter although ``str.lower``
#: does not give that letter (dotted and dotless i, long s); and white space, folded to a
#: plain space so that ``\s`` in a pattern is a space in a literal.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", **dict.fromkeys(_SPACES, " ")})
_ASCII_FOLD = bytes(
    32 if chr(c).isspace() else ord(chr(c).lower()) if c < 0x80 else c for c in range(256)
)
#: The most strings an exact alternative may expand to ("(?:a|an|the) (?:plant|mine)": 6).
_MAX_EXPANSION = 64

try:  # the regex parser behind ``re`` (CPython 3.11+); without it, nothing is skipped
    _parser: Any = importlib.import_module("re._parser")
    _c: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover
    _parser = _c = None


def fold(text: str) -> str:
    """The text literals are looked for in: ``_FOLD`` applied, then lower case (same length)."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_FOLD).decode("ascii")
    return text.translate(_FOLD).lower()


# A node's summary: (exact, required). ``exact`` is the finite set of strings the node matches
# (lower case) or None; ``required`` is a set of non-empty strings one of which every match of
# the node contains, or None when nothing is known.
_Summary = tuple[frozenset[str] | None, frozenset[str] | None]


def _score(req: frozenset[str] | None) -> int:
    """How selective a requirement is: the length of its shortest literal."""
    return min(map(len, req)) if req else 0


def _best(*reqs: frozenset[str] | None) -> frozenset[str] | None:
    best = max(reqs, key=_score, default=None)
    return best if _score(best) > 0 else None


def _as_required(summary: _Summary) -> frozenset[str] | None:
    exact, required = summary
    if exact is not None and "" not in exact:
        return _best(exact, required)
    return required


_REPEATS = () if _c is None else (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)


def _summaries(items: Iterable[Any], limit: int) -> Iterable[_Summary]:
    """The summaries of a sequence's items; ``x+`` counts as ``x``, a gap, ``x``.

    Every match of a repeat begins with one match of its item and ends with one, so what comes
    before the repeat is adjacent to the first and what follows to the last.
    """
    for item in items:
        op, av = item
        if op in _REPEATS and av[0] >= 1 and not av[0] == av[1] == 1:
            inner = _sequence(av[2], limit)
            if inner[0] is not None:
                yield inner
                yield None, _as_required(inner)
                yield inner
                continue
        yield _node(item, limit)


def _sequence(items: Iterable[Any], limit: int = _MAX_EXPANSION) -> _Summary:
    exact, candidates = _parts(items, limit)
    return exact, _best(*candidates)


def _parts(items: Iterable[Any], limit: int) -> tuple[frozenset[str] | None, list[Any]]:
    """A sequence's exact strings (or None) and its requirements, every one of which holds."""
    run: frozenset[str] | None = frozenset({""})  # exact strings of the items since the last gap
    exact_all = True
    candidates: list[frozenset[str] | None] = []
    for exact, required in _summaries(items, limit):
        if exact is not None and run is not None and len(run) * len(exact) <= limit:
            run = frozenset(a + b for a, b in product(run, exact))
            continue
        if run is not None:
            candidates.append(_as_required((run, None)))
        if exact is not None:
            run = exact
            exact_all = False  # the product grew too large: no longer one exact set
        else:
            run = frozenset({""})
            exact_all = False
            candidates.append(required)
    if run is not None:
        candidates.append(_as_required((run, None)))
    return (run if exact_all else None), candidates


_SPACE_CATEGORIES = () if _c is None else (_c.CATEGORY_SPACE, _c.CATEGORY_UNI_SPACE)


def _literal(code: int) -> str:
    """A pattern's literal character as it reads in folded text; "" when not handled."""
    ch = chr(code)
    if ch.isspace():
        return " "
    return ch.lower() if ch in _SAFE else ""


def _node(node: tuple[Any, Any], limit: int) -> _Summary:
    op, av = node
    if op is _c.LITERAL:
        ch = _literal(av)
        return (frozenset({ch}) if ch else None), None
    if op is _c.AT:
        return frozenset({""}), None  # zero width: neighbours stay adjacent
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return frozenset({""}), None
    if op is _c.IN:
        chars = [
            _literal(v) if o is _c.LITERAL else " " if v in _SPACE_CATEGORIES else ""
            for o, v in av
            if o is _c.LITERAL or o is _c.CATEGORY
        ]
        if len(chars) == len(av) and all(chars):
            return frozenset(chars), None
        return None, None
    if op is _c.SUBPATTERN or op is _c.ATOMIC_GROUP:
        return _sequence(av[-1] if op is _c.SUBPATTERN else av, limit)
    if op is _c.BRANCH:
        branches = [_sequence(seq, limit) for seq in av[1]]
        exacts = [e for e, _ in branches]
        exact: frozenset[str] | None = None
        if all(e is not None for e in exacts):
            union = frozenset().union(*(e for e in exacts if e is not None))
            exact = union if len(union) <= limit else None
        reqs = [_as_required(b) for b in branches]
        required: frozenset[str] | None = None
        if all(r is not None for r in reqs):
            required = frozenset().union(*(r for r in reqs if r is not None))
        return exact, _best(required)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, seq = av
        inner = _sequence(seq, limit)
        if low == 0:
            if high == 1 and inner[0] is not None:
                return inner[0] | {""}, None
            return None, None
        if low == high == 1:
            return inner
        return None, _as_required(inner)
    return None, None  # ANY, NOT_LITERAL, GROUPREF...: matches something unknown


def exact_strings(source: str, flags: int = 0, limit: int = 4096) -> frozenset[str] | None:
    """All strings (lower case) the regular expression ``source`` matches, if few; else None."""
    if _parser is None:
        return None
    try:
        parsed = _parser.parse(source, flags)
    except Exception:
        return None
    return _sequence(parsed, limit)[0]


def _chars(node: tuple[Any, Any]) -> frozenset[str] | None:
    """Characters one of which every match of ``node`` contains, or None if unknown."""
    op, av = node
    if op is _c.LITERAL:
        return frozenset({chr(av)})
    if op is _c.IN:
        chars: set[str] = set()
        for o, v in av:
            if o is _c.LITERAL:
                chars.add(chr(v))
            elif o is _c.RANGE:
                chars.update(chr(c) for c in range(v[0], v[1] + 1))
            else:  # NEGATE, CATEGORY (\w, \s): too many characters
                return None
        return frozenset(chars)
    if op is _c.BRANCH:
        sets = [_seq_chars(seq) for seq in av[1]]
        if any(x is None for x in sets):
            return None
        return frozenset().union(*(x for x in sets if x is not None))
    if op is _c.SUBPATTERN:
        return _seq_chars(av[-1])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _seq_chars(av[2])
    return None


def _seq_chars(items: Iterable[Any]) -> frozenset[str] | None:
    # any known set will do; the rarest is best: no ASCII, then the fewest characters
    found = [x for x in map(_chars, items) if x is not None]
    return min(found, key=lambda x: (not x.isdisjoint(_ASCII), len(x))) if found else None


def required_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Characters one of which occurs in every text ``pattern`` matches; None if unknown.

    For case-sensitive patterns only (case-insensitive ones give None).
    """
    if _parser is None or pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover
        return None
    return _seq_chars(parsed)


def any_of(chars: frozenset[str] | None) -> re.Pattern[str]:
    """A pattern that finds any of ``chars``; any character at all when ``chars`` is None."""
    if chars is None:
        return re.compile(r"[\s\S]")
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings (lower case) one of which occurs in every text ``pattern`` matches; or None.

    None means no such set is known: the pattern must always be searched.
    """
    if _parser is None:
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover - compiled already, so parsing again should not fail
        return None
    return _as_required(_sequence(parsed))


def required_clauses(pattern: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    r"""Sets of strings (lower case) each of which has a member in every text ``pattern`` matches.

    All must hold at once (``\bban\w*\b[^.;]{0,50}\bexports?\b`` needs "ban" and
    "export"); sets of one-character strings are left out (they rule out almost nothing).
    Empty when nothing is known.
    """
    if _parser is None:
        return ()
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover
        return ()
    _, candidates = _parts(parsed, _MAX_EXPANSION)
    clauses = [c for c in candidates if c is not None and _score(c) >= 2]
    return tuple(dict.fromkeys(clauses))


class Scan:
    """Which patterns of a :class:`LiteralGate` may match one text (``pattern in scan``).

    ``names``: the gate's word patterns that find a stem in the text (see :class:`WordStarts`),
    or None when the gate has none or cannot tell for this text.
    """

    __slots__ = ("_gate", "_needs", "mask", "names")

    def __init__(self, mask: int, gate: LiteralGate, names: frozenset[str] | None = None) -> None:
        self.mask = mask
        self._gate = gate
        self._needs = gate._needs
        self.names = names

    def __contains__(self, pattern: re.Pattern[str]) -> bool:
        need = self._needs.get(pattern, 0)
        return self.mask & need == need

    def among(self, patterns: tuple[re.Pattern[str], ...]) -> list[re.Pattern[str]]:
        """Those of ``patterns`` that may match, in their order."""
        mask = self.mask
        return [p for p, need in self._gate.needs(patterns) if mask & need == need]


class LiteralGate:
    """Required literals of many patterns in one automaton; :meth:`scan` a text once.

    Each requirement of a pattern (:func:`required_clauses`) gets a bit; a pattern may match
    a text only when the scan found every one of its bits. A pattern the gate does not know,
    or with no requirement, is always reported as possible. ``words``: stem patterns (as for
    :class:`WordStarts`) looked up in the same scan, reported as :attr:`Scan.names`.
    """

    def __init__(
        self,
        patterns: Sequence[re.Pattern[str]],
        words: dict[str, re.Pattern[str]] | None = None,
    ) -> None:
        self._needs: dict[re.Pattern[str], int] = {}
        # needs of a tuple of patterns, by the tuple's id; the tuple is kept so its id stays its own
        self._groups: dict[int, tuple[tuple[re.Pattern[str], ...], tuple[Any, ...]]] = {}
        clause_bits: dict[frozenset[str], int] = {}
        by_literal: dict[str, int] = {}
        for pattern in dict.fromkeys(patterns):
            need = 0
            for clause in required_clauses(pattern):
                if clause not in clause_bits:
                    bit = clause_bits[clause] = 1 << len(clause_bits)
                    for lit in clause:
                        by_literal[lit] = by_literal.get(lit, 0) | bit
                need |= clause_bits[clause]
            self._needs[pattern] = need
        stems = _stems(words) if words else None
        self._words = stems is not None
        self._automaton: Any = None
        keys = set(by_literal) | set(stems or ())
        if keys:
            automaton = ahocorasick.Automaton()
            for key in keys:
                names = frozenset((stems or {}).get(key, ()))
                automaton.add_word(key, (by_literal.get(key, 0), len(key), names))
            automaton.make_automaton()
            self._automaton = automaton

    def need(self, pattern: re.Pattern[str]) -> int:
        """The bits a scan must have for ``pattern`` to be possible (0: always possible)."""
        return self._needs.get(pattern, 0)

    def needs(
        self, patterns: tuple[re.Pattern[str], ...]
    ) -> tuple[tuple[re.Pattern[str], int], ...]:
        """``(pattern, need)`` for each of ``patterns`` (cached per tuple)."""
        entry = self._groups.get(id(patterns))
        if entry is None or entry[0] is not patterns:
            entry = (patterns, tuple((p, self.need(p)) for p in patterns))
            self._groups[id(patterns)] = entry
        return entry[1]

    def scan(self, text: str) -> Scan:
        """The patterns that may match ``text``: those whose literals it contains, or none known."""
        mask = 0
        names: frozenset[str] = frozenset()
        if self._automaton is not None:
            folded = fold(text)
            for end, (bits, length, found) in self._automaton.iter(folded):
                mask |= bits
                if found:
                    start = end - length + 1
                    if start == 0 or not _is_word(folded[start - 1]):
                        names |= found
        # stems are defined on the lower-cased text, which "İ" lengthens: not this scan's text
        if not self._words or (not text.isascii() and "\u0130" in text):
            return Scan(mask, self)
        return Scan(mask, self, names)


def _is_word(c: str) -> bool:
    r"""Whether ``re`` counts ``c`` as a word character (for ``\b``)."""
    return c.isalnum() or c == "_"


def _stems(patterns: dict[str, re.Pattern[str]]) -> dict[str, set[str]] | None:
    r"""Stem to the names of the ``\b(?:stem|...)`` patterns that have it; None if not all are."""
    stems: dict[str, set[str]] = {}
    for name, pattern in patterns.items():
        source = pattern.pattern
        if not (source.startswith(r"\b(?:") and source.endswith(")")):
            return None
        if not pattern.flags & re.IGNORECASE:
            return None
        exact = exact_strings(source[2:], pattern.flags)
        if not exact or any(
            not stem or not _is_word(stem[0]) or not all(_is_word(c) or c == "-" for c in stem)
            for stem in exact
        ):
            return None
        for stem in exact:
            stems.setdefault(stem, set()).add(name)
    return stems


class WordStarts:
    r"""Which of several ``\b(?:stem|stem...)`` patterns (case-insensitive) find a stem in a text.

    Equivalent to searching each pattern in each ``[\w-]+`` word of the lower-cased text, from
    one automaton scan: a stem counts where it starts a word or follows a hyphen in one.
    """

    def __init__(self, automaton: Any) -> None:
        self._automaton = automaton

    @classmethod
    def build(cls, patterns: dict[str, re.Pattern[str]]) -> WordStarts | None:
        """The index of ``patterns`` by name; None if a pattern is not a finite list of stems."""
        stems = _stems(patterns)
        if stems is None:
            return None
        automaton = ahocorasick.Automaton()
        for stem, names in stems.items():
            automaton.add_word(stem, (len(stem), frozenset(names)))
        automaton.make_automaton()
        return cls(automaton)

    def names(self, text: str) -> frozenset[str]:
        """Names of the patterns that find a stem in ``text``."""
        # lower case as the words were; the two lower-case letters re also matches to i and s
        lowered = text.lower()
        if not lowered.isascii():
            lowered = lowered.translate(_FOLD)
        found: frozenset[str] = frozenset()
        for end, (length, names) in self._automaton.iter(lowered):
            start = end - length + 1
            if start == 0 or not _is_word(lowered[start - 1]):
                found |= names
        return found
