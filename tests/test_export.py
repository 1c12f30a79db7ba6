"""Exports round-trip: CSV and JSON Lines read back with the standard library, Parquet with pyarrow, all three with pandas."""
from __future__ import annotations

import csv
import json
from datetime import date

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from analytics_fixtures import populate
from detente import analytics
from detente.outputs import export
from detente.outputs.export import ExportFormat


@pytest.fixture
def filled(store):
    populate(store)
    analytics.rebuild(store)
    return store


@pytest.mark.parametrize("table", ["events", "incidents", "index"])
def test_every_format_has_the_documented_columns(filled, tmp_path, table):
    columns = export.TABLES[table]
    counts = {fmt: export.export(filled, table, fmt, tmp_path / f"out.{fmt.value}") for fmt in ExportFormat}
    assert len(set(counts.values())) == 1 and counts[ExportFormat.csv] > 0

    parquet = pq.read_table(tmp_path / "out.parquet")
    assert parquet.schema.equals(columns)
    with open(tmp_path / "out.csv", newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == columns.names
        csv_rows = list(reader)
    with open(tmp_path / "out.jsonl", encoding="utf-8") as fh:
        json_rows = [json.loads(line) for line in fh]
    assert [list(r) for r in json_rows] == [columns.names] * len(json_rows)
    assert len(csv_rows) == len(json_rows) == parquet.num_rows

    # the same values in all three, typed as the schema says
    first = parquet.slice(0, 1).to_pylist()[0]
    for name in columns.names:
        kind = columns.field(name).type
        value = first[name]
        if value is None:
            assert json_rows[0][name] is None and csv_rows[0][name] == ""
        elif pa.types.is_date(kind):
            assert json_rows[0][name] == csv_rows[0][name] == value.isoformat()
        elif pa.types.is_floating(kind):
            assert json_rows[0][name] == value and float(csv_rows[0][name]) == value
        elif pa.types.is_integer(kind):
            assert json_rows[0][name] == value and int(csv_rows[0][name]) == value
        elif pa.types.is_list(kind):
            assert json_rows[0][name] == value and csv_rows[0][name] == ";".join(map(str, value))
        elif pa.types.is_boolean(kind):
            assert json_rows[0][name] is value and csv_rows[0][name] == str(value)
        else:
            assert json_rows[0][name] == csv_rows[0][name] == value


@pytest.mark.parametrize("table", ["events", "incidents", "index"])
def test_pandas_loads_every_format_with_the_documented_columns(filled, tmp_path, table):
    """Where researchers work: pandas reads all three files to the same frame of documented columns."""
    columns = export.TABLES[table]
    for fmt in ExportFormat:
        export.export(filled, table, fmt, tmp_path / f"out.{fmt.value}")
    parquet = pd.read_parquet(tmp_path / "out.parquet")
    jsonl = pd.read_json(tmp_path / "out.jsonl", lines=True, dtype=False)
    csv_frame = pd.read_csv(tmp_path / "out.csv", keep_default_na=True)
    for frame in (parquet, jsonl, csv_frame):
        assert list(frame.columns) == columns.names and len(frame) == len(parquet) > 0
    for name in columns.names:
        kind = columns.field(name).type
        if pa.types.is_integer(kind) or pa.types.is_floating(kind):
            for frame in (parquet, csv_frame):
                assert pd.api.types.is_numeric_dtype(frame[name]) or frame[name].isna().all(), (name, frame[name].dtype)
        if pa.types.is_date(kind):  # dates come back as dates from Parquet and parse from the text formats
            dated = parquet[name].dropna()
            assert all(isinstance(v, date) for v in dated)
            assert list(pd.to_datetime(csv_frame[name].dropna()).dt.date) == list(dated)


def test_incident_export_links_evidence_and_counts(filled, tmp_path):
    export.export(filled, "incidents", ExportFormat.parquet, tmp_path / "inc.parquet")
    rows = pq.read_table(tmp_path / "inc.parquet").to_pylist()
    strike = next(r for r in rows if r["code"] in ("190", "195") and r["source_country"] == "RUS")
    assert strike["mentions"] == 3 and strike["articles"] == 3 and strike["date"] == date(2021, 3, 2)
    assert strike["evidence_url"].startswith("https://news.example/")


def test_index_export_of_one_dyad_weekly(filled, tmp_path):
    n = export.export(filled, "index", ExportFormat.jsonl, tmp_path / "ix.jsonl", freq="W", dyad=("RUS", "UKR"),
                      directed=False)
    rows = [json.loads(line) for line in (tmp_path / "ix.jsonl").read_text().splitlines()]
    assert n == len(rows) == 2 and {r["freq"] for r in rows} == {"W"} and rows[0]["directed"] is False
    assert date.fromisoformat(rows[0]["period"]).weekday() == 0


def test_cli_export(filled, tmp_path):
    from detente.outputs.cli import app

    runner = CliRunner()
    out = runner.invoke(app, ["export", "events", "--format", "csv", "--db", filled.url])
    assert out.exit_code == 0 and out.stdout.splitlines()[0].startswith("id,date,date_precision,source_country")
    assert runner.invoke(app, ["export", "incidents", "--format", "parquet", "--db", filled.url]).exit_code == 2
    target = tmp_path / "ix.parquet"
    done = runner.invoke(app, ["export", "index", "--format", "parquet", "--out", str(target), "--db", filled.url])
    assert done.exit_code == 0 and pq.read_table(target).num_rows > 0


def test_empty_store_exports_headers_only(store, tmp_path):
    assert export.export(store, "incidents", ExportFormat.parquet, tmp_path / "e.parquet") == 0
    assert pq.read_table(tmp_path / "e.parquet").schema.equals(export.INCIDENT_COLUMNS)
