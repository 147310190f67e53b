"""Paragraph-aware sentence boundaries (the ``analystkit_paragraphs`` component), on its own."""

from __future__ import annotations

import pytest
import spacy

from analystkit.nlp.segmentation import paragraph_breaks


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("analystkit_paragraphs")
    return nlp


def starts(nlp, text: str) -> list[str]:
    return [t.text for t in nlp(text) if t.is_sent_start]


def test_a_blank_line_always_starts_a_sentence(blank):
    assert starts(blank, "but Ukraine's progress\n\nIt was slow.") == ["but", "It"]


def test_a_headline_line_is_a_sentence_of_its_own(blank):
    assert starts(blank, "Troops Leave the City\nThe army left on Monday.") == ["Troops", "The"]


def test_no_sentence_starts_after_an_abbreviation_before_a_name(nlp):
    doc = nlp("Russian commander Gen. Surovikin said the move was hard. U.S. President Joe Biden agreed.")
    sentences = [s.text for s in doc.sents]
    assert sentences == ["Russian commander Gen. Surovikin said the move was hard.", "U.S. President Joe Biden agreed."]


def test_no_sentence_starts_after_a_colon_or_an_opening_quote(nlp):
    doc = nlp('He said: "We will win." Then he left.')
    assert [s.text for s in doc.sents] == ['He said: "We will win."', "Then he left."]


def test_paragraph_breaks_are_token_indices(blank):
    doc = blank("One.\n\nTwo.\n\n\nThree.")
    assert [doc[i].text for i in paragraph_breaks(doc)] == ["Two", "Three"]


def test_the_text_is_kept_for_the_extractors(blank):
    from analystkit.nlp.doc import doc_text

    text = "A first line\n\nA second  paragraph."
    assert doc_text(blank(text)) == text


def test_a_run_without_sentence_punctuation_is_cut_at_a_clause_boundary():
    from analystkit.nlp.segmentation import SPLITS_KEY, set_paragraph_boundaries

    nlp = spacy.blank("en")
    clause = "officials said the troops may withdraw from the city on Wednesday"
    text = "; ".join([clause] * 40)  # about 2,700 characters, no sentence end
    doc = set_paragraph_boundaries(nlp.make_doc(text), max_sentence_chars=1000)
    cuts = doc.user_data[SPLITS_KEY]
    assert len(cuts) == 2
    assert all(text[c - 2 : c] == "; " and text[c:].startswith("officials") for c in cuts)  # after a semicolon
    starts = [0, *cuts, len(text)]
    assert all(500 <= b - a <= 1000 for a, b in zip(starts, starts[1:-1]))
    unlimited = set_paragraph_boundaries(nlp.make_doc(text), max_sentence_chars=0)
    assert SPLITS_KEY not in unlimited.user_data


def test_ordinary_sentences_are_never_cut(nlp):
    text = "The army left the city on Monday. " * 100
    doc = nlp(text)
    from analystkit.nlp.segmentation import SPLITS_KEY

    assert SPLITS_KEY not in doc.user_data or not doc.user_data[SPLITS_KEY]


def test_no_sentence_starts_at_a_title_after_a_word(nlp):
    doc = nlp("Ohio Lt. Gov. Mary Roe says the count will stand. She spoke on Monday.")
    assert [s.text for s in doc.sents] == ["Ohio Lt. Gov. Mary Roe says the count will stand.", "She spoke on Monday."]
    doc = nlp("He voted in Ohio. Lt. Gov. Mary Roe says so.")
    assert [s.text for s in doc.sents] == ["He voted in Ohio.", "Lt. Gov. Mary Roe says so."]


def test_title_abbreviations_the_tokenizer_split_open_no_sentence(nlp):
    # spaCy's English tokenizer splits "Pres." and "Capt." into a word and a full stop; the component keeps them whole
    doc = nlp("It rained. Pres. Obama said he would veto it. Navy Capt. Jeff Davis said the ship was safe.")
    assert [s.text for s in doc.sents] == ["It rained.", "Pres. Obama said he would veto it.", "Navy Capt. Jeff Davis said the ship was safe."]
    assert "Capt." in [t.text for t in doc]


def test_the_tokenizer_keeps_title_abbreviations_in_any_pipeline():
    nlp = spacy.blank("en")
    assert "Pres." not in [t.text for t in nlp("Pres. Obama spoke.")]
    nlp.add_pipe("analystkit_paragraphs")
    assert [t.text for t in nlp("Pres. Obama spoke to Sens. Manchin and Casey.")][:1] == ["Pres."]
    assert "Sens." in [t.text for t in nlp("Pres. Obama spoke to Sens. Manchin and Casey.")]
