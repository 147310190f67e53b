"""Benchmark of related-article detection (MinHash/LSH) over the White House 2022 releases.

    .venv/bin/python benchmarks/related.py                     # 500 / 1,000 / 1,833 releases
    .venv/bin/python benchmarks/related.py --sizes 200 400     # other sizes
    .venv/bin/python benchmarks/related.py --pairs out.csv     # also write the pairs of the largest run

The releases (``../shared/corpus/whitehouse-2022/``, sorted by file name) are loaded
once, untimed, without running the spaCy pipeline: detection works from the article
texts alone. Each size N times :func:`analystkit.provenance.related_articles` over the
first N articles (best of ``--repeat`` runs). The closing table is Markdown, ready
for ``benchmarks/README.md``; ``per 1,000`` is seconds per 1,000 articles, which stays
about flat when the cost grows linearly. Target (issue 21): under a minute for all 1,833.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "whitehouse-2022"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 1833])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--pairs", default="", help="write the pairs found in the largest run to this CSV")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    import analystkit as ak
    from analystkit.provenance.related import _articles_of, related_articles

    files = sorted(p for p in Path(args.corpus).glob("*.md"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = ak.load(*[str(p) for p in files])
    articles = _articles_of(corpus)  # the loaded texts; no parse
    rows = []
    found = None
    for n in args.sizes:
        subset = articles.iloc[:n]
        best = float("inf")
        for _ in range(max(1, args.repeat)):
            start = time.perf_counter()
            found = related_articles(subset)
            best = min(best, time.perf_counter() - start)
        relations = found["relation"].value_counts().to_dict()
        rows.append((len(subset), best, len(found), relations))
        print(f"{len(subset):>6} articles  {best:7.2f} s  {len(found):>5} pairs  {relations}", flush=True)
    print()
    print("| articles | seconds | per 1,000 | pairs | duplicate | near_duplicate | derived | overlap |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, seconds, pairs, relations in rows:
        print(f"| {n:,} | {seconds:.2f} | {1000 * seconds / n:.2f} | {pairs} | {relations.get('duplicate', 0)} | "
              f"{relations.get('near_duplicate', 0)} | {relations.get('derived', 0)} | {relations.get('overlap', 0)} |")
    if len(rows) >= 2:
        (n0, s0, _, _), (n1, s1, _, _) = rows[0], rows[-1]
        print(f"\ntime ratio {s1 / s0:.2f} for {n1 / n0:.2f}x the articles")
    if args.pairs and found is not None:
        found.to_csv(args.pairs, index=False)
        print(f"pairs written to {args.pairs}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
