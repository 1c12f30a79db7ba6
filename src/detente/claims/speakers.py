"""Typing a speaker noun phrase as one of the six kinds of the claims guidelines.

Kinds: named_person, named_org, official, outlet, anonymous, author. The forecasts
reader types its forecasters with the same function, so both ledgers agree:

    type_speaker(span, book=None, when=None, memory=None) -> records.Speaker

Order of the tests (the first that fires wins), after the conventions of
../shared/eval/README.md: first person → author; pronoun → its antecedent (``memory``);
outlet (name or head noun such as "state television"); a named person (spaCy PERSON
or the actor book) at the head; unnamed people ("officials", "a source") → anonymous;
a title alone → official (indefinite or plural → anonymous); government bodies,
countries and capitals → official; organisations → named_org. The actor book, when
the actors stage is installed, is asked before the spaCy-label fallbacks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..nlp import doc_text
from ..records import Actor, Span, Speaker
from .lexicon import word_lists

PRONOUNS = {"he", "she", "it", "they", "him", "her", "them"}
NAME_PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "da", "van", "von", "der", "abu"}  # lower-case parts of names
INDEFINITE = {"a", "an", "one", "another", "some", "several", "two", "three", "four", "many", "other", "few"}
CORE_DEPS = {"det", "amod", "compound", "poss", "case", "nummod", "nmod", "punct", "quantmod", "advmod"}
BOOK_KINDS = {"person": "named_person", "body": "official", "country": "official", "capital": "official",
              "role": "official", "office": "official", "group": "named_org", "igo": "named_org", "outlet": "outlet"}


def _has(words: set[str], text: str) -> bool:
    """Whether one of ``words`` occurs in ``text`` as whole words."""
    return any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text) for w in words)


@dataclass
class Remembered:
    kind: str
    head: str
    plural: bool
    person: bool
    actor: Actor | None = None
    titles: frozenset[str] = frozenset()  # "spokesman" of "Dmitry Peskov, the Kremlin spokesman": "the spokesman" later


@dataclass
class SpeakerMemory:
    """The speakers (and subject persons) seen so far in one text, newest last, for pronouns."""

    seen: list[Remembered] = field(default_factory=list)

    def note(self, kind: str, head: Token, person: bool, actor: Actor | None = None, text: str = "") -> None:
        """Remember a speaker; ``actor`` (or a stand-in named by ``text``) is what pronouns will refer to."""
        plural = head.tag_ in ("NNS", "NNPS") or head.lower_ in ("they", "them")
        if actor is None and text and head.pos_ != "PRON":
            actor = Actor("---", text=text, name=text, kind=None)
        near = [c for c in head.children if c.dep_ in ("appos", "compound")] + ([head.head] if head.dep_ == "appos" else [])
        text = doc_text(head.doc)
        titles = {t.lemma_.lower() for t in near if t.pos_ == "NOUN"
                  and "\n" not in text[min(t.idx, head.idx):max(t.idx, head.idx)]}  # not across a paragraph
        self.seen.append(Remembered(kind, head.lemma_.lower(), plural, person, actor, frozenset(titles)))

    def pronoun(self, word: str) -> Remembered | None:
        word = word.lower()
        for item in reversed(self.seen):
            if word in ("he", "she", "him", "her") and item.person and not item.plural:
                return item
            if word == "it" and not item.person and not item.plural:
                return item
            if word in ("they", "them") and (item.plural or item.kind in ("named_org", "official")):
                return item
        return None

    def description(self, head: Token) -> Remembered | None:
        """The earlier speaker that "the official", "the diplomat" refers back to."""
        for item in reversed(self.seen):
            if item.head == head.lemma_.lower() or head.lemma_.lower() in item.titles:
                return item
        return None


class Phrase:
    """A speaker phrase with its head, its core tokens and their lower-case text."""

    def __init__(self, span: SpacySpan, core: list[Token]) -> None:
        self.span = span
        self.head = span.root
        self.core = core
        self.words = [t.lower_ for t in core]
        self.text = " ".join(self.words)
        self.own = " ".join(t.lower_ for t in core
                            if t.dep_ not in ("det", "appos") and not _under(t, self.head, "appos"))


class SpeakerTyper:
    """The word lists that decide kinds; load once with ``SpeakerTyper.load(extra_dirs)``."""

    def __init__(self, words: dict[str, set[str]], outlets: dict[str, set[str]]) -> None:
        self.words = words
        self.outlets = outlets
        self.people = words["titles"] | words["anonymous_nouns"]

    @classmethod
    def load(cls, extra_dirs: Iterable[str | Path] = ()) -> "SpeakerTyper":
        words = word_lists("speakers", ("official_bodies", "titles", "anonymous_nouns", "org_names", "org_nouns", "org_modifiers", "org_name_words",
                                        "org_name_links", "documents", "non_speakers", "people_modifiers"), extra_dirs)
        outlets = word_lists("outlets", ("names", "nouns", "news_markers", "staff"), extra_dirs)
        return cls(words, outlets)

    # -- the phrase ---------------------------------------------------------------------------
    @staticmethod
    def core(span: SpacySpan) -> list[Token]:
        """The head with its premodifiers and appositions: what names the speaker (not "in Tehran")."""
        head = span.root
        tokens = [head]
        for child in head.children:
            if child.i < head.i and child.dep_ in CORE_DEPS or child.dep_ in ("compound", "nummod"):
                tokens.extend(child.subtree)
            elif child.dep_ == "appos" and not _names_a_modifier(child):
                tokens.extend(t for t in child.subtree if t.dep_ != "relcl" and not _under(t, child, "relcl", "prep"))
        return sorted({t.i: t for t in tokens if span.start <= t.i < span.end}.values(), key=lambda t: t.i)

    def _looks_like_name(self, token: Token) -> bool:
        """Two or three capitalised words with no organisation word in them: a person's name."""
        words = [t for t in token.subtree if t.i <= token.i and t.text not in ("-", "‐")]  # "Al-Fateh Qurashi"
        return 2 <= len(words) <= 5 and all(w.text[:1].isupper() and not w.text.isupper() or w.lower_ in NAME_PARTICLES
                                            for w in words) \
            and words[-1].text[:1].isupper() and not any(w.lower_ in self.words["org_name_words"] for w in words)

    def is_person(self, kind: str, head: Token) -> bool:
        """Whether "he"/"she" can refer back to this speaker: a named person, an unnamed person, an office-holder."""
        if head.pos_ == "PRON":
            return head.lower_ in ("he", "she")
        people = self.words["anonymous_nouns"] | self.words["titles"]
        word = head.lemma_.lower() if head.lemma_.lower() in people else head.lower_
        if kind == "anonymous":
            return head.tag_ in ("NN", "NNP")  # "a source … he said"
        return kind == "named_person" or kind == "official" and word in people and head.tag_ in ("NN", "NNP")

    def is_speaker(self, span: SpacySpan) -> bool:
        """False for subjects that cannot speak ("reports", "figures", "there"); "opposition figures" are people."""
        head = span.root
        if head.lower_ not in self.words["non_speakers"]:
            return True
        return any(c.dep_ in ("compound", "amod") and c.lower_ in self.words["people_modifiers"] for c in head.children)

    # -- typing -------------------------------------------------------------------------------
    def type(self, span: SpacySpan, book: Any = None, when: date | None = None,
             memory: SpeakerMemory | None = None) -> Speaker:
        kind, actor = self.kind(span, book, when, memory)
        if kind == "named_person" and (actor is None or not actor.name):
            # the first name in the phrase is the speaker ("X, who briefed Y"); the book knows
            # that "Trump" and "President Donald Trump" are one person, so track records merge
            names = [e.text for e in span.ents if e.label_ == "PERSON"]
            name = names[0] if names else span.text
            known = book.resolve(name, when) if book is not None else None
            actor = known if known is not None and known.kind == "person" and known.name \
                else Actor("---", text=span.text, name=name, kind="person")
        where = Span(span.start_char, span.end_char, span.text)
        description = span.text if kind == "anonymous" and span.root.pos_ != "PRON" else None
        return Speaker(kind=kind, span=where, actor=actor, description=description)

    def kind(self, span: SpacySpan, book: Any = None, when: date | None = None,
             memory: SpeakerMemory | None = None) -> tuple[str, Actor | None]:
        """The kind of the speaker ``span`` names, and the actor the book resolves it to (when it does)."""
        phrase = Phrase(span, self.core(span))
        for test in (self._by_reference, self._by_name, self._by_apposition, self._by_head_word):
            found = test(phrase, book, when, memory)
            if found is not None:
                return found
        return self._by_label(phrase)

    def _by_reference(self, p: "Phrase", book, when, memory) -> tuple[str, Actor | None] | None:
        """The writer ("I"), a pronoun or "the official" (the speaker referred back to), a statement."""
        head = p.head
        if head.lower_ in ("i", "we", "me"):
            return "author", None
        if head.lower_ in PRONOUNS:
            found = memory.pronoun(head.lower_) if memory else None
            if found:
                return found.kind, found.actor
            return ("named_org" if head.lower_ == "it" else "anonymous"), None
        if head.lemma_.lower() in self.words["documents"] or head.lower_ in self.words["documents"]:
            return self._document(p.span, p.core, book, when, memory)
        if memory and p.words[:1] in (["the"], ["this"], ["that"]) and len(p.core) == 2:
            earlier = memory.description(head)
            if earlier:
                return earlier.kind, earlier.actor
        return None

    def _by_name(self, p: "Phrase", book, when, memory) -> tuple[str, Actor | None] | None:
        """Known organisations and outlets, then a person's name at the head ("spokesman Yahya Saree")."""
        head = p.head
        if p.own in self.words["org_names"] or head.pos_ == "PROPN" and head.lower_ in self.words["org_names"] \
                and (len(head.text) > 3 or head.text.isupper()):  # not the "Un" of "Kim Jong Un"
            return "named_org", None  # "Kataib Hezbollah": a known group's name as the head
        described = self._described(head)
        if described is not None:
            return described, None
        if self._staff_of_outlet(head, book):
            return "outlet", None
        if self._outlet(p.core, p.text, book):
            return "outlet", None
        place_or_group = self._book_names_head(book, p.core, head)
        if place_or_group is not None:
            return place_or_group, self._book(book, p.core, when)
        titled_name = head.pos_ == "PROPN" and head.ent_type_ not in ("ORG", "GPE", "NORP", "FAC") \
            and head.lower_ not in self.words["official_bodies"] and not self._title(head, p.core) \
            and any(c.dep_ == "compound" and (c.lemma_.lower() in self.people or c.lower_ in self.people)
                    for c in head.children)
        if self._named_person(p.span, p.core) or titled_name or self._name_after_title(head):
            return "named_person", None
        return None

    @staticmethod
    def _book_names_head(book: Any, core: list[Token], head: Token) -> str | None:
        """The kind of a country, capital, body, group or IGO the actor book finds at the head: the
        parser's PERSON label on "Baku" or on a front's long name is no person."""
        hit = _head_hit(book, core)
        if hit is None or hit.entry.kind not in ("country", "capital", "body", "group", "igo"):
            return None
        name = [t.text.lower() for t in head.subtree if t.i <= head.i and t.pos_ == "PROPN" and t.is_alpha]
        matched = {w.lower() for w in hit.words}
        if not name or any(w not in matched for w in name):
            return None  # "Mohammed Ali al-Houthi": the book knows only the end of a longer name
        return BOOK_KINDS[hit.entry.kind]

    def _name_after_title(self, head: Token) -> bool:
        """"Hamas official Bassem Naim": a title, then two or more capitalised words ending at the head, which
        is a person's name whatever entity label the parser gave it."""
        titles = [c for c in head.children if c.dep_ == "compound" and c.i < head.i
                  and (c.lemma_.lower() in self.people or c.lower_ in self.people)]
        if not titles:
            return False
        name = head.doc[titles[-1].i + 1:head.i + 1]
        return len(name) >= 2 and all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.text.isupper()
                                      and t.lower_ not in self.words["org_name_words"] for t in name)

    def _by_apposition(self, p: "Phrase", book, when, memory) -> tuple[str, Actor | None] | None:
        """"Maksim Orlov, a former analyst", "its ambassador, Dmitry Polyanskiy", "…, a professional union"."""
        head = p.head
        appositions = [t for t in p.core if t.dep_ == "appos" and t.head.i == head.i]
        if head.pos_ == "PROPN" and any(a.lemma_.lower() in self.people for a in appositions):
            return "named_person", None
        for appos in appositions:
            if head.lemma_.lower() in self.people and appos.pos_ == "PROPN" and self._looks_like_name(appos):
                return "named_person", None
            if appos.ent_type_ == "ORG" or appos.lemma_.lower() in self.words["org_nouns"] or self._org_name(appos):
                return "named_org", None
        return None

    def _org_name(self, token: Token) -> bool:
        """A capitalised name with an organisation word in it ("Aegean Star Maritime", "Delta Logistics")."""
        words = [t for t in token.subtree if t.i <= token.i]
        return token.pos_ == "PROPN" and any(w.lower_ in self.words["org_name_words"] and w.text[:1].isupper()
                                             for w in words)

    def _by_head_word(self, p: "Phrase", book, when, memory) -> tuple[str, Actor | None] | None:
        """Unnamed people, the actor book's groups and IGOs, titles, government bodies."""
        head, words = p.head, p.words
        if head.lower_ in self.words["anonymous_nouns"] or head.lemma_.lower() in self.words["anonymous_nouns"]:
            return "anonymous", None
        entry = _head_entry(book, p.core)
        if entry is not None and entry.kind in ("group", "igo", "outlet", "person"):
            return BOOK_KINDS[entry.kind], (None if entry.kind == "person" else self._book(book, p.core, when))
        if self._title(head, p.core):
            return ("anonymous" if self._unspecific(p.core, head) else "official"), None
        if _has(self.words["org_modifiers"], p.text):
            return "named_org", None
        bodies = self.words["official_bodies"]
        if head.lower_ in bodies or head.lemma_.lower() in bodies or " ".join(words[-2:]) in bodies:
            run_by = re.search(r"-\s?(?:run|controlled|led|held|appointed)\b", p.text)  # "the Hamas-run health ministry"
            if not run_by and (_has(self.words["org_names"], p.own) or _modifier_kinds(book, p.core) & {"igo", "group"}
                               or self._mission_name(p.span)):
                return "named_org", self._book(book, p.core, when)  # "the UN's rights office", "Hamas's military wing"
            return "official", self._book(book, p.core, when)
        if entry is not None and entry.kind in BOOK_KINDS and entry.kind not in ("role", "office"):
            return BOOK_KINDS[entry.kind], self._book(book, p.core, when)
        if _has(self.words["org_names"], p.text):
            return "named_org", None
        return None

    def _by_label(self, p: "Phrase") -> tuple[str, Actor | None]:
        """The fallback: spaCy's entity label and part of speech of the head."""
        head = p.head
        label = head.ent_type_
        if label == "GPE":
            return "official", None
        if label in ("ORG", "FAC") or head.lower_ in self.words["org_nouns"]:
            return "named_org", None
        if label == "NORP":
            return ("anonymous" if head.tag_ in ("NNS", "NNPS") and head.lower_.endswith("ans") else "named_org"), None
        plural = head.tag_ == "NNPS" or p.words[:1] == ["the"] and head.lower_.endswith("s") and not head.lower_.endswith("ss")
        if head.pos_ == "PROPN" and plural:
            return "anonymous", None  # "the Ayatollahs": an unnamed group of people
        if head.pos_ == "PROPN":
            return ("named_org" if head.text.isupper() else "named_person"), None
        return "anonymous", None

    # -- the tests ----------------------------------------------------------------------------
    def _described(self, head: Token) -> str | None:
        """A name after the noun that says what it is: "the ship-tracking firm Kpler" (named_org), "the
        independent outlet Efecto Cocuyo" (outlet)."""
        if head.pos_ != "PROPN":
            return None
        for child in head.children:
            if child.dep_ != "compound" or child.i > head.i or child.pos_ != "NOUN":
                continue
            if child.lemma_.lower() in self.words["org_nouns"]:
                return "named_org"
            if child.lemma_.lower() in self.outlets["nouns"] and child.lemma_.lower() not in ("agency", "news"):
                return "outlet"
        return None

    def _staff_of_outlet(self, head: Token, book: Any) -> bool:
        """"Reporters for the independent outlet X", "a correspondent for state television": they speak as
        the outlet."""
        if head.lower_ not in self.outlets["staff"] and head.lemma_.lower() not in self.outlets["staff"]:
            return False
        for prep in head.children:
            for obj in (g for g in prep.children if g.dep_ == "pobj"):
                if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "at", "from"):
                    core = self.core(obj.doc[obj.left_edge.i:obj.right_edge.i + 1])
                    named = obj.lemma_.lower() in self.outlets["nouns"] and obj.lemma_.lower() not in ("agency", "news")
                    if named or self._described(obj) == "outlet" or self._outlet(core, " ".join(t.lower_ for t in core), book):
                        return True
        return False

    def _outlet(self, core: list[Token], text: str, book: Any) -> bool:
        if book is not None and hasattr(book, "outlet"):
            try:
                if book.outlet(" ".join(t.text for t in core)):
                    return True
            except Exception:  # a book that cannot answer is no answer
                pass
        if _has(self.outlets["names"], text):
            return True
        heads = [core[-1]] if core else []
        heads += [t for t in core if t.dep_ == "appos"]
        for head in heads:
            if head.lower_ in self.outlets["nouns"] or head.lemma_.lower() in self.outlets["nouns"]:
                if head.lemma_.lower() in ("agency", "network", "channel") or head.lower_ == "agencies":
                    return _has(self.outlets["news_markers"], text)
                return True
        return False

    def _document(self, span, core, book, when, memory) -> tuple[str, Actor | None]:
        """A statement speaks for whoever issued it: its modifiers, or the last speaker."""
        modifiers = [t for t in core if t.i != span.root.i and t.dep_ in ("compound", "poss", "amod", "nmod")]
        issuers = [g for c in span.root.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")
                   for g in c.children if g.dep_ == "pobj"]
        if issuers:  # "a report by the UN human rights office"
            issuer = span.doc[issuers[0].left_edge.i:issuers[0].right_edge.i + 1]
            kind, actor = self.kind(issuer, book, when, memory)
            return ("official" if kind == "anonymous" else kind), actor
        if not modifiers:
            last = memory.seen[-1] if memory and memory.seen else None
            return (last.kind, last.actor) if last else ("official", None)
        sub = span.doc[min(t.i for t in modifiers):max(t.i for t in modifiers) + 1]
        kind, actor = self.kind(sub, book, when, None)
        return ("official" if kind == "anonymous" else kind), actor

    def _named_person(self, span: SpacySpan, core: list[Token]) -> bool:
        head = span.root
        appos = [t for t in core if t.dep_ == "appos"]
        for token in [head, *appos]:
            # "Secretary-General" tagged as a person by the parser is still a title, not a name
            if token.ent_type_ == "PERSON" and token.tag_ != "NNPS" and not self._title(token, core):
                return True
        return False

    def _mission_name(self, span: SpacySpan) -> bool:
        """A name that states a cause ("the Committee to Protect Journalists"): an NGO's, where a
        government body is "X's Committee" or "Ministry of Y"."""
        head = span.root
        after = [t for t in span if t.i > head.i]
        return head.pos_ == "PROPN" and len(after) >= 2 and after[0].lower_ in self.words["org_name_links"] \
            and after[1].text[:1].isupper()

    def _title(self, head: Token, core: list[Token]) -> bool:
        lemma = head.lemma_.lower()
        return lemma in self.words["titles"] or head.lower_ in self.words["titles"]

    @staticmethod
    def _unspecific(core: list[Token], head: Token) -> bool:
        plural = head.tag_ in ("NNS", "NNPS")
        first = core[0].lower_ if core else ""
        return plural or first in INDEFINITE

    @staticmethod
    def _book(book: Any, core: list[Token], when: date | None) -> Actor | None:
        if book is None:
            return None
        try:
            return book.resolve(" ".join(t.text for t in core), when)
        except Exception:  # the actors stage answering badly must not sink a claim
            return None


