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


def _eventually(page, check, *, seconds: float = 3.0) -> bool:
    """True as soon as `check()` holds; DataTables redraws after the event, not always before Playwright returns."""
    for _ in range(int(seconds * 10)):
        if check():
            return True
        page.wait_for_timeout(100)
    return check()


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
    th = table.locator("thead th").nth(column)
    header = th.locator(".dt-column-order")  # itables sorts from the icon
    descending: list[int] = []
    for _ in range(4):  # DataTables cycles ascending / descending / unsorted; a click may land before it is ready
        header.click()
        for _ in range(20):  # the redraw is not always done when click() returns: wait for it, up to 2 s
            descending = ids()
            if "dt-ordering-desc" in (th.get_attribute("class") or "") and descending == sorted(descending, reverse=True):
                break
            page.wait_for_timeout(100)
        if descending == sorted(descending, reverse=True) and descending != sorted(descending):
            break
    assert descending == sorted(descending, reverse=True) and descending != sorted(descending), descending
    search = wrapper.locator(".dt-search input")
    sources = [c.inner_text().strip() for c in table.locator(f"tbody tr td:nth-child({headers.index('source_text') + 1})").all()]
    word = next(s for s in sources if s and sources.count(s) < len(sources))  # a source some rows have and some do not
    search.fill(word)

    def filtered() -> bool:
        rows = table.locator("tbody tr").all()
        return bool(rows) and wrapper.locator("tbody tr td.dt-empty").count() == 0 and all(word.lower() in row.inner_text().lower() for row in rows)

    assert _eventually(page, filtered), f"searching {word!r} left rows without it"
    search.fill("zzzz-no-such-claim")
    assert _eventually(page, lambda: table.locator("tbody td.dt-empty").count() == 1), "a search matching nothing shows no empty-table row"
    assert not remote, remote
