"""Arrests made at a protest or by a side of a fight fold into it; other arrests stay events (issue 3).

Each text was written for this test; the expected coding follows ACLED, which codes a
protest with arrests as one event and the arrest of an attack's suspects apart.
"""

from __future__ import annotations

import eventscope as es
from eventscope.records import EventType

PUBLISHED = "2024-03-10"


def _kinds(text: str) -> list[tuple[EventType, list[tuple[int | None, int | None]]]]:
    return [(e.type, [(q.min, q.max) for q in e.arrested]) for e in es.extract(text, PUBLISHED)]


def test_arrests_told_after_a_protest_are_the_protests_count():
    text = "Opposition supporters marched in Conakry on Monday; 12 people were arrested."
    assert _kinds(text) == [(EventType.PROTEST, [(12, 12)])]


def test_arrests_in_a_later_sentence_of_the_same_protest_story_fold_too():
    text = (
        "Hundreds of teachers protested outside parliament in Kampala on Monday over unpaid "
        "salaries. Police detained 23 of the demonstrators."
    )
    assert _kinds(text) == [(EventType.PROTEST, [(23, 23)])]


def test_arrests_alone_stay_an_arrest_event():
    text = "Police arrested 14 people in Lagos on Tuesday over an alleged plot."
    assert _kinds(text) == [(EventType.COERCE, [(14, 14)])]


def test_arrests_of_suspects_after_an_attack_stay_their_own_event():
    text = "Gunmen killed four people in Mandera on Monday. Police later arrested two suspects in Mandera."
    kinds = _kinds(text)
    assert [k for k, _ in kinds] == [EventType.ASSAULT, EventType.COERCE]


def test_arrests_on_another_day_than_the_protest_stay_apart():
    text = (
        "Students protested in Dhaka on 3 March against the new fees. "
        "On 9 March, police arrested five student leaders in Dhaka."
    )
    kinds = _kinds(text)
    assert [k for k, _ in kinds] == [EventType.PROTEST, EventType.COERCE]


def test_arrests_by_a_side_of_a_clash_are_the_clashs_count():
    text = (
        "Soldiers clashed with bandits near Gusau on Monday, killing six of them. "
        "The troops detained three others."
    )
    kinds = _kinds(text)
    assert kinds == [(EventType.ASSAULT, [(3, 3)])]


def test_an_unattributed_arrest_after_a_shootout_is_the_shootouts():
    text = "A shootout broke out in Niteroi on Sunday when police approached a group of men. Two suspects were arrested."
    assert _kinds(text) == [(EventType.ASSAULT, [(2, 2)])]


def test_arrests_of_men_who_had_attacked_the_arresters_stay_their_own_event():
    # the past perfect tells an earlier attack; the arrest is not made at it
    text = "Police arrested two men in Nairobi who had attacked a police post on Monday."
    kinds = _kinds(text)
    assert (EventType.COERCE, [(2, 2)]) in kinds
