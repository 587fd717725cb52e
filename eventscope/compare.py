"""Compares stored events with an ACLED export of the same window, event by event.

Two events match when their ACLED type family agrees (political violence,
demonstrations, strategic developments), their dates are at most
``MAX_DAYS`` apart (an eventscope date range counts from its nearer end) and
their places lie within ``MAX_KM`` km. Pairs are taken closest first (fewest
days apart, then shortest distance), each event at most once, so the result
does not depend on file order. Matched pairs are then scored field by field:
ACLED event type, sub-event type, fatalities (ACLED's number against
``formats.acled.fatalities``), exact date and distance.

``read_acled_csv`` reads the file and stops at the first bad line with a coded
InputError (ES150-ES157) naming the file and the line.
"""

from __future__ import annotations

import csv
import datetime as dt
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventscope.errors import InputError
from eventscope.evaluate import haversine_km
from eventscope.formats.acled import fatalities
from eventscope.formats.countries import ACLED_NAMES, iso3_from_numeric
from eventscope.records import Event
from eventscope.resolve.gazetteer import country_code
from eventscope.store import EventFilter, Store

MAX_DAYS = 1
MAX_KM = 25.0

# ACLED event type -> the family matching compares (ACLED's disorder types, with
# excessive force counted among demonstrations).
TYPE_FAMILIES: dict[str, str] = {
    "Battles": "political violence",
    "Explosions/Remote violence": "political violence",
    "Violence against civilians": "political violence",
    "Protests": "demonstrations",
    "Riots": "demonstrations",
    "Strategic developments": "strategic developments",
}

REQUIRED_COLUMNS = (
    "event_id_cnty", "event_date", "event_type", "sub_event_type", "country",
    "location", "latitude", "longitude", "fatalities",
)

_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y")
_ACLED_ISO3 = {name.casefold(): iso3 for iso3, name in ACLED_NAMES.items()}


@dataclass(frozen=True)
class AcledEvent:
    """One row of an ACLED export, with the fields the comparison reads."""

    event_id_cnty: str
    event_date: dt.date
    event_type: str
    sub_event_type: str | None
    country: str | None  # ISO 3166-1 alpha-3, when the row's iso or country is known
    location: str | None
    latitude: float | None
    longitude: float | None
    fatalities: int
    line: int  # line number in the file, for messages


@dataclass(frozen=True)
class Match:
    """An ACLED event and the eventscope event matched to it, and where they agree."""

    acled: AcledEvent
    event: Event
    days_apart: int
    distance_km: float

    @property
    def event_type_agrees(self) -> bool:
        return self.event.acled_event_type == self.acled.event_type

    @property
    def sub_event_type_agrees(self) -> bool:
        return self.event.acled_sub_event_type == self.acled.sub_event_type

    @property
    def fatalities(self) -> int:
        """eventscope's fatality count, by ACLED's convention."""
        return fatalities(self.event.killed)

    @property
    def fatalities_agree(self) -> bool:
        return self.fatalities == self.acled.fatalities

    @property
    def date_exact(self) -> bool:
        date = self.event.date
        return date is not None and date.start == self.acled.event_date


@dataclass(frozen=True)
class Comparison:
    """What both found, what only ACLED has and what only eventscope has, in one window."""

    since: dt.date | None
    until: dt.date | None
    countries: tuple[str, ...]
    matches: tuple[Match, ...]
    only_acled: tuple[AcledEvent, ...]
    only_eventscope: tuple[Event, ...]
    agreement: dict[str, float | None] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "agreement", _agreement(self.matches))

    def as_json(self) -> dict[str, Any]:
        """A JSON-ready summary: window, counts, per-field agreement and the three lists."""
        return {
            "since": _iso(self.since),
            "until": _iso(self.until),
            "countries": list(self.countries),
            "both": len(self.matches),
            "only_acled": len(self.only_acled),
            "only_eventscope": len(self.only_eventscope),
            "agreement": self.agreement,
            "matches": [
                {
                    "event_id_cnty": m.acled.event_id_cnty,
                    "event_id": m.event.event_id,
                    "days_apart": m.days_apart,
                    "distance_km": round(m.distance_km, 2),
                    "event_type": [m.acled.event_type, m.event.acled_event_type],
                    "sub_event_type": [m.acled.sub_event_type, m.event.acled_sub_event_type],
                    "fatalities": [m.acled.fatalities, m.fatalities],
                    "date": [_iso(m.acled.event_date), _iso(m.event.date.start if m.event.date else None)],
                }
                for m in self.matches
            ],
            "acled_only": [_acled_json(row) for row in self.only_acled],
            "eventscope_only": [_event_json(event) for event in self.only_eventscope],
        }


