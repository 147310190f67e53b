"""The suspicious_quote rule."""

from __future__ import annotations

from . import kinds, run


def test_suspicious_quotes(article):
    short = 'The city is known as the "Jewel of the Coast." Called "Green." Officials agreed.'
    found = [f for f in run(article, short) if f["kind"] == "suspicious_quote"]
    assert {f["text"] for f in found} == {'"Jewel of the Coast."', '"Green."'}
    unclosed = 'The minister said "we will never leave the city.\n\nOfficials disagreed.'
    assert "suspicious_quote" in kinds(run(article, unclosed))


def test_terms_and_running_quotes_are_not_suspicious(article):
    term = 'The corridor gives Russia a much-coveted "land bridge" to Crimea, officials said.'
    running = 'He said, "We learned a lot today.\n\nIt was a very emotional day." Others agreed.'
    assert "suspicious_quote" not in kinds(run(article, term))
    assert "suspicious_quote" not in kinds(run(article, running))
