"""Hedge cues: context rules on constructed sentences, the lexicon, certainty, claims."""

from __future__ import annotations

import pandas as pd
import pytest

from analystkit.extract import extract_article
from analystkit.extract.hedges import certainty, extract_hedges, find_hedges
from analystkit.finalise.certainty import claim_certainty


@pytest.fixture()
def cues(nlp):
    """The hedges of a text as (text, lemma, probability, negated) tuples."""

    def run(text: str, profile: str = "news"):
        return [(h.text, h.lemma, h.probability, h.negated) for h in find_hedges(nlp(text), profile=profile)]

    return run


def texts(found) -> list[str]:
    return [f[0] for f in found]


# ---------------------------------------------------------------------------- categories
@pytest.mark.parametrize(
    ("sentence", "cue", "category"),
    [
        ("Any Russian withdrawal may be part of a trap.", "may", "modal"),
        ("The troops might face heavy fighting.", "might", "modal"),
        ("The withdrawal appears to be complete.", "appears", "epistemic_verb"),
        ("Officials fear the withdrawal could be a ruse.", "fear", "epistemic_verb"),
        ("The convoy was reportedly hit near the bridge.", "reportedly", "evidential"),
        ("Russia will almost certainly keep the east bank.", "almost certainly", "estimative_phrase"),
        ("There is a roughly even chance of talks this year.", "roughly even chance", "estimative_phrase"),
        ("The army is expected to move slowly.", "is expected to", "expectation"),
        ("It is believed that the bridge was destroyed.", "It is believed", "evidential"),
        ("If Russia withdraws, Ukraine will advance.", "If", "conditional"),
        ("Unless talks resume, the fighting will continue.", "Unless", "conditional"),
    ],
)
def test_each_category_is_found(nlp, sentence, cue, category):
    found = {h.text: h.category for h in find_hedges(nlp(sentence))}
    assert found.get(cue) == category, found


def test_a_plain_statement_has_no_hedges(cues):
    assert cues("Russia ordered its troops to withdraw from Kherson on Wednesday.") == []


# ---------------------------------------------------------------------------- context rules
def test_may_the_month_is_not_a_hedge(cues):
    assert cues("The talks began in May 2022.") == []
    assert cues("Talks resumed on 9 May in Istanbul.") == []
    assert texts(cues("The talks may resume on May 9.")) == ["may"]


def test_may_as_a_wish_is_not_a_hedge(cues):
    assert cues("May the best team win.") == []


def test_ability_can_is_not_a_hedge_but_possibility_can_is(cues):
    assert cues("Ukrainian troops can cross the river at night.") == []
    assert cues("We can confirm the strike.") == []
    assert texts(cues("The fighting can take several weeks.")) == ["can"]
    assert texts(cues("It can be difficult to verify such reports.")) == ["can"]
    # the broad (review-corpus) profile counts every "can"
    assert texts(cues("Ukrainian troops can cross the river at night.", profile="broad")) == ["can"]


def test_can_is_weaker_than_may(nlp):
    (can,) = find_hedges(nlp("The fighting can take several weeks."), profile="news")
    (may,) = find_hedges(nlp("The fighting may take several weeks."), profile="news")
    assert may.probability < can.probability


def test_unlikely_and_not_likely_are_low(cues):
    ((_, lemma, p_unlikely, negated),) = cues("A Russian counter-attack is unlikely.")
    assert (lemma, negated) == ("unlikely", False) and p_unlikely <= 0.25
    ((text, lemma, p_not, negated),) = cues("A Russian counter-attack is not likely.")
    assert (text, lemma, negated) == ("not likely", "likely", True)
    assert p_not == pytest.approx(0.30)
    ((_, _, p_likely, _),) = cues("A Russian counter-attack is likely.")
    assert p_likely == pytest.approx(0.70)


def test_negated_likely_gets_the_icd_band_of_its_probability(nlp):
    (hedge,) = find_hedges(nlp("A Russian counter-attack is not likely."))
    assert (hedge.band, hedge.standard) == ("unlikely 20-45%", "ICD-203")


def test_could_not_is_not_a_hedge(cues):
    assert cues("Russia could not hold the city.") == []
    assert cues("The troops couldn't cross the river.") == []


def test_may_not_stays_a_hedge(cues):
    ((text, lemma, probability, negated),) = cues("The troops may not arrive before winter.")
    assert (text, lemma, negated) == ("may not", "may", True) and probability == pytest.approx(0.5)


def test_no_doubt_is_a_booster_not_a_hedge(cues):
    assert cues("There is no doubt that the city fell.") == []
    assert cues("I don't doubt that the city fell.") == []
    assert cues("Without a doubt the city fell.") == []
    ((_, lemma, probability, _),) = cues("We doubt that the city fell.")
    assert lemma == "doubt" and probability == pytest.approx(0.25)


def test_cues_in_questions_are_skipped(cues):
    assert cues("Do you think Russia will withdraw?") == []
    assert cues("Could this be a trap?") == []
    # a question after a hedged statement does not hide the statement's cue
    assert texts(cues("It may be a trap. Is it?")) == ["may"]


def test_conditionals_only_where_they_qualify_the_claim(cues):
    assert texts(cues("If, in fact, it happens, it will be a major setback.")) == ["If"]
    assert cues("He asked if the talks would resume.") == []
    assert cues("Even if talks resume, the fighting will continue.") == []
    assert cues("It looked as if nothing had happened.") != [("as if", "if", 0.5, False)]


def test_epistemic_verbs_need_a_clause(cues):
    assert cues("Officials believe in diplomacy.") == []
    assert cues("The minister appeared on television.") == []
    assert texts(cues("Officials believe the bridge was destroyed.")) == ["believe"]


