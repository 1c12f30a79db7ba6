"""The claims ledger across articles, and the ``claims`` / ``sources`` commands over a store."""
from __future__ import annotations

import json
from datetime import date

from typer.testing import CliRunner

from detente.claims import Attributor
from detente.claims.ledger import negative, numbers_conflict, rebuild_ledger, reliability
from detente.outputs.cli import app
from detente.records import Document
from detente.store import claim_row

ARTICLES = {
    # two outlets agree on the toll; a cross-post of the first must not count as a third source
    "a1": ("Harbour Wire", None, "The Moldovan interior ministry said 12 people had been injured in the blast at the depot."),
    "a2": ("Delta Post", None, "Moldova's interior ministry said 12 people had been injured in the blast at the depot."),
    "a3": ("Harbour Wire", "a1", "The Moldovan interior ministry said 12 people had been injured in the blast at the depot."),
    # a denial conflicts with the assertion
    "b1": ("Harbour Wire", None, "A separatist commander said his units had shelled the bridge near Varnita."),
    "b2": ("Delta Post", None, "The separatist command denied that its units had shelled the bridge near Varnita."),
    # conflicting numbers
    "c1": ("Harbour Wire", None, "Local officials said 40 trucks had crossed at the Palanca checkpoint on Friday."),
    "c2": ("Delta Post", None, "Customs officials said 90 trucks had crossed at the Palanca checkpoint on Friday."),
    # a quote given in part, then in full, by two descriptions of one source: a restatement, no conflict
    "e1": ("Delta Post", None, 'A border guard said: "The convoy turned back at the river." Later a guard officer said: '
           '"The convoy turned back at the river. Nobody fired a shot."'),
    # one source only
    "d1": ("Delta Post", None, "An Orthodox priest in Tiraspol said the monastery bells had been confiscated."),
}


def _fill(store, parse) -> None:
    reader = Attributor.load()
    for doc_id, (outlet, original, text) in ARTICLES.items():
        store.add_document(Document(id=doc_id, text=text, outlet=outlet, date=date(2024, 3, 1), duplicate_of=original))
        found = reader.read(parse(text, "2024-03-01"))
        assert found, text
        store.save_readings(doc_id, {"claims": (reader.version, [claim_row(c) for c in found])})


def _by_doc(store) -> dict[str, dict]:
    return {row["doc_id"]: row for row in store.rows("claims")}


def test_groups_status_and_grades(store, parse):
    _fill(store, parse)
    records = rebuild_ledger(store)
    rows = _by_doc(store)
    assert rows["a1"]["group_id"] == rows["a2"]["group_id"] == rows["a3"]["group_id"]
    assert rows["a1"]["status"] == "corroborated"
    assert rows["a1"]["grade"][1] == "2"  # one other independent outlet: the cross-post is not one
    assert rows["b1"]["group_id"] == rows["b2"]["group_id"] and rows["b1"]["status"] == "contradicted"
    assert rows["c1"]["status"] == "contradicted" and rows["c1"]["grade"][1] == "5"
    assert rows["d1"]["status"] == "single-source" and rows["d1"]["grade"] == "F3"
    assert {r["status"] for r in store.rows("claims") if r["doc_id"] == "e1"} == {"single-source"}
    assert {r.speaker for r in records} >= {"An Orthodox priest in Tiraspol"}


def test_rules():
    assert negative("no casualties were reported", "said") and not negative("dozens of casualties", "said")
    assert negative("its units had shelled the bridge", "denied")
    assert numbers_conflict([40.0], [90.0]) and not numbers_conflict([1000.0], [1050.0])
    assert not numbers_conflict([], [3.0])
    assert reliability(0, 1) == "F" and reliability(9, 1) == "A" and reliability(1, 3) == "E"


def test_claims_and_sources_commands(store, parse):
    _fill(store, parse)
    runner = CliRunner()
    out = runner.invoke(app, ["claims", "--db", store.url, "--format", "json", "--contradicted"])
    assert out.exit_code == 0, out.output
    items = json.loads(out.output)
    assert {i["doc_id"] for i in items} == {"b1", "b2", "c1", "c2"}
    for key in ("speaker", "content", "numbers", "id", "doc_id", "group", "status", "grade"):
        assert key in items[0]
    assert set(items[0]["speaker"]) == {"kind", "text", "start", "end"}
    out = runner.invoke(app, ["claims", "--db", store.url, "--format", "json", "--speaker-kind", "anonymous"])
    assert {i["speaker"]["kind"] for i in json.loads(out.output)} == {"anonymous"}
    out = runner.invoke(app, ["sources", "--db", store.url, "--format", "json"])
    sources = json.loads(out.output)
    assert set(sources[0]) == {"speaker", "kind", "claims", "corroborated", "contradicted", "grade"}


def test_batch_mode_prints_one_line_per_record(tmp_path):
    batch = tmp_path / "in.jsonl"
    batch.write_text(json.dumps({"id": "x1", "date": "2024-03-01",
                                 "text": "Chisinau said five drones had crossed its airspace."}) + "\n"
                     + json.dumps({"id": "x2", "text": "Snow fell on the capital."}) + "\n", encoding="utf-8")
    out = CliRunner().invoke(app, ["claims", "--jsonl", str(batch)])
    assert out.exit_code == 0, out.output
    lines = [json.loads(line) for line in out.output.splitlines() if line.startswith("{")]
    assert [line["id"] for line in lines] == ["x1", "x2"]
    claim = lines[0]["claims"][0]
    assert claim["speaker"]["kind"] == "official" and claim["numbers"] == [{"value": 5, "text": "five"}]
    assert lines[1]["claims"] == []
