"""From frames to events: actors for the arguments, directions, intents, claims, one event per dyad.

Holds the state one article needs beyond a sentence: the events coded so far (an anaphoric "the
move" is the latest event's; a duplicate event noun is dropped) and agentless attacks waiting for a
claim of responsibility ("X claimed the attack" makes X their source).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Span as SpacySpan

from ..records import Actor, Event, Span
from . import dates, syntax
from .frames import Frame
from .modality import HAPPENED, Reading
from .placement import Placer

VIOLENT_ROOTS = ("18", "19", "20")
# consequences or summaries of an attack coded by a more specific rule
GENERIC_VIOLENCE = ("kill", "kill-irregular", "mass-killing", "n-attack", "destroy", "more-destroy-military")
LETHAL = ("kill", "mass-killing")
DESTRUCTION = "1712"
MEDIATION = "045"
RIOT = "145"  # a violent protest: its killings and injuries are part of it
# "flew to X and met Y" is one consultation; "sent warships to encircle X in drills" one show of force
MERGED_ROOTS = ("04", "11", "12", "13", "15", "18", "19", "20")
DOMESTIC_ROOTS = ("10", "11", "14", "17")
PRONOUN_SUBJECTS = ("it", "they", "we", "he", "she", "i")


def _hyphenated(tok) -> str:
    """"shoot-down" for the head of "shoot - down": a hyphenated word the tokenizer split."""
    if tok.i >= 2 and tok.nbor(-1).text == "-" and not tok.nbor(-1).whitespace_:
        return f"{tok.nbor(-2).lower_}-{tok.lower_}"
    return ""


def _armed_group(actor: Actor) -> bool:
    return actor.sector == "REB"


class Assembler:
    def __init__(self, coder, placer: Placer, when: date | None):
        self.coder = coder
        self.book = coder.book
        self.finder = coder.finder
        self.placer = placer
        self.when = when
        self.events: list[Event] = []
        self.pending: list[Event] = []  # violent events with no named agent, until someone claims them
        self.last_pair: tuple[Actor, ...] = ()  # the parties of the latest joint act, for "both sides"
        self.noun_events: dict[int, Event] = {}  # events whose trigger is an event noun, by id (kept alive)
        self.pair_sentence = -1  # where the latest joint act was told
        self.current: list[Event] = []  # the events of the sentence being coded, before they are kept

    # -- one sentence -------------------------------------------------------------------------
    def sentence(self, sent: SpacySpan, skip: list[tuple[int, int]] = ()) -> None:
        """Code one sentence; triggers inside ``skip`` (web boilerplate spans) are ignored."""
        skip = [(a, b) for a, b in skip if a < sent.end_char and sent.start_char < b]
        frames = []
        for tok in sent:
            if any(a <= tok.idx < b for a, b in skip):
                continue
            rule = self.finder.match(tok)
            if rule is None or (rule.speech == "report" and rule.code == "010"):
                continue
            frames.append(self.finder.frame(tok, rule))
        carried = {f.light.i for f in frames if f.light is not None}
        frames = [f for f in frames if not (f.rule.pos == "verb" and f.trigger.i in carried)]
        found: list[Event] = []
        self.current = found  # speech acts come last and may name an act coded just before ("…and Y condemned the raids")
        # speech acts last (they may name an act told in the sentence), mediation after the joint act it brokers
        for frame in sorted(frames, key=lambda f: (f.rule.speech is not None, f.rule.code == MEDIATION, f.trigger.i)):
            reading = self.coder.modality.read(frame.anchor, frame.trigger, self.when, light=frame.light is not None)
            if reading.inside_act:
                continue
            if reading.modality in ("future", "hypothetical") and reading.intent_head is not None \
                    and (frame.rule.pos == "verb" or frame.light is not None):
                found += self._intent(frame, reading, sent)
            elif not frame.rule.intent:
                found += self._owned(self._coded(frame, reading, sent), reading)
        found += self._imitations(sent, found)
        self._keep(found)

    def _owned(self, events: list[Event], reading: Reading) -> list[Event]:
        """"(X struck Y.) X's spokesman said its forces had targeted Y": an attack already told, now reported
        by its own side, is that side's claim of responsibility (015), not a second attack."""
        if reading.modality != "reported" or reading.speech_head is None:
            return events
        head = reading.speech_head
        speakers = {a.country for _, a in self.placer.resolve_all(syntax.subjects(head))}
        told = {self._key(e, groups=False) for e in self.events}
        info = self.book.cameo["015"]
        return [replace(e, code="015", root="01", quad=info.quad, goldstein=info.goldstein, pattern=e.pattern + "+own")
                if e.root in VIOLENT_ROOTS and e.source.country in speakers and self._key(e, groups=False) in told else e
                for e in events]

    def _imitations(self, sent: SpacySpan, found: list[Event]) -> list[Event]:
        """"Canada and Brazil followed suit": the latest act before the phrase, repeated by its subjects."""
        verbs, words = self.book.cue("imitation_verbs"), self.book.cue("imitation_words")
        out = []
        for tok in sent:
            if not (syntax.is_verb(tok) and syntax.lemma(tok) in verbs
                    and any(syntax.lemma(c) in words for c in syntax.children(tok, "dobj", "advmod", "acomp"))):
                continue
            earlier = [e for e in found + self.events if e.trigger.start < tok.idx and e.modality in HAPPENED]
            if not earlier:
                continue
            model = max(earlier, key=lambda e: e.trigger.start)
            reading = self.coder.modality.read(tok, tok, self.when)
            if reading.modality not in HAPPENED:
                continue
            subjects = syntax.subjects(tok) or self.finder._inherited_subjects(tok)
            for _, actor in self.placer.resolve_all(subjects):
                if actor.country not in ("---", model.source.country, model.target.country):
                    out.append(replace(model, source=actor, modality=reading.modality, pattern="imitation",
                                       trigger=Span(tok.idx, tok.idx + len(tok.text), tok.text)))
        return out

    def _keep(self, found: list[Event]) -> None:
        """One event per source–target and root (per 3-digit code for cooperation and yielding) in a sentence;
        an event noun repeating an earlier event is dropped."""
        found = self._drop_restated(self._merge_violence(found))
        kept: dict[tuple[str, str, str], Event] = {}
        earlier = {self._key(e) for e in self.events}
        for event in found:
            key = self._key(event)
            if key in earlier and self._is_noun(event):
                continue
            if key in kept:
                first = kept[key]
                if first.root == "19" and first.code != event.code and "190" not in (first.code, event.code):
                    first.code, first.goldstein = "190", self.book.cameo["190"].goldstein  # several weapons: one assault
                elif first.code.endswith("0") and not event.code.endswith("0"):
                    kept[key] = event
                continue
            kept[key] = event
        self.events.extend(kept.values())

    def _merge_violence(self, found: list[Event]) -> list[Event]:
        """"struck X, killing 12", "clashed with police, injuring 30": a killing or a summary noun ("the attack")
        is part of the strike or riot coded; "blew up a boat, killing 11" is an attack, not damage to property."""
        lethal = {(e.source.country, e.target.country) for e in found if e.pattern in LETHAL}
        found = [e for e in found if not (e.code == DESTRUCTION and (e.source.country, e.target.country) in lethal)]
        specific = [e for e in found if (e.root in VIOLENT_ROOTS or e.code == RIOT) and e.pattern not in GENERIC_VIOLENCE]
        if not specific:
            return found
        hit = {(e.source.country, e.target.country) for e in specific}
        victims = {t for _, t in hit}
        found = [e for e in found if e.pattern not in GENERIC_VIOLENCE
                 or ((e.source.country, e.target.country) not in hit and e.target.country not in victims)]
        attackers = {e.source.country for e in specific if not self._is_noun(e)}
        return [e for e in found if not (self._is_noun(e) and e.root in VIOLENT_ROOTS and e.source.country in attackers)]

    def _drop_restated(self, found: list[Event]) -> list[Event]:
        """"met X, the first meeting in years": a cooperation noun restating a verb's event is not another event."""
        verbal = {(e.root, frozenset((e.source.country, e.target.country))) for e in found if not self._is_noun(e)}
        return [e for e in found if not (self._is_noun(e) and e.quad <= 2
                                         and (e.root, frozenset((e.source.country, e.target.country))) in verbal)]

    def _is_noun(self, event: Event) -> bool:
        return id(event) in self.noun_events

    @staticmethod
    def _key(event: Event, groups: bool = True) -> tuple[str, bool, str, bool, str]:
        """A country's armed groups are other actors than its state ("the government and the rebels"; with
        ``groups`` False, "its forces" are the group's);
        verbal conflict and violence merge by root ("berated him, accusing him…" is one act); the rest by
        3-digit code ("poured into the streets … a general strike" are two)."""
        kind = event.root if event.root in MERGED_ROOTS else event.code[:3]
        return (event.source.country, groups and _armed_group(event.source),
                event.target.country, groups and _armed_group(event.target), kind)

    # -- a frame → events ---------------------------------------------------------------------
    def _coded(self, frame: Frame, reading: Reading, sent: SpacySpan) -> list[Event]:
        """The events of one frame that is not a stated intent: resolve, pair up, keep agentless attacks pending."""
        rule = frame.rule
        code = self._speech_code(frame)
        sources = self._sources(frame)
        reciprocal = any(c.lower_ in ("other", "another") for c in frame.trigger.subtree if c.dep_ in ("dobj", "pobj")) \
            or (len(sources) >= 2 and self._each(frame))
        parties = [a for _, a in self.placer.resolve_all(frame.participants)] if frame.participants else []
        if (rule.symmetric or rule.both_ways) and frame.target_slot in ("prep:between", "participants"):
            found = [a for _, a in self.placer.resolve_all(frame.targets)]
            parties = found if len(found) >= 2 else parties
        group = (rule.symmetric or rule.both_ways) and (len(sources) >= 2 or len(parties) >= 2)
        targets = [] if reciprocal else self._targets(frame, sources, code, fallback=not group)
        if targets is None:
            return []
        if rule.code == MEDIATION and self.pair_sentence == sent.start and sources \
                and not {t.country for t in targets} & {a.country for a in self.last_pair}:
            targets = [a for a in self.last_pair if a.country not in {s.country for s in sources}]  # "X, which brokered it, said A and B agreed"
        if group and targets and all(t.kind == "place" for t in targets):
            targets = []  # "X and Y troops fought with rocks in the valley": the place is where, not whom
        pair_words = [t for t in frame.participants if self._pair_word(t)]
        if pair_words and self._pair(pair_words[0]):
            parties = list(self._pair(pair_words[0]))
        joint = rule.symmetric or rule.both_ways or reciprocal
        if joint and frame.target_slot in ("prep:between", "participants") and len(parties) >= 2:
            targets = []
        pairs = self._pairs(frame, code, sources, targets, parties, joint)
        if not pairs and reading.modality in HAPPENED and not rule.claims:
            pairs = self._unplaced(frame, code, sources, targets)
        if rule.claims or code == "015":
            return self._claim(frame, reading, sources, targets, code, sent)
        if not sources and code[:2] in VIOLENT_ROOTS and targets and reading.modality in HAPPENED:
            self.pending += [self._event(frame, reading, Actor("---", "", ""), t, code, sent, 0.3) for t in targets]
        out = []
        for s, t, c in pairs:
            if s.country == t.country and (s.sector == t.sector or s.country == "---" or not self._domestic(rule, c, s, t)):
                continue
            if joint and "---" in (s.country, t.country) and self.book.cameo[c].quad <= 2:
                continue  # "a meeting between Tehran and Western ministers": no party of unknown country met
            if (joint or rule.reverse) and len(pairs) >= 2:  # "X hosted Y; the two leaders signed…"
                self.last_pair, self.pair_sentence = (s, t), sent.start
            unplaced = 0.2 if "---" in (s.country, t.country) else 0.0  # a side of unknown country
            out.append(self._event(frame, reading, s, t, c, sent, self._confidence(frame) - unplaced))
        if any(s.country == "---" for s, _, _ in pairs) and code[:2] in VIOLENT_ROOTS:
            self.pending += [e for e in out if e.source.country == "---"]
        return out

    def _unplaced(self, frame: Frame, code: str, sources: list[Actor], targets: list[Actor]) -> list[tuple[Actor, Actor, str]]:
        """A reported act whose one side the actor book cannot place but the text names ("Foreign Minister
        Ramtane Lamamra", "Tuareg separatist rebels"): kept with that side of unknown country, so the act
        and its evidence are not lost; the report lists such actors for a user's own actor file."""
        src = sources or [a for a in map(self._named_unknown, frame.sources[:1]) if a is not None]
        tgt = targets or [a for a in map(self._named_unknown, frame.targets[:1]) if a is not None]
        return [(s, t, code) for s in src for t in tgt if s.country != t.country or s.country != "---"]

    def _named_unknown(self, tok) -> Actor | None:
        """An argument the text names but the actor book does not know: a proper name or a titled person."""
        if tok.pos_ == "PRON" or syntax.is_time(tok) or self._bare_weapon(tok):
            return None
        named = tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE", "FAC")
        if not named:
            return None
        return Actor("---", self.placer._sector(tok, ""), syntax.phrase(tok).text, kind="unknown")

    @staticmethod
    def _each(frame: Frame) -> bool:
        """"X and Y each released 300 prisoners", "both agreed to…": one act by each party toward the other."""
        words = ("each", "both") if frame.rule.symmetric else ("each",)
        return any(c.lower_ in words and c.dep_ in ("advmod", "appos", "npadvmod", "det", "dep")
                   for c in list(frame.trigger.children) + [t for s in frame.sources for t in s.children])

    @staticmethod
    def _domestic(rule, code: str, source: Actor, target: Actor) -> bool:
        """Whether an act within one country is codable: arrests, protests, repression, civil war, martial law."""
        return rule.domestic or code[:2] in DOMESTIC_ROOTS or code[:2] in VIOLENT_ROOTS + ("15", "16") \
            or bool({source.sector, target.sector} & {"REB", "OPP", "CVL"})

    def _unilateral(self, frame: Frame) -> bool:
        """"Putin declared a truce in Ukraine": one side's declaration, with no counterpart named, goes one way."""
        preps = syntax.preps(frame.trigger)
        return frame.light is not None and syntax.lemma(frame.light) in self.book.cue("unilateral_verbs") \
            and not preps.get("with") and not preps.get("between")

    def _pairs(self, frame: Frame, code: str, sources: list[Actor], targets: list[Actor], parties: list[Actor],
               joint: bool) -> list[tuple[Actor, Actor, str]]:
        """(source, target, code) triples: a joint act among its parties each way, else each source to each target."""
        rule = frame.rule
        if joint and not targets and len(parties) >= 2:
            return [(a, b, code) for a in parties for b in parties if a is not b]
        if joint and not targets and len(sources) >= 2:
            return [(a, b, code) for a in sources for b in sources if a is not b]
        pairs = [(s, t, code) for s in sources for t in targets]
        if rule.both_ways and not (len(sources) == 1 and self._unilateral(frame)):
            pairs += [(t, s, code) for s in sources for t in targets]
        if rule.reverse:
            pairs += [(t, s, rule.reverse) for s in sources for t in targets]
        return pairs

    def _sources(self, frame: Frame) -> list[Actor]:
        """Resolved sources; an unknown-country role ("police", "the parliament") takes the article's country."""
        if any(self._pair_word(t) for t in frame.sources):
            pair = self._pair(frame.sources[0])
            if pair:
                return list(pair)
        out = []
        for tok, actor in self.placer.resolve_all(frame.sources):
            if actor.kind == "place" and syntax.lemma(tok) not in self.book.word_list("crowds"):
                continue  # a place does nothing: "a rocket attack near Kirkuk killed…" ("residents of Lagos" do)
            if actor.country == "---" and self._bare_weapon(tok):
                continue  # "Howitzers shelled a village": a weapon alone names no agent, not the article's latest country
            if actor.country == "---" and actor.kind not in ("person",) \
                    and syntax.lemma(tok) not in self.book.word_list("irregulars"):  # "gunmen": unknown, not the article's
                if any(c.dep_ in ("amod", "compound") and c.text[:1].isupper() and not c.is_sent_start
                       for c in tok.children):
                    continue  # "Western officials": a qualifier the book does not know, not the article's country
                remembered = self.placer.memory.last_country(tok.i)
                if syntax.lemma(tok) in self.book.word_list("crowds"):  # "people gathered outside X in Tehran"
                    remembered = self._place_country(frame, also=(tok.head,)) or remembered
                country = remembered or self._place_country(frame) or self._place_country(frame, deep=True)
                if country is None:
                    continue
                actor = replace(actor, country=country)
            out.append(actor)
        if not out and frame.sources and syntax.lemma(frame.sources[0]) in self.book.word_list("irregulars"):
            out = [Actor("---", "REB", syntax.phrase(frame.sources[0]).text, kind="group")]
        return out

    def _bare_weapon(self, tok) -> bool:
        """A weapon with no determiner or owner ("Warheads hit…", "Howitzers shelled…"): no one is named, while
        "the howitzers" refers back to whoever was said to fire them."""
        weapons = (self.book.word_list("weapons") | self.book.cue("instruments")) - self.book.word_list("irregulars")
        return bool(syntax.noun_forms(tok) & weapons) and not syntax.children(tok, "det", "poss")  # not "fighters"

    def _pair(self, word) -> tuple[Actor, ...]:
        """Whom a pair word means: a bare "each" the actors named together just before it in its sentence
        ("X and Y on Friday each signed…", whatever the parse made of them); "both sides" the parties of the
        latest joint act."""
        if word.lower_ == "each" and not list(word.children):
            return self._latest_coordinated(word, word.sent.start) or self.last_pair
        return self.last_pair or self._latest_coordinated(word)

    def _latest_coordinated(self, tok, start: int | None = None) -> tuple[Actor, ...]:
        """"X expelled envoys from A and B after both governments…": the latest two actors named together."""
        start = max(tok.sent.start - 60, 0) if start is None else start
        for head in reversed(tok.doc[start:tok.i]):
            if not syntax.children(head, "conj"):
                continue
            found = [a for _, a in self.placer.resolve_all(syntax.with_conjuncts(head)) if a.country != "---"]
            if len({a.country for a in found}) >= 2:
                return tuple(found)
        return ()

    @staticmethod
    def _pair_word(tok) -> bool:
        """"both sides", "the two men", "each other": the parties of the latest joint act."""
        if tok.lower_ in ("both", "sides", "parties") or (tok.lower_ == "each" and tok.dep_ in syntax.SUBJECTS):
            return True
        return any(c.lower_ in ("both", "two", "each") for c in tok.children) and \
            syntax.lemma(tok) in ("side", "man", "leader", "country", "nation", "government", "party", "neighbour", "neighbor")

    def _targets(self, frame: Frame, sources: list[Actor], code: str, fallback: bool = True) -> list[Actor] | None:
        """The first target slot that resolves; None when the frame is only part of a bigger event."""
        pair_words = [t for t in frame.targets if self._pair_word(t)]
        if pair_words and self._pair(pair_words[0]):
            return [a for a in self._pair(pair_words[0]) if not sources or a.country != sources[0].country]
        exclude = sources[0].country if sources else None
        violent = code[:2] in VIOLENT_ROOTS
        if frame.rule.speech:
            agents = self._criticised_agents(frame, sources)
            if agents:
                return agents
        if violent and frame.rule.pos == "noun":
            victims = self._casualties(frame.trigger, sources)
            if victims:
                return victims
        for slot, toks in frame.options:
            if slot == "context":
                break
            resolved = self.placer.resolve_all(toks, exclude)
            if frame.rule.speech:  # "Iran condemned the attack on its broadcaster": the attacker is the target
                resolved = [(t, a) for t, a in resolved if a.country not in (exclude, "---")
                            or not (self._is_act(t) or self._is_act(t.head.head)) or _rival_at_home(sources, a)]
            found = [a for _, a in resolved]
            if not (frame.rule.domestic or code[:2] in DOMESTIC_ROOTS):  # "sent its carrier group": not a target
                found = [a for a in found if a.country != exclude or (sources[0].sector not in ("", a.sector))]
                found = [a for a in found if a.country == exclude or a.country not in {s.country for s in sources}
                         or (violent and a.kind == "place")]  # "X and Y troops retook a port in Y": on Y's soil
            known = [a for a in found if a.country != "---"]
            if known:
                return known
            if found and sources:
                if violent:
                    country = self._place_country(frame)
                    if country:
                        return [Actor(country, found[0].sector or "CVL", found[0].text, kind="place")]
                    if self._dependent(frame):
                        return self._head_targets(frame, sources)
                elif all(a.sector for a in found) and code[:2] in DOMESTIC_ROOTS:  # "the opposition", "protesters"
                    home = sources[0].country
                    if all(a.sector == "BUS" for a in found):  # "seized a tanker off the Venezuelan coast": whose waters
                        home = self._place_country(frame, also=tuple(toks)) or home
                    return [replace(a, country=home) for a in found]
        if frame.rule.domestic and sources:
            return [Actor(sources[0].country, "", "", kind="country")]
        if code[:2] == "14" and sources:
            return [Actor(sources[0].country, "GOV", "", kind="country")]
        if violent and self._dependent(frame):
            return self._head_targets(frame, sources)
        return self._fallback_targets(frame, sources) if fallback else []

    def _casualties(self, noun, sources: list[Actor]) -> list[Actor]:
        """Those an attack noun killed or hurt, of known country: its target before the place it hit ("a
        strike near X killed Y" → Y; "Y were wounded in a strike on X" → Y)."""
        verb, victims = noun.head, []
        if noun.dep_ in ("nsubj", "csubj") and not syntax.is_passive(verb):
            victims = syntax.children(verb, "dobj")
        elif noun.dep_ == "pobj" and noun.head.lower_ in ("in", "by") and syntax.is_passive(noun.head.head):
            verb = noun.head.head
            victims = syntax.children(verb, "nsubjpass")
        if not victims or syntax.lemma(verb) not in self.book.word_list("casualty_verbs"):
            return []
        victims = [v for t in victims for v in syntax.with_conjuncts(t)]
        victims += [c for tok in [verb, *victims] for word, objs in syntax.preps(tok).items()
                    if word in self.book.word_list("companions") for c in objs]
        own = {s.country for s in sources}
        found = self.placer.resolve_all(victims, sources[0].country if sources else None)
        return [a for _, a in found if a.country not in own | {"---"} and a.kind != "place"]

    def _head_targets(self, frame: Frame, sources: list[Actor]) -> list[Actor] | None:
        """A participle's target is its head event's ("struck X, killing 12" → X); None when there is none."""
        head = frame.trigger.head
        rule = self.finder.match(head)
        if rule is None or rule.speech:
            return None
        outer = self.finder.frame(head, rule)
        for slot, toks in outer.options:
            found = [a for _, a in self.placer.resolve_all(toks, sources[0].country if sources else None)
                     if a.country != "---"]
            if found:
                return found
        return None

    def _dependent(self, frame: Frame) -> bool:
        """A participle or coordinated verb with no subject of its own ("..., killing 12"): part of its head's event."""
        tok = frame.trigger
        return tok.pos_ == "VERB" and tok.dep_ in ("advcl", "conj", "xcomp", "acl") and not syntax.subjects(tok)

    def _place_country(self, frame: Frame, deep: bool = False, also: tuple = ()) -> str | None:
        """The country of a place named on the trigger ("in Tehran"); ``deep``: anywhere in its clause
        ("fired at crowds chanting in Tehran"), for police or crowds with no country of their own."""
        if deep:
            for tok in frame.anchor.subtree:
                if tok.ent_type_ == "GPE" and tok.dep_ == "pobj" \
                        and tok.head.lower_ in ("in", "across", "outside", "throughout", "through"):
                    country = self.placer.actors.place(syntax.phrase(tok).text)
                    if country:
                        return country
            return None
        for tok in (frame.trigger, frame.anchor, *also):  # ``also``: other clause heads, such as the agent's own verb
            for word, objs in syntax.preps(tok).items():
                if word in ("in", "near", "across", "around", "inside", "at", "outside", "along", "into", "through", "off"):
                    for obj in objs:
                        country = self.placer.actors.place(" ".join(t.text for t in obj.subtree))
                        if country:
                            return country
        return None

    def _speech_code(self, frame: Frame) -> str:
        """A pledge or threat takes its code from what is pledged or threatened ("vowed to retaliate")."""
        rule = frame.rule
        if rule.speech != "act" or rule.code[:2] not in ("03", "13") or frame.complement is None:
            return rule.code
        if frame.complement.dep_ != "xcomp" and not (rule.code[:2] == "13" and frame.complement.dep_ == "ccomp"):
            return rule.code  # "warned that it would strike": a threat of force
        inner = self._inner_frame(frame)
        if inner is None:
            return rule.code
        if inner.options:
            frame.targets, frame.target_slot, frame.options = inner.targets, inner.target_slot, inner.options
        if inner.rule.intent:
            return inner.rule.code
        stopped = syntax.lemma(frame.complement) in self.book.cue("cancelling") | self.book.cue("ceasing")
        if stopped and inner.rule.code[:2] in VIOLENT_ROOTS:  # "agreed to halt attacks": to de-escalate
            return self.book.intent_code("087")
        code = self.book.intent_code(inner.rule.code)
        if rule.code.startswith("13") and not code.startswith("13"):
            return rule.code
        return code

    def _inner_frame(self, frame: Frame) -> Frame | None:
        comp = frame.complement
        chain = [comp] + syntax.children(comp, "xcomp")  # "vowed to keep targeting"
        for tok in chain + [o for c in chain for o in syntax.objects(c)] + \
                [o for c in chain for objs in syntax.preps(c).values() for o in objs]:
            rule = self.finder.match(tok)
            if rule is not None and rule.speech is None:
                return self.finder.frame(tok, rule)
        return None

    def _fallback_targets(self, frame: Frame, sources: list[Actor]) -> list[Actor]:
        """No target named: the agent of an anaphoric act ("condemned the move"), or the article's counterpart."""
        if frame.rule.code[:2] == "02" and any(self._addressee(t) for t in frame.targets):
            return []  # "urged lawmakers to act", "asked the public not to panic": an audience of no other country
        if any(t.lower_ in self.book.cue("indefinite") and t.dep_ == "dobj" and t.head.i == frame.trigger.i
               for t in frame.targets):  # "warned that anyone who…", "denied firing anything" still aim at someone
            return []  # "they have sanctioned everything": no one in particular
        near = frame.targets + [c for t in frame.targets for c in syntax.children(t, "nmod", "compound")]
        said = [t for t in frame.complement.subtree if t.dep_ in syntax.SUBJECTS] if frame.complement is not None else []
        acts = [t for t in near + syntax.preps(frame.trigger).get("for", []) + said + self._provoker(frame.trigger)
                if self._is_act(t)]
        if acts:
            agent = self._act_agent(acts[0], sources)
            if agent is not None:
                return [agent]
            referent = self._referent(acts[0], sources)
            if referent is not None:
                return self._agents(referent, acts[0])
        unresolved_object = any(t.dep_ == "dobj" and t.head.i == frame.trigger.i and t.pos_ != "PRON"
                                for t in frame.targets) and not acts
        if frame.target_slot == "context" or "context" in frame.rule.target \
                or (frame.rule.speech == "act" and not unresolved_object) \
                or (self.book.cameo[frame.rule.code].quad == 4 and not self._named_targets_only(frame.rule)):
            if frame.rule.claims:
                return []
            if sources and frame.rule.code[:2] in VIOLENT_ROOTS and unresolved_object:  # "after hitting a radar site"
                earlier = self._last_victim(sources, frame.trigger.idx)
                if earlier is not None:
                    return [earlier]
            if sources:  # never one of the coordinated subjects ("Chile and Peru condemned the move")
                other = self.placer.memory.last_other(sources[0].country, frame.trigger.i, {s.country for s in sources})
                return [other] if other is not None else []
        return []

    def _last_victim(self, sources: list[Actor], before: int) -> Actor | None:
        """Whom the same attacker last struck in the article: the likeliest owner of an unnamed site it hits,
        rather than the latest foreign actor named (often a third party speaking about the fighting)."""
        own = {s.country for s in sources}
        for event in reversed(self.events + [e for e in self.current if e.trigger.start < before]):
            if event.root in VIOLENT_ROOTS and event.modality in HAPPENED and event.source.country in own \
                    and event.target.country not in own | {"---"}:
                return event.target
        return None

    def _named_targets_only(self, rule) -> bool:
        """A non-violent rule whose target slots leave out the context: with no target named, no one is aimed at
        ("briefly closed their airspace" is a precaution, not a ban on the latest country named)."""
        return bool(rule.target) and "context" not in rule.target and rule.code[:2] not in VIOLENT_ROOTS

    def _addressee(self, tok) -> bool:
        """An object asked to do something ("urged members to act") that is no state role ("asked the government
        to…" may mean a foreign one)."""
        head = tok.head
        return tok.dep_ == "dobj" and tok.pos_ in ("NOUN", "PROPN") and syntax.is_verb(head) \
            and syntax.lemma(tok) not in self.book.cue("role_references") \
            and any(c.dep_ == "xcomp" and c.i > tok.i for c in head.children)

    @staticmethod
    def _provoker(noun) -> list:
        """"the raid drew a rebuke from X", "an attack that drew condemnation": what a speech-act noun answers."""
        if noun.dep_ != "dobj":
            return []
        verb = noun.head
        subjects = syntax.subjects(verb)
        if verb.dep_ == "relcl" and subjects and subjects[0].tag_ in ("WDT", "WP"):
            return [verb.head]
        return subjects

    def _is_act(self, tok) -> bool:
        """An event noun standing for an act told before ("the shoot-down", "the raids", "the move")."""
        if tok.pos_ not in ("NOUN", "PROPN"):
            return False
        if syntax.lemma(tok) in self.book.cue("anaphoric_acts") or _hyphenated(tok) in self.book.cue("anaphoric_acts"):
            return True  # "the shoot-down" comes parsed as "shoot" + "down"
        if tok.tag_ == "NN" and tok.lower_.endswith("ing") and tok.i > 0 and tok.nbor(-1).lower_ in ("the", "this", "that"):
            return True  # "denounced the filling", "the sentencing": a verb's act named as a noun
        rule = self.finder.match(tok)
        return rule is not None and rule.pos == "noun" and rule.speech is None

    def _criticised_agents(self, frame: Frame, sources: list[Actor]) -> list[Actor]:
        """"condemned the Israeli incursion", "denounced the raids": a speech act about an act is aimed at its
        agent (named on the noun, else the source of the latest act of that kind), not at the place hit."""
        slot, toks = frame.options[0] if frame.options else ("", [])
        if slot not in ("dobj", "prep:for", "prep:over", "prep:against", "prep:about"):
            return []
        acts = [t for t in toks if self._is_act(t)]
        if not acts:
            return []
        agent = self._act_agent(acts[0], sources)
        told = self._told(acts[0])
        if agent is not None or not told or syntax.preps(acts[0]).get("by"):
            return [agent] if agent is not None else []  # an agent named but not placed is none of the earlier acts'
        rule = self.finder.match(acts[0])
        same_kind = rule is not None and any(e.root == rule.code[:2] for e in told)
        if same_kind or syntax.lemma(acts[0]) in self.book.cue("anaphoric_acts"):
            referent = self._referent(acts[0], sources)
            if referent is not None and referent.source.country not in {s.country for s in sources} | {"---"}:
                return [a for a in self._agents(referent, acts[0]) if a.country not in {s.country for s in sources}]
        return []

    def _agents(self, referent: Event, noun) -> list[Actor]:
        """"American and British jets struck…; the group vowed the attack would not go unpunished": every
        source coded for the act referred to, one actor per country."""
        out: dict[str, Actor] = {}
        for event in self._told(noun):
            if event.trigger == referent.trigger and event.root == referent.root:
                out.setdefault(event.source.country, event.source)
        return list(out.values()) or [referent.source]

    def _act_agent(self, noun, sources: list[Actor]) -> Actor | None:
        """The agent an act noun names itself: "the raid by X", "X's decision", "the Israeli incursion"."""
        agents = syntax.preps(noun).get("by", []) + syntax.children(noun, "poss") + \
            [m for m in syntax.children(noun, "amod") if m.pos_ == "ADJ" and m.ent_type_ == "NORP"]
        speakers = {a.country for a in sources}
        for tok, actor in self.placer.resolve_all(agents):
            if actor.country == "---":  # "condemned the shelling by Rwandan-backed rebels": the blame goes to the patron
                actor = self.placer.patron(tok) or actor
            if actor.country not in speakers | {"---"}:
                return actor
        return None

    def _told(self, noun) -> list[Event]:
        """The events an anaphoric noun can refer to: earlier sentences', and this sentence's told before it."""
        return self.events + [e for e in self.current if e.trigger.start < noun.idx and e.modality in HAPPENED]

    def _referent(self, noun, sources: list[Actor]) -> Event | None:
        """The event "the attack" / "the move" refers to: the main event of the latest sentence with one
        of the same kind (any kind for a generic "move"), not the speaker's own."""
        rule = self.finder.match(noun)
        candidates = [e for e in self._told(noun) if not sources or e.source.country != sources[0].country]
        if rule is not None:
            same = [e for e in candidates if e.root == rule.code[:2]]
            candidates = same or candidates
        if not candidates:
            return None
        last_sentence = candidates[-1].sentence
        return next(e for e in candidates if e.sentence == last_sentence)

    def _intent(self, frame: Frame, reading: Reading, sent: SpacySpan) -> list[Event]:
        """A future clause under the speaker's own saying: the speaker's intent (03) or threat (13)."""
        head = reading.intent_head
        speakers = [a for _, a in self.placer.resolve_all(syntax.subjects(head) or self.finder._inherited_subjects(head))]
        if not speakers:
            return []
        bare = frame.trigger.dep_ == "xcomp" or not any(c.dep_ in syntax.SUBJECTS for c in frame.trigger.children)
        own = (not frame.sources and bare and not syntax.is_passive(frame.trigger)) or \
            any(t.lower_ in PRONOUN_SUBJECTS for t in frame.sources)
        if not own:
            countries = {a.country for _, a in self.placer.resolve_all(frame.sources)}
            own = bool(countries) and countries <= {s.country for s in speakers}
        if not own or self._plan_or_capacity(frame):
            return []
        outer = self.coder.modality.read(head, head, self.when)
        if outer.modality not in HAPPENED:
            return []
        code = frame.rule.code if frame.rule.intent else self.book.intent_code(frame.rule.code)
        if self.book.cameo[code].quad <= 2 and any(c.dep_ == "neg" for c in frame.trigger.children):
            return []  # "said its envoys would not discuss X": no pledge to cooperate (a refusal, not coded here)
        if frame.rule.speech == "act" and frame.trigger.dep_ == "xcomp" \
                and syntax.lemma(frame.trigger.head) in self.book.cue("performative_wishes"):
            code = frame.rule.code  # "wanted to thank Iran": thanking is done in the saying
        targets = [a for _, a in self.placer.resolve_all(frame.targets)]
        acts = [o for objs in syntax.preps(frame.trigger).values() for o in objs
                if syntax.lemma(o) in self.book.cue("anaphoric_acts")]
        if not targets and acts:  # "would respond to the attack": whoever attacked
            referent = self._referent(acts[0], speakers)
            targets = self._agents(referent, acts[0]) if referent is not None else []
        if not targets:
            other = self.placer.memory.last_other(speakers[0].country, frame.trigger.i, {s.country for s in speakers})
            targets = [other] if other is not None else []
        reading = Reading(outer.modality, f"the speaker's own stated intent under '{head.text}'", head)
        return [self._event(frame, reading, s, t, code, sent, self._confidence(frame) - 0.1)
                for s in speakers for t in targets if s.country != t.country]

    def _plan_or_capacity(self, frame: Frame) -> bool:
        """"had been due to meet X", "the group's ability to launch attacks": an infinitive under a plan adjective
        or a noun of plan or capability is no stated intent ("ready to", "reserved the right to respond" are)."""
        anchor = frame.anchor
        if anchor.dep_ not in ("xcomp", "acl"):
            return False
        governor = anchor.head
        if governor.pos_ == "NOUN":
            return syntax.lemma(governor) in self.book.cue("plans_and_capacities")
        return governor.pos_ == "ADJ" and syntax.lemma(governor) not in self.book.cue("intent_heads")

    def _claim(self, frame, reading, sources, targets, code, sent) -> list[Event]:
        """Claiming or admitting an act: 015, and the claimed agentless attacks get the claimant as source."""
        if not sources or reading.modality not in HAPPENED:
            return []
        if not frame.rule.claims and not self._admits_own_act(frame, sources):
            return []
        out = []
        recent = frame.trigger.i - 120  # an attack told a sentence or two before its claim
        claimed = [e for e in self.pending if frame.rule.claims and e.trigger.start >= frame.trigger.doc[max(recent, 0)].idx]
        for event in claimed:
            if event in self.events:
                self.events.remove(event)
            claimed_event = replace(event, source=sources[0], modality="reported", pattern=event.pattern + "+claim")
            if self._is_noun(event):
                self.noun_events[id(claimed_event)] = claimed_event
            out.append(claimed_event)
        self.pending = [e for e in self.pending if e not in claimed]
        victims = [e.target for e in out] or targets or self._content_targets(frame)
        if not victims:
            other = self.placer.memory.last_other(sources[0].country, frame.trigger.i)
            victims = [other] if other is not None else []
        seen = set()
        for victim in victims:
            if victim.country in seen or (victim.country == sources[0].country
                                          and not (victim.sector != sources[0].sector and "REB" in (victim.sector, sources[0].sector))):
                continue  # an armed group may claim an attack on its own country's forces
            seen.add(victim.country)
            out.append(self._event(frame, reading, sources[0], victim, code, sent, self._confidence(frame)))
        return out

    def _admits_own_act(self, frame: Frame, sources: list[Actor]) -> bool:
        """"admitted that its forces had shot down the airliner" owns an act; "admitted that the group had
        suffered a blow" or "acknowledged a fire" owns none."""
        if frame.complement is None:
            return False
        speakers = {s.country for s in sources}
        for tok in frame.complement.subtree:
            rule = self.finder.match(tok)
            if rule is None or rule.speech is not None:
                continue
            inner = self.finder.frame(tok, rule)
            agents = {a.country for _, a in self.placer.resolve_all(inner.sources)}
            if agents & speakers:
                return True
        return False

    def _content_targets(self, frame: Frame) -> list[Actor]:
        if frame.complement is None:
            return []
        for tok in frame.complement.subtree:
            rule = self.finder.match(tok)
            if rule is not None and rule.speech is None:
                inner = self.finder.frame(tok, rule)
                found = [a for _, a in self.placer.resolve_all(inner.targets)]
                if found:
                    return found
        return []

    # -- the record -----------------------------------------------------------------------------
    def _event(self, frame: Frame, reading: Reading, source: Actor, target: Actor, code: str,
               sent: SpacySpan, confidence: float) -> Event:
        info = self.book.cameo[code]
        when, precision = dates.event_date(frame.anchor, frame.trigger, self.when)
        trig = frame.trigger
        event = Event(
            source=source, target=target, code=code, root=code[:2], quad=info.quad, goldstein=info.goldstein,
            modality=reading.modality, confidence=max(0.05, min(0.95, confidence)), date=when,
            trigger=Span(trig.idx, trig.idx + len(trig.text), trig.text),
            sentence=Span(sent.start_char, sent.end_char, sent.text), date_precision=precision,
            place=self._place(frame), pattern=frame.rule.id,
        )
        if frame.rule.pos == "noun":
            self.noun_events[id(event)] = event
        return event

    def _place(self, frame: Frame) -> str | None:
        for tok in (frame.anchor, frame.trigger):
            for word, objs in syntax.preps(tok).items():
                if word in ("in", "at", "near", "outside"):
                    for obj in objs:
                        text = syntax.phrase(obj).text
                        if self.placer.actors.place(text):
                            return text
        return None

    def _confidence(self, frame: Frame) -> float:
        score = 0.55 + 0.08 * frame.rule.specificity
        if frame.target_slot in ("context", ""):
            score -= 0.2
        if frame.rule.pos == "noun":
            score -= 0.05
        return score


def _rival_at_home(sources: list[Actor], owner: Actor) -> bool:
    """"The rebels rejected the government's demand": an act of a rival party of the speaker's own country (one side
    armed or in opposition) is aimed at that party, not at the speaker's country as a whole."""
    return bool(sources) and owner.country == sources[0].country != "---" and owner.sector != sources[0].sector \
        and bool({owner.sector, sources[0].sector} & {"REB", "OPP"})
