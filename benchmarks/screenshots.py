"""Screenshots of every page of a report, for reading it as a reader would (issue 16).

    .venv/bin/python benchmarks/screenshots.py reports/ test-artifacts/report-screens [--views 3]

For each HTML page: the first ``--views`` screens (1280 x 900) and the page's size in MB, its
height in pixels and its number of tables, printed as a Markdown table. Every request that is not
a local file is blocked and counted (an offline report makes none). Needs Debian's Chromium and
the playwright package (no browser download).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--views", type=int, default=3, help="screens per page (default 3)")
    args = parser.parse_args(argv)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("Chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    print("| page | MB | height px | tables | blocked requests |\n|---|---|---|---|---|")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=ARGS)
        for page_path in sorted(args.report.glob("*.html")):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            blocked: list[str] = []
            page.route(lambda url: not url.startswith(("file:", "data:", "about:", "blob:")), lambda route: (blocked.append(route.request.url), route.abort()))
            page.goto(page_path.resolve().as_uri())
            page.wait_for_load_state("load")
            height = page.evaluate("document.body.scrollHeight")
            tables = page.locator("table").count()
            for view in range(args.views):
                if view * 900 >= height:
                    break
                page.evaluate(f"window.scrollTo(0, {view * 900})")
                page.wait_for_timeout(150)
                page.screenshot(path=str(args.out / f"{page_path.stem}-{view + 1}.png"))
            print(f"| {page_path.name} | {page_path.stat().st_size / 1e6:.2f} | {height:,} | {tables} | {len(blocked)} |")
            page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
