"""Read publication dates written in words or digits, without guessing.

"January 09, 2020", "9 January 2020", "Friday 12 January 2024", "2020-01-08T14:00:00+03:00",
"Jan 6" (with a year given separately). Anything else is None: an unknown date stays unknown.
"""
from __future__ import annotations

import re
from datetime import date

MONTHS = {m: i + 1 for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SLASH = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_MONTH_DAY = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?")
_DAY_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?(?:\s+(\d{4}))?")
FILENAME_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})[_\-. ]")


def _month(word: str) -> int | None:
    word = word.lower()
    if word.startswith("sept"):
        word = "sep"
    return MONTHS.get(word[:3]) if word[:3] in MONTHS and (len(word) == 3 or word.isalpha()) else None


def _make(year: int | None, month: int | None, day: int) -> date | None:
    if not (year and month):
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str, year: int | None = None) -> date | None:
    """The first date in ``text``; a date without a year takes ``year`` when given."""
    text = text.strip()
    m = _ISO.search(text)
    if m:
        return _make(int(m[1]), int(m[2]), int(m[3]))
    for m in _MONTH_DAY.finditer(text):
        month = _month(m[1])
        if month:
            return _make(int(m[3]) if m[3] else year, month, int(m[2]))
    for m in _DAY_MONTH.finditer(text):
        month = _month(m[2])
        if month:
            return _make(int(m[3]) if m[3] else year, month, int(m[1]))
    m = _SLASH.search(text)
    if m:  # ambiguous day/month order: only when one reading is impossible
        a, b = int(m[1]), int(m[2])
        if a > 12:
            return _make(int(m[3]), b, a)
        if b > 12:
            return _make(int(m[3]), a, b)
    return None


def filename_date(name: str) -> date | None:
    """The date of a "YYYY-MM-DD_..." file name."""
    m = FILENAME_DATE.match(name)
    return parse_date(m[1]) if m else None
