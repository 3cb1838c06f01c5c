"""Agenda packs (PDF) -> structured, traceable rows in DuckDB.

The package is laid out by stage (see docs/architecture.md). From the top down, each layer
imports only the layers below it:

- `pipeline.access`: what users call: the CLI, trace, highlight, search, export, people,
  stats, inspect and the web viewer. Nothing imports it.
- `pipeline.run` (batches: files, workers, Dask, progress, interrupts, batched writes) and
  `pipeline.evaluate` (scoring against gold).
- the stages, each on its own: `pipeline.read` (PDF -> pages of lines and words, OCR),
  `pipeline.segment`, `pipeline.extract`, `pipeline.normalize`, and `pipeline.store` (DuckDB
  schema, loading, views).
- `extractors`: one module per kind of fact, then `extractors.common` (shared parsing helpers
  and the page structure layer).
- `pipeline.models` and `pipeline.errors`: the records passed between stages.

Modules of earlier versions that moved keep working under their old names (`pipeline.load`,
`pipeline.read`, ...), see `pipeline._moved`.
"""

from pipeline import _moved

PIPELINE_VERSION = "0.4.0"

_moved.install()
