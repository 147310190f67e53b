"""The ``analystkit`` command line.

    analystkit extract PATH... --out DIR [--format csv|parquet] [--metadata CSV]
    analystkit report  PATH... --out DIR [--notebooks NAMES] [--title TEXT]
    analystkit ledger  PATH... --out FILE.xlsx|FILE.csv [--metadata CSV]
    analystkit settings                      the ANALYSTKIT_* settings, what each does and its value here
    analystkit fetch   URLS.txt... --out DIR        (the pages a URL list names, as .md files)
    analystkit --version | --help

Exit status: 0 when articles were extracted (some inputs may have been skipped or
failed: the load report says which); 1 when nothing could be loaded, every article
failed, a notebook of a report failed or the output could not be written; 2 for a
mistake in the command (a missing input or metadata file, ``--out`` naming a file
where a folder is needed, an option out of range, a malformed limit setting) —
answered with a message from :mod:`analystkit.errors` before any work starts.
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import sys
import tempfile
import warnings
from pathlib import Path

from .about import __version__

#: Characters never printed to the terminal as they are (an escape sequence in a file name must not drive it).
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="analystkit", description="Read news critically: load articles into tidy tables and run the analyst notebooks as reports.")
    parser.add_argument("--version", action="version", version=f"analystkit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    extract = sub.add_parser(
        "extract", help="load articles and write every table to files", description="Load articles (files, folders, globs) and write one file per table plus load_report.",
        epilog="example: analystkit extract data/articles --out tables/ --format parquet --jobs 2",
    )
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
    extract.add_argument("--fetch", action="store_true", help=_FETCH_HELP)

    report = sub.add_parser(
        "report", help="run the curated notebooks over a corpus into an HTML report",
        description="Extract the corpus once, execute the curated notebooks (or your own) with papermill over it, and write a "
        "briefing index and one page per notebook: self-contained HTML without code, tables that sort and search, no network needed.",
        epilog="example: analystkit report data/articles --out reports/ --jobs 2 --title 'Kherson coverage'",
    )
    report.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or glob patterns")
    report.add_argument("--out", default="reports", help="output folder (default: reports)")
    report.add_argument("--notebooks", help="comma-separated notebook names (01_sourcing or sourcing), or a folder of your own parameterised notebooks (default: the kit's)")
    report.add_argument("--title", help="title of the index page (default: 'analystkit report: ' and the folder's name)")
    report.add_argument("--jobs", type=int, default=1, help="worker processes for the extraction, and notebooks run at once (default: 1)")
    report.add_argument("--metadata", help="a CSV keyed by file name that fills or overrides article fields")
    report.add_argument("--model", help="spaCy model name or folder (default: see ANALYSTKIT_MODEL)")
    report.add_argument("--pdf", action="store_true", help="also print the report into report.pdf with headless Chromium (where installed)")
    report.add_argument("--fetch", action="store_true", help=_FETCH_HELP + "; the fetched articles are written to OUT/fetched as .md files and the report runs on them")

    ledger = sub.add_parser(
        "ledger", help="write the claims ledger (one row per claim) for fact-checking",
        description="Load articles and write the claims ledger: one row per claim with its source, hedges, dates, actors, flags and blank verdict/notes columns.",
        epilog="example: analystkit ledger data/articles --out ledger.xlsx --metadata data/articles/metadata.csv",
    )
    ledger.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or glob patterns")
    ledger.add_argument("--out", required=True, help="output file: .xlsx (formatted sheet) or .csv")
    ledger.add_argument("--metadata", help="a CSV keyed by file name that fills or overrides article fields")
    ledger.add_argument("--model", help="spaCy model name or folder (default: see ANALYSTKIT_MODEL)")
    ledger.add_argument("--jobs", type=int, default=1, help="worker processes for the extraction (default: 1)")
    ledger.add_argument("--quiet", action="store_true", help="no progress bar")

    sub.add_parser(
        "settings", help="list the ANALYSTKIT_* settings (environment variables) and their values here",
        description="The kit reads its settings from environment variables. This lists each one, what it does, and its value in this shell.",
        epilog="example: ANALYSTKIT_PROGRESS=off analystkit settings",
    )
    ledger.add_argument("--fetch", action="store_true", help=_FETCH_HELP)

    fetch = sub.add_parser(
        "fetch", help="fetch the pages of URL lists (and feed entries) into a folder of .md files",
        description="Fetch every page a URL list names (a .txt or .urls file of http(s) URLs, one a line; # comments) and the full text "
        "of feed entries, politely (robots.txt, a per-host delay, ANALYSTKIT_FETCH_TIMEOUT) and cached, and write each page's main "
        "text as a Markdown file with YAML front matter (title, published, outlet, url, author). Load the folder later without network.",
        epilog="example: analystkit fetch urls.txt --out articles/ && analystkit extract articles/ --out tables/",
    )
    fetch.add_argument("paths", nargs="+", metavar="PATH", help="URL lists, feeds, or folders holding them")
    fetch.add_argument("--out", required=True, help="output folder for the .md files (created if missing)")
    return parser


_FETCH_HELP = "fetch the pages of URL lists (.txt/.urls files of URLs) and the full text of feed entries (polite, cached; off by default)"


def main(argv: list[str] | None = None) -> int:
    from .errors import AnalystKitError, Errors

    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    if args.command == "settings":
        return _settings()
    problem = check_arguments(args)
    if problem:
        _say(f"analystkit: {problem}")
        return 2
    try:
        if args.command == "extract":
            return _extract(args)
        if args.command == "ledger":
            return _ledger(args)
        if args.command == "fetch":
            return _fetch(args)
        if args.command == "report":
            from .report import run_report

            if args.fetch:
                args.paths = _fetched_folder(args.paths, Path(args.out) / "fetched", metadata=args.metadata)
                if args.paths is None:
                    return 1

            notebooks = None
            if args.notebooks:
                notebooks = [args.notebooks] if Path(args.notebooks).is_dir() else args.notebooks.split(",")
            return run_report(
                args.paths, out=args.out, notebooks=notebooks, title=args.title, jobs=max(1, args.jobs), metadata=args.metadata, model=args.model, pdf=args.pdf,
            )
    except AnalystKitError as error:  # a model that cannot be loaded, a setting
        _say(f"analystkit: {error}")
        return 2
    except OSError as error:  # the disk filled up, the folder went away
        _say(f"analystkit: {Errors.AK047.format(error=_describe(error))}")
        return 1
    parser.error(f"unknown command {args.command}")
    return 2


# --------------------------------------------------------------------------- checks


def check_arguments(args: argparse.Namespace) -> str:
    """The first mistake in the command, as a catalogue message ('' when there is none). Nothing is loaded yet."""
    from . import limits
    from .errors import Errors, SettingError

    try:
        limits.check()
        if getattr(args, "fetch", False) or args.command == "fetch":
            from . import settings

            settings.fetch_timeout()
            settings.fetch_delay()
    except SettingError as error:
        return str(error)
    for raw in args.paths:
        path = Path(raw)
        if re.match(r"^https?://\S+$", raw, re.I):
            continue  # a web address: fetched with --fetch (without it, the load report says how)
        if path.exists():
            kind = _special_kind(path)
            if kind:
                return Errors.AK048.format(path=raw, kind=kind)
        elif os.path.lexists(path):
            return Errors.AK004.format(path=raw, cwd=os.getcwd())
        else:
            try:
                matched = bool(glob.glob(str(raw), recursive=True))
            except (OSError, ValueError, RecursionError):
                matched = False
            if not matched:
                return Errors.AK004.format(path=raw, cwd=os.getcwd())
    for option in ("jobs", "partitions"):
        value = getattr(args, option, None)
        if value is not None and value < 1:
            example = "--jobs 2" if option == "jobs" else "--partitions 8"
            return Errors.AK045.format(option=f"--{option}", rule="a whole number of at least 1", value=value, example=example)
    if getattr(args, "engine", "local") != "dask":
        for option in ("scheduler", "partitions"):
            if getattr(args, option, None) is not None:
                return Errors.AK046.format(option=f"--{option}")
    else:
        from .optional import require

        try:
            require("dask.distributed", feature="Extracting with --engine dask")
        except ImportError as error:
            return str(error)
    metadata = getattr(args, "metadata", None)
    if metadata is not None:
        problem = _metadata_problem(metadata)
        if problem:
            return problem
    if args.command == "ledger":
        return _ledger_out_problem(args.out)
    return _folder_out_problem(args.out, args.command)


def _special_kind(path: Path) -> str:
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return ""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return ""
    if stat.S_ISFIFO(mode):
        return "named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "device"


def _metadata_problem(metadata: str) -> str:
    from .errors import Errors
    from .io.loader import _read_sidecar

    path = Path(metadata)
    if not path.exists():
        return Errors.AK040.format(path=metadata, problem="does not exist")
    if path.is_dir():
        return Errors.AK040.format(path=metadata, problem="is a folder")
    if _special_kind(path):
        return Errors.AK040.format(path=metadata, problem=f"is a {_special_kind(path)}, not a file")
    table, reason = _read_sidecar(path)
    if table is None:
        return Errors.AK040.format(path=metadata, problem=f"cannot be used: {reason}")
    return ""


def _folder_out_problem(out: str, command: str) -> str:
    from .errors import Errors

    path = Path(out)
    if path.exists() and not path.is_dir():
        return Errors.AK041.format(path=out, command=command, suggestion=str(path.with_suffix("")) + "-tables" if command == "extract" else str(path.with_suffix("")) + "-report")
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as error:
        return Errors.AK043.format(path=out, error=_describe(error))
    return ""


def _ledger_out_problem(out: str) -> str:
    from .errors import Errors

    path = Path(out)
    if path.is_dir():
        return Errors.AK042.format(path=out, suggestion=str(path / "ledger.xlsx"))
    if path.suffix.lower() not in (".xlsx", ".csv"):
        return Errors.AK009.format(path=out)
    if path.exists() and not path.is_file():
        return Errors.AK043.format(path=out, error="it is not a regular file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path.parent):
            pass
        if path.exists() and not os.access(path, os.W_OK):
            raise PermissionError(13, "Permission denied", str(path))  # internal: answered below as AK043
    except OSError as error:
        return Errors.AK043.format(path=out, error=_describe(error))
    return ""


def _describe(error: OSError) -> str:
    what = error.strerror or str(error) or type(error).__name__
    return f"{what} ({error.filename})" if error.filename else what


def _say(message: str, stream=None) -> None:
    """Print to the terminal with control characters shown as escapes."""
    stream = stream or sys.stderr
    print(_UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}", message), file=stream)


# --------------------------------------------------------------------------- commands


def _settings() -> int:
    """Print every setting, what it does and its value in this environment (unset: the default applies)."""
    from . import limits
    from .settings import SETTINGS, setting

    width = max(map(len, SETTINGS))
    for name, what in SETTINGS.items():
        value = setting(name)
        print(f"{name:<{width}}  {what}")
        print(f"{'':<{width}}  value here: {value!r}" if value else f"{'':<{width}}  value here: unset (the default applies)")
    print("\nLimits now in force:")
    for row in limits.current().itertuples():
        print(f"  {row.limit} = {row.value:,} {row.unit}" + ("" if row.value == row.default else f" (default {row.default:,}, set by {row.setting})"))
    print("Set one for a command: ANALYSTKIT_PROGRESS=off analystkit extract data/articles --out tables/")
    return 0


def _load(args: argparse.Namespace, **options):
    """Load the corpus (printing the loader's warnings); None when nothing could be loaded."""
    from .corpus import load
    from .errors import NothingLoadedError

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            corpus = load(*args.paths, metadata=args.metadata, fetch=bool(getattr(args, "fetch", False)), **options)
        except NothingLoadedError as error:
            _say(f"analystkit: {error}")
            return None, error
    for warning in caught:
        _say(f"analystkit: warning: {warning.message}")
    return corpus, None


def _all_failed(corpus, report_file: str = "the load report") -> str:
    """The catalogue message when no article was extracted ('' when some were)."""
    from .errors import Errors

    report = corpus.load_report
    articles = report[report.article_id.astype(str) != ""]
    if len(articles) and not (articles.status == "loaded").any():
        examples = "; ".join(f"{r.article_id}: {r.reason}" for r in articles.head(3).itertuples())
        return Errors.AK044.format(n=len(articles), examples=examples[:600], report=report_file)
    return ""


def _ledger(args: argparse.Namespace) -> int:
    from .claims_ledger import ledger, write_ledger

    from .settings import show_progress

    nlp = None
    if args.model and args.jobs == 1:
        from .nlp.model import load_model

        nlp = load_model(args.model)  # a wrong name is said now, not after loading every file
    corpus, _ = _load(args, nlp=nlp, model=args.model, jobs=args.jobs)
    if corpus is None:
        return 1
    corpus.progress = not args.quiet and show_progress()
    frame = ledger(corpus)
    failed = _all_failed(corpus)
    path = write_ledger(frame, args.out)
    _say(f"{len(corpus)} articles, {len(frame)} claims: wrote {path}", sys.stdout)
    if failed:
        _say(f"analystkit: {failed}")
        return 1
    return 0


def _extract(args: argparse.Namespace) -> int:
    from .io.outputs import mark_output
    from .io.spreadsheet import write_csv
    from .settings import show_progress

    nlp = None
    if args.model and args.jobs == 1 and args.engine == "local":
        from .nlp.model import load_model

        nlp = load_model(args.model)  # a wrong name is said now, not after loading every file
    corpus, error = _load(args, nlp=nlp, model=args.model, jobs=args.jobs)
    if corpus is None:
        if error is not None and error.load_report is not None and len(error.load_report):
            target = Path(args.out) / "load_report.csv"
            write_csv(error.load_report, target)
            mark_output(args.out, [target], kind="tables")
            _say(f"analystkit: the load report is in {target}")
        return 1
    corpus.progress = not args.quiet and show_progress()
    if args.engine == "dask":
        from .distributed import extract_with_dask

        written = extract_with_dask(corpus, args.out, scheduler=args.scheduler, partitions=args.partitions, fmt=args.format)
    else:
        written = corpus.to_files(args.out, fmt=args.format)
    report = corpus.load_report
    _say(f"{len(corpus)} articles loaded, {int((report.status == 'skipped').sum())} skipped, {int((report.status == 'failed').sum())} failed", sys.stdout)
    for path in written:
        _say(f"wrote {path}", sys.stdout)
    failed = _all_failed(corpus, str(Path(args.out) / f"load_report.{args.format}"))
    if failed:
        _say(f"analystkit: {failed}")
        return 1
    return 0


def _fetched_folder(paths: list[str], folder: Path, metadata: str | None = None) -> list[str] | None:
    """Load ``paths`` with fetching and write every article into ``folder`` as .md; the folder, or None."""
    from .errors import NothingLoadedError
    from .io.fetch import write_markdown
    from .io.loader import read_articles

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            articles, report = read_articles(*paths, metadata=metadata, fetch=True)
        except NothingLoadedError as error:
            _say(f"analystkit: {error}")
            return None
    for warning in caught:
        _say(f"analystkit: warning: {warning.message}")
    written = write_markdown(articles, folder)
    _say(f"fetched and wrote {len(written)} article(s) to {folder}", sys.stdout)
    return [str(folder)]


def _fetch(args: argparse.Namespace) -> int:
    from .errors import NothingLoadedError
    from .io.fetch import write_markdown
    from .io.loader import read_articles

    try:
        articles, report = read_articles(*args.paths, fetch=True, warn_problems=False)
    except NothingLoadedError as error:
        _say(f"analystkit: {error}")
        return 1
    written = write_markdown(articles, Path(args.out))
    for row in report[report.status != "loaded"].itertuples():
        _say(f"analystkit: {Path(row.path).name}{' ' + row.part if row.part else ''}: {row.status}, {row.reason}")
    _say(f"{len(written)} article(s) written to {args.out}, {int((report.status == 'failed').sum())} failed", sys.stdout)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
