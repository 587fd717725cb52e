"""Turns an actor mention into a canonical actor: name, country, kind and sponsor.

A named organisation in the phrase ("Kata'ib Hezbollah fighters", "BNP
activists") gives its canonical name, kind, home country and sponsor from the
organisation table (``eventscope.resolve.organisations``). Otherwise kind comes
from the head noun ("forces", "police", "militias", "protesters") or from an
apposition ("X, an umbrella group of militias"); country from a demonym or
country name in the phrase ("Iraqi", "Iraq's"), else, for forces, protesters
and civilians, the article's main country; a sponsor from "Iran-backed" in the
phrase or its apposition. A country named alone ("the US has blamed") is that
country's government. Names follow ACLED's style where kind and country are
known ("Police Forces of Iraq", "Protesters (Kenya)"); otherwise the mention is
kept as written, so an unknown named group is never dropped.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventscope.extract.evidence import evidence_for
from eventscope.extract.lexicon import WEAPONS
from eventscope.nlp.text import entities
from eventscope.records import Actor, ActorKind
from eventscope.resolve.gazetteer import Gazetteer, bare_code
from eventscope.resolve.homelands import Named, NameTable, load_communities
from eventscope.resolve.organisations import Organisation, Organisations, load_organisations

K = ActorKind
HEAD_KINDS: dict[str, ActorKind] = {
    "police": K.POLICE, "policeman": K.POLICE, "policemen": K.POLICE, "officer": K.POLICE,
    "gendarme": K.POLICE, "gendarmerie": K.POLICE, "security": K.POLICE,
    "army": K.MILITARY, "military": K.MILITARY, "soldier": K.MILITARY, "troop": K.MILITARY,
    "navy": K.MILITARY, "jet": K.MILITARY, "warplane": K.MILITARY, "force": K.MILITARY,
    "militia": K.REBEL, "militiaman": K.REBEL, "militiamen": K.REBEL, "militant": K.REBEL, "rebel": K.REBEL, "insurgent": K.REBEL,
    "fighter": K.REBEL, "jihadist": K.REBEL, "guerrilla": K.REBEL, "extremist": K.REBEL,
    "gunman": K.UNIDENTIFIED, "gunmen": K.UNIDENTIFIED, "assailant": K.UNIDENTIFIED,
    "attacker": K.UNIDENTIFIED, "perpetrator": K.UNIDENTIFIED,
    "protester": K.PROTESTERS, "demonstrator": K.PROTESTERS, "marcher": K.PROTESTERS,
    "protestor": K.PROTESTERS, "rioter": K.RIOTERS, "mob": K.MOB,
    "civilian": K.CIVILIANS, "villager": K.CIVILIANS, "resident": K.CIVILIANS,
    "people": K.CIVILIANS, "student": K.CIVILIANS, "worker": K.CIVILIANS,
    "farmer": K.CIVILIANS, "child": K.CIVILIANS, "woman": K.CIVILIANS, "man": K.CIVILIANS,
    "passenger": K.CIVILIANS, "family": K.CIVILIANS, "suspect": K.OTHER,
    "local": K.CIVILIANS, "youth": K.CIVILIANS, "crowd": K.MOB,
    "supporter": K.PARTY, "activist": K.PARTY, "cadre": K.PARTY,
    "government": K.GOVERNMENT, "ministry": K.GOVERNMENT, "minister": K.GOVERNMENT,
    "president": K.GOVERNMENT, "official": K.GOVERNMENT, "spokesperson": K.GOVERNMENT,
    "spokesman": K.GOVERNMENT, "spokeswoman": K.GOVERNMENT, "authority": K.GOVERNMENT,
    "administration": K.GOVERNMENT, "cabinet": K.GOVERNMENT, "governor": K.GOVERNMENT,
    "party": K.PARTY, "opposition": K.PARTY,
    "journalist": K.MEDIA, "reporter": K.MEDIA,
    "reservist": K.POLICE, "guard": K.POLICE,
    "separatist": K.REBEL, "bandit": K.UNIDENTIFIED, "raider": K.UNIDENTIFIED,
    "rustler": K.UNIDENTIFIED, "gang": K.UNIDENTIFIED, "gangster": K.UNIDENTIFIED,
    "trader": K.CIVILIANS, "vendor": K.CIVILIANS, "seller": K.CIVILIANS, "hawker": K.CIVILIANS,
    "shopkeeper": K.CIVILIANS, "businessman": K.CIVILIANS, "driver": K.CIVILIANS,
    "teacher": K.CIVILIANS, "nurse": K.CIVILIANS, "doctor": K.CIVILIANS, "pupil": K.CIVILIANS,
    "organizer": K.CIVILIANS, "organiser": K.CIVILIANS, "owner": K.CIVILIANS,
    "accomplice": K.CIVILIANS, "person": K.CIVILIANS, "relative": K.CIVILIANS,
    "clan": K.COMMUNAL, "clansman": K.COMMUNAL, "clansmen": K.COMMUNAL, "tribesman": K.COMMUNAL,
    "tribesmen": K.COMMUNAL,
    # units and lines of armed forces: "a member of the 4th Division", "government positions"
    "division": K.MILITARY, "brigade": K.MILITARY, "battalion": K.MILITARY, "regiment": K.MILITARY,
    "position": K.MILITARY, "frontline": K.MILITARY, "trench": K.MILITARY, "pirate": K.UNIDENTIFIED,
    "corps": K.MILITARY, "garrison": K.MILITARY,
    # a checkpoint is manned by security forces, whoever attacks it
    "checkpoint": K.MILITARY,
}
# Compounds that change the kind of the head: "armed forces", "security forces".
COMPOUND_KINDS: dict[str, ActorKind] = {
    "security": K.POLICE, "police": K.POLICE, "armed": K.MILITARY, "military": K.MILITARY,
    "government": K.MILITARY, "rebel": K.REBEL, "militia": K.REBEL, "clan": K.COMMUNAL,
    "regime": K.MILITARY, "separatist": K.REBEL, "insurgent": K.REBEL, "jihadist": K.REBEL,
}
ACLED_NAMES: dict[ActorKind, str] = {
    K.MILITARY: "Military Forces of {country}",
    K.POLICE: "Police Forces of {country}",
    K.GOVERNMENT: "Government of {country}",
    K.PROTESTERS: "Protesters ({country})",
    K.RIOTERS: "Rioters ({country})",
    K.MOB: "Rioters ({country})",
    K.CIVILIANS: "Civilians ({country})",
    K.UNIDENTIFIED: "Unidentified Armed Group ({country})",
}
CONTEXT_COUNTRY_KINDS = frozenset(
    {K.MILITARY, K.POLICE, K.PROTESTERS, K.RIOTERS, K.MOB, K.CIVILIANS, K.GOVERNMENT, K.UNIDENTIFIED}
)


PROTESTING = frozenset({"protest", "demonstrate", "march", "rally"})


def weapon_owner(head: Token) -> Token | None:
    """The country or demonym whose weapon ``head`` is ("Israeli jets", "Russian
    missiles"), or None (a weapon alone, or no weapon)."""
    if head.lemma_.lower() not in WEAPONS:
        return None
    return next(
        (c for c in head.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")),
        None,
    )


# "an unknown party", "unidentified individuals": no one known, not a political party
NAMELESS = frozenset({"unknown", "unidentified", "unnamed"})
NAMELESS_HEADS = frozenset({"party", "group", "individual", "person", "element", "actor"})


# Officers of no armed force: "a Red Cross officer", "a public health officer"
CIVIL_OFFICERS = frozenset(
    {"health", "medical", "aid", "relief", "cross", "crescent", "project", "field", "programme", "program",
     "welfare", "education", "agricultural", "extension", "communication", "communications", "information"}
)


# What an armed force is made of or holds: "army units", "a police post", "an army camp".
UNIT_HEADS = frozenset(
    {"unit", "post", "station", "camp", "base", "patrol", "convoy", "vehicle", "checkpoint", "barrack", "barracks",
     "outpost", "position", "personnel", "officer", "helicopter", "team", "squad"}
)


def _kind(phrase: Span) -> ActorKind | None:
    head = phrase.root
    lemma = head.lemma_.lower()
    if lemma in NAMELESS_HEADS and any(c.dep_ == "amod" and c.lower_ in NAMELESS for c in head.children):
        return K.UNIDENTIFIED
    if any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in PROTESTING for c in head.children):
        return K.PROTESTERS  # "a crowd protesting fuel prices", "people who marched"
    if head.ent_type_ in ("GPE",) and len(phrase) <= 3 and lemma not in HEAD_KINDS:
        return K.GOVERNMENT  # "Kenya said"; not "Gunmen", which the model tags a place
    if weapon_owner(head) is not None:
        return K.MILITARY  # "Israeli jets", "Russian missiles": the country's armed forces
    for child in head.children:
        if (
            child.dep_ in ("compound", "amod")
            and child.lemma_.lower() in COMPOUND_KINDS
            and lemma in ("force", "service", "unit", "personnel", "member", "agent", "patrol")
        ):
            return COMPOUND_KINDS[child.lemma_.lower()]
        if (
            child.dep_ == "compound"
            and lemma in UNIT_HEADS
            and HEAD_KINDS.get(child.lemma_.lower()) in (K.MILITARY, K.POLICE)
        ):
            return HEAD_KINDS[child.lemma_.lower()]  # "Turkish Army units", "a police post"
        if child.dep_ == "compound" and lemma == "member" and child.lemma_.lower() in HEAD_KINDS:
            return HEAD_KINDS[child.lemma_.lower()]  # "rival gang members", "militia members"
    titles = [c for c in head.children if c.dep_ == "compound" and c.lemma_.lower() in HEAD_KINDS]
    if head.ent_type_ == "PERSON" and titles:  # "Prime Minister Mohammed Shia al-Sudani"
        return HEAD_KINDS[titles[-1].lemma_.lower()]
    for appos in (c for c in head.children if c.dep_ == "appos"):
        for token in appos.subtree:
            if token.lemma_.lower() in HEAD_KINDS:
                return HEAD_KINDS[token.lemma_.lower()]
    if head.like_num or lemma in (
        "member", "leader", "group", "band", "hundred", "dozen", "thousand", "score", "crowd",
        "faction",
    ):  # "members of the army", "groups of villagers", "two of the attackers"
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                inner = _kind(pobj.doc[pobj.left_edge.i : pobj.right_edge.i + 1])
                if inner is not None:
                    return inner
                if pobj.ent_type_ == "ORG" and any(
                    w in pobj.text.lower() for w in ("party", "league", "dal", "congress", "front")
                ):
                    return K.PARTY
    # a sentence-initial "Rebels" the model reads as a proper noun keeps its plural lemma
    kind = HEAD_KINDS.get(lemma) or HEAD_KINDS.get(head.lower_.removesuffix("s"))
    if kind is K.POLICE and lemma == "officer" and any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in CIVIL_OFFICERS for c in head.subtree if c.i < head.i
    ):
        return K.CIVILIANS  # "a Red Cross officer", "a health officer": no armed force
    if kind in (K.CIVILIANS, None) and any(c.dep_ == "amod" and c.lower_ == "armed" for c in head.children):
        return K.UNIDENTIFIED  # "two armed men", "armed robbers": armed, so not civilians
    return kind


