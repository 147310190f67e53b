"""Acronyms and the names they abbreviate, as entity corrections (part of ``analystkit_consistency``).

* :func:`implied_acronyms` — an untagged all-capitals word spelling the initials of a name
  in the article is that name's ("New South Wales … NSW");
* :func:`defined_acronym` / :func:`defining_long_form` — Schwartz & Hearst (2003) short and
  long forms in brackets, either order;
* :func:`with_defined_acronyms` — a long form defined by an acronym in brackets is one
  organisation mention.
"""

from __future__ import annotations

import numpy
from spacy.attrs import ORTH
from spacy.strings import hash_string
from spacy.tokens import Doc, Span

from ..vocab.labels import ABBREVIATED_LABELS
from ..vocab.words import word_list
from .doc import span_text
from .spans import clean_mention, initials, replace_overlapping

#: Lower-case words allowed inside a name an acronym abbreviates ("Union of … and …").
ACRONYM_GLUE = word_list("acronym_glue")


def initials_of_names(ents: list[Span]) -> dict[str, set[str]]:
    """The initials (three or more) of the capitalised words of multi-word names, with the names' labels."""
    names: dict[str, set[str]] = {}
    for e in ents:
        if e.label_ not in ABBREVIATED_LABELS or len(e) < 2:
            continue
        text = span_text(e)
        if sum(c.isupper() for c in text) >= 3:
            letters = initials(clean_mention(text))
            if len(letters) >= 3:
                names.setdefault(letters, set()).add(e.label_)
    return names


def implied_acronyms(ents: list[Span]) -> list[Span]:
    """An untagged all-capitals word spelling the initials of a name in the article is that name's.

    "New South Wales … NSW": the small model leaves many acronyms untagged. A word of
    three or more capital letters, tagged a proper noun and in no entity, whose letters
    are the initials of the capitalised words of exactly one multi-word name of the
    article takes that name's label; the actor linker joins it to the name.
    """
    if not ents:
        return ents
    doc = ents[0].doc
    names = initials_of_names(ents)
    if not names:
        return ents
    taken = {i for e in ents for i in range(e.start, e.end)}
    hashes = numpy.array([hash_string(name) for name, labels in names.items() if len(labels) == 1], dtype="uint64")
    new = []
    for i in numpy.nonzero(numpy.isin(doc.to_array(ORTH), hashes))[0].tolist():
        t = doc[i]
        if i not in taken and t.tag_ in ("NNP", "NNPS") and t.is_upper and t.is_alpha:
            new.append(Span(doc, i, i + 1, label=next(iter(names[t.text]))))
    return sorted(ents + new, key=lambda e: e.start) if new else ents


def defined_acronym(doc: Doc, paren: int) -> tuple[int, int] | None:
    """The words an acronym in brackets abbreviates: "Movimento 5 Stelle (M5S)".

    ``paren`` is the index of the "(" before the acronym. Walking back from the word
    before the bracket, each capitalised word or number must start with the
    acronym's next letter from the end (lower-case joining words are skipped), the
    way Schwartz & Hearst (2003) match short and long forms. An acronym of three
    letters or more may also spell the words' initials in another order: it
    abbreviates the name in its own language, and the article gives a translation
    ("Union of Rationalist Atheists and Agnostics (UAAR)"). Returns the token range
    of the long form, or ``None``.
    """
    if paren < 1 or paren + 2 >= len(doc) or doc[paren + 2].text != ")":
        return None
    short = doc[paren + 1].text
    if not (2 <= len(short) <= 8 and short.isalnum() and short.upper() == short and any(c.isalpha() for c in short)):
        return None
    letters = short.lower()
    words: list[int] = []  # the capitalised words (and numbers) before the bracket, last first
    i = paren - 1
    while i >= 0 and len(words) < len(letters) and paren - i <= 2 * len(short) + 2:
        token = doc[i]
        if token.lower_ in ACRONYM_GLUE and token.is_lower:
            i -= 1
            continue
        if not (token.text[:1].isupper() or token.text[:1].isdigit()):
            return None
        words.append(i)
        i -= 1
    if len(words) != len(letters) or doc[words[-1]].lower_ in ACRONYM_GLUE:
        return None
    initials = [doc[w].lower_[0] for w in reversed(words)]
    # In order, or in another order when the acronym is of the name in its own language:
    # UAAR (Unione degli Atei e degli Agnostici Razionalisti) for "Union of Rationalist
    # Atheists and Agnostics".
    if initials == list(letters) or (len(letters) >= 3 and sorted(initials) == sorted(letters)):
        return (words[-1], paren)
    return None


