"""Organisations the small model misses or mislabels, and their short forms."""

from __future__ import annotations


def labels(nlp, text):
    return {(e.text, e.label_) for e in nlp(text).ents}


def parsed(words, tags, deps, heads, ents):
    """A Doc with a given parse, so a rule is tested whatever the model would say."""
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, tags=tags, deps=deps, heads=heads, ents=ents)


def actors(nlp, text):
    return {(e.text, e.kb_id_) for e in nlp(text).ents}


def test_generic_organisation_noun_joins_the_name_not_the_actor(nlp):
    got = actors(nlp, "Daniel Montalvo left the Scientology organization in 2009.")
    assert ("Scientology organization", "Scientology") in got
    separatists = actors(nlp, "Russian-backed separatists attacked the town.")
    assert all(kb != "Russian-backed" for _, kb in separatists)


def test_generic_organisation_noun_makes_every_mention_an_organisation(nlp):
    text = (
        "Montalvo was subsequently motivated to seek out information about Scientology on the Internet. "
        "He wanted to leave the Scientology organization."
    )
    got = labels(nlp, text)
    assert ("Scientology organization", "ORG") in got
    assert ("Scientology", "ORG") in got
    assert not any(t == "Scientology" and label in ("LOC", "GPE") for t, label in got)


def test_short_form_joins_the_one_longer_organisation(nlp):
    got = actors(nlp, "The Italian Supreme Court of Cassation ruled on Monday. The Supreme Court said the tax applies.")
    assert {k for t, k in got if t == "Supreme Court"} <= {"Italian Supreme Court of Cassation"}


def test_short_form_never_swallows_a_known_place(nlp):
    got = actors(nlp, "The University of Texas Arlington hosted the event. Texas officials attended.")
    assert {k for t, k in got if t == "Texas"} <= {"Texas"}


def test_capitalised_words_compounded_with_a_place_name_an_organisation():
    from analystkit.nlp.organisations import named_after_places

    doc = parsed(
        ["Lydia", "Buchtmann", "for", "Food", "Standards", "Australia", "New", "Zealand", "says", "they", "act", "."],
        ["NNP", "NNP", "IN", "NNP", "NNP", "NNP", "NNP", "NNP", "VBZ", "PRP", "VBP", "."],
        ["compound", "nsubj", "prep", "compound", "compound", "compound", "compound", "pobj", "ROOT", "nsubj", "ccomp", "punct"],
        [1, 8, 1, 4, 5, 7, 7, 2, 8, 10, 8, 8],
        ["B-PERSON", "I-PERSON", "O", "O", "O", "B-GPE", "B-GPE", "I-GPE", "O", "O", "O", "O"],
    )
    got = [(e.text, e.label_) for e in named_after_places(list(doc.ents))]
    assert got == [("Lydia Buchtmann", "PERSON"), ("Food Standards Australia New Zealand", "ORG")]


def test_a_place_word_or_a_headline_keeps_the_place():
    from analystkit.nlp.organisations import named_after_places

    doc = parsed(
        ["Fighting", "continued", "in", "Eastern", "Ukraine", "."],
        ["NN", "VBD", "IN", "NNP", "NNP", "."],
        ["nsubj", "ROOT", "prep", "compound", "pobj", "punct"],
        [1, 1, 1, 4, 2, 1],
        ["O", "O", "O", "O", "B-GPE", "O"],
    )
    assert [(e.text, e.label_) for e in named_after_places(list(doc.ents))] == [("Ukraine", "GPE")]
    words = ["Minister", "Praises", "Tourism", "Australia"]
    headline = parsed(words, ["NNP", "VBZ", "NNP", "NNP"], ["nsubj", "ROOT", "compound", "dobj"], [1, 1, 3, 1], ["O", "O", "O", "B-GPE"])
    assert [(e.text, e.label_) for e in named_after_places(list(headline.ents))] == [("Australia", "GPE")]
    sentence = parsed(
        ["the", "minister", "praises", "Tourism", "Australia", "today"],
        ["DT", "NN", "VBZ", "NNP", "NNP", "NN"],
        ["det", "nsubj", "ROOT", "compound", "dobj", "npadvmod"],
        [1, 2, 2, 4, 2, 2],
        ["O", "O", "O", "O", "B-GPE", "O"],
    )
    assert [(e.text, e.label_) for e in named_after_places(list(sentence.ents))] == [("Tourism Australia", "ORG")]


def test_outlets_platforms_and_fact_checkers_are_organisations_not_people(nlp):
    got = labels(nlp, "According to Politico, the ad ran twice. Twitter announced the figures, and PolitiFact rated the claim false.")
    assert {("Politico", "ORG"), ("Twitter", "ORG"), ("PolitiFact", "ORG")} <= got
    assert not any(label == "PERSON" for _, label in got)


def test_an_outlet_named_after_a_person_stays_the_person_in_a_full_name(nlp):
    got = labels(nlp, "Michael Bloomberg spoke in Philadelphia. Bloomberg said the race was close.")
    assert ("Bloomberg", "PERSON") in got


def test_a_handle_after_a_platform_is_no_part_of_a_name(nlp):
    got = actors(nlp, "Follow the reporter on Twitter @JaneRoe99. Twitter said the account was real.")
    assert all("@" not in text for text, _ in got)
    assert {kb for text, kb in got if text == "Twitter"} == {"Twitter"}


