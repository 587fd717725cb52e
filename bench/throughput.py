"""Throughput of eventscope against bare spaCy, in one process and one run.

    python bench/make_corpus.py /tmp/corpus --articles 2000
    python bench/throughput.py /tmp/corpus [--gate] [--workers 2] [--json]

Steps, all over the same corpus (a folder of .jsonl files, see make_corpus.py):

1. bare: spaCy ``nlp.pipe`` over the article texts (the model as ``spacy.load``
   gives it, the components eventscope does not use disabled, same batch
   size), nothing else;
2. full: ``eventscope.ingest`` into a fresh SQLite file: reading, language
   check, parsing, extraction, resolution and storage;
3. with ``--gate``: the relevance gate alone (its recall on each category and
   its cost), then the full ingest again with ``relevance_gate`` on, and the
   events that the gate lost compared with step 2;
4. with ``--workers N``: the full ingest on a Dask LocalCluster of N processes
   (cluster start and model loading timed apart from the ingest).

Prints articles/s, words/s, the ratio full/bare and the peak resident memory
(this process, and with workers the whole process tree). The model is loaded
before anything is timed. Not a test: figures depend on the machine and load.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Self

import psutil
import spacy
import sqlalchemy as sa
from spacy.language import Language

import eventscope as es
from eventscope.ingest.language import detect_language
from eventscope.ingest.relevance import is_relevant
from eventscope.nlp.model import USED_COMPONENTS, load_model, resolve_model_name
from eventscope.resolve.gazetteer import load_gazetteer
from eventscope.store import schema

MIB = 1024 * 1024


def corpus_records(folder: Path) -> Iterator[dict[str, str]]:
    """The corpus' JSON records, one file at a time (never the whole corpus in memory)."""
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                yield json.loads(line)


def category(url: str | None) -> str:
    return (url or "").split("/")[-2] if url else "?"


class PeakMemory:
    """Samples the RSS of this process and its children (Dask workers) every 0.2 s."""

    def __init__(self) -> None:
        self.peak_tree = 0
        self.samples: list[tuple[int, int]] = []  # (articles done, this process' RSS)
        self._stop = threading.Event()
        self._me = psutil.Process()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            total = 0
            for proc in [self._me, *self._me.children(recursive=True)]:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    continue
            self.peak_tree = max(self.peak_tree, total)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def tick(self, done: int) -> None:
        if done and done % 250 == 0 and (not self.samples or self.samples[-1][0] != done):
            self.samples.append((done, self._me.memory_info().rss))


def own_peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def bare_model(config: es.Config) -> Language:
    """The spaCy model as spaCy loads it, with the components eventscope does not use disabled."""
    nlp = spacy.load(resolve_model_name(config.model))
    for component in nlp.pipe_names:
        if component not in USED_COMPONENTS:
            nlp.disable_pipe(component)
    return nlp


def bare(folder: Path, config: es.Config) -> dict[str, float]:
    nlp = bare_model(config)
    list(nlp.pipe(["Warm-up sentence."]))
    texts = (record["text"] for record in corpus_records(folder))
    articles = words = 0
    start = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=config.batch_size):
        articles += 1
        words += sum(1 for token in doc if not token.is_space and not token.is_punct)
    seconds = time.perf_counter() - start
    return {"articles": articles, "words": words, "seconds": seconds}


def full(
    folder: Path, db: Path, config: es.Config, memory: PeakMemory, **kwargs: object
) -> tuple[es.IngestReport, float]:
    url = f"sqlite:///{db}"
    with es.open_store(url) as store:
        start = time.perf_counter()
        report = es.ingest(
            [folder], store, config=config,
            on_article=lambda r: memory.tick(r.stored + r.already_stored + len(r.failed)),
            **kwargs,  # type: ignore[arg-type]
        )
        seconds = time.perf_counter() - start
    return report, seconds


def articles_with_events(db: Path) -> dict[str, int]:
    """Event count by article URL (articles with none are left out)."""
    engine = sa.create_engine(f"sqlite:///{db}")
    query = (
        sa.select(schema.articles.c.url, sa.func.count(schema.events.c.event_id))
        .join(schema.events, schema.events.c.article_id == schema.articles.c.article_id)
        .group_by(schema.articles.c.url)
    )
    with engine.connect() as connection:
        counts = {str(url): int(n) for url, n in connection.execute(query)}
    engine.dispose()
    return counts


