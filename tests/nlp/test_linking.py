"""The actor linker: canonical actors of entity mentions."""

from __future__ import annotations


def actors(nlp, text):
    return {(e.text, e.kb_id_) for e in nlp(text).ents}


def test_title_stripped_and_surname_joins_full_name(nlp):
    got = actors(nlp, "President Vladimir Putin met officials on Monday. Later, Putin said nothing.")
    assert ("President Vladimir Putin", "Vladimir Putin") in got  # the title is part of the mention, not of the actor
    assert ("Putin", "Vladimir Putin") in got


def test_known_surname_before_lowercase_the_is_split_off(nlp):
    text = "Mark Rathbun met him in Florida. According to Rathbun the Scientology property in question was returned."
    got = actors(nlp, text)
    assert ("Rathbun", "Mark Rathbun") in got
    assert not any(t.startswith("Rathbun the") for t, _ in got)


def test_capital_modifying_a_thing_is_the_city(nlp):
    got = actors(nlp, "Started in 1990, the Taipei lantern festival continues a 2000 year old tradition.")
    assert ("Taipei", "Taipei") in got


def test_surname_without_full_name_stays_as_written(nlp):
    got = actors(nlp, "Shoigu issued an order. Shoigu left.")
    assert {kb for text, kb in got if text == "Shoigu"} == {"Shoigu"}


def test_capital_as_government_vs_city(nlp):
    metonym = actors(nlp, "Washington says the sanctions will stay.")
    assert ("Washington", "United States") in metonym
    city = actors(nlp, "The talks were held in Moscow last week.")
    assert ("Moscow", "Moscow") in city


def test_curated_alias_beats_capital_metonymy(nlp):
    got = actors(nlp, "The competition was held in Constitution Hall. Washington D.C. hosted teams from many countries.")
    assert {k for t, k in got if t.startswith("Washington")} <= {"Washington, D.C."}


def test_known_surname_opening_a_sentence_is_the_person(nlp):
    text = (
        "Montalvo came upon a blog written by Mark Rathbun. "
        "Rathbun requested donations via a statement made on his blog."
    )
    got = actors(nlp, text)
    assert ("Rathbun", "Mark Rathbun") in got


def test_a_bare_role_repeated_keeps_its_holder(article):
    from analystkit.extract import extract_article

    text = (
        "Vice President Kamala Harris met Prime Minister Prayut. The Vice President reaffirmed the partnership. "
        "The Vice President welcomed the Prime Minister."
    )
    rows = extract_article(article(text), tables=["entities", "actions"])
    assert [r["actor"] for r in rows["entities"] if r["text"] == "Vice President"] == ["Kamala Harris", "Kamala Harris"]
    assert {r["agent"] for r in rows["actions"] if r["agent_text"] == "The Vice President"} == {"Kamala Harris"}


def test_a_clitic_is_no_mention(nlp):
    ents = nlp("So, let’s keep coming together to invest in America. And let’s increase supply.").ents
    assert [e.text for e in ents] == ["America"]
