"""The word lists the extractors read: event triggers, weapons, roles and hedges.

A trigger is a lemma with a part of speech that reports an event of one PLOVER
type. Some triggers only count with the right company (``needs``): "hit" is an
attack when a weapon or a facility is involved, "fire" when what is fired is a
weapon, "sign" when what is signed is an agreement.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventscope.records import EventType

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


@dataclass(frozen=True)
class Sense:
    type: EventType
    mode: str | None = None
    # A trigger that only counts when a word of this set is among its arguments.
    needs: frozenset[str] | None = None


A, C, P = EventType.ASSAULT, EventType.COERCE, EventType.PROTEST

# The model's lemmatizer gets a few news verbs wrong ("staged" -> "stag").
LEMMA_FIXES = {"stag": "stage", "stoned": "stone", "torche": "torch", "vandalise": "vandalize", "demos": "demo",
               "rap": "rape"}


def lemma(token: object) -> str:
    """The lower-case lemma of a spaCy token, with the model's known mistakes fixed."""
    value = str(getattr(token, "lemma_", "")).lower()
    return LEMMA_FIXES.get(value, value)


# The tags of a finite verb or modal: a sentence with none is a headline or a note's fragment.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def has_finite_verb(sent: Span, *, besides: Token | None = None) -> bool:
    """True when a spaCy span has a finite verb. With ``besides`` (a token), only a verb of its
    main clause counts: "Mob attacks and undresses woman whose outfit they deemed ..." has no
    verb but the one the parser took for the noun ``besides`` (and its coordinate)."""
    for t in sent:
        if t.tag_ not in FINITE_TAGS:
            continue
        if besides is not None and (t.dep_ == "conj" and t.head == besides or t.dep_ == "relcl"):
            continue
        return True
    return False


# Nouns that name a kind of place: "Sylhet city", "the town of Mopti".
PLACE_NOUNS = frozenset(
    [
        "town",
        "city",
        "village",
        "area",
        "district",
        "province",
        "region",
        "county",
        "municipality",
        "state",
        "governorate",
        "camp",
        "neighbourhood",
        "neighborhood",
        "suburb",
        "sub-county",
        "subcounty",
        "division",
        "upazila",
        "union",
        "ward",
        "locality",
        "settlement",
        "market",
        "border",
        "outskirts",
        "township",
    ]
)
ROADS = frozenset(
    [
        "road", "highway", "street", "motorway", "junction", "roundabout", "bridge", "railway",
        "avenue", "intersection", "crossing", "thoroughfare", "traffic", "route", "rail", "track",
    ]
)
PROPERTY = frozenset(
    [
        "house",
        "home",
        "bus",
        "car",
        "vehicle",
        "truck",
        "office",
        "shop",
        "store",
        "building",
        "school",
        "church",
        "mosque",
        "temple",
        "station",
        "property",
        "mast",
        "tower",
        "houses",
        "vehicles",
        "bank",
        "atm",
        "billboard",
        "kiosk",
        "stall",
        "hotel",
        "bar",
        "hospital",
        "clinic",
        "motorbike",
        "motorcycle",
        "lorry",
        "matatu",
        "tractor",
        "granary",
        "hut",
        "structure",
        "statue",
        "monument",
    ]
)
# What an army or a group takes and holds: "seized the town", "regained control of".
TERRITORY = PLACE_NOUNS | frozenset(
    {"control", "territory", "base", "camp", "outpost", "post", "airport", "position", "positions", "hill"}
)
# What protesters burn in the road: a riot's sign, not an attack on property.
TYRES = frozenset({"tyre", "tire", "tires", "tyres"})
WEAPON_MODES: dict[str, str] = {
    "rocket": "shelling/missile",
    "missile": "shelling/missile",
    "mortar": "shelling/missile",
    "shell": "shelling/missile",
    "artillery": "shelling/missile",
    "howitzer": "shelling/missile",
    "cannon": "shelling/missile",
    "tank": "shelling/missile",
    "ifv": "shelling/missile",
    "ifvs": "shelling/missile",
    "launcher": "shelling/missile",
    "rpg": "shelling/missile",  # rocket-propelled grenade: ACLED codes it as shelling
    "projectile": "shelling/missile",
    "salvo": "shelling/missile",
    "salvos": "shelling/missile",
    "barrage": "shelling/missile",
    "drone": "air/drone strike",
    "airstrike": "air/drone strike",
    "warplane": "air/drone strike",
    "jet": "air/drone strike",
    "aircraft": "air/drone strike",
    "helicopter": "air/drone strike",
    "bomb": "explosives",
    "explosive": "explosives",  # "the explosives they were carrying went off"
    "ied": "remote explosive/IED",
    "landmine": "remote explosive/IED",
    "mine": "remote explosive/IED",
    "device": "remote explosive/IED",  # "an explosive device"
    "grenade": "grenade",
    "gun": "firearms",
    "gunfire": "firearms",
    "bullet": "firearms",
    "rifle": "firearms",
    "shot": "firearms",
}
WEAPONS = frozenset(WEAPON_MODES)
# What crowds throw: a riot's weapons, not an armed group's.
THROWN = frozenset({"stone", "brick", "rock", "bottle", "molotov", "petrol", "brickbat", "missile"})
# Bombs made by hand and thrown, as crowds and party cadres use them: ACLED codes their use
# as mob violence, not as an explosive attack ("exploded crude bombs", "hurled cocktails").
HANDMADE_BOMBS = frozenset({"crude", "cocktail", "molotov", "petrol", "handmade", "hand-made", "homemade"})
# The other side of a fight that is violence, not "fighting corruption" or "for rights".
ARMED_SIDES = frozenset(
    {"militant", "fighter", "rebel", "militia", "militiaman", "gunman", "insurgent", "separatist",
     "bandit", "jihadist", "soldier", "troops", "troop", "force", "army"}
)
FIGHT_SIDES = ARMED_SIDES | frozenset(
    {"another", "other", "police", "supporter", "rival", "villager", "youth", "tribesman", "clan",
     "faction", "warrior", "herder", "community"}
)

