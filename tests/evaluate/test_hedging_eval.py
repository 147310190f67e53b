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
    assert scores["kit (standard)"] == prf([False, True, True, False], [False, True, True, False])  # epistemic "would" counts
    assert scores["naive lexicon (standard)"]["precision"] == round(2 / 3, 4)  # "May" the month is taken for a cue
    table = format_table(scores)
    assert table.splitlines()[0].split()[:4] == ["system", "precision", "recall", "F1"]
    assert len(table.splitlines()) == 5


def test_naive_spans_give_offsets_of_words_and_phrases():
    from analystkit.evaluate.hedging import naive_spans

    text = "It may be, there were reports that it fell."
    found = naive_spans([text], ["may", "there were reports that", "fell down"])[0]
    assert [(text[s:e], cue) for s, e, cue in found] == [("may", "may"), ("there were reports that", "there were reports that")]


def test_cue_recall_and_false_positives():
    from analystkit.evaluate.hedging import cue_recall, false_positives, gold_cues

    records = [
        {"text": "It may rain or snow.", "uncertain": True, "cues": [{"text": "may", "span": [3, 6]}, {"text": "Or", "span": [12, 14]}]},
        {"text": "Either this or that.", "uncertain": True, "cues": [{"text": "either … or", "spans": [[0, 6], [12, 14]]}]},
        {"text": "You can swim.", "uncertain": False, "cues": []},
    ]
    assert gold_cues(records[1]) == [("either … or", [(0, 6), (12, 14)])]
    predicted = [[(3, 6, "may"), (7, 11, "rain")], [(12, 14, "or")], [(4, 7, "can")]]
    assert cue_recall(records, predicted) == {"may": (1, 1), "or": (1, 0), "either … or": (1, 1)}
    assert false_positives(records, predicted) == {"may": (0, 0), "rain": (0, 1), "or": (0, 0), "can": (1, 1)}
