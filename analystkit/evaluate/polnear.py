"""Attribution on PolNeAR: the kit's ``claims`` and textacy's quotations against PARC-style gold.

Run from the project root, with the path of a PolNeAR checkout::

    python -m analystkit.evaluate.polnear /path/to/PolNeAR --split dev [--limit N]
        [--no-peer] [--errors] [--examples K] [--dump errors.jsonl] [--jobs N] [--json]

**The corpus.** PolNeAR (Newell, Margolin & Ruths, LREC 2018;
https://github.com/networkdynamics/PolNeAR): 1,008 articles of 2016 US campaign
coverage by seven national outlets, with every attribution annotated to a
PARC 3.0-style standard — source, cue and content spans of speech, writing,
belief, intention, decrees and evidence ("polls show"), including refusals
("declined to comment") and sourceless ones ("it is said"). The script reads
``data/<split>/text/<name>.txt`` and ``data/<split>/attributions/<name>_<annotator>.ann``
(brat standoff, character offsets into the text file). It has no licence to
redistribute: nothing of it is in this repository; pass the path of your copy.
Only the ``train`` and ``dev`` splits are read. **The test split is reserved for
the project's held-out checks: the script refuses it** (``--split test`` or a path
inside ``data/test``). An article annotated by several annotators is scored
against the first annotator id in sort order. ``Discard`` spans (boilerplate the
annotators skipped) and ``Discuss`` spans (annotators unsure) hold no gold.

**Systems.** ``analystkit``: the rows of ``corpus.claims`` whose ``source_type`` is
not ``author``; rows that share a source span and a cue (a quote continued over
several sentences) are one attribution. Left out, as PolNeAR's annotation leaves them
out: nested attributions (PolNeAR annotates the outermost only) and the turns of a
transcript ("A: It's a big mistake." in an interview: PolNeAR annotates the attributions
inside an answer, never the speaker label as a cue); ``analystkit, turns scored`` is the
same with the turns counted, shown beside it so the effect of that choice is visible. ``textacy``:
``textacy.extract.triples.direct_quotations`` on the same spaCy parse (an article on
which it raises counts as predicting nothing, and is counted).

**Matching** — the rules of :mod:`analystkit.evaluate.sourcing` (GUM), with one
addition because PolNeAR gives no source head:

* *source head*: the token of the gold source span whose syntactic head lies
  outside the span (``Span.root`` on the kit's parse of the article; for a source
  in several pieces, the root highest in the tree). "Sen. Bernie Sanders, a
  Vermont independent," → Sanders; "Hillary Clinton's campaign" → campaign.
* *source match* (**head rule**): the gold head lies inside a predicted source span,
  and the predicted and gold attributions share a sentence (the kit's sentences).
  Source precision / recall / F1 count predictions / gold attributions that have a
  match. ``src ovl F1`` is the looser **overlap rule**: any character overlap of the
  source spans, same sentence.
* *source + content*: a source match whose predicted content covers >= 50 % of the
  gold content's characters (all its pieces).
* *cue accuracy*: among source-matched gold attributions, a matching prediction's
  cue overlaps the gold cue.
* *sourceless attributions*: gold attributions without a source span
  (``Attribution-no-source``) and predictions without one (the kit's vague
  "reportedly", "it is expected") are left out of source P/R/F1 and reported on
  their own line; a sourceless prediction finds a sourceless gold attribution when
  their cues overlap.
* *false-attribution rate*: a **passage** is one of the kit's sentences; it is
  *without attribution* when no gold source, cue or content character and no
  ``Discard``/``Discuss`` span lies in it. The rate is the share of those passages
  in which a prediction (with or without a source) puts a cue or content.

**Errors** (``--errors``): every sourced gold attribution the kit misses and every
sourced kit attribution that matches no gold one gets one category, the first that
applies in the order of :data:`MISS_CATEGORIES` / :data:`FALSE_CATEGORIES`, with
counts, the most frequent cue lemmas and source words, and a few examples.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import Errors
from .sourcing import (
    Counts,
    Item,
    _overlap,
    _sentences_of,
    claim_items,
    content_matches,
    cue_matches,
    false_attributions,
    score_article,
    source_matches,
    textacy_items,
)

SPLITS = ("train", "dev")
RESERVED_SPLITS = ("test",)
#: brat text-bound types that hold no gold: boilerplate the annotators skipped, or spans they were unsure of.
IGNORED_TYPES = frozenset({"Discard", "Discuss"})
_ANN_NAME = re.compile(r"^(?P<stem>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")

Spans = list[tuple[int, int]]


# ---------------------------------------------------------------- the corpus on disk
def check_split(split: str) -> str:
    """``split`` if it may be read; the reserved test split (and anything unknown) raises ``ValueError``."""
    if split in RESERVED_SPLITS:
        raise ValueError(Errors.AK010.format(what=f"split {split!r}"))
    if split not in SPLITS:
        raise ValueError(Errors.AK011.format(split=split, allowed=", ".join(SPLITS)))
    return split


def split_folder(root: str | Path, split: str) -> Path:
    """``<root>/data/<split>`` (``root`` may also be the ``data`` folder), refusing the test split."""
    check_split(split)
    root = Path(root).expanduser().resolve()
    if any(part in RESERVED_SPLITS for part in root.parts[-3:]):
        raise ValueError(Errors.AK010.format(what=f"path {str(root)!r}"))
    data = root if (root / split / "text").is_dir() else root / "data"
    folder = data / split
    if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
        raise FileNotFoundError(Errors.AK012.format(path=str(root), split=split))
    return folder


def annotation_files(folder: Path) -> dict[str, Path]:
    """Article stem → its ``.ann`` file; with several annotators, the first annotator id in sort order."""
    chosen: dict[str, Path] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        match = _ANN_NAME.match(path.name)
        stem = match.group("stem") if match else path.stem
        chosen.setdefault(stem, path)
    return chosen


def article_paths(root: str | Path, split: str, *, limit: int | None = None, skip: int = 0) -> list[tuple[Path, Path]]:
    """``(text file, annotation file)`` pairs of one split, in name order (the first ``limit`` after the first ``skip``)."""
    folder = split_folder(root, split)
    annotations = annotation_files(folder)
    pairs = [(text, annotations[text.stem]) for text in sorted((folder / "text").glob("*.txt")) if text.stem in annotations][skip:]
    return pairs[:limit] if limit is not None else pairs


def write_articles(root: str | Path, out: str | Path, *, splits: Sequence[str] = SPLITS, limit: int | None = None) -> list[Path]:
    """Copy the whole articles of ``splits`` (train and dev) as ``.txt`` files into ``out``.

    For the integrity evaluation: ``out`` should be a temporary folder outside any
    repository (the corpus may not be redistributed). Returns the written paths.
    """
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for split in splits:
        for text, _ in article_paths(root, split, limit=limit):
            target = folder / text.name  # the split's own name: the same article id, so the row cache is shared
            target.write_text(text.read_text(encoding="utf-8"), encoding="utf-8")
            written.append(target)
    return written


# ---------------------------------------------------------------- gold
@dataclass
class GoldAttribution:
    """One annotated attribution, in offsets of the text file."""

    id: str
    source: Spans
    cue: Spans
    content: Spans


@dataclass
class Annotation:
    """One ``.ann`` file: its attributions, the spans that hold no gold, and the lines it could not read."""

    attributions: list[GoldAttribution] = field(default_factory=list)
    ignored: Spans = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _spans(field_text: str) -> Spans:
    spans = []
    for piece in field_text.split(";"):
        start, end = piece.split()
        spans.append((int(start), int(end)))
    return spans


def parse_ann(text: str) -> Annotation:
    """Read brat standoff: ``T`` lines (``Source``, ``Cue``, ``Content``, ``Discard`` …) and ``E`` lines linking them.

    An ``E`` line's roles are ``Attribution``/``Attribution-no-source`` (the trigger),
    ``Source``, ``Cue`` and ``Content``, ``Content2`` …; spans may be discontinuous
    (``start end;start end``). An attribution with neither cue nor content is dropped.
    """
    spans: dict[str, tuple[str, Spans]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    out = Annotation()
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        fields = line.split("\t")
        try:
            if line.startswith("T"):
                kind, _, where = fields[1].partition(" ")
                spans[fields[0]] = (kind, _spans(where))
            elif line.startswith("E"):
                roles = [tuple(arg.split(":", 1)) for arg in fields[1].split()]
                events.append((fields[0], [(role, ref) for role, ref in roles]))
        except (IndexError, ValueError):
            out.problems.append(f"line {number}: {line[:60]!r}")
    for kind, where in spans.values():
        if kind in IGNORED_TYPES:
            out.ignored.extend(where)
    for event_id, roles in events:
        parts: dict[str, Spans] = {"Source": [], "Cue": [], "Content": []}
        for role, ref in roles:
            base = re.sub(r"\d+$", "", role)
            if base in parts and ref in spans:
                parts[base].extend(spans[ref][1])
        if parts["Cue"] or parts["Content"]:
            out.attributions.append(GoldAttribution(event_id, sorted(parts["Source"]), sorted(parts["Cue"]), sorted(parts["Content"])))
    return out


def source_head(doc, spans: Spans) -> tuple[int, int] | None:
    """Character span of the gold source's syntactic head (see the module docstring)."""
    roots = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            roots.append(span.root)
    if not roots:
        return None
    head = min(roots, key=lambda token: (sum(1 for _ in token.ancestors), token.i))
    return head.idx, head.idx + len(head.text)