# Things attacked that are not actors: an attack on them is still an attack.
FACILITIES = frozenset(
    [
        "base",
        "airbase",
        "compound",
        "embassy",
        "consulate",
        "facility",
        "outpost",
        "checkpoint",
        "convoy",
        "camp",
        "barracks",
        "station",
        "headquarters",
        "office",
        "building",
        "hospital",
        "school",
        "market",
        "mosque",
        "church",
        "village",
        "town",
        "city",
        "house",
        "home",
        "vehicle",
        "bus",
        "truck",
        "car",
        "position",
        "positions",
        "post",
        "ship",
        "vessel",
        "tanker",
        "airport",
        "port",
        "bridge",
    ]
)
AGREEMENTS = frozenset(["agreement", "deal", "ceasefire", "truce", "accord", "pact", "treaty"])
CONDEMNING = frozenset(
    [
        "unacceptable",
        "unjustifiable",
        "outrageous",
        "cowardly",
        "heinous",
        "criminal",
        "barbaric",
        "terrorist",
        "despicable",
        "illegitimate",
        "illegal",
        "unlawful",
        "provocation",
        "provocative",
    ]
)
PROTEST_WORDS = frozenset(
    ["protest", "protester", "protestor", "demonstration", "demonstrator", "rally", "crowd", "march", "marcher"]
)

# Gatherings police break up: "dispersed angry voters", "scattered a crowd of protesters".
GATHERED = PROTEST_WORDS | frozenset(
    {"gathering", "voter", "supporter", "meeting", "assembly", "procession", "member", "rioter", "student", "teacher",
     "worker", "hawker"}
)  # what police disperse is a gathering; not villagers or traders, whose clashes police also break up

