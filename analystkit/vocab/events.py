"""Event words: ``data/event_lexicon.csv`` (event classes of verbs and nouns, light verbs).

Used by the timeline (which event a date belongs to, and its ``event_key``) and by the
``date_conflict`` and ``dangling_reference`` flags (two words of one event class are one event).
"""

from __future__ import annotations

from functools import lru_cache

from .files import read_rows


@lru_cache(maxsize=1)
def event_lexicon() -> dict[tuple[str, str], str]:
    """(word, pos) → event class; pos is verb, noun or light (class '' for light verbs)."""
    return {(row["word"].lower(), row["pos"]): row["event"] for row in read_rows("event_lexicon.csv")}


def event_class(word: str, pos: str = "verb") -> str:
    """The event class of a verb or noun lemma (the lemma itself when it has none)."""
    word = word.lower()
    return event_lexicon().get((word, pos), word)


def is_light_verb(lemma: str) -> bool:
    """A support verb that takes its object's event ("issue an order")."""
    return (lemma.lower(), "light") in event_lexicon()


__all__ = ["event_class", "event_lexicon", "is_light_verb"]
