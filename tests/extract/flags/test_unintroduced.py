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
