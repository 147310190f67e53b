"""People's titles and roles as parts of their mentions."""

from __future__ import annotations

import pytest


def actors(nlp, text):
    return {(e.text, e.kb_id_) for e in nlp(text).ents}


def test_role_before_a_name_joins_the_mention(nlp):
    got = actors(nlp, "Four minutes later, Tunisia's goalkeeper Mouez Hassen was substituted off due to injury.")
    assert ("goalkeeper Mouez Hassen", "Mouez Hassen") in got
    assert ("Tunisia", "Tunisia") in got  # the possessor stays a mention of its own
    got = actors(nlp, "Facebook co-founder Mark Zuckerberg invited him.")
    assert ("co-founder Mark Zuckerberg", "Mark Zuckerberg") in got


def test_portfolio_word_is_not_an_organisation(nlp):
    got = actors(nlp, "Russian Defence Minister Sergei Shoigu ordered the retreat.")
    assert ("Defence Minister Sergei Shoigu", "Sergei Shoigu") in got
    assert not any(text == "Defence" for text, _ in got)
    got = actors(nlp, 'Home Secretary Suella Braverman spoke. Sunak said: "The Home Secretary and I are working intensely."')
    assert ("Home Secretary", "Suella Braverman") in got


@pytest.mark.parametrize(
    ("text", "role", "person"),
    [
        ('After the match, Hernan Dario Gomez, Panama coach, said, "We learned a lot."', "coach", "Hernan Dario Gomez"),
        ("Montalvo was put through to a Scientology attorney, Kendrick Moxon.", "attorney", "Kendrick Moxon"),
        ("Also the president of the Lombardy region, Roberto Maroni, has reacted.", "president", "Roberto Maroni"),
    ],
)
def test_role_in_apposition_is_a_mention_of_the_person(nlp, text, role, person):
    assert (role, person) in actors(nlp, text)


def test_role_not_next_to_a_name_is_no_mention(nlp):
    got = actors(nlp, "The coach said the team played well.")
    assert not any(text == "coach" for text, _ in got)


def test_capitalised_title_right_before_a_name_joins_it_whatever_the_parse(nlp):
    text = "Mohamed received support online ranging from US President Barack Obama to Facebook creator Mark Zuckerberg."
    got = actors(nlp, text)
    assert any(t.endswith("President Barack Obama") and kb == "Barack Obama" for t, kb in got)


def test_the_president_is_the_holder_introduced_most_often(nlp):
    text = (
        "President Joe Biden spoke on Monday. Later President Biden met South Korean President Yoon Suk Yeol. "
        "The President said the talks went well."
    )
    doc = nlp(text)
    role = [e for e in doc.ents if e.text == "President"]
    assert role and role[-1].kb_id_ == "Joe Biden"  # twice "President Biden", once "President Yoon"


@pytest.mark.parametrize(
    "text,mention,person",
    [
        ("The deal was criticised by Secretary of State Antony Blinken on Monday.", "Secretary of State Antony Blinken", "Antony Blinken"),
        ("He met Assistant Secretary of State for Western Hemisphere Affairs Brian Nichols, and others.",
         "Secretary of State for Western Hemisphere Affairs Brian Nichols", "Brian Nichols"),
        ("According to Afghan Ambassador to the United States Hamdullah Mohib, the team did well.",
         "Ambassador to the United States Hamdullah Mohib", "Hamdullah Mohib"),
    ],
)
def test_title_with_a_complement_joins_the_name(nlp, text, mention, person):
    got = actors(nlp, text)
    assert (mention, person) in got
    assert not any(kb in ("State", "United States") for _, kb in got)  # the complement is no mention of its own


def test_a_complement_does_not_take_a_persons_own_title(nlp):
    got = actors(nlp, "Walsh served as Secretary of Labor for President Barack Obama in 2014.")
    assert ("President Barack Obama", "Barack Obama") in got


def test_a_name_cut_at_a_surname_particle_is_whole_again():
    import spacy
    from spacy.tokens import Doc

    from analystkit.nlp.titles import with_name_particles

    words = ["President", "Ursula", "von", "der", "Leyen", "spoke", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, ents=["B-PERSON", "I-PERSON", "I-PERSON", "O", "B-GPE", "O", "O"])
    assert [(e.text, e.label_) for e in with_name_particles(list(doc.ents))] == [("President Ursula von der Leyen", "PERSON")]
    # no particle between: two mentions stay two ("Joe Biden" and "Kyiv" are not one name)
    doc = Doc(spacy.blank("en").vocab, words=["Joe", "Biden", "Kyiv", "."], ents=["B-PERSON", "I-PERSON", "B-GPE", "O"])
    assert [e.text for e in with_name_particles(list(doc.ents))] == ["Joe Biden", "Kyiv"]


def test_a_surname_with_particles_alone_is_the_person(nlp):
    got = actors(nlp, "European Commission President Ursula von der Leyen condemned the attack. Von der Leyen said sanctions would follow.")
    assert ("Von der Leyen", "Ursula von der Leyen") in got
    assert not any(kb == "Leyen" or kb.endswith(" von") for _, kb in got)
