"""The ``entities`` table: named entities with their canonical actor.

Columns: ``article_id, sentence_id, start, end, text, label, actor, nested``.
Labels are spaCy's (PERSON, ORG, GPE, LOC, NORP, FAC, DATE, …) after the kit's
corrections (:mod:`analystkit.nlp.entities`); ``actor`` is set for actor labels
(:data:`analystkit.vocab.labels.ACTOR_LABELS`) by :mod:`analystkit.nlp.linking`
and empty for dates, numbers and the like.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nlp.doc import ArticleDoc, doc_ents, doc_text
from ..nlp.spans import NESTED_KEY
from ..nlp.speakers import bare_role_holder
from ..nlp.titles import is_role
from ..vocab.labels import ACTOR_LABELS

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: The table this module writes, and the tables whose rows it reads (:mod:`analystkit.extract`).
TABLE = "entities"
REQUIRES: tuple[str, ...] = ()


def extract_entities(article: ArticleDoc) -> list[dict]:
    """One row per entity mention, plus place names nested in longer names (``nested``)."""
    doc = article.doc
    text = doc_text(doc)
    nested = doc.spans[NESTED_KEY] if NESTED_KEY in doc.spans else ()
    spans = [(e, False) for e in doc_ents(doc)] + [(e, True) for e in nested]
    spans.sort(key=lambda pair: (pair[0].start_char, -pair[0].end_char))
    rows = []
    holders: dict[tuple[str, str], str] = {}
    for ent, is_nested in spans:
        start, end, label = ent.start_char, ent.end_char, ent.label_
        mention = text[start:end]
        actor = (ent.kb_id_ or mention) if label in ACTOR_LABELS else ""
        if actor and is_role(actor):
            # A role nobody in the text holds ("the President", "The Vice President" linked to "President"):
            # the person the heading or article names with it.
            if (actor, mention) not in holders:
                holders[(actor, mention)] = bare_role_holder(actor, mention, doc, article.meta)
            actor = holders[(actor, mention)]
        rows.append(
            {
                "article_id": article.article_id,
                "sentence_id": article.sentence_id_at(start),
                "start": start,
                "end": end,
                "text": mention,
                "label": label,
                "actor": actor,
                "nested": is_nested,
            }
        )
    return rows


def actor_mentions(entities: "pd.DataFrame") -> "pd.DataFrame":
    """The entity rows that mention an actor in their own right: ``actor`` set and not a name
    nested in a longer one ("Texas" in "University of Texas" is no mention of Texas).

    The one definition of an actor mention: the actors table, the cross-article join, the
    claims ledger, the explorer, the report and the plots all count mentions through it
    (:func:`analystkit.views.actor_mentions`).
    """
    keep = entities["actor"].fillna("").astype(str) != ""
    if "nested" in entities.columns:
        keep &= ~entities["nested"].fillna(False).astype(bool)
    return entities[keep]  # one selection: each one copies every column (slow for Arrow strings)


__all__ = ["REQUIRES", "TABLE", "actor_mentions", "extract_entities"]
