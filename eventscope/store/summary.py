"""Summaries of a selection of events, computed in SQL so a page never loads everything.

Counts by type, country and period (for charts), actors with their event
counts, and map markers: the events themselves while few enough, else grid
cells holding many. Queries are built here; ``Store`` runs them; the folding
of rows into results is pure and lives here too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from eventscope.formats.acled import inter_code
from eventscope.formats.cameo import actor_code
from eventscope.records import Actor, ActorKind
from eventscope.store import schema
from eventscope.store.query import EventFilter

GRANULARITIES = ("day", "week", "month")
MAX_DAY_BUCKETS = 120  # "auto" counts by day up to this many days, then by week, then month
MAX_WEEK_BUCKETS = 160


@dataclasses.dataclass(frozen=True)
class Bucket:
    """Events starting in one period (``start`` is its first day), by PLOVER type."""

    start: dt.date
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclasses.dataclass(frozen=True)
class Stats:
    total: int
    undated: int
    killed: int  # the sum of each event's lowest reported death toll
    by_type: dict[str, int]
    by_country: dict[str, int]
    granularity: str
    timeline: list[Bucket]


@dataclasses.dataclass(frozen=True)
class ActorCount:
    name: str
    kind: str | None
    country: str | None
    events: int  # events naming the actor on either side
    as_actor1: int
    as_actor2: int
    sponsor: str | None = None  # ISO3 of a state that backs it, when any record says so
    aliases: tuple[str, ...] = ()  # the distinct mention texts, when asked for

    def _actor(self) -> Actor:
        kinds = {kind.value: kind for kind in ActorKind}
        return Actor(self.name, self.name, self.country, kinds.get(self.kind or ""))

    @property
    def inter(self) -> int | None:
        """ACLED's inter code of the actor's kind (1 state forces ... 8 external/other)."""
        return inter_code(self._actor(), None)

    @property
    def code(self) -> str | None:
        """The CAMEO-like actor code: country then role, e.g. IRQGOV, or IGO."""
        return actor_code(self._actor())


@dataclasses.dataclass(frozen=True)
class MapPoint:
    event_id: str
    lat: float
    lon: float
    type: str
    precision: int | None
    killed: int | None
    date: dt.date | None
    name: str | None


@dataclasses.dataclass(frozen=True)
class MapCell:
    """Several located events that fall in one grid cell, drawn at their mean position."""

    lat: float
    lon: float
    count: int
    killed: int
    south: float
    west: float
    north: float
    east: float


@dataclasses.dataclass(frozen=True)
class MapMarkers:
    """What a map draws: ``points`` (one per event) or, when too many, ``cells``."""

    located: int  # located events matching the filter
    points: list[MapPoint]
    cells: list[MapCell]


def _filtered(query: sa.Select[Any], flt: EventFilter | None) -> sa.Select[Any]:
    return query.where(*flt.where()) if flt is not None else query


def stats_queries(flt: EventFilter | None) -> dict[str, sa.Select[Any]]:
    """The queries behind ``Stats``, by name."""
    c = schema.events.c
    count = sa.func.count().label("n")
    return {
        "totals": _filtered(
            sa.select(count, sa.func.coalesce(sa.func.sum(c.killed_min), 0)).select_from(
                schema.events
            ),
            flt,
        ),
        "by_type": _filtered(sa.select(c.type, count).group_by(c.type), flt),
        "by_country": _filtered(
            sa.select(c.location_country, count)
            .where(c.location_country.is_not(None))
            .group_by(c.location_country),
            flt,
        ),
        "by_day": _filtered(
            sa.select(c.date_start, c.type, count)
            .where(c.date_start.is_not(None))
            .group_by(c.date_start, c.type),
            flt,
        ),
    }


def period_start(day: dt.date, granularity: str) -> dt.date:
    """The first day of the period holding ``day``: itself, its Monday, or the 1st."""
    if granularity == "week":
        return day - dt.timedelta(days=day.weekday())
    if granularity == "month":
        return day.replace(day=1)
    return day


def choose_granularity(days: Sequence[dt.date]) -> str:
    """Days for a short span, weeks for a longer one, months beyond that."""
    if not days:
        return "day"
    span = (max(days) - min(days)).days + 1
    if span <= MAX_DAY_BUCKETS:
        return "day"
    if span <= MAX_WEEK_BUCKETS * 7:
        return "week"
    return "month"


def fold_timeline(rows: Iterable[tuple[dt.date, str, int]], granularity: str) -> list[Bucket]:
    """Per-day, per-type counts summed into periods, oldest first, with empty periods kept."""
    counts: dict[dt.date, Counter[str]] = defaultdict(Counter)
    for day, kind, n in rows:
        counts[period_start(day, granularity)][kind] += n
    if not counts:
        return []
    buckets: list[Bucket] = []
    current, last = min(counts), max(counts)
    while current <= last:
        buckets.append(Bucket(current, dict(sorted(counts.get(current, Counter()).items()))))
        current = _next_period(current, granularity)
    return buckets


def _next_period(start: dt.date, granularity: str) -> dt.date:
    if granularity == "week":
        return start + dt.timedelta(days=7)
    if granularity == "month":
        return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return start + dt.timedelta(days=1)


def actor_query(flt: EventFilter | None, limit: int) -> sa.Select[Any]:
    """Actors by how many events name them, most first, ties by name."""
    c = schema.events.c
    sides = []
    for side in ("actor1", "actor2"):
        sides.append(
            _filtered(
                sa.select(
                    c[f"{side}_name"].label("name"),
                    c[f"{side}_kind"].label("kind"),
                    c[f"{side}_country"].label("country"),
                    sa.literal(1 if side == "actor1" else 0).label("first"),
                    sa.literal(1 if side == "actor2" else 0).label("second"),
                ).where(c[f"{side}_name"].is_not(None)),
                flt,
            )
        )
    both = sa.union_all(*sides).subquery()
    events = sa.func.count().label("events")
    return (
        sa.select(
            both.c.name,
            sa.func.max(both.c.kind),
            sa.func.max(both.c.country),
            events,
            sa.func.sum(both.c.first),
            sa.func.sum(both.c.second),
        )
        .group_by(both.c.name)
        .order_by(events.desc(), both.c.name)
        .limit(limit)
    )


def alias_query(flt: EventFilter | None, names: Sequence[str]) -> sa.Select[Any]:
    """Each named actor's distinct mention texts and sponsors, read from the stored records
    in SQL (SQLite's json_extract, PostgreSQL's #>>), one row per name and mention."""
    c = schema.events.c
    sides = [
        _filtered(
            sa.select(
                c[f"{side}_name"].label("name"),
                c.record[(side, "mention")].as_string().label("mention"),
                c.record[(side, "sponsor")].as_string().label("sponsor"),
            ).where(c[f"{side}_name"].in_(list(names))),
            flt,
        )
        for side in ("actor1", "actor2")
    ]
    both = sa.union_all(*sides).subquery()
    return (
        sa.select(both.c.name, both.c.mention, sa.func.max(both.c.sponsor))
        .group_by(both.c.name, both.c.mention)
        .order_by(both.c.name, both.c.mention)
    )


def with_aliases(actors: list[ActorCount], rows: Iterable[Sequence[Any]]) -> list[ActorCount]:
    """``actors`` with the mentions and sponsor that ``alias_query`` rows give for each."""
    mentions: dict[str, list[str]] = defaultdict(list)
    sponsors: dict[str, str] = {}
    for name, mention, sponsor in rows:
        if mention:
            mentions[name].append(mention)
        if sponsor:
            sponsors[name] = sponsor
    return [
        dataclasses.replace(
            actor, aliases=tuple(mentions.get(actor.name, ())), sponsor=sponsors.get(actor.name)
        )
        for actor in actors
    ]


def located(flt: EventFilter | None) -> list[sa.ColumnElement[bool]]:
    c = schema.events.c
    conditions = [c.location_lat.is_not(None), c.location_lon.is_not(None)]
    return conditions + (flt.where() if flt is not None else [])


def point_query(flt: EventFilter | None, limit: int) -> sa.Select[Any]:
    c = schema.events.c
    return (
        sa.select(
            c.event_id, c.location_lat, c.location_lon, c.type, c.location_precision,
            c.killed_min, c.date_start, c.location_name,
        )
        .where(*located(flt))
        .order_by(c.killed_min.desc().nulls_last(), c.event_id)
        .limit(limit)
    )


class _Floor(FunctionElement[int]):
    """The integer part of a non-negative number, the same on every backend
    (PostgreSQL's CAST rounds where SQLite's truncates)."""

    type = sa.Integer()
    inherit_cache = True


@compiles(_Floor)
def _floor(element: _Floor, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST(FLOOR({compiler.process(element.clauses, **kw)}) AS INTEGER)"


@compiles(_Floor, "sqlite")
def _floor_sqlite(element: _Floor, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS INTEGER)"


def cell_query(flt: EventFilter | None, size: float) -> sa.Select[Any]:
    """Located events grouped in ``size``-degree cells counted from (-90, -180)."""
    c = schema.events.c
    row = _Floor((c.location_lat + 90) / size).label("row")
    col = _Floor((c.location_lon + 180) / size).label("col")
    return (
        sa.select(
            row, col, sa.func.avg(c.location_lat), sa.func.avg(c.location_lon),
            sa.func.count(), sa.func.coalesce(sa.func.sum(c.killed_min), 0),
        )
        .where(*located(flt))
        .group_by(row, col)
    )


def cell(row: int, col: int, size: float, values: Sequence[Any]) -> MapCell:
    lat, lon, count, killed = values
    south, west = row * size - 90, col * size - 180
    return MapCell(
        lat=float(lat), lon=float(lon), count=int(count), killed=int(killed),
        south=south, west=west, north=south + size, east=west + size,
    )


def cell_size(bbox: tuple[float, float, float, float] | None) -> float:
    """Grid cells about a twentieth of the view's width, so a screen shows a few hundred."""
    if bbox is None:
        return 10.0
    west, _, east, _ = bbox
    width = east - west if west <= east else 360 - (west - east)
    return max(width / 20, 0.01)
