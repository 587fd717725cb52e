"""Event extraction on the shared sample and on sentences written for these tests."""

import datetime as dt
from pathlib import Path

import pytest

import eventscope as es
from eventscope.records import ActorKind, Certainty, EventType, GeoPrecision

SAMPLE = (
    Path(__file__).resolve().parents[1].parent / "shared" / "samples" / "iraq-embassy-attackers.txt"
)


@pytest.fixture(scope="module")
def sample_events():
    if not SAMPLE.exists():
        pytest.skip(f"the shared sample is not beside the project at {SAMPLE}")
    body = SAMPLE.read_text(encoding="utf-8").split("-----", 1)[1].strip()
    return body, es.extract(body, published="2023-12-14", outlet="sample")


def _by_trigger(events, word, type_):
    return [e for e in events if e.trigger.text == word and e.type is type_]


def test_sample_rocket_attack_is_assault_with_evidence(sample_events):
    body, events = sample_events
    # Issue 8: "attacked the US embassy in Baghdad last week" (the lead) and "rocket
    # salvos hit the US's heavily fortified compound" are one attack, told twice.
    (attack,) = [
        e for e in events
        if e.type is EventType.ASSAULT and not e.is_aggregate and e.claimed_by is None
        and e.date.start == dt.date(2023, 12, 7)
    ]
    assert attack.trigger.text == "attacked"
    (hit,) = [m for m in attack.merged if m.trigger.text == "hit"]
    assert "rocket salvos hit" in hit.evidence.text
    assert body[hit.trigger.start : hit.trigger.end] == "hit"
    assert attack.mode == "shelling/missile"
    assert attack.acled_sub_event_type == "Shelling/artillery/missile attack"
    assert attack.location.name == "Green Zone, Baghdad"
    assert attack.location.country == "IRQ"
    assert attack.location.precision in (GeoPrecision.EXACT, GeoPrecision.NEAR)
    # "came a week after rocket salvos hit", the spokesperson spoke "on Thursday" (Dec 14)
    assert attack.date.start == dt.date(2023, 12, 7)
    assert attack.date.derivation is es.DateDerivation.RELATIVE_TO_EVENT
    # "no group claimed responsibility for the attacks": nobody claimed it (DESIGN.md)
    assert attack.unclaimed is not None
    assert attack.unclaimed.text.startswith("While no group claimed responsibility")
    assert attack.actor1 is not None and attack.actor1.kind is es.ActorKind.UNIDENTIFIED
    claimed = [e for e in events if e.claimed_by is not None]
    assert len(claimed) == 2
    assert {e.claimed_by.name for e in claimed} == {"Islamic Resistance in Iraq"}
    assert all(e.unclaimed is None for e in claimed)


def test_sample_government_links_suspects_to_security_services(sample_events):
    # DESIGN.md: "ACCUSE: the Iraqi government links suspects to certain security services"
    _, events = sample_events
    (links,) = _by_trigger(events, "links", EventType.ACCUSE)
    assert links.actor1.name == "Government of Iraq"
    assert links.attribution.speaker == "Iraq’s government"
    assert "several people" in links.actor2.mention


def test_sample_arrests_are_one_coerce_with_both_reported_counts(sample_events):
    # Issue 8: the statement's "several" and AFP's 13 are two counts of one event.
    _, events = sample_events
    (arrests,) = _by_trigger(events, "arrested", EventType.COERCE)
    several, thirteen = arrests.arrested
    assert (several.min, several.max) == (3, 9)
    assert arrests.actor1.country == "IRQ"
    assert arrests.acled_sub_event_type == "Arrests"
    assert (thirteen.min, thirteen.max) == (13, 13)
    assert thirteen.attribution.certainty is Certainty.UNVERIFIED
    assert "anonymous" in thirteen.attribution.speaker
    assert thirteen.attribution.outlet == "AFP news agency"
    assert [m.trigger.text for m in arrests.merged] == ["arrested"]
    assert "13 people had already been arrested" in arrests.merged[0].evidence.text


def test_sample_claimed_attacks_are_two_events_with_imprecise_places(sample_events):
    _, events = sample_events
    claimed = [e for e in events if e.claimed_by is not None]
    assert [e.location.country for e in claimed] == ["IRQ", "SYR"]
    assert all(e.location.precision is GeoPrecision.REGION for e in claimed)
    assert all(e.claimed_by.name == "Islamic Resistance in Iraq" for e in claimed)
    assert all(e.date.start == dt.date(2023, 12, 7) for e in claimed)


