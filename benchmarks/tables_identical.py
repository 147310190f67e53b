"""Check that a change leaves every table identical: extract a fixed set of corpora with the
old code and with the new, and compare every table with ``DataFrame.equals``.

    # old code: any checkout of the package (here: main exported to a folder)
    git archive main | tar -x -C /tmp/old
    python benchmarks/tables_identical.py --old-code /tmp/old --old-out /tmp/tables-old --new-out /tmp/tables-new

The sets, each extracted as its own corpus (cache off, one process): the sample corpus
``data/articles``, the seed alone, the first 150 White House releases
(``../shared/corpus/whitehouse-2022``), the Wikinews dev articles (``../shared/corpus/wikinews``)
and the first 40 PolNeAR dev articles (``--polnear``, a folder written by
``analystkit.evaluate.polnear.write_articles``; PolNeAR is not redistributed, so it is never in the
repository). The old code's tables are written once and reused while ``--old-out`` holds them
(``--refresh-old`` writes them again); the new code is the checkout this script lives in.
Exit status 0 when every table of every set is identical.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"


def sets(polnear: Path) -> dict[str, list[str]]:
    seed = sorted((ROOT / "seeds").glob("000_*.txt"))
    return {
        "sample": [str(ROOT / "data" / "articles")],
        "seed": [str(p) for p in seed[:1]],
        "whitehouse150": [str(p) for p in sorted((SHARED / "whitehouse-2022").glob("*.md"))[:150]],
        "wikinews": [str(SHARED / "wikinews")],
        "polnear40": [str(p) for p in sorted(polnear.glob("*.txt"))[:40]],
    }


def write(code: Path, out: Path, polnear: Path) -> None:
    """Every set's tables, extracted by the package in ``code``, pickled under ``out/<set>/``."""
    for name, paths in sets(polnear).items():
        if not paths:
            print(f"{name}: no files, skipped")
            continue
        env = dict(os.environ, PYTHONPATH=str(code), PYTHONHASHSEED="0", ANALYSTKIT_PROGRESS="off", ANALYSTKIT_CACHE="off")
        subprocess.run([sys.executable, str(Path(__file__).parent / "snapshot.py"), "write", *paths, "--out", str(out / name)], env=env, check=True)


def compare(old: Path, new: Path) -> int:
    sys.path.insert(0, str(Path(__file__).parent))
    import snapshot

    status = 0
    for folder in sorted(p for p in old.iterdir() if p.is_dir()):
        print(f"== {folder.name}")
        status |= snapshot.compare(folder, new / folder.name)
    print("ALL TABLES IDENTICAL" if status == 0 else "SOME TABLES DIFFER")
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old-code", type=Path, required=True, help="folder holding the old code's analystkit package")
    parser.add_argument("--old-out", type=Path, required=True)
    parser.add_argument("--new-out", type=Path, required=True)
    parser.add_argument("--new-code", type=Path, default=ROOT, help="folder holding the new code's package (default: this checkout)")
    parser.add_argument("--polnear", type=Path, default=ROOT.parent / "corpora" / "polnear-dev")
    parser.add_argument("--refresh-old", action="store_true")
    args = parser.parse_args(argv)
    if args.refresh_old or not args.old_out.exists():
        write(args.old_code, args.old_out, args.polnear)
    write(args.new_code, args.new_out, args.polnear)
    return compare(args.old_out, args.new_out)


if __name__ == "__main__":
    sys.exit(main())
