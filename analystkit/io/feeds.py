"""Reader of RSS and Atom feeds saved as files (feedparser, on the file's bytes only).

One article per entry (part ``entry N``): title, published (else updated), author, link →
url, and the feed's title → outlet. The text is the entry's content, else its summary,
HTML reduced to text (:func:`~analystkit.io.readers.html_to_text`). Feeds usually carry a
teaser only: with ``ak.load(..., fetch=True)`` each entry's link is fetched for the full
text (:mod:`analystkit.io.fetch`: polite, cached); without it nothing is fetched, ever —
feedparser is handed the bytes, never a URL.

Feeds are recognised by extension (``.rss``, ``.atom``; ``.xml`` when its root is a feed)
and by sniffing the first bytes of ``.xml`` and ``.txt`` files (:func:`looks_like_feed`).
"""

from __future__ import annotations

import io
import re

from ..errors import Errors
from .readers import Problem, RawArticle, ReadContext, html_to_text

_ROOT = re.compile(rb"^(?:\s|<\?xml[^>]*>|<!--.*?-->|<!DOCTYPE[^>]*>|<\?xml-stylesheet[^>]*>)*<(?:[\w-]+:)?(rss|feed|RDF)\b", re.S | re.I)


def looks_like_feed(data: bytes) -> bool:
    """The bytes open with an RSS (``<rss>``, RSS 1.0 ``<rdf:RDF>``) or Atom (``<feed>``) root element."""
    sample = data[:4096].lstrip(b"\xef\xbb\xbf")
    return bool(_ROOT.match(sample))


def read_feed(data: bytes, context: ReadContext | None = None) -> tuple[list[RawArticle], list[Problem]]:
    """The entries of an RSS or Atom feed (see the module docstring)."""
    import feedparser

    context = context or ReadContext()
    try:
        parsed = feedparser.parse(io.BytesIO(data))  # a stream: feedparser never fetches it
    except Exception as error:  # noqa: BLE001 - a last resort: feedparser is lenient
        return [], [Problem("", Errors.AK088.format(detail=f"{type(error).__name__}: {str(error)[:200]}"))]
    if not parsed.get("version") and not parsed.entries:
        detail = str(parsed.get("bozo_exception") or "no <rss>, <feed> or <rdf:RDF> root element")[:200]
        return [], [Problem("", Errors.AK088.format(detail=detail))]
    if not parsed.entries:
        return [], [Problem("", "the feed has no entries")]
    outlet = (parsed.feed.get("title") or "").strip()
    articles: list[RawArticle] = []
    problems: list[Problem] = []
    for number, entry in enumerate(parsed.entries, start=1):
        part = f"entry {number}"
        meta = {
            "title": (entry.get("title") or "").strip(),
            "published": entry.get("published") or entry.get("updated") or entry.get("created") or "",
            "author": _author(entry),
            "url": (entry.get("link") or "").strip(),
            "outlet": outlet,
        }
        meta = {k: v for k, v in meta.items() if v}
        text = _entry_text(entry)
        notes: list[str] = []
        pages: list[tuple[int, int]] = []
        if context.fetch and meta.get("url"):
            fetched = context.get_fetcher().article(meta["url"])
            if fetched.text:
                text, pages = fetched.text, fetched.pages
                for key, value in fetched.meta.items():
                    meta.setdefault(key, value)
            else:
                notes.append(f"full text not fetched ({fetched.reason}): the feed's own text is used")
        if not text.strip():
            problems.append(Problem(part, "the entry has no text (no content or summary)" + ("" if context.fetch else ": load with fetch=True to fetch its link")))
            continue
        articles.append(RawArticle(text=text, meta=meta, part=part, has_header=True, notes=notes, pages=pages))
    return articles, problems


def _author(entry) -> str:
    """The entry's author: RSS's ``email (Name)`` → Name; Atom's ``<name>``."""
    raw = (entry.get("author") or "").strip()
    match = re.match(r"^\S+@\S+\s*\((.+)\)$", raw)
    if match:
        return match.group(1).strip()
    return raw or ((entry.get("author_detail") or {}).get("name") or "").strip()


def _entry_text(entry) -> str:
    candidates = []
    for content in entry.get("content") or []:
        candidates.append((content.get("value") or "", content.get("type") or ""))
    detail = entry.get("summary_detail") or {}
    if entry.get("summary"):
        candidates.append((entry.get("summary") or "", detail.get("type") or "text/html"))
    for value, kind in candidates:
        if not value.strip():
            continue
        text = html_to_text(value) if "html" in kind or "<" in value else value.strip()
        if text.strip():
            return text
    return ""


__all__ = ["looks_like_feed", "read_feed"]
