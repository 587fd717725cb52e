"""Turns one parsed article into event records, each field with its evidence.

This is the pure core of eventscope: a parsed Doc, the Article and a
Gazetteer in; Events out. No files, no database, no clock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from eventscope.extract import confidence, lexicon
from eventscope.extract.attribution import attribute
from eventscope.extract.claims import claimant, says_unclaimed
from eventscope.extract.coreference import (
    antecedent,
    candidate_spans,
    pronoun_subject,
    referring_kinds,
)
from eventscope.extract.crosswalk import coded, crosswalk
from eventscope.extract.dateline import Dateline, find_dateline
from eventscope.extract.escalation import protest_mode
from eventscope.extract.evidence import evidence_for, sentence_evidence
from eventscope.extract.quantities import DYING_VERBS, Count, find_counts, is_partitive
from eventscope.extract.roles import (
    LOCATIVE_PREPS,
    PLACE_LABELS,
    Roles,
    find_roles,
    noun_phrase,
    split_targets,
)
from eventscope.extract.times import find_times
from eventscope.extract.triggers import Trigger, find_triggers
from eventscope.nlp.model import common_nouns
from eventscope.nlp.text import doc_text, entities
from eventscope.records import (
    COUNT_FIELDS,
    Actor,
    ActorKind,
    Article,
    Attribution,
    Certainty,
    DateDerivation,
    DatePrecision,
    Event,
    EventDate,
    EventType,
    Evidence,
    GeoPrecision,
    Place,
    Quantity,
    Source,
)
from eventscope.resolve.actors import resolve_actor
from eventscope.resolve.dates import (
    A_DURATION,
    EMPTY,
    NOT_A_DATE,
    duration_days,
    resolve_date,
    with_duration,
)
from eventscope.resolve.gazetteer import Gazetteer
from eventscope.resolve.organisations import Organisations, load_organisations
from eventscope.resolve.places import (
    ALIAS_CITY,
    KIND_WORDS,
    PlaceContext,
    armed_group_homes,
    country_place,
    hinted_countries,
    km_between,
    misspelt_place,
    place_context,
    place_phrases,
    resolve_place,
)

ACTOR_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "poss", "compound", "amod", "nmod", "npadvmod", "appos"}
)
COUNT_TYPES = {
    "killed": (EventType.ASSAULT, EventType.PROTEST),
    "injured": (EventType.ASSAULT, EventType.PROTEST),
    "arrested": (EventType.COERCE, EventType.PROTEST),
    "displaced": (EventType.ASSAULT, EventType.COERCE),
    "abducted": (EventType.ASSAULT, EventType.COERCE),
}


@dataclass(frozen=True)
class Context:
    """What the whole article tells about each of its sentences."""

    article: Article
    gazetteer: Gazetteer
    places: PlaceContext
    dateline: Dateline | None
    # The day relative dates are read against: the publication date, else the dateline's.
    reference: dt.date | None = None
    reference_derivation: DateDerivation = DateDerivation.PUBLICATION_FALLBACK
    organisations: Organisations = field(default_factory=load_organisations)
    # find_times by (sentence start, body start): each sentence is read for dates
    # by every event in it and again for the anchors, always with the same answer
    _times: dict[tuple[int, int], tuple[Span, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    # resolve_place by (start, end, name looked up): the same names are tried for many events
    _resolved: dict[tuple[int, int, str | None], Place] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    # _scope_places by scope: events without a place of their own all search the whole text
    _scopes: dict[tuple[int, int], _ScopePlaces] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @property
    def main_country(self) -> str | None:
        """The country the article is about: the one it names most, else whose forces it
        names, else the home of the armed groups it names."""
        return next(iter(self.places.countries or self.places.deployed or self.places.homes), None)

    @property
    def body_start(self) -> int:
        """Where the body begins: a dateline's own date is no event's date."""
        return self.dateline.end if self.dateline is not None else 0

    def times(self, sent: Span, body_start: int) -> tuple[Span, ...]:
        """``find_times(sent, body_start)``, searched once per sentence and article."""
        key = (sent.start, body_start)
        found = self._times.get(key)
        if found is None:
            found = tuple(find_times(sent, body_start))
            self._times[key] = found
        return found

    def place_of(self, span: Span, as_name: str | None = None) -> Place:
        """``resolve_place`` of a span in this article, resolved once per span and name."""
        key = (span.start, span.end, as_name)
        place = self._resolved.get(key)
        if place is None:
            place = resolve_place(
                self.article.article_id, span, self.gazetteer, self.places, as_name=as_name
            )
            self._resolved[key] = place
        return place

    def scope_places(self, scope: Span) -> _ScopePlaces:
        """``_scope_places`` of a span of this article, found once per span."""
        key = (scope.start, scope.end)
        found = self._scopes.get(key)
        if found is None:
            found = _scope_places(scope, self.body_start, self.gazetteer)
            self._scopes[key] = found
        return found


@dataclass(frozen=True)
class Anchors:
    """Dates already read: the last event's ("the same day"), per event type, the
    last day the text named at all ("on Thursday"), which "a week after" counts
    from, and the last period named ("since October 7"), which "during this
    period" refers to."""

    last: EventDate | None
    by_type: dict[EventType, EventDate]
    named_day: EventDate | None = None
    period: EventDate | None = None

    def day(self) -> dt.date | None:
        """The day "the same day" and "two days later" count from."""
        for date in (self.last, self.named_day):
            if date is not None and date.precision is DatePrecision.DAY and date.start is not None:
                return date.start
        return None

    def span(self) -> tuple[dt.date, dt.date] | None:
        period = self.period
        if period is None or period.start is None or period.end is None:
            return None
        return period.start, period.end


def event_id(article_id: str, trigger: Token, target: Token | None, type_: EventType) -> str:
    key = f"{article_id}:{trigger.idx}:{target.i if target is not None else '-'}:{type_.value}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _clause_verb(token: Token) -> Token:
    current = token
    for _ in range(10):
        if current.pos_ in ("VERB", "AUX") or current.head is current:
            return current
        current = current.head
    return current


# Edges a time expression does not cross to date an event: what a relative
# clause, a reported statement or an aside tells happened at its own time.
BLOCKING_DEPS = frozenset({"relcl", "acl", "ccomp", "csubj", "parataxis", "appos"})
# "protested against the killing of": the killing is the cause, told at its own time.
CAUSE_PREPS = frozenset({"against", "over", "following", "after", "about", "for", "despite"})
CAUSE_MARKS = frozenset({"after", "because", "since", "following"})
NOT_DATES = frozenset({NOT_A_DATE, A_DURATION, EMPTY})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# Events that are themselves statements: "said on Tuesday, accusing" is dated so.
SPOKEN_TYPES = frozenset(
    {EventType.ACCUSE, EventType.REJECT, EventType.REQUEST, EventType.THREATEN, EventType.SUPPORT}
)
FALLBACKS = frozenset({DateDerivation.PUBLICATION_FALLBACK, DateDerivation.DATELINE})


def _date_for(trigger: Trigger, ctx: Context, anchors: Anchors) -> EventDate:
    """The event's date: the time expression linked to it, else the best fallback.

    Candidates are the sentence's time expressions, nearest in the parse
    first: the trigger's own modifiers, then those of the clauses it hangs
    on or that hang on it. A date inside a noun phrase dates that noun
    ("arrested suspects in the December 7 attacks"); a date of a reporting
    verb is the announcement's, not the event's; a relative clause or a
    reported statement keeps its dates to itself.
    """
    sent = trigger.token.sent
    owners = {trigger.token.i} | ({trigger.carrier.i} if trigger.carrier is not None else set())
    ranked: list[tuple[int, int, Span]] = []
    for span in ctx.times(sent, ctx.body_start):
        if span.root.dep_ in ("nmod", "compound", "amod", "poss") and span.root.head.i not in owners:
            continue
        cost = _link_cost(span, trigger, owners)
        if cost is not None:
            ranked.append((cost, span.start, span))
    future = _is_future(trigger)
    for _, _, span in sorted(ranked, key=lambda item: (item[0], item[1])):
        offset = _offset_from_clause(trigger.token, span, ctx, anchors)
        if offset is not None:
            return offset
        text = span.text
        if _after_since(span) and not text.lower().startswith("since"):
            text = f"since {text}"
        date = resolve_date(
            text, ctx.reference, anchor=anchors.day(), period=anchors.span(), future=future,
            evidence=evidence_for(ctx.article.article_id, span),
        )
        if date.start is None and date.reason in NOT_DATES:
            continue  # "+ 5", "64-year-old", "for three days": no date here
        if not future and date.start is not None and ctx.reference is not None and date.start > ctx.reference:
            continue  # "called for a march next Tuesday": the march's date, not the call's
        return _lasting(trigger, date, ctx.reference, future)
    if trigger.is_aggregate:
        return _date_fallback(ctx, anchors.period)
    return _date_fallback(ctx, anchors.by_type.get(trigger.sense.type))


