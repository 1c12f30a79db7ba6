"""Did it happen? The modality of an event from the cues on its clause chain.

Walking from the trigger's clause up to the sentence root, the first cue decides: a negation,
a conditional ("if", "should Washington join"), a modal or future auxiliary, a verb of planning or
predicting governing the clause, a normative auxiliary, a habitual adverb, a question mark, or a
year that places it in the background. A speech act on the way stops the walk: above a reporting
verb the event is ``reported``; under a codable speech act ("accused Y of attacking") the content
is not an event at all; and a future clause under the speaker's own saying or vowing is kept as
an intent, so the coder can code it as a threat or a pledge.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Token

from . import syntax
from .dates import MONTHS, RELATIVE, WEEKDAYS
from .patterns import PatternBook

HAPPENED = ("asserted", "reported")
CONTENT_PREPS = ("of", "for", "on", "about", "over", "against", "to", "into", "as")  # "accused X of", "warned of"
CONTENT_EDGES = ("ccomp", "xcomp", "pcomp", "pobj", "prep", "dobj", "acomp", "oprd", "nsubj", "nsubjpass")


@dataclass
class Reading:
    modality: str  # asserted, reported, negated, hypothetical, future, question, normative, habitual, background
    why: str
    speech_head: Token | None = None  # the reporting verb or speech act the event sits under
    inside_act: bool = False  # content of a codable speech act: not an event by itself
    intent_head: Token | None = None  # a saying/vowing verb whose future content may be the speaker's intent


def _nobody(subj: Token) -> bool:
    """A subject that denies anyone acts: "neither X nor Y", "no country", "none of them", "not one member"."""
    if subj.lower_ in ("none", "nobody", "neither", "nothing", "noone"):
        return True
    for c in subj.children:
        if c.lower_ in ("neither", "no") and c.dep_ in ("det", "preconj", "cc"):
            return True
        if c.dep_ == "nummod" and c.lower_ == "one" and any(n.dep_ == "neg" for n in c.children):
            return True
        if c.dep_ == "neg" and c.i + 1 < len(c.doc) and c.nbor().lower_ in ("one", "a", "single"):
            return True  # "not one member", "not a single state" ("not all" is no denial)
    return False


class ModalityReader:
    def __init__(self, book: PatternBook, speech_kind: Callable[[Token], str | None]):
        self.book = book
        self.cue = book.cue
        self.speech_kind = speech_kind  # 'report', 'act' or None for a token

    def read(self, anchor: Token, trigger: Token, when: date | None, light: bool = False) -> Reading:
        """Modality of the event whose clause is headed by ``anchor`` (``trigger`` itself for a verb).

        An event noun is walked up from itself (it may be the content of a speech act: "condemned the
        attack"), unless a light verb carries it ("agreed to a ceasefire"), which is walked up from."""
        speech_kind = self.speech_kind
        sent = anchor.sent
        found: tuple[str, str] | None = None
        if trigger.i != anchor.i or trigger.pos_ == "NOUN":
            found = self._noun_cues(trigger)
        if found is None and sent.text.rstrip().rstrip("'\"’”)").endswith("?"):
            found = ("question", "the sentence is a question")
        if found is None:
            found = self._background(anchor, trigger, when)
        node, edge = (trigger if trigger.pos_ == "NOUN" and not light else anchor), None
        detached = False  # above a relative clause, only a speech act still matters
        own = {anchor.i}  # the anchor and the verbs it is coordinated under: the trigger's own clause
        while True:
            if found is None and node.i != anchor.i and not detached and syntax.is_verb(node):
                found = self._background(node, node, when, own_subtree=False)
            if not detached and (syntax.is_verb(node) or node.i == anchor.i or node.pos_ == "AUX"):
                local = self._local(node, is_anchor=node.i == anchor.i, edge=edge)
                if local and found is None:
                    found = local
            if edge == "advcl" and found is None and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children) \
                    and not detached:
                found = ("future", f"purpose clause '{node.text}'")
            if node.dep_ == "acl" and node.head.pos_ == "NOUN" and found is None and not detached \
                    and syntax.lemma(node.head.head) not in self.cue("defying") \
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
                found = ("future", f"'{node.head.text} to {node.text}': what it is for")  # "an agreement to restore ties"
            head = node.head
            if head.i == node.i:
                break
            edge = node.dep_
            if edge == "conj" and any(c.dep_ in syntax.SUBJECTS for c in node.children):
                if found is None and not self._dated(node):  # "In 2014 X overran Y, and within days Z bombed…"
                    found = self._background(head, head, when, own_subtree=False)
                break  # an independent coordinated clause: its own modality
            if self._scene(node, head):
                break  # "…voted to demand X as protesters massed outside": a past scene beside the act, not its content
            if edge in ("relcl", "acl", "appos") and node.i != anchor.i:
                detached = True
            if edge == "advcl" and node.tag_ == "VBD" and _unmodalised(head) and syntax.subjects(node) and any(
                    m.dep_ == "mark" and m.lower_ in self.cue("past_clause_marks") for m in node.children):
                detached = True  # "gas stopped flowing after Gazprom halted deliveries": a past clause of its own
            if edge == "advcl" and node.tag_ == "VBG" and node.i > 0 and node.doc[node.i - 1].text == "," \
                    and head.dep_ == "xcomp" and speech_kind(node) is None:
                node, edge = sent.root, None  # "agreed to cede X, prompting Y to…": a result of the whole act
                continue
            if edge == "advcl" and node.i == anchor.i and node.tag_ == "VBG" and speech_kind(node) == "act":
                detached = True  # "..., accusing Israel of ...": the accusation is made whatever the head's mood
            kind = speech_kind(head)
            content = edge in CONTENT_EDGES and (edge != "prep" or node.lower_ in CONTENT_PREPS)
            if kind and content and (kind == "report" or node.i > head.i):
                if kind == "report":
                    if self._negated(head):
                        found = found or ("negated", f"the report '{head.text}' is negated")
                    return self._finish(found, "reported", head, False, head)
                intent = head if syntax.lemma(head) in self.cue("intent_heads") else None
                return Reading("content", f"content of the speech act '{head.text}'", head, True, intent)
            if detached:
                node = head
                continue
            infinitive = edge == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
            if (edge in ("xcomp", "ccomp", "acomp") or infinitive) and syntax.lemma(head) in self.cue("predictive") \
                    and found is None:  # "agreed on Monday to open talks", parsed as a clause beside "agreed"
                found = ("future", f"planned or predicted by '{head.text}'")
            if edge == "conj" and node.i in own and syntax.is_verb(head):
                own.add(head.i)  # "to restore ties and reopen embassies": one infinitive clause
            if infinitive and found is None and node.i in own and node.i > head.i and any(
                    syntax.lemma(o) in self.book.word_list("agreements") for o in syntax.children(head, "dobj")):
                found = ("future", f"'to {node.text}': what the '{head.text}' deal is for")  # "signed a deal … to restore ties"
            if (edge in ("xcomp", "ccomp", "dobj") or (edge == "conj" and not syntax.is_verb(node))) \
                    and syntax.lemma(head) in self.cue("cancelling") and found is None:  # not "suspended X and ordered Y"
                found = ("negated", f"called off by '{head.text}'")
            if edge in ("pobj", "pcomp") and head.lower_ == "without" and found is None:
                found = ("negated", "under 'without'")
            node = head
        return self._finish(found, self._attributed(sent), None, False, None)

    def _scene(self, node: Token, head: Token) -> bool:
        """A past clause told beside its head ("as protesters massed", "while police watched"), also as the parser
        hangs it on a noun ("as protesters massed" read "as" + noun + participle), under a head with no modal cue."""
        if node.tag_ != "VBD":
            return False
        if node.dep_ == "advcl" and syntax.is_verb(head) and any(c.dep_ in syntax.SUBJECTS for c in node.children) \
                and any(c.dep_ == "mark" and c.lower_ in ("as", "while") for c in node.children):
            return self._local(head, is_anchor=False, edge=None) is None
        if node.dep_ == "acl" and head.dep_ == "pobj" and head.head.lower_ in ("as", "while") and syntax.is_verb(head.head.head):
            return self._local(head.head.head, is_anchor=False, edge=None) is None
        return False

    def _finish(self, found, default, head, inside, intent) -> Reading:
        if found is None:
            why = f"said by '{head.text}'" if head is not None else ("attributed" if default == "reported" else "no modal cue")
            return Reading(default, why, head, inside, None)
        return Reading(found[0], found[1], head, inside, intent)

    def _local(self, node: Token, is_anchor: bool, edge: str | None) -> tuple[str, str] | None:
        """Cues on one clause head: negation, auxiliaries, conditional marks, habitual adverbs."""
        subj = next((c for c in node.children if c.dep_ in syntax.SUBJECTS), None)
        if subj is not None and _nobody(subj):
            return ("negated", f"no one does it: '{syntax.phrase(subj).text}'")
        for c in node.children:
            low = c.lower_
            if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and low in ("never", "no")):
                return ("negated", f"negated by '{c.text}'")
            if c.dep_ == "dobj" and any(d.dep_ in ("det", "neg") and d.lower_ == "no" for d in c.children):
                return ("negated", f"'no {c.text}'")  # "made no progress toward a truce"
            if c.dep_ in ("aux", "auxpass"):
                if low in ("should", "were", "had") and subj is not None and c.i < subj.i:
                    return ("hypothetical", f"inverted conditional '{c.text}'")
                if low in self.cue("future_aux"):
                    return ("future", f"future '{c.text}'")
                if low in self.cue("hypothetical_aux"):
                    return ("hypothetical", f"modal '{c.text}'")
                if low in self.cue("normative_aux") or (low == "to" and syntax.lemma(node.head) in ("have", "need", "ought")):
                    return ("normative", f"normative '{c.text}'")
            if c.dep_ == "mark" and low in self.cue("conditional_marks") and (edge == "advcl" or edge is None or edge == "ccomp"):
                return ("hypothetical", f"conditional '{c.text}'")
            if c.dep_ in ("advmod", "npadvmod") and low in self.cue("habitual"):
                return ("habitual", f"habitual '{c.text}'")
            if c.dep_ == "advmod" and low in self.cue("earlier") and not list(c.children):
                return ("background", f"'{c.text}': an earlier episode")
            if c.dep_ == "prep" and low in ("over", "for", "throughout"):
                for pobj in syntax.children(c, "pobj"):
                    if syntax.lemma(pobj) in self.cue("durations") and any(n.dep_ == "nummod" for n in pobj.children):
                        return ("habitual", f"spread over '{pobj.text}'")
        if is_anchor and node.tag_ in ("VBZ", "VBP") and _present_form(node) \
                and not any(c.dep_ in ("aux", "auxpass") for c in node.children) \
                and not self.speech_kind(node) and node.dep_ not in ("pobj", "pcomp", "dobj") \
                and node.sent.text.rstrip()[-1:] in ".!?\"'”’":  # "after missile strikes on…" is a noun; headlines are news  # "Iran denies …" is today's statement, "Iran funds …" a generic one
            return ("habitual", f"present simple '{node.text}' (generic)")
        return None

    def _noun_cues(self, noun: Token) -> tuple[str, str] | None:
        for c in noun.children:
            if c.dep_ in ("det", "neg", "advmod") and c.lower_ in ("no", "never"):
                return ("negated", f"'{c.text} {noun.text}'")
        if noun.dep_ == "pobj" and noun.head.lower_ == "without":
            return ("negated", "under 'without'")
        if noun.dep_ == "pobj" and noun.head.lower_ == "for" and syntax.lemma(noun) in self.cue("purposes") \
                and syntax.lemma(noun.head.head) in self.cue("dispatching"):
            return ("future", f"the purpose 'for {noun.text}'")
        if noun.dep_ in ("dobj", "nsubjpass") and syntax.lemma(noun.head) in self.cue("cancelling"):
            return ("negated", f"'{noun.head.text}' stops it")
        if noun.dep_ == "nsubj" and syntax.lemma(noun.head) in self.cue("failing") \
                and syntax.lemma(noun) in self.cue("fragile"):
            return ("negated", f"the {noun.text} '{noun.head.text}'")  # "the truce collapsed": no new truce
        tok = noun
        while tok.dep_ in ("pobj", "prep") and tok.head.i != tok.i:  # "no progress toward a ceasefire"
            tok = tok.head
            if tok.pos_ == "NOUN":
                if any(c.dep_ in ("det", "neg") and c.lower_ == "no" for c in tok.children):
                    return ("negated", f"'no {tok.text}'")
                if syntax.lemma(tok) in self.cue("unrealised"):
                    return ("future", f"only a '{tok.text}'")
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and syntax.lemma(noun.head.head) in self.cue("durations"):
            return ("habitual", f"'{noun.head.head.text} of {noun.text}'")
        for c in noun.children:
            if c.dep_ == "amod" and c.lower_ in ("planned", "possible", "potential", "future", "proposed", "hypothetical", "would-be", "next", "new") and c.lower_ != "new":
                return ("future", f"'{c.text} {noun.text}'")
        return None

    def _background(self, anchor: Token, trigger: Token, when: date | None, own_subtree: bool = True) -> tuple[str, str] | None:
        """An explicit year well before the article date puts the event in the background."""
        if when is None:
            return None
        toks = [t for c in anchor.children if c.dep_ in ("prep", "npadvmod") for t in c.subtree]
        if own_subtree and trigger.i != anchor.i:
            toks += [t for c in trigger.children if c.dep_ in ("nummod", "compound", "amod", "prep", "npadvmod")
                     for t in c.subtree]
        for tok in toks:
            if any(a.lower_ in ("since", "until", "till") and not a.is_ancestor(trigger)
                   for a in tok.ancestors if a.i != anchor.i):
                continue  # "for the first time since 2022": a comparison point, not the event's time
            if tok.like_num and len(tok.text) == 4 and tok.text.isdigit():
                year = int(tok.text)
                if 1900 < year < when.year and (when.year - year >= 2 or when.month > 3):
                    return ("background", f"placed in {year}, before the article date")
        for c in anchor.children:
            if c.dep_ == "advmod" and c.lower_ == "ago":
                return ("background", "'ago'")
        return None

    @staticmethod
    def _dated(clause: Token) -> bool:
        """Whether a clause names its own day, month or year."""
        for c in clause.children:
            if c.dep_ in ("prep", "npadvmod", "advmod"):
                for t in c.subtree:
                    if t.lower_ in WEEKDAYS or t.lower_[:3] in MONTHS and t.pos_ == "PROPN" \
                            or (t.text.isdigit() and len(t.text) == 4) or t.lower_ in RELATIVE:
                        return True
        return False

    def _negated(self, tok: Token) -> bool:
        return any(c.dep_ == "neg" for c in tok.children)

    def _attributed(self, sent) -> str:
        """'reported' when the sentence attributes its content ("according to", ", officials said")."""
        for tok in sent:
            if tok.lower_ in self.cue("attribution") and tok.dep_ in ("prep", "advcl", "advmod"):
                return "reported"
            if tok.dep_ in ("parataxis", "ccomp") and tok.i > tok.head.i and syntax.lemma(tok) in ("say", "report", "tell", "add", "confirm", "claim"):
                return "reported"
        return "asserted"


def _present_form(verb) -> bool:
    """Whether a verb tagged present looks it: the lemma itself or the lemma with -s ("retook", which the tagger may
    call present, is a past tense whatever its tag)."""
    word, lem = verb.lower_, syntax.lemma(verb)
    return word == lem or word.startswith(lem[:-1]) or lem in ("be", "have", "do")


def _unmodalised(verb) -> bool:
    """A verb told as fact: past or participle, with no auxiliary ("stopped flowing", not "would retaliate")."""
    return verb.tag_ in ("VBD", "VBG", "VBN") and not any(c.dep_ == "aux" for c in verb.children)