def _names_a_modifier(appos: Token) -> bool:
    """"A politician close to the speaker of parliament, Nabih Berri": a name in apposition right after an
    adjective or participle phrase of the head ("close to", "loyal to", "allied with") that ends in a noun
    names that noun, not the head. ("An adviser to the president, X" is X: a prepositional phrase.)"""
    head, start = appos.head, appos.left_edge.i
    before = appos.doc[start - 2] if start >= 2 and appos.doc[start - 1].text == "," else None
    if before is None or before.i <= head.i or before.pos_ != "NOUN":
        return False
    return any(c.dep_ in ("amod", "acl") and c.i > head.i and c.left_edge.i <= before.i <= c.right_edge.i
               for c in head.children)


def _under(token: Token, top: Token, *deps: str) -> bool:
    while token.i != top.i:
        if token.dep_ in deps:
            return True
        token = token.head
    return False


def _head_entry(book: Any, core: list[Token]) -> Any:
    """The actor-book entry of the phrase's head word ("Iran's Revolutionary Guards" → the Guards, a body).

    Only the head counts: "the Syrian Observatory" is no country, though "Syrian" is in the book.
    """
    hit = _head_hit(book, core)
    return hit.entry if hit is not None else None


def _head_hit(book: Any, core: list[Token]) -> Any:
    """The actor book's alias that ends at the phrase's last word (outside appositions), if any."""
    if book is None or not core or not hasattr(book, "scan"):
        return None
    try:
        hits = book.scan(_spelt(t for t in core if not _in_apposition(t, core)))
    except Exception:  # the actors stage answering badly must not sink a claim
        return None
    hits = [h for h in hits if h.words and h.words != ["'s"]]
    return hits[-1] if hits and hits[-1].entry is not None else None