def _link_cost(span: Span, trigger: Trigger, owners: set[int]) -> int | None:
    """How far a time expression sits from the event in the parse; None when it is not the event's."""
    verb = _clause_verb(span.root)
    if verb.i in owners:
        return 0
    ranges_over = _after_since(span) or "period" in span.text.lower()
    if (
        lexicon.lemma(verb) in lexicon.REPORTING_VERBS
        and not ranges_over
        and trigger.sense.type not in SPOKEN_TYPES
    ):
        return None  # "police said on Thursday": the announcement's date
    up_from_date = [verb, *verb.ancestors]
    up_from_event = [trigger.token, *trigger.token.ancestors]
    positions = {token.i: index for index, token in enumerate(up_from_event)}
    common = next((index for index, token in enumerate(up_from_date) if token.i in positions), None)
    if common is None:
        return None
    date_side = up_from_date[:common]
    event_side = up_from_event[: positions[up_from_date[common].i]]
    extra = 0
    for token in date_side:
        if _describes_argument(token, owners):
            extra = 2  # "attacked troops stationed in Bahir Dar on 15 September": the attack's day
            continue
        if token.dep_ in BLOCKING_DEPS and not (token.dep_ in ("acl", "relcl") and token.head.i in owners):
            return None  # "men who attacked a village on Monday" is not when they were arrested
        if (
            token.dep_ == "advcl"
            and not ranges_over
            and any(c.dep_ == "mark" and c.lower_ in CAUSE_MARKS for c in token.children)
        ):
            return None  # "blocked the road after guards were killed the previous evening"
    for token in event_side:
        if token.dep_ in BLOCKING_DEPS and token.dep_ != "ccomp" and not ranges_over:
            return None  # "mourners gathered on Monday to bury people killed at the weekend"
        if token.dep_ == "pobj" and token.head.lower_ in CAUSE_PREPS and trigger.nominal:
            return None
    return len(date_side) + len(event_side) + extra


def _describes_argument(token: Token, owners: set[int]) -> bool:
    """A participle describing the event's object or subject ("troops stationed in X",
    "a cache containing rifles"): the parser hangs the sentence's closing date on it.
    One that is an event itself ("men killed on Monday") keeps its date."""
    argument = token.head
    return (
        token.dep_ == "acl"
        and token.tag_ in ("VBN", "VBG")
        and lexicon.lemma(token) not in lexicon.VERB_TRIGGERS
        and argument.dep_ in ("dobj", "nsubj", "nsubjpass")
        and argument.head.i in owners
    )


def _is_future(trigger: Trigger) -> bool:
    """ "Protesters will march on Friday": weekdays and dates then look forward."""
    verb = _clause_verb(trigger.carrier if trigger.carrier is not None else trigger.token)
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children)


def _lasting(trigger: Trigger, date: EventDate, reference: dt.date | None, future: bool) -> EventDate:
    """ "A three-day siege began on Monday": the date stretched over the duration."""
    if date.start is None or date.start != date.end or date.precision is not DatePrecision.DAY:
        return date
    token = trigger.token
    before = doc_text(token.doc)[max(token.sent.start_char, token.idx - 40) : token.idx]
    days: int | None = None
    match = re.search(r"(\w+)[- ](day|week|month)(?:-long)? $", before)
    if match is not None and trigger.nominal:
        days = duration_days(f"{match.group(1)} {match.group(2)}")
    for head in (token, trigger.carrier):
        for child in head.children if head is not None else ():
            if days is None and child.dep_ == "prep" and child.lower_ in ("for", "over"):
                days = duration_days(" ".join(t.text for t in child.subtree if t.i != child.i))
    if days is None:
        return date
    words = {t.lemma_.lower() for t in token.sent}
    ending = bool(words & {"end", "conclude", "finish"})
    stretched = with_duration(date, days, ending=ending)
    if stretched.end is not None and reference is not None and stretched.end > reference and not future:
        stretched = replace(stretched, end=reference)
    return stretched


