"""Keeps a store's merged events in step with its mentions, inside the caller's transaction.

Each article's events are stored as mentions, unchanged. When mentions
arrive, ``merge_new`` links each to the stored mentions of other articles
that ``dedup.candidate`` and ``dedup.score_pair`` find to be the same event,
takes the connected group of linked mentions around them, and rebuilds the
merged events of that group from all its mentions (``dedup.clusters``,
``dedup.canonical_event``). Links depend only on the two mentions, and a
group's events only on its mentions and links, so any arrival order gives the
same events. ``recompute`` rebuilds every link and event from the mentions.
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import dataclasses
import datetime as dt
import functools
import json
import math
import multiprocessing
import operator
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from eventscope import collector
from eventscope.dedup import (
    Link,
    PairScore,
    Signature,
    candidate,
    canonical_event,
    clusters,
    signature,
)
from eventscope.dedup.block import candidate_pairs
from eventscope.dedup.combine import article_of
from eventscope.dedup.score import (
    DATE_WINDOW_DAYS,
    EARTH_KM,
    MAX_SPAN_DAYS,
    RADIUS_KM,
    link_score,
    located,
    mergeable,
)
from eventscope.dedup.signature import FAMILIES, stated_days
from eventscope.records import Event, Evidence
from eventscope.serialize import from_jsonable, to_jsonable
from eventscope.store import schema
from eventscope.table import event_row

_CHUNK = 500  # ids per IN (...) list
DEGREE_KM = EARTH_KM * math.pi / 180  # length of a degree of latitude
_POLAR = 89.0  # latitude beyond which a longitude box would be no use
_OR_TERMS = 32  # signatures per candidate query, well under SQLite's expression depth
_EVERYWHERE = (-90.0, 90.0, -180.0, 180.0)
_REBUILD_MENTIONS = 5_000  # mentions whose records recompute holds at a time
_LINK_ROWS = 10_000  # links written per INSERT, so a million links are never all rows at once
# event_row columns kept in event_sources rather than in events.
_SOURCE_COLUMNS = ("article_ids", "outlets")
# Execution option of an executemany INSERT that PostgreSQL writes with COPY instead
# (``store._copy_rows``); bench/store_write.py has the measurements.
COPY = "eventscope_copy"
# The key of the PostgreSQL advisory lock that merges hold (``_one_merge_at_a_time``):
# "evscope" in ASCII, a number no other user of the database is likely to pick.
MERGE_LOCK = 0x65767363_6F7065
_FAMILY_TYPES = {
    family: sorted(t.value for t, f in FAMILIES.items() if f == family) for family in set(FAMILIES.values())
}


@dataclasses.dataclass(frozen=True)
class MergeReport:
    """What a merge did: mentions considered, links between them, events they make."""

    mentions: int
    links: int
    events: int

    def as_dict(self) -> dict[str, int]:
        return dataclasses.asdict(self)


def chunks(ids: Sequence[str]) -> Iterator[list[str]]:
    """``ids`` in lists short enough for one ``IN (...)``."""
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start : start + _CHUNK])


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


@functools.cache
def _evidence_fields(cls: type) -> tuple[str, ...]:
    """The fields of record class ``cls`` whose type can hold an Evidence, in field order:
    the only ones ``evidence_paths`` looks into (most fields are text or numbers)."""
    hints = typing.get_type_hints(cls)
    return tuple(f.name for f in dataclasses.fields(cls) if _can_hold_evidence(hints[f.name]))


def _can_hold_evidence(hint: Any) -> bool:
    if hint is Evidence:
        return True
    if typing.get_origin(hint) is not None:  # X | None, tuple[X, ...]
        return any(_can_hold_evidence(argument) for argument in typing.get_args(hint))
    return isinstance(hint, type) and dataclasses.is_dataclass(hint) and bool(_evidence_fields(hint))


def evidence_paths(value: object, path: str = "") -> Iterator[tuple[str, Evidence]]:
    """Every Evidence inside ``value`` with its field path, in field order.

    A record's own ``evidence`` is named by the record's path (``actor1``);
    the event's reporting sentence is ``evidence``.
    """
    if isinstance(value, Evidence):
        yield path, value
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from evidence_paths(item, f"{path}[{index}]")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in _evidence_fields(type(value)):
            if field == "evidence" and path:
                name = path
            else:
                name = f"{path}.{field}" if path else field
            yield from evidence_paths(getattr(value, field), name)


def _flat(record: Any) -> dict[str, Any]:
    """A record of plain values (a Source, an Evidence) as a row: ``dataclasses.asdict``
    without its deep copy, which is what made writing evidence slow."""
    return {name: getattr(record, name) for name in _field_names(type(record))}  # type: ignore[arg-type]


@dataclasses.dataclass
class EventRows:
    """The rows that store merged events: the events, their sources and their evidence,
    and the mentions that moved to another event (``{"mention", "merged"}``)."""

    events: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    sources: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    evidence: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    moved: list[dict[str, str]] = dataclasses.field(default_factory=list)


def event_rows(events: Iterable[Event], rows: EventRows | None = None) -> EventRows:
    """The rows of merged events (added to ``rows`` when given)."""
    rows = EventRows() if rows is None else rows
    for event in events:
        row = event_row(event)
        for column in _SOURCE_COLUMNS:
            del row[column]
        row["article_id"] = article_of(event)
        row["record"] = json.dumps(to_jsonable(event))  # as the JSON column would write it
        rows.events.append(row)
        rows.sources.extend({"event_id": event.event_id, **_flat(source)} for source in event.sources)
        rows.evidence.extend(
            {"event_id": event.event_id, "field": path, **_flat(evidence)}
            for path, evidence in evidence_paths(event)
        )
    return rows


def insert_events(connection: sa.Connection, events: Sequence[Event]) -> None:
    """Write merged events with their sources and evidence."""
    _write_rows(connection, event_rows(events))


# The events' records come as JSON text (``event_rows``), written as they are.
_EVENT_INSERT = (
    sa.insert(schema.events)
    .values(record=sa.cast(sa.bindparam("record", type_=sa.Text), sa.JSON))
    .execution_options(**{COPY: True})
)


def _write_rows(connection: sa.Connection, rows: EventRows) -> None:
    if connection.dialect.name == "sqlite":
        for table, part in ((schema.events, rows.events), (schema.event_sources, rows.sources),
                            (schema.evidence, rows.evidence)):
            _sqlite_insert(connection, table, part)
    else:
        if rows.events:
            connection.execute(_EVENT_INSERT, rows.events)
        if rows.sources:
            connection.execute(sa.insert(schema.event_sources), rows.sources)
        if rows.evidence:
            connection.execute(sa.insert(schema.evidence).execution_options(**{COPY: True}), rows.evidence)
    if rows.moved:
        m = schema.mentions.c
        connection.execute(
            sa.update(schema.mentions)
            .where(m.mention_id == sa.bindparam("mention"))
            .values(event_id=sa.bindparam("merged")),
            rows.moved,
        )


def _sqlite_insert(connection: sa.Connection, table: sa.Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """An executemany INSERT of ``rows`` straight to sqlite3, as SQLite's counterpart of
    PostgreSQL's COPY (``store._copy_rows``): SQLAlchemy's binding of each row took as
    long as SQLite's writing of it. Values are plain (str, int, float, bool, None)
    but in date columns, written as SQLAlchemy writes dates (ISO text)."""
    if not rows:
        return
    names = list(rows[0])
    quote = connection.dialect.identifier_preparer.quote
    statement = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(name) for name in names)}) "
        f"VALUES ({', '.join('?' for _ in names)})"
    )
    values = operator.itemgetter(*names) if len(names) > 1 else lambda row: (row[names[0]],)
    dates = [i for i, name in enumerate(names) if isinstance(table.c[name].type, sa.Date)]
    if dates:
        connection.exec_driver_sql(statement, [_iso_dates(list(values(row)), dates) for row in rows])
    else:
        connection.exec_driver_sql(statement, [values(row) for row in rows])


def _iso_dates(values: list[Any], dates: Sequence[int]) -> tuple[Any, ...]:
    for i in dates:
        if values[i] is not None:
            values[i] = values[i].isoformat()
    return tuple(values)


def insert_mentions(connection: sa.Connection, events: Sequence[Event]) -> None:
    """Store events (of one article or many) as mentions, each for now its own merged event,
    in one executemany."""
    rows = []
    for event in events:
        row = event_row(event)
        sig = signature(event)
        rows.append({
            "mention_id": event.event_id,
            "article_id": article_of(event),
            "event_id": event.event_id,
            "type": row["type"],
            "location_country": row["location_country"],
            "date_start": row["date_start"],
            "signature": sig.as_row(),
            "record": to_jsonable(event),
            **blocking_columns(sig),
        })
    if rows:
        connection.execute(sa.insert(schema.mentions), rows)


def _signatures(connection: sa.Connection, rows: Sequence[Any]) -> list[Signature]:
    """The signatures of mention rows (``mention_id``, ``signature``), read from the stored record
    only for rows migrated from revision 0002, which have none."""
    m = schema.mentions.c
    missing = [row.mention_id for row in rows if row.signature is None]
    records: dict[str, Any] = {}
    for chunk in chunks(missing):
        records.update(connection.execute(sa.select(m.mention_id, m.record).where(m.mention_id.in_(chunk))).all())
    return [
        Signature.from_row(row.signature) if row.signature is not None
        else signature(from_jsonable(Event, records[row.mention_id]))
        for row in rows
    ]


def blocking_columns(sig: Signature) -> dict[str, Any]:
    """The columns of a mention's row that the candidate query filters on: its last day,
    and its point when it is placed finer than a region (``located``)."""
    point = located(sig)
    return {
        "date_end": dt.date.fromordinal(sig.day_end) if sig.day_end is not None else None,
        "point_lat": sig.lat if point else None,
        "point_lon": sig.lon if point else None,
    }


def _box(sig: Signature) -> tuple[float, float, float, float] | None:
    """Bounds of latitude and longitude around a located mention that hold every point
    within ``RADIUS_KM`` of it (a little more); near a pole or across the date line any
    longitude. None for a mention not located, which meets mentions anywhere."""
    if not located(sig):
        return None
    assert sig.lat is not None and sig.lon is not None
    reach = 1.05 * RADIUS_KM / DEGREE_KM  # a degree of latitude is DEGREE_KM everywhere
    south, north = sig.lat - reach, sig.lat + reach
    widest = max(abs(south), abs(north))
    if widest >= _POLAR:
        return south, north, -180.0, 180.0
    across = reach / math.cos(math.radians(widest))  # a degree of longitude shrinks poleward
    west, east = sig.lon - across, sig.lon + across
    if west < -180.0 or east > 180.0:
        return south, north, -180.0, 180.0
    return south, north, west, east


def _near(sig: Signature) -> dict[str, Any]:
    """Bounds that every stored mention ``sig`` may meet (``candidate``) lies within, and few
    others: a first day no earlier than a mention ending within ``DATE_WINDOW_DAYS`` of
    ``sig`` can start, a last day not too early, and for located mentions a point in
    ``sig``'s box (a mention not located meets them all)."""
    assert sig.day is not None and sig.day_end is not None
    south, north, west, east = _box(sig) or _EVERYWHERE
    return {
        "country": sig.country,
        "first": dt.date.fromordinal(sig.day - DATE_WINDOW_DAYS - MAX_SPAN_DAYS),  # a mention spans at most that
        "last": dt.date.fromordinal(sig.day_end + DATE_WINDOW_DAYS),
        "end": dt.date.fromordinal(sig.day - DATE_WINDOW_DAYS),
        "south": south, "north": north, "west": west, "east": east,
    }


