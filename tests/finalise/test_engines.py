"""Every engine gives the same tables: one process, worker processes (``jobs=2``) and Dask.

The corpus is built so that an actor's short form and its full name are in different
articles (and different partitions): the cross-article join of :mod:`analystkit.finalise`
must run whatever the engine.
"""

from __future__ import annotations

import pandas as pd
import pytest

import analystkit as ak

TEXTS = {
    "a.txt": "President Vladimir Putin ordered his troops to leave the city on Wednesday. Officials said the retreat may be a trap.",
    "b.txt": "Putin said the decision was final. The Kremlin denied the reports.",
    "c.txt": "The Church of Scientology opened a centre in Rome. Critics said it could be a front.",
    "d.txt": "Scientology said the claims were false. NATO met in Brussels.",
    "e.txt": "Ukrainian officials said Russian troops had blown up the bridges.",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("engines")
    for name, text in TEXTS.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def single(folder):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ANALYSTKIT_CACHE", "off")
        corpus = ak.load(folder)
        corpus.articles
    return corpus


def test_short_forms_join_across_articles_in_one_process(single):
    sources = set(single.claims.loc[single.claims.article_id == "b", "source_actor"])
    assert "Vladimir Putin" in sources and "Putin" not in sources
    assert single.corpus_aliases.get("Putin") == "Vladimir Putin"
    assert "Putin" not in set(single.entities.actor) and "Putin" not in set(single.actors.actor)


def test_worker_processes_give_identical_tables(folder, single, monkeypatch):
    monkeypatch.setenv("ANALYSTKIT_CACHE", "off")
    corpus = ak.load(folder, jobs=2)
    for name in single.table_names:
        assert corpus.table(name).equals(single.table(name)), name


def test_dask_gives_identical_tables(folder, single, tmp_path, monkeypatch):
    pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed")
    from analystkit.distributed import extract_with_dask, read_partitioned
    from analystkit.extract import extraction_order

    monkeypatch.setenv("ANALYSTKIT_CACHE", "off")
    corpus = ak.load(folder)
    extract_with_dask(corpus, tmp_path / "out", partitions=3, n_workers=2)
    for name in extraction_order():
        got = read_partitioned(tmp_path / "out", name)
        assert got.equals(single.table(name)), name
    for name in ("articles", "actors", "integrity"):
        got = pd.read_parquet(tmp_path / "out" / f"{name}.parquet")
        expected = single.table(name)
        if name == "articles":  # Parquet stores the dates at its own resolution: same values
            assert got["published"].astype(expected["published"].dtype).equals(expected["published"])
            got = got.assign(published=expected["published"])
        assert got.equals(expected), name
    assert not (tmp_path / "out" / ".raw").exists()
