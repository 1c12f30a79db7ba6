"""Benchmark: throughput end to end (ingest to stored events) against bare ``nlp.pipe``.

    python bench/throughput.py [--repeat 8] [--rounds 3] [--batch-size 64] [--processes 1 2]

Texts: the seed articles (../shared/corpus/seeds, when present) and examples/corpus/*.txt, repeated
``--repeat`` times; each copy gets a numbered paragraph in the middle so that ingest stores it as a
document of its own (a near-duplicate, which is still read). End to end is ``ingest`` of that JSON
Lines file into a fresh SQLite store plus ``read_documents`` with the event coder, until the events
are committed. The bare baseline runs the same model's ``nlp.pipe`` over the very texts the store
holds, with the same batch size and process count (the default 8 copies of the 16 distinct texts
make two full batches of 64, one for each of two processes, so neither side gets a lopsided split).
Both are timed ``--rounds`` times, interleaved; the medians are printed in wall-clock and in CPU
seconds, with the load average (other jobs on the machine disturb wall-clock figures), then the
coder alone on parsed texts and the peak resident memory (this process or any one child).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from detente import nlp  # noqa: E402
from detente.events import Coder  # noqa: E402
from detente.ingest import ingest  # noqa: E402
from detente.pipeline import read_documents  # noqa: E402
from detente.records import TextRecord  # noqa: E402
from detente.store import Store  # noqa: E402


@dataclass(frozen=True)
class Timing:
    """Wall-clock seconds and CPU seconds (this process, and its worker processes once they have ended).

    On a machine that other jobs keep busy wall-clock figures wander; CPU seconds per word much less so.
    """

    wall: float
    own: float
    workers: float

    @property
    def cpu(self) -> float:
        return self.own + self.workers

    @staticmethod
    def median(timings: list[Timing]) -> Timing:
        return Timing(*(statistics.median(getattr(t, f) for t in timings) for f in ("wall", "own", "workers")))


@contextmanager
def timed(into: list[Timing]) -> Iterator[None]:
    """Append the Timing of the block to ``into``."""
    start = time.perf_counter(), _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    yield
    into.append(Timing(time.perf_counter() - start[0], _cpu(resource.RUSAGE_SELF) - start[1],
                       _cpu(resource.RUSAGE_CHILDREN) - start[2]))


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def texts() -> list[str]:
    folders = [ROOT.parent / "shared" / "corpus" / "seeds", ROOT / "examples" / "corpus"]
    found = [p.read_text(encoding="utf-8", errors="replace") for f in folders if f.is_dir() for p in sorted(f.glob("*.txt"))]
    return [t for t in found if t.strip()]


def write_feed(base: list[str], repeat: int, path: Path) -> None:
    """``repeat`` numbered copies of every text as JSON Lines, so none is an exact duplicate of another."""
    with path.open("w", encoding="utf-8") as fh:
        for copy in range(repeat):
            for i, text in enumerate(base):
                paragraphs = text.split("\n\n")
                middle = len(paragraphs) // 2
                numbered = [*paragraphs[:middle], f"This is archive copy number {copy} of the article.", *paragraphs[middle:]]
                fh.write(json.dumps({"id": f"{copy}-{i}", "text": "\n\n".join(numbered)}) + "\n")


def end_to_end(feed: Path, folder: Path, batch_size: int, n_process: int, into: list[Timing]) -> int:
    """Time ingest of ``feed`` into a fresh store up to the committed events; return how many events."""
    with Store(f"sqlite:///{folder / f'e2e-{time.monotonic_ns()}.db'}") as store:
        with timed(into):
            ingest([str(feed)], store, progress=False)
            read_documents(store, ("events",), n_process=n_process, batch_size=batch_size, progress=False)
        return store.count("events")


def stored_texts(feed: Path, folder: Path) -> list[str]:
    """The texts the readers parse: those of the documents ingest stores from ``feed``."""
    with Store(f"sqlite:///{folder / 'texts.db'}") as store:
        ingest([str(feed)], store, progress=False)
        return [d.text for d in store.documents()]


def bare(docs: list[str], batch_size: int, n_process: int, into: list[Timing]) -> None:
    model = nlp.load()
    with timed(into):
        for _ in model.pipe(docs, batch_size=batch_size, n_process=n_process):
            pass


def coding_only(coder: Coder, docs: list[str], batch_size: int) -> float:
    """CPU seconds the coder alone takes over already parsed texts."""
    parsed = list(nlp.parse([TextRecord(id=str(i), text=t) for i, t in enumerate(docs)], batch_size=batch_size))
    spent: list[Timing] = []
    with timed(spent):
        for item in parsed:
            coder.read(item)
    return spent[0].own


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=nlp.BATCH_SIZE)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    base = texts()
    if not base:
        print("skipped: no texts in ../shared/corpus/seeds or examples/corpus")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        feed = folder / "feed.jsonl"
        write_feed(base, args.repeat, feed)
        docs = stored_texts(feed, folder)
        words = sum(len(t.split()) for t in docs)
        bare(docs[:len(base)], args.batch_size, 1, [])  # warm-up: model load and first-batch costs out of the timings
        print(f"{len(docs)} articles, {words} words (batch size {args.batch_size}); load average before: "
              f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        timings: dict[int, dict[str, list[Timing]]] = {n: {"bare": [], "e2e": []} for n in args.processes}
        events = 0
        for _ in range(args.rounds):
            for n_process in args.processes:
                bare(docs, args.batch_size, n_process, timings[n_process]["bare"])
                events = end_to_end(feed, folder, args.batch_size, n_process, timings[n_process]["e2e"])
        median = {n: {side: Timing.median(runs) for side, runs in sides.items()} for n, sides in timings.items()}
        for n_process, sides in timings.items():
            pipe, e2e = median[n_process]["bare"], median[n_process]["e2e"]
            print(f"processes={n_process}: nlp.pipe {words / pipe.wall:,.0f} words/s {len(docs) / pipe.wall:.1f} articles/s | "
                  f"end to end {words / e2e.wall:,.0f} words/s {len(docs) / e2e.wall:.1f} articles/s ({events} events) | "
                  f"end to end / nlp.pipe {100 * pipe.wall / e2e.wall:.0f}%")
            print(f"    wall s: bare {' '.join(f'{t.wall:.1f}' for t in sides['bare'])}, "
                  f"e2e {' '.join(f'{t.wall:.1f}' for t in sides['e2e'])} | median CPU s (this process + workers): "
                  f"bare {pipe.own:.1f}+{pipe.workers:.1f}, e2e {e2e.own:.1f}+{e2e.workers:.1f}; words per CPU s: "
                  f"bare {words / pipe.cpu:,.0f}, e2e {words / e2e.cpu:,.0f} ({100 * pipe.cpu / e2e.cpu:.0f}%)")
        if 1 in median and 2 in median:
            print(f"end to end, 2 processes / 1: {median[1]['e2e'].wall / median[2]['e2e'].wall:.2f}x "
                  f"(nlp.pipe: {median[1]['bare'].wall / median[2]['bare'].wall:.2f}x)")
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    alone = coding_only(Coder.load(), base * 2, args.batch_size)
    print(f"coder alone (texts already parsed): {2 * sum(len(t.split()) for t in base) / alone:,.0f} words per CPU s")
    print(f"peak memory: {peak_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
