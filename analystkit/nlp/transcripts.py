"""Transcripts: speaker labels that open a paragraph ("MR. SULLIVAN:", "THE PRESIDENT:", "Q").

One detector for the whole kit. A paragraph opens a speaker's turn when it starts with a
label: the questioner's "Q" / "QUESTION" / "REPORTER" (with a colon or a space), the
interviewee's "A:" / "ANSWER:" (with a colon: "A" alone opens many sentences), or up to
five upper-case words (one with at least two letters) followed by a colon. A text is a
transcript when at least :data:`MIN_LABELS` paragraphs open that way; then the claims table
reads each turn as its speaker's words, and the integrity flags do not hold a speaker's
elliptical turns against the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

#: A speaker label at the start of a paragraph.
SPEAKER_LABEL = re.compile(r"(?:(?P<q>Q|QUESTION|REPORTER)(?::|\s)\s*|(?P<a>A|ANSWER):\s*|(?P<name>[A-Z][A-Z.'’\-]*(?:\s[A-Z][A-Z.'’\-]*){0,4}):(?:\s|$))")
#: Paragraphs opening with a label that make a text a transcript.
MIN_LABELS = 2


@dataclass(frozen=True)
class SpeakerLabel:
    """A label opening a paragraph: where it is, and what follows it."""

    paragraph_start: int
    label: tuple[int, int]  # the label's characters ("MR. SULLIVAN", "Q")
    colon: tuple[int, int] | None  # its colon, when there is one
    questioner: bool  # "Q", "QUESTION", "REPORTER": a journalist's question
    content_start: int  # first character after the label
    answerer: bool = False  # "A:", "ANSWER:": the interviewee's answer

    def words(self, text: str) -> list[str]:
        return text[self.label[0] : self.label[1]].split()


def label_at(text: str, at: int = 0) -> SpeakerLabel | None:
    """The speaker label starting at ``at``, if there is one."""
    match = SPEAKER_LABEL.match(text, at)
    if not match:
        return None
    if match.group("q"):
        label = (match.start("q"), match.end("q"))
        colon = (label[1], label[1] + 1) if text[label[1] : label[1] + 1] == ":" else None
        return SpeakerLabel(at, label, colon, True, match.end())
    if match.group("a"):
        label = (match.start("a"), match.end("a"))
        return SpeakerLabel(at, label, (label[1], label[1] + 1), False, match.end(), answerer=True)
    label = (match.start("name"), match.end("name"))
    if not any(sum(c.isalpha() for c in w) >= 2 for w in text[label[0] : label[1]].split()):
        return None
    return SpeakerLabel(at, label, (label[1], label[1] + 1), False, match.end())


def speaker_labels(text: str, paragraph_starts: Sequence[int]) -> list[SpeakerLabel]:
    """The labels opening paragraphs of ``text``, in order."""
    return [found for start in paragraph_starts if (found := label_at(text, start)) is not None]


def is_transcript(text: str, paragraph_starts: Sequence[int]) -> bool:
    """At least :data:`MIN_LABELS` paragraphs open with a speaker label."""
    return len(speaker_labels(text, paragraph_starts)) >= MIN_LABELS


def starts_with_speaker_label(text: str, at: int = 0) -> bool:
    """``text[at:]`` opens with a speaker label."""
    return label_at(text, at) is not None


__all__ = ["MIN_LABELS", "SPEAKER_LABEL", "SpeakerLabel", "is_transcript", "label_at", "speaker_labels", "starts_with_speaker_label"]
