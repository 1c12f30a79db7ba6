"""Rules for predicates of likelihood: "X is likely to Y", "it is unlikely that S", "a pause is likely",
"analysts regard X as all but inevitable", "whether S is a coin toss".

Mixed into ``detect.ClauseFinder``, which supplies ``table``, ``cues`` and ``_clause``.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .grammar import (
    CHANCE, FUTURE, LIKELIHOOD, LINKING, MODAL, TO_PREDICATES, WHETHER, Finding, aux_words, in_quote_marks,
    lower, negated, shown_phrase, span_text, subject)
from .phrases import Reading


class PredicateRules:
    """Predicted clauses and noun phrases that a predicate of likelihood is said of."""

    def _to_predicate(self, tok: Token) -> Finding | None:
        """"X is (very) likely to Y", "X is expected / set / poised / due to Y", "X was expected in Y on Friday"."""
        if lower(tok) not in TO_PREDICATES or lower(tok) == "going":
            return None
        holder = tok.head if tok.dep_ in ("acomp", "oprd") else tok
        if tok.dep_ == "conj" and lower(tok.head) == "all" and tok.head.head.lemma_ in LINKING:
            holder = tok.head.head  # "X is all but certain to Y": the adjective hangs off "all"
        verb = next((c for c in list(tok.children) + list(holder.children) if c.dep_ in ("xcomp", "ccomp")
                     and c.pos_ in ("VERB", "AUX") and c.i > tok.i and any(lower(a) == "to" for a in c.children)), None)
        than = next((c for c in tok.children if lower(c) == "than" and any(lower(n) == "not" for n in c.subtree)), None)
        if verb is None and than is not None:  # "X is more likely than not to Y": the verb hangs off "than"
            verb = next((c for c in than.children if c.dep_ in ("pcomp", "xcomp", "ccomp")
                         and any(lower(a) == "to" for a in c.children)), None)
        if verb is None:
            passive = tok.tag_ == "VBN" and lower(tok) == "expected" and any(c.dep_ == "nsubjpass" for c in tok.children)
            if not passive or any(c.dep_ in ("ccomp",) for c in tok.children):
                return None
            verb = tok
        if holder.lemma_ not in LINKING and holder.i != tok.i or "had" in aux_words(holder):
            return None  # "he had been due to meet…": a plan told as history
        if verb.i != tok.i and "have" in aux_words(verb) and not _by_a_date(verb):
            return None  # "unlikely to have been fired": a hedge about the past ("to have left by Sunday" is ahead)
        subj = subject(holder) or subject(tok)
        if subj is not None and lower(subj) in ("it",) and subj.dep_ == "expl":
            return None
        phrase_toks = [c for c in tok.children if c.dep_ in ("advmod", "npadvmod") and c.i < tok.i] + [tok]
        neg = negated(holder) or negated(tok)
        words = " ".join(in_quote_marks(lower(t)) for t in phrase_toks)
        key = words + (" to" if lower(tok) in ("set", "poised", "due", "bound", "sure", "scheduled") else "")
        if than is not None and verb.head.i == than.i:
            key = words + " than not"
        reading = (self.table.read(key, negated=neg, shown=shown_phrase(phrase_toks, tok))
                   or self.table.read(lower(tok) if lower(tok) != "expected" else "expect", negated=neg,
                                      shown=shown_phrase(phrase_toks, tok)))
        after = self._phrase_after(holder) if holder.i < tok.i else None
        if after is not None and (reading is None or len(after[0].phrase or "") > len(reading.phrase or "")):
            reading = after[0]  # "all but certain"
        if reading is None:
            return None
        if than is not None and verb.head.i == than.i:
            to = next(a for a in verb.children if lower(a) == "to")
            reading = reading.renamed(span_text(tok.doc, phrase_toks[0].i, to.i))  # "more likely than not"
        start, end = self._clause(holder)
        return Finding(start, end, verb, reading, holder, marker="predicate")

    def _expletive(self, tok: Token) -> Finding | None:
        """"It is (most) unlikely (that) S", "it is very likely that S": the proposition is S alone."""
        if tok.pos_ not in ("ADJ",) or lower(tok) not in LIKELIHOOD:
            return None
        holder = tok.head if tok.dep_ in ("acomp", "attr", "oprd") else tok
        while holder.lemma_ != "be" and holder.dep_ in ("conj", "advmod", "amod") and holder.head.i != holder.i:
            holder = holder.head  # "it is all but certain": the adjective hangs off "all"
        subj = subject(holder)
        if subj is None or lower(subj) != "it":
            return None
        clause = next((c for c in list(tok.children) + list(holder.children)
                       if c.dep_ in ("ccomp", "advcl") and c.pos_ in ("VERB", "AUX") and c.i > tok.i), None)
        if clause is None:
            return None
        mods = [c for c in tok.children if c.dep_ == "advmod" and c.i < tok.i]
        reading = self.table.read(" ".join(lower(t) for t in mods + [tok]), negated=negated(holder),
                                  shown=span_text(subj.doc, subj.i, tok.i + 1))
        after = self._phrase_after(holder) if holder.i < tok.i else None
        if after is not None and (reading is None or len(after[0].phrase or "") > len(reading.phrase or "")):
            reading = after[0].renamed(span_text(subj.doc, subj.i, after[1] + 1))  # "it is all but certain that"
        if reading is None:
            return None
        start, end = self._clause(clause)
        return Finding(start, end, clause, reading, holder, marker="predicate")

    def _noun_likely(self, tok: Token) -> Finding | None:
        """"A pause in deliveries is likely", "an incursion now looks all but inevitable": the noun phrase."""
        if tok.lemma_ not in LINKING or tok.pos_ not in ("AUX", "VERB"):
            return None
        subj = subject(tok)
        if tok.dep_ == "advcl" and tok.head.pos_ == "NOUN" and tok.head.i < tok.i and subj is not None and any(
                m.dep_ == "mark" and m.i < subj.i for m in tok.children):
            subj = tok.head  # "a deal before Christmas looks unlikely", parsed as "a deal [before Christmas looks…]"
        end = None
        if subj is None:
            subj = self._object_of_saying(tok)  # "she said a deal before May was possible", the noun taken for an object
            end = tok.i if subj is not None else None
        if subj is not None and subj.pos_ == "VERB" and subj.dep_ == "nsubj" and subj.tag_ in ("VBZ", "NNS"):
            end = tok.i  # "that strikes on the port were possible": a plural noun tagged as a verb
        elif subj is None or subj.pos_ not in ("NOUN", "PROPN") and not self.looks_back(subj) or subj.dep_ == "expl" \
                or subj.lemma_ in CHANCE:
            return None
        if any(c.dep_ == "xcomp" or c.dep_ == "ccomp" and c.i > tok.i for c in tok.children) or aux_words(tok) and \
                any(a in FUTURE | MODAL for a in aux_words(tok)):
            return None
        found = self._phrase_after(tok)
        if found is None:
            return None
        reading, last = found
        follow = tok.doc[last + 1] if last + 1 < len(tok.doc) else None
        if follow is not None and lower(follow) in ("to", "that"):
            return None
        if tok.doc[last].pos_ == "ADV" and any(
                c.i > last and (c.dep_ in ("attr", "prep") or c.dep_ == "acomp" and lower(c) not in LIKELIHOOD)
                for c in tok.children):
            return None  # "the blasts are almost certainly the start of…": a hedge about the present
        start = subj.left_edge.i + (lower(subj.left_edge) == "that" and subj.left_edge.i < subj.i)
        return Finding(start, end or min(subj.right_edge.i + 1, tok.i), subj, reading, tok, marker="noun")

    def looks_back(self, subj: Token) -> bool:
        """"…; both outcomes are likely", "…; that is close to certain": a subject that points back at the
        clauses before it, after a semicolon or comma."""
        words = self.cues.retrospective_words
        pointing = lower(subj) in words and subj.pos_ in ("PRON", "DET") or any(
            lower(c) in words and c.dep_ in ("det", "predet", "nummod") for c in subj.children)
        before = subj.doc[subj.left_edge.i - 1] if subj.left_edge.i > subj.sent.start else None
        return pointing and before is not None and before.text in (";", ",")

    def _object_of_saying(self, copula: Token) -> Token | None:
        """The noun before a subjectless copula under a verb of saying, which the parser made the verb's
        object: "the bank said a default before the vote was possible" (the default is the subject)."""
        verb = copula.head
        if copula.dep_ != "ccomp" or verb.lemma_ not in self.cues.reporting_verbs:
            return None
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and c.i < copula.i]
        return objects[-1] if objects else None

    def _on_course(self, tok: Token) -> Finding | None:
        """"The army is on course / on track to retake the town": a plan reported as under way."""
        if lower(tok) not in ("course", "track") or lower(tok.head) != "on" or tok.head.head.lemma_ not in LINKING:
            return None
        holder = tok.head.head
        verb = next((c for c in holder.children if c.dep_ in ("xcomp", "advcl") and c.i > tok.i
                     and any(lower(a) == "to" for a in c.children)), None)
        reading = self.table.read(f"on {lower(tok)} to", negated=negated(holder),
                                  shown=span_text(tok.doc, tok.head.i, tok.i + 1))
        if verb is None or reading is None:
            return None
        start, end = self._clause(holder)
        return Finding(start, end, verb, reading, holder, marker="predicate")

    def _judged(self, tok: Token) -> Finding | None:
        """"Analysts regard X as all but inevitable", "diplomats consider X unlikely": X, judged by the subject."""
        if tok.lemma_ not in self.cues.judging_verbs or tok.pos_ != "VERB" or subject(tok) is None:
            return None
        extraposed = self._extraposed(tok)
        if extraposed is not None:
            return extraposed
        obj = next((c for c in tok.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
        if obj is None:
            small = next((c for c in tok.children if c.dep_ in ("ccomp", "oprd") and c.pos_ == "ADJ"), None)
            obj = subject(small) if small is not None else None
        if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
            return None
        for i in range(obj.i, min(tok.sent.end - 1, obj.right_edge.i + 5)):
            found = self._phrase_after(tok.doc[i], skip=("as",))
            if found is not None:  # "see a recession next year as more likely than not", "consider a test highly likely"
                end = i + 1 if lower(tok.doc[i]) != "as" else i
                return Finding(obj.left_edge.i, end, obj, found[0], tok, frame=tok, marker="noun")
        return None

    def _extraposed(self, tok: Token) -> Finding | None:
        """"Analysts judged it highly improbable that S": S, with the phrase after the placeholder "it"."""
        small = next((c for c in tok.children if c.dep_ in ("oprd", "ccomp") and c.pos_ == "ADJ"), None)
        it = next((c for c in list(tok.children) + list(small.children if small is not None else ())
                   if c.dep_ in ("dobj", "nsubj") and lower(c) == "it"), None)  # the parser puts "it" in either clause
        clause = next((c for c in (small.children if small is not None else ()) if c.dep_ == "ccomp"), None)
        if it is None or clause is None:
            return None
        found = self._phrase_after(it)
        if found is None:
            return None
        start = next((t.i for t in clause.subtree if t.dep_ != "mark"), clause.i)
        return Finding(start, clause.right_edge.i + 1, clause, found[0], tok, frame=tok, marker="predicate")

    def _phrase_after(self, verb: Token, skip: tuple[str, ...] = ()) -> tuple[Reading, int] | None:
        """The longest estimative phrase right after a linking verb ("is now more likely than not")."""
        doc, i = verb.doc, verb.i + 1
        neg = False
        while i < len(doc) and (lower(doc[i]) in ("now", "increasingly", "still", "also", "already", "therefore") + skip
                                or doc[i].dep_ == "neg" or doc[i].text in "\"'“”‘’"
                                or lower(doc[i]) == "to" and i + 1 < len(doc) and lower(doc[i + 1]) in ("me", "us", "many", "some")
                                or lower(doc[i]) in ("about", "roughly") and i + 1 < len(doc) and lower(doc[i + 1]) == "as"):
            neg = neg or doc[i].dep_ == "neg"
            i += 2 if lower(doc[i]) == "to" else 1
        for n in range(6, 0, -1):
            toks = doc[i:i + n]
            if len(toks) < n or any(t.is_punct and t.text not in "'\"“”‘’" for t in toks):
                continue
            words = " ".join(in_quote_marks(lower(t)) for t in toks if in_quote_marks(lower(t)))
            reading = self.table.read(words, negated=neg, shown=toks.text)
            if reading is not None and reading.kind == "hedge" and words not in ("will", "could", "may", "might", "never",
                                                                                  "due to", "set to", "going to"):
                return reading, toks[-1].i
        return None

    def _whether(self, sent: Span) -> Finding | None:
        """"Whether S is (, in my view,) a coin toss": S with the phrase's reading."""
        m = WHETHER.match(sent.text)
        if m is None:
            return None
        doc = sent.doc
        verb = doc.char_span(sent.start_char + m.start("verb"), sent.start_char + m.end("verb"), alignment_mode="expand")
        clause = doc.char_span(sent.start_char + m.start("s"), sent.start_char + m.end("s"), alignment_mode="expand")
        if verb is None or clause is None:
            return None
        found = self._phrase_after(verb[0]) if not m["aside"] else None
        if found is None and m["aside"]:
            after = doc.char_span(sent.start_char + m.start("p"), sent.end_char, alignment_mode="expand")
            found = self._phrase_after(doc[after.start - 1]) if after is not None and after.start > 0 else None
        if found is None:
            return None
        return Finding(clause.start, clause.end, clause.root, found[0], verb[0], marker="chance")

    def _elided_contrast(self, tok: Token, nouns: list[Finding]) -> Finding | None:
        """"A pause is likely, but a permanent cut-off is not": the second noun phrase, complemented."""
        if tok.lemma_ != "be" or not negated(tok) or any(c.dep_ in ("acomp", "attr", "xcomp", "ccomp") for c in tok.children):
            return None
        subj = next((c.root for c in tok.sent.noun_chunks if c.end == tok.i), None)
        earlier = [f for f in nouns if f.end <= (subj.i if subj is not None else 0)]
        if subj is None or subj.pos_ not in ("NOUN", "PROPN") or not earlier:
            return None
        chunk = next(c for c in tok.sent.noun_chunks if c.end == tok.i)
        neg = next(c for c in tok.children if c.dep_ == "neg")
        reading = earlier[-1].reading.complement().renamed(tok.doc[tok.i:neg.i + 1].text)
        return Finding(chunk.start, chunk.end, subj, reading, tok, marker="noun")


def _by_a_date(verb: Token) -> bool:
    """Whether a perfect infinitive is set against a date ahead: "expected to have crossed by Sunday"."""
    return any(lower(p) == "by" and any(o.ent_type_ in ("DATE", "TIME") for o in p.children)
               for p in verb.children if p.dep_ == "prep")
