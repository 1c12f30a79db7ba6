"""Predicates and their arguments: which rule a trigger fires, and where its source and target are.

A ``Frame`` is one trigger (a verb, or an event noun) with the rule that fired, the clause head
whose modality and date it takes (a light verb lends its own: "launched strikes"), and the
argument tokens found for it. Turning tokens into actors is the placer's job.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from . import syntax
from .patterns import PatternBook, Rule

ATTACK_PREPS = ("at", "on", "against", "into", "toward", "towards", "targeting", "onto", "upon", "inside")
PLACE_PREPS = ("in", "near", "across", "around", "along", "over", "outside", "off", "throughout")
PATIENT_NOUN_ROOTS = ("17", "18", "08", "20")  # "Haniyeh's killing": the possessor is the victim


@dataclass
class Frame:
    trigger: Token
    rule: Rule
    anchor: Token  # the clause head lending modality and date
    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    target_slot: str = ""
    options: list[tuple[str, list[Token]]] = field(default_factory=list)  # target candidates, in order
    participants: list[Token] = field(default_factory=list)  # "between X and Y", coordinated parties
    light: Token | None = None  # the light verb carrying an event noun
    complement: Token | None = None  # the clause a speech act or pledge is about


def _many(obj: Token) -> bool:
    """Whether a victims phrase counts a hundred or more ("1,200 civilians", "hundreds of villagers")."""
    if syntax.lemma(obj) in ("hundred", "thousand", "million") and obj.tag_ == "NNS":
        return True
    for num in syntax.children(obj, "nummod"):
        digits = num.text.replace(",", "")
        if digits.isdigit() and int(digits) >= 100 or num.lower_ in ("hundreds", "thousands", "thousand", "hundred"):
            return True
    return False


def _bare(obj: Token) -> bool:
    """An object that only counts or points back: "all three", "both", "them"."""
    if obj.pos_ == "NUM" or obj.lower_ in ("both", "all", "them", "it", "each"):
        return not any(c.dep_ == "prep" and c.lower_ == "of" for c in obj.children)
    return False


def _sequel(verb: Token) -> bool:
    """A verb the parser left loose that continues its head's action: "…, then seized all three"."""
    return syntax.is_verb(verb) and any(c.dep_ == "advmod" and c.lower_ in ("then", "later", "subsequently", "afterwards")
                                        and c.i < verb.i for c in verb.children)


def _passive_participle(verb: Token) -> bool:
    """A bare past participle heading a clause beside its main clause ("Pressed for details, he said…",
    "Backed by Iran, the militia…"): passive, so the main clause's subject is its patient, not its agent."""
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(c.dep_ in ("aux", "auxpass", "mark", "nsubj")
                                                                   for c in verb.children)


def _unnamed_pair(between: list[Token]) -> bool:
    """"between their rooms", "between the two capitals": one phrase that does not name the parties."""
    return len(between) == 1 and any((c.dep_ == "poss" and c.pos_ == "PRON") or c.lower_ in ("two", "both")
                                     for c in between[0].children)


def _fronted_subjects(verb: Token) -> list[Token]:
    """"Islamabad held the accord in abeyance, suspended trade and…": a parse that makes the first of
    coordinated finite verbs a clause before the others keeps the shared subject there."""
    if syntax.subjects(verb):
        return []
    for clause in syntax.children(verb, "advcl"):
        if clause.i < verb.i and clause.tag_ in ("VBD", "VBZ", "VBP") and not syntax.children(clause, "mark") \
                and not syntax.is_passive(clause):
            return syntax.subjects(clause)
    return []


