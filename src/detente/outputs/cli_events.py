"""CLI commands of the events stage: ``code`` (one sentence or a JSONL batch) and ``events`` (the stored ones)."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from ..store import schema
from .common import DataOption, DbOption, FormatOption, err, open_store, run_batch
from .tables import Format, emit

EVENT_COLUMNS = ["id", "date", "source", "code", "target", "modality", "confidence", "trigger", "pattern"]
CODE_COLUMNS = ["source", "code", "target", "modality", "confidence", "date", "trigger", "pattern"]


def _actor(country: str, sector: str, text: str | None, name: str | None) -> dict[str, Any]:
    return {"country": country, "sector": sector or "", "text": text or "", "name": name}


def event_item(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event as the batch event record plus id, doc_id, sentence, place, pattern (see cli-json.md)."""
    start = row["trigger_start"]
    return {
        "id": row["id"], "doc_id": row["doc_id"],
        "source": _actor(row["source_country"], row["source_sector"], row["source_text"], row["source_name"]),
        "target": _actor(row["target_country"], row["target_sector"], row["target_text"], row["target_name"]),
        "code": row["code"], "root": row["root"], "quad": row["quad"], "goldstein": row["goldstein"],
        "modality": row["modality"], "confidence": round(row["confidence"], 3), "date": row["date"],
        "date_precision": row["date_precision"],
        "trigger": {"start": start, "end": row["trigger_end"], "text": row["trigger_text"]},
        "sentence": row["sentence"], "place": row["place"], "pattern": row["pattern"],
    }


def _label(actor: dict[str, Any]) -> str:
    return f"{actor['country']} {actor['sector']}".strip()


def _flat(item: dict[str, Any]) -> dict[str, Any]:
    """Table/CSV cells: actors as 'USA GOV', the trigger as its text (JSON keeps everything)."""
    return {**item, "source": _label(item["source"]), "target": _label(item["target"]), "trigger": item["trigger"]["text"]}


def _dyad(value: str) -> tuple[str, str]:
    parts = value.upper().split("-")
    if len(parts) != 2 or not all(parts):
        raise typer.BadParameter("expected SOURCE-TARGET country codes, e.g. USA-IRN", param_hint="--dyad")
    return parts[0], parts[1]


def register(app: typer.Typer) -> None:
    @app.command()
    def code(
        sentence: Annotated[str | None, typer.Argument(help="A sentence (or short text) to code.")] = None,
        jsonl: Annotated[Path | None, typer.Option("--jsonl", help="Batch mode: a JSONL file of {id, date, text}.")] = None,
        when: Annotated[str | None, typer.Option("--date", help="The article date, YYYY-MM-DD (default: today).")] = None,
        explain: Annotated[bool, typer.Option("--explain", help="Show tokens, dependencies, patterns and modality reasons.")] = False,
        fmt: FormatOption = Format.table,
        data: DataOption = None,
    ) -> None:
        """Code events in one sentence, or in a JSONL batch (see ../shared/eval/README.md)."""
        if jsonl:
            run_batch("events", jsonl, data)
            return
        if not sentence:
            err.print("[red]error[/red]: give a sentence or --jsonl FILE")
            raise typer.Exit(2)
        try:
            day = date.fromisoformat(when) if when else date.today()
        except ValueError as exc:
            raise typer.BadParameter("expected YYYY-MM-DD", param_hint="--date") from exc
        from .. import nlp
        from ..events import Coder
        from ..records import TextRecord

        coder = Coder.load(data or ())
        parsed = next(nlp.parse([TextRecord(id="cli", text=sentence, date=day)]))
        if explain:
            _explain(coder, parsed)
        rows = [_flat(e.to_dict()) for e in coder.read(parsed)] if fmt != Format.json else [e.to_dict() for e in coder.read(parsed)]
        emit(rows, fmt, CODE_COLUMNS, title=f"{len(rows)} events")

    @app.command()
    def events(
        dyad: Annotated[str | None, typer.Option("--dyad", help="Only this source-target pair, e.g. USA-IRN.")] = None,
        root: Annotated[str | None, typer.Option("--root", help="Only this CAMEO root code, e.g. 19.")] = None,
        since: Annotated[str | None, typer.Option("--since", help="Only events on or after YYYY-MM-DD.")] = None,
        until: Annotated[str | None, typer.Option("--until", help="Only events on or before YYYY-MM-DD.")] = None,
        all_modalities: Annotated[bool, typer.Option("--all", help="Include events that did not happen (negated, future…).")] = False,
        db: DbOption = None,
        fmt: FormatOption = Format.table,
    ) -> None:
        """The stored events, filtered by dyad, root code and date."""
        t = schema.events
        where = []
        if dyad:
            src, tgt = _dyad(dyad)
            where += [t.c.source_country == src, t.c.target_country == tgt]
        if root:
            where.append(t.c.root == root.zfill(2)[:2])
        for value, op, hint in ((since, "ge", "--since"), (until, "le", "--until")):
            if value:
                try:
                    day = date.fromisoformat(value)
                except ValueError as exc:
                    raise typer.BadParameter("expected YYYY-MM-DD", param_hint=hint) from exc
                where.append(t.c.date >= day if op == "ge" else t.c.date <= day)
        if not all_modalities:
            where.append(t.c.modality.in_(("asserted", "reported")))
        store = open_store(db)
        items = [event_item(r) for r in store.rows("events", *where, order_by=[t.c.date, t.c.doc_id, t.c.trigger_start])]
        rows = items if fmt == Format.json else [_flat(i) for i in items]
        emit(rows, fmt, EVENT_COLUMNS, title=f"{len(rows)} events")


def _explain(coder, parsed) -> None:
    """Print the parse and, per trigger, the rule that fired, its arguments and the modality reason."""
    console = Console()
    for tok in parsed.doc:
        console.print(f"{tok.i:>3} {tok.text:<16} {tok.lemma_:<14} {tok.pos_:<6} {tok.dep_:<10} -> {tok.head.i:<3} {tok.ent_type_}",
                      highlight=False, markup=False)
    for item in coder.explain(parsed):
        console.print(
            f"[bold]{item['trigger']}[/bold] → {item['code']} by rule {item['pattern']} ({item['where']}); "
            f"sources {item['sources']}, targets {item['targets']} via {item['target_slot'] or 'none'}; "
            f"modality {item['modality']}: {item['why']}", highlight=False)
