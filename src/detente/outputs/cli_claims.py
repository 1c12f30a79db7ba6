"""CLI commands of the claims stage: ``claims`` (batch mode or the stored ledger) and ``sources``."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ..claims.ledger import rebuild_ledger, track_records
from ..store import schema
from .common import DataOption, DbOption, FormatOption, open_store, run_batch
from .tables import Format, emit

KINDS = ("named_person", "named_org", "official", "outlet", "anonymous", "author")
CLAIM_COLUMNS = ["id", "doc_id", "speaker", "kind", "content", "numbers", "group", "status", "grade"]
SOURCE_COLUMNS = ["speaker", "kind", "claims", "corroborated", "contradicted", "grade"]


def claim_item(row: dict[str, Any]) -> dict[str, Any]:
    """A stored claim as the batch claim record plus its place in the ledger (see cli-json.md)."""
    extra = row.get("extra") or {}
    return {
        "id": row["id"], "doc_id": row["doc_id"],
        "speaker": {"kind": row["speaker_kind"], "text": row["speaker_text"] or "",
                    "start": row["speaker_start"], "end": row["speaker_end"]},
        "content": {"text": row["content_text"], "start": row["content_start"], "end": row["content_end"]},
        "numbers": row["numbers"] or [], "cue": row["cue"], "description": extra.get("description"),
        "group": row["group_id"], "status": row["status"], "grade": row["grade"],
        "corroborated_by": extra.get("corroborated_by", []), "contradicted_by": extra.get("contradicted_by", []),
        # flat copies for the table and CSV views
        "kind": row["speaker_kind"],
    }


def register(app: typer.Typer) -> None:
    @app.command()
    def claims(
        jsonl: Annotated[Path | None, typer.Option("--jsonl", help="Batch mode: a JSONL file of {id, date, text}.")] = None,
        doc: Annotated[str | None, typer.Option("--doc", help="Only claims of this document (id or prefix).")] = None,
        speaker_kind: Annotated[str | None, typer.Option("--speaker-kind", help=f"Only this kind: {', '.join(KINDS)}.")] = None,
        contradicted: Annotated[bool, typer.Option("--contradicted", help="Only claims whose group is contradicted.")] = False,
        db: DbOption = None,
        fmt: FormatOption = Format.table,
        data: DataOption = None,
    ) -> None:
        """Attributed claims: a JSONL batch (--jsonl), or the stored claims ledger with groups and grades."""
        if jsonl:
            run_batch("claims", jsonl, data)
            return
        if speaker_kind and speaker_kind not in KINDS:
            raise typer.BadParameter(f"unknown kind {speaker_kind!r}; one of {', '.join(KINDS)}", param_hint="--speaker-kind")
        store = open_store(db)
        t = schema.claims
        if store.rows("claims", t.c.status.is_(None), limit=1):
            rebuild_ledger(store)  # claims read since the last rebuild have no group yet
        where = []
        if doc:
            found = store.document(doc)
            where.append(t.c.doc_id == (found.id if found else doc))
        if speaker_kind:
            where.append(t.c.speaker_kind == speaker_kind)
        if contradicted:
            where.append(t.c.status == "contradicted")
        rows = [claim_item(r) for r in store.rows("claims", *where, order_by=[t.c.doc_id, t.c.content_start])]
        emit(rows, fmt, CLAIM_COLUMNS, title=f"{len(rows)} claims")

    @app.command()
    def sources(db: DbOption = None, fmt: FormatOption = Format.table) -> None:
        """Each speaker's track record: claims, corroborated, contradicted, Admiralty reliability."""
        store = open_store(db)
        if store.rows("claims", schema.claims.c.status.is_(None), limit=1):
            rebuild_ledger(store)
        rows = [r.to_dict() for r in track_records(store)]
        emit(rows, fmt, SOURCE_COLUMNS, title=f"{len(rows)} sources")
