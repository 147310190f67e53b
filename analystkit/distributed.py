"""Extraction on a Dask cluster, written as partitioned Parquet (or CSV).

    analystkit extract PATH... --out DIR --engine dask [--scheduler tcp://host:8786] [--partitions N]

The corpus's article records are split into partitions and the work runs in two rounds,
so the tables are identical to the single-process ones (tested):

1. **extract**: each partition runs :func:`analystkit.parallel.extract_chunk` on a Dask
   worker (the same function as the single-process path) and writes its raw per-article
   rows to ``DIR/.raw/<table>/part-NNNNN.parquet``;
2. **finalise**: the client reads the raw entities, finds the actor forms to join across
   articles (:func:`analystkit.finalise.corpus_aliases`), and each partition is finalised
   on a worker with them (:func:`analystkit.finalise.finalise_partition`: actors joined,
   claim certainty) into ``DIR/<table>/part-NNNNN.parquet``.

The client then writes the corpus tables (``articles``, ``actors``, ``integrity``,
``load_report``) as single files and removes ``DIR/.raw``. Without ``--scheduler`` a
``LocalCluster`` with one worker process per core is started and stopped.

For a team cluster: install the same ``requirements.lock`` (the kit and its model)
on every worker, start ``dask scheduler`` and ``dask worker tcp://SCHEDULER:8786``
on the machines, and pass ``--scheduler tcp://SCHEDULER:8786``. The output folder
must be reachable by every worker under the same path (a shared file system).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from .parallel import chunks, extract_chunk

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .corpus import Corpus

#: The staging folder of the raw per-article rows, inside the output folder.
RAW = ".raw"
#: Inside it, a Parquet copy of the finalised tables when the output format is CSV.
FINAL = "final"


def _write(frame: "pd.DataFrame", path: str, fmt: str) -> None:
    """Parquet, or CSV through the kit's spreadsheet-safe writer (:mod:`analystkit.io.spreadsheet`)."""
    from .io.spreadsheet import write_csv

    os.makedirs(os.path.dirname(path), exist_ok=True)
    if fmt == "parquet":
        frame.to_parquet(path, index=False)
    else:
        write_csv(frame, path)


def _extract_partition(records: list[dict], index: int, out: str, model: str | None) -> dict[str, int]:
    """Run on a worker: extract a partition, write its raw rows (Parquet, whatever the output format)."""
    from .extract import extraction_order
    from .schema import frame

    per_article = extract_chunk(records, model=model)
    counts = {}
    for name in extraction_order():
        table = frame(name, [row for article in per_article for row in article.get(name, [])])
        _write(table, os.path.join(out, RAW, name, f"part-{index:05d}.parquet"), "parquet")
        counts[name] = len(table)
    return counts


def _finalise_partition(index: int, out: str, fmt: str, aliases: dict[str, str]) -> dict[str, int]:
    """Run on a worker: finalise one partition's raw rows and write its tables."""
    import pandas as pd

    from .extract import extraction_order
    from .finalise import finalise_partition

    names = extraction_order()
    raw = {name: pd.read_parquet(os.path.join(out, RAW, name, f"part-{index:05d}.parquet")) for name in names}
    tables = finalise_partition(raw, aliases)
    for name in names:
        _write(tables[name], os.path.join(out, name, f"part-{index:05d}.{fmt}"), fmt)
        if fmt != "parquet":  # the corpus tables are built from a faithful copy, not from CSV
            _write(tables[name], os.path.join(out, RAW, FINAL, name, f"part-{index:05d}.parquet"), "parquet")
    return {name: len(tables[name]) for name in names}


def extract_with_dask(
    corpus: "Corpus",
    out: str | os.PathLike,
    *,
    scheduler: str | None = None,
    partitions: int | None = None,
    fmt: str = "parquet",
    n_workers: int | None = None,
) -> list[Path]:
    """Extract ``corpus`` on a Dask cluster into ``out/<table>/part-*.{parquet,csv}`` (see the module docstring)."""
    from .optional import require

    dask_distributed = require("dask.distributed", feature="Extracting with --engine dask")
    Client, LocalCluster = dask_distributed.Client, dask_distributed.LocalCluster

    from .extract import extraction_order
    from .finalise import corpus_aliases, corpus_tables, finalise_articles

    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = str(out_dir.resolve())
    records = corpus._articles.to_dict(orient="records")
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=n_workers or os.cpu_count() or 1, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})) or 1)
        count = partitions or workers * 4
        size = max(1, -(-len(records) // count))
        parts = list(chunks(records, size))
        client.gather([client.submit(_extract_partition, chunk, i, target, corpus._model_name, pure=False) for i, chunk in enumerate(parts)])
        texts = {record["article_id"]: record.get("text") for record in records}
        aliases = corpus_aliases(read_partitioned(out_dir / RAW, "entities"), read_partitioned(out_dir / RAW, "claims"), texts)
        client.gather([client.submit(_finalise_partition, i, target, fmt, aliases, pure=False) for i in range(len(parts))])
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    corpus.corpus_aliases = aliases
    final = out_dir if fmt == "parquet" else out_dir / RAW / FINAL
    tables = {name: read_partitioned(final, name) for name in extraction_order()}
    shutil.rmtree(out_dir / RAW, ignore_errors=True)
    tables["articles"] = finalise_articles(corpus._articles, tables["sentences"])
    written = sorted(out_dir.glob(f"*/part-*.{fmt}"))
    for name, table in {"articles": tables["articles"], **corpus_tables(tables), "load_report": corpus.load_report}.items():
        path = out_dir / f"{name}.{fmt}"
        _write(table, str(path), fmt)
        written.insert(0, path)
    from .io.outputs import mark_output

    mark_output(out_dir, written, kind="tables")
    return written


def read_partitioned(out: str | os.PathLike, table: str, *, fmt: str = "parquet") -> "pd.DataFrame":
    """Read back one table written by :func:`extract_with_dask`, partitions in order."""
    import pandas as pd

    from .io.spreadsheet import read_csv_table
    from .schema import frame, typed

    parts = sorted(Path(out, table).glob(f"part-*.{fmt}"))
    reader = pd.read_parquet if fmt == "parquet" else read_csv_table
    frames = [reader(p) for p in parts]
    frames = [f for f in frames if len(f)]
    return typed(table, pd.concat(frames, ignore_index=True)) if frames else frame(table, [])


__all__ = ["RAW", "extract_with_dask", "read_partitioned"]