# Whom shots are fired at when no weapon is named: "fired at civilians", "fired on a car"
FIRED_AT_PEOPLE = frozenset(
    {"civilian", "villager", "resident", "man", "woman", "child", "motorist", "driver", "herder", "farmer",
     "passenger", "fisherman", "car", "vehicle", "bus", "motorcycle", "boat", "house", "home"}
)
VERB_TRIGGERS: dict[str, Sense | tuple[Sense, ...]] = {
    "attack": Sense(A),
    "assault": Sense(A),
    "shell": Sense(A, "shelling/missile"),
    "bombard": Sense(A, "shelling/missile"),
    "bomb": Sense(A, "explosives"),
    "strike": Sense(A, needs=WEAPONS | FACILITIES),
    "hit": Sense(A, needs=WEAPONS | FACILITIES),
    "fire": (
        Sense(A, needs=WEAPONS),
        Sense(A, "armed clash", needs=frozenset({"position"})),
        # "security services fired at civilians": shots at people (not at a crowd of protesters)
        Sense(A, "firearms", needs=FIRED_AT_PEOPLE),
    ),
    "exchange": Sense(
        A, "armed clash", needs=frozenset({"fire", "gunfire", "shot", "artillery", "mortar", "bullet"})
    ),
    "open": Sense(A, "firearms", needs=frozenset({"fire"})),  # "opened fire on a vehicle"
    "leave": Sense(A, needs=frozenset({"dead"})),  # "the raid left three militants dead"
    "battle": Sense(A, "armed clash", needs=FIGHT_SIDES),
    "engage": Sense(A, "armed clash", needs=ARMED_SIDES),  # "troops engaged the rebels"
    "launch": Sense(A, needs=WEAPONS),
    "shoot": Sense(A, "firearms"),
    "gun": Sense(A, "firearms"),
    "explode": Sense(A, "explosives"),
    "detonate": Sense(A, "explosives"),
    "go": Sense(A, "explosives", needs=WEAPONS),
    "hurl": (Sense(A, needs=WEAPONS), Sense(A, "mob violence", needs=THROWN)),
    "throw": (Sense(A, needs=WEAPONS), Sense(A, "mob violence", needs=THROWN)),
    "fight": Sense(A, "armed clash", needs=FIGHT_SIDES),  # "fought one another", "fought police"
    "whip": Sense(A),
    "flog": Sense(A),
    "injure": Sense(A),
    "wound": Sense(A),
    "lob": Sense(A, needs=WEAPONS),
    "plant": Sense(A, "remote explosive/IED", needs=WEAPONS),
    # "their vehicle ran over a landmine"
    "run": Sense(A, "remote explosive/IED", needs=frozenset({"landmine", "mine", "ied", "device", "bomb", "explosive"})),
    "spray": Sense(A, "firearms", needs=frozenset({"bullet", "gunfire"})),  # "sprayed the bus with bullets"
    "hack": Sense(A),
    "spear": Sense(A),
    "beat": Sense(A),
    "lynch": Sense(A, "mob violence"),
    "decapitate": Sense(A),
    "find": Sense(A, needs=frozenset({"body", "bodies", "dead", "corpse"})),
    "discover": Sense(A, needs=frozenset({"body", "bodies", "dead", "corpse"})),
    "kill": Sense(A),
    "ambush": Sense(A, "armed clash"),
    "clash": Sense(A, "armed clash"),
    "massacre": Sense(A),
    "assassinate": Sense(A),
    "murder": Sense(A),
    "torture": Sense(A),
    "rough": Sense(A, needs=frozenset({"up"})),  # "roughed up a journalist"
    "behead": Sense(A),
    "stab": Sense(A),
    "rape": Sense(A, "sexual violence"),
    "molest": Sense(A, "sexual violence"),
    "abduct": Sense(A, "abduction"),
    "kidnap": Sense(A, "abduction"),
    # "stormed the police station"; "stormed the streets" is a march
    "storm": (Sense(P, needs=frozenset({"street"})), Sense(A, needs=FACILITIES)),
    "raid": Sense(A),
    "target": Sense(A, needs=FACILITIES),
    "arrest": Sense(C, "arrest"),
    "detain": Sense(C, "arrest"),
    "apprehend": Sense(C, "arrest"),
    "seize": (Sense(A, "territory", needs=TERRITORY), Sense(C, "seize")),
    # territory changing hands in fighting; crosswalk tells who took it
    "retake": Sense(A, "territory"),
    "recapture": Sense(A, "territory"),
    "regain": Sense(A, "territory", needs=TERRITORY),
    "reclaim": Sense(A, "territory", needs=TERRITORY),
    "liberate": Sense(A, "territory", needs=TERRITORY),
    "capture": Sense(A, "territory", needs=TERRITORY),
    "overrun": Sense(A, "territory"),
    "blow": Sense(A, "explosives", needs=frozenset({"up"})),  # "blew himself up"
    "deport": Sense(C, "deport"),
    # weapons taken out of use before they are used: ACLED's disrupted weapons use
    "defuse": Sense(C, "disrupt"),
    "dismantle": Sense(C, "disrupt", needs=frozenset({"ied", "bomb", "explosive", "device", "mine", "landmine"})),
    "intercept": Sense(C, "disrupt", needs=frozenset({"missile", "rocket", "drone", "projectile"})),
    "protest": Sense(P),
    "demonstrate": Sense(P),
    "rally": Sense(P),
    "march": Sense(P),
    "boycott": Sense(P),  # "MPs boycotted parliament in protest"
    "gather": Sense(P, needs=PROTEST_WORDS),  # "protesters gathered outside parliament"
    "take": (
        Sense(P, needs=frozenset({"street"})),  # "took to the streets"
        Sense(A, "territory", needs=frozenset({"control"})),  # "took control of the town"
        Sense(A, "abduction", needs=frozenset({"hostage", "captive"})),  # "took 14 workers hostage"
    ),
    "riot": Sense(P, "riot"),
    "rampage": Sense(P, "riot"),
    "disperse": Sense(P, "intervention", needs=GATHERED),
    "scatter": Sense(P, "intervention", needs=GATHERED),
    # "police obstructed the rally" breaks a protest up; "obstructed the highway" is a blockade
    "obstruct": (
        Sense(P, "intervention", needs=PROTEST_WORDS | frozenset({"chain", "procession", "sit"})),
        Sense(P, "obstruct", needs=ROADS),
    ),
    "block": Sense(P, "obstruct", needs=ROADS),
    "barricade": Sense(P, "obstruct", needs=ROADS),
    "pelt": Sense(A, "mob violence"),
    # "stoned motorists", "stoned two suspected thieves to death"
    "stone": Sense(
        A, "mob violence",
        needs=frozenset({"motorist", "vehicle", "police", "officer", "policeman", "car", "bus", "train", "house", "death"}),
    ),
    "vandalize": Sense(A, "property destruction"),
    "torch": Sense(A, "property destruction"),
    "loot": Sense(A, "property destruction"),
    "destroy": Sense(A, "property destruction", needs=PROPERTY | frozenset({"ballot", "box"})),
    "damage": Sense(A, "property destruction", needs=PROPERTY),
    "burn": (
        Sense(A, needs=frozenset({"death", "alive"})),  # "burnt to death by a mob"
        Sense(P, "riot", needs=TYRES),
        Sense(A, "property destruction", needs=PROPERTY),
    ),
    "set": Sense(A, "property destruction", needs=frozenset({"fire", "ablaze", "alight"})),
    "accuse": Sense(EventType.ACCUSE, "allege"),
    # "X links the attackers to the security services" (not "were linked to", which refers back)
    "link": Sense(EventType.ACCUSE, "allege", needs=frozenset({"to"})),
    "blame": Sense(EventType.ACCUSE, "allege"),
    "condemn": Sense(EventType.REJECT, "condemn"),
    "denounce": Sense(EventType.REJECT, "condemn"),
    "reject": Sense(EventType.REJECT),
    # "called on Baghdad to ..." asks; "called the attacks unacceptable" condemns
    "call": (
        Sense(EventType.REQUEST, needs=frozenset({"on", "for"})),
        Sense(EventType.REJECT, "condemn", needs=CONDEMNING),
    ),
    "threaten": Sense(EventType.THREATEN),
    "urge": Sense(EventType.REQUEST),
    "demand": Sense(EventType.REQUEST),
    "sanction": Sense(EventType.SANCTION),
    "sign": Sense(EventType.AGREE, needs=AGREEMENTS),
    "agree": Sense(EventType.AGREE, needs=AGREEMENTS),
    "release": Sense(EventType.RETREAT, "release"),
    "withdraw": Sense(EventType.RETREAT, "withdraw"),
    "deploy": Sense(EventType.MOBILIZE),
    "recruit": Sense(EventType.MOBILIZE),  # "the group is recruiting youths to fight"
}

