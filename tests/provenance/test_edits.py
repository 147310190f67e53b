"""Edit kinds the damage generator does not make: negation, numbers; and the table's contract."""

from __future__ import annotations

import analystkit as ak
from analystkit.provenance.edits import COLUMNS, KINDS, SEVERITY


def test_negation_and_number(nlp):
    a = "The council approved the plan on Tuesday. The bridge carries 12,000 cars a day."
    b = "The council did not approve the plan on Tuesday. The bridge carries 15,000 cars a day."
    edits = ak.compare(a, b, published="2022-03-01", nlp=nlp).edits
    assert list(edits.columns) == COLUMNS
    flipped = edits[edits.kind == "negation_flipped"].iloc[0]
    assert flipped.before == "approve" and flipped.after == "not approve" and flipped.severity == "high"
    number = edits[edits.kind == "number_changed"].iloc[0]
    assert (number.text_a, number.text_b) == ("12,000", "15,000")
    assert "rewording" not in set(edits.kind)  # the changed words are explained, not left as rewording


def test_every_kind_has_a_severity():
    assert set(KINDS) == set(SEVERITY)
    assert set(SEVERITY.values()) <= {"high", "medium", "low"}


def test_weaker_source_and_added_hedge(nlp):
    a = "Mayor Ana Lopez said the bridge will open in May. The work is finished."
    b = "Some residents said the bridge will open in May. The work is probably finished."
    edits = ak.compare(a, b, published="2022-03-01", nlp=nlp).edits
    source = edits[edits.kind == "source_changed"].iloc[0]
    assert "named_person" in source.before and "unnamed" in source.after
    assert source.severity == "high"  # a named source became an unnamed one
    hedge = edits[edits.kind == "hedge_added"].iloc[0]
    assert hedge.text_b == "probably" and hedge.certainty_a == 1.0 and hedge.certainty_b < 1.0
