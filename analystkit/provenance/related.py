"""Related articles: near-duplicates and derived copies across a corpus.

Each article's text becomes a set of *shingles* (runs of ``k`` consecutive words,
lower-cased); a MinHash sketch of that set goes into a locality-sensitive hash
index (``datasketch.MinHashLSH``), which proposes the pairs whose shingle sets are
likely to overlap. Only proposed pairs are then scored exactly, so the cost grows
near-linearly with the corpus instead of with the number of pairs. Nothing here
needs the spaCy parse: it works from the article texts alone.

One row per related pair (the ``related`` table):

* ``article_a``, ``article_b`` — the pair; ``article_a`` is the earlier one when both
  publication dates are known and differ, else the first in corpus order;
* ``published_a``, ``published_b`` — their publication dates (NaT when unknown);
* ``direction`` — ``a_first`` (``article_a`` was published earlier, so ``article_b``
  may derive from it), ``same_day`` or ``unknown`` (a date is missing);
* ``days_apart`` — days between the two publication dates (NaN when unknown);
* ``jaccard`` — shared shingles / all shingles of the two (0-1): how much of the
  two texts is the same wording;
* ``containment`` — shared shingles / shingles of the shorter text (0-1): how much
  of the shorter one is found in the longer one (a derived excerpt scores high here);
* ``shared`` — number of shared shingles;
* ``relation`` — ``duplicate`` (jaccard >= 0.9: the same text, lightly edited),
  ``near_duplicate`` (>= 0.5), ``derived`` (containment >= 0.7: most of the shorter
  text is in the longer one) or ``overlap`` (a substantial shared passage);
* ``title_a``, ``title_b`` — the titles, for reading.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any


from ._text import words

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: Columns of the ``related`` table, in order.
COLUMNS = [
    "article_a", "article_b", "published_a", "published_b", "direction", "days_apart",
    "jaccard", "containment", "shared", "relation", "title_a", "title_b",
]


def shingles(text: str, *, k: int = 3) -> set[int]:
    """The ``k``-word shingles of ``text``, each as a 32-bit hash (CRC-32 of the words)."""
    found = words(text)
    if len(found) < k:
        return {zlib.crc32(" ".join(found).encode("utf-8"))} if found else set()
    return {zlib.crc32(" ".join(found[i:i + k]).encode("utf-8")) for i in range(len(found) - k + 1)}


def related_articles(
    source: Any,
    *,
    k: int = 3,
    threshold: float = 0.3,
    min_containment: float = 0.7,
    num_perm: int = 128,
    min_shingles: int = 8,
    seed: int = 1,
) -> "pd.DataFrame":
    """Pairs of related articles in a corpus (the ``related`` table; columns in the module docstring).

    Args:
        source: a :class:`~analystkit.corpus.Corpus`, or a DataFrame with ``article_id``
            and ``text`` (and optionally ``published`` and ``title``), or a ``{name: table}``
            mapping holding ``articles``.
        k: words per shingle (3 keeps a copy with one word in ten swapped well above the threshold).
        threshold: the Jaccard similarity of shingle sets above which a pair is kept; the LSH
            index is tuned to it, and every proposed pair is re-scored exactly.
        min_containment: a pair below ``threshold`` is still kept when this share of the
            shorter text's shingles is in the longer one (a derived excerpt).
        num_perm: MinHash permutations (more: fewer missed pairs, slower).
        min_shingles: articles with fewer shingles than this are left out (too short to tell).
        seed: MinHash seed (results are deterministic for a given seed).
    """
    import pandas as pd
    from datasketch import MinHash, MinHashLSH

    articles = _articles_of(source)
    ids = articles["article_id"].astype(str).tolist()
    texts = articles["text"].fillna("").astype(str).tolist()
    sets = [shingles(t, k=k) for t in texts]
    keep = [i for i, s in enumerate(sets) if len(s) >= min_shingles]
    # The LSH proposes pairs above a lower bar than the one kept, so that pairs close to the
    # threshold, and excerpts with a high containment, are not lost to its estimate.
    lsh = MinHashLSH(threshold=max(0.05, min(threshold, 0.9) * 0.6), num_perm=num_perm)
    sketches: dict[int, Any] = {}
    template = MinHash(num_perm=num_perm, seed=seed)
    for i in keep:
        sketch = MinHash(num_perm=num_perm, seed=seed, permutations=template.permutations, scheme=template.scheme)
        sketch.update_batch(_as_bytes(sets[i]))
        sketches[i] = sketch
        lsh.insert(i, sketch)
    pairs: set[tuple[int, int]] = set()
    for i in keep:
        for j in lsh.query(sketches[i]):
            if j != i:
                pairs.add((min(i, j), max(i, j)))
    published = pd.to_datetime(articles["published"], errors="coerce") if "published" in articles else pd.Series(pd.NaT, index=articles.index)
    titles = articles["title"].fillna("").astype(str).tolist() if "title" in articles else [""] * len(ids)
    rows = []
    for i, j in sorted(pairs):
        shared = len(sets[i] & sets[j])
        jaccard = shared / len(sets[i] | sets[j])
        containment = shared / min(len(sets[i]), len(sets[j]))
        if jaccard < threshold and containment < min_containment:
            continue
        a, b = i, j
        pa, pb = published.iloc[i], published.iloc[j]
        if pd.notna(pa) and pd.notna(pb):
            if pb < pa:
                a, b, pa, pb = j, i, pb, pa
            direction = "same_day" if pa.normalize() == pb.normalize() else "a_first"
            days = float((pb.normalize() - pa.normalize()).days)
        else:
            direction, days = "unknown", float("nan")
        rows.append({
            "article_a": ids[a], "article_b": ids[b], "published_a": pa, "published_b": pb,
            "direction": direction, "days_apart": days, "jaccard": round(jaccard, 4),
            "containment": round(containment, 4), "shared": shared,
            "relation": relation_of(jaccard, containment, min_containment=min_containment),
            "title_a": titles[a], "title_b": titles[b],
        })
    frame = pd.DataFrame(rows, columns=COLUMNS)
    if len(frame):
        frame = frame.sort_values(["jaccard", "containment", "article_a", "article_b"], ascending=[False, False, True, True]).reset_index(drop=True)
    return frame


def relation_of(jaccard: float, containment: float, *, min_containment: float = 0.7) -> str:
    """``duplicate``, ``near_duplicate``, ``derived`` or ``overlap`` (see the module docstring)."""
    if jaccard >= 0.9:
        return "duplicate"
    if jaccard >= 0.5:
        return "near_duplicate"
    if containment >= min_containment:
        return "derived"
    return "overlap"


def similarity(text_a: str, text_b: str, *, k: int = 3) -> dict[str, float]:
    """Exact ``jaccard`` and ``containment`` of two texts' shingle sets (no index)."""
    a, b = shingles(text_a, k=k), shingles(text_b, k=k)
    if not a or not b:
        return {"jaccard": 0.0, "containment": 0.0, "shared": 0}
    shared = len(a & b)
    return {"jaccard": shared / len(a | b), "containment": shared / min(len(a), len(b)), "shared": shared}


def _as_bytes(values: Iterable[int]) -> list[bytes]:
    return [int(v).to_bytes(4, "little") for v in values]


def _articles_of(source: Any) -> "pd.DataFrame":
    """The articles (id, text, published, title) of a corpus, a table mapping or a DataFrame.

    A corpus whose tables are not extracted yet is read without running the parser.
    """
    import pandas as pd

    if isinstance(source, pd.DataFrame):
        frame = source
    elif isinstance(source, dict):
        frame = source["articles"]
    else:
        frame = _corpus_articles(source)
    missing = {"article_id", "text"} - set(frame.columns)
    if missing:
        from ..errors import Errors

        raise ValueError(Errors.AK060.format(missing=", ".join(sorted(missing))))
    return frame.reset_index(drop=True)


def _corpus_articles(corpus: Any) -> "pd.DataFrame":
    # The loaded articles, before (or after) extraction: the loader's own frame when the
    # tables are not built yet, so related-article detection never waits for the parser.
    if getattr(corpus, "_tables", None) is not None:
        return corpus.articles
    raw = getattr(corpus, "_articles", None)
    return raw if raw is not None else corpus.articles


__all__ = ["COLUMNS", "related_articles", "relation_of", "shingles", "similarity"]
