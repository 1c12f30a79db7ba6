"""Rules for nouns of chance: "there is a good chance that S", "the odds of X are slim",
"put the odds of X at better than even", explicit figures.

Mixed into ``detect.ClauseFinder``, which supplies ``table``, ``cues`` and ``_clause``.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from .grammar import (
    CHANCE, FIGURE, NUMBER_WORDS, Finding, aux_words, expand_modifiers, in_quote_marks, lower, negated,
    past_tense, span_text, subject)
from .phrases import Reading


class ChanceRules:
    """Predicted clauses that a noun of chance is attached to, read with what the chance is said to be."""

    def _chance(self, tok: Token) -> Finding | None:
        """"There is a good chance (that) S", "the chance of X was remote", "put the odds of X at one in ten"."""
        no_way = lower(tok) == "way" and any(lower(d) == "no" for d in tok.children if d.dep_ == "det")
        if (lower(tok) not in CHANCE and not no_way) or tok.pos_ != "NOUN":
            return None
        target: Token | None = None
        of = next((c for c in tok.children if c.dep_ == "prep" and lower(c) in ("of", "that")), None)
        if of is not None:
            target = next((c for c in of.children if c.dep_ in ("pobj", "pcomp")), None)
        if target is None:
            target = next((c for c in tok.children if c.dep_ in ("ccomp", "acl", "relcl") and c.pos_ in ("VERB", "AUX")), None)
            valued = tok.dep_ == "dobj" and tok.head.lemma_ in self.cues.reporting_verbs  # "put the odds that S at 40%"
            if target is not None and target.lemma_ == "be" and not aux_words(target) and not valued:
                return None  # "a good chance he is right": a judgement about the present
        if target is None and tok.dep_ == "dobj" and tok.head.lemma_ in self.cues.chance_verbs:
            target = next((c for c in tok.head.children if c.dep_ == "ccomp" and c.i > tok.i and c.pos_ in ("VERB", "AUX")
                           and any(lower(m) == "that" for m in c.children if m.dep_ == "mark")), None)  # "gave a 38% chance on Friday that S"
        if target is not None and target.pos_ in ("VERB", "AUX") and past_tense(target):
            return None  # "no doubt that the regime fired the missile": a judgement about the past
        if target is None and tok.dep_ == "attr":
            subj = subject(tok.head)
            if subj is not None and subj.dep_ == "nsubj" and subj.pos_ in ("NOUN", "PROPN"):
                return None  # "strikes are a real possibility": the noun-phrase rule reads it
            target = next((c for c in tok.head.children
                           if (c.dep_ in ("csubj", "advcl", "ccomp") or c.dep_ == "dep" and c.i > tok.i)
                           and c.pos_ in ("VERB", "AUX")
                           and not any(lower(m) in self.cues.condition_marks for m in c.children if m.dep_ == "mark")), None)
        if target is None:
            return None
        reading = self._chance_reading(tok)
        if reading is None:
            return None
        start, end = (target.left_edge.i, target.right_edge.i + 1)
        if target.dep_ != "pobj":
            start, end = self._clause(target)
        at = next((c for c in target.children if c.dep_ == "prep" and lower(c) == "at" and c.i > target.i
                   and FIGURE.search(span_text(tok.doc, c.i, c.right_edge.i + 1))), None)
        if at is not None:
            end = min(end, at.i)  # "the odds that S at roughly 40 percent": the figure is the reading, not S
        anchor = tok.head if tok.dep_ in ("attr", "dobj", "nsubj", "nsubjpass") else tok
        return Finding(start, end, target, reading, anchor, marker="chance")

    def _chance_reading(self, tok: Token) -> Reading | None:
        left = [t for t in tok.subtree if t.i <= tok.i and t.i >= tok.left_edge.i]
        words = [in_quote_marks(lower(t)) for t in left]
        inside = FIGURE.search(tok.doc.text[tok.left_edge.idx:tok.idx + len(tok)])
        if inside and inside.group(2):  # "a 70% chance"
            return self.table.figure(float(inside.group(2)) / 100, inside.group(1) or "", shown=inside.group(0))
        for cut in range(len(words)):
            phrase = " ".join(w for w in words[cut:] if w)
            for variant in (phrase, phrase.replace(" an ", " ").replace(" a ", " "), re.sub(r"^(an?|the) ", "", phrase)):
                reading = self.table.read(variant, shown=span_text(tok.doc, left[cut].i, tok.i + 1))
                if reading is not None and not (variant in ("chance", "possibility", "odds", "bet") and cut):
                    return reading
        predicate = tok.head if tok.dep_ in ("nsubj", "nsubjpass") else None
        if predicate is not None:
            for c in predicate.children:
                if c.dep_ in ("acomp", "attr", "advmod") and c.i != tok.i and c.i > tok.i:
                    toks = expand_modifiers([m for m in c.children if m.dep_ == "advmod"]) + [c]
                    reading = self.table.read(" ".join(lower(t) for t in toks), negated=negated(predicate),
                                              shown=span_text(tok.doc, toks[0].i, c.i + 1)) \
                        or self.table.read(span_text(tok.doc, c.left_edge.i, c.right_edge.i + 1), negated=negated(predicate),
                                           shown=span_text(tok.doc, c.left_edge.i, c.right_edge.i + 1))  # "close to zero"
                    if reading is not None:
                        return reading
        valued = self._valued_at(tok) if tok.dep_ == "dobj" else None
        if valued is not None:
            return valued
        clause_text = tok.doc.text[tok.left_edge.idx:tok.sent.end_char]
        m = FIGURE.search(clause_text)
        if m:
            if m.group(2):
                value = float(m.group(2)) / 100
            else:
                value = NUMBER_WORDS.get(m.group(3).lower(), 1) / max(1, NUMBER_WORDS.get(m.group(4).lower(), 10))
            return self.table.figure(value, m.group(1) or "", shown=m.group(0))
        if words and words[0] in ("a", "an") and lower(tok) in ("chance", "possibility", "risk"):
            return self.table.read("a chance", shown=span_text(tok.doc, left[0].i, tok.i + 1))
        return None

    def _valued_at(self, tok: Token) -> Reading | None:
        """"put the odds of X at better than even": the estimative phrase after the verb's "at"."""
        at = next((t for t in tok.doc[tok.i + 1:tok.sent.end] if lower(t) == "at"), None)
        if at is None:
            return None
        for n in range(5, 0, -1):
            toks = tok.doc[at.i + 1:at.i + 1 + n]
            if len(toks) == n and not any(t.is_punct for t in toks):
                reading = self.table.read(toks.text, shown=toks.text)
                if reading is not None and reading.kind in ("hedge", "chance"):
                    return reading
        return None
