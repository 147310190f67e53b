"""The kit's own output is never read back as articles.

``analystkit extract X --out X/tables`` run twice must not load the first run's
tables as new "articles", and a report folder inside the input is not input. Two
guards:

* **A marker.** Every folder the kit writes tables, a report or a ledger into gets a
  small file, ``.analystkit-output.json``, listing the files and folders it wrote
  there. The loader skips exactly those (``skipped``, "written by analystkit …" in the
  load report) and still reads everything else in the folder — so ``--out`` may even
  be the input folder itself.
* **The content.** Without a marker (output copied elsewhere, or from an older kit),
  a CSV whose header is a load report's, the kit's ``articles`` table (``article_id``,
  ``source_path``, ``n_sentences``) or that has ``article_id``, ``start`` and ``end``
  columns (rows that point into articles: every other table, the ledger, the
  explorer's export), and an HTML page the kit or Jupyter generated, are skipped with
  that reason when they are found in a folder or by a glob. A file named on its own
  is read as asked.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from pathlib import Path

#: The marker file the kit writes into each folder it writes output to.
MARKER = ".analystkit-output.json"
_MARKER_MAX_BYTES = 1_000_000
#: The load report's columns (a CSV with exactly this header is a load report).
LOAD_REPORT_COLUMNS = ("path", "part", "status", "reason", "encoding", "article_id")
#: Columns that make a CSV a table of rows pointing into articles.
OFFSET_COLUMNS = frozenset({"article_id", "start", "end"})
#: Columns that make a CSV the kit's own articles table.
ARTICLES_COLUMNS = frozenset({"article_id", "source_path", "n_sentences"})
#: The generator tag the kit puts on its report pages.
GENERATOR = '<meta name="generator" content="analystkit">'


def mark_output(folder: str | os.PathLike, written: Iterable[str | os.PathLike], *, kind: str) -> None:
    """Record that the kit wrote ``written`` (files or folders inside ``folder``) as ``kind``.

    Merges with an existing marker. Never raises: a folder the kit cannot mark is
    still guarded by the content rules.
    """
    from ..about import __version__

    folder = Path(folder)
    try:
        root = folder.resolve()
        entries = dict(marked_entries(folder))
        for path in written:
            resolved = Path(path).resolve()
            try:
                relative = resolved.relative_to(root)
            except ValueError:
                continue
            if relative.parts:
                entries[relative.parts[0]] = kind
        entries.pop(MARKER, None)
        data = {"written_by": "analystkit", "version": __version__, "entries": dict(sorted(entries.items()))}
        tmp = folder / f"{MARKER}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, folder / MARKER)
    except (OSError, ValueError, TypeError):
        pass


def marked_entries(folder: str | os.PathLike) -> dict[str, str]:
    """``{name: kind}`` of the files and folders the marker in ``folder`` lists (empty when none or unreadable)."""
    path = Path(folder) / MARKER
    try:
        if not path.is_file() or path.stat().st_size > _MARKER_MAX_BYTES:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("written_by") != "analystkit" or not isinstance(data.get("entries"), dict):
        return {}
    return {str(name): str(kind) for name, kind in data["entries"].items() if isinstance(name, str) and name and "/" not in name}


def output_reason(path: Path, text: str) -> str:
    """Why ``path`` (decoded as ``text``) is the kit's or Jupyter's output, not an article; '' when it is not."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        first = text.split("\n", 1)[0]
        header = [c.strip().strip('"').strip().lower() for c in first.split(",")]
        if tuple(header) == LOAD_REPORT_COLUMNS:
            return "a load report written by analystkit, not articles"
        if OFFSET_COLUMNS <= set(header):
            return "a table written by analystkit (its article_id, start and end columns point into articles), not articles"
        if ARTICLES_COLUMNS <= set(header):
            return "the articles table written by analystkit extract (it has article_id, source_path and n_sentences columns); pass the file itself to read it again"
    elif suffix in (".html", ".htm"):
        head = text[:20_000]
        if GENERATOR in head:
            return "a report page written by analystkit, not an article"
        if re.search(r"class=\"[^\"]*\bjp-Notebook\b", text):  # after nbconvert's long inline style sheet
            return "a Jupyter notebook exported as HTML, not an article"
    return ""


__all__ = ["GENERATOR", "LOAD_REPORT_COLUMNS", "MARKER", "mark_output", "marked_entries", "output_reason"]
