"""What each edit between two versions changes, for an analyst.

Within every aligned group of sentences (:mod:`.align`) the two sides are compared
word by word (``difflib`` over lower-cased tokens); each changed stretch is then
read against the kit's own tables of the two versions — ``claims`` (sources),
``hedges`` (certainty), ``timeline`` and DATE entities (dates), ``entities``
(actors), ``actions`` (negation), ``sentences`` (paragraphs, fragments) — and
classified by what it does to the claim. A stretch that none of those explains is
``rewording``. Nothing here knows any particular word list of a generator or an
article: the evidence is the tables.

One row per edit (the edits table of :func:`analystkit.compare`):

* ``edit_id`` — 0-based, in reading order of version B (then A);
* ``kind`` — one of :data:`KINDS`;
* ``severity`` — ``high``, ``medium`` or ``low``: what the edit does to the claim
  (see :data:`SEVERITY` and :func:`severity_of`);
* ``start_a``, ``end_a``, ``text_a`` — the words of version A concerned
  (``text_a == text_of_a[start_a:end_a]``; an empty span at the place of an insertion);
* ``start_b``, ``end_b``, ``text_b`` — likewise in version B;
* ``sentences_a``, ``sentences_b`` — ids of the aligned sentences holding the edit;
* ``alignment`` — the kind of alignment step it lies in (``one_to_one``, ``split``, …);
* ``before``, ``after`` — the value that changed, in words: the source and its type,
  the hedge and the certainty, the normalised date, the number, the actor;
* ``certainty_a``, ``certainty_b`` — certainty of the claim in each version (hedge edits; NaN otherwise);
* ``date_a``, ``date_b`` — normalised dates ``YYYY-MM-DD`` or ``YYYY-MM-DD..YYYY-MM-DD`` (date edits; '' when unknown);
* ``explanation`` — what the edit does, in plain words.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ._text import Token, content_words, tokens
from .align import Group

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: Edit kinds, in the order they are looked for within a changed stretch.
KINDS = (
    "sentence_split", "fragment", "sentences_merged", "sentence_dropped", "sentence_added",
    "attribution_removed", "attribution_added", "source_changed",
    "introduction_dropped", "introduction_added", "date_changed", "hedge_removed", "hedge_added", "hedge_changed",
    "negation_flipped", "number_changed", "actor_dropped", "actor_added", "actor_changed", "rewording",
)

#: Default severity per kind; :func:`severity_of` raises or lowers some by what they do to the claim.
SEVERITY = {
    "attribution_removed": "high", "source_changed": "medium", "attribution_added": "medium",
    "hedge_removed": "high", "hedge_changed": "medium", "hedge_added": "medium",
    "date_changed": "high", "number_changed": "high", "negation_flipped": "high",
    "introduction_dropped": "medium", "introduction_added": "low", "actor_dropped": "medium", "actor_changed": "high", "actor_added": "low",
    "sentence_split": "medium", "fragment": "medium", "sentences_merged": "low",
    "sentence_dropped": "low", "sentence_added": "low", "rewording": "low",
}

COLUMNS = [
    "edit_id", "kind", "severity", "start_a", "end_a", "text_a", "start_b", "end_b", "text_b",
    "sentences_a", "sentences_b", "alignment", "before", "after", "certainty_a", "certainty_b",
    "date_a", "date_b", "explanation",
]

#: Source types from most to least accountable: a change down this list weakens the sourcing.
SOURCE_STRENGTH = {"named_person": 4, "named_organization": 4, "unnamed": 2, "vague": 1, "author": 0}
_DATE_LABELS = ("DATE", "TIME")
_ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")


@dataclass
class Version:
    """One version of the article and its rows in the kit's tables."""

    article_id: str
    text: str
    sentences: "pd.DataFrame"
    claims: "pd.DataFrame"
    hedges: "pd.DataFrame"
    timeline: "pd.DataFrame"
    entities: "pd.DataFrame"
    actions: "pd.DataFrame"

    def rows(self, table: str, start: int, end: int) -> "pd.DataFrame":
        """Rows of ``table`` lying (at least partly) in ``text[start:end]``."""
        frame = getattr(self, table)
        if frame.empty:
            return frame
        return frame[(frame["end"] > start) & (frame["start"] < end)]


@dataclass
class Change:
    """A changed stretch of tokens between the two sides of a group."""

    i1: int
    i2: int
    j1: int
    j2: int
    a0: int  # character span on side A (empty at the insertion point)
    a1: int
    b0: int
    b1: int


