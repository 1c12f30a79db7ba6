"""Deadlines: the date by which the text says a forecast is to be settled.

Resolved against the article date: "by Friday" is the next Friday on or after it, "this
week" and "over the weekend" that Sunday, "within a month" and "a month from now" the same
day next month, "within a fortnight" fourteen days on, "by mid-April" the 15th, "this
quarter" the quarter's last day, "this year" the 31st of December. Open starts ("as early as
Monday", "after Thursday's speech") and vague spans ("within days", "in the coming weeks") give no deadline. Named occasions
("before Christmas", "before the inauguration") come from ``data/forecasts/dates.yaml``.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from .. import knowledge
from ..knowledge import DataError

DATES = "forecasts/dates.yaml"
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
           "twenty": 20, "thirty": 30, "sixty": 60, "ninety": 90, "a few": None, "several": None}
# "from next week", "after the end of March": an open start, not a deadline ("back from the brink this
# weekend" is not one: only time words may stand between the preposition and the date)
OPEN_START = re.compile(r"(as early as|as soon as|after|from|since|starting|beginning|until after)\s+"
                        r"((?:the|next|this|early|mid|late|end|of|start|beginning|middle|coming|on|in|\d+\w*)\s+){0,2}$")
MONTH_RX = "|".join(sorted(MONTHS, key=len, reverse=True))
DAY_RX = "|".join(WEEKDAYS)
NUM_RX = r"\d+|a few|several|" + "|".join(sorted(NUMBERS, key=len, reverse=True))
UNIT_RX = r"hours?|days?|weeks?|fortnights?|months?|years?"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _sunday(day: date) -> date:
    return day + timedelta(days=(6 - day.weekday()) % 7)


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def _next_easter(day: date, offset: int) -> date:
    """The first occasion ``offset`` days from Easter on or after ``day`` ("before Easter", "by Good Friday")."""
    this = _easter(day.year) + timedelta(days=offset)
    return this if this >= day else _easter(day.year + 1) + timedelta(days=offset)


def _next_month_day(day: date, month: int, dom: int | None, year: int | None) -> date | None:
    """The given month (and day) on or after ``day``; the month's last day when ``dom`` is None."""
    candidates = [year] if year else [day.year, day.year + 1]
    for y in candidates:
        try:
            when = date(y, month, dom) if dom else _month_end(y, month)
        except ValueError:
            continue
        if year or when >= day:
            return when
    return None


def _span(number: str | None, unit: str, day: date) -> date | None:
    n = 1 if number is None else (int(number) if number.isdigit() else NUMBERS.get(number))
    if n is None:
        return None
    unit = unit.rstrip("s")
    if unit == "hour":
        return day + timedelta(days=max(1, round(n / 24)))
    if unit == "day":
        return day + timedelta(days=n)
    if unit == "week":
        return day + timedelta(weeks=n)
    if unit == "fortnight":
        return day + timedelta(weeks=2 * n)
    if unit == "month":
        return _add_months(day, n)
    return _add_months(day, 12 * n)


DATE_RULES = (0, 1)  # indices in _rules() of explicit calendar dates
SPAN_RULES = (11, 12, 13)  # indices of "within N days", "within the week", "the 60 days"
Resolver = Callable[[re.Match, date], "date | None"]


