"""Direct quotes in a text: straight and curly, within a paragraph or running over several.

A quote that is still open at the end of a paragraph continues when the next paragraph
opens with a quote mark (the newspaper convention for multi-paragraph quotes); otherwise it
ends with its paragraph. Single quotes (the British style, 'like this') are quotes when they
pair up within a paragraph outside a double quote: an opening mark at a word's start, a closing
mark after a word and not before a letter (so "Iran's" and "don't" are apostrophes). A plural
possessive ("the rebels' lines") inside such a quote can look like its end; a closing mark next
to punctuation is preferred.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "“"
CLOSING = "”"
STRAIGHT = '"'
PARAGRAPH = re.compile(r"\n\s*\n|\n")
SINGLE_OPEN = "'‘"
SINGLE_CLOSE = "'’"
BEFORE_OPENING = " \t([—–-“\""
PUNCTUATION = ",.;:!?)—–"


@dataclass(frozen=True)
class Quote:
    start: int  # the opening mark
    end: int  # after the closing mark (or the paragraph's end)
    inner_start: int
    inner_end: int  # before the closing mark, trailing , . ; : left out

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end

    def overlaps(self, start: int, end: int) -> bool:
        return start < self.end and self.start < end


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, last = [], 0
    for m in PARAGRAPH.finditer(text):
        spans.append((last, m.start()))
        last = m.end()
    spans.append((last, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _marks(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Opening ('o') and closing ('c') quote marks of one paragraph, straight ones alternating."""
    marks, straight_open = [], False
    for i in range(start, end):
        ch = text[i]
        if ch == OPENING:
            marks.append((i, "o"))
        elif ch == CLOSING:
            marks.append((i, "c"))
        elif ch == STRAIGHT:
            marks.append((i, "c" if straight_open else "o"))
            straight_open = not straight_open
    return marks


def find_quotes(text: str) -> list[Quote]:
    quotes: list[Quote] = []
    open_at: int | None = None
    paragraphs = _paragraphs(text)
    for index, (p_start, p_end) in enumerate(paragraphs):
        for pos, kind in _marks(text, p_start, p_end):
            if kind == "o" and open_at is None:
                open_at = pos
            elif kind == "c" and open_at is not None:
                quotes.append(_quote(text, open_at, pos + 1, pos))
                open_at = None
        if open_at is not None:
            following = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
            if following is None or text[following] not in (OPENING, STRAIGHT):
                quotes.append(_quote(text, open_at, p_end, p_end))
                open_at = None
            # else the quote runs on: the next paragraph's opening mark is skipped as already open
    for p_start, p_end in paragraphs:
        inside = [q for q in quotes if q.overlaps(p_start, p_end)]
        quotes += [_quote(text, a, b + 1, b) for a, b in _single_pairs(text, p_start, p_end)
                   if not any(q.overlaps(a, b + 1) for q in inside)]
    return sorted(quotes, key=lambda q: q.start)


def _single_pairs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Opening and closing single quote marks of one paragraph that pair up (see the module docstring)."""
    pairs, i = [], start
    while i < end:
        if text[i] in SINGLE_OPEN and (i == start or text[i - 1] in BEFORE_OPENING) \
                and i + 1 < end and text[i + 1].isalnum():
            closings = [j for j in range(i + 2, end) if text[j] in SINGLE_CLOSE and not text[j - 1].isspace()
                        and (j + 1 == end or not text[j + 1].isalnum())]
            if closings:
                marked = [j for j in closings if text[j - 1] in PUNCTUATION or j + 1 == end or text[j + 1] in PUNCTUATION]
                close = marked[0] if marked and text[closings[0] - 1] == "s" else closings[0]
                pairs.append((i, close))
                i = close
        i += 1
    return pairs


def _quote(text: str, start: int, end: int, inner_end: int) -> Quote:
    inner_start = start + 1
    while inner_end > inner_start and text[inner_end - 1] in " ,.;:\n":
        inner_end -= 1
    return Quote(start, end, inner_start, inner_end)
