"""Ingest articles into the store: read, extract, dedupe and write, resumably.

The I/O edge of the news layer. Each file's articles and events are written in one
transaction, so an interrupted ingest keeps every file it finished and a rerun skips them
(articles are keyed by the hash of their text). Exact duplicates add nothing; near duplicates
(the same wire story on another site) are stored with ``duplicate_of`` set and no events, so
they are linked, not counted twice. With a Dask scheduler the reading and extraction run on the
workers and the writing stays here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from critmin.data.store import opened
from critmin.errors import CritminError, StoreError
from critmin.news.dedupe import NearDuplicates, signature
from critmin.news.extract import extract_events
from critmin.news.read import FORMATS, read_articles
from critmin.news.records import Article, Event, Quantity

log = logging.getLogger(__name__)

#: progress(done, total, current file)
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class Extracted:
    """An article with its events and MinHash signature, ready to write."""

    article: Article
    events: tuple[Event, ...]
    signature: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class FileResult:
    """What one file gave: its extracted articles, or the error that stopped it."""

    file: str
    items: tuple[Extracted, ...] = ()
    error: str = ""


@dataclass(frozen=True, slots=True)
class IngestReport:
    """Counts of what an ingest did, and the files it could not read (with why)."""

    files: int = 0
    articles: int = 0
    new: int = 0
    already_stored: int = 0
    near_duplicates: int = 0
    events: int = 0
    errors: tuple[str, ...] = field(default_factory=tuple)


def article_files(paths: Iterable[Path | str]) -> list[Path]:
    """The article files named, folders expanded recursively (known suffixes only), sorted."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS)
            )
        else:
            out.append(path)
    return out


#: Lines of a JSON Lines batch per Dask task.
PARTITION_LINES = 500


def process_file(
    path: Path | str, max_bytes: int | None = None, lines: range | None = None
) -> FileResult:
    """Read one file (or a range of lines of a JSON Lines batch) and extract its events.

    Runs on Dask workers too. Never raises for bad input: the error is returned with the
    file's name.
    """
    try:
        articles = read_articles(path, max_bytes=max_bytes, lines=lines)
        items = tuple(Extracted(a, extract_events(a), tuple(signature(a.text))) for a in articles)
    except CritminError as exc:
        return FileResult(str(path), error=str(exc))
    where = f"{path}#lines {lines.start}-{lines.stop - 1}" if lines is not None else str(path)
    return FileResult(where, items)


def partitions(files: list[Path]) -> list[tuple[Path, range | None]]:
    """Tasks for a batch: one per file, JSON Lines files split every :data:`PARTITION_LINES`."""
    tasks: list[tuple[Path, range | None]] = []
    for path in files:
        if path.suffix.lower() not in (".jsonl", ".ndjson") or not path.is_file():
            tasks.append((path, None))
            continue
        with path.open("rb") as fh:
            count = sum(1 for _ in fh)
        if count <= PARTITION_LINES:
            tasks.append((path, None))
            continue
        for start in range(1, count + 1, PARTITION_LINES):
            tasks.append((path, range(start, min(start + PARTITION_LINES, count + 1))))
    return tasks


def _write(
    con: duckdb.DuckDBPyConnection, result: FileResult, index: NearDuplicates, known: set[str]
) -> tuple[int, int, int, int]:
    """Write one file's articles in one transaction; return (new, stored, near, events)."""
    new = stored = near = events = 0
    con.execute("BEGIN")
    try:
        for item in result.items:
            a = item.article
            if a.id in known:
                stored += 1
                continue
            original = index.match(item.signature)
            con.execute(
                "INSERT INTO news_articles VALUES "
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp)",
                [a.id, a.title, a.published, a.publisher, a.url, a.source, a.format, a.text,
                 list(item.signature), original],
            )  # fmt: skip
            known.add(a.id)
            if original is not None:
                near += 1
                continue
            index.add(a.id, item.signature)
            new += 1
            for seq, e in enumerate(item.events):
                q = e.quantity
                con.execute(
                    "INSERT INTO news_events VALUES "
                    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [a.id, seq, e.type, list(e.countries), list(e.commodities),
                     list(e.companies), e.stage, q.value if q else None, q.unit if q else None,
                     q.text if q else None, e.date, e.date_basis, e.evidence, e.confidence,
                     e.sentence],
                )  # fmt: skip
                events += 1
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"writing news from {result.file} failed: {exc}") from exc
    return new, stored, near, events


