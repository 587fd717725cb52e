"""Relative and explicit dates resolved against a publication date, checked by hand.

Publication date in most tests: Thursday 2023-12-14. The year-boundary table
reads on Tuesday 2024-01-02, the leap-day rows on Tuesday 2024-03-05 and
Friday 2025-02-28, the Friday rows on Friday 2023-12-15.
"""

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import eventscope as es
from eventscope.extract.dateline import find_dateline
from eventscope.records import DateDerivation, DatePrecision
from eventscope.resolve.dates import duration_days, resolve_date, with_duration

PUB = dt.date(2023, 12, 14)  # a Thursday
NEW_YEAR = dt.date(2024, 1, 2)  # a Tuesday
FRIDAY = dt.date(2023, 12, 15)
D = dt.date
DAY, WEEK, MONTH, YEAR = DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH, DatePrecision.YEAR

# (expression, publication date, start, end, precision), each worked out on a calendar.
TABLE = [
    ("today", PUB, D(2023, 12, 14), D(2023, 12, 14), DAY),
    ("tonight", PUB, D(2023, 12, 14), D(2023, 12, 14), DAY),
    ("this morning", PUB, D(2023, 12, 14), D(2023, 12, 14), DAY),
    ("yesterday afternoon", PUB, D(2023, 12, 13), D(2023, 12, 13), DAY),
    ("the day before yesterday", PUB, D(2023, 12, 12), D(2023, 12, 12), DAY),
    ("overnight", PUB, D(2023, 12, 13), D(2023, 12, 14), DAY),
    ("late on Wednesday", PUB, D(2023, 12, 13), D(2023, 12, 13), DAY),
    ("early on Tuesday", PUB, D(2023, 12, 12), D(2023, 12, 12), DAY),
    ("Saturday morning", PUB, D(2023, 12, 9), D(2023, 12, 9), DAY),
    ("last Thursday", PUB, D(2023, 12, 7), D(2023, 12, 7), DAY),  # read on a Thursday: a week back
    ("last Monday", PUB, D(2023, 12, 11), D(2023, 12, 11), DAY),
    ("next Tuesday", PUB, D(2023, 12, 19), D(2023, 12, 19), DAY),
    ("Tuesday night to Wednesday", PUB, D(2023, 12, 12), D(2023, 12, 13), DAY),
    ("overnight Tuesday", PUB, D(2023, 12, 12), D(2023, 12, 13), DAY),
    ("this week", PUB, D(2023, 12, 11), D(2023, 12, 14), WEEK),
    ("at the weekend", PUB, D(2023, 12, 9), D(2023, 12, 10), WEEK),
    ("last weekend", PUB, D(2023, 12, 9), D(2023, 12, 10), WEEK),
    ("earlier this year", PUB, D(2023, 1, 1), D(2023, 12, 14), YEAR),
    ("two weeks ago", PUB, D(2023, 11, 30), D(2023, 11, 30), WEEK),
    ("a few days ago", PUB, D(2023, 12, 11), D(2023, 12, 11), WEEK),
    ("over the past day", PUB, D(2023, 12, 13), D(2023, 12, 14), DAY),
    ("in the past 24 hours", PUB, D(2023, 12, 13), D(2023, 12, 14), DAY),
    ("the past two weeks", PUB, D(2023, 11, 30), D(2023, 12, 14), WEEK),
    ("in recent days", PUB, D(2023, 12, 7), D(2023, 12, 14), WEEK),
    ("Dec. 7", PUB, D(2023, 12, 7), D(2023, 12, 7), DAY),
    ("the 7th of December", PUB, D(2023, 12, 7), D(2023, 12, 7), DAY),
    ("Thursday, December 7", PUB, D(2023, 12, 7), D(2023, 12, 7), DAY),
    ("7-9 December", PUB, D(2023, 12, 7), D(2023, 12, 9), DAY),
    ("the night of 7-8 December", PUB, D(2023, 12, 7), D(2023, 12, 8), DAY),
    ("early March", PUB, D(2023, 3, 1), D(2023, 3, 10), MONTH),
    ("late November", PUB, D(2023, 11, 21), D(2023, 11, 30), MONTH),
    ("in December", PUB, D(2023, 12, 1), D(2023, 12, 14), MONTH),  # not past publication
    ("last summer", PUB, D(2023, 6, 1), D(2023, 8, 31), MONTH),
    ("this spring", PUB, D(2023, 3, 1), D(2023, 5, 31), MONTH),
    ("this winter", PUB, D(2023, 12, 1), D(2023, 12, 14), MONTH),
    ("since 2014", PUB, D(2014, 1, 1), D(2023, 12, 14), YEAR),
    ("around 7 December", PUB, D(2023, 12, 7), D(2023, 12, 7), WEEK),
    ("Around 28 April 2020 (as reported)", PUB, D(2020, 4, 28), D(2020, 4, 28), WEEK),
    ("mid-March 2020", PUB, D(2020, 3, 11), D(2020, 3, 20), MONTH),
    ("spring 2021", PUB, D(2021, 3, 1), D(2021, 5, 31), MONTH),
    ("in 2019", PUB, D(2019, 1, 1), D(2019, 12, 31), YEAR),
    ("Sept 15th 2019", PUB, D(2019, 9, 15), D(2019, 9, 15), DAY),
    ("30 Apr 2020", PUB, D(2020, 4, 30), D(2020, 4, 30), DAY),
    ("between 5 and 7 May 2021", PUB, D(2021, 5, 5), D(2021, 5, 7), DAY),
    # year boundary: read on Tuesday 2 January 2024
    ("December 30", NEW_YEAR, D(2023, 12, 30), D(2023, 12, 30), DAY),
    ("30 December", NEW_YEAR, D(2023, 12, 30), D(2023, 12, 30), DAY),
    ("January 1", NEW_YEAR, D(2024, 1, 1), D(2024, 1, 1), DAY),
    ("yesterday", NEW_YEAR, D(2024, 1, 1), D(2024, 1, 1), DAY),
    ("last night", NEW_YEAR, D(2024, 1, 1), D(2024, 1, 2), DAY),
    ("Friday", NEW_YEAR, D(2023, 12, 29), D(2023, 12, 29), DAY),
    ("last week", NEW_YEAR, D(2023, 12, 25), D(2023, 12, 31), WEEK),
    ("the weekend", NEW_YEAR, D(2023, 12, 30), D(2023, 12, 31), WEEK),
    ("last month", NEW_YEAR, D(2023, 12, 1), D(2023, 12, 31), MONTH),
    ("in December", NEW_YEAR, D(2023, 12, 1), D(2023, 12, 31), MONTH),
    ("last year", NEW_YEAR, D(2023, 1, 1), D(2023, 12, 31), YEAR),
    ("earlier this year", NEW_YEAR, D(2024, 1, 1), D(2024, 1, 2), YEAR),
    # leap days
    ("February 29", D(2024, 3, 5), D(2024, 2, 29), D(2024, 2, 29), DAY),
    ("29 Feb", D(2025, 2, 28), D(2024, 2, 29), D(2024, 2, 29), DAY),
    ("yesterday", D(2024, 3, 1), D(2024, 2, 29), D(2024, 2, 29), DAY),
    ("last month", D(2024, 3, 10), D(2024, 2, 1), D(2024, 2, 29), MONTH),
    # read on a Friday
    ("last Friday", FRIDAY, D(2023, 12, 8), D(2023, 12, 8), DAY),
    ("Friday", FRIDAY, D(2023, 12, 15), D(2023, 12, 15), DAY),
    ("on Friday night", FRIDAY, D(2023, 12, 15), D(2023, 12, 15), DAY),
    ("this past Friday", FRIDAY, D(2023, 12, 8), D(2023, 12, 8), DAY),
]


