"""Ingest benchmark: 10,000 synthetic articles into a temporary SQLite store.

Prints documents per second (wall clock, and per CPU second, which a busy machine
disturbs less) and the peak resident memory after 1k, 5k and 10k documents, to show
that ingest streams: memory grows only by the LSH band keys, not with the texts.
Run: python bench/ingest.py [--total 10000]
"""
from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

from detente.ingest import ingest
from detente.store import Store

ACTORS = ["the navy", "the foreign ministry", "rebel commanders", "the coastguard", "the defence minister",
          "a regional envoy", "the prime minister", "border police", "the army", "militia leaders"]
VERBS = ["accused", "warned", "met", "criticised", "praised", "threatened", "called on", "shelled", "visited", "urged"]
PLACES = ["the northern border", "the disputed strait", "the capital", "the river crossing", "the airbase",
          "the port city", "the mountain pass", "the eastern provinces", "the coast", "the old town"]
WHEN = ["on Monday", "on Tuesday", "late on Wednesday", "early on Thursday", "on Friday", "over the weekend"]


def synthetic(rng: random.Random, n: int) -> str:
    """A wire-style article with a title, byline and dated header; no two alike."""
    sentences = []
    for _ in range(rng.randint(10, 18)):
        a, b = rng.sample(ACTORS, 2)
        sentences.append(f"{a.capitalize()} {rng.choice(VERBS)} {b} near {rng.choice(PLACES)} {rng.choice(WHEN)}, "
                         f"officials said, citing {rng.randint(2, 900)} reports and {rng.randint(1, 60)} witnesses "
                         f"in sector {rng.randint(1, 10_000)}.")
    paragraphs = ["\n".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    day = 1 + n % 28
    return (f"Report number {n}: tension rises near {rng.choice(PLACES)}\n\nBy Staff Writer {n % 97}\n"
            f"Bench Wire, March {day}, 2026\n\n" + "\n\n".join(paragraphs) + "\n\nShare | Tweet | Email\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total", type=int, default=10_000)
    args = parser.parse_args()
    marks = [m for m in (1_000, 5_000, 10_000) if m <= args.total] or [args.total]
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        done, elapsed, cpu = 0, 0.0, 0.0
        print(f"{'documents':>10} {'docs/s':>8} {'docs/CPU s':>11} {'peak RSS MB':>12}")
        for mark in marks:
            batch = Path(tmp) / f"batch-{mark}"
            batch.mkdir()
            for n in range(done, mark):
                (batch / f"article-{n:05d}.txt").write_text(synthetic(rng, n))
            start, start_cpu = time.perf_counter(), time.process_time()
            result = ingest([str(batch)], store, progress=False)
            elapsed += time.perf_counter() - start
            cpu += time.process_time() - start_cpu
            assert not result.errors, result.errors[:3]
            done = mark
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"{store.count('documents'):>10} {done / elapsed:>8.1f} {done / cpu:>11.1f} {peak:>12.1f}")
        store.close()


if __name__ == "__main__":
    main()
