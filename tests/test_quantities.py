"""Reported numbers become honest ranges, attached to the right word and event.

Every sentence here was written for these tests; the expected counts were
checked by hand.
"""

import pytest

import eventscope as es
from eventscope.extract.quantities import find_counts, parse_number, parse_range
from eventscope.nlp.model import load_model


@pytest.fixture(scope="module")
def nlp():
    return load_model("auto")


def counts_in(nlp, text):
    """(kind, min, max) of every count in the text, in order."""
    doc = nlp(text)
    return [(c.kind, c.min, c.max) for sent in doc.sents for c in find_counts(sent)]


# ---------------------------------------------------------------------------
# Quantity phrases alone
# ---------------------------------------------------------------------------


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
        ("10 to 15", (10, 15)),
        ("two to four", (2, 4)),
        ("between four and 19", (4, 19)),
        ("200-300", (200, 300)),
        ("two or three", (2, 3)),
        ("at least 200-300", (200, None)),
        ("up to 10-15", (1, 15)),
    ],
)
def test_quantity_phrases_become_ranges(text, expected):
    assert parse_range(text) == expected


def test_dozens_killed_is_a_range_not_a_guess():
    low, high = parse_range("dozens")
    assert low < high


@pytest.mark.parametrize("text", ["many people", "the", "1e308", "15 to 10"])
def test_non_numbers_are_not_quantities(text):
    assert parse_range(text) is None


def test_number_words_combine():
    assert parse_number("twenty-five") == 25
    assert parse_number("three thousand") == 3000
    assert parse_number("two hundred and fifty") == 250


def test_two_numbers_in_a_row_are_not_a_sum():
    # "200-300" must not read as 500
    assert parse_number("200 300") is None


# ---------------------------------------------------------------------------
# Count phrases in context, through the real parse: (kind, min, max)
# ---------------------------------------------------------------------------

