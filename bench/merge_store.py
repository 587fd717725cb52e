"""Merging new reports into a large store: 1,000 new mentions against a store of N.

    python bench/make_corpus.py /tmp/corpus --articles 2000
    eventscope ingest /tmp/corpus --db sqlite:////tmp/source.db        # mentions to clone
    python bench/merge_store.py sqlite:////tmp/source.db --mentions 100000 [--new 1000]
                                [--db sqlite:////tmp/big.db] [--recompute [--workers 2]]

``bench/dedup.py`` times the pure core of merging on signatures, with an
in-memory index standing in for the store. This times the store itself:
``Store.save_all`` of new articles in the batches ``eventscope ingest`` writes
(64 articles), which stores their mentions and merges them
(``store.merge.merge_new``: the candidate query on the (country, first day)
index, scoring, links, and the linked groups' events rebuilt), in SQLite.

The store is filled with N mentions cloned from the source store's: each clone
gets its own article and event id, dates moved so the store covers N / 550 days
(550 mentions a day, as ``bench/dedup.py``'s world), and its point moved up to
``JITTER`` degrees each way, so a city's events do not all sit on one point. The filling
writes articles and mentions with merging switched off (merging a million one
batch at a time would take hours here), so the stored mentions stand unmerged:
no links, no merged event rows, unless ``--recompute`` runs
``eventscope merge --recompute`` on the filled store first (timed too).

The new mentions are clones dated in the store's last ten days; three in ten
copy the day and point of a stored clone of the same source event (a second
outlet's report of it), the rest fall on days of their own. Prints the fill
rate, then the time and peak memory of the 1,000 new mentions' writes and
merges, and what the merge touched. Not a test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import datetime as dt
import hashlib
import json
import pstats
import random
import re
import resource
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa

import eventscope as es
import eventscope.store.store as store_module
from eventscope.store import merge, schema

PER_DAY = 550  # mentions a day, as in bench/dedup.py
BATCH = 64  # articles per save_all, as eventscope ingest writes
ISO_DAY = re.compile(r'"(\d{4}-\d{2}-\d{2})"')
LAST_DAYS = 10  # the new mentions fall in the store's last days
SECOND_REPORTS = 0.3  # share of new mentions that repeat a stored one's day and point
JITTER = 2.0  # degrees a clone's point moves at most, each way: a city's events spread over its region


@dataclasses.dataclass(frozen=True)
class Source:
    """One source article with its mentions, as JSON, to be cloned."""

    article: es.Article
    records: list[dict[str, Any]]
    first_day: dt.date


def read_sources(url: str) -> list[Source]:
    engine = sa.create_engine(url)
    a, m = schema.articles.c, schema.mentions.c
    by_article: dict[str, list[dict[str, Any]]] = {}
    with engine.connect() as connection:
        for article_id, record in connection.execute(sa.select(m.article_id, m.record).order_by(m.mention_id)):
            by_article.setdefault(article_id, []).append(record)
        rows = connection.execute(sa.select(schema.articles).where(a.article_id.in_(list(by_article)))).all()
    engine.dispose()
    sources = []
    for row in rows:
        fields = {f.name: getattr(row, f.name) for f in dataclasses.fields(es.Article)}
        records = [r for r in by_article[row.article_id] if r["date"] is not None]
        if records and all(r["location"] is not None and r["location"]["lat"] is not None for r in records):
            first = min(dt.date.fromisoformat(r["date"]["start"]) for r in records)
            sources.append(Source(es.Article(**fields), records, first))
    if not sources:
        raise SystemExit(f"{url}: no stored mentions with a date and a point to clone")
    return sorted(sources, key=lambda s: s.article.article_id)


def _id(*parts: object) -> str:
    return hashlib.sha256("/".join(map(str, parts)).encode()).hexdigest()[:16]


def clone(source: Source, copy: int, day: dt.date, shift: tuple[float, float]) -> tuple[es.Article, list[es.Event]]:
    """Copy ``copy`` of a source article, its first event day moved to ``day`` and its points by ``shift``."""
    new_article = _id(source.article.article_id, copy)
    delta = day - source.first_day
    text = json.dumps(source.records)
    text = text.replace(source.article.article_id, new_article)
    for record in source.records:
        text = text.replace(record["event_id"], _id(record["event_id"], copy))
    text = ISO_DAY.sub(lambda m: f'"{dt.date.fromisoformat(m.group(1)) + delta}"', text)
    events = []
    for record in json.loads(text):
        place = record["location"]
        place["lat"] = max(-89.9, min(89.9, place["lat"] + shift[0]))
        place["lon"] = (place["lon"] + shift[1] + 180) % 360 - 180
        events.append(es.from_jsonable(es.Event, record))
    published = source.article.published + delta if source.article.published else None
    url = f"{source.article.url or 'https://bench.invalid/a'}?copy={copy}"
    return dataclasses.replace(source.article, article_id=new_article, url=url, published=published), events


@dataclasses.dataclass(frozen=True)
class Copy:
    """Where and when one clone of a source was put."""

    source: int
    day: dt.date
    shift: tuple[float, float]


def world(sources: Sequence[Source], mentions: int, start: dt.date, rng: random.Random,
          tail: list[Copy]) -> Iterator[tuple[es.Article, list[es.Event]]]:
    """Clones of the sources, in order of day, until ``mentions`` mentions are made; the
    clones of the last ``LAST_DAYS`` days are appended to ``tail``.

    The sources are taken in a shuffled cycle, so two clones of one source (the same
    wording, so the same event to the scorer) lie days apart, as two reports of one
    event do not.
    """
    order = list(range(len(sources)))
    rng.shuffle(order)
    last = start + dt.timedelta(days=(mentions - 1) // PER_DAY - LAST_DAYS)
    made = copy = 0
    while made < mentions:
        where = Copy(order[copy % len(order)], start + dt.timedelta(days=made // PER_DAY),
                     (rng.uniform(-JITTER, JITTER), rng.uniform(-JITTER, JITTER)))
        article, events = clone(sources[where.source], copy, where.day, where.shift)
        if where.day > last:
            tail.append(where)
        copy += 1
        made += len(events)
        yield article, events


@contextmanager
def merging_off() -> Iterator[None]:
    """save_all stores articles and mentions but merges nothing (for the fill only)."""
    real = store_module.merge_new
    store_module.merge_new = lambda connection, mentions: merge.MergeReport(0, 0, 0)  # type: ignore[assignment]
    try:
        yield
    finally:
        store_module.merge_new = real


def batches(items: Iterator[tuple[es.Article, list[es.Event]]], size: int) -> Iterator[list[tuple[es.Article, list[es.Event]]]]:
    batch: list[tuple[es.Article, list[es.Event]]] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fill(store: es.Store, sources: Sequence[Source], mentions: int, start: dt.date,
         rng: random.Random) -> list[Copy]:
    """Write ``mentions`` cloned mentions, unmerged; the clones of the last days."""
    tail: list[Copy] = []
    written = 0
    began = time.perf_counter()
    with merging_off():
        for batch in batches(world(sources, mentions, start, rng, tail), 500):
            store.save_all(batch)
            before, written = written, written + sum(len(events) for _, events in batch)
            if written // 100_000 != before // 100_000:
                print(f"  filled {written:,} mentions, {time.perf_counter() - began:.0f} s", flush=True)
    print(f"fill: {written:,} mentions in {time.perf_counter() - began:.0f} s")
    return tail


def new_reports(sources: Sequence[Source], tail: Sequence[Copy], mentions: int,
                rng: random.Random) -> list[tuple[es.Article, list[es.Event]]]:
    """Clones in the store's last days; ``SECOND_REPORTS`` of them repeat a stored clone."""
    new: list[tuple[es.Article, list[es.Event]]] = []
    made = 0
    while made < mentions:
        if rng.random() < SECOND_REPORTS:
            where = rng.choice(tail)  # another outlet's report of a stored event
        else:
            where = Copy(rng.randrange(len(sources)), tail[-1].day - dt.timedelta(days=rng.randrange(LAST_DAYS)),
                         (rng.uniform(-JITTER, JITTER), rng.uniform(-JITTER, JITTER)))
        article, events = clone(sources[where.source], 10_000_000 + len(new), where.day, where.shift)
        new.append((article, events))
        made += len(events)
    return new


