"""Finalisation: the corpus-level step every engine runs after the per-article extraction.

The per-article tables (:mod:`analystkit.extract`) are extracted one article at a time,
in this process, in worker processes or on a Dask cluster. What needs the whole corpus is
done here, once, the same way for every engine:

1. ``articles.n_sentences`` from the sentences table;
2. **actors joined across articles** (:mod:`.links`): a short form one article uses
   ("Putin") becomes the one longer name another article gives ("Vladimir Putin") in
   ``entities.actor``, ``claims.source_actor`` and ``actions.agent`` / ``patient``; a surname
   that fits several people ("Biden") joins, in one article, the one its titles there point to
   ("President Biden" → Joe Biden);
3. **claim certainty** (:mod:`.certainty`): ``claims.hedged`` and ``claims.certainty``
   from the hedges table;
4. the corpus tables: **actors** (:mod:`.actors`), **integrity** (:mod:`.integrity`), and the
   provenance tables **related** (near-duplicate articles) and **claim_threads** (the same claim
   across articles), :mod:`analystkit.provenance`.

Each step makes new frames; no table is changed after it is made. Steps 2 and 3 need only
the corpus's aliases (:func:`corpus_aliases`, from the entities and claims tables) and the rows of one
article, so a distributed engine applies them partition by partition
(:func:`finalise_partition`) and builds the corpus tables at the end (:func:`corpus_tables`).
:func:`finalise` does all of it for tables held in memory.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..schema import TABLES, in_schema_order, typed
from .actors import build_actors_table
from .certainty import claim_certainty
from .integrity import build_integrity_table
from .links import apply_aliases, corpus_aliases

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

def _related(tables: dict[str, "pd.DataFrame"]) -> "pd.DataFrame":
    from ..provenance.related import related_articles  # near-duplicates, from the article texts alone

    return related_articles(tables)


def _claim_threads(tables: dict[str, "pd.DataFrame"]) -> "pd.DataFrame":
    from ..provenance.threads import claim_threads  # the same claim across articles

    return claim_threads(tables)


#: Corpus-level tables: name → function of the finalised tables.
CORPUS_TABLES: dict[str, Callable[[dict[str, "pd.DataFrame"]], "pd.DataFrame"]] = {
    "actors": build_actors_table,
    "integrity": build_integrity_table,
    "related": _related,
    "claim_threads": _claim_threads,
}


@dataclass
class Finalised:
    """Every table of a corpus (``articles``, the per-article tables, the corpus tables), and
    the short actor forms joined across articles."""

    tables: dict[str, "pd.DataFrame"]
    aliases: dict[str, str] = field(default_factory=dict)


def finalise_articles(articles: "pd.DataFrame", sentences: "pd.DataFrame") -> "pd.DataFrame":
    """The articles table: the loaded articles with ``n_sentences``, columns in schema order."""
    import pandas as pd

    counts = sentences.groupby("article_id").size() if len(sentences) else pd.Series(dtype=int)
    out = articles.assign(n_sentences=articles["article_id"].map(counts).fillna(0).astype(int))
    return typed("articles", in_schema_order("articles", out))


def finalise_partition(tables: dict[str, "pd.DataFrame"], aliases: dict[str, str]) -> dict[str, "pd.DataFrame"]:
    """The per-article tables of some articles, finalised: actors joined by ``aliases`` and the
    claims' certainty added. Tables are new frames; the ones given are not changed."""
    out = apply_aliases(tables, aliases)
    if "claims" in out:
        out["claims"] = in_schema_order("claims", claim_certainty(out["claims"], out.get("hedges")))
    return _typed_tables(out)


def corpus_tables(tables: dict[str, "pd.DataFrame"]) -> dict[str, "pd.DataFrame"]:
    """The corpus-level tables (actors, integrity) of finalised tables, with their declared dtypes."""
    return _typed_tables({name: build(tables) for name, build in CORPUS_TABLES.items()})


def finalise(articles: "pd.DataFrame", tables: dict[str, "pd.DataFrame"]) -> Finalised:
    """Every table of a corpus from its loaded articles and its extracted per-article tables."""
    texts = dict(zip(articles["article_id"], articles["text"])) if {"article_id", "text"} <= set(articles.columns) else None
    aliases = corpus_aliases(tables.get("entities"), tables.get("claims"), texts)
    out = {"articles": finalise_articles(articles, tables["sentences"]), **finalise_partition(tables, aliases)}
    out.update(corpus_tables(out))
    return Finalised(out, aliases)


def _typed_tables(tables: dict[str, "pd.DataFrame"]) -> dict[str, "pd.DataFrame"]:
    return {name: typed(name, table) for name, table in tables.items()}


__all__ = ["CORPUS_TABLES", "TABLES", "Finalised", "corpus_aliases", "corpus_tables", "finalise", "finalise_articles", "finalise_partition"]
