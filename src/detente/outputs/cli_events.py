"""CLI commands of the events stage: ``code`` (one sentence or a JSONL batch) and ``events``."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import DataOption, run_batch


def register(app: typer.Typer) -> None:
    @app.command()
    def code(
        jsonl: Annotated[Path | None, typer.Option("--jsonl", help="Batch mode: a JSONL file of {id, date, text}.")] = None,
        data: DataOption = None,
    ) -> None:
        """Code events in a JSONL batch (see ../shared/eval/README.md)."""
        if jsonl:
            run_batch("events", jsonl, data)
