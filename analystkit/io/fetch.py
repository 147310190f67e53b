"""Fetching web pages, politely, only when asked: URL lists and feed links with ``fetch=True``.

Nothing here runs unless ``ak.load(..., fetch=True)`` or ``--fetch`` asks for it; the kit
never touches the network otherwise. A :class:`Fetcher` (one per load):

* sends a ``User-Agent`` naming the kit and its version, one request at a time, and waits
  ``ANALYSTKIT_FETCH_DELAY`` seconds (default 1) between two requests to the same host;
* reads the host's ``robots.txt`` first (:mod:`urllib.robotparser`): a disallowed URL is
  reported, not fetched, and a longer ``Crawl-delay`` (up to a minute) is kept;
* gives up after ``ANALYSTKIT_FETCH_TIMEOUT`` seconds (default 20) and reads no more than
  ``max_fetch_bytes`` (:mod:`analystkit.limits`);
* keeps every answer (pages, ``robots.txt``, a 404) in a disk cache under the kit's cache
  folder (``<ANALYSTKIT_CACHE>/fetch``, keyed by the URL), so a second run makes no request;
  timeouts and refused connections are not cached (the next run tries again). Entries never
  expire: delete ``<ANALYSTKIT_CACHE>/fetch`` to fetch pages afresh (``ANALYSTKIT_CACHE=off``
  fetches every time).

:meth:`Fetcher.article` extracts the main text and metadata (title, date, author, site
name) of an HTML page with trafilatura (:func:`~analystkit.io.readers.read_html`). Every
failure is a reason for the load report: ``HTTP 404 Not Found``, ``timed out after 20 s``,
``connection refused``, ``not an HTML page or PDF (application/zip)``, ``disallowed by robots.txt``.
A PDF (``application/pdf``) is read as a PDF file is (:func:`~analystkit.io.documents.read_pdf`,
with its pages).

A URL list (:func:`url_list`) is a ``.txt`` or ``.urls`` file whose lines (blank lines and
``#`` comments aside) are all ``http(s)://`` URLs; :func:`read_url_list` reads it.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from pathlib import Path

from .. import limits, settings
from ..about import __version__
from ..errors import Errors
from .readers import Problem, RawArticle, ReadContext

USER_AGENT = f"analystkit/{__version__} (news analysis kit; fetches only the URLs its user lists)"
#: The product token robots.txt rules are matched against.
ROBOTS_AGENT = "analystkit"
_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.I)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class Fetched:
    """One answer: the body (None on failure), its content type, the status and, on failure, why."""

    url: str
    body: bytes | None = None
    content_type: str = ""
    status: int | None = None
    reason: str = ""
    from_cache: bool = False


@dataclass
class FetchedArticle:
    """A page's main text and metadata (``text`` is '' on failure, with the ``reason``)."""

    url: str
    text: str = ""
    meta: dict = field(default_factory=dict)
    reason: str = ""
    pages: list[tuple[int, int]] = field(default_factory=list)  # a PDF's page offsets


