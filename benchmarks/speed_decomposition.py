"""Where the extraction's time goes against bare spaCy, chunk by chunk (cache off, one process).

The real extraction path runs over N releases; before or after each chunk (alternating) the bare
pipeline parses the same texts, as in ``bench.py``'s paired ratio. The kit pipeline's own
``nlp.pipe`` is timed inside the chunks, so the paired ratio splits into: the kit's parse against
the bare parse, the extraction in the chunks after the parse, and the corpus-level work after them.

    .venv/bin/python benchmarks/speed_decomposition.py --n 100 [--gc default|off|freeze]

``--gc off`` disables the cyclic garbage collector for the run; ``--gc freeze`` freezes what is
alive after the model is loaded and raises the collection threshold.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--corpus", default=str(Path(__file__).resolve().parents[2] / "shared" / "corpus" / "whitehouse-2022"))
    parser.add_argument("--gc", choices=("default", "off", "freeze"), default="default")
    args = parser.parse_args()
    os.environ["ANALYSTKIT_CACHE"] = "off"

    import analystkit as ak
    from analystkit import parallel

    files = sorted(Path(args.corpus).glob("*"))[: args.n]
    bare = ak.load_model(components=False)
    bench.time_extraction(files[:5])  # load the kit's model and its gazetteer outside the timings
    corpus = bench.load(files)
    kit = corpus.nlp
    times = {"bare": 0.0, "kit_parse": 0.0, "chunks": 0.0}
    kit_pipe = kit.pipe

    def timed_pipe(*a, **k):
        start = time.perf_counter()
        docs = list(kit_pipe(*a, **k))
        times["kit_parse"] += time.perf_counter() - start
        return iter(docs)

    kit.pipe = timed_pipe
    original = parallel.extract_chunk
    count = [0]

    def paired(chunk, **kwargs):
        texts = [r["text"] for r in chunk]

        def run_bare() -> None:
            start = time.perf_counter()
            list(bare.pipe(texts, batch_size=16))
            times["bare"] += time.perf_counter() - start

        first = count[0] % 2 == 0
        count[0] += 1
        if first:
            run_bare()
        start = time.perf_counter()
        rows = original(chunk, **kwargs)
        times["chunks"] += time.perf_counter() - start
        if not first:
            run_bare()
        return rows

    parallel.extract_chunk = paired
    if args.gc == "off":
        gc.disable()
    elif args.gc == "freeze":
        gc.collect()
        gc.freeze()
        gc.set_threshold(50000, 50, 100)
    start = time.perf_counter()
    corpus.articles
    total = time.perf_counter() - start
    full = total - times["bare"]
    print(f"bare parse {times['bare']:.2f} s, kit parse {times['kit_parse']:.2f} s, extraction in chunks "
          f"{times['chunks'] - times['kit_parse']:.2f} s, after them {full - times['chunks']:.2f} s")
    print(f"paired ratio {full / times['bare']:.3f}; kit parse / bare parse {times['kit_parse'] / times['bare']:.3f}; gc {args.gc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
