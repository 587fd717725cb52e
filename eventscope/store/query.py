"""What to read from the store: one filter model and one sort order for every reader.

The CLI, the REST API and the dashboard all describe a selection of events
with ``EventFilter`` and an order with ``Sort``; ``Store.iter_events`` turns
both into one SQL query. ``EventFilter.parse`` reads the forms people type
(country names, ``w,s,e,n`` boxes, ISO dates) so that every front end accepts
the same spellings and rejects the same mistakes with the same message.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import json
import re
from collections.abc import Mapping
from typing import Any, NoReturn

import sqlalchemy as sa

from eventscope.errors import ConfigError
from eventscope.records import Certainty, EventType
from eventscope.resolve.gazetteer import country_code
from eventscope.store import schema

_EVENT_TYPES = tuple(t.value for t in EventType)
_CERTAINTIES = tuple(c.value for c in Certainty)
_ISO3 = re.compile(r"[A-Za-z]{3}")

MAX_COUNT = 2**62  # counts and limits the databases store as 64-bit integers
BBox = tuple[float, float, float, float]  # west, south, east, north, in degrees


@dataclasses.dataclass(frozen=True)
class EventFilter:
    """Which events a read returns; every given condition must hold.

    ``since``/``until`` bound ``date_start`` (inclusive) and drop events with
    unknown dates. ``actor`` and ``text`` match case-insensitive substrings of
    the actor names and of the reporting sentence; ``admin1`` and
    ``acled_event_type`` match case-insensitively and exactly. ``bbox`` keeps
    events located inside (west, south, east, north); a west edge east of the
    east edge crosses the antimeridian. ``min_corroboration`` is the least
    number of distinct outlets.
    """

    type: str | None = None  # PLOVER type, e.g. "ASSAULT"
    mode: str | None = None  # PLOVER mode, e.g. "arrest"
    acled_event_type: str | None = None  # e.g. "Battles"
    country: str | None = None  # ISO 3166-1 alpha-3 of the location
    admin1: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    actor: str | None = None
    text: str | None = None
    bbox: BBox | None = None
    min_corroboration: int | None = None
    certainty: str | None = None
    limit: int | None = None

    def __post_init__(self) -> None:
        if self.type is not None and self.type.upper() not in _EVENT_TYPES:
            _refuse("type", self.type, f"use one of {', '.join(_EVENT_TYPES)}")
        if self.country is not None and not _ISO3.fullmatch(self.country):
            _refuse("country", self.country, "use an ISO 3166-1 alpha-3 code")
        if self.certainty is not None and self.certainty.lower() not in _CERTAINTIES:
            _refuse("certainty", self.certainty, f"use one of {', '.join(_CERTAINTIES)}")
        if self.since is not None and self.until is not None and self.since > self.until:
            _refuse("since", self.since, f"it is after until ({self.until})")
        if self.bbox is not None:
            _check_bbox(self.bbox)
        for name in ("min_corroboration", "limit"):
            value = getattr(self, name)
            if value is not None and not 0 <= value <= MAX_COUNT:
                _refuse(name, value, f"use 0 to {MAX_COUNT}")

    @classmethod
    def parse(cls, values: Mapping[str, Any]) -> EventFilter:
        """A filter from typed-in values: strings, or None for "any".

        Accepts PLOVER types in any case, country names or ISO3 codes,
        ``YYYY-MM-DD`` dates and ``west,south,east,north`` boxes. Raises
        ConfigError ES202 naming the field for anything else.
        """
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            _refuse(unknown[0], values[unknown[0]], f"not a filter; use {', '.join(sorted(known))}")
        given = {name: value for name, value in values.items() if value not in (None, "")}
        fields: dict[str, Any] = {}
        for name, value in given.items():
            if name == "type":
                fields[name] = str(value).upper()
            elif name == "country":
                fields[name] = _country(str(value))
            elif name in ("since", "until"):
                fields[name] = _date(name, value)
            elif name == "bbox":
                fields[name] = _bbox(value)
            elif name in ("min_corroboration", "limit"):
                fields[name] = _int(name, value)
            elif name == "certainty":
                fields[name] = str(value).lower()
            else:
                fields[name] = str(value)
        return cls(**fields)

    def where(self) -> list[sa.ColumnElement[bool]]:
        """The SQL conditions on ``schema.events`` for this filter."""
        events = schema.events.c
        conditions: list[sa.ColumnElement[bool]] = []
        if self.type is not None:
            conditions.append(events.type == self.type.upper())
        if self.mode is not None:
            conditions.append(sa.func.lower(events.mode) == self.mode.lower())
        if self.acled_event_type is not None:
            conditions.append(
                sa.func.lower(events.acled_event_type) == self.acled_event_type.lower()
            )
        if self.country is not None:
            conditions.append(events.location_country == self.country.upper())
        if self.admin1 is not None:
            conditions.append(sa.func.lower(events.location_admin1) == self.admin1.lower())
        if self.since is not None:
            conditions.append(events.date_start >= self.since)
        if self.until is not None:
            conditions.append(events.date_start <= self.until)
        if self.actor is not None:
            conditions.append(
                sa.or_(
                    events.actor1_name.icontains(self.actor, autoescape=True),
                    events.actor2_name.icontains(self.actor, autoescape=True),
                )
            )
        if self.text is not None:
            conditions.append(events.sentence.icontains(self.text, autoescape=True))
        if self.bbox is not None:
            west, south, east, north = self.bbox
            conditions.append(events.location_lat.between(south, north))
            if west <= east:
                conditions.append(events.location_lon.between(west, east))
            else:
                conditions.append(
                    sa.or_(events.location_lon >= west, events.location_lon <= east)
                )
        if self.min_corroboration is not None:
            conditions.append(events.corroboration >= self.min_corroboration)
        if self.certainty is not None:
            conditions.append(events.certainty == self.certainty.lower())
        return conditions


def _refuse(field: str, value: object, detail: str) -> NoReturn:
    raise ConfigError("ES202", field, value=value, detail=detail)


def _country(value: str) -> str:
    if len(value) == 3 and value.isalpha() and value.isupper():
        return value
    code = country_code(value)
    if code is None:
        _refuse("country", value, "not a country name or ISO 3166-1 alpha-3 code")
    return code


def _date(field: str, value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        _refuse(field, value, "expected YYYY-MM-DD")


def _int(field: str, value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        _refuse(field, value, "expected a whole number")


def _bbox(value: object) -> BBox:
    if isinstance(value, tuple):
        parts = [str(part) for part in value]
    else:
        parts = str(value).split(",")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        numbers = []
    if len(numbers) != 4:
        _refuse("bbox", value, "expected west,south,east,north in degrees")
    west, south, east, north = numbers
    return (west, south, east, north)


def _check_bbox(bbox: BBox) -> None:
    west, south, east, north = bbox
    shown = ",".join(f"{x:g}" for x in bbox)
    if not (-90 <= south <= north <= 90):
        _refuse("bbox", shown, "south and north must lie within -90..90, south first")
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        _refuse("bbox", shown, "west and east must lie within -180..180")


# Sorting and cursors

_SORT_KEYS: dict[str, tuple[str, object]] = {
    # name: (column, the value standing in for NULL so that keyset paging has no gaps)
    "date": ("date_start", dt.date(1, 1, 1)),
    "killed": ("killed_min", -1),
    "confidence": ("confidence", -1.0),
    "corroboration": ("corroboration", -1),
    "type": ("type", ""),
    "country": ("location_country", ""),
}
SORTS: tuple[str, ...] = tuple(
    name for key in _SORT_KEYS for name in (key, f"-{key}")
)
DEFAULT_SORT = "-date"


@dataclasses.dataclass(frozen=True)
class Sort:
    """An order of events: a key, descending when written ``-key``; ties go by event id
    in the same direction.

    Unknown values (no date, no count) sort as the smallest, so ``-date``
    lists undated events last.
    """

    spec: str = DEFAULT_SORT

    def __post_init__(self) -> None:
        if self.spec not in SORTS:
            _refuse("sort", self.spec, f"use one of {', '.join(SORTS)}")

    @property
    def descending(self) -> bool:
        return self.spec.startswith("-")

    def key(self) -> sa.ColumnElement[Any]:
        column, _ = _SORT_KEYS[self.spec.lstrip("-")]
        return schema.sort_key(column)

    def order_by(self) -> list[sa.ColumnElement[Any]]:
        # Ties go by event id in the same direction, so one index serves both orders.
        columns = (self.key(), schema.events.c.event_id)
        return [c.desc() if self.descending else c.asc() for c in columns]

    def after(self, cursor: str) -> sa.ColumnElement[bool]:
        """The condition for rows after the row a cursor names, in this order."""
        value, event_id = decode_cursor(cursor, self)
        key = self.key()
        here = sa.tuple_(key, schema.events.c.event_id)
        there = sa.tuple_(sa.literal(value, key.type), sa.literal(event_id, sa.Text()))
        return here < there if self.descending else here > there

    def cursor(self, row: Mapping[str, Any]) -> str:
        """The cursor that continues after ``row`` (an event_row) in this order."""
        column, missing = _SORT_KEYS[self.spec.lstrip("-")]
        value = row[column] if row[column] is not None else missing
        if isinstance(value, dt.date):
            value = value.isoformat()
        raw = json.dumps([self.spec, value, row["event_id"]]).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, sort: Sort) -> tuple[Any, str]:
    """The sort value and event id inside a cursor; ES202 when it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        spec, value, event_id = json.loads(raw)
    except (ValueError, binascii.Error, TypeError):
        _refuse("cursor", cursor, "not a cursor from a previous page; start without one")
    if spec != sort.spec or not isinstance(event_id, str):
        _refuse("cursor", cursor, f"it continues sort {spec!r}, not {sort.spec!r}")
    _, missing = _SORT_KEYS[sort.spec.lstrip("-")]
    if isinstance(missing, dt.date):
        value = _date("cursor", value)
    return value, event_id
