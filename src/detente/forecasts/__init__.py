"""The forecasts reader: statements that something will or will not happen, scored later.

``ForecastReader.read`` finds predicted clauses (``detect``), answered questions
(``questions``), attributes each to the author or a quoted forecaster and drops pledges,
threats and predictions told as history (``attribution``), reads the estimative phrase
(``phrases``) and resolves the deadline (``deadlines``). The ledger over the store (resolving,
suggesting resolutions, Brier scores, calibration) is in ``ledger``.
"""
from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..nlp import Parsed
from ..records import Forecast, Span, Speaker
from .attribution import Attribution, Attributor, DocContext
from .cues import Cues
from .deadlines import Deadlines
from .detect import ClauseFinder
from .grammar import Finding, aux_words, lower, negated, past_tense, subject
from .phrases import PhraseTable
from .questions import answered, asked
from .speakers import load_book, load_typer, side_finder

__all__ = ["ForecastReader"]
VERSION = "1.0"


class ForecastReader:
    key = "forecasts"

    def __init__(self, table: PhraseTable, cues: Cues, deadlines: Deadlines, extra_dirs=()) -> None:
        self.table = table
        self.cues = cues
        self.deadlines = deadlines
        self.finder = ClauseFinder(table, cues)
        book = load_book(extra_dirs)
        self.attributor = Attributor(cues, load_typer(cues, extra_dirs), side_finder(cues, book), book)
        self.version = f"{VERSION}/{table.version}/{cues.version}"

    @classmethod
    def load(cls, extra_dirs=()) -> ForecastReader:
        return cls(PhraseTable.load(extra_dirs), Cues.load(extra_dirs), Deadlines.load(extra_dirs), extra_dirs)

    def read(self, parsed: Parsed) -> list[Forecast]:
        doc, when = parsed.doc, parsed.record.date
        ctx = DocContext.build(doc, when)
        ctx.add_block_quotes(lambda a, b: self.attributor.names_speaker(ctx, a, b))
        if when is not None:
            doc.user_data["year"] = when.year
        self._speakers(ctx)
        noise = self._boilerplate(doc.text)
        sents = _pieces(doc)
        taken = [(s.start_char, s.end_char) for s in sents if s.text.rstrip().endswith("?")]  # questions, restated answers
        out: list[Forecast] = []
        for i, sent in enumerate(sents):
            for question in (answered(sents, i, self.table), asked(sent, self.table)):
                if question is None or _inside(question.proposition[0], noise):
                    continue
                found = self._from_question(question, ctx, when)
                if found is not None:
                    out.append(found)
                    taken.append(question.restated or question.proposition)
            for finding in self.finder.find(sent):
                if _inside(finding.head.idx, noise) or _inside(finding.head.idx, taken):
                    continue
                forecast = self._forecast(finding, ctx, when)
                if forecast is not None and not forecast.proposition.text.lower().startswith("the answer") \
                        and not any(_overlap(forecast, f) for f in out):
                    out.append(forecast)
        return out

    # -- one finding --------------------------------------------------------------------------------
    def _forecast(self, finding: Finding, ctx: DocContext, when: date | None) -> Forecast | None:
        doc = ctx.doc
        if finding.head.dep_ == "advcl" and any(m.dep_ == "mark" and lower(m) in ("unless", "provided", "providing")
                                                for m in finding.head.children):
            return None  # "…unless the police could leave men behind": the condition of another forecast
        who = self.attributor.attribute(finding, ctx)
        if who is None:
            return None
        start, end = doc[finding.start].idx, doc[finding.end - 1].idx + len(doc[finding.end - 1])
        text = doc.text[start:end]
        if finding.marker == "would" and who.reporter is None and finding.reading.plain and who.speaker.kind == "author":
            return None  # an author's "would" is a hypothetical, not a forecast
        if finding.marker == "would" and who.reporter is None and who.speaker.kind != "author" and finding.reading.plain \
                and ctx.quote_at(finding.head.idx) is None:
            return None
        if finding.marker == "would" and negated(finding.head) and finding.head.lemma_ in self.cues.reticence_verbs:
            return None  # "officials would not confirm it": a refusal already made
        if finding.marker == "would" and any(c.dep_ == "advmod" and lower(c) in self.cues.preference_words
                                             for c in finding.head.children):
            return None  # "would rather watch the region freeze": a preference, not a forecast
        if self.attributor.is_commitment(finding, who, text):
            return None
        if self.attributor.is_history(finding, who, (finding.start, finding.end)):
            return None
        scope = _without_past_modifiers(doc, finding.start, finding.end, start)
        told = _without_past_modifiers(doc, finding.start, finding.end, start, simple=True)  # if the scope has none
        if re.search(r"\b[ap]\.m\.$", text) and end < len(doc.text):  # "at 11 a.m. Eastern time on Wednesday"
            scope = text + " " + re.split(r"[,;\n]", doc.text[end:end + 80])[0]
        if finding.marker == "chance":
            scope = doc[finding.start:max(finding.end, finding.anchor.right_edge.i + 1)].text
        if finding.marker == "noun":
            holder = finding.anchor
            scope = doc[min(finding.start, holder.left_edge.i):holder.right_edge.i + 1].text
        deadline = self.deadlines.find(scope, when) or self.deadlines.find(told, when)
        if deadline is None and when is not None and self._past_deadline(scope, when):
            return None
        if deadline is None and self._refers_back(finding, text):
            deadline = self._earlier_deadline(finding, when)
        return Forecast(
            proposition=Span(start, end, text),
            forecaster=who.speaker,
            phrase=finding.reading.phrase,
            probability=finding.reading.point,
            band=finding.reading.band,
            condition=self._condition(finding),
            deadline=deadline,
        )

    def _refers_back(self, finding: Finding, text: str) -> bool:
        """"It will fail", "the ships will leave on schedule": the time was named in the sentence before."""
        subj = subject(finding.head)
        low = f" {text.lower()} "
        return subj is not None and lower(subj) in ("it", "they") or any(f" {w} " in low for w in self.cues.anaphoric_times)

    def _earlier_deadline(self, finding: Finding, when: date | None):
        """The deadline named by the sentence just before ``finding``'s, in the same paragraph."""
        doc, sent = finding.head.doc, finding.head.sent
        if sent.start == 0:
            return None
        before = doc[sent.start - 1].sent
        if "\n" in doc.text[before.end_char:sent.start_char]:
            return None
        day = self.deadlines.find(_without_past_times(before).split("\n")[-1], when)  # its own paragraph, not a signature above
        return day if day is not None and day > when else None  # "today" there is more likely the news than a deadline

    def _before_question(self, doc, char: int, when: date | None):
        """The deadline named by the sentence before the question at ``char``, in its paragraph or the
        one before (a question often opens a paragraph that takes up the last one's date)."""
        span = doc.char_span(char, char + 1, alignment_mode="expand")
        if span is None or span.sent.start == 0 or when is None:
            return None
        before = doc[span.sent.start - 1].sent
        while before.text.strip() == "" and before.start > 0:
            before = doc[before.start - 1].sent
        day = self.deadlines.find(before.text.strip().split("\n")[-1], when)
        return day if day is not None and day > when else None

    def _past_deadline(self, text: str, when: date) -> bool:
        """True when the text names a year or date already past ("before 2025" in 2026): told as history."""
        return any(ch.isdigit() for ch in text) and self.deadlines.find(text, when) is None \
            and self.deadlines.find(text, date(1900, 1, 1)) is not None

    def _condition(self, finding: Finding) -> str | None:
        marks = self.cues.condition_marks
        node: Token = finding.head
        seen = 0
        while seen < 6:
            for c in node.children:
                if c.dep_ == "advcl" and not c.left_edge.i <= finding.head.i <= c.right_edge.i and (any(lower(m) in marks for m in c.children if m.dep_ in ("mark", "advmod"))
                                          or c.i < node.i and any(lower(a) in ("should", "had", "were") and a.i == c.left_edge.i
                                                                  for a in c.children if a.dep_ in ("aux", "auxpass"))):
                    toks = [t for t in c.subtree]
                    while toks and toks[-1].is_punct:
                        toks.pop()
                    return c.doc[toks[0].i:toks[-1].i + 1].text if toks else None
            if node.head.i == node.i:
                return None
            node, seen = node.head, seen + 1
        return None

    # -- answered questions ---------------------------------------------------------------------------
    def _from_question(self, q, ctx: DocContext, when: date | None) -> Forecast | None:
        answer: SpacySpan = q.answer
        who = self.attributor._speaker(q.replier, None, ctx) if q.replier is not None else None
        cut = re.search(r"[;:]", answer.text)
        reach = answer.start_char + (cut.start() if cut else len(answer.text))
        for tok in answer if who is None else ():
            if tok.idx > reach:
                break
            obj = self.attributor.source(tok)
            if obj is not None:
                who = self.attributor._speaker(obj, None, ctx)
            elif tok.lemma_ in self.cues.reporting_verbs and tok.pos_ == "VERB" and tok.dep_ != "advcl" \
                    and not any(c.dep_ == "mark" for c in tok.children):
                believer = _believer(tok)
                if believer is not None and lower(believer) not in ("i", "it"):
                    who = self.attributor._speaker(believer, tok, ctx)
            if who is not None:
                break
        if who is None:
            who = Attribution(Speaker("author", None))
        start, end = q.proposition
        text = ctx.doc.text[start:end]
        said = re.split(r"[.;:!?]|,? because\b|,? since\b", answer.text.strip())[0] if q.replier is None else q.shown
        deadline = self.deadlines.find(text + " " + said, when)  # "Probably not before the summit on Friday."
        low = f" {text.lower()} "
        if deadline is None and any(f" {w} " in low and w.endswith(("then", "time", "date")) for w in self.cues.anaphoric_times):
            deadline = self._before_question(ctx.doc, start, when)  # "will they hand over power by then?"
        return Forecast(Span(start, end, text), who.speaker, q.reading.phrase, q.reading.point, q.reading.band,
                        deadline=deadline)

    # -- document context ------------------------------------------------------------------------------
    def _speakers(self, ctx: DocContext) -> None:
        """Record every named speaker in order, so a later pronoun can take its kind."""
        for tok in ctx.doc:
            if tok.lemma_ in self.cues.reporting_verbs and tok.pos_ == "VERB":
                who = subject(tok)
                if who is not None and lower(who) not in ("he", "she", "they", "i", "we", "it", "that", "which", "who") \
                        and ctx.quote_at(who.idx) is None:
                    self.attributor._speaker(who, tok, ctx)
            elif self.attributor.source(tok) is not None:
                self.attributor._speaker(self.attributor.source(tok), None, ctx)
        ctx.speakers.sort()

    def _boilerplate(self, text: str) -> list[tuple[int, int]]:
        try:
            from ..ingest.boilerplate import boilerplate_spans
        except ImportError:
            boilerplate_spans = None
        spans = list(boilerplate_spans(text)) if boilerplate_spans is not None else []
        pos = 0
        for line in text.split("\n"):
            low = line.lower()
            if line.strip() and len(line.split()) < 40 and any(h in low for h in self.cues.boilerplate_hints):
                spans.append((pos, pos + len(line)))
            pos += len(line) + 1
        return spans


