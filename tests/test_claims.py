"""Claims of responsibility told after the attack, and attacks no one has claimed.

Every text here was written for this test; the expected values were read off by hand.
"""

from __future__ import annotations

import json

import pytest

import eventscope as es
from eventscope.serialize import from_jsonable, to_jsonable

PUBLISHED = "2024-05-06"


def _attack(text: str) -> es.Event:
    attacks = [e for e in es.extract(text, published=PUBLISHED) if e.type is es.EventType.ASSAULT]
    assert len(attacks) == 1, attacks
    return attacks[0]


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("Gunmen attacked a police post in Garissa on Monday. No group has claimed responsibility for the attack.",
         "No group has claimed responsibility for the attack."),
        ("A bomb exploded at a bus stop in Mogadishu on Monday. There was no claim of responsibility.",
         "There was no claim of responsibility."),
        ("Rebels attacked a village near Beni on Sunday. The attack has not been claimed.",
         "The attack has not been claimed."),
        ("Assailants shot dead a chief near Moyale. No one took responsibility for the killing.",
         "No one took responsibility for the killing."),
    ],
)
def test_an_attack_no_one_claimed_says_so_with_its_evidence(text: str, sentence: str) -> None:
    attack = _attack(text)
    assert attack.claimed_by is None
    assert attack.unclaimed is not None
    assert attack.unclaimed.text == sentence
    assert text[attack.unclaimed.start : attack.unclaimed.end] == sentence


@pytest.mark.parametrize(
    ("text", "claimer"),
    [
        ("Militants attacked a base near Gao on Monday. Al-Shabaab claimed responsibility.", "al-Shabaab"),
        ("A roadside bomb hit a convoy near Kidal. JNIM later claimed responsibility for the blast.",
         "JNIM"),
    ],
)
def test_a_claim_told_after_the_attack_names_the_claimant(text: str, claimer: str) -> None:
    attack = _attack(text)
    assert attack.claimed_by is not None
    assert claimer.lower() in (attack.claimed_by.name + " " + attack.claimed_by.mention).lower()
    assert attack.unclaimed is None


@pytest.mark.parametrize(
    "text",
    [
        # a named party that does not claim is not "unclaimed"
        "Militants attacked a base near Gao on Monday. Al-Shabaab did not claim the attack.",
        # "the group" that names no one known is no claimant
        "Gunmen killed four soldiers near Mopti. The group later claimed responsibility.",
        # nothing said about claims at all
        "Gunmen killed four soldiers near Mopti on Monday.",
    ],
)
def test_other_sentences_claim_nothing(text: str) -> None:
    attack = _attack(text)
    assert attack.claimed_by is None
    assert attack.unclaimed is None


def test_unclaimed_and_claimant_survive_serialisation() -> None:
    text = "Gunmen attacked a police post in Garissa on Monday. No group has claimed responsibility."
    attack = _attack(text)
    again = from_jsonable(es.Event, json.loads(json.dumps(to_jsonable(attack))))
    assert again == attack
    assert again.unclaimed is not None
