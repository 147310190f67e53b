"""Mention text helpers."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("mention,expected", [("the Kremlin's", "Kremlin"), ("The White House", "White House"), ("Russia’s", "Russia")])
def test_clean_mention(mention, expected):
    from analystkit.nlp.linking import clean_mention

    assert clean_mention(mention) == expected


def test_indefinite_article_stripped():
    from analystkit.nlp.linking import clean_mention

    assert clean_mention("a World Health Organisation") == "World Health Organisation"
    assert clean_mention("An Afghan") == "Afghan"
