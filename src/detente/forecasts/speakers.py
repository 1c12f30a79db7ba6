"""Typing a forecaster with the claims ledger's kinds (named_person, named_org, official, outlet,
anonymous), and placing speakers and subjects on a side (a country or group).

The claims stage's typer and the actors stage's book are used, so both ledgers agree; the few
corrections a forecaster's phrase needs read ``data/forecasts/speakers.yaml``, and a side the book
does not know comes from ``sides.yaml``.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..actors import ActorBook
from ..claims.speakers import SpeakerTyper
from .cues import Cues


def load_typer(cues: Cues, extra_dirs=()):
    """(tokens, head, when) -> kind: the claims stage's typer, with the corrections a forecaster's phrase needs."""
    typer = SpeakerTyper.load(extra_dirs)

    def kind(tokens: list[Token], head: Token, when=None, book=None) -> str:
        polled = _polled(head, cues)
        if polled is not None:
            return kind(list(polled.subtree), polled, when, book)
        span = head.doc[tokens[0].i:tokens[-1].i + 1]
        found = typer.kind(span, book, when, None)[0]
        if found == "named_org" and head.pos_ == "PROPN" and _described_as_person(head, cues):
            return "named_person"  # "Maksim Orlov, a former analyst": a name the tagger took for an organisation
        if found == "named_person" and _described_as_org(head, cues):
            return "named_org"  # "the shipping firm Halvorsen": a company's name the tagger took for a person
        if found == "outlet" and _full_personal_name(tokens, head, cues):
            return "named_person"  # "Tass Ivanova": an outlet's name is no person's given name in capitals
        if found == "named_org" and head.lower_ in cues.outlet_words:
            return "outlet"  # "the Kinmen Daily News": a newspaper's name
        if found == "named_org" and head.lower_ in cues.official_words and _of_a_state(tokens, head):
            return "official"  # "Britain's Defence Intelligence": a state body, named
        if found in ("anonymous", "official") and head.pos_ == "NOUN" and head.lower_ in cues.person_words and any(
                c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children):
            return "named_person"  # "our Africa editor, Grace Mwangi": a title with the name beside it
        if found in ("anonymous", "official") and head.pos_ == "NOUN" and head.lemma_ in cues.person_words and any(
                t.dep_ == "appos" and t.pos_ == "PROPN" and t.ent_type_ == "PERSON" and t.head.i != head.i for t in tokens):
            return "named_person"  # "a former envoy in Kabul, Jan Berg": the name hung on the place by the parser
        return found

    return kind


def _polled(head: Token, cues: Cues) -> Token | None:
    """The people of "a poll of 40 specialists", whose kind is the forecaster's."""
    if head.lemma_ not in cues.survey_words:
        return None
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((o for o in of.children if o.dep_ == "pobj"), None) if of is not None else None


def _of_a_state(tokens: list[Token], head: Token) -> bool:
    """True when the phrase names the country the body belongs to ("Britain's", "the Russian")."""
    return any(t.ent_type_ in ("GPE", "NORP") and t.i < head.i and t.dep_ in ("poss", "amod", "compound", "case")
               or t.ent_type_ == "GPE" and t.head.dep_ == "poss" for t in tokens)


def _described_as_org(head: Token, cues: Cues) -> bool:
    """"the maritime security firm X": the noun right before the name, with the name as its apposition,
    says it is an organisation whatever entity label the tagger gave the name."""
    return head.pos_ == "NOUN" and head.lemma_ in cues.org_words and any(
        c.dep_ == "appos" and c.pos_ == "PROPN" and c.left_edge.i == head.i + 1 for c in head.children)


def _full_personal_name(tokens: list[Token], head: Token, cues: Cues) -> bool:
    """A given name and a surname the tagger calls a person, written in ordinary case: an outlet's
    acronym (SANA, TASS) matched by a given name is no outlet."""
    ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
    return (head.pos_ == "PROPN" and ent is not None and ent.label_ == "PERSON" and len(ent) >= 2
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.text.isupper() for t in ent)
            and not any(t.lower_ in cues.outlet_words for t in tokens))


def _described_as_person(head: Token, cues: Cues) -> bool:
    return any(c.dep_ == "appos" and (c.lower_ in cues.person_words or c.lemma_ in cues.person_words)
               for c in head.children)


def load_book(extra_dirs=()):
    """The actors stage's book, shared with the event coder."""
    return ActorBook.load(extra_dirs)


def side_finder(cues: Cues, book):
    """(text, when) -> side code: the book's country when it knows the phrase, else ``sides.yaml``."""

    def side(text: str, when=None) -> str | None:
        if book is not None:
            try:
                actor = book.resolve(text, when)
            except Exception:  # the actors stage answering badly must not sink a forecast
                actor = None
            if actor is not None and actor.country not in ("", "---"):
                return actor.country
        return cues.side(text)

    return side
