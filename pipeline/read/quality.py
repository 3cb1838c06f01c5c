"""Is a page's text real text? Flags text layers that are codes or noise, not words.

Fonts without a Unicode map give pdfminer "(cid:12)" codes and PDFium control characters
or punctuation; fonts with a wrong encoding give letters shifted into unpronounceable
strings ("Wkh frxqflo"). Such a page has a text layer but no usable text, so its document
is 'partial'. The tests are language-neutral shares, checked against the bundled corpus
(English, French, tables and contents pages), not word lists.
"""

from __future__ import annotations

import re
import unicodedata

GOOD = "good"
EMPTY = "empty"
CID_CODES = "cid_codes"
CONTROL_CHARS = "control_chars"
SYMBOLS = "symbols"
IMPLAUSIBLE = "implausible_letters"

PROBLEMS = {
    CID_CODES: "font without a Unicode map: (cid:N) codes",
    CONTROL_CHARS: "control characters instead of letters",
    SYMBOLS: "mostly symbols, few letters or digits",
    IMPLAUSIBLE: "letter sequences that are not words: wrong font encoding",
}

CID_RE = re.compile(r"\(cid:\d+\)")
LEADERS_RE = re.compile(r"[.\-_·…=*~]{3,}")  # dot leaders and rules in contents pages
VOWEL_RE = re.compile(r"[aeiouyAEIOUY]")
LATIN_RE = re.compile(r"[A-Za-z]")
NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
WORD_CHAR_RE = re.compile(r"\w")

MIN_CHARS = 40  # too little text to judge
BAD_SHARE = 0.3  # share of characters that are codes or control characters
MIN_ALNUM_SHARE = 0.4  # below: symbol soup
MIN_LETTERS = 120  # letters needed before judging the vowel share
MIN_VOWEL_SHARE = 0.2  # English ~0.38, French ~0.45, Welsh ~0.35; shifted text ~0.15


def _is_control(char: str) -> bool:
    if char in "\n\r\t":
        return False
    return unicodedata.category(char) in {"Cc", "Co", "Cn", "Cs"} or char == "\ufffd"


def text_quality(text: str) -> str:
    """One of GOOD, EMPTY, CID_CODES, CONTROL_CHARS, SYMBOLS, IMPLAUSIBLE."""
    visible = "".join(text.split())
    if not visible:
        return EMPTY
    if len(visible) < MIN_CHARS:
        return GOOD
    cid_chars = sum(len(m) for m in CID_RE.findall(visible))
    if cid_chars > BAD_SHARE * len(visible):
        return CID_CODES
    rest = CID_RE.sub("", visible)
    if _control_chars(rest) > BAD_SHARE * max(len(rest), 1):
        return CONTROL_CHARS
    rest = LEADERS_RE.sub("", rest)
    alnum = len(WORD_CHAR_RE.findall(rest)) - rest.count("_")  # \w is isalnum() or "_"
    if len(rest) >= MIN_CHARS and alnum < MIN_ALNUM_SHARE * len(rest):
        return SYMBOLS
    latin = len(LATIN_RE.findall(rest))
    letters = latin + sum(c.isalpha() for c in NON_ASCII_RE.findall(rest))
    if latin >= MIN_LETTERS and latin * 2 >= letters:
        vowels = len(VOWEL_RE.findall(rest))
        if vowels < MIN_VOWEL_SHARE * latin:
            return IMPLAUSIBLE
    return GOOD


def _control_chars(text: str) -> int:
    """Characters that are control codes, private, unassigned or replacement characters
    (whitespace excluded); the common all-printable case costs one C call."""
    if text.isprintable():
        return text.count("\ufffd")
    return sum(_is_control(c) for c in text)
