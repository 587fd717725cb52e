"""Turns one parsed article into event records, each field with its evidence.

This is the pure core of eventscope: a parsed Doc, the Article and a
Gazetteer in; Events out. No files, no database, no clock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from eventscope.extract import confidence, lexicon
from eventscope.extract.attribution import attribute
from eventscope.extract.crosswalk import crosswalk
from eventscope.extract.dateline import Dateline, find_dateline
from eventscope.extract.escalation import protest_mode
from eventscope.extract.evidence import evidence_for, sentence_evidence
from eventscope.extract.quantities import Count, find_counts
from eventscope.extract.roles import (
    LOCATIVE_PREPS,
    PLACE_LABELS,
    Roles,
    find_roles,
    noun_phrase,
    split_targets,
)
from eventscope.extract.triggers import Trigger, find_triggers
from eventscope.records import (
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
    GeoPrecision,
    Place,
    Quantity,
    Source,
)
from eventscope.resolve.actors import resolve_actor
from eventscope.resolve.dates import duration_days, resolve_date
from eventscope.resolve.gazetteer import Gazetteer
from eventscope.resolve.places import PlaceContext, country_place, place_context, resolve_place

ACTOR_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "poss", "compound", "amod", "nmod", "npadvmod", "appos"}
)
COUNT_TYPES = {
    "killed": (EventType.ASSAULT, EventType.PROTEST),
    "injured": (EventType.ASSAULT, EventType.PROTEST),
    "arrested": (EventType.COERCE, EventType.PROTEST),
}


@dataclass(frozen=True)
class Context:
    """What the whole article tells about each of its sentences."""

    article: Article
    gazetteer: Gazetteer
    places: PlaceContext
    dateline: Dateline | None

    @property
    def main_country(self) -> str | None:
        return self.places.countries[0] if self.places.countries else None


@dataclass(frozen=True)
class Anchors:
    """Dates already read: the last event's ("the same day"), per event type, and
    the last day the text named at all ("on Thursday"), which "a week after" counts from."""

    last: EventDate | None
    by_type: dict[EventType, EventDate]
    named_day: EventDate | None = None


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


def _date_for(trigger: Trigger, ctx: Context, anchors: Anchors) -> EventDate:
    """The event's date: its own time expression, else the best fallback.

    A date inside a noun phrase dates that noun ("arrested suspects in the
    December 7 attacks"): it is the trigger's date only when it modifies the
    trigger itself.
    """
    sent = trigger.token.sent
    owners = {trigger.token.i} | ({trigger.carrier.i} if trigger.carrier is not None else set())
    body_start = ctx.dateline.end if ctx.dateline is not None else 0
    dates = [
        e for e in sent.ents
        if e.label_ == "DATE"
        and e.start_char >= body_start
        and (e.root.dep_ not in ("nmod", "compound", "amod") or e.root.head.i in owners)
    ]
    linked = [e for e in dates if _clause_verb(e.root).i in owners]
    if not linked:
        linked = [
            e for e in dates
            if _clause_verb(e.root).lemma_.lower() not in lexicon.REPORTING_VERBS
        ]
    if not linked:
        return _date_fallback(ctx, anchors.by_type.get(trigger.sense.type))
    span = linked[0]
    offset = _offset_from_clause(trigger.token, span, ctx, anchors)
    if offset is not None:
        return offset
    text = span.text
    if _after_since(span) and not text.lower().startswith("since"):
        text = f"since {text}"
    anchor = anchors.last
    anchor_day = anchor.start if anchor is not None and anchor.precision is DatePrecision.DAY else None
    return resolve_date(
        text, ctx.article.published, anchor=anchor_day,
        evidence=evidence_for(ctx.article.article_id, span),
    )


def _offset_from_clause(
    trigger: Token, span: Span, ctx: Context, anchors: Anchors
) -> EventDate | None:
    """ "The announcement came a week after rockets hit the compound": the attack
    is dated a week before the clause it hangs on, whose date is its own, else
    the last day the text named, else the publication date."""
    marker = next((c for c in trigger.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
    if marker is None or trigger.dep_ != "advcl" or span.root.head.i not in (trigger.i, marker.i):
        return None
    days = duration_days(span.text)
    if days is None:
        return None
    main = trigger.head
    own = [
        e for e in trigger.sent.ents
        if e.label_ == "DATE" and e.start != span.start and _clause_verb(e.root).i == main.i
    ]
    if own:
        base = resolve_date(own[0].text, ctx.article.published)
    elif anchors.named_day is not None:
        base = anchors.named_day
    elif ctx.article.published is not None:
        base = EventDate(
            ctx.article.published, ctx.article.published, DatePrecision.DAY,
            DateDerivation.PUBLICATION_FALLBACK,
        )
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


def _named_day(sent: Span, ctx: Context, anchors: Anchors) -> Anchors:
    """Remember the last single day the text names ("on Thursday")."""
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        date = resolve_date(ent.text, ctx.article.published)
        if date.start is not None and date.precision is DatePrecision.DAY and date.start == date.end:
            anchors = replace(anchors, named_day=date)
    return anchors


def _dated_mentions(sent: Span, ctx: Context, anchors: Anchors) -> Anchors:
    """Dates that name an event in passing ("the December 7 attacks") become anchors."""
    for ent in sent.ents:
        if ent.label_ != "DATE" or ent.root.dep_ not in ("nmod", "compound", "amod"):
            continue
        sense = lexicon.NOUN_TRIGGERS.get(ent.root.head.lemma_.lower())
        if sense is None:
            continue
        date = resolve_date(ent.text, ctx.article.published)
        if date.start is not None:
            anchors = replace(anchors, last=date, by_type={**anchors.by_type, sense.type: date})
    return anchors


def _date_fallback(ctx: Context, anchor: EventDate | None) -> EventDate:
    """A date for an event whose sentence gives none, saying where it came from.

    The date of the last event of the same type reported before it (news
    tells one event over several sentences), else the publication date, else
    unknown.
    """
    if anchor is not None and anchor.start is not None:
        return EventDate(
            anchor.start, anchor.end, anchor.precision, DateDerivation.RELATIVE_TO_EVENT,
            anchor.mention, "no date in its sentence; the date of the event reported before it",
            anchor.evidence,
        )
    published = ctx.article.published
    if published is not None:
        return EventDate(
            published, published, DatePrecision.DAY, DateDerivation.PUBLICATION_FALLBACK,
            None, "no date in the text; the publication date",
        )
    return EventDate(
        None, None, DatePrecision.UNKNOWN, DateDerivation.UNRESOLVED,
        None, "no time expression in the text and no publication date",
    )


def _after_since(span: Span) -> bool:
    """True for "since October 7" and "since the war broke out on October 7"."""
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
    return root.dep_ == "pobj" and root.head.lower_ in ("on", "by", "for", "of")


def _place_for(trigger: Trigger, places: tuple[Span, ...], actor_tokens: set[int], ctx: Context) -> Place:
    """Where the event happened, most specific evidence first.

    The trigger's own locative phrases; a place named elsewhere in its
    sentence; then, with lower precision, a place named elsewhere in the
    article, the dateline, or the article's main country.
    """
    article_id = ctx.article.article_id
    resolved = [resolve_place(article_id, span, ctx.gazetteer, ctx.places) for span in places]
    good = [p for p in resolved if p.lat is not None]
    if good:
        return min(good, key=lambda p: int(p.precision or 3))
    body_start = ctx.dateline.end if ctx.dateline is not None else 0
    doc = trigger.token.doc
    sentence = trigger.token.sent
    for scope, reason in ((sentence, None), (doc[:], "named elsewhere in the article")):
        for span in _place_candidates(scope, actor_tokens, body_start, ctx.gazetteer):
            place = resolve_place(article_id, span, ctx.gazetteer, ctx.places)
            if place.lat is not None:
                if reason is None:
                    return place
                return replace(place, precision=_looser(place.precision), reason=reason)
    if resolved:
        return resolved[0]
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
    if country is not None:
        return country_place(
            country, "", None, "no place for the event; the country the article is about"
        )
    return Place(mention="", reason="no place named in the article")


def _place_candidates(
    scope: Span, actor_tokens: set[int], body_start: int, gazetteer: Gazetteer
) -> list[Span]:
    """Place names in a span that may say where an event happened, in text order.

    Place entities, and proper nouns after a locative preposition that the
    model did not tag ("in Nyeri"). A country used as an owner or sponsor
    ("US facilities", "Iran-backed") is left out; a town used so is kept
    ("Mombasa residents protested": in Mombasa).
    """
    found: dict[int, Span] = {}
    for ent in scope.ents:
        if ent.start_char < body_start or ent.label_ not in PLACE_LABELS:
            continue
        is_country = gazetteer.country(ent.text) is not None
        if any(t.i in actor_tokens for t in ent) and (is_country or not _is_modifier(ent)):
            continue  # "Washington said"; but "Mombasa residents" says where
        if _is_modifier(ent) and is_country:
            continue
        found[ent.start] = ent
    for token in scope:
        if (
            token.dep_ == "pobj"
            and token.head.lower_ in LOCATIVE_PREPS
            and token.pos_ == "PROPN"
            and token.idx >= body_start
            and token.ent_type_ in ("", "ORG", "NORP", "PERSON")  # "in Mandera" tagged ORG
        ):
            phrase = noun_phrase(token)
            found.setdefault(phrase.start, phrase)
    return [found[start] for start in sorted(found)]


def _looser(precision: GeoPrecision | None) -> GeoPrecision:
    """A place inferred from elsewhere is at best 'near' (ACLED precision 2)."""
    return max(precision or GeoPrecision.NEAR, GeoPrecision.NEAR)


def _quantities(counts: list[Count], kind: str, attribution: Attribution, article_id: str) -> tuple[Quantity, ...]:
    return tuple(
        Quantity(c.min, c.max, c.span.text, attribution, evidence_for(article_id, c.span))
        for c in counts
        if c.kind == kind
    )


def _owner(count: Count, events: list[tuple[Trigger, Token | None]]) -> int | None:
    """Which of the sentence's events a count belongs to."""
    for index, (trigger, _) in enumerate(events):
        if count.word.i in (trigger.token.i, trigger.carrier.i if trigger.carrier else -1):
            return index
    ancestors = {t.i for t in count.word.ancestors}
    for index, (trigger, _) in enumerate(events):
        if trigger.token.i in ancestors and trigger.sense.type in COUNT_TYPES[count.kind]:
            return index
    for index, (trigger, _) in enumerate(events):
        if trigger.sense.type in COUNT_TYPES[count.kind]:
            return index
    return None


def _kind_of(phrase: Span | None, ctx: Context) -> ActorKind | None:
    if phrase is None:
        return None
    return resolve_actor(ctx.article.article_id, phrase, ctx.gazetteer, ctx.main_country).kind


def _referred_event(trigger: Trigger, events: list[Event]) -> int | None:
    """The earlier event a definite noun refers back to ("the clash", "this attack")."""
    if not trigger.nominal:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in trigger.token.children):
        return None
    if any(c.dep_ in ("prep", "compound", "amod", "nummod") for c in trigger.token.children):
        return None  # "the attack on the base", "the December 7 attacks": said anew
    for index in range(len(events) - 1, -1, -1):
        if events[index].type is trigger.sense.type:
            return index
    return None


