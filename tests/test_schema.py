"""Every table has the columns and the dtypes its schema declares (ids are integers, dates datetime64)."""

from __future__ import annotations

import pandas as pd

from analystkit.schema import DTYPES, TABLES, dtype_of, frame, typed


def test_every_table_matches_its_declared_dtypes(sample_corpus):
    for name in [*sample_corpus.table_names, "load_report"]:
        table = sample_corpus.table(name)
        if name in TABLES:
            assert [c for c in TABLES[name] if c in table.columns] == [c for c in table.columns if c in TABLES[name]], name
        for column in table.columns:
            if name in TABLES and column in TABLES[name]:
                assert str(table[column].dtype) == dtype_of(name, column), (name, column, table[column].dtype)


def test_ids_are_integers_and_dates_are_datetimes(sample_corpus):
    assert str(sample_corpus.claims.claim_id.dtype) == "int64"
    assert sample_corpus.claims.groupby("article_id").claim_id.apply(lambda s: list(s) == list(range(len(s)))).all()
    assert str(sample_corpus.hedges.claim_id.dtype) == "Int64"
    assert (sample_corpus.timeline.date_start.dt.year > 1000).all()  # the .dt accessor works


def test_an_empty_table_still_has_its_columns_and_dtypes():
    for name in DTYPES:
        empty = frame(name, [])
        assert list(empty.columns) == list(TABLES[name]), name
        assert all(str(empty[c].dtype) == dtype_of(name, c) for c in empty.columns), name


def test_typed_casts_what_a_csv_round_trip_loses():
    raw = pd.DataFrame({"article_id": ["a"], "sentence_id": [0], "claim_id": [3.0], "start": [0], "end": [1], "text": ["x"],
                        "lemma": ["may"], "category": ["modal"], "probability": [0.5], "band": [""], "standard": [""], "negated": [False], "cue_id": [1]})
    assert str(typed("hedges", raw).claim_id.dtype) == "Int64" and typed("hedges", raw).claim_id.iloc[0] == 3


def test_page_is_a_nullable_integer_on_sentences_and_claims():
    """A PDF's sentences and claims carry their page; other articles' rows have <NA>, never a float."""
    for name in ("sentences", "claims"):
        assert dtype_of(name, "page") == "Int64" and "page" in TABLES[name]
        table = frame(name, [{"article_id": "pdf", "start": 0, "end": 1, "text": "x", "page": 2}, {"article_id": "txt", "start": 0, "end": 1, "text": "y", "page": None}])
        assert str(table.page.dtype) == "Int64" and table.page.iloc[0] == 2 and table.page.isna().iloc[1]
    assert "pages" in TABLES["articles"] and "attachments" in TABLES["articles"]


def test_ordinal_scales_sort_and_compare_in_their_own_order(sample_corpus):
    """A flag's severity and an article's integrity band are ordered categoricals: the scale, not the alphabet."""
    from analystkit.extract.flags import SEVERITY
    from analystkit.finalise.integrity import BANDS
    from analystkit.schema import ORDERED

    assert set(SEVERITY.values()) == set(ORDERED["flags"]["severity"])
    assert {"clean", *(name for _, name in BANDS)} == set(ORDERED["integrity"]["band"])
    flags = frame("flags", [{"article_id": "a", "kind": k, "severity": s} for k, s in (("x", "high"), ("y", "low"), ("z", "medium"))])
    assert list(flags.sort_values("severity").severity) == ["low", "medium", "high"]
    assert list(flags[flags.severity >= "medium"].kind) == ["x", "z"]
    bands = sample_corpus.integrity.band
    assert bands.cat.ordered and list(bands.cat.categories) == ["clean", "minor", "check", "unreliable"]


def test_a_value_off_the_scale_is_refused_not_turned_into_a_gap():
    import pytest

    with pytest.raises(ValueError, match=r"AK090.*not on its scale"):
        frame("flags", [{"article_id": "a", "kind": "x", "severity": "critical"}])