def _rules() -> list[tuple[re.Pattern, Resolver]]:
    rx = re.compile
    return [
        (rx(rf"\b(?:on |by |before |until )?({MONTH_RX})\.? (\d{{1,2}})(?:st|nd|rd|th)?(?:,? (\d{{4}}))?\b"),
         lambda m, d: _next_month_day(d, MONTHS[m[1]], int(m[2]), int(m[3]) if m[3] else None)),
        (rx(rf"\b(\d{{1,2}}) ({MONTH_RX})(?:,? (\d{{4}}))?\b"),
         lambda m, d: _next_month_day(d, MONTHS[m[2]], int(m[1]), int(m[3]) if m[3] else None)),
        (rx(rf"\b(?:end of|beyond|through|until|till|by|before|in) ({MONTH_RX})(?: (\d{{4}}))?\b"),
         lambda m, d: _next_month_day(d, MONTHS[m[1]], None, int(m[2]) if m[2] else None)),
        (rx(r"\bbefore (20\d\d|19\d\d)\b"), lambda m, d: date(int(m[1]) - 1, 12, 31)),
        (rx(r"\b(?:end of|by|in|during|until|through) (20\d\d|19\d\d)\b"), lambda m, d: date(int(m[1]), 12, 31)),
        (rx(r"\b(?:this|the) year\b|\bend of the year\b|\byear's end\b|\byear-end\b"),
         lambda m, d: date(d.year, 12, 31)),
        (rx(r"\bnext year\b"), lambda m, d: date(d.year + 1, 12, 31)),
        (rx(r"\b(?:this|the end of the) month\b|\bmonth's end\b|\b(?:survive|last|outlast|through|see out) the month\b"),
         lambda m, d: _month_end(d.year, d.month)),
        (rx(r"\bnext month\b"), lambda m, d: _month_end(_add_months(d, 1).year, _add_months(d, 1).month)),
        (rx(r"\b(?:this|the end of the|end of this) week\b|\b(?:this|the|over the) weekend\b"
            r"|\b(?:survive|last|outlast|through|see out) the week\b"),
         lambda m, d: _sunday(d)),
        (rx(r"\bnext weekend\b"), lambda m, d: _sunday(d) + timedelta(days=7)),
        (rx(r"\bnext week\b"), lambda m, d: _sunday(d) + timedelta(days=7)),
        (rx(rf"\b(?:within|in|inside|over) (?:the )?(?:next |first |coming )?({NUM_RX}) ({UNIT_RX})\b"),
         lambda m, d: _span(m[1], m[2], d)),
        (rx(r"\bwithin (?:the|a) (?:first |next |coming )?(week|fortnight|month|year|day)\b"), lambda m, d: _span(None, m[1], d)),
        (rx(rf"\b(?:the|those) ({NUM_RX}) (days|weeks|months)\b"), lambda m, d: _span(m[1], m[2], d)),
        (rx(rf"\b(?:next |this )?({DAY_RX})\b"),
         lambda m, d: d + timedelta(days=(WEEKDAYS[m[1]] - d.weekday()) % 7)),
        (rx(r"\b(?:tonight|today|this evening|this afternoon|this morning|the day)\b"), lambda m, d: d),
        (rx(r"\btomorrow\b"), lambda m, d: d + timedelta(days=1)),
        (rx(rf"\b({NUM_RX}) ({UNIT_RX}) (?:from now|from today|hence)\b"), lambda m, d: _span(m[1], m[2], d)),
        (rx(rf"\b(?:by|before|until|in) mid-? ?({MONTH_RX})\b"), lambda m, d: _next_month_day(d, MONTHS[m[1]], 15, None)),
        (rx(r"\b(?:this|the end of the|end of this) quarter\b"),
         lambda m, d: _month_end(d.year, (d.month - 1) // 3 * 3 + 3)),
    ]


class Deadlines:
    """Finds and resolves the first deadline expression of a text against a date."""

    def __init__(self, occasions: list[tuple[list[str], Callable[[date], date | None]]]) -> None:
        self.rules = _rules()
        self.occasions = occasions

    @classmethod
    def load(cls, extra_dirs=()) -> Deadlines:
        occasions = []
        for path in knowledge.files(DATES, extra_dirs):
            doc = knowledge.read_yaml(path) or {}
            for name, md in (doc.get("yearly") or {}).items():
                try:
                    month, dom = (int(x) for x in str(md).split("-"))
                except ValueError as exc:
                    raise DataError(f"{path}: yearly: {name!r}: expected MM-DD, got {md!r}") from exc
                occasions.append((str(name).split(), lambda d, m=month, x=dom: _next_month_day(d, m, x, None)))
            for name, offset in (doc.get("easter") or {}).items():
                if not isinstance(offset, int):
                    raise DataError(f"{path}: easter: {name!r}: expected a whole number of days, got {offset!r}")
                occasions.append((str(name).split(), lambda d, k=offset: _next_easter(d, k)))
            for name, days in (doc.get("fixed") or {}).items():
                try:
                    dates = sorted(date.fromisoformat(str(x)) for x in days)
                except (TypeError, ValueError) as exc:
                    raise DataError(f"{path}: fixed: {name!r}: expected a list of YYYY-MM-DD") from exc
                occasions.append((str(name).split(), lambda d, ds=dates: next((x for x in ds if x >= d), None)))
        occasions.sort(key=lambda o: -len(o[0]))
        return cls(occasions)

    def find(self, text: str, when: date | None) -> date | None:
        """The deadline ``text`` sets, resolved against ``when``; None for none or an open start."""
        if when is None or not text:
            return None
        low = text.lower().replace("’", "'")
        best: tuple[int, int, date | None] | None = None
        spans, first_rule = [], -1
        for number, (pattern, resolve) in enumerate(self.rules):
            for m in pattern.finditer(low):
                if OPEN_START.search(low[: m.start()]):
                    continue
                if number in SPAN_RULES:
                    spans.append((m, resolve))
                key = (m.start(), -(m.end() - m.start()))
                if best is None or key < best[:2]:
                    best = (*key, resolve(m, when))
                    first_rule = number
        if best is not None and first_rule in DATE_RULES and best[2] is not None:
            later = [(m, r) for m, r in spans if m.start() > best[0]]
            if later:  # "the inauguration on May 20 triggers drills within a week": a week after May 20
                best = (best[0], best[1], later[0][1](later[0][0], best[2]))
        for m in re.finditer(r"\b(?:before|by|until|ahead of|in time for) ([\w.' -]{3,40})", low if best is None else ""):
            target = m[1].split()
            for words, resolve in self.occasions:
                if any(target[i:i + len(words)] == words for i in range(len(target))):
                    key = (m.start(), -len(m[0]))
                    if best is None or key < best[:2]:
                        best = (*key, resolve(when))
                    break
        day = best[2] if best else None
        return day if day is None or day >= when else None
