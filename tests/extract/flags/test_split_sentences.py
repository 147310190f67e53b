"""The split_sentence rule."""

from __future__ import annotations

from . import kinds, run


def test_split_sentence(article):
    text = (
        "Officials met in the capital on Monday to discuss the plan.\n\n"
        "Rumors of a deal had been circulating for weeks, but the government's progress\n\n"
        "It was slow and grinding.\n\nThe talks continue."
    )
    flags = [f for f in run(article, text) if f["kind"] == "split_sentence"]
    assert len(flags) == 1
    assert flags[0]["text"].endswith("the government's progress")
    assert flags[0]["related_text"] == "It was slow and grinding."


def test_terminated_paragraphs_and_interruptions_are_not_split(article):
    text = "Officials met on Monday to discuss the plan.\n\nI am not in the habit of —\n\nThey left."
    assert "split_sentence" not in kinds(run(article, text))
