"""The report in a real headless Chromium: it renders, its charts draw, nothing leaves the file."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analytics_fixtures import add_claim, populate

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOT = ROOT / "bench" / "out" / "report.png"

pytestmark = pytest.mark.slow


def _binary(*names: str) -> str | None:
    return next((p for p in map(shutil.which, names) if p), None)


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
    chrome, driver_path = _binary("chromium", "chromium-browser", "google-chrome"), _binary("chromedriver")
    if not chrome or not driver_path:
        pytest.skip("chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = chrome
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1366,900",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--disable-background-networking"):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=driver_path))
    yield driver
    driver.quit()


@pytest.fixture
def report_url(store, tmp_path):
    from detente import analytics
    from detente.outputs.report import write_report

    populate(store)
    add_claim(store, "w1", "<img src=x onerror=\"window.pwned=1\">", "anonymous",
              "<script>window.pwned = 2</script> a hostile claim text")
    analytics.rebuild(store)
    return write_report(store, tmp_path / "report.html").resolve().as_uri()


def test_report_renders_offline_with_charts(browser, report_url):
    browser.get(report_url)
    assert "detente" in browser.title
    sizes = browser.execute_script(
        "return ['svg.timeline', 'svg.network', 'svg.calibration', 'svg.spark'].map(sel => {"
        "  const el = document.querySelector(sel); if (!el) return [sel, 0, 0];"
        "  const r = el.getBoundingClientRect(); return [sel, r.width, r.height]; });")
    for selector, width, height in sizes:
        assert width > 0 and height > 0, f"{selector} did not draw ({width}×{height})"
    drawn = browser.execute_script(
        "return {bars: document.querySelectorAll('svg.timeline rect.bar').length,"
        " edges: document.querySelectorAll('svg.network path.edge').length,"
        " markers: document.querySelectorAll('svg.timeline circle.marker').length}")
    assert drawn["bars"] > 0 and drawn["edges"] > 0 and drawn["markers"] > 0
    # nothing was fetched: no resource entries at all, and the page forbids network by CSP
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    assert browser.execute_script(
        "return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content").startswith("default-src 'none'")
    # hostile text from articles is shown as text, never run
    assert browser.execute_script("return window.pwned === undefined")
    assert "<script>window.pwned" in browser.find_element("id", "claims").text
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1366, min(height + 120, 6000))
    assert browser.save_screenshot(str(SCREENSHOT)) and SCREENSHOT.stat().st_size > 10_000
    browser.set_window_size(1366, 900)
