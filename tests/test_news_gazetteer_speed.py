"""The fast gazetteer match equals the plain algorithm it replaced (overlaps, weak names)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from critmin.news.gazetteer import (
    _COORDINATION,
    Gazetteer,
    Mention,
    _case_ok,
    _shape,
    _weak_ok,
    default_gazetteer,
    fold,
)


def reference_find(gaz: Gazetteer, text: str, year: int | None = None) -> list[Mention]:
    """Gazetteer.find as first written: global longest-first greedy over a bytearray."""
    folded = f" {fold(text)} "
    shaped = _shape(text)
    hits = []
    for end, (length, entries, direct, uniform) in gaz.automaton.iter(folded):
        start = end - length - 1
        if direct is not None:
            hits.append((-length, start, start + length, direct, entries))
            continue
        surface = shaped[start : start + length]
        if uniform:
            if _case_ok(entries[0], surface, year):
                hits.append((-length, start, start + length, entries[0], entries))
            continue
        ok = tuple(e for e in entries if _case_ok(e, surface, year))
        if ok:
            hits.append((-length, start, start + length, ok[0], ok))
    hits.sort()
    occupied = bytearray(len(text) + 1)
    taken = []
    for _, start, stop, entry, candidates in hits:
        if any(occupied[start:stop]):
            continue
        occupied[start:stop] = b"\x01" * (stop - start)
        taken.append((start, stop, entry, candidates))
    taken.sort()
    context: dict[str, bool] = {}
    kept = []
    for start, stop, entry, candidates in taken:
        if entry.surface in gaz.ambiguous:
            entry = gaz._disambiguate(entry.surface, candidates, text, context)
        kept.append((start, stop, entry, not entry.weak or _weak_ok(text, start, stop)))
    changed = True
    while changed:
        changed = False
        for i, (start, stop, entry, accepted) in enumerate(kept):
            if accepted or entry.kind != "commodity":
                continue
            for j in (i - 1, i + 1):
                if not 0 <= j < len(kept) or not kept[j][3] or kept[j][2].kind != "commodity":
                    continue
                lo, hi = (kept[j][1], start) if j < i else (stop, kept[j][0])
                if _COORDINATION.fullmatch(text[lo:hi]):
                    kept[i] = (start, stop, entry, True)
                    changed = True
                    break
    return [
        Mention(start, stop, entry.kind, entry.id, text[start:stop], entry.via)
        for start, stop, entry, accepted in kept
        # "ignore" entries ("salt flats") only shield a commodity word
        if accepted and entry.kind != "ignore"
    ]


_PIECES = [
    "tin",
    "Tin",
    "gold",
    "lead",
    "copper",
    "silver",
    "rare earth",
    "rare earths",
    "China",
    "china clay",
    "China Northern Rare Earth",
    "Niger",
    "Nigeria",
    "Georgia",
    "Atlanta",
    "US",
    "us",
    "EU",
    "Lynas",
    "Lynas Rare Earths",
    "prices",
    "mine",
    "and",
    "or",
    ",",
    ", and",
    ".",
    "-",
    "the",
    "Kazakhstan",
    "Kazakh",
    "NdPr",
    "ndpr",
    "lithium",
    "Western Australia",
    "Australia",
    "South Africa",
    "Africa",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25), st.sampled_from([" ", ", ", "-", "  "]))
def test_find_equals_reference(pieces: list[str], sep: str) -> None:
    gaz = default_gazetteer()
    text = sep.join(pieces)
    for year in (None, 2025):
        assert gaz.find(text, year=year) == reference_find(gaz, text, year)


def test_find_equals_reference_on_articles() -> None:
    from pathlib import Path

    gaz = default_gazetteer()
    data = Path(__file__).parent / "data" / "news"
    texts = [p.read_text(encoding="utf-8") for p in sorted(data.rglob("*.md"))]
    big = "\n\n".join(texts)
    assert gaz.find(big, year=2025) == reference_find(gaz, big, 2025)
    assert gaz.find(big.upper()) == reference_find(gaz, big.upper())


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_shaping_a_slice_is_slicing_the_shape(text: str, a: int, b: int) -> None:
    # shaping maps each character on its own (find shapes only the hits' slices)
    assert _shape(text)[a:b] == _shape(text[a:b])
    assert len(fold(text)) == len(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZİIıßÆØ é-,.\u0130\u1e9e\u01c5x"), max_size=40))
def test_fold_keeps_characters_that_lower_case_to_two(text: str) -> None:
    # "İ" lower-cases to two characters; fold keeps it as it is so offsets stay put
    from critmin.news.gazetteer import _blank_non_word

    reference = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    assert fold(text) == _blank_non_word(reference)