def test_multiword_cues_are_one_row(cues):
    assert texts(cues("It was likely to take several more days.")) == ["was likely to"]
    assert texts(cues("The army is widely expected to move slowly.")) == ["is widely expected to"]
    assert texts(cues("There were also reports that flags were lowered.")) == ["There were also reports that"]
    # a degree word makes it another phrase, with its own probability
    ((text, lemma, probability, _),) = cues("Russia is very likely to lose the city.")
    assert (text, lemma) == ("very likely", "very likely") and probability > 0.8


def test_stacked_cues_are_each_found(cues):
    assert texts(cues("They could still potentially face heavy fighting.")) == ["could", "potentially"]


def test_evidential_nouns(cues):
    assert texts(cues("Rumors of a withdrawal had been circulating for weeks.")) == ["Rumors"]
    assert texts(cues("Reports say the convoy was hit.")) == ["Reports"]
    assert cues("The report was published on Monday.") == []
    assert texts(cues("The alleged attack killed four people.")) == ["alleged"]
    assert cues("Russia alleged that Ukraine shelled the plant.") == []


def test_possible_only_as_a_predicate(cues):
    assert cues("They left as soon as possible.") == []
    assert texts(cues("It is possible that they left.")) == ["possible"]


def test_broad_profile_adds_review_cues(cues):
    sentence = "You would love this phone."
    assert cues(sentence) == []
    assert texts(cues(sentence, profile="standard")) == ["would"]
    assert texts(cues("I feel that the ending drags.", profile="broad")) == ["feel"]
    assert cues("I feel that the ending drags.", profile="standard") == []


def test_unknown_profile_is_refused(nlp):
    with pytest.raises(ValueError):
        find_hedges(nlp("It may rain."), profile="reviews")


# ---------------------------------------------------------------------------- certainty
def test_certainty_of_an_unhedged_claim_is_one():
    assert certainty([]) == 1.0


def test_certainty_of_one_cue_is_its_probability():
    assert certainty([0.7]) == pytest.approx(0.7)


def test_stacked_cues_lower_certainty():
    one = certainty([0.45])
    two = certainty([0.45, 0.45])
    three = certainty([0.45, 0.45, 0.7])
    assert 1.0 > one > two > three > 0.0
    assert two == pytest.approx(0.45 * 0.725, abs=1e-4)
    assert certainty([0.7, 0.5]) == certainty([0.5, 0.7])  # order does not matter


def test_certainty_refuses_a_percentage():
    with pytest.raises(ValueError):
        certainty([70])


# ---------------------------------------------------------------------------- the table
SEEDISH = (
    "Ukrainian officials have said that any Russian withdrawal may be part of a trap. "
    "The Ukrainians also said it was likely to take several more days for their troops to enter the city "
    "and that they could still potentially face heavy fighting. Russia ordered its troops to withdraw."
)


def test_rows_have_exact_offsets_and_all_columns(article):
    from analystkit.schema import TABLES

    doc = article(SEEDISH)
    rows = extract_article(doc, tables=["hedges"])["hedges"]
    assert rows
    for row in rows:
        assert doc.text[row["start"] : row["end"]] == row["text"]
        assert list(row) == list(TABLES["hedges"])
        assert row["claim_id"] in {c["claim_id"] for c in doc.rows["claims"]}
        assert 0.0 <= row["probability"] <= 1.0


def test_hedges_attach_to_claims_and_set_certainty(article):
    doc = article(SEEDISH)
    s = doc.sentences
    doc.rows["claims"] = [
        {"article_id": "t", "claim_id": "0.0", "sentence_id": 0, "start": SEEDISH.index("any Russian"), "end": s[0].end - 1},
        {"article_id": "t", "claim_id": "1.0", "sentence_id": 1, "start": SEEDISH.index("it was likely"), "end": s[1].end - 1},
        {"article_id": "t", "claim_id": "2.0", "sentence_id": 2, "start": s[2].start, "end": s[2].end},
    ]
    rows = extract_hedges(doc)
    by_claim = {}
    for row in rows:
        by_claim.setdefault(row["claim_id"], []).append(row["text"])
    assert by_claim == {"0.0": ["may"], "1.0": ["was likely to", "could", "potentially"]}
    claims = claim_certainty(pd.DataFrame(doc.rows["claims"]), pd.DataFrame(rows)).set_index("claim_id")
    assert claims.loc["0.0", "hedged"] and claims.loc["0.0", "certainty"] == pytest.approx(0.5)
    assert claims.loc["1.0", "certainty"] < min(0.7, 0.45)  # stacked
    assert not claims.loc["2.0", "hedged"] and claims.loc["2.0", "certainty"] == 1.0
    assert list(doc.rows["claims"][0]) == ["article_id", "claim_id", "sentence_id", "start", "end"]  # rows are never changed


def test_a_hedge_outside_every_claim_span_goes_to_its_sentences_claim(article):
    text = "Officials fear that the withdrawal is a trap."
    doc = article(text)
    doc.rows["claims"] = [{"article_id": "t", "claim_id": "0.0", "sentence_id": 0, "start": text.index("the withdrawal"), "end": len(text) - 1}]
    (row,) = extract_hedges(doc)
    assert (row["text"], row["claim_id"]) == ("fear", "0.0")


def test_typographic_apostrophes_and_comparisons(cues):
    assert cues("The troops can’t cross the river.", profile="broad") == [("can’t", "can", 0.6, True)]
    assert cues("The lawyers are not nearly as certain as the critics.") == []
