"""Typed, immutable records that flow between the stages of eventscope.

Every stage takes and returns these; nothing crosses a module line as a dict.
A field that a stage cannot fill is ``None`` (or an empty tuple), and where the
reason matters the record carries it (``Place.reason``, ``EventDate.reason``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import Enum, IntEnum
from typing import Any


class EventType(str, Enum):
    """The sixteen PLOVER event types."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class ActorKind(str, Enum):
    """What sort of actor a mention names (ACLED's actor families, slightly finer)."""

    GOVERNMENT = "government"
    MILITARY = "military"
    POLICE = "police/security"
    REBEL = "rebel/militia"
    PARTY = "political party"
    COMMUNAL = "communal militia"
    PROTESTERS = "protesters"
    RIOTERS = "rioters"  # violent demonstrators
    MOB = "mob"  # villagers, locals or supporters turning on someone
    CIVILIANS = "civilians"
    INTERNATIONAL = "international org"
    UNIDENTIFIED = "unidentified armed group"
    MEDIA = "media"
    OTHER = "other"


class GeoPrecision(IntEnum):
    """ACLED's geo_precision: how closely the coordinates fit the event."""

    EXACT = 1  # the named town or landmark
    NEAR = 2  # near it, or part of a region around it
    REGION = 3  # admin1 or country only