def _offset_from_clause(
    trigger: Token, span: Span, ctx: Context, anchors: Anchors
) -> EventDate | None:
    """ "The announcement came a week after rockets hit the compound": the attack
    is dated a week before the clause it hangs on, whose date is its own, else
    the last day the text named, else the reference date."""
    marker = next((c for c in trigger.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
    if marker is None or trigger.dep_ != "advcl" or span.root.head.i not in (trigger.i, marker.i):
        return None
    days = duration_days(span.text)
    if days is None:
        return None
    main = trigger.head
    own = [
        e for e in ctx.times(trigger.sent, 0)
        if e.start != span.start and _clause_verb(e.root).i == main.i
    ]
    reference = ctx.reference
    if own:
        base = resolve_date(own[0].text, reference)
    elif anchors.named_day is not None:
        base = anchors.named_day
    elif reference is not None:
        base = EventDate(reference, reference, DatePrecision.DAY, ctx.reference_derivation)
    else:
        return None
    if base.start is None or base.precision is not DatePrecision.DAY:
        return None
    shift = dt.timedelta(days=-days if marker.lower_ == "after" else days)
    day = base.start + shift
    subject = next((c for c in main.children if c.dep_ == "nsubj"), None)
    what = subject.text if subject is not None else main.text
    return EventDate(
        day, day, DatePrecision.DAY, DateDerivation.RELATIVE_TO_EVENT, span.text,
        f"{span.text} {marker.lower_} the {what} of {base.start}",
        evidence_for(ctx.article.article_id, span),
    )


def _named_days(sent: Span, ctx: Context, anchors: Anchors) -> Anchors:
    """Remember the last single day the text names ("on Thursday") and the last period ("since October 7")."""
    for span in ctx.times(sent, ctx.body_start):
        since = _after_since(span)
        text = f"since {span.text}" if since and not span.text.lower().startswith("since") else span.text
        date = resolve_date(text, ctx.reference, anchor=anchors.day(), period=anchors.span())
        if date.start is None:
            continue
        if date.precision is DatePrecision.DAY and date.start == date.end:
            anchors = replace(anchors, named_day=date)
        elif since or "period" in span.text.lower():
            anchors = replace(anchors, period=date)
    return anchors


def _dated_mentions(sent: Span, ctx: Context, anchors: Anchors, days: dict[EventType, set[dt.date]]) -> Anchors:
    """Dates that name an event in passing ("the December 7 attacks") become anchors."""
    for span in ctx.times(sent, ctx.body_start):
        if span.root.dep_ not in ("nmod", "compound", "amod"):
            continue
        sense = lexicon.NOUN_TRIGGERS.get(span.root.head.lemma_.lower())
        if sense is None:
            continue
        date = resolve_date(span.text, ctx.reference)
        if date.start is not None:
            anchors = replace(anchors, last=date, by_type={**anchors.by_type, sense.type: date})
            if date.precision is DatePrecision.DAY and date.start == date.end and _is_calendar_date(span.text):
                days.setdefault(sense.type, set()).add(date.start)
    return anchors


def _date_fallback(ctx: Context, anchor: EventDate | None) -> EventDate:
    """A date for an event whose sentence gives none, saying where it came from.

    The date of the last event of the same type reported before it (news
    tells one event over several sentences), or for an aggregate the period
    named before it; else the reference date (publication or dateline); else
    unknown.
    """
    if anchor is not None and anchor.start is not None:
        return EventDate(
            anchor.start, anchor.end, anchor.precision, DateDerivation.RELATIVE_TO_EVENT,
            anchor.mention, "no date in its sentence; the date of the event or period told before it",
            anchor.evidence,
        )
    reference = ctx.reference
    if reference is not None:
        source = "dateline" if ctx.reference_derivation is DateDerivation.DATELINE else "publication date"
        return EventDate(
            reference, reference, DatePrecision.DAY, ctx.reference_derivation,
            None, f"no date in the text; the {source}",
        )
    return EventDate(
        None, None, DatePrecision.UNKNOWN, DateDerivation.UNRESOLVED,
        None, "no time expression in the text and no publication date",
    )


def _reference(article: Article, dateline: Dateline | None) -> tuple[dt.date | None, DateDerivation]:
    """The day relative dates are read against: the dateline's day when it is a day of
    the week before publication (when the story was filed), else the publication
    date; without one, a dateline that carries its year."""
    published = article.published
    if dateline is None or dateline.date is None:
        return published, DateDerivation.PUBLICATION_FALLBACK
    filed = resolve_date(dateline.date, published)
    if filed.start is None or filed.precision is not DatePrecision.DAY:
        return published, DateDerivation.PUBLICATION_FALLBACK
    if published is None:
        return filed.start, DateDerivation.DATELINE
    if published - dt.timedelta(days=7) <= filed.start < published:
        return filed.start, DateDerivation.DATELINE
    return published, DateDerivation.PUBLICATION_FALLBACK


def _narrowed(events: list[Event], days: dict[EventType, set[dt.date]]) -> list[Event]:
    """ "Attacked the embassy last week" and "the December 7 attacks": one day, named once.

    An event known to the week or month takes the day when exactly one
    calendar date ("December 7", not "Saturday") inside its range is named
    for an event of its type.
    """
    for event in events:
        date = event.date
        if (
            date is not None and date.start is not None and date.start == date.end
            and date.precision is DatePrecision.DAY and date.derivation not in FALLBACKS
            and not event.is_aggregate and _is_calendar_date(date.mention)
        ):
            days.setdefault(event.type, set()).add(date.start)
    narrowed = []
    for event in events:
        date = event.date
        if (
            date is not None and date.start is not None and date.end is not None
            and not event.is_aggregate
            and date.precision in (DatePrecision.WEEK, DatePrecision.MONTH)
            and date.start != date.end
        ):
            inside = {day for day in days.get(event.type, set()) if date.start <= day <= date.end}
            if len(inside) == 1:
                (day,) = inside
                date = EventDate(
                    day, day, DatePrecision.DAY, DateDerivation.RELATIVE_TO_EVENT, date.mention,
                    f"{date.mention}: the one day in that range named for a {event.type.value} event",
                    date.evidence,
                )
                event = replace(event, date=date)
        narrowed.append(event)
    return narrowed


def _is_calendar_date(text: str | None) -> bool:
    """ "December 7", "7/12/2023": a day named by its date, not its weekday or a relative word."""
    return text is not None and bool(re.search(r"\d", text)) and not re.search(r"\b(?:ago|later|earlier|past|last)\b", text.lower())


def _after_since(span: Span) -> bool:
    """True for "since October 7" and "since the war broke out on October 7"."""
    if span.doc[max(span.start - 1, 0)].lower_ == "since" and span.start > 0:
        return True
    head = span.root.head
    if head.lower_ == "since":
        return True
    verb = _clause_verb(span.root)
    return any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children)


def _is_modifier(ent: Span) -> bool:
    """A place name used as an actor, owner or sponsor, not as where something happened.

    "US facilities", "Iran-backed", "Washington said", "called on Baghdad".
    """
    root = ent.root
    if root.dep_ in ACTOR_DEPS:
        return True
    if _is_sponsor(ent):
        return True
    return root.dep_ == "pobj" and root.head.lower_ in ("on", "by", "for", "of")


SPONSOR_WORDS = frozenset({"backed", "led", "allied", "aligned", "sponsored", "funded", "supported", "based", "affiliated"})


def _is_sponsor(span: Span) -> bool:
    """ "Tehran-backed", "Kabul-based": a place as sponsor or seat, never where it happened."""
    doc = span.doc
    return (
        span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ in SPONSOR_WORDS
    )


def _is_actor(span: Span) -> bool:
    """ "Baghdad said", "called on Baghdad to rein them in": a city standing for its government."""
    root = span.root
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in SPEECH_VERBS:
        return True
    # "called on Baghdad", "demands by Kyiv"; but "an attack on Kharkiv" is a place
    return (
        root.dep_ == "pobj"
        and root.head.lower_ in ("on", "by", "for")
        and root.head.head.lemma_.lower() in SPEECH_VERBS
    )


SPEECH_VERBS = frozenset(
    {"say", "tell", "call", "demand", "urge", "accuse", "blame", "deny", "warn", "announce",
     "claim", "insist", "reject", "condemn", "threaten", "vow", "ask", "agree", "refuse"}
)


def _is_origin(span: Span) -> bool:
    """ "from Ethiopia", "fired from Lebanon": where someone came from, not where it happened."""
    root = span.root
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    after = span.doc[span.end : span.end + 2]
    if len(after) == 2 and after[0].lower_ == "to" and after[1].text[:1].isupper():
        return False  # "a bus travelling from Elwak to Mandera": a route, which the event was on
    return (root.dep_ == "pobj" and root.head.lower_ == "from") or before == "from"


def _at_capital(place: Place, gazetteer: Gazetteer) -> Place:
    """An event placed only in a country goes to the country's capital, as ACLED codes
    such events; the precision stays 3, so the point claims no more than the country."""
    country = gazetteer.country_by_code(place.country) if place.country else None
    if (
        country is None
        or country.capital is None
        or place.geonameid != country.geonameid
        or place.precision is not GeoPrecision.REGION
    ):
        return place
    return replace(place, lat=country.capital[0], lon=country.capital[1], reason=f"{place.reason}; at its capital")


# How far from an area's point a town it names may lie and still be taken as inside it
AREA_REACH_KM = 100.0


def _town_in_area(first: Place, later: Iterator[tuple[Span, Place]]) -> Place:
    """The first place a sentence names, or a town it names later in that place: "in Makueni
    county students marched in Kibwezi town" (not "to Nkubu School"), "in the Kenyan town
    of Garissa"."""
    if first.precision is not GeoPrecision.REGION or first.lat is None or first.lon is None:
        return first
    country_only = first.reason is not None and first.reason.startswith("country only")
    if not country_only and not (first.reason or "").endswith("not a town"):
        return first
    for span, place in later:
        if (
            place.precision is GeoPrecision.EXACT
            and place.country == first.country
            and place.lat is not None and place.lon is not None
            and (country_only or km_between(first.lat, first.lon, place.lat, place.lon) <= AREA_REACH_KM)
            and _said_where(span)
        ):
            return place
    return first


def _common_word_abroad(span: Span, place: Place, gazetteer: Gazetteer) -> bool:
    """ "Rice farmers protest", "Tea farmers marched": an English noun at the start of a
    sentence, capitalised only by its place there, names no small town abroad ("Kitale
    residents marched" is still Kitale, which is no English noun; "Nairobi" a city)."""
    first = span[0]
    if len(span) > 2 or not first.is_sent_start or first.pos_ not in ("NOUN", "PROPN"):
        return False
    if place.precision is not GeoPrecision.EXACT or (place.reason or "").startswith("city in an article country"):
        return False
    if first.lower_ not in common_nouns(first.doc):
        return False
    town = next((c for c in gazetteer.cities(place.name or "") if c.geonameid == place.geonameid), None)
    return town is None or town.population < ALIAS_CITY


def _said_where(span: Span) -> bool:
    """Whether a place name is told as where: after a locative preposition, or as a
    kind of place ("the town of Garissa", "Kibwezi town")."""
    root, head = span.root, span.root.head
    if root.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lemma_.lower() in lexicon.PLACE_NOUNS
    if root.dep_ == "pobj":
        return head.lower_ in LOCATIVE_PREPS
    return root.dep_ == "compound" and head.lemma_.lower() in lexicon.PLACE_NOUNS


def _place_for(trigger: Trigger, places: tuple[Span, ...], actor_tokens: set[int], ctx: Context) -> Place:
    """Where the event happened, most specific evidence first.

    The trigger's own locative phrases; a place named elsewhere in its
    sentence; then, with lower precision, a place named elsewhere in the
    article, the dateline, or the article's main country.
    """
    article_id = ctx.article.article_id
    resolved = [
        # a town the model tagged as a person ("shelled Kherson") is looked up by its words
        ctx.place_of(span, as_name=span.text if span.root.ent_type_ == "PERSON" else None)
        for span in places
    ]
    # a country as owner or origin ("the US embassy", "the UK national's home",
    # "militias from Ethiopia") says whose or whence, not where
    aside = [
        _is_origin(span)
        or _is_sponsor(span)
        or (p.reason == "country only" and ctx.gazetteer.country(span.root.text) is None)
        for span, p in zip(places, resolved, strict=True)
    ]
    good = [p for p, away in zip(resolved, aside, strict=True) if p.lat is not None and not away]
    if good:
        return min(good, key=lambda p: int(p.precision or 3))
    resolved = [p for p, away in zip(resolved, aside, strict=True) if not away] + [
        p for p, away in zip(resolved, aside, strict=True) if away
    ]
    doc = trigger.token.doc
    sentence = trigger.token.sent
    for scope, reason in ((sentence, None), (doc[:], "named elsewhere in the article")):
        # resolved one by one: most events need only the first
        found = (
            (span, place) for span in _place_candidates(ctx.scope_places(scope), actor_tokens)
            if (place := ctx.place_of(span)).lat is not None
            and not _common_word_abroad(span, place, ctx.gazetteer)
        )
        first = next(found, None)
        if first is not None and reason is None:
            return _town_in_area(first[1], found)
        if first is not None:
            return replace(first[1], precision=_looser(first[1].precision), reason=reason)
    unknown = resolved[0] if resolved else None
    dateline = ctx.dateline
    if dateline is not None:
        filed = doc.char_span(dateline.place_start, dateline.place_end)
        if filed is not None:
            place = resolve_place(
                article_id, filed, ctx.gazetteer, ctx.places, as_name=dateline.place.title()
            )
            if place.lat is not None:
                return replace(
                    place, precision=_looser(place.precision), reason="dateline: where the story was filed"
                )
    country = ctx.gazetteer.country_by_code(ctx.main_country) if ctx.main_country else None
    if country is not None and unknown is not None:
        misspelt = misspelt_place(unknown, ctx.gazetteer, country.iso3)
        if misspelt is not None:
            return misspelt
        # the named place is unknown, not elsewhere: its country, with the mention kept
        return replace(
            country_place(country, unknown.mention, unknown.evidence, ""),
            reason=f"{unknown.mention} {unknown.reason}; the country the article is about",
        )
    if country is not None:
        return country_place(
            country, "", None, "no place for the event; the country the article is about"
        )
    if unknown is not None:
        return unknown
    return Place(mention="", reason="no place named in the article")


LOCALS = frozenset(
    {"resident", "villager", "people", "youth", "trader", "student", "farmer", "inhabitant", "local"}
)


# Institutions named for their town: "the University of Eldoret", "Garissa University".
TOWN_INSTITUTIONS = frozenset({"university", "college", "polytechnic"})


def _home_of_locals(token: Token, body_start: int) -> bool:
    """ "Residents of Kisauni", "Narok residents", "University of Kisii students",
    "a Kisumu-based editor": where locals come from is where they acted."""
    if token.idx < body_start or token.lower_ in KIND_WORDS:
        return False
    if token.pos_ != "PROPN" and not (token.is_sent_start and token.is_title and token.pos_ == "NOUN"):
        return False  # the model reads a name that opens a sentence as a noun: "Eldoret residents"
    if token.dep_ == "compound" and token.head.lemma_.lower() in LOCALS:
        return True
    following = token.doc[token.i + 1 : token.i + 3]
    if len(following) == 2 and following[0].text == "-" and following[1].lower_ == "based":
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in TOWN_INSTITUTIONS:
        return True
    if token.dep_ == "compound" and token.head.lower_ in KIND_WORDS:
        token = token.head  # "residents of the Milano area"
    return (
        token.dep_ == "pobj"
        and token.head.lower_ in ("of", "from")
        and token.head.head.lemma_.lower() in LOCALS
    )


class _ScopePlaces(NamedTuple):
    """The place names of a span, with every test that does not depend on the event done.

    ``entities``: place entities, each with whether it is dropped when it holds a word
    of the event's actors (a country, or a town not used as a modifier); ``words``:
    untagged proper nouns after a locative preposition or naming locals' home;
    ``phrases``: forms the model misses (``place_phrases``).
    """

    entities: tuple[tuple[Span, bool], ...]
    words: tuple[Span, ...]
    phrases: tuple[Span, ...]


def _scope_places(scope: Span, body_start: int, gazetteer: Gazetteer) -> _ScopePlaces:
    """What ``_place_candidates`` reads in a scope, the same for every event of the article.

    A country used as an owner or sponsor ("US facilities", "Iran-backed") is left
    out; so are origins ("rockets from Lebanon hit Haifa": in Haifa), sponsors
    ("Tehran-backed") and cities standing for governments ("called on Baghdad").
    """
    named: list[tuple[Span, bool]] = []
    for ent in entities(scope):
        if ent.start_char < body_start or ent.label_ not in PLACE_LABELS:
            continue
        is_country = gazetteer.country(ent.text) is not None
        modifier = _is_modifier(ent)
        if modifier and is_country:
            continue
        if _is_origin(ent) or _is_sponsor(ent) or _is_actor(ent):
            continue
        # "Washington said" is an actor, not a place; but "Mombasa residents" says where
        named.append((ent, is_country or not modifier))
    phrases = [  # "Natore town", "in Lanyiru": forms the model misses
        phrase for phrase in place_phrases(scope)
        if phrase.start_char >= body_start
        and not _is_origin(phrase)
        and gazetteer.country(phrase.text) is None
    ]
    # a name the model cut ("Homa [Bay county]") is the whole name the phrase found
    named = [
        (next((p for p in phrases if p.start < ent.start and p.end >= ent.end), ent), drops)
        for ent, drops in named
    ]
    words = [
        noun_phrase(token)
        for token in scope
        if (token.pos == PROPN or token.is_sent_start)  # what both tests need, read cheaply first
        and (
            token.dep_ == "pobj"
            and token.head.lower_ in LOCATIVE_PREPS
            and token.pos_ == "PROPN"
            and token.idx >= body_start
            and token.ent_type_ in ("", "ORG", "NORP", "PERSON")  # "in Mandera" tagged ORG
        ) or _home_of_locals(token, body_start)
    ]
    return _ScopePlaces(tuple(named), tuple(words), tuple(phrases))


def _place_candidates(scope: _ScopePlaces, actor_tokens: set[int]) -> list[Span]:
    """Place names in a span that may say where an event happened, in text order.

    Place entities, and proper nouns after a locative preposition that the
    model did not tag ("in Nyeri"), without the words of the event's actors.
    A country used as an owner or sponsor ("US facilities", "Iran-backed") is
    left out; a town used so is kept ("Mombasa residents protested": in Mombasa).
    """
    found: dict[int, Span] = {}
    for ent, actor_drops in scope.entities:
        if actor_drops and any(i in actor_tokens for i in range(ent.start, ent.end)):
            continue  # "Washington said"; but "Mombasa residents" says where
        found[ent.start] = ent
    for phrase in scope.words:
        found.setdefault(phrase.start, phrase)
    for phrase in scope.phrases:
        if (
            not (any(i in actor_tokens for i in range(phrase.start, phrase.end)) and not _locals_home(phrase))
            and not any(s <= phrase.start < s + len(f) for s, f in found.items())
        ):
            found.setdefault(phrase.start, phrase)
    return [found[start] for start in sorted(found)]


_PEOPLE_OF_BEFORE = re.compile(r"\b(?:residents|villagers|inhabitants|locals|people)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _locals_home(phrase: Span) -> bool:
    """Whether a place phrase inside an actor names where the actors live ("Residents of
    Kisumu attacked", "Narok residents blocked"): where they acted, parse or no parse."""
    doc = phrase.doc
    if phrase.end < len(doc) and doc[phrase.end].lemma_.lower() in LOCALS:
        return True
    before = doc_text(doc)[max(phrase.start_char - 40, 0) : phrase.start_char]
    return _PEOPLE_OF_BEFORE.search(before) is not None


def _looser(precision: GeoPrecision | None) -> GeoPrecision:
    """A place inferred from elsewhere is at best 'near' (ACLED precision 2)."""
    return max(precision or GeoPrecision.NEAR, GeoPrecision.NEAR)


def _quantities(counts: list[Count], kind: str, attribution: Attribution, article_id: str) -> tuple[Quantity, ...]:
    """The event's reported counts of one kind, each a credible alternative figure.

    A part of a group ("one of them") or a victim named again ("the student")
    is dropped when the event has a count of the whole: it is no alternative
    toll, and ACLED's lowest-credible figure would take it for one.
    """
    own = [c for c in counts if c.kind == kind]
    wholes = [c for c in own if not _is_part(c)]
    if wholes:
        own = wholes
    return tuple(
        Quantity(c.min, c.max, c.span.text, attribution, evidence_for(article_id, c.span))
        for c in own
    )


def _is_part(count: Count) -> bool:
    if is_partitive(count.span.root):
        return True
    return count.min == count.max == 1 and count.span[0].lower_ in ("the", "his", "her", "their")


SETTING_PREPS = frozenset({"in", "during", "amid", "at"})
ACCUSING = frozenset({"accuse", "accused", "suspect", "charge", "convict", "acquit", "guilty"})
# Nouns whose object is a death told before: "justice for", "an inquiry into", "the anniversary of".
ABOUT_A_DEATH = frozenset(
    {"investigation", "inquiry", "probe", "justice", "anniversary", "memorial", "funeral", "trial",
     "case", "compensation", "commemoration", "vigil", "connection", "reinvestigation"}
)
# Verbs whose object is a death told before: "protesting the death of", "mourning the killing of".
PROTESTED = frozenset({"protest", "mourn", "condemn", "denounce", "commemorate", "investigate"})


def _is_cause(word: Token, stop: Token | None) -> bool:
    """ "protest over the death of a student": a death the event answers, told as its
    cause ("over", "following", "after" ...), is not a toll of that event."""
    for ancestor in [word, *word.ancestors]:
        if stop is not None and ancestor.i == stop.i:
            return False
        if ancestor.lower_ in CAUSE_PREPS and ancestor.dep_ in ("prep", "advcl", "acl", "pcomp"):
            return True
        if ancestor.dep_ == "prep" and ancestor.lower_ in ("of", "in", "for") and ancestor.head.lemma_.lower() in ACCUSING:
            return True  # "accusing him of murdering a police officer": an allegation
        if ancestor.dep_ == "prep" and ancestor.head.lemma_.lower() in ABOUT_A_DEATH:
            return True  # "an investigation into the death of a student"
        if ancestor.dep_ == "dobj" and ancestor.head.lemma_.lower() in PROTESTED:
            return True  # "protesting the death of a suspect in a cell"
        if ancestor.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CAUSE_MARKS for c in ancestor.children
        ):
            return True
    return False


def _owner(count: Count, events: list[tuple[Trigger, Token | None]]) -> int | None:
    """Which of the sentence's events a count belongs to.

    The word the count hangs on when it is an event's trigger, except that
    "three were killed in a clash" gives the toll to the clash; else the event
    whose clause holds the word; else the sentence's first event that can have
    such a count. A death told as the cause of an event ("a protest over the
    killing of two students") belongs to none of them.
    """
    for index, (trigger, _) in enumerate(events):
        if count.word.i in (trigger.token.i, trigger.carrier.i if trigger.carrier else -1):
            setting = {
                g.i
                for c in count.word.children
                if c.dep_ == "prep" and c.lower_ in SETTING_PREPS
                for g in c.children
                if g.dep_ == "pobj"
            }
            for other, (candidate, _) in enumerate(events):
                if (
                    candidate.token.i in setting
                    and candidate.nominal
                    and candidate.sense.type is EventType.ASSAULT
                ):
                    return other
            return index
    ancestors = {t.i for t in count.word.ancestors}
    for index, (trigger, _) in enumerate(events):
        if trigger.token.i in ancestors and trigger.sense.type in COUNT_TYPES[count.kind]:
            return None if _is_cause(count.word, trigger.token) else index
    if _is_cause(count.word, None):
        return None
    # "protesters rallied, claiming the trader died": what protesters claim is not their toll
    claimed = any(t.dep_ == "ccomp" for t in [count.word, *count.word.ancestors])
    for index, (trigger, _) in enumerate(events):
        if trigger.sense.type in COUNT_TYPES[count.kind] and not (
            claimed and trigger.sense.type is EventType.PROTEST
        ):
            return index
    return None


def _kind_of(phrase: Span | None, ctx: Context) -> ActorKind | None:
    if phrase is None:
        return None
    return resolve_actor(
        ctx.article.article_id, phrase, ctx.gazetteer, ctx.main_country, organisations=ctx.organisations
    ).kind


def _referred_event(trigger: Trigger, events: list[Event]) -> int | None:
    """The earlier event a definite noun refers back to ("the clash", "this attack")."""
    if not trigger.nominal:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in trigger.token.children):
        return None
    if any(c.dep_ in ("prep", "compound", "amod", "nummod") for c in trigger.token.children):
        return None  # "the attack on the base", "the December 7 attacks": said anew
    for index in range(len(events) - 1, -1, -1):
        event = events[index]
        if event.type is trigger.sense.type:
            return index
        if trigger.sense.type is EventType.ASSAULT and event.type is EventType.PROTEST and event.mode == "riot":
            return index  # "clashed with police during their march. 20 were injured in the clash"
    return None


