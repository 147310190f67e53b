"""The per-Doc token table and span text read the same values as spaCy's Token and Span objects."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
TEXT = (
    "The National Security Council (NSC) met on Monday. President Joe Biden said the U.S. "
    "would act, and officials of the State Department agreed.\n\n"
    "“We are ready,” she said. The Kremlin's spokesman, Dmitry Peskov, did not reply;  Russian troops "
    "who had crossed the river were seen near Kherson and Odesa."
)


@pytest.fixture(scope="module")
def doc(nlp):
    files = sorted((ROOT / "data" / "articles").glob("*"))
    text = TEXT + "\n\n" + (files[0].read_text(encoding="utf-8") if files else "")
    return nlp(text)


def test_token_table_matches_tokens(doc):
    from analystkit.nlp.doc import token_table

    table = token_table(doc)
    assert table.text == [t.text for t in doc]
    assert table.lower == [t.lower_ for t in doc]
    assert table.lemma == [t.lemma_.lower() for t in doc]
    assert table.dep == [t.dep_ for t in doc]
    assert table.ent_iob == [t.ent_iob_ for t in doc]
    assert table.ent_type == [t.ent_type_ for t in doc]
    assert table.children == [[c.i for c in t.children] for t in doc]
    assert table.head == [t.head.i for t in doc]
    assert table.pos == [t.pos_ for t in doc] and table.tag == [t.tag_ for t in doc]
    assert any(len(c) > 1 for c in table.children)  # a tree, not a chain


def test_span_text_is_span_text(doc):
    from analystkit.nlp.doc import span_text

    spans = [*doc.ents, *doc.sents, doc[0:0], doc[3:9], doc[len(doc) - 4 : len(doc)]]
    assert len(doc.ents) > 5
    for span in spans:
        assert span_text(span) == span.text


def _entity_of_by_tokens(token):
    """mentions.entity_of as it read spaCy Tokens before the token table."""
    from spacy.tokens import Span

    from analystkit.vocab.labels import ACTOR_LABELS

    if token.ent_iob_ == "O" or token.ent_type_ not in ACTOR_LABELS:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_, kb_id=token.ent_kb_id_)


def _phrase_span_by_tokens(head):
    """mentions.phrase_span as it walked spaCy Tokens before the token table."""
    from analystkit.nlp.mentions import PHRASE_DEPS, entity_of

    doc = head.doc
    start, end = head.i, head.i + 1
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in PHRASE_DEPS and (child.i < head.i or child.dep_ in ("compound", "case")):
                start = min(start, child.left_edge.i if child.dep_ != "advmod" else child.i)
                end = max(end, child.i + 1)
                stack.append(child)
    ent = entity_of(head)
    if ent is not None:
        start, end = min(start, ent.start), max(end, ent.end)
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def test_mentions_read_from_the_table_as_from_tokens(doc):
    from analystkit.nlp.mentions import entity_of, phrase_span

    found = 0
    for token in doc:
        old, new = _entity_of_by_tokens(token), entity_of(token)
        assert (old is None) == (new is None)
        if old is not None:
            found += 1
            assert (old.start, old.end, old.label_, old.kb_id_) == (new.start, new.end, new.label_, new.kb_id_)
        if token.pos_ in ("NOUN", "PROPN", "PRON"):
            old_span, new_span = _phrase_span_by_tokens(token), phrase_span(token)
            assert (old_span.start, old_span.end) == (new_span.start, new_span.end)
    assert found > 5
