"""The damaged-copy generator of the provenance evaluation: exact offsets, one damage per sentence, offline thesaurus."""

from __future__ import annotations

import random

import pandas as pd

from analystkit.evaluate.damage import DAMAGES, EXPECTED, _banned_words, _shift_date, damage_article, thesaurus
from analystkit.evaluate.provenance import score
from tests.conftest import SEED_ID


def _tables(corpus, article_id):
    return {name: corpus.table(name)[corpus.table(name).article_id == article_id] for name in ("sentences", "claims", "hedges", "timeline", "entities", "actions")}


def test_damages_have_exact_offsets(sample_corpus):
    seen = set()
    for article_id in sample_corpus.article_ids:
        if article_id == SEED_ID:
            continue
        text = sample_corpus.text(article_id)
        copy, damages = damage_article(text, _tables(sample_corpus, article_id), rng=random.Random(3))
        for d in damages:
            assert text[d.start_a:d.end_a] == d.text_a
            assert copy[d.start_b:d.end_b] == d.text_b
            assert d.kind in DAMAGES and d.expected == EXPECTED[d.kind]
            seen.add(d.kind)
        if damages:
            assert copy != text
    assert {"synonym", "split", "fragment", "date"} <= seen


def test_synonyms_come_from_the_installed_thesaurus_and_avoid_hedge_words():
    words = thesaurus()
    assert len(words) > 20000 and "annexed" not in _banned_words()
    assert "may" in _banned_words() and "said" in _banned_words() or "say" in _banned_words()


def test_date_shift():
    assert _shift_date("March 3, 2022", random.Random(0)) == "March 10, 2022"
    assert _shift_date("2014", random.Random(0)) == "2013"
    assert _shift_date("Wednesday", random.Random(0)) != "Wednesday"
    assert _shift_date("several days", random.Random(0)) is None


def test_score_counts_matches_by_overlap():
    from analystkit.evaluate.damage import Damage

    damages = [Damage("date", 10, 17, 10, 16, "Monday", "Friday"), Damage("synonym", 30, 35, 29, 36, "big", "large")]
    edits = pd.DataFrame([
        {"kind": "date_changed", "start_a": 10, "end_a": 17, "start_b": 10, "end_b": 16},
        {"kind": "date_changed", "start_a": 50, "end_a": 55, "start_b": 50, "end_b": 55},
    ])
    result = score([(edits, damages)])
    assert result["date"]["recall"] == 1.0 and result["date"]["precision"] == 0.5
    assert result["synonym"]["recall"] == 0.0
