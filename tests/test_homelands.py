"""Names that say a country (ethnic communities, national figures) and armed groups'
homes: who an armed group is, and where a story that names no place happened.

Every sentence here was written for these tests; expected values were checked by hand
against the shipped tables (eventscope/data/communities.toml, leaders.toml,
organisations.toml).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

import eventscope as es
from eventscope.config import Config
from eventscope.nlp.model import load_model
from eventscope.records import ActorKind, Event
from eventscope.resolve.actors import resolve_actor
from eventscope.resolve.gazetteer import load_gazetteer
from eventscope.resolve.homelands import load_communities, load_leaders

K = ActorKind
PUBLISHED = "2019-03-20"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def _events(text: str, config: Config | None = None) -> list[Event]:
    return es.extract(text, published=PUBLISHED, config=config or Config())


def _named(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    return [(c.name, c.country, words.text) for c, words in load_communities().find_all(doc[:])]


# --- finding communities ------------------------------------------------------------


def test_names_and_plurals_are_found_with_their_country(nlp: Language) -> None:
    assert _named(nlp, "Kikuyus and Luos fled as Tigrayans arrived.") == [
        ("Kikuyu", "KEN", "Kikuyus"), ("Luo", "KEN", "Luos"), ("Tigrayan", "ETH", "Tigrayans"),
    ]


def test_an_alias_gives_the_community_and_two_word_names_match_whole(nlp: Language) -> None:
    assert _named(nlp, "Kipsigi elders met Habar Gidir elders.") == [
        ("Kipsigis", "KEN", "Kipsigi"), ("Habar Gidir", "SOM", "Habar Gidir"),
    ]


def test_a_persons_name_and_lower_case_words_are_no_community(nlp: Language) -> None:
    assert _named(nlp, "Karen Smith, a fur trader, spoke to reporters in Boston.") == []


# --- actors ---------------------------------------------------------------------------


def _actor(nlp: Language, sentence: str, mention: str, *, perpetrator: bool = False) -> es.Actor:
    start = sentence.index(mention)
    phrase = nlp(sentence).char_span(start, start + len(mention), alignment_mode="expand")
    assert phrase is not None
    return resolve_actor("a1", phrase, load_gazetteer(), None, perpetrator=perpetrator)


def test_raiders_of_a_community_are_its_ethnic_militia(nlp: Language) -> None:
    actor = _actor(nlp, "Pokot raiders stole two hundred goats.", "Pokot raiders", perpetrator=True)
    assert (actor.name, actor.kind, actor.country) == ("Pokot Ethnic Militia (Kenya)", K.COMMUNAL, "KEN")


def test_a_community_doing_violence_is_its_militia(nlp: Language) -> None:
    actor = _actor(nlp, "Members of the Orma community burned the huts.", "Members of the Orma community",
                   perpetrator=True)
    assert (actor.name, actor.kind, actor.country) == ("Orma Ethnic Militia (Kenya)", K.COMMUNAL, "KEN")


def test_herders_who_are_shot_keep_their_kind_and_take_the_country(nlp: Language) -> None:
    actor = _actor(nlp, "Police shot three Turkana herders near the dam.", "three Turkana herders")
    assert actor.kind is not K.COMMUNAL
    assert actor.country == "KEN"


def test_a_community_in_a_clause_about_the_head_is_not_the_actor(nlp: Language) -> None:
    actor = _actor(nlp, "Officers who chased the Pokot were ambushed.", "Officers who chased the Pokot")
    assert actor.kind is not K.COMMUNAL


# --- where a story with no place is -------------------------------------------------


def test_a_community_says_the_country_of_a_story_with_no_place() -> None:
    (event,) = _events("Pokot raiders attacked herders and drove off 300 cattle on Sunday.")
    assert event.location is not None
    assert (event.location.country, int(event.location.precision or 0)) == ("KEN", 3)
    assert event.actor1 is not None and event.actor1.name == "Pokot Ethnic Militia (Kenya)"
    assert event.acled_sub_event_type == "Attack"


def test_a_named_town_outweighs_a_community() -> None:
    (event,) = _events("Pokot raiders attacked herders near Moroto town on Sunday.")
    assert event.location is not None and event.location.name == "Moroto"
    assert event.location.country == "UGA"


def test_an_armed_groups_home_says_the_country_of_a_story_with_no_place() -> None:
    (event,) = _events("Suspected Mungiki members shot dead a matatu driver on Sunday.")
    assert event.location is not None
    assert (event.location.country, int(event.location.precision or 0)) == ("KEN", 3)


def test_a_countrys_forces_outweigh_an_armed_groups_home() -> None:
    events = _events("Kenyan soldiers killed four al-Shabaab militants in a gun battle on Sunday.")
    assert events and all(e.location is not None and e.location.country == "KEN" for e in events)


def test_an_armed_groups_home_picks_no_town() -> None:
    # El Wak is a town on both sides of the border; the group's home country (Somalia)
    # must not make the Kenyan one "not in the gazetteer"
    (event,) = _events("Al-Shabaab militants attacked El Wak town on Sunday, killing two people.")
    assert event.location is not None and event.location.name == "El Wak"
    assert event.location.precision is not None and int(event.location.precision) == 1


def test_the_country_setting_outweighs_an_armed_groups_home() -> None:
    (event,) = _events("Al-Shabaab fighters ambushed a bus on Sunday, killing two people.", Config(country="KEN"))
    assert event.location is not None and event.location.country == "KEN"
    (event,) = _events("Al-Shabaab fighters ambushed a bus on Sunday, killing two people.")
    assert event.location is not None and event.location.country == "SOM"


# --- clashes between communities: the dead are no side ---------------------------------


def _typed(text: str) -> list[tuple[str | None, str | None, str | None, list[int]]]:
    return [
        (e.acled_sub_event_type, e.actor1.name if e.actor1 else None, e.actor2.name if e.actor2 else None,
         [q.min for q in e.killed])
        for e in _events(text)
    ]


def test_deaths_in_clashes_between_two_communities_are_a_clash_of_their_militias() -> None:
    assert _typed("Three people were killed in clashes between Pokot and Turkana herders near Lokori.") == [
        ("Armed clash", "Pokot Ethnic Militia (Kenya)", "Turkana Ethnic Militia (Kenya)", [3]),
    ]


def test_deaths_in_violence_between_two_communities_are_a_clash() -> None:
    assert _typed("Two herders were killed in violence between Kalenjin and Maasai youths in Narok.") == [
        ("Armed clash", "Kalenjin Ethnic Militia (Kenya)", "Maasai Ethnic Militia (Kenya)", [2]),
    ]


def test_those_killed_during_days_of_clashes_are_not_a_side() -> None:
    assert _typed("At least eight people were killed following three days of ethnic clashes in Kinango.") == [
        ("Armed clash", None, None, [8]),
    ]


def test_deaths_in_the_battle_make_it_a_battle() -> None:
    assert _typed("Four of the raiders were killed in the battle.") == [("Armed clash", None, None, [4])]


def test_violence_told_as_background_is_no_clash() -> None:
    events = _events(
        "A boy was hacked to death in Esoit village on Sunday. The attack follows violence between "
        "the Maasai and Kipsigis communities last month."
    )
    assert [e.acled_sub_event_type for e in events] == ["Attack"]


def test_people_hurt_by_fire_in_a_clash_do_not_make_it_an_attack_on_civilians() -> None:
    events = _events(
        "On Sunday, Kipsigi and Maasai militias clashed at Olmekenyu. Six people were injured in arrow fire."
    )
    assert [e.acled_sub_event_type for e in events] == ["Armed clash"]


# --- national figures -----------------------------------------------------------------


def test_a_leaders_name_is_found_with_or_without_its_apostrophe(nlp: Language) -> None:
    doc = nlp("Crowds gathered after Odingas rally and Hasina's speech.")
    assert [(e.name, e.country) for e, _ in load_leaders().find_all(doc[:])] == [
        ("Raila Odinga", "KEN"), ("Sheikh Hasina", "BGD"),
    ]


def test_a_leader_says_the_country_of_a_story_with_no_place() -> None:
    (event,) = _events("Youths burned tyres and stoned cars after Kibakis victory was announced.")
    assert event.location is not None
    assert (event.location.country, int(event.location.precision or 0)) == ("KEN", 3)


def test_a_named_town_outweighs_a_leader() -> None:
    (event,) = _events("Youths burned tyres in Gulu town after Kibaki's victory was announced.")
    assert event.location is not None and event.location.country == "UGA"


def test_a_leader_abroad_does_not_move_a_named_place() -> None:
    events = _events("Missiles hit Kharkiv on Sunday, hours after Putin spoke in Moscow.")
    hits = [e for e in events if e.location is not None and e.location.name == "Kharkiv"]
    assert hits and hits[0].location.country == "UKR"


def test_a_doer_who_killed_in_clashes_keeps_its_sides() -> None:
    events = _events("On Monday, troops pursued the raiders and killed twelve of them in clashes near Lokori.")
    clashes = [e for e in events if e.acled_sub_event_type == "Armed clash"]
    assert clashes and clashes[0].actor1 is not None and clashes[0].actor1.kind is K.MILITARY
    assert clashes[0].actor2 is not None
