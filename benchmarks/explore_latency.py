"""Filter latency of ``ak.explore`` on a claims table the size of the White House corpus.

    .venv/bin/python benchmarks/explore_latency.py                  # ~60,000 claims
    .venv/bin/python benchmarks/explore_latency.py --claims 120000

The 1,833 White House 2022 releases give some 60,000 claims; extracting them takes
long, so this benchmark replicates the tables of the seed article and two sample
articles (extracted once, through the row cache) under distinct article ids until
the claims table has ``--claims`` rows, then times, in-kernel and without a browser:

* index — building the explorer (``ak.explore(tables, display=False)``: the
  claim x actor and claim x flag joins, the search text);
* each filter change, end to end as a click does it: set a widget's value, which
  recomputes the mask, the page (25 rows of HTML) and the reading pane.

Prints one Markdown row per measurement (median and worst of ``--repeat`` runs).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ["000_9cc23866541e5586", "2022-11-11_whitehouse_press-gaggle-sullivan-kherson-withdrawal", "2006-02-23_wikinews_iodine"]


def seed_tables() -> dict[str, pd.DataFrame]:
    import analystkit as ak

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = ak.load(*(ROOT / "data" / "articles" / f"{a}.txt" for a in ARTICLES), metadata=ROOT / "data" / "articles" / "metadata.csv")
    names = [n for n in ("articles", "claims", "entities", "hedges", "sentences", "flags") if n == "articles" or n in corpus.table_names]
    return {name: corpus.table(name) for name in names}


def replicate(tables: dict[str, pd.DataFrame], n_claims: int) -> dict[str, pd.DataFrame]:
    """Copies of every table, article ids suffixed ``~k``, until ``claims`` has >= n_claims rows."""
    copies = max(1, -(-n_claims // max(1, len(tables["claims"]))))
    out = {}
    for name, frame in tables.items():
        parts = [frame.assign(article_id=frame["article_id"].astype(str) + f"~{k}") for k in range(copies)]
        out[name] = pd.concat(parts, ignore_index=True)
    dates = pd.date_range("2022-01-01", periods=copies * len(tables["articles"]), freq="4h")
    out["articles"]["published"] = dates[: len(out["articles"])]
    return out


def timed(action, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=60_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    import analystkit as ak

    tables = replicate(seed_tables(), args.claims)
    print(f"{len(tables['claims']):,} claims, {len(tables['articles']):,} articles, {len(tables['entities']):,} entities, "
          f"{len(tables.get('flags', [])):,} flags", file=sys.stderr)
    start = time.perf_counter()
    app = ak.explore(tables, display=False)
    build = time.perf_counter() - start
    rows = [("index + first page (once)", [build])]

    def toggle(control, a, b):
        def act():
            control.value = b if control.value == a else a
        return act

    actor = app.index.actors()[0]
    rows.append(("hedged any ↔ hedged", timed(toggle(app.hedged, "any", "hedged"), args.repeat * 2)))
    rows.append((f"actor '' ↔ {actor}", timed(toggle(app.actor, "", actor), args.repeat * 2)))
    rows.append(("source type (all) ↔ unnamed", timed(toggle(app.source_type, "(all)", "unnamed"), args.repeat * 2)))
    rows.append(("certainty (0,1) ↔ (0.3,0.7)", timed(toggle(app.certainty, (0.0, 1.0), (0.3, 0.7)), args.repeat * 2)))
    if "flag_kind" in app.controls:
        kind = app.flag_kind.options[1]
        rows.append((f"flag (all) ↔ {kind}", timed(toggle(app.flag_kind, "(all)", kind), args.repeat * 2)))
    rows.append(("search '' ↔ 'withdraw'", timed(toggle(app.search, "", "withdraw"), args.repeat * 2)))
    app.actor.value, app.hedged.value, app.search.value = "", "any", ""
    rows.append(("next page", timed(lambda: app.go_to_page(app.page_number + 1), args.repeat * 2)))
    rows.append(("choose a claim", timed(lambda: app.select(int(app.page.index[1 if app.selected == app.page.index[0] else 0])), args.repeat * 2)))

    print(f"| explorer, {len(tables['claims']):,} claims | median ms | worst ms |")
    print("| --- | ---: | ---: |")
    for name, times in rows:
        print(f"| {name} | {statistics.median(times) * 1000:.0f} | {max(times) * 1000:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
