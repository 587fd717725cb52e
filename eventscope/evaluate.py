"""Scores eventscope's events and toponyms against gold files.

The gold formats and the metric names are those of ``FORMAT.md`` in the
evaluation sets. Reading gold files (:func:`read_gold`, :func:`read_place_gold`)
is the only I/O here; scoring takes the system's records and returns a report.
Both scorers take one case at a time, so a gold file is scored in one streaming
pass: besides the counts, a report keeps only its 20 worst cases and, for
places, the list of error distances its median needs.

Matching events
---------------
Within one case, system events are paired with gold events one to one, best
pair first (greedy). A (gold, system) pair is a *candidate* when

* their **type agrees**: the gold ``type`` equals the system's PLOVER type; when
  the gold event has no ``type``, its ``acled_event_type`` equals the system's
  ``acled_event_type``; a gold event with neither never agrees on type; or
* their **place and date agree**: both have coordinates and are at most 161 km
  apart (haversine), and both have a date and the gold date lies inside the
  system's ``[date.start, date.end]`` (``end`` missing: the single day ``start``).

Candidates are ranked by this key, smallest first, and taken in that order
while both sides are still free:

1. 0 when the type agrees, else 1;
2. the place band: 0 within 25 km, 1 within 161 km, 2 farther or unknown
   (either side has no coordinates);
3. the date gap in days: 0 when the gold date is inside the system's range,
   else the days to the nearer end of it; infinite when either date is missing;
4. the distance in km (infinite when unknown);
5. the gold event's position, then the system event's, so ties are stable.

So a wrongly typed event is still matched when it is at the right place on the
right day, and then counts against ``type_accuracy`` but not against recall.

Event metrics
-------------
Field metrics (``type_accuracy`` ... ``arrested_exact``) are shares of the gold
events that have the field; a gold event left unmatched counts as wrong, and so
does a matched system event that lacks the value. Compared values:

* ``type_accuracy``: ``Event.type``; ``acled_type_accuracy``,
  ``acled_subtype_accuracy``, ``cameo_root_accuracy``: the same-named fields,
  exactly; ``country_accuracy``: ``Event.location.country``;
* ``location_within_25km`` / ``_161km``: haversine distance between
  ``Event.location`` lat/lon and the gold lat/lon (gold needs both);
* ``date_exact``: ``Event.date.start`` equals the gold date;
* ``killed_exact``: the system's figure is the lowest credible number, ACLED's
  convention: the smallest ``min`` among the event's ``killed`` quantities. An
  event with no killed quantity reports 0 killed (ACLED codes "no fatalities
  reported" as 0). Quantities exist but none has a ``min``: no figure, wrong.
* ``killed_within_range``: the gold number lies inside [smallest ``min``,
  largest ``max``] of the killed quantities; a missing ``min`` leaves the range
  open down to 0, a missing ``max`` leaves it open above; no quantity: [0, 0];
* ``arrested_exact``: as ``killed_exact``, over the ``arrested`` quantities.

``event_precision`` is matched pairs over system events, ``event_recall``
matched pairs over gold events, ``event_f1`` twice the matched pairs over
system plus gold events (which equals 2PR / (P + R)). A metric with nothing to
score is ``None``.

The ACLED confusion table maps each gold ``acled_event_type`` to the matched
system event's ACLED type, ``"(none)"`` when the gold event is unmatched or the
system gave no ACLED type; its ``"(none)"`` row counts the ACLED types of system
events that matched no gold event.

A case's badness is (gold events missed, wrong fields on matched pairs, extra
system events), compared in that order; a wrong field is any field metric
above that fails, counting the location once (when not within 25 km). The 20
worst cases are the 20 largest, earlier cases first among equals; perfect cases
are never listed.

Matching places
---------------
A system toponym is a :class:`~eventscope.records.Place` whose ``evidence``
``start``/``end`` give its span (a Place without evidence matches nothing). A
system span and a gold span overlap when they share at least one character.
Pairs are one to one, the largest overlap first, then by gold and system
position. ``toponym_precision`` is matched system spans over system spans,
``toponym_recall`` matched gold spans over gold spans, ``toponym_f1`` as for
events. Over the matched spans whose gold has coordinates,
``accuracy_within_161km`` / ``_25km`` are the shares the system placed that
near (a system place without coordinates is wrong); ``median_error_km`` and
``mean_error_km`` cover the matched spans where both sides have coordinates.
``geonameid_exact`` is the share, over matched spans whose gold has a GeoNames
id, where the system's id is the same. The 20 worst misses are the matched
toponyms placed farthest from their gold coordinates (more than 25 km off);
toponyms the system did not find or could not place show in the measures only.
"""