def _add_to_previous(
    events: list[Event], count: Count, ctx: Context, *, only: int | None = None, more: bool = False
) -> None:
    """Attach a count from a sentence without events to the last fitting event.

    An event that already has a count of this kind keeps it. When every fitting
    event has one, a sentence that only states the toll ("2 fatalities.", "Total
    9 deaths.") gives the total of the last one, replacing the parts told before.
    ``more``: the count adds to the event's toll ("2 militants were also killed").
    """
    fitting = [
        index for index in range(len(events) - 1, -1, -1)
        if (only is None or index == only) and events[index].type in COUNT_TYPES[count.kind]
    ]
    empty = [index for index in fitting if not getattr(events[index], count.kind)]
    told = [index for index in fitting if index not in empty]
    if more and told:
        fitting = told[:1]  # "also killed": more victims of the event whose toll was told
    elif empty:
        fitting = empty[:1]
    elif only is not None or not _states_toll(count):
        fitting = []
    if not fitting:
        return
    index = fitting[0]
    event = events[index]
    quantity = Quantity(
        count.min, count.max, count.span.text, event.attribution,
        evidence_for(ctx.article.article_id, count.span),
    )
    before: tuple[Quantity, ...] = getattr(event, count.kind)
    if more and before:
        quantity = _added(before[0], quantity)
    events[index] = event.with_counts({count.kind: (quantity,)})


