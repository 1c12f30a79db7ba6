"""A forecast's predicted event as a CAMEO triple: linked from the event the coder read, unrealised, inside the
proposition, when both readers read the same text; and used to suggest a resolution when the proposition's
wording names no action the resolution table knows. Sentences written for this file.
"""
from __future__ import annotations

from datetime import date

from detente import readers
from detente.forecasts import ForecastReader, ledger
from detente.records import Actor, Document, Event, Span, TextRecord
from detente.store import event_row, forecast_row


def _read(text, when):
    chosen = [readers.load("events"), readers.load("forecasts")]
    [(_, (events, forecasts))] = list(readers.read_records(chosen, [TextRecord("t", text, when)]))
    return events, forecasts


def test_forecast_carries_the_predicted_event():
    _, forecasts = _read("Most analysts expect Azerbaijan to shell Armenian positions again within days.", date(2023, 9, 1))
    [f] = forecasts
    assert f.event is not None and (f.event["source"], f.event["target"], f.event["root"]) == ("AZE", "ARM", "19")
    assert f.event["modality"] != "asserted"


def test_no_event_inside_no_triple():
    _, forecasts = _read("It is most unlikely the talks will go anywhere, one diplomat said.", date(2023, 9, 1))
    assert all(f.event is None for f in forecasts)


def test_suggestion_from_the_coded_triple(store):
    events, forecasts = _read("Diplomats expect Serbia to recall its ambassador from Zagreb within two weeks.",
                              date(2024, 5, 6))
    [f] = forecasts
    assert f.event is not None and f.event["root"] == "16"
    store.add_document(Document(id="early", text="x", date=date(2024, 5, 6)))
    store.save_readings("early", {"forecasts": (ForecastReader.load().version, [forecast_row(f)])})
    store.add_document(Document(id="later", text="Serbia recalled its envoy.", date=date(2024, 5, 10)))
    row = event_row(Event(Actor("SRB"), Actor("HRV"), "161", "16", 4, -4.0, "asserted", 0.9, date(2024, 5, 10),
                          Span(0, 6, "Serbia"), Span(0, 6, "Serbia")))
    store.save_readings("later", {"events": ("x", [row])})
    [made] = ledger.suggest(store)
    assert made["resolution"] == "yes" and made["evidence"][0]["code"] == "161"
