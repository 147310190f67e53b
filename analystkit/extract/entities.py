"""The ``entities`` table: named entities with their canonical actor.

Columns: ``article_id, sentence_id, start, end, text, label, actor, nested``.
Labels are spaCy's (PERSON, ORG, GPE, LOC, NORP, FAC, DATE, …) after the kit's
corrections (:mod:`analystkit.nlp.entities`); ``actor`` is set for actor labels
(:data:`analystkit.actors.ACTOR_LABELS`) by :mod:`analystkit.actors.linking`
and empty for dates, numbers and the like.
"""

from __future__ import annotations

from ..actors.linking import ACTOR_LABELS
from ..nlp.entities import NESTED_KEY
from .base import ArticleDoc


def extract_entities(article: ArticleDoc) -> list[dict]:
    """One row per entity mention, plus place names nested in longer names (``nested``)."""
    rows = []
    nested = list(article.doc.spans[NESTED_KEY]) if NESTED_KEY in article.doc.spans else []
    for ent in sorted([*article.doc.ents, *nested], key=lambda e: (e.start_char, -e.end_char)):
        rows.append(
            {
                "article_id": article.article_id,
                "sentence_id": article.sentence_id_at(ent.start_char),
                "start": ent.start_char,
                "end": ent.end_char,
                "text": ent.text,
                "label": ent.label_,
                "actor": (ent.kb_id_ or ent.text) if ent.label_ in ACTOR_LABELS else "",
                "nested": ent in nested,
            }
        )
    return rows
