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


def test_no_publication_date_no_relative_conflict(article):
    text = "Russia on Wednesday ordered its troops to withdraw.\n\nPetrenko issued a retreat order early last month. He left."
    assert "date_conflict" not in kinds(run(article, text, published=pd.NaT))