@functools.cache
def _near_query(family: str) -> sa.Select[Any]:
    """The candidate query for ``_OR_TERMS`` signatures of one type family, built once:
    stored mentions of the family within the ``_near`` bounds of any of them (bound as
    ``country0``, ``first0``, ...). Every term is on the blocking index (revision 0006);
    rows without its columns (a mention migrated from revision 0002) always pass."""
    m = schema.mentions.c

    def near(i: int) -> sa.ColumnElement[bool]:
        def bound(name: str) -> sa.BindParameter[Any]:
            return sa.bindparam(f"{name}{i}")

        return sa.and_(
            m.location_country == bound("country"),
            m.date_start.between(bound("first"), bound("last")),
            sa.or_(m.date_end.is_(None), m.date_end >= bound("end")),
            sa.or_(
                m.point_lat.is_(None),
                sa.and_(m.point_lat.between(bound("south"), bound("north")),
                        m.point_lon.between(bound("west"), bound("east"))),
            ),
        )

    return (
        sa.select(m.mention_id, m.signature)
        .where(m.type.in_(_FAMILY_TYPES[family]), sa.or_(*(near(i) for i in range(_OR_TERMS))))
        .order_by(m.mention_id)
    )


def _candidates(connection: sa.Connection, sigs: Sequence[Signature]) -> Iterator[tuple[Signature, list[Signature]]]:
    """Each mergeable one of ``sigs`` with the stored mentions of other articles that the
    blocking rule lets it be compared with.

    One query per type family and ``_OR_TERMS`` signatures (the same statement each time,
    so it is compiled once; a short last group repeats its last signature) reads the
    stored mentions ``_near`` any of them; each signature then keeps those ``candidate``
    accepts, so it meets exactly what comparing it with every stored mention would give.
    """
    families: dict[str, list[Signature]] = {}
    for sig in sigs:
        if mergeable(sig):
            families.setdefault(sig.family, []).append(sig)
    for family, members in families.items():
        for start in range(0, len(members), _OR_TERMS):
            part = members[start : start + _OR_TERMS]
            terms = [_near(sig) for sig in part]
            terms += terms[-1:] * (_OR_TERMS - len(terms))
            params = {f"{name}{i}": value for i, term in enumerate(terms) for name, value in term.items()}
            rows = connection.execute(_near_query(family), params).all()
            found: dict[str | None, list[Signature]] = {}
            for other in _signatures(connection, rows):
                found.setdefault(other.country, []).append(other)
            for sig in part:
                yield sig, [other for other in found.get(sig.country, ()) if candidate(sig, other)]


