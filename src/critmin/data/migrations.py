"""The store's schema as named, recorded migrations (applied in order, each once).

Data tables are rebuilt from the shipped files by ``critmin data build``; tables listed in
:data:`USER_TABLES` hold what a user added (ingested news) and are carried over from the
previous store on every rebuild, so a rebuild never loses them.

To change the schema, append a migration; never edit one that has shipped.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    """A named schema change."""

    name: str
    sql: str


MIGRATIONS: list[Migration] = [
    Migration(
        "0001_core",
        """
        CREATE TABLE sources (
            id VARCHAR PRIMARY KEY,
            publisher VARCHAR NOT NULL,
            title VARCHAR NOT NULL,
            year INTEGER NOT NULL,
            "table" VARCHAR NOT NULL,
            url VARCHAR,
            licence VARCHAR,
            release VARCHAR,
            published VARCHAR,
            file VARCHAR
        );
        CREATE TABLE observations (
            commodity VARCHAR NOT NULL,
            country VARCHAR NOT NULL,
            stage VARCHAR NOT NULL,
            year INTEGER NOT NULL,
            measure VARCHAR NOT NULL,
            value DOUBLE,
            unit VARCHAR NOT NULL,
            source_id VARCHAR NOT NULL REFERENCES sources (id),
            basis VARCHAR NOT NULL,
            note VARCHAR,
            flag VARCHAR,
            value_text VARCHAR,
            content VARCHAR,
            detail VARCHAR,
            file VARCHAR,
            line INTEGER,
            release VARCHAR,
            scenario VARCHAR NOT NULL DEFAULT ''
        );
        CREATE TABLE countries (
            alpha2 VARCHAR PRIMARY KEY,
            alpha3 VARCHAR NOT NULL,
            name VARCHAR NOT NULL,
            blocs VARCHAR[]
        );
        CREATE TABLE commodities (
            slug VARCHAR PRIMARY KEY,
            name VARCHAR NOT NULL,
            parent VARCHAR,
            "group" VARCHAR,
            basis_of_measure VARCHAR,
            critical_us_2025 BOOLEAN,
            critical_eu_2023 BOOLEAN,
            symbol VARCHAR
        );
        CREATE TABLE governance (
            country VARCHAR NOT NULL,
            year INTEGER NOT NULL,
            indicator VARCHAR NOT NULL,
            estimate DOUBLE,
            stddev DOUBLE,
            nsource INTEGER,
            pctrank DOUBLE,
            pctranklower DOUBLE,
            pctrankupper DOUBLE,
            source_id VARCHAR NOT NULL REFERENCES sources (id)
        );
        CREATE TABLE export_controls (
            country VARCHAR NOT NULL,
            control_type VARCHAR NOT NULL,
            commodity VARCHAR,
            commodity_text VARCHAR NOT NULL,
            year INTEGER,
            url VARCHAR,
            note VARCHAR,
            source_id VARCHAR NOT NULL REFERENCES sources (id),
            line INTEGER
        );
        CREATE TABLE import_issues (
            file VARCHAR NOT NULL,
            line INTEGER NOT NULL,
            reason VARCHAR NOT NULL,
            raw VARCHAR
        );
        CREATE TABLE build_info (
            key VARCHAR PRIMARY KEY,
            value VARCHAR
        );
        """,
    ),
    Migration(
        "0002_latest_view",
        # Within one publisher, the newest release wins per (commodity, country, stage, year,
        # measure, scenario): MCS 2026 revises the 2024 figures MCS 2025 printed as estimates.
        # Different publishers (USGS, IEA) are kept side by side; a query picks one.
        """
        CREATE VIEW latest_observations AS
        SELECT o.* EXCLUDE (rank_) FROM (
            SELECT o.*, s.publisher, row_number() OVER (
                PARTITION BY o.commodity, o.country, o.stage, o.year, o.measure, o.scenario,
                             s.publisher
                ORDER BY s.published DESC, o.line
            ) AS rank_
            FROM observations o JOIN sources s ON s.id = o.source_id
        ) o WHERE rank_ = 1;
        """,
    ),
    Migration(
        "0003_news",
        # Ingested articles and the events extracted from them (issue 4). Developments and
        # their answered/open questions are derived from these on demand, not stored, so they
        # never go stale when the extractor improves.
        """
        CREATE TABLE news_articles (
            id VARCHAR PRIMARY KEY,
            title VARCHAR,
            published VARCHAR,
            publisher VARCHAR,
            url VARCHAR,
            source VARCHAR,
            format VARCHAR,
            text VARCHAR NOT NULL,
            signature BIGINT[],
            duplicate_of VARCHAR,
            ingested_at TIMESTAMP
        );
        CREATE TABLE news_events (
            article_id VARCHAR NOT NULL,
            seq INTEGER NOT NULL,
            type VARCHAR NOT NULL,
            countries VARCHAR[],
            commodities VARCHAR[],
            companies VARCHAR[],
            stage VARCHAR,
            quantity_value DOUBLE,
            quantity_unit VARCHAR,
            quantity_text VARCHAR,
            date VARCHAR,
            date_basis VARCHAR,
            evidence VARCHAR NOT NULL,
            confidence DOUBLE,
            sentence INTEGER,
            PRIMARY KEY (article_id, seq)
        );
        """,
    ),
]

#: Tables holding what users added; copied from the previous store on every rebuild.
USER_TABLES: tuple[str, ...] = ("news_articles", "news_events")
