"""Write every table of a corpus to a folder, or compare two such folders row for row.

    python benchmarks/snapshot.py write data/articles --out /tmp/before [--first N] [--jobs 2]
    python benchmarks/snapshot.py compare /tmp/before /tmp/after

Used to check that a change which should not alter results leaves every table identical
(``DataFrame.equals`` per table), and to list the rows that differ when one does.
The cache is off while writing, so every table is extracted by the code being checked.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def write(paths: list[str], out: Path, *, first: int | None, jobs: int) -> None:
    os.environ["ANALYSTKIT_CACHE"] = "off"
    import analystkit as ak

    files: list[str] = []
    for path in paths:
        p = Path(path)
        if p.is_dir() and first:
            files.extend(str(f) for f in sorted(p.glob("*.md"))[:first])
        else:
            files.append(path)
    corpus = ak.load(*files, jobs=jobs, warn_problems=False)
    out.mkdir(parents=True, exist_ok=True)
    for name in [*corpus.table_names, "load_report"]:
        corpus.table(name).to_pickle(out / f"{name}.pkl")
    print(f"{len(corpus)} articles; tables written to {out}")


def compare(before: Path, after: Path) -> int:
    import pandas as pd

    names = sorted({p.stem for p in before.glob("*.pkl")} | {p.stem for p in after.glob("*.pkl")})
    differing = 0
    for name in names:
        a, b = before / f"{name}.pkl", after / f"{name}.pkl"
        if not a.exists() or not b.exists():
            print(f"{name}: only in {'after' if not a.exists() else 'before'}")
            differing += 1
            continue
        x, y = pd.read_pickle(a), pd.read_pickle(b)
        if x.equals(y):
            print(f"{name}: identical ({len(x)} rows)")
            continue
        differing += 1
        if list(x.columns) != list(y.columns):
            print(f"{name}: columns differ: {list(x.columns)} vs {list(y.columns)}")
        if x.dtypes.astype(str).to_dict() != y.dtypes.astype(str).to_dict():
            print(f"{name}: dtypes differ: {x.dtypes.astype(str).to_dict()} vs {y.dtypes.astype(str).to_dict()}")
        common = [c for c in x.columns if c in y.columns]
        xs = x[common].astype(str).apply(tuple, axis=1)
        ys = y[common].astype(str).apply(tuple, axis=1)
        only_x = sorted(set(xs) - set(ys))
        only_y = sorted(set(ys) - set(xs))
        print(f"{name}: DIFFERENT ({len(x)} vs {len(y)} rows; {len(only_x)} only before, {len(only_y)} only after)")
        for row in only_x[:8]:
            print("  -", dict(zip(common, row)))
        for row in only_y[:8]:
            print("  +", dict(zip(common, row)))
    return 1 if differing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write")
    w.add_argument("paths", nargs="+")
    w.add_argument("--out", required=True, type=Path)
    w.add_argument("--first", type=int, help="only the first N .md files of a folder (sorted by name)")
    w.add_argument("--jobs", type=int, default=1)
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "write":
        write(args.paths, args.out, first=args.first, jobs=args.jobs)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