class Fetcher:
    """Polite, cached HTTP GET for the kit (see the module docstring)."""

    def __init__(self, *, timeout: float | None = None, delay: float | None = None, cache: Path | str | None | bool = True, max_bytes: int | None = None):
        self.timeout = settings.fetch_timeout() if timeout is None else timeout
        self.delay = settings.fetch_delay() if delay is None else delay
        self.max_bytes = limits.get("max_fetch_bytes") if max_bytes is None else max_bytes
        if cache is True:
            base = settings.cache_folder()
            self.cache = base / "fetch" if base is not None else None
        else:
            self.cache = Path(cache) if cache else None
        self.requests = 0  # requests sent (cache hits are not requests)
        self._last: dict[str, float] = {}
        self._host_delay: dict[str, float] = {}  # a robots.txt Crawl-delay longer than ours
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    # ------------------------------------------------------------------ pages
    def article(self, url: str) -> FetchedArticle:
        """The main text and metadata of the page at ``url`` (trafilatura), or why there is none."""
        from .readers import read_html

        got = self.get(url)
        if got.body is None:
            return FetchedArticle(url, reason=got.reason)
        kind = got.content_type.split(";")[0].strip().lower()
        if kind == "application/pdf" or (not kind and got.body.startswith(b"%PDF")):
            from .documents import read_pdf

            articles, problems = read_pdf(got.body)
            if not articles:
                return FetchedArticle(url, reason=problems[0].reason if problems else "no text in the PDF")
            return FetchedArticle(url, text=articles[0].text, meta={**articles[0].meta, "url": url}, pages=articles[0].pages)
        if kind and kind not in _HTML_TYPES:
            return FetchedArticle(url, reason=f"not an HTML page or PDF ({kind})")
        html = _decode_html(got.body, got.content_type)
        try:
            articles, problems = read_html(html)
        except Exception as error:  # noqa: BLE001 - a page trafilatura cannot handle costs that URL only
            return FetchedArticle(url, reason=f"could not extract the page's text ({type(error).__name__})")
        if not articles:
            return FetchedArticle(url, reason=problems[0].reason if problems else "no main text found in the page")
        meta = dict(articles[0].meta)
        meta["url"] = url  # the URL asked for (trafilatura may read a canonical one from the page)
        return FetchedArticle(url, text=articles[0].text, meta=meta)

    def get(self, url: str) -> Fetched:
        """GET ``url`` (from the cache when it was fetched before); never raises for network trouble."""
        if not _URL.match(url or ""):
            return Fetched(url, reason="not an http(s) URL")
        cached = self._cache_get(url)
        if cached is not None:
            return cached
        if not self._allowed(url):
            return Fetched(url, reason="disallowed by the site's robots.txt: not fetched")
        result = self._request(url)
        if result.body is not None or (result.status is not None and 400 <= result.status < 500):
            self._cache_put(url, result)
        return result

    # ------------------------------------------------------------------ robots.txt
    def _allowed(self, url: str) -> bool:
        parts = urllib.parse.urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        if origin not in self._robots:
            robots_url = origin + "/robots.txt"
            got = self._cache_get(robots_url)
            if got is None:
                got = self._request(robots_url)
                if got.body is not None or (got.status is not None and 400 <= got.status < 500):
                    self._cache_put(robots_url, got)
            parser = None
            if got.body is not None:
                parser = urllib.robotparser.RobotFileParser(robots_url)
                parser.parse(got.body.decode("utf-8", "replace").splitlines())
            elif got.status in (401, 403):  # robots.txt itself forbidden: the site allows nothing
                parser = urllib.robotparser.RobotFileParser(robots_url)
                parser.parse(["User-agent: *", "Disallow: /"])
            self._robots[origin] = parser  # None: no robots.txt (or unreachable): everything allowed
        parser = self._robots[origin]
        if parser is not None:
            try:
                wanted = float(parser.crawl_delay(ROBOTS_AGENT) or 0)
            except (TypeError, ValueError):
                wanted = 0.0
            if wanted > self.delay:  # the site's Crawl-delay, capped at a minute
                self._host_delay[parts.netloc.lower()] = min(wanted, 60.0)
        return parser is None or parser.can_fetch(ROBOTS_AGENT, url)

    # ------------------------------------------------------------------ HTTP
    def _request(self, url: str) -> Fetched:
        host = urllib.parse.urlsplit(url).netloc.lower()
        wait = self._last.get(host, -1e9) + self._host_delay.get(host, self.delay) - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self.requests += 1
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - http(s) only, checked above
                kind = response.headers.get("Content-Type", "")
                length = response.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > self.max_bytes:
                    return Fetched(url, status=response.status, content_type=kind, reason=self._too_big(int(length)))
                body = response.read(self.max_bytes + 1)
                if len(body) > self.max_bytes:
                    return Fetched(url, status=response.status, content_type=kind, reason=self._too_big(None))
                return Fetched(url, body=body, content_type=kind, status=response.status)
        except urllib.error.HTTPError as error:
            return Fetched(url, status=error.code, reason=f"HTTP {error.code} {error.reason}".strip())
        except urllib.error.URLError as error:
            return Fetched(url, reason=_network_reason(error.reason, self.timeout))
        except (TimeoutError, socket.timeout) as error:
            return Fetched(url, reason=_network_reason(error, self.timeout))
        except (OSError, ValueError, http.client.HTTPException) as error:
            return Fetched(url, reason=f"could not fetch: {type(error).__name__}: {str(error)[:200]}")
        finally:
            self._last[host] = time.monotonic()

    def _too_big(self, size: int | None) -> str:
        what = f"{size:,} bytes" if size else "larger"
        return f"the page is {what}, over the limit of {self.max_bytes:,} (max_fetch_bytes): raise ANALYSTKIT_MAX_FETCH_BYTES to fetch it"

    # ------------------------------------------------------------------ cache
    def _cache_path(self, url: str) -> Path | None:
        if self.cache is None:
            return None
        return self.cache / hashlib.sha256(url.encode("utf-8")).hexdigest()

    def _cache_get(self, url: str) -> Fetched | None:
        base = self._cache_path(url)
        if base is None:
            return None
        try:
            head = json.loads(base.with_suffix(".json").read_text(encoding="utf-8"))
            if head.get("url") != url:
                return None
            body = base.with_suffix(".body").read_bytes() if head.get("has_body") else None
        except (OSError, ValueError):
            return None
        return Fetched(url, body=body, content_type=str(head.get("content_type", "")), status=head.get("status"), reason=str(head.get("reason", "")), from_cache=True)

    def _cache_put(self, url: str, result: Fetched) -> None:
        base = self._cache_path(url)
        if base is None:
            return
        try:
            base.parent.mkdir(parents=True, exist_ok=True)
            if result.body is not None:
                _write(base.with_suffix(".body"), result.body)
            head = {"url": url, "status": result.status, "content_type": result.content_type, "reason": result.reason,
                    "has_body": result.body is not None, "fetched": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
            _write(base.with_suffix(".json"), json.dumps(head).encode("utf-8"))
        except OSError:  # a read-only or full disk: the page is simply fetched again next time
            pass


def _write(path: Path, data: bytes) -> None:
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def _network_reason(reason: object, timeout: float) -> str:
    if isinstance(reason, (TimeoutError, socket.timeout)) or "timed out" in str(reason):
        return f"timed out after {timeout:g} s (ANALYSTKIT_FETCH_TIMEOUT)"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused (nothing listens at that address)"
    if isinstance(reason, socket.gaierror):
        return f"host not found ({reason.strerror or reason})"
    text = getattr(reason, "strerror", None) or str(reason)
    return f"could not connect: {text}"[:300]


def _decode_html(body: bytes, content_type: str) -> str:
    """A page's bytes as text: the charset the server names, else UTF-8, else the loader's detection."""
    match = re.search(r"charset=[\"']?([\w.:-]+)", content_type or "", re.I)
    if match:
        try:
            return body.decode(match.group(1))
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        from .loader import decode

        return decode(body)[0] or body.decode("latin-1")


# --------------------------------------------------------------------------- URL lists


def url_list(text: str) -> list[tuple[int, str]] | None:
    """``[(line number, url), ...]`` when every line of ``text`` (blank lines and ``#`` comments aside)
    is an http(s) URL; None otherwise."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not _URL.match(line):
            return None
        found.append((number, line))
    return found or None


def read_url_list(text: str, context: ReadContext | None = None) -> tuple[list[RawArticle], list[Problem]]:
    """The pages a URL list names, fetched (``context.fetch``), one article per URL (part ``line N``);
    without ``fetch`` the file is a ``skipped`` row saying how to fetch it."""
    context = context or ReadContext()
    urls = url_list(text) or []
    if not context.fetch:
        return [], [Problem("", Errors.AK085.format(n=len(urls)), status="skipped")]
    fetcher = context.get_fetcher()
    articles: list[RawArticle] = []
    problems: list[Problem] = []
    bar = None
    if len(urls) > 3 and settings.show_progress():
        from tqdm.auto import tqdm

        bar = tqdm(total=len(urls), desc=f"fetching {context.name or 'URLs'}", unit="URL")
    for number, url in urls:
        got = fetcher.article(url)
        if got.text:
            articles.append(RawArticle(text=got.text, meta=got.meta, part=f"line {number}", has_header=True, pages=got.pages))
        else:
            problems.append(Problem(f"line {number}", f"{url}: {got.reason}"))
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    return articles, problems


def write_markdown(articles, folder: Path) -> list[Path]:
    """Write each article (a row of the articles table) to ``folder/<article_id>.md``: YAML front
    matter (title, published, outlet, url, author) and the text. Loading the folder later needs
    no network (``analystkit fetch``)."""
    import yaml

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for row in articles.to_dict(orient="records"):
        head = {"title": row.get("title") or "", "published": row.get("published_period") or "", "outlet": row.get("outlet") or "",
                "url": row.get("url") or "", "author": row.get("author") or ""}
        head = {k: str(v) for k, v in head.items() if v and v != "unknown"}
        front = yaml.safe_dump(head, allow_unicode=True, sort_keys=False, width=10_000).strip() if head else ""
        target = folder / f"{row['article_id']}.md"
        target.write_text(f"---\n{front}\n---\n\n{row['text']}\n" if front else f"{row['text']}\n", encoding="utf-8")
        written.append(target)
    return written


__all__ = ["ROBOTS_AGENT", "USER_AGENT", "Fetched", "FetchedArticle", "Fetcher", "read_url_list", "url_list", "write_markdown"]
