"""Joining an actor's short forms across the articles of a corpus.

Within an article, "Putin" after "Vladimir Putin" already becomes Vladimir Putin
(:mod:`analystkit.nlp.linking`). Across articles, one text may say only "Putin"
and another "Vladimir Putin", one "Scientology" and another "Church of Scientology".
After extraction, :func:`corpus_aliases` finds such short forms and :func:`apply_aliases` rewrites them to the one
longer actor name of the same kind that the corpus contains:

* a one-word person actor ("Putin") → the only multi-word person actor whose last
  word it is, a generational suffix left off ("Vladimir Putin"; "Joseph R. Biden Jr." is a
  Biden); if the corpus knows two (two Smiths), it stays, unless its titles decide (below);
* a shorter organisation actor → the only longer organisation actor that ends with
  its words ("Scientology" → "Church of Scientology"; not "Senate" → "Senate
  Foreign Relations Committee", a part of it); title words ("President") never join, nor
  does a person actor that is only a role ("President" is no short form of "Vice President");
* names the gazetteer knows (states, places, curated aliases) are never rewritten.

* one person's full names written differently ("Joe Biden", "Joseph R. Biden Jr.") → the most
  mentioned of them, when the given names are the same or short and full forms of each other
  (``data/given_names.csv``) and middle names are only initials.

* a one-word person actor that fits several full names ("Biden": Joe Biden and Jill Biden) → in
  one article, the full name its titles there point to (:func:`surname_aliases`): each titled
  mention of the surname in the article ("President Biden", "Dr. Biden" with the title left out
  of the mention, "the President" or a speaker label "THE PRESIDENT:" whose holder is "Biden")
  names the full-name people of that surname who carry the same title, written out with their
  full name, somewhere in the corpus ("President Joe Biden"); when these sets meet in exactly one
  person, and the corpus writes one of the titles before that person's full name in
  :data:`TITLE_EVIDENCE_ARTICLES` articles or more, the article's surname is that person. A
  surname with no title in the article, a
  title that fits several people or none ("Mr. Biden" when no "Mr." is written before a full
  Biden name), or titles pointing to different people ("President Biden" and "Dr. Biden") leave
  it as written. These joins hold for one article only: their keys are ``article_id`` and name
  (:func:`scoped`).

A surname the corpus never shows with a first name stays as written (the seed's
"Shoigu"). The rewrite applies to ``entities.actor``, ``claims.source_actor`` and
the agent / patient of ``actions`` consistently; it changes actor names only, never a row's
text or offsets.
"""

from __future__ import annotations

from itertools import chain
from typing import TYPE_CHECKING

from ..extract.entities import actor_mentions
from ..nlp.spans import clean_mention
from ..nlp.titles import TITLE_WORDS, is_role, is_title_word
from ..vocab.gazetteer import lookup
from ..vocab.words import given_name_forms, word_list

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: Columns holding canonical actors, by table.
ACTOR_COLUMNS = {"entities": ("actor",), "claims": ("source_actor",), "actions": ("agent", "patient")}


def looks_like_full_name(words: list[str]) -> bool:
    """Two to four capitalised words ("Vladimir Putin", "Antony J. Blinken"), not a
    misparsed title such as "National Co-Chair of Women for Biden"."""
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def _is_role(words: list[str]) -> bool:
    """A role ("President", "Vice President"), not a name: no role is the short or the full form of another."""
    return is_role(" ".join(words))


_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})


def _without_suffix(words: list[str]) -> list[str]:
    """A name's words without a generational suffix ("Joseph R. Biden Jr." → Joseph R. Biden)."""
    words = [w.strip(",") for w in words]
    while len(words) > 1 and words[-1].lower() in _SUFFIXES:
        words = words[:-1]
    return words


def _name_parts(name: str) -> tuple[str, str, tuple[str, ...]] | None:
    """``(given name, surname, middle words)`` of a full person name, in lower case, without a
    generational suffix ("Joseph R. Biden Jr." → joseph, biden, (r.,)); ``None`` for anything else."""
    words = _without_suffix(name.split())
    if not looks_like_full_name(words) or _is_role(words):
        return None
    return words[0].lower(), words[-1].lower(), tuple(w.lower() for w in words[1:-1])