@pytest.mark.parametrize(("text", "published", "start", "end", "precision"), TABLE)
def test_news_time_expressions_resolve_by_hand(text, published, start, end, precision):
    """Issue 5: what news writes, read against the publication date."""
    date = resolve_date(text, published)
    assert (date.start, date.end, date.precision) == (start, end, precision)
    assert date.mention == text


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


def test_table_has_sixty_expressions():
    assert len(TABLE) + 18 >= 60  # with the table of test_relative_dates_resolve_against_publication


def test_leap_day_without_a_leap_year_within_a_year_is_unresolved():
    date = resolve_date("29 February", D(2023, 3, 1))
    assert date.start is None
    assert "within a year" in date.reason


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("on Thursday", D(2023, 12, 21)),  # read on a Thursday, in future tense: next week
        ("Friday", D(2023, 12, 15)),
        ("December 20", D(2023, 12, 20)),
    ],
)
def test_future_tense_looks_forward(text, day):
    assert resolve_date(text, PUB, future=True).start == day


def test_future_month_is_the_next_one():
    date = resolve_date("in March", PUB, future=True)
    assert (date.start, date.end) == (D(2024, 3, 1), D(2024, 3, 31))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("the next day", D(2023, 12, 8)),
        ("the following day", D(2023, 12, 8)),
        ("the previous day", D(2023, 12, 6)),
        ("two days later", D(2023, 12, 9)),
        ("a week later", D(2023, 12, 14)),
        ("three days earlier", D(2023, 12, 4)),
        ("later that day", D(2023, 12, 7)),
    ],
)
def test_relative_to_another_event(text, day):
    date = resolve_date(text, PUB, anchor=D(2023, 12, 7))
    assert (date.start, date.end, date.precision) == (day, day, DAY)
    assert date.derivation is DateDerivation.RELATIVE_TO_EVENT


