"""Word lists about actors described by a noun: ``data/actor_nouns.csv`` ("troops",
"officials", "government": they stand for the actor modifying them) and
``data/group_nouns.csv`` ("team", "residents": a described group of its own)."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def actor_nouns() -> dict[str, str]:
    """Group and role nouns (lemma → kind) that stand for the actor modifying them."""
    with resources.files("analystkit.data").joinpath("actor_nouns.csv").open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    return {row["noun"].strip().lower(): row["kind"].strip() for row in csv.DictReader(lines)}


@lru_cache(maxsize=1)
def group_nouns() -> frozenset[str]:
    """Nouns (lemmas) that head a described group a pronoun can stand for: ``group_nouns.csv``
    and the nouns of ``actor_nouns.csv``."""
    with resources.files("analystkit.data").joinpath("group_nouns.csv").open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    return frozenset(row["noun"].strip().lower() for row in csv.DictReader(lines)) | frozenset(actor_nouns())


__all__ = ["actor_nouns", "group_nouns"]
