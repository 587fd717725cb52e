"""One real event, one row (issue 8): merging within an article, across articles, in the store."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import math
import random
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pytest
import sqlalchemy as sa
from dedup_pairs import HELDOUT_FILE, labelled_pairs, labelled_rows
from factories import lagos_article, lagos_events
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import eventscope as es
import eventscope.store.merge
from eventscope.dedup import (
    Link,
    PairScore,
    Signature,
    candidate,
    clusters,
    merge_within,
    score_pair,
    signature,
)
from eventscope.dedup.block import candidate_pairs
from eventscope.dedup.score import EARTH_KM, RADIUS_KM, link_score, mergeable
from eventscope.ingest import read_articles
from eventscope.pipeline import process
from eventscope.records import Article, Event, Source
from eventscope.store import Store, open_store, schema
from eventscope.store.merge import _candidates, blocking_columns

ARTICLES = Path(__file__).parent / "articles" / "dedup"


def _article_of(event: Event) -> Article:
    source = event.sources[0]
    return Article(
        article_id=source.article_id, text=event.evidence.text, outlet=source.outlet,
        url=source.url, published=source.published,
    )


def _events(store: Store) -> dict[str, Event]:
    return {event.event_id: event for event in store.iter_events()}


# Within one article


def test_two_counts_of_one_arrest_in_one_article_become_one_event() -> None:
    article = lagos_article()
    protest, arrests = lagos_events(article)
    nine = dataclasses.replace(
        arrests, event_id="0000000000000009", arrested=arrests.arrested[1:], attribution=None
    )
    thirteen = dataclasses.replace(arrests, arrested=arrests.arrested[:1])
    merged = merge_within([protest, thirteen, nine])
    assert [e.event_id for e in merged] == [protest.event_id, thirteen.event_id]
    assert [(q.min, q.max) for q in merged[1].arrested] == [(13, None), (9, 9)]
    assert [m.mention_id for m in merged[1].merged] == ["0000000000000009"]
    assert merged[0] == protest  # an event told once is left as it is


def test_separate_attacks_in_one_article_stay_two_events() -> None:
    article = lagos_article()
    _, arrests = lagos_events(article)
    sentence = dataclasses.replace(arrests.evidence, text="Police made separate arrests in Lagos.")
    trigger = dataclasses.replace(
        arrests.trigger, start=sentence.start + 21, end=sentence.start + 28, text="arrests"
    )
    other = dataclasses.replace(arrests, event_id="0000000000000002", evidence=sentence, trigger=trigger)
    assert len(merge_within([arrests, other])) == 2


# Across articles, in the store


@pytest.fixture(scope="module")
def embassy() -> list[es.ArticleResult]:
    """Two articles I wrote about one rocket attack on an embassy, from two outlets."""
    articles = [a for a in read_articles(ARTICLES) if isinstance(a, Article)]
    return list(process(sorted(articles, key=lambda a: a.outlet or "")))


def test_two_outlets_reporting_one_embassy_attack_make_one_event_with_two_sources(
    store: Store, embassy: list[es.ArticleResult]
) -> None:
    for result in embassy:
        assert store.save(result.article, result.events)
    attacks = list(store.iter_events(es.EventFilter(type="ASSAULT")))
    assert len(attacks) == 1
    (attack,) = attacks
    assert sorted(s.outlet or "" for s in attack.sources) == ["Gulf Courier", "Tigris Wire"]
    assert es.event_row(attack)["corroboration"] == 2
    # The API's pages read the columns and event_sources: the same row as the record's.
    (row,) = store.page_rows(es.EventFilter(type="ASSAULT")).rows
    assert row == es.event_row(attack) and row["outlets"] == "Gulf Courier;Tigris Wire"
    assert (attack.first_reported, attack.last_updated) == (dt.date(2025, 2, 10), dt.date(2025, 2, 11))
    assert attack.date is not None and attack.date.start == dt.date(2025, 2, 9)
    assert attack.location is not None and attack.location.name == "Green Zone, Baghdad"
    # The latest report's toll is the event's; the first one's is kept, with its source.
    assert [(q.min, q.max) for q in attack.injured] == [(4, 4)]
    (earlier,) = [v for v in attack.variants if v.field == "injured"]
    assert earlier.quantity is not None and earlier.quantity.min == 2
    tigris = next(r.article for r in embassy if r.article.outlet == "Tigris Wire")
    assert earlier.article_id == tigris.article_id
    assert attack.event_id == min(e.event_id for r in embassy for e in r.events if e.type.value == "ASSAULT")
    explanation = store.explain_event(attack.event_id)
    assert len(explanation.mentions) == 2
    (link,) = explanation.links
    assert link.score.same and link.score.place == 1.0 and link.score.date == 1.0
    # Both articles' sentences are evidence of the merged event.
    assert {row.evidence.article_id for row in store.evidence_rows(attack.event_id)} == {
        r.article.article_id for r in embassy
    }


def test_merged_mention_id_still_finds_its_event(store: Store, embassy: list[es.ArticleResult]) -> None:
    for result in embassy:
        store.save(result.article, result.events)
    ids = [e.event_id for r in embassy for e in r.events if e.type.value == "ASSAULT"]
    assert store.get_event(max(ids)).event_id == min(ids)


def _rows(*scenarios: str) -> list[Event]:
    return [event for scenario, _, event in labelled_rows() if scenario in scenarios]


# Scenarios the merge gets exactly right (30 of the 40 are), and two it does not:
# order independence must hold either way.
SCENARIOS = ("s02", "s04", "s16", "s28", "s33")
SHUFFLED = (*SCENARIOS, "s01", "s03")


def _store_events(events: list[Event], directory: str, name: str) -> dict[str, Event]:
    with open_store(f"sqlite:///{directory}/{name}.db") as store:
        for event in events:
            store.save(_article_of(event), [event])
        return _events(store)


def test_labelled_reports_merge_into_their_events() -> None:
    labels = {e.event_id: (s, letter) for s, letter, e in labelled_rows() if s in SCENARIOS}
    with tempfile.TemporaryDirectory() as directory:
        merged = _store_events(_rows(*SCENARIOS), directory, "all")
    groups = sorted(
        sorted({labels[e.event_id], *(labels[m.mention_id] for m in e.merged)}) for e in merged.values()
    )
    # Each stored event holds the reports of exactly one labelled event, and all of them.
    assert groups == [[label] for label in sorted(set(labels.values()))]
    sizes = sorted(1 + len(e.merged) for e in merged.values())
    assert sizes == sorted(list(labels.values()).count(label) for label in set(labels.values()))


@functools.cache
def _reference() -> dict[str, Event]:
    with tempfile.TemporaryDirectory() as directory:
        return _store_events(_rows(*SHUFFLED), directory, "reference")


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(_rows(*SHUFFLED)))
def test_any_ingest_order_gives_the_same_events(order: list[Event]) -> None:
    with tempfile.TemporaryDirectory() as directory:
        shuffled = _store_events(order, directory, "shuffled")
    assert shuffled == _reference()
    assert any(e.merged for e in shuffled.values())  # merges happened


def test_recompute_rebuilds_the_same_events_and_is_idempotent(store: Store) -> None:
    for event in _rows(*SCENARIOS):
        store.save(_article_of(event), [event])
    incremental = _events(store)
    counts = store.counts()
    first = store.recompute_merges()
    assert _events(store) == incremental
    assert store.counts() == counts
    assert store.recompute_merges() == first
    assert (first.mentions, first.events) == (counts["mentions"], counts["events"])


@pytest.mark.parametrize("at_a_time", [2, 3, 7])
def test_recompute_reading_a_few_mentions_at_a_time_rebuilds_the_same_events(
    store: Store, monkeypatch: pytest.MonkeyPatch, at_a_time: int
) -> None:
    for event in _rows(*SCENARIOS):
        store.save(_article_of(event), [event])
    incremental = _events(store)
    assert any(len(e.sources) > 1 for e in incremental.values())
    monkeypatch.setattr(eventscope.store.merge, "_REBUILD_MENTIONS", at_a_time)  # groups written a few at a time
    store.recompute_merges()
    assert _events(store) == incremental


def _rebuilt_rows(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every row recompute writes, in the order written (evidence ids left out: PostgreSQL
    does not reuse them)."""
    e = schema.evidence.c
    queries = {
        "events": sa.select(schema.events).order_by(schema.events.c.event_id),
        "sources": sa.select(schema.event_sources).order_by(
            schema.event_sources.c.event_id, schema.event_sources.c.article_id),
        "evidence": sa.select(*(c for c in e if c.name != "id")).order_by(e.id),
        "mentions": sa.select(schema.mentions).order_by(schema.mentions.c.mention_id),
    }
    with store.engine.connect() as connection:
        return {name: [tuple(row) for row in connection.execute(query)] for name, query in queries.items()}


