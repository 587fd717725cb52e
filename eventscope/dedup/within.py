"""Merges the mentions of one event inside one article (headline, lead, "the December 7 attacks").

Two events of one article are one when they have the same type (or are a
riot told both as a protest and as its crowd's violence), compatible
dates, places (each as its own sentence states it) and actors, and neither is
told as "separate" or "another".
Events join the first earlier group they fit in full, in text order, so the
lead's event speaks for the group and keeps every count and piece of evidence.
A mention whose sentence states no date (its date is the publication date or
the dateline) gives no "also reported" date: nobody reported it. A bare toll
("Two persons were killed.", no doer, place or date of its own) within two
sentences of an attack, clash or riot is that event's toll, and so is a toll with
no doer told "in the clash" of a riot. The merged event is typed (ACLED, CAMEO)
from its merged mode and actors.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from eventscope.dedup.combine import combine
from eventscope.dedup.score import distance_km
from eventscope.dedup.signature import WEAK_DERIVATIONS
from eventscope.extract.crosswalk import coded
from eventscope.records import Actor, ActorKind, Event, EventDate, EventType, Place

WITHIN_RADIUS_KM = 25.0
PROPERTY_DESTRUCTION = "property destruction"
RIOT_TYPES = {EventType.PROTEST, EventType.ASSAULT}
CROWD_KINDS = frozenset({ActorKind.CIVILIANS, ActorKind.PROTESTERS, ActorKind.RIOTERS, ActorKind.MOB})
# "claimed separate attacks", "another blast": told as a different event.
_SEPARATE = re.compile(r"\b(?:separate|another|other|second|third|further|new)\W+(?:\w+\W+){0,2}$")


# "One person was killed in the clash": a toll told of an event already reported.
_TOLL = re.compile(
    r"\b(?:killed|died|dead|injured|wounded|hurt)\b.*\b(?:in|during)\s+the\s+(?:\w+\s+)?"
    r"(?:clash|clashes|incident|attack|violence|fighting|explosion|blast|raid|ambush|skirmish|fracas)\b"
)


def _toll(event: Event) -> bool:
    sentence = event.evidence
    after = sentence.text[max(0, event.trigger.start - sentence.start) :]
    return bool(_TOLL.search(after.lower()))


TOLL_WORDS = frozenset({"killed", "injured", "wounded", "died", "dead", "hurt"})


def _bare_toll(event: Event, before: Event) -> bool:
    """ "Two persons were killed." right after "demonstrators clashed with police": the
    toll of the event just told, with no doer, place or date of its own."""
    return (
        event.type is EventType.ASSAULT
        and (before.type is EventType.ASSAULT or before.acled_event_type == "Riots")
        and event.actor1 is None
        and event.trigger.text.lower() in TOLL_WORDS
        and _passive(event)  # "it said it killed three" has a doer, if only a pronoun
        and stated_place(event) is None
        and _date_elsewhere(event)
        # "Police fired tear gas." may come between the clash and its toll
        and 0 <= event.evidence.sentence_index - before.evidence.sentence_index <= 2
        and not _separate(event)
    )


_PASSIVE = re.compile(r"\b(?:was|were|been|are|is|be)\s+(?:\w+\s+)?$")


def _passive(event: Event) -> bool:
    before = text_before(event).lower()
    return event.trigger.text.lower() in ("died", "dead") or bool(_PASSIVE.search(before))


def _date_elsewhere(event: Event) -> bool:
    """True when the event's own sentence states no date for it."""
    date = event.date
    if date is None or date.derivation in WEAK_DERIVATIONS:
        return True
    return date.evidence is None or date.evidence.sentence_index != event.evidence.sentence_index


def text_before(event: Event) -> str:
    """The words of the event's sentence before its trigger."""
    sentence = event.evidence
    return sentence.text[: max(0, event.trigger.start - sentence.start)]


def _separate(event: Event) -> bool:
    before = text_before(event)
    return bool(_SEPARATE.search(before.lower()))


def dates_fit(a: EventDate | None, b: EventDate | None) -> bool:
    if a is None or b is None or a.start is None or b.start is None:
        return True
    if a.derivation in WEAK_DERIVATIONS or b.derivation in WEAK_DERIVATIONS:
        return True
    assert a.end is not None and b.end is not None
    return a.start <= b.end and b.start <= a.end


