"""Evaluate hedge detection: uncertain / certain sentences of the SFU Review Corpus.

    python -m analystkit.evaluate.hedging [--gold ../shared/eval/hedging-sfu-dev.jsonl] [--wordlist hedge_words.txt] [--cues [N]] [--json]
    python -m analystkit.evaluate.hedging --seed [--article seeds/000_9cc23866541e5586.txt]

A sentence counts as *uncertain* when at least one hedge cue is found in it; the
gold is the corpus's ``uncertain`` label (a sentence with a speculation cue).
Precision, recall and F1 are over uncertain sentences. The systems, one parse:

* ``kit (standard)`` — :func:`analystkit.extract.hedges.find_hedges` with the
  default ``standard`` profile (the one the tables use): every speculation cue of
  the BioScope / SFU / CoNLL-2010 annotation, each behind its context rule
  (deontic "should"/"must" are ``obligation``, not uncertainty, and not counted);
* ``kit (news)`` — the narrower news profile of earlier versions;
* ``kit (broad)`` — the broad profile: every "can", "feel", "guess", no root-sense rules;
* ``word list (NAME)`` — with ``--wordlist PATH``: the baseline of an external
  list of hedge words, one a line, ``#`` lines ignored (Islam, Xiao & Mercer 2020,
  ``hedge_words.txt`` of github.com/hedging-lrec/resources): a sentence is uncertain
  if any word of it (lower case) is in the list;
* ``naive lexicon (standard)`` — the kit's own cue list used the same naive way.

No rule was tuned to individual sentences of this set.

``--cues`` adds the cue level: for each gold cue text (lower case, by frequency),
how often each system finds it (a predicted cue overlaps the gold one), and for
each kit profile the cues that make certain sentences uncertain. The rule work
reads its misses from there.

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


def naive_spans(texts: Iterable[str], cues: Iterable[str]) -> list[list[tuple[int, int, str]]]:
    """The baseline's cues per sentence, ``(start, end, cue)``: one-word lexicon cues as
    words (lower case), multiword cues as strings, with no context."""
    single = set()
    multi = []
    for cue in cues:
        (single.add(cue) if " " not in cue else multi.append(cue))
    patterns = [(m, re.compile(rf"\b{re.escape(m)}\b")) for m in multi]
    out = []
    for text in texts:
        lower = text.lower()
        found = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(lower) if m.group() in single]
        found += [(m.start(), m.end(), cue) for cue, pattern in patterns for m in pattern.finditer(lower)]
        out.append(sorted(found))
    return out


def naive_uncertain(texts: Iterable[str], cues: Iterable[str]) -> list[bool]:
    """The baseline: any lexicon cue in the sentence, by words, with no context."""
    return [bool(found) for found in naive_spans(texts, cues)]


def lexicon_cues(profile: str) -> list[str]:
    from ..vocab.hedging import NOT_UNCERTAINTY, load_hedge_lexicon

    return [c.cue for c in load_hedge_lexicon() if c.in_profile(profile) and c.category not in NOT_UNCERTAINTY]


def read_wordlist(path: str | Path) -> list[str]:
    """An external hedge word list: one word or phrase a line, lower-cased; blank and ``#`` lines skipped."""
    words = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = " ".join(line.strip().lower().split())
        if line and not line.startswith("#"):
            words.append(line)
    return list(dict.fromkeys(words))


def kit_spans(docs: Sequence, *, profile: str) -> list[list[tuple[int, int, str]]]:
    """The kit's hedge cues per sentence, ``(start, end, lexicon entry)``."""
    from ..extract.hedges import find_hedges

    return [[(h.start, h.end, h.lemma) for h in find_hedges(doc, profile=profile)] for doc in docs]


def kit_uncertain(docs: Sequence, *, profile: str) -> list[bool]:
    return [bool(found) for found in kit_spans(docs, profile=profile)]