@dataclass
class _Found:
    rows: list[dict] = field(default_factory=list)
    claimed_a: list[tuple[int, int]] = field(default_factory=list)
    claimed_b: list[tuple[int, int]] = field(default_factory=list)
    anchor_a: int = 0  # end of the last aligned sentence of A: where an added sentence of B would go
    anchor_b: int = 0

    def add(self, row: dict, *, claim: bool = True) -> None:
        self.rows.append(row)
        if claim:
            if row["end_a"] > row["start_a"]:
                self.claimed_a.append((row["start_a"], row["end_a"]))
            if row["end_b"] > row["start_b"]:
                self.claimed_b.append((row["start_b"], row["end_b"]))

    def covers(self, start_a: int, end_a: int, start_b: int, end_b: int) -> bool:
        """True when both spans (the non-empty ones) lie inside spans already explained."""
        inside_a = end_a <= start_a or any(s <= start_a and end_a <= e for s, e in self.claimed_a)
        inside_b = end_b <= start_b or any(s <= start_b and end_b <= e for s, e in self.claimed_b)
        return inside_a and inside_b


def classify_edits(a: Version, b: Version, groups: list[Group]) -> "pd.DataFrame":
    """The edits table for two versions and their sentence alignment (columns in the module docstring)."""
    import pandas as pd

    found = _Found()
    last_a = last_b = 0
    for group in groups:
        found.anchor_a, found.anchor_b = last_a, last_b
        _group_edits(a, b, group, found)
        last_a = group.end_a if group.a else last_a
        last_b = group.end_b if group.b else last_b
    frame = pd.DataFrame(found.rows, columns=COLUMNS)
    if frame.empty:
        return frame
    frame["_order_b"] = frame["start_b"].where(frame["start_b"] >= 0, 10**9)
    frame = frame.sort_values(["_order_b", "start_a", "kind"], kind="stable").drop(columns="_order_b").reset_index(drop=True)
    frame["edit_id"] = range(len(frame))
    for column in ("certainty_a", "certainty_b"):
        frame[column] = frame[column].astype(float)
    return frame


# --------------------------------------------------------------------------- per group


def _group_edits(a: Version, b: Version, group: Group, found: _Found) -> None:
    if group.kind == "dropped":
        s = group.a[0]
        if s.fragment:
            found.add(_row(a, b, group, "fragment", s.start, s.end, found.anchor_b, found.anchor_b,
                           explanation="A has a fragment that is not a full sentence (no verb or no subject); B does not have it."))
            return
        found.add(_row(a, b, group, "sentence_dropped", s.start, s.end, found.anchor_b, found.anchor_b,
                       explanation="This sentence of A has no counterpart in B." + _dropped_detail(a, s.start, s.end)))
        return
    if group.kind == "added":
        s = group.b[0]
        kind = "fragment" if s.fragment else "sentence_added"
        explanation = ("B adds a fragment that is not a full sentence (no verb or no subject) and has no counterpart in A."
                       if s.fragment else "This sentence of B has no counterpart in A.")
        at = found.anchor_a
        found.add(_row(a, b, group, kind, at, at, s.start, s.end, explanation=explanation))
        return
    toks_a = [t for s in group.a for t in tokens(a.text, s.start, s.end)]
    toks_b = [t for s in group.b for t in tokens(b.text, s.start, s.end)]
    changes = _changes(toks_a, toks_b, a.text, b.text)
    if group.kind == "split":
        _split_edits(a, b, group, toks_b, changes, found)
    elif group.kind == "merged":
        _merge_edits(a, b, group, toks_a, changes, found)
    if not changes:
        return
    before = len(found.rows)
    _attribution_edits(a, b, group, changes, found)
    _introduction_edits(a, b, group, changes, found)
    _date_edits(a, b, group, changes, found)
    _hedge_edits(a, b, group, changes, found)
    _negation_edits(a, b, group, changes, found)
    _number_edits(a, b, group, changes, toks_a, toks_b, found)
    _actor_edits(a, b, group, changes, found)
    shrunk = sum(group.b[0].all_words.values()) < 0.5 * sum(group.a[0].all_words.values())
    if group.kind == "one_to_one" and group.b[0].fragment and not group.a[0].fragment and (shrunk or len(found.rows) == before):
        found.add(_row(a, b, group, "fragment", group.start_a, group.end_a, group.start_b, group.end_b,
                       explanation="The sentence of A is no longer a full sentence in B (no verb or no subject)."), claim=False)
    for c in changes:
        if found.covers(c.a0, c.a1, c.b0, c.b1) or _overlaps_any(c, found):
            continue
        found.add(_row(a, b, group, "rewording", c.a0, c.a1, c.b0, c.b1, before=a.text[c.a0:c.a1], after=b.text[c.b0:c.b1],
                       explanation=_rewording_explanation(a.text[c.a0:c.a1], b.text[c.b0:c.b1])))


def _changes(toks_a: list[Token], toks_b: list[Token], text_a: str, text_b: str) -> list[Change]:
    matcher = difflib.SequenceMatcher(None, [t.key for t in toks_a], [t.key for t in toks_b], autojunk=False)
    out = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        a0, a1 = _span(toks_a, i1, i2)
        b0, b1 = _span(toks_b, j1, j2)
        out.append(Change(i1, i2, j1, j2, a0, a1, b0, b1))
    return out


