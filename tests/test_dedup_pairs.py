"""Pair-level precision and recall of the cross-article merge on hand-labelled pairs (issue 8).

tests/fixtures/dedup_pairs.csv holds 144 invented reports in 40 scenarios;
every two reports of a scenario make a pair (195 pairs, 73 the same event),
among them the hard negatives: two strikes in one city on one day, daily
protests in one square, a second wave of arrests the next day. The weights
and the threshold of ``dedup.score`` were chosen on these pairs, so their
0.90 precision and recall are tuned-on figures.

tests/fixtures/dedup_pairs_heldout.csv was written afterwards and never used
to choose anything: 53 reports in 12 scenarios, 92 pairs, 38 the same event
(two air raids on one city in one evening, a market and a hospital shelled
the same day, protests outside one parliament on three nights, two labour
strikes in one city on one day, a bombing whose toll rose from 12 to 31 with
two groups blamed, an overnight attack dated Monday by some outlets and
Tuesday by others). On it the merge scores precision 0.85 (33 of 39) and
recall 0.87 (33 of 38), under the 0.90 aim; the tests below hold that line.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from dedup_pairs import HELDOUT_FILE, PAIRS_FILE, labelled_pairs, labelled_rows

from eventscope.dedup import candidate, score_pair, signature


def _predicted(pairs: list[tuple[object, object, bool]]) -> list[tuple[bool, bool]]:
    out = []
    for x, y, same in pairs:
        a, b = signature(x), signature(y)  # type: ignore[arg-type]
        out.append((candidate(a, b) and score_pair(a, b).same, same))
    return out


def _precision(predictions: list[tuple[bool, bool]]) -> float:
    true_positive = sum(1 for said, same in predictions if said and same)
    return true_positive / sum(1 for said, _ in predictions if said)


def _recall(predictions: list[tuple[bool, bool]]) -> float:
    true_positive = sum(1 for said, same in predictions if said and same)
    return true_positive / sum(1 for _, same in predictions if same)


@pytest.fixture(scope="module")
def predictions() -> list[tuple[bool, bool]]:
    return _predicted(labelled_pairs())  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def heldout() -> list[tuple[bool, bool]]:
    return _predicted(labelled_pairs(HELDOUT_FILE))  # type: ignore[arg-type]


def test_the_pair_set_is_large_enough_and_has_both_labels() -> None:
    pairs = labelled_pairs()
    assert len(labelled_rows()) == 144
    assert len(pairs) == 195
    assert sum(same for _, _, same in pairs) == 73


def test_precision_on_the_tuning_pairs_is_at_least_090(predictions: list[tuple[bool, bool]]) -> None:
    assert _precision(predictions) >= 0.90  # tuned on these pairs


def test_recall_on_the_tuning_pairs_is_at_least_090(predictions: list[tuple[bool, bool]]) -> None:
    assert _recall(predictions) >= 0.90  # tuned on these pairs


def test_the_heldout_set_is_new_and_has_both_labels() -> None:
    pairs = labelled_pairs(HELDOUT_FILE)
    assert len(labelled_rows(HELDOUT_FILE)) == 53
    assert (len(pairs), sum(same for _, _, same in pairs)) == (92, 38)
    tuning = {event.evidence.text for _, _, event in labelled_rows()}
    assert not tuning & {event.evidence.text for _, _, event in labelled_rows(HELDOUT_FILE)}


def test_precision_and_recall_on_heldout_pairs_hold_the_measured_line(heldout: list[tuple[bool, bool]]) -> None:
    # Measured once, before any change to the scorer: 33 of 39 said-same, 33 of 38 same.
    # Below the 0.90 aim; a change that lowers either is a regression.
    assert _precision(heldout) >= 0.84
    assert _recall(heldout) >= 0.86


def _rows(scenario: str, path: Path = PAIRS_FILE) -> dict[str, list[object]]:
    found: dict[str, list[object]] = {}
    for name, letter, event in labelled_rows(path):
        if name == scenario:
            found.setdefault(letter, []).append(event)
    return found


def test_heldout_raids_on_a_depot_and_a_power_station_stay_apart_and_a_rising_toll_merges() -> None:
    hodeidah = _rows("h01", HELDOUT_FILE)  # a fuel depot bombed, then a power station, one evening
    depot, power = signature(hodeidah["a"][0]), signature(hodeidah["b"][1])  # type: ignore[arg-type]
    assert not score_pair(depot, power).same
    quetta = _rows("h05", HELDOUT_FILE)  # one bombing: 12, then 26, 31 and 24 killed, two groups blamed
    first, claimed = signature(quetta["a"][0]), signature(quetta["a"][2])  # type: ignore[arg-type]
    assert score_pair(first, claimed).same


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
