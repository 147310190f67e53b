"""Organisations the small model misses or mislabels (part of ``analystkit_consistency``).

* :func:`named_after_places` — "Food Standards Australia New Zealand" is an organisation,
  not New Zealand;
* :func:`extend_organisation_heads` — "the Scientology organization" is one mention;
* :func:`repeated_names` — a capitalised proper noun the article repeats is a name;
* :func:`not_people` — awards ("the Purple Heart") and bodies named in apposition to an
  organisation noun ("a new company, Kissito") that the model tags as people.

News outlets, wire services, fact-checkers and platforms the model tags as people
("According to Politico", "Twitter announced") are relabelled earlier, by the gazetteer
(``data/media_names.csv``, read by :mod:`analystkit.vocab.gazetteer`; :mod:`.places`).
"""

from __future__ import annotations

import numpy
from spacy.attrs import ORTH, SENT_START, TAG
from spacy.strings import hash_string
from spacy.tokens import Doc, Span

from ..vocab.gazetteer import lookup
from ..vocab.words import time_words, titles, word_list
from .places import NOT_NAMES
from .spans import is_title_case, replace_overlapping, without_the

#: Capitalised words that, before a place, make a longer place name rather than an
#: organisation's: compass points and regions ("Eastern Ukraine", "Greater London") and
#: the feature words of GeoNames' hydrographic, terrain and area classes ("Lake
#: Victoria", "Mount Hermon", "Port Sudan").
PLACE_PREFIXES = word_list("place_prefixes")
#: Common nouns that, after an organisation's name, only say what kind of body it is
#: ("the Scientology organization", "the M5S party", "the Sea Org group").
ORGANISATION_HEADS = word_list("organisation_heads")
_TITLE_WORDS = titles("title")
_ROLE_NOUNS = titles("role")
#: Nouns that head an award's or decoration's name ("the Purple Heart", "a Nobel Prize").
AWARD_HEADS = word_list("award_heads")
#: Award heads that also head organisations' names ("the Red Cross", "the Toronto Star"):
#: only a mention the model calls a person or a place is taken for an award.
AWARD_NAME_HEADS = word_list("award_name_heads")
#: Participles that, hyphened to an award's name, say it was won ("Oscar-winning", "Emmy-nominated").
AWARD_PARTICIPLES = word_list("award_participles")
#: Labels an award's name may wrongly carry, by how sure its head makes it an award.
_AWARD_LABELS = frozenset({"PERSON", "FAC", "ORG"})
_AWARD_NAME_LABELS = frozenset({"PERSON", "FAC"})
#: What an award's name becomes: a named thing, never an actor.
AWARD_LABEL = "WORK_OF_ART"
#: Part-of-speech tags of the words that may stand between a determiner and an award's
#: name ("a replica Purple Heart", "his second Purple Heart", "the prestigious Nobel Prize").
_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "NN", "CD", "VBN", "VBG", "HYPH"})
_DETERMINER_TAGS = frozenset({"DT", "PRP$", "POS", "WP$", "PDT"})
#: Calendar words and "I": capitalised, but never a name the article repeats.
_NOT_NAME_WORDS = frozenset(time_words("month") + time_words("weekday")) | {"i"}


