"""Word lists as data: every list readable, documented, with provenance, and used by the rules."""

from __future__ import annotations

import pytest

from analystkit.errors import Errors
from analystkit.vocab.files import read_rows
from analystkit.vocab.words import (
    class_nouns,
    list_names,
    role_titles,
    titles,
    word_list,
)


def test_every_list_row_has_a_provenance():
    for name in ("word_lists.csv", "titles.csv", "role_titles.csv", "class_nouns.csv", "country_names.csv", "common_word_places.csv"):
        rows = read_rows(name)
        assert rows, name
        assert all(row.get("provenance") for row in rows), name


def test_lists_are_lower_case_words():
    for name in list_names():
        words = word_list(name)
        assert words and all(w == w.strip() and w for w in words), name
        if name != "country_codes_in_text":
            assert all(w == w.lower() for w in words), name


def test_one_row_per_title_word_with_its_uses():
    words = [row["word"] for row in read_rows("titles.csv")]
    assert len(words) == len(set(words))
    assert "minister" in titles("title") and "minister" in titles("role") and "minister" in titles("title_head")
    assert "defence" in titles("portfolio") and "defence" not in titles("role")
    assert titles("takes_complement") >= titles("title_head")


def test_the_comment_lines_document_every_list():
    from analystkit.vocab.files import data_path

    header = "".join(line for line in data_path("word_lists.csv").read_text(encoding="utf-8").splitlines(True) if line.startswith("#"))
    assert all(f"#   {name} " in header for name in list_names())


def test_unknown_names_get_a_catalogue_message():
    with pytest.raises(KeyError, match=r"\[AK021\]"):
        word_list("no_such_list")
    with pytest.raises(KeyError, match=r"\[AK021\]"):
        titles("no_such_use")
    with pytest.raises(FileNotFoundError, match=r"\[AK020\]"):
        read_rows("no_such_file.csv")
    assert Errors.AK021.startswith("[AK021] ")


def test_multiword_titles_and_class_nouns():
    assert ("Prime", "Minister") in role_titles() and ("President",) in role_titles()
    assert class_nouns()["city"] == frozenset({"GPE", "LOC"})


def test_a_row_added_to_a_list_reaches_the_rules(monkeypatch):
    from analystkit.vocab import words

    rows = read_rows("word_lists.csv") + ({"list": "organisation_heads", "word": "consortium", "provenance": "test"},)
    monkeypatch.setattr(words, "read_rows", lambda name: rows if name == "word_lists.csv" else read_rows(name))
    words._lists.cache_clear()
    try:
        assert "consortium" in word_list("organisation_heads")
    finally:
        monkeypatch.undo()
        words._lists.cache_clear()
    assert "consortium" not in word_list("organisation_heads")