from __future__ import annotations

import datetime as dt
import heapq
import json
import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from eventscope.errors import InputError
from eventscope.ingest.jsonl import json_object
from eventscope.records import Event, EventType, GeoPrecision, Place, Quantity

EVENT_METRICS = (
    "type_accuracy",
    "acled_type_accuracy",
    "acled_subtype_accuracy",
    "cameo_root_accuracy",
    "event_precision",
    "event_recall",
    "event_f1",
    "country_accuracy",
    "location_within_25km",
    "location_within_161km",
    "date_exact",
    "killed_exact",
    "killed_within_range",
    "arrested_exact",
)
PLACE_RATIO_METRICS = (
    "toponym_precision",
    "toponym_recall",
    "toponym_f1",
    "accuracy_within_161km",
    "accuracy_within_25km",
    "geonameid_exact",
)
PLACE_METRICS = (*PLACE_RATIO_METRICS, "median_error_km", "mean_error_km")

NEAR_KM = 25.0
FAR_KM = 161.0  # 100 miles, the usual geoparsing threshold
EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)
WORST_COUNT = 20
NO_TYPE = "(none)"
CONTEXT_CHARS = 60

GOLD_CASE_KEYS = ("id", "text", "published", "events")
GOLD_EVENT_KEYS = (
    "type",
    "mode",
    "acled_event_type",
    "acled_sub_event_type",
    "cameo_root",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "lat",
    "lon",
    "geo_precision",
    "date",
    "time_precision",
    "killed",
    "injured",
    "arrested",
)
PLACE_CASE_KEYS = ("id", "text", "places")
GOLD_PLACE_KEYS = ("start", "end", "name", "geonameid", "lat", "lon")

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_CAMEO_ROOT = re.compile(r"0[1-9]|1\d|20")
_ISO3 = re.compile(r"[A-Z]{3}")
_PLOVER = re.compile("|".join(member.value for member in EventType))


# --- gold records -------------------------------------------------------------


@dataclass(frozen=True)
class GoldEvent:
    """One event a human coder found in a gold case; every field may be missing."""

    type: EventType | None = None
    mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    cameo_root: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    admin1: str | None = None
    location: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: GeoPrecision | None = None
    date: dt.date | None = None
    time_precision: int | None = None  # ACLED's 1 (day) to 3 (month)
    killed: int | None = None
    injured: int | None = None
    arrested: int | None = None


@dataclass(frozen=True)
class GoldCase:
    """One line of an event gold file: a text and the events coded in it."""

    id: str
    text: str
    published: dt.date | None = None
    events: tuple[GoldEvent, ...] = ()


@dataclass(frozen=True)
class GoldPlace:
    """A toponym span of a place gold case with its true location."""

    start: int
    end: int
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class PlaceCase:
    """One line of a place gold file: an article and its toponyms."""

    id: str
    text: str
    places: tuple[GoldPlace, ...] = ()


def case_publication_date(case: GoldCase) -> dt.date | None:
    """The date to read the case against: ``published``, else its first gold event date."""
    if case.published is not None:
        return case.published
    return next((event.date for event in case.events if event.date is not None), None)


# --- reading gold files ----------------------------------------------------------


def read_gold(path: str | Path) -> Iterator[GoldCase]:
    """The cases of an event gold file, in file order, read lazily.

    Stops at the first bad line with an InputError whose subject is the path
    and whose message names the line: ES107 (not JSON), ES114 (not an object),
    ES140 (no ``id``, ``text`` or ``events``), ES141 (a value of the wrong kind),
    ES142 (an unknown key) or ES144 (an id used twice). A missing file is ES101,
    an unreadable one ES106 or ES123, one without cases ES103.
    """
    seen: dict[str, int] = {}
    for line, fields in _objects(path):
        case = _gold_case(fields)
        first = seen.setdefault(case.id, line)
        if first != line:
            raise fields.error("ES144", case_id=case.id, first=first)
        yield case


