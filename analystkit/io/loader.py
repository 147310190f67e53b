"""Reading articles: files, folders and globs → the articles and the load report (``ak.load``
makes a :class:`~analystkit.corpus.Corpus` of them).

Every input file ends up in ``corpus.load_report`` with a status:

* ``loaded`` — read, possibly with a caveat in ``reason`` (e.g. decoded as cp1252);
* ``skipped`` — not an article by design (a metadata sidecar, an unsupported file
  type, an empty file, a hidden file);
* ``failed`` — meant to be an article but unreadable (binary content, malformed
  JSON or CSV, a CSV without a text column, a record without text, a scanned PDF
  without a text layer, an encrypted PDF, a URL that could not be fetched).

A file holding several articles has one row per part: ``line 3`` of JSON Lines or of a
URL list, ``row 7`` of a CSV, ``message 2`` of a mailbox, ``entry 4`` of a feed,
``attachment report.pdf`` of an e-mail. Formats and their readers: :mod:`analystkit.io.readers`
(text, Markdown, JSON, CSV, HTML), :mod:`analystkit.io.documents` (PDF, DOCX),
:mod:`analystkit.io.mail` (.eml, .mbox), :mod:`analystkit.io.feeds` (RSS, Atom) and
:mod:`analystkit.io.fetch` (URL lists and web addresses, only with ``fetch=True``).

Nothing is dropped silently and one bad file never stops the batch. What the loader
guards against (each case has a test in ``tests/test_hostile_input.py``):

* files that are not regular files (named pipes, devices, sockets) are reported, never
  opened for a blocking read; files and articles over the limits of
  :mod:`analystkit.limits` are reported, not read into memory or parsed;
* the kit's own output (a tables folder, a report, a ledger) is not read back as
  articles (:mod:`analystkit.io.outputs`);
* bytes are decoded without silent replacement: a UTF-8 byte-order mark before
  Windows-1252 bytes, UTF-16 without a byte-order mark, NUL and other control
  characters (removed, and the report says how many) all get a reason;
* publication dates are never completed from today's date: ``2022`` is a year and
  ``March 2022`` a month (``published`` stays empty, ``published_period`` says what is
  known), ``Thursday`` alone is unknown, and an unreadable date is a reason, never a
  failed article;
* ids are readable for file names in any script (``Путин.txt`` → ``путин``).
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import functools
import glob as globmod
import hashlib
import io
import os
import re
import stat
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .. import limits
from ..errors import (
    Errors,
    LoadWarning,
    MetadataError,
    NothingLoadedError,
    Warnings,
    warn,
)
from .outputs import MARKER, marked_entries, output_reason
from .readers import (
    BYTES_READERS,
    FIELD_ALIASES,
    Problem,
    READERS,
    TEXT_KEYS,
    UNREADABLE_HINTS,
    URL_LIST_SUFFIXES,
    RawArticle,
    ReadContext,
    normalise_newlines,
    pages_text,
    reader_for,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: The outlet of an article whose metadata and URL name none.
UNKNOWN_OUTLET = "unknown"

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
    named: bool = False  # passed on its own (not found in a folder or by a glob)


def shown_path(path: str | os.PathLike) -> str:
    """A path as the load report shows it: bytes that are not UTF-8 in a file name become U+FFFD."""
    text = os.fsdecode(path) if not isinstance(path, str) else path
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_articles(
    *paths: str | os.PathLike,
    metadata: str | os.PathLike | pd.DataFrame | None = None,
    warn_problems: bool = True,
    memo: ReaderMemo | None = None,
    fetch: bool = False,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read articles from files, folders (recursively) and glob patterns (:func:`analystkit.load`
    makes a :class:`~analystkit.corpus.Corpus` of them).

    Args:
        *paths: files, folders or glob patterns (``"data/**/*.md"``).
        metadata: a CSV (or DataFrame) keyed by file name whose columns fill or
            override article fields (``title``, ``published``, ``outlet``, ``url``…).
            A ``metadata.csv`` inside a loaded folder is applied automatically.
        warn_problems: emit one summary warning when inputs were skipped or failed.
        memo: a store of what the format readers made of a text (``get(key)``/``put(key, rows)``,
            e.g. :class:`analystkit.cache.RowCache`): re-reading an unchanged corpus then skips
            parsing its Markdown, HTML and headers (a report's notebooks each load the corpus again).
        fetch: fetch the pages of URL lists and the full text of feed entries
            (:mod:`analystkit.io.fetch`: polite, cached); without it nothing is fetched
            and a URL list is a ``skipped`` row saying so.

    Returns:
        ``(articles, load_report)``: one row per article, and one row per input with its
        status and reason.

    Raises:
        NothingLoadedError: when not a single article could be loaded (its ``load_report``
            still lists every input).
        MetadataError: when ``metadata`` names a file that is missing or cannot be used.
        SettingError: when a limit's setting (:mod:`analystkit.limits`) is malformed.

    Nothing in the files themselves raises: every problem is a row of the load report.
    """
    import pandas as pd

    paths = tuple(_flatten(paths))
    if not paths:
        raise NothingLoadedError(Errors.AK003.format(paths="(no paths given)", summary="Pass at least one file, folder or glob."))
    urls = [str(p) for p in paths if isinstance(p, str) and _URL_ARGUMENT.match(p)]
    inputs, report = _expand([p for p in paths if not (isinstance(p, str) and _URL_ARGUMENT.match(p))])
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
            metadata_path = Path(metadata)
            if not metadata_path.is_file():
                problem = "is a folder" if metadata_path.is_dir() else ("is not a regular file" if metadata_path.exists() else "does not exist")
                raise MetadataError(Errors.AK040.format(path=str(metadata), problem=problem))
            table, reason = _read_sidecar(metadata_path)
            if table is None:
                raise MetadataError(Errors.AK040.format(path=str(metadata), problem=f"cannot be used: {reason}"))
            sidecars.append(table)
    overrides = _merge_sidecars(sidecars)

    if fetch:  # a malformed fetch setting is said once, before anything is read
        from .. import settings

        settings.fetch_timeout()
        settings.fetch_delay()
        limits.get("max_fetch_bytes")
    records: list[dict] = []
    shared = ReadContext(fetch=fetch)  # one fetcher (per-host delay, cache) for the whole load
    for item in article_inputs:
        records.extend(_load_file(item, report, overrides, shared, memo))
    for url in urls:
        records.extend(_load_url(url, report, overrides, shared))
    _assign_ids(records)
    for row in report:
        if row.get("_record") is not None:
            row["article_id"] = row["_record"]["article_id"]
    report_df = pd.DataFrame([{k: r.get(k, "") for k in REPORT_COLUMNS} for r in report], columns=REPORT_COLUMNS)
    articles = _articles_frame(records)

    problems = report_df[((report_df.status != "loaded") | (report_df.reason != "")) & ~by_design(report_df)]
    if articles.empty:
        summary = "; ".join(f"{p.path}: {p.reason}" for p in report_df.itertuples()) or "No files found."
        raise NothingLoadedError(
            Errors.AK003.format(paths=", ".join(map(str, paths)), summary=summary[:2000]), load_report=report_df
        )
    if warn_problems and len(problems):
        examples = "; ".join(f"{Path(p.path).name}{' ' + p.part if p.part else ''}: {p.status}, {p.reason}" for p in problems.head(3).itertuples())
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        warn(Warnings.AK101.format(n_problem=len(problems), n_total=len(report_df), examples=examples + more), LoadWarning)
    return articles, report_df