def gate_only(folder: Path) -> dict[str, object]:
    passed: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    start = time.perf_counter()
    for record in corpus_records(folder):
        kind = category(record.get("url"))
        seen[kind] += 1
        passed[kind] += is_relevant(record["text"], record.get("title"))
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "per_category": {k: f"{passed[k]}/{seen[k]}" for k in sorted(seen)},
        "event_recall": sum(passed[k] for k in EVENT) / max(1, sum(seen[k] for k in EVENT)),
        "conflict_recall": sum(passed[k] for k in CONFLICT) / max(1, sum(seen[k] for k in CONFLICT)),
        "other_passed": sum(passed[k] for k in seen if k not in EVENT)
        / max(1, sum(seen[k] for k in seen if k not in EVENT)),
    }


CONFLICT = ("conflict", "protest", "arrest")
EVENT = (*CONFLICT, "diplomacy")


def rate(n: float, seconds: float) -> float:
    return n / seconds if seconds > 0 else 0.0


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="Folder of .jsonl files (bench/make_corpus.py).")
    parser.add_argument("--gate", action="store_true", help="Also measure the relevance gate.")
    parser.add_argument("--workers", type=int, default=0, help="Also ingest on N Dask workers.")
    parser.add_argument("--skip-bare", action="store_true", help="Skip bare spaCy (memory runs).")
    parser.add_argument("--gate-only-ingest", action="store_true",
                        help="Only the gated ingest (the fast path, for a large memory check).")
    parser.add_argument("--rounds", type=int, default=1, help="Bare and full rounds; best kept.")
    parser.add_argument("--json", action="store_true", help="Print one JSON object.")
    args = parser.parse_args(argv)

    config = es.Config()
    load_model(config.model)
    load_gazetteer()
    detect_language("A warm-up sentence loads the language identifier before timing.")
    list(load_model(config.model).pipe(["Warm-up sentence. Police arrested two men."]))
    results: dict[str, object] = {"corpus": str(args.corpus), "pid_cpus": os.cpu_count()}
    tmp = Path(tempfile.mkdtemp(prefix="eventscope-bench-"))

    def show(line: str) -> None:
        if not args.json:
            print(line, flush=True)

    with PeakMemory() as memory:
        # Bare and full alternate, and each keeps its fastest round: the other
        # users of a shared machine slow some rounds, never speed one up.
        for round_ in range(args.rounds):
            if not args.skip_bare:
                b = bare(args.corpus, config)
                if "bare" not in results or b["seconds"] < results["bare"]["seconds"]:  # type: ignore[index]
                    results["bare"] = b
                show(
                    f"bare spaCy   {b['articles']:.0f} articles in {b['seconds']:.1f} s: "
                    f"{rate(b['articles'], b['seconds']):.1f} articles/s, "
                    f"{rate(b['words'], b['seconds']):,.0f} words/s"
                )
            if args.gate_only_ingest:
                continue
            report, seconds = full(args.corpus, tmp / f"full{round_}.db", config, memory)
            words = results["bare"]["words"] if "bare" in results else 0  # type: ignore[index]
            if "full" not in results or seconds < results["full"]["seconds"]:  # type: ignore[index]
                results["full"] = {"articles": report.stored, "seconds": seconds,
                                   "events": report.events, "failed": len(report.failed)}
                (tmp / f"full{round_}.db").replace(tmp / "full.db")
            show(
                f"full ingest  {report.stored} articles in {seconds:.1f} s: "
                f"{rate(report.stored, seconds):.1f} articles/s, {rate(words, seconds):,.0f} words/s, "
                f"{report.events} events, {len(report.failed)} failed"
            )
        if "bare" in results and "full" in results:
            b, f = results["bare"], results["full"]  # type: ignore[assignment]
            ratio = rate(f["articles"], f["seconds"]) / rate(b["articles"], b["seconds"])
            results["ratio"] = ratio
            show(
                f"best of {args.rounds}: bare {rate(b['articles'], b['seconds']):.1f} articles/s, "
                f"full {rate(f['articles'], f['seconds']):.1f} articles/s "
                f"({rate(b['words'], f['seconds']):,.0f} words/s); ratio full/bare: {ratio:.3f}"
            )
        show(f"peak RSS (this process): {own_peak_mib():.0f} MiB")
        if memory.samples:
            show("RSS while streaming (articles: MiB): " + ", ".join(
                f"{n}: {rss / MIB:.0f}" for n, rss in memory.samples[:: max(1, len(memory.samples) // 8)]
            ))
            results["rss_samples_mib"] = [(n, round(rss / MIB)) for n, rss in memory.samples]

        if args.gate or args.gate_only_ingest:
            g = gate_only(args.corpus)
            results["gate"] = g
            show(
                f"gate alone: {g['seconds'] * 1000:.0f} ms for the corpus; passed per category "
                f"{g['per_category']}; recall on conflict articles {g['conflict_recall']:.4f}, "
                f"on all event categories {g['event_recall']:.4f}; "
                f"non-event articles passed {g['other_passed']:.3f}"
            )
            gated_config = es.Config(relevance_gate=True)
            report, gseconds = full(args.corpus, tmp / "gated.db", gated_config, memory)
            results["gated"] = {"articles": report.stored, "gated": report.gated,
                                "seconds": gseconds, "events": report.events}
            show(
                f"gated ingest {report.stored} articles ({report.gated} gated) in {gseconds:.1f} s: "
                f"{rate(report.stored, gseconds):.1f} articles/s, {report.events} events"
            )
            if "full" in results:
                speedup = results["full"]["seconds"] / gseconds  # type: ignore[index]
                lost = articles_with_events(tmp / "full.db")
                kept = articles_with_events(tmp / "gated.db")
                missing = {u: n for u, n in lost.items() if u not in kept}
                by_kind = Counter(category(u) for u in missing)
                results["gate_speedup"] = speedup
                results["gate_lost"] = {"articles": len(missing), "events": sum(missing.values()),
                                        "by_category": dict(by_kind)}
                show(
                    f"gate speed-up {speedup:.2f}x; articles with events that the gate skipped: "
                    f"{len(missing)} ({sum(missing.values())} events) by category {dict(by_kind)}"
                )
            show(f"peak RSS (this process): {own_peak_mib():.0f} MiB")

        if args.workers:
            from distributed import Client

            from eventscope.distributed import ModelPlugin, local_cluster

            start = time.perf_counter()
            cluster = local_cluster(args.workers)
            with Client(cluster) as client:
                client.register_plugin(ModelPlugin(config.model))
            startup = time.perf_counter() - start
            report, dseconds = full(args.corpus, tmp / "dask.db", config, memory,
                                    scheduler=cluster.scheduler_address)
            cluster.close()
            d = {"workers": args.workers, "startup_seconds": startup, "articles": report.stored,
                 "seconds": dseconds, "events": report.events, "failed": len(report.failed)}
            results["dask"] = d
            show(
                f"dask x{args.workers}    cluster up in {startup:.1f} s; {report.stored} articles in "
                f"{dseconds:.1f} s: {rate(report.stored, dseconds):.1f} articles/s, "
                f"{report.events} events, {len(report.failed)} failed"
            )
            if "full" in results:
                f = results["full"]  # type: ignore[assignment]
                speedup = rate(report.stored, dseconds) / rate(f["articles"], f["seconds"])
                results["dask_speedup"] = speedup
                show(f"dask speed-up over one process: {speedup:.2f}x "
                     f"({(f['seconds'] / (dseconds + startup)):.2f}x counting cluster start)")
            same = articles_with_events(tmp / "dask.db") == articles_with_events(tmp / "full.db")
            show(f"same events per article as the single process: {same}")
            results["dask_same_events"] = same
    results["peak_rss_mib"] = own_peak_mib()
    results["peak_rss_tree_mib"] = memory.peak_tree / MIB
    show(f"peak RSS: this process {own_peak_mib():.0f} MiB, "
         f"with its children {memory.peak_tree / MIB:.0f} MiB")
    if args.json:
        json.dump(results, sys.stdout, default=str)
        print()


if __name__ == "__main__":
    main()
