"""The limits the kit applies to its input, in one place: see them, change them.

A hostile or clumsy file must not take down a batch, so the kit caps what it reads.
Each limit has a default, a setting (an environment variable, so worker processes and
notebook kernels see the same value) and a sentence saying what happens past it:

==========================  ===============================  =============  ==========================================
limit                       setting                          default        past the limit
==========================  ===============================  =============  ==========================================
``max_file_bytes``          ``ANALYSTKIT_MAX_FILE_BYTES``    268,435,456    the file is not read: ``failed`` in the
                                                                            load report, with its size
``max_article_chars``       ``ANALYSTKIT_MAX_ARTICLE_CHARS`` 1,000,000      the article is not loaded: ``failed``,
                                                                            with its length (split it, or raise this)
``csv_field_chars``         ``ANALYSTKIT_CSV_FIELD_CHARS``   1,000,000      the CSV row is ``failed``; the file's
                                                                            other rows are loaded
``max_front_matter_chars``  ``ANALYSTKIT_MAX_FRONT_MATTER``  65,536         the header is not parsed (its lines are
                                                                            still kept out of the text), with a reason
``max_sentence_chars``      ``ANALYSTKIT_MAX_SENTENCE_CHARS`` 2,000         a longer sentence is split at the clause
                                                                            boundary nearest the limit and flagged
``max_fetch_bytes``         ``ANALYSTKIT_MAX_FETCH_BYTES``   20,971,520     a fetched page is not read further: the
                                                                            URL is ``failed``, with the size
==========================  ===============================  =============  ==========================================

In Python::

    ak.limits.current()                          # a table: limit, value, default, setting
    ak.limits.get("max_article_chars")           # one value
    ak.limits.set(max_article_chars=2_000_000)   # for this process and the workers it starts

On the command line, set the environment variable:
``ANALYSTKIT_MAX_ARTICLE_CHARS=2000000 analystkit extract big/ --out tables/``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import settings
from .errors import Errors, SettingError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


@dataclass(frozen=True)
class Limit:
    """One limit: its name, the environment variable that sets it, its default and what it bounds."""

    name: str
    setting: str
    default: int
    unit: str
    what: str


LIMITS: dict[str, Limit] = {
    limit.name: limit
    for limit in (
        Limit("max_file_bytes", "ANALYSTKIT_MAX_FILE_BYTES", 256 * 1024 * 1024, "bytes",
              "largest input file read (a bigger file is reported as failed, not read into memory)"),
        Limit("max_article_chars", "ANALYSTKIT_MAX_ARTICLE_CHARS", 1_000_000, "characters",
              "longest article text loaded (spaCy's own default limit; a longer article is reported as failed)"),
        Limit("csv_field_chars", "ANALYSTKIT_CSV_FIELD_CHARS", 1_000_000, "characters",
              "longest field of a CSV file (a row with a longer field is reported as failed; the other rows load)"),
        Limit("max_front_matter_chars", "ANALYSTKIT_MAX_FRONT_MATTER", 65_536, "characters",
              "longest YAML front matter or key: value header parsed (a longer one is kept out of the text, unread)"),
        Limit("max_sentence_chars", "ANALYSTKIT_MAX_SENTENCE_CHARS", 2_000, "characters",
              "longest sentence parsed as one (a longer one is split at the nearest clause boundary and flagged)"),
        Limit("max_fetch_bytes", "ANALYSTKIT_MAX_FETCH_BYTES", 20 * 1024 * 1024, "bytes",
              "largest web page fetched with fetch=True (a bigger one is reported as failed, not read further)"),
    )
}

_NUMBER = re.compile(r"^\d+(?:[_,]\d{3})*$")


def get(name: str) -> int:
    """The current value of limit ``name`` (its setting if set, else its default).

    Raises:
        KeyError: ``name`` is not a limit (the message lists them).
        SettingError: the setting is not a positive whole number.
    """
    limit = _limit(name)
    raw = settings.setting(limit.setting)
    if not raw:
        return limit.default
    if not _NUMBER.match(raw) or int(re.sub(r"[_,]", "", raw)) <= 0:
        raise SettingError(Errors.AK050.format(setting=limit.setting, value=raw, default=limit.default))
    return int(re.sub(r"[_,]", "", raw))


def set(**values: int | None) -> None:  # noqa: A001 - ``ak.limits.set(...)`` reads best
    """Change limits for this process and every process it starts (``None``: back to the default).

    ``ak.limits.set(max_article_chars=2_000_000, csv_field_chars=None)``
    """
    for name, value in values.items():
        limit = _limit(name)
        if value is None:
            os.environ.pop(limit.setting, None)
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise SettingError(Errors.AK050.format(setting=limit.setting, value=value, default=limit.default))
        os.environ[limit.setting] = str(value)


def current() -> "pd.DataFrame":
    """Every limit with its current value, default, unit, setting and what it bounds."""
    import pandas as pd

    rows = [
        {"limit": l.name, "value": get(l.name), "default": l.default, "unit": l.unit, "setting": l.setting, "what": l.what}
        for l in LIMITS.values()
    ]
    return pd.DataFrame(rows, columns=["limit", "value", "default", "unit", "setting", "what"])


def check() -> None:
    """Raise :class:`~analystkit.errors.SettingError` if any limit's setting is malformed (the CLI calls this first)."""
    for name in LIMITS:
        get(name)


def _limit(name: str) -> Limit:
    try:
        return LIMITS[name]
    except KeyError:
        raise KeyError(Errors.AK051.format(name=name, allowed=", ".join(LIMITS))) from None


__all__ = ["LIMITS", "Limit", "check", "current", "get", "set"]