def read_place_gold(path: str | Path) -> Iterator[PlaceCase]:
    """The cases of a place gold file, in file order, read lazily.

    Errors as for :func:`read_gold` (with ``places`` for ``events``), plus
    ES143 when ``text[start:end]`` is not the place's ``name``.
    """
    seen: dict[str, int] = {}
    for line, fields in _objects(path):
        case = _place_case(fields)
        first = seen.setdefault(case.id, line)
        if first != line:
            raise fields.error("ES144", case_id=case.id, first=first)
        yield case


class _Fields:
    """Typed access to one JSON object of a gold line; bad values raise coded errors."""

    def __init__(
        self,
        record: dict[str, object],
        origin: str,
        line: int,
        where: str = "",
        case_id: str | None = None,
    ) -> None:
        self.record = record
        self.origin = origin
        self.line = line
        self.where = where  # "" for the case itself, else e.g. "events[0]"
        self.case_id = case_id

    def error(self, code: str, **values: object) -> InputError:
        return InputError(code, self.origin, article_id=self.case_id, line=self.line, **values)

    def child(self, key: str, index: int, value: object) -> _Fields:
        where = f"{key}[{index}]"
        if not isinstance(value, dict):
            raise self.error("ES141", field=where, expected="an object", got=_show(value))
        return _Fields(value, self.origin, self.line, where, self.case_id)

    def check_keys(self, known: Sequence[str], required: Sequence[str] = ()) -> None:
        where = self.where or "the case"
        for key in required:
            if self.record.get(key) is None:
                names = [repr(name) for name in required]
                wanted = ", ".join(names[:-1]) + " and " + names[-1]
                raise self.error("ES140", where=where, key=key, required=wanted)
        for key in self.record:
            if key not in known:
                raise self.error("ES142", key=key, where=where, known=", ".join(known))

    def name(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def bad(self, key: str, expected: str) -> InputError:
        return self.error(
            "ES141", field=self.name(key), expected=expected, got=_show(self.record.get(key))
        )

    def text(
        self, key: str, pattern: re.Pattern[str] | None = None, expected: str = ""
    ) -> str | None:
        value = self.record.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.bad(key, "a non-empty string")
        if pattern is not None and not pattern.fullmatch(value):
            raise self.bad(key, expected)
        return value

    def required_text(self, key: str) -> str:
        value = self.text(key)
        assert value is not None  # check_keys made it required
        return value

    def number(self, key: str, limit: float) -> float | None:
        value = self.record.get(key)
        if value is None:
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not abs(value) <= limit  # also rejects NaN
        ):
            raise self.bad(key, f"a number from {-limit:g} to {limit:g}")
        return float(value)

    def integer(self, key: str, low: int, high: int | None = None) -> int | None:
        value = self.record.get(key)
        if value is None:
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or value < low
            or (high is not None and value > high)
        ):
            expected = (
                f"a whole number from {low} to {high}"
                if high is not None
                else f"a whole number >= {low}"
            )
            raise self.bad(key, expected)
        return value

    def day(self, key: str) -> dt.date | None:
        value = self.record.get(key)
        if value is None:
            return None
        if isinstance(value, str) and _DAY.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise self.bad(key, "a date YYYY-MM-DD")

    def items(self, key: str) -> list[object]:
        value = self.record.get(key)
        if not isinstance(value, list):
            raise self.bad(key, "an array")
        return value


