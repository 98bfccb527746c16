"""Front matter of Markdown articles: plain ``key: value`` lines read without the YAML parser.

PyYAML, even with libyaml, costs about as much per article as matching its text. Almost all
front matter is a few lines of ``key: plain value``; for that shape :func:`load` builds the
dict PyYAML would, typing each value with PyYAML's own implicit resolvers (so ``2025-09-08``
is a ``date`` and ``yes`` would be a bool), or double-quoted without escapes. Anything else
(single quotes, escapes, lists, comments, several lines, numbers, booleans, timestamps with a
time) goes to :func:`yaml.load`, which also raises the errors. Pure: text in, the loaded value out.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

#: libyaml's safe loader when available
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = Resolver()
_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
#: one line: a word key, a colon, spaces, a value that is a one-line plain scalar
_LINE = re.compile(r"([A-Za-z][A-Za-z0-9_]*):[ ]+([^-?:,\[\]{}#&*!|>'\"%@`\s][^\t\[\]{}]*)")
#: the same with a double-quoted value without escapes: always a string, taken as it is
_QUOTED = re.compile(r'([A-Za-z][A-Za-z0-9_]*):[ ]+"([^"\\\t]*)"[ ]*')
_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")


def _plain(value: str) -> Any:
    """The value PyYAML gives a one-line plain scalar, or ``...`` when it is not handled here."""
    tag = _RESOLVER.resolve(ScalarNode, value, (True, False))
    if tag == _STR:
        return value
    if tag == _TIMESTAMP:
        date = _DATE.fullmatch(value)
        if date:  # a date without a time: what SafeConstructor returns for it
            try:
                return dt.date(int(date[1]), int(date[2]), int(date[3]))
            except ValueError:  # PyYAML raises it, after any syntax error in later lines
                return ...
    return ...


def _simple(text: str) -> dict[str, Any] | None:
    """The mapping of ``key: value`` lines, or None when the text is not only such lines."""
    out: dict[str, Any] = {}
    for line in text.split("\n"):
        quoted = _QUOTED.fullmatch(line)
        if quoted is not None and quoted[2].isprintable() and _plain(quoted[1]) == quoted[1]:
            out[quoted[1]] = quoted[2]
            continue
        m = _LINE.fullmatch(line)
        if m is None:
            return None
        key, value = m[1], m[2].rstrip(" ")
        # what ends or breaks a plain scalar, or would make the line something else
        if ": " in value or " #" in value or value.endswith(":") or not value.isprintable():
            return None
        if _plain(key) != key:
            return None
        loaded = _plain(value)
        if loaded is ...:
            return None
        out[key] = loaded
    return out or None


def load(text: str) -> Any:
    """Load YAML front matter: the fast path for plain ``key: value`` lines, else PyYAML."""
    simple = _simple(text)
    if simple is not None:
        return simple
    return yaml.load(text, Loader=_YAML_LOADER)