def _country(phrase: Span, gazetteer: Gazetteer) -> str | None:
    for token in phrase:
        # "Turkish Army units", "Kenya Defence Forces": a demonym inside a force's name
        named_force = token.ent_type_ == "ORG" and token.dep_ in ("amod", "compound")
        if (token.ent_type_ in ("NORP", "GPE") or named_force) and token.dep_ != "npadvmod":
            # "Iran-backed" names a sponsor, not the actor's country
            after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
            if (after is not None and after.text == "-") or bare_code(token.text):
                continue  # nor is "AL members" (the Awami League's) Albanian
            country = gazetteer.country(token.text)
            if country is not None:
                return country.iso3
    return None


SPONSOR_WORDS = frozenset({"backed", "sponsored", "funded", "supported", "aligned", "allied", "armed"})


def _sponsor(tokens: list[Token], gazetteer: Gazetteer) -> str | None:
    """The state in "Iran-backed", "Iranian-sponsored", "Russia-aligned" among ``tokens``."""
    doc = tokens[0].doc if tokens else None
    for token in tokens:
        if doc is None or token.i + 2 >= len(doc):
            continue
        if doc[token.i + 1].text == "-" and doc[token.i + 2].lower_ in SPONSOR_WORDS:
            country = gazetteer.country(token.text)
            if country is not None:
                return country.iso3
    return None


