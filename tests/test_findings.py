"""Findings: the sentences a report states about a corpus, computed from its tables."""

from __future__ import annotations

import re
import shutil
import warnings

import pytest

from analystkit import findings as f
from tests.conftest import SAMPLE, SEED_ID, SHARED

WIKINEWS = SHARED / "corpus" / "wikinews"


# --------------------------------------------------------------------------- words
@pytest.mark.parametrize(
    "part,whole,noun,expected",
    [
        (0, 12, "claims", "none of the 12 claims"),
        (12, 12, "claims", "all 12 claims"),
        (1, 1, "articles", "the only article"),
        (1, 1, "attributed claims", "the only attributed claim"),
        (70, 100, "claims", "most of the claims (70 of 100, 70 %)"),
        (3, 200, "claims", "a small share of the claims (3 of 200, 2 %)"),
        (50, 100, "", "about half (50 of 100, 50 %)"),
        (1, 400, "claims", "a small share of the claims (1 of 400, under 1 %)"),
        (0, 0, "claims", "no claims"),
    ],
)
def test_share_words(part, whole, noun, expected):
    assert f.share(part, whole, noun) == expected


def test_counts_listings_and_agreement():
    assert f.count(0, "claim") == "no claims" and f.count(1, "claim") == "one claim" and f.count(1834, "claim") == "1,834 claims"
    assert f.count(2, "unintroduced person", "unintroduced people") == "two unintroduced people"
    assert f.listing(["A", "B", "C"]) == "A, B and C"
    assert f.listing(["A", "B", "C", "D"], limit=2) == "A, B and 2 more"
    assert f.listing([], limit=2) == "none"
    assert f.singular("entities") == "entity" and f.singular("news") == "news" and f.singular("claims") == "claim"
    assert f.verb(1, 1, "carries", "carry") == "carries" and f.verb(1, 5, "carries", "carry") == "carry"
    assert f.upper_first("one claim about Russia") == "One claim about Russia"  # str.capitalize would lower "Russia"
    assert f.day("2022-11-09") == "9 November 2022" and f.day(None) == "an unknown date"


# --------------------------------------------------------------------------- the sample


@pytest.fixture(scope="module")
def wikinews(nlp, tmp_path_factory):
    if not WIKINEWS.is_dir():
        pytest.skip(f"{WIKINEWS} is not here (../shared/ holds the corpora)")
    import analystkit as ak

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = ak.load(WIKINEWS, nlp=nlp)
    corpus.articles
    return corpus


@pytest.mark.slow
def test_overview_numbers_are_the_tables(sample_corpus):
    finding = f.corpus_overview(sample_corpus, name="articles")
    articles = sample_corpus.articles
    assert f"**{len(articles)} articles**" in finding.text
    assert f"{int(articles['n_sentences'].sum()):,} sentences" in finding.text
    assert f"{len(sample_corpus.claims):,} claims" in finding.text
    assert "skipped" not in finding.text  # metadata.csv is read on purpose, not a skipped input


@pytest.mark.slow
def test_overview_says_what_was_skipped(nlp, tmp_path):
    import analystkit as ak

    shutil.copy(SAMPLE / f"{SEED_ID}.txt", tmp_path / "a.txt")
    (tmp_path / "b.bin").write_bytes(b"\x00\x01\x02")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = ak.load(tmp_path, nlp=nlp)
    text = f.corpus_overview(corpus).text
    assert "**one article** (no outlet given)" in text
    assert re.search(r"One input file (was skipped|could not be read)", text)


@pytest.mark.slow
def test_unnamed_claims_count_the_claims_table(sample_corpus):
    claims = sample_corpus.claims
    hidden = claims[claims.source_type.isin(["unnamed", "vague"])]
    attributed = claims[claims.source_type != "author"]
    finding = f.unnamed_claims(sample_corpus)
    assert f"({len(hidden):,} of {len(attributed):,}," in finding.text
    assert set(finding.table.source_type) <= {"unnamed", "vague"}