def by_design(report: pd.DataFrame) -> pd.Series:
    """Rows of a load report that are not articles on purpose (a metadata sidecar, the kit's own
    output, a README): not problems to report to the analyst."""
    reason = report["reason"].astype(str)
    return reason.str.startswith(("metadata sidecar", "written by analystkit", "marker of the folders")) | (reason == "documentation file, not an article")


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
        kind = _file_kind(path)
        found: list[tuple[Path, Path]] = []
        if kind == "folder":
            found = _walk(path, report)
        elif kind == "file":
            found = [(path, Path(path.name))]
            # The folder's sidecar applies to a file loaded on its own, too.
            try:
                found += [(p, Path(p.name)) for p in sorted(path.parent.iterdir()) if p.name.lower() in SIDECAR_NAMES and _file_kind(p) == "file"]
            except OSError:
                pass
        elif kind:  # a named pipe, a device, a socket, a broken link
            report.append(_special_row(path, kind))
            continue
        else:
            try:
                matches = sorted(Path(p) for p in globmod.glob(str(raw), recursive=True))
            except (OSError, ValueError, RecursionError):
                matches = []
            for match in matches:
                match_kind = _file_kind(match)
                if match_kind == "folder":
                    found.extend(_walk(match, report))
                elif match_kind == "file":
                    listed = marked_entries(match.parent).get(match.name)
                    if listed or match.name == MARKER:
                        report.append(_row(_Input(match, shown_path(match)), "skipped", _written_reason(listed), ""))
                        continue
                    found.append((match, Path(match.name)))
                elif match_kind:
                    report.append(_special_row(match, match_kind))
            if not matches:
                report.append({"path": shown_path(raw), "part": "", "status": "failed", "reason": Errors.AK004.format(path=shown_path(raw), cwd=os.getcwd()), "encoding": ""})
                continue
        for file, relative in found:
            try:
                resolved = file.resolve()
            except (OSError, RuntimeError):
                resolved = file.absolute()
            if resolved in seen:
                continue
            seen.add(resolved)
            if any(part.startswith(".") for part in relative.parts):
                report.append(_row(_Input(file, shown_path(file)), "skipped", "hidden file", ""))
                continue
            inputs.append(_Input(file, shown_path(file), named=kind == "file" and file == path))
    return inputs, report


