"""Pronoun sources resolved to the actor they stand for ("he said" → Dmitry Peskov).

A deliberately small, explainable resolver for the pronouns that introduce
attributions, not general coreference:

* ``he``/``she`` (and ``him``/``her``): the most recent PERSON entity mentioned
  before the pronoun in the article (its canonical actor, ``ent.kb_id_``);
* ``they``/``it``/``we`` (outside a quote): the most recent *collective* source
  named before the pronoun — an earlier attribution's group, organisation or state
  (``previous``) — else the most recent ORG/GPE/NORP entity;
* ``I``/``we``/``me`` inside a speaker's words (a quote or a transcript turn): the
  speaker (``speaker``);
* relative ``who``/``which``/``that``: the actor of the noun it hangs on.

It returns ``""`` when nothing fits, never a guess from outside the article.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..vocab.labels import COLLECTIVE_LABELS
from ..vocab.words import word_list
from .doc import doc_ents
from .linking import is_locative, modifies_thing

#: ``doc.user_data`` key of the entities' start offsets (released with the Doc's other caches)
_STARTS_KEY = "analystkit_ent_starts"

#: Personal pronouns, with the possessive determiners that head a source as often ("His view is that ...",
#: "their demand for ...", "our assessment is ...").
PERSONAL = frozenset({"he", "she", "him", "her", "his"})
COLLECTIVE = frozenset({"they", "them", "it", "their", "its"})
FIRST_PERSON = frozenset({"i", "me", "we", "us", "my", "our"})
RELATIVE = frozenset({"who", "which", "that", "whom"})


def is_pronoun(token: Token) -> bool:
    """True for a personal or relative pronoun that can head a source."""
    lower = token.lower_
    return lower in PERSONAL | COLLECTIVE | FIRST_PERSON or (lower in RELATIVE and token.tag_ in ("WP", "WDT"))


def is_location(ent: Span) -> bool:
    """A place named as where something happens, not as an actor: "in Washington", "from Herat",
    or as what a thing is named after ("the Benghazi attacks", "the Moscow metro"; before an
    actor noun, "Moscow officials", it stays the government): no pronoun stands for it."""
    return ent.label_ in ("GPE", "LOC", "FAC") and (is_locative(ent) or modifies_thing(ent))


def _last_entity_before(doc: Doc, char: int, labels: frozenset[str], ignore: Sequence[tuple[int, int]] = ()) -> Span | None:
    """The latest entity starting before ``char`` with one of ``labels``; places named as locations are skipped.

    The entities are the Doc's, read once (:func:`~analystkit.nlp.doc.doc_ents`), and walked back
    from ``char`` (a binary search over their starts), so the first that fits is the answer."""
    ents = doc_ents(doc)
    for k in range(bisect_left(_entity_starts(doc), char) - 1, -1, -1):
        ent = ents[k]
        if any(s <= ent.start_char < e for s, e in ignore):
            continue
        if ent.label_ in labels and ent.kb_id_ and not is_location(ent):
            return ent
    return None


def _entity_starts(doc: Doc) -> list[int]:
    starts = doc.user_data.get(_STARTS_KEY)
    if starts is None:
        starts = doc.user_data[_STARTS_KEY] = [e.start_char for e in doc_ents(doc)]
    return starts


def resolve_pronoun(
    token: Token,
    *,
    previous: Sequence[tuple[int, str]] = (),
    speaker: str = "",
    ignore: Sequence[tuple[int, int]] = (),
) -> str:
    """The canonical actor a pronoun source refers to, or ``""``.

    I/we (my/our) are the speaker; he/she (his/her) the latest person named; it/they (its/their) the
    latest collective source or named body, unless a plural common noun no entity names comes nearer
    in the pronoun's own sentence ("the parties involved ... their assessment", "a lot of people ...
    they know"): that group is meant, and it names no actor, so the answer is ``""``.

    Args:
        token: the pronoun (a token of a parsed article).
        previous: ``(char_offset, actor)`` of collective sources (groups,
            organisations, states) already attributed earlier in the article.
        speaker: the actor whose words contain the pronoun (a quote's speaker or a
            transcript turn's), used for first-person pronouns.
    """
    doc = token.doc
    lower = token.lower_
    if lower in RELATIVE and token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "relcl":
        antecedent = token.head.head
        ent = next((e for e in doc_ents(doc) if e.start <= antecedent.i < e.end), None)
        return ent.kb_id_ if ent is not None and ent.kb_id_ else ""
    if lower in FIRST_PERSON:
        return speaker
    if lower in PERSONAL:
        ent = _last_entity_before(doc, token.idx, frozenset({"PERSON"}), ignore)
        return ent.kb_id_ if ent is not None else ""
    if lower in COLLECTIVE:
        earlier = [(at, actor) for at, actor in previous if at < token.idx and actor]
        ent = _last_entity_before(doc, token.idx, COLLECTIVE_LABELS, ignore)
        group = _plural_noun_before(token)
        if group is not None and (ent is None or ent.end <= group.i) and all(at < group.idx for at, _ in earlier):
            # "the parties involved ... their assessment": the nearer plural noun, which names no actor, is meant
            return ""
        if earlier:
            return earlier[-1][1]
        return ent.kb_id_ if ent is not None else ""
    return ""


def _plural_noun_before(token: Token) -> Token | None:
    """The last plural common noun before a they/them/their in its own sentence that no entity names or
    modifies ("the parties involved", not "Russian troops"): a nearer antecedent than any named body."""
    if token.lower_ not in ("they", "them", "their"):
        return None
    for t in reversed(list(token.sent[: token.i - token.sent.start])):
        if t.tag_ == "NNS" and not t.ent_type_ and not any(c.ent_type_ for c in t.children if c.dep_ in ("amod", "compound", "poss", "nmod")):
            return t
    return None



# --------------------------------------------------------------------------- subjects first
#: Pronoun forms (with possessives and reflexives) for the subject-preferring resolver.
PERSON_FORMS = word_list("person_pronouns")
SINGULAR_FORMS = frozenset({"it", "its", "itself"})
PLURAL_FORMS = frozenset({"they", "them", "their", "theirs", "themselves"})


@dataclass(frozen=True)
class Antecedent:
    """An actor mentioned as the subject (agent) of a clause: a candidate for later pronouns."""

    token: int  # index of the mention's head token in the Doc
    sentence: int  # sentence id of the mention
    actor: str  # canonical actor, or the name of a described group ("Afghan team")
    person: bool  # a person: he / she / his
    plural: bool  # a plural group ("Russian troops", "Ukrainians"): they / their
    subject: bool = True  # in subject position (else any other mention in the sentence)
    described: bool = False  # a group described, not named ("the six-member Afghan team")


def resolve_from_subjects(token: Token, antecedents: Sequence[Antecedent], *, sentence: int, window: int = 3) -> str:
    """The actor a he/she/it/they (or his/its/their) refers to, preferring earlier subjects.

    Centering-style rule: a pronoun usually continues the topic, and the topic is
    the subject of a recent clause. So the most recent *subject* actor before the
    pronoun, at most ``window`` sentences back, that fits it wins — a person for
    he/she/his, a singular non-person (state, organisation) for it/its, any
    non-person for they/their (plural groups and collective bodies alike). A
    they/them/their looks in its own sentence first: the subject there, else the
    latest non-person mention (``subject`` False antecedents: organisations, states
    and described groups in any position). Described groups ("the Afghan team",
    "residents") are candidates like named actors, so a "they" about them does not
    fall through to a state named nearby. When no subject fits, the answer is
    :func:`resolve_pronoun`'s (the most recent suitable entity, any position), and for
    possessives the most recent suitable entity.
    """
    lower = token.lower_
    if lower not in PERSON_FORMS | SINGULAR_FORMS | PLURAL_FORMS:
        return resolve_pronoun(token)
    before = sorted((a for a in antecedents if a.token < token.i and a.actor), key=lambda a: a.token, reverse=True)
    if lower in PLURAL_FORMS:
        # A they/their first looks in its own sentence: a subject, else any group,
        # organisation or state named or described before it ("Twitter gave Mohamed the
        # option to come to their company"; "invited to their Google Science Fair").
        here = [a for a in before if a.sentence == sentence and not a.person]
        chosen = next((a for a in here if a.subject), None) or next(iter(here), None)
        if chosen is not None:
            return chosen.actor
    for candidate in before:
        if not candidate.subject:
            continue
        if sentence - candidate.sentence > window:
            break
        if lower in PERSON_FORMS and candidate.person:
            return candidate.actor
        if lower in SINGULAR_FORMS and not candidate.person and not candidate.plural:
            return candidate.actor
        if lower in PLURAL_FORMS and not candidate.person:
            return candidate.actor
    if lower in PERSONAL | COLLECTIVE:
        return resolve_pronoun(token)
    labels = frozenset({"PERSON"}) if lower in PERSON_FORMS else COLLECTIVE_LABELS
    ent = _last_entity_before(token.doc, token.idx, labels)
    return ent.kb_id_ if ent is not None else ""


__all__ = [
    "COLLECTIVE", "FIRST_PERSON", "PERSONAL", "RELATIVE", "Antecedent", "is_location", "is_pronoun",
    "resolve_from_subjects", "resolve_pronoun",
]
