"""Repairs of parses that would lose a claim: a speaker the parser hung elsewhere, a clause it read as
an object, a predicate it read as an apposition, a sentence it ran over a paragraph break.

Each function recognises one slip from the shape of the parse and the text around the verb, and
answers with what the parse should have said (a speaker phrase, a content range, a token), or
None when the slip is not there. They know no words beyond closed classes (pronouns, marks).
"""
from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..nlp import doc_text
from .clauses import ADDRESSEE_VERBS, char_range
from .page import paragraph_of, trim

TIMESTAMP = re.compile(r"^\d{1,2}[:.]\d{2}$")
FIRST_PERSON_SUBJECTS = {"i", "we"}
NOUN_PHRASE_POS = ("NOUN", "PROPN", "ADJ", "DET", "NUM", "PART")


def before_speaker(verb: Token, sent: SpacySpan) -> tuple[int, int] | None:
    """"S, X said" where the parser left S unattached (a dateline before it, or the verb hung on a headline
    above): the clause before the comma. A verb whose head stands in another paragraph roots its own."""
    doc = sent.doc
    paragraph = paragraph_of(doc_text(doc), verb.idx)
    rooted = verb.dep_ == "ROOT" or not paragraph[0] <= verb.head.idx <= paragraph[1]
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] or [a for a in (adjacent_subject(verb),) if a is not None]
    if not rooted or not subjects or subjects[0].lower_ in FIRST_PERSON_SUBJECTS:
        return None
    left = subjects[0].left_edge.i
    start = max(sent.start_char, paragraph[0])
    comma = doc[left - 1] if left > sent.start else None
    if comma is None or comma.text not in (",", "—") or not subjects[0].i < verb.i \
            or not any(t.pos_ in ("VERB", "AUX") and t.idx >= start for t in doc[sent.start:left]):
        return None
    return trim(doc_text(doc), start, comma.idx)


def clause_as_object(verb: Token, sent: SpacySpan) -> tuple[int, int] | None:
    """A misparse: "X say the North detonated sections of the road" with "sections" as the object of
    "say" and the clause's verb as its modifier. A verb that takes no object reports a clause here."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.pos_ in ("NOUN", "PROPN")]
    if not objects or verb.lemma_.lower() in ADDRESSEE_VERBS:
        return None
    if not any(t.dep_ in ("amod", "acl") and t.tag_ in ("VBD", "VBN") and t.i < objects[0].i
               and any(c.dep_ in ("nsubj", "npadvmod") for c in t.children) for t in objects[0].subtree):
        return None
    last = max((c.right_edge for c in verb.children if c.i > verb.i), key=lambda t: t.i)
    return char_range(objects[0].left_edge, last, sent)


def adjacent_subject(verb: Token) -> Token | None:
    """A misparse: "S, a source at the ministry told Reuters" or "…, the minister, X, told a news conference"
    with the noun phrase before the verb hung on S (apposition, conjunct) and the verb left without a
    subject. The noun phrase that ends right before the verb and starts after a comma is the speaker."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i < 2 or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    doc = verb.doc
    last = doc[verb.i - 2] if doc[verb.i - 1].text == "," else doc[verb.i - 1]
    found = None
    for noun in [last, *last.ancestors]:
        ends_here = noun.right_edge.i == last.i or noun.right_edge.i == last.i + 1 and noun.right_edge.is_punct
        if noun.i >= verb.i or not ends_here or any(c.dep_ == "cc" for c in noun.children):
            break  # past the phrase, or into a list the phrase ends
        if noun.pos_ in ("NOUN", "PROPN") and noun.dep_ in ("appos", "conj") \
                and noun.left_edge.i > 0 and doc[noun.left_edge.i - 1].text == ",":
            found = noun  # the widest such phrase: "the minister, X" rather than "X"
    return found


def before(phrase: SpacySpan, verb: Token) -> SpacySpan:
    """The words of ``phrase`` before ``verb``, without the comma that ends them."""
    end = verb.i
    while end - 1 > phrase.start and phrase.doc[end - 1].is_punct:
        end -= 1
    return phrase.doc[phrase.start:end]


def run_together(obj: Token) -> Token | None:
    """"calls the strikes war crimes" parsed as one noun phrase: a plural noun after a determiner does
    not modify the noun after it, so object and predicate meet there."""
    plural = [c for c in obj.children if c.dep_ in ("compound", "nmod") and c.tag_ == "NNS" and c.i > obj.left_edge.i
              and obj.doc[c.i - 1].pos_ == "DET"]
    return obj.right_edge if plural else None


def quoted_predicate(verb: Token) -> Token | None:
    """"called the seizure 'an act of piracy'" parsed with the quote inside the object: the quote's closing
    mark, when a noun stands between the verb and the quote and no comma does."""
    doc = verb.doc
    for token in doc[verb.i + 1:min(len(doc), verb.i + 8)]:
        if token.text == "," or token.is_sent_start:
            return None
        if token.tag_ == "``":
            if not any(t.pos_ in ("NOUN", "PROPN") for t in doc[verb.i + 1:token.i]):
                return None
            return next((t for t in doc[token.i + 1:min(len(doc), token.i + 15)] if t.tag_ == "''"), None)
    return None


