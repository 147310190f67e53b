"""Transcript speaker labels resolved to the people who speak ("MS. JEAN-PIERRE:" → Karine Jean-Pierre).

One place for what a label means, used by the claims table (a turn's source) and the
entities table (a label is never a mention, so "MS. JEAN-PIERRE:" never becomes an actor
"JEAN"). The labels themselves are found by :mod:`analystkit.nlp.transcripts`.

* the questioner's ``Q`` / ``QUESTION`` / ``REPORTER``: an unnamed journalist
  (``unnamed``, subtype ``journalist``, no actor);
* the interviewee's ``A:`` / ``ANSWER:``: the person the title names, else the person most
  mentioned in the introduction before the first turn, else the article's most mentioned person
  (:func:`interviewee`; ``unnamed``/``interviewee`` when it names no one);
* a courtesy title and a surname (``MR. SULLIVAN``, ``MS. JEAN-PIERRE``): the person with that
  surname named in the article ("Jake Sullivan"), else in its metadata (title, author:
  "Press Briefing by Press Secretary Karine Jean-Pierre"), else the surname alone;
* a function, not a person (``SENIOR ADMINISTRATION OFFICIAL``, ``MODERATOR``): no actor,
  ``unnamed`` with subtype ``official`` (a source noun's kind) or ``speaker``;
* a role (``THE PRESIDENT``, ``THE VICE PRESIDENT``, ``SECRETARY BLINKEN``): the person the
  article or its metadata names with that role ("Remarks by President Biden" → Joe Biden);
  a role with no name anywhere stays the role ("The President"), typed ``unnamed``/``official``.

Nothing here is keyed to an outlet: the rules read the article's own names and metadata.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from ..vocab.attribution import person_source_nouns
from ..vocab.words import titles, word_list
from .doc import doc_ents, doc_text, paragraph_starts
from .spans import clean_mention
from .titles import is_role
from .transcripts import speaker_labels, transcript_labels

#: Courtesy titles dropped from a label ("MR.", "MS.", "THE").
COURTESY = word_list("speaker_label_titles")
_LINE_START = re.compile(r"\n[^\S\n]*")
_NAME = r"[A-Z][\w'’.\-]*(?:\s+(?:[A-Z]\.|[A-Z][\w'’\-]+))*"


@dataclass(frozen=True)
class Speaker:
    """Who a speaker label stands for."""

    actor: str  # canonical actor ("Joe Biden"), "" for an unnamed questioner
    source_type: str  # named_person or unnamed
    source_subtype: str  # speaker, journalist, official


QUESTIONER = Speaker("", "unnamed", "journalist")


def _clean(word: str) -> str:
    return word.strip(".:,").lower()


def _persons(doc: Doc) -> list[tuple[str, str]]:
    """``(actor, text)`` of the PERSON entities of the article, most mentioned first."""
    counts: Counter[str] = Counter()
    texts: dict[str, str] = {}
    for ent in doc_ents(doc):
        if ent.label_ == "PERSON":
            actor = ent.kb_id_ or ent.text
            counts[actor] += 1
            texts.setdefault(actor, ent.text)
    return [(actor, texts[actor]) for actor, _ in counts.most_common()]


def _name_part(words: list[str], surname: str) -> list[str]:
    """The person's name in a run of capitalised words that ends at ``surname``: the surname and the
    given names right before it ("Press Secretary Karine Jean-Pierre En Route" → Karine Jean-Pierre)."""
    ends = [i for i, w in enumerate(words) if w.strip(".,").lower() == surname]
    if not ends:
        return []
    end = ends[-1]
    start = end
    # Given names and initials: at most two words before the surname, none of them a title word.
    for i in range(end - 1, max(-1, end - 3), -1):
        word = words[i].strip(",")
        if _clean(word) in titles("title") | titles("role") | titles("portfolio") | COURTESY or not word[:1].isupper():
            break
        start = i
    return [w.strip(",") for w in words[start : end + 1]]


def _by_surname(surname: str, doc: Doc, meta: Mapping[str, Any]) -> str:
    """The fullest name of the person with ``surname``, from the article's entities and its metadata."""
    surname = surname.lower()
    found: Counter[str] = Counter()
    for actor, _ in _persons(doc):
        words = _name_part(actor.split(), surname)
        if words:
            found[" ".join(words)] += 1
    for field in ("title", "author"):
        for match in re.finditer(_NAME, str(meta.get(field) or "")):
            words = _name_part(match.group(0).split(), surname)
            if len(words) > 1:
                found[" ".join(words)] += 1
    if not found:
        return ""
    full = {name for name in found if len(name.split()) > 1}
    if len(full) > 1:
        # Several people share the surname ("Joe Biden", "Hunter Biden"): the longest name wins only
        # when the others are its parts; otherwise the surname stays ambiguous.
        longest = max(full, key=lambda name: (len(name.split()), found[name]))
        if not all(set(name.split()) <= set(longest.split()) for name in full):
            return ""
    return max(found, key=lambda name: (len(name.split()), found[name]))


