"""Reads and writes articles, events and their evidence in one SQL database."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Generator, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    IntegrityError,
    NoSuchModuleError,
    OperationalError,
    SQLAlchemyError,
)

from eventscope.dedup.combine import article_of
from eventscope.errors import ConfigError, ResourceError, StoreError
from eventscope.records import Article, Event, Evidence
from eventscope.serialize import from_jsonable, to_jsonable
from eventscope.store import merge, schema, summary
from eventscope.store.merge import (
    Explanation,
    MergeReport,
    insert_mentions,
    merge_new,
)
from eventscope.store.migrate import current_revisions, head_revision, upgrade
from eventscope.store.query import EventFilter, Sort
from eventscope.store.summary import ActorCount, MapMarkers, MapPoint, Stats
from eventscope.table import COLUMNS, event_row

evidence_paths = merge.evidence_paths  # where it lived before revision 0003; kept for callers
MIN_PREFIX = 6  # shortest event id prefix that get_event resolves, as git does
_STREAM_BATCH = 500  # rows iter_events fetches at a time
_BACKENDS = ("sqlite", "postgresql")
_WRITE = "eventscope_write"  # execution option: this connection will write


@dataclasses.dataclass(frozen=True)
class EventPage:
    """One page of events and the cursor that continues it (None on the last page)."""

    events: list[Event]
    next_cursor: str | None


@dataclasses.dataclass(frozen=True)
class RowPage:
    """One page of event rows (``table.event_row``'s layout) and the cursor that continues it."""

    rows: list[dict[str, Any]]
    next_cursor: str | None


@dataclasses.dataclass(frozen=True)
class ArticleSpan:
    """Where in an article's text a stored event finds support for one of its fields."""

    event_id: str
    event_type: str
    field: str
    start: int
    end: int


@dataclasses.dataclass(frozen=True)
class EvidenceRow:
    """One piece of evidence of a stored event and the field it supports.

    ``field`` is the path of the value inside the event: ``trigger``,
    ``evidence`` (the reporting sentence), ``actor1``, ``location``,
    ``killed[0]``, ``killed[0].attribution`` and so on.
    """

    event_id: str
    field: str
    evidence: Evidence


def _first_line(exc: BaseException) -> str:
    """The first line of a driver's message, which is the part a user can act on."""
    origin = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    lines = str(origin).strip().splitlines()
    return lines[0] if lines else type(origin).__name__


def _safe_url(url: URL) -> str:
    return url.render_as_string(hide_password=True)


class Store:
    """An event database; open one with ``open_store``.

    Writes are all-or-nothing per article. Reads stream. The store is safe to
    share between threads; close it (or use it as a context manager) when done.
    """

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine
        self.url = _safe_url(engine.url)

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def engine(self) -> sa.Engine:
        """The SQLAlchemy engine, for ad-hoc SQL on ``eventscope.store.schema`` tables."""
        return self._engine

    def close(self) -> None:
        """Close every pooled connection."""
        self._engine.dispose()

    @contextmanager
    def _writing(self) -> Iterator[sa.Connection]:
        """A connection in a write transaction, committed on success, rolled back on error."""
        with self._engine.connect() as connection:
            connection.execution_options(**{_WRITE: True})
            with connection.begin():
                yield connection

    @contextmanager
    def _reading(self) -> Iterator[sa.Connection]:
        """A connection for reads; a lost database becomes ResourceError ES303."""
        try:
            with self._engine.connect() as connection:
                yield connection
        except OperationalError as exc:
            raise ResourceError("ES303", self.url, detail=_first_line(exc)) from exc

    # Writes

    def save(self, article: Article, events: Sequence[Event]) -> bool:
        """Store an article with its events, their sources and evidence, in one transaction.

        The events are kept as the article's mentions, unchanged, and merged
        with the stored mentions of other articles that report the same
        events (``eventscope.dedup``) in the same transaction; ``iter_events``
        then returns the merged events.

        Returns False, writing nothing, when the article is already stored, so
        re-ingesting is harmless. Raises StoreError ES405 when an event id is
        already taken and ES402 when the database refuses the write; either way
        nothing of the article is left behind.
        """
        return self.save_all([(article, events)])[0]

    def save_all(self, batch: Sequence[tuple[Article, Sequence[Event]]]) -> list[bool]:
        """Store several articles with their events in one transaction: all or none.

        Returns, per article, whether it was new (False: already stored, and
        left as it is; an article given twice is False the second time).
        Raises as ``save`` does, naming the article at fault, and then nothing
        of the batch is written.

        The batch is written table by table, not article by article: one query
        finds the stored articles, one the taken event ids, then one
        executemany per table (psycopg sends it in pipeline mode; events and
        evidence go by COPY on PostgreSQL, see ``_copy_rows``). When the
        database refuses a row of a batch of several articles, the articles are
        written again one at a time, and rolled back, to name the one at fault.
        """
        if not batch:
            return []
        subject: str | None = batch[0][0].article_id
        new: list[tuple[Article, Sequence[Event]]] = []
        try:
            with self._writing() as connection:
                stored = _stored_articles(connection, [article.article_id for article, _ in batch])
                saved: list[bool] = []
                seen: set[str] = set()
                for article, _ in batch:
                    is_new = article.article_id not in seen and article.article_id not in stored
                    seen.add(article.article_id)
                    saved.append(is_new)
                new = [pair for pair, is_new in zip(batch, saved, strict=True) if is_new]
                _check_event_ids(connection, new)
                if new:  # None: several new articles, the one at fault is found on failure
                    subject = new[0][0].article_id if len(new) == 1 else None
                _insert_articles(connection, new)
                subject = batch[-1][0].article_id  # merge errors name the batch's last article, as ever
                mentions = [event for _, events in new for event in events]
                if mentions:
                    merge_new(connection, mentions)
        except IntegrityError as exc:
            subject = subject or self._refused_article(new) or new[0][0].article_id
            if len(batch) == 1 and self.has_article(subject):
                return [False]  # a concurrent save of the same article won
            raise StoreError("ES402", subject, article_id=subject, detail=_first_line(exc)) from exc
        except SQLAlchemyError as exc:
            if subject is None and not isinstance(exc, OperationalError):
                subject = self._refused_article(new)
            subject = subject or new[0][0].article_id
            raise StoreError("ES402", subject, article_id=subject, detail=_first_line(exc)) from exc
        return saved

    def _refused_article(self, new: Sequence[tuple[Article, Sequence[Event]]]) -> str | None:
        """The first of ``new`` whose rows the database refuses, found by writing them one
        article at a time in a transaction that is then rolled back (only after a batch
        failed); None when each goes in on its own."""
        try:
            with self._engine.connect() as connection:
                connection.execution_options(**{_WRITE: True})
                transaction = connection.begin()
                try:
                    for pair in new:
                        try:
                            _insert_articles(connection, [pair])
                        except DBAPIError:
                            return pair[0].article_id
                finally:
                    transaction.rollback()
        except SQLAlchemyError:
            return None
        return None

    def recompute_merges(self, workers: int = 0, on_progress: merge.Progress | None = None) -> MergeReport:
        """Rebuild every cross-article link and merged event from the stored mentions,
        in one transaction (``eventscope merge --recompute``); ``workers`` processes
        build the events' rows (0: this one does)."""
        try:
            with self._writing() as connection:
                return merge.recompute(connection, workers, on_progress)
        except SQLAlchemyError as exc:
            raise StoreError("ES402", "merge", detail=_first_line(exc)) from exc

    def merge_counts(self) -> MergeReport:
        """How many mentions, links between them and merged events the store holds."""
        with self._reading() as connection:
            return merge.counts(connection)

    def explain_event(self, event_id: str) -> Explanation:
        """The mentions merged into an event (id or unique prefix) and the scores that merged them."""
        with self._reading() as connection:
            return merge.explain(connection, _resolve_event_id(connection, event_id))

    def start_run(self, config: Mapping[str, Any]) -> int:
        """Record the start of a run with its resolved configuration; returns the run id."""
        row = {
            "started_at": dt.datetime.now(dt.UTC),
            "config": {key: to_jsonable(value) for key, value in config.items()},
        }
        try:
            with self._writing() as connection:
                result = connection.execute(sa.insert(schema.runs), row)
                key = result.inserted_primary_key
        except SQLAlchemyError as exc:
            raise StoreError("ES402", "runs", detail=_first_line(exc)) from exc
        if key is None:  # pragma: no cover - every backend reports the new key
            raise StoreError("ES402", "runs", detail="the database returned no run id")
        return int(key[0])

    def finish_run(self, run_id: int, stats: Mapping[str, Any]) -> None:
        """Record the end of run ``run_id`` with its statistics."""
        statement = (
            sa.update(schema.runs)
            .where(schema.runs.c.run_id == run_id)
            .values(
                finished_at=dt.datetime.now(dt.UTC),
                stats={key: to_jsonable(value) for key, value in stats.items()},
            )
        )
        try:
            with self._writing() as connection:
                updated = connection.execute(statement).rowcount
        except SQLAlchemyError as exc:
            raise StoreError("ES402", f"run {run_id}", detail=_first_line(exc)) from exc
        if updated == 0:
            raise StoreError("ES406", f"run {run_id}")

    # Reads

    def has_article(self, article_id: str) -> bool:
        """Whether the article is stored."""
        with self._reading() as connection:
            return _article_exists(connection, article_id)

    def get_article(self, article_id: str) -> Article | None:
        """The stored article, or None when there is none with this id."""
        columns = [schema.articles.c[f.name] for f in dataclasses.fields(Article)]
        query = sa.select(*columns).where(schema.articles.c.article_id == article_id)
        with self._reading() as connection:
            row = connection.execute(query).mappings().first()
        return None if row is None else Article(**row)

    def iter_events(
        self,
        filter: EventFilter | None = None,
        *,
        sort: Sort | None = None,
        after: str | None = None,
    ) -> Generator[Event, None, None]:
        """Stored events matching ``filter`` in ``sort`` order (default: newest first,
        unknown dates last), ties by id; ``after`` is a cursor from ``Sort.cursor``.

        Rows are fetched in batches as the iterator is consumed; close the
        iterator (or exhaust it) to release its connection.
        """
        query = _ordered([schema.events.c.record], filter, sort or Sort(), after)
        with self._reading() as connection:
            result = connection.execution_options(yield_per=_STREAM_BATCH).execute(query)
            for (record,) in result:
                yield from_jsonable(Event, record)

    def page_events(
        self, filter: EventFilter | None = None, *, sort: Sort | None = None,
        after: str | None = None, size: int = 50,
    ) -> EventPage:
        """One page of ``iter_events``: ``size`` events and the cursor to the next page."""
        sort = sort or Sort()
        flt = dataclasses.replace(filter or EventFilter(), limit=size + 1)
        events = list(self.iter_events(flt, sort=sort, after=after))
        more = len(events) > size
        events = events[:size]
        cursor = sort.cursor(event_row(events[-1])) if more and events else None
        return EventPage(events=events, next_cursor=cursor)

    def page_rows(
        self, filter: EventFilter | None = None, *, sort: Sort | None = None,
        after: str | None = None, size: int = 50,
    ) -> RowPage:
        """``page_events`` as flat rows, read from the columns: no record is rebuilt,
        which is what makes a page of the API cheap."""
        sort = sort or Sort()
        flt = dataclasses.replace(filter or EventFilter(), limit=size + 1)
        columns = [schema.events.c[name] for name in COLUMNS if name in schema.events.c]
        sources = schema.event_sources.c
        with self._reading() as connection:
            found = [dict(row) for row in connection.execute(_ordered(columns, flt, sort, after)).mappings()]
            articles: dict[str, set[str]] = {row["event_id"]: set() for row in found}
            outlets: dict[str, set[str]] = {row["event_id"]: set() for row in found}
            query = sa.select(sources.event_id, sources.article_id, sources.outlet).where(
                sources.event_id.in_(list(articles))
            )
            for event_id, article_id, outlet in connection.execute(query):
                articles[event_id].add(article_id)
                if outlet:
                    outlets[event_id].add(outlet)
        rows = [
            {
                name: ";".join(sorted(articles[row["event_id"]])) if name == "article_ids"
                else ";".join(sorted(outlets[row["event_id"]])) if name == "outlets"
                else row[name]
                for name in COLUMNS
            }
            for row in found
        ]
        more = len(rows) > size
        rows = rows[:size]
        return RowPage(rows=rows, next_cursor=sort.cursor(rows[-1]) if more and rows else None)

    def count_events(self, filter: EventFilter | None = None) -> int:
        """How many stored events match ``filter`` (its limit aside)."""
        query = sa.select(sa.func.count()).select_from(schema.events)
        if filter is not None:
            query = query.where(*filter.where())
        with self._reading() as connection:
            return int(connection.execute(query).scalar_one())

    def stats(self, filter: EventFilter | None = None, granularity: str = "auto") -> Stats:
        """Counts of the matching events by type, by country and by period.

        ``granularity`` is ``day``, ``week``, ``month`` or ``auto`` (the finest
        that keeps the timeline short; see ``summary.choose_granularity``).
        """
        if granularity not in (*summary.GRANULARITIES, "auto"):
            raise ConfigError(
                "ES202", "granularity", value=granularity,
                detail=f"use auto, {', '.join(summary.GRANULARITIES)}",
            )
        queries = summary.stats_queries(filter)
        with self._reading() as connection:
            total, killed = connection.execute(queries["totals"]).one()
            by_type = {kind: n for kind, n in connection.execute(queries["by_type"])}
            by_country = {code: n for code, n in connection.execute(queries["by_country"])}
            days = [(day, kind, n) for day, kind, n in connection.execute(queries["by_day"])]
        if granularity == "auto":
            granularity = summary.choose_granularity([day for day, _, _ in days])
        dated = sum(n for _, _, n in days)
        return Stats(
            total=int(total), undated=int(total) - dated, killed=int(killed),
            by_type=dict(sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))),
            by_country=dict(sorted(by_country.items(), key=lambda kv: (-kv[1], kv[0]))),
            granularity=granularity,
            timeline=summary.fold_timeline(days, granularity),
        )

    def actors(
        self, filter: EventFilter | None = None, limit: int = 100, *, aliases: bool = False
    ) -> list[ActorCount]:
        """Actors of the matching events, most events first; with ``aliases``, also each
        one's distinct mention texts and sponsor (read from the records)."""
        with self._reading() as connection:
            rows = connection.execute(summary.actor_query(filter, limit)).all()
            found = [
                ActorCount(name, kind, country, int(n), int(first), int(second))
                for name, kind, country, n, first, second in rows
            ]
            if aliases and found:
                names = [actor.name for actor in found]
                found = summary.with_aliases(
                    found, connection.execute(summary.alias_query(filter, names)).all()
                )
        return found

    def map_markers(self, filter: EventFilter | None = None, max_points: int = 2000) -> MapMarkers:
        """Located events for a map: each event while at most ``max_points`` match,
        else grid cells sized to the filter's bbox, each with its count."""
        with self._reading() as connection:
            located = int(
                connection.execute(
                    sa.select(sa.func.count()).select_from(schema.events).where(*summary.located(filter))
                ).scalar_one()
            )
            if located <= max_points:
                rows = connection.execute(summary.point_query(filter, max_points)).all()
                points = [
                    MapPoint(
                        event_id=r[0], lat=r[1], lon=r[2], type=r[3], precision=r[4],
                        killed=r[5], date=r[6], name=r[7],
                    )
                    for r in rows
                ]
                return MapMarkers(located=located, points=points, cells=[])
            size = summary.cell_size(filter.bbox if filter is not None else None)
            rows = connection.execute(summary.cell_query(filter, size)).all()
        cells = [summary.cell(int(r[0]), int(r[1]), size, r[2:]) for r in rows]
        return MapMarkers(located=located, points=[], cells=cells)

    def get_event(self, event_id: str) -> Event:
        """The event with this id, or with this unique prefix of at least 6 characters,
        or the event that the mention with this id was merged into.

        Raises StoreError ES403 when there is none and ES407 when the prefix
        fits more than one.
        """
        with self._reading() as connection:
            full_id = _resolve_event_id(connection, event_id)
            record = connection.execute(
                sa.select(schema.events.c.record).where(schema.events.c.event_id == full_id)
            ).scalar_one()
        return from_jsonable(Event, record)

    def evidence_rows(self, event_id: str) -> list[EvidenceRow]:
        """Every piece of evidence of an event (id or unique prefix), in field order."""
        table = schema.evidence
        columns = [table.c[f.name] for f in dataclasses.fields(Evidence)]
        with self._reading() as connection:
            full_id = _resolve_event_id(connection, event_id)
            rows = connection.execute(
                sa.select(table.c.field, *columns)
                .where(table.c.event_id == full_id)
                .order_by(table.c.id)
            ).all()
        return [
            EvidenceRow(event_id=full_id, field=row[0], evidence=Evidence(*row[1:])) for row in rows
        ]

    def article_spans(self, article_id: str) -> list[ArticleSpan]:
        """Every stored span inside one article, with the event and field it supports,
        in text order (for highlighting the article)."""
        ev, events = schema.evidence.c, schema.events.c
        query = (
            sa.select(ev.event_id, events.type, ev.field, ev.start, ev.end)
            .join(schema.events, events.event_id == ev.event_id)
            .where(ev.article_id == article_id)
            .order_by(ev.start, ev.end, ev.event_id, ev.id)
        )
        with self._reading() as connection:
            return [ArticleSpan(*row) for row in connection.execute(query)]

    def counts(self) -> dict[str, int]:
        """The number of rows in each table, by table name."""
        with self._reading() as connection:
            return {
                table.name: connection.execute(
                    sa.select(sa.func.count()).select_from(table)
                ).scalar_one()
                for table in schema.TABLES
            }


