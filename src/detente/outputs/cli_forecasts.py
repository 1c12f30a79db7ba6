"""CLI commands of the forecasts stage: the batch reader, the ledger listing, resolving, suggesting, scores."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from .common import DataOption, DbOption, FormatOption, err, open_store, run_batch
from .tables import Format, emit

LIST_COLUMNS = ("id", "date", "forecaster", "kind", "proposition", "phrase", "probability", "deadline", "resolution", "brier")


class Outcome(str, Enum):
    yes = "yes"
    no = "no"
    void = "void"


class By(str, Enum):
    forecaster = "forecaster"
    outlet = "outlet"


def _listing(found: list[dict]) -> list[dict]:
    """Ledger rows in the JSON contract's shape (batch record plus id, doc_id, resolution, brier)."""
    out = []
    for r in found:
        out.append({
            "id": r["id"], "doc_id": r["doc_id"], "date": r["date"], "proposition": r["proposition"],
            "forecaster": {**r["forecaster"], "name": r["forecaster_name"]}, "kind": r["forecaster"]["kind"],
            "phrase": r["phrase"], "probability": r["probability"], "band": r["band"], "condition": r["condition"],
            "deadline": r["deadline"], "event": r["event"], "resolution": r["resolution"],
            "resolution_note": r["resolution_note"], "brier": r["brier"], "suggestion": r["suggestion"],
            "outlet": r["outlet"],
        })
    return out


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="The forecast ledger: read, list, resolve, suggest and score forecasts.",
                        invoke_without_command=True, no_args_is_help=False)

    @group.callback()
    def forecasts(
        ctx: typer.Context,
        jsonl: Annotated[Path | None, typer.Option("--jsonl", help="Batch mode: a JSONL file of {id, date, text}.")] = None,
        open_: Annotated[bool, typer.Option("--open", help="Only forecasts not yet resolved.")] = False,
        resolved: Annotated[bool, typer.Option("--resolved", help="Only resolved forecasts.")] = False,
        forecaster: Annotated[str | None, typer.Option("--forecaster", help="Forecaster name contains this.")] = None,
        db: DbOption = None,
        fmt: FormatOption = Format.table,
        data: DataOption = None,
    ) -> None:
        """Forecasts in a JSONL batch (--jsonl), or the stored ledger."""
        if ctx.invoked_subcommand:
            return
        if jsonl:
            run_batch("forecasts", jsonl, data)
            return
        if open_ and resolved:
            err.print("[red]error[/red]: --open and --resolved exclude each other")
            raise typer.Exit(2)
        from ..forecasts import ledger

        store = open_store(db)
        status = "open" if open_ else "resolved" if resolved else None
        found = _listing(ledger.rows(store, status=status, forecaster=forecaster))
        table = [{**r, "forecaster": r["forecaster"]["name"], "proposition": r["proposition"]["text"]} for r in found]
        emit(found if fmt == Format.json else table, fmt, LIST_COLUMNS, title="Forecasts")

    @group.command()
    def resolve(
        forecast_id: Annotated[int, typer.Argument(metavar="ID", help="The forecast's id (see `detente forecasts`).")],
        outcome: Annotated[Outcome, typer.Argument(help="yes, no or void.")],
        note: Annotated[str, typer.Option("--note", help="Why: the evidence that settles it.")] = "",
        db: DbOption = None,
    ) -> None:
        """Settle one forecast by hand (yes, no or void) with a note."""
        from ..forecasts import ledger

        store = open_store(db)
        try:
            row = ledger.resolve(store, forecast_id, outcome.value, note)
        except ledger.LedgerError as exc:
            err.print(f"[red]error[/red]: {exc}")
            raise typer.Exit(1) from exc
        score = "" if row["brier"] is None else f", Brier {row['brier']:.3f}"
        typer.echo(f"forecast {forecast_id}: {outcome.value}{score} — {row['proposition']['text']}")

    @group.command()
    def suggest(db: DbOption = None, fmt: FormatOption = Format.table, data: DataOption = None) -> None:
        """Propose resolutions from later events and incidents in the store (stored, never applied)."""
        from ..forecasts import ledger

        store = open_store(db)
        made = ledger.suggest(store, data or ())
        emit(made, fmt, ("id", "proposition", "resolution", "rule"), title="Suggested resolutions")

    @group.command()
    def calibration(db: DbOption = None, fmt: FormatOption = Format.table,
                    bins: Annotated[int, typer.Option(help="Number of probability bins.")] = 5) -> None:
        """Stated probability against how often resolved forecasts came true, in bins."""
        from ..forecasts import ledger

        store = open_store(db)
        emit(ledger.calibration(store, bins), fmt, ("bin", "forecasts", "stated", "observed"), title="Calibration")

    app.add_typer(group, name="forecasts")

    @app.command()
    def forecasters(db: DbOption = None, fmt: FormatOption = Format.table,
                    by: Annotated[By, typer.Option("--by", help="Score per forecaster or per outlet.")] = By.forecaster) -> None:
        """Track records: forecasts, resolved and mean Brier score per forecaster (or per outlet)."""
        from ..forecasts import ledger

        store = open_store(db)
        if by == By.outlet:
            emit(ledger.outlets(store), fmt, ("outlet", "forecasts", "resolved", "brier"), title="Outlets")
        else:
            emit(ledger.forecasters(store), fmt, ("forecaster", "kind", "forecasts", "resolved", "brier"), title="Forecasters")
