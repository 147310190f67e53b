"""Speed, memory, scaling, parallelism and cache benchmark of the extraction.

    .venv/bin/python benchmarks/bench.py                 # quick: 100 / 200 releases
    .venv/bin/python benchmarks/bench.py --n 1833        # the whole White House 2022 corpus
    .venv/bin/python benchmarks/bench.py --only speed    # one measurement

Over ``../shared/corpus/whitehouse-2022/`` (1,833 releases, Markdown with front
matter), sorted by file name, the first N articles (a documented, deterministic
subset). Each measurement prints one row; the closing table is Markdown, ready for
``benchmarks/README.md``:

* speed — (a) bare ``nlp.pipe`` with the same model and no kit components over the
  same texts, (b) the full extraction into every table, cache off, one process;
  articles/s, tokens/s and the ratio (b)/(a) — paired chunk by chunk inside one run
  (headline) and as whole runs (see :func:`bench_speed`);
* memory — peak RSS of a fresh process extracting 100 articles and N articles;
* linear — extraction time for N/2 and for N articles (ratio should be ≤ 2.1);
* jobs — extraction with 2 worker processes against 1 (speed-up, identical tables);
* cache — the same corpus extracted twice with the row cache on (second run's share);
* import — time of ``import analystkit`` in a fresh interpreter;
* report — end-to-end ``analystkit report --jobs J`` over the same N files (fresh cache: extraction,
  every notebook, the ledger, the index) against the bare ``nlp.pipe`` of the same texts with
  ``n_process=J`` (and with one process), measured in one run: minutes and the ratio (issue 16).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "whitehouse-2022"
#: the clock the speed measurement reads (``--clock``): wall time, or this process's CPU time
#: (``time.process_time``), which other jobs on a shared machine disturb much less
CLOCK = [time.perf_counter]


def corpus_files(corpus: Path, n: int) -> list[Path]:
    return sorted(corpus.glob("*.md"))[:n]


def load(files: list[Path]):
    import warnings

    import analystkit as ak

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ak.load(*files)


def time_extraction(files: list[Path], *, jobs: int = 1, cache: str = "off") -> tuple[float, object]:
    os.environ["ANALYSTKIT_CACHE"] = cache
    corpus = load(files)
    corpus.jobs = jobs
    corpus.nlp  # load the model outside the timing
    start = CLOCK[0]()
    corpus.articles
    return CLOCK[0]() - start, corpus


def bench_speed(files: list[Path], repeat: int = 4, *, whole: bool = True) -> dict:
    """Bare pipe against the full extraction, measured two ways (cache off, one process).

    *Paired* (the headline figure): one run of the real extraction path
    (``Corpus`` → :func:`analystkit.parallel.extract_chunk` over chunks of 16
    articles → every table, the corpus-level ``actors`` and ``integrity`` included),
    in which every chunk is also parsed by the bare pipeline right before or after it
    (the order alternates chunk by chunk, and the first chunk's order repeat by repeat). Bare
    time is the sum over chunks; full time is the run's time minus that sum. Interleaving at the
    chunk level cancels the slow drift of this shared machine's speed, which whole runs seconds
    apart do not. Repeated ``repeat`` times: ``paired_ratios`` each, ``median_ratio`` their median.

    *Order matters*: in a pair, whichever pipeline parses a chunk first is slower than the one that
    parses the same texts right after it (a long article's chunk: 5.7 s bare and 8.1 s kit when the kit
    went first, 7.1 s bare and 6.2 s kit when the bare parse did; the cause is not settled: with glibc's
    trim and mmap thresholds fixed by environment the bare parse no longer showed it, the kit's chunk
    still did). 100 releases make 7 chunks, so within one repeat one order comes up
    once more than the other and single repeats swing between ~1.05 and ~1.30 with the parity. The
    first chunk's order therefore alternates repeat by repeat, and with an even ``repeat`` (default 4)
    ``ratio`` is the **balanced** figure: the summed full time over the summed bare time of all repeats,
    where every chunk had each order equally often (an odd ``repeat`` falls back to the median).

    *Fastest of each* (``fastest_ratio``): per chunk the fastest bare parse and the
    fastest extraction over the repeats, plus the fastest corpus-level finish. Another job's burst
    of work on a shared machine only adds time, to whichever side it happens to meet (a single
    repeat's ratio moved between 1.06 and 1.48 here while a second job ran); the fastest of each
    is the least disturbed figure for both sides alike. ``--clock cpu`` times this process's CPU
    time instead of the wall clock.

    *Whole runs*: bare ``nlp.pipe`` over all texts, then a separate full extraction,
    alternated ``repeat`` times; fastest of each (±20 % run to run here). ``whole=False``
    (``--paired-only``) skips them.
    """
    import statistics

    import analystkit as ak
    from analystkit import parallel

    corpus = load(files)
    texts = corpus._articles.text.tolist()
    bare = ak.load_model(components=False)
    list(bare.pipe(texts[:5]))
    time_extraction(files[:5])  # load the kit's model and build its gazetteer outside the timings

    original = parallel.extract_chunk
    paired_bare, paired_full, paired_ratios = [], [], []
    chunk_bare: list[list[float]] = []  # per repeat, per chunk: the bare parse's seconds
    chunk_full: list[list[float]] = []  # per repeat, per chunk: extract_chunk's seconds
    outside: list[float] = []  # per repeat: the run's time outside the chunks (corpus-level tables)
    tokens = 0
    for rep in range(repeat):
        state = {"bare": 0.0, "chunks": 0, "tokens": 0}
        bare_each: list[float] = []
        full_each: list[float] = []

        def paired(chunk, **kwargs):
            chunk_texts = [r["text"] for r in chunk]

            def run_bare() -> None:
                start = CLOCK[0]()
                state["tokens"] += sum(len(doc) for doc in bare.pipe(chunk_texts, batch_size=16))
                seconds = CLOCK[0]() - start
                state["bare"] += seconds
                bare_each.append(seconds)

            # The order alternates chunk by chunk, and the first chunk's order alternates repeat by
            # repeat: with an odd number of chunks one order would otherwise always come up once more.
            first = (state["chunks"] + rep) % 2 == 0
            state["chunks"] += 1
            if first:
                run_bare()
            start = CLOCK[0]()
            rows = original(chunk, **kwargs)
            full_each.append(CLOCK[0]() - start)
            if not first:
                run_bare()
            return rows

        parallel.extract_chunk = paired
        try:
            total = time_extraction(files)[0]
        finally:
            parallel.extract_chunk = original
        full = total - state["bare"]
        tokens = state["tokens"]
        paired_bare.append(state["bare"])
        paired_full.append(full)
        paired_ratios.append(full / state["bare"])
        chunk_bare.append(bare_each)
        chunk_full.append(full_each)
        outside.append(full - sum(full_each))
    # Fastest of each: per chunk, the fastest bare parse and the fastest extraction over the repeats
    # (and the fastest corpus-level finish). A neighbour's burst of work on a shared machine only
    # ever adds time, to whichever side it meets; the fastest of each is the least disturbed.
    fastest_bare = sum(min(times) for times in zip(*chunk_bare))
    fastest_full = sum(min(times) for times in zip(*chunk_full)) + min(outside)

    bare_times, full_times = [], []
    for _ in range(repeat if whole else 0):
        start = CLOCK[0]()
        sum(len(doc) for doc in bare.pipe(texts, batch_size=16))
        bare_times.append(CLOCK[0]() - start)
        full_times.append(time_extraction(files)[0])

    median = statistics.median(paired_ratios)
    # Over an even number of repeats every chunk has had each order equally often: the ratio of the
    # summed times is balanced; a single repeat's ratio is not (see the docstring).
    balanced = sum(paired_full) / sum(paired_bare)
    k = paired_ratios.index(sorted(paired_ratios)[len(paired_ratios) // 2])
    bare_s, full_s = paired_bare[k], paired_full[k]
    result = {
        "articles": len(texts), "tokens": tokens, "repeat": repeat,
        "bare_s": round(bare_s, 1), "full_s": round(full_s, 1),
        "bare_articles_per_s": round(len(texts) / bare_s, 1), "full_articles_per_s": round(len(texts) / full_s, 1),
        "bare_tokens_per_s": round(tokens / bare_s), "full_tokens_per_s": round(tokens / full_s),
        "ratio": round(balanced if repeat % 2 == 0 else median, 3),
        "median_ratio": round(median, 3),
        "fastest_ratio": round(fastest_full / fastest_bare, 3),
        "paired_ratios": [round(r, 3) for r in paired_ratios],
        "paired_bare_s": [round(b, 2) for b in paired_bare], "paired_full_s": [round(f, 2) for f in paired_full],
    }
    if not whole:
        return result
    return {
        **result,
        "whole_bare_s": round(min(bare_times), 1), "whole_full_s": round(min(full_times), 1),
        "whole_ratio": round(min(full_times) / min(bare_times), 3),
        "whole_ratios_each_run": [round(f / b, 3) for b, f in zip(bare_times, full_times)],
    }


def peak_rss_mb(n: int, corpus: Path) -> float:
    code = (
        "import resource, sys; sys.path.insert(0, %r); import bench; "
        "files = bench.corpus_files(bench.Path(%r), %d); bench.time_extraction(files); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    ) % (str(Path(__file__).parent), str(corpus), n)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env={**os.environ, "ANALYSTKIT_CACHE": "off"})
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def bench_memory(n: int, corpus: Path) -> dict:
    small, large = peak_rss_mb(min(100, n), corpus), peak_rss_mb(n, corpus)
    return {"rss_100_mb": round(small), f"rss_{n}_mb": round(large), "ratio": round(large / small, 3)}


def bench_linear(files: list[Path]) -> dict:
    half, _ = time_extraction(files[: len(files) // 2])
    full, _ = time_extraction(files)
    return {"n_half": len(files) // 2, "half_s": round(half, 1), "n": len(files), "full_s": round(full, 1), "ratio": round(full / half, 3)}


def bench_jobs(files: list[Path]) -> dict:
    one, c1 = time_extraction(files, jobs=1)
    two, c2 = time_extraction(files, jobs=2)
    same = all(c1.table(n).equals(c2.table(n)) for n in c1.table_names)
    return {"one_s": round(one, 1), "two_s": round(two, 1), "speedup": round(one / two, 3), "identical": same}


def bench_cache(files: list[Path]) -> dict:
    folder = tempfile.mkdtemp(prefix="ak-bench-cache-")
    first, _ = time_extraction(files, cache=folder)
    second, corpus = time_extraction(files, cache=folder)
    return {"first_s": round(first, 1), "second_s": round(second, 2), "share": round(second / first, 4), "hits": corpus.cache_hits}


def bench_import() -> dict:
    times = []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-X", "importtime", "-c", "import analystkit"], capture_output=True, text=True, check=True)
        last = [line for line in out.stderr.splitlines() if line.rstrip().endswith("| analystkit")]
        times.append(int(last[-1].split("|")[1]) / 1e6)
    return {"import_s": round(min(times), 4)}


def bench_report(files: list[Path], jobs: int = 2) -> dict:
    """Bare parse (``n_process=jobs`` and 1) against ``analystkit report --jobs jobs`` end to end."""
    import shutil

    import analystkit as ak

    corpus = load(files)
    texts = corpus._articles.text.tolist()
    bare = ak.load_model(components=False)
    list(bare.pipe(texts[:5]))
    start = time.perf_counter()
    tokens = sum(len(doc) for doc in bare.pipe(texts, batch_size=16, n_process=jobs))
    bare_jobs = time.perf_counter() - start
    start = time.perf_counter()
    sum(len(doc) for doc in bare.pipe(texts, batch_size=16))
    bare_one = time.perf_counter() - start
    work = Path(tempfile.mkdtemp(prefix="ak-bench-report-"))
    folder = work / "articles"
    folder.mkdir()
    for path in files:
        (folder / path.name).symlink_to(path.resolve())
    env = dict(os.environ, ANALYSTKIT_CACHE=str(work / "cache"), ANALYSTKIT_PROGRESS="off", PYTHONHASHSEED="0")
    command = [str(Path(sys.executable).parent / "analystkit"), "report", str(folder), "--out", str(work / "report"), "--jobs", str(jobs)]
    start = time.perf_counter()
    run = subprocess.run(command, env=env, capture_output=True, text=True)
    report_s = time.perf_counter() - start
    pages = sorted(p.name for p in (work / "report").glob("*.html"))
    sizes = {p.name: round(p.stat().st_size / 1e6, 2) for p in (work / "report").glob("*.html")}
    shutil.rmtree(work / "cache", ignore_errors=True)
    phases = re.search(r"time: extraction (\d+) s, notebooks (\d+) s \((.*)\), index (\d+) s", run.stdout)
    return {
        **({"extraction_min": round(int(phases[1]) / 60, 2), "notebooks_min": round(int(phases[2]) / 60, 2), "slowest_notebooks": phases[3],
            "index_min": round(int(phases[4]) / 60, 2)} if phases else {}),
        "articles": len(texts), "tokens": tokens, "jobs": jobs, "returncode": run.returncode,
        "bare_jobs_min": round(bare_jobs / 60, 2), "bare_one_min": round(bare_one / 60, 2), "report_min": round(report_s / 60, 2),
        "ratio": round(report_s / bare_jobs, 3), "ratio_vs_one_process": round(report_s / bare_one, 3),
        "pages": len(pages), "largest_page_mb": max(sizes.values(), default=0), "report_dir": str(work / "report"),
    }


def machine() -> str:
    try:
        import threadpoolctl

        blas = ",".join(sorted({i.get("internal_api", "") for i in threadpoolctl.threadpool_info()}))
    except ImportError:  # pragma: no cover
        blas = "?"
    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, BLAS {blas}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--n", type=int, default=200, help="articles (first N by file name); default 200")
    parser.add_argument("--only", choices=("speed", "memory", "linear", "jobs", "cache", "import", "report"), action="append")
    parser.add_argument("--repeat", type=int, default=4, help="speed: paired runs, and alternated whole runs, this many times each (default 4; even, so the pair orders balance)")
    parser.add_argument("--paired-only", action="store_true", help="speed: the paired runs only, no whole runs (half the time)")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall", help="speed: wall time (default) or this process's CPU time (steadier on a machine shared with other jobs)")
    parser.add_argument("--jobs", type=int, default=2, help="report: worker processes for the report and the bare parse (default 2)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).parent))
    CLOCK[0] = time.process_time if args.clock == "cpu" else time.perf_counter
    files = corpus_files(args.corpus, args.n)
    if not files:
        print(f"no .md files in {args.corpus}", file=sys.stderr)
        return 2
    wanted = args.only or ["speed", "memory", "linear", "jobs", "cache", "import"]
    results: dict[str, dict] = {}
    for name in wanted:
        start = time.perf_counter()
        if name == "speed":
            results[name] = bench_speed(files, repeat=args.repeat, whole=not args.paired_only)
        elif name == "memory":
            results[name] = bench_memory(len(files), args.corpus)
        elif name == "linear":
            results[name] = bench_linear(files)
        elif name == "jobs":
            results[name] = bench_jobs(files)
        elif name == "cache":
            results[name] = bench_cache(files)
        elif name == "import":
            results[name] = bench_import()
        elif name == "report":
            results[name] = bench_report(files, jobs=args.jobs)
        print(f"{name:7} {json.dumps(results[name])}  ({time.perf_counter() - start:.0f} s)", flush=True)
    print(f"\nMachine: {machine()}; corpus: first {len(files)} files of {args.corpus.name}\n")
    print("| measurement | result | target |\n|---|---|---|")
    targets = {"speed": "ratio ≤ 1.20", "memory": "ratio ≤ 1.5", "linear": "ratio ≤ 2.1", "jobs": "speed-up ≥ 1.6, identical", "cache": "share ≤ 0.05", "import": "≤ 0.3 s", "report": "ratio ≤ 1.5"}
    for name, value in results.items():
        print(f"| {name} | {', '.join(f'{k}={v}' for k, v in value.items())} | {targets[name]} |")
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "n": len(files), "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