def _ordered(
    columns: list[Any], filter: EventFilter | None, sort: Sort, after: str | None
) -> sa.Select[Any]:
    """SELECT ``columns`` of the events matching ``filter`` in ``sort`` order, after ``after``."""
    query = sa.select(*columns).order_by(*sort.order_by())
    if after is not None:
        query = query.where(sort.after(after))
    if filter is not None:
        query = query.where(*filter.where())
        if filter.limit is not None:
            query = query.limit(filter.limit)
    return query


def _article_exists(connection: sa.Connection, article_id: str) -> bool:
    query = sa.select(schema.articles.c.article_id).where(
        schema.articles.c.article_id == article_id
    )
    return connection.execute(query).first() is not None


def _stored_articles(connection: sa.Connection, article_ids: Sequence[str]) -> set[str]:
    """Those of ``article_ids`` that are stored articles."""
    column = schema.articles.c.article_id
    found: set[str] = set()
    for chunk in merge.chunks(sorted(set(article_ids))):
        found.update(connection.execute(sa.select(column).where(column.in_(chunk))).scalars())
    return found


def _check_event_ids(connection: sa.Connection, new: Sequence[tuple[Article, Sequence[Event]]]) -> None:
    """Refuse event ids given twice, or already stored from another article, this batch's
    earlier articles included (ES405, naming the first article at fault)."""
    wanted = sorted({event.event_id for _, events in new for event in events})
    m = schema.mentions.c
    taken: dict[str, str] = {}  # event id -> the article that holds it
    for chunk in merge.chunks(wanted):
        query = sa.select(m.mention_id, m.article_id).where(m.mention_id.in_(chunk))
        taken.update((mention_id, article_id) for mention_id, article_id in connection.execute(query))
    for article, events in new:
        seen: set[str] = set()
        for event in events:
            if event.event_id in seen:
                raise StoreError(
                    "ES405",
                    article.article_id,
                    article_id=article.article_id,
                    event_id=event.event_id,
                    stored=article.article_id,
                )
            seen.add(event.event_id)
        clashes = sorted(seen & taken.keys())
        if clashes:
            raise StoreError(
                "ES405",
                article.article_id,
                article_id=article.article_id,
                event_id=clashes[0],
                stored=taken[clashes[0]],
            )
        taken.update((event.event_id, article_of(event)) for event in events)


