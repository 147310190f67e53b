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

* one person's full names written differently ("Joe Biden", "Joseph R. Biden Jr.") → the most
  mentioned of them, when the given names are the same or short and full forms of each other
  (``data/given_names.csv``) and middle names are only initials.

A surname the corpus never shows with a first name stays as written (the seed's
"Shoigu"). The rewrite applies to ``entities.actor``, ``claims.source_actor`` and
the agent / patient of ``actions`` consistently.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..extract.entities import actor_mentions
from ..nlp.titles import TITLE_WORDS, is_role
from ..vocab.gazetteer import lookup
from ..vocab.words import given_name_forms

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: Columns holding canonical actors, by table.
ACTOR_COLUMNS = {"entities": ("actor",), "claims": ("source_actor",), "actions": ("agent", "patient")}


def looks_like_full_name(words: list[str]) -> bool:
    """Two to four capitalised words ("Vladimir Putin", "Antony J. Blinken"), not a
    misparsed title such as "National Co-Chair of Women for Biden"."""
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def _is_role(words: list[str]) -> bool:
    """A role ("President", "Vice President"), not a name: no role is the short or the full form of another."""
    return is_role(" ".join(words))


_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})


def _name_parts(name: str) -> tuple[str, str, tuple[str, ...]] | None:
    """``(given name, surname, middle words)`` of a full person name, in lower case, without a
    generational suffix ("Joseph R. Biden Jr." → joseph, biden, (r.,)); ``None`` for anything else."""
    words = [w.strip(",") for w in name.split()]
    while words and words[-1].lower() in _SUFFIXES:
        words = words[:-1]
    if not looks_like_full_name(words) or _is_role(words):
        return None
    return words[0].lower(), words[-1].lower(), tuple(w.lower() for w in words[1:-1])


def _name_variants(persons: list[str], mentions: dict[str, int]) -> dict[str, str]:
    """One person's full names written differently in different articles → the most mentioned
    one: the same surname, given names that are equal or short and full forms of each other
    (``data/given_names.csv``: "Joe" / "Joseph"), any middle names only initials ("Joe Biden",
    "Joseph R. Biden", "Joseph R. Biden Jr." → one actor). A variant that fits two different
    people ("Tony Smith": Anthony Smith and Antony Smith) is left as written."""
    forms = given_name_forms()
    parts = {name: found for name in persons if (found := _name_parts(name)) is not None}

    def same(a: tuple[str, str, tuple[str, ...]], b: tuple[str, str, tuple[str, ...]]) -> bool:
        given = a[0] == b[0] or b[0] in forms.get(a[0], ())
        initials = all(len(w.rstrip(".")) == 1 for w in a[2] + b[2])
        return a[1] == b[1] and given and (initials or a[2] == b[2])

    by_surname: dict[str, list[str]] = {}
    for name, (_, surname, _) in parts.items():
        by_surname.setdefault(surname, []).append(name)
    aliases: dict[str, str] = {}
    for name, mine in parts.items():
        group = [other for other in by_surname[mine[1]] if same(mine, parts[other])]
        if len(group) < 2:
            continue
        # Every member of the group must be the same person as every other (no two different full names).
        if not all(same(parts[a], parts[b]) for a in group for b in group):
            continue
        best = max(group, key=lambda n: (mentions.get(n, 0), len(n), n))
        if best != name:
            aliases[name] = best
    return aliases


def corpus_aliases(entities: "pd.DataFrame") -> dict[str, str]:
    """Short actor name → the one longer actor name it stands for in this corpus."""
    if entities is None or not len(entities) or "actor" not in entities:
        return {}
    named = actor_mentions(entities)
    persons = sorted(set(named.loc[named.label == "PERSON", "actor"]))
    organisations = sorted(set(named.loc[named.label == "ORG", "actor"]))
    aliases: dict[str, str] = _name_variants(persons, named.loc[named.label == "PERSON", "actor"].value_counts().to_dict())
    by_surname: dict[str, set[str]] = {}
    for full in persons:
        words = full.split()
        if looks_like_full_name(words) and not _is_role(words) and full not in aliases:
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
