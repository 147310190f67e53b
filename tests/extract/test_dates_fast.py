"""The dateparser shortcut of :mod:`analystkit.extract.dates` agrees with dateparser itself."""

from __future__ import annotations

import datetime as dt

import pytest

from analystkit.extract import dates

BASES = [dt.date(2022, 1, 1), dt.date(2022, 2, 28), dt.date(2020, 2, 29), dt.date(2022, 6, 15), dt.date(2021, 12, 31), None]
EXPRESSIONS = [
    "2022", "1776", "2099", "1600",
    "march", "june", "may", "december", "march 2022", "may 1999",
    "february 24", "june 15", "june 16", "december 31", "january 1", "march 1st", "july 4th", "24 february",
    "february 24, 2022", "february 24 2022", "24 february 2022", "june 3rd, 2021",
    "february 29", "february 29, 2020", "february 29, 2021", "february 30", "april 31, 2022",
    "this week", "last week", "next week", "this month", "last month", "next month", "this year", "last year", "next year",
]


@pytest.mark.parametrize("base", BASES, ids=str)
def test_shortcut_agrees_with_dateparser(base):
    for text in EXPRESSIONS:
        fast = dates._fast_date(text, base)
        if fast is not None:
            assert fast == dates._dateparser_call(text, base), (text, base)


def test_shortcut_covers_the_common_forms():
    base = dt.date(2022, 6, 15)
    assert dates._fast_date("2022", base) == dates.TimeValue(dt.date(2022, 1, 1), dt.date(2022, 12, 31), "year")
    assert dates._fast_date("june 16", base).start == dt.date(2021, 6, 16)  # past dates preferred
    assert dates._fast_date("last month", base) == dates.TimeValue(dt.date(2022, 5, 1), dt.date(2022, 5, 31), "month")
    assert dates._fast_date("february 29", base) is None  # left to dateparser
    assert dates._fast_date("summer", base) is None


def test_relative_offsets_cover_every_publication_date():
    from analystkit.extract.dates import relative_offsets

    assert relative_offsets("on Wednesday") == (-6, 0)
    assert relative_offsets("yesterday") == (-1, -1)
    low, high = relative_offsets("early last month")
    assert -62 <= low < high < -6  # never overlaps "on Wednesday"
    assert relative_offsets("2022") is None  # its own year: needs no publication date
    assert relative_offsets("for two weeks") is None  # a duration dates nothing