def _link(x: Signature, y: Signature) -> Link | None:
    a, b = (x, y) if x.mention_id < y.mention_id else (y, x)
    score = link_score(a, b)
    return None if score is None else Link(a.mention_id, b.mention_id, score)


def _insert_links(connection: sa.Connection, links: Sequence[Link]) -> None:
    for start in range(0, len(links), _LINK_ROWS):
        rows = [
            {"mention_a": link.a, "mention_b": link.b, "score": link.score.total, "parts": link.score.as_dict()}
            for link in links[start : start + _LINK_ROWS]
        ]
        connection.execute(sa.insert(schema.mention_links), rows)


def _read_links(connection: sa.Connection, ids: Sequence[str]) -> list[Link]:
    """Every stored link touching one of ``ids``."""
    table = schema.mention_links.c
    found: dict[tuple[str, str], Link] = {}
    for chunk in chunks(ids):
        query = sa.select(table.mention_a, table.mention_b, table.parts).where(
            sa.or_(table.mention_a.in_(chunk), table.mention_b.in_(chunk))
        )
        for a, b, parts in connection.execute(query):
            found[(a, b)] = Link(a, b, PairScore(**parts))
    return list(found.values())


def _component(connection: sa.Connection, seeds: Iterable[str]) -> tuple[set[str], list[Link]]:
    """The mentions linked, directly or not, to ``seeds``, and their links."""
    members = set(seeds)
    frontier = sorted(members)
    links: dict[tuple[str, str], Link] = {}
    while frontier:
        reached: set[str] = set()
        for link in _read_links(connection, frontier):
            links[(link.a, link.b)] = link
            reached.update((link.a, link.b))
        frontier = sorted(reached - members)
        members |= reached
    return members, list(links.values())


