"""Flattens an event into the one row layout that the store and every export share.

Column names are the record's field names joined with ``_`` (``actor1_name``,
``location_lat``), so a field has one name in Python, JSON, CSV, Parquet and SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from eventscope.records import COUNT_FIELDS, Actor, Event, Quantity

# Column name -> type, in export order. Types are the Python types of the values.
COLUMNS: dict[str, type] = {
    "event_id": str,
    "type": str,
    "mode": str,
    "acled_event_type": str,
    "acled_sub_event_type": str,
    "cameo_root": str,
    "date_start": dt.date,
    "date_end": dt.date,
    "date_precision": str,
    "date_derivation": str,
    "actor1_name": str,
    "actor1_country": str,
    "actor1_kind": str,
    "actor2_name": str,
    "actor2_country": str,
    "actor2_kind": str,
    "claimed_by": str,
    "blamed_on": str,
    "unclaimed": bool,
    "location_name": str,
    "location_geonameid": int,
    "location_lat": float,
    "location_lon": float,
    "location_country": str,
    "location_admin1": str,
    "location_precision": int,
    "killed_min": int,
    "killed_max": int,
    "injured_min": int,
    "injured_max": int,
    "arrested_min": int,
    "arrested_max": int,
    "displaced_min": int,
    "displaced_max": int,
    "abducted_min": int,
    "abducted_max": int,
    "is_aggregate": bool,
    "certainty": str,
    "speaker": str,
    "confidence": float,
    "corroboration": int,
    "article_ids": str,
    "outlets": str,
    "trigger": str,
    "sentence": str,
}


def _actor(prefix: str, actor: Actor | None) -> dict[str, Any]:
    return {
        f"{prefix}_name": actor.name if actor else None,
        f"{prefix}_country": actor.country if actor else None,
        f"{prefix}_kind": actor.kind.value if actor and actor.kind else None,
    }


def _range(prefix: str, values: Sequence[Quantity]) -> dict[str, Any]:
    """The honest span over every reported value: lowest minimum, highest maximum.

    One open-ended value ("at least 13") leaves the maximum unknown.
    """
    mins = [q.min for q in values if q.min is not None]
    maxes = [q.max for q in values]
    return {
        f"{prefix}_min": min(mins) if mins else None,
        f"{prefix}_max": None if not maxes or None in maxes else max(m for m in maxes if m is not None),
    }


def event_row(event: Event) -> dict[str, Any]:
    """One flat row for ``event``, keyed by ``COLUMNS``."""
    place, date, attribution = event.location, event.date, event.attribution
    outlets = sorted({s.outlet for s in event.sources if s.outlet})
    row: dict[str, Any] = {
        "event_id": event.event_id,
        "type": event.type.value,
        "mode": event.mode,
        "acled_event_type": event.acled_event_type,
        "acled_sub_event_type": event.acled_sub_event_type,
        "cameo_root": event.cameo_root,
        "date_start": date.start if date else None,
        "date_end": date.end if date else None,
        "date_precision": date.precision.value if date else None,
        "date_derivation": date.derivation.value if date else None,
        **_actor("actor1", event.actor1),
        **_actor("actor2", event.actor2),
        "claimed_by": event.claimed_by.name if event.claimed_by else None,
        "blamed_on": event.blamed_on.name if event.blamed_on else None,
        "unclaimed": event.unclaimed is not None,
        "location_name": (place.name or place.mention) if place else None,
        "location_geonameid": place.geonameid if place else None,
        "location_lat": place.lat if place else None,
        "location_lon": place.lon if place else None,
        "location_country": place.country if place else None,
        "location_admin1": place.admin1 if place else None,
        "location_precision": int(place.precision) if place and place.precision else None,
        **{k: v for name in COUNT_FIELDS for k, v in _range(name, getattr(event, name)).items()},
        "is_aggregate": event.is_aggregate,
        "certainty": attribution.certainty.value if attribution else None,
        "speaker": attribution.speaker if attribution else None,
        "confidence": event.confidence,
        "corroboration": len(outlets) or len({s.article_id for s in event.sources}),
        "article_ids": ";".join(sorted({s.article_id for s in event.sources})),
        "outlets": ";".join(outlets),
        "trigger": event.trigger.text,
        "sentence": event.evidence.text,
    }
    return row
