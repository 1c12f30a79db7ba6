"""Benchmark: the event coder against the dev gold, scored by the project's scorer, plus full-code accuracy.

    python bench/accuracy.py [--gold ../shared/eval/events_dev.jsonl]

Runs ``detente code --jsonl`` through ``../shared/eval/score.py`` (root-code precision, recall, F1,
dyad accuracy, false-event rate, exactly as the hidden test set is scored), then matches events the
same way (same root, one prediction per gold event, a dyad match preferred) and reports how many
matched events also agree on the 3-digit and on the full (3- or 4-digit) CAMEO code.
Skips with a message when ../shared is not beside the checkout.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
HAPPENED = ("asserted", "reported")


def code_accuracy(gold_records: list[dict], preds: dict[str, list[dict]]) -> tuple[int, int, int]:
    """(matched, same 3-digit code, same full code) over root-matched events."""
    matched = three = full = 0
    for g in gold_records:
        left = list(preds.get(g["id"], []))
        for e in g["events"]:
            same_root = [p for p in left if p["root"] == e["root"]]
            if not same_root:
                continue
            best = next((p for p in same_root if p["source"]["country"] == e["source"]
                         and p["target"]["country"] == e["target"]), same_root[0])
            left.remove(best)
            matched += 1
            three += best["code"][:3] == e["code"][:3]
            full += best["code"] == e["code"]
    return matched, three, full


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=SHARED / "eval" / "events_dev.jsonl")
    args = parser.parse_args()
    if not args.gold.is_file():
        print(f"skipped: no gold file at {args.gold} (../shared is not beside the checkout)")
        return 0
    scorer = SHARED / "eval" / "score.py"
    pred_file = ROOT / "bench" / "out" / "events_pred.jsonl"
    pred_file.parent.mkdir(parents=True, exist_ok=True)
    exe = ROOT / ".venv" / "bin" / "detente"
    with pred_file.open("w") as fh:
        subprocess.run([str(exe), "code", "--jsonl", str(args.gold)], stdout=fh, check=True)
    if scorer.is_file():
        subprocess.run([sys.executable, str(scorer), "events", str(args.gold), "--pred", str(pred_file)], check=False)
    gold_records = [json.loads(line) for line in args.gold.open() if line.strip()]
    preds = {}
    for line in pred_file.open():
        rec = json.loads(line)
        preds[rec["id"]] = [e for e in rec["events"] if e.get("modality") in HAPPENED]
    matched, three, full = code_accuracy(gold_records, preds)
    if matched:
        print(f"matched events: {matched}; 3-digit code accuracy {three / matched:.3f}; "
              f"full code accuracy {full / matched:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
