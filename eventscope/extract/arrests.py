"""Arrests made at a protest are part of the protest, as ACLED codes them.

"Police dispersed the march and arrested 12", or a later sentence "12 people were
arrested", reports one event, not a protest and an arrest. ``fold_arrests`` moves
such arrests into the protest an article reports (same day and place as far as the
text says): their counts become the protest's ``arrested``; its type and sub-type
stay what the protest's own words say (on dev-acled, turning a peaceful protest
into one with intervention for its arrests lowered sub-type accuracy). An article
with only arrests, or arrests beside an attack (ACLED often codes the arrest of
suspects apart), keeps them as events.
"""

from __future__ import annotations

from collections.abc import Sequence

from eventscope.dedup.within import dates_fit, places_fit, stated_place
from eventscope.records import Event, EventType


def _is_arrest(event: Event) -> bool:
    return event.type is EventType.COERCE and event.mode == "arrest" and not event.is_aggregate


def _fits(host: Event, arrest: Event) -> bool:
    return (
        host.type is EventType.PROTEST
        and not host.is_aggregate
        and dates_fit(host.date, arrest.date)
        and places_fit(stated_place(host), stated_place(arrest))
    )


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
