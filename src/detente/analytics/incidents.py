"""Rebuild the ``incidents`` table from the stored events (the merge rule itself is ``clusters``).

The rebuild is one transaction: delete every incident, read the events that happened ordered
by dyad in one query, cluster each dyad in one pass (``clusters``), bulk-insert the incidents
and set ``events.incident_id`` through a temporary map table with one UPDATE.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from itertools import groupby
from typing import Any

from sqlalchemy import case, delete, func, insert, select, text
from sqlalchemy.orm import aliased

from ..store import Store, schema
from . import ladder as ladder_mod
from .clusters import Cluster, Mention, Rule, cluster_dyad

HAPPENED = ("asserted", "reported")
BATCH = 5000


def _mention_query():
    """Dyad first, then the fields of ``Mention`` in order, then the trigger's raw offsets."""
    e, d = schema.events, schema.documents
    o = aliased(schema.documents)
    article = func.coalesce(o.c.id, d.c.id)
    outlet = case((o.c.id.is_not(None), func.coalesce(o.c.outlet, o.c.id)), else_=func.coalesce(d.c.outlet, d.c.id))
    return (
        select(e.c.source_country, e.c.target_country,
               e.c.id, e.c.doc_id, e.c.source_sector, e.c.target_sector, e.c.code, e.c.quad, e.c.goldstein,
               e.c.confidence, e.c.date, e.c.date_precision, d.c.date, article, outlet, e.c.place, e.c.sentence,
               e.c.sentence_start, e.c.trigger_start, e.c.trigger_end, e.c.trigger_text)
        .join(d, d.c.id == e.c.doc_id)
        .outerjoin(o, o.c.id == d.c.duplicate_of)
        .where(e.c.modality.in_(HAPPENED))
        .order_by(e.c.source_country, e.c.target_country)
    )


def _most_common(values: Iterable[str | None]) -> str:
    present = [v for v in values if v]
    if not present or all(v == present[0] for v in present):
        return present[0] if present else ""
    counts = Counter(present)
    return max(counts, key=lambda v: (counts[v], v))


def incident_row(incident_id: int, source: str, target: str, c: Cluster) -> dict[str, Any]:
    """The ``incidents`` row of a cluster: the most frequent code (ties: most specific, most severe)."""
    by_code = {m.code: m for m in c.mentions}
    code = max(c.codes, key=lambda k: (c.codes[k], len(k), -by_code[k].goldstein, k))
    best = min(c.mentions, key=lambda m: (-(m.confidence or 0.0), m.article != m.doc_id, m.doc_date is None,
                                          m.doc_date or date.min, m.id))
    dates = [m.date for m in c.mentions if m.date and m.precision != "unknown"]
    doc_dates = [m.doc_date for m in c.mentions if m.doc_date]
    places = c.named or Counter(m.place for m in c.mentions if m.place)
    return {
        "id": incident_id, "source_country": source, "target_country": target,
        "source_sector": _most_common(m.source_sector for m in c.mentions),
        "target_sector": _most_common(m.target_sector for m in c.mentions),
        "code": code, "root": code[:2], "quad": by_code[code].quad, "goldstein": by_code[code].goldstein,
        "date": min(dates) if dates else c.anchor, "first_reported": min(doc_dates) if doc_dates else None,
        "mentions": len(c.mentions), "articles": len({m.article for m in c.mentions}),
        "outlets": len({m.outlet for m in c.mentions}),
        "evidence_doc_id": best.doc_id, "evidence_text": best.sentence,
        "place": max(places, key=lambda p: (places[p], p)) if places else None,
        "extra": {"family": c.family, "evidence_event_id": best.id,
                  "trigger": list(trigger) if (trigger := best.trigger_span()) else None,
                  "codes": dict(c.codes)},
    }


def _incidents(rows, rule: Rule) -> Iterator[tuple[dict, list[int]]]:
    """(incident row, its event ids) for every cluster, dyad after dyad."""
    next_id = 1
    for (source, target), group in groupby(rows, key=lambda r: (r.source_country, r.target_country)):
        mentions = [Mention(*r[2:17], r[17:21]) for r in group]
        for c in cluster_dyad(mentions, rule):
            yield incident_row(next_id, source, target, c), [m.id for m in c.mentions]
            next_id += 1


def rebuild(store: Store, *, tolerance_days: int = 1, background_days: int = 7, recall_days: int = 30,
            extra_dirs: Iterable = ()) -> int:
    """Delete and rebuild every incident from the events that happened; return how many there are."""
    ladder = ladder_mod.load(extra_dirs)
    rule = Rule(lru_cache(maxsize=None)(ladder.family_of), tolerance_days, background_days, recall_days,
                ladder.generic_place_words, ladder.recall_cues)
    count = 0
    with store.transaction() as conn:
        conn.execute(delete(schema.incidents))
        conn.execute(text("DROP TABLE IF EXISTS incident_map"))
        conn.execute(text("CREATE TEMPORARY TABLE incident_map (event_id INTEGER PRIMARY KEY, incident_id INTEGER NOT NULL)"))
        rows = conn.execute(_mention_query().execution_options(stream_results=True, yield_per=BATCH))
        incidents, links = [], []
        for row, event_ids in _incidents(rows, rule):
            incidents.append(row)
            links += [(i, row["id"]) for i in event_ids]
            count += 1
            if len(links) >= BATCH:
                _flush(conn, incidents, links)
        _flush(conn, incidents, links)
        conn.execute(text("UPDATE events SET incident_id = "
                          "(SELECT m.incident_id FROM incident_map m WHERE m.event_id = events.id)"))
        conn.execute(text("DROP TABLE incident_map"))
    return count


def _flush(conn, incidents: list[dict], links: list[tuple[int, int]]) -> None:
    if incidents:
        conn.execute(insert(schema.incidents), incidents)
    if links:  # plain DBAPI executemany: the map is the bulk of the rows
        mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        conn.exec_driver_sql(f"INSERT INTO incident_map (event_id, incident_id) VALUES ({mark}, {mark})", links)
    incidents.clear()
    links.clear()