def gold_items(annotation: Annotation, doc, starts: Sequence[int], ends: Sequence[int]) -> list[Item]:
    """Gold attributions as :class:`~analystkit.evaluate.sourcing.Item` (``head`` None when sourceless)."""
    items = []
    for att in annotation.attributions:
        item = Item(list(att.source), list(att.cue), list(att.content), source_head(doc, att.source) if att.source else None)
        item.sentences = _sentences_of(item.source + item.cue + item.content, starts, ends)
        items.append(item)
    return items


# ---------------------------------------------------------------- scoring
@dataclass
class PolnearCounts(Counts):
    """:class:`~analystkit.evaluate.sourcing.Counts` plus the overlap rule and the sourceless attributions."""

    pred_overlap_ok: int = 0
    gold_overlap_ok: int = 0
    gold_sourceless: int = 0
    gold_sourceless_found: int = 0
    pred_sourceless: int = 0
    pred_nested: int = 0  # sourced predictions matching no gold, inside a gold content (nested attributions)

    def metrics(self) -> dict[str, float]:
        out = super().metrics()
        p = self.pred_overlap_ok / self.n_pred if self.n_pred else 0.0
        r = self.gold_overlap_ok / self.n_gold if self.n_gold else 0.0
        out["overlap_f1"] = 2 * p * r / (p + r) if p + r else 0.0
        kept = self.n_pred - self.pred_nested
        out["source_p_nested_neutral"] = self.pred_source_ok / kept if kept else 0.0
        out["sourceless_r"] = self.gold_sourceless_found / self.gold_sourceless if self.gold_sourceless else 0.0
        return out


