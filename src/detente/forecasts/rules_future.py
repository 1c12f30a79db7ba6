"""Rules for the future and modal auxiliaries: "X will (likely) Y", "X could Y", "X is going to Y".

Mixed into ``detect.ClauseFinder``, which supplies ``table``, ``cues`` and ``_clause``.
"""
from __future__ import annotations

from spacy.tokens import Token

from .grammar import (
    FUTURE, HABITUAL, HEDGE_ADVERBS, LIKELIHOOD, MODAL, PERCEPTION, WOULD, Finding, aux_words,
    expand_modifiers, generic_subject, in_quote_marks, is_passive, lower, negated, span_text, subject)
from .phrases import Reading

REASON_MARKS = ("because", "since", "as")


class FutureRules:
    """Predicted clauses marked by an auxiliary, and the hedge adverbs on them."""

    def _auxiliary(self, tok: Token) -> Finding | None:
        """"X will (likely) Y", "X could Y", "X would Y" (kept only under a verb of saying or a hedge)."""
        auxes = aux_words(tok)
        if not auxes or tok.pos_ not in ("VERB", "AUX", "ADJ", "NOUN"):
            return None
        if tok.dep_ in ("relcl", "acl", "csubj", "pcomp") and not (
                any(lower(m) == "that" for m in tok.children if m.dep_ == "mark") and tok.head.head.lemma_ in self.cues.reporting_verbs):
            return None
        if self._indirect_question(tok):
            return None
        if any(a in FUTURE for a in auxes):
            marker = "will"
        elif any(a in WOULD for a in auxes):
            marker = "would"
        elif any(a in MODAL for a in auxes):
            marker = "modal"
        elif any(a in ("can", "ca") for a in auxes) and self._adverb_reading(tok) is not None:
            marker = "will"  # "the rebels probably cannot take the city": the hedge makes "can" a forecast
        else:
            return None
        if marker in ("would", "modal") and "have" in auxes:
            return None  # counterfactual: "would have caused"
        if marker == "would" and tok.dep_ == "advcl" and any(lower(m) in REASON_MARKS for m in tok.children if m.dep_ == "mark"):
            return None  # "unlikely, because it would risk a war": the reasoning behind a judgement, not a forecast
        if marker == "modal" and (negated(tok) and ("could" in auxes or is_passive(tok)) or tok.lemma_ in PERCEPTION
                                  or tok.lemma_ in self.cues.reporting_verbs):
            return None  # "could not be confirmed", "could be heard", "Tehran could say it had struck back"
        if any(lower(c) in HABITUAL for c in tok.children if c.dep_ == "advmod"):
            return None  # "the other side will always choose…": a habit, not a forecast
        if subject(tok) is None and tok.dep_ == "ccomp":
            return None  # "an operation he said would go on": the subject is the noun outside the clause
        if marker == "modal" and tok.lemma_ == "be" and any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in tok.children):
            return None  # "the regime may be weak": a hedge about the present
        subj = subject(tok) or next((c for c in tok.children if c.dep_ == "csubjpass"), None)
        if generic_subject(subj) and (marker == "modal" or not self._adverb_reading(tok)):
            return None  # "no government could survive that", "no carrier will change that": generic or defiant
        if tok.lemma_ in ("be",) and any(c.dep_ == "acomp" and c.lower_ in LIKELIHOOD for c in tok.children):
            return None  # left to the predicate rule
        reading = self._adverb_reading(tok)
        if reading is None:
            if marker == "modal":
                word = next(a for a in auxes if a in MODAL)
                reading = self.table.read(word)
            else:
                base = self.table.get("will")
                reading = base.renamed(None) if base else None
        if reading is None:
            return None
        if any(lower(c) == "never" for c in tok.children if c.dep_ == "neg") and reading.plain:
            reading = (self.table.get("never") or reading).renamed("never")
        start, end = self._clause(tok)
        if end - start < 3 or tok.lemma_ == "be" and not any(start <= c.i < end for c in tok.children
                                                               if c.dep_ in ("attr", "acomp", "prep", "xcomp", "ccomp", "advmod")):
            return None  # "it will be [because …]": nothing left to predict
        return Finding(start, end, tok, reading, tok, marker=marker)

    def _going_to(self, tok: Token) -> Finding | None:
        if tok.lemma_ != "go" or tok.tag_ != "VBG" or not any(lower(c) in ("is", "are", "was", "were", "'s", "'re", "am", "be")
                                                            for c in tok.children if c.dep_ == "aux"):
            return None
        verb = next((c for c in tok.children if c.dep_ == "xcomp" and any(lower(a) == "to" for a in c.children)), None)
        if verb is None:
            return None
        if generic_subject(subject(tok)) and not self._adverb_reading(tok):
            return None  # "no investigator is going to get in": defiance or a generic claim
        reading = self._adverb_reading(tok) or self.table.read("going to")
        start, end = self._clause(tok)
        return Finding(start, end, verb, reading, tok, marker="predicate")

    def _hedged_copula(self, tok: Token) -> Finding | None:
        """"The strike was likely the first of many": a hedge adverb on a linking verb, reported."""
        if tok.lemma_ != "be" or tok.dep_ not in ("ccomp",) or aux_words(tok):
            return None
        adv = [c for c in tok.children if c.dep_ == "advmod" and lower(c) in ("likely", "probably")]
        if not adv or not any(c.dep_ in ("attr",) for c in tok.children):
            return None
        reading = self.table.read(lower(adv[0]), shown=adv[0].text)
        start, end = self._clause(tok)
        return Finding(start, end, tok, reading, tok, marker="predicate")

    def _adverb_reading(self, verb: Token) -> Reading | None:
        """The reading of hedge adverbs on a verb ("will very likely", "'almost certainly'")."""
        advs = [c for c in verb.children if c.dep_ in ("advmod",) and lower(c).strip("'\"") in HEDGE_ADVERBS
                and lower(c) not in ("never", "all", "but", "very", "most", "quite")]
        for adv in advs:
            toks = expand_modifiers([adv])
            words = " ".join(in_quote_marks(lower(t)) for t in toks)
            reading = self.table.read(words, shown=span_text(verb.doc, toks[0].i, toks[-1].i + 1))
            if reading is not None:
                return reading
        for prep in (c for c in verb.children if c.dep_ == "prep" and lower(c) == "in"):
            words = span_text(verb.doc, prep.i, prep.right_edge.i + 1)
            reading = self.table.read(words, shown=words) if prep.right_edge.i - prep.i <= 3 else None
            if reading is not None and reading.kind == "hedge":
                return reading  # "in all likelihood", "in all probability"
        return None

    def _indirect_question(self, tok: Token) -> bool:
        """"…whether S", "asked if S", "without saying what it might be", "nobody knows who will win":
        a question embedded in a clause, which asks rather than predicts."""
        if any(lower(m) in ("whether",) or (lower(m) == "if" and tok.dep_ in ("ccomp",))
               for m in tok.children if m.dep_ == "mark"):
            return True
        return tok.dep_ in ("ccomp", "pcomp", "dobj", "xcomp") and any(
            c.i == tok.left_edge.i and c.tag_ in ("WP", "WDT", "WRB", "WP$") for c in tok.children)
