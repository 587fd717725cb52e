"""Reported numbers become honest ranges."""

import pytest

from eventscope.extract.quantities import parse_number, parse_range


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13", (13, 13)),
        ("1,200", (1200, 1200)),
        ("twelve", (12, 12)),
        ("two hundred", (200, 200)),
        ("at least 12", (12, None)),
        ("more than 12", (13, None)),
        ("nearly 60", (54, 60)),
        ("some 60", (60, 60)),
        ("about 60", (60, 60)),
        ("up to 30", (1, 30)),
        ("dozens", (24, 99)),
        ("several", (3, 9)),
        ("a few", (2, 5)),
        ("hundreds", (200, 999)),
    ],
)
def test_quantity_phrases_become_ranges(text, expected):
    assert parse_range(text) == expected


def test_dozens_killed_is_a_range_not_a_guess():
    low, high = parse_range("dozens")
    assert low < high


@pytest.mark.parametrize("text", ["many people", "the", "1e308"])
def test_non_numbers_are_not_quantities(text):
    assert parse_range(text) is None


def test_number_words_combine():
    assert parse_number("twenty-five") == 25
    assert parse_number("three thousand") == 3000
