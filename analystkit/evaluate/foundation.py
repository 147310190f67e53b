"""Evaluate sentences, named entities and actor clustering against GUM news gold.

    python -m analystkit.evaluate.foundation [--gold ../shared/eval/gum-news-dev.jsonl]
                                             [--corpus ../shared/corpus/wikinews] [--json]

Measures, over the 12 Wikinews articles of the dev gold:

* **sentences** — boundary precision / recall / F1 (a boundary is the start offset
  of every sentence but the first) and exact-span F1 (start and end both right),
  for the kit and for spaCy's own parser-based sentences (whitespace trimmed);
* **named entities** — recall of gold mentions that are proper names of type
  person / place / organization (a gold mention is found when a predicted actor
  entity overlaps it and one span contains the other), label agreement among the
  found ones, and the same for the bare model;
* **actor clustering** — B-cubed precision / recall / F1 of the predicted actor
  (``corpus.entities.actor``, after the corpus-level join of short forms)
  of each named gold mention with a Wikipedia identity against that identity.
  A gold mention takes the actor of the kit's entity that contains its syntactic
  head (the *head rule* of :func:`match_mentions`); a mention with no such entity
  counts with its own text as its actor, which is also the baseline ("each
  mention's own text"). The figure under the looser *nesting rule* of the
  recall (any name inside the mention — "Tunisia" for "Tunisia's goalkeeper") is
  printed too: it charges the kit for names that are not the mention at all.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from ..errors import Errors

DEFAULT_GOLD = Path("../shared/eval/gum-news-dev.jsonl")
DEFAULT_CORPUS = Path("../shared/corpus/wikinews")
NAMED_TYPES = ("person", "place", "organization")
LABELS_FOR_TYPE = {
    "person": {"PERSON", "NORP"},
    "place": {"GPE", "LOC", "FAC"},
    "organization": {"ORG", "NORP"},
}
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def read_gold(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def trimmed_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out


def sentence_scores(pred: dict[str, list[tuple[int, int]]], gold: dict[str, list[tuple[int, int]]]) -> dict[str, dict]:
    b_tp = b_pred = b_gold = s_tp = s_pred = s_gold = 0
    for doc, gold_spans in gold.items():
        pred_spans = pred.get(doc, [])
        gb = {s for s, _ in gold_spans[1:]}
        pb = {s for s, _ in pred_spans[1:]}
        b_tp += len(gb & pb)
        b_pred += len(pb)
        b_gold += len(gb)
        s_tp += len(set(gold_spans) & set(pred_spans))
        s_pred += len(pred_spans)
        s_gold += len(gold_spans)
    return {"boundaries": prf(b_tp, b_pred, b_gold), "exact_spans": prf(s_tp, s_pred, s_gold)}


def mention_heads(doc, mentions: list[dict]) -> list[tuple[int, int] | None]:
    """Character span of each gold mention's syntactic head in ``doc`` (None if unalignable).

    The head is the root of the mention's tokens in the parse: "Google" in
    "Google's", "Irving" in "Irving, Texas", "goalkeeper" in "Tunisia's goalkeeper".
    """
    heads: list[tuple[int, int] | None] = []
    for m in mentions:
        span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
        if span is None or not len(span):
            heads.append(None)
            continue
        root = _head_token(span)
        heads.append((root.idx, root.idx + len(root.text)))
    return heads


def _head_token(span):
    """The head of a phrase: of the tokens attached outside it, the last that is not a possessor.

    English noun phrases are head-final, and a possessor ("Labour's" in "Labour's
    Shadow Home Secretary") often hangs on a word outside the mention, as the head
    does, when the parse attaches both to a following name.
    """
    outside = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    content = [t for t in outside if t.dep_ not in ("poss", "case", "det", "punct", "cc", "prep")]
    return (content or outside or [span.root])[-1] if len(outside) > 1 else span.root


def with_heads(doc, predicted: list[dict]) -> list[dict]:
    """The predicted entities with the character span of their own head (``"head"``)."""
    out = []
    for p in predicted:
        span = doc.char_span(p["start"], p["end"], alignment_mode="expand")
        root = span.root if span is not None and len(span) else None
        out.append({**p, "head": (root.idx, root.idx + len(root.text)) if root is not None else (p["start"], p["end"])})
    return out


def match_mentions(
    gold_mentions: list[dict], predicted: list[dict], heads: list[tuple[int, int] | None] | None = None
) -> list[dict | None]:
    """For each gold mention, the predicted entity that best matches it (or None).

    Two rules. Without ``heads`` (the *nesting* rule, used for entity recall): one
    span contains the other — a name inside a longer description counts as finding
    it. With ``heads`` (:func:`mention_heads`; the *head* rule, used for actor
    clustering): the prediction must contain the gold mention's syntactic head, the
    usual criterion when mention boundaries differ. "Texas" is then not a mention of
    "Irving, Texas", nor "Tunisia" of "Tunisia's goalkeeper": it is a name nested in
    the mention and refers to something else, so the kit's actor for it says nothing
    about the mention's identity.
    """
    matches: list[dict | None] = []
    for i, g in enumerate(gold_mentions):
        head = heads[i] if heads is not None else None
        best, best_score = None, float("-inf")
        for p in predicted:
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap <= 0:
                continue
            if heads is not None:
                # Head rule: the prediction holds the mention's head; the closest span wins
                # (the nested "Texas" rather than "University of Texas" for "Texas").
                if head is None or not (p["start"] <= head[0] and head[1] <= p["end"]):
                    continue
                # ... and the prediction's own head lies in the mention: "Mexico City" is
                # not a mention of "Mexico", though it holds the word.
                if "head" in p and not (g["start"] <= p["head"][0] and p["head"][1] <= g["end"]):
                    continue
                union = max(g["end"], p["end"]) - min(g["start"], p["start"])
                score = overlap / union
            else:
                # Nesting rule: the prediction lies inside the gold mention ("Donald Trump"
                # in "President Donald Trump"), or the gold mention covers most of the
                # prediction ("Afghanistan" in "Afghanistan's"); a gold name nested in a
                # longer predicted name ("Texas" in "University of Texas") is not found.
                inside = p["start"] >= g["start"] and p["end"] <= g["end"]
                covers = g["start"] >= p["start"] and g["end"] <= p["end"] and (
                    (g["end"] - g["start"]) >= 0.75 * (p["end"] - p["start"])
                    # or the prediction's head is in the mention: "Yvette Cooper" in
                    # "Shadow Home Secretary Yvette Cooper" (not "Texas" in "University of Texas")
                    or "head" in p and g["start"] <= p["head"][0] and p["head"][1] <= g["end"]
                )
                if not (inside or covers):
                    continue
                # Prefer the prediction that ends where the gold mention ends (its head).
                score = overlap + (10_000 if p["end"] == g["end"] else 0)
            if score > best_score:
                best, best_score = p, score
        matches.append(best)
    return matches


def bcubed(gold_labels: list[str], pred_labels: list[str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 of a clustering (Bagga & Baldwin 1998)."""
    by_gold: dict[str, set[int]] = defaultdict(set)
    by_pred: dict[str, set[int]] = defaultdict(set)
    for i, (g, p) in enumerate(zip(gold_labels, pred_labels)):
        by_gold[g].add(i)
        by_pred[p].add(i)
    n = len(gold_labels)
    if n == 0:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    precision = sum(len(by_pred[p] & by_gold[g]) / len(by_pred[p]) for g, p in zip(gold_labels, pred_labels)) / n
    recall = sum(len(by_pred[p] & by_gold[g]) / len(by_gold[g]) for g, p in zip(gold_labels, pred_labels)) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _entities_of(doc) -> list[dict]:
    """Actor entities of a Doc, with the kit's nested place names when it has them."""
    nested = list(doc.spans["analystkit_nested"]) if "analystkit_nested" in doc.spans else []
    return [
        {"start": e.start_char, "end": e.end_char, "label": e.label_, "actor": e.kb_id_ or e.text}
        for e in [*doc.ents, *nested]
        if e.label_ in ACTOR_LABELS
    ]


def evaluate(gold_path: Path = DEFAULT_GOLD, corpus_path: Path = DEFAULT_CORPUS) -> dict:
    import analystkit as ak
    from analystkit.nlp.linking import clean_mention

    gold = read_gold(gold_path)
    corpus = ak.load(corpus_path, warn_problems=False)
    by_file = {Path(p).name: a for p, a in zip(corpus.load_report.path, corpus.load_report.article_id) if a}
    bare = ak.load_model(components=False)

    # The kit's figures come from the corpus tables an analyst gets (sentences, entities
    # with nested names and actors joined across articles); the baseline from the bare model.
    sentences = corpus.sentences
    entities = corpus.entities
    pred_sents, base_sents, gold_sents = {}, {}, {}
    gold_named, pred_labels, nest_labels, base_labels, found, base_found = [], [], [], [], [], []
    agree = base_agree = 0
    for record in gold:
        article_id = by_file[record["file"]]
        text = corpus.text(article_id)
        if text != record["body"].strip():
            raise SystemExit(Errors.AK035.format(what=record["file"]))
        rows = sentences[sentences.article_id == article_id]
        pred_sents[article_id] = list(zip(rows.start.astype(int), rows.end.astype(int)))
        bare_doc = bare(text)
        base_sents[article_id] = trimmed_spans(text, [(s.start_char, s.end_char) for s in bare_doc.sents])
        gold_sents[article_id] = trimmed_spans(text, [(s["start"], s["end"]) for s in record["sentences"]])

        mentions = [m for m in record["entities"] if m["proper"] and m["type"] in NAMED_TYPES]
        mine = entities[(entities.article_id == article_id) & entities.label.isin(ACTOR_LABELS)]
        predicted = [{"start": int(r.start), "end": int(r.end), "label": r.label, "actor": r.actor or r.text} for r in mine.itertuples()]
        baseline = _entities_of(bare_doc)
        predicted, baseline = with_heads(bare_doc, predicted), with_heads(bare_doc, baseline)
        by_head = match_mentions(mentions, predicted, mention_heads(bare_doc, mentions))
        for g, p, b, h in zip(mentions, match_mentions(mentions, predicted), match_mentions(mentions, baseline), by_head):
            found.append(p is not None)
            base_found.append(b is not None)
            agree += p is not None and p["label"] in LABELS_FOR_TYPE[g["type"]]
            base_agree += b is not None and b["label"] in LABELS_FOR_TYPE[g["type"]]
            if g["identity"]:
                gold_named.append(g["identity"])
                own = clean_mention(g["text"])
                pred_labels.append(h["actor"] if h is not None else own)
                nest_labels.append(p["actor"] if p is not None else own)
                base_labels.append(own)

    n_found, n_base = sum(found), sum(base_found)
    return {
        "articles": len(gold),
        "sentences": {"kit": sentence_scores(pred_sents, gold_sents), "spacy": sentence_scores(base_sents, gold_sents), "gold": sum(len(v) for v in gold_sents.values())},
        "entities": {
            "gold_mentions": len(found),
            "kit": {"recall": round(n_found / len(found), 4), "label_agreement": round(agree / max(1, n_found), 4)},
            "spacy": {"recall": round(n_base / len(found), 4), "label_agreement": round(base_agree / max(1, n_base), 4)},
        },
        "actors": {
            "mentions": len(gold_named),
            "kit": bcubed(gold_named, pred_labels),
            "kit_nesting_rule": bcubed(gold_named, nest_labels),
            "own_text": bcubed(gold_named, base_labels),
        },
    }


def format_report(result: dict) -> str:
    s, e, a = result["sentences"], result["entities"], result["actors"]
    lines = [
        f"GUM news dev: {result['articles']} articles",
        "",
        f"Sentences ({s['gold']} gold)            precision  recall     F1",
    ]
    for who in ("kit", "spacy"):
        for kind in ("boundaries", "exact_spans"):
            m = s[who][kind]
            lines.append(f"  {who:6} {kind:12}            {m['precision']:.3f}   {m['recall']:.3f}  {m['f1']:.3f}")
    lines += [
        "",
        f"Named entities ({e['gold_mentions']} gold person/place/organization names)",
        f"  kit    recall {e['kit']['recall']:.3f}   label agreement {e['kit']['label_agreement']:.3f}",
        f"  spacy  recall {e['spacy']['recall']:.3f}   label agreement {e['spacy']['label_agreement']:.3f}",
        "",
        f"Actor clustering, B-cubed ({a['mentions']} named mentions with an identity)",
        f"  kit       P {a['kit']['precision']:.3f}  R {a['kit']['recall']:.3f}  F1 {a['kit']['f1']:.3f}   (head rule)",
        f"  kit       P {a['kit_nesting_rule']['precision']:.3f}  R {a['kit_nesting_rule']['recall']:.3f}  F1 {a['kit_nesting_rule']['f1']:.3f}   (nesting rule)",
        f"  own text  P {a['own_text']['precision']:.3f}  R {a['own_text']['recall']:.3f}  F1 {a['own_text']['f1']:.3f}",
    ]
    return "\n".join(lines)


def gold_cli(prog: str, doc: str, evaluate_fn, format_fn, argv: list[str] | None = None) -> int:
    """The command line shared by the GUM evaluations: --gold, --corpus, --json."""
    parser = argparse.ArgumentParser(prog=prog, description=doc.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if not args.gold.exists():
        print(f"Gold file {args.gold} not found: run from the project root, next to ../shared/.", file=sys.stderr)
        return 2
    result = evaluate_fn(args.gold, args.corpus)
    print(json.dumps(result, indent=2) if args.json else format_fn(result))
    return 0


def main(argv: list[str] | None = None) -> int:
    return gold_cli("python -m analystkit.evaluate.foundation", __doc__, evaluate, format_report, argv)


if __name__ == "__main__":
    sys.exit(main())
