"""Merges the mentions of one event inside one article (headline, lead, "the December 7 attacks").

Two events of one article are one when they have the same type, compatible
dates, places (each as its own sentence states it) and actors, and neither is
told as "separate" or "another".
Events join the first earlier group they fit in full, in text order, so the
lead's event speaks for the group and keeps every count and piece of evidence.
A mention whose sentence states no date (its date is the publication date or
the dateline) gives no "also reported" date: nobody reported it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from eventscope.dedup.combine import combine
from eventscope.dedup.score import distance_km
from eventscope.dedup.signature import WEAK_DERIVATIONS
from eventscope.records import Actor, Event, EventDate, Place

WITHIN_RADIUS_KM = 25.0
# "claimed separate attacks", "another blast": told as a different event.
_SEPARATE = re.compile(r"\b(?:separate|another|other|second|third|further|new)\W+(?:\w+\W+){0,2}$")


def _separate(event: Event) -> bool:
    sentence = event.evidence
    before = sentence.text[: max(0, event.trigger.start - sentence.start)]
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


def _actors_fit(a: Actor | None, b: Actor | None) -> bool:
    return a is None or b is None or a.name == b.name or a.kind == b.kind


def same_within(a: Event, b: Event) -> bool:
    """Whether two events of one article are mentions of one event."""
    return (
        a.type is b.type
        and not (a.is_aggregate or b.is_aggregate)
        and not (_separate(a) or _separate(b))
        and dates_fit(a.date, b.date)
        and places_fit(stated_place(a), stated_place(b))
        and _actors_fit(a.actor1, b.actor1)
        and _actors_fit(a.actor2, b.actor2)
    )


def merge_within(events: Sequence[Event]) -> list[Event]:
    """The events of one article with the mentions of each real event merged, in text order."""
    groups: list[list[Event]] = []
    for event in events:
        group = next((g for g in groups if all(same_within(m, event) for m in g)), None)
        if group is None:
            groups.append([event])
        else:
            group.append(event)
    return [group[0] if len(group) == 1 else _combined(group) for group in groups]


def _combined(group: Sequence[Event]) -> Event:
    event = combine(group, event_id=group[0].event_id, latest_counts=False)
    unstated = {
        m.event_id for m in group if m.date is not None and m.date.derivation in WEAK_DERIVATIONS
    }
    kept = tuple(v for v in event.variants if not (v.field == "date" and v.mention_id in unstated))
    return event if kept == event.variants else replace(event, variants=kept)
