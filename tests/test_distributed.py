"""The Dask engine writes the same tables as the single-process path."""

from __future__ import annotations

import pandas as pd
import pytest

import analystkit as ak

pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed")

TEXTS = {
    "a.txt": "Troops ordered out of the city\n\nRussia on Wednesday ordered its troops to withdraw. Ukrainian officials said it may be a trap.",
    "b.txt": "President Joe Biden spoke in Washington. Biden said the talks could fail, according to the White House.",
    "c.txt": "Redeployed forces. The Kremlin denied the reports.",
    "d.txt": "NATO met in Brussels. Officials said the alliance would act.",
}


def test_dask_partitions_match_single_process(tmp_path, monkeypatch):
    from analystkit.distributed import extract_with_dask, read_partitioned
    from analystkit.extract import EXTRACTORS

    monkeypatch.setenv("ANALYSTKIT_CACHE", "off")
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    corpus = ak.load(folder)
    written = extract_with_dask(corpus, tmp_path / "out", partitions=3, n_workers=2)
    assert (tmp_path / "out" / "articles.parquet") in written
    for name in EXTRACTORS:
        expected = corpus.table(name).reset_index(drop=True)
        got = read_partitioned(tmp_path / "out", name)
        assert len(got) == len(expected), name
        if len(expected):
            pd.testing.assert_frame_equal(got[expected.columns], expected, check_dtype=False)
    articles = pd.read_parquet(tmp_path / "out" / "articles.parquet")
    assert articles.set_index("article_id").n_sentences.to_dict() == corpus.articles.set_index("article_id").n_sentences.to_dict()
