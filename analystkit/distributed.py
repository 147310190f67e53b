"""Extraction on a Dask cluster, written as partitioned Parquet (or CSV).

    analystkit extract PATH... --out DIR --engine dask [--scheduler tcp://host:8786] [--partitions N]

The corpus's article records are split into partitions; each partition runs
:func:`analystkit.parallel.extract_chunk` on a Dask worker (the same function as
the single-process path, so the tables are identical) and writes its rows to
``DIR/<table>/part-NNNNN.parquet``. Without ``--scheduler`` a ``LocalCluster``
with one worker process per core is started and stopped.

For a team cluster: install the same ``requirements.lock`` (the kit and its model)
on every worker, start ``dask scheduler`` and ``dask worker tcp://SCHEDULER:8786``
on the machines, and pass ``--scheduler tcp://SCHEDULER:8786``. The output folder
must be reachable by every worker under the same path (a shared file system, or an
``s3://``-style URL that pandas can write to with the matching fsspec package).
Corpus-level tables (aggregates over all articles, such as ``articles``) are
computed by the client after the partitions finish.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from .parallel import chunks, extract_chunk

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus


def _write_partition(records: list[dict], index: int, out: str, fmt: str, model: str | None) -> dict[str, int]:
    """Run on a worker: extract a partition and write one file per table."""
    import pandas as pd

    from .corpus import _frame
    from .extract import EXTRACTORS

    per_article = extract_chunk(records, model=model)
    counts = {}
    for name in EXTRACTORS:
        rows = [row for article in per_article for row in article.get(name, [])]
        frame = _frame(name, rows)
        folder = os.path.join(out, name)
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, f"part-{index:05d}.{fmt}")
        if fmt == "parquet":
            frame.to_parquet(path, index=False)
        else:
            from .io.spreadsheet import write_csv

            write_csv(frame, path)
        counts[name] = len(frame)
    return counts


def extract_with_dask(
    corpus: "Corpus",
    out: str | os.PathLike,
    *,
    scheduler: str | None = None,
    partitions: int | None = None,
    fmt: str = "parquet",
    n_workers: int | None = None,
) -> list[Path]:
    """Extract ``corpus`` on a Dask cluster into ``out/<table>/part-*.{parquet,csv}``."""
    from dask.distributed import Client, LocalCluster

    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
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
        futures = [
            client.submit(_write_partition, chunk, i, str(out_dir.resolve()), fmt, corpus._model_name, pure=False)
            for i, chunk in enumerate(chunks(records, size))
        ]
        client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    written = sorted(out_dir.glob(f"*/part-*.{fmt}"))
    articles = corpus._articles.copy()
    sentences = read_partitioned(out_dir, "sentences", fmt=fmt)
    counts = sentences.groupby("article_id").size() if len(sentences) else {}
    articles["n_sentences"] = articles["article_id"].map(counts).fillna(0).astype(int)
    from .io.outputs import mark_output
    from .io.spreadsheet import write_csv

    path = out_dir / f"articles.{fmt}"
    report = out_dir / f"load_report.{fmt}"
    for frame, target in ((articles, path), (corpus.load_report, report)):
        frame.to_parquet(target, index=False) if fmt == "parquet" else write_csv(frame, target)
    mark_output(out_dir, [path, report, *written], kind="tables")
    return [path, report, *written]


def read_partitioned(out: str | os.PathLike, table: str, *, fmt: str = "parquet") -> "pd.DataFrame":
    """Read back one table written by :func:`extract_with_dask`, partitions in order."""
    import pandas as pd

    parts = sorted(Path(out, table).glob(f"part-*.{fmt}"))
    from .io.spreadsheet import read_csv_table

    reader = pd.read_parquet if fmt == "parquet" else read_csv_table
    frames = [reader(p) for p in parts]
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