def _file_kind(path: Path) -> str:
    """'file', 'folder', '' (does not exist) or what else it is ('named pipe (FIFO)', 'device', …)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "broken link" if os.path.islink(path) else ""
    except OSError:  # a link loop, a folder without permission
        return "broken link" if os.path.islink(path) else "unreadable entry"
    except ValueError:  # a NUL in the path
        return ""
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"


def _special_row(path: Path, kind: str) -> dict:
    if kind == "broken link":
        return _row(_Input(path, shown_path(path)), "failed", "a link to a file that does not exist (or a loop of links)", "")
    if kind == "unreadable entry":
        return _row(_Input(path, shown_path(path)), "failed", "cannot read: no permission to look at it", "")
    return _row(_Input(path, shown_path(path)), "skipped", f"not a regular file (a {kind}): not read", "")


def _written_reason(kind: str | None) -> str:
    if not kind:
        return "marker of the folders analystkit wrote output to, not an article"
    return f"written by analystkit ({kind}; listed in {MARKER}), not read as articles"


def _walk(root: Path, report: list[dict]) -> list[tuple[Path, Path]]:
    """Every regular file under ``root`` with its path relative to ``root``, in sorted order.

    Hidden folders, folders the kit wrote output to, files that are not regular files
    and folders that cannot be read each get one row of the report instead.
    """
    found: list[tuple[Path, Path]] = []

    def unreadable(error: OSError) -> None:
        where = error.filename or root
        report.append(_row(_Input(Path(where), shown_path(where)), "failed", f"cannot read folder: {error.strerror or error}", ""))

    for folder, dirs, files in os.walk(root, onerror=unreadable, followlinks=False):
        base = Path(folder)
        written = marked_entries(base)
        keep = []
        for name in sorted(dirs):
            sub = base / name
            if name in written:
                report.append(_row(_Input(sub, shown_path(sub)), "skipped", _written_reason(written[name]), ""))
            elif name.startswith("."):
                report.append(_row(_Input(sub, shown_path(sub)), "skipped", "hidden folder, not read", ""))
            elif os.path.islink(sub):
                report.append(_row(_Input(sub, shown_path(sub)), "skipped", "a link to a folder: not followed (pass the folder itself to read it)", ""))
            else:
                keep.append(name)
        dirs[:] = keep
        for name in files:
            file = base / name
            if name in written or name == MARKER:
                report.append(_row(_Input(file, shown_path(file)), "skipped", _written_reason(written.get(name)), ""))
                continue
            kind = _file_kind(file)
            if kind == "file":
                found.append((file, file.relative_to(root)))
            elif kind:
                report.append(_special_row(file, kind))
    return sorted(found)


def _row(item: _Input, status: str, reason: str, encoding: str, part: str = "", record: dict | None = None) -> dict:
    return {"path": item.shown, "part": part, "status": status, "reason": reason, "encoding": encoding, "_record": record}


# --------------------------------------------------------------------------- decoding


#: Leading bytes of common binary formats (a .txt that is really one of these is reported by name).
_SIGNATURES = (
    (b"%PDF", "PDF"), (b"PK\x03\x04", "ZIP (or .docx/.xlsx)"), (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"), (b"\x1f\x8b", "gzip"), (b"7z\xbc\xaf", "7-Zip"), (b"Rar!", "RAR"), (b"\x7fELF", "program (ELF)"),
    (b"SQLite format 3\x00", "SQLite database"), (b"\xd0\xcf\x11\xe0", "old Microsoft Office"),
)
#: Control characters removed from text (tab, newline, form feed and carriage return stay).
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def decode(data: bytes) -> tuple[str | None, str, str]:
    """Bytes → ``(text, encoding, caveat)``; ``text`` is None for binary content.

    UTF-8 (with or without BOM), UTF-16 and UTF-32 with BOM, and UTF-16 without a BOM
    (recognised by its zero bytes) are read as such. Bytes that are not valid UTF-8 are
    decoded as Windows-1252 (which covers Latin-1's printable range and the curly quotes
    Word produces) or, failing that, Latin-1 — and the caveat says so, because a wrong
    guess garbles accented names — unless cp1250, cp1254 or cp1257 reads the accented letters as
    one language's alphabet where cp1252 cannot (:func:`_latin_code_page`); a text in another
    script goes to charset-normalizer, checked by the kit (:func:`_detect`); so does a UTF-8 byte-order mark followed by bytes that
    are not UTF-8. Nothing is replaced silently: where bytes could not be decoded, the
    caveat counts them. Control characters are left to :func:`clean_text`.
    """
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32")):
        if data.startswith(bom) and len(data) % 4 == 0:
            return _decode_counted(data, codec)
    if data.startswith(codecs.BOM_UTF8):
        body = data[3:]
        try:
            return body.decode("utf-8"), "utf-8-sig", ""
        except UnicodeDecodeError as error:
            where = f"byte 0x{body[error.start]:02x} at offset {error.start + 3}"
            text, encoding, _ = _single_byte(body)
            return text, encoding, f"starts with a UTF-8 byte-order mark but is not UTF-8 ({where}); decoded as {_NAMES[encoding]} — check accented letters"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_counted(data, "utf-16")
    sample = data[:8192]
    for signature, name in _SIGNATURES:
        if sample.startswith(signature):
            return None, "", f"binary content (a {name} file): not a text file"
    utf16 = _utf16_without_bom(sample)
    if utf16:
        try:
            text = data[: len(data) - len(data) % 2].decode(utf16)
        except UnicodeDecodeError:
            text = None
        if text is not None and _controls(text[:4096]) <= 0.05 * max(1, len(text[:4096])):
            order = "little" if utf16.endswith("le") else "big"
            return text, utf16, f"no byte-order mark: read as UTF-16 ({order}-endian)"
    if _controls_bytes(sample) > 0.05 * max(1, len(sample)):
        return None, "", "binary content (control characters and NUL bytes): not a text file"
    try:
        return data.decode("utf-8"), "utf-8", ""
    except UnicodeDecodeError as error:
        where = f"byte 0x{data[error.start]:02x} at offset {error.start}"
        text, encoding, _ = _single_byte(data)
        if _western(text):
            other = _latin_code_page(data, text)
            if other is not None:
                text, encoding, language = other
                return text, encoding, f"not valid UTF-8 ({where}); decoded as {encoding} ({language} letters, not cp1252's) — check accented letters"
            return text, encoding, f"not valid UTF-8 ({where}); decoded as {_NAMES[encoding]} — check accented letters"
        detected = _detect(data)
        if detected is None:
            return text, encoding, f"not valid UTF-8 ({where}); decoded as {_NAMES[encoding]}, but most letters are not plain Latin: the encoding is probably another one — check the text"
        text, encoding, language, low, proposed = detected
        how = "by charset-normalizer" if proposed else "by the kit's code-page check (charset-normalizer proposed none that reads as one script)"
        said = f"not valid UTF-8 ({where}); detected as {encoding}{f' ({language})' if language else ''} {how}"
        if low:
            said += f"; low confidence ({low}): check the text, or save the file as UTF-8"
        return text, encoding, said


_NAMES = {"cp1252": "Windows-1252 (cp1252)", "latin-1": "Latin-1"}
#: Single-byte code pages preferred, in this order, among equally good candidates of charset-normalizer
#: (the Windows code pages are what office software writes; DOS and Mac code pages are rarer).
_PREFERRED = (
    "cp1251", "cp1253", "cp1256", "cp1255", "cp1254", "cp1257", "koi8_r", "koi8_u", "iso8859_5", "iso8859_7", "iso8859_6",
    "iso8859_8", "cp1250", "mac_cyrillic", "mac_greek", "cp866", "cp1125", "cp855",
)


#: Scripts a single-byte code page writes (besides Latin): a reading in another script is implausible.
_SINGLE_BYTE_SCRIPTS = frozenset({"CYRILLIC", "GREEK", "HEBREW", "ARABIC", "THAI"})


def _western(text: str) -> bool:
    """Mostly plain Latin letters (a West-European text in cp1252): accented letters are a minority."""
    letters = [ch for ch in text[:20000] if ch.isalpha()]
    if not letters:
        return True
    accented = sum(1 for ch in letters if ord(ch) > 127)
    return accented <= 0.3 * len(letters)


#: The Windows code pages of Latin scripts besides cp1252: Central European, Turkish, Baltic.
_LATIN_CODE_PAGES = ("cp1250", "cp1254", "cp1257")


@functools.lru_cache(maxsize=1)
def _alphabets() -> tuple[tuple[str, frozenset[str]], ...]:
    """(language, the letters it writes beyond a-z) from ``data/latin_alphabets.csv`` (CLDR exemplars)."""
    from ..vocab.files import read_rows

    return tuple((row["language"], frozenset(row["letters"])) for row in read_rows("latin_alphabets.csv"))


#: Characters that sit inside a word only when a letter was misread: symbols, superscript digits,
#: "¿" (not apostrophes, dashes or spaces, which join words in any language).
_ODD_IN_WORDS = frozenset({"So", "Sc", "Sk", "Sm", "No", "Po"})


def _latin_fit(text: str) -> tuple[float, str]:
    """How well one language's alphabet explains the non-ASCII letters of ``text`` (0–1), and that language.

    A symbol inside a word ("powiedzia³": a Polish "ł" read as cp1252) counts against every language."""
    letters: dict[str, int] = {}
    odd = 0
    sample = text[:50000]
    for i, ch in enumerate(sample):
        if ord(ch) < 128:
            continue
        if ch.isalpha():
            key = ch.lower()[0]  # "İ".lower() is "i" and a combining dot
            if key >= "\x80":
                letters[key] = letters.get(key, 0) + 1
        elif ch <= "\x9f":  # a C1 control: a byte Latin-1 could only read as one
            odd += 1
        elif 0 < i < len(sample) - 1 and sample[i - 1].isalpha() and sample[i + 1].isalpha() and unicodedata.category(ch) in _ODD_IN_WORDS:
            odd += 1
    total = sum(letters.values()) + odd
    if not total:
        return 1.0, ""
    best, language = -1.0, ""
    for name, alphabet in _alphabets():
        fit = sum(n for ch, n in letters.items() if ch in alphabet) / total
        if fit > best:
            best, language = fit, name
    return best, language


def _latin_code_page(data: bytes, western_text: str) -> tuple[str, str, str] | None:
    """``(text, encoding, language)`` when another Latin code page (cp1250, cp1254, cp1257) reads ``data``
    as one language's letters clearly better than cp1252 (or Latin-1, for bytes cp1252 leaves undefined)
    does: it leaves at most a third as many letters unexplained; None when cp1252 is as good."""
    fit, _ = _latin_fit(western_text)
    if fit >= 1.0:
        return None
    best = None
    for encoding in _LATIN_CODE_PAGES:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        other, language = _latin_fit(text)
        if 1.0 - other <= (1.0 - fit) / 3 and (best is None or other > best[0]):
            best = (other, text, encoding, language)
    return None if best is None else best[1:]


def _scripts(text: str) -> dict[str, int]:
    """Non-ASCII characters of ``text`` by script (the first word of their Unicode name; 'OTHER' for symbols)."""
    counts: dict[str, int] = {}
    for ch in text[:20000]:
        if ord(ch) < 128 or ch.isspace():
            continue
        if ch.isalpha():
            script = unicodedata.name(ch, "OTHER").split(" ")[0]
        elif unicodedata.category(ch)[0] in "PNMZ":
            continue  # punctuation, digits, combining marks (vowel points): any script's code page has them
        else:
            script = "OTHER"
        counts[script] = counts.get(script, 0) + 1
    return counts


def _detect(data: bytes) -> tuple[str, str, str, str, bool] | None:
    """``(text, encoding, language, low-confidence reason, proposed by charset-normalizer)`` for bytes of a non-Latin script in a
    single-byte code page (cp1251 Cyrillic, say); None when no reading is plausible.

    charset-normalizer proposes readings; its own first choice is unreliable for short texts (a
    few Cyrillic words come out as DOS box drawing; KOI8-R as Japanese), so the kit adds the common
    code pages (:data:`_PREFERRED`) and keeps the readings whose letters are all of one non-Latin
    script, preferring mostly lower-case letters (a KOI8-R text read as cp1251 is in capitals),
    then charset-normalizer's least "chaotic" readings, then the Windows code pages."""
    sample = data[:200_000]
    proposed: dict[str, object] = {}
    try:
        from charset_normalizer import from_bytes

        matches = list(from_bytes(sample))
    except Exception:  # noqa: BLE001 - detection is a best effort (or the package is missing)
        matches = []
    if matches:
        lowest = min(m.chaos for m in matches)
        proposed = {m.encoding: m for m in matches if m.chaos <= lowest + 0.02}
    readings: list[tuple[tuple, str, str]] = []
    rank = {name: i for i, name in enumerate(_PREFERRED)}
    for encoding in [*proposed, *(e for e in _PREFERRED if e not in proposed)]:
        try:
            text = sample.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        counts = _scripts(text)
        total = sum(counts.values())
        script, top = max(counts.items(), key=lambda kv: kv[1]) if counts else ("", 0)
        if not total or script not in _SINGLE_BYTE_SCRIPTS or top < 0.95 * total:
            continue
        cased = [ch for ch in text if ord(ch) > 127 and ch.isalpha() and ch.lower() != ch.upper()]
        lower = not cased or sum(ch.islower() for ch in cased) >= 0.5 * len(cased)  # caseless scripts pass
        match = proposed.get(encoding)
        coherence = round(getattr(match, "coherence", 0.0) or 0.0, 1)
        symbols = counts.get("OTHER", 0)  # box drawing, currency, ... where a letter should be
        readings.append(((lower, -symbols, encoding in proposed, coherence, -rank.get(encoding, len(rank))), encoding, script))
    if not readings:
        return None
    readings.sort(reverse=True)
    score, encoding, script = readings[0]
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    match = proposed.get(encoding)
    language = getattr(match, "language", "") or ""
    language = "" if language == "Unknown" else language
    high = sum(1 for b in sample if b > 127)
    rivals = {e for s, e, _ in readings[1:] if s[:2] == score[:2] and sample.decode(e) != sample.decode(encoding)}
    low = ""
    if high < 40:
        low = f"only {high} non-ASCII bytes to go on"
    elif rivals and getattr(match, "coherence", 1.0) < 0.3:
        low = f"{', '.join(sorted(rivals))} read it differently"
    return text, encoding, language or script.title(), low, match is not None


