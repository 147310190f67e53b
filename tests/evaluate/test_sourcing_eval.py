"""Matching and metrics of the sourcing evaluation, on a tiny in-memory example."""

from __future__ import annotations

import pytest

from analystkit.evaluate.sourcing import (
    Counts,
    Item,
    claim_items,
    content_matches,
    cue_matches,
    gold_items,
    score_article,
    source_matches,
)

TEXT = "The army will leave, the minister said. It rained. Officials said the bridge fell."
#        0         1         2         3         4         5         6         7         8
SENTENCES = [(0, 39), (40, 50), (51, 82)]
STARTS, ENDS = [s for s, _ in SENTENCES], [e for _, e in SENTENCES]


def gold(source, head, cue, content):
    item = Item([source], [cue], [content], head)
    item.sentences = {i for i, (s, e) in enumerate(SENTENCES) if s < content[1] and content[0] < e}
    return item


GOLD_1 = gold((21, 33), (25, 33), (34, 38), (0, 19))  # the minister said
GOLD_2 = gold((51, 60), (51, 60), (61, 65), (66, 81))  # Officials said


def row(source, cue, content, source_type="unnamed"):
    return {"source_start": source[0], "source_end": source[1], "cue_start": cue[0], "cue_end": cue[1], "start": content[0], "end": content[1], "source_type": source_type}


def test_source_match_needs_head_inside_and_shared_sentence():
    pred = claim_items([row((21, 33), (34, 38), (0, 19))], STARTS, ENDS)[0]
    assert source_matches(pred, GOLD_1)
    assert not source_matches(pred, GOLD_2)
    narrow = claim_items([row((21, 24), (34, 38), (0, 19))], STARTS, ENDS)[0]  # "the" only
    assert not source_matches(narrow, GOLD_1)


def test_content_match_is_half_of_gold():
    half = Item([], [], [(0, 10)])
    less = Item([], [], [(0, 9)])
    assert content_matches(half, GOLD_1)  # 10 of 19 characters
    assert not content_matches(less, GOLD_1)


def test_cue_match():
    assert cue_matches(Item([], [(34, 38)], []), GOLD_1)
    assert not cue_matches(Item([], [(40, 42)], []), GOLD_1)


def test_claims_sharing_source_and_cue_are_one_attribution():
    rows = [row((21, 33), (34, 38), (0, 19)), row((21, 33), (34, 38), (40, 50)), row((-1, -1), (-1, -1), (51, 82), "author")]
    items = claim_items(rows, STARTS, ENDS)
    assert len(items) == 1
    assert items[0].sentences == {0, 1}


def test_score_article_counts():
    preds = claim_items([row((21, 33), (34, 38), (0, 19)), row((40, 42), (43, 49), (40, 49), "vague")], STARTS, ENDS)
    counts = score_article(preds, [GOLD_1, GOLD_2], SENTENCES)
    assert (counts.n_pred, counts.n_gold) == (2, 2)
    assert counts.pred_source_ok == 1 and counts.gold_source_ok == 1
    assert counts.unattributed_sentences == 1 and counts.false_attributions == 1
    metrics = counts.metrics()
    assert metrics["source_p"] == pytest.approx(0.5)
    assert metrics["source_r"] == pytest.approx(0.5)
    assert metrics["source_f1"] == pytest.approx(0.5)
    assert metrics["cue_acc"] == pytest.approx(1.0)
    assert metrics["false_attr"] == pytest.approx(1.0)


def test_gold_items_shift_offsets_and_find_head():
    body = "\n\n" + TEXT
    record = {"body": body, "attributions": [{"source_spans": [[23, 35]], "source_head": "minister", "cue_spans": [[36, 40]], "content_spans": [[2, 21]]}]}
    items = gold_items(record, 2, STARTS, ENDS)
    assert items[0].head == (25, 33)
    assert items[0].source == [(21, 33)] and items[0].sentences == {0}


def test_counts_add():
    total = Counts()
    total.add(Counts(n_pred=2, n_gold=3))
    total.add(Counts(n_pred=1, n_gold=1))
    assert (total.n_pred, total.n_gold) == (3, 4)


def test_nested_rows_count_only_when_the_gold_annotates_them():
    nested = {**row((21, 33), (34, 38), (0, 19)), "nested": True}
    assert len(claim_items([nested], STARTS, ENDS)) == 1  # GUM annotates nested attributions
    assert claim_items([nested], STARTS, ENDS, nested=False) == []  # PolNeAR only the outermost


def test_the_authors_own_cued_attribution_counts():
    mine = row((40, 42), (43, 49), (40, 49), "author")  # "I believe ..." outside quotes: a cue, the author's voice
    assert len(claim_items([mine], STARTS, ENDS)) == 1