# Nouns report an event only when something in the sentence makes them one:
# they kill or hit ("a drone strike killed two"), or they are carried out or
# claimed ("claimed separate attacks on a base"). See extract/triggers.py.
NOUN_TRIGGERS: dict[str, Sense] = {
    "attack": Sense(A),
    "assault": Sense(A),
    "strike": Sense(A),
    "airstrike": Sense(A, "air/drone strike"),
    "rape": Sense(A, "sexual violence"),
    "bombing": Sense(A, "explosives"),
    "shelling": Sense(A, "shelling/missile"),
    "explosion": Sense(A, "explosives"),
    "blast": Sense(A, "explosives"),
    "ambush": Sense(A, "armed clash"),
    "clash": Sense(A, "armed clash"),
    "fighting": Sense(A, "armed clash"),
    "firefight": Sense(A, "armed clash"),
    # fights that are no battle; the crosswalk makes one between crowds mob violence
    "confrontation": Sense(A, "armed clash"),
    "skirmish": Sense(A, "armed clash"),
    "scuffle": Sense(A, "armed clash"),
    "brawl": Sense(A, "armed clash"),
    "fracas": Sense(A, "armed clash"),
    "gunbattle": Sense(A, "armed clash"),
    "gunfight": Sense(A, "armed clash"),
    "shootout": Sense(A, "armed clash"),
    # what ceasefire monitors count: "observed a total of 12 explosions" (see MONITORING)
    "projectile": Sense(A, "shelling/missile"),
    "gunfire": Sense(A, "firearms"),
    # "heavy artillery fire was reported in X"; not a house fire
    "fire": Sense(A, needs=frozenset({"artillery", "mortar", "rocket", "tank", "sniper", "machine", "heavy", "gun"})),
    "boycott": Sense(P),
    "shot": Sense(A, "firearms"),  # only as monitors count them (MONITORED)
    "burst": Sense(A, "firearms"),
    "fight": Sense(A, "armed clash", needs=frozenset({"gun", "fire"})),  # "gun fights", "a fire fight"
    "shooting": Sense(A, "firearms"),
    "raid": Sense(A),
    "abduction": Sense(A, "abduction"),
    "kidnapping": Sense(A, "abduction"),
    "protest": Sense(P),
    "demonstration": Sense(P),
    "rally": Sense(P),
    "march": Sense(P),
    "demo": Sense(P),
    "picket": Sense(P),
    "vigil": Sense(P),
    "procession": Sense(P),  # "staged a procession"; "during a victory procession" has no carrier
    "riot": Sense(P, "riot"),
    "rioting": Sense(P, "riot"),
    "rampage": Sense(P, "riot"),  # "went on the rampage"
    # "running battles", "a gun battle", "a battle between A and B"; not a legal or political battle
    "battle": Sense(A, "armed clash", needs=frozenset({"running", "run", "gun", "pitched", "fierce", "heavy"})),
    "chain": Sense(P, needs=frozenset({"human"})),
    "curfew": Sense(C, "curfew"),  # "imposed a dusk-to-dawn curfew"
    "patrol": Sense(EventType.MOBILIZE, needs=frozenset({"joint"})),  # "conducted a joint patrol"
    "ceasefire": Sense(EventType.AGREE, "ceasefire"),
    "truce": Sense(EventType.AGREE, "ceasefire"),
    "sanction": Sense(EventType.SANCTION),
    "embargo": Sense(EventType.SANCTION),
    "link": Sense(EventType.ACCUSE, "allege"),  # "have links to the security services"
    "tie": Sense(EventType.ACCUSE, "allege"),
    "freeze": Sense(EventType.SANCTION),
}

