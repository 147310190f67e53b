"""The row cache: unchanged articles are not re-parsed; any change re-extracts what it touches."""

from __future__ import annotations

import analystkit as ak
from analystkit import cache


def write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")


def test_unchanged_articles_come_from_the_cache(tmp_path, monkeypatch, nlp):
    monkeypatch.setenv(cache.CACHE_SETTING, str(tmp_path / "cache"))
    corpus_dir = tmp_path / "articles"
    corpus_dir.mkdir()
    write(corpus_dir, "a.txt", "Russia ordered its troops to withdraw. Ukraine advanced.")
    write(corpus_dir, "b.txt", "Officials said the talks failed.")
    first = ak.load(corpus_dir, nlp=nlp)
    sentences = first.sentences
    assert first.cache_hits == 0
    second = ak.load(corpus_dir, nlp=nlp)
    assert second.sentences.equals(sentences) and second.cache_hits == 2
    write(corpus_dir, "b.txt", "Officials said the talks had failed again.")
    third = ak.load(corpus_dir, nlp=nlp)
    assert "had failed again" in " ".join(third.sentences.text)
    assert third.cache_hits == 1


def test_cache_can_be_turned_off(tmp_path, monkeypatch, nlp):
    monkeypatch.setenv(cache.CACHE_SETTING, "off")
    assert cache.cache_dir() is None
    write(tmp_path, "a.txt", "A sentence here.")
    corpus = ak.load(tmp_path, nlp=nlp)
    corpus.sentences
    assert corpus.cache_hits == 0
    again = ak.load(tmp_path, nlp=nlp)
    again.sentences
    assert again.cache_hits == 0


def test_fingerprint_follows_user_files_and_keys_follow_text(tmp_path, monkeypatch, nlp):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,actor,kind,label,affiliation,source\nX,Y,state,GPE,,me\n", encoding="utf-8")
    monkeypatch.setenv("ANALYSTKIT_ALIASES", str(aliases))
    before = cache.fingerprint(nlp)
    aliases.write_text("alias,actor,kind,label,affiliation,source\nX,Z,state,GPE,,me\n", encoding="utf-8")
    assert cache.fingerprint(nlp) != before
    assert cache.article_key("a", "text", False, "k") != cache.article_key("a", "text!", False, "k")
    assert cache.article_key("a", "text", False, "k") != cache.article_key("a", "text", False, "k2")


def test_fingerprint_follows_the_spacy_and_thinc_versions(monkeypatch, nlp):
    import spacy

    before = (cache.fingerprint(nlp), cache.model_fingerprint())
    real = cache._version
    for name, patch in (("spacy", lambda p: p.setattr(spacy, "__version__", "99.0.0")), ("thinc", lambda p: p.setattr(cache, "_version", lambda d: "99.0.0" if d == "thinc" else real(d)))):
        with monkeypatch.context() as patched:
            patch(patched)
            cache._code_fingerprint.cache_clear()
            assert cache.fingerprint(nlp) != before[0] and cache.model_fingerprint() != before[1], name
        cache._code_fingerprint.cache_clear()
    assert (cache.fingerprint(nlp), cache.model_fingerprint()) == before


def test_a_corrupt_cache_file_is_a_miss(tmp_path):
    rows = cache.RowCache(tmp_path)
    rows.put("ab" * 32, {"sentences": [{"x": 1}]})
    assert rows.get("ab" * 32) == {"sentences": [{"x": 1}]}
    (tmp_path / "ab" / f"{'ab' * 32}{cache.SUFFIX}").write_bytes(b"garbage")
    assert rows.get("ab" * 32) is None


def test_entries_are_verified_data_and_a_damaged_key_is_replaced(tmp_path):
    rows = {"timeline": [{"date_start": __import__("datetime").date(2022, 11, 9), "certainty": float("nan"), "ok": True}]}
    cache.RowCache(tmp_path).put("cd" * 32, rows)
    got = cache.RowCache(tmp_path).get("cd" * 32)  # another instance, the same key file
    assert got["timeline"][0]["date_start"] == rows["timeline"][0]["date_start"] and got["timeline"][0]["ok"] is True
    entry = tmp_path / "cd" / f"{'cd' * 32}{cache.SUFFIX}"
    assert entry.read_bytes().startswith(cache.MAGIC) and b"pickle" not in entry.read_bytes()
    (tmp_path / "ef").mkdir()
    (tmp_path / "ef" / f"{'ef' * 32}{cache.SUFFIX}").write_bytes(entry.read_bytes())  # copied under another key
    assert cache.RowCache(tmp_path).get("ef" * 32) is None
    (tmp_path / cache.KEY_FILE).write_bytes(b"short")
    fresh = cache.RowCache(tmp_path)
    assert fresh.folder is not None and fresh.get("cd" * 32) is None  # a new key: old entries are misses
    fresh.put("cd" * 32, rows)
    assert cache.RowCache(tmp_path).get("cd" * 32) is not None


def test_a_corpus_is_read_back_whole_from_the_table_cache_and_a_changed_file_is_a_miss(tmp_path, monkeypatch):
    import warnings

    import analystkit as ak
    from analystkit.cache import TableCache

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Russian troops left the city on Monday, officials said. The bridge may be mined.", encoding="utf-8")
    (folder / "b.txt").write_text("Putin said the decision was final.", encoding="utf-8")
    monkeypatch.setenv("ANALYSTKIT_CACHE", str(tmp_path / "cache"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        first = ak.load(folder)
        first.articles
        second = ak.load(folder)
        second.articles
    assert second.cache_hits == 2
    assert all(second.table(n).equals(first.table(n)) for n in first.table_names)
    stored = next((tmp_path / "cache" / "tables").iterdir())
    claims = stored / "claims.parquet"
    claims.write_bytes(claims.read_bytes()[:-10] + b"0123456789")  # ten changed bytes
    assert TableCache(tmp_path / "cache").get(stored.name) is None
    third = ak.load(folder)
    assert third.claims.equals(first.claims)  # rebuilt from the row cache
