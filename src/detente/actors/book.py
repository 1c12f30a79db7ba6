"""ActorBook: the actor dictionary, indexed once, answering "who is this noun phrase?".

Readers call ``resolve`` thousands of times per article, so every alias is
indexed at load time by its lower-cased token tuple; a phrase is scanned left
to right taking the longest alias at each word, and the hits are composed into
one Actor by ``compose``. Results are cached per (text, date).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..nlp import span_ents
from ..records import Actor
from .compose import PATRONAGE, PLACE_KINDS, Hit, compose
from .entries import Catalog, Entry, Office, actor_files, load_catalog
from .text import fits, key, shape, tokens

_CACHE_LIMIT = 100_000
_LOADED: dict[tuple, ActorBook] = {}


class ActorBook:
    """Countries, bodies, groups, IGOs, people and their offices, role nouns, outlets and places."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self._index: dict[tuple[str, ...], list[tuple[tuple[str, ...], tuple[str, ...], Entry]]] = {}
        for alias, entry in catalog.aliases:  # later files first, so users override the bundled data
            self._add(alias, entry, first=True)
        for alias, entry in catalog.derived:  # generated plurals never shadow a written alias
            self._add(alias, entry, first=False)
        self._longest = max((len(k) for k in self._index), default=1)
        self._offices: dict[tuple[str, str], list[Office]] = {}
        self._terms: dict[str, list[Office]] = {}
        for office in catalog.offices:  # roles by their canonical name: "army chief" is a military chief
            office = replace(office, role=catalog.role_names.get(office.role, office.role))
            self._offices.setdefault((office.country, office.role), []).append(office)
            self._terms.setdefault(office.person, []).append(office)
        self._cache: dict[tuple[str, date | None], Actor | None] = {}

    def _add(self, alias: str, entry: Entry, first: bool) -> None:
        words = tuple(tokens(alias))
        if words:
            candidates = self._index.setdefault(key(words), [])
            candidates.insert(0 if first else len(candidates), (words, tuple(shape(w) for w in words), entry))

    @classmethod
    def load(cls, extra_dirs: Iterable[str | Path] = ()) -> ActorBook:
        """The bundled actor files, then $DETENTE_DATA, then ``extra_dirs``; DataError on a bad entry.

        Books are shared within a process (the three readers each ask for one) until a file changes.
        """
        paths = actor_files(extra_dirs)
        stamp = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths)
        if stamp not in _LOADED:
            _LOADED[stamp] = cls(load_catalog(paths))
        return _LOADED[stamp]

    @property
    def version(self) -> str:
        """The data versions the book was built from (the files' ``version:`` keys), for provenance."""
        return "+".join(sorted(set(self.catalog.versions.values())))

    def scan(self, text: str) -> list[Hit]:
        """Words of ``text`` with the longest alias found at each position (entry None for plain words)."""
        words = tokens(text)
        hits: list[Hit] = []
        i = 0
        while i < len(words):
            for n in range(min(self._longest, len(words) - i), 0, -1):
                entry = self._lookup(words[i:i + n])
                if entry is not None:
                    hits.append(Hit(words[i:i + n], entry))
                    i += n
                    break
            else:
                hits.append(Hit([words[i]], None))
                i += 1
        return hits

    def _lookup(self, words: list[str]) -> Entry | None:
        """The entry of an alias spelt exactly like ``words``, else of the first whose case demands they meet."""
        candidates = self._index.get(key(words), ())
        for alias, _, entry in candidates:
            if list(alias) == words:
                return entry
        for _, shapes, entry in candidates:
            if fits(shapes, words):
                return entry
        return None

    def namesakes(self, words: list[str]) -> list[Entry]:
        """Every person an alias spelt like ``words`` may name ("Sharif", "Johnson")."""
        return [e for _, shapes, e in self._index.get(key(words), ()) if e.kind == "person" and fits(shapes, words)]

    def resolve(self, text: str, when: date | None = None) -> Actor | None:
        """The actor a noun phrase names on date ``when``, or None when nothing in it is known."""
        when = _day(when)
        cache_key = (text, when)
        if cache_key not in self._cache:
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            self._cache[cache_key] = compose(self, text.strip(), self.scan(text), when)
        return self._cache[cache_key]

    def resolve_span(self, span: Any, when: date | None = None) -> Actor | None:
        """``resolve`` over a spaCy span; unknown PERSON / ORG entities still give an actor of unknown country,
        and a multi-word PERSON entity is not the country its surname spells ("Michael Jordan")."""
        actor = self.resolve(span.text, when)
        if actor is not None and actor.kind in ("country", "body", "place"):
            person = next((e for e in span_ents(span) if e.label_ == "PERSON" and len(e) > 1
                           and e.end - e.start >= len([t for t in span if not t.is_punct and t.dep_ != "det"])), None)
            if person is not None:
                return Actor("---", "", span.text, name=person.text, kind="person")
        if actor is not None:
            return actor
        for ent in span_ents(span):
            if ent.label_ == "PERSON":
                return Actor("---", "", span.text, name=ent.text, kind="person")
            if ent.label_ == "ORG":
                return Actor("---", "", span.text, name=ent.text, kind="org")
        return None

    def place(self, text: str) -> str | None:
        """The country code of a place, region, capital or country named in ``text`` ("southern Lebanon" → LBN);
        a patron or maker ("Iran-backed militias", "Russian-made drones") places nothing."""
        hits = list(self.scan(text))
        for hit, after in zip(hits, hits[1:] + [Hit([""], None)]):
            if after.entry is None and after.words[0].lower() in PATRONAGE:
                continue
            if hit.entry is not None and hit.entry.kind in PLACE_KINDS:
                return hit.entry.host if hit.entry.kind == "base" else hit.entry.country
        return None

    def outlet(self, text: str) -> str | None:
        """The canonical name of the news outlet or agency ``text`` names, if any."""
        for hit in self.scan(text):
            if hit.entry is not None and hit.entry.kind == "outlet":
                return hit.entry.name
        return None

    def holder(self, country: str, role: str, when: date | None) -> dict | None:
        """Who held ``role`` (any alias of it: "secretary of state") for ``country`` on ``when``
        (with no date: who holds it now, as far as the data knows)."""
        canonical = self.catalog.role_names.get(" ".join(role.lower().split()), role.lower())
        when = _day(when)
        terms = [o for o in self._offices.get((country, canonical), ())
                 if (o.end is None if when is None else o.covers(when))]
        if not terms:
            return None
        return max(terms, key=lambda o: o.start or date.min).to_dict()

    def office_of(self, person: str, when: date | None, role: str | None = None) -> Office | None:
        """The office ``person`` held on ``when`` (preferring ``role``); the latest one when no date is given."""
        terms = self._terms.get(person, [])
        when = _day(when)
        if when is None:
            return max(terms, key=lambda o: o.start or date.min, default=None)
        current = [o for o in terms if o.covers(when)]
        preferred = [o for o in current if o.role == role]
        return (preferred or current or [None])[0]


def _day(when: date | datetime | None) -> date | None:
    """A datetime counts as its day: offices are dated by day and dates do not compare with datetimes."""
    return when.date() if isinstance(when, datetime) else when