def _span(toks: list[Token], i1: int, i2: int) -> tuple[int, int]:
    if i2 > i1:
        return toks[i1].start, toks[i2 - 1].end
    if i1 < len(toks):
        return toks[i1].start, toks[i1].start
    return (toks[-1].end, toks[-1].end) if toks else (0, 0)


def _overlaps_any(change: Change, found: _Found) -> bool:
    """A stretch already explained in part by a typed edit of the same place (not by a whole-sentence one)."""
    for (s, e) in found.claimed_a:
        if change.a1 > change.a0 and s < change.a1 and change.a0 < e and (e - s) < 400:
            if s >= change.a0 or e <= change.a1:
                return True
    for (s, e) in found.claimed_b:
        if change.b1 > change.b0 and s < change.b1 and change.b0 < e and (e - s) < 400:
            if s >= change.b0 or e <= change.b1:
                return True
    return False


# --------------------------------------------------------------------------- structure


def _split_edits(a: Version, b: Version, group: Group, toks_b: list[Token], changes: list[Change], found: _Found) -> None:
    """One edit per split: ``sentence_split`` when a paragraph break cuts the sentence, else ``fragment``
    (the sentence of A is cut into pieces within its paragraph)."""
    pieces = group.b
    junctions = [c for left, right in zip(pieces, pieces[1:]) for c in _junction(toks_b, changes, left.end, right.start)]
    paragraph_break = any(
        right.paragraph_id != left.paragraph_id or "\n" in b.text[left.end:right.start] for left, right in zip(pieces, pieces[1:])
    )
    if paragraph_break:
        explanation = ("A paragraph break cuts this sentence of A in B: the first part ends mid-sentence, "
                       "the rest reads as a sentence of its own. Quote neither part alone.")
        found.add(_row(a, b, group, "sentence_split", group.start_a, group.end_a, group.start_b, group.end_b, explanation=explanation), claim=False)
    else:
        flagged = [p for p in pieces[1:] if p.fragment]  # the first piece keeps the sentence's opening
        piece = flagged[-1] if flagged else pieces[-1]
        explanation = (f"B cuts this sentence of A into {len(pieces)} pieces within its paragraph; {_quote(piece.text)} "
                       + ("is not a full sentence (no verb or no subject) and " if flagged else "")
                       + "only makes sense joined to the words before it.")
        found.add(_row(a, b, group, "fragment", group.start_a, group.end_a, piece.start, piece.end, explanation=explanation), claim=False)
    for c in junctions:
        found.claimed_a.append((c.a0, c.a1))
        found.claimed_b.append((c.b0, c.b1))


def _merge_edits(a: Version, b: Version, group: Group, toks_a: list[Token], changes: list[Change], found: _Found) -> None:
    """One edit per merge. When A's pieces show the damage (a paragraph break inside the sentence,
    a fragment), B is the repaired version and the edit names that damage: the same kinds whichever
    version is passed first."""
    pieces = group.a
    paragraph_break = any(
        right.paragraph_id != left.paragraph_id or "\n" in a.text[left.end:right.start] for left, right in zip(pieces, pieces[1:])
    )
    flagged = [p for p in pieces[1:] if p.fragment]
    if paragraph_break:
        kind, a0, a1 = "sentence_split", group.start_a, group.end_a
        explanation = "A paragraph break cuts this sentence in A; B has it whole. Quote neither part of A alone."
    elif flagged:
        kind, a0, a1 = "fragment", flagged[-1].start, flagged[-1].end
        explanation = f"A has {_quote(flagged[-1].text)}, a piece that is not a full sentence; B has it joined to the sentence it belongs to."
    else:
        kind, a0, a1 = "sentences_merged", group.start_a, group.end_a
        explanation = f"{len(pieces)} sentences of A are joined into one in B."
    found.add(_row(a, b, group, kind, a0, a1, group.start_b, group.end_b, explanation=explanation), claim=False)
    for left, right in zip(pieces, pieces[1:]):
        for c in changes:
            if c.a0 <= right.start + 1 and c.a1 >= left.end - 1:
                found.claimed_a.append((c.a0, c.a1))
                found.claimed_b.append((c.b0, c.b1))


def _junction(toks_b: list[Token], changes: list[Change], left_end: int, right_start: int) -> list[Change]:
    """The changed stretches at the cut between two pieces (a full stop added, a word inserted)."""
    out = []
    for c in changes:
        lo, hi = (c.b0, c.b1) if c.b1 > c.b0 else (c.b0 - 1, c.b0 + 1)
        if lo <= right_start + 1 and hi >= left_end - 1:
            out.append(c)
    # the first word of the second piece, when the cut added or changed it ("It was" for "was")
    return out


# --------------------------------------------------------------------------- sources


