"""Spreadsheet safety: the one place where the kit's tables become CSV and Excel files.

Article text is written by strangers. A sentence may begin with ``=`` (a formula), a
title may hold an escape character, a name may read ``@SUM(...)``. Every CSV and
Excel file the kit writes — ``extract --format csv``, ``Corpus.to_files``, the claims
ledger, the explorer's export — goes through this module, and follows one rule:

**Excel (.xlsx).** Every string is stored as a text cell with Excel's quote prefix,
never as a formula or an error value (``=HYPERLINK(...)``, ``#REF!`` stay words).
Characters a worksheet cannot hold (C0 control characters other than tab and
newline, lone surrogates, U+FFFE/U+FFFF) are replaced by U+FFFD, and a cell longer
than Excel's 32,767 characters is cut with a note of how much was cut.

**CSV.** A CSV file has no cell types, so a spreadsheet that opens one evaluates a
cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
(OWASP's "CSV injection"; their full-width forms too). Such a text cell is written
with a ``'`` in front — the character spreadsheets read as "this is text" — and so is
a cell that already starts with ``'`` followed by one of them, so the rule can be
undone exactly: :func:`read_csv_table` (``ak.io.read_csv_table``) removes that one ``'`` again and
gives back the tables as extracted, offsets exact. Numbers, dates and booleans are
written as they are. Parquet files are written unchanged (they have types).

Reading a kit CSV with plain ``pandas.read_csv`` shows the added ``'`` on the few
cells that start with one of those characters; use :func:`read_csv_table`, or Parquet,
when offsets must match to the character.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: First characters that make a spreadsheet read a cell as a formula (OWASP), with their full-width forms.
FORMULA_START = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
#: The character put in front of such a cell in a CSV file.
TEXT_PREFIX = "'"
#: Excel's longest cell.
MAX_CELL_CHARS = 32_767
#: Characters a worksheet (XML 1.0) cannot hold: C0 controls but tab/newline/CR, lone surrogates, U+FFFE/U+FFFF.
ILLEGAL_IN_SHEET = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NEEDS_PREFIX = re.compile("^'*[" + re.escape("".join(sorted(FORMULA_START))) + "]")
_HAS_PREFIX = re.compile("^'+[" + re.escape("".join(sorted(FORMULA_START))) + "]")


# --------------------------------------------------------------------------- one cell


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet would read ``text`` as a formula (it starts with ``= + - @``, tab, CR)."""
    return bool(text) and text[0] in FORMULA_START


def escape_csv_text(text: str) -> str:
    """A text cell as written to CSV: one ``'`` in front when it starts like a formula (see the module docstring).

    Reversible: ``unescape_csv_text(escape_csv_text(s)) == s`` for every string.
    """
    return TEXT_PREFIX + text if _NEEDS_PREFIX.match(text) else text


def unescape_csv_text(text: str) -> str:
    """Undo :func:`escape_csv_text`."""
    return text[1:] if _HAS_PREFIX.match(text) else text


def sheet_text(text: str) -> str:
    """A string as an Excel cell can hold it: illegal characters → U+FFFD, cut at 32,767 characters."""
    text = ILLEGAL_IN_SHEET.sub("\ufffd", text)
    if len(text) > MAX_CELL_CHARS:
        keep = MAX_CELL_CHARS - len(" … [cut: 999,999,999,999 more characters]")
        text = text[:keep] + f" … [cut: {len(text) - keep:,} more characters]"
    return text


def sheet_value(value: Any) -> Any:
    """Any table value as a worksheet can store it: None for missing, plain Python scalars, safe strings."""
    import datetime as dt

    if value is None:
        return None
    if isinstance(value, str):
        return sheet_text(value)
    try:
        import pandas as pd

        missing = pd.isna(value)  # None, NaN, NaT, pd.NA
        if getattr(missing, "ndim", 0) == 0 and bool(missing):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        value = value.to_pydatetime()
    elif hasattr(value, "item") and not isinstance(value, (list, tuple, dict)):  # numpy scalar
        value = value.item()
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        value = value.replace(tzinfo=None)  # Excel has no time zones
    if isinstance(value, (bool, int, float, dt.date, dt.datetime, dt.time)):
        return value
    return sheet_text(str(value))


# --------------------------------------------------------------------------- CSV


def escape_frame(frame: "pd.DataFrame") -> "pd.DataFrame":
    """A copy of ``frame`` with every text cell escaped for CSV (numbers and dates unchanged)."""
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if series.dtype == object or str(series.dtype).startswith("str"):
            out[column] = series.map(lambda v: escape_csv_text(v) if isinstance(v, str) else v).astype(object)
    return out


def write_csv(frame: "pd.DataFrame", path: str | os.PathLike, **options: Any) -> Path:
    """Write ``frame`` to ``path`` as UTF-8 CSV with text cells escaped (the CSV rule, module docstring)."""
    path = Path(path)
    escape_frame(frame).to_csv(path, index=False, encoding="utf-8", errors="replace", **options)
    return path


