"""``ak.load``: files, folders and globs → a :class:`~analystkit.corpus.Corpus`.

Every input file ends up in ``corpus.load_report`` with a status:

* ``loaded`` — read, possibly with a caveat in ``reason`` (e.g. decoded as cp1252);
* ``skipped`` — not an article by design (a metadata sidecar, an unsupported file
  type, an empty file, a hidden file);
* ``failed`` — meant to be an article but unreadable (binary content, malformed
  JSON or CSV, a CSV without a text column, a record without text).

Nothing is dropped silently and one bad file never stops the batch.
"""

from __future__ import annotations

import codecs
import datetime as dt
import glob as globmod
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Errors, LoadWarning, NothingLoadedError, Warnings, warn
from .readers import (
    FIELD_ALIASES,
    TEXT_KEYS,
    RawArticle,
    normalise_newlines,
    reader_for,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..corpus import Corpus

#: File names (case-insensitive) read as metadata sidecars, not as articles.
SIDECAR_NAMES = frozenset({"metadata.csv", "manifest.csv"})
SIDECAR_KEYS = ("file", "filename", "file_name", "path", "source_path", "name")
#: Files that sit next to articles but are not articles.
IGNORED_NAMES = frozenset({"readme", "readme.md", "readme.txt", "license", "license.md", "license.txt", "notice", "notice.md"})
REPORT_COLUMNS = ["path", "part", "status", "reason", "encoding", "article_id"]
ARTICLE_COLUMNS = ["article_id", "title", "published", "outlet", "url", "source_path", "text", "n_sentences"]


@dataclass
class _Input:
    path: Path
    shown: str  # the path as reported


def load(
    *paths: str | os.PathLike,
    metadata: "str | os.PathLike | pd.DataFrame | None" = None,
    nlp: Any = None,
    model: str | None = None,
    jobs: int = 1,
    warn_problems: bool = True,
) -> "Corpus":
    """Load articles from files, folders (recursively) and glob patterns.

    Args:
        *paths: files, folders or glob patterns (``"data/**/*.md"``).
        metadata: a CSV (or DataFrame) keyed by file name whose columns fill or
            override article fields (``title``, ``published``, ``outlet``, ``url``…).
            A ``metadata.csv`` inside a loaded folder is applied automatically.
        nlp: a spaCy pipeline to use instead of :func:`analystkit.load_model`.
        model: a model name or folder for :func:`analystkit.load_model` (ignored with ``nlp``).
        jobs: worker processes for extraction (``1``: this process only).
        warn_problems: emit one summary warning when inputs were skipped or failed.

    Returns:
        A :class:`~analystkit.corpus.Corpus`; ``corpus.load_report`` lists every input.

    Raises:
        NothingLoadedError: when not a single article could be loaded.
    """
    import pandas as pd

    from ..corpus import Corpus

    paths = tuple(_flatten(paths))
    if not paths:
        raise NothingLoadedError(Errors.AK003.format(paths="(no paths given)", summary="Pass at least one file, folder or glob."))
    inputs, report = _expand(paths)
    sidecars: list[pd.DataFrame] = []
    article_inputs: list[_Input] = []
    for item in inputs:
        name = item.path.name.lower()
        if name in SIDECAR_NAMES:
            table, reason = _read_sidecar(item.path)
            if table is not None:
                sidecars.append(table)
                report.append(_row(item, "skipped", f"metadata sidecar ({len(table)} rows)", "utf-8"))
                continue
            if name == "metadata.csv":
                report.append(_row(item, "failed", reason, ""))
                continue
        article_inputs.append(item)
    if metadata is not None:
        if isinstance(metadata, pd.DataFrame):
            sidecars.append(_key_sidecar(metadata.copy(), "metadata"))
        else:
            table, reason = _read_sidecar(Path(metadata))
            if table is None:
                raise ValueError(reason)
            sidecars.append(table)
    overrides = _merge_sidecars(sidecars)

    records: list[dict] = []
    for item in article_inputs:
        records.extend(_load_file(item, report, overrides))
    _assign_ids(records)
    for record in records:
        for row in report:
            if row.get("_record") is record:
                row["article_id"] = record["article_id"]
    report_df = pd.DataFrame([{k: r.get(k, "") for k in REPORT_COLUMNS} for r in report], columns=REPORT_COLUMNS)
    articles = _articles_frame(records)

    problems = report_df[(report_df.status != "loaded") | (report_df.reason != "")]
    problems = problems[~problems.reason.str.startswith("metadata sidecar") & (problems.reason != "documentation file, not an article")]
    if articles.empty:
        summary = "; ".join(f"{p.path}: {p.reason}" for p in report_df.itertuples()) or "No files found."
        raise NothingLoadedError(
            Errors.AK003.format(paths=", ".join(map(str, paths)), summary=summary[:2000]), load_report=report_df
        )
    if warn_problems and len(problems):
        examples = "; ".join(f"{Path(p.path).name}{' ' + p.part if p.part else ''}: {p.status}, {p.reason}" for p in problems.head(3).itertuples())
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        warn(Warnings.AK101.format(n_problem=len(problems), n_total=len(report_df), examples=examples + more), LoadWarning)
    return Corpus(articles, report_df, nlp=nlp, jobs=jobs, model=model)


# --------------------------------------------------------------------------- inputs


def _flatten(paths) -> list:
    """Paths may be given one by one or as lists (``ak.load(["a", "b"])``, as papermill passes)."""
    flat = []
    for item in paths:
        if isinstance(item, (list, tuple, set)):
            flat.extend(_flatten(sorted(item, key=str) if isinstance(item, set) else item))
        else:
            flat.append(item)
    return flat


def _expand(paths: Iterable[str | os.PathLike]) -> tuple[list[_Input], list[dict]]:
    seen: set[Path] = set()
    inputs: list[_Input] = []
    report: list[dict] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = [(p, p.relative_to(path)) for p in sorted(path.rglob("*")) if p.is_file()]
        elif path.is_file():
            found = [(path, Path(path.name))]
            # The folder's sidecar applies to a file loaded on its own, too.
            found += [(p, Path(p.name)) for p in sorted(path.parent.iterdir()) if p.is_file() and p.name.lower() in SIDECAR_NAMES]
        else:
            found = []
            for match in sorted(Path(p) for p in globmod.glob(str(raw), recursive=True)):
                if match.is_dir():
                    found.extend((p, p.relative_to(match)) for p in sorted(match.rglob("*")) if p.is_file())
                else:
                    found.append((match, Path(match.name)))
            if not found:
                report.append({"path": str(raw), "part": "", "status": "failed", "reason": Errors.AK004.format(path=str(raw), cwd=os.getcwd()), "encoding": ""})
                continue
        for file, relative in found:
            resolved = file.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            if any(part.startswith(".") for part in relative.parts):
                report.append(_row(_Input(file, str(file)), "skipped", "hidden file", ""))
                continue
            inputs.append(_Input(file, str(file)))
    return inputs, report


def _row(item: _Input, status: str, reason: str, encoding: str, part: str = "", record: dict | None = None) -> dict:
    return {"path": item.shown, "part": part, "status": status, "reason": reason, "encoding": encoding, "_record": record}


# --------------------------------------------------------------------------- decoding


def decode(data: bytes) -> tuple[str | None, str, str]:
    """Bytes → ``(text, encoding, caveat)``; ``text`` is None for binary content.

    UTF-8 (with or without BOM) and UTF-16 with BOM are read as such. Bytes that are
    not valid UTF-8 are decoded as Windows-1252 (which covers Latin-1's printable
    range and the curly quotes Word produces) or, failing that, Latin-1 — and the
    caveat says so, because a wrong guess garbles accented names.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", ""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16", ""
    sample = data[:8192]
    if b"\x00" in sample:
        return None, "", "binary content (NUL bytes): not a text file"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        where = f"byte 0x{data[error.start]:02x} at offset {error.start}"
        try:
            return data.decode("cp1252"), "cp1252", f"not valid UTF-8 ({where}); decoded as Windows-1252 (cp1252) — check accented letters"
        except UnicodeDecodeError:
            return data.decode("latin-1"), "latin-1", f"not valid UTF-8 ({where}); decoded as Latin-1 — check accented letters"
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.1 * max(1, len(text[:4096])):
        return None, "", "binary content (mostly control characters): not a text file"
    return text, "utf-8", ""


# --------------------------------------------------------------------------- files


def _load_file(item: _Input, report: list[dict], overrides: dict[str, dict]) -> list[dict]:
    path = item.path
    if path.name.lower() in IGNORED_NAMES or re.match(r"(readme|license|licence|copying|notice)\b", path.name.lower()):
        report.append(_row(item, "skipped", "documentation file, not an article", ""))
        return []
    reader = reader_for(path)
    if reader is None:
        report.append(_row(item, "skipped", f"unsupported file type {path.suffix or '(no extension)'!r}", ""))
        return []
    try:
        data = path.read_bytes()
    except OSError as error:
        report.append(_row(item, "failed", f"cannot read file: {error.strerror or error}", ""))
        return []
    if not data.strip():
        report.append(_row(item, "skipped", "empty file", ""))
        return []
    text, encoding, caveat = decode(data)
    if text is None:
        report.append(_row(item, "failed", caveat, ""))
        return []
    text = normalise_newlines(text)
    try:
        raws, problems = reader(text)
    except Exception as error:  # a reader bug or a library failure must not stop the batch
        report.append(_row(item, "failed", f"could not be parsed: {type(error).__name__}: {error}", encoding))
        return []
    for problem in problems:
        report.append(_row(item, "failed", problem.reason, encoding, part=problem.part))
    records = []
    for raw in raws:
        record = _record(raw, path, overrides)
        if not record["text"]:
            report.append(_row(item, "skipped" if not raw.part else "failed", "no text after the header", encoding, part=raw.part))
            continue
        records.append(record)
        report.append(_row(item, "loaded", caveat, encoding, part=raw.part, record=record))
    return records


_HEADLINE_MAX_CHARS = 200


def looks_like_headline(line: str) -> bool:
    """A first line that reads as a headline: short, no sentence-final period."""
    line = line.strip()
    if not line or len(line) > _HEADLINE_MAX_CHARS or len(line.split()) > 30:
        return False
    if line.endswith((".", ":", ";", ",")) and not line.endswith("..."):
        return False
    return line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘"


def _record(raw: RawArticle, path: Path, overrides: dict[str, dict]) -> dict:
    text = raw.text.strip()
    meta = {k: v for k, v in raw.meta.items() if k is not None}
    fields = {name: _first_field(meta, aliases) for name, aliases in FIELD_ALIASES.items()}
    has_headline = False
    if not raw.has_header and text:
        first, sep, rest = text.partition("\n")
        if sep and rest.strip() and looks_like_headline(first):
            fields["title"] = first.strip()
            has_headline = True
    for key in (path.name, str(path), path.stem):
        extra = overrides.get(key)
        if extra:
            for name, value in extra.items():
                if value is not None and value == value and str(value).strip() != "":
                    fields[name] = value
            break
    extras = {k: v for k, v in meta.items() if not any(k in aliases for aliases in FIELD_ALIASES.values()) and k not in TEXT_KEYS}
    return {
        "text": text,
        "title": _as_text(fields.get("title")),
        "published": parse_date(fields.get("published")),
        "outlet": _as_text(fields.get("outlet")) or _outlet_from_url(_as_text(fields.get("url"))) or "unknown",
        "url": _as_text(fields.get("url")),
        "author": _as_text(fields.get("author")),
        "explicit_id": _as_text(fields.get("id")),
        "source_path": str(path),
        "part": raw.part,
        "has_headline": has_headline,
        "meta": extras,
    }


def _first_field(meta: dict, aliases: tuple[str, ...]) -> Any:
    for alias in aliases:
        if alias in meta and meta[alias] not in (None, ""):
            return meta[alias]
    return None


def _as_text(value: Any) -> str:
    if value is None or value != value:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return str(value).strip()


def _outlet_from_url(url: str) -> str:
    match = re.match(r"https?://(?:www\.)?([^/]+)", url or "")
    return match.group(1) if match else ""


def parse_date(value: Any) -> "dt.date | None":
    """A publication date from what metadata holds: a date, datetime or string."""
    if value is None or value == "" or value != value:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
    try:
        if match:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        from dateutil import parser as dateparser

        return dateparser.parse(text, fuzzy=False).date()
    except (ValueError, OverflowError):
        return None


def slugify(text: str, *, max_length: int = 80) -> str:
    slug = re.sub(r"[^a-z0-9_]+", "-", text.lower()).strip("-_")
    return slug[:max_length].strip("-_") or "article"


def _assign_ids(records: list[dict]) -> None:
    """Readable ids from file names (or explicit ids); collisions get -2, -3… in path order."""
    used: set[str] = set()
    multi = {r["source_path"] for r in records if r["part"]}
    for record in records:
        stem = Path(record["source_path"]).stem
        if record["explicit_id"]:
            base = slugify(record["explicit_id"])
        elif record["source_path"] in multi:
            number = re.sub(r"\D+", "", record["part"]) or "1"
            base = f"{slugify(stem)}-{number}"
        else:
            base = slugify(stem)
        candidate, n = base, 1
        while candidate in used:
            n += 1
            candidate = f"{base}-{n}"
        used.add(candidate)
        record["article_id"] = candidate


def _articles_frame(records: list[dict]) -> "pd.DataFrame":
    import pandas as pd

    rows = []
    for r in records:
        rows.append({
            "article_id": r["article_id"],
            "title": r["title"],
            "published": pd.Timestamp(r["published"]) if r["published"] else pd.NaT,
            "outlet": r["outlet"],
            "url": r["url"],
            "source_path": r["source_path"],
            "text": r["text"],
            "author": r["author"],
            "has_headline": r["has_headline"],
            "n_chars": len(r["text"]),
        })
    columns = ["article_id", "title", "published", "outlet", "url", "source_path", "text", "author", "has_headline", "n_chars"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["published"] = pd.to_datetime(frame["published"])
    return frame


# --------------------------------------------------------------------------- sidecars


def _read_sidecar(path: Path) -> "tuple[pd.DataFrame | None, str]":
    import pandas as pd

    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
    except Exception as error:  # pandas raises several types for bad CSV
        return None, f"metadata file could not be read: {error}"
    lowered = {c.strip().lower(): c for c in table.columns}
    if any(k in lowered for k in TEXT_KEYS) and path.name.lower() != "metadata.csv":
        return None, "has a text column: read as articles"
    if not any(k in lowered for k in SIDECAR_KEYS):
        return None, Errors.AK005.format(path=str(path))
    return _key_sidecar(table, str(path)), ""


def _key_sidecar(table: "pd.DataFrame", name: str) -> "pd.DataFrame":
    table.columns = [str(c).strip().lower() for c in table.columns]
    key = next((k for k in SIDECAR_KEYS if k in table.columns), None)
    if key is None:
        raise ValueError(Errors.AK005.format(path=name))
    return table.rename(columns={key: "__file__"})


def _merge_sidecars(tables: list) -> dict[str, dict]:
    merged: dict[str, dict] = {}
    for table in tables:
        for row in table.to_dict(orient="records"):
            key = str(row.pop("__file__")).strip()
            fields = {}
            for name, aliases in FIELD_ALIASES.items():
                value = _first_field(row, aliases)
                if value not in (None, ""):
                    fields[name] = value
            for name in (key, Path(key).name):
                merged.setdefault(name, {}).update(fields)
    return merged
