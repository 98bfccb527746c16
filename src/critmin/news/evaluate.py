"""Precision, recall and F1 of the extractor against a labelled set of articles.

A labelled set is a folder of articles (any format :func:`~critmin.news.read.read_articles`
reads) each with ``NAME.labels.yaml`` beside it listing the expected events. An extracted
event counts as correct when its type, country set and commodity set all equal a labelled
event's (each labelled event matches at most once).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from critmin.errors import DataError
from critmin.news.extract import extract_events
from critmin.news.read import FORMATS, read_articles
from critmin.news.records import EVENT_TYPES

Key = tuple[str, frozenset[str], frozenset[str]]


@dataclass(frozen=True, slots=True)
class Scores:
    """Counts and scores for one event type (or ``overall``)."""

    type: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        """Tp / (tp + fp); 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Tp / (tp + fn); 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """What went right and wrong on one article."""

    file: str
    expected: tuple[Key, ...]
    predicted: tuple[Key, ...]
    missed: tuple[Key, ...]
    spurious: tuple[Key, ...]
    #: the sentence behind each false alarm, in the order of ``spurious``
    spurious_evidence: tuple[str, ...] = ()

    def errors(self) -> list[dict[str, object]]:
        """Misses and false alarms as plain rows.

        Each row has the file, the kind of error, the type, countries, commodities and, for a
        false alarm, the sentence it came from.
        """

        def row(kind: str, key: Key, evidence: str = "") -> dict[str, object]:
            return {
                "file": self.file,
                "error": kind,
                "type": key[0],
                "countries": sorted(key[1]),
                "commodities": sorted(key[2]),
                "evidence": evidence,
            }

        return [row("missed", k) for k in self.missed] + [
            row("false alarm", k, e)
            for k, e in zip(self.spurious, self.spurious_evidence, strict=True)
        ]


@dataclass(frozen=True, slots=True)
class Report:
    """Scores per type and overall, and the per-article detail."""

    per_type: tuple[Scores, ...]
    overall: Scores
    articles: tuple[ArticleResult, ...] = field(default_factory=tuple)

    def errors(self) -> list[dict[str, object]]:
        """Every miss and false alarm, article by article (for ``news evaluate --errors``)."""
        return [row for a in self.articles for row in a.errors()]

    def to_dict(self, *, errors: bool = False) -> dict[str, object]:
        """Plain dict for JSON; with ``errors``, the misses and false alarms too."""

        def row(s: Scores) -> dict[str, object]:
            return {
                "type": s.type,
                "tp": s.tp,
                "fp": s.fp,
                "fn": s.fn,
                "precision": round(s.precision, 3),
                "recall": round(s.recall, 3),
                "f1": round(s.f1, 3),
            }

        out: dict[str, object] = {
            "articles": len(self.articles),
            "per_type": [row(s) for s in self.per_type],
            "overall": row(self.overall),
        }
        if errors:
            out["errors"] = self.errors()
        return out


def _key(raw: dict[str, object], file: str) -> Key:
    try:
        kind = str(raw["type"])
        countries = frozenset(str(c) for c in raw.get("countries") or [])  # type: ignore[attr-defined]
        commodities = frozenset(str(c) for c in raw.get("commodities") or [])  # type: ignore[attr-defined]
    except (KeyError, TypeError, AttributeError) as exc:
        raise DataError(f"malformed label: {raw!r}", file=file) from exc
    if kind not in EVENT_TYPES:
        raise DataError(f"unknown event type {kind!r}", file=file)
    return (kind, countries, commodities)


def load_labels(path: Path) -> tuple[Key, ...]:
    """The expected events of one labels file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"cannot read labels: {exc}", file=str(path)) from exc
    events = data.get("events") or [] if isinstance(data, dict) else []
    return tuple(_key(e, str(path)) for e in events)


def labelled_articles(folder: Path | str) -> list[tuple[Path, Path]]:
    """(article, labels) pairs under ``folder``, recursively, sorted by path."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DataError("not a folder", file=str(folder))
    pairs = []
    for labels in sorted(folder.rglob("*.labels.yaml")):
        stem = labels.name[: -len(".labels.yaml")]
        candidates = [p for p in labels.parent.glob(f"{stem}.*") if p.suffix.lower() in FORMATS]
        candidates = [p for p in candidates if not p.name.endswith(".labels.yaml")]
        if not candidates:
            raise DataError("labels file without an article beside it", file=str(labels))
        pairs.append((candidates[0], labels))
    return pairs


def score(pairs: list[tuple[tuple[Key, ...], tuple[Key, ...]]]) -> tuple[Scores, ...]:
    """Scores per type and overall (last) from (expected, predicted) key lists; pure."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for expected, predicted in pairs:
        remaining = Counter(expected)
        for key in predicted:
            if remaining[key] > 0:
                remaining[key] -= 1
                tp[key[0]] += 1
            else:
                fp[key[0]] += 1
        for key, n in remaining.items():
            fn[key[0]] += n
    types = [t for t in EVENT_TYPES if tp[t] or fp[t] or fn[t]]
    rows = [Scores(t, tp[t], fp[t], fn[t]) for t in types]
    rows.append(Scores("overall", sum(tp.values()), sum(fp.values()), sum(fn.values())))
    return tuple(rows)


def evaluate(folder: Path | str) -> Report:
    """Run the extractor on every labelled article under ``folder`` and score it."""
    results = []
    pairs = []
    for article_path, labels_path in labelled_articles(folder):
        expected = load_labels(labels_path)
        events = [e for article in read_articles(article_path) for e in extract_events(article)]
        predicted = [e.key for e in events]
        pairs.append((expected, tuple(predicted)))
        remaining = Counter(expected)
        spurious = []
        evidence = []
        for e in events:
            if remaining[e.key] > 0:
                remaining[e.key] -= 1
            else:
                spurious.append(e.key)
                evidence.append(e.evidence)
        missed = [k for k, n in remaining.items() for _ in range(n)]
        results.append(
            ArticleResult(
                file=str(article_path),
                expected=expected,
                predicted=tuple(predicted),
                missed=tuple(missed),
                spurious=tuple(spurious),
                spurious_evidence=tuple(evidence),
            )
        )
    rows = score(pairs)
    return Report(per_type=rows[:-1], overall=rows[-1], articles=tuple(results))
