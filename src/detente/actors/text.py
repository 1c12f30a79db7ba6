"""Tokens for dictionary matching: tolerant of case, dots, possessives and accents.

"U.S." and "US" give the same token, "Iran's" gives "Iran", "Elysée" gives
"Elysee", "al-Shabaab" gives "al Shabaab". Each token keeps its surface case
so that an alias can demand it: an all-capitals alias ("US", "UK", "IRGC")
only matches capitals, so the pronoun "us" is never the United States, and a
capitalised alias ("Turkey", "Jordan") never matches a lower-case word.
"""
from __future__ import annotations

import re
import unicodedata

ARTICLES = frozenset({"the", "a", "an"})

_DOTTED = re.compile(r"\b[A-Za-z](?:\.[A-Za-z])+\.?")
_POSSESSIVE = re.compile(r"(?<=[^\W_])['’]s\b|(?<=s)['’](?=\s|$|[^\w])")
_APOSTROPHE = re.compile(r"(?<=[^\W_])['’ʼ`](?=[^\W_])")
_WORD = re.compile(r"[^\W_]+")

UPPER, CAPITAL, ANY = "upper", "capital", "any"


def fold(text: str) -> str:
    """Strip accents and join dotted acronyms and inner apostrophes ("U.S." → "US", "Sana'a" → "Sanaa")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    text = _POSSESSIVE.sub("", text)
    return _APOSTROPHE.sub("", text)


def tokens(text: str) -> list[str]:
    """Surface tokens of ``text`` without articles, possessive endings or punctuation."""
    return [w for w in _WORD.findall(fold(text)) if w.lower() not in ARTICLES]


def key(words: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w.lower() for w in words)


def shape(word: str) -> str:
    """The case an alias word demands of the text: all capitals, a capital initial, or any."""
    if len(word) > 1 and word.isupper():
        return UPPER
    if word[:1].isupper():
        return CAPITAL
    return ANY


def fits(shapes: tuple[str, ...], words: list[str]) -> bool:
    """Whether text ``words`` have the case the alias ``shapes`` demand."""
    for demand, word in zip(shapes, words):
        if demand == UPPER and not word.isupper():
            return False
        if demand == CAPITAL and word.islower():
            return False
    return True


def plural(word: str) -> str:
    """A regular English plural, for role nouns ("militia" → "militias", "spokesman" → "spokesmen")."""
    lower = word.lower()
    if lower.endswith("man"):
        return word[:-3] + "men"
    if lower.endswith("y") and lower[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"
