"""Typing a forecaster with the claims ledger's kinds (named_person, named_org, official, outlet,
anonymous), and placing speakers and subjects on a side (a country or group).

The claims stage's typer and the actors stage's book are used when installed, so both ledgers
agree; the fallbacks read the same conventions from ``data/forecasts/speakers.yaml`` and
``sides.yaml``.
"""
from __future__ import annotations

from spacy.tokens import Token

from .cues import Cues

GOVERNMENT_PLACES = ("GPE",)


def fallback_typer(cues: Cues):
    """A typer over the phrase's tokens and its head: see ../shared/eval/README.md's conventions."""

    def kind(tokens: list[Token], head: Token) -> str:
        text = " ".join(t.lower_ for t in tokens)
        words = {t.lower_ for t in tokens}
        head_word = head.lower_
        ents = {t.ent_type_ for t in tokens if t.ent_type_}
        if any(f" {name} " in f" {text} " for name in cues.outlet_names) or head_word in cues.outlet_words:
            return "outlet"
        if "PERSON" in ents and any(t.ent_type_ == "PERSON" and t.pos_ == "PROPN" for t in tokens):
            return "named_person"
        if head_word in cues.official_words or head.ent_type_ in GOVERNMENT_PLACES or head.ent_type_ == "NORP" and head.pos_ == "PROPN":
            return "official"
        if head.pos_ == "PROPN" or head.ent_type_ == "ORG" or head_word in cues.org_words and (ents & {"ORG"} or head.pos_ == "PROPN"):
            return "named_org"
        if any(t.ent_type_ == "ORG" and t.dep_ == "poss" or t.head.dep_ == "poss" and t.ent_type_ == "ORG" for t in tokens) \
                and not words & {"official", "officials", "source", "sources"}:
            return "named_org"
        return "anonymous"

    return kind


def load_typer(cues: Cues, extra_dirs=()):
    """(tokens, head, when) -> kind: the claims stage's typer if installed, else the fallback."""
    fallback = fallback_typer(cues)
    try:
        from ..claims.speakers import SpeakerTyper
    except ImportError:
        return lambda tokens, head, when=None, book=None: fallback(tokens, head)
    typer = SpeakerTyper.load(extra_dirs)

    def kind(tokens: list[Token], head: Token, when=None, book=None) -> str:
        polled = _polled(head, cues)
        if polled is not None:
            return kind(list(polled.subtree), polled, when, book)
        span = head.doc[tokens[0].i:tokens[-1].i + 1]
        try:
            found = typer.kind(span, book, when, None)[0]
        except Exception:  # a typer that cannot answer falls back to the local conventions
            return fallback(tokens, head)
        if found == "named_org" and head.pos_ == "PROPN" and _described_as_person(head, cues):
            return "named_person"  # "Maksim Orlov, a former analyst": a name the tagger took for an organisation
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


def _described_as_person(head: Token, cues: Cues) -> bool:
    return any(c.dep_ == "appos" and (c.lower_ in cues.person_words or c.lemma_ in cues.person_words)
               for c in head.children)


def load_book(extra_dirs=()):
    """The actors stage's book, or None when that stage is not installed."""
    try:
        from ..actors import ActorBook
    except ImportError:
        return None
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
