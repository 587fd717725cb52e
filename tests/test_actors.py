"""Canonical actors: named organisations, kinds, countries, sponsors, coreference and `actors`.

Every sentence here was written for these tests; expected values were checked by hand.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from factories import make_article, span, whole_sentence
from spacy.language import Language
from spacy.tokens import Span

import eventscope as es
from eventscope.config import load_config
from eventscope.extract.coreference import (
    ORGANISATION_KINDS,
    antecedent,
    candidate_spans,
    referring_kinds,
)
from eventscope.nlp.model import load_model
from eventscope.records import Actor, ActorKind, EventType
from eventscope.resolve.actors import resolve_actor
from eventscope.resolve.gazetteer import Gazetteer, load_gazetteer
from eventscope.resolve.organisations import load_organisations
from eventscope.serialize import from_jsonable, to_jsonable
from eventscope.store import Store

K = ActorKind
SAMPLE = Path(__file__).resolve().parents[1].parent / "shared" / "samples" / "iraq-embassy-attackers.txt"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def _span(nlp: Language, sentence: str, mention: str) -> Span:
    doc = nlp(sentence)
    start = sentence.index(mention)
    found = doc.char_span(start, start + len(mention), alignment_mode="expand")
    assert found is not None
    return found


def _resolve(
    nlp: Language, gazetteer: Gazetteer, sentence: str, mention: str, main: str | None = None,
    **options: object,
) -> Actor:
    return resolve_actor("test", _span(nlp, sentence, mention), gazetteer, main, **options)  # type: ignore[arg-type]


# (sentence, mention, article's main country, expected name, kind, country, sponsor)
MENTIONS = [
    # named armed groups from the organisation table
    ("The Islamic Resistance in Iraq, a coalition of Iran-backed militias, claimed the drone strike.",
     "Islamic Resistance in Iraq", "IRQ", "Islamic Resistance in Iraq", K.REBEL, "IRQ", "IRN"),
    ("Kata'ib Hezbollah announced a pause in its operations against US forces.",
     "Kata'ib Hezbollah", "IRQ", "Kata'ib Hezbollah", K.REBEL, "IRQ", "IRN"),
    ("Two Kataib Hizbollah commanders were killed in a strike near Jurf al-Sakhar.",
     "Kataib Hizbollah commanders", "IRQ", "Kata'ib Hezbollah", K.REBEL, "IRQ", "IRN"),
    ("Hezbollah fighters fired anti-tank missiles at an Israeli position.",
     "Hezbollah fighters", "LBN", "Hezbollah", K.REBEL, "LBN", "IRN"),
    ("Hamas gunmen crossed the fence at dawn.", "Hamas gunmen", "PSE", "Hamas", K.REBEL, "PSE", "IRN"),
    ("The Qassam Brigades said they had fired a barrage of rockets.",
     "Qassam Brigades", "PSE", "Hamas", K.REBEL, "PSE", "IRN"),
    ("The Houthis fired a ballistic missile toward the port.",
     "Houthis", "YEM", "Ansar Allah (Houthis)", K.REBEL, "YEM", "IRN"),
    ("Ansar Allah said its forces had downed a drone.",
     "Ansar Allah", "YEM", "Ansar Allah (Houthis)", K.REBEL, "YEM", "IRN"),
    ("Islamic State fighters ambushed an army patrol in the desert.",
     "Islamic State fighters", "SYR", "Islamic State", K.REBEL, None, None),
    ("ISIS claimed the bombing of the market.", "ISIS", "IRQ", "Islamic State", K.REBEL, None, None),
    ("Daesh militants set up a checkpoint on the highway.",
     "Daesh militants", "IRQ", "Islamic State", K.REBEL, None, None),
    ("ISWAP insurgents overran a military base in Borno.",
     "ISWAP insurgents", "NGA", "Islamic State West Africa Province", K.REBEL, "NGA", None),
    ("Boko Haram gunmen abducted dozens of pupils.", "Boko Haram gunmen", "NGA", "Boko Haram", K.REBEL, "NGA", None),
    ("Al-Shabaab militants stormed a hotel in the capital.",
     "Al-Shabaab militants", "SOM", "al-Shabaab", K.REBEL, "SOM", None),
    ("al Shabab fighters took control of the village.",
     "al Shabab fighters", "SOM", "al-Shabaab", K.REBEL, "SOM", None),
    ("Wagner mercenaries were accused of killing civilians in the market town.",
     "Wagner mercenaries", "MLI", "Wagner Group", K.OTHER, "RUS", "RUS"),
    ("The Rapid Support Forces shelled the city overnight.",
     "Rapid Support Forces", "SDN", "Rapid Support Forces", K.REBEL, "SDN", None),
    ("RSF fighters looted the main market.", "RSF fighters", "SDN", "Rapid Support Forces", K.REBEL, "SDN", None),
    ("The Sudanese Armed Forces carried out air strikes on the bridge.",
     "Sudanese Armed Forces", "SDN", "Military Forces of Sudan", K.MILITARY, "SDN", None),
    ("M23 rebels seized the mining town.", "M23 rebels", "COD", "M23", K.REBEL, "COD", "RWA"),
    ("JNIM militants attacked a convoy near the border.",
     "JNIM militants", "BFA", "Jama'at Nusrat al-Islam wal-Muslimin", K.REBEL, "MLI", None),
    ("Taliban fighters attacked a police checkpoint.", "Taliban fighters", "AFG", "Taliban", K.REBEL, "AFG", None),
    ("The Pakistani Taliban claimed the suicide bombing.",
     "Pakistani Taliban", "PAK", "Tehrik-i-Taliban Pakistan", K.REBEL, "PAK", None),
    ("TTP militants attacked a police station overnight.",
     "TTP militants", "PAK", "Tehrik-i-Taliban Pakistan", K.REBEL, "PAK", None),
    ("PKK militants attacked a border outpost.",
     "PKK militants", "TUR", "Kurdistan Workers' Party", K.REBEL, "TUR", None),
    ("HTS fighters advanced on the town.", "HTS fighters", "SYR", "Hayat Tahrir al-Sham", K.REBEL, "SYR", None),
    ("The US-backed Syrian Democratic Forces detained suspected smugglers.",
     "US-backed Syrian Democratic Forces", "SYR", "Syrian Democratic Forces", K.REBEL, "SYR", "USA"),
    ("The Popular Mobilization Forces deployed to the border.",
     "Popular Mobilization Forces", "IRQ", "Popular Mobilization Forces", K.MILITARY, "IRQ", None),
    ("ELN guerrillas bombed an oil pipeline.",
     "ELN guerrillas", "COL", "National Liberation Army (Colombia)", K.REBEL, "COL", None),
    ("FARC dissidents attacked a police station in the south.",
     "FARC dissidents", "COL", "FARC dissidents", K.REBEL, "COL", None),
    ("The Arakan Army captured a military camp.", "Arakan Army", "MMR", "Arakan Army", K.REBEL, "MMR", None),
    ("The IDF said its jets struck a weapons depot.",
     "IDF", "ISR", "Military Forces of Israel", K.MILITARY, "ISR", None),
    # international organisations
    ("NATO officials condemned the attack.", "NATO officials", "UKR", "NATO", K.INTERNATIONAL, None, None),
    ("UN peacekeepers came under fire near the town.",
     "UN peacekeepers", "COD", "United Nations", K.INTERNATIONAL, None, None),
    ("The ICRC evacuated wounded civilians.",
     "ICRC", "SDN", "International Committee of the Red Cross", K.INTERNATIONAL, None, None),
    ("The African Union suspended the country's membership.",
     "African Union", "NER", "African Union", K.INTERNATIONAL, None, None),
    # parties and their wings
    ("Awami League supporters attacked a rally in the capital.",
     "Awami League supporters", "BGD", "Awami League", K.PARTY, "BGD", None),
    ("BNP activists blocked the highway.", "BNP activists", "BGD", "Bangladesh Nationalist Party", K.PARTY, "BGD", None),
    ("Jamaat-e-Islami leaders called a general strike.",
     "Jamaat-e-Islami leaders", "BGD", "Jamaat-e-Islami", K.PARTY, "BGD", None),
    ("Chhatra League men chased students across the campus.",
     "Chhatra League men", "BGD", "Bangladesh Chhatra League", K.PARTY, "BGD", None),
    ("Chhatra Dal activists vandalised buses.",
     "Chhatra Dal activists", "BGD", "Jatiyatabadi Chhatra Dal", K.PARTY, "BGD", None),
    ("ODM supporters clashed with rivals in the lakeside city.",
     "ODM supporters", "KEN", "Orange Democratic Movement", K.PARTY, "KEN", None),
    ("UDA youths stoned the convoy.", "UDA youths", "KEN", "United Democratic Alliance", K.PARTY, "KEN", None),
    ("Jubilee Party officials rejected the results.",
     "Jubilee Party officials", "KEN", "Jubilee Party", K.PARTY, "KEN", None),
    # state actors, from demonyms, country names and titles
    ("The US accused Iran-backed militias of the rocket fire.",
     "US", "IRQ", "Government of United States", K.GOVERNMENT, "USA", None),
    ("The US accused Iran-backed militias of the rocket fire.",
     "Iran-backed militias", "IRQ", "Iran-backed militias", K.REBEL, None, "IRN"),
    ("Iranian-backed militias have struck the base repeatedly.",
     "Iranian-backed militias", "IRQ", "Iranian-backed militias", K.REBEL, None, "IRN"),
    ("Prime Minister Mohammed Shia al-Sudani called the attacks unacceptable.",
     "Prime Minister Mohammed Shia al-Sudani", "IRQ", "Mohammed Shia al-Sudani", K.GOVERNMENT, "IRQ", None),
    ("Iraqi security forces arrested thirteen suspects.",
     "Iraqi security forces", "IRQ", "Police Forces of Iraq", K.POLICE, "IRQ", None),
    ("Iraq's security forces detained several men.",
     "Iraq's security forces", "IRQ", "Police Forces of Iraq", K.POLICE, "IRQ", None),
    ("The security forces sealed off the area.",
     "security forces", "IRQ", "Police Forces of Iraq", K.POLICE, "IRQ", None),
    ("Kenyan police fired tear gas at protesters.", "Kenyan police", "KEN", "Police Forces of Kenya", K.POLICE, "KEN", None),
    ("Kenyan police fired tear gas at protesters.", "protesters", "KEN", "Protesters (Kenya)", K.PROTESTERS, "KEN", None),
    ("Israeli troops raided the camp before dawn.",
     "Israeli troops", "PSE", "Military Forces of Israel", K.MILITARY, "ISR", None),
    # unknown named groups are kept as written, with kind and sponsor from the apposition
    ("Saraya Awliya al-Dam, a little-known militia, claimed the rocket attack.",
     "Saraya Awliya al-Dam", "IRQ", "Saraya Awliya al-Dam", K.REBEL, None, None),
    ("Ashab al-Kahf, a shadowy Iran-backed faction, claimed the bombing.",
     "Ashab al-Kahf", "IRQ", "Ashab al-Kahf", K.REBEL, None, "IRN"),
    ("Russia-backed separatists shelled the village.",
     "Russia-backed separatists", "UKR", "Russia-backed separatists", K.REBEL, None, "RUS"),
    # Kenya's armed sects and movements, and members of a gang
    ("Suspected Mungiki members were shot dead by police in Mathare.",
     "Suspected Mungiki members", "KEN", "Mungiki", K.REBEL, "KEN", None),
    ("SLDF militiamen raided a village on the slopes of Mount Elgon.",
     "SLDF militiamen", "KEN", "Sabaot Land Defence Force", K.REBEL, "KEN", None),
    ("Two rival gang members opened fire on a bus.",
     "Two rival gang members", "BRA", "Unidentified Armed Group (Brazil)", K.UNIDENTIFIED, "BRA", None),
    # what a force is made of or holds is the force; a demonym inside a force's name says whose
    ("Rebels attacked Turkish Army units near the border.",
     "Turkish Army units", None, "Military Forces of Turkey", K.MILITARY, "TUR", None),
    ("Gunmen raided a police post in the north on Monday.",
     "a police post", "NGA", "Police Forces of Nigeria", K.POLICE, "NGA", None),
    ("Bandits ambushed an army convoy near the town.",
     "an army convoy", "NER", "Military Forces of Niger", K.MILITARY, "NER", None),
    # armed men are no civilians, whoever kills them; QSD is the SDF's Arabic initials
    ("Police shot dead two armed men at a roadblock outside the town.",
     "two armed men", "KEN", "Unidentified Armed Group (Kenya)", K.UNIDENTIFIED, "KEN", None),
    ("Gunmen killed a QSD member near the bridge.",
     "a QSD member", "SYR", "Syrian Democratic Forces", K.REBEL, "SYR", "USA"),
    # a quantity of a group's members is the group
    ("Hundreds of Hezbollah supporters marched through the town.",
     "Hundreds of Hezbollah supporters", "LBN", "Hezbollah", K.REBEL, "LBN", "IRN"),
    # an officer of no armed force is a civilian
    ("Gunmen robbed a Red Cross officer at gunpoint near Lodwar.",
     "a Red Cross officer", "KEN", "Civilians (Kenya)", K.CIVILIANS, "KEN", None),
    # what a named group holds stands for the group
    ("Gunmen attacked a Taliban checkpoint in Kunar.",
     "a Taliban checkpoint", "AFG", "Taliban", K.REBEL, "AFG", None),
    ("Police detained three RAB members for extortion.",
     "three RAB members", "BGD", "Rapid Action Battalion", K.POLICE, "BGD", None),
    # a party's initials that are also a country's ISO code (AL, the Awami League) name no country
    ("Police detained five AL activists near the court.",
     "five AL activists", "BGD", "five AL activists", K.PARTY, None, None),
]


@pytest.mark.parametrize(
    ("sentence", "mention", "main", "name", "kind", "country", "sponsor"),
    MENTIONS,
    ids=[f"{m[1]}@{i}" for i, m in enumerate(MENTIONS)],
)
def test_mention_is_the_canonical_actor(
    nlp: Language, gazetteer: Gazetteer, sentence: str, mention: str, main: str | None,
    name: str, kind: ActorKind, country: str | None, sponsor: str | None,
) -> None:
    actor = _resolve(nlp, gazetteer, sentence, mention, main)
    assert (actor.name, actor.kind, actor.country, actor.sponsor) == (name, kind, country, sponsor)
    assert actor.mention == mention


def test_at_least_fifty_mentions_are_checked() -> None:
    assert len(MENTIONS) >= 50


def test_victims_of_a_group_are_not_the_group(nlp: Language, gazetteer: Gazetteer) -> None:
    actor = _resolve(nlp, gazetteer, "Victims of Boko Haram marched to the state house.", "Victims of Boko Haram", "NGA")
    assert actor.name != "Boko Haram" and actor.kind is not K.REBEL


def test_anti_group_forces_are_not_the_group(nlp: Language, gazetteer: Gazetteer) -> None:
    actor = _resolve(
        nlp, gazetteer, "Anti-Houthi forces shelled the hills overnight.", "Anti-Houthi forces", "YEM"
    )
    assert actor.name != "Ansar Allah (Houthis)"


# (sentence, perpetrator phrase, main country, event mode, expected kind)
PERPETRATORS = [
    # issue 6: attackers of a rocket attack are an armed group, not rioters
    ("Several men alleged to have fired rockets at the consulate were arrested.",
     "Several men", "IRQ", "shelling/missile", K.UNIDENTIFIED),
    ("Several people attacked the embassy. Rockets hit the compound on Thursday.",
     "Several people", "IRQ", None, K.UNIDENTIFIED),
    ("Two men shot dead a shopkeeper.", "Two men", "MEX", "firearms", K.UNIDENTIFIED),
    ("A man stabbed a teacher outside the school.", "A man", "FRA", None, K.UNIDENTIFIED),
    ("Gunmen killed a village chief.", "Gunmen", "NGA", "firearms", K.UNIDENTIFIED),
    # unarmed violence by crowds is mob violence
    ("Villagers lynched two suspected cattle thieves.", "Villagers", "KEN", "mob violence", K.MOB),
    ("Residents beat a suspected thief to death.", "Residents", "KEN", None, K.MOB),
    ("Youths torched a police car.", "Youths", "KEN", "property destruction", K.MOB),
    ("Six people celebrating a wedding assaulted a police team.", "Six people", "IND", None, K.MOB),
    ("Migrant workers clashed with police at the station.", "Migrant workers", "IND", "armed clash", K.MOB),
]


@pytest.mark.parametrize(("sentence", "mention", "main", "mode", "kind"), PERPETRATORS)
def test_unknown_attackers_are_mob_or_armed_group_by_weapon(
    nlp: Language, gazetteer: Gazetteer, sentence: str, mention: str, main: str, mode: str | None,
    kind: ActorKind,
) -> None:
    actor = _resolve(nlp, gazetteer, sentence, mention, main, perpetrator=True, mode=mode)
    assert actor.kind is kind
    assert actor.country == main


def test_armed_group_gets_acled_name(nlp: Language, gazetteer: Gazetteer) -> None:
    actor = _resolve(
        nlp, gazetteer, "Several men alleged to have fired rockets at the consulate were arrested.",
        "Several men", "IRQ", perpetrator=True, mode="shelling/missile",
    )
    assert actor.name == "Unidentified Armed Group (Iraq)"


# --- the organisation table ---------------------------------------------------------


def test_shipped_table_is_about_a_hundred_organisations() -> None:
    assert 60 <= len(load_organisations()) <= 120


def test_longest_alias_wins() -> None:
    table = load_organisations()
    found = table.find("Islamic State West Africa Province fighters")
    assert found is not None and found.organisation.name == "Islamic State West Africa Province"
    found = table.find("the Pakistani Taliban")
    assert found is not None and found.organisation.name == "Tehrik-i-Taliban Pakistan"


def test_lookup_ignores_case_hyphens_and_apostrophes() -> None:
    table = load_organisations()
    for text in ("KATAIB HEZBOLLAH", "kata'ib hezbollah", "Kata’ib Hezbollah"):
        found = table.find(text)
        assert found is not None and found.organisation.name == "Kata'ib Hezbollah", text
    found = table.find("al shabaab")
    assert found is not None and found.organisation.name == "al-Shabaab"


def test_acronyms_do_not_match_lower_case_words() -> None:
    table = load_organisations()
    assert table.find("it is un-armed") is None
    assert table.find("let the people go") is None
    found = table.find("the U.N. envoy")
    assert found is not None and found.organisation.name == "United Nations"


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_user_file_adds_organisations(tmp_path: Path, nlp: Language, gazetteer: Gazetteer) -> None:
    user = _write(
        tmp_path / "orgs.toml",
        '[[organisation]]\nname = "Liwa al-Shuhada"\naliases = ["Martyrs Brigade of the Valley"]\n'
        'kind = "rebel/militia"\ncountry = "IRQ"\nsponsor = "IRN"\n',
    )
    table = load_organisations(user)
    found = table.find("fighters of the Martyrs Brigade of the Valley")
    assert found is not None and found.organisation.name == "Liwa al-Shuhada"
    assert table.find("Hamas") is not None  # the shipped ones stay
    assert len(table) == len(load_organisations()) + 1
    actor = resolve_actor(
        "test", _span(nlp, "Liwa al-Shuhada fighters fired rockets.", "Liwa al-Shuhada fighters"),
        gazetteer, "IRQ", organisations=table,
    )
    assert (actor.name, actor.kind, actor.country, actor.sponsor) == ("Liwa al-Shuhada", K.REBEL, "IRQ", "IRN")


def test_user_file_overrides_an_entry_of_the_same_name(tmp_path: Path) -> None:
    user = _write(
        tmp_path / "orgs.toml",
        '[[organisation]]\nname = "Taliban"\naliases = ["Islamic Emirate"]\nkind = "government"\ncountry = "AFG"\n',
    )
    table = load_organisations(user)
    found = table.find("Taliban officials")
    assert found is not None and found.organisation.kind is K.GOVERNMENT
    found = table.find("the Islamic Emirate")
    assert found is not None and found.organisation.name == "Taliban"
    assert len(table) == len(load_organisations())


def test_setting_names_the_user_file(tmp_path: Path) -> None:
    config = load_config(env={"EVENTSCOPE_ORGANISATIONS": "my-orgs.toml"}, cwd=tmp_path)
    assert config.organisations == "my-orgs.toml"
    assert load_config(env={}, cwd=tmp_path).organisations == ""


@pytest.mark.parametrize(
    ("content", "detail"),
    [
        ("[[organisation]\nname = ", "not TOML"),
        ('[[organisation]]\nname = "X Front"\nkind = "gang"\n', "kind 'gang'"),
        ('[[organisation]]\nname = "X Front"\nkind = "rebel/militia"\ncountry = "Iraq"\n', "country 'Iraq'"),
        ('[[organisation]]\nkind = "rebel/militia"\n', "needs a name"),
        ('[[organisation]]\nname = "X Front"\nkind = "rebel/militia"\naliases = "XF"\n', "aliases must be a list"),
        ('[[organisation]]\nname = "X Front"\nkind = "rebel/militia"\nleader = "Y"\n', "unknown keys"),
    ],
)
def test_bad_user_file_is_a_one_line_error_naming_it(tmp_path: Path, content: str, detail: str) -> None:
    user = _write(tmp_path / "bad-orgs.toml", content)
    with pytest.raises(es.ConfigError) as caught:
        load_organisations(user)
    message = str(caught.value)
    assert "ES204" in message and user in message and detail in message
    assert "\n" not in message


def test_missing_user_file_is_an_error_naming_it(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.toml")
    with pytest.raises(es.ConfigError, match="ES204") as caught:
        load_organisations(missing)
    assert missing in str(caught.value)


# --- coreference --------------------------------------------------------------------


def _refer(nlp: Language, gazetteer: Gazetteer, text: str, mention: str, occurrence: int = 0) -> Actor | None:
    doc = nlp(text)
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(mention, start + 1)
    phrase = doc.char_span(start, start + len(mention), alignment_mode="expand")
    assert phrase is not None
    kinds = referring_kinds(phrase)
    if kinds is None:
        return None
    table = load_organisations()
    candidates = [
        (s, resolve_actor("test", s, gazetteer, None, organisations=table))
        for s in candidate_spans(phrase, table)
    ]
    return antecedent(phrase, kinds, candidates)


def test_the_group_refers_to_the_named_group(nlp: Language, gazetteer: Gazetteer) -> None:
    text = (
        "The Islamic Resistance in Iraq claimed a drone attack on a base in Syria on Monday. "
        "The group said it would continue its operations."
    )
    found = _refer(nlp, gazetteer, text, "The group")
    assert found is not None and found.name == "Islamic Resistance in Iraq" and found.sponsor == "IRN"


def test_the_militants_refer_to_the_named_group(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "Al-Shabaab fighters stormed a hotel in Mogadishu. The militants held guests for hours."
    found = _refer(nlp, gazetteer, text, "The militants")
    assert found is not None and found.name == "al-Shabaab"


def test_it_refers_to_the_named_group(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "The Houthis have threatened more attacks. It fired two missiles at a tanker on Sunday."
    found = _refer(nlp, gazetteer, text, "It")
    assert found is not None and found.name == "Ansar Allah (Houthis)"


def test_two_groups_in_reach_are_not_guessed(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "Hamas and Palestinian Islamic Jihad fired rockets at the city. The group said more would follow."
    assert _refer(nlp, gazetteer, text, "The group") is None


def test_a_group_too_far_back_is_not_an_antecedent(nlp: Language, gazetteer: Gazetteer) -> None:
    text = (
        "Boko Haram attacked a village in Borno in March. Aid agencies later sent food. "
        "Schools reopened in May. Farmers returned to their fields. Traders came back to the market. "
        "The group struck again in June."
    )
    assert _refer(nlp, gazetteer, text, "The group") is None


def test_a_party_is_not_the_group(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "The BNP called a nationwide strike. The group attacked a bus in the capital."
    assert _refer(nlp, gazetteer, text, "The group") is None


def test_descriptions_that_say_more_do_not_refer_back(nlp: Language) -> None:
    doc = nlp("The Kurdish group and the groups of villagers met.")
    assert referring_kinds(doc[0:3]) is None  # "The Kurdish group"
    assert referring_kinds(doc[4:6]) is None  # "the groups"
    assert referring_kinds(nlp("It")[0:1]) == ORGANISATION_KINDS


def test_it_with_only_crowds_in_reach_refers_to_no_one(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "Police dispersed the crowd with tear gas. It fired rubber bullets too."
    assert _refer(nlp, gazetteer, text, "It") is None


# --- records, the sample, the store and the command ---------------------------------


def test_sponsor_survives_json_and_old_records_read() -> None:
    actor = Actor("Iran-backed militias", "Iran-backed militias", None, K.REBEL, sponsor="IRN")
    data = to_jsonable(actor)
    assert data["sponsor"] == "IRN"
    assert from_jsonable(Actor, data) == actor
    del data["sponsor"]  # a record stored before the field existed
    assert from_jsonable(Actor, data).sponsor is None


@pytest.fixture(scope="module")
def sample_events() -> list[es.Event]:
    if not SAMPLE.exists():
        pytest.skip(f"the shared sample is not beside the project at {SAMPLE}")
    body = SAMPLE.read_text(encoding="utf-8").split("-----", 1)[1].strip()
    return es.extract(body, published="2023-12-14", outlet="sample")


def test_sample_embassy_attackers_are_an_unidentified_armed_group(sample_events: list[es.Event]) -> None:
    attack = next(e for e in sample_events if e.type is EventType.ASSAULT and e.trigger.text == "attacked")
    assert attack.actor1 is not None
    assert (attack.actor1.name, attack.actor1.kind) == ("Unidentified Armed Group (Iraq)", K.UNIDENTIFIED)


def test_sample_islamic_resistance_is_an_iran_sponsored_militia(sample_events: list[es.Event]) -> None:
    actors = [a for e in sample_events for a in (e.actor1, e.actor2) if a is not None]
    iri = [a for a in actors if a.name == "Islamic Resistance in Iraq"]
    assert iri and all((a.kind, a.country, a.sponsor) == (K.REBEL, "IRQ", "IRN") for a in iri)
    blamed = [e.blamed_on for e in sample_events if e.blamed_on is not None]
    assert any(b.mention == "Iran-backed militias" and b.sponsor == "IRN" and b.kind is K.REBEL for b in blamed)


def test_sample_state_actors_and_no_news_agency(sample_events: list[es.Event]) -> None:
    actors = [a for e in sample_events for a in (e.actor1, e.actor2) if a is not None]
    assert any(a.name == "Government of United States" and a.kind is K.GOVERNMENT for a in actors)
    assert any("al-Sudani" in a.name and (a.kind, a.country) == (K.GOVERNMENT, "IRQ") for a in actors)
    assert not any(a.name == "AFP" for a in actors)


def test_it_claiming_an_attack_is_the_group_named_before() -> None:
    text = (
        "Saraya Awliya al-Dam is a little-known militia. On Monday the Islamic Resistance in Iraq "
        "warned of more attacks. The group said it had launched three drones at the airbase near Erbil."
    )
    events = es.extract(text, published="2024-01-10")
    drones = [e for e in events if e.type is EventType.ASSAULT and e.actor1 is not None and e.actor1.mention == "it"]
    assert drones and drones[0].actor1 is not None
    assert drones[0].actor1.name == "Islamic Resistance in Iraq"


def _store_events() -> tuple[es.Article, list[es.Event]]:
    article = make_article(
        (
            "Kataib Hezbollah fighters fired rockets at the base.",
            "Kata'ib Hezbollah militants shelled the airport.",
            "Iraqi police arrested Kata'ib Hezbollah members.",
        ),
        title="Rockets and arrests", outlet="Test Wire", url="https://example.org/kh", published=dt.date(2024, 2, 3),
    )
    kh = Actor("Kata'ib Hezbollah", "", "IRQ", K.REBEL, sponsor="IRN")
    police = Actor("Police Forces of Iraq", "Iraqi police", "IRQ", K.POLICE)
    events = []
    for index, (trigger, type_, first, second) in enumerate(
        [
            ("fired", EventType.ASSAULT, dataclasses.replace(kh, mention="Kataib Hezbollah fighters"), None),
            ("shelled", EventType.ASSAULT, dataclasses.replace(kh, mention="Kata'ib Hezbollah militants"), None),
            ("arrested", EventType.COERCE, police, dataclasses.replace(kh, mention="Kata'ib Hezbollah members")),
        ]
    ):
        events.append(
            es.Event(
                event_id=f"kh-{index}", type=type_, trigger=span(article, trigger, index),
                evidence=whole_sentence(article, index), actor1=first, actor2=second,
                date=None, sources=(es.Source(article.article_id, article.outlet, article.url, article.published),),
            )
        )
    return article, events


def test_store_lists_actor_aliases_sponsor_and_codes(store: Store) -> None:
    article, events = _store_events()
    store.save(article, events)
    actors = {a.name: a for a in store.actors(aliases=True)}
    kh = actors["Kata'ib Hezbollah"]
    assert (kh.events, kh.as_actor1, kh.as_actor2) == (3, 2, 1)
    assert kh.aliases == ("Kata'ib Hezbollah members", "Kata'ib Hezbollah militants", "Kataib Hezbollah fighters")
    assert (kh.sponsor, kh.inter, kh.code) == ("IRN", 2, "IRQREB")
    police = actors["Police Forces of Iraq"]
    assert (police.inter, police.code, police.sponsor, police.aliases) == (1, "IRQCOP", None, ("Iraqi police",))
    assert store.actors()[0].aliases == ()  # without aliases=True nothing is read from records


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "eventscope", *args], capture_output=True, text=True, timeout=300, check=False,
    )


@pytest.mark.slow
def test_actors_command_lists_canonical_actors(tmp_path: Path) -> None:
    article = tmp_path / "raid.txt"
    article.write_text(
        "Militia fighters attack base near Kirkuk\n-----\n"
        "Kataib Hezbollah fighters fired rockets at a military base near Kirkuk on Monday, officials said. "
        "On Tuesday, Iraqi police arrested four Kata'ib Hezbollah members in Kirkuk. "
        "The US blamed Iran-backed militias for the attack.\n",
        encoding="utf-8",
    )
    url = f"sqlite:///{tmp_path / 'events.db'}"
    ingested = _cli("ingest", str(article), "--db", url, "--published", "2024-03-06")
    assert ingested.returncode == 0, ingested.stderr
    listed = _cli("actors", "--db", url, "--json")
    assert listed.returncode == 0, listed.stderr
    rows = {row["name"]: row for row in map(json.loads, listed.stdout.splitlines())}
    kh = rows["Kata'ib Hezbollah"]
    assert (kh["kind"], kh["country"], kh["sponsor"], kh["inter"], kh["code"]) == (
        "rebel/militia", "IRQ", "IRN", 2, "IRQREB",
    )
    assert kh["as_actor1"] >= 1 and kh["as_actor2"] >= 1
    assert "Kataib Hezbollah fighters" in kh["aliases"]
    police = rows["Police Forces of Iraq"]
    assert (police["code"], police["inter"]) == ("IRQCOP", 1)
    table = _cli("actors", "--db", url, "--type", "COERCE")
    assert table.returncode == 0, table.stderr
    assert "Police Forces of Iraq" in table.stdout and "IRQCOP" in table.stdout
    assert "2 actors" in table.stdout  # the arrest's two sides only
    accusation = json.loads(_cli("events", "--db", url, "--type", "ACCUSE", "--format", "json").stdout.splitlines()[0])
    shown = _cli("show", accusation["event_id"], "--db", url)
    assert shown.returncode == 0, shown.stderr
    assert "Iran-backed militias [rebel/militia, backed by IRN]" in shown.stdout
