"""Pronoun resolution: subjects first, locations never."""

from __future__ import annotations

from analystkit.nlp.pronouns import resolve_pronoun


def _pronoun(doc, word):
    return next(t for t in doc if t.lower_ == word)


def test_they_does_not_resolve_to_a_place_named_as_a_location(nlp):
    doc = nlp("The team arrived in Washington after many difficulties. They were twice denied visas.")
    assert resolve_pronoun(_pronoun(doc, "they")) == ""


def test_they_resolves_to_a_state_acting(nlp):
    doc = nlp("Ukraine rejected the offer. They said the talks were over.")
    assert resolve_pronoun(_pronoun(doc, "they")) == "Ukraine"


def test_they_after_a_nearer_unnamed_plural_noun_is_left_open(nlp):
    doc = nlp("China released a statement. We will leave it to the parties involved to offer their assessment.")
    assert resolve_pronoun(_pronoun(doc, "their")) == ""
    doc = nlp("China released a statement. Other heads of state say they are looking to the United States.")
    assert resolve_pronoun(_pronoun(doc, "they")) == ""
    doc = nlp("China released a statement. Russian troops said they would return.")  # a group an entity modifies
    assert resolve_pronoun(_pronoun(doc, "they")) == "Russia"


def test_possessive_pronouns_resolve_like_their_pronouns(nlp):
    doc = nlp("Dmitry Peskov spoke on Monday. His view was clear.")
    assert resolve_pronoun(_pronoun(doc, "his")) == "Dmitry Peskov"
    doc = nlp("Ukraine rejected the offer. Its reply was short.")
    assert resolve_pronoun(_pronoun(doc, "its")) == "Ukraine"


def test_he_resolves_to_the_latest_person(nlp):
    doc = nlp("Dmitry Peskov spoke on Monday. He said nothing new.")
    assert resolve_pronoun(_pronoun(doc, "he")) == "Dmitry Peskov"


def test_bare_description_takes_the_most_mentioned_richer_one(article):
    from analystkit.extract.actions import pronoun_antecedents

    text = (
        "The Afghan team's robot scored two points. The Afghan team's supplies were delayed. "
        "This year, the European team won the competition. The team arrived in Washington."
    )
    found = pronoun_antecedents(article(text))
    teams = [a.actor for a in found if a.described]
    assert teams[:3] == ["Afghan team", "Afghan team", "European team"]
    assert teams[-1] == "Afghan team"  # mentioned twice, not the latest single mention


def test_group_description_keeps_name_like_modifiers_only(nlp):
    from analystkit.nlp.mentions import group_description

    doc = nlp("The Syrian refugee team and the six-member Afghan team met angry residents.")
    heads = {t.i: group_description(t) for t in doc if t.lower_ in ("team", "residents")}
    assert sorted(v for v in heads.values()) == ["Afghan team", "Syrian refugee team", "residents"]
    troops = nlp("Russian troops left.")
    assert group_description(troops[1]) != "" and group_description(troops[0]) == ""


def test_group_owned_by_a_pronoun_is_not_a_description(nlp):
    from analystkit.nlp.mentions import group_description

    doc = nlp("The Ukrainians say their troops entered the city.")
    troops = next(t for t in doc if t.lower_ == "troops")
    assert group_description(troops) == ""


def test_they_does_not_resolve_to_a_place_naming_a_thing(nlp):
    doc = nlp("Four diplomats died in the Benghazi attacks. They said the response was slow.")
    assert resolve_pronoun(_pronoun(doc, "they")) != "Benghazi"
    ukraine = nlp("Ukraine rejected the plan for the Kyiv metro. They said the talks were over.")
    assert resolve_pronoun(_pronoun(ukraine, "they")) == "Ukraine"


def test_a_place_before_an_actor_noun_is_still_an_antecedent(nlp):
    from analystkit.nlp.pronouns import is_location

    doc = nlp("Moscow officials rejected the plan, and the Moscow metro closed.")
    places = [e for e in doc.ents if e.text == "Moscow"]
    assert [is_location(e) for e in places] == [False, True]
