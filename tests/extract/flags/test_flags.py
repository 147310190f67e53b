"""The flags table as a whole: severities, bad input, the seed and clean sample articles."""

from __future__ import annotations

import pytest

from analystkit.extract import extract_article
from analystkit.extract.flags import KINDS, SEVERITY, extract_flags


def test_every_kind_has_a_severity():
    assert set(KINDS) == set(SEVERITY) and set(SEVERITY.values()) <= {"high", "medium", "low"}


def test_bad_input_does_not_crash(article):
    for text in ["", "   ", '"', "“", "\n\n\n", "—"]:
        doc = article(text)
        extract_article(doc)
        assert isinstance(extract_flags(doc), list)


def test_seed_findings_are_flagged(sample_corpus):
    from analystkit.evaluate.integrity import seed_checklist

    rows = seed_checklist(sample_corpus, "000_9cc23866541e5586")
    assert all(r["flagged"] for r in rows), [r for r in rows if not r["flagged"]]
    flags = sample_corpus.flags
    seed = flags[flags.article_id == "000_9cc23866541e5586"]
    text = sample_corpus.text("000_9cc23866541e5586")
    assert all(text[r.start : r.end] == r.text for r in seed.itertuples())


@pytest.mark.parametrize("prefix", ["2006-02-23_wikinews", "2022-02-21_statedept"])
def test_clean_sample_articles_have_few_flags(sample_corpus, prefix):
    integrity = sample_corpus.integrity
    row = integrity[integrity.article_id.str.startswith(prefix)].iloc[0]
    assert row.n_flags == 0 and row.band == "clean" and row.score == 100.0