def _show(value: object) -> str:
    """A short rendering of a JSON value for an error message."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def _objects(path: str | Path) -> Iterator[tuple[int, _Fields]]:
    """Each non-blank line of a JSON Lines file as (line number, its object)."""
    origin = str(path)
    found = False
    try:
        with open(path, encoding="utf-8-sig", newline="\n") as handle:
            for line, content in enumerate(handle, start=1):
                if not content.strip():
                    continue
                found = True
                yield line, _fields(content, origin, line)
    except FileNotFoundError:
        raise InputError("ES101", origin) from None
    except UnicodeDecodeError as exc:
        raise InputError("ES106", origin, detail=f"byte {exc.start}: {exc.reason}") from None
    except IsADirectoryError:
        raise InputError("ES123", origin, detail="it is a directory") from None
    except OSError as exc:
        raise InputError("ES123", origin, detail=exc.strerror or str(exc)) from None
    if not found:
        raise InputError("ES103", origin)


def _fields(content: str, origin: str, line: int) -> _Fields:
    return _Fields(json_object(content, line, origin), origin, line)


def _case_head(fields: _Fields, known: Sequence[str], list_key: str) -> tuple[str, str]:
    fields.check_keys(known, ("id", "text", list_key))
    case_id = fields.required_text("id")
    fields.case_id = case_id
    return case_id, fields.required_text("text")


def _gold_case(fields: _Fields) -> GoldCase:
    case_id, text = _case_head(fields, GOLD_CASE_KEYS, "events")
    published = fields.day("published")
    events = tuple(
        _gold_event(fields.child("events", index, value))
        for index, value in enumerate(fields.items("events"))
    )
    return GoldCase(id=case_id, text=text, published=published, events=events)


def _gold_event(fields: _Fields) -> GoldEvent:
    fields.check_keys(GOLD_EVENT_KEYS)
    type_name = fields.text("type", _PLOVER, f"a PLOVER type ({', '.join(EventType.__members__)})")
    geo_precision = fields.integer("geo_precision", 1, 3)
    return GoldEvent(
        type=EventType(type_name) if type_name is not None else None,
        mode=fields.text("mode"),
        acled_event_type=fields.text("acled_event_type"),
        acled_sub_event_type=fields.text("acled_sub_event_type"),
        cameo_root=fields.text("cameo_root", _CAMEO_ROOT, "a CAMEO root '01' to '20' as a string"),
        actor1=fields.text("actor1"),
        actor2=fields.text("actor2"),
        country=fields.text("country", _ISO3, "an ISO 3166-1 alpha-3 code such as 'KEN'"),
        admin1=fields.text("admin1"),
        location=fields.text("location"),
        lat=fields.number("lat", 90.0),
        lon=fields.number("lon", 180.0),
        geo_precision=GeoPrecision(geo_precision) if geo_precision is not None else None,
        date=fields.day("date"),
        time_precision=fields.integer("time_precision", 1, 3),
        killed=fields.integer("killed", 0),
        injured=fields.integer("injured", 0),
        arrested=fields.integer("arrested", 0),
    )


def _place_case(fields: _Fields) -> PlaceCase:
    case_id, text = _case_head(fields, PLACE_CASE_KEYS, "places")
    places = tuple(
        _gold_place(fields.child("places", index, value), text)
        for index, value in enumerate(fields.items("places"))
    )
    return PlaceCase(id=case_id, text=text, places=places)


def _gold_place(fields: _Fields, text: str) -> GoldPlace:
    fields.check_keys(GOLD_PLACE_KEYS, ("start", "end", "name"))
    start = fields.integer("start", 0, len(text))
    end = fields.integer("end", 0, len(text))
    name = fields.text("name")
    assert start is not None and end is not None and name is not None  # required keys
    if text[start:end] != name:
        raise fields.error(
            "ES143", field=fields.where, start=start, end=end, found=text[start:end], name=name
        )
    return GoldPlace(
        start=start,
        end=end,
        name=name,
        geonameid=fields.integer("geonameid", 1),
        lat=fields.number("lat", 90.0),
        lon=fields.number("lon", 180.0),
    )


# --- shared scoring pieces ---------------------------------------------------------


@dataclass(frozen=True)
class Metric:
    """One reported measure: ``correct`` out of ``total`` scorable items."""

    name: str
    correct: int
    total: int

    @property
    def value(self) -> float | None:
        """The share in [0, 1], or None when nothing was scorable."""
        return self.correct / self.total if self.total else None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in decimal degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = math.radians(lon2 - lon1) / 2
    a = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _distance_km(lat: float | None, lon: float | None, place: Place | None) -> float | None:
    if lat is None or lon is None or place is None or place.lat is None or place.lon is None:
        return None
    return haversine_km(lat, lon, place.lat, place.lon)


def _detection(
    matched: int, system: int, gold: int, prefix: str
) -> tuple[Counter[str], Counter[str]]:
    """(correct, total) of PREFIX_precision, _recall and _f1 (F1 = 2m / (s + g))."""
    correct = Counter({f"{prefix}_precision": matched, f"{prefix}_recall": matched})
    total = Counter({f"{prefix}_precision": system, f"{prefix}_recall": gold})
    correct[f"{prefix}_f1"] = 2 * matched
    total[f"{prefix}_f1"] = system + gold
    return correct, total


T = TypeVar("T")


class _Worst(Generic[T]):
    """The ``WORST_COUNT`` items with the largest keys seen, earlier items first among equals."""

    def __init__(self) -> None:
        self._heap: list[tuple[tuple[float, ...], int, T]] = []
        self._seen = 0

    def offer(self, key: tuple[float, ...], item: T) -> None:
        self._seen += 1
        entry = (key, -self._seen, item)
        if len(self._heap) < WORST_COUNT:
            heapq.heappush(self._heap, entry)
        elif entry[:2] > self._heap[0][:2]:
            heapq.heapreplace(self._heap, entry)

    def items(self) -> tuple[T, ...]:
        return tuple(item for _, _, item in sorted(self._heap, key=lambda e: e[:2], reverse=True))


# --- events --------------------------------------------------------------------------


@dataclass(frozen=True)
class WorstCase:
    """A case the system got badly wrong, with what went wrong, to read."""

    id: str
    text: str
    missed: int  # gold events with no matched system event
    wrong_fields: int  # failed field metrics over the matched pairs
    extra: int  # system events that matched no gold event
    problems: tuple[str, ...]


@dataclass(frozen=True)
class EventReport:
    """What ``eventscope evaluate`` reports for an event gold file."""

    cases: int
    gold_events: int
    system_events: int
    matched_events: int
    metrics: tuple[Metric, ...]  # in EVENT_METRICS order
    acled_confusion: Mapping[str, Mapping[str, int]]  # gold type -> system type -> count
    worst_cases: tuple[WorstCase, ...]

    def metric(self, name: str) -> Metric:
        """The metric called ``name``, one of EVENT_METRICS."""
        for metric in self.metrics:
            if metric.name == name:
                return metric
        raise KeyError(name)

    def as_json(self) -> dict[str, float | int | None]:
        """The ``--json`` object: each metric's value, then ``cases`` and ``gold_events``."""
        result: dict[str, float | int | None] = {m.name: m.value for m in self.metrics}
        result["cases"] = self.cases
        result["gold_events"] = self.gold_events
        return result