def _attribution_edits(a: Version, b: Version, group: Group, changes: list[Change], found: _Found) -> None:
    claims_a = _attributed(a.rows("claims", group.start_a, group.end_a))
    claims_b = _attributed(b.rows("claims", group.start_b, group.end_b))
    all_b = b.rows("claims", group.start_b, group.end_b)
    all_a = a.rows("claims", group.start_a, group.end_a)
    matched_b: set[int] = set()
    for ca in claims_a.itertuples():
        s0, s1 = _source_span(ca)
        hit = [c for c in changes if _touches(c.a0, c.a1, s0, s1)]
        if not hit:
            same = _same_source(ca, claims_b)
            if same is not None:
                matched_b.add(same)
            continue
        same = _same_source(ca, claims_b)
        if same is not None:
            matched_b.add(same)
            continue
        # a source of B that the changed words put there (a deletion puts nothing there)
        replaced = [cb for cb in claims_b.itertuples() if cb.Index not in matched_b and any(c.b1 > c.b0 and _touches(c.b0, c.b1, *_source_span(cb)) for c in hit)]
        counterpart = _counterpart(ca, all_b)
        if replaced:
            cb = replaced[0]
            matched_b.add(cb.Index)
            b0, b1 = _source_span(cb)
            weaker = SOURCE_STRENGTH.get(str(cb.source_type), 0) < SOURCE_STRENGTH.get(str(ca.source_type), 0)
            found.add(_row(a, b, group, "source_changed", s0, s1, b0, b1,
                           before=_source_words(ca), after=_source_words(cb), severity="high" if weaker else "medium",
                           explanation=f"The claim's source changes from {_source_words(ca)} to {_source_words(cb)}"
                           + (": weaker sourcing." if weaker else ".")))
            continue
        if counterpart is not None:
            b0, b1 = int(counterpart.start), int(counterpart.end)
        else:
            b0, b1 = group.start_b, group.end_b  # the claim, now in the author's voice, is the sentence
        found.add(_row(a, b, group, "attribution_removed", s0, s1, b0, b1,
                       before=_source_words(ca), after="no source (the author's voice)",
                       explanation=f"A attributes this claim to {_source_words(ca)}; B drops the attribution and states it "
                       "as fact in its own voice."))
    for cb in claims_b.itertuples():
        if cb.Index in matched_b:
            continue
        s0, s1 = _source_span(cb)
        hit = [c for c in changes if _touches(c.b0, c.b1, s0, s1)]
        if not hit or _same_source(cb, claims_a) is not None:
            continue
        counterpart = _counterpart(cb, all_a)
        a0, a1 = (int(counterpart.start), int(counterpart.end)) if counterpart is not None else (hit[0].a0, hit[0].a1)
        found.add(_row(a, b, group, "attribution_added", a0, a1, s0, s1,
                       before="no source (the author's voice)", after=_source_words(cb),
                       explanation=f"B attributes this claim to {_source_words(cb)}, a source A does not give."))


def _attributed(claims: "pd.DataFrame") -> "pd.DataFrame":
    if claims.empty:
        return claims
    return claims[(claims["source_type"].astype(str) != "author") & (claims["cue_start"] >= 0)]


def _source_span(claim: Any) -> tuple[int, int]:
    starts = [int(x) for x in (claim.source_start, claim.cue_start) if int(x) >= 0]
    ends = [int(x) for x in (claim.source_end, claim.cue_end) if int(x) >= 0]
    return (min(starts), max(ends)) if starts else (int(claim.start), int(claim.start))


def _same_source(claim: Any, others: "pd.DataFrame") -> int | None:
    key = " ".join(content_words(str(claim.source_text)))
    actor = str(claim.source_actor or "")
    for other in others.itertuples():
        if key and key == " ".join(content_words(str(other.source_text))):
            return other.Index
        if actor and actor == str(other.source_actor or "") and str(other.source_type) == str(claim.source_type):
            return other.Index
        if not key and not str(other.source_text) and str(claim.cue).lower() == str(other.cue).lower():
            return other.Index
    return None


def _counterpart(claim: Any, others: "pd.DataFrame") -> Any:
    """The claim of the other version that says most of the same words (None when none shares any)."""
    mine = set(content_words(str(claim.text)))
    best, best_overlap = None, 0
    for other in others.itertuples():
        overlap = len(mine & set(content_words(str(other.text))))
        if overlap > best_overlap:
            best, best_overlap = other, overlap
    return best


def _source_words(claim: Any) -> str:
    text = str(claim.source_text or "") or str(claim.cue or "")
    return f"“{text}” ({claim.source_type})"


# --------------------------------------------------------------------------- people


