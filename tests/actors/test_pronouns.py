"""Pronoun resolution: subjects first, locations never."""

from __future__ import annotations

from analystkit.actors.pronouns import resolve_pronoun


def _pronoun(doc, word):
    return next(t for t in doc if t.lower_ == word)


def test_they_does_not_resolve_to_a_place_named_as_a_location(nlp):
    doc = nlp("The team arrived in Washington after many difficulties. They were twice denied visas.")
    assert resolve_pronoun(_pronoun(doc, "they")) == ""


def test_they_resolves_to_a_state_acting(nlp):
    doc = nlp("Ukraine rejected the offer. They said the talks were over.")
    assert resolve_pronoun(_pronoun(doc, "they")) == "Ukraine"


def test_he_resolves_to_the_latest_person(nlp):
    doc = nlp("Dmitry Peskov spoke on Monday. He said nothing new.")
    assert resolve_pronoun(_pronoun(doc, "he")) == "Dmitry Peskov"
