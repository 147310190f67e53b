"""Filter logic of the explorer: plain Python over the claims table, no widgets.

A :class:`ClaimQuery` says what to keep; :func:`mask_claims` turns it into a
boolean mask over the rows of a :class:`~analystkit.explorer.index.ClaimIndex`
(or of a bare claims DataFrame, for the criteria that only need its columns);
:func:`filter_claims` returns the matching rows and :func:`page_of` one page.

Empty criteria keep everything: ``ClaimQuery()`` matches every claim. Criteria
combine with AND; the values inside one criterion (two actors, say) with OR.

    >>> query = ClaimQuery(actors="Russia", source_types="unnamed", hedged=True)
    >>> filter_claims(index, query)            # every hedged unnamed-source claim about Russia
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from typing import Any

import numpy as np
import pandas as pd

from ..errors import Errors
from .index import ClaimIndex, index_claims

#: The "no filter" value of the widgets' dropdowns.
ALL = "(all)"


@dataclass(frozen=True)
class ClaimQuery:
    """What to keep. Tuples are OR-ed; a single string is taken as a one-item tuple.

    Attributes:
        articles: article ids.
        outlets: outlets (``articles.outlet``).
        published_from: first publication day kept (inclusive).
        published_to: last publication day kept (inclusive).
        actors: claims *about* these actors (source or an entity inside the claim;
            see :mod:`analystkit.explorer.index`).
        source_types: ``named_person``, ``named_organization``, ``unnamed``, ``vague``, ``author``.
        source_actors: claims whose ``source_actor`` is one of these (the speaker only).
        hedged: True for hedged claims only, False for unhedged only, None for both.
        certainty: ``(low, high)``, inclusive, over the claim's ``certainty`` (0-1).
        flag_kinds: claims carrying an integrity flag of one of these kinds.
        search: case-insensitive text that the claim, its source or its cue contains.
    """

    articles: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    published_from: dt.date | None = None
    published_to: dt.date | None = None
    actors: tuple[str, ...] = ()
    source_types: tuple[str, ...] = ()
    source_actors: tuple[str, ...] = ()
    hedged: bool | None = None
    certainty: tuple[float, float] = (0.0, 1.0)
    flag_kinds: tuple[str, ...] = ()
    search: str = ""

    def __post_init__(self) -> None:
        for name in ("articles", "outlets", "actors", "source_types", "source_actors", "flag_kinds"):
            object.__setattr__(self, name, _as_tuple(getattr(self, name)))
        low, high = self.certainty
        if low > high:
            raise ValueError(Errors.AK027.format(low=low, high=high))
        object.__setattr__(self, "certainty", (float(low), float(high)))
        object.__setattr__(self, "search", (self.search or "").strip())

    @property
    def is_empty(self) -> bool:
        """True when the query keeps every claim."""
        return self == ClaimQuery()

    def update(self, **changes: Any) -> ClaimQuery:
        """A copy with some criteria changed: ``query.update(hedged=True)``."""
        return replace(self, **changes)

    def describe(self) -> str:
        """The active criteria in words (``"all claims"`` when there are none)."""
        default = ClaimQuery()
        parts = []
        for item in fields(self):
            value = getattr(self, item.name)
            if value != getattr(default, item.name):
                shown = ", ".join(map(str, value)) if isinstance(value, tuple) and item.name != "certainty" else value
                parts.append(f"{item.name.replace('_', ' ')}: {shown}")
        return "; ".join(parts) if parts else "all claims"


def mask_claims(source: ClaimIndex | pd.DataFrame, query: ClaimQuery | None = None, /, **criteria: Any) -> np.ndarray:
    """A boolean array over the claims: True where a claim matches ``query``.

    ``source`` is a :class:`ClaimIndex` or a claims DataFrame (then ``actors``,
    ``flag_kinds`` and ``published_*`` need the columns / tables only an index
    has; actors fall back to ``source_actor``). Keyword criteria update ``query``.

    Raises:
        ValueError: for ``flag_kinds`` when the corpus has no flags table.
    """
    index = source if isinstance(source, ClaimIndex) else index_claims(source)
    query = (query or ClaimQuery()).update(**criteria) if criteria else (query or ClaimQuery())
    claims = index.claims
    mask = np.ones(len(claims), dtype=bool)
    if not len(claims):
        return mask
    for column, values in (("article_id", query.articles), ("outlet", query.outlets), ("source_type", query.source_types), ("source_actor", query.source_actors)):
        if values:
            mask &= _column(claims, column).isin(values).to_numpy()
    if query.published_from is not None or query.published_to is not None:
        published = pd.to_datetime(_column(claims, "published"), errors="coerce")
        if query.published_from is not None:
            mask &= (published >= pd.Timestamp(query.published_from)).to_numpy()
        if query.published_to is not None:
            mask &= (published < pd.Timestamp(query.published_to) + pd.Timedelta(days=1)).to_numpy()
    if query.hedged is not None:
        mask &= _column(claims, "hedged").fillna(False).astype(bool).to_numpy() == bool(query.hedged)
    low, high = query.certainty
    if (low, high) != (0.0, 1.0):
        certainty = pd.to_numeric(_column(claims, "certainty"), errors="coerce").to_numpy(dtype=float)
        # a small tolerance so that a slider's 0.35 keeps a claim of certainty 0.35000000000000003
        mask &= (certainty >= low - 1e-9) & (certainty <= high + 1e-9)
    if query.actors:
        mask &= _rows_mask(index.actor_rows, tuple(index.actor_name(a) for a in query.actors), len(claims))
    if query.flag_kinds:
        if index.flag_rows is None:
            raise ValueError(Errors.AK028)
        mask &= _rows_mask(index.flag_rows, query.flag_kinds, len(claims))
    if query.search:
        mask &= index.haystack.str.contains(query.search.lower(), regex=False).to_numpy(dtype=bool)
    return mask


def filter_claims(source: ClaimIndex | pd.DataFrame, query: ClaimQuery | None = None, /, **criteria: Any) -> pd.DataFrame:
    """The claims that match ``query`` (and keyword criteria), in table order.

    The index of the result is the claim's row position in the index, so a row
    can be looked up again (:func:`analystkit.explorer.reading.render_claim`).
    """
    index = source if isinstance(source, ClaimIndex) else index_claims(source)
    return index.claims[mask_claims(index, query, **criteria)]


def page_of(frame: pd.DataFrame, page: int, *, size: int = 25) -> pd.DataFrame:
    """Rows ``page * size`` to ``(page + 1) * size`` of ``frame`` (pages count from 0; clamped)."""
    return frame.iloc[clamp_page(page, len(frame), size=size) * size:][:size]


def count_pages(n_rows: int, *, size: int = 25) -> int:
    """How many pages ``n_rows`` fill (at least one, even when empty)."""
    return max(1, -(-n_rows // max(1, size)))


def clamp_page(page: int, n_rows: int, *, size: int = 25) -> int:
    return min(max(0, int(page)), count_pages(n_rows, size=size) - 1)


def _as_tuple(value: str | Iterable[str] | None) -> tuple[str, ...]:
    if value is None or value == ALL or value == "":
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value if v not in (None, "", ALL))


def _column(claims: pd.DataFrame, column: str) -> pd.Series:
    if column not in claims:
        raise ValueError(Errors.AK029.format(column=column))
    return claims[column]


def _rows_mask(rows: dict[str, np.ndarray], keys: tuple[str, ...], n: int) -> np.ndarray:
    mask = np.zeros(n, dtype=bool)
    for key in keys:
        found = rows.get(key)
        if found is not None:
            mask[found] = True
    return mask


__all__ = ["ALL", "ClaimQuery", "clamp_page", "count_pages", "filter_claims", "mask_claims", "page_of"]
