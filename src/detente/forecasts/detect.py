"""Finding predicted clauses in a parsed sentence, with the words of likelihood attached to them.

A clause is predicted when its verb carries a future or modal auxiliary ("will", "could", "would"
under a verb of saying), when it is the complement of a predicate of likelihood ("is likely to",
"is expected to", "it is unlikely that"), of a noun of chance ("a good chance that", "the odds of"),
of a verb of belief ("I expect", "I doubt"), or when a noun phrase is itself called likely ("a
pause in deliveries is likely"). Each finding keeps the token span of the proposition, the token
the forecaster is looked up from and the reading of its phrase; attribution happens elsewhere.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .cues import Cues
from .phrases import PhraseTable, Reading

FUTURE = {"will", "'ll", "wo", "shall", "ll"}
WOULD = {"would", "'d"}
MODAL = {"could", "may", "might"}
LIKELIHOOD = {"likely", "unlikely", "certain", "sure", "bound", "set", "poised", "due", "expected", "scheduled",
              "possible", "probable", "improbable", "inevitable", "remote", "doubtful"}
TO_PREDICATES = {"likely", "unlikely", "certain", "sure", "bound", "set", "poised", "due", "expected", "scheduled",
                 "going"}
CHANCE = {"chance", "chances", "odds", "possibility", "probability", "likelihood", "bet", "toss", "flip", "shot",
          "toss-up", "tossup", "risk", "doubt"}
SURPRISE = {"surprised", "astonished", "amazed", "shocked", "stunned"}
HEDGE_ADVERBS = {"likely", "probably", "possibly", "perhaps", "surely", "certainly", "definitely", "undoubtedly",
                 "maybe", "inevitably", "almost", "very", "most", "highly", "quite", "all", "but", "nearly",
                 "virtually", "widely", "officially", "never"}
HABITUAL = {"always", "usually", "generally", "often", "typically", "sometimes", "rarely", "normally"}
LINKING = {"be", "become", "look", "seem", "appear", "remain"}
PERCEPTION = {"hear", "see", "feel", "smell", "watch", "notice"}
NOBODY = {"nobody", "none", "nothing", "no-one"}
FIRST_PERSON = {"i", "we", "us", "me", "our", "my"}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "twenty": 20, "hundred": 100, "half": 50}
WHETHER = re.compile(r"^(?:Whether|Whether or not) (?P<s>.+?) (?P<verb>is|looks|seems|remains)(?P<aside>,[^,]+,)? (?P<p>.+)$", re.S)
FIGURE = re.compile(r"(?:(no more than|no better than|at most|less than|under|at least|more than|over|better than|"
                    r"about|around|roughly|some|nearly|almost)\s+)?(\d{1,3}(?:\.\d+)?)\s*(?:%|per ?cent|percent)"
                    r"|(one|two|three|four|five) in (\w+)", re.I)


@dataclass
class Finding:
    """A predicted clause: proposition tokens, the reading of its phrase and where to look for its speaker."""

    start: int  # token index, inclusive
    end: int  # token index, exclusive
    head: Token  # the clause's verb (or the noun phrase's head)
    reading: Reading
    anchor: Token  # the token from which the forecaster is looked up (a frame verb, or the clause)
    frame: Token | None = None  # the verb of belief, if any ("expect", "doubt")
    marker: str = "will"  # will, would, modal, predicate, chance, frame, noun


def lower(tok: Token) -> str:
    return tok.lower_.replace("’", "'")


def aux_words(tok: Token) -> list[str]:
    return [lower(c) for c in tok.children if c.dep_ in ("aux", "auxpass")]


def negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def subject(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj"):
            return c
    return None


def _passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def _past(verb: Token) -> bool:
    """A verb in the past tense with no future or modal auxiliary ("fired", "had fired", "did fire")."""
    auxes = aux_words(verb)
    return not any(a in FUTURE | WOULD | MODAL for a in auxes) and (
        verb.tag_ == "VBD" or any(a in ("had", "did", "has", "have", "was", "were") for a in auxes) and verb.tag_ == "VBN")


def _generic(subj: Token | None) -> bool:
    """A subject that names no one in particular: "no government", "nobody", "any carrier"."""
    return subj is not None and (lower(subj) in NOBODY or any(lower(d) in ("no", "any") for d in subj.children if d.dep_ == "det"))


def in_quote_marks(text: str) -> str:
    return text.strip(" \"'“”‘’")


class ClauseFinder:
    """Finds the predicted clauses of one sentence; see the module docstring."""

    def __init__(self, table: PhraseTable, cues: Cues) -> None:
        self.table = table
        self.cues = cues

    # -- entry point ----------------------------------------------------------------------------
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
        nouns = [f for f in found.values() if f.marker == "noun"]
        for tok in sent:
            elided = self._elided_contrast(tok, nouns)
            if elided is not None:
                found[elided.head.i] = elided
        return sorted(found.values(), key=lambda f: f.start)

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

    def _at(self, tok: Token) -> list[Finding]:
        out = []
        for rule in (self._auxiliary, self._going_to, self._to_predicate, self._expletive, self._noun_likely,
                     self._chance, self._frame, self._hedged_copula, self._judged):
            hit = rule(tok)
            if hit:
                out.extend(hit if isinstance(hit, list) else [hit])
        return out

    # -- rules ----------------------------------------------------------------------------------
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
        else:
            return None
        if marker in ("would", "modal") and "have" in auxes:
            return None  # counterfactual: "would have caused"
        if marker == "modal" and (negated(tok) and ("could" in auxes or _passive(tok)) or tok.lemma_ in PERCEPTION
                                  or tok.lemma_ in self.cues.reporting_verbs):
            return None  # "could not be confirmed", "could be heard", "Tehran could say it had struck back"
        if any(lower(c) in HABITUAL for c in tok.children if c.dep_ == "advmod"):
            return None  # "the other side will always choose…": a habit, not a forecast
        if subject(tok) is None and tok.dep_ == "ccomp":
            return None  # "an operation he said would go on": the subject is the noun outside the clause
        if marker == "modal" and tok.lemma_ == "be" and any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in tok.children):
            return None  # "the regime may be weak": a hedge about the present
        subj = subject(tok)
        if _generic(subj) and (marker == "modal" or not self._adverb_reading(tok)):
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
        if _generic(subject(tok)) and not self._adverb_reading(tok):
            return None  # "no investigator is going to get in": defiance or a generic claim
        reading = self._adverb_reading(tok) or self.table.read("going to")
        start, end = self._clause(tok)
        return Finding(start, end, verb, reading, tok, marker="predicate")

    def _to_predicate(self, tok: Token) -> Finding | None:
        """"X is (very) likely to Y", "X is expected / set / poised / due to Y", "X was expected in Y on Friday"."""
        if lower(tok) not in TO_PREDICATES or lower(tok) == "going":
            return None
        holder = tok.head if tok.dep_ in ("acomp", "oprd") else tok
        if tok.dep_ == "conj" and lower(tok.head) == "all" and tok.head.head.lemma_ in LINKING:
            holder = tok.head.head  # "X is all but certain to Y": the adjective hangs off "all"
        verb = next((c for c in list(tok.children) + list(holder.children) if c.dep_ in ("xcomp", "ccomp")
                     and c.pos_ in ("VERB", "AUX") and c.i > tok.i and any(lower(a) == "to" for a in c.children)), None)
        if verb is None:
            passive = tok.tag_ == "VBN" and lower(tok) == "expected" and any(c.dep_ == "nsubjpass" for c in tok.children)
            if not passive or any(c.dep_ in ("ccomp",) for c in tok.children):
                return None
            verb = tok
        if holder.lemma_ not in LINKING and holder.i != tok.i or "had" in aux_words(holder):
            return None  # "he had been due to meet…": a plan told as history
        if verb.i != tok.i and "have" in aux_words(verb):
            return None  # "unlikely to have been fired": a hedge about the past
        subj = subject(holder) or subject(tok)
        if subj is not None and lower(subj) in ("it",) and subj.dep_ == "expl":
            return None
        phrase_toks = [c for c in tok.children if c.dep_ in ("advmod", "npadvmod") and c.i < tok.i] + [tok]
        neg = negated(holder) or negated(tok)
        words = " ".join(in_quote_marks(lower(t)) for t in phrase_toks)
        key = words + (" to" if lower(tok) in ("set", "poised", "due", "bound", "sure", "scheduled") else "")
        reading = (self.table.read(key, negated=neg, shown=_shown(phrase_toks, tok))
                   or self.table.read(lower(tok) if lower(tok) != "expected" else "expect", negated=neg,
                                      shown=_shown(phrase_toks, tok)))
        after = self._phrase_after(holder) if holder.i < tok.i else None
        if after is not None and (reading is None or len(after[0].phrase or "") > len(reading.phrase or "")):
            reading = after[0]  # "all but certain"
        if reading is None:
            return None
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
                                  shown=_text(subj.doc, subj.i, tok.i + 1))
        after = self._phrase_after(holder) if holder.i < tok.i else None
        if after is not None and (reading is None or len(after[0].phrase or "") > len(reading.phrase or "")):
            reading = after[0].renamed(_text(subj.doc, subj.i, after[1] + 1))  # "it is all but certain that"
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
        if subj is None or subj.pos_ not in ("NOUN", "PROPN") or subj.dep_ == "expl" or subj.lemma_ in CHANCE:
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
        if tok.doc[last].pos_ == "ADV" and any(c.i > last and (c.dep_ in ("attr", "prep") or c.dep_ == "acomp" and lower(c) not in LIKELIHOOD)
                                                 for c in tok.children):
            return None  # "the blasts are almost certainly the start of…": a hedge about the present
        return Finding(subj.left_edge.i, min(subj.right_edge.i + 1, tok.i), subj, reading, tok, marker="noun")

    def _judged(self, tok: Token) -> Finding | None:
        """"Analysts regard X as all but inevitable", "diplomats consider X unlikely": X, judged by the subject."""
        if tok.lemma_ not in self.cues.judging_verbs or tok.pos_ != "VERB" or subject(tok) is None:
            return None
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

    def _phrase_after(self, verb: Token, skip: tuple[str, ...] = ()) -> tuple[Reading, int] | None:
        """The longest estimative phrase right after a linking verb ("is now more likely than not")."""
        doc, i = verb.doc, verb.i + 1
        neg = False
        while i < len(doc) and (lower(doc[i]) in ("now", "increasingly", "still", "also", "already", "therefore") + skip
                                or doc[i].dep_ == "neg" or doc[i].text in "\"'“”‘’"
                                or lower(doc[i]) == "to" and i + 1 < len(doc) and lower(doc[i + 1]) in ("me", "us", "many", "some")):
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
            if target is not None and target.lemma_ == "be" and not aux_words(target):
                return None  # "a good chance he is right": a judgement about the present
        if target is not None and target.pos_ in ("VERB", "AUX") and _past(target):
            return None  # "no doubt that the regime fired the missile": a judgement about the past
        if target is None and tok.dep_ == "attr":
            subj = subject(tok.head)
            if subj is not None and subj.dep_ == "nsubj" and subj.pos_ in ("NOUN", "PROPN"):
                return None  # "strikes are a real possibility": the noun-phrase rule reads it
            target = next((c for c in tok.head.children if (c.dep_ in ("csubj", "advcl", "ccomp") or c.dep_ == "dep" and c.i > tok.i)
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
        anchor = tok.head if tok.dep_ in ("attr", "dobj", "nsubj", "nsubjpass") else tok
        return Finding(start, end, target, reading, anchor, marker="chance")

    def _frame(self, tok: Token) -> Finding | None:
        """"I expect S", "X expects Y to Z", "I doubt S", "I'd be surprised if S", "my guess is that S"."""
        lemma = tok.lemma_
        if lemma == "surprise" and any(lower(c) in ("me", "us") for c in tok.children if c.dep_ == "dobj") \
                and any(a in WOULD for a in aux_words(tok)):
            clause = next((c for c in tok.children if c.dep_ in ("advcl", "ccomp") and c.i > tok.i
                           and any(lower(m) in ("if", "that") for m in c.children if m.dep_ == "mark")), None)
            if clause is None:
                return None
            reading = self.table.read("would surprise me", negated=negated(tok), shown=_text(tok.doc, tok.i - 1, tok.i + 2))
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
            reading = self.table.read("surprised if", negated=negated(holder), shown=_text(tok.doc, first, tok.i + 1))
            start, end = self._clause(clause)
            return Finding(start, end, clause, reading, holder, frame=holder, marker="frame")
        if lower(tok) in ("chances", "odds") and tok.dep_ == "nsubj" and tok.head.lemma_ == "be" \
                and all(lower(c) == "the" for c in tok.children):  # "(the) odds are that S"
            clause = next((c for c in tok.head.children if c.dep_ in ("ccomp", "attr") and c.pos_ in ("VERB", "AUX")), None)
            reading = self.table.read(f"{lower(tok)} are", shown=_text(tok.doc, tok.i, tok.head.i + 1))
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
            reading = reading.renamed(_text(tok.doc, tok.left_edge.i, tok.head.i + 1))
            out = []
            for part in [clause] + [c for c in clause.children if c.dep_ == "conj" and subject(c) is not None]:
                if part.tag_ == "VBD" or set(aux_words(part)) & {"was", "were", "had", "did"}:
                    continue  # "my reading is that the statement was co-signed": about the past
                start, end = self._clause(part)
                out.append(Finding(start, end, part, reading, tok.head, frame=tok.head, marker="frame"))
            return out
        if lemma not in self.cues.frame_verbs or tok.pos_ not in ("VERB",) or any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
            return None
        subj = subject(tok)
        imperative = all(t.dep_ in ("aux", "neg") and t.head.i == tok.i for t in tok.doc[tok.sent.start:tok.i])
        if subj is None and not (imperative or tok.dep_ == "ROOT" and lemma == "expect"):
            return None  # "Don't expect S": the writer's advice is the writer's forecast
        if subj is not None and (lower(subj) in ("nobody", "none", "few") or any(lower(d) == "no" for d in subj.children)):
            return None  # "nobody thought he would": a belief nobody holds
        if subj is not None and lower(subj) in ("i", "we") and tok.tag_ == "VBD":
            return None  # "what I thought would happen": the author's past belief
        clause = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i and (
            c.pos_ in ("VERB", "AUX") or any(lower(a) == "to" for a in c.children if a.dep_ == "aux"))), None)
        obj = next((c for c in tok.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
        if clause is None and tok.dep_ == "csubj" and tok.head.lemma_ == "be" and any(lower(c) == "what" for c in tok.children):
            clause = next((c for c in tok.head.children if c.dep_ in ("ccomp", "attr") and c.pos_ in ("VERB", "AUX")), None)
            if clause is None or not self._future_marked(clause):
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
            tail = [c for c in tok.children if c.dep_ in ("prep", "npadvmod", "advmod") and c.i > obj.i and lower(c) not in ("instead",)]
            for c in tail:
                end = max(end, c.right_edge.i + 1)
            clause = obj
        else:
            return None
        neg = negated(tok)
        mods = [c for c in tok.children if c.dep_ == "advmod" and c.i < tok.i and lower(c) in ("very", "much", "seriously", "widely", "fully")]
        key = " ".join([lower(m) for m in mods] + [lemma])
        first_person = subj is not None and subj.i < tok.i and lower(subj) in ("i", "we")
        shown = _text(tok.doc, min([tok.i] + [m.i for m in mods] + ([subj.i] if first_person else [])), tok.i + 1)
        reading = self.table.read(key, negated=neg, shown=shown) or self.table.read(lemma, negated=neg, shown=shown)
        if reading is None:
            return None
        inner = self._inner_hedge(clause)
        if inner is not None and not neg:
            reading = inner
        return Finding(start, end, clause, reading, tok, frame=tok, marker="frame")

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

    # -- helpers ----------------------------------------------------------------------------------
    def _adverb_reading(self, verb: Token) -> Reading | None:
        """The reading of hedge adverbs on a verb ("will very likely", "'almost certainly'")."""
        advs = [c for c in verb.children if c.dep_ in ("advmod",) and lower(c).strip("'\"") in HEDGE_ADVERBS
                and lower(c) not in ("never", "all", "but", "very", "most", "quite")]
        for adv in advs:
            toks = _expand([adv])
            words = " ".join(in_quote_marks(lower(t)) for t in toks)
            reading = self.table.read(words, shown=_text(verb.doc, toks[0].i, toks[-1].i + 1))
            if reading is not None:
                return reading
        return None

    def _chance_reading(self, tok: Token) -> Reading | None:
        left = [t for t in tok.subtree if t.i <= tok.i and t.i >= tok.left_edge.i]
        words = [in_quote_marks(lower(t)) for t in left]
        inside = FIGURE.search(tok.doc.text[tok.left_edge.idx:tok.idx + len(tok)])
        if inside and inside.group(2):  # "a 70% chance"
            return self.table.figure(float(inside.group(2)) / 100, inside.group(1) or "", shown=inside.group(0))
        for cut in range(len(words)):
            phrase = " ".join(w for w in words[cut:] if w)
            for variant in (phrase, phrase.replace(" an ", " ").replace(" a ", " "), re.sub(r"^(an?|the) ", "", phrase)):
                reading = self.table.read(variant, shown=_text(tok.doc, left[cut].i, tok.i + 1))
                if reading is not None and not (variant in ("chance", "possibility", "odds", "bet") and cut):
                    return reading
        predicate = tok.head if tok.dep_ in ("nsubj", "nsubjpass") else None
        if predicate is not None:
            for c in predicate.children:
                if c.dep_ in ("acomp", "attr", "advmod") and c.i != tok.i and c.i > tok.i:
                    toks = _expand([m for m in c.children if m.dep_ == "advmod"]) + [c]
                    reading = self.table.read(" ".join(lower(t) for t in toks), negated=negated(predicate),
                                              shown=_text(tok.doc, toks[0].i, c.i + 1)) \
                        or self.table.read(_text(tok.doc, c.left_edge.i, c.right_edge.i + 1), negated=negated(predicate),
                                           shown=_text(tok.doc, c.left_edge.i, c.right_edge.i + 1))  # "close to zero"
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
            return self.table.read("a chance", shown=_text(tok.doc, left[0].i, tok.i + 1))
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

    def _indirect_question(self, tok: Token) -> bool:
        return any(lower(m) in ("whether",) or (lower(m) == "if" and tok.dep_ in ("ccomp",))
                   for m in tok.children if m.dep_ == "mark")

    def _clause(self, head: Token) -> tuple[int, int]:
        """Token range of ``head``'s clause without conditions, asides, reporting and other clauses."""
        dropped: set[int] = set()
        for c in head.children:
            if self._separate(c, head):
                dropped.update(t.i for t in c.subtree)
        lo, hi = _paragraph(head)
        kept = [t for t in head.subtree if t.i not in dropped and lo <= t.i < hi]
        while kept and (kept[0].is_punct and kept[0].text not in "\"“'‘" or kept[0].dep_ in ("cc", "mark", "prep") and kept[0].head.i == head.i
                        and lower(kept[0]) in ("that", "and", "but", "or", "so", "yet", "if", "unless", "then")):
            kept.pop(0)
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
        if dep == "prep" and lower(child) == "in" and any(o.lemma_ in self.cues.view_nouns and any(lower(p) in ("of", "my", "our") for p in o.children)
                                                          for o in child.children if o.dep_ == "pobj"):
            return True  # "in the view of most diplomats": the source, not the proposition
        if dep in ("ccomp", "advcl", "conj") and child.lemma_ in self.cues.reporting_verbs and child.i > head.i:
            return True
        if dep == "dep" and child.lemma_ in self.cues.reporting_verbs:
            return True
        return False


