"""Benchmark of the cross-article merge on synthetic mentions: time and peak memory per size.

    python bench/dedup.py 10000 100000 [1000000]

For each size N it generates N mentions (synthetic reports: each real event is
told by 1 to 4 outlets, geometric, with weak dates, missing actors and rising
tolls as in real news), then times the pure core that ``eventscope merge
--recompute`` runs: blocking and scoring every candidate pair
(``store.merge.link_all``) and clustering (``dedup.clusters``). It then times
an incremental batch of 1,000 new mentions against the N already linked, with
an in-memory (family, country, day) index standing in for the store's SQL
index. Store I/O (reading and writing records) is not included.

Distributions: event types as in ACLED-like data (ASSAULT 45 %, PROTEST 30 %,
COERCE 10 %, statements 15 %); 60 countries with Zipf-like weights, each with
40 places (a few busy cities take most events); dates over five years.
Peak memory is the process's maximum resident set size.
"""

from __future__ import annotations

import bisect
import random
import resource
import sys
import time
from collections import defaultdict

from eventscope.dedup import Link, Signature, candidate, clusters, score_pair
from eventscope.dedup.score import DATE_WINDOW_DAYS, MAX_SPAN_DAYS, mergeable
from eventscope.store.merge import link_all

TYPES = [("ASSAULT", "violence", 45), ("PROTEST", "protest", 30), ("COERCE", "coercion", 10),
         ("ACCUSE", "statement", 8), ("REJECT", "statement", 7)]
MODES = {"ASSAULT": ["air/drone strike", "shelling/missile", "firearms", "explosives", "armed clash"],
         "PROTEST": ["demonstrate", "intervention"], "COERCE": ["arrest", "abduct"],
         "ACCUSE": [None], "REJECT": ["condemn"]}
WORDS = ["market", "hospital", "school", "house", "convoy", "checkpoint", "mosque", "church", "bridge", "station", "camp", "prison", "airport", "base", "hotel", "bus", "car", "square", "parliament", "university", "port", "farm", "clinic", "substation", "depot", "factory", "village", "road", "border", "wedding", "funeral", "tower"]
START = 738000  # an ordinal day in 2021


def _world(rng: random.Random) -> list[tuple[str, float, list[tuple[float, float, int]]]]:
    countries = []
    for index in range(60):
        lat, lon = rng.uniform(-30, 50), rng.uniform(-80, 120)
        places = [(lat + rng.uniform(-4, 4), lon + rng.uniform(-4, 4), 1 + index * 100 + p) for p in range(40)]
        countries.append((f"C{index:02d}", 1.0 / (index + 1), places))
    return countries


def synthetic(n: int, seed: int = 8) -> list[Signature]:
    """``n`` mentions of about n / 1.6 events."""
    rng = random.Random(seed)
    world = _world(rng)
    weights = [w for _, w, _ in world]
    type_weights = [w for _, _, w in TYPES]
    out: list[Signature] = []
    event = 0
    while len(out) < n:
        event += 1
        country, _, places = rng.choices(world, weights)[0]
        lat, lon, geonameid = places[min(int(rng.expovariate(0.4)), 39)]
        type_, family, _ = rng.choices(TYPES, type_weights)[0]
        mode = rng.choice(MODES[type_])
        day = START + rng.randrange(5 * 365)
        killed = rng.choice([None, None, (rng.randrange(1, 30),) * 2])
        details = rng.sample(WORDS, 3)
        actor = rng.choice([None, f"actor {rng.randrange(200)}"])
        for report in range(min(1 + int(rng.expovariate(1.6)), 4)):
            if len(out) >= n:
                break
            weak = rng.random() < 0.3
            toll = killed if killed is None or report == 0 else (killed[0] + report, killed[0] + report)
            out.append(Signature(
                mention_id=f"{event:09d}{report}", article_id=f"a{event}-{report}", outlet=f"o{report}",
                type=type_, family=family, aggregate=False, mode=mode, country=country, admin1=None,
                geonameid=geonameid, lat=lat, lon=lon, precision=1,
                day=day + (1 if weak else 0), day_end=day + (1 if weak else 0),
                date_precision="day", date_weak=weak,
                actor1=actor if rng.random() < 0.7 else None, actor1_kind=None, actor2=None, actor2_kind=None,
                killed=toll, injured=None, arrested=None, published=day + 1 + report,
                text=" ".join(details[: 2 + (report % 2)]) + " " + rng.choice(WORDS), sequel=False,
            ))
    return out


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Index:
    """Stored signatures by (family, country), sorted by day: the SQL index's stand-in."""

    def __init__(self, signatures: list[Signature]) -> None:
        blocks: dict[tuple[str, str | None], list[tuple[int, str, Signature]]] = defaultdict(list)
        for s in signatures:
            if mergeable(s):
                assert s.day is not None
                blocks[(s.family, s.country)].append((s.day, s.mention_id, s))
        for block in blocks.values():
            block.sort(key=lambda item: (item[0], item[1]))
        self.blocks = blocks

    def near(self, s: Signature) -> list[Signature]:
        assert s.day is not None and s.day_end is not None
        block = self.blocks.get((s.family, s.country), [])
        low = bisect.bisect_left(block, (s.day - DATE_WINDOW_DAYS - MAX_SPAN_DAYS, ""))
        high = bisect.bisect_right(block, (s.day_end + DATE_WINDOW_DAYS, "\uffff"))
        return [other for _, _, other in block[low:high] if candidate(s, other)]


def run(n: int) -> None:
    started = time.perf_counter()
    mentions = synthetic(n + 1000)
    stored, batch = mentions[:n], mentions[n:]
    generated = time.perf_counter()
    links = list(link_all(stored))
    linked = time.perf_counter()
    groups = clusters({s.mention_id: s.article_id for s in stored}, links)
    clustered = time.perf_counter()
    index = Index(stored)
    indexed = time.perf_counter()
    new_links: list[Link] = []
    for s in batch:
        for other in index.near(s):
            score = score_pair(*sorted((s, other), key=lambda x: x.mention_id))
            if score.same:
                a, b = sorted((s.mention_id, other.mention_id))
                new_links.append(Link(a, b, score))
    touched = {s.mention_id for s in batch} | {x for link in new_links for x in (link.a, link.b)}
    by_id = {s.mention_id: s for s in stored + batch}
    clusters({m: by_id[m].article_id for m in touched}, new_links)
    incremental = time.perf_counter()
    print(
        f"N={n:>9,}  generate {generated - started:6.1f}s  link {linked - generated:7.1f}s "
        f"({len(links):,} links)  cluster {clustered - linked:5.1f}s ({len(groups):,} events)  "
        f"merge total {clustered - generated:7.1f}s  | index {indexed - clustered:5.1f}s  "
        f"+1,000 new {incremental - indexed:5.2f}s  | peak RSS {_peak_mb():,.0f} MB",
        flush=True,
    )


if __name__ == "__main__":
    for size in [int(arg) for arg in sys.argv[1:]] or [10_000, 100_000]:
        run(size)
