"""Paragraphs of an article's text (analystkit.nlp.doc)."""

from __future__ import annotations

from analystkit.nlp.doc import paragraph_starts


def test_a_line_of_no_break_spaces_is_a_blank_line():
    text = "First paragraph.\n\xa0\nSecond one.\n \t\nThird.\nStill the third."
    starts = paragraph_starts(text)
    assert [text[s : s + 6] for s in starts] == ["First ", "Second", "Third."]


def test_a_single_line_break_is_no_paragraph_break():
    assert paragraph_starts("One line\nand the next.") == [0]
