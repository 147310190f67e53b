"""Extractors: one module per table, each a function ``ArticleDoc -> list[dict]``.

The registry :data:`EXTRACTORS` says which function fills which table, in the
order they run over each parsed article (one ``nlp.pipe`` pass per corpus).
Later issues add ``claims``, ``hedges`` and ``actions`` here.
"""

from __future__ import annotations

from collections.abc import Callable

from .base import ArticleDoc, Sentence
from .entities import extract_entities
from .sentences import extract_sentences, is_fragment

Extractor = Callable[[ArticleDoc], list[dict]]

#: table name → extractor, in run order.
EXTRACTORS: dict[str, Extractor] = {
    "sentences": extract_sentences,
    "entities": extract_entities,
}


def register_extractor(table: str, extractor: Extractor) -> None:
    """Add (or replace) the extractor that fills ``table``."""
    EXTRACTORS[table] = extractor


__all__ = ["EXTRACTORS", "ArticleDoc", "Extractor", "Sentence", "extract_entities", "extract_sentences", "is_fragment", "register_extractor"]
