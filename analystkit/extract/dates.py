"""Normalise a time expression against the article's publication date.

:func:`normalise_time` turns what a DATE entity says ("Wednesday", "early last
month", "a few weeks ago", "February 24", "2014") into a date range and a
granularity, relative to the publication date:

* weekdays ("on Wednesday", "last Friday", "Monday night"): the latest such day on
  or before publication (news convention: the weekday of publication is that day),
  the next one for a future clause ("will meet on Friday");
* ``today`` / ``yesterday`` / ``tomorrow`` / ``tonight``;
* counted distances ("two weeks ago", "3 days ago"; vague counts "a few" = 2–4,
  "several" = 3–7, "a couple of" = 2): the unit ``n`` units back;
* "the past / last N units" (a range ending at publication);
* everything else through ``dateparser`` (BSD-3-Clause; never downloads anything) —
  its most frequent forms (a year, a month, a day of a month, this / last / next
  week, month or year) read by a shortcut that gives exactly its answers —
  with the publication date as its relative base and past dates preferred:
  "last month", "February 24", "March 2022", "this year"; the day, week, month or
  year it names becomes the range;
* position words narrow the range to its first, middle or last third: "early",
  "mid", "late", "the beginning/start/end of", "earlier this".

Durations ("several more days", "two weeks", "24 hours"), vague spans ("recent
weeks", "the day") and anything unparsable give ``None``: they date nothing. Without
a publication date only expressions that carry their own year are normalised.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..vocab.words import time_values, time_words

WEEKDAYS = time_words("weekday")
UNITS = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3652}
#: vague counts: (fewest, most)
VAGUE_COUNTS = {word: (int(value.split("-")[0]), int(value.split("-")[1])) for word, value in time_values("vague_count").items()}
NUMBER_WORDS = {word: int(value) for word, value in time_values("number").items()}
_POSITION = re.compile(r"^(early|mid|late|the beginning of|the start of|the end of|beginning of|start of|end of|earlier|later)[\s-]+", re.I)
_TIME_OF_DAY = re.compile(r"\s+(morning|afternoon|evening|night)$")
_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
_COUNT = r"(\d+|" + "|".join(VAGUE_COUNTS) + "|" + "|".join(NUMBER_WORDS) + r")"
_AGO = re.compile(rf"^{_COUNT}\s+(day|week|month|year|decade)s?\s+(ago|earlier|before)$")
_PAST_N = re.compile(rf"^(?:the\s+)?(past|last|previous)\s+{_COUNT}\s+(day|week|month|year)s?$")
_DURATION = re.compile(rf"^(?:(?:{_COUNT}|more|many|recent|some|the)\s+)*(?:more\s+)?(second|minute|hour|day|week|month|year|decade)s?$")
_DECADE = re.compile(r"^(?:the\s+)?(1[6-9]\d|20\d)0s$")


@dataclass(frozen=True)
class TimeValue:
    start: dt.date
    end: dt.date
    granularity: str  # day, week, month, year, decade, range

    def overlaps(self, other: "TimeValue", *, slack_days: int = 1) -> bool:
        """True when the two ranges overlap or lie within ``slack_days`` of each other."""
        slack = dt.timedelta(days=slack_days)
        return self.start <= other.end + slack and other.start <= self.end + slack


def _clean(expression: str) -> tuple[str, str | None]:
    """The expression lower-cased, without its preposition, article and position word; and the position word."""
    text = re.sub(r"\s+", " ", expression.strip().lower().replace("’", "'"))
    text = re.sub(r"^(on|in|at|since|until|by|from|during|throughout)\s+", "", text)
    text = re.sub(r"'s$", "", text).strip(" .,;:")
    position = None
    match = _POSITION.match(text)
    if match:
        position = match.group(1).lower()
        text = text[match.end():]
    if text.startswith("the ") and not _DECADE.match(text):
        text = text[4:]
    return text, position


def normalise_time(expression: str, published: dt.date | None, *, future: bool = False) -> TimeValue | None:
    """The date range ``expression`` names, relative to ``published`` (see the module docstring)."""
    text, position = _clean(expression)
    if not text or not re.search(r"[a-z0-9]", text):
        return None
    if published is None and not _YEAR.search(text):
        return None
    value = _parse(text, published, future=future)
    if value is None:
        return None
    return _narrow(value, position) if position else value


#: Publication dates tried by :func:`relative_offsets`: every weekday and every day of a month,
#: after a 31-day and after a 28-day month (so "last month" takes every length it can have).
_SAMPLE_BASES = tuple(dt.date(2021, month, day) for month in (1, 3) for day in range(1, 32))


@lru_cache(maxsize=4096)
def relative_offsets(expression: str, *, future: bool = False) -> tuple[int, int] | None:
    """For a time expression relative to an *unknown* publication date ("on Wednesday", "early last
    month", "two weeks ago"): the days before (negative) or after publication it can name, as
    ``(earliest, latest)`` over every possible publication date. ``None`` for an expression with
    its own year (it needs no publication date), a duration, or one read only by ``dateparser``.

    "on Wednesday" gives (-6, 0) — the latest Wednesday up to publication; "early last month"
    gives (-61, -22). Two expressions whose ranges do not overlap cannot date the same event,
    whatever the publication date.
    """
    text, position = _clean(expression)
    if not text or _YEAR.search(text) or _DECADE.match(text):
        return None
    first = _SAMPLE_BASES[0]
    if _relative(_TIME_OF_DAY.sub("", text), first, future=future) is None and _fast_date(text, first) is None:
        return None  # not a form read without dateparser: too slow to try on every base
    low, high = None, None
    for base in _SAMPLE_BASES:
        value = normalise_time(expression, base, future=future)
        if value is None:
            return None
        a, b = (value.start - base).days, (value.end - base).days
        low = a if low is None else min(low, a)
        high = b if high is None else max(high, b)
    return (low, high) if low is not None else None


def _parse(text: str, base: dt.date | None, *, future: bool) -> TimeValue | None:
    decade = _DECADE.match(text)
    if decade:
        first = int(decade.group(1)) * 10
        return TimeValue(dt.date(first, 1, 1), dt.date(first + 9, 12, 31), "decade")
    if _DURATION.match(text) and not _YEAR.search(text):
        return None  # "several more days", "two weeks", "weeks": a length of time, not a point
    if base is not None:
        simple = _relative(text, base, future=future)
        if simple is not None:
            return simple
    return _dateparser(text, base)


def _relative(text: str, base: dt.date, *, future: bool) -> TimeValue | None:
    day = dt.timedelta(days=1)
    text = _TIME_OF_DAY.sub("", text)
    if text in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return TimeValue(base, base, "day")
    if text in ("yesterday", "last night"):
        return TimeValue(base - day, base - day, "day")
    if text == "tomorrow":
        return TimeValue(base + day, base + day, "day")
    weekday = re.fullmatch(r"(?:(last|this|next|past)\s+)?(" + "|".join(WEEKDAYS) + ")", text)
    if weekday:
        which, name = weekday.groups()
        target = WEEKDAYS.index(name)
        if which == "next" or (future and which != "last"):
            offset = (target - base.weekday()) % 7 or 7
            date = base + offset * day
        else:
            offset = (base.weekday() - target) % 7
            if which == "last" and offset == 0:
                offset = 7
            date = base - offset * day
        return TimeValue(date, date, "day")
    ago = _AGO.match(text)
    if ago:
        low, high = _count(ago.group(1))
        unit = ago.group(2)
        latest = _shift(base, unit, -low)
        earliest = _shift(base, unit, -high)
        if low == high:
            return _unit_range(latest, unit)
        return TimeValue(_unit_range(earliest, unit).start, _unit_range(latest, unit).end, unit)
    past = _PAST_N.match(text)
    if past:
        _, high = _count(past.group(2))
        return TimeValue(_shift(base, past.group(3), -high), base, "range")
    return None


def _count(word: str) -> tuple[int, int]:
    if word.isdigit():
        return int(word), int(word)
    if word in VAGUE_COUNTS:
        return VAGUE_COUNTS[word]
    return NUMBER_WORDS[word], NUMBER_WORDS[word]


def _shift(date: dt.date, unit: str, n: int) -> dt.date:
    if unit == "month":
        month = date.month - 1 + n
        year = date.year + month // 12
        month = month % 12 + 1
        return dt.date(year, month, min(date.day, 28))
    if unit in ("year", "decade"):
        return dt.date(date.year + n * (10 if unit == "decade" else 1), date.month, min(date.day, 28))
    return date + dt.timedelta(days=n * UNITS[unit])


def _unit_range(date: dt.date, unit: str) -> TimeValue:
    """The whole day / week (Monday–Sunday) / month / year holding ``date``."""
    if unit == "week":
        start = date - dt.timedelta(days=date.weekday())
        return TimeValue(start, start + dt.timedelta(days=6), "week")
    if unit == "month":
        start = date.replace(day=1)
        following = _shift(start, "month", 1)
        return TimeValue(start, following - dt.timedelta(days=1), "month")
    if unit in ("year", "decade"):
        return TimeValue(dt.date(date.year, 1, 1), dt.date(date.year, 12, 31), "year")
    return TimeValue(date, date, "day")


MONTHS = time_words("month")
_MONTH_NUMBER = {name: number for number, name in enumerate(MONTHS, start=1)}
#: What ``dateparser`` would read, in the forms it is given most often: a year ("2022"), a
#: month ("june", "june 2022"), a day ("june 3", "june 3rd, 2022", "3 june 2022"), or "this /
#: last / next" week, month or year. Anything else goes to ``dateparser`` itself.
_MONTH_WORDS = "|".join(MONTHS)
_FAST_YEAR = re.compile(r"(1[6-9]\d\d|20\d\d)")
_FAST_MONTH = re.compile(rf"({_MONTH_WORDS})(?: (1[6-9]\d\d|20\d\d))?")
_FAST_DAY = re.compile(rf"(?:({_MONTH_WORDS}) ([1-9]|[12]\d|3[01])(?:st|nd|rd|th)?|([1-9]|[12]\d|3[01]) ({_MONTH_WORDS}))(?:,? (1[6-9]\d\d|20\d\d))?")
_FAST_RELATIVE = re.compile(r"(this|last|next) (week|month|year)")
_STEPS = {"this": 0, "last": -1, "next": 1}


def _fast_date(text: str, base: dt.date | None) -> TimeValue | None:
    """:func:`_dateparser`'s answer for the common forms above, without ``dateparser`` (``None``: not one of them).

    Checked to agree with ``dateparser`` on every year, month and day of these forms
    against publication dates over several years (see ``tests/extract/test_dates_fast.py``).
    """
    if _FAST_YEAR.fullmatch(text):
        year = int(text)
        return TimeValue(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    match = _FAST_MONTH.fullmatch(text)
    if match:
        month, year = _MONTH_NUMBER[match.group(1)], match.group(2)
        if year is not None:
            return _unit_range(dt.date(int(year), month, 1), "month")
        if base is None or base.day > 28:
            return None  # dateparser tries the base's day in that month first: leap-year quirks, left to it
        return _unit_range(dt.date(base.year if month <= base.month else base.year - 1, month, 1), "month")
    match = _FAST_DAY.fullmatch(text)
    if match:
        name, day, day_first, name_second, year = match.groups()
        month, day = _MONTH_NUMBER[name or name_second], int(day or day_first)
        if year is not None:
            date = _valid_date(int(year), month, day)
        elif base is None:
            return None
        else:
            date = _valid_date(base.year, month, day)
            if date is not None and date > base:
                date = _valid_date(base.year - 1, month, day)
        return TimeValue(date, date, "day") if date is not None else None
    match = _FAST_RELATIVE.fullmatch(text)
    if match and base is not None:
        which, unit = match.groups()
        step = _STEPS[which]
        if unit == "week":
            return _unit_range(base + dt.timedelta(days=7 * step), "week")
        if unit == "month":
            return _unit_range(_shift(base.replace(day=1), "month", step), "month")
        return _unit_range(dt.date(base.year + step, 1, 1), "year")
    return None


def _valid_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=4)
def _parser(base: dt.date | None):
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    else:
        settings["REQUIRE_PARTS"] = ["year"]
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def _dateparser(text: str, base: dt.date | None) -> TimeValue | None:
    if not re.search(r"[a-z]{3,}|\d", text):
        return None
    fast = _fast_date(text, base)
    if fast is not None:
        return fast
    return _dateparser_call(text, base)


def _dateparser_call(text: str, base: dt.date | None) -> TimeValue | None:
    """Ask ``dateparser`` itself (see :func:`_dateparser`)."""
    try:
        data = _parser(base).get_date_data(text)
    except Exception:  # noqa: BLE001 - a parser failure dates nothing
        return None
    found = data.date_obj
    if found is None or (found.hour, found.minute, found.second) not in ((0, 0, 0),) and not re.search(r"\d:\d|a\.?m\.?|p\.?m\.?|noon|midnight|morning|evening|night", text):
        return None
    period = data.period or "day"
    date = found.date()
    if period in ("year", "month", "week"):
        return _unit_range(date, period)
    if _YEAR.fullmatch(text):
        return _unit_range(date, "year")
    return TimeValue(date, date, "day")


def _narrow(value: TimeValue, position: str) -> TimeValue:
    """The first, middle or last third of a range ("early last month" → the 1st–10th)."""
    if position in ("earlier", "later"):
        return value  # "earlier this month": anywhere in it up to now, kept whole
    days = (value.end - value.start).days + 1
    if days < 3:
        return value
    third = days // 3
    if position in ("early", "the beginning of", "the start of", "beginning of", "start of"):
        return TimeValue(value.start, value.start + dt.timedelta(days=third - 1), value.granularity)
    if position == "mid":
        return TimeValue(value.start + dt.timedelta(days=third), value.end - dt.timedelta(days=third), value.granularity)
    return TimeValue(value.end - dt.timedelta(days=third - 1), value.end, value.granularity)


__all__ = ["TimeValue", "normalise_time", "relative_offsets"]
