"""Who makes a forecast, and whether it is one at all.

The forecaster of a predicted clause is the subject of the nearest verb of saying or belief
above it ("X said S", "X expects Y to Z"), the object of "according to", the speaker of the
direct quote it sits in (found where the quote opens or closes), the signature of an
embedded post, or else the author. A pronoun forecaster ("he predicted") takes the kind of
the last speaker named before it. The same walk finds a verb of commitment (a vow, a threat, a
pledge) above the clause; what else disqualifies a clause (own conduct, plans, history) is in
``disqualify``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Token

from ..records import Actor, Span, Speaker
from .cues import Cues
from .disqualify import PRONOUNS, Disqualifier
from .grammar import FIRST_PERSON, Finding, interviewed, lower, paragraph, shared_subject, subject

QUOTES = "\"“”"
# A single quote opens after the start, a space or a bracket and before a letter; it closes after a
# letter or punctuation and before a space, punctuation or the end: so "the rebels' guns" and "don't" stay words.
# A plural possessive ("the rebels' guns": s, quote, space, small letter) does not close one.
SINGLE_QUOTE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–]))['‘](?=[^\s'‘’])(?P<body>[^\n]*?[^\s'‘’])(?<!s(?=['’] [a-z]))['’]"
                          r"(?=[\s.,;:!?)\]—–]|$)", re.M)
DASH_CREDIT = re.compile(r"[ \t]*[—–][ \t]*([^,;(\n]+)")
SIGNATURE = re.compile(r"^\s*[—–-]\s*([^(\n]+?)\s*\(@\w+\)", re.M)


@dataclass
class Attribution:
    speaker: Speaker
    reporter: Token | None = None  # the verb of saying or belief, if any
    observer: bool = False  # the speaker comments on others (an analyst), so makes no pledges
    antecedent: str | None = None  # what "the official" refers back to ("a senior U.S. official")


@dataclass
class DocContext:
    """Per-document state: quoted stretches, post signatures and the speakers named so far."""

    doc: Doc
    when: date | None = None
    quoted: list[tuple[int, int]] = field(default_factory=list)
    speakers: list[tuple[int, str, str]] = field(default_factory=list)  # (char, kind, text)
    observers: set[int] = field(default_factory=set)  # chars of the speakers described as observers

    @classmethod
    def build(cls, doc: Doc, when: date | None = None) -> DocContext:
        text, spans, opened = doc.text, [], None
        for i, ch in enumerate(text):
            if ch == "\n" and i and text[i - 1] == "\n":
                opened = None  # a quote left open does not run past a blank line
            if ch in QUOTES:
                if opened is None and ch != "”":
                    opened = i
                elif opened is not None and ch != "“":
                    spans.append((opened, i))
                    opened = None
        spans += [(m.start(), m.end() - 1) for m in SINGLE_QUOTE.finditer(text)
                  if not any(a <= m.start() <= b for a, b in spans)]
        return cls(doc, when, sorted(spans))

    def add_block_quotes(self, says) -> None:
        """Take as quoted a paragraph set off without quote marks after a lead-in that ends in a colon
        and names a speaker ("In a statement, the director added:"); ``says`` tells such a lead-in."""
        text, found = self.doc.text, []
        for m in re.finditer(r"[^\n]*:[ \t]*\n\s*\n?(?P<body>[^\n]+)", text):
            body = m["body"]
            if body.lstrip()[:1] in QUOTES + "'‘—–-" or SIGNATURE.match(text, m.end("body") + 1) \
                    or SIGNATURE.match(text, m.end("body") + 2) or not says(m.start(), m.start("body")):
                continue
            found.append((m.start("body"), m.end("body")))
        self.quoted = sorted(self.quoted + [q for q in found if not any(a <= q[0] <= b for a, b in self.quoted)])

    def quote_at(self, char: int) -> tuple[int, int] | None:
        return next(((a, b) for a, b in self.quoted if a <= char <= b), None)


class Attributor(Disqualifier):
    """Attributes findings to forecasters and drops commitments and history."""

    def __init__(self, cues: Cues, type_speaker, side, book=None) -> None:
        self.cues = cues
        self.type_speaker = type_speaker  # (tokens of the speaker phrase, head, date, book) -> kind
        self.side = side  # (text, date) -> country or group code
        self.book = book

    # -- forecaster ---------------------------------------------------------------------------------
    def attribute(self, finding: Finding, ctx: DocContext) -> Attribution | None:
        """The forecaster of ``finding``; None when the clause is a commitment rather than a forecast."""
        reporter = self._frame_reporter(finding) or self._reporter(finding.anchor)
        if reporter is not None and reporter.lemma_ in self.cues.commitment_verbs or self._advised(finding.anchor):
            return None
        who = None
        if reporter is not None:
            who = subject(reporter) or interviewed(reporter, self.cues.talk_verbs) or self._inverted_subject(reporter)
            credit = self._credit_chain(reporter, finding.head) if who is None else None
            if credit:
                finding.end = min(finding.end, credit[0].start - 1)  # the credit is no part of what is predicted
                return self._credited(credit, reporter, ctx)
            if who is not None and paragraph(who) != paragraph(reporter):
                who = _chunk_before(reporter)  # a parse run across a blank line took the last paragraph's noun
            if who is None and reporter.tag_ == "VBG":
                who = self._matrix_subject(reporter)  # "X said A, adding that B"
            elif who is None and reporter.dep_ in ("conj", "xcomp", "advcl") and reporter.head.pos_ == "VERB":
                who = subject(reporter.head)  # "X said A and warned that B"
            if who is None:
                who = shared_subject(reporter, self.cues.reporting_verbs)  # "X thinks A, and expects B"
            if who is not None and lower(who) in ("who", "which", "that") and reporter.dep_ == "relcl":
                who = reporter.head  # "Y, a consultant in Caracas, who added that B"
                while who.dep_ in ("pobj", "prep", "appos") and who.head.i != who.i:
                    who = who.head
            if who is not None and (who.dep_ == "expl" or lower(who) == "it" and reporter.lemma_ == "surprise"):
                who = None  # "it would surprise me if…": the writer
            cited = self._cited(reporter)
            if cited is not None:
                who = cited
            outer = subject(reporter.head) if reporter.dep_ == "ccomp" and reporter.head.lemma_ in self.cues.reporting_verbs else None
            if who is not None and who.lemma_ in self.cues.official_words and outer is not None \
                    and (outer.lemma_ in self.cues.agent_words or lower(outer) in self.cues.agent_words):
                who = outer  # "an official said the army did not believe S": the official speaks for it; legislators do not
        if who is None:
            who = self._according_to(finding.anchor)
        if who is None and reporter is None:
            reporter = self._misparsed_credit(finding)
            who = reporter.head if reporter is not None else None
        if who is None and reporter is None:
            reporter, who = self._closing_credit(finding)
        if who is None and reporter is None:
            quote = ctx.quote_at(finding.head.idx)
            if quote is not None:
                return self._quote_speaker(quote, ctx)
            signed = self._signature(finding.head, ctx)
            if signed is not None:
                return signed
        if who is None:
            return Attribution(Speaker("author", None), reporter)
        quote = ctx.quote_at(who.idx) if lower(who) in FIRST_PERSON else None
        if quote is not None:  # "I expect…" inside a quotation is the quoted speaker's expectation
            return self._quote_speaker(quote, ctx) or self._speaker(who, reporter, ctx)
        return self._speaker(who, reporter, ctx)

    def _misparsed_credit(self, finding: Finding) -> Token | None:
        """"S, the X news agency, which is close to Y, reported": the parser hung the verb of saying on the
        credited noun as a modifier; the verb, when it follows the proposition in the same sentence."""
        for tok in finding.head.doc[finding.end:finding.head.sent.end]:
            if tok.lemma_ in self.cues.reporting_verbs and tok.dep_ in ("acl", "relcl") and tok.tag_ in ("VBD", "VBN") \
                    and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i >= finding.end - 1 and subject(tok) is None \
                    and tok.doc[tok.i - 1].text == ",":
                return tok
        return None

    def _closing_credit(self, finding: Finding) -> tuple[Token | None, Token | None]:
        """"…that S, a Gulf diplomat estimated.": a bare verb of saying closing the sentence, its speaker
        parsed as an apposition of S's last noun; (verb, speaker), and S ends at the comma."""
        sent, doc = finding.head.sent, finding.head.doc
        last = sent.end - 1 if doc[sent.end - 1].is_punct else sent.end
        verb = doc[last - 1] if last - 1 > finding.head.i else None
        if verb is None or verb.lemma_ not in self.cues.reporting_verbs or verb.tag_ != "VBD" or subject(verb) is not None:
            return None, None
        comma = next((t.i for t in reversed(doc[finding.head.i + 1:verb.i]) if t.text == ","), None)
        seg = doc[comma + 1:verb.i] if comma is not None else None
        if seg is None or not len(seg) or seg.root.dep_ != "appos" or seg.root.pos_ not in ("NOUN", "PROPN") \
                or seg.root.head.i >= comma:
            return None, None
        finding.end = min(finding.end, comma)  # the credit is no part of what is predicted
        return verb, seg.root

    def _credit_chain(self, reporter: Token, head: Token) -> list:
        """"S, Drewry, a shipping consultancy, said": a speaker and its apposition that the parser hung on
        S's last noun, leaving the verb of saying with no subject; their spans in text order, else []."""
        doc = reporter.doc
        if reporter.i == 0 or doc[reporter.i - 1].text != "," or reporter.i <= head.i:
            return []
        segments, j = [], reporter.i - 1
        while len(segments) < 2:
            k = j - 1
            while k > head.i and doc[k].text != ",":
                k -= 1
            seg = doc[k + 1:j]
            if doc[k].text != "," or not len(seg) or seg.root.dep_ not in ("appos", "conj", "npadvmod") \
                    or seg.root.pos_ not in ("NOUN", "PROPN") or seg.root.head.i >= seg.start:
                break
            segments.append(seg)
            j = k
        return segments[::-1]

    def _credited(self, segments, reporter: Token, ctx: DocContext) -> Attribution:
        """The kind of a credit "Name, a description" (or "a description, Name"): the description tells an
        organisation ("a consultancy") or an outlet from a person ("a pollster in Lagos")."""
        name = next((s for s in segments if s.root.pos_ == "PROPN"), segments[0])
        kind = self.type_speaker(list(name), name.root, ctx.when, self.book)
        described = [s for s in segments if s is not name]
        if described:
            told = self.type_speaker(list(described[0]), described[0].root, ctx.when, self.book)
            org = described[0].root.lemma_ in self.cues.org_words
            kind = told if told in ("named_org", "outlet") else "named_org" if org else "named_person"
        first, last = segments[0][0], segments[-1][-1]
        span = Span(first.idx, last.idx + len(last), ctx.doc.text[first.idx:last.idx + len(last)])
        ctx.speakers.append((first.idx, kind, span.text))
        return Attribution(Speaker(kind, span), reporter)

    def _advised(self, tok: Token) -> bool:
        """"X should / ought to / needs to say that S": S is advice on what to say, not a forecast."""
        words = self.cues.normative_words
        while tok.dep_ in ("ccomp", "conj") and tok.head.i != tok.i:
            verb = tok.head
            if tok.dep_ == "ccomp" and (any(lower(a) in words for a in verb.children if a.dep_ == "aux")
                                        or verb.dep_ == "xcomp" and (lower(verb.head) in words or verb.head.lemma_ in words)):
                return True
            tok = verb
        return False

    def _frame_reporter(self, finding: Finding) -> Token | None:
        """A verb of belief is its own reporter; "my guess is" and "I'd be surprised" are the author's."""
        frame = finding.frame
        if frame is None and finding.marker == "chance" \
                and finding.anchor.lemma_ in self.cues.reporting_verbs | self.cues.chance_verbs \
                and subject(finding.anchor) is not None:
            frame = finding.anchor  # "analysts put the odds of X at…", "Polymarket priced the chance of X at…"
        if frame is None:
            return None
        if frame.lemma_ == "be" or frame.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in frame.children):  # "my guess is"
            believer = subject(frame)  # "the ministry is convinced that S": the ministry's belief
            held = frame.dep_ == "auxpass" or any(c.dep_ in ("acomp", "auxpass") for c in frame.children)
            return frame if held and believer is not None and lower(believer) not in FIRST_PERSON else None
        return frame

    def _reporter(self, tok: Token) -> Token | None:
        node = tok
        while True:
            if node.i != tok.i and node.lemma_ in (self.cues.reporting_verbs | self.cues.commitment_verbs) and node.pos_ == "VERB":
                return node
            if node.dep_ == "conj" and node.i > node.head.i and subject(node) is not None and node.head.lemma_ in self.cues.reporting_verbs \
                    and any(c.dep_ == "ccomp" and c.i < node.head.i for c in node.head.children):
                return None  # "A will happen, X predicted, and B may follow": B is coordinated with the credit, the writer's
            if node.i != tok.i and node.pos_ == "VERB" and subject(node) is not None and lower(subject(node)) in ("i", "we"):
                return None  # "…and I see no reason to doubt him: S": the writer's own statement
            if node.head.i == node.i:
                break
            node = node.head
        # a reporting clause hung off the predicted clause: "S, he said" parsed as S ← said
        for c in tok.children:
            if c.dep_ in ("parataxis", "ccomp", "advcl", "conj", "dep") and c.lemma_ in self.cues.reporting_verbs \
                    and (c.i > tok.i or c.dep_ == "parataxis" and _set_off(c)) \
                    and (subject(c) is not None or self._inverted_subject(c) is not None or self._credit_chain(c, tok)) \
                    and not any(g.dep_ in ("ccomp", "xcomp", "mark") for g in c.children):
                return c
        return None

    def _inverted_subject(self, reporter: Token) -> Token | None:
        """"S, said Farhan Siddiqui, …": the noun phrase right after the verb, when the parse lost it."""
        if reporter.i == 0 or reporter.doc[reporter.i - 1].text not in (",", "'", "\"", "”", "’"):
            return None
        doc = reporter.doc
        for chunk in reporter.sent.noun_chunks:
            end = chunk.end
            if end < reporter.sent.end and doc[end].dep_ == "prep" and doc[end].head.i in (chunk.root.i, reporter.i):
                end = doc[end].right_edge.i + 1  # "…, predicted a European attache in Vienna": the place goes with them
            if chunk.start == reporter.i + 1 and (end >= reporter.sent.end or doc[end].is_punct):
                return chunk.root
        return None

    def _matrix_subject(self, verb: Token) -> Token | None:
        node = verb.head
        while node.i != node.head.i and not (node.lemma_ in self.cues.reporting_verbs and subject(node) is not None):
            node = node.head
        return subject(node)

    def _cited(self, reporter: Token) -> Token | None:
        """"The agency said, citing two officials": the cited people speak; "citing satellite images" is evidence."""
        people = self.cues.agent_words | self.cues.official_words | self.cues.observer_words | self.cues.person_words \
            | {"source", "sources", "people", "person", "official", "officials"}
        for c in reporter.children:
            if lower(c) == "citing":
                cited = next((o for o in c.children if o.dep_ in ("dobj", "pobj")), None)
                if cited is not None and (cited.ent_type_ in ("PERSON", "ORG") or lower(cited) in people or cited.lemma_ in people):
                    return cited
        return None

    def _according_to(self, tok: Token) -> Token | None:
        node = tok
        while True:
            for c in node.children:
                obj = self.source(c)
                if obj is not None:
                    return obj
            if node.head.i == node.i:
                return self._trailing_source(tok) or self._closing_source(tok)
            node = node.head

    def _closing_source(self, tok: Token) -> Token | None:
        """"A is likely, in the judgement of X, a former diplomat": a credit set off by a comma that runs to the end
        of the sentence names the forecaster of all of it, wherever the parser hung it."""
        last = _last_word(tok)
        for t in tok.sent:
            if t.i > tok.i and t.i > 0 and t.nbor(-1).text == "," and t.right_edge.i >= last:
                obj = self.source(t)
                if obj is not None:
                    return obj
        return None

    def _trailing_source(self, tok: Token) -> Token | None:
        """"A will happen, but B will not, according to X": a source closing the sentence after the last
        of coordinated clauses speaks for all of them, though the parser hangs it on the last one."""
        last = _last_word(tok)
        node = tok
        while True:
            for c in node.children:
                if c.dep_ == "conj" and c.i > tok.i:
                    for g in c.children:
                        obj = self.source(g)
                        if obj is not None and g.i > tok.i and g.right_edge.i >= last and g.nbor(-1).text == ",":
                            return obj
            if node.head.i == node.i or node.dep_ not in ("conj", "ccomp", "xcomp", "ROOT"):
                return None
            node = node.head

    def source(self, tok: Token) -> Token | None:
        """The X of "according to X" or "in the view of X" when ``tok`` opens such a phrase."""
        if lower(tok) == "according":
            to = next((t for t in tok.children if lower(t) == "to"), None)
            return next((o for o in (to.children if to is not None else tok.children) if o.dep_ == "pobj"), None)
        if lower(tok) == "in":
            noun = next((o for o in tok.children if o.dep_ == "pobj" and o.lemma_ in self.cues.view_nouns), None)
            of = next((p for p in noun.children if lower(p) == "of"), None) if noun is not None else None
            return next((o for o in of.children if o.dep_ == "pobj"), None) if of is not None else None
        return None

    def _quote_speaker(self, quote: tuple[int, int], ctx: DocContext) -> Attribution | None:
        """The speaker of a direct quote: the reporting verb in the sentence where it closes or opens."""
        doc = ctx.doc
        for char in (quote[1], quote[0]):
            sent = doc.char_span(char, char + 1, alignment_mode="expand")
            if sent is None:
                continue
            sent = sent.sent
            for tok in sent:
                if tok.lemma_ in self.cues.reporting_verbs and tok.pos_ == "VERB" and subject(tok) is not None \
                        and not (quote[0] <= tok.idx <= quote[1]) and "\n" not in _between(doc.text, tok.idx, char):
                    return self._speaker(subject(tok), tok, ctx)
        return self._introducer(quote, ctx) or self._dash_credit(quote, ctx) or self._continued(quote, ctx)

    def _continued(self, quote: tuple[int, int], ctx: DocContext) -> Attribution | None:
        """A quote that goes on in the next sentence ("“…,” he said. “S.”"): the speaker credited in the
        sentence just before it, in the same paragraph, when that sentence holds a quote of its own."""
        doc = ctx.doc
        opening = doc.char_span(quote[0], quote[0] + 1, alignment_mode="expand")
        if opening is None or opening.sent.start == 0:
            return None
        before = doc[opening.sent.start - 1].sent
        if "\n" in doc.text[before.start_char:quote[0]] or not any(a >= before.start_char and b < quote[0] for a, b in ctx.quoted):
            return None
        for tok in before:
            if tok.lemma_ in self.cues.reporting_verbs and tok.pos_ == "VERB" and subject(tok) is not None \
                    and ctx.quote_at(tok.idx) is None:
                return self._speaker(subject(tok), tok, ctx)
        return None

    def names_speaker(self, ctx: DocContext, start: int, end: int) -> bool:
        """True when the text between ``start`` and ``end`` (a lead-in) has a verb of saying with a subject."""
        lead = ctx.doc.char_span(start, end, alignment_mode="contract")
        return lead is not None and any(t.lemma_ in self.cues.reporting_verbs and t.pos_ == "VERB" and subject(t) is not None
                                        for t in lead)

    def _dash_credit(self, quote: tuple[int, int], ctx: DocContext) -> Attribution | None:
        """A quote credited after a dash on its own line: '"…" — a rebel commander, in an audio message'."""
        m = DASH_CREDIT.match(ctx.doc.text, quote[1] + 1)
        span = ctx.doc.char_span(m.start(1), m.end(1), alignment_mode="contract") if m else None
        if span is None or len(span) == 0:
            return None
        return self._speaker(span.root, None, ctx)

    def _introducer(self, quote: tuple[int, int], ctx: DocContext) -> Attribution | None:
        """A quote set off in its own paragraph after "Maduro's reply was defiant:": who the lead-in names."""
        before = ctx.doc.text[:quote[0]].rstrip()
        if not before.endswith(":"):
            return None
        lead = ctx.doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
        if lead is None:
            return None
        sent = ctx.doc[lead.sent.start:lead.end]
        verb = next((t for t in sent if t.lemma_ in self.cues.reporting_verbs and t.pos_ == "VERB"
                     and subject(t) is not None), None)
        who = subject(verb) if verb is not None else subject(sent.root)
        if who is None or who.pos_ not in ("NOUN", "PROPN"):
            return None
        owner = next((c for c in who.children if c.dep_ == "poss"), None)
        if who.pos_ == "NOUN" and owner is not None:
            who = owner  # "Maduro's reply": Maduro
        return self._speaker(who, verb, ctx)

    def _signature(self, tok: Token, ctx: DocContext) -> Attribution | None:
        text = ctx.doc.text
        para_end = text.find("\n", tok.idx)
        if para_end < 0:
            return None
        m = SIGNATURE.match(text, para_end + 1) or SIGNATURE.match(text, para_end + 2)
        if m is None:
            return None
        return Attribution(Speaker("named_person", Span(m.start(1), m.end(1), m[1])), None)

    def _speaker(self, who: Token, reporter: Token | None, ctx: DocContext) -> Attribution:
        if lower(who) in ("i", "me", "my"):
            return Attribution(Speaker("author", Span(who.idx, who.idx + len(who), who.text)), reporter)
        phrase = self._phrase(who)
        span = Span(phrase[0].idx, phrase[-1].idx + len(phrase[-1]), ctx.doc.text[phrase[0].idx:phrase[-1].idx + len(phrase[-1])])
        lo, hi = paragraph(who)
        full = [t for t in who.subtree if lo <= t.i < hi]
        words = {lower(t) for t in full}
        observer = bool(words & self.cues.observer_words)
        outer = self._saying_subject(who)
        if outer is not None:  # "Maersk said it expected S": the pronoun is the subject of the verb of saying
            said = self._speaker(outer, reporter, ctx)
            kind = said.speaker.kind
            single = not any(c.dep_ == "compound" for c in outer.children)  # "Maersk", not "Alan Smith"
            if outer.pos_ == "PROPN" and ((kind, lower(who)) == ("named_person", "it") and single
                                          or (kind, lower(who)) in (("named_org", "he"), ("named_org", "she"))):
                kind = "named_org" if lower(who) == "it" else "named_person"  # the pronoun tells a company from a person
            return Attribution(Speaker(kind, span, said.speaker.actor), reporter, said.observer)
        if lower(who) in PRONOUNS:
            kind, name = self._antecedent(who, ctx)
            earlier = [s[0] for s in ctx.speakers if s[0] < who.idx]
            observer = observer or bool(earlier) and max(earlier) in ctx.observers  # "she added": the analyst named before
            return Attribution(Speaker(kind, span, Actor("---", text=span.text, name=name) if name else None), reporter, observer)
        earlier = self._described_before(who, ctx)
        if earlier is not None:  # "the official said", after "a senior U.S. official, speaking on condition…"
            return Attribution(Speaker(earlier[1], span), reporter, observer or earlier[0] in ctx.observers, earlier[2])
        else:
            kind = self.type_speaker(full, who, ctx.when, self.book)
            if not any(s[0] == who.idx for s in ctx.speakers):
                ctx.speakers.append((who.idx, kind, span.text))
            if observer:
                ctx.observers.add(who.idx)
        return Attribution(Speaker(kind, span), reporter, observer)

    def _saying_subject(self, who: Token) -> Token | None:
        """The named subject of the verb of saying whose clause ``who`` (it, he, she) is the subject of."""
        verb = who.head
        if lower(who) not in ("it", "he", "she") or who.dep_ != "nsubj" or verb.dep_ != "ccomp" \
                or verb.head.lemma_ not in self.cues.reporting_verbs:
            return None
        outer = subject(verb.head)
        if outer is None or outer.pos_ not in ("NOUN", "PROPN") or outer.tag_ in ("NNS", "NNPS") \
                or lower(who) != "it" and outer.ent_type_ in ("ORG", "GPE", "NORP") \
                or lower(who) == "it" and outer.ent_type_ == "PERSON" and any(c.dep_ == "compound" for c in outer.children):
            return None  # "Alan Smith said it expected…": "it" is something else
        return outer

    def _described_before(self, who: Token, ctx: DocContext) -> tuple[int, str, str] | None:
        """The speaker named earlier that "the official" / "the diplomat" (nothing more) refers back to."""
        if who.lemma_ not in self.cues.agent_words or [lower(c) for c in who.children] != ["the"]:
            return None
        earlier = [s for s in ctx.speakers if s[0] < who.idx and s[2].lower().split()[-1:] in ([lower(who)], [who.lemma_])]
        return max(earlier) if earlier else None

    def _phrase(self, who: Token) -> list[Token]:
        lo, hi = paragraph(who)
        toks = [t for t in who.subtree if lo <= t.i < hi]
        while len(toks) > 1 and toks[0].is_punct and toks[0].i < who.i:
            toks.pop(0)  # "— Omar Saleh": the dash of a credit line
        out = []
        for t in toks:
            if t.i > who.i and (t.text == "," or lower(t) in ("who", "which", "that") or t.head.dep_ == "relcl" and t.head.head.i == who.i):
                break  # "traders I spoke to expect S": the relative clause and what the parser hung on it
            out.append(t)
        return out or [who]

    def _antecedent(self, who: Token, ctx: DocContext) -> tuple[str, str | None]:
        """The kind and name of the last speaker named before the pronoun ``who`` that the pronoun can
        stand for ("it" no person, "he" and "she" no organisation)."""
        person = lower(who) in ("he", "she", "him", "her")
        unfit = {"named_person"} if lower(who) in ("it", "its") else {"named_org", "outlet"} if person else set()
        earlier = [s for s in ctx.speakers if s[0] < who.idx and s[1] not in unfit]
        if earlier:
            _, kind, name = max(earlier)
            return kind, name
        for ent in reversed([e for e in ctx.doc.ents if e.end_char <= who.idx]):
            if ent.label_ == "PERSON" and "named_person" not in unfit or person and ent.label_ == "ORG" and 2 <= len(ent) <= 3 \
                    and all(t.pos_ == "PROPN" and t.text.istitle() for t in ent):
                return "named_person", ent.text  # "she" after "Nadia Karim", whom the tagger took for an organisation
            if lower(who) in ("it", "its") and ent.label_ in ("ORG", "GPE"):
                return ("named_org" if ent.label_ == "ORG" else "official"), None  # "it" after "the IMF", "Turkey"
        return "anonymous", None

def _between(text: str, a: int, b: int) -> str:
    return text[min(a, b):max(a, b)]


def _chunk_before(verb: Token) -> Token | None:
    """The noun right before ``verb`` in its own paragraph ("A diplomat said"), else the paragraph's
    first noun ("An Indian official, speaking on condition of anonymity, told me")."""
    lo, _ = paragraph(verb)
    nouns = [t for t in verb.doc[lo:verb.i] if t.pos_ in ("NOUN", "PROPN", "PRON")]
    if nouns and nouns[-1].i == verb.i - 1:
        return nouns[-1]
    return nouns[0] if nouns else None


def _set_off(verb: Token) -> bool:
    """A credit between commas inside its clause ("If S, they said, T"): "they said" has a comma on either side."""
    who = subject(verb)
    doc, lo = verb.doc, (who.left_edge.i if who is not None and who.i < verb.i else verb.i)
    return lo > 0 and doc[lo - 1].text == "," and verb.i + 1 < len(doc) and doc[verb.i + 1].text == ","


def _last_word(tok: Token) -> int:
    """The index of the last word of ``tok``'s sentence (closing punctuation and spaces aside)."""
    return max((t.i for t in tok.sent if not t.is_punct and not t.is_space), default=tok.i)