def _appositions(phrase: Span) -> list[Token]:
    """The words of an apposition to the phrase's head: ", an umbrella group of ... militias"."""
    return [t for c in phrase.root.children if c.dep_ == "appos" for t in c.subtree]


# Heads that stand for a named organisation in "Hamas fighters", "members of the BNP",
# "a Hezbollah commander"; other heads ("victims of Boko Haram") are not the group.
MEMBER_HEADS = frozenset(
    {
        "member", "leader", "commander", "fighter", "militant", "militia", "militiaman", "militiamen",
        "rebel", "insurgent", "jihadist", "guerrilla", "gunman", "gunmen", "unit", "wing", "faction", "group", "cell",
        "force", "troop", "soldier", "official", "spokesman", "spokeswoman", "spokesperson",
        "activist", "supporter", "cadre", "worker", "loyalist", "mercenary", "operative",
        "suspect", "peacekeeper", "staff", "mission", "delegation", "agency", "movement",
        "party", "government", "authority", "administration", "regime", "ally", "proxy",
        "man", "men", "youth", "head", "chief", "envoy", "representative",
        # what a group holds stands for it: "a Taliban checkpoint", "Houthi positions"
        "checkpoint", "position", "post", "base", "camp", "convoy", "patrol",
    }
)


def _organisation(phrase: Span, organisations: Organisations) -> Organisation | None:
    """The named organisation the phrase stands for, if any."""
    found = organisations.find(phrase.text)
    if found is None:
        return None
    start, end = phrase.start_char + found.start, phrase.start_char + found.end
    root = _counted(phrase.root)
    if start <= root.idx < end:
        return found.organisation
    if root.lemma_.lower() in MEMBER_HEADS or root.lower_ in MEMBER_HEADS:
        return found.organisation
    return None


