"""One sense per article, and the entity corrections built on it (the ``analystkit_consistency`` component).

:func:`make_consistent` runs, in order: the label votes of one name through the article,
then the corrections of :mod:`.acronyms`, :mod:`.organisations` and :mod:`.titles`, and the
nested names of :mod:`.nested`.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..vocab.labels import ACTOR_LABELS
from .acronyms import implied_acronyms, with_defined_acronyms
from .component import DocFunction
from .nested import nested_places
from .organisations import extend_organisation_heads, named_after_places, not_people, repeated_names
from .doc import doc_text, span_text
from .spans import NESTED_KEY, exact_matches, without_the
from .speakers import label_spans
from .titles import (
    appositive_roles,
    extend_person_titles,
    is_title_fragment,
    NAME_PARTICLES,
    role_mentions,
    with_name_particles,
)


def make_consistent(doc: Doc) -> Doc:
    """One sense per article: the same name gets the same label throughout.

    News names a person or body in full once and then by a shorter form; the
    small model often misses or mislabels the later mentions ("Montalvo" after
    "Victor Montalvo" tagged GPE or nothing). Within one article:

    1. a single capitalised token equal to the surname of a multi-word PERSON
       becomes PERSON (found or relabelled), even opening a sentence when the article
       never writes the word in lower case;
    2. a name tagged as an entity somewhere is tagged at its other, untagged
       occurrences too, with the label it carries most often;
    3. a name carrying several labels gets the most frequent one (ties: the
       first seen).

    Before the votes, awards and bodies the model tags as people ("the Purple Heart", "a new
    company, Kissito") are relabelled (:func:`~.organisations.not_people`).

    Then titles and roles: a portfolio word tagged as an organisation inside a title
    ("Defence" in "Defence Minister") is dropped (:func:`title_fragments`); a person's
    title or role right before the name joins the name ("goalkeeper Mouez Hassen",
    :func:`extend_person_titles`); "the President" and an apposition ("Hernan Dario
    Gomez, Panama coach") become role mentions of a person (:func:`role_mentions`,
    :func:`appositive_roles`).
    """
    labels = label_spans(doc_text(doc))
    # Awards and bodies the model calls people go first, so they teach no surname
    # ("Heart" of "the Purple Heart"); again after the split ("Trump the Purple Heart").
    ents = not_people(with_name_particles([e for e in doc.ents if not is_title_fragment(e) and not _in_label(e, labels) and _has_a_name(e)]))
    ents = _particle_surnames(ents)
    surnames = {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1 and e[-1].text[:1].isupper() and e[-1].is_alpha}
    split = [part for e in ents for part in _split_after_surname(e, surnames)]
    ents = not_people(split) if len(split) > len(ents) else split
    strings, orth = doc.vocab.strings, doc.to_array(ORTH)  # the words of a name, without a Token per word
    votes: dict[str, dict[str, int]] = {}
    first: dict[str, str] = {}
    words: dict[str, list[str]] = {}
    for e in ents:
        if e.label_ in ACTOR_LABELS:
            # "the Sea Org" also teaches "Sea Org" (as in "the Sea Org group").
            forms = [e, e[1:]] if len(e) > 1 and e[0].lower_ == "the" else [e]
            for form in forms:
                key = span_text(form)
                if key not in words:
                    words[key] = [strings[h] for h in orth[form.start : form.end].tolist()]
                votes.setdefault(key, {}).setdefault(e.label_, 0)
                votes[key][e.label_] += 1
                first.setdefault(key, e.label_)
    for name in surnames:
        words.setdefault(name, [name])
        votes.setdefault(name, {})["PERSON"] = votes.get(name, {}).get("PERSON", 0) + 1000
    best = {k: max(v.items(), key=lambda kv: (kv[1], kv[0] == first.get(k)))[0] for k, v in votes.items()}

    out: list[Span] = []
    for e in ents:
        label = best.get(span_text(e), e.label_) if e.label_ in ACTOR_LABELS else e.label_
        out.append(e if label == e.label_ else Span(doc, e.start, e.end, label=label))
    taken = {i for e in out for i in range(e.start, e.end)}
    candidates = {k: v for k, v in best.items() if k[:1].isupper() and len(k) > 1}
    if candidates:
        for name, start, end in exact_matches(doc, {name: words[name] for name in candidates}):
            if any(i in taken for i in range(start, end)):
                continue
            span = doc[start:end]
            # A proper-noun tag, or a capitalised word inside a sentence (the small tagger
            # often calls a rare surname a common noun or even a verb).
            # An acronym the article tagged elsewhere counts anywhere ("WHO say…" opening a sentence).
            if not all(
                t.tag_ in ("NNP", "NNPS") or t.is_punct or (t.text[:1].isupper() and not t.is_sent_start and t.pos_ != "PRON")
                or (t.is_upper and t.is_alpha and len(t.text) > 1)
                for t in span
            ) and not (name in surnames and _only_capitalised(doc, span[0])):
                continue
            label = candidates[name]
            out.append(Span(doc, start, end, label=label))
            taken.update(range(start, end))
    out = extend_person_titles(with_defined_acronyms(doc, named_after_places(implied_acronyms(filter_spans(out)))))
    out.extend(role_mentions(doc, {i for e in out for i in range(e.start, e.end)}))
    out.extend(appositive_roles(out, {i for e in out for i in range(e.start, e.end)}))
    out.extend(repeated_names(doc, {i for e in out for i in range(e.start, e.end)}))
    out = extend_organisation_heads(filter_spans(out))
    doc.ents = [e for e in out if not _in_label(e, labels)] if labels else out
    doc.spans[NESTED_KEY] = nested_places(doc)
    return doc


_CLITIC = re.compile(r"['’](?:s|S|ll|re|ve|d|m)?\b|['’]")


def _has_a_name(ent: Span) -> bool:
    """The mention has a letter or digit outside a clitic: the "’s" of "let’s", which the model sometimes
    tags a group or place, is no mention (and would teach its label to every other "’s")."""
    return any(c.isalnum() for c in _CLITIC.sub("", span_text(ent)))


def _in_label(ent: Span, labels: list[tuple[int, int]]) -> bool:
    """The entity lies in a transcript's speaker label ("MS. JEAN-PIERRE:"), which is no mention."""
    return any(start <= ent.start_char and ent.end_char <= end for start, end in labels)


def _only_capitalised(doc: Doc, token) -> bool:
    """A capitalised word the article never writes in lower case: "Rathbun requested…"
    opening a sentence (tagged a common noun) is still the surname; "Young people…" is
    not when the article also says "young"."""
    if not token.text[:1].isupper() or token.pos_ in ("PRON", "DET", "ADP", "CCONJ", "SCONJ", "AUX"):
        return False
    return not numpy.any(doc.to_array(ORTH) == hash_string(token.lower_))


def _particle_surnames(ents: list[Span]) -> list[Span]:
    """A surname with particles written alone is the person's ("Ursula von der Leyen … Von der Leyen said",
    which the model tags an organisation): it becomes a PERSON mention."""
    surnames = set()
    for e in ents:
        if e.label_ == "PERSON" and len(e) > 2:
            first = next((k for k, t in enumerate(e) if k and t.text.islower() and t.lower_ in NAME_PARTICLES), None)
            if first is not None:
                surnames.add(" ".join(t.lower_ for t in e[first:]))
    if not surnames:
        return ents
    return [Span(e.doc, e.start, e.end, label="PERSON") if e.label_ != "PERSON" and " ".join(t.lower_ for t in without_the(e)) in surnames else e for e in ents]


def _split_after_surname(ent: Span, surnames: set[str]) -> list[Span]:
    """"According to Rathbun the Scientology property…" (a comma missing): a span that
    opens with a surname the article knows, then a lower-case "the", is two mentions."""
    if ent.label_ == "PERSON" or len(ent) < 3 or ent[0].text not in surnames or ent[1].text != "the":
        return [ent]
    return [Span(ent.doc, ent.start, ent.start + 1, label="PERSON"), Span(ent.doc, ent.start + 1, ent.end, label=ent.label_)]


@Language.factory(
    "analystkit_consistency",
    default_config={"aliases": ""},
    requires=["doc.ents", "token.tag", "token.dep", "token.is_sent_start"],
    assigns=["doc.ents", "doc.spans"],
)
def make_consistency(nlp: Language, name: str, aliases: str) -> DocFunction:
    """The ``analystkit_consistency`` component: :func:`make_consistent` (one sense per article,
    titles, acronyms, organisations and nested names). ``aliases``: the analyst's alias CSV
    the gazetteer reads ("" for the kit's own only)."""
    return DocFunction(nlp, name, make_consistent, aliases)


__all__ = ["make_consistency", "make_consistent"]