IN_CONTEXT = [
    # plain numbers, digits and words
    ("Gunmen killed 13 villagers in Dogon Kiri on Friday.", [("killed", 13, 13)]),
    ("Thirteen villagers were killed by gunmen on Friday.", [("killed", 13, 13)]),
    ("Police arrested 40 students outside the ministry.", [("arrested", 40, 40)]),
    ("The blast wounded 1,200 people, the health ministry said.", [("injured", 1200, 1200)]),
    ("A dozen soldiers died when their truck hit a mine.", [("killed", 12, 12)]),
    ("Twenty-five fishermen were detained by the coast guard.", [("arrested", 25, 25)]),
    ("Soldiers arrested two hundred suspects in the sweep.", [("arrested", 200, 200)]),
    # hedges
    ("At least 5 people were killed in the shelling of the market.", [("killed", 5, None)]),
    ("More than 100 protesters were arrested in the capital.", [("arrested", 101, None)]),
    ("Nearly 60 people were injured when the stage collapsed under gunfire.", [("injured", 54, 60)]),
    ("Up to 20 people were killed in the fighting, a medic said.", [("killed", 1, 20)]),
    ("Some 30 demonstrators were detained, organisers said.", [("arrested", 30, 30)]),
    ("Police detained around 900 people across the country.", [("arrested", 900, 900)]),
    ("Fewer than 10 people were hurt in the stampede after the explosion.", [("injured", 1, 9)]),
    # vague words
    ("Dozens of people were killed when gunmen raided the camp.", [("killed", 24, 99)]),
    ("Several protesters were injured by rubber bullets.", [("injured", 3, 9)]),
    ("Hundreds of opposition supporters were arrested after the vote.", [("arrested", 200, 999)]),
    ("Scores of civilians were killed in the siege.", [("killed", 40, 99)]),
    ("A few officers were wounded in the exchange of fire.", [("injured", 2, 5)]),
    ("Thousands were detained in the weeks after the coup.", [("arrested", 2000, 9999)]),
    # ranges
    ("Between 10 and 15 people were killed in the raid on the village.", [("killed", 10, 15)]),
    ("Two to four soldiers were wounded by the roadside bomb.", [("injured", 2, 4)]),
    ("The strike killed 10 to 15 fighters, a spokesman said.", [("killed", 10, 15)]),
    # one victim named without a number
    ("Militants killed a tea seller near the checkpoint.", [("killed", 1, 1)]),
    ("A woman was killed when a shell hit her house.", [("killed", 1, 1)]),
    ("A gunman fired on a shepherd in the hills, killing him.", [("killed", 1, 1)]),
    ("Police shot and killed a teenager during the raid.", [("killed", 1, 1)]),
    ("A journalist was arrested at the airport on Monday.", [("arrested", 1, 1)]),
    ("Troops kill herder near border post", [("killed", 1, 1)]),
    ("Bandits kill trader on highway", [("killed", 1, 1)]),
    ("A man was shot and killed outside the stadium.", [("killed", 1, 1)]),
    # headlines and notes without a noun
    ("Clashes erupted in the border town overnight. 7 killed.", [("killed", 7, 7)]),
    ("Seventeen killed in church attack", [("killed", 17, 17)]),
    ("Five arrested after the riot in the market.", [("arrested", 5, 5)]),
    ("1 killed after the crowd stoned a police post.", [("killed", 1, 1)]),
    ("Nine reported to have been killed in the raid.", [("killed", 9, 9)]),
    ("Bandits raided the village at dawn; five reported killed", [("killed", 5, 5)]),
    ("15 people killed and 30 injured in the attack on the convoy.", [("killed", 15, 15), ("injured", 30, 30)]),
    # roles: several counts in one sentence
    (
        "The ambush killed two soldiers and injured five civilians.",
        [("killed", 2, 2), ("injured", 5, 5)],
    ),
    (
        "Three people were killed and 12 wounded when the bus was bombed.",
        [("killed", 3, 3), ("injured", 12, 12)],
    ),
    (
        "Police arrested 8 men and the fighting left 2 people dead.",
        [("arrested", 8, 8), ("killed", 2, 2)],
    ),
    # victims of one word add up
    ("The drone strike killed two soldiers and three civilians.", [("killed", 5, 5)]),
    ("1 soldier and 1 villager killed in the ambush.", [("killed", 2, 2)]),
    ("Gunmen killed a policeman and two guards at the bank.", [("killed", 3, 3)]),
    ("Security forces detained 4 activists and a lawyer.", [("arrested", 5, 5)]),
    # parts of a toll already given are not counted again
    ("Six people, including two children, were killed in the strike.", [("killed", 6, 6)]),
    # a part of a group is read (the event drops it when it has the whole, see below)
    ("Five villagers died. One of them was killed by a stray bullet.", [("killed", 5, 5), ("killed", 1, 1)]),
    ("The gang stormed the family's house, killing five of them.", [("killed", 5, 5)]),
    # increments, companions and vague nouns
    ("Three more villagers died in new raids on Sunday.", [("killed", 3, 3)]),
    ("The judge was shot dead along with his two drivers.", [("killed", 3, 3)]),
    ("The blast killed and wounded a number of recruits.", [("killed", 2, None), ("injured", 2, None)]),
    ("An unknown number of militiamen died in the shelling.", [("killed", 2, None)]),
    ("A handful of activists were detained at the rally.", [("arrested", 2, 5)]),
    ("Three herders shot dead by raiders near the well", [("killed", 3, 3)]),
    ("Six are feared dead after the ferry was shelled.", [("killed", 6, 6)]),
    ("Thieves cornered the watchman, killing and robbing him.", [("killed", 1, 1)]),
    # totals and increments
    ("The death toll from the bombing rose to 12 on Tuesday.", [("killed", 12, 12)]),
    ("The toll rose to 12 after two of the wounded died.", [("killed", 12, 12)]),
    ("Two more guards hurt in embassy attack, toll now four", [("injured", 4, 4)]),
    ("The injury toll stood at 30 by nightfall.", [("injured", 30, 30)]),
    ("Gunmen killed two more villagers, bringing the death toll to 40.", [("killed", 2, 2)]),
    ("Fighting ended in the killing of 3 fighters and the wounding of 5 others.", [("killed", 3, 3)]),
    ("Teenager shot dead at checkpoint", [("killed", 1, 1)]),
    # deaths that did not happen or were told before
    ("The minister escaped death when a mine hit his convoy.", []),
    ("Relatives marked the anniversary of his death with a march.", []),
    # deaths written other ways
    ("A mob lynched a suspected pickpocket at the bus stop.", [("killed", 1, 1)]),
    ("Vigilantes lynched three men accused of cattle theft.", [("killed", 3, 3)]),
    ("Soldiers gunned down two smugglers at the crossing.", [("killed", 2, 2)]),
    ("Two of the wounded later succumbed in hospital.", [("killed", 2, 2)]),
    ("Gunmen murdered a village chief on Sunday.", [("killed", 1, 1)]),
    ("Militants beheaded four hostages in the desert.", [("killed", 4, 4)]),
    ("Farmers found five bodies in a ditch near the river.", [("killed", 5, 5)]),
    ("The bodies of three women were recovered from the lake.", [("killed", 3, 3)]),
    ("A body was found dumped by the roadside.", [("killed", 1, 1)]),
    ("Two fishermen were found dead on the beach.", [("killed", 2, 2)]),
    ("Eight people died in the attack on the camp.", [("killed", 8, 8)]),
    ("The attack left 14 people dead.", [("killed", 14, 14)]),
    ("The fighting caused 22 deaths in two days.", [("killed", 22, 22)]),
    ("A student was beaten to death by the guards.", [("killed", 1, 1)]),
    # numbers that are not casualties
    ("The United States keeps 2,500 troops in the country.", []),
    ("Militants have attacked the base 84 times since October.", []),
    ("A 25-year-old was arrested in connection with the bombing.", [("arrested", 1, 1)]),
    ("Around 3 June, soldiers killed 17 fighters in the hills.", [("killed", 17, 17)]),
    ("The council elected a governing body in 2019.", []),
    ("The rebels killed time waiting for the convoy.", []),
    ("Rustlers killed livestock and burned houses.", []),
    # subjects the parser hangs elsewhere
    ("In Soacha, Cundinamarca, a community leader was killed by unknown gunmen.", [("killed", 1, 1)]),
    ("Bandits raided Gidan Kare on Friday, resulting in 4 farmers killed and 2 wounded.",
     [("killed", 4, 4), ("injured", 2, 2)]),
    ("All 4 were arrested on Friday.", [("arrested", 4, 4)]),
    # people abducted
    ("Gunmen abducted 15 pupils from a boarding school near Gusau.", [("abducted", 15, 15)]),
    ("Armed men kidnapped a priest on the road to Enugu.", [("abducted", 1, 1)]),
    ("At least 40 villagers were kidnapped overnight.", [("abducted", 40, None)]),
    ("The rebels took six aid workers hostage near Kidal.", [("abducted", 6, 6)]),
    ("Fighters took dozens of hostages at the depot.", [("abducted", 24, 99)]),
    ("Militants shot dead two hostages they had held since May.", [("killed", 2, 2)]),
    ("The abduction of 11 miners was reported on Friday.", [("abducted", 11, 11)]),
    # people forced from their homes
    ("The violence displaced 3,000 people in Ituri.", [("displaced", 3000, 3000)]),
    ("Nearly 500 families were displaced by the clashes.", [("displaced", 450, 500)]),
    ("The raid forced 120 households to flee to the district centre.", [("displaced", 120, 120)]),
    ("More than 2,000 residents fled their homes after the shelling.", [("displaced", 2001, None)]),
    ("The arson attack left 60 families homeless.", [("displaced", 60, 60)]),
    ("The gunmen fled into the forest after the attack.", []),
    ("Two suspects fled the scene on a motorbike.", []),
]


