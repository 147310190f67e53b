"""Evaluate :func:`analystkit.compare` on generated damaged copies of clean articles.

    python -m analystkit.evaluate.provenance [--n 300] [--seed 21] [--corpus ../shared/corpus/whitehouse-2022 ../shared/corpus/usgov]
        [--min-chars 1200] [--max-chars 9000] [--json] [--jobs 1]

1. Clean articles: the files of the given folders, sorted by name, those whose text is
   between ``--min-chars`` and ``--max-chars`` characters, then every k-th so that
   ``--n`` are taken (a deterministic spread over the year). Default: the White House
   2022 releases and the US-government texts in ``../shared/corpus/``.
2. Each gets one damaged copy from :mod:`analystkit.evaluate.damage` (one damage of
   each kind where the article allows it, each in its own sentence), with a random
   generator seeded by ``--seed`` and the article id.
3. Clean and damaged versions are loaded as one corpus and compared
   (``compare_in(corpus, clean, copy)``).
4. For each damage kind, an edit of the expected kind *matches* a damage of that kind
   when their spans overlap in the copy (B), or, for a damage that leaves nothing in
   B (a cut word), when the edit's span in A overlaps the damage's span in A.
   Recall = damages matched / damages; precision = edits matching a damage of
   their kind / edits of that kind. Edits of the other kinds (not generated) are
   counted per copy as a check on false alarms.

Target (issue 21): precision and recall >= 0.85 for every kind, on >= 200 articles.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import warnings
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

from .damage import DAMAGES, EXPECTED, Damage, damage_article

DEFAULT_CORPORA = (Path("../shared/corpus/whitehouse-2022"), Path("../shared/corpus/usgov"))
TARGET = 0.85
_TABLES = ("sentences", "claims", "hedges", "timeline", "entities", "actions")


def choose_files(folders: list[Path], *, n: int, min_chars: int, max_chars: int) -> list[Path]:
    """Every k-th file (sorted by name) whose size lies in the range, so that ``n`` are taken."""
    files = []
    for folder in folders:
        for path in sorted(Path(folder).glob("*")):
            if path.suffix.lower() in {".md", ".txt"} and path.name.upper() not in {"README.MD", "LICENSE.MD"} and not path.name.startswith("LICENSE"):
                size = path.stat().st_size
                if min_chars <= size <= max_chars:
                    files.append(path)
    if len(files) <= n:
        return files
    step = len(files) / n
    return [files[int(k * step)] for k in range(n)]


def make_copies(corpus: Any, *, seed: int) -> dict[str, tuple[str, list[Damage]]]:
    """A damaged copy of every article of ``corpus``: id -> (copy text, damages)."""
    tables = {name: corpus.table(name) for name in _TABLES}
    grouped = {name: dict(tuple(frame.groupby("article_id"))) if len(frame) else {} for name, frame in tables.items()}
    out = {}
    for article_id in corpus.article_ids:
        rows = {name: grouped[name].get(article_id, tables[name].iloc[0:0]) for name in _TABLES}
        rng = random.Random(seed * 1_000_003 + zlib.crc32(article_id.encode("utf-8")))
        out[article_id] = damage_article(corpus.text(article_id), rows, rng=rng)
    return out


def score(pairs: list[tuple[Any, list[Damage]]]) -> dict[str, dict[str, float]]:
    """Precision and recall per damage kind over ``(edits table, damages)`` pairs."""
    found: Counter = Counter()
    total: Counter = Counter()
    predicted: Counter = Counter()
    correct: Counter = Counter()
    others: Counter = Counter()
    for edits, damages in pairs:
        for d in damages:
            total[d.kind] += 1
            of_kind = edits[edits["kind"] == d.expected]
            if any(_matches(e, d) for e in of_kind.itertuples()):
                found[d.kind] += 1
        for e in edits.itertuples():
            kinds = [k for k, v in EXPECTED.items() if v == e.kind]
            if not kinds:
                others[e.kind] += 1
                continue
            kind = kinds[0]
            predicted[kind] += 1
            if any(_matches(e, d) for d in damages if d.kind == kind):
                correct[kind] += 1
    out: dict[str, dict[str, float]] = {}
    for kind in DAMAGES:
        out[kind] = {
            "edit_kind": EXPECTED[kind],
            "damages": total[kind], "found": found[kind], "recall": found[kind] / total[kind] if total[kind] else float("nan"),
            "edits": predicted[kind], "correct": correct[kind], "precision": correct[kind] / predicted[kind] if predicted[kind] else float("nan"),
        }
    out["_other_edits"] = dict(others)  # type: ignore[assignment]
    return out


def _matches(edit: Any, damage: Damage) -> bool:
    if damage.end_b > damage.start_b:
        return int(edit.start_b) < damage.end_b and damage.start_b < int(edit.end_b)
    return int(edit.start_a) < damage.end_a and damage.start_a < int(edit.end_a) or (
        int(edit.start_b) <= damage.start_b <= int(edit.end_b) and int(edit.end_b) > int(edit.start_b)
    )


def run(folders: list[Path], *, n: int, seed: int, min_chars: int, max_chars: int, jobs: int = 1) -> dict[str, Any]:
    from ..io.loader import load
    from ..provenance.compare import compare_in

    files = choose_files(folders, n=n, min_chars=min_chars, max_chars=max_chars)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        clean = load(*[str(p) for p in files], jobs=jobs)
        copies = make_copies(clean, seed=seed)
        articles = clean.articles
        folder = Path(tempfile.mkdtemp(prefix="analystkit-damaged-"))
        for row in articles.itertuples():
            text, _ = copies[row.article_id]
            date = row.published.strftime("%Y-%m-%d") if row.published == row.published and row.published is not None else ""
            (folder / f"copy_{row.Index:05d}.txt").write_text(f"published: {date}\n\n{text}\n", encoding="utf-8")
        both = load(*[str(p) for p in files], str(folder), jobs=jobs)
        _ = both.articles  # extract once (the clean ones come from the row cache)
    by_path = dict(zip(both.articles["source_path"].map(lambda p: Path(p).name), both.articles["article_id"]))
    clean_paths = dict(zip(articles["article_id"], articles["source_path"]))
    by_clean_path = dict(zip(both.articles["source_path"], both.articles["article_id"]))
    pairs, skipped, alignment = [], 0, Counter()
    for k, article_id in enumerate(articles["article_id"]):
        copy_id = by_path.get(f"copy_{k:05d}.txt", "")
        text, damages = copies[article_id]
        original = by_clean_path.get(clean_paths[article_id], "")
        if not copy_id or not original or both.text(copy_id) != text or both.text(original) != clean.text(article_id):
            skipped += 1
            continue
        article_id = original
        comparison = compare_in(both, article_id, copy_id)
        alignment.update(comparison.alignment["kind"])
        pairs.append((comparison.edits, damages))
    result = score(pairs)
    others = result.pop("_other_edits")
    return {"articles": len(files), "compared": len(pairs), "skipped": skipped, "kinds": result, "other_edits": others,
            "other_edits_per_copy": round(sum(others.values()) / max(1, len(pairs)), 3), "alignment": dict(alignment)}


def format_table(report: dict[str, Any]) -> str:
    lines = [
        f"Damaged copies of {report['compared']} clean articles ({report['skipped']} skipped); target: precision and recall >= {TARGET}",
        "",
        f"{'damage':<14}{'edit kind':<22}{'damages':>8}{'found':>7}{'recall':>8}{'edits':>7}{'correct':>8}{'precision':>10}",
    ]
    for kind, row in report["kinds"].items():
        flag = "" if row["recall"] >= TARGET and row["precision"] >= TARGET else "  !"
        lines.append(
            f"{kind:<14}{row['edit_kind']:<22}{row['damages']:>8}{row['found']:>7}{row['recall']:>8.3f}{row['edits']:>7}{row['correct']:>8}{row['precision']:>10.3f}{flag}"
        )
    others = ", ".join(f"{k} {v}" for k, v in sorted(report["other_edits"].items(), key=lambda kv: -kv[1])) or "none"
    lines += ["", f"Edits of kinds not generated: {others} ({report['other_edits_per_copy']} per copy)",
              f"Alignment steps: {', '.join(f'{k} {v}' for k, v in sorted(report['alignment'].items()))}"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analystkit.evaluate.provenance", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", nargs="+", default=[str(p) for p in DEFAULT_CORPORA], help="folders of clean articles")
    parser.add_argument("--n", type=int, default=300, help="clean articles to damage (default 300)")
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--min-chars", type=int, default=1200)
    parser.add_argument("--max-chars", type=int, default=9000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    report = run([Path(p) for p in args.corpus], n=args.n, seed=args.seed, min_chars=args.min_chars, max_chars=args.max_chars, jobs=args.jobs)
    print(json.dumps(report, indent=2, default=str) if args.json else format_table(report))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
