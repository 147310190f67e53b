"""Attribution (sourcing) against GUM gold, with textacy's ``direct_quotations`` as a peer.

Run from the project root::

    python -m analystkit.evaluate.sourcing

It loads the 12 Wikinews articles from ``../shared/corpus/wikinews`` with
``ak.load``, parses each once, and scores on the same spaCy docs:

* **analystkit**: the ``claims`` of :func:`analystkit.extract.claims.extract_claims`
  whose ``source_type`` is not ``author``; the claims that share a source span and
  cue (a quote continued over several sentences) count as one attribution;
* **textacy** ``textacy.extract.triples.direct_quotations(doc)`` (if installed);
  an article on which it raises counts as predicting nothing, and is counted.

Against the gold ``attributions`` of ``../shared/eval/gum-news-dev.jsonl``
(GUM corpus annotations, CC BY 4.0, on Wikinews text, CC BY 2.5):

* **source match**: the gold ``source_head`` word (found inside the gold source
  span) lies inside the predicted source span, and the predicted and gold
  attributions share a sentence;
* **source precision / recall / F1** over those matches;
* **content F1**: as above, and the predicted content covers ≥ 50 % of the gold
  content's characters;
* **cue accuracy**: among source-matched gold attributions, the predicted cue
  overlaps the gold cue;
* **false-attribution rate**: among gold sentences that hold no attribution at
  all (no gold source, cue or content in them), the share in which a predicted
  attribution puts a cue or content.
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Errors

GOLD = "../shared/eval/gum-news-dev.jsonl"
CORPUS = "../shared/corpus/wikinews"
CONTENT_OVERLAP = 0.5

Spans = list[tuple[int, int]]


@dataclass
class Item:
    """One attribution, gold or predicted, in article-text offsets."""

    source: Spans
    cue: Spans
    content: Spans
    head: tuple[int, int] | None = None  # gold only: the source's head word
    sentences: set[int] = field(default_factory=set)


@dataclass
class Counts:
    n_pred: int = 0
    n_gold: int = 0
    pred_source_ok: int = 0
    gold_source_ok: int = 0
    pred_content_ok: int = 0
    gold_content_ok: int = 0
    cue_ok: int = 0
    unattributed_sentences: int = 0
    false_attributions: int = 0
    articles: int = 0
    failed_articles: int = 0

    def add(self, other: "Counts") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def metrics(self) -> dict[str, float]:
        def f1(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

        sp = self.pred_source_ok / self.n_pred if self.n_pred else 0.0
        sr = self.gold_source_ok / self.n_gold if self.n_gold else 0.0
        cp = self.pred_content_ok / self.n_pred if self.n_pred else 0.0
        cr = self.gold_content_ok / self.n_gold if self.n_gold else 0.0
        return {
            "source_p": sp, "source_r": sr, "source_f1": f1(sp, sr),
            "content_p": cp, "content_r": cr, "content_f1": f1(cp, cr),
            "cue_acc": self.cue_ok / self.gold_source_ok if self.gold_source_ok else 0.0,
            "false_attr": self.false_attributions / self.unattributed_sentences if self.unattributed_sentences else 0.0,
        }


# ---------------------------------------------------------------- matching
def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _sentences_of(spans: Iterable[tuple[int, int]], starts: Sequence[int], ends: Sequence[int]) -> set[int]:
    found: set[int] = set()
    for start, end in spans:
        if end <= start:
            continue
        first = max(0, bisect.bisect_right(starts, start) - 1)
        for i in range(first, len(starts)):
            if starts[i] >= end:
                break
            if ends[i] > start:
                found.add(i)
    return found


def source_matches(pred: Item, gold: Item) -> bool:
    """The gold head word lies inside a predicted source span, and they share a sentence."""
    if gold.head is None or not (pred.sentences & gold.sentences):
        return False
    return any(s <= gold.head[0] and gold.head[1] <= e for s, e in pred.source)


def content_matches(pred: Item, gold: Item) -> bool:
    """The predicted content covers at least half of the gold content's characters."""
    total = sum(e - s for s, e in gold.content)
    if not total:
        return False
    covered = sum(_overlap(p, g) for g in gold.content for p in pred.content)
    return covered / total >= CONTENT_OVERLAP


def cue_matches(pred: Item, gold: Item) -> bool:
    return any(_overlap(p, g) > 0 for p in pred.cue for g in gold.cue)


def score_article(preds: list[Item], golds: list[Item], sentences: Sequence[tuple[int, int]]) -> Counts:
    """Counts for one article; ``sentences`` are gold ``(start, end)`` in the same offsets."""
    counts = Counts(n_pred=len(preds), n_gold=len(golds), articles=1)
    for pred in preds:
        matched = [g for g in golds if source_matches(pred, g)]
        counts.pred_source_ok += bool(matched)
        counts.pred_content_ok += any(content_matches(pred, g) for g in matched)
    for gold in golds:
        matched = [p for p in preds if source_matches(p, gold)]
        counts.gold_source_ok += bool(matched)
        counts.gold_content_ok += any(content_matches(p, gold) for p in matched)
        counts.cue_ok += any(cue_matches(p, gold) for p in matched)
    covered: set[int] = set()
    for gold in golds:
        covered |= gold.sentences
    counts.unattributed_sentences, counts.false_attributions = false_attributions(preds, covered, sentences)
    return counts