def named_after_places(ents: list[Span]) -> list[Span]:
    """A proper-noun compound that ends in a place is an organisation named after it.

    "Food Standards Australia New Zealand", "Tourism Australia", "Air France": the
    small model tags only the place(s) and leaves the capitalised words before them
    untagged, so the body's statements would be counted as New Zealand's. When
    capitalised words the model did not tag, none of them a title or a place word
    (:data:`PLACE_PREFIXES`), form one compound with places that ends the chain, the
    whole run becomes an ORG, unless the gazetteer knows it as a place. A single such
    word opening a sentence is not enough, nor are words in a title-case headline:
    there any word may be capitalised ("Commissioner Represents Centre County"). The
    places stay findable as nested mentions (:func:`nested_places`).
    """
    if not ents:
        return ents
    doc = ents[0].doc
    owner = {i: e for e in ents for i in range(e.start, e.end)}
    new: list[Span] = []
    for ent in ents:
        root = ent.root
        if ent.label_ != "GPE" or ent[0].lower_ == "the" or ent.start == 0:
            continue
        if root.dep_ == "compound" and root.head.i >= ent.end and doc[root.head.i].tag_ in ("NNP", "NNPS"):
            continue  # not the end of the name: "Australia" in "… Australia New Zealand"
        start, plain, i = ent.start, 0, ent.start - 1
        while i >= 0:
            token = doc[i]
            if not (token.dep_ == "compound" and start <= token.head.i < ent.end and token.tag_ in ("NNP", "NNPS") and token.text[:1].isupper()):
                break
            other = owner.get(i)
            if other is not None:
                if other.label_ != "GPE" or other.end != start:
                    break
                i, start = other.start - 1, other.start
                continue
            if token.lower_ in PLACE_PREFIXES or token.lower_ in _TITLE_WORDS or token.lower_ in _ROLE_NOUNS or token.lower_ in NOT_NAMES or len(token) < 2 or not token.is_alpha:
                break
            plain += 1
            i, start = i - 1, i
        if not plain or start in owner or lookup(doc[start : ent.end].text) is not None:
            continue
        if plain == 1 and doc[start].is_sent_start or doc.has_annotation("SENT_START") and is_title_case(doc[start].sent):
            continue  # any word may be capitalised there ("Commissioner Represents Centre County")
        new.append(Span(doc, start, ent.end, label="ORG"))
    return replace_overlapping(ents, new)


def extend_organisation_heads(ents: list[Span]) -> list[Span]:
    """An organisation's name and the generic noun it modifies are one mention.

    "the Scientology organization", "the M5S party": an ORG (or a LOC the gazetteer
    does not know: the small model often calls a movement a place) that is a compound
    of the lower-case noun right after it, from :data:`ORGANISATION_HEADS`, takes that
    noun in and is labelled ORG, and so are the name's other mentions in the article;
    the actor linker drops the noun again for the actor's name.
    """
    if not ents:
        return ents
    doc = ents[0].doc
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    named: set[str] = set()
    for ent in ents:
        if _heads_organisation_noun(ent) and ent.end not in taken:
            named.add(without_the(ent).text)
            ent = Span(doc, ent.start, ent.end + 1, label="ORG", kb_id=ent.kb_id_)
        out.append(ent)
    if not named:
        return out
    # The generic noun says what the name is, whatever the model called its other
    # mentions ("Scientology" tagged a place elsewhere in the article).
    return [
        Span(doc, e.start, e.end, label="ORG", kb_id=e.kb_id_)
        if e.label_ in ("LOC", "GPE", "NORP", "FAC") and without_the(e).text in named and lookup(e.text) is None
        else e
        for e in out
    ]


