"""One way to print a listing: a Rich table, a JSON array or CSV (the --format option)."""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any

from rich.console import Console
from rich.table import Table


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        if "country" in value:  # an actor: the code an analyst filters on, then its sector
            return f"{value['country']} {value.get('sector') or ''}".strip()
        return str(value.get("text") or json.dumps(value, default=_plain))
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(_plain(value))


def emit(rows: Sequence[dict[str, Any]], fmt: Format, columns: Sequence[str], *, title: str | None = None) -> None:
    """Print rows: all fields as JSON, or ``columns`` as a table or CSV."""
    if fmt == Format.json:
        json.dump(list(rows), sys.stdout, default=_plain, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif fmt == Format.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
    else:
        table = Table(title=title)
        for column in columns:
            table.add_column(column)
        for row in rows:
            table.add_row(*(_cell(row.get(c)) for c in columns))
        Console().print(table)
