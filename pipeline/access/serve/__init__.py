"""`agendas serve`: a local, read-only web viewer over the database.

Search, meetings, documents, every table and every row, each row shown on its page with its
box highlighted; every list also as CSV and JSON (Datasette's `.csv` / `.json` convention).
"""

from pipeline.access.serve.app import create_app

__all__ = ["create_app"]
