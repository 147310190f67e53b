"""Extractors: one module per per-article table, and the runner that orders them.

Each extractor module declares the table it writes (``TABLE``), the tables whose rows it
reads (``REQUIRES``) and a function ``ArticleDoc -> list[dict]``. :data:`EXTRACTORS` holds
them; :func:`extraction_order` sorts them so every table comes after the tables it requires,
and :func:`extract_article` runs them over one parsed article, each extractor reading the
rows of the tables before it from ``article.rows`` (never changing them).

========== ====================================== =================================
table      module                                 requires
========== ====================================== =================================
sentences  :mod:`.sentences`                      —
entities   :mod:`.entities`                       —
claims     :mod:`.claims`                         sentences
hedges     :mod:`.hedges`                         claims
actions    :mod:`.actions`                        hedges
timeline   :mod:`.timeline`                       actions
flags      :mod:`.flags` (one module per rule)    sentences, entities, claims, timeline
========== ====================================== =================================

Corpus-level tables and columns (the actors and integrity tables, claim certainty, actors
joined across articles) are made after extraction by :mod:`analystkit.finalise`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..errors import Errors
from ..nlp.doc import ArticleDoc, Sentence
from . import actions, claims, entities, flags, hedges, sentences, timeline
from .actions import extract_actions
from .claims import extract_claims
from .entities import extract_entities
from .flags import extract_flags
from .hedges import extract_hedges
from .sentences import extract_sentences, is_fragment
from .timeline import extract_timeline

ExtractorFunction = Callable[[ArticleDoc], list[dict]]
#: The key under which :func:`extract_article` reports a failed extractor in its result.
ERROR_KEY = "__error__"


@dataclass(frozen=True)
class Extractor:
    """What fills one per-article table: its function and the tables it reads."""

    table: str
    function: ExtractorFunction
    requires: tuple[str, ...] = ()


#: table name → extractor, in registration order.
EXTRACTORS: dict[str, Extractor] = {
    module.TABLE: Extractor(module.TABLE, function, tuple(module.REQUIRES))
    for module, function in (
        (sentences, extract_sentences),
        (entities, extract_entities),
        (claims, extract_claims),
        (hedges, extract_hedges),
        (actions, extract_actions),
        (timeline, extract_timeline),
        (flags, extract_flags),
    )
}


def register_extractor(table: str, function: ExtractorFunction, *, requires: Iterable[str] = ()) -> None:
    """Add (or replace) the extractor that fills ``table``; it runs after the tables it requires."""
    EXTRACTORS[table] = Extractor(table, function, tuple(requires))
    extraction_order()  # fail now, not mid-corpus, on an unknown or circular requirement


def extraction_order(tables: Iterable[str] | None = None) -> list[str]:
    """The tables to extract, each after the tables it requires (registration order otherwise).

    Args:
        tables: the tables wanted (their requirements are added); ``None``: all of them.
    """
    wanted = list(EXTRACTORS) if tables is None else list(tables)
    order: list[str] = []
    visiting: list[str] = []

    def visit(name: str) -> None:
        if name in order:
            return
        if name not in EXTRACTORS:
            raise KeyError(Errors.AK007.format(name=name, allowed=", ".join(EXTRACTORS)))
        if name in visiting:
            raise ValueError(Errors.AK022.format(cycle=" -> ".join([*visiting[visiting.index(name):], name])))
        visiting.append(name)
        for required in EXTRACTORS[name].requires:
            visit(required)
        visiting.pop()
        order.append(name)

    for name in sorted(wanted, key=lambda n: list(EXTRACTORS).index(n) if n in EXTRACTORS else -1):
        visit(name)
    return order


def prepare_articles(articles: Sequence[ArticleDoc], *, tables: Iterable[str] | None = None) -> None:
    """Do ahead, for several parsed articles at once, the work an extractor does much faster in a
    batch: the model's re-tagging of the sentences' fragment candidates
    (:func:`.sentences.prepare_sentences`, when the registered sentences extractor is the kit's).
    Optional: :func:`extract_article` gives the same rows with or without it."""
    sentences_extractor = EXTRACTORS.get("sentences")
    if sentences_extractor is not None and sentences_extractor.function is extract_sentences and "sentences" in extraction_order(tables):
        sentences.prepare_sentences(articles)


def extract_article(article: ArticleDoc, *, tables: Iterable[str] | None = None) -> dict[str, list[dict]]:
    """Run the extractors over one parsed article; return (and keep in ``article.rows``) each table's rows.

    An extractor that raises leaves its table empty for this article, and so do the
    extractors that require it; the result then holds :data:`ERROR_KEY` with what failed,
    and the other tables are complete. Every table indexes the sentences, so when the
    sentences fail the article keeps no rows at all.
    """
    failed: dict[str, str] = {}
    for name in extraction_order(tables):
        extractor = EXTRACTORS[name]
        missing = [r for r in extractor.requires if r in failed]
        if missing:
            article.rows[name] = []
            failed[name] = f"not extracted (needs {', '.join(missing)})"
            continue
        try:
            article.rows[name] = extractor.function(article)
        except Exception as error:  # one bad article must not take the corpus down
            article.rows[name] = []
            failed[name] = f"failed: {type(error).__name__}: {error}"
    if "sentences" in failed:  # every table indexes the sentences: without them the article has no rows
        article.rows = {name: [] for name in article.rows}
    rows = dict(article.rows)
    if failed:
        rows[ERROR_KEY] = "; ".join(f"{name} {why}" for name, why in failed.items())
    return rows


__all__ = [
    "ERROR_KEY", "EXTRACTORS", "ArticleDoc", "Extractor", "ExtractorFunction", "Sentence", "extract_actions", "extract_article",
    "extract_claims", "extract_entities", "extract_flags", "extract_hedges", "extract_sentences", "extract_timeline",
    "extraction_order", "is_fragment", "prepare_articles", "register_extractor",
]