# How a community's name hangs on the head of the phrase that names it: "Pokot raiders",
# "the Kikuyu youths", "members of the Maasai community"; not in a clause about the head
# ("police who chased the Pokot").
COMMUNITY_LINKS = frozenset({"compound", "amod", "nmod", "poss", "pobj", "prep", "appos", "npadvmod"})


def _community(phrase: Span, communities: NameTable) -> tuple[Named, Span] | None:
    """The ethnic community or clan the phrase names, if any, with the words naming it."""
    for community, words in communities.find_all(phrase):
        token = words.root
        while token != phrase.root and token.dep_ in COMMUNITY_LINKS and token.head != token:
            token = token.head
        if token == phrase.root:
            return community, words
    return None


QUANTITY_HEADS = frozenset({"hundred", "dozen", "thousand", "score", "number", "scores", "hundreds", "dozens", "thousands"})


def _counted(head: Token) -> Token:
    """What a quantity counts: "hundreds of Awami League members" stands for the members."""
    if not (head.like_num or head.lemma_.lower() in QUANTITY_HEADS or head.lower_ in QUANTITY_HEADS):
        return head
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            return pobj
    return head


ARMED_MODES = frozenset(
    {
        "firearms", "shelling/missile", "air/drone strike", "suicide bomb",
        "explosives", "remote explosive/IED", "grenade", "chemical",
    }
)
UNARMED_MODES = frozenset({"mob violence", "property destruction"})
# People named by where they live or what they do: when they attack, a mob.
COMMUNITY_HEADS = frozenset(
    {
        "villager", "resident", "local", "youth", "student", "worker", "farmer", "family",
        "woman", "child", "passenger", "crowd", "trader", "neighbour", "neighbor",
    }
)
WEAPON_WORDS = frozenset(
    {
        "armed", "gun", "gunman", "gunmen", "rifle", "rocket", "missile", "mortar", "drone",
        "bomb", "explosive", "ied", "grenade", "shell", "shelling", "artillery", "gunfire",
        "gunshot", "firearm", "shoot", "shooting",
    }
)


def _perpetrator_kind(phrase: Span, mode: str | None) -> ActorKind:
    """Civilians who attack: a mob for unarmed violence (beating, stoning, arson by a
    crowd), an unidentified armed group for armed or remote violence (ACLED)."""
    if mode in ARMED_MODES or any(t.lemma_.lower() in WEAPON_WORDS for t in phrase):
        return K.UNIDENTIFIED
    if mode in UNARMED_MODES:
        return K.MOB
    root = phrase.root
    if root.tag_ == "NN" and HEAD_KINDS.get(root.lemma_.lower()) is K.CIVILIANS:
        return K.UNIDENTIFIED  # "a man": one person is not a mob ("a group of ..." may be)
    if any(t.lemma_.lower() in COMMUNITY_HEADS for t in phrase):
        # "villagers", "a group of youths": a mob unless the sentence tells of weapons
        armed = any(t.lemma_.lower() in WEAPON_WORDS for t in phrase.sent)
        return K.UNIDENTIFIED if armed else K.MOB
    # "several people who attacked the embassy": armed if the article tells of weapons
    # (the rockets are often named in another sentence), else a mob
    armed = any(t.lemma_.lower() in WEAPON_WORDS for t in phrase.doc)
    return K.UNIDENTIFIED if armed else K.MOB


