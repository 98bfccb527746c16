"""A gazetteer of countries, blocs, commodities and companies, matched with Aho-Corasick.

Built from the catalogues (:mod:`critmin.data.catalogue`: countries with aliases, demonyms,
capitals and leaders; blocs; commodities with aliases and the rare-earth elements; companies and
agencies) plus ``lexicon.yaml`` beside this module (places, news agencies, overrides, ambiguous
names, commodity phrases).

Matching runs on a *folded* copy of the text of the same length: lower case, every non-word
character turned into a space. Keys are folded the same way and searched with a space on each
side, so every hit already sits on word boundaries and "rare-earth" matches "rare earth".
Case rules are then checked on the original text: proper names must be capitalised, acronyms
and short keys must match exactly. Overlapping hits resolve to the longest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import accumulate
from operator import itemgetter
from typing import Any

import ahocorasick
import yaml

from critmin.news.places import city_places, subdivision_places
from critmin.news.records import Mention

#: Kinds of entity, and their priority when two entries share a surface (higher wins).
KIND_PRIORITY: dict[str, int] = {"company": 4, "country": 3, "bloc": 2, "commodity": 1}

#: Context words that let a weak commodity name (lead, tin, salt...) count as a commodity.
_WEAK_CONTEXT = re.compile(
    r"\b(prices?|ore|ores|mines?|mining|miners?|producers?|produces|producing|smelters?|smelting|"
    r"refiner(?:y|ies)|concentrates?|"
    r"output|production|exports?|imports?|metals?|reserves|deposits?|tonnes|tons|ounces|"
    r"futures|market|rose|fell|climbed|jumped|slipped|gained|eased|dropped|delivery|three-month|"
    r"spot|traded|trading|lme|comex)\b",
    re.IGNORECASE,
)


def _blank_non_word(text: str) -> str:
    """Every character that is not a letter or digit to a space (length kept).

    Fast path: outside Latin-1, only punctuation (dashes, quotes) is usually left after
    cleaning; blank it with ``str.replace``, then translate the Latin-1 bytes in C.
    """
    if text.isascii():
        return text.encode("ascii").translate(_LATIN1_BLANK).decode("ascii")
    # the characters beyond Latin-1 found by one regex scan (a set of the whole text is slower)
    for c in [c for c in set(_BEYOND_LATIN1.findall(text)) if not c.isalnum()]:
        text = text.replace(c, " ")
    try:
        return text.encode("latin-1").translate(_LATIN1_BLANK).decode("latin-1")
    except UnicodeEncodeError:  # letters beyond Latin-1 (Cyrillic, CJK...): the slow path
        return text.translate({ord(c): " " for c in set(text) if not c.isalnum()})


_LATIN1_BLANK = bytes(c if chr(c).isalnum() else 32 for c in range(256))
_BEYOND_LATIN1 = re.compile(r"[^\x00-\xff]")


def fold(text: str) -> str:
    """Lower-case ``text`` and turn non-word characters into spaces, keeping its length."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lower-case to two (e.g. "İ"): kept as they are
        odd = sorted({c for c in _BEYOND_LATIN1.findall(text) if len(c.lower()) != 1})
        pieces = re.split("([" + "".join(re.escape(c) for c in odd) + "])", text)
        lowered = "".join(p if p in odd else p.lower() for p in pieces)
    return _blank_non_word(lowered)


def _shape(text: str) -> str:
    """Non-word characters to spaces, case kept (for case-sensitive comparisons)."""
    return _blank_non_word(text)


@cache
def _wanted(surface: str) -> str:
    return _shape(surface).strip()


@dataclass(frozen=True, slots=True)
class Entry:
    """One surface form of one entity."""

    surface: str
    kind: str
    id: str
    via: str = "name"
    #: "exact": the text must match ``surface`` letter for letter (acronyms, symbols, short keys);
    #: "proper": the first letter must be a capital; "any": case-insensitive
    case: str = "any"
    #: for leaders: the years the name stands for the country
    years: tuple[int, int | None] | None = None
    #: lexicon overrides beat catalogue entries for the same surface
    override: bool = False
    weak: bool = False


