"""Export a selection of claims to CSV or Excel.

Both formats follow the kit's spreadsheet rule (:mod:`analystkit.io.spreadsheet`):
in Excel every string is a text cell, never a formula (an article sentence that
begins with ``=`` cannot run in the analyst's spreadsheet) and control characters
are replaced; in CSV a text cell that starts like a formula (``= + - @``) gets a
``'`` in front, which :func:`analystkit.io.spreadsheet.read_csv_table` removes again.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import Errors
from ..io.spreadsheet import write_csv, write_xlsx

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
        write_csv(table, path)
    elif suffix == ".xlsx":
        write_xlsx(table, path, sheet="claims", header_style=False)
    else:
        raise ValueError(Errors.AK030.format(suffix=path.suffix or "a file without suffix"))
    return path


__all__ = ["EXPORT_COLUMNS", "export_claims"]
