"""Readers: one function per input format, each turning bytes into article records.

A reader returns a list of :class:`RawArticle` (one file may hold many articles:
JSON Lines, CSV) and a list of :class:`Problem` for the parts it could not read
(a malformed JSON line, a CSV row without text). It never raises for bad content:
the loader turns problems into rows of the load report, and an article's ``notes``
(front matter that is not valid YAML, say) into the ``reason`` of its loaded row.

Headers are data, never code: YAML front matter is read with a loader that
expands no aliases (a "billion laughs" header is refused, not expanded), reads
every value as text (``No`` stays "No", ``2022`` stays "2022", dates are read by
the loader's date rules) and is capped at ``max_front_matter_chars``
(:mod:`analystkit.limits`). Front matter that is not valid YAML (an unquoted colon
in a headline, a tab) is read line by line as ``key: value`` and the article says so;
either way its lines never become part of the text.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import limits

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
    notes: list[str] = field(default_factory=list)  # caveats for the load report
    #: (page number, offset of the page's first character in ``text``) for paged documents (PDF)
    pages: list[tuple[int, int]] = field(default_factory=list)
    #: for an e-mail attachment: the ``part`` of the message it came with, and its file name
    #: (its id is the message's id, ``--`` and the name's slug)
    attachment_of: str | None = None
    attachment: str = ""


@dataclass
class Header:
    """What :func:`read_header` found: the metadata, the body after the header, and caveats."""

    meta: dict
    body: str
    has_header: bool
    notes: list[str] = field(default_factory=list)


@dataclass
class Problem:
    part: str
    reason: str
    status: str = "failed"  # or "skipped": not an article by design (an image attached to an e-mail)


@dataclass
class ReadContext:
    """What a reader of bytes may need besides the bytes: the file's name, whether fetching
    over the network was asked for (``ak.load(..., fetch=True)``), and the one
    :class:`~analystkit.io.fetch.Fetcher` of the load (its per-host delay and cache)."""

    name: str = ""
    fetch: bool = False
    fetcher: object | None = None
    path: Path | None = None

    def get_fetcher(self):
        if self.fetcher is None:
            from .fetch import Fetcher

            self.fetcher = Fetcher()
        return self.fetcher


def pages_text(pages: list[tuple[int, int]]) -> str:
    """The articles table's ``pages`` cell: ``"1:0 2:1834"`` (page number: offset of its first character)."""
    return " ".join(f"{number}:{start}" for number, start in pages)


def parse_pages(value: object) -> list[tuple[int, int]]:
    """``"1:0 2:1834"`` → ``[(1, 0), (2, 1834)]``; anything else (NaN, '') → ``[]``."""
    if not isinstance(value, str) or not value.strip():
        return []
    pages = []
    for item in value.split():
        number, _, start = item.partition(":")
        if number.isdigit() and start.isdigit():
            pages.append((int(number), int(start)))
    return pages


