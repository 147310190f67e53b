"""Speaker labels and transcripts: one detector for the claims and the flags."""

from __future__ import annotations

from analystkit.nlp.transcripts import (
    MIN_LABELS,
    is_transcript,
    label_at,
    speaker_labels,
    starts_with_speaker_label,
)

BRIEFING = "MS. JEAN-PIERRE: Good afternoon.\n\nQ Thank you, Karine.\n\nMR. SULLIVAN: The Russians are leaving Kherson.\n\nQ: Why now?"


def starts(text: str) -> list[int]:
    return [0] + [i + 2 for i in range(len(text)) if text.startswith("\n\n", i)]


def test_labels_of_a_briefing():
    labels = speaker_labels(BRIEFING, starts(BRIEFING))
    assert [BRIEFING[a:b] for a, b in (label.label for label in labels)] == ["MS. JEAN-PIERRE", "Q", "MR. SULLIVAN", "Q"]
    assert [label.questioner for label in labels] == [False, True, False, True]
    first = labels[0]
    assert BRIEFING[first.content_start:].startswith("Good afternoon") and first.words(BRIEFING) == ["MS.", "JEAN-PIERRE"]


def test_a_transcript_needs_several_labels():
    assert is_transcript(BRIEFING, starts(BRIEFING))
    one = "MR. SULLIVAN: Good afternoon.\n\nThe talks went well."
    assert len(speaker_labels(one, starts(one))) == 1 < MIN_LABELS and not is_transcript(one, starts(one))


def test_what_is_not_a_label():
    assert label_at("Quiet streets this morning.") is None
    assert label_at("B: yes") is None  # no word of two letters
    assert label_at("A man said it.") is None and label_at("A new study") is None  # "A" answers only with a colon
    assert label_at("The President said: go.") is None  # not upper case
    assert starts_with_speaker_label("THE PRESIDENT:")  # a label alone on its line


def test_an_interview_answer_label():
    """ "A:" / "ANSWER:" opens the interviewee's turn (the questioner's "Q:" opens the question)."""
    text = "Q: Will it pass?\n\nA: I think so.\n\nQUESTION: When?\n\nANSWER: Friday."
    labels = speaker_labels(text, starts(text))
    assert [text[a:b] for a, b in (label.label for label in labels)] == ["Q", "A", "QUESTION", "ANSWER"]
    assert [label.answerer for label in labels] == [False, True, False, True]
    assert text[labels[1].content_start:].startswith("I think so")