def test_recompute_in_worker_processes_writes_the_same_rows(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    for event in _rows(*SCENARIOS):
        store.save(_article_of(event), [event])
    seen: list[tuple[str, int, int | None]] = []
    here = store.recompute_merges(workers=0)
    expected = _rebuilt_rows(store)
    assert any(len(r) > 0 for r in expected["evidence"])
    monkeypatch.setattr(eventscope.store.merge, "_REBUILD_MENTIONS", 4)  # several parts in flight
    assert store.recompute_merges(workers=2, on_progress=lambda *told: seen.append(told)) == here
    assert _rebuilt_rows(store) == expected
    assert seen[0] == ("linking", 0, None)
    rebuilding = [done for stage, done, total in seen if stage == "rebuilding" and total == here.events]
    assert rebuilding[0] == 0 and rebuilding[-1] == here.events and len(rebuilding) > 3
    assert rebuilding == sorted(rebuilding)


def test_recompute_leaves_every_index_as_it_was(store: Store) -> None:
    for event in _rows(*SCENARIOS):
        store.save(_article_of(event), [event])

    def indexes() -> list[tuple[str, str]]:  # name and definition, expression indexes too
        query = (
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            if store.engine.dialect.name == "sqlite"
            else "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
        )
        with store.engine.connect() as connection:
            return sorted((name, definition) for name, definition in connection.exec_driver_sql(query))

    before = indexes()
    names = {name for name, _ in before}
    assert {"ix_events_sort_date_start", "ix_evidence_event_id", "ix_event_sources_article_id"} <= names
    store.recompute_merges()
    assert indexes() == before


def test_recompute_gives_mentions_without_a_signature_theirs_and_the_same_events(store: Store) -> None:
    for event in _rows(*SCENARIOS):
        store.save(_article_of(event), [event])
    incremental = _events(store)
    with store.engine.begin() as connection:  # as rows migrated from revision 0002 are
        stored = dict(connection.execute(sa.select(schema.mentions.c.mention_id, schema.mentions.c.signature)).all())
        connection.execute(sa.update(schema.mentions).values(signature=None))
    store.recompute_merges()
    assert _events(store) == incremental
    with store.engine.connect() as connection:
        rebuilt = dict(connection.execute(sa.select(schema.mentions.c.mention_id, schema.mentions.c.signature)).all())
    assert rebuilt == stored and None not in rebuilt.values()


def test_saving_an_article_again_changes_nothing(store: Store) -> None:
    events = _rows("s04")
    for event in events:
        store.save(_article_of(event), [event])
    before, counts = _events(store), store.counts()
    assert not store.save(_article_of(events[0]), [events[0]])
    assert _events(store) == before and store.counts() == counts


def test_a_later_article_updates_the_event(store: Store) -> None:
    first, _, later = _rows("s04")[:3]  # Saturday's hotel bombing: 6 killed, ..., then 9
    store.save(_article_of(first), [first])
    (before,) = store.iter_events()
    assert [q.min for q in before.killed] == [6]
    store.save(_article_of(later), [later])
    (after,) = [e for e in store.iter_events() if e.type.value == "ASSAULT" and len(e.sources) == 2]
    assert [q.min for q in after.killed] == [9]
    assert [v.value for v in after.variants if v.field == "killed"] == ["6"]
    assert after.last_updated == dt.date(2024, 2, 12)
    assert after.sources == tuple(sorted(after.sources, key=lambda s: s.published or dt.date.min))
    assert isinstance(after.sources[0], Source)


# Blocking at scale (dedup.block): the candidate pairs are exactly those `candidate` accepts


def _sig(
    mention: str, lat: float | None, lon: float | None, day: int, last: int | None = None, *,
    article: str | None = None, precision: int = 1, country: str = "FJI", family: str = "violence",
) -> Signature:
    return Signature(
        mention_id=mention, article_id=article or f"article-{mention}", outlet=None, type="ASSAULT",
        family=family, aggregate=False, mode=None, country=country, admin1=None, geonameid=None,
        lat=lat, lon=lon, precision=precision, day=day, day_end=day if last is None else last,
        date_precision="day", date_weak=False, actor1=None, actor1_kind=None, actor2=None,
        actor2_kind=None, killed=None, injured=None, arrested=None, published=day, text="", sequel=False,
    )


def _ids(pairs: Iterable[tuple[Signature, Signature]]) -> set[tuple[str, str]]:
    return {(min(a.mention_id, b.mention_id), max(a.mention_id, b.mention_id)) for a, b in pairs}


def _brute_force(signatures: list[Signature]) -> set[tuple[str, str]]:
    return _ids((a, b) for a, b in itertools.combinations(signatures, 2) if candidate(a, b))


def test_blocking_finds_pairs_across_the_date_line_and_the_pole_and_within_long_spans() -> None:
    day = 739_000
    signatures = [
        _sig("s1", -18.0, 179.9, day),
        _sig("s2", -18.0, -179.9, day + 2),  # 21 km from s1 across the date line, two days on
        _sig("s3", -18.0, 179.9, day + 3),  # three days after s1: too late for it
        _sig("s4", None, None, day - 20, day + 1, precision=3),  # country only, three weeks long
        _sig("s5", -17.54, 179.9, day),  # 51 km north of s1: too far
        _sig("s6", -18.0, 179.9, day, article="article-s1"),  # another event of s1's article
        _sig("s7", 89.9, 0.0, day + 10),
        _sig("s8", 89.9, 180.0, day + 11),  # 22 km from s7 over the pole
        _sig("s9", -18.0, 179.9, day, country="TON"),  # another country
        _sig("s10", -18.0, 179.9, day, family="protest"),  # another type family
    ]
    expected = {
        ("s1", "s2"), ("s2", "s3"), ("s1", "s4"), ("s2", "s4"), ("s3", "s4"), ("s4", "s5"),
        ("s4", "s6"), ("s2", "s6"), ("s7", "s8"),
    }
    found = list(candidate_pairs(signatures))
    assert _ids(found) == expected == _brute_force(signatures)
    assert len(found) == len(expected)  # each pair once


def test_blocking_equals_comparing_every_pair_on_random_mentions() -> None:
    rng = random.Random(8)
    signatures = []
    for index in range(600):
        lat = rng.choice([rng.uniform(-90, 90), rng.uniform(88, 90), rng.uniform(10.0, 10.6)])
        lon = rng.choice([rng.uniform(-180, 180), rng.uniform(179.6, 180), rng.uniform(-180, -179.6)])
        located = rng.random() < 0.9
        first = 739_000 + rng.randrange(30)
        signatures.append(_sig(
            f"m{index:03d}", lat if located else None, lon if located else None, first,
            first + rng.choice([0, 0, 0, 1, 6, 29, 31, 40]), article=f"a{rng.randrange(400)}",
            precision=rng.choice([1, 2, 3]), country=rng.choice(["FJI", "FJI", "TON"]),
        ))
    found = list(candidate_pairs(signatures))
    assert len(found) == len(_ids(found)) > 1000
    assert _ids(found) == _brute_force(signatures)


def _stored(store: Store, signatures: list[Signature]) -> None:
    """Signatures as rows of stored mentions (what the candidate query reads), with their articles."""
    articles = sorted({s.article_id for s in signatures})
    with store.engine.begin() as connection:
        connection.execute(sa.insert(schema.articles), [
            {"article_id": a, "text": "A report.", "ingested_at": dt.datetime(2024, 1, 1, tzinfo=dt.UTC)}
            for a in articles
        ])
        connection.execute(sa.insert(schema.mentions), [
            {
                "mention_id": s.mention_id, "article_id": s.article_id, "event_id": s.mention_id,
                "type": s.type, "location_country": s.country, "date_start": dt.date.fromordinal(s.day),
                "signature": s.as_row(), "record": {}, **blocking_columns(s),
            }
            for s in signatures
        ])


def _destination(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) on the initial bearing, on the sphere dedup measures on."""
    p1, l1, b, d = math.radians(lat), math.radians(lon), math.radians(bearing), km / EARTH_KM
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540) % 360 - 180


def test_the_stores_candidate_query_finds_what_comparing_with_every_mention_finds(store: Store) -> None:
    rng = random.Random(21)
    stored, new = [], []
    for index in range(500):
        lat = rng.choice([rng.uniform(-60, 60), rng.uniform(88.5, 90), rng.uniform(10.0, 10.8)])
        lon = rng.choice([rng.uniform(-180, 180), rng.uniform(179.5, 180), rng.uniform(-180, -179.5),
                          rng.uniform(30.0, 30.8)])
        first = 739_000 + rng.randrange(60)
        sig = _sig(
            f"m{index:03d}", lat, lon, first, first + rng.choice([0, 0, 0, 1, 3, 29, 31, 40]),
            article=f"a{rng.randrange(300)}", precision=rng.choice([1, 1, 2, 3]),
            country=rng.choice(["FJI", "FJI", "TON"]), family=rng.choice(["violence", "violence", "protest"]),
        )
        if sig.family == "protest":
            sig = dataclasses.replace(sig, type="PROTEST")
        (new if index % 5 == 0 else stored).append(sig)
    # Rings of mentions just inside and just outside RADIUS_KM of new ones: on the equator,
    # far north, next to the pole and across the date line.
    for ring, (lat, lon) in enumerate([(0.0, 30.0), (60.0, 30.0), (80.0, -100.0), (89.8, 0.0), (-18.0, 179.9)]):
        centre = _sig(f"r{ring}", lat, lon, 739_100)
        new.append(centre)
        for bearing in range(0, 360, 15):
            for km in (RADIUS_KM - 0.5, RADIUS_KM + 0.5):
                there = _destination(lat, lon, bearing, km)
                stored.append(_sig(f"r{ring}-{bearing}-{km}", *there, 739_101))
    _stored(store, stored + new)
    expected = {
        sig.mention_id: sorted(o.mention_id for o in stored + new if candidate(sig, o)) for sig in new if mergeable(sig)
    }
    with store.engine.connect() as connection:
        found = {sig.mention_id: sorted(o.mention_id for o in others) for sig, others in _candidates(connection, new)}
    assert found == expected
    assert sum(map(len, found.values())) > 100  # many pairs, across the date line and the pole too


def test_the_candidate_query_reads_the_blocking_index(store: Store) -> None:
    new = [_sig("n1", 10.2, 30.1, 739_010), _sig("n2", None, None, 739_011, precision=3)]
    with store.engine.connect() as connection:
        if connection.dialect.name != "sqlite":
            pytest.skip("PostgreSQL's planner picks by table statistics; the index exists (schema test)")
        seen: list[tuple[str, object]] = []
        sa.event.listen(connection, "before_cursor_execute", lambda _c, _k, sql, params, *_: seen.append((sql, params)))
        list(_candidates(connection, new))
        [(query, params)] = [(sql, p) for sql, p in seen if "FROM mentions" in sql]
        plan = " ".join(str(row[-1]) for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {query}", params))
    assert "ix_mentions_blocking" in plan and "SCAN mentions" not in plan, plan


def test_link_score_is_score_pair_when_it_links_and_none_otherwise() -> None:
    pairs = [*labelled_pairs(), *labelled_pairs(HELDOUT_FILE)]
    linked = 0
    for x, y, _ in pairs:
        a, b = signature(x), signature(y)
        full = score_pair(a, b)
        assert link_score(a, b) == (full if full.same else None)
        linked += full.same
    assert 0 < linked < len(pairs)


# Groups of links


def _link(a: str, b: str, total: float = 0.8) -> Link:
    score = PairScore(type=1.0, date=1.0, place=1.0, actors=1.0, counts=0.0, mode=0.0, text=0.0, total=total)
    return Link(a, b, score)


def test_links_day_to_day_do_not_chain_stated_dates_two_days_apart() -> None:
    # daily protests in one square: Monday's and Tuesday's reports link, Tuesday's and
    # Wednesday's link, but Monday and Wednesday are never one event
    day = dt.date(2024, 3, 4).toordinal()
    article_of = {"mon": "a1", "tue": "a2", "wed": "a3"}
    stated = {"mon": (day, day), "tue": (day + 1, day + 1), "wed": (day + 2, day + 2)}
    links = [_link("mon", "tue", 0.9), _link("tue", "wed", 0.8)]
    assert clusters(article_of, links) == [["mon", "tue", "wed"]]  # what single links alone give
    assert clusters(article_of, links, stated) == [["mon", "tue"], ["wed"]]


def test_a_report_without_a_stated_date_joins_a_group_of_stated_ones() -> None:
    day = dt.date(2024, 3, 4).toordinal()
    article_of = {"mon": "a1", "undated": "a2", "tue": "a3"}
    stated = {"mon": (day, day), "tue": (day + 1, day + 1)}
    links = [_link("mon", "undated"), _link("undated", "tue")]
    assert clusters(article_of, links, stated) == [["mon", "tue", "undated"]]