def test_sample_statistic_is_an_aggregate(sample_events):
    _, events = sample_events
    (stat,) = [e for e in events if e.is_aggregate and e.injured]
    assert (stat.injured[0].min, stat.injured[0].max) == (60, 60)
    assert stat.attribution.speaker == "US military"


def test_sample_troop_levels_are_not_events(sample_events):
    _, events = sample_events
    assert not [e for e in events if "2,500 troops" in e.evidence.text]


def test_every_evidence_span_points_into_the_article(sample_events):
    body, events = sample_events
    for event in events:
        for evidence in _evidence(event):
            assert body[evidence.start : evidence.end] == evidence.text
            assert (
                evidence.sentence_start <= evidence.start <= evidence.end <= evidence.sentence_end
            )


def _evidence(value):
    if isinstance(value, es.Evidence):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _evidence(item)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from _evidence(getattr(value, name))


def test_passive_attack_by_weapon_has_mode_and_place():
    text = (
        "On Tuesday, an army convoy was hit by a roadside bomb near Kidal, killing four soldiers."
    )
    (event,) = es.extract(text, published="2024-02-08")
    assert event.type is EventType.ASSAULT
    assert event.acled_event_type == "Explosions/Remote violence"
    assert event.location.name == "Kidal"
    assert event.date.start == dt.date(2024, 2, 6)
    assert (event.killed[0].min, event.killed[0].max) == (4, 4)


def test_attack_carried_out_by_a_group_names_the_group_and_not_the_toll():
    text = "The attack was carried out by bandits in Zamfara State on Friday, leaving nine dead."
    (event,) = es.extract(text, published="2024-03-10")
    assert event.type is EventType.ASSAULT
    assert event.actor1 is not None and event.actor1.evidence.text == "bandits"
    assert event.actor2 is None  # "nine dead" is the toll, not whom
    assert (event.killed[0].min, event.killed[0].max) == (9, 9)
    assert event.date.start == dt.date(2024, 3, 8)


def test_attack_repelled_by_troops_is_not_by_the_troops():
    text = "An attack on the town was repelled by troops on Friday."
    (event,) = es.extract(text, published="2024-03-10")
    assert event.actor1 is None or event.actor1.evidence.text != "troops"


def test_fighting_between_two_sides_that_killed_is_one_clash_with_both_sides():
    text = "Fighting between the army and Mai-Mai militiamen near Rutshuru killed 12 people on Monday."
    (event,) = es.extract(text, published="2024-03-10")
    assert event.type is EventType.ASSAULT and event.mode == "armed clash"
    assert event.actor1.evidence.text in ("army", "the army")
    assert event.actor2 is not None and "Mai-Mai" in event.actor2.evidence.text
    assert (event.killed[0].min, event.killed[0].max) == (12, 12)


def test_clashes_that_forced_families_to_flee_are_an_event_with_the_displaced():
    text = "The clashes forced 2,000 families to flee their homes near Rutshuru on Monday."
    (event,) = es.extract(text, published="2024-03-10")
    assert event.type is EventType.ASSAULT
    assert (event.displaced[0].min, event.displaced[0].max) == (2000, 2000)
    assert event.location.country == "COD"


def test_a_village_the_gazetteer_lacks_attacked_in_a_named_state_is_where_not_whom():
    text = "Bandits raided Kuriga in Kaduna State on Thursday and abducted 287 pupils."
    (event,) = es.extract(text, published="2024-03-10")
    assert event.actor2 is None or event.actor2.evidence.text != "Kuriga"
    assert event.location.country == "NGA" and event.location.name == "Kaduna"
    assert (event.abducted[0].min, event.abducted[0].max) == (287, 287)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Jets bombed Hamas in Gaza City on Monday.", "Hamas"),  # a group, though a town shares an alias
        ("Gunmen shot Mohammed Bello in Kano on Friday.", "Mohammed Bello"),  # a person
    ],
)
def test_a_named_group_or_person_attacked_in_a_town_stays_the_target(text, target):
    (event,) = es.extract(text, published="2024-03-10")
    assert event.actor2 is not None and event.actor2.evidence.text == target


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        ("Israeli jets struck Hezbollah positions in southern Lebanon on Monday.", "Military Forces of Israel"),
        ("Russian missiles hit Kharkiv overnight, killing three civilians.", "Military Forces of Russia"),
        ("Turkish drones hit a vehicle near Kobani on Sunday, killing two.", "Military Forces of Turkey"),
        ("A drone struck a car in Sanaa on Monday.", None),  # whose drone, the sentence does not say
    ],
)
def test_whose_weapons_struck_names_that_countrys_forces(text, actor1):
    (event,) = es.extract(text, published="2024-03-10")
    assert (event.actor1.name if event.actor1 else None) == actor1
    if actor1 is not None:
        assert event.actor1.kind is es.ActorKind.MILITARY


