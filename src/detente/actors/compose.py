"""Composing dictionary hits in a noun phrase into one Actor.

Precedence, most specific first: a known person (the last one named), an armed
group, an IGO, a news outlet, a named body or base, an office title (resolved
to its holder on the date), then a country, capital, demonym or place with the
sector of the phrase's role noun. The phrase is cut at the first locative word
("U.S. bases in Iraq" is the U.S.); what follows only places a phrase that
names no one ("civilians in Gaza" → PSE). A country named as patron, maker or
sympathy ("Iran-backed", "Iranian-made", "pro-Russian") is not the actor, and
a title or role before of/for/to belongs to what follows ("a spokesman for
Hamas").
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..records import Actor
from .entries import Entry

if TYPE_CHECKING:
    from .book import ActorBook

LOCATIVE = frozenset("""in at near across inside outside along off on around into over against toward towards
with who which that whose after before during since from""".split())
PATRONAGE = frozenset("""backed allied aligned sponsored supported funded armed trained linked affiliated made built designed
supplied provided manufactured produced origin occupied held controlled annexed""".split())
STANCE = frozenset({"pro", "anti"})  # "pro-Russian separatists" are not Russia
RELATIONAL = frozenset("""ally allies partner partners backer backers neighbour neighbours neighbor neighbors enemy
enemies adversary adversaries rival rivals foe foes counterparts proxy proxies""".split())  # "Ukraine's allies" are not Ukraine
OWNERSHIP = frozenset({"of", "for", "to"})
NAME_PARTICLES = frozenset("al el bin ibn bint abu de da di du van von der den la le".split())
COUNTRY_KINDS = ("country", "capital")
PLACE_KINDS = ("place", "capital", "country", "base")


@dataclass
class Hit:
    """Words of the phrase and the dictionary entry they spell (None for a plain word)."""

    words: list[str]
    entry: Entry | None


def compose(book: ActorBook, text: str, hits: list[Hit], when: date | None) -> Actor | None:
    head, tail = _cut(hits)
    where = _first(tail, PLACE_KINDS)
    if where is not None and where.kind == "base":  # "the control tower at Al Udeid": placed in the host
        where = Entry("place", where.host, name=where.name)
    return _phrase(book, text, head, when, where)


def _phrase(book: ActorBook, text: str, head: list[Hit], when: date | None, where: Entry | None) -> Actor | None:
    """The actor of the phrase before any locative; ``where`` is the place after it."""
    if not any(h.entry is not None for h in head):
        return Actor(where.country, "", text, name=where.name, kind="place") if where and where.country else None
    if head[-1].entry is None and head[-1].words[0].lower() in RELATIONAL:
        return None
    owned = _owned(book, text, head, when, where)
    if owned is not None:
        return owned
    people = [i for i, h in enumerate(head) if h.entry is not None and h.entry.kind == "person"
              and not (i and head[i - 1].entry is not None and head[i - 1].entry.org)]  # "USS Carney" is a ship
    if people:
        return _person(book, text, head, people[-1], when)
    country = _first(head, COUNTRY_KINDS) or _first(head, ("place",))
    code = country.country if country else None
    office = _first(head, ("office",))
    named = None if office else _named(text, head, code, where)
    if named is not None:
        return named
    if office:
        owner = _first(head, ("igo", "body")) or country
        return _office(book, text, office, owner.country if owner else office.country, _trailing_name(head), when)
    return _generic(text, head, country, where)


def _named(text: str, head: list[Hit], code: str | None, where: Entry | None) -> Actor | None:
    """A named armed group, IGO, outlet or government body, in that order of precedence."""
    group = _first(head, ("group",))
    if group:
        place = where.country if where else None
        return Actor(group.country or code or place or "---", group.sector, text, name=group.name, kind="group")
    igo = _first(head, ("igo",))
    if igo:
        return Actor(igo.country, "IGO", text, name=igo.name, kind="igo")
    outlets = [h.entry for h in head if h.entry is not None and h.entry.kind == "outlet"]
    if outlets:  # "state news agency KCNA": the named outlet, not the generic one
        outlet = next((o for o in outlets if o.country), outlets[0])
        return Actor(outlet.country or code or "---", "MED", text, name=outlet.name, kind="outlet")
    at = next((i for i, h in enumerate(head) if h.entry is not None and h.entry.kind == "body"), None)
    if at is None:
        base = _first(head, ("base",))  # "Al Udeid Air Base": the forces that use it
        return Actor(base.country, base.sector, text, name=base.name, kind="base") if base else None
    body = head[at].entry
    after = [h.entry for h in head[at + 1:] if h.entry is not None and h.entry.kind == "role" and not h.entry.weak]
    if after:  # "Russian military bloggers": the head noun after the body decides
        return Actor(code or body.country, after[-1].sector, text, role=after[-1].role, kind="role")
    if code and code != body.country:  # "the Italian Senate": a generic body name, another country
        return Actor(code, body.sector, text, kind="role")
    return Actor(body.country, body.sector, text, name=body.name, kind="body")


def _generic(text: str, head: list[Hit], country: Entry | None, where: Entry | None) -> Actor | None:
    """A country, capital, demonym or place with the sector of the phrase's role noun."""
    roles = [h for h in head if h.entry is not None and h.entry.kind == "role"]
    code = country.country if country else next((h.entry.country for h in roles if h.entry.country), None)
    if roles and roles[-1].words[-1].lower() in RELATIONAL:  # "Iran's proxies": militants, not Iran
        code = None
    if len(head) == 1 and roles and roles[0].entry.role == "people" and text.lower().startswith("the "):
        return Actor(code, "", text, kind="country")  # "the Saudis agreed": the state, not its people
    if roles:
        sector = _sector([h.entry for h in roles], country)
        if code is None and sector != "MIL" and where and where.country:
            code = where.country
        last = roles[-1]
        name = None if last.entry.thing else _trailing_name(head)  # "the Patriot Missile Defense" is no one
        if last.entry.org and (name or last.words[0][:1].isupper()):
            # "the Dutch Safety Board", "the freight firm Clarksons", "the Sudan Doctors Network"
            official = code is not None and sector in ("", "GOV") and not name
            return Actor(code or "---", "GOV" if official else sector, text, name=name or _proper_name(head),
                         role=last.entry.role, kind="body" if official else "org")
        return Actor(code or "---", sector, text, name=name, role=last.entry.role, kind="person" if name else "role")
    if code is None:
        return None
    if country.kind == "capital":
        return Actor(code, "GOV", text, name=country.name, kind="body")
    return Actor(code, "", text, name=country.name or None, kind=country.kind)


