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


def _starts(text: str) -> list[int]:
    from analystkit.nlp.doc import paragraph_starts

    return paragraph_starts(text)


def test_headings_in_capitals_are_no_transcript():
    text = (
        "NOMINATIONS SENT TO THE SENATE:\n\nJane Roe, of Virginia, to be Director of the Mint.\n\n"
        "WITHDRAWALS SENT TO THE SENATE:\n\nJohn Doe, of Ohio, to be a Member of the Board."
    )
    assert len(speaker_labels(text, _starts(text))) == 2
    assert not is_transcript(text, _starts(text))


def test_statements_by_bodies_are_no_transcript():
    text = (
        "Groups praised the speech.\n\nNAACP: “Tonight we heard a strong speech.”\n\n"
        "HUNGER FREE OKLAHOMA: Will fund 40 pantries. Hunger Free Oklahoma says so.\n\n"
        "AFSCME: “The President gets it.”\n\nMore praise followed.\n\nAFSCME: “Workers win.”"
    )
    assert not is_transcript(text, _starts(text))


def test_labels_that_name_people_make_a_transcript():
    from analystkit.nlp.transcripts import names_a_speaker

    text = (
        "Chuck Todd interviewed Janet Yellen.\n\nTODD: Are we in a recession?\n\nYELLEN: No, we are not.\n\n"
        "VICE PRESIDENT HARRIS: Thank you.\n\nSENIOR ADMINISTRATION OFFICIAL: Hi.\n\nAUDIENCE MEMBER: We love you!\n\n"
        "ADMINISTRATOR NELSON: Look at this image.\n\nNAACP: We agree."
    )
    labels = {" ".join(label.words(text)): names_a_speaker(label, text) for label in speaker_labels(text, _starts(text))}
    assert labels == {
        "TODD": True, "YELLEN": True, "VICE PRESIDENT HARRIS": True, "SENIOR ADMINISTRATION OFFICIAL": True,
        "AUDIENCE MEMBER": True, "ADMINISTRATOR NELSON": True, "NAACP": False,
    }
    assert is_transcript(text, _starts(text))


def test_full_name_labels_shortened_later_make_a_transcript():
    text = (
        "KATE BOLDUAN: Will she debate?\n\nJOEL BENENSON: We have debated nine times.\n\n"
        "BOLDUAN: But why not one more?\n\nBENENSON: Because the schedule is set."
    )
    assert is_transcript(text, _starts(text))
    heads = "STAT OF THE WEEK: 40 percent.\n\nSHORT READS: A column on the race.\n\nWEEK AHEAD: Nothing."
    assert not is_transcript(heads, _starts(heads))
