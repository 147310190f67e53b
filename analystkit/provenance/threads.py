"""Claim threads: the same claim across articles, in order of publication.

Two claims are the same claim when their contents share most of their content
words (stop words left out, plural and possessive endings stripped so that
"withdrawal" and "withdrawals" match; word order does not matter):
Jaccard similarity of the two word sets at least ``threshold``. A MinHash / LSH
index (``datasketch``) proposes the candidates, so the cost grows near-linearly
with the number of claims.

The names in a claim (capitalised words) count, but the words written in lower
case — what is said about them — must also overlap (Jaccard at least half the
threshold), so that two different statements about the same people do not match.

Claims are taken in order of publication (undated articles last, then corpus
order). Each claim joins the thread whose *first* claim it matches best, or starts
a thread of its own; a thread keeps one claim per article (its closest). Only
threads that reach at least two articles are kept. Comparing every later claim
with the first one (not with its neighbour) keeps a thread from drifting into
another story one small step at a time.

One row per claim in a thread (the ``claim_threads`` table):

* ``thread_id`` — 0-based, threads ordered by their first publication date;
* ``position`` — 0 for the first appearance, then 1, 2, … in order of publication;
* ``article_id``, ``claim_id``, ``published``, ``outlet`` — where and when it appears;
* ``start``, ``end``, ``text`` — the claim's content (``articles.text[start:end] == text``);
* ``source_text``, ``source_type``, ``source_actor``, ``hedged``, ``certainty`` — as in ``claims``;
* ``similarity`` — Jaccard similarity of its content words with the first claim (1.0 for the first);
* ``n_articles`` — articles in the thread;
* ``source_drift`` — how its sourcing compares with the first appearance: ``first``,
  ``same`` (same source, or both in the author's voice), ``changed`` (another source),
  ``dropped`` (the first named a source, this one states it in the author's voice) or
  ``added`` (the first did not, this one does);
* ``certainty_change`` — its certainty minus the first appearance's (negative: more hedged).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ._text import content_words

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

COLUMNS = [
    "thread_id", "position", "article_id", "claim_id", "published", "outlet", "start", "end", "text",
    "source_text", "source_type", "source_actor", "hedged", "certainty", "similarity", "n_articles",
    "source_drift", "certainty_change",
]


def claim_words(text: str) -> frozenset[str]:
    """The content words of a claim, lower-cased, plural and possessive endings stripped."""
    return frozenset(map(_stem, content_words(text)))


def common_words(text: str, words: frozenset[str] | None = None) -> frozenset[str]:
    """The claim's content words written in lower case: what is said, not who it is said about.

    ``words``: :func:`claim_words` of ``text`` when already known."""
    if words is None:
        words = claim_words(text)
    return frozenset(_stem(w.lower()) for w in _WORD.findall(text) if w[:1].islower()) & words


def claim_threads(
    source: Any,
    *,
    threshold: float = 0.5,
    min_words: int = 5,
    num_perm: int = 64,
    seed: int = 1,
) -> "pd.DataFrame":
    """The ``claim_threads`` table (columns in the module docstring).

    Args:
        source: a :class:`~analystkit.corpus.Corpus` or a ``{name: table}`` mapping
            holding ``claims`` and ``articles``.
        threshold: Jaccard similarity of content words at which two claims are the same claim.
        min_words: claims with fewer content words are left out (too short to match safely).
        num_perm: MinHash permutations of the candidate index.
        seed: MinHash seed.
    """
    import numpy
    import pandas as pd
    from datasketch import MinHash, MinHashLSH

    claims, articles = _tables_of(source)
    if claims.empty:
        return pd.DataFrame(columns=COLUMNS)
    meta = articles.set_index("article_id")
    published = pd.to_datetime(meta["published"], errors="coerce") if "published" in meta else pd.Series(pd.NaT, index=meta.index)
    order = {a: i for i, a in enumerate(articles["article_id"])}
    frame = claims.copy()
    frame["_published"] = frame["article_id"].map(published)
    frame["_order"] = frame["article_id"].map(order)
    texts = [str(t) for t in frame["text"]]
    frame["_words"] = words_of = [claim_words(t) for t in texts]
    frame["_common"] = [common_words(t, w) for t, w in zip(texts, words_of)]
    frame = frame[frame["_words"].map(len) >= min_words]
    if frame.empty:
        return pd.DataFrame(columns=COLUMNS)
    frame = frame.assign(_undated=frame["_published"].isna()).sort_values(["_undated", "_published", "_order", "start"], kind="stable")
    lsh = BandIndex(MinHashLSH(threshold=max(0.1, threshold * 0.7), num_perm=num_perm))
    template = MinHash(num_perm=num_perm, seed=seed)
    sketch = MinHash(num_perm=num_perm, seed=seed, permutations=template.permutations, scheme=template.scheme)
    empty = sketch.hashvalues.copy()
    vocabulary = sorted(set().union(*frame["_words"]))
    column = {word: i for i, word in enumerate(vocabulary)}
    matrix = word_hash_values(sketch, vocabulary)  # row i: the hash values of a sketch of word i alone

    firsts: dict[int, tuple[frozenset[str], frozenset[str]]] = {}  # thread -> words of its first claim
    members: dict[int, dict[str, tuple[int, float]]] = {}  # thread -> article -> (row, similarity)
    rows = frame.reset_index(drop=True)
    for k, (words, common, article) in enumerate(zip(rows["_words"], rows["_common"], rows["article_id"].tolist())):
        # The sketch of the claim's words: each hash value the minimum of its words' (what
        # ``update_batch`` of all of them computes), each word hashed once for the corpus.
        sketch.hashvalues = numpy.minimum(empty, matrix[[column[w] for w in words]].min(axis=0))
        bands = lsh.bands(sketch)
        best, best_sim = None, threshold
        for thread in lsh.query(bands):
            first_words, first_common = firsts[thread]
            sim = _jaccard(words, first_words)
            if (common or first_common) and _jaccard(common, first_common) < threshold / 2:
                continue  # the same names, but not the same thing said about them
            if sim >= best_sim and (sim > best_sim or best is None or thread < best):
                best, best_sim = thread, sim
        if best is None:
            thread = len(firsts)
            firsts[thread] = (words, common)
            members[thread] = {article: (k, 1.0)}
            lsh.insert(thread, bands)
            continue
        held = members[best].get(article)
        if held is None or best_sim > held[1]:
            if held is None or held[1] < 1.0:
                members[best][article] = (k, best_sim)
    out = []
    threads = [t for t in sorted(members) if len(members[t]) >= 2]
    # A chosen claim's values read from the columns' arrays (the values ``rows.iloc[k]`` holds,
    # without a pandas row per claim).
    wanted = ["article_id", "claim_id", "_published", "start", "end", "text", "source_text", "source_type", "source_actor", "hedged", "certainty"]
    arrays = {name: rows[name].array for name in wanted if name in rows.columns}

    def row_at(k: int) -> dict[str, Any]:
        return {name: array[k] for name, array in arrays.items()}

    for new_id, thread in enumerate(threads):
        chosen = sorted(members[thread].values(), key=lambda rs: rs[0])
        first = row_at(chosen[0][0])
        for position, (k, sim) in enumerate(chosen):
            row = first if position == 0 else row_at(k)
            out.append({
                "thread_id": new_id, "position": position, "article_id": row["article_id"], "claim_id": row["claim_id"],
                "published": row["_published"], "outlet": meta["outlet"].get(row["article_id"], "") if "outlet" in meta else "",
                "start": int(row["start"]), "end": int(row["end"]), "text": row["text"],
                "source_text": row["source_text"], "source_type": row["source_type"], "source_actor": row["source_actor"],
                "hedged": bool(row["hedged"]) if "hedged" in row else False,
                "certainty": float(row["certainty"]) if "certainty" in row else 1.0,
                "similarity": round(float(sim), 4), "n_articles": len(chosen),
                "source_drift": "first" if position == 0 else source_drift(first, row),
                "certainty_change": round(float(row.get("certainty", 1.0)) - float(first.get("certainty", 1.0)), 4),
            })
    return pd.DataFrame(out, columns=COLUMNS)


#: the names of ``datasketch.minhash`` that :func:`word_hash_values` reproduces ``update_batch`` with
_DATASKETCH_INTERNALS = ("_SCHEME_LEGACY", "_mersenne_prime", "_max_hash", "_fmix", "_SCHEME_WIDTHS")


def word_hash_values(sketch: Any, words: list[str]) -> Any:
    """One row per word: the hash values a ``datasketch.MinHash`` like ``sketch`` (its seed,
    permutations and scheme) holds after ``update_batch`` of that word alone — the arithmetic of
    ``MinHash.update_batch`` done for all words at once instead of one call per word (which cost a
    third of :func:`claim_threads`). The minimum of some words' rows (and the empty sketch) is
    their sketch; ``tests/provenance/test_threads.py`` checks it against the library."""
    import numpy
    from datasketch import minhash as dm

    width = len(sketch.hashvalues)
    if not words:
        return numpy.empty((0, width), dtype=sketch.hashvalues.dtype)
    if not all(hasattr(dm, name) for name in _DATASKETCH_INTERNALS):
        # another datasketch than the one pinned: the library's own call, word by word (slower, the same values)
        rows = []
        for word in words:
            alone = sketch.copy()
            alone.update_batch([word.encode("utf-8")])
            rows.append(alone.hashvalues)
        return numpy.vstack(rows)
    a, b = sketch.permutations
    hashed = [sketch.hashfunc(word.encode("utf-8")) for word in words]
    if sketch.scheme == dm._SCHEME_LEGACY:
        hv = numpy.array(hashed, dtype=numpy.uint64, ndmin=2).T
        values = numpy.bitwise_and((hv * a + b) % dm._mersenne_prime, dm._max_hash)
    else:
        hv = dm._fmix(sketch._hash_input_array(hashed).reshape(-1, 1), dm._SCHEME_WIDTHS[sketch.scheme])
        values = hv * a + b
    return numpy.minimum(values, sketch.hashvalues)


class BandIndex:
    """The candidate index of a ``datasketch.MinHashLSH`` — the same bands of the same rows, so the
    same candidates — kept as one dictionary per band, without the library's per-band storage
    calls (which cost more than the rest of :func:`claim_threads`)."""

    def __init__(self, lsh: Any):
        self.b, self.r = lsh.b, lsh.r  # the library's optimal bands for the threshold
        self.tables: list[dict[bytes, list[Any]]] = [{} for _ in range(self.b)]

    def bands(self, sketch: Any) -> list[bytes]:
        """The key of each band of ``sketch`` (a ``MinHash``): its ``r`` hash values, as bytes."""
        rows = sketch.hashvalues[: self.b * self.r].reshape(self.b, self.r)
        return [row.tobytes() for row in rows]

    def insert(self, key: Any, bands: list[bytes]) -> None:
        for table, band in zip(self.tables, bands):
            table.setdefault(band, []).append(key)

    def query(self, bands: list[bytes]) -> set[Any]:
        """The keys sharing at least one band with ``bands``."""
        found: set[Any] = set()
        for table, band in zip(self.tables, bands):
            keys = table.get(band)
            if keys:
                found.update(keys)
        return found


def source_drift(first: Any, later: Any) -> str:
    """``same``, ``changed``, ``dropped`` or ``added``: the later claim's sourcing against the first's."""
    author_first = str(first["source_type"]) == "author"
    author_later = str(later["source_type"]) == "author"
    if author_first and author_later:
        return "same"
    if author_later:
        return "dropped"
    if author_first:
        return "added"
    same_actor = str(first["source_actor"] or "") and str(first["source_actor"]) == str(later["source_actor"] or "")
    same_words = claim_words(str(first["source_text"])) == claim_words(str(later["source_text"]))
    return "same" if same_actor or same_words else "changed"


def summarise_threads(threads: "pd.DataFrame") -> "pd.DataFrame":
    """One row per thread: first article and date, articles, and how sourcing and certainty drift."""
    import pandas as pd

    if threads.empty:
        return pd.DataFrame(columns=["thread_id", "first_article", "first_published", "n_articles", "first_source_type",
                                     "sources_dropped", "sources_changed", "min_certainty_change", "text"])
    firsts = threads[threads["position"] == 0].set_index("thread_id")
    grouped = threads.groupby("thread_id")
    return pd.DataFrame({
        "thread_id": firsts.index,
        "first_article": firsts["article_id"].values,
        "first_published": firsts["published"].values,
        "n_articles": grouped["article_id"].nunique().reindex(firsts.index).values,
        "first_source_type": firsts["source_type"].values,
        "sources_dropped": grouped["source_drift"].apply(lambda s: int((s == "dropped").sum())).reindex(firsts.index).values,
        "sources_changed": grouped["source_drift"].apply(lambda s: int((s == "changed").sum())).reindex(firsts.index).values,
        "min_certainty_change": grouped["certainty_change"].min().reindex(firsts.index).values,
        "text": firsts["text"].values,
    })


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    word = word[:-2] if word.endswith("'s") else word
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _tables_of(source: Any) -> "tuple[pd.DataFrame, pd.DataFrame]":
    if isinstance(source, dict):
        return source["claims"], source["articles"]
    return source.table("claims"), source.articles


__all__ = ["COLUMNS", "claim_threads", "claim_words", "source_drift", "summarise_threads", "word_hash_values"]
