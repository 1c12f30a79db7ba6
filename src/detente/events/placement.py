"""Who an argument is: noun phrases → actors through the ActorBook, with the article's memory.

The ActorBook knows names; this module knows syntax and discourse: an instrument ("Iranian
missiles") stands for whoever fired it, a possessor owns what was hit ("Iran's nuclear sites"),
a place-only target is the country of the place, and pronouns or role words ("he", "the group")
are the last compatible actor named earlier in the article.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Token

from ..records import Actor
from . import syntax
from .patterns import PatternBook

PERSON_HEADS = frozenset("leader president minister chief premier chancellor king emir general commander spokesman "
                         "spokeswoman envoy ambassador secretary official ayatollah".split())
QUANTITIES = frozenset("hundred thousand dozen million some many most all score ten tens several".split())
STATE_SECTORS = ("GOV", "MIL", "COP", "JUD", "LEG")
PLACE_PREPS = ("in", "at", "near", "across", "inside", "outside", "around", "along", "off", "on")


@dataclass
class Memory:
    """Actors named so far in one article, newest last, for pronouns and role references."""

    actors: list[tuple[int, Actor, str]] = field(default_factory=list)  # (token index, actor, head lemma)

    def remember(self, actor: Actor, head: str, index: int) -> None:
        if actor.country != "---":
            self.actors.append((index, actor, head))

    def recall(self, word: str, book: PatternBook, before: int, exclude: str | None = None) -> Actor | None:
        word = word.lower()
        persons = book.cue("person")
        for index, actor, head in reversed(self.actors):
            if index >= before or actor.country == exclude:
                continue
            if word in persons:
                if actor.kind in ("person", "office") or head in PERSON_HEADS:
                    return actor
                continue
            if word in book.cue("thing") or word in book.cue("plural"):
                if actor.kind not in ("person", "office"):
                    return actor
                continue
            if word == head or (actor.role and word in actor.role.lower().split()) or _kind_fits(word, actor):
                return actor
        return None

    def last_other(self, country: str, before: int, also: set[str] = frozenset()) -> Actor | None:
        """The latest actor of another country: the counterpart of an act with no stated target."""
        skip = {country, "---"} | set(also)
        for index, actor, _ in reversed(self.actors):
            if index < before and actor.country not in skip:
                return actor
        for index, actor, _ in self.actors:  # none before: the first one named after, in the same sentence
            if before <= index < before + 40 and actor.country not in skip:
                return actor
        return None

    def last_country(self, before: int) -> str | None:
        """The country of the latest actor named: where an unnamed "police" or "parliament" belongs."""
        for index, actor, _ in reversed(self.actors):
            if index < before:
                return actor.country
        return None


def _kind_fits(word: str, actor: Actor) -> bool:
    groups = {"group", "militia", "movement", "rebels", "militants", "organisation", "organization"}
    states = {"country", "government", "regime", "state", "kingdom", "republic", "administration", "authorities"}
    if word in groups:
        return actor.kind == "group" or actor.sector == "REB"
    if word in states:
        return actor.kind in ("country", "body") and actor.sector in ("", "GOV")
    if word == "junta":  # a military government: the state or its armed forces
        return actor.kind in ("country", "body") and actor.sector in ("", "GOV", "MIL")
    if word in {"army", "military"}:
        return actor.sector == "MIL"
    if word in {"alliance", "bloc"}:
        return actor.kind == "igo"
    return False


class Placer:
    """Resolves argument tokens of one article to actors."""

    def __init__(self, actors, book: PatternBook, when: date | None):
        self.actors = actors
        self.book = book
        self.when = when
        self.memory = Memory()

    def resolve(self, tok: Token, depth: int = 0, exclude: str | None = None) -> Actor | None:
        """The actor a noun-phrase head stands for, or None. ``exclude``: a pronoun is not this country."""
        if depth > 3 or syntax.is_dateline(tok):
            return None
        word = tok.lower_
        if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$", "WP", "WDT"):
            if tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl":
                return self.resolve(tok.head.head, depth + 1)
            main = self._main_subject(tok)
            if main is not None and main.country != exclude:
                return main
            return self.memory.recall(word, self.book, tok.i, exclude)
        if syntax.lemma(tok) in QUANTITIES or tok.pos_ == "NUM":  # "hundreds of protesters"
            of = syntax.preps(tok).get("of")
            if of:
                return self.resolve(of[0], depth + 1, exclude)
        hosted = self._hosted(tok, depth)
        if hosted is not None:
            return hosted
        lem = syntax.lemma(tok)
        if self._instrument(tok):  # "Iranian missiles", "ships linked to Israel"
            return self._through_modifiers(tok, depth) or self._linked(tok, depth)
        span = syntax.phrase(tok)
        actor = self._whole_name(tok, span) or self.actors.resolve_span(span, self.when)
        if actor is not None and actor.kind == "place":
            actor = replace(actor, sector=self._sector(tok, ""))
        if actor is None:
            actor = self._through_modifiers(tok, depth, exclude)
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)
        if (actor is None or actor.country == "---") and definite and lem in self.book.cue("role_references"):
            actor = self.memory.recall(lem, self.book, tok.i, exclude) or actor
        if actor is not None and actor.country == "---":  # "its chief": the possessor's country
            for poss in syntax.children(tok, "poss"):
                owner = self.resolve(poss, depth + 1, exclude)
                if owner is not None:
                    actor = replace(actor, country=owner.country)
        for appos in syntax.children(tok, "appos"):  # "the Galaxy Leader, a car carrier operated by a Japanese firm"
            named_vessel = tok.pos_ == "PROPN" and syntax.lemma(appos) in self.book.word_list("vessels")
            if actor is None or actor.country == "---" or named_vessel:  # a ship's name is no owner ("the Sea Lisbon")
                actor = self.resolve(appos, depth + 1, exclude) or actor
        if actor is None or actor.country == "---":
            actor = self._placed(tok, depth) or actor
        if actor is not None and actor.country == "---" and actor.kind == "role" and definite and actor.sector in STATE_SECTORS:
            home = self.memory.last_country(tok.i)  # "the ELN rejected the government's demand": the state of the story
            actor = replace(actor, country=home) if home is not None else actor
        if actor is not None and not actor.sector:
            actor = replace(actor, sector=self._sector(tok, actor.sector))
        return actor

    def _whole_name(self, tok: Token, span) -> Actor | None:
        """A name the parse splits across a preposition ("the International Court of Justice", "Santiago de Cuba"):
        the whole named entity around the head, when it reaches past the phrase and the book knows it."""
        if not tok.ent_type_:
            return None
        doc, start, end = tok.doc, tok.i, tok.i + 1
        while doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if span.start <= start and end <= span.end:
            return None  # the phrase already holds the whole name
        actor = self.actors.resolve(doc[start:end].text, self.when)
        return actor if actor is not None and actor.country != "---" else None

    def _instrument(self, tok: Token) -> bool:
        """A weapon or attack noun: it acts for whoever its modifiers name, and alone names no agent."""
        return bool(syntax.noun_forms(tok) & self.book.cue("instruments"))

    def _hosted(self, tok: Token, depth: int) -> Actor | None:
        """"bases in Iraq that house American forces", "an Iraqi base hosting US troops": a site named by whose
        forces or people it holds stands for them, since an attack's target is whose forces are hit."""
        for clause in syntax.children(tok, "relcl", "acl") + self._trailing_clauses(tok):
            if syntax.lemma(clause) not in self.book.word_list("hosting_verbs") or syntax.is_passive(clause):
                continue
            for obj in syntax.children(clause, "dobj"):
                actor = self.resolve(obj, depth + 1)
                if actor is not None and actor.country != "---" and actor.kind != "place":
                    return replace(actor, sector=actor.sector or self._sector(obj, ""))
        return None

    @staticmethod
    def _trailing_clauses(tok: Token) -> list[Token]:
        """Relative clauses right after the phrase of ``tok`` that the parser hung on an earlier noun ("a volley
        of missiles at two bases in Iraq that house US troops": "that house" goes on "volley"); they describe
        the nearest noun, the site."""
        after = tok.right_edge.i + 1
        doc = tok.doc
        while after < len(doc) and doc[after].text == ",":
            after += 1
        return [t for t in doc[after:tok.sent.end] if t.dep_ in ("relcl", "acl") and t.left_edge.i == after
                and t.head.i < tok.i and t.head.pos_ in ("NOUN", "PROPN")]

    def _main_subject(self, pronoun: Token) -> Actor | None:
        """"it"/"its"/"they" mostly mean the subject of their sentence, when it comes first and fits."""
        word = pronoun.lower_
        if word in self.book.cue("person"):
            return None
        for _, head in syntax.climb(pronoun):
            if not syntax.is_verb(head):
                continue
            for subj in syntax.subjects(head):
                if subj.i < pronoun.i and subj.pos_ != "PRON":
                    actor = self.resolve_named(subj)
                    if actor is None or actor.country == "---":  # "the group's spokesman said its forces…"
                        owners = syntax.children(subj, "poss")
                        actor = self.resolve(owners[0], 2) if owners and owners[0].pos_ != "PRON" else actor
                    if actor is not None and actor.kind not in ("person", "office") and actor.country != "---":
                        return actor  # a bare role ("the government") does not say whom "it" means
        return None

    def resolve_named(self, tok: Token) -> Actor | None:
        """An actor the phrase itself names (no pronoun or role look-up): what the memory keeps."""
        if tok.pos_ == "PRON" or self._instrument(tok):
            return None
        span = syntax.phrase(tok)
        actor = self._whole_name(tok, span) or self.actors.resolve_span(span, self.when)
        if actor is None or actor.kind == "place":
            return None
        return actor

    def resolve_instrument(self, tok: Token) -> Actor | None:
        """Whoever an instrument named with its owner belongs to ("Ukrainian drones" → Ukraine)."""
        if not self._instrument(tok):
            return None
        return self._through_modifiers(tok, 0)

    def resolve_all(self, toks: list[Token], exclude: str | None = None) -> list[tuple[Token, Actor]]:
        out = []
        for tok in toks:
            slashed = self._slashed(tok)
            if slashed:
                out += slashed
                continue
            for part in self._split(tok):
                actor = self.resolve(part, exclude=exclude)
                if actor is not None and part.i != tok.i and not actor.sector:  # "Indian and Pakistani troops"
                    actor = replace(actor, sector=self._sector(tok, ""))
                if actor is not None:
                    out.append((part, actor))
        return out

    def _slashed(self, tok: Token) -> list[tuple[Token, Actor]]:
        """"Iraqi/U.S. bases": one actor per country written on either side of the slash."""
        for mod in [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod")]:
            if any(c.text == "/" for c in mod.children):
                names = [c for c in [mod, *mod.children] if c.dep_ in ("amod", "compound", "nmod") and c.text[:1].isupper()]
                actors = [(n, self.actors.resolve(n.text, self.when)) for n in names]
                actors = [(n, replace(a, sector=a.sector or self._sector(tok, ""))) for n, a in actors if a is not None]
                if len(actors) >= 2:
                    return actors
        return []

    def _split(self, tok: Token) -> list[Token]:
        """"the Russian and Ukrainian foreign ministers" names two actors: split coordinated modifiers."""
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and any(d.dep_ == "conj" for d in c.children)]
        if mods and (tok.pos_ == "NOUN" or mods[0].pos_ == "ADJ"):  # "Polish and Dutch F-35s" (a model name)
            return syntax.with_conjuncts(mods[0])  # "British, French and German counterparts"
        owners = syntax.preps(tok).get("of", []) or syntax.preps(tok).get("from", [])
        if tok.tag_ == "NNS" and owners and owners[0].pos_ == "PROPN" and syntax.children(owners[0], "conj"):
            return syntax.with_conjuncts(owners[0])  # "the army chiefs of India and Pakistan", "diplomats from X and Y"
        return self._coordinated_places(tok) or [tok]

    def _coordinated_places(self, tok: Token) -> list[Token]:
        """"bases in Iraq and Syria": a thing named only by places in two countries stands for each of them."""
        if tok.pos_ != "NOUN":
            return []
        own = self.actors.resolve_span(syntax.phrase(tok), self.when)
        if own is not None and own.kind != "place" and own.country != "---":
            return []  # "Iranian bases in Iraq and Syria" are Iran's
        for word, objs in syntax.preps(tok).items():
            if word in PLACE_PREPS and objs and syntax.children(objs[0], "conj"):
                parts = syntax.with_conjuncts(objs[0])
                countries = [self.actors.place(syntax.phrase(p).text) for p in parts]
                if None not in countries and len(set(countries)) >= 2:
                    return parts
        return []

    def _through_modifiers(self, tok: Token, depth: int, exclude: str | None = None) -> Actor | None:
        """An instrument or an unknown noun: its possessor, national adjective, "by X" or "of X"."""
        for mod in syntax.modifiers(tok):
            if mod.dep_ == "npadvmod" and mod.head.tag_ == "VBN":
                continue  # "Iran-backed militias", "Russian-made drones": a patron or maker, not the actor
            if mod.dep_ == "poss" or mod.pos_ in ("PROPN", "ADJ", "NOUN"):
                actor = self.actors.resolve(self._name(mod), self.when) if mod.dep_ != "poss" \
                    else self.resolve(mod, depth + 1, exclude)
                if actor is not None and actor.kind != "place" and actor.country != "---":
                    return replace(actor, sector=actor.sector or self._sector(tok, ""))
        for c in tok.children:
            if c.dep_ == "acl" and syntax.is_passive(c):  # "missiles fired by the Houthis"
                for agent in syntax.children(c, "agent"):
                    for pobj in syntax.children(agent, "pobj"):
                        return self.resolve(pobj, depth + 1)
        return None

    def patron(self, tok: Token) -> Actor | None:
        """The country named as backer of an unnamed group ("Rwandan-backed rebels" → Rwanda): no actor of the
        group's own deeds, but whom a speech act about them may be aimed at."""
        for mod in syntax.modifiers(tok):
            if mod.dep_ == "npadvmod" and mod.head.tag_ == "VBN":
                actor = self.actors.resolve(self._name(mod), self.when)
                if actor is not None and actor.country != "---":
                    return actor
        return None

    @staticmethod
    def _name(mod: Token) -> str:
        """A modifier with the compound words before it: "Cook Islands" in "a Cook Islands-flagged tanker"."""
        words = [c for c in mod.children if c.dep_ == "compound" and c.i < mod.i] + [mod]
        return " ".join(w.text for w in words)

    def _placed(self, tok: Token, depth: int) -> Actor | None:
        """A target named only by a place ("targets in Gaza", "Tel Aviv", "members of the group")."""
        actor = self._linked(tok, depth)
        if actor is not None:
            return actor
        for word, objs in syntax.preps(tok).items():
            if (word == "of" or (word == "from" and tok.tag_ == "NNS")) and objs:  # "diplomats from Chile"
                actor = self.resolve(objs[0], depth + 1)
                if actor is not None:
                    return actor
            if word in PLACE_PREPS:
                for obj in objs:
                    country = self.actors.place(syntax.phrase(obj).text)
                    if country:
                        return Actor(country, self._sector(tok, ""), syntax.phrase(tok).text, kind="place")
        country = self.actors.place(syntax.phrase(tok).text)
        if country:
            return Actor(country, self._sector(tok, ""), syntax.phrase(tok).text, kind="place")
        return None

    def _linked(self, tok: Token, depth: int) -> Actor | None:
        """Whom a participle or adjective ties the noun to: "ships linked to Israel", "a carrier operated by a Japanese
        firm", "fighters loyal to the general";
        a vessel by what it carries: "a tanker loaded with Venezuelan crude", "a boat carrying gang members"."""
        for adj in syntax.children(tok, "amod"):  # "forces loyal to the prime minister": whose forces they are
            if adj.i > tok.i and syntax.lemma(adj) in self.book.word_list("allegiance"):
                for obj in syntax.preps(adj).get("to", []) + syntax.preps(adj).get("with", []):
                    actor = self.resolve(obj, depth + 1)
                    if actor is not None and actor.country != "---":
                        sector = actor.sector if actor.sector == "REB" else self._sector(tok, "") or actor.sector
                        return replace(actor, sector=sector, kind="group")
        for acl in syntax.children(tok, "acl"):
            if syntax.lemma(acl) in self.book.word_list("carrying_verbs"):
                cargo = syntax.children(acl, "dobj") + syntax.preps(acl).get("with", [])
                actor = self.resolve(cargo[0], depth + 1) if cargo else None
                if actor is not None and actor.country != "---" and actor.kind != "place":
                    return actor
                continue
            for word, objs in syntax.preps(acl).items():
                if word in ("to", "by", "for") and objs:
                    actor = self.resolve(objs[0], depth + 1)
                    if actor is not None:
                        return actor
        return None

    def _sector(self, tok: Token, default: str) -> str:
        lem = syntax.lemma(tok)
        for sector in ("MIL", "COP", "CVL", "GOV", "BUS"):
            if lem in self.book.word_list(f"sector:{sector}"):
                return sector
        return default
