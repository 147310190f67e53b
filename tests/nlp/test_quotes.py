"""Quotation marks paired into quotes."""

from __future__ import annotations

from analystkit.nlp.quotes import quotations


def test_quotations_pairs_and_unmatched():
    text = 'a "b" c “d” e "f'
    pairs, unmatched = quotations(text, 0, len(text))
    assert pairs == [(2, 4), (8, 10)]
    assert unmatched == [14]


def test_pair_quote_marks_joins_quotations_that_run_on():
    from analystkit.nlp.quotes import pair_quote_marks

    text = "He said “we will go on.\n\n“And we will win,” he said.\n\nShe said “it runs on.\n\nand closes here.”\n\nA lone “mark here."
    starts = [0] + [i + 2 for i in range(len(text)) if text[i : i + 2] == "\n\n"]
    pairs, unpaired = pair_quote_marks(text, starts)
    assert unpaired == [text.index("“mark")]
    assert (text.index("“it"), text.index("”", text.index("closes"))) in pairs


def test_mixed_and_wrong_way_marks_pair():
    from analystkit.nlp.quotes import quotations

    for text in ['"Oz has a huge pulpit,” said Gorski.', "“I don't think so,\" he said.", "”Mr. Trump embodies racism,” she wrote."]:
        pairs, unmatched = quotations(text, 0, len(text))
        assert len(pairs) == 1 and unmatched == [], text


def test_two_apostrophes_read_as_a_double_quote():
    from analystkit.nlp.quotes import find_quotes

    text = "''It was a mistake,'' Mr. Sanders said. The students' book is ''odd.''"
    spans = [text[q.start : q.end] for q in find_quotes(text)]
    assert spans == ["''It was a mistake,''", "''odd.''"]

