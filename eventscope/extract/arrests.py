"""Arrests made at a protest or in a fight are part of it, as ACLED codes them.

"Police dispersed the march and arrested 12", or a later sentence "12 people were
arrested", reports one event, not a protest and an arrest; so does "security forces
clashed with the gunmen, killed 8 and detained two". ``fold_arrests`` moves such
arrests into the protest, or the attack or clash, an article reports (same day and
place as far as the text says): their counts become its ``arrested``; its type and
sub-type stay what its own words say (on dev-acled, turning a peaceful protest into
one with intervention for its arrests lowered sub-type accuracy). An arrest joins an
attack or clash only when no one else is said to have made it, or the arrester is of
the kind of one of its sides: police arresting the suspects of an attack they did not
fight (ACLED often codes that apart) stays an event, as do the arrests of an article
that reports nothing else, and arrests of the doers of an event told in the past perfect
("two men who had attacked a police post"), which came before.

Measured on dev-acled when attacks and clashes were added as hosts: of the arrests
beside a fitting attack or clash whose arrester was one of its sides, 100 matched no
gold event (ACLED had folded them) and 20 matched a separately coded arrest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from eventscope.dedup.within import dates_fit, places_fit, stated_place, text_before
from eventscope.records import Event, EventType


def _is_arrest(event: Event) -> bool:
    return event.type is EventType.COERCE and event.mode == "arrest" and not event.is_aggregate


def _fits(host: Event, arrest: Event) -> bool:
    return (
        (host.type is EventType.PROTEST or host.type is EventType.ASSAULT and _arrested_by_a_side(host, arrest))
        and not host.is_aggregate
        and not _told_as_earlier(host)
        and dates_fit(host.date, arrest.date)
        and places_fit(stated_place(host), stated_place(arrest))
    )


# "two men who had attacked a police post": an event told in the past perfect came before
_PAST_PERFECT = re.compile(r"\bhad\s+(?:been\s+)?(?:\w+ly\s+)?$")


def _told_as_earlier(event: Event) -> bool:
    """Whether the event is told in the past perfect ("who had attacked"): it happened
    before the arrest, which is not made at it."""
    return bool(_PAST_PERFECT.search(text_before(event).lower()))


def _arrested_by_a_side(fight: Event, arrest: Event) -> bool:
    """True when no one is said to have made the arrest, or its maker is of the kind of one
    of the fight's sides ("clashed with the gunmen ... and detained two")."""
    if arrest.actor1 is None:
        return True
    return arrest.actor1.kind in {side.kind for side in (fight.actor1, fight.actor2) if side is not None}


def _with_arrest(protest: Event, arrest: Event) -> Event:
    """The protest with the arrest's counts, each piece of evidence once."""
    have = {(q.evidence.start, q.evidence.end) for q in protest.arrested if q.evidence is not None}
    added = tuple(
        q for q in arrest.arrested if q.evidence is None or (q.evidence.start, q.evidence.end) not in have
    )
    return protest.with_counts({"arrested": protest.arrested + added})


def fold_arrests(events: Sequence[Event]) -> list[Event]:
    """The events of one article with arrests made at a protest it reports folded into
    that protest (the nearest in the text), in text order."""
    hosts: dict[int, list[Event]] = {}
    kept: list[int] = []
    for index, event in enumerate(events):
        fitting = [i for i, host in enumerate(events) if _fits(host, event)] if _is_arrest(event) else []
        if fitting:
            hosts.setdefault(min(fitting, key=lambda i: abs(i - index)), []).append(event)
        else:
            kept.append(index)
    result = []
    for index in kept:
        event = events[index]
        for arrest in hosts.get(index, []):
            event = _with_arrest(event, arrest)
        result.append(event)
    return result
