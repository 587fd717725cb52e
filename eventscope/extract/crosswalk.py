"""Maps a PLOVER type and mode to ACLED's event type and sub-type and CAMEO's root code.

The table is data. Sources: the CAMEO→PLOVER conversion table of the PLOVER
manual (draft 0.8, 2021) for the CAMEO roots, and ACLED's public codebook for
the six event types and their sub-types. Where ACLED depends on who the actors
are (an attack on civilians versus a clash of armed groups), ``crosswalk``
decides from the actor kinds.
"""

from __future__ import annotations

from dataclasses import replace

from eventscope.records import ActorKind, Event, EventType

# (PLOVER type, mode or None) -> (ACLED event type, ACLED sub-event type, CAMEO root)
TABLE: dict[tuple[EventType, str | None], tuple[str, str, str]] = {
    (EventType.ASSAULT, None): ("Violence against civilians", "Attack", "18"),
    (EventType.ASSAULT, "armed clash"): ("Battles", "Armed clash", "19"),
    (EventType.ASSAULT, "firearms"): ("Battles", "Armed clash", "19"),
    (EventType.ASSAULT, "shelling/missile"): (
        "Explosions/Remote violence", "Shelling/artillery/missile attack", "19",
    ),
    (EventType.ASSAULT, "air/drone strike"): ("Explosions/Remote violence", "Air/drone strike", "19"),
    (EventType.ASSAULT, "suicide bomb"): ("Explosions/Remote violence", "Suicide bomb", "18"),
    (EventType.ASSAULT, "explosives"): (
        "Explosions/Remote violence", "Remote explosive/landmine/IED", "18",
    ),
    (EventType.ASSAULT, "remote explosive/IED"): (
        "Explosions/Remote violence", "Remote explosive/landmine/IED", "18",
    ),
    (EventType.ASSAULT, "grenade"): ("Explosions/Remote violence", "Grenade", "18"),
    (EventType.ASSAULT, "chemical"): ("Explosions/Remote violence", "Chemical weapon", "20"),
    (EventType.ASSAULT, "abduction"): (
        "Violence against civilians", "Abduction/forced disappearance", "18",
    ),
    (EventType.ASSAULT, "sexual violence"): ("Violence against civilians", "Sexual violence", "18"),
    (EventType.ASSAULT, "mob violence"): ("Riots", "Mob violence", "18"),
    # territory taken in fighting: by the state it is regained, by anyone else overtaken
    (EventType.ASSAULT, "territory"): ("Battles", "Non-state actor overtakes territory", "19"),
    (EventType.ASSAULT, "territory/state"): ("Battles", "Government regains territory", "19"),
    (EventType.ASSAULT, "property destruction"): (
        "Strategic developments", "Looting/property destruction", "17",
    ),
    (EventType.PROTEST, None): ("Protests", "Peaceful protest", "14"),
    (EventType.PROTEST, "peaceful"): ("Protests", "Peaceful protest", "14"),
    (EventType.PROTEST, "intervention"): ("Protests", "Protest with intervention", "14"),
    (EventType.PROTEST, "excessive force"): ("Protests", "Excessive force against protesters", "14"),
    (EventType.PROTEST, "riot"): ("Riots", "Violent demonstration", "14"),
    (EventType.PROTEST, "obstruct"): ("Protests", "Peaceful protest", "14"),
    (EventType.COERCE, None): ("Strategic developments", "Other", "17"),
    (EventType.COERCE, "arrest"): ("Strategic developments", "Arrests", "17"),
    (EventType.COERCE, "seize"): ("Strategic developments", "Looting/property destruction", "17"),
    (EventType.COERCE, "deport"): ("Strategic developments", "Other", "17"),
    (EventType.COERCE, "disrupt"): ("Strategic developments", "Disrupted weapons use", "17"),
    # a curfew imposed is a security measure, which ACLED files as a change to activity
    (EventType.COERCE, "curfew"): ("Strategic developments", "Change to group/activity", "17"),
    (EventType.AGREE, None): ("Strategic developments", "Agreement", "03"),
    (EventType.AGREE, "ceasefire"): ("Strategic developments", "Agreement", "08"),
    (EventType.RETREAT, None): ("Strategic developments", "Other", "08"),
    (EventType.RETREAT, "release"): ("Strategic developments", "Other", "08"),
    (EventType.RETREAT, "withdraw"): ("Strategic developments", "Non-violent transfer of territory", "08"),
    (EventType.MOBILIZE, None): ("Strategic developments", "Change to group/activity", "15"),
    (EventType.SANCTION, None): ("Strategic developments", "Other", "16"),
    (EventType.ACCUSE, None): ("Strategic developments", "Other", "11"),
    (EventType.ACCUSE, "allege"): ("Strategic developments", "Other", "11"),
    (EventType.REJECT, None): ("Strategic developments", "Other", "12"),
    (EventType.REJECT, "condemn"): ("Strategic developments", "Other", "11"),
    (EventType.THREATEN, None): ("Strategic developments", "Other", "13"),
    (EventType.REQUEST, None): ("Strategic developments", "Other", "10"),
    (EventType.CONSULT, None): ("Strategic developments", "Other", "04"),
    (EventType.SUPPORT, None): ("Strategic developments", "Other", "05"),
    (EventType.COOPERATE, None): ("Strategic developments", "Other", "06"),
    (EventType.AID, None): ("Strategic developments", "Other", "07"),
    (EventType.CONCEDE, None): ("Strategic developments", "Other", "08"),
}

