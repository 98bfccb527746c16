"""The literal prefilter never skips a pattern that would match (it only saves time)."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from critmin.news import dates, extract
from critmin.news.prefilter import LiteralGate, fold, required_literals

DATA = Path(__file__).parent / "data" / "news"


def _patterns() -> list[re.Pattern[str]]:
    named = [
        v for module in (extract, dates) for v in vars(module).values() if isinstance(v, re.Pattern)
    ]
    triggers = [p for ps in extract._COMPILED.values() for p in ps]
    stages = [pattern for _, pattern in extract._STAGES]
    return [*named, *triggers, *stages, *extract._PREFILTER.values()]


GATE = LiteralGate(_patterns())


def _sound(text: str) -> None:
    may = GATE.scan(text)
    for p in _patterns():
        if p.search(text):
            assert p in may, (p.pattern, text)


def test_required_literals_examples() -> None:
    assert required_literals(re.compile(r"\bexport bans?\b", re.I)) == {
        "export ban",
        "export bans",
    }
    assert required_literals(re.compile(r"\b(?:if|unless)\b")) == {"if", "unless"}
    assert required_literals(re.compile(r"\w+")) is None
    # an optional part requires nothing; the other part still does
    assert required_literals(re.compile(r"(?:foo)?\s+bar")) == {" bar"}  # white space folds to " "
    # a branch without a requirement makes the whole alternation unknown
    assert required_literals(re.compile(r"abc|\d+")) is None


def test_unknown_pattern_always_possible() -> None:
    assert re.compile("zzz-not-in-gate") in GATE.scan("")


def test_fold_matches_ignorecase_equivalents() -> None:
    # re matches these to ASCII letters case-insensitively although str.lower does not
    assert fold("\u0130F \u017fTOP \u0131f") == "if stop if"
    assert re.search("if", "\u0130F", re.I) and re.search("stop", "\u017fTOP", re.I)


def test_sound_on_corpus_sentences() -> None:
    files = [p for p in DATA.rglob("*") if p.suffix in (".md", ".txt")]
    for path in files:
        text = path.read_text(encoding="utf-8")
        for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
            _sound(sentence)
            _sound(sentence.upper())


_VOCABULARY = (
    "if unless export exports ban banned halt exporting from the a its are were take years "
    "decades for in over past assets were frozen price prices rose fell $ € 5 million tonnes "
    "plant refinery began production opened new built is after once switch replace to with "
    "on Monday last Friday 5 March 2025 May 3 2025-01-02 yesterday today Sept. "
    "described as urged called İF ſ ı K - , . ; ' # _ not no longer allowed"
)
_WORDS = st.sampled_from(_VOCABULARY.split())


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=14), st.sampled_from([" ", "  ", "-", ""]))
def test_sound_on_generated_text(words: list[str], sep: str) -> None:
    text = sep.join(words)
    _sound(text)
    _sound(text.title())


def _stem_types_by_words(sentence: str) -> frozenset[str]:
    """The candidate types as the word-by-word search defines them."""
    found: set[str] = set()
    for word in set(extract._WORD.findall(sentence.lower())):
        found |= {t for t in extract.EVENT_TYPES if extract._PREFILTER[t].search(word)}
    return frozenset(found)


def test_stem_index_equals_word_search() -> None:
    index = extract._stem_index()
    assert index is not None
    texts = ["", "re-export bans", "the_export", "non-exporting İF", "ſuspend", "end-use", "x-halt"]
    for path in [p for p in DATA.rglob("*") if p.suffix in (".md", ".txt")]:
        texts.extend(re.split(r"(?<=[.!?])\s+|\n+", path.read_text(encoding="utf-8")))
    gate = extract._gate()
    for text in texts:
        for variant in (text, text.upper()):
            expected = _stem_types_by_words(variant)
            assert index.names(variant) == expected, variant
            assert gate.scan(variant).names in (expected, None), variant


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=14), st.sampled_from([" ", "-", "_", ""]))
def test_stem_index_on_generated_text(words: list[str], sep: str) -> None:
    index = extract._stem_index()
    assert index is not None
    text = sep.join(words)
    assert index.names(text) == _stem_types_by_words(text)
    names = extract._gate().scan(text).names
    assert names == _stem_types_by_words(text) or (names is None and "\u0130" in text)


def test_suspicious_characters_cover_ftfy_badness() -> None:
    from ftfy.badness import is_bad

    from critmin.news.clean import _SUSPICIOUS

    for text in ["â€™", "Ã© ", "donâ€™t", "вЂ", "Â ", "naïve café", "Kazakhstan — 5 €"]:
        assert not is_bad(text) or _SUSPICIOUS.search(text), text


_MOJIBAKE_ALPHABET = "aZ .,!?-\u2014\u2019\u201c\u00e9\u00c3\u00c2\u00a0\u20ac\u0432\u0402"
_MOJIBAKE = st.text(alphabet=st.sampled_from(list(_MOJIBAKE_ALPHABET)), max_size=12)


@settings(max_examples=500, deadline=None)
@given(_MOJIBAKE)
def test_suspicious_characters_never_miss_bad_text(text: str) -> None:
    from ftfy.badness import is_bad

    from critmin.news.clean import _SUSPICIOUS

    if is_bad(text):
        assert _SUSPICIOUS.search(text)
    else:
        assert not is_bad(text + "\u00c3 ") or _SUSPICIOUS.search(text + "\u00c3 ")


def _masked_by_index(s_text: str, offset: int, mentions: list, kinds: set[str]) -> str:
    """_masked as first written: character by character."""
    chars = list(s_text)
    for m in mentions:
        if m.kind in kinds:
            for i in range(m.start - offset, m.end - offset):
                if 0 <= i < len(chars) and not chars[i].isspace():
                    chars[i] = "#"
    return "".join(chars)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab #\t\u00a0")), max_size=20),
    st.integers(-5, 5),
    st.lists(
        st.tuples(
            st.integers(-8, 28), st.integers(0, 10), st.sampled_from(["country", "commodity"])
        ),
        max_size=4,
    ),
)
def test_masked_equals_character_loop(text: str, offset: int, spans: list) -> None:
    from critmin.news.records import Mention

    mentions = [Mention(a, a + n, kind, "x", "") for a, n, kind in spans]
    for kinds in ({"country"}, {"country", "bloc"}, set()):
        assert extract._masked(text, offset, mentions, kinds) == _masked_by_index(
            text, offset, mentions, kinds
        )


def test_white_space_is_what_re_calls_white_space() -> None:
    import sys

    from critmin.news.prefilter import _SPACES

    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    assert "".join(re.findall(r"\s", every)) == _SPACES
    assert "".join(c for c in every if c.isspace()) == _SPACES


def test_fold_is_lower_case_per_character() -> None:
    import sys

    for code in range(sys.maxunicode + 1):
        c = chr(code)
        if 0xD800 <= code <= 0xDFFF or c == "\u0130":
            continue
        lowered = c.lower()
        expected = " " if c.isspace() else {"\u0131": "i", "\u017f": "s"}.get(lowered, lowered)
        assert fold(c) == expected, hex(code)
        assert fold(c + "A") == expected + "a"


def test_every_trigger_is_reachable_through_its_types_stems() -> None:
    # a sentence is only tried for the types whose stems it contains: a trigger any of whose
    # matches could lack every stem of its type would never fire (a rule written and dead)
    from critmin.news.prefilter import required_clauses

    dead = []
    for t in extract.EVENT_TYPES:
        stems = extract._PREFILTER[t]
        for p in extract._COMPILED[t]:
            clauses = required_clauses(p)
            if not any(all(stems.search(lit) for lit in clause) for clause in clauses):
                dead.append((t, p.pattern[:60]))
    assert dead == []
