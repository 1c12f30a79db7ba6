"""Small questions asked of the dependency parse: subjects, objects, prepositions, clause chains.

Kept apart from the coding logic so the coder reads as "who did what to whom" and the spaCy
label names live in one place.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
NP_INNER = ("det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "case", "punct", "advmod", "npadvmod", "predet")


# Lemmas the tagger gets wrong ("staged" → "stag"), filled from the `lemma_fixes` of the pattern data.
LEMMA_FIXES: dict[str, str] = {}


def lemma(tok: Token) -> str:
    found = tok.lemma_.lower()
    return LEMMA_FIXES.get(found, found) if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") else found


def noun_forms(tok: Token) -> set[str]:
    """The lemma, and for a capitalised first word the tagger took for a name ("Missiles hit…", "Drones
    struck…") its lower-case singular forms too: the common noun it is."""
    forms = {lemma(tok)}
    first = all(t.is_space for t in tok.doc[tok.sent.start:tok.i]) or (tok.i > 0 and "\n" in tok.doc[tok.i - 1].text_with_ws)
    if tok.pos_ == "PROPN" and first and tok.is_title:
        low = tok.lower_
        forms |= {low, low.removesuffix("s"), low.removesuffix("es")}
    return forms


def is_time(tok: Token) -> bool:
    """A date or time phrase ("on Tuesday", "at dawn"): never an argument."""
    return tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in ("dawn", "dusk", "night", "midnight", "noon")


DASHES = ("-", "—", "–", "--")


def is_dateline(tok: Token) -> bool:
    """"BAGHDAD, Jan 3 (Wire) -", "KYIV —", "TEL AVIV (Wire) -": the capitalised place a report was filed
    from, at the start of a line; the parser may make it a subject, but it is never an actor."""
    doc = tok.doc
    if not (tok.is_upper and tok.is_alpha and len(tok) > 2):
        return False
    lo = hi = tok.i
    while lo > 0 and doc[lo - 1].is_upper and doc[lo - 1].is_alpha:
        lo -= 1
    while hi + 1 < len(doc) and doc[hi + 1].is_upper and doc[hi + 1].is_alpha:
        hi += 1
    starts_line = lo == 0 or doc[lo].is_sent_start or "\n" in doc[lo - 1].text_with_ws
    if not starts_line or hi + 1 >= len(doc):
        return False
    after = doc[hi + 1]
    if after.text in DASHES or after.text == "(":
        return True
    return after.text == "," and hi + 2 < len(doc) and doc[hi + 2].ent_type_ == "DATE"


def is_verb(tok: Token) -> bool:
    return tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX")


def is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or (
        tok.dep_ == "acl" and (tok.tag_ == "VBN" or any(c.dep_ == "agent" for c in tok.children)))  # "talks mediated by X"


def with_conjuncts(tok: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("Israel and the US" → both heads)."""
    out = [tok]
    for c in tok.children:
        if (c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM")) or _listed(tok, c):
            out.extend(with_conjuncts(c))
    return out


def _listed(tok: Token, appos: Token) -> bool:
    """"Saudi Arabia, Bahrain, the UAE and Egypt": a list the parser read as a name and its apposition."""
    names = ("GPE", "NORP", "ORG")
    return appos.dep_ == "appos" and tok.pos_ == appos.pos_ == "PROPN" and tok.ent_type_ in names \
        and appos.ent_type_ in names and any(c.dep_ == "conj" for c in appos.children)


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def subjects(tok: Token) -> list[Token]:
    """Who does the action: the subject, or the passive agent ("by X")."""
    if is_passive(tok):
        for agent in children(tok, "agent"):
            for pobj in children(agent, "pobj"):
                return with_conjuncts(pobj)
        return []
    for subj in children(tok, "nsubj", "csubj"):
        return with_conjuncts(subj)
    return []


def reduced_subject(verb: Token) -> Token | None:
    """"the militia Washington blamed for X": a relative clause with no "that", which the parser may read as
    a past-tense verb on the noun with its subject set beside the noun; the subject, if so."""
    if verb.dep_ != "acl" or verb.tag_ != "VBD" or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.head.i == verb.head.i and before.dep_ in ("appos", "compound") and before.pos_ == "PROPN":
        return before
    return None


def objects(tok: Token) -> list[Token]:
    """What the action is done to: direct object, passive subject, or a small clause's subject."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ == "dobj" or (c.dep_ == "nsubjpass"):
            out.extend(with_conjuncts(c))
    if not out and tok.dep_ == "acl" and (tok.tag_ == "VBN" or reduced_subject(tok) is not None):
        out.extend(with_conjuncts(tok.head))  # "the tanker seized by ...", "the militia Washington blamed"
    if not out:
        for c in children(tok, "ccomp", "xcomp", "oprd"):
            if c.pos_ in ("NOUN", "PROPN", "ADJ"):
                out.extend(children(c, "nsubj"))
    return out


def preps(tok: Token) -> dict[str, list[Token]]:
    """Prepositional phrases on a token: {"at": [heads of its objects], ...} (multi-word: "out of")."""
    found: dict[str, list[Token]] = {}
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "prt", "advmod") and c.pos_ in ("ADP", "ADV", "PART"):
            word = c.lower_
            pobjs = children(c, "pobj")
            if pobjs and all(is_time(p) for p in pobjs):
                continue
            objs = [o for p in pobjs for o in with_conjuncts(p)]
            for inner in children(c, "prep"):  # "out of", "away from"
                objs += [o for p in children(inner, "pobj") for o in with_conjuncts(p)]
                found.setdefault(inner.lower_, []).extend(o for p in children(inner, "pobj") for o in with_conjuncts(p))
            found.setdefault(word, []).extend(objs)
    return found


def modifiers(tok: Token) -> list[Token]:
    """Words modifying a noun inside its phrase: compounds, adjectives, possessors."""
    out = []
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < tok.i:
            out.append(c)
            out.extend(d for d in c.children if d.dep_ in ("compound", "amod", "conj", "npadvmod"))
    return out


def phrase(tok: Token) -> Span:
    """The noun phrase a head token stands for, without its prepositional and clausal attachments."""
    lo = hi = tok.i
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in NP_INNER and (c.i < tok.i or c.dep_ in ("case", "nummod")):
                lo, hi = min(lo, c.left_edge.i if c.dep_ != "punct" else c.i), max(hi, c.i)
                if c.dep_ != "punct":
                    stack.append(c)
    doc = tok.doc
    while lo < tok.i and doc[lo].dep_ in ("punct", "cc", "det") and doc[lo].lower_ in ("(", "'", '"', "and", "the", "a", "an", "’", "‘", "“"):
        lo += 1
    return doc[lo:hi + 1]


def climb(tok: Token) -> Iterator[tuple[Token, Token]]:
    """(child, head) edges from a token up to its sentence root."""
    while tok.head.i != tok.i:
        yield tok, tok.head
        tok = tok.head


def clause_head(tok: Token) -> Token:
    """The verb whose clause a noun sits in ("the strikes on X" in "Iran condemned the strikes" → condemned)."""
    while tok.head.i != tok.i and not is_verb(tok):
        tok = tok.head
    return tok
