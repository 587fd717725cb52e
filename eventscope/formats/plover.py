"""Turns an event into one PLOVER JSON record, for JSON Lines files.

The layout follows the "JSON Data Fields" chapter of the PLOVER manual
(Open Event Data Alliance, draft 0.7/0.8, 2021): ``id``, ``date``/``enddate``,
``source`` and ``recipient`` as lists of actor objects (``code``: ISO 3166
alpha-3 or a non-state code such as IGO; ``sector``: GOV, MIL, COP, ...;
``actor_text``; ``identifier_text``), ``event``, ``mode`` and ``context`` as
lists, ``quad_code``, ``event_scale``, ``event_loc`` (GeoNames field names),
``event_text``, ``text_info`` (the sentence's ``sequence`` number and character
offsets) and ``cite_info``. PLOVER invites extra named fields; eventscope adds
``article_id`` to ``text_info``, a ``sources`` list, and the counts, certainty
and confidence under the names they have in every other eventscope export.
"""

from __future__ import annotations

from typing import Any

from eventscope.formats.countries import country_facts
from eventscope.records import Actor, ActorKind, Certainty, Event, EventType
from eventscope.table import event_row

PLOVER_CODEBOOK = "PLOVER 0.8 (draft)"

_NONE = type(None)

# The record layout: each field and the JSON value types it may hold (None is
# null). docs/formats.md documents the same table; tests check records against it.
PLOVER_FIELDS: dict[str, tuple[type, ...]] = {
    "id": (str,),
    "date": (str, _NONE),
    "enddate": (str, _NONE),
    "source": (list,),
    "recipient": (list,),
    "event": (list,),
    "mode": (list,),
    "context": (list,),
    "quad_code": (int,),
    "event_scale": (float,),
    "event_loc": (dict, _NONE),
    "event_text": (list,),
    "text_info": (dict,),
    "cite_info": (dict,),
    "sources": (list,),
    "killed_min": (int, _NONE),
    "killed_max": (int, _NONE),
    "injured_min": (int, _NONE),
    "injured_max": (int, _NONE),
    "arrested_min": (int, _NONE),
    "arrested_max": (int, _NONE),
    "displaced_min": (int, _NONE),
    "displaced_max": (int, _NONE),
    "abducted_min": (int, _NONE),
    "abducted_max": (int, _NONE),
    "is_aggregate": (bool,),
    "certainty": (str, _NONE),
    "confidence": (float, int),
}
ACTOR_FIELDS: dict[str, tuple[type, ...]] = {
    "code": (str, _NONE),
    "sector": (str, _NONE),
    "actor_text": (str,),
    "identifier_text": (str,),
}
EVENT_LOC_FIELDS: dict[str, tuple[type, ...]] = {
    "geonameid": (int, _NONE),
    "name": (str,),
    "latitude": (float, _NONE),
    "longitude": (float, _NONE),
    "country code": (str, _NONE),
    "cc3": (str, _NONE),
    "admin1": (str, _NONE),
    "precision": (int, _NONE),
    "country": (str, _NONE),
}
TEXT_INFO_FIELDS: dict[str, tuple[type, ...]] = {
    "article_id": (str,),
    "sequence": (int,),
    "start": (int,),
    "end": (int,),
}

# PLOVER's quad categories (manual, "PLOVER quad categories"): 1 verbal
# cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
# REQUEST is eventscope's name for PLOVER's DEMAND.
QUAD_CODES: dict[EventType, int] = {
    EventType.AGREE: 1,
    EventType.CONSULT: 1,
    EventType.SUPPORT: 1,
    EventType.CONCEDE: 1,
    EventType.COOPERATE: 2,
    EventType.AID: 2,
    EventType.RETREAT: 2,
    EventType.REQUEST: 3,
    EventType.ACCUSE: 3,
    EventType.REJECT: 3,
    EventType.SANCTION: 3,
    EventType.THREATEN: 3,
    EventType.PROTEST: 4,
    EventType.MOBILIZE: 4,
    EventType.COERCE: 4,
    EventType.ASSAULT: 4,
}

# The manual's conflict-cooperation score for each category ("Schrodt scores"),
# -10 to +10; REQUEST takes DEMAND's.
EVENT_SCALES: dict[EventType, float] = {
    EventType.ASSAULT: -9.3,
    EventType.COERCE: -7.2,
    EventType.PROTEST: -6.6,
    EventType.MOBILIZE: -5.3,
    EventType.SANCTION: -5.2,
    EventType.THREATEN: -5.1,
    EventType.REQUEST: -5.0,
    EventType.REJECT: -4.2,
    EventType.ACCUSE: -2.0,
    EventType.CONSULT: 2.1,
    EventType.AGREE: 4.2,
    EventType.SUPPORT: 4.6,
    EventType.CONCEDE: 5.0,
    EventType.COOPERATE: 6.8,
    EventType.AID: 7.4,
    EventType.RETREAT: 7.6,
}

