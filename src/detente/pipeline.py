"""The main job, stage after stage: ingest → nlp → readers → store → analytics → report.

``read_documents`` is the unit a cluster would run per partition of documents:
it needs only a store URL and the knowledge folders, and keeps no state.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from . import nlp, readers
from .records import TextRecord
from .store import Store, claim_row, event_row, forecast_row

READERS = ("events", "claims", "forecasts")
ROW = {"events": event_row, "claims": claim_row, "forecasts": forecast_row}


@dataclass
class Summary:
    ingested: int = 0
    already: int = 0
    near_duplicates: int = 0
    skipped: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    read: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    top_dyads: list[dict] = field(default_factory=list)
    report: Path | None = None

    @property
    def failed(self) -> bool:
        return bool(self.errors)

    def print(self, console: Console | None = None) -> None:
        console = console or Console()
        for line in self.errors:
            console.print(f"[red]error[/red] {line}", highlight=False)
        for line in self.skipped:
            console.print(f"[yellow]skipped[/yellow] {line}", highlight=False)
        console.print(
            f"documents: {self.ingested} new, {self.already} already stored, {self.near_duplicates} near-duplicates linked, "
            f"{len(self.errors)} failed; read {self.read}"
        )
        if self.counts:
            console.print("store: " + ", ".join(f"{n} {k}" for k, n in self.counts.items()))
        for d in self.top_dyads:
            console.print(f"  {d['source']} → {d['target']}: {d['incidents']} incidents, {d['first']} to {d['last']}, "
                          f"latest rung {d['rung'] if d['rung'] is not None else '-'}, {d['trend'] or 'no trend'}")
        if self.report:
            console.print(f"report: {self.report.resolve()}")


def read_documents(store: Store, kinds: Sequence[str] = READERS, *, extra_dirs: Iterable = (),
                   n_process: int = 1, batch_size: int = nlp.BATCH_SIZE, progress: bool = True) -> int:
    """Run the readers over every stored English document they have not read yet; return how many.

    With ``n_process`` > 1, worker processes parse and read; this process only writes to the store.
    """
    extra_dirs = tuple(extra_dirs)
    loaded = [readers.load(kind, extra_dirs) for kind in kinds]
    pending = [d for d in store.documents() if d.language == "en" and d.status != "non_english"
               and _needs(store, d.id, loaded)]
    records = [TextRecord(id=d.id, text=d.text, date=d.date) for d in pending]
    writers = {d.id: d.author or d.outlet or d.id for d in pending}
    done = 0
    with Progress(disable=not progress, transient=True) as bar:
        task = bar.add_task("reading", total=len(records))
        for record, found in readers.read_records(loaded, records, extra_dirs=extra_dirs, batch_size=batch_size,
                                                  n_process=n_process):
            readings = {}
            for reader, items in zip(loaded, found):
                if isinstance(items, Exception):
                    raise items
                rows = [ROW[reader.key](r) for r in items]
                for row in rows:  # the author's own claims belong to the article's writer
                    if row.get("speaker_key") and row.get("speaker_kind") == "author":
                        row["speaker_key"] = f"author: {writers[record.id]}".lower()
                readings[reader.key] = (reader.version, rows)
            store.save_readings(record.id, readings)
            done += 1
            bar.advance(task)
    return done


def _needs(store: Store, doc_id: str, loaded) -> bool:
    processed = store.processed(doc_id)
    return any(processed.get(r.key) != r.version for r in loaded)


def build_ledgers(store: Store, *, extra_dirs: Iterable = ()) -> None:
    """Everything computed across documents: incidents, claim groups and grades, forecast suggestions."""
    from . import analytics
    from .claims.ledger import rebuild_ledger
    from .forecasts.ledger import suggest

    analytics.rebuild(store)
    rebuild_ledger(store, extra_dirs=tuple(extra_dirs))
    suggest(store, tuple(extra_dirs))


def analyze(sources: Sequence[str], store: Store, *, report: Path | None = None, extra_dirs: Iterable = (),
            n_process: int = 1, progress: bool = True) -> Summary:
    """Ingest ``sources``, read every new document, rebuild incidents and the index, write the report."""
    from .ingest import ingest

    result = ingest(list(sources), store, progress=progress)
    summary = Summary(ingested=len(result.added), already=result.already, near_duplicates=result.near_duplicates,
                      skipped=list(result.skipped), errors=list(result.errors))
    summary.read = read_documents(store, extra_dirs=tuple(extra_dirs), n_process=n_process, progress=progress)
    build_ledgers(store, extra_dirs=tuple(extra_dirs))
    summary.counts = {t: store.count(t) for t in ("documents", "events", "incidents", "claims", "forecasts")}
    from .analytics import dyads
    summary.top_dyads = dyads(store, limit=5, extra_dirs=tuple(extra_dirs))
    if report:
        from .outputs.report import write_report
        summary.report = write_report(store, report)
    return summary