#: A hit: (-length, start, stop, entry, candidate entries).
_Hit = tuple[int, int, int, Entry, tuple[Entry, ...]]
_START = itemgetter(1)
_LONGEST = itemgetter(0, 1)


@dataclass(slots=True)
class Gazetteer:
    """Entries compiled into an Aho-Corasick automaton."""

    entries: list[Entry]
    ambiguous: dict[str, dict[str, Any]] = field(default_factory=dict)
    state_references: tuple[str, ...] = ()
    automaton: Any = None

    def __post_init__(self) -> None:
        table: dict[str, list[Entry]] = {}
        for entry in self.entries:
            key = fold(entry.surface).strip()
            if not key:
                continue
            table.setdefault(key, []).append(entry)
        automaton = ahocorasick.Automaton()
        for key, entries in table.items():
            # preference order: lexicon overrides, then companies > countries > blocs > commodities
            ranked = tuple(
                sorted(entries, key=lambda e: (not e.override, -KIND_PRIORITY.get(e.kind, 0)))
            )
            free = all(e.case == "any" and e.years is None for e in ranked)
            ambiguous = any(e.surface in self.ambiguous for e in ranked)
            direct = ranked[0] if free and not ambiguous else None
            # one case check answers for all entries when they share the rule and surface
            uniform = all(
                e.case == ranked[0].case and e.years is None and e.surface == ranked[0].surface
                for e in ranked
            )
            automaton.add_word(f" {key} ", (len(key), ranked, direct, uniform))
        automaton.make_automaton()
        self.automaton = automaton

    def find(self, text: str, *, year: int | None = None) -> list[Mention]:
        """All entity mentions in ``text``, longest-first, without overlaps, in text order.

        Parameters
        ----------
        text
            Cleaned text (see :func:`critmin.news.clean.clean_text`).
        year
            The article's year; leaders' names count only for the years they held office.
        """
        folded = f" {fold(text)} "
        # (-length, start, stop, entry, candidates): sorts longest first, then leftmost; two
        # hits never tie on (length, start), so entries are never compared
        hits: list[_Hit] = []
        append = hits.append
        for end, (length, entries, direct, uniform) in self.automaton.iter(folded):
            # the key sits between the two padding spaces; offsets in ``text`` are one less
            start = end - length - 1
            if direct is not None:
                append((-length, start, start + length, direct, entries))
                continue
            # shaping maps each character on its own, so shaping the hit's slice equals slicing
            # the shaped text, and costs less than shaping the whole text
            surface = _shape(text[start : start + length])
            if uniform:
                if _case_ok(entries[0], surface, year):
                    append((-length, start, start + length, entries[0], entries))
                continue
            ok = tuple(e for e in entries if _case_ok(e, surface, year))
            if ok:
                append((-length, start, start + length, ok[0], ok))
        context: dict[str, bool] = {}
        ambiguous = self.ambiguous
        mentions: list[Mention] = []
        rejected: list[int] = []  # weak names without commodity context, by index
        for _, start, stop, entry, candidates in _longest_first(hits):
            if entry.surface in ambiguous:
                entry = self._disambiguate(entry.surface, candidates, text, context)
            if entry.weak and not _weak_ok(text, start, stop):
                rejected.append(len(mentions))
            mentions.append(Mention(start, stop, entry.kind, entry.id, text[start:stop], entry.via))
        if not rejected:
            return mentions
        accepted = [True] * len(mentions)
        for i in rejected:
            accepted[i] = False
        # a weak name coordinated with a commodity ("copper, gold, silver and tin") is one too
        changed = True
        while changed:
            changed = False
            for i in rejected:
                m = mentions[i]
                if accepted[i] or m.kind != "commodity":
                    continue
                for j in (i - 1, i + 1):
                    if not 0 <= j < len(mentions) or not accepted[j]:
                        continue
                    n = mentions[j]
                    if n.kind != "commodity":
                        continue
                    lo, hi = (n.end, m.start) if j < i else (m.end, n.start)
                    if _COORDINATION.fullmatch(text[lo:hi]):
                        accepted[i] = True
                        changed = True
                        break
        # "ignore" entries ("salt flats") only shield a commodity word from matching
        return [m for m, ok in zip(mentions, accepted, strict=True) if ok and m.kind != "ignore"]

    def _disambiguate(
        self, surface: str, entries: tuple[Entry, ...], text: str, context: dict[str, bool]
    ) -> Entry:
        rule = self.ambiguous[surface]
        chosen = str(rule.get("default", ""))
        for code, words in (rule.get("context") or {}).items():
            for w in words:
                if w not in context:
                    context[w] = w in text
            if any(context[w] for w in words):
                chosen = str(code)
                break
        for e in entries:
            if e.id == chosen:
                return e
        return Entry(surface, "country", chosen, via="name", case="proper")