@pytest.mark.parametrize(("text", "expected"), IN_CONTEXT, ids=[t[:40] for t, _ in IN_CONTEXT])
def test_counts_in_context(nlp, text, expected):
    assert counts_in(nlp, text) == expected


def test_at_least_sixty_count_phrases_are_checked():
    assert len([t for t, e in IN_CONTEXT if e]) >= 60
    kinds = {kind for _, expected in IN_CONTEXT for kind, _, _ in expected}
    assert kinds == set(es.COUNT_FIELDS)


# ---------------------------------------------------------------------------
# Counts attached to the right event
# ---------------------------------------------------------------------------


def _killed(event):
    return [(q.min, q.max) for q in event.killed]


def test_toll_of_a_clash_goes_to_the_clash():
    events = es.extract(
        "Three herders were killed in a clash between rival militias near Baragoi on Sunday.",
        published="2024-05-06",
    )
    # one event, typed as the clash, with the three dead (told once, not twice)
    tolls = [(e.acled_event_type, _killed(e)) for e in events if e.killed]
    assert tolls == [("Battles", [(3, 3)])]


def test_death_that_caused_a_protest_is_not_its_toll():
    events = es.extract(
        "Students staged a protest in Khulna on Monday over the death of a classmate in a bus crash.",
        published="2024-05-06",
    )
    (protest,) = [e for e in events if e.type is es.EventType.PROTEST]
    assert protest.killed == ()


