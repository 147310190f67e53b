"""Provenance: which articles are copies of which, what the copy changed, and how a claim spreads.

* :mod:`.related` — :func:`related_articles`: near-duplicates and derived copies (MinHash/LSH),
  the corpus table ``related``;
* :mod:`.align` — :func:`align_sentences`: one-to-one, split, merged, dropped and added sentences;
* :mod:`.edits` — :func:`classify_edits`: what each edit changes (sources, hedges, dates, numbers,
  actors, negation, fragments, rewording) and its severity;
* :mod:`.compare` — :func:`compare` (``ak.compare``): two versions, aligned, with the edits table;
* :mod:`.threads` — :func:`claim_threads`: the same claim across articles in order of publication,
  the corpus table ``claim_threads``;
* :mod:`.view` — :func:`side_by_side`: the two versions with their edits highlighted (escaped HTML).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from .align import align_sentences, alignment_table
from .edits import KINDS as EDIT_KINDS
from .edits import classify_edits
from .related import related_articles, shingles, similarity
from .threads import claim_threads, summarise_threads
from .view import explain_edits, side_by_side

#: Loaded on first use: :func:`compare` loads texts into a corpus, a layer above this package's tables.
_LAZY = {"compare": "compare", "Comparison": "compare"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(f"{__name__}.{_LAZY[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(name)


__all__ = [
    "EDIT_KINDS", "Comparison", "align_sentences", "alignment_table", "claim_threads", "classify_edits", "compare",
    "explain_edits", "related_articles", "shingles", "side_by_side", "similarity", "summarise_threads",
]
