"""Evaluate the integrity flags: false alarms on clean text, and the seed's known findings.

    python -m analystkit.evaluate.integrity [--wikinews ../shared/corpus/wikinews]
        [--usgov ../shared/corpus/usgov] [--seed data/articles/000_9cc23866541e5586.txt] [--json]
    python -m analystkit.evaluate.integrity --corpus ../shared/corpus/whitehouse-2022 ../shared/corpus/wikinews
        [--polnear /path/to/PolNeAR] [--limit N] [--samples K] [--jobs N] [--no-seed]

``--corpus`` replaces the two default corpora by any folders (each one corpus, named
by its folder); ``--polnear`` adds the whole articles of PolNeAR's train and dev
splits, copied to a temporary folder outside the project for the run (see
:mod:`analystkit.evaluate.polnear`; its test split is never read). ``--limit``
takes the first N articles (by id) of each corpus, for a quick look; ``--samples``
prints K flagged sentences per kind and corpus (a fixed random sample). Set
``ANALYSTKIT_CACHE`` to a folder of your own: a second run reads the rows back.

* **False alarms.** The Wikinews articles and the US-government texts are edited,
  published text: every flag on them is taken as a false alarm (an upper bound —
  a real slip in them would count against the kit). Reported as flags per 1,000
  sentences, per kind. Target: at most 5 for every kind, 0 for ``date_conflict``.
* **The seed.** The six findings the issue lists for the garbled seed article
  (loaded from ``data/articles`` so that its ``metadata.csv`` supplies the
  publication date, 2022-11-09), each with the flag kind that should catch it and
  the sentence it is in, located by a phrase of the finding; a finding counts as
  flagged when a flag of that kind lies in that sentence (or, for the two-place
  kinds, names it as the related passage).

Paths are relative to the project root (run it from there).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

from ..extract.flags import KINDS

DEFAULT_WIKINEWS = Path("../shared/corpus/wikinews")
DEFAULT_USGOV = Path("../shared/corpus/usgov")
DEFAULT_SEED = Path("data/articles/000_9cc23866541e5586.txt")
TARGET_PER_1000 = 5.0


@dataclass(frozen=True)
class Finding:
    """A known problem of the seed: what it is, a phrase locating its sentence, the kind that should flag it."""

    label: str
    phrase: str
    kind: str


#: The findings listed under "Why" in the issue, as a checklist.
SEED_FINDINGS = (
    Finding('"Redeployed forces." is a fragment', "Redeployed forces.", "fragment"),
    Finding("'Called \"Black.\"' is a fragment", 'Called "Black."', "fragment"),
    Finding("a paragraph break cuts \"…but Ukraine's progress\" from \"It was slow and grinding.\"", "but Ukraine's progress", "split_sentence"),
    Finding("\"on Wednesday ordered … to withdraw\" contradicts \"issued a retreat order early last month\"", "issued a retreat order early last month", "date_conflict"),
    Finding("Shoigu appears by surname only, never introduced", "Shoigu issued", "unintroduced_person"),
    Finding("\"The blast happened again\" refers to no blast", "The blast happened again", "dangling_reference"),
    Finding("'known as the \"Pearl of the City.\"' is a garbled nickname", "Pearl of the City", "suspicious_quote"),
)


def _load(path: str | Path):
    from ..corpus import load

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load(path)


def _load_first(path: str | Path, limit: int | None, jobs: int = 1):
    """A corpus of the folder, cut to its first ``limit`` articles (by id) before any extraction."""
    from ..corpus import load

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load(path, jobs=jobs)
    if limit is not None:
        corpus = corpus.subset(sorted(corpus.article_ids)[:limit])
    return corpus


def flag_samples(corpus, k: int = 3, *, seed: int = 0) -> dict[str, list[dict]]:
    """Per kind, ``k`` flags drawn at random (fixed seed): article, flagged words, their sentence, message."""
    flags = corpus.flags
    if not len(flags) or k <= 0:
        return {}
    sentences = corpus.sentences.set_index(["article_id", "sentence_id"]).text
    rng = random.Random(seed)
    out: dict[str, list[dict]] = {}
    for kind in KINDS:
        rows = flags[flags.kind == kind].to_dict(orient="records")
        for row in sorted(rng.sample(rows, min(k, len(rows))), key=lambda r: (r["article_id"], r["start"])):
            sentence = sentences.get((row["article_id"], row["sentence_id"]), "")
            out.setdefault(kind, []).append({"article_id": row["article_id"], "text": row["text"], "sentence": " ".join(str(sentence).split()), "message": row["message"]})
    return out


def format_samples(samples: dict[str, dict[str, list[dict]]], *, width: int = 140) -> str:
    lines = []
    for name, by_kind in samples.items():
        if not by_kind:
            continue
        lines += ["", f"Sample of flagged sentences, {name}:"]
        for kind, rows in by_kind.items():
            for row in rows:
                sentence = row["sentence"] if len(row["sentence"]) <= width else row["sentence"][: width - 1] + "…"
                lines.append(f"  {kind:<20} {row['article_id'][:40]:<40} {row['text'][:40]!r}  in: {sentence!r}")
    return "\n".join(lines)


def false_alarms(corpus) -> dict[str, float | int]:
    """Sentences, flags per kind, and flags per 1,000 sentences per kind, for one corpus."""
    sentences = len(corpus.sentences)
    flags = corpus.flags
    out: dict[str, float | int] = {"articles": len(corpus), "sentences": sentences}
    for kind in KINDS:
        n = int((flags.kind == kind).sum()) if len(flags) else 0
        out[f"{kind}_n"] = n
        out[kind] = round(1000.0 * n / sentences, 2) if sentences else 0.0
    return out


def seed_checklist(corpus, article_id: str) -> list[dict]:
    """For each :data:`SEED_FINDINGS` entry: is a flag of its kind in (or related to) its sentence?"""
    text = corpus.text(article_id)
    flags = corpus.flags[corpus.flags.article_id == article_id]
    sentences = corpus.sentences[corpus.sentences.article_id == article_id]
    rows = []
    for finding in SEED_FINDINGS:
        at = text.find(finding.phrase)
        hit = sentences[(sentences.start <= at) & (sentences.end > at)] if at >= 0 else sentences.iloc[0:0]
        sentence_id = int(hit.sentence_id.iloc[0]) if len(hit) else -1
        of_kind = flags[flags.kind == finding.kind]
        flagged = bool(
            len(of_kind[(of_kind.sentence_id == sentence_id)])
            or len(of_kind[(of_kind.related_start <= at) & (of_kind.related_end > at)])
        ) if at >= 0 else False
        rows.append({"finding": finding.label, "kind": finding.kind, "sentence_id": sentence_id, "flagged": flagged})
    return rows


def format_report(rates: dict[str, dict], checklist: list[dict]) -> str:
    names = list(rates)
    lines = ["False alarms: flags per 1,000 sentences (count in brackets); target <= 5, date_conflict 0", ""]
    width = max([22, *(len(n) + 2 for n in names)])
    lines.append(f"{'kind':<22}" + "".join(f"{name:>{width}}" for name in names))
    lines.append(f"{'articles / sentences':<22}" + "".join(f"{str(rates[n]['articles']) + ' / ' + str(rates[n]['sentences']):>{width}}" for n in names))
    for kind in KINDS:
        cells = []
        for name in names:
            value, count = rates[name][kind], rates[name][f"{kind}_n"]
            target = 0.0 if kind == "date_conflict" else TARGET_PER_1000
            mark = "" if value <= target or name == "seed" else " !"
            cells.append(f"{value:.2f} ({count}){mark}".rjust(width))
        lines.append(f"{kind:<22}" + "".join(cells))
    totals = []
    for name in names:
        count = sum(rates[name][f"{kind}_n"] for kind in KINDS)
        sentences = rates[name]["sentences"]
        totals.append(f"{1000.0 * count / sentences if sentences else 0.0:.2f} ({count})".rjust(width))
    lines.append(f"{'all kinds':<22}" + "".join(totals))
    if not checklist:
        return "\n".join(lines)
    lines += ["", "Seed checklist (the findings listed in the issue):", ""]
    for row in checklist:
        lines.append(f"  [{'x' if row['flagged'] else ' '}] {row['kind']:<20} s{row['sentence_id']:<3} {row['finding']}")
    found = sum(r["flagged"] for r in checklist)
    lines.append(f"\n  {found} of {len(checklist)} findings flagged")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analystkit.evaluate.integrity", description=__doc__.split("\n\n")[0])
    parser.add_argument("--wikinews", default=str(DEFAULT_WIKINEWS))
    parser.add_argument("--usgov", default=str(DEFAULT_USGOV))
    parser.add_argument("--seed", default=str(DEFAULT_SEED), help="the seed article inside a folder with metadata.csv")
    parser.add_argument("--corpus", nargs="+", action="extend", default=None, metavar="PATH", help="folders of clean edited text, instead of --wikinews and --usgov")
    parser.add_argument("--polnear", default=None, metavar="PATH", help="a PolNeAR checkout: add the whole articles of its train and dev splits")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles (by id) of each corpus")
    parser.add_argument("--samples", type=int, default=3, help="flagged sentences to print per kind and corpus")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes for extraction")
    parser.add_argument("--no-seed", action="store_true", help="skip the seed's checklist")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    folders = {Path(p).name or str(p): p for p in args.corpus} if args.corpus else {"wikinews": args.wikinews, "us-government": args.usgov}
    scratch = None
    try:
        if args.polnear:
            from .polnear import write_articles

            scratch = tempfile.mkdtemp(prefix="polnear-articles-")
            try:
                write_articles(args.polnear, scratch)
            except (ValueError, FileNotFoundError) as error:
                print(error, file=sys.stderr)
                return 2
            folders["polnear-train-dev"] = scratch
        rates, samples = {}, {}
        for name, folder in folders.items():
            corpus = _load_first(folder, args.limit, args.jobs)
            rates[name] = false_alarms(corpus)
            samples[name] = flag_samples(corpus, args.samples)
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    checklist: list[dict] = []
    if not args.no_seed:
        seed_path = Path(args.seed)
        seed_corpus = _load(seed_path.parent)
        seed_corpus = seed_corpus.subset([seed_path.stem])
        rates["seed"] = false_alarms(seed_corpus)
        checklist = seed_checklist(seed_corpus, seed_path.stem)
    if args.json:
        print(json.dumps({"false_alarms": rates, "seed": checklist, "samples": samples}, indent=2))
    else:
        print(format_report(rates, checklist))
        print(format_samples(samples))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