def test_alleged_earlier_killing_is_not_the_toll_of_the_attack():
    events = es.extract(
        "Soldiers attacked a trader in Bamenda on Friday, accusing him of killing a police officer.",
        published="2024-05-06",
    )
    (attack,) = [e for e in events if e.trigger.text == "attacked"]
    assert attack.killed == ()


def test_count_in_a_sentence_without_event_goes_to_the_event_before():
    events = es.extract(
        "Police clashed with rioters in Kisumu on Tuesday. 4 killed.",
        published="2024-05-06",
    )
    (clash,) = [e for e in events if e.trigger.text == "clashed"]
    assert _killed(clash) == [(4, 4)]


def test_killed_and_injured_go_to_the_roles_of_one_attack():
    events = es.extract(
        "Gunmen attacked a bus in Mandera on Monday, killing two soldiers and injuring five civilians.",
        published="2024-05-06",
    )
    (attack,) = [e for e in events if e.trigger.text == "attacked"]
    assert _killed(attack) == [(2, 2)]
    assert [(q.min, q.max) for q in attack.injured] == [(5, 5)]


def test_sentence_stating_the_toll_gives_the_total():
    events = es.extract(
        "Gunmen raided a ranch near Tepic on Sunday and shot a farmhand. "
        "A neighbour was shot on the road outside. 2 fatalities.",
        published="2024-05-06",
    )
    assert [_killed(e) for e in events if e.killed] == [[(2, 2)]]


def test_protesting_a_death_is_not_a_toll():
    events = es.extract(
        "Market traders marched to the district office in Kitale on Friday, "
        "protesting the death of a vendor in police custody.",
        published="2024-05-06",
    )
    assert [e.killed for e in events if e.type is es.EventType.PROTEST] == [()]


def test_a_claim_protesters_make_is_not_their_toll():
    events = es.extract(
        "Nurses staged a protest in Sylhet on Monday, claiming that a patient died of neglect.",
        published="2024-05-06",
    )
    (protest,) = [e for e in events if e.type is es.EventType.PROTEST]
    assert protest.killed == ()


def test_a_later_toll_updates_the_event_told_before():
    events = es.extract(
        "Gunmen attacked a market in Gao on Friday, killing 5 people. "
        "The death toll rose to 9 on Saturday.",
        published="2024-05-06",
    )
    (attack,) = [e for e in events if e.trigger.text == "attacked"]
    assert _killed(attack) == [(9, 9)]


