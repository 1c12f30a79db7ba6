"""Export events, incidents and the index as CSV, JSON Lines or Parquet.

Column names and types are fixed here (one pyarrow schema per table) and documented beside their
GDELT and ICEWS equivalents in docs/export-columns.md. Rows are streamed in batches, so an export
of a million events does not hold them all in memory.
"""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from enum import Enum
from itertools import islice
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import func, select

from .. import analytics
from ..store import Store, schema

BATCH = 10_000


class ExportFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


EVENT_COLUMNS = pa.schema([
    ("id", pa.int64()), ("date", pa.date32()), ("date_precision", pa.string()),
    ("source_country", pa.string()), ("source_sector", pa.string()), ("source_text", pa.string()),
    ("source_name", pa.string()), ("target_country", pa.string()), ("target_sector", pa.string()),
    ("target_text", pa.string()), ("target_name", pa.string()), ("code", pa.string()), ("root", pa.string()),
    ("quad", pa.int8()), ("goldstein", pa.float64()), ("modality", pa.string()), ("confidence", pa.float64()),
    ("place", pa.string()), ("incident_id", pa.int64()), ("doc_id", pa.string()), ("doc_date", pa.date32()),
    ("outlet", pa.string()), ("url", pa.string()), ("sentence", pa.string()), ("trigger_text", pa.string()),
    ("pattern", pa.string()),
])

INCIDENT_COLUMNS = pa.schema([
    ("id", pa.int64()), ("date", pa.date32()), ("first_reported", pa.date32()),
    ("source_country", pa.string()), ("source_sector", pa.string()), ("target_country", pa.string()),
    ("target_sector", pa.string()), ("code", pa.string()), ("root", pa.string()), ("quad", pa.int8()),
    ("goldstein", pa.float64()), ("mentions", pa.int32()), ("articles", pa.int32()), ("outlets", pa.int32()),
    ("place", pa.string()), ("evidence_doc_id", pa.string()), ("evidence_url", pa.string()),
    ("evidence_text", pa.string()),
])

INDEX_COLUMNS = pa.schema([
    ("source", pa.string()), ("target", pa.string()), ("directed", pa.bool_()), ("freq", pa.string()),
    ("period", pa.date32()), ("index", pa.float64()), ("ewma", pa.float64()), ("rung", pa.int8()),
    ("trend", pa.string()), ("turn", pa.bool_()), ("incidents", pa.list_(pa.int64())),
])

TABLES = {"events": EVENT_COLUMNS, "incidents": INCIDENT_COLUMNS, "index": INDEX_COLUMNS}


def article_url(d):
    """The article's URL, else the path it was read from: what a reader can open."""
    return func.coalesce(d.c.url, d.c.source).label("url")


def event_rows(store: Store) -> Iterator[dict[str, Any]]:
    e, d = schema.events, schema.documents
    cols = [e.c[name] for name in EVENT_COLUMNS.names if name in e.c and name not in ("url", "outlet")]
    query = (select(*cols, d.c.date.label("doc_date"), d.c.outlet, article_url(d))
             .join(d, d.c.id == e.c.doc_id).order_by(e.c.id))
    with store.engine.connect() as conn:
        for row in conn.execution_options(stream_results=True, yield_per=BATCH).execute(query).mappings():
            yield dict(row)


def incident_rows(store: Store) -> Iterator[dict[str, Any]]:
    t, d = schema.incidents, schema.documents
    cols = [t.c[name] for name in INCIDENT_COLUMNS.names if name in t.c]
    query = select(*cols, article_url(d).label("evidence_url")).outerjoin(d, d.c.id == t.c.evidence_doc_id).order_by(t.c.id)
    with store.engine.connect() as conn:
        for row in conn.execution_options(stream_results=True, yield_per=BATCH).execute(query).mappings():
            yield dict(row)


def index_rows(store: Store, *, freq: str = "D", dyad: tuple[str, str] | None = None,
               directed: bool = True) -> Iterator[dict[str, Any]]:
    """The index of one dyad, or of every dyad with incidents (directed unless told otherwise)."""
    pairs = [dyad] if dyad else [(r["source"], r["target"]) for r in analytics.dyads(store, limit=1_000_000)]
    for a, b in pairs:
        for row in analytics.index_series(store, a, b, freq=freq, directed=directed):
            yield {"source": a, "target": b, "directed": directed, "freq": freq,
                   "period": date.fromisoformat(row["period"]), "index": float(row["index"]), "ewma": row["ewma"],
                   "rung": row["rung"], "trend": row["trend"], "turn": row["turn"], "incidents": row["incidents"]}


def _text(value: Any, csv_cell: bool) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if csv_cell and isinstance(value, list):
        return ";".join(str(v) for v in value)
    return value


def _batches(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    it = iter(rows)
    while batch := list(islice(it, BATCH)):
        yield batch


def write(rows: Iterable[dict[str, Any]], columns: pa.Schema, fmt: ExportFormat, out: Path | None) -> int:
    """Write rows with exactly ``columns``; ``out`` None means stdout (not for Parquet). Return the row count."""
    if fmt == ExportFormat.parquet:
        if out is None:
            raise ValueError("Parquet needs --out FILE")
        return _write_parquet(rows, columns, out)
    fh: IO[str] = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
    try:
        return _write_text(rows, columns.names, fmt, fh)
    finally:
        if out:
            fh.close()


def _write_text(rows, names: list[str], fmt: ExportFormat, fh: IO[str]) -> int:
    n = 0
    writer = csv.writer(fh) if fmt == ExportFormat.csv else None
    if writer:
        writer.writerow(names)
    for row in rows:
        if writer:
            writer.writerow(["" if row.get(c) is None else _text(row.get(c), True) for c in names])
        else:
            fh.write(json.dumps({c: _text(row.get(c), False) for c in names}, ensure_ascii=False) + "\n")
        n += 1
    return n


def _write_parquet(rows, columns: pa.Schema, out: Path) -> int:
    n = 0
    with pq.ParquetWriter(out, columns) as writer:
        for batch in _batches(rows):
            writer.write_table(pa.Table.from_pylist([{c: r.get(c) for c in columns.names} for r in batch], schema=columns))
            n += len(batch)
        if n == 0:
            writer.write_table(columns.empty_table())
    return n


def export(store: Store, table: str, fmt: ExportFormat, out: Path | None = None, **options: Any) -> int:
    """Export ``table`` (events, incidents, index) from the store; return the number of rows."""
    rows = {"events": lambda: event_rows(store), "incidents": lambda: incident_rows(store),
            "index": lambda: index_rows(store, **options)}[table]()
    return write(rows, TABLES[table], fmt, out)
