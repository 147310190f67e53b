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


def test_match_mentions_head_rule():
    # "Tunisia's goalkeeper" (0-20, head "goalkeeper" 10-20): the nested name "Tunisia" is not the mention.
    gold = [{"start": 0, "end": 20}]
    tunisia = {"start": 0, "end": 7, "head": (0, 7)}
    role = {"start": 10, "end": 20, "head": (10, 20)}
    assert match_mentions(gold, [tunisia], [(10, 20)]) == [None]
    assert match_mentions(gold, [tunisia]) == [tunisia]  # the nesting rule of the recall does take it
    assert match_mentions(gold, [tunisia, role], [(10, 20)]) == [role]
    # A longer name holding the head but headed elsewhere ("Mexico City" for "Mexico") is not it.
    mexico = [{"start": 0, "end": 6}]
    city = {"start": 0, "end": 11, "head": (7, 11)}
    assert match_mentions(mexico, [city], [(0, 6)]) == [None]


def test_head_of_a_mention_skips_a_possessor(nlp):
    from analystkit.evaluate.foundation import mention_heads

    text = "Labour's Shadow Home Secretary Yvette Cooper said it."
    doc = nlp(text)
    (head,) = mention_heads(doc, [{"start": 0, "end": len("Labour's Shadow Home Secretary")}])
    assert text[head[0] : head[1]] == "Secretary"
