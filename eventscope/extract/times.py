"""Finds the time expressions of a sentence, by rule and from the model's DATE and TIME entities.

The small spaCy models split or miss many dates ("30 Apr 2020" becomes a
number and a year; "27 February:" loses its day), so the forms news writes
are matched here first; the model's entities fill in the rest. What each
expression means is for :mod:`eventscope.resolve.dates` to say.
"""

from __future__ import annotations

import calendar
import re

from spacy.tokens import Span

from eventscope.nlp.text import entities, span_text

_MONTH = (
    r"(?:" + "|".join(name for name in calendar.month_name if name)
    + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_WEEKDAY = r"(?:" + "|".join(calendar.day_name) + r")"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d\d"
_COUNT = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|a couple of)"
_PART = r"(?: (?i:morning|afternoon|evening|night))"
_HEDGE = r"(?:(?i:on or about|around|about|approximately|circa|ca\.|roughly) )?"
_NOTE = r"(?: ?\((?i:as reported|week of)\))?"
_RANGE = r"(?: ?(?:-|–|/|to|and|until) ?)"

_DAY_MONTH = (
    r"(?:(?i:between) )?(?:the )?" + _DAY + r"(?:" + _RANGE + _DAY + r")?(?: of)? " + _MONTH
    # "1 January 9999" is no date we can place; "29 April 2020, 2 soldiers" is one
    + r"(?:,? " + _YEAR + r"(?![\w-])|(?![\w-]|,? ?\d))"
)
_MONTH_DAY = (
    r"(?:(?i:between) )?" + _MONTH + r" (?:the )?" + _DAY + r"(?:" + _RANGE + _DAY + r")?(?![\d,]\d)"
    + r"(?:,? " + _YEAR + r"(?![\w-])|(?!\w|,? ?\d))"
)
_WEEKDAY_DATE = _WEEKDAY + r",? (?:" + _DAY_MONTH + r"|" + _MONTH_DAY + r")"
_PATTERNS = [
    # explicit dates, with or without a year or a weekday
    _HEDGE + r"(?:(?i:the night of|night of) )?(?:" + _WEEKDAY_DATE + r"|" + _DAY_MONTH + r"|" + _MONTH_DAY
    + r")" + _PART + r"?" + _NOTE,
    r"\d{4}-\d{2}-\d{2}",
    # day and month in digits, after a preposition ("on 21/06", "on 28/02/2018"): a bare
    # "6/7" is as often a fraction or a name ("Mine 6/7")
    r"(?:(?i:on|since|from|until|between|of|dated) )(?P<t>\d{1,2}/\d{1,2}(?:/(?:\d{4}|\d{2}))?)(?![\w/-])",
    # months and years
    _HEDGE + r"(?:(?i:early|mid-|mid|late|the end of|the middle of|the beginning of|the start of) ?)?"
    + _MONTH + r",? (?:of )?" + _YEAR + _NOTE,
    r"(?:(?i:in|during|since|until|by|from|through|throughout|before|after|of|last|this|next) )"
    r"(?P<t>(?:(?i:early|mid-|late) ?)?" + _MONTH + r")(?![\w-])(?! \d)",
    r"(?i:early|mid-|late|the end of|the middle of|the beginning of) " + _MONTH + r"(?! \d)",
    r"(?:(?i:in|since|during|by|until|from|of|throughout) )(?P<t>(?:the year )?" + _YEAR + r")(?![\w-])",
    r"(?i:(?:last|this|this past|next|the|early|late) (?:spring|summer|autumn|winter)(?: (?:of )?)?)"
    + r"(?:" + _YEAR + r")?",
    # weekdays
    r"(?i:overnight (?:on )?)" + _WEEKDAY,
    r"(?:(?i:last|this|this past|next|coming|early on|late on|early|late) )?" + _WEEKDAY
    + r"(?:'s)?" + _PART + r"?(?: (?i:to|into) " + _WEEKDAY + r"(?: (?i:morning))?)?",
    # words read against the publication date or another event
    r"(?i:the day before yesterday|(?:early |late )?yesterday(?: morning| afternoon| evening| night)?|"
    r"today|tonight|(?:late )?last night|overnight|this morning|this afternoon|this evening|"
    r"earlier today|later today|(?:earlier )?this (?:week|month|year)|earlier in the (?:week|month|year)|"
    r"last (?:week|month|year|weekend)|next (?:week|month)|this (?:past )?(?:week|weekend)|"
    r"(?:at|over) the weekend|in recent days|"
    r"(?:the|over the|in the) (?:past|last) (?:" + _COUNT + r" )?(?:days?|hours?|weeks?|months?|years?)|"
    + _COUNT + r" (?:days?|nights?|weeks?|months?|years?) (?:ago|later|earlier)|"
    r"the (?:same|next|following|previous) (?:day|night|morning|evening|week)|(?:later |earlier )?that (?:same )?(?:day|night|morning|evening)|"
    r"the (?:day|night) (?:before|after)|a day (?:later|earlier)|(?:this|that|the same) (?:time )?period)",
]
_FINDER = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in _PATTERNS).replace("(?P<t>", "(?:") + r")(?![\w-])")
_TRIM = [re.compile(p) for p in _PATTERNS if "(?P<t>" in p]
# Every form above holds a digit or one of these words, whatever its case (a weekday
# ends in "day", "tonight" holds "night", a month begins with its abbreviation), so a
# sentence with none of them is not searched: a third of news sentences, and the
# search is the costly part.
_CLUES = (
    "day", "night", "morning", "afternoon", "evening", "week", "month", "year", "hour",
    "period", "spring", "summer", "autumn", "winter",
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
)
_DIGIT = re.compile(r"\d")


def _may_hold_time(text: str) -> bool:
    """False only when ``_FINDER`` cannot match. A text beyond ASCII is always searched:
    there, the regex's case-insensitive matching knows equivalences ``str.lower`` does not."""
    if not text.isascii() or _DIGIT.search(text):
        return True
    lowered = text.lower()
    return any(clue in lowered for clue in _CLUES)


def find_times(sent: Span, body_start: int = 0) -> list[Span]:
    """The time expressions of a sentence in text order, none of them before ``body_start``."""
    doc = sent.doc
    found: list[tuple[int, int]] = []
    text = span_text(sent)
    for match in _FINDER.finditer(text) if _may_hold_time(text) else ():
        start, end = match.start(), match.end()
        for pattern in _TRIM:  # "in March": the month, not the preposition
            trimmed = pattern.fullmatch(match.group())
            if trimmed is not None:
                start, end = start + trimmed.start("t"), start + trimmed.end("t")
                break
        found.append((sent.start_char + start, sent.start_char + end))
    spans: list[Span] = []
    for start, end in found:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and span.start_char >= body_start:
            spans.append(span)
    for ent in entities(sent):
        if ent.label_ not in ("DATE", "TIME") or ent.start_char < body_start:
            continue
        if any(s.start < ent.end and ent.start < s.end for s in spans):
            continue
        spans.append(ent)
    return sorted(spans, key=lambda s: s.start)