def _single_byte(data: bytes) -> tuple[str, str, str]:
    try:
        return data.decode("cp1252"), "cp1252", ""
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1", ""


def _decode_counted(data: bytes, codec: str) -> tuple[str, str, str]:
    try:
        return data.decode(codec), codec, ""
    except UnicodeDecodeError:
        text = data.decode(codec, errors="replace")
        bad = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
        return text, codec, f"{bad} byte sequence(s) are not valid {codec.upper()} and were replaced by U+FFFD"


def _utf16_without_bom(sample: bytes) -> str:
    """'utf-16-le' / 'utf-16-be' when the zero bytes fall on one side of each pair, as in UTF-16 text."""
    pairs = len(sample) // 2
    if pairs < 2:
        return ""
    even = sample[0 : 2 * pairs : 2].count(0)
    odd = sample[1 : 2 * pairs : 2].count(0)
    if odd >= 0.3 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return ""


#: Control characters other than tab, newline, form feed and carriage return (and, in bytes, ESC).
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_BYTES = re.compile(b"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")


def _controls(text: str) -> int:
    return len(_CONTROL_CHARS.findall(text))


def _controls_bytes(sample: bytes) -> int:
    return len(_CONTROL_BYTES.findall(sample))


def clean_text(text: str) -> tuple[str, str]:
    """Remove control characters (NUL, ESC, …; tab, newline and form feed stay) and replace
    lone surrogates by U+FFFD. Returns the text and a caveat counting what changed ('' when nothing)."""
    notes = []
    if _CONTROL.search(text):
        nul = text.count("\x00")
        total = len(_CONTROL.findall(text))
        text = _CONTROL.sub("", text)
        what = ", ".join(part for part in (f"{nul} NUL" if nul else "", f"{total - nul} other" if total - nul else "") if part)
        notes.append(f"removed {what} control character(s)")
    if _SURROGATE.search(text):
        notes.append(f"replaced {len(_SURROGATE.findall(text))} lone surrogate(s) by U+FFFD")
        text = _SURROGATE.sub("\ufffd", text)
    return text, "; ".join(notes)