def _introduction_edits(a: Version, b: Version, group: Group, changes: list[Change], found: _Found) -> None:
    """``introduction_dropped``: A introduces a person (full name or role) where B has the bare
    surname, never introduced before; ``introduction_added`` the other way round."""
    for kind, full, bare, start, end in (("introduction_dropped", a, b, group.start_a, group.end_a), ("introduction_added", b, a, group.start_b, group.end_b)):
        people = full.rows("entities", start, end)
        if people.empty:
            continue
        people = people[people["label"].astype(str) == "PERSON"]
        for person in people.itertuples():
            words = str(person.text).split()
            if len(words) < 2:
                continue
            if kind == "introduction_dropped":
                hit = [(c.a0, c.a1, c.b0, c.b1) for c in changes if c.a1 > c.a0 and _touches(c.a0, c.a1, int(person.start), int(person.end))]
            else:
                hit = [(c.b0, c.b1, c.a0, c.a1) for c in changes if c.b1 > c.b0 and _touches(c.b0, c.b1, int(person.start), int(person.end))]
            if not hit:
                continue
            tail = words[-1]
            short = None
            for _, _, o0, o1 in hit:
                at = bare.text.find(tail, max(0, o0 - 2), o1 + len(tail) + 2)
                if at >= 0:
                    short = (at, at + len(tail))
                    break
            if short is None or _introduced_before(bare, tail.lower(), short[0], 1) or _inside_longer_name(bare, short, words):
                continue
            f0 = min([int(person.start)] + [h[0] for h in hit if h[1] >= int(person.start) - 1])
            if kind == "introduction_dropped":
                found.add(_row(a, b, group, kind, f0, int(person.end), short[0], short[1], before=str(person.text), after=tail,
                               explanation=f"A introduces {_quote(str(person.text))}; B names the person only as {_quote(tail)}, "
                               "with no full name or role anywhere before: a reader of B cannot tell who this is."))
            else:
                found.add(_row(a, b, group, kind, short[0], short[1], f0, int(person.end), before=tail, after=str(person.text),
                               explanation=f"A names {_quote(tail)} by surname only, never introduced; B introduces the person as "
                               f"{_quote(str(person.text))}: A has lost the introduction."))


def _inside_longer_name(version: Version, span: tuple[int, int], full: list[str]) -> bool:
    """True when the surname found is part of a longer mention that keeps some of the full
    mention's other words ("President Biden" for "President Joe Biden": the role is still there)."""
    if version.entities.empty:
        return False
    holding = version.entities[(version.entities["start"] <= span[0]) & (version.entities["end"] >= span[1])]
    others = {w.lower() for w in full[:-1]}
    return any(len(str(t).split()) >= 2 and others & {w.lower() for w in str(t).split()[:-1]} for t in holding["text"])


def _introduced_before(b: Version, tail: str, position: int, n_words: int) -> bool:
    """True when B has a longer mention ending with the same surname before ``position``."""
    earlier = b.entities[(b.entities["end"] <= position)] if not b.entities.empty else b.entities
    for e in earlier.itertuples():
        words = str(e.text).split()
        if words and words[-1].lower() == tail and len(words) > n_words:
            return True
    return False


def _actor_edits(a: Version, b: Version, group: Group, changes: list[Change], found: _Found) -> None:
    ents_a = _actors(a.rows("entities", group.start_a, group.end_a))
    ents_b = _actors(b.rows("entities", group.start_b, group.end_b))
    actors_a = set(ents_a["actor"].astype(str)) if not ents_a.empty else set()
    actors_b = set(ents_b["actor"].astype(str)) if not ents_b.empty else set()
    for c in changes:
        lost = [e for e in ents_a.itertuples() if c.a1 > c.a0 and _touches(c.a0, c.a1, int(e.start), int(e.end)) and str(e.actor) not in actors_b
                and not found.covers(int(e.start), int(e.end), 0, 0)]
        new = [e for e in ents_b.itertuples() if c.b1 > c.b0 and _touches(c.b0, c.b1, int(e.start), int(e.end)) and str(e.actor) not in actors_a
               and not found.covers(0, 0, int(e.start), int(e.end))]
        if lost and new:
            ea, eb = lost[0], new[0]
            found.add(_row(a, b, group, "actor_changed", int(ea.start), int(ea.end), int(eb.start), int(eb.end), before=str(ea.actor), after=str(eb.actor),
                           explanation=f"The actor changes: A has {_quote(str(ea.text))} ({ea.actor}), B has {_quote(str(eb.text))} ({eb.actor})."))
        elif lost:
            ea = lost[0]
            found.add(_row(a, b, group, "actor_dropped", int(ea.start), int(ea.end), c.b0, c.b1, before=str(ea.actor), after="",
                           explanation=f"B drops {_quote(str(ea.text))} ({ea.actor}) from this sentence."))
        elif new:
            eb = new[0]
            found.add(_row(a, b, group, "actor_added", c.a0, c.a1, int(eb.start), int(eb.end), before="", after=str(eb.actor),
                           explanation=f"B adds {_quote(str(eb.text))} ({eb.actor}), absent from A's sentence."))


def _actors(entities: "pd.DataFrame") -> "pd.DataFrame":
    if entities.empty:
        return entities
    keep = entities["label"].astype(str).isin(_ACTOR_LABELS) & (entities["actor"].fillna("").astype(str) != "")
    if "nested" in entities:
        keep &= ~entities["nested"].fillna(False).astype(bool)
    return entities[keep]


