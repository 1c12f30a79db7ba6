"""The claims reader against the development sets, scored exactly as the hidden sets are."""
from __future__ import annotations

import importlib.util
import json

import pytest

from detente import nlp
from detente.claims import Attributor
from detente.readers import parse_date
from detente.records import TextRecord


def _scorer(shared):
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.parametrize("name, floor_f1, floor_kind", [
    ("claims_dev.jsonl", 0.95, 0.95),
    ("claims_docs_dev.jsonl", 0.90, 0.92),
])
def test_dev_sets(shared, name, floor_f1, floor_kind):
    gold = [json.loads(line) for line in (shared / "eval" / name).read_text(encoding="utf-8").splitlines() if line]
    reader = Attributor.load()
    records = [TextRecord(g["id"], g["text"], parse_date(g.get("date"))) for g in gold]
    pred = {p.record.id: {"claims": [c.to_dict() for c in reader.read(p)]} for p in nlp.parse(records)}
    metrics = _scorer(shared).score_claims(gold, pred)
    assert metrics["claim_f1"] >= floor_f1, metrics
    assert metrics["speaker_kind_accuracy"] >= floor_kind, metrics