def nested_in(pred: Item, golds: Sequence[Item]) -> Item | None:
    """The gold attribution whose content holds the prediction's source or cue (a nested attribution), if any."""
    anchors = [*pred.source, *pred.cue] or pred.content
    for gold in golds:
        if any(g[0] <= a[0] and a[1] <= g[1] for a in anchors for g in gold.content):
            return gold
    return None


def source_overlaps(pred: Item, gold: Item) -> bool:
    """The looser rule: the source spans share a character, and the attributions a sentence."""
    if not (pred.sentences & gold.sentences):
        return False
    return any(_overlap(p, g) > 0 for p in pred.source for g in gold.source)


def score(preds: Sequence[Item], golds: Sequence[Item], sentences: Sequence[tuple[int, int]], ignored: Spans = ()) -> PolnearCounts:
    """Counts for one article; ``sentences`` are ``(start, end)`` in the same offsets as the items."""
    sourced_preds = [p for p in preds if p.source]
    sourced_golds = [g for g in golds if g.source]
    base = score_article(sourced_preds, sourced_golds, [])
    counts = PolnearCounts(**{name: getattr(base, name) for name in Counts.__dataclass_fields__})
    counts.pred_overlap_ok = sum(any(source_overlaps(p, g) for g in sourced_golds) for p in sourced_preds)
    counts.gold_overlap_ok = sum(any(source_overlaps(p, g) for p in sourced_preds) for g in sourced_golds)
    counts.pred_nested = sum(1 for p in sourced_preds if not any(source_matches(p, g) for g in sourced_golds) and nested_in(p, golds) is not None)
    sourceless_golds = [g for g in golds if not g.source]
    sourceless_preds = [p for p in preds if not p.source]
    counts.gold_sourceless, counts.pred_sourceless = len(sourceless_golds), len(sourceless_preds)
    counts.gold_sourceless_found = sum(any(cue_matches(p, g) for p in sourceless_preds) for g in sourceless_golds)
    counts.unattributed_sentences, counts.false_attributions = false_attributions(preds, covered_sentences(golds, sentences, ignored), sentences)
    return counts


def covered_sentences(golds: Sequence[Item], sentences: Sequence[tuple[int, int]], ignored: Spans = ()) -> set[int]:
    """The sentences holding a gold attribution or an ignored (``Discard``/``Discuss``) span: not clean passages."""
    covered: set[int] = set()
    for gold in golds:
        covered |= gold.sentences
    return covered | _sentences_of(ignored, [s for s, _ in sentences], [e for _, e in sentences])


