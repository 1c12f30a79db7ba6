"""CLI commands of the forecasts stage."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import DataOption, run_batch


def register(app: typer.Typer) -> None:
    @app.command()
    def forecasts(
        jsonl: Annotated[Path | None, typer.Option("--jsonl", help="Batch mode: a JSONL file of {id, date, text}.")] = None,
        data: DataOption = None,
    ) -> None:
        """Forecasts in a JSONL batch."""
        if jsonl:
            run_batch("forecasts", jsonl, data)
