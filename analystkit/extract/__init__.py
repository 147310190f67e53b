"""Extractors: one module per table, each a function ``ArticleDoc -> list[dict]``.

The registry :data:`EXTRACTORS` says which function fills which table, in the
order they run over each parsed article (one ``nlp.pipe`` pass per corpus).
Later issues add ``claims``, ``hedges`` and ``actions`` here.
"""

from __future__ import annotations

from collections.abc import Callable

from .actions import extract_actions
from .base import ArticleDoc, Sentence
from .claims import extract_claims
from .entities import extract_entities
from .flags import extract_flags
from .hedges import extract_hedges
from .sentences import extract_sentences, is_fragment
from .timeline import extract_timeline

Extractor = Callable[[ArticleDoc], list[dict]]

#: table name → extractor, in run order.
EXTRACTORS: dict[str, Extractor] = {
    "sentences": extract_sentences,
    "entities": extract_entities,
    "claims": extract_claims,
    "hedges": extract_hedges,
    "actions": extract_actions,
    "timeline": extract_timeline,
    "flags": extract_flags,
}


def register_extractor(table: str, extractor: Extractor) -> None:
    """Add (or replace) the extractor that fills ``table``."""
    EXTRACTORS[table] = extractor


__all__ = ["EXTRACTORS", "ArticleDoc", "Extractor", "Sentence", "extract_actions", "extract_claims", "extract_entities", "extract_flags", "extract_hedges", "extract_sentences", "extract_timeline", "is_fragment", "register_extractor"]
