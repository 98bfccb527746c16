"""The DuckDB store: migrations, atomic and idempotent builds, provenance integrity."""

from pathlib import Path

import duckdb
import pytest

from critmin.data import store
from critmin.data.build import Importer, build_store
from critmin.data.migrations import MIGRATIONS
from critmin.errors import DataError, StoreError
from critmin.model import ImportIssue, Observation, ParseResult, Source

SRC = Source(
    id="test:widgets:world",
    publisher="Test Survey",
    title="Widget Summaries",
    year=2025,
    table="World production",
    url="https://example.org/widgets",
    licence="public domain",
    release="w2025",
    published="2025-01-31",
)


def _obs(country: str, value: float | None, source_id: str = SRC.id) -> Observation:
    return Observation(
        commodity="antimony", country=country, stage="mining", year=2024,
        measure="production", value=value, unit="t", source_id=source_id, basis="reported",
        file="widgets.csv", line=2,
    )


def _reader(result: ParseResult):
    return lambda path: result


@pytest.fixture
def raw_file(tmp_path: Path) -> Path:
    p = tmp_path / "widgets.csv"
    p.write_text("country,value\nCN,10\n")
    return p


def test_build_then_rebuild_is_idempotent(tmp_path, raw_file):
    result = ParseResult(
        observations=(_obs("CN", 10.0), _obs("KZ", 5.0)),
        sources=(SRC,),
        issues=(ImportIssue("widgets.csv", 4, "unknown country 'Atlantis'"),),
    )
    db = tmp_path / "s.duckdb"
    report = build_store(db, [Importer("widgets", raw_file, _reader(result))])
    assert report.observations == 2
    assert len(report.issues) == 1
    build_store(db, [Importer("widgets", raw_file, _reader(result))])
    with store.opened(db) as con:
        assert con.execute("SELECT count(*) FROM observations").fetchone() == (2,)
        assert con.execute("SELECT reason FROM import_issues").fetchall() == [
            ("unknown country 'Atlantis'",)
        ]
        assert store.applied_migrations(con) == [m.name for m in MIGRATIONS]


def test_failed_build_leaves_previous_store_intact(tmp_path, raw_file):
    db = tmp_path / "s.duckdb"
    good = ParseResult(observations=(_obs("CN", 10.0),), sources=(SRC,))
    build_store(db, [Importer("widgets", raw_file, _reader(good))])

    def broken(path):
        raise DataError("bad header", file=str(path), line=1)

    with pytest.raises(DataError, match=r"widgets\.csv:1: bad header"):
        build_store(db, [Importer("widgets", raw_file, broken)])
    # A figure citing a source that does not exist is refused at write time.
    orphan = ParseResult(observations=(_obs("CN", 1.0, "nowhere"),), sources=(SRC,))
    with pytest.raises(StoreError):
        build_store(db, [Importer("widgets", raw_file, _reader(orphan))])
    with store.opened(db) as con:
        assert con.execute("SELECT country, value FROM observations").fetchall() == [("CN", 10.0)]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_missing_shipped_file_names_the_path(tmp_path):
    missing = tmp_path / "gone.csv"
    with pytest.raises(DataError, match=r"gone\.csv"):
        build_store(tmp_path / "s.duckdb", [Importer("gone", missing, _reader(ParseResult()))])


def test_corrupt_or_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="critmin data build"):
        store.connect(tmp_path / "none.duckdb")
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match=r"bad\.duckdb"):
        store.connect(bad)


def test_latest_view_prefers_newest_release_within_a_publisher(tmp_path, raw_file):
    fields = {f: getattr(SRC, f) for f in SRC.__slots__}
    old = Source(**{**fields, "id": "test:old", "release": "w2024", "published": "2024-01-31"})
    other = Source(**{**fields, "id": "other:x", "publisher": "Other Agency"})
    result = ParseResult(
        observations=(_obs("CN", 10.0), _obs("CN", 8.0, "test:old"), _obs("CN", 9.0, "other:x")),
        sources=(SRC, old, other),
    )
    db = tmp_path / "s.duckdb"
    build_store(db, [Importer("widgets", raw_file, _reader(result))])
    with store.opened(db) as con:
        rows = con.execute(
            "SELECT publisher, value FROM latest_observations ORDER BY publisher"
        ).fetchall()
    assert rows == [("Other Agency", 9.0), ("Test Survey", 10.0)]


def test_schema_mismatch_is_detected(tmp_path):
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE schema_migrations (seq INTEGER, name VARCHAR, applied_at TIMESTAMP)")
    con.close()
    with pytest.raises(StoreError, match="another version"), store.opened(db):
        pass
