"""The explorer's precomputed index: claims with their article, actors and flags.

Built once per corpus (:func:`index_claims`), so that filtering never re-reads
article text: every filter is a boolean mask over the claims table.

**Which claims are "about" an actor.** A claim is about an actor when

* its ``source_actor`` is that actor (the actor says it), or
* an entity linked to that actor (``entities.actor``) lies inside the claim's
  span, ``start <= entity.start`` and ``entity.end <= end`` (the claim talks
  about it). With ``scope="sentence"`` an entity anywhere in the claim's
  sentence counts instead (looser: it also catches the source's own name).

**Which flags a claim carries.** An integrity flag (table ``flags``) belongs to a
claim when its span overlaps the claim's span or it lies in the claim's sentence.

Both joins are vectorised (sorted offsets and ``searchsorted`` per article), so
indexing tens of thousands of claims takes well under a second.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from ..errors import Errors

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Corpus

#: Tables the explorer reads; only ``claims`` is required.
TABLES = ("articles", "claims", "entities", "hedges", "sentences", "flags")
#: Article columns copied onto every claim row.
ARTICLE_COLUMNS = ("title", "outlet", "published")
_EMPTY = np.zeros(0, dtype=np.int64)
_SHIFT = np.int64(1) << np.int64(32)  # article code in the high bits, offset in the low bits


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
        claims = self.claims
        rows = [np.flatnonzero(_str(claims, "source_actor") != "")]
        actors = [_str(claims, "source_actor")[rows[0]]]
        entities = self.tables.get("entities")
        if entities is not None and len(entities) and "actor" in entities:
            entities = entities[entities["actor"].fillna("").astype(str) != ""]
            if self.scope == "sentence":
                i, j = pairs_in_sentence(claims, entities)
            else:
                i, j = pairs_inside(claims, entities)
            rows.append(i)
            actors.append(entities["actor"].astype(str).to_numpy()[j])
        return _group(np.concatenate(rows), np.concatenate(actors))

    @cached_property
    def flag_rows(self) -> dict[str, np.ndarray] | None:
        """flag kind → sorted row positions of the claims carrying it; None without a flags table."""
        flags = self.tables.get("flags")
        if flags is None or "kind" not in flags:
            return None
        if flags.empty:
            return {}
        i1, j1 = pairs_overlapping(self.claims, flags)
        i2, j2 = pairs_in_sentence(self.claims, flags)
        kinds = flags["kind"].astype(str).to_numpy()
        return _group(np.concatenate([i1, i2]), np.concatenate([kinds[j1], kinds[j2]]))

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
    claims = tables["claims"].reset_index(drop=True)
    articles = tables.get("articles")
    if articles is not None and len(claims):
        meta = [c for c in ARTICLE_COLUMNS if c in articles and c not in claims]
        if meta:
            lookup = articles.drop_duplicates("article_id").set_index("article_id")[meta]
            joined = lookup.reindex(claims["article_id"].to_numpy())
            for column in meta:
                claims[column] = joined[column].to_numpy()
    if "published" in claims:
        claims["published"] = pd.to_datetime(claims["published"], errors="coerce")
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


# ------------------------------------------------------------------- joins
def pairs_inside(outer: pd.DataFrame, inner: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Row pairs ``(i, j)``: span ``inner[j]`` lies inside span ``outer[i]`` of the same article.

    Both frames need ``article_id``, ``start`` and ``end``; positions are positional.
    """
    return _pairs(outer, inner, overlap=False)


def pairs_overlapping(outer: pd.DataFrame, inner: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Row pairs ``(i, j)``: span ``inner[j]`` shares at least one character with ``outer[i]``."""
    return _pairs(outer, inner, overlap=True)


def pairs_in_sentence(outer: pd.DataFrame, inner: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Row pairs ``(i, j)`` in the same article and sentence (``sentence_id``)."""
    if "sentence_id" not in outer or "sentence_id" not in inner or not len(outer) or not len(inner):
        return _EMPTY, _EMPTY
    left = pd.DataFrame({"article_id": outer["article_id"].to_numpy(), "sentence_id": outer["sentence_id"].to_numpy(), "i": np.arange(len(outer))})
    right = pd.DataFrame({"article_id": inner["article_id"].to_numpy(), "sentence_id": inner["sentence_id"].to_numpy(), "j": np.arange(len(inner))})
    merged = left.merge(right, on=["article_id", "sentence_id"])
    return merged["i"].to_numpy(np.int64), merged["j"].to_numpy(np.int64)


def _pairs(outer: pd.DataFrame, inner: pd.DataFrame, *, overlap: bool) -> tuple[np.ndarray, np.ndarray]:
    if not len(outer) or not len(inner):
        return _EMPTY, _EMPTY
    ids = pd.Index(pd.concat([outer["article_id"], inner["article_id"]], ignore_index=True).astype(str).unique())
    out_code = ids.get_indexer(outer["article_id"].astype(str)).astype(np.int64)
    in_code = ids.get_indexer(inner["article_id"].astype(str)).astype(np.int64)
    out_start, out_end = outer["start"].to_numpy(np.int64), outer["end"].to_numpy(np.int64)
    in_start, in_end = inner["start"].to_numpy(np.int64), inner["end"].to_numpy(np.int64)
    valid = in_start >= 0
    keys = np.where(valid, in_code * _SHIFT + np.clip(in_start, 0, None), -1)
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    reach = int((in_end - in_start)[valid].max()) if overlap and valid.any() else 0
    lo = np.searchsorted(sorted_keys, out_code * _SHIFT + np.clip(out_start - reach, 0, None), side="left")
    hi = np.searchsorted(sorted_keys, out_code * _SHIFT + np.clip(out_end, 0, None), side="left")
    hi = np.maximum(hi, lo)
    counts = hi - lo
    total = int(counts.sum())
    if total == 0:
        return _EMPTY, _EMPTY
    i = np.repeat(np.arange(len(outer), dtype=np.int64), counts)
    offsets = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
    j = order[np.repeat(lo, counts) + offsets]
    if overlap:
        keep = (in_end[j] > out_start[i]) & (in_start[j] < out_end[i]) & (in_end[j] > in_start[j])
    else:
        keep = (in_start[j] >= out_start[i]) & (in_end[j] <= out_end[i])
    keep &= valid[j]
    return i[keep], j[keep]


def _group(rows: np.ndarray, labels: np.ndarray) -> dict[str, np.ndarray]:
    if not len(rows):
        return {}
    frame = pd.DataFrame({"row": rows.astype(np.int64), "label": labels.astype(str)}).drop_duplicates()
    values = frame["row"].to_numpy()
    return {str(label): np.sort(values[positions]) for label, positions in frame.groupby("label", sort=True).indices.items()}


def _str(frame: pd.DataFrame, column: str) -> np.ndarray:
    if column not in frame:
        return np.full(len(frame), "", dtype=object)
    return frame[column].fillna("").astype(str).to_numpy(dtype=object)


__all__ = ["ClaimIndex", "index_claims", "pairs_in_sentence", "pairs_inside", "pairs_overlapping"]