# Strikes that are a walk-out, not an attack: "a general strike", "went on strike".
WALKOUT_WORDS = frozenset({"hunger", "general", "labour", "labor", "worker", "teacher", "doctor", "nurse"})
WALKOUT = Sense(P, "strike")

# What police fire at crowds: a sign of intervention in a protest, not a weapon attack.
# Adverbs that make a present-tense verb a habit: "often kidnap", "regularly attacks".
HABITUAL = frozenset({"often", "regularly", "frequently", "routinely", "usually", "sometimes", "always", "typically"})
# Nouns whose infinitive is only intended: "a plot to attack", "a plan to march".
PLAN_NOUNS = frozenset({"plot", "plan", "scheme", "conspiracy", "threat", "intention", "vow", "pledge", "bid"})
CROWD_CONTROL = frozenset(
    {"gas", "teargas", "cannon", "warning", "rubber", "pepper", "baton", "sound", "stun", "blank", "smoke"}
)
BROKEN_UP = Sense(EventType.PROTEST, "intervention")  # tear gas fired at a crowd

# Monitors' verbs: "the mission observed 40 explosions", "recorded 12 ceasefire violations".
# Explosions a monitor counts on a front line are shelling, not bombs; fire "in both
# directions" is an exchange of fire, an armed clash.
MONITORING = frozenset({"observe", "record", "register", "hear"})
MONITORED = frozenset({"shot", "burst", "gunfire"})  # fire only when a monitor counts it