def false_attributions(preds: Iterable[Item], covered: set[int], sentences: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """The sentences not in ``covered`` (no gold attribution), and how many of them a prediction puts a cue or content in."""
    spans = [span for p in preds for span in (*p.cue, *p.content)]
    clean = flagged = 0
    for i, (start, end) in enumerate(sentences):
        if i in covered:
            continue
        clean += 1
        flagged += any(_overlap((start, end), span) > 0 for span in spans)
    return clean, flagged


# ---------------------------------------------------------------- gold and predictions
def load_gold(path: str | Path = GOLD) -> dict[str, dict]:
    """Gold records keyed by corpus file name."""
    with open(path, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return {record["file"]: record for record in records}


def _head_span(text: str, source_spans: Spans, head: str) -> tuple[int, int] | None:
    for start, end in source_spans:
        match = re.search(rf"(?<!\w){re.escape(head)}(?!\w)", text[start:end])
        if match:
            return start + match.start(), start + match.end()
    return None


def gold_items(record: dict, shift: int, starts: Sequence[int], ends: Sequence[int]) -> list[Item]:
    """Gold attributions of one record, moved to the loader's text (body minus ``shift``)."""
    body = record["body"]
    items = []
    for att in record.get("attributions", []):
        move = lambda spans: [(s - shift, e - shift) for s, e in spans]  # noqa: E731
        head = _head_span(body, att.get("source_spans", []), att.get("source_head", ""))
        item = Item(move(att.get("source_spans", [])), move(att.get("cue_spans", [])), move(att.get("content_spans", [])), (head[0] - shift, head[1] - shift) if head else None)
        item.sentences = _sentences_of(item.source + item.cue + item.content, starts, ends)
        items.append(item)
    return items


def claim_items(rows: list[dict], starts: Sequence[int], ends: Sequence[int], *, nested: bool = True, turns: bool = True) -> list[Item]:
    """Attributed claims grouped by (source span, cue span): one item per attribution.

    Left out: the author's voice (an ``author`` row without a cue); with ``nested=False``,
    nested attributions (``nested``: inside another attribution's content or someone else's
    quote) for a gold standard that annotates only the outermost attribution (PolNeAR; GUM
    annotates nested ones: "I suspect" inside a quote); with ``turns=False``, the turns of a
    transcript ("A: It's a big mistake."), for a gold standard that does not annotate a speaker
    label as a cue (PolNeAR annotates the attributions inside an interview's answers, not the
    answers themselves)."""
    from ..extract.claims import NOTE_TURN

    groups: dict[tuple[int, int, int, int], Item] = {}
    for row in rows:
        if row["source_type"] == "author" and row.get("cue_start", -1) < 0:
            continue
        if not nested and bool(row.get("nested", False) == True):  # noqa: E712 (numpy and pandas booleans)
            continue
        if not turns and row.get("note") == NOTE_TURN:
            continue
        key = (row["source_start"], row["source_end"], row["cue_start"], row["cue_end"])
        item = groups.setdefault(key, Item([], [], []))
        if row["source_start"] >= 0 and (row["source_start"], row["source_end"]) not in item.source:
            item.source.append((row["source_start"], row["source_end"]))
        if row["cue_start"] >= 0 and (row["cue_start"], row["cue_end"]) not in item.cue:
            item.cue.append((row["cue_start"], row["cue_end"]))
        item.content.append((row["start"], row["end"]))
    for item in groups.values():
        item.sentences = _sentences_of(item.source + item.cue + item.content, starts, ends)
    return list(groups.values())


def textacy_items(doc, starts: Sequence[int], ends: Sequence[int]) -> list[Item]:
    """textacy's direct quotations as items (raises what textacy raises)."""
    from textacy.extract.triples import direct_quotations

    items = []
    for triple in direct_quotations(doc):
        speaker = [(t.idx, t.idx + len(t.text)) for t in triple.speaker]
        cue = [(t.idx, t.idx + len(t.text)) for t in triple.cue]
        source = [(min(s for s, _ in speaker), max(e for _, e in speaker))] if speaker else []
        item = Item(source, cue, [(triple.content.start_char, triple.content.end_char)])
        item.sentences = _sentences_of(item.source + item.cue + item.content, starts, ends)
        items.append(item)
    return items


# ---------------------------------------------------------------- the run
def error_lines(text: str, preds: Sequence[Item], golds: Sequence[Item], sentences: Sequence[tuple[int, int]]) -> list[str]:
    """The kit's errors in one article, one line each: ``false`` (a prediction's cue or content in a
    sentence without gold attribution), ``wrong`` (a sourced prediction that matches no gold source)
    and ``miss`` (a gold attribution whose source head no prediction holds)."""

    def show(spans: Spans) -> str:
        return " … ".join(text[s:e] for s, e in spans)[:60]

    def sentence(item: Item) -> str:
        ids = sorted(item.sentences)
        return " ".join(text[sentences[ids[0]][0] : sentences[ids[0]][1]].split())[:150] if ids else ""

    covered: set[int] = set()
    for gold in golds:
        covered |= gold.sentences
    lines = []
    for pred in preds:
        flagged = [i for i in range(len(sentences)) if i not in covered and any(_overlap(sentences[i], span) > 0 for span in (*pred.cue, *pred.content))]
        if flagged:
            lines.append(f"false  source {show(pred.source)!r} cue {show(pred.cue)!r}: {' '.join(text[sentences[flagged[0]][0]:sentences[flagged[0]][1]].split())[:150]!r}")
        elif pred.source and not any(source_matches(pred, g) for g in golds):
            lines.append(f"wrong  source {show(pred.source)!r} cue {show(pred.cue)!r}: {sentence(pred)!r}")
    for gold in golds:
        if not any(source_matches(p, gold) for p in preds):
            lines.append(f"miss   source {show(gold.source)!r} cue {show(gold.cue)!r}: {sentence(gold)!r}")
    return lines


def evaluate(*, gold_path: str | Path = GOLD, corpus_path: str | Path = CORPUS, peer: bool = True, errors: list[str] | None = None) -> dict[str, Counts]:
    """Score analystkit (and textacy, if ``peer`` and installed) on the gold articles; with an ``errors``
    list, append the kit's errors to it (:func:`error_lines`, each prefixed with the article id)."""
    import analystkit as ak
    from analystkit.extract import extract_article

    gold = load_gold(gold_path)
    corpus = ak.load(str(corpus_path))
    files = {Path(p).name: aid for p, aid in zip(corpus.load_report.path, corpus.load_report.article_id) if isinstance(aid, str)}
    wanted = {aid: name for name, aid in files.items() if name in gold}
    corpus = corpus.subset(list(wanted))
    try:
        import textacy  # noqa: F401
    except ImportError:
        peer = False
    results = {"analystkit": Counts()}
    if peer:
        results["textacy direct_quotations"] = Counts()
    for article in corpus.iter_docs():
        record = gold[wanted[article.article_id]]
        body, text = record["body"], article.text
        shift = len(body) - len(body.lstrip())
        if body[shift : shift + len(text)] != text:
            raise ValueError(Errors.AK035.format(what=article.article_id))
        sentences = [(s["start"] - shift, s["end"] - shift) for s in record["sentences"]]
        starts, ends = [s for s, _ in sentences], [e for _, e in sentences]
        golds = gold_items(record, shift, starts, ends)
        ours = claim_items(extract_article(article, tables=["claims"])["claims"], starts, ends)
        results["analystkit"].add(score_article(ours, golds, sentences))
        if errors is not None:
            errors.extend(f"{article.article_id}  {line}" for line in error_lines(text, ours, golds, sentences))
        if peer:
            try:
                theirs = textacy_items(article.doc, starts, ends)
                failed = 0
            except Exception:  # textacy raises on an odd number of quotation marks
                theirs, failed = [], 1
            counts = score_article(theirs, golds, sentences)
            counts.failed_articles = failed
            results["textacy direct_quotations"].add(counts)
    return results


def format_table(results: dict[str, Counts]) -> str:
    head = f"{'system':<28}{'src P':>7}{'src R':>7}{'src F1':>8}{'cnt F1':>8}{'cue acc':>9}{'false attr':>12}{'pred':>6}{'gold':>6}{'failed':>8}"
    lines = [head, "-" * len(head)]
    for name, counts in results.items():
        m = counts.metrics()
        lines.append(
            f"{name:<28}{m['source_p']:>7.2f}{m['source_r']:>7.2f}{m['source_f1']:>8.2f}{m['content_f1']:>8.2f}{m['cue_acc']:>9.2f}"
            f"{m['false_attr']:>12.2f}{counts.n_pred:>6}{counts.n_gold:>6}{counts.failed_articles:>5}/{counts.articles}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", default=GOLD)
    parser.add_argument("--corpus", default=CORPUS)
    parser.add_argument("--no-peer", action="store_true", help="skip textacy")
    parser.add_argument("--errors", action="store_true", help="list the kit's false attributions, unmatched sources and misses")
    args = parser.parse_args(argv)
    errors: list[str] | None = [] if args.errors else None
    results = evaluate(gold_path=args.gold, corpus_path=args.corpus, peer=not args.no_peer, errors=errors)
    print(f"Attribution against {args.gold} ({results['analystkit'].articles} articles)")
    print(format_table(results))
    print("src = source match (gold head word inside predicted source, same sentence); cnt = content covers >= 50% of gold;")
    print("cue acc = cue overlaps gold cue among source matches; false attr = share of gold-unattributed sentences given an attribution;")
    print("failed = articles on which the system raised (counted as predicting nothing).")
    if errors is not None:
        print(f"\nanalystkit errors ({len(errors)}): false = cue or content in a sentence without gold attribution; wrong = source matches no gold; miss = gold source not found")
        print("\n".join(sorted(errors, key=lambda line: line.split()[1])))


if __name__ == "__main__":
    main()
