"""The event coder: CAMEO-coded who-did-what-to-whom from the shared spaCy parse.

For every sentence, triggers (verbs and event nouns) are matched against the pattern data,
their arguments found in the parse, resolved to actors by the ActorBook on the article date
(pronouns and role words through the article's memory), and labelled with a modality. One event
is kept per source–target–root in a sentence; an agentless attack is held until someone claims it.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..actors import ActorBook
from ..nlp import Parsed
from ..records import Actor, Event, Span
from . import patterns, syntax
from .assemble import Assembler
from .frames import FrameFinder
from .modality import ModalityReader
from .placement import Placer

VERSION = "1"


def _boilerplate(text: str) -> list[tuple[int, int]]:
    try:
        from ..ingest.boilerplate import boilerplate_spans
    except ImportError:
        return []
    return boilerplate_spans(text)


class Coder:
    """``Coder.load(extra_dirs).read(parsed) -> list[Event]``."""

    key = "events"

    def __init__(self, book: patterns.PatternBook, actors: ActorBook):
        self.book = book
        self.actors = actors
        self.finder = FrameFinder(book)
        self.modality = ModalityReader(book, self.speech_kind)
        self.version = f"{VERSION}+{book.version}+actors:{actors.version}"

    @classmethod
    def load(cls, extra_dirs: Iterable[str | Path] = ()) -> Coder:
        extra_dirs = tuple(extra_dirs)
        return cls(patterns.load(extra_dirs), ActorBook.load(extra_dirs))

    def read(self, parsed: Parsed) -> list[Event]:
        doc, when = parsed.doc, parsed.record.date
        skip = _boilerplate(parsed.record.text)
        placer = Placer(self.actors, self.book, when)
        assembler = Assembler(self, placer, when)
        for sent in doc.sents:
            if any(a <= sent.start_char and sent.end_char <= b for a, b in skip):
                continue
            self._remember(sent, placer)
            assembler.sentence(sent, skip)
        return assembler.events

    def explain(self, parsed: Parsed) -> list[dict]:
        """Per trigger: the rule that fired, the arguments found and the modality with its reason."""
        out = []
        for sent in parsed.doc.sents:
            for tok in sent:
                rule = self.finder.match(tok)
                if rule is None:
                    continue
                frame = self.finder.frame(tok, rule)
                reading = self.modality.read(frame.anchor, tok, parsed.record.date, light=frame.light is not None)
                out.append({"trigger": tok.text, "pattern": rule.id, "where": rule.where, "code": rule.code,
                            "sources": [t.text for t in frame.sources], "targets": [t.text for t in frame.targets],
                            "target_slot": frame.target_slot, "modality": reading.modality, "why": reading.why,
                            "under": reading.speech_head.text if reading.speech_head is not None else None})
        return out

    def speech_kind(self, tok: Token) -> str | None:
        """'report' for a bare reporting verb, 'act' for a codable speech act, else None."""
        if not syntax.is_verb(tok) and tok.pos_ != "ADJ":
            return None
        rule = self.finder.match(tok)
        if rule is not None and rule.claims:
            return "report"  # "claimed responsibility for sinking X": the act claimed is told as reported, and coded
        if rule is not None and rule.speech:
            return rule.speech
        for rule in self.book.rules_for(syntax.lemma(tok), "verb"):
            if rule.speech and not rule.constraints:  # the lemma's general sense is a speech act
                return rule.speech
        if tok.pos_ == "ADJ" and syntax.lemma(tok) in self.book.cue("intent_heads"):
            return "act"  # "ready to", "willing to": a stated intent
        return None

    def _remember(self, sent: SpacySpan, placer: Placer) -> None:
        """Put every named actor of the sentence in the article's memory, in text order."""
        for tok in sent:
            if tok.pos_ in ("PROPN", "NOUN") and tok.dep_ not in ("compound",) and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL"):
                if tok.pos_ == "NOUN" and not any(c.dep_ in ("poss", "amod", "compound") for c in tok.children):
                    continue
                if tok.dep_ == "npadvmod" and tok.head.tag_ == "VBN":
                    continue  # "Iran-backed militias": a patron named in passing, not a party to the story
                vessel = any(syntax.lemma(a) in self.book.word_list("vessels") for a in syntax.children(tok, "appos"))
                actor = placer.resolve(tok) if vessel else placer.resolve_named(tok) or placer.resolve_instrument(tok)
                if actor is not None:
                    placer.memory.remember(actor, syntax.lemma(tok), tok.i)


__all__ = ["Coder", "Actor", "Event", "Span", "VERSION"]