def _type_agrees(gold: GoldEvent, system: Event) -> bool:
    if gold.type is not None:
        return system.type == gold.type
    if gold.acled_event_type is not None:
        return system.acled_event_type == gold.acled_event_type
    return False


def date_gap(gold: GoldEvent, system: Event) -> float:
    """Days from the gold date to the system's date range; 0 inside it, inf when unknown."""
    if gold.date is None or system.date is None or system.date.start is None:
        return math.inf
    start = system.date.start
    end = system.date.end if system.date.end is not None else start
    if gold.date < start:
        return float((start - gold.date).days)
    if gold.date > end:
        return float((gold.date - end).days)
    return 0.0


def distance_band(distance: float | None) -> float:
    """How near a pair's places are: 0 within NEAR_KM, 1 within FAR_KM, 2 beyond or unknown."""
    if distance is None:
        return 2.0
    return 0.0 if distance <= NEAR_KM else 1.0 if distance <= FAR_KM else 2.0


def place_distance_km(gold: GoldEvent, system: Event) -> float | None:
    """Kilometres between the gold and the system coordinates; None when either is unknown."""
    return _distance_km(gold.lat, gold.lon, system.location)


def _pair_key(gold: GoldEvent, system: Event) -> tuple[float, float, float, float] | None:
    """The ranking key of a candidate pair (smaller is better), None when not a candidate."""
    type_agrees = _type_agrees(gold, system)
    distance = place_distance_km(gold, system)
    gap = date_gap(gold, system)
    near = distance is not None and distance <= FAR_KM
    if not type_agrees and not (near and gap == 0):
        return None
    far = math.inf if distance is None else distance
    return (0.0 if type_agrees else 1.0, distance_band(distance), gap, far)


def match_events(gold: Sequence[GoldEvent], system: Sequence[Event]) -> list[tuple[int, int]]:
    """The matched (gold index, system index) pairs in gold order (rule: module docstring)."""
    candidates: list[tuple[tuple[float, ...], int, int]] = []
    for i, gold_event in enumerate(gold):
        for j, system_event in enumerate(system):
            key = _pair_key(gold_event, system_event)
            if key is not None:
                candidates.append((key, i, j))
    return pair_greedily(candidates)


