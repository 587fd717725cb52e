"""The project's own gold file, tests/data/gold-eventscope.jsonl (see README, "Our own gold set").

Part (a) checks that the file is well formed and covers what it promises: at least 200 cases,
every ACLED event type and the sub-types listed below, only real ACLED type/sub-type pairs,
real ISO3 countries, sane coordinates and dates. Part (b) runs the whole pipeline over it and
holds the scores to floors a little below what it measured on 2026-11-27, so a regression fails.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pycountry
import pytest

from eventscope.evaluate import GOLD_EVENT_KEYS
from eventscope.extract.crosswalk import TABLE
from eventscope.records import EventType

GOLD = Path(__file__).parent / "data" / "gold-eventscope.jsonl"

# ACLED's six event types and their sub-event types (ACLED codebook, 2023 edition).
ACLED_PAIRS: dict[str, frozenset[str]] = {
    "Battles": frozenset(
        {
            "Armed clash",
            "Government regains territory",
            "Non-state actor overtakes territory",
        }
    ),
    "Explosions/Remote violence": frozenset(
        {
            "Chemical weapon",
            "Air/drone strike",
            "Suicide bomb",
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
            "Grenade",
        }
    ),
    "Violence against civilians": frozenset(
        {
            "Sexual violence",
            "Attack",
            "Abduction/forced disappearance",
        }
    ),
    "Protests": frozenset(
        {
            "Peaceful protest",
            "Protest with intervention",
            "Excessive force against protesters",
        }
    ),
    "Riots": frozenset({"Violent demonstration", "Mob violence"}),
    "Strategic developments": frozenset(
        {
            "Agreement",
            "Arrests",
            "Change to group/activity",
            "Disrupted weapons use",
            "Headquarters or base established",
            "Looting/property destruction",
            "Non-violent transfer of territory",
            "Other",
        }
    ),
}

# Every sub-type must appear at least once.
REQUIRED_SUBTYPES = {sub for subs in ACLED_PAIRS.values() for sub in subs}

EVENT_KEYS = set(GOLD_EVENT_KEYS)


@pytest.fixture(scope="module")
def cases() -> list[dict]:
    with GOLD.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _events(cases: list[dict]) -> list[tuple[dict, dict]]:
    return [(case, event) for case in cases for event in case["events"]]


def test_the_crosswalk_only_uses_real_acled_pairs() -> None:
    for acled_type, sub_type, _ in TABLE.values():
        assert sub_type in ACLED_PAIRS[acled_type], (acled_type, sub_type)


def test_size_ids_and_case_shape(cases: list[dict]) -> None:
    assert len(cases) >= 200
    ids = [case["id"] for case in cases]
    assert len(set(ids)) == len(ids)
    assert all(i.startswith("es-") for i in ids)
    for case in cases:
        assert set(case) == {"id", "text", "published", "events"}, case["id"]
        assert case["text"].strip(), case["id"]
        dt.date.fromisoformat(case["published"])
        for event in case["events"]:
            assert set(event) <= EVENT_KEYS, (case["id"], set(event) - EVENT_KEYS)


def test_negatives_and_whole_articles(cases: list[dict]) -> None:
    assert sum(1 for case in cases if not case["events"]) >= 20
    articles = [case for case in cases if case["text"].count(". ") >= 5]
    assert len(articles) >= 12


def test_every_acled_type_and_required_subtype_is_covered(cases: list[dict]) -> None:
    events = [event for _, event in _events(cases)]
    assert {e["acled_event_type"] for e in events} == set(ACLED_PAIRS)
    missing = REQUIRED_SUBTYPES - {e["acled_sub_event_type"] for e in events}
    assert not missing


def test_type_pairs_plover_and_cameo_are_valid(cases: list[dict]) -> None:
    plover = {t.value for t in EventType} | {t.name for t in EventType}
    for case, event in _events(cases):
        acled_type = event["acled_event_type"]
        assert acled_type in ACLED_PAIRS, case["id"]
        assert event["acled_sub_event_type"] in ACLED_PAIRS[acled_type], case["id"]
        if "type" in event:
            assert event["type"] in plover, case["id"]
        cameo = event.get("cameo_root")
        if cameo is not None:
            assert len(cameo) == 2 and cameo.isdigit() and 1 <= int(cameo) <= 20, case["id"]


def test_places_are_real(cases: list[dict]) -> None:
    for case, event in _events(cases):
        if "country" in event:
            assert pycountry.countries.get(alpha_3=event["country"]) is not None, case["id"]
        if "lat" in event or "lon" in event:
            assert -90 <= event["lat"] <= 90 and -180 <= event["lon"] <= 180, case["id"]
            assert "country" in event and "location" in event, case["id"]
        if "geo_precision" in event:
            assert event["geo_precision"] in (1, 2, 3), case["id"]


def test_dates_and_counts_are_sane(cases: list[dict]) -> None:
    for case, event in _events(cases):
        published = dt.date.fromisoformat(case["published"])
        if "date" in event:
            assert dt.date.fromisoformat(event["date"]) <= published, case["id"]
            assert event["time_precision"] in (1, 2, 3), case["id"]
        for key in ("killed", "injured", "arrested"):
            if event.get(key) is not None:
                assert isinstance(event[key], int) and event[key] >= 0, (case["id"], key)


def test_no_country_dominates(cases: list[dict]) -> None:
    countries = Counter(e.get("country") for _, e in _events(cases) if e.get("country"))
    assert len(countries) >= 40
    assert countries.most_common(1)[0][1] <= 0.1 * sum(countries.values())


# Scores measured on 2026-11-27 (README, "Our own gold set"); each floor sits a little below.
FLOORS = {
    "event_f1": 0.82,  # measured 0.848
    "acled_type_accuracy": 0.75,  # measured 0.782
    "acled_subtype_accuracy": 0.71,  # measured 0.735
    "date_exact": 0.79,  # measured 0.821
    "country_accuracy": 0.80,  # measured 0.831
    "location_within_25km": 0.78,  # measured 0.808
    "killed_exact": 0.78,  # measured 0.810
    "arrested_exact": 0.72,  # measured 0.750
}


@pytest.mark.slow
def test_scores_do_not_regress() -> None:
    from eventscope import evaluate_events

    report = evaluate_events(GOLD)
    scores = report.as_json()
    assert scores["cases"] >= 200
    low = {name: scores[name] for name, floor in FLOORS.items() if (scores[name] or 0) < floor}
    assert not low, f"below the floor: {low} (floors {FLOORS})"