def _longest_first(hits: list[_Hit]) -> list[_Hit]:
    """Hits without overlaps, in text order: longest first, then leftmost, wins.

    Greedy over all hits sorted by (-length, start). Hits in different runs of overlapping
    spans never meet, so the greedy choice runs per run; a hit overlapping nothing is kept
    without sorting (most hits, in news text).
    """
    hits.sort(key=_START)  # starts differ between hits of one length
    reach = list(accumulate([h[2] for h in hits], max))
    # where a run of overlapping spans ends: the next hit starts at or after every stop so far
    cuts = [i for i in range(1, len(hits)) if hits[i][1] >= reach[i - 1]]
    if len(cuts) == len(hits) - 1:
        return hits
    taken: list[_Hit] = []
    a = 0
    for b in (*cuts, len(hits)):
        if b - a == 1:
            taken.append(hits[a])
        else:
            chosen: list[_Hit] = []
            for hit in sorted(hits[a:b], key=_LONGEST):
                if all(hit[2] <= c[1] or hit[1] >= c[2] for c in chosen):
                    chosen.append(hit)
            chosen.sort(key=_START)
            taken.extend(chosen)
        a = b
    return taken


def _case_ok(entry: Entry, surface: str, year: int | None) -> bool:
    if entry.years is not None and year is not None:
        start, end = entry.years
        if year < start or (end is not None and year > end):
            return False
    if entry.case == "exact":
        wanted = _wanted(entry.surface)
        return surface == wanted or surface == wanted + "s"
    if entry.case == "proper":
        return surface[:1].isupper() or surface[:1].isdigit()
    return True


#: What separates the members of a list: "copper, gold, silver and tin".
_COORDINATION = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s*")


def _weak_ok(text: str, start: int, stop: int) -> bool:
    window = text[max(0, start - 40) : stop + 40]
    return bool(_WEAK_CONTEXT.search(window))


def _case_for(surface: str, kind: str) -> str:
    letters = [c for c in surface if c.isalpha()]
    if not letters:
        return "exact"
    if len(surface) <= 3 or (len(letters) > 1 and all(c.isupper() for c in letters)):
        return "exact"
    if kind == "commodity":
        # mixed-case trade names (NdPr) keep their case; ordinary words do not
        return "exact" if any(c.isupper() for c in surface[1:]) else "any"
    return "proper"


def _surnames(name: str) -> list[str]:
    parts = name.replace("-", " ").split()
    if len(parts) >= 2 and len(parts[-1]) >= 5:
        return [parts[-1]]
    return []


