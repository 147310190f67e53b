"""The ``date_conflict`` flag (high): one event dated twice, incompatibly

One actor's same event is dated twice, incompatibly, in one article: two rows of
the ``timeline`` with the same ``event_key`` (same event class and complement,
"order withdraw"), compatible agents (the same actor, one affiliated to the other
in the gazetteer, or a person of unknown affiliation and a state), the same object
when the event key is a bare verb ("signed an order" and "signed a memorandum" are two
events; "order withdraw" needs none), point-like
relations (not since/until/before/after/by) and date ranges more than a day apart.
Reporting verbs (said, announced, …) are left out (people say things again), and so
are sentences marked as repeats ("again", "another", "repeatedly", "second", …).

**Without a publication date** the calendar dates are unknown, but two expressions
relative to the same date can still contradict each other: "on Wednesday" names a day
0–6 days before publication, "early last month" one 20–61 days before, whatever the
publication date. Such expressions are compared by their ``offset_start, offset_end``
(:func:`analystkit.extract.timeline.relative_events`): ranges more than a day apart
conflict, under the same tests of event, agent and relation.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from spacy.tokens import Token

from ...nlp.doc import ArticleDoc, span_text
from ...vocab.attribution import load_lexicon
from ...vocab.gazetteer import lookup
from ...vocab.words import word_list
from ..dates import TimeValue
from ..timeline import relative_events
from .common import make_flag

#: Words that mark an event as a repeat: two dates for it are no conflict.
REPEAT_WORDS = word_list("repeat_words")
#: Time relations that do not date the event itself ("since the invasion").
NON_POINT_RELATIONS = word_list("non_point_relations")
#: Stative, perception and cognition verbs: no datable single event.
NOT_EVENTS = word_list("not_events")


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """Verb cues of attribution (say, tell, announce, …): repeated by nature, never a date conflict."""
    return frozenset(load_lexicon().verbs)


def _affiliation(actor: str) -> str:
    entry = lookup(actor)
    return entry.affiliation if entry is not None and entry.affiliation != actor else ""


def _actor_kinds(article: ArticleDoc) -> dict[str, str]:
    kinds: dict[str, str] = {}
    for row in article.rows["entities"]:
        actor = row.get("actor")
        if not actor or actor in kinds:
            continue
        entry = lookup(actor)
        if entry is not None and entry.kind:
            kinds[actor] = entry.kind
        elif row["label"] == "PERSON":
            kinds[actor] = "person"
        elif row["label"] in ("GPE", "NORP"):
            kinds[actor] = "state" if lookup(actor) is not None else "group"
        else:
            kinds[actor] = row["label"].lower()
    return kinds


def agents_compatible(a: str, b: str, kinds: dict[str, str]) -> bool:
    """Can two agents be the same actor? Same, affiliated, or a person of unknown affiliation and a state."""
    if not a or not b:
        return False
    if a == b or _affiliation(a) == b or _affiliation(b) == a:
        return True
    for person, other in ((a, b), (b, a)):
        if kinds.get(person) == "person" and not _affiliation(person) and kinds.get(other) == "state":
            return True
    return False


def _describe(date_start: dt.date, date_end: dt.date) -> str:
    return date_start.isoformat() if date_start == date_end else f"{date_start.isoformat()} to {date_end.isoformat()}"


#: Children that open another clause: a repeat word in them is not about this event.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "conj", "xcomp", "parataxis", "csubj"})


def is_repeat(anchor: Token) -> bool:
    """The event's own clause marks it as a repeat ("attacked again", "another strike", "for the second time")."""
    stack = [anchor]
    while stack:
        token = stack.pop()
        if token.lower_ in REPEAT_WORDS:
            return True
        stack.extend(c for c in token.children if c.dep_ not in CLAUSE_DEPS)
    return False


def _offset_value(row: dict) -> TimeValue:
    """An undated row's offsets as a range of days around an arbitrary origin (to compare two rows)."""
    origin = dt.date(2000, 1, 1)
    return TimeValue(origin + dt.timedelta(days=row["offset_start"]), origin + dt.timedelta(days=row["offset_end"]), "range")


def _describe_offsets(row: dict) -> str:
    a, b = -row["offset_start"], -row["offset_end"]
    if a == b:
        return f"{a} days before publication"
    return f"{min(a, b)}–{max(a, b)} days before publication" if a >= 0 and b >= 0 else f"{row['offset_start']} to {row['offset_end']} days from publication"


