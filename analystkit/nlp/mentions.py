"""Which actor a noun phrase stands for: the agents and patients of actions.

:func:`phrase_span` gives the words of the noun phrase headed by a token (its
determiners, adjectives, compounds and possessor, not its relative clauses or
prepositional phrases), and :func:`phrase_actor` the canonical actor it stands for:

* the phrase's head is part of an actor entity → that entity's actor
  ("the Kremlin" → Russia, "Putin" → Vladimir Putin);
* the head is a group or role noun from ``data/actor_nouns.csv`` ("troops",
  "officials", "government") modified by an actor — a demonym or name
  ("Russian troops", "Ukrainian military official"), a possessor ("Russia's
  forces", "its troops", resolved through ``resolve``) or an ``of`` phrase ("the
  army of Ukraine") → that actor;
* the head is a pronoun → what ``resolve`` says it refers to;
* otherwise no actor: the phrase is kept as written ("bridges", "east bank").

:func:`group_description` names a group described without a name ("the six-member
Afghan team" → "Afghan team", "Residents" → "residents"), which later pronouns can
stand for.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from ..vocab.labels import ACTOR_LABELS
from ..vocab.nouns import actor_nouns, group_nouns
from ..vocab.words import word_list
from .doc import doc_text, span_text, token_table
from .spans import clean_mention

#: Dependents that belong to the words of a noun phrase.
PHRASE_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "case", "predet", "advmod"})
#: Pronouns that can stand for an actor.
ACTOR_PRONOUNS = word_list("actor_pronouns")
Resolver = Callable[[Token], str]


def entity_of(token: Token) -> Span | None:
    """The actor entity holding ``token``, if any (read from the Doc's :func:`~analystkit.nlp.doc.token_table`,
    so the Doc's entities must not change after the first call, as in extraction)."""
    doc = token.doc
    table = token_table(doc)
    i = token.i
    iob, ent_type = table.ent_iob, table.ent_type
    if iob[i] == "O" or ent_type[i] not in ACTOR_LABELS:
        return None
    # Walk the token's own entity by its IOB tags (``doc.ents`` would build every span).
    start = i
    while start > 0 and iob[start] == "I":
        start -= 1
    end = i + 1
    while end < len(iob) and iob[end] == "I":
        end += 1
    return Span(doc, start, end, label=ent_type[i], kb_id=table.ent_kb_id[i])


def phrase_span(head: Token) -> Span:
    """The noun phrase headed by ``head``: its left modifiers and compounds, and its entity."""
    doc = head.doc
    table = token_table(doc)  # the tree walked over the token table's children and dependencies
    children, dep = table.children, table.dep
    h = head.i
    start, end = h, h + 1
    stack = [h]
    while stack:
        for child in children[stack.pop()]:
            label = dep[child]
            if label in PHRASE_DEPS and (child < h or label in ("compound", "case")):
                start = min(start, doc[child].left_edge.i if label != "advmod" else child)
                end = max(end, child + 1)
                stack.append(child)
    ent = entity_of(head)
    if ent is not None:
        start, end = min(start, ent.start), max(end, ent.end)
    punct, space = table.is_punct, table.is_space
    while start < end - 1 and (punct[start] or space[start]):
        start += 1
    while end - 1 > start and (punct[end - 1] or space[end - 1]):
        end -= 1
    return doc[start:end]


def phrase_actor(head: Token, *, resolve: Resolver | None = None) -> str:
    """The canonical actor the phrase headed by ``head`` stands for, or ``""``."""
    ent = entity_of(head)
    if ent is not None:
        return ent.kb_id_ or clean_mention(span_text(ent))
    if head.lower_ in ACTOR_PRONOUNS and head.pos_ == "PRON":
        return resolve(head) if resolve is not None else ""
    if head.lemma_.lower() not in actor_nouns() and head.lower_ not in actor_nouns():
        return ""
    for child in head.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod"):
            owner = entity_of(child)
            if owner is not None:
                return owner.kb_id_ or clean_mention(span_text(owner))
            if child.dep_ == "poss" and child.lower_ in ACTOR_PRONOUNS and resolve is not None:
                found = resolve(child)
                if found:
                    return found
            if child.dep_ == "amod":
                # "A Ukrainian military official": the demonym may hang on another adjective.
                for grandchild in child.children:
                    owner = entity_of(grandchild)
                    if owner is not None:
                        return owner.kb_id_ or clean_mention(span_text(owner))
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                owner = entity_of(pobj) if pobj.dep_ == "pobj" else None
                if owner is not None:
                    return owner.kb_id_ or clean_mention(span_text(owner))
    return ""


def group_description(head: Token) -> str:
    """A short name for a group described by a common noun from ``data/group_nouns.csv``, or ``""``.

    The head with its name-like modifiers (capitalised words and noun compounds):
    "The six - member Afghan team" → "Afghan team", "the Syrian refugee team" →
    "Syrian refugee team", "Residents" → "residents". Phrases that stand for a
    named actor ("Russian troops") are :func:`phrase_actor`'s, not descriptions.
    """
    if head.pos_ != "NOUN" or head.lemma_.lower() not in group_nouns() or entity_of(head) is not None:
        return ""
    if any(child.dep_ == "poss" and child.pos_ == "PRON" for child in head.children):
        return ""  # "their troops": whoever "their" is, not a group of its own
    words = [
        child for child in head.children
        if child.i < head.i and child.dep_ in ("amod", "compound", "nmod") and not any(True for _ in child.children)
        and (child.text[:1].isupper() or (child.dep_ == "compound" and child.pos_ == "NOUN"))
    ]
    return " ".join([*(w.text for w in words), head.lower_])


def phrase_label(span: Span) -> str:
    """A phrase without an actor, as a short label: determiners and possessives dropped."""
    words = [t for t in span if t.dep_ not in ("det", "poss", "case", "predet") and not t.is_punct]
    if not words:
        return span.text
    text = doc_text(span.doc)[words[0].idx : words[-1].idx + len(words[-1].text)]
    return text if any(t.pos_ == "PROPN" for t in words) else text.lower()


def is_plural(head: Token) -> bool:
    """A plural noun phrase ("troops", "Ukrainians"): a candidate for "they"."""
    return head.tag_ in ("NNS", "NNPS") or head.lower_ in ("they", "them")


def is_person(head: Token) -> bool:
    """A person: a PERSON entity, or he/she."""
    ent = entity_of(head)
    return (ent is not None and ent.label_ == "PERSON") or head.lower_ in ("he", "she", "him", "her")


__all__ = ["ACTOR_PRONOUNS", "actor_nouns", "entity_of", "group_description", "is_person", "is_plural", "phrase_actor", "phrase_label", "phrase_span"]
