"""Evaluate hedge detection: uncertain / certain sentences of the SFU Review Corpus.

    python -m analystkit.evaluate.hedging [--gold ../shared/eval/hedging-sfu-dev.jsonl] [--json]
    python -m analystkit.evaluate.hedging --seed [--article seeds/000_9cc23866541e5586.txt]

A sentence counts as *uncertain* when at least one hedge cue is found in it; the
gold is the corpus's ``uncertain`` label (a sentence with a speculation cue).
Precision, recall and F1 are over uncertain sentences. Four systems, one run:

* ``kit (news)`` — :func:`analystkit.extract.hedges.find_hedges`, the default
  news profile, with every context rule;
* ``kit (broad)`` — the broad profile, adding the review-genre speculation cues
  the SFU annotators count ("would", "should", "must", "or", every "can") that
  are not hedges in news;
* ``naive lexicon (news)`` / ``naive lexicon (broad)`` — the baseline: a sentence
  is uncertain if any word of it (lower case) is a one-word lexicon cue or any
  multiword cue occurs in it as a string, with no parsing and no context rules.

The SFU sentences are product reviews, not news, and its cues are broader than
news hedging, so the news profile is expected to miss the "would"/"or"/"can"
sentences: the broad profile shows what the machinery does on the corpus's own
definition. No rule was tuned to individual sentences of this set.

``--seed`` prints every hedged claim of an article (default: the seed article)
with its cues and certainty, and the hedged sentences when there is no claims
table.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import Errors

DEFAULT_GOLD = Path("../shared/eval/hedging-sfu-dev.jsonl")
DEFAULT_SEED = Path("seeds/000_9cc23866541e5586.txt")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def prf(predicted: Sequence[bool], gold: Sequence[bool]) -> dict[str, float]:
    """Precision, recall and F1 of the positive class, with the counts."""
    if len(predicted) != len(gold):
        raise ValueError(Errors.AK036.format(predicted=len(predicted), gold=len(gold)))
    tp = sum(1 for p, g in zip(predicted, gold) if p and g)
    n_pred = sum(1 for p in predicted if p)
    n_gold = sum(1 for g in gold if g)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "tp": tp, "predicted": n_pred, "gold": n_gold}


def read_gold(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def naive_uncertain(texts: Iterable[str], cues: Iterable[str]) -> list[bool]:
    """The baseline: any lexicon cue in the sentence, by words, with no context."""
    single = set()
    multi = []
    for cue in cues:
        (single.add(cue) if " " not in cue else multi.append(cue))
    out = []
    for text in texts:
        lower = text.lower()
        words = set(_WORD.findall(lower))
        out.append(bool(words & single) or any(re.search(rf"\b{re.escape(m)}\b", lower) for m in multi))
    return out


def lexicon_cues(profile: str) -> list[str]:
    from ..vocab.hedging import load_hedge_lexicon

    return [c.cue for c in load_hedge_lexicon() if c.profile == "news" or profile == "broad"]


def kit_uncertain(docs: Sequence, *, profile: str) -> list[bool]:
    from ..extract.hedges import find_hedges

    return [bool(find_hedges(doc, profile=profile)) for doc in docs]


def evaluate(records: Sequence[dict], *, nlp=None) -> dict[str, dict[str, float]]:
    """Scores of the kit (news, broad) and the naive lexicon (news, broad) on ``records``.

    Each record needs ``text`` and ``uncertain``.
    """
    if nlp is None:
        from ..nlp.model import load_model

        nlp = load_model()
    texts = [r["text"] for r in records]
    gold = [bool(r["uncertain"]) for r in records]
    docs = list(nlp.pipe(texts, batch_size=64))
    return {
        "kit (news)": prf(kit_uncertain(docs, profile="news"), gold),
        "kit (broad)": prf(kit_uncertain(docs, profile="broad"), gold),
        "naive lexicon (news)": prf(naive_uncertain(texts, lexicon_cues("news")), gold),
        "naive lexicon (broad)": prf(naive_uncertain(texts, lexicon_cues("broad")), gold),
    }


def format_table(scores: dict[str, dict[str, float]]) -> str:
    lines = [f"{'system':<24}{'precision':>10}{'recall':>8}{'F1':>8}{'tp':>6}{'pred':>6}{'gold':>6}"]
    for name, s in scores.items():
        lines.append(f"{name:<24}{s['precision']:>10.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}{s['tp']:>6}{s['predicted']:>6}{s['gold']:>6}")
    return "\n".join(lines)


def seed_report(path: str | Path) -> str:
    """Every hedged claim of one article (or hedged sentence, without claims), with cues and certainty."""
    import pandas as pd

    from ..extract import extract_article
    from ..extract.hedges import certainty
    from ..finalise.certainty import claim_certainty
    from ..nlp.doc import ArticleDoc
    from ..nlp.model import load_model

    path = Path(path)
    text = path.read_text(encoding="utf-8")
    nlp = load_model()
    article = ArticleDoc.build(path.stem, nlp(text), {"has_headline": True})
    rows = extract_article(article)
    hedges = rows["hedges"]
    out = [f"{path.name}: {len(hedges)} hedge cues"]
    claims = claim_certainty(pd.DataFrame(rows["claims"]), pd.DataFrame(hedges)).to_dict(orient="records") if rows["claims"] else []
    if claims:
        for claim in claims:
            if not claim.get("hedged"):
                continue
            cues = [h for h in hedges if h["claim_id"] == claim["claim_id"]]
            cue_text = ", ".join(f"{h['text']!r} ({h['category']}, {h['probability']:.2f})" for h in cues)
            source = claim.get("source_text") or claim.get("source_type", "")
            out.append(f"claim {claim['claim_id']} [certainty {claim['certainty']:.2f}] source: {source or '-'}\n    {claim['text']!r}\n    cues: {cue_text}")
        n_claims = len(claims)
        n_hedged = sum(1 for c in claims if c.get("hedged"))
        out.append(f"{n_hedged} of {n_claims} claims hedged")
    else:
        for sentence in article.sentences:
            cues = [h for h in hedges if h["sentence_id"] == sentence.sentence_id]
            if cues:
                cue_text = ", ".join(f"{h['text']!r} ({h['category']}, {h['probability']:.2f})" for h in cues)
                value = certainty(h["probability"] for h in cues)
                out.append(f"sentence {sentence.sentence_id} [certainty {value:.2f}]\n    {text[sentence.start:sentence.end]!r}\n    cues: {cue_text}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analystkit.evaluate.hedging", description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="SFU hedging dev set (JSON Lines)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--seed", action="store_true", help="list the hedged claims of an article instead")
    parser.add_argument("--article", type=Path, default=DEFAULT_SEED, help="the article for --seed")
    args = parser.parse_args(argv)
    if args.seed:
        print(seed_report(args.article))
        return 0
    if not args.gold.exists():
        print(f"Gold file {args.gold} not found: run from the project root (it reads ../shared/eval/).", file=sys.stderr)
        return 2
    records = read_gold(args.gold)
    scores = evaluate(records)
    if args.json:
        print(json.dumps(scores, indent=2))
    else:
        print(f"Hedged (uncertain) sentences, {args.gold} ({len(records)} sentences, {sum(r['uncertain'] for r in records)} uncertain)")
        print(format_table(scores))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
