"""Turns a publication date as a source writes it into a date."""

from __future__ import annotations

import datetime as dt
import re

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def parse_day(value: str) -> dt.date | None:
    """``YYYY-MM-DD`` as a date; ``None`` for any other form or an impossible day."""
    value = value.strip()
    if not _DAY.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def parse_day_or_datetime(value: str) -> dt.date | None:
    """``YYYY-MM-DD`` or an ISO 8601 datetime as the day it names; ``None`` otherwise.

    A datetime with an offset keeps its own calendar day (``2024-03-05T23:30-05:00``
    is 5 March), since that is the date the source printed.
    """
    value = value.strip()
    day = parse_day(value)
    if day is not None or not _DATETIME.match(value):
        return day
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        return None