def pair_greedily(candidates: list[tuple[tuple[float, ...], int, int]]) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs from scored candidates, best key first,
    in gold order."""
    candidates.sort()
    pairs: list[tuple[int, int]] = []
    gold_taken: set[int] = set()
    system_taken: set[int] = set()
    for _, i, j in candidates:
        if i not in gold_taken and j not in system_taken:
            gold_taken.add(i)
            system_taken.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def lowest_credible(quantities: Sequence[Quantity]) -> int | None:
    """The system's figure: the smallest known ``min``; 0 when nothing is reported."""
    if not quantities:
        return 0
    mins = [q.min for q in quantities if q.min is not None]
    return min(mins) if mins else None


def within_reported_range(value: int, quantities: Sequence[Quantity]) -> bool:
    """Whether ``value`` lies in [smallest min, largest max]; no quantities is [0, 0]."""
    if not quantities:
        return value == 0
    low = min(q.min if q.min is not None else 0 for q in quantities)
    maxes = [q.max for q in quantities]
    high = math.inf if any(m is None for m in maxes) else max(m for m in maxes if m is not None)
    return low <= value <= high


def _describe_gold(event: GoldEvent) -> str:
    acled = "/".join(t for t in (event.acled_event_type, event.acled_sub_event_type) if t)
    if event.type is not None:
        kind = f"{event.type.value} ({acled})" if acled else event.type.value
    else:
        kind = acled or "untyped event"
    parts = [kind]
    if event.location or event.country:
        parts.append(f"at {event.location or event.country}")
    if event.date is not None:
        parts.append(f"on {event.date.isoformat()}")
    return " ".join(parts)


def _describe_system(event: Event) -> str:
    parts = [event.type.value]
    if event.acled_event_type:
        parts.append(f"({event.acled_event_type})")
    parts.append(repr(event.trigger.text))
    if event.location is not None:
        parts.append(f"at {event.location.name or event.location.mention}")
    if event.date is not None and event.date.start is not None:
        parts.append(f"on {event.date.start.isoformat()}")
    return " ".join(parts)


_FieldResult = tuple[str, bool, str | None]  # (metric, correct, what was wrong)


def _compare(metric: str, label: str, gold: str, system: str | None, matched: bool) -> _FieldResult:
    ok = matched and system == gold
    problem = None if ok or not matched else f"{label} {system!r}, gold {gold!r}"
    return metric, ok, problem


def _count_result(
    metric: str, label: str, gold: int, quantities: Sequence[Quantity], matched: bool
) -> _FieldResult:
    figure = lowest_credible(quantities) if matched else None
    ok = figure == gold
    problem = None if ok or not matched else f"{label} {figure}, gold {gold}"
    return metric, ok, problem


def _field_results(gold: GoldEvent, system: Event | None) -> list[_FieldResult]:
    """The field metrics the gold event can score, each with its outcome.

    The problem text is None when the field is right or the gold event is unmatched.
    """
    matched = system is not None
    results: list[_FieldResult] = []
    if gold.type is not None:
        system_type = system.type.value if system is not None else None
        results.append(_compare("type_accuracy", "type", gold.type.value, system_type, matched))
    for metric, label in (
        ("acled_type_accuracy", "acled_event_type"),
        ("acled_subtype_accuracy", "acled_sub_event_type"),
        ("cameo_root_accuracy", "cameo_root"),
    ):
        gold_value: str | None = getattr(gold, label)
        if gold_value is not None:
            system_value: str | None = getattr(system, label) if system is not None else None
            results.append(_compare(metric, label, gold_value, system_value, matched))
    location = system.location if system is not None else None
    if gold.country is not None:
        country = location.country if location is not None else None
        results.append(_compare("country_accuracy", "country", gold.country, country, matched))
    if gold.lat is not None and gold.lon is not None:
        distance = _distance_km(gold.lat, gold.lon, location)
        where = gold.location or f"{gold.lat:.4f}, {gold.lon:.4f}"
        near = distance is not None and distance <= NEAR_KM
        problem = None
        if matched and not near:
            problem = (
                f"no system coordinates, gold {where}"
                if distance is None
                else f"placed {distance:.0f} km from gold {where}"
            )
        results.append(("location_within_25km", near, problem))
        results.append(("location_within_161km", distance is not None and distance <= FAR_KM, None))
    if gold.date is not None:
        start = system.date.start if system is not None and system.date is not None else None
        ok = matched and start == gold.date
        problem = None if ok or not matched else f"date {start}, gold {gold.date}"
        results.append(("date_exact", ok, problem))
    if gold.killed is not None:
        killed = system.killed if system is not None else ()
        results.append(_count_result("killed_exact", "killed", gold.killed, killed, matched))
        in_range = matched and within_reported_range(gold.killed, killed)
        results.append(("killed_within_range", in_range, None))
    if gold.arrested is not None:
        arrested = system.arrested if system is not None else ()
        results.append(
            _count_result("arrested_exact", "arrested", gold.arrested, arrested, matched)
        )
    return results


