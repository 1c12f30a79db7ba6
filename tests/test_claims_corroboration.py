"""Claims corroborated or contradicted by the plain reporting of other independent outlets."""
from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from detente.claims import Attributor
from detente.claims.ledger import ReportingWords, clauses, name_set, rebuild_ledger, sentences
from detente.knowledge import DataError
from detente.outputs.cli import app
from detente.records import Document
from detente.store import claim_row

CLAIM = "The Moldovan defence ministry said no soldiers were hurt when a drone fell near the Cahul barracks."
NARRATION = {
    # another outlet narrates the same fact: corroboration
    "agrees": ("Delta Post", "2024-05-03", "No soldiers were hurt when the drone came down near the Cahul barracks, "
               "the second such incident on Moldovan soil this month."),
    # another outlet narrates a toll: contradiction
    "disagrees": ("Steppe Daily", "2024-05-03", "Three soldiers were hurt when a drone fell on the Cahul barracks, "
                  "close to the Moldovan border."),
    # another outlet narrates deaths in other words ("killed" for "hurt"): contradiction
    "killed": ("Prut Herald", "2024-05-01", "A drone attack on the Cahul barracks killed two soldiers, "
               "Moldovan medics told the station."),
    # the same words about another story, with no actor in common: no evidence either way
    "elsewhere": ("Baltic Courier", "2024-05-02", "No soldiers were hurt when a drone fell near the barracks at Tapa "
                  "during an Estonian exercise."),
    # the same fact, but weeks later: outside the window
    "late": ("Harbour Daily", "2024-05-28", "No soldiers were hurt when the drone came down near the Cahul barracks "
             "on Moldovan soil."),
}


def _store_with(store, parse, *others: str, copy_outlet: str | None = None) -> None:
    reader = Attributor.load()
    store.add_document(Document(id="claim", text=CLAIM, outlet="Harbour Wire", date=date(2024, 5, 2)))
    found = reader.read(parse(CLAIM, "2024-05-02"))
    assert found, CLAIM
    store.save_readings("claim", {"claims": (reader.version, [claim_row(c) for c in found])})
    if copy_outlet:  # a cross-post of the claim's own article under another outlet's name
        store.add_document(Document(id="copy", text=CLAIM, outlet=copy_outlet, date=date(2024, 5, 2),
                                    duplicate_of="claim"))
    for key in others:
        outlet, day, text = NARRATION[key]
        store.add_document(Document(id=key, text=text, outlet=outlet, date=date.fromisoformat(day)))


def _claim(store) -> dict:
    return next(r for r in store.rows("claims") if r["doc_id"] == "claim")


def test_narration_of_another_outlet_corroborates(store, parse):
    _store_with(store, parse, "agrees", "elsewhere", "late", copy_outlet="Pirate Mirror")
    rebuild_ledger(store)
    row = _claim(store)
    assert row["status"] == "corroborated" and row["grade"][1] == "2"  # one other independent outlet
    assert [e["doc_id"] for e in row["extra"]["corroborated_by"]] == ["agrees"]
    assert row["extra"]["corroborated_by"][0]["outlet"] == "Delta Post"
    assert "Cahul" in row["extra"]["corroborated_by"][0]["text"]
    assert "contradicted_by" not in row["extra"]
    out = CliRunner().invoke(app, ["claims", "--db", store.url, "--format", "json", "--doc", "claim"])
    assert out.exit_code == 0, out.output
    item = json.loads(out.output)[0]
    assert [e["outlet"] for e in item["corroborated_by"]] == ["Delta Post"] and item["contradicted_by"] == []


@pytest.mark.parametrize("other", ["disagrees", "killed"])
def test_conflicting_narration_contradicts(store, parse, other):
    _store_with(store, parse, "agrees", other)
    rebuild_ledger(store)
    row = _claim(store)
    assert row["status"] == "contradicted" and row["grade"][1] == "5"
    assert [e["doc_id"] for e in row["extra"]["contradicted_by"]] == [other]


def test_no_independent_reporting_leaves_single_source(store, parse):
    _store_with(store, parse, "elsewhere", "late", copy_outlet="Pirate Mirror")
    rebuild_ledger(store)
    row = _claim(store)
    assert row["status"] == "single-source" and row["grade"][1] == "3"
    assert not {"corroborated_by", "contradicted_by"} & set(row["extra"])
    rebuild_ledger(store, window=30)  # a wider window reaches the late report
    assert [e["doc_id"] for e in _claim(store)["extra"]["corroborated_by"]] == ["late"]


def test_cheap_splitting_and_names():
    text = "U.S. officials met in Geneva. Gen. Smith left early!\nA new line starts here"
    assert sentences(text) == ["U.S. officials met in Geneva.", "Gen. Smith left early!", "A new line starts here"]
    assert clauses("there were no casualties and that he would speak in the morning") == [
        "there were no casualties", "he would speak in the morning"]
    assert name_set("Crews of the U.S. Navy and the US Army met on Monday") == {"us", "navy", "army"}
    words = ReportingWords.load()
    assert words.terms("So far 80 were killed") == words.terms("casualties") == ("casualty",)


def test_bad_words_file_names_the_file(tmp_path):
    folder = tmp_path / "ledger"
    folder.mkdir()
    (folder / "words.yaml").write_text("concepts:\n  casualty: killed\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"words\.yaml: concepts: casualty"):
        ReportingWords.load((str(tmp_path),))


def test_seed_no_casualties_corroborated_across_january_articles(shared, tmp_path):
    from detente.pipeline import analyze
    from detente.store import Store

    with Store(f"sqlite:///{tmp_path / 'seeds.db'}") as store:
        analyze([str(shared / "corpus" / "seeds")], store, progress=False)
        docs = {d.id: d for d in store.documents()}
        rows = [r for r in store.rows("claims") if "no U.S. casualties" in r["content_text"]]
        assert rows, "the reader lost Trump's tweet"
        row = rows[0]
        assert docs[row["doc_id"]].date == date(2020, 1, 8)
        assert row["status"] == "corroborated"
        assert {docs[e["doc_id"]].date for e in row["extra"]["corroborated_by"]} == {date(2020, 1, 9)}
        assert any("no casualties" in e["text"] for e in row["extra"]["corroborated_by"])
