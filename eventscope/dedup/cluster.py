"""Groups linked mentions into events, the same way whatever order they arrived in.

Links are taken strongest first (ties by ids), and two groups join unless
that would put two mentions of one article in one event: an article that
tells two events apart (two attacks the same day) is believed. The result
depends only on the set of mentions and links.
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


def clusters(article_of: Mapping[str, str], links: Iterable[Link]) -> list[list[str]]:
    """The mention ids of ``article_of`` in groups, each sorted, groups by their first id."""
    parent: dict[str, str] = {}  # only mentions that were joined to another
    articles: dict[str, set[str]] = {}  # a group's articles, kept for groups of two or more

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
        keep, drop = (ra, rb) if ra < rb else (rb, ra)
        parent[drop] = keep
        articles.pop(drop, None)
        large, small = (in_a, in_b) if len(in_a) >= len(in_b) else (in_b, in_a)
        large |= small  # the smaller set into the larger: each article is moved O(log n) times
        articles[keep] = large
    groups: dict[str, list[str]] = {}
    for mention in sorted(article_of):
        groups.setdefault(root(mention), []).append(mention)
    return sorted(groups.values())
