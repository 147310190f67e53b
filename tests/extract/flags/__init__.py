"""Tests of the integrity flags, one module per rule; :func:`run` extracts a constructed text."""

from __future__ import annotations

import pandas as pd

from analystkit.extract import extract_article

PUBLISHED = pd.Timestamp("2022-11-09")


def run(article, text: str, **meta) -> list[dict]:
    """The flags of ``text`` (published on :data:`PUBLISHED` unless ``published`` is given)."""
    meta.setdefault("published", PUBLISHED)
    return extract_article(article(text, **meta))["flags"]


def kinds(flags: list[dict]) -> list[str]:
    return [f["kind"] for f in flags]