def test_arrest_of_protesters_has_count_place_and_date():
    text = "Police arrested 12 protesters in Mandalay on 3 March 2021."
    (event,) = es.extract(text)
    assert event.type is EventType.COERCE and event.mode == "arrest"
    assert event.actor1.kind is es.ActorKind.POLICE
    assert event.actor2.kind is es.ActorKind.PROTESTERS
    assert event.location.country == "MMR"
    assert event.date.start == dt.date(2021, 3, 3)
    assert event.arrested[0].min == 12


def test_denied_attack_is_not_an_event():
    text = "The militia said it did not attack the village and blamed government troops."
    events = es.extract(text, published="2024-01-10")
    assert [e.type for e in events] == [EventType.ACCUSE]


def test_threat_is_not_an_attack():
    text = "The rebel commander threatened to strike the airport if talks fail."
    events = es.extract(text, published="2024-01-10")
    assert EventType.ASSAULT not in [e.type for e in events]
    assert EventType.THREATEN in [e.type for e in events]


def test_dozens_killed_keeps_a_range():
    text = "Dozens of people were killed when gunmen attacked a market in Maiduguri on Sunday."
    events = es.extract(text, published="2024-05-14")
    killed = [q for e in events for q in e.killed]
    assert [(q.min, q.max) for q in killed] == [(24, 99)]


def test_protest_dispersed_by_police_is_intervention():
    text = "Police fired tear gas to disperse hundreds of protesters in Nairobi on Tuesday."
    events = es.extract(text, published="2024-06-26")
    protest = [e for e in events if e.type is EventType.PROTEST]
    assert protest and protest[0].acled_sub_event_type == "Protest with intervention"
    assert protest[0].location.country == "KEN"


def test_without_publication_date_relative_dates_say_why():
    (event,) = es.extract("Soldiers shelled the town of Avdiivka on Thursday.")
    assert event.date.start is None
    assert "publication date" in event.date.reason


def _only(events, type_):
    found = [e for e in events if e.type is type_]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in events]
    return found[0]


def test_protest_broken_up_with_tear_gas_is_intervention():
    text = (
        "Hundreds of traders protested outside the county offices in Nakuru on Monday. "
        "Police fired tear gas to break up the crowd."
    )
    protest = _only(es.extract(text, published="2024-03-05"), EventType.PROTEST)
    assert protest.mode == "intervention"
    assert protest.acled_sub_event_type == "Protest with intervention"


def test_protest_met_with_live_fire_is_excessive_force():
    text = "Soldiers opened fire on students protesting in Kisumu on Friday, killing two, witnesses said."
    protest = _only(es.extract(text, published="2024-03-09"), EventType.PROTEST)
    assert protest.acled_sub_event_type == "Excessive force against protesters"


def test_stone_throwing_protesters_are_a_violent_demonstration():
    text = "Students protested in Eldoret on Tuesday and hurled stones at passing vehicles."
    protest = _only(es.extract(text, published="2024-03-06"), EventType.PROTEST)
    assert (protest.acled_event_type, protest.acled_sub_event_type) == ("Riots", "Violent demonstration")


