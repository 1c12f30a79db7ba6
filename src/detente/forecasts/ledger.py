"""The forecast ledger over the store: resolutions, suggested resolutions, Brier scores, calibration.

A person settles a forecast (``resolve``: yes, no or void, with a note). ``suggest`` proposes a
resolution from what the store later holds — coded events and incidents between the two sides
the proposition names, within its deadline or the default horizon — and stores it beside the
forecast with its evidence; it never applies one. Scores are Brier scores, (p - outcome)²,
averaged per forecaster and per outlet with their counts, and a calibration table compares
stated probabilities with how often such forecasts came true.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import func, select, update

from .. import knowledge
from ..knowledge import DataError
from ..store import Store, schema
from .cues import Cues
from .phrases import PhraseTable
from .speakers import load_book, side_finder

OUTCOMES = ("yes", "no", "void")
RESOLUTION = "forecasts/resolution.yaml"
NEGATION = re.compile(r"\b(?:not|n't|never|no longer)\b", re.I)


class LedgerError(ValueError):
    """A resolution that cannot be recorded (unknown id, unknown outcome)."""


def brier(probability: float | None, resolution: str | None) -> float | None:
    """(p - outcome)² for a yes/no resolution; None while open or when void."""
    if probability is None or resolution not in ("yes", "no"):
        return None
    return round((probability - (1.0 if resolution == "yes" else 0.0)) ** 2, 4)


def resolve(store: Store, forecast_id: int, outcome: str, note: str = "") -> dict[str, Any]:
    """Record a person's resolution of one forecast; returns the updated row."""
    if outcome not in OUTCOMES:
        raise LedgerError(f"outcome must be one of {', '.join(OUTCOMES)}, not {outcome!r}")
    t = schema.forecasts
    with store.transaction() as conn:
        done = conn.execute(update(t).where(t.c.id == forecast_id).values(
            resolution=outcome, resolution_note=note or None, resolved_at=datetime.now(timezone.utc)))
        if done.rowcount == 0:
            raise LedgerError(f"no forecast with id {forecast_id}")
    return rows(store, ids=[forecast_id])[0]


# -- listing ---------------------------------------------------------------------------------------
def rows(store: Store, *, status: str | None = None, forecaster: str | None = None,
         ids: Iterable[int] | None = None) -> list[dict[str, Any]]:
    """Forecasts as the batch record plus id, doc_id, resolution, brier, suggestion, document metadata.

    ``status``: "open" (no resolution yet) or "resolved"; ``forecaster``: a case-insensitive
    substring of the forecaster's name (the article's author for the author's own forecasts).
    """
    f, d = schema.forecasts, schema.documents
    query = select(f, d.c.date.label("doc_date"), d.c.author.label("doc_author"), d.c.outlet.label("doc_outlet"),
                   d.c.title.label("doc_title")).join(d, d.c.id == f.c.doc_id).order_by(d.c.date, f.c.id)
    if status == "open":
        query = query.where(f.c.resolution.is_(None))
    elif status == "resolved":
        query = query.where(f.c.resolution.is_not(None))
    if ids is not None:
        query = query.where(f.c.id.in_(list(ids)))
    with store.engine.connect() as conn:
        found = [_record(dict(r)) for r in conn.execute(query).mappings()]
    if forecaster:
        needle = forecaster.lower()
        found = [r for r in found if needle in r["forecaster_name"].lower()]
    return found


def _record(row: dict[str, Any]) -> dict[str, Any]:
    kind = row["forecaster_kind"]
    named = (row["extra"] or {}).get("forecaster_name")  # a pronoun's antecedent ("he" → the analyst named before)
    name = forecaster_name(kind, named or row["forecaster_text"], row["doc_author"], row["doc_outlet"])
    return {
        "id": row["id"], "doc_id": row["doc_id"], "date": row["doc_date"],
        "proposition": {"text": row["proposition_text"], "start": row["proposition_start"], "end": row["proposition_end"]},
        "forecaster": {"kind": kind, "text": row["forecaster_text"] or ""},
        "forecaster_name": name, "outlet": row["doc_outlet"],
        "phrase": row["phrase"], "probability": row["probability"], "band": [row["band_lo"], row["band_hi"]],
        "condition": row["condition"], "deadline": row["deadline"], "event": row["event"],
        "resolution": row["resolution"], "resolution_note": row["resolution_note"], "resolved_at": row["resolved_at"],
        "brier": brier(row["probability"], row["resolution"]), "suggestion": row["suggestion"],
    }


