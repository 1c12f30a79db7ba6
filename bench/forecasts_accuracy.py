#!/usr/bin/env python3
"""Forecast reader accuracy on the dev sets, measured by the project's own scorer.

Runs `detente forecasts --jsonl` on ../shared/eval/forecasts_dev.jsonl (sentences) and
forecasts_docs_dev.jsonl (whole articles) and prints score.py's metrics for each, with the
targets of the "Forecast ledger" issue (bench/heldout.py scores the project's own held-out
sets). Exits 0 and says so when ../shared is not beside the checkout; exits 1 when a dev
target is missed.

usage: python bench/forecasts_accuracy.py   (from the project root)
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
TARGETS = {
    "forecasts_dev.jsonl": {"forecast_f1": 0.92, "probability_in_band": 0.95, "forecaster_kind_accuracy": 0.95,
                            "deadline_accuracy": 0.85},
    "forecasts_docs_dev.jsonl": {"forecast_f1": 0.85, "probability_in_band": 0.90},
}


def main() -> int:
    if not (EVAL / "score.py").is_file():
        print(f"skipped: no scorer at {EVAL} (../shared is not beside the checkout)")
        return 0
    exe = ROOT / ".venv" / "bin" / "detente"
    failed = False
    sets = [(EVAL / name, targets) for name, targets in TARGETS.items()]
    for gold, targets in sets:
        name = gold.name
        with tempfile.NamedTemporaryFile("w+", suffix=".jsonl") as out:
            run = subprocess.run([str(exe), "forecasts", "--jsonl", str(gold)], stdout=out, stderr=subprocess.PIPE,
                                 text=True, cwd=ROOT)
            if run.returncode != 0:
                print(f"{name}: detente forecasts failed: {run.stderr[-500:]}")
                failed = True
                continue
            mins = ["--min", *(f"{k}={v}" for k, v in targets.items())] if targets else []
            score = subprocess.run([sys.executable, str(EVAL / "score.py"), "forecasts", str(gold), "--pred", out.name,
                                    *mins], capture_output=True, text=True, cwd=ROOT)
        print(f"{name}: {score.stdout.strip()}")
        failed |= score.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
