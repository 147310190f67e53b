"""Transcripts: speaker labels that open a paragraph ("MR. SULLIVAN:", "THE PRESIDENT:", "Q").

One detector for the whole kit. A paragraph opens a speaker's turn when it starts with a
label: the questioner's "Q" / "QUESTION" / "REPORTER" (with a colon or a space), the
interviewee's "A:" / "ANSWER:" (with a colon: "A" alone opens many sentences), or up to
five upper-case words (one with at least two letters) followed by a colon. A text is a
transcript when at least :data:`MIN_LABELS` paragraphs open that way and at least half of those
labels name a speaker (:func:`names_a_speaker`, or a full name shortened to the surname in a later
label: "KATE BOLDUAN:", then "BOLDUAN:"): "NOMINATIONS SENT TO THE SENATE:", "PILLAR I:"
or a list of "NAACP: ..." statements are headings and lead-ins, not turns. Then the claims table
reads each turn as its speaker's words, and the integrity flags do not hold a speaker's
elliptical turns against the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..vocab.attribution import person_source_nouns
from ..vocab.words import titles, word_list

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


@lru_cache(maxsize=1)
def _label_words() -> tuple[frozenset[str], frozenset[str]]:
    """``(person words, qualifiers)``. Person words make a label a person: courtesy titles ("MR."),
    titles and role nouns ("PRESIDENT", "SECRETARY"), function labels ("MODERATOR") and the nouns
    of unnamed officials ("OFFICIAL"). Qualifiers only stand before them ("LABOR", "VICE")."""
    qualifiers = titles("portfolio") | word_list("role_modifiers")
    people = (titles("title") | titles("role")) - qualifiers
    officials = set(person_source_nouns())
    courtesy = word_list("speaker_label_titles") - {"the"}
    return frozenset(people | word_list("function_labels") | officials | {w + "s" for w in officials} | courtesy), frozenset(qualifiers | {"the"})


def names_a_speaker(label: SpeakerLabel, text: str) -> bool:
    """The label stands for a person: the questioner or the answerer; titles and a name or nothing
    more ("THE PRESIDENT", "MS. JEAN-PIERRE", "VICE PRESIDENT HARRIS"); a phrase ending in a person
    or function noun ("SENIOR ADMINISTRATION OFFICIAL", "AUDIENCE MEMBER"); or one word that the
    text gives as a surname, after a capitalised word and not in capitals ("YELLEN" and "Janet
    Yellen"; "NAACP" is no surname). Names of bodies ("HUNGER FREE OKLAHOMA") and headings
    ("NOMINATIONS SENT TO THE SENATE") are not."""
    if label.questioner or label.answerer:
        return True
    people, qualifiers = _label_words()
    words = [w.strip(",:") for w in label.words(text)]
    lower = [w.lower() for w in words]
    i = 0
    while i < len(lower) and (lower[i] in people or lower[i] in qualifiers or lower[i].rstrip(".") in people):
        i += 1
    titled = any(w in people or w.rstrip(".") in people for w in lower[:i])
    rest = words[i:]
    if not rest:
        return titled
    if len(rest) == 1 and titled:
        return True
    if lower[-1] in people or lower[-1].rstrip(".") in people:
        return True
    if len(rest) > 1:
        return False
    surname = rest[0].strip(".")
    for match in re.finditer(r"\b([A-Z][\w'’.\-]*)\s+(?:[A-Z]\.\s+)?(" + re.escape(surname) + r")\b", text, flags=re.IGNORECASE):
        if match.group(1)[:1].isupper() and not match.group(1).isupper() and not match.group(2).isupper():
            return True
    return False


def transcript_labels(text: str, paragraph_starts: Sequence[int]) -> list[SpeakerLabel]:
    """The speaker labels of ``text`` when it is a transcript (see the module docstring), else ``[]``."""
    labels = speaker_labels(text, paragraph_starts)
    if len(labels) < MIN_LABELS:
        return []
    # A speaker introduced in full and then by surname ("KATE BOLDUAN:", later "BOLDUAN:").
    named = [label for label in labels if not (label.questioner or label.answerer)]
    short = {label.words(text)[0].strip(".,:").upper() for label in named if len(label.words(text)) == 1}
    full = {label.words(text)[-1].strip(".,:").upper() for label in named if len(label.words(text)) > 1}
    again = short & full
    speaking = sum(1 for label in labels if names_a_speaker(label, text) or (label in named and label.words(text)[-1].strip(".,:").upper() in again))
    return labels if speaking >= MIN_LABELS and 2 * speaking >= len(labels) else []


def is_transcript(text: str, paragraph_starts: Sequence[int]) -> bool:
    """The text is a transcript: see :func:`transcript_labels`."""
    return bool(transcript_labels(text, paragraph_starts))


def starts_with_speaker_label(text: str, at: int = 0) -> bool:
    """``text[at:]`` opens with a speaker label."""
    return label_at(text, at) is not None


__all__ = ["MIN_LABELS", "SPEAKER_LABEL", "SpeakerLabel", "is_transcript", "label_at", "names_a_speaker", "speaker_labels", "starts_with_speaker_label", "transcript_labels"]
