"""Word lists about actors described by a noun: ``data/actor_nouns.csv`` ("troops",
"officials", "government": they stand for the actor modifying them) and
``data/group_nouns.csv`` ("team", "residents": a described group of its own)."""

from __future__ import annotations

from functools import lru_cache

from .files import read_rows


@lru_cache(maxsize=1)
def actor_nouns() -> dict[str, str]:
    """Group and role nouns (lemma → kind) that stand for the actor modifying them."""
    return {row["noun"].lower(): row["kind"] for row in read_rows("actor_nouns.csv")}


@lru_cache(maxsize=1)
def group_nouns() -> frozenset[str]:
    """Nouns (lemmas) that head a described group a pronoun can stand for: ``group_nouns.csv``
    and the nouns of ``actor_nouns.csv``."""
    return frozenset(row["noun"].lower() for row in read_rows("group_nouns.csv")) | frozenset(actor_nouns())


__all__ = ["actor_nouns", "group_nouns"]
