"""The REST API on a large store and under concurrent load (run on demand; prints figures).

1. Fills a SQLite store with ``--events`` synthetic events (default 100,000), cloned
   from the events eventscope extracts from examples/ with spread-out dates, places,
   types and tolls, so every row is a real, complete record with its evidence.
2. Starts `eventscope serve` on loopback and times single requests the dashboard makes
   (first page, filtered page, a late cursor page, stats, map, actors, CSV export).
3. Runs ``--readers`` concurrent readers of /events with random filters and ``--writers``
   writers posting new articles for ``--seconds``, then checks every posted article is
   in the store. Prints p50/p99 latency, requests/s and errors.

    python bench/api_load.py                      # 100k events, 200 readers, 2 writers, 60 s
    python bench/api_load.py --events 10000 --seconds 10

Loopback only; the request count is bounded by the duration.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import datetime as dt
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

import eventscope as es

ROOT = Path(__file__).resolve().parents[1]
KEY = "bench-key"
PLACES = [  # name, country, lat, lon
    ("Baghdad", "IRQ", 33.34, 44.40), ("Mogadishu", "SOM", 2.04, 45.34), ("Lagos", "NGA", 6.45, 3.39),
    ("Kharkiv", "UKR", 49.98, 36.25), ("Gao", "MLI", 16.27, -0.04), ("Goma", "COD", -1.68, 29.23),
    ("Lima", "PER", -12.05, -77.04), ("Mandalay", "MMR", 21.97, 96.08), ("Khartoum", "SDN", 15.55, 32.53),
    ("Kabul", "AFG", 34.53, 69.17), ("Port-au-Prince", "HTI", 18.54, -72.34), ("Bucharest", "ROU", 44.43, 26.11),
]


def fill(url: str, count: int) -> float:
    """Store about ``count`` events cloned from the examples' events; returns seconds taken.

    Each synthetic article is an example article with a sentence of its own appended,
    and carries that example's events moved to other days, places and tolls.
    """
    started = time.perf_counter()
    results = [r for r in es.process(_example_articles()) if r.events]
    rng = random.Random(7)
    with es.open_store(url) as store:
        batch: list[tuple[es.Article, list[es.Event]]] = []
        made = n = 0
        while made < count:
            n += 1
            seed = results[n % len(results)]
            article = dataclasses.replace(
                es.make_article(f"{seed.article.text}\n\nBenchmark copy {n}."),
                title=seed.article.title, outlet=rng.choice(["Wire A", "Wire B", "Daily C"]),
                published=seed.article.published,
            )
            events = []
            for event in seed.events:
                name, country, lat, lon = rng.choice(PLACES)
                day = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(1000))
                place = dataclasses.replace(
                    event.location or es.Place(mention=name), name=name, country=country,
                    lat=lat + rng.uniform(-0.5, 0.5), lon=lon + rng.uniform(-0.5, 0.5),
                )
                date = es.EventDate(day, day, es.DatePrecision.DAY, es.DateDerivation.EXPLICIT)
                toll = rng.choice([0, 0, 1, 2, 5, 12])
                killed = (es.Quantity(min=toll, max=toll, mention=str(toll)),) if toll else ()
                moved = dataclasses.replace(event, location=place, date=date, killed=killed)
                events.append(_rebase(moved, article, f"{n:010x}{len(events):06x}"))  # type: ignore[arg-type]
            batch.append((article, events))
            made += len(events)
            if len(batch) == 50:
                store.save_all(batch)
                batch = []
        if batch:
            store.save_all(batch)
    return time.perf_counter() - started


def _rebase(value: object, article: es.Article, event_id: str) -> object:
    """``value`` with every evidence and source pointing at ``article``, and a new event id."""
    if isinstance(value, es.Evidence):
        return dataclasses.replace(value, article_id=article.article_id)
    if isinstance(value, es.Source):
        return dataclasses.replace(value, article_id=article.article_id, outlet=article.outlet)
    if isinstance(value, tuple):
        return tuple(_rebase(item, article, event_id) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: _rebase(getattr(value, f.name), article, event_id)
            for f in dataclasses.fields(value)
        }
        if isinstance(value, es.Event):
            changes["event_id"] = event_id
        return dataclasses.replace(value, **changes)
    return value


def _example_articles() -> list[es.Article]:
    return [a for a in es.read_articles(ROOT / "examples") if isinstance(a, es.Article)]


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def timed_requests(base: str) -> None:
    with httpx.Client(base_url=base, timeout=120) as client:
        first = client.get("/events").json()
        cursor = first["next_cursor"]
        for _ in range(20):  # walk 20 pages in
            cursor = client.get("/events", params={"cursor": cursor}).json()["next_cursor"]
        checks = [
            ("first page (50)", "/events", {}),
            ("page 21 by cursor", "/events", {"cursor": cursor}),
            ("filtered page", "/events", {"country": "IRQ", "type": "ASSAULT", "since": "2023-01-01"}),
            ("text search", "/events", {"q": "police"}),
            ("sorted by killed", "/events", {"sort": "-killed"}),
            ("stats (timeline)", "/stats", {}),
            ("map, whole world", "/map", {"bbox": "-180,-85,180,85"}),
            ("map, one city", "/map", {"bbox": "44,33,45,34"}),
            ("actors", "/actors", {}),
            ("CSV export, one country", "/events", {"format": "csv", "country": "NGA"}),
        ]
        print(f"store: {first['total']:,} events")
        for label, path, params in checks:
            started = time.perf_counter()
            response = client.get(path, params=params)
            took = time.perf_counter() - started
            assert response.status_code == 200, (label, response.text[:200])
            print(f"  {label:26s} {took * 1000:8.1f} ms  {len(response.content):>10,} bytes")


async def load(base: str, readers: int, writers: int, seconds: float) -> None:
    latencies: list[float] = []
    errors: list[str] = []
    posted: list[str] = []
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=readers + writers, max_keepalive_connections=readers + writers)

    async def reader(client: httpx.AsyncClient, rng: random.Random) -> None:
        while time.monotonic() < deadline:
            _, country, *_ = rng.choice(PLACES)
            params = rng.choice([{}, {"country": country}, {"type": "ASSAULT"}, {"q": "police"},
                                 {"since": "2023-06-01", "until": "2023-07-01"}, {"sort": "-killed"}])
            started = time.perf_counter()
            try:
                response = await client.get("/events", params=params)
                if response.status_code != 200:
                    errors.append(f"{response.status_code} {params}")
            except httpx.HTTPError as exc:
                errors.append(f"{type(exc).__name__} {params}")
            latencies.append(time.perf_counter() - started)

    async def writer(client: httpx.AsyncClient, number: int) -> None:
        count = 0
        while time.monotonic() < deadline:
            count += 1
            text = (f"Police arrested {count + 10} protesters in Lagos on Monday after a march "
                    f"by writer {number}, witnesses said.")
            try:
                response = await client.post("/articles", json={"text": text, "published": "2024-03-06"},
                                             headers={"X-API-Key": KEY})
            except httpx.HTTPError as exc:
                errors.append(f"POST {type(exc).__name__}: {exc}")
                continue
            if response.status_code not in (200, 201):
                errors.append(f"POST {response.status_code} {response.text[:100]}")
            else:
                posted.extend(a["article_id"] for a in response.json()["articles"])

    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(
            *(reader(client, random.Random(i)) for i in range(readers)),
            *(writer(client, i) for i in range(writers)),
        )
        elapsed = time.perf_counter() - started
        missing = [a for a in posted if (await client.get(f"/articles/{a}")).status_code != 200]
    ordered = sorted(latencies)
    print(f"load: {readers} readers + {writers} writers for {elapsed:.0f} s")
    print(f"  reads: {len(ordered):,} ({len(ordered) / elapsed:.1f}/s), "
          f"p50 {statistics.median(ordered) * 1000:.0f} ms, p99 {ordered[int(len(ordered) * 0.99)] * 1000:.0f} ms")
    print(f"  writes: {len(posted)} articles posted, {len(missing)} missing afterwards")
    print(f"  errors: {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--readers", type=int, default=200)
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2, help="server processes (eventscope serve --workers)")
    parser.add_argument("--db", help="use this filled store as it is (a copy: writers add to it)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="eventscope-bench-"))
    if args.db:
        url = args.db
    else:
        url = f"sqlite:///{folder / 'events.db'}"
        print(f"filling {url} with {args.events:,} events ...")
        print(f"  {fill(url, args.events):.0f} s")
    port = _port()
    server_log = folder / "server.log"
    server = subprocess.Popen(
        [sys.executable, "-m", "eventscope", "serve", "--db", url, "--port", str(port),
         "--workers", str(args.workers)],
        env={**os.environ, "EVENTSCOPE_API_KEY": KEY}, stderr=server_log.open("wb"),
    )
    print(f"server log: {server_log}")
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/health", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        timed_requests(base)
        asyncio.run(load(base, args.readers, args.writers, args.seconds))
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
