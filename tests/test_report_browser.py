"""The report opened in a real browser (headless Chromium driven by Playwright).

Skipped, with the reason, where Chromium or Playwright is missing. Install with
`apt-get install chromium` (Debian); Playwright's own browser download is not used.
"""

from __future__ import annotations

import shutil

import pytest

from analystkit.report import run_report
from tests.conftest import ROOT, SAMPLE, SEED_ID

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = ROOT / "test-artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium); the browser check needs it")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


def test_report_renders_offline_in_chromium(browser, tmp_path):
    out = tmp_path / "reports"
    assert run_report([str(SAMPLE / f"{SEED_ID}.txt")], out=out, notebooks=["00_start_here"], progress=False) == 0
    page = browser.new_page()
    failed, remote = [], []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("request", lambda request: remote.append(request.url) if not request.url.startswith(("file:", "data:", "about:", "blob:")) else None)
    page.goto((out / "index.html").as_uri())
    assert "analystkit report" in page.title()
    assert page.locator("table tr").count() >= 5
    page.click("text=00_start_here")
    page.wait_for_load_state("load")
    assert page.url.endswith("00_start_here.html")
    assert page.locator("h1").first.inner_text().startswith("Start here")
    images = page.locator("img")
    assert images.count() >= 2
    widths = page.eval_on_selector_all("img", "imgs => imgs.map(i => i.complete ? i.naturalWidth : 0)")
    assert all(w > 0 for w in widths), widths
    assert page.locator("table.dataframe").count() >= 4
    assert page.locator("mark.ak-span").count() > 10  # highlighted spans rendered as markup
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-00_start_here.png"), full_page=False)
    assert not failed, failed
    assert not remote, remote
