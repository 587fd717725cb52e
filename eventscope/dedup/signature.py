"""Reduces a mention to the few flat values that blocking and pair scoring compare.

A ``Signature`` is small and cheap to compare, so a million of them fit in
memory and a store can keep one per mention (``as_row``/``from_row``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from eventscope.dedup.combine import article_of, published_of
from eventscope.records import DateDerivation, Event, EventType, Quantity

# Types whose reports may be typed differently by two outlets are one family;
# blocking compares only mentions of one family.
FAMILIES: dict[EventType, str] = {
    EventType.ASSAULT: "violence",
    EventType.PROTEST: "protest",
    EventType.MOBILIZE: "protest",
    EventType.COERCE: "coercion",
    EventType.SANCTION: "coercion",
    EventType.THREATEN: "statement",
    EventType.ACCUSE: "statement",
    EventType.REJECT: "statement",
    EventType.REQUEST: "statement",
    EventType.CONSULT: "cooperation",
    EventType.AGREE: "cooperation",
    EventType.SUPPORT: "cooperation",
    EventType.CONCEDE: "cooperation",
    EventType.COOPERATE: "cooperation",
    EventType.AID: "cooperation",
    EventType.RETREAT: "cooperation",
}
# Dates not read from the event's own words: the publication date or dateline.
WEAK_DERIVATIONS = frozenset(
    {DateDerivation.PUBLICATION_FALLBACK, DateDerivation.DATELINE, DateDerivation.UNRESOLVED}
)
# Words every report of such events uses: what is left says which event it is
# ("market", "substation", "hospital"), so two reports are compared on those.
GENERIC_WORDS = frozenset(
    [
        "the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for", "from", "by", "with",
        "as", "that", "this", "these", "those", "was", "were", "is", "are", "be", "been", "has",
        "have", "had", "it", "its", "their", "his", "her", "they", "them", "he", "she", "who",
        "which", "while", "after", "before", "said", "says", "told", "according", "reported",
        "report", "reports", "statement", "news", "agency", "official", "officials", "spokesman",
        "spokesperson", "condition", "anonymity", "also", "during", "than", "into", "over", "about",
        "more", "least", "some", "when", "where", "up", "out", "off", "near", "outside", "across",
        "around", "inside", "against", "amid", "not", "but", "one", "two", "three", "four", "five",
        "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
        "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand",
        "thousands", "dozens", "dozen", "several", "many", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "weekend", "today", "yesterday", "january",
        "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "morning", "afternoon", "evening", "night", "overnight", "late",
        "early", "day", "days", "hours", "hour", "week", "later", "earlier", "kill", "kills",
        "killed", "killing", "dead", "died", "death", "deaths", "toll", "wound", "wounded",
        "wounding", "injured", "injuring", "injuries", "hurt", "casualties", "strike", "strikes",
        "struck", "hit", "hits", "attack", "attacked", "attacks", "attackers", "missile",
        "missiles", "drone", "drones", "bomb", "bombs", "bombing", "blast", "blasts", "explosion",
        "explosions", "exploded", "rocket", "rockets", "shell", "shells", "shelling", "raid",
        "raids", "fire", "fired", "firing", "opened", "air", "jets", "warplanes", "people",
        "person", "persons", "civilians", "civilian", "residents", "men", "women", "children",
        "man", "woman", "police", "policemen", "troops", "soldiers", "forces", "army", "military",
        "security", "authorities", "government", "protest", "protests", "protesters", "protested",
        "demonstrators", "demonstration", "rally", "rallied", "marched", "gathered", "crowd",
        "crowds", "arrest", "arrested", "arrests", "detained", "detaining", "seized", "claimed",
        "responsibility", "city", "town", "village", "capital", "region", "province", "district",
        "area", "local", "health", "ministry", "governor", "rose"
    ]
)
_WORD = re.compile(r"[^\W\d_]{3,}")
_SEQUEL = re.compile(
    r"\b(?:another|second|third|separate|separately|again|returned|consecutive|"
    r"hours later|day later|earlier in the day|also)\b"
)
STEM = 5  # words are compared on their first letters: "bombing" and "bombings" agree


@dataclass(frozen=True, slots=True)
class Signature:
    """What pair scoring needs to know about one mention."""

    mention_id: str
    article_id: str
    outlet: str | None
    type: str
    family: str
    aggregate: bool
    mode: str | None
    country: str | None
    admin1: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    precision: int  # GeoPrecision, 3 when unknown
    day: int | None  # date.start as a proleptic ordinal
    day_end: int | None
    date_precision: str
    date_weak: bool  # from the publication date or dateline, not the event's own words
    actor1: str | None
    actor1_kind: str | None
    actor2: str | None
    actor2_kind: str | None
    killed: tuple[int, int] | None  # the reported range (high -1: open-ended)
    injured: tuple[int, int] | None
    arrested: tuple[int, int] | None
    published: int | None  # ordinal
    text: str  # detail_words of the reporting sentences, space-separated
    sequel: bool  # told as one more of its kind: "another", "a second", "again", "separately"
    words: frozenset[str] = field(init=False, repr=False, compare=False)  # the words of ``text``

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", frozenset(self.text.split()))

    def as_row(self) -> list[Any]:
        """A JSON-ready list of the values, for the store (``words`` is not stored: it is ``text``)."""
        return [getattr(self, f.name) for f in fields(self) if f.init]

    @classmethod
    def from_row(cls, row: list[Any]) -> Signature:
        values = list(row)
        for index in (21, 22, 23):  # JSON has no tuples
            if values[index] is not None:
                values[index] = (int(values[index][0]), int(values[index][1]))
        return cls(*values)


def detail_words(text: str, names: Sequence[str | None] = ()) -> str:
    """The stems of the words that tell this event from others like it ("market",
    "substation"), leaving out generic event words and the given place and actor names."""
    known = {w for name in names if name for w in _WORD.findall(name.lower())}
    stems = dict.fromkeys(
        w[:STEM] for w in _WORD.findall(text.lower()) if w not in GENERIC_WORDS and w not in known
    )
    return " ".join(stems)


def _range(values: tuple[Quantity, ...]) -> tuple[int, int] | None:
    lows = [q.min for q in values if q.min is not None]
    if not lows:
        return None
    highs = [q.max for q in values]
    high = -1 if None in highs else max(h for h in highs if h is not None)
    return (min(lows), high)


def signature(event: Event) -> Signature:
    """The signature of one mention (an event extracted from one article)."""
    place, date = event.location, event.date
    published = published_of(event)
    outlet = next((s.outlet for s in event.sources if s.outlet), None)
    return Signature(
        mention_id=event.event_id,
        article_id=article_of(event),
        outlet=outlet,
        type=event.type.value,
        family=FAMILIES[event.type],
        aggregate=event.is_aggregate,
        mode=event.mode,
        country=place.country if place else None,
        admin1=place.admin1 if place else None,
        geonameid=place.geonameid if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        precision=int(place.precision) if place and place.precision else 3,
        day=date.start.toordinal() if date and date.start else None,
        day_end=date.end.toordinal() if date and date.end else None,
        date_precision=date.precision.value if date else "unknown",
        date_weak=date is None or date.derivation in WEAK_DERIVATIONS,
        actor1=event.actor1.name.lower() if event.actor1 else None,
        actor1_kind=event.actor1.kind.value if event.actor1 and event.actor1.kind else None,
        actor2=event.actor2.name.lower() if event.actor2 else None,
        actor2_kind=event.actor2.kind.value if event.actor2 and event.actor2.kind else None,
        killed=_range(event.killed),
        injured=_range(event.injured),
        arrested=_range(event.arrested),
        published=published.toordinal() if published else None,
        sequel=bool(_SEQUEL.search(event.evidence.text.lower())),
        text=detail_words(
            " ".join([event.evidence.text, *(m.evidence.text for m in event.merged)]),
            [
                place.name if place else None, place.mention if place else None,
                *(a.name for a in (event.actor1, event.actor2) if a is not None),
                *(a.mention for a in (event.actor1, event.actor2) if a is not None),
            ],
        ),
    )


def stated_days(s: Signature) -> tuple[int, int] | None:
    """The (first, last) day ordinals of a date the text states; None for a fallback date."""
    if s.date_weak or s.day is None or s.day_end is None:
        return None
    return (s.day, s.day_end)
