"""Ingest into the store: idempotent, near-duplicates linked, resumable, kept across rebuilds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from critmin.data.store import StoreContents, opened, replace_store
from critmin.news.ingest import ingest, stored_articles, stored_events

DATA = Path(__file__).parent / "data" / "news" / "dev"


def _copy(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(DATA / name, folder / name)
    return folder


def _counts(db: Path) -> tuple[int, int]:
    with opened(db, read_only=False) as con:
        a = con.execute("SELECT count(*) FROM news_articles").fetchone()
        e = con.execute("SELECT count(*) FROM news_events").fetchone()
    assert a is not None and e is not None
    return int(a[0]), int(e[0])


def test_ingest_then_reingest_adds_nothing(tmp_path: Path):
    folder = _copy(
        tmp_path,
        "d01-kazakhstan-rare-earth-enterprises.md",
        "d02-china-gallium-germanium-controls.md",
    )
    db = tmp_path / "store.duckdb"
    first = ingest([folder], db)
    assert (first.files, first.new, first.events) == (2, 2, 3)
    counts = _counts(db)
    again = ingest([folder], db)
    assert (again.new, again.already_stored, again.events) == (0, 2, 0)
    assert _counts(db) == counts


def test_near_duplicate_wire_story_is_linked_not_counted(tmp_path: Path):
    folder = _copy(tmp_path, "d02-china-gallium-germanium-controls.md")
    text = (DATA / "d02-china-gallium-germanium-controls.md").read_text()
    (folder / "syndicated.md").write_text(
        text.replace("Example Trade Wire", "Another Site").replace("BEIJING", "Beijing")
        + "\nReporting by a second desk.\n"
    )
    db = tmp_path / "store.duckdb"
    report = ingest([folder], db)
    assert (report.new, report.near_duplicates) == (1, 1)
    with opened(db, read_only=False) as con:
        rows = con.execute(
            "SELECT id, duplicate_of FROM news_articles ORDER BY duplicate_of NULLS FIRST"
        ).fetchall()
    assert rows[1][1] == rows[0][0]
    assert len(stored_events(db)) == 1


def test_bad_files_are_reported_and_the_rest_ingested(tmp_path: Path):
    folder = _copy(tmp_path, "d01-kazakhstan-rare-earth-enterprises.md")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "empty.md").write_bytes(b"")
    (folder / "bad.jsonl").write_text("{not json}\n")
    report = ingest([folder], tmp_path / "store.duckdb")
    assert report.new == 1
    assert len(report.errors) == 2
    assert any("binary.txt" in e for e in report.errors)
    assert any("bad.jsonl:1" in e for e in report.errors)


def test_interrupted_ingest_keeps_finished_files_and_resumes(tmp_path: Path):
    names = ["d01-kazakhstan-rare-earth-enterprises.md", "d02-china-gallium-germanium-controls.md",
             "d03-china-graphite-controls.txt"]  # fmt: skip
    folder = _copy(tmp_path, *names)
    db = tmp_path / "store.duckdb"

    def stop_after_first(done: int, total: int, file: str) -> None:
        if done == 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest([folder], db, progress=stop_after_first)
    assert _counts(db)[0] == 1
    resumed = ingest([folder], db)
    assert (resumed.already_stored, resumed.new) == (1, 2)
    assert _counts(db)[0] == 3


def test_jsonl_batch_and_filters(tmp_path: Path):
    batch = tmp_path / "batch.jsonl"
    rows = [
        {
            "title": "a",
            "published": "2023-07-03",
            "text": "China imposed export controls on gallium and germanium on Monday.",
        },
        {
            "title": "b",
            "published": "2025-09-08",
            "text": "Tokayev ordered the launch of three rare earth plants on Monday.",
        },
    ]
    batch.write_text("\n".join(json.dumps(r) for r in rows))
    db = tmp_path / "store.duckdb"
    assert ingest([batch], db).events == 2
    assert [e.type for e in stored_events(db, country="kz")] == ["new_capacity"]
    assert [e.type for e in stored_events(db, commodity="gallium")] == ["export_control"]
    assert [e.date for e in stored_events(db, since="2024-01-01")] == ["2025-09-08"]
    assert len(stored_articles(db)) == 2


def test_news_survives_a_store_rebuild(tmp_path: Path):
    db = tmp_path / "store.duckdb"
    ingest([_copy(tmp_path, "d01-kazakhstan-rare-earth-enterprises.md")], db)
    replace_store(db, StoreContents(sources=[], observations=[], issues=[], tables={}, info={}))
    assert _counts(db) == (1, 2)


@pytest.mark.dask
def test_same_pipeline_on_a_local_dask_cluster(tmp_path: Path):
    pytest.importorskip("dask.distributed")
    folder = _copy(
        tmp_path,
        "d01-kazakhstan-rare-earth-enterprises.md",
        "d02-china-gallium-germanium-controls.md",
    )
    local = ingest([folder], tmp_path / "a.duckdb")
    on_dask = ingest([folder], tmp_path / "b.duckdb", scheduler="local")
    assert (on_dask.new, on_dask.events) == (local.new, local.events)
    key = lambda e: (e.article_id, e.sentence)  # noqa: E731
    assert sorted(stored_events(tmp_path / "a.duckdb"), key=key) == sorted(
        stored_events(tmp_path / "b.duckdb"), key=key
    )


@pytest.mark.dask
def test_large_jsonl_batch_is_partitioned_on_dask(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    pytest.importorskip("dask.distributed")
    import critmin.news.ingest as ingest_module

    monkeypatch.setattr(ingest_module, "PARTITION_LINES", 3)
    batch = tmp_path / "batch.jsonl"
    rows = [
        {
            "published": "2025-01-0" + str(i),
            "text": f"China banned exports of gallium to country {i}.",
        }
        for i in range(1, 8)
    ]
    batch.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    assert len(ingest_module.partitions([batch])) == 3
    report = ingest([batch], tmp_path / "s.duckdb", scheduler="local")
    assert (report.new, report.events) == (7, 7)