def ingest(
    paths: Sequence[Path | str],
    db: Path | str,
    *,
    progress: Progress | None = None,
    scheduler: str | None = None,
    max_bytes: int | None = None,
) -> IngestReport:
    """Ingest article files and folders into the store at ``db`` (created if missing).

    Parameters
    ----------
    paths
        Files (any format the readers take, JSONL for batches) and folders.
    db
        The DuckDB store.
    progress
        Called after each file with (done, total, file).
    scheduler
        A Dask scheduler address, or ``"local"`` for a local cluster; ``None`` runs here.
    max_bytes
        Per-file size limit (default: the ``max_article_bytes`` setting).

    Returns
    -------
    IngestReport
        Unreadable files are listed in ``errors`` (file and reason); the rest is ingested.
    """
    files = article_files(paths)
    totals = [0, 0, 0, 0, 0]
    errors: list[str] = []
    with opened(db, read_only=False) as con:
        known = {r[0] for r in con.execute("SELECT id FROM news_articles").fetchall()}
        index = NearDuplicates(
            (r[0], r[1])
            for r in con.execute(
                "SELECT id, signature FROM news_articles WHERE duplicate_of IS NULL"
            ).fetchall()
        )
        for done, result in enumerate(_results(files, scheduler, max_bytes), start=1):
            if result.error:
                errors.append(result.error)
                log.warning("skipped %s", result.error)
            else:
                counts = _write(con, result, index, known)
                totals[0] += len(result.items)
                for i, n in enumerate(counts, start=1):
                    totals[i] += n
            if progress is not None:
                progress(done, max(done, len(files)), result.file)
    return IngestReport(
        files=len(files),
        articles=totals[0],
        new=totals[1],
        already_stored=totals[2],
        near_duplicates=totals[3],
        events=totals[4],
        errors=tuple(errors),
    )


def _results(
    files: list[Path], scheduler: str | None, max_bytes: int | None
) -> Iterable[FileResult]:
    if scheduler is None:
        for path in files:
            yield process_file(path, max_bytes)
        return
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=False)
        if (scheduler == "local")
        else None
    )
    client = Client(cluster if cluster is not None else scheduler)
    try:
        futures = [
            client.submit(process_file, str(p), max_bytes, lines, pure=False)
            for p, lines in partitions(files)
        ]
        for future in as_completed(futures):
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _event(row: tuple[Any, ...]) -> Event:
    (article_id, _seq, kind, countries, commodities, companies, stage, qv, qu, qt, when,
     date_basis, evidence, confidence, sentence) = row  # fmt: skip
    quantity = None
    if qv is not None:
        quantity = Quantity(float(qv), str(qu), "", str(qt or ""))
    return Event(
        type=str(kind),
        countries=tuple(countries or ()),
        commodities=tuple(commodities or ()),
        companies=tuple(companies or ()),
        stage=str(stage) if stage else None,
        quantity=quantity,
        date=str(when) if when else None,
        evidence=str(evidence),
        confidence=float(confidence or 0.0),
        article_id=str(article_id),
        sentence=int(sentence or 0),
        date_basis=str(date_basis or ""),
    )


def _must_exist(db: Path | str) -> None:
    if not Path(db).exists():
        raise StoreError(f"no store at {db}; run `critmin news ingest` or `critmin data build`")


def stored_events(
    db: Path | str,
    *,
    country: str | None = None,
    commodity: str | None = None,
    since: str | None = None,
) -> list[Event]:
    """Events in the store, filtered by country (alpha-2), commodity slug and date (ISO)."""
    where, params = [], []
    if country:
        where.append("list_contains(countries, ?)")
        params.append(country.upper())
    if commodity:
        where.append("list_contains(commodities, ?)")
        params.append(commodity)
    if since:
        where.append("date >= ?")
        params.append(since)
    sql = "SELECT * FROM news_events" + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY date NULLS LAST, article_id, seq"
    _must_exist(db)
    with opened(db, read_only=False) as con:
        return [_event(r) for r in con.execute(sql, params).fetchall()]


def stored_articles(db: Path | str, ids: Iterable[str] | None = None) -> dict[str, Article]:
    """Articles in the store by id (all, or those in ``ids``)."""
    _must_exist(db)
    with opened(db, read_only=False) as con:
        rows = con.execute(
            "SELECT id, text, title, published, publisher, url, source, format FROM news_articles"
        ).fetchall()
    wanted = set(ids) if ids is not None else None
    return {
        str(r[0]): Article(*(str(v or "") for v in r))
        for r in rows
        if wanted is None or r[0] in wanted
    }
