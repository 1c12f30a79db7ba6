"""A light offline language check: function-word share for Latin text, script for the rest.

Good enough to tell an English article from a French or Russian one on a 2-core box
with no model; it names the language so a non-English document can be kept and reported.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..knowledge import DataError, files, read_yaml

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True)
class LanguageRules:
    stopwords: dict[str, frozenset[str]]
    scripts: dict[str, str]
    english_min_share: float
    other_min_share: float
    script_min_share: float


@lru_cache(maxsize=4)
def load_language_rules(extra_dirs: tuple[str | Path, ...] = ()) -> LanguageRules:
    merged: dict = {"stopwords": {}, "scripts": {}}
    for path in files("languages.yaml", extra_dirs):
        data = read_yaml(path) or {}
        if not isinstance(data, dict):
            raise DataError(f"{path}: expected a mapping at the top level")
        for key in ("stopwords", "scripts"):
            part = data.get(key) or {}
            if not isinstance(part, dict):
                raise DataError(f"{path}: {key}: expected a mapping")
            for code, value in part.items():
                if key == "stopwords" and not isinstance(value, list):
                    raise DataError(f"{path}: stopwords.{code}: expected a list of words")
                merged[key][str(code)] = value
        for key in ("english_min_share", "other_min_share", "script_min_share"):
            if key in data:
                merged[key] = data[key]
    try:
        return LanguageRules(
            stopwords={c: frozenset(str(w).lower() for w in ws) for c, ws in merged["stopwords"].items()},
            scripts={str(k).upper(): str(v) for k, v in merged["scripts"].items()},
            english_min_share=float(merged["english_min_share"]),
            other_min_share=float(merged["other_min_share"]),
            script_min_share=float(merged["script_min_share"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise DataError(f"languages.yaml: missing or bad setting: {exc}") from exc


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else ""


def detect_language(text: str, rules: LanguageRules | None = None, sample: int = 5000) -> str:
    """ISO 639-1 code of ``text`` ("en", "fr", "ru", ...) or "und" when it cannot tell."""
    rules = rules or load_language_rules()
    text = text[:sample]
    letters = sum(c.isalpha() for c in text)
    if not letters:
        return "und"
    scripts = Counter(_script(c) for c in text if not c.isascii() and c.isalpha())  # ASCII letters are Latin
    if scripts:
        script, count = scripts.most_common(1)[0]
        if script != "LATIN" and count / letters >= rules.script_min_share:
            return rules.scripts.get(script, "und")
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return "und"
    shares = {code: sum(w in stop for w in words) / len(words) for code, stop in rules.stopwords.items()}
    if shares.get("en", 0.0) >= rules.english_min_share:
        return "en"
    best = max(shares, key=shares.get)
    return best if shares[best] >= rules.other_min_share else "und"