# Verbs that make a noun trigger an event ("X killed", "carried out X").
NOUN_EVENT_VERBS = MONITORING | frozenset(
    [
        "kill",
        "injure",
        "wound",
        "hit",
        "target",
        "destroy",
        "damage",
        "leave",
        "claim",
        "carry",
        "conduct",
        "launch",
        "stage",
        "hold",
        "form",  # "formed a human chain"
        "perform",  # "performed a pot-banging protest"
        "erupt",
        "break",
        "engage",
        "witness",
        "report",
        "repel",
        "repulse",
        "occur",
        "happen",
        "rock",
        "strike",
        "join",
        "organize",
        "organise",
        "disperse",
        "sign",
        "announce",
        "impose",
        "enforce",  # "began enforcing a curfew"
        "extend",  # "extended the curfew"
        "agree",
        "declare",
        "take",
        "lead",
        "mount",
        "spread",
        "continue",
        "rage",
        "flare",
        "thwart",
        "turn",  # "the march turned violent"
        "spark",
        "trigger",
        "prompt",
        "provoke",
        "cause",
        "see",
        # what an event does to people: "the clashes forced 2,000 families to flee"
        "force",
        "displace",
        "drive",
        "uproot",
        "face",  # "the convoy faced protests"
    ]
)
# What a gathering demands makes it a protest: "gathered outside the office, demanding ...".
DEMANDING = frozenset({"demand", "protest", "denounce", "condemn", "oppose", "press", "call", "decry"})
# Verbs whose object names a past event as the grievance: "demanding the release of students
# detained by police", "condemning the killing": what is demanded or mourned is not a new event.
GRIEVANCES = frozenset({"demand", "condemn", "denounce", "decry", "seek", "mourn"})
# The prepositions that tie an event noun to a toll: "one dead following clashes".
TOLL_PREPS = frozenset({"in", "during", "following", "after", "amid", "from"})
# Spells of time an event filled: "two days of clashes", "a night of rioting".
SPELLS = frozenset({"hour", "night", "day", "week", "month", "spell", "bout", "round", "wave"})
# Verbs that end in an event: "resulted in protests", "led to clashes".
OUTCOME_VERBS = frozenset({"result", "lead", "culminate", "degenerate", "turn", "escalate", "descend"})
# Verbless reports ("Traders protest fees", "A group marches in protest"): the small
# model reads them as one noun phrase; these words still name a protest.
HEADLINE_PROTESTS = frozenset({"protest", "march", "demonstrate", "demonstration", "rally", "picket"})
# People named by who they are ("Members of the Ogiek community protest ..."): the small
# model makes the protest the object of their "of".
GROUP_NOUNS = frozenset(
    {"member", "resident", "villager", "inhabitant", "local", "people", "supporter", "student", "worker",
     "trader", "farmer", "youth", "group", "community", "employee", "teacher", "driver", "victim", "survivor", "parent",
     "relative", "family", "nurse", "doctor", "lawyer", "rider", "operator", "activist", "pupil", "squatter",
     "tenant", "fisherman", "herder", "vendor", "hawker", "miner", "pensioner", "retiree", "woman"}
)
# Accusations of ties: "links the attackers to", "have ties with", "are connected to".
LINKING = frozenset({"link", "tie"})
# Verbs whose complement is not (yet) a real event: "threatened to strike".
IRREALIS_HEADS = frozenset(
    [
        "threaten",
        "plan",
        "vow",
        "warn",
        "want",
        "intend",
        "aim",
        "seek",
        "try",
        "promise",
        "pledge",
        "prepare",
        "call",
        "urge",
        "demand",
        "ask",
        "order",
        "fear",
        "deny",
    ]
)
MODAL_WORDS = frozenset(
    ["could", "may", "might", "would", "should", "will", "must", "can", "shall"]
)
REPORTING_VERBS = frozenset(
    [
        "say",
        "tell",
        "report",
        "announce",
        "state",
        "add",
        "confirm",
        "claim",
        "allege",
        "write",
        "note",
        "declare",
        "reveal",
        "insist",
        "indicate",
        "suggest",
    ]
)
HEDGES = frozenset(["allegedly", "alleged", "reportedly", "purportedly", "suspected", "apparently"])

KILL_WORDS = frozenset(["kill", "die", "dead", "death", "fatality", "slay", "massacre"])
# Force against a crowd that ACLED calls excessive: live fire and killing.
LETHAL_FORCE = frozenset({"kill", "shoot", "gun", "massacre", "slay"})
INJURE_WORDS = frozenset(["injure", "wound", "hurt", "injured", "wounded", "injury", "casualty"])
ARREST_WORDS = frozenset(["arrest", "detain", "apprehend", "arrested", "detained"])
# People forced from their homes: "displaced 5,000", "left 300 homeless"; "fled" only
# with its subject or under a verb of force (quantities._counted_nouns).
DISPLACE_WORDS = frozenset(["displace", "displaced", "uproot", "homeless", "displacement", "flee"])
ABDUCT_WORDS = frozenset(["abduct", "kidnap", "abducted", "kidnapped", "abduction", "kidnapping", "hostage"])