def _add_to_previous(
    events: list[Event], count: Count, ctx: Context, *, only: int | None = None
) -> None:
    """Attach a count from a sentence without events to the last fitting event."""
    for index in range(len(events) - 1, -1, -1):
        if only is not None and index != only:
            continue
        event = events[index]
        if event.type in COUNT_TYPES[count.kind] and not getattr(event, count.kind):
            quantity = Quantity(
                count.min, count.max, count.span.text, event.attribution,
                evidence_for(ctx.article.article_id, count.span),
            )
            if count.kind == "killed":
                events[index] = replace(event, killed=(quantity,))
            elif count.kind == "injured":
                events[index] = replace(event, injured=(quantity,))
            else:
                events[index] = replace(event, arrested=(quantity,))
            return


def _same_event_as_head(trigger: Trigger, chosen: list[Trigger]) -> bool:
    """ "attacked and killed", "hit by a bomb, killing four": one event, not two."""
    return trigger.token.dep_ in ("conj", "advcl") and any(
        c.token.i == trigger.token.head.i and c.sense.type is trigger.sense.type for c in chosen
    )


def extract_events(article: Article, doc: Doc, gazetteer: Gazetteer) -> list[Event]:
    """Every event the article reports, in text order."""
    ctx = Context(article, gazetteer, place_context(doc, gazetteer), find_dateline(doc.text))
    source = Source(article.article_id, article.outlet, article.url, article.published)
    events: list[Event] = []
    anchors = Anchors(None, {})
    for sent in doc.sents:
        triggers: list[Trigger] = []
        for trigger in find_triggers(sent):
            if not _same_event_as_head(trigger, triggers):
                triggers.append(trigger)
        slots = [(t, target) for t in triggers for target in split_targets(t)]
        counts = find_counts(sent)
        owned: dict[int, list[Count]] = {}
        for count in counts:
            owner = _owner(count, slots)
            if owner is not None:
                owned.setdefault(owner, []).append(count)
            elif not slots:
                # "1 fatality.", "Several injuries reported.": the event told just before
                _add_to_previous(events, count, ctx)
        for index, (trigger, target) in enumerate(slots):
            earlier = _referred_event(trigger, events)
            if earlier is not None:
                # "1 person was killed in the clash": the clash told before, not a new one
                for count in owned.get(index, []):
                    _add_to_previous(events, count, ctx, only=earlier)
                continue
            event = _build(trigger, target, owned.get(index, []), ctx, source, anchors)
            date = event.date
            if (
                date is not None
                and date.start is not None
                and not event.is_aggregate
                and date.derivation is not DateDerivation.PUBLICATION_FALLBACK
            ):
                anchors = replace(anchors, last=date, by_type={**anchors.by_type, event.type: date})
            events.append(event)
        anchors = _named_day(sent, ctx, _dated_mentions(sent, ctx, anchors))
    sentences = list(doc.sents)
    return [_escalated(event, doc, sentences) for event in events]


