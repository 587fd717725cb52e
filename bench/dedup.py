"""Benchmark of the cross-article merge on synthetic mentions: time and peak memory per size.

    python bench/dedup.py 10000 100000 [1000000]

For each size N it generates N mentions (synthetic reports: each real event is
told by 1 to 4 outlets, with weak dates, missing actors and rising
tolls as in real news), then times the pure core that ``eventscope merge
--recompute`` runs: blocking and scoring every candidate pair
(``store.merge.link_all``) and clustering (``dedup.clusters``). It then times
an incremental batch of 1,000 new mentions against the N already linked, with
an in-memory (family, country, day) index standing in for the store's SQL
query (``store.merge._candidates``: country, type family, first day within
``DATE_WINDOW_DAYS + MAX_SPAN_DAYS``). Store I/O (reading and writing records) is not included.

Distributions (the reasons are in bench/README.md): event types as in
ACLED-like data (ASSAULT 45 %, PROTEST 30 %, COERCE 10 %, statements 15 %);
the world reports ``MENTIONS_PER_DAY`` mentions a day, so N mentions span
N / 550 days and the density of a place does not grow with N; 60,000 places,
the event share of the place of rank r is 1 / r (Zipf), the first 60 being
the capitals of 60 countries, so the busiest city gets about 45 mentions a
day at every size and the number of distinct places grows with N; each day's
busyness is lognormal (flare-ups); 2 % of reports place the event only in its
country, 7 % date it to a week and 3 % to a month.
Peak memory is the process's maximum resident set size.
"""

from __future__ import annotations

import bisect
import math
import random
import resource
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import accumulate

from eventscope.dedup import Link, Signature, candidate, clusters
from eventscope.dedup.score import DATE_WINDOW_DAYS, MAX_SPAN_DAYS, link_score, mergeable
from eventscope.dedup.signature import stated_days
from eventscope.store.merge import link_all

TYPES = [("ASSAULT", "violence", 45), ("PROTEST", "protest", 30), ("COERCE", "coercion", 10),
         ("ACCUSE", "statement", 8), ("REJECT", "statement", 7)]
MODES = {"ASSAULT": ["air/drone strike", "shelling/missile", "firearms", "explosives", "armed clash"],
         "PROTEST": ["demonstrate", "intervention"], "COERCE": ["arrest", "abduct"],
         "ACCUSE": [None], "REJECT": ["condemn"]}
WORDS = ["market", "hospital", "school", "house", "convoy", "checkpoint", "mosque", "church", "bridge", "station", "camp", "prison", "airport", "base", "hotel", "bus", "car", "square", "parliament", "university", "port", "farm", "clinic", "substation", "depot", "factory", "village", "road", "border", "wedding", "funeral", "tower"]
START = 738000  # an ordinal day in 2021
COUNTRIES = 60
PLACES = 60_000  # places where events can happen; how many a run uses grows with N
PLACE_EXPONENT = 1.0  # Zipf: the place of rank r gets a share 1 / r of the events
COUNTRY_EXPONENT = 0.8  # Zipf-like share of the places that are not capitals
MENTIONS_PER_DAY = 550  # the whole world's rate: N mentions span N / 550 days
DAY_SIGMA = 0.5  # lognormal busyness of a day (flare-ups, quiet days)
REPORTS_RATE = 1.6  # reports per event: 1 + floor(Exp(1.6)), at most 4 (1.25 on average)


@dataclass(frozen=True)
class Place:
    country: str
    lat: float
    lon: float
    geonameid: int
    centre: tuple[float, float]  # the country's, for reports placed only at country level


def _world(rng: random.Random) -> list[Place]:
    """``PLACES`` places by rank: the first ``COUNTRIES`` are the capitals, the busiest places."""
    centres = [(rng.uniform(-35, 55), rng.uniform(-80, 120)) for _ in range(COUNTRIES)]
    weights = [1.0 / (c + 1) ** COUNTRY_EXPONENT for c in range(COUNTRIES)]
    places = []
    for rank in range(PLACES):
        c = rank if rank < COUNTRIES else rng.choices(range(COUNTRIES), weights)[0]
        lat0, lon0 = centres[c]
        spread = 0.05 if rank < COUNTRIES else 2.0  # suburbs close to the capital, towns around
        lat, lon = lat0 + rng.gauss(0, spread), lon0 + rng.gauss(0, spread)
        places.append(Place(f"C{c:02d}", lat, lon, 1 + rank, centres[c]))
    return places