def _added(first: Quantity, more: Quantity) -> Quantity:
    """A toll and the victims a later sentence adds to it ("also killed"), as one count whose
    evidence is the addition and whose mention shows both."""
    low = None if first.min is None or more.min is None else first.min + more.min
    high = None if first.max is None or more.max is None else first.max + more.max
    return replace(more, min=low, max=high, mention=f"{first.mention} + {more.mention}")


def _also(word: Token) -> bool:
    """ "were also killed", "died too": victims added to a toll already told."""
    return any(c.dep_ == "advmod" and c.lower_ in ("also", "too") for c in word.children)


def _adds_victims(trigger: Trigger) -> bool:
    """ "2 militants were also killed", "four others died too": more victims of the event
    told before, not an event of their own (the sentence names no one who killed them)."""
    token = trigger.token
    return (
        not trigger.nominal
        and lexicon.lemma(token) in (lexicon.KILL_WORDS | lexicon.INJURE_WORDS)
        and _also(token)
        and not any(c.dep_ == "agent" for c in token.children)
        and (lexicon.lemma(token) in DYING_VERBS or not any(c.dep_ == "nsubj" for c in token.children))
    )


TOLL_NOUNS = frozenset({"fatality", "death", "casualty", "injury", "arrest", "toll"})
TOLL_VERBS = frozenset(
    {"report", "confirm", "record", "be", "total", "rise", "climb", "reach", "stand", "increase"}
)


