from __future__ import annotations

import pytest

from analystkit.evaluate.foundation import bcubed, match_mentions, prf, sentence_scores


def test_prf():
    assert prf(8, 10, 16) == {"precision": 0.8, "recall": 0.5, "f1": 0.6154}
    assert prf(0, 0, 5)["f1"] == 0.0


def test_bcubed_perfect_and_split():
    assert bcubed(["a", "a", "b"], ["x", "x", "y"])["f1"] == 1.0
    split = bcubed(["a", "a"], ["x", "y"])
    assert split["precision"] == 1.0 and split["recall"] == 0.5
    merged = bcubed(["a", "b"], ["x", "x"])
    assert merged["precision"] == 0.5 and merged["recall"] == 1.0


def test_sentence_boundaries_ignore_first_start():
    gold = {"d": [(0, 5), (6, 10), (11, 20)]}
    pred = {"d": [(0, 10), (11, 20)]}
    scores = sentence_scores(pred, gold)
    assert scores["boundaries"] == {"precision": 1.0, "recall": 0.5, "f1": pytest.approx(0.6667, abs=1e-4)}
    assert scores["exact_spans"]["precision"] == 0.5


def test_match_mentions_nesting_rules():
    gold = [{"start": 0, "end": 22}, {"start": 14, "end": 19}]  # "President Donald Trump", "Texas" in a longer name
    pred = [{"start": 10, "end": 22}, {"start": 0, "end": 30}]
    got = match_mentions(gold, pred)
    assert got[0] == pred[0]
    assert got[1] is None
