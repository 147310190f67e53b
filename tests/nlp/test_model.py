from __future__ import annotations

import pytest

from analystkit.errors import ModelNotFoundError
from analystkit.nlp import model


def test_explicit_name_wins(monkeypatch):
    monkeypatch.setenv(model.MODEL_SETTING, "from_setting")
    assert model.resolve_model_name("explicit") == ("explicit", "the `model` argument")
    assert model.resolve_model_name()[0] == "from_setting"


def test_official_model_preferred_over_default(monkeypatch):
    monkeypatch.delenv(model.MODEL_SETTING, raising=False)
    monkeypatch.setattr(model, "_installed", lambda name: name == "en_core_web_md")
    assert model.resolve_model_name() == ("en_core_web_md", "an installed official model")
    monkeypatch.setattr(model, "_installed", lambda name: False)
    assert model.resolve_model_name() == (model.DEFAULT_MODEL, "the kit's default")


def test_missing_model_error_says_what_to_do(monkeypatch):
    monkeypatch.setenv(model.MODEL_SETTING, "no_such_model_xyz")
    with pytest.raises(ModelNotFoundError, match="ANALYSTKIT_MODEL"):
        model.load_model()


def test_components_compose_with_any_pipeline(nlp):
    import spacy

    bare = spacy.blank("en")
    bare.add_pipe("sentencizer")
    model.add_components(bare)
    assert [n for n in bare.pipe_names if n.startswith("analystkit_")] == ["analystkit_paragraphs", "analystkit_places", "analystkit_consistency", "analystkit_actors"]
    doc = bare("First paragraph without an end\n\nSecond paragraph.")
    assert len(list(doc.sents)) == 2
    assert nlp.pipe_names[-1] == "analystkit_actors"


def test_tag_only_gives_the_full_pipelines_tags(nlp):
    """Re-tagging a sentence runs only the tagger of the loaded pipeline (no second model): every
    word keeps the tag the whole pipeline gives it, and the pipeline is the one load_model cached."""
    texts = [
        "take action to lower costs for families.",
        "Jacqueline Scott Corley, of California, to be United States District Judge.",
        "senior administration official:  Yeah, thanks.\n\nThe President signed it on May 4.",
    ]
    for text in texts:
        full = nlp(text)
        tagged = model.tag_only(text)
        assert [t.text for t in tagged] == [t.text for t in full]
        assert [t.tag_ for t in tagged if not t.is_space] == [t.tag_ for t in full if not t.is_space]
    assert tagged.vocab is model.load_model().vocab
    assert "parser" not in model._tagging_components(model.load_model())


def test_tag_only_through_cuts_the_text_but_not_the_tags():
    """Asked for the first words only, the re-tagging cuts a long text beyond the tagger's reach:
    the words asked for keep exactly the tags (and vectors) of the whole text."""
    import numpy

    text = ("deanne Criswell, Administrator, Federal Emergency Management Agency (FEMA), Department of Homeland "
            "Security, who has led the agency through three hurricane seasons and two wildfire seasons since 2021.")
    whole = model.tag_only(text)
    cut = model.tag_only(text, through=1)
    reach = model._tagger_reach(model.load_model())
    assert reach is not None and len(cut) < len(whole)
    assert len(cut) > reach
    assert [t.tag_ for t in cut[:2]] == [t.tag_ for t in whole[:2]]
    assert numpy.array_equal(cut.tensor[:2], whole.tensor[:2])
    # A text too short to cut, or a wanted word near its end, is tagged whole.
    assert len(model.tag_only(text, through=len(text) - 5)) == len(whole)
    assert len(model.tag_only("take action now.", through=1)) == 4


def test_tag_many_tags_a_batch_as_one_call_each():
    """Tagging texts in one batch gives each text the tokens, tags and vectors it gets alone
    (cut as asked), so batching the re-tagging of a chunk changes no table."""
    import numpy

    requests = [
        ("advance health security across the nation.", 1),
        ("take action to lower costs for American families by passing the bipartisan bill that the President "
         "proposed last year in his address to Congress.", 1),
        ("redeployed forces.", None),
        ("shoigu issued the order on Monday.", 7),
    ]
    batch = model.tag_many(requests)
    assert len(batch) == len(requests)
    for (text, through), doc in zip(requests, batch):
        alone = model.tag_only(text, through=through)
        assert [(t.text, t.idx, t.tag_) for t in doc] == [(t.text, t.idx, t.tag_) for t in alone]
        assert numpy.array_equal(doc.tensor, alone.tensor)
    assert len(batch[1]) < len(model.load_model().make_doc(requests[1][0]))  # cut after the word asked for
    assert model.tag_many([]) == []