def _states_toll(count: Count) -> bool:
    """ "3 fatalities.", "Total 9 deaths reported.": a sentence that only gives a toll."""
    word = count.word
    if word.pos_ != "NOUN" or word.lemma_.lower() not in TOLL_NOUNS:
        return False
    return not any(t.pos_ in ("VERB", "AUX") and t.lemma_.lower() not in TOLL_VERBS for t in word.sent)


def _same_event_as_head(trigger: Trigger, chosen: list[Trigger]) -> int | None:
    """The index in ``chosen`` of the trigger this one tells again, if any: "attacked and
    killed", "hit by a bomb, killing four" are one event, not two."""
    if trigger.token.dep_ not in ("conj", "advcl"):
        return None
    return next(
        (i for i, c in enumerate(chosen) if c.token.i == trigger.token.head.i and c.sense.type is trigger.sense.type),
        None,
    )


WEAPON_MODES = frozenset(lexicon.WEAPON_MODES.values())
CLAIMS = frozenset({EventType.REQUEST, EventType.ACCUSE, EventType.REJECT})
CROWD_KINDS = frozenset({ActorKind.PROTESTERS, ActorKind.RIOTERS, ActorKind.MOB})


def _is_protest_claim(event: Event, triggers: list[Trigger], before: Event | None) -> bool:
    """What a crowd demands, accuses or rejects is the content of its protest, not an
    event of its own: "protesters demanded his release", "a rally ... accusing the
    governor", "Workers marched in Lima. They demanded ..." (ACLED and PLOVER code the
    protest, with its claim in the notes). So is what attackers demand of their victim."""
    if event.type not in CLAIMS:
        return False
    if event.actor1 is not None and event.actor1.kind in CROWD_KINDS:
        return True
    if (
        before is not None
        and before.type is EventType.PROTEST
        and event.evidence.sentence_index - before.evidence.sentence_index <= 1
        and (event.actor1 is None or event.actor1.kind is None)
    ):
        return True  # "they", "the group" right after the protest: its marchers
    if (
        event.type is EventType.REQUEST
        and before is not None
        and before.type is EventType.ASSAULT
        and event.evidence.sentence_index - before.evidence.sentence_index <= 1
        and event.actor1 is not None
        and event.actor1.kind is ActorKind.UNIDENTIFIED
    ):
        return True  # "the attackers demanded that she quit the race": part of the attack
    return any(t.sense.type is EventType.PROTEST for t in triggers)


def extract_events(
    article: Article,
    doc: Doc,
    gazetteer: Gazetteer,
    organisations: Organisations | None = None,
    default_country: str | None = None,
) -> list[Event]:
    """Every event the article reports, in text order (``organisations``: the named-organisation
    table, by default the shipped one; ``default_country``: the ISO3 code of the country the
    article is about when it names none, the ``country`` setting)."""
    dateline = find_dateline(doc.text)
    reference, derivation = _reference(article, dateline)
    organisations = organisations or load_organisations()
    places = place_context(doc, gazetteer)
    if not places.countries:  # no place named: the countries its organisations' names hint at
        places = replace(places, countries=hinted_countries(doc, gazetteer, organisations))
    if not places.countries and not places.deployed and default_country:
        places = replace(places, countries=(default_country,))  # the feed's country, as the desk set it
    if not places.countries and not places.deployed:
        places = replace(places, homes=armed_group_homes(doc, organisations))
    ctx = Context(article, gazetteer, places, dateline, reference, derivation, organisations)
    named: dict[EventType, set[dt.date]] = {}
    source = Source(article.article_id, article.outlet, article.url, article.published)
    events: list[Event] = []
    anchors = Anchors(None, {})
    for sent in doc.sents:
        triggers: list[Trigger] = []
        for trigger in find_triggers(sent):
            head = _same_event_as_head(trigger, triggers)
            if head is None:
                triggers.append(trigger)
            elif triggers[head].mode is None and trigger.token.dep_ == "advcl" and trigger.mode in WEAPON_MODES:
                # "were killed when explosives went off": the clause says with what
                triggers[head] = replace(triggers[head], mode=trigger.mode)
        slots = [(t, target) for t in triggers for target in split_targets(t)]
        staging: dict[int, int] = {}  # the verb that carries a protest noun -> that protest's event
        counts = find_counts(sent)
        owned: dict[int, list[Count]] = {}
        for count in counts:
            owner = _owner(count, slots)
            if owner is not None:
                owned.setdefault(owner, []).append(count)
            elif not slots:
                # "1 fatality.", "Several injuries reported.": the event told just before
                _add_to_previous(events, count, ctx, more=_also(count.word))
        for index, (trigger, target) in enumerate(slots):
            if events and _adds_victims(trigger) and events[-1].type is EventType.ASSAULT and (
                trigger.token.sent.start > 0
            ):
                for count in owned.get(index, []):
                    _add_to_previous(events, count, ctx, more=True)
                continue
            earlier = _referred_event(trigger, events)
            if earlier is not None:
                # "1 person was killed in the clash": the clash told before, not a new one
                for count in owned.get(index, []):
                    _add_to_previous(events, count, ctx, only=earlier)
                continue
            event = _build(trigger, target, owned.get(index, []), ctx, source, anchors)
            if _is_protest_claim(event, triggers, events[-1] if events else None):
                continue
            staged = staging.get(trigger.token.head.i) if trigger.token.dep_ == "conj" else None
            if staged is not None and event.type is EventType.PROTEST and event.mode == "riot":
                # "staged a demonstration and clashed with police": one demonstration, turned violent
                before = events[staged]
                events[staged] = event.with_counts(
                    {kind: getattr(event, kind) or getattr(before, kind) for kind in COUNT_FIELDS}
                )
                continue
            if event.type is EventType.PROTEST and trigger.carrier is not None:
                staging[trigger.carrier.i] = len(events)
            date = event.date
            if (
                date is not None
                and date.start is not None
                and not event.is_aggregate
                and date.derivation not in FALLBACKS
            ):
                anchors = replace(anchors, last=date, by_type={**anchors.by_type, event.type: date})
            if event.is_aggregate and date is not None and date.start is not None and date.start != date.end:
                anchors = replace(anchors, period=date)
            events.append(event)
        no_claim = says_unclaimed(sent)
        if no_claim is not None:
            _mark_unclaimed(events, sentence_evidence(article.article_id, no_claim), no_claim.idx)
        claimer = claimant(sent)
        if claimer is not None:
            _mark_claimed(events, _named(_actor(noun_phrase(claimer), ctx, pronoun_ok=True)))
        anchors = _named_days(sent, ctx, _dated_mentions(sent, ctx, anchors, named))
    sentences = list(doc.sents)
    return [_escalated(event, doc, sentences) for event in _narrowed(events, named)]


def _latest_attack(events: list[Event], before: int | None = None) -> int | None:
    """The index of the latest attack (not a tally) whose trigger comes before character
    ``before``, when no one has claimed it yet; None otherwise."""
    for index in range(len(events) - 1, -1, -1):
        event = events[index]
        if event.type is EventType.ASSAULT and not event.is_aggregate and (
            before is None or event.trigger.start < before
        ):
            return index if event.claimed_by is None else None
    return None


def _mark_unclaimed(events: list[Event], evidence: Evidence, before: int) -> None:
    """The latest attack told before ``before`` is the one "no group has claimed"."""
    index = _latest_attack(events, before)
    if index is not None:
        events[index] = replace(events[index], unclaimed=evidence)


def _named(actor: Actor | None) -> Actor | None:
    """The actor when it has a name: "the group" that refers to no one known says nothing."""
    return actor if actor is not None and any(c.isupper() for c in actor.name) else None