def _clean_value(value: Any) -> Any:
    """Metadata strings without control characters or lone surrogates."""
    if isinstance(value, str):
        return clean_text(value)[0]
    if isinstance(value, list):
        return [_clean_value(v) for v in value]
    return value


# --------------------------------------------------------------------------- files


class ReaderMemo(Protocol):
    """Where :func:`read_articles` keeps what the readers made of each text (see ``memo``)."""

    def get(self, key: str) -> dict[str, list[dict]] | None: ...

    def put(self, key: str, rows: dict[str, list[dict]]) -> None: ...


@functools.lru_cache(maxsize=1)
def _reader_code() -> bytes:
    """The source of the readers: a change to them changes every memo key."""
    here = Path(__file__).resolve().parent
    return hashlib.sha256(b"".join(path.read_bytes() for path in sorted(here.glob("*.py")))).digest()


def _read_with(reader: Any, suffix: str, text: str, memo: ReaderMemo | None) -> tuple[list[RawArticle], list[Problem]]:
    """``reader(text)``, remembered in ``memo`` under the text, the reader and the limits it obeys."""
    if memo is None:
        return reader(text)
    digest = hashlib.sha256(b"reader-1\x1f" + _reader_code() + suffix.encode("utf-8") + b"\x1f")
    digest.update(f"{limits.get('max_front_matter_chars')}\x1f{limits.get('csv_field_chars')}\x1f".encode("ascii"))
    digest.update(text.encode("utf-8", "surrogatepass"))
    key = digest.hexdigest()
    found = memo.get(key)
    if found is not None:
        try:
            return [RawArticle(**row) for row in found["articles"]], [Problem(**row) for row in found["problems"]]
        except (KeyError, TypeError):  # a stored entry of another shape: read again
            pass
    raws, problems = reader(text)
    memo.put(key, {"articles": [dataclasses.asdict(raw) for raw in raws], "problems": [dataclasses.asdict(p) for p in problems]})
    return raws, problems


