"""Ingest on Dask: the same per-article function, the same events, failures reported."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest
from distributed import Client, LocalCluster

import eventscope as es
import eventscope.pipeline
from eventscope.distributed import local_cluster

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

pytestmark = pytest.mark.slow


def _stored(url: str) -> tuple[dict[str, int], list[str]]:
    with es.open_store(url) as store:
        counts = store.counts()
        counts.pop("runs")
        events = sorted(json.dumps(es.to_jsonable(e), sort_keys=True) for e in store.iter_events())
    return counts, events


def test_two_local_workers_store_exactly_what_one_process_stores(tmp_path: Path) -> None:
    single, dask = f"sqlite:///{tmp_path / 'single.db'}", f"sqlite:///{tmp_path / 'dask.db'}"
    with es.open_store(single) as store:
        alone = es.ingest([EXAMPLES], store)
    with es.open_store(dask) as store:
        spread = es.ingest([EXAMPLES], store, workers=2)
    assert (spread.stored, spread.events, spread.failed) == (alone.stored, alone.events, [])
    assert spread.stored == 10 and spread.events > 10
    assert _stored(dask) == _stored(single)


def test_an_article_that_fails_on_a_worker_is_reported_and_the_rest_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = eventscope.pipeline.process_article

    def fragile(
        article: es.Article, doc: object, gazetteer: object, organisations: object, country: str | None = None
    ) -> es.ArticleResult:
        if "Lima" in article.text:
            raise RuntimeError("extractor bug")
        return real(article, doc, gazetteer, organisations, country)  # type: ignore[arg-type]

    monkeypatch.setattr(eventscope.pipeline, "process_article", fragile)
    # Threads, not processes, so the patched function is the one the worker runs.
    with (
        LocalCluster(
            n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0"
        ) as cluster,
        es.open_store(f"sqlite:///{tmp_path / 'events.db'}") as store,
    ):
        report = es.ingest([EXAMPLES], store, scheduler=cluster.scheduler_address)
        assert report.stored == 9
        [failure] = report.failed
        assert failure.code == "ES181" and "RuntimeError: extractor bug" in str(failure)
        assert "02-lima-protest-dispersed.txt" in str(failure)
        assert failure.article_id is not None and not store.has_article(failure.article_id)


def test_local_workers_keep_glibcs_own_memory_thresholds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dask would start workers with MALLOC_TRIM_THRESHOLD_ set, which fixes glibc's
    mmap threshold and made each parsed article cost a worker 15% more CPU."""
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    with local_cluster(1) as cluster, Client(cluster) as client:
        seen = client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_"))
    assert list(seen.values()) == [None]
    assert "MALLOC_TRIM_THRESHOLD_" not in os.environ  # nor set in this process for later ones


def test_an_unreachable_scheduler_is_a_named_error(tmp_path: Path) -> None:
    one = EXAMPLES / "01-compound-mortar-attack.txt"
    with (
        es.open_store(f"sqlite:///{tmp_path / 'events.db'}") as store,
        pytest.raises(es.ResourceError, match=r"\[ES311\] tcp://127\.0\.0\.1:9"),
    ):
        es.ingest([one], store, scheduler="tcp://127.0.0.1:9")


def test_a_worker_killed_mid_run_loses_no_article(tmp_path: Path) -> None:
    """SIGKILL one of two worker processes while the batch runs: Dask reruns its tasks
    on the other worker (or reports them as ES312); no article is lost or stored twice."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    sources = sorted(EXAMPLES.glob("*.txt"))
    for copy in range(24):  # 240 distinct articles: several tasks per worker
        for source in sources:
            text = source.read_text(encoding="utf-8")
            (corpus / f"{copy:02d}-{source.name}").write_text(
                f"{text}\nFiled by desk {copy}.\n", encoding="utf-8"
            )
    total = 24 * len(sources)
    killed: list[int] = []
    with local_cluster(2) as cluster, Client(cluster) as client:
        pids = client.run(os.getpid)

        def kill_one(report: es.IngestReport) -> None:
            if report.stored >= 40 and not killed:
                victim = next(iter(pids.values()))
                os.kill(victim, signal.SIGKILL)
                killed.append(victim)

        url = f"sqlite:///{tmp_path / 'events.db'}"
        with es.open_store(url) as store:
            report = es.ingest(
                [corpus], store, scheduler=cluster.scheduler_address, on_article=kill_one
            )
    assert killed, "the run finished before a worker could be killed"
    assert report.read == total
    assert report.stored + len(report.failed) == total
    assert all(failure.code == "ES312" for failure in report.failed)
    with es.open_store(url) as store:
        counts = store.counts()
        # Every extracted event is stored once as its article's mention; the 24
        # copies of each example merge into shared events.
        assert (counts["articles"], counts["mentions"]) == (report.stored, report.events)
        ids = [e.event_id for e in store.iter_events()]
        assert len(ids) == len(set(ids)) < report.events
    # Rerun: what failed (if anything) is stored now, nothing twice.
    with es.open_store(url) as store:
        again = es.ingest([corpus], store)
        assert again.already_stored == report.stored and again.stored == len(report.failed)
        assert store.counts()["articles"] == total