def _name_variants(persons: list[str], mentions: dict[str, int]) -> dict[str, str]:
    """One person's full names written differently in different articles → the most mentioned
    one: the same surname, given names that are equal or short and full forms of each other
    (``data/given_names.csv``: "Joe" / "Joseph"), any middle names only initials ("Joe Biden",
    "Joseph R. Biden", "Joseph R. Biden Jr." → one actor). A variant that fits two different
    people ("Tony Smith": Anthony Smith and Antony Smith) is left as written."""
    forms = given_name_forms()
    parts = {name: found for name in persons if (found := _name_parts(name)) is not None}

    def same(a: tuple[str, str, tuple[str, ...]], b: tuple[str, str, tuple[str, ...]]) -> bool:
        given = a[0] == b[0] or b[0] in forms.get(a[0], ())
        initials = all(len(w.rstrip(".")) == 1 for w in a[2] + b[2])
        return a[1] == b[1] and given and (initials or a[2] == b[2])

    by_surname: dict[str, list[str]] = {}
    for name, (_, surname, _) in parts.items():
        by_surname.setdefault(surname, []).append(name)
    aliases: dict[str, str] = {}
    for name, mine in parts.items():
        group = [other for other in by_surname[mine[1]] if same(mine, parts[other])]
        if len(group) < 2:
            continue
        # Every member of the group must be the same person as every other (no two different full names).
        if not all(same(parts[a], parts[b]) for a in group for b in group):
            continue
        best = max(group, key=lambda n: (mentions.get(n, 0), len(n), n))
        if best != name:
            aliases[name] = best
    return aliases


#: Separates an article id from a name in the key of a join that holds in one article only.
SCOPE = "\x1f"


def scoped(article_id: str, name: str) -> str:
    """The key of a join that holds in one article only (:func:`surname_aliases`)."""
    return f"{article_id}{SCOPE}{name}"


def alias_for(aliases: dict[str, str], article_id: str | None, name: str) -> str:
    """The actor ``name`` stands for in article ``article_id``: its join in that article, else its
    join in the whole corpus, else itself."""
    if article_id is not None:
        found = aliases.get(scoped(str(article_id), name))
        if found is not None:
            return found
    return aliases.get(name, name)


#: A title joins an ambiguous surname to a person only when the corpus writes it before that
#: person's full name in at least this many articles: one article is one reading, and the person
#: the surname means may be one the corpus never names in full ("Senator Graham" is not the one
#: "Senator Bob Graham" of an obituary).
TITLE_EVIDENCE_ARTICLES = 2


def _words(text: str) -> list[str]:
    """The words of a mention, the last without its possessive ("President Biden’s" → President, Biden)."""
    words = [w for w in (w.strip(",") for w in text.split()) if w]
    if words:
        words[-1] = clean_mention(words[-1]) or words[-1]
    return words


#: Words of address before a title ("Mr. President", "Madam Vice President"): the title is the office's.
_ADDRESS = word_list("address_courtesy")


def _title(words: list[str]) -> str:
    """A title in lower case without dots or "the"; a word of address before an office is dropped
    ("Mr. President" → president), a courtesy title alone kept ("Mr." → mr)."""
    title = [w.lower().rstrip(".") for w in words if w.lower() != "the"]
    while len(title) > 1 and title[0] in _ADDRESS:
        title = title[1:]
    return " ".join(title)


def title_and_name(text: str, actor: str | None = None) -> tuple[str, list[str]]:
    """A person mention's title and name words: ``("president", ["Joe", "Biden"])`` for
    "President Joe Biden's"; ``("vice president", ["Harris"])`` for "Vice President Harris";
    ``("first lady", ["Jill", "Biden"])`` for "First Lady Jill Biden" with actor Jill Biden;
    ``("president", [])`` for "the President". The name starts at the actor's first word when the
    text has it, else after the leading title and role words
    (:func:`analystkit.nlp.titles.is_title_word`); the title is the words before it in lower
    case, without dots or "the"; the name loses a possessive and a generational suffix."""
    words = _words(text)
    first = actor.split()[0] if actor and actor.split() else None
    if first is not None and first in words:
        k = words.index(first) if len(actor.split()) > 1 else len(words) - 1 - words[::-1].index(first)
    else:
        k = 0
        while k < len(words) and is_title_word(words[k]):
            k += 1
    return _title(words[:k]), _without_suffix(words[k:]) if words[k:] else []


