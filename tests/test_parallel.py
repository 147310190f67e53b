"""Worker processes give the same tables as one process."""

from __future__ import annotations

import pandas as pd

import analystkit as ak
from analystkit.cli import main
from tests.test_distributed import TEXTS


def test_jobs_give_identical_tables(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSTKIT_CACHE", "off")
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    one = ak.load(tmp_path)
    two = ak.load(tmp_path, jobs=2)
    for name in one.table_names:
        pd.testing.assert_frame_equal(one.table(name), two.table(name))


def test_cli_jobs(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSTKIT_CACHE", "off")
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert main(["extract", str(folder), "--out", str(tmp_path / "out"), "--jobs", "2", "--quiet"]) == 0
    assert len(pd.read_csv(tmp_path / "out" / "sentences.csv")) >= 8


def test_a_failing_article_does_not_stop_the_batch(tmp_path, monkeypatch):
    import warnings

    from analystkit import extract

    monkeypatch.setenv("ANALYSTKIT_CACHE", "off")
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    original = extract.EXTRACTORS["entities"]

    def fragile(article):
        if "Brussels" in article.text:
            raise ValueError("boom")
        return original.function(article)

    monkeypatch.setitem(extract.EXTRACTORS, "entities", extract.Extractor("entities", fragile))
    corpus = ak.load(tmp_path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        entities = corpus.entities
    assert set(entities.article_id) == {"a", "b", "c"}  # d's entities failed, the others are there
    assert len(corpus.sentences[corpus.sentences.article_id == "d"]) >= 1  # and d's other tables
    assert "d" not in set(corpus.flags.article_id)  # flags need entities: not extracted for d
    row = corpus.load_report.set_index("article_id").loc["d"]
    assert row.status == "loaded" and row.reason.startswith("partly extracted")
    assert "entities failed: ValueError: boom" in row.reason and "flags not extracted (needs entities)" in row.reason
    assert any("boom" in str(w.message) for w in caught)


def test_entity_names_with_odd_whitespace_do_not_break_the_pipeline(nlp):
    doc = nlp("The  Acme  Corporation  Group said so. Later the  Acme  Corporation  Group  left.")
    assert doc.text.count("Acme") == 2


def test_fewer_full_collections_raises_the_oldest_threshold_only_inside_and_restores_it():
    import gc

    from analystkit.parallel import FULL_COLLECTION_EVERY, fewer_full_collections

    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        with fewer_full_collections():
            assert gc.get_threshold() == (700, 10, FULL_COLLECTION_EVERY)
        assert gc.get_threshold() == (700, 10, 10)
        gc.set_threshold(700, 10, 500)  # an analyst's own higher setting is kept
        with fewer_full_collections():
            assert gc.get_threshold() == (700, 10, 500)
        try:
            with fewer_full_collections():
                raise RuntimeError("an extraction that fails")
        except RuntimeError:
            pass
        assert gc.get_threshold() == (700, 10, 500)
    finally:
        gc.set_threshold(*before)


def test_an_extraction_leaves_the_collector_as_it_found_it(tmp_path, monkeypatch):
    import gc

    import analystkit as ak

    monkeypatch.setenv("ANALYSTKIT_CACHE", "off")
    (tmp_path / "a.txt").write_text("Officials said the bridge was closed on Monday. Residents left the city.", encoding="utf-8")
    before = gc.get_threshold()
    corpus = ak.load(tmp_path)
    assert len(corpus.sentences) == 2
    assert gc.get_threshold() == before
