"""Where a claim's content lies in the parse when the verb's own clause does not say:
"said in a statement that S", "Will X? I doubt it.", "Here is my view. S", and span helpers.
"""
from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..nlp import doc_text
from .page import Page, paragraph_of, trim

ADDRESSEE_VERBS = {"tell", "inform", "assure", "warn", "brief", "remind", "promise"}


def token_range(tokens: list[Token], sent: SpacySpan) -> tuple[int, int] | None:
    """The characters the subtrees of ``tokens`` cover in ``sent``, without a leading "that"."""
    first = min((t.left_edge for t in tokens), key=lambda t: t.i)
    last = max((t.right_edge for t in tokens), key=lambda t: t.i)
    while first.i < last.i and (first.dep_ == "mark" and first.lower_ in ("that", "whether", "if") or first.is_punct):
        first = first.doc[first.i + 1]
    return char_range(first, last, sent)


def char_range(first: Token, last: Token, sent: SpacySpan) -> tuple[int, int]:
    """From ``first`` to ``last`` inclusive, kept inside the sentence and trimmed of punctuation."""
    text = doc_text(sent.doc)
    start, end = first.idx, last.idx + len(last.text)
    return trim(text, max(start, sent.start_char), min(end, sent.end_char))


def that_clause(verb: Token, sent: SpacySpan, page: Page, complement_nouns: frozenset[str] = frozenset()) \
        -> tuple[int, int] | None:
    """"said in a statement that S" parsed with S hanging off "statement": the first "that" soon after. A
    "that" after one of ``complement_nouns`` ("on the condition that he not be named") is that noun's."""
    doc = sent.doc
    if any(c.dep_ == "prt" for c in verb.children):
        return None  # "called off the summit that …"
    objects = {c.i for c in verb.children if c.dep_ == "dobj"} if verb.lemma_.lower() not in ADDRESSEE_VERBS else set()
    for token in doc[verb.i + 1:min(sent.end, verb.i + 14)]:
        if token.i - 1 in objects:
            return None  # "that" after the verb's own object is a relative pronoun
        if token.lower_ in (".", ";", "“", '"') or token.is_punct and token.text not in (","):
            return None
        if token.lower_ == "that" and doc[token.i - 1].lemma_.lower() in complement_nouns:
            return None
        if token.lower_ == "that" and (token.dep_ == "mark" or token.head.i > token.i) and not page.in_quote(token.idx):
            return trim(doc_text(doc), token.idx + 4, min(sent.end_char, paragraph_of(doc_text(doc), token.idx)[1]))
    return None


def previous_question(sent: SpacySpan) -> tuple[int, int] | None:
    """"Will we ever know? I doubt it." — the doubted proposition is the question before."""
    doc = sent.doc
    if sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    if not before.text.rstrip().endswith("?"):
        return None
    first = before[0]
    start = before.start_char + (len(first.text) + 1 if first.tag_ == "MD" or first.lemma_ in ("do", "be") else 0)
    return trim(doc_text(doc), start, before.end_char)


def next_sentence(sent: SpacySpan) -> SpacySpan | None:
    doc = sent.doc
    return doc[sent.end].sent if sent.end < len(doc) else None