ARMED = frozenset(
    {ActorKind.MILITARY, ActorKind.POLICE, ActorKind.REBEL, ActorKind.COMMUNAL, ActorKind.UNIDENTIFIED}
)
UNARMED = frozenset(
    {ActorKind.CIVILIANS, ActorKind.PROTESTERS, ActorKind.MEDIA, ActorKind.OTHER, ActorKind.PARTY}
)
# Doers of violence that ACLED codes as riots, not as armed groups.
CROWDS = frozenset(
    {ActorKind.RIOTERS, ActorKind.PROTESTERS, ActorKind.MOB, ActorKind.PARTY, ActorKind.CIVILIANS}
)


def crosswalk(
    type_: EventType,
    mode: str | None,
    actor1_kind: ActorKind | None = None,
    actor2_kind: ActorKind | None = None,
) -> tuple[str, str, str]:
    """ACLED event type, ACLED sub-event type and CAMEO root for an event."""
    if type_ is EventType.ASSAULT and mode == "territory":
        state = actor1_kind in (ActorKind.MILITARY, ActorKind.POLICE, ActorKind.GOVERNMENT)
        return TABLE[(type_, "territory/state" if state else "territory")]
    if type_ is EventType.ASSAULT and mode == "armed clash" and {actor1_kind, actor2_kind} == {
        ActorKind.PARTY, ActorKind.POLICE
    }:
        # a party's activists fighting the police are demonstrators turned violent (ACLED's
        # coding of such clashes on dev-acled: 22 violent demonstrations to 6 mob violence)
        return "Riots", "Violent demonstration", "14"
    if type_ is EventType.ASSAULT and actor1_kind in CROWDS:
        # rioters burning a bus, villagers beating a suspected thief, party
        # supporters clashing: riots, whatever the weapon
        if actor1_kind in (ActorKind.PROTESTERS, ActorKind.RIOTERS):
            return "Riots", "Violent demonstration", "14"
        return "Riots", "Mob violence", "18"
    if type_ is EventType.ASSAULT and mode == "armed clash" and actor2_kind in CROWDS:
        # "police engaged in running battles with protesters": the crowd's side makes it a riot
        if actor2_kind in (ActorKind.PROTESTERS, ActorKind.RIOTERS):
            return "Riots", "Violent demonstration", "14"
        return "Riots", "Mob violence", "18"
    if type_ is EventType.ASSAULT and mode in (None, "firearms", "armed clash"):
        # a clash needs two armed sides; shooting a fisherman is an attack on a civilian
        if actor2_kind in ARMED:
            return TABLE[(type_, "armed clash")]
        if mode == "armed clash":
            return TABLE[(type_, mode)]
        return TABLE[(type_, None)]
    if type_ is EventType.PROTEST and mode is None and actor2_kind is ActorKind.POLICE:
        return TABLE[(type_, "intervention")]
    return TABLE.get((type_, mode)) or TABLE[(type_, None)]


def coded(event: Event) -> Event:
    """``event`` with its ACLED type, sub-type and CAMEO root read from its own type,
    mode and actors (after a change to any of them)."""
    acled_type, acled_sub, cameo = crosswalk(
        event.type, event.mode,
        event.actor1.kind if event.actor1 else None,
        event.actor2.kind if event.actor2 else None,
    )
    return replace(event, acled_event_type=acled_type, acled_sub_event_type=acled_sub, cameo_root=cameo)
