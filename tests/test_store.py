"""The event store: round trips, idempotent saves, rollback, filters, lookups, schema versions.

Tests taking ``store`` or ``store_url`` run on SQLite and, when
EVENTSCOPE_TEST_POSTGRES_URL is set, on PostgreSQL (see conftest.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from factories import kharkiv_article, kharkiv_events, lagos_article, lagos_events

from eventscope.errors import ConfigError, ResourceError, StoreError
from eventscope.records import Article, Event, Evidence
from eventscope.store import EventFilter, Store, open_store, schema
from eventscope.store.migrate import head_revision
from eventscope.store.query import SORTS, Sort

EMPTY = {
    "articles": 0,
    "events": 0,
    "event_sources": 0,
    "evidence": 0,
    "mentions": 0,
    "mention_links": 0,
    "runs": 0,
}


def save_both(store: Store) -> dict[str, Event]:
    """Save the Kharkiv and Lagos articles; return their events by short name."""
    kharkiv, lagos = kharkiv_article(), lagos_article()
    strike, arrest, accusation = kharkiv_events(kharkiv)
    protest, arrests = lagos_events(lagos)
    assert store.save(kharkiv, [strike, arrest, accusation])
    assert store.save(lagos, [protest, arrests])
    return {
        "strike": strike,
        "arrest": arrest,
        "accusation": accusation,
        "protest": protest,
        "arrests": arrests,
    }


def as_stored(event: Event) -> Event:
    """A one-article event as the store gives it back: its first and last report dated.

    Stored events are merged events (issue 8); one reported once keeps every
    value and gains ``first_reported``/``last_updated`` from its source.
    """
    published = [s.published for s in event.sources if s.published is not None]
    return dataclasses.replace(
        event,
        first_reported=min(published, default=None),
        last_updated=max(published, default=None),
    )


def ids(events: list[Event] | Any) -> list[str]:
    return [event.event_id for event in events]


# Writing and reading back


def test_saved_events_come_back_equal_in_full(store: Store) -> None:
    saved = save_both(store)
    loaded = {event.event_id: event for event in store.iter_events()}
    assert loaded == {event.event_id: as_stored(event) for event in saved.values()}


def test_saved_article_comes_back_equal(store: Store) -> None:
    article = kharkiv_article()
    store.save(article, kharkiv_events(article))
    assert store.has_article(article.article_id)
    assert store.get_article(article.article_id) == article


def test_unknown_article_is_none(store: Store) -> None:
    assert not store.has_article("0123456789abcdef")
    assert store.get_article("0123456789abcdef") is None


def test_article_without_events_is_stored(store: Store) -> None:
    article = lagos_article()
    assert store.save(article, [])
    assert store.counts() == {**EMPTY, "articles": 1}


def test_counts_report_rows_per_table(store: Store) -> None:
    save_both(store)
    # Evidence: strike 11, arrest 7, accusation 4, protest 6, arrests 10.
    assert store.counts() == {
        "articles": 2,
        "events": 5,
        "event_sources": 5,
        "evidence": 38,
        "mentions": 5,
        "mention_links": 0,
        "runs": 0,
    }


def test_event_columns_hold_the_flat_row(store: Store) -> None:
    saved = save_both(store)
    events = schema.events
    with store.engine.connect() as connection:
        row = (
            connection.execute(
                sa.select(events).where(events.c.event_id == saved["arrests"].event_id)
            )
            .mappings()
            .one()
        )
    assert row["type"] == "COERCE"
    assert row["article_id"] == lagos_article().article_id
    assert row["date_start"] == dt.date(2024, 8, 8)
    assert row["location_country"] == "NGA"
    assert row["location_lat"] == 6.45407
    assert (row["arrested_min"], row["arrested_max"]) == (9, None)  # "at least 13" is open-ended
    assert row["is_aggregate"] is False
    assert row["corroboration"] == 1
    assert row["trigger"] == "arrested"


def test_event_sources_list_each_reporting_article(store: Store) -> None:
    saved = save_both(store)
    sources = schema.event_sources
    with store.engine.connect() as connection:
        rows = connection.execute(
            sa.select(sources.c.article_id, sources.c.outlet, sources.c.published).where(
                sources.c.event_id == saved["strike"].event_id
            )
        ).all()
    assert [tuple(row) for row in rows] == [
        (kharkiv_article().article_id, "Reuters", dt.date(2024, 5, 14))
    ]


def test_evidence_rows_name_each_field_by_its_path(store: Store) -> None:
    saved = save_both(store)
    strike = saved["strike"]
    rows = store.evidence_rows(strike.event_id)
    assert [row.field for row in rows] == [
        "trigger",
        "evidence",
        "actor1",
        "actor2",
        "location",
        "date",
        "killed[0].attribution",
        "killed[0]",
        "injured[0].attribution",
        "injured[0]",
        "attribution",
    ]
    by_field = {row.field: row.evidence for row in rows}
    assert by_field["trigger"] == strike.trigger
    assert by_field["killed[0]"].text == "at least four"
    assert by_field["killed[0].attribution"].text == "regional governor Oleh Syniehubov said"
    assert all(row.event_id == strike.event_id for row in rows)


def test_two_attributed_counts_keep_their_own_evidence(store: Store) -> None:
    saved = save_both(store)
    rows = {row.field: row.evidence.text for row in store.evidence_rows(saved["arrests"].event_id)}
    assert rows["arrested[0]"] == "at least 13"
    assert rows["arrested[0].attribution"] == "Amnesty International said"
    assert rows["arrested[1]"] == "nine"
    assert rows["arrested[1].attribution"] == "police put the figure"


# Idempotence and rollback


def test_resaving_an_article_returns_false_and_changes_no_row(store: Store) -> None:
    saved = save_both(store)
    before = store.counts()
    article = kharkiv_article()
    assert store.save(article, kharkiv_events(article)) is False
    assert store.counts() == before
    assert {e.event_id: e for e in store.iter_events()} == {
        e.event_id: as_stored(e) for e in saved.values()
    }


def test_rejected_evidence_leaves_no_article_and_no_event(store: Store) -> None:
    article = kharkiv_article()
    strike, arrest, _ = kharkiv_events(article)
    backwards = dataclasses.replace(strike.trigger, start=strike.trigger.end + 5)
    bad = dataclasses.replace(arrest, trigger=backwards)
    with pytest.raises(StoreError) as caught:
        store.save(article, [strike, bad])
    assert caught.value.code == "ES402"
    assert caught.value.article_id == article.article_id
    assert str(caught.value).startswith(f"[ES402] {article.article_id}: write failed")
    assert store.counts() == EMPTY
    assert not store.has_article(article.article_id)


def test_failure_mid_transaction_rolls_everything_back(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing_evidence(connection: Any, cursor: Any, statement: str, *args: Any) -> None:
        # the evidence rows come last, whichever way the dialect writes them
        if statement.lstrip().upper().startswith(('INSERT INTO EVIDENCE', 'INSERT INTO "EVIDENCE"')):
            raise sa.exc.OperationalError(statement, {}, OSError("disk I/O error"))

    sa.event.listen(sa.engine.Engine, "before_cursor_execute", failing_evidence)
    article = kharkiv_article()
    try:
        with pytest.raises(StoreError, match=r"ES402.*disk I/O error"):
            store.save(article, kharkiv_events(article))
    finally:
        sa.event.remove(sa.engine.Engine, "before_cursor_execute", failing_evidence)
    assert store.counts() == EMPTY


def test_event_id_stored_from_another_article_is_refused(store: Store) -> None:
    saved = save_both(store)
    other = Article(article_id="f00dfeedcafe0001", text=lagos_article().text)
    clash = dataclasses.replace(saved["protest"], event_id=saved["strike"].event_id)
    with pytest.raises(StoreError) as caught:
        store.save(other, [clash])
    assert caught.value.code == "ES405"
    assert kharkiv_article().article_id in str(caught.value)
    assert not store.has_article(other.article_id)


def test_event_id_given_twice_is_refused(store: Store) -> None:
    article = lagos_article()
    protest, arrests = lagos_events(article)
    twin = dataclasses.replace(arrests, event_id=protest.event_id)
    with pytest.raises(StoreError, match="ES405"):
        store.save(article, [protest, twin])
    assert store.counts() == EMPTY


# Filters and order


def test_events_come_newest_first_with_unknown_dates_last(store: Store) -> None:
    saved = save_both(store)
    # Ties (same day) go by event id in the order's direction: descending here.
    lagos = sorted([saved["protest"].event_id, saved["arrests"].event_id], reverse=True)
    kharkiv = sorted([saved["strike"].event_id, saved["arrest"].event_id], reverse=True)
    assert ids(store.iter_events()) == [*lagos, *kharkiv, saved["accusation"].event_id]


@pytest.mark.parametrize(
    ("event_filter", "expected"),
    [
        (EventFilter(type="COERCE"), {"arrest", "arrests"}),
        (EventFilter(type="protest"), {"protest"}),
        (EventFilter(country="NGA"), {"protest", "arrests"}),
        (EventFilter(country="ukr"), {"strike", "arrest"}),
        (EventFilter(since=dt.date(2024, 6, 1)), {"protest", "arrests"}),
        (EventFilter(until=dt.date(2024, 6, 1)), {"strike", "arrest"}),
        (EventFilter(since=dt.date(2024, 8, 8), until=dt.date(2024, 8, 8)), {"protest", "arrests"}),
        (EventFilter(since=dt.date(2024, 8, 9)), set()),
        (EventFilter(actor="nigeria police"), {"protest", "arrests"}),
        (EventFilter(actor="GOVERNMENT OF RUSSIA"), {"accusation"}),
        (EventFilter(text="Tear Gas"), {"protest"}),
        (EventFilter(text="%"), set()),
        (EventFilter(text="two_men"), set()),
        (EventFilter(type="COERCE", country="UKR"), {"arrest"}),
        (EventFilter(type="ASSAULT", since=dt.date(2024, 6, 1)), set()),
    ],
)
def test_filter_returns_the_matching_events(
    store: Store, event_filter: EventFilter, expected: set[str]
) -> None:
    saved = save_both(store)
    names = {event.event_id: name for name, event in saved.items()}
    assert {names[event_id] for event_id in ids(store.iter_events(event_filter))} == expected


def test_limit_keeps_the_first_events_in_order(store: Store) -> None:
    save_both(store)
    everything = ids(store.iter_events())
    assert ids(store.iter_events(EventFilter(limit=3))) == everything[:3]
    assert ids(store.iter_events(EventFilter(limit=0))) == []


@pytest.mark.parametrize(
    ("field", "value"),
    [("type", "RIOT"), ("country", "Nigeria"), ("limit", -1)],
)
def test_bad_filter_value_is_a_config_error(field: str, value: object) -> None:
    with pytest.raises(ConfigError) as caught:
        EventFilter(**{field: value})  # type: ignore[arg-type]
    assert caught.value.code == "ES202"
    assert caught.value.subject == field


def test_abandoned_iteration_releases_its_connection(store: Store) -> None:
    save_both(store)
    events = store.iter_events()
    next(events)
    events.close()
    article = Article(article_id="0a1b2c3d4e5f6071", text="A later article.")
    assert store.save(article, [])


# Lookups by id


def test_get_event_by_full_id_and_by_unique_prefix(store: Store) -> None:
    saved = save_both(store)
    strike = saved["strike"]
    assert store.get_event(strike.event_id) == as_stored(strike)
    assert store.get_event(strike.event_id[:6]) == as_stored(strike)


def _with_id(event: Event, event_id: str) -> Event:
    return dataclasses.replace(event, event_id=event_id)


def test_ambiguous_prefix_is_refused(store: Store) -> None:
    article = kharkiv_article()
    strike, arrest, _ = kharkiv_events(article)
    store.save(article, [_with_id(strike, "abcdef01"), _with_id(arrest, "abcdef02")])
    with pytest.raises(StoreError) as caught:
        store.get_event("abcdef0")
    assert caught.value.code == "ES407"
    assert store.get_event("abcdef01").type == strike.type


@pytest.mark.parametrize("event_id", ["abcde", "abcdef03", "abcde_", "abcde%", ""])
def test_missing_or_too_short_id_is_es403(store: Store, event_id: str) -> None:
    article = kharkiv_article()
    strike, _, _ = kharkiv_events(article)
    store.save(article, [_with_id(strike, "abcdef01")])
    with pytest.raises(StoreError) as caught:
        store.get_event(event_id)
    assert caught.value.code == "ES403"
    with pytest.raises(StoreError, match="ES403"):
        store.evidence_rows(event_id)


def test_evidence_rows_accept_a_prefix(store: Store) -> None:
    saved = save_both(store)
    protest = saved["protest"]
    rows = store.evidence_rows(protest.event_id[:8])
    assert rows[0].event_id == protest.event_id
    assert rows[0].evidence == protest.trigger
    assert isinstance(rows[0].evidence, Evidence)


# Runs


def test_runs_keep_their_config_and_stats(store: Store) -> None:
    first = store.start_run(
        {"db": "sqlite:///events.db", "batch_size": 16, "day": dt.date(2024, 5, 14)}
    )
    second = store.start_run({"batch_size": 32})
    store.finish_run(first, {"articles": 2, "events": 5, "skipped": {"ES110": 1}})
    assert second > first
    runs = schema.runs
    with store.engine.connect() as connection:
        rows = connection.execute(sa.select(runs).order_by(runs.c.run_id)).mappings().all()
    assert rows[0]["config"] == {"db": "sqlite:///events.db", "batch_size": 16, "day": "2024-05-14"}
    assert rows[0]["stats"] == {"articles": 2, "events": 5, "skipped": {"ES110": 1}}
    assert rows[0]["finished_at"] is not None
    assert rows[1]["finished_at"] is None and rows[1]["stats"] is None
    assert store.counts()["runs"] == 2


def test_finishing_an_unknown_run_is_es406(store: Store) -> None:
    with pytest.raises(StoreError, match=r"\[ES406\] run 999"):
        store.finish_run(999, {})


# Opening, schema versions


def test_reopened_store_keeps_its_rows(store_url: str) -> None:
    with open_store(store_url) as first:
        save_both(first)
        before = first.counts()
    with open_store(store_url) as again:
        assert again.counts() == before


@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index")
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_migrated_database_matches_the_declared_schema(store: Store) -> None:
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), schema.metadata)
    assert differences == []


@pytest.mark.parametrize("spec", SORTS)
def test_every_sort_reads_its_index(store: Store, spec: str) -> None:
    # Alembic cannot compare expression indexes on SQLite: ask the planner instead.
    query = sa.select(schema.events.c.record).order_by(*Sort(spec).order_by()).limit(51)
    with store.engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            compiled = query.compile(connection, compile_kwargs={"literal_binds": True})
            plan = " ".join(
                str(row[-1]) for row in connection.execute(sa.text(f"EXPLAIN QUERY PLAN {compiled}"))
            )
            assert "USING INDEX ix_events_sort_" in plan and "TEMP B-TREE" not in plan, plan
        else:
            names = connection.execute(
                sa.text("SELECT indexname FROM pg_indexes WHERE tablename = 'events'")
            ).scalars()
            assert {f"ix_events_sort_{column}" for column in schema.SORT_MISSING} <= set(names)


def test_one_country_newest_first_reads_its_index(store: Store) -> None:
    flt = EventFilter.parse({"country": "Nigeria"})
    query = sa.select(schema.events.c.record).where(*flt.where()).order_by(*Sort("-date").order_by()).limit(51)
    with store.engine.connect() as connection:
        if connection.dialect.name != "sqlite":
            pytest.skip("PostgreSQL's planner picks by table statistics; the index exists (above)")
        compiled = query.compile(connection, compile_kwargs={"literal_binds": True})
        plan = " ".join(str(row[-1]) for row in connection.execute(sa.text(f"EXPLAIN QUERY PLAN {compiled}")))
    assert "ix_events_country_sort_date" in plan and "TEMP B-TREE" not in plan, plan


def test_alembic_version_holds_the_head_revision(store: Store) -> None:
    with store.engine.connect() as connection:
        version = connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    assert version == head_revision() == "0006"


def test_database_at_an_unknown_revision_is_refused(store_url: str) -> None:
    with open_store(store_url) as opened, opened.engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(StoreError) as caught:
        open_store(store_url)
    assert caught.value.code == "ES401"
    assert "9999_future" in str(caught.value) and "(0006)" in str(caught.value)


def test_failed_upgrade_leaves_the_database_as_it_was(store_url: str) -> None:
    engine = sa.create_engine(store_url)
    with engine.begin() as connection:
        connection.execute(sa.text("CREATE TABLE evidence (note TEXT)"))
    with pytest.raises(StoreError) as caught:
        open_store(store_url)
    assert caught.value.code == "ES409"
    assert "evidence" in str(caught.value)
    assert sa.inspect(engine).get_table_names() == ["evidence"]
    engine.dispose()


def test_sqlite_store_uses_wal_and_foreign_keys(sqlite_url: str) -> None:
    with open_store(sqlite_url) as store, store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_relative_sqlite_path_is_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store("sqlite:///data.db") as store:
        store.save(lagos_article(), [])
    assert (tmp_path / "data.db").is_file()


def test_missing_directory_is_named(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/no/such/dir/events.db"
    with pytest.raises(ResourceError) as caught:
        open_store(url)
    assert caught.value.code == "ES303"
    assert caught.value.subject == url
    assert f"directory {tmp_path}/no/such/dir does not exist" in str(caught.value)
    assert not (tmp_path / "no").exists()


def test_unreachable_database_is_es303_without_the_password() -> None:
    with pytest.raises(ResourceError) as caught:
        open_store("postgresql+psycopg://analyst:s3cret@127.0.0.1:1/events")
    assert caught.value.code == "ES303"
    assert caught.value.subject == "postgresql+psycopg://analyst:***@127.0.0.1:1/events"
    assert "s3cret" not in str(caught.value)


@pytest.mark.parametrize(
    "url", ["not a url", "mysql://analyst@db/events", "postgresql+psycopg2://analyst@db/events"]
)
def test_malformed_url_is_a_config_error(url: str) -> None:
    with pytest.raises(ConfigError) as caught:
        open_store(url)
    assert caught.value.code == "ES202"


def _store_at(url: str, revision: str) -> None:
    """A store created by an older eventscope: the tables of ``revision``, no newer."""
    from alembic import command

    from eventscope.store.migrate import alembic_config

    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), revision)
    finally:
        engine.dispose()


def test_migrate_upgrades_an_older_store_in_place_and_keeps_its_data(store_url: str) -> None:
    from typer.testing import CliRunner

    from eventscope.serve.cli import app
    from eventscope.store import store_revision

    _store_at(store_url, "0003")
    engine = sa.create_engine(store_url)
    try:
        with engine.begin() as connection:
            connection.execute(sa.insert(schema.articles), [{
                "article_id": "a" * 16, "text": "Police arrested 12 protesters in Lagos.",
                "ingested_at": dt.datetime(2024, 3, 5, tzinfo=dt.UTC),
            }])
    finally:
        engine.dispose()
    assert (store_revision(store_url).current, store_revision(store_url).behind) == ("0003", True)

    runner = CliRunner()
    check = runner.invoke(app, ["migrate", "--check", "--db", store_url])
    assert check.exit_code == 1 and "0003" in check.output and "0006" in check.output
    assert store_revision(store_url).current == "0003"  # --check changes nothing

    done = runner.invoke(app, ["migrate", "--db", store_url])
    assert done.exit_code == 0, done.output
    assert "from 0003 to 0006" in done.output
    assert store_revision(store_url).current == "0006"
    with open_store(store_url) as store:
        assert store.has_article("a" * 16)
    again = runner.invoke(app, ["migrate", "--check", "--db", store_url])
    assert again.exit_code == 0 and "up to date (0006)" in again.output


def test_revision_0005_adds_the_new_counts_and_fills_unclaimed_from_the_records(store_url: str) -> None:
    from alembic import command

    from eventscope.store.migrate import alembic_config

    lagos = lagos_article()
    first, *rest = lagos_events(lagos)
    unclaimed = dataclasses.replace(first, unclaimed=first.evidence)
    with open_store(store_url) as store:
        store.save(lagos, [unclaimed, *rest])
        engine = store.engine
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0004")
        columns = {c["name"] for c in sa.inspect(engine).get_columns("events")}
        assert "unclaimed" not in columns and "abducted_min" not in columns
        with engine.begin() as connection:  # the 0002 view is back
            view_columns = list(connection.execute(sa.text("SELECT * FROM event_table")).keys())
            assert "unclaimed" not in view_columns
    _upgrade_to_head(store_url)
    with open_store(store_url) as store, store.engine.connect() as connection:
        rows = connection.execute(
            sa.text("SELECT event_id, unclaimed, displaced_min, abducted_max FROM event_table")
        ).all()
    assert {row.event_id: bool(row.unclaimed) for row in rows} == {
        e.event_id: e is unclaimed for e in [unclaimed, *rest]
    }
    assert {(row.displaced_min, row.abducted_max) for row in rows} == {(None, None)}


def test_revision_0006_fills_the_blocking_columns_from_each_signature(store_url: str) -> None:
    from alembic import command

    from eventscope.store.migrate import alembic_config

    lagos = lagos_article()
    columns = ("mention_id", "date_end", "point_lat", "point_lon")
    with open_store(store_url) as store:
        store.save(lagos, lagos_events(lagos))
        engine = store.engine
        with engine.connect() as connection:
            before = connection.execute(sa.select(*(schema.mentions.c[c] for c in columns))).all()
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0005")
        assert "date_end" not in {c["name"] for c in sa.inspect(engine).get_columns("mentions")}
    _upgrade_to_head(store_url)
    with open_store(store_url) as store, store.engine.connect() as connection:
        after = connection.execute(sa.select(*(schema.mentions.c[c] for c in columns))).all()
        indexes = {i["name"] for i in sa.inspect(store.engine).get_indexes("mentions")}
    assert sorted(after) == sorted(before)
    assert {row.date_end for row in after} == {dt.date(2024, 8, 8)} and all(row.point_lat for row in after)
    assert "ix_mentions_blocking" in indexes and "ix_mentions_location_country_date_start" not in indexes


def _upgrade_to_head(url: str) -> None:
    from typer.testing import CliRunner

    from eventscope.serve.cli import app

    done = CliRunner().invoke(app, ["migrate", "--db", url])
    assert done.exit_code == 0 and "to 0006" in done.output, done.output


def test_store_revision_reads_a_missing_sqlite_file_without_creating_it(tmp_path: Path) -> None:
    from eventscope.store import store_revision

    path = tmp_path / "nothing-yet.db"
    revision = store_revision(f"sqlite:///{path}")
    assert (revision.current, revision.behind) == (None, True) and not path.exists()