def forecaster_name(kind: str, text: str | None, author: str | None, outlet: str | None) -> str:
    """Who is scored: the article's author (or outlet) for the author's forecasts, else the named forecaster."""
    if kind == "author":
        return author or (f"author at {outlet}" if outlet else "unnamed author")
    return (text or "").strip() or "unnamed"


# -- scores ----------------------------------------------------------------------------------------
def forecasters(store: Store) -> list[dict[str, Any]]:
    """Per forecaster: kind, forecasts, resolved, mean Brier score (lower is better)."""
    return _grouped(rows(store), lambda r: (r["forecaster_name"], r["forecaster"]["kind"]), ("forecaster", "kind"))


def outlets(store: Store) -> list[dict[str, Any]]:
    """Per outlet (the publishing site of the articles): forecasts, resolved, mean Brier score."""
    return _grouped(rows(store), lambda r: (r["outlet"] or "unknown",), ("outlet",))


def _grouped(found: list[dict[str, Any]], key, names: tuple[str, ...]) -> list[dict[str, Any]]:
    groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for r in found:
        groups[key(r)].append(r)
    out = []
    for k, members in groups.items():
        scores = [m["brier"] for m in members if m["brier"] is not None]
        out.append({**dict(zip(names, k)), "forecasts": len(members), "resolved": len(scores),
                    "brier": round(sum(scores) / len(scores), 4) if scores else None})
    out.sort(key=lambda r: (r["brier"] is None, r["brier"] if r["brier"] is not None else 0, -r["forecasts"]))
    return out


def calibration(store: Store, bins: int = 5) -> list[dict[str, Any]]:
    """Resolved forecasts in bins of stated probability: mean stated vs observed frequency of yes."""
    resolved = [r for r in rows(store) if r["resolution"] in ("yes", "no")]
    out = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        members = [r for r in resolved if lo <= r["probability"] < hi or b == bins - 1 and r["probability"] == 1.0]
        yes = sum(r["resolution"] == "yes" for r in members)
        out.append({"bin": f"{lo:.1f}-{hi:.1f}", "forecasts": len(members),
                    "stated": round(sum(r["probability"] for r in members) / len(members), 3) if members else None,
                    "observed": round(yes / len(members), 3) if members else None})
    return out


# -- suggestions -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Action:
    quad: int
    when: str  # present or absent


def load_actions(extra_dirs=()) -> dict[str, Action]:
    actions: dict[str, Action] = {}
    for path in knowledge.files(RESOLUTION, extra_dirs):
        doc = knowledge.read_yaml(path) or {}
        for word, entry in (doc.get("actions") or {}).items():
            where = f"{path}: actions: {word!r}"
            knowledge.require(entry, ("quad", "when"), where)
            if entry["quad"] not in (1, 2, 3, 4) or entry["when"] not in ("present", "absent"):
                raise DataError(f"{where}: quad must be 1-4 and when present or absent")
            actions[str(word).lower()] = Action(int(entry["quad"]), entry["when"])
    return actions


def suggest(store: Store, extra_dirs=()) -> list[dict[str, Any]]:
    """Propose resolutions for open forecasts from later events; store them in ``suggestion``; return them.

    A forecast is settled "yes" when an event of the action's class from the proposition's
    subject to its target is reported within the horizon (or, for an "absent" action such as
    de-escalating, when none is and the store already holds news from after the horizon), and
    "no" in the opposite cases; a negated proposition swaps the two. Forecasts whose sides or
    action cannot be read, or whose horizon the store has not yet passed without evidence, get none.
    """
    actions = load_actions(extra_dirs)
    table = PhraseTable.load(extra_dirs)
    side = side_finder(Cues.load(extra_dirs), load_book(extra_dirs))
    latest = _latest_news(store)
    made = []
    for r in rows(store, status="open"):
        proposal = _proposal(store, r, actions, side, table.horizon_days, latest)
        if proposal is None:
            continue
        t = schema.forecasts
        with store.transaction() as conn:
            conn.execute(update(t).where(t.c.id == r["id"]).values(suggestion=proposal))
        made.append({"id": r["id"], "proposition": r["proposition"]["text"], **proposal})
    return made


