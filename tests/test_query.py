"""The one filter model, sort orders, cursor pages and the summaries behind charts and maps."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from factories import kharkiv_article, kharkiv_events, lagos_article, lagos_events
from hypothesis import given
from hypothesis import strategies as st

from eventscope.errors import ConfigError, StoreError
from eventscope.records import (
    Article,
    DateDerivation,
    DatePrecision,
    Event,
    EventDate,
    Place,
    Quantity,
    Source,
)
from eventscope.store import EventFilter, Sort, Store
from eventscope.store.summary import fold_timeline, period_start
from eventscope.table import event_row


def save_both(store: Store) -> dict[str, Event]:
    kharkiv, lagos = kharkiv_article(), lagos_article()
    strike, arrest, accusation = kharkiv_events(kharkiv)
    protest, arrests = lagos_events(lagos)
    store.save(kharkiv, [strike, arrest, accusation])
    store.save(lagos, [protest, arrests])
    return {
        "strike": strike, "arrest": arrest, "accusation": accusation,
        "protest": protest, "arrests": arrests,
    }


def names(store: Store, saved: dict[str, Event], flt: EventFilter) -> set[str]:
    by_id = {event.event_id: name for name, event in saved.items()}
    return {by_id[event.event_id] for event in store.iter_events(flt)}


# Parsing what people type


def test_parse_reads_names_codes_dates_and_boxes() -> None:
    flt = EventFilter.parse(
        {"type": "assault", "country": "Iraq", "since": "2023-12-01", "until": None,
         "bbox": "44,33,45,34", "min_corroboration": "2", "certainty": "Reported", "actor": ""}
    )
    assert flt == EventFilter(
        type="ASSAULT", country="IRQ", since=dt.date(2023, 12, 1),
        bbox=(44.0, 33.0, 45.0, 34.0), min_corroboration=2, certainty="reported",
    )


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"type": "riot"}, "type"),
        ({"country": "Atlantis"}, "country"),
        ({"since": "7 December"}, "since"),
        ({"since": "2024-02-01", "until": "2024-01-01"}, "since"),
        ({"bbox": "44,33,45"}, "bbox"),
        ({"bbox": "44,35,45,34"}, "bbox"),
        ({"bbox": "44,33,200,34"}, "bbox"),
        ({"min_corroboration": "two"}, "min_corroboration"),
        ({"min_corroboration": str(2**63)}, "min_corroboration"),
        ({"limit": "-1"}, "limit"),
        ({"certainty": "sure"}, "certainty"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_parse_refuses_with_the_field_named(values: dict[str, Any], field: str) -> None:
    with pytest.raises(ConfigError) as caught:
        EventFilter.parse(values)
    assert caught.value.code == "ES202"
    assert str(caught.value).startswith(f"[ES202] {field}:")


# Filters beyond the basic ones


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (EventFilter(mode="ARREST"), {"arrest", "arrests"}),
        (EventFilter(mode="demonstrate"), {"protest"}),
        (EventFilter(acled_event_type="strategic developments"), {"arrest", "arrests"}),
        (EventFilter(admin1="lagos"), {"protest", "arrests"}),
        # Kharkiv lies near 50.0 N, 36.25 E; Lagos near 6.45 N, 3.4 E.
        (EventFilter(bbox=(30.0, 45.0, 40.0, 55.0)), {"strike", "arrest"}),
        (EventFilter(bbox=(0.0, 0.0, 10.0, 10.0)), {"protest", "arrests"}),
        (EventFilter(bbox=(-10.0, -60.0, 10.0, 60.0)), {"protest", "arrests"}),
        (EventFilter(bbox=(170.0, -90.0, 5.0, 90.0)), {"protest", "arrests"}),  # crosses 180
        (EventFilter(bbox=(170.0, -90.0, 37.0, 90.0)), {"protest", "arrests", "strike", "arrest"}),
        (EventFilter(min_corroboration=1), {"strike", "arrest", "accusation", "protest", "arrests"}),
        (EventFilter(min_corroboration=2), set()),
        (EventFilter(certainty="asserted"), {"accusation", "protest"}),
    ],
)
def test_more_filters(store: Store, flt: EventFilter, expected: set[str]) -> None:
    saved = save_both(store)
    assert names(store, saved, flt) == expected
    assert store.count_events(flt) == len(expected)


# Sorting and cursor pages


def many_events(article: Article, base: Event, count: int) -> list[Event]:
    """``count`` variants of ``base`` with spread-out dates, tolls and places; some unknown."""
    events = []
    for i in range(count):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=i % 11)
        date = None if i % 7 == 0 else EventDate(day, day, DatePrecision.DAY, DateDerivation.EXPLICIT)
        killed = () if i % 5 == 0 else (Quantity(min=i % 4, max=i % 4, mention=str(i % 4)),)
        place = Place(mention="x", name=f"town {i}", lat=10 + i % 9, lon=20 + i % 13, country="UKR")
        events.append(
            dataclasses.replace(
                base, event_id=f"e{i:04d}", date=date, killed=killed, location=place,
                sources=(Source(article_id=article.article_id, outlet=article.outlet),),
            )
        )
    return events


@pytest.fixture
def crowded(store: Store) -> list[Event]:
    article = kharkiv_article()
    events = many_events(article, kharkiv_events(article)[0], 40)
    store.save(article, events)
    return events


def test_pages_cover_every_event_once_in_the_full_order(store: Store, crowded: list[Event]) -> None:
    for spec in ("-date", "date", "-killed", "killed", "type", "-corroboration"):
        sort = Sort(spec)
        whole = [e.event_id for e in store.iter_events(sort=sort)]
        paged: list[str] = []
        cursor = None
        while True:
            page = store.page_events(sort=sort, after=cursor, size=6)
            paged += [e.event_id for e in page.events]
            cursor = page.next_cursor
            if cursor is None:
                break
        assert paged == whole, spec
        assert len(whole) == 40


@pytest.mark.parametrize("spec", ["-date", "killed", "-corroboration", "country"])
def test_row_pages_read_from_columns_equal_the_rebuilt_records(
    store: Store, crowded: list[Event], spec: str
) -> None:
    sort, flt = Sort(spec), EventFilter(since=dt.date(2024, 1, 1))
    cursors: tuple[str | None, str | None] = (None, None)
    pages = 0
    while True:
        events = store.page_events(flt, sort=sort, after=cursors[0], size=7)
        rows = store.page_rows(flt, sort=sort, after=cursors[1], size=7)
        assert rows.rows == [event_row(e) for e in events.events]
        assert any(r["article_ids"] for r in rows.rows)
        cursors = (events.next_cursor, rows.next_cursor)
        assert cursors[0] == cursors[1]
        pages += 1
        if cursors[0] is None:
            break
    assert pages >= 2


def test_newest_first_puts_undated_last_and_breaks_ties_by_id(store: Store, crowded: list[Event]) -> None:
    # Ties go by event id in the order's direction, so one index serves both directions.
    rows = [event_row(e) for e in store.iter_events(sort=Sort("-date"))]
    dates = [r["date_start"] for r in rows]
    dated = [d for d in dates if d is not None]
    assert dated == sorted(dated, reverse=True)
    assert dates[len(dated):] == [None] * (len(dates) - len(dated))
    same_day = [r["event_id"] for r in rows if r["date_start"] == dt.date(2024, 1, 11)]
    assert same_day == sorted(same_day, reverse=True) and same_day


def test_most_killed_first(store: Store, crowded: list[Event]) -> None:
    tolls = [event_row(e)["killed_min"] for e in store.iter_events(sort=Sort("-killed"))]
    assert tolls[0] == 3
    known = [t for t in tolls if t is not None]
    assert known == sorted(known, reverse=True)
    assert tolls[-1] is None


def test_a_cursor_belongs_to_its_sort(store: Store, crowded: list[Event]) -> None:
    page = store.page_events(sort=Sort("-date"), size=5)
    assert page.next_cursor is not None
    with pytest.raises(ConfigError, match="continues sort '-date'"):
        store.page_events(sort=Sort("killed"), after=page.next_cursor)
    with pytest.raises(ConfigError, match="cursor"):
        store.page_events(after="not-a-cursor!")
    with pytest.raises(ConfigError, match="sort"):
        Sort("size")


def test_the_last_page_has_no_cursor(store: Store) -> None:
    save_both(store)
    page = store.page_events(size=5)
    assert len(page.events) == 5 and page.next_cursor is None


# Summaries


def test_stats_count_by_type_country_and_day(store: Store) -> None:
    save_both(store)
    stats = store.stats()
    assert stats.total == 5 and stats.undated == 1
    assert stats.by_type == {"COERCE": 2, "ACCUSE": 1, "ASSAULT": 1, "PROTEST": 1}
    assert stats.by_country == {"NGA": 2, "UKR": 2}
    assert stats.killed == 4  # "at least four" in Kharkiv
    # 2024-05-14 to 2024-08-08 is 87 days: counted by day, every day kept.
    assert stats.granularity == "day"
    assert stats.timeline[0].start == dt.date(2024, 5, 14)
    assert stats.timeline[0].counts == {"ASSAULT": 1, "COERCE": 1}
    assert stats.timeline[-1].start == dt.date(2024, 8, 8)
    assert stats.timeline[-1].counts == {"COERCE": 1, "PROTEST": 1}
    assert len(stats.timeline) == 87
    weekly = store.stats(EventFilter(country="UKR"), granularity="week")
    assert [(b.start, b.total) for b in weekly.timeline] == [(dt.date(2024, 5, 13), 2)]
    with pytest.raises(ConfigError, match="granularity"):
        store.stats(granularity="hour")


def test_timeline_folds_into_mondays_and_firsts() -> None:
    rows = [(dt.date(2024, 1, 31), "PROTEST", 2), (dt.date(2024, 2, 1), "PROTEST", 1),
            (dt.date(2024, 3, 3), "ASSAULT", 4)]
    months = fold_timeline(rows, "month")
    assert [(b.start, b.counts) for b in months] == [
        (dt.date(2024, 1, 1), {"PROTEST": 2}),
        (dt.date(2024, 2, 1), {"PROTEST": 1}),
        (dt.date(2024, 3, 1), {"ASSAULT": 4}),
    ]
    weeks = fold_timeline(rows, "week")
    assert weeks[0].start == dt.date(2024, 1, 29) and weeks[0].total == 3  # Wed 31st, Thu 1st
    assert weeks[-1].start == dt.date(2024, 2, 26) and weeks[-1].total == 4  # Sunday 3 March


@given(st.dates(), st.sampled_from(["day", "week", "month"]))
def test_a_period_starts_on_or_before_its_day(day: dt.date, granularity: str) -> None:
    start = period_start(day, granularity)
    assert start <= day and (day - start).days < 31
    assert period_start(start, granularity) == start


def test_actors_by_event_count(store: Store) -> None:
    save_both(store)
    actors = {a.name: a for a in store.actors()}
    police = actors["Nigeria Police Force"]
    assert (police.events, police.as_actor1, police.as_actor2) == (2, 1, 1)  # arrests; protest
    assert next(iter(actors)) == "Nigeria Police Force"
    only_ukraine = {a.name for a in store.actors(EventFilter(country="UKR"))}
    assert "Nigeria Police Force" not in only_ukraine and only_ukraine


def test_map_gives_points_then_cells(store: Store, crowded: list[Event]) -> None:
    markers = store.map_markers(max_points=100)
    assert markers.located == 40 and len(markers.points) == 40 and markers.cells == []
    assert {p.event_id for p in markers.points} == {e.event_id for e in crowded}
    dense = store.map_markers(max_points=10)
    assert dense.located == 40 and dense.points == []
    # Latitudes 10-18 and longitudes 20 + i % 13 fall in two 10-degree cells: 20-30 E, and
    # 30-40 E for i % 13 in 10, 11, 12 (i = 10-12, 23-25, 36-38: nine events).
    assert sorted((c.west, c.count) for c in dense.cells) == [(20.0, 31), (30.0, 9)]
    for c in dense.cells:
        assert c.south <= c.lat <= c.north and c.west <= c.lon <= c.east
    inside = store.map_markers(EventFilter(bbox=(19.0, 9.0, 25.0, 19.0)), max_points=100)
    # Longitudes 20-25: i % 13 in 0-5, six of every thirteen: i = 0-5, 13-18, 26-31, 39.
    assert inside.located == len(inside.points) == 19


# Writing a batch: all or nothing


def test_save_all_writes_nothing_when_one_article_fails(store: Store) -> None:
    kharkiv, lagos = kharkiv_article(), lagos_article()
    strike = kharkiv_events(kharkiv)[0]
    protest = lagos_events(lagos)[0]
    clash = dataclasses.replace(protest, event_id=strike.event_id)
    with pytest.raises(StoreError, match="ES405"):
        store.save_all([(kharkiv, [strike]), (lagos, [clash])])
    assert store.counts()["articles"] == 0 and store.counts()["events"] == 0
    assert store.save_all([(kharkiv, [strike]), (lagos, [protest]), (lagos, [protest])]) == [
        True, True, False,
    ]