def _insert_articles(connection: sa.Connection, new: Sequence[tuple[Article, Sequence[Event]]]) -> None:
    """Write new articles and their events as mentions: one executemany per table."""
    if new:
        connection.execute(sa.insert(schema.articles), [_article_row(article) for article, _ in new])
        insert_mentions(connection, [event for _, events in new for event in events])


def _article_row(article: Article) -> dict[str, Any]:
    row = {f.name: getattr(article, f.name) for f in dataclasses.fields(Article)}
    row["ingested_at"] = dt.datetime.now(dt.UTC)
    return row


def _resolve_event_id(connection: sa.Connection, event_id: str) -> str:
    """The full id of the one event whose id is, or starts with, ``event_id``."""
    events = schema.events.c
    exact = connection.execute(
        sa.select(events.event_id).where(events.event_id == event_id)
    ).scalar_one_or_none()
    if exact is not None:
        return str(exact)
    merged_into = connection.execute(
        sa.select(schema.mentions.c.event_id).where(schema.mentions.c.mention_id == event_id)
    ).scalar_one_or_none()
    if merged_into is not None:
        return str(merged_into)  # the id of a mention merged into another event
    if len(event_id) >= MIN_PREFIX:
        matches = (
            connection.execute(
                sa.select(events.event_id)
                .where(events.event_id.startswith(event_id, autoescape=True))
                .order_by(events.event_id)
                .limit(3)
            )
            .scalars()
            .all()
        )
        if len(matches) == 1:
            return str(matches[0])
        if matches:
            raise StoreError(
                "ES407", event_id, count=len(matches) if len(matches) < 3 else "3 or more"
            )
    raise StoreError("ES403", event_id)


