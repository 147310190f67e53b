"""The unintroduced_person rule."""

from __future__ import annotations

from . import kinds, run


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


def test_a_common_noun_opening_sentences_is_not_a_person(article):
    from . import kinds, run

    text = "The city flooded on Monday.\n\nWater poured into the tunnels, officials said. He said the pumps failed."
    assert "unintroduced_person" not in kinds(run(article, text))


def test_a_first_name_in_first_person_speech_is_not_flagged(article):
    from . import kinds, run

    text = "The senator spoke on Monday.\n\nJill and I were saddened to hear the news. She was a friend of ours."
    assert "unintroduced_person" not in kinds(run(article, text))


def test_a_name_split_by_the_tagger_is_introduced(article):
    from . import kinds, run

    text = "Salma Hayek spoke on Monday.\n\nHayek said the film would open in May. She left early."
    assert "unintroduced_person" not in kinds(run(article, text))
