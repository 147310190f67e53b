"""Named sets of spaCy entity labels (OntoNotes scheme), defined once for the whole kit.

Labels are a closed inventory of the model, not vocabulary; each set says which labels a
rule treats alike.
"""

from __future__ import annotations

#: Entity labels whose mentions are actors (they get a canonical ``actor``).
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
#: Actor labels that can act or speak (no places or buildings): hedges' "can" of ability, the timeline's actors.
AGENT_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Labels a collective pronoun ("they", "it") can stand for.
COLLECTIVE_LABELS = frozenset({"ORG", "GPE", "NORP"})
#: Places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Named bodies and places as sources of a claim.
ORGANISATION_SOURCE_LABELS = frozenset({"ORG", "GPE", "FAC", "LOC"})
#: Numbers, dates and quantities: never overridden by the gazetteer.
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
#: Dates, times and counts: a sentence made only of these is a dateline.
TIME_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})
#: Labels of names that may contain a place ("University of Texas", "Medical Journal of Australia").
CONTAINER_LABELS = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})
#: Labels of names whose initials may stand for them ("NSW" for "New South Wales").
ABBREVIATED_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})
#: Labels of mentions that may be a short form of a longer organisation name.
SHORT_FORM_LABELS = frozenset({"ORG", "LOC", "FAC", "NORP"})

__all__ = [
    "ABBREVIATED_LABELS", "ACTOR_LABELS", "AGENT_LABELS", "COLLECTIVE_LABELS", "CONTAINER_LABELS", "NUMERIC_LABELS",
    "ORGANISATION_SOURCE_LABELS", "PLACE_LABELS", "SHORT_FORM_LABELS", "TIME_LABELS",
]
