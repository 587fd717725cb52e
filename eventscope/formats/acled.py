"""Turns an event into one row of ACLED's public CSV layout.

Column names, their order and the value conventions (inter codes, interaction
codes, disorder types, time and geo precision) follow ACLED's codebook (the
2023 edition's "data columns at a glance", inter codes 1-8, interaction codes)
and the column set ACLED has published since its March 2023 change. Values
eventscope does not know stay empty: admin2, admin3, source_scale and tags
always, actors and codes when the text names nobody. Nothing is guessed.

Summary statistics (``Event.is_aggregate``) are not events in ACLED's sense
and have no row: ``acled_rows`` skips them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from eventscope.disagreement import lowest_credible
from eventscope.formats.countries import country_facts
from eventscope.records import Actor, ActorKind, DatePrecision, Event, Quantity

# Column -> Python type of its values, in ACLED's order.
ACLED_COLUMNS: dict[str, type] = {
    "event_id_cnty": str,
    "event_date": dt.date,
    "year": int,
    "time_precision": int,
    "disorder_type": str,
    "event_type": str,
    "sub_event_type": str,
    "actor1": str,
    "assoc_actor_1": str,
    "inter1": int,
    "actor2": str,
    "assoc_actor_2": str,
    "inter2": int,
    "interaction": int,
    "civilian_targeting": str,
    "iso": int,
    "region": str,
    "country": str,
    "admin1": str,
    "admin2": str,
    "admin3": str,
    "location": str,
    "latitude": float,
    "longitude": float,
    "geo_precision": int,
    "source": str,
    "source_scale": str,
    "notes": str,
    "fatalities": int,
    "tags": str,
    "timestamp": int,
}

# ACLED's actor-type ("inter") codes, from the codebook: 1 state forces, 2 rebel
# groups, 3 political militias, 4 identity militias, 5 rioters, 6 protesters,
# 7 civilians, 8 external/other forces. ACLED codes an unidentified armed group
# as a political militia (3), journalists as civilians (7), and a party's
# armed supporters as a political militia (3).
INTER_CODES: dict[ActorKind, int] = {
    ActorKind.GOVERNMENT: 1,
    ActorKind.MILITARY: 1,
    ActorKind.POLICE: 1,
    ActorKind.REBEL: 2,
    ActorKind.PARTY: 3,
    ActorKind.UNIDENTIFIED: 3,
    ActorKind.COMMUNAL: 4,
    ActorKind.RIOTERS: 5,
    ActorKind.MOB: 5,
    ActorKind.PROTESTERS: 6,
    ActorKind.CIVILIANS: 7,
    ActorKind.MEDIA: 7,
    ActorKind.INTERNATIONAL: 8,
    ActorKind.OTHER: 8,
}
STATE_FORCES = 1
EXTERNAL_FORCES = 8  # also the state forces of a country acting in another one

# ACLED's disorder type of each event type (codebook, 2023): riots are
# demonstrations except mob violence, and excessive force against protesters
# is both political violence and a demonstration.
DISORDER_TYPES: dict[str, str] = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_DISORDER_BY_SUB_EVENT: dict[str, str] = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Mob violence": "Political violence",
}

# Time precision: 1 the day is known, 2 the week or a span of a few days,
# 3 only the month (codebook "time precision codes").
_WEEK_DAYS = 7
_MONTH_DAYS = 31

# Counts a row may take as fatalities: not a denied or a hypothetical number.


def acled_rows(events: Iterable[Event]) -> Iterator[dict[str, Any]]:
    """One ACLED row per event that is not a summary statistic."""
    for event in events:
        if not event.is_aggregate:
            yield acled_row(event)


def acled_row(event: Event) -> dict[str, Any]:
    """The ACLED row for ``event``, keyed by ``ACLED_COLUMNS``; unknown values are None."""
    place, date = event.location, event.date
    iso3 = place.country if place else None
    facts = country_facts(iso3)
    inter1 = inter_code(event.actor1, iso3)
    # ACLED writes 0 for the missing second actor of a one-sided event.
    inter2 = inter_code(event.actor2, iso3) if event.actor2 is not None else (0 if inter1 else None)
    event_type, sub_event_type = event.acled_event_type, event.acled_sub_event_type
    disorder = disorder_type(event_type, sub_event_type)
    start = date.start if date else None
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{event.event_id}",
        "event_date": start,
        "year": start.year if start else None,
        "time_precision": time_precision(event),
        "disorder_type": disorder,
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": event.actor1.name if event.actor1 else None,
        "assoc_actor_1": None,
        "inter1": inter1,
        "actor2": event.actor2.name if event.actor2 else None,
        "assoc_actor_2": None,
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": civilian_targeting(event, disorder),
        "iso": facts.numeric if facts else None,
        "region": facts.region if facts else None,
        "country": facts.name if facts else None,
        "admin1": place.admin1 if place else None,
        "admin2": None,
        "admin3": None,
        "location": (place.name or place.mention) if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": int(place.precision) if place and place.precision else None,
        "source": "; ".join(_outlets(event)) or None,
        "source_scale": None,
        "notes": notes(event),
        "fatalities": fatalities(event.killed),
        "tags": None,
        "timestamp": _timestamp(event),
    }


def inter_code(actor: Actor | None, event_country: str | None) -> int | None:
    """ACLED's inter code for ``actor``; foreign state forces are external forces (8)."""
    if actor is None or actor.kind is None:
        return None
    code = INTER_CODES[actor.kind]
    if (
        code == STATE_FORCES
        and actor.country is not None
        and event_country is not None
        and actor.country != event_country
    ):
        return EXTERNAL_FORCES
    return code


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """The two inter codes joined, lower first (13, 17); one actor alone is its code then 0 (60)."""
    codes = sorted(code for code in (inter1, inter2) if code)
    if not codes:
        return None
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


