"""Shipped datasets, their importers, the catalogues and the DuckDB store."""
