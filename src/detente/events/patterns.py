"""Event patterns as data: verb and noun rules, word lists and modality cues from ``data/events``.

Rules are matched against a trigger token and the lemmas around it; the most specific rule whose
constraints all hold wins, so a user file adds a narrower rule without editing a broad one.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..knowledge import DataError, files, read_tsv, read_yaml, require
from . import syntax

CONSTRAINTS = ("particle", "prep", "object", "pobj", "subject", "complement", "modifier", "content", "content_subject", "predicate")
SLOTS = ("dobj", "dative", "ccomp_subject", "complement", "context", "participants")
SPEECH = (None, "report", "act")


@dataclass(frozen=True)
class Rule:
    """One pattern: a trigger lemma plus optional constraints → a CAMEO code."""

    id: str
    pos: str  # verb or noun
    lemmas: frozenset[str]
    code: str
    constraints: dict[str, frozenset[str]] = field(default_factory=dict)
    target: tuple[str, ...] = ()
    symmetric: bool = False
    both_ways: bool = False
    reverse: str | None = None
    speech: str | None = None
    intent: bool = False
    claims: bool = False
    domestic: bool = False
    has: str | None = None
    light: frozenset[str] = frozenset()
    where: str = ""

    @property
    def specificity(self) -> int:
        return len(self.constraints) + (1 if self.has else 0)


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    goldstein: float
    quad: int


@dataclass
class PatternBook:
    """Everything the coder knows: rules by trigger lemma, word lists, modality cues, the CAMEO tree."""

    verbs: dict[str, list[Rule]]
    nouns: dict[str, list[Rule]]
    lists: dict[str, frozenset[str]]
    cues: dict[str, frozenset[str]]
    cameo: dict[str, Code]
    versions: dict[str, str]
    intents: dict[str, str]  # code or root of an action -> the code of stating the intent to do it

    @property
    def version(self) -> str:
        return "+".join(f"{k}:{v}" for k, v in sorted(self.versions.items()))

    def word_list(self, name: str) -> frozenset[str]:
        return self.lists.get(name, frozenset())

    def cue(self, name: str) -> frozenset[str]:
        return self.cues.get(name, frozenset())

    def intent_code(self, code: str) -> str:
        """The 03x/13x code of a speaker's stated intent to do ``code`` (longest prefix wins)."""
        for n in range(len(code), 1, -1):
            if code[:n] in self.intents:
                return self.intents[code[:n]]
        return "030" if self.cameo[code].quad <= 2 else "130"

    def rules_for(self, lemma: str, pos: str) -> list[Rule]:
        return (self.verbs if pos == "verb" else self.nouns).get(lemma, [])


