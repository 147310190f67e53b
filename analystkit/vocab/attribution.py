"""The attribution vocabulary: cue words and source nouns, read from the kit's data files.

* ``analystkit/data/attribution_cues.csv`` — ``cue, kind, category, object_content,
  provenance``: reporting verbs (say, tell, announce, deny, ...), belief verbs
  (fear, believe, think), the expectation verb (expect), evidential verbs for
  reports and studies (show, find, reveal), evidential nouns (report, rumor,
  word, claim), medium nouns (statement, interview: "in a statement"), the
  phrase "according to" and evidential adverbs (reportedly). ``quote_only`` verbs (continue, read) report only a quotation ("She
  continued: "...""). The PARC 3.0 / PolNeAR categories beyond speech and belief: ``commitment``
  (promise, vow, urge: the content may be an infinitive, "vowed to fight"), ``intention`` (want,
  plan, seek: an infinitive content, attributed to people only), ``refusal`` (decline, refuse:
  "declined to comment" is an attribution without content, "refused to disavow X" has the
  infinitive as content); ``opinion`` (support, back, oppose, vote: the object, held by people and
  bodies), ``regard`` (see, view, consider: the object with its "as" phrase), ``topic`` (speak,
  talk: the "about" phrase), ``stance_noun`` (case, swipe, proposal: with a light verb, "made the
  case that", or a possessor, "her support for"), ``attitude`` adjectives ("is skeptical of",
  "are worried that", "made it clear that"); speech acts whose object is the content (blast, praise, describe, call:
  ``object_content``). ``object_content`` says whether the verb's object (a noun's "of"/"about" phrase: "rumors of
  a retreat") may be the content ("Russia denied the
  allegations") when it has no clause; ``not_person``: only when the object is not a person
  ("questioned his fitness", not "questioned the student"; "challenged the ruling", not "challenged the senator"),
  unless a predicate follows the person ("called him a liar", "called out protesters"); ``message``: a noun object only
  when it names something said, thought or shown — a cue noun of this file or a ``message_nouns`` word
  ("shared her concerns", "echoed the criticism"; not "shares a residence", "echoed his success").
* ``analystkit/data/source_nouns.csv`` — ``noun, source_type, source_subtype,
  provenance``: the head nouns of unnamed and vague sources (official, source,
  people, researcher, report, study, ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .files import read_rows


@dataclass(frozen=True)
class Cue:
    cue: str
    kind: str  # verb, noun, phrase, adverb, adjective
    category: str  # speech, quote_only, belief, knowledge, expectation, evidential, commitment, intention, refusal, report_noun, statement_noun, according_to, vague_adverb
    object_content: bool
    #: ``False`` for a verb whose object is its content only when not a person (``object_content`` ``not_person``:
    #: "questioned his fitness" reports a doubt, "questioned the student" an interrogation)
    object_person: bool = True
    #: ``True`` for a verb whose noun object is its content only when it names something said, thought or shown
    #: (``object_content`` ``message``: "shared her concerns", not "shares a residence"; "echoed the criticism",
    #: not "echoed Sanders' success")
    object_message: bool = False


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, Cue]
    nouns: dict[str, Cue]
    adverbs: dict[str, Cue]
    source_nouns: dict[str, tuple[str, str]]
    adjectives: dict[str, Cue] = field(default_factory=dict)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The cue and source-noun lists (read once)."""
    verbs: dict[str, Cue] = {}
    nouns: dict[str, Cue] = {}
    adverbs: dict[str, Cue] = {}
    adjectives: dict[str, Cue] = {}
    for row in read_rows("attribution_cues.csv"):
        mode = row["object_content"]
        cue = Cue(row["cue"].lower(), row["kind"], row["category"], mode in ("yes", "not_person", "message"), mode != "not_person", mode == "message")
        table = {"verb": verbs, "noun": nouns, "adverb": adverbs, "adjective": adjectives}.get(cue.kind)
        if table is not None:
            table.setdefault(cue.cue, cue)
    sources = {row["noun"].lower(): (row["source_type"], row["source_subtype"]) for row in read_rows("source_nouns.csv")}
    return Lexicon(verbs, nouns, adverbs, sources, adjectives)


@lru_cache(maxsize=1)
def person_source_nouns() -> dict[str, str]:
    """The source nouns that stand for an unnamed person ("official", "spokesperson", "expert",
    "source"), with their subtype: what a transcript label ending in one of them is."""
    return {noun: sub for noun, (kind, sub) in load_lexicon().source_nouns.items() if kind == "unnamed" and sub in ("official", "expert", "anonymous")}


__all__ = ["Cue", "Lexicon", "load_lexicon", "person_source_nouns"]