def _escalated(event: Event, doc: Doc, sentences: list[Span]) -> Event:
    """A protest whose sentence or the next tells of force or violence, typed so."""
    if event.type is not EventType.PROTEST or event.mode not in (None, "peaceful"):
        return event
    index = event.evidence.sentence_index
    window = doc[sentences[index].start : sentences[min(index + 1, len(sentences) - 1)].end]
    mode = protest_mode(window)
    if mode is None:
        return event
    acled_type, acled_sub, cameo = crosswalk(
        event.type, mode,
        event.actor1.kind if event.actor1 else None,
        event.actor2.kind if event.actor2 else None,
    )
    return replace(
        event, mode=mode, acled_event_type=acled_type, acled_sub_event_type=acled_sub,
        cameo_root=cameo,
    )


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
    type_, mode = trigger.sense.type, trigger.mode
    patient_kind = _kind_of(roles.patient, ctx)
    if type_ is EventType.ASSAULT and patient_kind is ActorKind.PROTESTERS:
        # "police beat protesters": ACLED codes the protest, with the force against it
        type_, mode = EventType.PROTEST, "intervention"
        roles = Roles(roles.patient, roles.agent, roles.places)
    violent = type_ is EventType.ASSAULT
    actor1 = (
        resolve_actor(
            article_id, roles.agent, ctx.gazetteer, ctx.main_country, perpetrator=violent
        )
        if roles.agent
        else None
    )
    actor2 = (
        resolve_actor(article_id, roles.patient, ctx.gazetteer, ctx.main_country)
        if roles.patient
        else None
    )
    actor_tokens = {t.i for span in (roles.agent, roles.patient) if span is not None for t in span}
    place = _place_for(trigger, roles.places, actor_tokens, ctx)
    date = _date_for(trigger, ctx, anchors)
    attribution = attribute(article_id, trigger.token, ctx.article.outlet)
    claimed_by: Actor | None = None
    if trigger.carrier is not None and trigger.carrier.lemma_.lower() == "claim":
        claimed_by = actor1
        attribution = Attribution(
            Certainty.CLAIMED, actor1.name if actor1 else None, trigger.carrier.text,
            ctx.article.outlet, actor1.evidence if actor1 else None,
        )
    blamed_on = actor2 if type_ is EventType.ACCUSE else None
    acled_type, acled_sub, cameo = crosswalk(
        type_, mode, actor1.kind if actor1 else None, actor2.kind if actor2 else None
    )
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
        killed=_quantities(counts, "killed", attribution, article_id),
        injured=_quantities(counts, "injured", attribution, article_id),
        arrested=_quantities(counts, "arrested", attribution, article_id),
        is_aggregate=trigger.is_aggregate,
        attribution=attribution,
        sources=(source,),
        confidence=confidence.score(
            nominal=trigger.nominal, actor1=actor1, place=place, date=date, attribution=attribution
        ),
    )