def _title_before(text: str | None, start) -> str:
    """The capitalised title words written right before a mention that left them out ("hosted by
    Dr. Biden" where the mention is "Biden"), as :func:`_title` reads them; "" when there are none."""
    if not isinstance(text, str) or not isinstance(start, (int, float)) or start != start:
        return ""
    words = text[max(0, int(start) - 60) : int(start)].split()
    found: list[str] = []
    while words and words[-1][:1].isupper() and is_title_word(words[-1]):
        found.insert(0, words.pop())
    return _title(found)


def _surname_title(text: str, surname: str) -> str:
    """The title a mention of a surname gives it: the words before the surname ("President
    Biden", "Dr. Biden's"), or the whole mention when it is a role whose holder the article found
    to be the surname ("the President", a transcript's "THE PRESIDENT:"); "" for anything else
    (a pronoun, "the President's plans")."""
    words = _words(text)
    if surname in words:
        return _title(words[: len(words) - 1 - words[::-1].index(surname)])
    return _title(words) if is_role(text) else ""


def surname_aliases(
    named: "pd.DataFrame",
    full_by_surname: dict[str, set[str]],
    aliases: dict[str, str],
    sources: "pd.DataFrame | None" = None,
    texts: "dict[str, str] | None" = None,
) -> dict[str, str]:
    """Joins of an ambiguous surname in one article (keys :func:`scoped`): the one full-name person
    the surname's titles in the article point to.

    ``named``: the corpus's person actor mentions (``article_id``, ``text``, ``actor``); ``sources``:
    the claims (``article_id``, ``source_text``, ``source_actor``), whose sources name the surname
    too (a transcript's speaker label "THE PRESIDENT:" is no entity); ``texts``: article id → text,
    to read a title written right before a mention that left it out ("by Dr. Biden" whose mention
    is "Biden");
    ``full_by_surname``: surname → the full-name person actors that end with it (at least two make
    the surname ambiguous); ``aliases``: the full names' variant joins so far.

    Evidence: a mention whose text writes a title before a full name ("President Joe Biden",
    "Dr. Jill Biden") makes that person a holder of the title for the surname. An article's
    mentions of the surname with a title ("President Biden", "the President" whose holder is the
    surname) each name the holders of their title; the article's surname joins the one person all
    of them name, if the corpus writes one of these titles before that person's full name in
    :data:`TITLE_EVIDENCE_ARTICLES` articles or more. No title in the article, a title with no
    holder or with two ("Senator Murray": Patty Murray and another Senator Murray), or titles
    naming different people ("President Biden" and "Dr. Biden") leave the surname as written.
    One pass over the mentions (linear in the corpus)."""
    if not len(named) or not {"article_id", "text"} <= set(named.columns):
        return {}
    texts = texts or {}

    def starts(frame: "pd.DataFrame", column: str):
        return frame[column] if column in frame.columns else [None] * len(frame)

    rows = zip(named["article_id"], named["text"], named["actor"], starts(named, "start"))
    if sources is not None and len(sources) and {"article_id", "source_text", "source_actor"} <= set(sources.columns):
        rows = chain(rows, zip(sources["article_id"], sources["source_text"], sources["source_actor"], starts(sources, "source_start")))
    ambiguous = {s for s, names in full_by_surname.items() if len(names) >= 2 and lookup(s) is None and not _is_role([s])}
    holders: dict[tuple[str, str], dict[str, set[str]]] = {}
    titled: dict[tuple[str, str], set[str]] = {}
    for article_id, text, actor, start in rows:
        if not isinstance(text, str) or not isinstance(actor, str):
            continue
        if actor in ambiguous:
            title = _surname_title(text, actor)
            if not title and texts and _words(text)[:1] == [actor]:
                title = _title_before(texts.get(article_id), start)
            if title:
                titled.setdefault((str(article_id), actor), set()).add(title)
            continue
        person = aliases.get(actor, actor)
        surname = _without_suffix(person.split())[-1] if " " in person else None
        if surname not in ambiguous or person not in full_by_surname[surname]:
            continue
        title, name = title_and_name(text, actor)
        if title and len(name) >= 2 and name[-1] == surname:
            holders.setdefault((surname, title), {}).setdefault(person, set()).add(str(article_id))
    out: dict[str, str] = {}
    for (article_id, surname), titles in titled.items():
        people: set[str] | None = None
        for title in titles:
            found = set(holders.get((surname, title), ()))
            people = found if people is None else people & found
            if not people:
                break
        if not people or len(people) != 1:
            continue
        person = next(iter(people))
        if any(len(holders[(surname, title)][person]) >= TITLE_EVIDENCE_ARTICLES for title in titles):
            out[scoped(article_id, surname)] = person
    return out


