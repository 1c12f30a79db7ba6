"""Who makes a forecast, and whether it is one at all.

The forecaster of a predicted clause is the subject of the nearest verb of saying or belief
above it ("X said S", "X expects Y to Z"), the object of "according to", the speaker of the
direct quote it sits in (found where the quote opens or closes), the signature of an
embedded post, or else the author. A pronoun forecaster ("he predicted") takes the kind of
the last speaker named before it. The same walk finds what disqualifies a clause: a verb of
commitment (a vow, a threat, a pledge), a speaker's plain statement about its own side's
conduct, and a prediction told as history (past perfect, "a decade ago", "as recently as").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Token

from ..records import Actor, Span, Speaker
from .cues import Cues
from .grammar import FIRST_PERSON, Finding, lower, paragraph, subject

PRONOUNS = {"he", "she", "they", "him", "her", "them", "it"}
QUOTES = "\"“”"
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
        return cls(doc, when, spans)

    def quote_at(self, char: int) -> tuple[int, int] | None:
        return next(((a, b) for a, b in self.quoted if a <= char <= b), None)


class Attributor:
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
            who = subject(reporter) or self._inverted_subject(reporter)
            if who is not None and paragraph(who) != paragraph(reporter):
                who = _chunk_before(reporter)  # a parse run across a blank line took the last paragraph's noun
            if who is None and reporter.tag_ == "VBG":
                who = self._matrix_subject(reporter)  # "X said A, adding that B"
            elif who is None and reporter.dep_ in ("conj", "xcomp", "advcl") and reporter.head.pos_ == "VERB":
                who = subject(reporter.head)  # "X said A and warned that B"
            if who is not None and lower(who) in ("who", "which", "that") and reporter.dep_ == "relcl":
                who = reporter.head  # "Y, a consultant in Caracas, who added that B"
                while who.dep_ in ("pobj", "prep", "appos") and who.head.i != who.i:
                    who = who.head
            if who is not None and (who.dep_ == "expl" or lower(who) == "it" and reporter.lemma_ == "surprise"):
                who = None  # "it would surprise me if…": the writer
            cited = self._cited(reporter)
            if cited is not None:
                who = cited
        if who is None:
            who = self._according_to(finding.anchor)
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
        if frame is None and finding.marker == "chance" and finding.anchor.lemma_ in self.cues.reporting_verbs \
                and subject(finding.anchor) is not None:
            frame = finding.anchor  # "analysts put the odds of X at…", "Polymarket priced the chance of X at…"
        if frame is None or frame.lemma_ == "be":
            return None
        return frame

    def _reporter(self, tok: Token) -> Token | None:
        node = tok
        while True:
            if node.i != tok.i and node.lemma_ in (self.cues.reporting_verbs | self.cues.commitment_verbs) and node.pos_ == "VERB":
                return node
            if node.i != tok.i and node.pos_ == "VERB" and subject(node) is not None and lower(subject(node)) in ("i", "we"):
                return None  # "…and I see no reason to doubt him: S": the writer's own statement
            if node.head.i == node.i:
                break
            node = node.head
        # a reporting clause hung off the predicted clause: "S, he said" parsed as S ← said
        for c in tok.children:
            if c.dep_ in ("parataxis", "ccomp", "advcl", "conj", "dep") and c.lemma_ in self.cues.reporting_verbs and c.i > tok.i \
                    and (subject(c) is not None or self._inverted_subject(c) is not None) \
                    and not any(g.dep_ in ("ccomp", "xcomp", "mark") for g in c.children):
                return c
        return None

    def _inverted_subject(self, reporter: Token) -> Token | None:
        """"S, said Farhan Siddiqui, …": the noun phrase right after the verb, when the parse lost it."""
        if reporter.i == 0 or reporter.doc[reporter.i - 1].text not in (",", "'", "\"", "”", "’"):
            return None
        doc = reporter.doc
        for chunk in reporter.sent.noun_chunks:
            if chunk.start == reporter.i + 1 and (chunk.end >= reporter.sent.end or doc[chunk.end].is_punct):
                return chunk.root
        return None

    def _matrix_subject(self, verb: Token) -> Token | None:
        node = verb.head
        while node.i != node.head.i and not (node.lemma_ in self.cues.reporting_verbs and subject(node) is not None):
            node = node.head
        return subject(node)

    def _cited(self, reporter: Token) -> Token | None:
        for c in reporter.children:
            if lower(c) == "citing":
                return next((o for o in c.children if o.dep_ in ("dobj", "pobj")), None)
        return None

    def _according_to(self, tok: Token) -> Token | None:
        node = tok
        while True:
            for c in node.children:
                obj = self.source(c)
                if obj is not None:
                    return obj
            if node.head.i == node.i:
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
        return self._introducer(quote, ctx) or self._dash_credit(quote, ctx)

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
            if t.i > who.i and (t.text == "," or lower(t) in ("who", "which", "that")):
                break
            out.append(t)
        return out or [who]

    def _antecedent(self, who: Token, ctx: DocContext) -> tuple[str, str | None]:
        """The kind and name of the last speaker named before the pronoun ``who``."""
        earlier = [s for s in ctx.speakers if s[0] < who.idx]
        if earlier:
            _, kind, name = max(earlier)
            return kind, name
        for ent in reversed([e for e in ctx.doc.ents if e.end_char <= who.idx]):
            if ent.label_ == "PERSON":
                return "named_person", ent.text
        return "anonymous", None

    # -- what disqualifies a clause ------------------------------------------------------------------
    def is_commitment(self, finding: Finding, who: Attribution, prop_text: str) -> bool:
        """A speaker's plain statement about its own side's conduct is a pledge or threat, not a forecast."""
        low = prop_text.lower()
        if finding.frame is None and finding.marker in ("will", "would", "modal") and self._threat(low):
            return True
        plain = finding.reading.plain or (finding.reading.phrase or "").lower() == "never"  # the plain future, negated
        certain = finding.reading.point >= 0.9  # "our response is inevitable": certainty about one's own conduct is a threat
        if plain and finding.marker in ("will", "would") and who.speaker.kind != "author" and not who.observer \
                and self._provoked(finding.head):
            return True  # "if they strike us, they will regret it": a conditional threat
        if plain and finding.marker in ("will", "would") and finding.frame is None and any(
                c.dep_ == "nsubj" and lower(c) == "i" for c in finding.head.children):
            return True  # "I will press him on it", "I'd go further": the writer's or speaker's own conduct
        if who.speaker.kind == "author" or not (plain or certain) and finding.marker != "modal" or finding.frame is not None:
            return False
        subj = finding.head if finding.marker == "noun" else \
            subject(finding.head) if finding.head.pos_ in ("VERB", "AUX") else None
        if subj is None and finding.head.dep_ == "conj":
            subj = subject(finding.head.head)  # "Ankara had not been consulted and would not feel bound"
        if subj is None:
            return False
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in finding.head.children)
        if passive and not who.observer and who.reporter is not None and who.reporter.lemma_ not in self.cues.frame_verbs \
                and who.reporter.lemma_ not in ("warn", "fear", "worry", "caution") and who.speaker.kind in ("official", "named_person"):
            return True  # "the pilot would be released", said by the government that holds him
        subj_words = {lower(t) for t in subj.subtree}
        if lower(subj) in FIRST_PERSON or subj_words & {"our", "my"}:
            return True
        if who.observer:
            return False
        person = who.speaker.kind in ("named_person", "anonymous")
        pronoun = lower(subj) if lower(subj) in ("he", "she", "it", "they") else next(
            (lower(t) for t in subj.children if t.dep_ == "poss" and lower(t) in ("its", "his", "their", "her")), None)
        if pronoun in ("he", "she", "his", "her") and person or pronoun in ("it", "its") and not person \
                or pronoun in ("they", "their"):
            return True
        if self._speaks_for(who, subj):
            return True
        speaker_text = " ".join(t.text for t in (who.reporter and subject(who.reporter) and subject(who.reporter).subtree or [])) \
            or (who.speaker.span.text if who.speaker.span else "")
        if speaker_text.lower() in PRONOUNS and who.speaker.actor is not None and who.speaker.actor.name:
            speaker_text = who.speaker.actor.name  # "he said", after "Houthi spokesman Yahya Saree"
        speaker_text = who.antecedent or speaker_text
        core = [t for t in subj.subtree if not any(a.dep_ in ("prep", "relcl", "acl", "appos") and a.i != subj.i
                                                   for a in _path(t, subj))]
        theirs = self.side(" ".join(t.text for t in core), None)
        if theirs is None:
            return lower(subj) in self.cues.own_side_nouns or subj.lemma_ in self.cues.own_side_nouns
        speaker_words = set(re.findall(r"[a-z]+", speaker_text.lower()))
        if who.speaker.kind == "anonymous" and not speaker_words & self.cues.agent_words:
            return False  # "a U.S. intelligence source" does not speak for the U.S. government
        mine = self.side(speaker_text, None)
        if mine is None and who.speaker.kind == "official" and speaker_words & self.cues.own_side_nouns:
            return True  # "Saudi Arabia will not…", said "the kingdom's foreign minister"
        return mine == theirs

    def _provoked(self, head: Token) -> bool:
        """A condition on the speaker's own side ("if it rains on us", "if our ships are hit")."""
        for c in head.children:
            if c.dep_ == "advcl" and any(lower(m) in self.cues.condition_marks for m in c.children if m.dep_ == "mark") \
                    and any(lower(t) in ("us", "we", "our") for t in c.subtree):
                return True
        return False

    def _speaks_for(self, who: Attribution, subj: Token) -> bool:
        """"Hamas will not disarm, its spokesman said", "the president will travel…, his office said":
        a spokesman, office or aide of the subject itself announces its conduct."""
        head = subject(who.reporter) if who.reporter is not None else None
        if head is None or head.lemma_ not in self.cues.agent_words | self.cues.official_words:
            return False
        poss = next((lower(c) for c in head.children if c.dep_ == "poss" and lower(c) in ("its", "their", "his", "her")), None)
        person = subj.ent_type_ == "PERSON" or subj.lemma_ in self.cues.person_words
        return poss in ("its", "their") and not person or poss in ("his", "her") and person

    def _threat(self, text: str) -> bool:
        """An idiom of threat in ``text``; "*" in a listed idiom stands for up to three words."""
        for phrase in self.cues.threat_phrases:
            pattern = r"\b" + re.escape(phrase).replace(r"\*", r"(?:[\w'-]+ ){0,3}").replace(r"\ ", " ")
            if re.search(pattern.replace("} ", "}"), text):
                return True
        return False

    def is_history(self, finding: Finding, who: Attribution, prop: tuple[int, int]) -> bool:
        """A prediction told as history: reported in the past perfect or placed in the past."""
        reporter = who.reporter
        if reporter is None:
            return False
        auxes = [lower(c) for c in reporter.children if c.dep_ == "aux"]
        if reporter.dep_ == "advcl" and any(lower(m) in ("after", "before", "when", "since", "once", "until")
                                            for m in reporter.children if m.dep_ == "mark"):
            return True  # "after a general told him 150 people might die": the telling is the story
        if "had" in auxes or (reporter.tag_ == "VBG" and any(a in ("was", "were") for a in auxes)):
            return True
        sent = _segment(reporter.sent, prop)
        outside = " ".join(t.lower_ for t in sent if not prop[0] <= t.i < prop[1])
        years = [int(y) for y in re.findall(r"\b(?:in|by|since) ((?:19|20)\d\d)\b", outside)]
        if years and finding.head.doc.user_data.get("year") and max(years) < finding.head.doc.user_data["year"]:
            return True  # "in 2019, experts predicted…"
        return any(re.search(rf"\b{re.escape(m)}\b", outside) for m in self.cues.history_markers)


def _path(tok: Token, top: Token) -> list[Token]:
    """The tokens from ``tok`` up to (not including) ``top``."""
    out = []
    while tok.i != top.i and tok.head.i != tok.i:
        out.append(tok)
        tok = tok.head
    return out


def _segment(sent, prop: tuple[int, int]):
    """The part of ``sent`` between semicolons that holds the proposition: the rest is another statement."""
    start, end = sent.start, sent.end
    for t in sent:
        if t.text == ";" and t.i < prop[0]:
            start = t.i + 1
        elif t.text == ";" and t.i >= prop[1] and end == sent.end:
            end = t.i
    return sent.doc[start:end]


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
