"""Helpers for the analytics, report and export tests: documents and events put straight into a store."""
from __future__ import annotations

from datetime import date
from itertools import count

from detente.records import Document
from detente.store import Store, schema

_ids = count(1)


def add_doc(store: Store, doc_id: str, day: str | None, outlet: str | None = None, *,
            duplicate_of: str | None = None, status: str = "ok", language: str = "en",
            url: str | None = None, text: str = "text") -> str:
    store.add_document(Document(id=doc_id, text=text, outlet=outlet, date=date.fromisoformat(day) if day else None,
                                duplicate_of=duplicate_of, status=status, language=language,
                                url=url or f"https://news.example/{doc_id}", source=f"corpus/{doc_id}.txt"))
    return doc_id


def add_event(store: Store, doc_id: str, source: str, target: str, code: str, goldstein: float, *,
              day: str | None = None, modality: str = "asserted", confidence: float = 0.8, place: str | None = None,
              sentence: str = "Forces struck the base.", trigger: str = "struck", quad: int | None = None,
              source_sector: str = "MIL", target_sector: str = "MIL", precision: str = "day") -> int:
    start = sentence.find(trigger)
    row = {
        "doc_id": doc_id, "sentence": sentence, "sentence_start": 100, "trigger_start": 100 + start,
        "trigger_end": 100 + start + len(trigger), "trigger_text": trigger,
        "source_country": source, "source_sector": source_sector, "source_text": source, "source_name": None,
        "target_country": target, "target_sector": target_sector, "target_text": target, "target_name": None,
        "code": code, "root": code[:2], "quad": quad or (4 if code[:2] >= "15" else 3 if code[:2] >= "10" else 1),
        "goldstein": goldstein, "modality": modality, "confidence": confidence,
        "date": date.fromisoformat(day) if day else None, "date_precision": precision if day else None,
        "place": place, "pattern": "test", "extra": {},
    }
    with store.transaction() as conn:
        return conn.execute(schema.events.insert().values(**row)).inserted_primary_key[0]


def add_claim(store: Store, doc_id: str, speaker: str, kind: str, content: str, *, group: int | None = None,
              status: str | None = None, grade: str | None = None) -> None:
    with store.transaction() as conn:
        conn.execute(schema.claims.insert().values(
            doc_id=doc_id, speaker_kind=kind, speaker_text=speaker, speaker_key=speaker.lower(), content_text=content,
            cue="said", numbers=[], group_id=group, status=status, grade=grade, extra={}))


def add_forecast(store: Store, doc_id: str, who: str, kind: str, proposition: str, probability: float, *,
                 phrase: str = "likely", resolution: str | None = None, deadline: str | None = None) -> None:
    with store.transaction() as conn:
        conn.execute(schema.forecasts.insert().values(
            doc_id=doc_id, proposition_text=proposition, forecaster_kind=kind, forecaster_text=who, phrase=phrase,
            probability=probability, band_lo=max(0.0, probability - 0.1), band_hi=min(1.0, probability + 0.1),
            deadline=date.fromisoformat(deadline) if deadline else None, resolution=resolution, extra={}))


def populate(store: Store) -> None:
    """A small crisis history in three dyads, with claims and forecasts: enough for every report section."""
    add_doc(store, "w1", "2021-03-01", "Harbour Wire", text="A")
    add_doc(store, "w2", "2021-03-02", "Granite Post", text="B")
    add_doc(store, "w3", "2021-03-04", "Harbour Wire", text="C")
    add_doc(store, "w4", "2021-03-09", "Lakeside Times", text="D")
    add_doc(store, "w5", "2021-03-10", None, duplicate_of="w4", text="E")
    add_doc(store, "w6", None, "Quiet Blog", text="F")
    add_doc(store, "fr", "2021-03-05", "Le Journal", status="non_english", language="fr", text="G")
    add_event(store, "w1", "RUS", "UKR", "138", -7.0, day="2021-03-01", sentence="Moscow threatened military action against Kyiv on Monday.", trigger="threatened")
    add_event(store, "w1", "UKR", "RUS", "111", -2.0, day="2021-03-01", sentence="Kyiv condemned the threat as reckless.", trigger="condemned")
    add_event(store, "w2", "RUS", "UKR", "190", -10.0, day="2021-03-02", place="Kharkiv", sentence="Russian artillery shelled positions near Kharkiv overnight.", trigger="shelled")
    add_event(store, "w3", "RUS", "UKR", "195", -10.0, day="2021-03-02", place="Kharkiv", sentence="Drones hit a depot outside Kharkiv on Tuesday, officials said.", trigger="hit")
    add_event(store, "w3", "UKR", "RUS", "190", -10.0, day="2021-03-04", sentence="Ukrainian forces returned fire across the border.", trigger="returned fire")
    add_event(store, "w4", "RUS", "UKR", "043", 2.8, day="2021-03-08", sentence="Envoys from both sides met in Minsk on Monday.", trigger="met")
    add_event(store, "w4", "UKR", "RUS", "042", 1.9, day="2021-03-08", sentence="Envoys from both sides met in Minsk on Monday.", trigger="met")
    add_event(store, "w5", "RUS", "UKR", "043", 2.8, day="2021-03-08", sentence="Envoys from both sides met in Minsk on Monday.", trigger="met")
    add_event(store, "w4", "USA", "RUS", "163", -8.0, day="2021-03-09", sentence="Washington imposed sanctions on <b>three</b> Russian banks.", trigger="imposed sanctions", source_sector="GOV", target_sector="BUS")
    add_event(store, "w4", "---", "UKR", "180", -9.0, day="2021-03-09", confidence=0.3, sentence="Unidentified gunmen attacked a checkpoint.", trigger="attacked")
    add_event(store, "w6", "RUS", "UKR", "190", -10.0, place="Kharkiv", sentence="The Kharkiv shelling was a turning point.", trigger="shelling")
    add_event(store, "w2", "RUS", "UKR", "190", -10.0, day="2021-03-03", modality="negated", sentence="Russia did not attack Odesa.", trigger="attack")
    add_claim(store, "w2", "Ukraine's defence ministry", "official", "Russian guns fired more than 40 shells at Kharkiv.", group=1, status="contradicted", grade="B3")
    add_claim(store, "w3", "the Kremlin", "official", "No Russian unit fired at Kharkiv.", group=1, status="contradicted", grade="C5")
    add_claim(store, "w3", "Harbour Wire", "outlet", "Two depots burned near Kharkiv.", group=2, status="corroborated", grade="A2")
    add_claim(store, "w4", "a diplomat", "anonymous", "The Minsk talks will go on next week.", status="single-source", grade="F6")
    add_forecast(store, "w1", "Ana Petrova", "named_person", "Moscow will order strikes within the week", 0.7, resolution="yes", deadline="2021-03-07")
    add_forecast(store, "w1", "", "author", "talks will resume before April", 0.3, phrase="unlikely", resolution="yes")
    add_forecast(store, "w4", "Ana Petrova", "named_person", "the truce will hold through March", 0.6, resolution="no")
    add_forecast(store, "w4", "a diplomat", "anonymous", "sanctions will widen to energy", 0.8, phrase="very likely")