def test_two_days_later_without_an_event_before_it_is_unresolved():
    date = resolve_date("two days later", PUB)
    assert date.start is None and "another event" in date.reason


def test_during_this_period_is_the_period_named_before():
    date = resolve_date("during this period", PUB, period=(D(2023, 10, 7), PUB))
    assert (date.start, date.end) == (D(2023, 10, 7), PUB)
    assert date.derivation is DateDerivation.RELATIVE_TO_EVENT


@pytest.mark.parametrize("text", ["more than 75 days", "64-year-old", "+ 5", "the 1990s war"])
def test_numbers_and_durations_are_not_dates(text):
    assert resolve_date(text, PUB).start is None


def test_a_three_day_siege_spans_three_days():
    start = resolve_date("Monday", PUB)
    siege = with_duration(start, duration_days("three-day") or 0)
    assert (siege.start, siege.end) == (D(2023, 12, 11), D(2023, 12, 13))
    ended = with_duration(resolve_date("Wednesday", PUB), 3, ending=True)
    assert (ended.start, ended.end) == (D(2023, 12, 11), D(2023, 12, 13))


# --- properties ------------------------------------------------------------------------

PAST_EXPRESSIONS = [
    "today", "yesterday", "last night", "overnight", "Thursday", "on Monday", "last Friday",
    "Sunday night", "late on Saturday", "last week", "earlier this week", "at the weekend",
    "last weekend", "last month", "earlier this month", "last year", "this year", "three days ago",
    "two weeks ago", "a month ago", "the past day", "the past 24 hours", "in recent days",
    "December 7", "7 December", "29 February", "the 1st of March", "31 December", "in March",
    "early March", "late December", "in February", "last summer", "this winter", "since October 7",
    "since March", "around 3 May", "the night of 7-8 May", "31 January", "overnight Sunday",
]


@given(st.sampled_from(PAST_EXPRESSIONS), st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)))
def test_a_past_date_is_never_after_publication(text, published):
    date = resolve_date(text, published)
    if date.start is not None:
        assert date.end is not None
        assert date.start <= date.end <= published


@given(
    st.sampled_from(
        [*PAST_EXPRESSIONS, "next Tuesday", "7 December 2023", "March 2021", "2019", "two days later",
         "the same day", "during this period", "7-9 May 2021", "mid-June 2020", "spring 2021",
         "the previous day", "a week later"]
    ),
    st.one_of(st.none(), st.dates()),
    st.one_of(st.none(), st.dates()),
    st.booleans(),
)
def test_ranges_have_start_before_end(text, published, anchor, future):
    period = (anchor, published) if anchor and published and anchor <= published else None
    date = resolve_date(text, published, anchor=anchor, period=period, future=future)
    if date.start is not None:
        assert date.end is not None and date.start <= date.end
        assert date.precision is not DatePrecision.UNKNOWN
    else:
        assert date.derivation is DateDerivation.UNRESOLVED and date.reason


