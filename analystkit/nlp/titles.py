"""People's titles and roles as parts of their mentions (part of ``analystkit_consistency``).

* :func:`is_title_fragment` — "Defence" in "Defence Minister" is no organisation;
* :func:`extend_person_titles` — a title or role right before a name joins the mention
  ("goalkeeper Mouez Hassen", "Secretary of State Antony Blinken");
* :func:`role_mentions` — "the President" names a person;
* :func:`appositive_roles` — "Hernan Dario Gomez, Panama coach" is two mentions of him;
* :func:`strip_titles` — the name in a mention, without its titles (used by the actor linker);
* :func:`with_name_particles` — "Ursula von der Leyen" is one name, not "Ursula von" and a place "Leyen".

The words come from ``data/titles.csv`` and ``data/role_titles.csv``.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span

from ..vocab.labels import NUMERIC_LABELS
from ..vocab.words import role_titles, titles, word_list
from .spans import TITLES_KEY, positions_of, replace_overlapping

TITLE_WORDS = titles("title")
PORTFOLIO_WORDS = titles("portfolio")
ROLE_NOUNS = titles("role")
#: Nouns that head a title after a portfolio word ("Defence Minister", "Home Secretary").
TITLE_HEADS = titles("title_head")
#: Titles that head a complement ("Minister of Defence", "Chancellor of Germany").
COMPLEMENT_TITLES = titles("takes_complement")
#: Titles a person holds in their own right: right after the preposition they are the
#: name's title, not the complement ("Secretary of Labor for President Barack Obama").
PERSONAL_TITLES = titles("personal")
#: Particles of surnames that stay when leading lower-case role words are stripped ("de Klerk").
NAME_PARTICLES = word_list("name_particles")
#: Lower-case nouns that are not a role when they precede a name ("the match Nabil…" never is).
NOT_ROLE_NOUNS = word_list("not_role_nouns")
#: Prepositions joining a title to its complement: "Secretary of State", "Ambassador to Ukraine".
_TITLE_PREPOSITIONS = frozenset({"of", "to", "for"})
#: Capitalised titles that, after "the", refer to one person ("The President said").
ROLE_TITLES = role_titles()
_ROLE_FIRST_WORDS = frozenset(title[0] for title in ROLE_TITLES)
_ROLES_LONGEST_FIRST = sorted(ROLE_TITLES, key=len, reverse=True)


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
    while len(words) > 1 and is_title_word(words[0]):
        words = words[1:]
    return words


def with_name_particles(ents: list[Span]) -> list[Span]:
    """A person's name the model cut at a surname particle is whole again: "Ursula von" + "der" +
    "Leyen" (tagged a place) is one PERSON, "Ursula von der Leyen". A PERSON mention followed by
    lower-case particles of :data:`NAME_PARTICLES` (or ending in one) and then a capitalised word
    runs to that word; the entities it now covers are dropped."""
    if not ents:
        return ents
    doc = ents[0].doc
    grown: list[Span] = []
    for ent in ents:
        end = ent.end
        particles = sum(1 for t in reversed(ent) if t.lower_ in NAME_PARTICLES and t.text.islower()) if ent[-1].text.islower() else 0
        while end < len(doc) and doc[end].lower_ in NAME_PARTICLES and doc[end].text.islower() and doc[end - 1].whitespace_:
            end += 1
            particles += 1
        if ent.label_ != "PERSON" or not particles or end >= len(doc) or not doc[end - 1].whitespace_:
            continue
        last = doc[end]
        if last.is_alpha and last.text[:1].isupper() and not last.is_upper:
            grown.append(Span(doc, ent.start, end + 1, label="PERSON", kb_id=ent.kb_id_))
    return replace_overlapping(ents, grown)


def is_title_word(word: str) -> bool:
    """A title, portfolio or role word, or any other lower-case word (a role before a name)."""
    lower = word.lower()
    if lower in TITLE_WORDS or lower in PORTFOLIO_WORDS or lower in ROLE_NOUNS or word == "-":
        return True
    return word.islower() and word.isalpha() and lower not in NAME_PARTICLES


def is_title_fragment(ent: Span) -> bool:
    """Portfolio words tagged as a name inside a title: "Defence" in "Defence Minister", "The Home" in "The Home Secretary"."""
    if ent.label_ == "PERSON" or ent.label_ in NUMERIC_LABELS:
        return False
    words = [t for t in ent if t.lower_ != "the"]
    if not words or not all(t.text[:1].isupper() and t.lower_ in PORTFOLIO_WORDS for t in words):
        return False
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return following is not None and following.lower_ in TITLE_HEADS


def is_role_token(token) -> bool:
    """A word of a person's title or role: a title word, or a lower-case common noun."""
    lower = token.lower_
    if lower in TITLE_WORDS or lower in PORTFOLIO_WORDS or lower in ROLE_NOUNS or lower in TITLE_HEADS:
        return True
    return token.tag_ == "NN" and token.is_alpha and token.is_lower and lower not in NOT_ROLE_NOUNS