#: The kit's systems, in table order (the word list, when given, comes next).
SYSTEMS = ("kit (standard)", "kit (news)", "kit (broad)", "naive lexicon (standard)")
#: The kit systems whose misses and false positives the cue tables list.
KIT_SYSTEMS = ("kit (standard)", "kit (news)")


def wordlist_name(path: str | Path) -> str:
    return f"word list ({Path(path).name})"


def system_spans(records: Sequence[dict], *, nlp=None, wordlist: str | Path | None = None) -> dict[str, list[list[tuple[int, int, str]]]]:
    """Every system's cues per record (one parse of the texts); with ``wordlist``, the external list too."""
    if nlp is None:
        from ..nlp.model import load_model

        nlp = load_model()
    texts = [r["text"] for r in records]
    docs = list(nlp.pipe(texts, batch_size=64))
    out = {
        "kit (standard)": kit_spans(docs, profile="standard"),
        "kit (news)": kit_spans(docs, profile="news"),
        "kit (broad)": kit_spans(docs, profile="broad"),
    }
    if wordlist is not None:
        out[wordlist_name(wordlist)] = naive_spans(texts, read_wordlist(wordlist))
    out["naive lexicon (standard)"] = naive_spans(texts, lexicon_cues("standard"))
    return out


def evaluate(records: Sequence[dict], *, nlp=None, spans: dict[str, list] | None = None, wordlist: str | Path | None = None) -> dict[str, dict[str, float]]:
    """Scores of every system of :func:`system_spans` on ``records``.

    Each record needs ``text`` and ``uncertain``; ``spans`` are :func:`system_spans`, if at hand.
    """
    spans = spans if spans is not None else system_spans(records, nlp=nlp, wordlist=wordlist)
    gold = [bool(r["uncertain"]) for r in records]
    return {name: prf([bool(found) for found in found_spans], gold) for name, found_spans in spans.items()}


# ---------------------------------------------------------------- cue level
def gold_cues(record: dict) -> list[tuple[str, list[tuple[int, int]]]]:
    """A record's gold speculation cues: ``(lower-case cue text, spans)``; a cue in pieces ("either … or")
    has several spans (key ``spans``), a one-piece cue one (key ``span``)."""
    out = []
    for cue in record.get("cues", []):
        spans = [tuple(s) for s in cue["spans"]] if "spans" in cue else [tuple(cue["span"])]
        out.append((" ".join(cue["text"].lower().split()), spans))
    return out


