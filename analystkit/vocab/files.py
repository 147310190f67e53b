"""The one reader of the kit's data files (``analystkit/data/*.csv``) and of analysts' own CSVs.

Data files are CSV with a header row; lines starting with ``#`` (after optional spaces) are
comments that document the file, and blank lines are ignored. Every word list, lexicon and
gazetteer the kit uses is read through :func:`read_rows`, so a file an analyst edits is read
the same way wherever it is used.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from ..errors import Errors

#: The package that holds the kit's data files.
DATA_PACKAGE = "analystkit.data"


def _rows(lines: Iterable[str]) -> list[dict[str, str]]:
    kept = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    return [{(k or "").strip(): (v or "").strip() if isinstance(v, str) else v for k, v in row.items()} for row in csv.DictReader(kept)]


@lru_cache(maxsize=64)
def read_rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of the kit's data file ``name`` (``"titles.csv"``), keys and values stripped."""
    try:
        with resources.files(DATA_PACKAGE).joinpath(name).open(encoding="utf-8") as handle:
            return tuple(_rows(handle))
    except FileNotFoundError as error:
        raise FileNotFoundError(Errors.AK020.format(name=name)) from error


def read_user_rows(path: str | os.PathLike) -> list[dict[str, str]]:
    """The rows of an analyst's own CSV (same format as the kit's data files)."""
    with open(path, encoding="utf-8") as handle:
        return _rows(handle)


def data_path(name: str):
    """The kit's data file ``name`` as a :mod:`importlib.resources` path."""
    return resources.files(DATA_PACKAGE).joinpath(name)


__all__ = ["DATA_PACKAGE", "data_path", "read_rows", "read_user_rows"]