def _rebuild(connection: sa.Connection, ids: set[str], links: Sequence[Link]) -> int:
    """Replace the merged events of mentions ``ids`` (a whole linked group) by fresh ones."""
    m = schema.mentions.c
    records: dict[str, Event] = {}
    days: dict[str, tuple[int, int]] = {}
    old_events: set[str] = set()
    merged_into: dict[str, str] = {}
    for chunk in chunks(sorted(ids)):
        query = sa.select(m.mention_id, m.event_id, m.record, m.signature).where(m.mention_id.in_(chunk))
        for mention_id, event_id, record, stored in connection.execute(query):
            event = records[mention_id] = from_jsonable(Event, record)
            # the stored signature; only rows migrated from revision 0002 lack one
            day = stated_days(Signature.from_row(stored) if stored is not None else signature(event))
            if day is not None:
                days[mention_id] = day
            old_events.add(event_id)
            merged_into[mention_id] = event_id
    _delete_events(connection, sorted(old_events))
    groups = clusters({i: article_of(e) for i, e in records.items()}, links, days)
    _write_rows(connection, group_rows(groups, records, merged_into))
    return len(groups)


def group_rows(groups: Sequence[list[str]], records: Mapping[str, Event], merged_into: Mapping[str, str]) -> EventRows:
    """The rows of the merged event of each group of mention ids, and of its mentions that
    move to it (``merged_into``: the event a mention pointed at before, itself when absent)."""
    rows = EventRows()
    for group in groups:
        event = canonical_event([records[i] for i in group])
        event_rows([event], rows)
        rows.moved.extend(
            {"mention": mention_id, "merged": event.event_id}
            for mention_id in group
            if merged_into.get(mention_id, mention_id) != event.event_id
        )
    return rows