def _pieces(doc) -> list[SpacySpan]:
    """Sentences, with a question the parser ran into its answer ("Will it hold? Probably.") split off."""
    out = []
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            question = tok.text == "?" and not doc[min(tok.i + 1, len(doc) - 1)].is_punct
            paragraph = tok.is_space and "\n" in tok.text
            if (question or paragraph) and tok.i + 1 < sent.end and tok.i + 1 > start:
                out.append(doc[start:tok.i + 1])
                start = tok.i + 1
        if start < sent.end:
            out.append(doc[start:sent.end])
    return out


def _without_past_modifiers(doc, start: int, end: int, offset: int, simple: bool = False) -> str:
    """The proposition's text with past-tense noun modifiers blanked ("the blockade that Trump ordered on
    Tuesday will halve exports within a month"): their dates are the past, not the deadline. With
    ``simple``, only modifiers in the simple past ("which took effect on Sunday"): the parser often hangs
    the clause's own deadline on a perfect ("the elections they have promised before 2027")."""
    chars = list(doc.text[offset:doc[end - 1].idx + len(doc[end - 1])])
    for tok in doc[start:end]:
        past = tok.tag_ == "VBD" if simple else past_tense(tok) or tok.tag_ == "VBN" and not aux_words(tok)
        if tok.dep_ in ("relcl", "acl") and past:
            for t in tok.subtree:
                if start <= t.i < end:
                    chars[t.idx - offset:t.idx - offset + len(t)] = " " * len(t)
    return "".join(chars)


def _without_past_times(sent: SpacySpan) -> str:
    """``sent``'s text with the times of its past-tense verbs blanked ("he told me on Saturday: …"):
    when something was said is no deadline for what it says."""
    chars = list(sent.text)
    for tok in sent:
        if tok.dep_ in ("prep", "npadvmod") and tok.head.pos_ in ("VERB", "AUX") and past_tense(tok.head):
            for t in tok.subtree:
                if sent.start <= t.i < sent.end:
                    at = t.idx - sent.start_char
                    chars[at:at + len(t)] = " " * len(t)
    return "".join(chars)


def _inside(char: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= char < b for a, b in spans)


def _overlap(a: Forecast, b: Forecast) -> bool:
    return a.proposition.start < b.proposition.end and b.proposition.start < a.proposition.end \
        and (a.proposition.start, a.proposition.end) == (b.proposition.start, b.proposition.end)


def _believer(verb: Token) -> Token | None:
    """Whose belief an answer reports: the verb's subject, or the subject of "seem" or "appear" above it ("Nobody in
    Chisinau seems to expect it")."""
    if subject(verb) is not None:
        return subject(verb)
    if verb.dep_ == "xcomp" and verb.head.lemma_ in ("seem", "appear"):
        return subject(verb.head)
    return None
