"""Quantities stated in a claim's content, as numbers (records.Quantity).

Counted: digits with separators and decimals ("1,350", "408.6"), percentages, currency
amounts with scales ("$2 billion" → 2000000000), number words ("five", "twenty-four",
"a dozen" → 12, "a million", "a month" → 1), hyphenated measures ("60-day" → 60) and both
sides of a converted unit ("233 km (144 miles)"). Not counted: vague amounts ("hundreds"),
ordinals, model names (F-35, Su-57, MH17), clock times, dates and years. Word lists are in
``data/claims/numbers.yaml``.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from .. import knowledge
from ..knowledge import DataError
from ..records import Quantity

DIGITS = re.compile(
    r"(?P<cur>[$€£])?\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<pct>\s?%|\s?per ?cent\b|\s?percent\b)?"
    r"(?:[\s-](?P<scale>hundred|thousand|million|billion|trillion|bn|mn|tn|m)\b|(?P<glued>bn|mn|tn|m|k)\b)?"
)
RANGE_BEFORE = re.compile(r"(?:^|[^\w.,-])(?P<first>\d+(?:[.,]\d+)*)[-–]$")  # "3-4 missiles", "30–40 km"
WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)?")
CLOCK_AFTER = re.compile(r"^(?::\d|\s?(?:a\.m\b|p\.m\b|am\b|pm\b|gmt\b|utc\b|hrs\b|hours? gmt|local time))", re.I)
ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.I)
PLURAL_NOUN_AFTER = re.compile(r"^\s+[A-Za-z]+s\b")
SKIP_ONE_BEFORE = {"no", "any", "by", "every", "each", "the", "this", "that", "which", "someone", "anyone"}
SKIP_ONE_AFTER = {"another", "by", "day", "way", "side", "thing", "point"}


class NumberWords:
    """The number vocabulary of ``claims/numbers.yaml`` (bundled plus the user's)."""

    def __init__(self, units: dict[str, float], scales: dict[str, float], after_a: set[str], vague: set[str],
                 months: set[str], unit_suffixes: set[str] = frozenset()) -> None:
        self.units, self.scales, self.after_a, self.vague, self.months = units, scales, after_a, vague, months
        self.unit_suffixes = unit_suffixes  # "100km", "20km/h": a unit written onto the number

    @classmethod
    def load(cls, extra_dirs: Iterable[str | Path] = ()) -> "NumberWords":
        units: dict[str, float] = {}
        scales: dict[str, float] = {}
        lists: dict[str, set[str]] = {"counted_after_a": set(), "vague": set(), "months": set(), "unit_suffixes": set()}
        for path in knowledge.files("claims/numbers.yaml", extra_dirs):
            content = knowledge.read_yaml(path) or {}
            if not isinstance(content, dict):
                raise DataError(f"{path}: expected a mapping")
            for key, value in content.items():
                if key in ("units", "scales"):
                    target = units if key == "units" else scales
                    if not isinstance(value, dict):
                        raise DataError(f"{path}: {key}: expected a mapping of word to number")
                    for word, number in value.items():
                        if not isinstance(number, (int, float)):
                            raise DataError(f"{path}: {key}: {word}: expected a number, got {number!r}")
                        target[str(word).lower()] = float(number)
                elif key in lists:
                    if not isinstance(value, list):
                        raise DataError(f"{path}: {key}: expected a list")
                    lists[key] |= {str(v).lower() for v in value}
                else:
                    raise DataError(f"{path}: unknown key {key!r}")
        return cls(units, scales, lists["counted_after_a"], lists["vague"], lists["months"], lists["unit_suffixes"])

    # -- extraction ---------------------------------------------------------------------------
    def find(self, text: str, offset: int = 0) -> list[Quantity]:
        """Quantities in ``text``; offsets are shifted by ``offset`` (the text's start in its document)."""
        found: list[Quantity] = []
        taken: list[tuple[int, int]] = []
        for m in DIGITS.finditer(text):
            start = m.start("num") if not m.group("cur") else m.start()
            if self._not_a_quantity(text, m):
                taken.append((m.start(), m.end()))
                continue
            value = float(m.group("num").replace(",", ""))
            if m.group("scale"):
                value *= self.scales.get(m.group("scale").lower(), 1)
            if m.group("glued"):  # "$1.5bn", "£300m": a scale written onto the number
                value *= self.scales.get(m.group("glued").lower(), 1000 if m.group("glued").lower() == "k" else 1)
            found.append(Quantity(value, text[start:m.end()].strip(), offset + start, offset + m.end()))
            taken.append((m.start(), m.end()))
        found += self._words(text, offset, taken)
        return sorted(found, key=lambda q: q.start or 0)

    def _not_a_quantity(self, text: str, m: re.Match) -> bool:
        before, after = text[:m.start("num")], text[m.end("num"):]
        glued = m.group("glued")
        if glued and not (m.group("cur") or glued.lower() in ("bn", "tn")):
            return True  # "5m" without a currency may be metres; "5k" a race
        if glued:
            after = text[m.end():]
        ranged = RANGE_BEFORE.search(before)
        if ranged and not re.fullmatch(r"(19|20)\d\d", ranged.group("first")):
            before = before[:ranged.start("first")]  # the second number of a range stands as the first does
        elif re.search(r"[A-Za-z0-9/:]-?$", before) or re.search(r"[A-Za-z]$", before.rstrip("-")) and before.endswith("-"):
            return True  # a model or designation: F-35, MH17, Hwasong-19
        suffix = re.match(r"^([A-Za-z]+(?:/[A-Za-z]+)?)\b", after)
        if suffix and suffix.group(1).lower() in self.unit_suffixes:
            after = after[suffix.end():]  # "100km", "20km/h"
        if CLOCK_AFTER.match(after) or ORDINAL_AFTER.match(after) or re.match(r"^[.,]\d", after) and "," not in m.group("num"):
            return True
        if re.match(r"^[A-Za-z]", after):  # 2024B, 3rd, 5G
            return True
        words_before = before.lower().split()[-1:]
        words_after = after.lower().split()[:1]
        if words_before and words_before[0].strip(".,") in self.months:
            return True
        if words_after and words_after[0].strip(".,;:") in self.months:
            return True
        number = m.group("num")
        if re.fullmatch(r"(19|20)\d\d", number) and not m.group("cur") and not PLURAL_NOUN_AFTER.match(after):
            return True  # a year
        return False

    def _words(self, text: str, offset: int, taken: list[tuple[int, int]]) -> list[Quantity]:
        tokens = [(m.group().lower(), m.start(), m.end()) for m in WORD.finditer(text)]
        found: list[Quantity] = []
        i = 0
        while i < len(tokens):
            word, start, end = tokens[i]
            if any(a <= start < b for a, b in taken):
                i += 1
                continue
            value, j = self._word_value(text, tokens, i)
            if value is None:
                i += 1
                continue
            last_end = tokens[j - 1][2]
            found.append(Quantity(value, text[start:last_end], offset + start, offset + last_end))
            i = j
        return found

    def _word_value(self, text: str, tokens: list[tuple[str, int, int]], i: int) -> tuple[float | None, int]:
        """The value of the number words starting at token ``i`` and the index after them."""
        word = tokens[i][0]
        nxt = tokens[i + 1][0] if i + 1 < len(tokens) else ""
        if word in ("a", "an"):
            base = nxt[:-2] if nxt.endswith("'s") else nxt
            adjacent = i + 1 < len(tokens) and not text[tokens[i][2]:tokens[i + 1][1]].strip()
            if base in self.after_a and adjacent:
                value = self.units.get(base, 1.0)
                return self._scaled(tokens, i + 2, value)
            return None, i
        value = self._compound(word)
        if value is None or word in self.scales and word not in ("dozen",):
            return None, i
        if word == "one":
            prev = tokens[i - 1][0] if i else ""
            if not re.match(r"\s+[A-Za-z0-9]", text[tokens[i][2]:]):
                return None, i  # "if there is one," — a pronoun, not a count
            if prev in SKIP_ONE_BEFORE or nxt in SKIP_ONE_AFTER or nxt == "of" and prev in ("only",):
                return None, i
        return self._scaled(tokens, i + 1, value)

    def _compound(self, word: str) -> float | None:
        """'five' → 5, 'twenty-four' → 24, '24-hour' is digits; unknown words → None."""
        if word in self.vague:
            return None
        if "-" in word:
            head, tail = word.split("-", 1)
            if head in self.units and tail in self.units and self.units[head] >= 20 and self.units[tail] < 10:
                return self.units[head] + self.units[tail]
            if head in self.units and head not in self.scales:
                return self.units[head]  # "three-day", "ten-minute"
            return None
        return self.units.get(word)

    def _scaled(self, tokens, j: int, value: float) -> tuple[float, int]:
        while j < len(tokens) and tokens[j][0] in self.scales and tokens[j][0] not in ("m",):
            value *= self.scales[tokens[j][0]]
            j += 1
        return value, j


@lru_cache(maxsize=1)
def default_words() -> NumberWords:
    return NumberWords.load()