def _decoded_group_rows(groups: Sequence[list[str]], records: Mapping[str, str]) -> EventRows:
    """``group_rows`` of groups whose mentions all point at themselves, from their records
    as JSON text: what ``recompute`` runs for each part, here or in a worker process."""
    with collector.paused():
        return group_rows(groups, {i: from_jsonable(Event, json.loads(text)) for i, text in records.items()}, {})


def _delete_events(connection: sa.Connection, event_ids: Sequence[str]) -> None:
    for chunk in chunks(event_ids):
        for table in (schema.evidence, schema.event_sources, schema.events):
            connection.execute(sa.delete(table).where(table.c.event_id.in_(chunk)))


def _one_merge_at_a_time(connection: sa.Connection) -> None:
    """On PostgreSQL, wait until no other transaction is merging, and hold the lock to the
    end of this one.

    Two writers whose transactions overlap cannot see each other's new mentions
    (READ COMMITTED), so without the lock neither would link its mentions to the
    other's and the same event would stay two. With it, the second to merge reads
    the first's committed mentions. SQLite needs nothing: its write transactions
    never overlap (``BEGIN IMMEDIATE``).
    """
    if connection.dialect.name == "postgresql":
        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(MERGE_LOCK)))


def merge_new(connection: sa.Connection, mentions: Sequence[Event]) -> MergeReport:
    """Link newly stored mentions to the store's others and rebuild the events they touch."""
    _one_merge_at_a_time(connection)
    signatures = [signature(event) for event in mentions]
    links: dict[tuple[str, str], Link] = {}
    for sig, others in _candidates(connection, signatures):
        for other in others:
            key = (min(sig.mention_id, other.mention_id), max(sig.mention_id, other.mention_id))
            if key not in links:
                link = _link(sig, other)
                if link is not None:
                    links[key] = link
    _insert_links(connection, list(links.values()))
    members, component_links = _component(connection, (s.mention_id for s in signatures))
    events = _rebuild(connection, members, component_links)
    return MergeReport(mentions=len(members), links=len(component_links), events=events)


