"""Views: the common joins of the tables, computed one way for every consumer.

The ledger, the explorer, the report, the plots and the notebooks read the tables through
these functions, so that "an actor mention", "the claims about an actor" or "the flags of a
claim" mean the same thing everywhere:

* :func:`actor_mentions` — entity rows that mention an actor in their own right (names
  nested in longer names, "Texas" in "University of Texas", are not mentions of Texas);
* :func:`claims_with_articles` — claims with their article's title, outlet and date;
* :func:`claim_actors` — which actors a claim is about: its source, and the actor mentions
  inside its span (``scope="span"``) or its sentence (``scope="sentence"``);
* :func:`claim_flags` — the integrity flags of a claim: overlapping its span or in its sentence;
* :func:`by_sentence` and :func:`sentence_actors` — rows of a table, and distinct actors,
  per sentence;
* :func:`pairs_inside`, :func:`pairs_overlapping`, :func:`pairs_in_sentence` — the
  vectorised span joins the others are built on (sorted offsets and ``searchsorted`` per
  article: tens of thousands of rows in well under a second).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from .errors import Errors
from .extract.entities import actor_mentions

#: Article columns copied onto every claim by :func:`claims_with_articles`.
ARTICLE_COLUMNS = ("title", "outlet", "published")
_EMPTY = np.zeros(0, dtype=np.int64)
_SHIFT = np.int64(1) << np.int64(32)  # article code in the high bits, offset in the low bits


def claims_with_articles(claims: pd.DataFrame, articles: pd.DataFrame | None, *, columns: Sequence[str] = ARTICLE_COLUMNS) -> pd.DataFrame:
    """``claims`` (a new frame, positional index) with ``columns`` of their article added
    (``published`` as a datetime)."""
    out = claims.reset_index(drop=True)
    if articles is not None and len(out):
        meta = [c for c in columns if c in articles and c not in out]
        if meta:
            lookup = articles.drop_duplicates("article_id").set_index("article_id")[meta]
            joined = lookup.reindex(out["article_id"].to_numpy())
            out = out.assign(**{column: joined[column].to_numpy() for column in meta})
    if "published" in out:
        out = out.assign(published=pd.to_datetime(out["published"], errors="coerce"))
    return out


def claim_actors(claims: pd.DataFrame, entities: pd.DataFrame | None, *, scope: Literal["span", "sentence"] = "span") -> tuple[np.ndarray, np.ndarray]:
    """Which actors each claim is about, as parallel arrays ``(claim row position, actor)``.

    A claim is about an actor when its ``source_actor`` is that actor (the actor says it),
    or when an actor mention (:func:`actor_mentions`) lies inside the claim's span
    (``scope="span"``) or anywhere in its sentence (``scope="sentence"``, looser: it also
    catches the source's own name). Pairs may repeat.
    """
    if scope not in ("span", "sentence"):
        raise ValueError(Errors.AK031.format(scope=scope))
    sources = _str(claims, "source_actor")
    rows = [np.flatnonzero(sources != "")]
    actors = [sources[rows[0]]]
    if entities is not None and len(entities) and "actor" in entities:
        mentions = actor_mentions(entities)
        i, j = pairs_in_sentence(claims, mentions) if scope == "sentence" else pairs_inside(claims, mentions)
        rows.append(i)
        actors.append(mentions["actor"].astype(str).to_numpy()[j])
    return np.concatenate(rows), np.concatenate(actors)


def claim_flags(claims: pd.DataFrame, flags: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The integrity flags of each claim, as parallel arrays ``(claim row position, flag row position)``:
    a flag overlapping the claim's span or lying in its sentence. Pairs may repeat."""
    i1, j1 = pairs_overlapping(claims, flags)
    i2, j2 = pairs_in_sentence(claims, flags)
    return np.concatenate([i1, i2]), np.concatenate([j1, j2])


def by_sentence(frame: pd.DataFrame | None) -> dict[tuple[str, int], list[dict]]:
    """The rows of a table (as dicts, in table order) per ``(article_id, sentence_id)``."""
    out: dict[tuple[str, int], list[dict]] = {}
    if frame is None or not len(frame):
        return out
    for row in frame.to_dict(orient="records"):
        out.setdefault((row["article_id"], int(row["sentence_id"])), []).append(row)
    return out


def sentence_actors(entities: pd.DataFrame | None) -> dict[tuple[str, int], list[str]]:
    """The distinct actors mentioned in each sentence (:func:`actor_mentions`), in text order."""
    out: dict[tuple[str, int], list[str]] = {}
    if entities is None or not len(entities):
        return out
    mentions = actor_mentions(entities)
    for article_id, sentence_id, actor in zip(mentions["article_id"], mentions["sentence_id"], mentions["actor"]):
        found = out.setdefault((article_id, int(sentence_id)), [])
        if actor not in found:
            found.append(actor)
    return out


# ------------------------------------------------------------------- span joins
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


def _str(frame: pd.DataFrame, column: str) -> np.ndarray:
    if column not in frame:
        return np.full(len(frame), "", dtype=object)
    return frame[column].fillna("").astype(str).to_numpy(dtype=object)


__all__ = [
    "ARTICLE_COLUMNS", "actor_mentions", "by_sentence", "claim_actors", "claim_flags", "claims_with_articles", "pairs_in_sentence",
    "pairs_inside", "pairs_overlapping", "sentence_actors",
]