# ---------------------------------------------------------------- error analysis
#: Categories of a sourced gold attribution the kit misses, in the order they are tried.
MISS_CATEGORIES = (
    ("found, no source", "the kit has the attribution (cue or content) but gives it no source span"),
    ("found, other source", "the kit has the attribution but its source span does not hold the gold head"),
    ("headline", "the cue is in the article's first line (the headline)"),
    ("colon or dash cue", "the cue is punctuation: 'Name: \"...\"', '— Name'"),
    ("refusal", "declined / refused (to comment)"),
    ("prepositional cue", "'according to', 'in the eyes of', 'about'"),
    ("participial cue", "an -ing cue attached to another clause: ', saying / adding / noting that'"),
    ("nominal cue", "the cue is a noun: 'her support of', 'the decision to', 'his view'"),
    ("verb cue the kit lacks", "a verb cue not in the kit's cue list: blasted, urged, promised, accused, want"),
    ("parenthetical cue", "a verb cue the kit knows, set inside its content: 'The museum, Mr. Bush said, celebrated …'"),
    ("pronoun source", "a verb cue the kit knows, with a pronoun source: I, we, you, who, he, they, it"),
    ("unlisted noun source", "a verb cue the kit knows; the source is a common noun its person/group/source lists lack: polls, report, candidates, judge"),
    ("verb cue the kit knows", "a verb cue in the kit's cue list, a name or a listed noun as source: structure or parse"),
    ("other", "anything else"),
)
#: Categories of a sourced kit attribution that matches no gold one, in the order they are tried.
FALSE_CATEGORIES = (
    ("headline", "the kit's cue or content is in the article's first line"),
    ("speaker label", "a transcript turn or colon lead-in ('WALLACE: ...', 'Q:')"),
    ("question", "the content (or its sentence) is a question"),
    ("nested in gold content", "inside the content of a gold attribution: PolNeAR annotates only the outermost"),
    ("gold has no source", "the gold attribution there has no source (passive, 'it is said')"),
    ("other source for a gold attribution", "the kit's cue or content matches a gold attribution whose source is elsewhere"),
    ("quote continuation", "a sentence inside a quote given to a speaker named elsewhere"),
    ("passage without attribution", "no gold attribution in the sentence"),
    ("other", "anything else (the gold attribution in the sentence has another cue and content)"),
)
#: Why a passage without gold attribution counts as given one (the false-attribution rate's numerator).
PASSAGE_CATEGORIES = (
    ("sourced cue", "a prediction with a source has its cue in the passage"),
    ("sourceless cue", "a prediction without a source ('reportedly', 'is expected') has its cue in the passage"),
    ("content only", "only a prediction's content reaches into the passage (its cue lies in another sentence)"),
)
_PRONOUN_TAGS = frozenset({"PRP", "PRP$", "WP", "WP$"})


@dataclass
class Case:
    """One error: which category, where, and the words involved (for the report or ``--dump``)."""

    kind: str  # "miss", "false", "false passage" or (``--dump`` only) "hit"
    category: str
    system: str
    article: str
    sentence: str
    source: str
    cue: str
    cue_lemma: str
    head: str
    source_kind: str = ""  # see source_kind()
    other: str = ""  # the other side: the kit's source for a miss, the gold source for a false attribution
    cue_shape: str = ""  # see cue_shape(): the cue's grammatical frame, for precision per frame in ``--dump``
    content: str = ""  # the kit's content for a false attribution, false passage or hit ("" when it has none)


def _text_of(text: str, spans: Iterable[tuple[int, int]]) -> str:
    return " … ".join(text[s:e] for s, e in spans)


def _cue_root(doc, spans: Spans):
    roots = [span.root for s, e in spans if (span := doc.char_span(s, e, alignment_mode="expand")) is not None and len(span) and not all(t.is_punct or t.is_space for t in span)]
    return min(roots, key=lambda t: (sum(1 for _ in t.ancestors), t.i)) if roots else None


def _token_at(doc, span: tuple[int, int] | None):
    if span is None:
        return None
    piece = doc.char_span(span[0], span[1], alignment_mode="expand")
    return piece.root if piece is not None and len(piece) else None