def _heads_organisation_noun(ent: Span) -> bool:
    """A name that is a compound of the generic organisation noun right after it ("Scientology organization")."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    return (
        after is not None and ent.label_ in ("ORG", "LOC")
        and after.is_lower and after.lower_ in ORGANISATION_HEADS and ent.root.head.i == after.i
        and ent.root.dep_ == "compound" and (ent.label_ == "ORG" or lookup(ent.text) is None)
    )


def repeated_names(doc: Doc, taken: set[int]) -> list[Span]:
    """A capitalised proper noun the model never tagged but the article repeats is a name.

    Rare brand and organisation names ("Budweiser", "Tasmania") are often missed by the
    small model. A single-word proper noun (tagged NNP, capitalised or a short acronym,
    not a speaker label, month, day or title) that occurs at least twice inside sentences and is never
    tagged becomes an ORG entity: the label is a guess, the mention is not.
    """
    if not len(doc):
        return []
    tags = doc.to_array(TAG)
    nnp, nnps = hash_string("NNP"), hash_string("NNPS")
    proper = (tags == nnp) | (tags == nnps)
    starts = doc.to_array(SENT_START)
    # Tagged NNP, not opening a sentence, not next to another proper noun (part of a
    # longer name the model did not tag: leave it alone).
    keep = (tags == nnp) & (starts != 1)
    keep[0] = False
    keep[1:] &= ~proper[:-1]
    keep[:-1] &= ~proper[1:]
    counts: dict[str, list[int]] = {}
    for i in numpy.nonzero(keep)[0].tolist():
        if i in taken:
            continue
        token = doc[i]
        text = token.text
        if not text.isalnum() or not text[:1].isupper() or token.lower_ in _NOT_NAME_WORDS or len(text) < 3:
            continue
        if token.is_upper and (len(text) > 6 or i + 1 < len(doc) and doc[i + 1].text in (":", ".")):
            continue  # a transcript's speaker label ("SULLIVAN:"), not an acronym
        counts.setdefault(text, []).append(i)
    repeated = [text for text, positions in counts.items() if len(positions) >= 2]
    if not repeated:
        return []
    written = set(doc.to_array(ORTH).tolist())
    # A word also written in lower case in the article is a common word ("Budget" / "budget").
    lowercase = {text.lower() for text in repeated if hash_string(text.lower()) in written and text.lower().islower()}
    found = []
    for text, positions in counts.items():
        if len(positions) >= 2 and text.lower() not in lowercase:
            found.extend(Span(doc, i, i + 1, label="ORG") for i in positions)
    return found


def not_people(ents: list[Span]) -> list[Span]:
    """Names the model tags as people (or places) that are things or bodies.

    * **Awards.** A mention whose last word heads an award's name (:data:`AWARD_HEADS`:
      "Heart", "Medal", "Prize", "Award"; :data:`AWARD_NAME_HEADS`: "Cross", "Star", only
      when tagged a person or a place, as they also end "the Red Cross", "the Toronto Star")
      and which is used as a common noun is — a determiner or possessive before it,
      possibly with modifiers between ("the Purple Heart", "a replica Purple Heart", "his
      second Purple Heart"), or it modifies a lower-case noun ("Purple Heart recipients")
      — becomes a ``WORK_OF_ART``, never an actor, and so do its other mentions in the
      article; so is a one-word name hyphened to "winning" or "nominated" ("Oscar-winning",
      :data:`AWARD_PARTICIPLES`), that mention only. A person's name takes no determiner; "the late John Cross" does, and is kept
      only when the article also writes "Cross" without "John" (a surname).
    * **Bodies in apposition.** A person (or a place the gazetteer does not know) in
      apposition to an organisation noun (:data:`ORGANISATION_HEADS`: "a new company,
      Kissito"; "Kissito, a company that …") is an ORG.

    One pass over the entities; the other entities are returned unchanged, in order.
    """
    if not ents:
        return ents
    doc = ents[0].doc
    awards: dict[str, str] = {}
    out: list[Span] = []
    for ent in ents:
        if _is_award(ent):
            awards[_name_words(ent)] = AWARD_LABEL
            ent = Span(doc, ent.start, ent.end, label=AWARD_LABEL)
        elif _won(ent):
            ent = Span(doc, ent.start, ent.end, label=AWARD_LABEL)
        elif _beside_organisation_noun(ent):
            ent = Span(doc, ent.start, ent.end, label="ORG", kb_id=ent.kb_id_)
        out.append(ent)
    if not awards:
        return out
    # One sense per article: "Purple Heart" is an award at its other mentions too.
    return [
        Span(doc, e.start, e.end, label=AWARD_LABEL) if e.label_ in _AWARD_NAME_LABELS and _name_words(e) in awards else e
        for e in out
    ]


def _name_words(ent: Span) -> str:
    """The capitalised words of a mention ("a replica Purple Heart" → "Purple Heart")."""
    return " ".join(t.text for t in ent if t.text[:1].isupper() and t.lower_ != "the")


def _used_alone(ent: Span) -> bool:
    """The mention's last word is written on its own elsewhere in the article, more often than
    the whole name ("the late Amy Cross … Cross said"): a surname."""
    doc, head = ent.doc, ent[-1]
    orth = doc.to_array(ORTH)
    positions = numpy.nonzero(orth == head.orth)[0]
    if len(positions) < 2:
        return False
    before = ent[-2].orth if len(ent) > 1 else None
    return any(i != head.i and (i == 0 or orth[i - 1] != before) for i in positions.tolist())


def _won(ent: Span) -> bool:
    """"Oscar-winning", "Emmy-nominated": a one-word name hyphened to a participle of
    :data:`AWARD_PARTICIPLES` is the award (this mention only: "Tony" may be a person elsewhere)."""
    doc = ent.doc
    return (
        ent.label_ == "PERSON" and len(ent) == 1 and ent.end + 1 < len(doc)
        and doc[ent.end].text == "-" and not ent[-1].whitespace_ and not doc[ent.end].whitespace_
        and doc[ent.end + 1].lower_ in AWARD_PARTICIPLES
    )


def _is_award(ent: Span) -> bool:
    head = ent[-1]
    word = head.lower_
    if word in AWARD_NAME_HEADS:
        if ent.label_ not in _AWARD_NAME_LABELS:
            return False
    elif word not in AWARD_HEADS or ent.label_ not in _AWARD_LABELS:
        return False
    if not head.text[:1].isupper() or len(ent) < 2 and ent.label_ != "PERSON":
        return False
    doc = ent.doc
    if not (head.dep_ == "compound" and head.head.i >= ent.end and doc[head.head.i].tag_ in ("NN", "NNS")):
        # Not "Purple Heart recipients": a determiner or possessive before the capitalised
        # name, over lower-case modifiers, inside the mention ("replica Purple Heart") or
        # right before it.
        first = next((t.i for t in ent if t.text[:1].isupper() and t.lower_ != "the"), ent.start)
        i = first - 1
        while i >= 0 and doc[i].tag_ in _MODIFIER_TAGS and not doc[i].text[:1].isupper():
            i -= 1
        if not (i >= 0 and (doc[i].tag_ in _DETERMINER_TAGS or doc[i].lower_ == "the")):
            return False
    return not _used_alone(ent)  # "Cross said …": a surname the article uses on its own


def _beside_organisation_noun(ent: Span) -> bool:
    """"a new company, Kissito" / "Kissito, a company that …": a name in apposition to an organisation noun."""
    if ent.label_ != "PERSON" and not (ent.label_ in ("GPE", "LOC") and lookup(ent.text) is None):
        return False
    # Right beside each other, a comma between: the parser hangs a far appositive on the
    # wrong name ("Eddie Griffin, who was a member of the AfroSpear, a group of bloggers").
    doc, root = ent.doc, ent.root
    head = root.head
    if (
        root.dep_ == "appos" and head.tag_ in ("NN", "NNS") and head.lower_ in ORGANISATION_HEADS
        and head.i == ent.start - 2 and doc[ent.start - 1].text == ","
    ):
        return True  # "a new company, Kissito"
    return ent.end + 1 < len(doc) and doc[ent.end].text == "," and any(
        c.dep_ == "appos" and c.tag_ in ("NN", "NNS") and c.lower_ in ORGANISATION_HEADS and c.left_edge.i == ent.end + 1
        for c in root.children
    )  # "Robey Warshaw, a firm founded in 2014"


__all__ = [
    "AWARD_HEADS", "AWARD_LABEL", "AWARD_NAME_HEADS", "AWARD_PARTICIPLES", "ORGANISATION_HEADS", "PLACE_PREFIXES", "extend_organisation_heads",
    "named_after_places", "not_people", "repeated_names",
]
