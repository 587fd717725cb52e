"""Turns an event into one row of a GDELT-style CAMEO event file.

The columns are a subset of the GDELT 1.0 event record (GDELT data format
codebook v1.03) under GDELT's own names, in GDELT's order: date, the two
actors' CAMEO codes, the CAMEO root code, the quad class, a Goldstein score,
counts of sources and articles, the action's place and one source URL.
``GLOBALEVENTID`` carries eventscope's event id (a hex string, not GDELT's
integer), and ``ActionGeo_FeatureID`` a GeoNames id. Unlike GDELT's daily files,
ours start with a header line. Summary statistics (``Event.is_aggregate``) have
no row.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from eventscope.formats.countries import country_facts
from eventscope.records import Actor, ActorKind, Event, GeoPrecision

CAMEO_COLUMNS: dict[str, type] = {
    "GLOBALEVENTID": str,
    "SQLDATE": int,
    "MonthYear": int,
    "Year": int,
    "Actor1Code": str,
    "Actor1Name": str,
    "Actor1CountryCode": str,
    "Actor1Type1Code": str,
    "Actor2Code": str,
    "Actor2Name": str,
    "Actor2CountryCode": str,
    "Actor2Type1Code": str,
    "EventRootCode": str,
    "QuadClass": int,
    "GoldsteinScale": float,
    "NumSources": int,
    "NumArticles": int,
    "ActionGeo_Type": int,
    "ActionGeo_FullName": str,
    "ActionGeo_CountryCode": str,
    "ActionGeo_ADM1Code": str,
    "ActionGeo_Lat": float,
    "ActionGeo_Long": float,
    "ActionGeo_FeatureID": str,
    "SOURCEURL": str,
}

# Goldstein (1992) conflict-cooperation weights, -10 to +10, for each CAMEO
# root: the weight of the root's "not specified below" code (010, 020, ...,
# 200) in the CAMEO-to-Goldstein lookup that GDELT distributes with its data.
GOLDSTEIN: dict[str, float] = {
    "01": 0.0,
    "02": 3.0,
    "03": 4.0,
    "04": 1.0,
    "05": 3.5,
    "06": 6.0,
    "07": 7.0,
    "08": 5.0,
    "09": -2.0,
    "10": -5.0,
    "11": -2.0,
    "12": -4.0,
    "13": -4.4,
    "14": -6.5,
    "15": -7.2,
    "16": -4.0,
    "17": -7.0,
    "18": -9.0,
    "19": -10.0,
    "20": -10.0,
}

# GDELT's QuadClass by root: 1 verbal cooperation (01-05), 2 material
# cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20).
_QUAD_BOUNDS = ((5, 1), (8, 2), (13, 3), (20, 4))

# CAMEO's three-letter actor type ("agent") codes for eventscope's actor kinds
# (CAMEO manual, actor codebook). Protesters, rioters and mobs have no CAMEO
# type of their own: civilians. Communal militias are unaligned armed forces.
CAMEO_TYPES: dict[ActorKind, str | None] = {
    ActorKind.GOVERNMENT: "GOV",
    ActorKind.MILITARY: "MIL",
    ActorKind.POLICE: "COP",
    ActorKind.REBEL: "REB",
    ActorKind.PARTY: "PTY",
    ActorKind.COMMUNAL: "UAF",
    ActorKind.PROTESTERS: "CVL",
    ActorKind.RIOTERS: "CVL",
    ActorKind.MOB: "CVL",
    ActorKind.CIVILIANS: "CVL",
    ActorKind.INTERNATIONAL: "IGO",
    ActorKind.UNIDENTIFIED: "UAF",
    ActorKind.MEDIA: "MED",  # CAMEO's media; PLOVER renamed it JRN
    ActorKind.OTHER: None,
}

# ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
_COUNTRY, _US_STATE, _US_CITY, _WORLD_CITY, _WORLD_STATE = 1, 2, 3, 4, 5


def cameo_rows(events: Iterable[Event]) -> Iterator[dict[str, Any]]:
    """One row per event that is not a summary statistic."""
    for event in events:
        if not event.is_aggregate:
            yield cameo_row(event)


def quad_class(root: str | None) -> int | None:
    """GDELT's quad class of a two-digit CAMEO root."""
    if root is None or not root.isdigit():
        return None
    number = int(root)
    for upper, quad in _QUAD_BOUNDS:
        if 1 <= number <= upper:
            return quad
    return None


