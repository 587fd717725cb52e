"""Groups linked mentions into events, the same way whatever order they arrived in.

Links are taken strongest first (ties by ids), and two groups join unless
that would put two mentions of one article in one event (an article that
tells two events apart, two attacks the same day, is believed) or two stated
dates two or more days apart in one event (the rule ``score`` applies to a
pair, kept for the whole group, so daily protests in one square linked day to
day do not chain into one). The result depends only on the set of mentions
and links.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from eventscope.dedup.score import PairScore


@dataclass(frozen=True, slots=True)
class Link:
    """Two mentions judged to report the same event (``a`` < ``b``), and why."""

    a: str
    b: str
    score: PairScore


# Stated dates this many days apart are never one event (``score._vetoed``).
APART_DAYS = 2


def clusters(
    article_of: Mapping[str, str],
    links: Iterable[Link],
    stated_days: Mapping[str, tuple[int, int]] | None = None,
) -> list[list[str]]:
    """The mention ids of ``article_of`` in groups, each sorted, groups by their first id.

    ``stated_days`` gives the (first, last) day ordinals of mentions whose date the
    text states (not a publication-date fallback); a group never spans two of them
    ``APART_DAYS`` or more apart.
    """
    parent: dict[str, str] = {}  # only mentions that were joined to another
    articles: dict[str, set[str]] = {}  # a group's articles, kept for groups of two or more
    stated = stated_days or {}
    # a group's stated dates as (latest first day, earliest last day), when it has any
    spans: dict[str, tuple[int, int]] = {m: (first, last) for m, (first, last) in stated.items()}

    def root(mention: str) -> str:
        while parent.get(mention, mention) != mention:
            parent[mention] = parent.get(parent[mention], parent[mention])
            mention = parent[mention]
        return mention

    for link in sorted(links, key=lambda link: (-link.score.total, link.a, link.b)):
        if link.a not in article_of or link.b not in article_of:
            continue
        ra, rb = root(link.a), root(link.b)
        if ra == rb:
            continue
        in_a = articles.get(ra) or {article_of[ra]}
        in_b = articles.get(rb) or {article_of[rb]}
        if not in_a.isdisjoint(in_b):
            continue
        span_a, span_b = spans.get(ra), spans.get(rb)
        if span_a is not None and span_b is not None and _apart(span_a, span_b):
            continue
        keep, drop = (ra, rb) if ra < rb else (rb, ra)
        span = _joined(span_a, span_b)
        if span is not None:
            spans[keep] = span
        parent[drop] = keep
        articles.pop(drop, None)
        large, small = (in_a, in_b) if len(in_a) >= len(in_b) else (in_b, in_a)
        large |= small  # the smaller set into the larger: each article is moved O(log n) times
        articles[keep] = large
    groups: dict[str, list[str]] = {}
    for mention in sorted(article_of):
        groups.setdefault(root(mention), []).append(mention)
    return sorted(groups.values())



def _apart(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two groups hold stated dates ``APART_DAYS`` or more apart."""
    return max(b[0] - a[1], a[0] - b[1]) >= APART_DAYS


def _joined(a: tuple[int, int] | None, b: tuple[int, int] | None) -> tuple[int, int] | None:
    """Two groups' stated dates as one group's (latest first day, earliest last day)."""
    if a is None or b is None:
        return a or b
    return (max(a[0], b[0]), min(a[1], b[1]))
