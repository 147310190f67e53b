"""The explorer's precomputed index: claims with their article, actors and flags.

Built once per corpus (:func:`index_claims`), so that filtering never re-reads
article text: every filter is a boolean mask over the claims table.

**Which claims are "about" an actor.** A claim is about an actor when

* its ``source_actor`` is that actor (the actor says it), or
* a mention of that actor (:func:`analystkit.views.actor_mentions`: names nested
  in longer names do not count) lies inside the claim's span, ``start <=
  entity.start`` and ``entity.end <= end`` (the claim talks about it). With
  ``scope="sentence"`` a mention anywhere in the claim's sentence counts instead
  (looser: it also catches the source's own name).

**Which flags a claim carries.** An integrity flag (table ``flags``) belongs to a
claim when its span overlaps the claim's span or it lies in the claim's sentence.

Both joins are :mod:`analystkit.views` (vectorised: sorted offsets and
``searchsorted`` per article), so indexing tens of thousands of claims takes well
under a second.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from ..errors import Errors
from ..views import (
    claim_actors,
    claim_flags,
    claims_with_articles,
    pairs_in_sentence,
    pairs_inside,
    pairs_overlapping,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Corpus

#: Tables the explorer reads; only ``claims`` is required.
TABLES = ("articles", "claims", "entities", "hedges", "sentences", "flags")


@dataclass(eq=False)
class ClaimIndex:
    """Claims (one row per claim, positional index) plus what the filters need.

    ``claims`` carries the claim columns and the article's ``title``, ``outlet``
    and ``published``; its index is the row position (``0..n-1``), which is what
    :attr:`actor_rows` and :attr:`flag_rows` hold.
    """

    claims: pd.DataFrame
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    scope: str = "span"

    # ------------------------------------------------------------ precomputed
    @cached_property
    def actor_rows(self) -> dict[str, np.ndarray]:
        """actor → sorted row positions of the claims about it (see module doc)."""
        rows, actors = claim_actors(self.claims, self.tables.get("entities"), scope=self.scope)  # type: ignore[arg-type]
        return _group(rows, actors)

    @cached_property
    def flag_rows(self) -> dict[str, np.ndarray] | None:
        """flag kind → sorted row positions of the claims carrying it; None without a flags table."""
        flags = self.tables.get("flags")
        if flags is None or "kind" not in flags:
            return None
        if flags.empty:
            return {}
        rows, found = claim_flags(self.claims, flags)
        return _group(rows, flags["kind"].astype(str).to_numpy()[found])

    @cached_property
    def haystack(self) -> pd.Series:
        """Lower-cased claim text, source and cue: what the free-text search looks in."""
        claims = self.claims
        text = claims["text"].fillna("").astype(str) if "text" in claims else pd.Series("", index=claims.index)
        for column in ("source_text", "cue"):
            if column in claims:
                text = text + " \u241f " + claims[column].fillna("").astype(str)
        return text.str.lower().reset_index(drop=True)

    @cached_property
    def texts(self) -> dict[str, str]:
        """article_id → text (empty without an articles table)."""
        articles = self.tables.get("articles")
        if articles is None or "text" not in articles:
            return {}
        return dict(zip(articles["article_id"].astype(str), articles["text"].astype(str)))

    def rows_of(self, table: str, article_id: str) -> pd.DataFrame:
        """The rows of ``table`` for one article (empty when the table is missing)."""
        frame = self.tables.get(table)
        if frame is None or frame.empty:
            return pd.DataFrame()
        positions = self._by_article(table).get(article_id)
        return frame.iloc[positions] if positions is not None else frame.iloc[0:0]

    def _by_article(self, table: str) -> dict[str, np.ndarray]:
        cache = self.__dict__.setdefault("_article_positions", {})
        if table not in cache:
            cache[table] = self.tables[table].groupby("article_id", sort=False).indices
        return cache[table]

    # --------------------------------------------------------------- options
    @property
    def has_flags(self) -> bool:
        return self.flag_rows is not None

    def actors(self) -> list[str]:
        """Actors with at least one claim, most claims first (then by name)."""
        counts = sorted(((-len(rows), name) for name, rows in self.actor_rows.items()))
        return [name for _, name in counts]

    def actor_name(self, name: str) -> str:
        """The actor as spelled in the index: exact, else the one that matches ignoring case."""
        if name in self.actor_rows:
            return name
        folded = self.__dict__.get("_folded_actors")
        if folded is None:
            folded = self.__dict__["_folded_actors"] = {a.casefold(): a for a in sorted(self.actor_rows, reverse=True)}
        return folded.get(name.strip().casefold(), name)

    def values(self, column: str) -> list[str]:
        """The distinct non-empty values of a claims column, sorted."""
        if column not in self.claims:
            return []
        return sorted(v for v in self.claims[column].dropna().astype(str).unique() if v)

    def warm(self) -> ClaimIndex:
        """Compute every lazy part now (the app does, so that no filter pays for it)."""
        self.actor_rows, self.flag_rows, self.haystack, self.texts  # noqa: B018
        return self

    def __len__(self) -> int:
        return len(self.claims)

    def __repr__(self) -> str:
        return f"<ClaimIndex: {len(self.claims)} claims, {self.claims['article_id'].nunique() if len(self.claims) else 0} articles>"


def index_claims(source: "Corpus | Mapping[str, pd.DataFrame] | pd.DataFrame", *, scope: Literal["span", "sentence"] = "span") -> ClaimIndex:
    """Index a corpus (or its tables, or a bare claims table) for filtering.

    ``source`` is a :class:`~analystkit.Corpus`, a mapping of table name →
    DataFrame (``claims`` required; ``articles``, ``entities``, ``hedges``,
    ``sentences`` and ``flags`` used when present) or a claims DataFrame.
    ``scope`` sets the actor rule (module doc).
    """
    if scope not in ("span", "sentence"):
        raise ValueError(Errors.AK031.format(scope=scope))
    tables = _tables_of(source)
    if "claims" not in tables:
        raise ValueError(Errors.AK032)
    claims = claims_with_articles(tables["claims"], tables.get("articles"))
    return ClaimIndex(claims=claims, tables=tables, scope=scope)


def _tables_of(source: Any) -> dict[str, pd.DataFrame]:
    if isinstance(source, pd.DataFrame):
        return {"claims": source}
    if isinstance(source, Mapping):
        return {name: frame for name, frame in source.items() if isinstance(frame, pd.DataFrame)}
    names = set(getattr(source, "table_names", ()))
    tables: dict[str, pd.DataFrame] = {}
    for name in TABLES:
        if name == "articles" or name in names:
            try:
                tables[name] = source.table(name)
            except KeyError:  # an optional table another issue has not added
                continue
    return tables


def _group(rows: np.ndarray, labels: np.ndarray) -> dict[str, np.ndarray]:
    if not len(rows):
        return {}
    frame = pd.DataFrame({"row": rows.astype(np.int64), "label": labels.astype(str)}).drop_duplicates()
    values = frame["row"].to_numpy()
    return {str(label): np.sort(values[positions]) for label, positions in frame.groupby("label", sort=True).indices.items()}


__all__ = ["ClaimIndex", "index_claims", "pairs_in_sentence", "pairs_inside", "pairs_overlapping"]
