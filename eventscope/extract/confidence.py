"""Scores how complete and direct the support for an event is, in [0, 1].

The score is the share of what an analyst checks first that the text gave us,
weighted: a verb trigger (0.30; a noun carried by a verb, 0.20), a known
actor (0.20), a resolved place (0.20), a resolved date (0.20), and an
asserted or named-source report (0.10). Hedged, anonymous or hypothetical
reports lose the last 0.10 and another 0.10. It is a completeness score,
not yet a calibrated probability; the event-typing issue calibrates it.
"""

from __future__ import annotations

from eventscope.records import Actor, Attribution, Certainty, EventDate, Place

WEAK = frozenset({Certainty.ALLEGED, Certainty.UNVERIFIED, Certainty.HYPOTHETICAL, Certainty.DENIED})


def score(
    *,
    nominal: bool,
    actor1: Actor | None,
    place: Place | None,
    date: EventDate | None,
    attribution: Attribution,
) -> float:
    value = 0.20 if nominal else 0.30
    if actor1 is not None:
        value += 0.20
    if place is not None and place.lat is not None:
        value += 0.20
    if date is not None and date.start is not None:
        value += 0.20
    if attribution.certainty in WEAK:
        value -= 0.10
    else:
        value += 0.10
    return round(min(1.0, max(0.0, value)), 2)
