"""Meetings: one row per meeting a document is about, from an agenda's front sheet
(`agenda`), the heading of minutes (`minutes`), or a report addressed to a meeting
(`addressed`, which reads what the other two found).

May import: other extractors, `extractors.common` and `pipeline.models`.
"""