def _owned(book: ActorBook, text: str, head: list[Hit], when: date | None, where: Entry | None) -> Actor | None:
    """"a spokesman for Hamas", "the president of Iran", "thousands of protesters": a title or role
    noun (or nothing) before of/for/to takes its country from the actor after it."""
    split = next((i for i, h in enumerate(head) if h.entry is None and h.words[0].lower() in OWNERSHIP), None)
    if split is None:
        return None
    front = [h.entry for h in head[:split] if h.entry is not None]
    if any(e.kind not in ("role", "office") for e in front):
        return None
    owner = _phrase(book, text, head[split + 1:], when, where)
    if owner is None or not front:
        return owner
    office = next((e for e in front if e.kind == "office"), None)
    if office is not None:
        return _office(book, text, office, owner.country, None, when)
    strong = [e for e in front if not e.weak]
    role = (strong or front)[-1]
    sector = role.sector if strong else owner.sector or role.sector
    return Actor(owner.country, sector, text, role=role.role, kind="role")


def _cut(hits: list[Hit]) -> tuple[list[Hit], list[Hit]]:
    """Split at the first locative plain word, and drop countries named only as patrons or makers
    ("Iran-backed", "Iranian-made", "pro-Russian")."""
    head: list[Hit] = []
    for i, hit in enumerate(hits):
        word = hit.words[0].lower() if hit.entry is None else ""
        if word in LOCATIVE and head:
            return head, hits[i + 1:]
        if word in PATRONAGE and head and _is_country(head[-1]):
            head[-1] = Hit(head[-1].words, None)
        if _is_country(hit) and head and head[-1].entry is None and head[-1].words[0].lower() in STANCE:
            hit = Hit(hit.words, None)
        head.append(hit)
    return head, []


