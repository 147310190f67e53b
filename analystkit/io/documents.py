"""Readers of office documents: PDF (pypdf) and Word ``.docx`` (python-docx).

Each takes the file's bytes and returns ``(articles, problems)`` like every reader in
:mod:`analystkit.io.readers`; nothing in a document raises out of them.

**PDF** — the text layer, page by page. Lines a page wraps are joined (a word hyphenated
across a line end is mended: ``recon-`` + ``struction``), a line that ends a sentence
and is clearly shorter than the page's lines ends a paragraph, and pages are joined by a
blank line (a space when a sentence runs on to the next page). Lines repeated at the top or bottom of most pages (running headers, footers,
page numbers) are dropped. Each page's first character is kept in
:attr:`~analystkit.io.readers.RawArticle.pages`, so the ``sentences`` and ``claims``
tables can say which page a row is on. Title from the document information (``/Title``,
else the first line, as for a text file), author from ``/Author``, published from
``/CreationDate``. A PDF without a text layer (a scan) is reported, not loaded empty;
an encrypted or broken one gets a reason.

**DOCX** — paragraphs and tables in document order (a table row is a line, its cells
separated by `` | ``), headings as paragraphs of their own; title, author and created
date from the document's core properties.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from ..errors import Errors
from .readers import Problem, RawArticle, ReadContext

#: A line ending that closes a sentence (a paragraph may end there).
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”’)\]]*$")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$", re.I)


def _clean(text: str) -> str:
    from .loader import clean_text
    from .readers import normalise_newlines

    return clean_text(normalise_newlines(text))[0]


# --------------------------------------------------------------------------- PDF


def read_pdf(data: bytes, context: ReadContext | None = None) -> tuple[list[RawArticle], list[Problem]]:
    """A PDF's text layer as one article with its page offsets (see the module docstring)."""
    import logging

    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)  # pypdf's warnings about damaged files: the load report says what matters
    try:
        return _read_pdf(data)
    finally:
        logger.setLevel(level)


def _read_pdf(data: bytes) -> tuple[list[RawArticle], list[Problem]]:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError:  # pragma: no cover - pypdf is a core dependency
        return [], [Problem("", Errors.AK083.format(package="pypdf", what="PDF"))]
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")  # an owner password only: readable without one
            except Exception as error:  # noqa: BLE001 - pypdf raises several types (missing cryptography)
                return [], [Problem("", Errors.AK081.format(detail=f"{type(error).__name__}: {str(error)[:200]}"))]
            if not opened:
                return [], [Problem("", Errors.AK081.format(detail="a password is needed to open it"))]
        raw_pages = []
        for page in reader.pages:
            try:
                raw_pages.append(_page_lines(page))
            except Exception:  # noqa: BLE001 - one bad page content stream costs that page only
                raw_pages.append("")
        info = _pdf_info(reader)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError, AssertionError) as error:
        return [], [Problem("", Errors.AK082.format(detail=f"{type(error).__name__}: {str(error)[:200]}"))]
    pages = [_clean(text) for text in raw_pages]
    if not any(text.strip() for text in pages):
        return [], [Problem("", Errors.AK080.format(n_pages=len(pages)))]
    lines = [[line.strip() for line in text.split("\n")] for text in pages]
    repeated = _running_lines(lines)
    notes = []
    if repeated:
        notes.append(f"removed {repeated} running header/footer line(s) repeated across pages")
    blocks: list[str] = []
    separators: list[str] = []
    offsets: list[tuple[int, int]] = []
    position = 0
    for number, page_lines in enumerate(lines, start=1):
        body = _page_text(page_lines)
        if not body:
            continue
        if blocks:
            # A sentence running on to the next page is joined with a space; otherwise pages are
            # separated by a blank line (a paragraph break).
            joined = not _SENTENCE_END.search(blocks[-1]) and (body[:1].islower() or len(blocks[-1].rsplit("\n\n", 1)[-1]) > 80)
            separators.append(" " if joined else "\n\n")
            position += len(separators[-1])
        offsets.append((number, position))
        blocks.append(body)
        position += len(body)
    empty = len(pages) - len(blocks)
    if empty:
        notes.append(f"{empty} of {len(pages)} page(s) have no text layer (scanned images?): their text is missing")
    meta = {k: v for k, v in info.items() if v}
    text = blocks[0] + "".join(separator + block for separator, block in zip(separators, blocks[1:]))
    article = RawArticle(text=text, meta=meta, has_header="title" in meta, notes=notes, pages=offsets)
    return [article], []


