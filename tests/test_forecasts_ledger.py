"""The forecast ledger over a store: resolving by hand, suggested resolutions, Brier scores, calibration.

End to end on the intelligence-source seed: its two forecasts are read, stored, resolved and
scored; a suggestion is drawn from a later article's coded events and never applied.
"""
from __future__ import annotations

from datetime import date

import pytest

from detente import nlp
from detente.forecasts import ForecastReader, ledger
from detente.records import Actor, Document, Event, Span, TextRecord
from detente.store import event_row, forecast_row


def _store_doc(store, reader, doc_id, text, when, outlet="Example Wire", author="A. Writer"):
    store.add_document(Document(id=doc_id, text=text, date=when, outlet=outlet, author=author))
    parsed = next(nlp.parse([TextRecord(doc_id, text, when)]))
    store.save_readings(doc_id, {"forecasts": (reader.version, [forecast_row(f) for f in reader.read(parsed)])})


def _event(source, target, code, quad, when, text):
    return event_row(Event(Actor(source), Actor(target), code, code[:2], quad, -9.0 if quad == 4 else 3.0, "asserted",
                           0.9, when, Span(0, len(text), text), Span(0, len(text), text)))


@pytest.fixture(scope="module")
def reader():
    return ForecastReader.load()


def test_brier():
    assert ledger.brier(0.85, "yes") == pytest.approx(0.0225)
    assert ledger.brier(0.15, "yes") == pytest.approx(0.7225)
    assert ledger.brier(0.5, "void") is None and ledger.brier(0.5, None) is None


def test_resolve_score_and_calibrate_seed(store, reader, shared):
    path = next((shared / "corpus" / "seeds").glob("*de-escalate*"))
    _store_doc(store, reader, "seed", path.read_text(encoding="utf-8"), date(2020, 1, 9), outlet="Global Research")
    found = ledger.rows(store)
    escalate = next(r for r in found if r["proposition"]["text"].startswith("Trump will escalate"))
    calm = next(r for r in found if "will de-escalate" in r["proposition"]["text"])
    assert escalate["resolution"] is None and escalate["brier"] is None

    done = ledger.resolve(store, escalate["id"], "no", "no U.S. strike on Iran followed")
    assert done["resolution"] == "no" and done["brier"] == pytest.approx(escalate["probability"] ** 2)
    ledger.resolve(store, calm["id"], "yes", "the address announced sanctions, not strikes")

    resolved = ledger.rows(store, status="resolved")
    assert {r["id"] for r in resolved} == {escalate["id"], calm["id"]}
    assert all(r["brier"] < 0.1 for r in resolved)
    source = next(r for r in ledger.forecasters(store) if "intelligence source" in r["forecaster"])
    assert source["kind"] == "anonymous" and source["resolved"] == 2 and source["brier"] < 0.1
    outlet = next(r for r in ledger.outlets(store) if r["outlet"] == "Global Research")
    assert outlet["resolved"] == 2
    table = ledger.calibration(store, bins=5)
    assert sum(b["forecasts"] for b in table) == 2

    with pytest.raises(ledger.LedgerError):
        ledger.resolve(store, 99999, "yes")
    with pytest.raises(ledger.LedgerError):
        ledger.resolve(store, calm["id"], "maybe")


def test_suggest_from_later_events(store, reader):
    text = ("It is unlikely that Israel will strike Iran's oil terminals within two weeks, a Gulf diplomat said. "
            "I think Russia will attack Kharkiv within a month.")
    _store_doc(store, reader, "early", text, date(2024, 3, 4))
    store.add_document(Document(id="later", text="Israeli jets struck a depot in Iran.", date=date(2024, 3, 10)))
    store.save_readings("later", {"events": ("x", [_event("ISR", "IRN", "190", 4, date(2024, 3, 10),
                                                           "Israeli jets struck a depot in Iran.")])})
    store.add_document(Document(id="much-later", text="Nothing new.", date=date(2024, 6, 1)))

    made = {m["proposition"]: m for m in ledger.suggest(store)}
    strike = next(m for p, m in made.items() if p.startswith("Israel will strike"))
    assert strike["resolution"] == "yes" and strike["evidence"][0]["code"] == "190"
    kharkiv = next(m for p, m in made.items() if p.startswith("Russia will attack"))
    assert kharkiv["resolution"] == "no"  # the store holds news from after the horizon and no such event
    rows = {r["proposition"]["text"]: r for r in ledger.rows(store)}
    assert all(r["resolution"] is None for r in rows.values())  # suggestions are never applied
    assert next(r for p, r in rows.items() if p.startswith("Israel will strike"))["suggestion"]["resolution"] == "yes"


def test_cli_listing_and_resolve(tmp_path, reader):
    from typer.testing import CliRunner

    from detente.outputs.cli import app
    from detente.store import Store

    db = str(tmp_path / "cli.db")
    with Store(db) as store:
        _store_doc(store, reader, "d1", "Iran will probably test a new missile before the end of the year, an analyst said.",
                   date(2024, 3, 4))
    runner = CliRunner()
    listed = runner.invoke(app, ["forecasts", "--db", db, "--format", "json"])
    assert listed.exit_code == 0, listed.output
    import json
    items = json.loads(listed.output)
    assert items and {"id", "doc_id", "proposition", "forecaster", "phrase", "probability", "band", "condition",
                      "deadline", "resolution", "brier"} <= set(items[0])
    done = runner.invoke(app, ["forecasts", "resolve", str(items[0]["id"]), "yes", "--note", "tested", "--db", db])
    assert done.exit_code == 0, done.output
    scores = runner.invoke(app, ["forecasters", "--db", db, "--format", "json"])
    assert json.loads(scores.output)[0]["resolved"] == 1
    assert runner.invoke(app, ["forecasts", "calibration", "--db", db]).exit_code == 0
    assert runner.invoke(app, ["forecasts", "--open", "--db", db, "--format", "csv"]).exit_code == 0
