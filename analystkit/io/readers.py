"""Readers: one function per input format, each turning bytes into article records.

A reader returns a list of :class:`RawArticle` (one file may hold many articles:
JSON Lines, CSV) and a list of :class:`Problem` for the parts it could not read
(a malformed JSON line, a CSV row without text). It never raises for bad content:
the loader turns problems into rows of the load report.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

#: Column / key names that hold an article's text, in order of preference.
TEXT_KEYS = ("text", "body", "content", "article", "full_text", "fulltext", "story", "maintext")
#: Metadata aliases: the kit's field → names found in the wild.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "heading"),
    "published": ("published", "date", "published_time", "publish_date", "pubdate", "date_published", "datepublished", "time"),
    "outlet": ("outlet", "source", "publisher", "site", "sitename", "site_name", "newspaper"),
    "url": ("url", "link", "source_url", "href", "canonical_url"),
    "id": ("id", "article_id", "doc_id", "uid", "guid"),
    "author": ("author", "authors", "byline"),
}
#: A first block is a header only if one of its keys names a core field.
KNOWN_HEADER_KEYS = frozenset(k for names in FIELD_ALIASES.values() for k in names)
_HEADER_LINE = re.compile(r"^([A-Za-z_][A-Za-z0-9_ -]{0,40}):[ \t]*(.*)$")


@dataclass
class RawArticle:
    text: str
    meta: dict = field(default_factory=dict)
    part: str = ""  # "line 3", "row 7" for multi-article files
    has_header: bool = False


@dataclass
class Problem:
    part: str
    reason: str


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` → ``\\n``; other characters untouched."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_header(text: str) -> tuple[dict, str, bool]:
    """Split an optional header from a text file's body.

    Two header styles: YAML front matter between ``---`` lines, or a first block of
    ``key: value`` lines (at least one key known to the kit) followed by a blank line.
    """
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            block = text[4:end]
            after = text.find("\n", end + 4)
            body = text[after + 1 :] if after != -1 else ""
            try:
                meta = yaml.safe_load(block) or {}
            except yaml.YAMLError:
                meta = None
            if isinstance(meta, dict):
                return {str(k).lower(): v for k, v in meta.items()}, body, True
    block, sep, body = text.partition("\n\n")
    if sep:
        lines = block.split("\n")
        matches = [_HEADER_LINE.match(line) for line in lines]
        if all(matches) and any(m.group(1).strip().lower() in KNOWN_HEADER_KEYS for m in matches):
            meta = {m.group(1).strip().lower(): m.group(2).strip() for m in matches}
            return meta, body, True
    return {}, text, False


def markdown_to_text(markdown: str) -> str:
    """Reduce Markdown to plain text: paragraphs joined by blank lines, soft wraps joined.

    Headings, list items and block quotes become paragraphs of their own; emphasis,
    links (their text is kept), images, HTML tags and backslash escapes are removed.
    A paragraph made only of a press release's end mark (``###``) is dropped.
    """
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    blocks: list[str] = []
    for token in md.parse(markdown):
        if token.type == "inline":
            text = _inline_text(token)
            if text and not re.fullmatch(r"[#*\-_=\s]+", text):
                blocks.append(text)
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content.strip())
    return "\n\n".join(block for block in blocks if block)


def _inline_text(token) -> str:
    parts = []
    for child in token.children or []:
        if child.type == "text" or child.type == "code_inline":
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            continue
    text = "".join(parts)
    text = re.sub(r"<[^>\n]{1,200}>", "", text)  # inline HTML tags
    text = re.sub(r"[ \t]+", " ", text)
    return text.strip()


def read_text_file(text: str, *, markdown: bool) -> tuple[list[RawArticle], list[Problem]]:
    meta, body, has_header = split_header(text)
    if markdown:
        body = markdown_to_text(body)
    return [RawArticle(text=body, meta=meta, has_header=has_header)], []


def read_json(text: str) -> tuple[list[RawArticle], list[Problem]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return [], [Problem("", f"malformed JSON at line {error.lineno}, column {error.colno}: {error.msg}")]
    if isinstance(data, dict) and not _text_key(data):
        for key in ("articles", "items", "data", "documents", "docs", "results"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
    records = data if isinstance(data, list) else [data]
    return _records(records, "item")


def read_jsonl(text: str) -> tuple[list[RawArticle], list[Problem]]:
    articles, problems = [], []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(Problem(f"line {number}", f"malformed JSON: {error.msg} (column {error.colno})"))
            continue
        got, bad = _records([record], "line", numbers=[number])
        articles.extend(got)
        problems.extend(bad)
    return articles, problems


def read_csv(text: str) -> tuple[list[RawArticle], list[Problem]]:
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        fields = reader.fieldnames or []
        rows = list(reader)
    except csv.Error as error:
        return [], [Problem("", f"malformed CSV: {error}")]
    if not fields:
        return [], [Problem("", "CSV has no header row")]
    lowered = {f.strip().lower(): f for f in fields if f}
    key = next((lowered[k] for k in TEXT_KEYS if k in lowered), None)
    if key is None:
        return [], [Problem("", f"CSV has no text column (looked for {', '.join(TEXT_KEYS)}; found {', '.join(fields)})")]
    records = []
    for row in rows:
        if None in row:  # more fields than the header
            row = {k: v for k, v in row.items() if k is not None}
        records.append({k.strip().lower(): v for k, v in row.items() if k})
    return _records(records, "row", numbers=[i + 2 for i in range(len(records))])


def read_html(text: str) -> tuple[list[RawArticle], list[Problem]]:
    import trafilatura

    body = trafilatura.extract(text, include_comments=False, include_tables=False, favor_precision=True)
    if not body or not body.strip():
        return [], [Problem("", "no main text found in the HTML page (trafilatura extracted nothing)")]
    meta: dict = {}
    found = trafilatura.extract_metadata(text)
    if found is not None:
        for name in ("title", "date", "sitename", "url", "author"):
            value = getattr(found, name, None)
            if value:
                meta[name] = value
    # trafilatura separates paragraphs with single newlines.
    body = re.sub(r"\n+", "\n\n", normalise_newlines(body))
    return [RawArticle(text=body, meta=meta, has_header=True)], []


def _text_key(record: dict) -> str | None:
    lowered = {str(k).lower(): k for k in record}
    return next((lowered[k] for k in TEXT_KEYS if k in lowered), None)


def _records(records: list, label: str, numbers: list[int] | None = None) -> tuple[list[RawArticle], list[Problem]]:
    articles, problems = [], []
    for index, record in enumerate(records):
        number = numbers[index] if numbers else index + 1
        part = f"{label} {number}"
        if not isinstance(record, dict):
            problems.append(Problem(part, f"expected an object with a text field, got {type(record).__name__}"))
            continue
        key = _text_key(record)
        if key is None:
            problems.append(Problem(part, f"no text field (looked for {', '.join(TEXT_KEYS)})"))
            continue
        text = record[key]
        if not isinstance(text, str) or not text.strip():
            problems.append(Problem(part, f"empty text in field {key!r}"))
            continue
        meta = {str(k).lower(): v for k, v in record.items() if k != key}
        articles.append(RawArticle(text=text, meta=meta, part=part, has_header=True))
    return articles, problems


READERS = {
    ".txt": lambda text: read_text_file(text, markdown=False),
    ".text": lambda text: read_text_file(text, markdown=False),
    ".md": lambda text: read_text_file(text, markdown=True),
    ".markdown": lambda text: read_text_file(text, markdown=True),
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".csv": read_csv,
    ".html": read_html,
    ".htm": read_html,
}
SUPPORTED_SUFFIXES = tuple(READERS)


def reader_for(path: Path):
    return READERS.get(path.suffix.lower())