def load(extra_dirs: Iterable[str | Path] = ()) -> PatternBook:
    """Read every ``events/*.yaml`` and ``cameo.tsv`` in the data folders; DataError names file and entry."""
    extra_dirs = tuple(extra_dirs)
    cameo: dict[str, Code] = {}
    for path in files("cameo.tsv", extra_dirs):
        for row in read_tsv(path):
            try:
                cameo[row["code"]] = Code(row["code"], row["name"], float(row["goldstein"]), int(row["quad"]))
            except (KeyError, ValueError) as exc:
                raise DataError(f"{path}: bad CAMEO row {row}: {exc}") from exc
    docs = [(path, read_yaml(path)) for path in files("events/*.yaml", extra_dirs)]
    versions: dict[str, str] = {}
    lists: dict[str, frozenset[str]] = {}
    cues: dict[str, frozenset[str]] = {}
    intents: dict[str, str] = {}
    for path, doc in docs:
        if not isinstance(doc, dict) or "version" not in doc:
            raise DataError(f"{path}: expected a mapping with a 'version' line")
        versions[path.stem] = str(doc["version"])
        for name, words in (doc.get("lists") or {}).items():
            lists[name] = lists.get(name, frozenset()) | _words(words, f"{path}: lists.{name}")
        for name, words in doc.items():
            if name in ("version", "lists", "rules", "sector_nouns", "intent_codes", "lemma_fixes"):
                continue
            if isinstance(words, list):
                cues[name] = cues.get(name, frozenset()) | _words(words, f"{path}: {name}")
            elif isinstance(words, dict):  # grouped cues: pronouns: {person: [...], ...}
                for sub, items in words.items():
                    cues[sub] = cues.get(sub, frozenset()) | _words(items, f"{path}: {name}.{sub}")
        for wrong, right in (doc.get("lemma_fixes") or {}).items():
            if not isinstance(right, str):
                raise DataError(f"{path}: lemma_fixes.{wrong}: expected one lemma, got {right!r}")
            syntax.LEMMA_FIXES[str(wrong).lower()] = right.lower()
        for root, code in (doc.get("intent_codes") or {}).items():
            intents[str(root)] = str(code)
        for sector, words in (doc.get("sector_nouns") or {}).items():
            lists[f"sector:{sector}"] = lists.get(f"sector:{sector}", frozenset()) | _words(words, f"{path}: sector_nouns.{sector}")
    verbs: dict[str, list[Rule]] = {}
    nouns: dict[str, list[Rule]] = {}
    for path, doc in docs:
        pos = "noun" if path.stem.startswith("noun") else "verb"
        for n, entry in enumerate(doc.get("rules") or []):
            rule = _rule(entry, pos, f"{path}: rule {n + 1}", lists, cameo)
            for lemma in rule.lemmas:
                (nouns if pos == "noun" else verbs).setdefault(lemma, []).append(rule)
    for table in (verbs, nouns):
        for lemma, rules in table.items():
            rules.sort(key=lambda r: -r.specificity)  # stable: file order breaks ties, user files last
    for root, code in intents.items():
        if code not in cameo:
            raise DataError(f"intent_codes: unknown CAMEO code {code!r} for {root!r}")
    return PatternBook(verbs, nouns, lists, cues, cameo, versions, intents)


def _words(value: Any, where: str) -> frozenset[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataError(f"{where}: expected a list of words (quote YAML booleans such as \"on\", \"off\", \"no\")")
    return frozenset(v.lower() for v in value)


def _rule(entry: Any, pos: str, where: str, lists: dict[str, frozenset[str]], cameo: dict[str, Code]) -> Rule:
    entry = require(entry, ("id", "lemma", "code"), where)
    where = f"{where} ({entry['id']})"
    code = str(entry["code"])
    if code not in cameo:
        raise DataError(f"{where}: unknown CAMEO code {code!r}")
    constraints = {}
    for key in CONSTRAINTS:
        if key in entry:
            constraints[key] = _expand(entry[key], where, key, lists)
    target = tuple(entry.get("target") or ())
    for slot in target:
        if slot not in SLOTS and not str(slot).startswith("prep:"):
            raise DataError(f"{where}: unknown target slot {slot!r}")
    if entry.get("speech") not in SPEECH:
        raise DataError(f"{where}: speech must be report or act")
    reverse = entry.get("reverse")
    if reverse is not None and str(reverse) not in cameo:
        raise DataError(f"{where}: unknown reverse code {reverse!r}")
    return Rule(
        id=str(entry["id"]), pos=pos, lemmas=_expand(entry["lemma"], where, "lemma", lists), code=code,
        constraints=constraints, target=target, symmetric=bool(entry.get("symmetric")),
        both_ways=bool(entry.get("both_ways")), reverse=str(reverse) if reverse else None,
        speech=entry.get("speech"), intent=bool(entry.get("intent")), claims=bool(entry.get("claims")),
        domestic=bool(entry.get("domestic")), has=entry.get("has"), where=where,
        light=_words(entry.get("light") or [], f"{where}: light"),
    )


def _expand(value: Any, where: str, key: str, lists: dict[str, frozenset[str]]) -> frozenset[str]:
    """A word list, where "@name" stands for a named list of lexicon.yaml."""
    if isinstance(value, str) and value.startswith("@"):
        if value[1:] not in lists:
            raise DataError(f"{where}: {key} refers to unknown word list {value}")
        return lists[value[1:]]
    return _words(value, f"{where}: {key}")
