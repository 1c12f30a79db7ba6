"""The estimative phrase table: words of likelihood → point probability and band.

Knowledge lives in ``data/forecasts/estimative.yaml`` (and the user's files at the same
path); this module only applies it. A reading keeps the phrase and its band as well as the
point, so a ledger can show what was said and how it was read. Intensifiers ("very", "most")
move a phrase along the ICD-203 ladder, and negation of the phrase itself gives the
complement, so the table stays short and general.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .. import knowledge
from ..knowledge import DataError

TABLE = "forecasts/estimative.yaml"
KINDS = ("hedge", "frame", "answer", "chance")


@dataclass(frozen=True)
class Reading:
    """How a phrase was read: the phrase as matched, its point probability and band."""

    phrase: str | None
    point: float
    band: tuple[float, float]
    source: str = "detente"
    kind: str = "hedge"

    @property
    def plain(self) -> bool:
        """True for the bare future tense, which carries no estimative word of its own."""
        return self.phrase is None

    def complement(self) -> Reading:
        lo, hi = self.band
        return replace(self, point=round(1 - self.point, 3), band=(round(1 - hi, 3), round(1 - lo, 3)))

    def renamed(self, phrase: str | None) -> Reading:
        return replace(self, phrase=phrase)


def _norm(phrase: str) -> str:
    phrase = phrase.lower().replace("’", "'").replace("n't", " not").replace("'d", " would")
    return re.sub(r"\s+", " ", phrase).strip()


def _band(value: Any, where: str) -> tuple[float, float]:
    if not (isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, (int, float)) for v in value)):
        raise DataError(f"{where}: band must be [lo, hi]")
    lo, hi = float(value[0]), float(value[1])
    if not 0 <= lo <= hi <= 1:
        raise DataError(f"{where}: band [{lo}, {hi}] must satisfy 0 <= lo <= hi <= 1")
    return lo, hi


class PhraseTable:
    """The merged estimative table of the bundled file and the user's files."""

    def __init__(self, phrases: dict[str, Reading], ladder: list[Reading], intensifiers: dict[str, int],
                 softeners: dict[str, int], bounds: dict[str, str], margin: float, horizon_days: int,
                 version: str) -> None:
        self.phrases = phrases
        self.ladder = ladder
        self.intensifiers = intensifiers
        self.softeners = softeners
        self.bounds = bounds
        self.margin = margin
        self.horizon_days = horizon_days
        self.version = version

    @classmethod
    def load(cls, extra_dirs=()) -> PhraseTable:
        phrases: dict[str, Reading] = {}
        ladder: list[Reading] = []
        intensifiers: dict[str, int] = {}
        softeners: dict[str, int] = {}
        bounds: dict[str, str] = {}
        margin, horizon, versions = 0.1, 90, []
        for path in knowledge.files(TABLE, extra_dirs):
            doc = knowledge.read_yaml(path) or {}
            if not isinstance(doc, dict):
                raise DataError(f"{path}: expected a mapping at the top level")
            versions.append(str(doc.get("version", "?")))
            for i, rung in enumerate(doc.get("ladder") or []):
                where = f"{path}: ladder[{i}]"
                knowledge.require(rung, ("name", "point", "band"), where)
                ladder.append(Reading(str(rung["name"]), float(rung["point"]), _band(rung["band"], where), "icd203"))
            for phrase, entry in (doc.get("phrases") or {}).items():
                phrases[_norm(str(phrase))] = _entry(path, str(phrase), entry)
            intensifiers.update(_steps(path, doc, "intensifiers"))
            softeners.update(_steps(path, doc, "softeners"))
            for words, side in (doc.get("bounds") or {}).items():
                if side not in ("upper", "lower"):
                    raise DataError(f"{path}: bounds: {words!r} must be upper or lower")
                bounds[_norm(str(words))] = side
            margin = float(doc.get("figure_margin", margin))
            horizon = int(doc.get("default_horizon_days", horizon))
        ladder.sort(key=lambda r: r.point)
        return cls(phrases, ladder, intensifiers, softeners, bounds, margin, horizon, "+".join(versions))

    # -- lookups ----------------------------------------------------------------------------
    def get(self, phrase: str) -> Reading | None:
        return self.phrases.get(_norm(phrase))

    def leading_answer(self, text: str) -> Reading | None:
        """The short-answer phrase (kind ``answer``) that ``text`` opens with ("Hardly.", "Don't bet on it,
        though…"), the longest first; None if it opens with none. A one-word phrase must stand alone or
        before a comma ("No one knows" is no answer)."""
        low = _norm(text).rstrip(".!")
        for phrase in sorted((p for p, r in self.phrases.items() if r.kind == "answer"), key=len, reverse=True):
            if low == phrase or low.startswith(phrase + ",") or " " in phrase and low.startswith(phrase + " "):
                return self.phrases[phrase]
        return None

    def read(self, phrase: str, *, negated: bool = False, shown: str | None = None) -> Reading | None:
        """Read ``phrase`` (e.g. "very likely", "most unlikely", "expect"); None if unknown.

        An unknown phrase is tried without its leading intensifiers or softeners, which then
        move the reading along the ladder. ``negated`` applies to the phrase, not the clause.
        """
        words = _norm(phrase).split()
        if negated:
            found = self.get("not " + " ".join(words)) or self.get("don't " + " ".join(words))
            if found:
                return found.renamed(shown or phrase)
        reading, steps, i = None, 0, 0
        while i < len(words):
            reading = self.get(" ".join(words[i:]))
            if reading:
                break
            word = words[i]
            if word in ("a", "an", "the"):
                pass
            elif word in self.intensifiers:
                steps += self.intensifiers[word]
            elif word in self.softeners:
                steps -= self.softeners[word]
            else:
                return None
            i += 1
        if reading is None:
            return None
        if steps:
            reading = self._step(reading, steps)
        if negated:
            reading = reading.complement()
        return reading.renamed(shown or phrase)

    def figure(self, value: float, qualifier: str = "", shown: str | None = None) -> Reading:
        """An explicit figure (0–1) read with the table's margin, one-sided after a bound word."""
        lo, hi = max(0.0, value - self.margin), min(1.0, value + self.margin)
        side = self.bounds.get(_norm(qualifier)) if qualifier else None
        if side == "upper":
            lo = max(0.0, value - 2 * self.margin) if value > self.margin else 0.0
            hi = min(1.0, value + self.margin)
        elif side == "lower":
            lo = value - self.margin
        return Reading(shown, round(value, 3), (round(lo, 3), round(hi, 3)), "detente")

    def _step(self, reading: Reading, steps: int) -> Reading:
        """Move ``reading`` ``steps`` rungs away from even (negative: towards even)."""
        if not self.ladder or abs(reading.point - 0.5) < 1e-9:
            return reading
        here = min(range(len(self.ladder)), key=lambda k: abs(self.ladder[k].point - reading.point))
        direction = 1 if reading.point > 0.5 else -1
        middle = len(self.ladder) // 2
        target = here + direction * steps
        target = max(0, min(len(self.ladder) - 1, target))
        if (target - middle) * direction < 0:  # a softener never crosses even
            target = middle
        rung = self.ladder[target]
        return Reading(reading.phrase, rung.point, rung.band, reading.source, reading.kind)


def _entry(path: Path, phrase: str, entry: Any) -> Reading:
    where = f"{path}: phrases: {phrase!r}"
    knowledge.require(entry, ("point", "band"), where)
    point = float(entry["point"])
    band = _band(entry["band"], where)
    if not band[0] <= point <= band[1]:
        raise DataError(f"{where}: point {point} lies outside its band {list(band)}")
    kind = entry.get("kind", "hedge")
    if kind not in KINDS:
        raise DataError(f"{where}: kind must be one of {', '.join(KINDS)}")
    return Reading(phrase, point, band, str(entry.get("source", "detente")), kind)


def _steps(path: Path, doc: dict, key: str) -> dict[str, int]:
    out = {}
    for word, steps in (doc.get(key) or {}).items():
        if not isinstance(steps, int):
            raise DataError(f"{path}: {key}: {word!r} must map to a whole number of steps")
        out[_norm(str(word))] = steps
    return out
