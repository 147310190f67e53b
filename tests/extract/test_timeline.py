"""The timeline: time expressions normalised against the publication date, and their events."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analystkit.extract import extract_article
from analystkit.extract.dates import normalise_time

BASE = dt.date(2022, 11, 9)  # a Wednesday


@pytest.mark.parametrize(
    "expression, start, end, granularity",
    [
        ("Wednesday", "2022-11-09", "2022-11-09", "day"),
        ("on Tuesday", "2022-11-08", "2022-11-08", "day"),
        ("early last month", "2022-10-01", "2022-10-10", "month"),
        ("a few weeks ago", "2022-10-10", "2022-10-30", "week"),
        ("February 24", "2022-02-24", "2022-02-24", "day"),
        ("2014", "2014-01-01", "2014-12-31", "year"),
        ("yesterday", "2022-11-08", "2022-11-08", "day"),
        ("last week", "2022-10-31", "2022-11-06", "week"),
        ("March 2022", "2022-03-01", "2022-03-31", "month"),
        ("the 1990s", "1990-01-01", "1999-12-31", "decade"),
    ],
)
def test_normalise_time(expression, start, end, granularity):
    value = normalise_time(expression, BASE)
    assert (value.start.isoformat(), value.end.isoformat(), value.granularity) == (start, end, granularity)


@pytest.mark.parametrize("duration", ["several more days", "two weeks", "weeks", "24 hours", "the day"])
def test_durations_date_nothing(duration):
    assert normalise_time(duration, BASE) is None


def test_future_weekday():
    assert normalise_time("Friday", BASE, future=True).start == dt.date(2022, 11, 11)


def test_without_publication_date_only_absolute():
    assert normalise_time("last month", None) is None
    assert normalise_time("February 24, 2022", None).start == dt.date(2022, 2, 24)


def rows(article, text, published=pd.Timestamp("2022-11-09")):
    return extract_article(article(text, published=published))["timeline"]


def test_timeline_rows_and_events(article):
    text = "Russia on Wednesday ordered its troops to withdraw. Kherson was captured since the February 24 invasion."
    found = rows(article, text)
    by_text = {r["text"]: r for r in found}
    assert set(by_text) == {"Wednesday", "February 24"}
    wednesday = by_text["Wednesday"]
    assert wednesday["date_start"] == dt.date(2022, 11, 9) and wednesday["relation"] == "on"
    assert wednesday["agent"] == "Russia" and wednesday["event_key"] == "order withdraw"
    assert "withdraw" in wednesday["event"]
    invasion = by_text["February 24"]
    assert invasion["relation"] == "since" and invasion["event_key"].startswith("invade")
    for r in found:
        assert text[r["start"] : r["end"]] == r["text"]
        assert text[r["anchor_start"] : r["anchor_end"]] == r["anchor_text"]


def test_light_verb_takes_its_object_event(article):
    found = rows(article, "Petrenko issued a retreat order early last month.")
    assert found[0]["event_key"] == "order withdraw"


def test_seed_timeline(sample_corpus):
    timeline = sample_corpus.timeline
    seed = timeline[timeline.article_id == "000_9cc23866541e5586"].set_index("text")
    assert seed.loc["Wednesday", "date_start"] == pd.Timestamp(2022, 11, 9)  # a datetime64 column (.dt works)
    assert seed.loc["early last month", "date_start"] == pd.Timestamp(2022, 10, 1)
    assert seed.loc["February 24", "date_start"] == pd.Timestamp(2022, 2, 24)
    assert str(timeline.date_start.dtype).startswith("datetime64")