def _in_apposition(token: Token, core: list[Token]) -> bool:
    """Whether ``token`` is an apposition of the phrase or lies inside one ("the Russian-installed governor")."""
    inside = {t.i for t in core}
    path = [token, *(a for a in token.ancestors if a.i in inside)]
    top = [t for t in path if t.head.i not in inside or t.head.i == t.i]
    return any(t.dep_ == "appos" for t in path if not top or t.i != top[0].i)


def _spelt(tokens: Iterable[Token]) -> str:
    """The tokens as the text spells them ("People's", not "People 's", so the book finds the alias),
    with a space where tokens were left out between them."""
    tokens = list(tokens)
    return "".join(t.text + (t.whitespace_ if nxt.i == t.i + 1 else " ")
                   for t, nxt in zip(tokens, tokens[1:])) + (tokens[-1].text if tokens else "")


def _modifier_kinds(book: Any, core: list[Token]) -> set[str]:
    """Kinds of the actor-book entries named before the head ("European Union" in "EU Monitoring Mission")."""
    if book is None or not hasattr(book, "scan"):
        return set()
    try:
        hits = book.scan(" ".join(t.text for t in core[:-1]))
    except Exception:  # the actors stage answering badly must not sink a claim
        return set()
    return {h.entry.kind for h in hits if h.entry is not None}


@lru_cache(maxsize=1)
def default_typer() -> SpeakerTyper:
    return SpeakerTyper.load()


def type_speaker(span: SpacySpan, book: Any = None, when: date | None = None,
                 memory: SpeakerMemory | None = None) -> Speaker:
    """The Speaker of a spaCy span, typed with the bundled word lists (see the module docstring)."""
    return default_typer().type(span, book, when, memory)
