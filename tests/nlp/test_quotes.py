"""Quotation marks paired into quotes."""

from __future__ import annotations

from analystkit.nlp.quotes import quotations


def test_quotations_pairs_and_unmatched():
    text = 'a "b" c “d” e "f'
    pairs, unmatched = quotations(text, 0, len(text))
    assert pairs == [(2, 4), (8, 10)]
    assert unmatched == [14]