def test_a_stray_number_the_parser_makes_an_object_is_not_added_to_the_victims():
    # Found by the dashboard's XSS test: markup after the arrests became a second object.
    events = es.extract(
        'Police arrested 15 protesters in Nakuru on Monday after they held signs reading '
        '<img src=x onerror="a = 3">, a spokesman said.',
        published="2024-05-06",
    )
    (arrests,) = [e for e in events if e.type is es.EventType.COERCE]
    assert [(q.min, q.max) for q in arrests.arrested] == [(15, 15)]


def _range(quantities):
    return [(q.min, q.max) for q in quantities]


def test_abducted_and_killed_go_to_one_raid():
    events = es.extract(
        "Bandits raided a village near Gusau on Sunday, abducting 45 people and killing three.",
        published="2024-05-06",
    )
    (raid,) = events
    assert (_range(raid.abducted), _range(raid.killed)) == ([(45, 45)], [(3, 3)])
    assert raid.abducted[0].evidence is not None and raid.abducted[0].evidence.text == "45"
    row = es.event_row(raid)  # the flat row of CSV, Parquet and the store's columns
    assert (row["abducted_min"], row["abducted_max"], row["killed_min"], row["displaced_min"]) == (45, 45, 3, None)


def test_people_who_fled_are_displaced_by_the_event_told_before():
    events = es.extract(
        "Militiamen burned homes in Djugu on Monday. More than 900 families fled to Bunia.",
        published="2024-05-06",
    )
    (burning,) = events
    assert _range(burning.displaced) == [(901, None)]
    assert burning.displaced[0].evidence.sentence_index == 1


def test_outcome_sentence_after_the_attack_is_the_attack_not_a_second_event():
    events = es.extract(
        "Gunmen attacked a checkpoint in Bunia on Tuesday. They killed four soldiers and wounded two others.",
        published="2024-05-06",
    )
    (attack,) = events
    assert attack.trigger.text == "attacked" and attack.location.name.startswith("Bunia")
    assert (_range(attack.killed), _range(attack.injured)) == ([(4, 4)], [(2, 2)])
    assert [m.trigger.text for m in attack.merged] == ["killed"]


def test_a_separate_attack_in_the_next_sentence_stays_apart():
    events = es.extract(
        "Soldiers shot dead two smugglers near Maiduguri on Monday. "
        "Separately, gunmen killed a farmer in Konduga.",
        published="2024-05-06",
    )
    assert [_range(e.killed) for e in events] == [[(2, 2)], [(1, 1)]]


def test_hostages_taken_are_abducted_and_the_event_is_an_abduction():
    (taking,) = es.extract(
        "Gunmen took 20 worshippers hostage at a church in Owo on Sunday.", published="2024-05-06"
    )
    assert (taking.mode, taking.acled_sub_event_type) == ("abduction", "Abduction/forced disappearance")
    assert _range(taking.abducted) == [(20, 20)]


def test_victims_told_as_also_killed_add_to_the_toll():
    (attack,) = es.extract(
        "On 3 June 2023, 3 soldiers were killed and 2 were wounded when insurgents attacked an outpost "
        "near Dikwa. The army said 11 insurgents were also killed and 4 were wounded.",
        published="2023-06-05",
    )
    assert (_range(attack.killed), _range(attack.injured)) == ([(14, 14)], [(6, 6)])
    assert attack.killed[0].mention == "3 + 11" and attack.killed[0].evidence.sentence_index == 1


def test_a_later_death_adds_to_the_toll():
    (attack,) = es.extract(
        "Gunmen killed three villagers in Kauru on Monday. Two soldiers who responded also died.",
        published="2024-05-06",
    )
    assert _range(attack.killed) == [(5, 5)]


def test_another_attack_that_also_killed_is_its_own_event():
    events = es.extract(
        "Gunmen killed two farmers near Kauru on Monday. Separately, bandits also killed a herder in Zaria.",
        published="2024-05-06",
    )
    assert [_range(e.killed) for e in events] == [[(2, 2)], [(1, 1)]]
