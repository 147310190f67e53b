"""The sentences table's ``kind``: what a sentence is in the layout, from layout and grammar."""

from __future__ import annotations

import pytest

from analystkit.extract.sentences import KINDS, extract_sentences


def kinds_of(article, text: str, **meta) -> dict[str, str]:
    return {r["text"]: r["kind"] for r in extract_sentences(article(text, **meta))}


@pytest.mark.parametrize(
    ("text", "sentence", "kind"),
    [
        ("ABSTRACT.\n\nThe study covers three years of data.", "ABSTRACT.", "heading"),
        ("BANKING. Lenders raised rates again on Monday.", "BANKING.", "heading"),
        ("Background\n\nThe plan was announced on Monday.", "Background", "heading"),
        ("Biden Signs Executive Order on Climate.\n\nThe order was signed on Monday.", "Biden Signs Executive Order on Climate.", "heading"),
        ("Lowering Health Care Costs. The plan caps insulin prices at $35 a month.", "Lowering Health Care Costs.", "heading"),
        ("In addition:\n\nThe plan caps insulin prices.", "In addition:", "heading"),
        ("The plan has three parts.\n\n2 Practice acceptance.\n\n3 Keep going.", "2 Practice acceptance.", "list_item"),
        ("The plan has three parts.\n\n• Cut costs for families.", "• Cut costs for families.", "list_item"),
        ("The plan has parts.\n\nRaising the domestic content threshold to 75 percent.", "Raising the domestic content threshold to 75 percent.", "list_item"),
        ("By Jane Smith\n\nThe plan was announced on Monday.", "By Jane Smith", "byline"),
        ("Photo: Troops cross the river near Kherson.\n\nThe plan was announced.", "Photo: Troops cross the river near Kherson.", "caption"),
        ('He spoke at length.\n\n"We will not retreat."', '"We will not retreat."', "quotation"),
        ("Will the troops withdraw? Nobody knows.", "Will the troops withdraw?", "question"),
        ("Russia on Wednesday ordered its troops to withdraw. Redeployed forces.", "Redeployed forces.", "body"),
    ],
)
def test_kinds(article, text, sentence, kind):
    found = kinds_of(article, text)
    assert found.get(sentence) == kind, found


def test_the_headline_is_a_headline(article):
    found = kinds_of(article, "Troops ordered out of the city\n\nTroops left on Monday.", has_headline=True)
    assert found["Troops ordered out of the city"] == "headline"
    assert set(found.values()) <= set(KINDS)


def test_only_prose_can_be_a_fragment(article):
    rows = extract_sentences(article("ABSTRACT.\n\nRussia on Wednesday ordered its troops to withdraw. Redeployed forces."))
    by_text = {r["text"]: r for r in rows}
    assert by_text["Redeployed forces."]["fragment"] and by_text["Redeployed forces."]["kind"] == "body"
    assert not by_text["ABSTRACT."]["fragment"]


def test_imperatives_and_verbs_tagged_as_nouns_are_sentences(article):
    rows = extract_sentences(article("The group met on Monday. Take action. None of this factors in the election."))
    by_text = {r["text"]: r for r in rows}
    assert not by_text["Take action."]["fragment"]
    assert not by_text["None of this factors in the election."]["fragment"]


def test_a_long_cut_paragraph_is_not_a_heading(article):
    found = kinds_of(article, "Rumors of withdrawal had been circulating for weeks, but Ukraine's progress\n\nIt was slow and grinding.")
    assert found["Rumors of withdrawal had been circulating for weeks, but Ukraine's progress"] == "body"