def corpus_aliases(
    entities: "pd.DataFrame", claims: "pd.DataFrame | None" = None, texts: "dict[str, str] | None" = None
) -> dict[str, str]:
    """Short actor name → the one longer actor name it stands for in this corpus; an ambiguous
    surname's join in one article is keyed by :func:`scoped` (read them with :func:`alias_for`)."""
    if entities is None or not len(entities) or "actor" not in entities:
        return {}
    named = actor_mentions(entities)
    persons = sorted(set(named.loc[named.label == "PERSON", "actor"]))
    organisations = sorted(set(named.loc[named.label == "ORG", "actor"]))
    aliases: dict[str, str] = _name_variants(persons, named.loc[named.label == "PERSON", "actor"].value_counts().to_dict())
    by_surname: dict[str, set[str]] = {}
    for full in persons:
        words = _without_suffix(full.split())
        if looks_like_full_name(words) and not _is_role(words) and full not in aliases:
            by_surname.setdefault(words[-1], set()).add(full)  # "Joseph R. Biden Jr." under Biden
    for name in persons:
        if " " in name or lookup(name) is not None or _is_role([name]):
            continue
        matches = by_surname.get(name, set())
        if len(matches) == 1:
            aliases[name] = next(iter(matches))
    people = named[named.label == "PERSON"]
    aliases.update(surname_aliases(people, by_surname, aliases, claims, texts))
    # Longer organisation names indexed by each of their proper word-suffixes.
    by_suffix: dict[tuple[str, ...], set[str]] = {}
    for full in organisations:
        words = full.split()
        for k in range(1, len(words)):
            by_suffix.setdefault(tuple(words[-k:]), set()).add(full)
    for name in organisations:
        words = name.split()
        if lookup(name) is not None or all(w.lower() in TITLE_WORDS for w in words):
            continue
        matches = by_suffix.get(tuple(words), set())
        if len(matches) == 1:
            aliases[name] = next(iter(matches))
    return aliases


def apply_aliases(tables: dict[str, "pd.DataFrame"], aliases: dict[str, str]) -> dict[str, "pd.DataFrame"]:
    """New ``entities``, ``claims`` and ``actions`` frames with each short actor form replaced by
    the longer name it stands for (the tables given are not changed; tables without actor
    columns are returned as they are). A join keyed by :func:`scoped` applies only to the rows of
    its article. Only actor columns change: texts and offsets stay as extracted."""
    out = dict(tables)
    if not aliases:
        return out
    in_article: dict[str, dict[str, str]] = {}
    for key, target in aliases.items():
        if SCOPE in key:
            article_id, name = key.split(SCOPE, 1)
            in_article.setdefault(name, {})[article_id] = target
    for table, columns in ACTOR_COLUMNS.items():
        frame = tables.get(table)
        if frame is None or not len(frame):
            continue
        replaced = {}
        for column in columns:
            if column not in frame:
                continue
            values = frame[column].map(lambda value: aliases.get(value, value) if isinstance(value, str) else value)
            if in_article and "article_id" in frame:
                rows = frame[column].isin(list(in_article)).to_numpy().nonzero()[0]
                if len(rows):
                    values = values.copy()
                    values.iloc[rows] = [
                        in_article[name].get(str(article_id), values.iloc[row])
                        for row, article_id, name in zip(rows, frame["article_id"].iloc[rows], frame[column].iloc[rows])
                    ]
            replaced[column] = values
        out[table] = frame.assign(**replaced)
    return out


__all__ = [
    "ACTOR_COLUMNS", "SCOPE", "alias_for", "apply_aliases", "corpus_aliases", "looks_like_full_name", "scoped", "surname_aliases",
    "title_and_name",
]