def timed_writes(store: es.Store, new: Sequence[tuple[es.Article, list[es.Event]]],
                 profile: cProfile.Profile | None) -> tuple[float, float, float, list[merge.MergeReport]]:
    """Save ``new`` as ingest does; wall and CPU seconds, seconds merging, the merges' reports."""
    reports: list[merge.MergeReport] = []
    real_merge = store_module.merge_new
    merging = 0.0

    def timed_merge(connection: sa.Connection, mentions: Sequence[es.Event]) -> merge.MergeReport:
        nonlocal merging
        began = time.perf_counter()
        report = real_merge(connection, mentions)
        merging += time.perf_counter() - began
        reports.append(report)
        return report

    store_module.merge_new = timed_merge  # type: ignore[assignment]
    try:
        began, cpu = time.perf_counter(), time.process_time()
        if profile:
            profile.enable()
        for batch in batches(iter(new), BATCH):
            store.save_all(batch)
        if profile:
            profile.disable()
        return time.perf_counter() - began, time.process_time() - cpu, merging, reports
    finally:
        store_module.merge_new = real_merge


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="Store URL whose mentions are cloned.")
    parser.add_argument("--mentions", type=int, default=100_000, help="Mentions in the filled store.")
    parser.add_argument("--new", type=int, default=1000, help="New mentions merged into it.")
    parser.add_argument("--db", help="Store URL to fill, a new one (default: a new file under /tmp).")
    parser.add_argument("--recompute", action="store_true", help="Merge the filled store before timing.")
    parser.add_argument("--workers", type=int, default=0, help="Processes that build events in --recompute.")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--profile", action="store_true", help="cProfile the new mentions' writes.")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    sources = read_sources(args.source)
    url = args.db or f"sqlite:///{tempfile.mkdtemp(prefix='eventscope-merge-')}/store.db"
    print(f"{len(sources)} source articles; store {url}")
    with es.open_store(url) as store:
        if store.merge_counts().mentions:
            raise SystemExit(f"{url}: the store to fill must be new")
        tail = fill(store, sources, args.mentions, dt.date(2020, 1, 1), rng)
        if args.recompute:
            began = time.perf_counter()
            report = store.recompute_merges(args.workers)
            print(f"recompute: {report.mentions:,} mentions, {report.links:,} links, {report.events:,} events "
                  f"in {time.perf_counter() - began:.1f} s")
        counts = store.merge_counts()
        print(f"store: {counts.mentions:,} mentions, {counts.links:,} links, {counts.events:,} merged events")
        new = new_reports(sources, tail, args.new, rng)
        profile = cProfile.Profile() if args.profile else None
        seconds, cpu, merging, reports = timed_writes(store, new, profile)
        after = store.merge_counts()
    if profile:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
    print(
        f"new: {sum(len(e) for _, e in new):,} mentions in {len(new):,} articles, {seconds:.2f} s "
        f"({cpu:.2f} s CPU), of which merging {merging:.2f} s; groups rebuilt hold "
        f"{sum(r.mentions for r in reports):,} mentions; store now {after.mentions:,} mentions, "
        f"{after.links:,} links, {after.events:,} events"
    )
    print(f"peak RSS {peak_mib():.0f} MiB")


if __name__ == "__main__":
    main()