@lru_cache(maxsize=1)
def _listed_nouns() -> frozenset[str]:
    """Nouns the kit already knows as sources, people or groups (its own data files)."""
    from ..vocab.attribution import load_lexicon

    words = set(load_lexicon().source_nouns)
    for name in ("actor_nouns.csv", "group_nouns.csv"):
        with resources.files("analystkit.data").joinpath(name).open(encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#") or not line.strip():
                    continue
                word = line.split(",")[0].strip().lower()
                if word and word not in ("noun", "word"):
                    words.add(word)
    return frozenset(words)


def _sentence_text(text: str, sentences: Sequence[tuple[int, int]], item: Item, width: int = 160) -> str:
    ids = sorted(item.sentences)
    if not ids:
        return ""
    start, end = sentences[ids[0]]
    snippet = " ".join(text[start:end].split())
    return snippet if len(snippet) <= width else snippet[: width - 1] + "…"


def miss_category(gold: Item, preds: Sequence[Item], doc, first_line_end: int, verbs: frozenset[str], listed: frozenset[str]) -> tuple[str, Item | None]:
    """The first :data:`MISS_CATEGORIES` entry that applies to a missed sourced gold attribution."""
    found = [p for p in preds if (cue_matches(p, gold) or content_matches(p, gold)) and p.sentences & gold.sentences]
    if found:
        sourced = [p for p in found if p.source]
        return ("found, other source", sourced[0]) if sourced else ("found, no source", found[0])
    if any(s < first_line_end for s, _ in gold.cue):
        return "headline", None
    text = doc.text
    cue_text = _text_of(text, gold.cue).strip()
    if cue_text and all(not ch.isalnum() for ch in cue_text) or ":" in cue_text:
        return "colon or dash cue", None
    root = _cue_root(doc, gold.cue)
    cue_tokens = [t for s, e in gold.cue if (sp := doc.char_span(s, e, alignment_mode="expand")) is not None for t in sp]
    if any(t.lemma_.lower() in ("decline", "refuse") for t in cue_tokens):
        return "refusal", None
    if root is not None and (root.pos_ == "ADP" or root.lower_ == "according"):
        return "prepositional cue", None
    if root is not None and root.tag_ == "VBG" and not any(c.dep_ in ("aux", "auxpass") for c in root.children):
        return "participial cue", None
    if root is not None and root.pos_ in ("NOUN", "PROPN"):
        return "nominal cue", None
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return "other", None
    if root.lemma_.lower() not in verbs:
        return "verb cue the kit lacks", None
    if _inside_content(gold, root.sent):
        return "parenthetical cue", None
    feature = source_kind(doc, gold.head, listed)
    if feature == "pronoun":
        return "pronoun source", None
    if feature == "unlisted noun":
        return "unlisted noun source", None
    return "verb cue the kit knows", None


def _inside_content(gold: Item, sentence) -> bool:
    """The cue stands between two pieces of its content, in one sentence ("Y, X said, Z")."""
    cue_start, cue_end = min(s for s, _ in gold.cue), max(e for _, e in gold.cue)
    lo, hi = sentence.start_char, sentence.end_char
    before = any(lo <= s and e <= cue_start for s, e in gold.content)
    after = any(cue_end <= s and e <= hi for s, e in gold.content)
    return before and after


def source_kind(doc, head: tuple[int, int] | None, listed: frozenset[str]) -> str:
    """What the source head is: ``pronoun``, ``unlisted noun`` (a common noun outside the kit's
    person, group and source nouns, not inside a person/organisation/group/state entity: evidence
    like "polls" and people like "candidates" alike), or ``name or listed noun``."""
    token = _token_at(doc, head)
    if token is None:
        return ""
    if token.pos_ == "PRON" or token.tag_ in _PRONOUN_TAGS:
        return "pronoun"
    if token.pos_ == "NOUN" and token.lemma_.lower() not in listed and token.lower_ not in listed and token.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE"):
        return "unlisted noun"
    return "name or listed noun"


def false_category(pred: Item, row: dict, golds: Sequence[Item], doc, first_line_end: int, sentences: Sequence[tuple[int, int]]) -> tuple[str, Item | None]:
    """The first :data:`FALSE_CATEGORIES` entry that applies to a sourced prediction that matches no gold."""
    text = doc.text
    if any(s < first_line_end for s, _ in (*pred.cue, *pred.content)):
        return "headline", None
    if row.get("source_subtype") in ("speaker", "questioner") or _text_of(text, pred.cue).strip() in (":", "—", "-"):
        return "speaker label", None
    content = _text_of(text, pred.content).rstrip(" \"'”’)")
    if content.endswith("?") or any(text[sentences[i][0] : sentences[i][1]].rstrip(" \"'”’)").endswith("?") for i in pred.sentences):
        return "question", None
    outer = nested_in(pred, golds)
    if outer is not None:
        return "nested in gold content", outer
    related = [g for g in golds if (cue_matches(pred, g) or content_matches(pred, g)) and pred.sentences & g.sentences]
    if related:
        sourced = [g for g in related if g.source]
        return ("other source for a gold attribution", sourced[0]) if sourced else ("gold has no source", related[0])
    if "continues a quote" in (row.get("note") or ""):
        return "quote continuation", None
    if not any(pred.sentences & g.sentences for g in golds):
        return "passage without attribution", None
    return "other", None


_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "parataxis"})
_OBJECT_DEPS = frozenset({"dobj", "pobj", "attr", "oprd", "dative", "prep"})


def cue_shape(doc, spans: Spans) -> str:
    """The cue's grammatical frame as ``dependency/part of speech/complement``: where the cue word
    hangs ("ROOT", "relcl", "acl", "advcl", ...), what it is, and whether it takes a clause
    ("clause"; for a noun also a clause it governs: "the decision to go", "the claim that ..."), only a
    noun phrase or prepositional phrase ("phrase"), or nothing ("none").
    Used to compare precision between frames of one cue ("voters who support X" against
    "he supports the plan"); empty when the cue is no token."""
    root = _cue_root(doc, spans)
    if root is None:
        return ""
    deps = {child.dep_ for child in root.children}
    clause_deps = _CLAUSE_DEPS | {"acl"} if root.pos_ in ("NOUN", "PROPN") else _CLAUSE_DEPS
    complement = "clause" if deps & clause_deps else "phrase" if deps & _OBJECT_DEPS else "none"
    return f"{root.dep_}/{root.pos_}/{complement}"


def _lemma(doc, spans: Spans) -> str:
    root = _cue_root(doc, spans)
    if root is None:
        return _text_of(doc.text, spans).strip().lower()
    return root.lemma_.lower()


