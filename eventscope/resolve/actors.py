"""Turns an actor mention into a canonical actor: name, country and kind.

Kind comes from the head noun ("forces", "police", "militias", "protesters")
or from an apposition ("X, an umbrella group of militias"); country from a
demonym or country name in the phrase ("Iraqi", "Iraq's"), else, for forces,
protesters and civilians, the article's main country. A country named alone
("the US has blamed") is that country's government. Names follow ACLED's
style where kind and country are known ("Police Forces of Iraq",
"Protesters (Kenya)"); otherwise the mention is kept as written.
"""

from __future__ import annotations

from spacy.tokens import Span

from eventscope.extract.evidence import evidence_for
from eventscope.records import Actor, ActorKind
from eventscope.resolve.gazetteer import Gazetteer

K = ActorKind
HEAD_KINDS: dict[str, ActorKind] = {
    "police": K.POLICE, "policeman": K.POLICE, "policemen": K.POLICE, "officer": K.POLICE,
    "gendarme": K.POLICE, "gendarmerie": K.POLICE, "security": K.POLICE,
    "army": K.MILITARY, "military": K.MILITARY, "soldier": K.MILITARY, "troop": K.MILITARY,
    "navy": K.MILITARY, "jet": K.MILITARY, "warplane": K.MILITARY, "force": K.MILITARY,
    "militia": K.REBEL, "militant": K.REBEL, "rebel": K.REBEL, "insurgent": K.REBEL,
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
}
# Compounds that change the kind of the head: "armed forces", "security forces".
COMPOUND_KINDS: dict[str, ActorKind] = {
    "security": K.POLICE, "police": K.POLICE, "armed": K.MILITARY, "military": K.MILITARY,
    "government": K.MILITARY, "rebel": K.REBEL, "militia": K.REBEL,
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


def _kind(phrase: Span) -> ActorKind | None:
    head = phrase.root
    lemma = head.lemma_.lower()
    if head.ent_type_ in ("GPE",) and len(phrase) <= 3:
        return K.GOVERNMENT
    for child in head.children:
        if (
            child.dep_ in ("compound", "amod")
            and child.lemma_.lower() in COMPOUND_KINDS
            and lemma in ("force", "service", "unit", "personnel", "member")
        ):
            return COMPOUND_KINDS[child.lemma_.lower()]
    titles = [c for c in head.children if c.dep_ == "compound" and c.lemma_.lower() in HEAD_KINDS]
    if head.ent_type_ == "PERSON" and titles:  # "Prime Minister Mohammed Shia al-Sudani"
        return HEAD_KINDS[titles[-1].lemma_.lower()]
    for appos in (c for c in head.children if c.dep_ == "appos"):
        for token in appos.subtree:
            if token.lemma_.lower() in HEAD_KINDS:
                return HEAD_KINDS[token.lemma_.lower()]
    if lemma in (
        "member", "leader", "group", "band", "hundred", "dozen", "thousand", "score", "crowd",
        "faction",
    ):  # "members of the army", "groups of villagers"; supporters are supporters
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                inner = _kind(pobj.doc[pobj.left_edge.i : pobj.right_edge.i + 1])
                if inner is not None:
                    return inner
                if pobj.ent_type_ == "ORG" and any(
                    w in pobj.text.lower() for w in ("party", "league", "dal", "congress", "front")
                ):
                    return K.PARTY
    return HEAD_KINDS.get(lemma)


def _country(phrase: Span, gazetteer: Gazetteer) -> str | None:
    for token in phrase:
        if token.ent_type_ in ("NORP", "GPE") and token.dep_ != "npadvmod":
            # "Iran-backed" names a sponsor, not the actor's country
            after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
            if after is not None and after.text == "-":
                continue
            country = gazetteer.country(token.text)
            if country is not None:
                return country.iso3
    return None


def resolve_actor(
    article_id: str,
    phrase: Span,
    gazetteer: Gazetteer,
    main_country: str | None,
    *,
    perpetrator: bool = False,
) -> Actor:
    """The canonical actor for a noun phrase.

    ``perpetrator`` marks the doer of violence: "people" or "men" who attack
    are an unidentified armed group, not civilians.
    """
    kind = _kind(phrase)
    if perpetrator and kind is K.CIVILIANS:
        # villagers, locals, students or "a group of people" who attack are a mob
        # (ACLED: mob violence); armed men are an unidentified armed group
        armed = any(t.lemma_.lower() in ("armed", "gun", "gunman", "gunmen") for t in phrase)
        kind = K.UNIDENTIFIED if armed else K.MOB
    country = _country(phrase, gazetteer)
    if country is None and kind in CONTEXT_COUNTRY_KINDS:
        country = main_country
    mention = phrase.text
    name = mention.removeprefix("the ").removeprefix("The ")
    person = next((e for e in phrase.ents if e.label_ == "PERSON"), None)
    if person is not None and person.root == phrase.root:
        name = person.text
    elif phrase.root.ent_type_ == "GPE" and kind is K.GOVERNMENT and country:
        known = gazetteer.country_by_code(country)
        name = f"Government of {known.name}" if known else name
    elif kind in ACLED_NAMES and country:
        known = gazetteer.country_by_code(country)
        if known is not None:
            name = ACLED_NAMES[kind].format(country=known.name)
    return Actor(
        name=name, mention=mention, country=country, kind=kind,
        evidence=evidence_for(article_id, phrase),
    )
