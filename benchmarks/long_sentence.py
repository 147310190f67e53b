"""Extraction time of one long paragraph without sentence punctuation: does it grow linearly?

    .venv/bin/python benchmarks/long_sentence.py                          # 25K, 50K, 100K, 200K characters
    .venv/bin/python benchmarks/long_sentence.py --sizes 5000,10000,20000 # a quick look
    .venv/bin/python benchmarks/long_sentence.py --stop-after 120         # skip larger sizes once one takes > 120 s

Each article is one paragraph of news-like clauses (sources that say, hedges, quoted
words, dates) joined by commas and conjunctions, with no ``.``, ``!`` or ``?``: a
sentence splitter finds no sentence end in it, so without a sentence-length limit
(``max_sentence_chars``, :mod:`analystkit.limits`) the whole paragraph is one sentence.
The text is generated from a fixed seed, so every run measures the same input.

For each size the script extracts every table (row cache off, model loaded and one short
article extracted beforehand, one process), checks that every sentence and claim row indexes the text exactly, and
prints the time, the characters per second, the number of sentences and claims, and
the growth ratio ``t(n) / t(previous n)`` against the size ratio: linear growth gives
a time ratio close to the size ratio (2.0 when the size doubles), quadratic growth
twice that. The last line is the overall exponent ``log(t_last / t_first) /
log(n_last / n_first)``: about 1 for linear time, about 2 for quadratic.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SUBJECTS = ["officials", "the ministry", "a senior commander", "Ukrainian forces", "the Kremlin", "residents", "analysts",
            "the governor", "NATO diplomats", "aid workers", "a spokesman for the army", "local journalists"]
VERBS = ["said", "told reporters", "claimed", "warned", "insisted", "suggested", "denied", "reported", "confirmed", "believed"]
HEDGES = ["may", "might", "could", "would probably", "is likely to", "appeared to", "seemed to", "will almost certainly"]
EVENTS = ["withdraw from the city", "resume the talks", "open the corridor", "shell the bridge", "reinforce the river bank",
          "release the prisoners", "cut the power lines", "announce a ceasefire", "move the equipment east"]
TIMES = ["on Wednesday", "last month", "early in November", "two weeks ago", "since February 24", "on Monday night", "this year"]
JOINS = [", and", ", but", ", while", ", which meant that", ", although", "; meanwhile", ", as", ", so"]


def long_paragraph(chars: int, *, seed: int = 19) -> str:
    """A paragraph of about ``chars`` characters with no sentence-final punctuation."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < chars:
        subject, verb, hedge, event, when = (rng.choice(x) for x in (SUBJECTS, VERBS, HEDGES, EVENTS, TIMES))
        form = rng.randrange(4)
        if form == 0:
            clause = f"{subject} {verb} the troops {hedge} {event} {when}"
        elif form == 1:
            clause = f"according to {subject} the army {hedge} {event} {when}"
        elif form == 2:
            clause = f"{subject} {verb} “we {hedge} {event}” {when}"
        else:
            clause = f"{when} {subject} {verb} that Russia {hedge} {event}"
        piece = (rng.choice(JOINS) + " " if parts else "") + clause
        parts.append(piece)
        size += len(piece)
    text = "".join(parts)[:chars].rstrip(" ,;")
    return text[0].upper() + text[1:]


def measure(chars: int, nlp, folder: Path) -> dict:
    import analystkit as ak

    path = folder / f"long_{chars}.txt"
    text = long_paragraph(chars)
    path.write_text(text + "\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = ak.load(path, nlp=nlp)
        start = time.perf_counter()
        corpus.articles  # every per-article table is extracted here
        seconds = time.perf_counter() - start
    article = corpus.articles.text.iloc[0]
    for name in ("sentences", "claims", "hedges"):
        for row in corpus.table(name).itertuples(index=False):
            assert article[row.start : row.end] == row.text, f"{name}: offsets do not match"
    status = corpus.load_report.status.tolist()
    return {
        "chars": len(text), "seconds": round(seconds, 2), "chars_per_s": round(len(text) / max(seconds, 1e-9)),
        "sentences": len(corpus.sentences), "claims": len(corpus.table("claims")), "status": ",".join(status),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="25000,50000,100000,200000", help="comma-separated paragraph lengths in characters")
    parser.add_argument("--stop-after", type=float, default=None, help="skip the larger sizes once one takes longer than this many seconds")
    parser.add_argument("--json", action="store_true", help="print the results as JSON too")
    args = parser.parse_args(argv)
    sizes = sorted(int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip())
    os.environ["ANALYSTKIT_CACHE"] = "off"
    sys.path.insert(0, str(ROOT))
    import analystkit as ak

    nlp = ak.load_model()
    limit = ak.limits.get("max_sentence_chars") if hasattr(ak, "limits") else None
    print(f"analystkit {ak.__version__}; max_sentence_chars = {limit}; model {nlp.meta.get('name')} {nlp.meta.get('version')}")
    print(f"{'chars':>9} {'seconds':>9} {'chars/s':>9} {'sentences':>9} {'claims':>7} {'size x':>7} {'time x':>7}")
    results: list[dict] = []
    with tempfile.TemporaryDirectory() as folder:
        measure(500, nlp, Path(folder))  # warm-up: gazetteers and lexicons load on the first extraction
        for chars in sizes:
            row = measure(chars, nlp, Path(folder))
            if results:
                row["size_ratio"] = round(row["chars"] / results[-1]["chars"], 2)
                row["time_ratio"] = round(row["seconds"] / max(results[-1]["seconds"], 1e-9), 2)
            results.append(row)
            print(f"{row['chars']:>9,} {row['seconds']:>9.2f} {row['chars_per_s']:>9,} {row['sentences']:>9} {row['claims']:>7} "
                  f"{row.get('size_ratio', ''):>7} {row.get('time_ratio', ''):>7}", flush=True)
            if args.stop_after is not None and row["seconds"] > args.stop_after:
                skipped = [s for s in sizes if s > chars]
                if skipped:
                    print(f"stopped: {row['seconds']:.0f} s > {args.stop_after:.0f} s; skipped {', '.join(f'{s:,}' for s in skipped)}")
                break
    if len(results) >= 2:
        first, last = results[0], results[-1]
        exponent = math.log(max(last["seconds"], 1e-9) / max(first["seconds"], 1e-9)) / math.log(last["chars"] / first["chars"])
        print(f"growth exponent {first['chars']:,} → {last['chars']:,} characters: {exponent:.2f} (1 = linear, 2 = quadratic)")
    if args.json:
        print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
