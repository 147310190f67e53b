"""The integrity flags, one constructed text per kind, plus the seed."""

from __future__ import annotations

import pandas as pd
import pytest

from analystkit.extract import extract_article
from analystkit.extract.flags import KINDS, SEVERITY, extract_flags
from analystkit.nlp.quotes import quotations

PUBLISHED = pd.Timestamp("2022-11-09")


def run(article, text: str, **meta) -> list[dict]:
    meta.setdefault("published", PUBLISHED)
    return extract_article(article(text, **meta))["flags"]


def kinds(flags: list[dict]) -> list[str]:
    return [f["kind"] for f in flags]


def test_fragment_flagged_and_offsets_exact(article):
    text = "The army moved north on Monday. Redeployed forces. Officials said the move was planned."
    flags = run(article, text)
    fragment = [f for f in flags if f["kind"] == "fragment"]
    assert len(fragment) == 1
    assert fragment[0]["text"] == "Redeployed forces." == text[fragment[0]["start"] : fragment[0]["end"]]
    assert fragment[0]["severity"] == "medium" and "not a full sentence" in fragment[0]["message"]


def test_headings_and_transcript_turns_are_not_fragments(article):
    heading = "Results of the vote\n\nThe council approved the budget on Monday. Members said it was fair."
    assert "fragment" not in kinds(run(article, heading))
    transcript = "MR PRICE: Good afternoon.\n\nQUESTION: Okay.\n\nMR PRICE: Yes, yes.\n\nQUESTION: Thanks."
    assert "fragment" not in kinds(run(article, transcript))


def test_split_sentence(article):
    text = (
        "Officials met in the capital on Monday to discuss the plan.\n\n"
        "Rumors of a deal had been circulating for weeks, but the government's progress\n\n"
        "It was slow and grinding.\n\nThe talks continue."
    )
    flags = [f for f in run(article, text) if f["kind"] == "split_sentence"]
    assert len(flags) == 1
    assert flags[0]["text"].endswith("the government's progress")
    assert flags[0]["related_text"] == "It was slow and grinding."


def test_terminated_paragraphs_and_interruptions_are_not_split(article):
    text = "Officials met on Monday to discuss the plan.\n\nI am not in the habit of —\n\nThey left."
    assert "split_sentence" not in kinds(run(article, text))


def test_unintroduced_person(article):
    text = (
        "The ministry announced new measures on Monday.\n\n"
        "Petrenko issued a statement during a meeting with officials. He was worried about supplies."
    )
    flags = [f for f in run(article, text) if f["kind"] == "unintroduced_person"]
    assert [f["text"] for f in flags] == ["Petrenko"]


def test_introduced_person_is_not_flagged(article):
    full = "Defence Minister Oleh Petrenko spoke on Monday.\n\nPetrenko issued a statement. He was worried about supplies."
    role = "The ministry spoke on Monday.\n\nDefence Minister Petrenko issued a statement. He was worried about supplies."
    assert "unintroduced_person" not in kinds(run(article, full))
    assert "unintroduced_person" not in kinds(run(article, role))


def test_dangling_reference(article):
    text = (
        "Farmers in the region complained about the drought on Monday.\n\n"
        "The explosion happened again after two weeks of silence."
    )
    flags = [f for f in run(article, text) if f["kind"] == "dangling_reference"]
    assert [f["text"] for f in flags] == ["The explosion"]


def test_definite_with_antecedent_is_not_dangling(article):
    text = (
        "A bomb exploded near the station on Monday.\n\n"
        "The explosion happened again two days later."
    )
    assert "dangling_reference" not in kinds(run(article, text))


def test_suspicious_quotes(article):
    short = 'The city is known as the "Jewel of the Coast." Called "Green." Officials agreed.'
    found = [f for f in run(article, short) if f["kind"] == "suspicious_quote"]
    assert {f["text"] for f in found} == {'"Jewel of the Coast."', '"Green."'}
    unclosed = 'The minister said "we will never leave the city.\n\nOfficials disagreed.'
    assert "suspicious_quote" in kinds(run(article, unclosed))


def test_terms_and_running_quotes_are_not_suspicious(article):
    term = 'The corridor gives Russia a much-coveted "land bridge" to Crimea, officials said.'
    running = 'He said, "We learned a lot today.\n\nIt was a very emotional day." Others agreed.'
    assert "suspicious_quote" not in kinds(run(article, term))
    assert "suspicious_quote" not in kinds(run(article, running))


def test_quotations_pairs_and_unmatched():
    text = 'a "b" c “d” e "f'
    pairs, unmatched = quotations(text, 0, len(text))
    assert pairs == [(2, 4), (8, 10)]
    assert unmatched == [14]


def test_date_conflict(article):
    text = (
        "Russia on Wednesday ordered its troops to withdraw from the city.\n\n"
        "Petrenko issued a retreat order early last month during a televised meeting. He was concerned about supplies."
    )
    flags = [f for f in run(article, text) if f["kind"] == "date_conflict"]
    assert len(flags) == 1
    assert flags[0]["text"] == "early last month" and flags[0]["related_text"] == "Wednesday"
    assert flags[0]["severity"] == "high"


def test_repeated_event_is_no_conflict(article):
    text = (
        "Russia attacked Kyiv on Wednesday.\n\n"
        "Russia also attacked Kyiv early last month."
    )
    assert "date_conflict" not in kinds(run(article, text))


def test_no_publication_date_no_relative_conflict(article):
    text = "Russia on Wednesday ordered its troops to withdraw.\n\nPetrenko issued a retreat order early last month. He left."
    assert "date_conflict" not in kinds(run(article, text, published=pd.NaT))


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
