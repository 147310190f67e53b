"""Export a selection of claims to CSV or Excel.

Text is written exactly as extracted (offsets stay valid). In Excel every string
is stored as a text cell, never as a formula: an article sentence that begins with
``=`` cannot run in the analyst's spreadsheet. (A CSV has no cell types: open it
with the import wizard, not by double-click, if the text may start with ``=``.)
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import Errors

#: The columns exported by default (those present in the frame, in this order).
EXPORT_COLUMNS = [
    "article_id", "title", "outlet", "published", "claim_id", "sentence_id", "start", "end", "text",
    "source_text", "source_actor", "source_type", "source_subtype", "cue", "quote_type", "hedged", "certainty", "note",
]


def export_claims(frame: pd.DataFrame, path: str | Path, *, columns: list[str] | None = None) -> Path:
    """Write ``frame``'s claims to ``path``: ``.csv`` or ``.xlsx`` by its suffix.

    Returns the path written. Raises ``ValueError`` for another suffix.
    """
    path = Path(path)
    wanted = columns or [c for c in EXPORT_COLUMNS if c in frame] or list(frame.columns)
    table = frame[wanted].reset_index(drop=True)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        table.to_csv(path, index=False)
    elif suffix == ".xlsx":
        _write_xlsx(table, path)
    else:
        raise ValueError(Errors.AK030.format(suffix=path.suffix or "a file without suffix"))
    return path


def _write_xlsx(table: pd.DataFrame, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook()
    sheet = book.active
    sheet.title = "claims"
    sheet.append([str(c) for c in table.columns])
    for row_number, row in enumerate(table.itertuples(index=False, name=None), start=2):
        for column_number, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column_number)
            if value is None or (not isinstance(value, str) and pd.isna(value)):
                continue
            if isinstance(value, str):
                cell.value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)  # control characters Excel refuses
                cell.data_type = "s"  # text, even when it starts with "="
            elif isinstance(value, pd.Timestamp):
                cell.value = value.to_pydatetime()
            elif hasattr(value, "item"):  # numpy scalar
                cell.value = value.item()
            else:
                cell.value = value
    sheet.freeze_panes = "A2"
    book.save(path)


__all__ = ["EXPORT_COLUMNS", "export_claims"]
