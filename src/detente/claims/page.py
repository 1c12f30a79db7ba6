"""What the claims reader knows of a whole text besides its parse: paragraphs, quotes, boilerplate.

Offsets are character offsets into the text. ``trim`` and ``paragraph`` are the two span helpers
every cue uses: content never crosses a paragraph break unless it is a quote that runs on.
"""
from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .quotes import Quote

CONTENT_TRIM = " \t\n,.;:—–-"


class Page:
    """What the reader knows of the whole text: quotes, boilerplate, regions already claimed."""

    def __init__(self, text: str, quotes: list[Quote], boilerplate: list[tuple[int, int]]) -> None:
        self.text = text
        self.quotes = quotes
        self.taken: list[tuple[int, int]] = list(boilerplate)
        # lines that introduce a block quote, from its speaker to the colon: the verb there says nothing more
        self.introductions: list[tuple[int, int]] = []

    def skipped(self, start: int, end: int) -> bool:
        return any(a <= start and end <= b + 1 for a, b in self.taken)

    def in_quote(self, pos: int) -> bool:
        return any(q.start < pos < q.end for q in self.quotes)

    def quote_over(self, start: int, end: int) -> tuple[int, int] | None:
        """The content widened to the whole of any quote it reaches into."""
        hit = [q for q in self.quotes if q.overlaps(start, end)]
        if not hit:
            return None
        # a short quoted phrase inside reported speech ("a 'grave mistake'") leaves the content alone
        if all(q.start > start and q.end < end + 2 for q in hit):
            return None
        start = min([start] + [q.inner_start for q in hit])
        last = max(hit, key=lambda q: q.end)
        end = last.inner_end if end <= last.end + 1 else max(end, last.inner_end)
        return start, end

    def adjacent_quote(self, verb: Token, sent: SpacySpan) -> tuple[int, int] | None:
        """A quote right before the attribution ("“…,” he said") or right after it ("said: “…”")."""
        text = self.text
        right = max(t.idx + len(t.text) for t in verb.subtree)
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        for q in self.quotes:
            if q.end <= verb.idx and q.end >= sent.start_char - 2:
                between = text[q.end:verb.idx]
                for subject in subjects:
                    between = between.replace(text[subject.left_edge.idx:subject.right_edge.idx + len(subject.right_edge)], "", 1)
                closing = text[q.inner_end:q.end] + between
                if not between.strip(" ,—–-\n") and any(mark in closing for mark in ",—–?!"):
                    return q.inner_start, q.inner_end  # "“…,” he said", not "“….” He expected"
            if q.start >= verb.idx and text[verb.idx:q.start].rstrip().endswith((":", ",")) and q.start <= right + 3:
                return q.inner_start, q.inner_end
            if q.start >= verb.idx and q.start <= right + 3 and q.start > verb.idx and \
                    re.search(r"[:,]\s*$", text[sent.start_char:q.start]):
                return q.inner_start, q.inner_end
        return None

    def with_continuation(self, found: tuple[int, int], sent: SpacySpan, has_own_verb) -> tuple[int, int]:
        """A quote that goes on after "he said" ("“A,” he said. “B.”") belongs to the same claim,
        unless the sentence it stands in attributes it to someone by a verb of its own."""
        start, end = found
        doc = sent.doc
        sentence_end = sent.end_char
        for q in self.quotes:
            if q.start < sentence_end or q.start < end:
                continue
            gap = self.text[sentence_end:q.start]
            if gap.strip() or "\n" in gap:
                break
            para = paragraph_of(self.text, q.start)
            last = doc.char_span(max(q.end - 1, q.start), q.end, alignment_mode="expand")
            around = [t for s in {doc.char_span(q.start, q.start + 1, alignment_mode="expand").sent,
                                  last.sent if last is not None else None} if s is not None
                      for t in s if para[0] <= t.idx < para[1]]
            if has_own_verb(around, q):
                break
            end = q.inner_end
            sentence_end = min(max(t.idx + len(t) for t in around), para[1]) if around else q.end
        return start, end


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in CONTENT_TRIM + "“”\"":
        start += 1
    while end > start and text[end - 1] in CONTENT_TRIM + "?!":
        end -= 1
    return start, end


def paragraph_of(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end < 0 else end)


def boilerplate(text: str) -> list[tuple[int, int]]:
    try:
        from ..ingest.boilerplate import boilerplate_spans
    except ImportError:  # the ingest stage is not installed: nothing is boilerplate
        return []
    return list(boilerplate_spans(text))
