from __future__ import annotations

import pytest

from analystkit.evaluate.actors import pronoun_mentions

from ..conftest import SHARED


def test_pronoun_mentions_take_their_chains_identity():
    record = {"entities": [
        {"start": 0, "end": 6, "text": "Shoigu", "type": "person", "identity": "Sergei_Shoigu", "cluster": 1, "proper": True},
        {"start": 20, "end": 22, "text": "He", "type": "person", "identity": "", "cluster": 1, "proper": False},
        {"start": 30, "end": 33, "text": "the army", "type": "organization", "identity": "", "cluster": 1, "proper": False},
        {"start": 40, "end": 42, "text": "it", "type": "object", "identity": "", "cluster": 2, "proper": False},
    ]}
    got = pronoun_mentions(record)
    assert [(m["text"], identity) for m, identity in got] == [("He", "Sergei_Shoigu")]


@pytest.mark.skipif(not (SHARED / "eval" / "gum-news-dev.jsonl").exists(), reason="needs ../shared/eval")
def test_actor_evaluation_beats_own_text_baseline():
    from analystkit.evaluate.actors import evaluate

    result = evaluate(SHARED / "eval" / "gum-news-dev.jsonl", SHARED / "corpus" / "wikinews")
    assert result["with_pronouns"]["pronouns"] > 0
    assert result["with_pronouns"]["kit"]["f1"] > result["with_pronouns"]["own_text"]["f1"]
    assert result["named"]["kit"]["f1"] > result["named"]["own_text"]["f1"]
