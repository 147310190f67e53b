"""The seed article: a garbled wire story the kit must cope with."""

from __future__ import annotations

from tests.conftest import SEED_ID


def seed_rows(frame):
    return frame[frame.article_id == SEED_ID]


def test_seed_loaded_with_sidecar_metadata(sample_corpus):
    row = seed_rows(sample_corpus.articles).iloc[0]
    assert str(row.published.date()) == "2022-11-09"
    assert row.outlet == "unknown"
    assert row.title.startswith("Russia ordered to withdraw from the city of Kherson")
    assert row.has_headline


def test_headline_is_sentence_zero(sample_corpus):
    sentences = seed_rows(sample_corpus.sentences)
    first = sentences.iloc[0]
    assert first.is_headline and first.sentence_id == 0
    assert first.text == seed_rows(sample_corpus.articles).iloc[0].title
    assert sentences.is_headline.sum() == 1


def test_paragraph_break_ends_a_sentence(sample_corpus):
    texts = seed_rows(sample_corpus.sentences).text.tolist()
    cut = [t for t in texts if t.endswith("but Ukraine's progress")]
    assert len(cut) == 1
    assert "It was slow and grinding." in texts


def test_fragments_are_marked(sample_corpus):
    sentences = seed_rows(sample_corpus.sentences)
    fragments = set(sentences[sentences.fragment].text)
    assert "Redeployed forces." in fragments
    assert 'Called "Black."' in fragments
    whole = sentences[sentences.text.str.startswith("Russia on Wednesday ordered")]
    assert not whole.fragment.any()


def test_places_the_small_model_gets_wrong_are_corrected(sample_corpus):
    entities = seed_rows(sample_corpus.entities)
    labels = entities.groupby("text").label.agg(set).to_dict()
    assert labels["Kherson"] <= {"GPE", "LOC"}
    assert labels["Crimea"] <= {"GPE", "LOC"}
    assert labels["Odesa"] <= {"GPE", "LOC"}
    assert {"Zaporizhzhya"} <= set(entities.text)  # split out of "Zaporizhzhya and Kherson"


def test_actors_are_canonical(sample_corpus):
    entities = seed_rows(sample_corpus.entities)
    actor = lambda text: set(entities[entities.text == text].actor)  # noqa: E731
    assert actor("Russian") == {"Russia"}
    assert actor("Russians") == {"Russia"}
    assert actor("Ukrainians") == {"Ukraine"}
    assert actor("Putin") == {"Vladimir Putin"}
    assert actor("Moscow") == {"Russia"}  # "Moscow leaving the region's capital": the government
    assert actor("US") == {"United States"}
    assert actor("Shoigu") == {"Shoigu"}  # never introduced by full name: stays as written
    assert actor("Russian-backed separatists") == {"Russian-backed separatists"}


def test_focus_falls_back_to_the_article_with_most_claims(sample_corpus):
    assert sample_corpus.focus(SEED_ID) == SEED_ID
    other = sample_corpus.focus("not-in-this-corpus")
    counts = sample_corpus.claims.groupby("article_id").size()
    assert other == counts.idxmax()
