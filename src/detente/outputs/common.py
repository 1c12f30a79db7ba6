"""Options and helpers every CLI command module shares."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from .. import readers
from ..store import Store
from .tables import Format

err = Console(stderr=True)

DbOption = Annotated[str | None, typer.Option("--db", help="Store URL or SQLite path (default $DETENTE_DB or ./detente.db).")]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="table, json or csv.")]
DataOption = Annotated[list[Path] | None, typer.Option("--data", help="Extra knowledge folder laid out like detente/data (repeatable).")]


def open_store(db: str | None) -> Store:
    try:
        return Store(db)
    except Exception as exc:  # a wrong URL or an unreachable server: one line, exit 2
        err.print(f"[red]error[/red]: cannot open store {db or ''}: {exc}")
        raise typer.Exit(2) from exc


def run_batch(kind: str, path: Path, data: list[Path] | None = None, n_process: int = 1) -> None:
    """Batch mode: one JSON line per input record, in order, on stdout; errors on stderr; exit 1 if any."""
    if not path.is_file():
        err.print(f"[red]error[/red]: {path}: no such file")
        raise typer.Exit(2)
    errors: list[str] = []
    for obj in readers.read_jsonl(kind, path, errors, extra_dirs=tuple(data or ()), n_process=n_process):
        sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    for line in errors:
        err.print(line, markup=False, highlight=False)
    if errors:
        raise typer.Exit(1)
