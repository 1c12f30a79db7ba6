"""Benchmark: event-coding throughput end to end (parse + code) against bare ``nlp.pipe``.

    python bench/throughput.py [--repeat 20] [--batch-size 64]

Texts: the seed articles (../shared/corpus/seeds, when present) and examples/corpus/*.txt, repeated
``--repeat`` times. For 1 and 2 processes, prints words/s and articles/s of the bare spaCy pipeline
and of parse + Coder.read over the same texts, batch size and process count; then the coder alone on
parsed texts, and the peak resident memory of this process (children included) at the end.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from detente import nlp  # noqa: E402
from detente.events import Coder  # noqa: E402
from detente.records import TextRecord  # noqa: E402


def texts() -> list[str]:
    folders = [ROOT.parent / "shared" / "corpus" / "seeds", ROOT / "examples" / "corpus"]
    found = [p.read_text(encoding="utf-8", errors="replace") for f in folders if f.is_dir() for p in sorted(f.glob("*.txt"))]
    return [t for t in found if t.strip()]


def bare(docs: list[str], batch_size: int, n_process: int) -> float:
    start = time.perf_counter()
    for _ in nlp.load().pipe(docs, batch_size=batch_size, n_process=n_process):
        pass
    return time.perf_counter() - start


def coded(coder: Coder, docs: list[str], batch_size: int, n_process: int) -> tuple[float, int]:
    records = [TextRecord(id=str(i), text=t) for i, t in enumerate(docs)]
    start = time.perf_counter()
    events = 0
    for parsed in nlp.parse(records, batch_size=batch_size, n_process=n_process):
        events += len(coder.read(parsed))
    return time.perf_counter() - start, events


def coding_only(coder: Coder, docs: list[str], batch_size: int) -> float:
    """Seconds the coder alone takes over already parsed texts."""
    parsed = list(nlp.parse([TextRecord(id=str(i), text=t) for i, t in enumerate(docs)], batch_size=batch_size))
    start = time.perf_counter()
    for item in parsed:
        coder.read(item)
    return time.perf_counter() - start


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=nlp.BATCH_SIZE)
    args = parser.parse_args()
    base = texts()
    if not base:
        print("skipped: no texts in ../shared/corpus/seeds or examples/corpus")
        return 0
    docs = base * args.repeat
    words = sum(len(t.split()) for t in docs)
    coder = Coder.load()
    bare(base, args.batch_size, 1)  # warm-up: model load and first-batch costs out of the timings
    print(f"{len(docs)} articles, {words} words (batch size {args.batch_size})")
    for n_process in (1, 2):
        pipe_s = bare(docs, args.batch_size, n_process)
        code_s, events = coded(coder, docs, args.batch_size, n_process)
        print(f"processes={n_process}: nlp.pipe {words / pipe_s:,.0f} words/s {len(docs) / pipe_s:.1f} articles/s | "
              f"parse+code {words / code_s:,.0f} words/s {len(docs) / code_s:.1f} articles/s "
              f"({events} events; coding overhead {100 * (code_s - pipe_s) / pipe_s:+.0f}%)")
    alone = coding_only(coder, base * max(1, args.repeat // 4), args.batch_size)
    alone_words = sum(len(t.split()) for t in base) * max(1, args.repeat // 4)
    print(f"coder alone (texts already parsed): {alone_words / alone:,.0f} words/s")
    print(f"peak memory: {peak_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
