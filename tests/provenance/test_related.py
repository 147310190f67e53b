"""Related articles: near-duplicates, derived excerpts, direction by date; no parser needed."""

from __future__ import annotations

import pandas as pd
import pytest

from analystkit.provenance.related import COLUMNS, related_articles, relation_of, shingles, similarity

BASE = (
    "The city council approved a plan on Tuesday to rebuild the old river bridge, which carries twelve thousand cars a day. "
    "The work will take three years and will be paid for mostly with federal money, the mayor said at a news conference. "
    "Residents have complained for years about the state of the crossing and about long queues at rush hour. "
    "Engineers said the new bridge would have two lanes in each direction and a path for bicycles and walkers."
)
COPY = BASE.replace("approved", "endorsed").replace("complained", "grumbled").replace("long queues", "lengthy queues")
OTHER = (
    "Scientists have described a new species of tree frog found in the cloud forests of the northern mountains. "
    "The frog is bright green, smaller than a thumbnail, and calls only after heavy rain, the researchers wrote in a journal."
)


def _frame(*rows):
    return pd.DataFrame(rows, columns=["article_id", "text", "published", "title"])


def test_a_copy_is_found_and_dated():
    articles = _frame(("later", COPY, pd.Timestamp("2022-05-03"), "Copy"), ("original", BASE, pd.Timestamp("2022-05-01"), "Original"), ("frog", OTHER, pd.Timestamp("2022-05-02"), "Frog"))
    found = related_articles(articles)
    assert list(found.columns) == COLUMNS
    assert len(found) == 1
    row = found.iloc[0]
    assert (row.article_a, row.article_b) == ("original", "later")
    assert row.direction == "a_first" and row.days_apart == 2.0
    assert 0.5 <= row.jaccard < 0.9 and row.relation == "near_duplicate"
    assert row.title_a == "Original"


def test_an_excerpt_is_derived():
    excerpt = BASE.split(". ")[0] + "."
    found = related_articles(_frame(("long", BASE, pd.NaT, ""), ("short", excerpt, pd.NaT, "")))
    assert len(found) == 1
    row = found.iloc[0]
    assert row.containment >= 0.7 and row.jaccard < 0.5 and row.relation == "derived"
    assert row.direction == "unknown"


def test_unrelated_and_short_texts_give_no_pairs():
    assert related_articles(_frame(("a", BASE, pd.NaT, ""), ("b", OTHER, pd.NaT, ""))).empty
    assert related_articles(_frame(("a", "Too short.", pd.NaT, ""), ("b", "Too short.", pd.NaT, ""))).empty


def test_deterministic():
    articles = _frame(("a", BASE, pd.NaT, ""), ("b", COPY, pd.NaT, ""), ("c", OTHER, pd.NaT, ""))
    pd.testing.assert_frame_equal(related_articles(articles), related_articles(articles))


def test_similarity_and_relation():
    assert similarity(BASE, BASE)["jaccard"] == 1.0
    assert similarity(BASE, OTHER)["jaccard"] < 0.05
    assert relation_of(0.95, 1.0) == "duplicate" and relation_of(0.2, 0.8) == "derived" and relation_of(0.35, 0.5) == "overlap"
    assert len(shingles("one two three four")) == 2


def test_missing_columns_say_what_to_pass():
    with pytest.raises(ValueError) as error:
        related_articles(pd.DataFrame({"article_id": ["a"]}))
    assert "text" in str(error.value) and "ak.load" in str(error.value)


def test_corpus_table(sample_corpus):
    related = sample_corpus.related
    assert list(related.columns) == COLUMNS
    assert "related" in sample_corpus.table_names and "claim_threads" in sample_corpus.table_names
