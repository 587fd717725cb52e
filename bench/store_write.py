"""Throughput of the store's write path (``Store.save_all``) on SQLite and PostgreSQL.

    python bench/make_corpus.py /tmp/store/corpus --articles 1000
    eventscope ingest /tmp/store/corpus --db sqlite:////tmp/store/x.db
    python bench/store_write.py sqlite:////tmp/store/x.db \
        [--postgres postgresql+psycopg://postgres@127.0.0.1:5432/test] [--repeat 3] [--copy] [--profile]

Reads the articles and their extracted events (the stored mentions, as each
article reported them) from an ingested store, then replays them into a fresh
store per backend with ``Store.save_all`` in batches of ``pipeline.WRITE_BATCH``
articles, as ``eventscope ingest`` does, and times only the writes (merging
included: it runs inside the same transactions). Prints seconds, articles/s
and rows/s (every row written, in every table). ``--postgres`` names a server
URL whose user may create databases; each run gets a fresh database, dropped
afterwards. ``--copy`` also times the three biggest tables (evidence, mentions,
events) written by SQLAlchemy's executemany against psycopg 3's ``COPY ... FROM
STDIN`` on PostgreSQL. ``--profile`` prints the cProfile top of one SQLite run.
Not a test: figures depend on the machine and load.

Measured (issue 10) on 1,000 articles of ``make_corpus.py`` (1,492 mentions,
15,442 rows in all), 2 shared cores under a load of 3 to 5, best of 3 runs;
"before" is ``save_all`` writing article by article (an existence query, an
event-id query and an INSERT per article, an UPDATE per merged event, a
candidate query per mention: about 400 statements per batch of 64), "after"
writes table by table (about 18 statements per batch)::

                 before                  after
    SQLite       5.8 to 7.7 s  (2,650 rows/s)   3.8 to 3.9 s  (4,050 rows/s)
    PostgreSQL  12.3 to 12.9 s (1,260 rows/s)   4.0 to 4.8 s  (3,900 rows/s)

Under cProfile, ``to_jsonable`` (records to JSON for mentions and events) is
then the largest share of the write, about a third.

executemany against COPY: without RETURNING, SQLAlchemy's psycopg dialect
hands executemany to psycopg (pipeline mode), not to ``insertmanyvalues``;
forcing ``use_insertmanyvalues_wo_returning`` made evidence slower (5,100
rows/s). COPY took evidence 5.5 to 6.7 times as fast (about 20,000-29,000
rows/s against 105,000-172,000), events 1.6 to 2 times, mentions 1.2 to 1.6
times. So the store COPYs events and evidence on PostgreSQL (``merge.COPY``,
``store._copy_rows``) and leaves mentions, articles and links to executemany.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import io
import pstats
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from eventscope.pipeline import WRITE_BATCH
from eventscope.records import Article, Event
from eventscope.serialize import from_jsonable
from eventscope.store import open_store, schema

Batch = list[tuple[Article, list[Event]]]


def load_batches(url: str, size: int) -> list[Batch]:
    """The stored articles, in the order they were stored, with their mentions, in batches."""
    engine = sa.create_engine(url)
    fields = [f.name for f in dataclasses.fields(Article)]
    a, m = schema.articles, schema.mentions
    order = sa.text("rowid") if engine.url.get_backend_name() == "sqlite" else m.c.mention_id
    with engine.connect() as connection:
        articles = [
            Article(**dict(row))
            for row in connection.execute(
                sa.select(*(a.c[f] for f in fields)).order_by(a.c.ingested_at, a.c.article_id)
            ).mappings()
        ]
        events: dict[str, list[Event]] = {article.article_id: [] for article in articles}
        for article_id, record in connection.execute(sa.select(m.c.article_id, m.c.record).order_by(order)):
            events[article_id].append(from_jsonable(Event, record))
    engine.dispose()
    pairs = [(article, events[article.article_id]) for article in articles]
    return [pairs[start : start + size] for start in range(0, len(pairs), size)]


@contextmanager
def fresh_postgres(server_url: str) -> Iterator[str]:
    name = f"eventscope_bench_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield sa.make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def fresh_sqlite() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="eventscope-bench-") as folder:
        yield f"sqlite:///{Path(folder) / 'bench.db'}"


def replay(url: str, batches: list[Batch], profile: cProfile.Profile | None = None) -> tuple[float, int]:
    """Seconds spent in save_all over every batch, and the rows the store then holds."""
    with open_store(url) as store:
        elapsed = 0.0
        for batch in batches:
            if profile is not None:
                profile.enable()
            start = time.perf_counter()
            saved = store.save_all(batch)
            elapsed += time.perf_counter() - start
            if profile is not None:
                profile.disable()
            assert all(saved), "the source store holds an article twice"
        assert not any(store.save_all(batches[0]))  # idempotent: nothing new
        counts = store.counts()
    rows = sum(n for table, n in counts.items() if table != "runs")
    return elapsed, rows


def report(label: str, times: list[float], rows: int, articles: int) -> None:
    best, median = min(times), statistics.median(times)
    print(
        f"{label:<11} best {best:7.2f} s  median {median:7.2f} s  "
        f"{articles / best:8.1f} articles/s  {rows / best:9.0f} rows/s  "
        f"({rows} rows, {1000 * best / articles:.1f} s per 1000 articles)"
    )


# executemany against COPY, on PostgreSQL


def table_rows(url: str, table: sa.Table) -> list[dict[str, Any]]:
    engine = sa.create_engine(url)
    columns = [c for c in table.columns if not (c.primary_key and c.autoincrement is True and c.name == "id")]
    with engine.connect() as connection:
        rows = [dict(row) for row in connection.execute(sa.select(*columns)).mappings()]
    engine.dispose()
    return rows


def time_executemany(connection: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> float:
    start = time.perf_counter()
    connection.execute(sa.insert(table), rows)
    return time.perf_counter() - start


def time_copy(connection: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> float:
    """COPY the rows in (text format, psycopg's Copy.write_row), JSON columns dumped here."""
    import json

    names = list(rows[0])
    json_columns = {c.name for c in table.columns if isinstance(c.type, sa.JSON)}
    start = time.perf_counter()
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    quoted = ", ".join(f'"{name}"' for name in names)
    with cursor.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([json.dumps(row[n]) if n in json_columns else row[n] for n in names])
    return time.perf_counter() - start


def compare_copy(source_url: str, server_url: str, repeat: int) -> None:
    """Write the big tables' rows of ``source_url`` into empty tables both ways, ``repeat`` times."""
    for table in (schema.evidence, schema.mentions, schema.events):
        rows = table_rows(source_url, table)
        if not rows:
            continue
        results: dict[str, list[float]] = {"executemany": [], "copy": []}
        for _ in range(repeat):
            for how, write in (("executemany", time_executemany), ("copy", time_copy)):
                with fresh_postgres(server_url) as url:
                    engine = sa.create_engine(url)
                    with engine.begin() as connection:
                        # a bare table: no foreign keys, so each table is written alone
                        bare = sa.Table(table.name, sa.MetaData(), *(c._copy() for c in table.columns))
                        bare.create(connection)
                        results[how].append(write(connection, bare, rows))
                    engine.dispose()
        many, copy = min(results["executemany"]), min(results["copy"])
        print(
            f"  {table.name:<9} {len(rows):7d} rows  executemany {len(rows) / many:9.0f} rows/s  "
            f"COPY {len(rows) / copy:9.0f} rows/s  (COPY {many / copy:.2f}x)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", help="URL of an ingested store to read articles and mentions from")
    parser.add_argument("--postgres", help="PostgreSQL server URL (a fresh database per run)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch", type=int, default=WRITE_BATCH)
    parser.add_argument("--copy", action="store_true", help="executemany against COPY on PostgreSQL")
    parser.add_argument("--profile", action="store_true", help="cProfile top of one SQLite run")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()

    batches = load_batches(args.source, args.batch)
    articles = sum(len(batch) for batch in batches)
    mentions = sum(len(events) for batch in batches for _, events in batch)
    print(f"{articles} articles, {mentions} mentions, batches of {args.batch}")
    backends: list[tuple[str, Callable[[], Any]]] = []
    if not args.skip_sqlite:
        backends.append(("sqlite", fresh_sqlite))
    if args.postgres:
        server = args.postgres
        backends.append(("postgresql", lambda: fresh_postgres(server)))
    for label, fresh in backends:
        times: list[float] = []
        rows = 0
        for _ in range(args.repeat):
            with fresh() as url:
                elapsed, rows = replay(url, batches)
            times.append(elapsed)
        report(label, times, rows, articles)
    if args.profile:
        profile = cProfile.Profile()
        with fresh_sqlite() as url:
            replay(url, batches, profile)
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(35)
        print(out.getvalue())
    if args.copy and args.postgres:
        with fresh_postgres(args.postgres) as url:
            replay(url, batches)
            print("executemany against COPY, one transaction per table, best of", args.repeat)
            compare_copy(url, args.postgres, args.repeat)


if __name__ == "__main__":
    main()
