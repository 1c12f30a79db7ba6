"""Answered questions: "Will the ceasefire hold? Probably." is a forecast of "the ceasefire hold".

A yes/no question (it opens with an auxiliary, perhaps after "So," or "First,") followed by a
short answer in the next sentence gives a forecast whose proposition is the question's clause
and whose probability is the answer's phrase; "not" in the answer gives the complement. An
answer that only says what ought to happen ("He should.") or none at all leaves no forecast.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan

from .grammar import FIGURE, NUMBER_WORDS
from .phrases import PhraseTable, Reading

QUESTION_AUX = {"will", "would", "can", "could", "is", "are", "was", "were", "does", "do", "did", "has", "have", "shall",
                "may", "might"}
LEAD_INS = re.compile(r"^(?:\d{1,2}[:.]\d{2}\s+)?(?:(?:so|and|but|first|second|third|then|now|finally|yet)\s*,?\s+)?", re.I)
ANSWER = re.compile(r"^(?P<lead>(?:my (?:honest |short )?answer is:?\s*)?)(?P<body>[^.;:!?]*)", re.I)
BELIEF = re.compile(r"^(?P<who>[^.?!;]{0,70}?)\s*\b(?P<verb>think|thinks|suspect|suspects|believe|believes|doubt|doubts|"
                    r"expect|expects|would not bet against|wouldn't bet against)\s+(?P<body>[^.;:!?]*)")
SHORT_BODY = re.compile(r"^(?:it|so|not|he|she|they|that|the answer(?:, [\w ]+,)? will be)(?: will| would| won't| wouldn't| is| isn't| will not| would not| not)?"
                        r"(?: (?:yes|no|not))?(?:[,;].*)?$", re.I)
TIME_LIMITED = {"not this year", "not this month", "not this week", "not this decade", "not next year", "not soon",
                "not any time soon", "not anytime soon", "not before", "not for now", "not for a while"}
HEDGES_FIRST = ("almost certainly not", "almost certainly", "very probably not", "very probably", "very likely not",
                "very likely", "probably not", "probably", "most likely", "likely not", "likely", "unlikely",
                "most unlikely", "highly unlikely", "very unlikely", "possibly", "perhaps", "maybe", "certainly not",
                "certainly", "definitely not", "definitely", "surely not", "surely", "no way", "not a chance", "never",
                "not while", "not yet", *sorted(TIME_LIMITED, key=len, reverse=True), "not", "no", "yes")
ODDS_GIVEN = re.compile(r"^(?:i|we)(?:'d| would| will|'ll)? (?:put|place|give|rate|set) (?:the|my|our) (?:odds|chances?|probability)\b")


@dataclass
class Answered:
    proposition: tuple[int, int]  # character offsets of the question's clause
    reading: Reading
    answer: SpacySpan
    shown: str


def question_clause(sent: SpacySpan) -> tuple[int, int] | None:
    """Character span of a yes/no question's clause without its auxiliary and question mark."""
    text = sent.text.rstrip()
    if not text.endswith("?"):
        return None
    offset = sent.start_char
    body = text[:-1]
    colon = max(body.rfind(": "), -1)
    if colon >= 0:
        offset, body = offset + colon + 2, body[colon + 2:]
    lead = LEAD_INS.match(body)
    if lead and lead.end():
        offset, body = offset + lead.end(), body[lead.end():]
    first = body.split(" ", 1)
    if len(first) < 2 or first[0].lower() not in QUESTION_AUX:
        return None
    rest = first[1]
    start = offset + len(first[0]) + 1
    return start, start + len(rest.rstrip())


def read_answer(answer: SpacySpan, table: PhraseTable) -> tuple[Reading, str] | None:
    """The reading of a short answer ("Probably not.", "I doubt it.", "Grace thinks it will not.")."""
    text = answer.text.strip().replace("’", "'")
    belief = BELIEF.match(text)
    if belief and (belief["who"].strip() == "I" or re.search(r"\b[A-Z]", belief["who"])) \
            and SHORT_BODY.match(belief["body"].strip()):
        verb = belief["verb"].lower()
        verb = {"thinks": "think", "suspects": "suspect", "believes": "believe", "doubts": "doubt", "expects": "expect",
                "wouldn't bet against": "would not bet against"}.get(verb, verb)
        if belief["who"].lower().endswith("very much"):
            verb = "very much doubt"
        low = belief["body"].lower()
        neg = bool(re.search(r"\bnot\b|n't\b|\bno\b", low))
        reading = table.read(verb, negated=neg and verb not in ("doubt", "very much doubt"))
        return (reading, text[: belief.end()].strip()) if reading else None
    m = ANSWER.match(text)
    if not m:
        return None
    body = m["body"].strip().strip(",")
    low = body.lower()
    words = low.split()
    if not words or len(words) > 20 and not low.startswith(("it is", "it's")):
        return None
    for hedge in HEDGES_FIRST:
        if low == hedge or low.startswith(hedge + " ") or low.startswith(hedge + ","):
            neg = hedge.endswith(" not") and hedge not in ("not", "not while", "not yet")
            base = hedge[: -len(" not")] if neg else hedge
            if base in TIME_LIMITED:
                base = "not soon"  # a "no" limited to a time window is less sure than a flat "no"
            reading = table.read(base, negated=neg)
            return (reading, text[: m.start("body") + len(hedge)]) if reading else None
    odds = ODDS_GIVEN.match(low) and FIGURE.search(body)
    if odds:  # "I'd put the odds at one in three"
        value = float(odds[2]) / 100 if odds[2] else NUMBER_WORDS.get(odds[3].lower(), 1) / max(1, NUMBER_WORDS.get(odds[4].lower(), 10))
        return table.figure(value, (odds[1] or "").lower(), shown=odds[0]), body[: odds.end()]
    it = re.match(r"^it(?: is|'s) (most |very |highly )?(unlikely|likely|possible|improbable|probable|doubtful)\b", low)
    if it:
        reading = table.read((it[1] or "") + it[2])
        return (reading, body[: it.end()]) if reading else None
    return None


def answered(sents: list[SpacySpan], i: int, table: PhraseTable) -> Answered | None:
    """An answered-question forecast for sentence ``i``, read from sentence ``i + 1``."""
    if i + 1 >= len(sents):
        return None
    clause = question_clause(sents[i])
    if clause is None:
        return None
    between = sents[i].doc.text[sents[i].end_char:sents[i + 1].start_char]
    if between.count("\n") > 2:
        return None
    got = read_answer(sents[i + 1], table)
    if got is None:
        return None
    reading, shown = got
    return Answered(clause, reading.renamed(shown.strip(" ,:")), sents[i + 1], shown)
