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

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

PERSONAL = frozenset({"he", "she", "him", "her"})
COLLECTIVE = frozenset({"they", "them", "it"})
FIRST_PERSON = frozenset({"i", "me", "we", "us"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
#: Entity labels a collective pronoun can stand for.
COLLECTIVE_LABELS = frozenset({"ORG", "GPE", "NORP"})


def is_pronoun(token: Token) -> bool:
    """True for a personal or relative pronoun that can head a source."""
    lower = token.lower_
    return lower in PERSONAL | COLLECTIVE | FIRST_PERSON or (lower in RELATIVE and token.tag_ in ("WP", "WDT"))


def _last_entity_before(doc: Doc, char: int, labels: frozenset[str]) -> Span | None:
    best = None
    for ent in doc.ents:
        if ent.start_char >= char:
            break
        if ent.label_ in labels and ent.kb_id_:
            best = ent
    return best


def resolve_pronoun(
    token: Token,
    *,
    previous: Sequence[tuple[int, str]] = (),
    speaker: str = "",
) -> str:
    """The canonical actor a pronoun source refers to, or ``""``.

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
        ent = next((e for e in doc.ents if e.start <= antecedent.i < e.end), None)
        return ent.kb_id_ if ent is not None and ent.kb_id_ else ""
    if lower in FIRST_PERSON:
        return speaker
    if lower in PERSONAL:
        ent = _last_entity_before(doc, token.idx, frozenset({"PERSON"}))
        return ent.kb_id_ if ent is not None else ""
    if lower in COLLECTIVE:
        earlier = [actor for at, actor in previous if at < token.idx and actor]
        if earlier:
            return earlier[-1]
        ent = _last_entity_before(doc, token.idx, COLLECTIVE_LABELS)
        return ent.kb_id_ if ent is not None else ""
    return ""


__all__ = ["COLLECTIVE", "FIRST_PERSON", "PERSONAL", "RELATIVE", "is_pronoun", "resolve_pronoun"]