# PLOVER sector codes (manual, "Sector Primary Codes") for eventscope's actor
# kinds; an international organisation has the actor code IGO and no sector.
SECTORS: dict[ActorKind, str | None] = {
    ActorKind.GOVERNMENT: "GOV",
    ActorKind.MILITARY: "MIL",
    ActorKind.POLICE: "COP",
    ActorKind.REBEL: "REB",
    ActorKind.PARTY: "PTY",
    ActorKind.COMMUNAL: "UAF",
    ActorKind.UNIDENTIFIED: "UAF",
    ActorKind.PROTESTERS: "CVL",
    ActorKind.RIOTERS: "CVL",
    ActorKind.MOB: "CVL",
    ActorKind.CIVILIANS: "CVL",
    ActorKind.MEDIA: "JRN",
    ActorKind.INTERNATIONAL: None,
    ActorKind.OTHER: None,
}

# PLOVER contexts eventscope can tell from the text's certainty.
_CONTEXTS: dict[Certainty, str] = {Certainty.HYPOTHETICAL: "hypothetical"}

# The eventscope columns a record carries beside PLOVER's own fields.
_EXTRA_COLUMNS = (
    "killed_min",
    "killed_max",
    "injured_min",
    "injured_max",
    "arrested_min",
    "arrested_max",
    "displaced_min",
    "displaced_max",
    "abducted_min",
    "abducted_max",
    "is_aggregate",
    "certainty",
    "confidence",
)


def plover_actor(actor: Actor) -> dict[str, Any]:
    """A PLOVER actor object: code, sector, the words that named it, and its canonical name."""
    international = actor.kind is ActorKind.INTERNATIONAL
    return {
        "code": "IGO" if international else actor.country,
        "sector": SECTORS.get(actor.kind) if actor.kind else None,
        "actor_text": actor.mention,
        "identifier_text": actor.name,
    }


def plover_record(event: Event) -> dict[str, Any]:
    """The PLOVER JSON record for ``event`` (JSON-ready values only)."""
    date, place, evidence = event.date, event.location, event.evidence
    start = date.start if date else None
    end = date.end if date else None
    event_loc = None
    if place is not None:
        facts = country_facts(place.country)
        event_loc = {
            "geonameid": place.geonameid,
            "name": place.name or place.mention,
            "latitude": place.lat,
            "longitude": place.lon,
            "country code": facts.alpha2 if facts else None,
            "cc3": place.country,
            "admin1": place.admin1,
            "precision": int(place.precision) if place.precision else None,
            "country": facts.name if facts else None,
        }
    first = min(event.sources, key=lambda s: (s.published is None, s.published, s.article_id), default=None)
    row = event_row(event)
    return {
        "id": event.event_id,
        "date": start.isoformat() if start else None,
        "enddate": end.isoformat() if end and end != start else None,
        "source": [plover_actor(event.actor1)] if event.actor1 else [],
        "recipient": [plover_actor(event.actor2)] if event.actor2 else [],
        "event": [event.type.value],
        "mode": [event.mode] if event.mode else [],
        "context": _context(event),
        "quad_code": QUAD_CODES[event.type],
        "event_scale": EVENT_SCALES[event.type],
        "event_loc": event_loc,
        "event_text": [evidence.text],
        "text_info": {
            "article_id": evidence.article_id,
            "sequence": evidence.sentence_index,
            "start": evidence.sentence_start,
            "end": evidence.sentence_end,
        },
        "cite_info": {
            "url": first.url if first else None,
            "publication": first.outlet if first else None,
            "coder": "eventscope",
            "codebook": PLOVER_CODEBOOK,
        },
        "sources": [
            {
                "article_id": s.article_id,
                "outlet": s.outlet,
                "url": s.url,
                "published": s.published.isoformat() if s.published else None,
            }
            for s in event.sources
        ],
        **{name: row[name] for name in _EXTRA_COLUMNS},
    }


def _context(event: Event) -> list[str]:
    certainty = event.attribution.certainty if event.attribution else None
    context = _CONTEXTS.get(certainty) if certainty else None
    return [context] if context else []
