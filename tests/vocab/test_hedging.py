"""The hedge lexicon as data: valid rows, survey probabilities, ICD 203 bands, the analyst's own rows."""

from __future__ import annotations

import csv

import pytest

from analystkit.extract.hedges import find_hedges
from analystkit.vocab.hedging import (
    BANDS_PATH,
    CATEGORIES,
    LEXICON_PATH,
    PERCEPTION_PATH,
    HedgeCue,
    load_hedge_lexicon,
    validate_cue,
)


def test_lexicon_rows_are_all_valid():
    lexicon = load_hedge_lexicon(extra="")
    assert len(lexicon) > 50
    assert len({c.cue for c in lexicon}) == len(lexicon)
    for cue in lexicon:
        assert validate_cue(cue) == [], cue
        assert cue.probability_source.startswith(("wep_perception median", "estimate:")), cue
    assert set(c.category for c in lexicon if c.in_profile("standard")) == set(CATEGORIES)


def test_lexicon_survey_probabilities_match_the_survey():
    with open(PERCEPTION_PATH, encoding="utf-8") as handle:
        medians = {r["phrase"]: float(r["median"]) / 100 for r in csv.DictReader(handle)}
    checked = 0
    for cue in load_hedge_lexicon(extra=""):
        if cue.probability_source == "wep_perception median (n=46)":
            assert cue.probability == pytest.approx(medians[cue.cue]), cue.cue
            checked += 1
    assert checked >= 10


def test_lexicon_bands_match_icd_203():
    with open(BANDS_PATH, encoding="utf-8") as handle:
        icd = {r["phrase"]: f"{r['phrase']} {r['lower']}-{r['upper']}%" for r in csv.DictReader(handle) if r["standard"] == "ICD-203"}
    for cue in load_hedge_lexicon(extra=""):
        if cue.band:
            assert cue.standard == "ICD-203"
            assert cue.band in icd.values(), cue.cue
        elif cue.cue in icd:
            pytest.fail(f"{cue.cue!r} is an ICD 203 word without its band")


def test_shipped_data_carries_its_notice():
    notice = (LEXICON_PATH.parent / "NOTICE-wep_perception.md").read_text(encoding="utf-8")
    assert "Copyright (c) 2016 Zoni Nation" in notice and "MIT License" in notice


def test_analyst_lexicon_appends_and_overrides(tmp_path, monkeypatch, nlp):
    extra = tmp_path / "mine.csv"
    extra.write_text(
        "cue,category,probability,probability_source,band,standard,context,on_negation,profile,notes\n"
        "in all likelihood,estimative_phrase,0.8,estimate: analyst,,,,invert,news,\n"
        "may,modal,0.4,estimate: our desk reads 'may' lower,,,modal,keep,news,\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("ANALYSTKIT_HEDGE_LEXICON", str(extra))
    lexicon = load_hedge_lexicon()
    found = {h.text: h.probability for h in find_hedges(nlp("In all likelihood the bridge may fall."), lexicon=lexicon)}
    assert found == {"In all likelihood": 0.8, "may": 0.4}


def test_an_invalid_lexicon_row_is_refused(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("cue,category,probability\nperhaps,guesswork,0.5\n", encoding="utf-8")
    with pytest.raises(ValueError, match="category"):
        load_hedge_lexicon(bad, extra="")
    assert validate_cue(HedgeCue("maybe", "adverb_adjective", 45.0, "estimate: x"))


def test_forms_of_multiword_cues_are_the_models_lemmas(nlp):
    """The shipped ``forms`` column says what the model lemmatises each cue word to (so a cue
    matches its inflections without a second pipeline at run time); it must not drift."""
    checked = 0
    for cue in load_hedge_lexicon(extra=""):
        if len(cue.words) < 2:
            continue
        doc = nlp.make_doc(cue.cue)
        for name, proc in nlp.pipeline:
            if name in ("tok2vec", "tagger", "attribute_ruler", "lemmatizer"):
                doc = proc(doc)
        expected = tuple(tuple(dict.fromkeys((w, t.lemma_.lower()))) for w, t in zip(cue.words, doc))
        assert cue.word_forms == expected, cue.cue
        checked += 1
    assert checked >= 20


def test_forms_must_match_the_words(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("cue,forms,category,probability\nis said to,is|be said,evidential,0.5\n", encoding="utf-8")
    with pytest.raises(ValueError, match="forms"):
        load_hedge_lexicon(bad, extra="")
