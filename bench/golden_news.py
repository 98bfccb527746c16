"""Dump everything the news extractor decides, to diff before and after a speed-up.

Run: ``.venv/bin/python bench/golden_news.py OUT.json`` then ``cmp`` two dumps. Not a test: a
performance change must leave the dump byte-identical, whatever the rules are at the time.

For every article file under ``tests/data/news`` (all subfolders except ``heldout7`` and
``heldout8``, kept blind) and ``examples/*.md``: the articles as read, every gazetteer mention
of text and title, every sentence's classification (type and trigger span, on the masked
sentence, as the extractor sees it) and the events with all their fields. The same again for
upper- and lower-cased copies of each text, which drive the case rules and triggers down other
paths.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

from critmin.news.extract import _masked, classify, extract_events, split_sentences
from critmin.news.gazetteer import default_gazetteer
from critmin.news.read import FORMATS, read_articles
from critmin.news.records import Article

ROOT = Path(__file__).resolve().parents[1]
BLIND = {"heldout7", "heldout8"}


def _files() -> list[Path]:
    data = ROOT / "tests" / "data" / "news"
    files = [
        p
        for p in sorted(data.rglob("*"))
        if p.is_file()
        and p.suffix.lower() in FORMATS
        and p.name != "README.md"
        and not BLIND & set(p.relative_to(data).parts)
    ]
    return files + sorted((ROOT / "examples").glob("*.md"))


def _dump_article(article: Article) -> dict[str, object]:
    gaz = default_gazetteer()
    year = int(article.published[:4]) if article.published[:4].isdigit() else None
    mentions = gaz.find(article.text, year=year)
    sentences = []
    for s in split_sentences(article.text):
        inside = [m for m in mentions if s.start <= m.start and m.end <= s.end]
        found = classify(_masked(s.text, s.start, inside, {"company", "country", "bloc"}))
        sentences.append([s.start, s.end, None if found is None else [found[0], *found[1].span()]])
    return {
        "article": dataclasses.asdict(article),
        "mentions": [dataclasses.astuple(m) for m in mentions],
        "title_mentions": [dataclasses.astuple(m) for m in gaz.find(article.title, year=year)],
        "sentences": sentences,
        "events": [repr(e) for e in extract_events(article)],
    }


def main() -> None:
    out: dict[str, object] = {}
    for path in _files():
        name = str(path.relative_to(ROOT))
        articles = read_articles(path)
        out[name] = [_dump_article(a) for a in articles]
        for variant in ("upper", "lower"):
            changed = [
                dataclasses.replace(
                    a, text=getattr(a.text, variant)(), title=getattr(a.title, variant)()
                )
                for a in articles
            ]
            out[f"{name}#{variant}"] = [_dump_article(a) for a in changed]
    Path(sys.argv[1]).write_text(json.dumps(out, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{len(out)} entries -> {sys.argv[1]}")


if __name__ == "__main__":
    main()
