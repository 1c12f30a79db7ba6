"""CLI commands of the analytics stage: ``index``, ``dyads``, ``incidents``, ``report``, ``export``."""
from __future__ import annotations

from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from .. import analytics
from .common import DbOption, FormatOption, err, open_store
from .export import ExportFormat
from .tables import Format, emit

SPARKS = "▁▂▃▄▅▆▇█"


class Freq(str, Enum):
    D = "D"
    W = "W"


class Table(str, Enum):
    events = "events"
    incidents = "incidents"
    index = "index"


def sparkline(values: list[float], width: int = 120) -> str:
    """A unicode sparkline, one block per value (per bucket of values, by its peak, beyond ``width``)."""
    if not values:
        return ""
    if len(values) > width:
        step = len(values) / width
        values = [max(values[int(i * step):max(int((i + 1) * step), int(i * step) + 1)]) for i in range(width)]
    lo, hi = min(values), max(values)
    span = (hi - lo) or 1.0
    return "".join(SPARKS[int((v - lo) / span * (len(SPARKS) - 1))] for v in values)


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        err.print(f"[red]error[/red]: {option} {value!r}: expected YYYY-MM-DD")
        raise typer.Exit(2) from None


def _dyad(value: str) -> tuple[str, str]:
    try:
        return analytics.parse_dyad(value)
    except ValueError as exc:
        err.print(f"[red]error[/red]: {exc}")
        raise typer.Exit(2) from None


def register(app: typer.Typer) -> None:
    @app.command()
    def index(
        a: Annotated[str, typer.Argument(help="First country code (the source when --directed).")],
        b: Annotated[str, typer.Argument(help="Second country code (the target when --directed).")],
        freq: Annotated[Freq, typer.Option("--freq", help="D (days) or W (ISO weeks, by their Monday).")] = Freq.D,
        start: Annotated[str | None, typer.Option("--from", help="First day, YYYY-MM-DD.")] = None,
        end: Annotated[str | None, typer.Option("--to", help="Last day, YYYY-MM-DD.")] = None,
        directed: Annotated[bool, typer.Option("--directed", help="Only A's acts towards B.")] = False,
        span: Annotated[int | None, typer.Option(help="EWMA span in periods (default 7 days, 4 weeks).")] = None,
        threshold: Annotated[float, typer.Option(
            help="CUSUM alarm threshold, in robust-scale units (index points on sparse series).")] = 5.0,
        drift: Annotated[float, typer.Option(help="CUSUM slack per period, in the same units.")] = 1.0,
        db: DbOption = None,
        fmt: FormatOption = Format.table,
    ) -> None:
        """The escalation index of a dyad per day or week, with its ladder rung and trend."""
        store = open_store(db)
        params = analytics.TrendParams(span=span, drift=drift, threshold=threshold)
        rows = analytics.index_series(store, a.upper(), b.upper(), freq=freq.value, start=_day(start, "--from"),
                                      end=_day(end, "--to"), directed=directed, params=params)
        arrow = "→" if directed else "↔"
        shown = rows
        if fmt == Format.table:  # quiet periods would bury the few that matter: list active ones and turns
            shown = [r for r in rows if r["incidents"] or r.get("turn")]
        emit(shown, fmt, ["period", "index", "rung", "trend", "incidents"], title=f"{a.upper()} {arrow} {b.upper()}")
        if fmt == Format.table:
            console = Console()
            if not rows:
                console.print("no incidents for this dyad")
                return
            if len(shown) < len(rows):
                console.print(f"{len(rows) - len(shown)} quiet periods not listed (--format json lists all)")
            console.print(f"index {sparkline([r['index'] for r in rows])}")

    @app.command()
    def dyads(
        limit: Annotated[int, typer.Option(help="How many dyads.")] = 20,
        db: DbOption = None,
        fmt: FormatOption = Format.table,
    ) -> None:
        """The most active directed dyads: incidents, latest index, rung and trend."""
        rows = analytics.dyads(open_store(db), limit=limit)
        emit(rows, fmt, ["source", "target", "incidents", "index", "rung", "trend", "last"], title="Most active dyads")

    @app.command()
    def incidents(
        dyad: Annotated[str | None, typer.Option(help="Only this dyad, both directions: USA-IRN.")] = None,
        since: Annotated[str | None, typer.Option(help="Only incidents on or after YYYY-MM-DD.")] = None,
        directed: Annotated[bool, typer.Option("--directed", help="With --dyad: only the first country's acts.")] = False,
        db: DbOption = None,
        fmt: FormatOption = Format.table,
    ) -> None:
        """Incidents: the mentions of one real-world event merged across articles."""
        rows = analytics.incident_records(open_store(db), dyad=_dyad(dyad) if dyad else None, directed=directed,
                                          since=_day(since, "--since"))
        emit(rows, fmt, ["id", "date", "source", "target", "code", "goldstein", "articles", "outlets", "place"],
             title="Incidents")

    @app.command()
    def report(
        out: Annotated[Path, typer.Argument(help="The HTML file to write.")],
        db: DbOption = None,
    ) -> None:
        """Write the self-contained HTML report (works offline, one file)."""
        from .report import write_report

        path = write_report(open_store(db), out)
        Console(stderr=True).print(f"report: {path.resolve()}")

    @app.command()
    def export(
        table: Annotated[Table, typer.Argument(help="events, incidents or index.")],
        fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="csv, jsonl or parquet.")] = ExportFormat.csv,
        out: Annotated[Path | None, typer.Option("--out", "-o", help="Output file (default stdout; Parquet needs one).")] = None,
        freq: Annotated[Freq, typer.Option("--freq", help="index only: D or W.")] = Freq.D,
        dyad: Annotated[str | None, typer.Option(help="index only: one dyad, e.g. USA-IRN (default every dyad).")] = None,
        undirected: Annotated[bool, typer.Option("--undirected", help="index only: both directions together.")] = False,
        db: DbOption = None,
    ) -> None:
        """Export events, incidents or the index (columns: docs/export-columns.md)."""
        from .export import export as run_export

        if fmt == ExportFormat.parquet and out is None:
            err.print("[red]error[/red]: Parquet is binary: give --out FILE")
            raise typer.Exit(2)
        options = {"freq": freq.value, "dyad": _dyad(dyad) if dyad else None, "directed": not undirected} \
            if table == Table.index else {}
        n = run_export(open_store(db), table.value, fmt, out, **options)
        if out:
            Console(stderr=True).print(f"{n} {table.value} rows → {out}")
