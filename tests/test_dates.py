"""Relative and explicit dates resolved against a publication date, checked by hand.

Publication date in these tests: Thursday 2023-12-14.
"""

import datetime as dt

import pytest

from eventscope.records import DateDerivation, DatePrecision
from eventscope.resolve.dates import duration_days, resolve_date

PUB = dt.date(2023, 12, 14)  # a Thursday
D = dt.date


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("today", D(2023, 12, 14), D(2023, 12, 14), DatePrecision.DAY),
        ("yesterday", D(2023, 12, 13), D(2023, 12, 13), DatePrecision.DAY),
        ("last night", D(2023, 12, 13), D(2023, 12, 14), DatePrecision.DAY),
        ("Thursday", D(2023, 12, 14), D(2023, 12, 14), DatePrecision.DAY),
        ("on Monday", D(2023, 12, 11), D(2023, 12, 11), DatePrecision.DAY),
        ("Friday", D(2023, 12, 8), D(2023, 12, 8), DatePrecision.DAY),
        ("Sunday night", D(2023, 12, 10), D(2023, 12, 10), DatePrecision.DAY),
        ("last week", D(2023, 12, 4), D(2023, 12, 10), DatePrecision.WEEK),
        ("earlier this week", D(2023, 12, 11), D(2023, 12, 14), DatePrecision.WEEK),
        ("last month", D(2023, 11, 1), D(2023, 11, 30), DatePrecision.MONTH),
        ("earlier this month", D(2023, 12, 1), D(2023, 12, 14), DatePrecision.MONTH),
        ("three days ago", D(2023, 12, 11), D(2023, 12, 11), DatePrecision.DAY),
        ("December 7", D(2023, 12, 7), D(2023, 12, 7), DatePrecision.DAY),
        ("7 December", D(2023, 12, 7), D(2023, 12, 7), DatePrecision.DAY),
        ("December 20", D(2022, 12, 20), D(2022, 12, 20), DatePrecision.DAY),
        ("in March", D(2023, 3, 1), D(2023, 3, 31), DatePrecision.MONTH),
        ("since October 7", D(2023, 10, 7), D(2023, 12, 14), DatePrecision.DAY),
        ("last year", D(2022, 1, 1), D(2022, 12, 31), DatePrecision.YEAR),
    ],
)
def test_relative_dates_resolve_against_publication(text, start, end, precision):
    date = resolve_date(text, PUB)
    assert (date.start, date.end, date.precision) == (start, end, precision)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("7 December 2023", D(2023, 12, 7)),
        ("December 7, 2023", D(2023, 12, 7)),
        ("on 3 March 2021", D(2021, 3, 3)),
        ("2023-12-07", D(2023, 12, 7)),
    ],
)
def test_explicit_dates_need_no_publication_date(text, day):
    date = resolve_date(text, None)
    assert (date.start, date.end, date.precision, date.derivation) == (
        day,
        day,
        DatePrecision.DAY,
        DateDerivation.EXPLICIT,
    )


def test_month_and_year_has_month_precision():
    date = resolve_date("March 2021", None)
    assert (date.start, date.end, date.precision) == (
        D(2021, 3, 1),
        D(2021, 3, 31),
        DatePrecision.MONTH,
    )


def test_relative_date_without_publication_date_stays_unresolved():
    date = resolve_date("last week", None)
    assert date.start is None
    assert date.derivation is DateDerivation.UNRESOLVED
    assert "no publication date" in date.reason


def test_duration_is_not_a_date():
    date = resolve_date("a week", PUB)
    assert date.start is None and "duration" in date.reason


def test_same_day_takes_the_anchor_event_date():
    date = resolve_date("the same day", PUB, anchor=D(2023, 12, 7))
    assert date.start == D(2023, 12, 7)
    assert date.derivation is DateDerivation.RELATIVE_TO_EVENT


def test_same_day_without_anchor_is_unresolved():
    assert resolve_date("the same day", PUB).start is None


@pytest.mark.parametrize("text", ["last week", "yesterday", "last month", "last year", "three days ago"])
def test_dates_before_year_one_are_unresolved_not_errors(text):
    date = resolve_date(text, D(1, 1, 1))
    assert date.start is None and "outside the calendar" in date.reason


@pytest.mark.parametrize(
    ("text", "days"),
    [("a week", 7), ("two weeks", 14), ("three days", 3), ("a day", 1), ("a month", 30), ("10 days", 10)],
)
def test_durations_in_days(text, days):
    assert duration_days(text) == days


@pytest.mark.parametrize("text", ["last week", "Thursday", "weeks"])
def test_non_durations_are_none(text):
    assert duration_days(text) is None
