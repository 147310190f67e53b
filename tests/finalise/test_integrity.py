"""The integrity table: counts per flag kind, the documented score and its band."""

from __future__ import annotations

import pandas as pd
import pytest

from analystkit.extract.flags import KINDS
from analystkit.finalise.integrity import (
    COLUMNS,
    build_integrity_table,
    integrity_band,
    integrity_score,
)


def test_score_follows_the_severity_weights():
    assert integrity_score({"fragment": 1}, 20) == 95.0  # medium: 1 point per sentence share
    assert integrity_score({"date_conflict": 1}, 20) == 90.0  # high: 2
    assert integrity_score({"unintroduced_person": 2}, 10) == 90.0  # low: 0.5 each
    assert integrity_score({"split_sentence": 30}, 10) == 0.0  # floored
    assert integrity_score({}, 0) == 100.0 and integrity_score({"fragment": 1}, 0) == 0.0


@pytest.mark.parametrize("score,flags,band", [(100.0, 0, "clean"), (95.0, 1, "minor"), (75.0, 3, "check"), (40.0, 9, "unreliable")])
def test_bands(score, flags, band):
    assert integrity_band(score, flags) == band


def test_one_row_per_article_including_clean_ones():
    articles = pd.DataFrame({"article_id": ["a", "b"], "n_sentences": [10, 4]})
    flags = pd.DataFrame({"article_id": ["a", "a"], "kind": ["fragment", "date_conflict"]})
    table = build_integrity_table({"articles": articles, "flags": flags})
    assert list(table.columns) == COLUMNS and set(KINDS) <= set(table.columns)
    a, b = table.set_index("article_id").loc["a"], table.set_index("article_id").loc["b"]
    assert (a.fragment, a.date_conflict, a.n_flags, a.score, a.band) == (1, 1, 2, 70.0, "check")
    assert (b.n_flags, b.score, b.band, b.flags_per_100) == (0, 100.0, "clean", 0.0)


def test_no_articles_gives_an_empty_table_with_columns():
    assert list(build_integrity_table({}).columns) == COLUMNS