class EventScorer:
    """Scores event cases one at a time; :func:`score_events` runs it over a stream."""

    def __init__(self) -> None:
        self._cases = 0
        self._gold = 0
        self._system = 0
        self._matched = 0
        self._correct: Counter[str] = Counter()
        self._total: Counter[str] = Counter()
        self._confusion: defaultdict[str, Counter[str]] = defaultdict(Counter)
        self._worst: _Worst[WorstCase] = _Worst()

    def add(self, case: GoldCase, events: Sequence[Event]) -> None:
        """Score the system's events for one gold case."""
        pairs = match_events(case.events, events)
        system_for = dict(pairs)
        matched_system = set(system_for.values())
        self._cases += 1
        self._gold += len(case.events)
        self._system += len(events)
        self._matched += len(pairs)
        problems: list[str] = []
        wrong = 0
        for i, gold in enumerate(case.events):
            system = events[system_for[i]] if i in system_for else None
            if system is None:
                problems.append(f"gold event {i + 1} not found: {_describe_gold(gold)}")
            for metric, ok, problem in _field_results(gold, system):
                self._total[metric] += 1
                self._correct[metric] += ok
                if problem is not None:
                    wrong += 1
                    problems.append(f"gold event {i + 1}: {problem}")
            if gold.acled_event_type is not None:
                found = system.acled_event_type if system is not None else None
                self._confusion[gold.acled_event_type][found or NO_TYPE] += 1
        extra = 0
        for j, system in enumerate(events):
            if j in matched_system:
                continue
            extra += 1
            problems.append(f"extra system event: {_describe_system(system)}")
            if system.acled_event_type is not None:
                self._confusion[NO_TYPE][system.acled_event_type] += 1
        missed = len(case.events) - len(pairs)
        if problems:
            worst = WorstCase(case.id, case.text, missed, wrong, extra, tuple(problems))
            self._worst.offer((missed, wrong, extra), worst)

    def report(self) -> EventReport:
        """The report over every case added so far."""
        detected = _detection(self._matched, self._system, self._gold, "event")
        correct, total = self._correct + detected[0], self._total + detected[1]
        metrics = tuple(Metric(name, correct[name], total[name]) for name in EVENT_METRICS)
        confusion = {
            gold: dict(sorted(found.items())) for gold, found in sorted(self._confusion.items())
        }
        return EventReport(
            cases=self._cases,
            gold_events=self._gold,
            system_events=self._system,
            matched_events=self._matched,
            metrics=metrics,
            acled_confusion=confusion,
            worst_cases=self._worst.items(),
        )


def score_events(pairs: Iterable[tuple[GoldCase, Sequence[Event]]]) -> EventReport:
    """Score (gold case, system events) pairs in one pass; see the module docstring."""
    scorer = EventScorer()
    for case, events in pairs:
        scorer.add(case, events)
    return scorer.report()


# --- places --------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceMiss:
    """A matched toponym the system placed more than 25 km from its true location."""

    id: str
    name: str  # the gold toponym
    start: int
    end: int
    context: str  # the text around the toponym
    error_km: float
    gold_geonameid: int | None
    system_name: str | None
    system_geonameid: int | None


