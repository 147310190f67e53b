"""The hedging evaluation's metric code, on a tiny in-memory sample."""

from __future__ import annotations

import pytest

from analystkit.evaluate.hedging import evaluate, format_table, naive_uncertain, prf


def test_prf_counts_the_positive_class():
    scores = prf([True, True, False, False], [True, False, True, False])
    assert scores == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1, "predicted": 2, "gold": 2}
    assert prf([False, False], [True, False])["f1"] == 0.0
    with pytest.raises(ValueError):
        prf([True], [True, False])


def test_naive_baseline_matches_words_without_context():
    flags = naive_uncertain(
        ["The talks began in May.", "It may rain.", "There were reports that it fell.", "Mayor Klitschko spoke."],
        ["may", "there were reports that"],
    )
    assert flags == [True, True, True, False]  # the month fools the baseline


def test_evaluate_scores_kit_and_baseline(nlp):
    records = [
        {"text": "The talks began in May.", "uncertain": False},
        {"text": "The bridge may collapse.", "uncertain": True},
        {"text": "You would love this phone.", "uncertain": True},
        {"text": "Russia ordered a withdrawal.", "uncertain": False},
    ]
    scores = evaluate(records, nlp=nlp)
    assert scores["kit (news)"] == prf([False, True, False, False], [False, True, True, False])
    assert scores["kit (broad)"]["f1"] == 1.0
    assert scores["naive lexicon (news)"]["precision"] == 0.5  # "May" the month
    table = format_table(scores)
    assert table.splitlines()[0].split()[:4] == ["system", "precision", "recall", "F1"]
    assert len(table.splitlines()) == 5
