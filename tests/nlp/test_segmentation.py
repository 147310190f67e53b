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
