"""Resolves a time expression to a date range against the publication date.

Our own rules for what news writes (dateparser gets several relative forms
wrong): "today", "yesterday", "last night", weekdays ("on Thursday" is the
most recent Thursday on or before publication), "last week", "this week",
"last month", "N days ago", "the same day" (the anchor: the date of the
event just mentioned), "since October 7" (a range up to publication), month
names ("in March" -> month precision) and dates without a year ("December 7"
-> the latest such day on or before publication). Explicit dates with a year
are parsed with dateparser. Without a publication date, relative expressions
stay unresolved and say so: nothing silently becomes "today".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import dateparser

from eventscope.records import DateDerivation, DatePrecision, EventDate, Evidence

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1, "an": 1,
}
DURATION = re.compile(
    r"^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|a few|the past|"
    r"the last|recent|many)\s+(?:days?|weeks?|months?|years?|hours?|decades?)$"
)

DERIVED = DateDerivation.RELATIVE_TO_PUBLICATION


def duration_days(text: str) -> int | None:
    """Days in a duration ("a week" 7, "two days" 2, "a month" 30), or None if not one."""
    match = re.fullmatch(
        r"(?:about |some |nearly |almost )?(a|an|one|two|three|four|five|six|seven|\d+)\s+"
        r"(day|week|month)s?",
        text.lower().strip(),
    )
    if match is None:
        return None
    count_text = match.group(1)
    count = int(count_text) if count_text.isdigit() else NUMBERS.get(count_text, 1)
    return count * {"day": 1, "week": 7, "month": 30}[match.group(2)]


def _clean(text: str) -> str:
    text = text.lower().replace("’", "'").strip(" .,")
    return re.sub(r"^(?:on|in|during|since|from|by|at|the night of)\s+", "", text).strip()


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _unresolved(text: str, reason: str, evidence: Evidence | None) -> EventDate:
    return EventDate(
        None, None, DatePrecision.UNKNOWN, DateDerivation.UNRESOLVED, text, reason, evidence
    )


def _day(day: dt.date, text: str, derivation: DateDerivation, evidence: Evidence | None) -> EventDate:
    return EventDate(day, day, DatePrecision.DAY, derivation, text, None, evidence)


def _without_year(cleaned: str, published: dt.date) -> dt.date | None:
    match = re.fullmatch(r"([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?|(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)", cleaned)
    if not match:
        return None
    month_name = match.group(1) or match.group(4)
    day_text = match.group(2) or match.group(3)
    month = MONTHS.get(month_name)
    if month is None:
        return None
    for year in (published.year, published.year - 1):
        try:
            candidate = dt.date(year, month, int(day_text))
        except ValueError:
            return None
        if candidate <= published:
            return candidate
    return None


def resolve_date(
    text: str,
    published: dt.date | None,
    *,
    anchor: dt.date | None = None,
    evidence: Evidence | None = None,
) -> EventDate:
    """The EventDate an expression denotes, read against ``published``."""
    cleaned = _clean(text)
    since = text.lower().strip().startswith("since")
    if DURATION.match(cleaned):
        return _unresolved(text, "a duration, not a date", evidence)
    if cleaned in ("the same day", "same day", "that day"):
        if anchor is None:
            return _unresolved(text, "refers to another event's date that is unknown", evidence)
        return _day(anchor, text, DateDerivation.RELATIVE_TO_EVENT, evidence)
    explicit = _explicit(cleaned, published)
    if explicit is not None:
        start, end, precision = explicit
        if since:
            if published is None:
                return _unresolved(text, "range up to publication, and no publication date", evidence)
            return EventDate(start, published, DatePrecision.DAY, DateDerivation.EXPLICIT, text, None, evidence)
        return EventDate(start, end, precision, DateDerivation.EXPLICIT, text, None, evidence)
    if published is None:
        return _unresolved(text, "relative date and no publication date", evidence)
    try:
        relative = _relative(cleaned, published)
    except (OverflowError, ValueError):
        return _unresolved(text, f"falls outside the calendar from {published}", evidence)
    if relative is None:
        if cleaned == "" or not any(ch.isalnum() for ch in cleaned):
            return _unresolved(text, "empty time expression", evidence)
        return _unresolved(text, "not a time expression eventscope can place", evidence)
    start, end, precision = relative
    if since:
        return EventDate(start, published, precision, DERIVED, text, None, evidence)
    return EventDate(start, end, precision, DERIVED, text, None, evidence)


def _explicit(cleaned: str, published: dt.date | None) -> tuple[dt.date, dt.date, DatePrecision] | None:
    """Dates that carry their own year, or a year alone."""
    if re.fullmatch(r"(19|20)\d\d", cleaned):
        year = int(cleaned)
        return dt.date(year, 1, 1), dt.date(year, 12, 31), DatePrecision.YEAR
    month_year = re.fullmatch(r"([a-z]+)\.? (?:of )?((?:19|20)\d\d)", cleaned)
    if month_year and month_year.group(1) in MONTHS:
        start, end = _month_range(int(month_year.group(2)), MONTHS[month_year.group(1)])
        return start, end, DatePrecision.MONTH
    if not re.search(r"\b(19|20)\d\d\b", cleaned):
        return None
    parsed = dateparser.parse(
        cleaned,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"},
    )
    if parsed is None:
        return None
    day = parsed.date()
    return day, day, DatePrecision.DAY


def _relative(cleaned: str, published: dt.date) -> tuple[dt.date, dt.date, DatePrecision] | None:
    """Expressions read against the publication date."""
    one_day = dt.timedelta(days=1)
    if cleaned in ("today", "this morning", "this afternoon", "this evening", "tonight"):
        return published, published, DatePrecision.DAY
    if cleaned in ("yesterday", "yesterday morning", "yesterday afternoon", "yesterday evening"):
        return published - one_day, published - one_day, DatePrecision.DAY
    if cleaned in ("last night", "overnight"):
        return published - one_day, published, DatePrecision.DAY
    weekday = re.fullmatch(r"(?:last |this |early |late )?([a-z]+?)(?:'s)?(?: (?:morning|afternoon|evening|night))?", cleaned)
    if weekday and weekday.group(1) in WEEKDAYS:
        back = (published.weekday() - WEEKDAYS[weekday.group(1)]) % 7
        day = published - dt.timedelta(days=back)
        return day, day, DatePrecision.DAY
    ago = re.fullmatch(r"(\d+|[a-z]+) (day|week)s? ago", cleaned)
    if ago and (ago.group(1).isdigit() or ago.group(1) in NUMBERS):
        count = int(ago.group(1)) if ago.group(1).isdigit() else NUMBERS[ago.group(1)]
        day = published - dt.timedelta(days=count * (7 if ago.group(2) == "week" else 1))
        precision = DatePrecision.DAY if ago.group(2) == "day" else DatePrecision.WEEK
        return day, day, precision
    monday = published - dt.timedelta(days=published.weekday())
    if cleaned == "last week":
        return monday - dt.timedelta(days=7), monday - one_day, DatePrecision.WEEK
    if cleaned in ("this week", "earlier this week"):
        return monday, published, DatePrecision.WEEK
    if cleaned == "last month":
        last = published.replace(day=1) - one_day
        start, end = _month_range(last.year, last.month)
        return start, end, DatePrecision.MONTH
    if cleaned in ("this month", "earlier this month"):
        return published.replace(day=1), published, DatePrecision.MONTH
    if cleaned == "last year":
        year = published.year - 1
        return dt.date(year, 1, 1), dt.date(year, 12, 31), DatePrecision.YEAR
    if cleaned in ("this year", "earlier this year"):
        return dt.date(published.year, 1, 1), published, DatePrecision.YEAR
    if cleaned in MONTHS:
        month = MONTHS[cleaned]
        year = published.year if month <= published.month else published.year - 1
        start, end = _month_range(year, month)
        return start, min(end, published), DatePrecision.MONTH
    found = _without_year(cleaned, published)
    if found is not None:
        return found, found, DatePrecision.DAY
    return None
