"""Stage 5, store: the DuckDB contract: schema, loading documents' rows, views.

Owns the tables and columns other tools rely on (extended, never renamed), the views over
them (meetings with their items, people across meetings), and writing one document's rows
in a transaction.

May import: `pipeline.models` and `pipeline.errors`; never another stage, run or access.
"""

from pipeline.store.load import connect, load_results

__all__ = ["connect", "load_results"]