def _overlaps(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> bool:
    return any(min(span[1], e) > max(span[0], s) for s, e in others)


def cue_recall(records: Sequence[dict], spans: Sequence[Sequence[tuple[int, int, str]]]) -> dict[str, tuple[int, int]]:
    """Per gold cue text: ``(occurrences, occurrences a predicted cue overlaps)``."""
    table: dict[str, list[int]] = {}
    for record, found in zip(records, spans):
        predicted = [(s, e) for s, e, _ in found]
        for text, pieces in gold_cues(record):
            row = table.setdefault(text, [0, 0])
            row[0] += 1
            row[1] += any(_overlaps(piece, predicted) for piece in pieces)
    return {text: (n, hit) for text, (n, hit) in table.items()}


def false_positives(records: Sequence[dict], spans: Sequence[Sequence[tuple[int, int, str]]]) -> dict[str, tuple[int, int]]:
    """Per predicted cue (lexicon entry): ``(sentences labelled certain it makes uncertain, predictions
    overlapping no gold cue)`` — the first is what costs sentence precision."""
    table: dict[str, list[int]] = {}
    for record, found in zip(records, spans):
        gold = [piece for _, pieces in gold_cues(record) for piece in pieces]
        for entry in sorted({cue for _, _, cue in found}):
            table.setdefault(entry, [0, 0])[0] += not record["uncertain"]
        for s, e, cue in found:
            table.setdefault(cue, [0, 0])[1] += not _overlaps((s, e), gold)
    return {cue: (a, b) for cue, (a, b) in table.items()}


def format_cue_tables(records: Sequence[dict], spans: dict[str, list], *, most: int = 40) -> str:
    """The gold cues by frequency with each system's recall, and each kit profile's false positives."""
    systems = list(spans)
    recalls = {name: cue_recall(records, spans[name]) for name in systems}
    gold = recalls[systems[0]]
    total = sum(n for n, _ in gold.values())
    lines = [f"Gold speculation cues: {total} occurrences of {len(gold)} cue texts; found = a predicted cue overlaps the gold cue", ""]
    lines.append(f"{'gold cue':<26}{'n':>5}" + "".join(f"{name[:21]:>22}" for name in systems))
    found_total = {name: sum(hit for _, hit in recalls[name].values()) for name in systems}
    lines.append(f"{'(all cues)':<26}{total:>5}" + "".join(f"{found_total[name]:>14} ({found_total[name] / total if total else 0:4.2f})" for name in systems))
    for text, (n, _) in sorted(gold.items(), key=lambda kv: (-kv[1][0], kv[0]))[:most]:
        lines.append(f"{text[:25]:<26}{n:>5}" + "".join(f"{recalls[name][text][1]:>14} ({recalls[name][text][1] / n:4.2f})" for name in systems))
    for name in KIT_SYSTEMS:
        missed = sorted(((n - hit, text) for text, (n, hit) in recalls[name].items() if n > hit), key=lambda m: (-m[0], m[1]))[:20]
        lines += ["", f"{name}: gold cues missed most (occurrences missed)", "  " + ", ".join(f"{text} {n}" for n, text in missed)]
    for name in KIT_SYSTEMS:
        table = false_positives(records, spans[name])
        top = sorted(table.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0]))[:15]
        lines += ["", f"{name}: cues that make certain sentences uncertain (sentences), and predictions off every gold cue (cues)"]
        lines.append("  " + ", ".join(f"{cue} {a}/{b}" for cue, (a, b) in top if a or b))
    return "\n".join(lines)


def format_table(scores: dict[str, dict[str, float]]) -> str:
    width = max(26, *(len(name) + 2 for name in scores))
    lines = [f"{'system':<{width}}{'precision':>10}{'recall':>8}{'F1':>8}{'tp':>6}{'pred':>6}{'gold':>6}"]
    for name, s in scores.items():
        lines.append(f"{name:<{width}}{s['precision']:>10.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}{s['tp']:>6}{s['predicted']:>6}{s['gold']:>6}")
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
    parser.add_argument("--cues", type=int, nargs="?", const=40, default=0, metavar="N", help="also the cue-level tables (the N most frequent gold cues)")
    parser.add_argument("--wordlist", type=Path, default=None, metavar="PATH", help="an external hedge word list to compare (e.g. Islam et al. 2020 hedge_words.txt)")
    args = parser.parse_args(argv)
    if args.seed:
        print(seed_report(args.article))
        return 0
    if not args.gold.exists():
        print(f"Gold file {args.gold} not found: run from the project root (it reads ../shared/eval/).", file=sys.stderr)
        return 2
    records = read_gold(args.gold)
    if args.wordlist is not None and not args.wordlist.is_file():
        print(f"Word list {args.wordlist} not found.", file=sys.stderr)
        return 2
    print(report(records, title=f"Hedged (uncertain) sentences, {args.gold}", cues=args.cues, as_json=args.json, wordlist=args.wordlist))
    return 0


def report(records: Sequence[dict], *, title: str, cues: int = 0, as_json: bool = False, nlp=None, wordlist: str | Path | None = None) -> str:
    """The scores of every system on ``records`` as a table (with the ``cues`` most frequent gold cues'
    table when ``cues`` > 0), or as JSON."""
    spans = system_spans(records, nlp=nlp, wordlist=wordlist)
    scores = evaluate(records, spans=spans)
    if as_json:
        return json.dumps(scores, indent=2)
    lines = [f"{title} ({len(records)} sentences, {sum(bool(r['uncertain']) for r in records)} uncertain)", format_table(scores)]
    if cues:
        lines += ["", format_cue_tables(records, spans, most=cues)]
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