def resolve_actor(
    article_id: str,
    phrase: Span,
    gazetteer: Gazetteer,
    main_country: str | None,
    *,
    perpetrator: bool = False,
    mode: str | None = None,
    organisations: Organisations | None = None,
    communities: NameTable | None = None,
    fighting: bool = False,
) -> Actor:
    """The canonical actor for a noun phrase.

    ``perpetrator`` marks the doer of violence: "people" or "men" who attack
    are a mob when the violence is unarmed (beating, stoning, arson), and an
    unidentified armed group when they are armed or ``mode`` is armed or remote
    violence (rockets, drones, bombs, shooting). An armed group of an ethnic
    community ("Pokot raiders"), or a community doing violence ("the Orma
    attacked"), is that community's militia, and any phrase naming a community
    takes its country ("Turkana herders": Kenya); so is a community's side of a clash
    (``fighting``: "clashes between Pokot and Turkana herders"). ``organisations`` and
    ``communities`` default to the shipped tables.
    """
    table = organisations if organisations is not None else load_organisations()
    mention = phrase.text
    evidence = evidence_for(article_id, phrase)
    appositions = _appositions(phrase)
    sponsor = _sponsor(list(phrase), gazetteer) or _sponsor(appositions, gazetteer)
    known = _organisation(phrase, table)
    if known is not None:
        return Actor(
            name=known.name, mention=mention,
            country=known.country or _country(phrase, gazetteer), kind=known.kind,
            evidence=evidence, sponsor=known.sponsor or sponsor,
        )
    found = _community(phrase, communities if communities is not None else load_communities())
    community = found[0] if found is not None else None
    # "Kalenjin", "Pokot" alone: the model tags them as places or persons; a community
    # is neither a government nor a person
    named_community = (
        found is not None and phrase.root.ent_type_ in ("GPE", "PERSON")
        and found[1].start <= phrase.root.i < found[1].end
    )
    kind = None if named_community else _kind(phrase)
    if perpetrator and kind is K.CIVILIANS:
        kind = _perpetrator_kind(phrase, mode)
    elif perpetrator and kind is K.UNIDENTIFIED and mode == "mob violence":
        kind = K.MOB  # "unidentified assailants hurled crude bombs": rioters, for ACLED
    if sponsor is not None and kind in (None, K.GOVERNMENT, K.OTHER):
        kind = K.REBEL  # "Iran-backed groups", "Tehran's proxies": backed, so not the state
    armed = kind in (K.UNIDENTIFIED, K.REBEL, K.COMMUNAL)
    if community is not None and (armed or (kind is None and perpetrator) or (fighting and kind in (None, K.CIVILIANS))):
        # "Pokot raiders", "the Orma ethnic group attacked", "clashes between Kalenjin and
        # Maasai youths": the community's militia; "Maasai herders" who are shot stay herders
        kind = K.COMMUNAL
    home = community.country if community is not None else None
    country = (home if named_community else None) or _country(phrase, gazetteer) or home
    if country is None and kind in CONTEXT_COUNTRY_KINDS:
        country = main_country
    name = mention.removeprefix("the ").removeprefix("The ")
    person = None if named_community else next((e for e in entities(phrase) if e.label_ == "PERSON"), None)
    if person is not None and person.root == phrase.root:
        name = person.text
    elif phrase.root.ent_type_ == "GPE" and kind is K.GOVERNMENT and country:
        state = gazetteer.country_by_code(country)
        name = f"Government of {state.name}" if state else name
    elif kind in ACLED_NAMES and country:
        state = gazetteer.country_by_code(country)
        if state is not None:
            name = ACLED_NAMES[kind].format(country=state.name)
    elif kind is K.COMMUNAL and community is not None and country:
        state = gazetteer.country_by_code(country)
        name = f"{community.name} Ethnic Militia ({state.name if state else country})"
    return Actor(
        name=name, mention=mention, country=country, kind=kind, evidence=evidence,
        sponsor=sponsor,
    )
