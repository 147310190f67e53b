"""URL lists and fetching (issue 20), against a local HTTP server in a thread — never the internet.

The server counts the requests it answers, so the tests can say that each page is fetched once
and that a second run is served from the cache (zero requests), that robots.txt is respected and
that every URL that cannot be read is a row of the load report with its reason.
"""

from __future__ import annotations

import socket
import threading
import warnings
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from analystkit.io.loader import read_articles

PAGES = {
    "/news/bridge": ("Bridge to reopen in May", "The minister said the bridge would reopen in May after repairs to two of its piers."),
    "/news/school": ("School reopens", "The head teacher said pupils would return on Monday after the holiday was extended."),
    "/private/memo": ("Internal memo", "This page is disallowed for robots and must never be fetched by the kit."),
}


def page(title: str, lead: str) -> bytes:
    paragraphs = "".join(
        f"<p>{sentence}</p>"
        for sentence in (lead, "Officials gave no further details on Tuesday, but local residents said they hoped the work would finish on time.",
                         "The regional council has set aside money for the repairs and expects to publish a timetable next week.",
                         "Businesses near the site said the closure had cost them customers over the winter months.")
    )
    html = (f"<html><head><title>{title}</title><meta name='author' content='Sam Lee'></head><body><nav>Home | News | Contact</nav>"
            f"<article><h1>{title}</h1>{paragraphs}</article><footer>Copyright Valley Gazette</footer></body></html>")
    return html.encode("utf-8")


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the name http.server calls
        self.server.counts[self.path] += 1
        self.server.agents.add(self.headers.get("User-Agent", ""))
        if self.path == "/robots.txt":
            body, kind, status = b"User-agent: *\nDisallow: /private/\n", "text/plain", 200
        elif self.path in PAGES:
            body, kind, status = page(*PAGES[self.path]), "text/html; charset=utf-8", 200
        elif self.path == "/data.zip":
            body, kind, status = b"PK\x03\x04 not a page", "application/zip", 200
        elif self.path == "/slow":
            import time

            time.sleep(1.5)
            body, kind, status = page("Slow", "The server took its time."), "text/html", 200
        elif self.path == "/report.pdf":
            from tests.io.documents import pdf_bytes

            body, kind, status = pdf_bytes(), "application/pdf", 200
        else:
            body, kind, status = b"<html><body>Not found</body></html>", "text/html", 404
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture()
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.counts = Counter()
    httpd.agents = set()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture()
