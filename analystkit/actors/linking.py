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

from spacy.language import Language
from spacy.tokens import Doc, Span

from .gazetteer import capital_of, lookup, normalise
from .nouns import actor_nouns

#: Entity labels whose mentions are actors.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
#: Prepositions after which a capital is a place, not its government.
LOCATIVE = frozenset({"in", "at", "to", "from", "near", "into", "outside", "around", "across", "through", "toward", "towards", "via"})

TITLE_WORDS = frozenset(
    """president vice prime minister secretary foreign defense defence deputy general gen. gen
    colonel col. col lieutenant lt. major maj. sergeant sgt. captain capt. admiral adm. commander
    chancellor king queen prince princess pope sen. senator rep. representative gov. governor
    mayor ambassador spokesman spokeswoman spokesperson mr. mr mrs. mrs ms. ms dr. dr prof.
    professor judge justice chief minister-president premier sheikh emir ayatollah lord lady
    sir dame press national security adviser advisor former acting state u.s. us""".split()
)
#: Portfolio and rank words that form a title with a following title noun ("Defence
#: Minister", "Shadow Home Secretary", "Interior Minister"): the small model often tags
#: them as an organisation on their own.
PORTFOLIO_WORDS = frozenset(
    """defence defense foreign home interior finance justice health education trade economy
    economic energy environment agriculture transport culture treasury shadow deputy prime vice
    labor employment industry communications information intelligence security""".split()
)
#: Role nouns that, capitalised, head a person's title in apposition ("Cres Eastman,
#: Director of the study"; "Chairman of the Centre") or come before a name.
ROLE_NOUNS = frozenset(
    """director chairman chairwoman chairperson chair ceo founder co-founder head leader
    commissioner coordinator executive officer president secretary minister ambassador
    spokesman spokeswoman spokesperson envoy chief adviser advisor governor mayor""".split()
)
#: Common nouns that, after an organisation's name, only say what kind of body it is
#: ("the Scientology organization", "the M5S party", "the Sea Org group").
ORGANISATION_HEADS = frozenset(
    """organization organisation group party movement church company firm agency network
    association foundation institute alliance coalition militia magazine newspaper website""".split()
)
#: Particles of surnames that stay when leading lower-case role words are stripped ("de Klerk").
NAME_PARTICLES = frozenset("de van von der den da di du la le bin al ibn el dos das del".split())
#: Labels of names whose initials may stand for them ("NSW" for "New South Wales").
ABBREVIATED_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})
#: Labels of mentions that may be a short form of a longer organisation name.
SHORT_FORM_LABELS = frozenset({"ORG", "LOC", "FAC", "NORP"})
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def clean_mention(text: str) -> str:
    """Strip a leading article and a trailing possessive: "the Kremlin's" → "Kremlin", "a WHO" → "WHO"."""
    text = re.sub(r"^(?:the|The|THE|an?|An?|AN?)\s+(?=\S)", "", text.strip())
    return _POSSESSIVE.sub("", text).strip()


#: ``doc.spans`` key: titles with a complement that open a person mention
#: ("Secretary of State" in "Secretary of State Antony Blinken"), set by the
#: ``analystkit_consistency`` component.
TITLES_KEY = "analystkit_titles"


def strip_titles(span: Span) -> list[str]:
    """The tokens of a person mention without leading titles, role words and possessives.

    "President Vladimir Putin" → Vladimir Putin; "goalkeeper Mouez Hassen",
    "co-founder Mark Zuckerberg", "Shadow Home Secretary Yvette Cooper" → the name
    (lower-case words before the name are its role; "de Klerk" keeps its particle);
    "Ambassador to the United States Hamdullah Mohib" → the words after the title
    recorded in ``doc.spans["analystkit_titles"]``.
    """
    doc = span.doc
    if TITLES_KEY in doc.spans:
        for title in doc.spans[TITLES_KEY]:
            if span.start <= title.start < title.end < span.end:
                span = doc[title.end : span.end]
                break
    words = [t.text for t in span if not t.is_punct or t.text in (".", "-")]
    words = [w for w in words if w not in ("'s", "’s")]
    while len(words) > 1 and _is_title_word(words[0]):
        words = words[1:]
    return words


def _is_title_word(word: str) -> bool:
    lower = word.lower()
    if lower in TITLE_WORDS or lower in PORTFOLIO_WORDS or lower in ROLE_NOUNS or word == "-":
        return True
    return word.islower() and word.isalpha() and lower not in NAME_PARTICLES


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


def _modifies_thing(span: Span) -> bool:
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
            if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
                persons.append((ent.start_char, words))
    acronyms = _acronyms(doc, ents)
    person_words = {t.text for e in ents if e.label_ == "PERSON" for t in e if t.text[:1].isupper()}
    organisations = _by_part(_maximal_names({
        _name_of(e) for e in ents
        if e.label_ == "ORG" and len(_name_of(e).split()) > 1 and not any(t.text in person_words for t in e)
    }))
    linked = []
    for ent in ents:
        if ent.label_ not in ACTOR_LABELS:
            linked.append(ent)
            continue
        actor = _actor_for(ent, persons, acronyms, ents)
        if ent.label_ in SHORT_FORM_LABELS and actor == _name_of(ent) and lookup(actor) is None:
            actor = _short_organisation(actor, organisations)
        linked.append(Span(doc, ent.start, ent.end, label=ent.label_, kb_id=actor))
    linked = _link_appositions(doc, linked)
    doc.ents = linked
    _link_nested(doc, linked, acronyms)
    return doc


