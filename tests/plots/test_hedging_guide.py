"""The hedge category guide the hedging notebook shows."""

from __future__ import annotations

import pandas as pd

from analystkit.plots.hedging import CATEGORY_COLOURS, category_guide
from analystkit.vocab.hedging import CATEGORIES


def test_guide_has_every_category_and_says_what_counts():
    guide = category_guide()
    assert list(guide["category"]) == list(CATEGORIES)
    assert set(CATEGORIES) <= set(CATEGORY_COLOURS)
    by = guide.set_index("category")
    assert not by.at["obligation", "lowers_certainty"] and by.at["modal", "lowers_certainty"]
    assert "ability" in by.at["modal", "not_counted"]  # 'can' of ability is left out
    assert "whether" in by.at["question", "lexicon_cues"]


def test_guide_counts_a_corpus_hedges():
    hedges = pd.DataFrame(
        {"category": ["modal", "modal", "unknown"], "text": ["may", "May", "unclear"], "probability": [0.5, 0.5, 0.5]}
    )
    by = category_guide(hedges).set_index("category")
    assert by.at["modal", "found"] == 2 and by.at["modal", "share"] == round(2 / 3, 3)
    assert by.at["modal", "examples"] == "may (2)"
    assert by.at["conditional", "found"] == 0 and by.at["conditional", "examples"] == ""