def page_at(pages: list[tuple[int, int]], offset: int) -> int | None:
    """The page holding character ``offset`` (None for a text without pages)."""
    if not pages:
        return None
    import bisect

    index = bisect.bisect_right([start for _, start in pages], offset) - 1
    return pages[max(0, index)][0]


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` → ``\\n``; other characters untouched."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_header(text: str) -> tuple[dict, str, bool]:
    """Split an optional header from a text file's body: ``(meta, body, has_header)``.

    Two header styles: YAML front matter between ``---`` lines, or a first block of
    ``key: value`` lines (at least one key known to the kit) followed by a blank line.
    See :func:`read_header` for the caveats.
    """
    header = read_header(text)
    return header.meta, header.body, header.has_header


def read_header(text: str) -> Header:
    """Like :func:`split_header`, with the caveats the load report shows (front matter
    that is not valid YAML, uses aliases, is too long or is not a mapping)."""
    front = _front_matter(text)
    if front is not None:
        block, body = front
        meta, notes = parse_front_matter(block)
        return Header(meta, body, True, notes)
    block, sep, body = text.partition("\n\n")
    if sep and len(block) <= limits.get("max_front_matter_chars"):
        lines = block.split("\n")
        matches = [_HEADER_LINE.match(line) for line in lines]
        if all(matches) and any(m.group(1).strip().lower() in KNOWN_HEADER_KEYS for m in matches):
            meta = {m.group(1).strip().lower(): m.group(2).strip() for m in matches}
            return Header(meta, body, True)
    return Header({}, text, False)


_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)


def _front_matter(text: str) -> tuple[str, str] | None:
    """``(block, body)`` when ``text`` opens with front matter: a ``---`` line, the block,
    and a closing ``---`` (or ``...``) line."""
    if not re.match(r"---[ \t]*\n", text):
        return None
    opening = text.index("\n") + 1
    closing = _FENCE.search(text, opening)
    if closing is None:
        return None
    block = text[opening : closing.start()]
    after = text.find("\n", closing.end())
    body = text[after + 1 :] if after != -1 else ""
    return block, body


class _FrontMatterLoader(yaml.SafeLoader):
    """PyYAML's safe loader without alias expansion and with every scalar read as text (or null)."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _AliasRefused(None, None, "uses a YAML alias (*name)", event.start_mark)  # internal: a load_report reason
        return super().compose_node(parent, index)


class _AliasRefused(yaml.MarkedYAMLError):
    pass


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_front_matter(block: str) -> tuple[dict, list[str]]:
    """The metadata of a front-matter block and the caveats for the load report.

    Valid YAML mapping → its keys (lower-cased) and values as text. Anything else
    (not YAML, aliases, not a mapping, too long) → the ``key: value`` lines that can be
    read one by one, and a note saying what happened.
    """
    cap = limits.get("max_front_matter_chars")
    if len(block) > cap:
        return {}, [f"front matter is {len(block):,} characters, over the limit of {cap:,} (max_front_matter_chars): not read, kept out of the text"]
    try:
        meta = yaml.load(block, Loader=_FrontMatterLoader)  # noqa: S506 - a safe loader without aliases
    except _AliasRefused:
        meta, why = None, "uses YAML aliases (&name / *name), which the kit does not expand"
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f" at line {mark.line + 1}" if mark is not None else ""
        meta, why = None, f"is not valid YAML ({error.problem or error.context}{where})"
    except (yaml.YAMLError, RecursionError, ValueError, TypeError, MemoryError) as error:
        meta, why = None, f"is not valid YAML ({type(error).__name__})"
    if meta is None and not block.strip():
        return {}, []
    if isinstance(meta, dict):
        return {str(k).strip().lower(): v for k, v in meta.items() if k is not None}, []
    if meta is not None:
        why = f"is not a set of key: value lines (it reads as a {type(meta).__name__})"
    lenient = _lenient_header(block)
    if lenient:
        return lenient, [f"front matter {why}: read line by line as key: value ({', '.join(sorted(lenient))})"]
    return {}, [f"front matter {why}: its metadata was not read"]


_LENIENT_LINE = re.compile(r"^([A-Za-z_][A-Za-z0-9_ -]{0,40}?)[ \t]*:[ \t]*(.*?)[ \t]*$")


def _lenient_header(block: str) -> dict[str, str]:
    """``key: value`` lines read one by one (the first colon splits; quotes around the value removed)."""
    meta: dict[str, str] = {}
    for line in block.split("\n"):
        match = _LENIENT_LINE.match(line)
        if not match:
            continue
        key, value = match.group(1).strip().lower(), match.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        if not value or value[0] in "&*|>":  # an anchor, an alias or a block scalar: not a plain value
            continue
        meta.setdefault(key, value)
    return meta


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
    header = read_header(text)
    body = markdown_to_text(header.body) if markdown else header.body
    return [RawArticle(text=body, meta=header.meta, has_header=header.has_header, notes=header.notes)], []


def read_json(text: str) -> tuple[list[RawArticle], list[Problem]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return [], [Problem("", f"malformed JSON at line {error.lineno}, column {error.colno}: {error.msg}")]
    except (ValueError, RecursionError) as error:  # a number too long to read, nesting too deep
        return [], [Problem("", f"malformed JSON: {_short(error)}")]
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
        except (ValueError, RecursionError) as error:
            problems.append(Problem(f"line {number}", f"malformed JSON: {_short(error)}"))
            continue
        got, bad = _records([record], "line", numbers=[number])
        articles.extend(got)
        problems.extend(bad)
    return articles, problems


def read_csv(text: str) -> tuple[list[RawArticle], list[Problem]]:
    """Articles from CSV rows. A row that cannot be read (a field longer than
    ``csv_field_chars``, see :mod:`analystkit.limits`) is a problem of its own; the other
    rows are read."""
    cap = limits.get("csv_field_chars")
    previous = csv.field_size_limit()
    csv.field_size_limit(cap)
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        try:
            header = next(reader)
        except StopIteration:
            return [], [Problem("", "CSV has no header row")]
        except csv.Error as error:
            return [], [Problem("", f"malformed CSV header: {_csv_reason(error, cap)}")]
        rows: list[tuple[int, list[str]]] = []
        problems: list[Problem] = []
        number = 1  # the header is row 1; blank lines are not rows
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                number += 1
                problems.append(Problem(f"row {number}", f"malformed CSV row: {_csv_reason(error, cap)}"))
                continue
            if row:
                number += 1
                rows.append((number, row))
    finally:
        csv.field_size_limit(previous)
    fields = [f.strip() for f in header]
    if not any(fields):
        return [], [Problem("", "CSV has no header row")]
    lowered = {f.lower() for f in fields if f}
    key = next((k for k in TEXT_KEYS if k in lowered), None)
    if key is None:
        return [], [Problem("", f"CSV has no text column (looked for {', '.join(TEXT_KEYS)}; found {', '.join(f for f in fields if f)})"[:2000])]
    records, numbers = [], []
    for line, row in rows:
        record: dict = {}
        for index, name in enumerate(fields):
            if name:  # a later column of the same name wins, as with csv.DictReader
                record[name.lower()] = row[index] if index < len(row) else ""
        records.append(record)
        numbers.append(line)
    articles, bad = _records(records, "row", numbers=numbers)
    return articles, problems + bad


def _csv_reason(error: Exception, cap: int) -> str:
    message = str(error)
    if "field larger than field limit" in message:
        return f"a field is longer than {cap:,} characters (csv_field_chars: raise it with ANALYSTKIT_CSV_FIELD_CHARS)"
    return message


def _short(error: Exception) -> str:
    return f"{type(error).__name__}: {str(error)[:200]}"


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


_BLOCK_END = re.compile(r"(?i)<\s*(?:br\s*/?|/p|/div|/li|/h[1-6]|/tr|/blockquote|/section|/article)\s*>")
_TAG = re.compile(r"<[^>]{0,2000}>")
_SCRIPT = re.compile(r"(?is)<(script|style)\b.*?</\1\s*>")


def html_to_text(html: str) -> str:
    """Text of an HTML fragment or page (an e-mail body, a feed entry's content): the main text
    as :func:`read_html` finds it (trafilatura), or, for a fragment too short for that, the
    text between the tags with block ends as paragraph breaks."""
    body = None
    if re.search(r"(?i)<(?:html|body)\b", html):  # a page; a fragment is read between its tags
        import trafilatura

        try:
            body = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True)
        except Exception:  # noqa: BLE001 - a page trafilatura cannot parse: fall back to the tags
            body = None
    if body and body.strip() and len(body) >= 0.5 * len(_plain(html)):
        return re.sub(r"\n+", "\n\n", normalise_newlines(body)).strip()
    return _plain(html)


def _plain(html: str) -> str:
    import html as htmlmod

    text = _BLOCK_END.sub("\n\n", _SCRIPT.sub("", html))
    text = htmlmod.unescape(_TAG.sub("", text)).replace("\xa0", " ")
    paragraphs = (re.sub(r"\s+", " ", block).strip() for block in re.split(r"\n\s*\n", normalise_newlines(text)))
    return "\n\n".join(p for p in paragraphs if p)


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


def _lazy(module: str, name: str):
    """A reader of bytes imported on first use (pypdf, python-docx and feedparser load only when needed)."""

    def read(data: bytes, context: ReadContext | None = None) -> tuple[list[RawArticle], list[Problem]]:
        import importlib

        return getattr(importlib.import_module(f"{__package__}.{module}"), name)(data, context or ReadContext())

    read.__name__ = name
    read.__doc__ = f"See :func:`analystkit.io.{module}.{name}`."
    return read


#: Readers of bytes (binary formats, and formats that carry their own encoding): suffix → reader.
BYTES_READERS = {
    ".pdf": _lazy("documents", "read_pdf"),
    ".docx": _lazy("documents", "read_docx"),
    ".eml": _lazy("mail", "read_eml"),
    ".mbox": _lazy("mail", "read_mbox"),
    ".rss": _lazy("feeds", "read_feed"),
    ".atom": _lazy("feeds", "read_feed"),
    ".xml": _lazy("feeds", "read_feed"),  # only when its root is a feed (the loader sniffs first)
}
#: Text formats that may hold a list of URLs instead of an article (:func:`analystkit.io.fetch.url_list`).
URL_LIST_SUFFIXES = (".txt", ".text", ".urls")
#: Formats the kit knows but does not read, and what to do instead.
UNREADABLE_HINTS = {
    ".doc": "old Word format (.doc): save it as .docx (or PDF) to load it",
    ".rtf": "rich text (.rtf): save it as .docx or plain text to load it",
    ".odt": "OpenDocument text (.odt): save it as .docx or PDF to load it",
    ".pages": "Apple Pages document: export it as .docx or PDF to load it",
    ".msg": "Outlook message (.msg): save it as .eml (File > Save As) to load it",
}
SUPPORTED_SUFFIXES = (*READERS, *BYTES_READERS, ".urls")


def reader_for(path: Path):
    return READERS.get(path.suffix.lower())
