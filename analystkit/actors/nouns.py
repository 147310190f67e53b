"""The group and role nouns of ``data/actor_nouns.csv`` ("troops", "officials", "government")."""

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


__all__ = ["actor_nouns"]
