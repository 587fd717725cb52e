"""Builds one event from several reports of it, keeping every differing value with its source.

The reports come ranked: the first gives the event its trigger, sentence,
type and attribution. Each other field takes the best value any report gives
(the most precise place and date, the first known actor or mode), and every
report's differing value is kept as a ``Variant``. Counts are either all kept
(reports in one article: ``latest_counts=False``) or taken from the latest
credible report, the others kept as variants (reports across articles).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from eventscope.records import (
    COUNT_FIELDS,
    Actor,
    DateDerivation,
    DatePrecision,
    Event,
    EventDate,
    Evidence,
    Mention,
    Place,
    Quantity,
    Source,
    Variant,
)

ACTOR_FIELDS = ("actor1", "actor2", "claimed_by", "blamed_on")
# A count with this certainty is not a credible report of the toll.
_PRECISION_RANK = {
    DatePrecision.DAY: 0, DatePrecision.WEEK: 1, DatePrecision.MONTH: 2,
    DatePrecision.YEAR: 3, DatePrecision.UNKNOWN: 4,
}
_DERIVATION_RANK = {
    DateDerivation.EXPLICIT: 0, DateDerivation.RELATIVE_TO_PUBLICATION: 1,
    DateDerivation.RELATIVE_TO_EVENT: 2, DateDerivation.DATELINE: 3,
    DateDerivation.PUBLICATION_FALLBACK: 4, DateDerivation.UNRESOLVED: 5,
}


def article_of(event: Event) -> str:
    """The article an extracted event (a mention) comes from."""
    return event.trigger.article_id


def published_of(event: Event) -> dt.date | None:
    """When the article of a mention appeared (its latest source's date)."""
    dates = [s.published for s in event.sources if s.published is not None]
    return max(dates) if dates else None


def place_text(place: Place) -> str:
    name = place.name or place.mention or "?"
    return f"{name} ({place.country})" if place.country and place.country not in name else name


def date_text(date: EventDate) -> str:
    if date.start is None:
        return "unknown"
    return str(date.start) if date.end == date.start else f"{date.start}..{date.end}"


def count_text(quantity: Quantity) -> str:
    low = "?" if quantity.min is None else str(quantity.min)
    high = "?" if quantity.max is None else str(quantity.max)
    return low if low == high else f"{low}..{high}"


def _date_rank(date: EventDate | None) -> tuple[int, int]:
    if date is None or date.start is None:
        return (9, 9)
    return (_PRECISION_RANK[date.precision], _DERIVATION_RANK[date.derivation])


def _place_rank(place: Place | None) -> tuple[int, int]:
    """Most precise first; at one precision, a place inside another ("Green Zone, Baghdad")."""
    if place is None or place.lat is None:
        return (9, 0)
    return (int(place.precision or 3), -(place.name or "").count(","))


def _variant(field: str, value: str, report: Event, evidence: Evidence | None = None) -> Variant:
    return Variant(
        field=field, value=value, mention_id=report.event_id, article_id=article_of(report),
        evidence=evidence,
    )


def _counts(
    reports: Sequence[Event], kind: str, latest: bool
) -> tuple[tuple[Quantity, ...], list[Variant]]:
    """The values kept for one count, and the others as variants."""
    if not latest:
        kept: list[Quantity] = []
        for report in reports:
            kept.extend(q for q in getattr(report, kind) if q not in kept)
        return tuple(kept), []
    reporting = [r for r in reports if getattr(r, kind)]
    if not reporting:
        return (), []
    credible = [r for r in reporting if any(q.credible for q in getattr(r, kind))] or reporting
    chosen = max(credible, key=lambda r: (published_of(r) or dt.date.min, article_of(r), r.event_id))
    others = [
        replace(_variant(kind, count_text(q), r), quantity=q)
        for r in reporting if r is not chosen for q in getattr(r, kind)
    ]
    return getattr(chosen, kind), others


def _sources(reports: Sequence[Event]) -> tuple[Source, ...]:
    by_article: dict[str, Source] = {}
    for report in reports:
        for source in report.sources:
            by_article.setdefault(source.article_id, source)
    return tuple(
        sorted(
            by_article.values(),
            key=lambda s: (s.published is None, s.published or dt.date.min, s.article_id),
        )
    )


def combine(reports: Sequence[Event], *, event_id: str, latest_counts: bool) -> Event:
    """One event from ``reports`` of it, ranked best first (see the module docstring)."""
    base = reports[0]
    variants: list[Variant] = [v for r in reports for v in r.variants]
    merged: list[Mention] = list(base.merged)
    for report in reports[1:]:
        merged.append(Mention(report.event_id, article_of(report), report.trigger, report.evidence))
        merged.extend(report.merged)

    actors: dict[str, Actor | None] = {}
    for name in ACTOR_FIELDS:
        chosen = next((getattr(r, name) for r in reports if getattr(r, name) is not None), None)
        actors[name] = chosen
        for report in reports:
            actor = getattr(report, name)
            if actor is not None and chosen is not None and actor.name != chosen.name:
                variants.append(_variant(name, actor.name, report, actor.evidence))

    moded = next((r for r in reports if r.mode is not None), base)
    for report in reports:
        if report.mode is not None and report.mode != moded.mode:
            variants.append(_variant("mode", report.mode, report, report.trigger))

    place = min(enumerate(reports), key=lambda ir: (_place_rank(ir[1].location), ir[0]))[1].location
    for report in reports:
        if report.location is not None and place is not None and place_text(report.location) != place_text(place):
            variants.append(_variant("location", place_text(report.location), report, report.location.evidence))

    date = min(enumerate(reports), key=lambda ir: (_date_rank(ir[1].date), ir[0]))[1].date
    for report in reports:
        if (
            report.date is not None and date is not None and report.date.start is not None
            and (report.date.start, report.date.end) != (date.start, date.end)
        ):
            variants.append(_variant("date", date_text(report.date), report, report.date.evidence))

    counts: dict[str, tuple[Quantity, ...]] = {}
    for kind in COUNT_FIELDS:
        counts[kind], others = _counts(reports, kind, latest_counts)
        variants.extend(others)

    sources = _sources(reports)
    published = [s.published for s in sources if s.published is not None]
    unique_variants = list(dict.fromkeys(variants))
    return replace(
        base,
        event_id=event_id,
        mode=moded.mode,
        acled_event_type=moded.acled_event_type,
        acled_sub_event_type=moded.acled_sub_event_type,
        cameo_root=moded.cameo_root,
        actor1=actors["actor1"],
        actor2=actors["actor2"],
        claimed_by=actors["claimed_by"],
        unclaimed=None if actors["claimed_by"] else next((r.unclaimed for r in reports if r.unclaimed), None),
        blamed_on=actors["blamed_on"],
        location=place,
        date=date,
        sources=sources,
        confidence=max(r.confidence for r in reports),
        first_reported=min(published) if published else None,
        last_updated=max(published) if published else None,
        merged=tuple(dict.fromkeys(merged)),
        variants=tuple(unique_variants),
    ).with_counts(counts)


def _representative_rank(report: Event) -> tuple[object, ...]:
    """Which mention speaks for a merged event: the most confident, then the earliest reported."""
    published = published_of(report)
    return (-report.confidence, published is None, published or dt.date.min, report.event_id)


def canonical_event(mentions: Sequence[Event]) -> Event:
    """The event of a group of mentions from different articles, whatever order they came in.

    Its id is the smallest mention id, so it depends only on the group.
    """
    ranked = sorted(mentions, key=_representative_rank)
    return combine(ranked, event_id=min(m.event_id for m in mentions), latest_counts=True)