def extend_person_titles(ents: list[Span]) -> list[Span]:
    """A person's title or role right before the name joins the mention.

    "goalkeeper Mouez Hassen", "co-founder Mark Zuckerberg", "Shadow Home Secretary
    Yvette Cooper", "Defence Minister Sergei Shoigu": the words before a PERSON
    entity that are title words or lower-case common nouns attached to the name in
    the parse (a compound of it, or the noun the name is in apposition to) become
    part of the mention; the actor linker strips them again for the name. Possessors
    and other entities ("Tunisia's", "Russian") stay outside.
    """
    if not ents:
        return ents
    doc = ents[0].doc
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    titles: list[Span] = []
    for ent in ents:
        start = ent.start
        if ent.label_ == "PERSON":
            members = set(range(ent.start, ent.end))
            title = _title_with_complement(doc, ent.start)
            if title is not None:
                titles.append(Span(doc, title, ent.start))
                members.update(range(title, ent.start))
                start = title
            i = start - 1
            while i >= 0 and i not in taken:
                token = doc[i]
                # "co" "-" "founder": the pieces of a hyphenated role word.
                glued = i + 1 in members and i + 1 < ent.start and (token.text == "-" or doc[i + 1].text == "-" and not token.whitespace_)
                attached = token.head.i in members or ent.root.head.i == i and ent.root.dep_ == "appos"
                # A capitalised title right before the name is the name's, whatever the
                # parse says ("from US President Barack Obama" parsed with "Barack" a preposition).
                adjacent_title = i == start - 1 and token.text[:1].isupper() and (token.lower_ in TITLE_WORDS or token.lower_ in TITLE_HEADS)
                if not (glued or adjacent_title or (is_role_token(token) and attached)):
                    break
                members.add(i)
                start = i
                i -= 1
            while start < ent.start and not doc[start].is_alpha:
                start += 1
        out.append(ent if start == ent.start else Span(doc, start, ent.end, label=ent.label_, kb_id=ent.kb_id_))
    if titles:
        # The title's complement is no mention of its own: "State" in "Secretary of State".
        inside = {i for t in titles for i in range(t.start, t.end)}
        out = [e for e in out if not (e.label_ != "PERSON" and inside.issuperset(range(e.start, e.end)))]
        doc.spans[TITLES_KEY] = titles
    return out


def _title_with_complement(doc: Doc, name: int) -> int | None:
    """Where a title with a capitalised complement right before a name starts.

    "Secretary of State Antony Blinken", "Minister of Foreign Affairs Dmytro Kuleba",
    "Ambassador to the United States Hamdullah Mohib": a capitalised title word, "of",
    "to" or "for", then capitalised words (with "the" and "and"; a complement of their
    own, as in "Secretary of State for European Affairs") ending right before the
    name, ten words at most. Returns the title word's index, or ``None``.
    """
    j, capitalised = name - 1, 0
    while j > 0 and name - j <= 10:
        token = doc[j]
        if token.lower_ in _TITLE_PREPOSITIONS and token.is_lower:
            title = doc[j - 1]
            if not capitalised or not title.text[:1].isupper() or doc[j + 1].lower_ in PERSONAL_TITLES:
                return None  # "Secretary of Labor for President Barack Obama": the name's own title
            if title.lower_ in COMPLEMENT_TITLES:
                k = j - 2 if j >= 2 and doc[j - 2].lower_ != "the" else j - 3
                if k > 0 and doc[k].lower_ in _TITLE_PREPOSITIONS and doc[k].is_lower:
                    j = k  # "Adviser to the Secretary of State X": the title is a complement too
                    continue
                return j - 1
            # "Secretary of State for Western Hemisphere Affairs": the complement has its own.
        elif token.text[:1].isupper() and token.is_alpha:
            capitalised += 1
        elif not (token.lower_ in ("the", "and") and token.is_lower):
            return None
        j -= 1
    return None


