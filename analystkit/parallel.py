"""Extraction of many articles: in this process, in worker processes, or on a Dask cluster.

The unit of work is a *chunk* of article records (dicts with ``article_id``,
``text`` and the metadata extractors read). :func:`extract_chunk` parses a chunk
with one ``nlp.pipe`` pass and runs every extractor, returning each article's
rows; Docs are dropped as soon as their rows exist, so memory grows with the
rows, not with the parsed corpus. The same function runs everywhere, so every
engine produces identical tables.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from .extract import ERROR_KEY

_WORKER_NLP: Any = None

#: During an extraction, the cyclic garbage collector's oldest generation is collected after this
#: many collections of the middle one (Python's default is 10). A full collection walks every live
#: object — the loaded model, the gazetteers, every row extracted so far — and an extraction makes
#: many short-lived objects, so with the default full collections took 0.6–0.8 s per 100 White House
#: releases; the Docs' own reference cycles are young and still freed by the young collections.
FULL_COLLECTION_EVERY = 100


@contextmanager
def fewer_full_collections() -> Iterator[None]:
    """Collect the oldest generation less often while the block runs (see
    :data:`FULL_COLLECTION_EVERY`); the interpreter's thresholds are restored afterwards."""
    old = gc.get_threshold()
    _collect_oldest_less_often()
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _collect_oldest_less_often() -> None:
    young, middle, oldest = gc.get_threshold()
    gc.set_threshold(young, middle, max(oldest, FULL_COLLECTION_EVERY))


def extract_chunk(records: Sequence[dict], *, model: str | None = None, nlp: Any = None, batch_size: int = 16) -> list[dict[str, list[dict]]]:
    """Parse ``records`` and return, per record, ``{table: rows}`` for every extractor.

    An article whose parsing or extraction raises keeps empty rows for what failed and
    says why under :data:`~analystkit.extract.ERROR_KEY` (:func:`analystkit.extract.extract_article`);
    the other articles are not affected.
    """
    from .extract import extract_article, extraction_order, prepare_articles
    from .nlp.doc import ArticleDoc, release

    if nlp is None:
        nlp = _worker_nlp(model)
    texts = [r["text"] for r in records]
    try:
        docs: list = list(nlp.pipe(texts, batch_size=batch_size))
    except Exception:  # one bad article must not take the chunk down: parse one by one
        docs = []
        for text in texts:
            try:
                docs.append(nlp(text))
            except Exception as error:
                docs.append(error)
    articles = [None if isinstance(doc, Exception) else ArticleDoc.build(record["article_id"], doc, record) for record, doc in zip(records, docs)]
    prepare_articles([article for article in articles if article is not None])  # the chunk's batched work
    results = []
    for article, doc in zip(articles, docs):
        if article is None:
            rows: dict[str, Any] = {name: [] for name in extraction_order()}
            rows[ERROR_KEY] = f"parsing failed: {type(doc).__name__}: {doc}"
            results.append(rows)
            continue
        rows = extract_article(article)
        release(doc)
        results.append(rows)
    return results


def _worker_nlp(model: str | None) -> Any:
    global _WORKER_NLP
    if _WORKER_NLP is None:
        from .nlp.model import load_model

        _WORKER_NLP = load_model(model)
    return _WORKER_NLP


def _init_worker(model: str | None) -> None:
    # Keep each worker to one BLAS thread: the processes are the parallelism.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    _collect_oldest_less_often()  # a worker only extracts
    _worker_nlp(model)


def _chunk_job(args: tuple[list[dict], str | None, int]) -> list[dict[str, list[dict]]]:
    records, model, batch_size = args
    return extract_chunk(records, model=model, batch_size=batch_size)


def chunks(items: Sequence[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def extract_in_processes(records: Sequence[dict], *, jobs: int, model: str | None = None, chunk_size: int = 8, batch_size: int = 16) -> Iterator[list[dict[str, list[dict]]]]:
    """Yield each chunk's rows, in order, computed by ``jobs`` worker processes.

    Workers are forked where the platform allows it (they inherit the loaded model
    and gazetteers), else spawned; each loads the model named by ``model`` (the
    same resolution as :func:`analystkit.load_model`).
    """
    try:
        context = mp.get_context("fork")
    except ValueError:  # pragma: no cover - platforms without fork
        context = mp.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(model,)) as pool:
        work = [(chunk, model, batch_size) for chunk in chunks(records, chunk_size)]
        yield from pool.map(_chunk_job, work)
