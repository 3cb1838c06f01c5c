"""Agenda packs (PDF) -> structured, traceable rows in DuckDB."""

PIPELINE_VERSION = "0.4.0"