# --------------------------------------------------------------------------- dates


def _date_edits(a: Version, b: Version, group: Group, changes: list[Change], found: _Found) -> None:
    dates_a = _dates(a, group.start_a, group.end_a)
    dates_b = _dates(b, group.start_b, group.end_b)
    used_b: set[tuple[int, int]] = set()
    for c in changes:
        in_a = [d for d in dates_a if c.a1 > c.a0 and _touches(c.a0, c.a1, d[0], d[1]) and not found.covers(d[0], d[1], 0, 0)]
        in_b = [d for d in dates_b if c.b1 > c.b0 and _touches(c.b0, c.b1, d[0], d[1]) and (d[0], d[1]) not in used_b and not found.covers(0, 0, d[0], d[1])]
        if not in_a and not in_b:
            continue
        if in_a and in_b and not _date_moved(a.text[in_a[0][0]:in_a[-1][1]], in_a[0][2], b.text[in_b[0][0]:in_b[-1][1]], in_b[0][2]):
            continue  # the same date, reworded around it
        a0, a1 = (in_a[0][0], in_a[-1][1]) if in_a else (c.a0, c.a1)
        b0, b1 = (in_b[0][0], in_b[-1][1]) if in_b else (c.b0, c.b1)
        for d in in_b:
            used_b.add((d[0], d[1]))
        date_a = in_a[0][2] if in_a else ""
        date_b = in_b[0][2] if in_b else ""
        words_a = a.text[a0:a1] if in_a else ""
        words_b = b.text[b0:b1] if in_b else ""
        if in_a and in_b:
            explanation = f"The date changes: A has {_quote(words_a)}" + (f" ({date_a})" if date_a else "") + f", B has {_quote(words_b)}" + (f" ({date_b})" if date_b else "") + "."
        elif in_a:
            explanation = f"B drops the date {_quote(words_a)}" + (f" ({date_a})" if date_a else "") + " from this sentence."
        else:
            explanation = f"B adds the date {_quote(words_b)}" + (f" ({date_b})" if date_b else "") + ", absent from A."
        found.add(_row(a, b, group, "date_changed", a0, a1, b0, b1, before=words_a, after=words_b, date_a=date_a, date_b=date_b, explanation=explanation))


def _dates(version: Version, start: int, end: int) -> list[tuple[int, int, str]]:
    """Time expressions in a span: (start, end, normalised date or '') from the timeline, else DATE/TIME entities."""
    out: dict[tuple[int, int], str] = {}
    timeline = version.rows("timeline", start, end)
    for t in timeline.itertuples():
        out[(int(t.start), int(t.end))] = _date_range(t.date_start, t.date_end)
    entities = version.rows("entities", start, end)
    if not entities.empty:
        for e in entities[entities["label"].astype(str).isin(_DATE_LABELS)].itertuples():
            span = (int(e.start), int(e.end))
            if not any(s < span[1] and span[0] < t for s, t in out):
                out[span] = ""
    return sorted((s, e, d) for (s, e), d in out.items())


def _date_range(start: Any, end: Any) -> str:
    def fmt(value: Any) -> str:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return ""
        try:
            import pandas as pd

            if pd.isna(value):
                return ""
            return pd.Timestamp(value).strftime("%Y-%m-%d")
        except (TypeError, ValueError):
            return str(value)

    first, last = fmt(start), fmt(end)
    if not first:
        return ""
    return first if not last or last == first else f"{first}..{last}"


def _date_moved(words_a: str, date_a: str, words_b: str, date_b: str) -> bool:
    """Whether two time expressions name different times.

    Normalised dates decide when both have one. Otherwise the expressions' *anchors* do:
    digits, number words and capitalised words (names of days and months). Two expressions
    with no anchor and no normalised date ("the term", "working days") are durations or
    vague references: a change of wording there is not a change of date.
    """
    if date_a and date_b:
        return date_a != date_b
    anchors_a, anchors_b = _date_anchors(words_a), _date_anchors(words_b)
    if anchors_a or anchors_b:
        return anchors_a != anchors_b
    return bool(date_a or date_b)


def _date_anchors(words: str) -> tuple[str, ...]:
    from spacy.lang.en.lex_attrs import like_num

    found = []
    for token in re.findall(r"\w+", words):
        if any(ch.isdigit() for ch in token) or like_num(token.lower()) or token[:1].isupper():
            found.append(re.sub(r"(?<=\d)(st|nd|rd|th)$", "", token.lower()))
    return tuple(found)


# --------------------------------------------------------------------------- hedges, negation, numbers


