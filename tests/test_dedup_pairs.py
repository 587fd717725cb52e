"""Pair-level precision and recall of the cross-article merge on hand-labelled pairs (issue 8).

tests/fixtures/dedup_pairs.csv holds 144 invented reports in 40 scenarios;
every two reports of a scenario make a pair (195 pairs, 73 the same event),
among them the hard negatives: two strikes in one city on one day, daily
protests in one square, a second wave of arrests the next day.
"""

from __future__ import annotations

import pytest
from dedup_pairs import labelled_pairs, labelled_rows

from eventscope.dedup import candidate, score_pair, signature


def _predicted(pairs: list[tuple[object, object, bool]]) -> list[tuple[bool, bool]]:
    out = []
    for x, y, same in pairs:
        a, b = signature(x), signature(y)  # type: ignore[arg-type]
        out.append((candidate(a, b) and score_pair(a, b).same, same))
    return out


@pytest.fixture(scope="module")
def predictions() -> list[tuple[bool, bool]]:
    return _predicted(labelled_pairs())  # type: ignore[arg-type]


def test_the_pair_set_is_large_enough_and_has_both_labels() -> None:
    pairs = labelled_pairs()
    assert len(labelled_rows()) == 144
    assert len(pairs) == 195
    assert sum(same for _, _, same in pairs) == 73


def test_precision_on_labelled_pairs_is_at_least_090(predictions: list[tuple[bool, bool]]) -> None:
    true_positive = sum(1 for said, same in predictions if said and same)
    said_same = sum(1 for said, _ in predictions if said)
    assert true_positive / said_same >= 0.90


def test_recall_on_labelled_pairs_is_at_least_090(predictions: list[tuple[bool, bool]]) -> None:
    true_positive = sum(1 for said, same in predictions if said and same)
    same = sum(1 for _, same in predictions if same)
    assert true_positive / same >= 0.90


def _rows(scenario: str) -> dict[str, list[object]]:
    found: dict[str, list[object]] = {}
    for name, letter, event in labelled_rows():
        if name == scenario:
            found.setdefault(letter, []).append(event)
    return found


def test_two_strikes_in_one_city_on_one_day_stay_apart() -> None:
    kharkiv = _rows("s01")  # a market and a substation, Kharkiv, 4 March
    market, substation = kharkiv["a"][0], kharkiv["b"][1]
    score = score_pair(signature(market), signature(substation))  # type: ignore[arg-type]
    assert not score.same
    assert score.date == 1.0 and score.place == 1.0  # same day, same city: the details decide
    assert score.text < 0


def test_daily_protests_in_one_square_stay_apart() -> None:
    lima = _rows("s03")  # teachers in Plaza San Martin on 3, 4 and 5 June
    monday, tuesday = lima["a"][0], lima["b"][0]
    score = score_pair(signature(monday), signature(tuesday))  # type: ignore[arg-type]
    assert not score.same
    assert score.date == -1.0


def test_a_rising_toll_in_a_later_report_is_not_another_event() -> None:
    mogadishu = _rows("s04")["a"]  # 6 killed, then 9 two days later
    first, later = signature(mogadishu[0]), signature(mogadishu[2])  # type: ignore[arg-type]
    score = score_pair(first, later)
    assert score.counts >= 0  # not a contradiction
    assert score.same


def test_blocking_keeps_types_and_far_dates_apart() -> None:
    kinshasa = _rows("s39")  # a coup attempt and the arrests after it
    attack, arrests = signature(kinshasa["a"][0]), signature(kinshasa["b"][0])  # type: ignore[arg-type]
    assert not candidate(attack, arrests)
    lima = _rows("s40")  # two transport strikes two weeks apart
    assert not candidate(signature(lima["a"][0]), signature(lima["b"][0]))  # type: ignore[arg-type]
