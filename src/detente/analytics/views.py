"""Incidents in the shape of the JSON contract (../shared/cli-json.md), for the CLI and the report."""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from ..store import Store, schema
from .index import dyad_filter


def _actor(country: str, sector: str | None, text: str | None, name: str | None) -> dict[str, Any]:
    return {"country": country, "sector": sector or "", "text": text or "", "name": name}


def parse_dyad(value: str) -> tuple[str, str]:
    """'USA-IRN' (or 'USA:IRN', 'USA IRN', '----IRN' for an unresolved source) -> ('USA', 'IRN')."""
    text = value.strip().upper()
    if len(text) == 7 and text[3] in "-: ":
        return text[:3], text[4:]
    raise ValueError(f"dyad {value!r}: expected two three-letter codes like USA-IRN")


def incident_records(store: Store, *, dyad: tuple[str, str] | None = None, directed: bool = False,
                     since: date | None = None) -> list[dict[str, Any]]:
    """Incidents with actors, mention ids and evidence, newest first."""
    t, e = schema.incidents, schema.events
    query = select(t)
    if dyad:
        query = query.where(dyad_filter(*dyad, directed))
    if since:
        query = query.where(t.c.date >= since)
    with store.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(query.order_by(t.c.date.is_(None), t.c.date.desc(), t.c.id)).mappings()]
        wanted = [r["id"] for r in rows]
        mentions: dict[int, list] = {}
        for start in range(0, len(wanted), 900):
            chunk = wanted[start:start + 900]
            q = (select(e.c.id, e.c.incident_id, e.c.source_text, e.c.source_name, e.c.target_text, e.c.target_name,
                        e.c.confidence)
                 .where(e.c.incident_id.in_(chunk)).order_by(e.c.incident_id, e.c.id))
            for m in conn.execute(q):
                mentions.setdefault(m.incident_id, []).append(m)
    return [_record(r, mentions.get(r["id"], [])) for r in rows]


def _record(r: dict[str, Any], mentions: list) -> dict[str, Any]:
    extra = r.get("extra") or {}
    best = next((m for m in mentions if m.id == extra.get("evidence_event_id")), mentions[0] if mentions else None)
    trigger = extra.get("trigger")
    return {
        "id": r["id"],
        "source": _actor(r["source_country"], r["source_sector"], best.source_text if best else "",
                         best.source_name if best else None),
        "target": _actor(r["target_country"], r["target_sector"], best.target_text if best else "",
                         best.target_name if best else None),
        "code": r["code"], "root": r["root"], "quad": r["quad"], "goldstein": r["goldstein"],
        "date": r["date"].isoformat() if r["date"] else None,
        "mentions": [m.id for m in mentions], "articles": r["articles"], "outlets": r["outlets"],
        "first_reported": r["first_reported"].isoformat() if r["first_reported"] else None,
        "evidence": {"doc_id": r["evidence_doc_id"], "text": r["evidence_text"],
                     "trigger": {"start": trigger[0], "end": trigger[1]} if trigger else None},
        "place": r["place"],
    }