def test_awards_are_no_people_with_a_determiner_or_a_modifier(nlp):
    for text in (
        "He said a veteran gave him a replica Purple Heart at the rally.",
        "He said a soldier once handed him the Purple Heart.",
        "His second Purple Heart arrived in May.",
        "Purple Heart recipients gathered in Ohio.",
    ):
        got = labels(nlp, text)
        assert not any("Heart" in t and label in ("PERSON", "ORG", "FAC") for t, label in got), (text, got)
        assert any("Purple Heart" in t and label == "WORK_OF_ART" for t, label in got), (text, got)


def test_people_and_organisations_ending_in_an_award_word_are_kept(nlp):
    assert ("John McCain", "PERSON") in labels(nlp, "The late John McCain won the Silver Star.")
    red_cross = labels(nlp, "The American Red Cross said the shelters were full.")
    assert any("Red Cross" in t and label == "ORG" for t, label in red_cross)
    # A surname the article also uses alone is a person's, determiner or not.
    got = labels(nlp, "The late Amy Cross ran the clinic. Cross said it would stay open.")
    assert not any("Cross" in t and label == "WORK_OF_ART" for t, label in got)


def test_award_rule_on_a_given_parse():
    from analystkit.nlp.organisations import not_people

    doc = parsed(
        ["She", "got", "the", "Bronze", "Star", "and", "Ann", "Lee", "cheered", "."],
        ["PRP", "VBD", "DT", "NNP", "NNP", "CC", "NNP", "NNP", "VBD", "."],
        ["nsubj", "ROOT", "det", "compound", "dobj", "cc", "compound", "nsubj", "conj", "punct"],
        [1, 1, 4, 4, 1, 1, 7, 8, 1, 1],
        ["O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O"],
    )
    got = [(e.text, e.label_) for e in not_people(list(doc.ents))]
    assert got == [("Bronze Star", "WORK_OF_ART"), ("Ann Lee", "PERSON")]
    # The same shape, but the article also writes "Star" without "Ann": a surname.
    doc = parsed(
        ["the", "late", "Ann", "Star", "left", ".", "Star", "was", "90", "."],
        ["DT", "JJ", "NNP", "NNP", "VBD", ".", "NNP", "VBD", "CD", "."],
        ["det", "amod", "compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "attr", "punct"],
        [3, 3, 3, 4, 4, 4, 7, 7, 7, 7],
        ["O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O", "O", "O"],
    )
    assert [(e.text, e.label_) for e in not_people(list(doc.ents))] == [("Ann Star", "PERSON"), ("Star", "PERSON")]


def test_a_name_in_apposition_to_an_organisation_noun_is_an_organisation():
    from analystkit.nlp.organisations import not_people

    doc = parsed(
        ["They", "founded", "a", "company", ",", "Kissito", ",", "with", "Ann", "Lee", ",", "a", "nurse", "."],
        ["PRP", "VBD", "DT", "NN", ",", "NNP", ",", "IN", "NNP", "NNP", ",", "DT", "NN", "."],
        ["nsubj", "ROOT", "det", "dobj", "punct", "appos", "punct", "prep", "compound", "pobj", "punct", "det", "appos", "punct"],
        [1, 1, 3, 1, 3, 3, 3, 1, 9, 7, 9, 12, 9, 1],
        ["O", "O", "O", "O", "O", "B-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"],
    )
    got = [(e.text, e.label_) for e in not_people(list(doc.ents))]
    assert got == [("Kissito", "ORG"), ("Ann Lee", "PERSON")]


def test_a_far_appositive_does_not_make_a_person_an_organisation():
    from analystkit.nlp.organisations import not_people

    # "Ann Lee of the Rand Group, a consulting company, said": the company is the group's.
    doc = parsed(
        ["Ann", "Lee", "of", "the", "Rand", "Group", ",", "a", "company", ",", "said", "so", "."],
        ["NNP", "NNP", "IN", "DT", "NNP", "NNP", ",", "DT", "NN", ",", "VBD", "RB", "."],
        ["compound", "nsubj", "prep", "det", "compound", "pobj", "punct", "det", "appos", "punct", "ROOT", "advmod", "punct"],
        [1, 10, 1, 5, 5, 2, 1, 8, 1, 1, 10, 10, 10],
        ["B-PERSON", "I-PERSON", "O", "O", "B-ORG", "I-ORG", "O", "O", "O", "O", "O", "O", "O"],
    )
    assert [(e.text, e.label_) for e in not_people(list(doc.ents))] == [("Ann Lee", "PERSON"), ("Rand Group", "ORG")]


def test_a_name_hyphened_to_winning_is_an_award_there_only(nlp):
    got = labels(nlp, "The Oscar-winning actress Jane Roe spoke. The Tony-winning musical opened.")
    assert not any(t in ("Oscar", "Tony") and label == "PERSON" for t, label in got)
    kept = labels(nlp, "A Trump-backed candidate won in Ohio.")
    assert not any(label == "WORK_OF_ART" for _, label in kept)


def test_an_outlets_first_word_alone_is_the_outlet_beside_its_full_name(nlp):
    text = "The Fox News poll was released on Monday. Daron Shaw told Fox that the race had tightened."
    got = actors(nlp, text)
    assert {kb for t, kb in got if t == "Fox"} <= {"Fox News"}
    assert ("Fox", "PERSON") not in labels(nlp, text)
    person = labels(nlp, "Michael Bloomberg spoke to Bloomberg News. Bloomberg said the race was close.")
    assert ("Bloomberg", "PERSON") in person