def places_fit(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None or a.lat is None or b.lat is None:
        return True
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.country is not None and b.country is not None and a.country != b.country:
        return False
    if int(a.precision or 3) == 3 or int(b.precision or 3) == 3:
        return int(a.precision or 3) == int(b.precision or 3) and a.admin1 == b.admin1
    assert a.lon is not None and b.lon is not None
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= WITHIN_RADIUS_KM


def stated_place(event: Event) -> Place | None:
    """The event's place when its own sentence names it. A place taken from elsewhere
    in the article (another sentence, the dateline, the country) tells nothing about
    which event a sentence reports: "They killed five" after the lead's attack."""
    place = event.location
    if place is None or place.evidence is None:
        return None
    return place if place.evidence.sentence_index == event.evidence.sentence_index else None


def _actors_fit(a: Actor | None, b: Actor | None, *, crowd: bool = False) -> bool:
    """Whether two mentions' actors can be one: the same name or kind, or one of no
    known kind; with ``crowd``, any two kinds of crowd ("students" marching,
    "rioters" throwing stones)."""
    if a is None or b is None or a.name == b.name or a.kind == b.kind:
        return True
    if a.kind is None or b.kind is None:  # "an independent candidate": of no known kind
        return True
    return crowd and a.kind in CROWD_KINDS and b.kind in CROWD_KINDS


def _one_riot(a: Event, b: Event) -> bool:
    """A violent protest and the violence of its crowd ("demonstrators stormed the office
    ... police dispersed the demonstrators"): ACLED codes one riot."""
    return a.acled_event_type == b.acled_event_type == "Riots" and {a.type, b.type} == RIOT_TYPES


def _riot_toll(a: Event, b: Event) -> bool:
    """A riot and a toll with no doer told of it ("students clashed with police ... At
    least 6 people were killed in the clash"): the riot's dead, not an attack of its own."""
    riot, toll = (a, b) if a.acled_event_type == "Riots" else (b, a)
    return (
        riot.acled_event_type == "Riots" and toll.type is EventType.ASSAULT and toll.actor1 is None
        and _passive(toll) and _toll(toll)
    )


def same_within(a: Event, b: Event) -> bool:
    """Whether two events of one article are mentions of one event."""
    return (
        (a.type is b.type or _one_riot(a, b) or _riot_toll(a, b))
        and not (a.is_aggregate or b.is_aggregate)
        and not (_separate(a) or _separate(b))
        and dates_fit(a.date, b.date)
        and places_fit(stated_place(a), stated_place(b))
        and (
            _toll(a) or _toll(b)  # the toll's victims are not the clash's other side
            or _actors_fit(a.actor1, b.actor1, crowd=a.type is not b.type)
            and _actors_fit(a.actor2, b.actor2)
        )
    )


def merge_within(events: Sequence[Event]) -> list[Event]:
    """The events of one article with the mentions of each real event merged, in text order."""
    groups: list[list[Event]] = []
    for event in events:
        group = next((g for g in groups if all(same_within(m, event) for m in g)), None)
        if group is None and groups and _bare_toll(event, groups[-1][-1]):
            group = groups[-1]
        if group is None:
            groups.append([event])
        else:
            group.append(event)
    return [group[0] if len(group) == 1 else _combined(group) for group in groups]


def _typed(event: Event, group: Sequence[Event]) -> Event:
    """The merged event's ACLED and CAMEO codes from its merged mode and actors: one
    mention may give the mode ("vandalized") and another the doer ("a mob attacked").
    A riot told as a protest and as violence is a violent protest (PLOVER PROTEST/riot), and
    so is a protest one of whose mentions tells of its crowd's violence (ACLED: a violent
    crowd makes a violent demonstration, police intervention or not). Harm to people
    outranks harm to property."""
    if len({m.type for m in group}) > 1:
        event = replace(event, type=EventType.PROTEST, mode="riot")
    elif event.mode == PROPERTY_DESTRUCTION and (
        harm := next((m for m in group if m.type is EventType.ASSAULT and m.mode != PROPERTY_DESTRUCTION), None)
    ) is not None:
        # "killed a policeman ... also looted households": the attack, its looting a part of it
        event = replace(event, mode=harm.mode)
    elif event.type is EventType.PROTEST and event.mode != "excessive force" and any(
        m.mode == "riot" for m in group
    ):
        event = replace(event, mode="riot")
    return coded(event)


def _combined(group: Sequence[Event]) -> Event:
    event = _typed(combine(group, event_id=group[0].event_id, latest_counts=False), group)
    unstated = {
        m.event_id for m in group if m.date is not None and m.date.derivation in WEAK_DERIVATIONS
    }
    kept = tuple(v for v in event.variants if not (v.field == "date" and v.mention_id in unstated))
    return event if kept == event.variants else replace(event, variants=kept)
