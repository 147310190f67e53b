"""Word lists as data: ``data/word_lists.csv``, ``data/titles.csv``, ``data/role_titles.csv``,
``data/class_nouns.csv``.

Every open-class word list the kit's rules consult (title words, organisation heads, place
prefixes, unique nouns, ...) and every closed-class list of more than a handful of words lives
in these files, each row with its provenance, so an analyst can read and extend them. The
functions here return them as frozensets (read once per process).

* :func:`word_list` — one list of ``word_lists.csv`` by name ("organisation_heads");
* :func:`titles` — the title words with one use ("title", "portfolio", "role", ...; see the
  columns of ``titles.csv``);
* :func:`role_titles` — multiword titles that refer to one person after "the";
* :func:`class_nouns` — class nouns and the entity labels they refer back to;
* :func:`given_name_forms` — short forms of given names and their full names (``data/given_names.csv``).
"""

from __future__ import annotations

from functools import lru_cache

from ..errors import Errors
from .files import read_rows

WORD_LISTS = "word_lists.csv"
TITLES = "titles.csv"


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for row in read_rows(WORD_LISTS):
        found.setdefault(row["list"], set()).add(row["word"])
    return {name: frozenset(words) for name, words in found.items()}


def list_names() -> list[str]:
    """The names of the lists in ``word_lists.csv``."""
    return sorted(_lists())


def _pick(found: dict, name: str, file: str):
    if name not in found:
        raise KeyError(Errors.AK021.format(name=name, file=file, known=", ".join(sorted(found))))
    return found[name]


def word_list(name: str) -> frozenset[str]:
    """The words of list ``name`` in ``data/word_lists.csv``."""
    return _pick(_lists(), name, WORD_LISTS)


@lru_cache(maxsize=1)
def _title_uses() -> dict[str, frozenset[str]]:
    rows = read_rows(TITLES)
    uses = [c for c in (rows[0] if rows else {}) if c not in ("word", "provenance")]
    return {use: frozenset(r["word"].lower() for r in rows if r.get(use, "").lower() in ("y", "yes", "1", "true")) for use in uses}


def titles(use: str) -> frozenset[str]:
    """Title and role words with one use, a column of ``data/titles.csv`` ("title", "portfolio", ...)."""
    return _pick(_title_uses(), use, TITLES)


@lru_cache(maxsize=1)
def role_titles() -> tuple[tuple[str, ...], ...]:
    """Capitalised titles that refer to one person after "the" ("President", "Prime Minister")."""
    return tuple(tuple(row["title"].split()) for row in read_rows("role_titles.csv"))


@lru_cache(maxsize=1)
def _time_words() -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for row in read_rows("time_words.csv"):
        found.setdefault(row["kind"], {})[row["word"]] = row["value"]
    return found


def time_values(kind: str) -> dict[str, str]:
    """Words of one kind of ``data/time_words.csv`` ("month", "weekday", "number", "vague_count")
    with their values, in file order."""
    return dict(_pick(_time_words(), kind, "time_words.csv"))


def time_words(kind: str) -> tuple[str, ...]:
    """The words of one kind of ``data/time_words.csv``, in file order (months January first)."""
    return tuple(time_values(kind))


@lru_cache(maxsize=1)
def class_nouns() -> dict[str, frozenset[str]]:
    """Class noun → the entity labels it can refer back to ("city" → GPE, LOC)."""
    return {row["noun"].lower(): frozenset(row["labels"].split()) for row in read_rows("class_nouns.csv")}


__all__ = ["class_nouns", "given_name_forms", "list_names", "role_titles", "time_values", "time_words", "titles", "word_list"]


@lru_cache(maxsize=1)
def given_name_forms() -> dict[str, frozenset[str]]:
    """Each given name (lower case) → the names that are the same given name: its short or full
    forms ("joe" → {"joseph"}, "joseph" → {"joe"}), from ``data/given_names.csv``."""
    forms: dict[str, set[str]] = {}
    for row in read_rows("given_names.csv"):
        short, full = row["short"].lower(), row["full"].lower()
        forms.setdefault(short, set()).add(full)
        forms.setdefault(full, set()).add(short)
    return {name: frozenset(same) for name, same in forms.items()}