@pytest.mark.slow
def test_focus_sourcing_never_denies_named_sources(sample_corpus):
    """The bug that started issue 16: "Not one claim has a named source" under an article full of them."""
    claims = sample_corpus.claims
    for article_id, group in claims.groupby("article_id"):
        text = f.focus_sourcing(sample_corpus, article_id).text
        named = group.source_type.isin(["named_person", "named_organization"]).sum()
        assert ("Not one claim has a named source" in text) == (named == 0), article_id
        # the verb agrees with the count of claims on unnamed or vague sources ("One claim rests", "Two claims rest")
        assert not re.search(r"\bOne claim rest\b|\b(?:Two|Three|Four|Five|\d+) claims rests\b", text), text


@pytest.mark.slow
def test_articles_to_check_lists_the_lowest_scores(sample_corpus):
    finding = f.articles_to_check(sample_corpus, top=3)
    integrity = sample_corpus.integrity
    flagged = integrity[integrity.n_flags > 0].sort_values(["score", "n_flags", "article_id"], ascending=[True, False, True])
    assert finding.table.article_id.tolist() == flagged.article_id.head(3).tolist()
    assert "unknown" not in finding.table.outlet.tolist()


@pytest.mark.slow
def test_seed_and_sample_prose_only_for_them(sample_corpus, wikinews):
    assert f.if_seed(sample_corpus, SEED_ID, "About the seed.").text == "About the seed."
    other = next(a for a in sample_corpus.article_ids if a != SEED_ID)
    assert f.if_seed(sample_corpus, other, "About the seed.").text == ""
    assert f.if_sample(sample_corpus, "About the sample.").text == "About the sample."
    assert f.if_sample(wikinews, "About the sample.").text == ""  # four sample articles do not make the sample
    assert not any(f.is_seed(wikinews, a) for a in wikinews.article_ids)
    assert f.known_name(sample_corpus.text(SEED_ID) + " ") == ""  # one character changed: not the seed


@pytest.mark.slow
def test_followed_actor_comes_from_the_data(sample_corpus, wikinews):
    actor = f.followed_actor(sample_corpus)
    assert actor in f.top_actor_names(sample_corpus, top=15)
    finding = f.over_time(sample_corpus, actor)
    assert finding.table["claims"].sum() > 0 and actor in finding.title
    assert f.followed_actor(wikinews) == ""  # no actor is covered on three dates with hedged claims


@pytest.mark.slow
def test_briefing_over_another_corpus_says_nothing_of_the_sample(wikinews):
    text = " ".join(x.markdown for x in f.briefing(wikinews, name="wikinews"))
    corpus_text = " ".join(wikinews._articles.text)
    for word in ("seed", "Kherson", "Shoigu", "transcript"):
        assert (word.lower() in text.lower()) <= (word.lower() in corpus_text.lower()), word
    assert f.transcripts(wikinews).text == ""
    assert f"**{len(wikinews.articles)} articles**" in text


def test_date_spread_leads_with_where_most_events_are():
    import pandas as pd

    from analystkit.findings import date_spread

    days = pd.to_datetime(["2022-11-0%d" % d for d in range(1, 10)] * 2 + ["1709-01-01", "2050-12-31"])
    wide = pd.DataFrame({"date_start": days, "date_end": days})
    text = date_spread(wide)
    assert text.startswith("eight in ten of them between ") and "November 2022" in text.split("(")[0]
    assert "1 January 1709 to 31 December 2050" in text  # the whole range still said, after
    narrow = wide.iloc[:18]
    assert date_spread(narrow) == "from 1 November 2022 to 9 November 2022"
    few = pd.DataFrame({"date_start": pd.to_datetime(["1709-01-01", "2022-11-01"]), "date_end": pd.to_datetime(["1709-12-31", "2022-11-01"])})
    assert date_spread(few) == "from 1 January 1709 to 1 November 2022"  # two dates: no "eight in ten"