def _page_lines(page) -> str:
    """The page's text (pypdf), with a blank line wherever the layout starts a paragraph: a vertical
    gap clearly larger than the page's usual line spacing, or a first line indented from the margin."""
    chunks: list[tuple[str, float, float, float]] = []

    def visit(text, cm, tm, font, size):
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        chunks.append((text, x, y, float(size or 0) * abs(cm[3] or 1)))

    text = page.extract_text(visitor_text=visit) or ""
    if "".join(chunk[0] for chunk in chunks) != text:
        return text
    lines: list[list] = [["", None]]  # text, (x, y, size) of its first visible chunk
    for piece, x, y, size in chunks:
        parts = piece.split("\n")
        for index, part in enumerate(parts):
            if index:
                lines.append(["", None])
            lines[-1][0] += part
            if part.strip() and lines[-1][1] is None:
                lines[-1][1] = (x, y, size)
    placed = [(i, line[1]) for i, line in enumerate(lines) if line[0].strip() and line[1] is not None]
    if len(placed) < 3:
        return text
    gaps = [placed[k - 1][1][1] - placed[k][1][1] for k in range(1, len(placed))]
    usual = sorted(g for g in gaps if g > 0)
    if not usual:
        return text
    spacing = usual[len(usual) // 2]
    margin = min(where[0] for _, where in placed)
    breaks = set()
    for k in range(1, len(placed)):
        (i, (x, y, size)), gap = placed[k], gaps[k - 1]
        indented = x - margin > max(1.5 * (size or 10), 8) and placed[k - 1][1][0] - margin < 2
        if gap > 1.35 * spacing or gap < -spacing or indented:
            breaks.add(i)
    return "\n".join(("\n" if i in breaks else "") + line[0] for i, line in enumerate(lines))


def _pdf_info(reader) -> dict:
    """Title, author and creation date from the PDF's document information (never raises)."""
    found: dict = {}
    try:
        info = reader.metadata
    except Exception:  # noqa: BLE001 - a malformed information dictionary
        return found
    if not info:
        return found
    for key, name in (("/Title", "title"), ("/Author", "author")):
        try:
            value = info.get(key)
            value = str(value).strip() if value is not None else ""
        except Exception:  # noqa: BLE001
            value = ""
        if value and not re.fullmatch(r"(?i)untitled|microsoft word - .*|\S+\.(?:docx?|pdf|indd|odt)", value):
            found[name] = _clean(value)
    try:
        created = info.creation_date
    except Exception:  # noqa: BLE001 - a malformed /CreationDate is no date
        created = None
    if created is not None:
        found["published"] = created.date().isoformat()
    return found


def _running_lines(pages: list[list[str]]) -> int:
    """Blank out first/last lines repeated on most pages (digits ignored) and bare page numbers;
    returns how many lines were removed."""
    if len(pages) < 3:
        return 0

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", line.lower())

    edges: Counter[str] = Counter()
    for lines in pages:
        filled = [i for i, line in enumerate(lines) if line]
        for i in set(filled[:2] + filled[-2:]):
            edges[key(lines[i])] += 1
    common = {k for k, n in edges.items() if n >= max(3, len(pages) // 2 + 1)}
    removed = 0
    for lines in pages:
        filled = [i for i, line in enumerate(lines) if line]
        for i in set(filled[:2] + filled[-2:]):
            if key(lines[i]) in common or _PAGE_NUMBER.match(lines[i]):
                lines[i] = ""
                removed += 1
    return removed


def _page_text(lines: list[str]) -> str:
    """A page's lines as paragraphs: wrapped lines joined, a hyphen at a line end mended, a short
    line ending a sentence (or a blank line) ends a paragraph."""
    filled = [line for line in lines if line]
    if not filled:
        return ""
    width = sorted(len(line) for line in filled)[int(0.8 * (len(filled) - 1))]
    paragraphs: list[str] = []
    current = ""
    for index, line in enumerate(lines):
        if not line:
            if current:
                paragraphs.append(current)
                current = ""
            continue
        if not current:
            current = line
        elif current.endswith("-") and len(current) > 1 and current[-2].isalpha() and line[:1].islower():
            current = current[:-1] + line
        else:
            current = f"{current} {line}"
        following = next((later for later in lines[index + 1 :] if later), "")
        short = len(line) < 0.85 * width
        heading = current == line and not line.endswith((",", "-", ";")) and len(line.split()) <= 14 and following[:1].isupper()
        if short and (_SENTENCE_END.search(line) or heading):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(re.sub(r"[ \t]+", " ", p).strip() for p in paragraphs if p.strip())


# --------------------------------------------------------------------------- DOCX


def read_docx(data: bytes, context: ReadContext | None = None) -> tuple[list[RawArticle], list[Problem]]:
    """A Word document's paragraphs and tables, in order, as one article (see the module docstring)."""
    try:
        import docx
    except ImportError:  # pragma: no cover - python-docx is a core dependency
        return [], [Problem("", Errors.AK083.format(package="python-docx", what="Word (.docx)"))]
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(_docx_blocks(document))
        meta = _docx_info(document)
    except Exception as error:  # noqa: BLE001 - a broken zip or XML raises many types
        return [], [Problem("", Errors.AK084.format(detail=f"{type(error).__name__}: {str(error)[:200]}"))]
    blocks = [b for b in (_clean(block).strip() for block in blocks) if b]
    if not blocks:
        return [], [Problem("", "the Word document has no text (only images or empty paragraphs?)")]
    return [RawArticle(text="\n\n".join(blocks), meta=meta, has_header="title" in meta)], []


def _docx_blocks(document):
    from docx.table import Table

    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                cells: list[str] = []
                for cell in row.cells:  # a merged cell is repeated: keep it once
                    text = re.sub(r"\s+", " ", cell.text).strip()
                    if text and (not cells or cells[-1] != text):
                        cells.append(text)
                if cells:
                    yield " | ".join(cells)
        else:
            text = item.text.strip()
            if text:
                yield text


def _docx_info(document) -> dict:
    props = document.core_properties
    meta: dict = {}
    if props.title and props.title.strip():
        meta["title"] = props.title.strip()
    # python-docx's blank template says author "python-docx", created 2013-12-23: a document made
    # from it without setting them has no author or date of its own (after any edit in Word,
    # ``modified`` moves on and the creation date is the document's).
    template = (props.author or "").strip() == "python-docx"
    if props.author and props.author.strip() and not template:
        meta["author"] = props.author.strip()
    if props.created is not None and not (template and props.modified == props.created):
        meta["published"] = props.created.date().isoformat()
    return meta


__all__ = ["read_docx", "read_pdf"]
