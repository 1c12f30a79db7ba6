"""Benchmark: a full incident rebuild over a million synthetic events, then index queries.

    python bench/index.py [--events 1000000] [--db bench/out/index.db]

Synthetic data: 200 directed dyads over three years; each real-world event is mentioned 1–6
times by different articles, dated the same day or the day before, sometimes without a place.
Prints the bulk-insert time, the rebuild time and incident count, and the time of an index
query for one dyad over one year (target: ≤ 200 ms on SQLite).
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from detente import analytics  # noqa: E402
from detente.store import Store  # noqa: E402

COUNTRIES = ["USA", "IRN", "ISR", "RUS", "UKR", "CHN", "TWN", "PRK", "KOR", "IND", "PAK", "SAU", "YEM", "LBN", "SYR",
             "IRQ", "TUR", "QAT", "EGY", "PSE"]
CODES = [("190", -10.0, 4), ("195", -10.0, 4), ("183", -10.0, 4), ("138", -7.0, 3), ("111", -2.0, 3),
         ("112", -2.0, 3), ("163", -8.0, 4), ("043", 2.8, 1), ("036", 4.0, 1), ("0871", 9.0, 2), ("173", -5.0, 4)]
START = date(2022, 1, 1)
DAYS = 3 * 365

EVENT_SQL = ("INSERT INTO events (doc_id, sentence, sentence_start, trigger_start, trigger_end, trigger_text, "
             "source_country, source_sector, source_text, target_country, target_sector, target_text, code, root, quad, "
             "goldstein, modality, confidence, date, date_precision, place) "
             "VALUES (?, ?, 0, 6, 12, 'struck', ?, 'MIL', ?, ?, 'MIL', ?, ?, ?, ?, ?, 'asserted', ?, ?, 'day', ?)")
DOC_SQL = "INSERT INTO documents (id, date, outlet, language, words, status, text) VALUES (?, ?, ?, 'en', 100, 'ok', '')"


def synthesise(n_events: int, seed: int = 7):
    """Documents and event rows: (docs, events), as tuples for the bulk inserts."""
    rng = random.Random(seed)
    dyads = rng.sample([(a, b) for a in COUNTRIES for b in COUNTRIES if a != b], 200)
    rounds = max(n_events // 25 // DAYS, 1)  # about 25 mentions per article
    docs = [(f"d{i:06d}", (START + timedelta(days=i % DAYS)).isoformat(), f"Outlet {i % 97}") for i in range(rounds * DAYS)]
    events = []
    while len(events) < n_events:
        a, b = dyads[min(int(rng.expovariate(1 / 30)), 199)]  # a few busy dyads, a long tail
        code, goldstein, quad = rng.choice(CODES)
        day = rng.randrange(DAYS)
        place = rng.choice([None, "north", "coast", "capital"])
        for _ in range(rng.randint(1, 6)):
            doc = docs[min(day + rng.randrange(3), DAYS - 1) + DAYS * rng.randrange(rounds)]  # published 0–2 days on
            when = START + timedelta(days=day - rng.randrange(2))
            events.append((doc[0], "Forces struck a target.", a, a, b, b, code, code[:2], quad, goldstein,
                           round(rng.uniform(0.3, 1.0), 2), when.isoformat(), place if rng.random() < 0.7 else None))
    return docs, events[:n_events]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path(__file__).parent / "out" / "index.db")
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    store = Store(f"sqlite:///{args.db}")

    t0 = time.perf_counter()
    docs, events = synthesise(args.events)
    with store.transaction() as conn:
        conn.exec_driver_sql(DOC_SQL, [(i, d, o) for i, d, o in docs])
        conn.exec_driver_sql(EVENT_SQL, events)
    print(f"bulk insert: {len(events):,} events, {len(docs):,} documents in {time.perf_counter() - t0:.1f} s")

    t0 = time.perf_counter()
    n = analytics.rebuild(store)
    print(f"incident rebuild: {n:,} incidents in {time.perf_counter() - t0:.1f} s")

    busiest = analytics.dyads(store, limit=1)[0]
    a, b = busiest["source"], busiest["target"]
    timings = []
    for freq in ("D", "W", "D"):
        t0 = time.perf_counter()
        rows = analytics.index_series(store, a, b, freq=freq, start=date(2023, 1, 1), end=date(2023, 12, 31))
        timings.append((freq, (time.perf_counter() - t0) * 1000, len(rows), sum(len(r["incidents"]) for r in rows)))
    for freq, ms, periods, incidents in timings:
        print(f"index query {a}-{b} over 2023, freq {freq}: {ms:.0f} ms ({periods} periods, {incidents:,} incidents)")
    t0 = time.perf_counter()
    analytics.dyads(store, limit=20)
    print(f"dyads (top 20 with latest index): {(time.perf_counter() - t0) * 1000:.0f} ms")
    store.close()


if __name__ == "__main__":
    main()