def test_a_dispersed_crowd_is_read_with_what_it_did_before():
    text = (
        "On 3 March 2024, hundreds of demonstrators stormed the district office in Bawku and "
        "smashed its windows. Police fired tear gas to disperse the demonstrators."
    )
    events = es.extract(text, published="2024-03-04")
    assert [(e.type, e.acled_event_type, e.acled_sub_event_type) for e in events] == [
        (EventType.PROTEST, "Riots", "Violent demonstration")
    ]
    riot = events[0]
    assert riot.actor1.kind is ActorKind.PROTESTERS and riot.actor2.kind is ActorKind.POLICE


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        # the next sentence's "attack" is commentary, not the crowd's deed
        (("Reporters held a protest outside a newspaper office in Multan on Monday against the "
          "arrest of an editor. Colleagues called his arrest an attack on press freedom."), "Peaceful protest"),
        (("Wheelchair users staged a protest in Dhaka on Monday over allowances. Police officers "
          "assaulted the protestors."), "Protest with intervention"),
        ("Students protested in Kisumu on Monday. The demonstration turned violent.", "Violent demonstration"),
        ("Students protested in Kisumu on Monday. They torched two buses.", "Violent demonstration"),
    ],
)
def test_the_next_sentence_tells_how_the_protest_went(text: str, sub_type: str) -> None:
    protests = [e for e in es.extract(text, published="2024-03-05") if e.type is EventType.PROTEST]
    assert [e.acled_sub_event_type for e in protests] == [sub_type]


def test_a_merged_event_is_typed_from_its_merged_doer_and_mode():
    # the attack gives the doer (a mob), the vandalism a mode; alone, vandalism with no
    # doer would be a strategic development
    text = (
        "On 6 May 2024, a mob in Wa carried out an attack on the chief's palace, injuring two guards. "
        "They also vandalized the chief's car."
    )
    events = es.extract(text, published="2024-05-07")
    assert [(e.acled_event_type, e.acled_sub_event_type) for e in events] == [("Riots", "Mob violence")]
    assert events[0].actor1.kind is ActorKind.MOB


@pytest.mark.parametrize(
    ("text", "typed"),
    [
        (("On 4 May 2024, gunmen killed a village chief and abducted two traders in Kamango. "
          "The attackers also looted several shops."), ("Violence against civilians", "Attack")),
        (("On 4 May 2024, militants raided a police post in Dadaab, wounding three officers. "
          "They also torched two vehicles."), ("Battles", "Armed clash")),
    ],
)
def test_an_attack_that_also_destroyed_property_is_the_attack(text, typed):
    # ACLED codes the harm to people; the looting or burning is part of the same event
    events = es.extract(text, published="2024-05-07")
    assert [(e.acled_event_type, e.acled_sub_event_type) for e in events] == [typed]


@pytest.mark.parametrize(
    "text",
    ["Police found the bodies of two men in Kisumu on Monday.", "Villagers found a dead man near the river in Siaya."],
)
def test_who_found_a_body_is_not_who_killed(text):
    (event,) = es.extract(text, published="2024-05-07")
    assert event.actor1 is None
    assert event.acled_sub_event_type == "Attack"


def test_shot_dead_is_not_part_of_the_victims_name():
    (event,) = es.extract("Gunmen shot dead two traders in Mandera on Monday.", published="2024-05-07")
    assert event.actor2 is not None and event.actor2.mention == "two traders"
    assert [(q.min, q.max) for q in event.killed] == [(2, 2)]


def test_what_attackers_demand_of_their_victim_is_no_event_of_its_own():
    events = es.extract(
        "On 4 May 2024, gunmen beat a councillor at his shop in Embu. "
        "The assailants demanded that he withdraw his election petition.",
        published="2024-05-07",
    )
    assert [(e.type.value, e.acled_sub_event_type) for e in events] == [("ASSAULT", "Attack")]


def test_a_toll_in_the_clash_belongs_to_the_clash():
    text = (
        "On 7 January 2024, backers of a sitting councillor and of his challenger clashed at "
        "Bolgatanga market after the count. A trader was killed and at "
        "least 9 were injured in the clash."
    )
    events = es.extract(text, published="2024-01-08")
    assert [(e.acled_event_type, e.acled_sub_event_type) for e in events] == [("Riots", "Mob violence")]
    assert [(q.min, q.max) for q in events[0].killed] == [(1, 1)]
    assert events[0].actor2 is None or "market" not in events[0].actor2.mention


def test_a_toll_in_the_incident_joins_the_clash_whoever_died():
    text = (
        "On 18 July 2024, student demonstrators and police forces clashed in Gazipur. "
        "A journalist was killed in the incident."
    )
    events = es.extract(text, published="2024-07-19")
    assert [(e.acled_event_type, e.acled_sub_event_type) for e in events] == [("Riots", "Violent demonstration")]
    assert [(q.min, q.max) for q in events[0].killed] == [(1, 1)]
    assert events[0].actor2.kind is ActorKind.POLICE