def _mark_claimed(events: list[Event], claimer: Actor | None) -> None:
    """ "X claimed responsibility": X claims the latest attack not claimed yet."""
    index = _latest_attack(events) if claimer is not None else None
    if index is not None:
        events[index] = replace(events[index], claimed_by=claimer)


# Those who fight as an organisation; violence by anyone else is, for ACLED, a riot.
ORGANISED = frozenset(
    {ActorKind.MILITARY, ActorKind.POLICE, ActorKind.REBEL, ActorKind.COMMUNAL, ActorKind.GOVERNMENT,
     ActorKind.INTERNATIONAL}
)
# Violence done by hand: "assaulted", "stabbed" (not shooting, not bombing).
BY_HAND = frozenset({"assault", "stab"})


def _unorganised(
    type_: EventType, mode: str | None, trigger: Trigger, actor1: Actor | None, actor2: Actor | None
) -> str | None:
    """Mob violence where no armed organisation is in the fight, else ``mode`` unchanged.

    "Assailants assaulted a trader" and "supporters of a councillor clashed with
    rivals" are people, not armed groups, fighting: ACLED's mob violence. A
    side of no known kind and no name ("two groups of rivals") in a clash with
    no armed side and no weapon is the same, and so is vandalism by anyone but
    an armed organisation.
    """
    if type_ is not EventType.ASSAULT:
        return mode
    kind1 = actor1.kind if actor1 is not None else None
    kind2 = actor2.kind if actor2 is not None else None
    lemma = lexicon.lemma(trigger.token)
    # "was assaulted" with no doer named is still a beating; "was stabbed to death" may be a murder
    doer_fits = actor1 is not None or lemma == "assault"
    if mode is None and lemma in BY_HAND and kind1 not in ORGANISED and doer_fits:
        return "mob violence"
    if mode == "property destruction" and lemma == "vandalize" and kind1 not in ORGANISED:
        return "mob violence"  # "unidentified persons vandalized a temple": not an armed group's act
    unarmed2 = kind2 not in ORGANISED and kind2 is not ActorKind.UNIDENTIFIED
    if mode == "armed clash" and actor1 is not None and kind1 is None and unarmed2:
        named = (
            any(word[:1].isupper() for word in actor1.mention.split()[1:])
            or actor1.mention.isupper()
            or _capitalised_inside(actor1)
        )
        armed = any(
            t.lemma_.lower() in lexicon.WEAPONS or t.lower_ in ("armed", "gun", "gunfire", "fire")
            for t in trigger.token.sent
        )
        if not (named or armed):  # "LNA forces", "clashed with heavy artillery": organised or armed
            return "mob violence"
    return mode


def _capitalised_inside(actor: Actor) -> bool:
    """True for a side named with a capital where the sentence does not call for one
    ("clashes between Pokot and Tugen"): a group's or a people's name, not "Youths"."""
    evidence = actor.evidence
    if evidence is None or not actor.mention[:1].isupper():
        return False
    return evidence.start > evidence.sentence_start


# Protest modes that what surrounds them can change, and what an intervention can become.
ESCALATING = frozenset({None, "peaceful", "obstruct", "strike", "intervention"})
FIERCER = frozenset({"riot", "excessive force"})


# What a crowd that turns violent may be holding: "during the blockade", "amid the hartal".
DEMONSTRATIONS = frozenset(
    {"demonstration", "protest", "rally", "march", "procession", "blockade", "hartal", "strike",
     "shutdown", "sit-in", "picket", "agitation"}
)
DEMONSTRATION_MARKS = frozenset({"during", "amid", "amidst"})
NOT_DEMONSTRATIONS = frozenset({"air", "drone", "missile", "victory", "celebratory", "funeral", "religious"})
STAGING = frozenset({"stage", "hold", "organise", "organize", "launch", "join"})


def _at_demonstration(token: Token) -> bool:
    """The sentence puts the violence at a demonstration: "during their demonstration",
    "amid the nationwide blockade", "staged a demonstration and clashed with police"
    (not "during an air strike")."""
    for word in token.sent:
        if lexicon.lemma(word) not in DEMONSTRATIONS or word.i == token.i:
            continue
        if any(c.lower_ in NOT_DEMONSTRATIONS for c in word.children):
            continue  # "during an air strike", "during a victory procession" (a celebration)
        head = word.head
        if word.dep_ == "pobj" and head.lower_ in DEMONSTRATION_MARKS or _after_mark(word):
            return True
        staged = word.dep_ == "dobj" and lexicon.lemma(head) in STAGING
        by_means = token.dep_ == "pcomp" and token.head.lower_ == "by" and token.head.head.i == head.i
        if staged and (token.head.i == head.i and token.dep_ == "conj" or head.head.i == token.i or by_means):
            return True  # "staged a demonstration and clashed", "... by setting fire to tyres"
    return False


# Words that make a crowd demonstrators: "protesting youths", "the demonstrators".
DEMONSTRATORS = frozenset(
    {"protesting", "demonstrating", "protester", "protesters", "protestor", "protestors", "demonstrator",
     "demonstrators", "marchers"}
)


def _by_demonstrators(token: Token, agent: Span | None) -> bool:
    """The crowd doing the violence is told as demonstrating: "a stone thrown by protesting
    youths", "the protesters responded by throwing stones"."""
    doers = list(agent) if agent is not None else []
    if token.dep_ == "pcomp" and token.head.lower_ == "by":  # "... responded by throwing stones"
        doers += [c for c in token.head.head.children if c.dep_ == "nsubj"]
    return any(word.lower_ in DEMONSTRATORS for word in doers)


def _after_mark(word: Token) -> bool:
    """True when "during" or "amid" opens the noun phrase that ends in ``word``, however the
    parser attached it ("during their demonstration demanding ...", read as a modifier of
    "demanding")."""
    for before in reversed(word.doc[max(word.sent.start, word.i - 5) : word.i]):
        if before.lower_ in DEMONSTRATION_MARKS:
            return True
        if before.lower_ == "of" and before.i > before.sent.start and before.doc[before.i - 1].lower_ == "ahead":
            return True  # "set fire to a bus ahead of the nationwide blockade": its opening act
        if before.pos_ not in ("DET", "PRON", "ADJ", "NOUN", "PROPN", "NUM") and before.tag_ != "HYPH":
            return False
    return False


def _escalated(event: Event, doc: Doc, sentences: list[Span]) -> Event:
    """A protest whose sentence or the next tells of force or violence, typed so.

    A crowd broken up ("police fired tear gas to disperse them") is read with
    the sentence before too, which often says what the crowd had done ("they
    stormed the jail"), and only ever escalates: to a riot or to excessive force.
    """
    if event.type is not EventType.PROTEST or event.mode not in ESCALATING:
        return event
    index = event.evidence.sentence_index
    first = index - 1 if event.mode == "intervention" and index > 0 else index
    window = doc[sentences[first].start : sentences[min(index + 1, len(sentences) - 1)].end]
    mode = protest_mode(window, sentences[index])
    if mode is None or mode == event.mode or event.mode == "intervention" and mode not in FIERCER:
        return event
    return coded(replace(event, mode=mode))


def _actor(
    phrase: Span, ctx: Context, *, perpetrator: bool = False, mode: str | None = None,
    pronoun_ok: bool = False, fighting: bool = False,
) -> Actor | None:
    """The canonical actor a phrase names, or, for "the group" or "it", the named actor it
    refers back to (None for a pronoun that refers to no one known)."""
    article_id = ctx.article.article_id
    organisations = ctx.organisations
    kinds = referring_kinds(phrase)
    if kinds is not None and (phrase.root.lower_ != "it" or pronoun_ok):
        candidates = [
            (span, resolve_actor(article_id, span, ctx.gazetteer, ctx.main_country,
                                 organisations=organisations))
            for span in candidate_spans(phrase, organisations)
        ]
        earlier = antecedent(phrase, kinds, candidates)
        if earlier is not None:
            return replace(earlier, mention=phrase.text, evidence=evidence_for(article_id, phrase))
    if phrase.root.lower_ == "it" or not _may_act(phrase, ctx):
        return None
    return resolve_actor(
        article_id, phrase, ctx.gazetteer, ctx.main_country, perpetrator=perpetrator, mode=mode,
        organisations=organisations, fighting=fighting,
    )