def link_all(signatures: Iterable[Signature]) -> Iterator[Link]:
    """Every link among ``signatures``: the pure core of ``recompute`` (and of bench/dedup.py)."""
    for x, y in candidate_pairs(signatures):
        link = _link(x, y)
        if link is not None:
            yield link


# Told how far a recompute is: its stage ("linking", "rebuilding"), and how many of
# how many events are rebuilt (None while linking).
Progress = Callable[[str, int, int | None], None]


def recompute(connection: sa.Connection, workers: int = 0, on_progress: Progress | None = None) -> MergeReport:
    """Rebuild every link and merged event of the store from its mentions.

    The signatures and links of all mentions are held at once (they are small); the
    mentions' records are read, and their groups' events written, ``_REBUILD_MENTIONS``
    at a time, so memory does not grow with the records of the whole store. With
    ``workers`` (processes; 0: none), the records become rows in other processes
    while this one reads and writes: the same rows, in the same order.
    """
    with collector.paused():  # a million signatures and records, in no cycles
        return _recompute(connection, workers, on_progress or (lambda stage, done, total: None))


def _recompute(connection: sa.Connection, workers: int, tell: Progress) -> MergeReport:
    tell("linking", 0, None)
    _one_merge_at_a_time(connection)
    m = schema.mentions.c
    rows = connection.execute(sa.select(m.mention_id, m.signature)).all()
    signatures = _signatures(connection, rows)
    missing = [
        {"id": sig.mention_id, "sig": sig.as_row(), **{f"new_{k}": v for k, v in blocking_columns(sig).items()}}
        for row, sig in zip(rows, signatures, strict=True) if row.signature is None
    ]
    del rows
    connection.execute(sa.delete(schema.mention_links))
    links = list(link_all(signatures))
    _insert_links(connection, links)
    for table in (schema.evidence, schema.event_sources, schema.events):
        connection.execute(sa.delete(table))
    connection.execute(sa.update(schema.mentions).where(m.event_id != m.mention_id).values(event_id=m.mention_id))
    if missing:
        connection.execute(
            sa.update(schema.mentions).where(m.mention_id == sa.bindparam("id")).values(
                signature=sa.bindparam("sig"), date_end=sa.bindparam("new_date_end"),
                point_lat=sa.bindparam("new_point_lat"), point_lon=sa.bindparam("new_point_lon"),
            ),
            missing,
        )
    groups = clusters(
        {sig.mention_id: sig.article_id for sig in signatures},
        links,
        {sig.mention_id: days for sig in signatures if (days := stated_days(sig)) is not None},
    )
    report = MergeReport(mentions=len(signatures), links=len(links), events=len(groups))
    del signatures, links
    tell("rebuilding", 0, len(groups))
    with _unindexed(connection, (schema.events, schema.event_sources, schema.evidence)):
        for done in _rebuild_all(connection, groups, workers):
            tell("rebuilding", done, len(groups))
    return report


@contextlib.contextmanager
def _unindexed(connection: sa.Connection, tables: Sequence[sa.Table]) -> Iterator[None]:
    """On SQLite, the emptied ``tables`` without their indexes inside the block, and the
    indexes built again after it: a million rows go in faster, and each index is then
    built in one sorted pass rather than row by row. Readers keep seeing the committed
    tables and indexes meanwhile (WAL). Not on PostgreSQL, where dropping an index
    would make every reader wait for the whole recompute."""
    indexes = [index for table in tables for index in table.indexes]
    if connection.dialect.name != "sqlite":
        yield
        return
    for index in indexes:
        index.drop(connection)
    yield
    for index in indexes:
        index.create(connection)


