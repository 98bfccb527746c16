"""Check that every number in a rendered brief carries a footnote that exists.

Used by the brief before it writes ``brief.html`` and by the tests: a digit in visible text
must sit inside an element with a ``data-fn`` attribute naming an entry of the footnote
list (``<ol id="footnotes">``), which itself is exempt.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_DIGIT = re.compile(r"\d")
_VOID = {"meta", "link", "br", "img", "hr", "input", "rect", "path", "line", "circle"}


class _Walker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, bool]] = []  # tag, data-fn, exempt
        self.ids: set[str] = set()
        self.refs: set[str] = set()
        self.bare: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(str(a["id"]))
        fn = a.get("data-fn")
        if fn:
            self.refs.add(fn)
        exempt = tag in ("style", "script") or a.get("id") == "footnotes"
        if tag in _VOID:
            return
        self.stack.append((tag, fn, exempt))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(str(a["id"]))
        if a.get("data-fn"):
            self.refs.add(str(a["data-fn"]))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if not _DIGIT.search(data):
            return
        if any(fn or exempt for _, fn, exempt in self.stack):
            return
        self.bare.append(data.strip()[:80])


def unfootnoted_numbers(html: str) -> list[str]:
    """Text fragments with digits that carry no footnote, and footnote ids that do not exist."""
    walker = _Walker()
    walker.feed(html)
    walker.close()
    problems = [f"number without a footnote: {text!r}" for text in walker.bare]
    missing = sorted(walker.refs - walker.ids)
    problems += [f"footnote {ref!r} is cited but not listed" for ref in missing]
    return problems