# --- the dateline ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place", "date", "outlet"),
    [
        ("BAGHDAD, Dec 14 (Reuters) - Rockets hit", "BAGHDAD", "Dec 14", "Reuters"),
        ("NEW DELHI, 14 December 2023 (AFP) - Police", "NEW DELHI", "14 December 2023", "AFP"),
        ("KHERSON, Ukraine, Aug 20 - Russian forces", "KHERSON", "Aug 20", None),
        ("ST. PETERSBURG (AP) - A court", "ST. PETERSBURG", None, "AP"),
    ],
)
def test_dateline_gives_place_date_and_outlet(text, place, date, outlet):
    found = find_dateline(text)
    assert found is not None
    assert (found.place, found.date, found.outlet) == (place, date, outlet)


def test_text_without_dateline_has_none():
    assert find_dateline("Police said on Monday that - as expected - nobody came.") is None


# --- linking a time expression to its event ---------------------------------------------


def _only(events, type_):
    (event,) = [e for e in events if e.type is type_]
    return event


def test_event_date_is_not_the_announcement_date():
    events = es.extract("Gunmen killed five villagers in Kidal, police said on Thursday.", published="2023-12-14")
    killed = _only(events, es.EventType.ASSAULT)
    assert killed.date.derivation is DateDerivation.PUBLICATION_FALLBACK
    assert killed.date.mention is None


def test_event_takes_its_own_date_inside_a_statement():
    events = es.extract(
        "Police said on Thursday that gunmen killed five villagers in Kidal on Tuesday.",
        published="2023-12-14",
    )
    assert _only(events, es.EventType.ASSAULT).date.start == D(2023, 12, 12)


def test_relative_clause_keeps_its_date():
    events = es.extract(
        "Police arrested two men in Nairobi who had attacked a checkpoint on Monday.",
        published="2023-12-14",
    )
    arrest = _only(events, es.EventType.COERCE)
    assert arrest.date.start == PUB and arrest.date.mention is None


def test_cause_told_after_its_event_keeps_its_date():
    events = es.extract(
        "Protesters blocked the highway in Eldoret after two guards were killed the previous evening.",
        published="2023-12-14",
    )
    protest = _only(events, es.EventType.PROTEST)
    assert protest.date.start == PUB


def test_two_days_later_counts_from_the_event_before():
    events = es.extract(
        "Rebels attacked a village near Goma on 5 December. "
        "Two days later, soldiers clashed with the rebels near Goma.",
        published="2023-12-14",
    )
    dates = sorted(e.date.start for e in events if e.type is es.EventType.ASSAULT)
    assert dates == [D(2023, 12, 5), D(2023, 12, 7)]


def test_dateline_date_is_the_reference_without_publication_date():
    text = "BAGHDAD, Dec 13, 2023 (Reuters) - Rockets hit the US embassy compound in Baghdad on Tuesday."
    (event,) = es.extract(text)
    assert event.date.start == D(2023, 12, 12)
    (undated,) = es.extract("BAGHDAD, Dec 13, 2023 (Reuters) - Rockets hit the US embassy compound in Baghdad.")
    assert undated.date.start == D(2023, 12, 13)
    assert undated.date.derivation is DateDerivation.DATELINE


def test_without_any_date_the_event_says_so():
    (event,) = es.extract("Rockets hit the US embassy compound in Baghdad.")
    assert event.date.start is None
    assert event.date.derivation is DateDerivation.UNRESOLVED
    assert "no publication date" in event.date.reason


SAMPLE = Path(__file__).resolve().parents[1].parent / "shared" / "samples" / "iraq-embassy-attackers.txt"


@pytest.fixture(scope="module")
def sample_events():
    if not SAMPLE.exists():
        pytest.skip(f"the shared sample is not beside the project at {SAMPLE}")
    body = SAMPLE.read_text(encoding="utf-8").split("-----", 1)[1].strip()
    return es.extract(body, published="2023-12-14")


def test_sample_embassy_attack_last_week_is_the_december_7_attack(sample_events):
    (attack,) = [e for e in sample_events if e.trigger.text == "attacked"]
    assert (attack.date.start, attack.date.end, attack.date.precision) == (D(2023, 12, 7), D(2023, 12, 7), DAY)
    assert attack.date.mention == "last week"