def fetch_env(monkeypatch, tmp_path):
    monkeypatch.setenv("ANALYSTKIT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("ANALYSTKIT_FETCH_DELAY", "0")
    monkeypatch.setenv("ANALYSTKIT_FETCH_TIMEOUT", "5")
    return tmp_path


def url_list(folder: Path, server, *, extra: tuple[str, ...] = ()) -> Path:
    base = f"http://127.0.0.1:{server.server_port}"
    lines = ["# pages to read", f"{base}/news/bridge", "", f"{base}/news/school", f"{base}/missing", f"{base}/private/memo",
             f"http://127.0.0.1:{closed_port()}/gone", *extra]
    path = folder / "urls.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def quiet_read(*paths, **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_articles(*paths, **options)


def test_url_list_without_fetch_is_reported_not_loaded_and_nothing_is_fetched(server, fetch_env):
    urls = url_list(fetch_env, server)
    (fetch_env / "note.txt").write_text("An ordinary article.\n\nIt has a body.", encoding="utf-8")
    articles, report = quiet_read(fetch_env / "urls.txt", fetch_env / "note.txt")
    row = report[report.path.str.endswith("urls.txt")].iloc[0]
    assert row.status == "skipped"
    assert "a list of 5 URLs" in row.reason and "fetch=True" in row.reason and "--fetch" in row.reason
    assert list(articles.article_id) == ["note"]
    assert sum(server.counts.values()) == 0
    assert urls.exists()


def test_fetch_reads_each_page_once_then_from_the_cache(server, fetch_env):
    url_list(fetch_env, server, extra=(f"http://127.0.0.1:{server.server_port}/data.zip",))
    articles, report = quiet_read(fetch_env / "urls.txt", fetch=True)
    assert sorted(articles.title) == ["Bridge to reopen in May", "School reopens"]
    bridge = articles[articles.title == "Bridge to reopen in May"].iloc[0]
    assert "the bridge would reopen in May" in bridge.text and "Home | News" not in bridge.text
    assert bridge.url.endswith("/news/bridge")
    assert server.counts["/news/bridge"] == 1 and server.counts["/news/school"] == 1 and server.counts["/robots.txt"] == 1
    assert server.counts["/private/memo"] == 0  # robots.txt disallows it
    assert all(agent.startswith("analystkit/") for agent in server.agents)
    reasons = {row.part: row.reason for row in report.itertuples() if row.status == "failed"}
    assert "HTTP 404" in reasons["line 5"]
    assert "robots.txt" in reasons["line 6"]
    assert "connection refused" in reasons["line 7"]
    assert "not an HTML page or PDF (application/zip)" in reasons["line 8"]

    before = sum(server.counts.values())
    again, report_again = quiet_read(fetch_env / "urls.txt", fetch=True)
    assert sum(server.counts.values()) == before  # zero requests on the second run
    assert list(again.text) == list(articles.text)
    assert (report_again.reason == report.reason).all()


def test_feed_links_fetched_only_when_asked(server, fetch_env):
    base = f"http://127.0.0.1:{server.server_port}"
    feed = fetch_env / "gazette.rss"
    feed.write_text(
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>Valley Gazette</title>"
        f"<item><title>Bridge</title><link>{base}/news/bridge</link><description>Teaser only.</description></item></channel></rss>",
        encoding="utf-8",
    )
    articles, _ = quiet_read(feed)
    assert list(articles.text) == ["Teaser only."] and sum(server.counts.values()) == 0
    articles, _ = quiet_read(feed, fetch=True)
    assert "the bridge would reopen in May" in articles.text.iloc[0]
    assert articles.outlet.iloc[0] == "Valley Gazette" and server.counts["/news/bridge"] == 1


def test_pdf_link_read_as_pdf_with_pages(server, fetch_env):
    (fetch_env / "reports.urls").write_text(f"http://127.0.0.1:{server.server_port}/report.pdf\n", encoding="utf-8")
    articles, report = quiet_read(fetch_env / "reports.urls", fetch=True)
    article = articles.iloc[0]
    assert article.title == "River crossing review" and article.pages.startswith("1:0 2:")
    assert "The minister said the bridge would reopen in May." in article.text


def test_report_fetch_writes_a_folder_to_run_on(server, fetch_env):
    from analystkit.cli import _fetched_folder

    urls = url_list(fetch_env, server)
    folder = fetch_env / "out" / "fetched"
    assert _fetched_folder([str(urls)], folder) == [str(folder)]
    assert sorted(p.name for p in folder.glob("*.md")) == ["urls-2.md", "urls-4.md"]
    articles, _ = quiet_read(folder)  # read back with no network
    assert sorted(articles.title) == ["Bridge to reopen in May", "School reopens"]
    assert all(url.startswith("http://127.0.0.1:") for url in articles.url)


def test_a_web_address_as_input(server, fetch_env):
    url = f"http://127.0.0.1:{server.server_port}/news/school"
    (fetch_env / "note.txt").write_text("An ordinary article.\n\nIt has a body.", encoding="utf-8")
    articles, report = quiet_read(url, fetch_env / "note.txt")
    assert list(articles.article_id) == ["note"] and sum(server.counts.values()) == 0
    row = report[report.path == url].iloc[0]
    assert row.status == "skipped" and "AK089" in row.reason and "fetch=True" in row.reason
    articles, report = quiet_read(url, fetch=True)
    article = articles.iloc[0]
    assert article.article_id == "school" and article.title == "School reopens" and article.source_path == url and article.url == url
    assert report.iloc[0].status == "loaded" and report.iloc[0].article_id == "school"


def test_timeout_and_size_cap_are_reasons(server, fetch_env, monkeypatch):
    base = f"http://127.0.0.1:{server.server_port}"
    (fetch_env / "more.urls").write_text(f"{base}/slow\n{base}/news/bridge\n", encoding="utf-8")
    monkeypatch.setenv("ANALYSTKIT_FETCH_TIMEOUT", "0.5")
    monkeypatch.setenv("ANALYSTKIT_MAX_FETCH_BYTES", "200")
    from analystkit.errors import NothingLoadedError

    with pytest.raises(NothingLoadedError) as caught:
        quiet_read(fetch_env / "more.urls", fetch=True)
    reasons = dict(zip(caught.value.load_report.part, caught.value.load_report.reason))
    assert "timed out after 0.5 s" in reasons["line 1"]
    assert "over the limit of 200" in reasons["line 2"] and "ANALYSTKIT_MAX_FETCH_BYTES" in reasons["line 2"]


def test_crawl_delay_of_robots_txt_is_kept():
    import urllib.robotparser

    from analystkit.io.fetch import Fetcher

    fetcher = Fetcher(delay=0.0, cache=None)
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(["User-agent: *", "Crawl-delay: 3", "Disallow: /private/"])
    fetcher._robots["http://example.org"] = parser
    assert fetcher._allowed("http://example.org/news") and not fetcher._allowed("http://example.org/private/x")
    assert fetcher._host_delay["example.org"] == 3.0
    assert fetcher.requests == 0  # nothing was fetched


def test_fetch_timeout_setting_is_checked(monkeypatch):
    from analystkit import settings
    from analystkit.errors import SettingError

    monkeypatch.setenv("ANALYSTKIT_FETCH_TIMEOUT", "soon")
    with pytest.raises(SettingError, match="AK086"):
        settings.fetch_timeout()
    monkeypatch.setenv("ANALYSTKIT_FETCH_TIMEOUT", "2.5")
    assert settings.fetch_timeout() == 2.5


@pytest.mark.slow
def test_cli_extract_fetch_against_local_server(server, fetch_env):
    """The issue's "done when": `analystkit extract urls.txt --fetch` gets each page once, a second run
    hits the cache, and unreachable URLs are reported with their reason."""
    import pandas as pd

    from analystkit.cli import main

    urls = url_list(fetch_env, server)
    out = fetch_env / "tables"
    assert main(["extract", str(urls), "--out", str(out), "--fetch", "--quiet"]) == 0
    report = pd.read_csv(out / "load_report.csv", keep_default_na=False)
    assert (report.status == "loaded").sum() == 2
    failed = report[report.status == "failed"].set_index("part").reason
    assert "HTTP 404" in failed["line 5"] and "robots.txt" in failed["line 6"] and "connection refused" in failed["line 7"]
    claims = pd.read_csv(out / "claims.csv", keep_default_na=False)
    assert claims.text.str.contains("the bridge would reopen in May").any()
    first = sum(server.counts.values())
    assert server.counts["/news/bridge"] == 1
    assert main(["extract", str(urls), "--out", str(fetch_env / "tables2"), "--fetch", "--quiet"]) == 0
    assert sum(server.counts.values()) == first  # the cache: no request on the second run

    written = fetch_env / "fetched"
    assert main(["fetch", str(urls), "--out", str(written)]) == 0
    assert sum(server.counts.values()) == first
    assert sorted(p.name for p in written.glob("*.md")) == ["urls-2.md", "urls-4.md"]
    assert "title: Bridge to reopen in May" in (written / "urls-2.md").read_text(encoding="utf-8")
