"""Canonical actors for entity mentions (the ``analystkit_actors`` component).

Each mention of a person, organisation, state, group or place gets the name of
the actor it refers to, stored as the entity's ``kb_id_`` (spaCy's slot for
entity linking) and read into the ``actor`` column of ``corpus.entities``:

* states from any of their names, codes or demonyms: Russia, Russian, Russians →
  Russia; US, U.S., America, American → United States;
* a capital used for its government (Moscow announced…, Washington says…) → the
  state; the same name after "in", "to", "from"… is the city and stays the city;
* curated metonyms and aliases (Kremlin → Russia; Kiev → Kyiv);
* people: titles stripped ("President Vladimir Putin" → Vladimir Putin), and a
  surname or partial name joins the full name used in the same article (Putin →
  Vladimir Putin); a surname never seen with a first name stays as written;
* organisations: an acronym joins the full name it abbreviates in the same
  article ("National Security Council (NSC)", later "NSC").
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..vocab.gazetteer import capital_of, lookup
from ..vocab.labels import ABBREVIATED_LABELS, ACTOR_LABELS, SHORT_FORM_LABELS
from ..vocab.nouns import actor_nouns
from ..vocab.words import word_list
from .component import DocFunction
from .doc import doc_text, span_text
from .organisations import ORGANISATION_HEADS
from .spans import NESTED_KEY, clean_mention, initials
from .titles import NAME_PARTICLES, ROLE_NOUNS, is_title_word, strip_titles

#: Prepositions after which a capital is a place, not its government.
LOCATIVE = word_list("locative_prepositions")


def _join(words: list[str]) -> str:
    return " ".join(words).replace(" .", ".").replace(" - ", "-")


def is_locative(span: Span) -> bool:
    """A place name after a locative preposition ("in Moscow") or followed by its country ("Moscow, Russia")."""
    head = span.root.head
    if span.root.dep_ == "pobj" and head.lower_ in LOCATIVE:
        return True
    # "in Moscow, Russia": a place followed by its country is a place.
    after = span.doc[span.end : span.end + 2]
    return len(after) == 2 and after[0].text == "," and after[1].ent_type_ == "GPE"


def modifies_thing(span: Span) -> bool:
    """A name modifying a noun that is not an actor: "the Taipei lantern festival", "the Moscow metro".

    There a capital is the city; before an actor noun ("Moscow officials") it stays
    the government.
    """
    root = span.root
    head = root.head
    if root.dep_ not in ("compound", "amod", "nmod") or head.i == root.i or head.pos_ not in ("NOUN", "PROPN"):
        return False
    return head.lemma_.lower() not in actor_nouns() and head.lower_ not in actor_nouns()


def link_actors(doc: Doc) -> Doc:
    """Set ``kb_id_`` of every actor entity of ``doc`` to its canonical actor."""
    ents = list(doc.ents)
    persons: list[tuple[int, list[str]]] = []
    for ent in ents:
        if ent.label_ == "PERSON":
            words = strip_titles(ent)
            if 2 <= len(words) <= 5 and all(w[:1].isupper() or w in NAME_PARTICLES for w in words) and words[0][:1].isupper() and words[-1][:1].isupper():
                persons.append((ent.start_char, words))
    acronyms = _acronyms(doc, ents)
    person_words = {t.text for e in ents if e.label_ == "PERSON" for t in e if t.text[:1].isupper()}
    names = [_name_of(e) for e in ents]  # once per mention
    organisations = _by_part(_maximal_names({
        name for e, name in zip(ents, names)
        if e.label_ == "ORG" and len(name.split()) > 1 and not any(t.text in person_words for t in e)
    }))
    linked = []
    for ent, name in zip(ents, names):
        if ent.label_ not in ACTOR_LABELS:
            linked.append(ent)
            continue
        actor = _actor_for(ent, persons, acronyms, ents, name=name)
        if ent.label_ in SHORT_FORM_LABELS and actor == name and lookup(actor) is None:
            actor = _short_organisation(actor, organisations)
        linked.append(Span(doc, ent.start, ent.end, label=ent.label_, kb_id=actor))
    linked = _link_appositions(doc, linked)
    doc.ents = linked
    _link_nested(doc, linked, acronyms)
    return doc


def _is_role_only(ent: Span) -> bool:
    """A PERSON mention without a name in it: "coach", "the president", "Home Secretary"."""
    return ent.label_ == "PERSON" and all(is_title_word(t.text) or not t.is_alpha for t in ent)


def _link_appositions(doc: Doc, ents: list[Span]) -> list[Span]:
    """A role in apposition to a named person takes that person's actor.

    "Hernan Dario Gomez, Panama coach", "a Scientology attorney, Kendrick Moxon",
    "Director of the study, and Chairman of the Centre" (a role coordinated with one).
    """
    person_at = {i: e.kb_id_ for e in ents if e.label_ == "PERSON" and not _is_role_only(e) for i in range(e.start, e.end)}
    if not person_at:
        return ents
    out = []
    for ent in ents:
        if _is_role_only(ent):
            root = ent.root
            while root.dep_ == "conj" and root.head.i != root.i and root.head.i not in person_at:
                root = root.head
            person = person_at.get(root.head.i, "") if root.dep_ == "appos" else ""
            if not person:
                named = [c for c in root.children if c.dep_ == "appos" and c.i in person_at]
                person = person_at[named[0].i] if named else ""
            if person:
                ent = Span(doc, ent.start, ent.end, label=ent.label_, kb_id=person)
        out.append(ent)
    return out


def _link_nested(doc: Doc, ents: list[Span], acronyms: dict[str, str]) -> None:
    """Nested names (``doc.spans["analystkit_nested"]``) take the actor of the same name used on
    its own, or of the name they abbreviate ("NSW" in "the University of NSW")."""
    key = NESTED_KEY
    if key not in doc.spans or not len(doc.spans[key]):
        return
    actor_of = {span_text(e): e.kb_id_ for e in ents if e.kb_id_}
    actor_of_name = {_name_of(e): e.kb_id_ for e in ents if e.kb_id_}

    def actor(span: Span) -> str:
        text = span_text(span)
        if text in actor_of:
            return actor_of[text]
        if text in acronyms:
            return actor_of_name.get(acronyms[text], acronyms[text])
        return clean_mention(text)

    doc.spans[key] = [span if span.kb_id_ else Span(doc, span.start, span.end, label=span.label_, kb_id=actor(span)) for span in doc.spans[key]]


def _name_of(ent: Span) -> str:
    """The name in a mention: articles, possessives and a generic head noun dropped ("the Scientology organization" → Scientology)."""
    if ent.label_ != "PERSON" and len(ent) > 1 and ent[-1].is_lower and ent[-1].lower_ in ORGANISATION_HEADS:
        return clean_mention(span_text(ent[:-1]))
    return clean_mention(span_text(ent))


def _actor_for(ent: Span, persons: list[tuple[int, list[str]]], acronyms: dict[str, str], ents: list[Span] | None = None, *, name: str | None = None) -> str:
    """``name``: :func:`_name_of` the mention, when the caller has it already."""
    text = _name_of(ent) if name is None else name
    if ent.label_ in ("GPE", "NORP", "ORG"):
        text = re.sub(r"\s+\d+$", "", text)  # "Sweden 1" in a score line
    if ent.label_ == "PERSON":
        if all(is_title_word(t.text) or t.lower_ in ROLE_NOUNS for t in ent):
            return _role_holder(ent, ents, persons) or text
        words = strip_titles(ent)
        return _person(words, ent.start_char, persons)
    entry = lookup(text)
    if entry is not None and entry.curated:
        # Curated and analysts' own aliases win over the capital-for-government rule
        # ("Washington D.C." is the city, "Kremlin" is Russia).
        return entry.actor
    capital = capital_of(text)
    if capital and ent.label_ in ("GPE", "ORG", "LOC") and not is_locative(ent) and not modifies_thing(ent):
        return capital
    entry = lookup(text)
    if entry is not None:
        return entry.actor
    if text in acronyms:
        return acronyms[text]
    return text


def _person(words: list[str], at: int, persons: list[tuple[int, list[str]]]) -> str:
    name = _join(words)
    if len(words) >= 2:
        # A partial full name ("Ron Hubbard") joins a longer one ending the same way.
        lower = [w.lower() for w in words]  # "Von der Leyen" opening a sentence is Ursula von der Leyen's
        longer = [w for _, w in persons if len(w) > len(words) and [x.lower() for x in w[-len(words):]] == lower]
        return _join(longer[0]) if longer else name
    surname = words[0] if words else name
    candidates = [(start, w) for start, w in persons if w[-1] == surname]
    if not candidates:
        # A first name used alone ("Jake" for Jake Sullivan) when it fits one person only.
        by_first = {_join(w) for _, w in persons if w[0] == surname}
        return by_first.pop() if len(by_first) == 1 else name
    distinct = {_join(w) for _, w in candidates}
    if len(distinct) == 1:
        return distinct.pop()
    before = [c for c in candidates if c[0] <= at]
    chosen = max(before, key=lambda c: c[0]) if before else min(candidates, key=lambda c: c[0])
    return _join(chosen[1])


def _role_holder(ent: Span, ents: list[Span] | None = None, persons: list[tuple[int, list[str]]] | None = None) -> str | None:
    """"The President" → the person the article introduced as "President X".

    When several people carry the title before it (a briefing on "President Biden"
    that also names "South Korean President Yoon"), the one introduced with it most
    often so far; on a tie, the latest; when nobody carried it before, the person introduced
    with it most often later in the article. A holder named by surname only ("President
    Biden") is that surname's person in the article when there is one.
    """
    # The words compared as their lower-case forms' string ids (one id per string), read from
    # the LOWER array: no Token, and no string, per word.
    lower = ent.doc.to_array(LOWER).tolist()
    title = lower[ent.start : ent.end]
    n = len(title)

    def lowered(start: int, end: int) -> list[int]:
        return lower[start:end]

    counts: dict[str, int] = {}
    latest: dict[str, int] = {}
    later: dict[str, int] = {}
    for other in ents if ents is not None else ent.doc.ents:
        if other.label_ != "PERSON" or other.start == ent.start:
            continue
        before = lowered(max(0, other.start - n), other.start)
        inside = lowered(other.start, min(other.end, other.start + n))
        if before == title or inside == title:
            words = strip_titles(other)
            if len(words) >= 2:
                name = _join(words)
            elif len(words) == 1 and persons is not None and words[0][:1].isupper():
                name = _person(words, other.start_char, persons)
            else:
                continue
            if other.start > ent.start:
                later[name] = later.get(name, 0) + 1  # named only after the role ("the President ... President Biden")
                continue
            counts[name] = counts.get(name, 0) + 1
            latest[name] = other.start
    if not counts:
        return max(later, key=lambda name: later[name]) if later else None
    return max(counts, key=lambda name: (counts[name], latest[name]))


def _maximal_names(names: set[str]) -> list[str]:
    """The names not contained (as whole words) in a longer name of the set, longest first."""
    inside = {part for m in names for part in _parts(tuple(m.split()))}
    return sorted((n for n in names if tuple(n.split()) not in inside), key=len, reverse=True)


@lru_cache(maxsize=8192)
def _parts(words: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    """Every run of whole words of a name, shorter than the name ("Church", "of Scientology"…)."""
    n = len(words)
    return frozenset(words[i:j] for i in range(n) for j in range(i + 1, n + 1) if j - i < n)


def _short_organisation(name: str, organisations: dict[tuple[str, ...], list[str]]) -> str:
    """A short form of one longer organisation name in the article joins it.

    "Scientology" and "Church" after "Church of Scientology", "Supreme Court" after
    "Italian Supreme Court of Cassation": the short form is a run of whole words of
    exactly one longest organisation name of the article, starting with a capital.
    Mentions labelled ORG, LOC, FAC or NORP are joined this way (the small model
    often calls a religious or civic body a place), but never a name the gazetteer
    knows ("Texas" in "University of Texas" stays Texas), and never into an
    "organisation" holding a person's name from the article (a misparse such as
    "Rathbun the Scientology"). Ambiguous short forms stay as written.
    ``organisations`` indexes the longest names by their runs of words (:func:`_by_part`).
    """
    words = tuple(name.split())
    if not words or not words[0][:1].isupper():
        return name
    matches = {full for full in organisations.get(words, ()) if len(full) > len(name)}
    return matches.pop() if len(matches) == 1 else name


def _by_part(names: list[str]) -> dict[tuple[str, ...], list[str]]:
    """Each run of whole words of the names, with the names it is part of."""
    index: dict[tuple[str, ...], list[str]] = {}
    for full in names:
        for part in _parts(tuple(full.split())):
            index.setdefault(part, []).append(full)
    return index




def _acronyms(doc: Doc, ents: list[Span]) -> dict[str, str]:
    """Acronyms defined or implied in the article: "Full Name (FN)" or initials of a full name."""
    found: dict[str, str] = {}
    text = doc_text(doc)
    for ent in ents:
        if ent.label_ not in ABBREVIATED_LABELS or len(ent) < 2:
            continue
        name = clean_mention(span_text(ent))
        letters = initials(name)
        if len(letters) >= 2:
            found.setdefault(letters, name)
        if text[ent.end_char : ent.end_char + 2].lstrip()[:1] != "(":
            continue  # no bracket opens right after the name (the test below would fail)
        nxt = doc[ent.end : ent.end + 3]
        if len(nxt) == 3 and nxt[0].text == "(" and nxt[2].text == ")" and nxt[1].is_upper:
            found[nxt[1].text] = name
    return found


@Language.factory(
    "analystkit_actors",
    default_config={"aliases": ""},
    requires=["doc.ents", "token.dep"],
    assigns=["doc.ents", "token.ent_kb_id", "doc.spans"],
)
def make_actor_linker(nlp: Language, name: str, aliases: str) -> DocFunction:
    """The ``analystkit_actors`` component: :func:`link_actors`, the canonical actor of every
    mention (``kb_id``). ``aliases``: the analyst's alias CSV ("" for the kit's own only)."""
    return DocFunction(nlp, name, link_actors, aliases)


__all__ = ["LOCATIVE", "clean_mention", "is_locative", "link_actors", "make_actor_linker", "modifies_thing", "strip_titles"]