def disorder_type(event_type: str | None, sub_event_type: str | None) -> str | None:
    """ACLED's disorder type for an event type and sub-event type."""
    if sub_event_type in _DISORDER_BY_SUB_EVENT:
        return _DISORDER_BY_SUB_EVENT[sub_event_type]
    return DISORDER_TYPES.get(event_type) if event_type else None


def civilian_targeting(event: Event, disorder: str | None) -> str | None:
    """"Civilian targeting" when political violence is aimed at civilians, else None."""
    if disorder is None or "Political violence" not in disorder or event.actor2 is None:
        return None
    if event.actor2.kind in (ActorKind.CIVILIANS, ActorKind.MEDIA):
        return "Civilian targeting"
    return None


def time_precision(event: Event) -> int | None:
    """1 for a known day, 2 for a week or a few days, 3 for a month; None otherwise."""
    date = event.date
    if date is None or date.start is None:
        return None
    span = ((date.end or date.start) - date.start).days
    if date.precision is DatePrecision.DAY and span == 0:
        return 1
    if date.precision in (DatePrecision.DAY, DatePrecision.WEEK) and span < _WEEK_DAYS:
        return 2
    if date.precision in (DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH) and span < _MONTH_DAYS:
        return 3
    return None


def fatalities(killed: Iterable[Quantity]) -> int:
    """The lowest credible reported death toll; 0 when no death is reported.

    A denied or hypothetical count is not credible. An open-ended "at least 4"
    counts as 4; "dozens" (24-99) counts as 24, ACLED's conservative reading.
    """
    return lowest_credible(tuple(killed)) or 0


def notes(event: Event) -> str:
    """A one-sentence summary in ACLED's manner: when, who, did what to whom, where, toll."""
    date = event.date
    when = "On an unknown date"
    if date is not None and date.start is not None:
        precision = time_precision(event)
        if precision == 1:
            when = f"On {_day(date.start)}"
        elif precision == 2 and date.end is not None:
            when = f"Between {_day(date.start)} and {_day(date.end)}"
        elif precision == 3:
            when = f"In {date.start:%B %Y}"
        else:
            when = f"Around {_day(date.start)}"
    actor1 = event.actor1.name if event.actor1 else "unidentified actors"
    target = event.actor2.name if event.actor2 else None
    action = _action(event, target)
    place = event.location
    where = ""
    if place is not None and (place.name or place.mention):
        where = f" in {place.name or place.mention}"
        facts = country_facts(place.country)
        detail = [part for part in (place.admin1, facts.name if facts else None) if part]
        if detail and detail[0] != (place.name or place.mention):
            where += f" ({', '.join(detail)})"
        elif facts is not None and facts.name != (place.name or place.mention):
            where += f" ({facts.name})"
    toll = _toll(event)
    return f"{when}, {actor1} {action}{where}{toll}."


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


