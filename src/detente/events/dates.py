"""Event dates: "on Wednesday", "yesterday", "last night", "on Jan. 3" against the article date."""
from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Token

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
MONTHS["sept"] = 9
RELATIVE = {"yesterday": -1, "today": 0, "tonight": 0, "overnight": 0}
_MONTH_DAY = re.compile(r"\b([A-Z][a-z]{2,8})\.? (\d{1,2})\b")


def event_date(anchor: Token, trigger: Token, when: date | None) -> tuple[date | None, str]:
    """(date, precision) of an event from the time words on its clause; the article date otherwise."""
    if when is None:
        return None, "unknown"
    words = [t for c in anchor.children if c.dep_ in ("prep", "npadvmod", "advmod", "nmod")
             for t in c.subtree]
    if trigger.i != anchor.i:
        words += [t for c in trigger.children if c.dep_ in ("prep", "npadvmod") for t in c.subtree]
    text = " ".join(t.text for t in words)
    lowered = [t.lower_ for t in words]
    for i, word in enumerate(lowered):
        if word in WEEKDAYS:
            back = (when.weekday() - WEEKDAYS.index(word)) % 7
            if i > 0 and lowered[i - 1] == "next":
                return None, "unknown"
            return when - timedelta(days=back), "day"
        if word in RELATIVE:
            return when + timedelta(days=RELATIVE[word]), "day"
        if word == "night" and i > 0 and lowered[i - 1] == "last":
            return when - timedelta(days=1), "day"
    match = _MONTH_DAY.search(text)
    if match and match.group(1)[:3].lower() in MONTHS:
        month, day = MONTHS[match.group(1)[:3].lower()], int(match.group(2))
        try:
            found = date(when.year, month, day)
        except ValueError:
            found = None
        if found is not None:
            if found > when:
                found = found.replace(year=when.year - 1)
            return found, "day"
    for word in lowered:
        if word in ("week", "weekend"):
            return when, "week"
        if word in ("month", "january", "february", "march", "april", "june", "july", "august",
                    "september", "october", "november", "december"):
            return when, "month"
    return when, "day"
