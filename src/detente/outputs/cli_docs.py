"""CLI commands of the docs stage: ``detente ingest`` and ``detente docs list|show``."""
from __future__ import annotations

from datetime import date
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from .common import DbOption, FormatOption, err, open_store
from .tables import Format, emit

COLUMNS = ("id", "date", "title", "author", "outlet", "url", "language", "words", "status", "duplicate_of")


def _day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from exc


def register(app: typer.Typer) -> None:
    @app.command()
    def ingest(
        sources: Annotated[list[str], typer.Argument(help="Files, folders, globs, http(s) URLs, feeds, or - for stdin.")],
        db: DbOption = None,
        on: Annotated[str | None, typer.Option("--date", help="Date (YYYY-MM-DD) for articles that give none.")] = None,
        outlet: Annotated[str | None, typer.Option("--outlet", help="Outlet for articles that name none.")] = None,
        lang: Annotated[str | None, typer.Option("--lang", help="Language code of every article (skips detection).")] = None,
    ) -> None:
        """Store articles as clean, dated, deduplicated documents; exit 1 if any item failed."""
        from ..ingest import ingest as run

        day = _day(on)
        store = open_store(db)
        result = run(sources, store, date=day, outlet=outlet, lang=lang, progress=err.is_terminal)
        out = Console(stderr=True, highlight=False, soft_wrap=True)
        for line in result.errors:
            out.print(f"[red]error[/red] {escape(line)}", highlight=False)
        for line in result.skipped:
            out.print(f"[yellow]skipped[/yellow] {escape(line)}", highlight=False)
        for line in result.notes:
            out.print(f"[cyan]note[/cyan] {escape(line)}", highlight=False)
        out.print(f"documents: {len(result.added)} new, {result.already} already stored, "
                  f"{result.near_duplicates} near-duplicates linked, {len(result.skipped)} skipped, "
                  f"{len(result.errors)} failed")
        if result.errors:
            raise typer.Exit(1)

    docs = typer.Typer(help="Stored documents.", no_args_is_help=True)
    app.add_typer(docs, name="docs")

    @docs.command("list")
    def list_(db: DbOption = None, fmt: FormatOption = Format.table,
              status: Annotated[str | None, typer.Option(help="Only this status: ok, duplicate, non_english.")] = None) -> None:
        """Stored documents, oldest first (unknown dates last)."""
        store = open_store(db)
        rows = [d.to_dict() for d in store.documents(status=status)]
        emit(rows, fmt, COLUMNS, title="documents")

    @docs.command("show")
    def show(doc_id: Annotated[str, typer.Argument(help="Document id (or a unique prefix).")],
             db: DbOption = None, fmt: FormatOption = Format.table) -> None:
        """One document: its metadata and cleaned text."""
        store = open_store(db)
        doc = store.document(doc_id)
        if doc is None:
            err.print(f"[red]error[/red]: no document with id {doc_id} (or the prefix is ambiguous)")
            raise typer.Exit(1)
        row = doc.to_dict(with_text=True)
        if fmt == Format.table:
            console = Console(highlight=False)
            for key in (*COLUMNS, "date_source", "source"):
                console.print(f"[bold]{key}[/bold]: {'' if row.get(key) is None else row[key]}", markup=True)
            console.print()
            console.print(row["text"], markup=False)
        else:
            emit([row], fmt, (*COLUMNS, "text"))
