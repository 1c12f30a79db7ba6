"""The store's tables (SQLAlchemy Core). Migrations under ``migrations/`` create them.

Every table has an ``extra`` JSON column so a stage can keep a new attribute
before it earns a column and a migration of its own.
"""
from __future__ import annotations

from sqlalchemy import (JSON, Column, Date, DateTime, Float, ForeignKey, Index, Integer, MetaData,
                        String, Table, Text)

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", String(32), primary_key=True),
    Column("date", Date),
    Column("date_source", String(16)),
    Column("title", Text),
    Column("author", Text),
    Column("outlet", Text),
    Column("url", Text),
    Column("language", String(8), nullable=False, default="en"),
    Column("words", Integer, nullable=False, default=0),
    Column("status", String(16), nullable=False, default="ok"),
    Column("duplicate_of", String(32), index=True),
    Column("source", Text),
    Column("text", Text, nullable=False),
    Column("minhash", JSON),
    Column("ingested_at", DateTime(timezone=True)),
    Column("processed", JSON),  # {stage: version} of the readers that ran on it
    Column("extra", JSON),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("sentence", Text),
    Column("sentence_start", Integer),
    Column("trigger_start", Integer),
    Column("trigger_end", Integer),
    Column("trigger_text", Text),
    Column("source_country", String(3), nullable=False),
    Column("source_sector", String(3), nullable=False, default=""),
    Column("source_text", Text),
    Column("source_name", Text),
    Column("target_country", String(3), nullable=False),
    Column("target_sector", String(3), nullable=False, default=""),
    Column("target_text", Text),
    Column("target_name", Text),
    Column("code", String(4), nullable=False),
    Column("root", String(2), nullable=False),
    Column("quad", Integer, nullable=False),
    Column("goldstein", Float, nullable=False),
    Column("modality", String(16), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("date", Date),
    Column("date_precision", String(8)),
    Column("place", Text),
    Column("pattern", Text),
    Column("incident_id", Integer, index=True),
    Column("extra", JSON),
    Index("ix_events_dyad_date", "source_country", "target_country", "date"),
)

claims = Table(
    "claims", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("speaker_kind", String(16), nullable=False),
    Column("speaker_text", Text),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("speaker_key", Text, index=True),  # normalised speaker identity for track records
    Column("content_text", Text, nullable=False),
    Column("content_start", Integer),
    Column("content_end", Integer),
    Column("cue", Text),
    Column("numbers", JSON),
    Column("group_id", Integer, index=True),
    Column("status", String(16)),
    Column("grade", String(2)),
    Column("extra", JSON),
)

forecasts = Table(
    "forecasts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("proposition_text", Text, nullable=False),
    Column("proposition_start", Integer),
    Column("proposition_end", Integer),
    Column("forecaster_kind", String(16), nullable=False),
    Column("forecaster_text", Text),
    Column("phrase", Text),
    Column("probability", Float, nullable=False),
    Column("band_lo", Float),
    Column("band_hi", Float),
    Column("condition", Text),
    Column("deadline", Date),
    Column("event", JSON),
    Column("resolution", String(8)),
    Column("resolution_note", Text),
    Column("resolved_at", DateTime(timezone=True)),
    Column("suggestion", JSON),
    Column("extra", JSON),
)

incidents = Table(
    "incidents", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_country", String(3), nullable=False),
    Column("source_sector", String(3)),
    Column("target_country", String(3), nullable=False),
    Column("target_sector", String(3)),
    Column("code", String(4), nullable=False),
    Column("root", String(2), nullable=False),
    Column("quad", Integer, nullable=False),
    Column("goldstein", Float, nullable=False),
    Column("date", Date),
    Column("first_reported", Date),
    Column("mentions", Integer, nullable=False, default=0),
    Column("articles", Integer, nullable=False, default=0),
    Column("outlets", Integer, nullable=False, default=0),
    Column("evidence_doc_id", String(32)),
    Column("evidence_text", Text),
    Column("place", Text),
    Column("extra", JSON),
    Index("ix_incidents_dyad_date", "source_country", "target_country", "date"),
)
