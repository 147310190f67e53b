"""The ``timeline`` table: every dated event of an article, on the calendar.

One row per time expression (spaCy ``DATE`` entity) that names a point or span of
time, normalised against the article's publication date by
:func:`analystkit.extract.dates.normalise_time` ("on Wednesday" with 2022-11-09 →
2022-11-09; "early last month" → 2022-10-01..10; "since the February 24 invasion"
→ 2022-02-24). Durations ("for two weeks") and vague spans date nothing and are left
out; without a publication date only expressions with their own year are kept.

Columns: ``article_id, sentence_id, start, end, text`` (the time expression as
written), ``date_start, date_end`` (``datetime.date``), ``granularity`` (day, week,
month, year, decade, range), ``offset_start, offset_end`` (days from the publication
date to the first and last day of the range: -1 is the day before publication; empty
without a publication date), ``anchor_start, anchor_end, anchor_text`` (the verb or
event noun it dates), ``relation`` (the preposition that ties it to its event:
on, in, since, until, before, after, … or ''), ``event`` (who did what: "Russia:
order its troops to withdraw"), ``agent``, ``action``, ``patient``, ``event_key``
(the event class and its complement, see below), ``actors`` (the sentence's entity
actors, '; '-joined).

**Which event a date belongs to.** From the expression's head, up the dependency
tree to the first verb, or to an event noun ("the February 24 *invasion*"). The
event is that verb's row of the ``actions`` table when it was extracted first
(agent, action, patient), else the verb's lemma with the sentence's actors.

**Event key.** Words of one event class share a key (``data/event_lexicon.csv``:
WordNet synonyms "withdraw"/"retreat", nominalisations "invasion" → invade); a
support verb takes its object's event ("issued a retreat *order*" → order); an
order-like event carries what is ordered, from its infinitive ("ordered its troops
to *withdraw*") or the noun's modifier ("a *retreat* order"), so both read
``order withdraw``. :mod:`analystkit.extract.flags` compares keys for
``date_conflict``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span, Token

from ..nlp.doc import ArticleDoc, doc_ents, doc_text, token_table
from ..vocab.events import event_class, event_lexicon, is_light_verb
from ..vocab.labels import AGENT_LABELS
from ..vocab.words import word_list
from .dates import TimeValue, normalise_time, relative_offsets

#: The table this module writes, and the tables whose rows it reads (:mod:`analystkit.extract`).
TABLE = "timeline"
REQUIRES: tuple[str, ...] = ("actions",)

#: Prepositions that tie a time expression to its event.
RELATIONS = word_list("time_relations")


def is_event_noun(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and (token.lemma_.lower(), "noun") in event_lexicon()


def _relation(ent: Span, anchor: Token | None = None) -> str:
    if anchor is not None and anchor.pos_ in ("NOUN", "PROPN") and anchor.head.dep_ == "prep" and anchor.head.lower_ in RELATIONS:
        return anchor.head.lower_  # "since the February 24 invasion"
    head = ent.root.head
    if head.dep_ == "prep" and head.i < ent.start and head.lower_ in RELATIONS:
        return head.lower_
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ in RELATIONS:
        return before.lower_
    return ""


def anchor_of(ent: Span) -> Token:
    """The verb (or event noun) a time expression dates: up the tree from its head."""
    token = ent.root
    seen = 0
    while token.head is not token and seen < 12:
        token = token.head
        seen += 1
        if ent.start <= token.i < ent.end:
            continue
        if token.pos_ in ("VERB", "AUX") or is_event_noun(token):
            return token
    return token


def _is_future(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "wo") for c in verb.children) or (
        verb.lemma_ == "go" and any(c.dep_ == "xcomp" for c in verb.children) and verb.tag_ == "VBG"
    )


def _published(article: ArticleDoc) -> dt.date | None:
    published = article.meta.get("published")
    try:
        if published is None or published != published:  # None or NaN/NaT
            return None
        return dt.date(published.year, published.month, published.day)
    except (AttributeError, TypeError, ValueError):
        return None


def _time_expressions(article: ArticleDoc) -> Iterator[tuple[Any, Any, Any]]:
    """Each DATE entity outside headlines, with its sentence and the word it is anchored to."""
    for ent in doc_ents(article.doc):
        if ent.label_ != "DATE":
            continue
        sentence = article.sentence_at(ent.start_char)
        if sentence is None or sentence.is_headline:
            continue
        yield ent, sentence, anchor_of(ent)


def relative_events(article: ArticleDoc) -> list[dict]:
    """For an article *without* a publication date: one row per time expression relative to that
    date ("on Wednesday", "early last month"), as the rows of the table but with no calendar date:
    ``offset_start, offset_end`` hold the days from publication it can name over every possible
    publication date (:func:`analystkit.extract.dates.relative_offsets`). Not part of the table
    (it has no date to place them); :mod:`analystkit.extract.flags.date_conflicts` compares them.
    """
    if _published(article) is not None:
        return []
    actions = {row["start"]: row for row in article.rows.get("actions", [])}
    rows = []
    for ent, sentence, anchor in _time_expressions(article):
        offsets = relative_offsets(ent.text, future=_is_future(anchor))
        if offsets is None:
            continue
        rows.append(
            {
                "article_id": article.article_id,
                "sentence_id": sentence.sentence_id,
                "start": ent.start_char,
                "end": ent.end_char,
                "text": ent.text,
                "date_start": None,
                "date_end": None,
                "granularity": "",
                "offset_start": offsets[0],
                "offset_end": offsets[1],
                "relation": _relation(ent, anchor),
                "anchor_start": anchor.idx,
                "anchor_end": anchor.idx + len(anchor.text),
                "anchor_text": anchor.text,
                **describe_event(anchor, actions, sentence.span),
                "actors": "; ".join(sentence_actors(sentence.span)),
            }
        )
    return rows


def extract_timeline(article: ArticleDoc) -> list[dict]:
    """One row per dated time expression of the article (see the module docstring)."""
    published = _published(article)
    actions = {row["start"]: row for row in article.rows.get("actions", [])}
    actors: dict[int, str] = {}  # sentence id → its actors, '; '-joined
    rows = []
    for ent, sentence, anchor in _time_expressions(article):
        value = normalise_time(ent.text, published, future=_is_future(anchor))
        if value is None:
            continue
        event = describe_event(anchor, actions, sentence.span)
        if sentence.sentence_id not in actors:
            actors[sentence.sentence_id] = "; ".join(sentence_actors(sentence.span))
        rows.append(
            {
                "article_id": article.article_id,
                "sentence_id": sentence.sentence_id,
                "start": ent.start_char,
                "end": ent.end_char,
                "text": ent.text,
                "date_start": value.start,
                "date_end": value.end,
                "granularity": value.granularity,
                "offset_start": (value.start - published).days if published is not None else None,
                "offset_end": (value.end - published).days if published is not None else None,
                "relation": _relation(ent, anchor),
                "anchor_start": anchor.idx,
                "anchor_end": anchor.idx + len(anchor.text),
                "anchor_text": anchor.text,
                **event,
                "actors": actors[sentence.sentence_id],
            }
        )
    return rows


def sentence_actors(span: Span) -> list[str]:
    """Distinct entity actors of a sentence, in order (read from the tokens' entity tags)."""
    seen: list[str] = []
    table = token_table(span.doc)
    ent_type, iob, kb_id, idx, length = table.ent_type, table.ent_iob, table.ent_kb_id, table.idx, table.length
    n = len(iob)
    for i in range(span.start, span.end):
        if ent_type[i] not in AGENT_LABELS:
            continue
        if iob[i] == "B" or i == span.start:
            actor = kb_id[i]
            if not actor:
                end = i + 1
                while end < n and iob[end] == "I":
                    end += 1
                actor = doc_text(span.doc)[idx[i] : idx[end - 1] + length[end - 1]]
            if actor not in seen:
                seen.append(actor)
    return seen


def describe_event(anchor: Token, actions: dict[int, dict], sentence: Span) -> dict[str, str]:
    """``event, agent, action, patient, event_key`` for the verb or event noun ``anchor``."""
    doc = anchor.doc
    if anchor.pos_ in ("NOUN", "PROPN"):
        # "the February 24 invasion": the noun names the event; its owner is the agent.
        agent = ""
        for child in anchor.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod") and child.ent_type_ in AGENT_LABELS:
                agent = _entity_actor(child)
        action = anchor.lemma_.lower()
        key = f"{event_class(action, 'noun')} {_complement(anchor)}".strip()
        return {"event": f"{agent + ': ' if agent else ''}{action}", "agent": agent, "action": action, "patient": "", "event_key": key}
    row = actions.get(anchor.idx)
    if row is None:
        action = anchor.lemma_.lower()
        actors = sentence_actors(sentence)
        return {"event": f"{action} ({', '.join(actors)})" if actors else action, "agent": "", "action": action, "patient": "", "event_key": event_class(action)}
    action, agent = row["action"], row["agent"]
    patient_text = row.get("patient_text") or ""
    key_event, complement = event_class(action), _complement(anchor)
    if is_light_verb(action) and row.get("patient_start", -1) >= 0:
        # "issued a retreat order": the object noun is the event.
        patient = doc.char_span(row["patient_start"], row["patient_end"], alignment_mode="expand")
        if patient is not None and is_event_noun(patient.root):
            key_event, complement = event_class(patient.root.lemma_, "noun"), _complement(patient.root)
    event = f"{agent + ': ' if agent else ''}{action}"
    if patient_text:
        event += f" {patient_text}"
    xcomp = next((c for c in anchor.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if xcomp is not None:
        event += f" to {xcomp.lemma_.lower()}"
    return {"event": event, "agent": agent, "action": action, "patient": row.get("patient") or "", "event_key": f"{key_event} {complement}".strip()}


def _complement(head: Token) -> str:
    """What an order-like event is about: its infinitive ("to withdraw") or event-noun modifier ("retreat order")."""
    for child in head.children:
        if child.dep_ in ("xcomp", "acl") and child.pos_ == "VERB" and child.i > head.i:
            return event_class(child.lemma_)
    if head.pos_ in ("NOUN", "PROPN"):
        for child in head.children:
            if child.dep_ in ("compound", "nmod", "amod") and is_event_noun(child):
                return event_class(child.lemma_, "noun")
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and is_event_noun(pobj):
                        return event_class(pobj.lemma_, "noun")
    return ""


def _entity_actor(token: Token) -> str:
    for ent in doc_ents(token.doc):
        if ent.start <= token.i < ent.end:
            return ent.kb_id_ or ent.text
    return token.text


__all__ = ["TimeValue", "anchor_of", "describe_event", "event_class", "event_lexicon", "extract_timeline", "relative_events", "sentence_actors"]
