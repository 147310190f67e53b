"""Joining an actor's short forms across the articles of a corpus.

Within an article, "Putin" after "Vladimir Putin" already becomes Vladimir Putin
(:mod:`analystkit.nlp.linking`). Across articles, one text may say only "Putin"
and another "Vladimir Putin", one "Scientology" and another "Church of Scientology".
After extraction, :func:`corpus_aliases` finds such short forms and :func:`apply_aliases` rewrites them to the one
longer actor name of the same kind that the corpus contains:

* a one-word person actor ("Putin") → the only multi-word person actor whose last
  word it is ("Vladimir Putin"); if the corpus knows two (two Smiths), it stays;
* a shorter organisation actor → the only longer organisation actor that ends with
  its words ("Scientology" → "Church of Scientology"; not "Senate" → "Senate
  Foreign Relations Committee", a part of it); title words ("President") never join, nor
  does a person actor that is only a role ("President" is no short form of "Vice President");
* names the gazetteer knows (states, places, curated aliases) are never rewritten.

A surname the corpus never shows with a first name stays as written (the seed's
"Shoigu"). The rewrite applies to ``entities.actor``, ``claims.source_actor`` and
the agent / patient of ``actions`` consistently.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..extract.entities import actor_mentions
from ..nlp.titles import PORTFOLIO_WORDS, ROLE_NOUNS, TITLE_WORDS
from ..vocab.gazetteer import lookup

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: Columns holding canonical actors, by table.
ACTOR_COLUMNS = {"entities": ("actor",), "claims": ("source_actor",), "actions": ("agent", "patient")}


def looks_like_full_name(words: list[str]) -> bool:
    """Two to four capitalised words ("Vladimir Putin", "Antony J. Blinken"), not a
    misparsed title such as "National Co-Chair of Women for Biden"."""
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def _is_role(words: list[str]) -> bool:
    """Words that are all title, role or portfolio words: a role ("President", "Vice President"),
    not a name: no role is the short or the full form of another."""
    return all(w.lower() in TITLE_WORDS | ROLE_NOUNS | PORTFOLIO_WORDS for w in words)


def corpus_aliases(entities: "pd.DataFrame") -> dict[str, str]:
    """Short actor name → the one longer actor name it stands for in this corpus."""
    if entities is None or not len(entities) or "actor" not in entities:
        return {}
    named = actor_mentions(entities)
    persons = sorted(set(named.loc[named.label == "PERSON", "actor"]))
    organisations = sorted(set(named.loc[named.label == "ORG", "actor"]))
    aliases: dict[str, str] = {}
    by_surname: dict[str, set[str]] = {}
    for full in persons:
        words = full.split()
        if looks_like_full_name(words) and not _is_role(words):
            by_surname.setdefault(words[-1], set()).add(full)
    for name in persons:
        if " " in name or lookup(name) is not None or _is_role([name]):
            continue
        matches = by_surname.get(name, set())
        if len(matches) == 1:
            aliases[name] = next(iter(matches))
    # Longer organisation names indexed by each of their proper word-suffixes.
    by_suffix: dict[tuple[str, ...], set[str]] = {}
    for full in organisations:
        words = full.split()
        for k in range(1, len(words)):
            by_suffix.setdefault(tuple(words[-k:]), set()).add(full)
    for name in organisations:
        words = name.split()
        if lookup(name) is not None or all(w.lower() in TITLE_WORDS for w in words):
            continue
        matches = by_suffix.get(tuple(words), set())
        if len(matches) == 1:
            aliases[name] = next(iter(matches))
    return aliases


def apply_aliases(tables: dict[str, "pd.DataFrame"], aliases: dict[str, str]) -> dict[str, "pd.DataFrame"]:
    """New ``entities``, ``claims`` and ``actions`` frames with each short actor form replaced by
    the longer name it stands for (the tables given are not changed; tables without actor
    columns are returned as they are)."""
    out = dict(tables)
    if not aliases:
        return out
    for table, columns in ACTOR_COLUMNS.items():
        frame = tables.get(table)
        if frame is None or not len(frame):
            continue
        replaced = {
            column: frame[column].map(lambda value: aliases.get(value, value) if isinstance(value, str) else value)
            for column in columns
            if column in frame
        }
        out[table] = frame.assign(**replaced)
    return out


__all__ = ["ACTOR_COLUMNS", "apply_aliases", "corpus_aliases", "looks_like_full_name"]