# How a summary says what happened, by PLOVER type and mode; {target} is actor2.
_ACTIONS: dict[tuple[str, str | None], tuple[str, str]] = {
    # (type, mode): (phrase with a target, phrase without)
    ("ASSAULT", None): ("attacked {target}", "carried out an attack"),
    ("ASSAULT", "armed clash"): ("clashed with {target}", "fought an armed clash"),
    ("ASSAULT", "firearms"): ("opened fire on {target}", "opened fire"),
    ("ASSAULT", "shelling/missile"): ("shelled {target}", "carried out shelling or missile fire"),
    ("ASSAULT", "air/drone strike"): ("carried out an air or drone strike on {target}", "carried out an air or drone strike"),
    ("ASSAULT", "explosives"): ("attacked {target} with explosives", "set off explosives"),
    ("ASSAULT", "remote explosive/IED"): ("targeted {target} with an explosive device", "set off an explosive device"),
    ("ASSAULT", "suicide bomb"): ("carried out a suicide bombing against {target}", "carried out a suicide bombing"),
    ("ASSAULT", "grenade"): ("threw a grenade at {target}", "threw a grenade"),
    ("ASSAULT", "abduction"): ("abducted {target}", "carried out an abduction"),
    ("ASSAULT", "property destruction"): ("destroyed property of {target}", "destroyed property"),
    ("ASSAULT", "sexual violence"): ("committed sexual violence against {target}", "committed sexual violence"),
    ("PROTEST", None): ("demonstrated against {target}", "demonstrated"),
    ("PROTEST", "riot"): ("rioted against {target}", "rioted"),
    ("COERCE", None): ("coerced {target}", "took coercive action"),
    ("COERCE", "arrest"): ("arrested {target}", "made arrests"),
    ("COERCE", "seize"): ("seized property of {target}", "seized property"),
    ("COERCE", "deport"): ("deported {target}", "carried out deportations"),
    ("COERCE", "disrupt"): ("disabled weapons of {target}", "disabled weapons before use"),
    ("COERCE", "curfew"): ("imposed a curfew on {target}", "imposed a curfew"),
    ("AGREE", None): ("reached an agreement with {target}", "reached an agreement"),
    ("AGREE", "ceasefire"): ("agreed a ceasefire with {target}", "agreed a ceasefire"),
    ("RETREAT", None): ("gave way to {target}", "pulled back"),
    ("RETREAT", "release"): ("released {target}", "released captives"),
    ("RETREAT", "withdraw"): ("withdrew from {target}", "withdrew"),
    ("MOBILIZE", None): ("mobilised against {target}", "mobilised forces"),
    ("SANCTION", None): ("imposed sanctions on {target}", "imposed sanctions"),
    ("ACCUSE", None): ("accused {target}", "made an accusation"),
    ("REJECT", None): ("rejected {target}", "issued a rejection"),
    ("THREATEN", None): ("threatened {target}", "issued a threat"),
    ("REQUEST", None): ("called on {target} to act", "made a demand"),
    ("CONSULT", None): ("held talks with {target}", "held talks"),
    ("SUPPORT", None): ("expressed support for {target}", "expressed support"),
    ("COOPERATE", None): ("cooperated with {target}", "cooperated"),
    ("AID", None): ("gave aid to {target}", "gave aid"),
    ("CONCEDE", None): ("made a concession to {target}", "made a concession"),
}


# Demonstrations read by ACLED sub-event type, since who intervened is actor2.
_DEMONSTRATIONS: dict[str, tuple[str, str]] = {
    "Protest with intervention": ("demonstrated and {target} intervened", "demonstrated and were dispersed"),
    "Excessive force against protesters": (
        "demonstrated and {target} used force against them", "demonstrated and met force",
    ),
    "Violent demonstration": ("rioted against {target}", "rioted"),
    "Mob violence": ("attacked {target} as a mob", "carried out mob violence"),
}


def _action(event: Event, target: str | None) -> str:
    key = (event.type.value, event.mode)
    with_target, alone = (
        _DEMONSTRATIONS.get(event.acled_sub_event_type or "")
        or _ACTIONS.get(key)
        or _ACTIONS[(event.type.value, None)]
    )
    if target is None:
        return alone
    return with_target.format(target=target)


def _count(values: tuple[Quantity, ...]) -> str | None:
    lows = [q.min for q in values if q.min is not None]
    if not lows:
        return None
    low = min(lows)
    highs = [q.max for q in values]
    if None in highs:
        return f"at least {low}"
    high = max(h for h in highs if h is not None)
    return str(low) if high == low else f"{low} to {high}"


def _toll(event: Event) -> str:
    tolls = (
        (event.killed, "killing"), (event.injured, "injuring"), (event.arrested, "detaining"),
        (event.abducted, "abducting"), (event.displaced, "displacing"),
    )
    parts = [f"{verb} {count}" for values, verb in tolls if (count := _count(values)) is not None]
    if not parts:
        return ""
    if len(parts) > 1:
        return ", " + ", ".join(parts[:-1]) + " and " + parts[-1]
    return ", " + parts[0]


def _outlets(event: Event) -> list[str]:
    return sorted({source.outlet for source in event.sources if source.outlet})


def _timestamp(event: Event) -> int | None:
    """Unix time (UTC midnight) of the newest report, as ACLED's timestamp of the last change."""
    published = [source.published for source in event.sources if source.published]
    if not published:
        return None
    newest = max(published)
    return int(dt.datetime(newest.year, newest.month, newest.day, tzinfo=dt.UTC).timestamp())
