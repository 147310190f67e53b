"""Sentence alignment of two versions of an article.

The sentences of version A are matched to those of version B in reading order by
a dynamic programme that maximises the content words they share (stop words
left out). Each step is one of:

* ``one_to_one`` — a sentence of A and one of B say mostly the same words;
* ``split`` — one sentence of A became two or three of B (each piece takes at least
  half of its words from the A sentence);
* ``merged`` — two or three sentences of A became one of B (likewise);
* ``dropped`` — a sentence of A with no counterpart in B;
* ``added`` — a sentence of B with no counterpart in A.

A sentence that moved (dropped in one place, added in another, with the same
words) is paired afterwards as ``one_to_one`` with ``moved=True``.

One row per step (the alignment table of :func:`analystkit.compare`):
``group`` (0-based, in reading order of B then A), ``kind``, ``sentences_a`` and
``sentences_b`` (lists of sentence ids), ``start_a``/``end_a`` and
``start_b``/``end_b`` (offsets spanning the sentences; -1 when the side is empty),
``similarity`` (Dice coefficient of the two sides' content words, 0-1), ``moved``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ._text import content_words
from ._text import words as words_of

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

KINDS = ("one_to_one", "split", "merged", "dropped", "added")
#: A one-to-one pair needs at least this Dice similarity of content words.
MIN_SIMILARITY = 0.3
#: Each piece of a split (or merge) takes at least this share of its words from the other side.
MIN_PIECE_SHARE = 0.5
#: A dropped and an added sentence this similar are the same sentence, moved.
MOVED_SIMILARITY = 0.6


@dataclass
class Sentence:
    """One sentence of a version: id, paragraph, offsets, text and whether it is a fragment."""

    sentence_id: int
    paragraph_id: int
    start: int
    end: int
    text: str
    fragment: bool = False
    words: Counter = field(default_factory=Counter)
    all_words: Counter = field(default_factory=Counter)

    def __post_init__(self) -> None:
        if not self.words:
            self.words = Counter(content_words(self.text))
        if not self.all_words:
            self.all_words = Counter(words_of(self.text))


@dataclass
class Group:
    """One alignment step: sentences of A and of B that correspond."""

    kind: str
    a: list[Sentence]
    b: list[Sentence]
    similarity: float = 0.0
    moved: bool = False

    @property
    def start_a(self) -> int:
        return self.a[0].start if self.a else -1

    @property
    def end_a(self) -> int:
        return self.a[-1].end if self.a else -1

    @property
    def start_b(self) -> int:
        return self.b[0].start if self.b else -1

    @property
    def end_b(self) -> int:
        return self.b[-1].end if self.b else -1


def sentences_of(table: "pd.DataFrame") -> list[Sentence]:
    """:class:`Sentence` objects from rows of a ``sentences`` table (one article), in order."""
    rows = table.sort_values("start")
    fragment = rows["fragment"] if "fragment" in rows else [False] * len(rows)
    paragraph = rows["paragraph_id"] if "paragraph_id" in rows else [0] * len(rows)
    return [
        Sentence(int(s), int(p), int(b), int(e), str(t), bool(f))
        for s, p, b, e, t, f in zip(rows["sentence_id"], paragraph, rows["start"], rows["end"], rows["text"], fragment)
    ]


def dice(a: Counter, b: Counter) -> float:
    """Dice coefficient of two bags of words (0-1)."""
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 0.0


def align_sentences(a: list[Sentence], b: list[Sentence], *, min_similarity: float = MIN_SIMILARITY) -> list[Group]:
    """Align two versions' sentences (see the module docstring). Returns the steps in order."""
    n, m = len(a), len(b)
    shared = [[sum((x.words & y.words).values()) if x.words.keys() & y.words.keys() else 0 for y in b] for x in a]
    neg = float("-inf")
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, str, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = best[i][j]
            if here == neg:
                continue
            moves = []
            if i < n:
                moves.append((1, 0, "dropped", 0.0))
            if j < m:
                moves.append((0, 1, "added", 0.0))
            if i < n and j < m and shared[i][j]:
                sim = dice(a[i].words, b[j].words)
                if sim >= min_similarity:
                    moves.append((1, 1, "one_to_one", float(shared[i][j])))
            for size in (2, 3):
                if i < n and j + size <= m:
                    gain = _many(a[i], b[j:j + size], [shared[i][j + k] for k in range(size)], min_similarity)
                    if gain is not None:
                        moves.append((1, size, "split", gain))
                if j < m and i + size <= n:
                    gain = _many(b[j], a[i:i + size], [shared[i + k][j] for k in range(size)], min_similarity)
                    if gain is not None:
                        moves.append((size, 1, "merged", gain))
            for di, dj, kind, gain in moves:
                score = here + gain
                if score > best[i + di][j + dj] + 1e-9:
                    best[i + di][j + dj] = score
                    back[i + di][j + dj] = (di, dj, kind, gain)
    steps: list[Group] = []
    i, j = n, m
    while i or j:
        di, dj, kind, _ = back[i][j]  # type: ignore[misc]
        part_a, part_b = a[i - di:i], b[j - dj:j]
        sim = dice(sum((s.words for s in part_a), Counter()), sum((s.words for s in part_b), Counter())) if part_a and part_b else 0.0
        steps.append(Group(kind, part_a, part_b, round(sim, 4)))
        i, j = i - di, j - dj
    steps.reverse()
    return _pair_moved(steps)


