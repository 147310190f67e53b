"""The ``analystkit`` command line.

    analystkit extract PATH... --out DIR [--format csv|parquet] [--metadata CSV]
    analystkit report  PATH... --out DIR [--notebooks NAMES] [--title TEXT]
    analystkit ledger  PATH... --out FILE.xlsx|FILE.csv [--metadata CSV]
    analystkit --version | --help
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from .about import __version__


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="analystkit", description="Read news critically: load articles into tidy tables and run the analyst notebooks as reports.")
    parser.add_argument("--version", action="version", version=f"analystkit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    extract = sub.add_parser("extract", help="load articles and write every table to files", description="Load articles (files, folders, globs) and write one file per table plus load_report.")
    extract.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or glob patterns")
    extract.add_argument("--out", required=True, help="output folder (created if missing)")
    extract.add_argument("--format", choices=("csv", "parquet"), default="csv", help="file format (default: csv)")
    extract.add_argument("--metadata", help="a CSV keyed by file name that fills or overrides article fields")
    extract.add_argument("--model", help="spaCy model name or folder (default: see ANALYSTKIT_MODEL)")
    extract.add_argument("--quiet", action="store_true", help="no progress bar")
    extract.add_argument("--jobs", type=int, default=1, help="worker processes (default: 1)")
    extract.add_argument("--engine", choices=("local", "dask"), default="local", help="local processes, or a Dask cluster (see --scheduler)")
    extract.add_argument("--scheduler", help="with --engine dask: a scheduler address (tcp://host:8786); default: a LocalCluster")
    extract.add_argument("--partitions", type=int, help="with --engine dask: number of partitions (default: 4 per worker)")

    report = sub.add_parser("report", help="run the curated notebooks over a corpus into an HTML report", description="Execute the curated notebooks with papermill over a corpus and write self-contained HTML without code.")
    report.add_argument("paths", nargs="+", metavar="PATH")
    report.add_argument("--out", default="reports", help="output folder (default: reports)")
    report.add_argument("--notebooks", help="comma-separated notebook names (default: all curated notebooks)")
    report.add_argument("--title", default="analystkit report", help="title of the index page")

    ledger = sub.add_parser("ledger", help="write the claims ledger (one row per claim) for fact-checking", description="Load articles and write the claims ledger: one row per claim with its source, hedges, dates, actors, flags and blank verdict/notes columns.")
    ledger.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or glob patterns")
    ledger.add_argument("--out", required=True, help="output file: .xlsx (formatted sheet) or .csv")
    ledger.add_argument("--metadata", help="a CSV keyed by file name that fills or overrides article fields")
    ledger.add_argument("--model", help="spaCy model name or folder (default: see ANALYSTKIT_MODEL)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    if args.command == "extract":
        return _extract(args)
    if args.command == "ledger":
        return _ledger(args)
    if args.command == "report":
        from .report import run_report

        return run_report(args.paths, out=args.out, notebooks=args.notebooks.split(",") if args.notebooks else None, title=args.title)
    parser.error(f"unknown command {args.command}")
    return 2


def _ledger(args: argparse.Namespace) -> int:
    from .claims_ledger import ledger, write_ledger
    from .errors import Errors, NothingLoadedError
    from .io.loader import load

    if Path(args.out).suffix.lower() not in (".xlsx", ".csv"):
        print(f"analystkit: {Errors.AK009.format(path=args.out)}", file=sys.stderr)
        return 2
    nlp = None
    if args.model:
        from .nlp.model import load_model

        nlp = load_model(args.model)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            corpus = load(*args.paths, metadata=args.metadata, nlp=nlp)
        except NothingLoadedError as error:
            print(f"analystkit: {error}", file=sys.stderr)
            return 1
    for warning in caught:
        print(f"analystkit: warning: {warning.message}", file=sys.stderr)
    frame = ledger(corpus)
    path = write_ledger(frame, args.out)
    print(f"{len(corpus)} articles, {len(frame)} claims: wrote {path}")
    return 0


def _extract(args: argparse.Namespace) -> int:
    from .errors import NothingLoadedError
    from .io.loader import load

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            corpus = load(*args.paths, metadata=args.metadata, model=args.model, jobs=args.jobs)
        except NothingLoadedError as error:
            print(f"analystkit: {error}", file=sys.stderr)
            if error.load_report is not None and len(error.load_report):
                Path(args.out).mkdir(parents=True, exist_ok=True)
                error.load_report.to_csv(Path(args.out) / "load_report.csv", index=False)
                print(f"analystkit: the load report is in {Path(args.out) / 'load_report.csv'}", file=sys.stderr)
            return 1
    for warning in caught:
        print(f"analystkit: warning: {warning.message}", file=sys.stderr)
    corpus.progress = not args.quiet and sys.stderr.isatty()
    if args.engine == "dask":
        from .distributed import extract_with_dask

        written = extract_with_dask(corpus, args.out, scheduler=args.scheduler, partitions=args.partitions, fmt=args.format)
    else:
        written = corpus.to_files(args.out, fmt=args.format)
    report = corpus.load_report
    print(f"{len(corpus)} articles loaded, {int((report.status == 'skipped').sum())} skipped, {int((report.status == 'failed').sum())} failed")
    for path in written:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
