"""The actor dictionary as records, read and checked from ``data/actors/*.yaml``.

Every YAML file under ``actors/`` in a data folder (bundled, $DETENTE_DATA,
``--data``) is read in that order; each may hold any of the sections below, so
a user or another stage adds a supplement file instead of editing ours. Entries
of later files come first when an alias is looked up, so users override us.
A malformed entry raises a DataError naming the file and the entry.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ..knowledge import DataError, files, require
from .text import plural

SECTIONS = ("countries", "igos", "groups", "people", "roles", "outlets", "places")
SECTORS = frozenset({"GOV", "MIL", "REB", "COP", "JUD", "LEG", "BUS", "MED", "CVL", "OPP", "IGO", ""})
_CODE = re.compile(r"^(?:[A-Z]{3}|---)$")


@dataclass(frozen=True)
class Office:
    """One term of one office: who held ``role`` for ``country`` from ``start`` to ``end`` (None = still)."""

    person: str
    country: str
    role: str
    sector: str
    start: date | None
    end: date | None

    def covers(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.person, "country": self.country, "role": self.role, "sector": self.sector,
                "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Entry:
    """What an alias stands for. ``kind``: country, capital, body, group, igo, outlet, person, role, office,
    place, base (a place used by another country's forces: ``country`` is that operator, ``host`` the location)."""

    kind: str
    country: str | None
    sector: str = ""
    name: str = ""
    role: str | None = None
    weak: bool = False  # a role noun that yields to any other sector cue ("spokesman", "officials")
    org: bool = False  # a role noun that heads an organisation's name ("Board", "Network", "Airlines")
    host: str | None = None  # for a base: the country it lies in
    thing: bool = False  # a role noun for weapons or sites: a capitalised word after it is no person's name


@dataclass
class Catalog:
    """Everything the files say: aliases to entries, and the offices people held."""

    aliases: list[tuple[str, Entry]] = field(default_factory=list)
    derived: list[tuple[str, Entry]] = field(default_factory=list)  # generated plurals: yield to aliases
    offices: list[Office] = field(default_factory=list)
    role_names: dict[str, str] = field(default_factory=dict)  # office alias (lower) -> canonical role
    versions: dict[str, str] = field(default_factory=dict)  # file -> version

    def add(self, names: Iterable[str], entry: Entry, derived: bool = False) -> None:
        (self.derived if derived else self.aliases).extend((name, entry) for name in names)


def actor_files(extra_dirs: Iterable[str | Path] = ()) -> list[Path]:
    return list(files("actors/*.yaml", extra_dirs))


def load_catalog(paths: Iterable[Path]) -> Catalog:
    catalog = Catalog()
    for path in paths:
        read_file(path, catalog)
    return catalog


def _read_yaml(path: Path) -> Any:
    """YAML with libyaml when present: the dictionary is large and loads in every reader process."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=loader)  # noqa: S506 - a safe loader
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError) as exc:  # ValueError: "2020-13-01"
        raise DataError(f"{path}: cannot read: {exc}") from exc


def read_file(path: Path, catalog: Catalog) -> None:
    data = _read_yaml(path)
    where = str(path)
    require(data, ["version"], where)
    unknown = set(data) - set(SECTIONS) - {"version"}
    if unknown:
        raise DataError(f"{where}: unknown section(s) {', '.join(sorted(unknown))}; expected {', '.join(SECTIONS)}")
    catalog.versions[where] = str(data["version"])
    for section in SECTIONS:
        items = data.get(section) or []
        if not isinstance(items, list):
            raise DataError(f"{where}: {section}: expected a list of entries")
        for number, item in enumerate(items):
            label = f"{where}: {section}[{number}]"
            if isinstance(item, dict) and ("name" in item or "code" in item or "role" in item):
                label += f" ({item.get('code') or item.get('name') or item.get('role')})"
            READERS[section](item, catalog, label)


def _text(entry: dict, key: str, where: str) -> str:
    value = entry[key]
    if not isinstance(value, str) or not value.strip():
        raise DataError(f"{where}: {key} must be a non-empty string, got {value!r}")
    return value


def _strings(entry: dict, key: str, where: str) -> list[str]:
    value = entry.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataError(f"{where}: {key} must be a list of non-empty strings")
    return value


def _code(value: Any, where: str, key: str = "country", optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or not _CODE.match(value):
        raise DataError(f"{where}: {key} must be a three-letter code or '---', got {value!r}")
    return value


def _sector(value: Any, where: str) -> str:
    value = "" if value is None else value
    if value not in SECTORS:
        raise DataError(f"{where}: unknown sector {value!r}; expected one of {', '.join(sorted(SECTORS - {''}))}")
    return value


def _date(value: Any, where: str, key: str) -> date | None:
    """A date, or a 'YYYY-MM' month (its first day), or null."""
    if value is None or isinstance(value, date):
        return value
    text = str(value)
    try:
        return date.fromisoformat(text if len(text) > 7 else text + "-01")
    except ValueError:
        raise DataError(f"{where}: {key} must be YYYY-MM-DD, YYYY-MM or null, got {value!r}") from None


def _country(item: Any, catalog: Catalog, where: str) -> None:
    entry = require(item, ["code"], where)
    code = _code(entry["code"], where, "code")
    catalog.add(_strings(entry, "names", where), Entry("country", code, name=(entry.get("names") or [code])[0]))
    demonyms = _strings(entry, "demonyms", where)
    catalog.add(demonyms, Entry("country", code))
    # the plural noun names people, not the state: "Israelis poured into the streets"
    people = [d + "s" for d in demonyms if not d.endswith(("s", "h", "e", "z", "x"))]
    catalog.add(people, Entry("role", code, "CVL", role="people"), True)
    for capital in _strings(entry, "capitals", where):
        catalog.add([capital], Entry("capital", code, "GOV", capital))
    for place in _strings(entry, "places", where):
        catalog.add([place], Entry("place", code, name=place))
    for number, body in enumerate(entry.get("bodies") or []):
        _body(body, code, catalog, f"{where}: bodies[{number}]")


def _body(item: Any, code: str, catalog: Catalog, where: str) -> None:
    body = require(item, ["name", "sector"], where)
    name = _text(body, "name", where)
    catalog.add([name, *_strings(body, "aliases", where)], Entry("body", code, _sector(body["sector"], where), name))


def _igo(item: Any, catalog: Catalog, where: str) -> None:
    entry = require(item, ["code", "name"], where)
    code, name = _code(entry["code"], where, "code"), _text(entry, "name", where)
    catalog.add([name, *_strings(entry, "aliases", where)], Entry("igo", code, "IGO", name))
    for number, body in enumerate(entry.get("bodies") or []):
        label = f"{where}: bodies[{number}]"
        sub = _text(require(body, ["name"], label), "name", label)
        catalog.add([sub, *_strings(body, "aliases", label)], Entry("igo", code, "IGO", sub))


def _group(item: Any, catalog: Catalog, where: str) -> None:
    """One group {name, country, sector, aliases}, or several of one country {country, sector, names}."""
    entry = require(item, ["country"], where)
    code = _code(entry["country"], where, optional=True)
    sector = _sector(entry.get("sector", "REB"), where)
    if "names" in entry:
        for name in _strings(entry, "names", where):
            catalog.add([name], Entry("group", code, sector, name))
        return
    name = _text(require(entry, ["name"], where), "name", where)
    catalog.add([name, *_strings(entry, "aliases", where)], Entry("group", code, sector, name))


def _person(item: Any, catalog: Catalog, where: str) -> None:
    entry = require(item, ["name", "country"], where)
    name, code = _text(entry, "name", where), _code(entry["country"], where)
    terms = entry.get("offices")
    if terms is None:
        terms = [entry] if entry.get("role") else []
    if not isinstance(terms, list):
        raise DataError(f"{where}: offices must be a list")
    for number, term in enumerate(terms):
        label = f"{where}: offices[{number}]" if term is not entry else where
        require(term, ["role"], label)
        start, end = _date(term.get("start"), label, "start"), _date(term.get("end"), label, "end")
        if start and end and end < start:
            raise DataError(f"{label}: end {end} is before start {start}")
        office = Office(name, _code(term.get("country", code), label), str(term["role"]).lower(),
                        _sector(term.get("sector", "GOV"), label), start, end)
        catalog.offices.append(office)
    catalog.add([name, *_strings(entry, "aliases", where)], Entry("person", code, name=name))


def _role(item: Any, catalog: Catalog, where: str) -> None:
    entry = require(item, ["role", "sector"], where)
    role = _text(entry, "role", where).lower()
    sector = _sector(entry["sector"], where)
    office = bool(entry.get("office", False))
    code = _code(entry.get("country"), where, optional=True)
    kind = "office" if office else "role"
    names = [entry["role"], *_strings(entry, "aliases", where)]
    found = Entry(kind, code, sector, role=role, weak=bool(entry.get("weak", False)), org=bool(entry.get("org", False)),
                  thing=bool(entry.get("thing", False)))
    # an implied country does not stick to the canonical name: "foreign minister" is not American
    # because "secretary of state" is, unless no generic entry says otherwise ("supreme leader")
    catalog.add(names[1:] if code else names, found)
    if code:
        catalog.add(names[:1], found, True)
    if not office:
        catalog.add([_pluralise(n) for n in names], found, True)
    for name in names:
        catalog.role_names[" ".join(name.lower().split())] = role


def _pluralise(name: str) -> str:
    head, _, last = name.rpartition(" ")
    return f"{head} {plural(last)}".strip()


def _outlet(item: Any, catalog: Catalog, where: str) -> None:
    """One outlet {name, country, aliases}, or several of one country {country, names: [...]}."""
    entry = require(item, ["country"], where)
    code = _code(entry["country"], where, optional=True)
    if "names" in entry:
        for name in _strings(entry, "names", where):
            catalog.add([name], Entry("outlet", code, "MED", name))
        return
    name = _text(require(entry, ["name"], where), "name", where)
    catalog.add([name, *_strings(entry, "aliases", where)], Entry("outlet", code, "MED", name))


def _place(item: Any, catalog: Catalog, where: str) -> None:
    """A place; with ``operator`` it is a base another country's forces use ("Al Udeid": QAT, run by USA)."""
    entry = require(item, ["name", "country"], where)
    code = _code(entry["country"], where, optional=True)
    names = [_text(entry, "name", where), *_strings(entry, "aliases", where)]
    if entry.get("operator"):
        operator = _code(entry["operator"], where, "operator")
        catalog.add(names, Entry("base", operator, _sector(entry.get("sector", "MIL"), where), entry["name"], host=code))
    else:
        catalog.add(names, Entry("place", code, name=entry["name"]))


READERS = {"countries": _country, "igos": _igo, "groups": _group, "people": _person, "roles": _role,
           "outlets": _outlet, "places": _place}
