"""Footnotes: every number in a brief points at a source or an assumption.

A brief is a JSON-ready dict. Numbers in it are ``{"value": v, "unit": u, "fn": id}`` cells;
``fn`` names an entry of the brief's ``footnotes`` list, which is either a source (publisher,
title, table) or an assumption (with its reasoning) or a computation (what it was derived
from). The renderers refuse a number whose footnote does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Notes:
    """Assigns stable footnote ids (``n1``, ``n2``...) in order of first use."""

    entries: list[dict[str, Any]] = field(default_factory=list)
    _by_key: dict[str, str] = field(default_factory=dict)

    def _add(self, key: str, entry: dict[str, Any]) -> str:
        if key in self._by_key:
            return self._by_key[key]
        fid = f"n{len(self.entries) + 1}"
        self._by_key[key] = fid
        self.entries.append({"id": fid, **entry})
        return fid

    def source(self, source: dict[str, Any]) -> str:
        """A footnote for a source record (``id``, ``publisher``, ``title``, ``year``...)."""
        return self._add(
            f"source:{source['id']}",
            {
                "kind": "source",
                "source_id": source["id"],
                "text": (
                    f"{source.get('publisher', '')}, {source.get('title', '')} "
                    f"({source.get('year', '')}), {source.get('table', '')}."
                ).strip(),
                "url": source.get("url", ""),
                "basis": source.get("basis", "reported"),
            },
        )

    def article(self, article: Any) -> str:
        """A footnote for a news article (:class:`critmin.news.Article`) cited as evidence."""
        year = (article.published or "")[:4]
        return self.source(
            {
                "id": f"article:{article.id}",
                "publisher": article.publisher or "publisher not stated",
                "title": f"“{article.title}”" if article.title else "untitled article",
                "year": year or "undated",
                "table": f"article, published {article.published or 'date not stated'}",
                "url": article.url,
                "basis": "reported",
            }
        )

    def assumption(self, key: str, text: str, *, basis: str = "assumption") -> str:
        """A footnote for one of our assumptions (or a recalled figure), with its reasoning."""
        return self._add(f"{basis}:{key}", {"kind": basis, "text": text, "basis": basis})

    def computed(self, key: str, text: str, depends_on: list[str]) -> str:
        """A footnote for a derived number: how it was computed and from which footnotes."""
        return self._add(
            f"computed:{key}",
            {"kind": "computed", "text": text, "depends_on": sorted(set(depends_on)),
             "basis": "computed"},
        )


def cell(value: float | int | None, unit: str, fn: str) -> dict[str, Any]:
    """A number with its unit and footnote id."""
    return {"value": value, "unit": unit, "fn": fn}