def actor_code(actor: Actor | None) -> str | None:
    """The CAMEO actor code: country (or IGO) then the type, e.g. ``IRQGOV``."""
    if actor is None:
        return None
    kind = CAMEO_TYPES.get(actor.kind) if actor.kind else None
    if kind == "IGO":
        return "IGO"
    code = (actor.country or "") + (kind or "")
    return code or None


def cameo_row(event: Event) -> dict[str, Any]:
    """The row for ``event``, keyed by ``CAMEO_COLUMNS``; unknown values are None."""
    date = event.date
    start = date.start if date else None
    place = event.location
    root = event.cameo_root
    outlets = {s.outlet for s in event.sources if s.outlet}
    urls = [s.url for s in sorted(event.sources, key=_earliest) if s.url]
    return {
        "GLOBALEVENTID": event.event_id,
        "SQLDATE": int(f"{start:%Y%m%d}") if start else None,
        "MonthYear": int(f"{start:%Y%m}") if start else None,
        "Year": start.year if start else None,
        **_actor("Actor1", event.actor1),
        **_actor("Actor2", event.actor2),
        "EventRootCode": root,
        "QuadClass": quad_class(root),
        "GoldsteinScale": GOLDSTEIN.get(root) if root else None,
        "NumSources": len(outlets),
        "NumArticles": len({s.article_id for s in event.sources}),
        **_action_geo(event),
        "ActionGeo_Lat": place.lat if place else None,
        "ActionGeo_Long": place.lon if place else None,
        "ActionGeo_FeatureID": str(place.geonameid) if place and place.geonameid else None,
        "SOURCEURL": urls[0] if urls else None,
    }


def _earliest(source: Any) -> tuple[str, str]:
    return (source.published.isoformat() if source.published else "9999", source.article_id)


def _actor(prefix: str, actor: Actor | None) -> dict[str, Any]:
    kind = CAMEO_TYPES.get(actor.kind) if actor and actor.kind else None
    return {
        f"{prefix}Code": actor_code(actor),
        f"{prefix}Name": actor.name if actor else None,
        f"{prefix}CountryCode": actor.country if actor else None,
        f"{prefix}Type1Code": kind,
    }


def _action_geo(event: Event) -> dict[str, Any]:
    place = event.location
    empty = {
        "ActionGeo_Type": None,
        "ActionGeo_FullName": None,
        "ActionGeo_CountryCode": None,
        "ActionGeo_ADM1Code": None,
    }
    if place is None or place.lat is None:
        return empty
    facts = country_facts(place.country)
    fips = facts.fips if facts else None
    country_only = place.precision is GeoPrecision.REGION and not place.admin1
    us = place.country == "USA"
    if country_only:
        geo_type = _COUNTRY
    elif place.precision is GeoPrecision.REGION:
        geo_type = _US_STATE if us else _WORLD_STATE
    else:
        geo_type = _US_CITY if us else _WORLD_CITY
    parts = [place.name or place.mention]
    if place.admin1 and place.admin1 not in parts:
        parts.append(place.admin1)
    if facts is not None and facts.name not in parts:
        parts.append(facts.name)
    return {
        "ActionGeo_Type": geo_type,
        "ActionGeo_FullName": ", ".join(parts),
        "ActionGeo_CountryCode": fips,
        # GDELT's ADM1 code is FIPS country + FIPS region; eventscope knows only the
        # country part, which GDELT itself gives for country-level places.
        "ActionGeo_ADM1Code": fips if geo_type == _COUNTRY else None,
    }
