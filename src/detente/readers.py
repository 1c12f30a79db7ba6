"""The one batch interface the three readers share (see ../shared/eval/README.md).

A reader is loaded once with its knowledge (read-only) and then maps a parsed
text to records: ``reader.read(parsed) -> list[record]``. ``read_jsonl`` runs a
reader over a JSONL file of ``{"id", "date", "text"}`` records and yields one
output object per input line, in input order, so any gold file can be scored.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from . import nlp
from .records import TextRecord


class Reader(Protocol):
    key: str  # the output field: events, claims, forecasts
    version: str

    def read(self, parsed: nlp.Parsed) -> list[Any]: ...


def load(kind: str, extra_dirs=()) -> Reader:
    """The reader for ``kind`` (events, claims, forecasts) with its knowledge loaded."""
    if kind == "events":
        from .events import Coder
        return Coder.load(extra_dirs)
    if kind == "claims":
        from .claims import Attributor
        return Attributor.load(extra_dirs)
    if kind == "forecasts":
        from .forecasts import ForecastReader
        return ForecastReader.load(extra_dirs)
    raise ValueError(f"unknown reader {kind!r}")


def parse_date(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def records_from_jsonl(path: Path, errors: list[str]) -> Iterator[TextRecord | None]:
    """TextRecords of a JSONL file; a malformed line yields None and appends one error line."""
    with path.open(encoding="utf-8", errors="replace") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                    raise ValueError("no 'text' string")
            except ValueError as exc:
                errors.append(f"{path}:{number}: malformed record: {exc}")
                yield TextRecord(id=f"line-{number}", text="")
                continue
            yield TextRecord(id=str(obj.get("id", f"line-{number}")), text=obj["text"], date=parse_date(obj.get("date")))


def read_jsonl(reader: Reader, path: Path, errors: list[str], *, batch_size: int = nlp.BATCH_SIZE,
               n_process: int = 1) -> Iterator[dict[str, Any]]:
    """One ``{"id", reader.key: [...]}`` object per input record, in input order."""
    records = list(records_from_jsonl(path, errors))
    for parsed in nlp.parse(records, batch_size=batch_size, n_process=n_process):
        try:
            found = [r.to_dict() for r in reader.read(parsed)]
        except Exception as exc:  # one bad record must not sink the batch
            errors.append(f"{path}: record {parsed.record.id}: {reader.key} reader failed: {exc!r}")
            found = []
        yield {"id": parsed.record.id, reader.key: found}
