"""Finds the pairs of mentions worth scoring among many, without comparing all pairs.

Mentions are grouped by (type family, country) and swept in date order, so
each is compared only with those inside the date window; ``score.candidate``
then applies the whole blocking rule (radius included).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby

from eventscope.dedup.score import DATE_WINDOW_DAYS, MAX_SPAN_DAYS, candidate, mergeable
from eventscope.dedup.signature import Signature


def _block(s: Signature) -> tuple[str, str]:
    return (s.family, s.country or "")


def candidate_pairs(signatures: Iterable[Signature]) -> Iterator[tuple[Signature, Signature]]:
    """Every pair that ``candidate`` accepts, each once, in a deterministic order."""
    usable = sorted(
        (s for s in signatures if mergeable(s)),
        key=lambda s: (_block(s), s.day, s.mention_id),
    )
    reach = DATE_WINDOW_DAYS + MAX_SPAN_DAYS
    for _, group in groupby(usable, key=_block):
        block = list(group)
        start = 0
        for index, current in enumerate(block):
            assert current.day is not None
            while block[start].day < current.day - reach:  # type: ignore[operator]
                start += 1
            for other in block[start:index]:
                if candidate(other, current):
                    yield other, current
