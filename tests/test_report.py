"""The HTML report as a file: self-contained, escaped, with every section (the browser test draws it)."""
from __future__ import annotations

import re

from analytics_fixtures import add_claim, add_doc, add_event, populate
from detente import analytics
from detente.outputs.report import safe_href, write_report


def test_report_is_one_self_contained_file(store, tmp_path):
    populate(store)
    analytics.rebuild(store)
    page = write_report(store, tmp_path / "sub" / "report.html").read_text(encoding="utf-8")
    for section in ("overview", "dyads", "network", "claims", "forecasts", "quality"):
        assert f'id="{section}"' in page
    # nothing to fetch: no external stylesheet, script, image or font; links to articles are the only URLs
    assert not re.search(r'<(link|script|img|iframe)\b', page)
    assert "@import" not in page and "url(" not in page.replace("url(#arrow", "")
    assert "default-src 'none'" in page
    assert page.count("<svg") >= 5
    # evidence with its trigger highlighted and a link to its article
    assert "Russian artillery <mark>shelled</mark> positions near Kharkiv overnight." in page
    assert 'href="https://news.example/w2"' in page
    # text from articles is escaped
    assert "&lt;b&gt;three&lt;/b&gt;" in page and "<b>three</b>" not in page
    # data quality names the undated article, the French one, the cross-post and the unresolved actor
    quality = page[page.index('id="quality"'):]
    assert "Without a date (1)" in quality and "Non-English (1)" in quality and "copy of w4" in quality
    assert "Unresolved actors (1 events)" in quality and "Low-confidence events (1 below" in quality
    # claims: the denial is contradicted by the outlet that carried the claim it denies
    denial = page[page.index("No Russian unit fired at Kharkiv."):]
    cells = re.findall(r'<td[^>]*>(.*?)</td>', denial[:denial.index("</tr>")])
    assert cells[:3] == ["contradicted", "—", "Granite Post"]
    # forecasts: Brier from resolution and probability; Ana Petrova: (0.7-1)^2 and (0.6-0)^2 → mean 0.225
    assert "0.225" in page


def test_hostile_text_cannot_escape_its_cell(store, tmp_path):
    add_doc(store, "x", "2022-02-02", '<script>alert(1)</script>Outlet', url="javascript:alert(2)")
    add_event(store, "x", "AAA", "BBB", "190", -10.0, day="2022-02-02",
              sentence='He said "<img src=x onerror=alert(3)>" and fired.', trigger="fired")
    add_claim(store, "x", "</td><script>", "anonymous", "</table><h1>boom</h1>")
    analytics.rebuild(store)
    page = write_report(store, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "<img" not in page and "<h1>boom" not in page
    assert "javascript:" not in page


def test_empty_store_still_makes_a_report(store, tmp_path):
    page = write_report(store, tmp_path / "empty.html").read_text(encoding="utf-8")
    assert "No incidents yet" in page and "No claims in the store" in page and "No forecasts in the store" in page


def test_links_only_to_web_pages_and_files(tmp_path):
    assert safe_href("https://a.example/x") == "https://a.example/x"
    assert safe_href("javascript:alert(1)", None) is None
    assert safe_href(None, "data:text/html,hi") is None
    assert safe_href(None, str(tmp_path / "a b.txt")).startswith("file://")


def test_forecast_scores_agree_with_or_without_the_forecasts_ledger(store, monkeypatch):
    import sys

    import detente.forecasts
    from detente.outputs import report

    populate(store)
    ctx = report.Context(store)
    found, leaders, points = report.forecast_scores(store, ctx)
    original, used = report._own_scores, []
    monkeypatch.setattr(report, "_own_scores", lambda *a: used.append(True) or original(*a))
    monkeypatch.delattr(detente.forecasts, "ledger", raising=False)  # as if the stage were not installed
    monkeypatch.setitem(sys.modules, "detente.forecasts.ledger", None)
    own_found, own_leaders, own_points = report.forecast_scores(store, ctx)
    assert used
    assert sorted(round(f["brier"], 4) for f in own_found if f["brier"] is not None) == \
        sorted(f["brier"] for f in found if f["brier"] is not None) == [0.09, 0.36, 0.49]
    petrova = next(r for r in own_leaders if r[1] == "Ana Petrova")
    assert round(petrova[0], 4) == 0.225 and petrova[3:] == (2, 2)
    assert sum(p[2] for p in own_points) == sum(p[2] for p in points) == 3