def _many(one: Sentence, pieces: list[Sentence], shares: list[int], min_similarity: float) -> float | None:
    """The gain of aligning ``one`` with several ``pieces`` (a split or merge), or None when it is not one.

    A piece made of stop words only ("Down.", "the") is measured on all its words."""
    for piece, overlap in zip(pieces, shares):
        if piece.words.keys() & _stops(piece):
            overlap, size = sum((piece.all_words & one.all_words).values()), sum(piece.all_words.values())
        else:
            size = sum(piece.words.values())
        if not overlap or (size and overlap / size < MIN_PIECE_SHARE):
            return None
    joined = sum((p.words for p in pieces), Counter())
    if dice(one.words, joined) < min_similarity:
        return None
    gain = float(sum((one.words & joined).values()))
    # worth it only when the extra pieces add words the single pairing would leave unmatched
    return gain - 0.5 * (len(pieces) - 1)


def _stops(sentence: Sentence) -> set[str]:
    """The sentence's words when all of them are stop words (its content words fell back to them), else empty."""
    from ._text import stop_words

    keys = set(sentence.words)
    return keys if keys and keys <= stop_words() else set()


def _pair_in_place(steps: list[Group]) -> list[Group]:
    """A sentence dropped and one added at the same place, between aligned neighbours, is one
    sentence rewritten when both are short (a date, a list item) or they share some words."""
    out: list[Group] = []
    k = 0
    while k < len(steps):
        g = steps[k]
        nxt = steps[k + 1] if k + 1 < len(steps) else None
        if nxt is not None and {g.kind, nxt.kind} == {"dropped", "added"}:
            d, ad = (g, nxt) if g.kind == "dropped" else (nxt, g)
            x, y = d.a[0], ad.b[0]
            short = sum(x.all_words.values()) <= 4 and sum(y.all_words.values()) <= 4
            if short or dice(x.words, y.words) >= 0.15:
                out.append(Group("one_to_one", [x], [y], round(dice(x.words, y.words), 4)))
                k += 2
                continue
        out.append(g)
        k += 1
    return out


def _pair_moved(steps: list[Group]) -> list[Group]:
    steps = _pair_in_place(steps)
    dropped = [g for g in steps if g.kind == "dropped"]
    added = [g for g in steps if g.kind == "added"]
    used: set[int] = set()
    for d in dropped:
        best, best_sim = None, MOVED_SIMILARITY
        for k, g in enumerate(added):
            if k in used:
                continue
            sim = dice(d.a[0].words, g.b[0].words)
            if sim >= best_sim:
                best, best_sim = k, sim
        if best is not None:
            used.add(best)
            g = added[best]
            d.kind, d.b, d.similarity, d.moved = "one_to_one", g.b, round(best_sim, 4), True
            g.kind = "_gone"
    return [g for g in steps if g.kind != "_gone"]


def alignment_table(groups: list[Group]) -> "pd.DataFrame":
    """The alignment as a DataFrame (columns in the module docstring)."""
    import pandas as pd

    rows = [
        {
            "group": k, "kind": g.kind, "sentences_a": [s.sentence_id for s in g.a], "sentences_b": [s.sentence_id for s in g.b],
            "start_a": g.start_a, "end_a": g.end_a, "start_b": g.start_b, "end_b": g.end_b,
            "similarity": g.similarity, "moved": g.moved,
        }
        for k, g in enumerate(groups)
    ]
    return pd.DataFrame(rows, columns=["group", "kind", "sentences_a", "sentences_b", "start_a", "end_a", "start_b", "end_b", "similarity", "moved"])


__all__ = ["Group", "KINDS", "Sentence", "align_sentences", "alignment_table", "dice", "sentences_of"]