def test_sample_aggregate_runs_from_october_7_to_publication(sample_events):
    aggregates = [e for e in sample_events if e.is_aggregate]
    assert aggregates
    for event in aggregates:
        assert (event.date.start, event.date.end) == (D(2023, 10, 7), PUB)


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        # the parser hangs the closing date on a participle describing the object
        ("Militiamen attacked federal troops stationed in Gondar on 15 September.", "2025-09-17", D(2025, 9, 15)),
        ("Villagers beat two men suspected of theft near Kananga on 22 March.", "2025-03-25", D(2025, 3, 22)),
        ("Soldiers seized a cache containing 60 rifles near Maroua on 5 December.", "2024-12-07", D(2024, 12, 5)),
        # a participle that is an event keeps its own date
        ("Police arrested two men wanted for a robbery committed on 2 May.", "2024-05-09", D(2024, 5, 9)),
    ],
)
def test_a_closing_date_on_a_describing_participle_is_the_event_date(text, published, day):
    (event,) = es.extract(text, published=published)
    assert event.date.start == day


def test_sample_undated_statements_take_the_publication_date_and_say_so(sample_events):
    (blame,) = [e for e in sample_events if e.type is es.EventType.ACCUSE and e.trigger.text == "blamed"]
    assert blame.date.start == PUB
    assert blame.date.derivation is DateDerivation.PUBLICATION_FALLBACK


def test_hand_coded_article_dates_read_as_the_coder_read_them():
    """tests/articles/15: weekday, year boundary, overnight, "the same day", "since"."""
    articles = Path(__file__).parent / "articles"
    text = (articles / "15-date-forms-kisumu-traders.txt").read_text(encoding="utf-8")
    body = text.split("-----", 1)[1].strip()
    events = es.extract(body, published="2024-01-02")
    gold = json.loads((articles / "15-date-forms-kisumu-traders.expected.json").read_text(encoding="utf-8"))
    for coded in gold:
        if coded["certainty"] == "hypothetical":
            continue
        (event,) = [e for e in events if e.type.value == coded["type"] and e.evidence.text in coded["sentence"]]
        if coded["is_aggregate"]:
            assert event.is_aggregate and (event.date.start, event.date.end) == (D(2023, 12, 1), NEW_YEAR)
        else:
            assert event.date.start.isoformat() == coded["date"], coded["trigger"]


@pytest.mark.parametrize(
    "text",
    [
        "On 29 April 2023, 2 soldiers were killed in an ambush near Gao.",
        "On April 29, 2023, 2 soldiers were killed in an ambush near Gao.",
    ],
)
def test_a_count_right_after_the_date_does_not_cut_the_day(text):
    # "29 April 2023, 2": the count after the comma is no part of the date
    (event,) = es.extract(text, published="2023-05-02")
    assert (event.date.start, event.date.precision.value) == (D(2023, 4, 29), "day")


# Day and month in digits, read in the order that puts them nearest publication (on or
# before it), day first when both orders are as near; each worked out on a calendar.
@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        ("28/02", D(2018, 3, 1), D(2018, 2, 28)),  # 28 cannot be a month
        ("04/05", D(2019, 5, 10), D(2019, 5, 4)),  # 4 May is 6 days back; 5 April 35
        ("04/05", D(2019, 4, 7), D(2019, 4, 5)),  # 5 April is 2 days back; 4 May 2018 338
        ("on 21/06", D(2015, 6, 25), D(2015, 6, 21)),
        ("30/12", D(2024, 1, 2), D(2023, 12, 30)),  # across the new year
        ("14/03/2019", None, D(2019, 3, 14)),
        ("3/4/19", D(2019, 4, 10), D(2019, 4, 3)),  # two-digit year; 3 April, not 4 March
        ("05/05", D(2020, 5, 9), D(2020, 5, 5)),
    ],
)
def test_day_and_month_in_digits(text, published, day):
    date = resolve_date(text, published)
    assert (date.start, date.end, date.precision) == (day, day, DAY)


def test_day_and_month_in_digits_need_a_year_or_a_publication_date():
    assert resolve_date("21/06", None).start is None
    assert resolve_date("31/31", PUB).start is None


def test_digits_after_a_preposition_date_an_event_but_a_name_does_not():
    (event,) = es.extract("Two men were shot dead by police in Garissa on 14/03.", published="2019-03-20")
    assert event.date is not None and event.date.start == D(2019, 3, 14)
    (event,) = es.extract("Shelling was observed near Mine 6/7 in Donetsk.", published="2019-03-20")
    assert event.date is not None and event.date.start == D(2019, 3, 20)  # the publication date