@cache
def lexicon() -> dict[str, Any]:
    """The news lexicon (``lexicon.yaml``)."""
    text = resources.files("critmin.news").joinpath("lexicon.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return data if isinstance(data, dict) else {}


def _catalogue_entries() -> Iterable[Entry]:
    from critmin.data.catalogue import blocs, commodities, countries
    from critmin.data.catalogue.companies import companies

    lex = lexicon()
    for c in countries():
        for name in (c.name, *c.aliases):
            if "," in name or "(" in name:
                continue
            yield Entry(name, "country", c.alpha2, "name", _case_for(name, "country"))
        for name in c.demonyms:
            yield Entry(name, "country", c.alpha2, "demonym", _case_for(name, "country"))
        for name in c.capitals:
            yield Entry(name, "country", c.alpha2, "capital", _case_for(name, "country"))
        for leader, start, end in c.leaders:
            for name in (leader, *_surnames(leader)):
                yield Entry(name, "country", c.alpha2, "leader", "proper", (start, end))
    for b in blocs():
        for name in (b.code, b.name, *b.aliases):
            yield Entry(name, "bloc", b.code, "name", _case_for(name, "bloc"))
    symbols = set(lex.get("symbols") or ())
    weak = {w.casefold() for w in lex.get("weak_commodities") or ()}
    seen: set[str] = set()
    for m in commodities():
        names = [*m.aliases, *(label for label in m.publisher_labels if "(" not in label)]
        if "(" in m.name:
            names.append(m.name.split("(")[0].strip())
        else:
            names.append(m.name)
        for name in names:
            if len(name) <= 2 and name not in symbols:
                continue
            key = name.casefold()
            if key in seen and "(" in m.name:
                continue
            seen.add(key)
            # a weak name ("Tin") already needs commodity context, so its case is free too
            case = "any" if key in weak and name[1:].islower() else _case_for(name, "commodity")
            yield Entry(name, "commodity", m.slug, "name", case, weak=key in weak)
            if case == "any" and not key.endswith("s") and " " in key:
                yield Entry(name + "s", "commodity", m.slug, "name", case, weak=key in weak)
        if m.symbol and m.symbol in symbols:
            yield Entry(m.symbol, "commodity", m.slug, "symbol", "exact")
    for co in companies():
        for name in (co.name, *co.aliases):
            if co.kind == "agency":
                yield Entry(name, "company", co.id, "agency", _case_for(name, "company"))
            else:
                yield Entry(name, "company", co.id, "company", _case_for(name, "company"))


def _lexicon_entries() -> Iterable[Entry]:
    lex = lexicon()
    for code, names in (lex.get("places") or {}).items():
        for name in names:
            yield Entry(name, "country", code, "place", _case_for(name, "country"))
    for code, names in (lex.get("agencies") or {}).items():
        for name in names:
            yield Entry(name, "country", code, "agency", _case_for(name, "country"), override=True)
    overrides = lex.get("overrides") or {}
    for code, names in (overrides.get("countries") or {}).items():
        for name in names:
            yield Entry(name, "country", code, "name", _case_for(name, "country"), override=True)
    for code, names in (overrides.get("blocs") or {}).items():
        for name in names:
            yield Entry(name, "bloc", code, "name", _case_for(name, "bloc"), override=True)
    for code, names in (lex.get("demonyms") or {}).items():
        for name in names:
            yield Entry(name, "country", code, "demonym", _case_for(name, "country"))
    for name, (code, start, end) in (lex.get("leaders") or {}).items():
        yield Entry(name, "country", code, "leader", "proper", (int(start), end))
    for name in lex.get("not_commodities") or ():
        yield Entry(name, "ignore", name, "name", "any", override=True)
    for slug, names in (lex.get("commodities") or {}).items():
        for name in names:
            yield Entry(
                name, "commodity", slug, "name", _case_for(name, "commodity"), override=True
            )


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer built from the catalogues and the news lexicon (built once, cached)."""
    lex = lexicon()
    entries = [*_catalogue_entries(), *_lexicon_entries()]
    # provinces and states (ISO 3166-2) where no catalogue or lexicon entry claims the name
    taken = [e.surface for e in entries]
    stopwords = lex.get("place_stopwords") or ()
    entries += [
        Entry(name, "country", code, "region", "proper")
        for name, code in subdivision_places(taken, stopwords)
    ]
    taken += [e.surface for e in entries[len(taken) :]]
    # towns and cities (GeoNames): used as places only in a place's context (critmin.news.places)
    entries += [
        Entry(name, "country", code, "city", "proper")
        for name, code in city_places(taken, stopwords)
    ]
    return Gazetteer(
        entries=entries,
        ambiguous=dict(lex.get("ambiguous") or {}),
        state_references=tuple(lex.get("state_references") or ()),
    )


def patterns() -> list[dict[str, str]]:
    """The gazetteer as spaCy EntityRuler phrase patterns (for the benchmark baseline)."""
    return [
        {"label": e.kind.upper(), "pattern": e.surface, "id": e.id}
        for e in default_gazetteer().entries
    ]
