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
from .base import ArticleDoc, doc_ents, doc_text


def extract_entities(article: ArticleDoc) -> list[dict]:
    """One row per entity mention, plus place names nested in longer names (``nested``)."""
    doc = article.doc
    text = doc_text(doc)
    nested = doc.spans[NESTED_KEY] if NESTED_KEY in doc.spans else ()
    spans = [(e, False) for e in doc_ents(doc)] + [(e, True) for e in nested]
    spans.sort(key=lambda pair: (pair[0].start_char, -pair[0].end_char))
    rows = []
    for ent, is_nested in spans:
        start, end, label = ent.start_char, ent.end_char, ent.label_
        mention = text[start:end]
        rows.append(
            {
                "article_id": article.article_id,
                "sentence_id": article.sentence_id_at(start),
                "start": start,
                "end": end,
                "text": mention,
                "label": label,
                "actor": (ent.kb_id_ or mention) if label in ACTOR_LABELS else "",
                "nested": is_nested,
            }
        )
    return rows
