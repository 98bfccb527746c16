"""Front matter: the fast path gives what PyYAML gives, or leaves the text to PyYAML."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from critmin.news import frontmatter

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _same(text: str) -> None:
    try:
        expected = yaml.load(text, Loader=_LOADER)
    except (yaml.YAMLError, ValueError) as exc:
        with pytest.raises(type(exc)):
            frontmatter.load(text)
        return
    got = frontmatter.load(text)
    assert got == expected and type(got) is type(expected), text
    if isinstance(got, dict):
        assert [type(v) for v in got.values()] == [type(v) for v in expected.values()]


def test_typical_front_matter() -> None:
    text = "title: Tokayev orders launch\npublished: 2025-09-08\npublisher: Interfax-Kazakhstan"
    assert frontmatter._simple(text) == {
        "title": "Tokayev orders launch",
        "published": dt.date(2025, 9, 8),
        "publisher": "Interfax-Kazakhstan",
    }
    _same(text)
    _same('title: "Explainer: antimony"\npublished: 2024-08-02')


@pytest.mark.parametrize(
    "text",
    [
        "title: yes",
        "title: No",
        "title: null",
        "title: 2025",
        "title: 1.5",
        "title: 12:30",
        "title: 2025-02-30",
        "title: 2025-1-5",
        "published: 2025-09-08 10:00:00",
        "title: a: b",
        "title: a #comment",
        "title: ends:",
        "title: 'quoted'",
        'title: "esc\\"aped"',
        "on: x",
        "title: x\n  continued",
        "title: x\n\npublished: 2025-01-01",
        "title: x\ntitle: y",
        "title: ~",
        "title: .inf",
        "title: <<",
        "title: =",
        "title: Kazakhstan's rare earths",
        "url: https://example.com/a#b?c=d",
        "title: tab\there",
        "title: x\r",
        "title: \u2028x",
        "- a\n- b",
        "",
    ],
)
def test_edge_cases_match_pyyaml(text: str) -> None:
    _same(text)


_VALUE = st.text(
    alphabet=st.sampled_from(list("aZy0129-:#'\" .,!?&*[]{}|>%@`_/~\u00e9\u2014\\\t")), max_size=12
)
_VALUES = st.one_of(
    _VALUE,
    _VALUE.map(lambda v: f'"{v}"'),
    st.dates().map(str),
    st.from_regex(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", fullmatch=True),
)
_KEY = st.sampled_from(["title", "published", "date", "on", "yes", "x1", "url"])


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(_KEY, _VALUES, st.sampled_from([": ", ":  ", ":"])), max_size=4))
def test_generated_front_matter_matches_pyyaml(lines: list[tuple[str, str, str]]) -> None:
    _same("\n".join(f"{k}{sep}{v}" for k, v, sep in lines))
