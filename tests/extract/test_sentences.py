from __future__ import annotations

import pytest

from analystkit.extract.sentences import extract_sentences, is_fragment


def texts(article, text):
    return [r["text"] for r in extract_sentences(article(text))]


def test_blank_line_ends_a_sentence_mid_sentence(article):
    got = texts(article, "Rumors had been circulating for weeks, but the progress\n\nIt was slow and grinding.")
    assert got == ["Rumors had been circulating for weeks, but the progress", "It was slow and grinding."]


def test_abbreviations_do_not_split(article):
    got = texts(article, "The U.S. President met Gen. Smith in Washington on Monday. They talked.")
    assert got == ["The U.S. President met Gen. Smith in Washington on Monday.", "They talked."]


def test_closing_quote_stays_with_its_sentence(article):
    got = texts(article, 'It was known as the "Pearl of the Sea." Called "Black." Then more text followed.')
    assert got[0].endswith('Sea."') and 'Called "Black."' in got


def test_headline_is_its_own_sentence(article):
    rows = extract_sentences(article("Troops ordered out of the city\n\nTroops left on Monday.", has_headline=True))
    assert rows[0]["is_headline"] and rows[0]["text"] == "Troops ordered out of the city"
    assert not rows[1]["is_headline"]


def test_paragraph_ids(article):
    rows = extract_sentences(article("One. Two.\n\nThree.\n\n\nFour."))
    assert [r["paragraph_id"] for r in rows] == [0, 0, 1, 2]


@pytest.mark.parametrize("text,expected", [
    ("Redeployed forces.", True),
    ('Called "Black."', True),
    ("Russia ordered its troops to withdraw.", False),
    ("Hire a professional editor!", False),
    ("Friday, July 21, 2017", False),
    ("Thank you.", False),
    ("Yes.", False),
])
def test_fragments(nlp, text, expected):
    sentence = next(iter(nlp(text).sents))
    assert is_fragment(sentence) is expected


def test_sentences_prepared_for_a_chunk_are_the_rows_of_each_article(article, monkeypatch):
    """``prepare_sentences`` (the re-taggings of several articles in one batch) leaves each article
    exactly the rows it gets alone, and the extractor hands them over once."""
    from analystkit.extract.sentences import prepare_sentences
    from analystkit.nlp import model

    texts = [
        "Take action.\n\nAdvance health security. The agency said so on Monday.",
        'Redeployed forces. Called "Black." Russia ordered its troops to withdraw.',
        "Set students up for success. Thank you.\n\nHire a professional editor!",
    ]
    alone = [extract_sentences(article(text, article_id=f"a{k}")) for k, text in enumerate(texts)]
    assert any(r["fragment"] for rows in alone for r in rows) and not all(r["fragment"] for rows in alone for r in rows)
    chunk = [article(text, article_id=f"a{k}") for k, text in enumerate(texts)]
    batches = []
    tag_many = model.tag_many
    monkeypatch.setattr(model, "tag_many", lambda requests: batches.append(requests) or tag_many(requests))
    prepare_sentences(chunk)
    assert len(batches) == 1 and {text for text, _ in batches[0]} >= {"advance health security.", "set students up for success."}
    assert all("sentences" in a.prepared for a in chunk)
    assert [extract_sentences(a) for a in chunk] == alone
    assert all("sentences" not in a.prepared for a in chunk)