# Roads and squares: where a side stands, never a side ("broke up a march on the avenue").
NO_SIDES = lexicon.ROADS | {"square"}


def _may_act(phrase: Span, ctx: Context) -> bool:
    """False for words that cannot be a side: the dateline's place ("LIMA, Sept 22 - ...") and
    a road or a kind of place standing alone ("break up a march on the avenue")."""
    if phrase.start_char < ctx.body_start:
        return False
    root = phrase.root
    return not (root.pos_ == "NOUN" and lexicon.lemma(root) in NO_SIDES)



TARGET_TOWN_POPULATION = 20_000


def _target_is_a_town(trigger: Trigger, patient: Span | None, ctx: Context) -> bool:
    """An attack's object that is a named town or region (not a country, which may be a
    government) is the event's place."""
    if trigger.sense.type is not EventType.ASSAULT or patient is None:
        return False
    root = patient.root
    name = patient.text.removeprefix("the ")
    if ctx.gazetteer.country(name) is not None or ctx.organisations.find_all(name):
        return False  # "bombed Hamas": a group, whatever town shares an alias with it
    if root.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    # the small model often tags a town ORG, PERSON or nothing ("shelled Kherson"): a town
    # of some size by that name is taken for it
    if (
        root.pos_ == "PROPN"
        and root.ent_type_ in ("", "ORG", "PERSON")
        and any(city.population >= TARGET_TOWN_POPULATION for city in ctx.gazetteer.cities(name))
    ):
        return True
    # "bandits raided Kuriga in Kaduna State": a name the gazetteer lacks, attacked in a
    # place the text names, and no group, people or country, is a village there
    return (
        root.pos_ == "PROPN"
        and root.ent_type_ in ("", "ORG", "NORP")  # a person's name is whom
        and all(t.pos_ == "PROPN" for t in patient if t.lower_ != "the")
        and any(
            c.dep_ == "prep" and c.lower_ in ("in", "near")
            and any(o.ent_type_ in ("GPE", "LOC") for o in c.children if o.dep_ == "pobj")
            for c in trigger.token.children
        )
    )


def _speaker_actor(attribution: Attribution, doc: Doc, ctx: Context) -> Actor | None:
    """The actor who says so, from the speaker phrase the attribution found."""
    evidence = attribution.evidence
    span = doc.char_span(evidence.start, evidence.end) if evidence is not None else None
    return _actor(span, ctx) if span is not None else None


def _build(
    trigger: Trigger,
    target: Token | None,
    counts: list[Count],
    ctx: Context,
    source: Source,
    anchors: Anchors,
) -> Event:
    article_id = ctx.article.article_id
    roles = find_roles(trigger, target)
    if ctx.dateline is not None:  # "MOGADISHU, Feb 16 -" names where, not who
        end = ctx.dateline.end
        roles = Roles(
            roles.agent if roles.agent is None or roles.agent.start_char >= end else None,
            roles.patient if roles.patient is None or roles.patient.start_char >= end else None,
            tuple(p for p in roles.places if p.start_char >= end),
        )
    if trigger.sense.mode == "intervention":
        # ACLED codes protesters as actor1 and the force that broke them up as actor2
        roles = Roles(roles.patient, roles.agent, roles.places)
    if _target_is_a_town(trigger, roles.patient, ctx):
        # "Russian missiles struck Odesa": the town hit is where, not whom
        assert roles.patient is not None
        roles = Roles(roles.agent, None, (roles.patient, *roles.places))
    type_, mode = trigger.sense.type, trigger.mode
    if mode == "obstruct" and _kind_of(roles.agent, ctx) in (ActorKind.POLICE, ActorKind.MILITARY):
        # "Officers blocked the avenue leading to the legislature": a force stopping a
        # protest, not one holding it; the force is actor2, as in any intervention
        mode = "intervention"
        roles = Roles(None, roles.agent, roles.places)
    patient_kind = _kind_of(roles.patient, ctx)
    if type_ is EventType.ASSAULT and patient_kind is ActorKind.PROTESTERS:
        # "police beat protesters": ACLED codes the protest, with the force against it;
        # "police fought running battles with protesters": a riot, the crowd as actor1
        if mode != "armed clash":
            # shooting or killing them is excessive force (ACLED), a baton charge intervention
            lethal = mode == "firearms" or lexicon.lemma(trigger.token) in lexicon.LETHAL_FORCE or any(
                c.kind == "killed" for c in counts
            )
            type_, mode = EventType.PROTEST, "excessive force" if lethal else "intervention"
        roles = Roles(roles.patient, roles.agent, roles.places)
    violent = type_ is EventType.ASSAULT
    claim = trigger.carrier is not None and trigger.carrier.lemma_.lower() == "claim"
    agent = roles.agent
    if agent is None and (violent or claim):  # "it claimed the attack": find_roles skips pronouns
        agent = pronoun_subject(trigger.token, trigger.carrier)
    actor1 = (
        _actor(agent, ctx, perpetrator=violent, mode=mode, pronoun_ok=violent or claim)
        if agent
        else None
    )
    actor2 = _actor(roles.patient, ctx, fighting=mode == "armed clash") if roles.patient else None
    actor_tokens = {t.i for span in (roles.agent, roles.patient) if span is not None for t in span}
    place = _at_capital(_place_for(trigger, roles.places, actor_tokens, ctx), ctx.gazetteer)
    date = _date_for(trigger, ctx, anchors)
    attribution = attribute(article_id, trigger.token, ctx.article.outlet)
    claimed_by: Actor | None = None
    if trigger.carrier is not None and trigger.carrier.lemma_.lower() == "claim":
        claimed_by = actor1
        attribution = Attribution(
            Certainty.CLAIMED, actor1.name if actor1 else None, trigger.carrier.text,
            ctx.article.outlet, actor1.evidence if actor1 else None,
        )
    if type_ is EventType.ACCUSE and trigger.nominal and lexicon.lemma(trigger.token) in lexicon.LINKING:
        # "X says the suspects have links to Y": X accuses, the suspects are accused
        accused = roles.agent or roles.patient
        actor1 = _speaker_actor(attribution, trigger.token.doc, ctx)
        actor2 = _actor(accused, ctx) if accused is not None else None
    blamed_on = actor2 if type_ is EventType.ACCUSE else None
    mode = _unorganised(type_, mode, trigger, actor1, actor2)
    acled_type, acled_sub, cameo = crosswalk(
        type_, mode, actor1.kind if actor1 else None, actor2.kind if actor2 else None
    )
    crowd_violence = acled_type == "Riots" or (
        mode == "property destruction" and (actor1 is None or actor1.kind not in ORGANISED)
    )
    by_demonstrators = acled_sub != "Violent demonstration" and _by_demonstrators(trigger.token, roles.agent)
    if crowd_violence and (_at_demonstration(trigger.token) or by_demonstrators):
        # "clashed with police during their demonstration", "set fire to a bus during the
        # blockade": the crowd of a demonstration turned violent
        type_, mode = EventType.PROTEST, "riot"
        acled_type, acled_sub, cameo = crosswalk(type_, mode)
    return Event(
        event_id=event_id(article_id, trigger.token, target, type_),
        type=type_,
        trigger=evidence_for(article_id, trigger.token),
        evidence=sentence_evidence(article_id, trigger.token),
        mode=mode,
        acled_event_type=acled_type,
        acled_sub_event_type=acled_sub,
        cameo_root=cameo,
        actor1=actor1,
        actor2=actor2,
        claimed_by=claimed_by,
        blamed_on=blamed_on,
        location=place,
        date=date,
        is_aggregate=trigger.is_aggregate,
        attribution=attribution,
        sources=(source,),
        confidence=confidence.score(
            nominal=trigger.nominal, actor1=actor1, place=place, date=date, attribution=attribution
        ),
    ).with_counts({kind: _quantities(counts, kind, attribution, article_id) for kind in COUNT_FIELDS})