class FrameFinder:
    def __init__(self, book: PatternBook):
        self.book = book
        self.light_verbs = book.cue("light_verbs")

    # -- rule matching ----------------------------------------------------------------------
    def match(self, tok: Token) -> Rule | None:
        lem = syntax.lemma(tok)
        if tok.dep_ == "amod" and "-" in tok.text.strip("-"):  # "U.S.-brokered": the verb after the hyphen
            return self._hyphenated(tok.lower_.rsplit("-", 1)[1])
        if tok.dep_ == "amod" and tok.tag_ == "VBN":  # "a Qatar-mediated truce", never "Iran-backed militias"
            return self._hyphenated(tok.lower_) if syntax.children(tok, "npadvmod") else None
        if syntax.is_verb(tok):
            pos = "verb"
        elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "compound" and not syntax.is_time(tok):
            pos = "noun"  # "ceasefire proposal" is a proposal; "on March 4" is no march
        elif tok.pos_ == "ADJ" and syntax.children(tok, "xcomp") and tok.dep_ != "amod":  # "ready to observe a truce"
            pos = "verb"
        else:
            return None
        for rule in self.book.rules_for(lem, pos):
            if self._fits(rule, tok):
                return rule
        if pos == "noun" and "-" in tok.text:  # "air-strikes", "cease-fire"
            for rule in self.book.rules_for(tok.text.lower().rstrip("s"), pos):
                if self._fits(rule, tok):
                    return rule
        return None

    def _hyphenated(self, tail: str) -> Rule | None:
        """A cooperative act named by the participle of "X-brokered", "X-mediated", "X-hosted" (not a state
        such as "Russian-occupied" or "Iran-backed"): a rule without constraints, never a speech act."""
        for stem in (tail[:-2], tail[:-1], tail):  # brokered → broker, mediated → mediate
            rules = [r for r in self.book.rules_for(stem, "verb") if not r.constraints and not r.has and not r.speech
                     and self.book.cameo[r.code].quad <= 2]
            if rules:
                return rules[0]
        return None

    def _fits(self, rule: Rule, tok: Token) -> bool:
        for key, words in rule.constraints.items():
            if not self._holds(key, words, tok):
                return False
        if rule.has == "oprd" and not self._has_predicate(tok):
            return False
        if rule.has == "xcomp" and not syntax.children(tok, "xcomp"):
            return False
        if rule.has == "dobj" and not syntax.children(tok, "dobj", "nsubjpass"):
            return False  # a patient, as object or passive subject ("police dispersed the crowd", "the crowd was dispersed")
        if rule.has == "label" and not (tok.dep_ == "relcl" and (self._has_predicate(tok) or syntax.children(tok, "dobj"))):
            return False  # "drills (that) it called a stern warning to X": naming the noun, not calling on X
        if rule.has == "many" and not any(_many(o) for o in syntax.objects(tok) + syntax.children(tok, "dep")):
            return False  # "killed more than 500 civilians", "massacred hundreds of villagers"
        if rule.has == "ccomp" and not any(c.pos_ in ("VERB", "AUX") for c in syntax.children(tok, "ccomp")):
            return False  # "denied that its troops had crossed"
        if rule.has == "pcomp" and not any(c.tag_ == "VBG" for c in syntax.children(tok, "xcomp", "ccomp", "dobj", "pcomp")):
            return False  # "denied supplying weapons"
        if rule.has == "name" and not any(o.pos_ == "PROPN" or o.lower_ in ("him", "her", "them")
                                          or syntax.lemma(o) in self.book.word_list("people_or_states")
                                          for o in syntax.objects(tok)):  # "called his Chinese counterpart"
            return False
        if rule.has == "name" and self._has_predicate(tok):  # "called it an assassination"
            return False
        if tok.pos_ == "ADJ" and rule.has != "xcomp":
            return False
        return True

    def _holds(self, key: str, words: frozenset[str], tok: Token) -> bool:
        if key == "particle":
            return any((c.dep_ in ("prt", "advmod", "prep", "oprd", "acomp")
                        or (c.pos_ == "ADJ" and c.dep_ in ("advcl", "ccomp", "xcomp"))) and c.lower_ in words
                       for c in tok.children) \
                or any(o.lower_ in words for objs in syntax.preps(tok).values() for o in objs)  # "set X in Y ablaze"
        if key == "prep":
            return any(p in words for p in self._preps(tok))
        if key == "object":
            if tok.pos_ == "NOUN":
                objs = syntax.preps(tok).get("of", [])
            else:
                objs = syntax.objects(tok) + syntax.children(tok, "dative") + self._shared_objects(tok)
                objs += [o for c in syntax.children(tok, "ccomp") for o in syntax.objects(c)]
                objs += [c for o in list(objs) for c in syntax.children(o, "appos")]  # "X, a car carrier"
                objs += [p for o in list(objs) for w, ps in syntax.preps(o).items() if w in ("of", "in") for p in ps]
            return any(self._lemma_in(o, words) for o in objs)
        if key == "pobj":
            return any(self._lemma_in(o, words) for objs in self._preps(tok).values() for o in objs)
        if key == "subject":
            subj = syntax.subjects(tok) or self._inherited_subjects(tok)
            return bool(subj) and self._lemma_in(subj[0], words)
        if key == "complement":
            return any(syntax.lemma(c) in words for c in self._complements(tok))
        if key == "modifier":
            return any(self._word_in(m, words) for m in syntax.modifiers(tok))
        if key == "content":  # "vowed that the attack would not go unpunished": a word anywhere in what is said
            return any(self._word_in(w, words) for c in self._complements(tok) for w in c.subtree)
        if key == "predicate":  # "called the raid unacceptable": what the second predicate names it
            return any(self._lemma_in(w, words) for p in self._predicates(tok) for w in [p, *syntax.children(p, "conj")])
        if key == "content_subject":  # "vowed that its response would be tough": the subject of what is said
            return any(self._lemma_in(s, words) for c in syntax.children(tok, "ccomp") for s in syntax.subjects(c))
        return False

    @staticmethod
    def _preps(tok: Token) -> dict[str, list[Token]]:
        """The verb's prepositional phrases, and those the parser hung on its direct object
        ("fired 90 rounds into the sea": "into" is the firing's)."""
        found = dict(syntax.preps(tok))
        if syntax.is_verb(tok):
            for obj in syntax.children(tok, "dobj"):
                for word, objs in syntax.preps(obj).items():
                    found.setdefault(word, objs)
        return found

    @staticmethod
    def _complements(tok: Token) -> list[Token]:
        """Clauses a verb governs, with a purpose-like infinitive ("gave him 72 hours to leave")."""
        return syntax.children(tok, "xcomp", "ccomp") + [
            c for c in syntax.children(tok, "advcl") if any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]

    def _lemma_in(self, tok: Token, words: frozenset[str]) -> bool:
        """The head's lemma, or a compound/adjective of it ("ballistic missiles", "air strikes")."""
        return self._word_in(tok, words) or any(self._word_in(m, words) for m in syntax.modifiers(tok))

    @staticmethod
    def _word_in(tok: Token, words: frozenset[str]) -> bool:
        return syntax.lemma(tok) in words or tok.lower_ in words

    @staticmethod
    def _predicates(tok: Token) -> list[Token]:
        """The second predicate of a naming verb ("called it a threat", "branded the move illegal"); of two
        objects ("a move that it called an attempt"), the second."""
        return [c for c in tok.children if c.dep_ in ("oprd", "attr")
                or (c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("NOUN", "ADJ", "PROPN"))] \
            + syntax.children(tok, "dobj")[1:]

    def _has_predicate(self, tok: Token) -> bool:
        return bool(self._predicates(tok))

    # -- arguments ----------------------------------------------------------------------------
    def frame(self, tok: Token, rule: Rule) -> Frame:
        if rule.pos == "verb":
            return self._verb_frame(tok, rule)
        return self._noun_frame(tok, rule)

    def _verb_frame(self, tok: Token, rule: Rule) -> Frame:
        frame = Frame(tok, rule, tok)
        if tok.dep_ == "amod":  # "a Qatar-mediated truce", "a U.S.-brokered deal": the agent sits in the modifier
            frame.sources = syntax.children(tok, "npadvmod") or ([tok] if "-" in tok.text else [])
            frame.anchor = syntax.clause_head(tok.head)
            frame.targets, frame.target_slot = self._targets(tok, rule.target or self._default_slots(rule), frame)
            return frame
        own_patient = any(c.dep_ == "nsubjpass" for c in tok.children)  # "rockets were fired": no agent named
        if _passive_participle(tok):  # "Pressed for details, he said…": he is pressed, not pressing
            frame.sources = [o for a in syntax.children(tok, "agent") for o in syntax.children(a, "pobj")]
        else:
            frame.sources = syntax.subjects(tok) or ([] if own_patient else self._inherited_subjects(tok))
        if not frame.sources and self._with_clause(tok):  # "with an Omani minister shuttling between…"
            frame.sources = [tok.head]
        comps = syntax.children(tok, "xcomp", "ccomp") or [c for c in syntax.children(tok, "dobj", "pcomp") if c.tag_ == "VBG"]
        frame.complement = comps[0] if comps else None
        slots = rule.target or self._default_slots(rule)
        frame.targets, frame.target_slot = self._targets(tok, slots, frame)
        if rule.symmetric or rule.both_ways:
            frame.participants = self._participants(tok)
        return frame

    def _noun_frame(self, tok: Token, rule: Rule) -> Frame:
        anchor = syntax.clause_head(tok)
        frame = Frame(tok, rule, anchor)
        carrier = tok  # "carried out a wave of strikes": the measure word carries the event noun
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and syntax.lemma(tok.head.head) in self.book.cue("event_measures"):
            carrier = tok.head.head
        head = carrier.head
        light = None
        light_verbs = self.light_verbs | rule.light
        if carrier.dep_ in ("dobj", "nsubjpass") and syntax.lemma(head) in light_verbs:
            light = head
        elif tok.dep_ == "pobj" and head.head.i != head.i and syntax.lemma(head.head) in light_verbs \
                and head.lower_ in ("to", "on") and syntax.is_verb(head.head):
            light = head.head
        if light is not None:
            frame.light = light
            frame.anchor = light
        patient_possessor = rule.code[:2] in PATIENT_NOUN_ROOTS
        for c in tok.children:
            if c.dep_ == "poss" and not patient_possessor:
                frame.sources = syntax.with_conjuncts(c)
        if not frame.sources:
            frame.sources = [m for m in syntax.modifiers(tok) if m.dep_ in ("compound", "amod", "nmod")
                             and m.text[:1].isupper() and syntax.lemma(m) not in self.book.cue("instruments")]
            frame.sources = [s for m in frame.sources for s in syntax.with_conjuncts(m)]
        if (rule.symmetric or rule.both_ways) and len(frame.sources) == 1 and frame.sources[0].dep_ != "poss":
            frame.sources = []  # "the Gaza truce": a place, not the parties
        by = syntax.preps(tok).get("by")
        if not by and rule.speech == "act":  # "a rebuke from X", "drew a warning from X": a speech act's speaker
            by = syntax.preps(tok).get("from") or (syntax.preps(tok.head).get("from") if tok.dep_ == "dobj" else None)
        if by:
            frame.sources = by
        if light is not None and not frame.sources:
            frame.sources = syntax.subjects(light) or self._inherited_subjects(light)
        violent = rule.code[:2] in ("18", "19", "20")
        if not frame.sources and tok.dep_ == "pobj":
            frame.sources = self._pp_chain_subjects(tok, violent)
        if not frame.sources and violent and rule.symmetric and tok.dep_ == "pobj" and syntax.is_verb(tok.head.head):
            frame.sources = syntax.children(tok.head.head, "nsubjpass")  # "X was killed in an exchange of fire with Y": X's side
        slots = rule.target or self._default_slots(rule)
        frame.targets, frame.target_slot = self._targets(tok, slots, frame)
        if not frame.targets:  # "the strike that wrecked Kyiv's hospital"
            hit = [o for c in syntax.children(tok, "relcl") for o in syntax.objects(c) if o.pos_ in ("NOUN", "PROPN")]
            if hit:
                frame.options.insert(0, ("relcl", hit))
                frame.targets, frame.target_slot = hit, "relcl"
        means = tok.head.head if violent and tok.dep_ == "pobj" and tok.head.lower_ == "with" else None
        carrier_verb = light if light is not None else (means if means is not None and syntax.is_verb(means) else None)
        if carrier_verb is not None and not frame.targets:  # "launched an offensive in X", "answered with fire into X"
            own = frame.options
            frame.targets, frame.target_slot = self._targets(carrier_verb, slots, frame)
            frame.options = [o for o in own if o[0] != "context"] + frame.options
        if patient_possessor and not frame.targets:
            frame.targets = [c for c in tok.children if c.dep_ == "poss"]
            frame.target_slot = "possessor"
        between = syntax.preps(tok).get("between", [])
        if between:
            frame.participants = between
        elif rule.symmetric or rule.both_ways:
            frame.participants = self._participants(tok)
        return frame

    def _default_slots(self, rule: Rule) -> tuple[str, ...]:
        quad = self.book.cameo[rule.code].quad
        if rule.pos == "noun":
            if quad == 4:
                return tuple(f"prep:{p}" for p in ATTACK_PREPS + ("of",) + PLACE_PREPS)
            return ("prep:with", "prep:to", "prep:against", "prep:on", "prep:for", "context")
        if quad == 4:
            return ("dobj",) + tuple(f"prep:{p}" for p in ATTACK_PREPS + PLACE_PREPS)
        return ("dobj", "dative", "prep:with", "prep:to", "prep:against", "prep:on")

    def _targets(self, tok: Token, slots, frame: Frame) -> tuple[list[Token], str]:
        """Candidate target tokens slot by slot (the placer takes the first slot that resolves)."""
        preps = syntax.preps(tok)
        frame.options = []
        for slot in slots:
            found: list[Token] = []
            if slot == "dobj":
                found = [o for o in syntax.objects(tok) if o.pos_ in ("NOUN", "PROPN", "PRON")]
                found = self._shared_objects(tok) or found
            elif slot == "dative":
                found = [o for c in syntax.children(tok, "dative") for o in (syntax.children(c, "pobj") or [c])]
            elif slot.startswith("prep:"):
                found = preps.get(slot[5:], [])
                if not found:  # "missiles at Ukraine", "membership of NATO": on the verb's object
                    inner = syntax.objects(tok) + [o for objs in preps.values() for o in objs]
                    found = [o for i in inner for o in syntax.preps(i).get(slot[5:], [])]
                if slot == "prep:between" and _unnamed_pair(found):
                    found = []  # "between their rooms", "between the two capitals": the parties are elsewhere
            elif slot == "ccomp_subject":
                found = [s for c in syntax.children(tok, "ccomp") for s in syntax.children(c, "nsubj", "nsubjpass")]
            elif slot == "complement":
                for c in syntax.children(tok, "xcomp", "ccomp"):
                    found = syntax.objects(c) or [o for p in ATTACK_PREPS + ("with",) for o in syntax.preps(c).get(p, [])]
                    if found:
                        break
            elif slot == "participants":
                found = self._participants(tok)
            elif slot == "context":
                frame.options.append(("context", []))
                break
            if found:
                frame.options.append((slot, found))
            if slot in ("dobj", "complement") and found:  # "cooperation with the IAEA", "aid to Ukraine"
                heads = found + ([c for c in syntax.children(tok, "xcomp", "ccomp")] if slot == "complement" else [])
                nested = [o for f in heads for w, objs in syntax.preps(f).items()
                          if w in ("with", "to", "of", "against", "on", "for", "toward", "towards") for o in objs]
                if nested:
                    frame.options.append((f"{slot}>prep", nested))
        first = next(((toks, slot) for slot, toks in frame.options if toks), None)
        if first is None:
            return [], "context" if frame.options else ""
        return first

    def _shared_objects(self, tok: Token) -> list[Token]:
        """Objects a coordinated verb shares: "boarded and detained the tanker" (the first verb borrows the
        second's), "rammed two boats, then seized all three" / "seized them" (the second borrows the first's)."""
        if not syntax.is_verb(tok) or tok.dep_ == "amod":
            return []
        own = syntax.objects(tok)
        if own and not all(_bare(o) for o in own):
            return []
        if own or not any(objs for objs in syntax.preps(tok).values()):
            if (tok.dep_ == "conj" or _sequel(tok)) and syntax.is_verb(tok.head) and not syntax.subjects(tok) and own:
                return self._verb_objects(tok.head, tok)
            if not own:
                for conj in syntax.children(tok, "conj"):
                    if syntax.is_verb(conj) and not syntax.subjects(conj) and conj.i > tok.i:
                        found = [o for o in syntax.children(conj, "dobj") if not _bare(o)]
                        if found:
                            return [o for f in found for o in syntax.with_conjuncts(f)]
        return []

    @staticmethod
    def _verb_objects(head: Token, but: Token) -> list[Token]:
        """The objects of a verb or of the verbs coordinated with it (direct, or after an attack preposition)."""
        for verb in [head] + [c for c in syntax.children(head, "conj") if syntax.is_verb(c) and c.i != but.i]:
            found = [o for o in syntax.objects(verb) if not _bare(o)]
            found = found or [o for p in ATTACK_PREPS for o in syntax.preps(verb).get(p, [])]
            if found:
                return found
        return []

    def _participants(self, tok: Token) -> list[Token]:
        """Parties of a joint act: "between X and Y", or the governing clause's subject and object."""
        for obj in syntax.objects(tok) + [o for objs in syntax.preps(tok).values() for o in objs]:
            between = syntax.preps(obj).get("between", [])
            if between and not _unnamed_pair(between):
                return between
        if tok.dep_ == "amod":  # "a Qatar-mediated truce": the parties of the truce
            return self._participants(tok.head)
        clause = tok if syntax.is_verb(tok) else syntax.clause_head(tok)
        if (clause.dep_ == "pcomp" and clause.head.lower_ == "with") or self._with_clause(clause):
            clause = syntax.clause_head(clause.head)  # "met…, with Oman chairing": the meeting's parties
        if clause.i == tok.i and tok.dep_ == "acl":  # "a ceremony hosted by X": the parties of the ceremony's clause
            clause = syntax.clause_head(tok.head)
        parties = syntax.subjects(clause) or self._inherited_subjects(clause)
        if clause.i != tok.i:
            objs = [o for o in syntax.objects(clause) if o.pos_ in ("PROPN", "NOUN") and o.i != tok.i]
            between = [b for o in objs for b in syntax.preps(o).get("between", [])]  # "a deal between X and Y was signed"
            parties = parties + (between if between and not _unnamed_pair(between) else objs)
        return parties

    @staticmethod
    def _with_clause(tok: Token) -> bool:
        """"…, with X doing Y" parsed as a participle on the object of "with"."""
        return tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.dep_ == "pobj" and tok.head.head.lower_ == "with"

    def _pp_chain_subjects(self, noun: Token, violent: bool) -> list[Token]:
        """"(Ukraine ...) after hours of talks with X": a noun in prepositional phrases takes the verb's subject.

        An attack noun does so only as the means of the verb ("with a wave of airstrikes", "in a raid")."""
        tok, last_prep = noun, ""
        while tok.dep_ in ("pobj", "prep") or (tok.dep_ in ("dobj", "npadvmod") and tok.i != noun.i):
            tok = tok.head
            if tok.dep_ == "prep":
                last_prep = tok.lower_
            if (syntax.lemma(tok) in self.book.cue("reactions") and not syntax.is_verb(tok)) \
                    or (tok.dep_ == "prep" and tok.lower_ in ("for", "against", "to")):
                return []  # "in response to an attack": someone else's act ("answered with strikes": its own)
            if syntax.is_verb(tok) or tok.pos_ == "AUX":
                if violent and last_prep not in ("in", "with"):
                    return []
                return syntax.subjects(tok) or self._inherited_subjects(tok)
        return []

    def _inherited_subjects(self, tok: Token) -> list[Token]:
        """Subjects a clause borrows: a coordinated verb, an infinitive, a participle ("..., killing 12")."""
        fronted = _fronted_subjects(tok)
        if fronted:
            return fronted
        seen = 0
        while tok.head.i != tok.i and seen < 4:
            seen += 1
            head = tok.head
            if tok.dep_ == "xcomp":
                objs = [o for o in syntax.children(head, "dobj") if o.pos_ in ("PROPN", "NOUN", "PRON")]
                if objs and syntax.lemma(head) in self.book.cue("control_verbs"):
                    return syntax.with_conjuncts(objs[0])  # "ordered his troops to withdraw"
            if syntax.reduced_subject(tok) is not None:  # "the militia Washington blamed": Washington blamed it
                return [syntax.reduced_subject(tok)]
            if tok.dep_ == "acl" and tok.tag_ in ("VBD", "VBG"):  # "as protesters massed", "crowds chanting…"
                return [head]
            if tok.dep_ in ("relcl", "acl") and head.dep_ == "dobj" and syntax.lemma(head.head) in self.book.cue("defying") \
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
                return syntax.subjects(head.head)  # "crowds defied a ban to rally": the defiers rally
            if tok.dep_ == "ccomp":  # "said Trump, in a call, thanked X": a parse that hangs the subject on "said"
                objs = [o for o in syntax.children(head, "dobj") if o.i < tok.i and o.pos_ == "PROPN"
                        and syntax.lemma(head) == "say"]
                return syntax.with_conjuncts(objs[0]) if objs else []
            if tok.dep_ == "npadvmod" and head.pos_ in ("VERB", "AUX") and tok.i > head.i:  # ", a day after promising…"
                subj = syntax.subjects(head)
                if subj:
                    return subj
                tok = head
                continue
            if tok.dep_ in ("xcomp", "conj", "advcl", "acomp") or (tok.dep_ == "pcomp" and head.dep_ == "prep") \
                    or (tok.dep_ == "dep" and syntax.is_verb(head) and _sequel(tok)):  # ", then seized all three"
                if tok.dep_ == "pcomp":
                    head = head.head
                subj = syntax.subjects(head) or _fronted_subjects(head)
                if subj:
                    return subj
                tok = head
                continue
            break
        return []