def error_cases(system: str, article: str, doc, sentences: Sequence[tuple[int, int]], preds: Sequence[Item], golds: Sequence[Item], rows: Sequence[dict] = ()) -> list[Case]:
    """Every missed sourced gold attribution and every unmatched sourced prediction, categorised."""
    from ..vocab.attribution import load_lexicon

    text = doc.text
    first_line_end = text.find("\n") if "\n" in text else len(text)
    verbs = frozenset(load_lexicon().verbs)
    listed = _listed_nouns()
    cases = []
    sourced_preds = [p for p in preds if p.source]
    for gold in golds:
        if not gold.source or any(source_matches(p, gold) for p in sourced_preds):
            continue
        category, other = miss_category(gold, preds, doc, first_line_end, verbs, listed)
        head = text[gold.head[0] : gold.head[1]] if gold.head else ""
        kind = source_kind(doc, gold.head, listed)
        cases.append(Case("miss", category, system, article, _sentence_text(text, sentences, gold), _text_of(text, gold.source), _text_of(text, gold.cue), _lemma(doc, gold.cue), head, kind, _text_of(text, other.source) if other else ""))
    for pred, row in zip(preds, rows or [{}] * len(preds)):
        if not pred.source or any(source_matches(pred, g) for g in golds):
            continue
        category, other = false_category(pred, row, golds, doc, first_line_end, sentences)
        head_token = _token_at(doc, pred.source[0])
        head = (head_token.idx, head_token.idx + len(head_token.text)) if head_token is not None else None
        cases.append(Case("false", category, system, article, _sentence_text(text, sentences, pred), _text_of(text, pred.source), _text_of(text, pred.cue), _lemma(doc, pred.cue), head_token.text if head_token is not None else "", source_kind(doc, head, listed), _text_of(text, other.source) if other else "", cue_shape(doc, pred.cue), _text_of(text, pred.content)))
    return cases


def false_passage_cases(system: str, article: str, doc, sentences: Sequence[tuple[int, int]], preds: Sequence[Item], covered: set[int]) -> list[Case]:
    """One case per passage without gold attribution that a prediction touches (see :data:`PASSAGE_CATEGORIES`)."""
    text = doc.text
    cases = []
    for i, (start, end) in enumerate(sentences):
        if i in covered:
            continue
        touching = [p for p in preds if any(_overlap((start, end), span) > 0 for span in (*p.cue, *p.content))]
        if not touching:
            continue
        by_cue = [p for p in touching if any(_overlap((start, end), span) > 0 for span in p.cue)]
        pred = next((p for p in by_cue if p.source), by_cue[0] if by_cue else touching[0])
        category = "content only" if not by_cue else "sourced cue" if pred.source else "sourceless cue"
        snippet = " ".join(text[start:end].split())
        head_token = _token_at(doc, pred.source[0]) if pred.source else None
        cases.append(Case("false passage", category, system, article, snippet[:300], _text_of(text, pred.source), _text_of(text, pred.cue), _lemma(doc, pred.cue) if pred.cue else "", head_token.text if head_token is not None else "", cue_shape=cue_shape(doc, pred.cue) if pred.cue else "", content=_text_of(text, pred.content)))
    return cases


def hit_cases(system: str, article: str, doc, sentences: Sequence[tuple[int, int]], preds: Sequence[Item], golds: Sequence[Item]) -> list[Case]:
    """The kit's sourced attributions that match a gold source (kind "hit"): with the false ones, precision per cue in ``--dump``."""
    text = doc.text
    return [
        Case("hit", "source match", system, article, _sentence_text(text, sentences, p), _text_of(text, p.source), _text_of(text, p.cue), _lemma(doc, p.cue) if p.cue else "", "", cue_shape=cue_shape(doc, p.cue) if p.cue else "", content=_text_of(text, p.content))
        for p in preds
        if p.source and any(source_matches(p, g) for g in golds)
    ]