_DETERMINERS = frozenset({"a", "an", "the", "its", "his", "her", "their", "our", "this", "that", "these", "those"})


def _object_words(row: dict, patients: dict[int, str]) -> tuple[str, ...]:
    """The event's object as written (from the ``actions`` row of its verb), without determiners."""
    text = patients.get(row.get("anchor_start", -1)) or row.get("patient") or ""
    return tuple(w for w in text.lower().split() if w not in _DETERMINERS)


def _object_phrase(article: ArticleDoc, action: dict) -> str:
    """The whole object phrase of an action, with its modifiers ("an executive order on pandemic equity")."""
    if action.get("patient_start", -1) is None or action.get("patient_start", -1) < 0:
        return action.get("patient_text") or ""
    span = article.doc.char_span(action["patient_start"], action["patient_end"], alignment_mode="expand")
    if span is None:
        return action.get("patient_text") or ""
    root = span.root
    return span_text(article.doc[root.left_edge.i : root.right_edge.i + 1])


def same_object(a: dict, b: dict, patients: dict[int, str] | None = None) -> bool:
    """Two rows can be one event: an event key with a complement ("order withdraw") names it already;
    a bare verb ("sign", "receive", "serve") needs the same object, as written ("signed Executive Order
    13685" and "signed Executive Order 13849" are two events; so are "an order" and "a memorandum")."""
    if " " in (a.get("event_key") or ""):
        return True
    patients = patients or {}
    words_a, words_b = _object_words(a, patients), _object_words(b, patients)
    return bool(words_a) and words_a == words_b


def find_date_conflicts(article: ArticleDoc) -> list[dict]:
    rows = list(article.rows["timeline"]) + relative_events(article)  # the second: only without a publication date
    reporting = reporting_verbs()

    def plausible(row: dict) -> bool:
        """The tests of a usable row that need neither the actors' kinds nor the parse."""
        key = row.get("event_key") or ""
        head = key.split(" ")[0] if key else ""
        if not head or not row.get("agent") or row.get("relation") in NON_POINT_RELATIONS:
            return False  # (an empty agent is never a known actor)
        return not (head in reporting or head in NOT_EVENTS or row.get("action") in reporting)

    rows = [r for r in rows if plausible(r)]
    if len(rows) < 2:
        return []  # a conflict takes two dates
    kinds = _actor_kinds(article)
    patients = {row["start"]: _object_phrase(article, row) for row in article.rows.get("actions", [])}

    def usable(row: dict) -> bool:
        if row.get("agent") not in kinds:
            return False
        anchor = article.doc.char_span(row["anchor_start"], row["anchor_end"], alignment_mode="expand")
        return anchor is not None and not is_repeat(anchor.root)

    candidates = [r for r in rows if usable(r)]
    out = []
    for j, later in enumerate(candidates):
        for earlier in candidates[:j]:
            if earlier["sentence_id"] == later["sentence_id"] or earlier["event_key"] != later["event_key"]:
                continue
            if not agents_compatible(earlier["agent"], later["agent"], kinds):
                continue
            if not same_object(earlier, later, patients):
                continue  # "signed an order in January", "signed a memorandum in June": two events
            relative = earlier.get("date_start") is None, later.get("date_start") is None
            if any(relative) and not all(relative):
                continue  # a calendar date against a date relative to an unknown day: nothing to compare
            if all(relative):
                first, second = _offset_value(earlier), _offset_value(later)
                when_first, when_second = _describe_offsets(earlier), _describe_offsets(later)
            else:
                first = TimeValue(earlier["date_start"], earlier["date_end"], earlier["granularity"])
                second = TimeValue(later["date_start"], later["date_end"], later["granularity"])
                when_first, when_second = _describe(first.start, first.end), _describe(second.start, second.end)
            if first.overlaps(second):
                continue
            message = (
                f"Date conflict: \"{later['event']}\" is dated \"{later['text']}\" ({when_second}), "
                f"but sentence {earlier['sentence_id']} dates the same event (\"{earlier['event']}\") \"{earlier['text']}\" "
                f"({when_first}). One of the two is wrong, or these are two different events told as one: "
                "check the chronology against another source before using either date."
            )
            out.append(make_flag(article, later["sentence_id"], later["start"], later["end"], "date_conflict", message, related=(earlier["start"], earlier["end"])))
            break
    return out


__all__ = ["agents_compatible", "find_date_conflicts", "is_repeat", "reporting_verbs"]
