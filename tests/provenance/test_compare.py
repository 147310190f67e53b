"""ak.compare: the seed against a reconstruction of its original, a story the rules never saw, and bad input."""

from __future__ import annotations

import pytest

import analystkit as ak


def _kinds(comparison):
    return comparison.edits["kind"].tolist()


def test_seed_is_the_same_story(seed_comparison):
    assert seed_comparison.same_story
    assert seed_comparison.verdict.startswith("Same story")
    assert seed_comparison.coverage_a > 0.9 and seed_comparison.coverage_b > 0.9


def test_seed_names_the_moved_date(seed_comparison):
    dates = seed_comparison.edits[seed_comparison.edits.kind == "date_changed"]
    assert len(dates) == 1
    row = dates.iloc[0]
    assert "Wednesday" in row.text_a and row.text_b == "early last month"
    assert row.date_a == "2022-11-09" and row.date_b == "2022-10-01..2022-10-10"
    assert row.severity == "high"


def test_seed_names_the_dropped_introduction(seed_comparison):
    intro = seed_comparison.edits[seed_comparison.edits.kind == "introduction_dropped"]
    assert len(intro) == 1
    assert intro.iloc[0].text_a.endswith("Sergei Shoigu") and intro.iloc[0].text_b == "Shoigu"


def test_seed_names_the_split_sentence_and_the_fragments(seed_comparison):
    edits = seed_comparison.edits
    split = edits[edits.kind == "sentence_split"]
    assert len(split) == 1 and "Ukraine's progress\n\nIt was slow" in split.iloc[0].text_b
    fragments = set(edits[edits.kind == "fragment"].text_b)
    assert {"Redeployed forces.", 'Called "Black."'} <= fragments


def test_seed_synonym_swaps_are_rewording(seed_comparison):
    rewording = seed_comparison.edits[seed_comparison.edits.kind == "rewording"]
    pairs = set(zip(rewording.text_a, rewording.text_b))
    assert ("annexed", "amalgamated") in pairs and ("storied", "one-storied") in pairs
    assert set(rewording.severity) == {"low"}


def test_offsets_are_exact_in_both_texts(seed_comparison):
    c = seed_comparison
    assert len(c.edits)
    for e in c.edits.itertuples():
        assert c.text_a[e.start_a:e.end_a] == e.text_a
        assert c.text_b[e.start_b:e.end_b] == e.text_b


def test_comparison_behaves_like_its_edits_table(seed_comparison):
    assert len(seed_comparison) == len(seed_comparison.edits)
    assert list(seed_comparison["kind"]) == list(seed_comparison.edits["kind"])
    assert seed_comparison.kind.value_counts().sum() == len(seed_comparison)
    assert "date_changed" in repr(seed_comparison)


ORIGINAL = """City council approves new bridge

The city council on Tuesday approved a plan to rebuild the old river bridge, Mayor Ana Lopez said. Council member Tom Reyes said that the work may take three years. The bridge, which opened in 1931, carries 12,000 cars a day across the river.

Lopez said the council would look for federal money to pay for most of the project.
"""

COPY = """City council approves new bridge

The city council on Friday approved a plan to rebuild the old river bridge, Mayor Ana Lopez said. The work will take three years. The bridge, which opened in 1931, carries 12,000 cars a day

Across the river.

Lopez said the council would look for federal money to pay for most of the undertaking.
"""


def test_a_story_the_rules_never_saw(nlp):
    c = ak.compare(ORIGINAL, COPY, published="2022-03-01", nlp=nlp)
    kinds = _kinds(c)
    assert c.same_story
    assert "date_changed" in kinds
    date = c.edits[c.edits.kind == "date_changed"].iloc[0]
    assert date.text_a == "Tuesday" and date.text_b == "Friday"
    assert "attribution_removed" in kinds
    removed = c.edits[c.edits.kind == "attribution_removed"].iloc[0]
    assert "Tom Reyes" in removed.text_a and removed.severity == "high"
    assert "hedge_removed" in kinds
    assert "sentence_split" in kinds
    assert ("project", "undertaking") in set(zip(c.edits.text_a, c.edits.text_b))


def test_identical_texts_have_no_edits(nlp):
    c = ak.compare(ORIGINAL, ORIGINAL, nlp=nlp)
    assert c.same_story and len(c.edits) == 0
    assert "No edits" in c.verdict


def test_unrelated_texts_are_not_the_same_story(nlp):
    other = "Scientists found a new species of frog in the rainforest.\n\nThe frog is bright green and very small. It lives in trees."
    c = ak.compare(ORIGINAL, other, nlp=nlp)
    assert not c.same_story
    assert c.verdict.startswith("Not the same story")


def test_ids_of_a_corpus(sample_corpus):
    ids = sample_corpus.article_ids
    c = ak.compare(ids[1], ids[1], corpus=sample_corpus)
    assert len(c.edits) == 0 and c.article_a == ids[1]


def test_unknown_id_says_what_to_do(sample_corpus):
    with pytest.raises(KeyError) as error:
        ak.compare("no-such-article", sample_corpus.article_ids[0], corpus=sample_corpus)
    assert "no-such-article" in str(error.value) and "known ids start with" in str(error.value)


def test_empty_text_is_refused_with_a_clear_message(nlp):
    with pytest.raises(ValueError) as error:
        ak.compare("   ", ORIGINAL, nlp=nlp)
    assert "empty text" in str(error.value)


def test_the_seed_passed_first_names_the_same_damage(nlp):
    """Whichever version is passed first, the damage is named: split, fragments, the introduction, the date."""
    from tests.conftest import SEED
    from tests.provenance.conftest import RECONSTRUCTION

    c = ak.compare(SEED.read_text(encoding="utf-8"), RECONSTRUCTION.read_text(encoding="utf-8"), published="2022-11-09", nlp=nlp)
    kinds = set(c.edits.kind)
    assert c.same_story
    assert {"sentence_split", "fragment", "introduction_added", "date_changed"} <= kinds
    assert {"Redeployed forces.", 'Called "Black."'} <= set(c.edits[c.edits.kind == "fragment"].text_a)


def test_an_id_without_its_corpus_is_not_taken_for_a_text():
    with pytest.raises(KeyError) as error:
        ak.compare("000_9cc23866541e5586", "2022-11-10_whitehouse_press-briefing")
    assert "no corpus given" in str(error.value)
