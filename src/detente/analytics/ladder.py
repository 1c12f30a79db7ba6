"""The escalation ladder and the code families, read from ``escalation.yaml`` (knowledge is data).

The ladder turns a CAMEO root into a rung (0 cooperation … 5 mass violence); the families say
which codes different reports use for the same act, so the incident builder can merge them.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import knowledge
from ..knowledge import DataError

FILE = "escalation.yaml"


@dataclass(frozen=True)
class Rung:
    rung: int
    name: str
    roots: tuple[str, ...]
    colour: str


@dataclass(frozen=True)
class Ladder:
    rungs: tuple[Rung, ...]
    families: dict[str, tuple[str, ...]]  # family name -> code prefixes
    generic_place_words: frozenset[str] = frozenset()  # words that make a place too vague to split on
    recall_cues: frozenset[str] = frozenset()  # words before a trigger that mark a recalled event

    def rung_of(self, code: str | None) -> int | None:
        """The rung of a CAMEO code (by its root), or None for an unknown code."""
        if not code:
            return None
        root = str(code)[:2]
        for rung in self.rungs:
            if root in rung.roots:
                return rung.rung
        return None

    def family_of(self, code: str) -> str:
        """The family of a code: the family of its longest matching prefix, else its root."""
        best, length = code[:2], 0
        for name, prefixes in self.families.items():
            for prefix in prefixes:
                if code.startswith(prefix) and len(prefix) > length:
                    best, length = name, len(prefix)
        return best

    def rung_named(self, number: int | None) -> Rung | None:
        return next((r for r in self.rungs if r.rung == number), None)


def _codes(value, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise DataError(f"{where}: expected a list of CAMEO code strings")
    codes = tuple(str(v) for v in value)
    for code in codes:
        if not code.isdigit() or not 2 <= len(code) <= 4:
            raise DataError(f"{where}: {code!r} is not a CAMEO code (2 to 4 digits, quote leading zeros)")
    return codes


def _words(data: dict, section: str, key: str, path: Path) -> set[str]:
    words = (data.get(section) or {}).get(key) or []
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise DataError(f"{path}: {section}.{key}: expected a list of words")
    return {w.strip().lower() for w in words}


def _read(path: Path, rungs: dict[int, Rung], families: dict[str, tuple[str, ...]], generic: set[str],
          cues: set[str]) -> None:
    data = knowledge.read_yaml(path) or {}
    knowledge.require(data, ["version"], str(path))
    for i, entry in enumerate(data.get("rungs") or []):
        where = f"{path}: rungs[{i}]"
        knowledge.require(entry, ["rung", "name", "roots"], where)
        if not isinstance(entry["rung"], int):
            raise DataError(f"{where}: rung must be an integer")
        roots = _codes(entry["roots"], f"{where}.roots")
        if any(len(r) != 2 for r in roots):
            raise DataError(f"{where}.roots: roots are two-digit codes")
        rungs[entry["rung"]] = Rung(entry["rung"], str(entry["name"]), roots, str(entry.get("colour", "#888888")))
    for name, entry in (data.get("families") or {}).items():
        where = f"{path}: families.{name}"
        knowledge.require(entry, ["prefixes"], where)
        families[str(name)] = _codes(entry["prefixes"], f"{where}.prefixes")
    generic.update(_words(data, "places", "generic_words", path))
    cues.update(_words(data, "background", "recall_cues", path))


@lru_cache(maxsize=8)
def _load(dirs: tuple[str, ...], _env: str) -> Ladder:
    rungs: dict[int, Rung] = {}
    families: dict[str, tuple[str, ...]] = {}
    generic: set[str] = set()
    cues: set[str] = set()
    for path in knowledge.files(FILE, dirs):
        _read(path, rungs, families, generic, cues)
    seen: dict[str, int] = {}
    for rung in rungs.values():
        for root in rung.roots:
            if root in seen and seen[root] != rung.rung:
                raise DataError(f"{FILE}: root {root} is on rung {seen[root]} and rung {rung.rung}")
            seen[root] = rung.rung
    return Ladder(tuple(sorted(rungs.values(), key=lambda r: r.rung)), families, frozenset(generic), frozenset(cues))


def load(extra_dirs: Iterable[str | Path] = ()) -> Ladder:
    """The ladder from the bundled file plus $DETENTE_DATA and ``extra_dirs`` (cached per folder set)."""
    return _load(tuple(str(d) for d in extra_dirs), os.environ.get("DETENTE_DATA", ""))
