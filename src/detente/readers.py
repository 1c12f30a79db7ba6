"""The one batch interface the three readers share (see ../shared/eval/README.md).

A reader is loaded once with its knowledge (read-only) and then maps a parsed
text to records: ``reader.read(parsed) -> list[record]``. ``read_records`` runs
several readers over one parse of each text, in this process or in a pool of
worker processes that each load the readers once. ``read_jsonl`` runs a reader
over a JSONL file of ``{"id", "date", "text"}`` records and yields one output
object per input line, in input order, so any gold file can be scored.
"""
from __future__ import annotations

import json
import math
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from functools import lru_cache
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


Found = list[Any] | Exception  # what one reader found in one text, or why it failed there


def read_records(chosen: Sequence[Reader], records: Sequence[TextRecord], *, extra_dirs: tuple = (),
                 batch_size: int = nlp.BATCH_SIZE, n_process: int = 1) -> Iterator[tuple[TextRecord, list[Found]]]:
    """Each record with what each of the ``chosen`` readers found in it, in input order; one parse per record.

    With ``n_process`` > 1 the records go in batches to a pool of worker processes, each of which
    loads the model and the readers (``load(reader.key, extra_dirs)``) once and both parses and reads:
    the readers run in parallel like the parser, and only the small records found come back, never
    a parsed doc. This process only hands out batches and collects results.
    """
    if n_process <= 1 or len(records) <= 1:
        yield from _read_batch(chosen, batch_size, records)
        return
    kinds = tuple(reader.key for reader in chosen)
    nlp.load()  # loaded before the pool starts, so that forked workers share it
    size = min(batch_size, math.ceil(len(records) / n_process))  # small inputs still reach every worker
    with ProcessPoolExecutor(max_workers=n_process) as pool:
        pending: deque = deque()
        try:
            for i in range(0, len(records), size):
                pending.append(pool.submit(_read_in_worker, kinds, tuple(extra_dirs), batch_size, records[i:i + size]))
                if len(pending) > 2 * n_process:  # a bounded queue: results are taken in order as they are needed
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


def _read_batch(chosen: Sequence[Reader], batch_size: int,
                records: Sequence[TextRecord]) -> Iterator[tuple[TextRecord, list[Found]]]:
    from .forecasts.triples import attach_events
    for parsed in nlp.parse(records, batch_size=batch_size):
        found = {reader.key: _found(reader, parsed) for reader in chosen}
        events, forecasts = found.get("events"), found.get("forecasts")
        if isinstance(events, list) and isinstance(forecasts, list):
            attach_events(forecasts, events)  # the forecast's predicted event, when the coder read one there
        yield parsed.record, list(found.values())


@lru_cache(maxsize=1)
def _worker_readers(kinds: tuple[str, ...], extra_dirs: tuple) -> tuple[Reader, ...]:
    """The readers of a worker process, loaded on its first batch and kept for the pool's life."""
    return tuple(load(kind, extra_dirs) for kind in kinds)


def _read_in_worker(kinds: tuple[str, ...], extra_dirs: tuple, batch_size: int,
                    records: Sequence[TextRecord]) -> list[tuple[TextRecord, list[Found]]]:
    return list(_read_batch(_worker_readers(kinds, extra_dirs), batch_size, records))


def _found(reader: Reader, parsed: nlp.Parsed) -> Found:
    try:
        return reader.read(parsed)
    except Exception as exc:  # one bad record must not sink the batch; the caller decides what to do
        return exc


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


def read_jsonl(kind: str, path: Path, errors: list[str], *, extra_dirs: tuple = (),
               batch_size: int = nlp.BATCH_SIZE, n_process: int = 1) -> Iterator[dict[str, Any]]:
    """One ``{"id", key: [...]}`` object per input record, in input order, for the reader of ``kind``."""
    reader = load(kind, extra_dirs)
    records = list(records_from_jsonl(path, errors))
    for record, (found,) in read_records([reader], records, extra_dirs=extra_dirs, batch_size=batch_size,
                                         n_process=n_process):
        if isinstance(found, Exception):  # one bad record must not sink the batch
            errors.append(f"{path}: record {record.id}: {reader.key} reader failed: {found!r}")
            found = []
        yield {"id": record.id, reader.key: [r.to_dict() for r in found]}
