"""Benchmark the news pipeline and the gazetteer against spaCy's EntityRuler; print markdown.

Run: ``.venv/bin/python bench/bench_news.py [--mb 8]`` (needs the ``bench`` extra for spaCy:
``pip install -e '.[bench]'``; a blank ``spacy.blank("en")`` pipeline, no model). Never
asserted in tests.

What it measures, on one core (the process is pinned to one CPU), in the same run:

- the whole extraction pipeline per article (decode, clean with ftfy, parse, gazetteer,
  sentences, triggers, dates, quantities): MB/s of article text and articles/s;
- gazetteer matching alone (:meth:`Gazetteer.find`) over a large text: MB/s;
- spaCy ``blank("en")`` + ``EntityRuler`` with the very same phrase patterns
  (:func:`critmin.news.gazetteer.patterns`, matched on ``LOWER``): MB/s over the same text,
  and the ratios.

The corpus is the labelled set under ``tests/data/news`` (our own wording), repeated to the
requested size. Times are the best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import time
from pathlib import Path

from critmin.news.extract import extract_events
from critmin.news.gazetteer import default_gazetteer, patterns
from critmin.news.read import FORMATS, parse_bytes

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "news"
#: held-out batches still waiting for their first (blind) run: never read, not even for timing
BLIND: set[str] = set()  # none now: every batch has had its first run


def _pin() -> str:
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        return f"pinned to CPU {min(os.sched_getaffinity(0))}"
    except (AttributeError, OSError):
        return "not pinned"


def _machine() -> str:
    uname = " ".join(platform.uname())
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
        lscpu = "\n".join(lscpu.splitlines()[:10])
    except OSError:
        lscpu = "(lscpu unavailable)"
    return f"{uname}\n{lscpu}"


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=8.0, help="corpus size for matching [MB]")
    parser.add_argument("--articles", type=int, default=2000, help="articles for the pipeline")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pinned = _pin()

    files = sorted(p for p in DATA.rglob("*") if p.suffix.lower() in FORMATS and p.is_file())
    files = [p for p in files if p.name != "README.md" and not BLIND & set(p.parts)]
    raw = [(p.read_bytes(), FORMATS[p.suffix.lower()]) for p in files]
    batch = [raw[i % len(raw)] for i in range(args.articles)]
    texts = [a.text for b, f in raw for a in parse_bytes(b, fmt=f)]
    one = "\n\n".join(texts)
    big = (one + "\n\n") * max(1, int(args.mb * 1e6 / len(one.encode())))
    big_mb = len(big.encode()) / 1e6

    gaz = default_gazetteer()  # built once, outside the timings
    extract_events(texts[0])

    def pipeline() -> int:
        n = 0
        for data, fmt in batch:
            for article in parse_bytes(data, fmt=fmt):
                n += len(extract_events(article))
        return n

    pipeline_mb = sum(len(b) for b, _ in batch) / 1e6
    t_pipe = _best(pipeline, args.repeat)
    t_gaz = _best(lambda: gaz.find(big), args.repeat)
    ours = len(gaz.find(big))

    rows = [
        ("pipeline (read+clean+extract), critmin", f"{pipeline_mb / t_pipe:.2f} MB/s",
         f"{args.articles / t_pipe:,.0f} articles/s"),
        ("gazetteer matching, critmin (pyahocorasick)", f"{big_mb / t_gaz:.1f} MB/s",
         f"{ours:,} mentions in {big_mb:.1f} MB"),
    ]  # fmt: skip
    try:
        import spacy
    except ImportError:
        spacy = None
    if spacy is not None:
        nlp = spacy.blank("en")
        nlp.max_length = max(nlp.max_length, len(big) + 1)
        ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
        ruler.add_patterns(patterns())
        sample = big[: max(len(one), len(big) // 4)]
        sample_mb = len(sample.encode()) / 1e6
        chunks = sample.split("\n\n")
        t_spacy = _best(lambda: list(nlp.pipe(chunks, batch_size=256)), max(1, args.repeat - 1))
        theirs = sum(len(d.ents) for d in nlp.pipe(chunks, batch_size=256))
        spacy_mbs = sample_mb / t_spacy
        rows.append(
            (f"spaCy {spacy.__version__} blank('en') + EntityRuler, same patterns",
             f"{spacy_mbs:.2f} MB/s", f"{theirs:,} entities in {sample_mb:.1f} MB")
        )  # fmt: skip
        rows.append(("ratio: gazetteer / spaCy", f"{(big_mb / t_gaz) / spacy_mbs:.1f}x", ""))
        rows.append(
            ("ratio: whole critmin pipeline / spaCy matching alone",
             f"{(pipeline_mb / t_pipe) / spacy_mbs:.1f}x", "")
        )  # fmt: skip
    else:
        rows.append(("spaCy", "not installed (pip install -e '.[bench]')", ""))

    print(f"### News pipeline ({dt.date.today().isoformat()})\n")
    print("```\n" + _machine() + "\n```\n")
    print(f"Python {platform.python_version()}, {pinned}; corpus: {len(files)} labelled "
          f"articles (tests/data/news) repeated; best of {args.repeat}.\n")  # fmt: skip
    print("| what | throughput | note |\n|---|---|---|")
    for what, speed, note in rows:
        print(f"| {what} | {speed} | {note} |")


if __name__ == "__main__":
    main()
