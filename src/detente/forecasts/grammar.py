"""The grammar the forecast rules share: word classes, a predicted clause (``Finding``) and token helpers."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from .phrases import Reading

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
NOBODY = {"nobody", "none", "nothing", "no-one", "whoever", "whatever", "anyone", "anybody"}
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


def interviewed(verb: Token, talk_verbs: set[str]) -> Token | None:
    """"Bankers I spoke to expect S": the parser reads "expect" as the purpose of "I spoke" and leaves the
    bankers unattached; the people spoken to, who hold the belief, else None."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.lemma_ not in talk_verbs or not any(lower(a) == "to" for a in verb.children if a.dep_ == "aux"):
        return None
    if subject(head) is None or lower(subject(head)) not in ("i", "we"):
        return None
    if head.dep_ == "relcl" and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head  # "traders I spoke to expect S", parsed as a noun with a relative clause
    return next((c for c in head.children if c.i < subject(head).i and c.pos_ in ("NOUN", "PROPN")), None)


def is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def past_tense(verb: Token) -> bool:
    """A verb in the past tense with no future or modal auxiliary ("fired", "had fired", "did fire")."""
    auxes = aux_words(verb)
    return not any(a in FUTURE | WOULD | MODAL for a in auxes) and (
        verb.tag_ == "VBD" or any(a in ("had", "did", "has", "have", "was", "were") for a in auxes) and verb.tag_ == "VBN")


def generic_subject(subj: Token | None) -> bool:
    """A subject that names no one in particular: "no government", "nobody", "any carrier", "whoever
    plays with fire" (a clause as subject, opened by its generic pronoun)."""
    if subj is not None and subj.dep_ in ("csubj", "csubjpass"):
        subj = subj.left_edge
    return subj is not None and (lower(subj) in NOBODY or any(lower(d) in ("no", "any") for d in subj.children if d.dep_ == "det"))


def in_quote_marks(text: str) -> str:
    return text.strip(" \"'“”‘’")


def paragraph(tok: Token) -> tuple[int, int]:
    """Token range of the paragraph around ``tok`` (the parser sometimes runs sentences across blank lines)."""
    doc = tok.doc
    lo = tok.i
    while lo > 0 and not (doc[lo - 1].is_space and "\n" in doc[lo - 1].text or "\n\n" in doc[lo - 1].whitespace_):
        lo -= 1
    hi = tok.i + 1
    while hi < len(doc) and not (doc[hi].is_space and "\n" in doc[hi].text or "\n\n" in doc[hi - 1].whitespace_):
        hi += 1
    return lo, hi


def expand_modifiers(mods: list[Token]) -> list[Token]:
    """Modifiers with their own modifiers, in text order ("all but", "very", "almost")."""
    out = set()
    for m in mods:
        out.update(t for t in m.subtree if not t.is_punct)
    return sorted(out, key=lambda t: t.i)


def span_text(doc, start: int, end: int) -> str:
    return doc[start:end].text


def shown_phrase(phrase_toks: list[Token], tok: Token) -> str:
    first = min(t.i for t in phrase_toks)
    return span_text(tok.doc, first, tok.i + 1) + (" to" if lower(tok) in ("set", "poised", "due", "expected", "likely", "unlikely") else "")


def shared_subject(verb: Token, verbs: set[str]) -> Token | None:
    """The subject a coordinated verb shares with a verb of saying or belief above it, however the parser hung
    it ("X thinks S, and expects T": "expects" may hang on S's verb)."""
    if verb.dep_ != "conj":
        return None
    for above in verb.ancestors:
        if above.lemma_ in verbs and above.pos_ == "VERB" and subject(above) is not None:
            return subject(above)
    return None