def _is_role_only(ent: Span) -> bool:
    """A PERSON mention without a name in it: "coach", "the president", "Home Secretary"."""
    return ent.label_ == "PERSON" and all(_is_title_word(t.text) or not t.is_alpha for t in ent)


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
    key = "analystkit_nested"
    if key not in doc.spans or not len(doc.spans[key]):
        return
    actor_of = {e.text: e.kb_id_ for e in ents if e.kb_id_}
    actor_of_name = {_name_of(e): e.kb_id_ for e in ents if e.kb_id_}

    def actor(span: Span) -> str:
        if span.text in actor_of:
            return actor_of[span.text]
        if span.text in acronyms:
            return actor_of_name.get(acronyms[span.text], acronyms[span.text])
        return clean_mention(span.text)

    doc.spans[key] = [span if span.kb_id_ else Span(doc, span.start, span.end, label=span.label_, kb_id=actor(span)) for span in doc.spans[key]]


def _name_of(ent: Span) -> str:
    """The name in a mention: articles, possessives and a generic head noun dropped ("the Scientology organization" → Scientology)."""
    if ent.label_ != "PERSON" and len(ent) > 1 and ent[-1].is_lower and ent[-1].lower_ in ORGANISATION_HEADS:
        return clean_mention(ent[:-1].text)
    return clean_mention(ent.text)


def _actor_for(ent: Span, persons: list[tuple[int, list[str]]], acronyms: dict[str, str], ents: list[Span] | None = None) -> str:
    text = _name_of(ent)
    if ent.label_ in ("GPE", "NORP", "ORG"):
        text = re.sub(r"\s+\d+$", "", text)  # "Sweden 1" in a score line
    if ent.label_ == "PERSON":
        if all(_is_title_word(t.text) or t.lower_ in ROLE_NOUNS for t in ent):
            return _role_holder(ent, ents, persons) or text
        words = strip_titles(ent)
        return _person(words, ent.start_char, persons)
    entry = lookup(text)
    if entry is not None and entry.curated:
        # Curated and analysts' own aliases win over the capital-for-government rule
        # ("Washington D.C." is the city, "Kremlin" is Russia).
        return entry.actor
    capital = capital_of(text)
    if capital and ent.label_ in ("GPE", "ORG", "LOC") and not is_locative(ent) and not _modifies_thing(ent):
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
        longer = [w for _, w in persons if len(w) > len(words) and w[-len(words):] == words]
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
    often so far; on a tie, the latest. A holder named by surname only ("President
    Biden") is that surname's person in the article when there is one.
    """
    title = [t.lower_ for t in ent]
    counts: dict[str, int] = {}
    latest: dict[str, int] = {}
    for other in ents if ents is not None else ent.doc.ents:
        if other.start >= ent.start:
            break
        if other.label_ != "PERSON":
            continue
        before = [t.lower_ for t in ent.doc[max(0, other.start - len(title)) : other.start]]
        inside = [t.lower_ for t in other[: len(title)]]
        if before == title or inside == title:
            words = strip_titles(other)
            if len(words) >= 2:
                name = _join(words)
            elif len(words) == 1 and persons is not None and words[0][:1].isupper():
                name = _person(words, other.start_char, persons)
            else:
                continue
            counts[name] = counts.get(name, 0) + 1
            latest[name] = other.start
    if not counts:
        return None
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


def initials(name: str) -> str:
    """The initials of a name's capitalised words: "New South Wales" → NSW."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", name) if w[0].isupper())


def _acronyms(doc: Doc, ents: list[Span]) -> dict[str, str]:
    """Acronyms defined or implied in the article: "Full Name (FN)" or initials of a full name."""
    found: dict[str, str] = {}
    for ent in ents:
        if ent.label_ not in ABBREVIATED_LABELS or len(ent) < 2:
            continue
        name = clean_mention(ent.text)
        letters = initials(name)
        if len(letters) >= 2:
            found.setdefault(letters, name)
        nxt = doc[ent.end : ent.end + 3]
        if len(nxt) == 3 and nxt[0].text == "(" and nxt[2].text == ")" and nxt[1].is_upper:
            found[nxt[1].text] = name
    return found


@Language.component("analystkit_actors")
def actor_linker(doc: Doc) -> Doc:
    return link_actors(doc)


__all__ = ["ABBREVIATED_LABELS", "ACTOR_LABELS", "NAME_PARTICLES", "ORGANISATION_HEADS", "PORTFOLIO_WORDS", "ROLE_NOUNS", "TITLES_KEY", "TITLE_WORDS", "clean_mention", "initials", "is_locative", "link_actors", "normalise", "strip_titles"]
