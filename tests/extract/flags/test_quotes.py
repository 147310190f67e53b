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


def test_a_quotation_running_on_over_paragraphs_is_not_suspicious(article):
    from . import kinds, run

    text = (
        "The minister spoke on Monday.\n\n"
        "“We will rebuild the bridge,” she said. “It will take a year.\n\n"
        "“Then the trains will run again.”\n\n"
        "“Nobody doubts it. The money is there.\n\n"
        "and the workers are ready.”"
    )
    assert "suspicious_quote" not in kinds(run(article, text))


def test_a_wrong_way_closing_mark_pairs(article):
    from . import kinds, run

    text = "The minister spoke on Monday.\n\nShe called the plan “highly significant“ in a statement."
    assert "suspicious_quote" not in kinds(run(article, text))


def test_many_unpaired_marks_make_one_flag(article):
    from . import run

    text = "The minister spoke.\n\n“One.\n\nTwo.”\n\nThree.”\n\nFour.”\n\nFive.”\n\nSix.”"
    quotes = [f for f in run(article, text) if f["kind"] == "suspicious_quote"]
    assert len(quotes) == 1 and "pair with nothing" in quotes[0]["message"]
