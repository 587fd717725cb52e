"""Tells which fields of an event its reports give conflicting values for.

An event merged from several reports keeps every value (counts side by side,
other fields' differing values as ``Variant``). Values conflict when they
cannot all be true:

- a count (one of ``records.COUNT_FIELDS``): two credible values (not
  denied, not hypothetical) whose ranges do not overlap ("several", 3-9, and
  13 do not; "dozens" and 30 do);
- ``date``: a report that states a date (it has evidence; a publication-date
  fallback does not) whose days do not overlap the kept date;
- ``location``: a report that places the event in another country, or names
  a place that is neither part of the kept one nor part of it ("Baghdad" for
  "Green Zone, Baghdad" agrees; the country's name agrees with any place in it).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from eventscope.formats.countries import country_facts
from eventscope.records import COUNT_FIELDS, Event, EventDate, Quantity

_COUNTRY_SUFFIX = re.compile(r"^(?P<name>.*?)\s*\((?P<iso3>[A-Z]{3})\)$")


def count_values(event: Event, field: str) -> list[Quantity]:
    """Every credible value reported for one count: the event's own and its merged reports'."""
    values = list(getattr(event, field))
    values += [v.quantity for v in event.variants if v.field == field and v.quantity is not None]
    return [q for q in values if q.credible and q.min is not None]


def lowest_credible(quantities: Sequence[Quantity]) -> int | None:
    """ACLED's single figure for a count: the lowest credible value; None when none is reported.
    An open-ended "at least 4" counts as 4; "dozens" (24-99) as 24."""
    lows = [q.min for q in quantities if q.credible and q.min is not None]
    return min(lows) if lows else None


def _counts_conflict(values: Sequence[Quantity]) -> bool:
    lows = [q.min for q in values if q.min is not None]
    highs = [q.max for q in values if q.max is not None]
    return bool(lows and highs) and min(highs) < max(lows)


def _days(text: str) -> tuple[dt.date, dt.date] | None:
    """The days of a date as ``combine.date_text`` writes it ("2023-12-07", "a..b")."""
    first, _, last = text.partition("..")
    try:
        return dt.date.fromisoformat(first), dt.date.fromisoformat(last or first)
    except ValueError:
        return None


def _dates_conflict(event: Event) -> bool:
    date: EventDate | None = event.date
    if date is None or date.start is None or date.end is None:
        return False
    for variant in event.variants:
        if variant.field != "date" or variant.evidence is None:
            continue
        days = _days(variant.value)
        if days is not None and (days[1] < date.start or days[0] > date.end):
            return True
    return False


def _place_parts(text: str, country: str | None) -> tuple[str, str | None]:
    match = _COUNTRY_SUFFIX.match(text)
    if match is not None:
        return match.group("name").strip().lower(), match.group("iso3")
    return text.strip().lower(), country


def _is_country(name: str, iso3: str | None) -> bool:
    facts = country_facts(iso3)
    return facts is not None and facts.name.lower() == name


def _places_conflict(event: Event) -> bool:
    place = event.location
    if place is None or place.lat is None:
        return False
    kept = (place.name or place.mention).lower()
    for variant in event.variants:
        if variant.field != "location":
            continue
        name, iso3 = _place_parts(variant.value, place.country)
        if iso3 is not None and place.country is not None and iso3 != place.country:
            return True
        if _is_country(name, iso3) or _is_country(kept, place.country):
            continue
        if name not in kept and kept not in name:
            return True
    return False


def disagreements(event: Event) -> tuple[str, ...]:
    """The fields whose reported values conflict, in record order (see the module docstring)."""
    fields: list[str] = []
    if _places_conflict(event):
        fields.append("location")
    if _dates_conflict(event):
        fields.append("date")
    fields += [f for f in COUNT_FIELDS if _counts_conflict(count_values(event, f))]
    return tuple(fields)
