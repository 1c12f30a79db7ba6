"""Incidents and the escalation index, on events put straight into a fresh store."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from analytics_fixtures import add_doc, add_event, populate
from detente import analytics
from detente.analytics import ladder as ladder_mod
from detente.knowledge import DataError
from detente.store import schema


def incidents(store):
    return {i["id"]: i for i in analytics.incident_records(store)}


def only(store):
    found = list(incidents(store).values())
    assert len(found) == 1, found
    return found[0]


def test_one_strike_reported_by_many_outlets_is_one_incident(store):
    add_doc(store, "wire", "2024-04-14", "Cedar Wire")
    add_doc(store, "paper", "2024-04-14", "Dune Gazette")
    add_doc(store, "repost", "2024-04-15", "Aggregator", duplicate_of="paper")
    add_doc(store, "blog", "2024-04-15", None)
    add_doc(store, "later", "2024-04-16", "Cedar Wire")
    ids = [
        add_event(store, "wire", "IRN", "ISR", "190", -10.0, day="2024-04-14", confidence=0.7),
        add_event(store, "paper", "IRN", "ISR", "195", -10.0, day="2024-04-13", confidence=0.95,
                  sentence="Tehran launched drones and missiles at Israel overnight.", trigger="launched"),
        add_event(store, "repost", "IRN", "ISR", "190", -10.0, day="2024-04-13"),
        add_event(store, "blog", "IRN", "ISR", "190", -10.0, day="2024-04-14"),
        add_event(store, "later", "IRN", "ISR", "183", -10.0, day="2024-04-14"),
    ]
    assert analytics.rebuild(store) == 1
    inc = only(store)
    assert inc["mentions"] == ids
    assert inc["articles"] == 4  # the repost counts as the paper it copies
    assert inc["outlets"] == 3  # Cedar Wire twice, the Gazette (and its repost), the outlet-less blog by its id
    assert inc["date"] == "2024-04-13" and inc["first_reported"] == "2024-04-14"
    assert inc["code"] == "190" and inc["root"] == "19" and inc["quad"] == 4
    assert inc["evidence"]["doc_id"] == "paper"
    text, trigger = inc["evidence"]["text"], inc["evidence"]["trigger"]
    assert text[trigger["start"]:trigger["end"]] == "launched"
    with store.engine.connect() as conn:
        linked = {r.id: r.incident_id for r in conn.execute(schema.events.select())}
    assert set(linked.values()) == {inc["id"]}


def test_direction_root_and_place_keep_incidents_apart(store):
    add_doc(store, "a", "2023-10-09", "Cedar Wire")
    add_event(store, "a", "ISR", "PSE", "190", -10.0, day="2023-10-09")
    add_event(store, "a", "PSE", "ISR", "190", -10.0, day="2023-10-09")  # the other direction
    add_event(store, "a", "ISR", "PSE", "112", -2.0, day="2023-10-09")  # an accusation, not a strike
    add_event(store, "a", "ISR", "LBN", "190", -10.0, day="2023-10-09", place="Tyre")
    add_event(store, "a", "ISR", "LBN", "190", -10.0, day="2023-10-09", place="Baalbek")  # another place
    add_event(store, "a", "ISR", "LBN", "195", -10.0, day="2023-10-09", place="Baalbek district")
    assert analytics.rebuild(store) == 5


def test_vague_places_do_not_split_and_undated_articles_need_a_site(store):
    add_doc(store, "a", "2020-01-08", "Cedar Wire")
    add_doc(store, "b", "2020-01-08", "Dune Gazette")
    add_doc(store, "essay", None, "Quiet Room")
    add_event(store, "a", "IRN", "IRQ", "195", -10.0, day="2020-01-08", place="two Iraqi bases")
    add_event(store, "b", "IRN", "IRQ", "195", -10.0, day="2020-01-08", place="Tehran's overnight missile attack")
    add_event(store, "b", "IRN", "IRQ", "190", -10.0, day="2020-01-08", place="Ain al-Asad")
    add_event(store, "essay", "IRN", "IRQ", "195", -10.0)  # no date, no site: cannot tell which strike
    assert analytics.rebuild(store) == 2
    dated, undated = sorted(incidents(store).values(), key=lambda i: i["date"] is None)
    assert len(dated["mentions"]) == 3 and dated["place"] == "Ain al-Asad"
    assert undated["date"] is None and analytics.index_series(store, "IRN", "IRQ")[0]["incidents"] == [dated["id"]]


def test_dates_merge_within_a_day_but_daily_strikes_do_not_chain(store):
    add_doc(store, "a", "2022-03-08", "Cedar Wire")
    for day in ("2022-03-01", "2022-03-02", "2022-03-03", "2022-03-04", "2022-03-05", "2022-03-06", "2022-03-07"):
        add_event(store, "a", "RUS", "UKR", "195", -10.0, day=day)
    assert analytics.rebuild(store) == 4  # 1–2, 3–4, 5–6, 7: anchored on the first day, never chained
    assert analytics.rebuild(store, tolerance_days=0) == 7


def test_background_mentions_join_the_earlier_incident(store):
    add_doc(store, "news", "2020-01-08", "Cedar Wire")
    add_doc(store, "retro", "2025-06-26", "Dune Gazette")
    add_doc(store, "essay", None, "Quiet Room")
    add_doc(store, "week", "2020-01-20", "Cedar Wire")
    first = add_event(store, "news", "IRN", "USA", "190", -10.0, day="2020-01-08", place="Ain al-Asad")
    add_event(store, "retro", "IRN", "USA", "190", -10.0, day="2020-01-08", place="Ain al-Asad air base")
    add_event(store, "essay", "IRN", "USA", "195", -10.0, place="Ain al-Asad")  # undated article
    add_event(store, "week", "IRN", "USA", "190", -10.0)  # no event date, twelve days later: background
    add_event(store, "retro", "IRN", "USA", "190", -10.0, day="2025-06-23", place="Al Udeid")  # a new strike
    assert analytics.rebuild(store) == 2
    old = next(i for i in incidents(store).values() if first in i["mentions"])
    assert len(old["mentions"]) == 4 and old["date"] == "2020-01-08" and old["articles"] == 4


def test_a_recalled_strike_joins_it_but_a_new_one_does_not(store):
    add_doc(store, "news", "2021-09-01", "Cedar Wire")
    add_doc(store, "vote", "2021-09-04", "Dune Gazette")
    first = add_event(store, "news", "USA", "SYR", "195", -10.0, day="2021-09-01")
    recalled = add_event(store, "vote", "USA", "SYR", "195", -10.0, day="2021-09-04",
                         sentence="Lawmakers met three days after a drone strike killed two commanders.", trigger="strike")
    fresh = add_event(store, "vote", "USA", "SYR", "195", -10.0, day="2021-09-04",
                      sentence="Drones struck a convoy again on Saturday.", trigger="struck")
    add_doc(store, "years", "2024-02-01", "Cedar Wire")
    late = add_event(store, "years", "USA", "SYR", "195", -10.0, day="2024-02-01", place="Deir ez-Zor",
                     sentence="Militias shelled the base in retaliation for the air strike.", trigger="strike")
    assert analytics.rebuild(store) == 3  # a recall reaches back 30 days at most
    assert sorted(i["mentions"] for i in incidents(store).values()) == [[first, recalled], [fresh], [late]]


def test_only_events_that_happened_make_incidents(store):
    add_doc(store, "a", "2021-05-10", "Cedar Wire")
    for modality in ("negated", "hypothetical", "future", "question"):
        add_event(store, "a", "ISR", "PSE", "190", -10.0, day="2021-05-10", modality=modality)
    reported = add_event(store, "a", "ISR", "PSE", "190", -10.0, day="2021-05-10", modality="reported")
    assert analytics.rebuild(store) == 1
    assert only(store)["mentions"] == [reported]
    with store.engine.connect() as conn:
        unlinked = conn.execute(schema.events.select().where(schema.events.c.incident_id.is_(None))).all()
    assert len(unlinked) == 4


def test_rebuild_is_idempotent(store):
    add_doc(store, "a", "2021-05-10", "Cedar Wire")
    add_doc(store, "b", "2021-05-11", "Dune Gazette")
    add_event(store, "a", "ISR", "PSE", "190", -10.0, day="2021-05-10")
    add_event(store, "b", "PSE", "ISR", "190", -10.0, day="2021-05-10")
    add_event(store, "b", "EGY", "PSE", "036", 4.0, day="2021-05-11")
    analytics.rebuild(store)
    before = store.rows("incidents")
    analytics.rebuild(store)
    assert store.rows("incidents") == before


def _series_store(store):
    add_doc(store, "a", "2024-01-20", "Cedar Wire")
    add_event(store, "a", "USA", "YEM", "195", -10.0, day="2024-01-12")
    add_event(store, "a", "YEM", "USA", "138", -7.0, day="2024-01-12")
    add_event(store, "a", "USA", "YEM", "172", -5.0, day="2024-01-17")
    add_event(store, "a", "OMN", "YEM", "043", 2.8, day="2024-01-18")
    analytics.rebuild(store)


def test_index_counts_incidents_by_period_and_direction(store):
    _series_store(store)
    both = analytics.index_series(store, "USA", "YEM")
    assert [r["period"] for r in both][0] == "2024-01-12" and both[-1]["period"] == "2024-01-17"
    assert both[0]["index"] == 17.0 and both[0]["rung"] == 4 and len(both[0]["incidents"]) == 2
    assert both[1]["index"] == 0.0 and both[1]["rung"] is None and both[1]["incidents"] == []
    directed = analytics.index_series(store, "YEM", "USA", directed=True)
    assert directed[0]["index"] == 7.0 and directed[0]["rung"] == 2
    weekly = analytics.index_series(store, "USA", "YEM", freq="W")
    assert [r["period"] for r in weekly] == ["2024-01-08", "2024-01-15"]  # Mondays
    assert weekly[1]["rung"] == 3
    window = analytics.index_series(store, "USA", "YEM", start=date(2024, 1, 10), end=date(2024, 1, 11))
    assert [r["index"] for r in window] == [0.0, 0.0]
    cooperation = analytics.index_series(store, "OMN", "YEM")
    assert cooperation[0]["index"] == -1.4 and cooperation[0]["rung"] == 0


def test_trend_turns_on_a_surge_and_back_on_a_lull():
    rows = [{"period": str(i), "index": v, "incidents": [i] if v else []}
            for i, v in enumerate([0, 0, 2, 0, 18, 20, 19] + [0] * 10)]
    series = analytics.index.add_trend(rows, analytics.TrendParams(span=5, threshold=5.0, drift=1.0))
    trends = [r["trend"] for r in series]
    assert trends[:4] == ["stable"] * 4
    assert trends[4] == "escalating" and series[4]["drivers"] == [4]
    assert trends[5:7] == ["escalating", "escalating"]  # the regime holds while the surge lasts
    assert trends[7] == "de-escalating" and trends[-1] == "stable"  # until the baseline has sunk
    assert [t["period"] for t in analytics.turning_points(series)] == ["4", "7"]
    calm = analytics.index.add_trend([dict(r) for r in rows], analytics.TrendParams(threshold=100.0))
    assert {r["trend"] for r in calm} == {"stable"}


def test_dyads_rank_by_incidents(store):
    _series_store(store)
    found = analytics.dyads(store)
    assert [(d["source"], d["target"], d["incidents"]) for d in found][0] == ("USA", "YEM", 2)
    assert found[0]["rung"] == 3 and found[0]["trend"] in ("escalating", "stable", "de-escalating")


def test_ladder_reads_user_folders_and_names_bad_entries(tmp_path):
    ladder = ladder_mod.load()
    assert [ladder.rung_of(c) for c in ("043", "111", "138", "141", "163", "190", "202")] == [0, 1, 2, 1, 3, 4, 5]
    assert ladder.family_of("186") == ladder.family_of("195") != ladder.family_of("138")
    assert ladder.family_of("0871") == ladder.family_of("057") != ladder.family_of("081")
    good = tmp_path / "good"
    good.mkdir()
    (good / "escalation.yaml").write_text("version: 1\nrungs:\n  - {rung: 3, name: coercion, roots: ['14', '15', '16', '17']}\n"
                                          "  - {rung: 1, name: verbal, roots: ['10', '11', '12']}\n")
    assert ladder_mod.load([good]).rung_of("141") == 3
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "escalation.yaml").write_text("version: 1\nfamilies:\n  naval:\n    prefixes: [19a]\n")
    with pytest.raises(DataError, match=r"escalation.yaml: families.naval.prefixes: '19a'"):
        ladder_mod.load([bad])


def test_cli_prints_the_json_contract(store):
    from detente.outputs.cli import app

    _series_store(store)
    runner = CliRunner()
    db = ["--db", store.url]
    rows = json.loads(runner.invoke(app, ["index", "usa", "yem", "--format", "json", *db]).stdout)
    assert {"period", "index", "rung", "trend", "incidents"} <= set(rows[0])
    found = json.loads(runner.invoke(app, ["dyads", "--format", "json", *db]).stdout)
    assert {"source", "target", "incidents", "index", "rung", "trend"} <= set(found[0])
    listed = json.loads(runner.invoke(app, ["incidents", "--dyad", "USA-YEM", "--format", "json", *db]).stdout)
    assert len(listed) == 3
    first = listed[0]
    assert {"id", "source", "target", "code", "root", "quad", "goldstein", "date", "mentions", "articles", "outlets",
            "first_reported", "evidence"} <= set(first)
    assert set(first["source"]) == {"country", "sector", "text", "name"} and set(first["evidence"]) >= {"doc_id", "text"}
    table = runner.invoke(app, ["index", "USA", "YEM", *db]).stdout
    assert "▁" in table or "█" in table
    assert runner.invoke(app, ["incidents", "--dyad", "USAYEM", *db]).exit_code == 2


def test_rebuild_and_index_on_postgres(pg_url, store):
    from detente.store import Store

    with Store(pg_url) as pg:
        for s in (pg, store):
            populate(s)
            analytics.rebuild(s)
            analytics.rebuild(s)
        strip = lambda rows: [{k: v for k, v in r.items() if k != "mentions"} for r in rows]  # noqa: E731
        assert strip(analytics.incident_records(pg)) == strip(analytics.incident_records(store))
        assert analytics.index_series(pg, "RUS", "UKR") == analytics.index_series(store, "RUS", "UKR")
        assert analytics.dyads(pg) == analytics.dyads(store)


def test_bench_script_runs_on_a_small_corpus(tmp_path):
    script = Path(__file__).resolve().parents[1] / "bench" / "index.py"
    done = subprocess.run([sys.executable, str(script), "--events", "3000", "--db", str(tmp_path / "b.db")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "incident rebuild:" in done.stdout and "index query" in done.stdout
