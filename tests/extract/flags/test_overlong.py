"""The overlong_sentence rule: a run of text cut to be parsed is flagged where it was cut."""

from __future__ import annotations

from . import kinds, run


def test_a_cut_run_is_flagged_at_each_cut(article):
    clause = "officials said the troops may withdraw from the city on Wednesday"
    text = ", and ".join([clause] * 60)  # about 4,300 characters without a sentence end
    flags = [f for f in run(article, text) if f["kind"] == "overlong_sentence"]
    assert len(flags) == 2
    assert all(text[f["start"] : f["end"]] == f["text"] and f["severity"] == "low" for f in flags)
    assert "max_sentence_chars" in flags[0]["message"]


def test_ordinary_text_has_no_overlong_flag(article):
    assert "overlong_sentence" not in kinds(run(article, "The army left the city on Monday. Officials said it was planned."))
