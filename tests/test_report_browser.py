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


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("browser") / "reports"
    status = run_report([str(SAMPLE / f"{SEED_ID}.txt")], out=out, notebooks=["00_start_here", "01_sourcing"], progress=False)
    assert status == 0
    return out


def _offline_page(browser):
    """A page that may load nothing but local files: every other request is aborted and recorded."""
    page = browser.new_page()
    remote: list[str] = []

    def block(route):
        remote.append(route.request.url)
        route.abort()

    page.route(lambda url: not url.startswith(("file:", "data:", "about:", "blob:")), block)
    return page, remote


def test_report_renders_offline_in_chromium(report, browser):  # report first: papermill cannot run under Playwright's event loop
    page, remote = _offline_page(browser)
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto((report / "index.html").as_uri())
    assert "analystkit report" in page.title()
    assert page.locator("section.finding").count() >= 4  # a briefing, not a table of contents
    assert page.locator("section.finding img").count() >= 3
    page.click("text=Start here: the corpus, its articles and entities")
    page.wait_for_load_state("load")
    assert page.url.endswith("00_start_here.html")
    assert page.locator("h1").first.inner_text().startswith("Start here")
    widths = page.eval_on_selector_all("img", "imgs => imgs.map(i => i.complete ? i.naturalWidth : 0)")
    assert len(widths) >= 2 and all(w > 0 for w in widths), widths
    assert page.locator("table.dataTable").count() >= 3  # interactive tables, drawn by the embedded DataTables
    assert page.locator("mark.ak-span").count() > 10  # highlighted spans rendered as markup
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-00_start_here.png"), full_page=False)
    assert not failed, failed
    assert not remote, remote


def _claims_table(page):
    tables = page.locator("table.dataTable")
    for i in range(tables.count()):
        table = tables.nth(i)
        headers = [h.inner_text().strip() for h in table.locator("thead th").all()]
        if {"claim_id", "source_text", "text"} <= set(headers):
            return table, headers
    raise AssertionError("no claims table on the sourcing page")


def test_claims_table_sorts_and_searches_offline(report, browser):
    page, remote = _offline_page(browser)
    page.goto((report / "01_sourcing.html").as_uri())
    page.wait_for_load_state("load")
    table, headers = _claims_table(page)
    wrapper = table.locator("xpath=ancestor::div[contains(@class,'dt-container')][1]")
    column = headers.index("claim_id")

    def ids():
        return [int(c.inner_text()) for c in table.locator(f"tbody tr td:nth-child({column + 1})").all()]

    before = ids()
    assert len(before) >= 5 and all(isinstance(i, int) for i in before)  # ids as integers, not "3.0"
    header = table.locator("thead th").nth(column).locator(".dt-column-order")  # itables sorts from the icon
    for _ in range(3):  # DataTables cycles ascending / descending
        header.click()
        if ids() == sorted(ids(), reverse=True) and ids() != sorted(ids()):
            break
    descending = ids()
    assert descending == sorted(descending, reverse=True) and descending != sorted(descending), descending
    search = wrapper.locator(".dt-search input")
    sources = [c.inner_text().strip() for c in table.locator(f"tbody tr td:nth-child({headers.index('source_text') + 1})").all()]
    word = next(s for s in sources if s and sources.count(s) < len(sources))  # a source some rows have and some do not
    search.fill(word)
    page.wait_for_timeout(300)
    rows = table.locator("tbody tr").all()
    assert rows and wrapper.locator("tbody tr td.dt-empty").count() == 0
    assert all(word.lower() in row.inner_text().lower() for row in rows)
    search.fill("zzzz-no-such-claim")
    page.wait_for_timeout(300)
    assert table.locator("tbody td.dt-empty").count() == 1
    assert not remote, remote
