"""The fragment rule."""

from __future__ import annotations

from . import kinds, run


def test_fragment_flagged_and_offsets_exact(article):
    text = "The army moved north on Monday. Redeployed forces. Officials said the move was planned."
    flags = run(article, text)
    fragment = [f for f in flags if f["kind"] == "fragment"]
    assert len(fragment) == 1
    assert fragment[0]["text"] == "Redeployed forces." == text[fragment[0]["start"] : fragment[0]["end"]]
    assert fragment[0]["severity"] == "medium" and "not a full sentence" in fragment[0]["message"]


def test_headings_and_transcript_turns_are_not_fragments(article):
    heading = "Results of the vote\n\nThe council approved the budget on Monday. Members said it was fair."
    assert "fragment" not in kinds(run(article, heading))
    transcript = "MR PRICE: Good afternoon.\n\nQUESTION: Okay.\n\nMR PRICE: Yes, yes.\n\nQUESTION: Thanks."
    assert "fragment" not in kinds(run(article, transcript))
