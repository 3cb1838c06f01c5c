"""Scoring a database against gold: per table, per document, micro and macro over
authorities, and by group (e.g. pages read by OCR).

May import: `pipeline.read` (to know how a page was read) and the layers below it; never
`pipeline.run` or `pipeline.access`.
"""

from pipeline.evaluate.scorer import evaluate, format_report

__all__ = ["evaluate", "format_report"]
