"""The ``detente`` command: a thin layer over the Python API.

Each command group lives in its own module (``cli_*.py``) and registers itself
on the one Typer app here.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .. import pipeline
from ..knowledge import DataError
from .common import DataOption, DbOption, err, open_store

app = typer.Typer(help="Turn news about international crises into checkable evidence.", no_args_is_help=True,
                  pretty_exceptions_enable=False)


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, URLs or - for stdin.")],
    db: DbOption = None,
    report: Annotated[Path | None, typer.Option(help="Write the HTML report here at the end.")] = None,
    data: DataOption = None,
    processes: Annotated[int, typer.Option(help="Parser worker processes.")] = 1,
) -> None:
    """The main job: ingest, read events, claims and forecasts, build incidents and the index, summarise."""
    store = open_store(db)
    summary = pipeline.analyze(paths, store, report=report, extra_dirs=data or (), n_process=processes)
    summary.print()
    if summary.failed:
        raise typer.Exit(1)


def _register() -> None:
    from . import cli_analytics, cli_claims, cli_docs, cli_events, cli_forecasts
    for module in (cli_docs, cli_events, cli_claims, cli_forecasts, cli_analytics):
        module.register(app)


_register()


def main() -> None:
    """Entry point: a malformed knowledge file is one clear line and exit 2, not a traceback."""
    try:
        app()
    except DataError as exc:
        err.print(f"[red]error[/red]: {exc}", highlight=False)
        raise SystemExit(2) from exc


if __name__ == "__main__":
    main()
