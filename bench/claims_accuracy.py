"""Score the claims reader on the development sets with the project's scorer (../shared/eval/score.py).

Runs ``detente claims --jsonl`` on claims_dev.jsonl (sentences) and claims_docs_dev.jsonl (whole
articles) and prints the scorer's line for each, with the floors the reader must keep (the levels
reached before the second held-out pass). Further gold files (held-out sets written by someone
else) are scored too, without floors.
Exits 0 without scoring when ../shared is not beside the checkout.
Usage: python bench/claims_accuracy.py [MORE_GOLD.jsonl ...]
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
SETS = {
    "claims_dev.jsonl": "claim_f1=0.97 speaker_kind_accuracy=0.95 number_recall=0.95",
    "claims_docs_dev.jsonl": "claim_f1=0.93 speaker_kind_accuracy=0.95",
}


def main() -> int:
    if not (EVAL / "score.py").is_file():
        print(f"skipped: no scorer at {EVAL} (../shared is not beside the checkout)")
        return 0
    failed = False
    sets = {**{str(EVAL / name): targets for name, targets in SETS.items()}, **{arg: "" for arg in sys.argv[1:]}}
    for name, targets in sets.items():
        gold = Path(name)
        if not gold.is_file():
            print(f"skipped: {gold} is missing")
            continue
        limits = ["--min", *targets.split()] if targets else []
        run = subprocess.run([sys.executable, str(EVAL / "score.py"), "claims", str(gold), *limits],
                             cwd=ROOT, capture_output=True, text=True)
        print(f"{gold.parent.name}/{gold.name}: {run.stdout.strip() or run.stderr.strip()[-500:]}")
        failed |= run.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