def _hedge_edits(a: Version, b: Version, group: Group, changes: list[Change], found: _Found) -> None:
    hedges_a = a.rows("hedges", group.start_a, group.end_a)
    hedges_b = b.rows("hedges", group.start_b, group.end_b)
    # a hedge is gone when B has fewer cues of its lemma than A (two "may" in A, one in B: one is gone)
    count_a = Counter(hedges_a["lemma"].astype(str)) if not hedges_a.empty else Counter()
    count_b = Counter(hedges_b["lemma"].astype(str)) if not hedges_b.empty else Counter()
    spare_a = count_a - count_b  # lemmas A has more of
    spare_b = count_b - count_a
    claims_a = a.rows("claims", group.start_a, group.end_a)
    claims_b = b.rows("claims", group.start_b, group.end_b)
    for c in changes:
        gone = [h for h in hedges_a.itertuples() if c.a1 > c.a0 and _touches(c.a0, c.a1, int(h.start), int(h.end)) and spare_a[str(h.lemma)] > 0]
        new = [h for h in hedges_b.itertuples() if c.b1 > c.b0 and _touches(c.b0, c.b1, int(h.start), int(h.end)) and spare_b[str(h.lemma)] > 0]
        gone = [h for h in gone if not found.covers(int(h.start), int(h.end), 0, 0)]
        new = [h for h in new if not found.covers(0, 0, int(h.start), int(h.end))]
        for h in gone[:1]:
            spare_a[str(h.lemma)] -= 1
        for h in new[:1]:
            spare_b[str(h.lemma)] -= 1
        if not gone and not new:
            continue
        ca = _claim_at(claims_a, gone[0] if gone else None, c.a0)
        cb = _claim_at(claims_b, new[0] if new else None, c.b0)
        cert_a = float(ca.certainty) if ca is not None else float("nan")
        cert_b = float(cb.certainty) if cb is not None else float("nan")
        if gone and new:
            ha, hb = gone[0], new[0]
            raised = not math.isnan(cert_a) and not math.isnan(cert_b) and cert_b > cert_a
            found.add(_row(a, b, group, "hedge_changed", int(ha.start), int(ha.end), int(hb.start), int(hb.end),
                           before=f"{ha.text} (p={float(ha.probability):.2f})", after=f"{hb.text} (p={float(hb.probability):.2f})",
                           certainty_a=cert_a, certainty_b=cert_b, severity="high" if raised else "medium",
                           explanation=f"The hedge {_quote(str(ha.text))} becomes {_quote(str(hb.text))}: certainty {_cert(cert_a)} → {_cert(cert_b)}."))
        elif gone:
            ha = gone[0]
            b0, b1 = (c.b0, c.b1)
            found.add(_row(a, b, group, "hedge_removed", int(ha.start), int(ha.end), b0, b1,
                           before=f"{ha.text} (p={float(ha.probability):.2f})", after="no hedge", certainty_a=cert_a, certainty_b=cert_b,
                           explanation=f"B drops the hedge {_quote(str(ha.text))}: the claim reads as more certain than A says "
                           f"(certainty {_cert(cert_a)} → {_cert(cert_b)})."))
        else:
            hb = new[0]
            found.add(_row(a, b, group, "hedge_added", c.a0, c.a1, int(hb.start), int(hb.end),
                           before="no hedge", after=f"{hb.text} (p={float(hb.probability):.2f})", certainty_a=cert_a, certainty_b=cert_b,
                           explanation=f"B adds the hedge {_quote(str(hb.text))}: the claim reads as less certain "
                           f"(certainty {_cert(cert_a)} → {_cert(cert_b)})."))


def _claim_at(claims: "pd.DataFrame", hedge: Any, position: int) -> Any:
    if claims.empty:
        return None
    if hedge is not None and "claim_id" in claims and getattr(hedge, "claim_id", None) is not None:
        match = claims[claims["claim_id"].astype(str) == str(hedge.claim_id)]
        if len(match):
            return next(match.itertuples())
    holding = claims[(claims["start"] <= position) & (claims["end"] >= position)]
    if len(holding):
        return next(holding.itertuples())
    return next(claims.itertuples())


def _cert(value: float) -> str:
    return "?" if math.isnan(value) else f"{value:.2f}"


def _negation_edits(a: Version, b: Version, group: Group, changes: list[Change], found: _Found) -> None:
    acts_a = a.rows("actions", group.start_a, group.end_a)
    acts_b = b.rows("actions", group.start_b, group.end_b)
    if acts_a.empty or acts_b.empty:
        return
    for ra in acts_a.itertuples():
        same = acts_b[acts_b["action"].astype(str) == str(ra.action)]
        if same.empty or bool(ra.negated) in set(same["negated"].astype(bool)):
            continue
        rb = next(same.itertuples())
        # the negation itself must be among the changed words: near the verb on one side or the other
        near = [c for c in changes if (c.a1 >= c.a0 and c.a0 - 12 <= int(ra.end) and c.a1 + 12 >= int(ra.start))
                or (c.b0 - 12 <= int(rb.end) and c.b1 + 12 >= int(rb.start))]
        if not near:
            continue
        found.add(_row(a, b, group, "negation_flipped", int(ra.start), int(ra.end), int(rb.start), int(rb.end),
                       before=("not " if ra.negated else "") + str(ra.action), after=("not " if rb.negated else "") + str(rb.action),
                       explanation=f"The claim is turned around: A says {'not ' if ra.negated else ''}{_quote(str(ra.text))}, "
                       f"B says {'not ' if rb.negated else ''}{_quote(str(rb.text))}."))
        for c in near:
            found.claimed_a.append((c.a0, c.a1))
            found.claimed_b.append((c.b0, c.b1))