def appositive_roles(ents: list[Span], taken: set[int]) -> list[Span]:
    """A role in apposition to a named person is a mention of that person.

    "Hernan Dario Gomez, Panama coach, said…", "Kendrick Moxon, a Scientology
    attorney", "the president of the Lombardy region, Roberto Maroni,", "Cres
    Eastman, Director of the study and Chairman of the Centre": the noun heading the
    apposition (with its role-word modifiers; a name inside it — "Panama" — stays a
    mention of its own) becomes a PERSON mention; the actor linker gives it the
    person's actor. Only singular common nouns and title words, and roles coordinated
    with them.
    """
    found = []
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        root = ent.root
        candidates = [t for t in root.children if t.dep_ == "appos" and t.i >= ent.end]
        if root.dep_ == "appos" and root.head.i < ent.start:
            candidates.append(root.head)
        candidates += [c for t in list(candidates) for c in t.children if c.dep_ == "conj"]
        for token in candidates:
            if token.i in taken or not is_role_token(token) or token.tag_ not in ("NN", "NNP"):
                continue
            start = token.i
            while start - 1 >= 0 and start - 1 not in taken and _is_role_modifier(ent.doc[start - 1], token):
                start -= 1
            found.append(Span(ent.doc, start, token.i + 1, label="PERSON"))
            taken.update(range(start, token.i + 1))
    return found


def _is_role_modifier(token, head) -> bool:
    """A compound or adjective of ``head`` that is a role word itself ("vice president")."""
    return token.head.i == head.i and token.dep_ in ("compound", "amod") and is_role_token(token)


def role_mentions(doc: Doc, taken: set[int]) -> list[Span]:
    """"The President", "the Prime Minister's": a capitalised title after "the" names a person.

    The actor linker resolves it to the person the article introduced with that title.
    """
    found = []
    n = len(doc)
    for i in positions_of(doc, ("the", "The")):
        if i + 1 >= n or doc[i + 1].text not in _ROLE_FIRST_WORDS:
            continue
        for title in _ROLES_LONGEST_FIRST:
            end = i + 1 + len(title)
            if end <= n and tuple(t.text for t in doc[i + 1 : end]) == title and not any(j in taken for j in range(i + 1, end)):
                following = doc[end] if end < len(doc) else None
                if following is not None and following.tag_ in ("NNP", "NNPS") and following.text not in ("'s", "’s"):
                    break  # "the President Biden": a title before a name, not a role mention
                if following is not None and following.lower_ == "of":
                    break  # "the President of France": not about one known person
                found.append(Span(doc, i + 1, end, label="PERSON"))
                break
    return found


_ROLE_WORDS = TITLE_WORDS | ROLE_NOUNS | PORTFOLIO_WORDS


@lru_cache(maxsize=65536)
def is_role(name: str) -> bool:
    """The name is only title, role and portfolio words ("President", "The Vice President",
    "Attorney General" if listed): a role that names no one. Cached: the entities table asks it of
    every actor mention."""
    words = [w.strip(",:'’").lower() for w in name.split()]
    words = [w for w in words if w != "the"]
    return bool(words) and all(w in _ROLE_WORDS or w.rstrip(".") in _ROLE_WORDS for w in words)  # "Sen." and "Senator"


__all__ = [
    "COMPLEMENT_TITLES", "NAME_PARTICLES", "NOT_ROLE_NOUNS", "PERSONAL_TITLES", "PORTFOLIO_WORDS", "ROLE_NOUNS", "ROLE_TITLES",
    "TITLE_HEADS", "TITLE_WORDS", "appositive_roles", "extend_person_titles", "is_role", "is_role_token", "is_title_fragment",
    "is_title_word", "role_mentions", "strip_titles",
]