def defining_long_form(doc: Doc, paren: int) -> tuple[int, int, int] | None:
    """An acronym followed, a few words on, by its long form in brackets.

    "The FIRST Global competition (For Inspiration and Recognition of Science and
    Technology)": the bracket holds capitalised words (and lower-case joining
    words) whose initials, in order, spell an all-capitals word among the three
    before the bracket: Schwartz & Hearst's "short form (long form)" pattern, with
    the short form allowed to modify a noun. Returns ``(acronym, long_start,
    long_end)`` token indices, or ``None``.
    """
    close = next((j for j in range(paren + 1, min(len(doc), paren + 20)) if doc[j].text == ")"), None)
    if close is None or close - paren < 3 or not doc[paren + 1].text[:1].isupper():
        return None
    words = doc[paren + 1 : close]
    if any(not (t.text[:1].isupper() or (t.lower_ in ACRONYM_GLUE and t.is_lower)) for t in words):
        return None
    initials = "".join(t.text[0] for t in words if t.text[:1].isupper()).lower()
    sentence = doc[paren].sent.start if doc.has_annotation("SENT_START") else 0
    for i in range(paren - 1, max(sentence, paren - 4) - 1, -1):
        short = doc[i]
        if 2 <= len(short.text) <= 8 and short.is_upper and short.is_alpha and short.lower_ == initials:
            return (i, paren + 1, close)
    return None


def with_defined_acronyms(doc: Doc, ents: list[Span]) -> list[Span]:
    """A long form defined by an acronym in brackets is one organisation mention.

    The small model splits "Movimento 5 Stelle (M5S)" into a number and a person
    named Stelle; the brackets say it is one name. The long form becomes an ORG
    (the acronym's own label when it has one), replacing the entities inside it;
    the actor linker then joins the acronym to it. Persons ("Sergei Shoigu (SS)")
    are left alone. The other order, an acronym and then its long form in brackets
    (:func:`defining_long_form`), makes the long form an ORG and the acronym one
    wherever the article writes it.
    """
    if not len(doc):
        return ents
    orth = doc.to_array(ORTH)
    parens = [doc[i] for i in numpy.nonzero(orth == hash_string("("))[0].tolist()]
    if not parens:
        return ents
    by_start = {e.start: e for e in ents}
    new: list[Span] = []
    for token in parens:
        found = defined_acronym(doc, token.i)
        if found is None:
            continue
        start, end = found
        inside = [e for e in ents if e.start < end and e.end > start]
        if start > 0 and doc[start - 1].lower_ == "the" and any(e.start == start - 1 for e in inside):
            start -= 1  # the entity inside starts with "The": "The Union of … (UAAR)"
        if not _replaceable(inside, start, end) or len(inside) == 1 and (inside[0].start, inside[0].end) == (start, end):
            continue
        short = by_start.get(token.i + 1)
        label = short.label_ if short is not None and short.label_ in ("ORG", "GPE", "NORP", "FAC") else "ORG"
        new.append(Span(doc, start, end, label=label))
    for token in parens:
        if any(e.start <= token.i < e.end for e in new):
            continue
        found_long = defining_long_form(doc, token.i)
        if found_long is None:
            continue
        short, start, end = found_long
        if not _replaceable([e for e in ents if e.start < end and e.end > start], start, end):
            continue
        new.append(Span(doc, start, end, label="ORG"))
        # The acronym is the organisation wherever the article writes it, unless it is
        # part of a longer name ("FIRST" tagged an ordinal, or nothing, by the model).
        for i in numpy.nonzero(orth == orth[short])[0].tolist():
            if not any(e.start <= i < e.end and len(e) > 1 for e in ents):
                new.append(Span(doc, i, i + 1, label="ORG"))
    return replace_overlapping(ents, new)


def _replaceable(inside: list[Span], start: int, end: int) -> bool:
    """The entities inside a long form may give way to it: none reaches outside it, none is a full personal name."""
    return not any(e.label_ == "PERSON" and len(e) > 1 or e.start < start or e.end > end for e in inside)


__all__ = ["ACRONYM_GLUE", "defined_acronym", "defining_long_form", "implied_acronyms", "initials_of_names", "with_defined_acronyms"]
