"""Writing a batch table by table (issue 10): the same answers, errors and rows as
writing its articles one at a time, in a handful of statements whatever its size."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from factories import (
    KHARKIV_SENTENCES,
    LAGOS_SENTENCES,
    kharkiv_article,
    kharkiv_events,
    lagos_article,
    lagos_events,
    make_article,
)

from eventscope.errors import StoreError
from eventscope.records import Article, Event
from eventscope.store import Store, merge, open_store
from eventscope.store import store as store_module

Batch = list[tuple[Article, list[Event]]]


def retold(sentences: tuple[str, ...], copy: int) -> Article:
    """Another outlet's article telling the same story, so its events merge with the first's."""
    kharkiv = sentences is KHARKIV_SENTENCES
    return make_article(
        (*sentences, f"A monitor counted {copy + 3} roadblocks that week."),
        title=f"Wire report {copy}",
        outlet=f"Wire{copy}",
        url=f"https://wire{copy}.example/{'kharkiv' if kharkiv else 'lagos'}",
        published=dt.date(2024, 5, 15) if kharkiv else dt.date(2024, 8, 10),
    )


def corpus(copies: int = 4) -> Batch:
    """Two stories, each told by 1 + ``copies`` outlets (so merging has work to do)."""
    batch: Batch = [
        (kharkiv_article(), kharkiv_events(kharkiv_article())),
        (lagos_article(), lagos_events(lagos_article())),
    ]
    for copy in range(copies):
        article = retold(KHARKIV_SENTENCES, copy)
        batch.append((article, kharkiv_events(article)))
        article = retold(LAGOS_SENTENCES, copy)
        batch.append((article, lagos_events(article)))
    return batch


def contents(store: Store) -> dict[str, Any]:
    """What a store holds, comparable across stores and backends."""
    events = sorted(store.iter_events(), key=lambda e: e.event_id)
    return {
        "events": events,
        "evidence": {e.event_id: store.evidence_rows(e.event_id) for e in events},
        "merges": store.merge_counts(),
        "counts": store.counts(),
        "mentions": {
            e.event_id: [m.event_id for m in store.explain_event(e.event_id).mentions] for e in events
        },
    }


class Statements:
    """Counts the statements a store sends (executemany counts once)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.sent: list[str] = []

    def __enter__(self) -> list[str]:
        sa.event.listen(self.store.engine, "before_cursor_execute", self._seen)
        return self.sent

    def __exit__(self, *exc: object) -> None:
        sa.event.remove(self.store.engine, "before_cursor_execute", self._seen)

    def _seen(self, conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        words = statement.split(None, 3)
        self.sent.append(" ".join(words[:1] + words[2:3]))  # INSERT INTO articles: "INSERT articles"


def test_a_batch_stores_what_one_article_at_a_time_stores(store: Store, tmp_path: Path) -> None:
    batch = corpus()
    with open_store(f"sqlite:///{tmp_path / 'one-by-one.db'}") as reference:
        assert [reference.save(article, events) for article, events in batch] == [True] * len(batch)
        expected = contents(reference)
    assert store.save_all(batch) == [True] * len(batch)
    got = contents(store)
    assert got == expected
    assert got["merges"].events < got["merges"].mentions  # the retold stories did merge


def test_a_batch_split_anyhow_gives_the_same_store(store: Store, tmp_path: Path) -> None:
    batch = corpus()
    with open_store(f"sqlite:///{tmp_path / 'whole.db'}") as whole:
        whole.save_all(batch)
        expected = contents(whole)
    reordered = batch[::-1]
    assert store.save_all(reordered[:3]) == [True] * 3
    assert store.save_all(reordered[3:]) == [True] * (len(batch) - 3)
    assert contents(store) == expected


def test_batch_answers_per_article_stored_before_or_given_twice(store: Store) -> None:
    kharkiv, lagos = kharkiv_article(), lagos_article()
    assert store.save_all([(kharkiv, kharkiv_events(kharkiv))]) == [True]
    before = store.counts()
    other = retold(LAGOS_SENTENCES, 0)
    batch: Batch = [
        (kharkiv, kharkiv_events(kharkiv)),  # stored before
        (lagos, lagos_events(lagos)),
        (lagos, lagos_events(lagos)),  # given twice
        (kharkiv, kharkiv_events(kharkiv)),
        (other, lagos_events(other)),
    ]
    assert store.save_all(batch) == [False, True, False, False, True]
    assert store.counts()["articles"] == before["articles"] + 2
    assert store.counts()["mentions"] == before["mentions"] + 4
    assert store.save_all(batch) == [False] * 5  # re-ingesting changes nothing
    assert store.save_all([]) == []


def test_event_id_taken_by_an_earlier_article_of_the_batch_names_both(store: Store) -> None:
    kharkiv, lagos, other = kharkiv_article(), lagos_article(), retold(LAGOS_SENTENCES, 1)
    strike = kharkiv_events(kharkiv)[0]
    protest, arrests = lagos_events(lagos)
    clash = dataclasses.replace(arrests, event_id=strike.event_id)
    with pytest.raises(StoreError) as caught:
        store.save_all([(kharkiv, [strike]), (other, lagos_events(other)), (lagos, [protest, clash])])
    assert caught.value.code == "ES405"
    assert caught.value.article_id == lagos.article_id
    assert str(caught.value).startswith(f"[ES405] {lagos.article_id}")
    assert kharkiv.article_id in str(caught.value) and strike.event_id in str(caught.value)
    assert sum(store.counts().values()) == 0


def test_the_first_article_at_fault_is_named(store: Store) -> None:
    kharkiv, lagos = kharkiv_article(), lagos_article()
    assert store.save(kharkiv, kharkiv_events(kharkiv))
    strike = kharkiv_events(kharkiv)[0]
    first, second = retold(LAGOS_SENTENCES, 0), retold(LAGOS_SENTENCES, 1)
    twice = lagos_events(first)
    twice = [twice[0], dataclasses.replace(twice[1], event_id=twice[0].event_id)]
    stolen = dataclasses.replace(lagos_events(second)[0], event_id=strike.event_id)
    before = store.counts()
    with pytest.raises(StoreError) as caught:
        store.save_all([(lagos, lagos_events(lagos)), (first, twice), (second, [stolen])])
    assert (caught.value.code, caught.value.article_id) == ("ES405", first.article_id)
    with pytest.raises(StoreError) as caught:
        store.save_all([(lagos, lagos_events(lagos)), (second, [stolen])])
    assert (caught.value.code, caught.value.article_id) == ("ES405", second.article_id)
    assert kharkiv.article_id in str(caught.value)  # where the id is stored
    assert store.counts() == before


def test_a_row_the_database_refuses_names_its_article(store: Store) -> None:
    kharkiv, lagos, other = kharkiv_article(), lagos_article(), retold(LAGOS_SENTENCES, 2)
    textless = dataclasses.replace(other, text=None)  # type: ignore[arg-type]  # NOT NULL
    with pytest.raises(StoreError) as caught:
        store.save_all([
            (kharkiv, kharkiv_events(kharkiv)), (textless, lagos_events(other)), (lagos, lagos_events(lagos)),
        ])
    assert (caught.value.code, caught.value.article_id) == ("ES402", other.article_id)
    assert str(caught.value).startswith(f"[ES402] {other.article_id}: write failed")
    assert sum(store.counts().values()) == 0
    assert store.save_all([(kharkiv, kharkiv_events(kharkiv))]) == [True]  # the store works on


def test_a_concurrent_save_that_wins_the_race(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    kharkiv, lagos = kharkiv_article(), lagos_article()
    assert store.save(kharkiv, kharkiv_events(kharkiv))
    before = store.counts()
    # As if the other writer committed between this one's check and its insert.
    monkeypatch.setattr(store_module, "_stored_articles", lambda connection, ids: set())
    monkeypatch.setattr(store_module, "_check_event_ids", lambda connection, new: None)
    assert store.save_all([(kharkiv, kharkiv_events(kharkiv))]) == [False]
    with pytest.raises(StoreError) as caught:
        store.save_all([(lagos, lagos_events(lagos)), (kharkiv, kharkiv_events(kharkiv))])
    assert (caught.value.code, caught.value.article_id) == ("ES402", kharkiv.article_id)
    assert store.counts() == before


def test_a_batch_takes_a_few_statements_whatever_its_size(store: Store) -> None:
    batch = corpus(copies=6)
    with Statements(store) as small:
        store.save_all(batch[:2])
    with Statements(store) as large:
        store.save_all(batch[2:])
    assert len(large) <= len(small) + 6, large  # reads of the merged group grow, little else
    for table in ("articles", "mentions", "events", "evidence"):
        assert large.count(f"INSERT {table}") == 1, large
    assert not any(s.startswith("UPDATE") for s in small)  # mentions that stay put are not touched


@pytest.mark.postgres
def test_postgres_writes_evidence_and_events_with_copy(
    postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copied: list[str] = []
    real = store_module._copy_rows

    def spy(cursor: Any, statement: str, parameters: Any, context: Any) -> bool | None:
        done = real(cursor, statement, parameters, context)
        if done:
            copied.append(context.compiled.statement.table.name)
        return done

    monkeypatch.setattr(store_module, "_copy_rows", spy)
    batch = corpus()
    with open_store(postgres_url) as store:
        store.save_all(batch)
        got = contents(store)
    assert set(copied) == {"events", "evidence"}
    with open_store(f"sqlite:///{tmp_path / 'reference.db'}") as reference:
        reference.save_all(batch)
        assert got == contents(reference)


@pytest.mark.postgres
def test_overlapping_writers_on_postgres_merge_what_each_alone_would(postgres_url: str, tmp_path: Path) -> None:
    first, second = kharkiv_article(), retold(KHARKIV_SENTENCES, 0)
    with open_store(f"sqlite:///{tmp_path / 'reference.db'}") as reference:
        reference.save(first, kharkiv_events(first))
        reference.save(second, kharkiv_events(second))
        expected = contents(reference)
    engine = sa.create_engine(postgres_url)
    try:
        with open_store(postgres_url) as store:
            other = threading.Thread(target=store.save, args=(second, kharkiv_events(second)))
            with engine.connect() as connection, connection.begin():
                # one writer has stored and merged its article, and not yet committed
                store_module._insert_articles(connection, [(first, kharkiv_events(first))])
                merge.merge_new(connection, kharkiv_events(first))
                other.start()
                other.join(timeout=2)
                assert other.is_alive()  # the second writer waits for the first's merge to end
            other.join(timeout=60)
            assert not other.is_alive()
            got = contents(store)
    finally:
        engine.dispose()
    assert got == expected
    assert got["merges"].events < got["merges"].mentions  # the two articles' events are one