class DatePrecision(str, Enum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


class DateDerivation(str, Enum):
    """How an event's date was obtained from the text."""

    EXPLICIT = "explicit"  # "on 7 December 2023"
    RELATIVE_TO_PUBLICATION = "relative_to_publication"  # "on Thursday", "last week"
    RELATIVE_TO_EVENT = "relative_to_event"  # "a week after the attack"
    DATELINE = "dateline"  # "BAGHDAD, Dec 14 (Reuters) -"
    PUBLICATION_FALLBACK = "publication_fallback"  # no date in the text: the publication date
    UNRESOLVED = "unresolved"  # a date was mentioned but could not be placed


class Certainty(str, Enum):
    """How sure the text is that the event (or value) is real."""

    ASSERTED = "asserted"  # the writer states it
    REPORTED = "reported"  # a named source says it
    ALLEGED = "alleged"  # "allegedly", "preliminary information indicates"
    CLAIMED = "claimed"  # a party claims its own action
    DENIED = "denied"
    HYPOTHETICAL = "hypothetical"  # "could", "may have", threats and plans
    UNVERIFIED = "unverified"  # an anonymous source


# Values no figure counts: what a party denies and what only might be.
NOT_CREDIBLE = frozenset({Certainty.DENIED, Certainty.HYPOTHETICAL})

# The counted outcomes an event can report, each a tuple of Quantity on Event,
# in the order every export lists them.
COUNT_FIELDS = ("killed", "injured", "arrested", "displaced", "abducted")


@dataclass(frozen=True)
class Evidence:
    """Where in which article a value comes from.

    ``start``/``end`` are character offsets of the supporting span in
    ``Article.text``; ``sentence_start``/``sentence_end`` bound its sentence.
    """

    article_id: str
    sentence_index: int
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    text: str


@dataclass(frozen=True)
class Article:
    """One news article as read from its source, before any parsing."""

    article_id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language: str | None = None
    origin: str | None = None  # the file (and line or entry) it was read from


@dataclass(frozen=True)
class Attribution:
    """Who says an event happened, and how sure the text is."""

    certainty: Certainty
    speaker: str | None = None
    verb: str | None = None
    outlet: str | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Actor:
    """A participant in an event: the canonical actor and the words that name it."""

    name: str
    mention: str
    country: str | None = None  # ISO 3166-1 alpha-3
    kind: ActorKind | None = None
    evidence: Evidence | None = None
    sponsor: str | None = None  # ISO3 of a state that backs it ("Iran-backed militias": IRN)


@dataclass(frozen=True)
class Place:
    """Where an event happened, resolved against the gazetteer when possible."""

    mention: str
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    admin1: str | None = None
    precision: GeoPrecision | None = None
    reason: str | None = None  # why it is unresolved, or how it was chosen
    evidence: Evidence | None = None


@dataclass(frozen=True)
class EventDate:
    """When an event happened: a day range with its precision and derivation."""

    start: dt.date | None
    end: dt.date | None
    precision: DatePrecision
    derivation: DateDerivation
    mention: str | None = None
    reason: str | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Quantity:
    """A reported number as an honest range ("dozens" is 24 to 99)."""

    min: int | None
    max: int | None
    mention: str
    attribution: Attribution | None = None
    evidence: Evidence | None = None

    @property
    def credible(self) -> bool:
        """False for a denied or hypothetical value, which no figure should count."""
        return self.attribution is None or self.attribution.certainty not in NOT_CREDIBLE


@dataclass(frozen=True)
class Source:
    """An article that reports an event."""

    article_id: str
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None


@dataclass(frozen=True)
class Mention:
    """Another report of an event, merged into it: the extracted event's id and words.

    ``mention_id`` is the id the event had when extracted from its article;
    ``trigger`` and ``evidence`` are that report's word and sentence.
    """

    mention_id: str
    article_id: str
    trigger: Evidence
    evidence: Evidence


@dataclass(frozen=True)
class Variant:
    """A value a merged report gives for a field that differs from the value the event keeps.

    ``field`` is the event field (``actor1``, ``location``, ``date``, ``mode``,
    ``killed`` ...), ``value`` the report's value in words. A count keeps the
    whole reported ``quantity`` (its own attribution and evidence).
    """

    field: str
    value: str
    mention_id: str
    article_id: str
    quantity: Quantity | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Event:
    """One event as extracted, with every field's evidence.

    ``evidence`` spans the reporting sentence; ``trigger`` the word in it.
    The counts (``COUNT_FIELDS``: ``killed``, ``injured``, ``arrested``,
    ``displaced``, ``abducted``) are tuples because sources can disagree:
    each reported value is kept with its own attribution.
    ``confidence`` is documented in ``eventscope.extract.confidence``.

    A merged event (``eventscope.dedup``) also lists the other reports merged
    into it (``merged``), every value they give that differs from the one kept
    (``variants``), and the first and last publication dates of its sources.
    """

    event_id: str
    type: EventType
    trigger: Evidence  # the word or phrase that reports the event
    evidence: Evidence  # the whole sentence that reports it
    mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    cameo_root: str | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    claimed_by: Actor | None = None
    unclaimed: Evidence | None = None  # the sentence that says no one has claimed it
    blamed_on: Actor | None = None
    location: Place | None = None
    date: EventDate | None = None
    killed: tuple[Quantity, ...] = ()
    injured: tuple[Quantity, ...] = ()
    arrested: tuple[Quantity, ...] = ()
    displaced: tuple[Quantity, ...] = ()  # forced from their homes ("displaced 5,000", "fled")
    abducted: tuple[Quantity, ...] = ()  # kidnapped or taken hostage
    is_aggregate: bool = False
    attribution: Attribution | None = None
    sources: tuple[Source, ...] = field(default_factory=tuple)
    confidence: float = 0.0
    first_reported: dt.date | None = None  # earliest publication date of its sources
    last_updated: dt.date | None = None  # latest publication date of its sources
    merged: tuple[Mention, ...] = ()
    variants: tuple[Variant, ...] = ()

    def with_counts(self, counts: Mapping[str, tuple[Quantity, ...]]) -> Event:
        """This event with the given counts (keys from ``COUNT_FIELDS``) in place of its own."""
        unknown = set(counts) - set(COUNT_FIELDS)
        if unknown:
            raise ValueError(f"not count fields: {sorted(unknown)}")
        changes: dict[str, Any] = dict(counts)
        return replace(self, **changes)