def _parts(groups: Sequence[list[str]]) -> Iterator[Sequence[list[str]]]:
    """``groups`` in consecutive parts of about ``_REBUILD_MENTIONS`` mentions."""
    start = held = 0
    for end, group in enumerate(groups, 1):
        held += len(group)
        if held >= _REBUILD_MENTIONS or end == len(groups):
            yield groups[start:end]
            start, held = end, 0


def _rebuild_all(connection: sa.Connection, groups: Sequence[list[str]], workers: int) -> Iterator[int]:
    """Write the merged event of every group, each mention pointing at itself before;
    yield the number of events written after each part.

    With ``workers``, processes turn a part's records into rows while this one
    reads the next part's records and writes the rows that are ready, in order.
    """
    done = 0
    if workers == 0:
        for part in _parts(groups):
            _write_rows(connection, _decoded_group_rows(part, _record_texts(connection, part)))
            done += len(part)
            yield done
        return
    context = multiprocessing.get_context("spawn")  # no copy of this process's connections
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
        pending: collections.deque[tuple[int, concurrent.futures.Future[EventRows]]] = collections.deque()
        for part in _parts(groups):
            pending.append((len(part), pool.submit(_decoded_group_rows, part, _record_texts(connection, part))))
            while len(pending) > workers or (pending and pending[0][1].done()):
                done += _write_next(connection, pending)
                yield done
        while pending:
            done += _write_next(connection, pending)
            yield done


def _write_next(
    connection: sa.Connection, pending: collections.deque[tuple[int, concurrent.futures.Future[EventRows]]]
) -> int:
    """Write the rows of the oldest part in flight, when ready; its number of events."""
    size, rows = pending.popleft()
    _write_rows(connection, rows.result())
    return size


def _record_texts(connection: sa.Connection, part: Sequence[list[str]]) -> dict[str, str]:
    """The stored records of the mentions of a part's groups, as JSON text, left for
    ``_decoded_group_rows`` (here or in a worker) to decode."""
    m = schema.mentions.c
    query = sa.select(m.mention_id, sa.cast(m.record, sa.Text))
    found: dict[str, str] = {}
    for chunk in chunks([mention for members in part for mention in members]):
        found.update(connection.execute(query.where(m.mention_id.in_(chunk))).all())
    return found


@dataclasses.dataclass(frozen=True)
class Explanation:
    """Why an event is what it is: the mentions merged into it and the links that merged them."""

    event_id: str
    mentions: list[Event]  # as each article reported it, the event's own first
    links: list[Link]  # strongest first


def explain(connection: sa.Connection, event_id: str) -> Explanation:
    """The mentions and links of the stored event ``event_id`` (a full id)."""
    m = schema.mentions.c
    rows = connection.execute(
        sa.select(m.mention_id, m.record).where(m.event_id == event_id).order_by(m.mention_id)
    ).all()
    mentions = [from_jsonable(Event, record) for _, record in rows]
    ids = {mention_id for mention_id, _ in rows}
    links = [link for link in _read_links(connection, sorted(ids)) if link.a in ids and link.b in ids]
    return Explanation(
        event_id=event_id,
        mentions=mentions,
        links=sorted(links, key=lambda link: (-link.score.total, link.a, link.b)),
    )


def counts(connection: sa.Connection) -> MergeReport:
    """How many mentions, links and merged events the store holds."""
    def count(table: sa.Table) -> int:
        return int(connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())

    return MergeReport(
        mentions=count(schema.mentions), links=count(schema.mention_links), events=count(schema.events)
    )
