"""Where the kit's share of the extraction time goes: each spaCy component, each extractor,
each flag rule and the corpus-level finalisation, timed alone over the same parsed articles.

    .venv/bin/python benchmarks/profile_steps.py                 # first 100 White House releases
    .venv/bin/python benchmarks/profile_steps.py --n 100 --rounds 2 --cprofile /tmp/kit.prof
    .venv/bin/python benchmarks/profile_steps.py --clock cpu   # this process's CPU time, not wall time

The model's own components (tok2vec, tagger, parser, ner, ...) run once per article
and are timed too (the bare parse), so the table shows the kit's part against it. The
kit's part (components, then ``extract_article`` with per-extractor timers, then
``finalise``) is repeated ``--rounds`` times on fresh copies of the bare-parsed Docs;
the fastest round of each step counts. ``--cprofile`` writes a profile of one round of
the kit's part (read it with ``python -m pstats``). ``--clock cpu`` times every step by the
process's CPU time (``time.process_time``) instead of the wall clock: on a machine shared with
other jobs the wall time of a step grows with their load, its CPU time much less. Cache off,
one process.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from collections import defaultdict
from pathlib import Path

#: the clock every step is timed by (``--clock``)
CLOCK = {"wall": time.perf_counter, "cpu": time.process_time}
clock = time.perf_counter

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "whitehouse-2022"


def kit_round(nlp, kit_names, bare_docs, records, timers):
    """One round of the kit's part over copies of the bare Docs; adds each step's seconds to ``timers``."""
    from spacy.tokens import Doc

    from analystkit import extract
    from analystkit.extract import flags as flag_rules
    from analystkit.finalise import finalise
    from analystkit.nlp.doc import ArticleDoc, release
    from analystkit.schema import frame

    components = [(name, proc) for name, proc in nlp.pipeline if name in kit_names]
    order = extract.extraction_order()
    originals = {name: extract.EXTRACTORS[name] for name in order}
    rules = flag_rules.RULES

    def timed(key, function):
        def run(*args, **kwargs):
            start = clock()
            try:
                return function(*args, **kwargs)
            finally:
                timers[key] += clock() - start

        run.__name__ = getattr(function, "__name__", key)
        return run

    for name in order:
        extractor = originals[name]
        extract.EXTRACTORS[name] = extract.Extractor(name, timed(f"extract {name}", extractor.function), extractor.requires)
    flag_rules.RULES = tuple(timed(f"  flag {r.__name__}", r) for r in rules)
    from analystkit.nlp import model as model_module

    retag = getattr(model_module, "tag_only", None)  # re-tagging of fragment and name candidates (absent in older code)
    if retag is not None:
        model_module.tag_only = timed("  re-tagging (nlp.model.tag_only)", retag)
    retag_many = getattr(model_module, "tag_many", None)  # the same, batched (absent in older code)
    if retag_many is not None:
        model_module.tag_many = timed("  re-tagging (nlp.model.tag_many)", retag_many)
    # The chunk's batched work (parallel.extract_chunk: prepare_articles over each chunk of 16), absent in older code.
    prepare = getattr(extract.sentences, "prepare_sentences", None)
    per_article = []
    try:
        for first in range(0, len(records), 16):
            chunk = []
            for record, bare_doc in zip(records[first : first + 16], bare_docs[first : first + 16]):
                doc = Doc(bare_doc.vocab).from_bytes(bare_doc.to_bytes())
                for name, proc in components:
                    start = clock()
                    doc = proc(doc)
                    timers[f"component {name}"] += clock() - start
                start = clock()
                article = ArticleDoc.build(record["article_id"], doc, record)
                timers["ArticleDoc.build"] += clock() - start
                chunk.append((article, doc))
            if prepare is not None:
                start = clock()
                prepare([article for article, _ in chunk])
                timers["prepare sentences (per chunk)"] += clock() - start
            for article, doc in chunk:
                rows = extract.extract_article(article)
                release(doc)
                per_article.append(rows)
    finally:
        for name, extractor in originals.items():
            extract.EXTRACTORS[name] = extractor
        flag_rules.RULES = rules
        if retag is not None:
            model_module.tag_only = retag
        if retag_many is not None:
            model_module.tag_many = retag_many
    start = clock()
    tables = {name: frame(name, [row for rows in per_article for row in rows.get(name, [])]) for name in order}
    timers["tables (frames)"] += clock() - start
    import analystkit.finalise as fin

    original_tables = dict(fin.CORPUS_TABLES)
    for name, build in original_tables.items():
        fin.CORPUS_TABLES[name] = timed(f"  corpus table {name}", build)
    try:
        start = clock()
        finalise(records_frame(records), tables)
        timers["finalise (all)"] += clock() - start
    finally:
        fin.CORPUS_TABLES.update(original_tables)


_FRAME = {}


def records_frame(records):
    return _FRAME["articles"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--cprofile", type=Path, help="write a cProfile of one round of the kit's part here")
    parser.add_argument("--clock", choices=sorted(CLOCK), default="wall", help="wall time (default) or this process's CPU time")
    args = parser.parse_args(argv)
    global clock
    clock = CLOCK[args.clock]
    os.environ["ANALYSTKIT_CACHE"] = "off"
    import analystkit as ak
    from analystkit.nlp.model import load_model

    files = sorted(args.corpus.glob("*.md"))[: args.n]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = ak.load(*files, warn_problems=False)
    _FRAME["articles"] = corpus._articles
    records = corpus._articles.to_dict(orient="records")
    nlp = load_model()
    names = [name for name, _ in nlp.pipeline]
    # The kit's components after the model's last one run in the rounds; the ones before it
    # (the paragraph boundaries the parser respects) run in the first pass and are timed there.
    last_model = max(i for i, name in enumerate(names) if not name.startswith("analystkit_"))
    kit_names = set(names[last_model + 1 :])
    model_names = names[: last_model + 1]
    # The model's own components, timed one by one (the bare parse the kit's part adds to).
    model_timers: dict[str, float] = defaultdict(float)
    bare_docs = []
    list(nlp.pipe([r["text"] for r in records[:3]]))  # warm-up
    for record in records:
        start = clock()
        doc = nlp.make_doc(record["text"])
        model_timers["tokenizer"] += clock() - start
        for name, proc in nlp.pipeline[: last_model + 1]:
            start = clock()
            doc = proc(doc)
            model_timers[name] += clock() - start
        bare_docs.append(doc)
    early_kit = sum(v for k, v in model_timers.items() if k.startswith("analystkit_"))
    # Parse once with the kit's components too, so gazetteers and vocabularies are loaded.
    kit_round(nlp, kit_names, bare_docs[:3], records[:3], defaultdict(float))
    rounds = []
    for k in range(args.rounds):
        timers: dict[str, float] = defaultdict(float)
        if args.cprofile and k == 0:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
            kit_round(nlp, kit_names, bare_docs, records, timers)
            profiler.disable()
            profiler.dump_stats(str(args.cprofile))
        else:
            start = clock()
            kit_round(nlp, kit_names, bare_docs, records, timers)
            timers["ROUND wall"] = clock() - start
        rounds.append(timers)
    bare_total = sum(model_timers.values()) - early_kit
    print(f"{len(records)} articles, {sum(len(d) for d in bare_docs):,} tokens; model components (one pass, doc by doc): {bare_total:.2f} s (kit components before the parser listed, not counted)")
    for name in ["tokenizer", *model_names]:
        print(f"  {name:40} {model_timers[name]:7.3f}")
    keys = sorted({k for r in rounds for k in r}, key=lambda k: list(rounds[-1]).index(k) if k in rounds[-1] else 999)
    print(f"kit's part, {args.rounds} round(s) (min, then each):" + (" round 1 under cProfile" if args.cprofile else ""))
    for key in keys:
        values = [r.get(key, 0.0) for r in rounds]
        print(f"  {key:40} {min(values):7.3f}   " + " ".join(f"{v:7.3f}" for v in values))
    kit_keys = [k for k in keys if not k.startswith(" ") and k != "ROUND wall" and k != "finalise (all)"]
    totals = [sum(r.get(k, 0.0) for k in kit_keys) + r.get("finalise (all)", 0.0) for r in rounds]
    print(f"  {'TOTAL kit (components+build+extract+frames+finalise)':40} {min(totals):7.3f}   " + " ".join(f"{v:7.3f}" for v in totals))
    print(f"kit components before the parser (timed in the first pass): {early_kit:.3f} s")
    print(f"kit / model components: {(min(totals) + early_kit) / bare_total:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
