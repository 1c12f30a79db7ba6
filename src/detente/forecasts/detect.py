"""Finding predicted clauses in a parsed sentence, with the words of likelihood attached to them.

A clause is predicted when its verb carries a future or modal auxiliary ("will", "could", "would"
under a verb of saying), when it is the complement of a predicate of likelihood ("is likely to",
"is expected to", "it is unlikely that"), of a noun of chance ("a good chance that", "the odds of"),
of a verb of belief ("I expect", "I doubt", "don't expect"), or when a noun phrase is itself
called likely ("a pause in deliveries is likely", "analysts regard X as all but inevitable",
"X cannot be ruled out"). Each finding keeps the token span of the proposition, the token the
forecaster is looked up from and the reading of its phrase; attribution happens elsewhere.

The rules live in one module per family: ``rules_future`` (auxiliaries), ``rules_predicate``
(predicates of likelihood), ``rules_chance`` (nouns of chance) and ``rules_frame`` (frames of
belief); ``grammar`` holds the word classes and token helpers they share.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .cues import Cues
from .grammar import Finding, aux_words, lower, paragraph, subject
from .phrases import PhraseTable
from .rules_chance import ChanceRules
from .rules_frame import FrameRules
from .rules_future import FutureRules
from .rules_predicate import PredicateRules

TIMESTAMP = re.compile(r"^\d{1,2}[:.]\d\d$")


class ClauseFinder(FutureRules, PredicateRules, ChanceRules, FrameRules):
    """Finds the predicted clauses of one sentence; see the module docstring. The rules live in one
    mixin per family (``rules_*``); this class runs them and settles overlaps."""

    def __init__(self, table: PhraseTable, cues: Cues) -> None:
        self.table = table
        self.cues = cues

    def find(self, sent: Span) -> list[Finding]:
        """The predicted clauses of ``sent``, one per clause, spans trimmed so that none swallows another."""
        if sent.text.rstrip().endswith("?"):
            return []
        found: dict[int, Finding] = {}
        whether = self._whether(sent)
        if whether is not None:
            return [whether]
        for tok in sent:
            for finding in self._at(tok):
                old = found.get(finding.head.i)
                if old is None or _rank(finding) > _rank(old):
                    found[finding.head.i] = finding
        frames = {f.frame.i for f in found.values() if f.frame is not None}
        found = {k: f for k, f in found.items() if k not in frames}  # "I'd be surprised if S": the frame is no forecast
        for frame in [f for f in found.values() if f.marker == "frame"]:
            if any(f is not frame and not f.reading.plain and f.marker != "frame" and frame.start <= f.start and f.end <= frame.end
                   for f in found.values()):
                del found[frame.head.i]  # "I think there is a good chance that S": the inner phrase speaks
        for f in found.values():
            for g in found.values():
                if g is not f and f.start <= g.head.i < f.end and not g.start <= f.head.i < g.end:
                    if g.head.i < f.head.i:
                        f.start = max(f.start, g.end)
                    else:
                        f.end = min(f.end, g.start)
        found = {k: f for k, f in found.items() if f.start < f.end}
        for back in [f for f in found.values() if f.marker == "noun" and self.looks_back(f.head)]:
            del found[back.head.i]  # "A will happen; that is close to certain": the judgement of A, no forecast
            for f in found.values():
                if f.end <= back.start and f.reading.plain:
                    f.reading = back.reading
        nouns = [f for f in found.values() if f.marker == "noun"]
        for tok in sent:
            elided = self._elided_contrast(tok, nouns)
            if elided is not None:
                found[elided.head.i] = elided
        return sorted(found.values(), key=lambda f: f.start)

    def _at(self, tok: Token) -> list[Finding]:
        out = []
        for rule in (self._auxiliary, self._going_to, self._to_predicate, self._expletive, self._noun_likely,
                     self._chance, self._frame, self._trailing_frame, self._hedged_copula, self._judged, self._on_course, self._ruled_out):
            hit = rule(tok)
            if hit:
                out.extend(hit if isinstance(hit, list) else [hit])
        return out

    def _clause(self, head: Token) -> tuple[int, int]:
        """Token range of ``head``'s clause without conditions, asides, reporting and other clauses."""
        dropped: set[int] = set()
        for c in head.children:
            if self._separate(c, head):
                dropped.update(t.i for t in c.subtree)
        for t in head.subtree:
            if t.dep_ in ("acl", "relcl") and t.lemma_ in self.cues.reporting_verbs and t.head.dep_ == "appos" \
                    and subject(t) is None and t.tag_ in ("VBD", "VBN"):
                dropped.update(a.i for a in t.head.subtree)  # "…its arms, the X agency, which…, reported": a credit
        lo, hi = paragraph(head)
        kept = [t for t in head.subtree if t.i not in dropped and lo <= t.i < hi]
        while kept and (kept[0].is_punct and kept[0].text not in "\"“'‘" or kept[0].dep_ in ("cc", "mark", "prep") and kept[0].head.i == head.i
                        and lower(kept[0]) in ("that", "and", "but", "or", "so", "yet", "if", "unless", "then")):
            kept.pop(0)
        stops = [t.i for t in kept if t.text == ";" and t.i < head.i]
        if stops:
            kept = [t for t in kept if t.i > stops[-1]]  # "in my assessment; S": a fragment before the semicolon
        if kept and kept[0].i == lo and TIMESTAMP.match(kept[0].text):
            kept.pop(0)  # "13:40 A truce is due to…": the time of a live-blog entry
        while kept and (kept[-1].is_punct and kept[-1].text not in "\"”'’" or kept[-1].dep_ == "cc"):
            kept.pop()
        if not kept:
            return head.i, head.i + 1
        return kept[0].i, kept[-1].i + 1

    def _separate(self, child: Token, head: Token) -> bool:
        """True when ``child``'s subtree is not part of ``head``'s predicted clause."""
        dep = child.dep_
        if dep in ("parataxis", "punct"):
            return True
        if dep == "advcl":
            marks = {lower(m) for m in child.children if m.dep_ in ("mark", "advmod")}
            if marks & (self.cues.condition_marks | self.cues.aside_marks) or child.tag_ == "VBG" \
                    or child.lemma_ in self.cues.reporting_verbs or child.i < head.i and child.dep_ == "advcl":
                return True
        if dep == "conj" and (subject(child) is not None or aux_words(child)) and child.pos_ in ("VERB", "AUX"):
            return True
        if dep == "cc" and any(c.dep_ == "conj" and self._separate(c, head) for c in head.children if c.i > child.i):
            return True
        if dep == "prep" and lower(child) == "according":
            return True
        if dep == "prep" and lower(child) in self.cues.aside_marks and child.i > head.i and child.nbor(-1).text in (",", ";"):
            return True  # "S, despite the sanctions": the speaker's reason, not part of what is predicted
        if dep == "prep" and lower(child) == "in" and any(o.lemma_ in self.cues.view_nouns and any(lower(p) in ("of", "my", "our") for p in o.children)
                                                          for o in child.children if o.dep_ == "pobj"):
            return True  # "in the view of most diplomats": the source, not the proposition
        if dep in ("ccomp", "advcl", "conj") and child.lemma_ in self.cues.reporting_verbs and child.i > head.i:
            return True
        if dep == "dep" and child.lemma_ in self.cues.reporting_verbs:
            return True
        return False


def _rank(f: Finding) -> int:
    return {"frame": 4, "chance": 3, "predicate": 3, "noun": 2}.get(f.marker, 1) + (0 if f.reading.plain else 1)