def _is_country(hit: Hit) -> bool:
    return hit.entry is not None and hit.entry.kind in COUNTRY_KINDS


def _first(hits: list[Hit], kinds: tuple[str, ...]) -> Entry | None:
    return next((h.entry for h in hits if h.entry is not None and h.entry.kind in kinds), None)


def _sector(roles: list[Entry], country: Entry | None) -> str:
    strong = [r for r in roles if not r.weak]
    if strong:
        return strong[-1].sector
    if country is not None and country.kind == "capital":
        return country.sector
    return roles[-1].sector if roles else ""


def _trailing_name(head: list[Hit]) -> str | None:
    """Capitalised words after the last known entry: the name of someone the book does not know
    ("Mohammed Ghazi al-Jalali"); name particles may be lower case."""
    last = max((i for i, h in enumerate(head) if h.entry is not None), default=-1)
    words = [w for h in head[last + 1:] for w in h.words]
    if not 0 < len(words) <= 5 or not words[0][:1].isupper() or not words[-1][:1].isupper():
        return None
    if all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words):
        return " ".join(words)
    return None


def _proper_name(head: list[Hit]) -> str:
    """The capitalised words that end the phrase, stopping at a country or other named entry."""
    words: list[str] = []
    for hit in reversed(head):
        if (hit.entry is not None and hit.entry.kind != "role") or not hit.words[0][:1].isupper():
            break
        words = hit.words + words
    return " ".join(words)


def _person(book: ActorBook, text: str, head: list[Hit], at: int, when: date | None) -> Actor:
    """A named person with the office held on the date (of namesakes, the one in office then); a role
    noun after the name makes the person a possessor: "Aliyev's office", "Netanyahu's spokesman"."""
    hit = head[at]
    office = _first(head[:at], ("office",))
    people = book.namesakes(hit.words) or [hit.entry]
    terms = [(p, book.office_of(p.name, when, office.role if office else None)) for p in people]
    person, term = next(((p, t) for p, t in terms if t is not None), terms[0])
    country = term.country if term else person.country or "---"
    sector = term.sector if term else ""
    after = [h.entry for h in head[at + 1:] if h.entry is not None and h.entry.kind in ("role", "office")]
    if after:
        role = after[-1]
        if role.role == "institution" and not _possessive(text, hit.words[-1]):
            return Actor("---", "", text, role=role.role, kind="role")  # "Sharif University": named after someone
        name = _trailing_name(head)
        return Actor(country, sector if role.weak and sector else role.sector, text, name=name, role=role.role,
                     kind="person" if name else "role")
    return Actor(country, sector, text, name=person.name, role=term.role if term else None, kind="person")


def _possessive(text: str, word: str) -> bool:
    """Whether ``word`` is written as a possessor ("Aliyev's office"), not as part of a name ("Sharif University")."""
    return any(f"{word}{mark}" in text for mark in ("'s", "’s", "' ", "’ "))


def _office(book: ActorBook, text: str, office: Entry, code: str | None, name: str | None,
            when: date | None) -> Actor:
    """An office title: its holder on the date, or the person the phrase names, or the office itself."""
    code = code or "---"
    if name:
        return Actor(code, office.sector, text, name=name, role=office.role, kind="person")
    holder = book.holder(code, office.role, when) if when else None
    if holder:
        return Actor(code, holder["sector"], text, name=holder["name"], role=office.role, kind="office")
    return Actor(code, office.sector, text, role=office.role, kind="office")
