"""Rules for frames of belief: "I expect S", "X doubts S", "I'd be surprised if S", "my guess is that S",
"don't expect S".

Mixed into ``detect.ClauseFinder``, which supplies ``table``, ``cues`` and ``_clause``.
"""
from __future__ import annotations

from spacy.tokens import Token

from .grammar import (
    FUTURE, LIKELIHOOD, MODAL, SURPRISE, TO_PREDICATES, WOULD, Finding, aux_words, interviewed, lower, negated, past_tense,
    shared_subject, span_text, subject)
from .phrases import Reading


class FrameRules:
    """Predicted clauses framed as someone's belief about the future."""

    def _frame(self, tok: Token) -> Finding | None:
        """"I expect S", "X expects Y to Z", "I doubt S", "I'd be surprised if S", "my guess is that S"."""
        lemma = tok.lemma_
        if lemma == "surprise" and any(lower(c) in ("me", "us") for c in tok.children if c.dep_ == "dobj") \
                and any(a in WOULD for a in aux_words(tok)):
            clause = next((c for c in tok.children if c.dep_ in ("advcl", "ccomp") and c.i > tok.i
                           and any(lower(m) in ("if", "that") for m in c.children if m.dep_ == "mark")), None)
            if clause is None:
                return None
            reading = self.table.read("would surprise me", negated=negated(tok), shown=span_text(tok.doc, tok.i - 1, tok.i + 2))
            start, end = self._clause(clause)
            return Finding(start, end, clause, reading, tok, frame=tok, marker="frame")
        passive_be = next((c for c in tok.children if c.dep_ == "auxpass"), None)
        if lower(tok) in SURPRISE and (tok.head.lemma_ == "be" or passive_be is not None):
            holder = tok.head if tok.head.lemma_ == "be" else tok  # "I'd be surprised if", "I would be astonished if"
            clause = next((c for c in list(tok.children) + list(tok.head.children) if c.dep_ == "advcl"
                           and any(lower(m) == "if" for m in c.children if m.dep_ == "mark")), None)
            if clause is None:
                return None
            first = tok.head.i if holder is not tok else passive_be.i
            reading = self.table.read("surprised if", negated=negated(holder), shown=span_text(tok.doc, first, tok.i + 1))
            start, end = self._clause(clause)
            return Finding(start, end, clause, reading, holder, frame=holder, marker="frame")
        confident = self._confident(tok)
        if confident is not None:
            return confident
        if lower(tok) in ("chances", "odds", "likelihood", "probability") and tok.dep_ == "nsubj" \
                and tok.head.lemma_ == "be" and all(lower(c) == "the" for c in tok.children):  # "the likelihood is that S"
            clause = next((c for c in tok.head.children if c.dep_ in ("ccomp", "attr") and c.pos_ in ("VERB", "AUX")), None)
            reading = self.table.read(f"{lower(tok)} {lower(tok.head)}",
                                      shown=span_text(tok.doc, tok.left_edge.i, tok.head.i + 1))
            if clause is None or reading is None:
                return None
            start, end = self._clause(clause)
            return Finding(start, end, clause, reading, tok.head, frame=tok.head, marker="frame")
        if tok.pos_ == "NOUN" and lemma in ("guess", "expectation", "bet", "reading", "view", "forecast", "prediction",
                                              "judgement", "judgment", "assessment", "sense", "hunch") \
                and any(lower(c) in ("my", "our") for c in tok.children) and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            clause = next((c for c in tok.head.children if c.dep_ in ("ccomp", "attr", "xcomp") and c.pos_ in ("VERB", "AUX")), None)
            if clause is None:
                return None
            reading = self.table.read(f"my {lemma} is") or self.table.read("expect")
            reading = reading.renamed(span_text(tok.doc, tok.left_edge.i, tok.head.i + 1))
            out = []
            for part in [clause] + [c for c in clause.subtree if c.dep_ == "conj" and subject(c) is not None and (
                    c.head.i == clause.i or any(lower(m) == "that" for m in c.children if m.dep_ == "mark"))]:  # "…, and that S"
                if past_tense(part) or set(aux_words(part)) & {"was", "were", "had", "did"}:
                    continue  # "my reading is that the statement was co-signed", "… that Kyiv has decided": the past
                start, end = self._clause(part)
                out.append(Finding(start, end, part, reading, tok.head, frame=tok.head, marker="frame"))
            return out
        if lemma not in self.cues.frame_verbs or tok.pos_ not in ("VERB",) or any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
            return None
        subj = subject(tok) or interviewed(tok, self.cues.talk_verbs) or shared_subject(tok, self.cues.reporting_verbs)
        imperative = all(t.dep_ in ("aux", "neg") and t.head.i == tok.i for t in tok.doc[tok.sent.start:tok.i]) \
            or tok.dep_ == "conj" and tok.head.lemma_ == lemma and subject(tok.head) is None  # "Expect A, and expect B"
        if subj is None and not (imperative or tok.dep_ == "ROOT" and lemma == "expect"):
            return None  # "Don't expect S": the writer's advice is the writer's forecast
        if subj is not None and (lower(subj) in ("nobody", "none") or any(lower(d) == "no" for d in subj.children)):
            return None  # "nobody thought he would": a belief nobody holds
        few = subj is not None and _few(subj)
        if subj is not None and lower(subj) in ("i", "we") and tok.tag_ == "VBD":
            return None  # "what I thought would happen": the author's past belief
        clause = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i and (
            c.pos_ in ("VERB", "AUX") or any(lower(a) == "to" for a in c.children if a.dep_ == "aux"))), None)
        obj = next((c for c in tok.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
        if clause is None and tok.dep_ == "csubj" and tok.head.lemma_ == "be" and any(lower(c) == "what" for c in tok.children):
            clause = next((c for c in tok.head.children if c.dep_ in ("ccomp", "attr") and c.pos_ in ("VERB", "AUX")), None)
            thing = next((c for c in tok.head.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")), None)
            if clause is None and thing is not None and lemma in ("expect", "anticipate", "predict", "forecast") \
                    and tok.head.tag_ in ("VBZ", "VBP"):
                obj = thing  # "what I expect is a long campaign of pressure": the noun phrase is what is expected
            elif clause is None or not self._future_marked(clause):
                return None  # "what I doubt is that S": the pseudo-cleft's complement
        if clause is not None:
            if clause.dep_ == "ccomp" and not self._future_marked(clause) and lemma not in ("expect", "anticipate"):
                return None
            if any(lower(m) in ("whether", "if") for m in clause.children if m.dep_ == "mark"):
                return None
            start, end = self._clause(clause)
            if obj is not None and obj.i < clause.i:
                start = min(start, obj.left_edge.i)
        elif obj is not None and lemma in ("expect", "anticipate", "predict", "forecast"):
            start, end = obj.left_edge.i, obj.right_edge.i + 1
            tail = [c for c in tok.children if c.i > obj.i and (c.dep_ in ("prep", "npadvmod", "advmod") and lower(c) not in ("instead",)
                                                                or c.dep_ == "advcl" and any(lower(a) == "to" for a in c.children if a.dep_ == "aux"))]
            # "expect premiums to double by May", with the infinitive hung on the verb as an adverbial
            for c in tail:
                end = max(end, c.right_edge.i + 1)
            clause = obj
        else:
            return None
        neg = negated(tok)
        mods = [c for c in tok.children if c.dep_ == "advmod" and c.i < tok.i and lower(c) in ("very", "much", "seriously", "widely", "fully")]
        key = " ".join([lower(m) for m in mods] + [lemma])
        first_person = subj is not None and subj.i < tok.i and lower(subj) in ("i", "we")
        shown = span_text(tok.doc, min([tok.i] + [m.i for m in mods] + ([subj.i] if first_person else [])), tok.i + 1)
        reading = self.table.read(key, negated=neg, shown=shown) or self.table.read(lemma, negated=neg, shown=shown)
        if reading is None:
            return None
        inner = self._inner_hedge(clause)
        if inner is not None and not neg and not few:
            reading = inner
        if few:
            reading = reading.complement()  # "few observers expect S": most do not, so S is unlikely
        return Finding(start, end, clause, reading, tok, frame=tok, marker="frame")

    def _confident(self, tok: Token) -> Finding | None:
        """"I am confident that S", "the ministry is convinced S will…": a belief told with an adjective, read
        from the table's "<adjective> that" entries; a clause about the past or present is no forecast."""
        holder = tok.head
        if tok.dep_ != "acomp" and not (tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children)):
            return None
        if tok.dep_ != "acomp":
            holder = next(c for c in tok.children if c.dep_ == "auxpass")  # "the ministry is convinced S", parsed as a passive
            if subject(tok) is not None and subject(holder) is None:
                holder = tok
        if tok.pos_ not in ("ADJ", "VERB") or holder.lemma_ != "be" and holder is not tok:
            return None
        subj = subject(holder)
        if subj is None or subj.dep_ == "expl" or lower(subj) == "it":
            return None  # "it is certain that S" is the predicate rule's
        clause = next((c for c in list(tok.children) + list(holder.children) if c.dep_ == "ccomp" and c.i > tok.i
                       and c.pos_ in ("VERB", "AUX")), None)
        neg = negated(holder) or negated(tok)
        first = min(t.i for t in (subj, tok, holder)) if lower(subj) in ("i", "we") else min(tok.i, holder.i)
        reading = self.table.read(f"{lower(tok)} that", negated=neg, shown=span_text(tok.doc, first, tok.i + 1))
        if clause is None or reading is None or reading.kind != "frame" or not self._future_marked(clause):
            return None
        start, end = self._clause(clause)
        return Finding(start, end, clause, reading, holder, frame=holder, marker="frame")

    def _trailing_frame(self, tok: Token) -> Finding | None:
        """"Strikes are coming, and soon, I suspect;": a parenthetical belief after the clause it frames."""
        subj = subject(tok)
        if tok.lemma_ not in self.cues.frame_verbs or subj is None or lower(subj) not in ("i", "we") or subj.i != tok.i - 1 \
                or tok.i < 2 or tok.doc[tok.i - 2].text != "," or tok.i + 1 >= len(tok.doc) or not tok.doc[tok.i + 1].is_punct \
                or any(c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > tok.i for c in tok.children):
            return None
        sent = tok.sent
        start = max([sent.start] + [t.i + 1 for t in tok.doc[sent.start:tok.i] if t.text == ";"])
        head = next((t for t in tok.doc[start:tok.i - 2] if t.pos_ in ("VERB", "AUX") and subject(t) is not None
                     and t.left_edge.i <= start + 1 and not past_tense(t)
                     and (self._future_marked(t) or t.tag_ == "VBG" and aux_words(t))), None)
        if head is None:
            return None  # "the talks are stalled, I think": a judgement about the present
        reading = self.table.read(tok.lemma_, negated=negated(tok), shown=span_text(tok.doc, subj.i, tok.i + 1))
        if reading is None:
            return None
        return Finding(start, tok.i - 2, head, reading, tok, frame=tok, marker="frame")

    def _ruled_out(self, tok: Token) -> Finding | None:
        """"A second strike cannot be ruled out", "I wouldn't rule out a snap election": a possibility kept open."""
        if tok.lemma_ != "rule" or not negated(tok) or not any(lower(c) == "out" for c in tok.children if c.dep_ == "prt"):
            return None
        passive = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        target = passive or next((c for c in tok.children if c.dep_ == "dobj"), None)
        if target is None or target.pos_ not in ("NOUN", "PROPN"):
            return None
        first = min([tok.i] + [c.i for c in tok.children if c.dep_ in ("aux", "neg", "auxpass")])
        reading = self.table.read("cannot be ruled out", shown=span_text(tok.doc, first, tok.i + 2))
        start, end = target.left_edge.i, target.right_edge.i + 1
        for c in tok.children:
            if c.dep_ in ("prep", "npadvmod") and c.i > target.i:
                end = max(end, c.right_edge.i + 1)  # "rule out a snap election before the winter"
        return Finding(start, end, target, reading, tok, frame=None if passive is not None else tok, marker="noun")

    def _inner_hedge(self, clause: Token) -> Reading | None:
        if clause.pos_ not in ("VERB", "AUX"):
            return None
        for rule in (self._to_predicate, self._expletive):
            for tok in clause.subtree:
                if tok.head.i == clause.i or tok.i == clause.i:
                    hit = rule(tok)
                    if hit is not None and not hit.reading.plain:
                        return hit.reading
        return self._adverb_reading(clause)

    def _future_marked(self, clause: Token) -> bool:
        words = aux_words(clause)
        if any(w in FUTURE | WOULD | MODAL for w in words) and "have" not in words:
            return True
        if clause.lemma_ == "go" and clause.tag_ == "VBG":
            return True
        return any(lower(c) in TO_PREDICATES | LIKELIHOOD and c.dep_ in ("acomp", "xcomp", "ccomp") for c in clause.children)


def _few(subj: Token) -> bool:
    """"Few expect", "few analysts in X expect": a belief held by a small minority (not "a few")."""
    word = subj if lower(subj) == "few" else next((c for c in subj.children if lower(c) == "few" and c.dep_ in ("amod", "det")), None)
    return word is not None and not (word.i > 0 and lower(word.doc[word.i - 1]) == "a")
