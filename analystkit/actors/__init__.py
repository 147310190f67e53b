"""Actors: who a mention refers to, from maintained gazetteers and curated aliases."""

from .gazetteer import capital_of, gazetteer, lookup, normalise
from .linking import ACTOR_LABELS, clean_mention, link_actors

__all__ = ["ACTOR_LABELS", "capital_of", "clean_mention", "gazetteer", "link_actors", "lookup", "normalise"]
