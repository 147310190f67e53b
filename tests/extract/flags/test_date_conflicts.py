"""The date_conflict rule."""

from __future__ import annotations

import pandas as pd

from . import kinds, run


def test_date_conflict(article):
    text = (
        "Russia on Wednesday ordered its troops to withdraw from the city.\n\n"
        "Petrenko issued a retreat order early last month during a televised meeting. He was concerned about supplies."
    )
    flags = [f for f in run(article, text) if f["kind"] == "date_conflict"]
    assert len(flags) == 1
    assert flags[0]["text"] == "early last month" and flags[0]["related_text"] == "Wednesday"
    assert flags[0]["severity"] == "high"


def test_repeated_event_is_no_conflict(article):
    text = (
        "Russia attacked Kyiv on Wednesday.\n\n"
        "Russia also attacked Kyiv early last month."
    )
    assert "date_conflict" not in kinds(run(article, text))


def test_relative_dates_conflict_without_a_publication_date(article):
    """"on Wednesday" (0-6 days before publication) and "early last month" (20-61 days before) cannot
    date one event, whatever the publication date."""
    text = "Russia on Wednesday ordered its troops to withdraw.\n\nPetrenko issued a retreat order early last month. He left."
    flags = [f for f in run(article, text, published=pd.NaT) if f["kind"] == "date_conflict"]
    assert len(flags) == 1
    assert flags[0]["text"] == "early last month" and flags[0]["related_text"] == "Wednesday"
    assert "days before publication" in flags[0]["message"]


def test_relative_dates_that_can_agree_are_no_conflict_without_a_publication_date(article):
    # "on Wednesday" and "this week" can name the same day
    text = "Russia on Wednesday ordered its troops to withdraw.\n\nPetrenko issued a retreat order this week. He left."
    assert "date_conflict" not in kinds(run(article, text, published=pd.NaT))


def test_one_verb_with_two_different_objects_is_two_events(article):
    text = (
        "In January 2021, President Biden signed an executive order on pandemic equity.\n\n"
        "In June 2021, President Biden signed an executive order on workforce diversity."
    )
    assert "date_conflict" not in kinds(run(article, text))