def read_acled_csv(path: Path) -> list[AcledEvent]:
    """The rows of an ACLED CSV export (UTF-8, with or without a byte-order mark).

    Raises InputError naming ``path``: ES150 unreadable, ES151 not UTF-8,
    ES152 empty, ES153 a required column missing, ES154 a bad date, ES155 a
    bad number, ES156 an event id given twice, ES157 a line with the wrong
    number of fields.
    """
    subject = str(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return _read_rows(handle, subject)
    except UnicodeDecodeError as exc:
        raise InputError("ES151", subject, detail=f"byte {exc.start}: {exc.reason}") from None
    except OSError as exc:
        raise InputError("ES150", subject, detail=exc.strerror or str(exc)) from None
    except csv.Error as exc:
        raise InputError("ES150", subject, detail=str(exc)) from None


def _read_rows(handle: Iterable[str], subject: str) -> list[AcledEvent]:
    reader = csv.reader(handle)
    header = next(reader, None)
    if not header or not any(cell.strip() for cell in header):
        raise InputError("ES152", subject)
    names = [cell.strip().lower() for cell in header]
    missing = [name for name in REQUIRED_COLUMNS if name not in names]
    if missing:
        raise InputError("ES153", subject, missing=", ".join(repr(m) for m in missing))
    rows: list[AcledEvent] = []
    first_line: dict[str, int] = {}
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(names):
            raise InputError("ES157", subject, line=line, got=len(cells), expected=len(names))
        values = {name: cell.strip() for name, cell in zip(names, cells, strict=True)}
        row = _row(values, line, subject)
        if row.event_id_cnty in first_line:
            raise InputError(
                "ES156", subject, line=line, event_id=row.event_id_cnty, first=first_line[row.event_id_cnty]
            )
        first_line[row.event_id_cnty] = line
        rows.append(row)
    return rows


def _row(values: dict[str, str], line: int, subject: str) -> AcledEvent:
    event_type = values["event_type"]
    if event_type not in TYPE_FAMILIES:
        known = ", ".join(TYPE_FAMILIES)
        raise InputError(
            "ES155", subject, line=line, field="event_type", value=event_type, expected=f"one of {known}"
        )
    if not values["event_id_cnty"]:
        raise InputError("ES155", subject, line=line, field="event_id_cnty", value="", expected="an id")
    return AcledEvent(
        event_id_cnty=values["event_id_cnty"],
        event_date=_parse_date(values["event_date"], line, subject),
        event_type=event_type,
        sub_event_type=values["sub_event_type"] or None,
        country=_country(values),
        location=values["location"] or None,
        latitude=_number(values, "latitude", -90.0, 90.0, line, subject),
        longitude=_number(values, "longitude", -180.0, 180.0, line, subject),
        fatalities=_fatalities(values["fatalities"], line, subject),
        line=line,
    )


def _parse_date(text: str, line: int, subject: str) -> dt.date:
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise InputError("ES154", subject, line=line, value=text)


def _number(
    values: dict[str, str], name: str, low: float, high: float, line: int, subject: str
) -> float | None:
    text = values[name]
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        number = float("nan")
    if not low <= number <= high:
        raise InputError(
            "ES155", subject, line=line, field=name, value=text, expected=f"a number from {low:g} to {high:g}"
        )
    return number


def _fatalities(text: str, line: int, subject: str) -> int:
    if not text:
        return 0
    if not text.isdigit():
        raise InputError(
            "ES155", subject, line=line, field="fatalities", value=text, expected="a whole number of 0 or more"
        )
    return int(text)


def _country(values: dict[str, str]) -> str | None:
    iso = values.get("iso", "")
    if iso.isdigit():
        code = iso3_from_numeric(int(iso))
        if code is not None:
            return code
    name = values["country"]
    if not name:
        return None
    return _ACLED_ISO3.get(name.casefold()) or country_code(name)


def compare_acled(
    path: Path,
    store: Store,
    *,
    country: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> Comparison:
    """Compare ``store``'s events with the ACLED export at ``path``.

    The window is ``since``..``until``, by default the first and last dates in
    the file; the countries are ``country`` (ISO3), by default every country in
    the file. Summary statistics are left out, as ACLED has none.
    """
    rows = [
        row
        for row in read_acled_csv(path)
        if (country is None or row.country == country)
        and (since is None or row.event_date >= since)
        and (until is None or row.event_date <= until)
    ]
    dates = [row.event_date for row in rows]
    first = since or (min(dates) if dates else None)
    last = until or (max(dates) if dates else None)
    countries = (country,) if country else tuple(sorted({r.country for r in rows if r.country}))
    margin = dt.timedelta(days=MAX_DAYS)
    events: list[Event] = []
    for code in countries:
        flt = EventFilter(
            country=code,
            since=first - margin if first else None,
            until=last + margin if last else None,
        )
        events.extend(e for e in store.iter_events(flt) if not e.is_aggregate)
    matches, only_acled, only_eventscope = match_events(rows, events)

    def in_window(event: Event) -> bool:
        start = event.date.start if event.date else None
        return start is not None and (first is None or start >= first) and (last is None or start <= last)

    return Comparison(
        since=first,
        until=last,
        countries=countries,
        matches=tuple(matches),
        only_acled=tuple(only_acled),
        only_eventscope=tuple(e for e in only_eventscope if in_window(e)),
    )


def match_events(
    rows: Sequence[AcledEvent],
    events: Sequence[Event],
    *,
    max_days: int = MAX_DAYS,
    max_km: float = MAX_KM,
) -> tuple[list[Match], list[AcledEvent], list[Event]]:
    """Pair ACLED rows with events one to one, closest pairs first.

    Returns the matches (in ACLED row order), the unmatched rows and the
    unmatched events (both in their input order).
    """
    candidates: list[tuple[int, float, int, int]] = []
    for i, row in enumerate(rows):
        for j, event in enumerate(events):
            pair = _closeness(row, event)
            if pair is not None and pair[0] <= max_days and pair[1] <= max_km:
                candidates.append((pair[0], pair[1], i, j))
    candidates.sort()
    taken_rows: dict[int, Match] = {}
    taken_events: set[int] = set()
    for days, km, i, j in candidates:
        if i in taken_rows or j in taken_events:
            continue
        taken_rows[i] = Match(acled=rows[i], event=events[j], days_apart=days, distance_km=km)
        taken_events.add(j)
    matches = [taken_rows[i] for i in sorted(taken_rows)]
    only_acled = [row for i, row in enumerate(rows) if i not in taken_rows]
    only_eventscope = [event for j, event in enumerate(events) if j not in taken_events]
    return matches, only_acled, only_eventscope


def _closeness(row: AcledEvent, event: Event) -> tuple[int, float] | None:
    """Days apart and km apart, or None when the pair cannot match at all."""
    family = TYPE_FAMILIES.get(event.acled_event_type or "")
    if family is None or family != TYPE_FAMILIES[row.event_type]:
        return None
    date, place = event.date, event.location
    if date is None or date.start is None:
        return None
    if place is None or place.lat is None or place.lon is None:
        return None
    if row.latitude is None or row.longitude is None:
        return None
    end = date.end or date.start
    if date.start <= row.event_date <= end:
        days = 0
    else:
        days = min(abs((row.event_date - date.start).days), abs((row.event_date - end).days))
    return days, haversine_km(row.latitude, row.longitude, place.lat, place.lon)


def _agreement(matches: Sequence[Match]) -> dict[str, float | None]:
    def share(values: list[bool]) -> float | None:
        return round(sum(values) / len(values), 3) if values else None

    distances = [m.distance_km for m in matches]
    return {
        "event_type": share([m.event_type_agrees for m in matches]),
        "sub_event_type": share([m.sub_event_type_agrees for m in matches]),
        "fatalities": share([m.fatalities_agree for m in matches]),
        "date_exact": share([m.date_exact for m in matches]),
        "median_distance_km": round(statistics.median(distances), 2) if distances else None,
        "max_distance_km": round(max(distances), 2) if distances else None,
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _acled_json(row: AcledEvent) -> dict[str, Any]:
    return {
        "event_id_cnty": row.event_id_cnty,
        "event_date": row.event_date.isoformat(),
        "event_type": row.event_type,
        "sub_event_type": row.sub_event_type,
        "location": row.location,
        "fatalities": row.fatalities,
    }


def _event_json(event: Event) -> dict[str, Any]:
    place = event.location
    return {
        "event_id": event.event_id,
        "date_start": _iso(event.date.start if event.date else None),
        "type": event.type.value,
        "acled_event_type": event.acled_event_type,
        "acled_sub_event_type": event.acled_sub_event_type,
        "location_name": (place.name or place.mention) if place else None,
        "sentence": event.evidence.text,
    }