def _proposal(store: Store, r: dict[str, Any], actions: dict[str, Action], side, horizon_days: int,
              latest: date | None) -> dict[str, Any] | None:
    start = r["date"]
    if start is None:
        return None
    text = r["proposition"]["text"]
    words = re.findall(r"[a-z][a-z-]+", text.lower())
    coded = r.get("event") or {}  # the predicted event the coder read in the proposition, if any
    action = next((actions[w] for w in words if w in actions), None) or \
        next((actions[w.rstrip("s")] for w in words if w.rstrip("s") in actions), None) or \
        (Action(coded["quad"], "present") if coded.get("quad") else None)
    if action is None:
        return None
    sides = [coded["source"]] + ([coded["target"]] if coded.get("target") not in (None, "", "---") else []) \
        if coded.get("source") not in (None, "", "---") else _sides(text, side, start)
    if not sides:
        return None
    source, target = sides[0], (sides[1] if len(sides) > 1 else None)
    end = r["deadline"] or start + timedelta(days=horizon_days)
    evidence = _evidence(store, source, target, action.quad, start, end)
    if evidence:
        happened = True
    elif latest is not None and latest > end:
        happened = False
    else:
        return None
    true = happened if action.when == "present" else not happened
    if NEGATION.search(text):
        true = not true
    dyad = f"{source}→{target or 'any'}"
    rule = (f"{'an' if happened else 'no'} event of quad {action.quad} {dyad} reported between {start} and {end}"
            + ("" if evidence or latest is None else f" (store holds news up to {latest})"))
    return {"resolution": "yes" if true else "no", "rule": rule, "evidence": evidence[:5],
            "horizon": end.isoformat(), "suggested_at": date.today().isoformat()}


def _sides(text: str, side, when: date) -> list[str]:
    """The sides named in ``text``, in order of first mention (subject first)."""
    found: list[str] = []
    words = text.split()
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            chunk = " ".join(words[i:i + n]).strip(",.;:'\"")
            code = side(chunk, when) if chunk else None
            if code:
                if code not in found:
                    found.append(code)
                i += n
                break
        else:
            i += 1
    return found


def _evidence(store: Store, source: str, target: str | None, quad: int, start: date, end: date) -> list[dict[str, Any]]:
    """Incidents, else reported events, of ``quad`` from ``source`` (to ``target``) after ``start`` up to ``end``."""
    out = []
    i = schema.incidents
    where = [i.c.source_country == source, i.c.quad == quad, i.c.date > start, i.c.date <= end]
    if target:
        where.append(i.c.target_country == target)
    for row in store.rows("incidents", *where, order_by=[i.c.date]):
        out.append({"incident": row["id"], "date": row["date"].isoformat() if row["date"] else None,
                    "code": row["code"], "doc_id": row["evidence_doc_id"], "text": row["evidence_text"]})
    if out:
        return out
    e = schema.events
    where = [e.c.source_country == source, e.c.quad == quad, e.c.date > start, e.c.date <= end,
             e.c.modality.in_(("asserted", "reported"))]
    if target:
        where.append(e.c.target_country == target)
    for row in store.rows("events", *where, order_by=[e.c.date]):
        out.append({"event": row["id"], "date": row["date"].isoformat() if row["date"] else None,
                    "code": row["code"], "doc_id": row["doc_id"], "text": row["sentence"] or row["trigger_text"]})
    return out


def _latest_news(store: Store) -> date | None:
    with store.engine.connect() as conn:
        return conn.execute(select(func.max(schema.documents.c.date))).scalar()