def read_csv_table(path: str | os.PathLike, **options: Any) -> "pd.DataFrame":
    """Read a CSV file the kit wrote, undoing the CSV rule: text cells come back exactly as extracted.

    Only empty cells are missing values (a sentence that reads "NA" stays "NA").
    """
    import pandas as pd

    options.setdefault("keep_default_na", False)
    options.setdefault("na_values", [""])
    frame = pd.read_csv(path, **options)
    for column in frame.columns:
        if frame[column].dtype == object or str(frame[column].dtype).startswith("str"):
            frame[column] = frame[column].map(lambda v: unescape_csv_text(v) if isinstance(v, str) else v)
    return frame


# --------------------------------------------------------------------------- Excel


def write_xlsx(
    frame: "pd.DataFrame",
    path: str | os.PathLike,
    *,
    sheet: str = "claims",
    widths: Mapping[str, float] | None = None,
    default_width: float | None = None,
    wrapped: Iterable[str] = (),
    header_style: bool = True,
    autofilter: bool = False,
) -> Path:
    """Write ``frame`` to an Excel workbook: strings as text cells (never formulas), frozen header row.

    Written with XlsxWriter in its constant-memory mode: rows are streamed to the file as they
    come (a corpus's ledger of 60,000 claims is written in seconds, in little memory).

    Args:
        widths: column widths in characters by column name; others get ``default_width``
            (or Excel's default when None).
        wrapped: columns whose text wraps.
        header_style: a bold, grey header row.
        autofilter: filter buttons on the header row.
    """
    import datetime as dt

    import xlsxwriter

    path = Path(path)
    options = {"constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False, "nan_inf_to_errors": True}
    book = xlsxwriter.Workbook(str(path), options)
    try:
        ws = book.add_worksheet(_sheet_name(sheet))
        columns = [str(c) for c in frame.columns]
        wrap = set(wrapped)
        aligned = widths is not None or bool(wrap)
        formats: dict[tuple[Any, ...], Any] = {}

        def style(name: str, *, quote: bool = False, number_format: str | None = None, header: bool = False) -> Any:
            """One format object per combination (XlsxWriter shares it between cells)."""
            key = (name in wrap, quote, number_format, header)
            if key not in formats:
                properties: dict[str, Any] = {}
                if header:
                    properties.update(bold=True, bg_color="#DDDDDD", pattern=1, valign="top", text_wrap=True)
                elif aligned:
                    properties.update(valign="top", text_wrap=name in wrap)
                if quote:
                    properties["quote_prefix"] = True  # Excel keeps it text even when the cell is edited
                if number_format:
                    properties["num_format"] = number_format
                formats[key] = book.add_format(properties) if properties else None
            return formats[key]

        for index, name in enumerate(columns):
            width = (widths or {}).get(name, default_width)
            if width is not None:
                ws.set_column(index, index, width)
        ws.freeze_panes(1, 0)
        if autofilter:
            ws.autofilter(0, 0, max(1, len(frame)), max(0, len(columns) - 1))
        for index, name in enumerate(columns):
            text = sheet_text(name)
            ws.write_string(0, index, text, style(name, quote=_quoted(text), header=header_style))
        plain = [style(name) for name in columns]
        for row_number, row in enumerate(frame.itertuples(index=False, name=None), start=1):
            for index, value in enumerate(row):
                value = sheet_value(value)
                if value is None:
                    continue  # an empty cell is not written
                if isinstance(value, str):
                    ws.write_string(row_number, index, value, style(columns[index], quote=True) if _quoted(value) else plain[index])
                elif isinstance(value, bool):
                    ws.write_boolean(row_number, index, value, plain[index])
                elif isinstance(value, (int, float)):
                    ws.write_number(row_number, index, value, plain[index])
                elif isinstance(value, dt.datetime):
                    ws.write_datetime(row_number, index, value, style(columns[index], number_format="yyyy-mm-dd hh:mm:ss"))
                elif isinstance(value, dt.date):
                    ws.write_datetime(row_number, index, value, style(columns[index], number_format="yyyy-mm-dd"))
                elif isinstance(value, dt.time):
                    ws.write_datetime(row_number, index, value, style(columns[index], number_format="hh:mm:ss"))
                else:  # pragma: no cover - sheet_value returns only the types above
                    ws.write_string(row_number, index, sheet_text(str(value)), plain[index])
    finally:
        book.close()
    return path


def _sheet_name(name: str) -> str:
    """A worksheet name Excel accepts: at most 31 characters, none of ``[]:*?/\\``."""
    return re.sub(r"[\[\]:*?/\\]", "_", sheet_text(name))[:31].strip("'") or "sheet"


def _quoted(text: str) -> bool:
    """True when a text cell needs Excel's quote prefix: it reads like a formula or an error value."""
    return is_formula_like(text) or text.startswith("#")


__all__ = [
    "FORMULA_START", "MAX_CELL_CHARS", "TEXT_PREFIX", "escape_csv_text", "escape_frame", "is_formula_like",
    "read_csv_table", "sheet_text", "sheet_value", "unescape_csv_text", "write_csv", "write_xlsx",
]
