"""Direct quotes in a text: straight and curly, within a paragraph or running over several.

A quote that is still open at the end of a paragraph continues when the next paragraph
opens with a quote mark (the newspaper convention for multi-paragraph quotes); otherwise it
ends with its paragraph. Single quotes are left alone: they cannot be told from apostrophes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "“"
CLOSING = "”"
STRAIGHT = '"'
PARAGRAPH = re.compile(r"\n\s*\n|\n")


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
    return quotes


def _quote(text: str, start: int, end: int, inner_end: int) -> Quote:
    inner_start = start + 1
    while inner_end > inner_start and text[inner_end - 1] in " ,.;:\n":
        inner_end -= 1
    return Quote(start, end, inner_start, inner_end)
