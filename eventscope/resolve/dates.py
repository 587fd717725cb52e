"""Resolves a time expression to a date range against a reference date.

The reference date is the publication date (or the dateline's day). Our own
rules for what news writes, since dateparser gets several relative forms
wrong:

* explicit dates, with or without a year ("7 December 2023", "Sept 15th",
  "Thursday, December 7", "7-9 May", "the night of 7/8 May"); a date without
  a year takes the year that puts it on or before the reference date, within
  a year (after it, in future tense);
* words read against the reference date: "today", "yesterday", "last night"
  and "overnight" (a two-day span), weekdays ("on Thursday" is the most
  recent Thursday on or before it; "last Friday" read on a Friday is a week
  before; in future tense the next one), "the weekend", "last week", "earlier
  this week", "the past day", "N days ago", "last month", "earlier this
  month", months and seasons ("in March": month precision), years;
* words read against another date, the *anchor* (the event just told): "the
  same day", "the next day", "the previous day", "two days later", "a week
  earlier";
* ranges: "since October 7" runs to the reference date; "during this period"
  is the *period* named before it.

"Around 28 April" keeps the day with week precision. A duration ("three
days") is not a date; :func:`duration_days` measures it and
:func:`with_duration` stretches a date by it. Without a reference date,
relative expressions stay unresolved and say so: nothing silently becomes
"today".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

import dateparser

from eventscope.records import DateDerivation, DatePrecision, EventDate, Evidence

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6})
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1, "a couple of": 2,
    "a few": 3, "several": 3, "twenty-four": 24, "forty-eight": 48,
}
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # first month
UNITS = {"day": 1, "night": 1, "week": 7, "month": 30, "year": 365, "hour": 0}

# Why a span that looked like a date is none: the linker then looks further.
NOT_A_DATE = "not a time expression eventscope can place"
A_DURATION = "a duration, not a date"
EMPTY = "empty time expression"

_COUNT = r"(\d+|a couple of|a few|several|twenty-four|forty-eight|[a-z]+)"
_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAYNUM = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:1[89]|20)\d\d)"
_PART = r"(?: (?:morning|afternoon|evening|night|midnight|noon))?"
_HEDGES = re.compile(
    r"^(?:(?:on or )?(?:around|about|approximately|circa|ca\.?|roughly|some ?time|sometime|on or about)\s+)"
)
_PREFIX = re.compile(
    r"^(?:on|in|during|since|from|by|at|as of|over|throughout|until|till|through|the night of|"
    r"the morning of|the evening of|the afternoon of|the weekend of|the week of)\s+"
)
DURATION = re.compile(
    r"^(?:(?:about|some|nearly|almost|more than|over|at least|less than|up to|around) )?"
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|several|a few|"
    r"a couple of|many|the (?:past|last|first) (?:\w+ )?|twenty-four|forty-eight)\s*"
    r"(?:-|\s)?(?:days?|weeks?|months?|years?|hours?|decades?|nights?)(?:-long)?$"
)


@dataclass(frozen=True)
class _Range:
    start: dt.date
    end: dt.date
    precision: DatePrecision
    derivation: DateDerivation
    reason: str | None = None


def duration_days(text: str) -> int | None:
    """Days in a duration ("a week" 7, "two days" 2, "a three-day siege" 3), or None."""
    match = re.fullmatch(
        r"(?:about |some |nearly |almost |more than |over )?"
        r"(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)"
        r"(?:\s+|-)(day|week|month)s?(?:-long)?",
        text.lower().strip(),
    )
    if match is None:
        return None
    count_text = match.group(1)
    count = int(count_text) if count_text.isdigit() else NUMBERS.get(count_text, 1)
    return count * {"day": 1, "week": 7, "month": 30}[match.group(2)]


def with_duration(date: EventDate, days: int, *, ending: bool = False) -> EventDate:
    """A single-day date stretched over ``days`` days: from it, or up to it when ``ending``."""
    if date.start is None or date.start != date.end or days <= 1:
        return date
    try:
        if ending:
            start, end = date.start - dt.timedelta(days=days - 1), date.start
        else:
            start, end = date.start, date.start + dt.timedelta(days=days - 1)
    except OverflowError:
        return date
    reason = f"lasted {days} days, {'ending' if ending else 'from'} {date.start}"
    return EventDate(start, end, date.precision, date.derivation, date.mention, reason, date.evidence)


def _clean(text: str) -> tuple[str, bool]:
    """The expression lower-cased without prepositions and hedges; True when hedged."""
    text = text.lower().replace("’", "'").replace("–", "-").replace("—", "-")
    text = re.sub(r"\((?:as reported|week of|approx\.?|approximately|local time)\)", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" .,;:()")
    hedged = False
    for _ in range(3):
        before = text
        hedge = _HEDGES.match(text)
        if hedge:
            hedged = True
            text = text[hedge.end():]
        text = _PREFIX.sub("", text).strip(" ,")
        if text == before:
            break
    return text, hedged


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _part_of_month(part: str | None, year: int, month: int) -> tuple[dt.date, dt.date]:
    """ "early March" is 1 to 10, "mid-March" 11 to 20, "late March" 21 to the end."""
    start, end = _month_range(year, month)
    if part == "early":
        return start, start.replace(day=10)
    if part in ("mid", "mid-", "the middle of"):
        return start.replace(day=11), start.replace(day=20)
    if part in ("late", "the end of"):
        return start.replace(day=21), end
    return start, end


def _unresolved(text: str, reason: str, evidence: Evidence | None) -> EventDate:
    return EventDate(
        None, None, DatePrecision.UNKNOWN, DateDerivation.UNRESOLVED, text, reason, evidence
    )


def _count(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return NUMBERS.get(text)


def _nearest_year(
    month: int, day: int, reference: dt.date, future: bool
) -> dt.date | None:
    """The day-month that falls on or before the reference date within a year (after, in future tense)."""
    years = (reference.year, reference.year + 1) if future else (reference.year, reference.year - 1)
    for year in years:
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue  # 29 February of a common year
        if (candidate >= reference) if future else (candidate <= reference):
            return candidate
    return None


def resolve_date(
    text: str,
    published: dt.date | None,
    *,
    anchor: dt.date | None = None,
    period: tuple[dt.date, dt.date] | None = None,
    future: bool = False,
    evidence: Evidence | None = None,
) -> EventDate:
    """The EventDate an expression denotes.

    ``published`` is the reference date (publication, or the dateline's day);
    ``anchor`` the day of the event told just before ("the same day", "two
    days later"); ``period`` the range named before ("during this period");
    ``future`` reads weekdays and dates forward, for future tense.
    """
    cleaned, hedged = _clean(text)
    since = bool(re.match(r"^\s*(?:ever )?since\b", text.lower()))
    if cleaned == "" or not any(ch.isalnum() for ch in cleaned):
        return _unresolved(text, EMPTY, evidence)
    if DURATION.match(cleaned) and not re.search(r"\b(?:ago|later|earlier|before|after)\b", cleaned):
        try:
            past = _past_window(cleaned, published)
        except OverflowError:  # "the past day" read on 1 January of year 1
            return _unresolved(text, f"falls outside the calendar from {published}", evidence)
        if past is None:
            return _unresolved(text, A_DURATION, evidence)
    try:
        found = _resolve(cleaned, published, anchor, period, future)
    except (OverflowError, ValueError):
        return _unresolved(text, f"falls outside the calendar from {published}", evidence)
    if isinstance(found, str):
        return _unresolved(text, found, evidence)
    reason = found.reason
    precision = found.precision
    start, end = found.start, found.end
    if hedged and precision is DatePrecision.DAY:
        precision = DatePrecision.WEEK
        reason = "approximate: the day given, known to about a week"
    if since:
        if published is None:
            return _unresolved(text, "range up to publication, and no publication date", evidence)
        if start > published:
            return _unresolved(text, f"a range starting after {published}", evidence)
        end = published
        reason = f"a range from {start} up to the publication date"
    return EventDate(start, end, precision, found.derivation, text, reason, evidence)


def _resolve(
    cleaned: str,
    published: dt.date | None,
    anchor: dt.date | None,
    period: tuple[dt.date, dt.date] | None,
    future: bool,
) -> _Range | str:
    """A range, or why there is none."""
    explicit = _explicit(cleaned)
    if explicit is not None:
        return explicit
    numeric = _numeric(cleaned, published, future)
    if numeric is not None:
        return numeric
    relative_to_event = _relative_to_event(cleaned, anchor, period)
    if relative_to_event is not None:
        return relative_to_event
    if published is None:
        if _looks_like_time(cleaned):
            return "relative date and no publication date"
        return NOT_A_DATE
    relative = _relative(cleaned, published, future)
    if relative is not None:
        return relative  # a range, or why a date-like expression has none
    if cleaned in _NEXT_DAY:  # "the previous day" with no event before it: the day before publication
        day = published + dt.timedelta(days=_NEXT_DAY[cleaned])
        return _Range(day, day, DatePrecision.DAY, DateDerivation.RELATIVE_TO_PUBLICATION)
    if cleaned in _SAME_DAY or cleaned in _PERIOD or _LATER.fullmatch(cleaned):
        return "refers to another event's date that is unknown"
    return NOT_A_DATE


def _looks_like_time(cleaned: str) -> bool:
    words = set(re.findall(r"[a-z]+", cleaned))
    return bool(
        words & (set(WEEKDAYS) | set(MONTHS) | set(SEASONS))
        or words & {"today", "yesterday", "tonight", "week", "month", "year", "ago", "night",
                    "weekend", "overnight", "morning", "day", "later", "earlier"}
    )


# --- explicit dates ----------------------------------------------------------

_WEEKDAY_PREFIX = r"(?:(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?,? (?:the )?)?"
_DMY = re.compile(_WEEKDAY_PREFIX + r"(?:the )?" + _DAYNUM + r" (?:of )?" + _MONTH + r",?(?: " + _YEAR + r")?" + _PART)
_MDY = re.compile(_WEEKDAY_PREFIX + _MONTH + r" " + _DAYNUM + r"(?:,? " + _YEAR + r")?" + _PART)
_DAY_RANGE_DM = re.compile(
    r"(?:between )?" + _DAYNUM + r"(?: ?(?:-|/|to|and|until) ?)" + _DAYNUM + r" (?:of )?" + _MONTH
    + r",?(?: " + _YEAR + r")?"
)
_DAY_RANGE_MD = re.compile(
    r"(?:between )?" + _MONTH + r" " + _DAYNUM + r"(?: ?(?:-|/|to|and|until) ?)" + _DAYNUM
    + r"(?:,? " + _YEAR + r")?"
)
_MONTH_YEAR = re.compile(r"(?:(early|mid-?|late|the end of|the middle of) ?)?" + _MONTH + r",? (?:of )?" + _YEAR)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SEASON_YEAR = re.compile(r"(?:the )?(spring|summer|autumn|fall|winter) (?:of )?" + _YEAR)


def _explicit(cleaned: str) -> _Range | None:
    """Dates that carry their own year, or a year alone."""
    explicit = DateDerivation.EXPLICIT
    if re.fullmatch(r"(?:the year )?" + _YEAR, cleaned):
        year = int(cleaned[-4:])
        return _Range(dt.date(year, 1, 1), dt.date(year, 12, 31), DatePrecision.YEAR, explicit)
    iso = _ISO.fullmatch(cleaned)
    if iso:
        day = dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        return _Range(day, day, DatePrecision.DAY, explicit)
    for pattern, order in ((_DMY, "dmy"), (_MDY, "mdy")):
        match = pattern.fullmatch(cleaned)
        if match and match.group(3):
            day_text, month_text = (match.group(1), match.group(2)) if order == "dmy" else (match.group(2), match.group(1))
            day = dt.date(int(match.group(3)), MONTHS[month_text], int(day_text))
            return _Range(day, day, DatePrecision.DAY, explicit)
    for pattern, order in ((_DAY_RANGE_DM, "ddm"), (_DAY_RANGE_MD, "mdd")):
        match = pattern.fullmatch(cleaned)
        if match and match.group(4):
            if order == "ddm":
                first, last, month_text = match.group(1), match.group(2), match.group(3)
            else:
                month_text, first, last = match.group(1), match.group(2), match.group(3)
            year, month = int(match.group(4)), MONTHS[month_text]
            start, end = dt.date(year, month, int(first)), dt.date(year, month, int(last))
            if start <= end:
                return _Range(start, end, DatePrecision.DAY, explicit)
    month_year = _MONTH_YEAR.fullmatch(cleaned)
    if month_year:
        start, end = _part_of_month(
            (month_year.group(1) or "").rstrip("-") or None, int(month_year.group(3)), MONTHS[month_year.group(2)]
        )
        return _Range(start, end, DatePrecision.MONTH, explicit)
    season = _SEASON_YEAR.fullmatch(cleaned)
    if season:
        start, end = _season(season.group(1), int(season.group(2)))
        return _Range(start, end, DatePrecision.MONTH, explicit, "a season")
    if not re.search(r"\b(?:1[89]|20)\d\d\b", cleaned) or re.search(r"\b(?:ago|later|earlier|since)\b", cleaned):
        return None
    parsed = dateparser.parse(
        cleaned,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"},
    )
    if parsed is None:
        return None
    day = parsed.date()
    return _Range(day, day, DatePrecision.DAY, explicit)


_NUMERIC = re.compile(r"(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?")


def _numeric(cleaned: str, published: dt.date | None, future: bool) -> _Range | str | None:
    """ "21/06", "09/02", "28/02/2018": a day and a month in digits, in either order.

    The order taken is the one that puts the date nearest the publication date (on or
    before it without a year; after it in future tense); day first when both are as near,
    as notes outside the US write. Without a year and without a publication date there is
    no date to give.
    """
    match = _NUMERIC.fullmatch(cleaned)
    if match is None:
        return None
    first, second, year_text = int(match.group(1)), int(match.group(2)), match.group(3)
    year = None if year_text is None else int(year_text)
    if year is not None and year < 100:
        year += 2000 if published is None or 2000 + year <= published.year + 1 else 1900
    if year is None and published is None:
        return "day and month without a year, and no publication date"
    candidates: list[dt.date] = []
    for day, month in ((first, second), (second, first)):
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        if year is None:
            assert published is not None
            found = _nearest_year(month, day, published, future)
        else:
            try:
                found = dt.date(year, month, day)
            except ValueError:
                found = None
        if found is not None:
            candidates.append(found)
    if not candidates:
        return f"no day and month in {cleaned}"
    best = candidates[0] if published is None else min(candidates, key=lambda d: abs((d - published).days))
    derived = DateDerivation.EXPLICIT if year is not None else DateDerivation.RELATIVE_TO_PUBLICATION
    return _Range(best, best, DatePrecision.DAY, derived)


def _season(name: str, year: int) -> tuple[dt.date, dt.date]:
    """Meteorological seasons (northern hemisphere); winter 2023 runs December 2023 to February 2024."""
    first = SEASONS[name]
    start = dt.date(year, first, 1)
    last_month = (first + 1) % 12 + 1
    end_year = year + 1 if first == 12 else year
    return start, _month_range(end_year, last_month)[1]


# --- dates read against another event ------------------------------------------

_SAME_DAY = frozenset(
    ["the same day", "same day", "that day", "the same night", "that night", "later that day",
     "later the same day", "earlier that day", "earlier the same day", "that same day",
     "the same morning", "that morning", "that evening", "the same evening", "later that night"]
)
_PERIOD = frozenset(
    ["this period", "that period", "the same period", "this time", "that time", "the period",
     "the same time period", "this time period", "that time period"]
)
_LATER = re.compile(
    _COUNT + r" (day|night|week|month)s? (later|earlier|after|before|afterwards)(?: that)?"
)
_NEXT_DAY = {
    "the next day": 1, "next day": 1, "the following day": 1, "a day later": 1, "the day after": 1, "a day after": 1,
    "the following morning": 1, "the next morning": 1, "the following night": 1,
    "the previous day": -1, "the day before": -1, "a day earlier": -1, "the previous night": -1,
    "the night before": -1, "the previous evening": -1, "the eve": -1,
}


def _relative_to_event(
    cleaned: str, anchor: dt.date | None, period: tuple[dt.date, dt.date] | None
) -> _Range | None:
    derived = DateDerivation.RELATIVE_TO_EVENT
    if cleaned in _PERIOD:
        if period is None:
            return None
        return _Range(period[0], period[1], DatePrecision.DAY, derived, "the period named before")
    if anchor is None:
        return None
    if cleaned in _SAME_DAY:
        return _Range(anchor, anchor, DatePrecision.DAY, derived, f"the day of the event told before ({anchor})")
    shift = _NEXT_DAY.get(cleaned)
    if shift is not None:
        day = anchor + dt.timedelta(days=shift)
        return _Range(day, day, DatePrecision.DAY, derived, f"{cleaned}, from {anchor}")
    later = _LATER.fullmatch(cleaned)
    if later:
        count = _count(later.group(1))
        if count is None:
            return None
        sign = -1 if later.group(3) in ("earlier", "before") else 1
        if later.group(2) == "month":
            start = _add_months(anchor, sign * count)
            return _Range(start, start, DatePrecision.MONTH, derived, f"{cleaned}, from {anchor}")
        days = count * UNITS[later.group(2)]
        day = anchor + dt.timedelta(days=sign * days)
        return _Range(day, day, DatePrecision.DAY, derived, f"{cleaned}, from {anchor}")
    return None


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# --- dates read against the publication date -------------------------------------

_TODAY = frozenset(
    ["today", "this morning", "this afternoon", "this evening", "tonight", "earlier today",
     "later today", "today's", "early today", "early this morning", "late this afternoon",
     "hours ago", "a few hours ago", "just hours ago", "earlier on today", "this weekday"]
)
_YESTERDAY = re.compile(r"(?:early |late )?yesterday(?:'s)?(?: morning| afternoon| evening| night)?")
_OVERNIGHT = frozenset(
    ["last night", "overnight", "late last night", "overnight into today"]
)
_WEEKDAY = re.compile(
    r"(?:(last|this|this past|past|next|coming|this coming|early|late|early on|late on) )?"
    r"(" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?(?:'s)?" + _PART
)
_WEEKDAY_NAME = r"(" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")"
_OVERNIGHT_WEEKDAY = re.compile(r"overnight (?:on )?" + _WEEKDAY_NAME)
_WEEKDAY_PAIR = re.compile(
    _WEEKDAY_NAME + r"(?: night)? (?:to|into|and) " + _WEEKDAY_NAME + r"(?: morning)?"
)
_AGO = re.compile(_COUNT + r" (day|night|week|month|year)s? ago")
_PAST_WINDOW = re.compile(
    r"(?:(?:the |over the |in the )(?:past|last)|past) (?:" + _COUNT + r" )?(day|night|hour|week|month|year)s?"
)
_MONTH_PART = re.compile(r"(?:(early|mid-?|late|the end of|the middle of|the beginning of|the start of) ?)?" + _MONTH)
_SEASON = re.compile(r"(?:(last|this|this past|next) )?(?:the )?(spring|summer|autumn|fall|winter)")


def _past_window(cleaned: str, published: dt.date | None) -> _Range | None:
    """ "the past day", "the past 24 hours", "the last two weeks": up to the publication date."""
    match = _PAST_WINDOW.fullmatch(cleaned)
    if match is None or published is None:
        return None
    count = _count(match.group(1)) if match.group(1) else 1
    if count is None:
        return None
    unit = match.group(2)
    days = max(1, count // 24) if unit == "hour" else count * UNITS[unit]
    start = published - dt.timedelta(days=days)
    precision = (
        DatePrecision.DAY if days <= 1
        else DatePrecision.WEEK if days <= 14
        else DatePrecision.MONTH if days <= 62
        else DatePrecision.YEAR
    )
    return _Range(start, published, precision, DateDerivation.RELATIVE_TO_PUBLICATION, "a window up to the publication date")


def _relative(cleaned: str, published: dt.date, future: bool) -> _Range | str | None:
    """Expressions read against the publication (reference) date."""
    derived = DateDerivation.RELATIVE_TO_PUBLICATION

    def day_range(start: dt.date, end: dt.date, precision: DatePrecision, reason: str | None = None) -> _Range:
        return _Range(start, end, precision, derived, reason)

    one_day = dt.timedelta(days=1)
    if cleaned in _TODAY:
        return day_range(published, published, DatePrecision.DAY)
    if cleaned == "the day before yesterday":
        return day_range(published - 2 * one_day, published - 2 * one_day, DatePrecision.DAY)
    if _YESTERDAY.fullmatch(cleaned):
        return day_range(published - one_day, published - one_day, DatePrecision.DAY)
    if cleaned in _OVERNIGHT:
        return day_range(published - one_day, published, DatePrecision.DAY, "overnight: two days")
    overnight = _OVERNIGHT_WEEKDAY.fullmatch(cleaned)
    if overnight:  # the night after that day, or before it when that runs past publication
        first = _weekday(published, WEEKDAYS[overnight.group(1)], None, future)
        if first + one_day > published and not future:
            first -= one_day
        return day_range(first, first + one_day, DatePrecision.DAY, "overnight: two days")
    pair = _WEEKDAY_PAIR.fullmatch(cleaned)
    if pair and (WEEKDAYS[pair.group(2)] - WEEKDAYS[pair.group(1)]) % 7 == 1:
        second = _weekday(published, WEEKDAYS[pair.group(2)], None, future)
        return day_range(second - one_day, second, DatePrecision.DAY, "overnight: two days")
    weekday = _WEEKDAY.fullmatch(cleaned)
    if weekday:
        day = _weekday(published, WEEKDAYS[weekday.group(2)], weekday.group(1), future)
        return day_range(day, day, DatePrecision.DAY)
    ago = _AGO.fullmatch(cleaned)
    if ago and _count(ago.group(1)) is not None:
        count = _count(ago.group(1)) or 0
        unit = ago.group(2)
        if unit == "month":
            day = _add_months(published, -count)
            return day_range(day, day, DatePrecision.MONTH)
        if unit == "year":
            day = _add_months(published, -12 * count)
            return day_range(day, day, DatePrecision.YEAR)
        day = published - dt.timedelta(days=count * UNITS[unit])
        vague = ago.group(1) in ("a few", "several", "a couple of")
        precision = DatePrecision.DAY if unit in ("day", "night") and not vague else DatePrecision.WEEK
        return day_range(day, day, precision)
    window = _past_window(cleaned, published)
    if window is not None:
        return window
    monday = published - dt.timedelta(days=published.weekday())
    if cleaned in ("last week", "the previous week", "the week before"):
        return day_range(monday - 7 * one_day, monday - one_day, DatePrecision.WEEK)
    if cleaned in ("this week", "earlier this week", "earlier in the week", "this past week"):
        return day_range(monday, published, DatePrecision.WEEK)
    if cleaned == "next week":
        return day_range(monday + 7 * one_day, monday + 13 * one_day, DatePrecision.WEEK)
    if cleaned in ("in recent days", "recent days"):
        return day_range(published - 7 * one_day, published, DatePrecision.WEEK)
    if re.fullmatch(r"(?:the |this |this past |last )?weekend", cleaned):
        # the last Saturday and Sunday begun by the publication date ("last weekend" read
        # at the weekend: the one before)
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
        if cleaned == "last weekend" and published.weekday() >= 5:
            saturday -= 7 * one_day
        end = min(saturday + one_day, published)
        return day_range(saturday, end, DatePrecision.WEEK, "the weekend: Saturday and Sunday")
    if cleaned in ("last month", "the previous month", "the month before"):
        last = published.replace(day=1) - one_day
        start, end = _month_range(last.year, last.month)
        return day_range(start, end, DatePrecision.MONTH)
    if cleaned in ("this month", "earlier this month", "earlier in the month"):
        return day_range(published.replace(day=1), published, DatePrecision.MONTH)
    if cleaned in ("last year", "the previous year", "the year before"):
        year = published.year - 1
        return day_range(dt.date(year, 1, 1), dt.date(year, 12, 31), DatePrecision.YEAR)
    if cleaned in ("this year", "earlier this year", "earlier in the year"):
        return day_range(dt.date(published.year, 1, 1), published, DatePrecision.YEAR)
    month_part = _MONTH_PART.fullmatch(cleaned)
    if month_part:
        month = MONTHS[month_part.group(2)]
        if future:
            year = published.year if month >= published.month else published.year + 1
        else:
            year = published.year if month <= published.month else published.year - 1
        part = (month_part.group(1) or "").rstrip("-")
        part = {"the beginning of": "early", "the start of": "early"}.get(part, part)
        start, end = _part_of_month(part or None, year, month)
        if start > published and not future:  # "late March" read on 15 March: last year's
            start, end = _part_of_month(part or None, year - 1, month)
        return day_range(start, end if future else min(end, published), DatePrecision.MONTH)
    season = _SEASON.fullmatch(cleaned)
    if season:
        return _relative_season(season.group(1), season.group(2), published, future)
    return _without_year(cleaned, published, future)


def _weekday(published: dt.date, target: int, modifier: str | None, future: bool) -> dt.date:
    """ "Thursday" read on ``published``: on or before it; "last Thursday" strictly before it;
    "next Thursday" or future tense strictly after it."""
    back = (published.weekday() - target) % 7
    if modifier in ("next", "coming", "this coming") or (future and modifier not in ("last", "this past", "past")):
        ahead = (target - published.weekday()) % 7 or 7
        return published + dt.timedelta(days=ahead)
    if modifier in ("last", "this past", "past") and back == 0:
        back = 7
    return published - dt.timedelta(days=back)


def _relative_season(
    modifier: str | None, name: str, published: dt.date, future: bool
) -> _Range:
    """The latest such season begun by the publication date ("last summer": the one before that)."""
    derived = DateDerivation.RELATIVE_TO_PUBLICATION
    year = published.year
    start, end = _season(name, year)
    if future or modifier == "next":
        while end < published:
            year += 1
            start, end = _season(name, year)
    else:
        while start > published:
            year -= 1
            start, end = _season(name, year)
        if modifier == "last" and end >= published:
            start, end = _season(name, year - 1)
    return _Range(start, min(end, published) if not future and modifier != "next" else end,
                  DatePrecision.MONTH, derived, "a season")


_NO_YEAR_DM = re.compile(_WEEKDAY_PREFIX + r"(?:the )?" + _DAYNUM + r" (?:of )?" + _MONTH + _PART)
_NO_YEAR_MD = re.compile(_WEEKDAY_PREFIX + _MONTH + r" (?:the )?" + _DAYNUM + _PART)


def _without_year(cleaned: str, published: dt.date, future: bool) -> _Range | str | None:
    """ "December 7", "7-9 May", "the night of 7/8 May": the year that puts it on or before publication."""
    derived = DateDerivation.RELATIVE_TO_PUBLICATION
    for pattern, order in ((_DAY_RANGE_DM, "ddm"), (_DAY_RANGE_MD, "mdd")):
        match = pattern.fullmatch(cleaned)
        if match and not match.group(4):
            if order == "ddm":
                first, last, month_text = match.group(1), match.group(2), match.group(3)
            else:
                month_text, first, last = match.group(1), match.group(2), match.group(3)
            month = MONTHS[month_text]
            end = _nearest_year(month, int(last), published, future)
            if end is None or int(first) > int(last):
                return None
            return _Range(end.replace(day=int(first)), end, DatePrecision.DAY, derived)
    for pattern, order in ((_NO_YEAR_DM, "dm"), (_NO_YEAR_MD, "md")):
        match = pattern.fullmatch(cleaned)
        if match:
            day_text, month_text = (match.group(1), match.group(2)) if order == "dm" else (match.group(2), match.group(1))
            if not 1 <= int(day_text) <= 31:
                return None
            day = _nearest_year(MONTHS[month_text], int(day_text), published, future)
            if day is None:
                return f"no {cleaned} within a year of {published}"
            return _Range(day, day, DatePrecision.DAY, derived)
    return None