def synthetic(n: int, seed: int = 8) -> list[Signature]:
    """``n`` mentions of about n / 1.25 events, spread over n / ``MENTIONS_PER_DAY`` days."""
    rng = random.Random(seed)
    places = _world(rng)
    place_weights = list(accumulate(1.0 / (r + 1) ** PLACE_EXPONENT for r in range(PLACES)))
    days = max(1, math.ceil(n / MENTIONS_PER_DAY))
    day_weights = list(accumulate(rng.lognormvariate(0, DAY_SIGMA) for _ in range(days)))
    type_weights = [w for _, _, w in TYPES]
    out: list[Signature] = []
    event = 0
    while len(out) < n:
        event += 1
        place = rng.choices(places, cum_weights=place_weights)[0]
        type_, family, _ = rng.choices(TYPES, type_weights)[0]
        mode = rng.choice(MODES[type_])
        day = START + rng.choices(range(days), cum_weights=day_weights)[0]
        killed = rng.choice([None, None, (rng.randrange(1, 30),) * 2])
        details = rng.sample(WORDS, 3)
        actor = rng.choice([None, f"actor {rng.randrange(200)}"])
        for report in range(min(1 + int(rng.expovariate(REPORTS_RATE)), 4)):
            if len(out) >= n:
                break
            weak = rng.random() < 0.3
            toll = killed if killed is None or report == 0 else (killed[0] + report, killed[0] + report)
            where = rng.random()  # 93 % at the place, 5 % near it, 2 % only the country
            lat, lon = (place.lat, place.lon) if where < 0.98 else place.centre
            precision = 1 if where < 0.93 else 2 if where < 0.98 else 3
            when = rng.random()  # 90 % a day, 7 % a week, 3 % a month
            first = day + (1 if weak else 0)
            span, date_precision = (0, "day") if weak or when < 0.9 else (6, "week") if when < 0.97 else (29, "month")
            first -= rng.randrange(span + 1)
            out.append(Signature(
                mention_id=f"{event:09d}{report}", article_id=f"a{event}-{report}", outlet=f"o{report}",
                type=type_, family=family, aggregate=False, mode=mode, country=place.country, admin1=None,
                geonameid=place.geonameid if precision < 3 else None, lat=lat, lon=lon, precision=precision,
                day=first, day_end=first + span, date_precision=date_precision, date_weak=weak,
                actor1=actor if rng.random() < 0.7 else None, actor1_kind=None, actor2=None, actor2_kind=None,
                killed=toll, injured=None, arrested=None, published=day + 1 + report,
                text=" ".join(details[: 2 + (report % 2)]) + " " + rng.choice(WORDS), sequel=False,
            ))
    return out


def describe(signatures: list[Signature]) -> str:
    """How busy the synthetic world is: distinct places, days, the busiest place's daily rate."""
    per_place = Counter(s.geonameid for s in signatures if s.geonameid is not None)
    days = len({s.published for s in signatures})
    busiest, count = per_place.most_common(1)[0]
    per_day = Counter(s.day for s in signatures if s.geonameid == busiest)
    return (
        f"{len(per_place):,} places over {days:,} days; busiest place {count / days:.0f} mentions a day "
        f"(max {max(per_day.values())}); top 1 % of places hold "
        f"{sum(c for _, c in per_place.most_common(len(per_place) // 100)) / len(signatures):.0%}"
    )


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


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _since(start: tuple[float, float]) -> str:
    """Wall and CPU seconds since ``start`` (the machine is shared: CPU time is the steadier one)."""
    wall, cpu = _clock()
    return f"{wall - start[0]:.2f}s ({cpu - start[1]:.2f}s CPU)"


def run(n: int) -> None:
    started = _clock()
    mentions = synthetic(n + 1000)
    stored, batch = mentions[:n], mentions[n:]
    print(f"N={n:>9,}  generate {_since(started)}: {describe(stored)}", flush=True)
    merge = _clock()
    links = list(link_all(stored))
    link_time = _since(merge)
    clustering = _clock()
    days = {s.mention_id: d for s in stored if (d := stated_days(s)) is not None}
    groups = clusters({s.mention_id: s.article_id for s in stored}, links, days)
    print(
        f"N={n:>9,}  link {link_time} ({len(links):,} links)  cluster {_since(clustering)} "
        f"({len(groups):,} events, largest {max(map(len, groups)):,} mentions)  merge total {_since(merge)}",
        flush=True,
    )
    indexing = _clock()
    index = Index(stored)
    index_time = _since(indexing)
    incremental = _clock()
    new_links: list[Link] = []
    touched = {s.mention_id: s for s in batch}
    for s in batch:
        for other in index.near(s):
            a, b = sorted((s, other), key=lambda x: x.mention_id)
            score = link_score(a, b)
            if score is not None:
                new_links.append(Link(a.mention_id, b.mention_id, score))
                touched[other.mention_id] = other
    clusters(
        {m: s.article_id for m, s in touched.items()},
        new_links,
        {m: d for m, s in touched.items() if (d := stated_days(s)) is not None},
    )
    print(
        f"N={n:>9,}  index {index_time}  +1,000 new {_since(incremental)} ({len(new_links):,} links)  "
        f"| peak RSS {_peak_mb():,.0f} MB",
        flush=True,
    )


if __name__ == "__main__":
    sizes = [int(arg) for arg in sys.argv[1:]] or [10_000, 100_000]
    if len(sizes) == 1:
        run(sizes[0])
    else:  # each size in its own process, so that each peak RSS is its own
        for size in sizes:
            subprocess.run([sys.executable, __file__, str(size)], check=True)