def format_errors(cases: Sequence[Case], *, examples: int = 3) -> str:
    """Counts per category, the top cue lemmas and source words in each, and a few examples."""
    lines = []
    for kind, categories, title in (
        ("miss", MISS_CATEGORIES, "Missed gold attributions (source head not in any kit source)"),
        ("false", FALSE_CATEGORIES, "Kit attributions matching no gold source"),
        ("false passage", PASSAGE_CATEGORIES, "Passages without gold attribution given one (the false-attribution rate's numerator)"),
    ):
        mine = [c for c in cases if c.kind == kind]
        lines += ["", f"{title}: {len(mine)}"]
        for name, meaning in categories:
            group = [c for c in mine if c.category == name]
            if not group:
                continue
            share = 100.0 * len(group) / len(mine)
            lines.append(f"  {name:<38}{len(group):>5} ({share:4.1f} %)  {meaning}")
            cues = Counter(c.cue_lemma for c in group).most_common(8)
            heads = Counter(c.head.lower() for c in group if c.head).most_common(8)
            lines.append("      cues: " + ", ".join(f"{w} {n}" for w, n in cues))
            lines.append("      source heads: " + ", ".join(f"{w} {n}" for w, n in heads))
            for case in group[:examples]:
                other = f"  [{'kit' if kind == 'miss' else 'gold'} source: {case.other!r}]" if case.other else ""
                lines.append(f"      - source {case.source[:50]!r}, cue {case.cue[:30]!r}{other}: {case.sentence[:110]!r}")
        kinds = Counter(c.source_kind for c in mine if c.source_kind)
        pronouns = Counter(c.head.lower() for c in mine if c.source_kind == "pronoun")
        lines.append("  across categories, source heads: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
        lines.append("  pronoun sources: " + ", ".join(f"{k} {n}" for k, n in pronouns.most_common(12)))
    return "\n".join(lines)


# ---------------------------------------------------------------- the run
@dataclass
class Result:
    counts: dict[str, PolnearCounts]
    cases: list[Case]
    articles: int
    problems: list[str]


def _rows_by_key(rows: Sequence[dict]) -> dict[tuple[int, int, int, int], dict]:
    keyed: dict[tuple[int, int, int, int], dict] = {}
    for row in rows:
        if row["source_type"] != "author":
            keyed.setdefault((row["source_start"], row["source_end"], row["cue_start"], row["cue_end"]), row)
    return keyed


def _row_of(item: Item, keyed: dict) -> dict:
    source = item.source[0] if item.source else (-1, -1)
    cue = item.cue[0] if item.cue else (-1, -1)
    return keyed.get((source[0], source[1], cue[0], cue[1]), {})


#: The kit scored with its transcript turns counted as attributions (shown beside the main row).
TURNS_SCORED = "analystkit, turns scored"


def evaluate(root: str | Path, *, split: str = "dev", limit: int | None = None, skip: int = 0, peer: bool = True, errors: bool = False, jobs: int = 1) -> Result:
    """Score the kit (and textacy, if ``peer`` and installed) on one split of PolNeAR (``limit`` articles after the first ``skip``)."""
    import analystkit as ak

    pairs = article_paths(root, split, limit=limit, skip=skip)
    if not pairs:
        raise FileNotFoundError(Errors.AK012.format(path=str(root), split=split))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = ak.load(*[str(text) for text, _ in pairs], jobs=jobs)
    by_path = {Path(p).resolve(): aid for p, aid in zip(corpus.load_report.path, corpus.load_report.article_id) if isinstance(aid, str)}
    annotation_of = {by_path[text.resolve()]: ann for text, ann in pairs if text.resolve() in by_path}
    raw_of = {by_path[text.resolve()]: text for text, _ in pairs if text.resolve() in by_path}
    claims = corpus.claims
    sentences_table = corpus.sentences
    try:
        import textacy  # noqa: F401
    except ImportError:
        peer = False
    systems = ["analystkit", TURNS_SCORED] + (["textacy direct_quotations"] if peer else [])
    result = Result({name: PolnearCounts() for name in systems}, [], 0, [])
    claims_of = {aid: group.to_dict(orient="records") for aid, group in claims.groupby("article_id")}
    sentences_of = {aid: list(zip(group.start, group.end)) for aid, group in sentences_table.sort_values(["article_id", "sentence_id"]).groupby("article_id")}
    for article in corpus.iter_docs():
        aid = article.article_id
        raw = raw_of[aid].read_text(encoding="utf-8")
        text = article.text
        shift = raw.find(text) if text else -1  # the loader strips whitespace, and a first line it reads as a header
        if shift < 0:
            result.problems.append(f"{aid}: the loaded text is not in the file; skipped")
            continue
        annotation = parse_ann(annotation_of[aid].read_text(encoding="utf-8"))
        result.problems += [f"{annotation_of[aid].name} {p}" for p in annotation.problems]
        moved = move_annotation(annotation, shift, len(text))
        if len(moved.attributions) < len(annotation.attributions):
            result.problems.append(f"{aid}: {len(annotation.attributions) - len(moved.attributions)} gold attribution(s) outside the loaded text (a header line) left out")
        sentences = sentences_of.get(aid, [])
        starts, ends = [s for s, _ in sentences], [e for _, e in sentences]
        golds = gold_items(moved, article.doc, starts, ends)
        rows = claims_of.get(aid, [])
        # PolNeAR annotates the outermost attribution only, and no transcript turn ("A: ...") as one
        ours = claim_items(rows, starts, ends, nested=False, turns=False)
        result.counts["analystkit"].add(score(ours, golds, sentences, moved.ignored))
        result.counts[TURNS_SCORED].add(score(claim_items(rows, starts, ends, nested=False), golds, sentences, moved.ignored))
        result.articles += 1
        if errors:
            keyed = _rows_by_key(rows)
            result.cases += error_cases("analystkit", aid, article.doc, sentences, ours, golds, [_row_of(item, keyed) for item in ours])
            result.cases += false_passage_cases("analystkit", aid, article.doc, sentences, ours, covered_sentences(golds, sentences, moved.ignored))
            result.cases += hit_cases("analystkit", aid, article.doc, sentences, ours, golds)
        if peer:
            try:
                theirs, failed = textacy_items(article.doc, starts, ends), 0
            except Exception:  # noqa: BLE001 — textacy raises on an odd number of quotation marks
                theirs, failed = [], 1
            counts = score(theirs, golds, sentences, moved.ignored)
            counts.failed_articles = failed
            result.counts["textacy direct_quotations"].add(counts)
    return result


def move_annotation(annotation: Annotation, shift: int, length: int) -> Annotation:
    """The annotation in offsets of the loaded text (the file's text from ``shift``, ``length`` long);
    attributions with a span outside it are left out, ignored spans are clipped."""

    def move(spans: Spans) -> Spans:
        return [(s - shift, e - shift) for s, e in spans]

    def inside(spans: Spans) -> bool:
        return all(0 <= s and e <= length for s, e in spans)

    kept = [GoldAttribution(a.id, move(a.source), move(a.cue), move(a.content)) for a in annotation.attributions]
    ignored = [(max(0, s), min(length, e)) for s, e in move(annotation.ignored) if e > 0 and s < length]
    return Annotation([a for a in kept if inside(a.source + a.cue + a.content)], ignored, annotation.problems)


def format_table(counts: dict[str, PolnearCounts]) -> str:
    head = f"{'system':<27}{'src P':>7}{'P nn':>7}{'src R':>7}{'src F1':>8}{'+cnt P':>8}{'+cnt R':>8}{'+cnt F1':>8}{'ovl F1':>8}{'cue acc':>9}{'false attr':>11}{'pred':>6}{'gold':>6}{'failed':>8}"
    lines = [head, "-" * len(head)]
    for name, c in counts.items():
        m = c.metrics()
        lines.append(
            f"{name:<27}{m['source_p']:>7.3f}{m['source_p_nested_neutral']:>7.3f}{m['source_r']:>7.3f}{m['source_f1']:>8.3f}{m['content_p']:>8.3f}{m['content_r']:>8.3f}{m['content_f1']:>8.3f}"
            f"{m['overlap_f1']:>8.3f}{m['cue_acc']:>9.3f}{m['false_attr']:>11.3f}{c.n_pred:>6}{c.n_gold:>6}{c.failed_articles:>5}/{c.articles}"
        )
    lines.append("")
    for name, c in counts.items():
        lines.append(
            f"{name}: sourceless gold {c.gold_sourceless}, found {c.gold_sourceless_found} ({c.metrics()['sourceless_r']:.2f}); sourceless predictions {c.pred_sourceless}; "
            f"passages without attribution {c.unattributed_sentences}, given an attribution {c.false_attributions}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analystkit.evaluate.polnear", description=__doc__.split("\n")[0])
    parser.add_argument("corpus", help="a PolNeAR checkout (the folder holding data/)")
    parser.add_argument("--split", default="dev", help="train or dev (test is reserved and refused)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of the split")
    parser.add_argument("--skip", type=int, default=0, help="leave out the first N articles of the split (slices: --skip 300 --limit 300)")
    parser.add_argument("--no-peer", action="store_true", help="skip textacy")
    parser.add_argument("--errors", action="store_true", help="categorise the kit's misses and false attributions")
    parser.add_argument("--examples", type=int, default=3, help="examples per error category")
    parser.add_argument("--dump", type=Path, default=None, help="write every error case as JSON Lines (keep it outside the repository)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    try:
        check_split(args.split)
        result = evaluate(args.corpus, split=args.split, limit=args.limit, skip=args.skip, peer=not args.no_peer, errors=args.errors or args.dump is not None, jobs=args.jobs)
    except (ValueError, FileNotFoundError) as error:
        print(error, file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({name: {**c.metrics(), "pred": c.n_pred, "gold": c.n_gold, "articles": c.articles} for name, c in result.counts.items()}, indent=2))
    else:
        print(f"PolNeAR {args.split}: {result.articles} articles" + (f" (after the first {args.skip})" if args.skip else ""))
        print(format_table(result.counts))
        print("src = head rule (gold source head inside the predicted source, same sentence); P nn = precision with nested predictions")
        print("(inside a gold content, not annotated in PolNeAR) left out; +cnt = and content covers >= 50% of gold;")
        print("ovl = any overlap of source spans; cue acc among source matches; false attr = share of passages without gold attribution given a cue or content.")
        if result.problems:
            print(f"{len(result.problems)} problem(s): " + "; ".join(result.problems[:5]))
        if args.errors:
            print(format_errors(result.cases, examples=args.examples))
    if args.dump is not None:
        with open(args.dump, "w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(case.__dict__, ensure_ascii=False) + "\n" for case in result.cases)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


__all__ = [
    "FALSE_CATEGORIES", "MISS_CATEGORIES", "SPLITS", "Annotation", "Case", "GoldAttribution", "PolnearCounts", "Result", "annotation_files", "article_paths",
    "check_split", "error_cases", "evaluate", "format_errors", "format_table", "gold_items", "move_annotation", "parse_ann", "score", "source_head", "source_overlaps", "split_folder",
    "write_articles",
]
