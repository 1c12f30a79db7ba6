"""CLI commands of the claims stage."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import DataOption, run_batch


def register(app: typer.Typer) -> None:
    @app.command()
    def claims(
        jsonl: Annotated[Path | None, typer.Option("--jsonl", help="Batch mode: a JSONL file of {id, date, text}.")] = None,
        data: DataOption = None,
    ) -> None:
        """Attributed claims in a JSONL batch."""
        if jsonl:
            run_batch("claims", jsonl, data)
