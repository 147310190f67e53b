"""Claim threads: the same claim across articles, ordered by date, with its sourcing and certainty drift."""

from __future__ import annotations

import pandas as pd

from analystkit.provenance.threads import COLUMNS, claim_threads, summarise_threads


def _claim(article, claim_id, text, source_text="", source_type="author", source_actor="", certainty=1.0):
    return {"article_id": article, "claim_id": claim_id, "sentence_id": 0, "start": 0, "end": len(text), "text": text,
            "source_text": source_text, "source_type": source_type, "source_actor": source_actor,
            "hedged": certainty < 1.0, "certainty": certainty}


CLAIM = "Russian troops laid mines and blew up bridges as they retreated from the city"


def _tables(claims):
    articles = pd.DataFrame({
        "article_id": ["wire", "paper", "blog", "other"],
        "published": pd.to_datetime(["2022-11-09", "2022-11-10", "2022-11-12", "2022-11-11"]),
        "outlet": ["AP", "Paper", "Blog", "Other"], "text": ["", "", "", ""],
    })
    return {"claims": pd.DataFrame(claims), "articles": articles}


def test_a_claim_hardening_as_it_spreads():
    claims = [
        _claim("blog", "0.0", "Russian troops blew up bridges and laid mines as they retreated from the city"),
        _claim("wire", "3.0", CLAIM, "A Ukrainian military official", "unnamed", "Ukraine", certainty=0.7),
        _claim("paper", "1.0", CLAIM.replace("laid", "placed"), "officials", "unnamed", "Ukraine", certainty=0.7),
        _claim("other", "2.0", "The weather in the region was cold and wet for most of the week ahead"),
    ]
    threads = claim_threads(_tables(claims))
    assert list(threads.columns) == COLUMNS
    assert threads.thread_id.nunique() == 1
    rows = threads.sort_values("position")
    assert rows.article_id.tolist() == ["wire", "paper", "blog"]
    assert rows.source_drift.tolist() == ["first", "same", "dropped"]
    assert rows.certainty_change.tolist() == [0.0, 0.0, 0.3]
    assert (rows.n_articles == 3).all()
    summary = summarise_threads(threads)
    assert summary.iloc[0].first_article == "wire" and summary.iloc[0].sources_dropped == 1


def test_same_names_but_another_statement_do_not_match():
    claims = [
        _claim("wire", "0.0", "National Security Advisor Jake Sullivan answered the question about Ukraine"),
        _claim("paper", "0.0", "National Security Advisor Jake Sullivan will travel to Ukraine next week"),
    ]
    assert claim_threads(_tables(claims)).empty


def test_one_article_alone_makes_no_thread():
    claims = [_claim("wire", "0.0", CLAIM), _claim("wire", "1.0", CLAIM)]
    assert claim_threads(_tables(claims)).empty


def test_corpus_table_offsets(sample_corpus):
    threads = sample_corpus.claim_threads
    assert list(threads.columns) == COLUMNS
    texts = sample_corpus.articles.set_index("article_id").text
    for row in threads.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.text


def test_band_index_proposes_what_datasketch_lsh_proposes():
    """The claim-thread index keeps the candidates of datasketch's MinHashLSH (same bands, same
    buckets): a different set of candidates would change which claims join a thread."""
    import random

    from datasketch import MinHash, MinHashLSH

    from analystkit.provenance.threads import BandIndex

    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(60)]
    sets = [frozenset(rng.sample(vocabulary, rng.randint(5, 15))) for _ in range(300)]
    lsh = MinHashLSH(threshold=0.35, num_perm=64)
    index = BandIndex(MinHashLSH(threshold=0.35, num_perm=64))
    template = MinHash(num_perm=64, seed=1)
    proposed = 0
    for k, words in enumerate(sets):
        sketch = MinHash(num_perm=64, seed=1, permutations=template.permutations, scheme=template.scheme)
        sketch.update_batch([w.encode("utf-8") for w in words])
        bands = index.bands(sketch)
        expected = set(lsh.query(sketch))
        assert index.query(bands) == expected
        proposed += len(expected)
        if k % 2 == 0:
            lsh.insert(k, sketch)
            index.insert(k, bands)
    assert proposed > 0  # the comparison saw candidates, not only empty answers


def test_word_hash_values_are_the_library_sketch_of_each_word_and_of_any_set_of_words():
    import numpy
    from datasketch import MinHash

    from analystkit.provenance.threads import word_hash_values

    template = MinHash(num_perm=64, seed=7)
    words = ["ceasefire", "kherson", "withdrawal", "dnipro", "é-accented", "ukraine"]
    rows = word_hash_values(MinHash(num_perm=64, seed=7, permutations=template.permutations, scheme=template.scheme), words)
    assert rows.shape == (len(words), 64)
    for i, word in enumerate(words):
        alone = MinHash(num_perm=64, seed=7, permutations=template.permutations, scheme=template.scheme)
        alone.update_batch([word.encode("utf-8")])
        assert numpy.array_equal(rows[i], alone.hashvalues)
    together = MinHash(num_perm=64, seed=7, permutations=template.permutations, scheme=template.scheme)
    together.update_batch([w.encode("utf-8") for w in words[1:4]])
    assert numpy.array_equal(rows[1:4].min(axis=0), together.hashvalues)
    assert word_hash_values(template, []).shape == (0, 64)


def test_word_hash_values_fall_back_to_the_library_call_without_its_internals(monkeypatch):
    import numpy
    from datasketch import MinHash
    from datasketch import minhash as dm

    from analystkit.provenance.threads import word_hash_values

    template = MinHash(num_perm=64, seed=7)
    words = ["ceasefire", "kherson", "withdrawal"]
    fast = word_hash_values(MinHash(num_perm=64, seed=7, permutations=template.permutations, scheme=template.scheme), words)
    from analystkit.provenance import threads

    monkeypatch.setattr(threads, "_DATASKETCH_INTERNALS", (*threads._DATASKETCH_INTERNALS, "_a_name_a_later_version_renamed"))
    assert not hasattr(dm, "_a_name_a_later_version_renamed")
    slow = word_hash_values(MinHash(num_perm=64, seed=7, permutations=template.permutations, scheme=template.scheme), words)
    assert numpy.array_equal(fast, slow)