_LAST_WORD = re.compile(r"([\w'’.]+)(?:-|[ \t]+)$")  # "Vice President", "Vice-President"


def _role_matches(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Matches of a role and a name, except those where the role is the end of another office:
    "Vice President Harris" and "former President Trump" are no "President" of the label
    "THE PRESIDENT" (word list ``role_modifiers`` right before the role)."""
    longer = word_list("role_modifiers")
    kept = []
    for match in pattern.finditer(text):
        before = _LAST_WORD.search(text, max(0, match.start() - 40), match.start())
        if before is not None and _clean(before.group(1)) in longer:
            continue
        kept.append(match)
    return kept


def _name_run(words: str) -> str:
    """A run of capitalised words cut before its first function word after the first word: in a
    title-case heading the name ends there ("Biden Before Marine One Departure" → "Biden"; "Will
    Smith" keeps its first word). spaCy's English stop words, less the particles of names."""
    parts = words.split()
    for i, word in enumerate(parts[1:], start=1):
        lower = word.strip(".,'’").lower()
        if lower in STOP_WORDS and lower not in word_list("name_particles"):
            return " ".join(parts[:i])
    return words


def _by_role(role: list[str], doc: Doc, meta: Mapping[str, Any]) -> str:
    """The person named with ``role`` ("President Biden", "Vice President Harris") in the metadata or the article."""
    pattern = re.compile(r"\b(?i:" + r"\s+".join(re.escape(w) for w in role) + r")\s+(" + _NAME + ")")
    candidates: Counter[str] = Counter()
    for field in ("title", "author"):
        for match in _role_matches(pattern, str(meta.get(field) or "")):
            candidates[_name_run(match.group(1))] += 10  # the heading names the speaker: it wins over the body
    for match in _role_matches(pattern, doc_text(doc)):
        candidates[_name_run(match.group(1))] += 1
    for name, _ in candidates.most_common():
        words = [clean_mention(w).strip(".,'’") for w in name.split()]  # "President Putin’s remarks": Putin
        if not words or _clean(words[0]) in titles("title") | titles("role"):
            continue
        return _by_surname(words[-1], doc, meta) or " ".join(words)
    return ""


def interviewee(doc: Doc, meta: Mapping[str, Any] | None = None, *, before: int | None = None) -> Speaker:
    """Who answers an interview's "A:" turns: the person the title names, else the most mentioned
    person before the first turn (the introduction), else the most mentioned person; unnamed
    (subtype ``interviewee``) when the article names no one."""
    persons = _persons(doc)
    title = str((meta or {}).get("title") or "")
    for actor, text in persons:
        if text and text in title:
            return Speaker(actor, "named_person", "speaker")
    if before is not None:
        intro = Counter(ent.kb_id_ or ent.text for ent in doc_ents(doc) if ent.label_ == "PERSON" and ent.end_char <= before)
        if intro:
            return Speaker(intro.most_common(1)[0][0], "named_person", "speaker")
    if persons:
        return Speaker(persons[0][0], "named_person", "speaker")
    return Speaker("", "unnamed", "interviewee")


def resolve_label(words: list[str], doc: Doc, meta: Mapping[str, Any] | None = None, *, questioner: bool = False, answerer: bool = False, before: int | None = None) -> Speaker:
    """The speaker a label's words stand for (see the module docstring); ``before``: where the
    first turn starts (an interviewee is looked for in the introduction before it)."""
    if questioner:
        return QUESTIONER
    if answerer:
        return interviewee(doc, meta, before=before)
    meta = meta or {}
    kept = [w for w in words if _clean(w) not in COURTESY]
    if not kept:
        return Speaker("", "unnamed", "speaker")
    role_words = titles("title") | titles("role")
    if all(_clean(w) in role_words for w in kept):
        # A role alone ("THE PRESIDENT"): the person the heading or the article names with it.
        role = [_clean(w) for w in kept]
        named = _by_role(role, doc, meta)
        if named:
            return Speaker(_title_case(named), "named_person", "speaker")
        return Speaker(" ".join(w.title() for w in words), "unnamed", "official")
    unnamed = _unnamed_label(kept)
    if unnamed is not None:
        return unnamed
    surname = kept[-1].strip(".")
    full = _by_surname(surname.lower(), doc, meta)
    if full:
        return Speaker(_title_case(full), "named_person", "speaker")
    # "SECRETARY BLINKEN" with no full name: the surname, as written in title case.
    return Speaker("-".join(part.title() for part in surname.split("-")), "named_person", "speaker")


def _unnamed_label(kept: list[str]) -> Speaker | None:
    """A label that names a function, not a person: no actor. "SENIOR ADMINISTRATION OFFICIAL"
    (its last word a source noun of ``data/source_nouns.csv``: typed as that noun is, here
    ``unnamed``/``official``) or "MODERATOR", "OPERATOR" (word list ``function_labels``:
    ``unnamed``/``speaker``)."""
    last = _clean(kept[-1])
    if last in word_list("function_labels"):
        return Speaker("", "unnamed", "speaker")
    nouns = person_source_nouns()
    noun = last if last in nouns else last[:-1] if last.endswith("s") and last[:-1] in nouns else ""
    return Speaker("", "unnamed", nouns[noun]) if noun else None


def role_holder(role: str, doc: Doc, meta: Mapping[str, Any] | None = None) -> str:
    """The person a bare role stands for in this article ("President" → the person the heading or
    the article names "President X"), or ``""``. For actors that are only a role title."""
    if not is_role(role):
        return ""
    return _by_role([_clean(w) for w in role.split() if _clean(w) not in COURTESY], doc, meta or {})


def bare_role_holder(actor: str, mention: str, doc: Doc, meta: Mapping[str, Any] | None = None) -> str:
    """The actor of a mention whose linked actor is only a role ("the President", "The Vice President"
    linked to "President"): the person the heading or article names with the mention's role, else with
    the actor's; ``actor`` itself for any other actor, or when no one is named. The one rule the
    entities, actions and claims tables share."""
    if not actor or not is_role(actor):
        return actor
    role = mention.removeprefix("the ").removeprefix("The ").strip()
    return (role_holder(role, doc, meta) if role != actor else "") or role_holder(actor, doc, meta) or actor


def _title_case(name: str) -> str:
    """ "VINCENT-COLLAWN" → "Vincent-Collawn"; a name already in mixed case is kept."""
    return name.title() if name.isupper() else name


def label_spans(text: str) -> list[tuple[int, int]]:
    """The characters of the speaker labels (with their colons) of a transcript; empty for other texts.

    The entity step drops every entity inside one: a label is a turn marker, not a mention
    ("MS. JEAN-PIERRE:" is no mention of a "JEAN")."""
    if ":" not in text and "Q" not in text:
        return []
    if not transcript_labels(text, paragraph_starts(text)):
        return []
    # In a transcript, a label may also open a line inside a paragraph (a lost blank line).
    labels = speaker_labels(text, [0] + [m.end() for m in _LINE_START.finditer(text)])
    return [(found.label[0], found.colon[1] if found.colon else found.label[1]) for found in labels]


__all__ = ["COURTESY", "QUESTIONER", "Speaker", "bare_role_holder", "interviewee", "label_spans", "resolve_label", "role_holder"]
