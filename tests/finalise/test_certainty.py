"""Claim certainty from the hedges table (a new claims frame; nothing changed in place)."""

from __future__ import annotations

import pandas as pd
import pytest

from analystkit.finalise.certainty import claim_certainty


def test_certainty_from_the_claims_cues():
    claims = pd.DataFrame({"article_id": ["a", "a", "b"], "claim_id": ["0.0", "1.0", "0.0"], "text": ["x", "y", "z"]})
    hedges = pd.DataFrame({"article_id": ["a", "a", "a", "b"], "claim_id": ["1.0", "1.0", None, "9.0"], "probability": [0.7, 0.45, 0.5, 0.5]})
    out = claim_certainty(claims, hedges)
    assert list(out.hedged) == [False, True, False]
    assert out.certainty.iloc[0] == 1.0 and out.certainty.iloc[2] == 1.0
    assert out.certainty.iloc[1] == pytest.approx(0.45 * (1 + 0.7) / 2)
    assert "hedged" not in claims  # the input is not changed
    assert out.hedged.dtype == bool and out.certainty.dtype == float


def test_no_hedges_table_means_asserted():
    claims = pd.DataFrame({"article_id": ["a"], "claim_id": ["0.0"]})
    assert claim_certainty(claims, None).certainty.tolist() == [1.0]
    assert claim_certainty(claims.iloc[0:0], None).empty
