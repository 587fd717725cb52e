"""Faults: a killed ingest, a corrupted or read-only file, a full disk, a dropped connection.

After each, the store is consistent (every stored article has all its events and
evidence, nothing half-written) and a rerun completes it.
"""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from factories import kharkiv_article, kharkiv_events, lagos_article, lagos_events

import eventscope as es
from eventscope.errors import ResourceError, StoreError
from eventscope.store import schema

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "articles"


def snapshot(url: str) -> dict[str, Any]:
    """Everything a store holds that an ingest writes, keyed so two stores compare."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            articles = set(connection.execute(sa.select(schema.articles.c.article_id)).scalars())
            events = {
                (row.article_id, row.event_id)
                for row in connection.execute(sa.select(schema.events.c.article_id, schema.events.c.event_id))
            }
            evidence = {
                tuple(row)
                for row in connection.execute(
                    sa.select(schema.evidence.c.event_id, schema.evidence.c.field,
                              schema.evidence.c.start, schema.evidence.c.end)
                )
            }
            sources = {tuple(row) for row in connection.execute(
                sa.select(schema.event_sources.c.event_id, schema.event_sources.c.article_id))}
    finally:
        engine.dispose()
    return {"articles": articles, "events": events, "evidence": evidence, "sources": sources}


def make_corpus(folder: Path, copies: int) -> Path:
    """The hand-written test articles, each in ``copies`` variants that differ in a figure."""
    folder.mkdir()
    for path in sorted(ARTICLES.glob("*.txt")):
        head, _, body = path.read_text(encoding="utf-8").partition("-----\n")
        for copy in range(copies):
            extra = f"\nA local monitor counted {copy + 3} checkpoints on the main road that week.\n"
            (folder / f"{path.stem}-{copy}.txt").write_text(f"{head}-----\n{body}{extra}", encoding="utf-8")
    return folder


def ingest_command(folder: Path, url: str) -> list[str]:
    return [sys.executable, "-m", "eventscope", "ingest", str(folder), "--db", url]


def run_ingest(folder: Path, url: str) -> None:
    """``eventscope ingest FOLDER --db URL`` in its own process, which must succeed."""
    done = subprocess.run(ingest_command(folder, url), capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr


def count_articles(url: str) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(sa.select(sa.func.count()).select_from(schema.articles)).scalar_one())
    except sa.exc.SQLAlchemyError:
        return 0  # not created yet
    finally:
        engine.dispose()


@pytest.mark.slow
def test_kill_9_mid_ingest_leaves_a_consistent_store_and_a_rerun_completes(
    tmp_path: Path, store_url: str
) -> None:
    corpus = make_corpus(tmp_path / "corpus", copies=8)
    total = len(list(corpus.iterdir()))
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    run_ingest(corpus, reference)
    expected = snapshot(reference)
    assert len(expected["articles"]) == total

    victim = subprocess.Popen(ingest_command(corpus, store_url), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while count_articles(store_url) == 0:
        assert victim.poll() is None, "the ingest finished before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait()
    assert victim.returncode == -signal.SIGKILL

    killed = snapshot(store_url)
    assert 0 < len(killed["articles"]) < total
    # Whatever was stored is whole: exactly what a clean ingest of those same articles gives
    # (merging across articles means the events depend on which articles are in).
    stored_files = tmp_path / "stored"
    stored_files.mkdir()
    for item in es.read_articles(corpus, min_english=0.0):
        assert isinstance(item, es.Article)
        if item.article_id in killed["articles"]:
            source = Path(str(item.origin))
            (stored_files / source.name).write_bytes(source.read_bytes())
    subset = f"sqlite:///{tmp_path / 'subset.db'}"
    run_ingest(stored_files, subset)
    assert killed == snapshot(subset)

    run_ingest(corpus, store_url)
    assert snapshot(store_url) == expected


def test_a_corrupted_sqlite_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    with pytest.raises(ResourceError) as caught:
        es.open_store(f"sqlite:///{path}")
    assert caught.value.code == "ES303"
    assert str(path) in str(caught.value) and "not a database" in str(caught.value)


def test_a_read_only_store_reads_and_refuses_writes_whole(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    kharkiv, lagos = kharkiv_article(), lagos_article()
    with es.open_store(f"sqlite:///{path}") as store:
        store.save(kharkiv, kharkiv_events(kharkiv))
    before = snapshot(f"sqlite:///{path}")
    with es.open_store(f"sqlite:///file:{path}?mode=ro&uri=true") as read_only:
        assert len(list(read_only.iter_events())) == 3
        with pytest.raises(StoreError) as caught:
            read_only.save(lagos, lagos_events(lagos))
    assert caught.value.code == "ES402" and "readonly" in str(caught.value)
    assert snapshot(f"sqlite:///{path}") == before


def test_a_full_disk_rolls_back_and_a_rerun_completes(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    kharkiv, lagos = kharkiv_article(), lagos_article()
    with es.open_store(f"sqlite:///{path}") as store:
        store.save(kharkiv, kharkiv_events(kharkiv))
        before = snapshot(f"sqlite:///{path}")

        def no_room(dbapi_connection: Any, _: Any) -> None:
            # The database may not grow by a single page: as good as a full disk.
            cursor = dbapi_connection.cursor()
            pages = cursor.execute("PRAGMA page_count").fetchone()[0]
            cursor.execute(f"PRAGMA max_page_count = {pages}")
            cursor.close()

        sa.event.listen(store.engine, "connect", no_room)
        store.engine.dispose()
        long_article = dataclasses.replace(lagos, text=lagos.text + " x" * 40_000, article_id="f" * 16)
        with pytest.raises(StoreError) as caught:
            store.save(long_article, [])
        assert caught.value.code == "ES402" and "full" in str(caught.value)
        assert snapshot(f"sqlite:///{path}") == before

        sa.event.remove(store.engine, "connect", no_room)
        store.engine.dispose()
        assert store.save(long_article, [])
        assert store.save(lagos, lagos_events(lagos))
    after = snapshot(f"sqlite:///{path}")
    assert after["articles"] == before["articles"] | {"f" * 16, lagos.article_id}


@pytest.mark.postgres
def test_a_dropped_postgres_connection_mid_write_rolls_back(postgres_url: str) -> None:
    kharkiv, lagos = kharkiv_article(), lagos_article()
    admin = sa.create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with es.open_store(postgres_url) as store:
        store.save(kharkiv, kharkiv_events(kharkiv))
        before = snapshot(postgres_url)
        armed = {"on": True}

        def drop_connection(connection: Any, cursor: Any, statement: str, *_: Any) -> None:
            # The server goes away just as the evidence rows are written: the article and
            # its events are already inserted in this transaction.
            if armed["on"] and statement.lstrip().upper().startswith("INSERT INTO EVIDENCE"):
                armed["on"] = False
                pid = connection.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
                with admin.connect() as other:
                    other.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})

        sa.event.listen(store.engine, "before_cursor_execute", drop_connection)
        with pytest.raises(StoreError) as caught:
            store.save(lagos, lagos_events(lagos))
        assert caught.value.code == "ES402"
        assert not armed["on"]  # the connection really was dropped mid-write
        assert snapshot(postgres_url) == before
        assert store.save(lagos, lagos_events(lagos))  # the pool reconnects; the rerun completes
    admin.dispose()
    after = snapshot(postgres_url)
    assert after["articles"] == before["articles"] | {lagos.article_id}
    assert len(after["events"]) == len(before["events"]) + 2


def mentions_of(url: str) -> tuple[set[tuple[str, str]], set[str], set[str]]:
    """(article, mention) pairs, the merged events mentions point to, and the stored events."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            pairs = {tuple(r) for r in connection.execute(
                sa.select(schema.mentions.c.article_id, schema.mentions.c.mention_id))}
            pointed = set(connection.execute(sa.select(schema.mentions.c.event_id)).scalars())
            events = set(connection.execute(sa.select(schema.events.c.event_id)).scalars())
    finally:
        engine.dispose()
    return pairs, pointed, events  # type: ignore[return-value]


@pytest.mark.slow
def test_two_ingests_into_one_postgres_store_at_once_store_each_article_once(
    tmp_path: Path, postgres_url: str
) -> None:
    corpus = make_corpus(tmp_path / "corpus", copies=6)
    total = len(list(corpus.iterdir()))
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    run_ingest(corpus, reference)
    # Migrate first, as a deployment would; the two ingests then race on the same articles.
    es.open_store(postgres_url).close()
    racers = [subprocess.Popen(ingest_command(corpus, postgres_url), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [racer.communicate(timeout=900) for racer in racers]
    for racer, (_, stderr) in zip(racers, outputs, strict=True):
        assert racer.returncode == 0, stderr
    pairs, pointed, events = mentions_of(postgres_url)
    expected_pairs, _, _ = mentions_of(reference)
    assert count_articles(postgres_url) == total
    assert pairs == expected_pairs  # every article's events once, none lost, none doubled
    assert pointed == events  # every mention in a stored merged event, no merged event orphaned
