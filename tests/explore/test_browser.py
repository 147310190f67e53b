"""End to end: ``ak.explore`` in JupyterLab, in headless Chromium (Playwright, Debian's chromium).

Starts ``jupyter lab`` on 127.0.0.1 (random free port, no token, temporary config,
runtime, data and workspace folders), opens a small notebook that calls
``ak.explore``, runs it, clicks a filter and checks that the table and the reading
pane update; saves a screenshot to ``test-artifacts/explore-jupyterlab.png``; stops
the server by its process group. Skipped, with the reason, where Chromium,
Playwright or JupyterLab is missing.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import ROOT

from .conftest import make_tables

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = ROOT / "test-artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser

NOTEBOOK_CELLS = [
    "import pandas as pd\nimport analystkit as ak\ntables = pd.read_pickle('tables.pkl')",
    "app = ak.explore(tables)",
]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium); the browser check needs it")
    pytest.importorskip("jupyterlab", reason="jupyterlab is not installed (pip install jupyterlab); the browser check runs it")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def lab(tmp_path):
    """A JupyterLab server over a folder holding the notebook; yields its base URL."""
    import nbformat

    root = tmp_path / "root"
    root.mkdir()
    import pandas as pd

    pd.to_pickle(make_tables(), root / "tables.pkl")
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(src) for src in NOTEBOOK_CELLS])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, root / "explore.ipynb")
    env = {**os.environ}
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTER_DATA_DIR", "IPYTHONDIR", "JUPYTERLAB_SETTINGS_DIR"):
        folder = tmp_path / name.lower()
        folder.mkdir()
        env[name] = str(folder)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    port = free_port()
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ServerApp.port_retries=0",
        "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=", "--ServerApp.password=", f"--ServerApp.root_dir={root}",
        f"--LabApp.workspaces_dir={tmp_path / 'workspaces'}", "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", "--ServerApp.terminals_enabled=False",
        "--LabApp.extension_manager=readonly",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # CI runs as root
    log = (tmp_path / "lab.log").open("wb")
    server = subprocess.Popen(command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                pytest.fail(f"jupyter lab exited with {server.returncode}:\n{(tmp_path / 'lab.log').read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{url}/api/status", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"jupyter lab did not answer in 60 s:\n{(tmp_path / 'lab.log').read_text()[-3000:]}")
            time.sleep(0.5)
        yield url
    finally:
        try:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=5)
        except ProcessLookupError:
            pass
        log.close()


def _screenshot(page, name: str) -> None:
    """A screenshot for the artifacts, if the page is still there (it must not hide the test's own error)."""
    try:
        page.screenshot(path=str(ARTIFACTS / name), full_page=False)
    except Exception:  # noqa: BLE001
        pass


def test_explore_in_jupyterlab_updates_on_click(browser, lab):
    from playwright.sync_api import Error as PlaywrightError

    ARTIFACTS.mkdir(exist_ok=True)
    for attempt in (1, 2):
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        remote: list[str] = []
        page.on("request", lambda request: remote.append(request.url) if not request.url.startswith((lab, "data:", "about:", "blob:", "ws://127.0.0.1")) else None)
        try:
            check_explorer(page, lab)
            break
        except PlaywrightError as error:
            # a page the browser closed under load (TargetClosedError) is retried once on a fresh page; a failed check is not
            if attempt == 2 or "closed" not in str(error).lower():
                _screenshot(page, "explore-jupyterlab-failure.png")
                raise
        except Exception:
            _screenshot(page, "explore-jupyterlab-failure.png")
            raise
    page.screenshot(path=str(ARTIFACTS / "explore-jupyterlab.png"), full_page=False)
    assert not remote, remote


def check_explorer(page, lab: str) -> None:
    page.goto(f"{lab}/lab/tree/explore.ipynb", wait_until="domcontentloaded")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    # the kernel is up when the status bar says so
    page.wait_for_function("() => /Idle/.test(document.querySelector('.jp-StatusBar-Widget, #jp-main-statusbar')?.innerText || '')", timeout=90_000)
    page.locator(".jp-Notebook .jp-Cell").first.click()
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_text("Run All Cells", exact=True).click()

    page.locator(".ak-explore-status").wait_for(timeout=90_000)
    page.wait_for_function("() => document.querySelector('.ak-explore-status')?.innerText.includes('5 of 5 claims')", timeout=30_000)
    rows = page.locator(".ak-explore-table tr[data-row]")
    assert rows.count() == 5
    claim = page.locator(".ak-explore-reading mark[data-label='claim']")
    assert claim.first.inner_text() == "that Russia may withdraw from Kherson"

    page.get_by_role("button", name="unhedged", exact=True).click()  # a filter, by clicking
    page.wait_for_function("() => document.querySelector('.ak-explore-status')?.innerText.includes('3 of 5 claims')", timeout=30_000)
    page.wait_for_function("() => document.querySelectorAll('.ak-explore-table tr[data-row]').length === 3", timeout=30_000)
    assert page.eval_on_selector_all(".ak-explore-table tr[data-row]", "rows => rows.map(r => r.dataset.row)") == ["1", "2", "4"]
    page.wait_for_function("() => document.querySelector(\".ak-explore-reading mark[data-label='claim']\")?.innerText === 'the army will stay'", timeout=30_000)

    page.locator(".ak-explore-chooser select").select_option(index=1)  # read another claim of the page
    page.wait_for_function("() => document.querySelector(\".ak-explore-reading mark[data-label='claim']\")?.innerText.startsWith('=HYPERLINK')", timeout=30_000)
    reading = page.locator(".ak-explore-reading")
    assert "<b>bold</b>" in reading.inner_text()  # the article's markup shows as text, escaped
    assert reading.locator("b:text('bold')").count() == 0