def _sqlite_connect(dbapi_connection: Any, connection_record: Any) -> None:
    """Set up each SQLite connection: foreign keys, write-ahead log, real transactions.

    The sqlite3 driver's own transaction handling is turned off so that
    ``_sqlite_begin`` starts every transaction, DDL included; a failed
    migration then leaves nothing behind.
    """
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
    finally:
        cursor.close()


def _sqlite_begin(connection: sa.Connection) -> None:
    """Begin a SQLite transaction; writers take the write lock at once, so they queue."""
    write = connection.get_execution_options().get(_WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _copy_rows(cursor: Any, statement: str, parameters: Sequence[Any], context: Any) -> bool | None:
    """Write an executemany INSERT marked ``merge.COPY`` with PostgreSQL's ``COPY ... FROM
    STDIN`` (psycopg 3), which takes evidence rows about 5 times as fast as executemany
    (bench/store_write.py --copy). The rows come bound and typed as executemany would
    get them, and the database checks them just the same (constraints, keys); errors
    reach the caller as SQLAlchemy's. Anything else (None) is left to executemany."""
    if not context.execution_options.get(merge.COPY) or not parameters or not context.isinsert:
        return None
    table = context.compiled.statement.table
    names = list(parameters[0])
    if not isinstance(parameters[0], Mapping) or any(name not in table.c for name in names):
        return None
    quote = context.dialect.identifier_preparer
    columns = ", ".join(quote.quote(name) for name in names)
    with cursor.copy(f"COPY {quote.format_table(table)} ({columns}) FROM STDIN") as copy:
        for row in parameters:
            copy.write_row([row[name] for name in names])
    return True


def _check_sqlite_file(url: URL, subject: str) -> None:
    """Fail with ES303 when the directory a SQLite file would go in is missing."""
    database = url.database
    if (
        not database
        or database == ":memory:"
        or url.query.get("uri")
        or database.startswith("file:")
    ):
        return
    parent = Path(database).expanduser().resolve().parent
    if not parent.is_dir():
        raise ResourceError(
            "ES303",
            subject,
            detail=f"directory {parent} does not exist; create it or choose another path",
        )


@dataclasses.dataclass(frozen=True)
class Revision:
    """The schema revision a store is at (None: no eventscope tables yet) and this
    eventscope's newest one (``head``)."""

    store: str  # its URL, without a password
    current: str | None
    head: str

    @property
    def behind(self) -> bool:
        return self.current != self.head


def store_revision(url: str) -> Revision:
    """The revision of the store at ``url``, read without changing anything
    (a SQLite file that does not exist yet is not created)."""
    engine, subject = _engine(url)
    database = engine.url.database
    if engine.url.get_backend_name() == "sqlite" and database and not Path(database).expanduser().exists():
        engine.dispose()
        return Revision(store=subject, current=None, head=head_revision())
    try:
        with engine.connect() as connection:
            found = current_revisions(connection)
    except DBAPIError as exc:
        raise ResourceError("ES303", subject, detail=_first_line(exc)) from exc
    finally:
        engine.dispose()
    return Revision(store=subject, current=found[0] if found else None, head=head_revision())


def open_store(url: str) -> Store:
    """Open the store at ``url``, creating or upgrading its tables as needed.

    ``url`` is a SQLAlchemy URL: ``sqlite:///events.db`` (a file relative to
    the working directory), ``sqlite:////abs/path.db`` or
    ``postgresql+psycopg://user@host/dbname``. Raises ConfigError ES202 for a
    malformed URL, ResourceError ES303 when the database cannot be reached and
    StoreError ES401 when its schema is newer than this eventscope.
    """
    engine, subject = _engine(url)
    try:
        try:
            connection = engine.connect()
        except DBAPIError as exc:
            raise ResourceError("ES303", subject, detail=_first_line(exc)) from exc
        with connection:
            connection.execution_options(**{_WRITE: True})
            with connection.begin():
                upgrade(connection, subject)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine)


def _engine(url: str) -> tuple[sa.Engine, str]:
    """An engine for ``url`` (not yet connected) and the URL to name in messages."""
    usage = "use sqlite:///FILE or postgresql+psycopg://user@host/dbname"
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError("ES202", "db", value=url, detail=f"not a database URL; {usage}") from exc
    subject = _safe_url(parsed)
    backend = parsed.get_backend_name()
    if backend not in _BACKENDS:
        raise ConfigError("ES202", "db", value=subject, detail=f"unsupported database; {usage}")
    sqlite = backend == "sqlite"
    if sqlite:
        _check_sqlite_file(parsed, subject)
    try:
        engine = sa.create_engine(parsed)
    except (NoSuchModuleError, ArgumentError, ImportError) as exc:
        raise ConfigError(
            "ES202", "db", value=subject, detail=f"{_first_line(exc)}; {usage}"
        ) from exc
    if sqlite:
        sa.event.listen(engine, "connect", _sqlite_connect)
        sa.event.listen(engine, "begin", _sqlite_begin)
    else:
        sa.event.listen(engine, "do_executemany", _copy_rows)
    return engine, subject
