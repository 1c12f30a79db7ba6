"""Answered questions: "Will the ceasefire hold? Probably." is a forecast of "the ceasefire hold".

A yes/no question (it opens with an auxiliary, perhaps after "So," or "First,") followed by a
short answer in the next sentence gives a forecast whose proposition is the question's clause
and whose probability is the answer's phrase; "not" in the answer gives the complement. An
answer that only says what ought to happen ("He should.") or none at all leaves no forecast.

The answer may restate the question in full under a verb of belief ("Will the army go in? I
doubt the general would dare."): the question's clause is still the proposition, and the restated
clause is no second forecast. A question put to a speaker in reported speech ("Asked whether
the truce would hold, the envoy said that was unlikely") is answered in the same sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .grammar import FIGURE, NUMBER_WORDS
from .phrases import PhraseTable, Reading

QUESTION_AUX = {"will", "would", "can", "could", "is", "are", "was", "were", "does", "do", "did", "has", "have", "shall",
                "may", "might"}
LEAD_INS = re.compile(r"^(?:\d{1,2}[:.]\d{2}\s+)?(?:(?:so|and|but|first|second|third|then|now|finally|yet)\s*,?\s+)?", re.I)
ANSWER = re.compile(r"^(?P<lead>(?:(?:my|the) (?:honest |short |simple )?answer is:?\s*)?)(?P<body>[^.;:!?]*)", re.I)
BELIEF = re.compile(r"^(?P<who>[^.?!;]{0,70}?)\s*\b(?P<verb>think|thinks|suspect|suspects|believe|believes|doubt|doubts|"
                    r"expect|expects|would not bet against|wouldn't bet against)\s+(?P<body>[^.;:!?]*)")
SHORT_BODY = re.compile(r"^(?:it|so|not|he|she|they|that|the answer(?:, [\w ]+,)? will be)(?: will| would| won't| wouldn't| is| isn't| will not| would not| not)?"
                        r"(?: (?:yes|no|not))?(?:[,;].*)?$", re.I)
CREDIT = re.compile(r",\s*(?:according to|in the (?:view|opinion|judgement|judgment) of|said|says)\b")
TIME_LIMITED = {"not this year", "not this month", "not this week", "not this decade", "not next year", "not soon",
                "not any time soon", "not anytime soon", "not before", "not for now", "not for a while"}
HEDGES_FIRST = ("almost certainly not", "almost certainly", "very probably not", "very probably", "very likely not",
                "very likely", "probably not", "probably", "most likely", "likely not", "likely", "unlikely",
                "most unlikely", "highly unlikely", "very unlikely", "doubtful", "possibly", "perhaps", "maybe", "certainly not",
                "certainly", "definitely not", "definitely", "surely not", "surely", "no way", "not a chance", "never",
                "not while", "not yet", *sorted(TIME_LIMITED, key=len, reverse=True), "not", "no", "yes")
# "the senators will back it", "that the admiral would risk it": a clause with a future or modal verb
RESTATED = re.compile(r"^(?:that )?[\w'’ .-]+? (?:will|would|won't|wouldn't|could|couldn't|might|may|is going to|"
                      r"are going to)\b", re.I)
RESTATED_NOT = re.compile(r"\b(?:not|n't|never)\b", re.I)
# "asked whether S, the official replied: "Probably not."", "a third, asked whether S, said that was unlikely"
ASKED = re.compile(r"\b[Aa]sked (?:whether|if) (?P<clause>[^,;:?]+?),\s*(?P<rest>.+)$", re.S)
ASKED_REPLY = re.compile(r"\b(?:said|replied|answered|told [\w ]{1,30}?)(?::|,)?\s*"
                         r"(?:(?:that )?(?:that|it|this) (?:was|is|would be|seemed|looked)\s+|that\s+)?(?P<answer>.*)$", re.S)
QUOTE_MARK = re.compile(r"[\"“”]|(?<!\w)['‘]|['’](?!\w)")
REASON = re.compile(r"\s*(?:[,;]|\bbecause\b|\bsince\b|\bas long as\b).*$", re.S)
ODDS_GIVEN = re.compile(r"^(?:i|we)(?:'d| would| will|'ll)? (?:put|place|give|rate|set) (?:the|my|our) (?:odds|chances?|probability)\b")


@dataclass
class Answered:
    proposition: tuple[int, int]  # character offsets of the question's clause
    reading: Reading
    answer: SpacySpan
    shown: str
    restated: tuple[int, int] | None = None  # character span of an answer that restates the clause
    replier: Token | None = None  # who answered a question put in reported speech


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
    return read_answer_text(answer.text, table)


def restated(answer: SpacySpan) -> tuple[int, int] | None:
    """The character span of an answer that restates the question's clause under a verb of belief
    ("I think Beijing will move first"), else None."""
    text = answer.text.replace("’", "'")
    belief = BELIEF.match(text.strip())
    if not belief or belief["who"].strip() not in ("I", "I very much", "I really", "I still") \
            or SHORT_BODY.match(belief["body"].strip()) or not RESTATED.match(belief["body"].strip()):
        return None
    lead = len(text) - len(text.lstrip())
    return answer.start_char + lead, answer.start_char + lead + belief.end()


def read_answer_text(text: str, table: PhraseTable) -> tuple[Reading, str] | None:
    """``read_answer`` over plain text."""
    text = text.strip().replace("’", "'")
    belief = BELIEF.match(text)
    body = belief["body"].strip() if belief else ""
    whole = belief is not None and not SHORT_BODY.match(body) and RESTATED.match(body) is not None
    if belief and (belief["who"].strip() == "I" or re.search(r"\b[A-Z]", belief["who"])) \
            and (SHORT_BODY.match(body) or whole):
        verb = belief["verb"].lower()
        verb = {"thinks": "think", "suspects": "suspect", "believes": "believe", "doubts": "doubt", "expects": "expect",
                "wouldn't bet against": "would not bet against"}.get(verb, verb)
        if belief["who"].lower().endswith("very much"):
            verb = "very much doubt"
        low = belief["body"].lower()
        neg = bool(RESTATED_NOT.search(low)) if whole else bool(re.search(r"\bnot\b|n't\b|\bno\b", low))
        neg = neg or bool(re.search(r"(?:\bnot|n't)\s*$", belief["who"]))  # "I don't think so": the belief itself denied
        reading = table.read(verb, negated=neg and verb not in ("doubt", "very much doubt"))
        if reading is not None and re.match(r"(?:hardly|scarcely|few|nobody|no one|none)\b", belief["who"].strip(), re.I):
            reading = reading.complement()  # "Hardly anyone thinks so", "Few believe it will"
        shown = text[: belief.start("body")] if whole else text[: belief.end()]
        return (reading, shown.strip()) if reading else None
    m = ANSWER.match(text)
    if not m:
        return None
    body = m["body"].strip().strip(",")
    low = body.lower()
    words = CREDIT.split(low)[0].split()  # "Probably not, according to a senior officer who…": the answer alone
    if not words or len(words) > 20 and not low.startswith(("it is", "it's")):
        return None
    for hedge in HEDGES_FIRST:
        if low == hedge or low.startswith(hedge + ",") or low.startswith(hedge + " ") and hedge not in ("no", "yes"):  # not "No one…"
            neg = hedge.endswith(" not") and hedge not in ("not", "not while", "not yet")
            base = hedge[: -len(" not")] if neg else hedge
            if base in TIME_LIMITED:
                base = "not soon"  # a "no" limited to a time window is less sure than a flat "no"
            reading = table.read(base, negated=neg)
            return (reading, text[: m.start("body") + len(hedge)]) if reading else None
    listed = table.leading_answer(body)  # "Hardly.", "Don't bet on it.", "I wouldn't count on it."
    if listed is not None:
        return listed, text[: m.start("body")] + listed.phrase
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
    return Answered(clause, reading.renamed(shown.strip(" ,:")), sents[i + 1], shown, restated(sents[i + 1]))


def asked(sent: SpacySpan, table: PhraseTable) -> Answered | None:
    """"Asked whether S, X replied: "Probably not."": S, read from the reply in the same sentence."""
    m = ASKED.search(sent.text)
    if m is None:
        return None
    reply = ASKED_REPLY.search(m["rest"])
    if reply is None:
        return None
    answer = REASON.sub("", QUOTE_MARK.sub("", reply["answer"]).strip())  # the answer without its reasons
    got = read_answer_text(answer, table)
    if got is None:
        return None
    reading, shown = got
    start = sent.start_char + m.start("clause")
    end = start + len(m["clause"])
    replier = _replier(sent, sent.start_char + m.start(), end)
    return Answered((start, end), reading.renamed(shown.strip(" ,:")), sent, shown, replier=replier)


def _replier(sent: SpacySpan, asked_at: int, clause_end: int) -> Token | None:
    """Who was asked: the subject of the sentence's verb ("the envoy replied"), a noun left unattached
    before "asked" ("A third, asked whether S, said"), or the name right after the question."""
    replier = next((t for t in sent if t.dep_ == "nsubj" and (t.idx < asked_at or t.head.i == sent.root.i)), None)
    if replier is None:
        replier = next((t for t in reversed(list(sent)) if t.idx < asked_at and t.pos_ in ("NOUN", "PROPN", "NUM", "ADJ")), None)
    if replier is None:
        replier = next((t for t in sent if t.idx > clause_end and t.pos_ in ("NOUN", "PROPN", "PRON")), None)
        while replier is not None and replier.dep_ == "compound" and replier.head.i > replier.i:
            replier = replier.head
    return replier
