"""Batches: from a folder of PDFs to a loaded database, on every core, resumable.

Owns finding input files and identifying them by content, the per-document job
(`process_file`: read, segment, extract, normalize) run in worker processes or on a Dask
cluster, resource limits, progress, stopping between documents, and batched writes.

May import: the stages (`pipeline.read`, `segment`, `extract`, `normalize`, `store`) and
everything below them; never `pipeline.access`.
"""

from pipeline.run.ingest import IngestSummary, ingest
from pipeline.run.process import process_file

__all__ = ["IngestSummary", "ingest", "process_file"]
