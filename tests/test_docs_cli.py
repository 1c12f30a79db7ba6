"""The docs CLI: ingest with a summary and exit code, docs list/show in table, JSON and CSV."""
from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from detente.outputs.cli import app

TEXT = ("Talks on the dam resume in the capital\n\nBy Sara Lind\nRiver Wire, March 3, 2026\n\n"
        "Delegations from the three riparian states met again on Tuesday to discuss how fast the reservoir "
        "should be filled, officials said after a first session that ran late into the night.\n\n"
        "The water minister said the sides had agreed on a schedule for the dry season but not yet on "
        "how disputes would be settled, and that experts would meet again next week.\n\nShare | Email\n")
FIELDS = {"id", "date", "title", "author", "outlet", "url", "language", "words", "status", "duplicate_of"}
runner = CliRunner()


def _ingest(tmp_path, *extra):
    (tmp_path / "in").mkdir(exist_ok=True)
    (tmp_path / "in" / "dam.txt").write_text(TEXT)
    db = str(tmp_path / "docs.db")
    return db, runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db, *extra])


def test_ingest_summary_and_exit_codes(tmp_path):
    db, result = _ingest(tmp_path)
    assert result.exit_code == 0, result.output
    assert "1 new, 0 already stored" in result.output
    again = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db])
    assert again.exit_code == 0 and "0 new, 1 already stored" in again.output
    (tmp_path / "in" / "empty.txt").write_text("")
    failed = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db])
    assert failed.exit_code == 1 and "empty.txt: empty" in failed.output


def test_bad_date_option_is_refused(tmp_path):
    _, result = _ingest(tmp_path, "--date", "March 3")
    assert result.exit_code != 0


def test_list_json_and_csv(tmp_path):
    db, _ = _ingest(tmp_path)
    listed = runner.invoke(app, ["docs", "list", "--db", db, "--format", "json"])
    rows = json.loads(listed.stdout)
    assert len(rows) == 1 and FIELDS <= set(rows[0])
    assert (rows[0]["date"], rows[0]["author"], rows[0]["outlet"]) == ("2026-03-03", "Sara Lind", "River Wire")
    table = list(csv.DictReader(io.StringIO(runner.invoke(app, ["docs", "list", "--db", db, "-f", "csv"]).stdout)))
    assert table[0]["id"] == rows[0]["id"] and set(table[0]) == FIELDS


def test_show_gives_body_and_metadata(tmp_path):
    db, _ = _ingest(tmp_path)
    doc_id = json.loads(runner.invoke(app, ["docs", "list", "--db", db, "-f", "json"]).stdout)[0]["id"]
    shown = json.loads(runner.invoke(app, ["docs", "show", doc_id[:8], "--db", db, "-f", "json"]).stdout)[0]
    assert FIELDS | {"text"} <= set(shown)
    assert shown["text"].startswith("Delegations from the three") and "Share" not in shown["text"]
    assert shown["title"] == "Talks on the dam resume in the capital"
    table = runner.invoke(app, ["docs", "show", doc_id, "--db", db])
    assert table.exit_code == 0 and "Sara Lind" in table.stdout and "Delegations" in table.stdout
    missing = runner.invoke(app, ["docs", "show", "ffffffff", "--db", db])
    assert missing.exit_code == 1