def predicate_as_apposition(obj: Token) -> Token | None:
    """An apposition that is no apposition: not set off by a comma, so the noun phrase after the object
    of "call" is its predicate ("called the raid 'a provocation'"). A name is none: "called the strikes
    Operation Dawn" names them."""
    doc = obj.doc
    for appos in (c for c in obj.children if c.dep_ == "appos" and c.i > obj.i and c.pos_ != "PROPN"):
        start = obj.right_edge.i if obj.right_edge.i < appos.i else obj.i
        if not any(t.text in (",", "—", "–", "(") for t in doc[start:appos.left_edge.i]):
            return appos.right_edge
    return None


def hung_elsewhere(verb: Token, sent: SpacySpan) -> tuple[int, int] | None:
    """A headline run into the lead by the parser ("Ministry says troops crossed the border ¶ By Staff ¶
    CITY — …"): the words after the verb were hung on a verb of another paragraph. They are its content,
    to the end of the verb's line (or its first full stop)."""
    doc = sent.doc
    text = doc_text(doc)
    paragraph = paragraph_of(text, verb.idx)
    following = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if following is None or following.is_punct or following.is_space or following.idx >= paragraph[1]:
        return None
    for ancestor in following.ancestors:
        if ancestor.i == verb.i:
            return None
        if not paragraph[0] <= ancestor.idx <= paragraph[1]:
            stop = text.find(". ", following.idx, paragraph[1])
            found = trim(text, following.idx, paragraph[1] if stop < 0 else stop)
            words = [t for t in doc[following.i:] if t.idx < found[1]]
            # a clause ("says troops crossed …"), not a bare noun ("vows response - live": no statement)
            return found if any(t.pos_ in ("VERB", "AUX") for t in words) else None
    return None


def contact_clause(verb: Token) -> SpacySpan | None:
    """"Diplomats I spoke to say S", "bankers we have interviewed expect S": a relative clause without
    "who" whose subject is the writer. The parser takes "I" for the subject of the verb of saying (or
    loses the verb in the clause); the speaker is the noun phrase before "I"."""
    doc = verb.doc
    i = verb.i - 1
    while i > 0 and (doc[i].pos_ == "ADP" or doc[i].lower_ == "to"):
        i -= 1
    if i < 2 or doc[i].pos_ != "VERB" or doc[i].tag_ not in ("VBD", "VBN"):
        return None
    i -= 1
    while i > 0 and doc[i].pos_ == "AUX":
        i -= 1
    if i < 1 or doc[i].lower_ not in FIRST_PERSON_SUBJECTS or doc[i - 1].pos_ not in ("NOUN", "PROPN"):
        return None
    start = i - 1
    while start > doc[verb.i].sent.start and (doc[start - 1].pos_ in NOUN_PHRASE_POS or doc[start - 1].text in ("'s", "-")):
        start -= 1
    return doc[start:i]


def subject_before_aside(verb: Token) -> SpacySpan | None:
    """"A third, asked whether S, said T" / "One officer, speaking by phone, said T" parsed with the
    participle as the root: the noun phrase opening the sentence, before the aside's comma, is the speaker."""
    doc = verb.doc
    if verb.i < 4 or doc[verb.i - 1].text != "," or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    sent_start = verb.sent.start
    comma = next((t for t in doc[sent_start:verb.i - 1] if t.text == ","), None)
    if comma is None or comma.i == sent_start or comma.i + 1 >= verb.i:
        return None
    aside = doc[comma.i + 1]
    if aside.pos_ != "VERB" or aside.tag_ not in ("VBD", "VBN", "VBG") or any(c.dep_ == "nsubj" for c in aside.children):
        return None
    phrase = [t for t in doc[sent_start:comma.i] if not t.is_space]
    ends_in_noun = phrase and (phrase[-1].pos_ in ("NOUN", "PROPN", "NUM") or phrase[0].pos_ == "DET" and len(phrase) > 1)
    if not ends_in_noun or any(t.pos_ not in NOUN_PHRASE_POS for t in phrase):
        return None  # ("A third", "The second" end in an adjective)
    return doc[phrase[0].i:comma.i]


def paragraph_opening(verb: Token) -> SpacySpan | None:
    """A misparse across a paragraph break ("…Manage settings ¶ 02:05 The ministry says S", a headline
    run into the lead): the verb has no subject because the noun phrase opening its paragraph was hung on
    the paragraph before. That phrase, after a timestamp, is the speaker when nothing verbal stands in it."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    doc = verb.doc
    start = paragraph_of(doc_text(doc), verb.idx)[0]
    tokens = [t for t in doc[max(0, verb.i - 12):verb.i] if t.idx >= start and not t.is_space]
    while tokens and (TIMESTAMP.match(tokens[0].text) or tokens[0].is_punct):
        tokens = tokens[1:]
    if not tokens or tokens[-1].pos_ not in ("NOUN", "PROPN") or any(t.pos_ in ("VERB", "AUX") for t in tokens) \
            or any(t.text in (",", ":", ";") for t in tokens) or all(start <= t.head.idx < verb.idx for t in tokens):
        return None
    return doc[tokens[0].i:verb.i]
