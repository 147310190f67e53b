"""Evaluate the integrity flags: false alarms on clean text, and the seed's known findings.

    python -m analystkit.evaluate.integrity [--wikinews ../shared/corpus/wikinews]
        [--usgov ../shared/corpus/usgov] [--seed data/articles/000_9cc23866541e5586.txt] [--json]

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
import sys
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
    lines.append(f"{'kind':<22}" + "".join(f"{name:>22}" for name in names))
    lines.append(f"{'articles / sentences':<22}" + "".join(f"{str(rates[n]['articles']) + ' / ' + str(rates[n]['sentences']):>22}" for n in names))
    for kind in KINDS:
        cells = []
        for name in names:
            value, count = rates[name][kind], rates[name][f"{kind}_n"]
            target = 0.0 if kind == "date_conflict" else TARGET_PER_1000
            mark = "" if value <= target or name == "seed" else " !"
            cells.append(f"{value:.2f} ({count}){mark}".rjust(22))
        lines.append(f"{kind:<22}" + "".join(cells))
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
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    rates = {"wikinews": false_alarms(_load(args.wikinews)), "us-government": false_alarms(_load(args.usgov))}
    seed_path = Path(args.seed)
    seed_corpus = _load(seed_path.parent)
    seed_corpus = seed_corpus.subset([seed_path.stem])
    rates["seed"] = false_alarms(seed_corpus)
    checklist = seed_checklist(seed_corpus, seed_path.stem)
    if args.json:
        print(json.dumps({"false_alarms": rates, "seed": checklist}, indent=2))
    else:
        print(format_report(rates, checklist))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