def test_a_bare_toll_after_a_clash_is_the_clash_toll():
    text = (
        "On 19 July 2024, student demonstrators clashed with police in Narsingdi, demanding the "
        "end of quotas. Three persons were killed."
    )
    events = es.extract(text, published="2024-07-20")
    assert [(e.acled_event_type, e.acled_sub_event_type) for e in events] == [("Riots", "Violent demonstration")]
    assert [(q.min, q.max) for q in events[0].killed] == [(3, 3)]


def test_a_toll_told_of_the_clash_joins_a_riot_whatever_else_the_sentence_says():
    # the "in the clash" hangs on the injured, not on the killed
    text = (
        "On 9 June 2024, traders clashed with municipal guards in Kumasi during their "
        "demonstration against evictions. Four people were killed and over 30 were injured in the clash."
    )
    events = es.extract(text, published="2024-06-10")
    assert [(e.acled_event_type, e.acled_sub_event_type) for e in events] == [("Riots", "Violent demonstration")]
    assert [(q.min, q.max) for q in events[0].killed] == [(4, 4)]
    assert [q.min for q in events[0].injured] == [31]  # "over 30"


def test_a_bare_toll_two_sentences_after_a_clash_is_still_its_toll():
    text = (
        "On 19 July 2024, student demonstrators clashed with police in Narsingdi, demanding the "
        "end of quotas. Police fired tear gas at them. Three persons were killed, including a passer-by."
    )
    events = es.extract(text, published="2024-07-20")
    assert [(e.acled_event_type, e.acled_sub_event_type) for e in events] == [("Riots", "Violent demonstration")]
    assert [(q.min, q.max) for q in events[0].killed] == [(3, 3)]


def test_a_killing_with_a_doer_after_an_attack_is_its_own_event():
    # "it said it killed four rebels" is the army's raid, not the toll of the rebels' attack
    text = (
        "Rebels attacked a police post in Bamenda on Tuesday, killing two officers. The army "
        "responded with a raid on a nearby village, where it said it killed four rebels."
    )
    events = es.extract(text, published="2024-07-20")
    assert [sorted((q.min, q.max) for q in e.killed) for e in events] == [[(2, 2)], [(4, 4)]]


def test_a_toll_told_as_separate_stays_apart():
    text = "Gunmen attacked a bus near Mandera on Monday. In a separate incident, two people were killed in Garissa."
    events = es.extract(text, published="2024-07-20")
    assert len(events) == 2


def test_villagers_beating_a_suspect_is_mob_violence():
    text = "Villagers beat a suspected cattle thief to death in Garissa on Sunday."
    attack = _only(es.extract(text, published="2024-03-04"), EventType.ASSAULT)
    assert (attack.acled_event_type, attack.acled_sub_event_type) == ("Riots", "Mob violence")
    assert attack.killed[0].min == 1


def test_clash_between_two_groups_has_both_sides():
    text = "Two people died in a clash between supporters of the governor and police in Homa Bay on Saturday."
    clash = _only(es.extract(text, published="2024-03-04"), EventType.ASSAULT)
    assert clash.actor1.mention == "supporters of the governor"
    assert clash.actor2.kind is es.ActorKind.POLICE
    assert clash.acled_event_type == "Riots"


def test_shooting_a_civilian_is_an_attack_not_a_battle():
    text = "Gunmen shot dead a fisherman near Lamu on Wednesday."
    attack = _only(es.extract(text, published="2024-03-08"), EventType.ASSAULT)
    assert (attack.acled_event_type, attack.acled_sub_event_type) == ("Violence against civilians", "Attack")
    assert attack.killed[0].min == 1


def test_event_dated_by_an_offset_from_another_clause():
    text = (
        "The army announced on Monday that it had retaken the town. "
        "The announcement came three days after rebels attacked a checkpoint near Bunia."
    )
    (attack,) = [e for e in es.extract(text, published="2024-06-12") if e.type is EventType.ASSAULT]
    assert attack.date.start == dt.date(2024, 6, 7)  # Monday June 10, less three days
    assert "three days after" in attack.date.reason
