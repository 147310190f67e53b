"""The ``entities`` table: named entities with their canonical actor.

Columns: ``article_id, sentence_id, start, end, text, label, actor``.
Labels are spaCy's (PERSON, ORG, GPE, LOC, NORP, FAC, DATE, …) after the kit's
corrections (:mod:`analystkit.nlp.entities`); ``actor`` is set for actor labels
(:data:`analystkit.actors.ACTOR_LABELS`) by :mod:`analystkit.actors.linking`
and empty for dates, numbers and the like.
"""

from __future__ import annotations

from ..actors.linking import ACTOR_LABELS
from .base import ArticleDoc


def extract_entities(article: ArticleDoc) -> list[dict]:
    rows = []
    for ent in article.doc.ents:
        rows.append(
            {
                "article_id": article.article_id,
                "sentence_id": article.sentence_id_at(ent.start_char),
                "start": ent.start_char,
                "end": ent.end_char,
                "text": ent.text,
                "label": ent.label_,
                "actor": (ent.kb_id_ or ent.text) if ent.label_ in ACTOR_LABELS else "",
            }
        )
    return rows
