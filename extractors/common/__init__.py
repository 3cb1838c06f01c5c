"""What every extractor stands on: the extractor interface and registry, the page structure
layer (numbered entries, headings, lists), minutes layout, tables from geometry, and parsing
of text, dates, amounts, phones, e-mail addresses and people's names.

May import: `pipeline.models` and `pipeline.errors` only.
"""