#: A path argument that is a web address (``ak.load("https://…", fetch=True)``).
_URL_ARGUMENT = re.compile(r"^https?://\S+$", re.I)


def _load_url(url: str, report: list[dict], overrides: dict[str, dict], shared: ReadContext) -> list[dict]:
    """A web page named as an input: fetched with ``fetch=True`` (:mod:`analystkit.io.fetch`), else a row saying how."""
    item = _Input(Path(url), shown_path(url), named=True)
    if not shared.fetch:
        report.append(_row(item, "skipped", Errors.AK089, ""))
        return []
    from .fetch import Fetcher

    if shared.fetcher is None:
        shared.fetcher = Fetcher()
    got = shared.fetcher.article(url)
    if not got.text:
        report.append(_row(item, "failed", got.reason, ""))
        return []
    raw = RawArticle(text=got.text, meta=got.meta, has_header=True, pages=got.pages)
    record = _record(raw, Path(urllib_path(url)), overrides)
    record["source_path"] = url
    notes = record.pop("notes")
    report.append(_row(item, "loaded", "; ".join(dict.fromkeys(n for n in notes if n)), "", record=record))
    return [record]


def urllib_path(url: str) -> str:
    """The last part of a URL's path (``https://x.org/news/bridge.html`` → ``bridge.html``), for its id."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    name = parts.path.rstrip("/").rsplit("/", 1)[-1] or parts.netloc
    return name


def _load_file(
    item: _Input, report: list[dict], overrides: dict[str, dict], shared: ReadContext | None = None, memo: ReaderMemo | None = None
) -> list[dict]:
    path = item.path
    shared = shared if shared is not None else ReadContext()
    if path.name.lower() in IGNORED_NAMES or re.match(r"(readme|license|licence|copying|notice)\b", path.name.lower()):
        report.append(_row(item, "skipped", "documentation file, not an article", ""))
        return []
    suffix = path.suffix.lower()
    reader = reader_for(path)
    bytes_reader = BYTES_READERS.get(suffix)
    if reader is None and bytes_reader is None and suffix not in URL_LIST_SUFFIXES:
        hint = UNREADABLE_HINTS.get(suffix)
        report.append(_row(item, "skipped", hint or f"unsupported file type {shown_path(path.suffix) or '(no extension)'!r}", ""))
        return []
    data, status, reason = read_file(path)
    if data is None:
        report.append(_row(item, status, reason, ""))
        return []
    if not data.strip():
        report.append(_row(item, "skipped", "empty file", ""))
        return []
    from .feeds import looks_like_feed

    if suffix == ".xml" and not looks_like_feed(data):
        report.append(_row(item, "skipped", "XML that is not an RSS or Atom feed: not read", ""))
        return []
    if bytes_reader is None and suffix in (".txt", ".text") and looks_like_feed(data):
        bytes_reader = BYTES_READERS[".rss"]  # a feed saved as .txt
    context = ReadContext(name=path.name, fetch=shared.fetch, fetcher=shared.fetcher, path=path)
    encoding = cleaned = caveat = ""
    try:
        if bytes_reader is not None:
            raws, problems = bytes_reader(data, context)
        else:
            text, encoding, caveat = decode(data)
            if text is None:
                report.append(_row(item, "failed", caveat, ""))
                return []
            text, cleaned = clean_text(normalise_newlines(text))
            kit_output = "" if item.named else output_reason(path, text)
            if kit_output:
                report.append(_row(item, "skipped", kit_output, encoding))
                return []
            from .fetch import read_url_list, url_list

            if suffix in URL_LIST_SUFFIXES and url_list(text):
                raws, problems = read_url_list(text, context)
            else:
                raws, problems = _read_with(reader or READERS[".txt"], suffix, text, memo)
    except Exception as error:  # a reader bug or a library failure must not stop the batch
        report.append(_row(item, "failed", f"could not be parsed: {type(error).__name__}: {str(error)[:300]}", encoding))
        return []
    finally:
        shared.fetcher = context.fetcher
    for problem in problems:
        report.append(_row(item, problem.status, problem.reason, encoding, part=problem.part))
    max_chars = limits.get("max_article_chars")
    records = []
    for raw in raws:
        try:
            record = _record(raw, path, overrides)
        except Exception as error:  # odd metadata must cost one article at most, never the batch
            report.append(_row(item, "failed", f"could not be read: {type(error).__name__}: {str(error)[:300]}", encoding, part=raw.part))
            continue
        if not record["text"]:
            report.append(_row(item, "skipped" if not raw.part else "failed", "no text after the header", encoding, part=raw.part))
            continue
        if len(record["text"]) > max_chars:
            report.append(_row(item, "failed", (
                f"the article is {len(record['text']):,} characters long, over the limit of {max_chars:,} "
                "(max_article_chars): split it into several files, or raise ANALYSTKIT_MAX_ARTICLE_CHARS"
            ), encoding, part=raw.part))
            continue
        notes = [caveat, cleaned, *raw.notes, *record.pop("notes")]
        records.append(record)
        report.append(_row(item, "loaded", "; ".join(dict.fromkeys(n for n in notes if n)), encoding, part=raw.part, record=record))
    return records


def read_file(path: Path) -> tuple[bytes | None, str, str]:
    """A regular file's bytes, or ``(None, status, reason)``: never blocks on a named pipe or a
    device, never reads more than ``max_file_bytes`` (:mod:`analystkit.limits`)."""
    cap = limits.get("max_file_bytes")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        return None, "failed", f"cannot read file: {error.strerror or error}"
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, "skipped", "not a regular file: not read"
        if info.st_size > cap:
            return None, "failed", f"the file is {info.st_size:,} bytes, over the limit of {cap:,} (max_file_bytes): raise ANALYSTKIT_MAX_FILE_BYTES to read it"
        chunks, size = [], 0
        while size <= cap:
            chunk = os.read(fd, min(1 << 20, cap + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > cap:
            return None, "failed", f"the file is over the limit of {cap:,} bytes (max_file_bytes): raise ANALYSTKIT_MAX_FILE_BYTES to read it"
        return b"".join(chunks), "", ""
    except OSError as error:
        return None, "failed", f"cannot read file: {error.strerror or error}"
    finally:
        os.close(fd)


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
    notes: list[str] = []
    text, cleaned = clean_text(normalise_newlines(raw.text)) if isinstance(raw.text, str) else ("", "")
    if cleaned:
        notes.append(cleaned)
    text = text.strip()
    meta = {k: _clean_value(v) for k, v in raw.meta.items() if k is not None}
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
                    fields[name] = _clean_value(value)
            break
    extras = {k: v for k, v in meta.items() if not any(k in aliases for aliases in FIELD_ALIASES.values()) and k not in TEXT_KEYS}
    date = read_date(fields.get("published"))
    if date.note:
        notes.append(date.note)
    pages = raw.pages
    if pages and text != raw.text:  # the reader hands over clean text; if not, offsets would be off
        shift = raw.text.find(text) if text else -1
        pages = [(n, start - shift) for n, start in pages if start - shift >= 0] if shift >= 0 else []
        if not pages:
            notes.append("page numbers could not be kept: `page` is empty for this article")
    return {
        "text": text,
        "title": _as_text(fields.get("title")),
        "published": date.date,
        "published_period": date.period,
        "outlet": _as_text(fields.get("outlet")) or _outlet_from_url(_as_text(fields.get("url"))) or UNKNOWN_OUTLET,
        "url": _as_text(fields.get("url")),
        "author": _as_text(fields.get("author")),
        "explicit_id": _as_text(fields.get("id")),
        "source_path": shown_path(path),
        "part": raw.part,
        "has_headline": has_headline,
        "meta": extras,
        "notes": notes,
        "pages": pages_text(pages),
        "attachments": _as_text(meta.get("attachments")),
        "attachment_of": raw.attachment_of,
        "attachment": raw.attachment,
    }


def _first_field(meta: dict, aliases: tuple[str, ...]) -> Any:
    for alias in aliases:
        if alias in meta and meta[alias] not in (None, ""):
            return meta[alias]
    return None


def _as_text(value: Any) -> str:
    """Metadata as text (a list is '; '-joined; at most 2,000 characters)."""
    if value is None:
        return ""
    try:
        if value != value:  # NaN
            return ""
    except (TypeError, ValueError):
        pass
    if isinstance(value, (list, tuple)):
        text = "; ".join(_as_text(v) for v in value[:100])
    else:
        try:
            text = str(value)
        except (ValueError, TypeError):  # an integer too long to print
            text = ""
    return text.strip()[:2000]


def _outlet_from_url(url: str) -> str:
    match = re.match(r"https?://(?:www\.)?([^/]+)", url or "")
    return match.group(1) if match else ""


@dataclass(frozen=True)
class PublishedDate:
    """What a metadata date says: the day if it names one, the period it names, and a caveat.

    ``date`` is the day (None unless the value names a day, with its year);
    ``period`` is what is known as ISO text: ``2022``, ``2022-03`` or ``2022-03-02``
    ('' when nothing is); ``granularity`` is ``day``, ``month``, ``year`` or '';
    ``note`` is the load report's caveat ('' for a full date or no date at all).
    """

    date: dt.date | None = None
    period: str = ""
    granularity: str = ""
    note: str = ""


_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_YEAR_ONLY = re.compile(r"^(\d{4})$")
_MAX_DATE_CHARS = 100
#: Two defaults dateutil fills missing fields from: a field that differs between them was not in the text.
_DEFAULTS = (dt.datetime(2000, 1, 1), dt.datetime(2004, 2, 2))


def read_date(value: Any) -> PublishedDate:
    """A publication date from what metadata holds, never completed from today's date.

    ``2022-11-09``, ``November 9, 2022``, a ``datetime`` → that day; ``March 2022`` /
    ``2022-03`` → the month (no day); ``2022`` → the year (no day); ``Thursday``,
    ``March 3`` (no year), ``not-a-date``, ``2024-13-45`` → nothing, with a note saying why.
    """
    if value is None or isinstance(value, bool):
        return PublishedDate()
    try:
        if value != value:  # NaN, NaT
            return PublishedDate()
    except (TypeError, ValueError):
        pass
    if isinstance(value, dt.datetime) or hasattr(value, "to_pydatetime"):
        return _day(value.date() if hasattr(value, "date") else value, repr(value))
    if isinstance(value, dt.date):
        return _day(value, repr(value))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, (str, int)):
        return PublishedDate(note=f"published date of type {type(value).__name__} is not a date: `published` is left empty")
    text = re.sub(r"\s+", " ", str(value)).strip()
    shown = repr(text if len(text) <= 60 else text[:57] + "...")
    if not text:
        return PublishedDate()
    if len(text) > _MAX_DATE_CHARS:
        return PublishedDate(note=f"published date {shown} is too long to be a date: `published` is left empty")
    try:
        match = _ISO_DAY.match(text)
        if match:
            return _day(dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3))), shown)
        match = _ISO_MONTH.match(text)
        if match:
            year, month = int(match.group(1)), int(match.group(2))
            dt.date(year, month, 1)
            return _partial(f"{year:04d}-{month:02d}", "month", shown)
        match = _YEAR_ONLY.match(text)
        if match:
            year = int(match.group(1))
            dt.date(year, 1, 1)
            return _partial(f"{year:04d}", "year", shown)
    except ValueError as error:
        return PublishedDate(note=f"published date {shown} is not a calendar date ({error}): `published` is left empty")
    from dateutil import parser as dateparser

    try:
        first, second = (dateparser.parse(text, default=default, fuzzy=False) for default in _DEFAULTS)
    except (ValueError, OverflowError, TypeError, ArithmeticError, RecursionError):
        return PublishedDate(note=f"published date {shown} could not be read as a date: `published` is left empty")
    if first.year != second.year:
        return PublishedDate(note=f"published date {shown} names no year: `published` is left empty")
    if first.month != second.month:
        return _partial(f"{first.year:04d}", "year", shown)
    if first.day != second.day:
        return _partial(f"{first.year:04d}-{first.month:02d}", "month", shown)
    return _day(first.date(), shown)


def _day(day: dt.date, shown: str) -> PublishedDate:
    period = f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
    try:
        import pandas as pd

        pd.Timestamp(day)
    except (ValueError, OverflowError, ArithmeticError):
        return PublishedDate(None, period, "day", f"published date {shown} is outside the dates pandas can hold: `published` is left empty, `published_period` is {period}")
    return PublishedDate(day, period, "day", "")


def _partial(period: str, granularity: str, shown: str) -> PublishedDate:
    return PublishedDate(None, period, granularity, f"published date {shown} gives the {granularity} only: `published` is left empty (no day is made up), `published_period` is {period}")


def parse_date(value: Any) -> dt.date | None:
    """A publication day from what metadata holds (None unless the value names a day; see :func:`read_date`)."""
    return read_date(value).date


def slugify(text: str, *, max_length: int = 80) -> str:
    """A readable id: lower case, letters and digits of any script kept, everything else → ``-``."""
    text = unicodedata.normalize("NFKC", text).casefold()
    slug = "".join(ch if ch == "_" or unicodedata.category(ch)[0] in "LMN" else "-" for ch in text)
    slug = re.sub(r"-{2,}", "-", slug).strip("-_")
    return slug[:max_length].strip("-_") or "article"


def _assign_ids(records: list[dict]) -> None:
    """Readable ids from file names (or explicit ids); collisions get -2, -3… in path order."""
    used: set[str] = set()
    tried: dict[str, int] = {}
    multi = {r["source_path"] for r in records if r["part"] and r.get("attachment_of") is None}
    parents: dict[tuple[str, str], str] = {}
    # Articles first, then e-mail attachments, whose ids are their message's and ``--`` and their name.
    for record in sorted(records, key=lambda r: r.get("attachment_of") is not None):
        stem = Path(record["source_path"]).stem
        parent = record.get("attachment_of")
        if parent is not None:
            number = re.sub(r"\D+", "", parent)
            owner = parents.get((record["source_path"], parent)) or (f"{slugify(stem)}-{number}" if number else slugify(stem))
            base = f"{owner}--{slugify(record.get('attachment') or 'attachment')}"
        elif record["explicit_id"]:
            base = slugify(record["explicit_id"])
        elif record["source_path"] in multi:
            number = re.sub(r"\D+", "", record["part"]) or "1"
            base = f"{slugify(stem)}-{number}"
        else:
            base = slugify(stem)
        n = tried.get(base, 1)  # numbers below it are taken already: no quadratic search
        candidate = base if n == 1 else f"{base}-{n}"
        while candidate in used:
            n += 1
            candidate = f"{base}-{n}"
        tried[base] = n
        used.add(candidate)
        record["article_id"] = candidate
        if parent is None:
            parents.setdefault((record["source_path"], record["part"]), candidate)


def _articles_frame(records: list[dict]) -> pd.DataFrame:
    import pandas as pd

    rows = []
    for r in records:
        rows.append({
            "article_id": r["article_id"],
            "title": r["title"],
            "published": pd.Timestamp(r["published"]) if r["published"] else pd.NaT,
            "published_period": r["published_period"],
            "outlet": r["outlet"],
            "url": r["url"],
            "source_path": r["source_path"],
            "text": r["text"],
            "author": r["author"],
            "has_headline": r["has_headline"],
            "n_chars": len(r["text"]),
            "pages": r.get("pages", ""),
            "attachments": r.get("attachments", ""),
        })
    columns = ["article_id", "title", "published", "published_period", "outlet", "url", "source_path", "text", "author", "has_headline", "n_chars", "pages", "attachments"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["published"] = pd.to_datetime(frame["published"])
    return frame


# --------------------------------------------------------------------------- sidecars


def _read_sidecar(path: Path) -> tuple[pd.DataFrame | None, str]:
    import pandas as pd

    data, _, reason = read_file(path)
    if data is None:
        return None, f"metadata file could not be read: {reason}"
    text, _, _ = decode(data)
    if text is None:
        return None, "metadata file could not be read: binary content, not CSV"
    try:
        table = pd.read_csv(io.StringIO(clean_text(normalise_newlines(text))[0]), dtype=str, keep_default_na=False)
    except Exception as error:  # pandas raises several types for bad CSV
        return None, f"metadata file could not be read: {str(error)[:300]}"
    lowered = {c.strip().lower(): c for c in table.columns}
    if any(k in lowered for k in TEXT_KEYS) and path.name.lower() != "metadata.csv":
        return None, "has a text column: read as articles"
    if not any(k in lowered for k in SIDECAR_KEYS):
        return None, Errors.AK005.format(path=str(path))
    return _key_sidecar(table, str(path)), ""


def _key_sidecar(table: pd.DataFrame, name: str) -> pd.DataFrame:
    table.columns = [str(c).strip().lower() for c in table.columns]
    key = next((k for k in SIDECAR_KEYS if k in table.columns), None)
    if key is None:
        raise MetadataError(Errors.AK005.format(path=name))
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