@dataclass(frozen=True)
class PlaceReport:
    """What ``eventscope evaluate --places`` reports for a place gold file."""

    cases: int
    gold_places: int
    system_places: int
    matched_places: int
    metrics: tuple[Metric, ...]  # in PLACE_RATIO_METRICS order
    median_error_km: float | None
    mean_error_km: float | None
    worst_misses: tuple[PlaceMiss, ...]

    def metric(self, name: str) -> Metric:
        """The ratio metric called ``name``, one of PLACE_RATIO_METRICS."""
        for metric in self.metrics:
            if metric.name == name:
                return metric
        raise KeyError(name)

    def as_json(self) -> dict[str, float | None]:
        """The ``--json`` object: exactly the keys of PLACE_METRICS."""
        result: dict[str, float | None] = {m.name: m.value for m in self.metrics}
        result["median_error_km"] = self.median_error_km
        result["mean_error_km"] = self.mean_error_km
        return result


def match_places(gold: Sequence[GoldPlace], system: Sequence[Place]) -> list[tuple[int, int]]:
    """The matched (gold index, system index) pairs of overlapping spans, in gold order."""
    candidates: list[tuple[int, int, int]] = []
    for j, place in enumerate(system):
        if place.evidence is None:
            continue
        start, end = place.evidence.start, place.evidence.end
        for i, gold_place in enumerate(gold):
            overlap = min(end, gold_place.end) - max(start, gold_place.start)
            if overlap > 0:
                candidates.append((-overlap, i, j))
    candidates.sort()
    pairs: list[tuple[int, int]] = []
    gold_taken: set[int] = set()
    system_taken: set[int] = set()
    for _, i, j in candidates:
        if i not in gold_taken and j not in system_taken:
            gold_taken.add(i)
            system_taken.add(j)
            pairs.append((i, j))
    return sorted(pairs)


class PlaceScorer:
    """Scores place cases one at a time; :func:`score_places` runs it over a stream."""

    def __init__(self) -> None:
        self._cases = 0
        self._gold = 0
        self._system = 0
        self._matched = 0
        self._correct: Counter[str] = Counter()
        self._total: Counter[str] = Counter()
        self._errors: list[float] = []
        self._worst: _Worst[PlaceMiss] = _Worst()

    def add(self, case: PlaceCase, places: Sequence[Place]) -> None:
        """Score the system's toponyms for one gold case."""
        pairs = match_places(case.places, places)
        self._cases += 1
        self._gold += len(case.places)
        self._system += len(places)
        self._matched += len(pairs)
        for i, j in pairs:
            gold, place = case.places[i], places[j]
            if gold.geonameid is not None:
                self._total["geonameid_exact"] += 1
                self._correct["geonameid_exact"] += place.geonameid == gold.geonameid
            if gold.lat is None or gold.lon is None:
                continue
            self._total["accuracy_within_161km"] += 1
            self._total["accuracy_within_25km"] += 1
            error = _distance_km(gold.lat, gold.lon, place)
            if error is None:
                continue
            self._errors.append(error)
            self._correct["accuracy_within_161km"] += error <= FAR_KM
            self._correct["accuracy_within_25km"] += error <= NEAR_KM
            if error <= NEAR_KM:
                continue
            context = case.text[max(0, gold.start - CONTEXT_CHARS) : gold.end + CONTEXT_CHARS]
            miss = PlaceMiss(
                id=case.id,
                name=gold.name,
                start=gold.start,
                end=gold.end,
                context=" ".join(context.split()),
                error_km=error,
                gold_geonameid=gold.geonameid,
                system_name=place.name,
                system_geonameid=place.geonameid,
            )
            self._worst.offer((error,), miss)

    def report(self) -> PlaceReport:
        """The report over every case added so far."""
        detected = _detection(self._matched, self._system, self._gold, "toponym")
        correct, total = self._correct + detected[0], self._total + detected[1]
        metrics = tuple(Metric(name, correct[name], total[name]) for name in PLACE_RATIO_METRICS)
        errors = self._errors
        return PlaceReport(
            cases=self._cases,
            gold_places=self._gold,
            system_places=self._system,
            matched_places=self._matched,
            metrics=metrics,
            median_error_km=statistics.median(errors) if errors else None,
            mean_error_km=statistics.fmean(errors) if errors else None,
            worst_misses=self._worst.items(),
        )


def score_places(pairs: Iterable[tuple[PlaceCase, Sequence[Place]]]) -> PlaceReport:
    """Score (gold case, system toponyms) pairs in one pass; see the module docstring."""
    scorer = PlaceScorer()
    for case, places in pairs:
        scorer.add(case, places)
    return scorer.report()