def _number_edits(a: Version, b: Version, group: Group, changes: list[Change], toks_a: list[Token], toks_b: list[Token], found: _Found) -> None:
    dates_a = _dates(a, group.start_a, group.end_a)
    dates_b = _dates(b, group.start_b, group.end_b)
    for c in changes:
        nums_a = [t for t in toks_a[c.i1:c.i2] if _is_number(t.text) and not _in_spans(t, dates_a)]
        nums_b = [t for t in toks_b[c.j1:c.j2] if _is_number(t.text) and not _in_spans(t, dates_b)]
        if not nums_a or (not nums_b and not any(ch.isdigit() for t in nums_a for ch in t.text)):
            continue
        if [t.key for t in nums_a] == [t.key for t in nums_b]:
            continue
        a0, a1 = nums_a[0].start, nums_a[-1].end
        b0, b1 = (nums_b[0].start, nums_b[-1].end) if nums_b else (c.b0, c.b1)
        if found.covers(a0, a1, b0, b1):
            continue
        before, after = a.text[a0:a1], b.text[b0:b1] if nums_b else ""
        found.add(_row(a, b, group, "number_changed", a0, a1, b0, b1, before=before, after=after,
                       explanation=f"The number changes: A has {_quote(before)}, B has {_quote(after) if after else 'none'}."))


def _is_number(word: str) -> bool:
    from spacy.lang.en.lex_attrs import like_num

    return any(ch.isdigit() for ch in word) or bool(like_num(word))


def _in_spans(token: Token, spans: list[tuple[int, int, str]]) -> bool:
    return any(s <= token.start and token.end <= e for s, e, _ in spans)


# --------------------------------------------------------------------------- rows


def _row(a: Version, b: Version, group: Group, kind: str, start_a: int, end_a: int, start_b: int, end_b: int, *,
         explanation: str, before: str = "", after: str = "", certainty_a: float = float("nan"), certainty_b: float = float("nan"),
         date_a: str = "", date_b: str = "", severity: str | None = None) -> dict:
    start_a, end_a = (max(0, start_a), max(0, end_a)) if start_a >= 0 else (0, 0)
    start_b, end_b = (max(0, start_b), max(0, end_b)) if start_b >= 0 else (0, 0)
    return {
        "edit_id": -1, "kind": kind, "severity": severity or severity_of(kind, a.rows("claims", start_a, max(end_a, start_a + 1))),
        "start_a": start_a, "end_a": end_a, "text_a": a.text[start_a:end_a],
        "start_b": start_b, "end_b": end_b, "text_b": b.text[start_b:end_b],
        "sentences_a": [s.sentence_id for s in group.a], "sentences_b": [s.sentence_id for s in group.b],
        "alignment": group.kind, "before": before, "after": after, "certainty_a": certainty_a, "certainty_b": certainty_b,
        "date_a": date_a, "date_b": date_b, "explanation": explanation,
    }


def severity_of(kind: str, claims_a: "pd.DataFrame | None" = None) -> str:
    """Severity of an edit kind; a dropped sentence that carried an attributed or hedged claim is ``medium``."""
    if kind == "sentence_dropped" and claims_a is not None and not claims_a.empty:
        attributed = (claims_a["source_type"].astype(str) != "author").any()
        hedged = claims_a["hedged"].astype(bool).any() if "hedged" in claims_a else False
        if attributed or hedged:
            return "medium"
    return SEVERITY.get(kind, "low")


def _dropped_detail(a: Version, start: int, end: int) -> str:
    claims = _attributed(a.rows("claims", start, end))
    if claims.empty:
        return ""
    first = next(claims.itertuples())
    return f" It carried a claim attributed to {_source_words(first)}."


def _touches(s0: int, s1: int, t0: int, t1: int) -> bool:
    """Two character spans overlap (an empty first span counts when it lies inside the second)."""
    if s1 <= s0:
        return t0 <= s0 <= t1
    return s0 < t1 and t0 < s1


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text[:117] + '…' if len(text) > 120 else text}”"


def _rewording_explanation(before: str, after: str) -> str:
    if before and after:
        return f"Reworded: {_quote(before)} → {_quote(after)}; the claim's source, hedges, dates and actors are unchanged."
    if before:
        return f"B leaves out {_quote(before)}; the claim's source, hedges, dates and actors are unchanged."
    return f"B adds {_quote(after)}; the claim's source, hedges, dates and actors are unchanged."


__all__ = ["COLUMNS", "KINDS", "SEVERITY", "SOURCE_STRENGTH", "Version", "classify_edits", "severity_of"]