def _paragraph(tok: Token) -> tuple[int, int]:
    """Token range of the paragraph around ``tok`` (the parser sometimes runs sentences across blank lines)."""
    doc = tok.doc
    lo = tok.i
    while lo > 0 and not (doc[lo - 1].is_space and "\n" in doc[lo - 1].text or "\n\n" in doc[lo - 1].whitespace_):
        lo -= 1
    hi = tok.i + 1
    while hi < len(doc) and not (doc[hi].is_space and "\n" in doc[hi].text or "\n\n" in doc[hi - 1].whitespace_):
        hi += 1
    return lo, hi


def _rank(f: Finding) -> int:
    return {"frame": 4, "chance": 3, "predicate": 3, "noun": 2}.get(f.marker, 1) + (0 if f.reading.plain else 1)


def _expand(mods: list[Token]) -> list[Token]:
    """Modifiers with their own modifiers, in text order ("all but", "very", "almost")."""
    out = set()
    for m in mods:
        out.update(t for t in m.subtree if not t.is_punct)
    return sorted(out, key=lambda t: t.i)


def _text(doc, start: int, end: int) -> str:
    return doc[start:end].text


def _shown(phrase_toks: list[Token], tok: Token) -> str:
    first = min(t.i for t in phrase_toks)
    return _text(tok.doc, first, tok.i + 1) + (" to" if lower(tok) in ("set", "poised", "due", "expected", "likely", "unlikely") else "")
