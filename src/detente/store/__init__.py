"""The store: SQLAlchemy Core over SQLite (default, one file) or PostgreSQL (by URL).

The schema is brought up to date by Alembic migrations whenever a store is opened.
Writes are grouped one document per transaction, so a run killed half-way keeps
what it committed and a re-run resumes.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, delete, event, func, insert, select, update
from sqlalchemy.engine import Connection, Engine

from ..records import Claim, Document, Event, Forecast
from . import schema

DEFAULT_URL = "sqlite:///detente.db"
MIGRATIONS = Path(__file__).parent / "migrations"


def resolve_url(url: str | None) -> str:
    """A URL from the argument, else $DETENTE_DB, else ./detente.db; a bare path means SQLite."""
    url = url or os.environ.get("DETENTE_DB") or DEFAULT_URL
    if "://" not in url:
        url = f"sqlite:///{url}"
    return url


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable at checkpoints, safe from corruption
    cursor.close()


class Store:
    """A handle on one database. Cheap to open; safe to open one per worker process."""

    def __init__(self, url: str | None = None, *, migrate: bool = True) -> None:
        self.url = resolve_url(url)
        self.engine: Engine = create_engine(self.url, future=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        if migrate:
            self.migrate()

    # -- schema -----------------------------------------------------------------------------
    def migrate(self, revision: str = "head") -> None:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, revision)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def transaction(self):
        """A connection in a transaction: committed on success, rolled back on error."""
        return self.engine.begin()

    # -- documents --------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(schema.documents.c.id).where(schema.documents.c.id == doc_id)).first() is not None

    def add_document(self, doc: Document, conn: Connection | None = None) -> None:
        row = {
            "id": doc.id, "date": doc.date, "date_source": doc.date_source, "title": doc.title,
            "author": doc.author, "outlet": doc.outlet, "url": doc.url, "language": doc.language,
            "words": doc.words, "status": doc.status, "duplicate_of": doc.duplicate_of,
            "source": doc.source, "text": doc.text, "minhash": doc.minhash,
            "ingested_at": datetime.now(timezone.utc), "processed": {}, "extra": doc.extra or {},
        }
        if conn is None:
            with self.transaction() as own:
                own.execute(insert(schema.documents), row)
        else:
            conn.execute(insert(schema.documents), row)

    def documents(self, *, status: str | None = None, unprocessed: str | None = None,
                  ids: Iterable[str] | None = None) -> Iterator[Document]:
        """Stored documents, oldest first; ``unprocessed=STAGE`` keeps those STAGE has not read."""
        t = schema.documents
        query = select(t).order_by(t.c.date.is_(None), t.c.date, t.c.id)
        if status:
            query = query.where(t.c.status == status)
        if ids is not None:
            query = query.where(t.c.id.in_(list(ids)))
        with self.engine.connect() as conn:
            for row in conn.execute(query).mappings():
                if unprocessed and (row["processed"] or {}).get(unprocessed):
                    continue
                yield _document(row)

    def document(self, doc_id: str) -> Document | None:
        """One document by id or unique id prefix."""
        t = schema.documents
        with self.engine.connect() as conn:
            rows = conn.execute(select(t).where(t.c.id.like(f"{doc_id}%")).limit(2)).mappings().all()
        return _document(rows[0]) if len(rows) == 1 else None

    def processed(self, doc_id: str) -> dict[str, str]:
        """Which readers (and versions) have read a document."""
        t = schema.documents
        with self.engine.connect() as conn:
            value = conn.execute(select(t.c.processed).where(t.c.id == doc_id)).scalar()
        return dict(value or {})

    def minhashes(self) -> Iterator[tuple[str, list[int]]]:
        t = schema.documents
        with self.engine.connect() as conn:
            for doc_id, sig in conn.execute(select(t.c.id, t.c.minhash).where(t.c.duplicate_of.is_(None))):
                if sig:
                    yield doc_id, sig

    def relink_duplicates(self, old_original: str, new_original: str, conn: Connection | None = None) -> None:
        """An earlier copy was found later: make ``old_original`` and its duplicates point at it."""
        t = schema.documents
        query = (update(t).where((t.c.id == old_original) | (t.c.duplicate_of == old_original))
                 .values(duplicate_of=new_original, status="duplicate"))
        if conn is None:
            with self.transaction() as own:
                own.execute(query)
        else:
            conn.execute(query)

    def count(self, table: str) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(schema.metadata.tables[table])).scalar_one()

    # -- readings ---------------------------------------------------------------------------
    def save_readings(self, doc_id: str, readings: dict[str, tuple[str, list[dict[str, Any]]]]) -> None:
        """Replace what each stage read from one document, all in one transaction.

        ``readings`` maps a stage's table (events, claims, forecasts) to (version, rows).
        """
        docs = schema.documents
        with self.transaction() as conn:
            processed = conn.execute(select(docs.c.processed).where(docs.c.id == doc_id)).scalar_one()
            processed = dict(processed or {})
            for stage, (version, rows) in readings.items():
                table = schema.metadata.tables[stage]
                conn.execute(delete(table).where(table.c.doc_id == doc_id))
                if rows:
                    conn.execute(insert(table), [{**r, "doc_id": doc_id} for r in rows])
                processed[stage] = version
            conn.execute(update(docs).where(docs.c.id == doc_id).values(processed=processed))

    def rows(self, table: str, *where, order_by=None, limit: int | None = None) -> list[dict[str, Any]]:
        """Rows of a table as dicts, filtered with SQLAlchemy expressions over ``schema``."""
        t = schema.metadata.tables[table]
        query = select(t).where(*where)
        query = query.order_by(*(order_by if order_by is not None else [t.c[list(t.c.keys())[0]]]))
        if limit:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]


def _document(row) -> Document:
    return Document(
        id=row["id"], text=row["text"], title=row["title"], author=row["author"], outlet=row["outlet"],
        url=row["url"], date=row["date"], date_source=row["date_source"], language=row["language"],
        source=row["source"] or "", status=row["status"], duplicate_of=row["duplicate_of"],
        minhash=row["minhash"], extra=row["extra"] or {},
    )


def event_row(e: Event) -> dict[str, Any]:
    return {
        "sentence": e.sentence.text if e.sentence else None,
        "sentence_start": e.sentence.start if e.sentence else None,
        "trigger_start": e.trigger.start, "trigger_end": e.trigger.end, "trigger_text": e.trigger.text,
        "source_country": e.source.country, "source_sector": e.source.sector, "source_text": e.source.text,
        "source_name": e.source.name, "target_country": e.target.country, "target_sector": e.target.sector,
        "target_text": e.target.text, "target_name": e.target.name, "code": e.code, "root": e.root,
        "quad": e.quad, "goldstein": e.goldstein, "modality": e.modality, "confidence": e.confidence,
        "date": e.date, "date_precision": e.date_precision, "place": e.place, "pattern": e.pattern,
        "extra": {},
    }


def claim_row(c: Claim) -> dict[str, Any]:
    s = c.speaker
    return {
        "speaker_kind": s.kind, "speaker_text": s.span.text if s.span else "",
        "speaker_start": s.span.start if s.span else None, "speaker_end": s.span.end if s.span else None,
        "speaker_key": (s.actor.name if s.actor and s.actor.name else (s.span.text if s.span else "author")).lower(),
        "content_text": c.content.text, "content_start": c.content.start, "content_end": c.content.end,
        "cue": c.cue, "numbers": [q.to_dict() for q in c.numbers], "extra": {"description": s.description},
    }


def forecast_row(f: Forecast) -> dict[str, Any]:
    s = f.forecaster
    return {
        "proposition_text": f.proposition.text, "proposition_start": f.proposition.start,
        "proposition_end": f.proposition.end, "forecaster_kind": s.kind,
        "forecaster_text": s.span.text if s.span else "", "phrase": f.phrase, "probability": f.probability,
        "band_lo": f.band[0], "band_hi": f.band[1], "condition": f.condition, "deadline": f.deadline,
        "event": f.event, "extra": {"forecaster_name": s.actor.name} if s.actor and s.actor.name else {},
    }
