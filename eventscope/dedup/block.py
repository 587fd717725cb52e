"""Finds the pairs of mentions worth scoring among many, without comparing all pairs.

Mentions are grouped by (type family, country) and swept in order of their
first day. A mention is compared only with the earlier ones still *open*: whose
last day is at most ``DATE_WINDOW_DAYS`` before its first day (a heap by last
day drops the others, so a month-long mention costs nothing once it is over).
Among those, a located mention meets only the located ones of its own and the
26 neighbouring cubes of a grid over the globe (cubes of ``RADIUS_KM`` a side,
in 3-D coordinates, so there is no trouble at the poles or the date line: a
chord is never longer than its arc, so two places within ``RADIUS_KM`` lie in
touching cubes) and the unlocated ones of the block; an unlocated mention
(country only) meets every open mention of the block. The pairs found are
exactly those that ``score.candidate`` accepts; there is no cap, so the cost
is set by the busiest place: about (mentions open within its cubes) per
mention, a few hundred in a capital on a bad day.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator

from eventscope.dedup.score import (
    DATE_WINDOW_DAYS,
    EARTH_KM,
    RADIUS_KM,
    distance_km,
    located,
    mergeable,
)
from eventscope.dedup.signature import Signature

Cell = tuple[int, int, int]
_Open = list[tuple[int, int, Signature]]  # a heap of (last day, order, mention)
_NEIGHBOURS = [(dx, dy, dz) for dx in (-1, 0, 1) for dy in (-1, 0, 1) for dz in (-1, 0, 1)]


def cell(s: Signature) -> Cell | None:
    """The grid cube of a located mention, ``None`` for one placed only by its country."""
    if not located(s):
        return None
    assert s.lat is not None and s.lon is not None
    lat, lon = math.radians(s.lat), math.radians(s.lon)
    scale = EARTH_KM / RADIUS_KM
    return (
        math.floor(scale * math.cos(lat) * math.cos(lon)),
        math.floor(scale * math.cos(lat) * math.sin(lon)),
        math.floor(scale * math.sin(lat)),
    )


def _opened(heap: _Open, first_day: int) -> _Open:
    """Drops from ``heap`` the mentions over before ``first_day`` - DATE_WINDOW_DAYS; returns it."""
    while heap and heap[0][0] < first_day - DATE_WINDOW_DAYS:
        heapq.heappop(heap)
    return heap


def _near(a: Signature, b: Signature) -> bool:
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    if a.lat == b.lat and a.lon == b.lon:
        return True
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= RADIUS_KM


def _sweep(block: list[Signature]) -> Iterator[tuple[Signature, Signature]]:
    """The candidate pairs of one (family, country) block, sorted by (day, mention id)."""
    everyone: _Open = []
    unlocated: _Open = []
    cubes: dict[Cell, _Open] = defaultdict(list)
    for order, current in enumerate(block):
        assert current.day is not None and current.day_end is not None
        here = cell(current)
        _opened(everyone, current.day)
        if here is None:
            for _, _, other in everyone:
                if other.article_id != current.article_id:
                    yield other, current
        else:
            x, y, z = here
            for dx, dy, dz in _NEIGHBOURS:
                cube = cubes.get((x + dx, y + dy, z + dz))
                if cube:
                    for _, _, other in _opened(cube, current.day):
                        if other.article_id != current.article_id and _near(other, current):
                            yield other, current
            for _, _, other in _opened(unlocated, current.day):
                if other.article_id != current.article_id:
                    yield other, current
        entry = (current.day_end, order, current)
        heapq.heappush(everyone, entry)
        heapq.heappush(unlocated if here is None else cubes[here], entry)


def candidate_pairs(signatures: Iterable[Signature]) -> Iterator[tuple[Signature, Signature]]:
    """Every pair that ``candidate`` accepts, each once (earlier mention first), in a fixed order."""
    blocks: dict[tuple[str, str], list[Signature]] = defaultdict(list)
    for s in signatures:
        if mergeable(s):
            assert s.country is not None
            blocks[(s.family, s.country)].append(s)
    for key in sorted(blocks):
        block = blocks[key]
        block.sort(key=lambda s: (s.day, s.mention_id))
        yield from _sweep(block)
