"""Scoring system events and toponyms against gold files (eventscope.evaluate).

The fixtures in tests/fixtures/evaluate are small invented cases; every expected
score below is worked out by hand in the comments.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from eventscope.errors import InputError
from eventscope.evaluate import (
    EVENT_METRICS,
    PLACE_METRICS,
    GoldCase,
    GoldEvent,
    GoldPlace,
    PlaceCase,
    case_publication_date,
    haversine_km,
    lowest_credible,
    match_events,
    match_places,
    read_gold,
    read_place_gold,
    score_events,
    score_places,
    within_reported_range,
)
from eventscope.records import (
    DateDerivation,
    DatePrecision,
    Event,
    EventDate,
    EventType,
    Evidence,
    GeoPrecision,
    Place,
    Quantity,
)

FIXTURES = Path(__file__).parent / "fixtures" / "evaluate"
EVENTS_GOLD = FIXTURES / "events.jsonl"
PLACES_GOLD = FIXTURES / "places.jsonl"


def _evidence(start: int = 0, end: int = 1, text: str = "x") -> Evidence:
    return Evidence("case", 0, start, end, 0, end, text)


def _event(
    type: EventType,
    *,
    acled: str | None = None,
    sub: str | None = None,
    cameo: str | None = None,
    at: tuple[str, float, float, str] | None = None,
    day: str | None = None,
    killed: Sequence[tuple[int | None, int | None]] = (),
    arrested: Sequence[tuple[int | None, int | None]] = (),
) -> Event:
    """A hand-built system event; ``at`` is (name, lat, lon, country)."""
    location = None
    if at is not None:
        name, lat, lon, country = at
        location = Place(mention=name, name=name, lat=lat, lon=lon, country=country)
    date = None
    if day is not None:
        start = dt.date.fromisoformat(day)
        date = EventDate(start, start, DatePrecision.DAY, DateDerivation.EXPLICIT)
    return Event(
        event_id=f"{type.value}-{day}",
        type=type,
        trigger=_evidence(),
        evidence=_evidence(),
        acled_event_type=acled,
        acled_sub_event_type=sub,
        cameo_root=cameo,
        location=location,
        date=date,
        killed=tuple(Quantity(low, high, "n") for low, high in killed),
        arrested=tuple(Quantity(low, high, "n") for low, high in arrested),
    )


def _gold_cases() -> dict[str, GoldCase]:
    return {case.id: case for case in read_gold(EVENTS_GOLD)}


LYON = ("Lyon", 45.75, 4.85, "FRA")  # 1.9 km from the gold Lyon point
NICE = ("Nice", 43.70, 7.27, "FRA")  # 1.3 km from the gold Nice point
PARIS = ("Paris", 48.8566, 2.3522, "FRA")  # 391 km from Lyon, farther from the rest

# quay-2023-06 has 4 gold events (Lyon protest, Marseille arrests, Nice attack,
# Grenoble clash). The system finds the protest, the attack (a day early) and a
# MOBILIZE in Paris that matches nothing.
QUAY_SYSTEM = [
    _event(EventType.PROTEST, acled="Protests", sub="Peaceful protest", at=LYON, day="2023-06-12"),
    _event(
        EventType.ASSAULT,
        acled="Violence against civilians",
        sub="Attack",
        at=NICE,
        day="2023-06-11",
        killed=[(2, 2)],
    ),
    _event(EventType.MOBILIZE, at=PARIS, day="2023-06-12"),
]


# --- reading gold files --------------------------------------------------------------


def test_read_gold_parses_every_field() -> None:
    arrests = _gold_cases()["quay-2023-06"].events[1]
    assert arrests == GoldEvent(
        type=EventType.COERCE,
        mode="arrest",
        acled_event_type="Strategic developments",
        acled_sub_event_type="Arrests",
        actor1="Police Forces of France",
        actor2="Protesters (France)",
        country="FRA",
        admin1="Provence-Alpes-Cote d'Azur",
        location="Marseille",
        lat=43.2965,
        lon=5.3698,
        geo_precision=GeoPrecision.EXACT,
        date=dt.date(2023, 6, 12),
        time_precision=1,
        killed=0,
        injured=None,
        arrested=8,
    )


def test_read_gold_keeps_file_order_and_empty_event_lists() -> None:
    cases = list(read_gold(EVENTS_GOLD))
    assert [case.id for case in cases] == [
        "quay-2023-06",
        "market-blast",
        "tyres-kisumu",
        "parking-levy",
    ]
    assert cases[-1].events == ()


def test_publication_date_is_published_when_given() -> None:
    assert case_publication_date(_gold_cases()["quay-2023-06"]) == dt.date(2023, 6, 13)


def test_publication_date_falls_back_to_first_gold_date() -> None:
    # tyres-kisumu has no "published"; its only event is dated 2021-03-20
    assert case_publication_date(_gold_cases()["tyres-kisumu"]) == dt.date(2021, 3, 20)


def test_publication_date_skips_gold_events_without_a_date() -> None:
    case = GoldCase("c", "t", None, (GoldEvent(), GoldEvent(date=dt.date(2020, 1, 2))))
    assert case_publication_date(case) == dt.date(2020, 1, 2)
    assert case_publication_date(GoldCase("c", "t")) is None


def _write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


GOOD_LINE = json.dumps({"id": "a", "text": "Police fired tear gas.", "events": []})


def _read_error(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        list(read_gold(path))
    return caught.value


def test_malformed_gold_line_names_path_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD_LINE, "", '{"id": "b", "text": ')
    error = _read_error(path)
    assert error.code == "ES107"
    assert str(error).startswith(f"[ES107] {path}: line 3: not valid JSON")


def test_gold_line_must_be_an_object(tmp_path: Path) -> None:
    assert _read_error(_write(tmp_path, "[1, 2]")).code == "ES114"


def test_gold_case_without_events_is_an_error(tmp_path: Path) -> None:
    error = _read_error(_write(tmp_path, GOOD_LINE, json.dumps({"id": "b", "text": "t"})))
    assert error.code == "ES140"
    assert "line 2: the case has no 'events'" in str(error)
    assert error.article_id is None


def test_gold_case_with_empty_text_is_an_error(tmp_path: Path) -> None:
    error = _read_error(_write(tmp_path, json.dumps({"id": "b", "text": " ", "events": []})))
    assert error.code == "ES141"
    assert "text must be a non-empty string" in str(error)
    assert error.article_id == "b"


def test_bad_gold_value_names_the_field(tmp_path: Path) -> None:
    line = json.dumps({"id": "b", "text": "t", "events": [{"lat": 95.0}]})
    error = _read_error(_write(tmp_path, line))
    assert error.code == "ES141"
    assert "line 1: events[0].lat must be a number from -90 to 90, got 95.0" in str(error)


@pytest.mark.parametrize(
    ("event", "field"),
    [
        ({"type": "RIOT"}, "events[0].type"),
        ({"cameo_root": 17}, "events[0].cameo_root"),
        ({"country": "FR"}, "events[0].country"),
        ({"date": "12/06/2023"}, "events[0].date"),
        ({"date": "2023-02-30"}, "events[0].date"),
        ({"killed": -1}, "events[0].killed"),
        ({"killed": True}, "events[0].killed"),
        ({"geo_precision": 4}, "events[0].geo_precision"),
    ],
)
def test_gold_event_values_are_checked(
    tmp_path: Path, event: dict[str, object], field: str
) -> None:
    error = _read_error(_write(tmp_path, json.dumps({"id": "b", "text": "t", "events": [event]})))
    assert error.code == "ES141"
    assert f"line 1: {field} must be" in str(error)


def test_unknown_gold_key_is_an_error(tmp_path: Path) -> None:
    line = json.dumps({"id": "b", "text": "t", "events": [{"fatalities": 3}]})
    error = _read_error(_write(tmp_path, line))
    assert error.code == "ES142"
    assert "unknown key 'fatalities' in events[0]" in str(error)


def test_duplicate_case_id_is_an_error(tmp_path: Path) -> None:
    error = _read_error(_write(tmp_path, GOOD_LINE, GOOD_LINE))
    assert error.code == "ES144"
    assert "line 2: id 'a' is also on line 1" in str(error)


def test_read_gold_is_lazy(tmp_path: Path) -> None:
    cases = read_gold(_write(tmp_path, GOOD_LINE, "not json"))
    assert next(cases).id == "a"
    with pytest.raises(InputError, match="ES107"):
        next(cases)


def test_missing_and_empty_gold_files(tmp_path: Path) -> None:
    assert _read_error(tmp_path / "absent.jsonl").code == "ES101"
    assert _read_error(_write(tmp_path, "", "  ")).code == "ES103"


def test_place_gold_span_must_read_the_name(tmp_path: Path) -> None:
    place = {"start": 0, "end": 4, "name": "Oslo", "lat": 59.9, "lon": 10.7}
    path = _write(tmp_path, json.dumps({"id": "p", "text": "Olso is cold.", "places": [place]}))
    with pytest.raises(InputError) as caught:
        list(read_place_gold(path))
    assert caught.value.code == "ES143"
    assert "places[0] 0:4 reads 'Olso', not 'Oslo'" in str(caught.value)


def test_event_gold_read_as_place_gold_says_what_is_missing() -> None:
    with pytest.raises(InputError, match=r"ES140.*no 'places'; give 'id', 'text' and 'places'"):
        list(read_place_gold(EVENTS_GOLD))


# --- distances -----------------------------------------------------------------------


def test_haversine_paris_london() -> None:
    # Notre-Dame to Charing Cross is about 344 km as the crow flies
    assert haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.6, abs=1.0)


def test_haversine_new_york_los_angeles() -> None:
    assert haversine_km(40.7128, -74.0060, 34.0522, -118.2437) == pytest.approx(3936, abs=5)


def test_haversine_is_symmetric_and_zero_on_the_spot() -> None:
    assert haversine_km(-33.87, 151.21, -33.87, 151.21) == 0.0
    there = haversine_km(-33.87, 151.21, 35.68, 139.69)  # Sydney - Tokyo, about 7,800 km
    assert there == pytest.approx(haversine_km(35.68, 139.69, -33.87, 151.21))
    assert there == pytest.approx(7820, abs=30)


def test_haversine_antipodes_is_half_the_circumference() -> None:
    assert haversine_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(20015, abs=1)


# --- matching events -----------------------------------------------------------------


def test_four_gold_three_system_two_matched_by_type() -> None:
    case = _gold_cases()["quay-2023-06"]
    # protest <-> protest; the Nice attack (1.3 km) beats the Grenoble clash
    # (205 km) for the ASSAULT; MOBILIZE in Paris agrees with nothing
    assert match_events(case.events, QUAY_SYSTEM) == [(0, 0), (2, 1)]
    report = score_events([(case, QUAY_SYSTEM)])
    assert report.as_json() == {
        "type_accuracy": 2 / 4,  # Lyon and Nice right; Marseille, Grenoble unmatched
        "acled_type_accuracy": 2 / 4,
        "acled_subtype_accuracy": 2 / 4,
        "cameo_root_accuracy": None,  # no gold event has a cameo_root
        "event_precision": 2 / 3,  # 2 matched of 3 system events
        "event_recall": 2 / 4,  # 2 matched of 4 gold events
        "event_f1": 4 / 7,  # 2 * (2/3) * (1/2) / (2/3 + 1/2)
        "country_accuracy": 2 / 4,
        "location_within_25km": 2 / 4,  # 1.9 km and 1.3 km
        "location_within_161km": 2 / 4,
        "date_exact": 1 / 4,  # the attack is a day early
        "killed_exact": 2 / 3,  # Lyon 0 (nothing reported) and Nice 2; Marseille unmatched
        "killed_within_range": 2 / 3,
        "arrested_exact": 0 / 1,  # the Marseille arrests were missed
        "cases": 1,
        "gold_events": 4,
    }
    assert (report.system_events, report.matched_events) == (3, 2)


def test_metric_keeps_its_counts() -> None:
    report = score_events([(_gold_cases()["quay-2023-06"], QUAY_SYSTEM)])
    killed = report.metric("killed_exact")
    assert (killed.correct, killed.total) == (2, 3)
    f1 = report.metric("event_f1")
    assert (f1.correct, f1.total) == (4, 7)  # 2 * matched over system + gold


def test_json_keys_are_exactly_the_format_names() -> None:
    report = score_events([(_gold_cases()["quay-2023-06"], QUAY_SYSTEM)])
    assert list(report.as_json()) == [*EVENT_METRICS, "cases", "gold_events"]
    assert EVENT_METRICS[0] == "type_accuracy" and EVENT_METRICS[-1] == "arrested_exact"


def test_wrong_type_at_same_place_and_day_is_still_matched() -> None:
    # gold: Riots in Kisumu on 2021-03-20 (ACLED fields only, no PLOVER type);
    # system: a peaceful protest there that day -> matched, ACLED type wrong
    case = _gold_cases()["tyres-kisumu"]
    kisumu = ("Kisumu", -0.1, 34.75, "KEN")
    system = [_event(EventType.PROTEST, acled="Protests", at=kisumu, day="2021-03-20")]
    report = score_events([(case, system)])
    scores = report.as_json()
    assert scores["event_recall"] == 1.0
    assert scores["acled_type_accuracy"] == 0.0
    assert scores["type_accuracy"] is None  # gold has no PLOVER type
    assert scores["location_within_25km"] == 1.0
    assert report.acled_confusion == {"Riots": {"Protests": 1}}


def test_wrong_type_on_another_day_is_not_matched() -> None:
    case = _gold_cases()["tyres-kisumu"]
    kisumu = ("Kisumu", -0.1, 34.75, "KEN")
    system = [_event(EventType.PROTEST, acled="Protests", at=kisumu, day="2021-03-23")]
    report = score_events([(case, system)])
    assert report.matched_events == 0
    assert report.acled_confusion == {"(none)": {"Protests": 1}, "Riots": {"(none)": 1}}


def test_same_type_far_away_is_still_matched() -> None:
    # type agreement alone makes a candidate; the place is then just wrong
    case = _gold_cases()["tyres-kisumu"]
    nairobi = ("Nairobi", -1.2864, 36.8172, "KEN")  # about 265 km from Kisumu
    system = [_event(EventType.PROTEST, acled="Riots", at=nairobi, day="2021-03-20")]
    scores = score_events([(case, system)]).as_json()
    assert scores["event_recall"] == 1.0
    assert scores["country_accuracy"] == 1.0
    assert scores["location_within_161km"] == 0.0


def test_matching_prefers_the_nearer_place_of_the_same_type() -> None:
    gold = [
        GoldEvent(type=EventType.PROTEST, lat=45.764, lon=4.8357),  # Lyon
        GoldEvent(type=EventType.PROTEST, lat=48.8566, lon=2.3522),  # Paris
    ]
    system = [_event(EventType.PROTEST, at=PARIS), _event(EventType.PROTEST, at=LYON)]
    assert match_events(gold, system) == [(0, 1), (1, 0)]


def test_matching_prefers_the_closer_date_when_places_tie() -> None:
    gold = [
        GoldEvent(type=EventType.PROTEST, lat=45.764, lon=4.8357, date=dt.date(2023, 6, 12)),
        GoldEvent(type=EventType.PROTEST, lat=45.764, lon=4.8357, date=dt.date(2023, 6, 14)),
    ]
    system = [
        _event(EventType.PROTEST, at=LYON, day="2023-06-14"),
        _event(EventType.PROTEST, at=LYON, day="2023-06-12"),
    ]
    assert match_events(gold, system) == [(0, 1), (1, 0)]


def test_type_agreement_beats_a_closer_place() -> None:
    gold = [GoldEvent(type=EventType.ASSAULT, lat=45.764, lon=4.8357, date=dt.date(2023, 6, 12))]
    system = [
        _event(EventType.PROTEST, at=LYON, day="2023-06-12"),  # same place and day
        _event(EventType.ASSAULT, at=PARIS, day="2023-06-12"),  # same type, 391 km off
    ]
    assert match_events(gold, system) == [(0, 1)]


def test_gold_with_no_type_and_no_place_matches_nothing() -> None:
    assert match_events([GoldEvent(country="FRA")], [_event(EventType.PROTEST, at=LYON)]) == []


def test_nothing_scorable_gives_none() -> None:
    # parking-levy has no gold events and the system rightly finds none
    report = score_events([(_gold_cases()["parking-levy"], [])])
    assert report.as_json() == {
        **{name: None for name in EVENT_METRICS},
        "cases": 1,
        "gold_events": 0,
    }
    assert report.worst_cases == ()


def test_extra_event_on_a_case_without_gold_hurts_precision_only() -> None:
    report = score_events([(_gold_cases()["parking-levy"], [_event(EventType.PROTEST)])])
    scores = report.as_json()
    assert scores["event_precision"] == 0.0
    assert scores["event_recall"] is None
    assert scores["event_f1"] == 0.0  # 2 * 0 over 1 system + 0 gold
    assert report.worst_cases[0].extra == 1


def test_no_system_events_makes_every_scored_field_wrong() -> None:
    scores = score_events([(_gold_cases()["market-blast"], [])]).as_json()
    assert scores["event_precision"] is None  # no system events
    assert scores["event_recall"] == 0.0
    assert scores["cameo_root_accuracy"] == 0.0
    assert scores["killed_within_range"] == 0.0
    assert scores["arrested_exact"] is None  # gold codes no arrests


# --- counts --------------------------------------------------------------------------


def test_dozens_and_at_least_thirty_is_a_range_not_an_exact_hit() -> None:
    # gold: 30 killed in Mopti. The system kept "dozens" (24-99) and "at least
    # 30" (30-?): lowest credible is 24, so not exact; 30 lies in [24, open).
    case = _gold_cases()["market-blast"]
    mopti = ("Mopti", 14.4843, -4.1827, "MLI")
    system = [
        _event(
            EventType.ASSAULT,
            acled="Explosions/Remote violence",
            sub="Remote explosive/landmine/IED",
            cameo="18",
            at=mopti,
            day="2022-05-03",
            killed=[(24, 99), (30, None)],
        )
    ]
    scores = score_events([(case, system)]).as_json()
    assert scores["killed_exact"] == 0.0
    assert scores["killed_within_range"] == 1.0
    assert scores["cameo_root_accuracy"] == 1.0
    assert scores["date_exact"] == 1.0


def test_lowest_credible_is_the_smallest_min() -> None:
    assert lowest_credible([Quantity(12, 12, "12"), Quantity(9, 15, "9 to 15")]) == 9


def test_no_killed_quantity_counts_as_zero_killed() -> None:
    assert lowest_credible([]) == 0
    assert within_reported_range(0, [])
    assert not within_reported_range(1, [])


def test_quantity_without_a_min_gives_no_figure() -> None:
    assert lowest_credible([Quantity(None, 10, "up to ten")]) is None
    assert within_reported_range(0, [Quantity(None, 10, "up to ten")])
    assert not within_reported_range(11, [Quantity(None, 10, "up to ten")])


def test_killed_range_spans_all_reports() -> None:
    reports = [Quantity(3, 3, "three"), Quantity(5, 7, "five to seven")]
    assert within_reported_range(3, reports) and within_reported_range(6, reports)
    assert not within_reported_range(2, reports) and not within_reported_range(8, reports)


# --- the whole file --------------------------------------------------------------------


def test_score_events_streams_a_gold_file() -> None:
    system_for = {
        "quay-2023-06": QUAY_SYSTEM,
        "market-blast": [],
        "tyres-kisumu": [_event(EventType.PROTEST, acled="Riots", day="2021-03-20")],
        "parking-levy": [],
    }
    pairs = ((case, system_for[case.id]) for case in read_gold(EVENTS_GOLD))
    report = score_events(pairs)
    scores = report.as_json()
    # gold events: 4 + 1 + 1 + 0 = 6; system: 3 + 0 + 1 + 0 = 4; matched: 2 + 0 + 1
    assert (scores["cases"], scores["gold_events"]) == (4, 6)
    assert scores["event_precision"] == 3 / 4
    assert scores["event_recall"] == 3 / 6
    assert scores["event_f1"] == 6 / 10
    # ACLED types: quay 2 of 4, market-blast 0 of 1, Kisumu 1 of 1
    assert scores["acled_type_accuracy"] == 3 / 6
    # Kisumu's system event has no place: wrong on both location metrics
    assert scores["location_within_161km"] == 2 / 6


def test_worst_cases_put_most_missed_gold_first() -> None:
    cases = _gold_cases()
    pairs = [
        (cases["parking-levy"], []),  # perfect: never listed
        (cases["market-blast"], []),  # 1 missed
        (cases["quay-2023-06"], QUAY_SYSTEM),  # 2 missed, 1 wrong date, 1 extra
    ]
    worst = score_events(pairs).worst_cases
    assert [w.id for w in worst] == ["quay-2023-06", "market-blast"]
    quay = worst[0]
    assert (quay.missed, quay.wrong_fields, quay.extra) == (2, 1, 1)
    assert "gold event 3: date 2023-06-11, gold 2023-06-12" in quay.problems
    assert any(p.startswith("gold event 2 not found: COERCE") for p in quay.problems)
    assert any(p.startswith("extra system event: MOBILIZE") for p in quay.problems)


def test_worst_cases_keep_twenty_earliest_among_equals() -> None:
    gold = (GoldEvent(type=EventType.PROTEST),)
    no_events: list[Event] = []
    pairs = [(GoldCase(f"case-{n:02d}", "t", None, gold), no_events) for n in range(30)]
    worst = score_events(pairs).worst_cases
    assert [w.id for w in worst] == [f"case-{n:02d}" for n in range(20)]


# --- places --------------------------------------------------------------------------


def _place(
    text: str,
    mention: str,
    lat: float | None = None,
    lon: float | None = None,
    geonameid: int | None = None,
) -> Place:
    start = text.index(mention)
    end = start + len(mention)
    return Place(
        mention=mention,
        name=mention,
        geonameid=geonameid,
        lat=lat,
        lon=lon,
        evidence=_evidence(start, end, mention),
    )


def _place_cases() -> dict[str, PlaceCase]:
    return {case.id: case for case in read_place_gold(PLACES_GOLD)}


def _place_system(cases: dict[str, PlaceCase]) -> dict[str, list[Place]]:
    flood = cases["flood-roads"].text
    bills = cases["water-bills"].text
    snow = cases["oslo-snow"].text
    return {
        "flood-roads": [
            _place(flood, "Leeds", 53.79648, -1.54785, 2644688),  # exact
            _place(flood, "York", 40.71427, -74.00597, 5128581),  # New York: 5,429 km
            # a span inside "New Orleans", resolved to Orléans in France: 7,726 km
            _place(flood, "Orleans", 47.90289, 1.90389, 2989317),
            _place(flood, "Monday"),  # overlaps no gold span
        ],
        "water-bills": [
            # one span over both gold toponyms: it takes Springfield (11 shared
            # characters) and leaves Illinois (8) unmatched
            _place(bills, "Springfield, Illinois", 39.80172, -89.64371, 4250542),
            Place(mention="Springfield"),  # no evidence: a system toponym that matches nothing
        ],
        "oslo-snow": [_place(snow, "Oslo")],  # found but not resolved
    }


def test_score_places_by_hand() -> None:
    cases = _place_cases()
    system = _place_system(cases)
    report = score_places((case, system[case.id]) for case in cases.values())
    scores = report.as_json()
    assert list(scores) == list(PLACE_METRICS)
    # gold 3 + 2 + 1 = 6; system 4 + 2 + 1 = 7; matched 3 + 1 + 1 = 5
    assert scores["toponym_precision"] == 5 / 7
    assert scores["toponym_recall"] == 5 / 6
    assert scores["toponym_f1"] == 10 / 13
    # matched: Leeds 0 km, York 5,429, Orleans 7,726, Springfield 0, Oslo unresolved
    assert scores["accuracy_within_161km"] == 2 / 5
    assert scores["accuracy_within_25km"] == 2 / 5
    assert scores["geonameid_exact"] == 2 / 5
    # errors where both sides have coordinates: 0, 0, 5429, 7726
    assert scores["median_error_km"] == pytest.approx(5429 / 2, abs=1)
    assert scores["mean_error_km"] == pytest.approx((5429 + 7726) / 4, abs=1)
    worst = report.worst_misses
    assert [miss.name for miss in worst[:2]] == ["New Orleans", "York"]
    assert worst[0].system_name == "Orleans" and worst[0].system_geonameid == 2989317
    assert "bridge in New Orleans reopened" in worst[0].context


def test_touching_spans_do_not_overlap() -> None:
    gold = [GoldPlace(0, 5, "Accra")]
    assert match_places(gold, [Place(mention=" ", evidence=_evidence(5, 6, " "))]) == []
    assert match_places(gold, [Place(mention="a", evidence=_evidence(4, 5, "a"))]) == [(0, 0)]


def test_one_system_span_matches_one_gold_span() -> None:
    gold = [GoldPlace(0, 5, "Accra"), GoldPlace(7, 12, "Ghana")]
    wide = Place(mention="Accra, Ghana", evidence=_evidence(0, 12, "Accra, Ghana"))
    assert match_places(gold, [wide]) == [(0, 0)]


def test_two_system_spans_on_one_gold_count_once() -> None:
    gold = [GoldPlace(0, 8, "New York")]
    system = [
        Place(mention="New", evidence=_evidence(0, 3, "New")),
        Place(mention="York", evidence=_evidence(4, 8, "York")),
    ]
    assert match_places(gold, system) == [(0, 1)]  # "York" shares 4 characters, "New" 3
    scores = score_places([(PlaceCase("ny", "New York", (gold[0],)), system)]).as_json()
    assert scores["toponym_precision"] == 1 / 2
    assert scores["toponym_recall"] == 1.0


def test_place_metrics_with_nothing_to_score_are_none() -> None:
    scores = score_places([(PlaceCase("quiet", "Nothing happened."), [])]).as_json()
    assert scores == {name: None for name in PLACE_METRICS}


def test_places_within_25km_are_not_misses() -> None:
    cases = _place_cases()
    report = score_places((case, _place_system(cases)[case.id]) for case in cases.values())
    assert [miss.name for miss in report.worst_misses] == ["New Orleans", "York"]
    assert report.worst_misses[1].error_km == pytest.approx(5429, abs=1)


def test_non_finite_coordinates_are_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path, '{"id": "b", "text": "t", "events": [{"lon": NaN}]}')
    assert "events[0].lon must be a number from -180 to 180" in str(_read_error(path))
