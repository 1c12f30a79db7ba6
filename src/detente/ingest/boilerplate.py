"""Find and drop web boilerplate inside article text (share pleas, banners, credits, bylines).

Pasted or extracted articles carry lines that are not the article: cookie banners,
"1,304 views", "(Reporting by ...)", "The views expressed are the author's own".
Readers must not take them for claims or forecasts, and ingest must not store them.
The patterns are data (``data/boilerplate.yaml``); this module only cuts a text into
lines and pieces and asks the patterns, so that an article sentence that merely says
"share" or "comment" survives: a pattern must match a whole piece, never a fragment.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..knowledge import DataError, files, read_yaml

KINDS = ("piece", "line", "tail", "block")
_MACRO = re.compile(r"\{([A-Z]+)\}")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“‘'(\[*]?[A-Z0-9©])")
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))")
_NORMAL = re.compile(r"[^\w]+")
_BULLET = re.compile(r"^(?:[-*•»›]|\d{1,2}[.)])\s")
_CUT = "\x00"  # marks where a span was cut, while tidying


@dataclass(frozen=True)
class Category:
    """One kind of boilerplate: its patterns by kind, and whether it applies only in the header."""

    name: str
    piece: tuple[re.Pattern, ...] = ()
    line: tuple[re.Pattern, ...] = ()
    tail: tuple[re.Pattern, ...] = ()
    block: tuple[re.Pattern, ...] = ()
    header: bool = False


@dataclass(frozen=True)
class Rules:
    categories: tuple[Category, ...]
    piece_separators: re.Pattern
    breadcrumb_separators: re.Pattern
    body_words: int
    header_lines: int
    short_item_words: int
    box_rule: re.Pattern
    box_lines: int
    metadata: dict[str, tuple[re.Pattern, ...]]  # header fields ingest lifts: author, outlet, date ...


def _expand(pattern: str, macros: dict[str, str], where: str) -> str:
    for _ in range(5):  # macros may use macros; five levels is plenty
        expanded = _MACRO.sub(lambda m: macros.get(m.group(1), m.group(0)), pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    raise DataError(f"{where}: macros nest too deep")


def _compile(pattern: object, macros: dict[str, str], where: str) -> re.Pattern:
    if not isinstance(pattern, str) or not pattern.strip():
        raise DataError(f"{where}: expected a non-empty regex string, got {pattern!r}")
    try:
        return re.compile(_expand(pattern, macros, where), re.IGNORECASE)
    except re.error as exc:
        raise DataError(f"{where}: bad regex {pattern!r}: {exc}") from exc


@lru_cache(maxsize=8)
def load_rules(extra_dirs: tuple[str | Path, ...] = ()) -> Rules:
    """Read every boilerplate.yaml (bundled first); later files add or replace categories by name."""
    macros: dict[str, str] = {}
    structure: dict[str, object] = {}
    raw: dict[str, tuple[Path, dict]] = {}
    metadata: dict[str, list[tuple[Path, object]]] = {}
    for path in files("boilerplate.yaml", extra_dirs):
        data = read_yaml(path) or {}
        if not isinstance(data, dict):
            raise DataError(f"{path}: expected a mapping at the top level")
        for key in ("macros", "structure", "categories", "metadata"):
            if not isinstance(data.get(key, {}), dict):
                raise DataError(f"{path}: {key}: expected a mapping")
        macros.update({str(k): str(v) for k, v in (data.get("macros") or {}).items()})
        structure.update(data.get("structure") or {})
        for name, entry in (data.get("categories") or {}).items():
            if not isinstance(entry, dict):
                raise DataError(f"{path}: categories.{name}: expected a mapping")
            unknown = set(entry) - {*KINDS, "header"}
            if unknown:
                raise DataError(f"{path}: categories.{name}: unknown keys {', '.join(sorted(unknown))}")
            raw[name] = (path, entry)
        for field, patterns in (data.get("metadata") or {}).items():
            if not isinstance(patterns, list):
                raise DataError(f"{path}: metadata.{field}: expected a list of regexes")
            metadata[field] = [(path, p) for p in patterns] + metadata.get(field, [])  # the user's first
    categories = []
    for name, (path, entry) in raw.items():
        compiled = {}
        for kind in KINDS:
            patterns = entry.get(kind) or []
            if not isinstance(patterns, list):
                raise DataError(f"{path}: categories.{name}.{kind}: expected a list of regexes")
            singles = [_compile(p, macros, f"{path}: categories.{name}.{kind}[{i}]") for i, p in enumerate(patterns)]
            # one alternation per kind: a tenth of the matching work of trying each pattern
            compiled[kind] = (re.compile("|".join(f"(?:{p.pattern})" for p in singles), re.IGNORECASE),) if singles else ()
        categories.append(Category(name, header=bool(entry.get("header", False)), **compiled))
    where = "boilerplate.yaml: structure"
    try:
        return Rules(
            categories=tuple(categories),
            piece_separators=_compile(structure["piece_separators"], {}, f"{where}.piece_separators"),
            breadcrumb_separators=_compile(structure["breadcrumb_separators"], {}, f"{where}.breadcrumb_separators"),
            body_words=int(structure["body_words"]),
            header_lines=int(structure["header_lines"]),
            short_item_words=int(structure["short_item_words"]),
            box_rule=_compile(structure["box_rule"], {}, f"{where}.box_rule"),
            box_lines=int(structure["box_lines"]),
            metadata={field: tuple(_compile(p, macros, f"{path}: metadata.{field}[{i}]")
                                   for i, (path, p) in enumerate(entries))
                      for field, entries in metadata.items()},
        )
    except KeyError as exc:
        raise DataError(f"{where}: missing {exc.args[0]}") from exc
    except (TypeError, ValueError) as exc:
        raise DataError(f"{where}: {exc}") from exc


def markdown_to_text(text: str) -> str:
    """Markdown links and emphasis read as their text: "[Pepe Escobar](#)" → "Pepe Escobar".

    Most lines have neither; a test for the marker characters skips the regular expressions
    (run on every line of every text, at ingest and again by the readers).
    """
    if "[" in text:
        text = _MARKDOWN_LINK.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub("", text)
    return text


def _lines(text: str) -> Iterable[tuple[int, int]]:
    """(start, end) of each non-blank line, trimmed of surrounding whitespace."""
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            start = pos + (len(body) - len(body.lstrip()))
            yield start, start + len(stripped)
        pos += len(raw)


def _pieces(text: str, start: int, end: int, separators: re.Pattern) -> list[tuple[int, int]]:
    """Cut a line at separators and sentence ends into trimmed (start, end) pieces."""
    out = []
    cuts = [start] + [x for m in separators.finditer(text, start, end) for x in (m.start(), m.end())] + [end]
    for a, b in zip(cuts[::2], cuts[1::2]):
        sub = [a] + [x for m in _SENTENCE_END.finditer(text, a, b) for x in (m.start(), m.end())] + [b]
        for s, e in zip(sub[::2], sub[1::2]):
            chunk = text[s:e]
            if chunk.strip():
                lead = len(chunk) - len(chunk.lstrip())
                out.append((s + lead, s + lead + len(chunk.strip())))
    return out


def _view(text: str) -> str:
    """What patterns see: markdown read as text, a bracketed button "[Share]" as its label."""
    view = markdown_to_text(text).strip() or text.strip()  # "*****" is a rule, not emphasis
    return view[1:-1].strip() if view.startswith("[") and view.endswith("]") else view


def _words(text: str) -> int:
    return len(text.split())


def _normal(text: str) -> str:
    return _NORMAL.sub(" ", text.lower()).strip()


class _Scanner:
    """Walks the lines of one text, tracking the header zone and open link lists."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.in_header = True
        self.header_seen = 0
        self.long_lines = 0
        self.byline_seen = False
        self.after_byline = False
        self.in_block = False

    def _categories(self):
        return [c for c in self.rules.categories if self.in_header or not c.header]

    def _piece_match(self, view: str) -> Category | None:
        for category in self._categories():
            if any(p.fullmatch(view) for p in category.piece):
                return category
        return None

    def line_spans(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Boilerplate spans within one line; updates the scanner's state."""
        rules = self.rules
        view = _view(text[start:end])
        words = _words(view)
        self.header_seen += 1
        if self.header_seen > rules.header_lines:
            self.in_header = False
        if self.in_block:  # under "Related": bulleted or headline-like lines (no full stop) are links
            if _BULLET.match(view) or (words <= 16 and view[-1:] not in ".:"):
                return [(start, end)]
            self.in_block = False
        categories = self._categories()
        whole = any(p.match(view) for c in categories for p in c.line)
        if not whole and any(p.fullmatch(view) for c in categories for p in c.block):
            self.in_block = whole = True
        crumbs = rules.breadcrumb_separators.split(view)
        if not whole and len(crumbs) >= 3 and all(_words(c) <= rules.short_item_words for c in crumbs):
            whole = True
        pieces = _pieces(text, start, end, rules.piece_separators)
        matched = [self._piece_match(_view(text[s:e])) for s, e in pieces]
        is_byline = any(m is not None and m.header for m in matched)
        if not whole and pieces and all(matched):
            whole = True
        if not whole and self.in_header and is_byline and all(
                m is not None or (_words(_view(text[s:e])) <= rules.short_item_words and not text[e - 1] in ".!?")
                for m, (s, e) in zip(matched, pieces)):
            whole = True
        if not whole and self.in_header and self.after_byline and words <= rules.short_item_words \
                and view[-1:] not in ".!?\"”":
            whole = True
        if not whole and pieces and words <= 60:
            last = _view(text[pieces[-1][0]:pieces[-1][1]])
            whole = any(p.fullmatch(last) for c in categories for p in c.tail)
        self.after_byline = whole and is_byline
        self.byline_seen = self.byline_seen or self.after_byline
        if whole:
            return [(start, end)]
        if words >= rules.body_words:
            self.long_lines += 1
            if self.byline_seen or self.long_lines >= 2:
                self.in_header = False
        return [(s, e) for m, (s, e) in zip(matched, pieces)
                if m is not None and not m.header and _words(text[s:e]) >= 3]  # a lone "Email" may be prose


def boilerplate_spans(text: str, rules: Rules | None = None) -> list[tuple[int, int]]:
    """Character spans of boilerplate lines and pieces in ``text``, in order, not overlapping.

    The first line that is not boilerplate (the title) is kept, but a later exact repeat
    of it (image text, breadcrumbs) is boilerplate.
    """
    rules = rules or load_rules()
    scanner = _Scanner(rules)
    spans: list[tuple[int, int]] = []
    lines: list[tuple[int, int, bool]] = []  # start, end, wholly boilerplate
    title: str | None = None
    for start, end in _lines(text):
        if title is None:
            found = scanner.line_spans(text, start, end)
            whole = found == [(start, end)]
            if not whole:
                title = _normal(_view(text[start:end]))
        elif title and _normal(_view(text[start:end])) == title:
            found, whole = [(start, end)], True
        else:
            found = scanner.line_spans(text, start, end)
            whole = found == [(start, end)]
        spans.extend(found)
        lines.append((start, end, whole))
    boxed = _boxes(text, lines, rules)
    if boxed:
        spans = _merge(spans + boxed)
    return spans


def _boxes(text: str, lines: list[tuple[int, int, bool]], rules: Rules) -> list[tuple[int, int]]:
    """Lines boxed by rule lines (a promo box) when at least half of them are boilerplate."""
    rule_at = [i for i, (s, e, _) in enumerate(lines) if rules.box_rule.fullmatch(text[s:e])]
    out = []
    for a, b in zip(rule_at, rule_at[1:] + [len(lines)]):
        inside = lines[a + 1:b]
        if inside and len(inside) <= rules.box_lines and 2 * sum(w for *_, w in inside) >= len(inside):
            out += [(s, e) for s, e, _ in inside]
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def strip_boilerplate(text: str, rules: Rules | None = None) -> str:
    """``text`` without its boilerplate, paragraphs kept, emptied lines and separators dropped."""
    spans = boilerplate_spans(text, rules)
    out, pos = [], 0
    for start, end in spans:
        out.append(text[pos:start] + _CUT)
        pos = end
    out.append(text[pos:])
    kept = []
    for line in "".join(out).splitlines():
        if _CUT in line:  # tidy the separators a cut left behind, only where something was cut
            line = line.replace(_CUT, "")
            line = re.sub(r"^(\s*(?:[|·•—–]|››))+\s*|(\s*(?:[|·•—–]|››))+\s*$", "", line)
            line = re.sub(r"\s+(?:[|·•]|››)(\s+(?:[|·•]|››))+\s+", " | ", line)
        kept.append(line.rstrip())
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return body + "\n" if body else ""
